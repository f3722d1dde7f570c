"""Kind ``deadline``: a date of the report (signed or published) must fall on or before a day, or before it.

The only kind that cannot be judged without the report year (``NEEDS_YEAR``), and the one the
scorecard's ``timeliness`` is worked out from.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from lawcheck.i18n import join, t
from lawcheck.kinds.base import Outcome, RuleBase, Strict, Text
from lawcheck.kinds.describe import label
from lawcheck.kinds.matching import Matcher
from lawcheck.kinds.recipients import BodyKind
from lawcheck.text import organs
from lawcheck.text.dates import season_opens

if TYPE_CHECKING:
    from lawcheck.analysis import Analysis

NEEDS_YEAR = True


class DueDate(Strict):
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)
    year_offset: int = Field(1, ge=0, le=2, description="years after the report year")

    def on(self, year: int) -> dt.date | None:
        """The day for a report on ``year`` (None for a day the month does not have)."""
        try:
            return dt.date(year + self.year_offset, self.month, self.day)
        except ValueError:
            return None

    def shown(self) -> str:
        """As ``explain`` writes it: +1/03/31 (years after the report year / month / day)."""
        return f"+{self.year_offset}/{self.month:02d}/{self.day:02d}"


class DeadlineRule(RuleBase):
    """A date of the report (signed or published) must fall on or before ``due`` — or, for a limit
    worded "…之前", before ``before`` (that day itself is a warning: whether "之前" includes it is unsettled)."""

    kind: Literal["deadline"]
    date: Literal["signed", "published"]
    due: DueDate | None = None
    before: DueDate | None = None
    boundary: DueDate | None = Field(None, description="with due: this exact day is a warning (partial)")
    # One reporter may be on several lines with different limits (a province's government reports to its own party
    # committee and congress, and with its party committee to 党中央、国务院 by another day): the 主送 line says which.
    addressed_to: list[BodyKind] | None = Field(
        None, description="the bodies this limit's reporting line goes to: a report whose 主送 line names none of them "
                          "is on another line (not applicable, ``other_line`` said); with no 主送 line it applies")
    other_line: Text | None = Field(None, description="with addressed_to: what governs a report sent to other bodies")

    @model_validator(mode="after")
    def _one_limit(self) -> DeadlineRule:
        if (self.due is None) == (self.before is None):
            raise ValueError("give exactly one of 'due' (on or before) and 'before' (before that day)")
        return self


def matchers(rule: DeadlineRule) -> list[Matcher]:
    return []


def check(rule: DeadlineRule, a: Analysis) -> Outcome:
    if rule.addressed_to is not None and a.recipients is not None:
        names, span = a.recipients
        if not any(organs.body(n).kind in rule.addressed_to for n in names):
            why = [t(a.lang, "other_line", names=join(a.lang, names))]
            return Outcome("not_applicable", 0.0, evidence=[span],
                           details=why + ([rule.other_line.get(a.lang)] if rule.other_line else []))
    out = _judge(rule, a)
    signed = a.signed.value if a.signed else None
    if rule.date == "signed" and isinstance(signed, dt.date) and a.year is not None and signed.year <= a.year:
        # Signed before the year it reports on had ended: not the whole year, or a wrong year or date.
        out.details.append(t(a.lang, "signed_early", date=signed.isoformat(), year=a.year))
    if out.status != "pass":
        where = ["closing"] if rule.date == "signed" else []
        out.searched = ([t(a.lang, f"what.{rule.date}")], where)
    return out


def _judge(rule: DeadlineRule, a: Analysis) -> Outcome:
    assert a.year is not None  # NEEDS_YEAR: the engine does not run this check without one
    lang = a.lang
    if rule.date == "signed":
        if a.signed is None:
            return Outcome("unknown", 0.0, details=[t(lang, "no_date.signed")])
        if a.signed.value is None:
            return Outcome("unknown", 0.0, evidence=[a.signed.span], details=[t(lang, "placeholder_date")])
        date, span = a.signed.value, a.signed.span
    else:
        # (a page date before the signature date is still the page's: the signature is the one mistyped)
        if a.published is None:
            return _by_signature(rule, a)
        if a.published < season_opens(a.year):
            # A page date before the report year's November cannot be this report's publication (a typed year, a
            # site's upload date): the signature decides, as with no page date, and the drafter is told.
            by = _by_signature(rule, a)
            by.details.insert(0, t(lang, "published_early", date=a.published.isoformat(), year=a.year))
            return by
        date, span = a.published, a.published_span
        out = _against_limit(rule, a, date, span, t(lang, f"what.{rule.date}"))
        signed = a.signed.value if a.signed else None
        if out.status == "pass" and isinstance(signed, dt.date) and signed > date:
            # A page dated before its own signature: one date is mistyped.  The page's date is the site's record
            # of the publication and stands; but when the signature would be late (signed 6 April, the page
            # dated 30 March) the reviewer is told, with the signature as evidence, rather than shown a plain pass.
            assert a.signed is not None
            by = _against_limit(rule, a, signed, a.signed.span, t(lang, "what.signed"))
            if by.status != "pass":
                out.evidence.append(a.signed.span)
                out.details = [t(lang, "published_before_signed", published=date.isoformat(),
                                 signed=signed.isoformat(), verdict="".join(by.details))]
        return out
    return _against_limit(rule, a, date, span, t(lang, f"what.{rule.date}"))


def _by_signature(rule: DeadlineRule, a: Analysis) -> Outcome:
    """No publication date: a report is made public after it is signed, so a signature on or after the limit
    settles it (published 1 April at the earliest, or later); an earlier signature settles nothing."""
    signed = a.signed.value if a.signed else None
    if isinstance(signed, dt.date):
        assert a.signed is not None
        by = _against_limit(rule, a, signed, a.signed.span, t(a.lang, "what.signed"))
        if by.status != "pass":
            by.details = [t(a.lang, "published_after_signed", date=signed.isoformat(), verdict="".join(by.details))]
            return by
    return Outcome("unknown", 0.0, details=[t(a.lang, "no_date.published")])


def _against_limit(rule: DeadlineRule, a: Analysis, date: dt.date, span: tuple[int, int] | None,
                   what: str) -> Outcome:
    assert a.year is not None
    lang = a.lang
    evidence = [span] if span else []
    if rule.before is not None:
        limit = rule.before.on(a.year)
        assert limit is not None
        if date < limit:
            return Outcome("pass", 1.0, evidence=evidence,
                           details=[t(lang, "before", what=what, date=date.isoformat(), limit=limit.isoformat())])
        if date == limit:
            return Outcome("partial", a.pack.policy.boundary_credit, evidence=evidence,
                           details=[t(lang, "boundary", what=what, date=date.isoformat())])
        return Outcome("fail", 0.0, evidence=evidence,
                       details=[t(lang, "late", what=what, date=date.isoformat(), due=limit.isoformat())])
    assert rule.due is not None
    due = rule.due.on(a.year)
    assert due is not None
    if date <= due:
        return Outcome("pass", 1.0, evidence=evidence,
                       details=[t(lang, "on_time", what=what, date=date.isoformat(), due=due.isoformat())])
    boundary = rule.boundary.on(a.year) if rule.boundary else None
    if boundary and date == boundary:
        return Outcome("partial", a.pack.policy.boundary_credit, evidence=evidence,
                       details=[t(lang, "boundary", what=what, date=date.isoformat())])
    return Outcome("fail", 0.0, evidence=evidence,
                   details=[t(lang, "late", what=what, date=date.isoformat(), due=due.isoformat())])


def describe(rule: DeadlineRule, lang: str) -> list[str]:
    what = t(lang, f"what.{rule.date}")
    out = []
    if rule.due is not None:
        out.append(f"  {what} ≤ {rule.due.shown()} ({label(lang, 'due')})")
    if rule.before is not None:
        out.append(f"  {what} < {rule.before.shown()} ({label(lang, 'due')})")
    if rule.boundary:
        out.append(f"  {label(lang, 'boundary')}: {rule.boundary.shown()}")
    if rule.addressed_to is not None:
        out.append(f"  {label(lang, 'addressed_to')}: {rule.other_line.get(lang) if rule.other_line else '—'}")
    return out
