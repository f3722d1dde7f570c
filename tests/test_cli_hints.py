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


@pytest.mark.parametrize(("date", "says"), [("2021-02-30", "不是存在的日期"), ("2021/02/30", "不是存在的日期"),
                                          ("上月", "2024-03-01")])
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


@pytest.mark.parametrize(("argv", "says"), [(["--lang", "en"], "required: COMMAND"),
                                            (["--lang", "zh", "--quiet"], "缺少参数：COMMAND"),
                                            (["-o", "x.txt"], "缺少参数：COMMAND")])
def test_options_without_a_command_say_the_command_is_missing(capsys, argv, says):
    """``lawcheck --lang en`` said "invalid choice: 'en'" (the option's value taken for the command)."""
    with pytest.raises(SystemExit) as e:
        main(argv)
    err = capsys.readouterr().err
    assert e.value.code == 2 and says in err and "invalid choice" not in err and err.count("\n") == 1


def test_standard_input_and_a_file_given_twice_are_read_once(tmp_path, monkeypatch, capsys):
    """``- -`` read standard input twice (the second time empty: an error); ``./a.txt a.txt`` checked one file twice."""
    import io

    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURE, tmp_path / "a.txt")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(FIXTURE.read_bytes()), encoding="utf-8"))
    assert main(["check", "-", "-", "./a.txt", "a.txt", "-q"]) in (0, 1)
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert len(lines) == 2 and lines[0].startswith("-：得分") and "a.txt：得分" in lines[1], lines
    assert captured.err == ""


@pytest.mark.parametrize("encoding", ["undefined", "rot13", "base64", "zlib", ""])
def test_an_encoding_that_decodes_no_text_is_a_usage_error(capsys, encoding):
    """"--encoding undefined" was an English internal error; rot13, base64… passed the argument check and failed
    every file of a batch one by one; "" was half English.  Each is now one usage error, before any file is read."""
    with pytest.raises(SystemExit) as e:
        main(["check", str(FIXTURE), "--encoding", encoding])
    err = capsys.readouterr().err
    assert e.value.code == 2 and err.count("\n") == 1 and "不认识的编码" in err and "unknown" not in err


def test_closed_standard_input_is_said_in_one_line():
    """`lawcheck check - <&-` was an internal error (AttributeError)."""
    import os
    import subprocess
    import sys

    for lang, says in (("zh", "标准输入已关闭"), ("en", "standard input is closed")):
        res = subprocess.run([sys.executable, "-m", "lawcheck", "check", "-", "-q", "--lang", lang], stdin=None,
                             capture_output=True, text=True, timeout=120,
                             preexec_fn=lambda: os.close(0))
        assert res.returncode == 2 and says in res.stderr and "内部错误" not in res.stderr, res.stderr


def test_an_output_name_with_a_line_break_is_said_on_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["check", str(FIXTURE), "--format", "json", "-o", "bad\nname.json"]) in (0, 1)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad\\x0aname.json" in err
    assert (tmp_path / "bad\nname.json").is_file()


def test_dash_as_the_output_is_standard_output_and_dash_as_last_year_is_refused(tmp_path, monkeypatch, capsys):
    """`-o -` made a file called "-" (found by an attack review): it is standard output, as "-" is for inputs.
    `--previous -` said the file "-" did not exist: last year's report must be a file."""
    monkeypatch.chdir(tmp_path)
    assert main(["check", str(FIXTURE), "-o", "-", "-q"]) in (0, 1)
    assert "得分" in capsys.readouterr().out and not (tmp_path / "-").exists()
    assert main(["check", str(FIXTURE), "--previous", "-"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "须写文件名" in err and "不存在" not in err
