"""What every school inspection report shares, whatever its era: the URN, dates and lead inspector printed on
it, its name, and reading a grade printed right after its label (a word, a number on the report's own key, or
both), checked against the body's section headings where the report has them.

Each era's module (school_2009, school_2012, school_2015) is its label tables plus a `SchoolReportEra`; the
reading below is shared.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from extract.exceptions import ExtractionError, JudgementConflict, Unrecognised
from extract.families.base import Parsed
from extract.families.la_common import body_grades, cross_check
from extract.families.letters import QuoteSource, gather_quotations
from extract.pdf_text import Document
from extract.records import Grade, Judgement, Quotation
from extract.text.dates import DateRange, find_inspection_dates
from extract.text.grades import LabelledArea, grade_from_words
from extract.text.people import labelled_lead_inspector, team_lead
from extract.text.sections import Line, document_to_lines

KIND = "school-inspection"

# "Unique Reference Number 100006", "Unique reference number: 106459", "URN: 139305"
URN = re.compile(r"\b(?:Unique\s+reference\s+number|URN)\s*:?\s*(?P<urn>\d{6,7})\b", re.IGNORECASE)
# Words kept in lower case when a name printed in capitals is put in proper case ("ST MARY AND ST JOHN").
LOWER_CASE_WORDS = frozenset("and of the in on at for with upon under le la de".split())
# A front table sits on page 1, or a page or two on behind a cover.
FRONT_TABLE_SEARCH_PAGES = 3
MIN_ROWS_FOR_A_TABLE = 2
OVERALL = "overall_effectiveness"
# Sub-points passed over per point quoted: an improvement point seldom has more than this many.
SUBPOINTS_ALLOWANCE = 6
# What tells one era's template from another is printed within the first pages (2009: page 4's first table).
RECOGNISE_SEARCH_PAGES = 5


def urn(document: Document) -> str | None:
    match = URN.search(document.text())
    return match.group("urn") if match else None


def inspection_dates(document: Document) -> DateRange:
    try:
        dates = find_inspection_dates(document.text())
    except ValueError as exc:
        raise ExtractionError(f"the school report's inspection dates cannot be read ({exc})") from None
    if dates is None:
        raise ExtractionError("no inspection dates printed in the school report; the template may be new")
    return dates


def lead_inspector(document: Document) -> str | None:
    """'Reporting inspector: Mr Jean-Pierre Kirkland' on the cover, else the lead in the inspection team list
    ('Seamus Murphy, lead inspector Her Majesty’s Inspector')."""
    text = document.text()
    return labelled_lead_inspector(text) or team_lead(text)


def proper_case(name: str) -> str:
    """'ST MARY AND ST JOHN CATHOLIC PRIMARY SCHOOL' -> 'St Mary and St John Catholic Primary School'; a name
    printed in mixed case is kept as printed."""
    name = " ".join(name.split())
    if name != name.upper():
        return name
    words = name.lower().split()
    return " ".join(
        word if index and word in LOWER_CASE_WORDS else word[:1].upper() + word[1:] for index, word in enumerate(words)
    )


def slug(text: str) -> str:
    """'Years 1 – 2' -> 'years_1_2': a printed label as an area name."""
    return "_".join(re.findall(r"[a-z0-9]+", text.lower()))


@dataclass(frozen=True)
class GradeKey:
    """How a report prints the meaning of its grade numbers: 'Inspection grades: 1 is outstanding, 2 is good,
    ...' on every page (2009), 'Grade 1 Outstanding' in the glossary (2012). `line` narrows the search to the
    lines that print the key; `pair` reads one number and its word from them."""

    line: str
    pair: str

    def read(self, text: str) -> dict[int, Grade]:
        """{1: outstanding, ...}; raise when the report prints no complete key or contradicts itself."""
        key: dict[int, Grade] = {}
        pair = re.compile(self.pair, re.IGNORECASE)
        for line in re.finditer(self.line, text, re.IGNORECASE | re.MULTILINE):
            for match in pair.finditer(line.group(0)):
                score, grade = int(match.group("score")), grade_from_words(match.group("word"))
                if key.setdefault(score, grade) is not grade:
                    raise ExtractionError(
                        f"the report's grade key gives {score} two meanings ({key[score].value} and {grade.value})"
                    )
        if sorted(key) != [1, 2, 3, 4]:
            raise ExtractionError(
                f"the report prints grade numbers but its key names only {sorted(key) or 'none'}; "
                "the template may be new, please open an issue"
            )
        return key


def cell_grade(match: re.Match, key: dict[int, Grade] | None, label: str, page: int) -> Grade:
    """The grade of one printed cell: its word, its number read on the key, or both when they agree."""
    word = match.groupdict().get("word")
    score = match.groupdict().get("score")
    by_word = grade_from_words(word) if word else None
    by_number = key[int(score)] if score and key else None
    if by_word and by_number and by_word is not by_number:
        raise JudgementConflict(
            f"'{label}' on page {page} prints '{' '.join(word.split())} {score}', but the report's key says "
            f"{score} is {by_number.value}"
        )
    grade = by_word or by_number
    if grade is None:
        raise ExtractionError(f"'{label}' on page {page} prints a number but the report has no grade key")
    return grade


# A grade cell's match, the label it follows (as printed) and the page -> the grade's value.
CellReader = Callable[[re.Match, str, int], str]


def read_rows(
    text: str, page: int, areas: Sequence[LabelledArea], cell: re.Pattern, grade_of: CellReader
) -> list[Judgement]:
    """Each area's grade from the first place on the page where its label is followed at once by a grade cell.
    A label printed in prose, with no cell after it, gives nothing; a grade is never taken from another row."""
    placed: list[tuple[int, Judgement]] = []
    for area in areas:
        for label in area.pattern().finditer(text):
            found = cell.match(text, label.end())
            if found:
                printed = " ".join(label.group(0).split())
                placed.append((label.start(), Judgement(area.area, grade_of(found, printed, page), printed, page)))
                break
    return [judgement for _, judgement in sorted(placed, key=lambda item: item[0])]


@dataclass(frozen=True)
class SchoolReportEra:
    """One section 5 framework's template: where the name and the grades are printed and how they read."""

    framework: str
    recognise: re.Pattern  # searched in the first pages
    provider: re.Pattern  # group 'name'; searched on page 1
    areas: tuple[LabelledArea, ...]  # the judgement rows, read next to their labels
    cell: re.Pattern  # a grade as printed right after a label: groups 'word' and/or 'score'
    quotes: tuple[QuoteSource, ...]
    known_headings: tuple[str, ...]
    key: GradeKey | None = None  # where the meaning of printed numbers is given, when grades are numbers
    table_on_one_page: bool = True  # False: the grades are spread through the body (2009)
    body_areas: tuple[LabelledArea, ...] = ()  # section headings that repeat a grade, for the cross-check


