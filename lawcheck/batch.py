"""Check many inputs, in parallel, with results in input order whatever the parallelism."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from lawcheck.errors import InputError, LawcheckError
from lawcheck.gate import Gate
from lawcheck.inputs import Source, read_bytes
from lawcheck.limits import Limits
from lawcheck.model import PreviousReport, Record, Waiver, construct
from lawcheck.readers import Document
from lawcheck.waivers import for_file

# How a streaming format writes one record (``render.formats.<name>.record`` bound to its context with
# ``functools.partial``): handed in by the caller, so that the batch imports no renderer.  A folder's format
# (HTML pages, Word copies) makes the record's file: text or bytes.
RecordWriter = Callable[[Record], str | bytes]


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
    keep_text: bool = False  # formats that show the text (SARIF's lines and columns, the HTML page)
    keep_slim: bool = False  # a streamed format with a batch summary: the record keeps Scorecard.slim()
    keep_original: bool = False  # a format that writes a Word input back (the docx output): its bytes and map
    gate: Gate = field(default_factory=Gate)
    # A streaming format: the worker writes the record itself and sends back only that line, not the
    # scorecard (pickling scorecards cost the parent a core's worth).
    write: RecordWriter | None = None
    limits: Limits = field(default_factory=Limits)
    previous: PreviousReport | None = None  # last year's report (check --previous, one input)
    waivers: tuple[Waiver, ...] = ()  # the settings' waivers that apply today; each input takes those for its name


# Records are built from trusted values with ``construct`` (``model_construct``, faster): no validation,
# and Record's schema is never built on the batch's path (a cold start pays for what it uses).
def _finish(rec: Record, opts: Options) -> Record:
    """The record with its gate outcome, written by ``opts.write`` (and the scorecard dropped) when streaming."""
    gate = rec.gate if rec.error is not None else opts.gate.reasons(rec.card) if rec.card else []
    if rec.error is not None and not gate:
        gate = [rec.error]
    done = rec.model_copy(update={"gate": gate})
    if opts.write is None:
        return done
    slim = done.card.slim() if opts.keep_slim and done.card is not None else None
    return construct(Record, path=rec.path, path_raw=rec.path_raw, error=rec.error, line=opts.write(done),
                                  gate=gate, card=slim, digest=rec.digest)


def forget_pack() -> None:
    """Look the batch's pack up afresh on next use (one digest): an edited rule file is then seen."""
    from lawcheck.packs import PACKS

    PACKS.unpin()


def _pack(opts: Options):
    # The pack of a batch, per process: looked up once, when the batch starts (``iter_run``).
    from lawcheck.packs import PACKS, load_pack

    return PACKS.pinned(("batch", opts.packs, opts.extra, opts.disable),
                        lambda: load_pack(packs=opts.packs, extra=opts.extra, disable=opts.disable))


def check_document(name: str, doc: Document, opts: Options) -> Record:
    """Check a document already read; the record carries its scorecard (and text, when kept)."""
    from lawcheck.files import scorecard_of

    card = scorecard_of(doc, _pack(opts), name=name, report_year=opts.year, published=opts.published, lang=opts.lang,
                        level=opts.level, kind=opts.kind, reporter=opts.reporter, previous=opts.previous,
                        waivers=for_file(opts.waivers, name) if opts.waivers else ())
    original = None
    if opts.keep_original and doc.original is not None:
        from lawcheck.model import Original

        data, pieces = doc.original
        original = construct(Original, format="docx", data=data, pieces=pieces)
    return construct(Record, path=name, card=card, text=doc.text if opts.keep_text else None,
                                  original=original, digest=digest(doc.text))


