"""One matcher for every rule that looks for words: a concept's parts, a section's parts, a forbidden item.

A ``Matcher`` is anchors (phrases and regular expressions) that count unless a false friend covers
them, a veto word is near them or a required context word is not.  When a pack is built each matcher
is compiled into the automaton's phrase ids (``CompiledMatcher``), so a check never looks a phrase up
while it runs.  The evaluation helpers here are shared by the kinds that use matchers.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from pydantic import Field, field_validator, model_validator

from lawcheck import rx, saferegex
from lawcheck.i18n import join, t
from lawcheck.kinds.base import PART_ID_RE, Pattern, Role, Span, Strict, Text, Years, role_names
from lawcheck.text import organs

if TYPE_CHECKING:
    from lawcheck.analysis import Analysis
    from lawcheck.text.structure import Section, Sentence

EVIDENCE_PER_PART = 2
Window = Literal["sentence", "clause"] | int


class Context(Strict):
    """Words that must (``any``) occur near an anchor for it to count."""

    any: list[str] = Field(min_length=1)
    not_: list[str] = Field(default_factory=list, alias="not", description="false friends of the context words")
    not_patterns: list[Pattern] = Field(default_factory=list,
                                        description="false friends as regular expressions (a context word inside "
                                                    "one does not count)")
    weak: list[str] = Field(default_factory=list,
                            description="words that hold the context for partial credit only: the act of a "
                                        "meeting the principal leader chairs (常务会议) with no leader named "
                                        "is the leaders' act only in part")
    weak_reason: Text | None = Field(None, description="what a hit that holds the context only by a weak word "
                                                       "lacks, told to the reader (required with weak)")
    window: Window = "sentence"
    headings: bool = Field(False, description="the headings above the sentence count as context too")
    previous: list[str] = Field(default_factory=list,
                                description="words that hold the context from the sentence right before, in the same "
                                            "paragraph: major decisions named, then their steps told in the next "
                                            "sentence (\"全年作出重大行政决策2项。上述事项均公开征求意见…\")")
    own_level: bool = Field(False, description="a context word naming an administrative level (县长, 市委书记, "
                                               "县政府主要负责同志) counts only for the reporter's own level: a 市长 "
                                               "in a county's report is the level above; a department's own are "
                                               "its 局长, not the 县长")

    @model_validator(mode="after")
    def _weak_told(self) -> Context:
        if self.weak and self.weak_reason is None:
            raise ValueError("weak context words need weak_reason: what the reader is told such a hit lacks")
        return self


class Veto(Strict):
    """Words near an anchor that show it is about something else (e.g. 规范性文件 near 合法性审查)."""

    any: list[str] = Field(min_length=1)
    window: Window = "clause"
    unless: list[str] = Field(default_factory=list,
                              description="words that, in the anchor's own clause (its sentence, for a veto over the "
                                          "sentence), keep it about the rule's matter "
                                          "whatever veto word is near: 重大行政决策 listed with 规范性文件 and 合同 "
                                          "before one 合法性审查 (with ``subject``: an unless word before the veto "
                                          "word)")
    subject: bool = Field(False, description="the veto word counts only as the subject of the anchor: before it in "
                                             "the window, with no ``unless`` word before itself (\"分管副县长主持召开"
                                             "…\" is the deputy's act; \"县长带领分管副县长听取…\", \"听取副县长"
                                             "汇报\" are the leader's)")


class Matcher(Strict):
    """Anchors that count unless a false friend covers them, a veto word is near or a context word is not."""

    id: str = Field(pattern=PART_ID_RE)
    label: Text
    phrases: list[str] = Field(default_factory=list)
    patterns: list[Pattern] = Field(default_factory=list, description="regular expressions, matched like phrases")
    not_: list[str] = Field(default_factory=list, alias="not", description="false friends: spans that never count")
    not_patterns: list[Pattern] = Field(default_factory=list,
                                        description="false friends as regular expressions: a hit inside a match "
                                                    "never counts (\"查找问题产生的原因\" names no cause)")
    context: list[Context] | Context = Field(default_factory=list,
                                             description="one context, or several that must all hold")
    veto: Veto | None = None
    years: Years = Field(default_factory=Years, description="report years this applies to (default: all)")

    @field_validator("context", mode="after")
    @classmethod
    def _one_or_many(cls, v: object) -> object:
        return [v] if isinstance(v, Context) else v

    @model_validator(mode="after")
    def _something_to_find(self) -> Matcher:
        if not self.phrases and not self.patterns:
            raise ValueError("give phrases or patterns: something to find")
        return self

    @property
    def contexts(self) -> list[Context]:
        """The contexts (one written alone is a list of one after validation)."""
        return self.context if isinstance(self.context, list) else [self.context]

    def vocabulary(self) -> Iterator[str]:
        """Every phrase the automaton must find for this matcher."""
        yield from self.phrases
        yield from self.not_
        for ctx in self.contexts:
            yield from ctx.any
            yield from ctx.weak
            yield from ctx.not_
            yield from ctx.previous
        if self.veto:
            yield from self.veto.any
            yield from self.veto.unless

    def compile(self, ids: Callable[[list[str]], list[int]]) -> CompiledMatcher:
        return CompiledMatcher(
            anchors=ids(self.phrases),
            not_=ids(self.not_),
            # (the context, the ids that hold it, its false friends, the ids that hold it for full credit, the
            # ids that hold it from the sentence before)
            contexts=[(c, ids([*c.any, *c.weak]), ids(c.not_), ids(c.any), ids(c.previous)) for c in self.contexts],
            veto=ids(self.veto.any) if self.veto else [],
            pattern=saferegex.any_of(self.patterns) if self.patterns else None,
            veto_unless=ids(self.veto.unless) if self.veto else [],
        )


@dataclass(frozen=True)
class CompiledMatcher:
    """A matcher as phrase ids of the pack's automaton (built once, with the pack)."""

    anchors: list[int]
    not_: list[int]
    contexts: list[tuple[Context, list[int], list[int], list[int], list[int]]]
    veto: list[int]
    pattern: str | None  # the matcher's regular expressions as one
    weak: list[int] = field(default_factory=list)
    veto_unless: list[int] = field(default_factory=list)


