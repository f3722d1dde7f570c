"""Year over year (issue 16): this year's report held against the same body's report of the year before.

Three questions an evaluator asks of a unit's reports, answered from the two analyses:

- **plan → done**: each item of last year's plan (``text.items``) is reported as done among this year's
  measures, carried over into this year's plan, admitted among this year's shortcomings, or not mentioned;
- **shortcomings → follow-up**: each problem last year admitted is addressed among this year's measures,
  listed again among this year's problems, or not mentioned;
- **copied text**: passages of this year's report that repeat last year's (``text.copies``), and the share
  of each part they make up.

An item is matched by its words (jieba with the packs' domain dictionary, generic words left out), each
weighted by how rare it is among the two reports' sentences (idf): the share of the item's weight that a
sentence of this year's report, or two sentences in a row, also carries.  What counts, and the
thresholds, come from the pack's ``history`` rules (``Match``, ``CopyRule``).  Everything here is deterministic.
"""

from __future__ import annotations

import functools
import math
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from lawcheck import rx
from lawcheck.text.copies import Copy, copies, skeleton
from lawcheck.text.items import Item, items
from lawcheck.text.normalize import normalize
from lawcheck.text.structure import MEASURES, OTHER, PLAN, PREAMBLE, SHORTCOMINGS, Structure

if TYPE_CHECKING:
    from lawcheck.analysis import Analysis

PlanFate = Literal["done", "carried_over", "admitted", "silent"]
ProblemFate = Literal["addressed", "repeated", "silent"]
Cut = Callable[[str], Iterable[tuple[str, int, int]]]  # jieba's tokenize: (word, start, end), for last year's items

# Where this year's report says what became of an item: its measures (其他, and a long opening that is the
# report's whole text, report the year's work too), its plan, its problems.
_GROUPS = {MEASURES: "measures", PREAMBLE: "measures", OTHER: "measures", PLAN: "plan", SHORTCOMINGS: "shortcomings"}
_PLAN_FATE: dict[str, PlanFate] = {"measures": "done", "plan": "carried_over", "shortcomings": "admitted"}
_PROBLEM_FATE: dict[str, ProblemFate] = {"measures": "addressed", "shortcomings": "repeated"}
_CJK = rx.compile(r"[\u4e00-\u9fff]")
_DIGIT = rx.compile(r"\d")
PARTS = (PREAMBLE, MEASURES, SHORTCOMINGS, PLAN, OTHER)


@dataclass(frozen=True)
class Match:
    """When a passage of this year's report follows up an item of last year's (a ``history`` rule's settings)."""

    match_at: float = 0.35  # the share of the item's weight the passage must carry
    min_shared: int = 2  # … in at least this many words
    generic: frozenset[str] = frozenset()  # words that say nothing about which task (推进, 加强, 工作 …)


@dataclass(frozen=True)
class CopyRule:
    """What counts as copied text (the ``history`` rule's settings)."""

    min_chars: int = 50  # the shortest copied passage, in characters
    numbers: Literal["ignore", "exact"] = "ignore"  # ignore: 12件 and 15件 read alike
    seed: int = 8  # the shortest run of identical characters a copy is built from
    gap: int = 12  # the most characters between two runs of one copied passage (a changed name)
    min_same: float = 0.8  # the share of a copied passage found in last year's report
    worst_parts: tuple[str, ...] = (SHORTCOMINGS, PLAN)  # parts where copying is the worst case
    worst_share: float = 0.5  # a worst part this much copied is said to be copied
    stock: tuple[str, ...] = ()  # phrases every report writes: one mark each, never the stuff of a copy


@dataclass(frozen=True)
class Fate:
    """What became of one item of last year's report."""

    item: Item  # in last year's normalised text
    outcome: str  # a PlanFate or a ProblemFate
    where: tuple[int, int] | None  # the passage of this year's normalised text it went to
    score: float  # the share of the item's weight that passage carries
    shared: tuple[str, ...]  # the words they share, heaviest first


@dataclass(frozen=True)
class Placed:
    """A copied passage and the part of this year's report it stands in."""

    copy: Copy
    part: str


