"""Kind ``section``: a top-level part with a role must exist (its heading or, failing that, its wording)."""

from __future__ import annotations

import dataclasses
import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from lawcheck import rx, saferegex
from lawcheck.i18n import t
from lawcheck.kinds.base import ROLES, Outcome, Pattern, Role, RuleBase, Span, status_of
from lawcheck.kinds.describe import label, part_lines
from lawcheck.kinds.matching import (
    Matcher,
    Part,
    anchor_words,
    anchors,
    any_start_in,
    eval_part,
    near_miss,
    part_details,
    pick_evidence,
    rejection,
    roles_at,
)
from lawcheck.text import organs
from lawcheck.text.dates import YEAR_MENTION, parse_year

if TYPE_CHECKING:
    from lawcheck.analysis import Analysis
    from lawcheck.text.structure import Sentence, Structure


class SectionRule(RuleBase):
    """A top-level section with a role must exist (its heading or, failing that, its wording)."""

    kind: Literal["section"]
    role: Role
    min_chars: int = Field(20, ge=0, description="the least characters the part holds under its own heading")
    parts: list[Part] = Field(default_factory=list, description="concepts that must occur inside the section")
    mention: Part | None = Field(None, description="found outside any such section: partial")
    mention_scope: list[Role] = Field(
        default_factory=lambda: list(ROLES),
        description="where a mention counts (a plan's 针对存在的问题 is not a statement of problems)",
    )
    denial: Part | None = Field(None, description="wording that says the part has nothing to tell (未发现明显问题): a "
                                                  "section that says so and states nothing the pack's negation cues "
                                                  "mark (不到位, 有待, 薄弱…) outside it is empty")
    problem_words: list[str] = Field(default_factory=list,
                                     description="words that state something wanting (困难, 短板, 单一, 老化) besides "
                                                 "the pack's negation cues: a part with denial wording checked "
                                                 "that has no clause with one of them, naming what it is, states "
                                                 "nothing wanting (only results, plans or set phrases)")
    praise_words: list[str] = Field(default_factory=list,
                                    description="words of results, praise and set phrases (圆满完成, 位列, "
                                                "永远在路上): a part judged to tell nothing wanting must say one of "
                                                "them (word "
                                                "lists miss ways of stating a shortcoming; a part that only lacks "
                                                "the cue words is not failed for it)")
    year_ahead: bool = Field(False, description="the year the part's heading gives its plan (2024年工作安排) is after "
                                                "the report's: a plan headed with the report year itself or an "
                                                "earlier one (三、2023年工作安排 in a report on 2023) is an old plan "
                                                "carried on (partial)")
    admissions: list[Pattern] = Field(default_factory=list,
                                      description="a shortcoming admitted in general words that name nothing "
                                                  "(还存在一些不足, 与上级要求相比还有一定差距): a part with one "
                                                  "must name what is wanting in some clause, in any words (not "
                                                  "the standard a comparison names)")
    set_phrases: list[str] = Field(default_factory=list,
                                   description="words that name no arrangement (继续努力, 再上新台阶, 进一步, 全面): a "
                                               "part in which no clause names anything once they, the pack's plan "
                                               "cues and years are taken out (我们将继续努力，推动法治政府建设再上"
                                               "新台阶) sets out nothing (partial)")
    task_words: list[str] = Field(default_factory=list,
                                  description="with ``set_phrases``: the work a plan can set out (执法, 复议, 决策, "
                                              "规范性文件, 普法 …); listed, a clause sets something out only when "
                                              "what is left of it names one (a slogan's new words — 以更加昂扬的斗志"
                                              "、奋勇争先 — name none)")
    undone_max: float | None = Field(None, ge=0, le=1,
                                     description="the largest share of the part's sentences that may say what is "
                                                 "to be done or is wanting (the pack's plan and negation cues; a "
                                                 "sentence opening on 将/要/拟/计划 and an act): a part beyond it "
                                                 "is a plan or a list of problems under the heading of the year's "
                                                 "work, and earns the mention credit (partial)")
    vague: list[str] = Field(default_factory=list,
                             description="words that name nothing wanting (各项工作, 进一步, 巩固, 提升): a clause "
                                         "after a denial made only of them, the pack's negation cues and "
                                         "turns (各项工作仍需进一步巩固提升) states no shortcoming")


