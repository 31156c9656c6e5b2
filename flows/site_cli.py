"""What the site commands (nightly, refresh, backfill, serve) share: running a flow from the command line, with
no Prefect server configured (a temporary one that dies with the command, flows/prefect_server.py) or with
PREFECT_API_URL, and turning what the user can fix into one clean message."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from contextlib import nullcontext
from datetime import date

from extract.web.config import ConfigError
from extract.web.exceptions import DownloadError
from extract.web.site import DEFAULT_PROVIDER_TYPES, PROVIDER_TYPES

TYPES_HELP = (
    f"provider types to follow: {', '.join(PROVIDER_TYPES)} (default: {' '.join(DEFAULT_PROVIDER_TYPES)}, every "
    "report label: inspections, focused and monitoring visits, JTAI, area SEND)"
)


def add_types_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--types", nargs="+", metavar="TYPE", default=list(DEFAULT_PROVIDER_TYPES),
                        choices=list(PROVIDER_TYPES), help=TYPES_HELP)


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2019-04-01") from None


def run_flow(make_flow: Callable[[], Callable], progress_bar: bool = False, **parameters):
    """Import and run a site flow; errors the user can act on become flows.cli.UserError."""
    from flows.cli import UserError
    from flows.prefect_settings import apply_defaults

    apply_defaults()  # before Prefect is imported
    from flows.prefect_server import prefect_api
    from flows.settings import Settings

    try:
        Settings.from_env()  # a bad setting is named before any server starts
        with prefect_api():
            return run_on_prefect(make_flow, progress_bar, parameters)
    except ConfigError as exc:
        raise UserError(str(exc)) from None


def run_on_prefect(make_flow: Callable[[], Callable], progress_bar: bool, parameters: dict) -> int:
    from flows.cli import UserError
    from flows import progress
    from flows.backfill import DateRangeInvalid
    from flows.refresh import RefreshRequestInvalid
    from warehouse.exceptions import WarehouseError

    try:
        flow_object = make_flow()
        with progress.showing(progress.TextBar()) if progress_bar else nullcontext():
            summary = flow_object(**parameters)
    except (ConfigError, DownloadError, RefreshRequestInvalid, DateRangeInvalid, WarehouseError) as exc:
        raise UserError(str(exc)) from None
    print(summary.line())
    for problem in summary.problems:
        print(f"failed ({problem.stage}): {problem.error}", file=sys.stderr)
    return 1 if summary.problems else 0
