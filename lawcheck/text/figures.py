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
from dataclasses import dataclass, field
from typing import Protocol

from lawcheck import rx
from lawcheck.text.numbers import Quantity, number_matches, quantity_of, unit_of
from lawcheck.text.reflow import starts_heading
from lawcheck.text.structure import PLAN, Structure


class IndicatorSpec(Protocol):
    """What extraction reads of an indicator (``lawcheck.packs.models.Indicator`` is one)."""

    id: str
    topic: list[str]
    measure: list[str]
    units: list[str]
    unless: list[str]
    fallback: bool
    zero: list[str]


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
    period: str  # "current" | "previous" | "cumulative" (over several years)
    target: bool
    comparison: Comparison | None = None


# Clause ends.  Not 、 (an enumeration: "审查决策、合同文件等250余件" is one clause) and not brackets (an
# aside inside a clause: "审查区政府(办)规范性文件12件"; "(上年50件)" is read as last year's by its words).
_BOUNDARY = rx.compile(r"[,;:。!?\n]")
_ADJECTIVE = ("性", "类")  # a word + 性/类 names a kind of thing (审查性, 执法类), not an act
# A counted item just ended: a numeral, maybe 余/多, and a unit ("撤销4件" before its 、).
_COUNTED_END = rx.compile(r"(?:\d|[〇一二两三四五六七八九十百千万亿])(?:余|多)?"
                          r"(?:%|[件宗起人次名项条份个场期批家户]{1,2})$")
_TITLES = rx.compile(r"《[^》]{0,80}》")
_UNIT_WORDS = r"(?:%|个百分点|件次|件|宗|起|人次|人|名|项|条|份|个|场次|场|期|批|家|户|次|元)"
_CHANGE = rx.compile(
    r"(?P<basis>同比|较上年度?|比上年度?|较去年|比去年|较上一年度?|比上一年度?|较20\d\d年度?|比20\d\d年度?|与上年度?相比"
    r"|与去年相比|环比)"
    # last year's figure may stand between: "较上年50件增长20%", "比去年同期的85%提高"
    r"(?:同期)?的?\s*(?:\d+(?:\.\d+)?\s*(?:万|亿)?\s*" + _UNIT_WORDS + r"\s*)?"
    r"(?:分别)?(?P<dir>增长|增加|上升|提高|提升|多|下降|减少|降低|回落|少|下降了|增长了)了?\s*$")
# Last year's figure named as what this year's is compared with: "60件,较上年50件增长20%", "比去年同期的85%".
_COMPARED_WITH = rx.compile(
    r"(?:较|比|与)(?P<prev>上年度?|去年|上一年度?|(?P<y>20\d\d)年)(?:同期)?的?\s*$"
)
# A clause that is only last year's figure, after this year's: "60件,上年50件,同比增长20%", "(2022年50件)".
_PREVIOUS_ONLY = rx.compile(
    r"^[(（]?\s*(?:(?:上年度?|去年|上一年度?)(?:同期)?|(?P<y>20\d\d)年(?:同期)?)(?:为|是|共)?\s*$"
)
# "出庭应诉率同比提高12.5个百分点,达100%": the change before its figure, which comes after these words.
_SUBJECT = rx.compile(r"[\u4e00-\u9fff]{2}")
_LEADS_TO = rx.compile(r"[,，]\s*(?:并|已|已经)?(?:达到|达|为|至|到|提高到|提升到|上升到|增至|增加到|升至|下降到|降至"
                       r"|降低到|减少到|减至)\s*")
# "上年结转/转入/未结…" (cases carried over into this year) is no figure of last year; "度" may come between.
_CARRIED = r"度?(?:结转|未结|遗留|转入|积存|结余|留存)"
_PREVIOUS = rx.compile(r"上年(?!" + _CARRIED + r")|去年|上一年度?|前一年")
# Which year the words before a figure speak of: the last of these in its sentence wins.  Last year's
# ("上年纠错率为20%", "2022年,收到…60件,审结65件" in a 2023 report) or this year's (全年, 今年, 本年度); a
# comparison ("较上年", "与上年相比", "同比") names no year of its own.
_YEAR_SCOPE = rx.compile(r"(?<![较比与])(?P<prev>上年度?|去年|上一年度?|前一年)(?!" + _CARRIED + r"|相比|同期相比)"
                         r"|(?P<now>全年|今年|本年度?|当年)|(?P<y>(?:19|20)\d\d)年")