def _parts(rule: SectionRule) -> list[Part]:
    return [*rule.parts, *([rule.mention] if rule.mention else []), *([rule.denial] if rule.denial else [])]


def _own_heading(st: Structure, s: Sentence) -> bool:
    """Whether a sentence is a part's own (top-level) heading, not a sub-heading that may state its matter."""
    return s.heading and s.section is not None and st.sections[s.section].parent is None


# Where a run-in heading's words end and its part's begin: "二、存在的不足：执法人员年龄结构老化…".
_RUN_IN = rx.compile(r"[：:。]")


def _under_own_heading(st: Structure, sents: list[Sentence]) -> list[Sentence]:
    """A part's sentences less its own heading's words: a heading on a line of its own is left out, and a run-in
    one ("二、存在的不足：执法人员年龄结构老化，普法形式单一。") keeps what follows its colon or full stop."""
    out = []
    for s in sents:
        if not _own_heading(st, s):
            out.append(s)
            continue
        m = _RUN_IN.search(st.text, s.start, s.end)
        if m is not None and st.text[m.end():s.end].strip():
            out.append(dataclasses.replace(s, start=m.end(), heading=False))
    return out


def _denied(rule: SectionRule, a: Analysis, body: list[Sentence]) -> tuple[Span, str] | None:
    """Where the section says it has nothing to tell ("经自查，未发现明显问题"; message ``denied_section``), or,
    with ``problem_words``, tells nothing wanting at all ("各项任务均已圆满完成"; ``empty_section``): when it
    states nothing else that is wanting.  Outside the clauses of the denial and of what is planned ("下一步，
    我们将继续查找薄弱环节"): no negation cue (不高, 有待, 薄弱…), problem word (困难, 短板…) or turn to what is
    wanting (但, 也要看到, 一是…) in a clause that names what it is.  "未发现明显问题，但执法案卷质量不高"
    names a problem; so do the sub-headings of the part ("（一）基层执法力量较为薄弱").  ``body``: the part under its
    own heading (``_under_own_heading``: the heading names the part; sub-headings may state its problems)."""
    assert rule.denial is not None
    st = a.st
    if not body:
        return None
    cm = a.pack.compiled(rule.denial)
    inside = {st.sentence_at(s.start) for s in body}
    denials = []
    for hs, he in anchors(a, cm, body[0].start, body[-1].end):  # one pass over the part, not one per sentence
        si = st.sentence_at(hs)
        if si in inside and he <= st.sentences[si].end and \
                rejection(a, rule.denial, cm, st.sentences[si], hs, he) is None:
            denials.append((hs, he))
    if not denials and not rule.problem_words:
        return None
    problems = rx.any_word(tuple(rule.problem_words))
    praise = rx.any_word(tuple(rule.praise_words))
    # Judged only when the part denies, praises or admits in general words ("但与上级要求相比还存在一些不足，需要
    # 认真加以改进"); otherwise whatever it says is taken as its shortcomings.
    gaps: dict[int | None, bool] = {}
    praised_part = _praises(a, praise, body[0].start, body[-1].end, gaps)
    admitted = not denials and bool(rule.admissions) and saferegex.search(
        saferegex.any_of(rule.admissions), a.text, body[0].start, body[-1].end, limit=not a.pack.trusted)
    # No denial, no praise, no bare admission: whatever it says is taken as its shortcomings, if it says anything
    # but plans, exhortations and the names of fields ("下一步，我县将…"; "一是行政执法方面。二是法治宣传方面。";
    # "一是要进一步加强…").  Under a heading that names the plan too ("二、存在的不足及下一步打算") an item without a
    # plan cue may be a plan as well ("健全完善…制度"): only a clause that tells what is wanting counts (below).
    if not denials and not praised_part and not admitted and not any("plan" in s.roles for s in body):
        if sum(s.end - s.start for s in body) < rule.min_chars or _tells_anything(rule, a, body):
            return None  # (a part too short to tell anything is told so: "内容过少")
        return (body[0].start, body[0].end), "empty_section"
    # After an admission ("取得了明显成效，但仍存在一些问题。（一）基层法治专业人才匮乏…") any clause that names
    # something counts, praise before it or not; praise alone needs a cue word in the clause.
    # The denials as (starts, running maximum of the ends): whether one overlaps a clause is a bisection (a scan
    # of every denial for every clause was quadratic on a part of a thousand denials).
    d_starts = [ds for ds, _de in denials]
    d_reach = list(itertools.accumulate((de for _ds, de in denials), max))
    turned, last = False, None  # a turn that names nothing itself ("同时也要看到，") opens the next clause
    for s, lo, hi, since in _clauses(a, body):
        if s is not last:
            turned, last = False, s
        k = bisect_left(d_starts, hi)
        told = not (k and d_reach[k - 1] > lo) and not any_start_in(a.fut_starts, since, hi)
        # …but such a list is read by its cue words only: "下一步将：推进依法行政，加强法治宣传" lists plans.
        after_plan = since > s.start and any_start_in(a.fut_starts, s.start, since)
        turn = _TURN.search(a.text, lo, hi) is not None
        wanting = any_start_in(a.neg_starts, lo, hi) or (
            problems is not None and problems.search(a.text, lo, hi) is not None)
        # A turn to praise ("一是考核连续三年位列全市第一") tells nothing wanting.
        praised = not wanting and praise is not None and praise.search(a.text, lo, hi) is not None \
            and not _falls_short(a, lo, hi, gaps)
        # After an admission a clause counts in any words, but not the standard a comparison names ("与先进
        # 县区相比，我县还存在一定差距": 先进县区 is what the county falls short of, not its shortcoming) unless
        # the clause tells the gap itself ("出庭应诉率低于全市平均水平").
        loose = admitted and not after_plan and (
            _COMPARE.search(a.text, lo, hi) is None or _GAP.search(a.text, lo, hi) is not None)
        # …but not a clause that tells the year's work with its count and nothing wanting ("…还有差距：一是组织领导
        # 干部集中学法4次；二是全年审核规范性文件12件"): the items of work done, not shortcomings.
        if told and (loose or turned or turn or wanting) and not praised and _names_something(rule, a, lo, hi) \
                and (wanting or _WORK_COUNTED.search(a.text, lo, hi) is None):
            return None
        turned = told and turn
    if denials:
        return denials[0], "denied_section"
    return (body[0].start, body[0].end), "empty_section"


