"""Passages that reports of different units share (issue 16): townships or departments filling in one template.

Each report of a year is reduced to one fingerprint per sentence: a 64-bit hash of the sentence's skeleton
(``text.copies``: punctuation dropped, numbers one mark, and the unit's own place name masked, so that
"长生镇坚持……" and "保家镇坚持……" read alike).  Sentences shared by reports of different units, in runs of
at least ``min_chars`` characters, are the shared passages; units linked by a passage form a cluster.

A sentence every other report writes (a slogan) is the genre, not a template: one shared by more than
``max_units`` reports (and more than half of a year's reports) is left out.  The work is a hash table of
sentences and the pairs of reports that share them: memory grows with the number of sentences, never with
the square of the number of reports; pairs are counted only for sentences below ``max_units``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from lawcheck.text.copies import skeleton
from lawcheck.text.structure import CLOSING, Structure

_SUFFIX = re.compile(r"(?:中共|人民政府|政府|办事处|委员会|管委会|党委|党组|司法局|局|委|办公室)+$")
_MIN_SENTENCE = 12  # skeleton characters: shorter sentences (headings, 特此报告) are everyone's


@dataclass(frozen=True)
class Prints:
    """One report's sentence fingerprints: (hash, start, end) with offsets into its ORIGINAL text."""

    key: str  # the report (its file)
    organ: str | None
    year: int | None
    body: int  # characters of its body
    sentences: list[tuple[int, int, int]]


def place_names(organ: str | None) -> list[str]:
    """What a unit calls itself in its text: 长生镇人民政府 → 长生镇, 长生 (longest first)."""
    if not organ:
        return []
    place = _SUFFIX.sub("", re.sub(r"^中共", "", organ.split()[0]))
    out = [place] if len(place) >= 2 else []
    short = re.sub(r"(?:自治县|自治州|县|区|市|镇|乡|街道|省|自治区)$", "", place)
    if len(short) >= 2 and short != place:
        out.append(short)
    # 彭水苗族土家族自治县长生镇: the township alone is what its sentences name.
    inner = re.search(r"(?:县|区|市)([^县区市]{2,6}?(镇|乡|街道))$", place)
    if inner:
        out.append(inner.group(1))
        if len(inner.group(1)) - len(inner.group(2)) >= 2:
            out.append(inner.group(1)[: -len(inner.group(2))])
    return sorted(set(out), key=lambda s: (-len(s), s))


def fingerprints(st: Structure, key: str, organ: str | None, year: int | None) -> Prints:
    """A report's sentences as hashes (its own place names masked)."""
    names = place_names(organ)
    mask = re.compile("|".join(map(re.escape, names))) if names else None
    out: list[tuple[int, int, int]] = []
    for sent in st.sentences:
        if sent.heading or CLOSING in sent.roles:
            continue
        piece = st.text[sent.start:sent.end]
        if mask is not None:
            piece = mask.sub("#", piece)
        chars = skeleton(piece).chars
        if len(chars) < _MIN_SENTENCE:
            continue
        h = int.from_bytes(hashlib.blake2b(chars.encode("utf-8"), digest_size=8).digest(), "big")
        out.append((h, *st.norm.orig_span(sent.start, sent.end)))
    return Prints(key, organ, year, max(1, st.body[1] - st.body[0]), out)


@dataclass
class Cluster:
    units: list[int]  # indexes into the prints of one year
    passages: list[tuple[int, int, int, list[int]]]  # (unit, start, end, units sharing it): as the first unit has it
    covered: dict[int, int]  # unit: characters in shared passages


def clusters(prints: list[Prints], min_chars: int = 50, max_units: int = 30) -> list[Cluster]:
    """Units of one year that share passages of at least ``min_chars`` characters, largest clusters first."""
    holders: dict[int, list[tuple[int, int]]] = {}  # hash: (unit, sentence index)
    for u, p in enumerate(prints):
        for k, (h, _s, _e) in enumerate(p.sentences):
            holders.setdefault(h, []).append((u, k))
    common = max(max_units, len(prints) // 2)
    # For each pair of units of different organs, the sentences of the first they share.
    shared: dict[tuple[int, int], set[int]] = {}
    for hs in holders.values():
        units = {u for u, _ in hs}
        if len(units) < 2 or len(units) > common:
            continue
        for u, k in hs:
            for v in units:
                if v != u and not _same_organ(prints[u], prints[v]):
                    shared.setdefault((u, v), set()).add(k)
    # Runs of consecutive shared sentences (a sentence between them may differ) long enough to count.
    links: dict[tuple[int, int], list[tuple[int, int, tuple[int, ...]]]] = {}
    for (u, v), ks in shared.items():
        runs = _runs(prints[u], sorted(ks), min_chars)
        if runs:
            links[(u, v)] = runs
    parent = list(range(len(prints)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for u, v in links:
        ru, rv = root(u), root(v)
        if ru != rv:
            parent[max(ru, rv)] = min(ru, rv)
    groups: dict[int, list[int]] = {}
    for u in sorted({x for pair in links for x in pair}):
        groups.setdefault(root(u), []).append(u)
    out: list[Cluster] = []
    for members in groups.values():
        covered: dict[int, list[tuple[int, int]]] = {u: [] for u in members}
        # A passage once, by the sentences it is made of: as the first unit holding it writes it.
        passages: dict[tuple[int, ...], tuple[int, int, int, set[int]]] = {}
        for (u, v), runs in sorted(links.items()):
            if u not in covered:
                continue
            for s, e, hashes in runs:
                covered[u].append((s, e))
                first = passages.get(hashes)
                if first is None:
                    passages[hashes] = (u, s, e, {u, v})
                else:
                    first[3].update((u, v))
        kept = sorted(passages.values(), key=lambda x: (-(x[2] - x[1]), x[0], x[1]))
        out.append(Cluster(members, [(u, s, e, sorted(w)) for u, s, e, w in kept],
                           {u: _union(spans) for u, spans in covered.items()}))
    out.sort(key=lambda c: (-len(c.units), c.units))
    return out


def _same_organ(a: Prints, b: Prints) -> bool:
    return a.organ is not None and a.organ == b.organ


def _runs(p: Prints, ks: list[int], min_chars: int) -> list[tuple[int, int, tuple[int, ...]]]:
    """Consecutive shared sentences of one report (one unshared sentence may sit between two shared ones) as
    original spans of at least ``min_chars`` characters, with the hashes of the shared sentences in them."""
    groups: list[list[int]] = []
    for k in ks:
        if groups and k - groups[-1][-1] <= 2:
            groups[-1].append(k)
        else:
            groups.append([k])
    out = []
    for g in groups:
        s, e = p.sentences[g[0]][1], p.sentences[g[-1]][2]
        if e - s >= min_chars:
            out.append((s, e, tuple(p.sentences[k][0] for k in g)))
    return out


def _union(spans: list[tuple[int, int]]) -> int:
    total, end = 0, -1
    for s, e in sorted(spans):
        if e <= end:
            continue
        total += e - max(s, end)
        end = e
    return total
