"""Search every sentence of every report: the query behind `ofsted search`.

    with reading(db) as con:
        engine = ready_engine(db, con)     # the search index, caught up with the warehouse where it can be
        found = search_passages(con, 'neglect AND "domestic abuse"', SearchFilters(grade="inadequate"),
                                engine=engine)
        found.matches, found.passages[0].snippet, found.passages[0].address

The query language is warehouse/search_query.py's (phrases, prefix*, AND, OR, NOT); docs/search.md says it
for users. The search index (warehouse/search_index.py) finds the matches and orders them; the warehouse gives
what is shown, read by report number. Reports the index does not hold yet (a load is adding them, or a process
died before it could) are searched by scanning their sentences, so results are always the warehouse's; with no
index at all (none could be written here) every sentence is scanned, as `search_passages` in SQL does.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from pathlib import Path

import duckdb
import pandas as pd

from warehouse.exceptions import SearchUnavailable
from warehouse.search_index import (
    Engine, EngineFilters, IndexUnavailable, Progress, analyze, catch_up, open_engine, order_key, read_sql,
    report_and_seq,
)
from warehouse.search_query import Node, highlighter, parse, sql_condition

LOG = logging.getLogger(__name__)
DEFAULT_LIMIT = 50
SORTS = ("newest", "relevance")
# A page's sentences are read one report at a time (a few ms each, reading only that report's rows); beyond this
# many reports, one pass over every passage is quicker (about a second at 100,000 reports).
JOIN_ABOVE_REPORTS = 200
# A snippet is the sentence, or for a long one this many characters around its first match.
SNIPPET_CHARS = 240
MARK = "**"  # around each match in a snippet


@dataclass(frozen=True)
class SearchFilters:
    grade: str | None = None  # overall effectiveness grade word; reports without one never match
    kind: str | None = None
    since: date | None = None  # inspections that ended on or after this day
    provider: str | None = None  # a URN, or part of the provider's name (any case)
    region: str | None = None  # the provider's region (any case)
    la_code: str | None = None  # the provider's DfE local authority code

    def by_provider(self) -> bool:
        return any(value is not None for value in (self.provider, self.region, self.la_code))


@dataclass(frozen=True)
class FoundPassage:
    provider_name: str | None
    urn: str | None
    la_code: str | None
    ons_code: str | None
    region: str | None
    kind: str | None
    framework: str | None
    inspection_end: date | None
    overall_grade: str | None
    section: str | None
    paragraph: int | None
    page: int | None
    text: str
    snippet: str  # the sentence (or the part around its first match) with each match between **
    address: str | None  # where to read the report: its Ofsted file URL, else the file it was loaded from
    source_url: str | None
    path: str | None
    report_id: str
    seq: int


@dataclass(frozen=True)
class SearchResult:
    passages: tuple[FoundPassage, ...]
    matches: int  # every passage that matched, beyond the limit too
    more: bool = False  # counting stopped at the cap: `matches` is a lower bound ("more than")
    lagging_reports: int = 0  # reports the index did not hold yet, searched by scanning
    indexed: bool = True  # False: there was no index, every sentence was read


def search_passages(
    con: duckdb.DuckDBPyConnection, words: str, filters: SearchFilters = SearchFilters(), *,
    engine: Engine | None = None, limit: int | None = DEFAULT_LIMIT, sort: str = "newest",
) -> SearchResult:
    """The passages that say `words`, newest inspection first (or by relevance), `limit` of them (None: all).

    Raises search_query.QuerySyntaxError for words that are not a query, SearchUnavailable for a warehouse
    without passages."""
    node = parse(words, analyze)
    with passages_needed():
        if engine is None:
            return scan(con, node, filters, after=0, limit=limit)
        return search_engine(con, engine, node, filters, limit, relevance=sort == "relevance")


@contextmanager
def passages_needed() -> Iterator[None]:
    """A warehouse written before passages (or report numbers) existed cannot be searched: say what to do."""
    try:
        yield
    except duckdb.CatalogException as exc:
        raise SearchUnavailable(
            f"this warehouse has no passages to search ({str(exc).splitlines()[0]}); it was written before "
            "sentences were stored: load the reports again (`ofsted ingest PATH...`) with this version"
        ) from None


def ready_engine(db: str | Path, con: duckdb.DuckDBPyConnection, progress: Progress | None = None) -> Engine | None:
    """The warehouse's search index, first brought up to date if this process may write it and no other is
    writing it (a search never waits for a load); None when there is none and none can be written here."""
    try:
        with passages_needed():
            catch_up(db, con, wait=False, progress=progress)
    except (IndexUnavailable, OSError, ValueError, RuntimeError) as exc:
        # A search goes on without adding to the index (a full disk, a damaged index): what the index lacks is
        # read from the warehouse.
        LOG.warning("the search index of %s was not brought up to date (%s); `ofsted reindex` rebuilds it", db, exc)
    return open_engine(db)


def search_engine(con: duckdb.DuckDBPyConnection, engine: Engine, node: Node, filters: SearchFilters,
                  limit: int | None, relevance: bool) -> SearchResult:
    engine_filters = resolve_filters(con, filters)
    if engine_filters is None:
        return SearchResult((), 0)
    lagging = [report_id for (report_id,) in
               con.execute(read_sql("lagging_reports"), {"held": engine.held.upto}).fetchall()]
    if lagging:
        engine_filters = dataclasses.replace(engine_filters, excluded_report_ids=frozenset(lagging))
    found = engine.find(node, engine_filters, limit, relevance)
    passages = shown(con, found.keys, node)
    if not lagging:
        return SearchResult(passages, found.matches, found.more)
    scanned, scanned_matches = scan_rows(con, node, filters, after=engine.held.upto, limit=None)
    if relevance:  # the scan ranks nothing: its matches follow the index's
        merged = list(passages) + [p for _, p in scanned]
    else:
        merged = [p for _, p in sorted([*zip(found.keys, passages), *scanned], key=lambda kp: kp[0], reverse=True)]
    return SearchResult(tuple(merged[:limit] if limit is not None else merged), found.matches + scanned_matches,
                        found.more, lagging_reports=len(lagging))


def resolve_filters(con: duckdb.DuckDBPyConnection, filters: SearchFilters) -> EngineFilters | None:
    """The options in the index's terms: a provider, region or LA code becomes the URNs (and URN-less reports)
    it keeps, read from the warehouse now, so a provider's later change of region is seen at once. None when
    they keep nothing."""
    urns = report_ids = None
    if filters.by_provider():
        rows = con.execute(read_sql("kept_providers"), {
            "provider": filters.provider, "region": filters.region, "la_code": filters.la_code}).fetchall()
        if not rows:
            return None
        urns = frozenset(urn for urn, _ in rows if urn is not None)
        report_ids = frozenset(report_id for _, report_id in rows if report_id is not None)
    return EngineFilters(grade=filters.grade, kind=filters.kind, since=filters.since, urns=urns,
                         report_ids=report_ids)


def shown(con: duckdb.DuckDBPyConnection, keys: list[int], node: Node) -> tuple[FoundPassage, ...]:
    """The found sentences, in the order of their keys, with their reports' context, read from the warehouse."""
    found = [report_and_seq(key) for key in keys]
    report_nos = sorted({report_no for report_no, _ in found})
    if not report_nos:
        return ()
    cursor = con.execute(with_report_context("context"), {"report_nos": report_nos})
    columns = [column[0] for column in cursor.description]
    context = {row[0]: dict(zip(columns[1:], row[1:])) for row in cursor.fetchall()}
    sentences = read_sentences(con, found, len(report_nos))
    mark = highlighter(node)
    return tuple(passage(context[report_no], sentences[report_no, seq], seq, mark) for report_no, seq in found)


