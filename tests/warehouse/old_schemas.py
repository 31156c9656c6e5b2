"""Warehouses as older versions of the code left them, to test that migrations bring them up to date."""

from __future__ import annotations

from pathlib import Path

import duckdb


# Tables that carry report numbers (migrations 010 and 012).
NUMBERED_TABLES = ("reports", "passages", "quotations")


def undo_report_numbers(con: duckdb.DuckDBPyConnection) -> None:
    """A copy without the report numbers of migrations 010 and 012 (and the word index that 010 built until 013
    dropped it), if it had them (their schema_migrations rows are the caller's)."""
    con.execute("DROP TABLE IF EXISTS passage_words")
    con.execute("DROP MACRO IF EXISTS passage_words_of")
    for table in NUMBERED_TABLES:
        con.execute(f"ALTER TABLE IF EXISTS {table} DROP COLUMN IF EXISTS report_no")


def without_report_no(change_log: Path) -> None:
    """A change log file as code before migrations 010 and 012 wrote it."""
    with duckdb.connect() as con:
        rows = con.execute(f"SELECT * EXCLUDE (report_no) FROM read_parquet('{change_log}')").df()
        con.register("rows", rows)
        con.execute(f"COPY rows TO '{change_log}' (FORMAT parquet)")


def undo_reference_tables(con: duckdb.DuckDBPyConnection) -> None:
    """A copy without migration 015's reference tables (area_lineage, regions), which the views join: a test that
    deletes the schema_migrations rows of earlier migrations runs 015 again too."""
    for table in ("area_lineage", "regions"):
        con.execute(f"DROP TABLE IF EXISTS {table} CASCADE")


# Migration 016's tables; the first is a report's table, so change logs written since carry it.
MIGRATION_016_TABLES = ("previous_judgements", "grade_scales", "framework_scales")
MIGRATION_016_LOGGED = ("previous_judgements",)


def undo_grade_scales(con: duckdb.DuckDBPyConnection) -> None:
    """A copy without migration 016's previous grades and grade scales (its schema_migrations row is the
    caller's)."""
    for table in MIGRATION_016_TABLES:
        con.execute(f"DROP TABLE IF EXISTS {table}")
