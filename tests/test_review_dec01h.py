"""What an official and an integrator read, in their language (a review, 2026-12-01, second session): a batch
with a non-report says why it fails the gate; a settings file saved by Notepad in GBK is said to be so; the API
takes the dates offices write and refuses what it would otherwise ignore, in the caller's language; waivers as
dicts work wherever the README shows them; argparse's remaining messages, the figures rule's list and the rule
catalogue read in Chinese; a missing rule folder is a usage error."""

from __future__ import annotations

import datetime as dt
import pathlib

import pytest

import lawcheck
from lawcheck.cli import main
from tests.conftest import FIXTURES, ROOT

LINGSHOU = FIXTURES / "001_lingshou_2021.txt"
TEXT = LINGSHOU.read_text(encoding="utf-8")


# --- a batch with a non-report: the summary says it cannot meet the gate

@pytest.mark.parametrize(("lang", "said"), [("zh", "不能通过门槛"), ("en", "none can meet the gate")])
def test_a_batch_with_a_non_report_says_why_it_fails_the_gate(capsys, lang, said):
    code = main(["check", "--format", "text", "--fail-on", "error", "--lang", lang, str(LINGSHOU),
                 str(ROOT / "tests" / "data" / "not_reports" / "政策解读.txt")])
    out = capsys.readouterr().out
    assert code == 1
    assert said in out
    assert "不计入达到门槛" not in out


# --- the settings file

def test_a_settings_file_saved_in_gbk_is_said_to_be(tmp_path, monkeypatch, capsys):
    (tmp_path / "lawcheck.toml").write_bytes('[[waivers]]\nrule = "form.recipients"\nreason = "公开版本不含主送机关"\n'
                                             'until = 2026-06-30\n'.encode("gb18030"))
    monkeypatch.chdir(tmp_path)
    assert main(["config"]) == 2
    err = capsys.readouterr().err
    assert "不是 UTF-8 编码" in err and "codec" not in err


