import pytest

from warehouse.runs import (
    PARTIAL,
    SUCCEEDED,
    RunCounts,
    failure_id,
    finish_run,
    open_failures,
    record_failure,
    resolve_failures,
    start_run,
)
from warehouse.snapshot import reading, writing


def test_a_run_is_recorded_when_it_starts_and_completed_when_it_finishes(tmp_path):
    db = tmp_path / "w.duckdb"
    with writing(db) as con:
        run_id = start_run(con, "nightly", detail="since 2025-08-01")
    with reading(db) as con:
        assert con.execute("SELECT flow, status, finished_at FROM runs").fetchall() == [("nightly", "running", None)]
    with writing(db) as con:
        finish_run(con, run_id, RunCounts(reports_found=5, reports_new=3, reports_loaded=4))
    with reading(db) as con:
        row = con.execute(
            "SELECT status, reports_found, reports_new, reports_loaded, failures, detail, finished_at >= started_at "
            "FROM runs"
        ).fetchone()
    assert row == (SUCCEEDED, 5, 3, 4, 0, "since 2025-08-01", True)


def test_a_run_with_failures_finishes_partial():
    assert RunCounts(failures=2).status == PARTIAL


def test_finishing_an_unknown_run_says_what_to_do(tmp_path):
    with pytest.raises(ValueError, match="no run 'nope' in the warehouse: start it with warehouse.runs.start_run"):
        with writing(tmp_path / "w.duckdb") as con:
            finish_run(con, "nope", RunCounts())


def test_a_failure_seen_again_counts_attempts_and_a_success_resolves_it(tmp_path):
    db = tmp_path / "w.duckdb"
    url = "https://files.example/v1/file/1"
    with writing(db) as con:
        record_failure(con, "run-1", "download", url, "HTTP 503")
    with writing(db) as con:
        record_failure(con, "run-2", "download", url, "HTTP 504")
        record_failure(con, "run-2", "extract", "/data/raw/x.pdf", "unrecognised")
    with reading(db) as con:
        [download] = open_failures(con, "download")
        assert len(open_failures(con)) == 2
    assert (download.run_id, download.error, download.attempts) == ("run-2", "HTTP 504", 2)
    assert download.failure_id == failure_id("download", url)
    assert download.first_seen < download.last_seen
    with writing(db) as con:
        assert resolve_failures(con, "download", [url, "https://never-failed"]) == 1
        assert resolve_failures(con, "download", []) == 0
    with reading(db) as con:
        assert [f.stage for f in open_failures(con)] == ["extract"]
    with writing(db) as con:
        record_failure(con, "run-3", "download", url, "HTTP 503 again")
    with reading(db) as con:
        [reopened] = open_failures(con, "download")
    assert (reopened.attempts, reopened.resolved_at) == (3, None)
