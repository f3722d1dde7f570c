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
    # worded around it (the attack review: each scored about 85 and passed the gate)
    "关于2023年度全市法治政府建设督察有关情况的报告",
    "关于全市法治政府建设实地督察结果的报告",
    "2023年度法治政府建设督察工作的报告",
    "关于2023年度法治政府建设专项督查的情况报告",
    "关于2023年度法治政府建设督导情况的报告",
    "2023年度全市法治政府建设专项巡查报告",
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
    "关于2021年度法治政府建设及督导检查情况的报告",
    "关于2021年度法治政府建设情况及迎接法治督察情况的报告",
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


# --- 2. a county body's letter sending a township's report upward --------------------------------------------------
# (the letter is the 司法局's or the 依法治县办's; the report under it is the township's, addressed to the county's
# 党委 and 政府 and judged as its own: a township government's report, its recipients the level above it)

TOWNSHIP = """青石镇人民政府关于2023年法治政府建设情况的报告
中共白河县委、白河县人民政府：
2023年，青石镇坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，认真落实《法治政府建设实施纲要（2021—2025年）》，扎实推进法治政府建设各项工作。现将有关情况报告如下：
一、主要举措和成效
（一）强化组织领导，压实法治建设责任。镇党委书记、镇长认真履行推进法治建设第一责任人职责，做到重要工作亲自部署、重大问题亲自过问、重点环节亲自协调。全年召开镇党委会议专题研究法治建设工作4次，镇长办公会议听取法治政府建设工作汇报2次，镇党委书记在县委全面依法治县委员会会议上述法1次。落实党委理论学习中心组学法制度，全年开展集体学法6次，组织镇村干部旁听庭审1次。
（二）健全依法决策机制，提升决策质量。严格执行《重大行政决策程序暂行条例》，将公众参与、专家论证、风险评估、合法性审查、集体讨论决定作为重大行政决策法定程序。全年作出重大行政决策3项，均经镇法律顾问合法性审查后提交镇长办公会议审议。镇政府法律顾问全年审查合同42份、参与信访案件化解8件，出具法律意见书15份。
（三）推进严格规范公正文明执法。承接县级下放行政执法事项56项，制定镇综合行政执法事项清单并向社会公布。全面落实行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，全年办理行政处罚案件38件，行政检查216次，开展案卷自查2次，执法人员持证率达到100%。
（四）强化行政权力制约和监督。自觉接受镇人大监督和群众监督，认真办理镇人大代表建议21件，办结率100%。全面推进政务公开，通过镇政府网站和公开栏主动公开政府信息320条。全年发生行政复议案件2件、行政诉讼案件1件，镇长出庭应诉1次，未发生败诉案件。
（五）依法化解社会矛盾纠纷。坚持和发展新时代“枫桥经验”，健全镇、村、组三级调解网络，全年排查化解矛盾纠纷186件，调解成功率98%。深化“八五”普法，开展“法律进村居”活动24场次，培育农村“法律明白人”96名。
二、存在的问题和不足
一是部分镇村干部依法行政意识有待增强，运用法治思维和法治方式解决问题的能力还不够强；二是镇综合行政执法力量薄弱，专业执法人员不足，执法规范化水平有待提高。究其原因，主要是法治培训不够系统，执法保障投入不足。
三、2024年工作安排
（一）持续深化学习贯彻习近平法治思想，落实领导干部学法用法制度，提升镇村干部法治素养。
（二）加强综合行政执法队伍建设，开展执法人员业务培训，规范执法程序，提高执法质量。
（三）严格落实重大行政决策程序，发挥法律顾问作用，确保决策合法合规。
"""
TOWNSHIP_SIGNED = TOWNSHIP + "青石镇人民政府\n2024年1月15日\n"
# The report's title without its body's name ("关于2023年…的报告"): the township is read from its opening.
TOWNSHIP_PLAIN = TOWNSHIP.replace("青石镇人民政府关于2023年", "关于2023年", 1)

_FORWARDING = {
    "bureau-note-above-signature": (
        "关于报送青石镇2023年法治政府建设情况报告的函\n江城市委全面依法治市委员会办公室：\n根据市委依法治市办有关要求，"
        "现将《青石镇人民政府关于2023年法治政府建设情况的报告》报送你办，请审阅。\n"
        "附件：青石镇人民政府关于2023年法治政府建设情况的报告\n白河县司法局\n2024年2月20日\n"),
    "bureau-numbered-no-note": (
        "白河县司法局\n关于报送青石镇2023年度法治政府建设情况报告的函\n白司函〔2024〕8号\n江城市司法局：\n"
        "按照市委依法治市办工作安排，现将青石镇2023年度法治政府建设情况报告随文报送，请审阅。\n"
        "白河县司法局\n2024年2月20日\n"),
    "committee-office": (
        "中共白河县委全面依法治县委员会办公室关于报送青石镇2023年法治政府建设情况报告的函\n市委依法治市办：\n"
        "现将青石镇人民政府2023年法治政府建设情况报告报送你办。\n特此函告。\n"
        "中共白河县委全面依法治县委员会办公室\n2024年2月18日\n"),
    "attachment-after-signature": (
        "白河县司法局\n关于报送青石镇2023年度法治政府建设情况报告的函\n江城市司法局：\n"
        "现将青石镇2023年度法治政府建设情况报告随文报送，请审阅。\n白河县司法局\n2024年2月20日\n附件\n"),
    "report-to-committee": (
        "关于报送青石镇2023年度法治政府建设情况报告的报告\n中共白河县委全面依法治县委员会：\n按照县委依法治县办工作"
        "安排，现将青石镇2023年度法治政府建设情况报告随文报送，请审阅。\n白河县司法局\n2024年2月20日\n附件\n"),
}