class Part(Matcher):
    """A concept: any of its phrases, not inside a false friend, in the right context."""

    weight: float = Field(1.0, gt=0, description="the part's share of the rule, relative to the other parts")
    weak: list[str] = Field(default_factory=list, description="phrases that earn partial credit only")
    credit_mentions: bool = Field(
        True, description="a mention outside the year's work (plan, problem, heading) earns the policy's mention credit"
    )

    def vocabulary(self) -> Iterator[str]:
        yield from super().vocabulary()
        yield from self.weak

    def compile(self, ids: Callable[[list[str]], list[int]]) -> CompiledMatcher:
        base = super().compile(ids)
        return CompiledMatcher(base.anchors, base.not_, base.contexts, base.veto, base.pattern, ids(self.weak),
                               base.veto_unless)


def anchor_words(parts: list[Part]) -> list[str]:
    """A rule's own words (phrases and weak phrases of its parts): what its near misses are made of."""
    return [w for part in parts for w in [*part.phrases, *part.weak]]


# ---------------------------------------------------------------- positions


def first_in(a: Analysis, pids: list[int], lo: int, hi: int, not_ids: list[int] | None = None,
             not_patterns: list[str] | tuple = (), accept: Callable[[int, int], bool] | None = None) -> Span | None:
    """The first hit of any of ``pids`` inside [lo, hi) that no false friend covers (and ``accept`` takes)."""
    best: Span | None = None
    for pid in pids:
        spans = a.hits.get(pid)
        if not spans:
            continue
        i = bisect_left(spans, (lo, -1))
        while i < len(spans) and spans[i][0] < hi:
            s, e = spans[i]
            if not ((not_ids and covering(a, not_ids, s, e)) or
                    any(covered_by(a.spans_of(p), s, e) for p in not_patterns) or
                    (accept is not None and not accept(s, e))):
                if best is None or s < best[0]:
                    best = (s, e)
                break
            i += 1
    return best


