"""What crosses the API: the Scorecard and its parts.  ``Scorecard.model_dump_json()`` is canonical."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

SCHEMA_VERSION = "1"
Status = Literal["pass", "partial", "fail", "unknown", "not_applicable"]
STATUSES: tuple[str, ...] = ("pass", "partial", "fail", "unknown", "not_applicable")


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Evidence(Frozen):
    """A quote from the report.  ``start``/``end`` are offsets into the ORIGINAL text."""

    start: int
    end: int
    text: str
    section: str


class NearMiss(Evidence):
    """The closest thing found that did not count, and why."""

    reason: str


class Searched(Frozen):
    concepts: list[str]
    sections: list[str]


class BasisRef(Frozen):
    """A legal basis of a rule, as it applies to this report.  ``text`` is what an official reads;
    ``article`` is kept with ``article_status`` even when it is not verified (and so not in ``text``)."""

    text: str
    document: str
    ref: str | None = None
    article: str | None = None
    article_status: Literal["verified", "partial", "unverified"] | None = None
    provision: str
    source: str
    status: Literal["verified", "partial", "unverified"]
    note: str | None = None


class RuleResult(Frozen):
    rule: str
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
    level: Literal["province", "city", "county", "township", "department"] | None = None
    level_source: Literal["caller", "organ", "text"] | None = None
    reporter: Literal["government", "department", "joint"] | None = None
    doc_number: str | None = None
    source: str | None = None  # a web page's 来源
    index_number: str | None = None  # a web page's 索引号
    recipients: list[str] | None = None
    kind: Literal["annual_report", "other"] = "annual_report"
    kind_reason: str | None = None
    # For kind "other": what the text is instead (government_work_report, shufa_report, news,
    # disclosure_report, plan, notice, interpretation, special_report, topic_summary, announcement,
    # template, caller).
    other_kind: str | None = None
    # traditional: written in traditional characters, checked through a simplified view
    script: Literal["simplified", "traditional"] = "simplified"


class SectionInfo(Frozen):
    role: str
    heading: str
    start: int
    end: int


class MissingItem(Frozen):
    rule: str
    title: str
    name: str
    status: Status
    weight: float
    missing: list[str]
    fix: str
    basis: str


class NotScored(Frozen):
    rule: str
    status: Status
    reason: str


class PackRef(Frozen):
    id: str
    version: str


class Scorecard(Frozen):
    schema_version: str = SCHEMA_VERSION
    lawcheck_version: str
    pack: PackRef  # the pack the rules were loaded as (the last of ``packs``)
    packs: list[PackRef]  # every pack that produced this scorecard, base first
    policy_version: str
    lang: Literal["zh", "en"]
    score: float | None
    grade: str | None
    grade_label: str | None
    document: DocumentInfo
    sections: list[SectionInfo]
    results: list[RuleResult]
    missing: list[MissingItem]
    not_scored: list[NotScored]

    def result(self, rule_id: str) -> RuleResult:
        for r in self.results:
            if r.rule == rule_id:
                return r
        raise KeyError(rule_id)

    def statuses(self) -> dict[str, str]:
        return {r.rule: r.status for r in self.results}
