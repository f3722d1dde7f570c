"""Check a corpus on a Dask cluster (``pip install 'lawcheck[dask]'``).

    from dask.distributed import Client
    from lawcheck.dask import check_paths

    client = Client("tcp://scheduler:8786")           # or LocalCluster() on one machine
    results = check_paths(["/data/reports/2024"])      # list[Record], in input order
    # or keep it lazy and write straight from the workers:
    bag = to_bag(["/data/reports/2024"])               # a dask.bag of Record
    bag.map(lambda c: c.card.model_dump_json() if c.card else "").to_textfiles("/data/out/*.jsonl")

Each worker reads its own files (so the paths must be readable where the workers run: a
shared file system, or the same corpus copied to every node), compiles the rule pack once per
process (from its on-disk cache after the first time) and returns the same ``Record`` records
as the local batch, in the same order: one broken file becomes that file's error, never a failed
task.  Nothing here is specific to Dask's scheduler: the function each task runs is
``lawcheck.batch.check_source``, the same one ``lawcheck check -j`` runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lawcheck.batch import Options, check_source
from lawcheck.inputs import Source, expand
from lawcheck.model import Record
from lawcheck.readers import default_globs

if TYPE_CHECKING:  # dask is an optional extra; imported only when these functions run
    import dask.bag


DEFAULT_GLOBS = tuple(default_globs())  # the same files `lawcheck check DIR` finds


def _require_dask() -> Any:
    try:
        import dask.bag as db
    except ImportError:
        from lawcheck.errors import Msg, UsageError

        raise UsageError(Msg("needs_extra", extra="dask")) from None
    return db


def sources(paths: Iterable[str | Path], globs: Iterable[str] = DEFAULT_GLOBS) -> list[Source]:
    """The inputs as ``lawcheck check`` finds them: files as given, directories searched by ``globs``."""
    return expand([str(p) for p in paths], list(globs))


def _check_partition(part: list[Source], opts: Options) -> list[Record]:
    # A worker lives across computations: look the pack up afresh (one digest) per partition,
    # so an edited rule file is seen by the next run, as with `lawcheck check`.
    from lawcheck.batch import forget_pack

    forget_pack()
    return [check_source(src, opts) for src in part]


def to_bag(
    paths: Iterable[str | Path],
    options: Options | None = None,
    *,
    globs: Iterable[str] = DEFAULT_GLOBS,
    partition_size: int = 64,
) -> dask.bag.Bag:
    """A lazy ``dask.bag`` of ``Record`` records, one per input, in input order.

    ``partition_size`` inputs make one task: large enough that scheduling costs little next to
    checking (~5 ms a report), small enough to spread over every worker.
    """
    db = _require_dask()
    opts = options or Options()
    srcs = sources(paths, globs)
    if not srcs:
        return db.from_sequence([], npartitions=1)
    bag = db.from_sequence(srcs, partition_size=max(1, partition_size))
    return bag.map_partitions(_check_partition, opts)


def check_paths(
    paths: Iterable[str | Path],
    options: Options | None = None,
    *,
    globs: Iterable[str] = DEFAULT_GLOBS,
    partition_size: int = 64,
    scheduler: str | None = None,
) -> list[Record]:
    """Check every input on the current Dask scheduler and return the records in input order.

    With a ``distributed.Client`` active its cluster does the work; otherwise Dask's default
    (or ``scheduler``: "processes", "threads", "sync").  The records are the same as
    ``lawcheck.batch.run`` gives for the same inputs and options.
    """
    bag = to_bag(paths, options, globs=globs, partition_size=partition_size)
    kwargs = {"scheduler": scheduler} if scheduler else {}
    return list(bag.compute(**kwargs))