def any_start_in(starts: list[int], lo: int, hi: int) -> bool:
    i = bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


def covered_by(index: tuple[list[int], list[int]], s: int, e: int) -> bool:
    """Whether a span of the index (starts, running maximum of ends) contains [s, e): one bisection."""
    starts, reach = index
    i = bisect_right(starts, s) - 1
    return i >= 0 and reach[i] >= e


def covering(a: Analysis, not_ids: list[int], s: int, e: int) -> Span | None:
    """The first false-friend hit (of the first phrase that has one) that contains [s, e): two bisections
    per phrase, where a walk through every earlier hit made a report full of false friends quadratic.

    Hits are sorted by start; ``reach`` is the running maximum of their ends, so the first index whose
    reach is ≥ e is the first hit that ends at or after e, and it covers [s, e) when it starts at or
    before s."""
    for pid in not_ids:
        starts, reach = a.hits_index(pid)
        k = bisect_left(reach, e)
        if k < len(starts) and starts[k] <= s:
            return a.hits[pid][k]
    return None


def covering_match(a: Analysis, pattern: str, s: int, e: int) -> Span | None:
    """The first match of ``pattern`` inside one sentence that contains [s, e) (as ``covering``, for a regular
    expression)."""
    starts, reach = a.spans_of(pattern)
    k = bisect_left(reach, e)
    return a.covering_inside(pattern)[k] if k < len(starts) and starts[k] <= s else None


def clause(a: Analysis, sent: Sentence, s: int, e: int) -> Span:
    """The clause around [s, e): from after the last clause-ending mark before ``s`` to the first
    one at or after ``e``, within the sentence."""
    ends = a.clause_ends
    i = bisect_right(ends, s - 1) - 1
    lo = max(sent.start, ends[i] + 1) if i >= 0 else sent.start
    j = bisect_left(ends, e)
    hi = min(sent.end, ends[j]) if j < len(ends) else sent.end
    return min(lo, s), max(hi, e)


def window(a: Analysis, sent: Sentence, s: int, e: int, size: Window) -> Span:
    if size == "sentence":
        return sent.start, sent.end
    if size == "clause":
        return clause(a, sent, s, e)
    n = int(size)
    return max(sent.start, s - n), min(sent.end, e + n)


# The administrative unit a leader word belongs to: its own first character ("县长", "市委常委会") or the
# body named right before it ("县政府主要负责同志", "市委书记", "县委常委会").
_UNIT_WORD = "(自治区|自治州|自治县|自治旗|[省市县区镇乡州旗盟])"
_LEADER_UNIT = rx.compile(_UNIT_WORD + r"(?:委|党委|人民政府|政府|委员会)?$")
_UNIT_FIRST = rx.compile(_UNIT_WORD)
# The heads of departments and their meetings: a government's report does not show its own leaders by them.
_DEPARTMENT_HEAD = rx.compile(r"局长|厅长|部长|委主任|[局厅部委]党组|[局厅部委]务会|(?:局长|部长|主任)办公会")
_HEAD_OF = rx.compile(r"局长|厅长|部长")
_NAMED_BUREAU = rx.compile(r"[\u4e00-\u9fff](?<![我本该])[局厅部]$")
# The departments a 主任 heads: an office, a centre, a committee.
_HEADED_BY_CHAIR = rx.compile(r"(?:办公室|中心|委员会|委|办)$")
_BODY_BEFORE = rx.compile(r"(?:办公室|中心|委员会|委|办|局|厅|部|会|组|处|科|站|所|院|室)$")
_SAME_BODY = {"委": ("委", "委员会"), "办": ("办", "办公室"), "会": ("会", "委员会")}
# A street office (办事处) or an administrative committee (管委会) is headed by a 主任.
_HEADED_BY_DIRECTOR = rx.compile(r"(?:办事处|管委会|管理委员会)$")


