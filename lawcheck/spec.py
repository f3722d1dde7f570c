"""The rule-file schema: pydantic models for a rule pack, its rules and its scoring policy.

A rule is one YAML file.  Its ``kind`` picks one of a small, closed set of check
models (a discriminated union); every model forbids unknown keys so that a typo
in a rule file is an error, not a silently ignored setting.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator, model_validator

Role = Literal["preamble", "measures", "shortcomings", "plan", "other", "closing"]
Severity = Literal["error", "warning", "info"]
Lifecycle = Literal["experimental", "stable", "deprecated"]
ID_RE = r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$"
PART_ID_RE = r"^[a-z][a-z0-9_]*$"


def _check_patterns(patterns: list[str]) -> list[str]:
    from lawcheck.saferegex import UnsafePattern, check_pattern

    for p in patterns:
        try:
            check_pattern(p)
        except UnsafePattern as e:
            raise ValueError(str(e)) from None
    return patterns


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Text(Strict):
    """A text a person reads: Chinese required, English optional (falls back to Chinese)."""

    zh: str = Field(min_length=1)
    en: str | None = None

    def get(self, lang: str) -> str:
        return self.en if lang == "en" and self.en else self.zh


class Years(Strict):
    """Report years a rule applies to (inclusive).  Open ends are None."""

    start: int | None = Field(None, alias="from", ge=1990, le=2100)
    end: int | None = Field(None, alias="to", ge=1990, le=2100)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

    def contains(self, year: int) -> bool:
        return (self.start is None or year >= self.start) and (self.end is None or year <= self.end)


class Basis(Strict):
    """Where a requirement comes from, as the rulebook gives it.

    The reader sees the document, its number, the article (only when the article number is
    verified, at least partly) and the provision; the note and the verification marks stay in
    JSON and ``explain``.  ``years``/``levels``/``reporters`` say whom and when the provision
    governs: a rule cites, for each report, only the bases that cover it.
    """

    document: str = Field(min_length=2, description="正式名称, e.g. 法治政府建设与责任落实督察工作规定")
    ref: str | None = Field(None, description="文号, e.g. 厅字〔2019〕28号")
    article: str | None = Field(None, description="条号 only, e.g. 第二十四条")
    article_status: Literal["verified", "partial", "unverified"] | None = Field(
        None, description="how sure the article number is (default: status); an unverified number is not shown")
    provision: str = Field(min_length=1, description="what the provision requires, as the reader sees it")
    source: str = Field(pattern=r"^[SR]\d+$", description="Rulebook source id (RULEBOOK.md §0: S…; §8: R…)")
    status: Literal["verified", "partial", "unverified"] = Field(
        description="Rulebook mark for the provision: ✅ verified, ◐ partial, ❌ unverified"
    )
    note: str | None = None
    years: Years = Field(default_factory=Years, description="report years the provision governs")
    levels: list[Literal["province", "city", "county", "township", "department"]] | None = Field(
        None, description="reporter levels the provision covers (default: all)")
    reporters: list[Literal["government", "department", "joint"]] | None = Field(
        None, description="kinds of reporter the provision covers (default: all)")

    def article_shown(self) -> bool:
        return bool(self.article) and (self.article_status or self.status) != "unverified"

    def cite(self) -> str:
        """The basis as an official reads it: 《document》ref article provision."""
        head = f"《{self.document}》" + (f"（{self.ref}）" if self.ref else "")
        article = self.article if self.article_shown() else ""
        return f"{head}{article}{'：' if article else ''}{self.provision}"

    def covers(self, year: int | None, level: str | None, reporter: str | None) -> bool:
        """Whether the provision governs a report of that year, level and reporter (unknowns do not exclude)."""
        if year is not None and not self.years.contains(year):
            return False
        if self.levels is not None and level is not None and level not in self.levels:
            return False
        return not (self.reporters is not None and reporter is not None and reporter not in self.reporters)


class Context(Strict):
    """Words that must (``any``) occur near an anchor for it to count."""

    any: list[str] = Field(min_length=1)
    not_: list[str] = Field(default_factory=list, alias="not", description="false friends of the context words")
    not_patterns: list[str] = Field(default_factory=list,
                                    description="false friends as regular expressions (a context word inside one does "
                                                "not count)")
    window: Literal["sentence", "clause"] | int = "sentence"
    headings: bool = Field(False, description="the headings above the sentence count as context too")
    own_level: bool = Field(False, description="a context word naming an administrative level (县长, 市委书记, "
                                               "县政府主要负责同志) counts only for the reporter's own level: a 市长 "
                                               "in a county's report is the level above; a department's own are "
                                               "its 局长, not the 县长")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

    @field_validator("not_patterns")
    @classmethod
    def _compiles(cls, v: list[str]) -> list[str]:
        return _check_patterns(v)


class Veto(Strict):
    """Words near an anchor that show it is about something else (e.g. 规范性文件 near 合法性审查)."""

    any: list[str] = Field(min_length=1)
    window: Literal["sentence", "clause"] | int = "clause"


class Part(Strict):
    """A concept: any of its phrases, not inside a false friend, in the right context."""

    id: str = Field(pattern=PART_ID_RE)
    label: Text
    weight: float = Field(1.0, gt=0, description="the part's share of the rule, relative to the other parts")
    phrases: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list, description="regular expressions, matched like phrases")
    weak: list[str] = Field(default_factory=list, description="phrases that earn partial credit only")
    not_: list[str] = Field(default_factory=list, alias="not", description="false friends: spans that never count")
    context: list[Context] | Context = Field(default_factory=list,
                                             description="one context, or several that must all hold")
    veto: Veto | None = None
    credit_mentions: bool = Field(
        True, description="a mention outside the year's work (plan, problem, heading) earns the policy's mention credit"
    )
    years: Years = Field(default_factory=Years, description="report years this part applies to (default: all)")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

    @field_validator("context", mode="after")
    @classmethod
    def _one_or_many(cls, v: object) -> object:
        return [v] if isinstance(v, Context) else v

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, v: list[str]) -> list[str]:
        return _check_patterns(v)

    @model_validator(mode="after")
    def _something_to_find(self) -> Part:
        if not self.phrases and not self.patterns:
            raise ValueError("a part needs phrases or patterns")
        return self


class Example(Strict):
    text: str = Field(min_length=1)
    report_year: int | None = None
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    note: str | None = None


ExampleItem = Union[str, Example]


class Examples(Strict):
    pass_: list[ExampleItem] = Field(alias="pass", min_length=1)
    fail: list[ExampleItem] = Field(min_length=1)
    partial: list[ExampleItem] = Field(default_factory=list)
    not_applicable: list[ExampleItem] = Field(default_factory=list)
    unknown: list[ExampleItem] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

    def by_status(self) -> dict[str, list[Example]]:
        out = {}
        for status, items in (("pass", self.pass_), ("fail", self.fail), ("partial", self.partial),
                              ("not_applicable", self.not_applicable), ("unknown", self.unknown)):
            out[status] = [Example(text=i) if isinstance(i, str) else i for i in items]
        return out


class RuleBase(Strict):
    id: str = Field(pattern=ID_RE)
    aliases: list[str] = Field(default_factory=list, description="former ids that still work (renames)")
    title: Text
    name: Text | None = Field(None, description="a short noun phrase for tables: 三项制度")
    category: str = Field(pattern=PART_ID_RE)
    severity: Severity
    weight: float = Field(gt=0, le=100)
    lifecycle: Lifecycle = "stable"
    removed_in: str | None = Field(None, description="for a deprecated rule: the version that removes it")
    years: Years = Field(default_factory=Years)
    when_year_unknown: Literal["apply", "unknown"] = Field(
        "unknown", description="apply: the rule does not depend on the exact year; unknown: it does"
    )
    reporters: list[Literal["government", "department", "joint"]] = Field(
        default_factory=lambda: ["government", "department", "joint"],
        description="the kinds of reporter the rule applies to (others: not applicable)",
    )
    levels: list[Literal["province", "city", "county", "township", "department"]] | None = Field(
        None, description="the reporter levels the rule applies to (default: all)"
    )
    basis: list[Basis] = Field(min_length=1)
    no_basis: Text | None = Field(
        None, description="said (not applicable) when none of the bases covers the report's year, level or reporter")
    message: Text = Field(description="the gap, in one sentence: 未找到…")
    fix: Text = Field(description="what to do, imperative: 增加…")
    examples: Examples


class ConceptRule(RuleBase):
    """Required content: each part must be described as the year's work (in ``scope``)."""

    kind: Literal["concept"]
    scope: list[Role] = Field(default_factory=lambda: ["preamble", "measures"], min_length=1)
    parts: list[Part] = Field(min_length=1)
    collective: Part | None = Field(None, description="a name that covers every part at once (三项制度)")
    pass_at: float = Field(1.0, gt=0, le=1, description="fraction of credit that counts as pass")
    negation: bool = Field(True, description="a clause saying it is not done (尚未/不到位) does not count")

    @model_validator(mode="after")
    def _unique_parts(self) -> ConceptRule:
        ids = [p.id for p in self.parts]
        if len(ids) != len(set(ids)):
            raise ValueError(f"duplicate part ids: {ids}")
        return self