@dataclass
class Copied:
    """The passages of this year's report that repeat last year's, and how much of each part they are."""

    copies: list[Placed] = field(default_factory=list)
    parts: dict[str, tuple[int, int]] = field(default_factory=dict)  # role: (characters, copied characters)
    worst: list[str] = field(default_factory=list)  # worst parts copied beyond worst_share

    @property
    def share(self) -> float:
        """The share of this year's report (its body) that repeats last year's."""
        total = sum(c for c, _ in self.parts.values())
        return sum(k for _, k in self.parts.values()) / total if total else 0.0


@dataclass
class Review:
    """What the checks found, each part filled by its rule (or with the defaults when the pack has none)."""

    plan: list[Fate] | None = None
    problems: list[Fate] | None = None
    copied: Copied | None = None


class Pair:
    """This year's and last year's analyses, with what the three questions share: this year's sentences as
    words, last year's items and their words, each word's weight.  Built once per pair."""

    def __init__(self, this: Analysis, last: Analysis, cut: Cut) -> None:
        self.this, self.last = this, last
        self.plan_items = items(last.st, PLAN)
        self.problem_items = items(last.st, SHORTCOMINGS)
        self.queries = [_query(last.st.text, it, cut) for it in (*self.plan_items, *self.problem_items)]
        # Only the items' words matter in this year's report: found there in one automaton pass (as
        # substrings, as jieba's search mode would also find 科学 in 科学化), not by segmenting all of it.
        self.index = _Index(this.st, sorted({w for q in self.queries for w in q}))
        self.index.weigh(self.queries)
        self.review = Review()

    def plan(self, m: Match) -> list[Fate]:
        """What became of each item of last year's plan."""
        if self.review.plan is None:
            qs = self.queries[:len(self.plan_items)]
            self.review.plan = [_place(it, q, self.index, m, _PLAN_FATE)
                                for it, q in zip(self.plan_items, qs, strict=True)]
        return self.review.plan

    def problems(self, m: Match) -> list[Fate]:
        """What became of each problem last year's report admitted."""
        if self.review.problems is None:
            qs = self.queries[len(self.plan_items):]
            self.review.problems = [_place(it, q, self.index, m, _PROBLEM_FATE)
                                    for it, q in zip(self.problem_items, qs, strict=True)]
        return self.review.problems

    def copied(self, c: CopyRule) -> Copied:
        """The passages of this year's report repeating last year's."""
        if self.review.copied is None:
            self.review.copied = _copied(self.this.st, self.last.st, c)
        return self.review.copied


# ---------------------------------------------------------------- matching items


