"""A report analysed against a pack: everything the checks share, worked out once per report.

normalise → structure (title, sections with roles, sentences, closing) → the automaton's one pass →
the facts read from the text (year, dates, organ, level, reporter, addressees), overridden by what
the caller states.  Positions are in the normalised text; the scorecard maps them back.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, cast

from lawcheck import regexfold, rx, saferegex
from lawcheck.model import CallerFacts, Level, PreviousFigures, Reporter
from lawcheck.saferegex import PatternTimeout
from lawcheck.text import dates, facts, organs, region, script
from lawcheck.text.dates import Found
from lawcheck.text.figures import FoundFigure, extract
from lawcheck.text.normalize import normalize
from lawcheck.text.structure import Structure, build

Span = tuple[int, int]  # [start, end) in the normalised text
Hits = dict[int, list[Span]]


class Credits(Protocol):
    """The policy's shares of credit a check gives (``lawcheck.packs.models.Policy`` is one)."""

    mention_credit: float
    weak_credit: float
    boundary_credit: float
    history_in_score: bool


class CompiledRules(Protocol):
    """What a check reads from the pack its rule belongs to (``lawcheck.packs.RulePack`` is one): the
    policy's credits, each matcher as phrase ids, the negation and plan cues, the near-miss terms."""

    @property
    def policy(self) -> Credits: ...

    hint_ids: dict[str, list[int]]
    negation_ids: list[int]
    future_ids: list[int]
    indicators: Any  # the pack's indicator catalogue (lawcheck.packs.models.Catalogue)
    trusted: bool  # made of the built-in packs only: its patterns run without a time limit

    def compiled(self, matcher: Any) -> Any: ...  # a CompiledMatcher (lawcheck.kinds.matching)

    folds: dict[str, list[int]]  # a foldable pattern's words, as automaton ids (lawcheck.regexfold)

    def find(self, text: str) -> tuple[dict[int, list[Span]], frozenset[int]]: ...  # hits, words too dense

    def words(self, text: str) -> Any: ...  # (word, start, end) by jieba with the packs' domain dictionary
_CLAUSE_END_RX = rx.compile("[,:;。!?\n]")
_SENTENCE_END_RX = rx.compile("[。;；!?！？\n]")
# A year named in the text, with its month when one follows ("2022年", "2022年度", "2022年1月"); not the start of a
# span ("2022年以来", "2022年起") nor a figure's comparison year written before a dash ("2020—2022年" is read at 2022).
_YEAR_MENTION = rx.compile(r"((?:19|20)\d\d)(?<![\d.]....)\s*年度?(?:\s*(\d{1,2})\s*月)?"
                           r"(?!\s*(?:以来|来|起|至今|开始|以后))")


def _closing(text: str, opening: str, closing: str, lo: int, hi: int) -> int:
    """Where the quotation opened right before ``lo`` closes, before ``hi`` (-1: not there): past the quotations
    inside it ("要求：“全面落实行政执法“三项制度”，…。”" as often typed).  Straight marks do not nest."""
    j = text.find(closing, lo, hi)
    if opening == closing:
        return j
    depth = 1
    while j >= 0:
        depth += text.count(opening, lo, j) - 1
        if depth == 0:
            return j
        lo = j + 1
        j = text.find(closing, lo, hi)
    return -1


_BACK = 80  # how far back a negation that looks back reaches (a sentence's clauses, never a paragraph)
# What a requirement quotes ("上级《…方案》要求：“深入学习贯彻习近平法治思想。”", "县长强调“要全面推行三项制度”"):
# the verb right before the opening mark (a colon, a comma or a space between), the quotation's marks, the most
# it holds, and what may close the clause after it (a quotation closing its clause is what was said; one inside a
# clause names a thing: "明确“三项制度”责任分工", "提出“三个一”工作法").
_REQUIRE_VERBS = frozenset({"要求", "规定", "强调", "指出", "提出", "明确"})
_QUOTES = (("“", "”"), ("「", "」"), ('"', '"'))
_QUOTE_MOST = 2000
_QUOTE_ENDS = frozenset("。!?;,:、\n")
_CLAUSE_MARKS = frozenset(",，;；:：")


