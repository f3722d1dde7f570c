"""Packs are validated and compiled once per content: a memo in this process, and a disk cache keyed by
the hash of every pack file and of the code that compiles packs.

One ``PackCache`` object holds it all; ``PACKS.clear()`` forgets everything (tests, a long-lived
process whose rule files change).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import time
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from lawcheck.version import __version__


@lru_cache(maxsize=1)
def _compiler_files() -> tuple[Path, ...]:
    """The code that turns rule files into a compiled pack: the kinds and the packs packages."""
    here = Path(__file__).resolve().parent.parent
    return tuple(sorted([*(here / "kinds").glob("*.py"), *(here / "packs").glob("*.py")]))


def packs_digest(roots: list[Path], extra: list[Path] | tuple = ()) -> str:
    h = hashlib.sha256()
    for r in [*roots, *extra]:
        h.update(pack_digest(r).encode())
    return h.hexdigest()


def packs_stamp(roots: list[Path], extra: list[Path] | tuple = ()) -> tuple | None:
    """Each pack file's path, size, mtime, ctime and inode: what changes when a file is edited, read with
    a directory walk and no file contents (0.1 ms, where hashing the contents costs 1 ms).

    None when a file changed in the last two seconds: timestamps are coarser than that on some
    file systems, so a second edit of the same size could keep the stamp ("racy git"); the caller
    then hashes the contents.
    """
    out = []
    recent = time.time_ns() - 2_000_000_000
    for root in [*roots, *extra]:
        stack = [str(root)]
        while stack:
            d = stack.pop()
            try:
                with os.scandir(d) as entries:
                    for e in entries:
                        if e.is_dir():
                            if e.name != "_packs":
                                stack.append(e.path)
                        elif e.name.endswith((".yaml", ".txt")):
                            st = e.stat()
                            if st.st_mtime_ns > recent:
                                return None
                            out.append((e.path, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
            except OSError:
                return None
    return tuple(sorted(out))


def pack_digest(root: Path) -> str:
    """Content hash of a pack, and of the code that compiles packs: either changing rebuilds the cache."""
    h = hashlib.sha256(__version__.encode())
    for path in _compiler_files():
        h.update(path.read_bytes())
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.suffix in (".yaml", ".txt") and "_packs" not in p.relative_to(root).parts:
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def cache_dir() -> Path | None:
    env = os.environ.get("LAWCHECK_CACHE_DIR")
    if env == "":
        return None
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "lawcheck"


def cache_read(digest: str) -> object | None:
    """The compiled pack cached under ``digest``, or None.

    Pickled, not JSON: unpickling the validated rule models skips pydantic's schema build and
    validation (~40 ms of every cold start).  Only a file this user owns and no one else can write
    is trusted, so another account cannot plant code in the cache; anything unreadable is rebuilt by the caller.
    """
    d = cache_dir()
    if d is None:
        return None
    path = d / f"pack-{digest}.pickle"
    try:
        st = path.stat()
        if hasattr(os, "getuid") and (st.st_uid != os.getuid() or st.st_mode & 0o022):
            return None  # another account's file, or one that others could have rewritten
        return pickle.loads(path.read_bytes())
    except Exception:
        return None


def cache_write(digest: str, payload: object) -> None:
    d = cache_dir()
    if d is None:
        return
    try:
        d.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=d, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(payload, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, d / f"pack-{digest}.pickle")
    except (OSError, pickle.PicklingError):
        pass  # a read-only home must not stop a check


class PackCache:
    """The packs compiled in this process (by pack files and options) and the content digests of pack
    files (by their stamp): ``evaluate(text)`` without a loaded pack costs a directory walk, not a read
    and hash of every rule file."""

    _LIMIT = 64  # a long-lived process whose rules keep changing must not grow without end

    def __init__(self) -> None:
        self._packs: dict[tuple, Any] = {}
        self._digests: dict[tuple, str] = {}
        self._pinned: dict[tuple, Any] = {}

    def digest(self, roots: list[Path], extra: list[Path]) -> str:
        files = packs_stamp(roots, extra)
        stamp = (tuple(roots), tuple(extra), files)
        found = self._digests.get(stamp) if files is not None else None
        if found is None:
            found = packs_digest(roots, extra)
            if files is not None:
                if len(self._digests) > self._LIMIT:
                    self._digests.clear()
                self._digests[stamp] = found
        return found

    def get(self, key: tuple) -> Any:
        return self._packs.get(key)

    def put(self, key: tuple, pack: Any) -> None:
        if len(self._packs) > self._LIMIT:
            self._packs.clear()
        self._packs[key] = pack

    def pinned(self, key: tuple, load: Callable[[], Any]) -> Any:
        """The pack of a batch, looked up once (``load``) and then reused without a digest per input:
        hashing the rule files costs about as much as reading a report.  ``unpin`` ends it."""
        pack = self._pinned.get(key)
        if pack is None:
            pack = self._pinned[key] = load()
        return pack

    def unpin(self) -> None:
        """Look batches' packs up afresh on next use (one digest): an edited rule file is then seen."""
        self._pinned.clear()

    def clear(self) -> None:
        """Forget every compiled pack and digest of this process (the disk cache stays)."""
        self._packs.clear()
        self._digests.clear()
        self._pinned.clear()

    def __len__(self) -> int:
        return len(self._packs)


PACKS = PackCache()
