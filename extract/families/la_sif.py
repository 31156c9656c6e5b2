"""The single inspection framework (SIF), 2013-2018: services for children in need of help and protection,
children looked after and care leavers, with the review of the Local Safeguarding Children Board (LSCB).

The overall judgement is a sentence ("The overall judgement is that children's services are good",
"Children's services in Croydon are inadequate"); five numbered rows follow; the LSCB's grade is a sentence
of its own. Re-inspections also quote the previous inspection's grades, so each grade is read next to its label.
"""

from __future__ import annotations

import re

from extract.exceptions import Unrecognised
from extract.families.base import Parsed
from extract.families.la_common import (
    KIND,
    LSCB_SENTENCES,
    first_report,
    sentence_judgement,
    inspection_dates,
    lead_inspector,
    body_grades,
    cross_check,
    judgement_table,
    provider_from_title,
)
from extract.families.la_quotes import SIF_PLAN, la_prose
from extract.pdf_text import Document
from extract.text.grades import GRADE_PATTERN, LabelledArea, flexible
from extract.text.passages import Prose

FRAMEWORK = "sif"
# The report's title, where a title stands: at the start of a line, its first word capitalised ("Inspection of
# services ...", a re-inspection's "Re-inspection of services ..."). A letter's prose recalls the last inspection
# in the same words ("... since the inspection of services for children in need of help and protection ..."),
# inside a sentence and in lower case: that is no SIF report.
RECOGNISE = re.compile(
    r"^[ \t]*(?:Inspection|Re[-\u2010\u2011\u2013]?\s?inspection)\s+(?i:"
    + flexible("of services for children in need of help and protection")
    + ")",
    re.MULTILINE,
)

# Each row is numbered ("1.", "2.1"), which tells the table from prose; the numbers are not read, because they
# vary ("1. Leadership, management and governance" where the leadership row comes first).
ROW_NUMBER = r"\b\d{1,2}(?:\.\d{1,2})?\.?\s+"
TABLE_AREAS = (
    LabelledArea("help_and_protection", (ROW_NUMBER + flexible("Children who need help and protection"),)),
    LabelledArea(
        "children_looked_after", (ROW_NUMBER + flexible("Children looked after and achieving permanence"),)
    ),
    LabelledArea("adoption_performance", (ROW_NUMBER + flexible("Adoption performance"),)),
    LabelledArea("care_leavers", (ROW_NUMBER + flexible("Experiences and progress of care leavers"),)),
    LabelledArea("leadership_management_governance", (ROW_NUMBER + flexible("Leadership, management and governance"),)),
)
# The body opens each section with its label and grade, and states the two sub-judgements in a sentence.
BODY_AREAS = (
    LabelledArea(
        "help_and_protection", (flexible("The experiences and progress of children who need help and protection"),)
    ),
    LabelledArea(
        "children_looked_after",
        (flexible("The experiences and progress of children looked after and achieving permanence"),),
    ),
    LabelledArea("adoption_performance", (flexible("The graded judgement for adoption performance"),)),
    LabelledArea(
        "care_leavers", (flexible("The graded judgement about the") + r"\s+experiences?\s+" + flexible("and progress of care leavers"),)
    ),
    LabelledArea("leadership_management_governance", (flexible("Leadership, management and governance"),)),
)

# Passages and key quotations (extract.text.passages, extract.text.key_quotes).
PROSE: Prose = la_prose(BODY_AREAS, opening="Summary")
QUOTE_PLAN = SIF_PLAN

_SERVICES = r"children['’]s\s+services?"
# The authority's name may wrap onto a second line ("Children’s services in the Royal Borough of Windsor and
# Maidenhead require improvement to be good").
_AUTHORITY = r"[^.\n]{1,80}?(?:\n[^.\n]{1,80}?)?"
# Only the present tense states this inspection's grade: page 1 of a re-inspection may recall the last one
# ("children’s services in Birmingham were judged to be inadequate").
_PRESENT = r"(?:are\s+|is\s+|(?=requires?\s))"
OVERALL_SENTENCES = (
    rf"The\s+overall\s+judgement\s+is\s+(?:that\s+{_SERVICES}\s+{_PRESENT}?)?(?P<grade>{GRADE_PATTERN})",
    rf"{_SERVICES}\s+in\s+{_AUTHORITY}\s+{_PRESENT}(?P<grade>{GRADE_PATTERN})",
)


def recognise(document: Document) -> bool:
    return bool(RECOGNISE.search(document.pages[0]))


def parse(document: Document) -> Parsed:
    # A joint LSCB review bound after the SIF report has headings and a team of its own: the SIF's grades, body
    # headings and lead are read from the SIF report's pages, the LSCB's grade from wherever it is printed.
    sif = first_report(document)
    overall = sentence_judgement(sif, "overall_effectiveness", OVERALL_SENTENCES)
    if overall is None:
        raise Unrecognised("a SIF report without its overall judgement sentence; the template may be new")
    rows = judgement_table(sif, TABLE_AREAS)
    cross_check(rows, body_grades(sif, BODY_AREAS, rows[-1].page + 1), "the section heading")
    lscb = sentence_judgement(document, "lscb", LSCB_SENTENCES)
    dates = inspection_dates(document)
    return Parsed(
        kind=KIND,
        inspection_start=dates.start,
        inspection_end=dates.end,
        lead_inspector=lead_inspector(sif) or lead_inspector(document),
        provider=provider_from_title(document.pages[0]),
        framework=FRAMEWORK,
        judgements=[overall, *rows, *([lscb] if lscb else [])],
    )