def with_report_context(name: str) -> str:
    """A search query with report_context.sql read in at {report_context}: one list of the columns search shows."""
    return read_sql(name).replace("{report_context}", read_sql("report_context"))


def read_sentences(con: duckdb.DuckDBPyConnection, found: list[tuple[int, int]], reports: int) -> dict:
    """(section, paragraph, page, text) by (report_no, seq)."""
    sentences = {}
    if reports <= JOIN_ABOVE_REPORTS:
        query = read_sql("sentences")
        for report_no, group in groupby(sorted(found), key=lambda pair: pair[0]):
            seqs = [seq for _, seq in group]
            for seq, *sentence in con.execute(query, {"report_no": report_no, "seqs": seqs}).fetchall():
                sentences[report_no, seq] = tuple(sentence)
        return sentences
    keys = pd.DataFrame(found, columns=["report_no", "seq"]).rename_axis("position").reset_index()
    con.register("found_keys", keys)
    try:
        for _, report_no, seq, *sentence in con.execute(read_sql("found_sentences")).fetchall():
            sentences[report_no, seq] = tuple(sentence)
    finally:
        con.unregister("found_keys")
    return sentences


def passage(context: dict, sentence: tuple, seq: int, mark: re.Pattern | None) -> FoundPassage:
    section, paragraph, page, text = sentence
    return FoundPassage(
        provider_name=context["provider_name"], urn=context["urn"], la_code=context["la_code"],
        ons_code=context["ons_code"], region=context["region"], kind=context["kind"],
        framework=context["framework"], inspection_end=context["inspection_end"],
        overall_grade=context["overall_grade"], section=section, paragraph=paragraph, page=page, text=text,
        snippet=snippet(text, mark), address=context["address"], source_url=context["source_url"],
        path=context["path"], report_id=context["report_id"], seq=seq,
    )