# The year the plan is for: the year right before the plan's own words ("2023年工作安排", "2023年度重点任务"), not a
# year said of something else in the heading ("二、2024年存在的问题和下一步工作打算").
_PLAN_YEAR = rx.compile(r"((?:19|20)\d\d|[一二][〇零○一二三四五六七八九]{3})\s*年度?(?:法治政府建设|依法行政)?"
                        r"(?:的|主要|重点)?(?:工作)?(?:安排|计划|打算|思路|重点|任务|要点|设想|谋划|举措|措施)")


def _stale_year(rule: SectionRule, a: Analysis, sents: list[Sentence]) -> tuple[Span, int] | None:
    """The part's top heading and the year its plan is for, when that is the report's own year or earlier
    (``year_ahead``); None when a heading names a later year, or no plan year, or the report's year is unknown."""
    if not rule.year_ahead or a.year is None:
        return None
    st = a.st
    tops = {s.section for s in sents if s.section is not None and st.sections[s.section].parent is None}
    named: list[tuple[Span, int]] = []
    for i in sorted(tops):
        hs, he = st.sections[i].heading_span
        plan_years = [y for m in _PLAN_YEAR.finditer(a.text, hs, he) if (y := parse_year(m.group(1))) is not None]
        if any(int(m.group(1)) > a.year for m in YEAR_MENTION.finditer(a.text, hs, he)) or \
                any(y > a.year for y in plan_years):
            return None
        named += [((hs, he), y) for y in plan_years]
    # The report's own year or an earlier one ("三、2020年工作计划" in a report on 2021): not the year ahead.
    return next(((span, y) for span, y in named if y <= a.year), None)


