"""What a pack declares beside its rules: its manifest (pack.yaml) and its scoring policy (policy.yaml)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from lawcheck.kinds.base import PART_ID_RE, Lifecycle, Pattern, Severity, Strict, Text
from lawcheck.model import Tone


class Grade(Strict):
    id: str = Field(pattern=PART_ID_RE)
    min: float = Field(ge=0, le=100)
    label: Text
    tone: Tone | None = Field(None, description="how the grade reads at a glance (a colour): good, fair or poor; "
                                               "default: good for the highest grade, poor for the lowest, fair between")


class Policy(Strict):
    """How results become a score.  Lives in rules/policy.yaml, never in code."""

    version: str
    mention_credit: float = Field(ge=0, lt=1, description="credit for a part mentioned only as a plan or a problem")
    weak_credit: float = Field(ge=0, lt=1, description="credit for a weak phrase")
    boundary_credit: float = Field(ge=0, lt=1, description="credit for a date on the boundary day")
    history_in_score: bool = Field(
        False, description="whether the year-over-year rules (kind history, checked with last year's report) "
                           "count in the score; by default they are reported beside it")
    grades: list[Grade] = Field(min_length=1)

    @field_validator("grades")
    @classmethod
    def _descending(cls, v: list[Grade]) -> list[Grade]:
        if [g.min for g in v] != sorted((g.min for g in v), reverse=True) or v[-1].min != 0:
            raise ValueError("grades must be listed from the highest 'min' down to a grade with min 0")
        return v

    def grade(self, score: float) -> Grade:
        return next(g for g in self.grades if score >= g.min)

    def tone(self, grade: Grade) -> Tone:
        if grade.tone is not None:
            return grade.tone
        if grade is self.grades[-1] and len(self.grades) > 1:
            return "poor"
        return "good" if grade is self.grades[0] else "fair"


class SourceRef(Strict):
    """A source the pack's rules cite: S… from RULEBOOK §0, R… from its review findings (§8)."""

    id: str = Field(pattern=r"^[SR]\d+$")
    title: str
    url: str | None = None


class RuleOverride(Strict):
    """What a pack may change in a rule it inherits."""

    weight: float | None = Field(None, gt=0, le=100)
    severity: Severity | None = None
    lifecycle: Lifecycle | None = None


class EraFact(Strict):
    """A dated fact the era-aware rules depend on (RULEBOOK §5): which years it governs."""

    id: str = Field(pattern=PART_ID_RE)
    name: str
    date: str = Field(description="when it was issued or took effect, as the rulebook gives it")
    start: int | None = Field(None, alias="from", description="first report year it governs")
    end: int | None = Field(None, alias="to", description="last report year it governs")
    source: str = Field(pattern=r"^[SR]\d+$")
    status: Literal["verified", "partial", "unverified"]


class Manifest(Strict):
    """pack.yaml: what the pack is, what it extends, and the shared vocabulary its rules refer to as @name."""

    id: str = Field(pattern=PART_ID_RE)
    title: Text
    version: str
    extends: str | None = Field(None, description="a pack name (core, shaanxi, …) or a directory, relative to this one")
    sources: list[SourceRef] = Field(default_factory=list, description="every source a rule's basis may cite")
    categories: list[str] = Field(default_factory=list, description="display order of categories; others follow")
    lists: dict[str, list[str]] = Field(default_factory=dict)
    negation: list[str] | None = Field(None, min_length=1,
                                       description="clause cues that something is not (yet) done (inherited if absent)")
    negation_patterns: list[Pattern] | None = Field(
        None, description="clause cues of negation that a phrase cannot say, as regular expressions: \"未经…即作出\" "
                          "(inherited if absent)")
    negation_back_patterns: list[Pattern] | None = Field(
        None, description="cues that negate the clause right before them in their sentence (up to 80 characters "
                          "back) and their own, as regular expressions: work called off or put off after it was named "
                          "(\"…主持召开专题会议，因故取消\", \"…被推迟至2025年\") (inherited if absent)")
    future: list[str] | None = Field(None, min_length=1,
                                     description="clause cues that something is only planned (inherited if absent)")
    future_patterns: list[Pattern] | None = Field(
        None, description="clause cues of a plan or an exhortation that a phrase cannot say, as regular "
                          "expressions: \"将于明年一季度主持召开\", \"要带头述法\" (inherited if absent)")
    future_back_patterns: list[Pattern] | None = Field(
        None, description="cues that make their whole clause a plan, from its start, as regular expressions: a day set "
                          "after what is set for it (\"年度述法定于2022年1月进行\") (inherited if absent)")
    plan_back_patterns: list[Pattern] | None = Field(
        None, description="cues that make the clause right before them in their sentence (up to 80 characters "
                          "back) a plan, as regular expressions: a clause that says of what it follows that it is only "
                          "planned (\"…三项制度，计划明年推行\", \"…实施方案，待县政府常务会议审议后印发\") "
                          "(inherited if absent)")
    named_only_patterns: list[Pattern] | None = Field(
        None, description="stretches that only name what a rule looks for, as regular expressions: the name of a "
                          "document received or passed on (收到…《…》), what was studied (学习…的规定), a check of "
                          "others' work (对…情况开展督查); a rule's phrase inside one is not work done (inherited "
                          "if absent)")
    overrides: dict[str, RuleOverride] = Field(default_factory=dict, description="inherited rules changed by id")
    disable: list[str] = Field(default_factory=list, description="inherited rules left out, by id")
    era: list[EraFact] = Field(default_factory=list, description="dated facts the era-aware rules follow")


