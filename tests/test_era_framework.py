"""era.current_framework speaks only of what was in force in the report's year: its pass message names the
parts asked for that year (a 2021 report was told it showed the 20th Congress and the 2024 reconsideration
law), it cites only the bases in force then, and what it cites are documents (not "《党的第二十次全国代表大会》")."""

from __future__ import annotations

import pytest

import lawcheck

TEXT_2021 = "2021年,县政府深入实施“八五”普法规划,扎实推进法治政府建设。"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_2021_pass_names_only_the_2021_parts(lang):
    r = lawcheck.evaluate(TEXT_2021, report_year=2021, kind="annual_report", lang=lang).result("era.current_framework")
    assert r.status == "pass"
    for later in ("二十大", "三年行动", "主渠道", "20th", "enforcement-quality", "main channel"):
        assert later not in r.message, r.message
    assert [b.document for b in r.basis] == ["关于开展法治宣传教育的第八个五年规划（2021—2025年）"]


def test_a_2024_report_cites_every_part_in_force():
    text = ("2024年,区政府深入学习贯彻党的二十大精神,深入实施“八五”普法规划,落实提升行政执法质量三年行动计划,"
            "充分发挥行政复议化解行政争议的主渠道作用。")
    r = lawcheck.evaluate(text, report_year=2024, kind="annual_report").result("era.current_framework")
    assert r.status == "pass" and "二十大" in r.message and "主渠道" in r.message
    assert len(r.basis) == 4
    # A congress is cited as the event it was, with its dates and no book-title marks; what a report of
    # those years is expected to show is the rule's note, never put in a document's mouth.
    congress = next(b for b in r.basis if "代表大会" in b.document)
    assert congress.text.startswith("党的第二十次全国代表大会（2022年10月16—22日）"), congress.text
    assert "《" not in congress.text and "应体现" not in congress.text and "期望" in (congress.note or "")
    plan = next(b for b in r.basis if b.ref == "国办发〔2023〕27号")
    assert "应有体现" not in plan.text and "期望" in (plan.note or "")
