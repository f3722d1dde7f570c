"""The example pack's own tests: its rules pass their examples and it loads on top of core."""

from __future__ import annotations

import sys
from pathlib import Path

import lawcheck
from lawcheck.authoring import own_rule_ids, run_examples
from lawcheck.packs import load_pack

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the example is not installed in lawcheck's tests

from lawcheck_pack_office import pack_dir


def test_examples_pass():
    pack = load_pack(pack_dir())
    runs = run_examples(pack, own_rule_ids(pack, Path(pack_dir())))
    assert runs and all(r.ok for r in runs), [r for r in runs if not r.ok]


def test_extends_core_and_overrides_a_weight():
    pack = load_pack(pack_dir())
    assert [c[0] for c in pack.chain] == ["core", "office"]
    assert pack.rule("decision.major_procedure").weight == 10
    text = "2021年,全县法治政府建设取得新成效。\n一、主要举措和成效\n县政府法律顾问参与重大行政决策论证30次。\n"
    assert lawcheck.evaluate(text, rules=pack).result("office.content.legal_adviser").status == "pass"
