"""What every rule has, whatever its kind: the fields of a rule file, the legal basis, the examples, and
the outcome a check returns.

A rule is one YAML file.  Its ``kind`` picks one of a small, closed set of check models (a
discriminated union, see ``lawcheck.kinds``); every model forbids unknown keys so that a typo in a
rule file is an error, not a silently ignored setting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Annotated, Literal, Union, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from lawcheck import rx
from lawcheck.analysis import Span
from lawcheck.i18n import join, t
from lawcheck.model import Level, Reporter, Role

ROLES: tuple[str, ...] = get_args(Role)
Severity = Literal["error", "warning", "info"]
Lifecycle = Literal["experimental", "stable", "deprecated"]
ID_RE = r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$"
PART_ID_RE = r"^[a-z][a-z0-9_]*$"


def _safe(pattern: str) -> str:
    """A rule's regular expression must compile and must not run away (lawcheck.saferegex)."""
    from pydantic_core import PydanticCustomError

    from lawcheck.saferegex import UnsafePattern, check_pattern

    try:
        check_pattern(pattern)
    except UnsafePattern as e:
        # Both languages travel with the error; the rule-file reader shows the reader's.
        raise PydanticCustomError("unsafe_pattern", "{en}", {"en": str(e), "zh": e.zh}) from None
    return pattern


# A regular expression from a rule file, checked when the file is read.
Pattern = Annotated[str, AfterValidator(_safe)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True, populate_by_name=True)


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

    @model_validator(mode="after")
    def _in_order(self) -> Years:
        if self.start is not None and self.end is not None and self.start > self.end:
            raise PydanticCustomError("years_order", "from ({start}) is after to ({end})",
                                      {"start": self.start, "end": self.end})
        return self

    def contains(self, year: int) -> bool:
        return (self.start is None or year >= self.start) and (self.end is None or year <= self.end)

    @property
    def bounded(self) -> bool:
        return self.start is not None or self.end is not None


def years_text(lang: str, y: Years) -> str:
    """The years as the reader says them: "2019年及以后", "2016—2018", "2018 and earlier"."""
    if y.start is None and y.end is None:
        return t(lang, "all_years")
    if y.end is None:
        return t(lang, "years_from", start=y.start)
    if y.start is None:
        return t(lang, "years_to", end=y.end)
    return t(lang, "years_range", start=y.start, end=y.end)


# How sure a provision is, when not fully (RULEBOOK's ◐ and ❌), as the reader sees it beside the citation.
_HOW_SURE = {"zh": {"partial": "〔部分核实〕", "unverified": "〔未经核实〕"},
             "en": {"partial": " [partly verified]", "unverified": " [not verified]"}}

# A meeting or congress, not a document: named without 《》 ("党的第二十次全国代表大会（2022年10月16—22日）").
_EVENT = rx.compile(r"(?:会议|全会|代表大会)(?:（[^）]*）)?$")


class Basis(Strict):
    """Where a requirement comes from, as the rulebook gives it.

    The reader sees the document, its number, the article (only when the article number is
    verified, at least partly) and the provision; a provision the rulebook has not fully verified says so
    where it is cited for a report (``cite(marked=True)``: "〔部分核实〕"), so that no examiner takes it for
    settled law.  ``years``/``levels``/``reporters`` say whom and when the provision
    governs: a rule cites, for each report, only the bases that cover it.
    """

    document: str = Field(min_length=2, pattern=r"^[^《》]+$",
                          description="正式名称 without 《》 (added when cited): 法治政府建设与责任落实督察工作规定")
    ref: str | None = Field(None, description="文号, e.g. 厅字〔2019〕28号")
    article: str | None = Field(None, description="条号 only, e.g. 第二十四条")
    article_status: Literal["verified", "partial", "unverified"] | None = Field(
        None, description="how sure the article number is (default: status); an unverified number is not shown")
    provision: str = Field(min_length=1, description="what the provision requires, as the reader sees it")
    wording: Literal["quote", "summary"] = Field(
        "quote", description="quote: ``provision`` is the source's own words (…… where words are left out); summary: "
                             "lawcheck's account of it (a paraphrase, a date, what an evaluator measured), marked "
                             "（概括） wherever it is cited, so that no paraphrase reads as the law's text")
    source: str = Field(pattern=r"^[SR]\d+$", description="Rulebook source id (RULEBOOK.md §0: S…; §8: R…)")
    status: Literal["verified", "partial", "unverified"] = Field(
        description="Rulebook mark for the provision: ✅ verified, ◐ partial, ❌ unverified"
    )
    # What lawcheck says about the basis (how sure, how it is applied): a person reads it, so it may come in both
    # languages ({zh, en}); a plain string is Chinese.
    note: Text | str | None = None
    years: Years = Field(default_factory=Years, description="report years the provision governs")
    levels: list[Level] | None = Field(None, description="reporter levels the provision covers (default: all)")
    reporters: list[Reporter] | None = Field(None, description="kinds of reporter the provision covers (default: all)")

    def note_in(self, lang: str) -> str | None:
        """The note in the reader's language (a plain string is Chinese, shown to both)."""
        return self.note.get(lang) if isinstance(self.note, Text) else self.note

    def article_shown(self) -> bool:
        return bool(self.article) and (self.article_status or self.status) != "unverified"

    def cite_document(self) -> str:
        """The document as an official names it: 《title》（ref）; a meeting is named without book-title marks
        ("中央全面依法治国工作会议（2020年11月16—17日）" is an event, not a document)."""
        name = self.document if _EVENT.search(self.document) else f"《{self.document}》"
        return name + (f"（{self.ref}）" if self.ref else "")

    def cite(self, lang: str = "zh", marked: bool = False) -> str:
        """The basis as an official reads it: 《document》ref article provision; a summary marked as one; with
        ``marked``, a provision not fully verified followed by how sure it is ("〔部分核实〕"; why: the note, in
        JSON and ``explain``)."""
        head = self.cite_document()
        article = self.article if self.article_shown() else ""
        if self.wording == "summary":
            text = f"{head}{article}{'（概括）' if lang == 'zh' else ' (summary) '}：{self.provision}"
        else:
            text = f"{head}{article}{'：' if article else ''}{self.provision}"
        if marked and self.status != "verified":
            text += _HOW_SURE[lang][self.status]
        return text

    def covers(self, year: int | None, level: str | None, reporter: str | None, tier: str | None = None) -> bool:
        """Whether the provision governs a report of that year, level and reporter (unknowns do not exclude).

        A provision that names levels names local ones: its "department" is a 县级以上地方政府部门, so a department
        of another ``tier`` (a 国务院部门, a 司法所 below the county: ``organs.department_tier``) is not covered."""
        if year is not None and not self.years.contains(year):
            return False
        if self.levels is not None and level is not None and level not in self.levels:
            return False
        if self.levels is not None and level == "department" and tier in ("central", "below_county"):
            return False
        return not (self.reporters is not None and reporter is not None and reporter not in self.reporters)


