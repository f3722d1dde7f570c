"""The three enforcement systems and the decision procedure as reports word them, and what is not the year's
work: a directive to others, a law's text recited, the systems written off as done in form only.  Found by a
domain review (each was missed, or passed)."""

from __future__ import annotations

import pytest

import lawcheck

REPORT = ("青山县人民政府关于2023年度法治政府建设情况的报告\n一、2023年推进法治政府建设的主要举措和成效\n"
          "(一)严格规范公正文明执法。{enf}\n(二)推进科学民主依法决策。{dec}\n二、存在的不足和原因\n"
          "一是部分执法人员业务能力不强,主要原因是培训不够系统。\n三、2024年主要安排\n全面落实行政执法三项制度。\n")
ENF = ("全面推行行政执法公示制度,全年公示行政执法信息1200条;执法全过程记录,配备执法记录仪210台;"
       "对56件重大执法决定进行法制审核。")
DEC = "5项重大行政决策均严格履行公众参与、专家论证、风险评估、合法性审查、集体讨论决定程序。"


def _r(rule: str, enf: str = ENF, dec: str = DEC):
    return lawcheck.evaluate(REPORT.format(enf=enf, dec=dec)).result(rule)


@pytest.mark.parametrize("enf", [
    "严格落实执法信息公开、执法过程全记录、重大处罚决定集体讨论和法律审查,全年公开执法信息1200条。",
    "落实执法事项清单公开、执法全流程留痕、重大执法决定法核制度,全年公开执法结果1200条。",
    "全面推行行政执法公示制度,全年公示行政执法信息1200条;执法过程全程录音录像;对56件重大执法决定进行法制审核。",
])
def test_the_three_systems_in_other_words(enf):
    r = _r("enforcement.three_systems", enf=enf)
    assert r.status == "pass", (enf, r.message)


@pytest.mark.parametrize("enf", [
    "要求各执法部门认真学习国办发〔2018〕118号文件,研究推行行政执法“三项制度”。",               # told others
    "全县行政执法公示制度执行走样,执法全过程记录制度落实打折扣,重大执法决定法制审核基本空转。",  # in form only
])
def test_the_three_systems_not_done(enf):
    assert _r("enforcement.three_systems", enf=enf).status != "pass", enf


def test_a_major_decision_made_is_not_its_legal_review():
    r = _r("enforcement.three_systems", enf="全年公示行政执法信息1200条;配备执法记录仪210台;作出重大行政执法决定15件,均及时送达。")
    assert r.status == "partial" and "法制审核" in r.message


def test_decision_steps_in_the_regulations_own_words():
    """第十四条 lists 座谈会 among the ways of public participation; experts invited to argue a plan argue it."""
    r = _r("decision.major_procedure", dec="对3项重大行政决策事项,召开座谈会听取群众意见,邀请法律顾问和相关领域专家对方案进行论证,"
                                              "开展风险评估,经合法性审查后提请县政府常务会议研究通过。")
    assert r.status == "pass", r.message


@pytest.mark.parametrize("dec", [
    "要求各部门在重大行政决策中严格履行公众参与、专家论证、风险评估、合法性审查、集体讨论决定程序。",
    "《重大行政决策程序暂行条例》规定,重大行政决策应当履行公众参与、专家论证、风险评估、合法性审查、集体讨论决定程序。",
])
def test_a_directive_or_the_law_recited_is_no_decision_made(dec):
    assert _r("decision.major_procedure", dec=dec).status != "pass", dec
    assert _r("decision.major_procedure").status == "pass"
