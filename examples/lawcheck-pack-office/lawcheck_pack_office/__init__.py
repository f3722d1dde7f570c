"""An example lawcheck rule pack, installed with pip and found through the ``lawcheck.packs`` entry point."""

from pathlib import Path


def pack_dir() -> str:
    """The directory holding pack.yaml and the rule files."""
    return str(Path(__file__).resolve().parent / "pack")
