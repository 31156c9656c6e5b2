"""Grade scales as data: each framework's scale, its grade words (as stored and as printed), the digits older
templates print, and the numeric score the warehouse gives each grade.

`grade_scales.csv` lists every scale's grades in order (`position`, 1 best), with the word stored
(`grade`), the words printed, the digit printed where a template prints digits, and the `score` (1 best): the
four-point scales score 1-4, the seven-point scale of schools before 2005 folds onto 1-4, the report cards'
five-point scale of November 2025 scores 1-5, safeguarding met or not met 1-2. `framework_scales.csv` says
which scale each framework grades on (an area may have a scale of its own: report cards' safeguarding). A new
scale or framework is a row here, not code; the warehouse holds both tables (grade_scales, framework_scales).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent
GRADE_SCALES_CSV = HERE / "grade_scales.csv"
FRAMEWORK_SCALES_CSV = HERE / "framework_scales.csv"


@dataclass(frozen=True)
class ScaleGrade:
    scale: str
    position: int | None  # 1 best; None for not_judged
    grade: str  # as stored in judgements.grade
    printed: str
    digit: int | None  # the number a template prints for it, where it prints numbers
    score: int | None  # judgements.score


@dataclass(frozen=True)
class FrameworkScale:
    framework: str
    area: str | None  # None: every area the framework judges but those with a row of their own
    scale: str
    note: str


def _number(text: str) -> int | None:
    return int(text) if text else None


@cache
def scale_grades() -> tuple[ScaleGrade, ...]:
    with open(GRADE_SCALES_CSV, newline="", encoding="utf-8") as handle:
        return tuple(
            ScaleGrade(row["scale"], _number(row["position"]), row["grade"], row["printed"], _number(row["digit"]),
                       _number(row["score"]))
            for row in csv.DictReader(handle)
        )


@cache
def framework_scales() -> tuple[FrameworkScale, ...]:
    with open(FRAMEWORK_SCALES_CSV, newline="", encoding="utf-8") as handle:
        return tuple(
            FrameworkScale(row["framework"], row["area"] or None, row["scale"], row["note"])
            for row in csv.DictReader(handle)
        )


@cache
def grade_scores() -> dict[str, int | None]:
    """Every grade word -> its score; raise when two scales score one word differently (scores must compare)."""
    scores: dict[str, int | None] = {}
    for row in scale_grades():
        if scores.setdefault(row.grade, row.score) != row.score:
            raise ValueError(
                f"{GRADE_SCALES_CSV.name}: grade {row.grade!r} scores {scores[row.grade]} on one scale and "
                f"{row.score} on {row.scale}; a word must score the same on every scale that has it"
            )
    return scores


GRADE_SCORES: dict[str, int | None] = grade_scores()


def scale_of(framework: str | None, area: str | None = None) -> str | None:
    """The scale a framework grades an area on; None for a framework with no grades (or unknown)."""
    rows = [row for row in framework_scales() if row.framework == framework]
    own = next((row.scale for row in rows if row.area == area), None)
    return own or next((row.scale for row in rows if row.area is None), None)


def digit_grade(scale: str, digit: int) -> str:
    """The grade a template's printed digit stands for on a scale; KeyError when the scale has no such digit."""
    for row in scale_grades():
        if row.scale == scale and row.digit == digit:
            return row.grade
    raise KeyError(f"scale {scale!r} prints no digit {digit}")


def is_known_grade(grade: str) -> bool:
    return grade in GRADE_SCORES


def grade_to_score(grade: str) -> int | None:
    """The score of a known grade word (None for not_judged); KeyError for an unknown word."""
    return GRADE_SCORES[grade]
