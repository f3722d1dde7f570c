"""A rule pack, compiled: every phrase of every rule in one Aho–Corasick automaton, and every matcher as
the automaton's phrase ids.

One pass of the automaton over a report finds every phrase any rule cares about (anchors, context
words, false friends, negation cues, near-miss terms); the checks then only look positions up, by ids
worked out here, once per pack.  That pass is the performance floor.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ahocorasick_rs

from lawcheck import saferegex
from lawcheck.kinds import kind_of
from lawcheck.kinds.base import RuleBase, Span
from lawcheck.kinds.matching import CompiledMatcher, Matcher
from lawcheck.packs.models import Catalogue, Manifest, Policy
from lawcheck.regexfold import TRY_COST, entry_words
from lawcheck.text.normalize import normalize

Hits = dict[int, list[Span]]
_PIECE = 1 << 16  # characters the automaton is handed at once

# Words too common to say anything about which rule a sentence nearly satisfied.
_HINT_STOP_WORDS = """工作 制度 推进 落实 履行 职责 情况 建设 加强 全面 进一步 开展 实施 管理 严格 深入 依法 法治
政府 行政 重大 规范 完善 健全 推动 坚持 提高 提升 有关 相关 主要 我们 我县 我区 我市 各级 部门 单位"""
_HINT_STOP = frozenset(_HINT_STOP_WORDS.split())


def norm_phrase(p: str) -> str:
    """A phrase as the automaton holds it: in the matching view's forms."""
    return normalize(p).text.strip()


def derive_hints(rules: list[RuleBase] | tuple[RuleBase, ...], userdict: str) -> dict[str, list[str]]:
    """Near-miss terms per rule: the words (by jieba, with the domain dictionary) of its anchors.

    Runs when a pack is compiled, never per report; the result is cached with the pack.
    """
    return _hints(rules, domain_tokenizer(userdict))


@functools.lru_cache(maxsize=4)
def domain_tokenizer(userdict: str):  # type: ignore[no-untyped-def]
    """A jieba tokenizer with the packs' domain dictionary, initialised once per process and dictionary."""
    import io
    import logging
    import shutil
    import tempfile

    import jieba

    from lawcheck.packs.cache import private_dir

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    # jieba keeps its dictionary cache (marshal) in the shared temporary folder by default, where another
    # account could plant one (changing the compiled pack) or own the file (a traceback).  Ours lives in
    # the user's private cache folder, or in a private temporary folder used once.
    own = private_dir()
    scratch = None if own is not None else tempfile.mkdtemp(prefix="lawcheck-jieba-")  # mode 0700
    tok.tmp_dir = str(own if own is not None else scratch)
    try:
        if userdict.strip():
            tok.load_userdict(io.StringIO(userdict))
        else:
            tok.initialize()
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
    return tok


def _hints(rules, tok) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    out: dict[str, list[str]] = {}
    for rule in rules:
        terms: set[str] = set()
        for phrase in kind_of(rule).hint_phrases(rule):
            p = norm_phrase(phrase)
            if len(p) >= 2:
                terms.add(p)
            terms.update(w for w in tok.lcut(p) if len(w) >= 2 and w not in _HINT_STOP)
        if terms:
            out[rule.id] = sorted(terms)
    return out


def rule_order(manifest: Manifest):
    """Categories in the manifest's order (others after, by name); within one, heaviest first, then id."""
    rank = {c: i for i, c in enumerate(manifest.categories)}
    return lambda r: (rank.get(r.category, len(rank)), r.category, -r.weight, r.id)


def _regexes(rules: tuple[Any, ...], matchers: list[Matcher], manifest: Manifest) -> list[str]:
    """Every regular expression a check may run over a whole report (``Analysis.matches_of``): each matcher's
    (one union), its and its contexts' ``not_patterns``, the manifest's cues, a rule's own ``pattern``."""
    found: list[str] = [*(manifest.negation_patterns or ()), *(manifest.negation_back_patterns or ()),
                        *(manifest.future_patterns or ()), *(manifest.future_back_patterns or ()),
                        *(manifest.plan_back_patterns or ()), *(manifest.named_only_patterns or ())]
    for m in matchers:
        if m.patterns:
            found.append(saferegex.any_of(m.patterns))
        found.extend(m.not_patterns)
        for c in m.contexts:
            found.extend(c.not_patterns)
    found.extend(r.pattern for r in rules if isinstance(getattr(r, "pattern", None), str))
    return sorted(set(found))


