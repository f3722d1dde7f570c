"""Review of 10 December (real reports read beside their scorecards): wording classes a careful examiner
reads one way and lawcheck read another, checked on the real fixture text with natural variants."""

from __future__ import annotations

from pathlib import Path

import pytest

import lawcheck

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _hetang() -> str:
    return (FIXTURES / "004_hetang_2024.txt").read_text(encoding="utf-8")


def _status(text: str, rule: str) -> str:
    return lawcheck.evaluate(text).result(rule).status


# ---------------------------------------------------------------- causes told after the problems

# 荷塘区's real shortcomings part lists its problems and no cause (the fixture's label: fail).  Drafters
# often add the causes in a sentence that points back at those problems ("出现上述问题，一方面是…",
# "存在这些问题，主要是…") or names a cause before what it led to ("…主要是…造成的"), without the word 原因.
CAUSES_TOLD = [
    "出现上述问题,一方面是学习培训不够系统,另一方面是监督考核机制不够完善。",
    "出现这些问题,主要是基层执法人员更替频繁。",
    "存在以上问题,主要是部分单位对法治政府建设统筹推进不够有力。",
    "造成上述问题,主要是镇(街道)执法队伍培训跟不上、考核不严格。",
    "产生这些问题,根本上是部分干部运用法治思维解决问题的能力不足。",
    "这些问题,主要是基层执法人员更替频繁、业务培训跟不上造成的。",
    "这些问题主要是执法培训跟不上、考核不严格所致。",
]

# …and sentences that point back at the problems without saying where they come from.
NO_CAUSE = [
    "存在上述问题,是我们下一步工作的重点。",
    "出现这些问题,需要我们高度重视,认真加以解决。",
    "存在这些问题,是今后努力的方向。",
    "出现上述问题,一定程度上影响了法治政府建设成效。",
    "针对上述问题,我们将采取有力措施加以整改。",
    "执法不规范给企业群众造成的困扰仍未完全消除。",
    "出现上述问题,既有客观因素,也有主观因素。",
]


def _with_shortcoming_sentence(sentence: str) -> str:
    text = _hetang()
    end = text.index("三、下一年度工作打算")
    return text[:end].rstrip("\n") + sentence + "\n" + text[end:]


def test_real_part_without_causes_still_fails():
    assert _status(_hetang(), "content.shortcoming_causes") == "fail"


@pytest.mark.parametrize("sentence", CAUSES_TOLD)
def test_causes_pointing_back_at_the_problems_pass(sentence):
    assert _status(_with_shortcoming_sentence(sentence), "content.shortcoming_causes") == "pass"


@pytest.mark.parametrize("sentence", NO_CAUSE)
def test_pointing_back_without_a_cause_still_fails(sentence):
    assert _status(_with_shortcoming_sentence(sentence), "content.shortcoming_causes") == "fail"


def test_cause_told_in_the_measures_part_is_not_the_shortcomings_cause():
    # the same words in the year's work are not an analysis of the shortcomings
    text = _hetang()
    at = text.index("(二)强化监督管理")
    text = text[:at] + "出现上述问题,主要是基层执法人员更替频繁。\n" + text[at:]
    assert _status(text, "content.shortcoming_causes") == "fail"


# ---------------------------------------------------------------- a major decision's steps told in the next sentence

# 荷塘区's real decisions paragraph names its one major decision, then goes on to contracts (the fixture's label:
# fail, the 合法性审查 is of contracts).  Reports often name the decisions in one sentence and tell their steps in
# the next, pointing back at them or naming the document decided, without the word 决策 again.
STEPS_TOLD_NEXT = [
    "全年作出重大行政决策2项。上述事项均公开征求意见、组织专家论证、开展风险评估,"
    "经合法性审查后提交区政府常务会议集体讨论决定。",
    "全年作出重大行政决策2项。《荷塘区老旧小区改造实施方案》出台前向社会公开征求意见,召开专家论证会,"
    "开展社会稳定风险评估,经区司法局合法性审查后提交区政府常务会议审议通过。",
    "全年作出重大行政决策2项。在制定《荷塘区养老服务设施布局规划》过程中,通过区政府门户网站公开征求意见,"
    "邀请专家论证,经合法性审查后提交区政府常务会议集体讨论决定。",
    "公布区级重大行政决策事项1项。该事项出台前向社会公开征求意见,组织专家论证,经合法性审查后提交区政府常务会议"
    "审议通过。",
    "全年作出重大决策3项。这3项均经合法性审查,并提交区政府常务会议集体讨论决定。",
]

# …and a next sentence on something else, or on decisions in another sense, or on normative documents.
NOT_THE_DECISIONS = [
    "实行重大行政决策目录化管理。开展法治宣传进社区活动,召开座谈会听取群众意见。",
    "全年作出重大行政决策2项。同时,加强行政执法监督,组织专家评审执法案卷。",
    "公布区级重大行政决策事项1项。此外,组织专家评审行政执法案卷30卷。",
    "公布区级重大行政决策事项1项。这一年,全区开展法治宣传活动20场,召开座谈会听取群众意见。",
    "全年作出重大行政决策2项。加强规范性文件管理,全年审查规范性文件4件,均经合法性审查。",
    "严格落实上级决策部署。上述事项均公开征求意见、组织专家论证。",
    # a new paragraph is not the sentence before's
    "全年作出重大行政决策2项。\n上述事项均公开征求意见、组织专家论证、开展风险评估,经合法性审查后提交区政府常务会议集体讨论决定。",
]


