"""The built-in packs' regular expressions run without the time limit; anything else keeps it (issue 18).

The limit is a safety net against a third party's pattern that backtracks without end.  lawcheck's own
patterns are tested on hostile shapes (tests/test_scaling.py) and pay for the net in wall time, so a pack
made only of built-in packs drops it; a pack with a directory or plugin of the user's keeps it for all.
"""

from __future__ import annotations

import lawcheck
from lawcheck import saferegex
from lawcheck.packs import builtin_pack_names, load_pack
from tests.conftest import FIXTURES
from tests.test_loader_errors import GOOD, make_pack

REPORT = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")


def _limits_used(monkeypatch, pack) -> set[bool]:
    seen: set[bool] = set()
    real_finditer, real_search = saferegex.finditer, saferegex.search

    def finditer(*args, limit=True, **kw):
        seen.add(limit)
        return real_finditer(*args, limit=limit, **kw)

    def search(*args, limit=True, **kw):
        seen.add(limit)
        return real_search(*args, limit=limit, **kw)

    monkeypatch.setattr(saferegex, "finditer", finditer)
    monkeypatch.setattr(saferegex, "search", search)
    lawcheck.evaluate(REPORT, rules=pack)
    return seen


def test_every_built_in_pack_is_trusted_and_runs_its_patterns_without_the_limit(monkeypatch):
    for name in builtin_pack_names():
        assert load_pack(packs=[name]).trusted, name
    assert _limits_used(monkeypatch, load_pack()) == {False}


def test_a_users_rule_directory_makes_the_whole_pack_keep_the_limit(tmp_path, monkeypatch):
    extra = tmp_path / "extra"
    (extra / "demo").mkdir(parents=True)
    (extra / "demo" / "rule.yaml").write_text(GOOD, encoding="utf-8")
    pack = load_pack(extra=[extra])
    assert not pack.trusted
    assert _limits_used(monkeypatch, pack) == {True}


def test_a_pack_of_the_users_own_keeps_the_limit(tmp_path, monkeypatch):
    root = make_pack(tmp_path, {"demo/rule.yaml": GOOD})
    assert not load_pack(root).trusted


def test_a_subset_of_a_trusted_pack_stays_trusted_and_of_an_untrusted_one_not(tmp_path):
    assert load_pack(disable=["quality.quantified"]).trusted
    root = make_pack(tmp_path, {"demo/rule.yaml": GOOD})
    assert not load_pack(root).only([]).trusted


def test_two_checks_with_one_pattern_share_one_scan_of_the_report(monkeypatch):
    """Each pattern is scanned once per report, whichever checks ask for it: here the count rule over the
    body and a section's part with the same pattern."""
    from lawcheck.packs import RulePack

    base = load_pack()
    count = base.rule("quality.quantified")
    section = base.rule("content.measures_and_results")
    part = section.parts[0].model_copy(update={"patterns": [count.pattern]})
    section = section.model_copy(update={"parts": [part, *section.parts[1:]]})
    pack = RulePack(base.root, base.digest, base.manifest, base.policy, (section, count), {}, trusted=True)
    scans: list[str] = []
    real = saferegex.finditer

    def finditer(pattern, *args, **kw):
        scans.append(pattern)
        return real(pattern, *args, **kw)

    monkeypatch.setattr(saferegex, "finditer", finditer)
    card = lawcheck.evaluate(REPORT, rules=pack)
    assert scans.count(count.pattern) == 1, scans
    assert card.result("quality.quantified").status == lawcheck.evaluate(REPORT).result("quality.quantified").status
