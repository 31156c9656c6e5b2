"""Ingest local report files: extract on all cores, transform, load, in batches; one `runs` row per ingest.

`ingest()` is the plain logic (no Prefect needed); `ingest_flow` runs the same steps as Prefect tasks. Files
are hashed first: a file whose sha256 the warehouse holds, read by this parser version (or a newer one), is not
extracted again, so re-ingesting an unchanged folder costs a read of its bytes (bench/reingest.py measures it).
Each batch is one atomic write, so an ingest killed part-way keeps every batch it finished, and running it
again loads only what is missing (a report already loaded with the same content is left exactly as it was).
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from extract.batch import default_workers, extract_paths
from flows import progress
from extract.paths import bytes_path, path_bytes
from extract.records import PARSER_VERSION, Report
from transform.frames import Frames, reports_to_frames
from warehouse.load import LoadResult, load_frames, relocate_paths, version_key
from warehouse.runs import RunCounts, fail_run, finish_run, record_failure, resolve_failures, start_run
from warehouse.snapshot import reading, writing
from warehouse.state import loaded_versions, relative_paths, unread_errors

FLOW_NAME = "ingest"
EXTRACT_STAGE = "extract"
PROGRESS_STAGE = "read"  # the terminal's progress bar: files of the batch read so far
# A write costs what it adds plus a fixed ~0.2-0.5 s and a few MB (bench/scale.py): a thousand files per write
# keeps that small against extraction (~30 s a thousand on 2 cores) while progress still moves.
DEFAULT_BATCH_SIZE = 1000
# Files are hashed a chunk at a time: hashing a folder never holds a whole PDF in memory.
HASH_CHUNK_BYTES = 1 << 20


def file_sha256(path: str) -> str | None:
    """The sha256 of a file's bytes (the key of its report), or None when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(HASH_CHUNK_BYTES):
                digest.update(chunk)
    except OSError:
        return None  # extraction will say why, naming the file
    return digest.hexdigest()


@dataclass(frozen=True)
class Plan:
    extract: list[str]  # files the warehouse lacks, or holds only from an older parser
    skipped_unread: list[str] = field(default_factory=list)  # errors of skipped files that gave no judgements
    # Skipped files whose report was loaded before paths were stored absolute: report_id -> this file's path.
    relocated: dict[str, str] = field(default_factory=dict)


def files_to_extract(files: list[str], db: Path) -> Plan:
    """The files to extract; the rest are loaded already by this parser (or a newer one) and would load unchanged."""
    if not db.exists():
        return Plan(list(files))
    with reading(db) as con:
        versions, unread, relative = loaded_versions(con), unread_errors(con), relative_paths(con)
    current = version_key(PARSER_VERSION)
    wanted, skipped_unread, relocated = [], [], {}
    for path in files:
        sha256 = file_sha256(path)
        loaded = versions.get(sha256)
        if loaded is None or version_key(loaded) < current:
            wanted.append(path)
            continue
        if sha256 in unread:
            skipped_unread.append(unread[sha256])
        if sha256 in relative:
            relocated[sha256] = path
    return Plan(wanted, skipped_unread, relocated)


def extract_batch(files: list[str], workers: int) -> list[Report]:
    """The batch's reports in file order, each file counted on the progress bar as it is read."""
    reports = []
    progress.report(PROGRESS_STAGE, 0, len(files))
    for report in extract_paths(files, workers=workers):
        reports.append(report)
        progress.report(PROGRESS_STAGE, len(reports), len(files))
    return reports


def transform_batch(reports: list[Report]) -> Frames:
    return reports_to_frames([(report, None) for report in reports])


def load_batch(db: Path, frames: Frames, run_id: str) -> LoadResult:
    """Load a batch and its failures in one atomic write; files that now read well resolve old failures."""
    with writing(db) as con:
        result = load_frames(con, frames)
        not_read = frames.reports[frames.reports["status"] != "ok"]
        for path, error in zip(not_read["path"], not_read["error"]):
            record_failure(con, run_id, EXTRACT_STAGE, path, error)
        for unkeyed in frames.unkeyed:
            record_failure(con, run_id, EXTRACT_STAGE, unkeyed.path, unkeyed.error)
        resolve_failures(con, EXTRACT_STAGE, frames.reports.loc[frames.reports["status"] == "ok", "path"])
    return result


@dataclass(frozen=True)
class Steps:
    """Which files to read, then the three steps of a batch; the flow swaps in Prefect tasks wrapping them."""

    plan: Callable[[list[str], Path], Plan] = files_to_extract
    extract: Callable[[list[str], int], list[Report]] = extract_batch
    transform: Callable[[list[Report]], Frames] = transform_batch
    load: Callable[[Path, Frames, str], LoadResult] = load_batch


