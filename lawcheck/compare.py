"""``lawcheck compare``: a report against its unit's report of the year before, one pair or a whole folder.

An edge of the architecture: it reads files (any format lawcheck reads, the same limits), pairs them and
hands texts to the core (``engine`` with a ``PreviousReport``, ``templates``); what it returns is the
model (``Scorecard.history``, ``FolderReview``), rendered elsewhere.

A folder is worked in three passes, each in worker processes (``batch.pooled``) that send back only small
results: every report is read and analysed once (its organ, year and sentence fingerprints); reports are
paired by organ and consecutive years (or by ``pairs.csv``); each pair is reviewed.  Then the
fingerprints of each year are clustered (``templates``).  A file that cannot be read is a row with its
error; it never stops the rest.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lawcheck.errors import InputError, LawcheckError
from lawcheck.inputs import Source, display_name, read_bytes
from lawcheck.limits import Limits
from lawcheck.model import FolderReview, PreviousReport, Scorecard, SharedPassage, TemplateCluster, UnitReview

_MSG = {
    "zh": {"mismatch": "“{last}”不像是“{this}”同一机关上一年度的报告：{why}如确需对照，请加 --force。",
           "pairs_csv": "配对文件“{path}”第{line}行：{why}",
           "pairs_cols": "应有两列：上一年度报告, 本年度报告（文件路径，相对于配对文件所在文件夹）",
           "pairs_missing": "找不到文件“{name}”",
           "not_report": "不是法治政府建设年度报告",
           "pairs_encoding": "不是 UTF-8 或 GB18030 编码的文本（可用 --encoding 指定）",
           "pairs_self": "同一个文件既是上一年度又是本年度的报告",
           "this_not_report": "给出的本年度报告不是法治政府建设年度报告（{why}），无法对照。",
           "pairs_twice": "“{name}”在第{first}行已配对",
           "duplicate": "同一机关同一年度另有报告：{others}；按文件名取第一份配对",
           "unread": "未能从报告中读出{what}，无法自动配对；可用 --pairs 指定上一年度的报告",
           "unread_organ": "机关", "unread_year": "报告年度", "unread_both": "机关和报告年度",
           "ambiguous": "上一年度可能是几个同名单位的报告：{names}；无法确定是哪一份，请用 --pairs 指定",
           "lasts": "本机关上一年度有几份报告：{names}；按文件名取第一份配对",
           "shared_last": "上一年度的报告{last}只写了单位名，{units}都可能是它的下一年度；无法确定是哪个单位的，"
                          "请用 --pairs 指定"},
    "en": {"mismatch": "\"{last}\" does not look like the report of the year before by the body of \"{this}\": {why} "
                       "Add --force to compare them anyway.",
           "pairs_csv": "pairs file \"{path}\", line {line}: {why}",
           "pairs_cols": "two columns expected: last year's report, this year's report (paths relative to the "
                         "pairs file's folder)",
           "pairs_missing": "no file \"{name}\"",
           "not_report": "not an annual report on law-based government",
           "pairs_encoding": "not UTF-8 or GB18030 text (name the encoding with --encoding)",
           "pairs_self": "the same file is both last year's and this year's report",
           "this_not_report": "the report given as this year's is not an annual report on law-based government "
                              "({why}), so there is nothing to compare.",
           "pairs_twice": "\"{name}\" is already paired on line {first}",
           "duplicate": "other reports of the same organ and year: {others}; the first by name is paired",
           "unread": "the {what} could not be read from the report, so it cannot be paired by itself; name last "
                     "year's report with --pairs",
           "unread_organ": "organ", "unread_year": "report year", "unread_both": "organ and report year",
           "ambiguous": "last year's report may be any of several units of that name: {names}; name the right one "
                        "with --pairs",
           "lasts": "the organ has several reports of the year before: {names}; the first by name is paired",
           "shared_last": "last year's report {last} names its unit without the places above it, and any of {units} "
                          "may follow it; which unit's it is cannot be told: name it with --pairs"},
}


def _m(lang: str, key: str, **kw: object) -> str:
    return _MSG.get(lang, _MSG["zh"])[key].format(**kw)


def read_text(path: str, lang: str, limits: Limits, encoding: str | None = None,
              members: Mapping[str, tuple[str, str]] | None = None) -> tuple[str, str | None]:
    """A report's text and its page title, read as ``lawcheck check`` reads it; InputError names the file.
    ``members``: the reports sent zipped, by the name they are known by (``材料.zip/报告.docx``): the archive and
    the member (``inputs.Source.member``), read in memory as ``check`` reads them."""
    from lawcheck.readers import msg, read_document
    from lawcheck.text.normalize import HAN

    name = display_name(path)
    zipped = members.get(path) if members else None
    src = Source(name, Path(zipped[0]), member=zipped[1]) if zipped else Source(name, Path(path))
    data = read_bytes(src, lang, limits.max_bytes)
    doc = read_document(name, data, encoding=encoding, lang=lang, limits=limits)
    if doc.no_text_layer or not HAN.search(doc.text):
        raise InputError(name, msg(lang, "no_text_read"))
    return doc.text, doc.meta.get("title")


def compare_texts(last: str, this: str, pack, lang: str = "zh", last_name: str = "",  # type: ignore[no-untyped-def]
                  last_title: str | None = None, this_title: str | None = None, year: int | None = None,
                  force: bool = False) -> Scorecard:
    """This year's scorecard with the review against last year's (``history``); ``force``: reviewed even when the
    two do not look like one body's consecutive years."""
    from lawcheck.engine import evaluate

    prev = PreviousReport(name=last_name or ("上年报告" if lang == "zh" else "last year's report"), text=last,
                          title=last_title, force=force)
    return evaluate(this, rules=pack, lang=lang, title=this_title, previous=prev, report_year=year)


