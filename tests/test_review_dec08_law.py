"""A provincial examiner's review of regional packs and recipients (2026-12-08): the Shaanxi guide held other
provinces' reports to its 3月1日 line when their own names gave no place though their bodies named their province's
or city's bodies throughout; a 主送 to another city one level up passed; the recipients message listed every
reporter's addressees.  Built from the real reports of 灵寿县 (河北, fixture 001) and 荷塘区 (湖南株洲, fixture 004)."""

from __future__ import annotations

import pytest

import lawcheck
from lawcheck.packs import load_pack
from lawcheck.text import region
from tests.conftest import FIXTURES

LINGSHOU = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
HETANG = (FIXTURES / "004_hetang_2024.txt").read_text(encoding="utf-8")
MARCH = "shaanxi.deadline.march_first"


def shaanxi(text: str):
    return lawcheck.evaluate(text, rules=load_pack(packs=["shaanxi"]))


def hetang(extra: str = "", organ: str = "荷塘区人民政府") -> str:
    """The 荷塘区 report signed late by its district alone, its one place name (株洲市) taken out, a sentence added
    to its opening."""
    body = HETANG.replace("株洲市首份", "本市首份")
    first, rest = body.split("\n", 1)
    return f"{first}{extra}\n{rest}\n特此报告。\n{organ}\n2025年3月15日\n"


# ---------------------------------------------------------------- 1. the Shaanxi guide and other provinces' reports


def test_the_real_hebei_report_is_not_held_to_the_shaanxi_line():
    text = LINGSHOU.replace("2021", "2023").replace("2022", "2024").replace("\xa02024年1月14日", "\xa02024年3月15日")
    r = shaanxi(text).result(MARCH)
    assert r.status == "not_applicable"
    assert "河北省" in r.message and "河北省司法厅" in r.message and "陕西省" in r.message
    en = lawcheck.evaluate(text, rules=load_pack(packs=["shaanxi"]), lang="en").result(MARCH)
    assert "河北省" in en.message and "Shaanxi" in en.message


def test_the_real_hunan_report_signed_by_its_district_alone_is_not_held_to_it():
    text = HETANG + "\n特此报告。\n荷塘区人民政府\n2025年3月15日\n"
    card = shaanxi(text)
    for rule in (MARCH, "shaanxi.deadline.march_first_joint", "shaanxi.form.report_name"):
        assert card.result(rule).status == "not_applicable", rule
    assert "株洲市" in card.result(MARCH).message


@pytest.mark.parametrize(("sentence", "place"), [
    ("在株洲市委、市政府的坚强领导下，全区法治政府建设取得新成效。", "株洲市"),
    ("严格落实《湖南省行政程序规定》和《湖南省规范行政裁量权办法》。", "湖南省"),
    ("认真落实中共湖南省委依法治省办部署，迎接湖南省司法厅督察。", "湖南省"),
    ("按照湖南省人民政府要求，完成年度法治政府建设考核。", "湖南省"),
    ("成为衡阳市首个通过法治政府建设示范验收的县区。", "衡阳市"),
    ("经中共衡阳市委同意，报衡阳市人民政府备案。", "衡阳市"),
    ("根据内蒙古自治区人民政府办公厅通知，落实内蒙古自治区司法厅工作要点。", "内蒙古自治区"),
])
def test_a_body_naming_its_own_province_or_city_places_the_report(sentence, place):
    r = shaanxi(hetang(sentence)).result(MARCH)
    assert r.status == "not_applicable" and place in r.message, (sentence, r.message)


@pytest.mark.parametrize("sentence", [
    "",  # no place at all
    "按照市政府要求，围绕市委部署，根据今年市人大常委会安排开展工作。",  # the levels alone, after verbs
    "组织赴浙江省司法厅考察学习法治政府建设经验。",  # a model visited
    "学习借鉴《浙江省行政程序办法》，与杭州市司法局签订合作协议。",  # a document studied, a city worked with
    "严格落实《河北省司法厅关于加强乡镇执法的意见》，迎接浙江省司法厅督察。",  # two provinces, neither leading
    "严格落实《河北省司法厅关于加强乡镇执法的意见》，执行《陕西省行政执法监督条例》。",  # Shaanxi named
    "在宝鸡市委、市政府的坚强领导下，落实《河北省司法厅关于加强乡镇执法的意见》。",  # a Shaanxi city named
    "学习弘扬延安精神，落实《河北省司法厅关于加强乡镇执法的意见》。",  # a Shaanxi city's name, in any sense
])
def test_a_body_that_does_not_clearly_place_it_elsewhere_is_checked(sentence):
    r = shaanxi(hetang(sentence)).result(MARCH)
    assert r.status == "fail", (sentence, r.message)


