"""What a new user trips over (issue 13): the gate's blind spots and the files people share."""

from __future__ import annotations

import os
import stat

import pytest

import lawcheck
from lawcheck.cli import main
from tests.conftest import FIXTURES

LINGSHOU = FIXTURES / "001_lingshou_2021.txt"


def test_no_input_is_an_error_that_says_where_it_looked(tmp_path, capsys):
    empty = tmp_path / "空文件夹"
    empty.mkdir()
    assert main(["check", str(empty), "--min-score", "80"]) == 2
    err = capsys.readouterr().err
    assert "没有找到" in err and str(empty) in err and len(err.strip().splitlines()) == 1
    (empty / "a.txt").write_text(LINGSHOU.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["check", str(empty), "--glob", "*.docx", "--lang", "en"]) == 2
    assert "no file to check" in capsys.readouterr().err


def test_output_files_get_the_users_umask(tmp_path, capsys):
    old = os.umask(0o022)
    try:
        for fmt, name in (("csv", "汇总.csv"), ("json", "r.json"), ("html", "r.html")):
            out = tmp_path / name
            main(["check", str(LINGSHOU), "--format", fmt, "-o", str(out)])
            assert stat.S_IMODE(out.stat().st_mode) == 0o644, (fmt, oct(out.stat().st_mode))
        pages = tmp_path / "pages"
        main(["check", str(LINGSHOU), str(FIXTURES / "004_hetang_2024.txt"), "--format", "html", "-o", str(pages)])
        assert {stat.S_IMODE(p.stat().st_mode) for p in pages.iterdir()} == {0o644}
    finally:
        os.umask(old)
    assert not list(tmp_path.glob(".*.tmp")), "no temporary file left behind"


def test_output_says_where_it_went_unless_quiet(tmp_path, capsys):
    out = tmp_path / "r.csv"
    main(["check", str(LINGSHOU), "--format", "csv", "-o", str(out)])
    assert capsys.readouterr().err.strip() == f"lawcheck: 结果已写入 {out}"
    main(["check", str(LINGSHOU), "--format", "csv", "-o", str(out), "-q"])
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("target, ok", [("out.html", False), ("pages", True), ("pages/", True), ("p.d", False)])
def test_several_html_pages_need_a_directory_name(tmp_path, capsys, target, ok):
    code = main(["check", str(LINGSHOU), str(FIXTURES / "004_hetang_2024.txt"), "--format", "html",
                 "-o", str(tmp_path / target)])
    err = capsys.readouterr().err
    if ok:
        assert code in (0, 1) and (tmp_path / target.rstrip("/") / "index.html").exists()
    else:
        assert code == 2 and "目录" in err and not (tmp_path / target).exists()


def test_lawcheck_s_own_pages_are_not_checked_again(tmp_path, capsys):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(LINGSHOU.read_text(encoding="utf-8"), encoding="utf-8")
    main(["check", str(folder / "a.txt"), "--format", "html", "-o", str(folder / "a.html")])
    page = (folder / "b.html")
    page.write_text("<html><head><title>灵寿县法治政府建设报告</title></head><body><p>"
                    + LINGSHOU.read_text(encoding="utf-8").replace("\n", "</p><p>") + "</p></body></html>",
                    encoding="utf-8")
    capsys.readouterr()
    main(["check", str(folder), "--format", "jsonl"])
    import json

    paths = [json.loads(line)["path"] for line in capsys.readouterr().out.splitlines()]
    assert str(folder / "a.html") not in paths  # written by lawcheck
    assert str(folder / "a.txt") in paths and str(folder / "b.html") in paths  # a saved web page is a report


def test_dir_of_lawcheck_shows_the_public_names():
    names = dir(lawcheck)
    assert "evaluate" in names and "check_file" in names and "Scorecard" in names
    assert not [n for n in names if n not in lawcheck.__all__]
    assert "importlib" not in names and "TYPE_CHECKING" not in names


