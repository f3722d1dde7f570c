"""Where packs are: the built-in pack and its regional overlays, plugins, directories, and what each extends."""

from __future__ import annotations

import functools
import os
import re
import time
from pathlib import Path

from lawcheck import rx
from lawcheck.errors import Msg, RuleFileError


@functools.cache
def _package_dir() -> Path:
    return Path(__file__).resolve().parent.parent


def builtin_rules_dir() -> Path:
    """The statutory pack: shipped inside the wheel as lawcheck/rules, or rules/ in a checkout."""
    here = _package_dir()
    for cand in (here / "rules", here.parent / "rules"):
        if (cand / "pack.yaml").is_file():
            return cand
    raise FileNotFoundError("the built-in rule pack is missing (expected lawcheck/rules or ./rules)")


def builtin_pack_names() -> list[str]:
    """core, then the regional overlays shipped in rules/_packs."""
    root = builtin_rules_dir() / "_packs"
    return ["core", *sorted(p.name for p in root.glob("*") if (p / "pack.yaml").is_file())]


def plugin_packs(only: str | None = None) -> dict[str, Path]:
    """Packs that pip-installed distributions offer through the ``lawcheck.packs`` entry points (``only``:
    the one of that name).

    An entry point names a callable returning the pack's directory (or the directory itself).
    """
    from importlib.metadata import entry_points

    found: dict[str, Path] = {}
    for ep in sorted(entry_points(group="lawcheck.packs"), key=lambda e: e.name):
        if only is not None and ep.name != only:
            continue
        try:
            target = ep.load()
            found[ep.name] = Path(target() if callable(target) else target).resolve()
        except KeyboardInterrupt:
            raise
        except BaseException as e:
            # Plugins are consulted only for a name that is not built in, so a broken one is that
            # pack's error (exit 3), named, never a silent success.
            what = f"SystemExit({e.code!r})" if isinstance(e, SystemExit) else f"{type(e).__name__}: {e}"
            raise RuleFileError(f"{ep.name} = {ep.value}", Msg("plugin_failed", err=what)) from None
    return found


def resolve_pack(ref: str | Path, relative_to: Path | None = None) -> Path:
    """A pack by name (core, shaanxi, shenzhen, or a plugin's) or by directory.

    A built-in pack's name is that pack, whatever folders the working directory holds: a folder named
    ``core`` with a pack.yaml, dropped among the reports being checked, must not replace the statutory rules
    of a check that never named it.  A folder of that name is reached as a path (``./core``)."""
    text = str(ref)
    bare = not _path_like(ref, text)
    if bare:
        # A name: a built-in pack's, then an installed plugin's, and only then a folder of that name.
        found = _builtin_named(text) or _plugin_named(text)
        if found is not None:
            return found
    for cand in ([relative_to / text] if relative_to else []) + [Path(text)]:
        if (cand / "pack.yaml").is_file():
            return cand.resolve()
    found = None if bare else _builtin_named(text)
    if found is not None:  # Path("core") with no such folder: the built-in pack, as it always was
        return found
    plugins = plugin_packs()  # a plugin installed since this process first looked
    if text in plugins:
        return plugins[text]
    known = [*builtin_pack_names(), *sorted(plugins)]
    if relative_to is not None:  # a pack.yaml's extends: that file is wrong, named with what it extends
        where = str(relative_to / "pack.yaml")
        if (relative_to / text).is_dir() or Path(text).is_dir():
            raise RuleFileError(where, Msg("extends_not_pack", name=text))
        raise RuleFileError(where, Msg("no_pack", name=text), allowed=known)
    if Path(text).is_dir():  # a folder the user typed (--pack /etc): a usage error, as a wrong name is
        from lawcheck.errors import UsageError

        raise UsageError(Msg("not_pack_dir", path=text))
    # A name the user typed (--pack, lawcheck.toml): a usage error, with the nearest name.
    import difflib

    from lawcheck.errors import UsageError

    near = difflib.get_close_matches(text, known, n=1, cutoff=0.6)
    raise UsageError(Msg("no_pack_here", name=text, known=", ".join(known),
                         hint=Msg("did_you_mean", near=near[0]) if near else ""))