class SectionRule(RuleBase):
    """A top-level section with a role must exist (its heading or, failing that, its wording)."""

    kind: Literal["section"]
    role: Role
    min_chars: int = Field(20, ge=0)
    parts: list[Part] = Field(default_factory=list, description="concepts that must occur inside the section")
    mention: Part | None = Field(None, description="found outside any such section: partial")
    mention_scope: list[Role] = Field(
        default_factory=lambda: ["preamble", "measures", "shortcomings", "plan", "other", "closing"],
        description="where a mention counts (a plan's 针对存在的问题 is not a statement of problems)",
    )


class FieldRule(RuleBase):
    """Document facts that must be stated: the report year, the signature organ, the date."""

    kind: Literal["field"]
    fields: list[Literal["report_year", "signature_organ", "signed_date"]] = Field(min_length=1)


class DueDate(Strict):
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)
    year_offset: int = Field(1, ge=0, le=2, description="years after the report year")


class DeadlineRule(RuleBase):
    """A date of the report (signed or published) must fall on or before ``due`` — or, for a limit
    worded "…之前", before ``before`` (that day itself is a warning: whether "之前" includes it is unsettled)."""

    kind: Literal["deadline"]
    date: Literal["signed", "published"]
    due: DueDate | None = None
    before: DueDate | None = None
    boundary: DueDate | None = Field(None, description="with due: this exact day is a warning (partial)")

    @model_validator(mode="after")
    def _one_limit(self) -> DeadlineRule:
        if (self.due is None) == (self.before is None):
            raise ValueError("give exactly one of 'due' (on or before) and 'before' (before that day)")
        return self


