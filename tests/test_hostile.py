"""Hostile and broken input: every input reported, nothing crashes, hangs, runs or is lost."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lawcheck
import lawcheck.packs
from lawcheck import batch
from lawcheck.errors import InputError, LawcheckError
from lawcheck.inputs import expand
from lawcheck.limits import Limits
from lawcheck.readers import read_document
from tests.conftest import FIXTURES, ROOT

BROKEN = ROOT / "tests" / "data" / "broken"
LINGSHOU = FIXTURES / "001_lingshou_2021.txt"
REAL = LINGSHOU.read_text(encoding="utf-8")
_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _cli(*args: str, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lawcheck", *args], capture_output=True, text=True,
                          env=env, cwd=cwd or ROOT, timeout=600)


def _docx(paragraphs: list[str]) -> bytes:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _zip_bomb(path: Path, unpacked: int) -> None:
    """A .docx whose document.xml inflates to ``unpacked`` bytes of zeros from a few hundred KB."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            chunk = b"\0" * (1 << 20)
            for _ in range(unpacked >> 20):
                f.write(chunk)


# ----------------------------------------------------------------------------- the broken-files batch


def test_a_batch_of_broken_files_reports_every_one_and_never_crashes(tmp_path):
    folder = tmp_path / "inbox"
    shutil.copytree(BROKEN, folder, ignore=shutil.ignore_patterns("_make.py", "README.md"))
    shutil.copy(LINGSHOU, folder / "0-good.txt")
    shutil.copy(LINGSHOU, folder / "z-good.txt")
    _zip_bomb(folder / "bomb.docx", 210 << 20)  # past the default 200 MB unpacked limit
    (folder / "empty.txt").write_bytes(b"")
    (folder / "one-line.txt").write_text(REAL.replace("\n", "")[:2000] * 2600, encoding="utf-8")  # ~5 MB, no newline
    res = _cli("check", str(folder), "--format", "jsonl", "-j", "2")
    assert res.returncode == 2, res.stderr  # some inputs could not be read
    assert "Traceback" not in res.stderr
    records = [json.loads(line) for line in res.stdout.splitlines()]
    expected = [s.name for s in expand([str(folder)], ["*.txt", "*.docx", "*.pdf", "*.html"])]
    assert [r["path"] for r in records] == expected  # every input, in order, once
    by_name = {Path(r["path"]).name: r for r in records}
    for name, r in by_name.items():
        if "error" in r:
            assert r["error"] and "internal error" not in r["error"], (name, r["error"])
            assert f"{r['path']}: {r['error']}" in res.stderr  # also said on standard error
        else:
                # A file that cannot be judged or is not a report has no score; a report is scored 0–100.
                assert (r["score"] is None and r["document"]["kind"] == "other") or 0 <= r["score"] <= 100, name
    assert "解压后过大" in by_name["bomb.docx"]["error"]
    assert "空" in by_name["empty.txt"]["error"] and "二进制" in by_name["nul.txt"]["error"]
    assert by_name["0-good.txt"]["score"] == by_name["z-good.txt"]["score"] > 80
    # The same 2,000 characters 2,600 times on one line: checked (no error), and told for what it is.
    assert "error" not in by_name["one-line.txt"]
    assert by_name["one-line.txt"]["document"]["other_kind"] == "repeated_text"


def test_limits_each_make_one_clear_error_and_the_batch_goes_on(tmp_path):
    from pypdf import PdfWriter

    (tmp_path / "big.txt").write_text(REAL * 3, encoding="utf-8")
    members = tmp_path / "many.docx"
    with zipfile.ZipFile(members, "w") as z:
        for i in range(30):
            z.writestr(f"word/media/{i}.bin", b"x")
    w = PdfWriter()
    for _ in range(5):
        w.add_blank_page(595, 842)
    with open(tmp_path / "pages.pdf", "wb") as f:
        w.write(f)
    shutil.copy(LINGSHOU, tmp_path / "good.txt")
    cases = [
        (["--max-bytes", "20000"], "big.txt", "文件过大"),
        (["--max-zip-members", "10"], "many.docx", "压缩包内文件过多"),
        (["--max-pages", "3"], "pages.pdf", "PDF 页数过多"),
        (["--max-chars", "1000"], "good.txt", "提取的文字过长"),
    ]
    for flags, victim, words in cases:
        res = _cli("check", str(tmp_path / victim), str(LINGSHOU), "--format", "jsonl", *flags)
        records = [json.loads(line) for line in res.stdout.splitlines()]
        assert res.returncode == 2 and len(records) == 2, (flags, res.stderr)
        assert words in records[0]["error"] and "--" in records[0]["error"], records[0]
        if victim != "good.txt":
            assert records[1]["score"] > 80  # the other input is still checked
    # The same limits in English, and a bomb caught by a lower unpacked limit from its header alone.
    _zip_bomb(tmp_path / "small-bomb.docx", 20 << 20)
    res = _cli("check", str(tmp_path / "small-bomb.docx"), "--max-unzipped-bytes", "1000000", "--lang", "en",
               "--format", "json")
    assert res.returncode == 2 and "zip bomb" in json.loads(res.stdout)["error"]


