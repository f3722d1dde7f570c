"""Fixes after the review of 11 December (paragraph shortcomings, the legality review's reviewing body): a lead
that admits problems announces them whatever words end it, unless it turns to the work done; the legality review
by the 司法局 counts only when it is the decision's.  Whole-report cases alter a fixture with plain string
handling; excerpts are written for the test."""

from __future__ import annotations

import lawcheck
from tests.conftest import FIXTURES


def _text(name: str) -> str:
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


def _statuses(text: str) -> dict[str, str]:
    return {r.rule: r.status for r in lawcheck.evaluate(text).results}


# --- #2: the shortcomings as a paragraph, its lead's colon clause any words that announce them. ---

_LS_LEAD = "虽然我县法治政府建设取得了一定成绩,但仍然存在一些工作短板和薄弱环节,主要表现在:"
_LS_HEAD = "二、法治政府建设中存在的问题\n"


def _lingshou_inline(tail: str) -> str:
    text = _text("001_lingshou_2021")
    assert _LS_LEAD in text and _LS_HEAD in text and "三、下一步工作计划" in text
    text = text.replace(_LS_LEAD, _LS_LEAD.replace("主要表现在:", tail))
    return text.replace(_LS_HEAD, "").replace("三、下一步工作计划", "二、下一步工作计划")


def test_a_paragraph_lead_announces_the_problems_whatever_its_colon_clause():
    # The heading gone, "…但仍然存在一些工作短板和薄弱环节,X" over "一是行政机关负责人出庭率偏低…": the paragraph is
    # the shortcomings part whatever X says, as long as it does not turn to the work done.
    base = _statuses(_lingshou_inline("主要表现在:"))
    assert base["content.shortcomings"] == "pass" and base["content.shortcoming_causes"] == "pass"
    for tail in ["亟待破解:", "必须引起高度重视:", "值得我们深思:", "具体来说:", "概括起来有以下几点:",
                 "需要认真研究:", "归纳如下:", "集中体现在以下几个方面:", "有待下一步着力改进:"]:
        st = _statuses(_lingshou_inline(tail))
        assert st["content.shortcomings"] == "pass", tail
        assert st["content.shortcoming_causes"] == "pass", tail


def test_a_lead_into_the_work_done_is_still_no_shortcomings_part():
    # "…还存在一些差距，X：" over the year's measures, X turning to the work done, in a report stating no problems.
    text = _text("003_changsheng_2020")
    head = "一、强化领导、健全制度,依法行政工作有力\n"
    short, plan = "三、存在的不足\n", "四、下步工作打算"
    assert head in text and short in text and plan in text
    text = text[:text.index(short)] + text[text.index(plan):]
    for tail in ["主要做法如下：", "为此重点抓了以下工作：", "我们采取了以下措施：", "重点开展了以下几方面工作：",
                 "主要举措如下："]:
        lead = f"2020年，我镇法治政府建设取得明显成效，但对照上级要求还存在一些差距，{tail}\n"
        st = _statuses(text.replace(head, head + lead))
        assert st["content.shortcomings"] == "fail", tail
        assert st["content.measures_and_results"] == "pass", tail


# --- #8: the 司法局's review counts as the decision's legality review only when it is the decision's. ---

_HEAD = "县人民政府2022年法治政府建设情况报告\n2022年，我县法治政府建设取得新成效。现将有关情况报告如下：\n一、主要举措和成效\n"
_DECIDED = "重大行政决策事项5项均经县政府常务会议集体讨论决定"


def _procedure(sentence: str):
    return lawcheck.evaluate(_HEAD + sentence + "\n").result("decision.major_procedure")


def test_the_reviewing_body_reviewing_a_catalogue_a_record_or_other_work_is_no_legality_review():
    # 条例第二十五条 is the review of the decision's draft before the meeting: not the 目录 published, the 听证笔录
    # filed, problems found, or the body's other work after a comma.
    for tail in ["，年度重大行政决策事项目录经县司法局审核后向社会公布。",
                 "，其听证笔录经县司法局审核后归档。",
                 "，县司法局审查，发现不规范问题3个。",
                 "。县司法局审核，全年办理法律援助案件260件。",
                 "。县司法局审核，全年实施行政执法监督检查12次。",
                 "，重大行政决策事项目录经县司法局审核后，提交县政府常务会议审议通过后向社会公布。",
                 "，其风险评估报告由县法制办审核后存档。"]:
        r = _procedure(_DECIDED + tail)
        assert "legality_review" in r.missing and r.status == "partial", tail


def test_the_reviewing_body_reviewing_the_decision_is_the_legality_review():
    for sentence in ["全年5项重大行政决策事项均经县司法局审查后提交县政府常务会议审议通过。",
                     "5项重大行政决策经县司法局合法性审查后，提请县政府常务会议审议。",
                     "重大决策事项出台前，先由县政府法制机构审查，未经审查的不得提交县政府常务会议研究。",
                     _DECIDED + "，决策草案均由区司法局审核把关。",
                     _DECIDED + "，会前均经县司法局审核。",
                     "全年重大行政决策事项均由区司法局审核把关，经区政府常务会议集体讨论决定。"]:
        r = _procedure(sentence)
        assert r.status == "pass" and "legality_review" not in r.missing, sentence


# --- #9: a general admission over items of work done, or a gap to a standard, names no shortcoming. ---

_LS_PART = "二、法治政府建设中存在的问题\n"


def _lingshou_problems(words: str) -> str:
    text = _text("001_lingshou_2021")
    i, j = text.index(_LS_PART) + len(_LS_PART), text.index("三、下一步工作计划")
    return text[:i] + words + "\n" + text[j:]


def test_an_admission_over_items_of_work_done_names_no_shortcoming():
    for words in ["在看到成绩的同时,我们也清醒地认识到,全县法治政府建设还有差距:一是组织领导干部集中学法4次;"
                  "二是全年审核规范性文件12件;三是办理行政复议案件11件。",
                  "同时也要看到,我县法治政府建设仍存在一些不足:一是开展法治宣传活动36场;二是召开依法治县委员会会议2次。"]:
        assert _statuses(_lingshou_problems(words))["content.shortcomings"] == "fail", words


def test_a_gap_to_a_standard_or_work_not_in_place_names_no_shortcoming():
    for words in ["站在新的起点上审视,全市法治政府建设还存在一些短板,与高质量发展要求还不完全适应。",
                  "我县法治政府建设虽然取得了一定成效,但与上级要求相比还有差距,一些工作还不够到位,有待进一步提升。",
                  "总体来看,全县法治政府建设还存在一些差距,与新形势新任务的需要还不相适应。"]:
        assert _statuses(_lingshou_problems(words))["content.shortcomings"] == "fail", words


def test_a_shortcoming_with_a_count_or_against_a_standard_still_counts():
    for words in ["在看到成绩的同时,我们也清醒地认识到,全县法治政府建设还有差距:一是全年仅办理行政复议案件3件,办案数量偏少;"
                  "二是乡镇执法人员持证率偏低。",
                  "我县法治政府建设还存在一些短板,基层执法力量与执法任务还不相匹配,乡镇司法所仅有工作人员1名。",
                  "我县法治政府建设虽然取得了一定成效,但还有差距,行政执法案卷评查工作还不够到位。"]:
        assert _statuses(_lingshou_problems(words))["content.shortcomings"] == "pass", words
