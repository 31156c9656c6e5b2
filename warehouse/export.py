"""Export every table and view to Parquet, one file each, for tools that read Parquet but not DuckDB."""

from __future__ import annotations

from pathlib import Path

import duckdb

PARQUET_SUFFIX = ".parquet"


def relations(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Tables then views of the warehouse, by name (DuckDB's own catalog excluded)."""
    tables = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE NOT internal AND NOT temporary ORDER BY table_name"
    ).fetchall()
    views = con.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal AND NOT temporary ORDER BY view_name"
    ).fetchall()
    return [name for (name,) in tables + views]


def export_parquet(con: duckdb.DuckDBPyConnection, directory: Path) -> list[Path]:
    """Write DIR/<table or view>.parquet for each; returns the files written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in relations(con):
        target = directory / f"{name}{PARQUET_SUFFIX}"
        con.execute(f"COPY (SELECT * FROM {name}) TO '{sql_string(str(target))}' (FORMAT parquet)")
        written.append(target)
    return written


def sql_string(text: str) -> str:
    """Text safe inside a single-quoted SQL literal (COPY TO takes no parameters)."""
    return text.replace("'", "''")