def _praises(a: Analysis, praise: re.Pattern[str] | None, lo: int, hi: int, gaps: dict[int | None, bool]) -> bool:
    """Whether [lo, hi) praises outside a comparison: "与先进地区相比还有一定距离", "对照示范创建标准" hold the
    words of praise as the measure a shortcoming falls short of, not as results."""
    if praise is None:
        return False
    ends = a.clause_ends
    last = -1
    for m in praise.finditer(a.text, lo, hi):
        k = bisect_left(ends, m.start())
        if k == last:
            continue  # one look at each clause, however many words of praise it holds
        last = k
        c_lo = max(lo, ends[k - 1] + 1) if k else lo
        c_hi = min(hi, ends[k] + 1) if k < len(ends) else hi
        if not _falls_short(a, c_lo, c_hi, gaps):
            return True
    return False


# A clause that only names a field ("一是行政执法方面", "（二）法治宣传方面的问题"), and one that exhorts ("一是要
# 进一步加强…", "还需持续深化…"): neither tells what is wanting.
_FIELD_ONLY = rx.compile(r"\s*(?:[一二三四五六七八九十]是|第[一二三四五六七八九十][,，、]?"
                         r"|\(?[一二三四五六七八九十\d]{1,2}[.、)])?"
                         r"[^,，。;；:：]{0,12}?(?:方面|领域|环节)(?:的?(?:问题|不足))?\s*[。;；,，]?\s*$")
_EXHORTS = rx.compile(r"(?:^|是|[,，])\s*(?:还|仍|也)?(?:要|需要|需|应|应当|必须|务必)"
                      r"(?:进一步|继续|持续|切实|着力|不断|全面|加快|加大|加强|提升|提高|强化|完善|健全|推进|深化)")


def _clauses(a: Analysis, body: list[Sentence]) -> Iterator[tuple[Sentence, int, int, int]]:
    """Each clause of the part's sentences as (sentence, start, end, since): ``since`` is where a plan cue before
    it still holds — its sentence's start, or past the last colon before it (a plan cue before a colon introduces
    what follows: "有待下一步着力解决：基层司法所人员配备不足…" lists what is wanting, not plans)."""
    ends = a.clause_ends
    colons = [m.start() for m in _COLON.finditer(a.text, body[0].start, body[-1].end)]
    for s in body:
        lo = s.start
        for k in range(bisect_left(ends, s.start), bisect_left(ends, s.end) + 1):
            hi = min(ends[k] + 1, s.end) if k < len(ends) else s.end
            if hi <= lo:
                continue
            c = bisect_left(colons, lo)
            yield s, lo, hi, max(s.start, colons[c - 1] + 1) if c else s.start
            lo = hi


def _tells_anything(rule: SectionRule, a: Analysis, body: list[Sentence]) -> bool:
    """Whether a clause of the part tells something, not as a plan (a plan cue before it in its sentence, not
    before a colon that lists what is wanting), an exhortation or the name of a field."""
    text = a.text
    problems = rx.any_word(tuple(rule.problem_words))
    for _s, lo, hi, since in _clauses(a, body):
        planned = any_start_in(a.fut_starts, since, hi) or _EXHORTS.search(text, lo, hi) is not None
        # A plan that names what is wanting tells it ("下一步仍需着力解决…不高、…偏高的问题").
        wanting = any_start_in(a.neg_starts, lo, hi) or (problems is not None and problems.search(text, lo, hi))
        if (not planned or wanting) and not _FIELD_ONLY.match(text, lo, hi) and _names_something(rule, a, lo, hi):
            return True
    return False


def _names_something(rule: SectionRule, a: Analysis, lo: int, hi: int) -> bool:
    """Whether the clause names what is wanting: something left once the rule's vague words, the pack's
    negation cues and the turns are taken out ("执法力量仍需加强" names 执法力量; "各项工作仍需进一步巩固提升",
    "仍有提升空间" name nothing)."""
    # The standard a comparison names is no shortcoming ("与先进县区相比还存在一定差距"); what falls short is
    # ("出庭应诉率低于全市平均水平").
    clause_text = _MEASURE.sub("", a.text[lo:hi])
    rest = _filler(tuple(rule.vague), tuple(a.pack.manifest.negation or ()), tuple(rule.problem_words)).sub(
        "", clause_text)
    place = _place(a.organ)
    if place:  # the report's own place names no shortcoming ("灵寿县还存在一些不足")
        rest = rest.replace(place, "")
    return len(_HAN.findall(rest)) >= 2