def mismatch(card: Scorecard, lang: str) -> str | None:
    """Why last year's report is not this body's report of the year before, when what was read says so."""
    from lawcheck.review import pairing

    h = card.history
    if h is None:
        return None
    _paired, wrong, notes = pairing(card.document.organ, card.document.report_year, h.last.organ, h.last.year, lang)
    return (" " if lang == "en" else "").join(notes) if wrong else None


def compare_files(last: str, this: str, pack, lang: str, limits: Limits, *,  # type: ignore[no-untyped-def]
                  encoding: str | None = None, force: bool = False, year: int | None = None,
                  members: Mapping[str, tuple[str, str]] | None = None) -> tuple[Scorecard, str, str]:
    """One pair of files: the scorecard with its history, and both texts.  A pair whose organ or years do not
    line up raises InputError (unless ``force``)."""
    if _same_file(last, this):
        raise InputError(display_name(last), _m(lang, "pairs_self"))
    last_text, last_title = read_text(last, lang, limits, encoding, members)
    this_text, this_title = read_text(this, lang, limits, encoding, members)
    card = compare_texts(last_text, this_text, pack, lang, display_name(Path(last).name), last_title, this_title,
                         year, force)
    if card.document.kind != "annual_report":
        # This year's "report" is a 政府工作报告, a news page …: there is no review to give, and no pass.
        raise InputError(display_name(this), _m(lang, "this_not_report", why=card.document.kind_reason or ""))
    if card.history is None:
        # Last year's report is not one (a 政府工作报告, a news page): the history rules say why.
        why_not = next((r.message for r in card.results if r.kind == "history" and r.status == "unknown"), "")
        raise InputError(display_name(last), why_not)
    why = mismatch(card, lang)
    if why and not force:
        raise InputError(display_name(last), _m(lang, "mismatch", last=display_name(last), this=display_name(this),
                                                why=why))
    return card, last_text, this_text


# ---------------------------------------------------------------- a folder


def _same_file(a: str, b: str) -> bool:
    import os

    try:
        return os.path.samefile(a, b)
    except OSError:
        return a == b


@dataclass(frozen=True)
class Job:
    """What a worker needs (picklable): the pack, the language, the limits, and what the command asked."""

    packs: tuple[str, ...]
    extra: tuple[str, ...]
    disable: tuple[str, ...]
    lang: str
    limits: Limits
    encoding: str | None
    force: bool = False  # review a pair whose organ or years do not line up (with the pairing notes)
    keep: bool = False  # send the scorecard and both texts back (the HTML pages)
    # The reports sent zipped, by the name they go by (``材料.zip/报告.docx``): the archive and the member.
    members: Mapping[str, tuple[str, str]] = field(default_factory=dict, hash=False, compare=False)


