"""Packs are validated and compiled once per content: a memo in this process, and a disk cache keyed by
the hash of every pack file and of the code that compiles packs.

One ``PackCache`` object holds it all; ``PACKS.clear()`` forgets everything (tests, a long-lived
process whose rule files change).
"""

from __future__ import annotations

import errno
import hashlib
import hmac
import os
import pickle
import secrets
import stat
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Any

from lawcheck.version import __version__


@lru_cache(maxsize=1)
def _compiler_files() -> tuple[Path, ...]:
    """The code that turns rule files into a compiled pack: the kinds and the packs packages."""
    here = Path(__file__).resolve().parent.parent
    # text/ too: the phrases' normalised forms (text/normalize.py) are cached with the pack.
    return tuple(sorted([*(here / "kinds").glob("*.py"), *(here / "packs").glob("*.py"), *(here / "text").glob("*.py"),
                         here / "saferegex.py"]))


def packs_digest(roots: list[Path], extra: list[Path] | tuple = (), read: Mapping[str, bytes] | None = None) -> str:
    h = hashlib.sha256()
    # The same folder as a pack (--pack: its pack.yaml, disables and overrides apply) and as extra rule
    # files (--rules: only its rules) compiles differently: the role is part of the key.
    for role, group in ((b"pack\0", roots), (b"extra\0", extra)):
        for r in group:
            h.update(role + pack_digest(r, read).encode())
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


def cache_dir() -> Path | None:
    """Where compiled packs are cached: ``LAWCHECK_CACHE_DIR`` ("" for none), else the user's cache folder."""
    env = os.environ.get("LAWCHECK_CACHE_DIR")
    if env == "":
        return None
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "lawcheck"


# What is unpickled must be what this user's lawcheck wrote.  Three locks, each enough against
# another account: the folder must be this user's and writable by no one else (made 0700); files are
# opened without following a symlink and checked on the open descriptor (no swap between check and
# read); and every file carries an HMAC under a key only this user can read (a 0600 file in the
# folder), checked before a byte is unpickled.
_MAGIC = b"lawcheck-pack\x00"
_MAX_CACHE_BYTES = 64 * 1024 * 1024
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def _ours(st: os.stat_result, private: bool = False) -> bool:
    """This user's, and writable (readable too, when ``private``) by no one else."""
    if not hasattr(os, "getuid"):
        return True  # Windows: the user's profile folder is private by default
    return st.st_uid == os.getuid() and not st.st_mode & (0o077 if private else 0o022)


def private_dir() -> Path | None:
    """The cache folder, made 0700 if absent; None (no cache) unless it is a real folder of this user's
    that no one else can write."""
    d = cache_dir()
    if d is None:
        return None
    try:
        if not os.path.lexists(d):
            d.parent.mkdir(parents=True, exist_ok=True)
            os.mkdir(d, 0o700)
        st = os.lstat(d)
    except OSError:
        return None
    return d if stat.S_ISDIR(st.st_mode) and _ours(st) else None


def _open_ours(path: Path, private: bool = False) -> int | None:
    """A descriptor of ``path`` if it is a regular file of this user's (checked on the descriptor,
    a symlink refused), else None."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
    except OSError:
        return None
    st = os.fstat(fd)
    if stat.S_ISREG(st.st_mode) and _ours(st, private) and st.st_size <= _MAX_CACHE_BYTES:
        return fd
    os.close(fd)
    return None


def _read_fd(fd: int) -> bytes:
    with os.fdopen(fd, "rb") as f:
        return f.read(_MAX_CACHE_BYTES + 1)


@lru_cache(maxsize=4)
def _key(d: Path) -> bytes | None:
    """The folder's HMAC key: made once (0600, never replaced), then read from a file only this user
    can read; None when the file is there but not such a file."""
    path = d / "key"
    fd = _open_ours(path, private=True)
    if fd is None and not os.path.lexists(path):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
        except OSError:
            return None
        with os.fdopen(fd, "wb") as f:
            f.write(secrets.token_bytes(32))
        fd = _open_ours(path, private=True)
    if fd is None:
        return None
    key = _read_fd(fd)
    return key if len(key) == 32 else None


def cache_read(digest: str) -> object | None:
    """The compiled pack cached under ``digest``, or None.

    Pickled, not JSON: unpickling the validated rule models skips pydantic's schema build and
    validation (~40 ms of every cold start).  Only a file that passes the three locks above is
    unpickled; anything else is rebuilt by the caller.
    """
    d = private_dir()
    key = _key(d) if d is not None else None
    if d is None or key is None:
        return None
    fd = _open_ours(d / f"pack-{digest}.pickle")
    if fd is None:
        return None
    try:
        data = _read_fd(fd)
        head, mac, body = data[:len(_MAGIC)], data[len(_MAGIC):len(_MAGIC) + 32], data[len(_MAGIC) + 32:]
        if head != _MAGIC or not hmac.compare_digest(mac, hmac.new(key, body, hashlib.sha256).digest()):
            return None
        return pickle.loads(body)
    except Exception:
        return None


def cache_write(digest: str, payload: object) -> None:
    d = private_dir()
    key = _key(d) if d is not None else None
    if d is None or key is None:
        return
    try:
        body = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
        fd, tmp = tempfile.mkstemp(dir=d, suffix=".tmp")  # 0600
        with os.fdopen(fd, "wb") as f:
            f.write(_MAGIC + hmac.new(key, body, hashlib.sha256).digest() + body)
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
