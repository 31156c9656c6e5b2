"""flows/runners.py without a cluster: how a batch is cut into Dask tasks, and that the order of files is kept."""

from __future__ import annotations

import pytest

from extract.web.rawstore import RawStore
from extract.web.site import ReportLink
from flows.runners import DASK_CHUNK, chunk_size, extract_on_dask
from flows.site_steps import Fetched


@pytest.mark.parametrize(
    "files, threads, expected",
    [
        pytest.param(50, 2, DASK_CHUNK, id="a-full-batch-in-full-chunks"),
        pytest.param(8, 4, 2, id="a-small-batch-on-every-thread"),
        pytest.param(3, 0, 3, id="no-threads-reported"),
        pytest.param(0, 4, 1, id="nothing"),
    ],
)
def test_chunk_size(files, threads, expected):
    assert chunk_size(files, threads) == expected


class InlineClient:
    """A Dask client's map and gather, run here in order: the seam between the runner and a cluster."""

    def __init__(self, threads: int):
        self.threads = threads
        self.chunks: list[int] = []

    def nthreads(self) -> dict[str, int]:
        return {"worker": self.threads}

    def map(self, function, items, pure=True):
        self.chunks = [len(item) for item in items]
        return [function(item) for item in items]

    def gather(self, futures):
        return futures


def test_reports_come_back_in_the_order_of_the_files(tmp_path):
    store = RawStore(tmp_path)
    fetched = [
        Fetched(ReportLink.bare(f"https://files.ofsted.gov.uk/v1/file/{n}"), store.put(b"%PDF-1.4 " + bytes([n]), str(n)),
                True)
        for n in range(1, 6)
    ]
    client = InlineClient(threads=2)
    items = extract_on_dask(client, fetched)
    assert client.chunks == [3, 2]
    assert [provenance.source_url for _, provenance in items] == [f.link.url for f in fetched]
    assert [report.sha256 for report, _ in items] == [f.stored.sha256 for f in fetched]
