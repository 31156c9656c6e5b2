"""Read loaded reports again with the current parser and update their rows in place: how a parser upgrade (or
a new spelling in the table of authorities) reaches a warehouse that holds years of history.

Nothing is downloaded. A report's bytes come from the raw store (OFSTED_HOME/raw, keyed by sha256) where the
site flows keep every file, else from the path it was ingested from; a file found in neither, or changed since
it was loaded, is listed as gone. Rows are replaced through the idempotent loader (warehouse.load), one
atomic write per batch, and the warehouse's own rows before and after each batch say what changed: reports
newly readable (or no longer), grades that changed, quotations that changed, reports that moved provider.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from extract.batch import default_workers, extract_paths
from extract.records import PARSER_VERSION, Provenance, Report
from extract.web.rawstore import RawStore
from extract.web.site import ReportLink
from flows import progress
from flows.ingest import batches_of, file_sha256
from transform.frames import reports_to_frames
from warehouse.load import LoadResult, load_frames, relocate_paths
from warehouse.runs import RunCounts, fail_run, finish_run, record_failure, resolve_failures, start_run
from warehouse.snapshot import reading, writing
from warehouse.state import DUE, ReparseTarget, ReportState, report_states, reparse_targets

FLOW_NAME = "reparse"
EXTRACT_STAGE = "extract"
PROGRESS_STAGE = "reparse"
# Each batch is one atomic write (one copy of the warehouse file): large enough to be cheap per report, small
# enough that a stopped reparse keeps most of its work and the progress bar moves.
DEFAULT_BATCH_SIZE = 50
OK = "ok"


@dataclass(frozen=True)
class Located:
    target: ReparseTarget
    file: str  # where the bytes are now


@dataclass(frozen=True)
class Gone:
    target: ReparseTarget
    reason: str


@dataclass(frozen=True)
class ReportChange:
    """A report whose readability or provider changed: the report as it is now, and as it was."""

    before: ReportState
    after: ReportState


@dataclass(frozen=True)
class GradeChange:
    report: ReportState  # after the reparse
    area: str
    old: str | None  # None: the area was not read before
    new: str | None  # None: the area is no longer read


@dataclass
class ReparseSummary:
    run_id: str
    selected: int = 0
    read: int = 0
    gone: list[Gone] = field(default_factory=list)
    newly_readable: list[ReportChange] = field(default_factory=list)
    no_longer_readable: list[ReportChange] = field(default_factory=list)
    grade_changes: list[GradeChange] = field(default_factory=list)
    quotations_changed: int = 0  # reports whose key quotations changed
    provider_changes: list[ReportChange] = field(default_factory=list)
    replaced: int = 0
    unchanged: int = 0
    kept_newer: int = 0
    seconds: float = 0.0

    def add(self, before: dict[str, ReportState], after: dict[str, ReportState], result: LoadResult) -> None:
        self.replaced += result.replaced
        self.unchanged += result.unchanged
        self.kept_newer += result.kept_newer
        for report_id, new in after.items():
            old = before[report_id]
            change = ReportChange(old, new)
            if old.status != OK and new.status == OK:
                self.newly_readable.append(change)
            elif old.status == OK and new.status != OK:
                self.no_longer_readable.append(change)
            if old.urn != new.urn:
                self.provider_changes.append(change)
            for area in sorted(old.grades.keys() | new.grades.keys()):
                if old.grades.get(area) != new.grades.get(area) and old.status == new.status == OK:
                    self.grade_changes.append(GradeChange(new, area, old.grades.get(area), new.grades.get(area)))
            if old.quotations != new.quotations:
                self.quotations_changed += 1

    def counts(self) -> RunCounts:
        return RunCounts(
            reports_found=self.selected, reports_new=0, reports_loaded=self.replaced, failures=len(self.gone)
        )


def locate(target: ReparseTarget, store: RawStore) -> Located | Gone:
    """The file holding a report's bytes: the raw store's copy, else the file it was ingested from."""
    stored = store.path_for(target.sha256)
    if stored.is_file():
        return Located(target, str(stored))
    if not target.path:
        return Gone(target, f"report {target.report_id}: not in the raw store ({store.root}) and loaded from no path")
    if not Path(target.path).is_file():
        return Gone(
            target,
            f"{target.path}: the file is gone (report {target.report_id} is not in the raw store {store.root} "
            "either); put the file back, or fetch it again with `ofsted refresh --url`",
        )
    if file_sha256(target.path) != target.sha256:
        return Gone(
            target,
            f"{target.path}: the file changed since report {target.report_id} was loaded from it; "
            "`ofsted ingest` it to load the new file as a new report",
        )
    # Absolute from now on: the reloaded row then stores where the file is, whatever folder ran this.
    return Located(target, os.path.abspath(target.path))


def provenance_of(target: ReparseTarget, store: RawStore) -> Provenance | None:
    """Where the site said the file came from: its page's description kept in the raw store, else the row's."""
    if not target.source_url:
        return None
    meta = store.get_meta(target.file_id) if target.file_id else None
    if meta and meta.get("url") == target.source_url:
        return ReportLink.from_dict(meta).provenance()
    return Provenance(
        source_url=target.source_url,
        file_id=target.file_id,
        published=target.published,
        urn=target.urn,
        label=target.site_label,
        inspection_date=target.site_inspection_date,
    )


def extract_located(files: list[str], workers: int) -> list[Report]:
    return list(extract_paths(files, workers=workers))


def failure_target(target: ReparseTarget) -> str:
    """The failures table's name for a report: its URL when it came from the site (as the site flows name it)."""
    return target.source_url or target.path or target.report_id


