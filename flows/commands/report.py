"""`ofsted report [--provider URN] [--out DIR]`: write the self-contained HTML trend report from the warehouse."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

DEFAULT_HOME = "data"
REPORT_SUBDIR = "report"
DB_FILE = "ofsted.duckdb"


def ofsted_home() -> Path:
    return Path(os.environ.get("OFSTED_HOME") or DEFAULT_HOME)


def warehouse_path() -> Path:
    return Path(os.environ.get("OFSTED_DB") or ofsted_home() / DB_FILE)


def default_report_dir() -> Path:
    return ofsted_home() / REPORT_SUBDIR


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report",
        help="write the HTML trend report (charts, movements, streaks, each authority's timeline)",
        description="Write one self-contained HTML page from the warehouse (OFSTED_DB): the national "
        "distribution of overall grades by year and by region, authorities whose grade rose or fell at their "
        "latest inspection, streaks of the same grade, and each local authority's grid of judgements across "
        "inspections with its visits and key quotations. The page opens from disk with no server and no "
        "internet. Prints the path of the page written.",
    )
    parser.add_argument(
        "--provider",
        metavar="URN",
        help="only this authority's section (a URN or a name); the national picture stays for context",
    )
    parser.add_argument(
        "--out",
        metavar="DIR",
        type=Path,
        help="folder to write index.html into (default OFSTED_HOME/report)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from flows.cli import UserError
    from warehouse.report import build_report
    from warehouse.report.exceptions import ReportError

    try:
        path = build_report(warehouse_path(), args.out or default_report_dir(), provider=args.provider)
    except ReportError as exc:
        raise UserError(str(exc)) from exc
    print(path)
    return 0
