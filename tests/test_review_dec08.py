"""Found in the eighth review session (2026-12-02): an ablation grader (each rule's content deleted, moved and
transplanted across real reports), a look-alike review and a provincial examiner altering real reports' facts.
Each test fails on the commit before its fix."""

from __future__ import annotations

import pytest

import lawcheck
from tests.conftest import FIXTURES


def _report(name: str) -> str:
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang, marks", [("zh", {"partial": "〔部分核实〕", "unverified": "〔未经核实〕"}),
                                         ("en", {"partial": "[partly verified]", "unverified": "[not verified]"})])
@pytest.mark.parametrize("pack", ["core", "shaanxi", "shenzhen"])
def test_a_basis_not_fully_verified_says_so_where_a_report_is_checked(pack, lang, marks) -> None:
    """RULEBOOK's ◐/❌ marks reached the JSON's ``status`` and ``explain`` only: the terminal, Markdown and HTML
    cards cited a provision the rulebook has only partly verified (陕西指引's attribution, the 督察工作规定's
    recipients in summary) as settled law.  Every basis cited for a report now carries its mark when not verified,
    and a verified one none."""
    card = lawcheck.evaluate(_report("001_lingshou_2021"), rules=pack, lang=lang)
    seen = set()
    for r in card.results:
        for b in r.basis:
            seen.add(b.status)
            if b.status == "verified":
                assert not any(m in b.text for m in marks.values()), (r.rule, b.text)
            else:
                assert b.text.endswith(marks[b.status]), (r.rule, b.text)
    assert "partial" in seen  # the test saw what it is about
