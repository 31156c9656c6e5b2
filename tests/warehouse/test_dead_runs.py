"""Runs never stay 'running': a run whose process died is marked 'died' by the next write."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from warehouse.runs import DIED, RUNNING, mark_dead_runs, start_run
from warehouse.snapshot import reading, writing

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def status_of(db: Path, run_id: str) -> tuple[str, str | None]:
    with reading(db) as con:
        return con.execute("SELECT status, detail FROM runs WHERE run_id = ?", [run_id]).fetchone()


def test_a_run_killed_with_sigkill_is_marked_died_by_the_next_write(tmp_path):
    db = tmp_path / "w.duckdb"
    script = textwrap.dedent(f"""
        import sys, time
        from warehouse.runs import start_run
        from warehouse.snapshot import writing
        with writing({str(db)!r}) as con:
            run_id = start_run(con, "ingest", detail="3 files")
        print(run_id, flush=True)
        time.sleep(600)
    """)
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=PROJECT_ROOT)
    run_id = process.stdout.readline().strip()
    assert status_of(db, run_id)[0] == RUNNING
    process.send_signal(signal.SIGKILL)
    process.wait()

    with writing(db):
        pass

    status, detail = status_of(db, run_id)
    assert status == DIED
    assert detail.startswith(f"3 files; died: process {process.pid} on ")
    assert "ended without finishing the run" in detail


def test_a_run_whose_process_is_alive_stays_running(tmp_path):
    db = tmp_path / "w.duckdb"
    with writing(db) as con:
        run_id = start_run(con, "nightly")  # this very process: alive
    with writing(db):
        pass
    assert status_of(db, run_id)[0] == RUNNING


def test_a_running_run_that_recorded_no_process_is_marked_died(tmp_path):
    db = tmp_path / "w.duckdb"
    with writing(db) as con:
        run_id = start_run(con, "nightly")
        con.execute("UPDATE runs SET pid = NULL, host = NULL")  # as runs recorded before migration 006
        assert mark_dead_runs(con) == [run_id]
    assert status_of(db, run_id)[0] == DIED


def test_runs_of_another_machine_are_left_alone(tmp_path):
    db = tmp_path / "w.duckdb"
    with writing(db) as con:
        run_id = start_run(con, "nightly")
        con.execute("UPDATE runs SET host = 'another-machine', pid = ?", [os.getpid() + 10**6])
        assert mark_dead_runs(con, is_alive=lambda pid: False) == []
