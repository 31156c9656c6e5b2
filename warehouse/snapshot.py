"""Write the warehouse without copying it and without locking readers out; read it on read-only connections.

DuckDB lets no other process open a file, not even read-only, while one process has it open for writing. So
no writer ever opens the live file. The warehouse path (`OFSTED_DB`) is a symbolic link to one of two copies,
`<db>.a` and `<db>.b`: the live one, and a standby one write behind it. `writing(db)`:

1. takes an exclusive lock on `<db>.lock` (a second writer waits, then fails clearly);
2. opens the standby copy and brings it up to date: it replays the last write's changes, kept in the folder
   `<db>.changes/<from>-<to>` (named by the generations it leads from and to: per table, the rows it added or
   replaced and the keys it removed, as zstd-compressed Parquet files; and which tables it rewrote in another
   order, which the replay rewrites the same way after the rows), and copies the small bookkeeping tables
   (runs, failures, schema_migrations) whole from the live copy;
3. migrates the schema, marks runs whose process died (warehouse.runs.mark_dead_runs), and yields a
   connection inside one transaction;
4. on success commits, writes this write's changes to a new folder in `<db>.changes`, closes and fsyncs the
   standby, then points the link at it with one atomic `os.replace`: the old live copy becomes the standby
   for the next write.

So a write costs what it adds (twice: once now, once when the next write replays it), never the size of the
warehouse. The writer's connection checkpoints at every commit (`WRITER_CONFIG`), so DuckDB puts the rows
once into the file, compressed, and writes no write-ahead log.

Readers open the link read-only and never see a lock: before the replace they read the old copy, after it the
new one, never a half-written one. When the standby cannot be brought up to date by a replay
(a reader still has it open from before the last write, a writer died after committing, the live copy was
changed by another program, or there is no standby yet), the writer makes it a fresh copy of the live one
instead, as every write did before this design. A writer killed at any point (even SIGKILL) leaves the live
copy and the link as they were.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import duckdb

from warehouse.config import missing_warehouse_message, not_a_warehouse_message
from warehouse.exceptions import NotAWarehouse, NoWarehouse, WarehouseBusy, WarehouseError, WarehouseLocked
from warehouse.runs import mark_dead_runs
from warehouse.schema import migrate

LOCK_SUFFIX = ".lock"
WAL_SUFFIX = ".wal"
COPY_SUFFIXES = (".a", ".b")
CHANGES_SUFFIX = ".changes"  # a folder of change logs, one per write
PARTIAL_SUFFIX = ".partial"  # a file being written, renamed into place when complete
DEFAULT_LOCK_TIMEOUT_SECONDS = 600.0
# A new warehouse is written in a storage format DuckDB 1.0 and later can read, so analysts' older clients open
# it; copies keep the format of the file they copy.
STORAGE_COMPATIBILITY = "v1.0.0"
# A commit whose write-ahead log would reach checkpoint_threshold checkpoints at once, and one whose log would
# reach auto_checkpoint_skip_wal_threshold (bytes) writes no log first. At zero both, every commit of a writer
# goes once into the file, compressed, instead of into the log (uncompressed) and then into the file: a write
# of 1,000 reports puts half the bytes on disk (docs/design.md).
WRITER_CONFIG = {"checkpoint_threshold": "0KB", "auto_checkpoint_skip_wal_threshold": 0}
LOCK_POLL_SECONDS = 0.1
# A reader that opened the warehouse just before the last write may still hold the standby copy: wait this long
# for its query to end before making a fresh copy instead.
STANDBY_WAIT_SECONDS = 2.0
GENERATION_TABLE = "warehouse_snapshot"
# The change log as Parquet with zstd: for 1,000 reports of the synthetic warehouse 2.1 MB, against 5.9 MB as a
# DuckDB file of 16 KiB blocks (and 0.01 MB against 0.3 MB for one report), since DuckDB's own compression
# leaves text 2-3 times larger and every table takes whole blocks.
CHANGES_FORMAT = "FORMAT parquet, COMPRESSION zstd"
WRITTEN, DROPPED = "written_", "dropped_"  # change log files per table: rows a write added, keys it removed
REWRITTEN = "rewritten_"  # an empty change log file per table the write rewrote in place (warehouse.load.REWRITES)


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + LOCK_SUFFIX)


def changes_path(db: Path) -> Path:
    return db.with_name(db.name + CHANGES_SUFFIX)


def change_log(db: Path, from_generation: int, to_generation: int) -> Path:
    """The folder of the changes that turn generation `from_generation` into `to_generation`."""
    return changes_path(db) / f"{from_generation}-{to_generation}"


def log_file(log: Path, prefix: str, table: str) -> Path:
    return log / f"{prefix}{table}.parquet"


def copy_paths(db: Path) -> tuple[Path, Path]:
    return tuple(db.with_name(db.name + suffix) for suffix in COPY_SUFFIXES)


def partial_path(path: Path) -> Path:
    return path.with_name(path.name + PARTIAL_SUFFIX)


def wal_of(path: Path) -> Path:
    return path.with_name(path.name + WAL_SUFFIX)


def lock_exclusively(handle: IO, wait_seconds: float) -> bool:
    """Take the exclusive lock on an open file, trying again until `wait_seconds` have passed (0: once); False
    when another process still holds it."""
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(LOCK_POLL_SECONDS)


@contextmanager
def writer_lock(db: Path, timeout: float = DEFAULT_LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Exclusive right to write `db`; the OS releases it when the process dies, however it dies."""
    path = lock_path(db)
    with open(path, "a+") as handle:
        if not lock_exclusively(handle, timeout):
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise WarehouseBusy(
                f"{db}: another process (pid {holder}) is writing the warehouse and did not finish within "
                f"{timeout:g} s; wait for it to finish and run again"
            )
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()))
            handle.flush()
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@dataclass(frozen=True)
class Copies:
    live: Path | None  # None: no warehouse yet
    standby: Path


