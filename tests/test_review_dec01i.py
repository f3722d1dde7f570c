"""Who reports decides what is required (a review, 2026-12-01, second session): the four municipalities' own 市委,
市政府 and 市长 are of a province's rank; a report named by its place only is judged on its addressees when a
government's and a joint report would be judged alike; a department named for what it manages (城市管理委员会,
国有资产监督管理委员会) is a department; a provincial department may address its ministry; the 2016 第一责任人
规定 covers county level and above only; a Shaanxi township government copies the 依法治X办 one level up; an office's
主任 is its own leader.  One county report, rewritten for each reporter as a real one of that kind is written."""

from __future__ import annotations

import pytest

import lawcheck
from tests.conftest import ROOT

COUNTY = """灵寿县人民政府关于2023年度法治政府建设情况的报告
中共灵寿县委、县人大常委会：
2023年，灵寿县人民政府坚持以习近平法治思想为指导，扎实推进法治政府建设。现将有关情况报告如下：
一、2023年推进法治政府建设的主要举措和成效
（一）加强组织领导。县政府主要负责人认真履行推进法治建设第一责任人职责，县长主持召开县政府常务会议专题研究法治政府建设工作4次，年底在县委全面依法治县委员会会议上述法。深入学习贯彻习近平法治思想，将法治政府建设纳入年度重点工作。
（二）依法全面履行职能。深化“放管服”改革，全面落实权责清单制度，优化营商环境，推行证明事项告知承诺制。
（三）完善依法行政制度体系。严格规范性文件合法性审核和备案审查，全年审核规范性文件12件，备案12件。
（四）推进科学民主依法决策。严格落实重大行政决策公众参与、专家论证、风险评估、合法性审查、集体讨论决定程序，聘请法律顾问参与决策。
（五）严格规范公正文明执法。全面落实行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，全年办理行政处罚案件236件，执法人员持证率100%。
（六）强化权力制约监督。自觉接受人大监督、民主监督和司法监督，推进政务公开。全年办理行政复议案件15件，审结14件，纠错2件；行政诉讼案件21件，行政机关负责人出庭应诉率100%。
（七）深入开展普法。落实“谁执法谁普法”普法责任制，推进“八五”普法规划实施，开展宪法宣传周活动。
二、存在的不足和原因
一是执法人员法律素养参差不齐，主要原因是培训针对性不强；二是数字法治建设相对滞后，原因是信息化投入不足。
三、2024年推进法治政府建设的主要安排
（一）持续深化习近平法治思想学习宣传。（二）加强执法队伍建设，开展执法人员轮训。（三）推进行政执法监督平台建设。
特此报告。
灵寿县人民政府
2024年2月20日
"""
SHAANXI = ROOT / "rules" / "_packs" / "shaanxi"


def card(text: str, **kw):  # type: ignore[no-untyped-def]
    return lawcheck.evaluate(text, **kw)


def status(text: str, rule: str, **kw) -> str:  # type: ignore[no-untyped-def]
    return card(text, **kw).result(rule).status


def test_the_county_report_itself_passes_both():
    c = card(COUNTY)
    assert c.result("form.recipients").status == "pass"
    assert c.result("content.first_responsible_duty").status == "pass"


# --- the four municipalities: their own 市委, 市政府, 市长 are a province's

def _municipality(city: str) -> str:
    return COUNTY.replace("灵寿县", city).replace("县", "市")


@pytest.mark.parametrize("city", ["天津市", "北京市", "上海市", "重庆市"])
def test_a_municipalitys_own_bodies_and_mayor(city):
    c = card(_municipality(city))
    assert c.document.level == "province"
    assert c.result("form.recipients").status == "pass"  # 中共天津市委、市人大常委会
    assert c.result("content.first_responsible_duty").status == "pass"  # 市长主持召开市政府常务会议
    assert c.score == card(COUNTY).score


def test_a_municipalitys_bureau_reports_to_its_own_party_committee_and_government():
    text = (_municipality("北京市").replace("北京市人民政府关于", "北京市司法局关于").replace("中共北京市委、市人大常委会：", "市委、市政府：")
            .replace("北京市人民政府坚持", "北京市司法局坚持").replace("北京市人民政府\n2024", "北京市司法局\n2024"))
    c = card(text)
    assert (c.document.reporter, c.result("form.recipients").status) == ("department", "pass")