def test_check_file_reads_any_format_and_raises_the_cli_s_errors(tmp_path):
    card = lawcheck.check_file(LINGSHOU)
    assert card.score == lawcheck.evaluate(LINGSHOU.read_text(encoding="utf-8")).score
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(LINGSHOU.read_text(encoding="utf-8").encode("gb18030"))
    assert lawcheck.check_file(gbk).score == card.score
    with pytest.raises(lawcheck.InputError, match="文件不存在"):
        lawcheck.check_file(tmp_path / "missing.txt")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 600)
    with pytest.raises(lawcheck.InputError, match="docx"):
        lawcheck.check_file(tmp_path / "old.doc")


def test_print_card_is_a_short_summary():
    card = lawcheck.evaluate((FIXTURES / "003_changsheng_2020.txt").read_text(encoding="utf-8"))
    text = str(card)
    assert text.splitlines()[0] == f"彭水苗族土家族自治县长生镇人民政府 2020年度 — {card.score:.1f} 分（{card.grade_label}）"
    assert len(text.splitlines()) == 2 + len(card.missing) and len(text) < 1000
    assert all(m.rule in text for m in card.missing)
    assert card.missing[0].message == card.result(card.missing[0].rule).message
    for model in (lawcheck.Scorecard, lawcheck.RuleResult, lawcheck.Evidence):
        assert model.__doc__ and len(model.__doc__) > 40


@pytest.mark.parametrize("text", ["", "   \n", "An annual report on law-based government, written in English."])
def test_text_with_no_chinese_cannot_be_judged(text):
    card = lawcheck.evaluate(text)
    assert card.score is None and card.document.kind == "other" and card.document.other_kind == "no_text"
    assert set(card.statuses().values()) == {"unknown"}
    assert main_gate_fails(card)


def main_gate_fails(card) -> bool:
    from lawcheck.gate import Gate

    return bool(Gate().reasons(card))


def test_pass_messages_say_what_passed_and_one_cutoff_is_named():
    card = lawcheck.evaluate(LINGSHOU.read_text(encoding="utf-8"))
    assert card.result("form.placeholders").message.startswith("未发现年份占位符")
    late = lawcheck.evaluate((FIXTURES / "003_changsheng_2020.txt").read_text(encoding="utf-8")).result(
        "deadline.publication")
    assert "4月1日" in late.message and "2021-04-01" in late.message and "03-31" not in late.message
    assert "3月31日" not in late.fix


def test_pack_names_and_scores_are_usage_errors(capsys):
    assert main(["check", str(LINGSHOU), "--pack", "shanxi"]) == 2
    assert "shaanxi" in capsys.readouterr().err
    with pytest.raises(SystemExit) as e:
        main(["check", str(LINGSHOU), "--min-score", "150"])
    assert e.value.code == 2


def test_explain_finds_a_rule_by_name_and_speaks_chinese(capsys):
    assert main(["explain", "三项制度"]) == 0
    out = capsys.readouterr().out
    assert "enforcement.three_systems" in out and "检查方式: 内容要素" in out and "状态: 正式" in out
    assert "concept" not in out.split("\n", 4)[3]
    assert main(["config"]) == 0
    assert "（默认）" in capsys.readouterr().out


def test_the_pre_commit_hook_checks_every_format():
    import re

    from lawcheck.readers import SUFFIXES
    from tests.conftest import ROOT

    hook = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    files = re.search(r"^\s*files: (.+)$", hook, re.M).group(1)
    for suffix, fmt in SUFFIXES.items():
        # (an archive is a row of a folder's batch, never read: a zip committed beside the reports does not block)
        assert bool(re.search(files, "报告" + suffix.upper())) == (fmt != "archive"), suffix
    assert not re.search(files, "notes.md")


def test_the_pre_commit_hook_installs_the_readers_of_the_files_it_takes():
    """A newcomer's review: the hook took .docx/.pdf/.html but installed plain lawcheck, so each such report
    failed with "需要安装 lawcheck[docx]".  Its additional_dependencies are the readers' extras, as pyproject has them."""
    import tomllib
    import yaml

    from tests.conftest import ROOT

    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert sorted(hook["additional_dependencies"]) == sorted([*extras["docx"], *extras["pdf"], *extras["html"]])


