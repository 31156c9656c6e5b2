"""Grade words -> numeric scores: 1 is best, 4 worst, across every framework's scale."""

from __future__ import annotations

from extract.records import Grade

# Older scales keep their own words; their middle grades sit where "requires improvement" sits today.
GRADE_SCORES: dict[str, int | None] = {
    Grade.OUTSTANDING.value: 1,
    Grade.GOOD.value: 2,
    Grade.REQUIRES_IMPROVEMENT.value: 3,
    Grade.ADEQUATE.value: 3,
    Grade.SATISFACTORY.value: 3,
    Grade.INADEQUATE.value: 4,
    Grade.NOT_JUDGED.value: None,
    # The seven-point scale of school reports before 2005 (extract/families/school_2001.py), folded onto the
    # four points: its two top words are outstanding work, its three bottom words inadequate.
    "excellent": 1,
    "very_good": 1,
    "unsatisfactory": 4,
    "poor": 4,
    "very_poor": 4,
}


def is_known_grade(grade: str) -> bool:
    return grade in GRADE_SCORES


def grade_to_score(grade: str) -> int | None:
    """The score of a known grade word (None for not_judged); KeyError for an unknown word."""
    return GRADE_SCORES[grade]
