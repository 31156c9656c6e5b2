"""Joint targeted area inspections (JTAI): letters from Ofsted, CQC, HMICFRS and HMI Probation, with no grades.

2016-2020 letters open "Between 25 and 29 September 2017, Ofsted, the Care Quality Commission ...", give their
overall findings in untitled paragraphs, then "Key strengths" and "Areas for improvement" (repeated per theme or
agency), sometimes "Areas for priority action". From 2022 a "Headline findings" section leads, followed by
"Area(s) for priority action", "What needs to improve?", "Strengths" and "Main findings".

The letters are signed jointly by the inspectorates' national directors; none names an Ofsted lead inspector,
so the lead is left empty rather than guessed from the signatures.
"""

from __future__ import annotations

import re

from extract.exceptions import ExtractionError
from extract.families.base import Parsed
from extract.families.letters import LETTER_SALUTATION, inspection_dates
from extract.pdf_text import Document
from extract.text.key_quotes import QuotePlan
from extract.text.names import provider_name
from extract.text.passages import Prose
from extract.text.sections import Line, document_to_lines

KIND = "jtai"
FRAMEWORK = "jtai"

HEADLINE_HEADINGS = ("Headline findings",)
PRIORITY_HEADINGS = ("Areas for priority action", "Area for priority action")
IMPROVE_HEADINGS = ("What needs to improve", "Areas for improvement")
STRENGTH_HEADINGS = ("Key strengths", "Strengths")
# Boxed case studies are printed inside other sections, often mid-sentence in the text layer: they are left out.
BOX_HEADINGS = tuple(
    f"{box}: {kind}"
    for box in ("Case study", "Practice study", "Places and spaces")
    for kind in (
        "highly effective practice",
        "effective practice",
        "area for improvement",
        "areas for improvement",
        "area(s) for improvement",
    )
)
OTHER_HEADINGS = ("Main findings", "Next steps", "Yours sincerely", "Context")
KNOWN_HEADINGS = HEADLINE_HEADINGS + PRIORITY_HEADINGS + IMPROVE_HEADINGS + STRENGTH_HEADINGS + OTHER_HEADINGS

# Passages and key quotations (extract.text.passages, extract.text.key_quotes): the headline findings whole
# (2016-2020 letters print theirs untitled, after the letter's title), the priority actions, a few points to
# improve, the opening of each strength; boxed case studies are passages but are not quoted by position.
OPENING_FINDINGS_SECTION = "Findings"
# The address block and the title are the cover; the prose opens "Between 25 and 29 September 2017, ..." (2016-2020)
# or "This letter summarises ..." (from 2022).
OPENING_START = r"^(?:Between|This\s+letter)\b"
PROSE = Prose(
    headings=KNOWN_HEADINGS + BOX_HEADINGS,
    opening=OPENING_FINDINGS_SECTION,
    cover_end=LETTER_SALUTATION,
    opening_start=OPENING_START,
)
# From 2022 the letter's three-sentence introduction and its headline findings run to 30 sentences at most (27 in
# the corpus's longest); 2016-2020 letters' untitled findings run on for up to 44, past which they are read as
# findings (each paragraph's opening quoted).
SUMMARY_SENTENCES = 30
# The letter's account of the inspection at the head of its findings (who inspected, when, what they looked at, the
# inspectorates' standard caveats), printed in the same words from letter to letter: not findings. A footnote's
# number may lead ("1 This inspection included a 'deep dive' ...").
PREAMBLE = tuple(
    rf"(?:\d\s+)?{start}"
    for start in (
        r"Between\b.*\b(?:undertook|carried\s+out)\b",
        r"This\s+letter\b",
        r"(?:This|The)\s+inspection\s+(?:took\s+place|included)\b",
        r"It\s+was\s+carried\s+out\b",
        r"(?:This|The)\s+(?:joint\s+targeted\s+area\s+inspection|JTAI)\b.*\binclude",
        r"In\s+this\s+(?:inspection|JTAI),\s+the\s+evaluation\b",
        r"(?:The\s+JTAI\s+also\s+included|Also\s+included\s+was|Included\s+was|Alongside\s+this\s+evaluation)\b",
        r"Inspectors\s+(?:also\s+)?(?:considered|evaluated|focused\s+on)\b",
        r"The\s+inspectorates\s+recognise\b",
        r"(?:A\s+multi-agency\s+inspection\s+of|Inspectors\s+found\s+that\s+inspection\s+in)"
        r"\s+this\s+area\s+of\s+practice\b",
        r"In\s+a\s+significant\s+proportion\s+of\s+cases\s+seen\s+by\s+inspectors\b",
        r"In\s+[^,.]+?,?\s+(?:this\s+is\s+known\s+as|the\s+[‘']front\s+door[’']\s+includes)\b",
        r"We\s+anticipate\b",
    )
)
QUOTE_PLAN = QuotePlan(
    summary=(r"^Headline findings$", rf"^{OPENING_FINDINGS_SECTION}$"),
    priority=(r"^Areas? for priority action",),
    improvement=(r"^What needs to improve", r"^Areas for improvement"),
    findings=(r"^(?:Key )?strengths$",),
    paragraphs=(r"^Main findings$",),
    summary_sentences=SUMMARY_SENTENCES,
    preamble=PREAMBLE,
    # What the partnership must send Ofsted next, in the same words in every letter.
    background=(r"^Next steps$",),
    # Main findings' paragraphs often open with a short verdict: the finding and its consequence follow it.
    short_opening_follow_on=2,
)

