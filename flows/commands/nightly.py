"""`ofsted nightly`: load what Ofsted published since the last good nightly run."""

from __future__ import annotations

import argparse

from flows.commands import add_db_option, with_exit_codes
from flows.site_cli import SITE_PARTIAL, add_types_option, run_flow


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "nightly",
        help="fetch and load what Ofsted published since the last good nightly run",
        description="Walk the Ofsted site's search listing (OFSTED_REPORTS_URL) for providers with reports "
        "published since the last nightly run that finished (all of them on a first run), download the report "
        "files the warehouse lacks into the raw store (OFSTED_HOME/raw), extract them on all cores and load them "
        "into the warehouse (OFSTED_DB), as a Prefect flow. Whatever failed last time is tried again. Records a "
        "row in `runs`, failures in `failures`, and a summary artifact in Prefect. The site is checked first: "
        "when it does not answer within OFSTED_CHECK_TIMEOUT seconds the run stops at once, before Prefect starts.",
        epilog=with_exit_codes("Scheduled every night by `ofsted serve`. Politeness: OFSTED_REQUESTS_PER_SECOND "
                               "(default 2).", SITE_PARTIAL),
    )
    add_types_option(parser)
    add_db_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    def make_flow():
        from flows.nightly import nightly

        return nightly

    return run_flow(make_flow, db=args.db, types=args.types)
