"""README stays true: its commands, its rule table and its sample scorecard match the code."""

from __future__ import annotations

import re

from lawcheck.cli import main
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_first_lines_are_the_two_commands():
    first = [ln for ln in README.splitlines()[:6] if ln.strip()]
    assert "pip install ." in first[1] and "lawcheck check" in first[1]
    assert "pip install -e '.[dev]'" in first[2] and first[2].rstrip("`").endswith("pytest")
    assert first[2].startswith("Set up and run the tests: `")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "Set up and run the tests:" in ci  # .ci/run reads the command from README


def test_every_rule_is_documented(pack):
    documented = set(re.findall(r"^\| `([a-z_]+\.[a-z_.0-9]+)` \|", README, re.M))
    assert documented == {r.id for r in pack.rules}
    for r in pack.rules:
        row = next(ln for ln in README.splitlines() if ln.startswith(f"| `{r.id}` |"))
        assert f"| {r.weight:g} |" in row, f"README weight of {r.id} is stale"


def test_sample_scorecard_matches(capsys, monkeypatch):
    block = README.split("```\n$ lawcheck check fixtures/003_changsheng_2020.txt\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    assert main(["check", "fixtures/003_changsheng_2020.txt"]) == 0
    out = capsys.readouterr().out
    for line in block.splitlines():
        line = line.rstrip("…").rstrip()
        if line:
            assert line in out, f"README sample line no longer produced: {line!r}"