def copies_of(db: Path) -> Copies:
    """Which copy is live and which is standby; a warehouse that is still one plain file is adopted first."""
    first, second = copy_paths(db)
    if not db.exists() and not db.is_symlink():
        return Copies(None, first)
    if not db.is_symlink():
        settle_live_file(db)
        for path in (first, wal_of(first)):
            path.unlink(missing_ok=True)
        os.link(db, first)  # the same file under the copy's name; then the link replaces the name atomically
        point_link(db, first)
    live = db.with_name(os.readlink(db))
    return Copies(live, second if live == first else first)


def point_link(db: Path, target: Path) -> None:
    """Make `db` a link to `target` in one atomic step, durable across a power cut."""
    staged = partial_path(db)
    staged.unlink(missing_ok=True)
    os.symlink(target.name, staged)
    os.replace(staged, db)
    fsync_directory(db.parent)


def fsync_directory(directory: Path) -> None:
    handle = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


@contextmanager
def writing(db: str | Path, lock_timeout: float = DEFAULT_LOCK_TIMEOUT_SECONDS) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to the standby copy, brought up to date, inside a transaction; published when the block ends.

    An exception inside the block rolls the transaction back: the live copy and the link are untouched.
    """
    db = Path(db)
    db.parent.mkdir(parents=True, exist_ok=True)
    with writer_lock(db, lock_timeout):
        copies = copies_of(db)
        con, live_generation, replay = open_standby(db, copies)
        try:
            con.execute("BEGIN TRANSACTION")
            if replay is not None:
                # The live copy's schema, then its rows, then this code's newer migrations: so a migration that
                # fills a table from the rows (009) fills it from the live state, not the standby's older one.
                migrate(con, upto=latest_migration(con, "live"))
                live_catalog = table_columns(con)
                catch_up(con, live_catalog, logged_tables(live_catalog), replay)
            migrate(con)
            catalog = table_columns(con)
            logged = logged_tables(catalog)
            CHANGE_LOGS[id(con)] = open_change_log(con, catalog, logged)
            mark_dead_runs(con)
            yield con
            con.execute(f"DELETE FROM {GENERATION_TABLE}")
            con.execute(f"INSERT INTO {GENERATION_TABLE} VALUES (?, current_timestamp AT TIME ZONE 'UTC')",
                        [live_generation + 1])
            con.execute("COMMIT")
            con.execute("CHECKPOINT")  # folds in a write-ahead log, if DuckDB declined to checkpoint at the commit
            staged_changes = save_change_log(con, db, logged)
        finally:
            CHANGE_LOGS.pop(id(con), None)
            REWRITTEN_TABLES.pop(id(con), None)
            published = PUBLISHED.pop(id(con), [])
            con.close()
        fsync_file(copies.standby)
        log = change_log(db, live_generation, live_generation + 1)
        # Dated after the standby is closed, so a live copy newer than the change log was changed by another
        # program since (see `replayable`).
        os.utime(staged_changes)
        shutil.rmtree(log, ignore_errors=True)  # left by a writer that died before pointing the link
        os.replace(staged_changes, log)
        fsync_directory(log.parent)
        point_link(db, copies.standby)
        discard_change_logs(db, keep=log)
    for work in published:  # outside the lock: the next writer does not wait for it
        work(db)


# Tables each open `writing` connection logs changes of (by id of the connection): what `log_changes` looks up.
CHANGE_LOGS: dict[int, dict[str, str]] = {}
# Tables each open `writing` connection rewrote in place (`log_rewrite`).
REWRITTEN_TABLES: dict[int, set[str]] = {}
# What each open `writing` connection asked to run once its write is published (`when_published`).
PUBLISHED: dict[int, list[Callable[[Path], None]]] = {}


def when_published(con: duckdb.DuckDBPyConnection, work: Callable[[Path], None]) -> None:
    """Run `work(db)` once this write is published and its lock released (once, however often it is asked; not
    at all if the write fails). It must not raise: the write is done by then. A connection that is not a
    `writing` one publishes nothing, and nothing runs."""
    if id(con) in CHANGE_LOGS and work not in PUBLISHED.setdefault(id(con), []):
        PUBLISHED[id(con)].append(work)


def open_standby(db: Path, copies: Copies) -> tuple[duckdb.DuckDBPyConnection, int, Path | None]:
    """The standby copy open for writing, the live copy's generation, and the change log that brings the
    standby up to date (then the live copy is attached as `live`), or None when it was made a fresh copy.

    Replaying is possible only when a change log turns the standby's generation into the live one and the
    live copy is not newer than that change log; otherwise the standby is made a fresh copy of the live one.
    """
    if copies.live is None:
        discard(copies.standby)
        return connect_new(copies.standby), -1, None
    con = connect_standby(copies.standby)
    if con is not None:
        live_generation = attach_live(con, db, copies.live)
        log = replayable(con, db, copies.live, live_generation)
        if log is not None:
            return con, live_generation, log
        con.close()
    live_generation = generation_of(db, copies.live)
    fresh_copy(copies.live, copies.standby)
    return connect_writer(copies.standby), live_generation, None


def connect_new(path: Path) -> duckdb.DuckDBPyConnection:
    return connect_writer(path, storage_compatibility_version=STORAGE_COMPATIBILITY)


def connect_writer(path: Path, **config: str) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(path), config={**WRITER_CONFIG, **config})


def connect_standby(standby: Path) -> duckdb.DuckDBPyConnection | None:
    """The standby open for writing; None when it is missing, held by a reader past the wait, or unreadable."""
    if not standby.exists() or wal_of(standby).exists():
        return None  # a WAL there is a write that died after committing: that standby is ahead, not behind
    deadline = time.monotonic() + STANDBY_WAIT_SECONDS
    while True:
        try:
            return connect_writer(standby)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() >= deadline:
                return None
            time.sleep(LOCK_POLL_SECONDS)


def attach_live(con: duckdb.DuckDBPyConnection, db: Path, live: Path) -> int:
    """Attach the live copy read-only as `live` and return its generation; refuse a copy open for writing."""
    try:
        con.execute(f"ATTACH {quoted(live)} AS live (READ_ONLY)")
    except duckdb.IOException as exc:
        con.close()
        raise open_error(db, exc) from None
    return stored_generation(con, "live") or 0


def generation_of(db: Path, live: Path) -> int:
    """The live copy's generation (0 for a warehouse from before generations), refusing a copy open for writing."""
    try:
        con = duckdb.connect(str(live), read_only=True)
    except duckdb.IOException as exc:
        raise open_error(db, exc) from None
    try:
        return stored_generation(con) or 0
    finally:
        con.close()


