"""Check many inputs, in parallel, with results in input order whatever the parallelism."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field

from lawcheck.errors import LawcheckError
from lawcheck.inputs import Source, read_bytes
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


@dataclass
class Checked:
    """One input's outcome: a scorecard, or the reason it could not be checked."""

    path: str
    card: Scorecard | None = None
    error: str | None = None
    text: str | None = field(default=None, repr=False)


def check_loaded(name: str, loaded: Loaded, opts: Options) -> Checked:
    from lawcheck.engine import evaluate, unknown_scorecard
    from lawcheck.loaders import msg
    from lawcheck.pack import load_pack

    pack = load_pack(packs=opts.packs, extra=opts.extra, disable=opts.disable)
    if loaded.no_text_layer:
        card = unknown_scorecard(msg(opts.lang, "no_text"), rules=pack, lang=opts.lang, level=opts.level)
        return Checked(name, card, None, "" if opts.keep_text else None)
    card = evaluate(loaded.text, report_year=opts.year, published=opts.published or loaded.meta.get("published"),
                    rules=pack, lang=opts.lang, level=opts.level, title=loaded.meta.get("title"), kind=opts.kind,
                    reporter=opts.reporter, page=loaded.meta)
    return Checked(name, card, None, loaded.text if opts.keep_text else None)


def check_source(src: Source, opts: Options, stdin_data: bytes | None = None) -> Checked:
    """Read and check one input; any failure becomes that input's error, never an exception."""
    from lawcheck.loaders import load_bytes

    try:
        data = stdin_data if src.path is None else read_bytes(src, opts.lang)
        assert data is not None
        loaded = load_bytes(src.name, data, encoding=opts.encoding, lang=opts.lang)
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
    total = len(sources)
    results: list[Checked | None] = [None] * total
    if jobs <= 1 or total <= 1:
        for i, src in enumerate(sources):
            results[i] = check_source(src, opts, stdin_data)
            if progress:
                progress(i + 1, total)
        return [r for r in results if r is not None]
    # Load the pack once here, so forked workers start with it compiled.
    from lawcheck.pack import load_pack

    load_pack(packs=opts.packs, extra=opts.extra, disable=opts.disable)
    # Imported here: a single-report check never pays for the pool machinery.
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor, as_completed

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    done = 0
    with ProcessPoolExecutor(max_workers=min(jobs, total), mp_context=multiprocessing.get_context(method)) as pool:
        futures: dict[Future, int] = {
            pool.submit(check_source, src, opts, stdin_data if src.path is None else None): i
            for i, src in enumerate(sources)
        }
        for fut in as_completed(futures):
            i = futures[fut]
            try:
                results[i] = fut.result()
            except Exception as e:  # the worker process itself died
                results[i] = Checked(sources[i].name, None, f"internal error: {type(e).__name__}: {e}")
            done += 1
            if progress:
                progress(done, total)
    return [r for r in results if r is not None]

