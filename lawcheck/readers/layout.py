"""Laid-out pages (PDF, OFD) back into the text the author wrote: running headers, footers and page
numbers dropped, lines broken by the page width re-joined into paragraphs."""

from __future__ import annotations

import re
from collections import Counter

from lawcheck import rx
from lawcheck.text.reflow import join_soft_breaks

_PAGE_NO = rx.compile(r"^[\s\-—－–一_]*(?:第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|\d{1,4}(?:\s*/\s*\d{1,4})?)"
                      r"[\s\-—－–一_]*$")


def join_lines(pages: list[list[str]]) -> str:
    """The pages' lines as paragraphs: a break the page width made is removed by the same algorithm
    that finds such breaks in pasted text (``lawcheck.text.reflow``)."""
    return join_soft_breaks("\n".join(ln for page in pages for ln in page))


def strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers and the header/footer lines that repeat on most pages."""
    edges: Counter[str] = Counter()
    for lines in pages:
        for ln in set(lines[:2] + lines[-2:]):
            edges[re.sub(r"\d+", "#", ln)] += 1
    running = {k for k, n in edges.items() if len(pages) >= 2 and n >= max(2, len(pages) // 2 + 1)}
    out = []
    for lines in pages:
        kept = []
        for i, ln in enumerate(lines):
            at_edge = i < 2 or i >= len(lines) - 2
            if at_edge and (_PAGE_NO.match(ln) or re.sub(r"\d+", "#", ln) in running):
                continue
            kept.append(ln)
        out.append(kept)
    return out