@pytest.mark.parametrize("fmt", ["text", "rich", "markdown"])
def test_english_output_uses_english_punctuation(capsys, fmt):
    main(["check", str(FIXTURES / "003_changsheng_2020.txt"), "--lang", "en", "--format", fmt])
    out = capsys.readouterr().out
    import re

    # What lawcheck itself writes around the rules' texts (the law's own words stay as written).
    for label in ("Score", "Grade", "Gate", "Why", "Fix", "Basis", "Organ", "Report year", "Missing items"):
        assert f"{label}：" not in out and f"{label}**：" not in out, label
    heads = re.findall(r"\(`?(?:[a-z_]+\.)+[a-z_]+`?, [^)]*\)", out)
    assert heads and not re.search(r"（`?(?:[a-z_]+\.)+[a-z_]+`?，", out)
    main(["check", str(FIXTURES / "003_changsheng_2020.txt"), "--format", fmt])
    assert re.search(r"（`?(?:[a-z_]+\.)+[a-z_]+`?，", capsys.readouterr().out)  # Chinese keeps its own


def test_the_html_missing_list_says_what_is_missing_and_the_near_miss():
    from lawcheck.render.formats.html import render_report_page

    text = (FIXTURES / "003_changsheng_2020.txt").read_text(encoding="utf-8")
    card = lawcheck.evaluate(text)
    page = render_report_page(card, text)
    missing = page.split('<ol class="missing">', 1)[1].split("</ol>", 1)[0]
    assert missing.count('<p class="why">') == len(card.missing)
    with_near = [m for m in card.missing if card.result(m.rule).near_miss]
    assert with_near and missing.count('<p class="near">') == len(with_near)


def test_a_year_given_as_text_is_the_year_and_a_wrong_one_a_clear_error():
    text = LINGSHOU.read_text(encoding="utf-8")
    assert lawcheck.evaluate(text, report_year="2021").document.report_year == 2021
    with pytest.raises(ValueError, match="report_year"):
        lawcheck.evaluate(text, report_year="去年")
    with pytest.raises(ValueError, match="level"):
        lawcheck.evaluate(text, level="village")


def test_markdown_for_a_batch_is_the_summary_and_each_report_s_missing_items(capsys):
    paths = [str(LINGSHOU), str(FIXTURES / "003_changsheng_2020.txt")]
    main(["check", *paths, "--format", "markdown"])
    md = capsys.readouterr().out
    assert md.startswith("## 批量检查汇总") and md.count("#### 缺失项") == 2
    assert "| 状态 | 规则 | 分值 | 证据 |" not in md  # no rule tables in a note to paste
    main(["check", *paths, "--format", "markdown", "-v"])
    assert capsys.readouterr().out.count("| 状态 | 规则 | 分值 | 证据 |") == 2


def test_evidence_is_listed_once_per_place():
    card = lawcheck.evaluate((FIXTURES / "000-1.txt").read_text(encoding="utf-8"))
    for r in card.results:
        places = [(e.start, e.end) for e in r.evidence]
        assert len(places) == len(set(places)), r.rule
    assert card.result("form.placeholders").status == "fail" and card.result("form.placeholders").evidence


@pytest.mark.parametrize("argv, expected", [
    (["check"], "缺少参数：PATH"),
    (["check", "x.txt", "--bogus"], "无法识别的参数：--bogus"),
    (["check", "x.txt", "--format", "pdf"], "参数 --format 的取值 'pdf' 无效"),
    (["check", "x.txt", "-j", "abc"], "不是有效的正整数"),
    (["check", "x.txt", "--min-score", "150"], "须在 0 到 100 之间"),
])
def test_argparse_speaks_chinese_by_default(monkeypatch, capsys, argv, expected):
    import sys

    monkeypatch.setattr(sys, "argv", ["lawcheck", *argv])
    monkeypatch.delenv("LAWCHECK_LANG", raising=False)
    with pytest.raises(SystemExit) as e:
        main(argv)
    err = capsys.readouterr().err
    assert e.value.code == 2 and expected in err and "参数错误" in err
    monkeypatch.setattr(sys, "argv", ["lawcheck", *argv, "--lang", "en"])
    with pytest.raises(SystemExit):
        main([*argv, "--lang", "en"])
    assert "usage error" in capsys.readouterr().err


