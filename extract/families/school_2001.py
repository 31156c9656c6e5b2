"""School inspections under the School Inspections Act 1996 (to 2005), such as the 2001 short inspections
under section 10.

These reports print no overall grade: "How good the school is" is a paragraph, and none is invented from it.
Judgements are descriptive: an Aspect/Comment table whose comments open with a word of the seven-point scale
("Very good in and out of the classroom ..."), and a grid of the quality of teaching for each age group. Only
comments that open with a scale word are judgements; others ("Well above the national average",
"Outstanding teamwork ...", "Governors have a very good understanding ...") are left out.

The seven-point scale keeps its own words as grades (see SCALE). A proposal for the warehouse's 1-4 score:
excellent and very good -> 1, good -> 2, satisfactory -> 3, unsatisfactory, poor and very poor -> 4.
"""

from __future__ import annotations

import re

from extract.exceptions import ExtractionError
from extract.families.base import Parsed
from extract.families.letters import QuoteSource
from extract.families.school_common import (
    KIND,
    inspection_dates,
    lead_inspector,
    proper_case,
    read_rows,
    school_quotations,
    slug,
    urn,
)
from extract.pdf_text import Document
from extract.records import Judgement, Quotation
from extract.text.grades import LabelledArea, flexible
from extract.text.quotes import QuoteRule
from extract.text.sections import document_to_lines, find_heading

FRAMEWORK = "school-2001"
RECOGNISE = re.compile(flexible("School Inspections Act 1996"), re.IGNORECASE)

# The seven-point scale as printed -> grade value. Longest first, so "very good" wins over "good".
SCALE: tuple[tuple[str, str], ...] = (
    ("very good", "very_good"),
    ("very poor", "very_poor"),
    ("excellent", "excellent"),
    ("unsatisfactory", "unsatisfactory"),
    ("satisfactory", "satisfactory"),
    ("good", "good"),
    ("poor", "poor"),
)
SCALE_PATTERN = "|".join(flexible(word) for word, _ in SCALE)
SCALE_GRADES = {word: grade for word, grade in SCALE}

ASPECTS: tuple[tuple[str, str], ...] = (
    ("attitudes_to_the_school", "Attitudes to the school"),
    ("behaviour", "Behaviour, in and out of classrooms"),
    ("personal_development_and_relationships", "Personal development and relationships"),
    ("attendance", "Attendance"),
    ("curriculum", "The quality and range of the curriculum"),
    ("provision_for_pupils_with_sen", "Provision for pupils with special educational needs"),
    (
        "provision_for_personal_development",
        "Provision for pupils' personal, including spiritual, moral, social and cultural development",
    ),
    ("care_for_pupils", "How well the school cares for its pupils"),
    ("leadership_and_management", "Leadership and management by the headteacher and other key staff"),
    ("governors", "How well the governors fulfil their responsibilities"),
    ("self_evaluation", "The school's evaluation of its performance"),
    ("strategic_use_of_resources", "The strategic use of resources"),
)
AREAS = tuple(LabelledArea(area, (flexible(label),)) for area, label in ASPECTS)
# A comment that opens with a scale word: "Excellent – pupils love ...", "Very good.", "Good overall, but ...".
COMMENT = re.compile(rf"\s*(?P<word>{SCALE_PATTERN})\b", re.IGNORECASE)
# An Aspect/Comment table runs from its header to the next heading in capitals or the end of the page.
ASPECT_TABLE = re.compile(r"^Aspect\s+Comment[ \t]*$(?P<rows>.*?)(?=^[A-Z][A-Z’'&,: ]{8,}$|\Z)", re.M | re.S)

# The teaching grid: "Teaching of pupils in: Reception Years 1 – 2 Years 3 – 6" over
# "Quality of teaching Excellent Excellent Excellent".
TEACHING_GRID = re.compile(
    r"^Teaching\s+of\s+pupils\s+in:?[ \t]*(?P<columns>[^\n]+)\n"
    r"\s*(?P<row>Quality\s+of\s+teaching)[ \t]+(?P<cells>[^\n]+)$",
    re.MULTILINE | re.IGNORECASE,
)
GRID_COLUMN = re.compile(
    r"Nursery(?:\s+and\s+reception)?|Reception|Years?\s+\d+\s*[–-]\s*\d+|Sixth\s+form", re.IGNORECASE
)
GRID_CELL = re.compile(rf"\b(?:{SCALE_PATTERN})\b", re.IGNORECASE)
# The printed row label and a column heading, joined to name the cell it read.
GRID_LABEL_JOIN = ": "

