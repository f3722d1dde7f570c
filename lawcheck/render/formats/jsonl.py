"""JSON Lines: one scorecard per line, with its path, written as each input is checked."""

from __future__ import annotations

from lawcheck.model import Record
from lawcheck.render import Context, Format
from lawcheck.render.formats.json import with_path

FORMAT = Format("jsonl", "JSON Lines（每行一份，适合大批量）", "JSON Lines: one scorecard per line, for corpora",
                output="stream")


def record(rec: Record, ctx: Context) -> str:
    return with_path(rec) + "\n"


def render(records: list[Record], ctx: Context) -> str:
    return "".join(record(rec, ctx) for rec in records)
