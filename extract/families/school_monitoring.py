"""Monitoring inspection letters to schools in special measures (2009-2012 template).

No overall grade: the letter prints the main judgements on progress ("Progress since being subject to special
measures – satisfactory") and the report after it the progress on each area for improvement, as a bullet
ending in its grade ("improve attendance – satisfactory"). Each is a judgement; an area for improvement is
named after its printed words. The lead inspector is the letter's signatory; no URN is printed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.exceptions import ExtractionError
from extract.families.base import Parsed
from extract.families.letters import QuoteSource
from extract.families.school_common import KIND, inspection_dates, read_rows, school_quotations, slug
from extract.pdf_text import Document
from extract.records import Judgement
from extract.text.grades import GRADE_PATTERN, LabelledArea, flexible, grade_from_words
from extract.text.people import letter_signatory
from extract.text.quotes import QuoteRule, join_lines
from extract.text.sections import Line, document_to_lines

FRAMEWORK = "school-monitoring"
# "Special measures: monitoring inspection of Victoria Avenue Community Primary School"
CATEGORIES = ("Special measures",)
TITLE = re.compile(
    rf"^\s*(?:{'|'.join(flexible(c) for c in CATEGORIES)}):\s*monitoring\s+inspection\s+of\s+"
    r"(?P<name>[^\n]+(?:\n(?!\s*(?:Following|Report\s+from|Dear)\b)[^\n]+)?)",
    re.IGNORECASE | re.MULTILINE,
)
TITLE_SEARCH_PAGES = 2

MAIN_AREAS = (
    LabelledArea("progress_since_special_measures", (flexible("Progress since being subject to special measures"),)),
    LabelledArea(
        "progress_since_previous_monitoring_inspection", (flexible("Progress since previous monitoring inspection"),)
    ),
)
# "Progress since being subject to special measures – satisfactory"
MAIN_CELL = re.compile(rf"[ \t]*[–-][ \t]*(?P<word>{GRADE_PATTERN})[ \t]*$", re.IGNORECASE | re.MULTILINE)

# The line that opens a list of areas for improvement, each bullet ending in its grade.
PROGRESS_LIST = re.compile(
    flexible("Progress since the last monitoring inspection on the areas for improvement") + r":?$", re.IGNORECASE
)
# "improve the quality of the curriculum in Years 1 – 6 – satisfactory": the grade follows the last dash.
GRADED_ITEM = re.compile(rf"^(?P<item>.+)\s+[–-]\s+(?P<word>{GRADE_PATTERN})$", re.IGNORECASE)
AREA_FOR_IMPROVEMENT_PREFIX = "progress_"

BODY_HEADINGS = (
    "Pupils' achievement and the extent to which they enjoy their learning",
    "Other relevant pupil outcomes",
    "The effectiveness of provision",
    "The effectiveness of leadership and management",
    "External support",
)
QUOTES = (
    QuoteSource(("The effectiveness of leadership and management",), QuoteRule(limit=2)),
    QuoteSource(("Pupils' achievement and the extent to which they enjoy their learning",), QuoteRule(limit=1)),
    QuoteSource(("The effectiveness of provision",), QuoteRule(limit=1)),
    QuoteSource(("External support",), QuoteRule(limit=1)),
)
KNOWN_HEADINGS = BODY_HEADINGS + (
    "Progress since the last monitoring inspection on the areas for improvement:",
    "Evidence",
    "Context",
    "Annex",
)


def recognise(document: Document) -> bool:
    return any(TITLE.search(page) for page in document.pages[:TITLE_SEARCH_PAGES])


def provider(document: Document) -> str:
    for page in document.pages[:TITLE_SEARCH_PAGES]:
        match = TITLE.search(page)
        if match:
            return " ".join(match.group("name").split())
    raise ExtractionError("the monitoring letter has no 'Special measures: monitoring inspection of ...' title")


def main_judgements(document: Document) -> list[Judgement]:
    def grade_of(match: re.Match, label: str, page: int) -> str:
        return grade_from_words(match.group("word")).value

    for number, text in enumerate(document.pages, start=1):
        found = read_rows(text, number, MAIN_AREAS, MAIN_CELL, grade_of)
        if found:
            return found
    raise ExtractionError(
        "the monitoring letter prints no 'Progress since ... – grade' judgement; the template may be new"
    )


def progress_on_areas_for_improvement(lines: Sequence[Line]) -> list[Judgement]:
    """The graded bullets under each 'Progress since the last monitoring inspection on the areas for
    improvement:' line; a bullet may wrap over lines, and the list ends at the first line that is neither a
    bullet nor the rest of one."""
    judgements: list[Judgement] = []
    in_list = False
    item: list[Line] = []
    for line in lines:
        if PROGRESS_LIST.match(line.text):
            in_list, item = True, []
            continue
        if not in_list:
            continue
        if line.bullet:
            item = [line]
        elif item:
            item.append(line)
        else:
            in_list = False
            continue
        graded = GRADED_ITEM.match(join_lines(part.text for part in item))
        if graded:
            printed = graded.group("item")
            grade = grade_from_words(graded.group("word")).value
            judgements.append(Judgement(AREA_FOR_IMPROVEMENT_PREFIX + slug(printed), grade, printed, item[0].page))
            item = []
    return judgements


def parse(document: Document) -> Parsed:
    lines = document_to_lines(document)
    dates = inspection_dates(document)
    return Parsed(
        kind=KIND,
        framework=FRAMEWORK,
        provider=provider(document),
        inspection_start=dates.start,
        inspection_end=dates.end,
        lead_inspector=letter_signatory(document.text()),
        judgements=main_judgements(document) + progress_on_areas_for_improvement(lines),
        quotations=school_quotations(lines, QUOTES, KNOWN_HEADINGS),
    )
