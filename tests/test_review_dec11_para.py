"""Paraphrase review of 11 December: each required element written the way another drafter writes it keeps its
status, and a hollow, negated or removed one does not gain it.  Whole-report cases alter a fixture with plain
string handling; excerpts are written for the test."""

from __future__ import annotations

import lawcheck
from tests.conftest import FIXTURES


def _text(name: str) -> str:
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


def _statuses(text: str) -> dict[str, str]:
    return {r.rule: r.status for r in lawcheck.evaluate(text).results}


def _changed(before: str, after: str) -> dict[str, tuple[str, str]]:
    a, b = _statuses(before), _statuses(after)
    return {k: (a[k], b[k]) for k in a if a[k] != b[k]}


# --- The shortcomings' heading written as a lead sentence ending on a colon, its items numbered under it. ---

_CHANGSHENG_SHORT = "三、存在的不足\n"
_LEADS = [
    "同时，我们也清醒地认识到，法治政府建设还存在一些薄弱环节：",
    "但也存在一些不足：",
    "在取得成绩的同时，我镇法治政府建设工作仍存在一些问题和不足，主要表现在：",
    "同时也要看到，我镇法治政府建设还存在一些问题：",
]


def test_a_lead_over_numbered_problems_is_the_shortcomings_part():
    # "三、存在的不足" written as the sentence that turns to them ("…还存在一些薄弱环节：") over "一是…重视程度不够…",
    # "二是行政执法力量薄弱": the items are the shortcomings (and their causes), not more of the year's work.
    text = _text("003_changsheng_2020")
    assert _CHANGSHENG_SHORT in text
    for lead in _LEADS:
        assert _changed(text, text.replace(_CHANGSHENG_SHORT, lead)) == {}, lead


def test_a_lead_over_numbered_problems_with_the_plan_as_a_lead_too():
    text = _text("003_changsheng_2020")
    altered = text.replace(_CHANGSHENG_SHORT, _LEADS[0]).replace("四、下步工作打算\n", "下一步，我们将重点做好以下工作：")
    assert _changed(text, altered) == {}


def test_a_lead_over_items_of_work_done_states_no_shortcoming():
    # The lead admits problems, the items under it tell what was done: no shortcoming is stated.
    text = _text("003_changsheng_2020")
    start, end = text.index("一是部分领导干部"), text.index("四、下步工作打算")
    hollow = (text[:start] + "一是组织领导干部集中学法4次。\n\n二是开展行政执法人员培训2期。\n\n" + text[end:]).replace(
        _CHANGSHENG_SHORT, _LEADS[0])
    assert _statuses(hollow)["content.shortcomings"] == "fail"


def test_a_gap_admitted_before_the_measures_leaves_them_the_years_work():
    # "…还存在一些差距，主要做法如下：" over the year's measures: not a lead into problems.
    text = _text("003_changsheng_2020")
    head = "一、强化领导、健全制度,依法行政工作有力\n"
    altered = text.replace(head, head + "2020年，我镇法治政府建设取得明显成效，但对照上级要求还存在一些差距，主要做法如下：\n")
    assert _statuses(altered)["content.measures_and_results"] == "pass"
    assert _statuses(altered)["content.shortcomings"] == "pass"


_EXCERPT = """关于2022年法治政府建设情况的报告
2022年，我县坚持以习近平法治思想为指导，扎实推进法治政府建设。现将有关情况报告如下：
一、主要举措和成效
（一）深化“放管服”改革。全年取消调整行政许可事项12项，“一网通办”事项占比达95%。
（二）严格规范公正文明执法。全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，全年公示执法信息1200条。
（三）化解行政争议。办理行政复议案件36件，纠错4件。
在肯定成绩的同时，我们也清醒地看到，全县法治政府建设还存在一些短板：
1.基层行政执法力量薄弱，乡镇执法人员持证率偏低。
2.部分行政机关负责人出庭应诉意识不强，出庭应诉率有待提高。
二、2023年工作安排
（一）开展乡镇执法人员轮训，年内持证率达到90%以上。
（二）修订县政府重大行政决策事项目录。
"""


