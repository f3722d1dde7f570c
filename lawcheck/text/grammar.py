"""The written grammar of a Chinese official report that several stages read: heading markers,
dates, numerals and the lines that end a paragraph or belong to the closing block.

One module, imported by ``normalize`` (soft line breaks), ``structure`` (sections, closing),
``dates`` and the readers' line joining, so that they all agree on what a heading or a date is.
It imports nothing from lawcheck.
"""

from __future__ import annotations

import re

from lawcheck import rx

# Chinese numerals as headings and dates write them.
CN_DIGITS = "一二三四五六七八九十"
CN_ZERO_DIGITS = "〇零一二三四五六七八九O0"
CN_VALUE = {"〇": 0, "零": 0, "○": 0, "O": 0, "0": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}


def cn_small(s: str) -> int | None:
    """一 → 1, 十 → 10, 十四 → 14, 二十 → 20, 三十一 → 31; Arabic digits pass through."""
    if s.isdigit():
        return int(s)
    if "十" in s:
        head, _, tail = s.partition("十")
        tens = CN_VALUE.get(head, 0) if head else 1
        ones = CN_VALUE.get(tail, 0) if tail else 0
        if (head and head not in CN_VALUE) or (tail and tail not in CN_VALUE):
            return None
        return tens * 10 + ones
    return CN_VALUE.get(s) if len(s) == 1 else None


# (rank, marker pattern).  Lower rank = higher level.  Rank 5 (一是…) is an item, never top level.
HEADINGS: list[tuple[int, re.Pattern[str]]] = [
    (0, rx.compile(rf"第[{CN_DIGITS}]{{1,3}}(?:部分|章|节)[、,:.]?")),
    # "一，" (a full-width comma typed for the 顿号) heads a part as "一、" does.
    (1, rx.compile(rf"[{CN_DIGITS}]{{1,3}}(?:[、.](?![{CN_DIGITS}]、)|,(?![{CN_DIGITS}][、,]))")),
    (2, rx.compile(rf"\([{CN_DIGITS}]{{1,3}}\)[、.]?")),
    # "1." but not a decimal ("3.5%"); "3.2023年工作安排" is a heading over a year.
    (3, rx.compile(r"\d{1,2}(?:\.(?!\d)|\.(?=(?:19|20)\d\d\s*年)|、)")),
    (4, rx.compile(r"\(\d{1,2}\)[、.]?")),
    (5, rx.compile(rf"(?:[{CN_DIGITS}]{{1,2}}|第[{CN_DIGITS}]{{1,2}})是")),
]
TOP_RANKS = range(0, 5)


# What a marker of ``HEADINGS`` can start with, besides a digit (``\d``: str.isdecimal): most lines are prose and
# start with none of these, and are turned away without trying the six patterns one by one.
_MARKER_FIRST = frozenset("第(" + CN_DIGITS)


def heading_marker(line: str) -> tuple[int, int] | None:
    """(rank, marker length) when ``line`` (in the matching view's forms) starts with a heading marker."""
    first = line[:1]
    if first not in _MARKER_FIRST and not first.isdecimal():
        return None
    for rank, pat in HEADINGS:
        m = pat.match(line)
        if m and len(line) > m.end():
            return rank, m.end()
    return None


# A site's trail of columns ("政务公开 > 工作报告", "首页 > 政务公开 > 法治政府建设年度报告"): the site's, never a
# document's title, however it ends.
TRAIL = rx.compile(r"\S\s*[>»›]\s*\S")
# Where a page says the reader is ("当前位置", "您所在的位置：", "位置："): page chrome, for the patterns that list it.
WHERE_ON_SITE = r"当前位置|所在的?位置|您的位置|你的位置|位置\s*[:：]"

# A document number (文号): 灵政函〔2022〕6号, 宜政发[2021]12号 — the issuer's short name, the year, the number.
DOC_NUMBER = rx.compile(r"([\u4e00-\u9fff]{1,12})\s*[〔\[［(（]\s*((?:19|20)\d\d)\s*[〕\]］)）]\s*(\d{1,5})\s*号")

# Any date: 2022年1月14日, 2022-01-14, 2022/1/14, 2022.1.14, 二〇二二年一月十四日.
DATE_RE = rx.compile(
    r"(?P<y>(?:19|20)\d\d|20[xX×]{2}|[二一][〇零一二三四五六七八九O0]{3})\s*(?:年|[-/.])\s*"
    rf"(?P<m>\d{{1,2}}|[{CN_DIGITS}]{{1,2}}|[xX×]{{1,2}})\s*(?:月|[-/.])\s*"
    rf"(?P<d>\d{{1,2}}|[{CN_DIGITS}]{{1,3}}|[xX×]{{1,2}})\s*日?"
)
# A date with its digits run together: 2021714, 20210714.
RUN_TOGETHER = rx.compile(r"(?P<y>(?:19|20)\d\d)(?P<md>\d{2,4})")

