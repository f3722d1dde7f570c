"""README stays true: its commands, its rule table and its sample scorecard match the code."""

from __future__ import annotations

import re

from lawcheck.cli import main
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_first_lines_are_the_two_commands():
    first = [ln for ln in README.splitlines()[:6] if ln.strip()]
    assert "pip install '.[all]'" in first[1] and "lawcheck check" in first[1]
    # The whole suite, on every core (pytest-xdist, one file per worker: module fixtures stay shared).
    assert "pip install -e '.[dev]'" in first[2] and first[2].rstrip("`").endswith("pytest -n auto --dist loadfile")
    assert first[2].startswith("Set up and run the tests: `")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "Set up and run the tests:" in ci  # .ci/run reads the command from README


def test_every_rule_is_documented(pack):
    documented = set(re.findall(r"^\| `([a-z_]+\.[a-z_.0-9]+)` \|", README, re.M))
    assert documented == {r.id for r in pack.rules}
    for r in pack.rules:
        row = next(ln for ln in README.splitlines() if ln.startswith(f"| `{r.id}` |"))
        assert f"| {r.weight:g} |" in row, f"README weight of {r.id} is stale"


def _output_lines_hold(block: str, out: str) -> None:
    for line in block.splitlines():
        line = line.rstrip()
        if line and line != "…":
            assert line in out, f"documented line no longer produced: {line!r}"


def test_sample_scorecard_matches(capsys, monkeypatch):
    """The README shows the scorecard as it really looks (piped: width 100, no colour)."""
    block = README.split("```\n$ lawcheck check fixtures/003_changsheng_2020.txt\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("LAWCHECK_LANG", raising=False)
    monkeypatch.delenv("COLUMNS", raising=False)  # piped: 100 columns unless COLUMNS says otherwise
    assert main(["check", "fixtures/003_changsheng_2020.txt", "--format", "rich"]) == 1
    _output_lines_hold(block, capsys.readouterr().out)


def test_guide_shows_the_output_as_it_really_is(capsys, monkeypatch):
    """docs/guide.zh.md: each block marked <!-- 输出: COMMAND --> is what COMMAND prints (piped)."""
    import re
    import shlex

    guide = (ROOT / "docs" / "guide.zh.md").read_text(encoding="utf-8")
    blocks = re.findall(r"<!-- 输出: (.+?) -->\n```\n(.*?)```", guide, re.S)
    assert len(blocks) >= 3
    # README's blocks marked the same way (lawcheck compare) are held to the same standard.
    readme_blocks = re.findall(r"<!-- 输出: (.+?) -->\n```\n(.*?)```", README, re.S)
    assert len(readme_blocks) >= 2
    blocks += readme_blocks
    monkeypatch.delenv("LAWCHECK_LANG", raising=False)
    monkeypatch.delenv("COLUMNS", raising=False)
    # The day the guide's outputs were made: a waiver's end date is judged against it.
    monkeypatch.setenv("LAWCHECK_TODAY", "2026-11-30")
    for command, block in blocks:
        argv = shlex.split(command)
        monkeypatch.chdir(ROOT)
        if argv[0] == "cd":  # "cd docs/examples/waivers && lawcheck …": run where its lawcheck.toml is
            assert argv[2] == "&&"
            monkeypatch.chdir(ROOT / argv[1])
            argv = argv[3:]
        assert argv[0] == "lawcheck"
        main(argv[1:])
        _output_lines_hold(block, capsys.readouterr().out)


def test_the_format_tables_list_what_the_registries_hold():
    """README's tables of formats in and out are the registries' (lawcheck.readers.SUFFIXES, lawcheck.render.names)."""
    from lawcheck.readers import SUFFIXES
    from lawcheck.render import names

    formats_in = README.split("### Formats in\n", 1)[1].split("\n\n", 1)[0]
    listed = set(re.findall(r"`(\.[a-z0-9]+)`", formats_in))
    assert listed == set(SUFFIXES), listed ^ set(SUFFIXES)
    formats_out = README.split("### Formats\n", 1)[1].split("\n\n", 1)[0]
    assert re.findall(r"^\| `([a-z]+)` \|", formats_out, re.M) == list(names())