def test_check_help_is_in_chinese_by_default_and_english_on_request(monkeypatch):
    import re
    import sys

    from lawcheck.cli import build_parser

    monkeypatch.delenv("LAWCHECK_LANG", raising=False)
    monkeypatch.setattr(sys, "argv", ["lawcheck", "check", "--help"])
    sub = next(a for a in build_parser()._actions if a.__class__.__name__ == "_SubParsersAction")
    zh = sub.choices["check"].format_help()
    for text in ("选项", "显示本帮助并退出", "门槛：每份报告得分须", "CSV 表格（每份报告一行）", "单个输入的上限"):
        assert text in zh, text
    # Every option's own text is Chinese (the names of options and values stay as typed).
    options = re.findall(r"^  (-[^\n]*?)\s{2,}(\S[^\n]*)$", zh, re.M)
    assert options and all(re.search(r"[\u4e00-\u9fff]", h) for _, h in options), options
    monkeypatch.setattr(sys, "argv", ["lawcheck", "check", "--help", "--lang", "en"])
    sub = next(a for a in build_parser()._actions if a.__class__.__name__ == "_SubParsersAction")
    assert "gate: every score must be" in sub.choices["check"].format_help()


def test_a_broken_file_is_explained_in_chinese(tmp_path, capsys):
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"PK\x03\x04" + b"garbage" * 10)
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "Word文件已损坏" in err and "不是有效的压缩包" in err and "BadZipFile" not in err
    assert main(["check", str(bad), "--lang", "en"]) == 2
    err = capsys.readouterr().err  # in English words, not the parser's class name (--debug shows that)
    assert "not a valid ZIP archive" in err and "BadZipFile" not in err


def test_a_bad_rule_file_is_explained_in_chinese(tmp_path, capsys):
    from tests.conftest import ROOT

    pack = tmp_path / "p"
    (pack / "x").mkdir(parents=True)
    (pack / "pack.yaml").write_text("id: p\ntitle: {zh: 测试}\nversion: '1'\nextends: core\n"
                                    "sources: [{id: S23, title: t}]\n", encoding="utf-8")
    rule = (ROOT / "tests" / "data" / "extra_rule.yaml").read_text(encoding="utf-8").replace(
        "id: local.legal_adviser", "id: x.r")
    for change, zh in (("weight: abc", "须为数字"), ("severity: fatal", "取值无效，可选：'error'、'warning'、'info'")):
        key = change.split(":")[0]
        text = "\n".join(change if line.startswith(key + ":") else line for line in rule.splitlines())
        (pack / "x" / "r.yaml").write_text(text, encoding="utf-8")
        assert main(["rules", "test", str(pack)]) == 3
        err = capsys.readouterr().err
        assert zh in err and "Input should" not in err, err
        assert main(["rules", "test", str(pack), "--lang", "en"]) == 3
        assert "Input should" in capsys.readouterr().err


def test_explain_speaks_in_words_not_codes(capsys):
    assert main(["explain", "form.placeholders"]) == 0
    out = capsys.readouterr().out
    assert "年份占位符（如20xx）" in out and "[xX×]" not in out and "(year)" not in out
    assert main(["explain", "enforcement.three_systems"]) == 0
    out = capsys.readouterr().out
    assert "• 行政执法公示\n" in out and "(publicity)" not in out and "示例" in out


@pytest.mark.parametrize("command", [[], ["check"], ["rules"], ["rules", "test"], ["rules", "new"],
                                     ["rules", "schema"], ["rules", "docs"], ["explain"], ["config"]])
