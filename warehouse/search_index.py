"""The search engine's index of every passage: a Tantivy index beside the warehouse, derived from it.

    catch_up(db, con)                      # add what the warehouse holds and the index lacks (loads call it)
    engine = open_engine(db)               # read it; None when there is none yet
    engine.find(node, filters, limit=50)   # report numbers and sentences of the matches, newest first

Where it lives: the folder `<warehouse>.search` beside the warehouse file (`./data/ofsted.duckdb.search` by
default, `$OFSTED_DB.search` otherwise). In it, `current` names the index in use (a folder `v<schema>-<n>`),
and `lock` is held by whichever process writes it.

Each sentence of `passages` is a document: its text (split by the tokenizer below, positions kept for
phrases), and as fields of the engine its report's kind, overall grade and URN, `day` (the inspection's last
day, for date filters) and `order`, one number that sorts newest inspection first (see `order_key`). Nothing is
stored but these: the text shown comes from the warehouse.

The warehouse stays the truth. Every report has a number in load order (`reports.report_no`, a reloaded report
gets a new one), and the index holds every report up to a number, recorded with its last commit in a document of
its own (the watermark). `catch_up` adds the reports after it: it deletes every sentence of each (a replaced
report's old ones go by its report_id) and adds the new ones. A process killed between the warehouse's commit
and the index's loses nothing: the next load or search catches up. A rebuild (`reindex`, a first index, an index
that no longer matches its warehouse, a new schema) is written beside the current one and takes its place at
once. Readers, in any process, read committed segments only and take no lock a writer waits for; a writer
holds `lock` (one at a time; a search that finds it taken reads what is committed and scans the rest).
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import duckdb
import tantivy
from tantivy import Document, FieldType, Index, Occur, Query

from warehouse.exceptions import WarehouseBusy, WarehouseError
from warehouse.search_query import All, Any, Node, Not, Phrase, Word, describe
from warehouse.snapshot import fsync_directory, lock_exclusively, reading

LOG = logging.getLogger(__name__)
SEARCH_SQL_DIR = Path(__file__).parent / "sql" / "search"
FOLDER_SUFFIX = ".search"
CURRENT, LOCK, PARTIAL = "current", "lock", ".partial"
# Bumped when the documents or the tokenizer change: an index of another version is rebuilt, not read.
SCHEMA_VERSION = 1
TOKENIZER = "passage"
# The order key: days since 1970 (plus one; 0 for no date), report number, and the sentence counted down, so
# that descending order is newest inspection first, then the report loaded last, then reading order.
DAY_BITS, REPORT_BITS, SEQ_BITS = 20, 24, 20
MAX_SEQ, MAX_REPORT_NO = (1 << SEQ_BITS) - 1, (1 << REPORT_BITS) - 1
EPOCH = date(1970, 1, 1)
# Reports read from the warehouse at once (their sentences are one query), and reports a long catch-up adds
# between commits (a crash then loses at most this much work; the watermark says where to go on).
READ_REPORTS = 1_000
COMMIT_REPORTS = 50_000
WRITER_HEAP_BYTES = 200_000_000
# How long a load waits for another process's index write before leaving its reports to the next catch-up.
DEFAULT_LOCK_TIMEOUT_SECONDS = 600.0
# A newest-first search reads every match to order them: about 7.5 ns per sentence of a word (25 ms for *care*'s
# 3.4 million at 100,000 reports), and PHRASE_COST times that per sentence of a phrase's rarest word, whose word
# positions are read too (155 ms for *children in care*). Past DIRECT_POSTINGS such entries (about 60 ms) it goes
# back in time a slice of dates at a time instead, the first FIRST_SLICE_DAYS long and each twice the last, and
# stops counting past COUNT_CAP once it has its page (46-67 ms for those phrases, bench/search.py).
PHRASE_COST = 6
DIRECT_POSTINGS = 8_000_000
FIRST_SLICE_DAYS = 16
COUNT_CAP = 10_000


class IndexUnavailable(WarehouseError):
    """The index folder cannot be written here (read-only, full); searches scan instead."""


@cache
def analyzer() -> tantivy.TextAnalyzer:
    """Words are runs of letters and digits (Rust's char::is_alphanumeric), in lower case: everything else,
    apostrophes, quotation marks, dashes and hyphens of every kind included, separates words, so children's and
    children’s are the same two words. No stemming, no stop words: a phrase means its words."""
    return tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.lowercase()).build()


def analyze(text: str) -> list[str]:
    return analyzer().analyze(text)


def schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("text", tokenizer_name=TOKENIZER, index_option="position")
    builder.add_unsigned_field("order", fast=True)
    builder.add_unsigned_field("day", indexed=True)  # day_number(inspection_end): date filters and slices
    builder.add_text_field("report_id", tokenizer_name="raw")  # indexed, to delete a report's sentences by
    for field in ("kind", "grade", "urn"):
        builder.add_text_field(field, tokenizer_name="raw", fast=True)
    # The watermark document: the highest report number the index holds, and the last report up to it with the
    # number it had then.
    builder.add_unsigned_field("held_upto", stored=True, fast=True)
    builder.add_text_field("held_report", tokenizer_name="raw", stored=True)
    builder.add_unsigned_field("held_report_no", stored=True)
    return builder.build()


def folder_of(db: str | Path) -> Path:
    db = Path(db)
    return db.with_name(db.name + FOLDER_SUFFIX)


def order_key(inspection_end: date | None, report_no: int, seq: int) -> int:
    day = day_number(inspection_end)
    if not 0 < report_no <= MAX_REPORT_NO or not 0 <= seq <= MAX_SEQ or day >> DAY_BITS:
        raise WarehouseError(f"report {report_no}, sentence {seq}, {inspection_end}: beyond what the search "
                             f"index numbers ({MAX_REPORT_NO:,} reports, {MAX_SEQ:,} sentences each)")
    return (day << (REPORT_BITS + SEQ_BITS)) | (report_no << SEQ_BITS) | (MAX_SEQ - seq)


def day_number(day: date | None) -> int:
    return 0 if day is None else (day - EPOCH).days + 1


def report_and_seq(key: int) -> tuple[int, int]:
    return (key >> SEQ_BITS) & MAX_REPORT_NO, MAX_SEQ - (key & MAX_SEQ)


@dataclass(frozen=True)
class Held:
    upto: int  # every report numbered up to this is in the index (0: none)
    report_id: str | None = None  # the last report numbered up to it when it was indexed
    report_no: int | None = None  # and its number then


@dataclass(frozen=True)
class EngineFilters:
    """Filters in the engine's terms (warehouse.search resolves the user's options to these)."""

    grade: str | None = None
    kind: str | None = None
    since: date | None = None
    urns: frozenset[str] | None = None  # providers the options keep; with report_ids, None means any
    report_ids: frozenset[str] | None = None  # reports kept that have no provider row of their own
    excluded_report_ids: frozenset[str] = frozenset()  # reports the index holds stale (loaded again since)


@dataclass(frozen=True)
class Found:
    keys: list[int]  # order keys of the hits, in the order asked for
    matches: int  # every match, beyond the hits too; when `more`, a lower bound
    more: bool = False  # matches passed COUNT_CAP and counting stopped there


class Engine:
    """One index opened for reading: a consistent view of its last commit."""

    def __init__(self, index: Index, path: Path):
        self.index, self.path = index, path
        self.schema = index.schema
        self.searcher = index.searcher()
        self.held = held_of(self.searcher)

    def find(self, node: Node, filters: EngineFilters, limit: int | None, relevance: bool = False) -> Found:
        """The hits, newest first or by relevance (BM25), and how many match.

        limit=None: every hit, counted exactly. Otherwise the first `limit`; a newest-first search whose words
        are common (more than DIRECT_POSTINGS entries to read) and hold no prefix goes back in time a slice of
        dates at a time and stops counting past COUNT_CAP, once it has its page: the newest matches are in the
        newest slices."""
        query = self.query(node, filters)
        try:
            if limit is None:
                return self.search_all(query)
            if relevance:
                result = self.searcher.search(query, max(limit, 1), count=True)
                addresses = [address for _, address in result.hits][:limit]
                return Found(self.searcher.fast_field_values("order", addresses), result.count)
            if self.postings(node) <= DIRECT_POSTINGS or has_prefix(node):
                result = self.searcher.search(query, max(limit, 1), count=True, order_by_field="order")
                return Found([key for key, _ in result.hits][:limit], result.count)
            return self.find_by_slices(query, limit)
        except ValueError as exc:
            if "max expansions" in str(exc):
                raise QueryTooBroad(f"{describe(node)}: its prefixes stand for too many words in one phrase; type "
                                    "more letters before each *") from None
            raise

    def search_all(self, query: Query) -> Found:
        count = self.searcher.search(query, 1, count=True).count
        if count == 0:
            return Found([], 0)
        result = self.searcher.search(query, count, count=False, order_by_field="order")
        return Found([key for key, _ in result.hits], count)

    def find_by_slices(self, query: Query, limit: int) -> Found:
        keys, count = [], 0
        for low, high in self.day_slices():
            dated = Query.range_query(self.schema, "day", FieldType.Unsigned, lower_bound=low, upper_bound=high,
                                      include_upper=high is None, use_inverted_index=True)
            sliced = Query.boolean_query([(Occur.Must, query), (Occur.Must, Query.const_score_query(dated, 0.0))])
            wanted = limit - len(keys)
            result = self.searcher.search(sliced, max(wanted, 1), count=True, order_by_field="order")
            keys += [key for key, _ in result.hits][:wanted]
            count += result.count
            if len(keys) >= limit and count > COUNT_CAP:
                return Found(keys, COUNT_CAP, more=True)
        return Found(keys, count)

    def day_slices(self) -> Iterator[tuple[int, int | None]]:
        """[low, high) ranges of day numbers, newest first, high None for no bound: from FIRST_SLICE_DAYS before
        today onwards (a date in the future is kept too), then twice as many days each time, down to day 0 (no
        date). Starting from today costs a few empty slices at most, and no pass over the index to find its
        newest date."""
        low, width = max(day_number(date.today()) - FIRST_SLICE_DAYS, 0), FIRST_SLICE_DAYS
        yield low, None
        while low > 0:
            width *= 2
            yield max(low - width, 0), low
            low = max(low - width, 0)

    def postings(self, node: Node) -> int:
        """About how many index entries the query reads, in a word's entries: a phrase's rarest word (its other
        words are read only where that one is) with its positions, the rarest part of an AND, every part of an
        OR."""
        if isinstance(node, Phrase):
            rarest = min(self.word_postings(word) for word in node.words)
            return rarest if len(node.words) == 1 else rarest * PHRASE_COST
        if isinstance(node, All):
            return min(self.postings(part) for part in node.parts if not isinstance(part, Not))
        return sum(self.postings(part) for part in node.parts)

    def word_postings(self, word: Word) -> int:
        if word.prefix:
            return sum(count for _, count in self.searcher.terms_with_prefix("text", word.text))
        return self.searcher.doc_freq("text", word.text)

    def query(self, node: Node, filters: EngineFilters) -> Query:
        clauses = [(Occur.Must, self.text_query(node))]
        for query in self.filter_queries(filters):
            clauses.append((Occur.Must, Query.const_score_query(query, 0.0)))
        if filters.excluded_report_ids:
            clauses.append((Occur.MustNot, Query.term_set_query(self.schema, "report_id",
                                                                sorted(filters.excluded_report_ids))))
        return Query.boolean_query(clauses)

    def filter_queries(self, filters: EngineFilters) -> Iterator[Query]:
        for field in ("grade", "kind"):
            if getattr(filters, field) is not None:
                yield Query.term_query(self.schema, field, getattr(filters, field))
        if filters.since is not None:
            yield Query.range_query(self.schema, "day", FieldType.Unsigned, lower_bound=day_number(filters.since),
                                    use_inverted_index=True)
        if filters.urns is not None or filters.report_ids is not None:
            kept = [Query.term_set_query(self.schema, field, sorted(values))
                    for field, values in (("urn", filters.urns), ("report_id", filters.report_ids)) if values]
            yield Query.boolean_query([(Occur.Should, q) for q in kept]) if kept else Query.empty_query()

    def text_query(self, node: Node) -> Query:
        if isinstance(node, Phrase):
            return self.phrase_query(node)
        if isinstance(node, Any):
            return Query.boolean_query([(Occur.Should, self.text_query(part)) for part in node.parts])
        if isinstance(node, All):
            clauses = [(Occur.MustNot, self.text_query(part.part)) if isinstance(part, Not)
                       else (Occur.Must, self.text_query(part)) for part in node.parts]
            return Query.boolean_query(clauses)
        raise WarehouseError(f"NOT stands alone in the query {describe(node)}")  # search_query.parse refuses it

    def phrase_query(self, phrase: Phrase) -> Query:
        words = phrase.words
        if len(words) == 1 and not words[0].prefix:
            return Query.term_query(self.schema, "text", words[0].text)
        if not any(word.prefix for word in words):
            return Query.phrase_query(self.schema, "text", [word.text for word in words])
        if len(words) == 1:
            return Query.regex_query(self.schema, "text", prefix_regex(words[0].text))
        return Query.regex_phrase_query(
            self.schema, "text", [prefix_regex(w.text) if w.prefix else w.text for w in words])


def has_prefix(node: Node) -> bool:
    """Whether the query holds a prefix: its words are gathered into one set of sentences per search, which
    every slice of dates would gather again (at 100,000 reports s* took 449 ms sliced, 211 ms at once)."""
    if isinstance(node, Phrase):
        return any(word.prefix for word in node.words)
    if isinstance(node, Not):
        return has_prefix(node.part)
    return any(has_prefix(part) for part in node.parts)


class QueryTooBroad(WarehouseError):
    """A phrase's prefixes stand for too many words to look up; the message says to type more letters."""


