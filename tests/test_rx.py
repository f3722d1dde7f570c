"""lawcheck.rx: lawcheck's own patterns compiled once per machine (issue 18, the cold start).

The code handed to the regular-expression engine comes from this user's signed cache on the next start;
the patterns must behave exactly as ``re.compile``'s, and anything unexpected must fall back to it."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from tests.conftest import ROOT

PROBE = """
import json, re, sys
import lawcheck.rx as rx
import lawcheck.text.structure, lawcheck.text.kind, lawcheck.text.dates, lawcheck.text.figures  # noqa: F401
samples = ["2024年3月31日前报送。", "一、主要举措和成效", "（二）存在的不足", "某县人民政府关于2023年度法治政府建设情况的报告",
           "全年收到行政复议申请58件,纠错率为15.4%。", "“依法行政”", "XX县××局", "附件：1. 目录"]
out = {"cached": 0, "patterns": 0, "same": True}
for key in list(rx._entries()):
    pattern, flags = key
    out["patterns"] += 1
    out["cached"] += rx.cached(pattern, flags)
    ours, theirs = rx.compile(pattern, flags), re.compile(pattern, flags)
    if (ours.pattern, ours.flags, ours.groupindex, ours.groups) != (theirs.pattern, theirs.flags, theirs.groupindex,
                                                                       theirs.groups):
        out["same"] = False
    for s in samples:
        a, b = ours.search(s), theirs.search(s)
        if (a and (a.span(), a.groups())) != (b and (b.span(), b.groups())):
            out["same"] = False
sys.stdout.write(json.dumps(out))
"""


def _probe(env: dict[str, str]) -> dict:
    res = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    return json.loads(res.stdout)


def test_the_second_start_takes_the_compiled_code_from_the_cache_and_behaves_the_same(tmp_path):
    import os

    env = {**os.environ, "LAWCHECK_CACHE_DIR": str(tmp_path / "cache")}
    subprocess.run([sys.executable, "-c", "import lawcheck.text.structure, lawcheck.text.kind, lawcheck.text.dates, "
                    "lawcheck.text.figures"], cwd=ROOT, env=env, check=True)  # the first start writes the cache
    files = list((tmp_path / "cache").glob("pack-regex-*.pickle"))
    assert len(files) == 1
    out = _probe(env)
    assert out["patterns"] > 100 and out["cached"] == out["patterns"] and out["same"]


def test_a_damaged_or_foreign_cache_file_is_never_used(tmp_path):
    import os

    env = {**os.environ, "LAWCHECK_CACHE_DIR": str(tmp_path / "cache")}
    subprocess.run([sys.executable, "-c", "import lawcheck.text.structure"], cwd=ROOT, env=env, check=True)
    (path,) = (tmp_path / "cache").glob("pack-regex-*.pickle")
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF  # one byte changed: its signature no longer holds
    path.write_bytes(bytes(data))
    res = subprocess.run([sys.executable, "-m", "lawcheck", "check", str(ROOT / "fixtures" / "001_lingshou_2021.txt"),
                          "--format", "json"], capture_output=True, text=True, cwd=ROOT, env=env)
    assert res.returncode == 0 and json.loads(res.stdout)["score"] is not None


def test_it_compiles_and_fails_as_re_compile_does():
    import lawcheck.rx as rx

    p = rx.compile(r"(?P<year>(?:19|20)\d\d)\s*年", re.I)
    assert p.search("报告年度 2024 年").group("year") == "2024"
    try:
        rx.compile(r"(unclosed")
    except re.error:
        pass
    else:
        raise AssertionError("an invalid pattern must raise re.error, as re.compile does")


def test_patterns_built_from_data_never_reach_the_cache(tmp_path):
    """Found in review: patterns built from a pack's phrases, its catalogue or a report's place names went
    through the cache, which then grew with every edit and every corpus until it was full.  Only the patterns
    written in lawcheck's source are cached: a report's own place names (masked in a folder's template
    search) add none."""
    import os

    env = {**os.environ, "LAWCHECK_CACHE_DIR": str(tmp_path / "cache")}
    text = (ROOT / "fixtures" / "003_changsheng_2020.txt").read_text(encoding="utf-8")
    probe = (
        "import json, sys\n"
        "import lawcheck, lawcheck.rx as rx\n"
        "from lawcheck.analysis import analyse\n"
        "from lawcheck.model import CallerFacts\n"
        "from lawcheck.templates import fingerprints\n"
        "pack = lawcheck.load_pack()\n"
        "text = sys.stdin.read()\n"
        "for place in ('甲乙丙丁县戊己镇', '庚辛壬癸县子丑乡'):\n"
        "    a = analyse(text, pack, CallerFacts.of(), 'zh')\n"
        "    fingerprints(a.st, place, place + '人民政府', 2020)\n"
        "    lawcheck.evaluate(text.replace('长生镇', place), rules=pack)\n"
        "sys.stdout.write(json.dumps([p for p, f in rx._entries()]))\n"
    )
    res = subprocess.run([sys.executable, "-c", probe], input=text, capture_output=True, text=True, cwd=ROOT,
                         env=env)
    assert res.returncode == 0, res.stderr[-2000:]
    cached = json.loads(res.stdout)
    assert len(cached) > 100 and not any(name in p for p in cached for name in ("戊己", "子丑", "甲乙丙丁"))


def test_the_catalogue_s_word_lists_are_kept_in_their_own_cache_and_behave_the_same(tmp_path):
    """The figures' cue words (the pack's indicator catalogue) are compiled once per machine, in a store
    of their own; a document's words never go there."""
    import os

    env = {**os.environ, "LAWCHECK_CACHE_DIR": str(tmp_path / "cache")}
    text = (ROOT / "fixtures" / "003_changsheng_2020.txt").read_text(encoding="utf-8").replace("长生镇", "甲乙丙丁镇")
    check = "import sys, lawcheck; lawcheck.evaluate(sys.stdin.read())"
    subprocess.run([sys.executable, "-c", check], input=text, text=True, cwd=ROOT, env=env, check=True)
    assert len(list((tmp_path / "cache").glob("pack-catalogue-*.pickle"))) == 1
    probe = (
        "import json, re, sys\n"
        "import lawcheck.rx as rx\n"
        "text = sys.stdin.read()\n"
        "keys = list(rx.CATALOGUE.entries())\n"
        "same = all([m.span() for m in rx.compile(p, f, store=rx.CATALOGUE).finditer(text)]\n"
        "           == [m.span() for m in re.compile(p, f).finditer(text)] for p, f in keys)\n"
        "sys.stdout.write(json.dumps({'patterns': [p for p, f in keys], 'same': same}))\n"
    )
    res = subprocess.run([sys.executable, "-c", probe], input=text, capture_output=True, text=True, cwd=ROOT,
                         env=env, check=True)
    out = json.loads(res.stdout)
    assert len(out["patterns"]) > 20 and out["same"]
    assert any("行政复议" in p for p in out["patterns"])
    assert not any("甲乙丙丁" in p for p in out["patterns"])
