"""Reports under the education inspection framework with no real file in the corpus yet: synthetic PDFs modelled
on Ofsted's templates (tests/eif_templates.py), one per variant, and what must stay unrecognised rather than load
with grades missing. Also the pre-2015 early years template's parts and a pre-registration outcome on awkward text.
"""

from __future__ import annotations

from datetime import date

import pytest

from extract.families import early_years_pre2015, eif, pre_registration
from extract.families.la_common import judgement_table
from extract.pdf_text import Document
from extract.report import extract_bytes
from extract.text.dates import find_inspection_dates
from tests.eif_templates import FULL_TABLE, LEAD, NAME, URN, report_card_pages, school_report
from tests.pdfs import pages_pdf

GRADES = {
    "overall_effectiveness": "good",
    "quality_of_education": "good",
    "behaviour_and_attitudes": "outstanding",
    "personal_development": "good",
    "leadership_and_management": "requires_improvement",
    "early_years": "good",
}
WITHOUT_OVERALL = tuple(row for row in FULL_TABLE if row[0] != "Overall effectiveness")
DATES_2024 = "8 and 9 October 2024"


def grades(report) -> dict[str, str]:
    return {j.area: j.grade for j in report.judgements}


def test_a_school_report_2019_to_2024_reads_every_row_by_its_label():
    report = extract_bytes(school_report())
    assert report.status.value == "ok", report.error
    assert (report.kind, report.framework) == ("school-inspection", "eif")
    assert (report.provider, report.urn, report.lead_inspector) == (NAME, URN, LEAD)
    assert (report.inspection_start, report.inspection_end) == (date(2023, 3, 14), date(2023, 3, 15))
    assert grades(report) == GRADES
    assert [(j.area, j.grade, j.label) for j in report.previous_judgements] == [
        ("overall_effectiveness", "good", "Previous inspection grade")
    ]
    verdict, *quoted = report.quotations
    assert (verdict.reason, verdict.text) == ("verdict", "Overall effectiveness Good")
    # A quotation is a passage, or passages printed one after another (a sentence that refers back joins the one
    # before it: extract.text.follow_on).
    printed = f' {" ".join(p.text for p in report.passages)} '
    assert quoted[0].reason == "summary" and all(f" {q.text} " in printed for q in quoted)


def test_a_school_with_a_sixth_form_and_rows_in_another_order():
    table = (*reversed(FULL_TABLE[1:]), FULL_TABLE[0], ("Sixth-form provision", "Inadequate"))
    report = extract_bytes(school_report(table=table))
    assert grades(report) == {**GRADES, "sixth_form": "inadequate"}


def test_a_state_school_from_september_2024_has_no_overall_grade():
    report = extract_bytes(school_report(table=WITHOUT_OVERALL, dates=DATES_2024))
    assert report.status.value == "ok", report.error
    assert report.framework == "eif-2024"
    assert grades(report) == {area: grade for area, grade in GRADES.items() if area != "overall_effectiveness"}
    assert report.previous_judgements[0].grade == "good"  # the previous grade is never taken for an overall one


def test_a_school_never_inspected_before_has_no_previous_grade():
    report = extract_bytes(school_report(previous="Previous inspection grade Not previously inspected"))
    assert report.ok and report.previous_judgements == []


@pytest.mark.parametrize(
    ("variant", "says"),
    [
        pytest.param(dict(table=WITHOUT_OVERALL), "without an overall effectiveness grade", id="school-2023-no-overall"),
        pytest.param(dict(table=WITHOUT_OVERALL, dates="2 and 3 December 2025"), "without an overall",
                     id="after-report-cards-no-overall"),
        pytest.param(dict(table=WITHOUT_OVERALL, dates=DATES_2024,
                          summary_heading="What is it like to attend this early years setting?"),
                     "early years inspection report", id="early-years-no-overall"),
        pytest.param(dict(table=tuple(r for r in FULL_TABLE if r[0] != "Personal development")),
                     "without personal_development", id="key-judgement-missing"),
        pytest.param(dict(summary_heading="What is it like here?"), "no 'What is it like to ...' heading",
                     id="kind-unknown"),
    ],
)
def test_a_table_missing_what_its_template_prints_stays_unrecognised(variant, says):
    report = extract_bytes(school_report(**variant))
    assert report.status.value == "unrecognised" and says in report.error
    assert report.judgements == []