def test_an_excerpt_with_the_problems_under_a_lead_states_them():
    # "…还存在一些短板：" over "1.…薄弱…", "2.…有待提高": the items are the shortcomings.
    assert _statuses(_EXCERPT)["content.shortcomings"] == "pass"


def test_a_lead_ending_on_a_full_stop_over_items_of_what_is_lacking():
    # "…但也存在一些问题和不足。" over "1.…力量薄弱…", "2.…有待提高": the items are the shortcomings too.
    text = _EXCERPT.replace("在肯定成绩的同时，我们也清醒地看到，全县法治政府建设还存在一些短板：",
                            "一年来，我县法治政府建设虽然取得了一定成效，但也存在一些问题和不足。")
    card = lawcheck.evaluate(text)
    short = next(r for r in card.results if r.rule == "content.shortcomings")
    assert short.status == "pass"
    assert any("持证率偏低" in e.text for e in short.evidence)


def test_a_gap_admitted_in_a_lead_into_the_measures_is_no_shortcomings_part():
    # "…还存在一些差距，主要做法如下：" leads into the year's measures; with no part on the problems the report states
    # none (before, the lead itself passed as the shortcomings part).
    text = _text("003_changsheng_2020")
    head = "一、强化领导、健全制度,依法行政工作有力\n"
    altered = text.replace(head, head + "2020年，我镇法治政府建设取得明显成效，但对照上级要求还存在一些差距，主要做法如下：\n")
    altered = altered[:altered.index(_CHANGSHENG_SHORT)] + altered[altered.index("四、下步工作打算"):]
    st = _statuses(altered)
    assert st["content.shortcomings"] == "fail"
    assert st["content.measures_and_results"] == "pass"


# --- A bare admission over nothing: the preamble's words (全县, 肯定成绩, 回顾…) name no shortcoming. ---

_EXCERPT_ITEMS = "1.基层行政执法力量薄弱，乡镇执法人员持证率偏低。\n2.部分行政机关负责人出庭应诉意识不强，出庭应诉率有待提高。\n"
_EXCERPT_LEAD = "在肯定成绩的同时，我们也清醒地看到，全县法治政府建设还存在一些短板："


def test_a_bare_admission_names_no_shortcoming():
    assert _EXCERPT_ITEMS in _EXCERPT and _EXCERPT_LEAD in _EXCERPT
    bare = _EXCERPT.replace(_EXCERPT_ITEMS, "")
    for lead in [_EXCERPT_LEAD, "客观分析，全区法治政府建设仍存在不少薄弱环节：",
                 "回顾一年来的工作，我们也清醒认识到，全县法治政府建设还存在一些困难和问题：",
                 "一年来，全县法治政府建设虽然取得了一定成效，但也存在一些问题和不足。"]:
        assert _statuses(bare.replace(_EXCERPT_LEAD, lead))["content.shortcomings"] == "fail", lead
        # …the same lead over the problems themselves still states them
        assert _statuses(_EXCERPT.replace(_EXCERPT_LEAD, lead))["content.shortcomings"] == "pass", lead


def test_a_bare_admission_over_work_done_names_no_shortcoming():
    hollow = _EXCERPT.replace(_EXCERPT_ITEMS, "1.组织乡镇执法人员培训3期。\n2.县长出庭应诉2次。\n")
    assert _statuses(hollow)["content.shortcomings"] != "pass"


def test_a_real_problem_with_the_whole_county_in_it_is_still_one():
    # 全县 is taken out, what the county lacks is not.
    text = _EXCERPT.replace(_EXCERPT_ITEMS, "全县行政执法人员持证率偏低，乡镇执法力量薄弱。\n")
    assert _statuses(text)["content.shortcomings"] == "pass"


# --- Neither the problems nor the plan headed: the plan's items numbered anew under the problems' paragraph. ---

_HETANG_HEADS = ("二、存在的问题和困难\n", "三、下一年度工作打算\n")
_YIXING_HEADS = ("  二、存在的主要问题\n", "  三、2021年法治政府建设工作思路\n")


def _without(text: str, heads: tuple[str, ...]) -> str:
    for h in heads:
        assert h in text
        text = text.replace(h, "")
    return text


