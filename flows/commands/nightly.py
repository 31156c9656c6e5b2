"""`ofsted nightly`: load what Ofsted published since the last good nightly run."""

from __future__ import annotations

import argparse

from flows.commands import add_db_option, with_exit_codes
from flows.site_cli import SITE_PARTIAL, add_types_option, run_flow


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "nightly",
        help="fetch and load what Ofsted published since the last good nightly run",
        description="Ask the Ofsted site's search listing (OFSTED_REPORTS_URL) for providers whose latest report "
        "was published since the last nightly run that finished (less two days; every provider on a first run), "
        "newest first, and stop paging when dates fall behind. On each of their pages, every report the warehouse "
        "lacks is downloaded into the raw store (OFSTED_HOME/raw), whatever its date, extracted on all cores and "
        "loaded into the warehouse (OFSTED_DB), as a Prefect flow. Whatever failed last time is tried again; a "
        "file the site answers with its 'Report not found' page on 3 runs is recorded as a permanent failure "
        "(failures.gave_up_at) and no longer asked for. Records a row in `runs`, failures in `failures`, and a "
        "summary artifact in Prefect, where a run with failures ends Failed and each new report is announced as "
        "an `ofsted.report.loaded` event (docs/operations-prefect.md). The site is checked first: when it does not answer within "
        "OFSTED_CHECK_TIMEOUT seconds the run stops at once, before Prefect starts.",
        epilog=with_exit_codes("Scheduled every night by `ofsted serve`, with a weekly --full sweep. Politeness: "
                               "OFSTED_REQUESTS_PER_SECOND (default 2).", SITE_PARTIAL),
    )
    add_types_option(parser)
    add_db_option(parser)
    parser.add_argument("--full", action="store_true",
                        help="visit every provider page of the types, not only those with new reports: loads "
                        "reports the site added late with older dates (the weekly sweep does this)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    def make_flow():
        from flows.nightly import nightly

        return nightly

    return run_flow(make_flow, db=args.db, types=args.types, full=args.full)
