"""Limits on what one input may cost: checked before the expensive step, each with its own message.

Files arrive by email and from websites: a 200 MB PDF, a zip bomb dressed as .docx, a page of
scripts.  Exceeding a limit makes that input's result an error with the reason; a batch goes on.
Every limit has a command-line flag and a ``lawcheck.toml`` key of the same name.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 50 * MB  # a file's size, checked before it is read
    max_unzipped_bytes: int = 200 * MB  # .docx/.ofd: the members' total uncompressed size, before inflating
    max_zip_members: int = 10_000  # .docx/.ofd: number of members in the archive
    max_pages: int = 2_000  # PDF pages, checked before any page is read
    max_chars: int = 10_000_000  # the extracted text, before it is checked
    timeout: float = 300.0  # seconds for one input: a PDF's budget between pages; a batch worker is stopped
    max_memory: int = 2048 * MB  # address space of the process checking an input (RLIMIT_AS, where there is one)


class Budget:
    """A deadline that a long loop checks between steps (pages of a PDF)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def spent(self) -> bool:
        return time.monotonic() > self.end


def human_bytes(n: int) -> str:
    if n >= MB:
        return f"{n / MB:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} B"


def cap_memory(limit: int) -> bool:
    """Cap this process's address space at ``limit`` bytes (never raising a lower cap); False where the
    platform has no RLIMIT_AS.  A file that would take more than that fails with MemoryError, in its own
    record, instead of taking the machine."""
    try:
        import resource
    except ImportError:  # Windows
        return False
    if not hasattr(resource, "RLIMIT_AS"):
        return False
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    new = limit if soft == resource.RLIM_INFINITY else min(soft, limit)
    if hard != resource.RLIM_INFINITY:
        new = min(new, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (new, hard))
    except (ValueError, OSError, OverflowError):
        return False
    return True
