"""One module per output format (see lawcheck.render)."""