def test_every_help_page_is_in_one_language(monkeypatch, command):
    """Descriptions, epilogs, exit codes and section headings follow --lang, not "examples / 示例"."""
    import re
    import sys

    from lawcheck.cli import build_parser

    def page(lang: str) -> str:
        monkeypatch.setattr(sys, "argv", ["lawcheck", *command, "--help", "--lang", lang])
        parser = build_parser()
        for name in command:
            parser = next(a for a in parser._actions if isinstance(a, __import__("argparse")._SubParsersAction)
                          ).choices[name]
        return parser.format_help()

    monkeypatch.delenv("LAWCHECK_LANG", raising=False)
    zh, en = page("zh"), page("en")
    commands = re.compile(r"^(\s+|用法：|usage: )(lawcheck|cat) .*$|\(README: Limits and safety\)|README 的 Limits and safety", re.M)
    # Chinese: no English prose outside the command lines, option names and choices.
    prose = [line for line in commands.sub("", zh).splitlines() if re.search(r"\b[a-z]{3,} [a-z]{3,} [a-z]{3,}", line)]
    assert not prose and "用法：" in zh and "usage:" not in zh and " / " not in zh, prose
    assert re.search(r"^选项：$", zh, re.M)
    # English: no Chinese outside example commands (whose file names may be Chinese).
    chinese = [line for line in commands.sub("", en).splitlines() if re.search(r"[\u4e00-\u9fff，：（）；]", line)]
    assert not chinese and "usage:" in en, chinese
    if not command or command == ["check"]:
        assert "退出码：" in zh and "exit codes:" in en and "全部检查完毕" not in en


# --- every placeholder quoted, the signature's too, the placeholder itself marked -----------------

def _placeholder_copies():
    """Real reports with their signature organ's name, and a year in the body, turned into template blanks."""
    from tests.conftest import FIXTURES

    for path, blank in ((FIXTURES / "001_lingshou_2021.txt", "××"), (FIXTURES / "002_yixing_2020.txt", "某某")):
        text = path.read_text(encoding="utf-8")
        card = lawcheck.evaluate(text)
        organ = card.document.organ
        assert organ and text.rstrip().count(organ) >= 1, path
        head, sep, tail = text.rpartition(organ)  # the signature is the organ's last mention
        county = organ[:2]
        changed = head + sep.replace(county, blank, 1) + tail
        year = str(card.document.report_year)
        body = next(sec.start for sec in card.sections if sec.heading)  # the first headed section
        at = changed.index(year, body)  # a year in the body, after the title
        changed = changed[:at] + "20XX" + changed[at + 4:]
        yield path.name, changed, blank, organ.replace(county, blank, 1)


@pytest.mark.parametrize("name,text,blank,signed", list(_placeholder_copies()))
def test_every_placeholder_is_quoted_and_marked(name, text, blank, signed):
    from lawcheck.render.common import marked_quote

    card = lawcheck.evaluate(text)
    by = {r.rule: r for r in card.results}
    ph = by["form.placeholders"]
    assert ph.status == "fail" and "“20XX”" in ph.message and f"“{blank}”" in ph.message, ph.message
    # The evidence quotes the sentence; what is marked in it is exactly a placeholder.
    marked = {text[s:e] for ev in ph.evidence for s, e in ev.marks}
    assert marked and marked <= {"20XX", blank}, marked
    for ev in ph.evidence:
        assert ev.text == text[ev.start:ev.end] and all(ev.start <= s < e <= ev.end for s, e in ev.marks)
    sig = by["form.signature"]
    assert sig.status in ("fail", "partial") and f"“{signed}”" in sig.message and f"含占位符“{blank}”" in sig.message
    assert any(f"【{blank}】" in marked_quote(ev) for ev in sig.evidence)
    for fmt, mark in (("text", f"【{blank}】"), ("markdown", f"**{blank}**"), ("html", f'<strong class="hit">{blank}')):
        from lawcheck.model import Record
        from lawcheck.render import Context, module

        out = module(fmt).render([Record(path=name, card=card, text=text)], Context(lang="zh"))
        assert mark in out, fmt


def test_a_passing_report_marks_what_matched():
    """Marks are what matched, for every rule: the phrase inside its sentence, never outside the quote."""
    card = lawcheck.evaluate(LINGSHOU.read_text(encoding="utf-8"))
    text = LINGSHOU.read_text(encoding="utf-8")
    marks = [(ev, s, e) for r in card.results for ev in r.evidence for s, e in ev.marks]
    assert marks
    for ev, s, e in marks:
        assert ev.start <= s < e <= ev.end and (s, e) != (ev.start, ev.end)
    three = next(r for r in card.results if r.rule == "enforcement.three_systems")
    assert any("公示" in text[s:e] or "三项制度" in text[s:e] for ev in three.evidence for s, e in ev.marks)


