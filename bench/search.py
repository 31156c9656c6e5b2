"""ofsted search's engine against the scan, side by side, over a synthetic warehouse of many reports.

    python bench/search.py CORPUS_DIR [--reports 100000] [--passages 150-300] [--repeat 3] [--scan-repeat 1]
                           [--db FILE] [--reindex]

1. Builds a warehouse of --reports full inspections the way loads do (bench/ingest.py's synthetic reports:
   five judgements, eight key quotations, grades and dates varied), loaded 100,000 at a time, and prints its
   bytes per report.
2. Adds --passages passages per report (150-300 by default). Their sentences are real: every sentence of the
   first PDFs of CORPUS_DIR (pypdfium2 text, split at full stops), each passage the first half of one real
   sentence joined to the second half of another, so passages are as varied as a real archive's (no two
   reports share their text) and words keep their real frequencies. Prints bytes per report again.
   With --db FILE the warehouse is built there and kept; run again with the same FILE to time it without
   building it again.
3. Builds the search index from every passage, as `ofsted reindex` does (warehouse/search_index.py), and prints
   its build time per 1,000 reports (wall and CPU of all threads) and its bytes per report. A kept --db FILE
   keeps its index too (FILE.search); --reindex builds it again.
4. Times each query, with and without filters, in one run, the engine and the scan in turns:
   - `engine`: what `ofsted search` runs (warehouse.search with the index): the matches counted and the newest
     50 found by the engine, then their sentences and their reports' context read from the warehouse;
   - `scan`: the same search by reading every passage (the patterns of search_passages), as `ofsted search`
     does where no index can be written, counted, ordered and cut to 50 the same way.
   Engine times are the median of --repeat runs, scan times of --scan-repeat (a scan of every sentence takes
   seconds to minutes).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import duckdb  # noqa: E402

from bench.ingest import synthetic_reports  # noqa: E402
from extract.batch import expand_paths  # noqa: E402
from extract.exceptions import ExtractionError  # noqa: E402
from extract.pdf_text import bytes_to_document  # noqa: E402
from transform.frames import reports_to_frames  # noqa: E402
from warehouse.load import load_batch  # noqa: E402
from warehouse.search import SearchFilters, search_passages  # noqa: E402
from warehouse.search_index import catch_up, folder_of, open_engine  # noqa: E402

DEFAULT_PASSAGES = (150, 300)  # sentences per report: a short focused visit to a long full inspection
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
LOAD_REPORTS = 100_000  # reports per load while building (one load of a million would not fit in memory)
PAGE = 50  # sentences a search shows, as ofsted search by default


@dataclass(frozen=True)
class Query:
    label: str
    words: str
    filters: SearchFilters
    sort: str = "newest"


QUERIES = (
    Query("neglect", "neglect", SearchFilters()),
    Query("neglect --grade inadequate", "neglect", SearchFilters(grade="inadequate")),
    Query('"drift and delay"', "drift and delay", SearchFilters()),
    Query('"drift and delay" --since 2020 (a range)', "drift and delay", SearchFilters(since=date(2020, 1, 1))),
    Query('"private fostering" --kind la-inspection --since 2020', "private fostering",
          SearchFilters(kind="la-inspection", since=date(2020, 1, 1))),
    Query('"care leavers" --provider Leeds', "care leavers", SearchFilters(provider="Leeds")),
    Query('"care leavers" --region "North West"', "care leavers", SearchFilters(region="North West")),
    Query("zzyzx (no match)", "zzyzx", SearchFilters()),
    Query("safeguard*", "safeguard*", SearchFilters()),
    Query('neglect AND "domestic abuse"', 'neglect AND "domestic abuse"', SearchFilters()),
    Query("children's services", "children's services", SearchFilters()),
    # The commonest words: every sentence that says them is a match.
    Query('"children in care"', "children in care", SearchFilters()),
    Query("care", "care", SearchFilters()),
    Query("care --sort relevance", "care", SearchFilters(), sort="relevance"),
    Query("the", "the", SearchFilters()),
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
    for first in range(0, count, LOAD_REPORTS):
        reports = []
        for report in synthetic_reports(min(LOAD_REPORTS, count - first), f"s{first}-"):
            grade = GRADES[stable_hash(report.sha256) % len(GRADES)]
            kind = KINDS[stable_hash(report.sha256 + "k") % len(KINDS)]
            judgements = [replace(j, grade=grade) for j in report.judgements] if kind == "la-inspection" else []
            reports.append(replace(report, kind=kind, judgements=judgements, framework="ilacs-2023"))
        load_batch(db, reports_to_frames([(r, None) for r in reports]))


def stable_hash(text: str) -> int:
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)


def add_passages(db: Path, sentences: list[str], passages: tuple[int, int]) -> None:
    """Passages in SQL (22 million of them would not fit in Python objects): head of one sentence, tail of another."""
    pool = [halves(s) for s in sentences]
    low, high = passages
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
                1, CAST({low} + hash(r.report_id) % {high - low + 1} AS BIGINT)
            ) AS s(seq)
            JOIN pool AS h ON h.n = CAST(hash(r.report_id, s.seq, 'head') % {len(pool)} AS INTEGER)
            JOIN pool AS t ON t.n = CAST(hash(r.report_id, s.seq, 'tail') % {len(pool)} AS INTEGER)
            JOIN sections AS sec ON sec.n = (s.seq * {len(SECTIONS)}) // ({high} + 1)
            ORDER BY r.report_no, s.seq
            """
        )
        con.execute("CHECKPOINT")