# What ends a line on purpose, in full-width and half-width forms (usable before and after folding).
LINE_ENDS = tuple("。！？!?：:；;」』”’)）】》")
# Lines of the closing block (特此报告, the organ, the date), which never continue a paragraph.
CLOSING_LINE = rx.compile(
    r"^(?:特此|专此)(?:报告|汇报)|(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$|^[一二〇○零]{4}年|人民政府$"
    r"|\d{4}-\d{2}-\d{2}"
)


# A site's pager above or under an article ("共2页 首页 上一页 1 2 下一页 尾页", "上一页 1 2 3 下一页", "页次：2/2",
# a "下一页" link alone on its line), and a page's number on a line of its own ("第1页", "第1页 共2页", "1/2").
_SITE_PAGER = rx.compile(
    r"共\s*(?P<n>\d{1,3})\s*页[^\n]{0,60}?(?:上一页|下一页|尾页|末页)"
    r"|(?:上一页|首页)[^\n]{0,40}?(?:下一页|尾页|末页)"
    r"|(?:^|[\s|])\d{1,3}(?:\s+\d{1,3})+\s*(?:下一页|尾页|末页)"
    r"|页\s*次\s*[:：]?\s*\d{1,3}\s*[/／]\s*(?P<m>\d{1,3})"
    r"|^\s*[\[【<(（]?\s*(?:下一页|上一页)\s*[\]】>)）]?\s*$", re.M)
_PAGE_NUMBER_LINE = rx.compile(
    r"^\s*(?:第\s*(?P<at>\d{1,3})\s*页(?:\s*[,，/／]?\s*共\s*(?P<of>\d{1,3})\s*页)?"
    r"|(?P<at2>\d{1,3})\s*[/／]\s*(?P<of2>\d{1,3}))\s*$")
# A title that says which page it is ("…的报告（第2页）"): a site's page after the first.
_TITLE_PAGE = rx.compile(r"[(（]\s*第\s*(?P<at>\d{1,3})\s*页\s*[)）]\s*$")
_PAGE_LINES = 4  # non-empty lines at each end a page's number stands among (the site's counter, its links after it)


def split_page(text: str, reach: int = 400) -> int | None:
    """How many pages the report a text is one page of has (0: not said), when the text says it is one: a site's
    pager in its first or last ``reach`` characters, or a page number at its end short of the last ("第1页",
    "第1页 共2页", "1/2") or at its start after the first ("第2页").  None when nothing says so (a PDF copy whose
    footers end "第6页 共6页" is a whole, and so is the one page its number does not show the end of)."""
    tail, head = max(0, len(text) - reach), min(len(text), reach)
    # (every pager names its 页: looked for first at C speed, most texts end without one)
    m = (text.find("页", tail) >= 0 and _SITE_PAGER.search(text, tail)) or (
        text.find("页", 0, head) >= 0 and _SITE_PAGER.search(text, 0, head)) or None
    if m is not None:
        total = int(m.group("n") or m.group("m") or 0)
        return None if total == 1 else total
    last = [ln for ln in text[tail:].split("\n") if ln.strip()][-_PAGE_LINES:]
    first = [ln for ln in text[:head].split("\n") if ln.strip()][:_PAGE_LINES]
    if any((t := _TITLE_PAGE.search(line)) and int(t.group("at")) > 1 for line in first):
        return 0
    for lines, at_end in ((last, True), (first, False)):
        for line in lines:
            p = _PAGE_NUMBER_LINE.match(line)
            if p is None:
                continue
            at, of = int(p.group("at") or p.group("at2")), int(p.group("of") or p.group("of2") or 0)
            if of == 1 or (of and at > of):
                continue
            # at the end: the text stops on a page before the last (on page 1 when the count is not given); at the
            # start: it begins on a page after the first
            if (at_end and (at < of or (not of and at == 1))) or (not at_end and at > 1):
                return of
    return None


def is_pager(line: str) -> bool:
    """Whether a line is a site's pager or a page's number ("共2页 首页 上一页 1 2 下一页 尾页", "第1页 共2页",
    "下一页")."""
    return bool(_SITE_PAGER.search(line) or _PAGE_NUMBER_LINE.match(line))
