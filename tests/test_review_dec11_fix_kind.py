"""Fixes to the review of 2026-12-11's changes: kind and enforcement.three_systems.

F1. An untitled report of a government's own year that received an inspection and supervises its own units
    (被督察单位 in two parts, or parts on its 法治督察) stays the report: only the inspector's voice — its opening
    telling of the inspection it carried out on others, or the inspection framing most of its parts — makes an
    untitled text an inspection's report (督察报告).
F7. enforcement.three_systems' three named for short are the enforcement systems' names ("执法公示、记录、审核制度",
    "公示、记录、审核三项要求"), not another procedure's publicity, record and review ("事项公示、办理记录、结果审核").
"""

from __future__ import annotations

import pytest

import lawcheck
from tests.conftest import FIXTURES
from tests.test_review_dec11_look import INSPECTION, INSPECTION_PLAIN

HETANG = (FIXTURES / "004_hetang_2024.txt").read_text(encoding="utf-8")  # untitled as crawled
CHANGSHENG = (FIXTURES / "003_changsheng_2020.txt").read_text(encoding="utf-8")

_FORMULA = "法治政府建设水平稳步提升。现将相关情况报告如下"
_ITEM_END = "收到并及时处理依申请公开25件。"
_PLAN_END = "全力打造人民群众满意的服务型政府。"
_OWN_SUPERVISION = "三是强化法治督察。组织开展法治政府建设专项督察，对12个区直部门和6个街道开展实地督察，形成督察意见书反馈被督察单位，督促被督察单位整改问题35个。"


def _card(text: str) -> lawcheck.Scorecard:
    return lawcheck.evaluate(text)


def _is_report(text: str) -> None:
    card = _card(text)
    assert (card.document.kind, card.document.other_kind) == ("annual_report", None), card.document.kind_reason
    assert card.score is not None and card.score >= 60


def _supervising(text: str) -> str:
    """The body supervising its own units in its work part and in its plan: 被督察单位 in two top parts."""
    assert _ITEM_END in text and _PLAN_END in text
    text = text.replace(_ITEM_END, _ITEM_END + _OWN_SUPERVISION, 1)
    return text.replace(_PLAN_END, _PLAN_END + "持续开展法治督察，对被督察单位整改情况开展“回头看”。", 1)


@pytest.mark.parametrize("received", [
    "法治政府建设水平稳步提升。全年顺利接受省委法治督察组实地督察，现将相关情况报告如下",
    "法治政府建设水平稳步提升。10月，省委依法治省办督察组对我区法治政府建设开展了实地督察。现将相关情况报告如下",
    "法治政府建设水平稳步提升。省委法治督察组对荷塘区法治政府建设进行了实地督察，我区积极迎接督察。现将相关情况报告如下",
], ids=["received-object", "inspectors-on-us", "inspectors-on-us-by-name"])
def test_untitled_report_that_received_an_inspection_and_supervises_its_units_stays_the_report(received: str) -> None:
    assert _FORMULA in HETANG
    _is_report(_supervising(HETANG.replace(_FORMULA, received, 1)))


@pytest.mark.parametrize("opening", [
    "2024年,荷塘区坚持",
    "2024年度,荷塘区坚持",
    "今年以来,我区坚持",
    "一年来，荷塘区坚持",
])
def test_untitled_report_with_parts_on_its_own_supervision_stays_the_report(opening: str) -> None:
    text = HETANG.replace("2024年,荷塘区坚持", opening, 1)
    text = text.replace("二、存在的问题和困难", "二、法治督察工作开展情况\n全年开展法治督察2次，督察组对12个区直部门开展实地"
                        "督察，被督察单位均已完成整改。\n三、存在的问题和困难", 1)
    text = text.replace("三、下一年度工作打算", "四、下一年度法治督察及工作打算", 1)
    assert "四、下一年度法治督察及工作打算" in text
    _is_report(_supervising(text))


def test_untitled_report_not_opening_on_its_year_with_a_received_inspection_stays_the_report() -> None:
    # (no year to open on: the inspection told is on the body itself, not on others)
    text = HETANG.replace("2024年,荷塘区坚持", "荷塘区坚持", 1)
    text = text.replace(_FORMULA, "法治政府建设水平稳步提升。省委督察组对我区开展了法治政府建设实地督察。现将相关情况报告如下", 1)
    _is_report(_supervising(text))


@pytest.mark.parametrize("text", [
    INSPECTION,
    INSPECTION_PLAIN,
    INSPECTION.replace("根据《法治政府建设与责任落实督察工作规定》和市委全面依法治市委员会的统一部署，2023年10月至11月，"
                       "市法治政府建设督察组对", "2023年，市委依法治市办组织督察组对", 1),
    INSPECTION_PLAIN.replace("2024年3月，县政府督查室会同县司法局组成3个督查组，对",
                             "2024年，县政府督查室会同县司法局组成3个督查组，赴", 1),
    INSPECTION.replace("对青溪县、白河县、市生态环境局等8个被督察单位", "对我市各县（市、区）和市直部门中的8个被督察单位", 1),
], ids=["inspection", "plain", "year-opening-inspectors-voice", "year-opening-went-to", "our-city-s-counties"])
def test_untitled_inspection_report_in_the_inspector_s_voice_is_still_one(text: str) -> None:
    card = _card(text)
    assert (card.document.kind, card.document.other_kind) == ("other", "survey_report")
    assert card.score is None


# --- F7. enforcement.three_systems: the three named for short are the enforcement systems' names -------------------

_ENFORCEMENT_ITEM = "(五)推动执法监督规范。完善行政执法监督管理,加强行政执法力量培训,规范执法过程,监督执法全程,"


def _three(text: str):
    return next(r for r in lawcheck.evaluate(text).results if r.rule == "enforcement.three_systems")


@pytest.mark.parametrize("sentence", [
    "在行政许可工作中推行事项公示、办理记录、结果审核制度。",
    "村级重大事项实行“四议两公开”,做到事前公示、过程记录、结果审核。",
    "严格落实村级财务公示、记录、审核制度。",
    "惠民资金发放推行项目公示、台账记录、逐级审核制度。",
    "推行党务公示、会议记录、集体审核制度。",
    "严格执行工程项目招标公示和资料记录及结果审查制度。",
])
def test_another_procedure_s_publicity_record_and_review_is_not_the_three_systems(sentence: str) -> None:
    text = CHANGSHENG.replace(_ENFORCEMENT_ITEM, _ENFORCEMENT_ITEM + sentence, 1)
    assert sentence in text
    r = _three(text)
    assert r.status != "pass", sentence
    # (its 公示 may count as publicity, as before the short names were read; the record and the review stay missing)
    assert {"full_process_record", "legal_review"} <= set(r.missing)


@pytest.mark.parametrize("sentence", [
    "严格落实执法公示、记录、审核制度,全年公示执法信息850条,审核重大执法决定42件。",
    "严格落实执法公示、执法记录、法制审核制度,全年公示执法信息850条。",
    "全县执法单位严格落实公示、记录、审核三项要求,全年公示执法信息850条。",
    "行政执法公示、全过程记录、法制审核三项制度全面落实。",
    "公示、记录、审核三项制度实现全覆盖,全年公示执法信息850条。",
])
def test_the_three_systems_named_for_short_still_pass(sentence: str) -> None:
    r = _three("一、主要举措和成效\n" + sentence + "\n")
    assert r.status == "pass", sentence
