"""Look-alikes and addressing left open by earlier reviews (2026-12-11).

1. An inspection's report (督察报告) on 法治政府建设: the inspector's account of the units it inspected, not a
   government's own report on its year (督察工作规定 art. 24-25) — told apart titled or untitled, while a real report
   that tells of the supervision it carried out, received or put right stays the report.
2. A county body's letter (报送…的函) sending a township's report upward: the report's organ, level and addressee
   are the township report's own, not the letter's.
"""

from __future__ import annotations

import pytest

import lawcheck
from tests.conftest import FIXTURES

LINGSHOU = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
HETANG = (FIXTURES / "004_hetang_2024.txt").read_text(encoding="utf-8")


def _kind(text: str) -> tuple[str, str | None]:
    d = lawcheck.evaluate(text).document
    return d.kind, d.other_kind


# --- 1. an inspection's report on the units it inspected -----------------------------------------------------------

INSPECTION = """根据《法治政府建设与责任落实督察工作规定》和市委全面依法治市委员会的统一部署，2023年10月至11月，市法治政府建设督察组对青溪县、白河县、市生态环境局等8个被督察单位2023年度法治政府建设情况开展了实地督察。现将督察情况报告如下。
一、督察工作开展情况
督察组采取听取汇报、查阅资料、个别谈话、随机抽查行政执法案卷等方式，共查阅行政执法案卷320卷、规范性文件56件、重大行政决策事项18项，召开座谈会12场，个别谈话86人次。各被督察单位高度重视，主要负责同志亲自汇报本单位法治政府建设情况，积极配合督察工作。
二、被督察单位法治政府建设总体情况
督察组发现，各被督察单位认真贯彻落实习近平法治思想，党政主要负责人履行推进法治建设第一责任人职责总体到位，重大行政决策程序制度得到较好落实，行政执法三项制度全面推行，行政复议体制改革稳步推进，法治政府建设取得明显成效。青溪县建立了合法性审查全覆盖工作机制，白河县行政复议纠错率下降明显，市生态环境局推行包容审慎监管，做法值得推广。
三、督察发现的主要问题
（一）重大行政决策程序落实不够严格。督察组发现，部分被督察单位重大行政决策目录未按时公布，个别决策事项未经合法性审查即提交集体讨论，公众参与、专家论证等程序流于形式。
（二）行政执法规范化水平有待提升。抽查案卷中，有23卷存在证据收集不全、文书制作不规范、法律适用不准确等问题，个别单位行政执法公示信息更新不及时，法制审核人员力量薄弱。
（三）行政复议和行政应诉工作仍有短板。个别被督察单位行政机关负责人出庭应诉率未达到要求，行政复议决定履行不到位，败诉案件分析研判不够深入。
（四）法治政府建设年度报告工作不规范。部分被督察单位未按时报送和公开年度报告，报告内容不完整，存在问题部分写得不实不细。
四、督察意见
（一）压实第一责任人职责。各被督察单位党政主要负责人要切实履行推进法治建设第一责任人职责，定期听取法治政府建设工作汇报，及时研究解决重大问题。
（二）严格落实重大行政决策程序。要严格执行《重大行政决策程序暂行条例》，健全决策目录管理制度，确保合法性审查全覆盖。
（三）全面提升行政执法质量。要加强行政执法人员培训，开展案卷评查，严格落实行政执法三项制度，推进严格规范公正文明执法。
（四）抓好督察问题整改。各被督察单位要在收到督察意见后30日内制定整改方案，明确整改时限和责任人，整改情况于2024年3月底前报市委依法治市办。督察组将适时开展“回头看”，对整改不力的严肃问责。
五、下一步工作建议
建议市委依法治市办将本次督察结果纳入年度法治建设考核，强化督察结果运用，推动督察发现问题整改到位，持续提升全市法治政府建设水平。

江城市法治政府建设督察组
2023年12月15日
"""
# The same inspection in other words: 督查 for 督察, its parts not headed by the inspection, a plain formula.
INSPECTION_PLAIN = (
    "2024年3月，县政府督查室会同县司法局组成3个督查组，对全县8个乡镇和县市场监管局、县交通运输局等12个部门2023年度"
    "法治政府建设情况进行了专项督查。现将有关情况报告如下：\n"
    "一、基本情况\n督查组通过听取汇报、查阅台账、抽查行政执法案卷等方式开展督查，共抽查案卷210卷，查阅规范性文件"
    "34件，个别谈话58人次。各被督查单位能够按要求报送自查报告，积极配合督查工作。\n"
    "二、主要成效\n被督查单位普遍建立了法治建设第一责任人清单，重大行政决策合法性审查实现全覆盖，行政执法三项制度"
    "全面落实，行政复议和行政应诉工作规范有序，法治宣传教育扎实开展，营商环境持续优化。\n"
    "三、存在的问题\n一是部分被督查单位学法制度落实不到位，党组理论学习中心组学法次数不足；二是抽查案卷中有17卷"
    "存在证据不充分、文书不规范等问题，个别单位执法公示信息更新不及时；三是部分乡镇合法性审查力量薄弱，法律顾问"
    "作用发挥不充分；四是个别被督查单位行政机关负责人出庭应诉率偏低。\n"
    "四、意见建议\n一是压紧压实第一责任人职责，各被督查单位主要负责人要亲自抓法治建设；二是严格规范行政执法，"
    "开展案卷评查和执法人员培训；三是加强合法性审查力量，发挥法律顾问和公职律师作用；四是抓好问题整改，"
    "各被督查单位于2024年5月底前将整改情况报县委依法治县办。\n"
    "白河县人民政府督查室\n2024年4月10日\n"
)


