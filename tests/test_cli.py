"""The command line: inputs, formats, the gate's exit codes, batch behaviour, errors that name the file."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lawcheck.cli import build_parser, main
from lawcheck.gate import Gate
from tests.conftest import FIXTURES, ROOT

LINGSHOU = str(FIXTURES / "001_lingshou_2021.txt")
HETANG = str(FIXTURES / "004_hetang_2024.txt")  # body only; the principal leaders' acts missing: below the gate
YIXING = str(FIXTURES / "002_yixing_2020.txt")  # meets the default gate
TEMPLATE = str(FIXTURES / "000-4.txt")  # placeholders: fails a must-have rule


@pytest.fixture(autouse=True)
def _no_config(tmp_path, monkeypatch):
    """Run every CLI test from an empty directory, so no lawcheck.toml above the checkout applies."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LAWCHECK_LANG", raising=False)


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_text_scorecard_is_chinese_by_default(capsys):
    code, out, err = run(capsys, "check", LINGSHOU, "--format", "text")
    assert code == 0 and not err
    for heading in ("得分", "等级", "缺失项", "修改建议", "依据", "门槛"):
        assert heading in out
    assert "灵寿县人民政府" in out and "content.shortcoming_causes" in out
    assert "得分 = 各项得分之和" in out  # the arithmetic is shown


def test_english_on_request(capsys, monkeypatch):
    code, out, _ = run(capsys, "check", LINGSHOU, "--format", "text", "--lang", "en")
    assert code == 0 and "Score" in out and "Missing items" in out and "得分" not in out
    monkeypatch.setenv("LAWCHECK_LANG", "en")
    _, out2, _ = run(capsys, "check", LINGSHOU, "--format", "text")
    assert out2 == out


