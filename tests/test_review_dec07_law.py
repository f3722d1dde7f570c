"""A legal review of reporter facts and applicability (2026-12-07): central departments and sub-county offices
held to local deadlines, a regional pack applied to other provinces, paraphrases shown as the law's words, the
province's report to the centre held to 3月1日, the national congress taken for the same-level one, an unverified
repeal told as certain.  Built from fixture 001 (灵寿县, 2021) with its organ, addressees and dates changed."""

from __future__ import annotations

import pytest

import lawcheck
from lawcheck.explain import explain_rule
from lawcheck.gate import gate_reasons
from lawcheck.packs import default_pack, load_pack
from tests.conftest import FIXTURES

REAL = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
ORGAN = "灵寿县人民政府"
TO = "中共灵寿县委、县人大常委会:"
SIGNED = "2022年1月14日"
PUBLISHED = "发布时间:2022-01-20"


def variant(organ: str = ORGAN, to: str = TO, year: int = 2021, signed: str | None = None,
            published: str | None = None) -> str:
    """Fixture 001 as another reporter's: organ (title and signature), 主送 line, report year, dates."""
    text = REAL.replace(ORGAN, organ).replace(TO, to)
    if signed:
        text = text.replace(SIGNED, signed)
    if published:
        text = text.replace(PUBLISHED, f"发布时间:{published}")
    if year != 2021:
        text = text.replace("2022", "@N@").replace("2021", str(year)).replace("@N@", str(year + 1))
    return text


def status(card, rule: str) -> str:
    return card.result(rule).status


# ---------------------------------------------------------------- 1. central departments, sub-county offices

@pytest.mark.parametrize("organ", ["生态环境部", "司法部", "国家税务总局"])
def test_a_state_council_department_is_not_failed_on_local_deadlines(organ):
    text = variant(organ, "党中央、国务院:", 2019, "2020年4月10日", "2020-04-15")
    card = lawcheck.evaluate(text)
    assert card.document.reporter == "department"
    for rule in ("deadline.first_quarter", "deadline.publication"):
        r = card.result(rule)
        assert r.status == "unknown", (organ, rule, r.status)
        assert "国务院部门" in r.message
    assert card.timeliness != "late"
    assert not any("deadline." in x for x in gate_reasons(card, None, "error"))
    # Its 主送 line is its own: 党中央、国务院.
    assert status(card, "form.recipients") == "pass"
    en = lawcheck.evaluate(text, lang="en").result("deadline.publication")
    assert "State Council department" in en.message


@pytest.mark.parametrize("organ", ["灵寿县司法局青同司法所", "灵寿县青同镇司法所", "灵寿县司法局南寨司法所"])
def test_a_justice_office_below_the_county_is_not_a_county_level_department(organ):
    text = variant(organ, "灵寿县司法局:", 2019, "2020年4月10日", "2020-04-15")
    card = lawcheck.evaluate(text)
    assert card.document.reporter == "department"
    for rule in ("deadline.first_quarter", "deadline.publication", "form.recipients"):
        r = card.result(rule)
        assert r.status == "not_applicable", (organ, rule, r.status)
        assert "县级以上政府部门" in r.message
    assert not any("deadline." in x for x in gate_reasons(card, None, "error"))


def test_a_county_department_is_still_held_to_the_deadlines():
    late = variant("灵寿县司法局", "中共灵寿县委、灵寿县人民政府:", 2019, "2020年4月10日", "2020-04-15")
    card = lawcheck.evaluate(late)
    assert status(card, "deadline.first_quarter") == "fail"
    assert status(card, "deadline.publication") == "fail"
    on_time = variant("灵寿县司法局", "中共灵寿县委、灵寿县人民政府:", 2019, "2020年1月14日", "2020-01-20")
    card = lawcheck.evaluate(on_time)
    assert status(card, "deadline.publication") == "pass"


def test_the_real_report_keeps_its_statuses():
    card = lawcheck.evaluate(REAL)
    assert status(card, "deadline.publication") == "pass"
    assert status(card, "deadline.first_quarter") == "not_applicable"  # 2021: the 2015 纲要's term is over
    assert status(card, "form.recipients") == "pass"
    assert card.document.level == "county" and card.document.reporter == "government"


