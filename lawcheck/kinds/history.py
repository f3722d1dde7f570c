"""Kind ``history``: this year's report against the same body's report of the year before (issue 16).

Checked only when last year's report is given (``evaluate(text, previous=last_text)``, ``lawcheck check
--previous``, ``lawcheck compare``); otherwise not applicable.  One rule per question:

- ``plan``: the items of last year's plan are followed up this year (done, carried over, or admitted
  among the problems), not left unmentioned;
- ``problems``: the problems last year admitted are addressed this year, or listed again, not left
  unmentioned;
- ``copied``: this year's report does not repeat last year's text (``lawcheck.text.copies``), least of
  all in its problems and plan.

The work is in ``lawcheck.history``; whether these rules count in the score is the policy's
``history_in_score`` (by default they are reported beside it).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from lawcheck.i18n import t
from lawcheck.kinds.base import Outcome, RuleBase
from lawcheck.kinds.matching import Matcher

if TYPE_CHECKING:
    from lawcheck.analysis import Analysis
    from lawcheck.history import Copied, CopyRule, Fate, Match


class HistoryRule(RuleBase):
    """A question asked of two consecutive reports of one body."""

    kind: Literal["history"]
    check: Literal["plan", "problems", "copied"]
    # plan, problems: when a passage of this year's report follows up an item of last year's.
    match_at: float = Field(0.35, gt=0, le=1, description="plan, problems: the share of an item's word weight "
                                                          "a passage must carry to follow it up")
    min_shared: int = Field(2, ge=1, le=20, description="plan, problems: … in at least this many words")
    generic: list[str] = Field(default_factory=list, description="plan, problems: words that say nothing "
                                                                 "about which task or problem (推进, 加强, 工作 …)")
    pass_at: float = Field(0.75, ge=0, le=1, description="plan, problems: the share of items followed up to pass")
    fail_below: float = Field(0.5, ge=0, le=1, description="plan, problems: fewer followed up fails")
    # copied: what counts as copied text.
    min_chars: int = Field(50, ge=10, le=10_000, description="copied: the shortest passage, in characters")
    numbers: Literal["ignore", "exact"] = Field(
        "ignore", description="copied: ignore — a passage with only its numbers (and dates) changed is copied")
    seed: int = Field(8, ge=4, le=50, description="copied: the shortest run of identical characters")
    gap: int = Field(12, ge=0, le=100, description="copied: the most characters between two runs of one passage "
                                                   "(a changed name, a moved clause)")
    min_same: float = Field(0.8, gt=0, le=1, description="copied: the share of a passage found in last year's text")
    worst_parts: list[Literal["preamble", "measures", "shortcomings", "plan", "other"]] = Field(
        default_factory=lambda: ["shortcomings", "plan"], description="copied: parts whose copying fails the rule")
    worst_share: float = Field(0.5, gt=0, le=1, description="copied: a worst part this much copied fails the rule")
    stock: list[str] = Field(default_factory=list, description="copied: phrases every report writes "
                                                               "(习近平新时代中国特色社会主义思想, 党的二十大精神…): "
                                                               "one mark each, never the stuff of a copy")
    max_units: int = Field(50, ge=2, le=100_000, description="copied, in a folder: a sentence more reports than "
                                                             "this share is the genre's, not a template's")
    pass_below: float = Field(0.1, ge=0, le=1, description="copied: the share of the report copied that passes")
    fail_at: float = Field(0.3, ge=0, le=1, description="copied: the share of the report copied that fails")

    @model_validator(mode="after")
    def _thresholds_in_order(self) -> HistoryRule:
        # A rule whose pass line lies beyond its fail line would give statuses that contradict each other.
        if self.fail_below > self.pass_at:
            raise PydanticCustomError("history_order", "fail_below ({low}) is above pass_at ({high})",
                                      {"low": self.fail_below, "high": self.pass_at})
        if self.pass_below > self.fail_at:
            raise PydanticCustomError("history_order", "pass_below ({low}) is above fail_at ({high})",
                                      {"low": self.pass_below, "high": self.fail_at})
        return self

    def match(self) -> Match:
        from lawcheck.history import Match

        return Match(self.match_at, self.min_shared, frozenset(self.generic))

    def copy_rule(self) -> CopyRule:
        from lawcheck.history import CopyRule

        parts = tuple(self.worst_parts)
        return CopyRule(self.min_chars, self.numbers, self.seed, self.gap, self.min_same, parts, self.worst_share,
                        tuple(self.stock))


def matchers(rule: HistoryRule) -> list[Matcher]:
    return []


def check(rule: HistoryRule, a: Analysis) -> Outcome:
    pair = a.pair
    if pair is None and a.last_note:
        return Outcome("unknown", 0.0, details=[a.last_note])
    if pair is None:
        return Outcome("not_applicable", 0.0, details=[t(a.lang, "history.no_previous")])
    from lawcheck.review import pairing

    _paired, mismatch, notes = pairing(a.organ, a.year, pair.last.organ, pair.last.year, a.lang)
    if mismatch and not a.pair_forced:
        # Another organ's report, or not the year before: no follow-up verdict against it (the command line
        # refuses the pair without --force; PreviousReport(force=True) reviews it anyway).
        return Outcome("unknown", 0.0, details=[*notes, t(a.lang, "history.pair.unforced")])
    if rule.check == "copied":
        return _copied(rule, pair.copied(rule.copy_rule()), a.lang)
    fates = pair.plan(rule.match()) if rule.check == "plan" else pair.problems(rule.match())
    return _followed(rule, fates, a)


def _followed(rule: HistoryRule, fates: list[Fate], a: Analysis) -> Outcome:
    lang, what = a.lang, rule.check
    if not fates:
        return Outcome("not_applicable", 0.0, details=[t(lang, f"history.{what}.none")])
    silent = [f for f in fates if f.outcome == "silent"]
    n = len(fates)
    if what == "plan":
        # A task told done is followed; one planned again or admitted as a shortcoming is accounted for, not done
        # (督察工作规定: the year's measures and results are what last year's plan is held against): half.
        tally = Counter(f.outcome for f in fates)
        followed = (tally["done"] + (tally["carried_over"] + tally["admitted"]) / 2) / n
        counts = t(lang, "history.plan.counts", n=n, done=tally["done"], carried=tally["carried_over"],
                   admitted=tally["admitted"], silent=len(silent))
    else:
        followed = (n - len(silent)) / n
        counts = t(lang, f"history.{what}.counts", n=n, done=n - len(silent), silent=len(silent))
    last = a.pair.last.st.text  # type: ignore[union-attr]
    named = [_head(last, f) for f in silent[:5]]
    evidence = [f.where for f in fates if f.where is not None][:5]
    if followed >= rule.pass_at - 1e-9:
        details = [counts] + ([t(lang, f"history.{what}.silent", items="；".join(named))] if named else [])
        return Outcome("pass", 1.0, evidence=evidence, details=details, own_message=True)
    status = "fail" if followed < rule.fail_below - 1e-9 else "partial"
    fraction = 0.0 if status == "fail" else followed
    if not named:  # every task accounted for, too few told done: the rule's "not mentioned" would be untrue
        return Outcome(status, fraction, evidence=evidence, own_message=True,
                       details=[t(lang, "history.plan.few_done"), counts])
    return Outcome(status, fraction, evidence=evidence,
                   details=[counts, t(lang, f"history.{what}.silent", items="；".join(named))])


def _head(text: str, f: Fate) -> str:
    head = text[f.item.head_start:f.item.head_end].strip().rstrip("。;,:")
    return head if len(head) <= 40 else head[:39] + "…"


def _copied(rule: HistoryRule, c: Copied, lang: str) -> Outcome:
    share = c.share
    pct = f"{share * 100:.0f}%"
    evidence = [(p.copy.this_start, p.copy.this_end) for p in sorted(
        c.copies, key=lambda p: (-(p.copy.this_end - p.copy.this_start), p.copy.this_start))[:5]]
    if not c.copies:
        return Outcome("pass", 1.0, details=[t(lang, "history.copied.none", n=rule.min_chars)], own_message=True)
    details = [t(lang, "history.copied.share", n=len(c.copies), share=pct)]
    worst = [t(lang, f"role.{r}") for r in c.worst]
    # The details say it all ("有3段文字与上一年度报告相同或近乎相同，占正文的21%"): the rule's message would repeat
    # it; the evidence is the passages themselves, quoted whole.
    def outcome(status: str, fraction: float) -> Outcome:
        return Outcome(status, fraction, evidence=evidence, details=details, own_message=True, passages=True)

    if worst:
        details.append(t(lang, "history.copied.worst", parts="、".join(worst) if lang == "zh" else ", ".join(worst)))
        return outcome("fail", 0.0)
    if share < rule.pass_below:
        return outcome("pass", 1.0)
    if share >= rule.fail_at:
        return outcome("fail", 0.0)
    span = max(rule.fail_at - rule.pass_below, 1e-9)
    return outcome("partial", round(1 - (share - rule.pass_below) / span, 3))


def describe(rule: HistoryRule, lang: str) -> list[str]:
    lines = [f"  {t(lang, 'history.check.' + rule.check)}"]
    if rule.check == "copied":
        lines.append("  " + t(lang, "history.describe.copied", n=rule.min_chars,
                              numbers=t(lang, f"history.numbers.{rule.numbers}")))
    else:
        lines.append("  " + t(lang, "history.describe.followed", share=f"{rule.pass_at * 100:.0f}%"))
    return lines
