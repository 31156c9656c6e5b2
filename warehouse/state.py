"""Questions about what the warehouse holds, for flows and tests: nothing here writes.

- `fingerprint(con)`: row count and content hash of every data table: equal fingerprints, equal contents.
- `loaded_versions(con)`: parser_version of every loaded report, to decide what to re-extract.
- `known_file_ids(con)`: Ofsted file ids already loaded, so a nightly run downloads only new files.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

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


def known_file_ids(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {row[0] for row in con.execute("SELECT file_id FROM reports WHERE file_id IS NOT NULL").fetchall()}