@dataclass
class IngestSummary:
    run_id: str
    db: Path
    files: int = 0
    read: int = 0  # files that gave a report with status ok
    skipped: int = 0  # files already loaded by this parser version: not extracted again
    skipped_unread: int = 0  # of those, files that gave no report last time either (same bytes, same parser)
    unloaded: int = 0  # files that could not be opened at all: no row in `reports`, only one in `failures`
    batches: int = 0
    inserted: int = 0
    replaced: int = 0
    unchanged: int = 0
    kept_newer: int = 0
    not_read: list[str] = field(default_factory=list)  # errors of files that gave no judgements
    seconds: float = 0.0

    @property
    def failures(self) -> int:
        return len(self.not_read)

    def add(self, reports: Sequence[Report], frames: Frames, result: LoadResult) -> None:
        self.files += len(reports)
        self.read += sum(report.ok for report in reports)
        # Errors name their file already.
        self.not_read += [u.error for u in frames.unkeyed]
        self.unloaded += len(frames.unkeyed)
        self.not_read += [
            error or f"{path}: {status}"
            for path, status, error in zip(frames.reports["path"], frames.reports["status"], frames.reports["error"])
            if status != "ok"
        ]
        self.batches += 1
        self.inserted += result.inserted
        self.replaced += result.replaced
        self.unchanged += result.unchanged
        self.kept_newer += result.kept_newer

    def counts(self) -> RunCounts:
        return RunCounts(
            reports_found=self.files,
            reports_new=self.inserted,
            reports_loaded=self.inserted + self.replaced,
            failures=self.failures,
        )


def batches_of(files: Sequence[str], size: int) -> list[list[str]]:
    return [list(files[start : start + size]) for start in range(0, len(files), size)]


def ingest(
    files: Sequence[str | Path],
    db: Path,
    *,
    workers: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    steps: Steps = Steps(),
    on_batch: Callable[[IngestSummary, int], None] | None = None,
    run_id: str | None = None,
) -> IngestSummary:
    """Extract, transform and load `files` into `db`, batch by batch; `on_batch(summary, batches)` after each."""
    if batch_size < 1:
        raise ValueError(f"batch size must be at least 1, got {batch_size}")
    # Stored, recorded and printed absolute: a relative path means nothing once ingest has left its folder.
    files = [os.path.abspath(f) for f in files]
    workers = workers or default_workers()
    started = time.monotonic()
    plan = steps.plan(files, db)
    with writing(db) as con:
        run_id = start_run(con, FLOW_NAME, detail=f"{len(files)} files", run_id=run_id)
        relocate_paths(con, plan.relocated)
    summary = IngestSummary(run_id=run_id, db=db)
    summary.skipped = len(files) - len(plan.extract)
    summary.files = summary.unchanged = summary.skipped
    # A file not read last time is still not read (same bytes, same parser): it counts as not read again.
    summary.not_read += plan.skipped_unread
    summary.skipped_unread = len(plan.skipped_unread)
    batches = batches_of(plan.extract, batch_size)
    try:
        for batch in batches:
            reports = steps.extract(batch, workers)
            frames = steps.transform(reports)
            result = steps.load(db, frames, run_id)
            summary.add(reports, frames, result)
            summary.seconds = time.monotonic() - started
            if on_batch:
                on_batch(summary, len(batches))
    except Exception as exc:
        with writing(db) as con:
            fail_run(con, run_id, summary.counts(), exc)
        raise
    summary.seconds = time.monotonic() - started
    with writing(db) as con:
        finish_run(con, run_id, summary.counts())
    return summary


def ingest_flow(
    files: Sequence[str | Path],
    db: str | Path,
    workers: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_batch: Callable[[IngestSummary, int], None] | None = None,
) -> IngestSummary:
    """Run `ingest` as a Prefect flow, each step of each batch a task; the run id is the flow run's.

    Paths cross into the flow as bytes: Prefect records parameters as JSON, which cannot hold a file name that
    is not UTF-8 as text (it records such a list as a placeholder instead, and the flow still gets every file).
    """
    return build_flow()([path_bytes(f) for f in files], path_bytes(db), workers, batch_size, on_batch)


def build_flow():
    """The Prefect flow, built on first use so that importing this module does not import Prefect."""
    from prefect import flow, task
    from prefect.cache_policies import NO_CACHE
    from prefect.runtime import flow_run

    # Batches are large and never repeated within a run: hashing them for a cache would cost without paying.
    steps = Steps(
        plan=task(files_to_extract, name="plan", cache_policy=NO_CACHE),
        extract=task(extract_batch, name="extract", cache_policy=NO_CACHE),
        transform=task(transform_batch, name="transform", cache_policy=NO_CACHE),
        load=task(load_batch, name="load", cache_policy=NO_CACHE),
    )

    @flow(name=FLOW_NAME, validate_parameters=False)
    def ingest_files(files, db, workers, batch_size, on_batch):
        return ingest(
            [bytes_path(f) for f in files], Path(bytes_path(db)), workers=workers, batch_size=batch_size, steps=steps,
            on_batch=on_batch, run_id=flow_run.id
        )

    return ingest_files
