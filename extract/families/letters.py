"""What every ungraded letter family shares: the letter's own date, the inspection dates it prints, and its
quotations gathered section by section from a table of headings and rules."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from extract.exceptions import ExtractionError
from extract.pdf_text import Document
from extract.records import Quotation
from extract.text.dates import (
    DateRange,
    find_inspection_dates,
    first_date_range,
    first_standalone_date,
    normalise_date_text,
)
from extract.text.quotes import QuoteRule, section_quotations
from extract.text.sections import Line, Section, section, sections

# A letter's own date sits under the letterhead, within the first lines of page 1.
LETTER_DATE_SEARCH_CHARS = 600
# A letter opens with its date, the names, posts and addresses of those it is sent to, and "Dear ...": the
# salutation is the last line of that address block, which is left out of passages (a `Prose.cover_end`).
LETTER_SALUTATION = r"^Dear\b"
SALUTATION_LINE = re.compile(r"^[ \t]*Dear\b[^\n]*$", re.MULTILINE)
# A letter's opening sentence, after the salutation and the title, states when the visit took place: within 500
# characters of the salutation in every letter of the corpus (the longest, 2021 letters whose title is followed by
# a paragraph on the pandemic); twice that is still the opening.
OPENING_CHARS = 1000


@dataclass(frozen=True)
class QuoteSource:
    """A section a family quotes from, in the order its quotations come."""

    headings: tuple[str, ...]  # the heading's printed variants
    rule: QuoteRule
    every_section: bool = False  # JTAI letters repeat a heading for each theme: quote across all of them


def letter_date(document: Document) -> date | None:
    return first_standalone_date(document.pages[0][:LETTER_DATE_SEARCH_CHARS])


def inspection_dates(document: Document, what: str) -> DateRange:
    """The dates printed in the letter's opening, a missing year taken from the letter's date."""
    try:
        found = find_inspection_dates(document.text(), letter_date(document))
    except ValueError as exc:
        raise ExtractionError(f"the {what}'s dates cannot be read: {exc}") from None
    if found is None:
        raise ExtractionError(
            f"no inspection dates found in the {what}'s opening; the template may be new, please open an issue"
        )
    return found


def opening_dates(document: Document, what: str) -> DateRange:
    """The dates the letter's opening states: the first complete date after the salutation, whatever the words
    around it ("This letter summarises the findings of the focused visit to St. Helens ... on 4 and 5 July",
    "Inspectors visited ... between ..."); a letter without a salutation is read by its cue phrases instead."""
    text = normalise_date_text(document.text())
    salutation = SALUTATION_LINE.search(text)
    if salutation is not None:
        opening = text[salutation.end() : salutation.end() + OPENING_CHARS]
        # The letter's own date stands above the salutation, however long the letterhead before it.
        written = letter_date(document) or first_standalone_date(text[: salutation.start()])
        found = first_date_range(opening, written)
        if found is not None:
            return found
    return inspection_dates(document, what)


def gather_quotations(
    lines: Sequence[Line],
    sources: Sequence[QuoteSource],
    known_headings: Sequence[str],
    asides: Sequence[str] = (),
) -> list[Quotation]:
    quotations: list[Quotation] = []
    for source in sources:
        if source.every_section:
            found = sections(lines, source.headings, known_headings, asides)
        else:
            single = section(lines, source.headings, known_headings, asides=asides)
            found = [single] if single is not None else []
        quotations += quotations_from(found, source.rule)
    return quotations


def quotations_from(found: Sequence[Section], rule: QuoteRule) -> list[Quotation]:
    """Quotations from sections in turn, `rule.limit` across them all."""
    taken: list[Quotation] = []
    for item in found:
        remaining = QuoteRule(rule.limit - len(taken), rule.per_passage, rule.skip_paragraphs, rule.points_only)
        taken += section_quotations(item, remaining)
    return taken