class _Index:
    """This year's sentences as sets of (last year's items') words, and which sentences hold each word."""

    def __init__(self, st: Structure, vocabulary: list[str]) -> None:
        import ahocorasick_rs

        self.st = st
        body = [s for s in st.sentences if not s.heading or s.section is not None]
        # This year's plan counts where it plans a task: not its lead-in or its closing resolve ("我们将以更加
        # 务实的作风……提供坚实法治保障"), which would carry over every task in general words.
        planned = items(st, PLAN)
        # A report's opening is stock phrases ("坚持严格规范公正文明执法", "…的决策部署"), no task done: only its
        # sentences telling a result ("全年成功创建县级民主法治示范社区", a figure) count; all of it when it is where
        # the report tells its work (longer than _OPENING, or no measures part follows: "存在的问题" and "下一步" only).
        opening = [s for s in body if s.roles == {PREAMBLE}]
        whole = sum(s.end - s.start for s in opening) > _OPENING or not any(MEASURES in s.roles for s in body)
        self.sents = [s for s in body if any(r in _GROUPS for r in s.roles)
                      and (s.roles != {PREAMBLE} or whole or _RESULT.search(st.text, s.start, s.end))
                      and (PLAN not in s.roles or _inside(s.start, s.end, planned))]
        self.starts = [s.start for s in self.sents]
        self.words: list[set[str]] = [set() for _ in self.sents]
        lo, hi = st.body
        if vocabulary and self.sents:
            ac = ahocorasick_rs.AhoCorasick(vocabulary, matchkind=ahocorasick_rs.MatchKind.Standard)
            for pid, s, e in ac.find_matches_as_indexes(st.text[lo:hi], overlapping=True):
                k = bisect_right(self.starts, lo + s) - 1
                if k >= 0 and lo + e <= self.sents[k].end:
                    self.words[k].add(vocabulary[pid])
        # The paragraph (line) of each sentence, as (first, last) sentence of it.
        self.para: list[tuple[int, int]] = []
        first = 0
        for k, sent in enumerate(self.sents):
            if k and (st.text.rfind("\n", 0, sent.start) != st.text.rfind("\n", 0, self.sents[k - 1].start)
                      or self.group(k) != self.group(k - 1)):
                first = k
            self.para.append((first, k))
        for k in range(len(self.para) - 2, -1, -1):
            if self.para[k][0] == self.para[k + 1][0]:
                self.para[k] = self.para[k + 1]
        self.holders: dict[str, list[int]] = {}
        for k, ws in enumerate(self.words):
            for w in ws:
                self.holders.setdefault(w, []).append(k)
        self.idf: dict[str, float] = {}

    def weigh(self, queries: list[dict[str, float]]) -> None:
        """Each word's weight: its idf among this year's sentences and last year's items, times how rare it is
        in Chinese at large (jieba's idf table: 还有, 工作 say less than 法制观念, whatever the two reports)."""
        n = len(self.sents) + len(queries)
        df: dict[str, int] = {w: len(ks) for w, ks in self.holders.items()}
        for q in queries:
            for w in q:
                df[w] = df.get(w, 0) + 1
        general = _general_idf()
        self.idf = {w: math.log(1 + n / d) * min(1.0, max(0.3, general.get(w, _RARE) / _RARE)) for w, d in df.items()}

    def group(self, k: int) -> str:
        roles = self.sents[k].roles
        for role in (SHORTCOMINGS, PLAN, MEASURES, PREAMBLE, OTHER):
            if role in roles:
                return _GROUPS[role]
        return "measures"

    def next_in_section(self, k: int) -> int | None:
        if k + 1 < len(self.sents) and self.sents[k + 1].section == self.sents[k].section:
            return k + 1
        return None


_OPENING = 600  # characters: an opening no longer than this is an opening, not the report's body
_RESULT = rx.compile(r"已(?:经)?(?:全面|全部|基本)?(?:完成|建成|建立|实现|通过|出台|创建)|顺利|成功|圆满|获评|被评为"
                     r"|被命名|通过(?:了)?(?:验收|评审|评估)|建成了|实现了|全覆盖"
                     r"|\d+(?:\.\d+)?\s*(?:件|个|项|次|人|名|场|家|条|%)")


def _inside(start: int, end: int, its: list[Item]) -> bool:
    return any(it.start <= start and end <= it.end for it in its)


_RARE = 12.0  # jieba's idf of a word it has seen about once (its table's median is 12.0); unknown words count as rare


@functools.lru_cache(maxsize=1)
def _general_idf() -> dict[str, float]:
    """jieba's general-corpus idf table (jieba/analyse/idf.txt, shipped with jieba), the words below _RARE
    only (the others weigh fully anyway); parsed once and kept in the private cache (signed, like the packs)."""
    import importlib.util

    from lawcheck.packs.cache import cache_read, cache_write

    spec = importlib.util.find_spec("jieba")  # not ``import jieba.analyse``: that loads jieba's tagger too
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "analyse" / "idf.txt"
    try:
        st = path.stat()
    except OSError:  # a jieba without its table: every word weighs by the two reports alone
        return {}
    key = f"jieba-idf-{st.st_size}-{int(st.st_mtime)}"
    cached = cache_read(key)
    if isinstance(cached, dict):
        return cached
    out: dict[str, float] = {}
    try:
        with path.open(encoding="utf-8") as f:
            for line in f:
                w, _, v = line.rstrip("\n").partition(" ")
                try:
                    idf = float(v)
                except ValueError:
                    continue
                if idf < _RARE and len(w) >= 2:
                    out[w] = idf
    except (OSError, UnicodeDecodeError):
        return {}
    cache_write(key, out)
    return out


def _word(w: str) -> bool:
    return len(w) >= 2 and bool(_CJK.search(w)) and not _DIGIT.search(w)