def _pack(job: Job):  # type: ignore[no-untyped-def]
    from lawcheck.packs import PACKS, load_pack

    return PACKS.pinned(("compare", job.packs, job.extra, job.disable),
                        lambda: load_pack(packs=job.packs, extra=job.extra, disable=job.disable))


def _template_rule(job: Job) -> tuple[int, int]:
    """(min_chars, max_units) from the pack's copied-text rule (its defaults when the pack has none)."""
    from lawcheck.kinds.history import HistoryRule

    for rule in _pack(job).rules:
        if isinstance(rule, HistoryRule) and rule.check == "copied":
            return rule.min_chars, rule.max_units
    defaults = HistoryRule.model_fields
    return defaults["min_chars"].default, defaults["max_units"].default


def _reason(e: Exception, job: Job) -> str:
    """Why a file of a comparison could not be done, in one line (no file name: the caller names it)."""
    if isinstance(e, LawcheckError):
        return str(getattr(e, "problem", None) or e)
    if isinstance(e, OSError):
        from lawcheck.readers.base import os_reason

        return os_reason(e, job.lang)
    if isinstance(e, MemoryError):
        from lawcheck.limits import human_bytes
        from lawcheck.readers import msg

        return msg(job.lang, "memory", limit=human_bytes(job.limits.max_memory))
    return f"internal error: {type(e).__name__}: {e}"  # a bug must not lose the rest of the folder


def compare_task(last: str, this: str, job: Job, year: int | None) -> tuple[Scorecard, str, str] | str:
    """One pair in a worker: the scorecard and both texts, or the one-line reason there are none."""
    try:
        return compare_files(last, this, _pack(job), job.lang, job.limits, encoding=job.encoding, force=job.force,
                             year=year)
    except LawcheckError as e:
        return str(e)  # it names its file
    except (OSError, MemoryError) as e:
        return f"{display_name(getattr(e, 'filename', None) or this)}: {_reason(e, job)}"


@dataclass(frozen=True)
class Scan:
    """What the first pass keeps of one file: who wrote it for which year, and its sentence fingerprints."""

    path: str  # as given to the file system
    organ: str | None = None
    year: int | None = None
    error: str | None = None
    prints: object = None  # templates.Prints
    not_report: bool = False  # read, and no annual report


def scan(path: str, job: Job) -> Scan:
    """Read and analyse one file (first pass)."""
    from lawcheck.analysis import analyse
    from lawcheck.templates import fingerprints
    from lawcheck.text.kind import classify

    try:
        text, title = read_text(path, job.lang, job.limits, job.encoding, job.members)
        pack = _pack(job)
        a = analyse(text, pack, None, "en" if job.lang == "en" else "zh")
        found = "".join(a.st.title.split()) if a.st.title else (title or "")
        if classify(a.st, found).kind == "other":
            return Scan(path, a.organ, a.year, _m(job.lang, "not_report"), not_report=True)
        return Scan(path, a.organ, a.year, None, fingerprints(a.st, path, a.organ, a.year))
    except Exception as e:  # the file's row says why; the rest of the folder goes on
        return Scan(path, error=_reason(e, job))


@dataclass(frozen=True)
class Reviewed:
    """Second pass: a report's row, and (for the HTML pages) its scorecard and both texts."""

    row: UnitReview
    card: Scorecard | None = None
    last_text: str | None = None
    this_text: str | None = None


def review_pair(this: str, last: str, paired_by: str, notes: tuple[str, ...], job: Job) -> Reviewed:
    """One report against its unit's report of the year before (``notes``: what the pairing found)."""
    try:
        got = compare_files(last, this, _pack(job), job.lang, job.limits, encoding=job.encoding, force=job.force,
                            members=job.members)
    except Exception as e:  # the report's row says why; the rest of the folder goes on
        return Reviewed(UnitReview(this=display_name(this), last=display_name(last), paired_by=paired_by,
                                   pairing=list(notes), error=_reason(e, job)))
    card, last_text, this_text = got
    row = unit_row(card, display_name(this), display_name(last), paired_by)
    if notes:
        row = row.model_copy(update={"pairing": [*notes, *row.pairing]})
    if job.keep:
        return Reviewed(row, card, last_text, this_text)
    return Reviewed(row)