# After last year's figure, the words that lead to this year's: "由上年的85%提高到100%".
_TO_NOW = rx.compile(r"(?:提高|提升|上升|增加|增长|下降|降低|减少|回落|达)(?:到|至)|[降升增减]至")
# A target governs its number in its own clause: "力争出庭应诉率达到100%" (a 确保 or 目标 in an earlier clause,
# "为确保案件办理质量，全年审结…", does not make the year's results targets).
_TARGET = rx.compile(r"力争|争取|预计|确保(?:全年|年内|实现|达到|不低于|保持)|目标(?:是|为|值)|计划(?:完成|达到|实现)")
# A count over several years is no figure of the report year: "2019年以来累计办理…", "截至2023年底，累计…".
_CUMULATIVE = rx.compile(r"(?:\d{4}年|十[二三四五]五|近[两三五十]年|历年|成立|组建|建[区县市]|实施)[^。;]{0,10}以来"
                         r"|截至\d{4}年[^。;]{0,12}累计|累计[^。;]{0,6}(?:\d{4}年|近[两三五十]年)"
                         # "近三年累计", "2021—2023年" (not a plan's span in its name: "纲要（2021—2025年）"),
                         # "三年来", "“十四五”时期累计": several years, not the report's
                         r"|近[两三四五六七八九十]年[^。;]{0,6}累计|\d(?<![(（\d]\d)\d{3}\s*年?\s*[-—–~至到]\s*\d{4}\s*年(?![)）》])"
                         r"|[两三四五六七八九十]年来|十[二三四五]五[”\"]?(?:时期|期间)")
_DOWN = ("下降", "减少", "降低", "回落", "少")


@dataclass(frozen=True)
class _Prepared:
    """What extraction needs of a catalogue, built once per catalogue."""

    topic_rx: re.Pattern[str] | None
    by_unit: dict[str, list[IndicatorSpec]]
    # Per unit: any measure word of its indicators (or a fallback's topic word): a clause without one
    # holds none of that unit's figures (the cheap test most numbers fail).
    cue_rx: dict[str, re.Pattern[str]]
    # Per unit: its indicators with their cue and unless patterns (``_cues``), for ``_choose``.
    cued: dict[str, list] = field(default_factory=dict)
    zero_rx: re.Pattern[str] | None = None  # the catalogue's phrases of a zero figure
    zero_of: dict[str, IndicatorSpec] | None = None


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
        cue_rx[u] = rx.any_word(tuple(sorted(words | _CHANGE_CUES)))
    zero_of = {p: ind for ind in catalogue for p in ind.zero}
    # From the pack's catalogue: compiled code kept in the catalogue's own cache (rx.CATALOGUE).
    zero_rx = rx.any_word(tuple(zero_of)) if zero_of else None
    cued = {u: [(ind, *_cues(ind)) for ind in inds] for u, inds in by_unit.items()}
    prepared = _Prepared(rx.any_word(tuple(topics)) if topics else None, by_unit, cue_rx,
                         cued, zero_rx, zero_of)
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
    hold: list[tuple[Quantity, re.Match[str], int]] = []  # a change waiting for its figure (``_read``)
    for m in number_matches(text, st.body[0] if st.body[1] > st.body[0] else 0, units=units):
        # The cheap test first, which most numbers fail: a cue word of its unit in its clause.
        ms, me = m.start(), m.end()
        k = bisect_left(marks, ms)
        lo = max(marks[k - 1] + 1 if k else 0, ms - 200)
        # "出庭应诉率同比提高12.5个百分点,达100%": the figure's words are in the clause of its change, before it.
        lead = hold.pop() if hold else None
        if lead is not None and ((lt := _LEADS_TO.match(text, lead[0].end)) is None or lt.end() != ms):
            lead = None
        if lead is not None:
            lo = lead[2]
        e = bisect_left(marks, me)
        hi = min(marks[e] if e < len(marks) else n, me + 200)
        if not prep.cue_rx[unit_of(m)].search(text, lo, hi):
            continue
        # A 、 closing a counted item of an enumeration ends a clause too ("撤销4件、确认违法2件").
        c_start, c_end = lo, hi
        i = text.rfind("、", lo, ms)
        while i >= 0:
            if _counted_before(text, i):
                c_start = i + 1
                break
            i = text.rfind("、", lo, i)
        i = text.find("、", me, hi)
        while i >= 0:
            if _counted_before(text, i):
                c_end = i
                break
            i = text.find("、", i + 1, hi)
        out = _read(m, text, st, prep, c_start, c_end, lo, year, out, hold, lead)
    if prep.zero_rx is not None:
        out = sorted([*out, *_zeros(st, prep, marks)], key=lambda f: f.quantity.start)
    return out


