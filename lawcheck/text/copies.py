"""Passages one text repeats from another, verbatim or nearly: numbers, dates and names changed, a clause moved.

Both texts are compared in a *skeleton* view: punctuation and spaces dropped (a changed comma copies as
much as an unchanged one), and every run of numerals one character "#" when numbers are not to count
(12件 and 15件, 2022年 and 2023年 read alike).  Runs of identical skeleton characters of at least ``seed``
are found through a table of LAST's ``seed``-grams (linear in the two lengths; a gram repeated more than
``_MAX_REPEAT`` times in LAST is boilerplate and seeds nothing), and runs close to each other in both texts
are chained into one passage: a changed place name or a reordered clause leaves a short gap, not two
passages.  Spans are in the texts as given (the normalised views), start inclusive, end exclusive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lawcheck import rx

# A numeral as reports write counts, years and shares: Arabic with separators, or Chinese numerals that
# stand next to a counted unit or 年/月/日 (一是, 统一 and 进一步 keep their 一).
_NUMBER = rx.compile(
    r"\d+(?:[.,]\d+)*%?"
    r"|[〇零一二两三四五六七八九十百千万亿]{2,}(?=[年月日件项次人个名场条家份余多%])"
    r"|(?<![一二三四五六七八九十第统进唯之])[一二两三四五六七八九十](?=[年月日件项次人个名场条家份余多]|[百千万亿])"
)
_MAX_REPEAT = 8
_KEPT = r"[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9#]"
_RUNS = rx.compile(f"{_KEPT}+")
_DIGITS = rx.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Skeleton:
    """A text's skeleton and, for each of its characters, the offset of the text character it came from."""

    chars: str
    pos: list[int]
    end: list[int]  # offset just after the text character(s) it came from (a masked number: after the run)


def skeleton(text: str, start: int = 0, end: int | None = None, numbers: bool = False,
             stock: tuple[str, ...] = (), stock_mark: str = "#") -> Skeleton:
    """The skeleton of ``text[start:end]``; ``numbers``: keep numerals as written (else each run is "#");
    ``stock``: phrases every report writes (习近平新时代中国特色社会主义思想), each one ``stock_mark`` — give the
    two texts different marks and a stock phrase never matches: the genre's opening strung from them is not a
    copy, and a copied passage with one inside is bridged like a changed name."""
    end = len(text) if end is None else end
    chars: list[str] = []
    pos: list[int] = []
    ends: list[int] = []

    def runs(a: int, b: int) -> None:
        # A run of kept characters costs one match, not one per character.
        for m in _RUNS.finditer(text, a, b):
            s, e = m.span()
            chars.append(m.group())
            pos.extend(range(s, e))
            ends.extend(range(s + 1, e + 1))

    at = start
    masks = _masks(stock, not numbers)
    if masks is not None:
        for m in masks.finditer(text, start, end):
            runs(at, m.start())
            chars.append("#" if m.lastgroup == "num" else stock_mark)
            pos.append(m.start())
            ends.append(m.end())
            at = m.end()
    runs(at, end)
    return Skeleton("".join(chars), pos, ends)


@lru_cache(maxsize=16)
def _masks(stock: tuple[str, ...], numbers: bool) -> re.Pattern[str] | None:
    """One pattern for what reads as one mark: the stock phrases (longest first), and numerals unless kept."""
    parts = [re.escape(p) for p in sorted(set(stock), key=lambda p: (-len(p), p)) if p]
    if numbers:
        parts.append(f"(?P<num>{_NUMBER.pattern})")
    # Built from the pack's stock phrases: the plain compiler (rx caches only the patterns written in the source).
    return re.compile("|".join(parts)) if parts else None


@dataclass(frozen=True, slots=True)
class Copy:
    """A passage of THIS ([this_start, this_end)) repeating LAST ([last_start, last_end)).

    ``same`` is how many skeleton characters of the passage are in runs found in LAST, ``length`` the
    passage's skeleton characters."""

    this_start: int
    this_end: int
    last_start: int
    last_end: int
    same: int
    length: int


@dataclass(frozen=True, slots=True)
class _Run:
    i: int  # start in THIS's skeleton
    j: int  # start in LAST's skeleton
    n: int  # length


