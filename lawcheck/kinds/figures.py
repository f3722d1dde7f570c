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

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from lawcheck import rx
from lawcheck.i18n import join, t, unit_label
from lawcheck.kinds.base import Outcome, RuleBase, Strict, Text
from lawcheck.kinds.describe import label
from lawcheck.kinds.matching import Matcher

if TYPE_CHECKING:
    from lawcheck.analysis import Analysis
    from lawcheck.text.figures import FoundFigure
    from lawcheck.text.numbers import Quantity


class ExpectGroup(Strict):
    """Figures a report is expected to give: the group is given when any one of ``any`` is."""

    id: str | None = Field(None, pattern=r"^[a-z][a-z0-9_]*$",
                           description="the group's id, listed in a result's `missing` (public, the same in every "
                                       "language); the first indicator's id when absent")
    name: Text
    any: list[str] = Field(min_length=1, description="indicator ids")

    @property
    def key(self) -> str:
        return self.id or self.any[0]


class FiguresRule(RuleBase):
    """A check of the figures read for the pack's indicators."""

    kind: Literal["figures"]
    check: Literal["range", "rate", "part_total", "change", "expected"]
    expect: list[ExpectGroup] = Field(default_factory=list, description="for check expected: the groups expected")


def by_presence(rule: FiguresRule) -> bool:
    """Only the expected figures are missed by absence; the other checks find figures that do not agree."""
    return rule.check == "expected"


def matchers(rule: FiguresRule) -> list[Matcher]:
    return []


def _fmt(v: float) -> str:
    return f"{v:,.2f}".rstrip("0").rstrip(".") if v != int(v) else f"{int(v):,}"


def _shown(f: FoundFigure, names: dict[str, str], lang: str = "zh") -> str:
    value = _fmt(f.quantity.value) + unit_label(lang, f.quantity.unit)
    return f"{names.get(f.indicator, f.indicator)}{_lp(lang)}{value}{_rp(lang)}"


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
    details = [t(a.lang, "figures.out_of_range", what=_shown(f, names, a.lang), max=_fmt(cat.get(f.indicator).max or 0))
               for f in bad]
    return Outcome("fail", 0.0, evidence=[_span(f) for f in bad], details=details, own_message=True)


# How far apart (in characters, within one paragraph) figures may be and still be read as one statement:
# "审结52件，其中纠错8件，纠错率为15.4%" — never a whole chapter, and never an unbounded walk (a report of one
# long line would make every check quadratic).
_NEAR = 200
# Words in a window that say its counts are not the plain ones a rule compares: a part of a whole
# (本级, 作为被告, 一审) or a composite rate (综合纠错率 counts 调解和解 too).
_SCOPED = rx.compile(r"本级|作为被告|一审|二审|综合纠错|综合纠正")


class _Index:
    """The year's results by position, for windowed lookups (one per check call)."""

    def __init__(self, a: Analysis) -> None:
        self.a = a
        self.figs = [f for f in a.figures if not f.target]
        self.starts = [f.quantity.start for f in self.figs]

    def near(self, pos: int, indicator: str, before: int = _NEAR, after: int = 0,
             period: str = "current") -> list[FoundFigure]:
        """Figures of ``indicator`` in [pos - before, pos + after], in ``pos``'s paragraph."""
        para = _paragraph(self.a, pos)
        lo = bisect_left(self.starts, max(para, pos - before))
        hi = bisect_right(self.starts, pos + after)
        return [f for f in self.figs[lo:hi] if f.indicator == indicator and f.period == period
                and _paragraph(self.a, f.quantity.start) == para]


