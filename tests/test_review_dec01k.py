"""The figures and the era rules on altered copies (two reviews, 2026-12-01, second session): last year's and
several years' figures are not the year's; a whole count is exact, so a wrong change on small numbers fails;
"较上年度" states a change; a 2021 report closing the 七五 普法 or telling the 2015 纲要 as past is not citing
them as current; the congress and plenums as reports join them are anachronisms before their time."""

from __future__ import annotations

import pytest

import lawcheck
from tests.conftest import FIXTURES

REPORT = """某县人民政府关于2023年度法治政府建设情况的报告
一、主要举措和成效
{x}
二、存在的不足
执法人员素质不高，原因是培训不够。
三、2024年工作安排
开展执法人员轮训。
某县人民政府
2024年3月1日
"""


def result(x: str, rule: str):  # type: ignore[no-untyped-def]
    return lawcheck.evaluate(REPORT.format(x=x)).result(rule)


# --- whose year a figure is

def test_last_years_figures_are_not_the_years_key_figures():
    x = "2022年，全县受理行政复议案件50件，办理行政诉讼案件86件，行政机关负责人出庭应诉率达100%。"
    assert result(x, "figures.key_indicators").status == "fail"
    this_year = x.replace("2022年，", "2023年，")
    assert result(this_year, "figures.key_indicators").status == "pass"


@pytest.mark.parametrize("span", ["近三年累计", "2021—2023年累计", "三年来累计", "“十四五”时期累计", "2019年以来累计"])
def test_figures_over_several_years_are_cumulative(span):
    card = lawcheck.evaluate(REPORT.format(x=f"全年受理行政复议案件58件。{span}受理行政复议案件300件。"))
    periods = {f.value: f.period for f in card.figures if f.indicator == "review.cases_received"}
    assert periods == {58.0: "current", 300.0: "cumulative"}
    assert card.headline("review.cases_received") == 58.0


def test_a_plans_years_in_its_name_do_not_make_a_figure_cumulative():
    card = lawcheck.evaluate(REPORT.format(x="贯彻落实《法治政府建设实施纲要（2021—2025年）》，全年受理行政复议案件58件。"))
    assert [f.period for f in card.figures if f.indicator == "review.cases_received"] == ["current"]


# --- a change stated against two whole counts

@pytest.mark.parametrize(("x", "status"), [
    ("全年受理行政复议案件60件，比上年50件增加11件。", "fail"),
    ("全年受理行政复议案件60件，比上年50件增加10件。", "pass"),
    ("全年受理行政复议案件4件，同比增长80%（上年3件）。", "fail"),
    ("全年受理行政复议案件4件，同比增长33.3%（上年3件）。", "pass"),
    ("全年受理行政复议案件11件，同比增长35%（上年9件）。", "fail"),
    ("全年受理行政复议案件11件，同比增长22%（上年9件）。", "pass"),
    # rounded amounts keep their rounding: 1.2万 may be 11,500–12,499
    ("全年受理行政复议案件1.2万件，同比增长20%（上年1万件）。", "pass"),
    ("行政机关负责人出庭应诉率95.5%，同比提高5.5个百分点（上年90%）。", "pass"),
    # 较上年度 states a change as 较上年 does
    ("全年受理行政复议案件60件，较上年度增长35%（上年度50件）。", "fail"),
    ("全年受理行政复议案件60件，较上年度增长20%（上年度50件）。", "pass"),
])
def test_a_change_stated_against_whole_counts(x, status):
    assert result(x, "figures.change_consistency").status == status


# --- the era rules against the calendar of the law

LINGSHOU = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
A = "二是采取多种形式,开展民法典宣传活动;"


def outdated(sentence: str) -> str:
    assert A in LINGSHOU
    return lawcheck.evaluate(LINGSHOU.replace(A, sentence + A)).result("era.outdated_references").status


@pytest.mark.parametrize("sentence", [
    "开展“七五”普法检查验收,顺利通过省级考核。",
    "圆满完成“七五”普法规划实施各项任务。",
    "全面总结“七五”普法规划实施情况。",
    "年初,组织开展“七五”普法终期评估。",
    "“十三五”期间,我县全面贯彻落实《法治政府建设实施纲要(2015—2020年)》,法治政府基本建成。",
    "“十三五”时期,基本建成职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信的法治政府的目标如期实现。",
])
def test_a_2021_report_closing_the_old_plans_cites_nothing_outdated(sentence):
    assert outdated(sentence) == "pass"


@pytest.mark.parametrize("sentence", [
    "深入推进“七五”普法,开展法治宣传进万家活动。",
    "认真贯彻落实《法治政府建设实施纲要(2015—2020年)》,推进依法行政。",
    "按照《法治政府建设实施纲要(2015年—2020年)》要求,推进依法行政。",
    "加快建设职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信的法治政府。",
])
def test_working_under_the_old_plans_is_still_outdated(sentence):
    assert outdated(sentence) == "fail"


HETANG_2023 = (FIXTURES / "004_hetang_2024.txt").read_text(encoding="utf-8").replace("2024", "2023").replace("2025", "2024")


@pytest.mark.parametrize(("text", "wording", "item"), [
    (HETANG_2023, "党的二十大和二十届二中、三中全会精神", "third_plenum_20"),
    (LINGSHOU, "深入学习贯彻党的二十大和二十届二中全会精神。", "twentieth_congress"),
    (LINGSHOU, "全面贯彻落实党的二十大决策部署。", "twentieth_congress"),
])
def test_the_congress_and_plenums_as_reports_join_them_are_anachronisms(text, wording, item):
    if item == "third_plenum_20":
        assert "党的二十届三中全会精神" in text
        altered = text.replace("党的二十届三中全会精神", wording)
    else:
        altered = text.replace(A, wording + A)
    r = lawcheck.evaluate(altered).result("era.anachronisms")
    assert r.status == "fail" and item in r.missing


def test_the_2021_outline_with_years_written_twice_is_an_anachronism_in_2020():
    text = (FIXTURES / "002_yixing_2020.txt").read_text(encoding="utf-8")
    anchor = "全面落实中共中央、国务院《法治政府建设实施纲要(2015"
    assert anchor in text
    altered = text.replace(anchor, "贯彻《法治政府建设实施纲要(2021年—2025年)》," + anchor, 1)
    r = lawcheck.evaluate(altered).result("era.anachronisms")
    assert r.status == "fail" and "outline_2021" in r.missing
