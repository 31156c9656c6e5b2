"""What the site commands (nightly, refresh, backfill, serve) share: running a flow from the command line, with
no Prefect server configured (a temporary one that dies with the command, flows/prefect_server.py) or with
PREFECT_API_URL, and turning what the user can fix into one clean message."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from contextlib import nullcontext
from datetime import date
from pathlib import Path

from extract.web.config import ConfigError, SiteConfig
from extract.web.exceptions import DownloadError
from extract.web.provider_types import DEFAULT_PROVIDER_TYPES, PROVIDER_TYPE_GROUPS, PROVIDER_TYPES, types_help
from extract.web.reachability import check_reachable
from warehouse.config import db_path
from warehouse.exceptions import WarehouseError
from warehouse.snapshot import reading

SITE_PARTIAL = "some provider pages or reports were not fetched or read (listed, and retried by the next run)"
TYPES_HELP = (
    f"provider types to follow (default: {' '.join(DEFAULT_PROVIDER_TYPES)}): {types_help()}. Every report on "
    "their pages is followed: inspections, focused and monitoring visits, JTAI, area SEND, letters"
)


def add_types_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--types", nargs="+", metavar="TYPE", default=list(DEFAULT_PROVIDER_TYPES),
                        choices=[*PROVIDER_TYPES, *PROVIDER_TYPE_GROUPS], help=TYPES_HELP)


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2019-04-01") from None


def run_flow(make_flow: Callable[[], Callable], progress_bar: bool = False, db: Path | None = None, **parameters):
    """Import and run a site flow; errors the user can act on become flows.cli.UserError.

    The site is checked before Prefect starts (its temporary server alone takes 10 s or more), so an offline
    run says so in seconds. `db` (the command's --db) stands for OFSTED_DB, which the flow reads."""
    from flows.cli import UserError
    from flows.prefect_settings import apply_defaults

    if db is not None:
        os.environ["OFSTED_DB"] = str(db)
    try:
        check_before_starting()
    except (ConfigError, DownloadError, WarehouseError) as exc:
        raise UserError(str(exc)) from None
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
    from flows.outcome import summary_of_run
    from flows.refresh import RefreshRequestInvalid

    try:
        flow_object = make_flow()
        with progress.showing(progress.TextBar()) if progress_bar else nullcontext():
            summary = summary_of_run(flow_object, **parameters)  # failures: the run ends Failed in Prefect
    except (ConfigError, DownloadError, RefreshRequestInvalid, DateRangeInvalid, WarehouseError) as exc:
        raise UserError(str(exc)) from None
    print(summary.line())
    for problem in summary.problems:
        print(f"failed ({problem.stage}): {problem.error}", file=sys.stderr)
    return 1 if summary.problems else 0


def check_before_starting() -> None:
    """What would stop the run anyway, said before Prefect starts: the site does not answer, or the warehouse
    is locked by another program or is not a DuckDB file."""
    check_reachable(SiteConfig.from_env())
    if db_path().exists():
        with reading(db_path()):
            pass
