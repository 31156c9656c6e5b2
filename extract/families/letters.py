"""What every ungraded letter family shares: the letter's own date, the inspection dates it prints, and its
quotations gathered section by section from a table of headings and rules."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from extract.exceptions import ExtractionError
from extract.pdf_text import Document
from extract.records import Quotation
from extract.text.dates import DateRange, find_inspection_dates, first_standalone_date
from extract.text.quotes import QuoteRule, section_quotations
from extract.text.sections import Line, Section, section, sections

# A letter's own date sits under the letterhead, within the first lines of page 1.
LETTER_DATE_SEARCH_CHARS = 600
# A letter opens with its date, the names, posts and addresses of those it is sent to, and "Dear ...": the
# salutation is the last line of that address block, which is left out of passages (a `Prose.cover_end`).
LETTER_SALUTATION = r"^Dear\b"


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
