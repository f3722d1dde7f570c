"""The built wheel carries the rules: build it, install it in a fresh virtualenv, check a fixture."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv

import pytest

from tests.conftest import FIXTURES, ROOT


@pytest.mark.slow
def test_wheel_installs_and_checks_a_report(tmp_path):
    dist = tmp_path / "dist"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    wheels = list(dist.glob("lawcheck-*.whl"))
    assert len(wheels) == 1
    import zipfile

    names = zipfile.ZipFile(wheels[0]).namelist()
    assert "lawcheck/rules/pack.yaml" in names and "lawcheck/rules/policy.yaml" in names
    assert any(n.startswith("lawcheck/rules/enforcement/") for n in names)

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
    inst = subprocess.run([str(py), "-m", "pip", "install", "-q", str(wheels[0])], capture_output=True, text=True)
    assert inst.returncode == 0, inst.stderr
    # Run from an empty directory so nothing can come from the checkout.
    work = tmp_path / "work"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    env["LAWCHECK_CACHE_DIR"] = str(tmp_path / "cache")
    exe = env_dir / "bin" / "lawcheck"
    res = subprocess.run([str(exe), "check", str(FIXTURES / "001_lingshou_2021.txt"), "--format", "json"],
                         capture_output=True, text=True, cwd=work, env=env)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    import yaml

    expected = yaml.safe_load((FIXTURES / "001_lingshou_2021.expected.yaml").read_text(encoding="utf-8"))["statuses"]
    assert {r["rule"]: r["status"] for r in data["results"]} == expected
    where = subprocess.run([str(py), "-c", "import lawcheck.packs as p; print(p.builtin_rules_dir())"],
                           capture_output=True, text=True, cwd=work, env=env)
    assert "site-packages" in where.stdout
    # The regional packs travel in the wheel too.
    res = subprocess.run([str(exe), "rules", "--pack", "shaanxi", "--format", "json"], capture_output=True,
                         text=True, cwd=work, env=env)
    assert res.returncode == 0 and "shaanxi.deadline.march_first" in res.stdout, res.stderr
    # A third-party pack installed with pip is found through the lawcheck.packs entry point.
    inst = subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps",
                           str(ROOT / "examples" / "lawcheck-pack-office")], capture_output=True, text=True)
    assert inst.returncode == 0, inst.stderr
    res = subprocess.run([str(exe), "check", str(FIXTURES / "001_lingshou_2021.txt"), "--pack", "office",
                          "--format", "json", "--fail-on", "never"], capture_output=True, text=True, cwd=work, env=env)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert [p["id"] for p in data["packs"]] == ["core", "office"]
    assert any(r["rule"] == "office.content.legal_adviser" and r["status"] == "pass" for r in data["results"])
