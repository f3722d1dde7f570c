"""Where to break a line of Chinese text, as Chinese typesetting does.

A line never starts with closing punctuation (、，。：；）」” …) and never ends with opening
punctuation (（「“ …): a character is moved to the next line instead.  A run of Latin letters,
digits and dots (a rule id, a number, a file name) is never broken in the middle unless it is longer
than a whole line, and then at a dot.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from lawcheck import rx

# 禁则: what may not start a line, and what may not end one (GB/T 15834 and common practice).
NO_START = frozenset("、，。：；！？）］｝〕〗】》〉」』”’…—·%‰,.:;!?)]}")
NO_END = frozenset("（［｛〔〖【《〈「『“‘([{")

# A unit that is never broken inside: an id, a number, a Latin word, a path.
_UNIT = rx.compile(r"[A-Za-z0-9_.\-/:%+#@~]+|\s+|.", re.S)


def break_offsets(text: str, width: int, measure: Callable[[str], int] = len) -> list[int]:
    """The offsets at which ``text`` (one paragraph, no newlines) starts a new line, each line at most
    ``width`` cells wide as ``measure`` counts them."""
    width = max(width, 2)
    units = [(m.start(), m.end()) for m in _UNIT.finditer(text)]
    # A unit wider than the line is split: at its dots, then at _ or -, then by character.
    pieces: list[tuple[int, int]] = []
    for s, e in units:
        _split(text, s, e, width, measure, ".", pieces)
    offsets: list[int] = []
    line_start, used, i = 0, 0, 0
    while i < len(pieces):
        s, e = pieces[i]
        w = measure(text[s:e])
        if text[s].isspace():
            used += w  # a space may hang past the edge: rich strips it at the end of a line
            i += 1
            continue
        if used + w <= width or used == 0:
            used += w
            i += 1
            continue
        j = i  # the piece that would start the next line
        # Where a line has spaces (fields side by side: "机关：…  发布日期：…"), break at the last one
        # when it is near the edge, so a label stays with its value.
        tail = 0
        for k in range(i - 1, -1, -1):
            if pieces[k][0] <= line_start or tail > width // 3:
                break
            if text[pieces[k][0]].isspace():
                j = k + 1
                break
            tail += measure(text[pieces[k][0]:pieces[k][1]])
        # Move pieces down while the next line would start with closing punctuation, or this one
        # end with opening punctuation; never empty the line.
        while j - 1 > 0 and pieces[j - 1][0] > line_start and (
                text[pieces[j][0]] in NO_START or text[_last_visible(text, pieces, j, line_start) - 1] in NO_END
                or text[pieces[j][0]].isspace()):
            j -= 1
        if pieces[j][0] <= line_start:
            j = i
        while j < len(pieces) and text[pieces[j][0]].isspace():
            j += 1  # a line does not start with a space
        if j >= len(pieces):
            break
        line_start = pieces[j][0]
        offsets.append(line_start)
        used, i = 0, j
    return offsets


def _last_visible(text: str, pieces: list[tuple[int, int]], j: int, line_start: int) -> int:
    """The end of the last piece before ``j`` that is not a space (the line's last visible character)."""
    k = j - 1
    while k > 0 and pieces[k][0] > line_start and text[pieces[k][0]].isspace():
        k -= 1
    return pieces[k][1]


def _split(text: str, s: int, e: int, width: int, measure: Callable[[str], int], seps: str,
           out: list[tuple[int, int]]) -> None:
    if measure(text[s:e]) <= width or text[s].isspace():
        out.append((s, e))
        return
    if not seps:
        out.extend((i, i + 1) for i in range(s, e))
        return
    sep, rest = (".", "_-") if seps == "." else (seps, "")
    cuts = [s] + [i + 1 for i in range(s, e - 1) if text[i] in sep] + [e]
    if len(cuts) == 2:
        _split(text, s, e, width, measure, rest, out)
        return
    for a, b in pairwise(cuts):
        _split(text, a, b, width, measure, rest, out)
