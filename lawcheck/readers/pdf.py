"""PDF with a text layer (pypdf: pure Python, maintained, no system libraries).

Page headers and footers (lines repeated on most pages) and page numbers ("— 3 —", "第3页")
are removed; lines broken by the page width are re-joined into paragraphs so that sentences and
headings survive.  A PDF with no text layer is reported as such, never scored as an empty report.
"""

from __future__ import annotations

import io
import re

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
    page_lines = [[quotes_back(ln.strip()) for ln in p.splitlines() if ln.strip()] for p in pages]
    if sum(len("".join(lines)) for lines in page_lines) < 20:
        return Document("", "pdf", meta, no_text_layer=True)
    text = join_lines(strip_running_lines(page_lines))
    shown = shown_title(meta.pop("title", None), text)
    if shown:
        meta["title"] = shown
    return Document(text, "pdf", meta)


# Curly quotes set in a Latin font in a Chinese line: pypdf takes them out of their places and writes the pair
# together ahead of the words they enclosed ("启动 八五 普法," for 启动“八五”普法), a blank left where each stood.
# Those blanks split words ("两委 换届") and widen the line.  An empty pair is never written by a person.
_LIFTED = re.compile(r" ?([“‘]) ?([”’]) ?")


def _gaps(seg: str) -> list[int]:
    """The blanks of ``seg`` a lifted quote left: one space between two characters, one of them not ASCII."""
    return [i for i, ch in enumerate(seg) if ch == " " and 0 < i < len(seg) - 1 and seg[i - 1] != " " != seg[i + 1]
            and not (seg[i - 1].isascii() and seg[i + 1].isascii())]


def quotes_back(line: str) -> str:
    """A PDF line with each lifted pair of quotes put back: where the words after the pairs (up to the next one)
    hold exactly two of the blanks they left for each, the pairs in order around the words between; otherwise (a
    quote's place is not told: "“ ”两委 换届") the pairs stay, closed up, and the blanks go."""
    found = list(_LIFTED.finditer(line))
    if not found:
        return line
    out = [line[:found[0].start()]]
    pairs: list[tuple[str, str]] = []  # pairs written one after another ("“ ” “ ”"): their words follow them all
    for n, m in enumerate(found):
        pairs.append((m.group(1), m.group(2)))
        seg = line[m.end():found[n + 1].start() if n + 1 < len(found) else len(line)]
        if not seg and n + 1 < len(found):
            continue
        gaps = _gaps(seg)
        if len(gaps) == 2 * len(pairs):
            marks = [q for pair in pairs for q in pair]
            cuts = [-1, *gaps, len(seg)]
            out.append(seg[:gaps[0]] + "".join(marks[k] + seg[cuts[k + 1] + 1:cuts[k + 2]] for k in range(len(marks))))
        else:
            drop = set(gaps)
            out.append("".join(a + b for a, b in pairs) + "".join(ch for i, ch in enumerate(seg) if i not in drop))
        pairs = []
    return "".join(out)