# Told as done: an aspect 了 (not 为了, 了解, 除了, 了结), 已 before a verb (已结案, 已经; not 而已, 已有), the
# year's count (全年共办理…11件).
_DONE = rx.compile(r"(?<![为除])了(?![解结])|(?<![而得])已(?![久有])(?=[\u4e00-\u9fff])"
                   r"|(?:全年|共|累计)[^,，。;；]{0,12}?\d+(?:件|次|场|人次|个|项)")
# Any sign of what is to come (a later year is looked for apart, ``_later_year``).
_AHEAD = rx.compile(r"将|要|拟|计划|力争|争取|继续|持续|进一步|下一步|下步|今后|明年|来年|下一年|新的一年"
                    r"|确保|着力|重点")


def _under_heading(body: list[Sentence]) -> list[Sentence]:
    """A part's sentences under its own heading (``body``, ``_under_own_heading``) but a heading outside any
    section; a sub-heading may be a task itself."""
    return [s for s in body if not (s.heading and s.section is None)]


def _looks_back(rule: SectionRule, a: Analysis, body: list[Sentence]) -> Span | None:
    """For a plan part (``year_ahead``): its first sentence, when every sentence under its heading (``body``)
    tells what was done (了, 已经 …) and none looks ahead (a plan word, a modal, a year after the report's).
    A plan written as tasks ("全面落实…，年内完成…") tells nothing as done."""
    if not rule.year_ahead or not body:
        return None
    for s in body:
        text = a.text[s.start:s.end]
        if not _DONE.search(text) or _AHEAD.search(text) or _later_year(a, text):
            return None
    return (body[0].start, body[0].end)


# A sentence that opens on a plan or a call ("一是将进一步…", "2022年，我县将严格落实…", "要加强…", "拟全面推行…",
# "计划开展…"): a modal right after the item's marker, a year or the body, and an adverb or an act after it; not
# 将 of an object ("将法治政府建设纳入…": done), nor 要求, 要点, 计划生育.  Tried only at a sentence's start.
_MODALS = r"将|要|拟|计划|准备|打算|力争|争取"  # what a plan or a call turns on
_PLAN_OPENING = rx.compile(
    r"\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]|[一二三四五六七八九十]是)?\s*"
    r"(?:(?:(?:19|20)\d\d\s*年度?|明年|下一?步|今后)[,，]?\s*)?(?:[我本][县区市镇乡局委办])?"
    r"(?:" + _MODALS + r")(?!求|点|素|案|闻|件|领|生育)"
    r"(?:进一步|继续|持续|认真|严格|全面|切实|着力|大力|不断|积极|深入|加快|逐步|坚持|加大|重点|扎实|努力|通过|在|于|对|以"
    r"|围绕|聚焦|抓好|做好|推进|推动|落实|加强|强化|完善|健全|开展|组织|建立|实施|实现|提升|提高|深化|优化|规范|严把|发挥"
    r"|贯彻|学习|召开|主持|听取)"
)
_MODAL = rx.compile(_MODALS)  # the words _PLAN_OPENING turns on
_OPENING_REACH = 24  # how far into its sentence the modal of an opening stands (marker, year, body before it)
_UNDONE_MIN_SENTENCES = 5  # a part of fewer sentences says too little either way