def _query(text: str, it: Item, cut: Cut) -> dict[str, float]:
    """An item's words and how much each says about it: its head's words count fully, the rest half."""
    q: dict[str, float] = {}
    for w, s, _e in cut(text[it.start:it.end]):
        if _word(w):
            here = 1.0 if it.start + s < it.head_end else 0.5
            q[w] = max(q.get(w, 0.0), here)
    return q


_TOP = 8
_PARA = 12
_COMMON = 64
_CANDIDATES = 24  # an item is as specific as its heaviest words: a long item is not harder to match than a short one


def _place(it: Item, q: dict[str, float], index: _Index, p: Match, fates: dict[str, str]) -> Fate:
    weights = {w: f * index.idf.get(w, 0.0) for w, f in q.items() if w not in p.generic}
    if len(weights) < p.min_shared:
        # A short item made mostly of common words ("行政决策制度落实还不到位"): its common words count too,
        # at half weight, or it could never be matched at all.
        weights.update({w: 0.5 * f * index.idf.get(w, 0.0) for w, f in q.items() if w in p.generic})
    total = sum(sorted(weights.values(), reverse=True)[:_TOP])
    if not total:
        return Fate(it, "silent", None, 0.0, ())
    # The item's body on its own, at full weight: under a thematic heading ("(一)强化法治政府建设的基础性、系统性
    # 工作") the tasks are in the body ("制定复议、诉讼、部门执法共性问题工作指引"), and a follow-up names those.
    body = {w: v / q[w] for w, v in weights.items() if q[w] < 1.0 and w not in p.generic}
    body_total = sum(sorted(body.values(), reverse=True)[:_TOP]) if len(body) >= _TOP else 0.0
    hit: dict[int, set[str]] = {}
    # A word in more than _COMMON sentences weighs little and would make the work items × sentences on a
    # long or repetitive report: it counts in the item's weight, not in finding candidates.
    for w in weights:
        holders = index.holders.get(w, ())
        if len(holders) > _COMMON:
            continue
        for k in holders:
            hit.setdefault(k, set()).add(w)
    # Windows (the sentence, it and the next, its paragraph) only around each part's best sentences: the
    # work per item is bounded whatever the length of the report.
    by_group: dict[str, list[tuple[float, int]]] = {}
    for k, ws in hit.items():
        group = index.group(k)
        if group in fates:
            by_group.setdefault(group, []).append((-sum(weights[w] for w in ws), k))
    best: dict[str, tuple[float, int, int, tuple[str, ...]]] = {}
    for group, ranked in sorted(by_group.items()):
        paras: set[int] = set()
        for k in sorted(k for _w, k in sorted(ranked)[:_CANDIDATES]):
            p0, p1 = index.para[k]
            # A paragraph is a passage up to _PARA sentences (a whole report on one line is not one).
            whole = (p0, p1) if p0 not in paras and 0 < p1 - p0 < _PARA else (None, None)
            paras.add(p0)
            for span in ((k, k), (k, index.next_in_section(k)), whole):
                if span[0] is None or span[1] is None:
                    continue
                shared = set().union(*(hit.get(j, set()) for j in range(span[0], span[1] + 1)))
                if len(shared) < p.min_shared:
                    continue
                score = sum(weights[w] for w in shared) / total
                if body_total:
                    score = max(score, sum(body.get(w, 0.0) for w in shared) / body_total)
                score = min(1.0, score)
                # Equal scores: the earlier, shorter passage.
                if group not in best or score > best[group][0] + 1e-9:
                    words = tuple(sorted(shared, key=lambda w: (-weights[w], w)))
                    best[group] = (score, span[0], span[1], words)  # type: ignore[assignment]
    if not best:
        return Fate(it, "silent", None, 0.0, ())
    # The part that carries most of the item; equal shares: problems, then plan, then measures (the more
    # telling answer for a reviewer).
    order = {"shortcomings": 0, "plan": 1, "measures": 2}
    group = min(best, key=lambda g: (-round(best[g][0], 9), order[g]))
    score, k0, k1, words = best[group]
    if score < p.match_at:
        return Fate(it, "silent", None, round(score, 3), ())
    where = (index.sents[k0].start, index.sents[k1].end)
    outcome = fates[group]
    if group == "measures":
        # Told among the measures, but as not done ("行政复议体制改革尚未启动") or put off ("计划于2022年申报"): the
        # report admits it, or carries it over; never done.
        turn = _not_done(index.st.text, where, words[:3])
        if turn is not None:
            outcome = fates.get(turn) or outcome
    return Fate(it, outcome, where, round(score, 3), words)