def snippet(text: str, mark: re.Pattern | None) -> str:
    """The sentence with each match between MARKs; a long one cut to SNIPPET_CHARS around its first match."""
    matches = list(mark.finditer(text)) if mark else []
    start, end = 0, len(text)
    if len(text) > SNIPPET_CHARS:
        centre = matches[0].start() if matches else 0
        # The match a third of the way in: some of what leads to it, more of what it says.
        start = max(0, min(centre - SNIPPET_CHARS // 3, len(text) - SNIPPET_CHARS))
        start = text.rfind(" ", 0, start) + 1 if start else 0  # whole words
        end = text.find(" ", start + SNIPPET_CHARS)
        end = len(text) if end < 0 else end
    pieces, position = [], start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        pieces += [text[position:match.start()], MARK, match.group(), MARK]
        position = match.end()
    pieces.append(text[position:end])
    return ("…" if start > 0 else "") + "".join(pieces) + ("…" if end < len(text) else "")


def scan(con: duckdb.DuckDBPyConnection, node: Node, filters: SearchFilters, after: int,
         limit: int | None) -> SearchResult:
    """The search by reading the sentences of every report numbered after `after` (search_passages' patterns)."""
    rows, matches = scan_rows(con, node, filters, after, limit)
    return SearchResult(tuple(p for _, p in rows), matches, indexed=False)


def scan_rows(con: duckdb.DuckDBPyConnection, node: Node, filters: SearchFilters, after: int,
              limit: int | None) -> tuple[list[tuple[int, FoundPassage]], int]:
    """(order key, passage) of the scan's matches, newest first, and how many match."""
    condition, patterns = sql_condition(node, "s.text")
    parameters = {"after": after, "limit": limit, "grade": filters.grade, "kind": filters.kind,
                  "since": filters.since, "provider": filters.provider, "region": filters.region,
                  "la_code": filters.la_code, **patterns}
    cursor = con.execute(with_report_context("scan").replace("{condition}", condition), parameters)
    columns = [column[0] for column in cursor.description]
    rows = [dict(zip(columns, row)) for row in cursor.fetchall()]
    mark = highlighter(node)
    found = [(order_key(row["inspection_end"], row["report_no"], row["seq"]),
              passage(row, (row["section"], row["paragraph"], row["page"], row["text"]), row["seq"], mark))
             for row in rows]
    return found, rows[0]["matches"] if rows else 0


def holds_passages(con: duckdb.DuckDBPyConnection) -> bool:
    return con.execute(read_sql("any_passages")).fetchone()[0]


def report_kinds(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [kind for (kind,) in con.execute(read_sql("kinds")).fetchall()]