# ---------------------------------------------------------------- 2. a regional pack binds its own region


SHAANXI_RULES = ("shaanxi.deadline.march_first", "shaanxi.deadline.march_first_joint", "shaanxi.form.copy_to",
                 "shaanxi.form.report_name")


@pytest.mark.parametrize(("organ", "to"), [
    ("河北省人民政府", "中共河北省委、省人大常委会:"),
    ("石家庄市人民政府", "中共石家庄市委、市人大常委会:"),
    ("广西壮族自治区人民政府", "自治区党委、自治区人大常委会:"),
    (ORGAN, "中共石家庄市委、石家庄市人民政府:"),  # a county named by its place only, writing to a city elsewhere
])
def test_the_shaanxi_guide_does_not_bind_other_provinces(organ, to):
    pack = load_pack(packs=["shaanxi"])
    card = lawcheck.evaluate(variant(organ, to, 2024, "2025年3月15日", "2025-03-20"), rules=pack)
    for rule in SHAANXI_RULES:
        r = card.result(rule)
        assert r.status == "not_applicable", (organ, rule, r.status)
        assert "陕西" in r.message
    assert not any("shaanxi." in x for x in gate_reasons(card, None, "error"))


def test_the_shaanxi_guide_binds_shaanxi_and_reports_it_cannot_place():
    pack = load_pack(packs=["shaanxi"])
    inside = variant("西安市雁塔区人民政府", "中共西安市雁塔区委、区人大常委会:", 2024, "2025年3月15日", "2025-03-20")
    assert status(lawcheck.evaluate(inside, rules=pack), "shaanxi.deadline.march_first") == "fail"
    # 灵寿县 writing to its own 县委 and 县人大常委会 names no province, and (河北省 and 石家庄市 taken out of its body)
    # neither does its body: the chosen pack still applies.
    unknown = variant(ORGAN, TO, 2024, "2025年3月15日", "2025-03-20").replace("河北省", "省").replace("石家庄市", "市")
    card = lawcheck.evaluate(unknown, rules=pack)
    assert status(card, "shaanxi.deadline.march_first") == "fail"
    assert status(card, "shaanxi.form.report_name") == "fail"


# ---------------------------------------------------------------- 3. a summary is marked as one


def test_the_penalty_law_is_quoted_in_its_own_words():
    text = explain_rule(default_pack().rule("enforcement.three_systems"))
    assert "第三十九条：行政处罚的实施机关、立案依据、实施程序和救济渠道等信息应当公示" in text
    assert "第四十七条：行政机关应当依法以文字、音像等形式，对行政处罚的启动、调查取证、审核、决定、送达、执行等进行全过程记录，归档保存" in text
    assert "应当由从事行政处罚决定法制审核的人员进行法制审核" in text
    assert "行政处罚信息应当公示" not in text


def test_every_summary_is_marked_wherever_it_is_cited():
    pack = load_pack(packs=["shaanxi"])
    summaries = [(r.id, b) for r in pack.rules for b in r.basis if b.wording == "summary"]
    assert len(summaries) >= 20
    for _, b in summaries:
        assert "（概括）" in b.cite("zh") and "(summary)" in b.cite("en")
    # On the scorecard too, in the basis text and as a field.
    card = lawcheck.evaluate(REAL)
    refs = [b for r in card.results for b in r.basis]
    assert any(b.wording == "summary" and "（概括）" in b.text for b in refs)
    assert all("（概括）" not in b.text for b in refs if b.wording == "quote")
    # The paraphrases the review named.
    for rule, doc in (("content.measures_and_results", "督察工作规定"), ("decision.major_procedure", "第十四条至第十八条"),
                      ("era.anachronisms", "党的第二十次全国代表大会")):
        assert any(doc in b.cite() and "（概括）" in b.cite() for b in pack.rule(rule).basis), rule
    explained = explain_rule(pack.rule("decision.major_procedure"))
    assert "措辞: 概括（非原文）" in explained and "措辞: 原文" in explained


