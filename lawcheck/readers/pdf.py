"""PDF with a text layer (pypdf: pure Python, maintained, no system libraries).

Page headers and footers (lines repeated on most pages) and page numbers ("— 3 —", "第3页")
are removed; lines broken by the page width are re-joined into paragraphs so that sentences and
headings survive.  A PDF with no text layer is reported as such, never scored as an empty report.
"""

from __future__ import annotations

import io

from lawcheck.limits import Budget, Limits
from lawcheck.readers.base import Document, ReadOptions, cause, msg, need_extra, shown_title
from lawcheck.readers.layout import join_lines, strip_running_lines

# Imported when a file of this format is read; a batch imports it before forking (readers.preload).
LIBRARIES = ("pypdf",)


def read(name: str, data: bytes, opts: ReadOptions) -> Document:
    lang, limits = opts.lang, opts.limits
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
        # Encrypted with an owner password only (printing or copying restricted), a PDF opens with the empty
        # user password; one that asks for a password to open cannot be read.
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(name, msg(lang, "pdf_encrypted"))
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
        raise InputError(name, msg(lang, "corrupt", fmt="PDF", err=cause("nested too deeply", lang))) from None
    except Exception as e:  # pypdf raises many kinds for damaged files
        raise InputError(name, msg(lang, "corrupt", fmt="PDF", err=cause(e, lang))) from None
    meta: dict[str, str] = {}
    try:
        title = (reader.metadata.title if reader.metadata else None) or ""
        if title.strip():
            meta["title"] = title.strip()
    except Exception:  # damaged metadata is not worth failing the report for
        pass
    page_lines = [[ln.strip() for ln in p.splitlines() if ln.strip()] for p in pages]
    if sum(len("".join(lines)) for lines in page_lines) < 20:
        return Document("", "pdf", meta, no_text_layer=True)
    text = join_lines(strip_running_lines(page_lines))
    shown = shown_title(meta.pop("title", None), text)
    if shown:
        meta["title"] = shown
    return Document(text, "pdf", meta)