def _undone(rule: SectionRule, a: Analysis, body: list[Sentence]) -> tuple[int, int, Span] | None:
    """For a part of the year's work (``undone_max``): how many of its sentences (``body``, headings left out) say
    what is to be done or what is wanting — a plan cue or a negation cue of the pack in them, or an opening on
    将/要/拟/计划 and an act — out of how many, and the first of them, when that is more than the rule allows.
    Real reports state a few such sentences among their work (a tenth at most); a plan or a list of problems put
    under the heading of the year's work states most of them so."""
    if rule.undone_max is None:
        return None
    sents = [s for s in body if not s.heading and s.end - s.start >= 8]
    if len(sents) < _UNDONE_MIN_SENTENCES:
        return None
    # Found from the cues and the modal words, not sentence by sentence: a report's part has a hundred sentences
    # and a few cues.
    starts = [s.start for s in sents]
    lo, hi = starts[0], sents[-1].end
    undone: set[int] = set()

    def sentence(at: int) -> int | None:
        i = bisect_right(starts, at) - 1
        return i if i >= 0 and at < sents[i].end else None

    for found in (a.fut_starts, a.fut_spans[0], a.neg_starts):
        for at in found[bisect_left(found, lo):bisect_left(found, hi)]:
            if (i := sentence(at)) is not None:
                undone.add(i)
    for m in _MODAL.finditer(a.text, lo, hi):
        i = sentence(m.start())
        if i is not None and i not in undone and m.start() - starts[i] <= _OPENING_REACH and \
                _PLAN_OPENING.match(a.text, starts[i], sents[i].end):
            undone.add(i)
    if len(undone) <= rule.undone_max * len(sents):
        return None
    first = sents[min(undone)]
    return len(undone), len(sents), (first.start, first.end)


def _later_year(a: Analysis, text: str) -> bool:
    return a.year is not None and any(int(m.group(1)) > a.year for m in YEAR_MENTION.finditer(text))


def _states_something(rule: SectionRule, a: Analysis, body: list[Sentence]) -> bool:
    """Whether some clause under the part's heading (``body``) names anything once the rule's set phrases,
    the pack's plan cues and years are taken out: "全面落实行政执法三项制度" names 行政执法三项制度; "我们将继续
    努力，推动法治政府建设再上新台阶" names nothing."""
    filler = rx.any_word(tuple(sorted({*rule.set_phrases, *(a.pack.manifest.future or ())})))
    assert filler is not None  # set_phrases is not empty here
    tasks = rx.any_word(tuple(sorted(rule.task_words)))
    # The set phrases of four characters or more, taken out before the work is looked for: a slogan naming a word
    # of work ("体制机制障碍", "治理体系和治理能力") is still a slogan; shorter ones stay, lest 环境 or 度 cut a
    # task's name (营商环境, 制度).
    slogans = rx.any_word(tuple(sorted(w for w in rule.set_phrases if len(w) >= 4)))
    ends = a.clause_ends
    place = _place(a.organ)  # the reporter's place names no task ("为建设美丽灵寿营造良好法治环境")
    short = place[:-1] if len(place) > 2 else ""  # …nor its name without 县/区/市 ("美丽灵寿")
    for sent in body:
        k = bisect_left(ends, sent.start)
        lo = sent.start
        while lo < sent.end:
            hi = min(sent.end, ends[k]) if k < len(ends) else sent.end
            clause = a.text[lo:hi]
            rest = filler.sub("", _YEARS.sub("", clause))
            for name in (place, short):
                if name:
                    rest = rest.replace(name, "")
            # (the work is looked for in the clause itself: a short set phrase inside its name — 营商环境's 环境,
            # 制度's 度 — must not hide it)
            if len(_HAN.findall(rest)) >= 2 and (tasks is None or tasks.search(
                    slogans.sub("", clause) if slogans is not None else clause)):
                return True
            lo, k = hi + 1, k + 1
    return False


_YEARS = rx.compile(r"(?:19|20)\d\d\s*年度?|[一二三四五六七八九十〇零]{4}年度?")


def _filler(vague: tuple[str, ...], negation: tuple[str, ...], problems: tuple[str, ...]) -> re.Pattern[str]:
    # The vague words, the negation cues, the problem words ("还存在一些问题" names no problem), the comparisons
    # and the turns as one alternation (cached by rx.any_word).
    found = rx.any_word(tuple(sorted({*vague, *negation, *problems, *_TURN.pattern.split("|"),
                                    *_COMPARE.pattern.split("|")})))
    assert found is not None  # the turns are never empty
    return found