def test_json_is_the_canonical_scorecard(capsys):
    import lawcheck

    code, out, _ = run(capsys, "check", LINGSHOU, "--format", "json")
    assert code == 0
    card = lawcheck.evaluate((FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8"))
    assert out.strip() == card.model_dump_json()
    assert json.loads(out)["schema_version"] == "2.1"


def test_json_list_and_jsonl(capsys):
    _, out, _ = run(capsys, "check", LINGSHOU, HETANG, "--format", "json")
    data = json.loads(out)
    assert [d["path"] for d in data] == [LINGSHOU, HETANG] and all(d["schema_version"] == "2.1" for d in data)
    _, out, _ = run(capsys, "check", LINGSHOU, HETANG, "--format", "jsonl")
    lines = [json.loads(x) for x in out.splitlines()]
    assert [x["path"] for x in lines] == [LINGSHOU, HETANG] and all("schema_version" in x for x in lines)


@pytest.mark.parametrize("fmt", ["json", "junit", "sarif"])
def test_several_are_streamed_with_the_bytes_of_the_whole_document(capsys, tmp_path, fmt):
    """--format json and junit write each record as it is checked (issue 18: flat memory for any corpus); the
    bytes are those of the document rendered whole, an unreadable input included, with one worker or two."""
    from lawcheck.batch import Options
    from lawcheck.batch import run as run_batch
    from lawcheck.inputs import expand
    from lawcheck.render import Context, module

    (tmp_path / "坏.docx").write_bytes(b"PK\x03\x04 broken")
    paths = [LINGSHOU, str(tmp_path / "坏.docx"), HETANG]
    renderer = module(fmt)
    assert renderer.FORMAT.output == "stream"
    outs = [run(capsys, "check", *paths, "--format", fmt, "-j", jobs)[1] for jobs in ("1", "2")]
    import lawcheck
    from lawcheck.engine import rule_infos

    records = run_batch(expand(paths, ["*"]), Options(gate=Gate(), keep_text=True), jobs=1)
    whole = renderer.render(records, Context(inputs=len(paths), rules=rule_infos(lawcheck.load_pack())))
    assert outs[0] == outs[1] == whole
    if fmt == "json":
        assert [d["path"] for d in json.loads(whole)] == paths and "error" in json.loads(whole)[1]
        # One input: its canonical scorecard, not a list.
        assert isinstance(json.loads(run(capsys, "check", LINGSHOU, "--format", "json")[1]), dict)
    elif fmt == "junit":
        from xml.etree import ElementTree as ET

        assert [s.get("name") for s in ET.fromstring(whole).findall("testsuite")] == paths
    else:  # the unreadable input is in the invocation's notifications, the others' results in order
        run_ = json.loads(whole)["runs"][0]
        assert not run_["invocations"][0]["executionSuccessful"]
        assert "坏.docx" in run_["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
        uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run_["results"]]
        assert uris == sorted(uris, key=lambda u: 0 if "lingshou" in u else 1) and len(set(uris)) == 2


def test_batch_reports_every_input_even_broken_ones(capsys, tmp_path):
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    for name in ("001_lingshou_2021", "002_yixing_2020", "004_hetang_2024"):
        (folder / f"{name}.txt").write_bytes((FIXTURES / f"{name}.txt").read_bytes())
    (folder / "sub" / "binary.txt").write_bytes(b"\x00\x01\x02\x03PK\x03\x04" * 50)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "gbk.txt").write_bytes((FIXTURES / "000-2.txt").read_text(encoding="utf-8").encode("gbk"))
    (folder / "garbled.txt").write_bytes(bytes(range(0x80, 0x100)) * 40)
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500)
    (folder / "notes.md").write_text("not picked by the default glob", encoding="utf-8")
    code, out, err = run(capsys, "check", str(folder), "--format", "jsonl", "-j", "2")
    rows = [json.loads(x) for x in out.splitlines()]
    names = [os.path.relpath(r["path"], folder) for r in rows]
    assert names == sorted(names) and len(rows) == 8 and "notes.md" not in names
    errors = {os.path.relpath(r["path"], folder): r["error"] for r in rows if "error" in r}
    assert set(errors) == {"empty.txt", "garbled.txt", "old.doc", os.path.join("sub", "binary.txt")}
    assert "docx" in errors["old.doc"]  # how to convert
    assert code == 2
    # One line per unreadable file on stderr, naming it, and one naming the file in no format lawcheck reads.
    lines = err.strip().splitlines()
    assert len(lines) == 5 and all(str(folder) in line for line in lines)
    assert "不是可读格式" in lines[0] and "notes.md" in lines[0]


def test_glob_picks_other_names(capsys, tmp_path):
    (tmp_path / "a.report").write_bytes((FIXTURES / "001_lingshou_2021.txt").read_bytes())
    (tmp_path / "b.txt").write_bytes((FIXTURES / "004_hetang_2024.txt").read_bytes())
    _, out, _ = run(capsys, "check", str(tmp_path), "--glob", "*.report", "--format", "jsonl")
    assert [os.path.basename(json.loads(x)["path"]) for x in out.splitlines()] == ["a.report"]


def test_results_identical_whatever_the_parallelism(capsys):
    paths = [str(p) for p in sorted(FIXTURES.glob("*.txt"))]
    _, one, _ = run(capsys, "check", *paths, "--format", "jsonl", "-j", "1")
    _, four, _ = run(capsys, "check", *paths, "--format", "jsonl", "-j", "4")
    assert one == four and len(one.splitlines()) == len(paths)


def test_record_formats_stream_the_same_bytes_as_the_whole_batch(capsys, tmp_path):
    from lawcheck import batch
    from lawcheck.engine import key_indicators, rule_infos
    from lawcheck.inputs import expand
    from lawcheck.packs import load_pack
    from lawcheck.render import Context, module

    for k in range(3):
        for p in sorted(FIXTURES.glob("*.txt")):
            (tmp_path / f"{k}-{p.name}").write_bytes(p.read_bytes())
    (tmp_path / "2-empty.txt").write_bytes(b"")
    paths = [str(tmp_path)]
    items = batch.run(expand(paths, ["*.txt"]), batch.Options())
    ctx = Context(rules=rule_infos(load_pack()), indicators=key_indicators(load_pack()))
    for fmt in ("jsonl", "csv"):
        whole = module(fmt).render(items, ctx)
        for jobs in ("1", "2"):
            code, out, err = run(capsys, "check", *paths, "--format", fmt, "-j", jobs)
            assert code == 2 and "empty.txt" in err
            assert out == whole, (fmt, jobs)


