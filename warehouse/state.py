"""Questions about what the warehouse holds, for flows and tests: nothing here writes.

- `fingerprint(con)`: row count and content hash of every data table: equal fingerprints, equal contents.
- `loaded_versions(con)`: parser_version of every loaded report, to decide what to re-extract.
- `unread_errors(con)`: why each loaded file that gave no judgements was not read, so a skipped file still counts.
- `relative_paths(con)`: reports loaded before paths were stored absolute, with the path they were read from.
- `known_file_ids(con)`: Ofsted file ids already loaded, so a nightly run downloads only new files.
- `reparse_targets(con, ...)`: the reports `ofsted reparse` reads again, with where their file came from.
- `report_states(con, ids)`: status, provider, grades and quotations of reports, to tell what a reparse changed.
- `report_notices(con, ids)`: what an announcement of newly loaded reports says (provider codes, grade, quotation).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

SQL_DIR = Path(__file__).parent / "sql"
REPARSE_TARGETS_SQL = SQL_DIR / "reparse_targets.sql"
REPORT_STATES_SQL = SQL_DIR / "report_states.sql"
REPORT_NOTICES_SQL = SQL_DIR / "report_notices.sql"
# reparse_targets.sql's default selection: what a newer parser or a newer table of authorities could change.
DUE = "due"

# The tables loads fill from reports; runs and failures grow with every run by design.
DATA_TABLES = ("providers", "reports", "judgements", "quotations", "passages")


@dataclass(frozen=True)
class TableFingerprint:
    rows: int
    content_hash: str


def fingerprint(con: duckdb.DuckDBPyConnection, tables: tuple[str, ...] = DATA_TABLES) -> dict[str, TableFingerprint]:
    """Per table: its row count and an order-independent hash of every row's every column."""
    result = {}
    for table in tables:
        rows, content_hash = con.execute(
            f"SELECT count(*), md5(coalesce(string_agg(row_hash, '' ORDER BY row_hash), '')) "
            f"FROM (SELECT md5(t::VARCHAR) AS row_hash FROM {table} AS t)"
        ).fetchone()
        result[table] = TableFingerprint(rows, content_hash)
    return result


def loaded_versions(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """report_id (the file's sha256) -> parser_version of its loaded rows."""
    return dict(con.execute("SELECT report_id, parser_version FROM reports").fetchall())


def unread_errors(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """report_id -> the error (else the status) of every loaded report whose status is not ok."""
    return dict(con.execute("SELECT report_id, coalesce(error, status) FROM reports WHERE status <> 'ok'").fetchall())


def relative_paths(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """report_id -> the stored path of every report whose path is not absolute: loaded before ingest stored
    absolute paths, relative to a folder the warehouse does not know."""
    rows = con.execute("SELECT report_id, path FROM reports WHERE path IS NOT NULL AND NOT starts_with(path, '/')")
    return dict(rows.fetchall())


def known_file_ids(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {row[0] for row in con.execute("SELECT file_id FROM reports WHERE file_id IS NOT NULL").fetchall()}


@dataclass(frozen=True)
class ReparseTarget:
    """A loaded report to read again, and what the warehouse knows of where its file came from."""

    report_id: str
    sha256: str
    path: str | None
    source_url: str | None
    file_id: str | None
    published: date | None
    site_label: str | None
    site_inspection_date: date | None
    urn: str | None


def reparse_targets(
    con: duckdb.DuckDBPyConnection, parser_version: str, selection: str = DUE, since: date | None = None
) -> list[ReparseTarget]:
    """Reports to read again: `selection` is DUE, 'all', or a status (see reparse_targets.sql)."""
    cursor = con.execute(
        REPARSE_TARGETS_SQL.read_text(), {"selection": selection, "parser_version": parser_version, "since": since}
    )
    return [ReparseTarget(*row) for row in cursor.fetchall()]


@dataclass(frozen=True)
class ReportState:
    report_id: str
    status: str
    urn: str | None
    provider_name: str | None
    kind: str | None
    inspection_end: date | None
    path: str | None
    grades: dict[str, str]  # area -> grade
    quotations: tuple[str, ...]


def report_states(con: duckdb.DuckDBPyConnection, report_ids: list[str]) -> dict[str, ReportState]:
    rows = con.execute(REPORT_STATES_SQL.read_text(), {"report_ids": report_ids}).fetchall()
    states = {}
    for report_id, status, urn, name, kind, end, path, grades, quotations in rows:
        states[report_id] = ReportState(
            report_id, status, urn, name, kind, end, path, dict(grades or {}), tuple(quotations or ())
        )
    return states


@dataclass(frozen=True)
class Quoted:
    text: str
    page: int | None
    section: str | None


@dataclass(frozen=True)
class ReportNotice:
    """A loaded report as an announcement tells it: who, what framework and grade, where, and its top quotation."""

    report_id: str
    file_id: str | None
    status: str
    urn: str | None
    provider_name: str | None
    provider_type: str | None
    la_code: str | None
    ons_code: str | None
    region: str | None
    kind: str | None
    framework: str | None
    published: date | None
    inspection_end: date | None
    overall: str | None  # the overall effectiveness grade, else the outcome of an ungraded inspection
    source_url: str | None
    top_quotation: Quoted | None


def report_notices(con: duckdb.DuckDBPyConnection, report_ids: list[str]) -> list[ReportNotice]:
    rows = con.execute(REPORT_NOTICES_SQL.read_text(), {"report_ids": report_ids}).fetchall()
    return [ReportNotice(*row[:-1], Quoted(**row[-1]) if row[-1] else None) for row in rows]
