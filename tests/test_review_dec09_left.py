"""Reviews of 2026-12-09 (left): what earlier reviews found and left alone.

1. A plan whose heading was deleted ("三、2025年工作打算" gone) fell under the part above it: under the year's work
   its tasks were the year's work done (000-5: the leaders' duty, partial in the report, passed from the plan's
   "落实党政主要负责人法治建设第一责任人的责任").  The plan is still told by its own words: a lead setting the time
   ahead and what the body will do, followed by its items numbered from one, or its items alone, numbered anew
   under the shortcomings, saying what is ahead.
"""

from __future__ import annotations

import pytest

import lawcheck
from tests.conftest import FIXTURES

RANK = {"pass": 3, "partial": 2, "fail": 1}


def _read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def _statuses(text: str) -> dict[str, str]:
    return {r.rule: r.status for r in lawcheck.evaluate(text).results}


def _plan_parts(text: str) -> list[str]:
    return [s.heading for s in lawcheck.evaluate(text).sections if "plan" in s.roles]


LINGSHOU = _read("001_lingshou_2021.txt")  # a county, 2021: 一、work 二、problems 三、下一步工作计划 (a lead, then （一）…)
LINGSHOU_LEAD = ("针对法治政府建设中存在的问题和短板,我县将认真整改、落实到位,着力消除制约法治政府建设的体制机制障碍,"
                 "全力推进法治政府建设再上新台阶。")
LINGSHOU_NOHEAD = LINGSHOU.replace("三、下一步工作计划\n", "")


# ---- 1. a plan without its heading

# Real reports, their plan heading line deleted: the plan is still the plan (its lead or its items give it away),
# and no rule is met better than in the report itself.
@pytest.mark.parametrize(("name", "heading"), [
    ("000-1.txt", "三、20xx年法治政府建设重点工作计划\n"),   # "20xx年区政府将在市委…领导下,进一步落实…" over （一）…
    ("000-4.txt", "三、20xx年工作思路\n"),                  # "20xx年,我区将以…为指引" over 一是…
    ("000-5.txt", "二、20xx年工作思路\n"),                  # the only part left is the year's work: the items number anew
    ("001_lingshou_2021.txt", "三、下一步工作计划\n"),       # "针对…存在的问题和短板,我县将认真整改…"
    ("003_changsheng_2020.txt", "四、下步工作打算\n"),       # no lead: 一是… numbered anew under the problems, "2021年,计划将…"
])
def test_a_real_plan_without_its_heading_is_still_the_plan(name, heading):
    text = _read(name)
    assert heading in text
    before, after = _statuses(text), _statuses(text.replace(heading, "", 1))
    assert after["content.next_year_plan"] == before["content.next_year_plan"] == "pass"
    better = {k: (before[k], after[k]) for k in before if RANK.get(after[k], 0) > RANK.get(before[k], 0)}
    assert not better, better


def test_the_plans_tasks_without_their_heading_are_not_the_years_work():
    # (000-5: "落实党政主要负责人法治建设第一责任人的责任" is a task of the plan; the year's work names the duty only)
    text = _read("000-5.txt")
    assert _statuses(text)["content.first_responsible_duty"] == "partial"
    assert _statuses(text.replace("二、20xx年工作思路\n", ""))["content.first_responsible_duty"] == "partial"


@pytest.mark.parametrize("lead", [
    "2022年,我县将继续深入推进法治政府建设,重点抓好以下工作。",
    "2022年度,我县将着力做好以下工作:",
    "2022年,全县各级各部门将从以下几个方面着力:",
    "下一步,我们将紧紧围绕县委县政府中心工作,持续用力。",
    "下步,县政府将坚持问题导向,补齐短板。",
    "今后,我县要以更高标准推进法治政府建设。",
    "新的一年,县政府将认真落实各项部署。",
    "针对上述问题,我们将采取有力措施加以解决。",
])
def test_a_lead_setting_the_time_ahead_opens_the_plan(lead):
    text = LINGSHOU_NOHEAD.replace(LINGSHOU_LEAD, lead)
    assert _plan_parts(text) and _plan_parts(text)[0].startswith(lead[:8])
    assert _statuses(text)["content.next_year_plan"] == "pass"


@pytest.mark.parametrize("lead", [
    "2021年,我县将继续深入推进法治政府建设。",            # the report's own year: its work
    "我县将认真整改、落实到位,全力推进法治政府建设再上新台阶。",  # no time ahead, no problems it answers
    "2021年,我县将法治政府建设纳入全县发展总体规划。",      # 将 of an object (把): what was done
])
def test_a_sentence_that_does_not_set_the_time_ahead_opens_no_plan(lead):
    text = LINGSHOU_NOHEAD.replace(LINGSHOU_LEAD, lead)
    # (the items under it, numbered anew after the problems and going on with the work — "进一步加大…", "全面推行…" —
    # are the plan: the sentence is not)
    assert _plan_parts(text) == ["(一)在普法宣传上精准发力。"]


