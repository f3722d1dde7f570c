"""Issue 14: hostile rule packs and a shared cache — nothing another account can write is unpickled,
the cache names what was compiled, and a pack file can neither hang, exhaust memory nor leak a file."""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lawcheck.errors import RuleFileError
from lawcheck.packs import PACKS, cache, load_pack
from tests.conftest import ROOT
from tests.test_loader_errors import GOOD, load_error, make_pack

posix_only = pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX ownership and modes")


class _Planted:
    """A pickle that, if ever unpickled, leaves a file behind."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        import pathlib

        return (pathlib.Path.touch, (self.marker,))


def _signed(directory: Path, body: bytes) -> bytes:
    key = (directory / "key").read_bytes()
    return cache._MAGIC + hmac.new(key, body, hashlib.sha256).digest() + body


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("LAWCHECK_CACHE_DIR", str(d))
    cache._key.cache_clear()
    PACKS.clear()
    yield d
    cache._key.cache_clear()
    PACKS.clear()


@posix_only
def test_the_cache_folder_is_made_private_and_files_carry_a_mac(cache_dir):
    digest = load_pack().digest
    assert oct(cache_dir.stat().st_mode & 0o777) == "0o700"
    assert oct((cache_dir / "key").stat().st_mode & 0o777) == "0o600"
    data = (cache_dir / f"pack-{digest}.pickle").read_bytes()
    assert data.startswith(cache._MAGIC)


@posix_only
def test_a_planted_pickle_is_never_unpickled_unless_signed_with_the_users_key(cache_dir, tmp_path):
    digest = load_pack().digest
    planted = cache_dir / f"pack-{digest}.pickle"
    body = pickle.dumps(_Planted(tmp_path / "ran"))
    # This user's own file, mode 0600, but not signed: refused.
    for data in (body, cache._MAGIC + b"\0" * 32 + body):
        planted.write_bytes(data)
        os.chmod(planted, 0o600)
        PACKS.clear()
        assert len(load_pack().rules) >= 15
        assert not (tmp_path / "ran").exists()
    # The control: signed with the key, it would run — so the refusals above are the MAC's doing.
    planted.write_bytes(_signed(cache_dir, body))
    os.chmod(planted, 0o600)
    PACKS.clear()
    load_pack()
    assert (tmp_path / "ran").exists()


@posix_only
def test_a_symlink_in_the_cache_is_not_followed(cache_dir, tmp_path):
    digest = load_pack().digest
    target = tmp_path / "elsewhere.pickle"
    target.write_bytes(_signed(cache_dir, pickle.dumps(_Planted(tmp_path / "ran"))))
    os.chmod(target, 0o600)
    link = cache_dir / f"pack-{digest}.pickle"
    link.unlink()
    link.symlink_to(target)
    PACKS.clear()
    assert len(load_pack().rules) >= 15
    assert not (tmp_path / "ran").exists()


@posix_only
@pytest.mark.parametrize("setup", ["group_writable", "other_owner", "symlink"])
def test_a_cache_folder_others_could_write_is_not_used(setup, tmp_path, monkeypatch):
    d = tmp_path / "shared-cache"
    if setup == "symlink":
        real = tmp_path / "real"
        real.mkdir(mode=0o700)
        d.symlink_to(real)
    else:
        d.mkdir()
        os.chmod(d, 0o777 if setup == "group_writable" else 0o700)
        if setup == "other_owner":
            if os.getuid() != 0:
                pytest.skip("only root can give a folder to another account")
            os.chown(d, 65534, 65534)
    monkeypatch.setenv("LAWCHECK_CACHE_DIR", str(d))
    cache._key.cache_clear()
    PACKS.clear()
    assert cache.private_dir() is None
    assert len(load_pack().rules) >= 15  # still checks, without a cache
    assert not list(Path(os.path.realpath(d)).glob("pack-*"))
    cache._key.cache_clear()
    PACKS.clear()


def test_the_cache_names_what_was_compiled_not_what_was_there_before(cache_dir, tmp_path, monkeypatch):
    """A rule file edited while the pack compiles: the compiled rules are cached under the new
    content's digest, never served later for the old content."""
    import lawcheck.packs.read as read

    root = make_pack(tmp_path, {"demo/rule.yaml": GOOD})
    rule = root / "demo" / "rule.yaml"
    before = load_pack(root).rule("demo.rule").title.get("zh")
    edited = GOOD.replace("应说明示例事项", "应说明修改后的事项")
    original = read.compose

    def edit_then_compose(*args, **kwargs):
        rule.write_text(edited, encoding="utf-8")  # the edit lands between the digest and the read
        return original(*args, **kwargs)

    rule.write_text(GOOD.replace("应说明示例事项", "应说明第三种事项"), encoding="utf-8")
    PACKS.clear()
    monkeypatch.setattr(read, "compose", edit_then_compose)
    assert load_pack(root).rule("demo.rule").title.get("zh") == "应说明修改后的事项"
    monkeypatch.setattr(read, "compose", original)
    # The file is put back to the content whose digest was taken before the edit: its own rules.
    rule.write_text(GOOD.replace("应说明示例事项", "应说明第三种事项"), encoding="utf-8")
    PACKS.clear()
    assert load_pack(root).rule("demo.rule").title.get("zh") == "应说明第三种事项"
    assert before == "应说明示例事项"