def _zeros(st: Structure, prep: _Prepared, marks: list[int]) -> list[FoundFigure]:
    """Figures stated as zero in words ("全年未发生行政诉讼案件", "实现零败诉"), outside the plan part."""
    text = st.text
    out = []
    assert prep.zero_rx is not None
    for m in prep.zero_rx.finditer(text, st.body[0] if st.body[1] > st.body[0] else 0):
        ind = prep.zero_of[m.group()]
        si = st.sentence_at(m.start())
        if si is not None and PLAN in st.sentences[si].roles:
            continue
        k = bisect_left(marks, m.start())
        lo = marks[k - 1] + 1 if k else 0
        if _TARGET.search(text, lo, m.start()):
            continue
        q = Quantity(m.start(), m.end(), 0.0, ind.units[0])
        out.append(FoundFigure(ind.id, q, (lo, m.end()), "current", False))
    return out


def _read(m: re.Match[str], text: str, st: Structure, prep: _Prepared, c_start: int, c_end: int,
          lo: int, year: int | None, out: list[FoundFigure],
          hold: list[tuple[Quantity, re.Match[str], int]] | None = None,
          lead: tuple[Quantity, re.Match[str], int] | None = None) -> list[FoundFigure]:
    """One number in its clause ([c_start, c_end); ``lo``: where the clause begins if a 、 does not end
    it): a figure appended to ``out``, a change attached to the figure before it, or nothing.  ``hold``
    receives a change whose figure comes after it ("…率同比提高12.5个百分点,达100%"); ``lead`` is such a
    change, for the figure it leads to."""
    ms = m.start()
    near = max(c_start, ms - 16)  # the words of a stated change stand right before its number
    change = _CHANGE.search(text, near, ms)
    aside = _in_brackets(text, max(0, ms - 60), ms)
    q = quantity_of(text, m)
    if q is None:
        return out
    if change:
        if hold is not None and _LEADS_TO.match(text, q.end) and _SUBJECT.search(text, lo, change.start()):
            hold.append((q, change, lo))  # its figure follows ("…,达100%"): not the figure before's change
        else:
            _attach(out, q, change, 0)
        return out
    if q.unit == "个百分点" or text[q.start - 1:q.start] in ("每", "第"):
        return out  # "每4名执法人员", "第3次": a ratio or an ordinal, not a count
    if "分别" in text[lo:ms]:
        return out  # "审结、败诉分别为70件、3件": which number is which is not read, so none is taken
    cue = prep.cue_rx.get(q.unit)
    if cue is None or not cue.search(text, lo, c_end):
        return out  # the cue stood beyond a 、 that ends this number's clause
    # Last year's figure as what this year's is compared with ("60件,较上年50件增长20%"), or alone in the
    # clause after it ("60件,上年50件,同比增长20%"): the figure just before's, in its unit and of a like size.
    before = _COMPARED_WITH.search(text, max(c_start, ms - 12), ms)
    alone = None if before or aside is not None else _PREVIOUS_ONLY.match(text[c_start:ms].strip())
    if (before or alone) and _last_year(before or alone, year) and out and out[-1].period == "current" \
            and _bracket_follows(text, out[-1], q, c_start):
        out.append(FoundFigure(out[-1].indicator, q, (c_start, q.end), "previous", out[-1].target))
        return out
    # Last year's: said in the bracket the number stands in ("(上年收到30件,审结45件)", "与上年(…)相比",
    # "(2022年50件)" in a report on 2023), or by the last year named before it in its sentence (``_scope``).
    bracket_prev = aside is not None and (
        _PREVIOUS.search(text, max(0, aside - 8), ms) is not None
        or ((y := _PREVIOUS_ONLY.match(text[aside:ms].strip())) is not None and _last_year(y, year)))
    if aside is not None and not bracket_prev:
        return out  # "89件(涉及区政府17件)": a breakdown in brackets, not the figure itself
    si = st.sentence_at(q.start)
    sentence = st.sentences[si] if si is not None else None
    # Topics and years are looked for in the sentence — across a ；, never past a 。, never far.
    s_start = max(ms - 120, text.rfind("。", max(0, ms - 120), ms) + 1)
    if sentence is not None and not _continues(text, sentence.start):
        s_start = max(s_start, sentence.start)
    scope = _scope(text, s_start, ms, year)
    if scope == "other":
        return out  # a figure of another year than the report's or the one before it
    found = None
    if prep.cue_rx[q.unit].search(text, c_start, c_end):
        found = _choose(prep.cued[q.unit], q, text, c_start, c_end, s_start, prep.topic_rx, st, sentence)
    if found is None and c_start > lo and prep.cue_rx[q.unit].search(text, lo, c_start):
        # "培训12期、1200人次": the measure word before an enumeration's first item serves the rest.
        found = _choose(prep.cued[q.unit], q, text, lo, c_end, s_start, prep.topic_rx, st, sentence)
    if found is None and aside is not None and out and _bracket_follows(text, out[-1], q, aside):
        found = out[-1].indicator  # "审结52件(上年48件)": last year's figure of what the bracket follows
    if found is None:
        return out
    period = "previous" if bracket_prev or scope == "previous" else "current"
    if period == "current" and _CUMULATIVE.search(text, s_start, ms):
        period = "cumulative"
    target = bool(sentence is not None and PLAN in sentence.roles) or bool(_TARGET.search(text, c_start, ms))
    out.append(FoundFigure(found, q, (c_start, q.end), period, target))
    if lead is not None and period == "current":
        _attach(out, lead[0], lead[1], 0)
    return out


