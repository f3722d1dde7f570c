"""Second look at the publishing-notice path (review of 2026-12-03, second reviewer's F2–F5): a report under its own
body's notice is read as that report when its opening names the prefecture before the county, when the notice is
addressed to the units below it (a city's "各县（市、区）", a county's "各乡镇、县政府各部门"), or when the government's
法制办公室 signs it; and a page's publication line under the notice's title decides the publication date even with no
addressee line.  Each case failed on 8121584.  The notices are written for these tests around the fixtures' reports."""

from __future__ import annotations

from pathlib import Path

import pytest

import lawcheck
from lawcheck.gate import gate_reasons

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
LINGSHOU = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
HETANG = (FIXTURES / "004_hetang_2024.txt").read_text(encoding="utf-8")

LS_TITLE = "灵寿县人民政府关于2021年度法治政府建设情况的报告"
LS_PART = "灵寿县人民政府\n关于2021年度法治政府建设情况的报告\n" + LINGSHOU[LINGSHOU.index("灵政函"):]
HT_ORGAN = "株洲市荷塘区人民政府"
HT_TITLE = f"{HT_ORGAN}关于2024年度法治政府建设情况的报告"
HT_PART = f"{HT_TITLE}\n\n{HETANG.rstrip()}\n\n{HT_ORGAN}\n2025年2月20日\n"
# a prefecture city's report: the 灵寿 report under the city's name
SJZ_PART = LS_PART.replace("中共灵寿县委、县人大常委会", "中共石家庄市委、市人大常委会").replace("灵寿县", "石家庄市") \
    .replace("灵政函", "石政函")
SJZ_TITLE = LS_TITLE.replace("灵寿县", "石家庄市")


def _notice(title: str, words: str, signed: str, report: str, to: str = "", attached: str = "附件\n") -> str:
    return f"{title}\n{to}\n{words}\n\n{signed}\n\n{attached}{report}" if to else \
        f"{title}\n\n{words}\n\n{signed}\n\n{attached}{report}"


def _as_alone(card, alone) -> None:
    """The report under its notice reads as it does alone (the publication deadline aside)."""
    assert alone.document.kind == "annual_report" and alone.score is not None and alone.score >= 60
    assert card.document.kind == "annual_report", card.document.kind_reason
    assert (card.document.organ, card.document.level) == (alone.document.organ, alone.document.level)
    mine, its = card.statuses(), alone.statuses()
    mine.pop("deadline.publication"), its.pop("deadline.publication")
    assert mine == its


def _published_on(card) -> str | None:
    return card.document.published_date.isoformat() if card.document.published_date else None


# ---- F2: the report's opening naming the prefecture (or province) before its own county or district ("2021年以来，
# 石家庄市灵寿县…") is its own place: the innermost place is compared with the notice's issuer, not the first one met

@pytest.mark.parametrize("opening", [
    "2021年以来,石家庄市灵寿县法治政府建设",
    "2021年,河北省灵寿县法治政府建设",
    "2021年以来，河北省石家庄市灵寿县法治政府建设",
    "2021年以来,石家庄市灵寿县人民政府法治政府建设",
], ids=["city before county", "province before county", "province and city", "…县人民政府"])
def test_an_opening_naming_the_prefecture_first_is_the_reports_own_place(opening):
    part = LS_PART.replace("2021年以来,灵寿县法治政府建设", opening, 1)
    assert part != LS_PART
    text = _notice("灵寿县人民政府办公室关于公布灵寿县2021年度法治政府建设情况报告的通知", f"现将{LS_TITLE}予以公布。",
                   "灵寿县人民政府办公室\n2022年1月20日", part)
    card = lawcheck.evaluate(text)
    _as_alone(card, lawcheck.evaluate(part))
    assert gate_reasons(card, 60, "error") == []


def test_a_district_opening_under_its_city_is_the_reports_own_place():
    part = HT_PART.replace("2024年,荷塘区坚持", "2024年,株洲市荷塘区坚持", 1)
    text = _notice("荷塘区人民政府办公室关于公布荷塘区2024年度法治政府建设情况报告的通知", f"现将《{HT_TITLE}》予以公布。",
                   "荷塘区人民政府办公室\n2025年2月20日", part)
    _as_alone(lawcheck.evaluate(text), lawcheck.evaluate(part))


