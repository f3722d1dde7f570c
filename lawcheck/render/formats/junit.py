"""JUnit XML: one test suite per report, one test case per rule; fail and partial are failures."""

from __future__ import annotations

import sys
from xml.etree import ElementTree as ET

from lawcheck.i18n import t
from lawcheck.model import Record
from lawcheck.render import Context, Format, whole
from lawcheck.render.common import colon, semi, shown, waiver_note

FORMAT = Format("junit", "JUnit XML（持续集成系统读取）", "JUnit XML, for CI systems", output="stream")

# Written as each report is checked (flat memory for any corpus): the root element carries no totals (they
# are optional in the schema, and CI systems add the suites' own counts up).
_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="lawcheck">\n'


def header(ctx: Context) -> str:
    return _HEAD


def footer(ctx: Context, kept: list[Record] | tuple[Record, ...] = ()) -> str:
    return "</testsuites>\n"


def record(rec: Record, ctx: Context) -> str:
    """One report's test suite, indented as a child of the root."""
    # Control characters from a name or a report are not allowed in XML 1.0: shown as escapes.
    suite = _suite(shown([rec])[0])
    ET.indent(suite, level=1)
    return "  " + ET.tostring(suite, encoding="unicode") + "\n"


def render(records: list[Record], ctx: Context) -> str:
    return whole(sys.modules[__name__], records, ctx)


def _suite(rec: Record) -> ET.Element:
    suite = ET.Element("testsuite", name=rec.path)
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    if rec.card is None:
        case = ET.SubElement(suite, "testcase", classname="lawcheck.input", name="read")
        ET.SubElement(case, "error", type="input", message=rec.error or "")
        counts.update(tests=1, errors=1)
    else:
        lang = rec.card.lang
        for r in rec.card.results:
            case = ET.SubElement(suite, "testcase", classname=f"lawcheck.{r.category}", name=r.rule)
            counts["tests"] += 1
            if r.waived is not None:
                # Accepted with a reason and an end date: skipped, as a known exception is in a test suite.
                counts["skipped"] += 1
                ET.SubElement(case, "skipped", type="waived",
                              message=f"{t(lang, 'status.waived')}{colon(lang)}{waiver_note(lang, r)}")
            elif r.status in ("fail", "partial"):
                counts["failures"] += 1
                f = ET.SubElement(case, "failure", type=r.status, message=r.message)
                f.text = f"{r.title}\n{t(lang, 'ui.fix')}{colon(lang)}{r.fix}\n{t(lang, 'ui.basis')}{colon(lang)}" + \
                    semi(lang).join(b.text for b in r.basis)
            elif r.status in ("unknown", "not_applicable"):
                counts["skipped"] += 1
                ET.SubElement(case, "skipped", type=r.status, message=r.message)
        if rec.gate:
            case = ET.SubElement(suite, "testcase", classname="lawcheck.gate", name="gate")
            ET.SubElement(case, "failure", type="gate", message=" ".join(rec.gate))
            counts["tests"] += 1
            counts["failures"] += 1
    for k, v in counts.items():
        suite.set(k, str(v))
    return suite
