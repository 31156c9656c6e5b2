"""Pieces every local authority inspection framework shares: the title's provider and finding the judgement
table's page. Pure functions over Document text."""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.exceptions import ExtractionError, JudgementConflict, Unrecognised
from extract.pdf_text import Document
from extract.records import Judgement
from extract.text.dates import DateRange, find_inspection_dates
from extract.text.grades import GRADE_PATTERN, LabelledArea, grade_from_words, read_labelled_grades
from extract.text.names import provider_name
from extract.text.people import labelled_lead_inspector, team_lead

KIND = "la-inspection"
# The judgement table sits on page 1; a cover page or a contents page can push it one or two pages on.
JUDGEMENT_TABLE_SEARCH_PAGES = 3
MIN_LABELS_FOR_A_TABLE = 2
# A table split by a page break carries on at the very top of the next page (after the page number).
TABLE_CONTINUATION_CHARS = 200


# A second report bound into the same file (a SIF report followed by a joint review of the LSCB) starts on a page
# of its own: its printed page numbers start again at 1, or a new title block prints its own inspection dates.
PRINTED_PAGE_NUMBER = re.compile(r"\A\s*(?P<number>\d{1,3})[ \t]*\n")
NEW_TITLE_BLOCK = re.compile(r"\bInspection\s+dates?\s*:?\s*\d", re.IGNORECASE)
TITLE_BLOCK_CHARS = 600
# A report is never shorter than this: a cover page or a contents page before the title page is no second report.
MIN_REPORT_PAGES = 4


def first_report(document: Document) -> Document:
    """The pages of the file's first report: up to the page where a second report bound after it begins."""
    previous_number = None
    for index, text in enumerate(document.pages):
        printed = PRINTED_PAGE_NUMBER.match(text)
        number = int(printed.group("number")) if printed else None
        restarts = number == 1 and previous_number is not None and previous_number > 1
        if index >= MIN_REPORT_PAGES and (restarts or NEW_TITLE_BLOCK.search(text[:TITLE_BLOCK_CHARS])):
            return Document(document.pages[:index])
        previous_number = number if number is not None else previous_number
    return document


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


# The LSCB's grade is a sentence of its own, in a SIF report's LSCB section or a stand-alone review:
# "The Local Safeguarding Children Board is good", "The effectiveness of the LSCB requires improvement".
LSCB_SENTENCES = (
    r"The\s+(?:effectiveness\s+of\s+the\s+)?(?:Local\s+Safeguarding\s+Children\s+Board|LSCB)(?:\s+\(LSCB\))?"
    rf"(?:\s+is)?\s+(?P<grade>{GRADE_PATTERN})\b",
)


def judgement_table(
    document: Document, areas: Sequence[LabelledArea], header: re.Pattern | None = None
) -> list[Judgement]:
    """The judgements printed in the first table that carries at least two of the family's labels; on a page
    that prints the table's `header`, only what follows it (prose above a table may recall earlier grades)."""
    for number, text in enumerate(document.pages[:JUDGEMENT_TABLE_SEARCH_PAGES], start=1):
        found = header.search(text) if header is not None else None
        judgements = read_labelled_grades(text[found.start() :] if found else text, areas, number)
        if len(judgements) >= MIN_LABELS_FOR_A_TABLE:
            return judgements + table_continuation(document, areas, number + 1, {j.area for j in judgements})
    raise Unrecognised("no judgement table with printed grades found in the first pages; the template may be new")


def table_continuation(
    document: Document, areas: Sequence[LabelledArea], page: int, found: set[str]
) -> list[Judgement]:
    missing = [area for area in areas if area.area not in found]
    if not missing or page > document.page_count:
        return []
    head = document.pages[page - 1][:TABLE_CONTINUATION_CHARS]
    return read_labelled_grades(head, missing, page)


def body_grades(document: Document, areas: Sequence[LabelledArea], first_page: int) -> dict[str, tuple[str, int]]:
    """Grades printed in the body's section headings, by area: "The experiences ... in care: good",
    "... care leavers is good", "Leadership, management and governance Requires improvement",
    "The graded judgement for adoption performance is that it is good". Headings start a line: a bulleted
    list of the previous inspection's grades (" Leadership, ...: inadequate") is not a heading."""
    found: dict[str, tuple[str, int]] = {}
    for number, text in enumerate(document.pages[first_page - 1 :], start=first_page):
        for area in areas:
            if area.area in found:
                continue
            match = re.search(
                rf"^[ \t]*(?:{'|'.join(area.labels)})[\s:.]*(?:(?:is|are)\s+(?:that\s+it\s+is\s+)?)?\b({GRADE_PATTERN})\b",
                text,
                re.IGNORECASE | re.MULTILINE,
            )
            if match:
                found[area.area] = (grade_from_words(match.group(1)).value, number)
    return found