def bytes_per_report(db: Path) -> tuple[float, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        reports = con.execute("SELECT count(*) FROM reports").fetchone()[0]
    return db.resolve().stat().st_size / reports, reports


def folder_bytes(folder: Path) -> int:
    return int(subprocess.run(["du", "-sb", str(folder)], capture_output=True, text=True, check=True).stdout.split()[0])


def build_index(db: Path) -> None:
    """The search index from every passage, as `ofsted reindex` builds it."""
    with duckdb.connect(str(db), read_only=True) as con:
        start, cpu_start = time.perf_counter(), time.process_time()
        built = catch_up(db, con, rebuild=True)
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    size, thousands = folder_bytes(folder_of(db)), built.reports / 1000
    print(f"search index built in {wall:.0f} s ({wall / thousands:.2f} s per 1,000 reports, {cpu / thousands:.2f} s of "
          f"CPU of all threads): {built.sentences:,} sentences, {size / built.reports:,.0f} bytes per report "
          f"({size / 1e9:.2f} GB)")


def median_seconds(run, repeat: int) -> tuple[float, float, object]:
    """Median wall and CPU seconds (CPU of this process, all threads: the machine is shared), and the result."""
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        start, cpu_start = time.perf_counter(), time.process_time()
        result = run()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu_start)
    return statistics.median(walls), statistics.median(cpus), result


def time_queries(db: Path, repeat: int, scan_repeat: int) -> None:
    with duckdb.connect(str(db), read_only=True) as con:
        engine = open_engine(db)
        passages = con.execute("SELECT count(*) FROM passages").fetchone()[0]
        threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
        print(f"search over {passages:,} passages, {engine.searcher.num_segments} index segments, DuckDB "
              f"{duckdb.__version__} on {threads} threads; engine median of {repeat}, scan of {scan_repeat}; "
              f"wall ms (CPU ms):")
        print(f"  {'query':55} {'matches':>12} {'engine':>16} {'scan':>18} {'scan/engine':>11}")
        for query in QUERIES:
            def search(index):
                return search_passages(con, query.words, query.filters, engine=index, limit=PAGE, sort=query.sort)

            wall, cpu, found = median_seconds(lambda: search(engine), repeat)
            matches = f"{'>' if found.more else ''}{found.matches:,}"
            if scan_repeat:
                scan_wall, scan_cpu, scanned = median_seconds(lambda: search(None), scan_repeat)
                same = [p.text for p in found.passages] == [p.text for p in scanned.passages] or query.sort != "newest"
                scan = f"{scan_wall * 1000:7.0f} ({scan_cpu * 1000:7.0f})"
                ratio = f"{scan_wall / wall:10.0f}x" + ("" if same else " DIFFERENT PAGE")
                matches += "" if found.more or scanned.matches == found.matches else f" (scan {scanned.matches:,})"
            else:
                scan, ratio = "", ""
            print(f"  {query.label:55} {matches:>12} {wall * 1000:6.0f} ({cpu * 1000:6.0f}) {scan:>18} {ratio:>11}",
                  flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="folder of report PDFs to take real sentences from")
    parser.add_argument("--reports", type=int, default=100_000, help="reports in the synthetic warehouse")
    parser.add_argument("--passages", default=f"{DEFAULT_PASSAGES[0]}-{DEFAULT_PASSAGES[1]}", metavar="LOW-HIGH",
                        help="passages per report (default %(default)s)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per query of the engine (the median is printed)")
    parser.add_argument("--scan-repeat", type=int, default=1, help="runs per query of the scan; 0 skips the scan")
    parser.add_argument("--db", type=Path, help="build the warehouse in FILE and keep it; an existing FILE is reused")
    parser.add_argument("--reindex", action="store_true", help="build the index of a reused FILE again")
    args = parser.parse_args()
    low, high = (int(n) for n in args.passages.split("-"))
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "synthetic.duckdb"
        if db.exists():
            size, reports = bytes_per_report(db)
            print(f"reusing {db}: {reports:,} reports, {size:,.0f} bytes per report")
        else:
            build(db, args.corpus, args.reports, (low, high))
        if args.reindex or not indexed(db):
            build_index(db)
        else:
            size, reports = folder_bytes(folder_of(db)), bytes_per_report(db)[1]
            print(f"reusing its search index: {size / reports:,.0f} bytes per report ({size / 1e9:.2f} GB)")
        time_queries(db, args.repeat, args.scan_repeat)
    return 0


def indexed(db: Path) -> bool:
    """Whether the index holds the warehouse's sentences (the build's loads index reports before their passages
    are added, so a new warehouse's index holds none)."""
    engine = open_engine(db)
    with duckdb.connect(str(db), read_only=True) as con:
        passages = con.execute("SELECT count(*) FROM passages").fetchone()[0]
    return engine is not None and engine.searcher.num_docs > 1 or passages == 0


def build(db: Path, corpus: Path, count: int, passages: tuple[int, int]) -> None:
    sentences = corpus_sentences(corpus)
    print(f"{len(sentences):,} distinct real sentences from the first {POOL_FILES} PDFs of {corpus}")
    start = time.perf_counter()
    build_reports(db, count)
    before, reports = bytes_per_report(db)
    print(f"{reports:,} reports loaded in {time.perf_counter() - start:.0f} s: {before:,.0f} bytes per report "
          "without passages")
    start = time.perf_counter()
    add_passages(db, sentences, passages)
    after, _ = bytes_per_report(db)
    print(f"{passages[0]}-{passages[1]} passages per report added in {time.perf_counter() - start:.0f} s: "
          f"{after:,.0f} bytes per report with them ({after / before:.1f}x; file {db.resolve().stat().st_size / 1e9:.2f} GB)")


if __name__ == "__main__":
    sys.exit(main())
