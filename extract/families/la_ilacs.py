"""Inspections of local authority children's services (ILACS), 2018 onwards.

Three templates, told apart by the rows of the page-1 judgement table rather than by date:
- `ilacs` (2018-2022): one combined "children in care and care leavers" row;
- `ilacs-2023`: separate "children in care" and "care leavers" rows, and an overall effectiveness row;
- `ilacs-2026`: the reform: no overall effectiveness row, leaders' row reworded.
"""

from __future__ import annotations

import re

from extract.families.base import Parsed
from extract.families.la_common import (
    KIND,
    inspection_dates,
    lead_inspector,
    body_grades,
    cross_check,
    judgement_table,
    provider_from_title,
)
from extract.families.la_quotes import ILACS_PLAN, la_prose
from extract.pdf_text import Document
from extract.text.grades import LabelledArea, flexible
from extract.text.passages import Prose

_EXPERIENCES = flexible("The experiences and progress of")
AREAS = (
    LabelledArea(
        "impact_of_leaders",
        (flexible("The impact of leaders on") + r"\s+(?:social\s+work\s+)?" + flexible("practice with children and families"),),
    ),
    LabelledArea("help_and_protection", (_EXPERIENCES + r"\s+" + flexible("children who need help and protection"),)),
    LabelledArea(
        "children_in_care_and_care_leavers", (_EXPERIENCES + r"\s+" + flexible("children in care and care leavers"),)
    ),
    LabelledArea("children_in_care", (_EXPERIENCES + r"\s+" + flexible("children in care") + r"(?!\s+and\s+care)",)),
    # "children care leavers" is a typo printed in some 2025-2026 tables.
    LabelledArea("care_leavers", (_EXPERIENCES + r"\s+(?:children\s+)?" + flexible("care leavers"),)),
    LabelledArea("overall_effectiveness", (flexible("Overall effectiveness"),)),
)
BODY_AREAS = tuple(area for area in AREAS if area.area != "overall_effectiveness")

# Passages and key quotations (extract.text.passages, extract.text.key_quotes): the summary under the judgement
# table, the points to improve, the judgement sections' numbered paragraphs.
PROSE: Prose = la_prose(BODY_AREAS, opening="Headline findings")
QUOTE_PLAN = ILACS_PLAN

TABLE_HEADER = re.compile(r"Judgement\s+Grade\b", re.IGNORECASE)
# The table's header and its first row, whichever row a template prints first.
RECOGNISE = re.compile(
    TABLE_HEADER.pattern
    + r"\s+(?:The\s+impact\s+of\s+leaders|The\s+experiences\s+and\s+progress\s+of|Overall\s+effectiveness)",
    re.IGNORECASE,
)


def recognise(document: Document) -> bool:
    return any(RECOGNISE.search(page) for page in document.pages[:2])


def framework_of(areas: set[str]) -> str:
    if "children_in_care_and_care_leavers" in areas:
        return "ilacs"
    if "overall_effectiveness" in areas:
        return "ilacs-2023"
    return "ilacs-2026"


def parse(document: Document) -> Parsed:
    judgements = judgement_table(document, AREAS, TABLE_HEADER)
    table_page = judgements[0].page
    cross_check(judgements, body_grades(document, BODY_AREAS, table_page + 1), "the section heading")
    dates = inspection_dates(document)
    return Parsed(
        kind=KIND,
        inspection_start=dates.start,
        inspection_end=dates.end,
        lead_inspector=lead_inspector(document),
        provider=provider_from_title(document.pages[0]),
        framework=framework_of({j.area for j in judgements}),
        judgements=judgements,
    )