def stored_generation(con: duckdb.DuckDBPyConnection, database: str | None = None) -> int | None:
    database = database or con.execute("SELECT current_database()").fetchone()[0]
    try:
        return con.execute(f'SELECT max(generation) FROM "{database}".{GENERATION_TABLE}').fetchone()[0]
    except duckdb.CatalogException:
        return None  # a warehouse from before migration 007


def latest_migration(con: duckdb.DuckDBPyConnection, database: str) -> int:
    return con.execute(f"SELECT coalesce(max(version), 0) FROM {database}.schema_migrations").fetchone()[0]


def replayable(con: duckdb.DuckDBPyConnection, db: Path, live: Path, live_generation: int) -> Path | None:
    """The change log from the standby's generation to the live one, unless the live copy is newer than it."""
    standby_generation = stored_generation(con)
    if standby_generation is None:
        return None
    log = change_log(db, standby_generation, live_generation)
    if not log.is_dir() or live.stat().st_mtime_ns > log.stat().st_mtime_ns:
        return None
    return log


def fresh_copy(live: Path, standby: Path) -> None:
    """The standby as a new file copied from the live one (a reader holding the old standby keeps its file)."""
    staged = partial_path(standby)
    discard(staged)
    shutil.copyfile(live, staged)
    wal_of(standby).unlink(missing_ok=True)
    os.replace(staged, standby)