class IndicatorExample(Strict):
    """A sentence and the figure the indicator must read from it (``value`` None: none of this indicator)."""

    text: str = Field(min_length=1)
    value: float | None = Field(description="the figure read, or null when the text gives none of this indicator")


class Indicator(Strict):
    """One figure evaluators read from reports (``rules/indicators.yaml``): what names it, its unit, its range.

    A number with one of ``units`` is this indicator's when a ``measure`` word stands in its clause (the
    stretch of text between punctuation) and the nearest topic word of the sentence is one of ``topic``
    (none listed: no topic needed).
    """

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")
    name: Text
    topic: list[str] = Field(default_factory=list, description="words naming the field: 行政复议, 行政诉讼 …")
    measure: list[str] = Field(min_length=1, description="words naming what is counted: 受理, 审结, 纠错率 …")
    units: list[str] = Field(min_length=1, description="units the figure is written in: 件, 人次, % …")
    unless: list[str] = Field(default_factory=list, description="words that, in the clause, make it another figure")
    fallback: bool = Field(False, description="takes a number of its topic and unit when no measure word is there")
    zero: list[str] = Field(default_factory=list,
                            description="phrases that state the figure is zero in words: 未发生行政诉讼案件, 零败诉")
    min: float = 0
    max: float | None = Field(None, description="the largest valid value (100 for a share in %)")
    key: bool = Field(False, description="a key indicator: a CSV column and a spread across a folder")
    examples: list[IndicatorExample] = Field(min_length=1)


class Relation(Strict):
    """How two or three indicators must agree: ``part`` ≤ ``total``; with ``rate``, rate = part ÷ total."""

    part: str
    total: str
    rate: str | None = None
    note: Text | None = None
    unless: list[str] = Field(default_factory=list,
                              description="words near the figures that say why the relation need not hold (上年结转)")


class Catalogue(Strict):
    """The indicators a pack reads from reports, and how they relate (``rules/indicators.yaml``)."""

    indicators: list[Indicator] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)

    @model_validator(mode="after")
    def _known(self) -> Catalogue:
        ids = [i.id for i in self.indicators]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise ValueError(f"indicator ids listed twice: {', '.join(dup)}")
        for r in self.relations:
            for name in (r.part, r.total, r.rate):
                if name is not None and name not in ids:
                    raise ValueError(f"relation names an unknown indicator: {name}")
        return self

    def get(self, indicator_id: str) -> Indicator | None:
        return next((i for i in self.indicators if i.id == indicator_id), None)

    def merged(self, other: Catalogue) -> Catalogue:
        """This catalogue with ``other``'s indicators added (same id: ``other``'s wins) and its relations."""
        own = {i.id for i in other.indicators}
        return Catalogue(indicators=[*(i for i in self.indicators if i.id not in own), *other.indicators],
                         relations=[*self.relations, *(r for r in other.relations if r not in self.relations)])