@pytest.mark.parametrize("report", [TOWNSHIP, TOWNSHIP_SIGNED, TOWNSHIP_PLAIN],
                         ids=["unsigned", "signed", "title-without-organ"])
@pytest.mark.parametrize("letter", sorted(_FORWARDING))
def test_township_report_under_a_county_letter_is_read_as_the_township_s(letter: str, report: str) -> None:
    card = lawcheck.evaluate(_FORWARDING[letter] + report)
    doc = card.document
    assert doc.kind == "annual_report"
    assert doc.organ and doc.organ.startswith("青石镇"), doc.organ
    assert doc.level == "township"
    assert "司法局" not in (doc.organ or "") and "依法治" not in (doc.organ or "")
    # its addressee is its own (the county's 党委 and 政府, one level up), not the letter's
    assert doc.recipients == ["中共白河县委", "白河县人民政府"], doc.recipients
    assert card.result("form.recipients").status == "pass"
    assert doc.title and "报送" not in doc.title


def test_unsigned_township_report_is_not_signed_by_the_county_letter() -> None:
    card = lawcheck.evaluate(_FORWARDING["attachment-after-signature"] + TOWNSHIP)
    assert card.result("form.signature").status != "pass"
    assert str(card.document.signed_date) != "2024-02-20"


def test_forwarded_report_scores_as_it_does_alone() -> None:
    alone = lawcheck.evaluate(TOWNSHIP_SIGNED)
    for letter in _FORWARDING.values():
        card = lawcheck.evaluate(letter + TOWNSHIP_SIGNED)
        assert card.statuses() == alone.statuses(), letter[:20]


# Controls: a body's own letter sending its own report keeps the letter's signature and addressee.
_OWN_REPORT = TOWNSHIP.replace("中共白河县委、白河县人民政府：\n", "", 1)


@pytest.mark.parametrize("letter", [
    "关于报送2023年法治政府建设情况报告的函\n白河县人民政府：\n现将我镇2023年法治政府建设情况报告随文报送，请审阅。\n"
    "青石镇人民政府\n2024年1月15日\n",
    "关于报送2023年法治政府建设情况报告的函\n白河县人民政府：\n现将我镇2023年法治政府建设情况报告随文报送，请审阅。\n"
    "青石镇人民政府\n2024年1月15日\n附件\n",
], ids=["own-no-note", "own-attachment"])
def test_own_letter_sending_own_report_signs_and_addresses_it(letter: str) -> None:
    card = lawcheck.evaluate(letter + _OWN_REPORT)
    doc = card.document
    assert doc.kind == "annual_report" and doc.level == "township"
    assert str(doc.signed_date) == "2024-01-15"
    assert doc.recipients == ["白河县人民政府"]
    assert card.result("form.recipients").status == "pass"


def test_report_under_its_government_office_s_letter_is_the_government_s() -> None:
    # (the office's letter signs for it; the report is still the township government's, its level a township's — the
    # office's signature taken for the report's made it a department's)
    letter = ("关于报送2023年法治政府建设情况报告的函\n白河县人民政府：\n现将我镇2023年法治政府建设情况报告随文报送，"
              "请审阅。\n青石镇人民政府办公室\n2024年1月15日\n附件\n")
    doc = lawcheck.evaluate(letter + _OWN_REPORT).document
    assert (doc.organ, doc.level) == ("青石镇人民政府", "township")


@pytest.mark.parametrize("note", ["附件：灵寿县人民政府关于2021年度法治政府建设情况的报告\n", ""])
def test_real_county_report_forwarded_by_its_justice_bureau_scores_as_alone(note: str) -> None:
    report = LINGSHOU[LINGSHOU.index("灵寿县人民政府\n关于2021年度"):]
    letter = ("关于报送灵寿县2021年度法治政府建设情况报告的函\n石家庄市司法局：\n现将《灵寿县人民政府关于2021年度法治政府建设"
              "情况的报告》随文报送，请审阅。\n" + note + "灵寿县司法局\n2022年1月18日\n")
    alone = lawcheck.evaluate(report)
    card = lawcheck.evaluate(letter + report)
    assert (card.document.organ, card.document.level) == ("灵寿县人民政府", "county")
    assert card.document.recipients == alone.document.recipients
    assert card.statuses() == alone.statuses()