def _rate(rule: FiguresRule, a: Analysis, cat: Any, names: dict[str, str]) -> Outcome:
    """A rate against the counts stated before it in its statement.  It agrees when any count there (one
    of the rule's totals, or any other count in 件: a rate may be computed on 审结, 收案 or 判决) over a part,
    or over the sum of several parts, gives it within rounding.  A mismatch is reported only when the
    statement is plain — one part, one total, no 本级/作为被告/综合 — so an official never reads a false alarm."""
    ix = _Index(a)
    checked, bad, evidence, seen = 0, [], [], []
    for rel in cat.relations:
        if rel.rate is None:
            continue
        for r in ix.figs:
            if r.indicator != rel.rate or r.period != "current" or r.quantity.approx is not None:
                continue
            parts = [f for f in ix.near(r.quantity.start, rel.part) if not f.quantity.approx]
            totals = [f for f in ix.near(r.quantity.start, rel.total) if not f.quantity.approx
                      and f.quantity.value > 0]
            if not parts or not totals:
                continue
            lo = max(_paragraph(a, r.quantity.start), r.quantity.start - _NEAR)
            window = a.text[lo:r.quantity.end]
            counts = _counts(window)
            # A rate's base may be any count of the statement, or one less what it excludes ("审结52件(其中
            # 终止7件)…纠错率17.8%" is 8 ÷ 45).
            bases = {f.quantity.value for f in totals} | counts | {
                b - c for b in {f.quantity.value for f in totals} for c in counts if 0 < c < b}
            numerators = {p.quantity.value for p in parts} | ({sum(p.quantity.value for p in parts)}
                                                              if len(parts) > 1 else set())
            # (a rate over 100% that its counts give is consistent with them: the counts are what is wrong,
            # told by figures.part_total and figures.rate_range, not here)
            if any(_agrees(r.quantity.value, n / b * 100, r.quantity.decimals)
                   for n in numerators for b in bases if (b >= n or r.quantity.value > 100) and b > 0):
                checked += 1
                seen.append(_span(r))
                continue
            stems = [w[:-1] for w in cat.get(rel.rate).measure if w.endswith("率")]
            named = any(stem in a.text[parts[0].span[0]:parts[0].span[1]] for stem in stems) if parts else False
            # Reported only when the statement is plain: one part, named by the rate's own word ("纠错8件",
            # not one kind of correction, "撤销6件"), one total, nothing scoped.
            if len(parts) == 1 and len(totals) == 1 and named and not _SCOPED.search(window) \
                    and not (rel.unless and any(w in window for w in rel.unless)):
                checked += 1
                part, total = parts[0], totals[0]
                computed = part.quantity.value / total.quantity.value * 100
                bad.append(t(a.lang, "figures.rate_mismatch", rate=_shown(r, names, a.lang),
                             part=_shown(part, names, a.lang), total=_shown(total, names, a.lang),
                             computed=f"{computed:.{max(1, r.quantity.decimals)}f}%"))
                evidence += [_span(r), _span(part), _span(total)]
    if not checked:
        return _none(a)
    if not bad:
        return Outcome("pass", 1.0, evidence=seen[:3], details=[t(a.lang, "figures.rate_ok", n=checked)])
    return Outcome("fail", 0.0, evidence=sorted(set(evidence)), details=bad, own_message=True)


def _counts(window: str) -> set[float]:
    """Every count in cases a window states (a possible base of a rate), read afresh: 审结79件 is no figure
    of the catalogue, yet a 败诉率 may be computed on it."""
    from lawcheck.text.numbers import quantities

    return {q.value for q in quantities(window, units={"件", "宗", "起", "件次"}) if q.approx is None}


def _agrees(stated: float, computed: float, decimals: int) -> bool:
    """A rate written with ``decimals`` decimals agrees when it is the computed one rounded or cut there."""
    step = 10.0 ** -decimals
    return abs(stated - computed) <= step / 2 + 1e-9 or stated - 1e-9 <= computed < stated + step


def _part_total(rule: FiguresRule, a: Analysis, cat: Any, names: dict[str, str]) -> Outcome:
    """Each part against the largest total stated near it (two totals — 收到58件, 受理50件 — are two counts
    of the same thing; a part above the larger is wrong whichever was meant).  A statement that says why a
    part may be larger (上年结转 …: the relation's ``unless`` words) is not judged."""
    ix = _Index(a)
    checked, bad, evidence, seen = 0, [], [], []
    for rel in cat.relations:
        if rel.rate is not None:
            continue
        for part in ix.figs:
            if part.indicator != rel.part or part.period != "current":
                continue
            totals = ix.near(part.quantity.start, rel.total, before=_NEAR, after=_NEAR)
            if not totals or any(f.quantity.approx in ("余", "多", "以上", "超过", "逾") for f in totals):
                continue
            lo = min(f.quantity.start for f in (part, *totals))
            hi = max(f.quantity.end for f in (part, *totals))
            if rel.unless and any(w in a.text[max(0, lo - 40):hi + 40] for w in rel.unless):
                continue
            total = max(totals, key=lambda f: f.quantity.value)
            checked += 1
            seen.append(_span(part))
            if part.quantity.value > total.quantity.value:
                note = f"{_lp(a.lang)}{rel.note.get(a.lang)}{_rp(a.lang)}" if rel.note else ""
                bad.append(t(a.lang, "figures.part_exceeds", part=_shown(part, names, a.lang),
                             total=_shown(total, names, a.lang)) + note)
                evidence += [_span(part), _span(total)]
    if not checked:
        return _none(a)
    if not bad:
        return Outcome("pass", 1.0, evidence=seen[:3], details=[t(a.lang, "figures.part_ok", n=checked)])
    return Outcome("fail", 0.0, evidence=sorted(set(evidence)), details=bad, own_message=True)


def _lp(lang: str) -> str:
    return "（" if lang == "zh" else " ("


def _rp(lang: str) -> str:
    return "）" if lang == "zh" else ")"


