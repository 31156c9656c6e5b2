"""Focused visits to local authority children's services (2018 onwards): letters with no grades.

Two templates: 2018-2021 letters open with an "Overview" and list "Findings"; from 2021 a "Headline findings"
section leads and "Main findings" follow. Both have "What needs to improve in this area of social work
practice" bullets; a few COVID-era letters have no overview at all. Key quotations: the headline findings (or
overview) whole, the opening of each finding, a few points to improve.
The lead inspector is the letter's signatory.
"""

from __future__ import annotations

import re

from extract.exceptions import ExtractionError
from extract.families.base import Parsed
from extract.families.letters import inspection_dates
from extract.pdf_text import Document
from extract.text.people import letter_signatory
from extract.text.key_quotes import QuotePlan
from extract.text.passages import Prose

KIND = "focused-visit"
FRAMEWORK = "focused-visit"

HEADLINE_HEADINGS = ("Headline findings", "Overview")
IMPROVE_HEADINGS = ("What needs to improve in this area of social work practice", "What needs to improve")
FINDINGS_HEADINGS = ("Main findings", "Findings")
SIGN_OFF_HEADINGS = ("Yours sincerely",)
KNOWN_HEADINGS = HEADLINE_HEADINGS + IMPROVE_HEADINGS + FINDINGS_HEADINGS + SIGN_OFF_HEADINGS

# Passages and key quotations (extract.text.passages, extract.text.key_quotes): the headline findings whole,
# the opening of each finding, a few points to improve.
PROSE = Prose(headings=KNOWN_HEADINGS, opening="Letter")
QUOTE_PLAN = QuotePlan(
    summary=(r"^(?:Headline findings|Overview)$",),
    findings=(r"^(?:Main )?findings$",),
    improvement=(r"^What needs to improve",),
    paragraphs=(r"^(?:Main )?findings$",),
)

# "Focused visit to the London Borough of Waltham Forest children’s services",
# "Focused visit to Bradford local authority children’s services"
TITLE = re.compile(
    r"^\s*Focused\s+visit\s+to\s+(?:the\s+)?(?P<provider>.+?)\s+(?:local\s+authority\s+)?children['’]s\s+services",
    re.IGNORECASE | re.MULTILINE | re.DOTALL,
)
RECOGNISE = re.compile(r"^\s*Focused\s+visit\s+to\b|findings\s+of\s+(?:a|the)\s+focused\s+visit", re.I | re.M)
# The title is within the first lines of the letter, after the address block.
TITLE_SEARCH_PAGES = 2


def recognise(document: Document) -> bool:
    return any(RECOGNISE.search(page) for page in document.pages[:TITLE_SEARCH_PAGES])


def provider(document: Document) -> str:
    for page in document.pages[:TITLE_SEARCH_PAGES]:
        match = TITLE.search(page)
        if match:
            return " ".join(match.group("provider").split())
    raise ExtractionError("the focused visit letter has no 'Focused visit to ... children's services' title")


def parse(document: Document) -> Parsed:
    dates = inspection_dates(document, "focused visit letter")
    return Parsed(
        kind=KIND,
        framework=FRAMEWORK,
        provider=provider(document),
        inspection_start=dates.start,
        inspection_end=dates.end,
        lead_inspector=letter_signatory(document.text()),
    )
