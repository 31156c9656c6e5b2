"""`ofsted sql "SELECT ..."`: a quick answer from the warehouse, on a read-only connection."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

import duckdb

from warehouse.config import db_path

FORMATS = ("table", "csv", "json")
NULL_TEXT = "NULL"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sql",
        help="run a SQL query against the warehouse and print the result",
        description="Run one SQL query against the warehouse (OFSTED_DB, default ./data/ofsted.duckdb) on a "
        "read-only connection, which a running load never blocks, and print the result. Tables and views are "
        "documented in docs/warehouse.md and in the warehouse itself: "
        '`ofsted sql "SELECT table_name, comment FROM duckdb_tables() UNION ALL SELECT view_name, comment '
        'FROM duckdb_views() WHERE NOT internal"`. Any DuckDB client can open the file too (read-only, please: '
        "`duckdb -readonly data/ofsted.duckdb`).",
        epilog='Example: ofsted sql "SELECT provider_name, grade FROM v_latest_judgements '
        "WHERE area = 'overall_effectiveness' ORDER BY score, provider_name\"",
    )
    parser.add_argument("query", metavar="QUERY", help="the SQL to run (quote it for the shell)")
    parser.add_argument("--db", type=Path, help="warehouse file (default: OFSTED_DB, else OFSTED_HOME/ofsted.duckdb)")
    parser.add_argument(
        "--format", choices=FORMATS, default="table", help="table (aligned text), csv, or json (one object a line)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from flows.cli import UserError
    from warehouse.exceptions import WarehouseError
    from warehouse.snapshot import reading

    try:
        with reading(args.db or db_path()) as con:
            try:
                result = con.execute(args.query)
            except duckdb.Error as exc:
                raise UserError(f"{exc} (tables and views: ofsted sql \"SHOW ALL TABLES\"; reference: "
                                "docs/warehouse.md)") from None
            columns = [d[0] for d in result.description] if result.description else []
            rows = result.fetchall() if columns else []
    except WarehouseError as exc:
        raise UserError(str(exc)) from None
    WRITERS[args.format](columns, rows, sys.stdout)
    return 0


def write_table(columns: list[str], rows: list[tuple], out) -> None:
    if not columns:
        return
    cells = [[cell_text(value) for value in row] for row in rows]
    widths = [max([len(name)] + [len(row[i]) for row in cells]) for i, name in enumerate(columns)]
    out.write("  ".join(name.ljust(w) for name, w in zip(columns, widths)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in cells:
        out.write("  ".join(text.ljust(w) for text, w in zip(row, widths)).rstrip() + "\n")
    out.write(f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n")


def cell_text(value) -> str:
    return NULL_TEXT if value is None else str(value)


def write_csv(columns: list[str], rows: list[tuple], out) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)


def write_json(columns: list[str], rows: list[tuple], out) -> None:
    for row in rows:
        out.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False, default=str) + "\n")


WRITERS = {"table": write_table, "csv": write_csv, "json": write_json}
