"""`ofsted search QUERY`: every sentence of every report that says it, with where to read it."""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
from datetime import date
from itertools import groupby

from flows.commands import add_db_option, with_exit_codes
from warehouse.config import db_path
from warehouse.search import DEFAULT_LIMIT, MARK, SORTS, FoundPassage

EXIT_FOUND, EXIT_NOTHING_FOUND = 0, 1  # 2, could not run, is flows.cli's for every command
YEAR = re.compile(r"\d{4}")
# Columns of --json and --csv, in order: the provider and its codes, the report, the sentence, where to read it.
FIELDS = tuple(field.name for field in dataclasses.fields(FoundPassage))
BOLD, PLAIN = "\033[1m", "\033[0m"

DESCRIPTION = """\
Print every sentence of the reports in the warehouse (OFSTED_DB, default ./data/ofsted.duckdb) that says QUERY,
newest inspection first, each with its authority and codes, the inspection's last day, the section it sits
under, its paragraph number and page, and where to read the whole report: its Ofsted file URL, or "local file"
and the path for reports loaded from disk. Boilerplate (copyright, addresses, what the grades mean, running
headers and footers, contents) is not searched.

QUERY, in short (docs/search.md has it all):
  drift and delay              words side by side are one phrase, in any case
  "drift and delay"            so are words in quotes
  neglect                      a whole word: not neglected, not neglectful
  neglect*                     a word that starts so: neglect, neglected, neglectful
  neglect AND "domestic abuse" both; also OR, NOT (in capitals) and ( )
  children's homes             apostrophes, quotes, dashes and hyphens match however typed

A search is served by the search index beside the warehouse (the folder OFSTED_DB.search), which every load
keeps up to date and `ofsted reindex` rebuilds; a search first adds any reports the index lacks. It reads the
warehouse read-only: a running load never blocks it. In SQL, SELECT * FROM search_passages('drift and delay')
finds the same sentences for a phrase by reading every one (docs/warehouse.md).

--grade filters on the report's overall effectiveness grade. Reports without one never match it: focused and
monitoring visits, JTAI, area SEND, and full inspections under the 2026 framework (ILACS 2026 grades no overall
effectiveness); search those with --kind and without --grade.

--csv and --json write every matching sentence; --limit is for the text shown on a terminal. For words so
common that counting every match would cost more than finding the page, the text output stops counting past
10,000 ("more than 10,000"); the files count them all.
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search",
        help="find the sentences of every report that say QUERY",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=with_exit_codes('Examples:\n  ofsted search neglect --grade inadequate\n'
                               '  ofsted search "drift and delay" --kind la-inspection --since 2020 --csv > drift.csv\n'
                               "  ofsted search 'neglect AND \"domestic abuse\"' --region \"North West\" --json\n"
                               '  ofsted search "care leavers" --provider Leeds --sort relevance',
                               "nothing matched (as grep)"),
    )
    parser.add_argument("words", nargs="+", metavar="QUERY", help="the words to find (quote them for the shell)")
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
    parser.add_argument("--region", metavar="REGION", help='only providers in this region, e.g. "North West"')
    parser.add_argument("--la-code", metavar="CODE", help="only the provider with this DfE local authority code, "
                        "e.g. 383 for Leeds")
    parser.add_argument(
        "--sort", choices=SORTS, default="newest",
        help="newest inspection first (default), or the most relevant first (BM25: rarer words, shorter sentences)",
    )
    parser.add_argument(
        "--limit", type=int, metavar="N",
        help=f"print at most N sentences as text (default {DEFAULT_LIMIT}); the total is always reported",
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="every matching sentence as JSON, one object a line")
    output.add_argument("--csv", action="store_true", help="every matching sentence as CSV with a header row")
    add_db_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from flows.cli import UserError
    from flows.commands.sql import write_csv, write_json
    from warehouse.exceptions import WarehouseError
    from warehouse.search import SearchFilters, holds_passages, ready_engine, report_kinds, search_passages
    from warehouse.snapshot import reading

    words = " ".join(" ".join(args.words).split())
    if not words:
        raise UserError("QUERY is empty: give the words to search for, e.g. ofsted search neglect")
    to_file = args.json or args.csv
    if args.limit is not None and args.limit < 1:
        raise UserError(f"--limit must be at least 1 (got {args.limit})")
    if args.limit is not None and to_file:
        raise UserError("--limit is for text on a terminal: --csv and --json write every matching sentence "
                        "(pipe them into head for fewer)")
    filters = SearchFilters(
        grade=grade_option(args.grade), kind=args.kind, since=since_option(args.since), provider=args.provider,
        region=args.region, la_code=args.la_code,
    )
    db = args.db or db_path()
    try:
        with reading(db) as con:
            if filters.kind is not None and filters.kind not in (kinds := report_kinds(con)):
                raise UserError(f"no reports of kind {filters.kind!r} in the warehouse; it holds {', '.join(kinds)}")
            engine = ready_engine(db, con, progress=Progress() if sys.stderr.isatty() else None)
            found = search_passages(con, words, filters, engine=engine,
                                    limit=None if to_file else args.limit or DEFAULT_LIMIT, sort=args.sort)
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
        write_text(found.passages, sys.stdout, highlight=sys.stdout.isatty())
    print(closing_line(found, words, args), file=sys.stderr)
    return EXIT_FOUND


class Progress:
    """The index's catch-up before a search, on a terminal: how many reports it has added so far."""

    def __call__(self, done: int, todo: int) -> None:
        end = "\n" if done >= todo else ""
        print(f"\radding reports to the search index: {done:,} of {todo:,}", end=end, file=sys.stderr, flush=True)


