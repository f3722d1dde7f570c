"""Renderers: a Scorecard in, text out.  They never re-run checks."""