Catalog = dict[str, list[tuple[str, str]]]  # table -> its (column, type) in order


def table_columns(con: duckdb.DuckDBPyConnection, database: str | None = None) -> Catalog:
    catalog: Catalog = {}
    rows = con.execute(
        "SELECT table_name, c.column_name, c.data_type FROM duckdb_columns() AS c "
        "JOIN duckdb_tables() AS t USING (database_name, schema_name, table_name) "
        "WHERE database_name = coalesce(?, current_database()) AND NOT t.temporary "
        "ORDER BY table_name, c.column_index",
        [database],
    ).fetchall()
    for table, column, data_type in rows:
        catalog.setdefault(table, []).append((column, data_type))
    return catalog


def catch_up(con: duckdb.DuckDBPyConnection, catalog: Catalog, logged: dict[str, str], log: Path) -> None:
    """Bring the standby to the live copy's state: replay the last write's changes, copy the small tables."""
    for table, key in logged.items():
        written, dropped = log_file(log, WRITTEN, table), log_file(log, DROPPED, table)
        if written.exists():  # a table new since that write has nothing to replay
            con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT {key} FROM read_parquet({quoted(dropped)}))")
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM read_parquet({quoted(written)})")
    replay_rewrites(con, log)
    held_live = table_columns(con, "live")
    for table in catalog:
        if table not in logged and table != GENERATION_TABLE and not same_rows(con, table, catalog, held_live):
            con.execute(f"DELETE FROM {table}")
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM live.{table}")
    con.execute("DETACH live")