def test_limits_live_in_the_config_file_too(tmp_path):
    (tmp_path / "lawcheck.toml").write_text("max-bytes = 1000\n", encoding="utf-8")
    shutil.copy(LINGSHOU, tmp_path / "r.txt")
    res = _cli("check", "r.txt", "--format", "json", cwd=tmp_path)
    assert res.returncode == 2 and "文件过大" in json.loads(res.stdout)["error"]
    res = _cli("config", cwd=tmp_path)
    assert "max_bytes" in res.stdout or "max-bytes" in res.stdout


def test_a_device_that_never_ends_is_refused_not_read(tmp_path):
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    res = _cli("check", "/dev/zero", str(LINGSHOU), "--format", "jsonl", "--max-bytes", "100000")
    records = [json.loads(line) for line in res.stdout.splitlines()]
    assert res.returncode == 2 and "文件过大" in records[0]["error"] and records[1]["score"] > 80


# ----------------------------------------------------------------------------- failure isolation


def _sabotage(monkeypatch) -> None:
    """Make the text reader hang on 'hang' files and kill its process on 'crash' files."""
    import time

    from lawcheck.readers import text as text_loader

    real = text_loader.decode_text

    def decode(name, data, **kw):
        if "hang" in Path(name).name:
            time.sleep(3600)
        if "crash" in Path(name).name:
            os._exit(3)
        return real(name, data, **kw)

    monkeypatch.setattr(text_loader, "decode_text", decode)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the sabotage reaches workers through fork")
def test_a_worker_that_hangs_or_dies_costs_only_its_own_input(tmp_path, monkeypatch):
    _sabotage(monkeypatch)
    names = ["a.txt", "b-hang.txt", "c.txt", "d-crash.txt", "e.txt", "f.txt"]
    for n in names:
        shutil.copy(LINGSHOU, tmp_path / n)
    # 12 s: a loaded machine (the suite on every core) must not time out a good input (6 s did once)
    opts = batch.Options(limits=Limits(timeout=12))
    for jobs in (1, 2):
        records = list(batch.iter_run(expand([str(tmp_path)], ["*.txt"]), opts, jobs=jobs))
        assert [Path(r.path).name for r in records] == names
        by = {Path(r.path).name: r for r in records}
        assert "检查超时" in by["b-hang.txt"].error
        assert "进程异常退出" in by["d-crash.txt"].error and "3" in by["d-crash.txt"].error
        assert all(by[n].card is not None and by[n].card.score > 80 for n in ("a.txt", "c.txt", "e.txt", "f.txt"))


@pytest.mark.skipif(not hasattr(__import__("signal"), "setitimer"), reason="needs interval timers")
def test_a_single_input_that_hangs_is_stopped_too(tmp_path, monkeypatch):
    _sabotage(monkeypatch)
    shutil.copy(LINGSHOU, tmp_path / "x-hang.txt")
    records = list(batch.iter_run(expand([str(tmp_path / "x-hang.txt")], ["*.txt"]),
                                  batch.Options(limits=Limits(timeout=1))))
    assert len(records) == 1 and "检查超时" in records[0].error


