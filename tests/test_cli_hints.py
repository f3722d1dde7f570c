"""Messages that say what is really wrong: a file named "-rf.txt" (read as options), an option written before
the command ("lawcheck --lang en check …", now taken), and a date of the right form that does not exist.
Found by an attack review; each message was misleading (a PATH missing, 'zh' not a command, "use
YYYY-MM-DD")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lawcheck.cli import main

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "001_lingshou_2021.txt"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_file_named_like_an_option(tmp_path, monkeypatch, capsys, lang):
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURE, tmp_path / "-rf.txt")
    with pytest.raises(SystemExit) as e:
        main(["check", "-rf.txt", "--lang", lang])
    err = capsys.readouterr().err
    assert e.value.code == 2 and err.count("\n") == 1 and "./-rf.txt" in err and "--" in err
    assert ("被当作了选项" if lang == "zh" else "read as an option") in err
    # Both ways the message gives work.
    assert main(["check", "./-rf.txt", "-q"]) in (0, 1)
    assert main(["check", "-q", "--", "-rf.txt"]) in (0, 1)
    assert "-rf.txt" in capsys.readouterr().out


def test_an_option_before_the_command_is_taken(capsys):
    assert main(["--lang", "en", "check", str(FIXTURE), "-q"]) in (0, 1)
    assert "Score" in capsys.readouterr().out
    assert main(["--lang=zh", "check", str(FIXTURE), "-q"]) in (0, 1)
    assert "得分" in capsys.readouterr().out


@pytest.mark.parametrize(("date", "says"), [("2021-02-30", "不是存在的日期"), ("2021/02/03", "YYYY-MM-DD")])
def test_a_date_that_does_not_exist_is_named(capsys, date, says):
    assert main(["check", str(FIXTURE), "--published", date]) == 2
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1


def test_a_folder_that_is_no_pack_is_a_usage_error(tmp_path, capsys):
    """--pack with a folder that holds no pack.yaml is a wrong argument (exit 2), as a wrong pack name is;
    exit 3 is for a rule file that is wrong."""
    assert main(["check", str(FIXTURE), "--pack", str(tmp_path), "-q"]) == 2
    err = capsys.readouterr().err
    assert str(tmp_path) in err and "pack.yaml" in err and err.count("\n") == 1


def test_a_config_value_is_told_in_chinese(tmp_path, monkeypatch, capsys):
    (tmp_path / "lawcheck.toml").write_text('format = "pdf"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", str(FIXTURE), "-q"]) == 2
    err = capsys.readouterr().err
    assert "取值无效" in err and "must be" not in err and "'json'" in err


def test_a_damaged_word_file_is_told_in_words(capsys):
    broken = Path(__file__).resolve().parent / "data" / "broken" / "truncated.docx"
    assert main(["check", str(broken), "--lang", "en", "-q"]) == 2
    err = capsys.readouterr().err
    assert "not a valid ZIP archive" in err and "BadZipFile" not in err


def test_an_option_value_is_never_taken_for_the_command(tmp_path, monkeypatch, capsys):
    """``-o compare check a.txt``: check's output written to a file named "compare" (compare ran before)."""
    monkeypatch.chdir(tmp_path)
    assert main(["-o", "compare", "check", str(FIXTURE), "-q"]) in (0, 1)
    assert "得分" in (tmp_path / "compare").read_text(encoding="utf-8")
    assert main(["--glob", "*.txt", "check", str(FIXTURE), "-q"]) in (0, 1)
