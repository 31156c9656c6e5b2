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
    inspection_dates,
    lead_inspector,
    body_grades,
    cross_check,
    judgement_table,
    provider_from_title,
)
from extract.families.la_quotes import SIF_PLAN, la_prose
from extract.pdf_text import Document
from extract.records import Judgement
from extract.text.grades import GRADE_PATTERN, LabelledArea, flexible, grade_from_words
from extract.text.passages import Prose

FRAMEWORK = "sif"
RECOGNISE = re.compile(flexible("Inspection of services for children in need of help and protection"), re.I)

TABLE_AREAS = (
    LabelledArea("help_and_protection", (r"1\.\s+" + flexible("Children who need help and protection"),)),
    LabelledArea(
        "children_looked_after", (r"2\.\s+" + flexible("Children looked after and achieving permanence"),)
    ),
    LabelledArea("adoption_performance", (r"2\.1\s+" + flexible("Adoption performance"),)),
    LabelledArea("care_leavers", (r"2\.2\s+" + flexible("Experiences and progress of care leavers"),)),
    LabelledArea("leadership_management_governance", (r"3\.\s+" + flexible("Leadership, management and governance"),)),
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

_SERVICES = r"children['’]s\s+services"
OVERALL_SENTENCES = (
    rf"The\s+overall\s+judgement\s+is\s+(?:that\s+{_SERVICES}\s+(?:are\s+)?)?(?P<grade>{GRADE_PATTERN})",
    rf"{_SERVICES}\s+in\s+[^\n.]{{1,60}}?\s+(?:are\s+)?(?P<grade>{GRADE_PATTERN})",
)
LSCB_SENTENCES = (
    r"The\s+(?:effectiveness\s+of\s+the\s+)?(?:Local\s+Safeguarding\s+Children\s+Board|LSCB)(?:\s+\(LSCB\))?"
    rf"(?:\s+is)?\s+(?P<grade>{GRADE_PATTERN})\b",
)


def recognise(document: Document) -> bool:
    return bool(RECOGNISE.search(document.pages[0]))


def sentence_judgement(document: Document, area: str, sentences: tuple[str, ...]) -> Judgement | None:
    """The first sentence, in page order, that states the area's grade."""
    patterns = [re.compile(sentence, re.IGNORECASE) for sentence in sentences]
    for number, text in enumerate(document.pages, start=1):
        matches = [m for m in (p.search(text) for p in patterns) if m]
        if matches:
            first = min(matches, key=lambda m: m.start())
            label = " ".join(first.group(0)[: first.start("grade") - first.start()].split())
            return Judgement(area, grade_from_words(first.group("grade")).value, label, number)
    return None


def parse(document: Document) -> Parsed:
    overall = sentence_judgement(document, "overall_effectiveness", OVERALL_SENTENCES)
    if overall is None:
        raise Unrecognised("a SIF report without its overall judgement sentence; the template may be new")
    rows = judgement_table(document, TABLE_AREAS)
    cross_check(rows, body_grades(document, BODY_AREAS, rows[-1].page + 1), "the section heading")
    lscb = sentence_judgement(document, "lscb", LSCB_SENTENCES)
    dates = inspection_dates(document)
    return Parsed(
        kind=KIND,
        inspection_start=dates.start,
        inspection_end=dates.end,
        lead_inspector=lead_inspector(document),
        provider=provider_from_title(document.pages[0]),
        framework=FRAMEWORK,
        judgements=[overall, *rows, *([lscb] if lscb else [])],
    )

