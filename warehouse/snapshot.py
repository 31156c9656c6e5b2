"""Write the warehouse without copying it and without locking readers out; read it on read-only connections.

DuckDB lets no other process open a file, not even read-only, while one process has it open for writing. So
no writer ever opens the live file. The warehouse path (`OFSTED_DB`) is a symbolic link to one of two copies,
`<db>.a` and `<db>.b`: the live one, and a standby one write behind it. `writing(db)`:

1. takes an exclusive lock on `<db>.lock` (a second writer waits, then fails clearly);
2. opens the standby copy and brings it up to date: it replays the last write's changes, kept in the small
   DuckDB file `<db>.changes` (the rows it added or replaced, and the keys it removed), and copies the small
   bookkeeping tables (runs, failures, schema_migrations) whole from the live copy;
3. migrates the schema, marks runs whose process died (warehouse.runs.mark_dead_runs), and yields a
   connection inside one transaction;
4. on success commits, checkpoints, closes and fsyncs the standby, writes this write's changes to
   `<db>.changes`, then points the link at it with one atomic `os.replace`: the old live copy becomes the
   standby for the next write.

So a write costs what it adds (twice: once now, once when the next write replays it), never the size of the
warehouse. Readers open the link read-only and never see a lock: before the replace they read the old copy,
after it the new one, never a half-written one. When the standby cannot be brought up to date by a replay
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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.exceptions import NotAWarehouse, NoWarehouse, WarehouseBusy, WarehouseError, WarehouseLocked
from warehouse.runs import mark_dead_runs
from warehouse.schema import migrate

LOCK_SUFFIX = ".lock"
WAL_SUFFIX = ".wal"
COPY_SUFFIXES = (".a", ".b")
CHANGES_SUFFIX = ".changes"
PARTIAL_SUFFIX = ".partial"  # a file being written, renamed into place when complete
DEFAULT_LOCK_TIMEOUT_SECONDS = 600.0
# A new warehouse is written in a storage format DuckDB 1.0 and later can read, so analysts' older clients open
# it; copies keep the format of the file they copy.
STORAGE_COMPATIBILITY = "v1.0.0"
LOCK_POLL_SECONDS = 0.1
# A reader that opened the warehouse just before the last write may still hold the standby copy: wait this long
# for its query to end before making a fresh copy instead.
STANDBY_WAIT_SECONDS = 2.0
GENERATION_TABLE = "warehouse_snapshot"
# The change log is a few small tables: DuckDB's default 256 KiB blocks would make it 2.6 MB, 16 KiB ones 0.2 MB.
CHANGES_BLOCK_SIZE = 16384
WRITTEN, DROPPED = "written_", "dropped_"  # change log tables: rows a write added, keys it removed


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + LOCK_SUFFIX)


def changes_path(db: Path) -> Path:
    return db.with_name(db.name + CHANGES_SUFFIX)


def copy_paths(db: Path) -> tuple[Path, Path]:
    return tuple(db.with_name(db.name + suffix) for suffix in COPY_SUFFIXES)


def partial_path(path: Path) -> Path:
    return path.with_name(path.name + PARTIAL_SUFFIX)


def wal_of(path: Path) -> Path:
    return path.with_name(path.name + WAL_SUFFIX)


@contextmanager
def writer_lock(db: Path, timeout: float = DEFAULT_LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Exclusive right to write `db`; the OS releases it when the process dies, however it dies."""
    path = lock_path(db)
    with open(path, "a+") as handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = handle.read().strip() or "unknown"
                    raise WarehouseBusy(
                        f"{db}: another process (pid {holder}) is writing the warehouse and did not finish within "
                        f"{timeout:g} s; wait for it to finish and run again"
                    ) from None
                time.sleep(LOCK_POLL_SECONDS)
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
            if replay:
                # The live copy's schema, then its rows, then this code's newer migrations: so a migration that
                # fills a table from the rows (009) fills it from the live state, not the standby's older one.
                migrate(con, upto=latest_migration(con, "live"))
                live_catalog = table_columns(con)
                catch_up(con, live_catalog, logged_tables(live_catalog))
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
            staged_changes = save_change_log(con, db, logged, live_generation)
            con.execute("CHECKPOINT")
        finally:
            CHANGE_LOGS.pop(id(con), None)
            con.close()
        fsync_file(copies.standby)
        # Dated after the standby is closed, so a live copy newer than the change log was changed by another
        # program since (see `replayable`).
        os.utime(staged_changes)
        os.replace(staged_changes, changes_path(db))
        point_link(db, copies.standby)


# Tables each open `writing` connection logs changes of (by id of the connection): what `log_changes` looks up.
CHANGE_LOGS: dict[int, dict[str, str]] = {}