def test_a_joint_municipal_report_goes_to_the_party_centre_and_the_state_council():
    text = (COUNTY.replace("灵寿县人民政府关于", "中共上海市委 上海市人民政府关于").replace("中共灵寿县委、县人大常委会：", "党中央、国务院：")
            .replace("灵寿县人民政府\n2024", "中共上海市委\n上海市人民政府\n2024").replace("灵寿县", "上海市").replace("县", "市"))
    c = card(text)
    assert (c.document.level, c.document.reporter) == ("province", "joint")
    assert c.result("form.recipients").status == "pass"


def test_a_district_of_a_municipality_is_still_a_county_and_the_mayor_is_not_its_own():
    district = COUNTY.replace("灵寿县", "北京市朝阳区").replace("县", "区")
    assert status(district, "content.first_responsible_duty") == "pass"
    mayor = district.replace("区长主持召开区政府常务会议", "市长主持召开市政府常务会议")
    mayor = mayor.replace("区政府主要负责人认真履行推进法治建设第一责任人职责，", "")
    assert status(mayor, "content.first_responsible_duty") != "pass"


# --- a report named by its place only

def test_a_township_named_by_its_place_is_judged_on_its_addressees():
    town = (COUNTY.replace("灵寿县人民政府关于", "青同镇关于").replace("中共灵寿县委、县人大常委会：", "中共灵寿县委、灵寿县人民政府：")
            .replace("灵寿县人民政府坚持", "我镇坚持").replace("县政府主要负责人", "镇政府主要负责人").replace("县长主持召开县政府", "镇长主持召开镇政府")
            .replace("灵寿县人民政府\n2024", "青同镇\n2024"))
    c = card(town)
    assert c.document.level == "township"
    assert c.result("form.recipients").status == "pass"
    wrong = town.replace("中共灵寿县委、灵寿县人民政府：", "灵寿县人大常委会：")
    assert status(wrong, "form.recipients") == "fail"


def test_a_county_named_by_its_place_takes_its_kind_from_the_opening():
    text = (COUNTY.replace("灵寿县人民政府关于2023年度法治政府建设情况的报告", "灵寿县2023年法治政府建设年度报告")
            .replace("灵寿县人民政府坚持", "县政府坚持").replace("灵寿县人民政府\n2024", "2024"))
    c = card(text)
    assert (c.document.level, c.document.reporter) == ("county", "government")
    assert c.result("form.recipients").status == "pass"


# --- a department named for what it manages

@pytest.mark.parametrize("organ", ["灵寿县城市管理委员会", "灵寿县人民政府国有资产监督管理委员会"])
def test_a_committee_named_for_what_it_manages_is_a_department(organ):
    text = (COUNTY.replace("灵寿县人民政府关于", organ + "关于").replace("中共灵寿县委、县人大常委会：", "县委、县政府：")
            .replace("灵寿县人民政府坚持", organ + "坚持").replace("灵寿县人民政府\n2024", organ + "\n2024"))
    c = card(text)
    assert (c.document.level, c.document.reporter) == ("department", "department")
    assert c.result("form.recipients").status == "pass"


def test_a_zones_administrative_committee_is_still_a_government():
    zone = COUNTY.replace("灵寿县人民政府", "灵寿县经济开发区管理委员会")
    assert card(zone).document.reporter == "government"


# --- a provincial department and its ministry

@pytest.mark.parametrize(("to", "expected"), [("司法部：", "pass"), ("中共浙江省委、浙江省人民政府：", "pass"),
                                              ("国家市场监督管理总局：", "pass")])
def test_a_provincial_department_may_address_its_ministry(to, expected):
    text = (COUNTY.replace("灵寿县人民政府关于", "浙江省司法厅关于").replace("中共灵寿县委、县人大常委会：", to)
            .replace("灵寿县人民政府坚持", "我厅坚持").replace("灵寿县人民政府\n2024", "浙江省司法厅\n2024"))
    assert status(text, "form.recipients") == expected


def test_a_county_bureau_may_not_address_the_ministry():
    text = (COUNTY.replace("灵寿县人民政府关于", "灵寿县司法局关于").replace("中共灵寿县委、县人大常委会：", "司法部：")
            .replace("灵寿县人民政府坚持", "我局坚持").replace("灵寿县人民政府\n2024", "灵寿县司法局\n2024"))
    assert status(text, "form.recipients") == "fail"