# A task the measures tell as not done or put off, in the clause naming it or the clause after ("行政复议体制改革
# 尚未启动", "…,计划于2022年申报").  Not a problem recalled ("针对上年度未能创建…的问题,指导…通过验收", "此前尚未…"),
# a state the task changed ("对尚未达标的社区开展指导"), nor a further step after the task done ("已建成县级示范社区,
# 计划于明年申报市级", "已完成,有待上级验收": 有待 is no cue).
_NOT_YET = rx.compile(r"尚未|未能|暂未|还未|仍未|尚没有|还没有|没有(?:完成|实现|启动|开展|落实|建立|建成|出台|到位)"
                      r"|(?<![无不])未(?:完成|实现|启动|开展|落实|建立|建成|出台|到位|按期|如期|通过|获)|没能|暂缓|搁置|暂停"
                      r"|停滞|尚处于|进度滞后|进展缓慢")
_PUT_OFF = rx.compile(r"(?:计划|拟|将|准备|争取|力争)(?:于|在|到)?(?:明年|下一?年度?|20\d\d年)|推迟|延期|延后")
_RECALLED = rx.compile(r"针对|对于|此前|以往|过去|去年|上年|上一年|原(?:先|来|计划|定)?|曾|解决了?|克服|改变了?")
_STILL = rx.compile(r"至今|仍然|依然|目前|现在|截至")
_DOUBLE = rx.compile(r"(?:无|没有|不存在|杜绝|未发现)[^,，;；。]{0,4}$")  # a negation before the cue: done
_ATTRIBUTE = rx.compile(r"[^,，;；。]{0,8}?的")  # "尚未达标的社区": the cue describes a thing, says nothing of the task
_DONE = rx.compile(r"已(?:经)?(?:全面|全部|基本|如期|按期)?(?:完成|建成|建立|实现|通过|出台|落实|创建|办结)"
                   r"(?!部分|前期|初步|准备)"
                   r"|顺利|成功|圆满|(?:率|比例)均?(?:为|达到?)?100%|全覆盖"
                   r"|获评|被评为|被命名|(?<![未没不])通过[^,，。;；]{0,16}?(?:验收|评审|评估|审核)|建成|全面完成")
_CLAUSE = rx.compile(r"[^,，;；。!?！？\n]+[,，]?")


def _not_done(text: str, where: tuple[int, int], words: tuple[str, ...]) -> str | None:
    """"shortcomings" when the passage says the task named by ``words`` is not done, "plan" when it says it is put
    off to a later year, None when neither is said of it."""
    prev = ""
    for m in _CLAUSE.finditer(text, *where):
        clause = m.group()
        named = [c for c in (prev, clause) if any(w in c for w in words)]
        if named:
            for rx_, turn in ((_NOT_YET, "shortcomings"), (_PUT_OFF, "plan")):
                cue = rx_.search(clause)
                if cue is None:
                    continue
                recalled = _RECALLED.search(clause, 0, cue.start())
                if recalled and not _STILL.search(clause, recalled.end(), cue.start()):
                    continue  # a problem recalled ("针对上年度未能…的问题"), not "原定于11月验收但至今尚未验收"
                if turn == "shortcomings" and (_ATTRIBUTE.match(clause, cue.end())
                                               or _DOUBLE.search(clause, max(0, cue.start() - 6), cue.start())):
                    continue  # "尚未达标的社区"; "没有一项未完成", "无一例未落实"
                if turn == "shortcomings" and prev in named and clause not in named and _DONE.search(prev):
                    continue  # the task done, then a remainder of it not ("被评为示范社区,但档案资料尚未完全规范")
                if turn == "plan" and (_DONE.search(prev) or _DONE.search(clause)):
                    continue  # a further step after the task done
                return turn
        prev = clause if clause.endswith((",", "，")) else ""
    return None