def test_two_values_on_a_settings_line_are_said_in_chinese(tmp_path, monkeypatch, capsys):
    (tmp_path / "lawcheck.toml").write_text("min-score = 80 80\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["config"]) == 2
    err = capsys.readouterr().err
    assert "第1行" in err and "Expected" not in err


# --- evaluate(): what it would otherwise ignore, and the dates offices write

@pytest.mark.parametrize("previous", [pathlib.Path(LINGSHOU), LINGSHOU.read_bytes(), {"text": TEXT}])
def test_a_previous_report_it_cannot_take_is_refused(previous):
    with pytest.raises(TypeError, match="previous"):
        lawcheck.evaluate(TEXT, previous=previous)
    with pytest.raises(TypeError, match="last year's report as text"):
        lawcheck.evaluate(TEXT, previous=previous, lang="en")


@pytest.mark.parametrize("published", ["2022年3月1日", "2022/3/1", "2022.3.1", "20220301", "2022-03-01 10:15:00",
                                       dt.datetime(2022, 3, 1, 10, 0), dt.date(2022, 3, 1), "2022-03-01"])
def test_the_publication_date_as_offices_write_it(published):
    card = lawcheck.evaluate(TEXT, published=published)
    assert card.document.published_date == dt.date(2022, 3, 1)


@pytest.mark.parametrize(("kw", "zh", "en"), [
    ({"published": "2022年13月1日"}, "没有这一天", "no such day"),
    ({"published": "明天"}, "不是日期", "date"),
    ({"level": "村"}, "取值无效", "Input should be"),
    ({"report_year": "abc"}, "须为整数", "integer"),
])
def test_a_wrong_value_is_said_in_the_callers_language(kw, zh, en):
    with pytest.raises(ValueError) as chinese:
        lawcheck.evaluate(TEXT, **kw)
    assert zh in str(chinese.value) and "Input should" not in str(chinese.value)
    with pytest.raises(ValueError) as english:
        lawcheck.evaluate(TEXT, lang="en", **kw)
    assert en in str(english.value)


@pytest.mark.parametrize(("kw", "en"), [
    ({"rules": "nosuch"}, "no rule pack named 'nosuch'"),
    ({"waivers": [{"rule": "no.such", "reason": "公开版", "until": "2026-06-30"}]}, "which does not exist"),
])
def test_errors_of_an_english_call_are_english(kw, en, monkeypatch):
    monkeypatch.delenv("LAWCHECK_LANG", raising=False)
    with pytest.raises(lawcheck.LawcheckError) as english:
        lawcheck.evaluate(TEXT, lang="en", **kw)
    assert en in str(english.value)
    with pytest.raises(lawcheck.LawcheckError) as chinese:
        lawcheck.evaluate(TEXT, **kw)
    assert en not in str(chinese.value)


def test_the_command_line_takes_the_publication_date_as_offices_write_it(capsys):
    assert main(["check", str(LINGSHOU), "--published", "2022年3月1日", "--format", "json"]) == 0
    assert '"published_date":"2022-03-01"' in capsys.readouterr().out.replace(" ", "")
    assert main(["check", str(LINGSHOU), "--published", "2021-02-30"]) == 2
    assert "不是存在的日期" in capsys.readouterr().err


# --- waivers as dicts, as the README shows them

WAIVER = {"rule": "figures.key_indicators", "reason": "数据另行报送", "until": "2026-06-30"}


def test_waivers_as_dicts_wherever_the_readme_shows_them(monkeypatch):
    monkeypatch.setenv("LAWCHECK_TODAY", "2026-01-01")
    card = lawcheck.check_file(LINGSHOU, waivers=[WAIVER])
    assert card.result("figures.key_indicators").waived is not None
    live, expired = lawcheck.waivers.current([WAIVER], dt.date(2026, 1, 1))
    assert [w.rule for w in live] == ["figures.key_indicators"] and not expired
    assert isinstance(live[0], lawcheck.Waiver)
    assert lawcheck.waivers.for_file([WAIVER], "报告.txt")[0].rule == "figures.key_indicators"


# --- what the command line prints

@pytest.mark.parametrize(("args", "said"), [
    (["--max", "5"], "不完整"),
    (["--quiet=1"], "不带值"),
])
def test_argparse_says_these_in_chinese(capsys, args, said):
    with pytest.raises(SystemExit) as stopped:
        main(["check", str(LINGSHOU), *args])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert said in err and "ambiguous" not in err and "ignored explicit" not in err


def test_the_figures_rule_lists_in_english_with_commas():
    card = lawcheck.evaluate(TEXT, lang="en")
    message = card.result("figures.key_indicators").message
    assert "、" not in message


def test_the_catalogue_names_kinds_and_severities_in_chinese(capsys):
    assert main(["explain", "figures.key_indicators"]) == 0
    assert "检查方式: 数据" in capsys.readouterr().out
    assert main(["explain", "history.copied_text"]) == 0
    assert "检查方式: 与上年报告对照" in capsys.readouterr().out
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "必备" in out and " error " not in out
    assert main(["rules", "--lang", "en"]) == 0
    assert " error " in capsys.readouterr().out


def test_a_rule_folder_that_is_not_there_is_a_usage_error(tmp_path, capsys):
    assert main(["check", str(LINGSHOU), "--rules", str(tmp_path / "nonexist")]) == 2
    assert "附加规则目录不存在" in capsys.readouterr().err


def test_a_message_and_an_error_say_themselves(monkeypatch):
    # str() of a bilingual message follows LAWCHECK_LANG; an error raised inside a call speaks that call's language
    # (a batch record writes str(e.problem), a Msg, for a usage error).
    from lawcheck.errors import Msg, UsageError, speaking

    monkeypatch.delenv("LAWCHECK_LANG", raising=False)
    assert str(Msg("no_extra_dir", path="/x")) == "附加规则目录不存在：/x"
    monkeypatch.setenv("LAWCHECK_LANG", "en")
    assert str(Msg("no_extra_dir", path="/x")) == "extra rule directory does not exist: /x"
    with pytest.raises(UsageError) as raised, speaking("zh"):
        raise UsageError(Msg("no_extra_dir", path="/x"))
    assert str(raised.value) == "附加规则目录不存在：/x"
