"""Atomic publication: a second writer waits, a dead writer leaves the last good state, readers never wait."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from tests.factories import make_report
from transform.frames import reports_to_frames
from warehouse.exceptions import NoWarehouse, WarehouseBusy
from warehouse.load import LoadResult, load_batch
from warehouse.snapshot import reading, writer_lock
from warehouse.state import fingerprint

# Writers, readers and killed processes racing each other: end-to-end, about 2 s each.
pytestmark = pytest.mark.slow

SUBPROCESS_TIMEOUT_SECONDS = 60


def state_of(db):
    with reading(db) as con:
        return fingerprint(con)


def many_reports(count: int, prefix: str = "r"):
    """Reports enough to make a load take a noticeable time."""
    from datetime import date, timedelta

    return [
        make_report("Leeds", date(2000, 1, 1) + timedelta(days=i), seed=f"{prefix}{i}",
                    quotations=[f"Quotation {i} number {n}." for n in range(5)])
        for i in range(count)
    ]


def frames_of(reports):
    return reports_to_frames([(r, None) for r in reports])


def python(script: str, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_reading_a_missing_warehouse_says_how_to_make_one(tmp_path):
    with pytest.raises(NoWarehouse) as raised, reading(tmp_path / "none.duckdb"):
        pass
    assert str(raised.value) == (
        f"no warehouse at {tmp_path / 'none.duckdb'}: check the path, or create a warehouse there with "
        f"`ofsted ingest PATH... --db {tmp_path / 'none.duckdb'}`"
    )


def test_a_second_writer_waits_then_fails_clearly(tmp_path):
    db = tmp_path / "w.duckdb"
    with writer_lock(db):
        started = time.monotonic()
        with pytest.raises(WarehouseBusy) as raised:
            load_batch(db, frames_of([make_report()]), lock_timeout=0.3)
        assert time.monotonic() - started >= 0.3
    assert str(raised.value) == (
        f"{db}: another process (pid {os.getpid()}) is writing the warehouse and did not finish within 0.3 s; wait for "
        "it to finish and run again"
    )
    assert load_batch(db, frames_of([make_report()])) == LoadResult(inserted=1)


def test_a_client_holding_the_file_for_writing_is_named_not_overwritten(sample_db, sample_frames):
    holder = python(
        """
        import sys, time, duckdb
        con = duckdb.connect(sys.argv[1])
        print("open", flush=True)
        time.sleep(30)
        """,
        str(sample_db),
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(WarehouseBusy) as raised:
            load_batch(sample_db, sample_frames)
        assert str(raised.value).startswith(f"{sample_db} is open for writing in another program (")
        assert str(raised.value).endswith(
            "close it, and open the warehouse read-only instead (`duckdb -readonly FILE`, or "
            "duckdb.connect(FILE, read_only=True))"
        )
    finally:
        holder.kill()
        holder.wait()


def test_a_load_killed_halfway_leaves_the_previous_state_and_the_next_load_completes(sample_db):
    check_a_killed_load_leaves_the_last_state(sample_db)


def check_a_killed_load_leaves_the_last_state(sample_db):
    before = state_of(sample_db)
    live = os.readlink(sample_db)
    writer = python(
        """
        import sys, time
        from tests.warehouse.test_snapshot import frames_for_kill
        from warehouse.load import load_frames
        from warehouse.snapshot import writing
        with writing(sys.argv[1]) as con:
            load_frames(con, frames_for_kill())
            con.execute("DELETE FROM providers")
            print("halfway", flush=True)
            time.sleep(60)
        """,
        str(sample_db),
    )
    try:
        assert writer.stdout.readline().strip() == "halfway", writer.stderr.read()
        writer.send_signal(signal.SIGKILL)
        writer.wait(SUBPROCESS_TIMEOUT_SECONDS)
    finally:
        writer.kill()
    assert writer.returncode == -signal.SIGKILL
    assert os.readlink(sample_db) == live
    assert state_of(sample_db) == before
    assert load_batch(sample_db, frames_for_kill()) == LoadResult(inserted=len(frames_for_kill().reports))
    assert os.readlink(sample_db) != live
    assert state_of(sample_db)["reports"].rows == before["reports"].rows + len(frames_for_kill().reports)


def frames_for_kill():
    return frames_of(many_reports(20, prefix="kill"))


def test_readers_querying_in_a_loop_during_loads_never_see_a_lock(tmp_path):
    db = tmp_path / "w.duckdb"
    load_batch(db, frames_of(many_reports(10, prefix="seed")))
    check_readers_never_see_a_lock(db, tmp_path)


def check_readers_never_see_a_lock(db, tmp_path):
    with reading(db) as con:
        (seeded,) = con.execute("SELECT count(*) FROM reports").fetchone()
    stop = tmp_path / "stop"
    reader = python(
        """
        import json, os, sys, time, duckdb
        deadline = time.monotonic() + 60  # a safety net: the test creates the stop file when its loads are done
        while not os.path.exists(sys.argv[2]) and time.monotonic() < deadline:
            try:
                con = duckdb.connect(sys.argv[1], read_only=True)
                count = con.execute("SELECT count(*) FROM reports").fetchone()[0]
                con.close()
                print(json.dumps({"count": count}), flush=True)
            except Exception as exc:
                print(json.dumps({"error": str(exc)}), flush=True)
        """,
        str(db),
        str(stop),
    )
    first = reader.stdout.readline()  # the reader is running before the first load starts
    published = [seeded]
    for batch in range(5):
        load_batch(db, frames_of(many_reports(300, prefix=f"batch{batch}-")))
        published.append(published[-1] + 300)
    stop.touch()
    rest = reader.communicate(timeout=SUBPROCESS_TIMEOUT_SECONDS)[0]
    lines = [json.loads(line) for line in [first, *rest.splitlines()]]
    errors = [line["error"] for line in lines if "error" in line]
    counts = [line["count"] for line in lines if "count" in line]
    assert errors == []
    assert len(counts) > 10
    assert set(counts) <= set(published)  # every read saw a published state, never a half-loaded one
    assert counts == sorted(counts)
    assert counts[0] == published[0] and len(set(counts)) > 2  # reads went on while loads published


def test_a_new_warehouse_is_readable_by_duckdb_1_0_and_later(sample_db):
    with reading(sample_db) as con:
        tags = con.execute("SELECT tags FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
    assert tags == ({"storage_version": "v1.0.0+"},)


# --- the standby copy: each write replays the last one instead of copying the warehouse ---------------------


def contents(db, path=None):
    """Every data table's rows (reports without loaded_at, which says when, not what), from the live copy or
    from one copy's file."""
    import duckdb

    con = duckdb.connect(str(path or db), read_only=True)
    try:
        return {
            table: con.execute(f"SELECT * {'EXCLUDE (loaded_at)' if table == 'reports' else ''} FROM {table} "
                               "ORDER BY ALL").fetchall()
            for table in ("providers", "reports", "judgements", "quotations", "passages")
        }
    finally:
        con.close()