def own_level(a: Analysis, s: int, e: int) -> bool:
    """Whether the leader word at [s, e) is the reporting body's own (see ``Context.own_level``)."""
    text = a.text
    word = text[s:e]
    if word == "主任":
        # A bare 主任 (not a 委主任, 办事处主任: their own words) heads the reporter only in the report of an office,
        # a centre or a committee that is a department ("办公室主任主持召开主任办公会议"); never a deputy's, nor
        # a 人大常委会主任 or a 村委会主任 in a government's report.
        if not (a.reporter == "department" and a.organ and _HEADED_BY_CHAIR.search(a.organ)) or (
                s and text[s - 1] == "副"):
            return False
        # After a body's name, the head of that body: the reporter's own ("办公室主任", "我委主任") or another's
        # ("区委依法治区办主任到我委调研").
        named = _BODY_BEFORE.search(text, max(0, s - 6), s)
        return named is None or a.organ.endswith(_SAME_BODY.get(named.group(0), (named.group(0),)))
    m = _UNIT_FIRST.match(word) or _LEADER_UNIT.search(text, max(0, s - 4), s)
    if a.reporter == "department":
        # A department's principal leaders are its own (局长, 局党组); a 县长 or 县委书记 leads another body.
        return m is None
    if a.reporter in ("government", "joint") and _DEPARTMENT_HEAD.search(word) and not (
            "主任" in word and a.organ and _HEADED_BY_DIRECTOR.search(a.organ)):
        return False
    if a.reporter is None and _HEAD_OF.match(word) and _NAMED_BUREAU.search(text, max(0, s - 12), s) and not (
            a.organ and text.endswith(a.organ, max(0, s - len(a.organ)), s)):
        # No reporter known, and the head of a bureau named by its name ("区司法局局长"): the head of that
        # bureau, not the reporter's own leader ("我局局长", "局长" alone may be a department's own).
        return False
    if m is None:
        return True  # "主要负责人", "书记": no level named
    rank, place = organs.seat(a.organ, a.level)
    return rank is None or organs.unit_rank(m.group(1), place) == rank


# ---------------------------------------------------------------- screening a hit


def anchors(a: Analysis, cm: CompiledMatcher, lo: int, hi: int) -> list[Span]:
    """Where a matcher's phrases (one automaton pass, anywhere) and patterns (one regex pass over
    [lo, hi)) occur, in reading order."""
    spans = [sp for pid in cm.anchors for sp in a.hits.get(pid, ())]
    if cm.pattern is not None:
        spans.extend(a.matches_in(cm.pattern, lo, hi))
    return sorted(set(spans))


def context_ok(a: Analysis, ctx: Context, sent: Sentence, s: int, e: int, ctx_ids: list[int],
               ctx_not: list[int], prev_ids: list[int] | None = None) -> bool:
    lo, hi = window(a, sent, s, e, ctx.window)
    if ctx.window == "sentence":  # the same answer for every anchor of the sentence: asked once
        key = (id(ctx), id(ctx_ids), lo)  # the ids too: a weak context is also asked with its full-credit ids
        found = a.context_memo.get(key)
        if found is None:
            found = a.context_memo[key] = _context_in(a, ctx, sent, lo, hi, ctx_ids, ctx_not, prev_ids)
        return found
    return _context_in(a, ctx, sent, lo, hi, ctx_ids, ctx_not, prev_ids)


