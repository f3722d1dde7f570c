"""The drafter, the reviewer and the attacker at the edges (review of 10 December): what broke, fixed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lawcheck.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LAWCHECK_CACHE_DIR", "")
    shutil.copy(FIXTURES / "001_lingshou_2021.txt", tmp_path / "灵寿县2021年法治政府建设年度报告.txt")
    shutil.copy(FIXTURES / "002_yixing_2020.txt", tmp_path / "宜兴市2020年法治政府建设年度报告.txt")
    return tmp_path


def _lines(err: str) -> list[str]:
    """Standard error's lines less the one naming a settings file (none here) and where a result went."""
    return [x for x in err.splitlines() if x and "按设置文件" not in x and "settings from" not in x]


# "-o 审查意见.docm" wrote the text scorecard (or, with --format docx, a .docx's parts) under the name of Word's
# macro-enabled document, which Word and WPS refuse to open; so did a Word template's name and an archive's.
@pytest.mark.parametrize(("argv", "lang", "words"), [
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "-o", "审查意见.docm"], "zh", "不能写出 .docm 文件"),
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "--format", "docx", "-o", "审查意见.DOCM"], "zh", ".docx"),
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "-o", "模板.dotx"], "en", "write .docx"),
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "宜兴市2020年法治政府建设年度报告.txt", "--format", "csv",
      "-o", "汇总.xlsb"], "zh", ".csv"),
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "-o", "材料.rar"], "zh", "不能写出 .rar 文件"),
    (["compare", "灵寿县2021年法治政府建设年度报告.txt", "宜兴市2020年法治政府建设年度报告.txt", "-o", "对照.7z"],
     "en", "cannot write .7z files"),
])
def test_a_word_or_archive_name_lawcheck_cannot_write_is_refused(here, capsys, argv, lang, words):
    before = sorted(p.name for p in here.iterdir())
    assert main([*argv, "--lang", lang]) == 2
    err = _lines(capsys.readouterr().err)
    assert len(err) == 1 and words in err[0], err
    assert sorted(p.name for p in here.iterdir()) == before


def test_the_names_lawcheck_writes_are_still_written(here, capsys):
    for name in ("审查意见.docx", "结果.txt", "汇总.csv"):
        assert main(["check", "灵寿县2021年法治政府建设年度报告.txt", "-o", name]) in (0, 1)
        assert (here / name).stat().st_size > 0


# "-o 审查/" (a folder not made yet) for a one-file format said "路径中有一项不是文件夹", and "-o 报告.txt/汇总.csv"
# (a file where a folder must be) said "已存在": neither says what is wrong nor where.
@pytest.mark.parametrize(("argv", "lang", "words"), [
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "--format", "csv", "-o", "审查/"], "zh",
     "“审查/”是文件夹；请给出文件名"),
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "-o", "新建/结果/"], "en", "is a folder; give a file name"),
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "--format", "csv", "-o", "宜兴市2020年法治政府建设年度报告.txt/汇总.csv"],
     "zh", "“宜兴市2020年法治政府建设年度报告.txt”是文件，不是文件夹"),
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "-o", "宜兴市2020年法治政府建设年度报告.txt/a/b/结果.txt"], "en",
     "\"宜兴市2020年法治政府建设年度报告.txt\" is a file, not a folder"),
    (["check", "灵寿县2021年法治政府建设年度报告.txt", "宜兴市2020年法治政府建设年度报告.txt", "--format", "html", "-o",
      "宜兴市2020年法治政府建设年度报告.txt/页面/"], "zh", "“宜兴市2020年法治政府建设年度报告.txt”是文件，不是文件夹"),
    (["compare", "灵寿县2021年法治政府建设年度报告.txt", "宜兴市2020年法治政府建设年度报告.txt", "--force", "-o",
      "灵寿县2021年法治政府建设年度报告.txt/对照.txt"], "zh", "“灵寿县2021年法治政府建设年度报告.txt”是文件，不是文件夹"),
])
def test_an_output_path_through_a_file_or_naming_a_folder_says_so(here, capsys, argv, lang, words):
    before = {p.name: p.read_bytes() for p in here.iterdir()}
    assert main([*argv, "--lang", lang]) == 2
    err = _lines(capsys.readouterr().err)
    assert len(err) == 1 and words in err[0], err
    assert {p.name: p.read_bytes() for p in here.iterdir()} == before


def test_a_folder_named_for_pages_is_still_made(here, capsys):
    assert main(["check", "灵寿县2021年法治政府建设年度报告.txt", "--format", "html", "-o", "页面/"]) in (0, 1)
    assert (here / "页面" / "index.html").is_file()
    assert main(["check", "灵寿县2021年法治政府建设年度报告.txt", "-o", "新建/结果.txt"]) in (0, 1)
    assert (here / "新建" / "结果.txt").is_file()