def prefix_regex(prefix: str) -> str:
    # Words are letters and digits only (the tokenizer), so they hold nothing a regex would read as syntax.
    return prefix + ".*"


def held_of(searcher: tantivy.Searcher) -> Held:
    result = searcher.search(Query.exists_query("held_upto"), 1)
    if not result.hits:
        return Held(0, None)
    document = searcher.doc(result.hits[0][1])
    return Held(document.get_first("held_upto"), document.get_first("held_report"),
                document.get_first("held_report_no"))


def open_engine(db: str | Path) -> Engine | None:
    """The current index of the warehouse `db`, for reading; None when it has none of this schema."""
    folder = folder_of(db)
    for _ in range(2):  # the current index may be replaced between reading its name and opening it
        path = current_path(folder)
        if path is None:
            return None
        try:
            return open_index(path)
        except (OSError, ValueError):
            continue
    return None


def open_index(path: Path) -> Engine:
    index = Index.open(str(path))
    index.register_tokenizer(TOKENIZER, analyzer())
    return Engine(index, path)


def current_path(folder: Path) -> Path | None:
    """The index `current` names, if it is of this schema."""
    try:
        name = os.readlink(folder / CURRENT)
    except OSError:
        return None
    path = folder / name
    return path if name.startswith(f"v{SCHEMA_VERSION}-") and path.is_dir() else None


