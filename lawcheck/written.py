"""Which pages (and commented Word copies) lawcheck itself wrote: a record kept in the user's private cache folder.

lawcheck's HTML pages carry a generator mark, and a folder walk leaves them out (a second run into the
same folder must not check its own scorecards), and a run into a reused output folder removes its stale
pages.  The mark alone cannot decide either: anyone can put it into a page, and a report page that
carried it would hide from a batch (or, sitting in an output folder, be deleted).  So a page counts as
lawcheck's only when its exact bytes were recorded here when lawcheck wrote it: a file named by the
page's SHA-256 in the cache folder, which only this user can write (``packs.cache.private_dir``).  The
pages themselves stay byte-identical across users and machines.  A commented Word copy (``--format docx``)
carries no mark: it counts as lawcheck's when its bytes were recorded, and is otherwise a report like any.
So does any other file lawcheck wrote (a 汇总.txt, a CSV, JSON Lines, standard output sent to a file): recorded
by its size and SHA-256, so that a later run over the same folder does not check its own summary.
"""

from __future__ import annotations

import hashlib
import os
import sys
from functools import lru_cache
from pathlib import Path

from lawcheck.packs.cache import private_dir

MARK = '<meta name="generator" content="lawcheck">'
_HEAD = 4096  # the mark sits in the page's head, written before any report text
_LARGEST = 256 * 1024 * 1024  # larger than any page lawcheck writes
_KEEP = 20000  # records kept: the oldest half is dropped past this, so the folder cannot grow without end


def marked(head: bytes | str) -> bool:
    """Whether a page's first bytes carry lawcheck's generator mark."""
    return (MARK.encode() if isinstance(head, bytes) else MARK) in head[:_HEAD]


def _folder() -> Path | None:
    d = private_dir()
    if d is None:
        return None
    pages = d / "pages"
    try:
        if not os.path.lexists(pages):
            os.mkdir(pages, 0o700)
        return pages if pages.is_dir() and not pages.is_symlink() else None
    except OSError:
        return None


def remember(data: bytes, word: bool = False) -> None:
    """Record a page (or, ``word``, a commented Word copy) lawcheck has just written (nothing when there is
    no private cache folder)."""
    if not word and not marked(data):
        return
    d = _folder()
    if d is None:
        return
    try:
        (d / _record_name(data, word)).touch()
        if word:
            _sizes.cache_clear()
        _prune(d)
    except OSError:
        pass  # a read-only cache must not stop a check; the page is then only "marked"


_PRUNE_EVERY = 500  # records written between two looks at the folder's size
_written_since_prune = [0]


def _prune(d: Path) -> None:
    """Drop the oldest half past _KEEP records: looked at once per _PRUNE_EVERY records written (listing a folder
    of 20,000 records for every page written made a run of thousands of pages quadratic)."""
    _written_since_prune[0] += 1
    if _written_since_prune[0] % _PRUNE_EVERY != 1:
        return
    names = os.listdir(d)
    if len(names) > _KEEP:
        by_age = sorted(names, key=lambda n: os.stat(d / n).st_mtime)
        for n in by_age[: len(names) // 2]:
            (d / n).unlink(missing_ok=True)


def origin(path: Path) -> str | None:
    """``"ours"`` for a page this user's lawcheck wrote (bytes unchanged since), ``"marked"`` for one
    that only carries the mark, None for anything else (or a file that cannot be read).  A .docx is
    "ours" when its bytes are those of a commented copy lawcheck wrote."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        # a commented copy written to a file, or sent to standard output (recorded as any output)
        return _sized_origin(path, "docx") or _sized_origin(path, "out")
    if suffix not in (".html", ".htm"):
        return _sized_origin(path, "out")
    if _sized_origin(path, "out"):
        return "ours"  # a page sent to standard output ("> 页面.html"): recorded as any output
    try:
        with path.open("rb") as f:
            if not marked(f.read(_HEAD)):
                return None
            f.seek(0)
            data = f.read(_LARGEST + 1)
    except OSError:
        return None
    d = _folder()
    if d is not None and len(data) <= _LARGEST and (d / hashlib.sha256(data).hexdigest()).is_file():
        return "ours"
    return "marked"


def remember_output(size: int, digest: str) -> None:
    """Record a file of any other format lawcheck has just written, by its size and SHA-256 (hashed while it
    was written: a batch's output is never held whole)."""
    d = _folder()
    if d is None:
        return
    try:
        (d / f"out-{size}-{digest}").touch()
        _sizes.cache_clear()
        _prune(d)
    except OSError:
        pass


def _record_name(data: bytes, word: bool) -> str:
    """A page's record is its SHA-256; a Word copy's carries its size first (``docx-<size>-<sha256>``), so
    that a folder walk reads and hashes only the .docx files whose size some copy of lawcheck's had."""
    digest = hashlib.sha256(data).hexdigest()
    return f"docx-{len(data)}-{digest}" if word else digest


@lru_cache(maxsize=4)
def _sizes(prefix: str) -> frozenset[int]:
    """The sizes of the recorded files of one kind ("docx", "out")."""
    d = _folder()
    try:
        names = os.listdir(d) if d is not None else []
    except OSError:
        names = []
    return frozenset(int(n.split("-")[1]) for n in names
                     if n.startswith(prefix + "-") and n.split("-")[1].isdigit())


def _sized_origin(path: Path, prefix: str) -> str | None:
    """"ours" for a file recorded as ``<prefix>-<size>-<sha256>`` (a commented Word copy: "docx"; any other
    output: "out"), bytes unchanged since; only a file of a size lawcheck wrote is read (a folder's reports are
    not read twice)."""
    d = _folder()
    if d is None:
        return None
    try:
        size = path.stat().st_size
        if size not in _sizes(prefix):
            return None
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
    return "ours" if (d / f"{prefix}-{size}-{digest}").is_file() else None


_STDOUT_LARGEST = 64 * 1024 * 1024
_STDOUT_RECORDED = False


def remember_stdout_at_exit() -> None:
    """Record standard output, a regular file this run writes ("lawcheck check 报告 > 报告/结果.txt 2>&1"), as it
    stands when the process ends: what lawcheck printed there, its own messages on standard error included.
    Read back through /proc (where there is one); nothing is recorded past 64 MiB."""
    import atexit

    global _STDOUT_RECORDED
    if _STDOUT_RECORDED:
        return  # once per process, however many outputs it writes there
    _STDOUT_RECORDED = True

    def record() -> None:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
            with open("/proc/self/fd/1", "rb") as f:
                data = f.read(_STDOUT_LARGEST + 1)
        except (OSError, ValueError, AttributeError):
            return
        if data and len(data) <= _STDOUT_LARGEST:
            remember_output(len(data), hashlib.sha256(data).hexdigest())

    atexit.register(record)
