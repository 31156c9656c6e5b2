"""`ofsted backfill [--since DATE] [--until DATE] [--types ...]`: years of history, resumable."""

from __future__ import annotations

import argparse

from flows.commands import add_db_option, with_exit_codes
from flows.site_cli import SITE_PARTIAL, add_types_option, iso_date, run_flow


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "backfill",
        help="fetch and load every report published in a date range (resumable, with a progress bar)",
        description="Load every report of the chosen provider types published between --since and --until "
        "(inclusive; default: all of history up to today), as a Prefect flow, with a progress bar on stderr. "
        "Resumable: reports already in the warehouse are skipped and files already downloaded are not fetched "
        "again, so run the same command again after an interruption. Extraction uses all cores; set "
        "OFSTED_TASK_RUNNER=dask (with pip install -e \".[dask]\", and OFSTED_DASK_ADDRESS for an existing "
        "cluster) to spread it over a Dask cluster.",
        epilog=with_exit_codes("Example: ofsted backfill --since 2019-01-01 --types la school", SITE_PARTIAL),
    )
    parser.add_argument("--since", type=iso_date, metavar="DATE", help="first publication date (YYYY-MM-DD)")
    parser.add_argument("--until", type=iso_date, metavar="DATE", help="last publication date (YYYY-MM-DD)")
    add_types_option(parser)
    add_db_option(parser)
    parser.add_argument("--batch-size", type=int, default=50, help="reports per atomic write (default: %(default)s)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from flows.cli import UserError

    from flows.backfill import DateRangeInvalid, window_of

    if args.batch_size < 1:
        raise UserError("--batch-size must be at least 1")
    try:
        window_of(args.since, args.until)  # refused here too, before Prefect starts
    except DateRangeInvalid as exc:
        raise UserError(str(exc)) from None

    def make_flow():
        from flows.backfill import backfill

        return backfill

    return run_flow(make_flow, progress_bar=not args.quiet, db=args.db, since=args.since, until=args.until,
                    types=args.types, batch_size=args.batch_size)
