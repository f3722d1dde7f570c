"""CSV: one row per input, one column per rule's status; a spreadsheet never runs a cell."""

from __future__ import annotations

import csv as _csv
import io

from lawcheck.model import Record
from lawcheck.render import Context, Format

FORMAT = Format("csv", "CSV 表格（每份报告一行）", "CSV: one row per report", output="stream", needs_rules=True)

_FORMULA = ("=", "+", "-", "@", "\t", "\r")
HEAD = ["path", "organ", "title", "report_year", "signed_date", "published_date", "level", "kind", "other_kind",
        "score", "grade", "gate", "late", "error"]
# late: yes, no (every deadline that applies was met), or — (a date is unknown, or not an annual report).
_LATE = {"late": "yes", "on_time": "no"}


def _cell(value: object) -> str:
    """A spreadsheet must not run a cell: neutralise leading =, +, -, @ (and tab, CR)."""
    s = "" if value is None else str(value)
    return "'" + s if s.startswith(_FORMULA) else s


def _row(values: list) -> str:
    buf = io.StringIO()
    _csv.writer(buf, lineterminator="\n").writerow(values)
    return buf.getvalue()


def header(ctx: Context) -> str:
    return _row(HEAD + [r.id for r in ctx.rules])


def record(rec: Record, ctx: Context) -> str:
    rule_ids = [r.id for r in ctx.rules]
    if rec.card is None:
        return _row([_cell(x) for x in [rec.path, "", "", "", "", "", "", "", "", "", "", "fail", "", rec.error]]
                    + [""] * len(rule_ids))
    c, d = rec.card, rec.card.document
    statuses = c.statuses()
    row = [rec.path, d.organ, d.title, d.report_year, d.signed_date, d.published_date, d.level,
           d.kind, d.other_kind,
           f"{c.score:.1f}" if c.score is not None else "", c.grade, "fail" if rec.gate else "pass",
           _LATE.get(c.timeliness or "", "—"), ""]
    return _row([_cell(x) for x in row] + [statuses.get(r, "") for r in rule_ids])


def render(records: list[Record], ctx: Context) -> str:
    return header(ctx) + "".join(record(rec, ctx) for rec in records)