def test_ctrl_c_keeps_what_was_finished_and_exits_130(tmp_path):
    for i in range(400):
        (tmp_path / f"r{i:03d}.txt").write_bytes(LINGSHOU.read_bytes())
    proc = subprocess.Popen([sys.executable, "-m", "lawcheck", "check", str(tmp_path), "--format", "jsonl",
                             "-j", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
                            start_new_session=True)
    assert proc.stdout is not None
    first = proc.stdout.readline()  # wait until something is finished, then interrupt as a terminal would
    os.killpg(proc.pid, signal.SIGINT)
    # Read on through the same buffered reader (communicate() would bypass what it has buffered).
    rest = proc.stdout.read()
    err = proc.stderr.read() if proc.stderr else b""
    proc.wait(timeout=120)
    assert proc.returncode == 130, err
    lines = [first, *rest.splitlines()]
    for line in lines:
        assert json.loads(line)["score"] > 80, line[:200]
    assert 1 <= len(lines) < 400
    assert "已中断" in err.decode() and "Traceback" not in err.decode()
    # On a line of its own, saying where the finished results went.
    assert "\nlawcheck: 已中断" in "\n" + err.decode() and "已完成的结果见上方输出" in err.decode()


# ----------------------------------------------------------------------------- nothing runs


def test_markup_in_a_report_is_text_in_every_output(tmp_path):
    evil = REAL.replace("全面贯彻落实行政执法", "<script>alert('x')</script>=HYPERLINK(\"http://x\")全面贯彻落实行政执法")
    (tmp_path / "evil.txt").write_text(evil, encoding="utf-8")
    md = _cli("check", str(tmp_path / "evil.txt"), "--format", "markdown", "-v").stdout
    assert "<script>" not in md and "\\<script\\>" in md
    junit = _cli("check", str(tmp_path / "evil.txt"), "--format", "junit").stdout
    assert "<script>" not in junit


def test_rule_files_cannot_construct_objects(tmp_path):
    root = tmp_path / "pack"
    shutil.copytree(lawcheck.packs.builtin_rules_dir(), root, ignore=shutil.ignore_patterns("_packs"))
    marker = tmp_path / "ran"
    rule = root / "quality" / "quantified.yaml"
    rule.write_text(rule.read_text(encoding="utf-8") + f"\nboom: !!python/object/apply:os.system ['touch {marker}']\n",
                    encoding="utf-8")
    res = _cli("check", str(LINGSHOU), "--pack", str(root), "--format", "json")
    assert res.returncode == 3 and not marker.exists()
    assert "quantified.yaml" in res.stderr


# ----------------------------------------------------------------------------- odd text


@pytest.mark.parametrize(
    "text",
    [
        "",
        " \n\t\u3000\n",
        "\x00\x01\x02" * 100,
        "a" * 200_000,
        "法" * 300_000,
        REAL.replace("\n", "\u2028"),
        REAL.replace("。", "\u0007。\u001b"),
        "\ud800\udfff" + REAL + "\udc80",
        "Лорем ипсум " * 50 + REAL[:500] + "مرحبا" * 50 + "😀" * 100,
        REAL.translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    ],
    ids=["empty", "whitespace", "controls", "latin", "one-char", "line-separators", "bells", "surrogates",
         "mixed-scripts", "fullwidth-digits"],
)
def test_odd_text_gives_a_scorecard(pack, text):
    card = lawcheck.evaluate(text, rules=pack)
    assert card.score is None or 0 <= card.score <= 100
    for r in card.results:
        for ev in r.evidence:
            assert text[ev.start:ev.end] == ev.text
    card.model_dump_json()  # serialisable, surrogates and all


def test_fullwidth_digits_in_the_date_still_date_the_report(pack):
    card = lawcheck.evaluate((BROKEN / "fullwidth-date.txt").read_text(encoding="utf-8"), rules=pack)
    assert str(card.document.signed_date) == "2022-01-14"


def test_traditional_chinese_is_named_and_checked_like_the_simplified_text(pack):
    from opencc import OpenCC

    to_traditional = OpenCC("s2t")
    for path in sorted(FIXTURES.glob("0*.txt")):
        text = path.read_text(encoding="utf-8")
        trad = to_traditional.convert(text)
        assert len(trad) == len(text)
        a, b = lawcheck.evaluate(text, rules=pack), lawcheck.evaluate(trad, rules=pack)
        assert a.document.script == "simplified" and b.document.script == "traditional", path.name
        assert a.statuses() == b.statuses(), path.name
        for r in b.results:
            for ev in r.evidence:
                assert trad[ev.start:ev.end] == ev.text


def test_traditional_note_is_shown(tmp_path):
    from opencc import OpenCC

    (tmp_path / "t.txt").write_text(OpenCC("s2t").convert(REAL), encoding="utf-8")
    assert "繁体中文" in _cli("check", str(tmp_path / "t.txt"), "--format", "text").stdout


# ----------------------------------------------------------------------------- determinism


def test_same_bytes_across_hash_seeds_and_parallelism(tmp_path):
    inputs = [str(p) for p in sorted(FIXTURES.glob("00*.txt"))] + [str(BROKEN / "scripts.html"),
                                                                 str(BROKEN / "nul.txt")]
    outputs = set()
    for seed in ("0", "1", "12345"):
        for jobs in ("1", "2"):
            env = {**os.environ, "PYTHONHASHSEED": seed}
            res = _cli("check", *inputs, "--format", "json", "-j", jobs, env=env)
            assert res.returncode == 2
            outputs.add(res.stdout)
    assert len(outputs) == 1


# ----------------------------------------------------------------------------- generated input


_SECTIONS = [s for s in REAL.split("\n") if s.strip()]


@_SETTINGS
@given(st.lists(st.sampled_from(range(len(_SECTIONS))), max_size=60), st.integers(0, 20_000))
def test_reports_with_paragraphs_deleted_duplicated_shuffled_and_cut(pack, order, cut):
    text = "\n".join(_SECTIONS[i] for i in order)
    text = text[: cut % (len(text) + 1)]
    card = lawcheck.evaluate(text, rules=pack)
    assert card.score is None or 0 <= card.score <= 100
    for r in card.results:
        for ev in r.evidence:
            assert 0 <= ev.start <= ev.end <= len(text) and text[ev.start:ev.end] == ev.text


@_SETTINGS
@given(st.binary(max_size=4000), st.sampled_from([".docx", ".pdf", ".html", ".txt", ".ofd", ".mhtml"]))
def test_random_bytes_in_any_format_give_text_or_our_own_error(data, suffix):
    try:
        loaded = read_document("input" + suffix, data)
    except InputError as e:
        assert str(e)
        return
    card = lawcheck.evaluate(loaded.text)
    assert card.score is None or 0 <= card.score <= 100


@_SETTINGS
@given(st.lists(st.text(max_size=200), min_size=1, max_size=20))
def test_valid_word_files_with_any_text_load_and_evaluate(paragraphs):
    try:
        data = _docx(paragraphs)
    except ValueError:  # python-docx refuses control characters XML cannot hold: not our input
        return
    try:
        loaded = read_document("r.docx", data)
    except LawcheckError:
        return  # e.g. an empty document: a clear error
    card = lawcheck.evaluate(loaded.text)
    for r in card.results:
        for ev in r.evidence:
            assert loaded.text[ev.start:ev.end] == ev.text


# ----------------------------------------------------------------------------- the fuzz harness


def test_the_fuzz_harness_runs_a_fixed_number_of_iterations():
    atheris = pytest.importorskip("atheris") if not os.environ.get("CI") else __import__("atheris")
    assert atheris
    # A short budget in the default run (seeded with every format, the whole package instrumented):
    # README says how to run an hour.
    res = subprocess.run([sys.executable, str(ROOT / "fuzz" / "fuzz_text.py"), "-runs=1500", "-seed=1"],
                         capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert res.returncode == 0 and "FINDING" not in res.stderr, res.stderr[-3000:]
    assert "Done 1500 runs" in res.stderr
    cov = [int(m) for m in __import__("re").findall(r"cov: (\d+)", res.stderr)]
    assert cov and max(cov) > 1000, "the harness reaches the checking code, not only its entry"


def test_the_quick_traditional_probe_holds_only_traditional_only_characters():
    from lawcheck.text import script

    table = script.simplify_table()
    assert table is not None
    assert [c for c in script._COMMON_TRADITIONAL if ord(c) not in table] == []
    for path in FIXTURES.glob("*.txt"):  # simplified reports do not even reach the full count
        assert len(script._PROBE.findall(path.read_text(encoding="utf-8"))) < script._MIN_PROBES, path.name


def test_the_workers_inherit_the_warmed_parent_frozen_out_of_the_collector(tmp_path):
    """Issue 18: before forking, the batch freezes what the parent holds (gc.freeze), so that the workers'
    collections do not copy the inherited pages into each worker; the parent is unfrozen afterwards."""
    import gc

    for n in ("a.txt", "b.txt", "c.txt"):
        shutil.copy(LINGSHOU, tmp_path / n)
    seen = []
    it = batch.iter_run(expand([str(tmp_path)], ["*.txt"]), batch.Options(), jobs=2)
    for rec in it:
        seen.append(gc.get_freeze_count())
        assert rec.card is not None
    assert len(seen) == 3 and min(seen) > 10_000
    assert gc.get_freeze_count() == 0


def test_two_batches_in_threads_share_the_freeze(tmp_path):
    """The freeze is the process's: a batch ending while another runs in a thread leaves it frozen."""
    import gc

    for n in ("a.txt", "b.txt"):
        shutil.copy(LINGSHOU, tmp_path / n)
    srcs = expand([str(tmp_path)], ["*.txt"])
    first = batch.iter_run(srcs, batch.Options(), jobs=2)
    next(first)
    assert gc.get_freeze_count() > 0
    assert len(list(batch.iter_run(srcs, batch.Options(), jobs=2))) == 2  # a second batch, begun and ended
    assert gc.get_freeze_count() > 0  # the first still runs: still frozen
    list(first)
    assert gc.get_freeze_count() == 0
