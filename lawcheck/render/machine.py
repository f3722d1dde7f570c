"""Machine-readable outputs: JSON, JSON Lines, CSV, JUnit XML and SARIF 2.1.0."""

from __future__ import annotations

import csv
import io
import json
from bisect import bisect_right
from xml.etree import ElementTree as ET

from lawcheck import __version__
from lawcheck.batch import Checked
from lawcheck.i18n import t
from lawcheck.model import SCHEMA_VERSION, RuleResult, Scorecard
from lawcheck.render.common import Gate, timeliness


def _with_path(path: str, card: Scorecard) -> str:
    return '{"path":' + json.dumps(path, ensure_ascii=False) + "," + card.model_dump_json()[1:]


def _error_json(path: str, error: str | None) -> str:
    return json.dumps({"path": path, "schema_version": SCHEMA_VERSION, "error": error}, ensure_ascii=False)


def render_json(items: list[Checked], single: bool) -> str:
    """One input: the canonical scorecard.  Several: a list, each with its path."""
    if single and len(items) == 1:
        it = items[0]
        return (it.card.model_dump_json() if it.card else _error_json(it.path, it.error)) + "\n"
    rows = [_with_path(it.path, it.card) if it.card else _error_json(it.path, it.error) for it in items]
    return "[" + ",".join(rows) + "]\n"


def jsonl_line(it: Checked) -> str:
    return (_with_path(it.path, it.card) if it.card else _error_json(it.path, it.error)) + "\n"


def render_jsonl(items: list[Checked]) -> str:
    return "".join(jsonl_line(it) for it in items)


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    """A spreadsheet must not run a cell: neutralise leading =, +, -, @ (and tab, CR)."""
    s = "" if value is None else str(value)
    return "'" + s if s.startswith(_FORMULA) else s


CSV_HEAD = ["path", "organ", "title", "report_year", "signed_date", "published_date", "level", "kind", "other_kind",
            "score", "grade", "gate", "late", "error"]
# late: yes, no (every deadline that applies was met), or — (a date is unknown, or not an annual report).
_LATE = {"late": "yes", "on_time": "no"}


def _csv(row: list) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(row)
    return buf.getvalue()


def csv_header(rule_ids: list[str]) -> str:
    return _csv(CSV_HEAD + rule_ids)


def csv_row(it: Checked, rule_ids: list[str], gate: Gate) -> str:
    if it.card is None:
        return _csv([_cell(x) for x in [it.path, "", "", "", "", "", "", "", "", "", "", "fail", "", it.error]]
                    + [""] * len(rule_ids))
    c, d = it.card, it.card.document
    statuses = c.statuses()
    row = [it.path, d.organ, d.title, d.report_year, d.signed_date, d.published_date, d.level,
           d.kind, d.other_kind,
           f"{c.score:.1f}" if c.score is not None else "", c.grade, "pass" if gate.ok(it.path) else "fail",
           _LATE.get(timeliness(c) or "", "—"), ""]
    return _csv([_cell(x) for x in row] + [statuses.get(r, "") for r in rule_ids])


def render_csv(items: list[Checked], rule_ids: list[str], gate: Gate) -> str:
    return csv_header(rule_ids) + "".join(csv_row(it, rule_ids, gate) for it in items)


def render_junit(items: list[Checked], gate: Gate) -> str:
    """One test suite per report, one test case per rule; fail and partial are failures."""
    suites = ET.Element("testsuites", name="lawcheck")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for it in items:
        suite = ET.SubElement(suites, "testsuite", name=it.path)
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        if it.card is None:
            case = ET.SubElement(suite, "testcase", classname="lawcheck.input", name="read")
            ET.SubElement(case, "error", type="input", message=it.error or "")
            counts.update(tests=1, errors=1)
        else:
            for r in it.card.results:
                case = ET.SubElement(suite, "testcase", classname=f"lawcheck.{r.category}", name=r.rule)
                counts["tests"] += 1
                if r.status in ("fail", "partial"):
                    counts["failures"] += 1
                    f = ET.SubElement(case, "failure", type=r.status, message=r.message)
                    f.text = f"{r.title}\n{t(it.card.lang, 'ui.fix')}: {r.fix}\n{t(it.card.lang, 'ui.basis')}: " + \
                        "; ".join(b.text for b in r.basis)
                elif r.status in ("unknown", "not_applicable"):
                    counts["skipped"] += 1
                    ET.SubElement(case, "skipped", type=r.status, message=r.message)
            if gate.reasons.get(it.path):
                case = ET.SubElement(suite, "testcase", classname="lawcheck.gate", name="gate")
                ET.SubElement(case, "failure", type="gate", message=" ".join(gate.reasons[it.path]))
                counts["tests"] += 1
                counts["failures"] += 1
        for k, v in counts.items():
            suite.set(k, str(v))
        for k in totals:
            totals[k] += counts[k]
    for k, v in totals.items():
        suites.set(k, str(v))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


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


def render_sarif(items: list[Checked], pack_rules: list) -> str:
    """SARIF 2.1.0: one run; a result per failed or partial rule, located by its evidence."""
    rules_meta = [
        {
            "id": r.id,
            "name": r.id.replace(".", "_"),
            "shortDescription": {"text": r.title.zh},
            "fullDescription": {"text": r.message.zh},
            "help": {"text": r.fix.zh},
            "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity]},
            "properties": {"category": r.category, "weight": r.weight,
                           "basis": [b.cite() for b in r.basis]},
        }
        for r in pack_rules
    ]
    index = {r["id"]: i for i, r in enumerate(rules_meta)}
    results: list[dict] = []
    notifications: list[dict] = []
    for it in items:
        if it.card is None:
            notifications.append({"level": "error", "message": {"text": f"{it.path}: {it.error}"},
                                  "locations": [{"physicalLocation": {"artifactLocation": {"uri": it.path}}}]})
            continue
        text = it.text or ""
        starts = _line_starts(text)
        for r in it.card.results:
            if r.status not in ("fail", "partial"):
                continue
            results.append(_sarif_result(r, it.path, text, starts, index))
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "lawcheck", "version": __version__, "informationUri":
                                "https://pypi.org/project/lawcheck/", "rules": rules_meta}},
            "columnKind": "unicodeCodePoints",
            "results": results,
            "invocations": [{"executionSuccessful": not notifications,
                             "toolExecutionNotifications": notifications}],
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _sarif_result(r: RuleResult, path: str, text: str, starts: list[int], index: dict[str, int]) -> dict:
    spans = [(e.start, e.end) for e in r.evidence] or ([(r.near_miss.start, r.near_miss.end)] if r.near_miss else [])
    if text and spans:
        locations = [{"physicalLocation": {"artifactLocation": {"uri": path},
                                           "region": _region(starts, text, s, e)}} for s, e in spans[:5]]
    else:  # nothing to point at: the report as a whole
        locations = [{"physicalLocation": {"artifactLocation": {"uri": path}, "region": {"startLine": 1}}}]
    # A failure carries the rule's severity; a partial result is at most a warning.
    level = _SARIF_LEVEL[r.severity] if r.status == "fail" else ("note" if r.severity == "info" else "warning")
    result = {
        "ruleId": r.rule,
        "level": level,
        "message": {"text": f"{r.message} {r.fix}"},
        "locations": locations,
        "properties": {"status": r.status, "fraction": r.fraction, "missing": r.missing},
    }
    if r.rule in index:
        result["ruleIndex"] = index[r.rule]
    return result
