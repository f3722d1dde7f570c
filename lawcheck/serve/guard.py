"""The server's safety as one ASGI middleware, in front of every route.

A page on this computer is reachable by every web page open in the same browser: a ``<form>`` or a
``fetch`` from another site can post to it, and a site whose DNS name is re-pointed at 127.0.0.1 (DNS
rebinding) can read from it.  So:

- the ``Host`` header must name this server — loopback (127.0.0.1, localhost, [::1]), the ``--host``
  given, or, listening on every address, an IP address — with its own port: a rebound name never does;
- every request that is not a GET or HEAD must come from this page: an ``Origin`` equal to the
  server's own (``http://`` + the Host it was sent to), or, without one, ``Sec-Fetch-Site: same-origin``;
- every answer forbids framing, sniffing, caching and anything not from the page itself (CSP).
"""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
WILDCARDS = frozenset({"0.0.0.0", "::", ""})

# Only the page's own files, no inline code, no plug-ins, never inside another site's frame.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")

HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
    # Another site may not load the page's files either (a <script src> of them, say).
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]

_REFUSED = {
    "zh": {"host": "已拒绝：请求的主机名不是本机页面的地址（只接受 127.0.0.1、localhost 或 [::1] 及本页端口）",
           "origin": "已拒绝：请求不是来自本页面（其他网站不能向本机页面提交内容）"},
    "en": {"host": "refused: the request's host is not this page's address (only 127.0.0.1, localhost or [::1] "
                   "with this page's port)",
           "origin": "refused: the request does not come from this page (other sites cannot post to it)"},
}


def split_host(value: str) -> tuple[str, int | None]:
    """A Host header's name (lower case, IPv6 without brackets) and port (None when not given)."""
    value = value.strip().lower()
    if value.startswith("["):
        name, _, rest = value[1:].partition("]")
        port = rest[1:] if rest.startswith(":") else None if not rest else "x"
    else:
        name, sep, port_text = value.rpartition(":")
        if not sep:
            name, port_text = value, ""
        port = port_text or None
    if port is None:
        return name, None
    return name, int(port) if port.isdigit() and len(port) <= 5 else -1


def is_loopback(host: str) -> bool:
    """Whether listening on ``host`` keeps the page to this computer."""
    name = host.strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


class Guard:
    """Refuses what does not come from the page itself and adds the safety headers to every answer."""

    def __init__(self, app: ASGIApp, *, host: str, port: int, lang: str = "zh") -> None:
        self.app = app
        self.host = host.strip("[]").lower()
        self.port = port
        self.lang = lang if lang in _REFUSED else "zh"

    def host_allowed(self, header: str | None) -> bool:
        if not header:
            return False
        name, port = split_host(header)
        if (port if port is not None else 80) != self.port:
            return False
        if name in LOOPBACK_NAMES or name == self.host:
            return True
        # Listening on every address: the machine's own addresses are not known here, but a rebound DNS
        # name is never an IP address.
        return self.host in WILDCARDS and _is_ip(name)

    @staticmethod
    def from_the_page(headers: dict[bytes, bytes], host: str) -> bool:
        origin = headers.get(b"origin")
        site = headers.get(b"sec-fetch-site")
        if site is not None and site != b"same-origin":
            return False
        if origin is None:
            return site == b"same-origin"
        return origin.decode("latin-1") == f"http://{host}"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers: dict[bytes, bytes] = {}
        for k, v in scope["headers"]:
            headers.setdefault(k, v)  # the first of a repeated header; a second Host cannot override it
        host = headers.get(b"host", b"").decode("latin-1")
        if not self.host_allowed(host):
            await self._refuse(send, 403, "host")
            return
        if scope["method"] not in ("GET", "HEAD") and not self.from_the_page(headers, host.strip().lower()):
            await self._refuse(send, 403, "origin")
            return

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        await self.app(scope, receive, secured)

    async def _refuse(self, send: Send, status: int, why: str) -> None:
        body = json.dumps({"error": _REFUSED[self.lang][why]}, ensure_ascii=False).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json; charset=utf-8"),
                                (b"content-length", str(len(body)).encode()), *HEADERS]})
        await send({"type": "http.response.body", "body": body})
