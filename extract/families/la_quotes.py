"""Where a local authority inspection prints its prose, and which parts key quotations come from: data for
`extract.text.passages` and `extract.text.key_quotes`, per framework.

- ILACS (2018 on): the untitled summary under the judgement table ("Headline findings"), "What needs to
  improve", then the judgement sections, each opened by its heading and grade, in numbered paragraphs.
- SIF (2013-2018): the overall judgement sentence and "Summary", "Areas for improvement", then the judgement
  sections ("The experiences and progress of children who need help and protection: Good").
- Before 2014: "Overall effectiveness of services for looked after children" with its grade line, then the
  graded sections; the "Record of main findings" table at the end is not prose.
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.text.grades import GRADE_PATTERN, LabelledArea
from extract.text.key_quotes import QuotePlan
from extract.text.passages import Prose

IMPROVE_HEADINGS = (
    "What needs to improve",
    "What needs to improve?",
    "What does the local authority need to improve?",
    "Areas for improvement",
    "Priority and immediate action",
    "Priority action",
    "Immediate action",
    "Areas for priority action",
)
# SIF reports and their LSCB review.
SIF_HEADINGS = (
    "Summary",
    "Executive summary",
    "Summary of findings",
    "Summary for children and young people",
    "Inspection findings",
    "Information about this local authority area",
    "The local authority's strengths",
    "Review of the effectiveness of the local safeguarding children board (LSCB)",
    "Executive summary of the LSCB review",
    "Recommendations",
    "Local leadership",
    "Children living in this area",
    "Children looked after in this area",
    "Child protection in this area",
    "Previous Ofsted inspections",
    "Other Ofsted inspections",
    "Other information about this area",
    "Inspection judgements about the local authority",
)
# The judgement table's last row ends with a grade ("Overall effectiveness Good", or the 2026 table's
# "... care leavers" row with its grade on its own line): the summary follows it.
TABLE_ROW_END = rf"(?:^|\s)(?:{GRADE_PATTERN})(?:\s+to\s+be\s+good)?\s*$"
# Points to improve: every framework's variants.
IMPROVE_SECTIONS = (
    r"^What needs to improve",
    r"^What does the local authority need to improve",
    r"^Areas? for (?:priority action|improvement)",
    r"^Priority and immediate action",
    r"^(?:Priority|Immediate) action",
)
# The sections a SIF report opens with: the overall judgement sentence is printed as their heading.
SIF_SUMMARY_SECTIONS = (
    r"^Executive summary$",
    r"^Summary of (?:key )?findings$",
    r"^Children['’]s services in .+ (?:are|is|require)",
    r"^This local authority is",
    r"^The overall judgement is",
)


def graded_heading(area: LabelledArea) -> str:
    """A judgement section's heading: its label, then its grade ("... protection: requires improvement to be
    good.", "... is that it is good", "... is that it requires improvement", "... care leavers is: good")."""
    return (
        rf"(?:{'|'.join(area.labels)})[\s:.]*(?:(?:is|are)[\s:]+(?:that\s+it\s+(?:is\s+)?)?)?"
        rf"(?:{GRADE_PATTERN})(?:\s+to\s+be\s+good)?[\s.]*"
    )


def la_prose(areas: Sequence[LabelledArea], opening: str) -> Prose:
    """A graded framework's prose: its judgement section headings are read from its areas' labels."""
    return Prose(
        headings=IMPROVE_HEADINGS + SIF_HEADINGS,
        heading_regexes=tuple(graded_heading(area) for area in areas),
        cover_end=TABLE_ROW_END,
        opening=opening,
    )


# Sections that judge nothing: the area's statistics, its earlier inspections, who leads it.
LA_BACKGROUND_SECTIONS = (
    r"^Children living in this area",
    r"^Children looked after in this area",
    r"^Child protection in this area",
    r"^(?:Previous|Other) Ofsted inspections",
    r"^Other information about this area",
    r"^Local leadership",
    r"^Service information",
)
# A SIF report's recommendations are its points to improve.
SIF_IMPROVE_SECTIONS = (*IMPROVE_SECTIONS, r"^Recommendations$")

# ILACS areas open with what they found: the press quotes the second sentence of an area's first two paragraphs
# about as often (5%) as the opening of its third to eighth paragraphs, and twice as often as the openings of the
# later ones, which they displace from the budget (measured on ../shared/press-quotes, ILACS reports 2018-2026).
ILACS_AREA_LEDE_PARAGRAPHS = 2
ILACS_PLAN = QuotePlan(
    summary=(r"^Headline findings$",),
    improvement=IMPROVE_SECTIONS,
    background=LA_BACKGROUND_SECTIONS,
    area_lede_paragraphs=ILACS_AREA_LEDE_PARAGRAPHS,
)
SIF_PLAN = QuotePlan(summary=SIF_SUMMARY_SECTIONS, improvement=SIF_IMPROVE_SECTIONS, background=LA_BACKGROUND_SECTIONS)

PRE_2014_PROSE = Prose(
    headings=IMPROVE_HEADINGS + ("Record of main findings", "About this inspection", "The inspection judgements"),
    boilerplate=("Record of main findings", "About this inspection"),
    opening="Introduction",
)
PRE_2014_PLAN = QuotePlan(
    summary=(r"^Overall effectiveness",),
    improvement=IMPROVE_SECTIONS,
    paragraphs=(r"^(?!About)",),
    background=LA_BACKGROUND_SECTIONS,
)
