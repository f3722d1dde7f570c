"""The version of lawcheck: one place, read by the package, the scorecard and the build."""

__version__ = "0.4.0"
