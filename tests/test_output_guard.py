"""lawcheck never writes to what it reads: besides the reports (and --previous), the settings file, the pairs
file and a rule pack's folder are refused as -o (found by an attack review: each was overwritten, and the next
run failed on the broken settings)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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


def _errors(err: str) -> str:
    """Standard error less the line naming a settings file that sets the gate (its own test says when it comes)."""
    return "".join(ln for ln in err.splitlines(keepends=True) if "按设置文件" not in ln and "settings from" not in ln)


def _refused(capsys, argv: list[str], target: Path, lang: str = "zh") -> None:
    before = target.read_bytes() if target.is_file() else None
    assert main([*argv, "--lang", lang]) == 2
    err = _errors(capsys.readouterr().err)
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


@pytest.mark.parametrize("spelling", ["nosuchdir/../{name}", "./sub/../{name}", "nosuchdir/deeper/../../{name}"])
def test_a_path_through_a_missing_folder_and_back_is_the_file_it_names(here, capsys, spelling):
    """"-o nosuchdir/../r.txt": compared as given it did not exist, its folder was made and the report written
    over (found by the second attack review); the settings file the same way."""
    (here / "sub").mkdir()
    (here / "lawcheck.toml").write_text("min_score = 60\n", encoding="utf-8")
    before = (here / "a.txt").read_bytes()
    assert main(["check", "a.txt", "-o", spelling.format(name="a.txt")]) == 2
    assert "就是要检查的文件" in capsys.readouterr().err and (here / "a.txt").read_bytes() == before
    _refused(capsys, ["check", "a.txt", "-o", spelling.format(name="lawcheck.toml")], here / "lawcheck.toml")
    assert not (here / "nosuchdir").exists()


def test_lawchecks_own_rules_and_a_named_pack_and_what_a_pack_extends_take_no_output(here, capsys, monkeypatch):
    from lawcheck import packs
    from lawcheck.packs import discover
    from lawcheck.packs.discover import resolve_pack

    # lawcheck's own rules as a copy: were the guard ever broken, this test writes over the copy, not the checkout.
    own = here / "own_rules"
    shutil.copytree(builtin_rules_dir(), own)
    monkeypatch.setattr(discover, "builtin_rules_dir", lambda: own)
    monkeypatch.setattr(packs, "builtin_rules_dir", lambda: own)
    monkeypatch.setenv("LAWCHECK_CACHE_DIR", "")
    core = discover.builtin_rules_dir()
    _refused(capsys, ["check", "a.txt", "-o", str(core / "pack.yaml")], core / "pack.yaml")
    shaanxi = resolve_pack("shaanxi")
    _refused(capsys, ["check", "a.txt", "--pack", "shaanxi", "-o", str(shaanxi / "pack.yaml")], shaanxi / "pack.yaml")
    base = here / "packs" / "base"
    shutil.copytree(builtin_rules_dir(), base, ignore=shutil.ignore_patterns("_packs"))
    top = here / "packs" / "top"
    top.mkdir()
    (top / "pack.yaml").write_text("id: top\ntitle: {zh: 本单位}\nversion: \"0.1\"\nextends: ../base\n", encoding="utf-8")
    _refused(capsys, ["check", "a.txt", "--pack", str(top), "-o", str(base / "pack.yaml")], base / "pack.yaml")


def test_a_link_in_the_output_folder_to_the_settings_is_not_written_through(here, capsys):
    import os

    (here / "lawcheck.toml").write_text("min_score = 60\n", encoding="utf-8")
    (here / "d").mkdir()
    shutil.copy(here / "a.txt", here / "d" / "a.txt")
    shutil.copy(here / "b.txt", here / "d" / "b.txt")
    (here / "out").mkdir()
    os.symlink("../lawcheck.toml", here / "out" / "0001-a.html")
    before = (here / "lawcheck.toml").read_bytes()
    assert main(["check", "d", "--format", "html", "-o", "out"]) == 2
    assert "不改写它读取的文件" in capsys.readouterr().err and (here / "lawcheck.toml").read_bytes() == before


def test_rules_docs_do_not_write_over_the_settings(here, capsys):
    (here / "lawcheck.toml").write_text("min_score = 60\n", encoding="utf-8")
    _refused(capsys, ["rules", "docs", "--output", "lawcheck.toml"], here / "lawcheck.toml")


def test_one_file_however_it_is_named_is_checked_once(here, capsys):
    import os

    (here / "d").mkdir()
    shutil.copy(here / "a.txt", here / "d" / "a.txt")
    os.symlink("a.txt", here / "d" / "link.txt")
    os.link(here / "d" / "a.txt", here / "d" / "hard.txt")
    assert main(["check", "d/a.txt", "d/../d/a.txt", str(here / "d" / "a.txt"), "d", "--format", "jsonl"]) in (0, 1)
    assert len(capsys.readouterr().out.splitlines()) == 1


# A report inside a folder being checked was taken for lawcheck's own output when -o or standard output named
# it, left out of the batch and written over (found by an attack review): only bytes lawcheck recorded are its own.
@pytest.mark.parametrize("command", ["check", "compare"])
def test_an_output_onto_a_report_found_in_a_folder_is_refused(here, capsys, command, tmp_path, monkeypatch):
    monkeypatch.setenv("LAWCHECK_CACHE_DIR", str(tmp_path / "cache"))
    (here / "reports").mkdir()
    for name in ("a.txt", "b.txt"):
        shutil.copy(here / name, here / "reports" / name)
    target = here / "reports" / "a.txt"
    before = target.read_bytes()
    assert main([command, "reports", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    err = _errors(err)
    assert err.count("\n") == 1 and "a.txt" in err and "不改写输入文件" in err and "已跳过" not in err
    assert target.read_bytes() == before


def _run(argv: list[str], stdout, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lawcheck", *argv], stdout=stdout, stderr=subprocess.PIPE,
                          cwd=cwd, env=env, check=False)


@pytest.mark.parametrize("folder", [True, False])
def test_standard_output_appended_to_a_report_is_refused(here, tmp_path, folder):
    env = {**os.environ, "LAWCHECK_CACHE_DIR": str(tmp_path / "cache"),
           "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    (here / "reports").mkdir()
    for name in ("a.txt", "b.txt"):
        shutil.copy(here / name, here / "reports" / name)
    target = here / "reports" / "a.txt"
    before = target.read_bytes()
    with target.open("ab") as out:
        proc = _run(["check", "reports" if folder else "reports/a.txt", "--format", "jsonl"], out, here, env)
    assert proc.returncode == 2
    err = proc.stderr.decode()
    err = _errors(err)
    assert err.count("\n") == 1 and "标准输出指向要检查的文件" in err and "a.txt" in err
    assert target.read_bytes() == before
    # Sent to a new file in the folder ("> 报告/结果.txt"), the run goes on and leaves that file out.
    with (here / "reports" / "结果.txt").open("wb") as out:
        proc = _run(["check", "reports", "--format", "jsonl"], out, here, env)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    rows = (here / "reports" / "结果.txt").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 2 and "结果.txt" not in "".join(rows)


# "-o 汇总.xlsx" wrote plain text under a spreadsheet's name, which WPS and Excel refuse to open (attack review).
@pytest.mark.parametrize(("argv", "lang", "words"), [
    (["check", "a.txt", "-o", "汇总.xlsx"], "zh", "不能写出 .xlsx 文件"),
    (["check", "a.txt", "b.txt", "--format", "csv", "-o", "汇总.XLS"], "zh", ".csv"),
    (["compare", "a.txt", "b.txt", "-o", "对照.et"], "en", "cannot write .et files"),
    (["check", "a.txt", "-o", "意见.pdf"], "en", "cannot write .pdf"),
])
def test_an_office_file_name_lawcheck_cannot_write_is_refused(here, capsys, argv, lang, words):
    assert main([*argv, "--lang", lang]) == 2
    err = capsys.readouterr().err
    err = _errors(err)
    assert err.count("\n") == 1 and words in err
    assert sorted(p.name for p in here.iterdir()) == ["a.txt", "b.txt"]


def test_an_empty_report_in_the_folder_is_no_output_of_ours(here, capsys):
    # An attack review: "-o 报告/某区报告.txt", a report of the folder still empty, was taken for the file the shell
    # empties before a "> 报告/结果.txt" run, left out of the batch as lawcheck's own, and written over.
    (here / "报告").mkdir()
    shutil.copy(here / "a.txt", here / "报告" / "a.txt")
    empty = here / "报告" / "某区报告.txt"
    empty.write_bytes(b"")
    assert main(["check", "报告", "-o", str(empty)]) == 2
    err = capsys.readouterr().err
    assert "某区报告.txt" in err and "已跳过" not in err and "lawcheck 写出" not in err
    assert empty.read_bytes() == b""
