"""Synthetic warehouses of any size, made from the corpus's own rows, for benchmarks at archive scale.

    from bench.synthetic import build_warehouse
    build_warehouse(Path("/tmp/big.duckdb"), 1_000_000, seed=0)        # about a minute per million reports

    python bench/synthetic.py OUT.duckdb --reports 100000 [--seed 0] [--passages 200]

The corpus is read once, through the real extractor, transform and loader, into a template warehouse cached
beside the system's temporary files (keyed by parser version; `template=` takes any other warehouse). The
synthetic warehouse is then made in DuckDB alone (INSERT ... SELECT over generate_series, no Python loop):
report N copies the rows of template report hash(seed, N) mod T (its kind, framework, status, flags,
judgements, quotations, so all of them keep the corpus's proportions) under a new report_id, sha256, file id,
and dates spread over 2005-2026; la_judgements is then filled by the loader's own SQL and left as the loads'
policy leaves it at its worst (warehouse/load.py): in authority order but for an unsorted tail of the most rows
loads may append before the table is rewritten. Reports of local authorities are spread over the ~150 English
authorities (transform/local_authorities.csv); school reports over many school-like providers (one per
REPORTS_PER_SCHOOL reports). Every report also gets PASSAGES_PER_REPORT short sentences in a `passages`
table (the sentence table every report will carry; made here when the schema has none yet), since that
table dominates the warehouse's size.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import duckdb  # noqa: E402

from extract.records import PARSER_VERSION  # noqa: E402
from transform.providers import LOCAL_AUTHORITIES_CSV, LOCAL_AUTHORITY, SCHOOL  # noqa: E402
from warehouse.load import (  # noqa: E402
    COMPACT_APPENDED_FRACTION,
    COMPACT_MIN_APPENDED_ROWS,
    REFRESH_LA_JUDGEMENTS_SQL,
    rewrite_la_judgements,
)
from warehouse.schema import migrate  # noqa: E402
from warehouse.snapshot import STORAGE_COMPATIBILITY  # noqa: E402

PASSAGES_PER_REPORT = 200
REPORTS_PER_SCHOOL = 4  # a school is inspected every 3-5 years: ~4 reports each over two decades
SCHOOL_URN_BASE = 1_000_000  # seven digits: never an authority's URN
FIRST_DAY = "2005-01-01"
DAYS_SPREAD = 7_800  # 2005 to mid-2026
PUBLICATION_DELAY_DAYS = (15, 45)
# The passages table as the sentence interface (extract.records.Passage) shapes it, for schemas without one.
PASSAGES_DDL = """
CREATE TABLE IF NOT EXISTS passages (
    report_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    section VARCHAR,
    paragraph INTEGER,
    page INTEGER,
    text VARCHAR NOT NULL
);
COMMENT ON TABLE passages IS 'Every sentence of every report (synthetic stand-in made by bench/synthetic.py).';
"""


def default_template_path() -> Path:
    return Path(tempfile.gettempdir()) / f"ofsted-bench-template-{PARSER_VERSION}.duckdb"


def corpus_dir() -> Path:
    corpus = os.environ.get("OFSTED_CORPUS")
    if not corpus or not Path(corpus).is_dir():
        raise SystemExit("set OFSTED_CORPUS to the folder of corpus reports (e.g. ../shared/corpus) to build templates")
    return Path(corpus)


def template_warehouse(path: Path | None = None, corpus: Path | None = None) -> Path:
    """The corpus loaded once through the real extractor and loader; reused while the parser is the same."""
    path = path or default_template_path()
    if path.exists():
        return path
    from extract.batch import expand_paths, extract_paths
    from transform.frames import reports_to_frames
    from warehouse.load import load_batch

    reports = list(extract_paths(expand_paths([corpus or corpus_dir()])))
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    load_batch(partial, reports_to_frames([(report, None) for report in reports]))
    partial.rename(path)
    return path


def build_warehouse(
    path: str | Path,
    n_reports: int,
    seed: int = 0,
    *,
    template: Path | None = None,
    passages_per_report: int = PASSAGES_PER_REPORT,
) -> Path:
    """A fresh warehouse at `path` of `n_reports` reports replicated from the template's (see the module doc)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for leftover in (path, path.with_name(path.name + ".wal")):
        leftover.unlink(missing_ok=True)
    template = template or template_warehouse()
    con = duckdb.connect(str(path), config={"storage_compatibility_version": STORAGE_COMPATIBILITY})
    try:
        con.execute("BEGIN")
        migrate(con)
        con.execute("COMMIT")
        if passages_per_report:
            con.execute(PASSAGES_DDL)
        con.execute(f"ATTACH '{template}' AS template (READ_ONLY)")
        fill(con, n_reports, seed, passages_per_report)
        con.execute("DETACH template")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return path


