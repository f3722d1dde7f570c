"""Kind ``figures``: whether the figures a report gives hold together (issue 15).

The figures are those read for the pack's indicator catalogue (``rules/indicators.yaml``, see
``lawcheck.text.figures``); targets (the plan's 力争…) are never checked.  One rule per check:

- ``range``: every figure within its indicator's valid range (a rate of 0–100%);
- ``rate``: a rate agrees with the counts it is computed from (``relations`` with a rate), within the
  rounding its written decimals allow;
- ``part_total``: a part no larger than its total (审结 ≤ 收案, 纠错 ≤ 审结, 败诉 ≤ 案件);
- ``change``: a stated change (同比增长12%, 上升3个百分点) agrees with this and last year's figures, when
  the report gives both;
- ``expected``: the key indicators a report of the rule's levels and reporters is expected to give.

Figures are paired only within one paragraph (a line of the report): a part and a total in different
paragraphs may count different things.  A check with nothing to check is not applicable.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from lawcheck.i18n import t
from lawcheck.kinds.base import Outcome, RuleBase, Strict, Text
from lawcheck.kinds.describe import label
from lawcheck.kinds.matching import Matcher

if TYPE_CHECKING:
    from lawcheck.analysis import Analysis
    from lawcheck.text.figures import FoundFigure


class ExpectGroup(Strict):
    """Figures a report is expected to give: the group is given when any one of ``any`` is."""

    name: Text
    any: list[str] = Field(min_length=1, description="indicator ids")


class FiguresRule(RuleBase):
    """A check of the figures read for the pack's indicators."""

    kind: Literal["figures"]
    check: Literal["range", "rate", "part_total", "change", "expected"]
    expect: list[ExpectGroup] = Field(default_factory=list, description="for check expected: the groups expected")


def matchers(rule: FiguresRule) -> list[Matcher]:
    return []


def _fmt(v: float) -> str:
    return f"{v:,.2f}".rstrip("0").rstrip(".") if v != int(v) else f"{int(v):,}"


def _shown(f: FoundFigure, names: dict[str, str]) -> str:
    return f"{names.get(f.indicator, f.indicator)}（{_fmt(f.quantity.value)}{f.quantity.unit}）"


def _results(a: Analysis) -> list[FoundFigure]:
    return [f for f in a.figures if not f.target]


def _paragraph(a: Analysis, pos: int) -> int:
    """The start of the line holding ``pos``: figures pair only within one paragraph.  A bisection in the
    line starts, found once per report (an rfind per figure made a long one-line report quadratic)."""
    starts = a.line_starts
    return starts[bisect_right(starts, pos) - 1]


def check(rule: FiguresRule, a: Analysis) -> Outcome:
    cat = a.pack.indicators
    names = {i.id: i.name.get(a.lang) for i in cat.indicators}
    return {"range": _range, "rate": _rate, "part_total": _part_total, "change": _change,
            "expected": _expected}[rule.check](rule, a, cat, names)


def _span(f: FoundFigure) -> tuple[int, int]:
    return f.quantity.start, f.quantity.end


def _none(a: Analysis) -> Outcome:
    return Outcome("not_applicable", 0.0, details=[t(a.lang, "figures.nothing")])


def _range(rule: FiguresRule, a: Analysis, cat: Any, names: dict[str, str]) -> Outcome:
    checked, bad, seen = 0, [], []
    for f in _results(a):
        ind = cat.get(f.indicator)
        if ind is None or (ind.max is None and ind.min == 0):
            continue
        checked += 1
        seen.append(_span(f))
        top = f.quantity.high if f.quantity.high is not None else f.quantity.value
        if f.quantity.value < ind.min or (ind.max is not None and top > ind.max):
            bad.append(f)
    if not checked:
        return _none(a)
    if not bad:
        return Outcome("pass", 1.0, evidence=seen[:3], details=[t(a.lang, "figures.range_ok", n=checked)])
    details = [t(a.lang, "figures.out_of_range", what=_shown(f, names), max=_fmt(cat.get(f.indicator).max or 0))
               for f in bad]
    return Outcome("fail", 0.0, evidence=[_span(f) for f in bad], details=details, own_message=True)


def _in_paragraph(figs: list[FoundFigure], indicator: str, para: int, a: Analysis) -> list[FoundFigure]:
    """The current-year figures of ``indicator`` in the paragraph starting at ``para``."""
    key = (id(figs), indicator)
    index = _GROUPS.get(key)
    if index is None or index[0] is not figs:
        groups: dict[int, list[FoundFigure]] = {}
        for f in figs:
            if f.indicator == indicator and f.period == "current":
                groups.setdefault(_paragraph(a, f.quantity.start), []).append(f)
        index = _GROUPS[key] = (figs, groups)
        if len(_GROUPS) > 64:
            _GROUPS.clear()
            _GROUPS[key] = index
    return index[1].get(para, [])


