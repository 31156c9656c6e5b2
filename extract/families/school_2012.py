"""School inspections under the section 5 framework of September 2012 to August 2015.

Page 1's table prints each judgement as a word and its number ("Good 2"); overall effectiveness has two cells,
"Previous inspection" and "This inspection", and only the latter is a judgement of this inspection. The word
and the number are checked against each other on the glossary's key ("Grade 3 Requires improvement"), and the
body's section headings ("The quality of teaching is good") against the table.
"""

from __future__ import annotations

import re

from extract.families.base import Parsed
from extract.families.letters import QuoteSource
from extract.families.school_common import GradeKey, SchoolReportEra, parse_school_report, recognise_era
from extract.pdf_text import Document
from extract.text.grades import GRADE_PATTERN, LabelledArea, flexible
from extract.text.quotes import QuoteRule

AREAS = (
    LabelledArea("overall_effectiveness", (flexible("Overall effectiveness"),)),
    LabelledArea("leadership_and_management", (flexible("Leadership and management"),)),
    LabelledArea("behaviour_and_safety_of_pupils", (flexible("Behaviour and safety of pupils"),)),
    LabelledArea("quality_of_teaching", (flexible("Quality of teaching"),)),
    LabelledArea("achievement_of_pupils", (flexible("Achievement of pupils"),)),
    LabelledArea("early_years", (flexible("Early years provision"),)),
    LabelledArea("sixth_form", (flexible("Sixth form provision"),)),
)
BODY_AREAS = (
    LabelledArea("leadership_and_management", (flexible("The leadership and management"),)),
    LabelledArea("behaviour_and_safety_of_pupils", (flexible("The behaviour and safety of pupils"),)),
    LabelledArea("quality_of_teaching", (flexible("The quality of teaching"),)),
    LabelledArea("achievement_of_pupils", (flexible("The achievement of pupils"),)),
    LabelledArea("early_years", (flexible("The early years provision"),)),
    LabelledArea("sixth_form", (flexible("The sixth form provision"),)),
)

# "Previous inspection: Good 2" may come before "This inspection: Good 2" in the overall row; it is skipped.
_PREVIOUS = rf"Previous\s+inspection:\s*(?:{GRADE_PATTERN})\s+[1-4]\s*"
CELL = re.compile(
    rf"\s*(?:{_PREVIOUS})?(?:This\s+inspection:\s*)?(?P<word>{GRADE_PATTERN})\s+(?P<score>[1-4])[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# The glossary: "Grade 1 Outstanding An outstanding school is ...", "Grade 3 Requires \nimprovement".
KEY = GradeKey(line=r"^Grade\s+[1-4]\s+[^\n]*(?:\n(?!Grade\s)[^\n]*)?", pair=rf"^Grade\s+(?P<score>[1-4])\s+(?P<word>{GRADE_PATTERN})")

# The summary of key findings opens with its verdict ("This is a good school"), under which the points are
# listed: the verdict line is the heading they are quoted under.
SUMMARY_HEADINGS = (
    "This is an outstanding school",
    "This is a good school",
    "This is a school that requires improvement",
    "This is an inadequate school",
)
NOT_YET_HEADINGS = ("It is not yet an outstanding school because", "It is not yet a good school because")
IMPROVE_HEADINGS = ("What does the school need to do to improve further?",)

ERA = SchoolReportEra(
    framework="school-2012",
    recognise=re.compile(rf"^\s*School report\s*$[\s\S]*This\s+inspection:\s*(?:{GRADE_PATTERN})\s+[1-4]", re.M | re.I),
    provider=re.compile(r"^\s*School report\s*\n\s*(?P<name>[^\n]+?)\s*$", re.MULTILINE),
    areas=AREAS,
    cell=CELL,
    key=KEY,
    body_areas=BODY_AREAS,
    quotes=(
        QuoteSource(SUMMARY_HEADINGS, QuoteRule(limit=4, per_passage=1)),
        QuoteSource(NOT_YET_HEADINGS, QuoteRule(limit=2, per_passage=1)),
        QuoteSource(IMPROVE_HEADINGS, QuoteRule(limit=2, per_passage=1)),
    ),
    known_headings=("Summary of key findings for parents and pupils",)
    + SUMMARY_HEADINGS
    + NOT_YET_HEADINGS
    + IMPROVE_HEADINGS
    + ("Information about this inspection", "Full report", "Information about this school", "Inspection judgements"),
)


def recognise(document: Document) -> bool:
    return recognise_era(document, ERA)


def parse(document: Document) -> Parsed:
    return parse_school_report(document, ERA)