class TitleRule(RuleBase):
    """The title must match a pattern (a fixed report name, say)."""

    kind: Literal["title"]
    pattern: str

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, v: str) -> str:
        return _check_patterns([v])[0]


class ForbiddenItem(Strict):
    id: str = Field(pattern=PART_ID_RE)
    label: Text
    phrases: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list, description="regular expressions (Python re)")
    not_: list[str] = Field(default_factory=list, alias="not")
    context: list[Context] | Context = Field(default_factory=list,
                                             description="one context, or several that must all hold")
    years: Years = Field(default_factory=Years)
    scope: list[Role] | None = None
    exempt_quoted: bool = Field(False, description="ignore hits inside “…” quotation marks")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

    @field_validator("context", mode="after")
    @classmethod
    def _one_or_many(cls, v: object) -> object:
        return [v] if isinstance(v, Context) else v

    @model_validator(mode="after")
    def _something_to_find(self) -> ForbiddenItem:
        if not self.phrases and not self.patterns:
            raise ValueError("an item needs phrases or patterns")
        return self

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, v: list[str]) -> list[str]:
        return _check_patterns(v)


class ForbiddenRule(RuleBase):
    """Things a report must not contain: template leftovers, outdated documents cited as current."""

    kind: Literal["forbidden"]
    items: list[ForbiddenItem] = Field(min_length=1)


class CountRule(RuleBase):
    """A quality signal: how many sentences in ``scope`` match ``pattern``."""

    kind: Literal["count"]
    pattern: str
    scope: list[Role] = Field(default_factory=lambda: ["preamble", "measures"], min_length=1)
    pass_min: int = Field(ge=1)
    partial_min: int = Field(ge=1)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, v: str) -> str:
        return _check_patterns([v])[0]


