"""This user's private cache folder and the signed files in it: compiled rule packs (``packs.cache``), the
compiled code of lawcheck's own regular expressions (``rx``), the record of pages lawcheck wrote
(``written``).  The standard library only, so that any module may use it without importing the packs.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
import stat
from functools import lru_cache
from pathlib import Path


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
        import tempfile  # only when a cache file is written

        fd, tmp = tempfile.mkstemp(dir=d, suffix=".tmp")  # 0600
        with os.fdopen(fd, "wb") as f:
            f.write(_MAGIC + hmac.new(key, body, hashlib.sha256).digest() + body)
        os.replace(tmp, d / f"pack-{digest}.pickle")
    except Exception:  # a read-only home, or a payload changed while pickled at exit: never fatal
        pass
