"""Beginnings of real report pages with hand labels (../shared/corpus/pages): dates read from the page.

These pages are read from ../shared and never copied into the repository; the tests skip when it
is absent.  Document kind (report or not) is a later capability: here only the pages a reader
labelled as annual reports are held to their report year and publication date.
"""

from __future__ import annotations

import json

from lawcheck.text import dates
from lawcheck.text.normalize import normalize
from lawcheck.text.structure import build


def _labels(shared_dir):
    path = shared_dir / "corpus" / "pages" / "labels.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_report_year_and_published_date(shared_dir):
    rows = [r for r in _labels(shared_dir) if r["doc_kind"] == "annual_report"]
    assert len(rows) >= 15
    wrong = []
    for row in rows:
        text = (shared_dir / "corpus" / "pages" / row["file"]).read_text(encoding="utf-8")
        st = build(normalize(text))
        year = dates.report_year(st)
        pub = dates.published_date(st)
        got = (year.value if year else None, str(pub.value) if pub else None)
        if got != (row["reporting_year"], row["published_date"]):
            wrong.append((row["file"], got, (row["reporting_year"], row["published_date"])))
    assert not wrong, wrong


def test_site_clock_is_not_a_publication_date(shared_dir):
    text = (shared_dir / "corpus" / "pages" / "002.txt").read_text(encoding="utf-8")
    assert "今天是:2019年10月31日" in text
    pub = dates.published_date(build(normalize(text)))
    assert pub is not None and str(pub.value) == "2021-03-29"


def test_late_publication_is_flagged(shared_dir, pack):
    import lawcheck

    text = (shared_dir / "corpus" / "pages" / "040.txt").read_text(encoding="utf-8")
    card = lawcheck.evaluate(text, rules=pack)
    assert card.result("deadline.publication").status == "fail"


def test_no_publication_date_was_set_before_2019(shared_dir, pack):
    """新疆's 2017 report went up on 2018-04-03: the 2015 纲要 asked for publication but set no date, and
    art. 24 of the 督察工作规定 (in force 2019-04-15) governs reports from 2019 on, so it is not late."""
    import lawcheck

    text = (shared_dir / "corpus" / "pages" / "003.txt").read_text(encoding="utf-8")
    card = lawcheck.evaluate(text, rules=pack)
    assert card.document.report_year == 2017
    r = card.result("deadline.publication")
    assert r.status == "not_applicable" and "2019" in r.message and "不按逾期判断" in r.message


def test_reporter_level_and_document_kind(shared_dir, pack):
    """Level for every annual report; annual report or not for every page (a 解读, a notice, news, a guideline)."""
    import lawcheck

    levels = {"district_county": "county"}
    wrong = []
    for row in _labels(shared_dir):
        text = (shared_dir / "corpus" / "pages" / row["file"]).read_text(encoding="utf-8")
        d = lawcheck.evaluate(text, rules=pack).document
        if d.kind != row["doc_kind"]:
            wrong.append((row["file"], "kind", d.kind, row["doc_kind"]))
        if row["doc_kind"] == "annual_report" and d.level != levels.get(row["level"], row["level"]):
            wrong.append((row["file"], "level", d.level, row["level"]))
    assert not wrong, wrong


def test_a_non_report_says_so_plainly(shared_dir, pack):
    import lawcheck

    text = (shared_dir / "corpus" / "pages" / "004.txt").read_text(encoding="utf-8")  # a 政策解读
    card = lawcheck.evaluate(text, rules=pack)
    assert card.document.kind == "other" and "解读" in card.document.kind_reason
    assert card.score is None and card.missing == []
    assert {r.status for r in card.results} == {"not_applicable"}
    assert "不是法治政府建设年度报告" in card.results[0].message
    forced = lawcheck.evaluate(text, rules=pack, kind="annual_report")
    # (the page is an excerpt cut in the middle of a sentence: judged, but unscored)
    assert forced.document.kind == "annual_report" and forced.document.cut_off and forced.score is None
    assert any(r.status == "pass" for r in forced.results)


def test_an_organ_read_from_a_page_s_title_carries_no_quotation_or_title_mark(shared_dir):
    """Found in review: pages/004.txt ("关于《清水县人民政府关于……的报告》的政策解读") gave the organ
    "《清水县人民政府"; no page's organ starts with a mark."""
    import lawcheck

    for row in _labels(shared_dir):
        card = lawcheck.check_file(shared_dir / "corpus" / "pages" / row["file"])
        organ = card.document.organ or ""
        assert not organ.startswith(("《", "“", "\"")), (row["file"], organ)
    assert lawcheck.check_file(shared_dir / "corpus" / "pages" / "004.txt").document.organ == "清水县人民政府"
