"""School inspections under the section 5 framework of September 2009 to August 2012.

Grades are printed as numbers only, after each label in tables spread through the body ("The quality of
teaching 2"); each page prints the key ("Inspection grades: 1 is outstanding, 2 is good, 3 is satisfactory,
and 4 is inadequate") and the numbers are read on it. Pupils' attainment and attendance are graded on another
key (1 high, 2 above average, 3 broadly average, 4 low): they measure standards, not quality, and a "3" there
is not "satisfactory", so they are left out.
"""

from __future__ import annotations

import re

from extract.families.base import Parsed
from extract.families.letters import QuoteSource
from extract.families.school_common import GradeKey, SchoolReportEra, parse_school_report, recognise_era
from extract.pdf_text import Document
from extract.text.grades import GRADE_PATTERN, LabelledArea, flexible
from extract.text.quotes import QuoteRule

# Area names are the printed labels made short; the framework's headline rows take the canonical names.
LABELS: tuple[tuple[str, str], ...] = (
    ("overall_effectiveness", "Overall effectiveness: how good is the school?"),
    ("capacity_for_sustained_improvement", "The school's capacity for sustained improvement"),
    ("outcomes_for_pupils", "Outcomes for individuals and groups of pupils"),
    ("achievement_and_enjoyment_of_learning", "Pupils' achievement and the extent to which they enjoy their learning"),
    ("quality_of_learning_and_progress", "The quality of pupils' learning and their progress"),
    (
        "learning_and_progress_of_pupils_with_send",
        "The quality of learning for pupils with special educational needs and/or disabilities and their progress",
    ),
    ("pupils_feel_safe", "The extent to which pupils feel safe"),
    ("behaviour", "Pupils' behaviour"),
    ("healthy_lifestyles", "The extent to which pupils adopt healthy lifestyles"),
    ("contribution_to_the_community", "The extent to which pupils contribute to the school and wider community"),
    (
        "workplace_and_economic_wellbeing_skills",
        "The extent to which pupils develop workplace and other skills that will contribute to their future "
        "economic well-being",
    ),
    (
        "spiritual_moral_social_and_cultural_development",
        "The extent of pupils' spiritual, moral, social and cultural development",
    ),
    ("quality_of_teaching", "The quality of teaching"),
    ("use_of_assessment", "The use of assessment to support learning"),
    (
        "curriculum",
        "The extent to which the curriculum meets pupils' needs, including, where relevant, through partnerships",
    ),
    ("care_guidance_and_support", "The effectiveness of care, guidance and support"),
    (
        "leadership_and_management",
        "The effectiveness of leadership and management in embedding ambition and driving improvement",
    ),
    ("leadership_of_teaching_and_learning", "The leadership and management of teaching and learning"),
    (
        "governing_body",
        "The effectiveness of the governing body in challenging and supporting the school so that weaknesses are "
        "tackled decisively and statutory responsibilities met",
    ),
    ("engagement_with_parents_and_carers", "The effectiveness of the school's engagement with parents and carers"),
    ("partnerships", "The effectiveness of partnerships in promoting learning and well-being"),
    (
        "equality_of_opportunity",
        "The effectiveness with which the school promotes equality of opportunity and tackles discrimination",
    ),
    ("safeguarding", "The effectiveness of safeguarding procedures"),
    ("community_cohesion", "The effectiveness with which the school promotes community cohesion"),
    ("value_for_money", "The effectiveness with which the school deploys resources to achieve value for money"),
    ("early_years", "Overall effectiveness of the Early Years Foundation Stage"),
    ("early_years_outcomes", "Outcomes for children in the Early Years Foundation Stage"),
    ("early_years_provision", "The quality of provision in the Early Years Foundation Stage"),
    (
        "early_years_leadership_and_management",
        "The effectiveness of leadership and management of the Early Years Foundation Stage",
    ),
    ("sixth_form", "Overall effectiveness of the sixth form"),
    ("sixth_form_outcomes", "Outcomes for students in the sixth form"),
    ("sixth_form_provision", "The quality of provision in the sixth form"),
    ("sixth_form_leadership_and_management", "Leadership and management of the sixth form"),
)
AREAS = tuple(LabelledArea(area, (flexible(label),)) for area, label in LABELS)

# A number alone at the end of the label's line, or on the next line when the label wraps.
CELL = re.compile(r"[ \t]*\n?[ \t]*(?P<score>[1-4])[ \t]*$", re.MULTILINE)
KEY = GradeKey(line=r"^Inspection grades:[^\n]*", pair=rf"\b(?P<score>[1-4])\s+is\s+(?P<word>{GRADE_PATTERN})\b")

MAIN_FINDINGS_HEADINGS = ("Main findings",)
IMPROVE_HEADINGS = ("What does the school need to do to improve further?",)

ERA = SchoolReportEra(
    framework="school-2009",
    recognise=re.compile(flexible("Overall effectiveness: how good is the school?") + r"\s+[1-4][ \t]*$", re.M),
    # The school's name is printed above the title on the cover.
    provider=re.compile(r"\A\s*(?P<name>.+?)\s*\n\s*Inspection report\s*$", re.MULTILINE | re.DOTALL),
    areas=AREAS,
    cell=CELL,
    key=KEY,
    table_on_one_page=False,
    quotes=(
        QuoteSource(MAIN_FINDINGS_HEADINGS, QuoteRule(limit=3)),
        QuoteSource(IMPROVE_HEADINGS, QuoteRule(limit=3, per_passage=1)),
    ),
    known_headings=MAIN_FINDINGS_HEADINGS
    + IMPROVE_HEADINGS
    + (
        "Inspection judgements",
        "How effective is the provision?",
        "How effective are leadership and management?",
        "Views of parents and carers",
    ),
)


def recognise(document: Document) -> bool:
    return recognise_era(document, ERA)


def parse(document: Document) -> Parsed:
    return parse_school_report(document, ERA)
