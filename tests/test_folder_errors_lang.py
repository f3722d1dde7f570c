"""What the folder walk could not take is said in the reader's language (an attacker's review: with
--lang en a dangling link was still reported in Chinese)."""

from __future__ import annotations

import json
import os

import pytest

from lawcheck.cli import main
from tests.conftest import FIXTURES


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
@pytest.mark.parametrize(("lang", "words"), [("en", "does not exist"), ("zh", "不存在")])
def test_a_dangling_link_is_reported_in_the_readers_language(tmp_path, capsys, lang, words):
    (tmp_path / "report.txt").write_text((FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    main(["check", str(tmp_path), "--format", "jsonl", "--lang", lang])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    errors = [r["error"] for r in rows if r.get("error")]
    assert errors and all(words in e for e in errors), errors


# `compare` over a folder said nothing on standard error of a file it could not read: with the table sent to a
# file, exit 2 came without a word of why (found by an attack review).
@pytest.mark.parametrize(("lang", "words", "fmt"), [("zh", "文件为空", "csv"), ("en", "empty", "text"),
                                                    ("zh", "文件为空", "json")])
def test_compare_names_each_unreadable_file_on_stderr(tmp_path, capsys, lang, words, fmt):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("001_lingshou_2021.txt", "003_changsheng_2020.txt"):
        (folder / name).write_bytes((FIXTURES / name).read_bytes())
    (folder / "坏.txt").write_bytes(b"")
    assert main(["compare", str(folder), "--format", fmt, "-o", str(tmp_path / "out"), "--lang", lang]) == 2
    err = [line for line in capsys.readouterr().err.splitlines() if "坏.txt" in line]
    assert len(err) == 1 and words in err[0], err