# The cover prints the name in capitals under the title, then the town in mixed case.
PROVIDER = re.compile(r"^\s*INSPECTION\s+REPORT\s*\n(?P<name>(?:[^\na-z]+\n)+)", re.MULTILINE)

# The contents page lists the summary's headings too: quotations are read from the summary itself.
SUMMARY_START = ("PART A: SUMMARY OF THE REPORT",)
HOW_GOOD_HEADINGS = ("How good the school is",)
DOES_WELL_HEADINGS = ("What the school does well",)
IMPROVE_HEADINGS = ("What could be improved",)
QUOTES = (
    QuoteSource(HOW_GOOD_HEADINGS, QuoteRule(limit=2)),
    QuoteSource(DOES_WELL_HEADINGS, QuoteRule(limit=3, per_passage=1)),
    QuoteSource(IMPROVE_HEADINGS, QuoteRule(limit=2, per_passage=1)),
)
KNOWN_HEADINGS = (
    HOW_GOOD_HEADINGS
    + DOES_WELL_HEADINGS
    + IMPROVE_HEADINGS
    + ("How the school has improved since its last inspection", "Standards", "Information about the school")
)


def recognise(document: Document) -> bool:
    return bool(RECOGNISE.search(document.pages[0]))


def provider(document: Document) -> str:
    match = PROVIDER.search(document.pages[0])
    if match is None:
        raise ExtractionError("the school's name is not printed in capitals under 'INSPECTION REPORT' on the cover")
    return proper_case(match.group("name"))


def scale_value(printed: str) -> str:
    """'Very \ngood' -> 'very_good'."""
    return SCALE_GRADES[" ".join(printed.lower().split())]


def scale_grade(match: re.Match, label: str, page: int) -> str:
    return scale_value(match.group("word"))


def aspect_judgements(document: Document) -> list[Judgement]:
    found: list[Judgement] = []
    for number, text in enumerate(document.pages, start=1):
        for table in ASPECT_TABLE.finditer(text):
            remaining = [area for area in AREAS if area.area not in {j.area for j in found}]
            found += read_rows(table.group("rows"), number, remaining, COMMENT, scale_grade)
    return found


def teaching_judgements(document: Document) -> list[Judgement]:
    """One judgement per age group. The grid's columns are matched by count: a row with more or fewer grades
    than column headings cannot be read without guessing, so it gives none."""
    for number, text in enumerate(document.pages, start=1):
        grid = TEACHING_GRID.search(text)
        if grid is None:
            continue
        columns = [" ".join(c.split()) for c in GRID_COLUMN.findall(grid.group("columns"))]
        cells = GRID_CELL.findall(grid.group("cells"))
        if not columns or len(columns) != len(cells) or GRID_CELL.sub("", grid.group("cells")).strip():
            return []
        row = " ".join(grid.group("row").split())
        return [
            Judgement(f"quality_of_teaching_{slug(column)}", scale_value(cell), f"{row}{GRID_LABEL_JOIN}{column}", number)
            for column, cell in zip(columns, cells)
        ]
    return []


def quotations(document: Document) -> list[Quotation]:
    lines = document_to_lines(document)
    summary = find_heading(lines, SUMMARY_START)
    return school_quotations(lines[summary[0] :] if summary else lines, QUOTES, KNOWN_HEADINGS)


def parse(document: Document) -> Parsed:
    dates = inspection_dates(document)
    return Parsed(
        kind=KIND,
        framework=FRAMEWORK,
        provider=provider(document),
        urn=urn(document),
        inspection_start=dates.start,
        inspection_end=dates.end,
        lead_inspector=lead_inspector(document),
        judgements=teaching_judgements(document) + aspect_judgements(document),
        quotations=quotations(document),
    )
