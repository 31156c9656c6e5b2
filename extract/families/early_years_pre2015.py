"""Early years inspections before September 2015 (registered childcare under the Childcare Act 2006).

Page 1's table prints each judgement as a bare number after its label, read on the key the report prints in
"What inspection judgements mean" ("Grade 2 Good", "Grade 3 Requires improvement"), by the rules of the school
families before 2014 (extract.families.school_common). The headline row prints "This inspection: 2" and
"Previous inspection: 2" side by side: only the first is a judgement of this inspection; the second is kept as
the previous grade. The headline row, "The quality and standards of the early years provision", is the
template's overall judgement. The summary under it states the grade in words ("This provision is good"), and is
checked against the table.

The dates' labels are printed above the dates ("Inspection date / Previous inspection date / 17/06/2014 /
13/07/2009"): extract.text.dates pairs them in order.
"""

from __future__ import annotations

import re

from extract.exceptions import Unrecognised
from extract.families.base import Parsed
from extract.families.la_common import body_grades, cross_check
from extract.families.provider_common import lead_inspector, provider, urn
from extract.families import school_2012
from extract.families.school_common import cell_grade, inspection_dates, read_rows
from extract.pdf_text import Document
from extract.records import Judgement
from extract.text.grades import GRADE_PATTERN, LabelledArea, flexible
from extract.text.key_quotes import QuotePlan
from extract.text.passages import Prose

KIND = "early-years-inspection"
FRAMEWORK = "early-years-pre-2015"
OVERALL = "overall_effectiveness"

HEADLINE = flexible("The quality and standards of the early years provision")
AREAS = (
    LabelledArea(OVERALL, (HEADLINE,)),
    LabelledArea(
        "meeting_the_needs_of_children",
        (flexible("How well the early years provision meets the needs of the range of children who attend"),),
    ),
    LabelledArea(
        "wellbeing_of_children",
        (flexible("The contribution of the early years provision to the well-being of children"),),
    ),
    LabelledArea(
        "leadership_and_management",
        (flexible("The effectiveness of the leadership and management of the early years provision"),),
    ),
)
# A number alone after its label, on the label's line or the next (a label that wraps); the headline row's
# "This inspection: 2", with "Previous inspection: 2" beside it, kept apart.
CELL = re.compile(
    r"[ \t]*\n?[ \t]*(?:This\s+inspection:[ \t]*)?(?P<score>[1-4])[ \t]*"
    r"(?:\n[ \t]*Previous\s+inspection:[ \t]*(?P<previous>[1-4])[ \t]*)?$",
    re.IGNORECASE | re.MULTILINE,
)
# "What inspection judgements mean" prints the key as the 2012 school template's glossary does: "Grade 1
# Outstanding Outstanding provision is ...", "Grade 3 Requires \nimprovement".
KEY = school_2012.KEY
# The previous inspection's number, as its label reads in the record ("... provision: Previous inspection").
PREVIOUS_LABEL_JOIN = ": "
PREVIOUS_LABEL = "Previous inspection"
RECOGNISE = re.compile(HEADLINE + r"\s+This\s+inspection:\s*[1-4]\b", re.IGNORECASE)
TABLE_PAGE = 1
# The summary's verdict, "This provision is good".
VERDICT = rf"This\s+provision\s+(?:is\s+|(?=requires?\s))(?:{GRADE_PATTERN})"
BODY = (LabelledArea(OVERALL, (flexible("This provision"),)),)

# Passages and key quotations: the verdict's points (what the provision does well), why it is not yet better,
# what it needs to do to improve, and the opening of each paragraph of the inspection judgements.
NOT_YET_HEADINGS = ("It is not yet outstanding because", "It is not yet good because")
IMPROVE_HEADINGS = ("What the setting needs to do to improve further", "What the setting needs to do to improve")
JUDGEMENT_HEADINGS = (
    "Inspection judgements",
    "How well the early years provision meets the needs of the range of children who attend",
    "The contribution of the early years provision to the well-being of children",
    "The effectiveness of the leadership and management of the early years provision",
)
OTHER_HEADINGS = (
    "Full report",
    "What inspection judgements mean",
    "Information about this inspection",
    "Information about the setting",
    "The Childcare Register",
    "Setting details",
    "Type of provision",
    "Inspection activities",
)
# The summary opens with its verdict, "This provision is good", a sentence of the summary (the verdict quoted
# first, extract.text.verdict); the headline row's label printed again above it belongs to the cover.
SUMMARY = "Summary"
PROSE = Prose(
    headings=NOT_YET_HEADINGS + IMPROVE_HEADINGS + JUDGEMENT_HEADINGS + OTHER_HEADINGS,
    opening=SUMMARY,
    opening_start=rf"^{VERDICT}",
    boilerplate=("Setting details", "Type of provision", "Inspection activities", "The Childcare Register"),
    # The key's table and the setting's details read like headings row by row: only a known heading ends them.
    tables=(
        "What inspection judgements mean", "Setting details", "Type of provision", "Information about this inspection"
    ),
    # The cover is the table: its last row is the leadership row and its number.
    cover_end=r"^The effectiveness of the leadership and management of the early years provision\s+[1-4]$",
)
QUOTE_PLAN = QuotePlan(
    summary=(rf"^{SUMMARY}$",),
    findings=(r"^It is not yet",),
    improvement=(r"^What the setting needs to do to improve",),
    paragraphs=(r"^How well the early years", r"^The contribution of", r"^The effectiveness of the leadership"),
)


def recognise(document: Document) -> bool:
    return bool(RECOGNISE.search(document.pages[0]))


def judgements(document: Document) -> tuple[list[Judgement], list[Judgement]]:
    """(this inspection's judgements, the previous inspection's) from page 1's table, numbers read on the key."""
    key = KEY.read(document.text())
    previous: dict[str, str] = {}  # label -> the previous inspection's grade printed beside this one

    def grade_of(match: re.Match, label: str, page: int) -> str:
        if match.group("previous"):
            previous[label] = key[int(match.group("previous"))].value
        return cell_grade(match, key, label, page).value

    table = read_rows(document.pages[TABLE_PAGE - 1], TABLE_PAGE, AREAS, CELL, grade_of)
    missing = sorted({area.area for area in AREAS} - {j.area for j in table})
    if missing:
        raise Unrecognised(
            f"an early years report of the template before 2015 without {', '.join(missing)} next to its label; "
            "the template may be new, please open an issue"
        )
    earlier = [
        Judgement(j.area, previous[j.label], f"{j.label}{PREVIOUS_LABEL_JOIN}{PREVIOUS_LABEL}", j.page)
        for j in table
        if j.label in previous
    ]
    return table, earlier


def parse(document: Document) -> Parsed:
    table, previous = judgements(document)
    cross_check(table, body_grades(document, BODY, TABLE_PAGE), "the summary's verdict")
    dates = inspection_dates(document)
    first_line = document.first_line
    return Parsed(
        kind=KIND,
        framework=FRAMEWORK,
        provider=provider(document, first_line),
        urn=urn(document),
        inspection_start=dates.start,
        inspection_end=dates.end,
        lead_inspector=lead_inspector(document),
        judgements=table,
        previous_judgements=previous,
    )
