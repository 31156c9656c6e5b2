"""`ofsted export --parquet DIR`: every table and view as a Parquet file, for tools that read Parquet."""

from __future__ import annotations

import argparse
from pathlib import Path

from flows.commands import add_db_option, with_exit_codes
from warehouse.config import db_path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export every table and view of the warehouse to Parquet files",
        description="Write DIR/<name>.parquet for every table and analyst view of the warehouse (OFSTED_DB, "
        "default ./data/ofsted.duckdb), read on a read-only connection, so a running load never blocks it. "
        "Existing files of the same names are overwritten. Column meanings: docs/warehouse.md.",
        epilog=with_exit_codes(None),
    )
    parser.add_argument(
        "--parquet", type=Path, required=True, metavar="DIR", help="folder to write the Parquet files to"
    )
    add_db_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import duckdb

    from flows.cli import UserError
    from warehouse.exceptions import WarehouseError
    from warehouse.export import export_parquet
    from warehouse.snapshot import reading

    if args.parquet.exists() and not args.parquet.is_dir():
        raise UserError(f"{args.parquet} is a file; --parquet takes a folder to write into")
    try:
        with reading(args.db or db_path()) as con:
            written = export_parquet(con, args.parquet)
    except WarehouseError as exc:
        raise UserError(str(exc)) from None
    except (duckdb.IOException, OSError) as exc:
        raise UserError(f"cannot write to {args.parquet}: {exc}") from None
    for path in written:
        print(path)
    return 0
