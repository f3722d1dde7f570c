"""Reports whose parts are numbered in a lower style than their subsections ("1.主要举措和成效" over "（一）…")
nest as written: the parts are the 1. 2. 3. headings, the （一） items inside them.  A list numbered 1. 2. above
the 一、 parts stays a list.  A shortcomings sub-heading that gives its cause ("（一）执法力量薄弱，主要原因是…")
states the cause.  Found by a domain review (the shortcomings and the plan were read as the year's work)."""

from __future__ import annotations

import pytest

import lawcheck
from lawcheck.text.normalize import normalize
from lawcheck.text.structure import build

REPORT = """XX县人民政府关于2022年度法治政府建设情况的报告
2022年，县政府深入学习贯彻习近平法治思想，扎实推进法治政府建设。现将有关情况报告如下。
{p1}主要举措和成效
（一）强化组织领导。县长主持召开县政府常务会议专题研究法治政府建设工作4次。
（二）严格规范公正文明执法。全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。
（三）加强行政复议和应诉工作。全年受理行政复议申请58件，审结50件，纠错8件，行政机关负责人出庭应诉率达到100%。
（四）深入开展法治宣传教育。组织国家工作人员学法考法，参考率、合格率均达到100%，开展送法下乡活动40余场。
{p2}存在的不足和原因
（一）部分执法人员业务能力不强，主要原因是培训不够系统。
（二）基层法治力量薄弱。
{p3}2023年工作安排
（一）继续深化行政执法体制改革。
（二）加强法治队伍建设。
XX县人民政府
2023年2月20日
"""
RULES = ("content.measures_and_results", "content.shortcomings", "content.shortcoming_causes",
         "content.next_year_plan")


@pytest.mark.parametrize("marks", [("一、", "二、", "三、"), ("1.", "2.", "3."), ("1、", "2、", "3、"),
                                   ("１．", "２．", "３．"), ("第一部分 ", "第二部分 ", "第三部分 ")])
def test_parts_in_any_numbering_style(marks):
    text = REPORT.format(p1=marks[0], p2=marks[1], p3=marks[2])
    card = lawcheck.evaluate(text)
    assert {r: card.result(r).status for r in RULES} == dict.fromkeys(RULES, "pass"), marks
    st = build(normalize(text))
    tops = [s for s in st.sections if s.parent is None]
    assert [sorted(s.roles) for s in tops] == [["measures"], ["shortcomings"], ["plan"]], marks
    assert all(s.parent is not None for s in st.sections if "（" in text[s.heading_span[0] - 1:s.heading_span[1]]
               or s.heading.startswith("("))


def test_a_numbered_list_above_the_parts_stays_a_list():
    """1. 2. lines in the preamble do not become the parts: the 一、 parts that follow are."""
    text = REPORT.format(p1="一、", p2="二、", p3="三、").replace(
        "现将有关情况报告如下。\n", "现将有关情况报告如下。\n1.全年工作总体情况\n2.存在问题的整改情况\n")
    st = build(normalize(text))
    tops = [s for s in st.sections if s.parent is None]
    assert [s.heading[:2] for s in tops if s.rank <= 1] == ["一、", "二、", "三、"]
    card = lawcheck.evaluate(text)
    assert card.result("content.shortcomings").status == "pass"
    assert card.result("content.next_year_plan").status == "pass"


def test_a_heading_over_a_year_is_a_heading_and_a_decimal_is_not():
    from lawcheck.text.grammar import heading_marker

    assert heading_marker("3.2023年工作安排") == (3, 2)
    assert heading_marker("3.5%的增长来自行政复议") is None


def test_items_numbered_again_under_each_part_are_items():
    """1. 2. in the preamble and again under 二、 and 三、 (numbering that starts over) are lists, not the parts."""
    text = REPORT.format(p1="一、", p2="二、", p3="三、").replace(
        "现将有关情况报告如下。\n", "现将有关情况报告如下。\n1.坚持党的领导。\n2.坚持依法行政。\n").replace(
        "（一）部分执法人员", "1.存在的问题\n（一）部分执法人员").replace("（一）继续深化", "1.下一步工作安排\n（一）继续深化")
    st = build(normalize(text))
    parts = [s.heading[:2] for s in st.sections if s.rank == min(x.rank for x in st.sections)]
    assert parts == ["一、", "二、", "三、"], parts