@dataclass
class Analysis:
    """A report analysed once, shared by every check."""

    st: Structure
    hits: Hits
    pack: CompiledRules  # the pack the report is checked against (a lawcheck.packs.RulePack)
    lang: Literal["zh", "en"]
    year: int | None
    year_placeholder: bool
    year_found: Found | None
    year_inferred: Found | None
    signed: Found | None
    published: dt.date | None
    published_span: Span | None
    sig_organ: Found | None
    organ: str | None = None
    level: Level | None = None
    level_source: Literal["caller", "organ", "text"] | None = None
    reporter: Reporter | None = None
    # A department's place among reporters (organs.department_tier): local, central (国务院部门), below_county (司法所).
    tier: str | None = None
    recipients: tuple[list[str], Span] | None = None
    copies: tuple[list[str], Span] | None = None
    page_title: str | None = None
    # traditional: matched through a simplified view (same offsets)
    script: Literal["simplified", "traditional"] = "simplified"
    session: bool = False  # delivered to a 人大常委会 session: no signature block
    previous: PreviousFigures | None = None  # last year's report's figures, when the caller gives them
    # Last year's report analysed against the same pack, with what the history rules share (lawcheck.history.Pair).
    pair: Any = None
    last_note: str | None = None  # why last year's report, though given, cannot be held against this one
    pair_forced: bool = False  # reviewed though the two do not look like one body's consecutive years
    # Positions of every clause-ending mark, so that a clause is two bisections, not a walk.
    clause_ends: list[int] = field(default_factory=list)
    # Where each section sits ("一、… > (二)…"), worked out once for all the evidence quoted from it.
    section_labels: dict[int, str] = field(default_factory=dict)
    # Matches of the rules' regular-expression false friends, found once per report and pattern, as
    # (starts, running maximum of the ends): whether one covers a hit is then one bisection.
    regex_spans: dict[str, tuple[list[int], list[int]]] = field(default_factory=dict)
    regex_found: dict[str, list[Span]] = field(default_factory=dict)  # the matches themselves, by pattern
    inside_found: dict[str, list[Span]] = field(default_factory=dict)  # those a false friend may use (covering_inside)
    # The built-in pack's pattern words standing too densely to try their patterns at (their places dropped).
    dense_words: frozenset[int] = frozenset()
    # The same for phrase hits (by phrase id), built when a false friend is first asked about.
    hit_index: dict[int, tuple[list[int], list[int]]] = field(default_factory=dict)
    # The opening and closing quotation marks of each original line (by its start), found once per line.
    quote_marks: dict[int, tuple[list[int], list[int]]] = field(default_factory=dict)
    # Whether a context holds in a sentence-wide window (by the context and the sentence): every anchor of the
    # sentence asks the same question (a sentence of a thousand leaders each a false friend was cubic).
    context_memo: dict[tuple[int, int, int], bool] = field(default_factory=dict)
    # Whether a veto holds for the anchors of one window and clause (each anchor asked the same: a clause of a
    # thousand "重大行政决策以外的…合法性审查" was quadratic).
    veto_memo: dict[tuple[int, int, int, int, int], bool] = field(default_factory=dict)

    _figures: list[FoundFigure] | None = None
    _line_starts: list[int] | None = None
    # Start positions of every negation / future cue, merged and sorted once per report when a check first asks.
    _neg_starts: list[int] | None = None
    _fut_starts: list[int] | None = None
    _fut_spans: tuple[list[int], list[int]] | None = None
    _cues_timeout: PatternTimeout | None = None
    _named_only: tuple[list[int], list[int]] | None = None
    _named_only_timeout: PatternTimeout | None = None
    _own_places: region.OwnPlaces | None = None

    @property
    def own_places(self) -> region.OwnPlaces:
        """The provinces and cities the text names as its own (its superiors' bodies, their documents, firsts in
        them: ``region.own_places``), read when a check first asks: a regional rule whose report's own names give
        no place, or an addressee one level up."""
        if self._own_places is None:
            lines = tuple(x[1] for x in (self.recipients, self.copies) if x is not None)
            self._own_places = region.own_places(self.st.text, lines)
        return self._own_places

    @property
    def named_only(self) -> tuple[list[int], list[int]]:
        """What the pack's ``named_only_patterns`` cover, as (starts, running maximum of the ends): the name of
        a document received or forwarded ("收到市政府办公室印发的《…实施方案》"), a document's provisions
        studied, a procedure declared.  A rule's words inside one are named, not work this body did.  Found
        once per report, when a check first asks; a third-party pattern past its time limit raises
        PatternTimeout in every check that asks (each is then ``unknown``), and is not run again."""
        if self._named_only_timeout is not None:
            raise self._named_only_timeout
        if self._named_only is None:
            patterns = self.pack.manifest.named_only_patterns or ()
            try:
                spans = sorted(sp for p in patterns for sp in self.matches_of(p))
            except PatternTimeout as e:
                self._named_only_timeout = e
                raise
            self._named_only = _reach_index(spans)
        return self._named_only

    @property
    def neg_starts(self) -> list[int]:
        if self._neg_starts is None:
            self._cues()
        assert self._neg_starts is not None
        return self._neg_starts

    @property
    def fut_starts(self) -> list[int]:
        """The plan phrases' starts: each holds for the rest of its sentence ("下一步，…")."""
        if self._fut_starts is None:
            self._cues()
        assert self._fut_starts is not None
        return self._fut_starts

    @property
    def fut_spans(self) -> tuple[list[int], list[int]]:
        """What the plan patterns cover, as (starts, running maximum of the ends): each match is the stretch
        planned or exhorted ("将于明年一季度主持召开…", "强调，要…"), so a hit inside one is a plan."""
        if self._fut_spans is None:
            self._cues()
        assert self._fut_spans is not None
        return self._fut_spans

    def _clauses_back(self, at: int) -> list[int]:
        """The start of the clause right before ``at`` in its sentence, up to 80 characters back (and ``at``'s
        own): where a negation or a plan that looks back (``negation_back_patterns``, ``plan_back_patterns``)
        counts as a cue.  Only that clause: "…全面落实，乡镇综合执法队伍整合工作于2022年6月启动，目前尚未完成"
        says the 整合工作 is not done, not the work told done before it."""
        si = self.st.sentence_at(at)
        lo = max(self.st.sentences[si].start if si is not None else at, at - _BACK)
        text = self.st.text
        k = at - 1
        while k >= lo and text[k] in _CLAUSE_MARKS:  # the mark that ends that clause (the cue may begin after it)
            k -= 1
        while k >= lo and text[k] not in _CLAUSE_MARKS:
            k -= 1
        return [k + 1, at]

    def _clause_start(self, at: int) -> int:
        """Where the clause holding ``at`` starts (after the mark that ends the one before)."""
        k = bisect_left(self.clause_ends, at) - 1
        return self.clause_ends[k] + 1 if k >= 0 else 0

    def _cues(self) -> None:
        """The pack's negation and plan cues, phrases and patterns.  A third-party pattern that runs past its
        time limit on this text raises PatternTimeout in every check that reads the cues (each is then
        ``unknown``, said why), not once for the whole report, and is not run again."""
        if self._cues_timeout is not None:
            raise self._cues_timeout
        manifest = self.pack.manifest
        try:
            neg = [s for pid in self.pack.negation_ids for s, _ in self.hits.get(pid, ())]
            neg.extend(s for p in manifest.negation_patterns or () for s, _ in self.matches_of(p))
            for p in manifest.negation_back_patterns or ():
                for s, _e in self.matches_of(p):
                    neg.extend(self._clauses_back(s))
            fut = [s for pid in self.pack.future_ids for s, _ in self.hits.get(pid, ())]
            # a cue that looks back holds from its clause's start, as a phrase of ``future`` holds from itself
            fut.extend(self._clause_start(s) for p in manifest.future_back_patterns or ()
                       for s, _ in self.matches_of(p))
            # a clause saying what it follows is only planned ("…，计划明年推行") makes each clause before it one
            for p in manifest.plan_back_patterns or ():
                for s, _e in self.matches_of(p):
                    fut.extend(self._clauses_back(s))
            spans = sorted([*(sp for p in manifest.future_patterns or () for sp in self.matches_of(p)),
                            *self._later_years(), *self._quoted_requirements()])
        except PatternTimeout as e:
            self._cues_timeout = e
            raise
        self._neg_starts, self._fut_starts, self._fut_spans = sorted(neg), sorted(fut), _reach_index(spans)

    def _later_years(self) -> list[Span]:
        """What a clause says of a year after the report's, from that year to the clause's end ("2022年全面推行…"
        in the 2021 report): a plan, whatever its verb.  Not a month of that year the report was already written in
        ("2022年1月，县长向县委述法" under a report signed in February: done, as 述法 for the year is), nor a year
        in a document's name ("《2022年法治政府建设工作要点》") or one a span starts from ("2022年以来")."""
        if self.year is None:
            return []
        text, ends, out = self.st.text, self.clause_ends, []
        written = self.signed.value if self.signed is not None and isinstance(self.signed.value, dt.date) else None
        written = written or self.published or dt.date(self.year + 1, 3, 31)
        for m in _YEAR_MENTION.finditer(text):
            year = int(m.group(1))
            if year <= self.year:
                continue
            month = int(m.group(2)) if m.group(2) else None
            if year == self.year + 1 and month is not None and 1 <= month <= 12 and dt.date(year, month, 1) <= written:
                continue
            if text.rfind("《", 0, m.start()) > text.rfind("》", 0, m.start()):
                continue  # inside a document's name
            if m.end() < len(text) and text[m.end()] in ",，":  # "2022年5月，…": the time of the whole sentence
                stop = _SENTENCE_END_RX.search(text, m.end())
                out.append((m.start(), stop.start() if stop else len(text)))
                continue
            k = bisect_left(ends, m.end())
            out.append((m.start(), ends[k] if k < len(ends) else len(text)))
        return out

    def _quoted_requirements(self) -> list[Span]:
        """What a requirement quotes: the words inside the quotation marks after 要求, 规定, 强调, 指出, 提出 or
        明确 ("根据上级《…》要求：“深入学习贯彻习近平法治思想。”", "县长强调：“要全面推行三项制度。”") are what was
        required or said, not what this body did, which it tells outside them ("…。”会后，县政府印发…").  Found in
        the original text, where the marks are (the view drops them), from each opening mark, and not across a
        paragraph; a quotation shorter than four characters, or one that does not close its clause ("明确“三项制度”
        责任分工"), is a name, not words said."""
        norm = self.st.norm
        original, text, out = norm.original, norm.text, []
        for opening, closing in _QUOTES:
            straight = opening == closing  # "…" as typed: the marks pair in turn, each paragraph afresh
            i = original.find(opening)
            while i >= 0:
                k = i
                while k > 0 and i - k < 2 and original[k - 1] in " :：,，\u3000":
                    k -= 1
                said = original[k - 2:k] in _REQUIRE_VERBS
                if not (said or straight):
                    i = original.find(opening, i + 1)
                    continue
                lo = norm.view(i + 1)
                stop = text.find("\n", lo)  # the paragraph's end (the view's line: a page-width break is none)
                stop = norm.orig(stop) if stop >= 0 else len(original)
                j = _closing(original, opening, closing, i + 1, min(stop, i + 1 + _QUOTE_MOST))
                if j < 0:  # not closed in its paragraph
                    i = original.find(opening, stop if straight else i + 1)
                    continue
                if said:
                    hi = norm.view(j)
                    if hi - lo >= 4 and (text[hi - 1] in _QUOTE_ENDS or hi >= len(text) or text[hi] in _QUOTE_ENDS):
                        out.append((lo, hi))
                i = original.find(opening, j + 1 if straight else i + 1)
        return out

    @property
    def year_in_title(self) -> bool:
        """Whether the year the text states (``year_found``) was read from its title."""
        ts = self.st.title_span
        return self.year_found is not None and ts is not None and ts[0] <= self.year_found.span[0] < ts[1]

    @property
    def line_starts(self) -> list[int]:
        """Where each line (a paragraph) of the normalised text starts, found once when first asked for."""
        if self._line_starts is None:
            self._line_starts = [0, *(m.end() for m in re.finditer("\n", self.text))]
        return self._line_starts

    @property
    def figures(self) -> list[FoundFigure]:
        """The figures of the pack's indicators (lawcheck.text.figures), read once when first asked for."""
        if self._figures is None:
            self._figures = extract(self.st, self.pack.indicators.indicators, self.year, self.clause_ends)
        return self._figures

    def __post_init__(self) -> None:
        self.clause_ends = [m.start() for m in _CLAUSE_END_RX.finditer(self.st.text)]

    @property
    def text(self) -> str:
        return self.st.text

    def hits_index(self, pid: int) -> tuple[list[int], list[int]]:
        """A phrase's hits as (starts, running maximum of the ends), in the order of the hits."""
        index = self.hit_index.get(pid)
        if index is None:
            index = self.hit_index[pid] = _reach_index(self.hits.get(pid, ()))
        return index

    def matches_of(self, pattern: str) -> list[Span]:
        """Every match of a rule's pattern in the text, in order: one scan per report and pattern, whichever
        checks ask (two rules with one pattern share it).  The built-in pack's patterns run without the
        time limit third-party ones carry (lawcheck.saferegex)."""
        found = self.regex_found.get(pattern)
        if found is None:
            found = self._folded(pattern) if self.pack.trusted else None
            if found is None:
                found = sorted(saferegex.finditer(pattern, self.text, 0, len(self.text), limit=not self.pack.trusted))
            self.regex_found[pattern] = found
        return found

    def _folded(self, pattern: str) -> list[Span] | None:
        """The built-in pack's pattern tried only where the automaton found a word it begins with
        (lawcheck.regexfold): the same spans as a scan.  None — scan it — when it has no such words, or they
        stand so densely (a text of 对对对…) that trying each place would cost more than one scan."""
        ids = self.pack.folds.get(pattern)
        if ids is None or not self.dense_words.isdisjoint(ids):
            return None
        hits = self.hits
        if len(ids) == 1:  # one word's places: already in order, each once (a third of the patterns)
            starts = [s for s, _e in hits.get(ids[0], ())]
        else:
            starts = sorted({s for pid in ids for s, _e in hits.get(pid, ())})
        if len(starts) * regexfold.TRY_COST > len(self.text):
            return None
        return regexfold.matches_at(saferegex.compile_pattern(pattern, True, True), self.text, starts)

    def matches_in(self, pattern: str, lo: int, hi: int) -> list[Span]:
        """The matches of ``pattern`` that lie inside [lo, hi)."""
        found = self.matches_of(pattern)
        i = bisect_left(found, (lo, -1))
        out = []
        while i < len(found) and found[i][0] < hi:
            if found[i][1] <= hi:
                out.append(found[i])
            i += 1
        return out

    def spans_of(self, pattern: str) -> tuple[list[int], list[int]]:
        """A false friend's matches (``covering_inside``) as (starts, running maximum of the ends)."""
        index = self.regex_spans.get(pattern)
        if index is None:
            index = self.regex_spans[pattern] = _reach_index(self.covering_inside(pattern))
        return index

    def covering_inside(self, pattern: str) -> list[Span]:
        """The matches of a false-friend pattern that do not run from a heading into the text under it (or into
        a heading).  A hit it would set aside is in one sentence, and so is what sets it aside: "（一）加强组织
        领导" over "区政府主要负责同志…" is no "组织…主要负责同志" (someone else's leaders).  A line broken
        inside a sentence (text pasted from a PDF: "组织全区各部门\n主要负责人…") is still one run of words, and its
        match stands.
        The sentence under the heading is scanned again on its own, for the match the run across hid."""
        found = self.inside_found.get(pattern)
        if found is None:
            st = self.st
            starts, sentences = st.sentence_starts, st.sentences
            found = []
            again: list[int] = []
            for sp in self.matches_of(pattern):
                k = bisect_right(starts, sp[0])
                while k < len(starts) and starts[k] < sp[1] and not (sentences[k].heading or sentences[k - 1].heading):
                    k += 1
                if k < len(starts) and starts[k] < sp[1]:
                    again.append(k)
                else:
                    found.append(sp)
            if again:
                for k in dict.fromkeys(again):
                    sent = sentences[k]
                    found.extend(saferegex.finditer(pattern, self.text, sent.start, sent.end,
                                                    limit=not self.pack.trusted))
                found = sorted(set(found))
            self.inside_found[pattern] = found
        return found


