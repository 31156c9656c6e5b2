"""The docs stay true: docs/warehouse.md's reference matches the schema, and every SQL example in the docs (the
analyst's guide, docs/guide.md, and any other page) runs."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from warehouse.describe import GENERATED_END, main, schema_connection, undocumented
from warehouse.snapshot import reading

DOCS_DIR = Path(__file__).resolve().parents[2] / "docs"
DOCS = DOCS_DIR / "warehouse.md"  # the reference
GUIDE = DOCS_DIR / "guide.md"  # the analyst's guide: the questions, answered in SQL
SQL_BLOCK = re.compile(r"```sql\n(.*?)```", re.DOTALL)
PYTHON_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)
GUIDE_EXAMPLES = SQL_BLOCK.findall(GUIDE.read_text(encoding="utf-8"))
# Every page's examples, so a page added later is tested too.
EXAMPLES = [sql for page in sorted(DOCS_DIR.glob("*.md"))
            for sql in SQL_BLOCK.findall(page.read_text(encoding="utf-8"))]


def example_id(sql: str) -> str:
    return " ".join(sql.split())[:60]


def test_every_table_view_and_column_has_a_comment():
    with schema_connection() as con:
        assert undocumented(con) == []


def test_the_reference_in_the_docs_matches_the_schema():
    assert main(["--check", str(DOCS)]) == 0


def test_the_check_fails_when_docs_and_schema_drift(tmp_path, capsys):
    stale = tmp_path / "warehouse.md"
    stale.write_text(DOCS.read_text(encoding="utf-8").replace("| `urn` |", "| `urn_old` |", 1), encoding="utf-8")
    assert main(["--check", str(stale)]) == 1
    assert "the schema reference is out of date; run python -m warehouse.describe" in capsys.readouterr().err
    assert main([str(stale)]) == 0
    assert stale.read_text(encoding="utf-8") == DOCS.read_text(encoding="utf-8")
    assert stale.read_text(encoding="utf-8").rstrip().endswith(GENERATED_END)


def test_the_guide_has_the_examples_the_issue_asks_for():
    text = " ".join(GUIDE_EXAMPLES)
    for view in ("v_latest_judgements", "v_judgement_history", "v_overall_streaks", "v_grade_distribution",
                 "v_quotations", "v_provider_timeline", "search_passages(", "v_passages"):
        assert view in text


@pytest.mark.parametrize("sql", EXAMPLES, ids=example_id)
def test_every_example_query_runs_on_a_hand_made_warehouse(sample_db, sql):
    with reading(sample_db) as con:
        con.execute(sql).fetchall()


def test_the_search_example_finds_every_sentence_on_neglect_in_inadequate_reports(sample_db):
    [sql] = [example for example in GUIDE_EXAMPLES if "search_passages(" in example]
    with reading(sample_db) as con:
        rows = con.execute(sql).fetchall()
    assert rows == [("Croydon", date(2017, 7, 21), "Help and protection", 14, 5,
                     "Neglect is not recognised soon enough.",
                     "/reports/London Borough of Croydon|la-inspection|2017-07-21.pdf")]


def test_the_pattern_example_finds_drift_and_delay_since_2020_only(sample_db):
    [sql] = [example for example in GUIDE_EXAMPLES if "FROM v_passages" in example]
    with reading(sample_db) as con:
        assert con.execute(sql).fetchall() == [], "the one sentence on drift is from 2017"
        con.execute("SET VARIABLE since = DATE '2017-01-01'")
        earlier = sql.replace("DATE '2020-01-01'", "getvariable('since')")
        drift = "There is drift and delay for too many children."
        assert [row[-1] for row in con.execute(earlier).fetchall()] == [drift]


@pytest.mark.corpus
@pytest.mark.parametrize("sql", EXAMPLES, ids=example_id)
def test_every_example_query_runs_on_the_corpus_warehouse(corpus_db, sql):
    with reading(corpus_db) as con:
        con.execute(sql).fetchall()


def test_the_library_api_in_the_docs_imports():
    [block] = PYTHON_BLOCK.findall(DOCS.read_text(encoding="utf-8"))
    imports = "\n".join(line.split("#")[0] for line in block.splitlines() if line.startswith("from "))
    exec(compile(imports, str(DOCS), "exec"), {})  # noqa: S102 - our own docs