@pytest.mark.parametrize("organ", ["宁陕县人民政府", "雁塔区人民政府", "西安市长安区人民政府", "宝鸡市凤翔区人民政府",
                                   "神木市人民政府"])
def test_a_shaanxi_district_or_county_is_checked_whatever_its_body_names(organ):
    text = hetang("严格落实《河北省司法厅关于加强乡镇执法的意见》和《河北省行政复议工作规范》。", organ)
    assert shaanxi(text).result(MARCH).status == "fail"


@pytest.mark.parametrize("organ", ["长安区人民政府", "新城区人民政府"])
def test_a_district_whose_name_two_provinces_share_is_placed_by_its_body(organ):
    # 石家庄 and 呼和浩特 have their own 长安区 and 新城区: the name alone places the report nowhere.
    assert shaanxi(hetang("", organ)).result(MARCH).status == "fail"
    text = hetang("严格落实《河北省司法厅关于加强乡镇执法的意见》和《河北省行政复议工作规范》。", organ)
    assert shaanxi(text).result(MARCH).status == "not_applicable"


def test_the_core_pack_never_reads_the_body_for_a_region():
    # Only a regional rule asks where a report is from.
    card = lawcheck.evaluate(hetang("在株洲市委、市政府的坚强领导下。"))
    assert not any(r.rule.startswith("shaanxi.") for r in card.results)


def test_the_places_a_body_names_as_its_own():
    own = region.own_places("在无锡市委、市政府的坚强领导下，落实《江苏省行政程序条例》，赴浙江省司法厅考察，"
                            "按照市政府要求，向市委报告，发出株洲市首份证明，成为石家庄市首个示范县。")
    assert set(own.provinces) == {"江苏省"}
    assert set(own.cities) == {"无锡市", "株洲市", "石家庄市"}


# ---------------------------------------------------------------- 2. the 上一级 recipient is the reporter's own city


TO = "中共灵寿县委、县人大常委会:"


def recipients(to: str, text: str = LINGSHOU, organ: str | None = None, lang: str = "zh"):
    if organ:
        text = text.replace("灵寿县人民政府", organ)
    return lawcheck.evaluate(text.replace(TO, to), lang=lang).result("form.recipients")


@pytest.mark.parametrize("to", ["保定市人民政府:", "中共保定市委:", "河北省保定市人民政府:", "邢台市政府:",
                                "中共保定市委、保定市人民政府:"])
def test_another_city_one_level_up_is_not_the_reporters_own(to):
    # 灵寿县 implements 《石家庄市政府行政复议答复暂行办法》: 石家庄市 is the city above it.
    r = recipients(to)
    assert r.status == "fail" and "石家庄市" in r.message, r.message
    en = recipients(to, lang="en")
    assert "石家庄市" in en.message and "one level up" in en.message


def test_a_department_writing_to_another_citys_department_one_level_up():
    r = recipients("保定市司法局:", organ="灵寿县司法局")
    assert r.status == "fail" and "石家庄市" in r.message
    assert recipients("石家庄市司法局:", organ="灵寿县司法局").status == "pass"


def test_one_copy_to_the_right_city_and_one_to_another_is_partial():
    assert recipients("中共石家庄市委、保定市人民政府:").status == "partial"


@pytest.mark.parametrize(("to", "text"), [
    ("中共石家庄市委、石家庄市人民政府:", LINGSHOU),
    ("市政府:", LINGSHOU),  # named by its level alone
    # the body shows no city: the level is all that is known
    ("保定市人民政府:", LINGSHOU.replace("石家庄市", "市")),
    # the body names 保定市 as its own too: no city clearly above
    ("保定市人民政府:", LINGSHOU.replace("2021年以来", "在保定市委、市政府的坚强领导下，2021年以来", 1)),
    # a city visited is not the one above: the body still shows 石家庄市 only — and 石家庄 is what it is written to
    ("中共石家庄市委:", LINGSHOU.replace("2021年以来", "赴保定市司法局考察学习，2021年以来", 1)),
])
def test_an_addressee_one_level_up_keeps_its_verdict_when_the_city_is_not_contradicted(to, text):
    assert recipients(to, text).status == "pass"


