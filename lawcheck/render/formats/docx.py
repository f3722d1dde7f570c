"""Word: the report back as a .docx with the review as comments (批注), for the drafter to work through.

A Word input is copied with no change to its text: each comment is anchored on exactly the passage it
is about (``render/comments.py`` says where and what; ``render/wordfile.py`` splits the runs).  Any
other input (.txt, .pdf, .ofd, a web page) becomes a new .docx made from the text lawcheck read, one
paragraph a line, the title styled as a title, with the same comments.  The same report gives the same
bytes: no clock is written.
"""

from __future__ import annotations

import io
import re

from lawcheck.model import Record, Scorecard
from lawcheck.render import Context, Format
from lawcheck.render.comments import AUTHOR, INITIALS, notes, title_span
from lawcheck.render.common import file_stem

FORMAT = Format("docx", "Word 文档，审查意见以批注写在原文上（单份：-o 文件或重定向到文件；多份须 -o 目录）",
                "Word document with the review as comments on the text (-o FILE or a redirect; -o DIR for several)",
                output="directory", needs_text=True, binary=True, needs_original=True, requires=("docx", "docx"))


def commented(card: Scorecard, text: str, original: bytes | None, pieces: list[tuple[int, int, int, int]],
              gate: list[str]) -> bytes:
    """The Word file with the review's comments: ``original`` (a .docx, its text's map in ``pieces``) with
    its text unchanged, or, when None, a new document made from ``text``."""

    from lawcheck.render.wordfile import Anchors, deterministic, xml_safe

    if original is not None:
        from lawcheck.ooxml import open_document  # a .docm as the .docx it is read as

        document = open_document(original)
        # A copy lawcheck commented before, checked again: its old comments go, the new ones stand alone
        # (removed after the new ones are anchored: the text's map to the runs stays as it was read).
        stale = _own_comments(document)
    else:
        document, pieces = _from_text(card, text)
        stale = set()
    anchors = Anchors(document.element.body, pieces)
    title = title_span(card, text)
    for note in notes(card, text, gate):
        runs = anchors.runs(note.start, note.end) or anchors.runs(*title) or anchors.runs(0, len(text))
        if runs is None:  # a document with no text in any run: nothing to hang a comment on
            continue
        comment = document.add_comment([_run(runs[0]), _run(runs[1])], text=xml_safe(note.text), author=AUTHOR,
                                       initials=INITIALS)
        # The time of writing would make every run's bytes differ; a comment's date is optional in Word.
        comment._comment_elm.attrib.pop(_qn("w:date"), None)
    _drop_comments(document, stale)
    buf = io.BytesIO()
    document.save(buf)
    return deterministic(buf.getvalue())


def _own_comments(document) -> set[str]:  # type: ignore[no-untyped-def]
    """The ids of the comments lawcheck wrote into this document (by their author), none when it has no
    comments part (asking ``document.comments`` would add one)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        document.part.part_related_by(RT.COMMENTS)
    except KeyError:
        return set()
    elm = document.comments._comments_elm
    return {c.get(_qn("w:id")) for c in elm.findall(_qn("w:comment")) if c.get(_qn("w:author")) == AUTHOR}


def _drop_comments(document, ids: set[str]) -> None:  # type: ignore[no-untyped-def]
    """Remove these comments: each entry, its range marks and the run that holds its reference mark."""
    if not ids:
        return
    elm = document.comments._comments_elm
    for c in list(elm.findall(_qn("w:comment"))):
        if c.get(_qn("w:id")) in ids:
            elm.remove(c)
    body = document.element.body
    for tag in ("w:commentRangeStart", "w:commentRangeEnd"):
        for e in list(body.iter(_qn(tag))):
            if e.get(_qn("w:id")) in ids:
                e.getparent().remove(e)
    for ref in list(body.iter(_qn("w:commentReference"))):
        if ref.get(_qn("w:id")) in ids:
            run = ref.getparent()
            run.remove(ref)
            if all(child.tag == _qn("w:rPr") for child in run):  # the run held only the mark
                run.getparent().remove(run)


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _run(r):  # type: ignore[no-untyped-def]
    from docx.text.run import Run

    return Run(r, None)  # type: ignore[arg-type]  # only its element is used to mark the range


def _from_text(card: Scorecard, text: str):  # type: ignore[no-untyped-def]
    """A new document, one paragraph per line of ``text`` (the title line(s) in the Title style), and its map:
    line k's characters are paragraph k's, one for one — but for the control characters, which Word's text
    cannot hold (they were written as U+FFFD): a form feed, a text file's page end (a PDF-to-text tool writes one
    a page), is a page break, and the others are left out.  The map skips what is left out, so a comment still
    covers exactly the passage the scorecard's offsets point at."""
    import docx

    from lawcheck.render.wordfile import TEXT_TAGS, node_text, xml_safe

    document = docx.Document()
    props = document.core_properties
    props.title = xml_safe(card.document.title or "")
    props.author = props.last_modified_by = AUTHOR
    props.comments = ""
    title = title_span(card, text)
    placed: list[tuple[int, object]] = []  # (offset in text, the element its character starts), document order
    pos = 0
    for line in text.split("\n"):
        style = "Title" if title[0] <= pos < title[1] and line.strip() else None
        paragraph = document.add_paragraph(style=style)
        if line:
            placed += _fill(paragraph.add_run()._r, line, pos)
        pos += len(line) + 1
    index = {el: i for i, el in enumerate(document.element.body.iter(*TEXT_TAGS))}
    pieces = [(at, at + n, index[el], 0) for at, el in placed if (n := len(node_text(el)))]
    return document, pieces