def test_both_headings_gone_the_plan_is_still_the_plan():
    for name, heads in [("004_hetang_2024", _HETANG_HEADS), ("002_yixing_2020", _YIXING_HEADS)]:
        text = _text(name)
        assert _changed(text, _without(text, heads)) == {}, name


def test_both_headings_gone_and_no_plan_written_there_is_no_plan():
    text = _without(_text("004_hetang_2024"), _HETANG_HEADS)
    no_plan = text[:text.index("(一)深化理论学习")]  # the plan's items were the report's end
    assert _statuses(no_plan)["content.next_year_plan"] != "pass"


def test_items_of_problems_under_the_problems_paragraph_are_no_plan():
    # The same paragraph over items that each tell what is lacking: the problems item by item, not a plan.
    text = _without(_text("004_hetang_2024"), _HETANG_HEADS)
    cut = text.index("(一)深化理论学习")
    items = ("(一)领导干部法治思维有待提升\n部分领导干部运用法治方式解决问题的能力不强。\n"
             "(二)基层执法力量薄弱\n镇(街道)执法人员持证率偏低。\n")
    assert _statuses(text[:cut] + items)["content.next_year_plan"] != "pass"


# --- decision.major_procedure: the legality review told by the body that does it. ---

_HEAD = "县人民政府2022年法治政府建设情况报告\n2022年，我县法治政府建设取得新成效。现将有关情况报告如下：\n一、主要举措和成效\n"


def _rule(text: str, rule: str):
    return next(r for r in lawcheck.evaluate(text).results if r.rule == rule)


def test_the_legality_review_named_by_its_reviewing_body():
    # 条例第二十五条: the draft goes to the 负责合法性审查的部门 before the meeting — "经县司法局审查后提交…常务会议".
    for sentence in ["全年5项重大行政决策事项均公开征求社会公众意见，组织专家论证，开展社会稳定风险评估，"
                     "经县司法局审查后提交县政府常务会议审议通过。",
                     "重大行政决策草案均由县司法局审核把关，再提交县政府常务会议讨论。",
                     "重大决策事项出台前，先由县政府法制机构审查，未经审查的不得提交县政府常务会议研究。"]:
        r = _rule(_HEAD + sentence + "\n", "decision.major_procedure")
        assert r.status == "pass" and "legality_review" not in r.missing, sentence


def test_the_reviewing_body_reviewing_something_else_is_no_legality_review():
    r = _rule(_HEAD + "县司法局审查行政执法案卷120卷，重大行政决策事项均提交县政府常务会议讨论决定。\n",
              "decision.major_procedure")
    assert "legality_review" in r.missing
    r = _rule(_HEAD + "全年县司法局审查规范性文件23件，提交县政府常务会议审议8件。\n", "decision.major_procedure")
    assert r.status == "fail"


# --- enforcement.three_systems: the three named for short, in their order. ---

def test_the_three_systems_named_for_short_in_their_order():
    for sentence in ["严格落实执法公示、记录、审核制度，公示执法信息850条，审核重大执法决定42件。",
                     "严格落实执法公示、执法记录、法制审核制度，全年公示执法信息850条。",
                     "全县执法单位严格落实公示、记录、审核三项要求，全年公示执法信息850条。",
                     "行政执法信息公示、执法过程记录、重大执法决定法制审核制度实现全覆盖。"]:
        r = _rule(_HEAD + sentence + "\n", "enforcement.three_systems")
        assert r.status == "pass", sentence


def test_the_three_systems_for_short_studied_planned_or_undone_do_not_pass():
    for sentence in ["组织执法人员学习执法公示、记录、审核制度有关要求。",
                     "拟于明年全面落实执法公示、记录、审核制度。",
                     "乡镇执法单位尚未落实执法公示、记录、审核制度。"]:
        r = _rule(_HEAD + sentence + "\n", "enforcement.three_systems")
        assert r.status != "pass", sentence
    # …nor does a decision's publicity, minutes and review ("决策事项公示、会议记录、审核把关"): not enforcement
    r = _rule(_HEAD + "严格重大决策事项公示、会议记录、审核把关，落实科学决策要求。\n", "enforcement.three_systems")
    assert r.status == "fail"
