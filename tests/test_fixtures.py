"""Real reports: every rule's status as a careful reader of the report sees it (fixtures/*.expected.yaml)."""

from __future__ import annotations

import warnings

import pytest
import yaml

import lawcheck
from tests.conftest import FIXTURES, fixture_texts

CASES = [p for p in fixture_texts() if p.with_suffix(".expected.yaml").exists()]


def _expected(path):
    return yaml.safe_load(path.with_suffix(".expected.yaml").read_text(encoding="utf-8"))


def test_every_fixture_has_expectations():
    assert CASES and len(CASES) == len(fixture_texts())


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_statuses_match_reading(pack, path):
    exp = _expected(path)
    statuses, todo = exp["statuses"], exp.get("todo") or {}
    # A rule the reading does not list is not asserted (a new rule needs no edit of every fixture);
    # a listed id that is no rule is a stale expectation.
    stale = set(statuses) - {r.id for r in pack.rules}
    assert not stale, f"{path.name}: expectations for rules that do not exist: {sorted(stale)}"
    card = lawcheck.evaluate(path.read_text(encoding="utf-8"), rules=pack)
    got = card.statuses()
    wrong = {k: (v, got[k]) for k, v in statuses.items() if got[k] != v and k not in todo}
    assert not wrong, f"{path.name}: expected vs got {wrong}"
    for k, v in todo.items():
        if got[k] == v:
            warnings.warn(f"{path.name}: todo {k} now gives {v}; move it to statuses", stacklevel=1)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_evidence_points_into_original(pack, path):
    text = path.read_text(encoding="utf-8")
    card = lawcheck.evaluate(text, rules=pack)
    for r in card.results:
        for ev in [*r.evidence, *([r.near_miss] if r.near_miss else [])]:
            assert 0 <= ev.start <= ev.end <= len(text)
            assert text[ev.start:ev.end] == ev.text, r.rule
    for s in card.sections:
        assert 0 <= s.start <= s.end <= len(text)


def test_score_and_missing_are_consistent(pack):
    card = lawcheck.evaluate((FIXTURES / "003_changsheng_2020.txt").read_text(encoding="utf-8"), rules=pack)
    scored = [r for r in card.results if r.scored]
    total = sum(r.weight for r in scored)
    assert card.score == round(100 * sum(r.points for r in scored) / total, 1)
    assert {m.rule for m in card.missing} == {r.rule for r in card.results if r.status in ("fail", "partial")}
    # Missing items come in order of weight, heaviest first.
    weights = [m.weight for m in card.missing]
    assert weights == sorted(weights, reverse=True)
    assert {n.rule for n in card.not_scored} == {r.rule for r in card.results if not r.scored}


def test_document_facts(pack):
    card = lawcheck.evaluate((FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8"), rules=pack)
    d = card.document
    assert d.title == "灵寿县人民政府关于2021年度法治政府建设情况的报告"
    assert d.organ == "灵寿县人民政府"
    assert (d.report_year, str(d.signed_date), str(d.published_date)) == (2021, "2022-01-14", "2022-01-20")
    card = lawcheck.evaluate((FIXTURES / "003_changsheng_2020.txt").read_text(encoding="utf-8"), rules=pack)
    assert str(card.document.signed_date) == "2021-07-14"  # "2021714": digits run together
    card = lawcheck.evaluate((FIXTURES / "000-1.txt").read_text(encoding="utf-8"), rules=pack)
    assert card.document.report_year is None and card.document.report_year_placeholder


def test_document_number_addressees_and_reporter(pack):
    card = lawcheck.evaluate((FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8"), rules=pack)
    d = card.document
    assert d.doc_number == "灵政函〔2022〕6号" and d.recipients == ["中共灵寿县委", "县人大常委会"]
    assert (d.level, d.reporter, d.level_source) == ("county", "government", "organ")
    card = lawcheck.evaluate((FIXTURES / "003_changsheng_2020.txt").read_text(encoding="utf-8"), rules=pack)
    assert card.document.doc_number is None  # 长生府发〔2020〕63号 is a document it cites
    assert card.document.level == "township"
    card = lawcheck.evaluate((FIXTURES / "004_hetang_2024.txt").read_text(encoding="utf-8"), rules=pack,
                             level="county", reporter="government")
    assert (card.document.level, card.document.reporter, card.document.level_source) == ("county", "government",
                                                                                          "caller")
