"""`ofsted reparse`: read loaded reports again with the current parser, from the raw store; no downloads."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from extract.batch import default_workers
from flows.commands import ParagraphHelpFormatter, add_db_option, with_exit_codes
from flows.reparse import DEFAULT_BATCH_SIZE
from warehouse.config import db_path, home

STATUSES = ("unrecognised", "error", "invalid", "all")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "reparse",
        help="read loaded reports again with the current parser and update them in place (no downloads)",
        description="Read the report files the warehouse already holds again with this version of the parser, "
        "and update their rows in place: how a parser upgrade reaches years of history. Nothing is downloaded: "
        "the bytes come from the raw store (OFSTED_HOME/raw), else from the path a file was ingested from (a "
        "file found in neither is listed as gone). Without --status it reads what a newer parser could change: "
        "reports read by another parser version, files no parser read (status unrecognised, error or invalid), "
        "and read reports that landed on no authority (after a new spelling in "
        "transform/local_authorities.csv). Prints what changed: reports newly readable, grades that changed "
        "(old -> new, with the report), how many reports' quotations changed, reports that moved provider. "
        "Records a row in `runs`.",
        epilog=with_exit_codes('Then: ofsted sql "SELECT * FROM v_unrecognised_reports"',
                               "a file was gone (listed, and in `failures`); the rest are read again"),
        formatter_class=ParagraphHelpFormatter,
    )
    parser.add_argument(
        "--status",
        choices=STATUSES,
        help="read again only reports with this status (all: every report); default: what a newer parser "
        "could change (see above)",
    )
    parser.add_argument(
        "--since",
        type=date.fromisoformat,
        metavar="DATE",
        help="only reports published on or after DATE (YYYY-MM-DD); a file loaded from disk has no publication "
        "date, so its inspection end date counts",
    )
    add_db_option(parser)
    parser.add_argument(
        "--workers", type=int, default=default_workers(), help="processes to extract with (default: all cores)"
    )
    parser.add_argument(
        "--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help="reports per atomic write (default: %(default)s)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from extract.records import PARSER_VERSION
    from flows import progress
    from flows.cli import UserError
    from flows.reparse import reparse
    from flows.settings import RAW_FOLDER
    from warehouse.exceptions import WarehouseError
    from warehouse.snapshot import reading
    from warehouse.state import DUE

    if args.batch_size < 1 or args.workers < 1:
        raise UserError("--batch-size and --workers must be at least 1")
    db = (args.db or db_path()).absolute()
    selection = args.status or DUE
    try:
        with reading(db):  # a missing or foreign warehouse is said before the start line, not after it
            pass
    except WarehouseError as exc:
        raise UserError(str(exc)) from None
    print(f"reparse: reading again the {selection} reports of {db} with parser {PARSER_VERSION}", file=sys.stderr)
    try:
        with progress.on_terminal(sys.stderr):
            summary = reparse(
                db, home() / RAW_FOLDER, selection=selection, since=args.since, workers=args.workers,
                batch_size=args.batch_size,
            )
    except WarehouseError as exc:
        raise UserError(str(exc)) from None
    print_changes(summary)
    return 1 if summary.gone else 0


def describe(state) -> str:
    """A report as an operator recognises it: provider, kind, inspection end, and the file."""
    when = state.inspection_end.isoformat() if state.inspection_end else "undated"
    return f"{state.provider_name or 'unknown provider'} {state.kind or 'unread'} {when} ({state.path})"


def print_changes(summary) -> None:
    print(f"newly readable: {len(summary.newly_readable)}")
    for change in summary.newly_readable:
        print(f"  {describe(change.after)}")
    print(f"no longer readable: {len(summary.no_longer_readable)}")
    for change in summary.no_longer_readable:
        print(f"  {describe(change.after)}: now {change.after.status}")
    print(f"grades changed: {len(summary.grade_changes)}")
    for change in summary.grade_changes:
        print(f"  {describe(change.report)}: {change.area} {change.old or 'not read'} -> {change.new or 'not read'}")
    print(f"quotations changed: {summary.quotations_changed} reports")
    print(f"moved provider: {len(summary.provider_changes)}")
    for change in summary.provider_changes:
        print(f"  {describe(change.after)}: urn {change.before.urn or 'none'} -> {change.after.urn or 'none'}")
    if summary.gone:
        print(f"gone: {len(summary.gone)}")
        for gone in summary.gone:
            print(f"  {gone.reason}")
    print(
        f"{summary.read} of {summary.selected} reports read again: {summary.replaced} updated, {summary.unchanged} "
        f"unchanged, {summary.kept_newer} kept (a newer parse is loaded) ({summary.seconds:.1f} s, run "
        f"{summary.run_id})"
    )