# --- the 2016 规定 covers county level and above

def _year_2018(text: str) -> str:
    return text.replace("2023", "2018").replace("2024", "2019")


def test_before_2019_a_township_or_a_department_owes_no_first_responsible_report():
    town = _year_2018(COUNTY.replace("灵寿县人民政府", "灵寿县青同镇人民政府").replace("县政府主要负责人认真履行推进法治建设第一责任人职责，县长"
                                                                            "主持召开县政府常务会议专题研究法治政府建设工作4次，年底在县委全面依法治县委员会会议上述法。", ""))
    assert status(town, "content.first_responsible_duty") == "not_applicable"
    county = _year_2018(COUNTY.replace("县政府主要负责人认真履行推进法治建设第一责任人职责，县长主持召开县政府常务会议专题研究法治政府建设工作4次，"
                                       "年底在县委全面依法治县委员会会议上述法。", ""))
    assert status(county, "content.first_responsible_duty") == "fail"
    # from 2019 the 督察工作规定 asks it of every reporter
    assert status(town.replace("2018", "2019").replace("2019年2月", "2020年2月"), "content.first_responsible_duty") == "fail"


# --- Shaanxi: a township government copies the 依法治X办 one level up

def _shaanxi_town(copy: str) -> str:
    return (COUNTY.replace("灵寿县人民政府", "长安区滦镇人民政府").replace("中共灵寿县委、县人大常委会：", "中共长安区委、长安区人民政府：")
            + copy)


def test_a_shaanxi_township_government_copies_the_coordination_body_above():
    assert status(_shaanxi_town("抄送：区统计局。\n"), "shaanxi.form.copy_to", rules=SHAANXI) == "fail"
    assert status(_shaanxi_town("抄送：区委全面依法治区委员会办公室。\n"), "shaanxi.form.copy_to", rules=SHAANXI) == "pass"


# --- an office's 主任

def _office(act: str) -> str:
    return (COUNTY.replace("灵寿县人民政府关于", "灵寿县人民政府办公室关于").replace("中共灵寿县委、县人大常委会：", "县委、县政府：")
            .replace("灵寿县人民政府坚持", "县政府办公室坚持").replace("灵寿县人民政府\n2024", "灵寿县人民政府办公室\n2024")
            .replace("县政府主要负责人认真履行推进法治建设第一责任人职责，县长主持召开县政府常务会议专题研究法治政府建设工作4次，年底在县委全面依法治县委员会会议上述法。",
                     act))


def test_an_offices_director_is_its_own_leader():
    assert status(_office("办公室主任主持召开主任办公会议专题研究法治政府建设工作4次，带头述法。"),
                  "content.first_responsible_duty") == "pass"
    assert status(_office("办公室副主任主持召开会议专题研究法治政府建设工作4次。"),
                  "content.first_responsible_duty") != "pass"


def test_a_congress_chair_is_no_leader_of_a_government():
    text = COUNTY.replace("县政府主要负责人认真履行推进法治建设第一责任人职责，县长主持召开县政府常务会议专题研究法治政府建设工作4次，"
                          "年底在县委全面依法治县委员会会议上述法。", "县政府办公室主任主持召开专题会议研究法治政府建设工作4次。")
    assert status(text, "content.first_responsible_duty") == "fail"


# --- a department's report with no organ named: --level department says who reports

_UNNAMED_BUREAU = (COUNTY.replace("灵寿县人民政府关于2023年度法治政府建设情况的报告", "2023年度法治政府建设情况报告")
                   .replace("中共灵寿县委、县人大常委会：", "县委、县政府：").replace("灵寿县人民政府坚持", "县司法局在县委、县政府领导下坚持")
                   .replace("灵寿县人民政府\n2024", "2024"))


def test_level_department_makes_a_department_report():
    c = card(COUNTY, level="department")
    assert (c.document.level, c.document.reporter) == ("department", "department")


def test_a_department_with_no_organ_is_told_how_to_say_its_level():
    result = card(_UNNAMED_BUREAU, level="department").result("form.recipients")
    assert result.status == "unknown" and "--level county --reporter department" in result.message
    assert card(_UNNAMED_BUREAU, level="county", reporter="department").result("form.recipients").status == "pass"