def unit_row(card: Scorecard, this: str, last: str | None, paired_by: str | None) -> UnitReview:
    """A folder's row for one compared report (``this``, ``last``: the files' names as a person reads them)."""
    d, h = card.document, card.history
    if h is None:
        return UnitReview(this=this, organ=d.organ, year=d.report_year, last=last, score=card.score)
    return UnitReview(
        this=this, organ=d.organ, year=d.report_year, last=last, last_year=h.last.year,
        paired_by=paired_by, score=card.score, pairing=h.pairing, plan_counts=h.plan_counts,  # type: ignore[arg-type]
        shortcoming_counts=h.shortcoming_counts,
        silent_plan=[_head(r.item.text) for r in h.plan if r.outcome == "silent"],
        repeated_problems=[_head(r.item.text) for r in h.shortcomings if r.outcome == "repeated"],
        silent_problems=[_head(r.item.text) for r in h.shortcomings if r.outcome == "silent"],
        copied_share=h.copied_share, worst_parts=h.worst_parts)


def _head(text: str) -> str:
    """An item as a list names it: its first sentence, at most 40 characters."""
    first = text.strip().split("。")[0].split("\n")[0]
    return first if len(first) <= 40 else first[:39] + "…"


def _decode_pairs(raw: bytes, encoding: str | None, path: str, lang: str) -> str:
    """pairs.csv as saved by Excel or WPS: UTF-8 (with or without BOM), else GB18030 (Chinese Windows)."""
    for enc in ([encoding] if encoding else ["utf-8-sig", "gb18030"]):
        try:
            return raw.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    raise InputError(display_name(path), _m(lang, "pairs_encoding"))


def read_pairs(path: str, known: dict[str, str], lang: str, encoding: str | None = None) -> list[tuple[str, str]]:
    """``pairs.csv``: rows of last year's report, this year's report (relative to the file's folder; a header
    row is allowed).  An unreadable file, a row that is not two files of the folder, a file paired with
    itself or a report given twice is a one-line error naming the line."""
    import os

    base = Path(path).resolve().parent
    try:
        raw = Path(path).read_bytes()
    except OSError as e:
        from lawcheck.readers.base import os_reason

        raise InputError(display_name(path), os_reason(e, lang)) from None
    text = _decode_pairs(raw, encoding, path, lang)
    out: list[tuple[str, str]] = []
    seen: dict[str, int] = {}

    def bad(line: int, why: str) -> InputError:
        return InputError(display_name(path), _m(lang, "pairs_csv", path=display_name(path), line=line, why=why))

    for n, row in enumerate(csv.reader(io.StringIO(text)), 1):
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) != 2:
            raise bad(n, _m(lang, "pairs_cols"))
        files = []
        for cell in row:
            p = os.path.realpath(base / cell.strip())
            if p not in known:
                if n == 1 and not any((base / c.strip()).exists() for c in row):
                    files = []  # a header row
                    break
                raise bad(n, _m(lang, "pairs_missing", name=cell.strip()))
            files.append(known[p])
        if not files:
            continue
        if files[0] == files[1]:
            raise bad(n, _m(lang, "pairs_self"))
        if files[1] in seen:
            raise bad(n, _m(lang, "pairs_twice", name=row[1].strip(), first=seen[files[1]]))
        seen[files[1]] = n
        out.append((files[0], files[1]))
    return out


_PLACE_UNIT = frozenset("省市县区州旗盟镇乡")


def _tail(key: str) -> str:
    """A unit name from the character before its last place word on ("阳区政府" of 北京市朝阳区政府 and of 朝阳区政府):
    two names of one unit, with and without the places above it, share it."""
    for i in range(len(key) - 1, -1, -1):
        if key[i] in _PLACE_UNIT:
            return key[max(0, i - 1):]
    return key


def units_by_year(scans: list[Scan]) -> dict[tuple[str, int], list[str]]:
    """The readable reports of each unit (``review.unit_key``) and year, by name: the first is the one pairing
    uses."""
    from lawcheck.review import unit_key

    out: dict[tuple[str, int], list[str]] = {}
    for s in sorted((s for s in scans if s.error is None and s.organ and s.year), key=lambda s: s.path):
        out.setdefault((unit_key(s.organ), s.year), []).append(s.path)  # type: ignore[arg-type]
    return out


