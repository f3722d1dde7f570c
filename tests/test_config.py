"""lawcheck.toml / [tool.lawcheck]: found by walking up; flags override; `lawcheck config` says where each came from."""

from __future__ import annotations

import json

import pytest

from lawcheck.cli import main
from lawcheck.config import load_settings
from lawcheck.errors import ConfigError
from tests.conftest import FIXTURES, ROOT

LINGSHOU = str(FIXTURES / "001_lingshou_2021.txt")


def test_defaults_without_a_file(tmp_path):
    s = load_settings(tmp_path, env={})
    assert s.file is None and s.fail_on == "error" and s.sources["fail_on"] == "default"


def test_found_by_walking_up(tmp_path):
    (tmp_path / "lawcheck.toml").write_text('min-score = 70\nfail-on = "warning"\nlang = "en"\n', encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    s = load_settings(deep, env={})
    assert s.file == tmp_path / "lawcheck.toml"
    assert (s.min_score, s.fail_on, s.lang) == (70, "warning", "en")
    assert s.sources["min_score"] == str(tmp_path / "lawcheck.toml")


def test_pyproject_section_and_relative_rule_dirs(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "reports"\n[tool.lawcheck]\nrules = ["office-rules"]\ndisable = ["quality.quantified"]\n',
        encoding="utf-8")
    s = load_settings(tmp_path, env={})
    assert s.rules == [str((tmp_path / "office-rules").resolve())] and s.disable == ["quality.quantified"]


def test_a_pyproject_without_the_section_is_skipped(tmp_path):
    (tmp_path / "lawcheck.toml").write_text("min-score = 50\n", encoding="utf-8")
    inner = tmp_path / "pkg"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert load_settings(inner, env={}).min_score == 50


@pytest.mark.parametrize(("text", "needle"), [
    ("min_scor = 3\n", "unknown key 'min_scor'"),
    ('fail-on = "sometimes"\n', "fail-on"),
    ("min-score = [\n", "invalid TOML"),
])
def test_bad_config_file(tmp_path, text, needle):
    (tmp_path / "lawcheck.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"lawcheck\.toml") as exc:
        load_settings(tmp_path, env={})
    assert needle in exc.value.text("en")


def test_file_then_flags(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LAWCHECK_LANG", raising=False)
    (tmp_path / "lawcheck.toml").write_text('format = "jsonl"\nmin-score = 98\ndisable = ["quality.quantified"]\n',
                                            encoding="utf-8")
    code = main(["check", LINGSHOU])
    out = capsys.readouterr().out
    row = json.loads(out)
    assert code == 1  # below 98
    assert "quality.quantified" not in {r["rule"] for r in row["results"]}
    assert main(["check", LINGSHOU, "--min-score", "80"]) == 0
    capsys.readouterr()
    assert main(["config", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert str(tmp_path / "lawcheck.toml") in out and "min-score" in out and "(command line)" in out


def test_extra_rules_from_the_file(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mine" / "local").mkdir(parents=True)
    (tmp_path / "mine" / "local" / "legal_adviser.yaml").write_text(
        (ROOT / "tests" / "data" / "extra_rule.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "lawcheck.toml").write_text('rules = ["mine"]\n', encoding="utf-8")
    assert main(["check", LINGSHOU, "--format", "json"]) == 0
    rules = {r["rule"] for r in json.loads(capsys.readouterr().out)["results"]}
    assert "local.legal_adviser" in rules


def test_bad_config_is_a_usage_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lawcheck.toml").write_text("colour = true\n", encoding="utf-8")
    assert main(["check", LINGSHOU]) == 2
    err = capsys.readouterr().err
    assert "lawcheck.toml" in err and "未知的键“colour”" in err and err.count("\n") == 1


@pytest.mark.parametrize(("name", "text", "line"), [
    ("lawcheck.toml", 'lang = "zh"\nformt = "json"\n', 2),
    ("lawcheck.toml", '# 设置\n\nmin-score = "abc"\n', 3),
    ("pyproject.toml", '[project]\nname = "x"\nmin-score = 1\n[tool.lawcheck]\nlang = "zh"\nmin-score = 200\n', 6),
])
def test_a_bad_setting_names_its_line(tmp_path, name, text, line):
    """A newcomer's review: a waiver's error named its line (lawcheck.toml:2), a setting's only the file."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_settings(tmp_path)
    assert f"{tmp_path / name}:{line}:" in e.value.text("zh")
