"""The education inspection framework (EIF), September 2019 onwards: schools, early years settings and further
education and skills providers alike.

Page 1 prints a table of judgements, each a grade word after its label: "Overall effectiveness", "The quality of
education", "Behaviour and attitudes", "Personal development", "Leadership and management", and where the
provider has them "Early years provision", "Sixth-form provision" and a college's provision types
("Apprenticeships", ...). Its last row recalls the previous inspection ("Overall effectiveness at previous
inspection Good", schools' "Previous inspection grade Good"): kept as a previous grade, never as a judgement.

Which kind of provider the report is about is read from the heading its summary opens with ("What is it like to
attend this school?", "... this early years setting?", "... to be a learner with this provider?").

Two templates:
- `eif`: the table with its overall effectiveness row;
- `eif-2024`: state schools inspected from September 2024 until the report cards of November 2025: the same
  table without an overall effectiveness grade. Only a school report inspected in that window may lack it: any
  other EIF report without one, or any report without the four key judgements, is left unrecognised rather
  than loaded with grades missing.
"""

from __future__ import annotations

import re
from datetime import date

from extract.exceptions import Unrecognised
from extract.families.base import Parsed
from extract.families.la_common import JUDGEMENT_TABLE_SEARCH_PAGES, body_grades, cross_check, judgement_table
from extract.families.la_quotes import TABLE_ROW_END
from extract.families.provider_common import lead_inspector, provider, urn
from extract.families.school_common import inspection_dates
from extract.pdf_text import Document
from extract.records import Judgement
from extract.text.grades import GRADE_PATTERN, LabelledArea, flexible, read_labelled_grades
from extract.text.key_quotes import QuotePlan
from extract.text.passages import Prose

FRAMEWORK = "eif"
FRAMEWORK_WITHOUT_OVERALL = "eif-2024"
# State schools' reports carry no overall effectiveness grade from this date, and report cards (a five-point
# scale, not this template) replace them from the second.
NO_OVERALL_FROM = date(2024, 9, 1)
REPORT_CARDS_FROM = date(2025, 11, 10)

SCHOOL, EARLY_YEARS, FURTHER_EDUCATION = "school-inspection", "early-years-inspection", "further-education-inspection"
# The heading the summary opens with tells the kind of provider.
KIND_HEADINGS: tuple[tuple[str, str], ...] = (
    (EARLY_YEARS, flexible("What is it like to attend this early years setting?")),
    (FURTHER_EDUCATION, flexible("What is it like to be a learner with this provider?")),
    (SCHOOL, flexible("What is it like to attend this school?")),
)
KIND_SEARCH_PAGES = 3

OVERALL = "overall_effectiveness"
KEY_AREAS = ("quality_of_education", "behaviour_and_attitudes", "personal_development", "leadership_and_management")
AREAS = (
    LabelledArea(OVERALL, (flexible("Overall effectiveness") + r"(?!\s+at\s+previous)",)),
    LabelledArea("quality_of_education", (flexible("The quality of education"),)),
    LabelledArea("behaviour_and_attitudes", (flexible("Behaviour and attitudes"),)),
    LabelledArea("personal_development", (flexible("Personal development"),)),
    LabelledArea("leadership_and_management", (flexible("Leadership and management"),)),
    LabelledArea("early_years", (flexible("Early years provision"),)),
    LabelledArea("sixth_form", (r"Sixth[\s-]+form\s+provision",)),
    # Further education and skills: the provision types a provider offers.
    LabelledArea("education_programmes_for_young_people", (flexible("Education programmes for young people"),)),
    LabelledArea("adult_learning_programmes", (flexible("Adult learning programmes"),)),
    LabelledArea("apprenticeships", (flexible("Apprenticeships"),)),
    LabelledArea("provision_for_learners_with_high_needs", (flexible("Provision for learners with high needs"),)),
)
# The previous inspection's grade, as the table's last row recalls it.
PREVIOUS_AREAS = (
    LabelledArea(
        OVERALL, (flexible("Overall effectiveness at previous inspection"), flexible("Previous inspection grade"))
    ),
)
# An early years report states its overall grade again at the head of its summary ("The provision is good").
EARLY_YEARS_BODY = (LabelledArea(OVERALL, (flexible("The provision"),)),)
# Two rows every EIF table prints, label and grade word on one line of the text layer, in either order.
RECOGNISE = tuple(
    re.compile(rf"{flexible(label)}[ \t]+(?:{GRADE_PATTERN})\b", re.IGNORECASE)
    for label in ("The quality of education", "Behaviour and attitudes")
)

# "Inspection of Kirklees College", under "Further education and skills inspection report" on a college's.
TITLE = re.compile(r"^[ \t]*Inspection\s+of\s+(?P<name>[^\n]+?)[ \t]*$", re.MULTILINE)

