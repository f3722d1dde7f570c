"""Re-join lines that a page layout broke (PDF, OFD) into the paragraphs the author wrote."""

from __future__ import annotations

import re

from lawcheck.text.structure import heading_marker

_ENDS = "。！？!?：:；;」』”’)）】》"
_CLOSING = re.compile(
    r"^(?:特此|专此)(?:报告|汇报)|(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$|人民政府$|\d{4}-\d{2}-\d{2}"
)


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
            ends = current.endswith(tuple(_ENDS))
            short = len(current) < full * 0.85
            starts_new = bool(heading_marker(ln)) or bool(_CLOSING.search(ln)) or bool(_CLOSING.search(current))
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
