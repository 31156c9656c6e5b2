"""What a word index of the passages would cost and save: the measurement behind docs/warehouse.md's choice.

    python bench/search_index.py WAREHOUSE [--reports 10000] [--batch 1000] [--repeat 1]

WAREHOUSE is a warehouse with passages, e.g. the one `python bench/search.py CORPUS --db FILE` builds and keeps.
The passages of its first --reports reports are copied into a scratch warehouse (the whole of a big one would
take hours to index on a shared machine), then:

1. the index is built the way a loader would, one --batch of reports at a time, from the batch's passages in
   SQL, each batch's rows inserted in word order (so each row group's min/max statistics cover a narrow range
   of words); two shapes, each timed in CPU seconds per batch and measured in bytes per report:
   - `seqs`: passage_words(word, report_id, seqs INTEGER[]), one row per distinct lower-cased word per report,
     with the passages (seq) it occurs in: enough to find the candidate passages of a phrase;
   - `reports`: report_words(word, report_id), one row per distinct word per report, no seqs;
2. times each query of bench/search.py three ways, on the same connection: `scan` (what `ofsted search` runs),
   `lookup` (the candidate passages from the index alone: the words' rows, intersected per passage, with the
   row groups the lookup read out of all of them), and `indexed` (lookup, then the phrase checked with the
   search's word-start pattern on the candidate passages only, the filters, the count: what an indexed search
   would run; its count must equal the scan's).
3. On the whole WAREHOUSE, times fetching the text of a few and of many passages by their key (report_id, seq),
   as an indexed search must to check its candidates: the cost of a lookup's second half at full scale.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import duckdb  # noqa: E402

from bench.search import QUERIES, Query, filter_sql  # noqa: E402
from warehouse.search import search_passages  # noqa: E402
from warehouse.snapshot import STORAGE_COMPATIBILITY  # noqa: E402

# RE2's \w, the characters its \b separates words by: tokens split this way start where the search's pattern may.
WORD = r"\w+"
SHAPES = {
    "seqs": (
        "passage_words (word VARCHAR, report_id VARCHAR, seqs INTEGER[])",
        "SELECT word, report_id, list(seq ORDER BY seq) FROM "
        "(SELECT DISTINCT lower(unnest(regexp_extract_all(text, '{word}'))) AS word, report_id, seq FROM batch) "
        "GROUP BY word, report_id ORDER BY word",
    ),
    "reports": (
        "report_words (word VARCHAR, report_id VARCHAR)",
        "SELECT DISTINCT lower(unnest(regexp_extract_all(text, '{word}'))) AS word, report_id FROM batch ORDER BY word",
    ),
}
ROW_GROUPS = re.compile(r"Row Groups Scanned:\s*([\d,]+)\s*/\s*([\d,]+)")


def copy_sample(source: Path, scratch: Path, reports: int) -> int:
    """The first `reports` reports of `source` (by report_id) with their passages, in a new warehouse."""
    with duckdb.connect(str(scratch), config={"storage_compatibility_version": STORAGE_COMPATIBILITY}) as con:
        con.execute(f"ATTACH '{source}' AS source (READ_ONLY)")
        con.execute(f"CREATE TABLE reports AS SELECT * FROM source.reports ORDER BY report_id LIMIT {reports}")
        con.execute("CREATE TABLE judgements AS SELECT * FROM source.judgements SEMI JOIN reports USING (report_id)")
        con.execute("CREATE TABLE providers AS SELECT * FROM source.providers")
        con.execute("CREATE TABLE passages AS SELECT * FROM source.passages SEMI JOIN reports USING (report_id)")
        views = [sql for (sql,) in con.execute(
            "SELECT sql FROM duckdb_views() WHERE database_name = 'source' AND view_name = 'v_passages'").fetchall()]
        macro = con.execute("SELECT macro_definition FROM duckdb_functions() WHERE database_name = 'source' "
                            "AND function_name = 'search_passages'").fetchone()
        con.execute("DETACH source")
        for sql in views:
            con.execute(sql)
        con.execute(f"CREATE MACRO search_passages(words) AS TABLE {macro[0]}")
        con.execute("CHECKPOINT")
        return con.execute("SELECT count(*) FROM passages").fetchone()[0]


def build_index(scratch: Path, shape: str, batch: int) -> tuple[list[float], int]:
    """Index the passages batch by batch as a loader would; CPU seconds per batch and bytes the index added."""
    definition, insert = SHAPES[shape]
    before = scratch.stat().st_size
    cpus = []
    with duckdb.connect(str(scratch)) as con:
        con.execute(f"CREATE TABLE {definition}")
        table = definition.split()[0]
        ids = [row[0] for row in con.execute("SELECT report_id FROM reports ORDER BY report_id").fetchall()]
        for start in range(0, len(ids), batch):
            con.execute("CREATE OR REPLACE TEMP TABLE batch AS SELECT * FROM passages WHERE report_id IN "
                        "(SELECT unnest(?::VARCHAR[]))", [ids[start:start + batch]])
            cpu = time.process_time()
            con.execute(f"INSERT INTO {table} " + insert.format(word=WORD))
            cpus.append(time.process_time() - cpu)
        con.execute("DROP TABLE batch")
        con.execute("CHECKPOINT")
    return cpus, scratch.stat().st_size - before


def terms(words: str) -> list[tuple[str, bool]]:
    """The phrase's words as the index keeps them, each with whether it may be a word's start only (the last)."""
    tokens = re.findall(WORD, words.lower(), flags=re.ASCII)
    ends_in_word = bool(re.search(r"\w$", words.strip(), flags=re.ASCII))
    return [(token, ends_in_word and n == len(tokens) - 1) for n, token in enumerate(tokens)]


def candidates_sql(words: str) -> str:
    """Candidate passages (report_id, seq) holding every word of the phrase, from passage_words alone."""
    lookups = []
    for n, (token, prefix) in enumerate(terms(words)):
        upper = token[:-1] + chr(ord(token[-1]) + 1)
        condition = f"word >= '{token}' AND word < '{upper}'" if prefix else f"word = '{token}'"
        lookups.append(f"SELECT DISTINCT report_id, unnest(seqs) AS seq, {n} AS term FROM passage_words "
                       f"WHERE {condition}")
    return (f"SELECT report_id, seq FROM ({' UNION ALL '.join(lookups)}) GROUP BY report_id, seq "
            f"HAVING count(*) = {len(lookups)}")


def row_groups(con: duckdb.DuckDBPyConnection, sql: str) -> str:
    plan = con.execute(f"EXPLAIN ANALYZE {sql}").fetchall()[0][1]
    found = [(int(a.replace(",", "")), int(b.replace(",", ""))) for a, b in ROW_GROUPS.findall(plan)]
    return ", ".join(f"{a}/{b}" for a, b in found) or "?"


def timed(run) -> tuple[float, float, int]:
    wall, cpu = time.perf_counter(), time.process_time()
    rows = run()
    return time.perf_counter() - wall, time.process_time() - cpu, rows


def time_queries(scratch: Path) -> None:
    with duckdb.connect(str(scratch), read_only=True) as con:
        for query in QUERIES:
            print(f"  {query.label}")
            results = {
                "scan": timed(lambda: search_passages(con, query.words, query.filters).matches),
                "lookup": timed(lambda: con.execute(f"SELECT count(*) FROM ({candidates_sql(query.words)})")
                                .fetchone()[0]),
                "indexed": timed(lambda: indexed_count(con, query)),
            }
            groups = row_groups(con, f"SELECT count(*) FROM ({candidates_sql(query.words)})")
            for name, (wall, cpu, rows) in results.items():
                note = f"  (index row groups read: {groups})" if name == "lookup" else ""
                print(f"    {name:8} {wall * 1000:8.0f} ms wall {cpu * 1000:8.0f} ms CPU {rows:>9,} rows{note}")


def indexed_count(con: duckdb.DuckDBPyConnection, query: Query) -> int:
    extra, values = filter_sql(query.filters)
    # The pattern goes in the aggregate's FILTER: in WHERE, DuckDB would push it into the scan of every passage,
    # before the join with the candidates.
    return con.execute(
        f"SELECT count(*) FILTER (WHERE regexp_matches(text, '(?i)\\b' || regexp_escape(?))) "
        f"FROM v_passages SEMI JOIN ({candidates_sql(query.words)}) USING (report_id, seq) WHERE true{extra}",
        [" ".join(query.words.split()), *values],
    ).fetchone()[0]


FETCHED = (50, 1_000, 100_000)  # candidate passages: one page of results, a rare word's, a common word's


def time_fetches(warehouse: Path) -> None:
    """Text of sampled passages by key, from the whole warehouse: passages sit in load order, not by key."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        con.execute("SET enable_progress_bar = false")
        total = con.execute("SELECT count(*) FROM passages").fetchone()[0]
        print(f"fetching passages by key from all {total:,} passages of {warehouse}:")
        for count in FETCHED:
            con.execute(f"CREATE OR REPLACE TEMP TABLE wanted AS SELECT report_id, seq FROM passages "
                        f"USING SAMPLE {count} ROWS")
            wall, cpu, rows = timed(lambda: con.execute(
                "SELECT count(*), sum(length(text)) FROM passages SEMI JOIN wanted USING (report_id, seq)"
            ).fetchone()[0])
            print(f"  {rows:>9,} passages {wall * 1000:8.0f} ms wall {cpu * 1000:8.0f} ms CPU")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("warehouse", type=Path, help="a warehouse with passages (bench/search.py --db FILE)")
    parser.add_argument("--reports", type=int, default=10_000, help="reports (with their passages) to index")
    parser.add_argument("--batch", type=int, default=1_000, help="reports per load batch")
    parser.add_argument("--keep", type=Path, help="build the scratch warehouses in this folder and keep them")
    args = parser.parse_args()
    print(f"DuckDB {duckdb.__version__}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = args.keep or tmp
        scratches = {}
        for shape in SHAPES:
            scratch = Path(tmp) / f"{shape}.duckdb"
            scratch.unlink(missing_ok=True)
            passages = copy_sample(args.warehouse, scratch, args.reports)
            base = scratch.stat().st_size
            cpus, added = build_index(scratch, shape, args.batch)
            scratches[shape] = scratch
            print(f"{shape}: {args.reports:,} reports, {passages:,} passages ({base / args.reports:,.0f} bytes per "
                  f"report); index built in batches of {args.batch:,} reports: {sum(cpus) / len(cpus):.1f} s CPU "
                  f"per batch (max {max(cpus):.1f}), {added / args.reports:,.0f} bytes per report more")
        print("queries (one run each; rows: matches, or candidate passages for lookup):")
        time_queries(scratches["seqs"])
    time_fetches(args.warehouse)
    return 0


if __name__ == "__main__":
    sys.exit(main())
