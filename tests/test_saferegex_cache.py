"""The built-in pack's regular expressions compiled once per machine (issue 18, the cold start).

``regex`` parses and optimises a pattern in Python before its C engine gets the code; for the built-in
pack's patterns that code is kept in this user's signed cache and handed straight to the engine on the next
start.  The patterns must behave exactly as freshly compiled ones; a rule file from elsewhere never reaches
the cache; anything unexpected compiles afresh."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import regex

from tests.conftest import FIXTURES, ROOT
from tests.test_loader_errors import GOOD

REPORT = FIXTURES / "001_lingshou_2021.txt"

PROBE = """
import json, sys
import regex
import lawcheck
from lawcheck import saferegex
lawcheck.evaluate(open(sys.argv[1], encoding="utf-8").read())
kept = saferegex._STORE.entries()
out = {"kept": len(kept), "same": True, "from_cache": 0}
texts = [open(sys.argv[1], encoding="utf-8").read(), "各乡镇主要负责人述法。", "20XX年，××县未作出重大行政决策。"]
for pattern in kept:
    ours, theirs = saferegex._kept(pattern), regex.compile(pattern, regex.VERSION0, cache_pattern=False)
    out["from_cache"] += ours is not None
    for t in texts:
        if [m.span() for m in ours.finditer(t)] != [m.span() for m in theirs.finditer(t)]:
            out["same"] = False
sys.stdout.write(json.dumps(out))
"""


def _env(tmp_path) -> dict[str, str]:
    return {**os.environ, "LAWCHECK_CACHE_DIR": str(tmp_path / "cache")}


def _check_json(env: dict[str, str], *extra: str) -> str:
    res = subprocess.run([sys.executable, "-m", "lawcheck", "check", str(REPORT), "--format", "json", *extra],
                         capture_output=True, text=True, cwd=ROOT, env=env)
    assert res.returncode in (0, 1), res.stderr[-2000:]
    return res.stdout


def test_the_second_start_takes_the_packs_compiled_patterns_from_the_cache_and_behaves_the_same(tmp_path):
    env = _env(tmp_path)
    first = _check_json(env)  # writes the cache
    assert len(list((tmp_path / "cache").glob("pack-rules-regex-*.pickle"))) == 1
    res = subprocess.run([sys.executable, "-c", PROBE, str(REPORT)], capture_output=True, text=True, cwd=ROOT,
                         env=env, check=True)
    out = json.loads(res.stdout)
    assert out["kept"] >= 15 and out["from_cache"] == out["kept"] and out["same"], out
    assert _check_json(env) == first  # the scorecard from cached code is the same, byte for byte


def test_a_damaged_cache_file_is_never_used(tmp_path):
    env = _env(tmp_path)
    first = _check_json(env)
    (path,) = (tmp_path / "cache").glob("pack-rules-regex-*.pickle")
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF  # its signature no longer holds
    path.write_bytes(bytes(data))
    assert _check_json(env) == first


def test_a_rule_file_from_elsewhere_never_reaches_the_cache(tmp_path):
    """A user's or a third party's rule files may change with every edit: their patterns would fill the
    cache, so they are compiled afresh each time (and keep their time limit)."""
    extra = tmp_path / "extra" / "demo"
    extra.mkdir(parents=True)
    marker = "示例甲乙丙事项"
    (extra / "rule.yaml").write_text(GOOD.replace("phrases: [示例事项]", f"patterns: ['{marker}[^，。]{{0,4}}']"),
                                     encoding="utf-8")
    env = _env(tmp_path)
    _check_json(env)
    out = json.loads(_check_json(env, "--rules", str(tmp_path / "extra")))
    assert "demo.rule" in {r["rule"] for r in out["results"]}
    probe = ("import json, sys\nfrom lawcheck import saferegex\n"
             "sys.stdout.write(json.dumps(list(saferegex._STORE.entries())))")
    res = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    kept = json.loads(res.stdout)
    assert kept and not any(marker in p for p in kept)


def test_a_kept_pattern_still_fails_and_bounds_as_before():
    from lawcheck.saferegex import UnsafePattern, compile_pattern

    for bad in ("(unclosed", "(?:(?:x{1000}){1000}){10}"):
        for keep in (False, True):
            try:
                compile_pattern(bad, False, keep)
            except UnsafePattern:
                pass
            else:
                raise AssertionError(f"{bad!r} (keep={keep}) must be refused")
    p = compile_pattern("(?<![未没])(?:开展|推行)[^，。]{0,6}?制度", True, True)
    assert [m.span() for m in p.finditer("全面推行三项制度，未开展公示制度。")] == [(2, 8)]
    # (Python's own engine reads this one: the built-in pack's patterns run in it, issue 18)
    assert isinstance(p, re.Pattern)


def test_keep_out_is_zero_width_in_the_size_estimate_and_still_bounded():
    """regex's \\K (the match starts there) is unknown to Python's parser, which estimated such a pattern from
    its text (counts multiplied) and refused the pack's own named_only_patterns; the estimate reads it as the
    nothing it is, and a large count is still refused."""
    from lawcheck.saferegex import UnsafePattern, compile_pattern

    p = compile_pattern(r"(?:收到|转发)[^，。《]{0,24}\K《[^《》\n]{1,80}》")
    assert [m.group() for m in p.finditer("收到市政府印发的《实施方案》。")] == ["《实施方案》"]
    assert compile_pattern(r"a\\Kb").search(r"xa\Kb") is not None  # an escaped backslash and a K: text
    for bad in (r"(?:(?:x{1000}){1000}){10}\K", r"\K(?:(?:x{1000}){1000}){10}"):
        try:
            compile_pattern(bad)
        except UnsafePattern:
            continue
        raise AssertionError(f"{bad!r} must be refused")


def test_the_built_in_patterns_match_alike_in_either_engine(pack):
    """The built-in pack's patterns that ``re`` reads run in it (issue 18), the rest in ``regex``: each must
    give the spans ``regex`` gives, on real reports and on their normalised view, or a scorecard would change
    with the engine."""
    from lawcheck.saferegex import compile_pattern
    from lawcheck.text.normalize import normalize

    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    texts += [normalize(t).text for t in texts]
    in_re = 0
    for pattern in sorted(pack.folds):
        used = compile_pattern(pattern, True, True)
        if not isinstance(used, re.Pattern):
            continue
        in_re += 1
        reference = regex.compile(pattern, regex.VERSION0)
        for text in texts:
            assert [m.span() for m in used.finditer(text)] == [m.span() for m in reference.finditer(text)], pattern
    assert in_re >= len(pack.folds) // 2  # most of them: the speed-up is real
