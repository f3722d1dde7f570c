"""The pure core: text in, Scorecard out.  load → normalise → structure → match → check → score."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lawcheck import __version__
from lawcheck.checks import CHECKS, Doc, Outcome
from lawcheck.i18n import t
from lawcheck.model import (
    BasisRef,
    DocumentInfo,
    Evidence,
    MissingItem,
    NearMiss,
    NotScored,
    PackRef,
    RuleResult,
    Scorecard,
    Searched,
    SectionInfo,
)
from lawcheck.pack import RulePack, Span, load_pack
from lawcheck.saferegex import PatternTimeout
from lawcheck.spec import Years
from lawcheck.text import dates, facts, script
from lawcheck.text.kind import KindVerdict, classify
from lawcheck.text.normalize import normalize
from lawcheck.text.structure import CLOSING, PREAMBLE, Structure, build

_QUOTE_MAX = 160
_HEADING_LABEL = 24


def _short(heading: str) -> str:
    return heading if len(heading) <= _HEADING_LABEL else heading[: _HEADING_LABEL - 1] + "…"


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"published must be a date or YYYY-MM-DD, got {value!r}") from None


def analyse(
    text: str,
    pack: RulePack,
    *,
    report_year: int | None = None,
    published: dt.date | str | None = None,
    lang: str = "zh",
    level: str | None = None,
    reporter: str | None = None,
    title: str | None = None,
) -> Doc:
    """Everything the checks share, computed once per report."""
    written = script.detect(text)
    norm = normalize(text, script.simplify_table() if written == "traditional" else None)
    st = build(norm)
    organ_found = dates.organ(st)
    organ = str(organ_found.value) if organ_found else None
    who = facts.reporter(organ, st)
    hits = pack.find(norm.text)
    year_found = dates.report_year(st)
    # Only when the text states no year at all (a placeholder is a statement, and stays one).
    inferred = dates.inferred_report_year(st) if report_year is None and year_found is None else None
    pub_found = dates.published_date(st)
    pub = _as_date(published)
    year = report_year if report_year is not None else \
        (year_found.value if year_found else inferred.value if inferred else None)
    return Doc(
        st=st,
        hits=hits,
        pack=pack,
        lang=lang,
        year=year,  # type: ignore[arg-type]
        year_placeholder=report_year is None and year_found is not None and year_found.value is None,
        year_found=year_found,
        year_inferred=inferred,
        signed=dates.signed_date(st),
        published=pub if pub is not None else (pub_found.value if pub_found else None),  # type: ignore[arg-type]
        published_span=None if pub is not None else (pub_found.span if pub_found else None),
        sig_organ=dates.signature_organ_line(st),
        organ=organ,
        level=level or who.level,
        level_source="caller" if level else ("organ" if organ and who.level else "text" if who.level else None),
        reporter=reporter or who.kind or ("department" if (level or who.level) == "department" else None),
        recipients=facts.recipients(st),  # type: ignore[arg-type]
        copies=facts.copies(st),  # type: ignore[arg-type]
        page_title=title,
        script=written,
        session=facts.delivered_at_session(st),
        neg_ids=pack.ids(pack.manifest.negation or []),
        fut_ids=pack.ids(pack.manifest.future or []),
    )


def _years_text(lang: str, y: Years) -> str:
    if y.start is None and y.end is None:
        return t(lang, "all_years")
    if y.end is None:
        return t(lang, "years_from", start=y.start)
    if y.start is None:
        return t(lang, "years_to", end=y.end)
    return t(lang, "years_range", start=y.start, end=y.end)


def _applicability(rule: object, doc: Doc) -> Outcome | None:
    if doc.reporter is not None and doc.reporter not in rule.reporters:  # type: ignore[attr-defined]
        return Outcome("not_applicable", 0.0, details=[t(doc.lang, "not_for_reporter",
                                                         reporter=t(doc.lang, f"reporter.{doc.reporter}"))])
    levels = rule.levels  # type: ignore[attr-defined]
    if levels is not None and doc.level is not None and doc.level not in levels:
        return Outcome("not_applicable", 0.0, details=[t(doc.lang, "not_for_level", level=t(doc.lang,
                                                                                             f"level.{doc.level}"))])
    if levels is not None and doc.level is None:
        return Outcome("unknown", 0.0, details=[t(doc.lang, "no_level")])
    years: Years = rule.years  # type: ignore[attr-defined]
    bounded = years.start is not None or years.end is not None
    if doc.year is None:
        needs_year = rule.kind == "deadline" or (bounded and rule.when_year_unknown == "unknown")  # type: ignore[attr-defined]
        if needs_year:
            key = "year_placeholder" if doc.year_placeholder else "year_unknown"
            return Outcome("unknown", 0.0, details=[t(doc.lang, key)])
        return _uncovered(rule, doc)
    if not years.contains(doc.year):
        return Outcome("not_applicable", 0.0,
                       details=[t(doc.lang, "not_in_force", years=_years_text(doc.lang, years), year=doc.year)])
    return _uncovered(rule, doc)


def _uncovered(rule: object, doc: Doc) -> Outcome | None:
    """Not applicable when none of the rule's bases governs this reporter in this year: a township is not
    held to a deadline set for county-level governments, a 2017 report not to a rule of 2019."""
    if any(b.covers(doc.year, doc.level, doc.reporter) for b in rule.basis):  # type: ignore[attr-defined]
        return None
    text = rule.no_basis  # type: ignore[attr-defined]
    return Outcome("not_applicable", 0.0, details=[text.get(doc.lang) if text else t(doc.lang, "no_basis")])


def _evidence(doc: Doc, span: Span) -> Evidence:
    st: Structure = doc.st
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
            section = doc.section_labels.get(sent.section)
            if section is None:
                chain = st.ancestors(sent.section)
                section = doc.section_labels[sent.section] = " > ".join(_short(x.heading) for x in reversed(chain))
        else:
            section = t(doc.lang, "role.closing" if CLOSING in sent.roles else "role.preamble")
    else:
        in_title = st.title_span is not None and st.title_span[0] <= s < st.title_span[1]
        section = t(doc.lang, "where.title" if in_title else "where.header")
    os_, oe = st.norm.orig_span(s, e)
    # Built from trusted values: no need to validate each of the hundred objects of a scorecard.
    return Evidence.model_construct(start=os_, end=oe, text=st.norm.original[os_:oe], section=section)


def _result(rule: object, out: Outcome, doc: Doc) -> RuleResult:
    lang = doc.lang
    scored = out.status in ("pass", "partial", "fail") and rule.lifecycle != "experimental"  # type: ignore[attr-defined]
    sep = "" if lang == "zh" else " "  # Chinese sentences carry their own full stops
    if out.status == "pass":
        message = sep.join(out.details) if out.details else t(lang, "ok")
    elif out.status in ("unknown", "not_applicable"):
        message = sep.join(out.details)
    else:
        message = sep.join([rule.message.get(lang), *out.details])  # type: ignore[attr-defined]
    near = None
    if out.near_miss:
        ev = _evidence(doc, out.near_miss[0])
        near = NearMiss.model_construct(**ev.__dict__, reason=out.near_miss[1])
    searched = None
    if out.searched:
        searched = Searched.model_construct(concepts=out.searched[0],
                                            sections=[t(lang, f"role.{r}") for r in out.searched[1]])
    weight = float(rule.weight)  # type: ignore[attr-defined]
    return RuleResult.model_construct(
        rule=rule.id,  # type: ignore[attr-defined]
        title=rule.title.get(lang),  # type: ignore[attr-defined]
        name=(rule.name or rule.title).get(lang),  # type: ignore[attr-defined]
        category=rule.category,  # type: ignore[attr-defined]
        severity=rule.severity,  # type: ignore[attr-defined]
        lifecycle=rule.lifecycle,  # type: ignore[attr-defined]
        status=out.status,  # type: ignore[arg-type]
        fraction=out.fraction if scored else 0.0,
        weight=weight,
        points=round(weight * out.fraction, 2) if scored else 0.0,
        scored=scored,
        missing=out.missing if out.status in ("partial", "fail") else [],
        evidence=[_evidence(doc, sp) for sp in out.evidence],
        message=message,
        fix=rule.fix.get(lang),  # type: ignore[attr-defined]
        basis=_basis_refs(rule, doc),
        searched=searched,
        near_miss=near,
    )


_BASIS: dict[int, BasisRef] = {}


def _basis_ref(b: object) -> BasisRef:
    """A basis never changes between reports: build its output object once."""
    key = id(b)
    ref = _BASIS.get(key)
    if ref is None:
        fields = {k: getattr(b, k) for k in ("document", "ref", "article", "provision", "source", "status", "note")}
        ref = _BASIS[key] = BasisRef.model_construct(
            text=b.cite(), article_status=b.article_status or (b.status if b.article else None), **fields)  # type: ignore[attr-defined]
    return ref


def _basis_refs(rule: object, doc: Doc) -> list[BasisRef]:
    """The rule's bases that govern this report (its year, level and reporter); all of them when none does."""
    bases = rule.basis  # type: ignore[attr-defined]
    covering = [b for b in bases if b.covers(doc.year, doc.level, doc.reporter)]
    return [_basis_ref(b) for b in (covering or bases)]


