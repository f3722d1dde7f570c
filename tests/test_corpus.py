"""Beginnings of real report pages with hand labels (../shared/corpus/pages): dates read from the page.

These pages are read from ../shared and never copied into the repository; the tests skip when it
is absent.  Document kind (report or not) is a later capability: here only the pages a reader
labelled as annual reports are held to their report year and publication date.
"""

from __future__ import annotations

import json

import pytest

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


@pytest.mark.parametrize("name", ["003.txt", "040.txt"])
def test_late_publication_is_flagged(shared_dir, pack, name):
    import lawcheck

    text = (shared_dir / "corpus" / "pages" / name).read_text(encoding="utf-8")
    card = lawcheck.evaluate(text, rules=pack)
    assert card.result("deadline.publication").status == "fail"
