"""Numbers as reports write them: Arabic and Chinese numerals, 万/亿, percentages, ranges, "余/以上".

``parse_number`` reads one numeral ("1.2万", "一百二十三", "两千", "九十五点五"); ``quantities`` finds
every number with its unit in a (normalised) text: "58件", "1.2万人次", "百分之九十五", "95%", "3个百分点",
"10至20件", "500余起", "100%以上".  Pure functions of the text; positions are offsets into it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawcheck import rx

_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}
_CN_CHARS = "".join(_CN_DIGIT) + "".join(_CN_SMALL) + "".join(_CN_BIG)


class NotANumber(ValueError):
    pass


def _cn_integer(s: str) -> int:
    """一百二十三 → 123, 十二 → 12, 两千零五 → 2005, 三千五百万 → 35,000,000, 三千五 → 3,500, 一二三 → 123."""
    if not s:
        raise NotANumber(s)
    if all(c in _CN_DIGIT for c in s):  # written digit by digit (二〇二一, 一二三)
        if len(s) > 1 and s[0] in "零〇":
            raise NotANumber(s)
        return int("".join(str(_CN_DIGIT[c]) for c in s))
    total = section = 0
    digit: int | None = None
    last_unit = 10  # the order of the last unit said in this section (for 三千五 = 3500)
    zero = False  # a 零 since the last unit: 一千零五 is 1005, 一千五 is 1500
    small_seen = 100_000
    for i, c in enumerate(s):
        if c in _CN_DIGIT:
            v = _CN_DIGIT[c]
            if v == 0:
                zero, digit = True, None
                continue
            if digit is not None:
                raise NotANumber(s)  # two digits in a row inside a positional numeral
            digit = v
        elif c in _CN_SMALL:
            unit = _CN_SMALL[c]
            if unit >= small_seen:
                raise NotANumber(s)  # 百千, 十十: units must fall within a section
            if digit is None and not (c == "十" and (i == 0 or s[i - 1] in _CN_BIG or s[i - 1] in "零〇")):
                raise NotANumber(s)
            section += (digit if digit is not None else 1) * unit
            digit, last_unit, zero, small_seen = None, unit, False, unit
        else:  # 万, 亿
            big = _CN_BIG[c]
            if digit is not None:
                section += digit * (last_unit // 10 if not zero and section else 1)
            if section == 0:
                raise NotANumber(s)
            if big == 100_000_000:
                total = (total + section) * big
            else:
                if total % 100_000_000:
                    raise NotANumber(s)  # 万 twice
                total += section * big
            section, digit, last_unit, zero, small_seen = 0, None, 10, False, 100_000
    if digit is not None:
        # A digit after a unit with no 零 between is that unit's next place: 三千五 = 3500, 一万二 = 12000.
        if section and not zero:
            section += digit * (last_unit // 10)
        elif total and not section and not zero and s[-2] in _CN_BIG:
            section += digit * (_CN_BIG[s[-2]] // 10)
        else:
            section += digit
    return total + section


# The largest number a report counts in (a trillion): anything longer is a code, a serial number or a
# hostile input, never a figure — and is refused before Python is asked to make it a float.
LARGEST = 1e12
_MAX_CHARS = 24


def parse_number(s: str) -> float:
    """One numeral as a number: Arabic ("1,234", "12.5", "1.2万") or Chinese ("一百二十三", "九十五点五", "两千",
    "百" as in 百分之百).  Refused (``NotANumber``) when it is not one, or is beyond ``LARGEST``."""
    s = s.strip().replace(" ", "")
    if not s or len(s) > _MAX_CHARS:
        raise NotANumber(s)
    try:
        value = _parse(s)
    except (OverflowError, ValueError) as e:  # int("9"*5000), float overflow: no figure
        raise NotANumber(s) from e
    if not (0 <= value <= LARGEST):
        raise NotANumber(s)
    return value


def _parse(s: str) -> float:
    mult = 1
    if s[-1] in _CN_BIG and s[:-1] and (s[-2].isdigit() or s[-2] == "."):
        mult, s = _CN_BIG[s[-1]], s[:-1]
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", s):
        return _exact(float(s.replace(",", "")) * mult)
    if s in ("百", "千"):  # 百分之百
        return float(_CN_SMALL[s] * mult)
    if "点" in s:
        whole, _, frac = s.partition("点")
        if not frac or not all(c in _CN_DIGIT for c in frac):
            raise NotANumber(s)
        head = _cn_integer(whole) if whole else 0
        return _exact(float(f"{head}." + "".join(str(_CN_DIGIT[c]) for c in frac)) * mult)
    return float(_cn_integer(s) * mult)


def _exact(v: float) -> float:
    """12.000000001 from a multiplication reads as 12: the numerals reports write have few decimals."""
    r = round(v, 6)
    return float(int(r)) if r == int(r) else r


@dataclass(frozen=True)
class Quantity:
    """A number with its unit, where the text writes it: [start, end) covers the numeral and the unit."""

    start: int
    end: int
    value: float
    unit: str  # 件, 人次, %, 个百分点, …  ("%" for 百分之…)
    approx: str | None = None  # 余, 多, 以上, 左右, 近, 约, 超过 …: the number is a bound, not exact
    high: float | None = None  # a range "10至20件": value is the low end
    decimals: int = 0  # decimals written (12.5% → 1): a rate's rounding
    step: float = 1.0  # the last written place: 12.5% → 0.1, 1.2万 → 1000 (what rounding may hide)


# Units reports count in, longest first where one is a prefix of another.
UNITS = ("个百分点", "个工作日", "人次", "件次", "场次", "家次", "户次", "万元", "亿元", "平方米", "公里",
         "件", "人", "名", "次", "场", "期", "个", "项", "条", "份", "宗", "起", "批", "家", "户", "篇", "天", "日",
         "小时", "学时", "元", "本", "册", "卷", "部", "所", "座", "支", "类", "项次", "例", "%", "‰")


def _units_rx(units: tuple[str, ...]) -> str:
    """The units as a pattern that fails at once on a character no unit starts with: a class of first
    characters, then each first character with its longer units (个百分点|个工作日|个), longest first.
    A flat alternation of 45 units was tried one by one after every numeral."""
    by_first: dict[str, list[str]] = {}
    for u in sorted(set(units), key=len, reverse=True):
        by_first.setdefault(u[0], []).append(u)
    branches = []
    for first, group in sorted(by_first.items()):
        rests = [re.escape(u[1:]) for u in group if len(u) > 1]
        single = any(len(u) == 1 for u in group)
        if rests:
            branches.append(re.escape(first) + "(?:" + "|".join(rests) + ")" + ("?" if single else ""))
        else:
            branches.append(re.escape(first))
    firsts = "".join(re.escape(c) for c in sorted(by_first))
    return f"(?=[{firsts}])(?:{'|'.join(branches)})"


_UNITS_RX = _units_rx(UNITS)
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CN = f"[{_CN_CHARS}]+(?:点[{''.join(_CN_DIGIT)}]+)?"
_NUM = f"(?:(?:{_ARABIC})[万亿]?|{_CN})"
# Words before a number that make it a bound (read by looking back from the number, not by the pattern:
# an optional group at its head would make the pattern try every position of the text).
_BEFORE = rx.compile(r"(?:近|约|超过|逾|多于|不少于|不低于|不到|不足)$")
_TAIL = (rf"(?:\s*(?:-|~|至|到)\s*(?P<high>{_NUM}))?\s*(?P<mod>余|多)?\s*(?P<unit>{_UNITS_RX})"
         r"(?P<post>以上|左右|以下|以内)?")
# One pattern whose first element is a character class (a digit or a Chinese numeral): the engine skips
# straight to where a number can start, which an alternation at the head of a pattern would not let it do.
# Lookbehinds then tell the branches apart: 百分之…, an Arabic numeral, a Chinese one.  A match starts only
# where a run of numerals starts (never inside "1234567…" or "一一一…"): each run is tried once, which keeps a
# long run of digits linear instead of quadratic.  The class comes first and the lookbehinds after it, so
# that the engine's fast skip to a numeral still works.
_QTY = rx.compile(
    rf"[0-9{_CN_CHARS}](?<![0-9{_CN_CHARS}][0-9{_CN_CHARS}])(?<![0-9][, ][0-9{_CN_CHARS}])"
    rf"(?:(?<=百)分之(?P<pct>{_CN}|{_ARABIC})(?P<ppost>以上|左右|以下|以内)?"
    rf"|(?:(?<=\d)(?P<arest>\d*(?:[, ]\d{{3}}(?!\d))*(?:\.\d+)?[万亿]?)"
    rf"|(?<=[{_CN_CHARS}])(?P<crest>[{_CN_CHARS}]*(?:点[{''.join(_CN_DIGIT)}]+)?)){_TAIL})"
)
# A Chinese numeral that is part of a word, not a count: 一是, 三项制度, 十四五, 一把手, 一站式 …
_CN_WORDS = rx.compile(r"[一二三四五六七八九十]+(?:项制度|个方面|个一|个全|个结合|个到位|级|把手|站式|张网|体化|盘棋"
                       r"|条龙|窗|线|网|号|本账)")


def quantities(text: str, start: int = 0, end: int | None = None,
               units: set[str] | frozenset[str] | None = None) -> list[Quantity]:
    """Every number with a unit in ``text[start:end]``, in order (where two readings overlap, the first);
    only those in ``units`` when given."""
    out = []
    for m in number_matches(text, start, end, units):
        q = quantity_of(text, m)
        if q is not None:
            out.append(q)
    return out


def number_matches(text: str, start: int = 0, end: int | None = None,
                   units: set[str] | frozenset[str] | None = None) -> list[re.Match[str]]:
    """Where numbers with units stand, not yet read (``quantity_of`` reads one): a caller that wants only
    some of them tests the words around each first, which is cheaper than reading every numeral."""
    out = []
    for m in _QTY.finditer(text, start, len(text) if end is None else end):
        if m.group("pct") is None:
            if units is not None and m.group("unit") not in units:
                continue
            if m.end("crest") == m.start() + 1 and text[m.start()] in "一两" and m.group("mod") is None:
                continue  # a lone 一 or 两 before a unit is a word, not a count: 一个, 一项, 两次
        out.append(m)
    return out


def unit_of(m: re.Match[str]) -> str:
    """The unit of a match of ``number_matches`` ("%" for 百分之…), before it is read."""
    return "%" if m.group("pct") is not None else m.group("unit")


def quantity_of(text: str, m: re.Match[str]) -> Quantity | None:
    """The number a match of ``number_matches`` stands for; None when it is no count after all (the tail of
    a longer numeral, a word such as 三项制度, a numeral that does not parse)."""
    groups = m.groupdict()
    pct = groups["pct"]
    if pct is not None:
        raw, s = pct, m.start("pct")
    else:
        s = m.start()
        raw = text[s:m.end("arest") if groups["arest"] is not None else m.end("crest")]
    before = text[m.start() - 1] if m.start() > 0 else ""
    if (before and (before.isdigit() or before in ".-+" or "a" <= before.lower() <= "z")) or (
            raw[0] in _CN_CHARS and before and before in _CN_CHARS):
        return None  # the tail of a longer numeral or word, a negative number, a code ("e309", "-5%")
    if raw[0] in _CN_CHARS and _CN_WORDS.match(text, s):
        return None
    try:
        value = parse_number(raw)
        high = parse_number(groups["high"]) if groups.get("high") else None
    except NotANumber:
        return None
    unit = "%" if pct is not None else m.group("unit")
    qs = m.start()
    lead = _BEFORE.search(text, max(0, qs - 3), qs)
    approx = groups["mod"] or groups["post"] or groups["ppost"] or (lead.group() if lead else None)
    # Decimals as written (a rate's rounding); "1.2万" is a whole number.
    decimals = 0 if raw[-1] in _CN_BIG else len(raw.partition("." if "." in raw else "点")[2])
    if high is not None and high < value:
        high = None
    if unit not in _FRACTIONAL and value != int(value):
        return None  # "0.5件": a count is whole ("1.2万件" is)
    arabic_mult = len(raw) > 1 and raw[-1] in _CN_BIG and (raw[-2].isdigit() or raw[-2] == ".")  # 1.2万
    core = raw[:-1] if arabic_mult else raw
    places = len(core.partition("." if "." in core else "点")[2])
    step = _CN_BIG.get(raw[-1], 1) * 10.0 ** -places if arabic_mult else 10.0 ** -places
    return Quantity(qs, m.end(), value, unit, approx, high, decimals, step)


_FRACTIONAL = frozenset(("%", "‰", "个百分点", "万元", "亿元", "元", "平方米", "公里", "小时", "学时", "天", "日",
                         "个工作日"))