def _context_in(a: Analysis, ctx: Context, sent: Sentence, lo: int, hi: int, ctx_ids: list[int],
                ctx_not: list[int], prev_ids: list[int] | None = None) -> bool:
    accept = (lambda x, y: own_level(a, x, y)) if ctx.own_level else None
    if first_in(a, ctx_ids, lo, hi, ctx_not, ctx.not_patterns, accept):
        return True
    # A leader named in the heading stands for the sentences under it that name no one ("（五）区长履职情况" over
    # "全年主持召开…"), not for those with a subject of their own ("长寿区司法局认真贯彻落实…" under "一、党政主要负责人
    # 履行…职责情况": the bureau's work, not its leaders').
    if ctx.headings and sent.section is not None and not (ctx.own_level and (
            not _SUBJECTLESS.match(a.text, sent.start) or _any_hit(a, ctx_ids, lo, hi))):
        # (and a sentence that names leaders of its own, refused above, is not given the heading's: "组织全县主要
        # 负责人开展述法" under "（一）主要负责人履职情况" is the reporter organising others)
        for sec in _context_headings(a, sent):
            if first_in(a, ctx_ids, sec.heading_span[0], sec.heading_span[1], ctx_not, ctx.not_patterns, accept):
                return True
        # …and so does the sentence that introduces a list, ending on a colon ("全年作出重大行政决策3项，均严格履行
        # 法定程序，具体如下：" over "(1)公众参与：…", "(2)专家论证：…"): each item is about what it introduced.
        lead = _lead_in(a, sent)
        if lead is not None and first_in(a, ctx_ids, lead[0], lead[1], ctx_not, ctx.not_patterns, accept):
            return True
    if prev_ids:
        # (what the sentence before is about carries over: "全年作出重大行政决策2项。上述事项均公开征求意见…")
        prev = _previous_in_paragraph(a, sent)
        if prev is not None and first_in(a, prev_ids, prev[0], prev[1], ctx_not, ctx.not_patterns, accept):
            return True
    return False


# A sentence that goes on about what the sentence before named: it points back ("上述事项均…", "该决策…", "其中…")
# or names the matter itself in its first clause ("《…实施方案》出台前…", "在制定《…规划》过程中", "决策草案…"); not a
# sentence on something else ("开展法治宣传进社区活动，召开座谈会…", "同时，加强行政执法监督…").
_GOES_ON = rx.compile(r"[^,，。;；:：!！?？\n]{0,10}?(?:上述|以上|前述|这些|其中|(?:决策|方案)草案|事项"
                      # (a plan, a measure: what a body decides — not a law or a draft it comments on: "对《…条例（草
                      # 案）》提出修改意见", "以《行政复议法》修订实施为契机")
                      r"|(?<![对以据照依循彻])《[^《》\n]{1,40}?(?:方案|规划|办法|意见|政策|措施|计划|细则|标准|决定)》"
                      r"|[这该此](?:[一二两三四五六七八九十\d]+)?(?:项|个|件|批)|该(?:决策|方案|规划|办法|草案|政策))")


def _previous_in_paragraph(a: Analysis, sent: Sentence) -> Span | None:
    """The sentence right before ``sent`` in its paragraph (no line break between them, the same section, not a
    heading) when ``sent`` goes on about what it named, or None."""
    st = a.st
    si = st.sentence_at(sent.start)
    if not si or not _GOES_ON.match(a.text, sent.start, sent.end):
        return None
    prev = st.sentences[si - 1]
    if prev.heading or prev.section != sent.section or "\n" in a.text[prev.start:sent.start]:
        return None
    return prev.start, prev.end


_RUN_ITEMS = 12  # items a semicolon run is followed back over


def _semicolon_lead(a: Analysis, sent: Sentence) -> Span | None:
    st, text = a.st, a.text
    si = st.sentence_at(sent.start)
    if si is None:
        return None
    j = si
    while j > 0 and si - j < _RUN_ITEMS:
        prev = st.sentences[j - 1]
        if prev.heading or prev.section != sent.section or text[prev.start:prev.end].rstrip()[-1:] not in (";", "；"):
            break
        j -= 1
    if j == si:
        return None
    first = st.sentences[j]
    found = (text.find(":", first.start, first.end), text.find("：", first.start, first.end))
    colon = min((p for p in found if p >= 0), default=-1)
    return (first.start, colon) if colon > first.start else None