@dataclass(frozen=True)
class CatchUp:
    reports: int  # reports looked at (added, replaced, or without sentences)
    sentences: int
    rebuilt: bool  # a new index was written (none yet, another schema, or one that no longer matched)


Progress = Callable[[int, int], None]  # (reports done, reports to do)


def catch_up(db: str | Path, con: duckdb.DuckDBPyConnection, wait: bool = True,
             lock_timeout: float = DEFAULT_LOCK_TIMEOUT_SECONDS, progress: Progress | None = None,
             rebuild: bool = False) -> CatchUp | None:
    """Bring the index of `db` up to the warehouse `con` reads (a connection to `db`'s live copy).

    Returns None without waiting when `wait` is False and another process is writing the index. Raises
    IndexUnavailable when the index folder cannot be written. `rebuild` writes a new index from every passage
    (`ofsted reindex`)."""
    folder = folder_of(db)
    with index_lock(folder, wait, lock_timeout) as locked:
        if not locked:
            return None
        [top] = con.execute(read_sql("top")).fetchone()
        engine = None if rebuild else open_engine(db)
        if engine is not None and matches_warehouse(engine.held, con, top):
            return add_reports(engine.index, con, engine.held.upto, top, progress, fresh=False)
        path = next_index_path(folder)
        index = create_index(path)
        added = add_reports(index, con, 0, top, progress, fresh=True)
        point_current(folder, path)
        remove_other_indexes(folder, keep=path)
        return CatchUp(added.reports, added.sentences, rebuilt=True)


