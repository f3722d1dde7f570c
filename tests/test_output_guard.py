"""lawcheck never writes to what it reads: besides the reports (and --previous), the settings file, the pairs
file and a rule pack's folder are refused as -o (found by an attack review: each was overwritten, and the next
run failed on the broken settings)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lawcheck.cli import main
from lawcheck.packs import builtin_rules_dir

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURES / "001_lingshou_2021.txt", tmp_path / "a.txt")
    shutil.copy(FIXTURES / "002_yixing_2020.txt", tmp_path / "b.txt")
    return tmp_path


def _refused(capsys, argv: list[str], target: Path, lang: str = "zh") -> None:
    before = target.read_bytes() if target.is_file() else None
    assert main([*argv, "--lang", lang]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(target.name) in err
    assert ("不改写它读取的文件" if lang == "zh" else "never writes to what it reads") in err
    assert (target.read_bytes() if target.is_file() else None) == before


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_pairs_file_is_not_an_output(here, capsys, lang):
    (here / "reports").mkdir()
    for name in ("a.txt", "b.txt"):
        shutil.copy(here / name, here / "reports" / name)
    (here / "pairs.csv").write_text("a.txt,b.txt\n", encoding="utf-8")
    _refused(capsys, ["compare", "reports", "--pairs", "pairs.csv", "-o", "pairs.csv", "--format", "csv"],
             here / "pairs.csv", lang)


def test_the_settings_file_is_not_an_output(here, capsys):
    (here / "lawcheck.toml").write_text("min_score = 60\n", encoding="utf-8")
    _refused(capsys, ["check", "a.txt", "-o", "lawcheck.toml"], here / "lawcheck.toml")


def test_a_rule_packs_folder_takes_no_output(here, capsys):
    pack = here / "mypack"
    shutil.copytree(builtin_rules_dir(), pack)
    _refused(capsys, ["check", "a.txt", "--pack", str(pack), "-o", str(pack / "pack.yaml")], pack / "pack.yaml")
    _refused(capsys, ["check", "a.txt", "--pack", str(pack), "-o", str(pack / "new.json")], pack / "new.json")
    assert not (pack / "new.json").exists()
    # Beside it is fine.
    assert main(["check", "a.txt", "--pack", str(pack), "-o", "out.json"]) in (0, 1)
    assert (here / "out.json").is_file()