# Passages and key quotations (extract.text.passages, extract.text.key_quotes): the summary under its "What is
# it like ..." heading (an early years report's opens with its verdict, "The provision is good", printed as a
# heading), the points to improve, and the opening of each paragraph of what the provider does well and of the
# safeguarding section.
SUMMARY_HEADINGS = (
    "What is it like to attend this school?",
    "What is it like to attend this early years setting?",
    "What is it like to be a learner with this provider?",
)
VERDICT_HEADING = rf"The\s+provision\s+(?:is\s+|(?=requires?\s))(?:{GRADE_PATTERN})"
WELL_HEADINGS = (
    "What does the school do well and what does it need to do better?",
    "What does the early years setting do well and what does it need to do better?",
    "What does the provider do well and what does it need to do better?",
)
IMPROVE_HEADINGS = (
    "What does the school need to do to improve?",
    "What does the setting need to do to improve?",
    "What does the provider need to do to improve?",
)
OTHER_HEADINGS = (
    "Safeguarding",
    "Contribution to meeting skills needs",
    "Information about this provider",
    "Information about this early years setting",
    "Information about this school",
    "Inspection activities",
    "How can I feedback my views?",
    "Further information",
    "Information about this inspection",
    "Inspection team",
)
DETAILS_HEADINGS = ("Setting details", "Provider details", "School details")
PROSE = Prose(
    headings=SUMMARY_HEADINGS + WELL_HEADINGS + IMPROVE_HEADINGS + OTHER_HEADINGS + DETAILS_HEADINGS,
    heading_regexes=(VERDICT_HEADING,),
    boilerplate=DETAILS_HEADINGS + ("Inspection activities", "How can I feedback my views?", "Further information"),
    cover_end=TABLE_ROW_END,
    # The details tables' rows ("Local authority Harrow") and the team list read like headings: only a known
    # heading ends them.
    tables=DETAILS_HEADINGS + ("Inspection team",),
)
# The summary's first paragraph is its verdict (five sentences or so); its later paragraphs are findings, each
# quoted by its opening.
SUMMARY_SENTENCES = 5
QUOTE_PLAN = QuotePlan(
    summary=(r"^What is it like to", rf"^{VERDICT_HEADING}$"),
    summary_sentences=SUMMARY_SENTENCES,
    # An early years setting's strengths are bulleted points: the opening of each is quoted.
    findings=(r"^What does the early years setting do well",),
    improvement=(r"^What does the (?:school|setting|provider) need to do to improve",),
    paragraphs=(r"^What does the .+ do well", r"^Safeguarding$", r"^Contribution to meeting skills needs$"),
)


def recognise(document: Document) -> bool:
    return any(
        all(row.search(page) for row in RECOGNISE) for page in document.pages[:JUDGEMENT_TABLE_SEARCH_PAGES]
    )


def kind(document: Document) -> str:
    head = "\n".join(document.pages[:KIND_SEARCH_PAGES])
    for name, heading in KIND_HEADINGS:
        if re.search(rf"^[ \t]*{heading}", head, re.IGNORECASE | re.MULTILINE):
            return name
    raise Unrecognised(
        "an education inspection framework table, but no 'What is it like to ...' heading saying whether the report "
        "is about a school, an early years setting or a further education provider; the template may be new"
    )


def previous_judgements(document: Document, table: list[Judgement]) -> list[Judgement]:
    """The previous inspection's grade printed with the table (on its page, or the next if the table runs on)."""
    pages = sorted({j.page for j in table})
    for number in range(pages[0], min(pages[-1] + 1, document.page_count) + 1):
        found = read_labelled_grades(document.pages[number - 1], PREVIOUS_AREAS, number)
        if found:
            return found
    return []


def framework_of(kind_read: str, areas: set[str], start: date) -> str:
    """`eif`, or `eif-2024` for a state school's report of the years without an overall grade; raise Unrecognised
    for a table that lacks what its template always prints."""
    missing = [area for area in KEY_AREAS if area not in areas]
    if missing:
        raise Unrecognised(
            f"an education inspection framework table without {', '.join(missing)} next to its label; "
            "the template may be new, please open an issue"
        )
    if OVERALL in areas:
        return FRAMEWORK
    if kind_read == SCHOOL and NO_OVERALL_FROM <= start < REPORT_CARDS_FROM:
        return FRAMEWORK_WITHOUT_OVERALL
    raise Unrecognised(
        f"an education inspection framework {kind_read.replace('-', ' ')} report of {start:%d %B %Y} without an "
        "overall effectiveness grade (only state schools inspected from September 2024 to November 2025 have "
        "none); the template may be new, please open an issue"
    )


def parse(document: Document) -> Parsed:
    kind_read = kind(document)
    table = judgement_table(document, AREAS)
    dates = inspection_dates(document)
    framework = framework_of(kind_read, {j.area for j in table}, dates.start)
    if kind_read == EARLY_YEARS:
        cross_check(table, body_grades(document, EARLY_YEARS_BODY, max(j.page for j in table) + 1), "the summary")
    title = next((TITLE.search(page) for page in document.pages[:1] if TITLE.search(page)), None)
    return Parsed(
        kind=kind_read,
        framework=framework,
        provider=provider(document, title.group("name") if title else None),
        urn=urn(document),
        inspection_start=dates.start,
        inspection_end=dates.end,
        lead_inspector=lead_inspector(document),
        judgements=table,
        previous_judgements=previous_judgements(document, table),
    )
