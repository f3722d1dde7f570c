"""The command line as a reviewer, a newcomer and an attacker use it (an attack review, 2026-12-01): a folder's
files in no format lawcheck reads are named, never dropped in silence; lawcheck's own summary in the folder it
checks is not checked on the next run; range figures in the CSV are not dates to a spreadsheet; a scan with no
text meets no gate; locked and mislabelled files get their own reason; a full disk is one line; a Word copy
checked again keeps one set of comments."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lawcheck.cli import main
from tests.conftest import FIXTURES, ROOT

LINGSHOU = FIXTURES / "001_lingshou_2021.txt"
YIXING = FIXTURES / "002_yixing_2020.txt"
CHANGSHENG = FIXTURES / "003_changsheng_2020.txt"


def run(*args: str, stdout=subprocess.PIPE, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "lawcheck", *args], stdout=stdout, stderr=subprocess.PIPE,
                          env=env, cwd=cwd, timeout=300)


def _word(path: Path, source: Path) -> None:
    import docx

    d = docx.Document()
    for line in source.read_text(encoding="utf-8").splitlines():
        d.add_paragraph(line)
    d.save(str(path))


def _macro_enabled(path: Path) -> None:
    """Make a saved .docx the .docm Word writes: its main part declared macro-enabled."""
    import zipfile

    data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as w:
        for info in z.infolist():
            body = z.read(info.filename)
            if info.filename == "[Content_Types].xml":
                body = body.replace(b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                                    b"application/vnd.ms-word.document.macroEnabled.main+xml")
                assert b"macroEnabled" in body
            w.writestr(info, body)


def test_a_folders_files_in_no_readable_format_are_named(tmp_path, capsys):
    folder = tmp_path / "报告"
    folder.mkdir()
    shutil.copy(LINGSHOU, folder / "A县.txt")
    shutil.copy(YIXING, folder / "B县")  # no suffix
    _word(folder / "C县.docm", CHANGSHENG)  # a Word file with macros: read as the .docx it is
    _macro_enabled(folder / "C县.docm")
    (folder / "linked").symlink_to(FIXTURES)  # a link to a folder: not followed, and no file to name
    (folder / "A县.txt:Zone.Identifier").write_text("[ZoneTransfer]\nZoneId=3\n", encoding="utf-8")
    (folder / "D县扫描件.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 64)
    (folder / "~$A县.docx").write_bytes(b"\0" * 162)  # Word's lock file beside an open document
    (folder / "Thumbs.db").write_bytes(b"\0" * 16)
    code = main(["check", str(folder), "--format", "csv", "--fail-on", "never"])
    out, err = capsys.readouterr()
    rows = out.splitlines()[1:]
    assert [r.split(",")[0].rsplit("/", 1)[-1] for r in rows] == ["A县.txt", "C县.docm"]
    skipped = [line for line in err.splitlines() if "不是可读格式" in line]
    assert len(skipped) == 1 and "B县" in skipped[0] and "D县扫描件.jpg" in skipped[0]
    assert "~$" not in err and "Thumbs.db" not in err and "linked" not in err and "Zone.Identifier" not in err
    assert code == 0


def test_a_chosen_glob_leaves_out_on_purpose(tmp_path, capsys):
    folder = tmp_path / "报告"
    folder.mkdir()
    shutil.copy(LINGSHOU, folder / "A县.txt")
    (folder / "说明.xlsx").write_bytes(b"PK\x03\x04")
    main(["check", str(folder), "--glob", "*.txt", "--fail-on", "never"])
    assert "不是可读格式" not in capsys.readouterr().err


def test_lawchecks_own_summary_in_the_folder_is_not_checked_next_time(tmp_path):
    folder = tmp_path / "报告"
    folder.mkdir()
    shutil.copy(LINGSHOU, folder / "A县.txt")
    shutil.copy(YIXING, folder / "B县.txt")
    first = run("check", str(folder), "-o", str(folder / "汇总.txt"))
    assert first.returncode == 0
    gate = run("check", str(folder), "--min-score", "60", "--quiet")
    assert gate.returncode == 0, gate.stdout.decode()
    assert "汇总.txt" in gate.stderr.decode() and "lawcheck 写出的文件" in gate.stderr.decode()
    again = run("check", str(folder), "-o", str(folder / "汇总.txt"))
    assert again.returncode == 0, again.stderr.decode()
    # Standard output sent to a file in the folder: not read as an input, by this run or the next.
    with open(folder / "结果.jsonl", "wb") as f:
        piped = run("check", str(folder), "--format", "jsonl", "-j", "1", stdout=f)
    assert piped.returncode == 0, piped.stderr.decode()
    assert len((folder / "结果.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    with open(folder / "结果.txt", "wb") as f:
        assert run("check", str(folder), stdout=f).returncode == 0
    later = run("check", str(folder), "--format", "jsonl", "-j", "1")
    assert later.returncode == 0
    assert len(later.stdout.decode().splitlines()) == 2
    # The inputs are as they were.
    assert (folder / "A县.txt").read_bytes() == LINGSHOU.read_bytes()


def test_a_summary_edited_by_hand_is_a_file_like_any(tmp_path):
    folder = tmp_path / "报告"
    folder.mkdir()
    shutil.copy(LINGSHOU, folder / "A县.txt")
    assert run("check", str(folder), "-o", str(folder / "汇总.txt")).returncode == 0
    with open(folder / "汇总.txt", "a", encoding="utf-8") as f:
        f.write("（审阅人补充）\n")
    later = run("check", str(folder), "--format", "jsonl", "-j", "1")
    assert len(later.stdout.decode().splitlines()) == 2  # no longer lawcheck's bytes: checked, and said so


def test_a_range_in_the_csv_is_no_date(tmp_path, capsys):
    text = LINGSHOU.read_text(encoding="utf-8").replace("共收行政复议案件11件", "共收行政复议案件10至12件")
    assert "10至12件" in text
    path = tmp_path / "range.txt"
    path.write_text(text, encoding="utf-8")
    main(["check", str(path), "--format", "csv"])
    out = capsys.readouterr().out
    # the cell a bare number (its low end), the range said in 关键数据说明
    assert ",10," in out and "行政复议收案数：10至12" in out
    assert "10-12" not in out


def test_a_scan_without_text_meets_no_gate(tmp_path):
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "扫描件.pdf"
    c = canvas.Canvas(str(pdf))
    c.rect(50, 50, 400, 600, fill=1)  # a picture, no text
    c.save()
    for extra in ([], ["--fail-on", "never"], ["--min-score", "0"]):
        assert main(["check", str(pdf), "--quiet", *extra]) == 1, extra


def test_a_password_protected_pdf_is_said_to_be_one(tmp_path, capsys):
    import pypdf
    from reportlab.pdfgen import canvas

    plain = tmp_path / "p.pdf"
    c = canvas.Canvas(str(plain))
    c.drawString(50, 800, "x")
    c.save()
    w = pypdf.PdfWriter(clone_from=str(plain))
    w.encrypt("secret")
    w.write(str(tmp_path / "加密.pdf"))
    assert main(["check", str(tmp_path / "加密.pdf"), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "加密.pdf" in err and "受密码保护" in err and len(err.strip().splitlines()) == 1


def test_a_password_protected_word_file_is_said_to_be_one(tmp_path, capsys):
    # A .docx with a password is an OLE container holding an "EncryptedPackage" stream.
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 512
    (tmp_path / "加密.docx").write_bytes(data)
    assert main(["check", str(tmp_path / "加密.docx"), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "受密码保护" in err and "旧版" not in err


PAGE = ("<html><body>" + "".join(f"<p>{ln}</p>" for ln in LINGSHOU.read_text(encoding="utf-8").splitlines())
        + "</body></html>").encode("utf-8")


@pytest.mark.parametrize("content, expect", [
    (LINGSHOU.read_bytes(), "得分"),  # plain text saved as .doc
    (PAGE, "得分"),  # a web page saved as .doc
    (b"{\\rtf1\\ansi report}", "RTF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024, "旧版文件格式"),  # a real legacy Word file
])
def test_a_doc_is_read_as_what_its_bytes_are(tmp_path, capsys, content, expect):
    path = tmp_path / "报告.doc"
    path.write_bytes(content)
    main(["check", str(path), "--fail-on", "never"])
    out, err = capsys.readouterr()
    assert expect in out + err


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [
    ["check", str(LINGSHOU), "--format", "html"],
    ["check", str(LINGSHOU), "--format", "docx"],
    ["check", str(LINGSHOU), "--format", "json"],
    ["rules"],
    ["explain", "enforcement.three_systems"],
    ["compare", str(CHANGSHENG), str(ROOT / "tests" / "data" / "history" / "changsheng.this.txt")],
])
def test_a_full_disk_is_one_line(args):
    with open("/dev/full", "wb") as full:
        done = run(*args, stdout=full)
    err = done.stderr.decode()
    assert done.returncode == 2
    assert err.count("\n") == 1 and "无法写入" in err and "内部错误" not in err, err


def test_a_commented_copy_checked_again_keeps_one_set_of_comments(tmp_path):
    import docx

    source = tmp_path / "长胜.docx"
    _word(source, CHANGSHENG)
    once, twice = tmp_path / "once.docx", tmp_path / "twice.docx"
    assert main(["check", str(source), "--format", "docx", "-o", str(once), "--quiet", "--fail-on", "never"]) == 0
    assert main(["check", str(once), "--format", "docx", "-o", str(twice), "--quiet", "--fail-on", "never"]) == 0

    def comments(path: Path) -> list[str]:
        d = docx.Document(str(path))
        return sorted(c.text for c in d.comments)

    assert comments(once) and comments(twice) == comments(once)
    def paragraphs(path: Path) -> list[str]:
        return [p.text for p in docx.Document(str(path)).paragraphs]

    assert paragraphs(twice) == paragraphs(source)


def test_pages_and_word_copies_sent_to_standard_output_are_left_out_next_time(tmp_path):
    folder = tmp_path / "报告"
    folder.mkdir()
    shutil.copy(LINGSHOU, folder / "A县.txt")
    with open(folder / "页面.html", "wb") as f:
        assert run("check", str(folder / "A县.txt"), "--format", "html", stdout=f).returncode == 0
    with open(folder / "批注.docx", "wb") as f:
        assert run("check", str(folder / "A县.txt"), "--format", "docx", stdout=f).returncode == 0
    with open(folder / "结果.txt", "wb") as f:  # standard error into the same file
        assert subprocess.run([sys.executable, "-m", "lawcheck", "check", str(folder)], stdout=f,
                              stderr=subprocess.STDOUT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                              timeout=300).returncode == 0
    later = run("check", str(folder), "--format", "jsonl", "-j", "1")
    assert later.returncode == 0, later.stderr.decode()
    assert len(later.stdout.decode().splitlines()) == 1


def test_the_gate_line_is_said_whenever_the_gate_falls_short(tmp_path, capsys):
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "扫描件.pdf"
    c = canvas.Canvas(str(pdf))
    c.rect(50, 50, 400, 600, fill=1)
    c.save()
    assert main(["check", str(pdf), "--fail-on", "never", "--format", "markdown"]) == 1
    # why it falls short is said: since 2026-12-02 a scan is one line with its reason, as any text that cannot be judged
    assert "没有文字层（可能是扫描件），无法判断" in capsys.readouterr().out


def test_a_welcome_banner_is_no_clock_over_a_labelled_date():
    import lawcheck

    text = LINGSHOU.read_text(encoding="utf-8").replace("您当前位置:政务公开 >> 政府文件 >> 文章阅读", "欢迎访问灵寿县政府网")
    text = text.replace("灵寿县人民政府\n关于2021年度", "灵寿县人民政府关于2021年度", 1)
    assert str(lawcheck.evaluate(text).document.published_date) == "2022-01-20"