def fill(con: duckdb.DuckDBPyConnection, n_reports: int, seed: int, passages_per_report: int) -> None:
    schools = max(1, n_reports // REPORTS_PER_SCHOOL)
    delay_low, delay_high = PUBLICATION_DELAY_DAYS
    con.execute(f"""
        CREATE TEMP TABLE authorities AS
        SELECT row_number() OVER (ORDER BY urn) - 1 AS n, CAST(urn AS VARCHAR) AS urn, name
        FROM read_csv('{LOCAL_AUTHORITIES_CSV}', all_varchar = true);
        CREATE TEMP TABLE templates AS
        SELECT row_number() OVER (ORDER BY r.report_id) - 1 AS t, r.*, p.provider_type AS template_provider_type
        FROM template.reports AS r LEFT JOIN template.providers AS p USING (urn);
        CREATE TEMP TABLE sentences AS
        SELECT row_number() OVER (ORDER BY report_id, seq) - 1 AS n, section, page, text FROM template.quotations;
    """)
    (templates,) = con.execute("SELECT count(*) FROM templates").fetchone()
    (authorities,) = con.execute("SELECT count(*) FROM authorities").fetchone()
    (sentences,) = con.execute("SELECT count(*) FROM sentences").fetchone()
    # One row per synthetic report: which template it copies, its new identity, provider and dates.
    con.execute(f"""
        CREATE TEMP TABLE synthetic AS
        WITH numbered AS (
            SELECT i, hash({seed}, i) AS h FROM generate_series(0, {n_reports - 1}) AS s(i)
        )
        SELECT
            n.i, n.h, t.report_id AS template_id, t.template_provider_type, t.status AS template_status,
            md5('{seed}-' || n.i) || md5(n.i || '-{seed}') AS report_id,
            CASE
                WHEN t.urn IS NULL THEN NULL
                WHEN t.template_provider_type = '{LOCAL_AUTHORITY}' THEN a.urn
                ELSE CAST({SCHOOL_URN_BASE} + (n.h >> 20) % {schools} AS VARCHAR)
            END AS urn,
            CASE WHEN t.template_provider_type = '{LOCAL_AUTHORITY}' THEN a.name END AS authority_name,
            DATE '{FIRST_DAY}' + CAST((n.h >> 8) % {DAYS_SPREAD} AS INTEGER) AS inspection_end
        FROM numbered AS n
        JOIN templates AS t ON t.t = n.h % {templates}
        LEFT JOIN authorities AS a ON a.n = (n.h >> 40) % {authorities}
    """)
    con.execute(f"""
        INSERT INTO providers BY NAME
        SELECT urn, name, '{LOCAL_AUTHORITY}' AS provider_type, la_code, ons_code, region
        FROM read_csv('{LOCAL_AUTHORITIES_CSV}', all_varchar = true);
        INSERT INTO providers BY NAME
        SELECT CAST({SCHOOL_URN_BASE} + s AS VARCHAR) AS urn, 'Synthetic School ' || s AS name,
               '{SCHOOL}' AS provider_type
        FROM generate_series(0, {schools - 1}) AS g(s);
    """)
    con.execute(f"""
        INSERT INTO reports BY NAME
        SELECT
            s.report_id, s.urn, t.kind, t.framework,
            coalesce(s.authority_name, CASE WHEN s.urn IS NOT NULL THEN 'Synthetic School ' ||
                     (CAST(s.urn AS INTEGER) - {SCHOOL_URN_BASE}) END, t.provider_name) AS provider_name,
            CASE WHEN t.inspection_end IS NOT NULL THEN
                s.inspection_end - CAST(coalesce(t.inspection_end - t.inspection_start, 0) AS INTEGER) END AS inspection_start,
            CASE WHEN t.inspection_end IS NOT NULL THEN s.inspection_end END AS inspection_end,
            s.inspection_end + CAST({delay_low} + s.h % {delay_high - delay_low} AS INTEGER) AS published,
            t.lead_inspector, t.outcome, t.next_inspection,
            'https://files.ofsted.gov.uk/v1/file/' || (50000000 + s.i) AS source_url,
            CAST(s.i + 1 AS INTEGER) AS report_no,
            CAST(50000000 + s.i AS VARCHAR) AS file_id,
            s.report_id AS sha256, t.pages, t.parser_version, t.status, t.error, t.quality_flags,
            '/synthetic/' || s.report_id || '.pdf' AS path,
            md5(s.report_id || t.content_hash) AS content_hash,
            t.loaded_at
        FROM synthetic AS s JOIN templates AS t ON t.report_id = s.template_id
    """)
    con.execute("""
        INSERT INTO judgements BY NAME
        SELECT s.report_id, j.area, j.grade, j.score, j.label, j.page
        FROM synthetic AS s JOIN template.judgements AS j ON j.report_id = s.template_id;
        INSERT INTO quotations BY NAME
        SELECT s.report_id, CAST(s.i + 1 AS INTEGER) AS report_no, q.seq, q.section, q.page, q.text, q.rank, q.reason
        FROM synthetic AS s JOIN template.quotations AS q ON q.report_id = s.template_id;
    """)
    fill_la_judgements(con)
    if passages_per_report:
        columns = {row[0] for row in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = 'passages' "
            "AND database_name = current_database()").fetchall()}
        generated = {
            "report_id": "s.report_id", "report_no": "CAST(s.i + 1 AS INTEGER)", "seq": "CAST(k AS INTEGER)",
            "section": "w.section",
            "paragraph": "CAST(k // 4 + 1 AS INTEGER)", "page": "w.page", "text": "w.text",
        }
        select = ", ".join(f"{expression} AS {name}" for name, expression in generated.items() if name in columns)
        con.execute(f"""
            INSERT INTO passages BY NAME
            SELECT {select}
            FROM synthetic AS s
            CROSS JOIN generate_series(1, {passages_per_report}) AS g(k)
            JOIN sentences AS w ON w.n = (s.h + k * 7919) % {sentences}
            WHERE s.template_status = 'ok'  -- only reports that were read have sentences
            ORDER BY s.i, k
        """)
    con.execute("DROP TABLE synthetic; DROP TABLE templates; DROP TABLE sentences; DROP TABLE authorities")


