"""`ofsted sql "SELECT ..."`: a quick answer from the warehouse, on a read-only connection."""

from __future__ import annotations

import argparse
import csv
import json
import sys
import threading
from dataclasses import dataclass

import duckdb

from flows.commands import add_db_option, with_exit_codes
from warehouse.config import db_path

FORMATS = ("table", "csv", "json")
NULL_TEXT = "NULL"
# A quick answer, not a batch job: a query still running after this long is interrupted (--timeout to change).
DEFAULT_TIMEOUT_SECONDS = 60.0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sql",
        help="run a SQL query against the warehouse and print the result",
        description="Run a SQL query against the warehouse (OFSTED_DB, default ./data/ofsted.duckdb) on a "
        "read-only connection, which a running load never blocks, and print the result. Several statements "
        "separated by ; run in order on one connection, and each one's result is printed (--format csv and json "
        "write one table, so there only one statement may return rows). Questions answered in SQL: "
        "docs/guide.md; tables and views are documented in docs/warehouse.md and in the warehouse itself: "
        '`ofsted sql "SELECT table_name, comment FROM duckdb_tables() UNION ALL SELECT view_name, comment '
        'FROM duckdb_views() WHERE NOT internal"`. Any DuckDB client can open the file too (read-only, please: '
        "`duckdb -readonly data/ofsted.duckdb`).",
        epilog=with_exit_codes('Example: ofsted sql "SELECT provider_name, grade FROM v_latest_judgements '
        "WHERE area = 'overall_effectiveness' ORDER BY score, provider_name\""),
    )
    parser.add_argument("query", metavar="QUERY", help="the SQL to run (quote it for the shell)")
    add_db_option(parser)
    parser.add_argument(
        "--format", choices=FORMATS, default="table", help="table (aligned text), csv, or json (one object a line)"
    )
    parser.add_argument(
        "--allow-files", action="store_true",
        help="let the query read and write files (read_csv, COPY ... TO, ATTACH); by default it can read the "
        "warehouse only",
    )
    parser.add_argument(
        "--timeout", type=float, default=DEFAULT_TIMEOUT_SECONDS, metavar="SECONDS",
        help="interrupt the query after this many seconds (default: %(default)g)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from flows.cli import UserError
    from warehouse.exceptions import WarehouseError
    from warehouse.snapshot import reading

    if not args.query.strip():
        raise UserError('no SQL given; for example: ofsted sql "SHOW ALL TABLES"')
    if args.timeout <= 0:
        raise UserError("--timeout must be more than 0 seconds")
    try:
        with reading(args.db or db_path(), files=args.allow_files) as con:
            results = run_queries(con, args.query, args.timeout)
    except WarehouseError as exc:
        raise UserError(str(exc)) from None
    except duckdb.InterruptException:
        raise UserError(f"the query was stopped after {args.timeout:g} s; give it longer with --timeout SECONDS"
                        ) from None
    except duckdb.PermissionException as exc:
        raise UserError(f"{first_line(exc)}: queries read the warehouse only; add --allow-files to let this one "
                        "read or write files") from None
    except duckdb.Error as exc:
        raise UserError(f"{first_line(exc)} (tables and views: ofsted sql \"SHOW ALL TABLES\"; reference: "
                        "docs/warehouse.md)") from None
    tables = [result for result in results if result.columns]
    if args.format != "table" and len(tables) > 1:
        raise UserError(f"{len(tables)} of the statements return rows, and --format {args.format} writes one "
                        "table: run them one at a time, or use --format table")
    for number, result in enumerate(tables):
        if len(tables) > 1:
            sys.stdout.write(("\n" if number else "") + f"-- {result.statement}\n")
        WRITERS[args.format](result.columns, result.rows, sys.stdout)
    return 0


@dataclass(frozen=True)
class Result:
    statement: str  # the statement as given, on one line
    columns: list[str]  # empty for a statement that returns no result
    rows: list[tuple]


def run_queries(con: duckdb.DuckDBPyConnection, query: str, timeout: float) -> list[Result]:
    """Each statement's columns and rows, in order, all interrupted when they run longer than `timeout` seconds."""
    timer = threading.Timer(timeout, con.interrupt)
    timer.start()
    try:
        results = []
        for statement in con.extract_statements(query):
            result = con.execute(statement)
            if statement.expected_result_type == [duckdb.ExpectedResultType.NOTHING]:  # SET: DuckDB's "Success"
                continue
            columns = [d[0] for d in result.description] if result is not None and result.description else []
            text = " ".join(statement.query.split()).rstrip(";")
            results.append(Result(text, columns, result.fetchall() if columns else []))
        return results
    finally:
        timer.cancel()


def first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0]


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