def _lead_in(a: Analysis, sent: Sentence) -> Span | None:
    """The sentence ending on a colon right before the first of the numbered items a sentence stands in; or, for
    items run on with semicolons ("全年作出重大行政决策3项：决策草案均公开征求意见；邀请5名专家论证；…"), the words
    before the colon of the run's first item."""
    st = a.st
    k = sent.section
    if k is None:
        return None
    run = _semicolon_lead(a, sent)
    if run is not None:
        return run
    sec = st.sections[k]
    first = k
    j = k - 1
    while j >= 0 and j != sec.parent:  # back over the items before it (and their own sub-items) to the first
        other = st.sections[j]
        if other.parent == sec.parent:
            if other.rank != sec.rank:
                break
            first = j
        j -= 1
    start = st.sections[first].heading_span[0]
    text = a.text
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0 or text[end - 1] not in ":：":
        return None
    si = st.sentence_at(end - 1)
    if si is None:
        return None
    lead = st.sentences[si]
    return None if lead.heading else (lead.start, lead.end)


# A sentence that opens on its time, its manner or its act, with no subject (the heading's): after an item marker.
_SUBJECTLESS = rx.compile(
    r"(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．])?\s*[,，]?"
    r"(?:全年|年内|今年|本年度?|当年|\d{4}\s*年|上半年|下半年|年初|年底|年终|先后|多次|定期|每季度|每月|坚持|始终|亲自|带头"
    r"|主持|听取|召开|研究|部署|审定|审议|批示|出庭|参加|组织|述法|督办|推动|牵头|作出)"
)


def _any_hit(a: Analysis, ids: list[int], lo: int, hi: int) -> bool:
    """Whether a phrase of ``ids`` starts in [lo, hi) (each phrase's hits are in text order: found by bisection)."""
    for pid in ids:
        starts = a.hits_index(pid)[0]
        k = bisect_left(starts, lo)
        if k < len(starts) and starts[k] < hi:
            return True
    return False


def _context_headings(a: Analysis, sent: Sentence) -> list[Section]:
    """The headings whose words set a sentence's context: the nearest real heading above it.

    A heading's own context is its parent's heading.  An 一是… item is an enumeration inside a
    subsection, so its subsection heading counts too.  Nothing higher: a whole chapter on
    decisions does not make every review inside it a decision step.
    """
    st = a.st
    assert sent.section is not None
    sec = st.sections[sent.section]
    if sent.heading:
        return [st.sections[sec.parent]] if sec.parent is not None else []
    out = [sec]
    if sec.rank == 5 and sec.parent is not None:
        out.append(st.sections[sec.parent])
    return out


# An unless word that names its matter only to set it aside ("对重大行政决策以外的合同…") or to borrow its procedure
# for something else ("参照重大行政决策程序对规范性文件…").
_BESIDE = rx.compile(r"(?:事项)?(?:以外|之外|外的)")
_LIKE = rx.compile(r"参照|比照")


def rejection(a: Analysis, m: Matcher, cm: CompiledMatcher, sent: Sentence | None, s: int, e: int,
              named: bool = True) -> str | None:
    """Why the hit at [s, e) does not count: ``false_friend:<its text>``, ``named_only`` (inside what the pack's
    ``named_only_patterns`` cover: a document received, what was studied; unless ``named`` is False: a name is
    what a forbidden reference is), ``veto`` or ``no_context``; None when it counts.  A hit outside any sentence
    (the title) has no context to satisfy."""
    ff = covering(a, cm.not_, s, e) if cm.not_ else None
    for p in m.not_patterns:
        ff = ff or covering_match(a, p, s, e)
    if ff:
        return "false_friend:" + a.text[ff[0]:ff[1]]
    if named and covered_by(a.named_only, s, e):
        return "named_only"
    if cm.veto and m.veto is not None:
        if sent is None:
            return "veto"
        lo, hi = window(a, sent, s, e, m.veto.window)
        if m.veto.subject:
            v = first_in(a, cm.veto, lo, s)
            if v is not None and not (cm.veto_unless and first_in(a, cm.veto_unless, lo, v[0])):
                return "veto"
        else:
            # The unless words are looked for in the anchor's clause; in the whole sentence when the veto looks
            # there ("全年制定规范性文件8件，均经公开征求意见…" is vetoed by the sentence; "参与街道重大决策、
            # 合同审查…，严格落实重大行政决策程序，进行合法性审查" is kept by it).
            c_lo, c_hi = (lo, hi) if m.veto.window == "sentence" else clause(a, sent, s, e)
            key = (id(cm), lo, hi, c_lo, c_hi)
            vetoed = a.veto_memo.get(key)
            if vetoed is None:
                vetoed = a.veto_memo[key] = first_in(a, cm.veto, lo, hi) is not None and not (
                    cm.veto_unless and first_in(a, cm.veto_unless, c_lo, c_hi, accept=lambda us, ue: not (
                        _BESIDE.match(a.text, ue) or _LIKE.search(a.text, max(0, us - 2), us))))
            if vetoed:
                return "veto"
    if cm.contexts and (sent is None or not all(context_ok(a, c, sent, s, e, ids, nots, prev)
                                                for c, ids, nots, _full, prev in cm.contexts)):
        return "no_context"
    return None


