"""Fixes after the second look at the review of 11 December: a shortcomings lead that names the work lacking next
to 以下 still announces the problems (F1); a report's own supervision of its units, under an opening "在…领导下", is
no inspector's report (F6); the three enforcement systems named for short only as those systems (F7).  Whole-report
cases alter a fixture with plain string handling; excerpts are written for the test."""

from __future__ import annotations

import pytest

import lawcheck
from tests.conftest import FIXTURES


def _text(name: str) -> str:
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


def _statuses(text: str) -> dict[str, str]:
    return {r.rule: r.status for r in lawcheck.evaluate(text).results}


# --- F1: "以下工作还需改进：" announces the work that is lacking, not the work done. ---

_LS_LEAD = "虽然我县法治政府建设取得了一定成绩,但仍然存在一些工作短板和薄弱环节,主要表现在:"
_LS_HEAD = "二、法治政府建设中存在的问题\n"


def _lingshou_lead(lead: str) -> str:
    text = _text("001_lingshou_2021")
    assert _LS_LEAD in text and _LS_HEAD in text and "三、下一步工作计划" in text
    text = text.replace(_LS_LEAD, lead)
    return text.replace(_LS_HEAD, "").replace("三、下一步工作计划", "二、下一步工作计划")


def test_a_lead_naming_the_work_lacking_next_to_yixia_announces_the_problems():
    base = _statuses(_lingshou_lead(_LS_LEAD))
    assert base["content.shortcomings"] == "pass"
    for lead in ["虽然我县法治政府建设取得了一定成绩,但对照上级要求仍有差距,以下工作还需改进:",
                 "虽然我县法治政府建设取得了一定成绩,但对照上级要求仍有差距,以下几项工作有待加强:",
                 "我县法治政府建设虽取得一定成效,但与新形势新要求相比还有差距,主要体现在以下几方面工作:",
                 "对照上级的部署要求,我县法治政府建设仍有差距,需在以下工作中加以改进:",
                 "同时也要清醒看到,我县法治政府建设还有一些差距,以下几方面工作仍需提升:",
                 "客观地讲,我县依法行政水平与上级要求相比仍有差距,如下工作亟待完善:"]:
        st = _statuses(_lingshou_lead(lead))
        assert st["content.shortcomings"] == "pass", lead
        assert st["content.shortcoming_causes"] == "pass", lead


def test_a_lead_saying_what_was_done_still_turns_to_the_measures():
    # "…还存在一些差距，X：" over the year's measures, X saying what was done or taken, no part on the problems.
    text = _text("003_changsheng_2020")
    head = "一、强化领导、健全制度,依法行政工作有力\n"
    short, plan = "三、存在的不足\n", "四、下步工作打算"
    text = text[:text.index(short)] + text[text.index(plan):]
    for tail in ["重点工作如下：", "主要采取以下几项措施：", "我们重点抓好了以下几个方面：", "具体做法如下："]:
        lead = f"2020年，我镇法治政府建设取得明显成效，但对照上级要求还存在一些差距，{tail}\n"
        st = _statuses(text.replace(head, head + lead))
        assert st["content.shortcomings"] == "fail", tail
        assert st["content.measures_and_results"] == "pass", tail


# --- F6: a report's own supervision of its units, under an opening on its leadership, is no inspector's report. ---

_HETANG = _text("004_hetang_2024")  # untitled as crawled
_HT_OPENING = "2024年,荷塘区坚持"
_HT_FORMULA = "现将相关情况报告如下:\n"


def _hetang_supervising(opening: str, preamble: str) -> str:
    text = _HETANG
    assert text.startswith(_HT_OPENING) and _HT_FORMULA in text
    text = opening + text[len("2024年,"):]
    text = text.replace(_HT_FORMULA, _HT_FORMULA + preamble + "\n", 1)
    text = text.replace("二、存在的问题和困难\n", "督促被督察单位对照督察意见书逐项整改,整改完成率100%。\n"
                        "二、存在的问题和困难\n", 1)
    return text.replace("三、下一年度工作打算\n", "部分被督察单位整改不够彻底。\n三、下一年度工作打算\n", 1)


def _kind(text: str) -> tuple[str, str | None]:
    card = lawcheck.evaluate(text)
    return card.document.kind, card.document.other_kind


def test_an_untitled_report_supervising_its_own_units_stays_the_report():
    for opening in ["在市委、市政府的坚强领导下,", "在区委的正确领导下,", "近年来,", "一直以来,"]:
        for preamble in ["区委依法治区办对全区6个街道和23个区直部门开展了法治政府建设专项督察,形成督察意见书12份"
                         "反馈被督察单位。",
                         "区政府督查室对区直各部门和各街道、园区等29个单位开展了法治政府建设专项督查,督察意见反馈"
                         "被督察单位。",
                         "区委依法治区办对所属6个街道和区卫健局、区医保局等23个单位开展了专项督察。"]:
            text = _hetang_supervising(opening, preamble)
            assert _kind(text) == ("annual_report", None), (opening, preamble)


