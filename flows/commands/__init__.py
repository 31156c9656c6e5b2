"""One module per `ofsted` subcommand; each exposes `register(subparsers)` and sets `func` on its parser.

`func(args) -> int` returns the process exit code (EXIT_* below; every --help says which apply). Library errors
are turned into one clean message by `flows.cli.main`.
"""

from __future__ import annotations

import argparse
import signal
import textwrap
from pathlib import Path

EXIT_DONE = 0
EXIT_PARTIAL = 1  # ran to the end, but some files or reports were not read (listed, and in `failures`)
EXIT_COULD_NOT_RUN = 2  # nothing was done: the one-line message says why and what to do
EXIT_INTERRUPTED = 128 + signal.SIGINT
EXIT_OUTPUT_CLOSED = 128 + signal.SIGPIPE  # the reader of the output went away (`| head`), as a shell reports it
HELP_WIDTH = 79


def exit_codes_help(partial: str | None = None) -> str:
    """The exit codes a command can end with, for its --help; `partial` says what exit code 1 means for it."""
    codes = [f"{EXIT_DONE} all done"]
    if partial:
        codes.append(f"{EXIT_PARTIAL} {partial}")
    codes += [
        f"{EXIT_COULD_NOT_RUN} could not run (one line on stderr says why)",
        f"{EXIT_INTERRUPTED} interrupted (Ctrl-C)",
        f"{EXIT_OUTPUT_CLOSED} its output was closed early (e.g. piped into head)",
    ]
    return "Exit codes: " + "; ".join(codes) + "."


def with_exit_codes(epilog: str | None, partial: str | None = None) -> str:
    """The epilog followed by the exit codes, as a paragraph of its own (wrapped here for raw formatters)."""
    codes = textwrap.fill(exit_codes_help(partial), HELP_WIDTH)
    return f"{epilog}\n\n{codes}" if epilog else codes


class ParagraphHelpFormatter(argparse.HelpFormatter):
    """argparse's default, except that blank lines in a description or epilog keep paragraphs apart."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n\n".join(super(ParagraphHelpFormatter, self)._fill_text(part, width, indent)
                             for part in text.split("\n\n"))


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, help="warehouse file (default: OFSTED_DB, else OFSTED_HOME/ofsted.duckdb)")