def open_standby(db: Path, copies: Copies) -> tuple[duckdb.DuckDBPyConnection, int, bool]:
    """The standby copy open for writing, the live copy's generation, and whether the last write's changes
    (then attached as `changes`, with the live copy as `live`) bring the standby up to date.

    Replaying is possible only when the change log turns the standby's generation into the live one and the
    live copy is not newer than the change log; otherwise the standby is made a fresh copy of the live one.
    """
    if copies.live is None:
        discard(copies.standby)
        return connect_new(copies.standby), -1, False
    con = connect_standby(copies.standby)
    if con is not None:
        live_generation = attach_live(con, db, copies.live)
        if replayable(con, db, copies.live, live_generation):
            return con, live_generation, True
        con.close()
    live_generation = generation_of(db, copies.live)
    fresh_copy(copies.live, copies.standby)
    return duckdb.connect(str(copies.standby)), live_generation, False


def connect_new(path: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(path), config={"storage_compatibility_version": STORAGE_COMPATIBILITY})


def connect_standby(standby: Path) -> duckdb.DuckDBPyConnection | None:
    """The standby open for writing; None when it is missing, held by a reader past the wait, or unreadable."""
    if not standby.exists() or wal_of(standby).exists():
        return None  # a WAL there is a write that died after committing: that standby is ahead, not behind
    deadline = time.monotonic() + STANDBY_WAIT_SECONDS
    while True:
        try:
            return duckdb.connect(str(standby))
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() >= deadline:
                return None
            time.sleep(LOCK_POLL_SECONDS)


def attach_live(con: duckdb.DuckDBPyConnection, db: Path, live: Path) -> int:
    """Attach the live copy read-only as `live` and return its generation; refuse a copy open for writing."""
    try:
        con.execute(f"ATTACH '{live}' AS live (READ_ONLY)")
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


def replayable(con: duckdb.DuckDBPyConnection, db: Path, live: Path, live_generation: int) -> bool:
    changes = changes_path(db)
    if not changes.exists() or live.stat().st_mtime_ns > changes.stat().st_mtime_ns:
        return False
    con.execute(f"ATTACH '{changes}' AS changes (READ_ONLY)")
    try:
        steps = con.execute("SELECT from_generation, to_generation FROM changes.meta").fetchone()
    except duckdb.Error:
        steps = None
    if steps != (stored_generation(con), live_generation):
        con.execute("DETACH changes")
        return False
    return True


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


def catch_up(con: duckdb.DuckDBPyConnection, catalog: Catalog, logged: dict[str, str]) -> None:
    """Bring the standby to the live copy's state: replay the last write's changes, copy the small tables."""
    logged_then = table_columns(con, "changes")
    for table, key in logged.items():
        if WRITTEN + table in logged_then:
            con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT {key} FROM changes.{DROPPED}{table})")
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM changes.{WRITTEN}{table}")
    for table in catalog:
        if table not in logged and table != GENERATION_TABLE:
            con.execute(f"DELETE FROM {table}")
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM live.{table}")
    con.execute("DETACH changes")
    con.execute("DETACH live")


def logged_tables(catalog: Catalog) -> dict[str, str]:
    """Tables whose changes warehouse.load logs, and the key a change removes rows by: every table of a report
    (a report_id column), and the others with a load rule (providers). The rest are small and copied whole."""
    from warehouse.load import TABLE_RULES

    logged = {rule.table: rule.key[0] for rule in TABLE_RULES}
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


def save_change_log(con: duckdb.DuckDBPyConnection, db: Path, logged: dict[str, str], live_generation: int) -> Path:
    """This write's changes, in a new DuckDB file beside the warehouse, for the next write to replay."""
    staged = partial_path(changes_path(db))
    discard(staged)
    con.execute(f"ATTACH '{staged}' AS new_changes (BLOCK_SIZE {CHANGES_BLOCK_SIZE})")
    for table in logged:
        for prefix in (WRITTEN, DROPPED):
            con.execute(f"CREATE TABLE new_changes.{prefix}{table} AS SELECT DISTINCT * FROM temp.{prefix}{table}")
    con.execute("CREATE TABLE new_changes.meta AS SELECT ?::BIGINT AS from_generation, ?::BIGINT AS to_generation",
                [live_generation, live_generation + 1])
    con.execute("DETACH new_changes")
    fsync_file(staged)
    return staged


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
        return NotAWarehouse(
            f"{db} is not a DuckDB warehouse file; point OFSTED_DB (or --db) at the warehouse, or create one with "
            "`ofsted ingest PATH...`"
        )
    return WarehouseError(f"cannot open the warehouse {db}: {message}")


def first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0]


def discard(path: Path) -> None:
    for leftover in (path, wal_of(path)):
        leftover.unlink(missing_ok=True)


@contextmanager
def reading(db: str | Path, files: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short read-only connection to the live warehouse; never blocked by a writer.

    files=False opens it with DuckDB's external access disabled: queries can read the warehouse only, never
    read or write other files (COPY ... TO, read_csv, ATTACH, INSTALL are refused)."""
    db = Path(db)
    if not db.exists():
        raise NoWarehouse(
            f"no warehouse at {db}: create one with `ofsted ingest PATH...`, or set OFSTED_DB to an existing file"
        )
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