def matches_warehouse(held: Held, con: duckdb.DuckDBPyConnection, top: int) -> bool:
    """Whether the index was built from this warehouse: the last report it holds still has its number, or one
    above the watermark if it was loaded again since (a warehouse replaced by another file, or restored from an
    older copy, fails this and is indexed anew)."""
    if held.report_id is None:
        return held.upto <= top
    if top < held.upto:
        return False
    row = con.execute("SELECT report_no FROM reports WHERE report_id = ?", [held.report_id]).fetchone()
    return row is not None and (row[0] == held.report_no or row[0] > held.upto)


def add_reports(index: Index, con: duckdb.DuckDBPyConnection, after: int, top: int, progress: Progress | None,
                fresh: bool) -> CatchUp:
    """Index the reports numbered after `after` up to `top`, committing every COMMIT_REPORTS reports with the
    watermark, and waiting for merges at the end (a process that exits mid-merge leaves more segments)."""
    if top <= after:
        return CatchUp(0, 0, rebuilt=False)
    writer = index.writer(WRITER_HEAP_BYTES)
    try:
        sentences, rows_sql, ids_sql = 0, read_sql("index_rows"), read_sql("report_ids")
        for start in range(after, top, COMMIT_REPORTS):
            end = min(start + COMMIT_REPORTS, top)
            for low in range(start, end, READ_REPORTS):
                high = min(low + READ_REPORTS, end)
                if not fresh:
                    for (report_id,) in con.execute(ids_sql, {"after": low, "upto": high}).fetchall():
                        writer.delete_documents_by_term("report_id", report_id)
                sentences += add_documents(writer, con.execute(rows_sql, {"after": low, "upto": high}))
                if progress:
                    progress(high - after, top - after)
            mark_held(writer, end, con.execute(read_sql("last_report"), {"upto": end}).fetchone())
            writer.commit()
        writer.wait_merging_threads()
    except BaseException:
        discard(writer)
        raise
    return CatchUp(top - after, sentences, rebuilt=False)


