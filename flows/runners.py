"""Where a site flow's extraction runs: processes on this machine (default), or a Dask cluster.

    OFSTED_TASK_RUNNER=dask                          a temporary Dask cluster on this machine
    OFSTED_TASK_RUNNER=dask OFSTED_DASK_ADDRESS=tcp://scheduler:8786    an existing cluster

The flows choose here, at run time, from the environment of the process the flow runs in, so a flow started
from the CLI, by `ofsted serve`, by a `prefect.yaml` deployment's worker or by bench/backfill.py extracts the
same way. Only extraction goes to Dask, as chunks of PDF bytes handed to a pure function (workers need no
access to the raw store, and no Prefect: a worker never starts a Prefect server of its own); discovery,
downloads and the warehouse write stay in the flow's own process.

pypdfium2 is not thread-safe, so extraction never shares a process between threads: the local runner uses
processes, the temporary cluster is made with one thread per worker process, and on an existing cluster whose
workers run several threads, extract.pdf_text serialises pypdfium2 within each worker process.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Protocol

from extract.batch import default_workers, extract_blobs
from extract.records import Provenance, Report
from extract.web.config import ConfigError
from flows.settings import Settings
from flows.site_steps import Fetched, batches_of, extract as extract_on_this_machine

# Most files per Dask task: enough to amortise a task's scheduling overhead.
DASK_CHUNK = 8
# Threads of a site flow's own task runner. Its tasks are called in order, never submitted, and extraction runs
# in processes (below), so no two threads ever run pypdfium2; the bound keeps a stray .submit() from opening a
# thread per task.
FLOW_TASK_THREADS = 4
# One thread per worker process: pypdfium2 must never run on two threads of one process at once.
THREADS_PER_WORKER = 1


def flow_task_runner():
    """The task runner every site flow is declared with (nightly, refresh, backfill)."""
    from prefect.task_runners import ThreadPoolTaskRunner

    return ThreadPoolTaskRunner(max_workers=FLOW_TASK_THREADS)


class Extraction(Protocol):
    def __call__(self, fetched: Sequence[Fetched]) -> list[tuple[Report, Provenance]]: ...


@contextmanager
def extraction(settings: Settings) -> Iterator[Extraction]:
    """An extraction function for a whole run; a Dask cluster is connected (or started) once, and closed after."""
    if settings.task_runner != "dask":
        yield lambda fetched: extract_on_this_machine(fetched, settings.workers)
        return
    with dask_client(settings) as client:
        yield lambda fetched: extract_on_dask(client, fetched)


@contextmanager
def dask_client(settings: Settings):
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError(
            'OFSTED_TASK_RUNNER=dask needs Dask\'s distributed: pip install -e ".[dask]" (or unset OFSTED_TASK_RUNNER)'
        ) from None
    if settings.dask_address:
        with Client(settings.dask_address) as client:
            yield client
        return
    with LocalCluster(
        n_workers=settings.workers or default_workers(),
        threads_per_worker=THREADS_PER_WORKER,
        processes=True,
        dashboard_address=None,
    ) as cluster, Client(cluster) as client:
        yield client


def chunk_size(files: int, threads: int) -> int:
    """DASK_CHUNK files a task, fewer when that would leave threads of the cluster idle on a small batch."""
    return max(1, min(DASK_CHUNK, math.ceil(files / max(1, threads))))


def extract_on_dask(client, fetched: Sequence[Fetched]) -> list[tuple[Report, Provenance]]:
    chunks = batches_of(list(fetched), chunk_size(len(fetched), sum(client.nthreads().values())))
    blobs = [[(f.stored.path.read_bytes(), str(f.stored.path)) for f in chunk] for chunk in chunks]
    # pure=False: a chunk is never deduplicated against another run's identical bytes still held by the cluster.
    futures = client.map(extract_blobs, blobs, pure=False)
    reports = [report for chunk in client.gather(futures) for report in chunk]
    return [(report, item.link.provenance()) for report, item in zip(reports, fetched)]