# --- Chinese line breaking in the terminal -----------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_ALPHABET = "法治政府建设年度报告第一责任人、，。：；）」”（「“ abc.d_e2021"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, min_size=1, max_size=120), st.integers(min_value=4, max_value=60))
def test_line_breaking_follows_chinese_rules(text, width):
    import itertools
    import re

    from rich.cells import cell_len

    from lawcheck.render.linebreak import NO_END, NO_START, break_offsets

    offsets = break_offsets(text, width, cell_len)
    assert offsets == sorted(set(offsets)) and all(0 < o < len(text) for o in offsets)
    bounds = [0, *offsets, len(text)]
    lines = [text[a:b] for a, b in itertools.pairwise(bounds)]
    assert "".join(lines) == text  # nothing lost
    for i, line in enumerate(lines):
        body = line.rstrip()
        assert cell_len(body) <= width or len(body) == 1
        if i and body:
            prev = lines[i - 1].rstrip()
            # Moving a character across is possible only when the previous line has more than one unit
            # (a run of Latin letters and digits is one unit).
            if len(re.findall(r"[A-Za-z0-9_.]+|\S", prev)) > 1:
                assert body[0] not in NO_START, (lines, width)
                assert prev[-1] not in NO_END, (lines, width)
            assert not line[0].isspace()


def test_a_rule_id_is_never_broken_when_it_fits():
    from rich.cells import cell_len

    from lawcheck.render.linebreak import break_offsets

    text = "未满足：content.first_responsible_duty、form.placeholders、enforcement.three_systems。"
    for width in range(31, 60):
        offsets = break_offsets(text, width, cell_len)
        for rid in ("content.first_responsible_duty", "form.placeholders", "enforcement.three_systems"):
            at = text.index(rid)
            assert not any(at < o < at + len(rid) for o in offsets), (width, rid)


@pytest.mark.parametrize("width", [80, 100])
def test_the_terminal_view_breaks_lines_as_chinese_is_typeset(width):
    """No cell line of the rich view starts with closing punctuation or ends with opening punctuation;
    every rule id is whole on its line; the quote of a placeholder shows the placeholder at 80 columns."""
    from lawcheck.model import Record
    from lawcheck.render import Context, module
    from lawcheck.render.linebreak import NO_END, NO_START

    name, text, blank, _ = next(_placeholder_copies())
    card = lawcheck.evaluate(text)
    out = module("rich").render([Record(path=name, card=card, text=text)], Context(lang="zh", width=width))
    cells = [c.strip() for line in out.splitlines() for c in line.strip("│┃ ").split("│")]
    cells = [c for c in cells if c and c != "—" and not set(c) <= set("─━┏┓┗┛┡┩╇┳┻┃╭╮╰╯├┤┼ ")]  # "—": not scored
    assert not [c for c in cells if c[0] in NO_START], [c for c in cells if c[0] in NO_START]
    assert not [c for c in cells if c[-1] in NO_END], [c for c in cells if c[-1] in NO_END]
    for r in card.results:
        assert any(r.rule in c for c in cells), r.rule
    row = out[out.index("form.placeholders"):]
    assert blank in row.split("\n", 2)[1] or "20XX" in row.split("\n", 2)[1]


def test_a_new_rule_in_an_empty_folder_is_a_pack_that_tests(tmp_path, monkeypatch, capsys):
    """rules new, then rules test: the folder gets its pack.yaml (extending core), the template's comments
    are Chinese by default, and its own examples pass."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LAWCHECK_LANG", raising=False)
    assert main(["rules", "new", "office.content.legal_adviser"]) == 0
    assert "pack.yaml" in capsys.readouterr().err and (tmp_path / "pack.yaml").is_file()
    rule = (tmp_path / "office" / "content" / "legal_adviser.yaml").read_text(encoding="utf-8")
    assert "编号须与它在规则包目录下的路径一致" in rule
    assert main(["rules", "test", "."]) == 0
    assert "0个不符" in capsys.readouterr().out
    assert main(["rules", "new", "office.content.second", "--lang", "en"]) == 0
    assert "one rule of a lawcheck pack" in (tmp_path / "office" / "content" / "second.yaml").read_text(
        encoding="utf-8")
