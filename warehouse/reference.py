"""Reference tables the views join, kept from the project's data files: `area_lineage` (transform/area_lineage.csv)
and `regions` (transform/regions.csv), created by migration 015; `grade_scales` and `framework_scales`
(transform/grade_scales.csv, framework_scales.csv: each framework's scale), created by migration 016. Every writer
puts the files' rows in when the table holds anything else, so a corrected file (or a new scale) reaches the
warehouse at its next write without a migration, and a write that changes nothing leaves the tables (and the
blocks they sit in) alone."""

from __future__ import annotations

from collections import Counter

import duckdb

from transform.areas import area_lineage
from transform.grades import framework_scales, scale_grades
from transform.providers import region_codes


def reference_rows() -> dict[str, tuple[tuple[str, ...], list[tuple]]]:
    """table -> (its columns, the rows the data files give it)."""
    return {
        "area_lineage": (
            ("area", "continues", "preference", "note"),
            [(row.area, row.continues, row.preference, row.note) for row in area_lineage()],
        ),
        "regions": (("region", "region_code"), sorted(region_codes().items())),
        "grade_scales": (
            ("scale", "position", "grade", "printed", "digit", "score"),
            [(r.scale, r.position, r.grade, r.printed, r.digit, r.score) for r in scale_grades()],
        ),
        "framework_scales": (
            ("framework", "area", "scale", "note"),
            [(r.framework, r.area, r.scale, r.note) for r in framework_scales()],
        ),
    }


def keep_reference_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Make each reference table hold exactly its data file's rows, inside the caller's transaction."""
    for table, (columns, rows) in reference_rows().items():
        names = ", ".join(columns)
        held = con.execute(f"SELECT {names} FROM {table}").fetchall()
        # Counted rather than sorted: a row may hold NULLs (a scale's not_judged has no position).
        if Counter(held) != Counter(rows):
            con.execute(f"DELETE FROM {table}")
            con.executemany(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' for _ in columns)})", rows)