def analyse(text: str, pack: CompiledRules, facts_given: CallerFacts | None = None,
            lang: Literal["zh", "en"] = "zh") -> Analysis:
    """Everything the checks share, computed once per report."""
    given = facts_given or CallerFacts()
    written = script.detect(text)
    norm = normalize(text, script.simplify_table() if written == "traditional" else None)
    st = build(norm, dates.forwarded)
    organ_found = dates.organ(st)
    organ = str(organ_found.value) if organ_found else None
    who = facts.reporter(organ, st)
    hits, dense = pack.find(norm.text)
    year_found = dates.report_year(st)
    # Only when the text states no year at all (a placeholder is a statement, and stays one).
    inferred = dates.inferred_report_year(st) if given.report_year is None and year_found is None else None
    said = year_found.value if year_found else inferred.value if inferred else None
    # (a date alone on a line above the text before the report year's November is not its publication — no report
    # is published so early — but a sidebar's or a meeting's day: it decides neither kind nor deadline)
    pub_found = dates.published_date(st, dates.season_opens(said) if isinstance(said, int) else None)
    pub_read = pub_found.value if pub_found else None
    signed = dates.signed_date(st)
    ts = st.title_span
    if given.report_year is None and year_found is not None and ts is not None and ts[0] <= year_found.span[0] < ts[1]:
        # The title's year against the body's, decided by the dates: the year whose report they allow.
        on = [d for d in (signed.value if signed else None, given.published or given.page_published or pub_read)
              if isinstance(d, dt.date)]
        inferred = dates.year_the_dates_allow(st, year_found, on) or inferred
    if given.report_year is not None:
        year: int | None = given.report_year
    elif inferred is not None and year_found is not None and isinstance(inferred.value, int):
        year = inferred.value  # the body's year, the title's contradicted by the dates
    else:
        read = year_found.value if year_found else inferred.value if inferred else None
        year = read if isinstance(read, int) else None  # a placeholder (20xx) states no year
    level = cast("Level | None", given.level or who.level)
    # (--level department says a department reports, whatever the text made of it; a department the text reads as
    # one is already of that kind)
    reporter = cast("Reporter | None", given.reporter or ("department" if given.level == "department" else who.kind))
    return Analysis(
        st=st,
        hits=hits,
        dense_words=dense,
        pack=pack,
        lang=lang,
        year=year,
        year_placeholder=given.report_year is None and year_found is not None and year_found.value is None,
        year_found=year_found,
        year_inferred=inferred,
        signed=signed,
        # the caller's date, else the one a web page showed above the article (its reader kept it), else the text's
        published=given.published or given.page_published or (pub_read if isinstance(pub_read, dt.date) else None),
        published_span=None if given.published or given.page_published else (pub_found.span if pub_found else None),
        sig_organ=dates.signature_organ_line(st),
        organ=organ,
        level=level,
        level_source="caller" if given.level else ("organ" if organ and who.level else "text" if who.level else None),
        reporter=reporter,
        tier=organs.department_tier(organ) if "department" in (level, reporter) else None,
        recipients=facts.recipients(st),
        copies=facts.copies(st),
        page_title=given.title,
        script="traditional" if written == "traditional" else "simplified",
        session=facts.delivered_at_session(st),
        previous=given.previous,
    )


def _reach_index(spans) -> tuple[list[int], list[int]]:  # type: ignore[no-untyped-def]
    """Spans sorted by start as (starts, running maximum of the ends): whether one covers [s, e), and which
    first, is then a bisection."""
    reach: list[int] = []
    for _s, e in spans:
        reach.append(max(e, reach[-1]) if reach else e)
    return [s for s, _e in spans], reach
