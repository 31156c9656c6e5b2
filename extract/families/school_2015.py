"""School inspections under the common inspection framework, September 2015 to August 2019.

Page 1's table prints each judgement as a word ("Requires improvement"), then the overall effectiveness at the
previous inspection, which is not a judgement of this inspection and is left out. The body repeats each
grade in its section heading ("Personal development, behaviour and welfare is good"), so the two are
cross-checked.
"""

from __future__ import annotations

import re

from extract.families.base import Parsed
from extract.families.letters import QuoteSource
from extract.families.school_common import SchoolReportEra, parse_school_report, recognise_era
from extract.pdf_text import Document
from extract.text.grades import GRADE_PATTERN, LabelledArea, flexible
from extract.text.quotes import QuoteRule

AREAS = (
    LabelledArea("overall_effectiveness", (flexible("Overall effectiveness"),)),
    LabelledArea("leadership_and_management", (flexible("Effectiveness of leadership and management"),)),
    LabelledArea(
        "quality_of_teaching_learning_and_assessment", (flexible("Quality of teaching, learning and assessment"),)
    ),
    LabelledArea(
        "personal_development_behaviour_and_welfare", (flexible("Personal development, behaviour and welfare"),)
    ),
    LabelledArea("outcomes_for_pupils", (flexible("Outcomes for pupils"),)),
    LabelledArea("early_years", (flexible("Early years provision"),)),
    LabelledArea("sixth_form", (flexible("16 to 19 study programmes"),)),
)
BODY_AREAS = tuple(area for area in AREAS if area.area != "overall_effectiveness")

# The summary of key findings opens with its verdict ("This is a good school"), under which the points are
# listed: the verdict line is the heading they are quoted under.
SUMMARY_HEADINGS = (
    "This is an outstanding school",
    "This is a good school",
    "This is a school that requires improvement",
    "This is an inadequate school",
)
STRENGTHS_HEADINGS = ("The school has the following strengths",)
IMPROVE_HEADINGS = ("What does the school need to do to improve further?",)

ERA = SchoolReportEra(
    framework="school-2015",
    recognise=re.compile(
        r"^\s*School report\s*$[\s\S]*" + flexible("Personal development, behaviour and welfare"), re.MULTILINE
    ),
    provider=re.compile(r"^\s*School report\s*\n\s*(?P<name>[^\n]+?)\s*$", re.MULTILINE),
    areas=AREAS,
    cell=re.compile(rf"[ \t]*(?P<word>{GRADE_PATTERN})[ \t]*$", re.IGNORECASE | re.MULTILINE),
    body_areas=BODY_AREAS,
    quotes=(
        QuoteSource(SUMMARY_HEADINGS, QuoteRule(limit=4, per_passage=1)),
        QuoteSource(STRENGTHS_HEADINGS, QuoteRule(limit=1, per_passage=1)),
        QuoteSource(IMPROVE_HEADINGS, QuoteRule(limit=3, per_passage=1)),
    ),
    known_headings=("Summary of key findings for parents and pupils",)
    + SUMMARY_HEADINGS
    + STRENGTHS_HEADINGS
    + IMPROVE_HEADINGS
    + ("Full report", "Inspection judgements", "School details", "Information about this school"),
)


def recognise(document: Document) -> bool:
    return recognise_era(document, ERA)


def parse(document: Document) -> Parsed:
    return parse_school_report(document, ERA)