BodyKind = Literal["party_committee", "congress", "government", "department", "coordination_body", "central"]


class Addressee(Strict):
    """A body a report may (or must) be addressed to: its kind and where it stands to the reporter."""

    id: str = Field(pattern=PART_ID_RE)
    label: Text
    body: BodyKind = Field(description="party_committee (党委), congress (人大常委会), government, department, "
                                       "coordination_body (依法治X办), central (党中央、国务院)")
    relation: Literal["same", "upper", "any"] = Field(
        "any", description="same: the reporter's own level; upper: a higher level (place names tell them apart)")


class RecipientGroup(Strict):
    """The addressees named for one kind of reporter (and, optionally, only at some levels)."""

    reporters: list[Literal["government", "department", "joint"]] = Field(min_length=1)
    levels: list[Literal["province", "city", "county", "township", "department"]] | None = None
    bodies: list[Addressee] = Field(min_length=1)


class RecipientsRule(RuleBase):
    """A report with a 主送 (or 抄送) line addresses the bodies the rules name for its reporter.

    ``require: any``: each addressee must be one of ``bodies`` (a report goes to each body as a separate
    copy, so one prescribed body is enough); ``all``: every one of ``bodies`` must be on the line."""

    kind: Literal["recipients"]
    line: Literal["main", "copy"] = Field("main", description="main: the 主送 line; copy: the 抄送 line")
    require: Literal["any", "all"] = "any"
    groups: list[RecipientGroup] = Field(min_length=1)


Rule = Annotated[
    Union[ConceptRule, SectionRule, FieldRule, DeadlineRule, ForbiddenRule, CountRule, RecipientsRule, TitleRule],
    Field(discriminator="kind"),
]
RULE_ADAPTER: TypeAdapter = TypeAdapter(Rule, config=ConfigDict(defer_build=True))
RULE_MODELS = {
    "concept": ConceptRule,
    "section": SectionRule,
    "field": FieldRule,
    "deadline": DeadlineRule,
    "forbidden": ForbiddenRule,
    "count": CountRule,
    "recipients": RecipientsRule,
    "title": TitleRule,
}


class Grade(Strict):
    id: str = Field(pattern=PART_ID_RE)
    min: float = Field(ge=0, le=100)
    label: Text


class Policy(Strict):
    """How results become a score.  Lives in rules/policy.yaml, never in code."""

    version: str
    mention_credit: float = Field(ge=0, lt=1, description="credit for a part mentioned only as a plan or a problem")
    weak_credit: float = Field(ge=0, lt=1, description="credit for a weak phrase")
    boundary_credit: float = Field(ge=0, lt=1, description="credit for a date on the boundary day")
    grades: list[Grade] = Field(min_length=1)

    @field_validator("grades")
    @classmethod
    def _descending(cls, v: list[Grade]) -> list[Grade]:
        if [g.min for g in v] != sorted((g.min for g in v), reverse=True) or v[-1].min != 0:
            raise ValueError("grades must be listed from the highest 'min' down to a grade with min 0")
        return v

    def grade(self, score: float) -> Grade:
        return next(g for g in self.grades if score >= g.min)


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

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


class Manifest(Strict):
    """pack.yaml: what the pack is, what it extends, and the shared vocabulary its rules refer to as @name."""

    id: str = Field(pattern=PART_ID_RE)
    title: Text
    version: str
    extends: str | None = Field(None, description="a pack name (core, shaanxi, …) or a directory, relative to this one")
    sources: list[SourceRef] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list, description="display order of categories; others follow")
    lists: dict[str, list[str]] = Field(default_factory=dict)
    negation: list[str] | None = Field(None, min_length=1,
                                       description="clause cues that something is not (yet) done (inherited if absent)")
    future: list[str] | None = Field(None, min_length=1,
                                     description="clause cues that something is only planned (inherited if absent)")
    overrides: dict[str, RuleOverride] = Field(default_factory=dict, description="inherited rules changed by id")
    disable: list[str] = Field(default_factory=list, description="inherited rules left out, by id")
    era: list[EraFact] = Field(default_factory=list, description="dated facts the era-aware rules follow")
