"""What the reports of a single provider (a school, an early years setting, a college, a proposed independent
school) share, whatever their template: the URN in every form the site uses, the provider's name as the running
header prints it, and the lead inspector however the report names them.
"""

from __future__ import annotations

import re
from collections import Counter

from extract.pdf_text import Document
from extract.text.names import provider_name
from extract.text.people import labelled_lead_inspector, sole_inspector, team_lead

# "Unique reference number EY448916", "Unique reference number 130537", "URN: 139305"; a registered person's
# own number ("Registered person unique reference number RP521625") is no URN of the provider.
URN = re.compile(
    r"(?<!person\s)\b(?:Unique\s+reference\s+number|URN)\s*:?\s*(?P<urn>(?:EY|SC)?\d{6,7})\b", re.IGNORECASE
)
# "Inspection report: Rowlands Avenue Pre-School" at the top or foot of each page after the first, with the
# inspection's date after a comma in older templates ("Inspection report: Wribbenhall School, 22 January 2019").
RUNNING_HEADER = re.compile(
    r"^[ \t]*Inspection\s+report:[ \t]*(?P<name>[^\n]+?)(?:,[ \t]*\d[^\n]*)?[ \t]*$", re.IGNORECASE | re.MULTILINE
)


def urn(document: Document) -> str | None:
    match = URN.search(document.text())
    return match.group("urn").upper() if match else None


def running_header_name(document: Document) -> str | None:
    """The name the running header prints on most pages after the first; None when it prints none."""
    names = Counter(
        " ".join(match.group("name").split())
        for page in document.pages[1:]
        for match in RUNNING_HEADER.finditer(page)
    )
    return provider_name(names.most_common(1)[0][0]) if names else None


def provider(document: Document, title_name: str | None) -> str | None:
    """The provider as its title prints it; where the title wraps onto a second line, the running header (printed
    on one line, and starting with the title's first line) gives the whole name."""
    header = running_header_name(document)
    if title_name is None:
        return header
    title = provider_name(title_name)
    if header and title and header.lower().startswith(title.lower()):
        return header
    return title


def lead_inspector(document: Document) -> str | None:
    """'Lead inspector: ...', the lead of an inspection team list, or the name under a lone 'Inspector' heading."""
    text = document.text()
    return labelled_lead_inspector(text) or team_lead(text) or sole_inspector(text)
