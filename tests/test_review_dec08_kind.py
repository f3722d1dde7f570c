"""Look-alikes of the annual report told apart (the look-alike review of 2026-12-08, and a provincial examiner's note on
November collections)."""

from __future__ import annotations

import pytest

import lawcheck
from tests.conftest import FIXTURES

LINGSHOU = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")

# ---------------------------------------------------------------------------------------------------------------------
# A year's report is dated from 1 November of that year on: some localities collect the year's reports in November
# (for an assessment held before the year ends).  Earlier, it is a part of the year or the year written wrong.


@pytest.mark.parametrize("signed", ["2021年11月1日", "2021年11月20日", "2021年11月30日", "二〇二一年十一月二十日",
                                    "2021年12月10日"])
def test_a_report_signed_from_november_of_its_year_is_the_years_report(signed: str) -> None:
    text = LINGSHOU.replace("发布时间:2022-01-20", "").replace("2022年1月14日", signed)
    card = lawcheck.evaluate(text)
    assert card.document.kind == "annual_report", card.document.kind_reason
    assert card.score is not None
    # the signature is not taken for a slip of the year's number either
    assert "signed_date_after_year" not in (card.result("form.signature").missing or [])


@pytest.mark.parametrize("signed", ["2021年10月31日", "2021年9月20日", "2021年7月14日"])
def test_a_report_signed_before_november_of_its_year_is_dated_early(signed: str) -> None:
    text = LINGSHOU.replace("发布时间:2022-01-20", "").replace("2022年1月14日", signed)
    d = lawcheck.evaluate(text).document
    assert (d.kind, d.other_kind) == ("other", "dated_early")
    assert "早于2021年11月1日" in (d.kind_reason or "")
    en = lawcheck.evaluate(text, lang="en").document
    assert "before 1 November 2021" in (en.kind_reason or "")


def test_a_page_dated_in_november_is_the_reports_publication() -> None:
    text = LINGSHOU.replace("发布时间:2022-01-20", "发布时间:2021-11-25").replace("2022年1月14日", "2021年11月20日")
    card = lawcheck.evaluate(text)
    assert card.document.kind == "annual_report"
    assert str(card.document.published_date) == "2021-11-25"
    assert card.result("deadline.publication").status == "pass"
