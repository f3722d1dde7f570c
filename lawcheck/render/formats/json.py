"""JSON: one input's canonical scorecard, or a list of them (each with its path) for several or a folder.

Written as each input is checked (a stream: "[", the records with commas between them, "]"), so that a
corpus of any size runs in flat memory; the bytes are those of the whole list written at once."""

from __future__ import annotations

import json as _json
import sys

from lawcheck import rx
from lawcheck.model import SCHEMA_VERSION, Record
from lawcheck.render import Context, Format, whole
from lawcheck.render.dump import model_json

FORMAT = Format("json", "JSON（单份为记分卡，多份或文件夹为列表）",
                "JSON: the scorecard (a list for several inputs or a folder)",
                output="stream")


# Characters valid in JSON strings that a terminal or an editor acts on when the JSON is shown (C1 codes
# such as U+009B, line separators, bidirectional overrides): written as \u escapes, the same value.
_UNSAFE = rx.compile("[\u0080-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe(text: str) -> str:
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) if _UNSAFE.search(text) else text


def with_path(rec: Record) -> str:
    """The record as one JSON object: the scorecard with its path first, or the path and the error; each with
    its gate verdict (``gate``: met, and the reasons it is not — the same as the exit code's and the CSV's)."""
    raw = {"path_raw": rec.path_raw} if rec.path_raw else {}
    gate = {"gate": {"met": not rec.gate, "reasons": list(rec.gate)}}
    if rec.card is None:
        return safe(_json.dumps({"path": rec.path, **raw, "schema_version": SCHEMA_VERSION, "error": rec.error,
                                 **gate}, ensure_ascii=False))
    head = _json.dumps({"path": rec.path, **raw, **gate}, ensure_ascii=False)[:-1]
    return safe(head + "," + model_json(rec.card)[1:])


def _single(ctx: Context) -> bool:
    """One report given as such: its scorecard alone.  A folder's reports are a list, however many."""
    return ctx.inputs == 1 and not ctx.folder


def header(ctx: Context) -> str:
    return "" if _single(ctx) else "["


def record(rec: Record, ctx: Context) -> str:
    """One input of a run of one: its canonical scorecard (or its path and error).  Of several: the record
    with its path, one element of the list."""
    if _single(ctx):
        return (safe(model_json(rec.card)) if rec.card else with_path(rec)) + "\n"
    return with_path(rec)


def separator(ctx: Context) -> str:
    return "" if _single(ctx) else ","


def footer(ctx: Context, kept: list[Record] | tuple[Record, ...] = ()) -> str:
    return "" if _single(ctx) else "]\n"


def render(records: list[Record], ctx: Context) -> str:
    """One input: the canonical scorecard.  Several: a list, each with its path (what the stream writes)."""
    return whole(sys.modules[__name__], records, ctx)
