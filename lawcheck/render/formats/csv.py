"""CSV: one row per input, one column per key figure and per rule's status; a spreadsheet never runs a cell.

It starts with a UTF-8 byte-order mark, so that Excel and WPS open it as UTF-8.  In Chinese (the
default) the headers and values are what a reviewer reads (文件, 得分, 逾期: 是/否/—, 通过/缺失 …); with
``--lang en`` the same columns carry machine values (path, score, late: yes/no/—, pass/fail …), the form
a script should read.  Rule columns keep their ids in both.
"""

from __future__ import annotations

import csv as _csv
import io
import re

from lawcheck.i18n import t
from lawcheck.model import Record, Scorecard
from lawcheck.render import Context, Format
from lawcheck.render.common import figure_bound, number, shown_status, visible

FORMAT = Format("csv", "CSV 表格（每份报告一行）", "CSV: one row per report", output="stream", needs_rules=True)

_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_BLANKS = re.compile(r"^[\s\u200b\u200c\u200d\u2060\ufeff]+")
HEAD = ["path", "organ", "title", "report_year", "signed_date", "published_date", "level", "kind", "other_kind",
        "score", "grade", "gate", "late", "error"]
HEAD_ZH = ["文件", "机关", "标题", "报告年度", "落款日期", "发布日期", "层级", "文本类型", "其他类型", "得分", "等级",
           "门槛", "逾期", "错误"]
BOM = "\ufeff"
# late: yes, no (every deadline that applies was met), or — (a date is unknown, or not an annual report).
_LATE = {"late": "yes", "on_time": "no"}
_LATE_ZH = {"late": "是", "on_time": "否"}


def _cell(value: object) -> str:
    """A spreadsheet must not run a cell: neutralise leading =, +, -, @ (and tab, CR), after spaces too;
    a control character (a CR in a file name would split the row) is shown as an escape first."""
    s = "" if value is None else visible(str(value), one_line=True)
    # Leading blanks of any kind (a no-break space, an ideographic space, a zero-width space) do not hide one.
    lead = _BLANKS.sub("", s)
    # A lone "-" (standard input's name) is no formula: kept as it is, so that it reads back as the input.
    return "'" + s if lead.rstrip() != "-" and lead.startswith(_FORMULA) else s


def _row(values: list) -> str:
    buf = io.StringIO()
    _csv.writer(buf, lineterminator="\n").writerow(values)
    return buf.getvalue()


def header(ctx: Context) -> str:
    # One column per key indicator (the figure a reviewer copies: the year's total, or its rate), between
    # the report's facts and the rules: a folder becomes the spreadsheet built by hand today.
    # Each a bare number (sorted, summed and averaged as one in WPS and Excel), what the report claims beyond it
    # (310余, 90%以上, 10至20) in the column after them.
    figures = [f"{i.name}（{i.unit}）" if ctx.lang == "zh" else i.id for i in ctx.indicators]
    bounds = (["关键数据说明" if ctx.lang == "zh" else "figure_bounds"] if ctx.indicators else [])
    # The waivers last: the columns before them keep their places.
    return BOM + _row((HEAD_ZH if ctx.lang == "zh" else HEAD) + figures + bounds + [r.id for r in ctx.rules]
                      + ["豁免" if ctx.lang == "zh" else "waived"])


def _values(c: Scorecard, gate_ok: bool, lang: str) -> list:
    """The scorecard's columns: words in Chinese, machine values in English."""
    d = c.document
    zh = lang == "zh"
    level = t(lang, f"level.{d.level}") if zh and d.level else d.level
    kind = ("年度报告" if d.kind == "annual_report" else "非年度报告") if zh else d.kind
    other = t(lang, f"other_kind.{d.other_kind}") if zh and d.other_kind else d.other_kind
    if zh and d.other_kind == "no_text" and d.kind_reason:  # what the reader found: 没有文字层（可能是扫描件）
        other = d.kind_reason
    if d.cut_off:  # a report cut short: why it has no score and did not meet the gate
        other = t(lang, "ui.cut_off_short") if zh else "cut_off"
    elif d.too_short is not None:  # too short to be a year's report: no score, no gate
        other = t(lang, "ui.too_short_short", n=d.too_short) if zh else "too_short"
    grade = c.grade_label if zh else c.grade
    gate = (t(lang, "ui.gate_ok") if gate_ok else t(lang, "ui.gate_fail")) if zh else ("pass" if gate_ok else "fail")
    late = (_LATE_ZH if zh else _LATE).get(c.timeliness or "", "—")
    return [d.organ, d.title, d.report_year, d.signed_date, d.published_date, level, kind, other,
            f"{c.score:.1f}" if c.score is not None else "", grade, gate, late, ""]


def record(rec: Record, ctx: Context) -> str:
    rule_ids = [r.id for r in ctx.rules]
    zh = ctx.lang == "zh"
    if rec.card is None:
        fail = t(ctx.lang, "ui.gate_fail") if zh else "fail"
        return _row([_cell(x) for x in [rec.path, "", "", "", "", "", "", "", "", "", "", fail, "", rec.error]]
                    + [""] * (len(ctx.indicators) + bool(ctx.indicators) + len(rule_ids) + 1))
    statuses = {r.rule: shown_status(r) for r in rec.card.results}
    row = [rec.path, *_values(rec.card, not rec.gate, ctx.lang)]
    found = [(i, rec.card.headline_figure(i.id)) for i in ctx.indicators]
    figures = ["" if f is None else number(f.value) for _i, f in found]
    sep = "；" if zh else "; "
    bounds = [sep.join(f"{i.name if zh else i.id}{'：' if zh else ': '}{figure_bound(f, ctx.lang)}"
                       for i, f in found if figure_bound(f, ctx.lang))] if ctx.indicators else []
    shown = (lambda s: t(ctx.lang, f"status.{s}") if s else "") if zh else (lambda s: s)
    # Each waived rule with its reason and end date (the rule's own column says 已豁免 / waived).
    waived = "；".join(f"{r.rule}：{r.waived.reason}（{r.waived.until.isoformat()}）" if zh else
                      f"{r.rule}: {r.waived.reason} (until {r.waived.until.isoformat()})"
                      for r in rec.card.waived() if r.waived is not None)
    return _row([_cell(x) for x in row] + figures + [_cell(b) for b in bounds]
                + [shown(statuses.get(r, "")) for r in rule_ids] + [_cell(waived)])


def render(records: list[Record], ctx: Context) -> str:
    return header(ctx) + "".join(record(rec, ctx) for rec in records)