def pair_by_organ(scans: list[Scan], lang: str) -> list[tuple[str, str | None, str | None, tuple[str, ...]]]:
    """(this, last, how, notes) for every readable report: paired with the same organ's report of the year
    before (organs as lawcheck reads them).  Two reports of one organ and year: the first by name is used,
    and the row says which others there are."""
    from lawcheck.review import unit_key
    from lawcheck.text.organs import same_unit

    by_unit = units_by_year(scans)
    by_tail: dict[tuple[str, int], list[str]] = {}  # keys by their last place: the candidates of ``same_unit``
    for key, year in by_unit:
        by_tail.setdefault((_tail(key), year), []).append(key)
    out: list[tuple[str, str | None, str | None, tuple[str, ...]]] = []
    sep = "、" if lang == "zh" else ", "

    def names(paths: list[str]) -> str:
        return sep.join(map(display_name, paths))

    by_near: dict[str, list[int]] = {}  # last year's report found by its place-less name: the rows that took it
    for s in scans:
        if s.error is not None:
            continue
        notes: tuple[str, ...] = ()
        if not (s.organ and s.year):
            what = "unread_both" if not s.organ and not s.year else "unread_organ" if not s.organ else "unread_year"
            out.append((s.path, None, None, (_m(lang, "unread", what=_m(lang, what)),)))
            continue
        key = unit_key(s.organ)
        same = by_unit[(key, s.year)]
        if len(same) > 1:
            notes = (_m(lang, "duplicate", others=names([p for p in same if p != s.path])),)
        if s.path != same[0]:
            out.append((s.path, None, None, notes))
            continue
        lasts = by_unit.get((key, s.year - 1))
        if not lasts:
            # Last year's name written with or without the places above it ("河北省灵寿县人民政府"): one such unit only.
            near = [k for k in by_tail.get((_tail(key), s.year - 1), ()) if same_unit(k, key)]
            if len(near) > 1:
                notes += (_m(lang, "ambiguous", names=names([by_unit[(k, s.year - 1)][0] for k in near])),)
            lasts = by_unit[(near[0], s.year - 1)] if len(near) == 1 else None
            if lasts:
                by_near.setdefault(lasts[0], []).append(len(out))
        if lasts and len(lasts) > 1:
            notes += (_m(lang, "lasts", names=names(lasts)),)
        out.append((s.path, lasts[0] if lasts else None, "organ_year" if lasts else None, notes))
    # One report of the year before, named without its places ("长生镇"), taken by two units of that name (彭水县
    # 长生镇, 黔江区长生镇): it is not known whose it is.
    for last, rows in by_near.items():
        if len(rows) > 1:
            units = [out[i][0] for i in rows]
            for i in rows:
                this, _last, _how, notes = out[i]
                out[i] = (this, None, None, (*notes, _m(lang, "shared_last", last=names([last]), units=names(units))))
    return out


_STRAY_MIN = 2  # reports of a year: fewer, and fewer than _STRAY_SHARE of the commonest year's, are strays
_STRAY_SHARE = 0.2