def replay_rewrites(con: duckdb.DuckDBPyConnection, log: Path) -> None:
    """Rewrite the tables the logged write rewrote in place, the same way, now that they hold its rows."""
    from warehouse.load import REWRITES

    for table, rewrite in REWRITES.items():
        if (log / f"{REWRITTEN}{table}").exists():
            rewrite(con)


def same_rows(con: duckdb.DuckDBPyConnection, table: str, catalog: Catalog, held_live: Catalog) -> bool:
    """Whether the standby's `table` already holds the live copy's rows: then it is left alone, since every
    table a checkpoint touches costs it a few blocks (0.8 MB for schema_migrations' rows rewritten)."""
    if held_live.get(table) != catalog[table]:
        return False
    differing = con.execute(
        f"SELECT count(*) FROM ((FROM live.{table} EXCEPT ALL FROM {table}) "
        f"UNION ALL (FROM {table} EXCEPT ALL FROM live.{table}))"
    ).fetchone()[0]
    return differing == 0


def logged_tables(catalog: Catalog) -> dict[str, str]:
    """Tables whose changes warehouse.load logs, and the key a change removes rows by: every table of a report
    (a report_id column), and the others with a load rule (providers) or kept by loads (la_judgements). The rest
    are small and copied whole."""
    from warehouse.load import DERIVED_TABLES, TABLE_RULES

    logged = {rule.table: rule.key[0] for rule in TABLE_RULES}
    logged.update({derived.table: derived.key for derived in DERIVED_TABLES if derived.table in catalog})
    for table, columns in catalog.items():
        if "report_id" in dict(columns):
            logged.setdefault(table, "report_id")
    return logged


def open_change_log(con: duckdb.DuckDBPyConnection, catalog: Catalog, logged: dict[str, str]) -> dict[str, str]:
    """Temporary tables where this write's loads log what they change (see `log_changes`)."""
    for table, key in logged.items():
        columns = catalog[table]
        definition = ", ".join(f"{name} {data_type}" for name, data_type in columns)
        con.execute(f"CREATE OR REPLACE TEMP TABLE {WRITTEN}{table} ({definition})")
        con.execute(f"CREATE OR REPLACE TEMP TABLE {DROPPED}{table} ({key} {dict(columns)[key]})")
    return logged


def log_changes(con: duckdb.DuckDBPyConnection, table: str, key: str, rows_sql: str, dropped_sql: str) -> None:
    """Log what a load changed in `table`: the rows `rows_sql` now holds there, and the keys `dropped_sql`
    removed (rows of those keys are deleted before the rows are inserted when the change is replayed; rows an
    earlier load of the same write logged under them are forgotten). A connection that is not a `writing` one
    has no change log, and nothing is logged."""
    if table not in CHANGE_LOGS.get(id(con), {}):
        return
    con.execute(f"DELETE FROM {WRITTEN}{table} WHERE {key} IN (SELECT {key} FROM ({rows_sql})) "
                f"OR {key} IN ({dropped_sql})")
    con.execute(f"INSERT INTO {WRITTEN}{table} BY NAME {rows_sql}")
    con.execute(f"INSERT INTO {DROPPED}{table} {dropped_sql}")


