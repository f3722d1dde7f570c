"""What was not done, in the many words officials use for it, is not counted as done (a review of altered
copies found 未全面推行, 暂未, 没能, 流于形式, 推行不力, 仍有差距, 尚处于起步阶段 all taken as done).

Each case puts one sentence into a real report from which every sentence on the subject was removed: the
rule must not pass on it.  The same sentence said as done must pass, so the cue, not the place, decides.
"""

from __future__ import annotations

import re

import pytest

import lawcheck
from tests.conftest import FIXTURES

REPORT = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
ANCHOR = "(四)推进严格规范公正文明执法"


def _without(text: str, words: str) -> str:
    """The report with every sentence that mentions ``words`` removed."""
    lines = []
    for line in text.split("\n"):
        lines.append("".join(p for p in re.split(r"(?<=[。；;])", line) if not re.search(words, p)))
    return "\n".join(lines)


def _with(text: str, sentence: str) -> str:
    at = text.index("\n", text.index(ANCHOR))
    return text[:at] + sentence + text[at:]


THREE = _without(REPORT, "三项制度|全过程记录|法制审核|执法公示|公示制度|音像记录|执法记录仪")
DUTY = _without(REPORT, "第一责任人|主要负责|主要领导|述法|常务会|学法|一把手")


@pytest.mark.parametrize("sentence", [
    "三是行政执法三项制度未全面推行。",
    "三是行政执法三项制度暂未推行。",
    "三是行政执法三项制度没能落实。",
    "三是行政执法三项制度未实现全覆盖。",
    "三是行政执法三项制度推行不力。",
    "三是行政执法三项制度落实与上级要求仍有差距。",
    "三是行政执法三项制度尚处于起步阶段。",
    "三是行政执法三项制度落实存在短板。",
    "三是行政執法三項制度未真正落實。",  # Traditional characters: matched through the simplified view
])
def test_three_systems_said_as_not_done_do_not_pass(sentence):
    assert lawcheck.evaluate(THREE).result("enforcement.three_systems").status == "fail"
    result = lawcheck.evaluate(_with(THREE, sentence)).result("enforcement.three_systems")
    assert result.status != "pass", (sentence, result.message)


@pytest.mark.parametrize("sentence", [
    "三是全面推行行政执法三项制度，全年公示执法信息1200条，执法全过程记录全覆盖，重大执法决定均经法制审核。",
    "三是行政执法三项制度全面推行，行政执法公示、执法全过程记录、重大执法决定法制审核实现全覆盖。",
])
def test_the_same_systems_said_as_done_pass(sentence):
    assert lawcheck.evaluate(_with(THREE, sentence)).result("enforcement.three_systems").status == "pass"


@pytest.mark.parametrize("sentence", [
    "县政府主要负责人未全面履行推进法治建设第一责任人职责，全年未主持专题会议研究法治政府建设。",
    "县政府主要负责人暂未履行推进法治建设第一责任人职责，未听取法治政府建设工作汇报。",
])
def test_the_duty_said_as_not_done_does_not_pass(sentence):
    result = lawcheck.evaluate(_with(DUTY, sentence)).result("content.first_responsible_duty")
    assert result.status != "pass", (sentence, result.message)


def test_the_statutory_rule_restated_as_followed_still_counts():
    """未经 is not a negation cue: "未经合法性审查或经审查不合法的，不得提交讨论" is the 条例's own rule,
    which reports restate as what they follow."""
    text = _with(_without(REPORT, "合法性审查|合法性审核"),
                 "严格落实重大行政决策合法性审查制度，未经合法性审查或经审查不合法的，不得提交县政府常务会议讨论。")
    base = lawcheck.evaluate(_without(REPORT, "合法性审查|合法性审核")).result("decision.major_procedure")
    now = lawcheck.evaluate(text).result("decision.major_procedure")
    assert "legality_review" in base.missing and "legality_review" not in now.missing, (base.missing, now.missing)


DECISION_BASE = ("安平县人民政府关于2022年度法治政府建设情况的报告\n一、主要举措和成效\n全年作出重大行政决策3项，"
                 "履行了公众参与、风险评估、合法性审查和集体讨论决定程序。{x}\n二、存在的不足和原因\n"
                 "一是执法人员业务能力不强，原因是培训不够。\n三、2023年工作安排\n继续推进。")


def _expert_done(x: str) -> bool:
    r = lawcheck.evaluate(DECISION_BASE.format(x=x)).result("decision.major_procedure")
    return "专家论证" in r.message.split("（", 1)[-1].split("）", 1)[0]  # the parts it names as done


@pytest.mark.parametrize("sentence", [
    "其中1项决策未经专家论证即作出。",
    "个别决策未经专家论证就提交会议讨论。",
    "1项决策未经专家论证而直接作出。",
    "个别决策事项未经专家论证，直接提交常务会议审议。",
    "个别决策事项未进行专家论证。",
])
def test_a_step_skipped_and_the_decision_made_anyway_is_not_done(sentence):
    """未经…即作出 is what a negation phrase cannot say (未经 alone is the rule restated): a pattern cue."""
    assert not _expert_done(sentence), sentence


@pytest.mark.parametrize("sentence", [
    "其中1项决策组织了专家论证。",
    "坚持未经专家论证的决策事项不得提交讨论，1项决策组织了专家论证。",
    # The safeguard held, said with 未经: not a step skipped.
    "1项决策组织了专家论证，杜绝未经专家论证即提交讨论。",
    "1项决策组织了专家论证，全年无一未经专家论证即作出。",
    "1项决策组织了专家论证，未发生未经专家论证即提交常务会议讨论的情况。",
])
def test_the_step_taken_or_the_rule_restated_still_counts(sentence):
    assert _expert_done(sentence), sentence
