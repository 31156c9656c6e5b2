"""Golden tests: every early years, further education and independent school report in the corpus (the education
inspection framework, the early years template before 2015, a pre-registration inspection).

Expected values live in tests/golden/providers.csv, verified by reading each report: kind, framework, the name as
printed, URN, dates, lead inspector, every judgement as area=grade, the previous inspection's grades apart, and a
pre-registration report's outcome sentence. Every grade TRUTH.csv gives as printed (its `school_grades`) is checked
too: a word by its meaning, a digit on the scale its framework prints digits on (transform/grade_scales.csv).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from extract.text.grades import grade_from_words
from transform.grades import digit_grade, scale_of

GOLDEN = Path(__file__).parent / "golden" / "providers.csv"
ROWS = list(csv.DictReader(GOLDEN.open(encoding="utf-8")))
FOLDERS = ("early-years/", "further-education/", "independent-school/")
KINDS = {"early-years-inspection", "further-education-inspection", "pre-registration-inspection"}
PREVIOUS_INSPECTION = re.compile(r"previous\s+inspection", re.IGNORECASE)


def pairs(text: str) -> dict[str, str]:
    return dict(item.split("=") for item in text.split())


@pytest.fixture(scope="module")
def provider_reports(corpus_reports):
    return {path: report for path, report in corpus_reports.items() if path.startswith(FOLDERS)}


@pytest.fixture(scope="module")
def truth(corpus):
    with open(corpus / "TRUTH.csv", newline="", encoding="utf-8") as handle:
        return {row["path"]: row for row in csv.DictReader(handle)}


def test_golden_table_covers_every_report_of_these_folders(provider_reports):
    assert sorted(provider_reports) == sorted(row["path"] for row in ROWS)


def test_no_other_report_is_taken_for_these_kinds(corpus_reports):
    claimed = [path for path, report in corpus_reports.items() if report.kind in KINDS]
    assert all(path.startswith(FOLDERS) for path in claimed), claimed


@pytest.mark.parametrize("row", ROWS, ids=[row["path"] for row in ROWS])
def test_fields(provider_reports, row):
    report = provider_reports[row["path"]]
    assert report.status.value == "ok", report.error
    assert (report.kind, report.framework) == (row["kind"], row["framework"])
    assert report.provider == row["provider"]
    assert report.urn == row["urn"]
    assert (str(report.inspection_start), str(report.inspection_end)) == (row["start"], row["end"])
    assert report.lead_inspector == row["lead_inspector"]
    assert report.outcome == (row["outcome"] or None)


@pytest.mark.parametrize("row", ROWS, ids=[row["path"] for row in ROWS])
def test_judgements_and_previous_grades(provider_reports, row):
    report = provider_reports[row["path"]]
    assert {j.area: j.grade for j in report.judgements} == pairs(row["judgements"])
    assert {j.area: j.grade for j in report.previous_judgements} == pairs(row["previous"])
    assert not any(PREVIOUS_INSPECTION.search(j.label) for j in report.judgements)


@pytest.mark.parametrize("row", ROWS, ids=[row["path"] for row in ROWS])
def test_every_grade_truth_gives_as_printed(provider_reports, truth, row):
    """TRUTH.csv's school_grades: {label as printed: grade as printed}; a previous inspection's grade names
    that in its label."""
    report = provider_reports[row["path"]]
    printed = json.loads(truth[row["path"]]["school_grades"] or "{}")
    read = {j.label: j.grade for j in report.judgements + report.previous_judgements}
    expected = {
        label: digit_grade(scale_of(report.framework), int(grade)) if grade.isdigit() else grade_from_words(grade).value
        for label, grade in printed.items()
    }
    assert read == expected
    overall = truth[row["path"]]["overall"]
    assert report.grade_of("overall_effectiveness") == (grade_from_words(overall).value if overall else None)


@pytest.mark.parametrize("row", ROWS, ids=[row["path"] for row in ROWS])
def test_key_quotations_are_passages_after_the_verdict(provider_reports, row):
    """The verdict (extract.text.verdict) may be the table's row as printed; every other quotation is a passage,
    or passages printed one after another (a sentence that refers back joins the one before it:
    extract.text.follow_on), and the summary or the outcome comes first after it."""
    report = provider_reports[row["path"]]
    quoted = [q for q in report.quotations if q.reason != "verdict"]
    printed = f' {" ".join(p.text for p in report.passages)} '
    assert quoted and all(f" {q.text} " in printed for q in quoted)
    assert quoted[0].reason in ("summary", "outcome_statement")
