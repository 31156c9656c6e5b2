"""Focused visits to local authority children's services (2018 onwards): letters with no grades.

Two templates: 2018-2021 letters open with an "Overview" and list "Findings"; from 2021 a "Headline findings"
section leads and "Main findings" follow. Both have "What needs to improve in this area of social work
practice" bullets; a few COVID-era letters have no overview at all. Key quotations: the headline findings (or
overview) whole, the opening of each finding, a few points to improve.
The dates are the first the letter's opening states, whatever its wording (extract.families.letters.opening_dates).
The lead inspector is the letter's signatory, or, where the letter prints no signatory, the first inspector its
opening names ("The inspectors were ...").
"""

from __future__ import annotations

import re

from extract.exceptions import ExtractionError
from extract.families.base import Parsed
from extract.families.letters import LETTER_SALUTATION, opening_dates
from extract.pdf_text import Document
from extract.text.key_quotes import QuotePlan
from extract.text.names import provider_name
from extract.text.passages import Prose
from extract.text.people import letter_signatory, visit_team_lead

KIND = "focused-visit"
FRAMEWORK = "focused-visit"

HEADLINE_HEADINGS = ("Headline findings", "Overview")
IMPROVE_HEADINGS = ("What needs to improve in this area of social work practice", "What needs to improve")
FINDINGS_HEADINGS = ("Main findings", "Findings")
SIGN_OFF_HEADINGS = ("Yours sincerely",)
KNOWN_HEADINGS = HEADLINE_HEADINGS + IMPROVE_HEADINGS + FINDINGS_HEADINGS + SIGN_OFF_HEADINGS

# Passages and key quotations (extract.text.passages, extract.text.key_quotes): the headline findings whole,
# the opening of each finding, a few points to improve.
# The address block and the title are the cover; the prose opens "This letter summarises ..." (COVID-era letters:
# "Her Majesty's Chief Inspector ... is leading Ofsted's work into ...").
OPENING_START = r"^(?:This\s+letter|Her\s+Majesty['’]s\s+Chief\s+Inspector)\b"
PROSE = Prose(headings=KNOWN_HEADINGS, opening="Letter", cover_end=LETTER_SALUTATION, opening_start=OPENING_START)
# The headline findings (or overview) of a letter are a paragraph or two: 20 sentences holds nearly all of them.
HEADLINE_SENTENCES = 20
QUOTE_PLAN = QuotePlan(
    summary=(r"^(?:Headline findings|Overview)$",),
    findings=(r"^(?:Main )?findings$",),
    improvement=(r"^What needs to improve",),
    paragraphs=(r"^(?:Main )?findings$",),
    summary_sentences=HEADLINE_SENTENCES,
)

# "Focused visit to the London Borough of Waltham Forest children’s services", "Focused visit to Bradford local
# authority children’s services", "Focused visit to Trafford Council’s children’s services"; the title may wrap
# onto a second line, but never into the opening sentence ("Focused visit to Slough Children First", "This letter").
_TITLE_LINE = r"[^\n]+?"
_TITLE_WRAP = r"(?:\n(?![ \t]*(?:This|The|Her|His|Dear|Inspectors?)\b)[^\n]+?)?"
TITLE = re.compile(
    rf"^[ \t]*Focused\s+visit\s+to\s+(?:the\s+)?(?P<provider>{_TITLE_LINE}{_TITLE_WRAP})"
    r"(?:\s+(?:local\s+authority\s+)?children['’]s\s+services|[ \t]*$)",
    re.IGNORECASE | re.MULTILINE,
)
RECOGNISE = re.compile(r"^\s*Focused\s+visit\s+to\b|findings\s+of\s+(?:a|the)\s+focused\s+visit", re.I | re.M)
# The title is within the first lines of the letter, after the address block.
TITLE_SEARCH_PAGES = 2


def recognise(document: Document) -> bool:
    return any(RECOGNISE.search(page) for page in document.pages[:TITLE_SEARCH_PAGES])


def provider(document: Document) -> str | None:
    for page in document.pages[:TITLE_SEARCH_PAGES]:
        match = TITLE.search(page)
        if match:
            return provider_name(match.group("provider"))
    raise ExtractionError("the focused visit letter has no 'Focused visit to ... children's services' title")


def lead_inspector(document: Document) -> str | None:
    """The letter's signatory; a letter signed without a printed name gives the first inspector its opening names."""
    text = document.text()
    return letter_signatory(text) or visit_team_lead(text)


def parse(document: Document) -> Parsed:
    dates = opening_dates(document, "focused visit letter")
    return Parsed(
        kind=KIND,
        framework=FRAMEWORK,
        provider=provider(document),
        inspection_start=dates.start,
        inspection_end=dates.end,
        lead_inspector=lead_inspector(document),
    )