def _last_year(m: re.Match[str], year: int | None) -> bool:
    """Whether words matched by ``_COMPARED_WITH`` or ``_PREVIOUS_ONLY`` name the year before the report's."""
    y = m.group("y")
    return y is None or (year is not None and int(y) == year - 1)


def _scope(text: str, lo: int, pos: int, year: int | None) -> str:
    """"previous", "current" or "other": the year the words in text[lo:pos] give the figure at ``pos``.
    "由上年的85%提高到100%": after 上年, "到" leads to this year's figure."""
    last = None
    for m in _YEAR_SCOPE.finditer(text, lo, pos):
        last = m
    if last is None:
        return "current"
    if last.group("now"):
        return "current"
    if last.group("prev"):
        return "current" if _TO_NOW.search(text, last.end(), pos) else "previous"
    y = int(last.group("y"))
    if year is None or y == year or _TO_NOW.search(text, last.end(), pos):
        return "current"
    if y == year - 1:
        return "previous"
    # Another year: a date ("2023年1月", the report's year) is current; an older year's figure is not the
    # report's (unless a later 以来 makes it a multi-year count, marked apart).
    return "current" if y > year or "以来" in text[last.end():pos] else "other"


def _continues(text: str, start: int) -> bool:
    """Whether a sentence starting at ``start`` goes on from the text before it: after a ；, or after a line
    break inside a sentence (a hard-wrapped page whose breaks were not all recognised) — not after a
    heading ("（四）强化行政复议" heads 法律援助 and 公证 figures too) or a sentence's end."""
    before = text[start - 1:start]
    if before == ";":
        return True
    if before != "\n":
        return False
    prev = text[text.rfind("\n", 0, start - 1) + 1:start - 1]
    # A heading is a short line of its own; a long line that begins "二是…" is a wrapped paragraph.
    return bool(prev) and prev[-1] not in "。!?:;" and not (len(prev) <= 30 and starts_heading(prev))


