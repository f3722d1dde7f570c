"""The command line: formats, errors that name the file, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from lawcheck.cli import main
from tests.conftest import FIXTURES, ROOT

LINGSHOU = str(FIXTURES / "001_lingshou_2021.txt")
HETANG = str(FIXTURES / "004_hetang_2024.txt")


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_text_scorecard_is_chinese_by_default(capsys):
    code, out, err = run(capsys, "check", LINGSHOU)
    assert code == 0 and not err
    for heading in ("得分", "等级", "缺失项", "修改建议", "依据"):
        assert heading in out
    assert "灵寿县人民政府" in out and "content.shortcoming_causes" in out


def test_english_on_request(capsys):
    code, out, _ = run(capsys, "check", LINGSHOU, "--lang", "en")
    assert code == 0 and "Score" in out and "Missing items" in out and "得分" not in out


def test_json_is_the_canonical_scorecard(capsys):
    import lawcheck

    code, out, _ = run(capsys, "check", LINGSHOU, "--format", "json")
    assert code == 0
    data = json.loads(out)
    card = lawcheck.evaluate((FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8"))
    assert out.strip() == card.model_dump_json()
    assert data["schema_version"] == "1"
    assert data["document"]["report_year"] == 2021
    assert {r["rule"] for r in data["results"]} >= {"content.first_responsible_duty", "deadline.first_quarter"}


def test_json_list_for_several_inputs(capsys):
    code, out, _ = run(capsys, "check", LINGSHOU, HETANG, "--format", "json")
    data = json.loads(out)
    assert code == 0 and [d["path"] for d in data] == [LINGSHOU, HETANG]


def test_jsonl_keeps_going_after_a_bad_input(capsys, tmp_path):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("法治政府建设年度报告".encode("gbk"))
    missing = tmp_path / "nope.txt"
    code, out, err = run(capsys, "check", LINGSHOU, str(gbk), str(missing), HETANG, "--format", "jsonl")
    lines = [json.loads(x) for x in out.splitlines()]
    assert [x["path"] for x in lines] == [LINGSHOU, str(gbk), str(missing), HETANG]
    assert ("error" in lines[1] and "UTF-8" in lines[1]["error"]) or "UTF-8" in lines[1]["error"]
    assert "error" in lines[2] and "score" in lines[3]
    assert code == 2
    # One line per problem on stderr, naming the file.
    assert err.count("\n") == 2 and str(gbk) in err and str(missing) in err


def test_overrides(capsys):
    _code, out, _ = run(capsys, "check", HETANG, "--format", "json", "--published", "2025-04-01", "--year", "2024")
    data = json.loads(out)
    pub = next(r for r in data["results"] if r["rule"] == "deadline.publication")
    assert pub["status"] == "partial"  # the 4月1日 boundary day
    assert data["document"]["published_date"] == "2025-04-01"


def test_bad_published_date_is_a_usage_error(capsys):
    code, _, err = run(capsys, "check", HETANG, "--published", "yesterday")
    assert code == 2 and "YYYY-MM-DD" in err


def test_invalid_rule_pack_exit_3(capsys, tmp_path):
    code, _, err = run(capsys, "check", HETANG, "--pack", str(tmp_path))
    assert code == 3 and "pack.yaml" in err and "Traceback" not in err


def test_standard_input(monkeypatch, capsys):
    import io

    data = (FIXTURES / "001_lingshou_2021.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(capsys, "check", "-", "--format", "jsonl")
    assert code == 0 and json.loads(out)["path"] == "-"


def test_empty_file(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    code, _, err = run(capsys, "check", str(empty))
    assert code == 2 and "empty.txt" in err


@pytest.mark.parametrize("argv", [["-m", "lawcheck", "--version"], ["-m", "lawcheck", "check", "--help"]])
def test_python_dash_m(argv):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    res = subprocess.run([sys.executable, *argv], capture_output=True, text=True, env=env, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    assert "lawcheck" in res.stdout


def test_output_is_byte_identical_across_runs_and_hash_seeds():
    outs = set()
    for seed in ("0", "1", "12345"):
        env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONHASHSEED=seed)
        res = subprocess.run([sys.executable, "-m", "lawcheck", "check", LINGSHOU, HETANG, "--format", "jsonl"],
                             capture_output=True, env=env, cwd=ROOT)
        assert res.returncode == 0, res.stderr
        outs.add(res.stdout)
    assert len(outs) == 1
