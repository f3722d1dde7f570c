"""The figures a report gives, read against an indicator catalogue: which number is which indicator's.

A number with a unit (``numbers.quantities``) is an indicator's when its unit is one of the indicator's,
one of its ``measure`` words stands in the number's clause (between punctuation marks) and the nearest
topic word — in the sentence up to the clause's end, else in the heading of the part — is one of its
``topic`` words.  Of several candidates the one whose measure word stands nearest before the number wins
(then the longer word).  When the topic is clear but no measure word is there, the topic's ``fallback``
indicator takes a number in its unit ("行政复议案件58件").  A number right after "同比增长" or "较上年减少"
is the comparison of the figure before it, not a figure.  A figure in the plan part, or after 力争/确保/
目标, is a target.  Positions are offsets into the normalised text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from lawcheck.text.numbers import Quantity, number_matches, quantity_of, unit_of
from lawcheck.text.structure import PLAN, Structure


class IndicatorSpec(Protocol):
    """What extraction reads of an indicator (``lawcheck.packs.models.Indicator`` is one)."""

    id: str
    topic: list[str]
    measure: list[str]
    units: list[str]
    unless: list[str]
    fallback: bool


@dataclass(frozen=True)
class Comparison:
    """A change stated beside a figure: 同比增长12%, 较上年减少5件, 上升3.2个百分点."""

    direction: str  # "up" | "down"
    value: float
    unit: str
    span: tuple[int, int]
    basis: str  # the words: 同比, 较上年 …


@dataclass(frozen=True)
class FoundFigure:
    indicator: str
    quantity: Quantity
    span: tuple[int, int]  # the clause up to the unit: what a reader sees quoted
    period: str  # "current" | "previous"
    target: bool
    comparison: Comparison | None = None


# Clause ends.  Not 、 (an enumeration: "审查决策、合同文件等250余件" is one clause) and not brackets (an
# aside inside a clause: "审查区政府(办)规范性文件12件"; "(上年50件)" is read as last year's by its words).
_BOUNDARY = re.compile(r"[,;:。!?\n]")
_ADJECTIVE = ("性", "类")  # a word + 性/类 names a kind of thing (审查性, 执法类), not an act
# A counted item just ended: a numeral, maybe 余/多, and a unit ("撤销4件" before its 、).
_COUNTED_END = re.compile(r"(?:\d|[〇一二两三四五六七八九十百千万亿])(?:余|多)?"
                          r"(?:%|[件宗起人次名项条份个场期批家户]{1,2})$")
_TITLES = re.compile(r"《[^》]{0,80}》")
_CHANGE = re.compile(
    r"(?P<basis>同比|较上年|比上年|较去年|比去年|较上一年度?|比上一年度?|较20\d\d年|比20\d\d年|与上年相比|与去年相比|环比)"
    r"(?:同期)?\s*(?:分别)?(?P<dir>增长|增加|上升|提高|提升|多|下降|减少|降低|回落|少|下降了|增长了)了?\s*$")
_PREVIOUS = re.compile(r"上年|去年|上一年度?|上年度|前一年")
_TARGET = re.compile(r"力争|确保|争取|目标|计划|预计|达到.{0,6}以上的目标")
_DOWN = ("下降", "减少", "降低", "回落", "少")


@dataclass(frozen=True)
class _Prepared:
    """What extraction needs of a catalogue, built once per catalogue."""

    topic_rx: re.Pattern[str] | None
    by_unit: dict[str, list[IndicatorSpec]]
    # Per unit: any measure word of its indicators (or a fallback's topic word): a clause without one
    # holds none of that unit's figures (the cheap test most numbers fail).
    cue_rx: dict[str, re.Pattern[str]]


_PREPARED: dict[int, tuple[Sequence[IndicatorSpec], _Prepared]] = {}
# Words of a stated change or of last year's figure: a clause with one is read whatever its unit.
_CHANGE_CUES = {"同比", "环比", "较上", "比上", "较去", "比去", "与上年", "与去年", "较20", "比20", "上年", "去年"}


def _prepare(catalogue: Sequence[IndicatorSpec]) -> _Prepared:
    hit = _PREPARED.get(id(catalogue))
    if hit is not None and hit[0] is catalogue:
        return hit[1]
    topics = sorted({w for ind in catalogue for w in ind.topic}, key=len, reverse=True)
    by_unit: dict[str, list[IndicatorSpec]] = {}
    for ind in catalogue:
        for u in ind.units:
            by_unit.setdefault(u, []).append(ind)
    cue_rx = {}
    for u in [*by_unit, "个百分点"]:
        words = {w for ind in by_unit.get(u, ()) for w in (*ind.measure, *(ind.topic if ind.fallback else ()))}
        cue_rx[u] = re.compile("|".join(map(re.escape, sorted(words | _CHANGE_CUES, key=len, reverse=True))))
    prepared = _Prepared(re.compile("|".join(map(re.escape, topics))) if topics else None, by_unit, cue_rx)
    if len(_PREPARED) > 16:
        _PREPARED.clear()
    _PREPARED[id(catalogue)] = (catalogue, prepared)
    return prepared


def extract(st: Structure, catalogue: Sequence[IndicatorSpec], year: int | None = None,
            clause_ends: list[int] | None = None) -> list[FoundFigure]:
    """Every figure of the catalogue's indicators in the report, in text order.  ``clause_ends``: where
    the clause marks stand (the analysis has found them already), else found here."""
    if not catalogue:
        return []
    text = st.text
    prep = _prepare(catalogue)
    by_unit = prep.by_unit
    units = {*by_unit, "个百分点"}
    marks = clause_ends if clause_ends is not None else [m.start() for m in _BOUNDARY.finditer(text)]
    n = len(text)
    out: list[FoundFigure] = []
    for m in number_matches(text, st.body[0] if st.body[1] > st.body[0] else 0, units=units):
        # The cheap test first, which most numbers fail: a cue word of its unit in its clause.
        ms, me = m.start(), m.end()
        k = bisect_left(marks, ms)
        lo = max(marks[k - 1] + 1 if k else 0, ms - 200)
        e = bisect_left(marks, me)
        hi = min(marks[e] if e < len(marks) else n, me + 200)
        if not prep.cue_rx[unit_of(m)].search(text, lo, hi):
            continue
        # A 、 closing a counted item of an enumeration ends a clause too ("撤销4件、确认违法2件").
        before = list(_enumeration_marks(text, lo, ms))
        after = next(_enumeration_marks(text, me, hi), None)
        out = _read(m, text, st, prep, before[-1] + 1 if before else lo, after if after is not None else hi,
                    year, out)
    return out


def _read(m: re.Match[str], text: str, st: Structure, prep: _Prepared, c_start: int, c_end: int,
          year: int | None, out: list[FoundFigure]) -> list[FoundFigure]:
    """One number in its clause: a figure appended to ``out``, a change attached to the figure before it,
    or nothing."""
    by_unit = prep.by_unit
    ms = m.start()
    near = max(c_start, ms - 16)  # the words of a stated change stand right before its number
    change = _CHANGE.search(text, near, ms)
    aside = _in_brackets(text, c_start, ms)
    q = quantity_of(text, m)
    if q is None:
        return out
    if change:
        _attach(out, q, change, 0)
        return out
    if q.unit == "个百分点" or text[q.start - 1:q.start] in ("每", "第"):
        return out  # "每4名执法人员", "第3次": a ratio or an ordinal, not a count
    cue = prep.cue_rx.get(q.unit)
    if cue is None or not cue.search(text, c_start, c_end):
        return out  # the cue stood beyond a 、 that ends this number's clause
    if aside is not None and not _PREVIOUS.search(text, aside, q.start):
        return out  # "89件(涉及区政府17件)": a breakdown in brackets, not the figure itself
    prefix = text[c_start:q.start]
    si = st.sentence_at(q.start)
    sentence = st.sentences[si] if si is not None else None
    s_start = sentence.start if sentence is not None else c_start
    found = None
    if prep.cue_rx[q.unit].search(text, c_start, c_end):
        found = _choose(by_unit[q.unit], q, text, c_start, c_end, s_start, prep.topic_rx, st, sentence)
    if found is None and aside is not None and out and out[-1].quantity.unit == q.unit \
            and q.start - out[-1].quantity.end < 60:
        found = out[-1].indicator  # "审结52件(上年48件)": last year's figure of what the bracket follows
    if found is None:
        return out
    # "上年50件", "(上年50件)", "2020年50件" in a 2021 report: last year's figure.
    last_year = year is not None and f"{year - 1}年" in prefix and f"{year}年" not in prefix
    period = "previous" if _PREVIOUS.search(prefix) or last_year else "current"
    target = bool(sentence is not None and PLAN in sentence.roles) or bool(
        _TARGET.search(text[s_start:q.start]))
    out.append(FoundFigure(found, q, (c_start, q.end), period, target))
    return out


def _enumeration_marks(text: str, lo: int, hi: int):  # type: ignore[no-untyped-def]
    """Each 、 in text[lo:hi] that closes a counted item ("撤销4件、确认违法2件"): a clause end for figures."""
    i = text.find("、", lo, hi)
    while i >= 0:
        if _counted_before(text, i):
            yield i
        i = text.find("、", i + 1, hi)


def _counted_before(text: str, i: int) -> bool:
    """Whether a counted item ends at ``i`` (looked for in the few characters before it, never the text
    from its start: that would make a long report quadratic)."""
    return _COUNTED_END.search(text, max(0, i - 8), i) is not None


def _in_brackets(text: str, lo: int, pos: int) -> int | None:
    """The position after the bracket still open at ``pos`` (within its clause), or None."""
    i = text.rfind("(", lo, pos)
    if i < 0 or text.find(")", i, pos) >= 0:
        return None
    return i + 1


def _nearest_before(words: Sequence[str], text: str, lo: int, hi: int) -> tuple[int, str] | None:
    """The occurrence of one of ``words`` in text[lo:hi] that ends last (then the longest): (end, word)."""
    best: tuple[int, str] | None = None
    for w in words:
        i = text.rfind(w, lo, hi)
        while i >= 0 and text[i + len(w):i + len(w) + 1] in _ADJECTIVE:
            i = text.rfind(w, lo, i)  # "审查性备案项目": a kind of thing, not the act of reviewing
        if i >= 0 and (best is None or (i + len(w), len(w)) > (best[0], len(best[1]))):
            best = (i + len(w), w)
    return best


@lru_cache(maxsize=512)
def _word_rx_cached(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def _word_rx(words: list[str]) -> re.Pattern[str]:
    """Any of ``words``, as one pattern (compiled once per word list)."""
    return _word_rx_cached(tuple(words))


def _choose(catalogue: Sequence[IndicatorSpec], q: Quantity, text: str, c_start: int, c_end: int, s_start: int,
            topic_rx: re.Pattern[str] | None, st: Structure, sentence) -> str | None:  # type: ignore[no-untyped-def]
    """The indicator a number is, or None.  Candidates rank by: their topic is the nearest one (an
    indicator without topic words counts as such), then a measure word before the number (nearest, then
    longest), after it, or none (the topic's fallback)."""
    clause = text[c_start:c_end]
    # First the cheap test, which most numbers fail: a measure word of one of the unit's indicators in the
    # clause (or, for a fallback, one of its topic words).  Only then the topics of the sentence.
    rx = _word_rx
    live = [ind for ind in catalogue
            if rx(ind.measure).search(clause) or (ind.fallback and rx(ind.topic).search(clause))]
    live = [ind for ind in live if not (ind.unless and rx(ind.unless).search(clause))]
    if not live:
        return None
    nearest, present = _topics(text, q, c_end, s_start, topic_rx, st, sentence)
    best: tuple[tuple, str] | None = None
    for ind in live:
        if ind.topic and not present & set(ind.topic):
            continue
        near = 0 if not ind.topic or nearest & set(ind.topic) else 1
        before = _nearest_before(ind.measure, text, c_start, q.start)
        if before is not None:
            rank: tuple = (near, 0, q.start - before[0], -len(before[1]))
        else:
            after = [(text.find(w, q.end, c_end), w) for w in ind.measure]
            after = [(i, w) for i, w in after if i >= 0 and _object_of(text, c_start, q, i, w)]
            if after:
                i, w = min(after)
                rank = (near, 1, i - q.end, -len(w))
            elif ind.fallback and near == 0 and any(w in _TITLES.sub("", text[c_start:q.start]) for w in ind.topic):
                # The clause names the topic before the number ("行政复议案件58件"), not in a document's title.
                rank = (near, 2, 0, 0)
            else:
                continue
        if best is None or rank < best[0]:
            best = (rank, ind.id)
    return best[1] if best else None


_OBJECT_BEFORE = re.compile(r"对(?:全[县市区镇乡省]|各[级类])?$|对[^,;。]{0,12}$")
_JOINS = re.compile(r"参加|参与|接受|进行|开展|组织")


def _object_of(text: str, c_start: int, q: Quantity, at: int, word: str) -> bool:
    """Whether a measure word after the number is what was done to what the number counts: "对12件规范性
    文件进行合法性审核", "288名干部参加轮训" — not a word inside the counted noun ("13项审查性备案项目")."""
    if at - q.end <= 1 and text[at + len(word):at + len(word) + 1] not in _ADJECTIVE:
        return True  # "另有7件败诉": the verb right after the count
    return bool(_OBJECT_BEFORE.search(text, c_start, q.start)) or bool(_JOINS.search(text, q.end, at))


def _topics(text: str, q: Quantity, c_end: int, s_start: int, topic_rx: re.Pattern[str] | None, st: Structure,
            sentence) -> tuple[set[str], set[str]]:  # type: ignore[no-untyped-def]
    """(the topic words at the nearest place, every topic word in reach).  Reach is the sentence up to the
    clause's end, else the heading of the part; the nearest place is the last topic word before the number
    (with the words overlapping it: 行政执法人员 is both 行政执法 and 执法人员), else the first after it."""
    if topic_rx is None:
        return set(), set()
    found = [(m.start(), m.end(), m.group()) for m in _overlapping(topic_rx, text, s_start, c_end)]
    if not found and sentence is not None and sentence.section is not None:
        heading = st.sections[sentence.section].heading
        found = [(m.start(), m.end(), m.group()) for m in _overlapping(topic_rx, heading, 0, len(heading))]
        return ({found[-1][2]} | {w for s, e, w in found if e > found[-1][0]}, {w for _, _, w in found}) if found \
            else (set(), set())
    if not found:
        return set(), set()
    before = [f for f in found if f[1] <= q.start]
    if before:
        s0, e0, _ = max(before, key=lambda f: (f[1], f[1] - f[0]))
    else:
        s0, e0, _ = min(found)
    nearest = {w for s, e, w in found if s < e0 and e > s0}
    return nearest, {w for _, _, w in found}


def _overlapping(rx: re.Pattern[str], text: str, lo: int, hi: int):  # type: ignore[no-untyped-def]
    """Matches of ``rx`` starting at every position (overlapping ones too)."""
    pos = lo
    while True:
        m = rx.search(text, pos, hi)
        if m is None:
            return
        yield m  # the longest word at each start; a shorter one at the same start is inside it
        pos = m.start() + 1


def _attach(out: list[FoundFigure], q: Quantity, change: re.Match[str], offset: int) -> None:
    """A stated change belongs to the figure just before it (same sentence: within 60 characters)."""
    if not out or q.start - out[-1].quantity.end > 60 or out[-1].comparison is not None:
        return
    d = "down" if change.group("dir").startswith(_DOWN) else "up"
    cmp = Comparison(d, q.value, q.unit, (offset + change.start(), q.end), change.group("basis"))
    out[-1] = FoundFigure(out[-1].indicator, out[-1].quantity, out[-1].span, out[-1].period, out[-1].target, cmp)
