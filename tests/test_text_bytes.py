"""Text files as converters leave them: UTF-16 without its byte-order mark is read (in either byte order);
a NUL anywhere in the text is a damaged file, named with its position (not only in the first 4 KB); the
wrong --encoding given by hand is an error, not mojibake scored as a report; and a closed pipe never
turns a failed gate into exit 0.  Found by an attack review."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lawcheck.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TEXT = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")


def _card(tmp_path: Path, data: bytes, *args: str, capsys) -> tuple[int, str, str]:
    f = tmp_path / "报告.txt"
    f.write_bytes(data)
    rc = main(["check", str(f), "--format", "json", *args])
    out, err = capsys.readouterr()
    return rc, out, err


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(tmp_path, capsys, encoding):
    rc, out, err = _card(tmp_path, TEXT.encode(encoding), capsys=capsys)
    rc8, out8, _ = _card(tmp_path, TEXT.encode("utf-8"), capsys=capsys)
    assert err == "" and rc == rc8
    assert out == out8  # the same text, the same scorecard


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("mark", [b"", b"bom"])
def test_a_cut_off_utf16_file_is_said_to_be_cut_off(tmp_path, capsys, encoding, mark):
    """An odd number of bytes, with or without the mark: a damaged UTF-16 file (its last byte named), where
    without the mark it was called a binary file."""
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding] if mark else b""
    data = bom + TEXT.encode(encoding)[:-1]
    rc, _out, err = _card(tmp_path, data, capsys=capsys)
    assert rc == 2 and err.count("\n") == 1 and "二进制" not in err
    assert f"按 {encoding} 编码无法解码" in err and f"第{len(data) - len(bom)}个字节" in err and "报告.txt" in err


def test_binary_data_with_nuls_is_still_binary(tmp_path, capsys):
    rc, _out, err = _card(tmp_path, bytes(range(256)) * 20, capsys=capsys)
    assert rc == 2 and "二进制" in err and "报告.txt" in err


@pytest.mark.parametrize("at", [10, 3000, 5000])
def test_a_nul_anywhere_is_a_damaged_file(tmp_path, capsys, at):
    rc, _out, err = _card(tmp_path, (TEXT[:at] + "\x00" + TEXT[at:]).encode("utf-8"), capsys=capsys)
    assert rc == 2 and err.count("\n") == 1
    assert "报告.txt" in err and ("空字符" in err or "二进制" in err)
    if at > 4096 // 3:  # beyond the first bytes sniffed for binaries: the position is named
        assert f"第{at + 1}个字符" in err


def test_the_wrong_encoding_by_hand_is_an_error(tmp_path, capsys):
    rc, _out, err = _card(tmp_path, TEXT.encode("utf-8"), "--encoding", "utf-16", capsys=capsys)
    assert rc == 2 and "utf-16" in err and "编码可能不对" in err
    rc, _out, err = _card(tmp_path, TEXT.encode("utf-8"), "--encoding", "utf-16", "--lang", "en", capsys=capsys)
    assert rc == 2 and "encoding is probably wrong" in err
    # The right one by hand still reads.
    rc, out, err = _card(tmp_path, TEXT.encode("gb18030"), "--encoding", "gb18030", capsys=capsys)
    assert rc in (0, 1) and err == "" and '"score"' in out


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_closed_pipe_never_passes_the_gate(tmp_path, fmt):
    """stdout and stderr both to a reader that closed at once: the gate's result was never told, so the exit
    is not 0 (it was: the error about the closed output raised again on the closed stderr)."""
    f = tmp_path / "短.txt"
    f.write_text("一、主要举措和成效\n全年办理行政复议案件12件。\n", encoding="utf-8")
    r, w = os.pipe()
    os.close(r)  # the reader is gone before anything is written
    proc = subprocess.run([sys.executable, "-m", "lawcheck", "check", str(f), "--min-score", "90", "--format", fmt],
                          stdout=w, stderr=w, timeout=120)
    os.close(w)
    assert proc.returncode == 2


@pytest.mark.parametrize("redirect", ["2>&-", ">&-"])
def test_a_stream_closed_before_the_start(tmp_path, redirect):
    """stderr closed: the batch runs and nothing but the results reaches stdout (an internal error was
    printed into stdout); stdout closed: the output cannot be written (exit 2), not an internal error."""
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    (tmp_path / "坏.txt").write_bytes(b"\x00" * 100)
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(["bash", "-c", f'"$0" -m lawcheck check "$1" --format jsonl --no-progress > "$2" {redirect}',
                           sys.executable, str(tmp_path), str(out) if redirect != ">&-" else "/dev/null"],
                          capture_output=redirect == ">&-", timeout=300)
    if redirect == "2>&-":
        lines = out.read_text(encoding="utf-8").splitlines()
        assert proc.returncode == 2  # an input could not be read; the others are reported
        assert len(lines) == 3 and all(line.startswith("{") for line in lines)
    else:
        assert proc.returncode == 2 and b"Traceback" not in proc.stderr and "内部错误" not in proc.stderr.decode()
