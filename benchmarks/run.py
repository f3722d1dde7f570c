"""lawcheck's speed and memory figures, each with its target beside it.

    python benchmarks/run.py                 # the full run (a few minutes on 2 cores)
    python benchmarks/run.py --json out.json # the figures as JSON too, to compare across commits
    python benchmarks/run.py --quick         # a short run that only shows the script still works (CI)

Everything is measured in this one run on this machine, and the figures that have a natural
baseline are reported as ratios to it (the Aho-Corasick floor, `import pydantic`), because the
machines are shared and noisy: compare ratios, not milliseconds, across machines.

The synthetic corpus is deterministic: reports of ~10,000 characters stitched from the real
fixtures' paragraphs with a seeded generator, each with its own title, year and date line.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEED = 20261122

TARGETS = {
    "evaluate_vs_floor": 5.0,  # evaluate <= 5x one Aho-Corasick pass of the pack's phrases
    # `lawcheck check one.txt --format json` <= 1.5x `from pydantic import BaseModel` (issue 18: `import pydantic`
    # alone is lazy and imports almost nothing; the old ratio against it is printed beside)
    "cold_start_vs_pydantic": 1.5,
    "batch_j2_reports_per_s": 500.0,
    "batch_peak_mb": 150.0,
    # issue 18: every format in flat memory — the peak for 4x the reports within 1.25x the peak (what grows is
    # the ranked summary's few KB a report)
    "format_memory_growth": 1.25,
    "figures_overhead": 1.20,  # evaluate reading the figures <= 1.2x evaluate without (issue 15)
    # issue 16, year over year
    "history_placed": 0.90,  # plan items and shortcomings placed right on the labelled pairs
    "history_copied_precision": 0.95,  # copied passages of >= 50 characters
    "history_copied_recall": 0.90,
    "history_pair_ms": 50.0,  # one pair of 10k-character reports compared
    "history_folder_minutes": 10.0,  # a folder of 10,000 reports for shared passages, 2 cores
    # issue 17, lawcheck serve: a 10k-character paste sent, checked and answered with the report's page
    "serve_round_trip_ms": 100.0,
}


HEADINGS = ["主要举措和成效", "存在的不足和原因", "下一步工作计划", "履行第一责任人职责情况"]

# --- the corpus ----------------------------------------------------------------------------


def fixture_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))}


def synthetic_corpus(n: int, size: int = 10_000, seed: int = SEED) -> list[str]:
    """n reports of about ``size`` characters each, built from the fixtures' own paragraphs."""
    rng = random.Random(seed)
    paras = []
    for text in fixture_texts().values():
        paras.extend(p.strip() for p in text.split("\n") if len(p.strip()) >= 20)
    units = ["县", "区", "市", "镇"]
    out = []
    for i in range(n):
        year = 2019 + i % 6
        unit = units[i % len(units)]
        head = [
            f"某{unit}人民政府关于{year}年度法治政府建设情况的报告",
            f"{year}年，我{unit}深入推进法治政府建设，现将有关情况报告如下。",
        ]
        body: list[str] = []
        total = sum(map(len, head))
        heading = 0
        while total < size - 60:
            if rng.random() < 0.12:
                heading += 1
                line = f"{'一二三四五六七八九十'[min(heading, 10) - 1]}、{rng.choice(HEADINGS)}"
            else:
                # Change the figures so that no two reports are the same text.
                line = re.sub(r"\d+", lambda m: str(rng.randint(1, 999)), rng.choice(paras))
            body.append(line)
            total += len(line) + 1
        tail = [f"某{unit}人民政府", f"{year + 1}年{rng.randint(1, 3)}月{rng.randint(1, 28)}日"]
        out.append("\n".join(head + body + tail) + "\n")
    return out


# --- helpers -------------------------------------------------------------------------------


def per_10k(seconds: float, chars: int) -> float:
    return seconds * 1e6 * 10_000 / max(chars, 1)


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(q * (len(s) - 1)))]


def lawcheck_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("lawcheck")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "lawcheck"]


def wall(cmd: list[str], runs: int, **kw) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        res = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)
        out.append(time.perf_counter() - t0)
        if res.returncode not in (0, 1):
            raise SystemExit(f"benchmark: {' '.join(cmd)} failed: {res.stderr.decode(errors='replace')[-500:]}")
    return out


class TreeMemory:
    """Peak memory of a process and its descendants, sampled from /proc.

    PSS (proportional set size) is summed, so pages that forked workers share with their parent
    are counted once, not once per worker.  Falls back to the largest single RSS (getrusage)
    where /proc is not available.
    """

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for d in os.listdir("/proc"):
            if d.isdigit():
                try:
                    with open(f"/proc/{d}/stat", "rb") as f:
                        ppid = int(f.read().rsplit(b")", 1)[1].split()[1])
                except (OSError, ValueError, IndexError):
                    continue
                children.setdefault(ppid, []).append(int(d))
        out, todo = [], [self.pid]
        while todo:
            p = todo.pop()
            out.append(p)
            todo.extend(children.get(p, []))
        return out

    @staticmethod
    def _pss_kb(pid: int) -> int:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        return int(line.split()[1])
        except OSError:
            pass
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return 0

    def _run(self) -> None:
        if not os.path.isdir("/proc"):
            return
        while not self._stop.is_set():
            self.peak_kb = max(self.peak_kb, sum(self._pss_kb(p) for p in self._tree()))
            self._stop.wait(0.1)  # a scan costs ~1 ms: sample sparsely, not to slow the batch measured


# --- the measurements ----------------------------------------------------------------------


_SENTENCE_END = re.compile(r"[。！？!?；;\n]")


def python_minimum(automaton, text: str) -> tuple[dict[int, list[int]], list[int]]:  # type: ignore[no-untyped-def]
    """The least any rule engine written in Python does with a report, measured: the overlapping automaton
    pass, each hit touched once (grouped by phrase), the sentence ends as a list of integers.  No rule is
    checked and nothing is built; what evaluate spends beyond this is the checking itself."""
    by_phrase: dict[int, list[int]] = {}
    for pid, s, _e in automaton.find_matches_as_indexes(text, overlapping=True):
        starts = by_phrase.get(pid)
        if starts is None:
            by_phrase[pid] = [s]
        else:
            starts.append(s)
    return by_phrase, [m.end() for m in _SENTENCE_END.finditer(text)]


