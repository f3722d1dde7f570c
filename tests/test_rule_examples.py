"""Every rule's own examples evaluate to the status they are labelled with."""

from __future__ import annotations

import pytest

import lawcheck
from lawcheck.packs import load_pack


def _cases():
    """Every rule of every built-in pack (core and the regional overlays), with the pack it lives in."""
    from lawcheck.packs import builtin_pack_names

    seen: set[str] = set()
    for name in builtin_pack_names():
        pack = load_pack(packs=[name])
        for rule in pack.rules:
            if rule.id in seen:
                continue
            seen.add(rule.id)
            for status, examples in rule.examples.by_status().items():
                for i, ex in enumerate(examples):
                    yield pytest.param(name, rule.id, status, ex, id=f"{rule.id}-{status}-{i}")


@pytest.mark.parametrize(("pack_name", "rule_id", "expected", "example"), list(_cases()))
def test_example(pack_name, rule_id, expected, example):
    pack = load_pack(packs=[pack_name])
    card = lawcheck.evaluate(example.text, report_year=example.report_year, published=example.published,
                             rules=pack.only([rule_id]), previous=example.previous)
    result = card.result(rule_id)
    assert result.status == expected, (
        f"{rule_id}: example labelled {expected!r} gave {result.status!r}: {result.message}\n"
        f"evidence={[e.text for e in result.evidence]} near_miss={result.near_miss}"
    )
    # Evidence always points into the example's own text.
    for ev in result.evidence:
        assert example.text[ev.start:ev.end] == ev.text


def test_examples_also_pass_in_english(pack):
    """Texts switch language; statuses and ids do not."""
    rule = pack.rule("enforcement.three_systems")
    ex = rule.examples.by_status()["partial"][0]
    zh = lawcheck.evaluate(ex.text, rules=pack.only([rule.id]))
    en = lawcheck.evaluate(ex.text, rules=pack.only([rule.id]), lang="en")
    assert zh.statuses() == en.statuses()
    assert zh.result(rule.id).message != en.result(rule.id).message
    assert "three enforcement systems" in en.result(rule.id).message
