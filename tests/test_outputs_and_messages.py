"""What a reviewer of issue 13 and the attack of issue 14 found at the edges: where output goes, errors
in words a reader acts on, messages that say what passed, texts that cannot be judged."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import lawcheck
from lawcheck.cli import main
from tests.conftest import FIXTURES, ROOT, SHARED

LINGSHOU = FIXTURES / "001_lingshou_2021.txt"
YIXING = FIXTURES / "002_yixing_2020.txt"


def _cli(*args: str, stdin=None, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lawcheck", *args], capture_output=True, text=True, cwd=ROOT,
                          stdin=stdin, timeout=timeout, env={**os.environ, "LAWCHECK_LANG": "zh"})


# --- where the output goes ------------------------------------------------------------------------

def test_the_output_is_never_an_input(tmp_path, capsys):
    report = tmp_path / "报告.txt"
    report.write_bytes(LINGSHOU.read_bytes())
    before = report.read_bytes()
    assert main(["check", str(report), "-o", str(report)]) == 2
    assert "不改写输入文件" in capsys.readouterr().err and report.read_bytes() == before
    # Through another name (a link) too.
    link = tmp_path / "link.txt"
    link.symlink_to(report)
    assert main(["check", str(report), "-o", str(link), "--format", "csv"]) == 2
    assert report.read_bytes() == before


def test_output_folders_are_made_and_wrong_targets_refused(tmp_path, capsys):
    deep = tmp_path / "新" / "更深" / "汇总.csv"
    assert main(["check", str(LINGSHOU), "-o", str(deep)]) == 0
    assert deep.read_text(encoding="utf-8-sig").startswith("文件,")  # CSV, from the suffix
    capsys.readouterr()
    assert main(["check", str(LINGSHOU), "-o", str(tmp_path)]) == 2
    assert "是文件夹" in capsys.readouterr().err
    assert main(["check", str(LINGSHOU), str(YIXING), "--format", "html", "-o", str(deep)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


@pytest.mark.parametrize("suffix,start", [(".html", "<!DOCTYPE html>"), (".json", "{"), (".md", "#"),
                                          (".jsonl", "{\"path\"")])
def test_the_output_suffix_chooses_the_format(tmp_path, suffix, start):
    out = tmp_path / f"r{suffix}"
    assert main(["check", str(LINGSHOU), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith(start)


@pytest.mark.skipif(not os.path.exists("/dev/stdout"), reason="/dev/stdout")
def test_dev_stdout_is_written_through():
    res = _cli("check", str(LINGSHOU), "-o", "/dev/stdout", "--format", "json", "-q")
    assert res.returncode == 0 and res.stdout.startswith("{"), res.stderr


def test_an_output_link_is_written_through_not_replaced(tmp_path):
    """/dev/stdout is a link; so is a reviewer's 汇总.csv pointing into a shared folder.  Renaming a finished
    file onto a link would replace the link itself (as root, /dev/stdout with a regular file)."""
    shared = tmp_path / "shared.csv"
    shared.write_text("old", encoding="utf-8")
    link = tmp_path / "汇总.csv"
    link.symlink_to(shared)
    assert main(["check", str(LINGSHOU), "-o", str(link), "-q"]) == 0
    assert link.is_symlink() and shared.read_text(encoding="utf-8-sig").startswith("文件,")


def test_a_reused_page_folder_keeps_no_stale_pages(tmp_path, capsys):
    pages = tmp_path / "pages"
    assert main(["check", str(LINGSHOU), str(YIXING), "--format", "html", "-o", str(pages)]) == 0
    first = {p.name for p in pages.iterdir()}
    mine = pages / "notes.txt"
    mine.write_text("a reviewer's own file", encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(LINGSHOU), str(FIXTURES / "004_hetang_2024.txt"), "--format", "html", "-o",
                 str(pages)]) in (0, 1)
    second = {p.name for p in pages.iterdir()}
    assert mine.exists()  # only what lawcheck wrote is ever removed
    assert not any("yixing" in n for n in second) and any("yixing" in n for n in first)
    assert "已删除" in capsys.readouterr().err


def test_a_folder_of_word_copies_keeps_them_when_pages_are_written_into_it(tmp_path, capsys):
    """The reviewer's commented Word copies (--format docx -o DIR) are not stale pages of a later
    --format html -o DIR into the same folder, nor its pages stale Word copies of a later docx run."""
    out = tmp_path / "审查意见"
    assert main(["check", str(LINGSHOU), str(YIXING), "--format", "docx", "-o", str(out), "-q"]) == 0
    words = {p.name for p in out.glob("*.docx")}
    assert len(words) == 2
    assert main(["check", str(LINGSHOU), str(YIXING), "--format", "html", "-o", str(out), "-q"]) == 0
    assert {p.name for p in out.glob("*.docx")} == words
    pages = {p.name for p in out.glob("*.html")}
    assert "index.html" in pages
    assert main(["check", str(LINGSHOU), str(YIXING), "--format", "docx", "-o", str(out), "-q"]) == 0
    assert {p.name for p in out.glob("*.html")} == pages
    assert "已删除" not in capsys.readouterr().err


def test_standard_input_obeys_max_bytes():
    with open("/dev/zero", "rb") as zero:
        res = _cli("check", "-", "--max-bytes", "100000", stdin=zero, timeout=60)
    assert res.returncode == 2 and ("超过" in res.stderr or "过大" in res.stderr), res.stderr


# --- errors a reader acts on ------------------------------------------------------------------------

@pytest.mark.parametrize("argv,words", [
    (["--year", "1800"], "2000 到 2100"), (["--timeout", "-1"], "--timeout"), (["--encoding", "nosuch"], "不认识的编码"),
    (["--min-score", "abc"], "0–100的分数"), (["--max-bytes", "x"], "正整数"), (["--nosuch"], "无法识别的参数"),
])
def test_usage_errors_are_one_chinese_line(argv, words):
    res = _cli("check", str(LINGSHOU), *argv)
    lines = res.stderr.strip().splitlines()
    assert res.returncode == 2 and len(lines) == 1 and words in lines[0], res.stderr
    assert "Traceback" not in res.stderr and "_score" not in res.stderr and "internal" not in res.stderr


def test_lawcheck_toml_problems_are_explained_in_chinese(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    for text, words in (("min-score = 150\n", "须不大于"), ("min-score = \n", "第1行")):
        (tmp_path / "lawcheck.toml").write_text(text, encoding="utf-8")
        assert main(["check", str(LINGSHOU)]) == 2
        err = capsys.readouterr().err
        assert words in err and "Input should" not in err and "Invalid value" not in err, err


# --- messages that say what passed; texts that cannot be judged ------------------------------------

def test_a_pass_says_what_passed():
    for path in sorted(FIXTURES.glob("*.txt")):
        card = lawcheck.evaluate(path.read_text(encoding="utf-8"))
        for r in card.results:
            if r.status == "pass":
                assert r.message not in ("已找到。", "Found."), (path.name, r.rule)
                if r.kind == "forbidden":
                    assert r.message.startswith("未发现"), (r.rule, r.message)


def test_nothing_to_judge_is_said_so(tmp_path, capsys):
    from lawcheck.render.common import not_report_line

    assert "无法判断" in not_report_line(lawcheck.evaluate(""))
    page = tmp_path / "空.html"
    page.write_text("<html><body><p>hello world</p></body></html>", encoding="utf-8")
    assert main(["check", str(page), str(LINGSHOU), "--format", "csv"]) == 2
    captured = capsys.readouterr()
    assert "没有读出任何中文文字" in captured.err and "没有读出任何中文文字" in captured.out


def test_chinese_text_without_law_is_not_a_report():
    import random

    rng = random.Random(7)
    noise = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(3000)).replace("法", "")
    card = lawcheck.evaluate(noise)
    assert card.document.kind == "other" and card.document.other_kind == "unrelated" and card.score is None
    # A real report keeps its verdict, and so does an excerpt too short to say.
    assert lawcheck.evaluate(LINGSHOU.read_text(encoding="utf-8")).document.kind == "annual_report"


@pytest.mark.skipif(not (SHARED / "corpus" / "lookalikes").is_dir(), reason="needs ../shared")
def test_cue_words_are_quoted_one_by_one():
    reasons = []
    for path in sorted((SHARED / "corpus" / "lookalikes").glob("*.txt")):
        card = lawcheck.evaluate(path.read_text(encoding="utf-8"))
        # The reasons built from several cue words (a heading quoted whole may hold its own 、).
        if card.document.other_kind in ("news", "announcement", "template") and card.document.kind_reason:
            reasons.append(card.document.kind_reason)
    assert reasons
    for why in reasons:
        for quoted in why.split("“")[1:]:
            inner = quoted.split("”")[0]
            assert "、" not in inner, why  # “主持会议”“会上”, not “主持会议、会上,”
            assert not inner.endswith((",", "，", ":", "：")), why


def test_a_thin_part_is_said_to_be_thin_not_missing():
    text = LINGSHOU.read_text(encoding="utf-8")
    card = lawcheck.evaluate(text)
    plan = next(s for s in card.sections if "plan" in s.roles)
    # The plan part cut to its heading and a few words.
    thin = text[:plan.start] + text[plan.start:plan.end].splitlines()[0] + "\n继续推进。\n" + text[plan.end:]
    r = lawcheck.evaluate(thin).result("content.next_year_plan")
    assert r.status in ("partial", "fail") and "内容过少" in r.message and "未找到" not in r.message, r.message
    assert r.evidence and "继续推进" not in r.evidence[0].text


def test_a_short_opening_sentence_states_the_year():
    text = "2024年，我县深入推进法治政府建设。\n一、主要举措和成效\n全县推进依法行政，办理行政复议案件12件。\n"
    card = lawcheck.evaluate(text, kind="annual_report")
    assert card.document.report_year == 2024 and card.result("form.reporting_year").status == "pass"
    # The same line with no year, or page chrome, stays where it was.
    assert lawcheck.evaluate(text.replace("2024年，", ""), kind="annual_report").document.report_year is None


def test_explain_lists_every_rule_a_name_matches(capsys):
    assert main(["explain", "年度"]) == 2
    out = capsys.readouterr().out
    assert "form.reporting_year" in out and "content.next_year_plan" in out and "请用编号指定" in out


@pytest.mark.parametrize("added,status", [
    ("由“xx区人民政府”统一部署。", "fail"),          # a blank left in a quoted name
    ("制定“20xx年法治政府建设工作要点”。", "fail"),  # a year is never a generic label
    ("在“XX乡(镇)”开展试点。", "pass"),              # each township: a unit and its alternatives
    ("张贴“××县（市、区）综合执法”标识。", "pass"),
])
def test_a_quoted_placeholder_counts_unless_it_names_each_unit(added, status):
    base = LINGSHOU.read_text(encoding="utf-8")
    card = lawcheck.evaluate(base.replace("特此报告。", added + "\n特此报告。"))
    assert card.result("form.placeholders").status == status


def test_a_wrong_encoding_is_said_in_chinese_with_the_bytes_it_stopped_at(capsys):
    """--encoding big5 on a UTF-8 file: one line naming the file and the place, without Python's English
    ("'big5' codec can't decode byte …", found in review); English on request."""
    path = str(ROOT / "fixtures" / "001_lingshou_2021.txt")
    assert main(["check", path, "--encoding", "big5"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "001_lingshou_2021.txt" in err and "big5" in err
    assert "codec" not in err and "decode" not in err and "第1个字节" in err
    assert main(["check", path, "--encoding", "big5", "--lang", "en"]) == 2
    assert "byte 1 (hex" in capsys.readouterr().err


# --- found by a newcomer's review (fourth round) ----------------------------------------------------

def test_a_pass_below_full_weight_says_why(capsys):
    """"✓ 通过 6.25/10" with no reason left the drafter guessing where the points went."""
    r = lawcheck.check_file(YIXING).result("content.first_responsible_duty")
    assert r.status == "pass" and r.points < r.weight
    assert r.message.startswith(f"得{r.points:g}分（满分{r.weight:g}分）：") and "只计部分分" in r.message
    en = lawcheck.check_file(YIXING, lang="en").result("content.first_responsible_duty").message
    assert en.startswith(f"{r.points:g} of {r.weight:g} points:") and "partial credit" in en
    main(["check", str(YIXING), "--format", "text"])
    out = capsys.readouterr().out
    line = out.split("content.first_responsible_duty", 1)[1].split("\n  ✓", 1)[0]
    assert "说明：得6.25分（满分10分）" in line
    # A pass at full weight says nothing more.
    full = lawcheck.check_file(YIXING).result("content.shortcomings")
    assert full.points == full.weight and not full.message.startswith("得")


def test_compare_csv_says_why_a_row_has_no_pair(tmp_path, capsys):
    out = tmp_path / "对照.csv"
    main(["compare", str(FIXTURES), str(ROOT / "tests" / "data" / "history"), "--format", "csv", "-o", str(out)])
    rows = out.read_text(encoding="utf-8-sig").splitlines()
    head = rows[0].split(",")
    col = head.index("配对提示")
    # (a report of last year's input, FIXTURES: its row is this year's report missing, beside it — review of 7
    # December — and it says why it was not paired)
    lone = next(r.split(",") for r in rows if "000-1.txt" in r.split(",")[0] or "000-1.txt" in r.split(",")[3])
    # (its organ and year are not in the text: said so, with the way to pair it by hand)
    assert lone[col].endswith("未能从报告中读出机关和报告年度，无法自动配对；可用 --pairs 指定上一年度的报告"), lone


@pytest.mark.parametrize(("title", "organ"), [("塔庄镇2022年法治政府建设工作总结", "塔庄镇"),
                                             ("东湖街道2024年度法治政府建设情况报告", "东湖街道"),
                                             ("2024年度法治政府建设情况报告", None)])
def test_the_organ_is_read_from_a_title_that_starts_with_the_place(title, organ):
    body = LINGSHOU.read_text(encoding="utf-8").split("关于2021年度法治政府建设情况的报告\n", 1)[1]
    body = body.rsplit("特此报告。", 1)[0]  # no signature: the title is all there is
    assert lawcheck.evaluate(title + "\n" + body).document.organ == organ


def test_a_meeting_cited_as_a_basis_has_no_book_title_marks():
    bases = [b.text for b in lawcheck.evaluate(LINGSHOU.read_text(encoding="utf-8")).result(
        "era.rule_of_law_thought").basis]
    assert any(b.startswith("中央全面依法治国工作会议") for b in bases), bases
    assert not any("《中央全面依法治国工作会议" in b for b in bases)


def test_quiet_on_a_terminal_says_an_unreadable_input_once(tmp_path):
    """A newcomer's review: `lawcheck check nosuch.txt --quiet` printed the reason twice on the terminal (the
    quiet line on stdout, the error on stderr).  Piped, both stay: a script reads stdout, a log stderr."""
    import pty

    leader, follower = pty.openpty()
    try:
        subprocess.run([sys.executable, "-m", "lawcheck", "check", str(tmp_path / "nosuch.txt"), "--quiet"],
                       stdout=follower, stderr=follower, cwd=ROOT, timeout=60,
                       env={**os.environ, "LAWCHECK_LANG": "zh", "COLUMNS": "200"})
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(leader)
    assert seen.decode("utf-8").count("文件不存在") == 1, seen
    piped = _cli("check", str(tmp_path / "nosuch.txt"), "--quiet")
    assert "文件不存在" in piped.stdout and "文件不存在" in piped.stderr


def test_a_closed_pipe_is_told_in_the_settings_language(tmp_path):
    """A newcomer's review: with lang = "en" in lawcheck.toml, `lawcheck check … | head` said
    'cannot write "-": 读写失败' (the reason in Chinese, and vague)."""
    (tmp_path / "lawcheck.toml").write_text('lang = "en"\n', encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "LAWCHECK_LANG"}
    p = subprocess.Popen([sys.executable, "-m", "lawcheck", "check", str(FIXTURES), "--format", "text", "--verbose"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, env=env)
    assert p.stdout is not None and p.stderr is not None
    p.stdout.read(10)
    p.stdout.close()  # the reader goes away, as `head -c 10` does
    err = p.stderr.read().decode("utf-8")
    assert p.wait(timeout=120) == 2
    assert 'cannot write "-"' in err and not any("\u4e00" <= ch <= "\u9fff" for ch in err), err


def test_markdown_quotes_a_heading_once(capsys):
    """A newcomer's review: Markdown showed "一、2020年度…：一、2020年度…" (the heading as where, then as quote)."""
    main(["check", str(YIXING), "--format", "markdown"])
    row = next(ln for ln in capsys.readouterr().out.splitlines() if "`content.measures_and_results`" in ln)
    assert row.count("一、2020年度法治政府建设工作情况") == 1, row
