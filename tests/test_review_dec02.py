"""Reviews of 2026-12-02: each rule cites a provision only for the reports it governs.

A legal review read every basis against the official texts: 督察工作规定 art. 24 (in force 2019-04-15) was
cited against a 2017 report's placeholders, the 2015—2020 纲要's reporting clause (县级以上地方各级政府 and
政府部门) against a township, that 纲要 as current in 2023 reports (era.outdated_references marks it
superseded from 2021), the 重大行政决策程序暂行条例's articles as binding on departments and townships (art. 2:
县级以上地方人民政府; art. 42: the others 参照), and Shaanxi's 省、市、县政府 deadline against a township.
"""

from __future__ import annotations

import pytest

import lawcheck
from tests.conftest import FIXTURES

LINGSHOU = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")  # a county government, 2021
CHANGSHENG = (FIXTURES / "003_changsheng_2020.txt").read_text(encoding="utf-8")  # a township government, 2020


def _year(text: str, old: int, new: int) -> str:
    """The report moved to another year: its year and the next (when it was signed) shifted alike."""
    return text.replace(str(old + 1), "\0").replace(str(old), str(new)).replace("\0", str(new + 1))


def _with_placeholder(text: str) -> str:
    head, _, rest = text.partition("\n\n")
    return f"{head}\n\n全年办理行政复议案件xx件。\n{rest}" if rest else text + "\n全年办理行政复议案件xx件。\n"


def _cited(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.text for b in result.basis]


def test_the_readers_of_this_file_exist():
    county = lawcheck.evaluate(LINGSHOU)
    township = lawcheck.evaluate(CHANGSHENG)
    assert (county.document.level, county.document.report_year) == ("county", 2021)
    assert (township.document.level, township.document.report_year) == ("township", 2020)


def test_placeholders_before_2019_cite_the_2015_outline_not_article_24():
    card = lawcheck.evaluate(_with_placeholder(_year(LINGSHOU, 2021, 2017)))
    assert card.document.report_year == 2017
    r = card.result("form.placeholders")
    assert r.status == "fail"
    cited = " ".join(_cited(r))
    assert "纲要（2015—2020年）" in cited and "向社会公开" in cited
    assert "第二十四条" not in cited and "督察工作规定" not in cited


def test_placeholders_from_2019_cite_article_24():
    r = lawcheck.evaluate(_with_placeholder(LINGSHOU)).result("form.placeholders")
    assert r.status == "fail"
    cited = " ".join(_cited(r))
    assert "第二十四条" in cited and "2015—2020" not in cited


def test_a_2017_township_is_not_held_to_the_outlines_reporting_clause():
    card = lawcheck.evaluate(_with_placeholder(_year(CHANGSHENG, 2020, 2017)))
    assert (card.document.level, card.document.report_year) == ("township", 2017)
    # No provision of 2017 governs a township's annual report: neither its placeholders nor its measures.
    assert card.result("form.placeholders").status == "not_applicable"
    assert card.result("content.measures_and_results").status == "not_applicable"
    # A 2017 county is.
    county = lawcheck.evaluate(_year(LINGSHOU, 2021, 2017))
    assert county.result("content.measures_and_results").status == "pass"
    assert any("2015—2020" in c for c in _cited(county.result("content.measures_and_results")))


@pytest.mark.parametrize("rule", ["enforcement.three_systems", "form.recipients"])
def test_the_2015_outline_is_cited_up_to_2020_only(rule):
    later = lawcheck.evaluate(_year(LINGSHOU, 2021, 2023)).result(rule)
    assert later.basis and not any("2015—2020" in c for c in _cited(later)), _cited(later)
    earlier = lawcheck.evaluate(_year(LINGSHOU, 2021, 2018)).result(rule)
    assert any("2015—2020" in c for c in _cited(earlier)), _cited(earlier)


def test_the_decision_regulation_binds_counties_and_is_followed_by_reference_below():
    county = lawcheck.evaluate(LINGSHOU).result("decision.major_procedure")
    assert any("第二十五条" in c for c in _cited(county)) and not any("第四十二条" in c for c in _cited(county))
    for level in ("township", "department"):
        r = lawcheck.evaluate(LINGSHOU, level=level).result("decision.major_procedure")
        cited = _cited(r)
        assert any("第四十二条" in c and "参照" in c for c in cited), (level, cited)
        assert not any("第二十五条" in c or "第十四条" in c for c in cited), (level, cited)
    # Before the 条例 (2019-09-01) the 四中全会决定 governs every level alike.
    r = lawcheck.evaluate(_year(LINGSHOU, 2021, 2017), level="township").result("decision.major_procedure")
    assert [b.document for b in r.basis] == ["中共中央关于全面推进依法治国若干重大问题的决定"]


def test_the_appearance_duty_is_quoted_with_its_exception():
    pack = lawcheck.load_pack()
    provisions = [b.provision for b in pack.rule("figures.key_indicators").basis if b.article == "第三条"]
    assert provisions == ["被诉行政机关负责人应当出庭应诉。不能出庭的，应当委托行政机关相应的工作人员出庭"]


SHAANXI_TOWNSHIP = """楠木铺乡人民政府关于2023年法治政府建设工作的报告

2023年，我乡坚持以习近平法治思想为指导，全力推进法治政府建设各项任务有效落实。

特此报告。

楠木铺乡人民政府
2024年3月26日
"""


def test_shaanxi_holds_a_township_government_to_the_joint_line_not_the_county_line():
    pack = lawcheck.load_pack("shaanxi")
    card = lawcheck.evaluate(SHAANXI_TOWNSHIP, rules=pack, kind="annual_report")
    assert card.document.level == "township"
    assert card.result("shaanxi.deadline.march_first").status == "not_applicable"
    county = lawcheck.evaluate(SHAANXI_TOWNSHIP.replace("楠木铺乡", "雁塔区").replace("我乡", "我区"), rules=pack,
                               kind="annual_report")
    assert county.document.level == "county"
    assert county.result("shaanxi.deadline.march_first").status == "fail"
