"""An integrator's and a newcomer's review of 2026-12-02 (second session): the API held to what the command line
does, ids that stay ids in every language, a gate verdict per record, one exception family, docs that render and
say the years the checks use, bytes that are no text refused."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import lawcheck
from lawcheck.authoring import years_in_force
from lawcheck.model import PreviousReport
from tests.helpers.cli import run_lawcheck

ROOT = Path(__file__).resolve().parents[1]
LINGSHOU = (ROOT / "fixtures" / "001_lingshou_2021.txt").read_text(encoding="utf-8")
YIXING = (ROOT / "fixtures" / "002_yixing_2020.txt").read_text(encoding="utf-8")
HETANG = (ROOT / "fixtures" / "004_hetang_2024.txt").read_text(encoding="utf-8")
HISTORY = ("history.plan_followed", "history.shortcomings_followed", "history.copied_text")


def _status(card: lawcheck.Scorecard, rule: str) -> str:
    return next(r.status for r in card.results if r.rule == rule)


def test_another_bodys_report_as_previous_gives_no_follow_up_verdicts() -> None:
    """宜兴 2020 given as 灵寿 2021's previous report: another organ.  The command line refuses the pair without
    --force; the API reviewed it and passed the plan as followed."""
    card = lawcheck.evaluate(LINGSHOU, previous=YIXING)
    assert card.history is not None and card.history.paired is False
    for rule in HISTORY:
        result = next(r for r in card.results if r.rule == rule)
        assert result.status == "unknown", rule
        assert "宜兴" in result.message
    forced = lawcheck.evaluate(LINGSHOU, previous=PreviousReport(name="宜兴", text=YIXING, force=True))
    assert {_status(forced, rule) for rule in HISTORY} != {"unknown"}


def test_a_report_and_its_own_text_as_previous_are_still_reviewed() -> None:
    """The same organ, the years unknown or following on: reviewed as before (no mismatch read)."""
    card = lawcheck.evaluate(LINGSHOU, previous=LINGSHOU.replace("2021", "2020"))
    assert _status(card, "history.copied_text") in ("fail", "partial")


@pytest.mark.parametrize("path", ["报告/灵寿县2021年度法治政府建设报告.docx", "last.txt", " 2021年报告.PDF "])
def test_a_file_name_given_as_previous_is_refused(path: str) -> None:
    with pytest.raises(lawcheck.ArgumentTypeError) as err:
        lawcheck.evaluate(LINGSHOU, previous=path)
    assert isinstance(err.value, TypeError) and isinstance(err.value, lawcheck.LawcheckError)
    assert "previous" in str(err.value)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_missing_figures_are_listed_by_id_in_every_language(lang: str) -> None:
    card = lawcheck.evaluate(HETANG, lang=lang)
    result = next(r for r in card.results if r.rule == "figures.key_indicators")
    assert result.status == "partial"
    assert result.missing == ["litigation_figures", "appearance_figures"]
    named = "行政诉讼数据" if lang == "zh" else "litigation figures"
    assert named in result.message


@pytest.mark.parametrize("call", [
    lambda: lawcheck.evaluate(b"bytes"),
    lambda: lawcheck.evaluate(None),
    lambda: lawcheck.evaluate(LINGSHOU, lang="zh-CN"),
    lambda: lawcheck.evaluate(LINGSHOU, published="2025年2月30日"),
    lambda: lawcheck.evaluate(LINGSHOU, level="村"),
])
def test_every_refused_argument_is_a_lawcheck_error_in_chinese(call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(lawcheck.LawcheckError) as err:
        call()
    assert isinstance(err.value, (TypeError, ValueError))
    assert re.search(r"[\u4e00-\u9fff]", str(err.value))


def test_each_folder_record_carries_its_gate_verdict(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(LINGSHOU, encoding="utf-8")
    (folder / "b.txt").write_text((ROOT / "fixtures" / "003_changsheng_2020.txt").read_text(encoding="utf-8"),
                                  encoding="utf-8")
    (folder / "c.txt").write_bytes(b"\xff\xfe\x00\x00broken")
    for fmt in ("jsonl", "json"):
        done = run_lawcheck("check", "reports", "--format", fmt, "--min-score", "80", "--no-progress", cwd=tmp_path)
        assert done.returncode == 2  # one input could not be read
        out = done.stdout.decode("utf-8")
        records = [json.loads(ln) for ln in out.splitlines()] if fmt == "jsonl" else json.loads(out)
        gates = {Path(r["path"]).name: r["gate"] for r in records}
        assert gates["a.txt"] == {"met": True, "reasons": []}
        assert gates["b.txt"]["met"] is False and any("80" in why for why in gates["b.txt"]["reasons"])
        assert gates["c.txt"]["met"] is False and gates["c.txt"]["reasons"]


def test_the_docs_code_fences_stand_alone() -> None:
    """A closing fence with text after it does not close (CommonMark): everything below rendered as code."""
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for number, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1):
            if line.lstrip().startswith("```"):
                assert re.fullmatch(r"\s*```[\w-]*\s*", line), f"{doc.name}:{number}: {line[:60]}"


def test_the_readme_rule_table_gives_the_years_the_checks_judge() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = {m.group(1): m.group(2) for m in
            re.finditer(r"^\| `([a-z_]+\.[a-z0-9_]+)` \|.*\| ([0-9–]+|all) \|$", readme, re.M)}
    assert len(rows) >= 20
    pack = lawcheck.load_pack()
    wrong = {r.id: (rows[r.id], years_in_force(r)) for r in pack.rules if r.id in rows
             and rows[r.id] != years_in_force(r)}
    assert not wrong


@pytest.mark.parametrize("year, rule", [(2017, "content.shortcomings"), (2016, "deadline.publication")])
def test_a_rule_is_not_applicable_before_the_years_it_judges(year: int, rule: str) -> None:
    r = next(x for x in lawcheck.load_pack().rules if x.id == rule)
    start = int(years_in_force(r).split("–")[0])
    assert year < start
    assert _status(lawcheck.evaluate(LINGSHOU.replace("2021", str(year)), report_year=year), rule) == "not_applicable"


def test_bytes_with_nuls_are_no_utf16_report(tmp_path: Path) -> None:
    from lawcheck.errors import InputError
    from lawcheck.files import check_file

    path = tmp_path / "x.txt"
    path.write_bytes(b"abc\x00\x00def ghi")
    with pytest.raises(InputError):
        check_file(path)
    utf16 = tmp_path / "u16.txt"
    utf16.write_bytes(LINGSHOU.encode("utf-16-le"))  # a real UTF-16 file without its mark is still read
    assert check_file(utf16).score == lawcheck.evaluate(LINGSHOU).score


# --- An attacker's and a careless user's review (same session).

_cli = run_lawcheck


def test_an_output_over_a_file_lawcheck_did_not_write_is_refused(tmp_path: Path) -> None:
    """"-o 灵寿.docx" beside 灵寿.txt replaced the drafter's own Word report without a word."""
    (tmp_path / "灵寿.txt").write_text(LINGSHOU, encoding="utf-8")
    own = tmp_path / "灵寿.docx"
    own.write_bytes(b"PK\x03\x04 the drafter's own report")
    done = _cli("check", "灵寿.txt", "-o", "灵寿.docx", cwd=tmp_path)
    assert done.returncode == 2 and "不是 lawcheck 写的" in done.stderr.decode()
    assert own.read_bytes() == b"PK\x03\x04 the drafter's own report"
    own.unlink()
    assert _cli("check", "灵寿.txt", "-o", "灵寿.docx", cwd=tmp_path).returncode == 0
    first = own.read_bytes()
    assert _cli("check", "灵寿.txt", "-o", "灵寿.docx", cwd=tmp_path).returncode == 0  # its own: replaced
    assert own.read_bytes() == first