def weak_context(a: Analysis, cm: CompiledMatcher, sent: Sentence, s: int, e: int) -> Context | None:
    """The context a hit that counts holds only by its words for partial credit (``Context.weak``), if any."""
    for c, _ids, nots, full, prev in cm.contexts:
        if c.weak and not context_ok(a, c, sent, s, e, full, nots, prev):
            return c
    return None


# ---------------------------------------------------------------- parts


@dataclass
class PartOutcome:
    """What was found for one part: credit, the hits done (or only weakly), mentions and rejections."""

    credit: float = 0.0
    done: list[Span] = field(default_factory=list)
    weak_done: list[Span] = field(default_factory=list)
    mentioned: list[tuple[Span, str, str]] = field(default_factory=list)  # span, detail key, where
    rejected: list[tuple[Span, str]] = field(default_factory=list)  # span, reason code
    weak_context: Context | None = None  # the context that held the weak hits only for partial credit


_LABEL_MAX = 12  # "（二）原因分析" names a topic; a sub-heading that states a problem and its cause is longer


def eval_part(a: Analysis, part: Part, scope: set[str], negation: bool, headings_state: bool = False) -> PartOutcome:
    """A part's credit: done in ``scope`` (1), only in general terms (weak credit) or only mentioned
    as a plan, a problem, a negation or a heading (mention credit; with ``headings_state`` a sub-heading in
    scope states it: the part's own heading, "二、存在的不足和原因", names it and states nothing)."""
    cm = a.pack.compiled(part)
    st = a.st
    res = PartOutcome()
    lo, hi = st.body
    for weak, spans in ((False, anchors(a, cm, lo, hi)), (True, sorted({sp for pid in cm.weak
                                                                          for sp in a.hits.get(pid, ())}))):
        if weak and res.done:
            break
        done_in: set[int] = set()  # the sentences of res.done
        for s, e in spans:
            if len(done_in) >= EVIDENCE_PER_PART:
                break  # enough evidence; the rest cannot change the part's credit
            si = st.sentence_at(s)
            if si is None:
                continue  # page chrome
            sent = st.sentences[si]
            why = rejection(a, part, cm, sent, s, e)
            if why is not None:
                res.rejected.append(((s, e), why))
                continue
            clo, chi = clause(a, sent, s, e)
            if negation and any_start_in(a.neg_starts, clo, chi):
                res.mentioned.append(((s, e), "negated", ""))
            elif any_start_in(a.fut_starts, sent.start, chi) or covered_by(a.fut_spans, s, e):
                # a plan phrase before it in its sentence or in its clause; inside what a plan pattern covers
                res.mentioned.append(((s, e), "planned", ""))
            elif sent.heading and not (headings_state and sent.roles & scope and sent.section is not None
                                       and st.sections[sent.section].parent is not None  # a sub-heading
                                       and sent.end - sent.start > _LABEL_MAX):
                res.mentioned.append(((s, e), "heading_only", ""))
            elif sent.roles & scope:
                held_weakly = None if weak else weak_context(a, cm, sent, s, e)
                if weak or held_weakly is not None:
                    res.weak_done.append((s, e))
                    if res.weak_context is None:
                        res.weak_context = held_weakly
                else:
                    res.done.append((s, e))
                    done_in.add(si)
            else:
                res.mentioned.append(((s, e), "only_in", role_names(a.lang, sent.roles)))
    policy = a.pack.policy
    if res.done:
        res.credit = 1.0
    elif res.weak_done:
        res.credit = policy.weak_credit
    elif res.mentioned and part.credit_mentions:
        res.credit = policy.mention_credit
    return res


