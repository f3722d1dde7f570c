"""Folding a rule's regular expression into the pack's automaton (issue 18).

Most of the built-in pack's patterns begin with words ("(?:主观|客观|…)(?:方面)?的?因素", "(?:组织|督促|…)…"):
every match starts where one of those words stands.  The automaton already finds every word of the pack in
its one pass over a report, so with those words added to it the pattern needs to be tried only where one of
them was found, not scanned over the whole text — the same matches, in a tenth of the time on a report.

``entry_words`` reads a pattern (with the standard library's parser of the same syntax) and gives the
literal words every match must begin with, or None when some match could begin otherwise (a class such as
``\\d``, a wildcard, an optional start, case folding, anything it does not know): such a pattern is scanned as
before.  ``matches_at`` is ``finditer`` restricted to those starts, span for span.
"""

from __future__ import annotations

import sys
import warnings

if sys.version_info >= (3, 11):
    import re._constants as _c
    import re._parser as _parser
else:  # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _parser

import re

# A word standing more often than once in this many characters is not worth trying the pattern at each place:
# some 0.4 µs a place against 8–12 ns a character for a scan, measured on the built-in pack's patterns.  Such
# a word's places are not even kept (a text of 无无无… must not hold a place for every character).
TRY_COST = 40
_MOST = 256  # words per pattern: more, and the automaton would report too many places to try
_CLASS_MOST = 64  # characters of a class such as [对凡] or [0-9] taken as one-character words
_REPEATS = tuple(op for op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) if op)
_ZERO_WIDTH = (_c.ASSERT, _c.ASSERT_NOT, _c.AT)
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)
_CASE_FLAGS = re.IGNORECASE


class _Unfoldable(Exception):
    """Some match may begin with something other than a literal word."""


_KEEP_OUT = re.compile(r"((?:^|[^\\])(?:\\\\)*)\\K")


def entry_words(pattern: str) -> tuple[str, ...] | None:
    """The words every match of ``pattern`` begins with (sorted, none a prefix of another), or None."""
    try:
        with warnings.catch_warnings():
            # A construct the standard parser reads otherwise than ``regex`` warns ("[[:alpha:]]": a POSIX
            # class there, a set here): not folded.
            warnings.simplefilter("error")
            # \K (keep out what matched before it: ``regex`` only) moves where a match is reported to begin, not
            # where it is tried: the words it begins with are those of the pattern without it.  (An escaped
            # backslash before a K is a literal "\K" and is left alone.)
            tree = _parser.parse(_KEEP_OUT.sub(r"\1", pattern))
        if tree.state.flags & _CASE_FLAGS or _has_brace(list(tree)):
            return None
        words = _first(list(tree))
    except (_Unfoldable, re.error, Warning, RecursionError, ValueError, TypeError, AttributeError, IndexError):
        return None
    kept: list[str] = []
    for w in sorted(words, key=lambda w: (len(w), w)):
        if not any(w.startswith(k) for k in kept):
            kept.append(w)
    return tuple(sorted(kept))


def _has_brace(items: list) -> bool:  # type: ignore[type-arg]
    """Whether a literal "{" stands anywhere: the standard parser reads ``regex``'s fuzzy matching
    ("(?:对于){e<=1}") as plain characters, so a pattern with one is not folded."""
    for op, av in items:
        if op is _c.LITERAL and av == 0x7B:
            return True
        for sub in _children(op, av):
            if _has_brace(list(sub)):
                return True
    return False


def _children(op: object, av: object) -> list:  # type: ignore[type-arg]
    """The parsed sequences inside one item (a group's, each branch's, a repeat's, a look-around's)."""
    if op is _c.SUBPATTERN:
        return [av[3]]  # type: ignore[index]
    if op is _c.BRANCH:
        return list(av[1])  # type: ignore[index]
    if op in _REPEATS:
        return [av[2]]  # type: ignore[index]
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return [av[1]]  # type: ignore[index]
    if _ATOMIC is not None and op is _ATOMIC:
        return [av]
    if op is _c.GROUPREF_EXISTS:
        return [b for b in av[1:] if b is not None]  # type: ignore[index]
    return []


def _first(items: list) -> set[str]:  # type: ignore[type-arg]
    """The literal words a match of this sequence of parsed items must begin with (each non-empty)."""
    words = {""}
    for i, (op, av) in enumerate(items):
        if op is _c.LITERAL:
            words = {w + chr(av) for w in words}
            continue
        if words != {""}:
            return words  # a word has begun: what follows only narrows it, the engine checks that
        if op in _ZERO_WIDTH:
            continue  # a look-behind, look-ahead or anchor consumes nothing: the engine checks it
        if op in _REPEATS and av[0] == 0:
            return _first(list(av[2])) | _first(items[i + 1:])  # optional: it, or what follows
        return _inner(op, av)
    if "" in words:
        raise _Unfoldable  # the sequence may match the empty string
    return words


def _inner(op: object, av: object) -> set[str]:
    """The words one consuming item begins with."""
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av  # type: ignore[misc]
        if add_flags & _CASE_FLAGS:
            raise _Unfoldable
        return _first(list(sub))
    if _ATOMIC is not None and op is _ATOMIC:
        return _first(list(av))  # type: ignore[call-overload]
    if op is _c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:  # type: ignore[index]
            out |= _first(list(branch))
            if len(out) > _MOST:
                raise _Unfoldable
        return out
    if op in _REPEATS:  # at least once
        return _first(list(av[2]))  # type: ignore[index]
    if op is _c.IN:
        chars: set[str] = set()
        for item_op, item in av:  # type: ignore[attr-defined]
            if item_op is _c.LITERAL:
                chars.add(chr(item))
            elif item_op is _c.RANGE and item[1] - item[0] < _CLASS_MOST:
                chars.update(chr(c) for c in range(item[0], item[1] + 1))
            else:  # a negated class, a category (\d, \w), a large range
                raise _Unfoldable
        if not chars or len(chars) > _CLASS_MOST:
            raise _Unfoldable
        return chars
    raise _Unfoldable  # a wildcard, a category, a back-reference, a negated character


def matches_at(rx: object, text: str, starts: list[int]) -> list[tuple[int, int]]:
    """``[m.span() for m in rx.finditer(text) if m.end() > m.start()]`` for a pattern whose every match is tried
    from one of ``starts`` (sorted, distinct): it is tried at those places only.  The same spans: a search
    tries each place in turn and goes on after the end of a match; at any other place the pattern fails."""
    match = rx.match  # type: ignore[attr-defined]
    n = len(text)
    out = []
    last = 0
    for s in starts:
        if s >= last:
            m = match(text, s, n)
            if m is not None:
                b, e = m.span()  # b > s after a \K: the match is reported from there, as finditer does
                if e > b:
                    out.append((b, e))
                    last = e
    return out
