"""docs/search.md stays true: its SQL runs, and every query in its table of query syntax is read as it says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from warehouse.search_index import analyze
from warehouse.search_query import All, Any, Not, Phrase, parse
from warehouse.snapshot import reading

DOCS = Path(__file__).resolve().parents[2] / "docs" / "search.md"
TEXT = DOCS.read_text(encoding="utf-8")
SQL_BLOCKS = re.findall(r"```sql\n(.*?)```", TEXT, re.DOTALL)
# The rows of the table under "What a query means": | `typed` | what it finds |
TABLE = TEXT.split("## What a query means", 1)[1].split("\n\n", 2)[1]
TYPED = re.findall(r"^\| `([^`]+)` \|", TABLE, re.MULTILINE)


@pytest.mark.parametrize("sql", SQL_BLOCKS, ids=lambda sql: " ".join(sql.split())[:50])
def test_every_sql_example_runs(sample_db, sql):
    with reading(sample_db) as con:
        con.execute(sql).fetchall()


def test_the_pattern_example_finds_drift_and_neglect_in_key_quotations(sample_db):
    [sql] = [block for block in SQL_BLOCKS if "search_pattern" in block]
    with reading(sample_db) as con:
        texts = [row[-1] for row in con.execute(sql).fetchall()]
    assert texts == ["There is drift and delay for too many children."]


def test_every_query_of_the_syntax_table_is_read_as_it_says():
    assert len(TYPED) == 12
    shapes = {typed: parse(typed, analyze) for typed in TYPED}
    assert isinstance(shapes["neglect AND \"domestic abuse\""], All)
    assert shapes['"domestic abuse" neglect'] == All(tuple(reversed(shapes['neglect AND "domestic abuse"'].parts)))
    assert isinstance(shapes["neglect OR drift"], Any)
    assert isinstance(shapes['neglect NOT "domestic abuse"'].parts[1], Not)
    assert shapes["drift and delay"] == shapes['"drift and delay"'] and isinstance(shapes["drift and delay"], Phrase)
    assert [w.prefix for w in shapes["drift and del*"].words] == [False, False, True]
    assert shapes["children's homes"] == parse("children’s homes", analyze)
    assert shapes["well-being"] == parse("“well being”", analyze) != parse("wellbeing", analyze)


def test_the_python_example_runs(sample_db):
    [block] = re.findall(r"```python\n(.*?)```", TEXT, re.DOTALL)
    scope = {"db": sample_db}
    exec(compile(block, str(DOCS), "exec"), scope)  # noqa: S102 - our own docs
    assert [p.snippet for p in scope["found"].passages] == [
        "**Neglect** is not recognised soon enough.", "There is **drift and delay** for too many children."]
