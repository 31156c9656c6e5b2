"""Runs and failures: what each flow run did, and what failed so the next run can retry it.

Every function takes a connection from `warehouse.snapshot.writing` (writes) or `reading` (`open_failures`),
so a flow can record its run in the same atomic write as the reports it loads:

    with writing(db) as con:
        run_id = start_run(con, "nightly", detail="since 2025-08-01")
    ...
    with writing(db) as con:
        result = load_frames(con, frames)
        record_failure(con, run_id, "download", url, "HTTP 503 from files.ofsted.gov.uk; retried next run")
        resolve_failures(con, "download", urls_that_worked)
        finish_run(con, run_id, RunCounts(reports_found=10, reports_new=result.inserted, ...))

A run records the process running it (pid and host). A run whose process is gone without finishing it (kill -9,
a crash, a power cut) is marked 'died' by the next write to the warehouse (`mark_dead_runs`, called by every
writer), so no run stays 'running' forever; its finished_at stays NULL, as nobody saw it end.
"""

from __future__ import annotations

import hashlib
import os
import socket
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb

RUNNING = "running"
SUCCEEDED = "succeeded"
PARTIAL = "partial"  # finished, with failures to retry
FAILED = "failed"  # stopped before finishing
DIED = "died"  # its process ended without finishing the run; noticed by a later write
PROC = "/proc"
ZOMBIE = "Z"  # /proc/<pid>/stat state of a process that has ended but was not yet reaped
FAILURE_ID_LENGTH = 16


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class RunCounts:
    reports_found: int = 0
    reports_new: int = 0
    reports_loaded: int = 0
    failures: int = 0

    @property
    def status(self) -> str:
        """The status of a run that finished with these counts."""
        return PARTIAL if self.failures else SUCCEEDED


@dataclass(frozen=True)
class Failure:
    failure_id: str
    run_id: str | None
    stage: str
    target: str
    error: str
    first_seen: datetime
    last_seen: datetime
    attempts: int
    resolved_at: datetime | None
    gave_up_at: datetime | None = None


def start_run(con: duckdb.DuckDBPyConnection, flow: str, detail: str | None = None, run_id: str | None = None) -> str:
    """Record a run as started; returns its id (a new UUID unless given, e.g. the Prefect flow run id)."""
    run_id = run_id or str(uuid.uuid4())
    con.execute(
        "INSERT INTO runs (run_id, flow, started_at, status, detail, pid, host) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [run_id, flow, utc_now(), RUNNING, detail, os.getpid(), socket.gethostname()],
    )
    return run_id


def process_is_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: alive
    try:
        with open(f"{PROC}/{pid}/stat") as stat:
            return stat.read().rpartition(")")[2].split()[0] != ZOMBIE
    except (OSError, IndexError):
        return True  # no /proc: os.kill already said it exists


def mark_dead_runs(con: duckdb.DuckDBPyConnection, is_alive=process_is_alive) -> list[str]:
    """Mark 'died' every run still 'running' whose process on this machine is gone (or that recorded none, as
    runs before migration 006 did); returns their ids. Runs on other machines are left: we cannot tell."""
    here = socket.gethostname()
    running = con.execute("SELECT run_id, pid, host FROM runs WHERE status = ?", [RUNNING]).fetchall()
    dead = [(run_id, pid, host) for run_id, pid, host in running if pid is None or (host == here and not is_alive(pid))]
    for run_id, pid, host in dead:
        where = f"process {pid} on {host}" if pid is not None else "a process that recorded no pid"
        con.execute(
            "UPDATE runs SET status = ?, detail = concat_ws('; ', detail, ?) WHERE run_id = ?",
            [DIED, f"died: {where} ended without finishing the run (killed, crashed or power cut); "
             "noticed by the next write", run_id],
        )
    return [run_id for run_id, _, _ in dead]