def copies(this: Skeleton, last: Skeleton, *, seed: int = 8, anchor: int = 16, min_chars: int = 50, gap: int = 12,
           reach: int = 200, min_same: float = 0.8, exact_numbers: bool = False) -> list[Copy]:
    """The passages of THIS repeating LAST, in THIS's order.

    seed: the shortest run of identical skeleton characters that counts; min_chars: the shortest passage
    (in the text's characters, punctuation included); gap: the most skeleton characters between two runs
    of one passage (a changed name, a clause in between); reach: how far apart in LAST two runs of one
    passage may be (a clause moved); min_same: the share of a passage's skeleton found in LAST; anchor: the
    longest run a passage must hold (stock phrases strung together are not a copy); exact_numbers: a changed
    number is a difference the gap does not bridge (the skeletons keep their digits).
    """
    runs = _runs(this.chars, last.chars, seed)
    out: list[Copy] = []
    for chain in _chains(runs, gap, reach, this.chars if exact_numbers else None):
        i0, i1 = chain[0].i, max(r.i + r.n for r in chain)
        same = sum(r.n for r in chain)
        if same < min_same * (i1 - i0) or max(r.n for r in chain) < anchor:
            continue
        t0, t1 = this.pos[i0], this.end[i1 - 1]
        if t1 - t0 < min_chars:
            continue
        j0, j1 = _source(chain, gap)
        out.append(Copy(t0, t1, last.pos[j0], last.end[j1 - 1], same, i1 - i0))
    return out


def _source(chain: list[_Run], gap: int) -> tuple[int, int]:
    """Where in LAST a passage comes from: the runs that lie together there (each within ``gap`` of the next),
    the group holding most of the passage — a stray run matched far off does not stretch the quote."""
    runs = sorted(chain, key=lambda r: r.j)
    groups: list[list[_Run]] = [[runs[0]]]
    reach = runs[0].j + runs[0].n  # the group's furthest end, kept as it grows (not recomputed per run)
    for r in runs[1:]:
        if r.j - reach <= gap:
            groups[-1].append(r)
            reach = max(reach, r.j + r.n)
        else:
            groups.append([r])
            reach = r.j + r.n
    best = max(groups, key=lambda g: (sum(r.n for r in g), -g[0].j))
    return best[0].j, max(r.j + r.n for r in best)


def _runs(a: str, b: str, k: int) -> list[_Run]:
    """Maximal runs of identical characters of length ≥ k, a's positions against b's, at most one run of b
    per position of a (the longest): repeated text in b is not copied twice."""
    if len(a) < k or len(b) < k:
        return []
    table: dict[str, list[int]] = {}
    for j in range(len(b) - k + 1):
        table.setdefault(b[j:j + k], []).append(j)
    # Open runs by diagonal (i - j): where the run started in a, and the last i it covered.
    open_: dict[int, tuple[int, int]] = {}
    found: list[_Run] = []
    for i in range(len(a) - k + 1):
        js = table.get(a[i:i + k])
        if not js or len(js) > _MAX_REPEAT:
            continue
        for j in js:
            d = i - j
            o = open_.get(d)
            if o is not None and o[1] == i - 1:
                open_[d] = (o[0], i)
            else:
                if o is not None:
                    found.append(_Run(o[0], o[0] - d, o[1] - o[0] + k))
                open_[d] = (i, i)
    found.extend(_Run(s, s - d, e - s + k) for d, (s, e) in open_.items())
    # Keep, for each stretch of a, the longest run: greedily by length, dropping runs overlapping a kept
    # one by more than half (a shorter run on another diagonal is the same text matched elsewhere).
    found.sort(key=lambda r: (-r.n, r.i, r.j))
    covered = bytearray(len(a))
    kept: list[_Run] = []
    for r in found:
        inside = sum(covered[r.i:r.i + r.n])
        if inside * 2 > r.n:
            continue
        if inside:  # trim the overlap off either end
            s, e = r.i, r.i + r.n
            while s < e and covered[s]:
                s += 1
            while e > s and covered[e - 1]:
                e -= 1
            if e - s < k:
                continue
            r = _Run(s, r.j + (s - r.i), e - s)
        covered[r.i:r.i + r.n] = b"\x01" * r.n
        kept.append(r)
    kept.sort(key=lambda r: (r.i, r.j))
    return kept


def _chains(runs: list[_Run], gap: int, reach: int, digits_in: str | None = None) -> list[list[_Run]]:
    """Runs in THIS's order joined while each starts within ``gap`` of the chain's end in THIS and lies within
    ``reach`` of the chain's span in LAST (and, with ``digits_in``, no digit of it lies between them)."""
    chains: list[list[_Run]] = []
    end = lo = hi = 0
    for r in runs:
        between = digits_in[end:r.i] if digits_in is not None and r.i > end else ""
        if chains and r.i - end <= gap and lo - reach <= r.j <= hi + reach and not _DIGITS.search(between):
            chains[-1].append(r)
            end = max(end, r.i + r.n)
            lo, hi = min(lo, r.j), max(hi, r.j + r.n)
        else:
            chains.append([r])
            end, lo, hi = r.i + r.n, r.j, r.j + r.n
    return chains
