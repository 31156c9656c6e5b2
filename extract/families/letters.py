"""What every ungraded letter family shares: the letter's own date, the inspection dates it prints, and its
quotations gathered section by section from a table of headings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from extract.exceptions import ExtractionError
from extract.pdf_text import Document
from extract.records import Quotation
from extract.text.dates import DateRange, find_inspection_dates, first_standalone_date
from extract.text.quotes import section_quotations
from extract.text.sections import Line, section, sections

# A letter's own date sits under the letterhead, within the first lines of page 1.
LETTER_DATE_SEARCH_CHARS = 600


@dataclass(frozen=True)
class QuoteSource:
    """Where a family's key quotations come from, in the order they are quoted."""

    headings: tuple[str, ...]  # the heading's printed variants
    limit: int  # most quotations taken from the section(s)
    per_passage: int | None = None  # most from one bullet or paragraph, so a list's points are all heard
    every_section: bool = False  # JTAI letters repeat a heading for each agency: quote across all of them


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


def gather_quotations(
    lines: Sequence[Line], sources: Sequence[QuoteSource], known_headings: Sequence[str]
) -> list[Quotation]:
    quotations: list[Quotation] = []
    for source in sources:
        if source.every_section:
            found = sections(lines, source.headings, known_headings)
        else:
            found = [item for item in [section(lines, source.headings, known_headings)] if item is not None]
        taken: list[Quotation] = []
        for item in found:
            taken += section_quotations(item, source.limit - len(taken), source.per_passage)
        quotations += taken
    return quotations