@pytest.mark.parametrize("title", [
    "2023年度法治政府建设督察报告",
    "关于2023年法治政府建设情况的督察报告",
    "江城市2023年度法治政府建设督察情况报告",
    "关于2023年度法治政府建设督察工作情况的报告",
    "江城市法治政府建设督察组关于2023年度法治政府建设督察情况的报告",
    "关于2023年度全市法治政府建设督查情况的报告",
])
def test_titled_inspection_report_is_not_the_annual_report(title: str) -> None:
    card = lawcheck.evaluate(title + "\n" + INSPECTION)
    assert (card.document.kind, card.document.other_kind) == ("other", "survey_report")
    assert card.score is None
    assert "督察" in card.document.kind_reason or "督查" in card.document.kind_reason


@pytest.mark.parametrize("text", [
    INSPECTION,
    INSPECTION.replace("现将督察情况报告如下", "现将有关情况报告如下"),
    INSPECTION_PLAIN,
    INSPECTION_PLAIN.replace("督查", "督察"),
], ids=["formula-names-inspection", "parts-name-inspection", "plain-parts-inspected-named", "plain-parts-ducha"])
def test_untitled_inspection_report_is_not_the_annual_report(text: str) -> None:
    card = lawcheck.evaluate(text)
    assert (card.document.kind, card.document.other_kind) == ("other", "survey_report")
    assert card.score is None
    reason = card.document.kind_reason
    assert "督察" in reason or "督查" in reason
    en = lawcheck.evaluate(text, lang="en").document.kind_reason
    assert "supervision" in en


def test_inspection_report_does_not_pass_the_gate(tmp_path, capsys) -> None:
    # (--fail-on never: the score alone is the gate, as an integrator sets it; the 督察报告 scored about 70)
    from lawcheck.cli import main

    p = tmp_path / "ducha.txt"
    p.write_text("2023年度法治政府建设督察报告\n" + INSPECTION, encoding="utf-8")
    assert main(["check", str(p), "--min-score", "60", "--fail-on", "never"]) == 1
    assert "督察" in capsys.readouterr().out


