"""Passages that reports of different units share (issue 16): townships or departments filling in one template.

Each report of a year is reduced to one fingerprint per sentence: a 64-bit hash of the sentence's skeleton
(``text.copies``: punctuation dropped, numbers one mark, and the unit's own place name masked, so that
"长生镇坚持……" and "保家镇坚持……" read alike).  Sentences shared by reports of different units, in runs of
at least ``min_chars`` characters, are the shared passages; units linked by a passage form a cluster.

A sentence every other report writes (a slogan) is the genre, not a template: one shared by more than
``max_units`` reports is left out.  The work is one hash table of sentences and a union-find over the
reports: time and memory grow with the number of sentences, never with the square of the number of
reports.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from dataclasses import dataclass

from lawcheck import rx
from lawcheck.text.copies import skeleton
from lawcheck.text.structure import CLOSING, Structure

_SUFFIX = rx.compile(r"(?:中共|人民政府|政府|办事处|委员会|管委会|党委|党组|司法局|局|委|办公室)+$")
_MIN_SENTENCE = 12  # skeleton characters: shorter sentences (headings, 特此报告) are everyone's


@dataclass(frozen=True)
class Prints:
    """One report's sentence fingerprints: hashes[k] of the k-th sentence, starts[k]/ends[k] its offsets into
    the ORIGINAL text.  Arrays, not tuples: a folder of 10,000 reports keeps a million of them (16 bytes each
    instead of some 150)."""

    key: str  # the report (its file)
    organ: str | None
    year: int | None
    body: int  # characters of its body
    hashes: array
    starts: array
    ends: array


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
    # The units' own place names: the plain compiler (rx caches only the patterns written in the source).
    mask = re.compile("|".join(map(re.escape, names))) if names else None
    hashes, starts, ends = array("Q"), array("L"), array("L")
    for sent in st.sentences:
        if sent.heading or CLOSING in sent.roles:
            continue
        piece = st.text[sent.start:sent.end]
        if mask is not None:
            piece = mask.sub("#", piece)
        chars = skeleton(piece).chars
        if len(chars) < _MIN_SENTENCE:
            continue
        hashes.append(int.from_bytes(hashlib.blake2b(chars.encode("utf-8"), digest_size=8).digest(), "big"))
        s, e = st.norm.orig_span(sent.start, sent.end)
        starts.append(s)
        ends.append(e)
    body = st.norm.orig_span(*st.body)  # shares are of the original text, as the passages' offsets are
    return Prints(key, organ, year, max(1, body[1] - body[0]), hashes, starts, ends)


@dataclass
class Cluster:
    units: list[int]  # indexes into the prints of one year
    passages: list[tuple[int, int, int, list[int]]]  # (unit, start, end, units sharing it): as the first unit has it
    covered: dict[int, int]  # unit: characters in shared passages


def clusters(prints: list[Prints], min_chars: int = 50, max_units: int = 50) -> list[Cluster]:
    """Units of one year that share passages of at least ``min_chars`` characters, largest clusters first.

    Linear in the sentences: a sentence's holders are joined once (never pair by pair), and a sentence held
    by more than ``max_units`` reports is the genre's, not a template's."""
    shared = _shared(prints, max_units)
    parent = list(range(len(prints)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    joined: set[int] = set()
    covered: dict[int, list[tuple[int, int]]] = {}
    passages: dict[frozenset[int], tuple[int, int, int, set[int]]] = {}
    for u, p in enumerate(prints):
        ks = [k for k, h in enumerate(p.hashes) if h in shared]
        for s, e, hashes in _runs(p, ks, min_chars):
            covered.setdefault(u, []).append((s, e))
            who: set[int] = set()
            for h in hashes:
                who.update(shared[h])
                if h not in joined:  # each sentence's holders joined once: linear, never pair by pair
                    joined.add(h)
                    first = shared[h][0]
                    for v in shared[h][1:]:
                        ru, rv = root(first), root(v)
                        if ru != rv:
                            parent[max(ru, rv)] = min(ru, rv)
            # One passage whatever the order of its sentences in each report (two sentences swapped).
            key = frozenset(hashes)
            first_seen = passages.get(key)
            if first_seen is None:
                passages[key] = (u, s, e, who)
            else:
                first_seen[3].update(who)
    groups: dict[int, list[int]] = {}
    for u in sorted(covered):
        groups.setdefault(root(u), []).append(u)
    by_group: dict[int, list[tuple[int, int, int, set[int]]]] = {}
    for u, s, e, who in passages.values():
        by_group.setdefault(root(u), []).append((u, s, e, who))
    out: list[Cluster] = []
    for g, members in groups.items():
        if len(members) < 2:
            continue  # its sentences' other holders have no run of their own long enough
        kept = sorted(by_group.get(g, []), key=lambda x: (-(x[2] - x[1]), x[0], x[1]))
        out.append(Cluster(members, [(u, s, e, sorted(w & set(members))) for u, s, e, w in kept],
                           {u: _union(covered[u]) for u in members}))
    out.sort(key=lambda c: (-len(c.units), c.units))
    return out


def _shared(prints: list[Prints], max_units: int) -> dict[int, list[int]]:
    """The sentences (by hash) held by 2 to ``max_units`` reports of at least two organs, with their holders.

    Found by sorting one flat array of every (hash, report) — not a dictionary entry per sentence of the
    folder, most of which no other report holds."""
    flat = array("Q", (h for p in prints for h in p.hashes))
    owner = array("L", (u for u, p in enumerate(prints) for _ in range(len(p.hashes))))
    order = sorted(range(len(flat)), key=flat.__getitem__)
    out: dict[int, list[int]] = {}
    i = 0
    while i < len(order):
        h = flat[order[i]]
        j = i
        while j < len(order) and flat[order[j]] == h:
            j += 1
        if j - i >= 2:
            units = sorted({owner[order[k]] for k in range(i, j)})
            if 2 <= len(units) <= max_units and len({prints[u].organ or f"#{u}" for u in units}) >= 2:
                out[h] = units
        i = j
    return out


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
        s, e = p.starts[g[0]], p.ends[g[-1]]
        if e - s >= min_chars:
            out.append((s, e, tuple(p.hashes[k] for k in g)))
    return out


def _union(spans: list[tuple[int, int]]) -> int:
    total, end = 0, -1
    for s, e in sorted(spans):
        if e <= end:
            continue
        total += e - max(s, end)
        end = e
    return total
