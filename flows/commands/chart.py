"""`ofsted chart PROVIDER --png FILE`: one authority's judgement grid as an image, for slides."""

from __future__ import annotations

import argparse
from pathlib import Path

from flows.commands import add_db_option, with_exit_codes
from warehouse.config import db_path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "chart",
        help="draw one authority's judgements across inspections as a PNG image",
        description="Draw one local authority's timeline from the warehouse (OFSTED_DB): a grid with a row per "
        "judgement area and a column per report, each cell coloured by grade with the grade written in it, and "
        "visits that give no grades as grey columns. Prints the path of the image written.",
        epilog=with_exit_codes(None),
    )
    parser.add_argument("provider", metavar="PROVIDER", help="the authority's URN or name (any case; part of a "
                        "name works when only one authority matches)")
    parser.add_argument("--png", metavar="FILE", type=Path, required=True,
                        help="where to write the image: PNG, or JPEG, SVG or PDF when the name ends .jpg, .svg, .pdf")
    add_db_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from flows.cli import UserError
    from warehouse.report import build_chart
    from warehouse.exceptions import WarehouseError

    try:
        authority, path = build_chart(args.db or db_path(), args.provider, args.png)
    except WarehouseError as exc:
        raise UserError(str(exc)) from exc
    print(f"{path}\t{authority.provider_name} ({authority.urn})")
    return 0
