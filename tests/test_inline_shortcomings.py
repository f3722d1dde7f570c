"""Shortcomings written as a paragraph at the end of the year's work, in a report whose parts are numbered
but none is headed as the shortcomings ("在肯定成绩的同时，我们也清醒地看到，…还存在一些不足：一是…"), are
the shortcomings: the paragraph and what follows it to the end of its part.  A paragraph of measures that
answers problems ("同时，针对存在的问题…") stays the year's work.  Found by a domain review."""

from __future__ import annotations

import pytest

import lawcheck

REPORT = """XX县人民政府关于2022年度法治政府建设情况的报告
2022年，县政府深入学习贯彻习近平法治思想，扎实推进法治政府建设。现将有关情况报告如下。
一、主要举措和成效
（一）强化组织领导。县长主持召开县政府常务会议专题研究法治政府建设工作4次。
（二）严格规范公正文明执法。全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。
（三）加强行政复议和应诉工作。全年受理行政复议申请58件，审结50件，纠错8件，行政机关负责人出庭应诉率达到100%。
（四）深入开展法治宣传教育。组织国家工作人员学法考法，参考率、合格率均达到100%，开展送法下乡活动40余场。
{para}
二、2023年工作安排
（一）继续深化行政执法体制改革。
（二）加强法治队伍建设。
XX县人民政府
2023年2月20日
"""
PROBLEMS = "一是部分执法人员业务能力不强，主要原因是培训不够系统；二是基层法治力量薄弱。"


@pytest.mark.parametrize("opening", [
    "在肯定成绩的同时，我们也清醒地看到，我县法治政府建设还存在一些不足：",
    "但也要看到，我县法治政府建设仍存在一些问题和短板：",
    "同时我们清醒认识到，与上级要求相比还有差距：",
    "看到成效的同时，工作中也还存在一些薄弱环节。",
    "2022年，我县法治政府建设取得了一些新成效，但也仍然存在一些问题与不足：",
    "一年来，我县法治政府建设虽然取得了一定成效，但也还存在一些问题与不足：",
    "但是，对照上级要求，我县法治政府建设仍存在一些短板：",
    "当然，我县法治政府建设工作中也存在一些问题：",
])
def test_a_paragraph_turning_to_the_shortcomings_is_the_shortcomings(opening):
    text = REPORT.format(para=opening + PROBLEMS)
    card = lawcheck.evaluate(text)
    assert card.result("content.shortcomings").status == "pass", opening
    assert card.result("content.shortcoming_causes").status == "pass", opening
    # The year's work before it is still the year's work.
    assert card.result("content.measures_and_results").status == "pass"
    assert card.result("content.first_responsible_duty").status == "pass"


@pytest.mark.parametrize("para", [
    "同时，针对存在的问题，我们开展了专项整改，执法案卷合格率提高到98%。",
    "但是我们坚持问题导向，全面梳理存在的问题和不足并逐项整改。",
    "全年办理行政复议案件12件，纠错率10%，行政机关负责人出庭应诉率100%。",
])
def test_measures_that_answer_problems_stay_measures(para):
    card = lawcheck.evaluate(REPORT.format(para=para))
    assert card.result("content.shortcomings").status != "pass", para


@pytest.mark.parametrize("para", [
    "我们清醒地认识到，严格规范公正文明执法是法治政府建设的关键环节。",
    "在取得成效的同时，县政府注重总结经验，形成了一批可复制可推广的做法。",
    "但是，部分执法单位仍存在一些问题，对此县政府开展专项整治，督促整改问题17个。",
])
def test_a_measures_paragraph_mid_part_is_not_the_shortcomings(para):
    """A paragraph that states no remaining problem, or answers one, is the year's work; and what follows it
    under the next subsection heading is the year's work whatever the paragraph says."""
    text = REPORT.format(para=para).replace(
        "（二）严格规范公正文明执法。", para + "\n（二）严格规范公正文明执法。").replace("\n" + para + "\n二、", "\n二、")
    card = lawcheck.evaluate(text)
    assert card.result("content.shortcomings").status != "pass", para


def test_the_turn_reaches_only_to_the_next_heading():
    text = REPORT.format(para="全年办理行政复议案件12件。").replace(
        "（二）严格规范公正文明执法。", "在肯定成绩的同时，也要看到还存在一些不足：" + PROBLEMS + "\n（二）严格规范公正文明执法。")
    card = lawcheck.evaluate(text)
    assert card.result("content.shortcomings").status == "pass"
    # The subsection after it is still the year's work: the three systems count as done.
    assert card.result("enforcement.three_systems").status == "pass"


def test_a_report_with_a_shortcomings_part_is_read_as_before():
    """Where a part is headed as the shortcomings, a turning paragraph inside the year's work changes nothing."""
    text = REPORT.format(para="在肯定成绩的同时，也要看到还存在一些不足。").replace(
        "二、2023年工作安排", "二、存在的不足和原因\n" + PROBLEMS + "\n三、2023年工作安排")
    card = lawcheck.evaluate(text)
    r = card.result("content.shortcomings")
    assert r.status == "pass"
    assert any("存在的不足和原因" in e.text for e in r.evidence)
