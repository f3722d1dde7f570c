"""Check many inputs, in parallel, with results in input order whatever the parallelism."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from lawcheck.errors import LawcheckError
from lawcheck.inputs import Source, read_bytes
from lawcheck.limits import Limits
from lawcheck.loaders import Loaded
from lawcheck.model import Scorecard


@dataclass(frozen=True)
class Options:
    """Everything a worker needs to check one input (picklable)."""

    packs: tuple[str, ...] = ("core",)
    extra: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    year: int | None = None
    published: str | None = None
    lang: str = "zh"
    level: str | None = None
    encoding: str | None = None  # override the detected encoding of text files
    kind: str | None = None  # annual_report | other, instead of inferring it
    reporter: str | None = None  # government | department | joint, instead of inferring it
    keep_text: bool = False  # SARIF needs the text to turn offsets into lines and columns
    # Record formats: the worker renders the record and judges the gate itself, and sends back
    # only that line, not the scorecard (pickling scorecards cost the parent a core's worth).
    render: str | None = None  # "jsonl" | "csv"
    limits: Limits = field(default_factory=Limits)
    min_score: float | None = None
    fail_on: str = "error"


@dataclass
class Checked:
    """One input's outcome: a scorecard, or the reason it could not be checked."""

    path: str
    card: Scorecard | None = None
    error: str | None = None
    text: str | None = field(default=None, repr=False)
    line: str | None = field(default=None, repr=False)  # the rendered record (Options.render)
    reasons: list[str] | None = None  # why it falls short of the gate (Options.render)


def _rendered(checked: Checked, opts: Options) -> Checked:
    """The record as ``opts.render`` writes it, without the scorecard."""
    from lawcheck.gate import gate_reasons
    from lawcheck.render import machine
    from lawcheck.render.common import Gate

    if checked.card is None:
        reasons = [checked.error or ""]
    else:
        reasons = gate_reasons(checked.card, opts.min_score, opts.fail_on)
    if opts.render == "jsonl":
        line = machine.jsonl_line(checked)
    else:
        gate = Gate(opts.min_score, opts.fail_on, {checked.path: reasons})
        line = machine.csv_row(checked, [r.id for r in _pack(opts).rules], gate)
    return Checked(checked.path, None, checked.error, None, line, reasons)


# The pack of each batch, per process: hashing the rule files to find the cached pack costs
# about as much as reading a report, so a batch does it once, when it starts (``iter_run``).
_PACKS: dict[tuple, object] = {}


def forget_pack() -> None:
    """Look the pack up afresh on next use (one digest): an edited rule file is then seen."""
    _PACKS.clear()


def _pack(opts: Options):
    from lawcheck.pack import load_pack

    key = (opts.packs, opts.extra, opts.disable)
    pack = _PACKS.get(key)
    if pack is None:
        pack = _PACKS[key] = load_pack(packs=opts.packs, extra=opts.extra, disable=opts.disable)
    return pack


def check_loaded(name: str, loaded: Loaded, opts: Options) -> Checked:
    from lawcheck.engine import evaluate, unknown_scorecard
    from lawcheck.loaders import msg

    pack = _pack(opts)
    if loaded.no_text_layer:
        card = unknown_scorecard(msg(opts.lang, "no_text"), rules=pack, lang=opts.lang, level=opts.level)
        return Checked(name, card, None, "" if opts.keep_text else None)
    card = evaluate(loaded.text, report_year=opts.year, published=opts.published or loaded.meta.get("published"),
                    rules=pack, lang=opts.lang, level=opts.level, title=loaded.meta.get("title"), kind=opts.kind,
                    reporter=opts.reporter, page=loaded.meta)
    return Checked(name, card, None, loaded.text if opts.keep_text else None)


def check_source(src: Source, opts: Options, stdin_data: bytes | None = None) -> Checked:
    """Read and check one input; any failure becomes that input's error, never an exception."""
    checked = _check_source(src, opts, stdin_data)
    return _rendered(checked, opts) if opts.render else checked


def _check_source(src: Source, opts: Options, stdin_data: bytes | None) -> Checked:
    from lawcheck.loaders import load_bytes

    try:
        data = stdin_data if src.path is None else read_bytes(src, opts.lang, opts.limits.max_bytes)
        assert data is not None
        loaded = load_bytes(src.name, data, encoding=opts.encoding, lang=opts.lang, limits=opts.limits)
        return check_loaded(src.name, loaded, opts)
    except LawcheckError as e:
        problem = getattr(e, "problem", None) or str(e)
        return Checked(src.name, None, problem)
    except Exception as e:  # a bug must not lose the rest of the batch
        return Checked(src.name, None, f"internal error: {type(e).__name__}: {e}")


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def run(
    sources: list[Source],
    opts: Options,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
    stdin_data: bytes | None = None,
) -> list[Checked]:
    """Check every source; ``progress(done, total)`` is called as each one finishes."""
    return list(iter_run(sources, opts, jobs, progress, stdin_data))