def test_a_report_whose_own_names_give_the_city_above_is_judged_by_them_not_its_body():
    # The 荷塘区 text (its body: "发出株洲市首份…") signed as a district of 西安市 and written to 西安市's bodies.
    text = ("中共荷塘区委 荷塘区人民政府关于2024年法治政府建设情况的报告\n中共西安市委、西安市人民政府:\n" + HETANG +
            "\n西安市荷塘区人民政府\n2025年2月20日\n")
    assert lawcheck.evaluate(text, reporter="joint").result("form.recipients").status == "pass"


# ---------------------------------------------------------------- 3. what the recipients message says, by reporter


def as_reporter(organ: str, to: str, lang: str = "zh"):
    """Fixture 001 written by another organ (title and signature), to another 主送 line."""
    text = LINGSHOU.replace("灵寿县人民政府\n关于2021年度", organ + "\n关于2021年度").replace(
        "灵寿县人民政府\n\xa02022年1月14日", organ + "\n\xa02022年1月14日")
    return lawcheck.evaluate(text.replace(TO, to), lang=lang).result("form.recipients")


@pytest.mark.parametrize("organ", ["河北省司法厅", "灵寿县司法局", "石家庄市生态环境局", "灵寿县住房和城乡建设局"])
@pytest.mark.parametrize("to", ["党中央、国务院:", "县人大常委会:"])
def test_a_department_is_told_only_its_own_addressees(organ, to):
    r = as_reporter(organ, to)
    assert r.status == "fail", (organ, to, r.message)
    assert "本级党委、本级政府、上一级政府有关部门" in r.message
    assert "党中央" not in r.message.replace(f"“{to.rstrip(':')}”", "") and "国务院部门" not in r.message
    assert "政府部门报本级党委和政府" in r.fix and "乡镇" not in r.fix and "人大常委会" not in r.fix
    en = as_reporter(organ, to, "en")
    assert "State Council" not in en.message.replace(to.rstrip(":"), "") and "department" in en.fix
    assert "township" not in en.fix


def test_a_state_council_department_is_told_its_own():
    r = as_reporter("生态环境部", "河北省人民政府:")
    assert r.status == "fail" and "应为：党中央、国务院，" in r.message
    assert "国务院部门" in r.fix and "上一级政府有关部门" not in r.fix
    assert as_reporter("生态环境部", "党中央、国务院:").status == "pass"


@pytest.mark.parametrize(("organ", "to", "said", "not_said"), [
    ("灵寿县人民政府", "正定县人民政府:", "市、县政府报同级党委、人大常委会", "政府部门"),
    ("河北省人民政府", "石家庄市人民政府:", "省级政府报同级党委、人大常委会", "乡镇"),
    ("灵寿县青同镇人民政府", "县人大常委会:", "乡镇政府", "政府部门"),
])
def test_a_government_is_told_its_own_line(organ, to, said, not_said):
    r = as_reporter(organ, to)
    assert r.status == "fail", r.message
    assert said in r.fix and not_said not in r.fix, r.fix


def test_a_report_whose_reporter_is_not_known_keeps_the_rules_fix():
    # Signed by its place only ("灵寿县2021年…"): a government's or a joint report, judged alike; which line to
    # follow is not known, and the rule's fix names both.
    text = LINGSHOU.replace("灵寿县人民政府\n关于2021年度", "灵寿县2021年\n关于2021年度").replace(
        "灵寿县人民政府\n\xa02022年1月14日", "\xa02022年1月14日").replace(TO, "正定县人民政府:")
    card = lawcheck.evaluate(text)
    r = card.result("form.recipients")
    assert card.document.reporter is None and card.document.level == "county" and r.status == "fail"
    assert r.fix == lawcheck.load_pack("core").rule("form.recipients").fix.get("zh")


def test_a_township_reporting_alone_under_the_shaanxi_guide_is_not_called_a_joint_report():
    body = HETANG.replace("荷塘区", "本街道")
    text = ("西安市雁塔区小寨路街道办事处关于2024年度法治政府建设情况的报告\n中共雁塔区委、雁塔区人民政府:\n" + body +
            "\n特此报告。\n西安市雁塔区小寨路街道办事处\n2025年3月15日\n")
    card = shaanxi(text)
    r = card.result("shaanxi.deadline.march_first_joint")
    assert card.document.reporter == "government" and r.status == "fail"
    assert "联合报告" not in r.message and "3月1日" in r.message
