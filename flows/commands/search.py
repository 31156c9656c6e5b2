"""`ofsted search "WORDS"`: every sentence of every report that says WORDS, with where to read it."""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
from datetime import date
from itertools import groupby

from flows.commands import add_db_option, with_exit_codes
from flows.commands.sql import write_csv, write_json
from warehouse.config import db_path
from warehouse.search import DEFAULT_LIMIT, FoundPassage

EXIT_FOUND, EXIT_NOTHING_FOUND = 0, 1  # 2, could not run, is flows.cli's for every command
YEAR = re.compile(r"\d{4}")
# Columns of --json and --csv, in order: the passage, its report's context, and where to read the report.
FIELDS = tuple(field.name for field in dataclasses.fields(FoundPassage))

DESCRIPTION = """\
Print every sentence of the reports in the warehouse (OFSTED_DB, default ./data/ofsted.duckdb) that contains
WORDS, newest inspection first, each with its authority, the inspection's last day, the section it sits under,
its paragraph number and page, and where to read the whole report: its Ofsted file URL, or "local file" and the
path for reports loaded from disk. Reads the warehouse read-only, so a running load never blocks it.

WORDS are one phrase, matched in any case from the start of a word: "neglect" finds neglect, neglected and
neglectful; "drift and delay" finds that phrase. Boilerplate (copyright, addresses, what the grades mean,
running headers and footers, contents) is not searched. The words are looked up in the warehouse's word index,
so a search takes under a second at 100,000 reports unless every word is among the commonest ("children in
care"). In SQL the same search is SELECT * FROM search_passages('neglect'), which reads every sentence
(docs/warehouse.md).

--grade filters on the report's overall effectiveness grade. Reports without one never match it: focused and
monitoring visits, JTAI, area SEND, and full inspections under the 2026 framework (ILACS 2026 grades no overall
effectiveness); search those with --kind and without --grade.
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search",
        help="find the sentences of every report that say WORDS",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=with_exit_codes('Examples:\n  ofsted search neglect --grade inadequate\n'
                               '  ofsted search "drift and delay" --kind la-inspection --since 2020 --csv > drift.csv\n'
                               '  ofsted search "care leavers" --provider Leeds --json',
                               "nothing matched (as grep)"),
    )
    parser.add_argument("words", metavar="WORDS", help="the phrase to find (quote it for the shell)")
    parser.add_argument(
        "--grade", metavar="GRADE",
        help="only reports with this overall effectiveness grade: outstanding, good, requires_improvement, "
        "inadequate (older scales: adequate, satisfactory, ...)",
    )
    parser.add_argument(
        "--kind", metavar="KIND",
        help="only this kind of report: la-inspection, focused-visit, monitoring-visit, jtai, area-send, "
        "school-inspection, ...",
    )
    parser.add_argument(
        "--since", metavar="YEAR|DATE", help="only inspections that ended in or after YEAR, or on or after DATE "
        "(YYYY-MM-DD)",
    )
    parser.add_argument("--provider", metavar="X", help="only this provider: its URN, or part of its name (any case)")
    parser.add_argument(
        "--limit", type=int, default=DEFAULT_LIMIT, metavar="N",
        help="print at most N sentences, newest first (default %(default)s); the total is always reported",
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="one JSON object per sentence, one per line")
    output.add_argument("--csv", action="store_true", help="CSV with a header row")
    add_db_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from flows.cli import UserError
    from warehouse.exceptions import WarehouseError
    from warehouse.search import SearchFilters, holds_passages, report_kinds, search_passages
    from warehouse.snapshot import reading

    words = " ".join(args.words.split())
    if not words:
        raise UserError("WORDS is empty: give the words to search for, e.g. ofsted search neglect")
    if args.limit < 1:
        raise UserError(f"--limit must be at least 1 (got {args.limit})")
    filters = SearchFilters(
        grade=grade_option(args.grade), kind=args.kind, since=since_option(args.since), provider=args.provider,
        limit=args.limit,
    )
    try:
        with reading(args.db or db_path()) as con:
            if filters.kind is not None and filters.kind not in (kinds := report_kinds(con)):
                raise UserError(f"no reports of kind {filters.kind!r} in the warehouse; it holds {', '.join(kinds)}")
            found = search_passages(con, words, filters)
            empty = not found.passages and not holds_passages(con)
    except WarehouseError as exc:
        raise UserError(str(exc)) from None
    if not found.passages:
        why = (": the warehouse holds no sentences yet (its reports were read by a parser that does not store "
               "them; load them again with one that does)") if empty else ""
        print(f"nothing matches {words!r}{described(args)}{why}", file=sys.stderr)
        return EXIT_NOTHING_FOUND
    rows = [dataclasses.astuple(p) for p in found.passages]
    if args.json:
        write_json(list(FIELDS), rows, sys.stdout)
    elif args.csv:
        write_csv(list(FIELDS), rows, sys.stdout)
    else:
        write_text(found.passages, sys.stdout)
    shown = len(found.passages)
    more = f"; the newest {shown} shown (--limit for more)" if found.matches > shown else ""
    counted = "1 sentence matches" if found.matches == 1 else f"{found.matches} sentences match"
    print(f"{counted} {words!r}{described(args)}{more}", file=sys.stderr)
    return EXIT_FOUND


def grade_option(value: str | None) -> str | None:
    from flows.cli import UserError
    from transform.grades import GRADE_SCORES

    if value is None:
        return None
    grade = "_".join(value.lower().replace("-", " ").split())
    if grade not in GRADE_SCORES:
        raise UserError(f"--grade {value!r} is not a grade; use one of {', '.join(GRADE_SCORES)}")
    return grade


def since_option(value: str | None) -> date | None:
    from flows.cli import UserError

    if value is None:
        return None
    try:
        return date(int(value), 1, 1) if YEAR.fullmatch(value) else date.fromisoformat(value)
    except ValueError:
        raise UserError(f"--since {value!r} is neither a year (2020) nor a date (2020-09-01)") from None


def described(args: argparse.Namespace) -> str:
    """The options given, as the user typed them, for the closing line."""
    given = [f"--{name} {getattr(args, name)}" for name in ("grade", "kind", "since", "provider")
             if getattr(args, name) is not None]
    return f" with {' '.join(given)}" if given else ""


def write_text(passages, out) -> None:
    """One heading per report (authority, date, kind, grade, where to read it), then its sentences."""
    for _, group in groupby(passages, key=lambda p: p.report_id):
        group = list(group)
        first = group[0]
        grade = f", overall {first.overall_grade}" if first.overall_grade else ""
        out.write(f"{first.provider_name or 'Unknown provider'}, {first.inspection_end or 'undated'} "
                  f"({first.kind}{grade})\n")
        out.write(f"  {first.source_url or f'local file {first.path}'}\n")
        for passage in group:
            out.write(f"  {where(passage)}: {passage.text}\n")
        out.write("\n")


def where(passage) -> str:
    parts = [passage.section or "no heading"]
    if passage.paragraph is not None:
        parts.append(f"paragraph {passage.paragraph}")
    parts.append(f"page {passage.page}")
    return ", ".join(parts)
