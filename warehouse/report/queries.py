"""Read the report's rows from the warehouse: the SQL in sql/ (documented views only) into typed records."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TypeVar

import duckdb

from warehouse.report.exceptions import WarehouseIncomplete
from warehouse.report.sections import group_by_urn, latest_inspection
from warehouse.report.records import (
    AreaJudgement,
    Authority,
    KeyQuotation,
    Movement,
    AuthoritiesData,
    IndexData,
    RegionGradeCount,
    Streak,
    Summary,
    TimelineEntry,
    UnreadCount,
    UnreadFile,
    YearGradeCount,
)

SQL_DIR = Path(__file__).with_name("sql")
# Leeds' "Outstanding three times in a row" is the streak analysts asked to see; shorter runs are common.
MIN_STREAK = 3
# Enough of the headline and "what needs to improve" to read the verdict without the whole report.
KEY_QUOTATIONS_PER_AUTHORITY = 5
# The index lists the longest streaks only (a million reports make thousands); each authority's page has all
# of its own.
STREAKS_ON_INDEX = 50
# Files not read listed one by one on the index: every one of a real archive's (the corpus has 7), while a
# warehouse of a million reports, with thousands, keeps a page a browser opens; the count by why is always whole.
UNREAD_FILES_LISTED = 1000

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
    return fetch(connection, "authorities", Authority, urns=None)


def read_index_data(connection: duckdb.DuckDBPyConnection, generated_at: datetime | None = None) -> IndexData:
    """The index page's rows: the national picture over every authority, and the list of authorities."""
    (summary,) = fetch(connection, "summary", Summary)
    streaks = fetch(connection, "streaks", Streak, urns=None, min_streak=MIN_STREAK)
    return IndexData(
        summary=summary,
        grades_by_year=fetch(connection, "grades_by_year", YearGradeCount),
        latest_grades_by_region=fetch(connection, "latest_grades_by_region", RegionGradeCount),
        movements=fetch(connection, "movements", Movement, urns=None),
        streaks=streaks[:STREAKS_ON_INDEX],
        streaks_total=len(streaks),
        authorities=read_authorities(connection),
        generated_at=generated_at or datetime.now().astimezone(),
        min_streak=MIN_STREAK,
        unread=fetch(connection, "unread_reports", UnreadFile, limit=UNREAD_FILES_LISTED),
        unread_counts=fetch(connection, "unread_counts", UnreadCount),
    )


def read_authorities_data(
    connection: duckdb.DuckDBPyConnection, authorities: Sequence[Authority], generated_at: datetime | None = None
) -> AuthoritiesData:
    """The pages of these authorities (rows of the index's list) only: a nightly reads what it changed, never the
    whole warehouse."""
    urns = [authority.urn for authority in authorities]
    timeline = fetch(connection, "timeline", TimelineEntry, urns=urns)
    return AuthoritiesData(
        authorities=tuple(authorities),
        timeline=timeline,
        judgements=fetch(connection, "judgements", AreaJudgement, urns=urns),
        key_quotations=fetch(
            connection, "key_quotations", KeyQuotation, report_ids=latest_inspections(timeline),
            per_authority=KEY_QUOTATIONS_PER_AUTHORITY,
        ),
        streaks=fetch(connection, "streaks", Streak, urns=urns, min_streak=MIN_STREAK),
        generated_at=generated_at or datetime.now().astimezone(),
        min_streak=MIN_STREAK,
    )


def latest_inspections(timeline: Sequence[TimelineEntry]) -> list[str]:
    """Each authority's latest full inspection, picked from the timeline already read (the page shows its key
    quotations), so the quotations query reads those reports' quotations only."""
    latest = (latest_inspection(entries) for entries in group_by_urn(timeline).values())
    return [entry.report_id for entry in latest if entry is not None]


def read_urns_of_reports(connection: duckdb.DuckDBPyConnection, report_ids: Iterable[str]) -> list[str]:
    """The authorities these reports belong to (school reports and reports with no authority left out)."""
    rows = connection.execute(read_sql("urns_of_reports"), {"report_ids": list(report_ids)}).fetchall()
    return [urn for (urn,) in rows]