def pack_ref(text: str, base: Path | None = None) -> str:
    """A pack as the settings keep it: a folder (beside ``base``, else in the working directory) as its absolute
    path, a name as written — a built-in pack's name stays that pack whatever folder shares it."""
    folder = base / text if base is not None else Path(text)
    return str(folder.resolve()) if folder.is_dir() and not is_builtin_name(text) else text


def is_builtin_name(ref: str | Path) -> bool:
    """Whether ``ref`` names a built-in pack (core, a regional overlay) rather than a folder."""
    text = str(ref)
    return not _path_like(ref, text) and _builtin_named(text) is not None


def _builtin_named(text: str) -> Path | None:
    builtin = builtin_rules_dir()
    if text == "core":
        return builtin
    if text and not _path_like(text, text) and (builtin / "_packs" / text / "pack.yaml").is_file():
        return (builtin / "_packs" / text).resolve()
    return None


@functools.cache
def _plugin_names() -> frozenset[str]:
    """The names installed plugins offer (read once a process, none of them loaded: a name a folder also
    has costs no scan of the installed distributions on every call; a plugin installed later is still
    found below, where no folder has its name)."""
    from importlib.metadata import entry_points

    return frozenset(ep.name for ep in entry_points(group="lawcheck.packs"))


def _plugin_named(text: str) -> Path | None:
    """The plugin pack of that name, loading that plugin only (a broken other one is not this pack's error)."""
    if text not in _plugin_names():
        return None
    return plugin_packs(only=text).get(text)


def _path_like(ref: str | Path, text: str) -> bool:
    """A reference written as a path (a Path, a separator, a leading dot, a drive), not a bare name."""
    return isinstance(ref, Path) or "/" in text or os.sep in text or text.startswith(".") or (
        os.altsep is not None and os.altsep in text) or Path(text).is_absolute()


_EXTENDS = rx.compile(
    r"""^extends:[ \t]*(?:"([^"\\\n]*)"|'([^'\n]*)'|([^\s"'#\[\]{}&*!|>%@`][^#\n]*?))[ \t]*(?:#.*)?$""", re.M
)


# What each pack.yaml extends, by the file's stamp (as lawcheck.packs.cache stamps the rule files): every
# ``evaluate(text)`` without a loaded pack asks, and a stat costs less than reading the file again.
_EXTENDS_SEEN: dict[tuple, str | None] = {}


def extends_of(path: Path) -> str | None:
    """The pack a pack.yaml extends."""
    from lawcheck.packs.cache import file_stamp

    try:
        stamp = file_stamp(str(path), os.stat(path), time.time_ns())
    except OSError:
        stamp = None
    if stamp in _EXTENDS_SEEN:
        return _EXTENDS_SEEN[stamp]
    found = _extends_of(path)
    if stamp is not None:  # a file changed in the last two seconds is read again
        if len(_EXTENDS_SEEN) > 256:
            _EXTENDS_SEEN.clear()
        _EXTENDS_SEEN[stamp] = found
    return found


def _extends_of(path: Path) -> str | None:
    """The plain forms are read without the YAML parser, which the cached path would otherwise import just
    for this (~10-25 ms of every cold start)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        text = None
    heads = len(re.findall(r"^extends\b", text, re.M)) if text is not None else None
    if heads == 0:
        return None
    m = _EXTENDS.search(text) if heads == 1 else None  # type: ignore[arg-type]
    if m:
        quoted = m.group(1) if m.group(1) is not None else m.group(2)
        if quoted is not None:
            return quoted or None
        value = m.group(3).strip()
        return None if value in ("~", "null", "Null", "NULL") else value
    from lawcheck.packs.read import read_yaml

    data, _, _ = read_yaml(path, str(path))
    value = data.get("extends") if isinstance(data, dict) else None
    return str(value) if value else None


def pack_chain(root: Path) -> list[Path]:
    """The pack and everything it extends, base first."""
    chain: list[Path] = []
    current: Path | None = root
    while current is not None:
        if current in chain:
            names = " → ".join(p.name for p in [*chain, current])
            raise RuleFileError(str(root / "pack.yaml"), Msg("pack_cycle", chain=names))
        chain.append(current)
        parent = extends_of(current / "pack.yaml")
        current = resolve_pack(parent, current) if parent else None
    return list(reversed(chain))
