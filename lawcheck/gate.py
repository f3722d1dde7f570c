"""The pre-submission gate: does a scorecard meet --min-score and --fail-on?"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from lawcheck.i18n import join, t
from lawcheck.model import Scorecard

FailOn = Literal["error", "warning", "never"]
_BLOCKING = {"error": {"error"}, "warning": {"error", "warning"}, "never": set()}


def gate_reasons(card: Scorecard, min_score: float | None, fail_on: str) -> list[str]:
    """Why the report falls short of the gate; empty when it meets it.

    ``fail_on``: ``error`` — any must-have (severity error) rule failed or only partly met;
    ``warning`` — the same for error and warning rules; ``never`` — severities are ignored.
    Experimental rules and results that cannot be judged (unknown, not applicable) never block.
    """
    lang = card.lang
    if card.document.kind != "annual_report":
        # A non-report never meets the gate: it is not the document the gate is for.
        return [t(lang, "gate.not_report", why=card.document.kind_reason or t(lang, "kind.caller"))]
    if card.document.cut_off:
        return [t(lang, "gate.cut_off")]  # what it lacks may be in what was not received: no verdict either way
    if card.document.too_short is not None:
        return [t(lang, "gate.too_short", n=card.document.too_short)]
    reasons: list[str] = []
    if card.score is None:
        # Nothing could be judged (a scan without a text layer, an empty text): not shown to be a report that
        # meets any rule, so it meets no gate, not even one that blocks on nothing (--fail-on never), as a
        # non-report meets none (found in review: a scanned PDF passed the default gate, then --fail-on never).
        if any(r.scored for r in card.results):
            # Form was judged, content was not (no content rule governs a report of that year or level).
            return [t(lang, "gate.no_content")]
        return [t(lang, "gate.no_score_rules" if min_score is None else "gate.no_score")]
    if min_score is not None and card.score is not None and card.score < min_score:
        reasons.append(t(lang, "gate.low_score", score=f"{card.score:.1f}", min=f"{min_score:g}"))
    blocking = _BLOCKING[fail_on]
    # Each by the name an official reads, its id beside it (what a log is searched for, what --disable takes).
    short = [f"{r.name}（{r.rule}）" if lang == "zh" else f"{r.name} ({r.rule})" for r in card.results
             if r.scored and r.severity in blocking and r.status in ("fail", "partial")]
    if short:
        reasons.append(t(lang, f"gate.{fail_on}", rules=join(lang, short)))
    return reasons


@dataclass(frozen=True)
class Gate:
    """The gate's settings: a minimum score, and the severity of rule whose failure fails it."""

    min_score: float | None = None
    fail_on: FailOn = "error"

    def reasons(self, card: Scorecard) -> list[str]:
        """Why ``card`` falls short of this gate (empty: it meets it)."""
        return gate_reasons(card, self.min_score, self.fail_on)

    @property
    def active(self) -> bool:
        """Whether anything can fail it (a minimum score, or a severity that blocks)."""
        return self.min_score is not None or self.fail_on != "never"