class Example(Strict):
    text: str = Field(min_length=1)
    report_year: int | None = None
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    previous: str | None = Field(None, min_length=1, description="last year's report (the history rules' examples)")
    note: str | None = None


ExampleItem = Union[str, Example]


class Examples(Strict):
    pass_: list[ExampleItem] = Field(alias="pass", min_length=1)
    fail: list[ExampleItem] = Field(min_length=1)
    partial: list[ExampleItem] = Field(default_factory=list)
    not_applicable: list[ExampleItem] = Field(default_factory=list)
    unknown: list[ExampleItem] = Field(default_factory=list)

    def by_status(self) -> dict[str, list[Example]]:
        out = {}
        for status, items in (("pass", self.pass_), ("fail", self.fail), ("partial", self.partial),
                              ("not_applicable", self.not_applicable), ("unknown", self.unknown)):
            out[status] = [Example(text=i) if isinstance(i, str) else i for i in items]
        return out


class Region(Strict):
    """The region a regional guide binds (RULEBOOK §4): its province by its short name ("陕西") and the places in it
    (cities, prefecture- and county-level: "西安市", "韩城市"; a zone's name, "杨凌"; its districts and counties whose
    names no other province's share: "雁塔区", "宁陕县"), by which a report from inside is known."""

    province: str = Field(min_length=2, max_length=3, pattern=r"^[\u4e00-\u9fff]+$")
    name: Text | None = Field(None, description="as the reader reads it: {zh: 陕西省, en: Shaanxi}")
    places: list[str] = Field(default_factory=list)


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
    reporters: list[Reporter] = Field(
        default_factory=lambda: ["government", "department", "joint"],
        description="the kinds of reporter the rule applies to (others: not applicable)",
    )
    levels: list[Level] | None = Field(None, description="the reporter levels the rule applies to (default: all)")
    region: Region | None = Field(
        None, description="a regional guide's region: a report whose own names (organ, signature, 主送, 抄送) place it "
                          "elsewhere is not applicable, and so is one whose own names place it nowhere and whose body "
                          "names another place's bodies and documents as its own and never the region; one whose "
                          "region cannot be told is checked (the user chose it)")
    basis: list[Basis] = Field(min_length=1)
    no_basis: Text | None = Field(
        None, description="said (not applicable) when none of the bases covers the report's year, level or reporter")
    message: Text = Field(description="the gap, in one sentence: 未找到…")
    fix: Text = Field(description="what to do, imperative: 增加…")
    examples: Examples
    kind: str = Field(description="which check: one of the registered kinds (each kind's model narrows it)")


@dataclass
class Outcome:
    """What a check found for one rule, before it becomes a ``RuleResult``: spans are in the matching view."""

    status: str
    fraction: float
    missing: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    near_miss: tuple[Span, str] | None = None
    searched: tuple[list[str], list[str]] | None = None  # what was looked for (labels), where (role ids)
    own_message: bool = False  # the details say it all: the rule's "not found" message would contradict them
    passages: bool = False  # the evidence spans are whole passages (copied text): quoted exactly, not windowed
    short_of: list[str] = field(default_factory=list)  # a pass below full marks: what earned less, in words
    fix: str | None = None  # what to do for this report's reporter, when the rule's own fix names every kind of one


def status_of(fraction: float, pass_at: float = 1.0) -> str:
    if fraction >= pass_at - 1e-9:
        return "pass"
    return "fail" if fraction <= 1e-9 else "partial"


def roles_in_order(roles: set[str] | frozenset[str]) -> list[str]:
    return [r for r in ROLES if r in roles]


@lru_cache(maxsize=256)
def role_names(lang: str, roles: frozenset[str]) -> str:
    return join(lang, [t(lang, f"role.{r}") for r in sorted(roles)])