def test_the_batch_yields_early_and_keeps_few_reports_in_flight(tmp_path):
    from lawcheck import batch
    from lawcheck.inputs import expand

    for k in range(6):
        for p in sorted(FIXTURES.glob("*.txt")):
            (tmp_path / f"{k}-{p.name}").write_bytes(p.read_bytes())
    sources = expand([str(tmp_path)], ["*.txt"])
    assert len(sources) > 8 * 2  # more than the in-flight window of two workers
    seen: list[int] = []
    stream = batch.iter_run(sources, batch.Options(), jobs=2, progress=lambda done, total: seen.append(done))
    first = next(stream)
    assert first.path == sources[0].name
    assert len(seen) < len(sources), "the first record came only after every report was checked"
    rest = list(stream)
    assert [c.path for c in [first, *rest]] == [s.name for s in sources]


# ----------------------------------------------------------------------------- the gate


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ([LINGSHOU], 0),                                   # default --fail-on error; every must-have met
        ([TEMPLATE], 1),                                   # placeholders: a must-have fails
        ([TEMPLATE, "--fail-on", "never"], 0),
        ([LINGSHOU, "--fail-on", "warning"], 1),           # shortcoming_causes (warning) fails
        ([LINGSHOU, "--min-score", "80"], 0),
        ([LINGSHOU, "--min-score", "96"], 1),
        ([LINGSHOU, HETANG, "--min-score", "80"], 1),      # one input falls short
        ([LINGSHOU, "missing.txt"], 2),                    # unreadable input wins over the gate
        ([LINGSHOU, "--published", "yesterday"], 2),
        ([LINGSHOU, "--disable", "no.such_rule"], 2),
    ],
)
def test_exit_codes(capsys, args, code):
    got, _out, _err = run(capsys, "check", *args, "--format", "text")
    assert got == code


def test_invalid_rule_file_exit_3(capsys, tmp_path):
    bad = tmp_path / "extra" / "demo"
    bad.mkdir(parents=True)
    (bad / "x.yaml").write_text("id: demo.x\nkind: concept\nsevrity: error\n", encoding="utf-8")
    code, _, err = run(capsys, "check", LINGSHOU, "--rules", str(tmp_path / "extra"))
    assert code == 3 and "x.yaml:" in err and "Traceback" not in err
    # A folder that holds no pack at all is a wrong argument, as a wrong pack name is (exit 2): exit 3 is for
    # a rule file that is wrong.
    code, _, err = run(capsys, "check", LINGSHOU, "--pack", str(tmp_path))
    assert code == 2 and "pack.yaml" in err


def test_usage_errors_from_argparse_exit_2():
    with pytest.raises(SystemExit) as exc:
        main(["check", LINGSHOU, "--format", "pdf"])
    assert exc.value.code == 2


def test_gate_is_shown_and_quiet_prints_one_line(capsys):
    code, out, _ = run(capsys, "check", TEMPLATE, "--quiet")
    assert code == 1 and out.count("\n") == 1 and "得分" in out and "未达到" in out
    code, out, _ = run(capsys, "check", LINGSHOU, HETANG, "-q")
    assert out.count("\n") == 2


def test_verbose_shows_all_evidence(capsys):
    _, short, _ = run(capsys, "check", LINGSHOU, "--format", "text")
    _, long, _ = run(capsys, "check", LINGSHOU, "--format", "text", "--verbose")
    assert long.count("证据") > short.count("证据")


