"""What crosses the API: the Scorecard and its parts, the facts a caller states, and the record of one
input of a batch.  ``Scorecard.model_dump_json()`` is canonical.

This module imports only the standard library and pydantic: renderers, the batch and integrators
depend on it, and it depends on nothing of theirs.  The model carries ids (statuses, roles, kinds,
timeliness); a renderer translates them for the reader.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

# 2: sections carry role ids (``roles``), ``searched.roles`` are role ids, each result its ``kind``, the
# scorecard its ``timeliness`` and ``grade_tone``.  2.1: each result its ``waived`` (null unless waived).
SCHEMA_VERSION = "2.1"
Status = Literal["pass", "partial", "fail", "unknown", "not_applicable"]
STATUSES: tuple[str, ...] = ("pass", "partial", "fail", "unknown", "not_applicable")
Role = Literal["preamble", "measures", "shortcomings", "plan", "other", "closing"]
Level = Literal["province", "city", "county", "township", "department"]
Reporter = Literal["government", "department", "joint"]
Kind = Literal["annual_report", "other"]
# late: a deadline rule failed; on_time: every deadline that applies was judged and met; unknown: a date
# could not be read, no deadline could be judged, or a date is on a deadline's boundary day.  None on a text
# that is not an annual report.
Timeliness = Literal["on_time", "late", "unknown"]
# How a grade reads at a glance (a renderer's colour): from the policy's grades.
Tone = Literal["good", "fair", "poor"]


M = TypeVar("M", bound=BaseModel)
# Defaults shared between instances as they are (what pydantic's own ``model_construct`` does not copy).
_SHARED_DEFAULT = (type(None), bool, int, float, str, bytes, tuple, frozenset, dt.date)
_PLANS: dict[type, tuple | None] = {}


def construct(cls: type[M], **values: Any) -> M:
    """``cls.model_construct(**values)`` for what the engine made itself, without validating it: the same
    object (fields in order, defaults filled, the fields set), at a third of the cost — a scorecard builds
    about eighty of them (issue 18).  Keys that are not fields are ignored, as ``model_construct`` does."""
    plan = _PLANS.get(cls, False)
    if plan is False:
        plan = _PLANS[cls] = _plan(cls)
    if plan is None:  # aliases, post-init hooks, extra fields: pydantic's own
        return cls.model_construct(**values)
    steps, names, required, template, made = plan
    keys = values.keys()
    if keys <= names and required <= keys:
        # The common case, in C: every key a field and every required one given — the fields in order with
        # their shared defaults, the values over them (an update keeps each key where it stands), then the
        # defaults made afresh for what was not given.
        fields: dict[str, Any] = template.copy()
        fields.update(values)
        for name, how, default in made:
            if name not in keys:
                fields[name] = default() if how == 2 else copy.deepcopy(default)
        given = set(keys)
    else:
        fields = {}
        given = set()
        for name, how, default in steps:
            if name in values:
                fields[name] = values[name]
                given.add(name)
            elif how == 1:
                fields[name] = default
            elif how == 2:
                fields[name] = default()
            elif how == 3:
                fields[name] = copy.deepcopy(default)
    m = cls.__new__(cls)
    object.__setattr__(m, "__dict__", fields)
    object.__setattr__(m, "__pydantic_fields_set__", given)
    object.__setattr__(m, "__pydantic_extra__", None)
    object.__setattr__(m, "__pydantic_private__", None)
    return m


_PLAIN_FACTORIES = (list, dict, set, tuple, frozenset)


def _plan(cls: type[BaseModel]) -> tuple | None:
    """Each field's name and how its default is made (0 required, 1 shared, 2 factory, 3 copied); the names, the
    required ones, every field in order with its shared default (placeholders for the others, always replaced) and
    the fields whose default is made afresh."""
    if (cls.__pydantic_root_model__ or cls.__pydantic_post_init__ or cls.model_config.get("extra") == "allow"
            or cls.__private_attributes__):
        return None
    out = []
    for name, f in cls.__pydantic_fields__.items():
        if f.alias is not None or f.validation_alias is not None:
            return None
        if f.default_factory is not None:
            # pydantic reads a factory's signature to know whether it takes the validated data: for the
            # builtin containers that costs a cold start an import of the tokenizer and says no.
            if f.default_factory not in _PLAIN_FACTORIES and getattr(f, "default_factory_takes_validated_data",
                                                                      False):
                return None
            out.append((name, 2, f.default_factory))
        elif f.is_required():
            out.append((name, 0, None))
        elif isinstance(f.default, _SHARED_DEFAULT) and not (isinstance(f.default, tuple) and f.default):
            out.append((name, 1, f.default))
        else:
            out.append((name, 3, f.default))
    steps = tuple(out)
    return (steps, frozenset(name for name, _how, _d in steps), frozenset(name for name, how, _d in steps if how == 0),
            {name: default for name, _how, default in steps}, tuple(step for step in steps if step[1] in (2, 3)))


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class Evidence(Frozen):
    """A quote from the report: ``text`` is ``original[start:end]`` (offsets into the ORIGINAL text,
    whatever was normalised to match), and ``section`` says where it is ("一、… > （二）…", 落款, 标题)."""

    start: int
    end: int
    text: str
    section: str
    marks: list[tuple[int, int]] = Field(
        default_factory=list,
        description="what matched inside the quote (a phrase, a placeholder, a date), as [start, end] offsets "
                    "into the original text; empty when the whole quote is what matched")


class NearMiss(Evidence):
    """The closest thing found that did not count, and why."""

    reason: str


class Searched(Frozen):
    """What a rule looked for (its concepts, in the reader's language) and where (role ids)."""

    concepts: list[str]
    roles: list[Role]


class BasisRef(Frozen):
    """A legal basis of a rule, as it applies to this report.  ``text`` is what an official reads;
    ``article`` is kept with ``article_status`` even when it is not verified (and so not in ``text``)."""

    text: str
    document: str
    ref: str | None = None
    article: str | None = None
    article_status: Literal["verified", "partial", "unverified"] | None = None
    provision: str
    # quote: the source's own words; summary: lawcheck's account of it (``text`` marks it （概括）)
    wording: Literal["quote", "summary"] = "quote"
    source: str
    status: Literal["verified", "partial", "unverified"]
    note: str | None = None


class Waiver(Frozen):
    """An exception accepted once, with a reason and an end date (``lawcheck.toml``'s ``[[waivers]]``): while
    it runs, the rule's shortfall (fail or partial) is shown as waived and left out of the score and the gate.
    ``files``: file-name patterns it is limited to (every input when absent); ``where``: the settings file
    and line it was written on."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    rule: str = Field(min_length=1)
    reason: str = Field(min_length=1)
    until: dt.date  # the last day it applies
    files: list[str] | None = None
    where: str | None = None

    @field_validator("reason")
    @classmethod
    def _said(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("a waiver needs a reason")
        return v.strip()


class Waived(Frozen):
    """Why a result is left out of the score and the gate: the waiver's reason, its end date, where it is."""

    reason: str
    until: dt.date
    where: str | None = None


class RuleResult(Frozen):
    """One rule's verdict on the report: its ``status`` (pass, partial, fail, unknown, not_applicable),
    the points it earned of its ``weight`` (``scored``: whether it counts), what is ``missing`` (part ids),
    the ``evidence`` it rests on, a ``message`` and a ``fix`` in the reader's language, its legal
    ``basis``, and for a miss what was ``searched`` and the nearest thing found (``near_miss``)."""

    rule: str
    kind: str  # the rule's kind (concept, section, field, deadline, forbidden, count, recipients, title)
    title: str
    name: str
    category: str
    severity: Literal["error", "warning", "info"]
    lifecycle: Literal["experimental", "stable", "deprecated"]
    status: Status
    fraction: float
    weight: float
    points: float
    scored: bool
    missing: list[str]
    evidence: list[Evidence]
    message: str
    fix: str
    basis: list[BasisRef]
    searched: Searched | None = None
    near_miss: NearMiss | None = None
    waived: Waived | None = None  # a shortfall accepted by a waiver: not scored, not missing, not in the gate


class DocumentInfo(Frozen):
    title: str | None = None
    organ: str | None = None
    report_year: int | None = None
    # caller: given by the caller; title / text: stated there; inferred: read from the content when no year is
    # stated (a plan part for "2020年…" reports on 2019), with the words it was read from in report_year_evidence.
    report_year_source: Literal["caller", "title", "text", "inferred"] | None = None
    report_year_evidence: Evidence | None = None
    report_year_placeholder: bool = False
    signed_date: dt.date | None = None
    published_date: dt.date | None = None
    published_source: Literal["caller", "page"] | None = None
    level: Level | None = None
    level_source: Literal["caller", "organ", "text"] | None = None
    reporter: Reporter | None = None
    doc_number: str | None = None
    source: str | None = None  # a web page's 来源
    index_number: str | None = None  # a web page's 索引号
    recipients: list[str] | None = None
    kind: Kind = "annual_report"
    kind_reason: str | None = None
    # For kind "other": what the text is instead (government_work_report, shufa_report, news,
    # disclosure_report, plan, notice, interpretation, special_report, topic_summary, announcement,
    # template, rectification, interim_summary, multi_year_summary, survey_report, self_assessment, speech,
    # minutes, explanation, reply, paper, several_reports, word_list, repeated_text, dated_early, unrelated, other_body,
    # no_text, caller).
    other_kind: str | None = None
    # traditional: written in traditional characters, checked through a simplified view
    script: Literal["simplified", "traditional"] = "simplified"
    # The text stops in the middle of a sentence before its problems and plan (a page excerpt, a copy stopped
    # short): what it lacks may be in what was not received; such a report has no score and meets no gate.
    cut_off: bool = False
    # The text's length in characters from its body on (spaces not counted) when it is too short to hold a year's
    # report: under 1,000, where the shortest real report is over 2,500 — an outline, a keyword skeleton, an excerpt
    # that ends on a full stop.  Such a text has no score and meets no gate, whatever its parts name; None otherwise.
    too_short: int | None = None


class Change(Frozen):
    """A change stated beside a figure (同比增长12%, 较上年减少5件, 上升3.2个百分点)."""

    direction: Literal["up", "down"]
    value: float
    unit: str
    basis: str  # the words it is measured against: 同比, 较上年 …
    evidence: Evidence


class Figure(Frozen):
    """A figure the report gives for one of the pack's indicators (rules/indicators.yaml)."""

    indicator: str  # the indicator's id: review.cases_received, litigation.appearance_rate …
    name: str  # the indicator's name in the reader's language
    value: float
    high: float | None = None  # a range "10至20件": value is its low end
    unit: str  # 件, 人次, % …
    approx: str | None = None  # 余, 以上, 近 …: the number is a bound
    # previous: stated as last year's (上年50件); cumulative: over several years (2019年以来累计…)
    period: Literal["current", "previous", "cumulative"] = "current"
    target: bool = False  # a planned figure (下一年度安排, 力争…): not a result
    change: Change | None = None
    evidence: Evidence


class SectionInfo(Frozen):
    """A top-level part of the report: its roles (a heading such as 存在的问题和下一步打算 has two), its
    heading and where it is in the original text."""

    roles: list[Role]
    heading: str
    start: int
    end: int


class MissingItem(Frozen):
    """A rule the report fails or meets only in part, heaviest first on the scorecard: what is missing
    (``message``), how to fix it and the basis as an official reads it."""

    rule: str
    title: str
    name: str
    status: Status
    weight: float
    missing: list[str]
    message: str = ""
    fix: str
    basis: list[BasisRef]  # the same as the rule's result: one type wherever a basis appears


class NotScored(Frozen):
    rule: str
    status: Status
    reason: str


class PackRef(Frozen):
    id: str
    version: str


class Scorecard(Frozen):
    """A report checked against a rule pack: its ``score`` (0–100, None when nothing could be judged) and
    ``grade``, what was read from the ``document``, its ``sections``, every rule's ``results``, the
    ``missing`` items heaviest first, and the rules ``not_scored``.  ``print(card)`` shows a short
    summary; ``card.model_dump_json()`` is the canonical form."""

    schema_version: str = SCHEMA_VERSION
    lawcheck_version: str
    pack: PackRef  # the pack the rules were loaded as (the last of ``packs``)
    packs: list[PackRef]  # every pack that produced this scorecard, base first
    policy_version: str
    lang: Literal["zh", "en"]
    score: float | None
    grade: str | None
    grade_label: str | None
    grade_tone: Tone | None = None
    timeliness: Timeliness | None = None
    document: DocumentInfo
    sections: list[SectionInfo]
    results: list[RuleResult]
    missing: list[MissingItem]
    not_scored: list[NotScored]
    figures: list[Figure] = Field(default_factory=list, description="the figures read for the pack's indicators")
    history: History | None = Field(None, description="the review against last year's report, when it was given")

    def result(self, rule_id: str) -> RuleResult:
        for r in self.results:
            if r.rule == rule_id:
                return r
        raise KeyError(rule_id)

    def slim(self) -> SlimCard:
        """What a batch summary reads of this scorecard (score, grade, the document's facts, lateness, the
        missing items by name, the waived rules, the year's headline figures) and nothing else: a streamed
        batch keeps one of these per report (a few KB in memory against 355 KB for the whole scorecard)."""
        d = self.document
        indicators = dict.fromkeys(f.indicator for f in self.figures)  # each once, in the order read
        values = ((ind, self.headline(ind)) for ind in indicators)
        headlines = tuple((ind, v) for ind, v in values if v is not None)
        return construct(SlimCard,
            lang=self.lang, score=self.score, grade_label=self.grade_label, timeliness=self.timeliness,
            document=construct(SlimDocument, title=d.title, organ=d.organ, report_year=d.report_year, kind=d.kind,
                                                  kind_reason=d.kind_reason, other_kind=d.other_kind,
                                                  cut_off=d.cut_off, too_short=d.too_short),
            missing=tuple((m.rule, m.name) for m in self.missing),
            waived_rules=tuple(r.rule for r in self.results if r.waived is not None),
            headlines=headlines, late_by=self.late_by())

    def late_by(self) -> tuple[str, str] | None:
        """The deadline a late report missed (its short name) and the date it read, as the report or its page
        writes it ("一季度报送", "2021年4月28日"); None when the report is not late."""
        missed = next((r for r in self.results if r.kind == "deadline" and r.status == "fail" and r.waived is None),
                      None)
        if missed is None:
            return None
        return missed.name, (missed.evidence[0].text.strip() if missed.evidence else "")

    def waived(self) -> list[RuleResult]:
        """The results a waiver left out of the score and the gate, in the pack's order."""
        return [r for r in self.results if r.waived is not None]

    def statuses(self) -> dict[str, str]:
        return {r.rule: r.status for r in self.results}

    def headline(self, indicator: str) -> float | None:
        """The report's figure for an indicator as a reviewer copies it: of the year's results, the first
        rate (a report states its rate once; the rest are a part's), or the largest count (the total:
        "收到申请58件, 受理50件"; "涉及信息公开的复议案件9件" beside "共受理29件")."""
        f = self.headline_figure(indicator)
        return None if f is None else f.value

    def headline_figure(self, indicator: str) -> Figure | None:
        """The figure ``headline`` takes its value from (with its bound: 1200余, 90%以上)."""
        found = [f for f in self.figures if f.indicator == indicator and f.period == "current" and not f.target]
        if not found:
            return None
        if found[0].unit in ("%", "‰"):
            return found[0]
        # Counts of one kind only: 人次 (attendances) and 人/名 (people) are not the same figure.
        kind = _UNIT_KIND.get(found[0].unit, found[0].unit)
        return max((f for f in found if _UNIT_KIND.get(f.unit, f.unit) == kind), key=lambda f: f.value)

    def previous_figures(self, name: str | None = None) -> PreviousFigures:
        """This report's key figures, for next year's report to be checked against (``--previous``)."""
        d = self.document
        label = name or " ".join(str(x) for x in (d.organ, f"{d.report_year}年度" if d.report_year else None) if x)
        values, units = {}, {}
        asked: set[str] = set()  # each indicator's headline worked out once (not once per figure of it)
        for f in self.figures:
            if f.indicator not in asked:
                asked.add(f.indicator)
                v = self.headline(f.indicator)
                if v is not None:
                    values[f.indicator], units[f.indicator] = v, f.unit
        return PreviousFigures(name=label or "上年报告", year=d.report_year, values=values, units=units)

    def __str__(self) -> str:
        """A few lines a person reads: who, which year, the score and grade, what is missing."""
        zh = self.lang == "zh"
        d = self.document
        who = " ".join(str(x) for x in (d.organ or d.title, f"{d.report_year}年度" if zh and d.report_year
                                        else d.report_year) if x) or ("（无标题）" if zh else "(untitled)")
        if d.kind != "annual_report":
            return f"{who}：不是法治政府建设年度报告（{d.kind_reason or ''}）" if zh else \
                f"{who}: not an annual report on law-based government ({d.kind_reason or ''})"
        score = "—" if self.score is None else f"{self.score:.1f}"
        lines = [f"{who} — {score}" + (f" 分（{self.grade_label}）" if zh and self.grade_label else
                                      f" ({self.grade_label})" if self.grade_label else "")]
        if self.missing:
            lines.append(f"缺失项（{len(self.missing)}）：" if zh else f"Missing ({len(self.missing)}):")
            for i, m in enumerate(self.missing, 1):
                lines.append(f"  {i}. {m.title}（{m.rule}）" if zh else f"  {i}. {m.title} ({m.rule})")
        else:
            lines.append("缺失项：无" if zh else "Missing: none")
        return "\n".join(lines)


class SlimDocument(Frozen):
    """The facts of a document a batch summary shows (a slim scorecard's)."""

    title: str | None = None
    organ: str | None = None
    report_year: int | None = None
    kind: Kind = "annual_report"
    kind_reason: str | None = None
    other_kind: str | None = None
    cut_off: bool = False  # why a row has no score (render.common.shown_score)
    too_short: int | None = None


class SlimCard(Frozen):
    """A scorecard as a batch summary reads it (``Scorecard.slim``): what a ranked row, the totals, the most
    common missing items and the spreads of the key indicators need."""

    lang: Literal["zh", "en"]
    score: float | None
    grade_label: str | None
    timeliness: Timeliness | None = None
    document: SlimDocument
    missing: tuple[tuple[str, str], ...] = ()  # (rule id, short name), heaviest first
    waived_rules: tuple[str, ...] = ()
    headlines: tuple[tuple[str, float], ...] = ()  # (indicator, the year's headline figure)
    late_by: tuple[str, str] | None = None  # a late report's missed deadline (its short name) and the date it quotes

    def headline(self, indicator: str) -> float | None:
        return next((v for ind, v in self.headlines if ind == indicator), None)

    def waived(self) -> tuple[str, ...]:
        return self.waived_rules

    def slim(self) -> SlimCard:
        return self


class RuleInfo(Frozen):
    """A rule as an output describes it (SARIF's rule list, a CSV's columns): id, texts, severity, weight."""

    # Built when first used: a check that writes no rule list never pays for it (nor for the two below).
    model_config = ConfigDict(frozen=True, defer_build=True)

    id: str
    kind: str
    title: str
    message: str
    fix: str
    category: str
    severity: Literal["error", "warning", "info"]
    weight: float
    basis: list[str]  # each basis as an official reads it


class IndicatorInfo(Frozen):
    """An indicator as an output describes it (the CSV's columns, a folder's spread): id, name, unit."""

    id: str
    name: str
    unit: str  # the first unit the catalogue lists: 件, 人次, %


# Units that count the same thing: cases in 件, 宗 or 起; people in 人 or 名.
_UNIT_KIND = {"件": "件", "宗": "件", "起": "件", "件次": "件", "人": "人", "名": "人"}


class PreviousFigures(Frozen):
    """Last year's report's key figures, for a 同比 claim of this year's to be held against (issue 15):
    each indicator's headline figure (``Scorecard.headline``) and unit, and what that report is."""

    name: str  # how it is named in a finding: its organ and year, or its file
    year: int | None = None
    values: dict[str, float] = Field(default_factory=dict)
    units: dict[str, str] = Field(default_factory=dict)


class PreviousReport(Frozen):
    """Last year's report of the same body, for the year-over-year review (issue 16): its text, how it is
    named in the findings (its organ and year, or its file), for a web page the page's own title, and whether
    to review it though it does not look like this body's report of the year before (``force``)."""

    name: str
    text: str
    title: str | None = None
    # Review it even when what is read from the two says they are not one body's consecutive years (another organ,
    # years that do not follow): without it the history rules are unknown, saying why (the command line's --force).
    force: bool = False


ItemFate = Literal["done", "carried_over", "admitted", "addressed", "repeated", "silent"]


class ItemReview(Frozen):
    """What became of one item of last year's report: a planned task (done, carried_over, admitted,
    silent) or an admitted shortcoming (addressed, repeated, silent).  ``item`` quotes last year's report,
    ``where`` this year's (offsets into each ORIGINAL text); ``score`` is the share of the item's word
    weight that passage carries, ``shared`` the words they share."""

    item: Evidence
    outcome: ItemFate
    where: Evidence | None = None
    score: float
    shared: list[str] = Field(default_factory=list)


class CopiedPassage(Frozen):
    """A passage of this year's report (``this``) repeating last year's (``last``), verbatim or with numbers,
    names or the order of clauses changed; ``part`` is the part of this year's report it stands in."""

    this: Evidence
    last: Evidence
    part: Role
    verbatim: bool
    length: int  # characters of this year's passage


class PartCopied(Frozen):
    """How much of one part of this year's report repeats last year's."""

    part: Role
    chars: int
    copied: int
    share: float


class ReportRef(Frozen):
    """The other report of a comparison, as lawcheck read it."""

    name: str
    organ: str | None = None
    year: int | None = None
    title: str | None = None


class History(Frozen):
    """This year's report against the same body's report of the year before (``--previous``, ``compare``).

    ``paired``: the two reports' organ and years line up (``pairing`` says why not, or what could not be
    told); ``plan`` and ``shortcomings`` list last year's items, those left silent and carried over first;
    ``copied`` the passages repeating last year's text, ``copied_share`` their share of this year's body,
    ``parts`` the share part by part and ``worst_parts`` the problems or plan parts copied at length;
    ``in_score``: whether the history rules count in the score (the policy's ``history_in_score``)."""

    last: ReportRef
    paired: bool
    pairing: list[str] = Field(default_factory=list)
    plan: list[ItemReview] = Field(default_factory=list)
    plan_counts: dict[str, int] = Field(default_factory=dict)
    shortcomings: list[ItemReview] = Field(default_factory=list)
    shortcoming_counts: dict[str, int] = Field(default_factory=dict)
    copied: list[CopiedPassage] = Field(default_factory=list)
    copied_share: float = 0.0
    parts: list[PartCopied] = Field(default_factory=list)
    worst_parts: list[Role] = Field(default_factory=list)
    in_score: bool = False


class UnitReview(Frozen):
    """One report of a folder compared with its unit's report of the year before (``lawcheck compare DIR``).

    ``this``/``last`` are the files (``last`` None: no report of the year before was found); ``paired_by``
    says how they were paired (organ and consecutive years read from the reports, or ``pairs.csv``).  The
    counts and lists are those of the report's ``history``; ``silent_plan`` the planned tasks left
    unmentioned, ``repeated_problems`` the shortcomings listed again, ``silent_problems`` those not followed up
    at all; ``templates`` the clusters of
    reports of other units it shares passages with, ``template_share`` how much of it those passages are.
    ``missing_year``: a year the folder holds reports of, none of this unit's — its report of that year was not
    found (not sent, or not in the folder); the row is that year's (``year``), ``this`` is empty and ``last`` is the
    unit's report of the year before."""

    this: str
    organ: str | None = None
    year: int | None = None
    missing_year: int | None = None
    last: str | None = None
    last_year: int | None = None
    paired_by: Literal["organ_year", "pairs_csv"] | None = None
    error: str | None = None
    not_report: bool = False  # read, but no annual report (a 政府工作报告, a notice): ``error`` says so
    score: float | None = None
    pairing: list[str] = Field(default_factory=list)
    plan_counts: dict[str, int] = Field(default_factory=dict)
    shortcoming_counts: dict[str, int] = Field(default_factory=dict)
    silent_plan: list[str] = Field(default_factory=list)
    repeated_problems: list[str] = Field(default_factory=list)
    silent_problems: list[str] = Field(default_factory=list)
    copied_share: float | None = None
    worst_parts: list[Role] = Field(default_factory=list)
    templates: list[int] = Field(default_factory=list)
    template_share: float = 0.0


class SharedPassage(Frozen):
    """A passage several units' reports share (numbers and their own place names aside): as the first of them
    writes it, and which reports carry it."""

    text: str
    length: int
    units: list[str]


class TemplateCluster(Frozen):
    """Reports of different units, of one year, that share passages: the units, the passages (longest first)
    and how much of each report they are (``shares``, by file)."""

    id: int
    year: int | None = None
    units: list[str]
    organs: list[str | None]
    passages: list[SharedPassage]
    shares: dict[str, float]


class FolderReview(Frozen):
    """A folder of reports reviewed year over year: one row per report, and the template clusters."""

    units: list[UnitReview]
    clusters: list[TemplateCluster] = Field(default_factory=list)


class CallerFacts(Frozen):
    """What the caller states about a report, instead of what lawcheck reads from it: validated once,
    when the check starts (a wrong value is a one-line error naming the parameter)."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    report_year: int | None = Field(None, ge=1949, le=2100)
    published: dt.date | None = None
    level: Level | None = None
    reporter: Reporter | None = None
    kind: Kind | None = None
    title: str | None = None  # a web page's own title, used when the text shows none
    page_published: dt.date | None = None  # the date a web page shows (发布时间): the page's, not the caller's
    doc_number: str | None = None  # what a web page says of itself: 文号, 来源, 索引号
    source: str | None = None
    index_number: str | None = None
    previous: PreviousFigures | None = None  # last year's report's figures (check --previous)
    previous_report: PreviousReport | None = None  # last year's report itself, for the history review
    waivers: tuple[Waiver, ...] = ()  # exceptions accepted for this report (the caller chose which apply)

    @field_validator("report_year", mode="before")
    @classmethod
    def _year(cls, v: object) -> object:
        # "2024" from a form field is the year 2024; True is not a year.
        if isinstance(v, bool):
            raise ValueError("a year is a number such as 2024")
        return v.strip() if isinstance(v, str) else v

    @classmethod
    def of(cls, **values: object) -> CallerFacts:
        """Validate; a wrong value raises ValueError with one line: the parameter and what it must be."""
        if all(v is None for v in values.values()):
            # Nothing stated (the usual check): the defaults, without building the validator (a cold
            # start's 7 ms, issue 18).
            return construct(cls)
        try:
            return cls.model_validate({k: v for k, v in values.items() if v is not None})
        except ValidationError as e:
            err = e.errors()[0]
            name = ".".join(str(x) for x in err["loc"]) or "facts"
            said = str(err["msg"]).removeprefix("Value error, ")  # our own validators' words, without the prefix
            raise FactError(f"{name}: {said} (got {err.get('input')!r})", name, dict(err)) from None


class FactError(ValueError):
    """A value the caller stated that cannot be: the parameter (``name``) and pydantic's error (``error``), so
    that the caller's language can say it."""

    def __init__(self, message: str, name: str, error: dict[str, Any]) -> None:
        super().__init__(message)
        self.name, self.error = name, error


class Original(BaseModel):
    """An input's own bytes, for an output that writes the document back (Word with comments): the Word
    file as it was read and ``pieces``, where each stretch of the text lawcheck read is in it —
    (start, end) in the text, the index of a text node (w:t, w:tab, w:br, w:cr) in the body's document
    order and the offset in that node's text.  Numbering labels and line joins have no piece."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    format: Literal["docx"] = "docx"
    data: bytes = Field(repr=False)
    pieces: list[tuple[int, int, int, int]] = Field(default_factory=list, repr=False)


class Record(BaseModel):
    """One input of a batch, as the batch hands it on.

    ``error``: why the input could not be checked (None: it was checked).  ``card``: its scorecard, when
    carried (a worker that writes a streaming format drops it once ``line`` is written, so that
    scorecards are not sent between processes).  ``line``: the record as the streaming format writes
    it (a folder's format: the record's file).  ``text``: the report's text, kept only for formats that
    show it; ``original``: a Word input's own bytes and the text's map to them, kept only for a format
    that writes the document back.  ``gate``: why the input
    falls short of the gate (empty: it meets it; an input that could not be checked never does).
    """

    model_config = ConfigDict(frozen=True, defer_build=True)

    path: str
    path_raw: str | None = Field(None, description="the file name's bytes with undecodable ones as \\xNN "
                                                  "escapes, when the name is not UTF-8 (path shows them as U+FFFD)")
    error: str | None = None
    card: Scorecard | None = None
    line: str | bytes | None = Field(None, repr=False)  # bytes: a folder's Word copy
    text: str | None = Field(None, repr=False)
    original: Original | None = Field(None, repr=False)  # the Word file itself, for formats that need_original
    gate: list[str] = Field(default_factory=list)
    # The text's digest (``batch.digest``): a batch summary counts a report sent twice with the same text once.
    digest: str | None = Field(None, repr=False)

    @property
    def checked(self) -> bool:
        return self.error is None
