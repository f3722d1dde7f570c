"""lawcheck's command line in a process of its own, as a user runs it (from this checkout)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_lawcheck(*args: str, cwd: Path, env: dict[str, str] | None = None,
                 timeout: int = 300) -> subprocess.CompletedProcess[bytes]:
    """``python -m lawcheck ARGS`` in ``cwd``; ``env``: variables set over the caller's."""
    return subprocess.run([sys.executable, "-m", "lawcheck", *args], cwd=cwd, capture_output=True, timeout=timeout,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})
