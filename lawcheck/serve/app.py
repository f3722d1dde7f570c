"""The local page as a Starlette app: the page, its own four files, and two endpoints that check what it
sends.  Nothing is written and nothing is kept: a request's bytes live in memory for that request only.

Routes are listed one by one — no static-directory serving, so no path can reach another file.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from lawcheck.i18n import t
from lawcheck.limits import human_bytes
from lawcheck.model import Record, Scorecard
from lawcheck.readers import msg
from lawcheck.render.common import not_report_line, shown_score
from lawcheck.render.formats import html
from lawcheck.serve import page
from lawcheck.serve.guard import Guard
from lawcheck.serve.work import Checker, file_name

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

_MSG = {
    "zh": {"not_utf8": "粘贴的文字不是 UTF-8 编码", "empty": "没有收到任何内容"},
    "en": {"not_utf8": "the pasted text is not UTF-8", "empty": "nothing was received"},
}


def _commented_docx(rec: Record) -> bytes:
    """The report as a .docx with each finding as a Word comment at its evidence (``--format docx``): the
    dropped Word file with its text unchanged, or a new document made from the text read."""
    from lawcheck.render.formats.docx import commented

    assert rec.card is not None
    original = rec.original
    return commented(rec.card, rec.text or "", original.data if original else None,
                     original.pieces if original else [], rec.gate)


class _TooBig(Exception):
    pass


async def _body(request: Request, limit: int) -> bytes:
    """The request's bytes, refused as soon as they pass ``limit`` (--max-bytes): a declared length is
    refused before anything is read, an undeclared one after ``limit`` bytes at most."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _TooBig(int(declared))
    buf = bytearray()
    async for chunk in request.stream():
        buf += chunk
        if len(buf) > limit:
            raise _TooBig(len(buf))
    return bytes(buf)


def _error(status: int, text: str) -> JSONResponse:
    return JSONResponse({"error": text}, status_code=status)


def _summary(card: Scorecard) -> str:
    lang = card.lang
    if card.document.kind != "annual_report":
        return not_report_line(card)
    score = shown_score(card, "—")
    sep = "：" if lang == "zh" else ": "
    return (f"{t(lang, 'ui.score')}{sep}{score} · {t(lang, 'ui.grade')}{sep}{card.grade_label or t(lang, 'ui.none')}"
            f" · {t(lang, 'ui.missing')}{sep}{len(card.missing)}")


def create_app(checker: Checker, *, host: str, port: int) -> Guard:
    """The app for a server listening on ``host``:``port`` (the Host and Origin it accepts depend on them)."""
    lang = checker.lang
    limits = checker.opts.limits
    words = _MSG.get(lang, _MSG["zh"])
    index = page.index(lang, limits.max_bytes)
    files = {
        "app.js": (page.asset("app.js"), "text/javascript; charset=utf-8"),
        "app.css": (page.asset("app.css"), "text/css; charset=utf-8"),
        "report.js": (html.report_script(), "text/javascript; charset=utf-8"),
        "report.css": (html.stylesheet(), "text/css; charset=utf-8"),
    }

    async def home(request: Request) -> Response:
        return Response(index, media_type="text/html; charset=utf-8")

    def serve_asset(name: str):  # type: ignore[no-untyped-def]
        text, media = files[name]

        async def one(request: Request) -> Response:
            return Response(text, media_type=media)

        return one

    async def received(request: Request) -> tuple[bytes, str | None] | JSONResponse:
        try:
            data = await _body(request, limits.max_bytes)
        except _TooBig as e:
            size = human_bytes(e.args[0])
            return _error(413, msg(lang, "too_big", size=size, limit=human_bytes(limits.max_bytes)))
        name = file_name(request.query_params.get("name"))
        if not data:
            return _error(422, words["empty"])
        if name is None:
            try:
                data.decode("utf-8")
            except UnicodeDecodeError:
                return _error(400, words["not_utf8"])
        return data, name

    async def check(request: Request) -> Response:
        got = await received(request)
        if isinstance(got, Response):
            return got
        data, name = got

        def work() -> dict[str, object] | str:
            rec = checker.check(data, name)
            if rec.card is None:
                return rec.error or "?"
            return _answer(rec, name)

        answer = await run_in_threadpool(work)
        if isinstance(answer, str):
            return _error(422, answer)
        return Response(json.dumps(answer, ensure_ascii=False), media_type="application/json; charset=utf-8")

    async def docx(request: Request) -> Response:
        got = await received(request)
        if isinstance(got, Response):
            return got
        data, name = got

        def work() -> bytes | str:
            rec = checker.check(data, name, keep_original=True)
            if rec.card is None:
                return rec.error or "?"
            return _commented_docx(rec)

        made = await run_in_threadpool(work)
        if isinstance(made, str):
            return _error(422, made)
        stem = (name or page.ui(lang)["pasted_stem"]).rsplit(".", 1)[0]
        target = f"{stem}{page.ui(lang)['docx_suffix']}"
        return Response(made, media_type=DOCX,
                        headers={"content-disposition": f"attachment; filename*=UTF-8''{quote(target)}"})

    async def no_icon(request: Request) -> Response:  # browsers ask for one; a 404 would be noise in the console
        return Response(status_code=204)

    routes = [Route("/", home, methods=["GET"]), Route("/favicon.ico", no_icon, methods=["GET"]),
              Route("/api/check", check, methods=["POST"]),
              Route("/api/docx", docx, methods=["POST"])]
    routes += [Route(f"/assets/{n}", serve_asset(n), methods=["GET"]) for n in files]
    return Guard(Starlette(routes=routes), host=host, port=port, lang=lang)


def _answer(rec: Record, name: str | None) -> dict[str, object]:
    """What the page shows: the report's HTML page (the same as ``--format html``), the text it was read as
    (the page puts it in the text box to edit), the summary line and each rule's status."""
    card = rec.card
    assert card is not None
    text = rec.text or ""
    return {
        "page": html.render_report_page(card, text, name, rec.gate),
        "text": text,
        "summary": _summary(card),
        "score": card.score,
        "statuses": {r.rule: r.status for r in card.results},
    }
