"""What the JSON path imports: nothing it does not need (timings live in benchmarks/, not here)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import yaml

from lawcheck.packs.discover import extends_of as _extends
from tests.conftest import FIXTURES, ROOT

HEAVY = ("rich", "jieba", "yaml", "docx", "pypdf", "trafilatura", "lxml", "charset_normalizer", "multiprocessing",
         "concurrent.futures", "hypothesis")
# lawcheck's own modules a check without last year's report does not use (issue 18).
UNUSED = ("importlib.metadata", "pydantic.plugin._loader", "lawcheck.history", "lawcheck.review", "lawcheck.templates", "lawcheck.text.copies", "lawcheck.text.items",
          "lawcheck.compare", "lawcheck.serve", "lawcheck.render.formats.docx", "lawcheck.render.formats.html")

PROBE = """
import runpy, sys, json
sys.argv = ["lawcheck", "check", sys.argv[1], "--format", "json", "--fail-on", "never"]
try:
    runpy.run_module("lawcheck", run_name="__main__")
except SystemExit:
    pass
from lawcheck import model
built = sorted(n for n, c in vars(model).items() if isinstance(c, type) and issubclass(c, model.BaseModel)
               and c.__pydantic_complete__)
sys.stderr.write(json.dumps([sorted(sys.modules), built]))
"""


def test_json_check_of_a_text_file_imports_nothing_heavy():
    fixture = str(FIXTURES / "001_lingshou_2021.txt")
    # The first run may compile the pack (jieba for hints); the second is the cached cold start.
    for _ in range(2):
        res = subprocess.run([sys.executable, "-c", PROBE, fixture], capture_output=True, text=True, cwd=ROOT)
    assert '"results"' in res.stdout
    modules, built = json.loads(res.stderr.strip().splitlines()[-1])
    heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY or m in HEAVY or m.startswith(UNUSED))
    assert not heavy, f"the JSON path imported {heavy}"
    # The scorecard is built from what the engine made and written by render.dump: pydantic's validators and
    # serializers (and its plugin loader, importlib.metadata) are a third of a cold start (issue 18).
    assert built == [], f"the JSON path built pydantic's schema of {built}"


@pytest.mark.parametrize(
    "text",
    [
        "extends: core\n",
        "id: x\nextends: 'shaanxi'   # base\nversion: 1\n",
        'extends: "../my pack"\n',
        "id: x\n",
        "extends:\n",
        "extends: ~\n",
        "extends: null # none\n",
        "extends: ''\n",
        "# extends: core\nid: x\n",
        "extends: core  \n",
    ],
)
def test_extends_is_read_as_yaml_reads_it(tmp_path, text):
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    value = (yaml.safe_load(text) or {}).get("extends")
    assert _extends(path) == (str(value) if value else None)


WARM_PROBE = """
import sys, json
from pathlib import Path
from lawcheck.batch import Options, _warm
from lawcheck.inputs import Source
before = set(sys.modules)
_warm([Source(p, Path(p)) for p in sys.argv[1:]], Options())
sys.stdout.write(json.dumps(sorted(set(sys.modules) - before)))
"""


def test_a_batch_imports_what_its_workers_need_before_forking_them(tmp_path):
    """Issue 18: the parent of a batch imports the engine, the text modules and the readers (with their
    libraries) of the batch's formats before the workers are forked, so each worker inherits them instead
    of importing them again.  The warm-up checks a report of its own, never an input."""
    report = tmp_path / "a.docx"
    report.write_bytes(b"PK\x03\x04 not really a Word file: the warm-up must not read it")
    res = subprocess.run([sys.executable, "-c", WARM_PROBE, str(FIXTURES / "001_lingshou_2021.txt"), str(report)],
                         capture_output=True, text=True, cwd=ROOT, check=True)
    loaded = set(json.loads(res.stdout))
    assert {"lawcheck.engine", "lawcheck.files", "lawcheck.readers.text", "lawcheck.readers.docx", "docx",
            "charset_normalizer"} <= loaded
    assert "lawcheck.readers.pdf" not in loaded  # no PDF in this batch


def test_the_toml_parser_is_loaded_only_when_a_config_file_is_found(tmp_path):
    """Issue 18: most runs have no lawcheck.toml or pyproject.toml; they do not pay for the TOML parser.
    Where one is found it is read (the setting takes effect)."""
    fixture = str(FIXTURES / "001_lingshou_2021.txt")
    bare = tmp_path / "bare"
    bare.mkdir()
    res = subprocess.run([sys.executable, "-c", PROBE, fixture], capture_output=True, text=True, cwd=bare,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert '"results"' in res.stdout
    loaded = set(json.loads(res.stderr.strip().splitlines()[-1])[0])
    assert not {"tomllib", "tomli"} & loaded
    configured = tmp_path / "configured"
    configured.mkdir()
    (configured / "lawcheck.toml").write_text('lang = "en"\n', encoding="utf-8")
    res = subprocess.run([sys.executable, "-c", PROBE, fixture], capture_output=True, text=True, cwd=configured,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert json.loads(res.stdout)["lang"] == "en"
    assert {"tomllib", "tomli"} & set(json.loads(res.stderr.strip().splitlines()[-1])[0])


def test_what_a_pack_extends_is_read_again_when_its_file_changes(tmp_path):
    """``extends_of`` is remembered by the file's stamp (evaluate asks on every call): an edit is seen, one
    of the same size too, and a file changed in the last two seconds is read each time."""
    import os

    p = tmp_path / "pack.yaml"
    p.write_text("id: x\nextends: core\n", encoding="utf-8")
    old = p.stat().st_mtime_ns - 60_000_000_000
    os.utime(p, ns=(old, old))
    assert _extends(p) == "core"
    assert _extends(p) == "core"  # remembered
    p.write_text("id: x\nextends: base\n", encoding="utf-8")  # the same size, an older time set back too
    os.utime(p, ns=(old + 1_000_000_000, old + 1_000_000_000))
    assert _extends(p) == "base"
    p.write_text("id: x\n", encoding="utf-8")  # just now: read, not remembered
    assert _extends(p) is None
    p.write_text("id: x\nextends: core\n", encoding="utf-8")
    assert _extends(p) == "core"
    p.unlink()
    from lawcheck.errors import RuleFileError

    with pytest.raises(RuleFileError):  # gone: the pack's error naming the file, as before
        _extends(p)
