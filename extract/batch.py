"""Extract many files on all cores, in input order, one bad file never stopping the rest."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from extract.records import Report
from extract.report import extract_bytes, extract_path

PDF_SUFFIX = ".pdf"
# Small chunks keep the progress output moving while amortising inter-process overhead.
CHUNK_SIZE = 4


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, folders walked for *.pdf (sorted, so runs are reproducible)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == PDF_SUFFIX))
        else:
            found.append(path)
    return found


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def extract_paths(paths: Iterable[str | Path], workers: int | None = None) -> Iterator[Report]:
    """Yield a Report per file in input order; files that cannot be read yield an error Report."""
    files = [str(p) for p in paths]
    workers = min(workers or default_workers(), max(1, len(files)))
    if workers == 1:
        yield from map(extract_path, files)
        return
    pool = ProcessPoolExecutor(max_workers=workers)
    try:
        yield from pool.map(extract_path, files, chunksize=CHUNK_SIZE)
    finally:
        # A consumer that stops early (its output closed, Ctrl-C) must not wait for every remaining file.
        pool.shutdown(wait=True, cancel_futures=True)


def extract_blobs(blobs: Iterable[tuple[bytes, str]]) -> list[Report]:
    """Pure: (PDF bytes, path to name in errors) in, Reports out, so it runs on any Dask worker."""
    return [extract_bytes(data, path) for data, path in blobs]
