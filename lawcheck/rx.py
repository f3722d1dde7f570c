"""lawcheck's own regular expressions, compiled once per machine instead of once per process.

Python compiles a pattern in two pure-Python steps (parse, then code generation) before handing the code
to the C engine; for the few hundred patterns of lawcheck that is some 60 ms of every start, about a
sixth of a one-report check.  The code the engine is handed depends only on the pattern, its flags and
the Python build, so it is kept in this user's private cache folder (``packs.cache.private_dir``, as the
compiled rule pack is) in a file named for the Python build and the engine's version, and handed
straight to the engine on the next start.  The engine validates the code it is given.

Only patterns written in lawcheck's source go through here (a fixed set), and in a store of their own
(``CATALOGUE``, bounded) a pack's word lists (``any_word``): other patterns built from data —
a pack's phrases, a folder's place names — are compiled with ``re`` where they are built (they would fill
the cache, and a document's words never belong in it), and rule files' patterns keep their own checked
path (``saferegex``).  Anything
unexpected — another Python, no cache folder, a damaged file — falls back to ``re.compile``: the cache
can only save time.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import re
import sys
from collections.abc import Callable
from functools import lru_cache

try:  # the compiler's two steps, as re.compile runs them
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    try:
        import _sre
        import sre_compile as _compiler  # type: ignore[no-redef]
        import sre_parse as _parser  # type: ignore[no-redef]
    except ImportError:
        _compiler = _parser = None  # type: ignore[assignment]

_MAX = 4096  # entries kept: lawcheck has a few hundred; a bound against anything that would grow it


class CodeStore:
    """Compiled code by key, in one signed file of this user's cache folder (named by ``name()``, which
    must change with whatever the code depends on), read when first asked for and written at exit by the
    process that added to it.  Also used for the built-in rule pack's patterns (``saferegex``)."""

    def __init__(self, name: Callable[[], str], most: int = _MAX) -> None:
        self._name, self._most = name, most
        self._entries: dict | None = None  # type: ignore[type-arg]
        self._added = False

    def entries(self) -> dict:  # type: ignore[type-arg]
        if self._entries is None:
            from lawcheck.cachefile import cache_read  # signed with this user's key, checked before unpickling

            data = cache_read(self._name())
            self._entries = data if isinstance(data, dict) else {}
        return self._entries

    def remember(self, key: object, args: tuple) -> None:  # type: ignore[type-arg]
        entries = self.entries()
        if len(entries) >= self._most:
            return
        entries[key] = args
        if not self._added:
            self._added = True
            atexit.register(self._save, os.getpid())

    def _save(self, pid: int) -> None:
        """Atomically, so that a reader sees the old file or the new one; never by a forked worker (told
        apart by its pid).  A read-only cache only costs the next start its compile time."""
        if os.getpid() == pid and self._entries:
            from lawcheck.cachefile import cache_write

            cache_write(self._name(), self._entries)


def compile(pattern: str, flags: int | re.RegexFlag = 0, store: CodeStore | None = None) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from this machine's cache of compiled code when it is there
    (``store``: another cache than that of lawcheck's own patterns, such as ``CATALOGUE``)."""
    flags = int(flags)
    if _compiler is None:
        return re.compile(pattern, flags)
    store = store or _STORE
    known = store.entries().get((pattern, flags))
    if known is not None:
        try:
            return _sre.compile(pattern, *known)
        except Exception:  # a damaged entry: compiled afresh below
            pass
    try:
        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        args = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        compiled = _sre.compile(pattern, *args)
    except re.error:
        raise
    except Exception:  # the compiler's inner steps changed: the public way
        return re.compile(pattern, flags)
    store.remember((pattern, flags), args)
    return compiled


def build_name() -> str:
    """The Python build and its engine's version, in short: what compiled code depends on."""
    return hashlib.sha256(f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}".encode()).hexdigest()[:16]


def _name() -> str:
    """The cache file's name: the Python build and the engine's version, so that another Python never
    reads code made for this one."""
    return f"regex-{build_name()}"


def _entries() -> dict[tuple[str, int], tuple]:  # type: ignore[type-arg]
    return _STORE.entries()


_STORE = CodeStore(_name)
# The word lists of a pack (its indicator catalogue's cue words: some forty alternations, a sixth of a cold
# check's first report to compile; a section rule's set phrases).  Words of a rule pack, never of a
# document; a file of its own, bounded, so that third-party packs cannot crowd out or bloat lawcheck's own
# patterns.
CATALOGUE = CodeStore(lambda: "catalogue-" + _name().removeprefix("regex-"), most=256)


@lru_cache(maxsize=512)
def any_word(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """Any of a pack's ``words`` as one pattern (None for none), its code kept in ``CATALOGUE``: longest
    first, words of one length in a fixed order (two never match at one place), so that one list is one
    pattern in every process, whatever order a set gave it."""
    if not words:
        return None
    return compile("|".join(map(re.escape, sorted(set(words), key=lambda w: (-len(w), w)))), store=CATALOGUE)


def cached(pattern: str, flags: int = 0) -> bool:
    """Whether this pattern's compiled code is in the cache (for tests and the benchmark)."""
    return (pattern, int(flags)) in _entries()


__all__ = ["CATALOGUE", "CodeStore", "any_word", "cached", "compile"]
