"""Numbers as reports write them: Arabic and Chinese numerals, 万/亿, percentages, ranges, "余/以上".

``parse_number`` reads one numeral ("1.2万", "一百二十三", "两千", "九十五点五"); ``quantities`` finds
every number with its unit in a (normalised) text: "58件", "1.2万人次", "百分之九十五", "95%", "3个百分点",
"10至20件", "500余起", "100%以上".  Pure functions of the text; positions are offsets into it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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


def parse_number(s: str) -> float:
    """One numeral as a number: Arabic ("1,234", "12.5", "1.2万") or Chinese ("一百二十三", "九十五点五", "两千")."""
    s = s.strip()
    if not s:
        raise NotANumber(s)
    mult = 1
    if s[-1] in _CN_BIG and s[:-1] and (s[-2].isdigit() or s[-2] == "."):
        mult, s = _CN_BIG[s[-1]], s[:-1]
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", s):
        return _exact(float(s.replace(",", "")) * mult)
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

    @property
    def is_rate(self) -> bool:
        return self.unit in ("%", "‰")


# Units reports count in, longest first where one is a prefix of another.
UNITS = ("个百分点", "个工作日", "人次", "件次", "场次", "家次", "户次", "万元", "亿元", "平方米", "公里",
         "件", "人", "名", "次", "场", "期", "个", "项", "条", "份", "宗", "起", "批", "家", "户", "篇", "天", "日",
         "小时", "学时", "元", "本", "册", "卷", "部", "所", "座", "支", "类", "项次", "例", "%", "‰")
_UNITS_RX = "|".join(re.escape(u) for u in sorted(set(UNITS), key=len, reverse=True))
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CN = f"[{_CN_CHARS}]+(?:点[{''.join(_CN_DIGIT)}]+)?"
_NUM = f"(?:(?:{_ARABIC})[万亿]?|{_CN})"
_BEFORE = r"(?P<pre>近|约|超过|逾|达到|多于|不少于|不低于|不到|不足)?"
_QTY = re.compile(
    rf"{_BEFORE}(?:百分之(?P<pct>{_CN}|{_ARABIC})"
    rf"|(?P<num>{_NUM})(?:\s*(?:-|~|至|到)\s*(?P<high>{_NUM}))?\s*(?P<mod>余|多)?\s*(?P<unit>{_UNITS_RX}))"
    r"(?P<post>以上|左右|以下|以内)?"
)
# A Chinese numeral that is part of a word, not a count: 一是, 三项制度, 十四五, 一把手, 一站式 …
_CN_WORDS = re.compile(r"[一二三四五六七八九十]+(?:项制度|个方面|个一|个全|个结合|个到位|级|把手|站式|张网|体化|盘棋"
                       r"|条龙|窗|线|网|号|本账)")


def quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every number with a unit in ``text[start:end]``, in order."""
    out: list[Quantity] = []
    for m in _QTY.finditer(text, start, len(text) if end is None else end):
        pct = m.group("pct")
        raw = pct if pct is not None else m.group("num")
        s = m.start("pct") if pct is not None else m.start("num")
        before = text[s - 1] if s > 0 else ""
        if before.isdigit() or before == "." or (raw[0] in _CN_CHARS and before and before in _CN_CHARS):
            continue  # the tail of a longer numeral or word
        if raw[0] in _CN_CHARS and _CN_WORDS.match(text, s):
            continue
        try:
            value = parse_number(raw)
            high = parse_number(m.group("high")) if m.group("high") else None
        except NotANumber:
            continue
        unit = "%" if pct is not None else m.group("unit")
        approx = m.group("pre") if m.group("pre") not in (None, "达到") else None
        approx = m.group("mod") or m.group("post") or approx
        # Decimals as written (a rate's rounding); "1.2万" is a whole number.
        decimals = 0 if raw[-1] in _CN_BIG else len(raw.partition("." if "." in raw else "点")[2])
        qs = m.start("pct") - 3 if pct is not None else m.start("num")
        if high is not None and high < value:
            high = None
        out.append(Quantity(qs, m.end(), value, unit, approx, high, decimals))
    return out
