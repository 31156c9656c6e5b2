"""Area SEND inspections of local area partnerships (Ofsted with CQC, 2023 framework): no grades, one of three
outcomes stated in a fixed sentence, and when the next inspection is due.

The lead inspector is the Ofsted lead in the "Inspection team" list; the CQC lead printed beside or below is
never taken.
"""

from __future__ import annotations

import re

from extract.exceptions import ExtractionError
from extract.families.base import Parsed
from extract.families.letters import inspection_dates
from extract.pdf_text import Document
from extract.text.names import provider_name
from extract.text.people import team_lead
from extract.text.key_quotes import QuotePlan
from extract.text.passages import Prose
from extract.text.tables import TableColumn
from extract.text.sections import document_to_lines, find_heading, section

KIND = "area-send"
FRAMEWORK = "area-send"

# The outcome sentences of the framework's three outcomes, as printed (line breaks anywhere).
OUTCOMES: tuple[tuple[str, str], ...] = (
    (r"typically\s+lead\s+to\s+positive\s+experiences\s+and\s+outcomes", "positive"),
    (r"lead\s+to\s+inconsistent\s+experiences\s+and\s+outcomes", "inconsistent"),
    (r"widespread\s+and/or\s+systemic\s+failings\s+leading\s+to\s+significant\s+concerns", "significant_concerns"),
)
OUTCOME_HEADINGS = ("Inspection outcome",)
# "A monitoring inspection will be carried out within approximately 18 months. The next full reinspection will
# be within approximately three years." Both sentences are the timing as printed.
NEXT_INSPECTION = re.compile(
    r"(?:A\s+monitoring\s+inspection\s+will\s+be\s+carried\s+out\s+within[^.]+\.\s+)?The\s+next\s+full\s+[^.]+",
    re.IGNORECASE,
)

LIVED_EXPERIENCE_HEADINGS = (
    "What is it like to be a child or young person with SEND in this area?",
    "What is it like to be a child or young person SEND in this area?",
    "What is it like to be a child or young person with special educational needs and/or disabilities (SEND) "
    "in this area?",
)
EFFECTIVE_HEADINGS = ("What is the area partnership doing that is effective?",)
BETTER_HEADINGS = ("What does the area partnership need to do better?",)
OTHER_HEADINGS = (
    "Inspection outcome",
    "Information about the local area partnership",
    "Areas for priority action",
    "Areas for improvement",
    "Local area partnership details",
    "Information about this inspection",
    "Inspection team",
)
KNOWN_HEADINGS = LIVED_EXPERIENCE_HEADINGS + EFFECTIVE_HEADINGS + BETTER_HEADINGS + OTHER_HEADINGS
# Passages and key quotations (extract.text.passages, extract.text.key_quotes): the outcome statement, the
# "What is it like ..." narrative whole, the priority actions, a few areas for improvement; then, within the
# budget, the openings of the points found effective or to do better.
PROSE = Prose(headings=KNOWN_HEADINGS, opening="Local Area Partnership report", tables=("Areas for priority action",))
# The priority actions are a ruled table (responsible body, action) whose columns the text layer runs together.
TABLE_COLUMNS = (TableColumn("Areas for priority action", "Areas for priority action"),)
QUOTE_PLAN = QuotePlan(
    outcome=(r"^Inspection outcome$",),
    summary=(r"^What is it like to be a child",),
    priority=(r"^Areas for priority action$",),
    improvement=(r"^Areas for improvement$",),
    paragraphs=(r"^What (?:is|does) the area partnership",),
    # Who commissions and runs the area's services: context, not findings.
    background=(r"^Information about the local area partnership",),
)

TITLE = re.compile(
    r"Area\s+SEND\s+inspection\s+of\s+(?:the\s+)?(?P<provider>.+?)\s+Local\s+Area\s+Partnership", re.I | re.S
)
RECOGNISE = re.compile(r"^\s*Area\s+SEND\s+inspection\s+of\b", re.IGNORECASE | re.MULTILINE)
TEAM_HEADINGS = ("Inspection team",)
# The team list: a line per pair of inspectors (Ofsted column, CQC column), a handful of lines.
TEAM_LIST_MAX_LINES = 10


def recognise(document: Document) -> bool:
    return RECOGNISE.search(document.pages[0]) is not None


def provider(document: Document) -> str | None:
    match = TITLE.search(document.pages[0])
    if match is None:
        raise ExtractionError("the area SEND report has no 'Area SEND inspection of ... Local Area Partnership' title")
    return provider_name(match.group("provider"))


def outcome(outcome_text: str) -> str:
    """The outcome named by the outcome sentence; an error naming the text when none or several match."""
    text = " ".join(outcome_text.split())
    found = {value for pattern, value in OUTCOMES if re.search(pattern, text, re.IGNORECASE)}
    if len(found) != 1:
        raise ExtractionError(
            f"the area SEND outcome cannot be read from {text[:200]!r}; "
            "the outcome sentences may have changed, please open an issue"
        )
    return found.pop()


def next_inspection(outcome_text: str) -> str | None:
    match = NEXT_INSPECTION.search(" ".join(outcome_text.split()))
    return match.group(0) if match else None


def parse(document: Document) -> Parsed:
    lines = document_to_lines(document)
    outcome_section = section(lines, OUTCOME_HEADINGS, KNOWN_HEADINGS)
    if outcome_section is None:
        raise ExtractionError("the area SEND report has no 'Inspection outcome' section; the template may be new")
    outcome_text = " ".join(line.text for line in outcome_section.lines)
    team = find_heading(lines, TEAM_HEADINGS)
    team_list = lines[team[0] + team[1] : team[0] + team[1] + TEAM_LIST_MAX_LINES] if team else []
    dates = inspection_dates(document, "area SEND report")
    return Parsed(
        kind=KIND,
        framework=FRAMEWORK,
        provider=provider(document),
        inspection_start=dates.start,
        inspection_end=dates.end,
        lead_inspector=team_lead("\n".join(line.text for line in team_list)),
        outcome=outcome(outcome_text),
        next_inspection=next_inspection(outcome_text),
    )
