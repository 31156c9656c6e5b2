"""Canonical judgement areas: spelling variants mapped as data, and the areas each framework may judge.

Both tables are CSV files beside this module, so a new variant is a one-line data change:
`area_aliases.csv` (alias -> canonical area) and `framework_areas.csv` (framework -> areas it judges).
Frameworks absent from `framework_areas.csv` (pre-2014 reports, schools) accept any well-formed area name,
because their areas are named after their own printed labels.

`framework_areas.csv`'s `expected_as` column says which areas every full inspection of the framework judges: the
areas sharing a non-empty `expected_as` name are one expected judgement that any of them gives (ILACS before
2023 printed children in care and care leavers as one row; a few reports split them). An empty `expected_as`
marks an area that only some reports judge (the SIF's LSCB review was at times published on its own).

`area_lineage.csv` says which earlier area each area continues across frameworks (ILACS' children in care and
care leavers became children in care, with care leavers beside it, in 2023): the warehouse's `area_lineage` table,
from which `v_judgement_history` takes the previous grade. Every area continues itself first; `preference` orders
the earlier areas one inspection may have judged together (lowest first).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent
ALIASES_CSV = HERE / "area_aliases.csv"
FRAMEWORK_AREAS_CSV = HERE / "framework_areas.csv"
LINEAGE_CSV = HERE / "area_lineage.csv"
# v_judgement_history orders one inspection's offers by 10 * inspection - preference: preferences must stay below 10.
MAX_PREFERENCE = 9
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


@dataclass(frozen=True)
class Lineage:
    """`area` continues `continues`, an area an earlier framework judged; `preference` orders the earlier areas
    of one area (1 first) when one inspection judged several of them."""

    area: str
    continues: str
    preference: int
    note: str


@cache
def area_lineage() -> tuple[Lineage, ...]:
    with open(LINEAGE_CSV, newline="", encoding="utf-8") as handle:
        rows = tuple(
            Lineage(row["area"], row["continues"], int(row["preference"]), row["note"])
            for row in csv.DictReader(handle)
        )
    check_lineage(rows)
    return rows


def check_lineage(rows: tuple[Lineage, ...]) -> None:
    """Refuse a lineage the history cannot use: an area continuing itself, or two earlier areas of one area with
    the same preference (which of them would give the previous grade?)."""
    seen: set[tuple[str, int]] = set()
    for row in rows:
        if row.area == row.continues or not 1 <= row.preference <= MAX_PREFERENCE:
            raise ValueError(f"{LINEAGE_CSV}: {row.area} -> {row.continues}: an area continues itself already, "
                             f"and preferences run from 1 to {MAX_PREFERENCE}")
        if (row.area, row.preference) in seen:
            raise ValueError(f"{LINEAGE_CSV}: {row.area} has two earlier areas with preference {row.preference}")
        seen.add((row.area, row.preference))
