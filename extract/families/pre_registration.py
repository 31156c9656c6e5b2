"""Pre-registration inspections of proposed independent schools (section 99 of the Education and Skills Act 2008).

No grades: the report advises the Secretary of State whether the school is likely to meet the independent school
standards when it opens, in one sentence under "Overall outcome" ("The school is likely to meet all the
independent school standards when it opens"). That sentence is the report's outcome, as printed; the findings
follow, Part by Part of the standards, each under the paragraphs of the regulations it covers.
"""

from __future__ import annotations

import re

from extract.exceptions import ExtractionError
from extract.families.base import Parsed
from extract.families.provider_common import lead_inspector, provider, urn
from extract.families.school_common import inspection_dates
from extract.pdf_text import Document
from extract.text.key_quotes import QuotePlan
from extract.text.passages import Prose

KIND = "pre-registration-inspection"
FRAMEWORK = "pre-registration"

# "School pre-registration inspection report", then the school's name on the next line.
TITLE = re.compile(
    r"^[ \t]*(?:[A-Z][\w ]{0,40}?)?pre[-\s]?registration\s+inspection\s+report[ \t]*\n[ \t]*(?P<name>[^\n]+?)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# The outcome sentence under its label, however its shaded box wraps it (or beside the label, on one line).
OUTCOME_HEADING = "Overall outcome"
FINDINGS_HEADING = "Main inspection findings"
OUTCOME = re.compile(
    rf"^[ \t]*{OUTCOME_HEADING}[ \t]*\n?(?P<sentence>(?:(?![ \t]*(?:{FINDINGS_HEADING}|Part\s+\d))[^\n]*\n?)+?)"
    rf"(?=^[ \t]*(?:{FINDINGS_HEADING}|Part\s+\d)|\Z)",
    re.IGNORECASE | re.MULTILINE,
)
# The outcome states what the school is likely to do: never a paragraph of findings read by mistake.
OUTCOME_START = re.compile(r"^The\s+school\s+is\b", re.IGNORECASE)
MAX_OUTCOME_WORDS = 40
OUTCOME_PAGE = 1

# Passages and key quotations: the outcome and the compliance statement in full, then what the findings word
# strongly. The lists of the regulations' paragraphs each Part covers ("Paragraph 2(1), 2(1)(a), ...") are
# references, not prose.
REFERENCE_LINE = r"(?:Paragraphs?\s+)?\d+(?:\(\w+\))*(?:,\s*\d+(?:\(\w+\))*)*,?"
PROSE = Prose(
    headings=(
        OUTCOME_HEADING,
        FINDINGS_HEADING,
        "Inspection team",
        "Compliance with regulatory requirements",
        "Proposed school details",
        "Information about this proposed school",
        "Schedule 10 of the Equality Act 2010",
    ),
    heading_regexes=(r"Part\s+\d+\.\s+[A-Z][^.]*",),
    boilerplate=("Proposed school details",),
    # The details and the tables of pupils and staff that follow them read like headings: only a known heading
    # ("Information about this proposed school") ends them.
    tables=("Proposed school details", "Inspection team"),
    cover_end=r"^Inspection\s+dates?\b",
    not_prose=(REFERENCE_LINE,),
)
QUOTE_PLAN = QuotePlan(
    outcome=(rf"^{OUTCOME_HEADING}$", r"^Compliance with regulatory requirements$"),
    paragraphs=(r"^Part\s+\d", r"^Schedule 10\b", r"^Information about this proposed school$"),
)


def recognise(document: Document) -> bool:
    return bool(TITLE.search(document.pages[0]))


def outcome(document: Document) -> str:
    match = OUTCOME.search(document.pages[OUTCOME_PAGE - 1])
    sentence = " ".join(match.group("sentence").split()).rstrip(".") if match else ""
    if not OUTCOME_START.match(sentence) or len(sentence.split()) > MAX_OUTCOME_WORDS:
        raise ExtractionError(
            "the pre-registration report has no 'Overall outcome' sentence on page 1 ('The school is likely to "
            "meet ...'); the template may be new, please open an issue"
        )
    return sentence


def parse(document: Document) -> Parsed:
    dates = inspection_dates(document)
    return Parsed(
        kind=KIND,
        framework=FRAMEWORK,
        provider=provider(document, TITLE.search(document.pages[0]).group("name")),
        urn=urn(document),
        inspection_start=dates.start,
        inspection_end=dates.end,
        lead_inspector=lead_inspector(document),
        outcome=outcome(document),
    )