@dataclass(repr=False)
class RulePack:
    """A validated, compiled rule pack.  Build it with ``lawcheck.load_pack``."""

    root: Path
    digest: str
    manifest: Manifest
    policy: Policy
    rules: tuple[Any, ...]  # rules of the registry's kinds, in display order
    hints: dict[str, list[str]]
    chain: tuple = ()  # (id, version) of every pack that made this one, base first
    indicators: Catalogue = field(default_factory=Catalogue)  # the figures read from reports (indicators.yaml)
    userdict: str = ""  # the packs' jieba dictionaries (near-miss hints, matching last year's items)
    patterns: list[str] = field(default_factory=list)
    negation_ids: list[int] = field(default_factory=list)
    future_ids: list[int] = field(default_factory=list)
    hint_ids: dict[str, list[int]] = field(default_factory=dict)
    _index: dict[str, int] = field(default_factory=dict)
    _normed: dict[str, str] = field(default_factory=dict)
    _compiled: dict[int, CompiledMatcher] = field(default_factory=dict)
    # Output objects derived from the pack's rules (a basis as the scorecard cites it), built once per pack.
    output_memo: dict[Any, Any] = field(default_factory=dict)
    # Made of the built-in packs alone (no plugin, no directory of the user's): their regular expressions
    # are lawcheck's own, tested on hostile shapes, and run without the time limit a third party's carry.
    trusted: bool = False
    # The words each of the pack's regular expressions begins with (lawcheck.regexfold), or None: kept in the
    # disk cache (reading them costs a parse per pattern); ``folds`` is each foldable one's automaton ids.
    _entries: dict[str, tuple[str, ...] | None] = field(default_factory=dict)
    folds: dict[str, list[int]] = field(default_factory=dict)
    _ac: Any = None
    _words_only: frozenset[int] = frozenset()  # ids of pattern words that are no rule's phrase
    _longest: int = 1  # characters of the automaton's longest string

    def __post_init__(self) -> None:
        matchers: list[Matcher] = [m for rule in self.rules for m in kind_of(rule).matchers(rule)]
        phrases: set[str] = set(self.manifest.negation or ()) | set(self.manifest.future or ())
        for m in matchers:
            phrases.update(m.vocabulary())
        for terms in self.hints.values():
            phrases.update(terms)
        # Phrases in the matching view's forms; a pack read from the disk cache brings them (normalising
        # every phrase is most of the cost of building a pack).
        known = self._normed
        self._normed = {p: known[p] if p in known else norm_phrase(p) for p in phrases}
        # The words the built-in pack's regular expressions begin with go into the same automaton, as they are
        # written: a pattern runs over the matching view as it is, so its words are looked for there unchanged.
        # Only the built-in pack's: a third party's patterns are scanned, under their time limit.
        known_entries = self._entries
        self._entries = {p: known_entries[p] if p in known_entries else entry_words(p)
                         for p in _regexes(self.rules, matchers, self.manifest)} if self.trusted else {}
        words = {w for ws in self._entries.values() if ws for w in ws}
        phrases_normed = {q for q in self._normed.values() if q}
        normed = sorted(phrases_normed | words)
        self.patterns = normed
        self._index = {p: i for i, p in enumerate(normed)}
        self._ac = ahocorasick_rs.AhoCorasick(normed, matchkind=ahocorasick_rs.MatchKind.Standard)
        self.folds = {p: [self._index[w] for w in ws] for p, ws in self._entries.items() if ws}
        self._words_only = frozenset(self._index[w] for w in words - phrases_normed)
        self._longest = max(map(len, normed), default=1)
        # Everything a check asks the automaton about, as ids, now: never a phrase lookup per report.
        self._compiled = {id(m): m.compile(self.ids) for m in matchers}
        self.negation_ids = self.ids(self.manifest.negation or [])
        self.future_ids = self.ids(self.manifest.future or [])
        self.hint_ids = {rid: self.ids(terms) for rid, terms in self.hints.items()}

    def __repr__(self) -> str:
        return f"RulePack({self.id!r} {self.version}, {len(self.rules)} rules, {len(self.patterns)} phrases)"

    def ids(self, phrases: list[str]) -> list[int]:
        """Automaton ids of phrases as written in a rule file (a phrase that normalises to nothing has none)."""
        normed = self._normed
        found = (self._index.get(normed[p] if p in normed else norm_phrase(p)) for p in phrases)
        return [i for i in found if i is not None]

    def phrase_forms(self) -> dict[str, str]:
        """Every phrase as written and as the automaton holds it (kept in the disk cache)."""
        return dict(self._normed)

    def entry_forms(self) -> dict[str, tuple[str, ...] | None]:
        """Every regular expression of the pack and the words it begins with (kept in the disk cache)."""
        return dict(self._entries)

    def compiled(self, matcher: Matcher) -> CompiledMatcher:
        """A matcher of one of the pack's rules, as phrase ids."""
        try:
            return self._compiled[id(matcher)]
        except KeyError:
            # A kind module's ``matchers`` did not list this matcher: its phrases are not in the automaton.
            raise LookupError(f"matcher {matcher.id!r} is not compiled into the pack: its kind's "
                              f"matchers() must return it") from None

    def words(self, text: str) -> Iterator[tuple[str, int, int]]:
        """The words of ``text`` (jieba with the packs' domain dictionary) as (word, start, end)."""
        # Search mode: a compound and the words in it (科学决策, 科学, 决策), so that 决策科学化 meets 科学决策.
        return domain_tokenizer(self.userdict).tokenize(text, mode="search")

    def find(self, text: str) -> tuple[Hits, frozenset[int]]:
        """Every occurrence of every phrase, overlapping, in one pass; and the pattern words (no rule's phrase)
        that stand too densely to be worth trying their patterns at (``regexfold.TRY_COST``), whose places are
        dropped.  A long text is passed in pieces, so that neither the automaton's list of hits nor the places
        of a word standing everywhere (无无无…, xxx…) grow with the whole text."""
        hits: defaultdict[int, list[Span]] = defaultdict(list)
        n = len(text)
        if n <= _PIECE:  # a report: one piece
            for pid, s, e in self._ac.find_matches_as_indexes(text, overlapping=True):
                hits[pid].append((s, e))
            dense = self._dense(hits, n)  # before the copy: it drops the dense words' places
            return dict(hits), dense
        dense: set[int] = set()
        reach = self._longest - 1
        for a in range(0, n, _PIECE):
            b = min(n, a + _PIECE)
            # A phrase that begins in [a, b) ends within ``reach`` characters after b: found here, once.
            for pid, s, e in self._ac.find_matches_as_indexes(text[a:b + reach], overlapping=True):
                if s < b - a and pid not in dense:
                    hits[pid].append((s + a, e + a))
            dense |= self._dense(hits, n)  # no place of a dense word is kept from then on
        return dict(hits), frozenset(dense)

    def _dense(self, hits: defaultdict[int, list[Span]], n: int) -> frozenset[int]:
        """The pattern words with more places than one in ``TRY_COST`` characters: their places dropped."""
        most = n // TRY_COST
        dense = frozenset(pid for pid in self._words_only if len(hits.get(pid, ())) > most)
        for pid in dense:
            hits.pop(pid, None)
        return dense

    @property
    def id(self) -> str:
        return self.manifest.id

    @property
    def version(self) -> str:
        return self.manifest.version

    def rule(self, rule_id: str) -> Any:
        """A rule by id or former id (alias); KeyError when the pack has none."""
        for r in self.rules:
            if r.id == rule_id or rule_id in r.aliases:
                return r
        raise KeyError(rule_id)

    def only(self, rule_ids: list[str]) -> RulePack:
        """A pack with a subset of the rules (same vocabulary and policy)."""
        keep = tuple(self.rule(i) for i in rule_ids)
        return RulePack(self.root, self.digest, self.manifest, self.policy, keep,
                        {r.id: self.hints.get(r.id, []) for r in keep}, chain=self.chain, indicators=self.indicators,
                        userdict=self.userdict, trusted=self.trusted, _entries=self._entries)
