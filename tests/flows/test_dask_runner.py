"""The Dask path end to end: a backfill through the fake site extracting on a real `distributed.LocalCluster`
gives the same warehouse as extracting on this machine's processes, and leaves no process behind.

The cluster has 2 worker processes with 2 threads each: the shape that crashed with SIGSEGV (KilledWorker)
when two threads of one worker ran pypdfium2 at once. That crash comes only when two calls happen to overlap,
so this test passing proves little about it on its own: tests/test_pdf_text.py asserts, without luck, that no
two threads of one process are ever inside pypdfium2 at once.
"""

from __future__ import annotations

import time

import psutil
import pytest

from flows.outcome import summary_of_run
from tests.fake_site import FakeOfstedSite, catalogue_from_corpus
from tests.fake_site.fixtures import site_environment
from warehouse.snapshot import reading

distributed = pytest.importorskip("distributed", reason='the Dask path needs distributed: pip install -e ".[test]"')

pytestmark = pytest.mark.slow

# Eight reports in one batch: four chunks of two, one on each thread of the cluster at once.
PROVIDERS = 4
REPORTS_PER_PROVIDER = 2
BATCH = 50
EXITED_WITHIN_SECONDS = 10
# Rows that must match; paths (and errors, which name them) differ by data folder, load times by clock.
SAME_ROWS = {
    "reports": "SELECT * EXCLUDE (path, error, loaded_at) FROM reports ORDER BY report_id",
    "judgements": "SELECT * FROM judgements ORDER BY report_id, area",
    "quotations": "SELECT * FROM quotations ORDER BY report_id, seq",
    "providers": "SELECT * FROM providers ORDER BY urn",
    "failures": "SELECT stage, target FROM failures ORDER BY stage, target",
}


@pytest.fixture
def small_site(corpus):
    """A handful of real reports: the first local authorities of the corpus with a few reports each."""
    catalogue = catalogue_from_corpus(corpus)
    chosen = {}
    for urn, provider in catalogue.items():
        if provider.provider_type == "la" and len(provider.reports) >= REPORTS_PER_PROVIDER:
            provider.reports = provider.reports[:REPORTS_PER_PROVIDER]
            chosen[urn] = provider
        if len(chosen) == PROVIDERS:
            break
    site = FakeOfstedSite(chosen)
    yield site
    site.close()


def warehouse_rows(db) -> dict[str, list[tuple]]:
    with reading(db) as con:
        return {name: con.execute(sql).fetchall() for name, sql in SAME_ROWS.items()}


def children() -> set[int]:
    return {child.pid for child in psutil.Process().children(recursive=True) if not is_resource_tracker(child)}


def is_resource_tracker(process: psutil.Process) -> bool:
    """multiprocessing's resource tracker lives as long as this test process, by design, once spawn is used."""
    try:
        return "resource_tracker" in " ".join(process.cmdline())
    except psutil.Error:
        return False


def wait_for_exit(pids: set[int]) -> set[int]:
    deadline = time.monotonic() + EXITED_WITHIN_SECONDS
    while pids and time.monotonic() < deadline:
        pids = {pid for pid in pids if psutil.pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE}
        time.sleep(0.1)
    return pids


def backfill_into(site, home, monkeypatch, **environment: str):
    from flows.backfill import backfill

    for name, value in site_environment(site, home, OFSTED_WORKERS="2", **environment).items():
        monkeypatch.setenv(name, value)
    return summary_of_run(backfill, types=["la"], batch_size=BATCH)


def test_backfill_on_a_dask_cluster_of_two_threaded_workers_gives_the_local_warehouse(
    small_site, tmp_path, monkeypatch, prefect_harness
):
    before = children()
    local = backfill_into(small_site, tmp_path / "local", monkeypatch)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=2, processes=True, dashboard_address=None) as cluster:
        on_dask = backfill_into(small_site, tmp_path / "dask", monkeypatch, OFSTED_TASK_RUNNER="dask",
                                OFSTED_DASK_ADDRESS=cluster.scheduler_address)
        workers = cluster.scheduler_info["workers"].values()
        assert [worker["nthreads"] for worker in workers] == [2, 2]
    assert local.inserted == on_dask.inserted == PROVIDERS * REPORTS_PER_PROVIDER
    assert warehouse_rows(tmp_path / "dask" / "ofsted.duckdb") == warehouse_rows(tmp_path / "local" / "ofsted.duckdb")
    assert wait_for_exit(children() - before) == set()


def test_the_temporary_cluster_has_one_thread_per_worker_and_goes_away(monkeypatch):
    from flows.runners import dask_client
    from flows.settings import Settings

    before = children()
    monkeypatch.setenv("OFSTED_TASK_RUNNER", "dask")
    monkeypatch.setenv("OFSTED_WORKERS", "2")
    monkeypatch.delenv("OFSTED_DASK_ADDRESS", raising=False)
    with dask_client(Settings.from_env()) as client:
        threads = client.nthreads()
    assert sorted(threads.values()) == [1, 1]
    assert wait_for_exit(children() - before) == set()