@pytest.mark.parametrize("setting, said", [('glob = ["a*.txt"]', "glob = a*.txt"),
                                           ("min-score = 10", "min-score = 10"),
                                           ('[[waivers]]\nrule = "content.shortcomings"\nreason = "试点"\n'
                                            'until = 2027-06-30', "waivers = 1（content.shortcomings）")])
def test_a_received_folders_settings_that_change_the_verdict_are_named(tmp_path: Path, setting: str,
                                                                        said: str) -> None:
    (tmp_path / "lawcheck.toml").write_text(setting + "\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(LINGSHOU, encoding="utf-8")
    (tmp_path / "b.txt").write_text(YIXING, encoding="utf-8")
    done = _cli("check", ".", "--format", "csv", cwd=tmp_path)
    assert said in done.stderr.decode("utf-8")


def test_the_markdown_totals_escape_the_file_names_they_name(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "<img src=x onerror=alert(2)>.txt").write_text(LINGSHOU, encoding="utf-8")
    (folder / "b.txt").write_text(LINGSHOU, encoding="utf-8")  # the same unit twice: the totals name both files
    out = _cli("check", "in", "--format", "markdown", "--no-progress", cwd=tmp_path).stdout.decode("utf-8")
    totals = next(ln for ln in out.splitlines() if ln.startswith("共检查"))
    assert "onerror" in totals and not re.search(r"(?<!\\)<img", totals)  # named as literal text: \<img


@pytest.mark.parametrize("fmt", ["text", "markdown", "sarif"])
def test_an_interrupted_batchs_summary_says_it_is_not_the_whole_batch(fmt: str) -> None:
    """Stopped after two of five inputs: the 汇总 and the SARIF log said nothing of the three never checked."""
    from lawcheck.render import Context, module
    from tests.helpers.records import record

    records = [record(f"fixtures/{n}.txt", lawcheck.evaluate(text)) for n, text in
               (("001_lingshou_2021", LINGSHOU), ("002_yixing_2020", YIXING))]
    whole = module(fmt).render(records, Context(folder=True, inputs=5))
    cut = module(fmt).render(records, Context(folder=True, inputs=5, interrupted=3))
    if fmt == "sarif":
        assert json.loads(whole)["runs"][0]["invocations"][0]["executionSuccessful"] is True
        run = json.loads(cut)["runs"][0]["invocations"][0]
        assert run["executionSuccessful"] is False
        assert any("3" in n["message"]["text"] for n in run["toolExecutionNotifications"])
    else:
        assert "已中断" not in whole
        assert "已中断：另有3个输入未检查" in cut


@pytest.mark.parametrize("label", ["往期回顾：", "延伸阅读", "相关稿件："])
def test_a_link_list_label_left_alone_under_the_signature_is_page_chrome(label: str) -> None:
    """The crawl dropped the links but kept their heading: the signature above it is still the closing block."""
    card = lawcheck.evaluate(LINGSHOU.rstrip("\n") + "\n" + label + "\n")
    written = lawcheck.evaluate(LINGSHOU)
    assert card.document.organ == written.document.organ == "灵寿县人民政府"
    assert card.document.signed_date == written.document.signed_date is not None


# --- The diff review of the same session.

def test_rerunning_into_lawchecks_own_output_works_without_a_cache_folder(tmp_path: Path) -> None:
    """With no cache folder nothing is recorded: lawcheck's own output is known by what it holds."""
    (tmp_path / "r.txt").write_text(LINGSHOU, encoding="utf-8")
    for out, extra in (("out.txt", ["-q"]), ("out.txt", []), ("o.docx", []), ("p.html", [])):
        for _ in range(2):
            done = run_lawcheck("check", "r.txt", "-o", out, *extra, cwd=tmp_path, env={"LAWCHECK_CACHE_DIR": ""})
            assert done.returncode == 0, (out, done.stderr.decode())


def test_a_folder_output_never_replaces_a_page_of_the_users(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(LINGSHOU, encoding="utf-8")
    (tmp_path / "b.txt").write_text(YIXING, encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "index.html").write_text("<html>mine</html>", encoding="utf-8")
    done = _cli("check", "a.txt", "b.txt", "--format", "html", "-o", "out", cwd=tmp_path)
    assert done.returncode == 2 and "不是 lawcheck 写的" in done.stderr.decode()
    assert (tmp_path / "out" / "index.html").read_text(encoding="utf-8") == "<html>mine</html>"


def test_an_unsigned_reports_place_is_its_government() -> None:
    """Last year's report titled "2020年度灵寿县…报告", unsigned: its organ reads "灵寿县" — the same body."""
    last = LINGSHOU.replace("2021", "2020").replace("2022", "2021")
    last = last.replace("灵寿县人民政府\n关于2020年度法治政府建设情况的报告", "2020年度灵寿县法治政府建设工作报告")
    last = last.replace("特此报告。\n灵寿县人民政府", "特此报告。\n")
    assert lawcheck.evaluate(last).document.organ == "灵寿县"
    card = lawcheck.evaluate(LINGSHOU, previous=last)
    assert {_status(card, rule) for rule in HISTORY} != {"unknown"}


@pytest.mark.parametrize("numeral", ["十十", "二一十", "一二"])
def test_a_numeral_doubled_by_recognition_is_no_part_and_no_crash(numeral: str) -> None:
    text = "某县2023年度法治政府建设情况的报告。" + f"{numeral}、加强依法行政工作,推进法治政府建设。" * 40
    assert lawcheck.evaluate(text).document is not None


def test_a_report_run_together_under_a_breadcrumb_keeps_its_title() -> None:
    run_on = re.sub(r"\s*\n\s*", "", LINGSHOU[LINGSHOU.index("灵寿县人民政府"):])
    card = lawcheck.evaluate("您当前位置：首页 > 政府文件\n" + run_on)
    assert card.document.title == lawcheck.evaluate(LINGSHOU).document.title
    assert _status(card, "form.reporting_year") == "pass"


def test_a_short_news_page_with_a_logo_is_read_as_what_it_is(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    from lawcheck.files import check_file

    page = ('<html><head><meta charset="utf-8"><title>我县召开法治政府建设推进会</title></head><body>'
            '<img src="logo.png"><img src="banner.jpg"><h1>我县召开法治政府建设推进会</h1>'
            '<p>6月25日，我县召开法治政府建设推进会，部署下半年工作。</p>'
            '<a href="/files/guide.pdf">网站使用指南.pdf</a></body></html>')
    path = tmp_path / "news.html"
    path.write_text(page, encoding="utf-8")
    assert check_file(path).document.kind == "other"
