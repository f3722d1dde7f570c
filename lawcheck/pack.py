"""A loaded rule pack, compiled: every phrase of every rule in one Aho–Corasick automaton.

One pass of the automaton over a report finds every phrase any rule cares about
(anchors, context words, false friends, negation cues, near-miss terms); the
checks then only look up positions.  That pass is the performance floor.
"""

from __future__ import annotations

import io
import logging
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import ahocorasick_rs

from lawcheck import loader
from lawcheck.errors import Msg, RuleFileError, UsageError
from lawcheck.spec import (
    RULE_MODELS,
    ConceptRule,
    ForbiddenRule,
    Manifest,
    Part,
    Policy,
    SectionRule,
)
from lawcheck.text.normalize import normalize

RULE_TYPES = tuple(RULE_MODELS.values())

Span = tuple[int, int]
Hits = dict[int, list[Span]]

# Words too common to say anything about which rule a sentence nearly satisfied.
_HINT_STOP_WORDS = """工作 制度 推进 落实 履行 职责 情况 建设 加强 全面 进一步 开展 实施 管理 严格 深入 依法 法治
政府 行政 重大 规范 完善 健全 推动 坚持 提高 提升 有关 相关 主要 我们 我县 我区 我市 各级 部门 单位"""
_HINT_STOP = frozenset(_HINT_STOP_WORDS.split())


def _norm_phrase(p: str) -> str:
    return normalize(p).text.strip()


def _part_phrases(part: Part) -> Iterator[str]:
    yield from part.phrases
    yield from part.weak
    yield from part.not_
    for ctx in part.context:
        yield from ctx.any
        yield from ctx.not_
    if part.veto:
        yield from part.veto.any


def _rule_parts(rule: object) -> list[Part]:
    if isinstance(rule, ConceptRule):
        return [*rule.parts, *([rule.collective] if rule.collective else [])]
    if isinstance(rule, SectionRule):
        return [*rule.parts, *([rule.mention] if rule.mention else [])]
    return []


def derive_hints(rules: list, userdict: str) -> dict[str, list[str]]:
    """Near-miss terms per rule: the words (by jieba, with the domain dictionary) of its anchors.

    Runs when a pack is compiled, never per report; the result is cached with the pack.
    """
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    if userdict.strip():
        tok.load_userdict(io.StringIO(userdict))
    out: dict[str, list[str]] = {}
    for rule in rules:
        terms: set[str] = set()
        for part in _rule_parts(rule):
            for phrase in [*part.phrases, *part.weak]:
                p = _norm_phrase(phrase)
                if len(p) >= 2:
                    terms.add(p)
                terms.update(w for w in tok.lcut(p) if len(w) >= 2 and w not in _HINT_STOP)
        if terms:
            out[rule.id] = sorted(terms)
    return out


@dataclass(repr=False)
class RulePack:
    """A validated, compiled rule pack.  Build it with ``load_pack``."""

    root: Path
    digest: str
    manifest: Manifest
    policy: Policy
    rules: tuple
    hints: dict[str, list[str]]
    chain: tuple = ()  # (id, version) of every pack that made this one, base first
    patterns: list[str] = field(default_factory=list)
    _index: dict[str, int] = field(default_factory=dict)
    _raw: dict[str, int | None] = field(default_factory=dict)
    _ac: object = None

    def __post_init__(self) -> None:
        phrases: set[str] = set(self.manifest.negation or ()) | set(self.manifest.future or ())
        for rule in self.rules:
            for part in _rule_parts(rule):
                phrases.update(_part_phrases(part))
            if isinstance(rule, ForbiddenRule):
                for item in rule.items:
                    phrases.update(item.phrases)
                    phrases.update(item.not_)
                    for ctx in item.context:
                        phrases.update(ctx.any)
                        phrases.update(ctx.not_)
        for terms in self.hints.values():
            phrases.update(terms)
        normed = sorted({q for q in (_norm_phrase(p) for p in phrases) if q})
        self.patterns = normed
        self._index = {p: i for i, p in enumerate(normed)}
        self._ac = ahocorasick_rs.AhoCorasick(normed, matchkind=ahocorasick_rs.MatchKind.Standard)

    def __repr__(self) -> str:
        return f"RulePack({self.id!r} {self.version}, {len(self.rules)} rules, {len(self.patterns)} phrases)"

    def ids(self, phrases: list[str]) -> list[int]:
        """Pattern ids of phrases (as written in a rule file); memoised, the checks ask per report."""
        out = []
        raw = self._raw
        for p in phrases:
            if p not in raw:
                raw[p] = self._index.get(_norm_phrase(p))
            i = raw[p]
            if i is not None:
                out.append(i)
        return out

    def find(self, text: str) -> Hits:
        """Every occurrence of every phrase, overlapping, in one pass."""
        hits: defaultdict[int, list[Span]] = defaultdict(list)
        for pid, s, e in self._ac.find_matches_as_indexes(text, overlapping=True):  # type: ignore[attr-defined]
            hits[pid].append((s, e))
        return dict(hits)

    @property
    def id(self) -> str:
        return self.manifest.id

    @property
    def version(self) -> str:
        return self.manifest.version

    def rule(self, rule_id: str):
        for r in self.rules:
            if r.id == rule_id or rule_id in r.aliases:
                return r
        raise KeyError(rule_id)

    def only(self, rule_ids: list[str]) -> RulePack:
        """A pack with a subset of the rules (same vocabulary and policy)."""
        keep = tuple(self.rule(i) for i in rule_ids)
        return RulePack(self.root, self.digest, self.manifest, self.policy, keep,
                        {r.id: self.hints.get(r.id, []) for r in keep}, chain=self.chain)


