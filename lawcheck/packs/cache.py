"""Packs are validated and compiled once per content: a memo in this process, and a disk cache keyed by
the hash of every pack file and of the code that compiles packs.

One ``PackCache`` object holds it all; ``PACKS.clear()`` forgets everything (tests, a long-lived
process whose rule files change).
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Any

# The folder and its signed files live in lawcheck.cachefile (the standard library only: lawcheck.rx reads
# its compiled patterns there before the packs are imported); the names stay importable from here.
from lawcheck.cachefile import _MAGIC as _MAGIC
from lawcheck.cachefile import _MAX_CACHE_BYTES as _MAX_CACHE_BYTES
from lawcheck.cachefile import _NONBLOCK as _NONBLOCK
from lawcheck.cachefile import _key as _key
from lawcheck.cachefile import cache_dir as cache_dir
from lawcheck.cachefile import cache_read as cache_read
from lawcheck.cachefile import cache_write as cache_write
from lawcheck.cachefile import private_dir as private_dir
from lawcheck.version import __version__


@lru_cache(maxsize=1)
def _compiler_files() -> tuple[Path, ...]:
    """The code that turns rule files into a compiled pack: the kinds and the packs packages, the patterns'
    checks and the words they begin with (kept in the cache)."""
    here = Path(__file__).resolve().parent.parent
    # text/ too: the phrases' normalised forms (text/normalize.py) are cached with the pack.
    return tuple(sorted([*(here / "kinds").glob("*.py"), *(here / "packs").glob("*.py"), *(here / "text").glob("*.py"),
                         here / "saferegex.py", here / "regexfold.py"]))


def packs_digest(roots: list[Path], extra: list[Path] | tuple = (), read: Mapping[str, bytes] | None = None) -> str:
    h = hashlib.sha256()
    # The same folder as a pack (--pack: its pack.yaml, disables and overrides apply) and as extra rule
    # files (--rules: only its rules) compiles differently: the role is part of the key.
    for role, group in ((b"pack\0", roots), (b"extra\0", extra)):
        for r in group:
            h.update(role + pack_digest(r, read).encode())
    return h.hexdigest()


def file_stamp(path: str, st: os.stat_result, now_ns: int) -> tuple | None:
    """What changes when a file is edited: its path, size, mtime, ctime and inode.  None for a file changed in
    the last two seconds: timestamps are coarser than that on some file systems, so a second edit of the same
    size could keep the stamp ("racy git")."""
    if st.st_mtime_ns > now_ns - 2_000_000_000:
        return None
    return (path, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def packs_stamp(roots: list[Path], extra: list[Path] | tuple = ()) -> tuple | None:
    """Each pack file's path, size, mtime, ctime and inode: what changes when a file is edited, read with
    a directory walk and no file contents (0.1 ms, where hashing the contents costs 1 ms).

    None when a file changed in the last two seconds: timestamps are coarser than that on some
    file systems, so a second edit of the same size could keep the stamp ("racy git"); the caller
    then hashes the contents.
    """
    out = []
    now = time.time_ns()
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
                            stamp = file_stamp(e.path, e.stat(), now)
                            if stamp is None:
                                return None
                            out.append(stamp)
            except OSError:
                return None
    return tuple(sorted(out))


def pack_digest(root: Path, read: Mapping[str, bytes] | None = None) -> str:
    """Content hash of a pack, and of the code that compiles packs: either changing rebuilds the cache.

    With ``read`` (the bytes a compile read, by path), those bytes are hashed instead of the files'
    present contents: the digest then names exactly what was compiled, even if a file was edited
    while the pack compiled."""
    h = hashlib.sha256(__version__.encode())
    for path in _compiler_files():
        h.update(path.read_bytes())
    for p in sorted(root.rglob("*")):
        if p.suffix in (".yaml", ".txt") and "_packs" not in p.relative_to(root).parts and p.is_file():
            h.update(str(p.relative_to(root)).encode())
            seen = read.get(os.path.abspath(p)) if read is not None else None
            h.update(seen if seen is not None else read_pack_file(p))
    return h.hexdigest()


_MAX_RULE_FILE = 8 * 1024 * 1024  # a rule file is a few KB; the largest built-in list is under 100 KB
_RECORDING: ContextVar[dict[str, bytes] | None] = ContextVar("lawcheck_pack_reads", default=None)


def read_pack_file(path: Path) -> bytes:
    """The bytes of a pack file.  Only a regular file is read (a FIFO named *.yaml would hang, a device
    never end), opened without blocking and bounded; inside ``recording()`` the bytes are kept."""
    fd = os.open(path, os.O_RDONLY | _NONBLOCK)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        with os.fdopen(fd, "rb") as f:
            fd = -1
            data = f.read(_MAX_RULE_FILE + 1)
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > _MAX_RULE_FILE:
        raise OSError(errno.EFBIG, f"larger than {_MAX_RULE_FILE // (1024 * 1024)} MB", str(path))
    seen = _RECORDING.get()
    if seen is not None:
        seen[os.path.abspath(path)] = data
    return data


@contextmanager
def recording() -> Iterator[dict[str, bytes]]:
    """Keep the bytes of every pack file read inside the block (path → bytes)."""
    seen: dict[str, bytes] = {}
    token = _RECORDING.set(seen)
    try:
        yield seen
    finally:
        _RECORDING.reset(token)


class PackCache:
    """The packs compiled in this process (by pack files and options) and the content digests of pack
    files (by their stamp): ``load_pack()`` of a pack already compiled costs a directory walk, not a read
    and hash of every rule file (``evaluate(text)`` without a pack walks at most once a second:
    ``lawcheck.packs.default_pack``)."""

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