def test_a_look_ahead_inside_the_years_work_opens_no_plan():
    # "下一步，…" closing a measure, the measures numbered on after it: the year's work goes on
    i = LINGSHOU.index("(二)构建系统完备")
    text = LINGSHOU[:i] + "下一步,我们将继续深入推进法治政府建设。\n" + LINGSHOU[i:]
    assert _statuses(text) == _statuses(LINGSHOU)
    assert _plan_parts(text) == ["三、下一步工作计划"]


def test_a_lead_before_the_years_own_items_in_its_only_part_opens_no_plan():
    # 000-5 without its plan: a year-ahead lead before the year's own first item is not the plan (no items anew)
    text = _read("000-5.txt").replace("二、20xx年工作思路\n", "")
    first = text.index("(一)")
    text = text[:first] + "20xx年,我们将继续深入推进依法行政。\n" + text[first:]
    parts = _plan_parts(text)
    assert len(parts) == 1 and parts[0].startswith("20xx年,我们将继续深刻领会")


CHANGSHENG = _read("003_changsheng_2020.txt")
CHANGSHENG_NOHEAD = CHANGSHENG.replace("四、下步工作打算\n", "")


def test_items_numbered_anew_without_a_word_of_what_is_ahead_stay_where_they_are():
    # (neither a plan's word nor one of going on: "一是继续加强…", "二是持续开展…" are the plan's —
    # test_review_dec10_mut)
    text = (CHANGSHENG_NOHEAD.replace("2021年,计划将辖区龙汇社区申报", "辖区龙汇社区申报")
            .replace("一是继续加强", "一是加强").replace("二是持续开展", "二是开展"))
    assert _plan_parts(text) == []


def test_items_numbered_anew_with_plans_in_them_are_the_plan():
    text = (CHANGSHENG_NOHEAD.replace("2021年,计划将辖区龙汇社区申报", "将继续推动辖区龙汇社区申报")
            .replace("三是加强领导干部队伍", "三是将进一步加强领导干部队伍"))
    assert _plan_parts(text) == ["一是继续加强领导干部学法用法能力建设。"]


def test_items_numbered_anew_that_say_what_is_lacking_are_no_plan():
    text = CHANGSHENG_NOHEAD.replace("一是继续加强领导干部学法用法能力建设。", "一是学法用法能力建设还不够。")
    assert _plan_parts(text) == []


@pytest.mark.parametrize("lead", ["2019年,我区将着力抓好以下几个方面:", "20xx年,我们将重点做好以下工作:"])
def test_a_line_announcing_the_plans_items_is_the_plan_without_problems_before_it(lead):
    # (the line was taken for a heading, but its role came from its words: a year and 将 named no plan, and with
    # no shortcomings part before it the plan's tasks were the year's work)
    text = _read("000-5.txt").replace("二、20xx年工作思路\n", lead + "\n")
    card = lawcheck.evaluate(text)
    assert card.result("content.next_year_plan").status == "pass"
    assert card.result("content.first_responsible_duty").status == "partial"


# ---- 2. recipients of a prefecture (自治州, 盟, 地区), a township or a street

# Lingshou's report as another body's: its organ and the places its body names as its own (the documents of its
# province, 《河北省…》, and its city, 《石家庄市政府…》) moved with it.
def _as(organ: str, line: str, city: str, province: str, lang: str = "zh"):  # type: ignore[no-untyped-def]
    text = (LINGSHOU.replace("灵寿县人民政府", organ).replace("中共灵寿县委、县人大常委会:", line, 1)
            .replace("石家庄市", city).replace("河北省", province))
    return lawcheck.evaluate(text, lang=lang)


PREFECTURES = [
    ("恩施土家族苗族自治州人民政府", "恩施州", "湖北省"),
    ("锡林郭勒盟行政公署", "锡林郭勒盟", "内蒙古自治区"),
    ("阿里地区行政公署", "阿里地区", "西藏自治区"),
]


@pytest.mark.parametrize(("organ", "city", "province", "line"), [
    (*PREFECTURES[0], "中共湖北省委、湖北省人民政府:"),
    (*PREFECTURES[0], "州委、州人大常委会:"),
    (*PREFECTURES[0], "中共恩施州委:"),
    (*PREFECTURES[0], "省政府:"),
    (*PREFECTURES[1], "内蒙古自治区人民政府:"),
    (*PREFECTURES[1], "盟委:"),                      # a league's party committee is its 盟委
    (*PREFECTURES[1], "中共锡林郭勒盟委员会:"),
    (*PREFECTURES[2], "西藏自治区人民政府:"),
    (*PREFECTURES[2], "中共阿里地委:"),              # a prefecture's is its 地委
    (*PREFECTURES[2], "地委、地区人大工委:"),
])
def test_a_prefecture_addressing_its_own_bodies_or_its_province_passes(organ, city, province, line):
    card = _as(organ, line, city, province)
    assert card.document.level == "city"
    assert card.result("form.recipients").status == "pass", card.result("form.recipients").message


