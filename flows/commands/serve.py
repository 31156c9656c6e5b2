"""`ofsted serve`: serve the nightly schedule and the manual refresh until stopped."""

from __future__ import annotations

import argparse
import os
import textwrap

from flows.settings import NIGHTLY_CRON, NIGHTLY_TIMEZONE
from flows.commands import HELP_WIDTH, with_exit_codes
from flows.site_cli import add_types_option


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="run the nightly flow on a schedule and serve manual refreshes (needs a Prefect server)",
        description=textwrap.fill("Serve four Prefect deployments from this process until stopped (Ctrl-C): "
        "'nightly/nightly-served' on a cron schedule (default every day at 02:00 Europe/London), "
        "'nightly/weekly-sweep-served' (every provider page, Sundays at 03:00), and 'refresh/manual-served' and "
        "'backfill/manual-served' to run by hand. Schedules need a Prefect server: start one with `prefect server "
        "start` and set PREFECT_API_URL (e.g. http://127.0.0.1:4200/api). The flows run in this process, with its "
        "settings (OFSTED_HOME, OFSTED_DB, ...; checked before serving) and relative to its folder. Teams with a "
        "work pool deploy prefect.yaml instead (`prefect deploy --all`: the same deployments without '-served'); "
        "the two can share a Prefect server, and stopping serve pauses only its own schedules. "
        "docs/operations-prefect.md compares them.", HELP_WIDTH),
        epilog=with_exit_codes("Then, from another terminal:\n"
                               "  prefect deployment run 'refresh/manual-served' -p urn=80481\n"
                               "  prefect deployment run 'backfill/manual-served' -p since=2019-01-01"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--cron", default=NIGHTLY_CRON, help="nightly schedule (default: %(default)r)")
    parser.add_argument("--timezone", default=NIGHTLY_TIMEZONE, help="the schedule's time zone (default: %(default)s)")
    add_types_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from flows.cli import UserError

    if not os.environ.get("PREFECT_API_URL"):
        raise UserError(
            "schedules need a Prefect server: start one with `prefect server start`, then set "
            "PREFECT_API_URL=http://127.0.0.1:4200/api and run `ofsted serve` again"
        )
    from extract.web.config import ConfigError
    from flows.prefect_settings import apply_defaults
    from flows.settings import Settings

    try:  # a bad setting is said now, not at 02:00 in a failed run
        Settings.from_env()
    except ConfigError as exc:
        raise UserError(str(exc)) from None
    apply_defaults()
    from flows.deployments import serve_forever

    serve_forever(args.cron, args.timezone, args.types)
    return 0
