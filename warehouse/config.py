"""Where the warehouse lives: OFSTED_DB, else OFSTED_HOME/ofsted.duckdb, else ./data/ofsted.duckdb."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_HOME = "data"
DB_FILE_NAME = "ofsted.duckdb"


def home() -> Path:
    return Path(os.environ.get("OFSTED_HOME") or DEFAULT_HOME)


def db_path() -> Path:
    configured = os.environ.get("OFSTED_DB")
    return Path(configured) if configured else home() / DB_FILE_NAME


def given_explicitly(db: str | Path) -> bool:
    """Whether `db` is a path given to the command (--db) rather than the one the configuration names: then
    OFSTED_DB is beside the point, and messages do not suggest it."""
    return Path(db).absolute() != db_path().absolute()


def missing_warehouse_message(db: str | Path) -> str:
    """Where the warehouse was looked for, as an absolute path, and how to point at one: by where the path came
    from (the configuration, or a path given to the command)."""
    looked = Path(db).absolute()
    if given_explicitly(db):
        return (f"no warehouse at {looked}: check the path, or create a warehouse there with "
                f"`ofsted ingest PATH... --db {looked}`")
    if os.environ.get("OFSTED_DB"):
        return (f"no warehouse at {looked} (the file OFSTED_DB names): point OFSTED_DB at an existing warehouse "
                "file, or create one there with `ofsted ingest PATH...`")
    source = "OFSTED_HOME/" + DB_FILE_NAME if os.environ.get("OFSTED_HOME") else (
        f"the default, {DEFAULT_HOME}/{DB_FILE_NAME} under the current folder")
    return (f"no warehouse at {looked} ({source}): point at one with OFSTED_DB=/path/to/{DB_FILE_NAME} or --db "
            "FILE, or run the command in the folder where `ofsted ingest` ran; `ofsted ingest PATH...` creates one")


def not_a_warehouse_message(db: str | Path) -> str:
    """A file that is not a DuckDB warehouse, and how to point at the right one (by where the path came from)."""
    if given_explicitly(db):
        return (f"{db} is not a DuckDB warehouse file; check the path given, or give the path of a new file to "
                "create one")
    return (f"{db} is not a DuckDB warehouse file; point OFSTED_DB (or --db) at the warehouse, or create one with "
            "`ofsted ingest PATH...`")
