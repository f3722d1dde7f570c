"""Comments on a Word document's own runs, and the document written the same way every time.

python-docx (1.2 and later) anchors a comment on whole runs: the runs are split here at the span's
first and last character, each part keeping the run's formatting, so the comment covers exactly the
quoted text and the paragraphs' text is unchanged.  Spans are located through the map the Word reader
made while it read the text (``Record.original.pieces``): offsets in the text to text nodes of the body,
in document order.  Imported only when a Word output is written (it needs python-docx).
"""

from __future__ import annotations

import bisect
import copy
import io
import zipfile
from collections.abc import Sequence

from lawcheck import rx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT_TAGS = (f"{W}t", f"{W}tab", f"{W}br", f"{W}cr")
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Characters XML 1.0 cannot hold: a damaged decoder's surrogates (one for one), and the control characters of a
# text file, which read as nothing in a comment or a title — a form feed or a vertical tab a space (a break), the
# others left out (U+FFFD in their place was noise the drafter could not place).
_NOT_XML = rx.compile("[\ud800-\udfff\ufffe\uffff]")
_BREAKS = rx.compile("[\x0b\x0c]")
_CONTROLS = rx.compile("[\x00-\x08\x0e-\x1f]")
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the zip format's earliest date: no clock in the bytes


def xml_safe(text: str) -> str:
    """``text`` as Word's XML can hold it."""
    return _NOT_XML.sub("\ufffd", _CONTROLS.sub("", _BREAKS.sub(" ", text)))


def node_text(el) -> str:
    return el.text or "" if el.tag == f"{W}t" else "\t" if el.tag == f"{W}tab" else "\n"


class Anchors:
    """Text offsets to the body's runs, splitting runs where a comment starts or ends.

    ``pieces``: (start, end, node index, offset in the node).  A node split earlier is followed through
    its fragments (each an element and the offset it starts at in the original node)."""

    def __init__(self, body, pieces: Sequence[tuple[int, int, int, int]]) -> None:
        self.nodes = list(body.iter(*TEXT_TAGS))
        self.pieces = sorted(p for p in pieces if 0 <= p[2] < len(self.nodes))
        self.starts = [p[0] for p in self.pieces]
        self.frags: dict[int, list[tuple[int, object]]] = {}

    def runs(self, start: int, end: int) -> tuple[object, object] | None:
        """The first and last run of exactly ``text[start:end]`` (what of it is in runs: a numbering label
        or a line join is in none), split out of their neighbours; None when no run holds any of it."""
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        covered = []
        for p in self.pieces[i:]:
            if p[0] >= end:
                break
            if p[1] > start:
                covered.append(p)
        if not covered:
            return None
        # A comment's start and end must be in one story: the body, or one text box (a range from a text box
        # into the body is no range Word can show).  The story where the passage starts holds it.
        story = _story(self.nodes[covered[0][2]])
        covered = [p for p in covered if _story(self.nodes[p[2]]) is story]
        first, last = covered[0], covered[-1]
        head = self._element_at(first[2], first[3] + max(0, start - first[0]), split=True)
        self._run_starting(head)
        tail = self._element_at(last[2], last[3] + min(end, last[1]) - last[0], split=True, before=True)
        self._run_ending(tail)
        return head.getparent(), tail.getparent()

    def _fragments(self, node: int) -> list[tuple[int, object]]:
        return self.frags.setdefault(node, [(0, self.nodes[node])])

    def _element_at(self, node: int, off: int, split: bool, before: bool = False):
        """The element holding character ``off`` of a node (``before``: the one holding ``off - 1``, whose
        text then ends at ``off``); a w:t is split there so that an element starts (or ends) at ``off``."""
        frags = self._fragments(node)
        k = max(0, bisect.bisect_right([f[0] for f in frags], off - 1 if before else off) - 1)
        at, el = frags[k]
        cut = off - at
        text = node_text(el)
        if not split or el.tag != f"{W}t" or cut <= 0 or cut >= len(text):
            return el
        right = copy.deepcopy(el)
        right.text, el.text = text[cut:], text[:cut]
        for part in (el, right):
            part.set(_SPACE, "preserve")
        el.addnext(right)
        frags.insert(k + 1, (off, right))
        return el if before else right

    @staticmethod
    def _content(r) -> list:
        return [c for c in r if c.tag != f"{W}rPr"]

    def _run_starting(self, el) -> None:
        """Split the run so that ``el`` is its first content (a new run, the same formatting)."""
        r = el.getparent()
        content = self._content(r)
        if content and content[0] is not el:
            self._split(r, content[content.index(el):])

    def _run_ending(self, el) -> None:
        """Split the run so that ``el`` is its last content."""
        r = el.getparent()
        content = self._content(r)
        k = content.index(el)
        if k + 1 < len(content):
            self._split(r, content[k + 1:])

    @staticmethod
    def _split(r, moved: list) -> None:
        new = copy.deepcopy(r)
        for c in list(new):
            if c.tag != f"{W}rPr":
                new.remove(c)
        for c in moved:
            new.append(c)  # moves the element (lxml): fragments keep pointing at it
        r.addnext(new)


def _story(el):  # type: ignore[no-untyped-def]
    """The text box holding ``el`` (its w:txbxContent), or None for the body."""
    return next(el.iterancestors(f"{W}txbxContent"), None)


def deterministic(data: bytes) -> bytes:
    """The package rewritten with every member's date fixed: python-docx stamps the time of writing, and the
    same report must give the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.create_system = 0
            fixed.external_attr = 0
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


__all__ = ["TEXT_TAGS", "Anchors", "W", "deterministic", "node_text", "xml_safe"]