def standby_of(db):
    from warehouse.snapshot import copy_paths

    return next(path for path in copy_paths(db) if path.name != os.readlink(db))


def test_each_write_replays_the_last_one_onto_the_standby_and_never_copies_the_warehouse(tmp_path):
    from tests.factories import make_report as report

    db, reference = tmp_path / "w.duckdb", tmp_path / "reference.duckdb"
    first = [report("Leeds", date_of(n), seed=f"a{n}") for n in range(5)]
    newer = [report("Leeds", date_of(n), seed=f"a{n}", parser_version="99.0", quotations=["Reparsed."])
             for n in range(2)]
    renamed = [report("Leeds", date_of(9), seed="b", urn="80462")]  # a URN given: the provider row is upserted
    for batch in (first, newer, renamed):
        load_batch(db, frames_of(batch))
    standby = standby_of(db)
    inode = standby.stat().st_ino
    load_batch(db, frames_of([report("Bromley", date_of(3), seed="c")]))
    assert os.readlink(db) == standby.name and standby.stat().st_ino == inode  # replayed in place, not copied
    load_batch(reference, frames_of(first))
    load_batch(reference, frames_of(newer))
    load_batch(reference, frames_of(renamed))
    load_batch(reference, frames_of([report("Bromley", date_of(3), seed="c")]))
    assert contents(db) == contents(reference)
    load_batch(db, frames_of([report("Bromley", date_of(4), seed="d")]))  # and the other copy caught up too
    load_batch(reference, frames_of([report("Bromley", date_of(4), seed="d")]))
    assert contents(db) == contents(reference)


def date_of(n):
    from datetime import date, timedelta

    return date(2015, 1, 1) + timedelta(days=400 * n)


