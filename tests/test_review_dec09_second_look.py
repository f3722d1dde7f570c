"""A second look at the day's reading changes (issue 18's ninth session): real reports a drafter could write,
built from the fixtures, that the first versions of those changes misread — each a normal report, read as one."""

from __future__ import annotations

import lawcheck
from tests.conftest import FIXTURES

LINGSHOU = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
HETANG = (FIXTURES / "004_hetang_2024.txt").read_text(encoding="utf-8")
YIXING = (FIXTURES / "002_yixing_2020.txt").read_text(encoding="utf-8")
F3 = (FIXTURES / "000-3.txt").read_text(encoding="utf-8")
F5 = (FIXTURES / "000-5.txt").read_text(encoding="utf-8")

# A leader's 述法 attached to the report: parts of its own (一、…职责情况 二、存在的不足 三、下一步打算).
SHUFA = ("附件\n灵寿县县长2021年度履行推进法治建设第一责任人职责情况\n"
         "一、履行推进法治建设第一责任人职责情况\n2021年,本人认真履行推进法治建设第一责任人职责,主持召开县政府常务会议专题"
         "研究法治政府建设工作4次,带头参加会前学法12次,亲自部署推动行政执法三项制度落实,全县行政机关负责人出庭应诉率达100%。\n"
         "二、存在的不足\n对法治政府建设的督促检查还不够经常,部分乡镇依法行政能力有待提升。\n"
         "三、下一步打算\n2022年,本人将继续带头尊法学法守法用法,定期听取法治政府建设工作汇报,推动各项任务落实落地。\n")
PROBLEM_LIST = ("\n\n附件:\n荷塘区2024年度法治政府建设存在问题整改清单\n一、存在的问题\n1.行政执法队伍规范化建设有待加强。"
                "整改措施:开展执法人员轮训。\n二、整改措施和2025年工作安排\n1.2025年6月底前完成全区执法人员轮训。\n")


def _numbered_like_parts(text: str, heading: str, until: str, new_heading: str) -> str:
    """The work part's heading given its year and its items numbered 一、二、… as the parts are."""
    part = text[text.index(heading):text.index(until)]
    renumbered = part.replace(heading, new_heading, 1)
    for c in "一二三四五六七":
        renumbered = renumbered.replace(f"({c})", f"{c}、", 1)
    return text.replace(part, renumbered)


def _kind_and_score(text: str) -> tuple[str, float | None]:
    card = lawcheck.evaluate(text)
    return card.document.kind, card.score


def test_a_report_with_its_leaders_shufa_attached_is_one_report():
    for text in (LINGSHOU.replace("特此报告。", SHUFA + "特此报告。"), HETANG + "\n" + SHUFA):
        kind, score = _kind_and_score(text)
        assert kind == "annual_report" and score is not None


def test_a_report_with_a_list_of_its_problems_attached_is_one_report():
    assert _kind_and_score(HETANG + PROBLEM_LIST)[0] == "annual_report"


def test_a_work_heading_with_its_year_over_items_numbered_as_parts_is_one_report():
    lingshou = _numbered_like_parts(LINGSHOU, "一、工作开展情况", "二、法治政府建设中存在的问题", "一、2021年工作开展情况")
    assert _kind_and_score(lingshou) == _kind_and_score(LINGSHOU.replace("一、工作开展情况", "一、2021年工作开展情况"))
    assert _kind_and_score(lingshou)[0] == "annual_report"


def test_the_years_work_opened_with_jiang_as_ba_is_no_plan():
    """"区政府将提高…能力作为…工作来抓，主要做了以下工作": 将 as 把, and done — the year's work, not a plan."""
    heading = "九、全面提高政府工作人员法治思维和依法行政能力\n"
    assert lawcheck.evaluate(F3).result("content.next_year_plan").status == "fail"  # 000-3 tells no plan
    for lead in ("20xx年,区政府将提高政府工作人员法治思维和依法行政能力作为法治政府建设的基础性工作来抓,主要做了以下工作。\n",
                 "针对部分干部法治思维不强的问题,区政府将加强政府工作人员法治教育培训作为全年重点工作来抓,主要做了以下工作。\n",
                 "2020年,区政府将法治教育培训纳入干部教育培训总体规划,开展了以下工作。\n"):
        card = lawcheck.evaluate(F3.replace(heading, heading + lead, 1))
        # (a sentence with 将 may be a plan mentioned, partial at most; the items under it are no plan part)
        assert card.result("content.next_year_plan").status in ("fail", "partial"), lead


def test_problems_solved_told_as_headline_items_are_the_years_work():
    line = F5.split("\n")[22]
    solved = ("一是补齐基层法治力量薄弱短板。全年新招录法律专业人员12名,为各街道配备法治专干,在区政府第22次常务会议上开展集体学法。\n"
              "二是破解群众法治意识不强难题。认真组织并开展行政复议法宣传活动,共分发《行政复议法》宣传资料825份,接受群众法律咨询约153人。")
    before = lawcheck.evaluate(F5)
    after = lawcheck.evaluate(F5.replace(line, solved))
    for rule in ("content.shortcomings", "content.shortcoming_causes"):
        assert after.result(rule).status == before.result(rule).status == "fail", rule


def test_a_city_naming_a_neighbouring_municipality_more_than_its_province_may_address_its_province():
    """京津冀 joint work names 北京市's bodies; the city names its own province once and otherwise as "省"."""
    text = (LINGSHOU.replace("中共灵寿县委、县人大常委会:", "中共河北省委、河北省人民政府:", 1)
            .replace("灵寿县", "承德市").replace("我县", "我市").replace("全县", "全市"))
    text = text.replace("(二)构建系统完备", "积极服务京津冀协同发展,配合北京市司法局、北京市生态环境局开展跨区域联合执法3次,"
                        "落实北京市人民政府水源保护区工作要求。\n(二)构建系统完备", 1)
    first = text.index("河北省", text.index("主要举措") if "主要举措" in text else text.index("一、")) + 3
    text = text[:first] + text[first:].replace("河北省", "省")
    r = lawcheck.evaluate(text).result("form.recipients")
    assert r.status == "pass", r.message
