"""Rule packs: inheritance, regional overlays on real reports, plugins, and the author's loop."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import pytest

import lawcheck
from lawcheck.cli import main
from lawcheck.errors import RuleFileError
from lawcheck.packs import builtin_rules_dir, load_pack
from tests.conftest import FIXTURES, ROOT

EXTRA_RULE = (ROOT / "tests" / "data" / "extra_rule.yaml").read_text(encoding="utf-8")
HETANG = (FIXTURES / "004_hetang_2024.txt").read_text(encoding="utf-8")


def write_pack(root: Path, manifest: str, rules: dict[str, str] | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pack.yaml").write_text(textwrap.dedent(manifest), encoding="utf-8")
    for rel, text in (rules or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_extend_override_disable(tmp_path):
    office = write_pack(tmp_path / "office", """\
        id: office
        title: {zh: 本办规则}
        version: "1.0"
        extends: core
        sources: [{id: S23, title: 重大行政决策程序暂行条例}]
        overrides:
          quality.quantified: {weight: 10, severity: warning}
        disable: [era.anachronisms]
        """, {"local/legal_adviser.yaml": EXTRA_RULE})
    pack = load_pack(office)
    ids = {r.id for r in pack.rules}
    assert "local.legal_adviser" in ids and "era.anachronisms" not in ids and "content.shortcomings" in ids
    assert pack.rule("quality.quantified").weight == 10 and pack.rule("quality.quantified").severity == "warning"
    assert pack.chain == (("core", pack.manifest.version if False else load_pack().version), ("office", "1.0"))
    card = lawcheck.evaluate((FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8"), rules=pack)
    assert [p.id for p in card.packs] == ["core", "office"]
    assert card.result("local.legal_adviser").status == "pass"
    assert card.result("quality.quantified").weight == 10


@pytest.mark.parametrize(("manifest", "needle"), [
    ("id: office\ntitle: {zh: x}\nversion: '1'\nextends: no_such_pack\n", "no rule pack named 'no_such_pack'"),
    ("id: office\ntitle: {zh: x}\nversion: '1'\nextends: core\ndisable: [no.such_rule]\n", "disables rules that do not exist"),
    ("id: office\ntitle: {zh: x}\nversion: '1'\nextends: core\noverrides: {no.such: {weight: 2}}\n",
     "overrides rules that do not exist"),
    ("id: office\ntitle: {zh: x}\nversion: '1'\n", "negation and future"),
])
def test_pack_errors(tmp_path, manifest, needle):
    root = tmp_path / "office"
    root.mkdir()
    (root / "pack.yaml").write_text(manifest, encoding="utf-8")
    with pytest.raises(RuleFileError) as exc:
        load_pack(root)
    assert needle in exc.value.one_line("en")


def test_extending_in_a_circle(tmp_path):
    write_pack(tmp_path / "a", "id: a\ntitle: {zh: a}\nversion: '1'\nextends: ../b\n")
    write_pack(tmp_path / "b", "id: b\ntitle: {zh: b}\nversion: '1'\nextends: ../a\n")
    with pytest.raises(RuleFileError) as exc:
        load_pack(tmp_path / "a")
    assert "circle" in exc.value.one_line("en")


def test_shaanxi_overlay_on_a_real_report_and_changed_copies():
    pack = load_pack(packs=["shaanxi"])
    # The report as published names no place in a title or signature, but its body names 株洲市 as its own ("发出株洲市
    # 首份…") and never Shaanxi: a Hunan report, not held to the overlay.
    base = lawcheck.evaluate(HETANG, rules=pack)
    assert base.result("shaanxi.deadline.march_first").status == "not_applicable"
    assert "株洲市" in base.result("shaanxi.deadline.march_first").message
    # Without that, it has no title and no date: the overlay cannot judge it.
    nowhere = lawcheck.evaluate(HETANG.replace("株洲市首份", "本市首份"), rules=pack)
    assert nowhere.result("shaanxi.deadline.march_first").status == "unknown"
    assert nowhere.result("shaanxi.form.report_name").status == "unknown"
    # The overlay binds Shaanxi only: the report signed by its real organ, in Hunan, is not held to it; the same text
    # signed in a Shaanxi city is.
    hunan = "荷塘区2024年法治政府建设年度报告\n" + HETANG + "\n株洲市荷塘区人民政府\n2025年2月20日\n"
    assert lawcheck.evaluate(hunan, rules=pack).result("shaanxi.deadline.march_first").status == "not_applicable"
    signed = "荷塘区2024年法治政府建设年度报告\n" + HETANG + "\n西安市荷塘区人民政府\n2025年2月20日\n"
    card = lawcheck.evaluate(signed, rules=pack)
    assert card.result("shaanxi.deadline.march_first").status == "pass"
    assert card.result("shaanxi.form.report_name").status == "pass"
    late = signed.replace("2025年2月20日", "2025年3月10日")
    card = lawcheck.evaluate(late, rules=pack)
    assert card.result("shaanxi.deadline.march_first").status == "fail"
    # No national submission deadline is verified for report years from 2021 (the 2015 纲要's first quarter
    # governed 2016-2020): the regional limit is the one that holds.
    assert card.result("deadline.first_quarter").status == "not_applicable"
    renamed = signed.replace("荷塘区2024年法治政府建设年度报告", "荷塘区人民政府关于2024年度法治政府建设情况的报告")
    assert lawcheck.evaluate(renamed, rules=pack).result("shaanxi.form.report_name").status == "fail"
    # The party-and-government line: a joint report copies the coordination body one level up.
    assert card.result("shaanxi.form.copy_to").status == "not_applicable"  # no 抄送 line in a published copy
    joint = signed.replace("荷塘区2024年法治政府建设年度报告", "中共荷塘区委 荷塘区人民政府关于2024年法治政府建设情况的报告")
    copied = joint + "抄送:西安市委全面依法治市委员会办公室。\n"
    assert lawcheck.evaluate(copied, rules=pack, reporter="joint").result("shaanxi.form.copy_to").status == "pass"
    wrong = joint + "抄送:西安市司法局。\n"
    assert lawcheck.evaluate(wrong, rules=pack, reporter="joint").result("shaanxi.form.copy_to").status == "fail"


def test_shenzhen_overlay_is_reported_not_scored():
    pack = load_pack(packs=["shenzhen"])
    card = lawcheck.evaluate(HETANG, rules=pack)
    r = card.result("shenzhen.coverage.first_level_items")
    assert r.lifecycle == "experimental" and not r.scored and r.status in ("pass", "partial")
    assert card.score == lawcheck.evaluate(HETANG).score  # experimental rules do not move the score
    import re

    without = re.sub(r"[^。\n]*(?:普法|法治宣传|法律服务|法治社会|人民调解|调解)[^。\n]*。", "", HETANG)
    changed = lawcheck.evaluate(without, rules=pack).result("shenzhen.coverage.first_level_items")
    assert "rule_of_law_society" in changed.missing and changed.status != "pass"


def test_several_packs_at_once(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    signed = "荷塘区2024年法治政府建设年度报告\n" + HETANG + "\n株洲市荷塘区人民政府\n2025年2月20日\n"
    (tmp_path / "r.txt").write_text(signed, encoding="utf-8")
    assert main(["check", "r.txt", "--pack", "shaanxi", "--pack", "shenzhen", "--format", "json",
                 "--fail-on", "never"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [p["id"] for p in data["packs"]] == ["core", "shaanxi", "shenzhen"]
    rules = {r["rule"] for r in data["results"]}
    assert {"shaanxi.deadline.march_first", "shenzhen.coverage.first_level_items", "content.shortcomings"} <= rules


def test_plugin_packs_are_found_through_entry_points(tmp_path, monkeypatch):
    from importlib import metadata

    from lawcheck.packs import PACKS

    plugin = write_pack(tmp_path / "plugin_pack", "id: plugin\ntitle: {zh: 插件}\nversion: '2.0'\nextends: core\n"
                        "sources: [{id: S23, title: 条例}]\n", {"local/legal_adviser.yaml": EXTRA_RULE})

    class EP:
        name = "office_rules"

        def load(self):
            return lambda: str(plugin)

    monkeypatch.setattr(metadata, "entry_points", lambda group=None: [EP()] if group == "lawcheck.packs" else [])
    PACKS.clear()
    pack = load_pack(packs=["office_rules"])
    assert "local.legal_adviser" in {r.id for r in pack.rules} and pack.chain[-1] == ("plugin", "2.0")


def test_the_authors_loop(tmp_path, monkeypatch, capsys):
    """docs/authoring.md: a new pack extending core, a new rule failing its own example, fixed, then on a scorecard."""
    monkeypatch.chdir(tmp_path)
    write_pack(tmp_path / "my-pack", "id: my_pack\ntitle: {zh: 我的规则包}\nversion: '0.1'\nextends: core\n")
    assert main(["rules", "new", "office.content.legal_adviser", "--dir", "my-pack"]) == 0
    rule = tmp_path / "my-pack" / "office" / "content" / "legal_adviser.yaml"
    assert rule.is_file() and capsys.readouterr().out.strip().endswith("legal_adviser.yaml")
    text = rule.read_text(encoding="utf-8").replace("[某事项, 另一种说法]", "[法律顾问, 公职律师]")
    rule.write_text(text, encoding="utf-8")  # the examples still speak of 某事项: the pass example now fails
    assert main(["rules", "test", "my-pack"]) == 1
    out = capsys.readouterr().out
    assert "✗ office.content.legal_adviser" in out and "应为 pass，实为 fail" in out
    rule.write_text(text.replace("全年推进某事项，取得新成效。", "全县部门法律顾问实现全覆盖。"), encoding="utf-8")
    assert main(["rules", "test", "my-pack"]) == 0
    assert "✓ office.content.legal_adviser" in capsys.readouterr().out
    assert main(["check", str(FIXTURES / "001_lingshou_2021.txt"), "--pack", "my-pack", "--format", "json",
                 "--fail-on", "never"]) == 0
    card = json.loads(capsys.readouterr().out)
    result = next(r for r in card["results"] if r["rule"] == "office.content.legal_adviser")
    assert result["status"] == "pass" and not result["scored"]  # the template starts experimental


def test_rules_new_refuses_to_overwrite_and_bad_ids(tmp_path, capsys):
    assert main(["rules", "new", "office.x", "--dir", str(tmp_path)]) == 0
    assert main(["rules", "new", "office.x", "--dir", str(tmp_path)]) == 2
    assert main(["rules", "new", "Office X", "--dir", str(tmp_path)]) == 2


def test_schema_validates_the_rule_files():
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    schema = json.loads((builtin_rules_dir() / "schema.json").read_text(encoding="utf-8"))
    for path in sorted(builtin_rules_dir().rglob("*.yaml")):
        if path.name in ("pack.yaml", "policy.yaml", "indicators.yaml"):  # not rules: validated by their models
            continue
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)
    with pytest.raises(jsonschema.ValidationError):
        bad = yaml.safe_load((builtin_rules_dir() / "form" / "signature.yaml").read_text(encoding="utf-8"))
        bad["sevrity"] = "error"
        jsonschema.validate(bad, schema)


def test_rules_test_output_for_a_broken_example(tmp_path, capsys):
    root = tmp_path / "p"
    shutil.copytree(builtin_rules_dir() / "_packs" / "shaanxi", root)
    f = root / "shaanxi" / "form" / "report_name.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("      雁塔区2023年法治政府建设年度报告\n",
                                                         "      雁塔区2023年法治政府建设工作报告\n", 1), encoding="utf-8")
    assert main(["rules", "test", str(root)]) == 1
    out = capsys.readouterr().out
    assert "✗ shaanxi.form.report_name：1/3个示例不符" in out and "应为 pass，实为 fail" in out
    assert "标题为“雁塔区2023年法治政府建设工作报告”" in out


def test_renamed_ids_keep_working_through_aliases(tmp_path, capsys):
    renamed = EXTRA_RULE.replace("id: local.legal_adviser", "id: local.legal_advisers\naliases: [local.legal_adviser]")
    office = write_pack(tmp_path / "office", "id: office\ntitle: {zh: x}\nversion: '1'\nextends: core\n"
                        "sources: [{id: S23, title: 条例}]\n", {"local/legal_advisers.yaml": renamed})
    pack = load_pack(office)
    assert pack.rule("local.legal_adviser").id == "local.legal_advisers"
    assert main(["explain", "local.legal_adviser", "--pack", str(office)]) == 0
    assert "local.legal_advisers" in capsys.readouterr().out
    assert "local.legal_advisers" not in {r.id for r in load_pack(office, disable=["local.legal_adviser"]).rules}