TITLE_START = re.compile(r"^\s*Joint\s+targeted\s+area\s+inspection\s+of\b", re.IGNORECASE)
# The title runs until the opening sentence ("Between ...", "This letter ...").
TITLE_END = re.compile(r"^\s*(?:Between|This\s+letter|This\s+inspection|Dear)\b", re.IGNORECASE)
# "... of the multi-agency response to sexual abuse in the family in Cornwall": the area follows the last "in".
# The area is a proper name: "in need" inside a theme is not an area.
TITLE_WITH_THEME = re.compile(
    r"of\s+the\s+multi-agency\s+response\s+to\s+.+\s+in\s+(?:the\s+)?(?P<provider>(?-i:[A-Z]).+)$", re.I
)
TITLE_NAMING_AREA = re.compile(r"inspection\s+of\s+(?:the\s+)?(?P<provider>.+)$", re.IGNORECASE)
# A themed title may name no area at all ("... of the multi-agency response to child sexual exploitation, ...
# and children missing from home, care or education"): the opening names it instead ("This letter ... outlines our
# findings about ... the work of individual agencies in Greenwich local authority.").
TITLE_THEME_ONLY = re.compile(r"of\s+the\s+multi-agency\s+response\s+to\b", re.IGNORECASE)
AREA_IN_OPENING = re.compile(
    r"outlines\s+our\s+findings\b[^.]*\bin\s+(?:the\s+)?(?P<provider>[A-Z][^.]*?)(?:\s+local\s+authority)?\s*\.",
)


def recognise(document: Document) -> bool:
    return any(TITLE_START.match(line) for line in document.pages[0].splitlines())


def title(lines: list[Line]) -> str:
    """The letter's title as printed, which may wrap over several lines."""
    for index, line in enumerate(lines):
        if TITLE_START.match(line.text):
            parts = [line.text]
            for following in lines[index + 1 :]:
                if TITLE_END.match(following.text):
                    break
                parts.append(following.text)
            return " ".join(parts)
    raise ExtractionError("the JTAI letter has no 'Joint targeted area inspection of ...' title")


def provider_from_title(printed: str, opening: str = "") -> str | None:
    """The area the title names; for a themed title naming none, the area the opening sentence names."""
    themed = TITLE_WITH_THEME.search(printed)
    if themed:
        return provider_name(themed.group("provider"))
    if TITLE_THEME_ONLY.search(printed):
        named = AREA_IN_OPENING.search(" ".join(opening.split()))
        return provider_name(named.group("provider")) if named else None
    match = TITLE_NAMING_AREA.search(printed)
    return provider_name(match.group("provider")) if match else None


def parse(document: Document) -> Parsed:
    lines = document_to_lines(document)
    dates = inspection_dates(document, "JTAI letter")
    printed_title = title(lines)
    return Parsed(
        kind=KIND,
        framework=FRAMEWORK,
        provider=provider_from_title(printed_title, document.pages[0]),
        inspection_start=dates.start,
        inspection_end=dates.end,
    )
