"""An ok report whose judgement table lacks rows its framework always has is flagged `missing_judgements`."""

from __future__ import annotations

from datetime import date

import pytest

from tests.factories import make_report
from transform.areas import expected_judgements
from transform.flags import FLAG_DESCRIPTIONS, Flag, missing_judgements, report_flags

ILACS_2023 = {"overall_effectiveness": "good", "impact_of_leaders": "good", "help_and_protection": "good",
              "children_in_care": "good", "care_leavers": "good"}
SIF = {"overall_effectiveness": "good", "help_and_protection": "good", "children_looked_after": "good",
       "adoption_performance": "good", "care_leavers": "good", "leadership_management_governance": "good"}


def flags_of(grades: dict[str, str], framework: str, kind: str = "la-inspection") -> list[Flag]:
    return report_flags(make_report("Leeds", date(2024, 5, 3), grades, framework=framework, kind=kind))


def test_a_complete_judgement_table_is_not_flagged():
    assert Flag.MISSING_JUDGEMENTS not in flags_of(ILACS_2023, "ilacs-2023")
    assert Flag.MISSING_JUDGEMENTS not in flags_of(SIF, "sif")  # the LSCB review is not always in the report


def test_a_table_missing_rows_is_flagged_and_the_missing_areas_named():
    damaged = {area: grade for area, grade in ILACS_2023.items() if area not in ("care_leavers", "help_and_protection")}
    report = make_report("Leeds", date(2024, 5, 3), damaged, framework="ilacs-2023")
    assert Flag.MISSING_JUDGEMENTS in report_flags(report)
    assert missing_judgements(report) == ["care_leavers", "help_and_protection"]


@pytest.mark.parametrize("in_care", [
    pytest.param({"children_in_care_and_care_leavers": "good"}, id="one-combined-row"),
    pytest.param({"children_in_care": "good", "care_leavers": "good"}, id="two-rows"),
])
def test_ilacs_before_2023_takes_children_in_care_as_one_row_or_two(in_care):
    grades = {"overall_effectiveness": "good", "impact_of_leaders": "good", "help_and_protection": "good", **in_care}
    assert Flag.MISSING_JUDGEMENTS not in flags_of(grades, "ilacs")


def test_ilacs_2026_expects_no_overall_grade():
    grades = {area: grade for area, grade in ILACS_2023.items() if area != "overall_effectiveness"}
    assert Flag.MISSING_JUDGEMENTS not in flags_of(grades, "ilacs-2026")
    assert "overall_effectiveness" not in {a for areas in expected_judgements()["ilacs-2026"].values() for a in areas}


@pytest.mark.parametrize("kind, framework", [
    ("school-inspection", "school-2015"), ("focused-visit", "focused-visit"), ("jtai", "jtai"),
    ("la-inspection", "pre-2014"),
])
def test_families_with_no_fixed_set_of_judgements_are_exempt(kind, framework):
    assert Flag.MISSING_JUDGEMENTS not in flags_of({"overall_effectiveness": "good"}, framework, kind)


def test_the_flag_is_documented():
    assert "always judges" in FLAG_DESCRIPTIONS[Flag.MISSING_JUDGEMENTS]
