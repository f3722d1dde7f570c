"""The compiled pack: one automaton, a cache keyed by content, subsets for single-rule checks."""

from __future__ import annotations

import shutil

import lawcheck
from lawcheck.packs import PACKS, builtin_rules_dir, load_pack
from tests.conftest import FIXTURES


def test_cache_gives_the_same_results_and_follows_edits(tmp_path, monkeypatch):
    root = tmp_path / "rules"
    shutil.copytree(builtin_rules_dir(), root)
    monkeypatch.setenv("LAWCHECK_CACHE_DIR", str(tmp_path / "cache"))
    PACKS.clear()
    fresh = load_pack(root)
    assert list((tmp_path / "cache").glob("pack-*.pickle")), "the compiled pack was cached"
    PACKS.clear()
    cached = load_pack(root)
    text = (FIXTURES / "002_yixing_2020.txt").read_text(encoding="utf-8")
    assert lawcheck.evaluate(text, rules=fresh).model_dump_json() == lawcheck.evaluate(text, rules=cached).model_dump_json()
    # Editing a rule file changes the pack's digest: the edit is seen, not the stale cache.
    rule = root / "quality" / "quantified.yaml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("weight: 3", "weight: 4"), encoding="utf-8")
    PACKS.clear()
    edited = load_pack(root)
    assert edited.digest != fresh.digest and edited.rule("quality.quantified").weight == 4


def _age(root, seconds: int = 3600) -> None:
    import os
    import time

    old = time.time() - seconds
    for p in root.rglob("*"):
        os.utime(p, (old, old))


def test_a_process_that_keeps_its_pack_still_sees_edits(tmp_path, monkeypatch):
    # evaluate(text) without a loaded pack reuses the process's pack while the files' stamps are
    # unchanged, and must never serve a stale one after an edit, whether the edit is old or new.
    root = tmp_path / "rules"
    shutil.copytree(builtin_rules_dir(), root)
    monkeypatch.setenv("LAWCHECK_CACHE_DIR", "")
    PACKS.clear()
    _age(root)
    first = load_pack(root)
    assert load_pack(root) is first and len(PACKS) == 1, "unchanged files: the same pack, from the stamp"
    rule = root / "quality" / "quantified.yaml"
    body = rule.read_text(encoding="utf-8")
    # Same size, written just now: the stamp is too fresh to trust, so the contents are hashed.
    rule.write_text(body.replace("weight: 3", "weight: 4"), encoding="utf-8")
    assert load_pack(root).rule("quality.quantified").weight == 4
    # Same size again, then made to look old: the mtime differs from the remembered one.
    rule.write_text(body.replace("weight: 3", "weight: 5"), encoding="utf-8")
    _age(root, 7200)
    assert load_pack(root).rule("quality.quantified").weight == 5
    # A new rule file appears.
    (root / "quality" / "extra.yaml").write_text(
        rule.read_text(encoding="utf-8").replace("id: quality.quantified", "id: quality.extra"), encoding="utf-8")
    _age(root, 10800)
    assert load_pack(root).rule("quality.extra") is not None


def test_a_corrupt_cache_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("LAWCHECK_CACHE_DIR", str(tmp_path))
    PACKS.clear()
    digest = load_pack().digest
    import pickle

    for junk in (b"not a pickle", pickle.dumps({"rules": [{"kind": "nonsense"}]}), pickle.dumps({"format": 3})):
        (tmp_path / f"pack-{digest}.pickle").write_bytes(junk)
        PACKS.clear()
        assert len(load_pack().rules) >= 15


def test_every_phrase_is_in_one_automaton(pack):
    for rule in pack.rules:
        for part in getattr(rule, "parts", []):
            for phrase in part.phrases:
                assert pack.ids([phrase]), f"{rule.id}: {phrase!r} is not in the automaton"


def test_near_miss_terms_come_from_the_domain_dictionary(pack):
    # jieba with the user dictionary keeps domain terms whole when deriving near-miss terms.
    terms = set(pack.hints["enforcement.three_systems"])
    assert {"法制审核", "全过程记录"} <= terms


def test_only_keeps_vocabulary_and_policy(pack):
    sub = pack.only(["form.signature"])
    assert [r.id for r in sub.rules] == ["form.signature"]
    assert sub.policy == pack.policy and sub.manifest == pack.manifest


class _Planted:
    """A pickle that, if ever unpickled, leaves a file behind."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        import pathlib

        return (pathlib.Path.touch, (self.marker,))


def test_a_cache_file_others_could_write_is_never_unpickled(tmp_path, monkeypatch):
    import os
    import pickle

    cache = tmp_path / "cache"
    monkeypatch.setenv("LAWCHECK_CACHE_DIR", str(cache))
    PACKS.clear()
    digest = load_pack().digest
    planted = cache / f"pack-{digest}.pickle"
    # Unsigned, it is never unpickled, whatever its mode (tests/test_hostile_packs.py signs the control).
    for mode, unpickled in ((0o666, False), (0o620, False), (0o600, False)):
        marker = tmp_path / f"ran-{mode:o}"
        planted.write_bytes(pickle.dumps(_Planted(marker)))
        os.chmod(planted, mode)
        PACKS.clear()
        assert len(load_pack().rules) >= 15  # rebuilt either way
        # The control (0o600, this user's own file) shows the planted pickle would have run.
        assert marker.exists() == unpickled, oct(mode)