# A real report tells of the supervision it carried out on its own units, received, or put right.
_CARRIED_OUT = ("（八）强化法治督察。组建3个督察组，对12个乡镇和20个县直部门开展法治政府建设专项督察，督察组发现问题46个，"
                "全部形成督察意见书反馈被督察单位，被督察单位已于年底前完成整改销号。\n")
_RECEIVED = ("（九）抓好督察反馈问题整改。2021年9月，市委法治督察组对我县法治政府建设情况开展了实地督察，反馈问题9个。"
             "县政府召开常务会议专题研究整改工作，目前9个问题已全部整改到位。\n")


@pytest.mark.parametrize("title", [
    "关于2021年度法治政府建设情况的报告",
    "关于2021年度法治政府建设暨法治督察反馈问题整改情况的报告",
    "关于2021年度法治政府建设和法治督察工作情况的报告",
    None,
])
def test_report_telling_of_supervision_stays_the_report(title: str | None) -> None:
    text = LINGSHOU.replace("二、法治政府建设中存在的问题", _CARRIED_OUT + _RECEIVED + "二、法治政府建设中存在的问题", 1)
    assert _CARRIED_OUT in text
    if title is None:  # untitled: the body alone
        text = text[text.index("2021年以来"):]
    else:
        text = text.replace("关于2021年度法治政府建设情况的报告", title, 1)
    card = lawcheck.evaluate(text)
    assert card.document.kind == "annual_report"
    assert card.score is not None and card.score >= 60


def test_report_with_a_part_on_rectifying_supervision_stays_the_report() -> None:
    part = ("三、法治督察反馈问题整改情况\n2021年9月，市委法治督察组对我县开展实地督察，反馈问题9个，已全部整改到位。"
            "被督察单位主要负责人约谈2人次。\n")
    text = LINGSHOU.replace("二、法治政府建设中存在的问题", part + "四、法治政府建设中存在的问题", 1)
    assert _kind(text) == ("annual_report", None)
    assert _kind(text[text.index("2021年以来"):]) == ("annual_report", None)


@pytest.mark.parametrize("title", [
    "关于迎接省法治政府建设督察情况的汇报",  # the inspected unit's material for the visit: still a self-assessment
    "关于接受市委法治督察情况的报告",
])
def test_material_for_a_supervision_visit_stays_a_self_assessment(title: str) -> None:
    assert _kind(title + "\n" + INSPECTION) == ("other", "self_assessment")


# An attacker's controls: a real report whose parts or opening speak of 法治督察 as a line of its own work.
_PART_ON_SUPERVISION = ("二、强化法治督察，压实法治建设责任\n组建督察组对12个乡镇开展专项督察，督察组发现问题46个，已督促被督察"
                        "单位全部整改到位，对整改不力的2个被督察单位主要负责人进行约谈。\n")


@pytest.mark.parametrize("opening", [
    "2021年以来,",
    "2021年以来,灵寿县组织开展专项督察12次,",
    "2021年,县委依法治县办督察组对全县各乡镇开展了实地督察,",
])
def test_report_with_a_part_on_the_supervision_it_did_stays_the_report(opening: str) -> None:
    text = LINGSHOU.replace("二、法治政府建设中存在的问题", _PART_ON_SUPERVISION + "三、法治政府建设中存在的问题", 1)
    text = text.replace("2021年以来,", opening, 1)
    assert _kind(text) == ("annual_report", None)
    assert _kind(text[text.index(opening):]) == ("annual_report", None)  # untitled


def test_inspection_report_under_the_year_s_title_keeps_its_body_unread() -> None:
    # A 督察报告 retitled as the year's report is left to its title (the title decides for a titled report, as for
    # every look-alike; only an untitled text is read for the inspector's parts) — recorded, not asserted as wanted.
    card = lawcheck.evaluate("关于2023年度法治政府建设情况的报告\n" + INSPECTION.replace("现将督察情况", "现将有关情况"))
    assert card.document.kind == "annual_report"
