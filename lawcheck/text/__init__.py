"""Text stages of the pipeline: normalise, structure, dates. Pure functions, no I/O."""
