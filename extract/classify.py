"""Pick the family parser for a document: the first family that recognises it."""

from __future__ import annotations

from types import ModuleType

from extract.exceptions import Unrecognised
from extract.families import area_send, early_years_pre2015, eif, focused_visit, joint_area_review, jtai
from extract.families import la_ilacs, la_lscb_review, la_pre2014, la_sif
from extract.families import pre_registration, school_2001, school_2009, school_2012, school_2015, school_monitoring
from extract.pdf_text import Document

# Order matters where families share wording: the most specific first.
FAMILIES: tuple[ModuleType, ...] = (
    la_ilacs,
    la_sif,
    # After la_sif: a SIF report's title page also names the LSCB review bound into it.
    la_lscb_review,
    la_pre2014,
    area_send,
    jtai,
    focused_visit,
    joint_area_review,
    school_2001,
    school_2009,
    school_2012,
    school_2015,
    school_monitoring,
    # Schools, early years settings and colleges under the education inspection framework (2019 on), early years
    # settings before 2015, proposed independent schools.
    eif,
    early_years_pre2015,
    pre_registration,
)


def classify(document: Document) -> ModuleType:
    for family in FAMILIES:
        if family.recognise(document):
            return family
    first_line = next((line.strip() for line in document.pages[0].splitlines() if line.strip()), "")
    raise Unrecognised(
        f"not a report family this parser knows (page 1 starts {first_line[:80]!r}); "
        "if it is an Ofsted report, open an issue with the file so a family parser can be added"
    )
