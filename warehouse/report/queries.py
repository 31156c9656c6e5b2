"""Read the report's rows from the warehouse: the SQL in sql/ (documented views only) into typed records."""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TypeVar

import duckdb

from warehouse.report.exceptions import WarehouseIncomplete
from warehouse.report.records import (
    AreaJudgement,
    Authority,
    KeyQuotation,
    Movement,
    RegionGradeCount,
    ReportData,
    Streak,
    Summary,
    TimelineEntry,
    UnreadCount,
    YearGradeCount,
)

SQL_DIR = Path(__file__).with_name("sql")
# Leeds' "Outstanding three times in a row" is the streak analysts asked to see; shorter runs are common.
MIN_STREAK = 3
# Enough of the headline and "what needs to improve" to read the verdict without the whole report.
KEY_QUOTATIONS_PER_AUTHORITY = 5

Row = TypeVar("Row")


@cache
def read_sql(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def query_parameters(sql: str) -> set[str]:
    """Names of the $parameters a query uses (DuckDB rejects values for parameters a query lacks)."""
    return set(re.findall(r"\$([a-z_]+)", sql))


def fetch(connection: duckdb.DuckDBPyConnection, name: str, row_type: type[Row], **parameters) -> tuple[Row, ...]:
    sql = read_sql(name)
    wanted = query_parameters(sql)
    try:
        cursor = connection.execute(sql, {key: value for key, value in parameters.items() if key in wanted})
    # A missing view is a CatalogException; a view without a column the query needs, a BinderException.
    except (duckdb.CatalogException, duckdb.BinderException) as exc:
        raise WarehouseIncomplete(
            f"query {name}.sql cannot run ({' '.join(str(exc).split())}); load the warehouse with this version of ofsted "
            "(`ofsted ingest`) so its views exist"
        ) from exc
    columns = [column[0] for column in cursor.description]
    return tuple(row_type(**dict(zip(columns, values))) for values in cursor.fetchall())


def read_authorities(connection: duckdb.DuckDBPyConnection) -> tuple[Authority, ...]:
    return fetch(connection, "authorities", Authority, urn=None)


def read_report_data(
    connection: duckdb.DuckDBPyConnection, urn: str | None = None, generated_at: datetime | None = None
) -> ReportData:
    """The whole page's rows; with `urn`, authority sections and movements for that authority only.

    The national charts always cover every authority: they are the context one authority is read against.
    """
    (summary,) = fetch(connection, "summary", Summary, urn=None)
    return ReportData(
        summary=summary,
        grades_by_year=fetch(connection, "grades_by_year", YearGradeCount),
        latest_grades_by_region=fetch(connection, "latest_grades_by_region", RegionGradeCount),
        movements=fetch(connection, "movements", Movement, urn=urn),
        streaks=fetch(connection, "streaks", Streak, urn=urn, min_streak=MIN_STREAK),
        authorities=fetch(connection, "authorities", Authority, urn=urn),
        timeline=fetch(connection, "timeline", TimelineEntry, urn=urn),
        judgements=fetch(connection, "judgements", AreaJudgement, urn=urn),
        key_quotations=fetch(
            connection, "key_quotations", KeyQuotation, urn=urn, per_authority=KEY_QUOTATIONS_PER_AUTHORITY
        ),
        generated_at=generated_at or datetime.now().astimezone(),
        min_streak=MIN_STREAK,
        unread=fetch(connection, "unread_reports", UnreadCount, urn=urn),
    )
