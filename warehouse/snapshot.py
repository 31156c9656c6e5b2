"""Write the warehouse by publishing a new snapshot atomically; read it on short read-only connections.

DuckDB lets no other process open a file, not even read-only, while one process has it open for writing.
So no writer ever opens the live file. `writing(db)`:

1. takes an exclusive lock on `<db>.lock` (a second writer waits, then fails clearly);
2. copies the live file to `<db>.loading` (or starts an empty one) and opens the copy;
3. migrates the schema, marks runs whose process died (warehouse.runs.mark_dead_runs), and yields a
   connection inside one transaction;
4. on success commits, checkpoints, closes, fsyncs and `os.replace`s the copy over the live file.

Readers open the live file read-only and never see a lock: before the rename they read the old file, after
it the new one, never a half-written one. A writer killed at any point (even SIGKILL) leaves the live file
as it was; its leftover copy is deleted by the next writer, which holds the lock and so knows it is stale.
Cost: one copy of the file per write (measured by bench/ingest.py).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from warehouse.exceptions import NotAWarehouse, NoWarehouse, WarehouseBusy, WarehouseError, WarehouseLocked
from warehouse.runs import mark_dead_runs
from warehouse.schema import migrate

LOCK_SUFFIX = ".lock"
LOADING_SUFFIX = ".loading"
WAL_SUFFIX = ".wal"
DEFAULT_LOCK_TIMEOUT_SECONDS = 600.0
# A new warehouse is written in a storage format DuckDB 1.0 and later can read, so analysts' older clients open
# it; copies keep the format of the file they copy.
STORAGE_COMPATIBILITY = "v1.0.0"
LOCK_POLL_SECONDS = 0.1


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + LOCK_SUFFIX)


def loading_path(db: Path) -> Path:
    return db.with_name(db.name + LOADING_SUFFIX)


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


@contextmanager
def writing(db: str | Path, lock_timeout: float = DEFAULT_LOCK_TIMEOUT_SECONDS) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to a private copy of the warehouse, inside a transaction, published when the block ends.

    An exception inside the block discards the copy: the live file is untouched.
    """
    db = Path(db)
    db.parent.mkdir(parents=True, exist_ok=True)
    snapshot = loading_path(db)
    with writer_lock(db, lock_timeout):
        discard(snapshot)  # left by a writer that died: we hold the lock, so nobody else is using it
        if db.exists():
            settle_live_file(db)
            shutil.copyfile(db, snapshot)
        try:
            con = duckdb.connect(str(snapshot), config={"storage_compatibility_version": STORAGE_COMPATIBILITY})
        except duckdb.IOException as exc:
            discard(snapshot)
            raise open_error(db, exc) from None
        try:
            con.execute("BEGIN TRANSACTION")
            migrate(con)
            mark_dead_runs(con)
            yield con
            con.execute("COMMIT")
            con.execute("CHECKPOINT")
        except BaseException:
            con.close()
            discard(snapshot)
            raise
        con.close()
        publish(snapshot, db)


def settle_live_file(db: Path) -> None:
    """Make sure the live file alone holds the live state before it is copied.

    Only our writers are meant to write the warehouse; a DuckDB client that opened it for writing by hand
    would lose its changes at the next publish, so we refuse to write while one is open. A write-ahead log
    left by a client that crashed is folded into the file first (a brief read-write open, under our lock).
    """
    try:
        duckdb.connect(str(db), read_only=not wal_of(db).exists()).close()
    except duckdb.IOException as exc:
        raise open_error(db, exc) from None


def open_error(db: Path, exc: duckdb.Error) -> WarehouseError:
    """What DuckDB's refusal to open the warehouse means for the user, as one line saying what to do."""
    message = first_line(exc)
    if "lock" in message.lower():
        return WarehouseLocked(
            f"{db} is open for writing in another program ({message}); close it, and open the warehouse "
            "read-only instead (`duckdb -readonly FILE`, or duckdb.connect(FILE, read_only=True))"
        )
    if "not a valid DuckDB database file" in message or db.is_dir():
        return NotAWarehouse(
            f"{db} is not a DuckDB warehouse file; point OFSTED_DB (or --db) at the warehouse, or create one with "
            "`ofsted ingest PATH...`"
        )
    return WarehouseError(f"cannot open the warehouse {db}: {message}")


def first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0]


def publish(snapshot: Path, db: Path) -> None:
    """Make the finished snapshot the live file in one atomic step, durable across a power cut."""
    with open(snapshot, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(snapshot, db)
    directory = os.open(db.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def discard(snapshot: Path) -> None:
    for path in (snapshot, wal_of(snapshot)):
        path.unlink(missing_ok=True)


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
