"""Grade scales as data in the warehouse: `grade_scales` and `framework_scales` kept equal to the project's
tables (transform/grade_scales.csv, framework_scales.csv) by every writer, as the views are re-created by every
writer: a new scale or framework reaches the warehouse with the code that knows it, without a migration.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from transform.grades import framework_scales, scale_grades

GRADE_SCALE_COLUMNS = ("scale", "position", "grade", "printed", "digit", "score")
FRAMEWORK_SCALE_COLUMNS = ("framework", "area", "scale", "note")
INTEGER_COLUMNS = ("position", "digit", "score")


def scale_frames() -> dict[str, pd.DataFrame]:
    grades = pd.DataFrame([[getattr(row, c) for c in GRADE_SCALE_COLUMNS] for row in scale_grades()],
                          columns=list(GRADE_SCALE_COLUMNS))
    for column in INTEGER_COLUMNS:
        grades[column] = grades[column].astype("Int64")
    frameworks = pd.DataFrame([[getattr(row, c) for c in FRAMEWORK_SCALE_COLUMNS] for row in framework_scales()],
                              columns=list(FRAMEWORK_SCALE_COLUMNS))
    return {"grade_scales": grades, "framework_scales": frameworks}


def sync_scales(con: duckdb.DuckDBPyConnection) -> None:
    """Replace each table's rows with the project's where they differ (left alone when equal: a table a write
    touches costs its checkpoint a few blocks)."""
    for table, frame in scale_frames().items():
        con.register("wanted_rows", frame)
        try:
            differing = con.execute(
                f"SELECT count(*) FROM ((FROM wanted_rows EXCEPT ALL FROM {table}) "
                f"UNION ALL (FROM {table} EXCEPT ALL FROM wanted_rows))"
            ).fetchall()[0][0]
            if differing:
                con.execute(f"DELETE FROM {table}")
                con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM wanted_rows")
        finally:
            con.unregister("wanted_rows")
