"""Hand-made reports of schools, early years settings and further education providers, for the provider views
and the examples of docs/families.md: histories across frameworks, grades printed for the previous inspection,
a state school's report without an overall grade, a report card on the five-point scale, a republished copy."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from extract.records import Provenance, Report
from tests.factories import make_report

SCHOOL, OTHER_SCHOOL, CARD_SCHOOL = "118765", "100006", "139486"
SETTING, OLD_SETTING, COLLEGE, PROPOSED_SCHOOL = "EY448916", "EY330146", "130537", "145493"
PREREG_OUTCOME = "The school is likely to meet all the independent school standards when it opens"


def provider_reports() -> list[tuple[Report, Provenance | None]]:
    def school(name, urn, end, grades, framework, **extra):
        return make_report(name, end, grades, kind="school-inspection", framework=framework, urn=urn, **extra)

    college = make_report(
        "Kirklees College", date(2023, 3, 3),
        {"overall_effectiveness": "good", "quality_of_education": "good", "apprenticeships": "good",
         "adult_learning_programmes": "requires_improvement"},
        kind="further-education-inspection", framework="eif", urn=COLLEGE, previous={"overall_effectiveness": "good"},
    )
    reports = [
        school("Harbour Primary School", SCHOOL, date(2016, 3, 3),
               {"overall_effectiveness": "good", "leadership_and_management": "good"}, "school-2015"),
        school("Harbour Primary School", SCHOOL, date(2021, 5, 12),
               {"overall_effectiveness": "good", "quality_of_education": "good",
                "leadership_and_management": "requires_improvement"}, "eif",
               previous={"overall_effectiveness": "good"}),
        school("Harbour Primary School", SCHOOL, date(2024, 10, 9),
               {"quality_of_education": "requires_improvement", "behaviour_and_attitudes": "good",
                "personal_development": "good", "leadership_and_management": "good"}, "eif-2024"),
        school("Agincourt House", OTHER_SCHOOL, date(2011, 3, 10), {"overall_effectiveness": "satisfactory"},
               "school-2009"),
        school("Agincourt House", OTHER_SCHOOL, date(2022, 6, 29),
               {"overall_effectiveness": "outstanding", "quality_of_education": "outstanding"}, "eif"),
        school("Farnham Heath End", CARD_SCHOOL, date(2022, 1, 20),
               {"overall_effectiveness": "good", "early_years": "good"}, "eif"),
        school("Farnham Heath End", CARD_SCHOOL, date(2025, 12, 3),
               {"early_years": "strong_standard", "inclusion": "expected_standard", "safeguarding": "met"},
               "report-card-2025"),
        make_report("Rowlands Avenue Pre-School", date(2022, 10, 14),
                    {"overall_effectiveness": "good", "quality_of_education": "good"},
                    kind="early-years-inspection", framework="eif", urn=SETTING,
                    previous={"overall_effectiveness": "outstanding"}),
        make_report("The New Montessori Pre-School", date(2014, 6, 17),
                    {"overall_effectiveness": "good", "wellbeing_of_children": "outstanding"},
                    kind="early-years-inspection", framework="early-years-pre-2015", urn=OLD_SETTING,
                    previous={"overall_effectiveness": "good"}),
        make_report("The New Montessori Pre-School", date(2023, 2, 8), {"overall_effectiveness": "outstanding"},
                    kind="early-years-inspection", framework="eif", urn=OLD_SETTING),
        college,
        make_report("Wribbenhall School", date(2019, 1, 22), kind="pre-registration-inspection",
                    framework="pre-registration", urn=PROPOSED_SCHOOL, outcome=PREREG_OUTCOME),
    ]
    # The college's report published again, a copy of the same inspection: one inspection in the views.
    republished = replace(college, sha256="f" * 64, path="/reports/kirklees-again.pdf")
    items: list[tuple[Report, Provenance | None]] = [(report, None) for report in reports]
    items.append((republished, Provenance(published=date(2023, 4, 20))))
    return items
