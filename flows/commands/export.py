"""`ofsted export --xlsx FILE | --csv DIR | --parquet DIR`: the analyst tables and views, for Excel and other tools."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from flows.commands import EXIT_DONE, EXIT_PARTIAL, add_db_option, with_exit_codes
from warehouse.config import db_path
from warehouse.export import INTERNAL_TABLES

EPILOG = """Examples:
  ofsted export --xlsx ofsted.xlsx          # one workbook: a Contents sheet, then a sheet per view and table
  ofsted export --csv out/                  # out/v_latest_judgements.csv, out/reports.csv, ...
  ofsted export --xlsx ofsted.xlsx --csv out/ --parquet out/

CSV files are UTF-8 with a header row: in Excel, open them with Data > From Text/CSV, or use the workbook, which
keeps dates as dates. A table or view with more rows than an Excel sheet holds (1,048,575) is left out of the
workbook, named on stderr and on its Contents sheet, and the command exits 1: export it with --csv or
--parquet."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export every analyst table and view to an Excel workbook, CSV or Parquet files",
        description="Write every table and analyst view of the warehouse (OFSTED_DB, default ./data/ofsted.duckdb) "
        "for tools that do not read DuckDB: one Excel workbook with a sheet each and a first sheet describing every "
        "table and column, CSV files, or Parquet files, one per table or view. Read on a read-only connection, so a "
        "running load never blocks it. Existing files of the same names are overwritten. The tables that only keep "
        f"the warehouse running ({', '.join(sorted(INTERNAL_TABLES))}) are left out unless --internal asks for "
        "them. Column meanings: the workbook's Contents sheet, or docs/warehouse.md.",
        epilog=with_exit_codes(EPILOG, partial="a table or view was too large for the workbook (named on stderr)"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--xlsx", type=Path, metavar="FILE", help="Excel workbook to write (.xlsx)")
    parser.add_argument("--csv", type=Path, metavar="DIR", help="folder to write a CSV file per table and view to")
    parser.add_argument("--parquet", type=Path, metavar="DIR",
                        help="folder to write a Parquet file per table and view to")
    parser.add_argument("--internal", action="store_true",
                        help="also export the internal tables (" + ", ".join(sorted(INTERNAL_TABLES)) + ")")
    add_db_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import duckdb

    from flows.cli import UserError
    from warehouse.exceptions import WarehouseError
    from warehouse.export import export_csv, export_parquet, export_xlsx
    from warehouse.snapshot import reading

    if not (args.xlsx or args.csv or args.parquet):
        raise UserError("say what to write: --xlsx FILE, --csv DIR or --parquet DIR (one or more)")
    for option, folder in (("--csv", args.csv), ("--parquet", args.parquet)):
        if folder and folder.exists() and not folder.is_dir():
            raise UserError(f"{folder} is a file; {option} takes a folder to write into")
    if args.xlsx and (args.xlsx.is_dir() or args.xlsx.suffix.lower() != ".xlsx"):
        raise UserError(f"{args.xlsx}: --xlsx takes the name of a workbook to write, ending .xlsx")
    db = args.db or db_path()
    written, workbook = [], None
    try:
        with reading(db) as con:
            if args.parquet:
                written += export_parquet(con, args.parquet, args.internal)
            if args.csv:
                written += export_csv(con, args.csv, args.internal)
            if args.xlsx:
                workbook = export_xlsx(con, args.xlsx, source=str(Path(db).absolute()), internal=args.internal)
                written.append(workbook.path)
    except WarehouseError as exc:
        raise UserError(str(exc)) from None
    except (duckdb.IOException, OSError) as exc:
        raise UserError(f"cannot write the export: {exc}") from None
    for path in written:
        print(path)
    if workbook is None:
        return EXIT_DONE
    for name, cells in workbook.cells_cut.items():
        print(f"ofsted export: {name}: {cells} cell(s) longer than Excel's 32,767 characters were cut in "
              f"{workbook.path}; the CSV or Parquet export keeps them whole", file=sys.stderr)
    for left_out in workbook.left_out:
        print(f"ofsted export: left out of {workbook.path}: {left_out}", file=sys.stderr)
    return EXIT_PARTIAL if workbook.left_out else EXIT_DONE
