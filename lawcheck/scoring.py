"""From rule results to a score: a small pure function of the results and the pack's policy."""

from __future__ import annotations

from dataclasses import dataclass

from lawcheck.model import RuleResult, Timeliness, Tone
from lawcheck.packs.models import Grade, Policy


@dataclass(frozen=True)
class Score:
    """The score (None when no scored rule could be judged), its grade and how the grade reads."""

    value: float | None
    grade: Grade | None
    tone: Tone | None


def score(results: list[RuleResult], policy: Policy) -> Score:
    """Points over weight of the scored results (pass, partial or fail, not experimental), out of 100.

    None as well when the pack asks for content and none of it applies to this report (a 2012 依法行政工作总结:
    every content rule governs later years): a score of its form alone would say nothing of the report (a
    120-character summary of 2013 scored 80 and met the gate)."""
    scored = [r for r in results if r.scored]
    if not content_judged(results):
        scored = []
    total = sum(r.weight for r in scored)
    value = round(100.0 * sum(r.points for r in scored) / total, 1) if total else None
    grade = policy.grade(value) if value is not None else None
    return Score(value, grade, policy.tone(grade) if grade is not None else None)


def content_judged(results: list[RuleResult]) -> bool:
    """Whether the report's content was judged: some content rule of the pack scored, or the pack has none."""
    content = [r for r in results if r.category == "content"]
    return not content or any(r.scored or r.waived is not None for r in content)


def timeliness(results: list[RuleResult]) -> Timeliness:
    """late: a deadline rule failed; on_time: every deadline rule that applies was judged and met;
    unknown: a date could not be read, no deadline could be judged, or a date falls on a deadline's boundary
    day (partial: "4月1日之前" may or may not take in 4月1日 itself).  Unknown is never on time."""
    # A waived deadline (an extension the reviewer accepted) is not judged here either way.
    deadlines = [r for r in results if r.kind == "deadline" and r.waived is None]
    if any(r.status == "fail" for r in deadlines):
        return "late"
    judged = [r for r in deadlines if r.status == "pass"]
    if judged and not any(r.status in ("unknown", "partial") for r in deadlines):
        return "on_time"
    return "unknown"


def missing_order(r: RuleResult) -> tuple:
    """Missing items heaviest first, then by the points lost, then by id."""
    return (-r.weight, -r.weight * (1 - r.fraction), r.rule)