def test_a_city_notice_over_a_report_opening_on_one_of_its_counties_is_still_refused():
    # (the county named after its city: the innermost place, 灵寿县, is not the city's)
    part = LS_PART.replace("灵寿县人民政府\n关于2021年度法治政府建设情况的报告", "2021年度法治政府建设情况报告", 1)
    part = part.replace("2021年以来,灵寿县", "2021年以来,石家庄市灵寿县", 1)
    part = part[:part.rindex("特此报告。")]  # unsigned: only its opening names it
    text = _notice("石家庄市人民政府办公室关于公布2021年度法治政府建设情况报告的通知", "现将我市2021年度法治政府建设情况报告予以公布。",
                   "石家庄市人民政府办公室\n2022年1月20日", part)
    card = lawcheck.evaluate(text)
    assert (card.document.kind, card.document.other_kind) == ("other", "notice")


# ---- F3: a notice's addressees are the report's peers only by the report's rank: a city's own notice goes to
# "各县（市、区）", a county's to "各乡镇、县政府各部门" (the government's own departments, joined by 、), a district's
# to "各街道办事处、区政府各部门"; a notice to "各市（县）、区" over a county-level report, or to "各乡镇" over a
# township's, is from the level above

@pytest.mark.parametrize("to", [
    "各县（市、区）、市直各单位：",
    "各县（市、区）人民政府，市政府各部门：",
    "各县(市、区)人民政府、市政府各部门、各直属机构：",
    "各县、市、区人民政府，市直有关单位：",
], ids=["各县（市、区）、市直", "各县（市、区）人民政府，市政府各部门", "half-width brackets, 、", "各县、市、区"])
def test_a_citys_own_notice_to_its_counties_publishes_its_report(to):
    text = _notice("石家庄市人民政府办公室关于公布石家庄市2021年度法治政府建设情况报告的通知", f"现将{SJZ_TITLE}予以公布。",
                   "石家庄市人民政府办公室\n2022年1月20日", SJZ_PART, to=to)
    card = lawcheck.evaluate(text)
    _as_alone(card, lawcheck.evaluate(SJZ_PART))
    assert gate_reasons(card, 60, "error") == []


@pytest.mark.parametrize("to", [
    "各乡镇、县政府各部门：",
    "各乡镇人民政府、县政府有关部门：",
    "各乡、镇人民政府、县直各单位：",
], ids=["各乡镇、县政府各部门", "县政府有关部门", "各乡、镇、县直"])
def test_a_countys_own_notice_to_its_townships_and_departments_publishes_its_report(to):
    text = _notice("灵寿县人民政府办公室关于公布灵寿县2021年度法治政府建设情况报告的通知", f"现将{LS_TITLE}予以公布。",
                   "灵寿县人民政府办公室\n2022年1月20日", LS_PART, to=to)
    _as_alone(lawcheck.evaluate(text), lawcheck.evaluate(LS_PART))


def test_a_districts_own_notice_to_its_subdistricts_publishes_its_report():
    text = _notice("株洲市荷塘区人民政府办公室关于公布荷塘区2024年度法治政府建设情况报告的通知", f"现将{HT_TITLE}予以公布。",
                   "株洲市荷塘区人民政府办公室\n2025年2月20日", HT_PART, to="各街道办事处、区政府各部门：")
    _as_alone(lawcheck.evaluate(text), lawcheck.evaluate(HT_PART))


@pytest.mark.parametrize("to, signed, part", [
    ("各县（市、区）人民政府：", "市人民政府办公室", LS_PART),
    ("各县、区人民政府，市直各部门：", "市政府办公室", LS_PART),
    ("各市、州人民政府，省政府各部门：", "省人民政府办公厅", SJZ_PART),
    ("各设区的市人民政府：", "省政府办公厅", SJZ_PART),
], ids=["a county under 各县（市、区）", "各县、区", "a city under 各市、州", "各设区的市"])
def test_a_notice_to_the_reports_peers_is_still_from_the_level_above(to, signed, part):
    title = part.split("\n")[0] + part.split("\n")[1]
    text = _notice(f"关于公布{title}的通知", f"现将{title}予以公布。", f"{signed}\n2022年1月20日", part, to=to)
    card = lawcheck.evaluate(text)
    assert (card.document.kind, card.document.other_kind) == ("other", "notice")


# ---- F4: a page's publication line under the notice's title, with no addressee line under it, is still the page's:
# its date, not the notice's signing date, is when the report went online

