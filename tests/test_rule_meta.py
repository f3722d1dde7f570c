"""Rules are public API: each is complete, documented and consistent with its file."""

from __future__ import annotations

import re

from lawcheck.loader import rule_files, rule_id_for
from lawcheck.pack import builtin_rules_dir

REQUIRED_IDS = {
    "content.measures_and_results", "content.shortcomings", "content.shortcoming_causes",
    "content.first_responsible_duty", "content.next_year_plan", "enforcement.three_systems",
    "decision.major_procedure", "deadline.first_quarter", "deadline.publication", "form.placeholders",
    "form.signature", "form.reporting_year", "era.rule_of_law_thought", "era.outdated_references",
    "quality.quantified",
}


def test_required_rules_present(pack):
    assert {r.id for r in pack.rules} >= REQUIRED_IDS
    assert any(r.id.startswith("coverage.") for r in pack.rules)


def test_id_matches_path():
    root = builtin_rules_dir()
    for path in rule_files(root):
        text = path.read_text(encoding="utf-8")
        m = re.search(r"^id:\s*(\S+)", text, re.M)
        assert m and m.group(1) == rule_id_for(path, root), path


def test_every_rule_is_complete(pack):
    for r in pack.rules:
        by = r.examples.by_status()
        assert by["pass"] and by["fail"], f"{r.id} needs a passing and a failing example"
        assert r.title.zh.strip() and r.message.zh.strip() and r.fix.zh.strip(), r.id
        assert r.title.en and r.message.en and r.fix.en, f"{r.id} lacks English texts"
        assert r.name and r.name.zh and r.name.en, f"{r.id} lacks a short name"
        assert r.basis, r.id
        for b in r.basis:
            assert b.document and b.article and re.fullmatch(r"S\d+", b.source), r.id
        assert r.weight > 0
        # Chinese is the default language: the Chinese title must contain Chinese.
        assert re.search(r"[\u4e00-\u9fff]", r.title.zh), r.id


def test_sources_are_declared(pack):
    declared = {s.id for s in pack.manifest.sources}
    for r in pack.rules:
        for b in r.basis:
            assert b.source in declared, f"{r.id} cites {b.source}, not listed in pack.yaml"


def test_unverified_basis_is_marked(pack):
    """What the rulebook marks unverified stays marked: article numbers it could not check say so."""
    for r in pack.rules:
        for b in r.basis:
            if "未核实" in b.article or "未核实" in (b.note or ""):
                assert b.status in ("partial", "unverified"), r.id


def test_policy_grades_cover_the_range(pack):
    assert pack.policy.grades[-1].min == 0
    assert pack.policy.grade(100).id == pack.policy.grades[0].id
