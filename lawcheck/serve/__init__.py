"""``lawcheck serve``: a page on this computer to drop a report on (``lawcheck[serve]``).

An edge, like the command line: Starlette routes (``app``) behind one safety middleware (``guard``),
served by uvicorn on a socket bound here, checking with the batch's own functions (``work``).  The
page (``assets/``) is the report's HTML page shown inside a drop zone and a text box; it loads nothing
from elsewhere.  Nothing is written to disk and nothing outlives the request that carried it.
"""

from __future__ import annotations

import os
import socket
from typing import Any

from lawcheck.batch import Options
from lawcheck.errors import Msg, UsageError
from lawcheck.serve.guard import is_loopback


def require() -> None:
    """Raise the one-line install hint when the ``serve`` extra is missing."""
    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        raise UsageError(Msg("needs_extra", extra="serve")) from None


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host``:``port`` (0: a free port the system picks).  Bound here, before the
    server starts, so the real port is known to the Host check and the URL printed."""
    family, kind, proto, _, address = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, kind, proto)
    try:
        if os.name in ("nt", "cygwin"):
            # Windows: SO_REUSEADDR would let this socket bind a port another program is listening on (and
            # either get the browser's requests); the port must be ours alone (socket.create_server does so).
            if hasattr(socket, "SO_EXCLUSIVEADDRUSE"):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
        else:  # POSIX: only a port left in TIME_WAIT by a server just stopped is taken again
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(64)  # the browser may connect before uvicorn runs: it waits in the backlog
    except OSError:
        sock.close()
        raise
    return sock


def url_of(sock: socket.socket, host: str) -> str:
    """The page's address: the host as given (a wildcard one becomes this computer's loopback address of
    its family, where a browser here finds it), IPv6 in brackets."""
    port = sock.getsockname()[1]
    name = host.strip("[]")
    if name in ("0.0.0.0", ""):
        name = "127.0.0.1"
    elif name == "::":  # ::1, not 127.0.0.1: an IPv6 socket takes IPv4 only where IPV6_V6ONLY is off (not Windows)
        name = "::1"
    if ":" in name:
        name = f"[{name}]"
    return f"http://{name}:{port}/"


def server(app: Any) -> Any:
    """The uvicorn server for ``app``.  Ctrl-C (or SIGTERM) also stops the checks running in worker
    processes: uvicorn waits for the requests in flight before it exits, and a dropped PDF may take up to
    ``--timeout`` (300 s) — the page is closed, the terminal would seem to hang."""
    import uvicorn

    from lawcheck.batch import STOP

    class _Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: Any) -> None:
            STOP.set()  # a request waiting on a worker stops waiting; the worker is stopped
            super().handle_exit(sig, frame)

    STOP.clear()
    # No access log: file names stay off the terminal; no server or date header to fingerprint.
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off", server_header=False,
                            date_header=False)
    return _Server(config)


def run(sock: socket.socket, opts: Options, host: str) -> None:
    """Serve the page on ``sock`` until Ctrl-C (or SIGTERM).  The rule pack is loaded once, here."""
    from lawcheck.serve.app import create_app
    from lawcheck.serve.work import Checker

    app = create_app(Checker(opts), host=host, port=sock.getsockname()[1])
    server(app).run(sockets=[sock])


__all__ = ["bind", "is_loopback", "require", "run", "server", "url_of"]