def test_a_reader_holding_the_standby_makes_the_writer_copy_and_lose_nothing(sample_db, sample_frames):
    load_batch(sample_db, frames_of([make_report(seed="second")]))
    before = contents(sample_db)
    standby = standby_of(sample_db)
    inode = standby.stat().st_ino
    holder = python(
        """
        import sys, time, duckdb
        con = duckdb.connect(sys.argv[1], read_only=True)
        print("open", flush=True)
        time.sleep(30)
        """,
        str(standby),
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        load_batch(sample_db, frames_of([make_report(seed="third")]))
    finally:
        holder.kill()
        holder.wait()
    assert standby.stat().st_ino != inode and os.readlink(sample_db) == standby.name
    after = contents(sample_db)
    assert len(after["reports"]) == len(before["reports"]) + 1
    assert all(row in after["reports"] for row in before["reports"])


def test_a_live_copy_changed_by_another_program_is_copied_not_replayed(sample_db):
    import duckdb

    load_batch(sample_db, frames_of([make_report(seed="second")]))
    time.sleep(0.01)  # a later modification time than the change log's
    con = duckdb.connect(str(sample_db))
    con.execute("UPDATE quotations SET text = 'Edited by hand'")
    con.close()
    standby = standby_of(sample_db)
    inode = standby.stat().st_ino
    load_batch(sample_db, frames_of([make_report(seed="third")]))
    assert standby.stat().st_ino != inode
    with reading(sample_db) as con:
        edited = con.execute("SELECT count(*) FROM quotations WHERE text = 'Edited by hand'").fetchone()[0]
    assert edited == len(contents(sample_db)["quotations"]) - 1  # all but the new report's


# --- what a write puts on disk: no write-ahead log, one change log --------------------------------------------


def test_a_load_killed_while_it_commits_leaves_the_last_state_or_the_new_one(sample_db):
    """The standby is checkpointed at the commit itself: a kill there may tear it, never the live copy."""
    before = state_of(sample_db)
    batch = frames_of(many_reports(2000, prefix="commit"))
    writer = python(
        """
        import os, signal, sys, threading
        from tests.warehouse.test_snapshot import frames_of, many_reports
        from warehouse.load import load_frames
        from warehouse.snapshot import writing
        with writing(sys.argv[1]) as con:
            load_frames(con, frames_of(many_reports(2000, prefix="commit")))
            print("committing", flush=True)
            threading.Timer(0.05, os.kill, (os.getpid(), signal.SIGKILL)).start()
        threading.Event().wait()
        """,
        str(sample_db),
    )
    try:
        assert writer.stdout.readline().strip() == "committing", writer.stderr.read()
        writer.wait(SUBPROCESS_TIMEOUT_SECONDS)
    finally:
        writer.kill()
    assert writer.returncode == -signal.SIGKILL
    reports = state_of(sample_db)["reports"].rows
    assert reports in (before["reports"].rows, before["reports"].rows + len(batch.reports))
    load_batch(sample_db, batch)
    load_batch(sample_db, frames_of([make_report(seed="after the kill")]))
    assert state_of(sample_db)["reports"].rows == before["reports"].rows + len(batch.reports) + 1


def test_a_write_leaves_no_write_ahead_log_and_only_the_change_log_the_next_write_replays(sample_db):
    from warehouse.snapshot import changes_path, copy_paths, stored_generation, wal_of

    for n in range(3):
        load_batch(sample_db, frames_of([make_report(seed=f"log{n}")]))
    assert not any(wal_of(path).exists() for path in copy_paths(sample_db))
    with reading(sample_db) as con:
        generation = stored_generation(con)
    assert [log.name for log in changes_path(sample_db).iterdir()] == [f"{generation - 1}-{generation}"]


def test_a_one_file_change_log_of_an_older_version_makes_one_fresh_copy_then_writes_replay(sample_db):
    from warehouse.snapshot import changes_path

    load_batch(sample_db, frames_of([make_report(seed="second")]))
    changes = changes_path(sample_db)
    for log in changes.iterdir():
        for part in log.iterdir():
            part.unlink()
        log.rmdir()
    changes.rmdir()
    changes.write_bytes(b"a DuckDB change log, as versions before change log folders wrote it")
    standby = standby_of(sample_db)
    inode = standby.stat().st_ino
    load_batch(sample_db, frames_of([make_report(seed="third")]))
    assert standby.stat().st_ino != inode and changes.is_dir()
    standby = standby_of(sample_db)
    inode = standby.stat().st_ino
    load_batch(sample_db, frames_of([make_report(seed="fourth")]))
    assert standby.stat().st_ino == inode and os.readlink(sample_db) == standby.name  # replayed in place
    assert len(contents(sample_db)["reports"]) == len(contents(sample_db, standby_of(sample_db))["reports"]) + 1