def log_rewrite(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """Log that a load rewrote `table` in place (the same rows in another order, never logged as changes, which
    would be the whole table): the replay rewrites it the same way (warehouse.load.REWRITES) once it holds the
    write's rows. A connection that is not a `writing` one has no change log, and nothing is logged."""
    if id(con) in CHANGE_LOGS:
        REWRITTEN_TABLES.setdefault(id(con), set()).add(table)


def save_change_log(con: duckdb.DuckDBPyConnection, db: Path, logged: dict[str, str]) -> Path:
    """This write's changes, in a new folder of Parquet files beside the warehouse, for the next write to replay
    (rows in the order their table keeps them, which the replay inserts them in)."""
    from warehouse.load import STORED_ORDER
    changes = changes_path(db)
    if changes.exists() and not changes.is_dir():
        changes.unlink()  # the one-file change log of an older version: its standby is copied fresh once
    staged = partial_path(changes / "next")
    shutil.rmtree(staged, ignore_errors=True)
    staged.mkdir(parents=True)
    for table in logged:
        for prefix in (WRITTEN, DROPPED):
            path = log_file(staged, prefix, table)
            if prefix == WRITTEN and table in STORED_ORDER:
                # Logged once each (log_changes forgets a key's earlier rows), so sorted without a DISTINCT,
                # which would cost twice the sort for the many rows of passages.
                rows = f"SELECT * FROM temp.{prefix}{table} ORDER BY {STORED_ORDER[table]}"
            else:
                rows = f"SELECT DISTINCT * FROM temp.{prefix}{table}"
            con.execute(f"COPY ({rows}) TO {quoted(path)} ({CHANGES_FORMAT})")
            fsync_file(path)
    for table in REWRITTEN_TABLES.get(id(con), ()):
        (staged / f"{REWRITTEN}{table}").touch()
    fsync_directory(staged)
    return staged


def discard_change_logs(db: Path, keep: Path) -> None:
    """Every change log but the one the next write replays: the older ones lead to generations no copy has."""
    for log in changes_path(db).iterdir():
        if log != keep:
            shutil.rmtree(log, ignore_errors=True)


def quoted(path: Path) -> str:
    """A path as an SQL string literal."""
    return "'" + str(path).replace("'", "''") + "'"


def settle_live_file(db: Path) -> None:
    """Fold a write-ahead log left by a client that crashed into a plain warehouse file before it is adopted.

    Only our writers are meant to write the warehouse; a DuckDB client that opened it for writing by hand
    would lose its changes at the next publish, so we refuse to write while one is open.
    """
    try:
        duckdb.connect(str(db), read_only=not wal_of(db).exists()).close()
    except duckdb.IOException as exc:
        raise open_error(db, exc) from None


def busy_error(db: Path, exc: Exception) -> WarehouseLocked:
    return WarehouseLocked(
        f"{db} is open for writing in another program ({first_line(exc)}); close it, and open the "
        "warehouse read-only instead (`duckdb -readonly FILE`, or duckdb.connect(FILE, read_only=True))"
    )


def open_error(db: Path, exc: duckdb.Error) -> WarehouseError:
    """What DuckDB's refusal to open the warehouse means for the user, as one line saying what to do."""
    message = first_line(exc)
    if "lock" in message.lower():
        return busy_error(db, exc)
    if "not a valid DuckDB database file" in message or db.is_dir():
        return NotAWarehouse(not_a_warehouse_message(db))
    return WarehouseError(f"cannot open the warehouse {db}: {message}")


def first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0]


def discard(path: Path) -> None:
    for leftover in (path, wal_of(path)):
        leftover.unlink(missing_ok=True)


def require_warehouse(db: str | Path) -> None:
    """NoWarehouse, saying where it looked and how to point at a warehouse, when there is none at `db`."""
    if not Path(db).exists():
        raise NoWarehouse(missing_warehouse_message(db))


@contextmanager
def reading(db: str | Path, files: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short read-only connection to the live warehouse; never blocked by a writer.

    files=False opens it with DuckDB's external access disabled: queries can read the warehouse only, never
    read or write other files (COPY ... TO, read_csv, ATTACH, INSTALL are refused)."""
    db = Path(db)
    require_warehouse(db)
    try:
        # No config unless asked: DuckDB refuses a second connection in one process to a file already open with
        # a different configuration (the writer's check of the live file, another reader).
        con = duckdb.connect(str(db), read_only=True, config={} if files else {"enable_external_access": False})
    except duckdb.IOException as exc:
        raise open_error(db, exc) from None
    try:
        yield con
    finally:
        con.close()
