"""Inspections of looked after children services before the single inspection framework (to 2013).

The grades are on the four-point scale with "adequate" (Grade 3), in a "Record of main findings" table near
the end; each body section repeats its grade as "Grade 3 (Adequate)" under its heading.
"""

from __future__ import annotations

import re

from extract.exceptions import Unrecognised
from extract.families.base import Parsed
from extract.families.la_common import KIND, cross_check, inspection_dates, lead_inspector, table_continuation
from extract.families.la_quotes import PRE_2014_PLAN, PRE_2014_PROSE
from extract.pdf_text import Document
from extract.records import Judgement
from extract.text.grades import SCORE_TO_GRADE_PRE_2014, LabelledArea, flexible, read_labelled_grades
from extract.text.names import provider_name

FRAMEWORK = "pre-2014"
# The title, at the start of a line and capitalised, as la_sif reads its own: never a sentence recalling it.
RECOGNISE = re.compile(
    r"^[ \t]*Inspection\s+(?i:of\s+(?:safeguarding\s+and\s+)?looked\s+after\s+children)", re.MULTILINE
)
TABLE_HEADING = re.compile(r"^Record of main findings\s*$", re.MULTILINE)

AREAS = (
    LabelledArea("overall_effectiveness", (flexible("Overall effectiveness"),)),
    LabelledArea("capacity_to_improve", (flexible("Capacity to improve"),)),
    LabelledArea(
        "outcomes_for_looked_after_children", (flexible("Outcomes for looked after children and young people"),)
    ),
    LabelledArea("quality_of_provision", (flexible("Quality of provision"),)),
    LabelledArea("leadership_and_management", (flexible("Leadership and management"),)),
)
BODY_HEADINGS = {
    "overall_effectiveness": flexible("Overall effectiveness of services for looked after children and young people"),
    "capacity_to_improve": flexible("Capacity to improve"),
    "outcomes_for_looked_after_children": flexible("Outcomes for looked after children and young people"),
    "quality_of_provision": flexible("Quality of provision"),
    "leadership_and_management": flexible("Leadership and management"),
}
BODY_GRADE = r"\s+Grade\s+(?P<score>[1-4])\s+\(\w+\)"


# Passages and key quotations (extract.text.passages, extract.text.key_quotes).
PROSE = PRE_2014_PROSE
QUOTE_PLAN = PRE_2014_PLAN


def recognise(document: Document) -> bool:
    return bool(RECOGNISE.search(document.pages[0]))


def parse(document: Document) -> Parsed:
    table = record_of_main_findings(document)
    cross_check(table, body_grades(document), "the section's Grade line")
    dates = inspection_dates(document)
    return Parsed(
        kind=KIND,
        inspection_start=dates.start,
        inspection_end=dates.end,
        lead_inspector=lead_inspector(document),
        framework=FRAMEWORK,
        provider=provider_above_dates(document.pages[0]),
        judgements=table,
    )


def provider_above_dates(page_text: str) -> str | None:
    """The authority is the line printed just above "Inspection dates"."""
    above = page_text[: page_text.find("Inspection date")].splitlines()
    return provider_name(next((line for line in reversed(above) if line.strip()), None))


def record_of_main_findings(document: Document) -> list[Judgement]:
    for number, text in enumerate(document.pages, start=1):
        heading = TABLE_HEADING.search(text)
        if heading:
            rows = read_labelled_grades(text[heading.end() :], AREAS, number)
            return rows + table_continuation(document, AREAS, number + 1, {j.area for j in rows})
    raise Unrecognised("no 'Record of main findings' table; the template may be new")


def body_grades(document: Document) -> dict[str, tuple[str, int]]:
    """Each section heading's "Grade N (Word)" line, read by its number on the printed key."""
    found: dict[str, tuple[str, int]] = {}
    for number, text in enumerate(document.pages, start=1):
        for area, heading in BODY_HEADINGS.items():
            match = re.search(rf"^{heading}{BODY_GRADE}", text, re.IGNORECASE | re.MULTILINE)
            if match and area not in found:
                found[area] = (SCORE_TO_GRADE_PRE_2014[int(match.group("score"))].value, number)
    return found