# A line cut into a form feed, a tab, control characters (left out), and the text between them.  A run of form
# feeds (and controls among them) is one page break: a file of 200,000 form feeds made 200,000 blank pages.
_PIECES = re.compile("(?P<page>\f[\f\x00-\x08\x0b\x0e-\x1f]*)|(?P<tab>\t)|(?P<control>[\x00-\x08\x0b\x0e-\x1f]+)"
                     "|[^\f\t\x00-\x08\x0b\x0e-\x1f]+")


def _fill(r, line: str, start: int) -> list[tuple[int, object]]:  # type: ignore[no-untyped-def]
    """Write ``line`` (at ``start`` in the text) into the run ``r``; the elements made, each with the offset of
    its first character."""
    from lawcheck.render.wordfile import xml_safe

    made: list[tuple[int, object]] = []
    for m in _PIECES.finditer(line):
        at = start + m.start()
        if m.lastgroup == "page":
            br = r.add_br()
            br.type = "page"
            made.append((at, br))
        elif m.lastgroup == "tab":
            made.append((at, r.add_tab()))
        elif m.lastgroup is None:  # text (a stray carriage return in it a space, one for one)
            made.append((at, r.add_t(xml_safe(m.group().replace("\r", " ")))))
    return made


def file_name(path: str, lang: str, n: int) -> str:
    """The commented copy's name in a folder: numbered in input order, the report's own name, readable."""
    stem = re.sub(r"[^\w\u4e00-\u9fff.-]+", "_", file_stem(path))[:60] or "report"
    return f"{n:04d}-{stem}-{'审查意见' if lang == 'zh' else 'review'}.docx"


def _one(rec: Record) -> bytes:
    assert rec.card is not None
    original = rec.original
    return commented(rec.card, rec.text or "", original.data if original else None,
                     original.pieces if original else [], rec.gate)


# A folder is written as the reports are checked (constant memory for any corpus): each copy made in the worker
# (``record``) and named by its place among the inputs (``name``); ``files`` is the same folder made at once.
def name(path: str, n: int, ctx: Context) -> str:
    return file_name(path, ctx.lang, n)


def record(rec: Record, ctx: Context) -> bytes:
    """A checked report's commented copy (b"" for an input that could not be read: its error line says why)."""
    return _one(rec) if rec.card is not None else b""


def files(records: list[Record], ctx: Context) -> dict[str, bytes]:
    """One commented .docx per report checked (an input that could not be read has its error line only)."""
    return {name(rec.path, n, ctx): record(rec, ctx) for n, rec in enumerate(records, 1) if rec.card is not None}


def render(records: list[Record], ctx: Context) -> bytes:
    """One input's commented .docx (several go to a directory: ``files``); b"" for an input that could not
    be read (its error is on standard error, and nothing is written)."""
    rec = records[0]
    return _one(rec) if rec.card is not None else b""
