"""Search every sentence of every report: the query behind `ofsted search`, on a read-only connection.

    with reading(db) as con:
        found = search_passages(con, "neglect", SearchFilters(grade="inadequate", since=date(2020, 1, 1)))
        found.matches, found.passages[0].text, found.passages[0].source_url

The words are one phrase, matched in any case from the start of a word (the `search_passages` macro of
views.sql, which analysts use in SQL too); the filters narrow by the report's overall grade, kind, date and
provider. Passages come newest inspection first.

The phrase is looked up in the word index (`passage_words`, migration 010), which finds exactly what the macro's
pattern finds without reading every sentence; only the sentences shown are read. A phrase that starts with
something other than a letter or digit cannot be looked up, and a warehouse without the index has none: those
are searched by scanning the passages, as the macro does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from pathlib import Path

import duckdb

from warehouse.exceptions import SearchUnavailable

SEARCH_SQL_DIR = Path(__file__).parent / "sql" / "search"
DEFAULT_LIMIT = 50
# Where a phrase must start for the word index to find it: at a word character as RE2's \w sees them.
WORD_START = re.compile(r"\w", re.ASCII)
# Columns of indexed.sql's rows: the report's context (0-5: provider_name ... overall_grade, 6-8: source_url, path,
# report_id), then report_no, seq and the count of matches.
FOUND_REPORT_NO, FOUND_SEQ = 9, 10
# Counting a word's rows stops here: a word this common is never the rarest of a phrase worth narrowing by it
# (at 100,000 reports 'neglect' has 100,000 rows, 'and ' 25 million).
COMMON_WORD_ROWS = 1_000_000


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
    try:
        phrase = indexed_words(con, words)
        if phrase is None:
            return scan_passages(con, words, filters)
        return search_index(con, phrase, filter_parameters(filters))
    except duckdb.CatalogException as exc:
        raise SearchUnavailable(
            f"this warehouse has no passages to search ({str(exc).splitlines()[0]}); it was written before "
            "sentences were stored: load the reports again (`ofsted ingest PATH...`) with this version"
        ) from None


def scan_passages(con: duckdb.DuckDBPyConnection, words: str, filters: SearchFilters) -> SearchResult:
    """The same search by reading every passage (the search_passages macro): for what the index cannot look up."""
    parameters = {"words": " ".join(words.split()), **filter_parameters(filters)}
    rows = con.execute(read_sql("passages"), parameters).fetchall()
    return SearchResult(tuple(FoundPassage(*row[:-1]) for row in rows), rows[0][-1] if rows else 0)


def filter_parameters(filters: SearchFilters) -> dict:
    return {"grade": filters.grade, "kind": filters.kind, "since": filters.since, "provider": filters.provider,
            "limit": filters.limit}


@dataclass(frozen=True)
class IndexedWord:
    word: str  # as passage_words stores it: lower case, with the characters up to the next word
    position: int  # in the phrase, from 0
    rows: int  # rows of the index its lookup reads, up to COMMON_WORD_ROWS


def indexed_words(con: duckdb.DuckDBPyConnection, words: str) -> list[IndexedWord] | None:
    """The phrase's words as the index holds them, or None when the index cannot find the phrase: the warehouse
    has no index, or the phrase starts with a character that is not part of a word (its words would not start
    where the phrase does)."""
    phrase = " ".join(words.split())
    if not WORD_START.match(phrase) or not has_word_index(con):
        return None
    [indexed] = con.execute(read_sql("words"), {"words": phrase}).fetchone()
    count_rows = read_sql("word_rows")
    return [
        IndexedWord(word, position, con.execute(count_rows, {"word": word, "enough": COMMON_WORD_ROWS}).fetchone()[0])
        for position, word in enumerate(indexed)
    ]


def search_index(con: duckdb.DuckDBPyConnection, phrase: list[IndexedWord], parameters: dict) -> SearchResult:
    anchor = min(phrase, key=lambda word: (word.rows, word.position))
    found = con.execute(
        read_sql("indexed"),
        {"words": [word.word for word in phrase], "anchor": anchor.word, "anchor_position": anchor.position,
         **parameters},
    ).fetchall()
    sentences, shown = {}, read_sql("sentences")
    for report_no, rows in groupby(found, key=lambda row: row[FOUND_REPORT_NO]):
        seqs = [row[FOUND_SEQ] for row in rows]
        for seq, *sentence in con.execute(shown, {"report_no": report_no, "seqs": seqs}).fetchall():
            sentences[report_no, seq] = sentence
    passages = tuple(
        FoundPassage(*row[:6], *sentences[row[FOUND_REPORT_NO], row[FOUND_SEQ]], *row[6:9], row[FOUND_SEQ])
        for row in found
    )
    return SearchResult(passages, found[0][-1] if found else 0)


def has_word_index(con: duckdb.DuckDBPyConnection) -> bool:
    return con.execute(read_sql("has_word_index")).fetchone()[0]


def holds_passages(con: duckdb.DuckDBPyConnection) -> bool:
    return con.execute(read_sql("any_passages")).fetchone()[0]


def report_kinds(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [kind for (kind,) in con.execute(read_sql("kinds")).fetchall()]


def read_sql(name: str) -> str:
    return (SEARCH_SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")
