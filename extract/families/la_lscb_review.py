"""Reviews of the effectiveness of a Local Safeguarding Children Board (LSCB), 2013-2018, published on their own.

Most LSCB reviews are bound into the same file as the authority's SIF report, where `la_sif` reads the board's
grade. Some were published as a report of their own, with a SIF-like title page: the area's name, "Review of
the effectiveness of the Local Safeguarding Children Board", the inspection dates, then the grade as a sentence
("The Local Safeguarding Children Board is inadequate"). One judgement, area `lscb`; the lead inspector is
named in the review team list as in a SIF report.
"""

from __future__ import annotations

import re

from extract.exceptions import Unrecognised
from extract.families.base import Parsed
from extract.families.la_common import (
    LSCB_SENTENCES,
    inspection_dates,
    lead_inspector,
    provider_from_title,
    sentence_judgement,
)
from extract.families.la_quotes import SIF_PLAN, la_prose
from extract.pdf_text import Document
from extract.text.grades import flexible
from extract.text.passages import Prose

KIND = "lscb-review"
FRAMEWORK = "lscb-review"
# The title, capitalised as titles are (a SIF report's title page: "... and Review of the effectiveness ..."): a
# sentence recalling a review says "review".
RECOGNISE = re.compile(
    "Review" + r"\s+(?i:" + flexible("of the effectiveness of the Local Safeguarding Children Board") + ")"
)
# Passages and key quotations (extract.text.passages, extract.text.key_quotes): laid out like a SIF report's
# summary and areas for improvement, with no graded body sections of its own.
PROSE: Prose = la_prose((), opening="Summary")
QUOTE_PLAN = SIF_PLAN


def recognise(document: Document) -> bool:
    """A title page naming the LSCB review; a SIF report that includes one is claimed by `la_sif` first."""
    return bool(RECOGNISE.search(document.pages[0]))


def parse(document: Document) -> Parsed:
    lscb = sentence_judgement(document, "lscb", LSCB_SENTENCES)
    if lscb is None:
        raise Unrecognised("an LSCB review without the sentence giving the board's grade; the template may be new")
    dates = inspection_dates(document)
    return Parsed(
        kind=KIND,
        framework=FRAMEWORK,
        provider=provider_from_title(document.pages[0]),
        inspection_start=dates.start,
        inspection_end=dates.end,
        lead_inspector=lead_inspector(document),
        judgements=[lscb],
    )