def _bracket_follows(text: str, f: FoundFigure, q: Quantity, aside: int) -> bool:
    """Whether the bracket holding ``q`` follows figure ``f`` directly (or the change stated beside it:
    "60件,同比增长20%(上年50件)"), in the same unit and of a like size — last year's 50件 beside this year's
    2件 is another figure's ("败诉2件,同比下降20%(上年50件)": which one's is not said)."""
    end = f.comparison.span[1] if f.comparison is not None else f.quantity.end
    if f.quantity.unit != q.unit or text[end:aside - 1].strip(" ,"):
        return False
    a, b = f.quantity.value, q.value
    return a == b or (min(a, b) > 0 and max(a, b) / min(a, b) <= 5)


def _counted_before(text: str, i: int) -> bool:
    """Whether a counted item ends at ``i`` (looked for in the few characters before it, never the text
    from its start: that would make a long report quadratic)."""
    return _COUNTED_END.search(text, max(0, i - 8), i) is not None


def _in_brackets(text: str, lo: int, pos: int) -> int | None:
    """The position after the bracket still open at ``pos`` (opened after ``lo``, in the same sentence), or
    None."""
    i = text.rfind("(", lo, pos)
    if i < 0 or text.find(")", i, pos) >= 0 or text.find("。", i, pos) >= 0:
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


def _cues(ind: IndicatorSpec) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """An indicator's words as patterns (``_prepare`` keeps them per catalogue): what makes a clause its
    candidate (a measure word, or for a fallback a topic word), and what rules it out (``unless``)."""
    words = (*ind.measure, *(ind.topic if ind.fallback else ()))
    return rx.any_word(words), rx.any_word(tuple(ind.unless)) if ind.unless else None


_Cued = tuple[IndicatorSpec, re.Pattern[str], "re.Pattern[str] | None"]


def _choose(catalogue: Sequence[_Cued], q: Quantity, text: str, c_start: int, c_end: int, s_start: int,
            topic_rx: re.Pattern[str] | None, st: Structure, sentence) -> str | None:  # type: ignore[no-untyped-def]
    """The indicator a number is, or None.  Candidates rank by: their topic is the nearest one (an
    indicator without topic words counts as such), then a measure word before the number (nearest, then
    longest), after it, or none (the topic's fallback)."""
    clause = text[c_start:c_end]
    # First the cheap test, which most numbers fail: a measure word of one of the unit's indicators in the
    # clause (or, for a fallback, one of its topic words).  Only then the topics of the sentence.
    live = [ind for ind, cue, unless in catalogue
            if cue.search(clause) and not (unless is not None and unless.search(clause))]
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


_OBJECT_BEFORE = rx.compile(r"对(?:全[县市区镇乡省]|各[级类])?$|对[^,;。]{0,12}$")
_JOINS = rx.compile(r"参加|参与|接受|进行|开展|组织")


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
    if not found:
        # Not the heading of the part: "（四）强化行政复议" heads 法律援助 and 公证 figures too.
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
    """A stated change belongs to this year's figure just before it (within 60 characters): not to last
    year's figure in a bracket between ("收到58件(上年47件),同比增长23.4%")."""
    k = len(out) - 1
    while k >= 0 and out[k].period != "current" and q.start - out[k].quantity.end <= 60:
        k -= 1
    if k < 0 or q.start - out[k].quantity.end > 60 or out[k].comparison is not None:
        return
    f = out[k]
    d = "down" if change.group("dir").startswith(_DOWN) else "up"
    cmp = Comparison(d, q.value, q.unit, (offset + change.start(), q.end), change.group("basis"))
    out[k] = FoundFigure(f.indicator, f.quantity, f.span, f.period, f.target, cmp)