def digest(text: str) -> str:
    """What tells a copy of a report from another report: its text's hash, blanks aside (a copy saved again, or as
    another format, keeps its words but not always its line ends)."""
    import hashlib

    return hashlib.blake2b("".join(text.split()).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def check_source(src: Source, opts: Options, stdin_data: bytes | None = None) -> Record:
    """Read and check one input; any failure becomes that input's error, never an exception."""
    return _finish(_named(_check_source(src, opts, stdin_data), src), opts)


def _named(rec: Record, src: Source) -> Record:
    """A record whose file name is not UTF-8 keeps the exact name too (``path_raw``, \\xNN escapes)."""
    raw = src.raw_name
    return rec.model_copy(update={"path_raw": raw}) if raw else rec


def _check_source(src: Source, opts: Options, stdin_data: bytes | None) -> Record:
    from lawcheck.readers import read_document

    if src.skip is not None:  # what the folder walk met and could not take, with the reason
        return construct(Record, path=src.name, error=src.skip)
    try:
        data = stdin_data if src.path is None else read_bytes(src, opts.lang, opts.limits.max_bytes)
        assert data is not None
        if src.path is None and len(data) > opts.limits.max_bytes:  # standard input obeys --max-bytes too
            from lawcheck.limits import human_bytes
            from lawcheck.readers import msg

            limit = human_bytes(opts.limits.max_bytes)
            raise InputError(src.name, msg(opts.lang, "too_big", size=f"> {limit}", limit=limit))
        doc = read_document(src.name, data, encoding=opts.encoding, lang=opts.lang, limits=opts.limits,
                            keep_original=opts.keep_original)
        return check_document(src.name, doc, opts)
    except LawcheckError as e:
        problem = getattr(e, "problem", None) or str(e)
        return construct(Record, path=src.name, error=str(problem))
    except MemoryError:
        from lawcheck.limits import human_bytes
        from lawcheck.readers import msg

        return construct(Record, path=src.name, error=msg(opts.lang, "memory",
                                                               limit=human_bytes(opts.limits.max_memory)))
    except Exception as e:  # a bug must not lose the rest of the batch
        return construct(Record, path=src.name, error=f"internal error: {type(e).__name__}: {e}")


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
) -> list[Record]:
    """Check every source; ``progress(done, total)`` is called as each one finishes."""
    return list(iter_run(sources, opts, jobs, progress, stdin_data))


def iter_run(
    sources: list[Source],
    opts: Options,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
    stdin_data: bytes | None = None,
) -> Iterator[Record]:
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
    _warm(sources, opts)
    with _frozen():
        yield from _pooled(sources, opts, max(1, jobs), progress, stdin_data)


_FREEZES = [0]  # batches running in this process (threads) inside _frozen
_FREEZE_LOCK = threading.Lock()


@contextlib.contextmanager
def _frozen() -> Iterator[None]:
    """What this process holds (the engine, the pack, the readers, warmed) moved out of the collector's reach
    while a batch's workers are forked: their collections would otherwise touch every inherited object and so
    copy every page of it into each worker (copy-on-write), the workers growing towards the parent's size as
    they run.  Two batches in threads share it: the last one to end unfreezes."""
    import gc

    with _FREEZE_LOCK:
        _FREEZES[0] += 1
        gc.freeze()
    try:
        yield
    finally:
        with _FREEZE_LOCK:
            _FREEZES[0] -= 1
            if not _FREEZES[0]:
                gc.unfreeze()


# A short report that runs every stage (a text read, its parts, every check, the scorecard, the record written):
# the batch's warm-up before forking, and lawcheck serve's at start.
WARM_REPORT = ("某县人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n县政府主要负责人切实履行推进法治"
               "建设第一责任人职责，全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。\n"
               "二、存在的不足\n一是依法行政意识有待提高。\n三、下一年度工作安排\n深入学习贯彻习近平法治思想。\n"
               "某县人民政府\n2024年3月20日\n")


def _warm(sources: list[Source], opts: Options) -> None:
    """Before the workers are forked, this process imports and warms what each of them would otherwise
    import and warm for itself (the engine, the text modules, the readers of the batch's formats, the
    streaming writer; some 300 M instructions a worker): they inherit it.  The warm-up checks a short
    report of its own, never an input (an input may be hostile: it is checked only in a worker)."""
    from lawcheck.readers import preload

    preload({src.name for src in sources if src.path is not None})
    warm = dataclasses.replace(opts, keep_text=False, keep_original=False, previous=None, waivers=())
    rec = check_source(Source("warm.txt", None), warm, WARM_REPORT.encode())
    if opts.write is not None and rec.line is None and rec.card is not None:
        opts.write(rec)


def _lost(src: Source, opts: Options, why: str) -> Record:
    """The record of an input whose check never returned (timed out, or its process died)."""
    return _finish(_named(construct(Record, path=src.name, error=why), src), opts)