_HAN = rx.compile(r"[\u4e00-\u9fff]")
_COLON = rx.compile(r"[:：]")
_MEASURE = rx.compile(r"(?:与|同|和|跟|较)[^,，。;；:：]{0,12}?(?:相比|相较|比较)|(?:对照|对标)[^,，。;；:：]{0,16}"
                      # the standard not yet met ("与高质量发展要求还不完全适应"): what is measured stays
                      r"|与[^,，。;；:：]{0,12}?(?:要求|需要|需求|期待|期盼|期望|形势|任务)(?:还|仍|尚)?"
                      r"(?:不完全|不太|不够|不能完全|不十分|不尽|不)?(?:相?适应|相?匹配|相符合?|相协调)")
# The year's work told with its count ("组织领导干部集中学法4次", "全年审核规范性文件12件"): an item of work done.
_WORK_COUNTED = rx.compile(r"(?:组织|开展|办理|审核|审查|举办|召开|发布|制定|出台|清理|完成|受理|化解|调解|培训"
                           r"|检查|评查|编制|印发|作出|处理|答复|学法|学习)[^,，。;；:：]{0,16}?\d+\s*"
                           r"(?:件|次|场|期|人次|项|卷|篇|条)\s*(?=[,，。;；]|$)")


@lru_cache(maxsize=64)
def _place(organ: str | None) -> str:
    """The place the reporter's name is built on ("灵寿县人民政府" → 灵寿县), as lawcheck.text.organs reads it."""
    return organs.seat(organ, None)[1] if organ else ""

# A comparison with a standard or with others that tells a gap: the words of praise in it are the measure, not a
# result ("与先进地区相比还有一定距离").  Not a comparison that praises ("相比上年考核位列全市第一", "对照年度工作要点
# 各项任务均已圆满完成"), nor 比较 as "fairly" ("取得了比较明显成效").
_COMPARE = rx.compile(r"相比|相较|对照|对标|比起|不及|不如|落后于|低于|赶不上")
_GAP = rx.compile(r"差距|距离|不足|不够|不及|不如|落后|低于|赶不上|短板|有待|还有|仍有|尚有|还存在|仍存在")


def _falls_short(a: Analysis, lo: int, hi: int, gaps: dict[int | None, bool]) -> bool:
    """Whether the clause [lo, hi) compares, and its sentence tells a gap ("对照示范创建标准，我县还有一定距离").
    ``gaps`` keeps each sentence's answer: one scan of a sentence, however many clauses it has."""
    if _COMPARE.search(a.text, lo, hi) is None:
        return False
    si = a.st.sentence_at(lo)
    if si not in gaps:
        s_lo, s_hi = (a.st.sentences[si].start, a.st.sentences[si].end) if si is not None else (lo, hi)
        gaps[si] = _GAP.search(a.text, s_lo, s_hi) is not None
    return gaps[si]

# A turn to what is wanting after a denial: "…未发现明显短板，但仍有一些方面需要改进：一是…".
_TURN = rx.compile(r"但|然而|不过|也要看到|也应看到|也应当看到|需要改进|有待改进|一是|首先")


BY_PRESENCE = True  # a shortfall is what the text does not say (see ``Kind.by_presence``)


def matchers(rule: SectionRule) -> list[Matcher]:
    return list(_parts(rule))


def hint_phrases(rule: SectionRule) -> list[str]:
    return anchor_words(_parts(rule))