def iter_run(
    sources: list[Source],
    opts: Options,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
    stdin_data: bytes | None = None,
) -> Iterator[Checked]:
    """Check every source, yielding the outcomes in input order as soon as each is ready.

    At most a few inputs per worker are in flight, so memory stays flat however long the list:
    a caller that writes each record and drops it can check a national corpus in constant memory.
    The rule pack is loaded once, here, for the whole batch (forked workers inherit it).

    With more than one input, every input is checked in a worker process (``jobs`` of them, at
    least one): a worker that crashes, or runs past ``opts.limits.timeout``, is replaced and costs
    only its own input, which becomes an error record in its place.  Stopping the iteration (or
    Ctrl-C) stops the workers.
    """
    forget_pack()
    _pack(opts)
    total = len(sources)
    if total <= 1:
        for i, src in enumerate(sources):
            yield _check_in_time(src, opts, stdin_data)
            if progress:
                progress(i + 1, total)
        return
    yield from _pooled(sources, opts, max(1, jobs), progress, stdin_data)


def _lost(src: Source, opts: Options, why: str) -> Checked:
    """The record of an input whose check never returned (timed out, or its process died)."""
    lost = Checked(src.name, None, why)
    return _rendered(lost, opts) if opts.render else lost


class _OutOfTime(BaseException):
    """Raised by the alarm: a BaseException, so that no ``except Exception`` on the way swallows it."""


def _check_in_time(src: Source, opts: Options, stdin_data: bytes | None) -> Checked:
    """One input in this process, stopped after ``opts.limits.timeout`` seconds where the platform
    has interval timers (the main thread on POSIX): a single check needs no worker to be bounded."""
    import signal
    import threading

    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return check_source(src, opts, stdin_data)

    def expire(_signum, _frame):
        raise _OutOfTime

    old = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, opts.limits.timeout)
    try:
        return check_source(src, opts, stdin_data)
    except _OutOfTime:
        from lawcheck.loaders import msg

        return _lost(src, opts, msg(opts.lang, "task_timeout", limit=f"{opts.limits.timeout:g}"))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _quiet_worker() -> None:
    # Ctrl-C reaches the whole process group; only the parent decides what happens.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _pooled(
    sources: list[Source],
    opts: Options,
    jobs: int,
    progress: Callable[[int, int], None] | None,
    stdin_data: bytes | None,
) -> Iterator[Checked]:
    # Imported here: a single-report check never pays for the pool machinery.  pebble, not
    # concurrent.futures: a dead worker there breaks the whole pool, and tasks cannot time out.
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, wait
    from concurrent.futures import TimeoutError as TaskTimeout

    from pebble import ProcessExpired, ProcessPool

    from lawcheck.loaders import msg

    total = len(sources)
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    window = max(4, 8 * jobs)
    done = 0
    ready: dict[int, Checked] = {}
    nxt = 0  # the next index to yield
    pool = ProcessPool(max_workers=min(jobs, total), context=multiprocessing.get_context(method),
                       initializer=_quiet_worker)
    finished_normally = False
    try:
        pending: dict[Future, int] = {}
        submitted = 0
        while nxt < total:
            # Keep the window full, but never run more than ``window`` ahead of what was yielded.
            while submitted < total and submitted < nxt + window and len(pending) < window:
                src = sources[submitted]
                fut = pool.schedule(check_source, args=(src, opts, stdin_data if src.path is None else None),
                                    timeout=opts.limits.timeout)
                pending[fut] = submitted
                submitted += 1
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in finished:
                i = pending.pop(fut)
                try:
                    ready[i] = fut.result()
                except TaskTimeout:
                    ready[i] = _lost(sources[i], opts, msg(opts.lang, "task_timeout", limit=f"{opts.limits.timeout:g}"))
                except ProcessExpired as e:
                    ready[i] = _lost(sources[i], opts, msg(opts.lang, "crashed", code=e.exitcode))
                except Exception as e:  # anything else the pool reports for this input
                    ready[i] = _lost(sources[i], opts, f"internal error: {type(e).__name__}: {e}")
                done += 1
                if progress:
                    progress(done, total)
            while nxt in ready:
                yield ready.pop(nxt)
                nxt += 1
        finished_normally = True
    finally:
        if finished_normally:
            pool.close()
        else:  # interrupted, or the caller stopped reading: do not wait for the rest
            pool.stop()
        pool.join()
