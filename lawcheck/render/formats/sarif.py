"""SARIF 2.1.0: one run; a result per failed or partial rule, located by its evidence (lines and columns)."""

from __future__ import annotations

import json
import sys
from bisect import bisect_right

from lawcheck.i18n import t
from lawcheck.model import Record, RuleResult
from lawcheck.render import Context, Format, whole
from lawcheck.render.formats.json import safe
from lawcheck.version import __version__

FORMAT = Format("sarif", "SARIF 2.1.0（代码审查工具读取，含行列位置）", "SARIF 2.1.0, with lines and columns",
                output="stream", needs_text=True, needs_rules=True)

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def _region(starts: list[int], text: str, start: int, end: int) -> dict:
    """1-based line and column (Unicode code points) of a span of the original text."""
    def pos(off: int) -> tuple[int, int]:
        line = bisect_right(starts, off) - 1
        return line + 1, off - starts[line] + 1

    sl, sc = pos(start)
    el, ec = pos(max(start, end))
    return {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec,
            "snippet": {"text": text[start:end]}}


def _uri(path: str) -> str:
    """A path as a relative URI reference (RFC 3986): "a#1.txt" must not end at "#", a space is %20."""
    from urllib.parse import quote

    return quote(path.replace("\\", "/"), safe="/:-._~()")


# Written as each report is checked (flat memory for any corpus): the log up to its results, each report's
# results, then the rest of the log with the inputs that could not be read.  The bytes are those of the whole
# log written by json.dumps(indent=2): a result sits at depth 4 (log, runs, run, results).
_SENTINEL = "\x00lawcheck results\x00"
_DEPTH = " " * 8


def _rules_meta(ctx: Context) -> list[dict]:
    return [
        {
            "id": r.id,
            "name": r.id.replace(".", "_"),
            "shortDescription": {"text": r.title},
            "fullDescription": {"text": r.message},
            "help": {"text": r.fix},
            "defaultConfiguration": {"level": _LEVEL[r.severity]},
            "properties": {"category": r.category, "weight": r.weight, "basis": r.basis},
        }
        for r in ctx.rules
    ]


def _log(ctx: Context, failed: list[Record] | tuple[Record, ...]) -> tuple[str, str]:
    """The log's text before its results and after them (``failed``: the inputs that could not be read)."""
    notifications = [{"level": "error", "message": {"text": f"{rec.path}: {rec.error}"},
                      "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(rec.path)}}}]}
                     for rec in failed]
    if ctx.interrupted:  # stopped before the end: the log is not the whole batch
        notifications.append({"level": "error", "message": {
            "text": t(ctx.lang, "ui.interrupted_total", n=ctx.interrupted).strip("（）() ")}})
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "lawcheck", "version": __version__, "informationUri":
                                "https://pypi.org/project/lawcheck/", "rules": _rules_meta(ctx)}},
            "columnKind": "unicodeCodePoints",
            "results": [_SENTINEL],
            "invocations": [{"executionSuccessful": not notifications,
                             "toolExecutionNotifications": notifications}],
        }],
    }
    whole = json.dumps(log, ensure_ascii=False, indent=2)
    marker = _DEPTH + json.dumps(_SENTINEL, ensure_ascii=False)
    before, after = whole.split(marker)
    return safe(before), safe(after) + "\n"


def header(ctx: Context) -> str:
    return _log(ctx, ())[0]


def record(rec: Record, ctx: Context) -> str:
    """This report's results, indented as elements of the log's results (nothing for a report without any,
    or an input that could not be read: it is in the footer)."""
    if rec.card is None:
        return ""
    index = {r.id: i for i, r in enumerate(ctx.rules)}
    text = rec.text or ""
    starts = _line_starts(text)
    items = [json.dumps(_result(r, rec.path, text, starts, index), ensure_ascii=False, indent=2)
             for r in rec.card.results if r.status in ("fail", "partial")]
    return safe(",\n".join(_DEPTH + item.replace("\n", "\n" + _DEPTH) for item in items))


def separator(ctx: Context) -> str:
    return ",\n"


def footer(ctx: Context, kept: list[Record] | tuple[Record, ...] = ()) -> str:
    return _log(ctx, [rec for rec in kept if rec.error is not None])[1]


def render(records: list[Record], ctx: Context) -> str:
    return whole(sys.modules[__name__], records, ctx)


def _result(r: RuleResult, path: str, text: str, starts: list[int], index: dict[str, int]) -> dict:
    spans = [(e.start, e.end) for e in r.evidence] or ([(r.near_miss.start, r.near_miss.end)] if r.near_miss else [])
    if text and spans:
        locations = [{"physicalLocation": {"artifactLocation": {"uri": _uri(path)},
                                           "region": _region(starts, text, s, e)}} for s, e in spans[:5]]
    else:  # nothing to point at: the report as a whole
        locations = [{"physicalLocation": {"artifactLocation": {"uri": _uri(path)}, "region": {"startLine": 1}}}]
    # A failure carries the rule's severity; a partial result is at most a warning.
    level = _LEVEL[r.severity] if r.status == "fail" else ("note" if r.severity == "info" else "warning")
    result = {
        "ruleId": r.rule,
        "level": level,
        "message": {"text": f"{r.message} {r.fix}"},
        "locations": locations,
        "properties": {"status": r.status, "fraction": r.fraction, "missing": r.missing},
    }
    if r.waived is not None:
        # A waiver is a suppression from outside the report (the settings file): accepted, with its reason,
        # its end date and where it is written.  SARIF viewers show the result as suppressed.
        w = r.waived
        sup: dict = {"kind": "external", "status": "accepted", "justification": w.reason,
                     "properties": {"until": w.until.isoformat()}}
        if w.where:
            file, _, line = w.where.rpartition(":")
            loc: dict = {"artifactLocation": {"uri": _uri(file if line.isdigit() else w.where)}}
            if line.isdigit():
                loc["region"] = {"startLine": int(line)}
            sup["location"] = {"physicalLocation": loc}
        result["suppressions"] = [sup]
    if r.rule in index:
        result["ruleIndex"] = index[r.rule]
    return result
