"""PDF with a text layer (pypdf: pure Python, maintained, no system libraries).

Page headers and footers (lines repeated on most pages) and page numbers ("— 3 —", "第3页")
are removed; lines broken by the page width are re-joined into paragraphs so that sentences and
headings survive.  A PDF with no text layer is reported as such, never scored as an empty report.
"""

from __future__ import annotations

import io
import re
from collections import Counter

from lawcheck.limits import Budget, Limits
from lawcheck.loaders import Loaded, msg, need_extra
from lawcheck.loaders.layout import join_lines

_PAGE_NO = re.compile(r"^[\s\-—－–一_]*(?:第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|\d{1,4}(?:\s*/\s*\d{1,4})?)"
                      r"[\s\-—－–一_]*$")


def load_pdf(name: str, data: bytes, lang: str, limits: Limits | None = None) -> Loaded:
    try:
        import pypdf
    except ImportError:
        raise need_extra(name, "PDF", "pdf", lang) from None
    import logging

    from lawcheck.errors import InputError

    # pypdf logs each repair it makes on a damaged file; the outcome is reported, not the repairs.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    lim = limits or Limits()
    budget = Budget(lim.timeout)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        n = len(reader.pages)
        if n > lim.max_pages:
            raise InputError(name, msg(lang, "pages", n=n, limit=lim.max_pages))
        pages = []
        for page in reader.pages:
            if budget.spent():
                raise InputError(name, msg(lang, "timeout", limit=f"{lim.timeout:g}"))
            pages.append(page.extract_text() or "")
    except InputError:
        raise
    except RecursionError:
        raise InputError(name, msg(lang, "corrupt", fmt="PDF", err="nested too deeply")) from None
    except Exception as e:  # pypdf raises many kinds for damaged files
        raise InputError(name, msg(lang, "corrupt", fmt="PDF", err=f"{type(e).__name__}: {e}")) from None
    meta: dict[str, str] = {}
    try:
        title = (reader.metadata.title if reader.metadata else None) or ""
        if title.strip():
            meta["title"] = title.strip()
    except Exception:  # damaged metadata is not worth failing the report for
        pass
    page_lines = [[ln.strip() for ln in p.splitlines() if ln.strip()] for p in pages]
    if sum(len("".join(lines)) for lines in page_lines) < 20:
        return Loaded("", "pdf", meta, no_text_layer=True)
    return Loaded(join_lines(strip_running_lines(page_lines)), "pdf", meta)


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
