"""Found by the legal review of 2026-12-10 (every rule's legal basis, the years and levels it covers): a report
is held only to the provisions that governed its reporter in its year."""

from __future__ import annotations

import pytest

import lawcheck
from tests.conftest import FIXTURES

LINGSHOU = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")


def _result(text: str, rule: str, **kw):
    return lawcheck.evaluate(text, **kw).result(rule)


def _township(year: int, addressee: str, organ: str = "灵寿县青同镇人民政府", we: str = "我镇") -> str:
    """Lingshou's 2021 report made a township's (or a joint) report for another year, with its own addressee."""
    text = LINGSHOU.replace("灵寿县人民政府", organ).replace("中共灵寿县委、县人大常委会", addressee)
    text = text.replace("我县", we)
    return text.replace("2022", "@N@").replace("2021", str(year)).replace("@N@", str(year + 1))


# --- form.recipients: whom a township or a joint report is addressed to is named from the 2019 督察工作规定 on;
# the 2015 纲要 named only governments at county level and above and their departments.

@pytest.mark.parametrize("year", [2016, 2017, 2018])
@pytest.mark.parametrize("addressee", ["灵寿县人民政府法制办公室", "灵寿县司法局", "灵寿县人大常委会", "中共灵寿县委、灵寿县人民政府"])
def test_a_township_report_before_2019_has_no_prescribed_addressees(year, addressee):
    r = _result(_township(year, addressee), "form.recipients")
    assert r.status == "not_applicable", (year, addressee, r.message)
    assert f"{year}年度乡镇（街道）" in r.message and "2019年及以后" in r.message
    en = _result(_township(year, addressee), "form.recipients", lang="en")
    assert "2019 and later" in en.message and "township" in en.message


@pytest.mark.parametrize("year", [2019, 2020, 2024])
def test_a_township_report_from_2019_is_still_held_to_the_line_one_level_up(year):
    assert _result(_township(year, "灵寿县人大常委会"), "form.recipients").status == "fail"
    assert _result(_township(year, "灵寿县司法局"), "form.recipients").status == "fail"
    assert _result(_township(year, "中共灵寿县委、灵寿县人民政府"), "form.recipients").status == "pass"
    assert _result(_township(year, "灵寿县人民政府"), "form.recipients").status == "pass"


def test_a_township_report_whose_reporter_is_not_told_is_not_applicable_before_2019_either():
    """"青同镇2017年法治政府建设工作报告": a government's or a joint report — neither had a prescribed line."""
    body = ("我镇坚持以习近平新时代中国特色社会主义思想为指导，扎实推进依法行政，法治政府建设各项工作取得新成效。\n"
            "一是加强组织领导。二是规范行政决策。三是严格规范执法。\n特此报告。\n")
    old = "青同镇2017年法治政府建设工作报告\n灵寿县人民政府法制办公室：\n2017年，" + body + "2018年3月10日\n"
    new = "青同镇2020年法治政府建设工作报告\n灵寿县人大常委会：\n2020年，" + body + "2021年3月10日\n"
    r = _result(old, "form.recipients")
    assert r.status == "not_applicable" and "2017年度乡镇（街道）的报告" in r.message
    assert _result(new, "form.recipients").status == "fail"


@pytest.mark.parametrize("year,status", [(2017, "not_applicable"), (2018, "not_applicable"), (2019, "fail"),
                                         (2023, "fail")])
def test_a_joint_report_is_held_to_the_line_one_level_up_from_2019(year, status):
    text = _township(year, "灵寿县司法局", organ="中共灵寿县委 灵寿县人民政府", we="我县")
    r = _result(text, "form.recipients")
    assert r.status == status, (year, r.message)
    if status == "not_applicable":
        assert "党委和政府联合" in r.message


@pytest.mark.parametrize("year", [2016, 2017, 2018])
def test_governments_and_departments_before_2019_are_still_held_to_the_2015_outline(year):
    """Not changed: the 2015 纲要 named their addressees (同级党委、人大常委会和上一级政府; 本级政府和上一级政府有关部门)."""
    county = LINGSHOU.replace("中共灵寿县委、县人大常委会", "正定县人民政府")
    county = county.replace("2022", "@N@").replace("2021", str(year)).replace("@N@", str(year + 1))
    assert _result(county, "form.recipients").status == "fail"
    assert _result(county.replace("正定县人民政府：", "中共灵寿县委：").replace("正定县人民政府:", "中共灵寿县委:"),
                   "form.recipients").status == "pass"
    dept = _township(year, "灵寿县人大常委会", organ="灵寿县司法局", we="我局")
    assert _result(dept, "form.recipients").status == "fail"
    assert _result(_township(year, "灵寿县人民政府", organ="灵寿县司法局", we="我局"), "form.recipients").status == "pass"


def test_the_explanation_names_the_years_of_a_line():
    from lawcheck.explain import explain_rule

    rule = next(r for r in lawcheck.load_rules("rules").rules if r.id == "form.recipients")
    zh, en = explain_rule(rule, "zh"), explain_rule(rule, "en")
    assert "乡镇（街道））（2019年及以后年度）: 上一级党委、上一级政府" in zh
    assert "（township）（2019 and later）" in en


# --- era.anachronisms: a revised law cited as revised before its revision — by its full title too.