def finish_run(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    counts: RunCounts,
    status: str | None = None,
    detail: str | None = None,
) -> None:
    """Record a run's end and counts; status defaults to what the counts say (succeeded or partial)."""
    updated = con.execute(
        "UPDATE runs SET finished_at = ?, status = ?, reports_found = ?, reports_new = ?, reports_loaded = ?, "
        "failures = ?, detail = coalesce(?, detail) WHERE run_id = ? RETURNING run_id",
        [
            utc_now(),
            status or counts.status,
            counts.reports_found,
            counts.reports_new,
            counts.reports_loaded,
            counts.failures,
            detail,
            run_id,
        ],
    ).fetchall()
    if not updated:
        raise ValueError(f"no run {run_id!r} in the warehouse: start it with warehouse.runs.start_run first")


def fail_run(con: duckdb.DuckDBPyConnection, run_id: str, counts: RunCounts, error: BaseException) -> None:
    """Record that a run stopped on an error, with what it had done by then."""
    finish_run(con, run_id, counts, status=FAILED, detail=f"stopped: {error}")


def failure_id(stage: str, target: str) -> str:
    return hashlib.sha256(f"{stage}\0{target}".encode()).hexdigest()[:FAILURE_ID_LENGTH]


def record_failure(
    con: duckdb.DuckDBPyConnection, run_id: str | None, stage: str, target: str, error: str,
    give_up_after: int | None = None,
) -> None:
    """Record that `target` failed at `stage`: a new row, or one more attempt of a known (even resolved) one.

    With `give_up_after`, a failure that has now been seen on that many runs is marked permanent
    (`gave_up_at`): kept for the operator to see, no longer returned by `open_failures`."""
    now = utc_now()
    con.execute(
        """
        INSERT INTO failures (failure_id, run_id, stage, target, error, first_seen, last_seen, attempts, gave_up_at)
        VALUES ($id, $run, $stage, $target, $error, $now, $now, 1, CASE WHEN $limit <= 1 THEN $now END)
        ON CONFLICT (failure_id) DO UPDATE SET
            run_id = excluded.run_id, error = excluded.error, last_seen = excluded.last_seen,
            attempts = failures.attempts + 1, resolved_at = NULL,
            gave_up_at = CASE WHEN failures.attempts + 1 >= $limit THEN coalesce(failures.gave_up_at, $now) END
        """,
        {"id": failure_id(stage, target), "run": run_id, "stage": stage, "target": target, "error": error,
         "now": now, "limit": give_up_after},
    )


def resolve_failures(con: duckdb.DuckDBPyConnection, stage: str, targets: Iterable[str]) -> int:
    """Mark open failures of these targets at this stage resolved (they worked this time); returns how many."""
    ids = [failure_id(stage, target) for target in targets]
    if not ids:
        return 0
    resolved = con.execute(
        "UPDATE failures SET resolved_at = ? WHERE resolved_at IS NULL AND list_contains(?, failure_id) "
        "RETURNING failure_id",
        [utc_now(), ids],
    ).fetchall()
    return len(resolved)


def open_failures(con: duckdb.DuckDBPyConnection, stage: str | None = None) -> list[Failure]:
    """Failures not yet resolved nor given up (of one stage, or all), oldest first: what the next run retries."""
    rows = con.execute(
        "SELECT failure_id, run_id, stage, target, error, first_seen, last_seen, attempts, resolved_at, gave_up_at "
        "FROM failures WHERE resolved_at IS NULL AND gave_up_at IS NULL AND (? IS NULL OR stage = ?) "
        "ORDER BY first_seen, target",
        [stage, stage],
    ).fetchall()
    return [Failure(*row) for row in rows]


def given_up_targets(con: duckdb.DuckDBPyConnection, stage: str) -> set[str]:
    """Targets of a stage recorded as permanent failures (and not since resolved): not to be asked for again."""
    rows = con.execute(
        "SELECT target FROM failures WHERE stage = ? AND gave_up_at IS NOT NULL AND resolved_at IS NULL", [stage]
    ).fetchall()
    return {target for (target,) in rows}
