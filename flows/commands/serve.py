"""`ofsted serve`: serve the nightly schedule and the manual refresh until stopped."""

from __future__ import annotations

import argparse
import os

from flows.settings import NIGHTLY_CRON, NIGHTLY_TIMEZONE
from flows.commands import with_exit_codes
from flows.site_cli import add_types_option


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="run the nightly flow on a schedule and serve manual refreshes (needs a Prefect server)",
        description="Serve four Prefect deployments from this process until stopped (Ctrl-C): 'nightly/nightly' "
        "on a cron schedule (default every day at 02:00 Europe/London), 'nightly/weekly-sweep' (every provider "
        "page, Sundays at 03:00), and 'refresh/manual' and "
        "'backfill/manual' to run by hand. Schedules need a Prefect server: start one with `prefect server "
        "start` and set PREFECT_API_URL (e.g. http://127.0.0.1:4200/api). Teams with a work pool deploy "
        "prefect.yaml instead (`prefect deploy --all`).",
        epilog=with_exit_codes("Then, from another terminal:\n"
                               "  prefect deployment run 'refresh/manual' -p urn=80481\n"
                               "  prefect deployment run 'backfill/manual' -p since=2019-01-01"),
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
    from flows.prefect_settings import apply_defaults

    apply_defaults()
    from flows.deployments import serve_forever

    serve_forever(args.cron, args.timezone, args.types)
    return 0
