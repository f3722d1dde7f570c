"""What an official reads cites laws and articles, never the project's research notes: no rule's title,
message, fix, basis text or note, and no line of ``lawcheck explain``, carries a RULEBOOK source id
(S2, R6…); those stay in the machine field ``source`` (a review found eighteen notes citing them)."""

from __future__ import annotations

import re

import pytest

from lawcheck.cli import main
from lawcheck.packs import builtin_pack_names, load_pack

SOURCE_ID = re.compile(r"(?<![A-Za-z0-9_./-])[SR]\d{1,2}(?![0-9])")


def _read_by_people(rule) -> list[str]:  # type: ignore[no-untyped-def]
    texts = []
    for field in ("title", "name", "message", "fix", "no_basis"):
        value = getattr(rule, field, None)
        if value is not None:
            texts += [value.get("zh"), value.get("en")]
    for b in rule.basis:
        texts += [b.cite(), b.note_in("zh") or "", b.note_in("en") or "", b.provision or "", b.document, b.ref or ""]
    return [x for x in texts if x]


@pytest.mark.parametrize("pack", builtin_pack_names())
def test_no_rule_text_cites_the_research_notes(pack):
    found = {r.id: [x for x in _read_by_people(r) if SOURCE_ID.search(x)] for r in load_pack(packs=[pack]).rules}
    assert not {k: v for k, v in found.items() if v}


def test_explain_shows_no_source_ids(capsys):
    for rule in load_pack().rules:
        assert main(["explain", rule.id]) == 0
        out = capsys.readouterr().out
        assert not SOURCE_ID.search(out), (rule.id, SOURCE_ID.search(out).group(0))