class _OutOfTime(BaseException):
    """Raised by the alarm: a BaseException, so that no ``except Exception`` on the way swallows it."""


def _check_in_time(src: Source, opts: Options, stdin_data: bytes | None) -> Record:
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
        from lawcheck.readers import msg

        return _lost(src, opts, msg(opts.lang, "task_timeout", limit=f"{opts.limits.timeout:g}"))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _worker_init(max_memory: int, parent: int) -> None:
    # Ctrl-C reaches the whole process group; only the parent decides what happens.
    import signal

    from lawcheck.limits import cap_memory

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with(parent)  # first: it loads ctypes, which a tight cap would not leave room for
    cap_memory(max_memory)  # one file can never take the machine: it fails alone, with MemoryError


def _die_with(parent: int) -> None:
    """Linux: this worker is killed when its parent dies, even by SIGKILL (a worker on a hanging input would
    otherwise spin on, orphaned, past --timeout)."""
    import signal
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


# Set by the command line when it is told to stop (Ctrl-C, SIGTERM): a batch stops waiting for the input
# in flight, stops its workers and returns what is finished.
STOP = threading.Event()


def _pooled(
    sources: list[Source],
    opts: Options,
    jobs: int,
    progress: Callable[[int, int], None] | None,
    stdin_data: bytes | None,
) -> Iterator[Record]:
    from lawcheck.readers import msg

    def task(src: Source) -> tuple:
        return check_source, (src, opts, stdin_data if src.path is None else None)

    def lost(src: Source, why: str, code: int | None) -> Record:
        if why == "timeout":
            return _lost(src, opts, msg(opts.lang, "task_timeout", limit=f"{opts.limits.timeout:g}"))
        if why == "crashed":
            return _lost(src, opts, msg(opts.lang, "crashed", code=code))
        return _lost(src, opts, why)

    yield from pooled(sources, task, lost, jobs, opts.limits, progress)


def pooled(items: list, task: Callable, lost: Callable, jobs: int, limits: Limits,  # type: ignore[type-arg]
           progress: Callable[[int, int], None] | None = None) -> Iterator:  # type: ignore[type-arg]
    """Run ``task(item)`` — which returns (function, args) — for every item in worker processes, yielding the
    results in input order.  A task that runs past ``limits.timeout`` or whose worker dies yields
    ``lost(item, "timeout" | "crashed" | the error, exit code)`` in its place; memory stays flat (a bounded
    window of tasks in flight); ``STOP`` stops the workers."""
    # Imported here: a single-report check never pays for the pool machinery.  pebble, not
    # concurrent.futures: a dead worker there breaks the whole pool, and tasks cannot time out.
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, wait
    from concurrent.futures import TimeoutError as TaskTimeout

    from pebble import ProcessExpired, ProcessPool

    total = len(items)
    if not total:
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    window = max(4, 8 * jobs)
    done = 0
    ready: dict[int, object] = {}
    nxt = 0  # the next index to yield
    pool = ProcessPool(max_workers=min(jobs, total), context=multiprocessing.get_context(method),
                       initializer=_worker_init, initargs=(limits.max_memory, os.getpid()))
    finished_normally = False
    try:
        pending: dict[Future, int] = {}
        submitted = 0
        while nxt < total:
            # Keep the window full, but never run more than ``window`` ahead of what was yielded.
            while submitted < total and submitted < nxt + window and len(pending) < window:
                fn, args = task(items[submitted])
                fut = pool.schedule(fn, args=args, timeout=limits.timeout)
                pending[fut] = submitted
                submitted += 1
            finished, _ = wait(pending, timeout=0.25, return_when=FIRST_COMPLETED)
            if STOP.is_set():
                return  # told to stop: the workers are stopped below, what is finished was yielded
            for fut in finished:
                i = pending.pop(fut)
                try:
                    ready[i] = fut.result()
                except TaskTimeout:
                    ready[i] = lost(items[i], "timeout", None)
                except ProcessExpired as e:
                    ready[i] = lost(items[i], "crashed", e.exitcode)
                except Exception as e:  # anything else the pool reports for this input
                    ready[i] = lost(items[i], f"internal error: {type(e).__name__}: {e}", None)
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
