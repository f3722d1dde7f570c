"""A second look at the day's reading changes (2026-12-02, tenth session): real reports altered as drafters write
them, where the day's new readings misread them.  Each case failed on the commit before its fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import lawcheck

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
HETANG = (FIXTURES / "004_hetang_2024.txt").read_text(encoding="utf-8")
HEAD, REST = HETANG.split("二、存在的问题和困难\n")
PROBLEMS, PLAN = REST.split("三、下一年度工作打算\n")


def _roles(card: lawcheck.Scorecard) -> list[tuple[str, str]]:
    return [(r, s.heading) for s in card.sections for r in s.roles]


# ---- problems worded as what still needs doing are problems, not a plan with its heading lost

PROBLEM_ITEMS = (
    "二、存在的问题和困难\n"
    "2024年，我区法治政府建设工作取得了一些新成效，但对照上级要求和人民群众期待，仍然存在一些问题与不足。\n"
    "（一）领导干部法治思维需要进一步增强\n部分领导干部运用法治思维和法治方式推动工作的意识还需进一步提升。\n"
    "（二）行政执法规范化水平需进一步提升\n个别执法单位执法程序、文书制作不够规范，执法人员能力素质需要不断提高。\n"
    "（三）普法宣传实效需持续提高\n普法工作创新性不足，普法宣传的针对性和实效性仍需不断提升。\n")


@pytest.mark.parametrize("text", [
    HEAD + PROBLEM_ITEMS,
    HEAD + PROBLEM_ITEMS.replace("增强\n", "增强。").replace("提升\n个别", "提升。个别").replace("提高\n普法", "提高。普法"),
    HEAD + PROBLEM_ITEMS.replace("（一）", "一是").replace("（二）", "二是").replace("（三）", "三是"),
], ids=["titled items", "items run on", "一是 lines"])
def test_problem_items_that_need_doing_are_no_plan(text):
    card = lawcheck.evaluate(text)
    assert card.result("content.next_year_plan").status == "fail"
    assert card.result("content.shortcomings").status == "pass"


def test_the_plan_under_such_problems_is_still_found_when_its_heading_is_lost():
    card = lawcheck.evaluate(HEAD + PROBLEM_ITEMS + PLAN)
    assert card.result("content.next_year_plan").status == "pass"
    assert card.result("content.shortcomings").status == "pass"


# ---- the year's rectification told as items that go on (持续, 进一步) is done work, not the plan

RECTIFIED = ("二、存在的问题及整改情况\n" + PROBLEMS +
             "(一)持续深化执法人员培训。全年组织行政执法人员专题培训5期,培训1200余人次,持续提升执法人员能力素质。\n"
             "(二)进一步规范执法程序。开展行政执法案卷评查2次,评查案卷300份,推动各执法单位进一步规范执法文书。\n"
             "(三)不断加强普法宣传。持续开展“以案释法”活动,发布典型案例12个,举办法治讲座36场。\n")


def test_rectification_done_is_no_plan():
    assert lawcheck.evaluate(HEAD + RECTIFIED).result("content.next_year_plan").status == "fail"
    with_plan = lawcheck.evaluate(HEAD + RECTIFIED + "三、下一年度工作打算\n" + PLAN)
    assert with_plan.result("content.next_year_plan").status == "pass"


# ---- a unit's report naming its leader again and again is no leader's 述法; a leader's third-person 述法 is

LEADER = ("区长李明华同志带头履行推进法治建设第一责任人职责,李明华同志主持召开区政府常务会议专题研究法治政府建设工作4次,"
          "李明华同志带头出庭应诉行政案件1件。")
UNIT = HETANG.replace("(二)强化监督管理,持续规范权力运行。", "(二)强化监督管理,持续规范权力运行。" + LEADER, 1)


@pytest.mark.parametrize("opening", ["2024年,", "2024年,在区委、区政府主要负责同志的带领下,",
                                     "2024年,在区委书记张建国同志的坚强领导下,"])
def test_a_unit_report_naming_its_leader_is_the_report(opening):
    assert LEADER in UNIT
    card = lawcheck.evaluate(UNIT.replace("2024年,荷塘区坚持", opening + "荷塘区坚持", 1))
    assert card.document.kind == "annual_report"


@pytest.mark.parametrize("name", ["局长王建国", "局长王建国同志"])
def test_a_third_person_shufa_naming_its_leader_first_is_no_report(shared_dir, name):
    l128 = (shared_dir / "corpus" / "lookalikes" / "128.txt").read_text(encoding="utf-8")
    body = (l128.replace("一、履职情况", "一、把牢方向,推动法治建设各项任务落地见效", 1)
            .replace("主持召开专题会议4次", "王建国同志主持召开专题会议4次", 1)
            .replace("对照《党政主要负责人", "王建国同志对照《党政主要负责人", 1)
            .replace("严格执行领导干部干预司法", "王建国同志严格执行领导干部干预司法", 1)
            .replace("余坪镇", "县司法局"))
    assert body.count("王建国同志") == 3
    text = (f"2024年,县司法局党组书记、{name}坚持以习近平法治思想为指导,认真履行党政主要负责人推进法治建设第一责任人"
            "职责,现将有关情况报告如下:\n" + body)
    card = lawcheck.evaluate(text)
    assert (card.document.kind, card.document.other_kind) == ("other", "shufa_report")


# ---- causes: a sentence pointing back at the problems says what they come from, not what they are

ANCHOR = "“以案释法”工作有待加强等。"


@pytest.mark.parametrize("sentence", ["存在上述问题，是我区法治政府建设中的短板弱项，必须高度重视。",
                                      "出现上述问题，也是发展过程中难以避免的。"])
def test_a_comment_on_the_problems_is_no_cause(sentence):
    assert ANCHOR in HETANG
    card = lawcheck.evaluate(HETANG.replace(ANCHOR, ANCHOR + sentence, 1))
    assert card.result("content.shortcoming_causes").status == "fail"


@pytest.mark.parametrize("sentence", ["存在这些问题，主要是基层执法人员更替频繁、培训跟不上。",
                                      "出现上述问题，一方面是学习培训不够系统，另一方面是监督考核机制不够完善。",
                                      "产生上述问题，根源在于部分单位重视不够。", "出现以上问题，在于基层执法力量不足。"])
def test_a_cause_pointing_back_at_the_problems_counts(sentence):
    card = lawcheck.evaluate(HETANG.replace(ANCHOR, ANCHOR + sentence, 1))
    assert card.result("content.shortcoming_causes").status == "pass"


# ---- a major decision's steps told in the next sentence: only when it goes on about that decision

DECISIONS = ("实行重大行政决策目录化管理,公布区级重大行政决策事项1项。优化重大事项合法性审查工作,审查政府合同协议等法律文书20余件,"
             "提出各类法律意见40余条,有效防范法律风险。")


@pytest.mark.parametrize("after", [
    "对《株洲市文明行为促进条例(草案)》提出修改意见12条,组织专家论证会1次。",
    "以《行政复议法》修订实施为契机,邀请专家开展专题讲座,组织听证会模拟演练2次。",
    "此类案件的法制审核由司法局负责,全年审核重大执法决定46件,均经集体讨论。",
])
def test_a_next_sentence_on_something_else_takes_no_decision_context(after):
    assert DECISIONS in HETANG
    text = HETANG.replace(DECISIONS, "实行重大行政决策目录化管理,公布区级重大行政决策事项1项。" + after, 1)
    assert lawcheck.evaluate(text).result("decision.major_procedure").status == "fail"


@pytest.mark.parametrize("after", [
    "上述事项均公开征求意见,经合法性审查后提交区政府常务会议集体讨论决定。",
    "《荷塘区老旧小区改造实施方案》出台前向社会公开征求意见,召开专家论证会,经合法性审查后提交区政府常务会议集体讨论决定。",
])
def test_a_next_sentence_on_the_decision_takes_its_context(after):
    text = HETANG.replace(DECISIONS, "实行重大行政决策目录化管理,公布区级重大行政决策事项1项。" + after, 1)
    assert lawcheck.evaluate(text).result("decision.major_procedure").status in ("pass", "partial")


# ---- a suit asking for annulment is a case; the annulments are outcomes

LITIGATION_ANCHOR = "有效防范法律风险。"


@pytest.mark.parametrize("sentence, value", [
    ("全年受理当事人申请撤销行政行为的行政诉讼案件32件。", 32),
    ("全年发生行政诉讼案件86件,其中被法院判决撤销3件、确认违法2件。", 86),
])
def test_litigation_cases_and_their_outcomes(sentence, value):
    card = lawcheck.evaluate(HETANG.replace(LITIGATION_ANCHOR, LITIGATION_ANCHOR + sentence, 1))
    assert [f.value for f in card.figures if f.indicator == "litigation.cases"] == [value]


# ---- "今年以来" signed in April: a year read from the plan is that report's year

def test_so_far_defers_to_the_year_read_from_the_plan():
    text = (HETANG.replace("2024年,荷塘区坚持", "今年以来,荷塘区坚持", 1).replace("2024年", "今年")
            .replace("三、下一年度工作打算", "三、2025年工作打算").rstrip() + "\n株洲市荷塘区人民政府\n2025年4月8日\n")
    card = lawcheck.evaluate(text)
    assert card.document.kind == "annual_report" and card.document.report_year == 2024
    early = lawcheck.evaluate(text.replace("三、2025年工作打算", "三、下一步工作打算").replace("2025年4月8日", "2024年7月10日"))
    assert (early.document.kind, early.document.other_kind) == ("other", "dated_early")


# ---- the attacker's look at the day's covers and 述法 (written for these tests: a city's notice on its counties'
# reports; the Lingshou fixture under covers, or recast as its county head's 述法)

DATA = Path(__file__).resolve().parent / "data" / "review_dec10"
LINGSHOU = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
LS_BODY = "\n".join(
    (lines := LINGSHOU.split("\n"))[next(i for i, ln in enumerate(lines) if ln.startswith("中共灵寿县委")) + 1:]
).split("特此报告。")[0].strip()


def test_a_notice_on_many_bodies_reports_is_no_report():
    text = (DATA / "notice_on_many_reports.txt").read_text(encoding="utf-8")
    assert len("".join(text.split())) > 1000 and "各县（市、区）" in text.split("\n")[0]
    card = lawcheck.evaluate(text)
    assert (card.document.kind, card.document.other_kind) == ("other", "notice")


def _issued(title: str, lead: str, attached: str) -> str:
    return (f"{title}\n各乡镇人民政府，县政府各部门：\n{lead}\n\n附件：{attached}\n\n灵寿县人民政府办公室\n2022年2月20日\n\n"
            f"附件\n\n{attached}\n\n{LS_BODY}\n")


@pytest.mark.parametrize("attached", ["灵寿县2021年法治政府建设工作总结和2022年工作要点", "灵寿县2021年度法治政府建设督察报告"])
def test_a_notice_issuing_a_summary_with_plans_or_an_inspection_is_no_report(attached):
    text = _issued(f"灵寿县人民政府办公室关于印发《{attached}》的通知",
                   f"现将《{attached}》印发给你们，请认真贯彻执行。", attached)
    assert lawcheck.evaluate(text).document.kind == "other"


def _shufa(first: str) -> str:
    n = iter(range(1, 7))
    body = LS_BODY.replace("2021年以来,灵寿县法治政府建设坚持", first, 1).replace(
        "现将主要工作情况报告如下:", "切实履行推进法治建设第一责任人职责,现将有关情况报告如下:")
    return re.sub(r"(?<=。)[一二三四五六]是", lambda m: m.group(0) + ("王建国同志" if next(n, 7) <= 6 else ""),
                  body, count=6) + "\n"


@pytest.mark.parametrize("first", ["2021年以来,县政府主要负责同志坚持", "2021年以来,县长王建国同志坚持"])
def test_a_county_heads_third_person_shufa_is_no_report(first):
    assert LS_BODY.count("2021年以来,灵寿县法治政府建设坚持") == 1
    text = _shufa(first)
    assert text.count("王建国同志") >= 6
    card = lawcheck.evaluate(text)
    assert (card.document.kind, card.document.other_kind) == ("other", "shufa_report")


def test_a_unit_report_working_under_its_leader_named_in_its_opening_is_the_report():
    text = UNIT.replace("2024年,荷塘区坚持", "2024年,在区长李明华同志的带领下,荷塘区坚持", 1)
    assert text != UNIT
    assert lawcheck.evaluate(text).document.kind == "annual_report"