@pytest.mark.parametrize("stamp, on", [
    ("发布时间:2022-06-20    来源:灵寿县司法局", "2022-06-20"),
    ("发布时间：2022-06-20  来源：灵寿县人民政府办公室\n", "2022-06-20"),
    ("2022-06-20 10:21  来源：灵寿县人民政府办公室  浏览次数：120\n", "2022-06-20"),
    ("发布日期：2022年05月09日", "2022-05-09"),
], ids=["发布时间, no addressee", "full-width colon, a blank line", "a bare date stamp", "发布日期"])
def test_a_pages_late_publication_line_without_an_addressee_decides(stamp, on):
    notice = (f"灵寿县人民政府办公室关于公布灵寿县2021年度法治政府建设情况报告的通知\n{stamp}\n"
              f"现将{LS_TITLE}予以公布。\n\n灵寿县人民政府办公室\n2022年1月20日\n\n附件：{LS_TITLE}\n")
    card = lawcheck.evaluate(notice + LS_PART)
    _as_alone(card, lawcheck.evaluate(LS_PART))
    assert _published_on(card) == on
    assert card.result("deadline.publication").status == "fail"
    assert gate_reasons(card, 60, "error")


def test_an_on_time_page_line_without_an_addressee_passes():
    notice = (f"灵寿县人民政府办公室关于公布灵寿县2021年度法治政府建设情况报告的通知\n发布时间:2022-01-24 来源:灵寿县司法局\n"
              f"现将{LS_TITLE}予以公布。\n\n灵寿县人民政府办公室\n2022年1月20日\n\n附件：{LS_TITLE}\n")
    card = lawcheck.evaluate(notice + LS_PART)
    assert _published_on(card) == "2022-01-24"
    assert card.result("deadline.publication").status == "pass"


# ---- F5: before the 2018–19 reforms the government's 法制办公室 (法制办, 法制局) drafted and published the report:
# its notice publishes its government's report; a department's own 法制 office does not publish the government's

@pytest.mark.parametrize("issuer, signed", [
    ("", "灵寿县人民政府法制办公室"), ("灵寿县政府法制办", "灵寿县政府法制办"), ("", "县政府法制办公室"),
    ("", "灵寿县法制局"), ("灵寿县人民政府法制办公室", ""),
], ids=["人民政府法制办公室", "政府法制办 (by its title)", "县政府法制办公室", "法制局", "by its title, unsigned"])
def test_the_governments_legal_affairs_office_publishes_its_report(issuer, signed):
    text = _notice(f"{issuer}关于公布灵寿县2021年度法治政府建设情况报告的通知", f"现将{LS_TITLE}予以公布。",
                   f"{signed}\n2022年1月20日", LS_PART)
    _as_alone(lawcheck.evaluate(text), lawcheck.evaluate(LS_PART))


@pytest.mark.parametrize("signed", ["灵寿县公安局法制办公室", "石家庄市人民政府法制办公室", "正定县人民政府法制办公室"],
                         ids=["a department's", "the city's", "a neighbour's"])
def test_another_bodys_legal_affairs_office_does_not(signed):
    text = _notice("关于公布灵寿县2021年度法治政府建设情况报告的通知", f"现将{LS_TITLE}予以公布。",
                   f"{signed}\n2022年1月20日", LS_PART)
    card = lawcheck.evaluate(text)
    assert (card.document.kind, card.document.other_kind) == ("other", "notice")


# ---- the last look: a body's own notice is its own whoever it addresses — a prefecture city to the county-level 市
# under it ("各市（县）、区人民政府", as Jiangsu's cities write), a county to "各乡镇、县各部门" (no 政府 before 各部门)

@pytest.mark.parametrize("to", ["各市（县）、区人民政府，市各委办局，市各直属单位：", "各市、区人民政府，市各委办局（公司），各直属单位："])
def test_a_citys_own_notice_to_the_county_level_cities_under_it_is_its_own(to):
    text = _notice(f"石家庄市人民政府办公室关于公布{SJZ_TITLE}的通知", f"现将《{SJZ_TITLE}》予以公布。",
                   "石家庄市人民政府办公室\n2022年1月20日", SJZ_PART, to=to)
    _as_alone(lawcheck.evaluate(text), lawcheck.evaluate(SJZ_PART))


@pytest.mark.parametrize("to", ["各乡（镇）、县各有关单位：", "各乡镇、县各部门：", "各乡镇、县有关部门：", "各乡镇、县各委办局："])
def test_a_countys_own_notice_to_its_townships_and_departments_is_its_own(to):
    text = _notice(f"灵寿县人民政府办公室关于公布{LS_TITLE}的通知", f"现将《{LS_TITLE}》予以公布。",
                   "灵寿县人民政府办公室\n2022年1月20日", LS_PART, to=to)
    _as_alone(lawcheck.evaluate(text), lawcheck.evaluate(LS_PART))
