"""Regular expressions from rule files, which may come from third parties: checked and bounded.

They are compiled with the ``regex`` module (re-compatible syntax) and every search carries a time
limit.  At load time each pattern is also run against strings that make backtracking explode;
a pattern that does not finish in time there is rejected with a message naming it.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
import sys
import threading

import regex

from lawcheck import rx
from lawcheck.rx import CodeStore

PROBE_SECONDS = 0.05
CONFIRM_SECONDS = 1.0  # a probe that ran out, again, alone (_finishes)
_CONFIRM = threading.Lock()
SEARCH_SECONDS = 1.0
_PROBES = ["a" * 64 + "!", "一" * 64 + "!", "x" * 64 + "y", "1" * 64 + "a", " " * 64 + "。", "ab" * 40 + "!",
           "," * 64 + "!", "，" * 64 + "\x01"]


class UnsafePattern(ValueError):
    """The pattern is invalid, too large, or may backtrack without end; ``zh`` says so in Chinese."""

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.zh = zh


MAX_PATTERN = 10_000  # characters: the longest built-in pattern is under 400
MAX_EXPANDED = 100_000  # program size once counted repeats are unrolled


@functools.lru_cache(maxsize=4096)
def compile_pattern(pattern: str, combined: bool = False, keep: bool = False) -> regex.Pattern | re.Pattern[str]:
    """``combined``: the union of a matcher's patterns, each already checked on its own (its length is
    the sum of theirs; its unrolled size is bounded by theirs).  ``keep``: a pattern of the built-in pack,
    whose compiled code this machine keeps (a rule file's from elsewhere would fill the cache)."""
    if len(pattern) > MAX_PATTERN and not combined:
        raise UnsafePattern(f"regular expression of {len(pattern)} characters (at most {MAX_PATTERN})",
                            f"正则表达式长 {len(pattern)} 个字符（至多 {MAX_PATTERN} 个）")
    if keep:
        # (in a store only once checked below, when first compiled on this machine: by ``re`` when it reads the
        # pattern, else by ``regex``)
        entries = _RE_STORE.entries()
        if (pattern, 0) in entries:
            fast = _as_re(pattern)
            if fast is not None:
                return fast
        elif (pattern, _NOT_RE) in entries:
            kept = _kept(pattern)
            if kept is not None:
                return kept
    if _expanded(pattern) > MAX_EXPANDED:
        # Counted repeats are unrolled when compiled: (?:(?:x{1000}){1000}){10} would take gigabytes.
        raise UnsafePattern(f"regular expression {pattern[:80]!r} repeats too much when expanded "
                            f"(more than {MAX_EXPANDED} steps); use + or * instead of large {{n}} counts",
                            f"正则表达式 {pattern[:80]!r} 的计数重复展开后过大（超过 {MAX_EXPANDED} 步）；"
                            f"请用 + 或 * 代替大的 {{n}} 计数")
    if keep:
        fast = _as_re(pattern)
        if fast is not None:
            return fast
    try:
        return _compile_keeping(pattern) if keep else regex.compile(pattern, regex.VERSION0)
    except regex.error as e:
        raise UnsafePattern(f"bad regular expression {pattern!r}: {e}", f"正则表达式 {pattern!r} 有误：{e}") from None


# The built-in pack's patterns, compiled once per machine (issue 18, the cold start: some 20 ms of every
# start).  ``regex`` parses and optimises a pattern in Python, then hands a list of integers to its C
# engine; that list depends only on the pattern and the two builds, so it is kept as ``rx`` keeps the code
# of lawcheck's own patterns, and handed straight to the engine next time.  Anything unexpected (another
# ``regex``, a damaged entry) compiles afresh: the cache can only save time.
def _store_name() -> str:
    from regex import _regex

    build = f"{sys.version}|{regex.__version__}|{_regex.MAGIC}|{_regex.CODE_SIZE}|{MAX_PATTERN}|{MAX_EXPANDED}"
    return "rules-regex-" + hashlib.sha256(build.encode()).hexdigest()[:16]


_STORE = CodeStore(_store_name)
_RECORDING = threading.Lock()


def _kept(pattern: str) -> regex.Pattern | None:
    args = _STORE.entries().get(pattern)
    if args is None:
        return None
    try:
        from regex import _regex

        return _regex.compile(pattern, *args)
    except Exception:  # a damaged entry, or a changed engine: compiled afresh
        return None


class _Recorder:
    """Stands in for the C engine while ``regex`` compiles one pattern: notes what it is handed."""

    def __init__(self, engine: object) -> None:
        self.engine, self.handed = engine, {}

    def compile(self, pattern: str, *args: object) -> object:
        self.handed[pattern] = args
        return self.engine.compile(pattern, *args)  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> object:
        return getattr(self.engine, name)


def _compile_keeping(pattern: str) -> regex.Pattern:
    main = sys.modules.get(regex.compile.__module__)  # regex._main (regex.regex before 2023.6)
    engine = getattr(main, "_regex", None)
    if engine is None or not hasattr(engine, "compile"):  # another regex layout: the public way
        return regex.compile(pattern, regex.VERSION0)
    with _RECORDING:
        recorder = _Recorder(engine)
        main._regex = recorder  # type: ignore[union-attr]
        try:
            # Not from regex's own cache, which would hand the engine nothing to note.
            compiled = regex.compile(pattern, regex.VERSION0, cache_pattern=False)
        finally:
            main._regex = engine  # type: ignore[union-attr]
    args = recorder.handed.get(pattern)
    if args is not None:
        _STORE.remember(pattern, args)
    return compiled


# The built-in pack's patterns that Python's own engine reads (all but those with \\K, a look-behind of varying
# width or a property class) run in it: they need no time limit (lawcheck's tests run them on hostile shapes),
# and ``re`` tries a pattern at a place in fewer instructions than ``regex`` (issue 18: 5.2 M of the 75.7 M a report
# took, the same spans on every corpus text).  Their compiled code is kept as lawcheck's own patterns' is (``rx``).
_RE_STORE = CodeStore(lambda: "pack-re-" + rx.build_name(), most=2048)


def _as_re(pattern: str) -> re.Pattern[str] | None:
    if (pattern, _NOT_RE) in _RE_STORE.entries():
        return None  # (known not to be read: parsing it again to fail would cost the start its time)
    try:
        return rx.compile(pattern, store=_RE_STORE)
    except (re.error, RecursionError, OverflowError):
        _RE_STORE.remember((pattern, _NOT_RE), ())
        return None


_NOT_RE = "regex"  # the store's mark for a pattern only ``regex`` reads (its flags, for one ``re`` reads)


_KEEP_OUT = regex.compile(r"(?<!\\)((?:\\\\)*)\\K")


def _expanded(pattern: str) -> int:
    """An upper estimate of the compiled program's size: each counted repeat multiplies what it
    repeats.  Read with Python's own parser (the syntax rule files use is the common one); a pattern
    it cannot read is estimated from its text."""
    try:
        import re._parser as sre_parse  # type: ignore[import-not-found]
    except ImportError:  # Python 3.10
        import sre_parse  # type: ignore[no-redef]
    # regex reads "{ 1000 }" (spaces inside, verbose mode) as a count where Python's parser reads text:
    # such a pattern is estimated from its text, counts multiplied, an upper bound.
    spaced = regex.search(r"\{\s+\d|\d\s+[,}]|,\s+\d", pattern) is not None
    try:
        if spaced:
            raise ValueError("estimate from the text")
        # \K (regex's "keep out": the match starts here) is zero-width; Python's parser does not know it.
        parsed = sre_parse.parse(_KEEP_OUT.sub(r"\1", pattern))
    except Exception:
        counts = [int(n) for m in regex.findall(r"\{\s*(\d+)\s*(?:,\s*(\d*)\s*)?\}", pattern) for n in m if n]
        total = len(pattern)
        for n in counts:
            total *= max(n, 1)
            if total > MAX_EXPANDED:
                break
        return total
    return _size(parsed, sre_parse)


def _size(items, sre) -> int:  # type: ignore[no-untyped-def]
    consts = sre._constants if hasattr(sre, "_constants") else sre
    total = 0
    for op, av in items:
        if op in (consts.MAX_REPEAT, consts.MIN_REPEAT, getattr(consts, "POSSESSIVE_REPEAT", None)):
            lo, hi, sub = av
            times = hi if hi != consts.MAXREPEAT else max(lo, 1)
            total += max(times, 1) * _size(sub, sre)
        elif op is consts.SUBPATTERN:
            total += _size(av[-1], sre)
        elif op is consts.BRANCH:
            total += sum(_size(b, sre) for b in av[1])
        elif op in (consts.ASSERT, consts.ASSERT_NOT):
            total += _size(av[1], sre)
        elif op is getattr(consts, "ATOMIC_GROUP", None):
            total += _size(av, sre)
        elif op is consts.GROUPREF_EXISTS:
            total += _size(av[1], sre) + (_size(av[2], sre) if av[2] else 0)
        else:
            total += 1
        if total > MAX_EXPANDED:
            return total
    return total


def check_pattern(pattern: str) -> None:
    """Raise UnsafePattern for a pattern that does not compile or that backtracks catastrophically."""
    rx = compile_pattern(pattern)
    for probe in [*_PROBES, *_own_probes(pattern)]:
        if not _finishes(rx, probe):
            raise UnsafePattern(
                f"regular expression {pattern!r} backtracks catastrophically (it did not finish on a short "
                f"test string); rewrite it without nested repetition such as (a+)+",
                f"正则表达式 {pattern!r} 会灾难性回溯（在一个很短的测试字符串上没有结束）；"
                f"请改写，避免 (a+)+ 这样的嵌套重复",
            ) from None


def _finishes(rx: regex.Pattern, probe: str) -> bool:
    """Whether the pattern finishes on the probe.  The limit is the clock's: threads checking at once (a server's
    pool loading a pack on a cold cache) stretch a safe pattern's 1 ms past it (found in review: the built-in
    pack refused as catastrophic, a different pattern each run), so a probe that runs out is run again, alone,
    with twenty times the time — a catastrophic pattern on these 65 characters never finishes in either."""
    try:
        rx.search(probe, timeout=PROBE_SECONDS)
        return True
    except TimeoutError:
        pass
    with _CONFIRM:
        try:
            rx.search(probe, timeout=CONFIRM_SECONDS)
            return True
        except TimeoutError:
            return False


_LITERALS = regex.compile(r"(?<!\\)[^\\.^$*+?{}\[\]()|\-,:=!<>#&~'\"0-9 \t\n]+")
_META = set("\\.^$*+?{}[]()|-,:=!<>#&~'\"0123456789 \t\n")


def _own_probes(pattern: str, most: int = 64, pairs: int = 16) -> list[str]:
    """Strings of the pattern's own literal characters ("(?:法|法)+!" backtracks on "法法法…" only): each
    repeated (every one, up to ``most``: "(?:甲乙丙丁戊己庚辛)?(?:审|审)+$" hid 审 behind eight others), and
    neighbouring pairs alternated, ending on a character no pattern expects (a control)."""
    chars = list(dict.fromkeys(c for c in pattern if c not in _META and c.isprintable()))
    probes = [c * 64 + "\x01" for c in chars[:most]]
    probes += [(a + b) * 32 + "\x01" for a, b in itertools.pairwise(chars[:pairs])]
    # Each literal in front of the generic runs: the regex module first looks for a literal the pattern needs
    # ("(\w|\w)*X" needs X, "(?:.*?,){20}X" too) and gives up at once on a string without it, so the runs alone
    # never reach the backtracking.
    probes += [c + run for c in chars[:pairs] for run in _PROBES]
    # …and each run of literals it needs whole ("(?:\w|\w)*审查" looks for 审查).
    words = list(dict.fromkeys(w for w in _LITERALS.findall(pattern) if len(w) > 1))
    probes += [w + run for w in words[:pairs] for run in _PROBES]
    return probes


def any_of(patterns: list[str] | tuple[str, ...]) -> str:
    """One pattern matching any of ``patterns`` (each already checked on its own)."""
    return patterns[0] if len(patterns) == 1 else "|".join(f"(?:{p})" for p in patterns)


class PatternTimeout(Exception):
    """A search ran past its time limit (a pathological text for this pattern)."""

    def __init__(self, pattern: str) -> None:
        super().__init__(pattern)
        self.pattern = pattern


def finditer(pattern: str, text: str, start: int = 0, end: int | None = None, *,
             limit: bool = True) -> list[tuple[int, int]]:
    """Spans of every non-empty match, within a time limit (patterns checked when their pack loaded, or
    the union of such patterns).  ``limit=False``: the built-in pack's own patterns, which lawcheck's
    tests run on hostile shapes; the limit costs about a quarter of a scan's time (issue 18)."""
    rx = compile_pattern(pattern, True, not limit)
    stop = len(text) if end is None else end
    try:
        return [m.span() for m in rx.finditer(text, start, stop, **_limit(limit)) if m.end() > m.start()]
    except TimeoutError:
        raise PatternTimeout(pattern) from None


def search(pattern: str, text: str, start: int = 0, end: int | None = None, *, limit: bool = True) -> bool:
    rx = compile_pattern(pattern, True, not limit)
    stop = len(text) if end is None else end
    try:
        return rx.search(text, start, stop, **_limit(limit)) is not None
    except TimeoutError:
        raise PatternTimeout(pattern) from None


def _limit(limit: bool) -> dict[str, float]:
    return {"timeout": SEARCH_SECONDS} if limit else {}
