"""`ofsted extract PATH... [--json]`: read report PDFs and print what they say; loads nothing."""

from __future__ import annotations

import argparse
import sys

from extract.batch import default_workers, expand_paths, extract_paths
from extract.records import Report
from flows.commands import with_exit_codes


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="read report PDFs and print their judgements (no warehouse needed)",
        description="Read Ofsted report PDFs (files or folders of *.pdf) and print kind, dates, lead inspector "
        "and every judgement. With --json, print one JSON object per file (JSON Lines): docs/extraction.md "
        "describes every field, status, kind, framework, area, grade and quotation reason.",
        epilog=with_exit_codes(None, "some files were not read (each gets a status and an error)"),
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="PDF files or folders to search for *.pdf")
    parser.add_argument("--json", action="store_true", help="print JSON Lines instead of a table")
    parser.add_argument(
        "--workers", type=int, default=default_workers(), help="processes to extract with (default: all cores)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from flows.cli import UserError

    files = expand_paths(args.paths)
    missing = [str(p) for p in files if not p.exists()]
    if missing:
        raise UserError(f"no such file: {', '.join(missing)}")
    if not files:
        raise UserError(f"no *.pdf files under {', '.join(args.paths)}")
    failures = 0
    for report in extract_paths(files, workers=args.workers):
        failures += not report.ok
        print(report.to_json() if args.json else report_to_line(report), flush=True)
    if not args.json:
        print(f"{len(files) - failures} of {len(files)} files read", file=sys.stderr)
    return 1 if failures else 0


def report_to_line(report: Report) -> str:
    if not report.ok:
        return f"{report.path}\t{report.status.value}\t{report.error}"
    grades = ", ".join(f"{j.area}={j.grade}" for j in report.judgements) or (report.outcome or "ungraded")
    dates = f"{report.inspection_start or '?'}..{report.inspection_end or '?'}"
    return (
        f"{report.path}\t{report.kind}/{report.framework}\t{report.provider}\t{dates}\t"
        f"{report.lead_inspector or '-'}\t{grades}"
    )
