"""The `ofsted` command line: a thin shell over the library; each subcommand lives in flows/commands/."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from flows.commands import (
    EXIT_COULD_NOT_RUN,
    EXIT_INTERRUPTED,
    EXIT_OUTPUT_CLOSED,
    ParagraphHelpFormatter,
    exit_codes_help,
)

COMMAND_MODULES = (
    "flows.commands.extract",
    "flows.commands.ingest",
    "flows.commands.reparse",
    "flows.commands.sql",
    "flows.commands.search",
    "flows.commands.reindex",
    "flows.commands.export",
    "flows.commands.report",
    "flows.commands.chart",
    "flows.commands.nightly",
    "flows.commands.refresh",
    "flows.commands.backfill",
    "flows.commands.serve",
)

EPILOG = """\
Configuration (environment variables):
  OFSTED_HOME         data folder, raw PDFs under OFSTED_HOME/raw (default ./data)
  OFSTED_DB           DuckDB warehouse file (default OFSTED_HOME/ofsted.duckdb)
  OFSTED_REPORTS_URL  reports site (default https://reports.ofsted.gov.uk)
  OFSTED_FILES_URL    files host (default https://files.ofsted.gov.uk)
  OFSTED_REQUESTS_PER_SECOND  global rate limit for the site (default 2); also OFSTED_ATTEMPTS,
                      OFSTED_BACKOFF_SECONDS, OFSTED_CONNECT_TIMEOUT, OFSTED_READ_TIMEOUT,
                      OFSTED_MAX_PDF_BYTES, OFSTED_DOWNLOAD_THREADS, OFSTED_CONTACT (added to the User-Agent),
                      OFSTED_CHECK_TIMEOUT (seconds the site has to answer before a run starts; default 5)
  OFSTED_TASK_RUNNER  where site flows extract: local (all cores, default) or dask (OFSTED_DASK_ADDRESS)
  PREFECT_API_URL     a Prefect server; unset, site flows run on a temporary one that stops with the command
                      (even when it is killed) and ingest runs without Prefect

Documentation (in the project's docs/ folder):
  docs/guide.md       an analyst's guide: the questions people ask, each answered in SQL
  docs/warehouse.md   the reference: every table, view and column
  docs/extraction.md  what `ofsted extract --json` gives: fields, statuses, kinds, frameworks, areas, grades
  docs/operations.md  ingest, nightly, refresh, backfill, serve, Dask, reparse

"""


class UserError(Exception):
    """An error the user can fix; printed as one line without a traceback."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ofsted",
        description="Ofsted inspection reports -> a DuckDB warehouse for trend analysis.",
        epilog=EPILOG + exit_codes_help("some files or reports were not read (each command's --help says which)"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    for command in subparsers.choices.values():
        if command.formatter_class is argparse.HelpFormatter:  # the exit codes stay a paragraph of their own
            command.formatter_class = ParagraphHelpFormatter
    return parser


def main(argv: list[str] | None = None) -> int:
    printable_output()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UserError as exc:
        print(f"ofsted {args.command}: {exc}", file=sys.stderr)
        return EXIT_COULD_NOT_RUN
    except KeyboardInterrupt:
        print(f"ofsted {args.command}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        quiet_closed_output()
        return EXIT_OUTPUT_CLOSED


def printable_output() -> None:
    """Text that cannot be encoded (a file name that is not UTF-8, in an error) prints escaped, never raises."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def quiet_closed_output() -> None:
    """The reader of stdout went away (`ofsted extract ... | head`): send what is still buffered nowhere, so
    Python's flush at exit does not print a second BrokenPipeError."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a real file (captured in tests)
        pass


if __name__ == "__main__":
    # Under `python -m flows.cli` this file is __main__; run the package's copy so the UserError the commands
    # import (flows.cli.UserError) is the one main() catches.
    from flows.cli import main as package_main

    sys.exit(package_main())
