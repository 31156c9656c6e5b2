"""Golden tests: every school inspection report in the corpus, 2001 to 2016, and the monitoring letter.

Expected values live in tests/golden/schools.csv, verified by reading each report's text: the name as printed
(proper case where printed in capitals), URN, dates, lead inspector without titles, and every judgement as
area=grade. The two reports whose fonts have no Unicode map must say no_text_layer and carry no grades.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from extract.families.school_2001 import GRID_LABEL_JOIN

GOLDEN = Path(__file__).parent / "golden" / "schools.csv"
ROWS = list(csv.DictReader(GOLDEN.open(encoding="utf-8")))
READABLE = [row for row in ROWS if row["status"] == "ok"]
FOLDER = "school-inspection/"
# A journalist-quotable handful per report: the summary's points and what the school must improve.
# A handful chosen by the family, after the verdict where the report has an overall grade.
MIN_QUOTATIONS, MAX_QUOTATIONS = 3, 8 + 1
PREVIOUS_INSPECTION = re.compile(r"previous\s+inspection", re.IGNORECASE)


def expected_judgements(row: dict) -> dict[str, str]:
    return dict(item.split("=") for item in row["judgements"].split())


def squeezed(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def school_reports(corpus_reports):
    return {path: report for path, report in corpus_reports.items() if path.startswith(FOLDER)}


def test_golden_table_covers_every_school_report(school_reports):
    assert sorted(school_reports) == sorted(row["path"] for row in ROWS)


def test_no_other_report_is_taken_for_a_school_inspection(corpus_reports):
    claimed = [path for path, report in corpus_reports.items() if report.kind == "school-inspection"]
    assert all(path.startswith(FOLDER) for path in claimed), claimed


@pytest.mark.parametrize("row", ROWS, ids=[row["path"] for row in ROWS])
def test_fields(school_reports, row):
    report = school_reports[row["path"]]
    assert report.status.value == row["status"], report.error
    if row["status"] != "ok":
        assert report.judgements == [] and report.framework is None
        return
    assert report.kind == "school-inspection"
    assert report.framework == row["framework"]
    assert report.provider == row["provider"]
    assert (report.urn or "") == row["urn"]
    assert str(report.inspection_start) == row["start"]
    assert str(report.inspection_end) == row["end"]
    assert report.lead_inspector == row["lead_inspector"]


@pytest.mark.parametrize("row", READABLE, ids=[row["path"] for row in READABLE])
def test_judgements(school_reports, row):
    judgements = school_reports[row["path"]].judgements
    assert {j.area: j.grade for j in judgements} == expected_judgements(row)
    assert len({j.area for j in judgements}) == len(judgements)


@pytest.mark.parametrize("row", READABLE, ids=[row["path"] for row in READABLE])
def test_labels_are_printed_on_the_page_named(school_reports, document_of, row):
    """A grid cell's label names its row and its column ('Quality of teaching: Reception'): both are printed."""
    report = school_reports[row["path"]]
    pages = document_of(report.path).pages
    for judgement in report.judgements:
        page = squeezed(pages[judgement.page - 1])
        assert all(squeezed(part) in page for part in judgement.label.split(GRID_LABEL_JOIN)), judgement


@pytest.mark.parametrize("row", READABLE, ids=[row["path"] for row in READABLE])
def test_previous_inspection_grades_are_not_judgements(school_reports, row):
    """'Previous inspection: Good 2' and 'Overall effectiveness at previous inspection' are not this inspection's."""
    assert not any(PREVIOUS_INSPECTION.search(j.label) for j in school_reports[row["path"]].judgements)


@pytest.mark.parametrize("row", READABLE, ids=[row["path"] for row in READABLE])
def test_quotations_are_a_quotable_handful(school_reports, row):
    quotations = school_reports[row["path"]].quotations
    assert MIN_QUOTATIONS <= len(quotations) <= MAX_QUOTATIONS
    assert all(q.text[:1].isupper() for q in quotations), quotations
