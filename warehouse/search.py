"""Search every sentence of every report: the query behind `ofsted search`, on a read-only connection.

    with reading(db) as con:
        found = search_passages(con, "neglect", SearchFilters(grade="inadequate", since=date(2020, 1, 1)))
        found.matches, found.passages[0].text, found.passages[0].source_url

The words are one phrase, matched in any case from the start of a word (the `search_passages` macro of
views.sql, which analysts use in SQL too); the filters narrow by the report's overall grade, kind, date and
provider. Passages come newest inspection first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from warehouse.exceptions import SearchUnavailable

SEARCH_SQL_DIR = Path(__file__).parent / "sql" / "search"
DEFAULT_LIMIT = 50


@dataclass(frozen=True)
class SearchFilters:
    grade: str | None = None  # overall effectiveness grade word; reports without one never match
    kind: str | None = None
    since: date | None = None  # inspections that ended on or after this day
    provider: str | None = None  # a URN, or part of the provider's name (any case)
    limit: int = DEFAULT_LIMIT


@dataclass(frozen=True)
class FoundPassage:
    provider_name: str | None
    urn: str | None
    kind: str | None
    framework: str | None
    inspection_end: date | None
    overall_grade: str | None
    section: str | None
    paragraph: int | None
    page: int | None
    text: str
    source_url: str | None
    path: str | None
    report_id: str
    seq: int


@dataclass(frozen=True)
class SearchResult:
    passages: tuple[FoundPassage, ...]
    matches: int  # every passage that matched, beyond the limit too


def search_passages(
    con: duckdb.DuckDBPyConnection, words: str, filters: SearchFilters = SearchFilters()
) -> SearchResult:
    parameters = {
        "words": words,
        "grade": filters.grade,
        "kind": filters.kind,
        "since": filters.since,
        "provider": filters.provider,
        "limit": filters.limit,
    }
    try:
        rows = con.execute(read_sql("passages"), parameters).fetchall()
    except duckdb.CatalogException as exc:
        raise SearchUnavailable(
            f"this warehouse has no passages to search ({str(exc).splitlines()[0]}); it was written before "
            "sentences were stored: load the reports again (`ofsted ingest PATH...`) with this version"
        ) from None
    passages = tuple(FoundPassage(*row[:-1]) for row in rows)
    return SearchResult(passages, rows[0][-1] if rows else 0)


def holds_passages(con: duckdb.DuckDBPyConnection) -> bool:
    return con.execute(read_sql("any_passages")).fetchone()[0]


def report_kinds(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [kind for (kind,) in con.execute(read_sql("kinds")).fetchall()]


def read_sql(name: str) -> str:
    return (SEARCH_SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")
