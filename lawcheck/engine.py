"""The pure core: text in, Scorecard out.

    read (the caller) → analyse → check → score → assemble

``analyse`` works out everything the checks share (``lawcheck.analysis``); each rule's kind checks it
(``lawcheck.kinds``); ``scoring.score`` turns the results into a score; ``assemble`` builds the
scorecard once, with what the caller stated beside what was read.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Literal, cast, get_args

from lawcheck import rx
from lawcheck.analysis import Analysis, Span, analyse
from lawcheck.errors import speaking
from lawcheck.i18n import has_text, join, t, unit_label
from lawcheck.kinds import kind_of
from lawcheck.kinds.base import Outcome, RuleBase, years_text
from lawcheck.kinds.field import cut_off, too_short
from lawcheck.model import (
    BasisRef,
    CallerFacts,
    Change,
    DocumentInfo,
    Evidence,
    FactError,
    Figure,
    IndicatorInfo,
    Kind,
    Level,
    MissingItem,
    NearMiss,
    NotScored,
    PackRef,
    PreviousFigures,
    PreviousReport,
    Role,
    RuleInfo,
    RuleResult,
    Scorecard,
    Searched,
    SectionInfo,
    Waived,
    Waiver,
    construct,
)
from lawcheck.packs import RulePack, default_pack, load_pack
from lawcheck.saferegex import PatternTimeout
from lawcheck.scoring import Score, missing_order, score, timeliness
from lawcheck.text import dates, facts, region
from lawcheck.text.grammar import split_page
from lawcheck.text.kind import WORDS, KindVerdict, classify, dated_early, since_year, so_far
from lawcheck.text.normalize import HAN, whole
from lawcheck.text.organs import possible_levels
from lawcheck.text.structure import CLOSING, PLAN, PREAMBLE
from lawcheck.version import __version__

_QUOTE_MAX = 160
# A line of text under a title holds this many Chinese characters at least ("全年办理行政复议案件12件" has 10); a
# page's label ("来源：县司法局") is no text.
_LINE_MIN = 8
# A string that is a file's name: one line ending in a suffix lawcheck reads.
_FILE_NAME = rx.compile(r"(?i)\.(?:txt|text|docx?|docm|wps|pdf|ofd|s?html?|mhtml?|mht|rtf)$")
_LABEL_LINE = rx.compile(r"^[\u4e00-\u9fff]{2,6}\s*[:：]")
_TITLE_LINE = rx.compile(r"(?:报告|总结|汇报|情况)\s*$")


def _title_only(a: Analysis) -> bool:
    """Whether the text is a title and nothing else: no line outside the title that is text (a page's labels, a
    date, a line that is itself a title — "某县2023年度法治政府建设年度报告" alone — are not)."""
    text, title = a.st.text, a.st.title_span
    for line_start, line in _lines_of(text):
        if title and title[0] <= line_start < title[1]:
            continue
        if len(HAN.findall(line)) < _LINE_MIN or (_LABEL_LINE.match(line) and len(line) <= 30 and "。" not in line):
            continue  # (a page's label and its value; "主要做法：…。" is text)
        if "。" not in line and _TITLE_LINE.search(line) and len(line) <= 80:
            continue
        return False
    return True


_FIRST_PART = rx.compile(r"\s*(?:第一部分|一\s*[、.．]|[(（]一[)）])")
_PAGER_REACH = 400  # characters at the text's end (and start) a pager stands in


def _one_page_of(a: Analysis) -> int | None:
    """The number of pages (0: not said) when the text is one page of a report split over several: a site's pager
    or a page's number above or under it (grammar.split_page), and the report's first part or its end (its plan
    part, its signature) missing.  None otherwise (a whole report with a site's pager of its list under it is
    judged)."""
    total = split_page(a.st.text, _PAGER_REACH)
    if total is None:
        return None
    # Whole: its beginning (the first part) and its end (the plan part, or the signature) are on it.  An unsigned
    # report with a PDF's footer ("第3页 共3页") or a site's list pager under it is judged.
    tops = [s for s in a.st.sections if s.parent is None]
    first = any(_FIRST_PART.match(s.heading) for s in tops)
    end = a.signed is not None or any(PLAN in s.roles for s in tops)
    return None if first and end else total


def _lines_of(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, line.strip()
        pos += len(line) + 1
_HEADING_LABEL = 24


# ---------------------------------------------------------------- check


def _applicability(rule: RuleBase, a: Analysis) -> Outcome | None:
    """Not applicable (or unknown) before any check runs: the wrong reporter, level or year."""
    lang = a.lang
    if rule.region is not None:
        names = _own_names(a)
        where = region.elsewhere(names, rule.region.province, rule.region.places)
        place_name = rule.region.name.get(lang) if rule.region.name else rule.region.province
        if where is not None:
            return Outcome("not_applicable", 0.0, details=[t(lang, "other_region", place=where, region=place_name)])
        if not region.placed(names, rule.region.province, rule.region.places):
            # Its own names place it nowhere: the places its body names as its own, when one clearly leads and the
            # region is never named.
            found = region.body_elsewhere(a.own_places, a.st.text, rule.region.province, rule.region.places)
            if found is not None:
                return Outcome("not_applicable", 0.0, evidence=[found[1]],
                               details=[t(lang, "other_region_body", place=found[0], region=place_name,
                                          quote=region.quote(a.st.text, found[1]))])
    if a.reporter is not None and a.reporter not in rule.reporters:
        return Outcome("not_applicable", 0.0, details=[t(lang, "not_for_reporter",
                                                         reporter=t(lang, f"reporter.{a.reporter}"))])
    levels = rule.levels
    if levels is not None and a.level is not None and a.level not in levels:
        return Outcome("not_applicable", 0.0, details=[t(lang, "not_for_level", level=t(lang, f"level.{a.level}"))])
    if levels is not None and a.level is None:
        return Outcome("unknown", 0.0, details=[t(lang, "no_level")])
    years = rule.years
    if a.year is None:
        if kind_of(rule).needs_year or (years.bounded and rule.when_year_unknown == "unknown"):
            key = "year_placeholder" if a.year_placeholder else "year_unknown"
            return Outcome("unknown", 0.0, details=[t(lang, key)])
        return _uncovered(rule, a)
    if not years.contains(a.year):
        return Outcome("not_applicable", 0.0,
                       details=[t(lang, "not_in_force", years=years_text(lang, years), year=a.year)])
    return _uncovered(rule, a)


def _own_names(a: Analysis) -> list[str]:
    """The names a report gives of itself and of those it writes to: where it comes from (never the body's text)."""
    sig = a.sig_organ.value if a.sig_organ is not None and isinstance(a.sig_organ.value, str) else None
    lines = [*(a.recipients[0] if a.recipients else ()), *(a.copies[0] if a.copies else ())]
    return [n for n in (a.organ, sig, *lines) if n]


_LEVELS = frozenset(get_args(Level))


def _name_levels(a: Analysis) -> frozenset[str] | None:
    """The levels the organ's name allows, read from the signature when the organ itself is not known (a
    template's "XX市人民政府")."""
    sig = a.sig_organ.value if a.sig_organ is not None and isinstance(a.sig_organ.value, str) else None
    return possible_levels(a.organ) or possible_levels(sig)


def _uncovered(rule: RuleBase, a: Analysis) -> Outcome | None:
    """Not applicable when none of the rule's bases governs this reporter in this year: a township is not
    held to a deadline set for county-level governments, a 2017 report not to a rule of 2019.  Unknown when that
    turns on the level and the level could not be read: a township's report with its name lost is not failed on a
    county's deadline."""
    covering = [b for b in rule.basis if b.covers(a.year, a.level, a.reporter, a.tier)]
    # (every level the organ's name allows covered — "XX市人民政府" of a template is a city's or a county-level
    # city's — is as good as the level read)
    if covering and a.level is None and all(b.levels is not None for b in covering) and \
            not {lv for b in covering for lv in b.levels or ()} >= (_name_levels(a) or _LEVELS):
        return Outcome("unknown", 0.0, details=[t(a.lang, "no_level")])
    if covering:
        return None
    if a.tier in ("central", "below_county") and any(b.covers(a.year, a.level, a.reporter) for b in rule.basis):
        # Only the department's standing leaves it uncovered.  A 国务院部门: whether provisions written for local
        # governments and their departments bind it is not verified (unknown, not a fail); a 司法所 below the
        # county is no 县级以上政府部门 (not applicable).
        status = "unknown" if a.tier == "central" else "not_applicable"
        return Outcome(status, 0.0, details=[t(a.lang, f"tier.{a.tier}")])
    return Outcome("not_applicable", 0.0, details=[rule.no_basis.get(a.lang) if rule.no_basis else
                                                   t(a.lang, "no_basis")])


def _run_check(rule: RuleBase, a: Analysis) -> Outcome:
    try:
        return kind_of(rule).check(rule, a)
    except PatternTimeout as e:
        # A third-party pattern that runs away on this text: that rule cannot judge it; the rest can.
        return Outcome("unknown", 0.0, details=[t(a.lang, "regex_timeout", pattern=e.pattern)])


# ---------------------------------------------------------------- results


def _short(heading: str) -> str:
    return heading if len(heading) <= _HEADING_LABEL else heading[: _HEADING_LABEL - 1] + "…"


def _evidence(a: Analysis, span: Span) -> Evidence:
    st = a.st
    s, e = span
    si = st.sentence_at(s)
    if si is not None:
        sent = st.sentences[si]
        # Quote the whole sentence when short, else a window around the hit.
        if sent.end - sent.start <= _QUOTE_MAX:
            s, e = sent.start, sent.end
        else:
            s = max(sent.start, s - 40)
            e = min(sent.end, max(e, s + _QUOTE_MAX - 40))
        if sent.section is not None:
            section = a.section_labels.get(sent.section)
            if section is None:
                chain = st.ancestors(sent.section)
                section = a.section_labels[sent.section] = " > ".join(_short(x.heading) for x in reversed(chain))
        else:
            section = t(a.lang, "role.closing" if CLOSING in sent.roles else "role.preamble")
    else:
        in_title = st.title_span is not None and st.title_span[0] <= s < st.title_span[1]
        section = t(a.lang, "where.title" if in_title else "where.header")
        if in_title and st.title_span is not None:
            s, e = st.title_span  # the whole title, what matched marked in it
    os_, oe = st.norm.orig_span(s, e)
    # Built from trusted values: no need to validate each of the hundred objects of a scorecard.
    return construct(Evidence, start=os_, end=oe, text=st.norm.original[os_:oe], section=section,
                                    marks=_marks(a, span, os_, oe))


def _marks(a: Analysis, span: Span, start: int, end: int) -> list[tuple[int, int]]:
    """The hit itself inside its quote (original offsets), unless the hit is the whole quote."""
    ms, me = a.st.norm.orig_span(*span)
    ms, me = max(ms, start), min(me, end)
    return [(ms, me)] if ms < me and (ms, me) != (start, end) else []


def _evidence_once(a: Analysis, spans: list[Span]) -> list[Evidence]:
    """Each place quoted once: hits in one sentence (or windows of one long sentence that overlap) are one
    quote, every hit marked in it; quotes keep the order in which the check gave their first hit."""
    quotes = [(i, _evidence(a, sp)) for i, sp in enumerate(spans)]
    groups: list[tuple[int, Evidence]] = []
    for i, ev in sorted(quotes, key=lambda q: (q[1].start, q[1].end)):
        if groups and ev.start < groups[-1][1].end and ev.section == groups[-1][1].section:
            first, last = groups[-1]
            end = max(last.end, ev.end)
            groups[-1] = (min(first, i), construct(Evidence,
                start=last.start, end=end, text=a.st.norm.original[last.start:end], section=last.section,
                marks=_merged([*last.marks, *ev.marks])))
        else:
            groups.append((i, ev))
    return [ev for _, ev in sorted(groups, key=lambda g: g[0])]


def _merged(marks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(marks):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _basis_refs(rule: RuleBase, a: Analysis) -> list[BasisRef]:
    """The rule's bases that govern this report (its year, level and reporter); all of them when none does."""
    covering = [b for b in rule.basis if b.covers(a.year, a.level, a.reporter, a.tier)]
    memo = a.pack.output_memo
    out = []
    for b in covering or rule.basis:
        # A basis never changes between reports: its output object is built once per language (its note is read).
        key = (id(b), a.lang)
        ref = memo.get(key)
        if ref is None:
            fields = {k: getattr(b, k) for k in ("document", "ref", "article", "provision", "wording", "source",
                                                 "status")}
            ref = memo[key] = construct(BasisRef, text=b.cite(a.lang, marked=True), note=b.note_in(a.lang),
                                        article_status=b.article_status or (b.status if b.article else None), **fields)
        out.append(ref)
    return out


def _pass_message(rule: RuleBase, out: Outcome, lang: str, year: int | None) -> str:
    """What passed, in words ("已说明三项制度（行政执法公示、…）。", "未发现模板占位符。"), never a bare "found".
    Only the parts in force for the report's year: the others were never asked for."""
    name = rule.name.get(lang) if getattr(rule, "name", None) else rule.title.get(lang)
    parts = [p.label.get(lang) for p in getattr(rule, "parts", [])
             if p.id not in out.missing and (year is None or p.years.contains(year))]
    if rule.kind == "concept" and parts and parts != [name]:
        return t(lang, "pass.concept", name=name, parts=join(lang, parts))
    if rule.kind == "concept":
        return t(lang, "pass.concept_one", name=name)
    key = f"pass.{rule.kind}"
    return t(lang, key if has_text(lang, key) else "pass.generic", name=name)


def _num(x: float) -> str:
    """Points as the scorecard prints them: 6.25, 7.5, 10."""
    return f"{round(x, 2):.2f}".rstrip("0").rstrip(".")


def _passages(a: Analysis, spans: list[Span]) -> list[Evidence]:
    """A history rule's evidence: passages of this year's and last year's report (lawcheck.review)."""
    from lawcheck.review import passage

    return [passage(a, *sp) for sp in spans]


def _result(rule: RuleBase, out: Outcome, a: Analysis) -> RuleResult:
    lang = a.lang
    # The history rules count only when the policy says so (by default they are reported beside the score).
    scored = out.status in ("pass", "partial", "fail") and rule.lifecycle != "experimental" and \
        (rule.kind != "history" or a.pack.policy.history_in_score)
    sep = "" if lang == "zh" else " "  # Chinese sentences carry their own full stops
    if out.status == "pass":
        message = sep.join(out.details) if out.details else _pass_message(rule, out, lang, a.year)
        if out.short_of:  # why points are missing first: a one-line view shows that, not what passed
            message = sep.join([t(lang, "short_of", points=_num(rule.weight * out.fraction), weight=_num(rule.weight)),
                                *out.short_of, message])
    elif out.status in ("unknown", "not_applicable") or out.own_message:
        message = sep.join(out.details)
    elif out.status == "partial" and kind_of(rule).by_presence(rule):
        # The rule's message says the element is not there; a partial result found some of it: "未说明…" over
        # its own evidence would send the drafter to rewrite what is written.
        message = sep.join([t(lang, "partial_lead", name=(rule.name or rule.title).get(lang)), *out.details])
    else:
        message = sep.join([rule.message.get(lang), *out.details])
    near = None
    if out.near_miss:
        ev = _evidence(a, out.near_miss[0])
        near = construct(NearMiss, **ev.__dict__, reason=out.near_miss[1])
    searched = None
    if out.searched:
        searched = construct(Searched, concepts=out.searched[0], roles=out.searched[1])
    weight = float(rule.weight)
    return construct(RuleResult,
        rule=rule.id,
        kind=rule.kind,
        title=rule.title.get(lang),
        name=(rule.name or rule.title).get(lang),
        category=rule.category,
        severity=rule.severity,
        lifecycle=rule.lifecycle,
        status=out.status,
        fraction=out.fraction if scored else 0.0,
        weight=weight,
        points=round(weight * out.fraction, 2) if scored else 0.0,
        scored=scored,
        missing=out.missing if out.status in ("partial", "fail") else [],
        evidence=_passages(a, out.evidence) if out.passages else _evidence_once(a, out.evidence),
        message=message,
        fix=out.fix or rule.fix.get(lang),
        basis=_basis_refs(rule, a),
        searched=searched,
        near_miss=near,
    )


def waive(results: list[RuleResult], waivers: tuple[Waiver, ...] | list[Waiver]) -> list[RuleResult]:
    """The results with each shortfall (fail or partial) a waiver names marked waived and left unscored.

    A rule that passes, or cannot be judged, needs no waiver and is left as it is; of two waivers for one rule
    the first written applies."""
    first: dict[str, Waiver] = {}
    for w in waivers:
        first.setdefault(w.rule, w)
    out = []
    for r in results:
        w = first.get(r.rule)
        if w is not None and r.status in ("fail", "partial"):
            r = r.model_copy(update={"waived": Waived(reason=w.reason, until=w.until, where=w.where),
                                     "scored": False, "fraction": 0.0, "points": 0.0})
        out.append(r)
    return out


# ---------------------------------------------------------------- assemble


def _year_source(a: Analysis) -> Literal["caller", "title", "text", "inferred"] | None:
    if a.year is None:
        return None
    if a.year_found is not None and a.year == a.year_found.value:
        return "title" if a.year_in_title else "text"
    if a.year_inferred is not None and a.year == a.year_inferred.value:
        return "inferred"
    return "caller"


def _kind_reason(lang: str, verdict: KindVerdict) -> str | None:
    """Why a text is not a report, in the reader's language: "政策解读；依据：标题含“解读”"."""
    if verdict.reason is None:
        return None
    # Several cue words are quoted one by one: “主持会议”“会上”, "a", "b".
    between = "”“" if lang == "zh" else '", "'
    args = {k: t(lang, v) if v.startswith("topic.") else
            between.join(w.strip(",，:：;；") or w for w in v.split(WORDS)) for k, v in verdict.args.items()}
    why = t(lang, "kind.why", why=t(lang, verdict.reason, **args))
    return f"{t(lang, f'other_kind.{verdict.other_kind}')}{'；' if lang == 'zh' else '; '}{why}"


def _sections(a: Analysis) -> list[SectionInfo]:
    """The report's top-level parts, with their role ids, in the original text."""
    st = a.st
    parts: list[tuple[list[Role], str, int, int]] = []
    if st.body[1] > st.body[0]:
        top = [s for s in st.sections if s.parent is None]
        first = top[0].span[0] if top else st.body[1]
        if first > st.body[0]:
            parts.append(([PREAMBLE], "", st.body[0], first))
        parts.extend((cast("list[Role]", sorted(s.roles)), s.heading, s.span[0], s.span[1]) for s in top)
    if st.closing[1] > st.closing[0]:
        parts.append(([CLOSING], "", st.closing[0], st.closing[1]))
    out = []
    for roles, heading, s, e in parts:
        os_, oe = st.norm.orig_span(s, e)
        out.append(construct(SectionInfo, roles=roles, heading=heading, start=os_, end=oe))
    return out


def _document(a: Analysis, given: CallerFacts, kind: Kind, kind_reason: str | None,
              other_kind: str | None, cut: bool = False, short: int | None = None,
              title: str | None = None) -> DocumentInfo:
    st = a.st
    source = _year_source(a)
    return construct(
        DocumentInfo,
        title=("".join(st.title.split()) if st.title else None) or given.title or title,
        organ=a.organ,
        report_year=a.year,
        report_year_source=source,
        report_year_evidence=_evidence(a, a.year_inferred.span) if source == "inferred" and a.year_inferred else None,
        report_year_placeholder=a.year_placeholder,
        signed_date=a.signed.value if a.signed and isinstance(a.signed.value, dt.date) else None,
        published_date=a.published,
        published_source=("caller" if given.published else "page") if a.published else None,
        level=a.level,
        level_source=a.level_source,
        reporter=a.reporter,
        doc_number=facts.doc_number(st) or given.doc_number,
        source=given.source,
        index_number=given.index_number,
        recipients=a.recipients[0] if a.recipients else None,
        kind=kind,
        kind_reason=kind_reason,
        other_kind=other_kind,
        script=a.script,
        cut_off=cut,
        too_short=short,
    )


def assemble(a: Analysis, results: list[RuleResult], sc: Score, document: DocumentInfo) -> Scorecard:
    """The scorecard, built once from what was worked out."""
    pack, lang = a.pack, a.lang
    missing = [
        construct(MissingItem, rule=r.rule, title=r.title, name=r.name, status=r.status, weight=r.weight,
                  missing=r.missing, message=r.message, fix=r.fix, basis=r.basis)
        # A history rule the policy leaves out of the score is reported in the history review, not as missing.
        for r in sorted((r for r in results if r.status in ("fail", "partial") and r.waived is None
                         and (r.scored or r.kind != "history")), key=missing_order)
    ]
    return construct(
        Scorecard,
        lawcheck_version=__version__,
        pack=construct(PackRef, id=pack.id, version=pack.version),
        packs=[construct(PackRef, id=i, version=v) for i, v in (pack.chain or ((pack.id, pack.version),))],
        policy_version=pack.policy.version,
        lang=lang,
        score=sc.value,
        grade=sc.grade.id if sc.grade else None,
        grade_label=sc.grade.label.get(lang) if sc.grade else None,
        grade_tone=sc.tone,
        timeliness=timeliness(results) if document.kind == "annual_report" else None,
        document=document,
        sections=_sections(a),
        results=results,
        missing=missing,
        not_scored=[construct(NotScored, rule=r.rule, status=r.status, reason=r.message) for r in results
                    if not r.scored and r.waived is None],
        figures=_figures(a) if document.kind == "annual_report" else [],
    )


def _figures(a: Analysis) -> list[Figure]:
    """The figures read, each quoted in its sentence with the number marked (original offsets)."""
    out = []
    names = {i.id: i.name.get(a.lang) for i in a.pack.indicators.indicators}
    for f in a.figures:
        q = f.quantity
        change = None
        if f.comparison is not None:
            c = f.comparison
            change = construct(Change, direction=c.direction, value=c.value, unit=c.unit, basis=c.basis,
                                            evidence=_evidence(a, c.span))
        out.append(construct(Figure,
            indicator=f.indicator, name=names[f.indicator], value=q.value, high=q.high, unit=q.unit,
            approx=q.approx, period=f.period, target=f.target, change=change, evidence=_evidence(a, (q.start, q.end))))
    return out


# ---------------------------------------------------------------- entry points


def pack_argument(rules: RulePack | str | Path | None, lang: str) -> RulePack:
    """The pack an API call's ``rules`` names; one that names no pack is a value that cannot be: an ArgumentError
    naming the parameter (a ValueError), as for every other argument."""
    from lawcheck.errors import ArgumentError, UsageError

    try:
        return _pack(rules)
    except UsageError as e:
        raise ArgumentError(f"rules{'：' if lang != 'en' else ': '}{e.text(lang)}") from None


def _pack(rules: RulePack | str | Path | None) -> RulePack:
    if isinstance(rules, RulePack):
        return rules
    return default_pack() if rules is None else load_pack(rules)


def check_text(text: str, pack: RulePack, given: CallerFacts, lang: Literal["zh", "en"] = "zh") -> Scorecard:
    """read → analyse → check → score → assemble, for facts already validated."""
    with collector_paused():
        return _checked(text, pack, given, lang)[1]


_PAUSE = threading.Lock()
_pausing = 0  # checks running with the collector paused (threads of one process: lawcheck serve)
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while a report is checked.  A check makes many small objects
    and next to no reference cycles (what it drops is freed at once by reference counting), but the
    collector's passes over everything alive made the time per character grow with the report: a million
    characters of headings took 1.5× the time per character of 10,000, and 1.0× with the collector paused
    (the work done, counted in lines of code, is flat: tests/test_scaling.py); a 100k report checks some
    15% faster.  Whatever a check leaves in cycles is collected once it is resumed.  Checks nested (last
    year's report) or on several threads share one pause; a collector the caller had turned off stays off."""
    global _pausing, _was_enabled
    with _PAUSE:
        if _pausing == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pausing += 1
    try:
        yield
    finally:
        with _PAUSE:
            _pausing = max(0, _pausing - 1)  # never below zero: a forked child unwinding a pause it reset
            if _pausing == 0 and _was_enabled:
                gc.enable()


def _forked() -> None:
    """In a process forked while another thread checked (``lawcheck serve`` forks a worker for a file while
    a paste is checked in a thread): that check does not run on here, so its pause is not inherited — the
    worker's own check would otherwise never bring the count to zero and leave the collector off for the
    rest of it (a PDF parsed with cycles never collected) — nor is a lock a vanished thread may have held."""
    global _PAUSE, _pausing
    _PAUSE = threading.Lock()
    if _pausing:
        _pausing = 0
        if _was_enabled:
            gc.enable()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forked)


def _checked(text: str, pack: RulePack, given: CallerFacts, lang: Literal["zh", "en"]) -> tuple[Analysis, Scorecard]:
    last = last_card = None
    if given.previous_report is not None:
        # Last year's report, checked against the same pack: its figures for the 同比 checks (unless the
        # caller gave them) and its analysis for the history review.
        prev = given.previous_report
        last, last_card = _checked(prev.text, pack, CallerFacts.of(title=prev.title), lang)
        if given.previous is None:
            given = given.model_copy(update={"previous": last_card.previous_figures(prev.name)})
    a = analyse(text, pack, given, lang)
    if last is not None and last_card.document.kind != "annual_report":
        # A 政府工作报告, a news page, an empty text given as last year's report: nothing to hold this one
        # against, and said so (never an easy pass).
        d = last_card.document
        a.last_note = t(lang, "history.last_not_report", why=d.kind_reason or t(lang, "no_chinese"))
    elif last is not None and HAN.search(text):
        from lawcheck.review import pair_with  # last year's report given: the comparison, only then imported

        pair_with(a, last)
        a.pair_forced = given.previous_report is not None and given.previous_report.force
    kind: Kind
    decided_by: str | None = None
    chinese = HAN.search(text) is not None
    found_title = "".join(a.st.title.split()) if a.st.title else (given.title or "")
    if not chinese or (given.kind is None and _title_only(a) and classify(a.st, found_title).kind != "other"):
        # Nothing a report is written in ('' or text with no Chinese at all), or a report's title and nothing under
        # it (a page whose article did not come with it; a look-alike's title still says what it is): it cannot be
        # judged, and is not scored as a report that lacks everything.
        why = t(lang, "no_body" if chinese else "no_chinese")
        results = [_result(rule, Outcome("unknown", 0.0, details=[why]), a) for rule in pack.rules]
        document = _document(a, given, "other", f"{t(lang, 'other_kind.no_text')}", "no_text")
        return a, assemble(a, results, score(results, pack.policy), document)
    if given.kind is None:
        verdict = classify(a.st, found_title)
        source = _year_source(a)
        if verdict.kind != "other" and a.year is not None and source in ("title", "text"):
            # signed or published before the report year's November: part of the year, or the wrong year
            signed = a.signed.value if a.signed and isinstance(a.signed.value, dt.date) else None
            # No site publishes a report before it is signed: a page date before the signature is an upload's or a
            # column's date, or mistyped, and the signature decides (as deadline.publication does).
            when = [d for d in (signed, a.published) if isinstance(d, dt.date) and not (signed and d < signed)]
            body = dates.body_year(a.st) if source == "title" else None
            verdict = dated_early(a.year, when, body is not None and body.value == a.year) \
                or since_year(found_title, a.year, when) or verdict
        elif verdict.kind != "other" and source in (None, "inferred"):
            # no year named, "今年以来" signed in July: the year it was signed in, so far
            signed = a.signed.value if a.signed and isinstance(a.signed.value, dt.date) else None
            # (not when the year read is another than the signature's: a plan "2025年工作打算" signed in April 2025
            # reports on 2024, late)
            if source is None or (signed is not None and a.year == signed.year):
                verdict = so_far(a.st, signed) or verdict
        kind = "other" if verdict.kind == "other" else "annual_report"
        other_kind, kind_reason = verdict.other_kind, _kind_reason(lang, verdict)
        decided_by = verdict.title  # the title line that told what it is, where structure found none
    elif given.kind == "other":
        kind, other_kind, kind_reason = "other", "caller", t(lang, "kind.caller")
    else:
        kind, other_kind, kind_reason = "annual_report", None, None
    # One page of a report a site split over several ("共2页 首页 上一页 1 2 下一页 尾页" under it), without its
    # first part or its end: the rest is on the other pages, and the report cannot be judged from this one.
    pages = _one_page_of(a) if kind == "annual_report" and given.kind is None else None
    # A text cut in the middle of a sentence before its problems and plan (a page excerpt, a copy stopped short):
    # what it does not say may be in what was not received, so nothing is failed for being absent, and no score.
    cut = kind == "annual_report" and pages is None and cut_off(a)
    # A whole text too short to be a year's report (a keyword skeleton with every part named once scored 95):
    # what it says is checked as written, but it is not scored as a report and meets no gate.
    short = too_short(a) if kind == "annual_report" and pages is None and not cut else None
    results = []
    for rule in pack.rules:
        if kind == "other":
            # Not an annual report: say so plainly, instead of listing every element as missing.
            out = Outcome("not_applicable", 0.0, details=[t(lang, "kind.not_report", why=kind_reason or "")])
        elif pages is not None:
            out = Outcome("unknown", 0.0, details=[t(lang, "one_page", n=pages) if pages else t(lang, "one_page_of")])
        else:
            out = _applicability(rule, a) or _run_check(rule, a)
            if cut and out.status in ("fail", "partial") and kind_of(rule).by_presence(rule):
                out = Outcome("unknown", 0.0, evidence=out.evidence, details=[t(lang, "cut_off_unjudged")])
        results.append(_result(rule, out, a))
    if given.waivers:
        results = waive(results, given.waivers)
    document = _document(a, given, kind, kind_reason, other_kind, cut, short, decided_by)
    unscored = cut or short is not None
    card = assemble(a, results, Score(None, None, None) if unscored else score(results, pack.policy), document)
    if kind == "annual_report" and a.pair is not None and given.previous_report is not None:
        from lawcheck.review import history

        card = card.model_copy(update={"history": history(a, given.previous_report.name, pack.policy.history_in_score)})
    return a, card


def evaluate(
    text: str,
    *,
    report_year: int | None = None,
    published: dt.date | str | None = None,
    rules: RulePack | str | Path | None = None,
    lang: str = "zh",
    level: str | None = None,
    title: str | None = None,
    kind: str | None = None,
    reporter: str | None = None,
    page: dict[str, str] | None = None,
    previous: Scorecard | PreviousFigures | PreviousReport | str | None = None,
    waivers: list[Waiver | dict] | tuple[Waiver, ...] = (),
) -> Scorecard:
    """Check one report's text against a rule pack (default: the built-in statutory pack).

    ``rules`` is a loaded pack or a pack directory.  ``report_year`` and ``published``
    override what is read from the text; ``level`` (province, city, county, township,
    department), ``reporter`` (government, department, joint) and ``kind`` (annual_report, other)
    override what is inferred from the organ's name and the wording; ``title`` is used when the
    text shows none (a web page's own title, say); ``page`` holds what a web page says of itself
    (source, index_no, doc_no), kept on the scorecard.  ``previous``: the same body's report of the year
    before — its text (or a ``PreviousReport``): the scorecard then carries the history review (``history``:
    last year's plan followed up, its problems, the text copied) and the history rules are checked; or only
    its scorecard or figures: a 同比 claim is then held against its figures.  ``waivers``: exceptions accepted
    for this report (``Waiver`` or dicts with rule, reason, until): a shortfall of a waived rule is shown as
    waived (``result.waived``) and left out of the score, the missing items and the gate.  Every waiver given
    applies — which ones have run out (``until``) or are for other files is the caller's choice
    (``lawcheck.waivers.current``; the command line does it).  The result is deterministic: the same text and
    pack give the same Scorecard.
    """
    from lawcheck.errors import ArgumentError, ArgumentTypeError

    if lang not in ("zh", "en"):  # the language itself is wrong: said in both
        raise ArgumentError(f"lang 须为 'zh' 或 'en'（lang must be 'zh' or 'en'），收到 {lang!r}")
    if not isinstance(text, str):
        raise ArgumentTypeError(t(lang, "api.text_type", got=type(text).__name__))
    if previous is not None and not isinstance(previous, (str, Scorecard, PreviousFigures, PreviousReport)):
        # A path or the bytes of a file would otherwise be left out without a word: the review never made.
        raise ArgumentTypeError(t(lang, "api.previous_type", got=type(previous).__name__))
    if isinstance(previous, str) and _FILE_NAME.search(previous.strip()) and "\n" not in previous.strip():
        # "报告/灵寿县2021年度报告.docx": a file's name, not its text (it would be held against this one as a report)
        raise ArgumentTypeError(t(lang, "api.previous_type", got=f"str {previous.strip()[:60]!r}"))
    if page is not None and not isinstance(page, Mapping):
        raise ArgumentTypeError(t(lang, "api.page_type", got=type(page).__name__))
    if isinstance(published, (bytes, bytearray, memoryview)):  # bytes are not a day's text: decode them first
        raise ArgumentTypeError(t(lang, "api.published_type", got=type(published).__name__))
    if published is not None and not isinstance(published, (str, dt.date)):
        # an int is no day (pydantic would read 0 as 1970-01-01 and 20250328 as seconds): refused, not guessed
        raise ArgumentTypeError(t(lang, "api.published_kind", got=type(published).__name__))
    for key in ("title", "doc_no", "source", "index_no"):
        if (page or {}).get(key) is not None and not isinstance(page[key], str):  # type: ignore[index]
            raise ArgumentTypeError(t(lang, "api.page_value", field=key, got=type(page[key]).__name__))  # type: ignore[index]
    page = {k: _whole(v) for k, v in (page or {}).items()}
    text = _whole(text)
    try:
        day = dates.caller_day(published)
    except ValueError:  # a day's form, and no such day: "2022年2月30日"
        raise ArgumentError(t(lang, "api.no_such_day", day=str(published).strip(), got=repr(published))) from None
    try:  # the date the page itself shows (a reader's meta): the page's, published_source "page"
        page_day = dates.written_day(page["published"]) if isinstance(page.get("published"), str) else None
    except ValueError:  # a page's own date that is no day is not the caller's error
        page_day = None
    try:
        given = CallerFacts.of(report_year=report_year, published=day, level=level, reporter=reporter,
                               kind=kind, title=_whole(title) or None, page_published=page_day,
                               doc_number=page.get("doc_no") or None,
                               source=page.get("source") or None, index_number=page.get("index_no") or None,
                               previous=previous.previous_figures() if isinstance(previous, Scorecard) else
                               previous if isinstance(previous, PreviousFigures) else None,
                               previous_report=PreviousReport(name="上年报告" if lang != "en" else "last year's report",
                                                              text=_whole(previous)) if isinstance(previous, str) else
                               previous if isinstance(previous, PreviousReport) else None,
                               waivers=tuple(waivers) or None)
    except FactError as e:
        # pydantic says what is wrong in English: a Chinese caller reads it in Chinese.
        if lang == "en":
            raise ArgumentError(str(e)) from None
        from lawcheck.errors import pydantic_zh

        raise ArgumentError(f"{e.name}：{pydantic_zh(e.error)}（收到 {e.error.get('input')!r}）") from None
    with speaking(lang):  # a pack not found, a waiver of no rule: said in the caller's language
        pack = pack_argument(rules, lang)
        if given.waivers:
            # As the command line does: a waiver naming no rule of the pack is refused (a typo would otherwise
            # waive nothing, silently), and one naming a rule by its former id waives that rule.
            from lawcheck.waivers import resolve

            given = given.model_copy(update={"waivers": tuple(resolve(given.waivers, pack.rules))})
    return check_text(text, pack, given, "en" if lang == "en" else "zh")


def _whole(s: str | None) -> str | None:
    """A caller's string with lone surrogates as U+FFFD, one for one (text.normalize.whole)."""
    return whole(s) if isinstance(s, str) else s


def unknown_scorecard(reason: str, *, rules: RulePack | str | Path | None = None, lang: str = "zh",
                      level: str | None = None) -> Scorecard:
    """A document that cannot be judged at all (a scanned PDF with no text layer): every rule unknown."""
    pack = _pack(rules)
    given = CallerFacts.of(level=level)
    a = analyse("", pack, given, "en" if lang == "en" else "zh")
    results = [_result(rule, Outcome("unknown", 0.0, details=[reason]), a) for rule in pack.rules]
    # Not a report that lacks everything, nor a look-alike: nothing was read (a row says why, not a bare "—").
    return assemble(a, results, score(results, pack.policy), _document(a, given, "other", reason, "no_text"))


def key_indicators(pack: RulePack, lang: str = "zh") -> tuple[IndicatorInfo, ...]:
    """The pack's key indicators as outputs describe them (the CSV's columns, a folder's spreads)."""
    return tuple(construct(IndicatorInfo, id=i.id, name=i.name.get(lang), unit=unit_label(lang, i.units[0]))
                 for i in pack.indicators.indicators if i.key)


def rule_infos(pack: RulePack, lang: str = "zh") -> tuple[RuleInfo, ...]:
    """The pack's rules as outputs describe them, in the pack's order."""
    return tuple(construct(RuleInfo, id=r.id, kind=r.kind, title=r.title.get(lang), message=r.message.get(lang),
                          fix=r.fix.get(lang), category=r.category, severity=r.severity, weight=r.weight,
                          basis=[b.cite(lang) for b in r.basis]) for r in pack.rules)
