"""Canonical judgement areas: spelling variants mapped as data, and the areas each framework may judge.

Both tables are CSV files beside this module, so a new variant is a one-line data change:
`area_aliases.csv` (alias -> canonical area) and `framework_areas.csv` (framework -> areas it judges).
Frameworks absent from `framework_areas.csv` (pre-2014 reports, schools) accept any well-formed area name,
because their areas are named after their own printed labels.

`framework_areas.csv`'s `expected_as` column says which areas every full inspection of the framework judges: the
areas sharing a non-empty `expected_as` name are one expected judgement that any of them gives (ILACS before
2023 printed children in care and care leavers as one row; a few reports split them). An empty `expected_as`
marks an area that only some reports judge (the SIF's LSCB review was at times published on its own).
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent
ALIASES_CSV = HERE / "area_aliases.csv"
FRAMEWORK_AREAS_CSV = HERE / "framework_areas.csv"
AREA_NAME = re.compile(r"[a-z][a-z0-9_]*")


@cache
def area_aliases() -> dict[str, str]:
    with open(ALIASES_CSV, newline="", encoding="utf-8") as handle:
        return {row["alias"]: row["area"] for row in csv.DictReader(handle)}


@cache
def framework_areas() -> dict[str, frozenset[str]]:
    areas: dict[str, set[str]] = {}
    with open(FRAMEWORK_AREAS_CSV, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            areas.setdefault(row["framework"], set()).add(row["area"])
    return {framework: frozenset(names) for framework, names in areas.items()}


@cache
def expected_judgements() -> dict[str, dict[str, frozenset[str]]]:
    """framework -> {expected judgement: the areas, any one of which gives it}."""
    expected: dict[str, dict[str, set[str]]] = {}
    with open(FRAMEWORK_AREAS_CSV, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["expected_as"]:
                expected.setdefault(row["framework"], {}).setdefault(row["expected_as"], set()).add(row["area"])
    return {framework: {name: frozenset(areas) for name, areas in groups.items()}
            for framework, groups in expected.items()}


def missing_expected(framework: str | None, areas: set[str]) -> list[str]:
    """The expected judgements of the framework that none of `areas` gives; [] for frameworks with no fixed set."""
    groups = expected_judgements().get(framework or "", {})
    return sorted(name for name, alternatives in groups.items() if not alternatives & areas)


def canonical_area(area: str) -> str:
    """The canonical name of an area (itself when it has no alias)."""
    return area_aliases().get(area, area)


def is_well_formed(area: str) -> bool:
    return AREA_NAME.fullmatch(area) is not None


def allowed_areas(framework: str | None) -> frozenset[str] | None:
    """The areas a framework judges, or None when any well-formed name is allowed."""
    return framework_areas().get(framework or "")