def test_a_report_card_is_not_read_until_a_parser_for_it_exists():
    report = extract_bytes(pages_pdf(report_card_pages()))
    assert report.status.value == "unrecognised" and report.judgements == []


def test_the_previous_row_never_stands_in_for_the_overall_row():
    text = "The quality of education Good\nBehaviour and attitudes Good\nOverall effectiveness at previous inspection Good\n"
    table = judgement_table(Document((text,)), eif.AREAS)
    assert "overall_effectiveness" not in {j.area for j in table}


# The pre-2015 early years template, its parts on awkward strings.
KEY = (
    "Grade 1 Outstanding Outstanding provision is highly effective\nGrade 2 Good Good provision is effective\n"
    "Grade 3 Requires \nimprovement\nThe provision is not giving children a good standard\n"
    "Grade 4 Inadequate Provision that is inadequate\n"
)
TABLE_2014 = (
    "The quality and standards of the \nearly years provision\nThis inspection: 3 \nPrevious inspection: 1\n"
    "How well the early years provision meets the needs of the range of children who \nattend\n3\n"
    "The contribution of the early years provision to the well-being of children 2\n"
    "The effectiveness of the leadership and management of the early years provision 4\n"
    "This provision requires improvement\n"
)


def test_pre_2015_digits_are_read_on_the_printed_key_and_the_previous_grade_kept_apart():
    table, previous = early_years_pre2015.judgements(Document((TABLE_2014, KEY)))
    assert {j.area: j.grade for j in table} == {
        "overall_effectiveness": "requires_improvement",
        "meeting_the_needs_of_children": "requires_improvement",
        "wellbeing_of_children": "good",
        "leadership_and_management": "inadequate",
    }
    assert [(j.area, j.grade) for j in previous] == [("overall_effectiveness", "outstanding")]


def test_pre_2015_without_a_key_is_an_error_not_a_guess():
    from extract.exceptions import ExtractionError

    with pytest.raises(ExtractionError, match="key names only"):
        early_years_pre2015.judgements(Document((TABLE_2014,)))


@pytest.mark.parametrize(
    ("text", "start"),
    [
        pytest.param("Inspection date\nPrevious inspection date\n17/06/2014 \n13/07/2009\n", date(2014, 6, 17),
                     id="labels-above-dates"),
        pytest.param("Previous inspection date\nInspection date\n13/07/2009\n17/06/2014\n", date(2014, 6, 17),
                     id="previous-label-first"),
        pytest.param("Inspection date 17/06/2014\nPrevious inspection date 13/07/2009\n", date(2014, 6, 17),
                     id="each-date-beside-its-label"),
    ],
)
def test_dates_printed_below_their_labels_pair_in_order(text, start):
    assert find_inspection_dates(text).start == start


def test_a_column_of_labels_and_dates_that_do_not_pair_gives_no_date():
    assert find_inspection_dates("Inspection date\nPrevious inspection date\n17/06/2014\n") is None


@pytest.mark.parametrize(
    ("page", "outcome"),
    [
        pytest.param("Overall outcome\nThe school is likely to meet all the \nindependent school standards \n"
                     "when it opens\nMain inspection findings\n",
                     "The school is likely to meet all the independent school standards when it opens", id="boxed"),
        pytest.param("Overall outcome The school is unlikely to meet all the independent school standards when it "
                     "opens.\nPart 1. Quality of education provided\n",
                     "The school is unlikely to meet all the independent school standards when it opens",
                     id="beside-its-label"),
    ],
)
def test_the_pre_registration_outcome_is_its_sentence_as_printed(page, outcome):
    assert pre_registration.outcome(Document((page,))) == outcome


def test_a_pre_registration_report_without_its_outcome_is_an_error():
    from extract.exceptions import ExtractionError

    with pytest.raises(ExtractionError, match="no 'Overall outcome' sentence"):
        pre_registration.outcome(Document(("Overall outcome\nMain inspection findings\n",)))
