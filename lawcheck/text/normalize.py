"""Normalise a report once, keeping a map back to the original character offsets.

The matching view folds full-width forms (NFKC), odd spaces, dashes and CRLF, and
drops characters that only get in the way of phrase matching (BOM, zero-width
characters, quotation marks, spaces next to CJK text).  Every later stage works on
the normalised text; evidence is mapped back through ``NormText.orig_span``.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass

# One-to-one replacements (offsets unchanged).  Full-width ASCII is covered by NFKC
# too, but str.translate does it at C speed for the common case.
_ONE_TO_ONE: dict[int, str] = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
_ONE_TO_ONE.update(
    {
        0x3000: " ", 0x00A0: " ", 0x2007: " ", 0x202F: " ", 0x205F: " ", 0x1680: " ",
        0x0009: " ", 0x000B: " ", 0x000C: " ", 0x0085: "\n", 0x2028: "\n", 0x2029: "\n",
        0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "-", 0x2015: "-",
        0x2212: "-", 0xFE58: "-", 0xFE63: "-", 0x2E3A: "-", 0x2E3B: "-",
        0x25CB: "〇", 0x25EF: "〇",  # "二○二二年": a circle used as zero
    }
)
_ONE_TO_ONE.update({cp: " " for cp in range(0x2000, 0x200B)})
_TRANSLATE = str.maketrans(_ONE_TO_ONE)

# Characters removed from the matching view.  Quotation marks are dropped so that
# 行政执法“三项制度” matches 行政执法三项制度; book-title marks 《》 are kept because
# rules about cited documents need them.
_DROP = "\ufeff\u200b\u200c\u200d\u2060\u00ad\r“”‘’\"'「」『』"
_CJK = r"\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef、。,:;!?()《》【】“”‘’「」『』\ufeff"
# A run of spaces touching a CJK character or a line edge disappears; other runs
# collapse to one space.  Characters in _DROP always disappear.
_JUNK = re.compile(
    rf"[{_DROP}]+"
    rf"|(?<=[{_CJK}])[ ]+|[ ]+(?=[{_CJK}])|(?<=\n)[ ]+|^[ ]+|[ ]+(?=\n)|[ ]+$"
    r"|[ ]{2,}"
)


_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class NormText:
    """The normalised text and, for each of its characters, the original offset."""

    original: str
    text: str
    offsets: array  # len(text) + 1 entries; the last is len(original)

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the normalised text to the original text."""
        if end <= start:
            o = self.offsets[start]
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1


def _nfkc_per_char(text: str) -> tuple[str, array]:
    """Slow path for the rare text whose NFKC form changes length (㈠, ½, ligatures)."""
    out: list[str] = []
    offs = array("i")
    for i, ch in enumerate(text):
        n = unicodedata.normalize("NFKC", ch) if ord(ch) > 0x7F else ch
        n = n.translate(_TRANSLATE)
        out.append(n)
        offs.extend([i] * len(n))
    return "".join(out), offs


def normalize(original: str) -> NormText:
    """Return the matching view of ``original`` with its offset map."""
    text = original.translate(_TRANSLATE)
    if unicodedata.is_normalized("NFKC", text):
        offs = array("i", range(len(text)))
    else:
        text, offs = _nfkc_per_char(original)
    # Lone surrogates from broken decoders cannot be encoded later; make them visible.
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    pieces: list[str] = []
    new_offs = array("i")
    pos = 0
    for m in _JUNK.finditer(text):
        s, e = m.span()
        pieces.append(text[pos:s])
        new_offs.extend(offs[pos:s])
        g = m.group()
        if g[0] == " " and len(g) >= 2 and not _touches_cjk(text, s, e):
            pieces.append(" ")
            new_offs.append(offs[s])
        pos = e
    pieces.append(text[pos:])
    new_offs.extend(offs[pos:])
    new_offs.append(len(original))
    return NormText(original, "".join(pieces), new_offs)


def _touches_cjk(text: str, s: int, e: int) -> bool:
    # Only called for runs of two or more spaces matched by the last alternative.
    left = text[s - 1] if s > 0 else "\n"
    right = text[e] if e < len(text) else "\n"
    return bool(re.match(f"[{_CJK}\n]", left) or re.match(f"[{_CJK}\n]", right))