def _with_decisions(sentences: str) -> str:
    text = _hetang()
    at = text.index("优化重大事项合法性")
    return text[:at] + sentences + text[at:]


def test_real_decisions_paragraph_still_fails():
    assert _status(_hetang(), "decision.major_procedure") == "fail"


@pytest.mark.parametrize("sentences", STEPS_TOLD_NEXT)
def test_steps_told_in_the_next_sentence_count(sentences):
    assert _status(_with_decisions(sentences), "decision.major_procedure") == "pass"


@pytest.mark.parametrize("sentences", NOT_THE_DECISIONS)
def test_next_sentence_on_something_else_does_not_count(sentences):
    assert _status(_with_decisions(sentences), "decision.major_procedure") == "fail"


def test_steps_carried_over_only_in_the_years_work():
    # the same two sentences in next year's plan are a plan, not steps taken
    text = _hetang()
    at = text.index("三、下一年度工作打算") + len("三、下一年度工作打算\n")
    text = text[:at] + STEPS_TOLD_NEXT[0] + "\n" + text[at:]
    assert _status(text, "decision.major_procedure") != "pass"


# ---------------------------------------------------------------- the regulation a report is written under

# Nearly every report opens by citing the regulation it is written under (corpus pages 112, 058: "根据《法治政府建设
# 与责任落实督察工作规定》，现将…报告如下"); its 督察 is not an inspection carried out, so it does not cover the 2021
# Outline's part on leadership and promotion mechanisms (督察, 考核, 述法…).
OPENING = "根据《法治政府建设与责任落实督察工作规定》,现将我县2022年度法治政府建设情况报告如下:\n"
BODY = "2022年,全县深入学习贯彻习近平法治思想,深化放管服改革,办理行政复议案件58件。\n"


def _outline_missing(text: str) -> list[str]:
    return lawcheck.evaluate(text, report_year=2022).result("coverage.outline_2021").missing


def test_regulation_cited_in_the_opening_is_not_an_inspection():
    assert "leadership" in _outline_missing(OPENING + BODY)


@pytest.mark.parametrize("done", ["开展法治督察。", "开展法治政府建设督察,反馈问题清单3份。", "组织开展领导干部年终述法。"])
def test_inspection_carried_out_still_covers_leadership(done):
    assert "leadership" not in _outline_missing(OPENING + BODY.rstrip("\n").rstrip("。") + "," + done + "\n")


# ---------------------------------------------------------------- the cases the government is sued in

# 荷塘区's report gives review figures only (key_indicators partial: no litigation, no appearance figures).  Reports
# often count the litigation as the cases the government is sued in — 被诉案件, …作为被告的案件 — without 行政诉讼
# in the clause, or without it anywhere in the sentence.
SUED_IN = [
    "全区行政机关被诉案件21件。",
    "全年区政府被诉行政案件21件。",
    "一审行政诉讼案件中,区政府作为被告的案件21件。",
    "区政府作为被告的案件21件,均按时答辩。",
]

NOT_A_COUNT_OF_CASES = [
    "被诉行政行为被撤销3件。",
    "刑事被告人会见3次。",
    "行政复议被申请人为区政府的案件12件。",
]


def _with_review_sentence(sentence: str) -> lawcheck.Scorecard:
    text = _hetang()
    anchor = "切实发挥行政复议化解行政争议的主渠道作用。"
    return lawcheck.evaluate(text.replace(anchor, anchor + sentence, 1))


def _litigation(card) -> list[float]:
    return [f.value for f in card.figures if f.indicator == "litigation.cases"]


@pytest.mark.parametrize("sentence", SUED_IN)
def test_cases_sued_in_are_litigation_figures(sentence):
    card = _with_review_sentence(sentence)
    assert _litigation(card) == [21.0]
    assert "litigation_figures" not in card.result("figures.key_indicators").missing


@pytest.mark.parametrize("sentence", NOT_A_COUNT_OF_CASES)
def test_outcomes_and_other_defendants_are_not(sentence):
    card = _with_review_sentence(sentence)
    assert _litigation(card) == []
    assert "litigation_figures" in card.result("figures.key_indicators").missing


def test_real_total_stays_the_headline():
    # 000-1: "全区共发生行政诉讼案件240宗,其中以区政府为被告(共同被告)的46宗" — the 46 (a subset, labelled doubtful in
    # 000-1.figures.yaml) is now read too; the total stays the report's figure
    card = lawcheck.evaluate((FIXTURES / "000-1.txt").read_text(encoding="utf-8"))
    assert _litigation(card)[0] == 240.0
    assert dict(card.slim().headlines)["litigation.cases"] == 240.0
