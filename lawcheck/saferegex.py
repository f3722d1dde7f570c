"""Regular expressions from rule files, which may come from third parties: checked and bounded.

They are compiled with the ``regex`` module (re-compatible syntax) and every search carries a time
limit.  At load time each pattern is also run against strings that make backtracking explode;
a pattern that does not finish in time there is rejected with a message naming it.
"""

from __future__ import annotations

import functools

import regex

PROBE_SECONDS = 0.05
SEARCH_SECONDS = 1.0
_PROBES = ["a" * 64 + "!", "一" * 64 + "!", "x" * 64 + "y", "1" * 64 + "a", " " * 64 + "。", "ab" * 40 + "!"]


class UnsafePattern(ValueError):
    """The pattern is invalid, or may backtrack without end."""


@functools.lru_cache(maxsize=4096)
def compile_pattern(pattern: str) -> regex.Pattern:
    try:
        return regex.compile(pattern, regex.VERSION0)
    except regex.error as e:
        raise UnsafePattern(f"bad regular expression {pattern!r}: {e}") from None


def check_pattern(pattern: str) -> None:
    """Raise UnsafePattern for a pattern that does not compile or that backtracks catastrophically."""
    rx = compile_pattern(pattern)
    for probe in _PROBES:
        try:
            rx.search(probe, timeout=PROBE_SECONDS)
        except TimeoutError:
            raise UnsafePattern(
                f"regular expression {pattern!r} backtracks catastrophically (it did not finish on a short "
                f"test string); rewrite it without nested repetition such as (a+)+"
            ) from None


def any_of(patterns: list[str] | tuple[str, ...]) -> str:
    """One pattern matching any of ``patterns`` (each already checked on its own)."""
    return patterns[0] if len(patterns) == 1 else "|".join(f"(?:{p})" for p in patterns)


class PatternTimeout(Exception):
    """A search ran past its time limit (a pathological text for this pattern)."""

    def __init__(self, pattern: str) -> None:
        super().__init__(pattern)
        self.pattern = pattern


def finditer(pattern: str, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of every non-empty match, within a time limit."""
    rx = compile_pattern(pattern)
    try:
        return [m.span() for m in rx.finditer(text, start, len(text) if end is None else end,
                                              timeout=SEARCH_SECONDS) if m.end() > m.start()]
    except TimeoutError:
        raise PatternTimeout(pattern) from None


def search(pattern: str, text: str, start: int = 0, end: int | None = None) -> bool:
    rx = compile_pattern(pattern)
    try:
        return rx.search(text, start, len(text) if end is None else end, timeout=SEARCH_SECONDS) is not None
    except TimeoutError:
        raise PatternTimeout(pattern) from None