def measure_evaluate(texts: list[str], reps: int) -> dict:
    """evaluate() warm, and the floor: one leftmost-longest Aho-Corasick pass of the pack's phrases."""
    import ahocorasick_rs

    import lawcheck

    pack = lawcheck.load_pack()
    floor_ac = ahocorasick_rs.AhoCorasick(pack.patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    # evaluate needs every occurrence, overlapping (科学决策 inside 健全科学决策机制 and 决策 inside both):
    # the same automaton pass in that mode is the floor evaluate really stands on (issue 18 asks for both).
    overlap_ac = ahocorasick_rs.AhoCorasick(pack.patterns, matchkind=ahocorasick_rs.MatchKind.Standard)
    for t in texts[:5]:
        lawcheck.evaluate(t, rules=pack)
    ev, fl, ov, pm = [], [], [], []
    for t in texts:
        n = len(t)
        best_e = best_f = best_o = best_p = float("inf")
        for _ in range(reps):
            t0 = time.perf_counter()
            lawcheck.evaluate(t, rules=pack)
            t1 = time.perf_counter()
            floor_ac.find_matches_as_indexes(t)
            t2 = time.perf_counter()
            overlap_ac.find_matches_as_indexes(t, overlapping=True)
            t3 = time.perf_counter()
            python_minimum(overlap_ac, t)
            t4 = time.perf_counter()
            best_e, best_f = min(best_e, t1 - t0), min(best_f, t2 - t1)
            best_o, best_p = min(best_o, t3 - t2), min(best_p, t4 - t3)
        ev.append(per_10k(best_e, n))
        fl.append(per_10k(best_f, n))
        ov.append(per_10k(best_o, n))
        pm.append(per_10k(best_p, n))
    med_e, med_f = statistics.median(ev), statistics.median(fl)
    med_o, med_p = statistics.median(ov), statistics.median(pm)
    # As an integrator calls it, with no pack passed: the default pack is looked up on every call
    # (a stamp of the rule files; re-hashing them there once cost 1 ms a call).
    bare = []
    for t in texts:
        best = float("inf")
        for _ in range(reps):
            t0 = time.perf_counter()
            lawcheck.evaluate(t)
            best = min(best, time.perf_counter() - t0)
        bare.append(per_10k(best, len(t)))
    return {
        "reports": len(texts),
        "mean_chars": round(statistics.mean(map(len, texts))),
        "phrases": len(pack.patterns),
        "evaluate_median_us_per_10k": round(med_e),
        "evaluate_p95_us_per_10k": round(pct(ev, 0.95)),
        "floor_median_us_per_10k": round(med_f),
        "evaluate_vs_floor": round(med_e / med_f, 1),
        "floor_overlapping_median_us_per_10k": round(med_o),
        "evaluate_vs_overlapping_floor": round(med_e / med_o, 1),
        "python_minimum_median_us_per_10k": round(med_p),
        "python_minimum_vs_floor": round(med_p / med_f, 1),
        "evaluate_default_pack_median_us_per_10k": round(statistics.median(bare)),
    }


def profile_evaluate(texts: list[str]) -> list[tuple[str, float]]:
    """Where evaluate's time goes (share of total, by function with its callees), to explain a miss."""
    import cProfile
    import pstats

    import lawcheck

    pack = lawcheck.load_pack()
    prof = cProfile.Profile()
    prof.enable()
    for t in texts:
        lawcheck.evaluate(t, rules=pack)
    prof.disable()
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    # Own time (not cumulative) by module, so that the shares add up to 100%.
    groups = [
        ("normalize", lambda fn, name: "text/normalize.py" in fn),
        ("sections and sentences", lambda fn, name: "text/structure.py" in fn),
        ("facts and dates", lambda fn, name: "text/facts.py" in fn or "text/dates.py" in fn),
        ("rule checks (Python)", lambda fn, name: "lawcheck/kinds/" in fn or "saferegex.py" in fn),
        ("engine and pack", lambda fn, name: any(m in fn for m in ("lawcheck/engine.py", "lawcheck/analysis.py",
                                                                    "lawcheck/scoring.py", "lawcheck/packs/"))),
        ("pydantic result models", lambda fn, name: "pydantic" in fn or "model.py" in fn or "model_construct" in name),
        ("regular expressions (C)", lambda fn, name: fn == "~" and ("Pattern" in name or "regex" in name)),
        ("Aho-Corasick (Rust)", lambda fn, name: fn == "~" and "AhoCorasick" in name),
    ]
    total = sum(v[2] for v in stats.values()) or 1.0
    shares = dict.fromkeys([g for g, _ in groups] + ["other (builtins, stdlib)"], 0.0)
    for (fn, _, name), v in stats.items():
        label = next((g for g, test in groups if test(fn, name)), "other (builtins, stdlib)")
        shares[label] += v[2]
    return [(k, round(100 * v / total, 1)) for k, v in shares.items()]


def measure_cold_start(report: Path, runs: int) -> dict:
    # As after `pip install`: bytecode cached.  (PYTHONDONTWRITEBYTECODE, set on some CI machines,
    # would make an editable checkout recompile its sources on every start, ~40 ms that no
    # installed copy pays; pydantic's own bytecode was written when it was installed.)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    lc = [*lawcheck_cmd(), "check", str(report), "--format", "json", "--fail-on", "never"]
    wall(lc, 2, env=env)  # compile and cache the pack (and bytecode) once, as the first run on a machine does
    # A measured lower bound: the scorecard is the API's pydantic model, and the JSON is written from it.
    # Importing its classes, reading one scorecard's JSON into them and writing it back is what any cold
    # start that writes this JSON through the model pays at least, before a rule is read or a word checked.
    card = Path(tempfile.mkdtemp(prefix="lawcheck-bench-")) / "card.json"
    card.write_bytes(subprocess.run(lc, capture_output=True, env=env, check=True).stdout)
    # Interleaved, so that a burst of load on a shared machine hits every command alike.
    # The steps in between show where a cold start goes (each is a whole process).
    steps = {
        "python_startup_ms": "pass",
        "import_pydantic_ms": "import pydantic",
        "from_pydantic_import_basemodel_ms": "from pydantic import BaseModel",
        "import_engine_ms": "import lawcheck.engine",
        "import_engine_and_load_pack_ms": "import lawcheck.engine, lawcheck.packs as p; p.load_pack()",
        "import_model_ms": "import lawcheck.model",
        "scorecard_round_trip_ms": "import lawcheck.model as m; m.Scorecard.model_validate_json("
                                   f"open({str(card)!r}, 'rb').read()).model_dump_json()",
        # The least any program pays that defines one pydantic model: the first class builds pydantic's
        # field machinery (pydantic.fields, pydantic.types, annotated_types), which the floor never loads.
        "one_model_ms": "from pydantic import BaseModel\nclass M(BaseModel):\n    x: int",
    }
    times: dict[str, list[float]] = {k: [] for k in [*steps, "lawcheck_check_json_ms"]}
    for _ in range(runs):
        for key, code in steps.items():
            times[key] += wall([sys.executable, "-c", code], 1, env=env)
        times["lawcheck_check_json_ms"] += wall(lc, 1, env=env)
    out = {k: round(1000 * statistics.median(v)) for k, v in times.items()}
    out["cold_start_vs_import_pydantic"] = round(
        statistics.median(times["lawcheck_check_json_ms"]) / statistics.median(times["import_pydantic_ms"]), 2
    )
    floor = statistics.median(times["from_pydantic_import_basemodel_ms"])
    out["cold_start_vs_pydantic"] = round(statistics.median(times["lawcheck_check_json_ms"]) / floor, 2)
    out["import_model_vs_pydantic"] = round(statistics.median(times["import_model_ms"]) / floor, 2)
    out["scorecard_round_trip_vs_pydantic"] = round(statistics.median(times["scorecard_round_trip_ms"]) / floor, 2)
    out["one_model_vs_pydantic"] = round(statistics.median(times["one_model_ms"]) / floor, 2)
    out["cold_start_vs_one_model"] = round(
        statistics.median(times["lawcheck_check_json_ms"]) / statistics.median(times["one_model_ms"]), 2)
    shutil.rmtree(card.parent, ignore_errors=True)
    return out


def measure_batch(texts: list[str], jobs: list[int]) -> dict:
    out: dict = {"reports": len(texts)}
    with tempfile.TemporaryDirectory(prefix="lawcheck-bench-") as tmp:
        src = Path(tmp) / "reports"
        src.mkdir()
        for i, t in enumerate(texts):
            (src / f"r{i:05d}.txt").write_text(t, encoding="utf-8")
        # Warm the pack cache so every -j run starts alike.
        wall([*lawcheck_cmd(), "check", str(src / "r00000.txt"), "--format", "json", "--fail-on", "never"], 1)
        for j in jobs:
            cmd = [*lawcheck_cmd(), "check", str(src), "--format", "jsonl", "-j", str(j), "--no-progress"]
            cmd += ["--fail-on", "never"]
            with open(Path(tmp) / f"out-{j}.jsonl", "wb") as sink:
                t0 = time.perf_counter()
                proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.PIPE)
                with TreeMemory(proc.pid) as mem:
                    _, err = proc.communicate()
                elapsed = time.perf_counter() - t0
            if proc.returncode not in (0, 1):
                raise SystemExit(f"benchmark: batch -j {j} failed: {err.decode(errors='replace')[-500:]}")
            lines = (Path(tmp) / f"out-{j}.jsonl").read_bytes().count(b"\n")
            if lines != len(texts):
                raise SystemExit(f"benchmark: batch -j {j} wrote {lines} results for {len(texts)} reports")
            out[f"j{j}_seconds"] = round(elapsed, 2)
            out[f"j{j}_reports_per_s"] = round(len(texts) / elapsed)
            out[f"j{j}_peak_mb"] = round(mem.peak_kb / 1024, 1)
        single = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        out["largest_single_process_rss_mb"] = round(single, 1)
        same = [(Path(tmp) / f"out-{j}.jsonl").read_bytes() for j in jobs]
        out["same_bytes_for_every_j"] = all(s == same[0] for s in same)
    return out


