"""Issue 14: every name and byte survives the trip to the terminal and the file — names that are not
UTF-8, rich markup and terminal escapes in names and reports, CSV/JUnit/Markdown/JSON that a name or a
report cannot subvert, and a folder walk that says what it skipped."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

import lawcheck
from lawcheck.cli import main
from tests.conftest import FIXTURES, ROOT

LINGSHOU = FIXTURES / "001_lingshou_2021.txt"
ESC_TITLE = "\x1b]0;pwned\x07\x1b[2J"  # retitles the window, clears the screen
posix = pytest.mark.skipif(os.name != "posix", reason="POSIX file names are bytes")


def _cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lawcheck", *args], capture_output=True, timeout=120,
                          cwd=ROOT, input=stdin)


@pytest.fixture
def hostile_dir(tmp_path):
    """A folder as an attacker would hand it over: names with markup, escapes, CR, bytes that are not
    UTF-8; a report whose text carries escapes; a FIFO, a link loop and a dangling link with report names."""
    d = tmp_path / "收件"
    d.mkdir()
    text = LINGSHOU.read_text(encoding="utf-8")
    (d / "[bold red]红[link=http:x]y.txt").write_text(text, encoding="utf-8")  # no "/": it names a folder
    (d / "a[").mkdir()
    (d / "a[" / "b].txt").write_text(text, encoding="utf-8")
    (d / f"x{ESC_TITLE}\r=HYPERLINK(1).txt").write_text(text, encoding="utf-8")
    evil = text.replace("灵寿县人民政府关于", f"灵寿县人民政府{ESC_TITLE}关于", 1).replace(
        "全面推行行政执法三项制度", "全面推行行政执法三项制度\x1b[31m\r\x08", 1)
    (d / "evil-text.txt").write_text(evil, encoding="utf-8")
    if os.name == "posix":
        with open(os.fsencode(d) + b"/\xff\xfe-gbk-name.txt", "wb") as f:  # a name from another system
            f.write(text.encode("utf-8"))
        os.mkfifo(d / "pipe.txt")
        (d / "loop.txt").symlink_to("loop.txt")
        (d / "dangling.txt").symlink_to(d / "nowhere.txt")
    return d


def _controls(data: bytes, allowed: bytes = b"\n") -> list[int]:
    return [c for c in data if (c < 32 or c == 127) and c not in allowed]


@posix
@pytest.mark.parametrize("fmt", ["text", "rich", "markdown", "csv", "junit", "jsonl", "json", "sarif"])
def test_every_record_survives_and_nothing_reaches_the_terminal_raw(hostile_dir, fmt):
    res = _cli("check", str(hostile_dir), "--format", fmt, "-j", "2")
    assert res.returncode == 2, res.stderr.decode()[-800:]  # the FIFO, loop and dangling link are errors
    out, err = res.stdout, res.stderr
    out.decode("utf-8")  # strict: valid UTF-8, whatever the names
    assert b"\x1b" not in out and b"\x1b" not in err and b"\r" not in err, fmt
    if fmt in ("text", "rich", "markdown"):
        assert not _controls(out), (fmt, _controls(out)[:5])
        text = out.decode()
        flat = text.replace("\n", "").replace("│", "").replace(" ", "")
        assert "\\x1b]0;pwned" in flat  # shown, visibly
        assert "[boldred]红[link=http:x]y" in text.replace("\n", "").replace("│", "").replace(" ", "") \
            or fmt == "markdown"
    for name in ("pipe.txt", "loop.txt", "dangling.txt"):
        assert name.encode() in out or name.encode() in err, (fmt, name)
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.decode().splitlines()]
        assert len(rows) == 8
        raw = [r for r in rows if r.get("path_raw")]
        assert len(raw) == 1 and "\ufffd" in raw[0]["path"] and "\\xff\\xfe" in raw[0]["path_raw"]
        skipped = {Path(r["path"]).name: r["error"] for r in rows if r.get("error")}
        assert set(skipped) == {"pipe.txt", "loop.txt", "dangling.txt"}
        assert "命名管道" in skipped["pipe.txt"] and "循环" in skipped["loop.txt"]
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(out.decode("utf-8-sig"))))
        assert len(rows) == 1 + 8 and len({len(r) for r in rows}) == 1  # a CR in a name splits no row
        for row in rows[1:]:
            for cell in row:
                assert not cell.lstrip().startswith(("=", "+", "@", "\t", "\r")), cell
    if fmt == "junit":
        ET.fromstring(out)  # well-formed XML whatever the names and texts hold


@posix
def test_with_output_every_record_is_written(hostile_dir, tmp_path):
    out = tmp_path / "汇总.csv"
    res = _cli("check", str(hostile_dir), "--format", "csv", "-o", str(out))
    assert res.returncode == 2 and out.is_file()
    assert len(out.read_text(encoding="utf-8-sig").splitlines()) == 1 + 8


def test_rich_markup_in_a_name_is_a_name(tmp_path, capsys):
    weird = tmp_path / "a[" / "b].txt"
    weird.parent.mkdir()
    weird.write_text(LINGSHOU.read_text(encoding="utf-8"), encoding="utf-8")
    marked = tmp_path / "[link=https:evil]点我[bold].txt"
    marked.write_text(LINGSHOU.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["check", str(weird), str(marked), "--format", "rich", "-v"]) == 0
    flat = capsys.readouterr().out.replace("\n", "").replace("│", "").replace(" ", "")
    assert "a[/b].txt" in flat and "[link=https:evil]点我[bold].txt" in flat


def test_a_lone_surrogate_from_the_api_still_gives_json():
    text = LINGSHOU.read_text(encoding="utf-8").replace("灵寿县人民政府", "灵寿县\ud800人民政府")
    card = lawcheck.evaluate(text, title="标题\udfff")
    data = json.loads(card.model_dump_json())
    assert data["document"]["organ"] is None or "\ud800" not in data["document"]["organ"]
    for r in card.results:
        for e in r.evidence:
            assert len(e.text) == e.end - e.start  # one character for one: offsets still hold


def test_markdown_from_a_report_or_a_name_is_literal(tmp_path, capsys):
    original = LINGSHOU.read_text(encoding="utf-8")
    # The injection goes inside a passage the scorecard quotes (right after what matched there).
    ev = lawcheck.evaluate(original).result("enforcement.three_systems").evidence[0]
    at = ev.marks[0][1] if ev.marks else ev.start + 4
    injection = "[点此](javascript:alert(1))**粗体**`code`<b>"
    text = original[:at] + injection + original[at:]
    assert any(injection in e.text for e in lawcheck.evaluate(text).result("enforcement.three_systems").evidence)
    path = tmp_path / "a`b|c.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path), str(LINGSHOU), "--format", "markdown", "-v"]) == 0
    md = capsys.readouterr().out
    assert "[点此](javascript" not in md and "\\[点此\\]" in md
    assert "**粗体**" not in md and "<b>" not in md
    assert "``a`b\\|c.txt``" in md.replace(str(tmp_path) + "/", "")  # a code span longer than any backtick run


def test_a_deep_folder_tree_is_walked_without_recursion(tmp_path):
    top = tmp_path / "deep"
    d = str(top)
    os.mkdir(d)
    levels = [d]
    try:
        try:
            for _ in range(1200):  # made one level at a time: os.makedirs itself recurses
                d += "/d"
                os.mkdir(d)
                levels.append(d)
        except OSError:
            pytest.skip("this file system cannot hold a path that long")
        with open(d + "/r.txt", "w", encoding="utf-8") as f:
            f.write(LINGSHOU.read_text(encoding="utf-8"))
        from lawcheck.inputs import expand

        found = expand([str(top)], ["*.txt"])
        assert len(found) == 1 and found[0].skip is None
    finally:
        # Removed bottom up: shutil.rmtree (and pytest's clean-up of old temporary folders) recurses.
        if os.path.exists(d + "/r.txt"):
            os.unlink(d + "/r.txt")
        for level in reversed(levels):
            os.rmdir(level)


@pytest.mark.skipif(os.name != "posix" or os.getuid() == 0, reason="root reads every folder")
def test_an_unreadable_folder_is_reported(tmp_path):
    (tmp_path / "locked").mkdir()
    (tmp_path / "ok.txt").write_text(LINGSHOU.read_text(encoding="utf-8"), encoding="utf-8")
    os.chmod(tmp_path / "locked", 0)
    try:
        from lawcheck.inputs import expand

        found = expand([str(tmp_path)], ["*.txt"])
        assert any(s.skip and "locked" in s.name for s in found)
    finally:
        os.chmod(tmp_path / "locked", 0o700)


def test_sarif_uris_are_encoded_and_json_escapes_what_terminals_act_on(tmp_path, capsys):
    import json as _json

    path = tmp_path / "a#1 b.txt"
    path.write_text(LINGSHOU.read_text(encoding="utf-8"), encoding="utf-8")
    main(["check", str(path), "--format", "sarif"])
    out = capsys.readouterr().out
    uris = [loc["physicalLocation"]["artifactLocation"]["uri"] for run in _json.loads(out)["runs"]
            for res in run["results"] for loc in res["locations"]]
    assert uris and all(u.endswith("a%231%20b.txt") for u in uris)
    # A name with a bidirectional override and a C1 code: valid JSON either way, but escaped, so that a
    # terminal or an editor showing the JSON does not reorder or act on it.
    odd = tmp_path / "报告\u202e\u009b.txt"
    odd.write_text(LINGSHOU.read_text(encoding="utf-8"), encoding="utf-8")
    for fmt in ("json", "jsonl", "sarif"):
        main(["check", str(odd), str(path), "--format", fmt])
        out = capsys.readouterr().out
        assert "\u202e" not in out and "\u009b" not in out, fmt
        assert ("%E2%80%AE" if fmt == "sarif" else "\\u202e") in out, fmt  # in a URI: percent-encoded
        for doc in (out.splitlines() if fmt == "jsonl" else [out]):
            _json.loads(doc)


# --- lawcheck's generator mark: it leaves out only pages this user's lawcheck wrote ---------------------

def _page(report: str, mark: bool) -> str:
    head = '<meta name="generator" content="lawcheck">' if mark else ""
    return (f"<html><head>{head}<title>灵寿县法治政府建设报告</title></head><body><p>"
            + report.replace("\n", "</p><p>") + "</p></body></html>")


def test_a_report_page_carrying_the_generator_mark_cannot_hide_from_a_batch(tmp_path, capsys):
    import json

    report = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "forged.html").write_text(_page(report, mark=True), encoding="utf-8")
    main(["check", str(folder / "forged.html"), "--format", "html", "-o", str(folder / "ours.html"), "-q"])
    ours = folder / "ours.html"
    capsys.readouterr()
    main(["check", str(folder), "--format", "jsonl"])
    rows = {json.loads(line)["path"]: json.loads(line) for line in capsys.readouterr().out.splitlines()}
    assert str(ours) not in rows  # lawcheck's own page, recorded when it was written
    forged = rows[str(folder / "forged.html")]  # in the batch, with the reason, not silently left out
    assert "生成标记" in forged["error"] and "直接指定" in forged["error"]
    # Named on the command line it is checked as what it is.
    card = json.loads(_run_json(folder / "forged.html"))
    assert card["score"] > 50
    # lawcheck's page edited afterwards is no longer provably lawcheck's: shown, not hidden.
    ours.write_text(ours.read_text(encoding="utf-8").replace("</body>", "<p>追加</p></body>"), encoding="utf-8")
    main(["check", str(folder), "--format", "jsonl"])
    paths = [json.loads(line)["path"] for line in capsys.readouterr().out.splitlines()]
    assert str(ours) in paths


def test_a_page_with_a_forged_mark_in_a_reused_output_folder_is_never_deleted(tmp_path, capsys):
    report = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
    pages = tmp_path / "pages"
    assert main(["check", str(FIXTURES / "001_lingshou_2021.txt"), str(FIXTURES / "002_yixing_2020.txt"),
                 "--format", "html", "-o", str(pages), "-q"]) == 0
    forged = pages / "别人的报告.html"
    forged.write_text(_page(report, mark=True), encoding="utf-8")
    main(["check", str(FIXTURES / "002_yixing_2020.txt"), str(FIXTURES / "004_hetang_2024.txt"),
          "--format", "html", "-o", str(pages), "-q"])
    assert forged.read_text(encoding="utf-8") == _page(report, mark=True)
    assert not any("lingshou" in p.name for p in pages.iterdir())  # lawcheck's own stale page is removed


def _run_json(path) -> str:
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        main(["check", str(path), "--format", "json", "-q"])
    return buf.getvalue()


def test_standard_input_s_name_in_a_csv_is_a_plain_dash_and_a_formula_still_is_not(tmp_path, monkeypatch, capsys):
    """Found in review: the formula guard turned standard input's "-" into "'-"; a name starting with "-"
    and more (-1+1) is still neutralised."""
    from lawcheck.cli import main

    text = (ROOT / "fixtures" / "000-5.txt").read_text(encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))
    main(["check", "-", "--format", "csv", "--fail-on", "never"])
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    assert rows[1][0] == "-"
    (tmp_path / "-1+1.txt").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", ".", "--format", "csv", "--fail-on", "never"])
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    (name,) = [r[0] for r in rows[1:]]
    assert name.endswith("-1+1.txt") and not name.startswith(("=", "+", "-", "@"))


@pytest.mark.parametrize("lead", ["\u00a0", "\u3000", "\u2003", "\u200b", "\ufeff"])
def test_a_formula_behind_any_blank_is_neutralised_in_a_csv(tmp_path, monkeypatch, capsys, lead):
    """Only U+0020 and U+3000 were stripped before the formula test: " =1+1.txt" with a no-break space first
    reached the sheet as a formula (found by an attack review)."""
    from lawcheck.cli import main

    text = (ROOT / "fixtures" / "000-5.txt").read_text(encoding="utf-8")
    (tmp_path / f"{lead}=1+1.txt").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", f"{lead}=1+1.txt", "--format", "csv", "--fail-on", "never"])
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    (name,) = [r[0] for r in rows[1:]]
    assert name.startswith("'") and name.endswith("=1+1.txt"), repr(name)


def test_a_right_to_left_override_in_a_report_is_shown_not_obeyed_in_html(tmp_path, monkeypatch):
    """U+202E reorders what a page shows; every other format showed it as an escape, the HTML page wrote it raw
    (found by an attack review)."""
    from lawcheck.cli import main

    text = (ROOT / "fixtures" / "000-5.txt").read_text(encoding="utf-8").replace("。", "。\u202e", 1)
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "r.txt", "--format", "html", "-o", "r.html"]) in (0, 1)
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "\u202e" not in page and "\\u202e" in page
