"""What a pack declares beside its rules: its manifest (pack.yaml) and its scoring policy (policy.yaml)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from lawcheck.kinds.base import PART_ID_RE, Lifecycle, Severity, Strict, Text
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
    future: list[str] | None = Field(None, min_length=1,
                                     description="clause cues that something is only planned (inherited if absent)")
    overrides: dict[str, RuleOverride] = Field(default_factory=dict, description="inherited rules changed by id")
    disable: list[str] = Field(default_factory=list, description="inherited rules left out, by id")
    era: list[EraFact] = Field(default_factory=list, description="dated facts the era-aware rules follow")
