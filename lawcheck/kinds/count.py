"""Kind ``count``: a quality signal — how many sentences in ``scope`` match ``pattern``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from lawcheck.i18n import t
from lawcheck.kinds.base import Outcome, Pattern, Role, RuleBase, roles_in_order
from lawcheck.kinds.describe import label
from lawcheck.kinds.matching import Matcher

if TYPE_CHECKING:
    from lawcheck.analysis import Analysis


class CountRule(RuleBase):
    """A quality signal: how many sentences in ``scope`` match ``pattern``."""

    kind: Literal["count"]
    pattern: Pattern
    scope: list[Role] = Field(default_factory=lambda: ["preamble", "measures"], min_length=1)
    pass_min: int = Field(ge=1)
    partial_min: int = Field(ge=1)


BY_PRESENCE = True  # a shortfall is what the text does not say (see ``Kind.by_presence``)


def matchers(rule: CountRule) -> list[Matcher]:
    return []


def check(rule: CountRule, a: Analysis) -> Outcome:
    st = a.st
    scope = set(rule.scope)
    # One pass of the pattern over the text; each match counts for the sentence it falls in.
    hit: set[int] = set()
    for s, _e in a.matches_in(rule.pattern, st.body[0], st.body[1]):
        si = st.sentence_at(s)
        if si is not None and st.sentences[si].roles & scope:
            hit.add(si)
    matched = [st.sentences[i] for i in sorted(hit)]
    n = len(matched)
    detail = t(a.lang, "count", count=n, need=rule.pass_min)
    evidence = [(s.start, s.end) for s in matched[:3]]
    if n >= rule.pass_min:
        return Outcome("pass", 1.0, evidence=evidence, details=[detail])
    if n >= rule.partial_min:
        return Outcome("partial", round(n / rule.pass_min, 4), evidence=evidence, details=[detail])
    out = Outcome("fail", 0.0, evidence=evidence, details=[detail])
    out.searched = ([rule.title.get(a.lang)], roles_in_order(scope))
    return out


def describe(rule: CountRule, lang: str) -> list[str]:
    return [f"  {label(lang, 'pattern')}: {rule.pattern}",
            f"  {label(lang, 'pass_min')}: {rule.pass_min}   {label(lang, 'partial_min')}: {rule.partial_min}"]
