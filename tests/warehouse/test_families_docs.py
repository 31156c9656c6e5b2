"""docs/families.md stays true: every example query runs, on a hand-made warehouse of schools, early years
settings and colleges (tests/provider_samples.py), where each gives the rows it says, and on the corpus."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from tests.factories import sample_reports
from tests.provider_samples import OLD_SETTING, PREREG_OUTCOME, SCHOOL, SETTING, provider_reports
from transform.frames import reports_to_frames
from warehouse.load import load_batch
from warehouse.snapshot import reading

DOCS = Path(__file__).resolve().parents[2] / "docs" / "families.md"
EXAMPLES = re.findall(r"```sql\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.DOTALL)


@pytest.fixture(scope="module")
def providers_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("providers") / "ofsted.duckdb"
    load_batch(db, reports_to_frames([(report, None) for report in sample_reports()] + provider_reports()))
    return db


def example(words: str) -> str:
    (sql,) = [sql for sql in EXAMPLES if words in sql]
    return sql


def rows(db: Path, sql: str) -> list[tuple]:
    with reading(db) as con:
        return con.execute(sql).fetchall()


@pytest.mark.parametrize("sql", EXAMPLES, ids=lambda sql: " ".join(sql.split())[:60])
def test_every_example_runs_and_finds_rows(providers_db, sql):
    assert rows(providers_db, sql)


def test_the_report_cards_scale_has_five_points_and_safeguarding_met_or_not(providers_db):
    found = rows(providers_db, example("'report-card-2025'"))
    assert [(area, grade) for _, area, _, _, grade, _ in found] == [
        ("every other area", "exceptional"), ("every other area", "strong_standard"),
        ("every other area", "expected_standard"), ("every other area", "needs_attention"),
        ("every other area", "urgent_improvement"), ("safeguarding", "met"), ("safeguarding", "not_met"),
    ]


def test_the_previous_grade_comes_from_the_report_or_else_the_warehouse(providers_db):
    found = rows(providers_db, example("v_early_years_judgement_history"))
    assert [(urn, previous, grade, direction, source) for urn, _, _, previous, grade, direction, source in found] == [
        (OLD_SETTING, "good", "outstanding", "improved", "warehouse"),
        (SETTING, "outstanding", "good", "declined", "report"),
    ]


def test_a_decline_in_quality_of_education(providers_db):
    assert rows(providers_db, example("direction = 'declined'")) == [
        ("Harbour Primary School", date(2024, 10, 9), "eif-2024", "good", "requires_improvement")
    ]


def test_an_overall_grade_from_before_september_2024_is_marked_as_not_the_latest_inspections(providers_db):
    found = rows(providers_db, example("NOT from_latest_inspection"))
    assert [(urn, framework) for urn, _, _, framework, _ in found] == [(SCHOOL, "eif"), ("139486", "eif")]


def test_a_colleges_provision_types(providers_db):
    assert [(area, grade) for _, area, grade, _ in rows(providers_db, example("apprenticeships"))] == [
        ("adult_learning_programmes", "requires_improvement"), ("apprenticeships", "good")
    ]


def test_the_pre_registration_outcome(providers_db):
    assert [outcome for *_, outcome in rows(providers_db, example("pre-registration-inspection"))] == [PREREG_OUTCOME]


@pytest.mark.corpus
@pytest.mark.parametrize("sql", EXAMPLES, ids=lambda sql: " ".join(sql.split())[:60])
def test_every_example_runs_on_the_corpus_warehouse(corpus_db, sql):
    assert rows(corpus_db, sql) is not None