def _basis_line(r: RuleResult) -> str:
    return "；".join(b.text for b in r.basis)


def _year_source(doc: Doc) -> str | None:
    if doc.year is None:
        return None
    if doc.year_found is not None and doc.year == doc.year_found.value:
        st = doc.st
        return "title" if st.title_span and st.title_span[0] <= doc.year_found.span[0] < st.title_span[1] else "text"
    if doc.year_inferred is not None and doc.year == doc.year_inferred.value:
        return "inferred"
    return "caller"


def _kind_reason(lang: str, verdict: KindVerdict) -> str | None:
    """Why a text is not a report, in the reader's language: "政策解读；依据：标题含“解读”"."""
    if verdict.reason is None:
        return None
    args = {k: t(lang, v) if v.startswith("topic.") else v for k, v in verdict.args.items()}
    why = t(lang, "kind.why", why=t(lang, verdict.reason, **args))
    return f"{t(lang, f'other_kind.{verdict.other_kind}')}{'；' if lang == 'zh' else '; '}{why}"


def score_results(results: list[RuleResult], pack: RulePack, doc: Doc, kind: str = "annual_report",
                  kind_reason: str | None = None, other_kind: str | None = None) -> Scorecard:
    lang = doc.lang
    scored = [r for r in results if r.scored]
    total_w = sum(r.weight for r in scored)
    score = round(100.0 * sum(r.points for r in scored) / total_w, 1) if total_w else None
    grade = pack.policy.grade(score) if score is not None else None
    missing = [
        MissingItem(rule=r.rule, title=r.title, name=r.name, status=r.status, weight=r.weight, missing=r.missing,
                    fix=r.fix, basis=_basis_line(r))
        for r in sorted((r for r in results if r.status in ("fail", "partial")),
                        key=lambda r: (-r.weight, -r.weight * (1 - r.fraction), r.rule))
    ]
    not_scored = [NotScored(rule=r.rule, status=r.status, reason=r.message) for r in results if not r.scored]
    st = doc.st
    title = "".join(st.title.split()) if st.title else None
    sections = []
    if st.body[1] > st.body[0]:
        top = [s for s in st.sections if s.parent is None]
        first = top[0].span[0] if top else st.body[1]
        if first > st.body[0]:
            sections.append((PREAMBLE, "", st.body[0], first))
        sections.extend((",".join(sorted(s.roles)), s.heading, s.span[0], s.span[1]) for s in top)
    if st.closing[1] > st.closing[0]:
        sections.append(("closing", "", st.closing[0], st.closing[1]))
    section_infos = []
    for role, heading, s, e in sections:
        os_, oe = st.norm.orig_span(s, e)
        section_infos.append(SectionInfo(role=role, heading=heading, start=os_, end=oe))
    info = DocumentInfo(
        title=title,
        organ=doc.organ,
        report_year=doc.year,
        report_year_source=_year_source(doc),
        report_year_evidence=_evidence(doc, doc.year_inferred.span) if _year_source(doc) == "inferred" else None,
        report_year_placeholder=doc.year_placeholder,
        signed_date=doc.signed.value if doc.signed and doc.signed.value else None,  # type: ignore[arg-type]
        published_date=doc.published,
        published_source=("page" if doc.published_span else "caller") if doc.published else None,
        level=doc.level,  # type: ignore[arg-type]
        level_source=doc.level_source,  # type: ignore[arg-type]
        reporter=doc.reporter,  # type: ignore[arg-type]
        doc_number=facts.doc_number(st),
        recipients=doc.recipients[0] if doc.recipients else None,
        kind=kind,  # type: ignore[arg-type]
        kind_reason=kind_reason,
        other_kind=other_kind,
        script=doc.script,  # type: ignore[arg-type]
    )
    return Scorecard(
        lawcheck_version=__version__,
        pack=PackRef(id=pack.id, version=pack.version),
        packs=[PackRef(id=i, version=v) for i, v in (pack.chain or ((pack.id, pack.version),))],
        policy_version=pack.policy.version,
        lang=lang,  # type: ignore[arg-type]
        score=score,
        grade=grade.id if grade else None,
        grade_label=grade.label.get(lang) if grade else None,
        document=info,
        sections=section_infos,
        results=results,
        missing=missing,
        not_scored=not_scored,
    )