def check(rule: SectionRule, a: Analysis) -> Outcome:
    lang, st = a.lang, a.st
    sents = [s for s in st.sentences if rule.role in s.roles]
    # What stands under the part's own heading: a long heading ("二、2021年度推进法治政府建设存在的不足和原因")
    # names the part and states none of it.
    body = _under_own_heading(st, sents)
    chars = sum(s.end - s.start for s in body)
    role_name = t(lang, f"role.{rule.role}")
    searched = ([role_name, *[p.label.get(lang) for p in rule.parts]], [rule.role])
    # A part that says there is nothing wanting is told so, however short ("经自查，未发现明显问题。").
    denied = _denied(rule, a, body) if rule.denial and sents else None
    if not sents or (chars < rule.min_chars and denied is None):
        out = Outcome("fail", 0.0, [rule.role])
        if rule.mention:
            m = eval_part(a, rule.mention, set(), negation=False)
            allowed = set(rule.mention_scope)
            spans = [sp for sp in [x[0] for x in m.mentioned] + m.done if roles_at(a, sp[0]) & allowed]
            if spans:
                out = Outcome("partial", a.pack.policy.mention_credit, [rule.role], pick_evidence(a, spans, 1))
                out.details = [t(lang, "mention_only", role=role_name)]
        if sents:
            # The part is there but too thin to count: say that, not "not found" or "only mentioned",
            # and quote its heading.
            out.details = [t(lang, "thin_section", role=role_name, chars=chars, min=rule.min_chars)]
            out.own_message = True
            out.evidence = sorted(set(out.evidence) | {(sents[0].start, sents[0].end)})
        out.searched = searched
        if out.status == "fail":
            out.near_miss = near_miss(a, rule.id, [], set())
        return out
    if denied is not None:
        # The part is there and says there is nothing wanting: the content it must give is not given.
        out = Outcome("fail", 0.0, [rule.role], [denied[0]])
        out.details = [t(lang, denied[1], role=role_name)]
        out.own_message = True
        out.searched = searched
        return out
    heading = next((s for s in sents if s.section is not None and
                    st.sections[s.section].heading_span[0] == s.start), sents[0])
    evidence = [(heading.start, heading.end)]
    def half(evidence: list[Span], detail: str) -> Outcome:
        """The part is there but does not do its job: half the credit, said why."""
        out = Outcome("partial", 0.5, [rule.role], evidence)
        out.details, out.own_message, out.searched = [detail], True, searched
        return out

    stale = _stale_year(rule, a, sents)
    if stale is not None:
        # "三、2023年工作安排" in a report on 2023: the part is there, but for the wrong year.
        return half([stale[0]], t(lang, "plan_year_stale", role=role_name, year=stale[1], next=(a.year or 0) + 1))
    under = _under_heading(body) if rule.year_ahead or rule.set_phrases else []
    looking_back = _looks_back(rule, a, under)
    if looking_back is not None:
        # "三、下一步工作计划 / 2021年，我县组织开展了…": the part tells the year's work, not the next year's.
        return half([(heading.start, heading.end), looking_back], t(lang, "plan_looks_back", role=role_name))
    if rule.set_phrases and not _states_something(rule, a, under):
        # "我们将继续努力，推动法治政府建设再上新台阶": the part is there and sets nothing out.
        return half([(heading.start, heading.end)], t(lang, "set_phrases_only", role=role_name))
    undone = _undone(rule, a, body)
    if undone is not None:
        # "一、工作开展情况 / 2022年，我县将严格落实…；…还不到位": the part tells what is to be done or is wanting,
        # not what was done; as a plan or a problem mentions the year's work, it earns the mention credit.
        out = half(sorted({(heading.start, heading.end), undone[2]}),
                   t(lang, "part_undone", role=role_name, k=undone[0], n=undone[1]))
        out.fraction = a.pack.policy.mention_credit
        return out
    results = [eval_part(a, p, {rule.role}, negation=True) for p in rule.parts]
    credits = [1.0] + [r.credit for r in results]
    fraction = sum(credits) / len(credits)
    for r in results:
        evidence.extend(pick_evidence(a, r.done, 1))
    missing = [p.id for p, r in zip(rule.parts, results, strict=True) if r.credit < 1]
    out = Outcome(status_of(fraction), round(fraction, 4), missing, sorted(set(evidence)))
    if out.status != "pass":
        out.details = part_details(a, list(rule.parts), results)
        if len(rule.parts) == 1 and results[0].credit == 0:
            out.details.insert(0, t(lang, "missing_parts", parts=rule.parts[0].label.get(lang)))
        out.searched = searched
        out.near_miss = near_miss(a, rule.id, results, set())
    return out


def describe(rule: SectionRule, lang: str) -> list[str]:
    out = [f"  {label(lang, 'section')}: {t(lang, 'role.' + rule.role)}"]
    for p in rule.parts:
        out += part_lines(p, lang)
    if rule.mention:  # a bare mention of the section
        out.append(f"  {label(lang, 'mention')}:")
        out += part_lines(rule.mention, lang, "    ")
    if rule.denial:  # the section saying it has nothing to tell
        out.append(f"  {label(lang, 'denial')}:")
        out += part_lines(rule.denial, lang, "    ")
    return out