# Figures by paragraph, per (figure list, indicator): a check asks about each rate or part once, not
# by walking every figure each time.  Keyed by the list's identity (kept alive in the entry itself).
_GROUPS: dict[tuple[int, str], tuple[list, dict[int, list]]] = {}


def _rate(rule: FiguresRule, a: Analysis, cat: Any, names: dict[str, str]) -> Outcome:
    """A rate is checked against its paragraph's counts.  Several parts may be the rate's components
    ("撤销4件、确认违法2件 … 直接纠错率14%"): the rate agrees with one of them or with their sum.  A
    mismatch is reported only when the paragraph gives one part and one total — with more, lawcheck cannot
    tell which the rate was computed from, and says nothing rather than raise a false alarm."""
    figs = _results(a)
    checked, bad, evidence, seen = 0, [], [], []
    for rel in cat.relations:
        if rel.rate is None:
            continue
        for r in (f for f in figs if f.indicator == rel.rate and f.period == "current" and f.quantity.approx is None):
            para = _paragraph(a, r.quantity.start)
            parts = [f for f in _in_paragraph(figs, rel.part, para, a) if not f.quantity.approx]
            totals = [f for f in _in_paragraph(figs, rel.total, para, a)
                      if not f.quantity.approx and f.quantity.value > 0]
            if not parts or not totals:
                continue
            numerators = [p.quantity.value for p in parts] + ([sum(p.quantity.value for p in parts)]
                                                              if len(parts) > 1 else [])
            if any(_agrees(r.quantity.value, n / t.quantity.value * 100, r.quantity.decimals)
                   for n in numerators for t in totals):
                checked += 1
                seen.append(_span(r))
                continue
            if len(parts) == 1 and len(totals) == 1:
                checked += 1
                part, total = parts[0], totals[0]
                computed = part.quantity.value / total.quantity.value * 100
                bad.append(t(a.lang, "figures.rate_mismatch", rate=_shown(r, names), part=_shown(part, names),
                             total=_shown(total, names), computed=f"{computed:.{max(1, r.quantity.decimals)}f}%"))
                evidence += [_span(r), _span(part), _span(total)]
    if not checked:
        return _none(a)
    if not bad:
        return Outcome("pass", 1.0, evidence=seen[:3], details=[t(a.lang, "figures.rate_ok", n=checked)])
    return Outcome("fail", 0.0, evidence=sorted(set(evidence)), details=bad, own_message=True)


def _agrees(stated: float, computed: float, decimals: int) -> bool:
    """A rate written with ``decimals`` decimals agrees when it is the computed one rounded or cut there."""
    step = 10.0 ** -decimals
    return abs(stated - computed) <= step / 2 + 1e-9 or stated - 1e-9 <= computed < stated + step


def _part_total(rule: FiguresRule, a: Analysis, cat: Any, names: dict[str, str]) -> Outcome:
    """Each part against the largest total its paragraph gives (two totals — 收到58件, 受理50件 — are
    two counts of the same thing; a part above the larger is wrong whichever was meant)."""
    figs = _results(a)
    checked, bad, evidence, seen = 0, [], [], []
    for rel in cat.relations:
        if rel.rate is not None:
            continue
        for part in (f for f in figs if f.indicator == rel.part and f.period == "current"):
            totals = _in_paragraph(figs, rel.total, _paragraph(a, part.quantity.start), a)
            if not totals or any(f.quantity.approx in ("余", "多", "以上", "超过", "逾") for f in totals):
                continue
            total = max(totals, key=lambda f: f.quantity.value)
            checked += 1
            seen.append(_span(part))
            if part.quantity.value > total.quantity.value:
                note = f"（{rel.note.get(a.lang)}）" if rel.note else ""
                bad.append(t(a.lang, "figures.part_exceeds", part=_shown(part, names), total=_shown(total, names))
                           + note)
                evidence += [_span(part), _span(total)]
    if not checked:
        return _none(a)
    if not bad:
        return Outcome("pass", 1.0, evidence=seen[:3], details=[t(a.lang, "figures.part_ok", n=checked)])
    return Outcome("fail", 0.0, evidence=sorted(set(evidence)), details=bad, own_message=True)


