"""Normalise a report once, keeping a map back to the original character offsets.

The matching view folds full-width forms (NFKC), odd spaces, dashes and CRLF, and
drops characters that only get in the way of phrase matching (BOM, zero-width
characters, quotation marks, spaces next to CJK text).  Every later stage works on
the normalised text; evidence is mapped back through ``NormText.orig_span``.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from lawcheck import rx
from lawcheck.text.reflow import comma_breaks, run_on_breaks, soft_breaks, starts_heading

# One-to-one replacements (offsets unchanged).  Full-width ASCII is covered by NFKC
# too, but str.translate does it at C speed for the common case.
_ONE_TO_ONE: dict[int, str] = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
_ONE_TO_ONE.update(
    {
        0x3000: " ", 0x00A0: " ", 0x2007: " ", 0x202F: " ", 0x205F: " ", 0x1680: " ",
        0x0009: " ", 0x0085: "\n", 0x2028: "\n", 0x2029: "\n",
        0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "-", 0x2015: "-",
        0x2212: "-", 0xFE58: "-", 0xFE63: "-", 0x2E3A: "-", 0x2E3B: "-",
        0x25CB: "〇", 0x25EF: "〇",  # "二○二二年": a circle used as zero
    }
)
_ONE_TO_ONE.update({cp: " " for cp in range(0x2000, 0x200B)})
_TRANSLATE = str.maketrans(_ONE_TO_ONE)
_REPLACE = {chr(k): v for k, v in _ONE_TO_ONE.items()}
_MAPPED = rx.compile("[" + "".join(re.escape(c) for c in sorted(_REPLACE)) + "]")

# Characters removed from the matching view.  Quotation marks are dropped so that
# 行政执法“三项制度” matches 行政执法三项制度; book-title marks 《》 are kept because
# rules about cited documents need them.
# Invisible format characters pasted in with web and Office text — direction marks and embeddings (U+200E/F,
# U+202A–E, U+2066–9, U+061C), the Mongolian vowel separator — and control characters other than the line's
# own (a NUL, a BEL): inside a key phrase ("法治\u200f政府") they hid it (found in review: a report's title
# so marked read as another work's summary); evidence still points at the original text.
_INVISIBLE = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u180e"
_CONTROLS = "".join(map(chr, [*range(0x00, 0x09), *range(0x0e, 0x1c), 0x7f]))
_DROP = "\ufeff\u200b\u200c\u200d\u2060\u00ad\r“”‘’\"'「」『』" + _INVISIBLE + _CONTROLS
_CJK = r"\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef、。,:;!?()《》【】“”‘’「」『』\ufeff"
# A run of spaces touching a CJK character or a line edge disappears; other runs
# collapse to one space.  Characters in _DROP always disappear.
# HTML's spaces and quotation marks left in crawled text as entities ("&nbsp;&nbsp;2021年以来", "发布时间:&nbsp;
# 2023-01-12", "&ldquo;三项制度&rdquo;"): dropped as the characters they stand for are.
_SPACE_ENTITIES = r"nbsp|ensp|emsp|thinsp|#160|#12288|#x[aA]0|#x3000"
_ENTITY = rf"&(?:{_SPACE_ENTITIES}|ldquo|rdquo|lsquo|rsquo|quot|#8220|#8221);"
_SPACE_ENTITY = rx.compile(rf"&(?:{_SPACE_ENTITIES});")  # one space between digits
_JUNK = rx.compile(
    rf"(?:[{_DROP}]|{_ENTITY})+"
    rf"|(?<=[{_CJK}])[ ]+|[ ]+(?=[{_CJK}])|(?<=\n)[ ]+|^[ ]+|[ ]+(?=\n)|[ ]+$"
    r"|[ ]{2,}"
)


# Every junk match starts with a dropped character or a space; finding those first and trying
# _JUNK only there gives the same matches as _JUNK.finditer, several times faster (its
# lookbehinds would otherwise run at every character of the report).
_JUNK_START = rx.compile(f"[{_DROP} &]")

_SURROGATE = rx.compile("[\ud800-\udfff]")
# A character of Chinese (CJK ideographs and compatibility ideographs): a text without one is no report.
HAN = rx.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def whole(text: str) -> str:
    """``text`` with each lone surrogate (no file holds one; a broken decoder or a caller's string can) as
    U+FFFD, one character for one, so offsets still hold and the text can always be encoded."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


@dataclass(frozen=True, slots=True)
class NormText:
    """The normalised text and a map back to the original, as runs of one-to-one characters.

    Run k starts at ``seg_norm[k]`` in the normalised text and at ``seg_orig[k]`` in the original;
    inside a run, offsets advance together.  Runs break only where characters were dropped or
    (rarely) expanded, so the map costs a few hundred entries, not one per character.
    """

    original: str
    text: str
    seg_norm: list[int]
    seg_orig: list[int]

    def orig(self, i: int) -> int:
        """Original offset of normalised character ``i`` (``len(text)`` maps to ``len(original)``)."""
        if i >= len(self.text):
            return len(self.original)
        k = bisect_right(self.seg_norm, i) - 1
        return self.seg_orig[k] + (i - self.seg_norm[k])

    def view(self, o: int) -> int:
        """Where original offset ``o`` stands in the normalised text: the first character that comes from it or
        after it (for a character dropped, a quotation mark, the first one kept after it)."""
        lo, hi = 0, len(self.text)
        while lo < hi:  # orig() never decreases
            mid = (lo + hi) // 2
            if self.orig(mid) < o:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the normalised text to the original text."""
        if end <= start:
            o = self.orig(start)
            return o, o
        return self.orig(start), self.orig(end - 1) + 1


def _nfkc_per_char(text: str, simplify: dict[int, str] | None = None) -> tuple[str, list[int]]:
    """Slow path for the rare text whose NFKC form changes length (㈠, ½, ligatures)."""
    out: list[str] = []
    offs: list[int] = []
    for i, ch in enumerate(text):
        n = unicodedata.normalize("NFKC", ch) if ord(ch) > 0x7F else ch
        n = n.translate(_TRANSLATE)
        if simplify:
            n = n.translate(simplify)
        out.append(n)
        offs.extend([i] * len(n))
    return "".join(out), offs


def _runs(offs: list[int]) -> tuple[list[int], list[int]]:
    """Per-character offsets (slow path) as runs."""
    seg_norm: list[int] = []
    seg_orig: list[int] = []
    for i, o in enumerate(offs):
        if not seg_norm or o != seg_orig[-1] + (i - seg_norm[-1]):
            seg_norm.append(i)
            seg_orig.append(o)
    return seg_norm, seg_orig


def normalize(original: str, simplify: dict[int, str] | None = None) -> NormText:
    """Return the matching view of ``original`` with its offset map.

    ``simplify``: a one-for-one character table (traditional → simplified) applied to the view;
    one code point for one, so it leaves the offset map unchanged.
    """
    source = _full_stops(_line_breaks(original))
    text = _one_to_one(source)
    if simplify:
        text = text.translate(simplify)
    per_char: list[int] | None = None
    if not unicodedata.is_normalized("NFKC", text):
        text, per_char = _nfkc_per_char(source, simplify)
    # Lone surrogates from broken decoders cannot be encoded later; make them visible.
    text = whole(text)
    # Line breaks made by a page width (text out of a PDF) go too: phrases come back whole.
    wrapped = source if per_char is None else text
    soft = soft_breaks(wrapped, starts_heading)
    # …and breaks right after a comma, whatever the widths: no paragraph ends in one.
    commas = comma_breaks(wrapped, starts_heading)
    if commas:
        soft = sorted({*soft, *commas})
    # A report run together on one line gets its lost breaks back (before its part markers, around its title
    # and closing block): each a "\n" that stands for no character, mapped to the character after it.
    lost = run_on_breaks(text)
    # Drop the junk; each kept stretch of `text` becomes a run of the map.
    pieces: list[str] = []
    kept: list[tuple[int, int, int]] = []  # (start in text, start in output, length)
    pos = out = 0
    for s, e, g in _dropped(text, soft, lost):
        if s > pos:
            pieces.append(text[pos:s])
            kept.append((pos, out, s - pos))
            out += s - pos
        if not g:  # a lost break put back
            pieces.append("\n")
            kept.append((s, out, 1))
            out += 1
        elif ((g[0] == " " and len(g) >= 2) or (g[0] == "&" and _SPACE_ENTITY.match(g))) and not _touches_cjk(
                text, s, e):
            pieces.append(" ")
            kept.append((s, out, 1))
            out += 1
        pos = e
    if pos < len(text):
        pieces.append(text[pos:])
        kept.append((pos, out, len(text) - pos))
    normalised = "".join(pieces)
    if not kept:
        return NormText(original, normalised, [0], [len(original)])
    if per_char is None:
        return NormText(original, normalised, [n for _, n, _ in kept], [t for t, _, _ in kept])
    flat: list[int] = []
    for t, _n, length in kept:
        flat.extend(per_char[t:t + length])
    seg_norm, seg_orig = _runs(flat)
    return NormText(original, normalised, seg_norm, seg_orig)


# A full stop typed as "．" or "." after Chinese ("……合法性审查．全年……") ends a sentence as "。" does; between
# digits (98．5%, 1.5) or in a name (www.gov.cn) it does not.  One character for one: the map is unchanged.
# (the point first and the look-behind after it: a scan skips ahead to each point, where a look-behind first is
# tried at every character)
_STOP = rx.compile(r"[.．](?<=[\u4e00-\u9fff”’)）》][.．])(?![0-9０-９A-Za-zＡ-Ｚａ-ｚ.．])")


_NONBLANK = rx.compile(r"\S")
_NUMBERING = rx.compile(r"[\s(（]*(?:第?[一二三四五六七八九十百〇零]{1,4}|[\u4e00-\u9fff])?[)）]?$")


# A line ended by a carriage return alone (old Mac files, some exports), a form feed (a page break out of a
# PDF) or a vertical tab (Word's manual line break) ends a line as "\n" does, before soft breaks are looked
# for: one character for one, so the map is unchanged ("\r\n" keeps its "\r", dropped below; U+2028/2029
# are mapped with the one-to-one table).
_LINE_BREAK = rx.compile("\r(?!\n)|[\x0b\x0c]")


def _line_breaks(text: str) -> str:
    # ("in" looks for one character at C speed, many times faster than a scan for any of three)
    return _LINE_BREAK.sub("\n", text) if "\r" in text or "\x0b" in text or "\x0c" in text else text


def _full_stops(text: str) -> str:
    if "." not in text and "．" not in text:
        return text

    # The line's first character that is not a blank, found once per line and looked for only past where the
    # previous stop looked (each stop looked back to its line's start: quadratic on a long line of stops).
    state = {"seen": 0, "from": 0, "first": -1}  # text looked at up to; blanks looked at from; first non-blank

    def stop(m: re.Match[str]) -> str:
        # Not the point of a heading's number ("一.", "(一).", "第二."): what precedes it on the line is only that.
        at = m.start()
        nl = text.rfind("\n", state["seen"], at)
        if nl >= 0:  # a new line: its blanks not yet looked at
            state["from"], state["first"] = nl + 1, -1
        state["seen"] = at
        if state["first"] < 0:
            found = _NONBLANK.search(text, state["from"], at)
            if found is None:
                state["from"] = at
                return m.group()  # only blanks before it: the number's own point ("一." had no number: kept)
            state["first"] = found.start()
        if at - state["first"] > 16:
            return "。"  # more than a heading's number before it (not sliced: a long line would be copied each time)
        # The line less its leading blanks, which _NUMBERING allows.
        return m.group() if _NUMBERING.match(text[state["first"]:at]) else "。"

    return _STOP.sub(stop, text)


def _one_to_one(text: str) -> str:
    """``text.translate(_TRANSLATE)``, faster for a report: str.translate looks up every character
    in a dict (0.7 ms per 10,000 CJK characters), while a report holds only a handful of distinct
    characters to replace, each replaced in one C-speed pass."""
    found = set(_MAPPED.findall(text))
    if len(found) > 16:
        return text.translate(_TRANSLATE)
    for ch in sorted(found):
        text = text.replace(ch, _REPLACE[ch])
    return text


def _junk(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_JUNK.finditer(text)``, trying the pattern only where one can start."""
    find, match = _JUNK_START.search, _JUNK.match
    c = find(text)
    while c is not None:
        m = match(text, c.start())
        if m is None:
            c = find(text, c.start() + 1)
        else:
            yield m
            c = find(text, m.end())


# A document-sharing site's watermark, stamped into the text of a copy wherever its pages broke ("秘书之家—全网资源每日
# 更新www.mishuzj.com湖北省人民政府关于…", "…第一秘书之家—…www.mishuzj.com责任人职责"): its name, a dash, its slogan
# and its address, which no report writes in a run (a government site's address stands alone: "www.lingshou.gov.cn").
_WATERMARK = rx.compile(r"[—\-–]{1,2}[\u4e00-\u9fff]{2,16}www\.[A-Za-z0-9-]+\.(?:com|net|cc|top|org)(?![A-Za-z0-9.])")
# The site's name before it, read where a stamp stands at a line's start (where no word of the report can precede
# it): "秘书之家" of "秘书之家—全网资源每日更新www.mishuzj.com湖北省人民政府…".
_SITE_NAME = rx.compile(r"(?m)^[ \t\u3000]*([\u4e00-\u9fff]{2,10})$")


def _watermarks(text: str) -> list[tuple[int, int]]:
    """The stamps' spans: the dash, slogan and address always; the site's name before them too where a stamp at a
    line's start shows it (a stamp after the report's words takes only that name: "第一秘书之家—…" loses 秘书之家, not
    第一; with no such stamp the name stays, and the report's words with it)."""
    tails = [(s, e, text[s:e]) for s, e in (m.span() for m in _WATERMARK.finditer(text))]
    names: dict[str, set[str]] = {}
    for s, _, tail in tails:
        m = _SITE_NAME.search(text, max(0, s - 11), s)
        if m:
            names.setdefault(tail, set()).add(m.group(1))
    ordered = {tail: sorted(found, key=len) for tail, found in names.items()}
    out = []
    for s, e, tail in tails:
        name = next((n for n in ordered.get(tail, ()) if text.endswith(n, 0, s)), "")
        out.append((s - len(name), e))
    return out


def _dropped(text: str, soft: list[int], lost: list[int]) -> Iterator[tuple[int, int, str]]:
    """The junk matches, the soft line breaks and the lost ones (``g`` empty: nothing dropped, a "\n" put in),
    and the watermarks, in order.  A junk match never holds a newline, and a lost break stands before a part
    marker, a title's or a closing's character, never a junk one: no two start at one offset (a break inside a
    watermark goes with it; a watermark holds no space or dropped character)."""
    marks = _watermarks(text) if "www." in text else []
    if marks:
        starts = [s for s, _ in marks]

        def outside(b: int) -> bool:
            i = bisect_right(starts, b) - 1
            return i < 0 or b >= marks[i][1]
        soft, lost = [b for b in soft if outside(b)], [b for b in lost if outside(b)]
    if not soft and not lost and not marks:
        for m in _junk(text):
            yield m.start(), m.end(), m.group()
        return
    yield from heapq.merge(((m.start(), m.end(), m.group()) for m in _junk(text)),
                           ((b, b + 1, "\n") for b in soft), ((b, b, "") for b in lost),
                           ((s, e, text[s:e]) for s, e in marks))


def _touches_cjk(text: str, s: int, e: int) -> bool:
    # Only called for runs of two or more spaces matched by the last alternative.
    left = text[s - 1] if s > 0 else "\n"
    right = text[e] if e < len(text) else "\n"
    return bool(re.match(f"[{_CJK}\n]", left) or re.match(f"[{_CJK}\n]", right))