# ---------------------------------------------------------------- copied passages


_SHORT_LINE = 30  # a heading, or a fragment of the next paragraph: not what a copied passage is about


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """A copied passage without the short lines at its edges (the heading every year's report repeats, the
    first characters of the next paragraph)."""
    while True:
        nl = text.find("\n", s, e)
        if nl < 0 or nl - s > _SHORT_LINE:
            break
        s = nl + 1
        while s < e and text[s] in "\n ":
            s += 1
    while True:
        nl = text.rfind("\n", s, e)
        if nl < 0 or e - nl > _SHORT_LINE:
            break
        e = nl
        while e > s and text[e - 1] in "\n ":
            e -= 1
    return s, e


_SENTENCE_END = "。!?;\n"


def _whole_sentences(text: str, s: int, e: int, reach: int, widen_end: bool = True) -> tuple[int, int]:
    """A copied passage widened to the clause it starts in and the sentence it ends in, when their edges are
    near (a changed name just before the first identical run belongs to the passage: "县司法局组织市场监督管理局、
    农业农村局等部门…")."""
    start = max(text.rfind(c, 0, s) for c in _SENTENCE_END + ",") + 1  # the clause, at least
    if 0 < s - start <= 3 * reach:
        s = start
    ends = [i for i in (text.find(c, e - 1) for c in _SENTENCE_END) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    if text[end - 1:end] == "\n":
        end -= 1
    if widen_end and 0 < end - e <= 3 * reach:
        e = end
    return s, e


def _copied(this: Structure, last: Structure, p: CopyRule) -> Copied:
    out = Copied()
    exact = p.numbers == "exact"
    found = []
    stock = tuple(normalize(x).text for x in p.stock)
    # The stock phrases marked differently in the two texts: they never match, they are only bridged.
    for c in copies(skeleton(this.text, *this.body, numbers=exact, stock=stock, stock_mark="\ue000"),
                    skeleton(last.text, *last.body, numbers=exact, stock=stock, stock_mark="\ue001"),
                    seed=p.seed, min_chars=p.min_chars, gap=p.gap, min_same=p.min_same, exact_numbers=exact):
        # With exact numbers a passage ends where a number differs: it is not widened over it.
        ts, te = _trim(this.text, *_whole_sentences(this.text, c.this_start, c.this_end, p.gap, not exact))
        ls, le = _trim(last.text, *_whole_sentences(last.text, c.last_start, c.last_end, p.gap, not exact))
        if te - ts >= p.min_chars and le > ls:
            found.append(Copy(ts, te, ls, le, c.same, c.length))
    covered = bytearray(len(this.text))
    for c in found:
        covered[c.this_start:c.this_end] = b"\x01" * (c.this_end - c.this_start)
    parts: dict[str, list[int]] = {}
    for s in this.sentences:
        role = next((r for r in PARTS if r in s.roles), None)
        if role is None:
            continue
        tally = parts.setdefault(role, [0, 0])
        tally[0] += s.end - s.start
        tally[1] += covered[s.start:s.end].count(1)
    out.parts = {r: (c, k) for r, (c, k) in parts.items()}
    starts = [s.start for s in this.sentences]
    for c in found:
        # The part most of the passage stands in (a whole report copied is its measures, not its preamble).
        share: dict[str, int] = {}
        k = max(0, bisect_right(starts, c.this_start) - 1)
        while k < len(this.sentences) and this.sentences[k].start < c.this_end:
            sent = this.sentences[k]
            role = next((r for r in PARTS if r in sent.roles), None)
            if role is not None:
                share[role] = share.get(role, 0) + max(0, min(sent.end, c.this_end) - max(sent.start, c.this_start))
            k += 1
        part = max(PARTS, key=lambda r: (share.get(r, 0), r == MEASURES)) if share else MEASURES
        out.copies.append(Placed(c, part))
    out.worst = [r for r in p.worst_parts if r in out.parts and out.parts[r][0]
                 and out.parts[r][1] / out.parts[r][0] >= p.worst_share]
    return out
