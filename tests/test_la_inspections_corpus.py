"""Golden tests: every judgement of every local authority inspection in the corpus, with its metadata.

Expected values live in tests/golden/la_inspections.csv (verified by reading the reports); grades are
abbreviated O/G/RI/A/I (NJ for "Not judged") to keep the table compact.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden" / "la_inspections.csv"
GRADES = {
    "O": "outstanding",
    "G": "good",
    "RI": "requires_improvement",
    "A": "adequate",
    "I": "inadequate",
    "NJ": "not_judged",
}
ROWS = list(csv.DictReader(GOLDEN.open(encoding="utf-8")))


def expected_judgements(row: dict) -> dict[str, str]:
    pairs = (item.split("=") for item in row["judgements"].split())
    return {area: GRADES[grade] for area, grade in pairs}


@pytest.fixture(scope="module")
def la_reports(corpus_reports):
    return {path.split("/", 1)[1]: report for path, report in corpus_reports.items() if path.startswith("la-inspection/")}


def test_golden_table_covers_every_la_inspection(la_reports):
    assert sorted(la_reports) == sorted(row["file"] for row in ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[row["file"] for row in ROWS])
def test_judgements(la_reports, row):
    report = la_reports[row["file"]]
    assert report.status.value == "ok", report.error
    assert report.kind == "la-inspection"
    assert report.framework == row["framework"]
    assert {j.area: j.grade for j in report.judgements} == expected_judgements(row)
    assert report.provider == row["provider"]


@pytest.mark.parametrize("row", ROWS, ids=[row["file"] for row in ROWS])
def test_dates_and_lead_inspector(la_reports, row):
    report = la_reports[row["file"]]
    assert str(report.inspection_start) == row["start"]
    assert str(report.inspection_end) == row["end"]
    assert (report.lead_inspector or "") == row["lead_inspector"]


@pytest.mark.parametrize("row", ROWS, ids=[row["file"] for row in ROWS])
def test_labels_are_printed_on_the_page_named(la_reports, document_of, row):
    report = la_reports[row["file"]]
    pages = document_of(report.path).pages
    for judgement in report.judgements:
        assert judgement.label in " ".join(pages[judgement.page - 1].split()), (judgement, report.path)