def test_output_file_is_written_atomically(capsys, tmp_path):
    target = tmp_path / "out" / "结果.csv"
    target.parent.mkdir()
    code, out, _ = run(capsys, "check", LINGSHOU, YIXING, "--format", "csv", "--output", str(target))
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8").count("\n") == 3
    assert [p.name for p in target.parent.iterdir()] == ["结果.csv"]  # no temporary file left


def test_standard_input(monkeypatch, capsys):
    import io

    data = (FIXTURES / "001_lingshou_2021.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(capsys, "check", "-", "--format", "jsonl")
    assert code == 0 and json.loads(out)["path"] == "-"


def test_overrides(capsys):
    _, out, _ = run(capsys, "check", HETANG, "--format", "json", "--published", "2025-04-01", "--year", "2024",
                    "--level", "county")
    data = json.loads(out)
    pub = next(r for r in data["results"] if r["rule"] == "deadline.publication")
    assert pub["status"] == "partial"  # the 4月1日 boundary day
    assert data["document"]["published_date"] == "2025-04-01" and data["document"]["level"] == "county"


def test_disable_and_extra_rules(capsys, tmp_path):
    extra = tmp_path / "office"
    (extra / "local").mkdir(parents=True)
    (extra / "local" / "legal_adviser.yaml").write_text(
        (ROOT / "tests" / "data" / "extra_rule.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    _, out, _ = run(capsys, "check", LINGSHOU, "--format", "json", "--rules", str(extra),
                    "--disable", "quality.quantified")
    rules = {r["rule"]: r["status"] for r in json.loads(out)["results"]}
    assert "quality.quantified" not in rules
    assert rules["local.legal_adviser"] == "pass"


def test_no_colour_when_piped_or_no_color(capsys, monkeypatch):
    _, out, _ = run(capsys, "check", LINGSHOU, "--format", "rich")
    assert "\x1b[" not in out and "法定内容" in out
    res = subprocess.run([sys.executable, "-m", "lawcheck", "check", LINGSHOU, "--format", "rich"],
                         capture_output=True, env=dict(os.environ, NO_COLOR="1", PYTHONPATH=str(ROOT)))
    assert b"\x1b[" not in res.stdout and res.returncode == 0


# ----------------------------------------------------------------------------- rules, explain, config, help


def test_rules_lists_the_active_rules(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "enforcement.three_systems" in out and "依据" in out
    _, out, _ = run(capsys, "rules", "--format", "json", "--disable", "quality.quantified")
    data = json.loads(out)
    assert {"id", "title", "weight", "severity", "basis"} <= set(data[0]) and \
        "quality.quantified" not in {d["id"] for d in data}
    _, out, _ = run(capsys, "rules", "--format", "markdown")
    assert out.startswith("| id |")


def test_explain(capsys):
    code, out, _ = run(capsys, "explain", "enforcement.three_systems")
    assert code == 0
    for piece in ("要求", "依据", "示例", "修改建议", "不计入", "公示期", "国办发〔2018〕118号"):
        assert piece in out
    code, _, err = run(capsys, "explain", "enforcement.three_system")
    assert code == 2 and "enforcement.three_systems" in err  # did you mean


def test_every_command_has_help_with_an_example():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert set(sub.choices) == {"check", "compare", "rules", "explain", "config", "serve"}
    for name, p in sub.choices.items():
        text = p.format_help()
        assert "lawcheck " + name in text and ("examples" in text or "示例" in text), name
    check_help = sub.choices["check"].format_help()
    for flag in ("--format", "--output", "--min-score", "--fail-on", "--jobs", "--glob", "--verbose", "--quiet",
                 "--year", "--published", "--level", "--lang", "--rules", "--disable", "--pack", "--debug"):
        assert flag in check_help
    assert "退出码" in check_help  # the default language; "exit codes" under --lang en


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0 and "lawcheck" in capsys.readouterr().out


def test_internal_errors_are_one_line_unless_debug(capsys, monkeypatch):
    import lawcheck.cli as cli

    def boom(args):
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "_rules", boom)
    code, _, err = run(capsys, "rules")
    assert code == 2 and err.count("\n") == 1 and "boom" in err and "Traceback" not in err
    code, _, err = run(capsys, "rules", "--debug")
    assert "Traceback" in err


@pytest.mark.parametrize("argv", [["-m", "lawcheck", "--version"], ["-m", "lawcheck", "check", "--help"]])
def test_python_dash_m(argv):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    res = subprocess.run([sys.executable, *argv], capture_output=True, text=True, env=env, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    assert "lawcheck" in res.stdout


def test_output_is_byte_identical_across_runs_and_hash_seeds():
    outs = set()
    for seed in ("0", "1", "12345"):
        env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONHASHSEED=seed)
        res = subprocess.run([sys.executable, "-m", "lawcheck", "check", LINGSHOU, YIXING, "--format", "jsonl"],
                             capture_output=True, env=env, cwd=ROOT)
        assert res.returncode == 0, res.stderr
        outs.add(res.stdout)
    assert len(outs) == 1


def test_argparse_errors_say_what_they_are(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", LINGSHOU, "--fail-on", "sometimes"])
    assert exc.value.code == 2 and "参数错误" in capsys.readouterr().err


def test_progress_bar_only_on_a_terminal(capsys, monkeypatch):
    import lawcheck.cli as cli

    calls = []
    real = cli._progress

    def spy(total, lang):
        calls.append(total)
        return real(total, lang)

    monkeypatch.setattr(cli, "_progress", spy)
    assert main(["check", LINGSHOU, YIXING, "--format", "jsonl"]) == 0  # stderr is not a terminal
    assert calls == []
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert main(["check", LINGSHOU, YIXING, "--format", "jsonl", "--no-progress"]) == 0
    assert calls == []
    assert main(["check", LINGSHOU, YIXING, "--format", "jsonl", "-j", "2"]) == 0
    assert calls == [2]
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(rows) == 6


def test_colour_only_on_a_terminal_without_no_color(capsys, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert main(["check", LINGSHOU]) == 0  # rich is the default on a terminal
    assert "\x1b[" in capsys.readouterr().out
    monkeypatch.setenv("NO_COLOR", "1")
    assert main(["check", LINGSHOU]) == 0
    out = capsys.readouterr().out
    assert "\x1b[" not in out and "✓ 通过" in out


def test_kind_reporter_and_encoding_flags(capsys, tmp_path):
    gbk = tmp_path / "r.txt"
    gbk.write_bytes((FIXTURES / "000-2.txt").read_text(encoding="utf-8").encode("gbk"))
    _, out, _ = run(capsys, "check", str(gbk), "--format", "json", "--encoding", "gbk", "--reporter", "department")
    data = json.loads(out)
    assert data["document"]["reporter"] == "department"
    _, out, _ = run(capsys, "check", LINGSHOU, "--format", "json", "--kind", "other")
    data = json.loads(out)
    assert data["document"]["kind"] == "other" and data["score"] is None
    code, _, err = run(capsys, "check", str(gbk), "--encoding", "utf-8")
    assert code == 2 and "utf-8" in err


@pytest.mark.parametrize("fmt", ["text", "rich", "markdown"])
@pytest.mark.parametrize("extra", [[], ["--verbose"], ["--quiet"]])
def test_text_and_rich_stream_with_a_slim_scorecard_kept_for_the_summary(capsys, tmp_path, monkeypatch, fmt, extra):
    """Issue 18: text and rich write each scorecard as it is checked and keep only a slim scorecard of each
    report (Scorecard.slim: a tenth of the memory) for the batch summary at the end — the same bytes as the
    whole document rendered from the full scorecards, a non-report and an unreadable input included."""
    import lawcheck
    from lawcheck.batch import Options
    from lawcheck.batch import run as run_batch
    from lawcheck.engine import key_indicators
    from lawcheck.inputs import expand
    from lawcheck.render import Context, module

    monkeypatch.delenv("COLUMNS", raising=False)
    (tmp_path / "坏.docx").write_bytes(b"PK\x03\x04 broken")
    (tmp_path / "工作报告.txt").write_text("某县人民政府工作报告\n一、过去一年工作回顾\n全县地区生产总值增长6%。\n",
                                          encoding="utf-8")
    paths = [LINGSHOU, str(tmp_path / "坏.docx"), HETANG, str(tmp_path / "工作报告.txt"), TEMPLATE]
    renderer = module(fmt)
    assert renderer.FORMAT.output == "stream" and renderer.FORMAT.summary
    streamed = run(capsys, "check", *paths, "--format", fmt, "-j", "2", *extra)[1]
    records = run_batch(expand(paths, ["*"]), Options(gate=Gate()), jobs=1)
    ctx = Context(inputs=len(paths), indicators=key_indicators(lawcheck.load_pack()), width=100,
                  verbose="--verbose" in extra, quiet="--quiet" in extra)
    assert streamed == renderer.render(records, ctx)
    if not extra:
        assert "批量检查汇总" in streamed or "汇总" in streamed


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_a_folder_is_written_as_checked_with_the_files_of_the_whole_batch(capsys, tmp_path, fmt):
    """Issue 18: -o DIR for HTML and Word copies writes each report's file as it is checked (made in the worker,
    which sends back the file, never the scorecard and text) and the index at the end from the slim scorecards:
    the same files, byte for byte, as the folder made at once from every whole record, with one worker or two."""
    import functools

    import lawcheck
    from lawcheck.batch import Options
    from lawcheck.batch import run as run_batch
    from lawcheck.engine import key_indicators
    from lawcheck.inputs import expand
    from lawcheck.model import SlimCard
    from lawcheck.render import Context, module

    (tmp_path / "坏.docx").write_bytes(b"PK\x03\x04 broken")
    paths = [LINGSHOU, str(tmp_path / "坏.docx"), HETANG, TEMPLATE]
    renderer = module(fmt)
    ctx = Context(inputs=len(paths), indicators=key_indicators(lawcheck.load_pack()))
    records = run_batch(expand(paths, ["*"]), Options(gate=Gate(), keep_text=True, keep_original=True), jobs=1)
    whole = renderer.files(records, ctx)
    assert len(whole) == (4 if fmt == "html" else 3)  # html: the index too; the unreadable input has no file
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        code, _, err = run(capsys, "check", *paths, "--format", fmt, "-j", jobs, "-o", f"{out}/")
        assert code == 2 and "坏.docx" in err
        assert {p.name: p.read_bytes() for p in out.iterdir()} == {
            k: v if isinstance(v, bytes) else v.encode("utf-8") for k, v in whole.items()}
    # What a worker sends back: the file and a slim scorecard, not the scorecard, the text or the Word bytes.
    streamed = run_batch(expand(paths, ["*"]), Options(gate=Gate(), keep_text=True, keep_original=True,
                                                      keep_slim=True, write=functools.partial(renderer.record, ctx=ctx)),
                         jobs=2)
    for rec in streamed:
        assert rec.text is None and rec.original is None
        assert (rec.card is None) == (rec.error is not None) and (rec.card is None or isinstance(rec.card, SlimCard))
        assert bool(rec.line) == (rec.error is None)


def test_an_interrupted_folder_keeps_an_index_of_the_finished_pages(tmp_path):
    """Ctrl-C during a folder's HTML: the pages finished are there, and index.html lists exactly them."""
    import signal
    import time

    src = tmp_path / "in"
    src.mkdir()
    for i in range(300):
        (src / f"r{i:03d}.txt").write_bytes(Path(LINGSHOU).read_bytes())
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "lawcheck", "check", str(src), "--format", "html", "-j", "2",
                             "-o", f"{out}/"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            cwd=ROOT, start_new_session=True)
    deadline = time.monotonic() + 120
    while not (out.is_dir() and any(out.glob("*.html"))) and time.monotonic() < deadline:
        time.sleep(0.05)  # until a page is written: the folder fills as the reports are checked
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err.decode()[-300:]
    pages = sorted(p.name for p in out.glob("0*.html"))
    assert 1 <= len(pages) < 300
    index = (out / "index.html").read_text(encoding="utf-8")
    linked = sorted(set(re.findall(r'href="(0\d{3}-r\d{3}\.html)"', index)))
    assert linked == pages


@pytest.mark.parametrize("in_memory", [8 << 20, 1])
def test_markdown_streams_its_reports_behind_the_summary(capsys, tmp_path, monkeypatch, in_memory):
    """Issue 18: Markdown's summary comes first, so each report's part is written as it is checked into a
    spooled temporary file (in memory, or on disk past SPOOL_IN_MEMORY) and copied after the summary: the
    summary ranks every input, the reports follow in input order, to a file as to standard output."""
    from lawcheck import cli

    monkeypatch.setattr(cli, "SPOOL_IN_MEMORY", in_memory)
    (tmp_path / "坏.docx").write_bytes(b"PK\x03\x04 broken")
    paths = [LINGSHOU, str(tmp_path / "坏.docx"), HETANG, TEMPLATE]
    code, out, _ = run(capsys, "check", *paths, "--format", "markdown", "-j", "2")
    assert code == 2 and out.startswith("## 批量检查汇总\n")  # 2: an input could not be read
    table_end = out.index("\n\n", out.index("|---:|"))
    ranked = [line.split(" | ")[1] for line in out[:table_end].splitlines()[4:]]
    assert sorted(ranked) == sorted(f"`{p}`" for p in paths)
    assert ranked[0] == f"`{tmp_path / '坏.docx'}`"  # the unreadable first
    parts = [out.index(f"检查结果 — `{p}`") for p in (LINGSHOU, HETANG, TEMPLATE)]
    assert table_end < parts[0] < parts[1] < parts[2]
    target = tmp_path / "审查意见.md"
    code, written, _ = run(capsys, "check", *paths, "--format", "markdown", "-j", "2", "-o", str(target))
    assert written == "" and target.read_text(encoding="utf-8") == out


def test_a_slim_scorecard_gives_the_summary_the_whole_one_gives():
    import pickle

    import lawcheck
    from lawcheck.engine import key_indicators
    from lawcheck.model import Record
    from lawcheck.render.formats.text import render_summary
    from lawcheck.summary import summarize

    pack = lawcheck.load_pack()
    cards = [lawcheck.evaluate(p.read_text(encoding="utf-8"), rules=pack) for p in sorted(FIXTURES.glob("*.txt"))]
    full = [Record.model_construct(path=f"r{i}", card=c, gate=[]) for i, c in enumerate(cards)]
    slim = [Record.model_construct(path=f"r{i}", card=c.slim(), gate=[]) for i, c in enumerate(cards)]
    inds = key_indicators(pack)
    assert render_summary(summarize(slim, indicators=inds), "zh") == render_summary(summarize(full, indicators=inds),
                                                                                  "zh")
    assert any(c.figures for c in cards) and any(c.missing for c in cards)
    for c in cards:
        s = c.slim()
        assert all(s.headline(f.indicator) == c.headline(f.indicator) for f in c.figures)
        assert list(s.waived()) == [r.rule for r in c.waived()]
        assert (s.score, s.grade_label, s.timeliness, s.lang) == (c.score, c.grade_label, c.timeliness, c.lang)
        d = c.document
        assert s.document.model_dump() == {k: getattr(d, k) for k in s.document.model_dump()}
        assert [name for _, name in s.missing] == [m.name for m in c.missing]
        assert [rule for rule, _ in s.missing] == [m.rule for m in c.missing]
        assert len(pickle.dumps(s)) * 20 < len(pickle.dumps(c))