def fill_la_judgements(con: duckdb.DuckDBPyConnection) -> None:
    """The loader's table of one report per inspection (migration 009), by the loader's own SQL, with every
    inspection counted as touched and nothing staged (every chosen report's judgements come from the table)."""
    con.execute("""
        CREATE TEMP TABLE load_ids (report_id VARCHAR);
        CREATE TEMP TABLE stage_judgements AS SELECT * FROM judgements LIMIT 0;
        CREATE TEMP TABLE touched_inspections AS
        SELECT DISTINCT urn, inspection_end, CASE WHEN inspection_end IS NULL THEN report_id END AS undated_report_id
        FROM reports WHERE status = 'ok' AND kind = 'la-inspection' AND urn IS NOT NULL
    """)
    con.execute(REFRESH_LA_JUDGEMENTS_SQL.read_text())
    con.execute("DROP TABLE touched_inspections; DROP TABLE la_dropped; DROP TABLE la_refreshed; DROP TABLE load_ids; "
                "DROP TABLE stage_judgements")
    leave_largest_unsorted_tail(con)


def leave_largest_unsorted_tail(con: duckdb.DuckDBPyConnection) -> None:
    """la_judgements in authority order, as the loads' last rewrite left it, then as many rows as loads may append
    before the next (they lie in every row group they fill, which one authority's history reads whole): a random
    choice of its rows, moved to the end in random order, counted as appended."""
    (rows,) = con.execute("SELECT count(*) FROM la_judgements").fetchone()
    tail = min(rows, int(max(COMPACT_APPENDED_FRACTION * rows, COMPACT_MIN_APPENDED_ROWS)))
    rewrite_la_judgements(con)
    con.execute(f"""
        CREATE TEMP TABLE la_tail AS
        SELECT * FROM la_judgements ORDER BY hash(report_id, area) LIMIT {tail};
        DELETE FROM la_judgements WHERE (report_id, area) IN (SELECT (report_id, area) FROM la_tail);
        INSERT INTO la_judgements BY NAME SELECT * FROM la_tail;
        DROP TABLE la_tail;
        UPDATE la_judgements_order SET appended_rows = {tail};
    """)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="warehouse file to create (replaced if it exists)")
    parser.add_argument("--reports", type=int, default=10_000, help="number of synthetic reports")
    parser.add_argument("--seed", type=int, default=0, help="seed of the replication (same seed, same warehouse)")
    parser.add_argument("--passages", type=int, default=PASSAGES_PER_REPORT, help="sentences per report")
    args = parser.parse_args()
    started = time.perf_counter()
    template = template_warehouse()
    built = time.perf_counter()
    build_warehouse(args.out, args.reports, args.seed, template=template, passages_per_report=args.passages)
    done = time.perf_counter()
    print(f"template {template} ({built - started:.1f} s); {args.reports} reports -> {args.out}: "
          f"{args.out.stat().st_size / 1e6:.0f} MB in {done - built:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
