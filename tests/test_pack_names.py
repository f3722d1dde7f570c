"""A built-in pack's name is that pack: a folder of the same name in the working directory (say, among the
reports a reviewer received) never replaces the statutory rules; the default pack of ``evaluate(text)`` is
looked up again at most once a second (issue 18)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import lawcheck
import lawcheck.packs as packs
from lawcheck.packs import builtin_rules_dir, load_pack
from tests.conftest import FIXTURES, ROOT
from tests.test_loader_errors import GOOD

REPORT = FIXTURES / "001_lingshou_2021.txt"


def _planted(where: Path, name: str = "core") -> Path:
    """A pack of one demo rule, named like a built-in pack, in a folder of that name."""
    root = where / name
    (root / "demo").mkdir(parents=True)
    for meta in ("pack.yaml", "policy.yaml"):
        shutil.copy(builtin_rules_dir() / meta, root / meta)
    (root / "demo" / "rule.yaml").write_text(GOOD, encoding="utf-8")
    return root


def _rules(args: list[str], cwd: Path) -> set[str]:
    res = subprocess.run([sys.executable, "-m", "lawcheck", "check", str(REPORT), "--format", "json",
                          "--fail-on", "never", *args], capture_output=True, text=True, cwd=cwd,
                         env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})
    assert res.returncode == 0, res.stderr
    return {r["rule"] for r in json.loads(res.stdout)["results"]}


def test_a_folder_named_core_does_not_replace_the_statutory_pack(tmp_path: Path) -> None:
    _planted(tmp_path)
    builtin = {r.id for r in load_pack().rules}
    assert _rules([], tmp_path) == builtin  # the default
    assert _rules(["--pack", "core"], tmp_path) == builtin  # the name typed
    assert _rules(["--pack", "./core"], tmp_path) == {"demo.rule"}  # the folder, written as a path


def test_a_folder_named_like_a_regional_pack_does_not_replace_it(tmp_path: Path, monkeypatch) -> None:
    _planted(tmp_path, "shaanxi")
    monkeypatch.chdir(tmp_path)
    assert load_pack(packs=["shaanxi"]).root == (builtin_rules_dir() / "_packs" / "shaanxi").resolve()
    assert load_pack(packs=["./shaanxi"]).root == (tmp_path / "shaanxi").resolve()
    assert load_pack(packs=[str(tmp_path / "shaanxi")]).root == (tmp_path / "shaanxi").resolve()


def test_evaluate_without_a_pack_ignores_a_planted_core(tmp_path: Path, monkeypatch) -> None:
    _planted(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(packs, "_default", None)
    card = lawcheck.evaluate(REPORT.read_text(encoding="utf-8"))
    assert {r.rule for r in card.results} == {r.id for r in load_pack().rules}


def test_a_folder_of_another_name_is_still_a_pack_by_its_name(tmp_path: Path, monkeypatch) -> None:
    _planted(tmp_path, "mypack")
    monkeypatch.chdir(tmp_path)
    assert {r.id for r in load_pack(packs=["mypack"]).rules} == {"demo.rule"}


def test_the_default_pack_is_looked_up_again_after_a_second(monkeypatch) -> None:
    calls: list[int] = []
    real = packs.load_pack

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(packs, "load_pack", counting)
    monkeypatch.setattr(packs, "_default", None)
    text = REPORT.read_text(encoding="utf-8")
    for _ in range(3):
        lawcheck.evaluate(text)
    assert len(calls) == 1  # within the second: the pack held
    monkeypatch.setattr(packs, "DEFAULT_RECHECK_SECONDS", 0.0)
    lawcheck.evaluate(text)
    assert len(calls) == 2  # past it: looked up (and an edited rule file seen)


@pytest.mark.parametrize("ref", ["core", "shaanxi", "shenzhen"])
def test_every_built_in_name_resolves_to_the_built_in_pack(ref: str, tmp_path: Path, monkeypatch) -> None:
    _planted(tmp_path, ref)
    monkeypatch.chdir(tmp_path)
    assert packs.resolve_pack(ref).is_relative_to(builtin_rules_dir().resolve())


def test_a_config_naming_core_beside_a_folder_named_core_means_the_built_in_pack(tmp_path: Path) -> None:
    _planted(tmp_path)
    (tmp_path / "lawcheck.toml").write_text('packs = ["core"]\n', encoding="utf-8")
    assert _rules([], tmp_path) == {r.id for r in load_pack().rules}
    (tmp_path / "lawcheck.toml").write_text('packs = ["./core"]\n', encoding="utf-8")  # a path: the folder
    assert _rules([], tmp_path) == {"demo.rule"}


def test_a_path_object_naming_core_with_no_such_folder_is_the_built_in_pack(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_pack(Path("core")).root == builtin_rules_dir()  # as before: no folder, the name
    _planted(tmp_path)
    assert {r.id for r in load_pack(Path("core")).rules} == {"demo.rule"}  # a Path is a path when it is one


def test_an_installed_plugins_name_is_not_taken_by_a_folder_of_that_name(tmp_path: Path, monkeypatch) -> None:
    from lawcheck.packs import discover

    site = tmp_path / "site"
    (site / "fakeplug-0.1.dist-info").mkdir(parents=True)
    (site / "fakeplug-0.1.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: fakeplug\nVersion: 0.1\n",
                                                               encoding="utf-8")
    (site / "fakeplug-0.1.dist-info" / "entry_points.txt").write_text(
        "[lawcheck.packs]\nprov = fakeplug_mod:where\n", encoding="utf-8")
    plugin_pack = _planted(tmp_path / "shipped", "prov")
    (site / "fakeplug_mod.py").write_text(f"def where():\n    return {str(plugin_pack)!r}\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    discover._plugin_names.cache_clear()
    try:
        work = tmp_path / "work"
        work.mkdir()
        _planted(work, "prov")  # a folder of the plugin's name where the check runs
        monkeypatch.chdir(work)
        assert packs.resolve_pack("prov") == plugin_pack.resolve()
        assert packs.resolve_pack("./prov") == (work / "prov").resolve()
    finally:
        discover._plugin_names.cache_clear()


def test_naming_core_beside_a_folder_named_core_says_how_to_reach_the_folder(tmp_path: Path) -> None:
    _planted(tmp_path)
    for lang, words in (("zh", "请写 --pack ./core"), ("en", "write --pack ./core")):
        res = subprocess.run([sys.executable, "-m", "lawcheck", "check", str(REPORT), "--format", "json",
                              "--fail-on", "never", "--pack", "core", "--lang", lang], capture_output=True,
                             text=True, cwd=tmp_path, env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})
        assert res.returncode == 0 and words in res.stderr, res.stderr
    res = subprocess.run([sys.executable, "-m", "lawcheck", "check", str(REPORT), "--format", "json",
                          "--fail-on", "never", "--pack", "core"], capture_output=True, text=True,
                         cwd=tmp_path.parent, env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})
    assert "--pack ./core" not in res.stderr  # no folder of that name here: nothing to say