def add_documents(writer: tantivy.IndexWriter, cursor: duckdb.DuckDBPyConnection) -> int:
    added = 0
    while rows := cursor.fetchmany(READ_REPORTS * 10):
        for text, report_no, seq, inspection_end, report_id, kind, grade, urn in rows:
            document = Document()
            document.add_text("text", text)
            document.add_unsigned("order", order_key(inspection_end, report_no, seq))
            document.add_unsigned("day", day_number(inspection_end))
            document.add_text("report_id", report_id)
            for field, value in (("kind", kind), ("grade", grade), ("urn", urn)):
                if value is not None:
                    document.add_text(field, value)
            writer.add_document(document)
        added += len(rows)
    return added


def discard(writer: tantivy.IndexWriter) -> None:
    """Drop what the writer added since its last commit, and its lock; a writer that already failed is gone."""
    try:
        writer.rollback()
        writer.wait_merging_threads()
    except (RuntimeError, ValueError):
        pass


def mark_held(writer: tantivy.IndexWriter, upto: int, last: tuple[str, int] | None) -> None:
    """The watermark: one document, replaced in the same commit as the sentences it vouches for."""
    writer.delete_documents_by_query(Query.exists_query("held_upto"))
    document = Document()
    document.add_unsigned("held_upto", upto)
    if last is not None:
        document.add_text("held_report", last[0])
        document.add_unsigned("held_report_no", last[1])
    writer.add_document(document)


def create_index(path: Path) -> Index:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    index = Index(schema(), str(path), reuse=False)
    index.register_tokenizer(TOKENIZER, analyzer())
    return index


def next_index_path(folder: Path) -> Path:
    numbers = [int(p.name.split("-", 1)[1]) for p in folder.glob("v*-*") if p.name.split("-", 1)[1].isdigit()]
    return folder / f"v{SCHEMA_VERSION}-{max(numbers, default=0) + 1}"


def point_current(folder: Path, path: Path) -> None:
    """Make `current` name `path` in one atomic step (readers see the old index or the new, whole)."""
    staged = folder / (CURRENT + PARTIAL)
    staged.unlink(missing_ok=True)
    os.symlink(path.name, staged)
    os.replace(staged, folder / CURRENT)
    fsync_directory(folder)  # the new name survives a power cut


def remove_other_indexes(folder: Path, keep: Path) -> None:
    """Indexes replaced, or left half-built by a writer that died (a reader still holding one keeps its files
    open until it closes them)."""
    for path in folder.glob("v*-*"):
        if path != keep and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)


@contextmanager
def index_lock(folder: Path, wait: bool, timeout: float) -> Iterator[bool]:
    """The right to write the index (yields False when not waiting and another process has it); the OS
    releases it when the process dies, however it dies."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = open(folder / LOCK, "a+")
    except OSError as exc:
        raise IndexUnavailable(f"cannot write the search index in {folder}: {exc.strerror}") from None
    with handle:
        if not lock_exclusively(handle, timeout if wait else 0):
            if not wait:
                yield False
                return
            raise WarehouseBusy(f"{folder}: another process kept the search index for {timeout:g} s; "
                                "run `ofsted reindex` when it is done")
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def read_sql(name: str) -> str:
    return (SEARCH_SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def update_search_index(db: Path) -> None:
    """After a load is published: add its reports, and any others the index lacks, to the search index. A
    failure is logged, never raised: the warehouse holds the reports, and the next search or load catches up
    (or `ofsted reindex`)."""
    try:
        with reading(db) as con:
            catch_up(db, con)
    except (WarehouseError, OSError, ValueError, RuntimeError, duckdb.Error) as exc:
        LOG.warning("the search index of %s was not brought up to date (%s); the next search or load does it, or "
                    "`ofsted reindex`", db, exc)