def closing_line(found, words: str, args: argparse.Namespace) -> str:
    total = f"more than {found.matches:,}" if found.more else f"{found.matches:,}"
    counted = "1 sentence matches" if found.matches == 1 and not found.more else f"{total} sentences match"
    shown = len(found.passages)
    order = "most relevant" if args.sort == "relevance" else "newest"
    more = (f"; the {order} {shown} shown (--limit for more, --csv or --json for all)"
            if (found.matches > shown or found.more) and not (args.json or args.csv) else "")
    notes = []
    if found.lagging_reports:
        notes.append(f"{found.lagging_reports:,} reports the search index does not hold yet were read sentence by "
                     "sentence (a load is adding them)")
    if not found.indexed:
        notes.append("no search index could be written beside the warehouse, so every sentence was read")
    return f"{counted} {words!r}{described(args)}{more}" + "".join(f"\n  ({note})" for note in notes)


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
    given = [f"--{name.replace('_', '-')} {getattr(args, name)}"
             for name in ("grade", "kind", "since", "provider", "region", "la_code") if getattr(args, name) is not None]
    return f" with {' '.join(given)}" if given else ""


def write_text(passages, out, highlight: bool) -> None:
    """One heading per report (authority and codes, date, kind, grade, where to read it), then its sentences:
    on a terminal each as its snippet with the match in bold, otherwise as printed in the report."""
    for _, group in groupby(passages, key=lambda p: p.report_id):
        group = list(group)
        first = group[0]
        grade = f", overall {first.overall_grade}" if first.overall_grade else ""
        out.write(f"{first.provider_name or 'Unknown provider'}{codes(first)}, {first.inspection_end or 'undated'} "
                  f"({first.kind}{grade})\n")
        out.write(f"  {first.source_url or f'local file {first.path}'}\n")
        for passage in group:
            out.write(f"  {where(passage)}: {bold(passage.snippet) if highlight else passage.text}\n")
        out.write("\n")


def codes(passage) -> str:
    known = [f"LA {passage.la_code}" if passage.la_code else None, passage.ons_code]
    known = [code for code in known if code]
    return f" [{', '.join(known)}]" if known else ""


def bold(snippet: str) -> str:
    """The snippet's marked matches in bold (the marks come in pairs: open, close)."""
    pieces = snippet.split(MARK)
    return "".join(piece if n % 2 == 0 else f"{BOLD}{piece}{PLAIN}" for n, piece in enumerate(pieces))


def where(passage) -> str:
    parts = [passage.section or "no heading"]
    if passage.paragraph is not None:
        parts.append(f"paragraph {passage.paragraph}")
    parts.append(f"page {passage.page}")
    return ", ".join(parts)