def test_the_2015_outline_is_quoted_alike_and_the_shaanxi_guide_has_no_borrowed_number():
    pack = load_pack(packs=["shaanxi"])
    quoted = {b.provision for r in pack.rules for b in r.basis
              if b.document.startswith("法治政府建设实施纲要（2015") and "第一季度" in b.provision}
    assert all(p.startswith("县级以上地方各级政府每年第一季度要向同级党委、人大常委会和上一级政府报告") for p in quoted)
    for r in pack.rules:
        for b in r.basis:
            assert not (b.ref or "").startswith("依据"), r.id
            assert "（转述）" not in b.provision, r.id


# ---------------------------------------------------------------- 4. the province's report to the centre


@pytest.mark.parametrize("to", ["党中央、国务院:", "中共中央、国务院:", "党中央 国务院:"])
def test_the_province_report_to_the_centre_is_on_the_april_line(to):
    pack = load_pack(packs=["shaanxi"])
    text = variant("陕西省人民政府", to, 2024, "2025年3月15日", "2025-03-20")
    card = lawcheck.evaluate(text, rules=pack)
    r = card.result("shaanxi.deadline.march_first")
    assert r.status == "not_applicable" and "4月1日" in r.message
    assert not any("shaanxi." in x for x in gate_reasons(card, None, "error"))


def test_the_province_report_to_its_own_bodies_keeps_the_march_line():
    pack = load_pack(packs=["shaanxi"])
    text = variant("陕西省人民政府", "中共陕西省委、省人大常委会:", 2024, "2025年3月15日", "2025-03-20")
    assert status(lawcheck.evaluate(text, rules=pack), "shaanxi.deadline.march_first") == "fail"
    early = text.replace("2025年3月15日", "2025年2月15日")
    assert status(lawcheck.evaluate(early, rules=pack), "shaanxi.deadline.march_first") == "pass"


# ---------------------------------------------------------------- 5. the national congress is not the same level


@pytest.mark.parametrize(("organ", "to"), [
    ("石家庄市人民政府", "全国人大常委会:"),
    ("石家庄市人民政府", "中共石家庄市委、全国人民代表大会常务委员会:"),
    ("河北省人民政府", "全国人民代表大会常务委员会:"),
    ("河北省人民政府", "十四届全国人大常委会:"),
])
def test_the_national_standing_committee_is_not_the_same_level(organ, to):
    card = lawcheck.evaluate(variant(organ, to, 2024))
    r = card.result("form.recipients")
    assert r.status in ("fail", "partial"), (to, r.status)
    assert "全国人" in r.message


@pytest.mark.parametrize(("organ", "to"), [
    ("石家庄市人民政府", "中共石家庄市委、市人大常委会:"),
    ("河北省人民政府", "中共河北省委、省人大常委会:"),
    (ORGAN, "主任、副主任,各位委员:"),
])
def test_the_same_level_standing_committee_still_passes(organ, to):
    assert status(lawcheck.evaluate(variant(organ, to, 2024)), "form.recipients") == "pass"


# ---------------------------------------------------------------- 6. an unverified repeal says so


@pytest.mark.parametrize("cited", ["严格按《信访条例》处理信访事项。", "依照《信访条例》规定，及时受理群众来信来访。"])
def test_the_petition_regulation_finding_carries_its_caveat(cited):
    text = variant(year=2024).replace("特此报告。", cited + "\n特此报告。")
    r = lawcheck.evaluate(text).result("era.outdated_references")
    assert r.status == "fail" and "信访条例" in r.message
    assert "是否已正式废止未经核实" in r.message
    en = lawcheck.evaluate(text, lang="en").result("era.outdated_references")
    assert "not verified" in en.message
    # The other items carry no caveat: the 2015 纲要 and the 七五 plan are settled.
    old = variant(year=2024).replace("特此报告。", "全面落实《法治政府建设实施纲要(2015—2020年)》。\n特此报告。")
    assert "未经核实" not in lawcheck.evaluate(old).result("era.outdated_references").message
