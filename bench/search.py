"""Search time over a synthetic warehouse of many reports, per method, and what passages cost in bytes.

    python bench/search.py CORPUS_DIR [--reports 100000] [--repeat 3] [--fts] [--methods search,ilike] [--db FILE]

1. Builds a warehouse of --reports full inspections the way loads do (bench/ingest.py's synthetic reports:
   five judgements, eight key quotations, grades and dates varied), and prints its bytes per report.
2. Adds 150-300 passages per report. Their sentences are real: every sentence of the first PDFs of CORPUS_DIR
   (pypdfium2 text, split at full stops), each passage the first half of one real sentence joined to the second
   half of another, so passages are as varied as a real archive's (no two reports share their text) and words
   keep their real frequencies. Prints bytes per report again.
   With --db FILE the warehouse is built there and kept; run again with the same FILE to time it without
   building it again (building 100,000 reports takes 15 minutes on a busy 2-core machine).
3. Indexes the words of the passages (passage_words, migration 010) 1,000 reports at a time, as loads of 1,000
   reports leave the index, by the loader's own SQL, and prints the time and the bytes per report again.
4. Times each query (with and without filters) per method, on a read-only connection, the median of --repeat:
   - `search`: what `ofsted search` runs (warehouse.search: the phrase looked up in the word index, then the
     shown sentences read), with count and order and limit;
   - `scan`: the same search by scanning every passage (search_passages: a case-insensitive literal search,
     then the word-start pattern), what `ofsted search` ran before the index and still runs for a phrase the
     index cannot look up;
   - `ilike`: text ILIKE '%words%' alone; `regexp`: regexp_matches(text, '\\bwords', 'i') alone (both over
     v_passages with the same filters, counting);
   - `fts` (with --fts, where DuckDB's fts extension loads): BM25 over an index of the passages, plus the time
     and bytes of building that index. DuckDB 2.0.1 has no fts build on PyPI (duckdb-extension-fts stops at
     1.5.5, and DuckDB refuses an extension built for another version), so run this script under DuckDB 1.5.5
     with duckdb-extension-fts 1.5.5 installed in a scratch virtualenv to measure it.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import duckdb  # noqa: E402

from bench.ingest import synthetic_reports  # noqa: E402
from bench.synthetic import index_passages  # noqa: E402
from extract.batch import expand_paths  # noqa: E402
from extract.exceptions import ExtractionError  # noqa: E402
from extract.pdf_text import bytes_to_document  # noqa: E402
from transform.frames import reports_to_frames  # noqa: E402
from warehouse.load import load_batch  # noqa: E402
from warehouse.search import SearchFilters, scan_passages, search_passages  # noqa: E402

MIN_PASSAGES, MAX_PASSAGES = 150, 300  # sentences per report: a short focused visit to a long full inspection
POOL_FILES = 80  # corpus PDFs read for sentences
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
MIN_SENTENCE_CHARS, MAX_SENTENCE_CHARS = 40, 400
PASSAGES_PER_PAGE = 14
SENTENCES_PER_PARAGRAPH = 3
SECTIONS = ("Headline findings", "What needs to improve", "The experiences and progress of children who need help "
            "and protection", "The experiences and progress of children in care", "The experiences and progress "
            "of care leavers", "The impact of leaders on social work practice with children and families")
GRADES = ("outstanding", "good", "requires_improvement", "inadequate")
KINDS = ("la-inspection", "la-inspection", "focused-visit", "jtai")  # a mix, most of them full inspections
LOAD_REPORTS = 1_000  # reports per load, as a backfill's batches index them


@dataclass(frozen=True)
class Query:
    label: str
    words: str
    filters: SearchFilters


QUERIES = (
    Query("neglect", "neglect", SearchFilters()),
    Query("neglect --grade inadequate", "neglect", SearchFilters(grade="inadequate")),
    Query("drift and delay", "drift and delay", SearchFilters()),
    Query("private fostering --kind la-inspection --since 2020", "private fostering",
          SearchFilters(kind="la-inspection", since=date(2020, 1, 1))),
    Query("care leavers --provider Leeds", "care leavers", SearchFilters(provider="Leeds")),
    Query("zzyzx (no match)", "zzyzx", SearchFilters()),
    # Phrases of the commonest words: the index reads every row of each word.
    Query("children in care", "children in care", SearchFilters()),
    Query("care", "care", SearchFilters()),
)


def corpus_sentences(corpus: Path) -> list[str]:
    sentences = []
    for path in expand_paths([corpus])[:POOL_FILES]:
        try:
            document = bytes_to_document(path.read_bytes())
        except ExtractionError:
            continue
        for page in document.pages:
            for sentence in SENTENCE.split(" ".join(page.split())):
                if MIN_SENTENCE_CHARS <= len(sentence) <= MAX_SENTENCE_CHARS:
                    sentences.append(sentence)
    return sorted(set(sentences))


def halves(sentence: str) -> tuple[str, str]:
    middle = sentence.find(" ", len(sentence) // 2)
    return (sentence, "") if middle < 0 else (sentence[:middle], sentence[middle + 1:])


def build_reports(db: Path, count: int) -> None:
    reports = []
    for i, report in enumerate(synthetic_reports(count, "s")):
        grade = GRADES[stable_hash(report.sha256) % len(GRADES)]
        kind = KINDS[stable_hash(report.sha256 + "k") % len(KINDS)]
        judgements = [replace(j, grade=grade) for j in report.judgements] if kind == "la-inspection" else []
        reports.append(replace(report, kind=kind, judgements=judgements, framework="ilacs-2023"))
    load_batch(db, reports_to_frames([(r, None) for r in reports]))


def stable_hash(text: str) -> int:
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)


def add_passages(db: Path, sentences: list[str]) -> None:
    """Passages in SQL (22 million of them would not fit in Python objects): head of one sentence, tail of another."""
    pool = [halves(s) for s in sentences]
    with duckdb.connect(str(db)) as con:
        con.execute("CREATE TEMP TABLE pool (n INTEGER, head VARCHAR, tail VARCHAR)")
        con.executemany("INSERT INTO pool VALUES (?, ?, ?)", [(n, h, t) for n, (h, t) in enumerate(pool)])
        con.execute("CREATE TEMP TABLE sections (n INTEGER, section VARCHAR)")
        con.executemany("INSERT INTO sections VALUES (?, ?)", list(enumerate(SECTIONS)))
        con.execute(
            f"""
            INSERT INTO passages BY NAME
            SELECT r.report_id, CAST(s.seq AS INTEGER) AS seq, sec.section,
                   1 + s.seq // {SENTENCES_PER_PARAGRAPH} AS paragraph, 2 + s.seq // {PASSAGES_PER_PAGE} AS page,
                   trim(h.head || ' ' || t.tail) AS text, r.report_no
            FROM reports AS r
            CROSS JOIN LATERAL generate_series(
                1, CAST({MIN_PASSAGES} + hash(r.report_id) % {MAX_PASSAGES - MIN_PASSAGES + 1} AS BIGINT)
            ) AS s(seq)
            JOIN pool AS h ON h.n = CAST(hash(r.report_id, s.seq, 'head') % {len(pool)} AS INTEGER)
            JOIN pool AS t ON t.n = CAST(hash(r.report_id, s.seq, 'tail') % {len(pool)} AS INTEGER)
            JOIN sections AS sec ON sec.n = (s.seq * {len(SECTIONS)}) // ({MAX_PASSAGES} + 1)
            ORDER BY r.report_no, s.seq
            """
        )
        con.execute("CHECKPOINT")


def add_word_index(db: Path) -> None:
    with duckdb.connect(str(db)) as con:
        index_passages(con, LOAD_REPORTS)
        con.execute("CHECKPOINT")


def bytes_per_report(db: Path) -> tuple[float, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        reports = con.execute("SELECT count(*) FROM reports").fetchone()[0]
    return db.stat().st_size / reports, reports


def median_seconds(run, repeat: int) -> tuple[float, float, int]:
    """Median wall and CPU seconds (CPU of this process, all threads: the machine is shared), and rows."""
    walls, cpus, rows = [], [], 0
    for _ in range(repeat):
        start, cpu_start = time.perf_counter(), time.process_time()
        rows = run()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu_start)
    return statistics.median(walls), statistics.median(cpus), rows


def like_pattern(words: str) -> str:
    return "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def filter_sql(filters: SearchFilters) -> tuple[str, list]:
    given = [
        ("overall_grade = ?", [filters.grade]),
        ("kind = ?", [filters.kind]),
        ("inspection_end >= ?", [filters.since]),
        ("(urn = ? OR provider_name ILIKE '%' || ? || '%')", [filters.provider] * 2),
    ]
    given = [(clause, values) for clause, values in given if values[0] is not None]
    return "".join(f" AND {clause}" for clause, _ in given), [v for _, values in given for v in values]


def time_methods(db: Path, repeat: int, fts: bool, only: set[str] | None) -> None:
    with duckdb.connect(str(db), read_only=not fts) as con:
        passages = con.execute("SELECT count(*) FROM passages").fetchone()[0]
        threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
        print(f"search over {passages:,} passages, {threads} threads (median of {repeat}; rows = matches):")
        methods = {
            "search": lambda q: search_passages(con, q.words, q.filters).matches,
            "scan": lambda q: scan_passages(con, q.words, q.filters).matches,
            "ilike": lambda q: count(con, "text ILIKE ? ESCAPE '\\'", [like_pattern(q.words)], q.filters),
            "regexp": lambda q: count(con, "regexp_matches(text, ?, 'i')", [r"\b" + re.escape(q.words)], q.filters),
        }
        if fts:
            methods["fts"] = fts_method(con)
        methods = {name: method for name, method in methods.items() if only is None or name in only}
        for query in QUERIES:
            print(f"  {query.label}")
            for name, method in methods.items():
                wall, cpu, rows = median_seconds(lambda: method(query), repeat)
                print(f"    {name:7} {wall * 1000:8.0f} ms wall {cpu * 1000:8.0f} ms CPU  {rows:>10,} rows")


def count(con, condition: str, values: list, filters: SearchFilters) -> int:
    extra, extra_values = filter_sql(filters)
    return con.execute(f"SELECT count(*) FROM v_passages WHERE {condition}{extra}", values + extra_values).fetchone()[0]


def fts_method(con):
    """Build a BM25 index of the passages (the extension wants one id column) and return its query."""
    extension = next(Path(__import__("duckdb_extension_fts").__file__).parent.rglob("*.duckdb_extension"))
    con.execute(f"LOAD '{extension}'")
    before = database_file(con).stat().st_size
    start = time.perf_counter()
    con.execute("CREATE TABLE fts_passages AS SELECT row_number() OVER () AS id, report_id, seq, text FROM passages")
    con.execute("PRAGMA create_fts_index('fts_passages', 'id', 'text', stemmer = 'porter', stopwords = 'english')")
    con.execute("CHECKPOINT")
    path = database_file(con)
    reports = con.execute("SELECT count(*) FROM reports").fetchone()[0]
    print(f"  fts index: built in {time.perf_counter() - start:.0f} s, {(path.stat().st_size - before) / reports:,.0f} "
          "bytes per report more (rebuilt whole after every load: the extension does not update it)")

    def run(query: Query) -> int:
        extra, values = filter_sql(query.filters)
        return con.execute(
            f"""
            SELECT count(*) FROM (
                SELECT f.report_id, f.seq, fts_main_fts_passages.match_bm25(f.id, ?, conjunctive := 1) AS score
                FROM fts_passages AS f
            ) AS m JOIN v_passages USING (report_id, seq)
            WHERE m.score IS NOT NULL{extra}
            """,
            [query.words, *values],
        ).fetchone()[0]

    return run


def database_file(con) -> Path:
    query = "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
    return Path(con.execute(query).fetchone()[0])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="folder of report PDFs to take real sentences from")
    parser.add_argument("--reports", type=int, default=100_000, help="reports in the synthetic warehouse")
    parser.add_argument("--repeat", type=int, default=3, help="runs per query and method (the median is printed)")
    parser.add_argument("--fts", action="store_true", help="also build and time a BM25 index (needs the extension)")
    parser.add_argument("--methods", help="comma-separated methods to time (default: all)")
    parser.add_argument("--db", type=Path, help="build the warehouse in FILE and keep it; an existing FILE is reused")
    args = parser.parse_args()
    print(f"DuckDB {duckdb.__version__}")
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "synthetic.duckdb"
        if db.exists():
            size, reports = bytes_per_report(db)
            print(f"reusing {db}: {reports:,} reports, {size:,.0f} bytes per report")
        else:
            build(db, args.corpus, args.reports)
        time_methods(db, args.repeat, args.fts, set(args.methods.split(",")) if args.methods else None)
    return 0


def build(db: Path, corpus: Path, count: int) -> None:
    sentences = corpus_sentences(corpus)
    print(f"{len(sentences):,} distinct real sentences from the first {POOL_FILES} PDFs of {corpus}")
    start = time.perf_counter()
    build_reports(db, count)
    before, reports = bytes_per_report(db)
    print(f"{reports:,} reports loaded in {time.perf_counter() - start:.0f} s: {before:,.0f} bytes per report "
          "without passages")
    start = time.perf_counter()
    add_passages(db, sentences)
    after, _ = bytes_per_report(db)
    print(f"passages added in {time.perf_counter() - start:.0f} s: {after:,.0f} bytes per report with passages "
          f"({after / before:.1f}x; file {db.stat().st_size / 1e9:.2f} GB)")
    start, cpu_start = time.perf_counter(), time.process_time()
    add_word_index(db)
    indexed, _ = bytes_per_report(db)
    batches = -(-reports // LOAD_REPORTS)
    print(f"word index built {LOAD_REPORTS:,} reports at a time in {time.perf_counter() - start:.0f} s "
          f"({(time.process_time() - cpu_start) / batches:.2f} s of CPU per {LOAD_REPORTS:,} reports): "
          f"{indexed:,.0f} bytes per report with it (+{indexed - after:,.0f}, {indexed / after - 1:+.0%}; "
          f"file {db.stat().st_size / 1e9:.2f} GB)")


if __name__ == "__main__":
    sys.exit(main())
