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