SECTION_NAMES = {
    "impact_of_leaders": "The impact of leaders on social work practice with children and families",
    "help_and_protection": "The experiences and progress of children who need help and protection",
    "children_in_care_and_care_leavers": "The experiences and progress of children in care and care leavers",
    "children_in_care": "The experiences and progress of children in care",
    "care_leavers": "The experiences and progress of care leavers",
    "children_looked_after": "The experiences and progress of children looked after and achieving permanence",
    "adoption_performance": "Adoption performance",
    "leadership_management_governance": "Leadership, management and governance",
}


def body_heading_patterns(areas: Sequence[LabelledArea]) -> dict[str, str]:
    """Each area's body heading, label and grade, as a regex: {section name: pattern}."""
    return {
        SECTION_NAMES[area.area]: rf"^[ \t]*(?:{'|'.join(area.labels)})[\s:.]*(?:(?:is|are)\s+(?:that\s+it\s+is\s+)?)?"
        rf"(?:{GRADE_PATTERN})[ \t]*$"
        for area in areas
        if area.area in SECTION_NAMES
    }


def cross_check(table: list[Judgement], body: dict[str, tuple[str, int]], where: str) -> None:
    """Raise when the body's heading grade for an area differs from the table's: both are named, none chosen."""
    conflicts = [
        f"{j.area}: table on page {j.page} says {j.grade}, {where} on page {body[j.area][1]} says {body[j.area][0]}"
        for j in table
        if j.area in body and body[j.area][0] != j.grade
    ]
    if conflicts:
        raise JudgementConflict("the judgement table and the report body disagree (" + "; ".join(conflicts) + ")")


def title_lines(page_text: str, stop: re.Pattern) -> list[str]:
    """The lines at the top of page 1 before the line matching `stop`, page numbers dropped."""
    lines = []
    for line in page_text.splitlines():
        if stop.search(line):
            break
        if line.strip() and not line.strip().isdigit():
            lines.append(line.strip())
    return lines


# "Inspection of Leeds City local authority children's services" (2021 on), "Inspection of Bradford Children
# and Families Trust"; earlier templates print the authority on its own lines above the title.
TITLE_NAMING_PROVIDER = re.compile(
    r"Inspection\s+of\s+(?P<name>.+?)\s+(?:(?:local\s+authority\s+)?children['’]s\s+services|(?=Inspection\s+dates?))",
    re.IGNORECASE | re.DOTALL,
)
# "Inspection of", "Reinspection of", the 2016-2018 re-inspections' "Re-inspection of", and a stand-alone LSCB
# review's "Review of the effectiveness of the Local Safeguarding Children Board".
TITLE_AFTER_PROVIDER = re.compile(r"^\s*(?:(?:Re[-‐–]?\s?)?inspection|Review)\s+of\b", re.IGNORECASE)
NAMED_TITLE_START = re.compile(r"^\s*Inspection\s+of\s+(?!children|services|local\s+authority|looked)", re.I)


def provider_from_title(page_text: str) -> str | None:
    """The authority as printed at the top of page 1; None when what stands there is longer than a name."""
    first_lines = [line for line in page_text.splitlines() if line.strip() and not line.strip().isdigit()]
    if first_lines and NAMED_TITLE_START.match(first_lines[0]):
        match = TITLE_NAMING_PROVIDER.search(page_text)
        if match:
            return provider_name(match.group("name"))
    return provider_name(" ".join(title_lines(page_text, TITLE_AFTER_PROVIDER)))


def inspection_dates(document: Document) -> DateRange:
    """The dates printed on page 1 ("Inspection dates: 30 June 2025 to 4 July 2025")."""
    try:
        dates = find_inspection_dates(document.pages[0])
    except ValueError as exc:
        raise ExtractionError(f"page 1's inspection dates cannot be read ({exc})") from exc
    if dates is None:
        raise ExtractionError("no inspection dates printed on page 1; the template may be new")
    return dates


def lead_inspector(document: Document) -> str | None:
    """The first labelled lead: on page 1 since 2018, in the inspection team list of a SIF report."""
    text = document.text()
    return labelled_lead_inspector(text) or team_lead(text)
