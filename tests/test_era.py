"""Era-aware rules: their years follow the era facts shipped as data, and selection works at the boundaries."""

from __future__ import annotations

import pytest

import lawcheck


@pytest.fixture(scope="module")
def facts(pack):
    return {f.id: f for f in pack.manifest.era}


def _item(pack, rule_id, item_id):
    return next(i for i in pack.rule(rule_id).items if i.id == item_id)


def test_rule_years_follow_the_era_facts(pack, facts):
    def years(rule_id):
        y = pack.rule(rule_id).years
        return y.start, y.end

    assert years("coverage.outline_2015") == (facts["outline_2015"].start, facts["outline_2015"].end)
    assert years("coverage.outline_2021") == (facts["outline_2021"].start, facts["outline_2021"].end)
    assert years("era.rule_of_law_thought")[0] == facts["rule_of_law_thought"].start
    assert years("content.first_responsible_duty")[0] == facts["first_responsible_regulation"].start
    # The three systems were set out by the 2015 Outline (118号 says so itself), the five decision steps made
    # statutory by the 2014 决定: the rules apply from those, and each later instrument's basis from its own year.
    assert years("enforcement.three_systems")[0] == facts["outline_2015"].start
    assert years("decision.major_procedure")[0] == facts["decision_2014"].start

    def basis_from(rule_id, document):
        return [b.years.start for b in pack.rule(rule_id).basis if b.document.startswith(document)]

    assert set(basis_from("enforcement.three_systems", "国务院办公厅关于全面推行")) == \
        {facts["three_systems_guideline"].start}
    assert set(basis_from("enforcement.three_systems", "中华人民共和国行政处罚法")) == {facts["punishment_law_2021"].start}
    assert set(basis_from("decision.major_procedure", "重大行政决策程序暂行条例")) == \
        {facts["major_decision_regulation"].start}
    assert set(basis_from("decision.major_procedure", "中共中央关于全面推进依法治国")) == {facts["decision_2014"].start}
    # The five content items and the 4月1日 limit come from the 2019 supervision regulation.
    for rid in ("content.measures_and_results", "content.shortcomings", "content.shortcoming_causes",
                "content.first_responsible_duty", "content.next_year_plan", "deadline.publication"):
        assert set(basis_from(rid, "法治政府建设与责任落实督察工作规定")) == {facts["supervision_regulation"].start}, rid
    outline = [b for b in pack.rule("content.measures_and_results").basis if b.document.startswith("法治政府建设实施纲要")]
    assert [(b.years.start, b.years.end) for b in outline] == \
        [(facts["outline_2015"].start, facts["supervision_regulation"].start - 1)]
    # Outdated: cited as current once the successor is in force.
    assert _item(pack, "era.outdated_references", "outline_2015").years.start == facts["outline_2021"].start
    assert _item(pack, "era.outdated_references", "old_target").years.start == facts["outline_2021"].start
    assert _item(pack, "era.outdated_references", "petition_regulation").years.start == \
        facts["petition_work_regulation"].start
    assert _item(pack, "era.outdated_references", "seventh_pufa").years.start == facts["pufa_8"].start
    # Expected in its years: each part of era.current_framework follows its fact.
    parts = {p.id: (p.years.start, p.years.end) for p in pack.rule("era.current_framework").parts}
    assert parts["twentieth_congress"][0] == facts["twentieth_congress"].start
    assert parts["eighth_pufa"] == (facts["pufa_8"].start, facts["pufa_8"].end)
    assert parts["enforcement_quality_plan"] == (facts["enforcement_quality_plan"].start,
                                                 facts["enforcement_quality_plan"].end)
    assert parts["reconsideration_main_channel"][0] == facts["reconsideration_law_2023"].start
    # Anachronisms: cited in a report for a year before it existed.
    assert _item(pack, "era.anachronisms", "rule_of_law_thought").years.end == facts["rule_of_law_thought"].start - 1
    assert _item(pack, "era.anachronisms", "twentieth_congress").years.end == facts["twentieth_congress"].start - 1
    assert _item(pack, "era.anachronisms", "outline_2021").years.end == facts["outline_2021"].start - 1
    assert _item(pack, "era.anachronisms", "enforcement_plan_2023").years.end == \
        facts["enforcement_quality_plan"].start - 1
    assert _item(pack, "era.anachronisms", "emergency_law_2024").years.end == facts["emergency_law_2024"].start - 1


REPORT = ("关于{y}年度法治政府建设情况的报告\n{y}年,县政府深入学习贯彻习近平法治思想和党的二十大精神,全面落实《法治政府建设实施纲要"
          "(2015—2020年)》,严格按《信访条例》处理信访事项,深入开展“七五”普法。\n")


@pytest.mark.parametrize(("year", "expected"), [
    (2019, {"era.rule_of_law_thought": "not_applicable", "coverage.outline_2015": "applies",
            "coverage.outline_2021": "not_applicable", "era.outdated_references": "not_applicable",
            "era.anachronisms": "fail"}),
    (2020, {"era.rule_of_law_thought": "pass", "coverage.outline_2015": "applies",
            "coverage.outline_2021": "not_applicable", "era.outdated_references": "not_applicable",
            "era.anachronisms": "fail"}),
    (2021, {"coverage.outline_2015": "not_applicable", "coverage.outline_2021": "applies",
            "era.outdated_references": "fail", "era.anachronisms": "fail"}),
    (2022, {"era.outdated_references": "fail", "era.anachronisms": "pass"}),
    (2023, {"era.anachronisms": "pass"}),
    (2024, {"era.anachronisms": "pass"}),
])
def test_boundaries(pack, year, expected):
    card = lawcheck.evaluate(REPORT.format(y=year), rules=pack)
    got = {k: ("applies" if v == "applies" and card.result(k).status not in ("not_applicable", "unknown")
               else card.result(k).status) for k, v in expected.items()}
    assert got == expected


def test_what_is_flagged_changes_at_each_boundary(pack):
    missing = lambda y: lawcheck.evaluate(REPORT.format(y=y), rules=pack).result("era.outdated_references").missing  # noqa: E731
    assert missing(2021) == ["outline_2015", "seventh_pufa"]            # 信访条例 still current in 2021
    assert missing(2022) == ["outline_2015", "petition_regulation", "seventh_pufa"]
    anach = lambda y: lawcheck.evaluate(REPORT.format(y=y), rules=pack).result("era.anachronisms").missing  # noqa: E731
    assert anach(2019) == ["rule_of_law_thought", "twentieth_congress"]
    assert anach(2021) == ["twentieth_congress"]


@pytest.mark.parametrize(("year", "expected_parts"), [
    (2020, None),  # not applicable
    (2021, ["eighth_pufa"]),
    (2022, ["twentieth_congress", "eighth_pufa"]),
    (2023, ["twentieth_congress", "eighth_pufa", "enforcement_quality_plan"]),
    (2024, ["twentieth_congress", "eighth_pufa", "enforcement_quality_plan", "reconsideration_main_channel"]),
])
def test_what_is_expected_grows_with_the_year(pack, year, expected_parts):
    empty = f"{year}年,区政府扎实推进依法行政,各项工作取得新成效。\n"
    r = lawcheck.evaluate(empty, rules=pack, report_year=year).result("era.current_framework")
    if expected_parts is None:
        assert r.status == "not_applicable"
    else:
        assert r.status == "fail" and r.missing == expected_parts
