from dataclasses import replace

import pytest

from extract.records import Judgement, Quotation
from tests.factories import make_report
from transform.exceptions import InvalidReport
from transform.validate import validate_report


def test_a_well_formed_report_passes():
    validate_report(make_report(grades={"overall_effectiveness": "good", "care_leavers": "not_judged"}))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param(
            {"sha256": "abc"},
            "/reports/r.pdf: no sha256 of the file (got 'abc'), so it cannot be keyed in the warehouse; check the "
            "file can be read and extract it again",
            id="bad-sha",
        ),
        pytest.param(
            {"kind": None},
            "/reports/r.pdf: status is ok but kind is missing; this is a parser bug: please open an issue with the "
            "file attached",
            id="no-kind",
        ),
        pytest.param(
            {"judgements": [Judgement("overall_effectiveness", "brilliant", "Overall", 1)]},
            "/reports/r.pdf: grade 'brilliant' for overall_effectiveness (page 1) is not one of outstanding, good, "
            "requires_improvement, inadequate, not_judged, adequate, satisfactory, excellent, very_good, "
            "unsatisfactory, poor, very_poor, exceptional, strong_standard, expected_standard, needs_attention, "
            "urgent_improvement, met, not_met; this is a parser bug: please open an issue with the file attached",
            id="unknown-grade",
        ),
        pytest.param(
            {"previous_judgements": [Judgement("Overall", "good", "Previous inspection grade", 1)]},
            "/reports/r.pdf: previous inspection's grade area 'Overall' (page 1) is not a snake_case name; this is "
            "a parser bug: please open an issue with the file attached",
            id="previous-grade-area",
        ),
        pytest.param(
            {"judgements": [Judgement("overall", "good", "Overall", 1), Judgement("overall_effectiveness", "good",
                                                                                   "Overall effectiveness", 1)]},
            "/reports/r.pdf: area 'overall_effectiveness' is judged twice ('Overall' and 'Overall effectiveness'); "
            "this is a parser bug: please open an issue with the file attached",
            id="area-twice-through-an-alias",
        ),
        pytest.param(
            {"judgements": [Judgement("lscb", "good", "LSCB", 1)]},
            "/reports/r.pdf: area 'lscb' (page 1) is not one the ilacs framework judges (care_leavers, "
            "children_in_care, children_in_care_and_care_leavers, help_and_protection, impact_of_leaders, "
            "overall_effectiveness); add it to transform/area_aliases.csv if it is a new spelling, else fix the parser",
            id="area-of-another-framework",
        ),
        pytest.param(
            {"judgements": [Judgement("Overall Effectiveness", "good", "Overall", 1)]},
            "/reports/r.pdf: judgement area 'Overall Effectiveness' (page 1) is not a snake_case name; this is a "
            "parser bug: please open an issue with the file attached",
            id="area-not-snake-case",
        ),
        pytest.param(
            {"quotations": [Quotation("Headline", 40, "Text.")]},
            "/reports/r.pdf: quotation 1 is on page 40, outside the report's 12 pages; this is a parser bug: please "
            "open an issue with the file attached",
            id="page-out-of-range",
        ),
        pytest.param(
            {"quotations": [Quotation("Headline", 2, "  ")]},
            "/reports/r.pdf: quotation 1 (page 2) is empty; this is a parser bug: please open an issue with the file "
            "attached",
            id="empty-quotation",
        ),
    ],
)
def test_a_broken_rule_is_one_message_naming_the_file_and_what_to_do(change, message):
    report = replace(make_report(), path="/reports/r.pdf", **change)
    with pytest.raises(InvalidReport) as raised:
        validate_report(report)
    assert str(raised.value) == message


def test_school_frameworks_accept_their_own_area_names():
    validate_report(make_report(kind="school-inspection", framework="section-5",
                                grades={"quality_of_teaching_and_learning": "satisfactory"}))


def test_a_previous_grade_may_be_in_an_area_the_framework_no_longer_judges():
    """A state school inspected after September 2024 has no overall grade, but recalls its previous one."""
    validate_report(make_report(kind="school-inspection", framework="eif-2024", urn="118765",
                                grades={"quality_of_education": "good"}, previous={"overall_effectiveness": "good"}))