def _change(rule: FiguresRule, a: Analysis, cat: Any, names: dict[str, str]) -> Outcome:
    ix = _Index(a)
    checked, bad, evidence, seen = 0, [], [], []
    for f in ix.figs:
        c = f.comparison
        if c is None or f.period != "current":
            continue
        prev = [p for p in ix.near(f.quantity.start, f.indicator, before=_NEAR, after=_NEAR, period="previous")
                if p.quantity.unit == f.quantity.unit]
        p: FoundFigure | None = None
        if prev:
            p = min(prev, key=lambda x: abs(x.quantity.start - f.quantity.start))
            old, shown_old = p.quantity.value, _fmt(p.quantity.value) + unit_label(a.lang, p.quantity.unit)
        else:
            last = _last_year(a, f, ix.figs)
            if last is None:
                continue
            old, shown_old = last
        cur = f.quantity.value
        # What the stated change may mean: a relative change (%), a difference in points (个百分点, or a
        # rate's change written "下降1.2%"), a difference in the figure's own unit.  Each as the range the
        # two figures allow, since they are rounded too (3.5% and 4.7% are 3.45–3.55 and 4.65–4.75; 1.2万
        # and 1.1万 are ±500).
        # A count written whole ("60件", "1200人次") is exact: only the stated change is rounded; a rate, an amount in
        # 万 or 亿, or a count said to be about ("60余件") may hide what its last written place rounds away.
        s_cur = 0.0 if _exact(f.quantity) else f.quantity.step / 2
        if p is not None:
            s_old = 0.0 if _exact(p.quantity) else p.quantity.step / 2
        else:  # last year's figure from its report, as a number: exact when whole and a count
            s_old = 0.0 if old == int(old) and f.quantity.unit not in _RATES else 0.5
        corners = [(cur + a, old + b) for a in (-s_cur, s_cur) for b in (-s_old, s_old)]
        readings = []
        if c.unit == "%" and old != 0 and all(o > 0 for _, o in corners):
            rel = [(x - o) / o * 100 for x, o in corners]
            readings.append(((cur - old) / old * 100, min(rel), max(rel)))
        if c.unit == "个百分点" or (c.unit == "%" and f.quantity.unit == "%"):
            readings.append((cur - old, cur - old - s_cur - s_old, cur - old + s_cur + s_old))
        if c.unit == f.quantity.unit and c.unit != "%":
            readings.append((cur - old, cur - old - s_cur - s_old, cur - old + s_cur + s_old))
        if not readings:
            continue
        checked += 1
        seen.append(_span(f))
        stated = c.value if c.direction == "up" else -c.value
        half = 10.0 ** -_decimals(c.value) / 2
        if any(lo - half - 1e-9 <= stated <= hi + half + 1e-9 for _, lo, hi in readings):
            continue
        implied, decimals = readings[0][0], _decimals(c.value)
        word = t(a.lang, "figures.up" if c.direction == "up" else "figures.down")
        basis = c.basis if a.lang == "zh" else "year on year"
        bad.append(t(a.lang, "figures.change_mismatch", cur=_shown(f, names, a.lang), prev=shown_old,
                     stated=f"{basis}{word}{_fmt(c.value)}{unit_label(a.lang, c.unit)}",
                     implied=f"{implied:+.{max(1, decimals)}f}{'%' if c.unit == '%' else unit_label(a.lang, c.unit)}"))
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
    return value, f"{_fmt(value)}{unit_label(a.lang, f.quantity.unit)}{'，' if a.lang == 'zh' else ', '}{prev.name}"


_RATES = ("%", "‰", "个百分点")


def _exact(q: Quantity) -> bool:
    """Whether a figure is an exact count: a whole number of a unit counted one by one, written whole (not 1.2万,
    not a range, not "余/约/近")."""
    return (q.unit not in _RATES and q.step == 1.0 and q.value == int(q.value) and q.approx is None
            and q.high is None)


def _decimals(v: float) -> int:
    s = f"{v:.6f}".rstrip("0")
    return len(s.partition(".")[2])


def _expected(rule: FiguresRule, a: Analysis, cat: Any, names: dict[str, str]) -> Outcome:
    # The report year's own figures: last year's ("2022年，全县受理…50件") and a span of years ("2019年以来累计…")
    # give none of the year's.
    figs = [f for f in _results(a) if f.period == "current"]
    given = {f.indicator for f in figs}
    have = [g for g in rule.expect if given & set(g.any)]
    lacking = [g for g in rule.expect if not given & set(g.any)]
    missing = [g.key for g in lacking]  # ids, as every rule's `missing` holds; the names go in the message
    names_missing = [g.name.get(a.lang) for g in lacking]
    evidence = [_span(next(f for f in figs if f.indicator in g.any)) for g in have][:4]
    if not missing:
        what = join(a.lang, [g.name.get(a.lang) for g in rule.expect])
        return Outcome("pass", 1.0, evidence=evidence, details=[t(a.lang, "figures.expected_ok", what=what)])
    if not have:
        out = Outcome("fail", 0.0, missing=missing)
    else:
        out = Outcome("partial", round(len(have) / len(rule.expect), 4), missing=missing, evidence=evidence,
                      details=[t(a.lang, "figures.expected_some", have=join(a.lang, [g.name.get(a.lang) for g in have]),
                                 missing=join(a.lang, names_missing))], own_message=True)
    out.searched = (names_missing, ["measures"])
    return out


def describe(rule: FiguresRule, lang: str) -> list[str]:
    lines = [f"  {label(lang, 'requires')}: {t(lang, 'figures.check.' + rule.check)}"]
    for g in rule.expect:
        lines.append(f"  • {g.name.get(lang)}: {' / '.join(g.any)}")
    return lines
