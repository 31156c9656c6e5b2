"""Grade words as printed -> canonical grades, and reading a grade printed next to its label.

Variants live in tables: "Requires improvement to be good" split across lines, "Requires Improvement",
the older scales' "adequate" and "satisfactory", "Grade 3 (Adequate)".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extract.records import Grade, Judgement

# Longest first so "requires improvement to be good" wins over "requires improvement" and
# "inadequate" over "adequate".
GRADE_PHRASES: tuple[tuple[str, Grade], ...] = (
    (r"requires\s+improvement\s+to\s+be\s+good", Grade.REQUIRES_IMPROVEMENT),
    (r"requires?\s+improvement", Grade.REQUIRES_IMPROVEMENT),
    (r"outstanding", Grade.OUTSTANDING),
    (r"inadequate", Grade.INADEQUATE),
    (r"adequate", Grade.ADEQUATE),
    (r"satisfactory", Grade.SATISFACTORY),
    (r"good", Grade.GOOD),
    (r"not\s+judged", Grade.NOT_JUDGED),
)
GRADE_PATTERN = "|".join(f"(?:{pattern})" for pattern, _ in GRADE_PHRASES)
GRADE_RE = re.compile(rf"\b(?:{GRADE_PATTERN})\b", re.IGNORECASE)
# A table's grade cell closing a line of text: a label and its grade, printed capitalised, no full stop ("... and
# achieving permanence Requires Improvement", "... young people Grade 4 (Inadequate)").
GRADE_CELL_END = re.compile(
    r"(?:\b(?:Outstanding|Good|Requires\s+[Ii]mprovement(?:\s+[Tt]o\s+[Bb]e\s+[Gg]ood)?|Inadequate|Adequate"
    r"|Satisfactory)"
    r"|\bGrade\s+\d(?:\s+\(\w+\))?)\s*$"
)
_COMPILED_PHRASES = tuple((re.compile(rf"{p}\Z", re.IGNORECASE), g) for p, g in GRADE_PHRASES)

# The four-point scale's numbers, as printed in "Grade 3 (Adequate)" or a school's "1 is outstanding" key.
SCORE_TO_GRADE_PRE_2014 = {1: Grade.OUTSTANDING, 2: Grade.GOOD, 3: Grade.ADEQUATE, 4: Grade.INADEQUATE}


def ends_in_grade_cell(text: str) -> bool:
    """A line of a judgement table: text ending in a capitalised grade, without a full stop."""
    stripped = text.rstrip()
    return not stripped.endswith((".", "!", "?")) and GRADE_CELL_END.search(stripped) is not None


def grade_from_words(words: str) -> Grade:
    """'Requires \\nImprovement to be good' -> Grade.REQUIRES_IMPROVEMENT; raise ValueError for other text."""
    cleaned = " ".join(words.split()).strip(" .,;:")
    for pattern, grade in _COMPILED_PHRASES:
        if pattern.match(cleaned):
            return grade
    raise ValueError(f"not a grade: {words!r}")


def flexible(label: str) -> str:
    """A label as a regex that tolerates line breaks, doubled spaces and curly apostrophes."""
    parts = [re.escape(word).replace("’", "['’]").replace("'", "['’]") for word in label.split()]
    return r"\s+".join(parts)


@dataclass(frozen=True)
class LabelledArea:
    """One judgement row: its canonical area and the regexes of the labels it is printed with."""

    area: str
    labels: tuple[str, ...]  # regexes; use flexible() for literal labels

    def pattern(self) -> re.Pattern:
        return re.compile("|".join(f"(?:{label})" for label in self.labels), re.IGNORECASE)


@dataclass(frozen=True)
class LabelHit:
    area: str
    label: str
    start: int
    end: int


# A grade separated from its label by more than this many characters is not "next to" it.
MAX_LABEL_TO_GRADE_GAP = 40
PUNCTUATION_ONLY = re.compile(r"[\W_]*")


def find_labels(text: str, areas: Sequence[LabelledArea]) -> list[LabelHit]:
    """Every printed occurrence of each area's label in the text, in reading order."""
    hits = [
        LabelHit(area.area, " ".join(match.group(0).split()), match.start(), match.end())
        for area in areas
        for match in area.pattern().finditer(text)
    ]
    return sorted(hits, key=lambda hit: hit.start)


def read_labelled_grades(text: str, areas: Sequence[LabelledArea], page: int) -> list[Judgement]:
    """Read the grade printed right after each label, before the next label starts.

    A label may also be printed in prose (page 1 of a re-inspection recalls "the impact of leaders on social work
    practice with children and families was judged inadequate" above the table): such a mention has no grade next
    to it, so each area takes the first of its labels that has one. A label with no grade next to it anywhere
    gives no judgement (the caller decides whether that is an error); never a grade taken from another row.
    """
    hits = find_labels(text, areas)
    judgements: dict[str, Judgement] = {}
    for hit, following in zip(hits, [*hits[1:], None]):
        if hit.area in judgements:
            continue
        region_end = following.start if following else len(text)
        region = text[hit.end : region_end]
        match = GRADE_RE.search(region)
        # Only punctuation may stand between a label and its grade ("families." then "Good").
        if match is None or match.start() > MAX_LABEL_TO_GRADE_GAP or PUNCTUATION_ONLY.fullmatch(
            region[: match.start()]
        ) is None:
            continue
        judgements[hit.area] = Judgement(hit.area, grade_from_words(match.group(0)).value, hit.label, page)
    return list(judgements.values())
