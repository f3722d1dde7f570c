"""A researcher's crawled pages (an attack review, 2026-12-01): a title carrying the year the report was
written in, a site clock in a web page's header, a note in brackets after the title, the whole report posted
under a news lead.  Real reports changed the way sites and drafters change them."""

from __future__ import annotations

import pytest

import lawcheck
from lawcheck.readers import read_document
from tests.conftest import FIXTURES
from tests.helpers.make_docs import make_html

LINGSHOU = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
CHANGSHENG = (FIXTURES / "003_changsheng_2020.txt").read_text(encoding="utf-8")
HETANG = (FIXTURES / "004_hetang_2024.txt").read_text(encoding="utf-8")


def test_a_title_with_the_year_of_writing_is_the_bodys_years_report():
    """"2021年…工作报告" over "2020年，长生镇…", signed in 2021: the report on 2020 (the dates allow no other), with
    the disagreement said; not a text "dated before its year was over"."""
    assert "2020年度法治政府建设工作报告" in CHANGSHENG
    card = lawcheck.evaluate(CHANGSHENG.replace("2020年度法治政府建设工作报告", "2021年法治政府建设工作报告"))
    assert card.document.kind == "annual_report"
    assert card.document.report_year == 2020
    assert card.result("form.reporting_year").status == "partial"
    assert "2021" in card.result("form.reporting_year").message


def test_a_title_year_slip_is_decided_by_the_dates():
    page = "2023年法治政府建设年度报告\n发布时间:2025-03-20\n" + HETANG  # the body: "2024年，荷塘区…"
    card = lawcheck.evaluate(page)
    assert (card.document.kind, card.document.report_year) == ("annual_report", 2024)
    assert card.timeliness == "on_time"


def test_a_recycled_report_dated_before_its_years_end_is_still_caught():
    """Title and body agree, the date does not: a year's report cannot be signed in its July."""
    card = lawcheck.evaluate(LINGSHOU.replace("2022年1月14日", "2021年7月14日"))
    assert (card.document.kind, card.document.other_kind) == ("other", "dated_early")


def test_the_title_year_stands_when_the_dates_allow_it():
    """Title 2021, body 2020, signed in January 2022: the dates fit the title's year, which stands (and the
    disagreement is said)."""
    text = CHANGSHENG.replace("2020年度法治政府建设工作报告", "2021年度法治政府建设工作报告")
    text = text.replace("日期:2021-07-15", "日期:2022-01-15").replace("2021714", "2022年1月14日")
    card = lawcheck.evaluate(text)
    assert card.document.report_year == 2021
    assert card.result("form.reporting_year").status == "partial"


@pytest.mark.parametrize("clock", ["日期：2024年5月6日 星期一", "当前日期：2024年5月6日", "今天是2024年5月6日"])
def test_a_site_clock_in_a_web_page_is_not_its_publication_date(clock):
    page = make_html(LINGSHOU, published="2022-01-20").decode("utf-8")
    page = page.replace("<body>", f"<body><div class=\"top\">{clock}</div>", 1)
    doc = read_document("p.html", page.encode("utf-8"))
    assert doc.meta.get("published") == "2022-01-20"


def test_the_articles_own_date_outranks_a_box_before_it():
    page = make_html(LINGSHOU, published="2022-01-20").decode("utf-8")
    page = page.replace("<body>", "<body><div class=\"notice\">通知公告：关于第三季度政务公开的通报　日期：2021-10-12</div>", 1)
    assert read_document("p.html", page.encode("utf-8")).meta.get("published") == "2022-01-20"


@pytest.mark.parametrize("note", ["（此件公开发布）", "(2022年1月20日发布)", "（考核版）", "（供考核用）"])
def test_a_note_after_the_title_leaves_it_a_reports_title(note):
    text = LINGSHOU.replace("关于2021年度法治政府建设情况的报告", "关于2021年度法治政府建设情况的报告" + note, 1)
    assert lawcheck.evaluate(text).document.kind == "annual_report"


@pytest.mark.parametrize("headline", ["县公开2021年度法治政府建设情况报告（图）", "灵寿县召开2021年度述法评议会"])
def test_a_headline_with_a_note_is_still_news(headline):
    text = headline + "\n近日，该县召开会议，听取各乡镇述法。会议强调，要压实责任。县委常委、政法委书记出席会议并讲话。\n"
    assert lawcheck.evaluate(text * 3).document.kind == "other"


LEAD = "灵寿县公开2021年度法治政府建设情况报告\n发布时间:2022-01-25  来源:灵寿县融媒体中心\n" \
       "近日,灵寿县人民政府在门户网站公开了《灵寿县人民政府关于2021年度法治政府建设情况的报告》,全文如下:\n"
BODY = LINGSHOU[LINGSHOU.index("灵寿县人民政府\n关于2021年度"):]


def test_the_whole_report_under_a_news_lead_is_the_report():
    card = lawcheck.evaluate(LEAD + BODY)
    assert card.document.kind == "annual_report"
    assert str(card.document.published_date) == "2022-01-25"
    assert card.score == pytest.approx(lawcheck.evaluate(BODY).score, abs=2)


def test_a_news_article_retelling_the_report_is_still_news():
    retold = (LEAD.replace("全文如下:", "报告显示:") + "报告显示,该县全年办理行政复议案件11件。报告指出,该县将继续深化"
              "行政执法体制改革。报告提出,下一步将加强法治宣传。\n")
    assert lawcheck.evaluate(retold * 2).document.kind == "other"


@pytest.mark.parametrize("stamp", ["2022-01-20 09:30:12", "[2022-01-20]", "新华社·2022-01-20 11:55"])
def test_a_pages_timestamp_is_its_publication_date(stamp):
    page = stamp + "\n" + LINGSHOU.replace("发布时间:2022-01-20", "")
    assert str(lawcheck.evaluate(page).document.published_date) == "2022-01-20"


def test_a_clock_line_is_still_no_timestamp():
    page = "2022年4月12日 星期二\n" + LINGSHOU.replace("发布时间:2022-01-20", "")
    assert lawcheck.evaluate(page).document.published_date is None
