"""Defects found by review 18 (the regex cache, the paused collector, streamed formats, the batch's warm-up)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import FIXTURES, ROOT

LINGSHOU = FIXTURES / "001_lingshou_2021.txt"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COV_CORE")}
    env.update(extra)
    return env


def test_a_broken_optional_library_costs_its_files_not_the_batch(tmp_path):
    """A library that fails on import with something other than ImportError (a native build that will not
    load) made the batch's warm-up (readers.preload, before forking) end the whole run with an internal error;
    one such file alone gets an error record.  Found by planting a trafilatura that raises RuntimeError."""
    fake = tmp_path / "fake"
    fake.mkdir()
    (fake / "trafilatura.py").write_text('raise RuntimeError("broken build")\n', encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(LINGSHOU.read_bytes())
    (tmp_path / "b.html").write_text("<html><body><p>某县人民政府2023年法治政府建设年度报告</p></body></html>",
                                     encoding="utf-8")
    env = _env(PYTHONPATH=os.pathsep.join([str(fake), str(ROOT)]))
    out = subprocess.run([sys.executable, "-m", "lawcheck", "check", "a.txt", "b.html", "--format", "jsonl"],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["path"] for r in rows] == ["a.txt", "b.html"], out.stderr
    assert "error" not in rows[0] and "broken build" in rows[1]["error"]



@pytest.mark.parametrize("fmt", ["sarif", "junit", "csv", "json"])
def test_a_single_streamed_input_stopped_mid_check_leaves_no_half_document(capsys, monkeypatch, fmt):
    """Ctrl-C (or SIGTERM) during the check of one input ends the run at once; the streamed formats had
    already written their header to stdout (SARIF's log up to its results, JUnit's root): a CI step got a
    truncated document.  Found by killing `check big.txt --format sarif` a second in.  The header is now
    written with the first record."""
    from lawcheck import batch
    from lawcheck.cli import main

    def interrupted(*_a, **_k):
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "check_source", interrupted)
    assert main(["check", str(LINGSHOU), "--format", fmt]) == 130
    assert capsys.readouterr().out == ""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork")
def test_a_worker_forked_during_another_threads_check_collects_again():
    """`lawcheck serve` checks a paste in a thread and forks a worker for a file: forked while the paste's check
    had the collector paused, the worker inherited the count of one, its own check brought it back to one, not
    zero, and the collector stayed off in the worker (its reading of the file included).  Found in review of
    engine.collector_paused."""
    import gc
    import threading

    import lawcheck
    from lawcheck.engine import collector_paused

    lawcheck.evaluate("某县人民政府2023年法治政府建设年度报告\n一、主要举措\n")  # imports done before the fork
    inside, leave = threading.Event(), threading.Event()

    def checking():
        with collector_paused():
            inside.set()
            leave.wait(30)

    th = threading.Thread(target=checking)
    th.start()
    inside.wait(30)
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker: a check of its own, then is the collector on?
        try:
            lawcheck.evaluate("某县人民政府2023年法治政府建设年度报告\n一、主要举措\n")
            os.write(w, b"1" if gc.isenabled() else b"0")
        finally:
            os._exit(0)
    os.close(w)
    try:
        answer = os.read(r, 1)
    finally:
        os.waitpid(pid, 0)
        leave.set()
        th.join()
    assert answer == b"1"
    assert gc.isenabled()


def _main(capsys, monkeypatch, tmp_path, *args):
    from lawcheck.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LAWCHECK_LANG", raising=False)
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_two_inputs_of_one_name_each_get_their_file_in_a_folder(capsys, monkeypatch, tmp_path, fmt):
    """An undecodable name beside a real U+FFFD one is two inputs with one display name.  The folder written as
    checked named the files by that name, so the second input's file took the first's place: one Word copy of
    two, silently (the folder made at once named them by place: 0001-…, 0003-…).  Found in review by `check - a.txt
    - --format docx -o out` (standard input given twice is now one input)."""
    import os

    (tmp_path / "a.txt").write_bytes((FIXTURES / "000-1.txt").read_bytes())
    try:
        (tmp_path / os.fsdecode(b"r\xff.txt")).write_bytes(LINGSHOU.read_bytes())
    except (OSError, UnicodeError):
        pytest.skip("this file system keeps no undecodable names")
    (tmp_path / "r\ufffd.txt").write_bytes(LINGSHOU.read_bytes())
    code, _, err = _main(capsys, monkeypatch, tmp_path, "check", os.fsdecode(b"r\xff.txt"), "a.txt", "r\ufffd.txt",
                         "--format", fmt, "-j", "1", "-o", "out/")
    assert code in (0, 1), err
    made = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert [n[:4] for n in made if n != "index.html"] == ["0001", "0002", "0003"], made
    assert "已删除" not in err  # none of this run's files is taken for a stale one


def test_an_index_html_among_the_inputs_is_refused_before_any_page_is_written(capsys, monkeypatch, tmp_path):
    """`check a.txt b.txt index.html --format html -o .`: the folder's index would replace an input.  The folder
    made at once refused before checking anything; written as checked, it checked every input and wrote every
    page, and only then refused the index (a folder of pages with no index, or an earlier run's).  Found in
    review."""
    (tmp_path / "a.txt").write_bytes((FIXTURES / "000-1.txt").read_bytes())
    (tmp_path / "b.txt").write_bytes((FIXTURES / "000-2.txt").read_bytes())
    (tmp_path / "index.html").write_text("<html><body><h1>某县人民政府2023年法治政府建设年度报告</h1></body></html>",
                                         encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    code, _, err = _main(capsys, monkeypatch, tmp_path, "check", "a.txt", "b.txt", "index.html", "--format", "html",
                         "-j", "1", "-o", ".")
    assert code == 2 and "index.html" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_a_page_that_cannot_be_written_is_named_and_leaves_no_temporary_file(capsys, monkeypatch, tmp_path, fmt):
    """A folder written as checked that cannot write one report's file (here a folder stands where the page goes;
    a full disk alike): the error named the output folder ("cannot write "out": is a folder"), not the file, and
    the file's temporary copy (.0002-b.html.xxxx.tmp) stayed in the folder.  Found in review."""
    for name, fixture in (("a.txt", "000-1.txt"), ("b.txt", "000-2.txt"), ("c.txt", "000-3.txt")):
        (tmp_path / name).write_bytes((FIXTURES / fixture).read_bytes())
    page = "0002-b.html" if fmt == "html" else "0002-b-审查意见.docx"
    (tmp_path / "out" / page).mkdir(parents=True)
    code, _, err = _main(capsys, monkeypatch, tmp_path, "check", "a.txt", "b.txt", "c.txt", "--format", fmt,
                         "-j", "1", "-o", "out")
    assert code == 2
    assert page in err.strip().splitlines()[-1], err
    assert not [p.name for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")]


def test_a_full_temporary_folder_is_said_as_such_not_as_the_output(capsys, monkeypatch, tmp_path):
    """Markdown over several inputs holds the reports' parts in a spooled temporary file (on disk past
    SPOOL_IN_MEMORY, in the temporary folder).  When that folder could not take it, the error said the output
    could not be written ("cannot write "-": no space left"), though standard output or the -o file's disk was
    fine.  Found in review with TMPDIR on a full disk."""
    import errno
    import tempfile

    class Full:
        def __init__(self, *a, **k):
            pass

        def write(self, text):
            raise OSError(errno.ENOSPC, "No space left on device")

        def close(self):
            pass

    monkeypatch.setattr(tempfile, "SpooledTemporaryFile", Full)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmpdir"))
    code, out, err = _main(capsys, monkeypatch, tmp_path, "check", str(FIXTURES / "000-1.txt"),
                           str(FIXTURES / "000-2.txt"), "--format", "markdown", "-j", "1")
    assert code == 2 and out == ""
    last = err.strip().splitlines()[-1]
    assert "临时" in last and str(tmp_path / "tmpdir") in last and "“-”" not in last, err


def test_a_run_that_stops_midway_leaves_no_earlier_runs_index_over_its_pages(capsys, monkeypatch, tmp_path):
    """A folder written as checked replaces an earlier run's pages one by one.  A run that stops before its index
    (a second Ctrl-C, kill, a full disk, a page that cannot be written) left the earlier run's index.html, which
    then ranked the earlier scores over this run's pages.  The folder made at once touched nothing until the end.
    Found in review by pressing Ctrl-C twice over a folder of an earlier run."""
    for name, fixture in (("a.txt", "000-1.txt"), ("b.txt", "000-2.txt"), ("c.txt", "000-3.txt")):
        (tmp_path / name).write_bytes((FIXTURES / fixture).read_bytes())
    args = ("check", "a.txt", "b.txt", "c.txt", "--format", "html", "-j", "1", "-o", "out")
    assert _main(capsys, monkeypatch, tmp_path, *args)[0] in (0, 1)
    assert (tmp_path / "out" / "index.html").is_file()
    (tmp_path / "a.txt").write_bytes((FIXTURES / "000-4.txt").read_bytes())  # a report edited since
    (tmp_path / "out" / "0002-b.html").unlink()
    (tmp_path / "out" / "0002-b.html").mkdir()  # this run stops at its second page
    code, _, err = _main(capsys, monkeypatch, tmp_path, *args)
    assert code == 2 and "0002-b.html" in err
    assert not (tmp_path / "out" / "index.html").exists()