def recognise_era(document: Document, era: SchoolReportEra) -> bool:
    return bool(era.recognise.search("\n".join(document.pages[:RECOGNISE_SEARCH_PAGES])))


def provider(document: Document, era: SchoolReportEra) -> str:
    match = era.provider.search(document.pages[0])
    if match is None:
        raise ExtractionError(f"the {era.framework} school report's name is not where its template prints it")
    return proper_case(match.group("name"))


def judgements(document: Document, era: SchoolReportEra) -> list[Judgement]:
    key = era.key.read(document.text()) if era.key else None

    def grade_of(match: re.Match, label: str, page: int) -> str:
        return cell_grade(match, key, label, page).value

    table = front_table(document, era, grade_of) if era.table_on_one_page else spread_table(document, era, grade_of)
    if OVERALL not in {j.area for j in table}:
        raise Unrecognised(
            f"a {era.framework} school report without an overall effectiveness grade next to its label; "
            "the template may be new, please open an issue"
        )
    if era.body_areas:
        body = body_grades(document, era.body_areas, max(j.page for j in table) + 1)
        cross_check(table, body, "the section heading")
    return table


def front_table(document: Document, era: SchoolReportEra, grade_of: CellReader) -> list[Judgement]:
    for number, text in enumerate(document.pages[:FRONT_TABLE_SEARCH_PAGES], start=1):
        rows = read_rows(text, number, era.areas, era.cell, grade_of)
        if len(rows) >= MIN_ROWS_FOR_A_TABLE:
            return rows
    raise Unrecognised(f"no {era.framework} judgement table in the first pages; the template may be new")


def spread_table(document: Document, era: SchoolReportEra, grade_of: CellReader) -> list[Judgement]:
    """Grades printed under each section of the body: each area where its label is first followed by a grade."""
    found: list[Judgement] = []
    for number, text in enumerate(document.pages, start=1):
        remaining = [area for area in era.areas if area.area not in {j.area for j in found}]
        found += read_rows(text, number, remaining, era.cell, grade_of)
    return found


def parse_school_report(document: Document, era: SchoolReportEra) -> Parsed:
    dates = inspection_dates(document)
    return Parsed(
        kind=KIND,
        framework=era.framework,
        provider=provider(document, era),
        urn=urn(document),
        inspection_start=dates.start,
        inspection_end=dates.end,
        lead_inspector=lead_inspector(document),
        judgements=judgements(document, era),
        quotations=school_quotations(document_to_lines(document), era.quotes, era.known_headings),
    )


def school_quotations(
    lines: Sequence[Line], sources: Sequence[QuoteSource], known_headings: Sequence[str]
) -> list[Quotation]:
    """Each source's quotations, its points heard rather than their sub-points: "Improve the provision in early
    years by:" is a point; its dashed sub-points ("– assessing all risks ...") start in lower case and are
    passed over, so the next point is heard."""
    quotations: list[Quotation] = []
    for source in sources:
        wanted = source.rule.limit
        generous = replace(source, rule=replace(source.rule, limit=wanted * SUBPOINTS_ALLOWANCE))
        found = gather_quotations(lines, (generous,), known_headings)
        quotations += [quotation for quotation in found if quotation.text[:1].isupper()][:wanted]
    return quotations

