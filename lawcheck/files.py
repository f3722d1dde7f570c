"""Check a file of any format lawcheck reads, from Python: the edge where a path becomes a scorecard."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from lawcheck.errors import InputError, speaking
from lawcheck.inputs import Source, read_bytes
from lawcheck.limits import Limits
from lawcheck.model import PreviousFigures, PreviousReport, Scorecard, Waiver
from lawcheck.packs import RulePack
from lawcheck.readers.base import Document
from lawcheck.text.normalize import HAN
from lawcheck.waivers import for_file


def check_file(
    path: str | Path | bytes,
    *,
    report_year: int | None = None,
    published: dt.date | str | None = None,
    rules: RulePack | str | Path | None = None,
    lang: str = "zh",
    level: str | None = None,
    kind: str | None = None,
    reporter: str | None = None,
    encoding: str | None = None,
    limits: Limits | None = None,
    waivers: list[Waiver | dict] | tuple[Waiver, ...] = (),
) -> Scorecard:
    """The scorecard of the report in ``path`` (.txt .docx .pdf .html .mhtml .ofd …), as ``lawcheck check``
    gives it: what the file or page says of itself (title, 发布时间, 文号) is kept; a PDF with no text layer
    gets every rule ``unknown``.  A file that cannot be read raises ``lawcheck.InputError`` with the
    same one-line message the command line prints.  ``waivers``: those whose ``files`` match ``path`` apply
(``lawcheck.waivers.for_file``).  The other arguments are those of ``evaluate``."""
    from lawcheck.engine import pack_argument
    from lawcheck.readers import read_document

    if not isinstance(path, (str, bytes, os.PathLike)):
        from lawcheck.errors import ArgumentTypeError
        from lawcheck.i18n import t

        raise ArgumentTypeError(t(lang, "api.path_type", got=type(path).__name__))
    lim = limits or Limits()
    # (a name given as bytes: how a file whose name is not UTF-8 is named, as the command line takes it)
    p = Path(os.fsdecode(path) if isinstance(path, bytes) else path)
    data = read_bytes(Source(str(p), p), lang, lim.max_bytes)
    doc = read_document(str(p), data, encoding=encoding, lang=lang, limits=lim)
    with speaking(lang):  # a pack not found: said in the caller's language
        pack = pack_argument(rules, lang)
    return scorecard_of(doc, pack, name=str(p), report_year=report_year, published=published, lang=lang, level=level,
                        kind=kind, reporter=reporter, waivers=for_file(waivers, str(p)))


def scorecard_of(
    doc: Document,
    pack: RulePack,
    *,
    name: str = "",
    report_year: int | None = None,
    published: dt.date | str | None = None,
    lang: str = "zh",
    level: str | None = None,
    kind: str | None = None,
    reporter: str | None = None,
    previous: PreviousReport | PreviousFigures | None = None,
    waivers: tuple[Waiver, ...] | list[Waiver] = (),
) -> Scorecard:
    """The scorecard of a document already read (``check_file`` and the batch both end here): what its
    file or page says of itself is kept, and one with no text layer gets every rule ``unknown``."""
    from lawcheck.engine import evaluate, unknown_scorecard
    from lawcheck.readers import msg

    if doc.no_text_layer:
        return unknown_scorecard(msg(lang, "no_text"), rules=pack, lang=lang, level=level)
    if not HAN.search(doc.text):
        # Random bytes named .html, an empty .docx, a page whose text was all dropped: an error, with
        # the reason, never a scorecard of a report that lacks everything.
        raise InputError(name, msg(lang, "no_text_read"))
    return evaluate(doc.text, report_year=report_year, published=published,
                    rules=pack, lang=lang, level=level, title=doc.meta.get("title"), kind=kind, reporter=reporter,
                    page=doc.meta, previous=previous, waivers=waivers)
