"""Inspectors' names as printed, without their titles.

"Lead inspector: Catherine Heron, His Majesty's Inspector", "Reporting inspector Helen Cawston HMI",
"Leanne Thirlby HMI, Ofsted lead inspector" in a team list, a letter's signatory block
("Yours sincerely / Nigel Parkes / Her Majesty's Inspector") all give the name alone: "Catherine Heron".
"""

from __future__ import annotations

import re

# One word of a name: "Heron", "Jean-Pierre", "O’Brien", "McLaughlin", "Jenny-ellen", or a bracketed known-as
# name as printed ("Kay (Kathleen) Charlton").
_UPPER = "A-ZÀ-ÖØ-Þ"
_LETTERS = "A-Za-zÀ-ÖØ-öø-ÿ’'\\-"
_NAME_WORD = rf"(?:[{_UPPER}][{_LETTERS}]*[a-zß-öø-ÿ][{_LETTERS}]*|\([{_UPPER}][{_LETTERS}]+\))"
# A middle initial after the first name, as printed in some team lists ("Fiona J Millns").
_INITIAL = rf"[{_UPPER}]\.?"
# Lower-case particles inside a surname ("Marie de Souza", "Anke van der Berg").
_PARTICLE = r"(?:de|da|di|du|del|della|dos|van|von|der|den|ter|le|la|bin|al)"
NAME = rf"{_NAME_WORD}(?:[ \t]+{_INITIAL})?(?:[ \t]+(?:{_PARTICLE}[ \t]+)*{_NAME_WORD}){{1,3}}"
NAME_RE = re.compile(rf"^{NAME}$")
# Words that make a signature line an organisation ("Ofsted Care Quality Commission"), not a person.
ORGANISATION_WORDS = frozenset(
    "ofsted commission inspectorate constabulary probation council service services authority "
    "partnership board majesty’s majesty's".split()
)

HONORIFICS = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof")
# Titles printed after a name, longest first so "Her Majesty's Inspector" wins over "Inspector".
TITLES: tuple[str, ...] = (
    r"H[ie][rs]\s+Majesty['’]s\s+Inspectors?(?:\s+of\s+\w+)?",
    r"(?:Ofsted\s+)?(?:Senior\s+)?HMI(?:\s+designate)?",
    r"SHMI",
    r"Ofsted\s+Inspector",
    r"Additional\s+Inspector",
    r"(?:Senior\s+)?Social\s+Care\s+Regulatory\s+Inspector",
    r"(?:Deputy\s+)?(?:lead|reporting|team)\s+inspector",
    r"Ofsted",
    r"\((?:S?HMI|AI)\)",
)
_TITLE_TAIL = re.compile(rf"(?:[\s,]+(?:{'|'.join(TITLES)}))+\s*$", re.IGNORECASE)
_HONORIFIC_HEAD = re.compile(rf"^(?:{'|'.join(HONORIFICS)})\.?\s+")

# "Lead inspector: Catherine Heron, ...", "Reporting inspector Helen Cawston HMI", "Lead inspectors: A, and B"
LEAD_LABELS: tuple[str, ...] = (r"Lead\s+inspectors?", r"Reporting\s+inspector")
# The name may stand on the label's line or, when the label ends its line, on the next.
_LABELLED = re.compile(
    rf"^[ \t]*(?<!Deputy )(?:{'|'.join(LEAD_LABELS)})[ \t]*:?[ \t]*(?P<rest>[^\n]*)(?:\n[ \t]*(?P<next>[^\n]+))?",
    re.IGNORECASE | re.MULTILINE,
)
# A team list line naming its lead: "Seamus Murphy, lead inspector Her Majesty’s Inspector",
# "Dave Gilkerson HMI, Ofsted Lead inspector David Roberts, CQC Lead inspector" (the Ofsted column comes first;
# only Ofsted or HMI may stand between the name and "lead inspector", so a CQC lead is never taken).
_TEAM_LEAD = re.compile(
    rf"^[ \t]*(?P<name>{NAME})(?:[ \t]+HMI)?[ \t]*,[ \t]*(?:(?:Ofsted|HMI)[ \t,]*)*lead[ \t]+inspector\b",
    re.IGNORECASE | re.MULTILINE,
)
# "Your sincerely" is a typo printed in some 2021 letters.
SIGN_OFF = re.compile(r"^[ \t]*Yours?[ \t]+(?:sincerely|faithfully)[ \t,]*$", re.IGNORECASE | re.MULTILINE)
# Lines to look through after the sign-off for the signatory's name (a blank or a signature image's text first).
SIGNATORY_SEARCH_LINES = 4