@pytest.mark.parametrize(("organ", "city", "province", "line", "named"), [
    (*PREFECTURES[0], "湖南省人民政府:", "湖北省"),     # another province than the one its body shows
    (*PREFECTURES[1], "中共黑龙江省委:", "内蒙古自治区"),
    (*PREFECTURES[2], "中共四川省委:", "西藏自治区"),
    (*PREFECTURES[0], "中共宜昌市委:", None),          # a neighbour of its rank, never above a prefecture
    (*PREFECTURES[1], "中共赤峰市委:", None),
])
def test_a_prefecture_addressing_another_superior_fails_saying_whose(organ, city, province, line, named):
    r = _as(organ, line, city, province).result("form.recipients")
    assert r.status == "fail"
    assert "不是规定的报送对象" in r.message
    if named:
        assert f"正文表明报告主体属{named}" in r.message
        en = _as(organ, line, city, province, lang="en").result("form.recipients").message
        assert f"The body shows the reporter under {named}" in en


def test_a_city_addressing_another_province_than_its_bodys_fails_as_a_county_does_for_its_city():
    r = _as("石家庄市人民政府", "中共山西省委:", "石家庄市", "河北省").result("form.recipients")
    assert r.status == "fail" and "正文表明报告主体属河北省" in r.message
    assert _as("石家庄市人民政府", "中共河北省委、河北省人民政府:", "石家庄市", "河北省") \
        .result("form.recipients").status == "pass"


@pytest.mark.parametrize(("organ", "line", "status"), [
    ("杭州市上城区清波街道办事处", "中共上城区委、上城区人民政府:", "pass"),
    ("杭州市上城区清波街道办事处", "区委、区政府:", "pass"),
    ("杭州市上城区清波街道办事处", "中共西湖区委:", "fail"),       # another district
    ("杭州市上城区清波街道办事处", "杭州市人民政府:", "fail"),     # two levels up
    ("杭州市上城区清波街道办事处", "浙江省人民政府:", "fail"),     # a province for a street
    ("彭水苗族土家族自治县长生镇人民政府", "中共彭水县委、彭水县人民政府:", "pass"),
    ("彭水苗族土家族自治县长生镇人民政府", "县委、县政府:", "pass"),
    ("彭水苗族土家族自治县长生镇人民政府", "中共石柱县委:", "fail"),  # another county
    ("彭水苗族土家族自治县长生镇人民政府", "重庆市人民政府:", "fail"),  # the municipality, two levels up
])
def test_a_township_or_a_street_reports_to_its_own_county(organ, line, status):
    card = _as(organ, line, "杭州市" if "杭州" in organ else "重庆市", "浙江省" if "杭州" in organ else "重庆市")
    assert card.document.level == "township"
    r = card.result("form.recipients")
    assert r.status == status, r.message
    if status == "fail":
        assert "不是规定的报送对象（应为：上一级党委、上一级政府" in r.message


# ---- 3. shortcomings without their heading and without a lead

CHANGSHENG_NOSHORT = CHANGSHENG.replace("三、存在的不足\n", "")  # "一是…重视程度不够…" "二是行政执法力量薄弱。…" left
#                                                                 at the end of "二、…", before "四、下步工作打算"


def test_shortcomings_as_items_without_their_heading_are_still_the_shortcomings():
    before, after = _statuses(CHANGSHENG), _statuses(CHANGSHENG_NOSHORT)
    assert after["content.shortcomings"] == before["content.shortcomings"] == "pass"
    assert after["content.shortcoming_causes"] == before["content.shortcoming_causes"]
    assert after == before


@pytest.mark.parametrize(("old", "new"), [
    ("二是行政执法力量薄弱。", "二是行政执法力量有待加强。"),
    ("二是行政执法力量薄弱。", "二是行政执法力量与任务还不相匹配。"),
])
def test_shortcomings_as_items_in_other_words(old, new):
    assert _statuses(CHANGSHENG_NOSHORT.replace(old, new))["content.shortcomings"] == "pass"


@pytest.mark.parametrize(("old", "new"), [
    ("二是行政执法力量薄弱。", "二是加强行政执法力量建设。"),                       # one item is a measure
    ("二是行政执法力量薄弱。", "二是针对行政执法力量薄弱的问题,开展专项培训。"),     # what was done about it
])
def test_items_that_are_not_all_problems_stay_the_years_work(old, new):
    assert _statuses(CHANGSHENG_NOSHORT.replace(old, new))["content.shortcomings"] == "fail"