FORMATS = ("json", "jsonl", "csv", "text", "markdown", "junit", "sarif", "html", "docx")
DIRECTORY_FORMATS = ("html", "docx")  # several inputs: -o DIR, one file per report and (html) an index


def measure_format_memory(texts: list[str], counts: list[int], formats: tuple[str, ...] = FORMATS
                          ) -> dict[str, list[dict]]:
    """Peak memory (PSS of the process tree) of `lawcheck check DIR --format F -j 2` for each format at growing
    numbers of reports (issue 18): a streaming format stays flat, a format built whole grows with the folder."""
    out: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory(prefix="lawcheck-bench-") as tmp:
        for n in counts:
            src = Path(tmp) / f"r{n}"
            src.mkdir()
            for i in range(n):
                (src / f"r{i:05d}.txt").write_text(texts[i % len(texts)], encoding="utf-8")
        for fmt in formats:
            out[fmt] = []
            for n in counts:
                cmd = [*lawcheck_cmd(), "check", str(Path(tmp) / f"r{n}"), "--format", fmt, "-j", "2", "--no-progress",
                       "--fail-on", "never"]
                if fmt in DIRECTORY_FORMATS:
                    cmd += ["-o", str(Path(tmp) / f"out-{fmt}-{n}")]
                with open(os.devnull, "wb") as sink:
                    proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.PIPE)
                    with TreeMemory(proc.pid) as mem:
                        _, err = proc.communicate()
                if proc.returncode not in (0, 1):
                    raise SystemExit(f"benchmark: --format {fmt} failed: {err.decode(errors='replace')[-300:]}")
                out[fmt].append({"reports": n, "peak_mb": round(mem.peak_kb / 1024, 1)})
    return out


# The scaling texts repeat their lines (a corpus doubled to 1M characters, one shape line after another):
# lawcheck reads such a text as another kind of document (大段重复的文字) and checks nothing, so they are
# checked as the caller may ask, as reports: every rule runs, which is what they measure.
ANNUAL = "annual_report"


