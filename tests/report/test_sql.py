"""The report's queries read documented warehouse views and nothing else (not tables, not helper views)."""

from __future__ import annotations

import re

import duckdb
import pytest

from warehouse.report.queries import SQL_DIR

RELATION = re.compile(r"\b(?:FROM|JOIN)\s+([a-z_][a-z0-9_]*)", re.I)
COMMON_TABLE = re.compile(r"\b([a-z_][a-z0-9_]*)\s+AS\s*\(", re.I)
QUERIES = sorted(SQL_DIR.glob("*.sql"))


def relations_read(sql: str) -> set[str]:
    return {name.lower() for name in RELATION.findall(sql)} - {name.lower() for name in COMMON_TABLE.findall(sql)}


def test_relations_read_sees_through_common_tables():
    sql = "WITH latest AS (SELECT * FROM v_a) SELECT * FROM latest JOIN v_b USING (x)"
    assert relations_read(sql) == {"v_a", "v_b"}


@pytest.mark.parametrize("query", QUERIES, ids=[q.stem for q in QUERIES])
def test_query_reads_only_documented_views(query, sample_warehouse):
    with duckdb.connect(str(sample_warehouse), read_only=True) as connection:
        documented = {
            name for name, comment in connection.execute(
                "SELECT view_name, comment FROM duckdb_views() WHERE NOT internal"
            ).fetchall() if comment
        }
    read = relations_read(query.read_text(encoding="utf-8"))
    assert read, f"{query.name} reads nothing?"
    assert read <= documented, f"{query.name} reads {sorted(read - documented)}, which are not documented views"


def test_footer_names_exactly_the_views_the_queries_read():
    from warehouse.report.render import SOURCE_VIEWS

    read = set().union(*(relations_read(query.read_text(encoding="utf-8")) for query in QUERIES))
    assert set(SOURCE_VIEWS) == read
