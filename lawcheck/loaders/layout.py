"""Re-join lines that a page layout broke (PDF, OFD) into the paragraphs the author wrote."""

from __future__ import annotations

from lawcheck.text.reflow import CLOSING_LINE, LINE_ENDS
from lawcheck.text.structure import heading_marker


def join_lines(pages: list[list[str]]) -> str:
    """A line runs on into the next unless it ends a sentence, is short of the page width, or the
    next line starts a heading or a signature block."""
    lines = [ln for page in pages for ln in page]
    if not lines:
        return ""
    widths = sorted(len(ln) for ln in lines)
    full = widths[int(len(widths) * 0.8)] if len(widths) > 4 else max(widths)
    out: list[str] = []
    current = ""
    for ln in lines:
        if current:
            ends = current.endswith(LINE_ENDS)
            short = len(current) < full * 0.85
            starts_new = bool(heading_marker(ln)) or bool(CLOSING_LINE.search(ln)) or bool(CLOSING_LINE.search(current))
            if ends or short or starts_new:
                out.append(current)
                current = ln
            else:
                current += ln
        else:
            current = ln
    if current:
        out.append(current)
    return "\n".join(out)
