"""Start ``lawcheck serve`` as a user does (a process, its URL read from its first line) and stop it with Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def start_server(cwd: Path, *args: str) -> tuple[subprocess.Popen, str]:
    """``lawcheck serve --no-browser`` as a user runs it, in ``cwd``; its URL from its first line."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("LAWCHECK_LANG", None)
    proc = subprocess.Popen([sys.executable, "-m", "lawcheck", "serve", "--no-browser", *args], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if "http://" not in line:
        proc.kill()
        raise AssertionError(line + proc.stderr.read())
    return proc, "http://" + line.split("http://", 1)[1].split()[0]


def stop_server(proc: subprocess.Popen) -> tuple[int, str]:
    proc.send_signal(signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise
    return proc.returncode, err
