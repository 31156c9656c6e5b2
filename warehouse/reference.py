"""Reference tables the views join, kept from the project's data files: `area_lineage` (transform/area_lineage.csv)
and `regions` (transform/regions.csv). Migration 015 creates them; every writer puts the files' rows in when
the table holds anything else, so a corrected file reaches the warehouse at its next write without a migration,
and a write that changes nothing leaves the tables (and the blocks they sit in) alone."""

from __future__ import annotations

import duckdb

from transform.areas import area_lineage
from transform.providers import region_codes


def reference_rows() -> dict[str, tuple[tuple[str, ...], list[tuple]]]:
    """table -> (its columns, the rows the data files give it)."""
    return {
        "area_lineage": (
            ("area", "continues", "preference", "note"),
            [(row.area, row.continues, row.preference, row.note) for row in area_lineage()],
        ),
        "regions": (("region", "region_code"), sorted(region_codes().items())),
    }


def keep_reference_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Make each reference table hold exactly its data file's rows, inside the caller's transaction."""
    for table, (columns, rows) in reference_rows().items():
        names = ", ".join(columns)
        held = con.execute(f"SELECT {names} FROM {table}").fetchall()
        if sorted(held) != sorted(rows):
            con.execute(f"DELETE FROM {table}")
            con.executemany(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' for _ in columns)})", rows)
