"""`ofsted ingest PATH...`: extract local report PDFs and load them into the warehouse (works offline)."""

from __future__ import annotations

import argparse
import os
import sys

from extract.batch import default_workers, expand_paths
from flows import progress
from flows.commands import EXIT_DONE, EXIT_PARTIAL, add_db_option, with_exit_codes
from flows.ingest import DEFAULT_BATCH_SIZE
from warehouse.config import db_path

MAX_FAILURES_LISTED = 5


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="extract local report PDFs and load them into the warehouse",
        description="Extract Ofsted report PDFs (files or folders of *.pdf) on all cores and load them into "
        "the DuckDB warehouse (OFSTED_DB, default ./data/ofsted.duckdb), batch by batch. "
        "Works offline: the quickest way to a warehouse. Files are hashed first: one already loaded by this "
        "parser version is not read again, so running it again is quick and changes nothing unless a file or "
        "the parser changed (`ofsted reparse` re-reads what is loaded without the files' folder). Every file "
        "gets a row in `reports`, read or not: a file that is not a report this version can read (an HTML page "
        "saved as .pdf, a scan without text, a family no parser reads yet) is kept with its status and the "
        "reason, listed at the end and in the `failures` table, and does not make the command fail (--strict "
        "to make it). On a terminal a bar shows each file as it is read. Analysts can keep querying the "
        "warehouse while it runs. "
        "Runs as a Prefect flow when PREFECT_API_URL names a Prefect server (the run shows there); otherwise the "
        "same steps run without Prefect, since a temporary server would record the run where nobody looks "
        "(the warehouse's `runs` table has it either way).",
        epilog=with_exit_codes('Then: ofsted sql "SELECT * FROM v_latest_judgements WHERE area = '
                               '\'overall_effectiveness\'"; what each field means: docs/extraction.md and '
                               'docs/warehouse.md',
                               "some files could not be opened at all (listed, and in `failures`), or with --strict, "
                               "some files were not read as reports; the rest are loaded"),
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="PDF files or folders to search for *.pdf")
    add_db_option(parser)
    parser.add_argument(
        "--workers", type=int, default=default_workers(), help="processes to extract with (default: all cores)"
    )
    parser.add_argument(
        "--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help="files per atomic write (default: %(default)s)"
    )
    parser.add_argument(
        "--strict", action="store_true",
        help="exit 1 when any file was not read as a report (by default such files are loaded with their status "
        "and reason, and the command exits 0)",
    )
    prefect = parser.add_mutually_exclusive_group()
    prefect.add_argument(
        "--with-prefect",
        action="store_true",
        help="run as a Prefect flow even without PREFECT_API_URL: on a temporary Prefect server (10-20 s to start; "
        "stopped with the command, even if it is killed)",
    )
    prefect.add_argument(
        "--without-prefect",
        action="store_true",
        help="run the same steps without Prefect even when PREFECT_API_URL is set (the run is not recorded there)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from extract.web.config import ConfigError
    from flows.cli import UserError
    from flows.ingest import ingest, ingest_flow
    from warehouse.exceptions import WarehouseError

    files = expand_paths(args.paths)
    missing = [str(p) for p in files if not p.exists()]
    if missing:
        raise UserError(f"no such file: {', '.join(missing)}")
    if not files:
        raise UserError(f"no *.pdf files under {', '.join(args.paths)}")
    batch_size = args.batch_size
    if batch_size < 1 or args.workers < 1:
        raise UserError("--batch-size and --workers must be at least 1")
    db = (args.db or db_path()).absolute()
    print(f"ingesting {len(files)} files into {db}", file=sys.stderr)
    try:
        with progress.on_terminal(sys.stderr):
            if uses_prefect(args):
                from flows.prefect_server import prefect_api
                from flows.prefect_settings import apply_defaults

                apply_defaults()
                with prefect_api():
                    summary = ingest_flow(files, db, args.workers, batch_size, print_progress)
            else:
                summary = ingest(files, db, workers=args.workers, batch_size=batch_size, on_batch=print_progress)
    except (WarehouseError, ConfigError) as exc:
        raise UserError(str(exc)) from None
    for line in summary.not_read[:MAX_FAILURES_LISTED]:
        print(f"not read: {line}", file=sys.stderr)
    if summary.failures > MAX_FAILURES_LISTED:
        print(
            f"... and {summary.failures - MAX_FAILURES_LISTED} more: "
            'ofsted sql "SELECT target, error FROM failures WHERE resolved_at IS NULL"',
            file=sys.stderr,
        )
    print(files_line(summary))
    print(warehouse_line(summary, db))
    return exit_code(summary, args.strict)


def files_line(summary) -> str:
    """What happened to the files: each one is counted once."""
    where = "listed above" if summary.failures <= MAX_FAILURES_LISTED else "see above"
    not_read = f"{summary.failures} not read as reports ({where})" if summary.failures else ""
    again = summary.skipped - summary.skipped_unread
    parts = []
    if summary.read or summary.files > summary.skipped:  # something was read this time, or tried
        parts.append(f"{summary.read} read")
    if again:
        parts.append(f"{again} already loaded by this parser (not read again)")
    return f"{summary.files} files: " + "; ".join(part for part in (", ".join(parts), not_read) if part)


def warehouse_line(summary, db) -> str:
    """What happened to the warehouse's rows: one per file that could be opened."""
    kept = ""
    if summary.kept_newer:
        kept = f", {summary.kept_newer} kept as they were (a newer parser's reading is loaded)"
    return (
        f"warehouse {db}: {summary.inserted} reports added, {summary.replaced} updated, {summary.unchanged} "
        f"unchanged{kept} ({summary.seconds:.1f} s, run {summary.run_id})"
    )


def exit_code(summary, strict: bool) -> int:
    """0 when every file has its row, read or not (a file that is not a readable report is an answer, not an
    error); 1 when a file could not be opened at all, or, with --strict, when any file was not read."""
    if summary.unloaded or (strict and summary.failures):
        return EXIT_PARTIAL
    return EXIT_DONE


def uses_prefect(args: argparse.Namespace) -> bool:
    """A Prefect flow where a Prefect server will show the run; plain steps where it would add nothing."""
    return args.with_prefect or (bool(os.environ.get("PREFECT_API_URL")) and not args.without_prefect)


def print_progress(summary, batches: int) -> None:
    rate = summary.files / summary.seconds if summary.seconds else 0.0
    print(
        f"batch {summary.batches}/{batches}: {summary.files} files, {summary.read} read, "
        f"{summary.inserted + summary.replaced} loaded, {rate:.1f} files/s",
        file=sys.stderr,
        flush=True,
    )