@pytest.mark.parametrize("cited", ["新修订的《中华人民共和国行政复议法》", "新修订的《行政复议法》", "新修订《中华人民共和国行政复议法》",
                                   "修订后的《中华人民共和国行政复议法》", "《中华人民共和国行政复议法》（2023年修订）",
                                   "新《中华人民共和国行政复议法》"])
def test_the_revised_reconsideration_law_before_its_revision_by_any_title(cited):
    for year, status in ((2020, "fail"), (2022, "fail"), (2023, "pass"), (2024, "pass")):
        text = f"{year}年，县政府认真贯彻{cited}，全年办理行政复议案件56件，依法纠错8件。"
        assert _result(text, "era.anachronisms", report_year=year).status == status, (cited, year)


@pytest.mark.parametrize("cited", ["新修订的《中华人民共和国突发事件应对法》", "新修订的突发事件应对法", "修订后的《突发事件应对法》",
                                   "新修订《突发事件应对法》", "《中华人民共和国突发事件应对法》（2024年修订）",
                                   "新《突发事件应对法》"])
def test_the_revised_emergency_response_law_before_2024(cited):
    for year, status in ((2019, "fail"), (2023, "fail"), (2024, "pass"), (2025, "pass")):
        text = f"{year}年，县应急管理局组织学习{cited}，修订完善各类应急预案21件。"
        r = _result(text, "era.anachronisms", report_year=year)
        assert r.status == status, (cited, year, r.message)
        if status == "fail":
            assert "突发事件应对法" in r.message
            en = _result(text, "era.anachronisms", report_year=year, lang="en")
            assert "Emergency Response Law" in en.message


@pytest.mark.parametrize("text", [
    "2023年，县政府认真贯彻《中华人民共和国突发事件应对法》，修订完善各类应急预案21件。",
    "2023年，县政府积极配合突发事件应对法修订工作，修订完善各类应急预案21件。",
    "2022年，县政府认真贯彻《中华人民共和国行政复议法》，积极配合行政复议法修订工作。",
    "2022年，县政府学习新修订的《中华人民共和国行政处罚法》，全年办理行政复议案件56件。",
])
def test_the_laws_named_without_their_revision_are_not_anachronisms(text):
    year = int(text[:4])
    assert _result(text, "era.anachronisms", report_year=year).status == "pass", text


def test_a_plan_for_the_year_after_may_name_the_revision():
    """Written in the first quarter of 2024, a report on 2023 cannot know the June revision — but its plan is not
    read for it, as with the reconsideration law (the item's scope is the preamble and the year's work)."""
    text = ("关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n2023年，县政府扎实推进法治政府建设，修订应急预案21件。\n"
            "二、2024年工作安排\n做好新修订的《中华人民共和国突发事件应对法》贯彻实施工作。\n")
    assert _result(text, "era.anachronisms").status == "pass"


# --- The law-popularisation plans by the name of their document (法治宣传教育), not only "普法".

@pytest.mark.parametrize("named", ["第八个五年法治宣传教育规划", "“八五”法治宣传教育规划", "《关于开展法治宣传教育的第八个五年规划（2021—2025年）》",
                                   "“八五”普法规划"])
def test_the_eighth_plan_is_expected_from_2021_by_any_name(named):
    text = f"2022年，县政府深入学习贯彻党的二十大精神，深入实施{named}，开展送法下乡120场。"
    r = _result(text, "era.current_framework", report_year=2022)
    assert r.status == "pass", (named, r.message)


@pytest.mark.parametrize("named", ["“八五”法治宣传教育", "《关于开展法治宣传教育的第八个五年规划》", "第八个五年法治宣传教育规划"])
def test_the_eighth_plan_in_a_report_on_2019_by_any_name(named):
    text = f"2019年，县政府深入开展{named}工作，开展送法下乡120场。"
    assert _result(text, "era.anachronisms", report_year=2019).status == "fail", named


def test_the_eighth_plan_carried_out_in_2020_and_the_seventh_as_current_from_2021():
    carried = "2020年，县政府全面落实“八五”法治宣传教育规划，开展送法下乡120场。"
    drafted = "2020年，县政府做好“八五”法治宣传教育规划编制工作，开展送法下乡120场。"
    assert _result(carried, "era.anachronisms", report_year=2020).status == "fail"
    assert _result(drafted, "era.anachronisms", report_year=2020).status == "pass"
    current = "2022年，县政府深入实施“七五”法治宣传教育，开展送法下乡120场。"
    summed_up = "2021年，县政府全面完成“七五”法治宣传教育总结验收，开展送法下乡120场。"
    assert _result(current, "era.outdated_references", report_year=2022).status == "fail"
    assert _result(summed_up, "era.outdated_references", report_year=2021).status == "pass"


def test_a_state_council_department_is_told_what_the_provision_says_not_a_narrower_text():
    """督察工作规定 speaks of "地方各级政府和县级以上政府部门" — not of "县级以上地方政府部门": the reason given for not
    judging a 国务院部门 must not put words into the provision."""
    text = _township(2024, "中共中央、国务院", organ="生态环境部", we="我部")
    card = lawcheck.evaluate(text, published="2025-03-20")
    r = card.result("deadline.publication")
    assert r.status == "unknown"
    assert "县级以上地方政府部门" not in r.message and "没有点明国务院部门" in r.message
    en = lawcheck.evaluate(text, published="2025-03-20", lang="en").result("deadline.publication")
    assert "local departments" not in en.message and "without naming State Council departments" in en.message
