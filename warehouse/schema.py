"""Create and migrate the schema from SQL files: numbered migrations once each, then the views every time.

Migrations (sql/migrations/NNN_name.sql) are applied in order and recorded in `schema_migrations`; a
migration is never edited once released, a change is a new file. Views (sql/views.sql) are re-created by
every writer, so they always match the code that loads the data; so are the reference tables' rows, from the
project's data files (warehouse/reference.py), before the views that join them.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from warehouse.reference import keep_reference_tables

SQL_DIR = Path(__file__).parent / "sql"
MIGRATIONS_DIR = SQL_DIR / "migrations"
BOOKKEEPING_SQL = SQL_DIR / "schema_migrations.sql"
VIEWS_SQL = SQL_DIR / "views.sql"
MIGRATION_NAME = re.compile(r"(\d+)_\w+\.sql")


def migrations() -> list[tuple[int, Path]]:
    found = []
    for path in sorted(MIGRATIONS_DIR.glob("*.sql")):
        match = MIGRATION_NAME.fullmatch(path.name)
        if match is None:
            raise ValueError(f"{path}: migration files are named NNN_what_it_does.sql")
        found.append((int(match.group(1)), path))
    return found


def migrate(con: duckdb.DuckDBPyConnection, upto: int | None = None) -> list[str]:
    """Bring the schema up to date inside the caller's transaction; returns the migrations applied.

    `upto` stops after that migration and leaves the views as they are (they may need later tables)."""
    con.execute(BOOKKEEPING_SQL.read_text())
    applied = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    newly = []
    for version, path in migrations():
        if version in applied or (upto is not None and version > upto):
            continue
        con.execute(path.read_text())
        applied_at = datetime.now(UTC).replace(tzinfo=None)
        con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, path.name, applied_at])
        newly.append(path.name)
    if upto is None:
        keep_reference_tables(con)
        con.execute(VIEWS_SQL.read_text())
    return newly
