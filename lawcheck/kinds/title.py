"""Kind ``title``: the title must match a pattern (a fixed report name, say)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from lawcheck import saferegex
from lawcheck.i18n import t
from lawcheck.kinds.base import Outcome, Pattern, RuleBase
from lawcheck.kinds.describe import label
from lawcheck.kinds.matching import Matcher
from lawcheck.text.normalize import normalize

if TYPE_CHECKING:
    from lawcheck.analysis import Analysis


class TitleRule(RuleBase):
    """The title must match a pattern (a fixed report name, say)."""

    kind: Literal["title"]
    pattern: Pattern


def matchers(rule: TitleRule) -> list[Matcher]:
    return []


def check(rule: TitleRule, a: Analysis) -> Outcome:
    st = a.st
    title = "".join(st.title.split()) if st.title else a.page_title
    if not title:
        return Outcome("unknown", 0.0, details=[t(a.lang, "no_title")])
    evidence = [st.title_span] if st.title_span else []
    if saferegex.search(rule.pattern, normalize(title).text, limit=not a.pack.trusted):
        return Outcome("pass", 1.0, evidence=evidence)
    return Outcome("fail", 0.0, evidence=evidence, details=[t(a.lang, "title_is", title=title)])


def describe(rule: TitleRule, lang: str) -> list[str]:
    return [f"  {label(lang, 'pattern')}: {rule.pattern}"]
