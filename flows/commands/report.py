"""`ofsted report [--provider URN] [--out DIR]`: write the self-contained HTML trend report from the warehouse."""

from __future__ import annotations

import argparse
from pathlib import Path

from flows.commands import add_db_option, with_exit_codes
from warehouse.config import db_path, home

REPORT_SUBDIR = "report"


def default_report_dir() -> Path:
    return home() / REPORT_SUBDIR


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report",
        help="write the HTML trend report (charts, movements, streaks, each authority's timeline)",
        description="Write the HTML trend report from the warehouse (OFSTED_DB): an index page with the "
        "national distribution of overall grades by year and by region, authorities whose grade rose or fell at "
        "their latest inspection, the longest streaks of the same grade and a link to every local authority; and "
        "a page per authority (authorities/URN.html) with its grid of judgements across inspections, its visits, "
        "key quotations and streaks. Pages are self-contained: they open from disk with no server and no "
        "internet. Prints the path of the index. The nightly run rewrites the index and only the pages of the "
        "authorities it loaded reports for.",
        epilog=with_exit_codes(None),
    )
    parser.add_argument(
        "--provider",
        metavar="URN",
        help="rewrite the index and only this authority's page (a URN or a name)",
    )
    parser.add_argument(
        "--out",
        metavar="DIR",
        type=Path,
        help="folder to write index.html and authorities/ into (default OFSTED_HOME/report)",
    )
    add_db_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from flows.cli import UserError
    from warehouse.report import build_report
    from warehouse.exceptions import WarehouseError

    try:
        path = build_report(args.db or db_path(), args.out or default_report_dir(), provider=args.provider)
    except WarehouseError as exc:
        raise UserError(str(exc)) from exc
    print(path)
    return 0
