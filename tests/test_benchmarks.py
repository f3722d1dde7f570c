"""The benchmark script still runs and reports every figure (no timing is asserted here)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT


def test_the_benchmark_runs_in_quick_mode_and_reports_every_figure(tmp_path):
    out = tmp_path / "figures.json"
    res = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--reports", "12", "--json", str(out)],
        capture_output=True, text=True, cwd=tmp_path, timeout=600,
    )
    assert res.returncode == 0, res.stderr[-2000:]
    fig = json.loads(out.read_text(encoding="utf-8"))
    for section in ("fixtures", "synthetic"):
        ev = fig["evaluate"][section]
        assert ev["evaluate_median_us_per_10k"] > 0 and ev["floor_median_us_per_10k"] > 0
        assert ev["evaluate_p95_us_per_10k"] >= ev["evaluate_median_us_per_10k"]
        assert ev["evaluate_default_pack_median_us_per_10k"] > 0
        # Both floors (issue 18) and the measured Python minimum, which cannot be below the pass it makes.
        assert ev["floor_overlapping_median_us_per_10k"] > 0 and ev["evaluate_vs_overlapping_floor"] > 0
        assert ev["python_minimum_median_us_per_10k"] > 0 and ev["python_minimum_vs_floor"] > 0
    assert abs(sum(fig["evaluate"]["profile_percent"].values()) - 100) < 1
    assert fig["cold_start"]["lawcheck_check_json_ms"] > 0 and fig["cold_start"]["import_pydantic_ms"] > 0
    cs = fig["cold_start"]
    assert cs["import_model_ms"] > 0 and cs["scorecard_round_trip_ms"] > 0 and cs["scorecard_round_trip_vs_pydantic"] > 0
    assert fig["batch"]["ceiling_reports_per_s"] > 0
    assert fig["batch"]["reports"] == 12 and fig["batch"]["same_bytes_for_every_j"] is True
    assert fig["batch"]["j1_reports_per_s"] > 0 and fig["batch"]["j2_reports_per_s"] > 0
    assert [r["chars"] for r in fig["scaling_length"]] == [10_000, 100_000]
    assert [r["rules"] for r in fig["scaling_rules"]] == [50, 500]
    assert fig["figures"]["figures"] > 50 and fig["figures"]["ratio"] > 0
    assert len(fig["scaling_hostile"]["figures_dense"]) == 2 and fig["scaling_hostile"]["figures_dense"][0]["chars"] > 10_000
    hi = fig["history"]
    assert set(hi["groups"]) == {"tuned on", "held out", "fresh", "blind"} and hi["readers_items"] == 126
    assert hi["items"] >= 60 and 0 < hi["placed_share"] <= 1 and hi["copied_labelled"] >= 29
    assert hi["pair_ms"] > 0 and hi["unrelated_items"] > 0 and hi["unrelated_copied_passages"] == 0
    assert [r["reports"] for r in hi["folder"]] == [40, 160]
    assert all(r["reports_in_clusters"] == r["expected_in_clusters"] for r in hi["folder"])
    sv = fig["serve"]
    assert "skipped" in sv or (sv["requests"] == 10 and sv["chars"] == 10_000
                               and 0 < sv["round_trip_median_ms"] <= sv["round_trip_p95_ms"])
    assert set(fig["verdicts"]) == set(fig["targets"])
    # Every figure is printed with its target beside it.
    for target in ("≤ 5.0×", "≤ 1.5×", "≥ 500 reports/s", "≤ 150 MB", "≤ 1.2×", "≥ 0.9", "≥ 0.95", "≤ 50 ms",
                   "≤ 10", *(("≤ 100 ms",) if "skipped" not in sv else ())):
        assert target in res.stdout, target


def test_the_synthetic_corpus_is_deterministic_and_report_sized():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import run as bench
    finally:
        sys.path.pop(0)
    a, b = bench.synthetic_corpus(5), bench.synthetic_corpus(5)
    assert a == b and len(set(a)) == 5
    assert all(9_500 <= len(t) <= 11_000 for t in a)