def load_batch(
    db: Path, run_id: str, items: Sequence[tuple[Report, Provenance | None]], targets: Sequence[ReparseTarget]
) -> tuple[dict[str, ReportState], dict[str, ReportState], LoadResult]:
    """One atomic write: the batch's rows as they were, the load, and the rows as they are now."""
    frames = reports_to_frames(items)
    ids = [t.report_id for t in targets]
    with writing(db) as con:
        before = report_states(con, ids)
        result = load_frames(con, frames)
        # A report read again unchanged keeps its row, but a relative path it was loaded from gets where it is now.
        relocate_paths(con, {report.sha256: report.path for report, _ in items if report.sha256})
        after = report_states(con, ids)
        for (report, _), target in zip(items, targets):
            if report.ok:
                resolve_failures(con, EXTRACT_STAGE, [failure_target(target)])
            else:
                record_failure(con, run_id, EXTRACT_STAGE, failure_target(target), report.error or report.status.value)
    return before, after, result


def reparse(
    db: Path,
    raw: Path,
    *,
    selection: str = DUE,
    since: date | None = None,
    workers: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    extract: Callable[[list[str], int], list[Report]] | None = None,
) -> ReparseSummary:
    """Read again the reports `selection` picks (see warehouse/sql/reparse_targets.sql) and load them in place."""
    extract = extract or extract_located
    if batch_size < 1:
        raise ValueError(f"batch size must be at least 1, got {batch_size}")
    started = time.monotonic()
    store = RawStore(raw)
    with reading(db) as con:
        targets = reparse_targets(con, PARSER_VERSION, selection, since)
    with writing(db) as con:
        run_id = start_run(con, FLOW_NAME, detail=f"selection {selection}, since {since or 'any date'}")
    summary = ReparseSummary(run_id=run_id, selected=len(targets))
    located: list[Located] = []
    for place in (locate(target, store) for target in targets):
        (summary.gone if isinstance(place, Gone) else located).append(place)
    progress.report(PROGRESS_STAGE, 0, len(located))
    try:
        for batch in batches_of(located, batch_size):
            reports = extract([item.file for item in batch], workers or default_workers())
            items = [(report, provenance_of(item.target, store)) for report, item in zip(reports, batch)]
            before, after, result = load_batch(db, run_id, items, [item.target for item in batch])
            summary.add(before, after, result)
            summary.read += len(batch)
            progress.report(PROGRESS_STAGE, summary.read, len(located))
    except Exception as exc:
        with writing(db) as con:
            fail_run(con, run_id, summary.counts(), exc)
        raise
    summary.seconds = time.monotonic() - started
    with writing(db) as con:
        for gone in summary.gone:
            record_failure(con, run_id, EXTRACT_STAGE, failure_target(gone.target), gone.reason)
        finish_run(con, run_id, summary.counts())
    return summary