def measure_length_scaling(corpus: list[str], sizes: list[int]) -> list[dict]:
    import lawcheck

    pack = lawcheck.load_pack()
    joined = "".join(corpus)
    while len(joined) < max(sizes):
        joined += joined
    rows = []
    for size in sizes:
        text = joined[:size]
        lawcheck.evaluate(text, rules=pack, kind=ANNUAL)
        reps = max(1, min(20, 200_000 // size))
        best = min(_timed(lambda text=text: lawcheck.evaluate(text, rules=pack, kind=ANNUAL)) for _ in range(reps))
        rows.append({"chars": size, "us_per_10k": round(per_10k(best, size))})
    for r in rows:
        r["vs_smallest"] = round(r["us_per_10k"] / rows[0]["us_per_10k"], 2)
    return rows


def measure_hostile_shapes(quick: bool) -> dict[str, list[dict]]:
    """Shapes an attacker chooses (issue 14), each at growing sizes: linear means a flat "per unit" figure.

    false_friends: a report padded with lines of the three systems' false friends (公示期, 任前公示,
    决策全过程记录), evaluate() per 10k characters.  unclosed_h1: a page of unclosed <h1>s, reading the page.
    merged_rows: a Word table cell merged down N rows, reading the file.  mhtml_parts: a saved page of N
    empty parts before its HTML, reading the file.  figures_dense: a report padded with lines of figures
    (issue 15), evaluate() per 10k characters.  numeral_runs: one run of digits of that length.  Files are
    built here."""
    import html as _html
    import io
    import zipfile

    import lawcheck
    from lawcheck.readers import read_document

    report = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
    at = report.index("二、")
    line = "在评优评先公示期内,对拟表彰对象进行任前公示,决策全过程记录。\n"
    out: dict[str, list[dict]] = {"false_friends": [], "unclosed_h1": [], "merged_rows": []}
    pack = lawcheck.load_pack()
    for size in ([10_000, 100_000] if quick else [10_000, 100_000, 1_000_000]):
        text = report[:at] + line * (size // len(line)) + report[at:]
        best = min(_timed(lambda text=text: lawcheck.evaluate(text, rules=pack, kind=ANNUAL)) for _ in range(2))
        out["false_friends"].append({"chars": len(text), "us_per_10k": round(per_10k(best, len(text)))})
    for n in ([4_000, 16_000] if quick else [4_000, 16_000, 64_000]):
        page = ("<html><body>" + "<h1>x" * n + "".join(f"<p>{_html.escape(ln)}</p>" for ln in report.splitlines())
                + "</body></html>").encode()
        best = min(_timed(lambda page=page: read_document("p.html", page)) for _ in range(2))
        out["unclosed_h1"].append({"h1s": n, "us_per_h1": round(best * 1e6 / n, 1)})
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    for rows in ([1_000, 3_000] if quick else [1_000, 3_000, 9_000]):
        cells = ('<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>牵头</w:t></w:r></w:p>'
                 "</w:tc></w:tr>" + "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>" * rows)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                       'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
                       'openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" '
                       'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main'
                       '+xml"/></Types>')
            z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                       'package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/'
                       'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
            z.writestr("word/document.xml", f'<?xml version="1.0"?><w:document xmlns:w="{w}"><w:body><w:tbl>'
                       f"{cells}</w:tbl></w:body></w:document>")
        data = buf.getvalue()
        best = min(_timed(lambda data=data: read_document("t.docx", data)) for _ in range(2))
        out["merged_rows"].append({"rows": rows, "us_per_row": round(best * 1e6 / rows, 1)})
    out["figures_dense"] = []
    figline = "全年收到行政复议申请58件,审结52件,纠错8件,纠错率为15.4%,同比增长12%(上年52件)。\n"
    for size in ([10_000, 100_000] if quick else [10_000, 100_000, 1_000_000]):
        text = report[:at] + figline * (size // len(figline)) + report[at:]
        best = min(_timed(lambda text=text: lawcheck.evaluate(text, rules=pack, kind=ANNUAL)) for _ in range(2))
        out["figures_dense"].append({"chars": len(text), "us_per_10k": round(per_10k(best, len(text)))})
    out["numeral_runs"] = []
    for size in ([10_000, 100_000] if quick else [10_000, 100_000, 1_000_000]):
        text = report[:at] + "全年收到行政复议申请" + "1234567890" * (size // 10) + "件。\n" + report[at:]
        best = min(_timed(lambda text=text: lawcheck.evaluate(text, rules=pack, kind=ANNUAL)) for _ in range(2))
        out["numeral_runs"].append({"chars": len(text), "us_per_10k": round(per_10k(best, len(text)))})
    out["mhtml_parts"] = []
    body = "".join(f"<p>{_html.escape(ln)}</p>" for ln in report.splitlines())
    for parts in ([10_000, 40_000] if quick else [10_000, 40_000, 160_000]):
        data = ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"B\"\r\n\r\n"
                + "--B\r\nContent-Type: text/plain\r\n\r\n\r\n" * parts
                + f"--B\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body>{body}</body></html>\r\n"
                + "--B--\r\n").encode()
        best = min(_timed(lambda data=data: read_document("p.mhtml", data)) for _ in range(2))
        out["mhtml_parts"].append({"parts": parts, "us_per_part": round(best * 1e6 / parts, 1)})
    # Issue 18's shapes (tests/helpers/shapes.py; tests/test_scaling.py counts their work in lines of code).
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from tests.helpers.shapes import SHAPES, shaped

    for name in SHAPES:
        out[name] = []
        for size in ([10_000, 100_000] if quick else [10_000, 100_000, 1_000_000]):
            text = shaped(name, size)
            lawcheck.evaluate(text[:5000], rules=pack)
            best = min(_timed(lambda text=text: lawcheck.evaluate(text, rules=pack, kind=ANNUAL)) for _ in range(2))
            out[name].append({"chars": len(text), "us_per_10k": round(per_10k(best, len(text)))})
    for rows in out.values():
        key = next(k for k in rows[0] if k.startswith("us_per"))
        for r in rows:
            r["vs_smallest"] = round(r[key] / rows[0][key], 2)
    return out


def measure_figures_overhead(texts: list[str], reps: int) -> dict:
    """What the figures add to evaluate() (issue 15), in one run, interleaved: reading them into the
    scorecard (the pack without its five figures rules, against the pack without its catalogue either),
    and reading and checking them (the whole pack)."""
    import lawcheck
    from lawcheck.packs.models import Catalogue

    pack = lawcheck.load_pack()
    read_only = pack.only([r.id for r in pack.rules if r.kind != "figures"])
    bare = pack.only([r.id for r in pack.rules if r.kind != "figures"])
    bare.indicators = Catalogue()
    times: dict[str, list[float]] = {"without": [], "read": [], "checked": []}
    for _ in range(reps):
        for key, p in (("without", bare), ("read", read_only), ("checked", pack)):
            times[key].append(_timed(lambda p=p: [lawcheck.evaluate(t, rules=p) for t in texts]))
    figures = sum(len(lawcheck.evaluate(t, rules=pack).figures) for t in texts)
    chars = sum(map(len, texts))
    med = {k: statistics.median(v) for k, v in times.items()}
    return {"reports": len(texts), "figures": figures,
            "without_us_per_10k": round(per_10k(med["without"], chars)),
            "read_us_per_10k": round(per_10k(med["read"], chars)),
            "with_us_per_10k": round(per_10k(med["checked"], chars)),
            "ratio": round(med["read"] / med["without"], 3),
            "ratio_with_checks": round(med["checked"] / med["without"], 3)}


# --- year over year (issue 16) ----------------------------------------------------------------


_PLACES = "东西南北中安平和顺兴隆昌盛永宁泰康乐福寿青山绿水清河长林丰源新华胜利"


def place(i: int) -> str:
    """A distinct two- or three-character place name for unit i."""
    n = len(_PLACES)
    return _PLACES[i % n] + _PLACES[(i // n) % n] + (_PLACES[(i // n // n) % n] if i >= n * n else "")


def folder_corpus(n: int, seed: int = SEED) -> list[str]:
    """n reports of distinct townships of one year; one in four belongs to a group of 5 that fills in the same
    template paragraphs, each with its own name."""
    rng = random.Random(seed)
    base = synthetic_corpus(n, seed=seed)
    # The synthetic reports draw on one pool of paragraphs; real reports of different units do not share
    # sentences, so each sentence gets one character of its own (a template's are added after).
    own = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"
    base = [t.split("\n", 1)[0] + "\n" + re.sub(r"(?<=[，。；,;:：\n])(?=[\u4e00-\u9fff\d])",
                                                 lambda m: "".join(rng.choice(own) for _ in range(5)),
                                                 t.split("\n", 1)[1]) for t in base]
    out = []
    template: list[str] = []
    for i, text in enumerate(base):
        name = place(i) + "镇"
        text = re.sub(r"某.人民政府", f"{name}人民政府", text).replace("我镇", f"我{name}")
        text = re.sub(r"(?:19|20)\d\d年度", "2023年度", text, count=1)
        if i % 20 < 5:  # a template group: the leader writes it, four others copy it with their own names
            lines = text.split("\n")
            if i % 20 == 0:
                template = [ln for ln in lines if len(ln) > 60][:4]
            lines[3:3] = [ln.replace(place(i - i % 20) + "镇", name) for ln in template]
            text = "\n".join(lines)
        out.append(text)
    rng.shuffle(out)
    return out


def measure_history(quick: bool) -> dict:
    """The labelled pairs' figures, one pair's time, and a folder of reports for shared passages."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from lawcheck.analysis import analyse
    from lawcheck.history import CopyRule, Match, Pair
    from lawcheck.packs import load_pack
    from tests.helpers.history_eval import GROUPS, Tally, agreement, group, load, measure, pairs

    total = Tally()
    groups: dict[str, dict] = {}
    for label, _ in GROUPS:
        part = Tally()
        for f in group(label):
            part.add(measure(f))
        total.add(part)
        groups[label] = {"pairs": len(group(label)), "items": part.items, "placed": part.placed}
    agree = agreement()
    out: dict = {"pairs": len(pairs()), "items": total.items, "placed": total.placed, "groups": groups,
                 "readers_agree": agree.readers, "readers_items": agree.items,
                 "placed_share": round(total.placed / max(total.items, 1), 3),
                 "copied_labelled": total.labelled, "copied_found": total.found,
                 "copied_recall": round(total.found / max(total.labelled, 1), 3),
                 "copied_reported": total.reported, "copied_right": total.right,
                 "copied_precision": round(total.right / max(total.reported, 1), 3)}
    # Unrelated pairs: each labelled next-year report against every fixture of another unit.  Nothing should
    # be copied; the items, all on the same statutory topics, often find a topical counterpart (measured, not
    # a target: the pairing check is what refuses such a pair).
    import lawcheck
    from lawcheck.model import PreviousReport

    matched = items = copied = 0
    for f in pairs():
        labels, _last, this = load(f)
        for other in sorted(FIXTURES.glob("*.txt")):
            if labels["last"].endswith(other.name):
                continue
            h = lawcheck.evaluate(this, previous=PreviousReport(name="x", text=other.read_text(encoding="utf-8"))
                                  ).history
            items += len(h.plan) + len(h.shortcomings)
            matched += sum(r.outcome != "silent" for r in [*h.plan, *h.shortcomings])
            copied += len(h.copied)
            if quick:
                break
    out["unrelated_items"] = items
    out["unrelated_matched_share"] = round(matched / max(items, 1), 3)
    out["unrelated_copied_passages"] = copied
    # One pair, both reports already analysed: the review's own cost.  The real pair: the longest fixture
    # (000-4, 10k characters) and the next year's report written from it (tests/data/history/district4).
    # The synthetic pair: a 10k-character report and one written from it (numbers changed, a third of its
    # paragraphs replaced) whose plan and shortcomings are most of its text (the worst case for the items).
    pack = load_pack(None)
    corpus = synthetic_corpus(2, seed=SEED + 16)
    rng = random.Random(SEED)
    mixed = [ln if rng.random() < 0.67 else rng.choice(corpus[1].split("\n")) for ln in corpus[0].split("\n")]
    real = ((FIXTURES / "000-4.txt").read_text(encoding="utf-8"),
            (ROOT / "tests" / "data" / "history" / "district4.this.txt").read_text(encoding="utf-8"))
    synthetic = (corpus[0], re.sub(r"\d+", lambda m: str(int(m.group()) + 1), "\n".join(mixed)))
    for name, (last, this) in (("pair", real), ("pair_synthetic", synthetic)):
        a, b = analyse(this, pack), analyse(last, pack)
        Pair(a, b, pack.words)  # the dictionaries, once
        runs = []
        for _ in range(3 if quick else 30):
            t0 = time.perf_counter()
            pr = Pair(a, b, pack.words)
            pr.plan(Match())
            pr.problems(Match())
            pr.copied(CopyRule())
            runs.append(time.perf_counter() - t0)
        out[f"{name}_chars"] = [len(last), len(this)]
        out[f"{name}_item_chars"] = sum(i.end - i.start for i in (*pr.plan_items, *pr.problem_items))
        out[f"{name}_ms"] = round(statistics.median(runs) * 1000, 1)
    last, this = real
    reps = 3 if quick else 10
    t0 = time.perf_counter()
    for _ in range(reps):
        lawcheck.evaluate(this, rules=pack, previous=PreviousReport(name="x", text=last))
    out["pair_with_both_evaluated_ms"] = round((time.perf_counter() - t0) * 1000 / reps, 1)
    # A folder: files on disk, ``lawcheck compare DIR -j 2``, wall time and peak memory of the process tree.
    sizes = [40, 160] if quick else [2_500, 10_000]
    out["folder"] = []
    for n in sizes:
        texts = folder_corpus(n)
        with tempfile.TemporaryDirectory(prefix="lawcheck-bench-folder-") as tmp:
            src = Path(tmp) / "reports"
            src.mkdir()
            for i, t in enumerate(texts):
                (src / f"r{i:05d}.txt").write_text(t, encoding="utf-8")
            cmd = [*lawcheck_cmd(), "compare", str(src), "-j", "2", "--no-progress", "--format", "json",
                   "-o", str(Path(tmp) / "out.json")]
            t0 = time.perf_counter()
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            with TreeMemory(proc.pid) as mem:
                _, err = proc.communicate()
            elapsed = time.perf_counter() - t0
            if proc.returncode not in (0, 1):
                raise SystemExit(f"benchmark: compare failed: {err.decode(errors='replace')[-500:]}")
            review = json.loads((Path(tmp) / "out.json").read_text(encoding="utf-8"))
        grouped = sum(1 for u in review["units"] if u["templates"])
        out["folder"].append({"reports": n, "seconds": round(elapsed, 1), "reports_per_s": round(n / elapsed),
                              "peak_mb": round(mem.peak_kb / 1024, 1), "clusters": len(review["clusters"]),
                              "reports_in_clusters": grouped, "expected_in_clusters": sum(
                                  5 for i in range(n) if i % 20 == 0 and i + 4 < n)})
    return out


def synthetic_pack(n: int, phrases: list[str]):
    """The core pack's manifest and policy with n generated one-phrase concept rules."""
    import lawcheck
    from lawcheck.kinds.concept import ConceptRule
    from lawcheck.packs import RulePack

    core = lawcheck.load_pack()
    template = next(r for r in core.rules if isinstance(r, ConceptRule)).model_dump(by_alias=True)
    rules = []
    for i in range(n):
        data = dict(template)
        data.update(
            id=f"content.bench_{i:05d}",
            aliases=[],
            parts=[{"id": "p", "label": {"zh": phrases[i], "en": "phrase"}, "phrases": [phrases[i]]}],
            collective=None,
        )
        rules.append(ConceptRule.model_validate(data))
    return RulePack(core.root, f"bench-{n}", core.manifest, core.policy, tuple(rules), {})


def measure_rule_scaling(corpus: list[str], counts: list[int]) -> list[dict]:
    import lawcheck

    rng = random.Random(SEED)
    cjk = re.compile(r"[\u4e00-\u9fff]{4}")
    pool = sorted({m.group() for t in fixture_texts().values() for m in cjk.finditer(t)})
    rng.shuffle(pool)
    if len(pool) < max(counts):
        pool += [f"合成短语{i:05d}" for i in range(max(counts) - len(pool))]
    texts = corpus[:20]
    rows = []
    for n in counts:
        t0 = time.perf_counter()
        pack = synthetic_pack(n, pool)
        build = time.perf_counter() - t0
        for t in texts[:3]:
            lawcheck.evaluate(t, rules=pack)
        per = []
        for t in texts:
            best = min(_timed(lambda t=t, pack=pack: lawcheck.evaluate(t, rules=pack)) for _ in range(3))
            per.append(per_10k(best, len(t)))
        rows.append({"rules": n, "phrases": len(pack.patterns), "build_ms": round(1000 * build),
                     "evaluate_us_per_10k": round(statistics.median(per))})
    for r in rows:
        r["us_per_rule"] = round(r["evaluate_us_per_10k"] / r["rules"], 1)
    return rows


def measure_serve(requests: int) -> dict:
    """The local page's check as the page makes it: the real server (``lawcheck serve``, uvicorn) started as a
    user starts it, and a 10,000-character paste cut from a real report POSTed ``requests`` times over one
    kept-alive connection, one character edited each time as a person typing would; from sending the
    request to the answer's JSON (the report's HTML page, the text, the statuses) parsed."""
    import http.client

    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        return {"skipped": "lawcheck[serve] is not installed"}
    text = (FIXTURES / "000-4.txt").read_text(encoding="utf-8")[:10_000]
    cwd = tempfile.mkdtemp(prefix="lawcheck-bench-serve-")
    proc = subprocess.Popen([*lawcheck_cmd(), "serve", "--no-browser"], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        url = "http://" + line.split("http://", 1)[1].split()[0]
        host = url.split("//", 1)[1].rstrip("/")
        conn = http.client.HTTPConnection(host, timeout=60)
        headers = {"Origin": f"http://{host}", "Content-Type": "text/plain;charset=utf-8"}

        def check(body: str) -> dict:
            conn.request("POST", "/api/check", body=body.encode("utf-8"), headers=headers)
            answer = conn.getresponse()
            data = answer.read()
            assert answer.status == 200, data[:300]
            return json.loads(data)

        check(text)  # the first request opens the connection
        times = []
        for i in range(requests):
            at = 100 + (i * 97) % (len(text) - 200)
            edited = text[:at] + "的" + text[at + 1:]
            times.append(_timed(lambda edited=edited: check(edited)) * 1000)
        last = check(text)
        conn.close()
    finally:
        proc.send_signal(2)  # Ctrl-C
        proc.communicate(timeout=30)
        shutil.rmtree(cwd, ignore_errors=True)
    return {"requests": requests, "chars": len(text), "page_kb": round(len(last["page"].encode()) / 1024, 1),
            "round_trip_median_ms": round(statistics.median(times), 1),
            "round_trip_p95_ms": round(pct(times, 0.95), 1)}


def _timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


# --- the report ----------------------------------------------------------------------------


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), cpu)
    except OSError:
        pass
    import lawcheck

    return {"python": platform.python_version(), "os": f"{platform.system()} {platform.release()}", "cpu": cpu,
            "cores": os.cpu_count(), "lawcheck": lawcheck.__version__}


def verdict(value: float, target: float, higher_is_better: bool = False) -> str:
    ok = value >= target if higher_is_better else value <= target
    return "met" if ok else "MISSED"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small sizes, few repetitions: checks the script works")
    ap.add_argument("--json", metavar="FILE", help="also write the figures as JSON (- for standard output)")
    ap.add_argument("--reports", type=int, default=None, help="synthetic corpus size (default 1000; quick: 20)")
    args = ap.parse_args(argv)
    quick = args.quick
    n = args.reports or (20 if quick else 1000)
    # Time a clean, private pack cache: the first command compiles it, as on a fresh machine.
    cache = tempfile.mkdtemp(prefix="lawcheck-bench-cache-")
    os.environ["LAWCHECK_CACHE_DIR"] = cache
    try:
        return _run(quick, n, args.json)
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def _run(quick: bool, n: int, json_out: str | None) -> int:
    say = print if json_out != "-" else (lambda *a, **k: print(*a, **k, file=sys.stderr))
    fig: dict = {"machine": machine(), "quick": quick, "targets": TARGETS}
    say(f"lawcheck {fig['machine']['lawcheck']} · Python {fig['machine']['python']} · {fig['machine']['cpu']} · "
        f"{fig['machine']['cores']} cores{' · QUICK MODE: figures are not meaningful' if quick else ''}")

    fixtures = list(fixture_texts().values())
    corpus = synthetic_corpus(n)

    say("\n1. evaluate(), warm, per 10,000 characters (floor: one Aho-Corasick pass of the pack's phrases)")
    fx = measure_evaluate(fixtures, 3 if quick else 20)
    sy = measure_evaluate(corpus, 1 if quick else 3)
    fig["evaluate"] = {"fixtures": fx, "synthetic": sy}
    for label, r in (("fixtures", fx), ("synthetic", sy)):
        say(f"   {label:9} {r['reports']:5} reports, {r['mean_chars']:6} chars avg, {r['phrases']} phrases: "
            f"median {r['evaluate_median_us_per_10k']} µs, p95 {r['evaluate_p95_us_per_10k']} µs; "
            f"floor {r['floor_median_us_per_10k']} µs; ratio {r['evaluate_vs_floor']}× "
            f"(target ≤ {TARGETS['evaluate_vs_floor']}×: "
            f"{verdict(r['evaluate_vs_floor'], TARGETS['evaluate_vs_floor'])})")
    say(f"   the floor as evaluate needs it (every occurrence, overlapping): "
        f"{sy['floor_overlapping_median_us_per_10k']} µs, evaluate ÷ it {sy['evaluate_vs_overlapping_floor']}×; "
        f"the least a rule engine in Python does (that pass, each hit touched once, the sentence ends): "
        f"{sy['python_minimum_median_us_per_10k']} µs = {sy['python_minimum_vs_floor']}× the floor, so the rest "
        f"of evaluate is the checking itself")
    say(f"   lawcheck.evaluate(text) with no pack passed (the default pack looked up per call): median "
        f"{sy['evaluate_default_pack_median_us_per_10k']} µs per 10k, against {sy['evaluate_median_us_per_10k']} µs "
        f"with a loaded pack")
    prof = profile_evaluate(corpus[: (10 if quick else 200)])
    fig["evaluate"]["profile_percent"] = dict(prof)
    say("   where the time goes (cProfile, own time): " + "; ".join(f"{k} {v}%" for k, v in prof))

    say("\n1b. the figures (issue 15): evaluate() with the figures read and checked, against without")
    fo = measure_figures_overhead(fixtures, 5 if quick else 40)
    fig["figures"] = fo
    say(f"   fixtures ({fo['reports']} reports, {fo['figures']} figures): without {fo['without_us_per_10k']} µs per "
        f"10k; figures read {fo['read_us_per_10k']} µs, ratio {fo['ratio']}× (target ≤ {TARGETS['figures_overhead']}×: "
        f"{verdict(fo['ratio'], TARGETS['figures_overhead'])}); read and checked by the five figures rules "
        f"{fo['with_us_per_10k']} µs ({fo['ratio_with_checks']}×)")

    say("\n2. cold start: whole-process wall time, median")
    cs = measure_cold_start(FIXTURES / "001_lingshou_2021.txt", 3 if quick else 15)
    fig["cold_start"] = cs
    say(f"   lawcheck check one.txt --format json: {cs['lawcheck_check_json_ms']} ms; "
        f"python -c 'from pydantic import BaseModel': {cs['from_pydantic_import_basemodel_ms']} ms; ratio "
        f"{cs['cold_start_vs_pydantic']}× (target ≤ {TARGETS['cold_start_vs_pydantic']}×: "
        f"{verdict(cs['cold_start_vs_pydantic'], TARGETS['cold_start_vs_pydantic'])}); against the lazy "
        f"`import pydantic` ({cs['import_pydantic_ms']} ms), the old measure: {cs['cold_start_vs_import_pydantic']}×")
    say(f"   where it goes (whole processes): python -c pass {cs['python_startup_ms']} ms; "
        f"from pydantic import BaseModel {cs['from_pydantic_import_basemodel_ms']} ms; "
        f"import lawcheck.engine {cs['import_engine_ms']} ms; + load the cached pack "
        f"{cs['import_engine_and_load_pack_ms']} ms; + read, check, write JSON {cs['lawcheck_check_json_ms']} ms")
    say(f"   lower bound, measured: define one pydantic model of one field {cs['one_model_ms']} ms "
        f"({cs['one_model_vs_pydantic']}×: the target is what any program defining a model pays; lawcheck "
        f"÷ it {cs['cold_start_vs_one_model']}×); import the scorecard's classes {cs['import_model_ms']} ms "
        f"({cs['import_model_vs_pydantic']}×); the API's round trip of one scorecard through pydantic "
        f"(model_validate_json, model_dump_json; the command line writes it without pydantic's serializer) "
        f"{cs['scorecard_round_trip_ms']} ms ({cs['scorecard_round_trip_vs_pydantic']}×)")

    say(f"\n3. batch from the command line, {n} synthetic reports read from files, JSON Lines out")
    bt = measure_batch(corpus, [1, 2])
    fig["batch"] = bt
    for j in (1, 2):
        say(f"   -j {j}: {bt[f'j{j}_seconds']} s, {bt[f'j{j}_reports_per_s']} reports/s, "
            f"peak {bt[f'j{j}_peak_mb']} MB (PSS of the process tree)")
    cores = min(2, os.cpu_count() or 1)
    bt["cpu_ms_per_report_j2"] = round(1000 * cores / bt["j2_reports_per_s"], 1)
    bt["evaluate_ms_per_report"] = round(sy["evaluate_median_us_per_10k"] * sy["mean_chars"] / 10_000 / 1000, 1)
    say(f"   with -j 2 each report costs {bt['cpu_ms_per_report_j2']} ms of a core, of which evaluate() "
        f"{bt['evaluate_ms_per_report']} ms (section 1); {TARGETS['batch_j2_reports_per_s']:.0f}/s on {cores} "
        f"cores allows {1000 * cores / TARGETS['batch_j2_reports_per_s']:.1f} ms")
    per_report = bt["evaluate_ms_per_report"]
    bt["ceiling_reports_per_s"] = round(cores * 1000 / per_report) if per_report else 0
    say(f"   the ceiling at today's evaluate(), with no reading, writing or hand-off at all: {cores} cores ÷ "
        f"{bt['evaluate_ms_per_report']} ms = {bt['ceiling_reports_per_s']} reports/s")
    say(f"   target -j 2 ≥ {TARGETS['batch_j2_reports_per_s']:.0f} reports/s: "
        f"{verdict(bt['j2_reports_per_s'], TARGETS['batch_j2_reports_per_s'], True)}; "
        f"peak ≤ {TARGETS['batch_peak_mb']:.0f} MB: {verdict(bt['j2_peak_mb'], TARGETS['batch_peak_mb'])}; "
        f"same bytes with -j 1 and -j 2: {bt['same_bytes_for_every_j']}")

    counts = [63, 252] if quick else [252, 1008]
    say(f"\n3b. peak memory per output format, {counts[0]} and {counts[1]} reports, -j 2 (flat = streams)")
    fm = measure_format_memory(corpus, counts)
    fig["format_memory"] = fm
    growth = {}
    for fmt, rows in fm.items():
        grow = growth[fmt] = rows[-1]["peak_mb"] / rows[0]["peak_mb"]
        say(f"   {fmt:<9} " + "; ".join(f"{r['reports']}: {r['peak_mb']} MB" for r in rows) + f" ({grow:.2f}×)")
    worst = max(growth, key=lambda k: growth[k])
    say(f"   every format ≤ {TARGETS['format_memory_growth']}× for {counts[1] // counts[0]}× the reports: "
        f"{verdict(growth[worst], TARGETS['format_memory_growth'])} (most: {worst} {growth[worst]:.2f}×)")

    say("\n4. scaling with report length (evaluate, µs per 10,000 characters; flat = linear)")
    sizes = [10_000, 100_000] if quick else [10_000, 100_000, 1_000_000]
    ls = measure_length_scaling(corpus, sizes)
    fig["scaling_length"] = ls
    for r in ls:
        say(f"   {r['chars']:>9,} chars: {r['us_per_10k']} µs per 10k ({r['vs_smallest']}× the 10k figure)")

    say("\n4b. hostile shapes (issues 14 and 18): per unit, growing sizes (flat = linear)")
    hs = measure_hostile_shapes(quick)
    fig["scaling_hostile"] = hs
    for name, rows in hs.items():
        say(f"   {name}: " + "; ".join(
            f"{next(v for k, v in r.items() if not k.startswith(('us_per', 'vs')))}: "
            f"{next(v for k, v in r.items() if k.startswith('us_per'))} µs ({r['vs_smallest']}×)" for r in rows))

    say("\n5. scaling with the number of rules (synthetic one-phrase concept rules, 10k-char reports)")
    counts = [50, 500] if quick else [50, 500, 5000]
    rs = measure_rule_scaling(corpus, counts)
    fig["scaling_rules"] = rs
    for r in rs:
        say(f"   {r['rules']:>5} rules ({r['phrases']} phrases): evaluate {r['evaluate_us_per_10k']} µs per 10k, "
            f"{r['us_per_rule']} µs per rule; pack build {r['build_ms']} ms")

    say("\n6. year over year (issue 16)")
    hi = measure_history(quick)
    fig["history"] = hi
    say(f"   labelled pairs ({hi['pairs']}): plan items and shortcomings placed right {hi['placed']}/{hi['items']} = "
        f"{hi['placed_share']} (target ≥ {TARGETS['history_placed']}: "
        f"{verdict(hi['placed_share'], TARGETS['history_placed'], True)}; "
        + ", ".join(f"{k} {g['placed']}/{g['items']} ({g['pairs']} pairs)" for k, g in hi["groups"].items())
        + f"; two readers agree on {hi['readers_agree']}/{hi['readers_items']}); copied passages ≥ 50 characters: "
        f"precision {hi['copied_right']}/{hi['copied_reported']} = {hi['copied_precision']} (target ≥ "
        f"{TARGETS['history_copied_precision']}: "
        f"{verdict(hi['copied_precision'], TARGETS['history_copied_precision'], True)}), recall "
        f"{hi['copied_found']}/{hi['copied_labelled']} = {hi['copied_recall']} (target ≥ "
        f"{TARGETS['history_copied_recall']}: "
        f"{verdict(hi['copied_recall'], TARGETS['history_copied_recall'], True)})")
    say(f"   unrelated pairs (each labelled report against the other units' fixtures): "
        f"{hi['unrelated_copied_passages']} copied passages; {hi['unrelated_matched_share']} of "
        f"{hi['unrelated_items']} items find a topical "
        f"counterpart (same statutory topics; the pairing check refuses such a pair)")
    say(f"   one pair ({hi['pair_chars'][0]:,} and {hi['pair_chars'][1]:,} characters, {hi['pair_item_chars']:,} of "
        f"them in last year's plan and shortcomings; both analysed): the review {hi['pair_ms']} ms (target ≤ "
        f"{TARGETS['history_pair_ms']:.0f} ms: {verdict(hi['pair_ms'], TARGETS['history_pair_ms'])}); "
        f"evaluate(this, previous=last), both reports checked and compared: {hi['pair_with_both_evaluated_ms']} ms")
    say(f"   synthetic pair ({hi['pair_synthetic_chars'][0]:,} and {hi['pair_synthetic_chars'][1]:,} characters, "
        f"{hi['pair_synthetic_item_chars']:,} in plan and shortcomings): the review "
        f"{hi['pair_synthetic_ms']} ms")
    for r in hi["folder"]:
        say(f"   lawcheck compare DIR -j 2, {r['reports']:,} reports: {r['seconds']} s "
            f"({r['reports_per_s']} reports/s), "
            f"peak {r['peak_mb']} MB; {r['clusters']} template clusters, {r['reports_in_clusters']} reports in them "
            f"({r['expected_in_clusters']} written from a template)")
    big = hi["folder"][-1]
    minutes = big["seconds"] / 60 * 10_000 / big["reports"]
    say(f"   10,000 reports: {minutes:.1f} minutes (target ≤ {TARGETS['history_folder_minutes']:.0f}: "
        f"{verdict(minutes, TARGETS['history_folder_minutes'])}); memory {hi['folder'][0]['peak_mb']} → "
        f"{big['peak_mb']} MB for {big['reports'] // hi['folder'][0]['reports']}× the reports")

    say("\n7. the local page (issue 17): a check's round trip through the real server (lawcheck serve)")
    sv = measure_serve(10 if quick else 200)
    fig["serve"] = sv
    if "skipped" in sv:
        say(f"   skipped: {sv['skipped']}")
        serve_verdict = "skipped"
    else:
        serve_verdict = verdict(sv["round_trip_p95_ms"], TARGETS["serve_round_trip_ms"])
        say(f"   {sv['requests']} pastes of {sv['chars']:,} characters (a real report, one character edited each "
            f"time), answered with a {sv['page_kb']} KB page: median {sv['round_trip_median_ms']} ms, p95 "
            f"{sv['round_trip_p95_ms']} ms (target ≤ {TARGETS['serve_round_trip_ms']:.0f} ms: {serve_verdict})")

    fig["verdicts"] = {
        "evaluate_vs_floor": verdict(sy["evaluate_vs_floor"], TARGETS["evaluate_vs_floor"]),
        "cold_start_vs_pydantic": verdict(cs["cold_start_vs_pydantic"], TARGETS["cold_start_vs_pydantic"]),
        "batch_j2_reports_per_s": verdict(bt["j2_reports_per_s"], TARGETS["batch_j2_reports_per_s"], True),
        "batch_peak_mb": verdict(bt["j2_peak_mb"], TARGETS["batch_peak_mb"]),
        "format_memory_growth": verdict(growth[worst], TARGETS["format_memory_growth"]),
        "figures_overhead": verdict(fo["ratio"], TARGETS["figures_overhead"]),
        "history_placed": verdict(hi["placed_share"], TARGETS["history_placed"], True),
        "history_copied_precision": verdict(hi["copied_precision"], TARGETS["history_copied_precision"], True),
        "history_copied_recall": verdict(hi["copied_recall"], TARGETS["history_copied_recall"], True),
        "history_pair_ms": verdict(hi["pair_ms"], TARGETS["history_pair_ms"]),
        "history_folder_minutes": verdict(minutes, TARGETS["history_folder_minutes"]),
        "serve_round_trip_ms": serve_verdict,
    }
    say("\nverdicts: " + ", ".join(f"{k} {v}" for k, v in fig["verdicts"].items()))
    if json_out:
        data = json.dumps(fig, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        if json_out == "-":
            sys.stdout.write(data)
        else:
            Path(json_out).write_text(data, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