def _run_check(rule: object, doc: Doc) -> Outcome:
    try:
        return CHECKS[rule.kind](rule, doc)  # type: ignore[attr-defined]
    except PatternTimeout as e:
        # A third-party pattern that runs away on this text: that rule cannot judge it; the rest can.
        return Outcome("unknown", 0.0, details=[t(doc.lang, "regex_timeout", pattern=e.pattern)])


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
) -> Scorecard:
    """Check one report's text against a rule pack (default: the built-in statutory pack).

    ``rules`` is a loaded pack or a pack directory.  ``report_year`` and ``published``
    override what is read from the text; ``level`` (province, city, county, township,
    department), ``reporter`` (government, department, joint) and ``kind`` (annual_report, other)
    override what is inferred from the organ's name and the wording; ``title`` is used when the
    text shows none (a web page's own title, say); ``page`` holds what a web page says of itself
    (source, index_no, doc_no), kept on the scorecard.  The result is deterministic: the same text and
    pack give the same Scorecard.
    """
    if lang not in ("zh", "en"):
        raise ValueError(f"lang must be 'zh' or 'en', got {lang!r}")
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    if level is not None and level not in ("province", "city", "county", "township", "department"):
        raise ValueError(f"level must be province, city, county, township or department, got {level!r}")
    if reporter is not None and reporter not in ("government", "department", "joint"):
        raise ValueError(f"reporter must be government, department or joint, got {reporter!r}")
    pack = rules if isinstance(rules, RulePack) else load_pack(rules)
    doc = analyse(text, pack, report_year=report_year, published=published, lang=lang, level=level,
                  reporter=reporter, title=title)
    other_kind = None
    if kind is None:
        found_title = "".join(doc.st.title.split()) if doc.st.title else (title or "")
        verdict = classify(doc.st, found_title)
        kind, other_kind = verdict.kind, verdict.other_kind
        kind_reason = _kind_reason(lang, verdict)
    elif kind not in ("annual_report", "other"):
        raise ValueError(f"kind must be annual_report or other, got {kind!r}")
    else:
        kind_reason = t(lang, "kind.caller") if kind == "other" else None
        other_kind = "caller" if kind == "other" else None
    results = []
    for rule in pack.rules:
        if kind == "other":
            # Not an annual report: say so plainly, instead of listing every element as missing.
            out = Outcome("not_applicable", 0.0, details=[t(lang, "kind.not_report", why=kind_reason or "")])
        else:
            out = _applicability(rule, doc) or _run_check(rule, doc)
        results.append(_result(rule, out, doc))
    card = score_results(results, pack, doc, kind, kind_reason, other_kind)
    page = page or {}
    update = {k: v for k, v in (("title", title if not card.document.title else None),
                                 ("doc_number", page.get("doc_no") if not card.document.doc_number else None),
                                 ("source", page.get("source")), ("index_number", page.get("index_no"))) if v}
    if update:
        card = card.model_copy(update={"document": card.document.model_copy(update=update)})
    return card


def unknown_scorecard(reason: str, *, rules: RulePack | str | Path | None = None, lang: str = "zh",
                      level: str | None = None) -> Scorecard:
    """A document that cannot be judged at all (a scanned PDF with no text layer): every rule unknown."""
    pack = rules if isinstance(rules, RulePack) else load_pack(rules)
    doc = analyse("", pack, lang=lang, level=level)
    results = [_result(rule, Outcome("unknown", 0.0, details=[reason]), doc) for rule in pack.rules]
    return score_results(results, pack, doc)
