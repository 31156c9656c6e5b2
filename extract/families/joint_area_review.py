"""Joint area reviews (2005-2009) and the progress inspections that followed them, by Ofsted with CQC and HMIC.

The one in the corpus ("Inspection of progress made in the provision of safeguarding services in the London
Borough of Haringey", 2009) prints no inspection dates, no lead inspector and no graded judgements: those
fields stay empty rather than being guessed from the publication date or the inspectorates' names.
"""

from __future__ import annotations

import re

from extract.exceptions import ExtractionError
from extract.families.base import Parsed
from extract.families.letters import QuoteSource, gather_quotations
from extract.pdf_text import Document
from extract.text.names import provider_name
from extract.text.quotes import QuoteRule
from extract.text.sections import document_to_lines

KIND = "joint-area-review"
FRAMEWORK = "joint-area-review"

# Cover titles, the area named at the end ("... safeguarding services in the London Borough of Haringey").
TITLES: tuple[str, ...] = (
    r"Inspection\s+of\s+progress\s+made\s+in\s+the\s+provision\s+of\s+safeguarding\s+services\s+in\s+(?:the\s+)?",
    r"Joint\s+area\s+review\s+(?:of\s+(?:the\s+)?)?",
)
# The title's lines end where the inspectorates' names or the cover's details begin.
COVER_AFTER_TITLE = r"\s*(?:Care\s+Quality|HM\s|Ofsted\b|Age\s+group)"
TITLE = re.compile(
    rf"^\s*(?:{'|'.join(TITLES)})(?P<provider>[^\n]+(?:\n(?!{COVER_AFTER_TITLE})[^\n]+)*)", re.IGNORECASE | re.MULTILINE
)
RECOGNISE = re.compile(rf"^\s*(?:{'|'.join(TITLES)})", re.IGNORECASE)

OVERALL_HEADINGS = ("Overall judgement on progress since December 2008", "Overall judgement")
SUMMARY_HEADINGS = ("Summary of key findings",)
PRIORITY_HEADINGS = ("Priorities for further improvement",)
OTHER_HEADINGS = ("Key findings", "Contents", "About the inspection", "Evidence", "Context")
KNOWN_HEADINGS = OVERALL_HEADINGS + SUMMARY_HEADINGS + PRIORITY_HEADINGS + OTHER_HEADINGS
QUOTE_SOURCES = (
    QuoteSource(OVERALL_HEADINGS, QuoteRule(limit=2)),
    QuoteSource(SUMMARY_HEADINGS, QuoteRule(limit=3, per_passage=1)),
    QuoteSource(PRIORITY_HEADINGS, QuoteRule(limit=2, per_passage=1, points_only=True)),
)


def recognise(document: Document) -> bool:
    """The cover page opens with the title (which may wrap over lines)."""
    return RECOGNISE.match(document.pages[0]) is not None


def provider(document: Document) -> str | None:
    match = TITLE.search(document.pages[0])
    if match is None:
        raise ExtractionError("the joint area review has no title naming its area on page 1")
    return provider_name(match.group("provider"))


def parse(document: Document) -> Parsed:
    lines = document_to_lines(document)
    return Parsed(
        kind=KIND,
        framework=FRAMEWORK,
        provider=provider(document),
        quotations=gather_quotations(lines, QUOTE_SOURCES, KNOWN_HEADINGS),
    )