def review_folder(paths: list[str], job: Job, jobs: int = 1, pairs_csv: str | None = None,
                  progress: Callable[[str, int, int], None] | None = None,
                  each: Callable[[int, Reviewed], None] | None = None,
                  inputs: list[Collection[str]] | None = None) -> FolderReview:
    """Every report of the folder(s): paired year over year and reviewed, and the template clusters.  With
    ``job.keep`` each reviewed pair (its scorecard and both texts) is handed to ``each(n, pair)`` as it comes,
    in order, and dropped: a folder's pages are written one by one, never all held at once."""
    import os

    scans = list(_run(paths, lambda p: (scan, (p, job)), lambda p, why, code: Scan(p, error=_lost(why, code, job)),
                      jobs, job.limits, progress and (lambda d, t: progress("scan", d, t))))
    plan = pair_by_organ(scans, job.lang)
    if pairs_csv:
        known = {os.path.realpath(s.path): s.path for s in scans}
        chosen = read_pairs(pairs_csv, known, job.lang, job.encoding)
        given = {this: last for last, this in chosen}
        # Paired by hand: what the automatic pairing would have said of the row (unread, ambiguous) is moot.
        plan = [(this, given[this], "pairs_csv", ()) if this in given else (this, last, how, notes)
                for this, last, how, notes in plan]
        planned = {t[0] for t in plan}
        plan += [(this, last, "pairs_csv", ()) for this, last in given.items() if this not in planned]
    order = {s.path: i for i, s in enumerate(scans)}
    plan.sort(key=lambda t: order[t[0]])
    pairs = [t for t in plan if t[1] is not None]
    reviewed: dict[str, Reviewed] = {}
    for n, (t, r) in enumerate(zip(pairs, _run(
            pairs, lambda t: (review_pair, (t[0], t[1], t[2], t[3], job)),
            lambda t, why, code: Reviewed(UnitReview(this=display_name(t[0]), last=display_name(t[1]),
                                                     error=_lost(why, code, job))),
            jobs, job.limits, progress and (lambda d, t: progress("pairs", d, t))), strict=True), 1):
        if each is not None and r.card is not None:
            each(n, r)
        reviewed[t[0]] = Reviewed(r.row)  # the row only: the scorecard and texts are not kept
    clusters = _clusters([s.prints for s in scans if s.prints is not None], job)
    in_cluster: dict[str, list[int]] = {}
    share: dict[str, float] = {}
    for c in clusters:
        for u in c.units:
            in_cluster.setdefault(u, []).append(c.id)
            share[u] = max(share.get(u, 0.0), c.shares[u])
    notes_of = {t[0]: t[3] for t in plan}
    lasts = {t[1] for t in pairs}
    # A unit's report of the year before the year under review that no report of the next year follows is last
    # year's report of a unit whose report of the year under review is missing.
    from lawcheck.review import unit_key

    # The year under review: the newest year that more than a stray report is on — of this year's input when
    # several are given (``inputs``: the files of each; ``compare LAST/ THIS/``: those of THIS/), else of all: one
    # report of a wrong or later year must not make every unit's report look a year old, and this year's few early
    # reports beside last year's many still make this year the one under review.
    read = [s for s in scans if s.error is None and s.year]
    groups = list(inputs or ())
    pools = [[s for s in read if s.path in group] for group in groups]
    held_by = [i for i, p in enumerate(pools) if p]
    commonest = [Counter(s.year for s in p).most_common(1)[0][0] if p else 0 for p in pools]
    # (LAST/ THIS/ in either order: this year's folder is the one whose reports are of the later year; when only one
    # input holds a report whose year is read — this year's zip unreadable, or its reports' years — the order given
    # tells: THIS/ comes last)
    this_in = max(held_by, key=lambda i: commonest[i]) if len(held_by) > 1 else held_by[0] if held_by else None
    pool = pools[this_in] if this_in is not None and len(groups) > 1 else read
    years = Counter(s.year for s in pool)
    enough = max(_STRAY_MIN, _STRAY_SHARE * max(years.values(), default=0))
    newest = max((y for y, n in years.items() if n >= enough), default=max(years, default=None))
    if newest is not None and len(groups) > 1 and this_in is not None and len(held_by) == 1 \
            and this_in != len(groups) - 1:
        newest += 1  # only last year's input holds reports: this year's is the year after theirs
    # Last year's input (LAST/ of ``compare LAST/ THIS/``): its reports are asked for no report of the year before.
    earlier = set().union(*(g for i, g in enumerate(groups) if i != this_in)) - set(
        groups[this_in] if this_in is not None else ()) if len(groups) > 1 and this_in is not None else set()
    held = units_by_year(scans)  # each unit and year, and the report of it pairing uses (the first by name)
    units: list[UnitReview] = []
    for s in scans:
        name = display_name(s.path)
        if s.path in lasts and s.path not in reviewed and name not in in_cluster:
            # last year's report of a pair: it is in its pair's row (why it has no pair of its own is moot; a
            # second report of its organ and year says so in that report's own row)
            continue
        # (the year before the newest only, as the README says: a unit's older report is not last year's; and
        # once per unit, not for a second copy of its report)
        missing = s.year + 1 if (s.error is None and s.year and s.organ and newest and s.year + 1 == newest
                                 and s.path not in lasts and held[(unit_key(s.organ), s.year)][0] == s.path
                                 and (unit_key(s.organ), s.year + 1) not in held) else None
        if missing is None and s.error is None and newest and s.path in earlier and s.path not in lasts \
                and s.path not in reviewed and not (s.organ and s.year and (unit_key(s.organ), newest) in held):
            # A report of last year's input that no report of this year's took (its organ or year unread, a second
            # copy of it): this year's report of its unit is what is missing, not its own year before's.
            missing = newest
        rows = []
        if s.path in reviewed:  # (a folder of three years: last year's report reviewed against the year before's)
            rows.append(reviewed[s.path].row)
        elif missing is None:
            rows.append(UnitReview(this=name, organ=s.organ, year=s.year, error=s.error, not_report=s.not_report,
                                   pairing=list(notes_of.get(s.path, ()))))
        if missing is not None:
            # The row of the year the unit's report is missing from: no report of its own, last year's beside it.
            rows.append(UnitReview(this="", organ=s.organ, year=missing, missing_year=missing, last=name,
                                   last_year=s.year, pairing=list(notes_of.get(s.path, ()))))
        for row in rows:
            if name in in_cluster and not row.missing_year:
                row = row.model_copy(update={"templates": in_cluster[name], "template_share": share[name]})
            units.append(row)
    return FolderReview(units=units, clusters=clusters)


