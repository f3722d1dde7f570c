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
    """Drop page numbers and the header/footer lines that repeat on most pages — at the same edge: a running
    header stands at the top of each page, a footer at the bottom.  The unit's name at the top of page 1 (the
    title's first line) and again at the bottom of the last page (the signature) is in neither, however short
    the report (two or three pages made it "most pages" once, and the organ was lost)."""
    tops: Counter[str] = Counter()
    bottoms: Counter[str] = Counter()
    for lines in pages:
        tops.update({re.sub(r"\d+", "#", ln) for ln in lines[:2]})
        bottoms.update({re.sub(r"\d+", "#", ln) for ln in lines[-2:]})
    least = max(2, len(pages) // 2 + 1)
    head = {k for k, n in tops.items() if len(pages) >= 2 and n >= least}
    foot = {k for k, n in bottoms.items() if len(pages) >= 2 and n >= least}
    out = []
    for lines in pages:
        kept = []
        for i, ln in enumerate(lines):
            if i < 2 or i >= len(lines) - 2:
                key = re.sub(r"\d+", "#", ln)
                if _PAGE_NO.match(ln) or (i < 2 and key in head) or (i >= len(lines) - 2 and key in foot):
                    continue
            kept.append(ln)
        out.append(kept)
    return out