def _change(rule: FiguresRule, a: Analysis, cat: Any, names: dict[str, str]) -> Outcome:
    figs = _results(a)
    checked, bad, evidence, seen = 0, [], [], []
    for f in figs:
        c = f.comparison
        if c is None or f.period != "current":
            continue
        para = _paragraph(a, f.quantity.start)
        prev = [p for p in figs if p.indicator == f.indicator and p.period == "previous"
                and _paragraph(a, p.quantity.start) == para and p.quantity.unit == f.quantity.unit]
        p: FoundFigure | None = None
        if prev:
            p = min(prev, key=lambda x: abs(x.quantity.start - f.quantity.start))
            old, shown_old = p.quantity.value, _fmt(p.quantity.value) + p.quantity.unit
        else:
            last = _last_year(a, f, figs)
            if last is None:
                continue
            old, shown_old = last
        cur = f.quantity.value
        if c.unit == "%":
            if old == 0:
                continue
            implied, decimals = (cur - old) / old * 100, _decimals(c.value)
        elif c.unit == "个百分点":
            implied, decimals = cur - old, _decimals(c.value)
        elif c.unit == f.quantity.unit:
            implied, decimals = cur - old, 0
        else:
            continue
        checked += 1
        seen.append(_span(f))
        stated = c.value if c.direction == "up" else -c.value
        if (implied > 0) != (stated > 0) or not _agrees(abs(stated), abs(implied), decimals):
            word = t(a.lang, "figures.up" if c.direction == "up" else "figures.down")
            bad.append(t(a.lang, "figures.change_mismatch", cur=_shown(f, names), prev=shown_old,
                         stated=f"{c.basis}{word}{_fmt(c.value)}{c.unit}",
                         implied=f"{implied:+.{max(1, decimals)}f}{'%' if c.unit == '%' else c.unit}"))
            evidence += [_span(f), c.span, *([_span(p)] if p is not None else [])]
    if not checked:
        return _none(a)
    if not bad:
        return Outcome("pass", 1.0, evidence=seen[:3], details=[t(a.lang, "figures.change_ok", n=checked)])
    return Outcome("fail", 0.0, evidence=sorted(set(evidence)), details=bad, own_message=True)


def _last_year(a: Analysis, f: FoundFigure, figs: list[FoundFigure]) -> tuple[float, str] | None:
    """Last year's figure of ``f``'s indicator from last year's report (``--previous``): only for this
    year's headline figure of the indicator (the one a reviewer copies; a part's 同比 is not last year's
    total's), only when the two reports' years follow each other, and in the same unit."""
    prev = a.previous
    if prev is None or f.indicator not in prev.values or prev.units.get(f.indicator) != f.quantity.unit:
        return None
    if prev.year is not None and a.year is not None and prev.year != a.year - 1:
        return None
    same = [g for g in figs if g.indicator == f.indicator and g.period == "current"]
    head = same[0] if f.quantity.unit in ("%", "‰") else max(same, key=lambda g: g.quantity.value)
    if head is not f:
        return None
    value = prev.values[f.indicator]
    return value, f"{_fmt(value)}{f.quantity.unit}{'，' if a.lang == 'zh' else ', '}{prev.name}"


def _decimals(v: float) -> int:
    s = f"{v:.6f}".rstrip("0")
    return len(s.partition(".")[2])


def _expected(rule: FiguresRule, a: Analysis, cat: Any, names: dict[str, str]) -> Outcome:
    figs = _results(a)
    given = {f.indicator for f in figs}
    have = [g for g in rule.expect if given & set(g.any)]
    missing = [g.name.get(a.lang) for g in rule.expect if not given & set(g.any)]
    evidence = [_span(next(f for f in figs if f.indicator in g.any)) for g in have][:4]
    if not missing:
        what = "、".join(g.name.get(a.lang) for g in rule.expect)
        return Outcome("pass", 1.0, evidence=evidence, details=[t(a.lang, "figures.expected_ok", what=what)])
    if not have:
        out = Outcome("fail", 0.0, missing=missing)
    else:
        out = Outcome("partial", round(len(have) / len(rule.expect), 4), missing=missing, evidence=evidence,
                      details=[t(a.lang, "figures.expected_some", have="、".join(g.name.get(a.lang) for g in have),
                                 missing="、".join(missing))], own_message=True)
    out.searched = (missing, ["measures"])
    return out


def describe(rule: FiguresRule, lang: str) -> list[str]:
    lines = [f"  {label(lang, 'requires')}: {t(lang, 'figures.check.' + rule.check)}"]
    for g in rule.expect:
        lines.append(f"  • {g.name.get(lang)}: {' / '.join(g.any)}")
    return lines