def strip_titles(text: str) -> str | None:
    """'Catherine Heron, His Majesty’s Inspector' -> 'Catherine Heron'; None when no name remains."""
    name = " ".join(text.split()).strip(" ,.;:")
    previous = None
    while previous != name:
        previous = name
        name = _HONORIFIC_HEAD.sub("", _TITLE_TAIL.sub("", name)).strip(" ,.;:")
    name = name.split(",")[0].strip()
    if not NAME_RE.match(name) or ORGANISATION_WORDS & set(name.lower().split()):
        return None
    return name


def labelled_lead_inspector(text: str) -> str | None:
    """The name after the first 'Lead inspector' or 'Reporting inspector' label (the first of joint leads)."""
    for match in _LABELLED.finditer(text):
        rest = match.group("rest").strip() or (match.group("next") or "")
        name = strip_titles(rest.split(",")[0])
        if name:
            return name
    return None


def team_lead(text: str) -> str | None:
    """The Ofsted lead named in an inspection-team list."""
    match = _TEAM_LEAD.search(text)
    return strip_titles(match.group("name")) if match else None


# A letter's opening naming its inspectors, the lead first: "The inspectors were Brenda McInerney, Her Majesty’s
# Inspector, and ...", "Her Majesty’s Inspectors for this visit were Victoria Horsefield and Julie Knight",
# "... carried out by Margaret Burke, Her Majesty’s Inspector", "The visit was conducted by Donna Marriott, ...",
# "The visit was carried out by Her Majesty’s Inspectors Lorna Schlechte, ...". Read with lines joined.
_INSPECTORS_TITLE = r"(?:H[ie][rs]\s+Majesty['’]s\s+Inspectors?(?:\s+\(HMIs?\))?,?\s+)?"
_VISIT_TEAM = re.compile(
    r"(?i:\binspectors\b(?:\s+(?:for|on)\s+this\s+visit)?\s+were|\b(?:carried\s+out|conducted)\s+by)"
    rf"\s+{_INSPECTORS_TITLE}(?P<name>{NAME})"
)


def letter_signatory(text: str) -> str | None:
    """The name signed under the last 'Yours sincerely' of a letter."""
    sign_offs = list(SIGN_OFF.finditer(text))
    if not sign_offs:
        return None
    following = text[sign_offs[-1].end() :].splitlines()
    printed = [line for line in following if line.strip()][:SIGNATORY_SEARCH_LINES]
    for line in printed:
        name = strip_titles(line)
        if name:
            return name
    return None


# "The lead inspector was Brenda McInerney": named outright, this wins over the order of the team.
_VISIT_LEAD = re.compile(rf"(?i:\blead\s+inspector\s+(?:was|is))\s+(?P<name>{NAME})")


def visit_team_lead(text: str) -> str | None:
    """The lead a letter's opening names, else the first inspector it names: its lead, when the letter is not
    signed by name."""
    text = " ".join(text.split())
    match = _VISIT_LEAD.search(text) or _VISIT_TEAM.search(text)
    return strip_titles(match.group("name")) if match else None


# A report inspected by one inspector names them under a heading of its own: "Inspector" alone on its line, the
# name on the next (early years reports: "Information about this inspection / Inspector / Penny Harman").
_SOLE_INSPECTOR = re.compile(r"^[ \t]*Inspector[ \t]*\n[ \t]*(?P<name>[^\n]+)", re.MULTILINE)


def sole_inspector(text: str) -> str | None:
    """The name under an 'Inspector' heading; None when no name stands there."""
    for match in _SOLE_INSPECTOR.finditer(text):
        name = strip_titles(match.group("name"))
        if name:
            return name
    return None