def pick_evidence(a: Analysis, spans: list[Span], limit: int = EVIDENCE_PER_PART) -> list[Span]:
    """Distinct sentences, first ``limit`` in reading order."""
    out: list[Span] = []
    seen: set[int | None] = set()
    for s, e in sorted(spans):
        si = a.st.sentence_at(s)
        if si in seen:
            continue
        seen.add(si)
        out.append((s, e))
        if len(out) >= limit:
            break
    return out


def one_per_sentence(a: Analysis, spans: list[Span]) -> list[Span]:
    out: dict[int | None, Span] = {}
    for sp in sorted(set(spans)):
        out.setdefault(a.st.sentence_at(sp[0]), sp)
    return sorted(out.values())


def part_details(a: Analysis, parts: list[Part], results: list[PartOutcome]) -> list[str]:
    """What is missing and what is there only as a mention, part by part, in the reader's language."""
    lang = a.lang
    details: list[str] = []
    missing = [p.label.get(lang) for p, r in zip(parts, results, strict=True) if r.credit == 0]
    if missing and len(parts) > 1:
        details.append(t(lang, "missing_parts", parts=join(lang, missing)))
    for p, r in zip(parts, results, strict=True):
        if r.credit >= 1 or r.credit == 0:
            continue
        if r.weak_done and r.weak_context is not None and r.weak_context.weak_reason is not None:
            details.append(t(lang, "weak_context", part=p.label.get(lang),
                             reason=r.weak_context.weak_reason.get(lang)))
            continue
        if r.weak_done:
            details.append(t(lang, "weak", part=p.label.get(lang)))
            continue
        _span, key, where = r.mentioned[0]
        details.append(t(lang, key, part=p.label.get(lang), where=where))
    return details


_REJECT_ORDER = {"named_only": 0, "false_friend": 1, "veto": 2, "no_context": 3}


def near_miss(a: Analysis, rule_id: str, parts: list[PartOutcome], used: set[int]) -> tuple[Span, str] | None:
    """The nearest thing to what the rule wants and why it did not count.

    First a hit that was set aside (false friend, about something else, wrong context),
    then a mention outside the year's work not already quoted as evidence, then the
    sentence richest in the rule's own terms.
    """
    st, lang = a.st, a.lang
    rejected = sorted(
        ((_REJECT_ORDER[code.split(":")[0]], span, code) for pr in parts for span, code in pr.rejected),
        key=lambda x: (x[0], x[1]),
    )
    for _rank, span, code in rejected:
        if st.sentence_at(span[0]) not in used:
            name, _, arg = code.partition(":")
            return span, t(lang, f"reason.{name}", text=arg)
    for pr in parts:
        for span, key, where in pr.mentioned:
            if st.sentence_at(span[0]) in used:
                continue
            if key == "only_in":
                return span, t(lang, "reason.out_of_scope", where=where)
            return span, t(lang, f"reason.{key}")
    score: dict[int, set[int]] = {}
    for pid in a.pack.hint_ids.get(rule_id, ()):
        for s, _e in a.hits.get(pid, ()):
            si = st.sentence_at(s)
            if si is not None and si not in used:
                score.setdefault(si, set()).add(pid)
    if not score:
        return None
    best = max(score, key=lambda si: (len(score[si]), -si))
    if len(score[best]) < 2:
        return None
    sent = st.sentences[best]
    return (sent.start, sent.end), t(lang, "reason.related")


def roles_at(a: Analysis, pos: int) -> frozenset[str]:
    si = a.st.sentence_at(pos)
    return a.st.sentences[si].roles if si is not None else frozenset()


__all__ = ["Context", "Matcher", "Part", "PartOutcome", "Role", "Veto"]
