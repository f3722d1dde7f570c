"""A table of figures read as its reader reads it, whatever the format it came in: which column heads which year
("2021年", "本年度｜上年度"), which unit a bare number is in (its column's header, its row's label: "行政复议收案数
（件）｜11｜9"), which columns hold no counts (a 序号, a change "增减（%）").  A reader that lays a table out as lines
writes these marks around each figure ("… 2021年 11件 2020年 9件"), so that the figures reader finds them as it
finds figures in prose."""

from __future__ import annotations

import re

# grid column: (the period its cells are of: "2021年 ", "上年度 " or "", its unit or None, whether its numbers are
# no counts)
Columns = dict[int, tuple[str, str | None, bool]]

# a figure's cell: "11", "100%", "11件" (not a label that begins with digits: "110接警")
FIGURE_CELL = re.compile(
    r"^\d{1,9}(?:\.\d{1,4})?\s*(%|％|件|件次|人次|人|次|个|项|起|家|场|条|份|部|名|户|宗|万元|元)?$")
# a table's caption row above its header ("表1 行政复议应诉情况｜单位：件"), and the unit it gives every number
CAPTION = re.compile(r"^表\s*[\d一二三四五六七八九十]|单位\s*[:：]")
_TABLE_UNIT = re.compile(r"单位\s*[:：]\s*(件|人次|人|次|个|项|起|家|场|条|份|部|名|%|％)")
_CELL_UNIT = re.compile(r"[（(]\s*(件|人|人次|次|个|项|起|家|场|条|份|部|名|%|％)\s*[)）]\s*$")
# A column headed by its year: "2021年", "2021年（件）", "2021年1-12月", "本年度", "上年同期".
_CELL_YEAR = re.compile(r"^(?:((?:19|20)\d\d)\s*年?度?(?:\s*1\s*[-－—~至]\s*12\s*月|全年)?"
                        r"|(本年度?|今年|当年|本期|上年度?|去年|上年同期|上期))\s*"
                        r"(?:[（(][^（()）]{1,6}[)）])?$")
_PERIOD = {"本年": "本年度", "本年度": "本年度", "今年": "本年度", "当年": "本年度", "本期": "本年度",
           "上年": "上年度", "上年度": "上年度", "去年": "上年度", "上年同期": "上年度", "上期": "上年度"}
_HEADER_CELLS = 64  # header cells read: a table of figures has a few columns
_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_CHANGE_COLUMN = re.compile(r"增减|增长|减少|同比|环比|变化|升降|比上年|较上年|幅度|序号|编号|^No\.?$", re.I)


def header_columns(header: list[tuple[int, str]]) -> Columns:
    """What a table's header says of each grid column it heads: (the period its cells are of: "2021年 ",
    "上年度 " or "", its unit or None, whether its numbers are no counts: a 序号, a change "增减（%）")."""
    out: dict[int, tuple[str, str | None, bool]] = {}
    for c, head in header[:_HEADER_CELLS]:
        head = head.strip().translate(_FULL_DIGITS)
        y = _CELL_YEAR.match(head)
        period = f"{y.group(1)}年 " if y and y.group(1) else (f"{_PERIOD[y.group(2)]} " if y else "")
        unit = _CELL_UNIT.search(head)
        out[c] = (period, unit.group(1) if unit else None, bool(_CHANGE_COLUMN.search(head)))
    return out


def caption_unit(texts: list[tuple[int, str]]) -> str | None:
    """The unit a caption row gives the whole table ("单位：件"), if it gives one."""
    m = next((m for _c, x in texts if (m := _TABLE_UNIT.search(x))), None)
    return m.group(1) if m else None


def figure_marks(texts: list[tuple[int, str]], columns: Columns, table_unit: str | None = None
                 ) -> dict[int, tuple[str, str]]:
    """What to write before and after each figure of a table row (grid column: (before, after)): a bare number's
    unit from its column's header or the row's label, the period its column is headed by ("2021年", "本年度",
    "上年度").  Only the cells after the row's label: a 序号 column is no figure; nor is a column of changes
    ("增减（%）", "同比"), whose numbers are no counts of the row's unit."""
    label = next((i for i, (_c, x) in enumerate(texts) if not FIGURE_CELL.match(x)), None)
    if label is None:
        return {}
    m = _CELL_UNIT.search(texts[label][1])
    label_unit = m.group(1) if m else None
    out: dict[int, tuple[str, str]] = {}
    for c, x in texts[label + 1:]:
        figure = FIGURE_CELL.match(x)
        period, head_unit, no_count = columns.get(c, ("", None, False))
        if not figure or no_count:
            continue
        unit = None if figure.group(1) else head_unit or label_unit or table_unit  # "11件" has its own
        if unit or period:
            out[c] = (period, unit or "")
    return out