def _lawcheck(*args: str, timeout: float = 60, env: dict | None = None,
              limit_as: int | None = None) -> subprocess.CompletedProcess:
    def limit() -> None:
        if limit_as:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (limit_as, limit_as))

    return subprocess.run([sys.executable, "-m", "lawcheck", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, env={**os.environ, "LAWCHECK_CACHE_DIR": "", **(env or {})},
                          preexec_fn=limit if limit_as else None)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs")
def test_a_fifo_named_yaml_in_a_pack_is_an_error_not_a_hang(tmp_path):
    root = make_pack(tmp_path, {"demo/rule.yaml": GOOD})
    os.mkfifo(root / "demo" / "pipe.yaml")
    res = _lawcheck("rules", "test", str(root), timeout=60)
    assert res.returncode == 3, res.stderr
    assert "pipe.yaml" in res.stderr and "Traceback" not in res.stderr


def test_a_rule_file_that_cannot_be_read_is_a_rule_file_error(tmp_path):
    root = make_pack(tmp_path, {"demo/rule.yaml": GOOD})
    (root / "demo" / "folder.yaml").mkdir()  # a directory where a rule file should be
    (root / "demo" / "dangling.yaml").symlink_to(tmp_path / "nowhere.yaml")
    res = _lawcheck("rules", "test", str(root))
    assert res.returncode == 3 and "Traceback" not in res.stderr, res.stderr
    assert ".yaml" in res.stderr and len(res.stderr.strip().splitlines()) <= 3


def test_a_yaml_alias_bomb_is_refused_quickly_in_bounded_memory(tmp_path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, cur in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{cur}: &{cur} [" + ",".join(f"*{prev}" for _ in range(9)) + "]")
    bomb = GOOD + "\n".join(f"x_{line}" for line in lines) + "\n"
    assert len(bomb.encode()) < 2048
    root = make_pack(tmp_path, {"demo/rule.yaml": bomb})
    res = _lawcheck("rules", "test", str(root), limit_as=1_500_000_000, timeout=120)
    assert res.returncode == 3, (res.returncode, res.stderr[-500:])
    assert "别名" in res.stderr and "MemoryError" not in res.stderr


@pytest.mark.parametrize("pattern", ["(?:(?:x{1000}){1000}){10}", "a{100}" * 3000])
def test_a_regular_expression_too_large_to_compile_is_refused(tmp_path, pattern):
    rule = GOOD.replace("phrases: [示例事项]", f"phrases: [示例事项]\n    patterns: ['{pattern}']")
    root = make_pack(tmp_path, {"demo/rule.yaml": rule})
    res = _lawcheck("rules", "test", str(root), limit_as=1_500_000_000, timeout=120)
    assert res.returncode == 3, (res.returncode, res.stderr[-500:])
    assert "Traceback" not in res.stderr and "MemoryError" not in res.stderr
    assert "展开后过大" in res.stderr or "至多 10000 个" in res.stderr, res.stderr


def test_a_pack_file_this_user_cannot_read_is_a_rule_file_error(tmp_path, monkeypatch, capsys):
    """Permissions (which root does not feel, so the refusal is simulated where the file is opened)."""
    from lawcheck.cli import main

    root = make_pack(tmp_path, {"demo/rule.yaml": GOOD})
    real_open = os.open

    def deny(path, flags, *args, **kwargs):
        if str(path).endswith("rule.yaml"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(cache.os, "open", deny)
    PACKS.clear()
    assert main(["rules", "test", str(root)]) == 3
    err = capsys.readouterr().err
    assert "rule.yaml" in err and "Traceback" not in err


def test_a_symlinked_rule_file_outside_the_pack_is_refused_unread(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("id: SECRET_ID_VALUE\nkind: concept\n", encoding="utf-8")
    root = make_pack(tmp_path, {"demo/rule.yaml": GOOD})
    (root / "demo" / "leak.yaml").symlink_to(secret)
    with pytest.raises(RuleFileError) as exc:
        PACKS.clear()
        load_pack(root)
    text = exc.value.text("zh") + exc.value.text("en")
    assert "规则包之外" in text and "SECRET" not in text and "hunter2" not in text
    # The control: the same text as a file inside the pack is quoted where it goes wrong.
    (root / "demo" / "leak.yaml").unlink()
    (root / "demo" / "leak.yaml").write_text(secret.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(RuleFileError) as exc:
        PACKS.clear()
        load_pack(root)
    assert "hunter2" in exc.value.text("zh") or "SECRET" in exc.value.text("zh")


def test_a_plugin_that_exits_is_a_rule_pack_error(tmp_path):
    site = tmp_path / "site"
    (site / "evil_plugin-1.0.dist-info").mkdir(parents=True)
    (site / "evil_plugin-1.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: evil-plugin\n"
                                                                 "Version: 1.0\n", encoding="utf-8")
    (site / "evil_plugin-1.0.dist-info" / "entry_points.txt").write_text(
        "[lawcheck.packs]\nevil = evil_plugin:pack\n", encoding="utf-8")
    (site / "evil_plugin.py").write_text(textwrap.dedent("""\
        import sys
        def pack():
            sys.exit(0)
        """), encoding="utf-8")
    env = {"PYTHONPATH": str(site)}
    res = _lawcheck("check", "fixtures/001_lingshou_2021.txt", "--pack", "evil", env=env)
    assert res.returncode == 3, (res.returncode, res.stdout[:200], res.stderr)
    assert "evil" in res.stderr and "SystemExit" in res.stderr
    # The built-in packs never consult plugins: they still work beside a broken one.
    assert _lawcheck("check", "fixtures/001_lingshou_2021.txt", "-q", env=env).returncode == 0


def test_a_jieba_cache_planted_in_the_shared_temp_folder_changes_nothing(tmp_path, monkeypatch):
    """jieba reads "jieba.cache" (marshal) from the shared temporary folder; one planted there by another
    account must not change the compiled pack's hints."""
    import marshal
    import tempfile
    import time

    from lawcheck.packs import builtin_rules_dir
    from lawcheck.packs.compile import derive_hints
    from lawcheck.packs.read import compose

    src = compose([builtin_rules_dir()], [])
    monkeypatch.setenv("LAWCHECK_CACHE_DIR", str(tmp_path / "own-cache"))
    cache._key.cache_clear()
    honest = derive_hints(src.rules, src.userdict)
    shared = tmp_path / "shared-tmp"
    shared.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(shared))
    with open(shared / "jieba.cache", "wb") as f:  # every character its own word: hints would change
        marshal.dump(({"x": 1}, 1), f)
    future = time.time() + 3600
    os.utime(shared / "jieba.cache", (future, future))
    for cache_dir in (str(tmp_path / "own-cache"), ""):  # with the user's cache folder, and with none
        monkeypatch.setenv("LAWCHECK_CACHE_DIR", cache_dir)
        assert derive_hints(src.rules, src.userdict) == honest
    assert honest["enforcement.three_systems"]


@pytest.mark.parametrize("pattern", ["(?:法|法)+!", "(?:依法|依法)+行政$", "(?:甲乙丙丁戊己庚辛)?(?:审|审)+$"])
def test_a_pattern_that_backtracks_on_its_own_characters_is_refused_at_load(tmp_path, pattern):
    """The probes were a, 一, x, 1, space: "(?:法|法)+!" passed them and ran a second on each report line of 法
    (found by an attack review: 20 such rules made a 13 KB report take 23 s).  Each pattern is now also tried on
    its own characters."""
    rule = GOOD.replace("phrases: [示例事项]", f"phrases: [示例事项]\n    patterns: ['{pattern}']")
    err = load_error(tmp_path, {"demo/rule.yaml": rule})
    assert "灾难性回溯" in err.text("zh") and pattern in err.text("zh")


def _one_pattern_timing_out(monkeypatch, chosen):  # type: ignore[no-untyped-def]
    """The built-in pack as a third party's (only those carry a time limit; the built-in patterns are also
    tried only where their words stand, never scanned: lawcheck.regexfold), with the manifest pattern
    ``chosen`` picks timing out on every run: the scorecard of a real report, and the pattern's runs."""
    import lawcheck
    from lawcheck import analysis, saferegex

    built_in = load_pack()
    pack = built_in.only([r.id for r in built_in.rules])
    pack.trusted = False
    pattern = chosen(pack.manifest)
    real = analysis.saferegex.finditer
    runs = []

    def slow(p, *args, **kwargs):  # type: ignore[no-untyped-def]
        if p == pattern:
            runs.append(p)
            raise saferegex.PatternTimeout(p)
        return real(p, *args, **kwargs)

    monkeypatch.setattr(analysis.saferegex, "finditer", slow)
    text = (ROOT / "fixtures" / "001_lingshou_2021.txt").read_text(encoding="utf-8")
    return lawcheck.evaluate(text, rules=pack), runs


def test_a_cue_pattern_that_times_out_leaves_the_rules_that_read_cues_unknown(monkeypatch):
    """A pack's negation or plan pattern that runs past its time limit on a text: every rule that reads the
    cues is unknown, saying why in the reader's language; the report is checked (it was an English "internal
    error" for the whole report)."""
    card, _runs = _one_pattern_timing_out(monkeypatch, lambda m: m.future_patterns[0])
    unknown = {r.rule for r in card.results if r.status == "unknown"}
    assert {"content.first_responsible_duty", "decision.major_procedure", "enforcement.three_systems"} <= unknown
    assert all("超时" in card.result(r).message for r in unknown)
    assert card.result("form.signature").status == "pass"  # a rule that reads no cue is judged


def test_a_named_only_pattern_that_times_out_is_run_once_and_leaves_its_readers_unknown(monkeypatch):
    """The same for the pack's named_only_patterns: the rules whose hits ask are unknown, said why, and the
    pattern is not run again for each of them (each run costs its whole time limit)."""
    card, runs = _one_pattern_timing_out(monkeypatch, lambda m: m.named_only_patterns[0])
    unknown = {r.rule for r in card.results if r.status == "unknown"}
    assert {"content.first_responsible_duty", "enforcement.three_systems"} <= unknown
    assert all("超时" in card.result(r).message for r in unknown)
    assert len(runs) == 1
    assert card.result("form.signature").status == "pass"
