"""Rules are public API: each is complete, documented and consistent with its file."""

from __future__ import annotations

import re

from lawcheck.packs import builtin_rules_dir
from lawcheck.packs.read import rule_files, rule_id_for

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


def _all_packs():
    from lawcheck.packs import builtin_pack_names, load_pack

    return [load_pack(packs=[n]) for n in builtin_pack_names()]


def test_id_matches_path():
    roots = [builtin_rules_dir(), *(p for p in (builtin_rules_dir() / "_packs").iterdir() if p.is_dir())]
    for root in roots:
        for path in rule_files(root):
            text = path.read_text(encoding="utf-8")
            m = re.search(r"^id:\s*(\S+)", text, re.M)
            assert m and m.group(1) == rule_id_for(path, root), path


def test_regional_rules_are_namespaced_by_their_pack():
    core = {r.id for r in _all_packs()[0].rules}
    for pack in _all_packs()[1:]:
        own = [r for r in pack.rules if r.id not in core]
        assert own and all(r.id.startswith(pack.id + ".") for r in own)


def test_every_rule_is_complete():
    rules = {r.id: r for pack in _all_packs() for r in pack.rules}
    for r in rules.values():
        by = r.examples.by_status()
        assert by["pass"] and by["fail"], f"{r.id} needs a passing and a failing example"
        assert r.title.zh.strip() and r.message.zh.strip() and r.fix.zh.strip(), r.id
        assert r.title.en and r.message.en and r.fix.en, f"{r.id} lacks English texts"
        assert r.name and r.name.zh and r.name.en, f"{r.id} lacks a short name"
        assert r.basis, r.id
        for b in r.basis:
            assert b.document and b.provision and re.fullmatch(r"[SR]\d+", b.source), r.id
        assert r.weight > 0
        # Chinese is the default language: the Chinese title must contain Chinese.
        assert re.search(r"[\u4e00-\u9fff]", r.title.zh), r.id


def test_sources_are_declared():
    for pack in _all_packs():
        declared = {s.id for s in pack.manifest.sources}
        for r in pack.rules:
            for b in r.basis:
                assert b.source in declared, f"{r.id} cites {b.source}, not listed in pack.yaml"


def test_deprecated_rules_are_removed_when_promised():
    """A deprecated rule names the version that removes it; once that version ships, the test fails."""
    from lawcheck import __version__

    version = tuple(int(x) for x in __version__.split(".")[:3])
    for pack in _all_packs():
        for r in pack.rules:
            if r.lifecycle == "deprecated":
                assert r.removed_in, f"{r.id} is deprecated without removed_in"
                assert version < tuple(int(x) for x in r.removed_in.split(".")[:3]), f"{r.id} should be gone"


def test_schema_and_catalogue_are_fresh():
    from lawcheck import authoring
    from lawcheck.packs import builtin_pack_names, load_pack

    root = builtin_rules_dir().parent if (builtin_rules_dir().parent / "docs").is_dir() else None
    assert (builtin_rules_dir() / "schema.json").read_text(encoding="utf-8") == authoring.json_schema(), \
        "rules/schema.json is stale: run lawcheck rules schema --output rules/schema.json"
    if root is not None:
        docs = (root / "docs" / "rules.md").read_text(encoding="utf-8")
        assert docs == authoring.catalogue([load_pack(packs=[n]) for n in builtin_pack_names()]), \
            "docs/rules.md is stale: run lawcheck rules docs --output docs/rules.md"


def test_unverified_basis_is_marked(pack):
    """What the rulebook marks unverified stays marked: a basis whose article number could not be checked
    does not show one to the reader (it stays, with its status, in JSON and explain)."""
    for r in pack.rules:
        for b in r.basis:
            if "条号未核实" in (b.note_in("zh") or "") or "未核实" in b.provision:
                assert not b.article_shown(), r.id
            if b.article and (b.article_status or b.status) == "unverified":
                assert b.article not in b.cite(), r.id


def test_the_reader_sees_laws_and_articles_not_project_notes():
    """An official reads documents and articles, never the project's own notes (RULEBOOK, source ids)."""
    for p in _all_packs():
        for r in p.rules:
            for b in r.basis:
                text = b.cite()
                # A document in 《》; a meeting by its name alone (a newcomer's review: "《中央全面依法治国工作会议》").
                event = b.document.endswith(("会议", "全会", "代表大会")) or "会议（" in b.document or "大会（" in b.document
                assert text.startswith(b.document if event else "《") and b.document in text, r.id
                for word in ("RULEBOOK", "§", "规则建议", b.source, "未核实"):
                    assert word not in text, (r.id, word, text)
            for t in (r.title, r.message, r.fix, *([r.no_basis] if r.no_basis else [])):
                assert "RULEBOOK" not in t.zh and "§" not in t.zh, r.id


def test_policy_grades_cover_the_range(pack):
    assert pack.policy.grades[-1].min == 0
    assert pack.policy.grade(100).id == pack.policy.grades[0].id


def test_the_results_of_the_measures_are_counted_as_quantified_counts_them(pack):
    # One pattern, two rules: content.measures_and_results takes quality.quantified's pattern as it is, so a count
    # one rule reads ("五十八件") the other reads too, and one scan of a report serves both.
    results = next(p for p in pack.rule("content.measures_and_results").parts if p.id == "results")
    assert results.patterns == [pack.rule("quality.quantified").pattern]