def test_an_inspector_opening_on_its_leadership_is_still_the_inspector():
    from tests.test_review_dec11_look import INSPECTION
    head = "根据《法治政府建设与责任落实督察工作规定》和市委全面依法治市委员会的统一部署，2023年10月至11月，"
    assert INSPECTION.startswith(head)
    text = "在市委全面依法治市委员会的坚强领导下，" + INSPECTION[len(head):]
    assert _kind(text) == ("other", "survey_report")
    # the inspection told after a preamble, on other bodies (not its own units): still the inspector's voice
    text = ("在市委全面依法治市委员会的坚强领导下，市法治政府建设督察组扎实开展工作。"
            + INSPECTION[len(head):].replace("市法治政府建设督察组对", "督察组对", 1))
    assert _kind(text) == ("other", "survey_report")


# --- F7: the bare 公示、记录、审核 are the enforcement systems only when named as the three or told of 执法. ---

_ITEM = "一、主要举措和成效\n（五）推动执法监督规范。完善行政执法监督管理,规范执法过程。{}\n"


def _three(sentence: str) -> str:
    return lawcheck.evaluate(_ITEM.format(sentence)).result("enforcement.three_systems").status


def test_the_bare_three_over_another_object_are_not_the_enforcement_systems():
    for sentence in ["在行政许可工作中,对许可事项实行公示、记录、审核制度。",
                     "对罚没财物处置实行公示、记录、审核制度。",
                     "执法单位对罚没财物处置实行公示、记录、审核制度。",
                     "执法部门对涉案财物严格落实公示、记录、审核制度。",
                     "村级财务严格实行“公示、记录、审核”三项制度。",
                     "在政府投资项目管理中推行公示、记录、审核制度。"]:
        assert _three(sentence) != "pass", sentence


def test_the_bare_three_named_as_the_three_systems_or_of_enforcement_still_count():
    for sentence in ["各行政执法部门全面落实公示、记录、审核制度,全年公示执法信息850条。",
                     "在行政执法中全面推行公示、记录、审核制度。",
                     "严格落实公示、记录、审核三项制度,全年公示执法信息850条。",
                     "全面落实“公示、记录、审核”等三项制度,规范执法行为。",
                     "严格落实执法公示、记录、审核制度,全年审核重大执法决定42件。"]:
        assert _three(sentence) == "pass", sentence


def test_a_licensing_procedure_s_three_in_a_real_report_gives_no_pass():
    # 灵寿's 三项制度 told as a licensing procedure's 公示、记录、审核 (the other mentions gone, the plan's line too).
    text = _text("001_lingshou_2021")
    done = "全面贯彻落实行政执法“三项制度”,实现县乡“三项制度”全覆盖"
    check = "对全县行政执法三项制度工作落实情况"
    plan = next(line for line in text.splitlines() if line.startswith("(三)在队伍提升上精准推进"))
    assert done in text and check in text
    base = lawcheck.evaluate(text).result("enforcement.three_systems").status
    for told in ["在行政许可工作中,对许可事项实行公示、记录、审核制度", "对罚没财物处置实行公示、记录、审核制度"]:
        altered = text.replace(done, told).replace(check, "对全县行政执法工作").replace(plan + "\n", "")
        st = lawcheck.evaluate(altered).result("enforcement.three_systems").status
        assert base == "pass" and st == "partial", told


# ---- the last look: a lead into the measures whose verb is one of the work done ("为此，我们重点加强了以下工作：")
# earned content.shortcomings in a report with no shortcomings part; a lack said of what follows still announces them

_MEASURES_LEADS = [
    "2021年,我县法治政府建设对照上级要求还存在一些差距,为此,我们重点加强了以下工作:",
    "2021年,我县法治政府建设对照上级要求还存在一些差距,为此重点抓好以下工作,切实提升依法行政水平:",
    "2021年,我县法治政府建设对照上级要求还存在一些差距,为此我们着力加强以下几方面工作:",
    "2021年,我县法治政府建设对照上级要求还存在一些差距,为此,着力完善了以下工作:",
]


@pytest.mark.parametrize("lead", _MEASURES_LEADS)
def test_a_lead_into_the_measures_whose_verb_is_the_work_done_states_no_shortcoming(lead):
    text = _text("001_lingshou_2021")
    a, b = text.index(_LS_HEAD), text.index("三、下一步工作计划")
    text = text[:a] + text[b:].replace("三、下一步工作计划", "二、下一步工作计划", 1)  # no shortcomings part
    i = text.index("一、工作开展情况\n") + len("一、工作开展情况\n")
    text = text[:i] + lead + "一是加强行政执法队伍建设,组织执法人员培训12期。二是完善重大行政决策程序,审查决策事项5项。\n" + text[i:]
    assert _statuses(text)["content.shortcomings"] != "pass"
