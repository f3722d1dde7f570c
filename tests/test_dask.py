"""lawcheck on Dask: a LocalCluster with two worker processes gives the local batch's records."""

from __future__ import annotations

import os
import shutil

import pytest

from lawcheck import batch
from lawcheck.inputs import expand
from lawcheck.render import Context, module
from tests.conftest import FIXTURES

if os.environ.get("CI"):  # CI installs lawcheck[dask]: there a missing Dask is a failure, not a skip
    import distributed
else:
    distributed = pytest.importorskip("distributed", reason="needs lawcheck[dask]")

from lawcheck.dask import DEFAULT_GLOBS, check_paths, to_bag


def render_jsonl(records):
    return module("jsonl").render(records, Context())


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cl,
        distributed.Client(cl) as c,
    ):
        yield c


@pytest.fixture()
def corpus(tmp_path):
    """The real fixtures, plus the inputs a real folder holds: a GBK file, an empty one, a broken docx."""
    root = tmp_path / "reports"
    shutil.copytree(FIXTURES, root, ignore=shutil.ignore_patterns("*.yaml", "*.md"))
    text = (FIXTURES / "003_changsheng_2020.txt").read_text(encoding="utf-8")
    (root / "district" / "gbk.txt").parent.mkdir()
    (root / "district" / "gbk.txt").write_bytes(text.encode("gbk", errors="replace"))
    (root / "district" / "empty.txt").write_bytes(b"")
    (root / "district" / "broken.docx").write_bytes(b"PK\x03\x04 not really a docx")
    return root


def test_a_cluster_gives_the_same_records_as_the_local_batch(client, corpus):
    assert len(client.scheduler_info()["workers"]) == 2
    opts = batch.Options(lang="zh")
    local = batch.run(expand([str(corpus)], list(DEFAULT_GLOBS)), opts, jobs=1)
    remote = check_paths([corpus], opts, partition_size=2)
    assert [c.path for c in remote] == [c.path for c in local]
    assert render_jsonl(remote) == render_jsonl(local)
    # The broken inputs are errors in their place, not a failed computation.
    errors = {c.path.rsplit("/", 1)[-1] for c in remote if c.error}
    assert {"empty.txt", "broken.docx"} <= errors
    assert sum(1 for c in remote if c.card is not None) >= 10


def test_the_work_is_spread_over_both_workers(client, corpus):
    bag = to_bag([corpus], batch.Options(), partition_size=1)
    futures = client.compute(bag.to_delayed())
    client.gather(futures)
    who = {w for f in futures for w in client.who_has(f).get(f.key, ())}
    assert len(who) == 2, who


def test_english_records_on_the_cluster_match_too(client, corpus):
    opts = batch.Options(lang="en", year=2020)
    local = batch.run(expand([str(corpus / "003_changsheng_2020.txt")], list(DEFAULT_GLOBS)), opts)
    remote = check_paths([corpus / "003_changsheng_2020.txt"], opts)
    assert remote[0].card is not None and remote[0].card.model_dump_json() == local[0].card.model_dump_json()
