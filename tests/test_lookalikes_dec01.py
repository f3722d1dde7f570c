"""Look-alikes made from a real report by changing its title, its opening or its dates (an attacker's review,
2026-12-01): each passed the gate at 89–95 as the year's report.  And the controls: the real report under
the titles real reports carry stays the report."""

from __future__ import annotations

import pytest

import lawcheck
from tests.conftest import FIXTURES

LINGSHOU = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
TITLE = "关于2021年度法治政府建设情况的报告"
OPENING = "2021年以来,"


def _kind(text: str) -> tuple[str, str | None]:
    d = lawcheck.evaluate(text).document
    return d.kind, d.other_kind


def _titled(title: str) -> str:
    assert TITLE in LINGSHOU
    return LINGSHOU.replace(TITLE, title)


@pytest.mark.parametrize(("title", "other_kind"), [
    ("关于2021年一至六月法治政府建设情况的报告", "interim_summary"),
    ("关于2021年法治政府建设年中推进情况的报告", "interim_summary"),
    ("关于省法治政府建设督察反馈意见办理情况的报告", "rectification"),
    ("关于落实省法治政府建设督察组反馈意见情况的报告", "rectification"),
    ("县政府主要负责同志2021年度推进法治建设情况报告", "shufa_report"),
    ("关于王建国同志2021年度法治建设情况的报告", "shufa_report"),
    ("县政府领导班子2021年度履行法治建设职责述责述廉报告", "shufa_report"),
    ("关于申报全省法治政府建设示范县的报告", "self_assessment"),
    ("关于2021年度法治政府建设考评自我评价情况的报告", "self_assessment"),
    ("关于2022年法治政府建设工作安排的报告", "plan"),
])
def test_a_title_that_names_another_kind_of_document(title, other_kind):
    assert _kind(_titled(title)) == ("other", other_kind)


# (from 1 November on a report is the year's: some localities collect the reports that month — test_review_dec08_kind)
@pytest.mark.parametrize("signed", ["2021年7月14日", "二〇二一年六月三十日", "2021年10月31日"])
def test_a_report_on_a_year_dated_before_that_year_is_over_is_not_its_report(signed):
    assert "2022年1月14日" in LINGSHOU
    card = lawcheck.evaluate(LINGSHOU.replace("2022年1月14日", signed))
    assert (card.document.kind, card.document.other_kind) == ("other", "dated_early")
    assert "早于2021年11月1日" in (card.document.kind_reason or "")
    assert card.score is None


@pytest.mark.parametrize("title", [
    "关于2021年度法治政府建设情况的报告", "灵寿县2021年度法治政府建设工作总结", "关于2021年度法治政府建设情况和2022年工作安排的报告",
    "关于2021年法治政府建设年度报告", "关于2021年度法治政府建设工作情况的汇报",
])
def test_the_titles_real_reports_carry_stay_the_report(title):
    assert _kind(_titled(title)) == ("annual_report", None)


@pytest.mark.parametrize("signed", ["2021年12月28日", "2022年1月14日", "2022年3月31日"])
def test_a_report_signed_in_december_or_after_the_year_is_the_report(signed):
    assert _kind(LINGSHOU.replace("2022年1月14日", signed)) == ("annual_report", None)


@pytest.mark.parametrize(("title", "source"), [
    ("关于贯彻落实《法治政府建设实施纲要（2021—2025年）》2021年度情况的报告", "title"),
    ("关于贯彻落实法治政府建设实施纲要2021—2025年情况的报告", "text"),
])
def test_the_year_of_a_title_is_not_the_end_of_a_plan_s_span(title, source):
    # 2025, the end of the 纲要's span, was read as the report's year (and with the dates check, the report
    # on 2021 became a text dated before its year was over)
    d = lawcheck.evaluate(_titled(title)).document
    assert (d.report_year, d.report_year_source, d.kind) == (2021, source, "annual_report")


def test_a_column_label_a_breadcrumb_ends_on_is_not_the_title():
    """A real report whose title was lost under a site's column ("政务公开工作文件", also the breadcrumb's last
    item) was read as a report on 政务公开 (another field's summary) and dropped from the rankings."""
    yixing = (FIXTURES / "002_yixing_2020.txt").read_text(encoding="utf-8")
    title = lawcheck.evaluate(yixing).document.title
    assert title and yixing.count(title) >= 2 and "政务公开工作文件" in yixing
    assert _kind(yixing.replace(title, "")) == ("annual_report", None)


def test_a_title_year_the_body_contradicts_is_flagged():
    """Last year's report under this year's title, its dates moved too, still opening "2021年以来": the year is
    stated twice and differently, said so (the kind cannot tell a retitled report from a slip)."""
    text = _titled("关于2023年度法治政府建设情况的报告").replace("2022年1月14日", "2024年1月12日").replace(
        "2022-01-20", "2024-01-20")
    r = lawcheck.evaluate(text).result("form.reporting_year")
    assert (r.status, r.missing) == ("partial", ["report_year_consistent"])
    assert "2023" in r.message and "2021" in r.message
    assert lawcheck.evaluate(LINGSHOU).result("form.reporting_year").status == "pass"
