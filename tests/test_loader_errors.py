"""A bad rule file fails with `path:line:col: problem — allowed: …`, never a raw traceback."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from lawcheck.errors import RuleFileError
from lawcheck.packs import builtin_rules_dir, load_pack

GOOD = textwrap.dedent(
    """\
    id: demo.rule
    title:
      zh: 应说明示例事项
    category: demo
    severity: warning
    weight: 2
    basis:
      - document: 示例文件
        provision: 第一条
        source: S2
        status: verified
    kind: concept
    parts:
      - id: thing
        label: {zh: 示例}
        phrases: [示例事项]
    message: {zh: 未找到示例事项。}
    fix: {zh: 增加示例事项。}
    examples:
      pass: ["2021年,全面推进示例事项。"]
      fail: ["2021年,全面推进其他工作。"]
    """
)


def make_pack(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "pack"
    root.mkdir()
    src = builtin_rules_dir()
    for meta in ("pack.yaml", "policy.yaml"):
        shutil.copy(src / meta, root / meta)
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return root


def load_error(tmp_path: Path, files: dict[str, str]) -> RuleFileError:
    root = make_pack(tmp_path, files)
    with pytest.raises(RuleFileError) as exc:
        load_pack(root)
    return exc.value


def test_good_pack_loads(tmp_path, monkeypatch):
    monkeypatch.setenv("LAWCHECK_CACHE_DIR", "")
    pack = load_pack(make_pack(tmp_path, {"demo/rule.yaml": GOOD}))
    assert [r.id for r in pack.rules] == ["demo.rule"]


CASES = {
    "bad yaml": (GOOD.replace("weight: 2", "weight: [2"), "YAML syntax error", None),
    "unknown key": (GOOD.replace("severity:", "sevrity:"), "unknown key 'sevrity' (did you mean 'severity'?)", 5),
    "wrong type": (GOOD.replace("weight: 2", "weight: heavy"), "weight:", 6),
    "unknown kind": (GOOD.replace("kind: concept", "kind: regex"), "unknown kind 'regex'", 12),
    "id not path": (GOOD.replace("id: demo.rule", "id: demo.other"), "must be 'demo.rule'", 1),
    "bad regex": (GOOD.split("kind: concept")[0] + "kind: count\npattern: '(unclosed'\npass_min: 3\npartial_min: 1\n"
                  + "message:" + GOOD.split("message:")[1], "bad regular expression", 13),
    "missing basis": (GOOD.replace("basis:\n  - document: 示例文件\n    provision: 第一条\n    source: S2\n    status: verified\n",
                                   ""), "basis", None),
    "missing fail example": (GOOD.replace('  fail: ["2021年,全面推进其他工作。"]\n', ""), "fail", None),
    "unknown list": (GOOD.replace("phrases: [示例事项]", "phrases: ['@nope']"), "unknown vocabulary list '@nope'", 16),
    "duplicate key": (GOOD.replace("weight: 2", "weight: 2\nweight: 3"), "duplicate key 'weight'", 7),
    "catastrophic regex": (GOOD.split("kind: concept")[0] + "kind: count\npattern: '((a|aa)+)+b'\npass_min: 3\n"
                           + "partial_min: 1\nmessage:" + GOOD.split("message:")[1], "backtracks catastrophically", 13),
    "bad severity": (GOOD.replace("severity: warning", "severity: fatal"), "severity", 5),
    "bad basis status": (GOOD.replace("status: verified", "status: sure"), "status", None),
}


@pytest.mark.parametrize(("text", "needle", "line"), CASES.values(), ids=list(CASES))
def test_rule_file_errors(tmp_path, text, needle, line):
    err = load_error(tmp_path, {"demo/rule.yaml": text})
    one = err.one_line("en")
    assert one.startswith(str(tmp_path / "pack" / "demo" / "rule.yaml")), one
    assert needle in one, one
    assert "Traceback" not in str(err) and "pydantic" not in one.lower()
    if line is not None:
        assert err.line == line, one
        assert err.source_line is not None and str(err).count("\n") == 2  # the offending line and a caret


def test_unknown_key_lists_allowed_keys(tmp_path):
    err = load_error(tmp_path, {"demo/rule.yaml": GOOD.replace("severity:", "sevrity:")})
    assert "allowed:" in err.one_line("en") and "severity" in err.allowed


def test_rule_file_errors_are_chinese_by_default(tmp_path, monkeypatch):
    monkeypatch.delenv("LAWCHECK_LANG", raising=False)
    err = load_error(tmp_path, {"demo/rule.yaml": GOOD.replace("severity:", "sevrity:")})
    assert "未知的键“sevrity”（是否应为“severity”？）" in str(err) and "可用：" in str(err)


def test_duplicate_ids_across_files(tmp_path):
    other = GOOD.replace("id: demo.rule", "id: demo.other").replace("category: demo", "category: demo\naliases: [demo.rule]")
    err = load_error(tmp_path, {"demo/rule.yaml": GOOD, "demo/other.yaml": other})
    assert "already used" in err.one_line("en")


def test_not_a_pack(tmp_path):
    """A folder the caller names that holds no pack is a wrong argument (as a wrong pack name is); a pack that
    extends such a folder has a wrong rule file."""
    from lawcheck.errors import UsageError

    with pytest.raises(UsageError) as exc:
        load_pack(tmp_path)
    assert "pack.yaml is missing" in exc.value.text("en") and "缺少 pack.yaml" in exc.value.text("zh")
    (tmp_path / "child").mkdir()
    (tmp_path / "empty").mkdir()
    (tmp_path / "child" / "pack.yaml").write_text("id: child\ntitle: {zh: 子包}\nversion: '1'\nextends: ../empty\n",
                                                  encoding="utf-8")
    with pytest.raises(RuleFileError) as exc:
        load_pack(tmp_path / "child")
    line = exc.value.one_line("zh")
    assert line.startswith(str(tmp_path / "child" / "pack.yaml") + ": ") and "“../empty”" in line and "pack.yaml" in line
    # A name no pack has: the pack.yaml named, and the packs there are (it read "path:[…]:1:" before).
    (tmp_path / "child" / "pack.yaml").write_text("id: child\ntitle: {zh: 子包}\nversion: '1'\nextends: cor\n",
                                                  encoding="utf-8")
    with pytest.raises(RuleFileError) as exc:
        load_pack(tmp_path / "child")
    line = exc.value.one_line("en")
    assert line.startswith(str(tmp_path / "child" / "pack.yaml") + ": ") and "core" in line and "[" not in line


def test_yaml_tags_cannot_construct_objects(tmp_path):
    evil = GOOD.replace("weight: 2", "weight: !!python/object/apply:os.system ['echo hacked']")
    err = load_error(tmp_path, {"demo/rule.yaml": evil})
    assert "YAML" in err.one_line("en")


def test_a_runaway_pattern_is_bounded_at_run_time(monkeypatch):
    """Even a pattern that slipped past the load-time probe cannot hang a check: it times out, the rule is unknown."""
    import lawcheck
    from lawcheck import saferegex
    from lawcheck.packs import RulePack, load_pack

    pack = load_pack()
    rule = pack.rule("quality.quantified").model_copy(update={"pattern": "((a|aa)+)+b"})
    evil = RulePack(pack.root, pack.digest, pack.manifest, pack.policy, (rule,), {})
    monkeypatch.setattr(saferegex, "SEARCH_SECONDS", 0.05)
    text = "一、推进依法行政的主要举措和成效\n" + "a" * 60 + "。\n"
    card = lawcheck.evaluate(text, rules=evil)
    result = card.result("quality.quantified")
    assert result.status == "unknown" and "超时" in result.message


@pytest.mark.parametrize("change,words", [
    ("      - document: 示例文件", "格式不符"),  # placeholder line replaced below
    ("years_reversed", "晚于结束年份"),
])
def test_a_basis_title_in_brackets_and_reversed_years_are_refused(tmp_path, change, words):
    if change == "years_reversed":
        text = GOOD.replace("kind: concept", "years: {from: 2030, to: 2016}\nkind: concept")
    else:
        text = GOOD.replace("  - document: 示例文件", "  - document: 作者《示例文件》")
    err = load_error(tmp_path, {"demo/rule.yaml": text})
    assert words in err.text("zh"), err.text("zh")