def rule_order(manifest: Manifest):
    """Categories in the manifest's order (others after, by name); within one, heaviest first, then id."""
    rank = {c: i for i, c in enumerate(manifest.categories)}
    return lambda r: (rank.get(r.category, len(rank)), r.category, -r.weight, r.id)


def builtin_rules_dir() -> Path:
    """The statutory pack: shipped inside the wheel as lawcheck/rules, or rules/ in a checkout."""
    here = Path(__file__).resolve().parent
    for cand in (here / "rules", here.parent / "rules"):
        if (cand / "pack.yaml").is_file():
            return cand
    raise FileNotFoundError("the built-in rule pack is missing (expected lawcheck/rules or ./rules)")


_MEMO: dict[tuple, RulePack] = {}
# The content digest of a set of pack files, by their stamp: evaluate(text) without a loaded pack
# then costs a directory walk, not a read and hash of every rule file.
_DIGESTS: dict[tuple, str] = {}


def builtin_pack_names() -> list[str]:
    """core, then the regional overlays shipped in rules/_packs."""
    root = builtin_rules_dir() / "_packs"
    return ["core", *sorted(p.name for p in root.glob("*") if (p / "pack.yaml").is_file())]


def plugin_packs() -> dict[str, Path]:
    """Packs that pip-installed distributions offer through the ``lawcheck.packs`` entry points.

    An entry point names a callable returning the pack's directory (or the directory itself).
    """
    from importlib.metadata import entry_points

    found: dict[str, Path] = {}
    for ep in sorted(entry_points(group="lawcheck.packs"), key=lambda e: e.name):
        try:
            target = ep.load()
            found[ep.name] = Path(target() if callable(target) else target).resolve()
        except Exception:  # a broken plugin must not stop the built-in packs
            continue
    return found


def load_pack(
    path: str | Path | None = None,
    *,
    packs: list[str | Path] | tuple = (),
    extra: list[str | Path] | tuple = (),
    disable: list[str] | tuple = (),
) -> RulePack:
    """Load (or reuse) rule packs: ``path`` or ``packs`` by name (core, shaanxi, shenzhen, a plugin's)
    or directory, each with everything it extends; the default is the built-in statutory pack.

    ``extra`` are directories of more rule files (ids from their paths under each directory,
    using the pack's vocabulary); ``disable`` lists rule ids to leave out.
    """
    refs = [path] if path is not None else list(packs) or ["core"]
    roots: list[Path] = []
    for ref in refs:
        for root in loader.pack_chain(loader.resolve_pack(ref)):
            if root not in roots:
                roots.append(root)
    extra_roots = [Path(p).resolve() for p in extra]
    for d in extra_roots:
        if not d.is_dir():
            raise RuleFileError(str(d), Msg("no_extra_dir"))
    files = loader.packs_stamp(roots, extra_roots)
    stamp = (tuple(roots), tuple(extra_roots), files)
    digest = _DIGESTS.get(stamp) if files is not None else None
    if digest is None:
        digest = loader.packs_digest(roots, extra_roots)
        if files is not None:
            if len(_DIGESTS) > 64:
                _DIGESTS.clear()
            _DIGESTS[stamp] = digest
    key = (tuple(map(str, roots)), digest, tuple(map(str, extra_roots)), tuple(disable))
    if key in _MEMO:
        return _MEMO[key]
    cached = loader.cache_read(digest)
    pack = None
    if cached is not None:
        try:
            pack = _from_payload(roots[-1], digest, cached)
        except Exception:  # a stale or foreign cache file is rebuilt, never trusted
            pack = None
    if pack is None:
        src = loader.compose(roots, extra_roots)
        rules = sorted(src["rules"], key=rule_order(src["manifest"]))
        hints = derive_hints(rules, src["userdict"])
        pack = RulePack(roots[-1], digest, src["manifest"], src["policy"], tuple(rules), hints,
                        chain=tuple(src["chain"]))
        loader.cache_write(digest, _payload(pack))
    if disable:
        known = {name for r in pack.rules for name in (r.id, *r.aliases)}
        unknown = [d for d in disable if d not in known]
        if unknown:
            raise UsageError(Msg("disable_unknown", ids=", ".join(unknown)))
        off = set(disable)
        pack = pack.only([r.id for r in pack.rules if r.id not in off and not off & set(r.aliases)])
    if len(_MEMO) > 64:  # a long-lived process whose rules keep changing must not grow without end
        _MEMO.clear()
    _MEMO[key] = pack
    return pack


def _payload(pack: RulePack) -> dict:
    return {
        "format": 2,
        "manifest": pack.manifest,
        "policy": pack.policy,
        "rules": pack.rules,
        "hints": pack.hints,
        "chain": pack.chain,
    }


def _from_payload(root: Path, digest: str, data: object) -> RulePack:
    if not isinstance(data, dict) or data.get("format") != 2:
        raise ValueError("not a lawcheck pack cache")
    if not (isinstance(data["manifest"], Manifest) and isinstance(data["policy"], Policy)):
        raise ValueError("not a lawcheck pack cache")
    rules = tuple(data["rules"])
    if not all(isinstance(r, RULE_TYPES) for r in rules):
        raise ValueError("not a lawcheck pack cache")
    return RulePack(root, digest, data["manifest"], data["policy"], rules, dict(data["hints"]),
                    chain=tuple(tuple(c) for c in data["chain"]))