def _lost(why: str, code: int | None, job: Job) -> str:
    from lawcheck.readers import msg

    if why == "timeout":
        return msg(job.lang, "task_timeout", limit=f"{job.limits.timeout:g}")
    if why == "crashed":
        return msg(job.lang, "crashed", code=code)
    return why


def _run(items: list, task: Callable, lost: Callable, jobs: int, limits: Limits,  # type: ignore[type-arg]
         progress: Callable[[int, int], None] | None, isolate: bool = False):  # type: ignore[no-untyped-def]
    """The items through ``task`` in worker processes (here, for one item or one job, unless ``isolate``)."""
    from lawcheck.batch import pooled

    if not isolate and (jobs <= 1 or len(items) <= 1):
        for i, item in enumerate(items, 1):
            fn, args = task(item)
            yield fn(*args)
            if progress:
                progress(i, len(items))
        return
    yield from pooled(items, task, lost, max(1, jobs), limits, progress)


def run_isolated(fn: Callable, args: tuple, limits: Limits, lang: str):  # type: ignore[type-arg, no-untyped-def]
    """One task in a worker process, bounded like a batch's (its time and memory); a task that runs out of
    either returns the one-line reason."""
    job = Job((), (), (), lang, limits, None)
    return next(_run([args], lambda a: (fn, a), lambda _a, why, code: _lost(why, code, job), 1, limits, None,
                     isolate=True))


def _clusters(prints: list, job: Job) -> list[TemplateCluster]:  # type: ignore[type-arg]
    """Template clusters of each year, numbered from 1 in the order: year, then largest first.  Reports whose
    year could not be read are not clustered: nothing says they are of one year."""
    from lawcheck.templates import clusters

    min_chars, max_units = _template_rule(job)
    by_year: dict[int, list] = {}  # type: ignore[type-arg]
    for p in prints:
        if p.year is not None:
            by_year.setdefault(p.year, []).append(p)
    out: list[TemplateCluster] = []
    for year in sorted(by_year):
        group = by_year[year]
        texts: dict[str, str] = {}
        for c in clusters(group, min_chars=min_chars, max_units=max_units):
            passages = []
            for u, s, e, who in c.passages[:5]:
                key = group[u].key
                if key not in texts:
                    texts[key] = _text_of(key, job)
                passages.append(SharedPassage(text=texts[key][s:e], length=e - s,
                                              units=[display_name(group[w].key) for w in who]))
            out.append(TemplateCluster(
                id=len(out) + 1, year=year, units=[display_name(group[u].key) for u in c.units],
                organs=[group[u].organ for u in c.units], passages=passages,
                shares={display_name(group[u].key): round(min(1.0, c.covered[u] / group[u].body), 4)
                        for u in c.units}))
    return out


def _text_of(path: str, job: Job) -> str:
    """A report's text again, to quote a shared passage (the first pass keeps only fingerprints)."""
    try:
        return read_text(path, job.lang, job.limits, job.encoding, job.members)[0]
    except (LawcheckError, OSError):
        return ""
