"""`ofsted reindex`: rebuild the search index from the warehouse's passages."""

from __future__ import annotations

import argparse
import sys
import time

from flows.commands import add_db_option, with_exit_codes
from warehouse.config import db_path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "reindex",
        help="rebuild the search index of `ofsted search` from the warehouse",
        description="Rebuild the search index (the folder beside the warehouse: OFSTED_DB.search, default "
        "./data/ofsted.duckdb.search) from every sentence in the warehouse's passages table. Loads keep the index "
        "up to date, and a search adds whatever it lacks, so this is for an index that was deleted, damaged or "
        "copied from elsewhere. Searches go on meanwhile on the old index (or by reading every sentence when "
        "there is none); the new one takes its place when it is complete. About 2.4 s per 1,000 reports "
        "(docs/search.md).",
        epilog=with_exit_codes("Example: ofsted reindex --db /srv/ofsted/ofsted.duckdb"),
    )
    add_db_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from flows.cli import UserError
    from flows.commands.search import Progress
    from warehouse.exceptions import WarehouseError
    from warehouse.search import passages_needed
    from warehouse.search_index import catch_up, folder_of
    from warehouse.snapshot import reading

    db = args.db or db_path()
    start = time.perf_counter()
    try:
        with reading(db) as con, passages_needed():
            built = catch_up(db, con, rebuild=True, progress=Progress() if sys.stderr.isatty() else None)
    except WarehouseError as exc:
        raise UserError(str(exc)) from None
    print(f"search index rebuilt from {built.reports:,} reports ({built.sentences:,} sentences) in "
          f"{time.perf_counter() - start:.1f} s: {folder_of(db)}")
    return 0
