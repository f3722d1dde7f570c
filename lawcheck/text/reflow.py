"""Find the line breaks that a page's width made, not the author: text copied out of a PDF, or
hard-wrapped by a mail program, breaks every line at the same width, in mid-sentence and even
inside a phrase (第一责\\n任人).  The matching view drops those breaks (``normalize``), so phrases,
sentences and paragraphs come back whole while evidence still points into the original text.

A text counts as wrapped only when most of its longer lines have the same length, measured in
characters or in display width (CJK characters two columns, ASCII one), as a width-bound layout
makes them, or when most of them stop in mid-sentence at widths in a narrow band (a ragged right edge:
scanned pages, a layout that breaks by pixel width); a report written a paragraph per line never looks
like that.  In a wrapped text a
break is soft when its line is full, does not end a sentence, and the next line does not start a
heading or the closing block.
"""

from __future__ import annotations

from collections.abc import Callable

from lawcheck import rx
from lawcheck.text.grammar import CLOSING_LINE, LINE_ENDS, heading_marker

# Full-width ASCII folded to ASCII, so that "（一）" and "１．" read as heading markers before the
# text is normalised.
_FOLD = str.maketrans({cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)})
# A page's own labels (日期:, 来源:, 索引号:) start lines of their own, even after a full line.
_LABEL = rx.compile(r"^[\u4e00-\u9fff]{2,5}[:：]")
# A title ends on what the document is; it stands in the first lines, above the text.
_TITLE_END = rx.compile(r"(?:报告|总结|汇报|情况)$")
_TITLE_LINES = 6
_MIN_LINES = 6  # full lines needed before a text counts as wrapped
_LONG = 12  # lines shorter than this (in characters) are titles, headings, signatures


def _chars(line: str) -> int:
    return len(line)


def _columns(line: str) -> int:
    # ASCII takes one column, everything else in a report (CJK, full-width forms) two.
    return 2 * len(line) - len(line.encode("ascii", "ignore"))


def _full_width(lines: list[str], measure: Callable[[str], int], slack: int) -> int | None:
    """The width at which the lines were broken, or None when they were not broken at one width."""
    sizes = sorted(measure(ln) for ln in lines if len(ln) >= _LONG)
    if len(sizes) < _MIN_LINES:
        return None
    top = sizes[int(len(sizes) * 0.9)]
    near = len(sizes) - next(i for i, w in enumerate(sizes) if w >= top - slack)
    return top if near >= _MIN_LINES and 2 * near >= len(sizes) else None


def _ragged_lines(lines: list[str], heading: Callable[[str], object]) -> list[str] | None:
    """The long lines of text (headings and labels left out) when most stop in mid-sentence, as a ragged right
    edge leaves them (scanned and recognised pages, a layout that breaks by pixel width); else None.  A report
    written a paragraph per line ends nearly every line on a mark and never looks like that."""
    long = [ln for ln in lines if len(ln) >= _LONG]
    # Cheap first: with the headings still counted as lines that stop in mid-sentence, too few stop so (a report
    # written a paragraph per line ends its lines on marks).  Only then are the headings told apart.
    if 10 * sum(not ln.endswith(LINE_ENDS) for ln in long) < 6 * len(long):
        return None
    return [ln for ln in long if not heading(ln[:16]) and not _LABEL.match(ln)]


def _ragged_width(body: list[str], measure: Callable[[str], int]) -> int | None:
    """The width of a full line at a ragged edge: the widths of the lines that stop in mid-sentence lie in a narrow
    band (the middle 80% within half the median), and a full line is as wide as the narrowest twentieth of them."""
    open_ = sorted(measure(ln) for ln in body if not ln.endswith(LINE_ENDS))
    if len(open_) < 2 * _MIN_LINES or 10 * len(open_) < 6 * len(body):
        return None
    low, mid, high = open_[len(open_) // 10], open_[len(open_) // 2], open_[len(open_) * 9 // 10]
    return open_[len(open_) // 20] if 2 * (high - low) <= mid else None


def starts_heading(line: str) -> bool:
    """Whether a line (as written, full-width forms and all) starts with a heading marker."""
    return heading_marker(line.translate(_FOLD)) is not None


def soft_breaks(text: str, heading: Callable[[str], object] = starts_heading) -> list[int]:
    """Offsets of the line breaks in ``text`` that a page width made; ``heading(line)`` says
    whether a line starts a heading."""
    if text.count("\n") < _MIN_LINES:
        return []
    raw = text.split("\n")
    lines = [ln.strip() for ln in raw]
    # A page width shows as one column count (PDF); a wrapping program as one character count.
    # Either found, a line is full when it reaches it by either measure; a ragged edge (most lines stopping
    # in mid-sentence at widths in a band) lowers the bar to the band's foot.
    ragged = _ragged_lines(lines, heading)  # found once, measured both ways
    fulls = []
    for measure, slack in ((_columns, 4), (_chars, 2)):
        widths = [w for w in (_full_width(lines, measure, slack), _ragged_width(ragged, measure) if ragged else None)
                  if w is not None]
        if widths:
            fulls.append((measure, min(widths) - slack))
    if not fulls:
        return []
    first = next((i for i, ln in enumerate(lines) if ln), 0)
    out: list[int] = []
    pos = -1
    for i in range(len(raw) - 1):
        pos += len(raw[i]) + 1  # the "\n" after line i
        line, nxt = lines[i], lines[i + 1]
        if not line or not nxt or line.endswith(LINE_ENDS) or not any(m(line) >= least for m, least in fulls):
            continue
        if line[-1].isascii() and line[-1].isalpha() and nxt[0].isascii() and nxt[0].isalpha():
            continue  # joining would glue two words together (a figure broken across lines is one figure)
        if heading(nxt) or CLOSING_LINE.search(nxt) or _LABEL.match(nxt):
            continue
        if i - first < _TITLE_LINES and _TITLE_END.search(line):
            continue  # the title, as wide as a line of text: the report starts below it
        out.append(pos)
    return out


def join_soft_breaks(text: str) -> str:
    """``text`` with the line breaks a page width made removed: the paragraphs the author wrote.

    The readers of laid-out formats (PDF, OFD) hand their lines here, so that the text a drafter
    sees quoted is whole paragraphs; the matching view finds the same breaks in plain text pasted
    out of a PDF (``normalize``): one algorithm for both.
    """
    breaks = soft_breaks(text)
    if not breaks:
        return text
    pieces, pos = [], 0
    for b in breaks:
        pieces.append(text[pos:b])
        pos = b + 1
    pieces.append(text[pos:])
    return "".join(pieces)
