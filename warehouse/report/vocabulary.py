"""How grades, areas, kinds and frameworks are shown to readers: colours, words and order, as data.

One palette serves the HTML page and the PNG chart so a grade looks the same everywhere. The four graded colours
are ColorBrewer's 4-class RdYlBu scheme, which ColorBrewer marks safe for colour-blind readers; grade words are
always printed on the colour too, so nothing depends on colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass

OVERALL_AREA = "overall_effectiveness"
LA_INSPECTION_KIND = "la-inspection"


@dataclass(frozen=True)
class GradeStyle:
    label: str
    fill: str  # background colour of a cell or bar
    ink: str  # text colour with enough contrast on `fill`
    hatch: str  # matplotlib hatch that tells an older scale's word apart from its modern equivalent


# Older scales keep their own words (adequate, satisfactory) but share the colour of their score.
GRADE_STYLES: dict[str, GradeStyle] = {
    "outstanding": GradeStyle("Outstanding", "#2c7bb6", "#ffffff", ""),
    "good": GradeStyle("Good", "#abd9e9", "#000000", ""),
    "requires_improvement": GradeStyle("Requires improvement", "#fdae61", "#000000", ""),
    "adequate": GradeStyle("Adequate", "#fdae61", "#000000", "////"),
    "satisfactory": GradeStyle("Satisfactory", "#fdae61", "#000000", "\\\\\\\\"),
    "inadequate": GradeStyle("Inadequate", "#d7191c", "#ffffff", ""),
    "not_judged": GradeStyle("Not judged", "#e0e0e0", "#000000", ""),
}
# A grade word this table does not know is still shown, in words, on a neutral colour.
UNKNOWN_GRADE_STYLE = GradeStyle("", "#f7f7f7", "#000000", "")
# Grades in reading order, best first: the order of stacks, legends and tables.
GRADE_ORDER: tuple[str, ...] = tuple(GRADE_STYLES)

# Judgement areas in the order a report prints them; areas not listed follow, alphabetically.
AREA_LABELS: dict[str, str] = {
    "overall_effectiveness": "Overall effectiveness",
    "impact_of_leaders": "Impact of leaders",
    "help_and_protection": "Help and protection",
    "children_in_care": "Children in care",
    "care_leavers": "Care leavers",
    "children_in_care_and_care_leavers": "Children in care and care leavers",
    "children_looked_after": "Children looked after",
    "adoption_performance": "Adoption performance",
    "leadership_management_governance": "Leadership, management and governance",
    "lscb": "LSCB review",
}

KIND_LABELS: dict[str, str] = {
    "la-inspection": "Full inspection",
    "focused-visit": "Focused visit",
    "monitoring-visit": "Monitoring visit",
    "jtai": "Joint targeted area inspection",
    "area-send": "Area SEND inspection",
    "joint-area-review": "Joint area review",
}

# Where space is short (chart column headings).
KIND_SHORT_LABELS: dict[str, str] = {
    "la-inspection": "Full inspection",
    "jtai": "JTAI",
    "area-send": "Area SEND",
}

FRAMEWORK_LABELS: dict[str, str] = {
    "pre-2014": "pre-2014",
    "sif": "SIF",
    "ilacs": "ILACS",
    "ilacs-2023": "ILACS 2023",
    "ilacs-2026": "ILACS 2026",
    "focused-visit": "focused visit",
    "jtai": "JTAI",
    "area-send": "area SEND",
}


def humanise(code: str | None) -> str:
    """A code word as a reader would write it: 'significant_concerns' -> 'Significant concerns'."""
    if not code:
        return ""
    words = code.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:]


def grade_style(grade: str | None) -> GradeStyle:
    if grade in GRADE_STYLES:
        return GRADE_STYLES[grade]
    return GradeStyle(humanise(grade), UNKNOWN_GRADE_STYLE.fill, UNKNOWN_GRADE_STYLE.ink, UNKNOWN_GRADE_STYLE.hatch)


def grade_label(grade: str | None) -> str:
    return grade_style(grade).label


def grade_rank(grade: str | None) -> int:
    """Position in GRADE_ORDER; unknown grades sort after every known one."""
    return GRADE_ORDER.index(grade) if grade in GRADE_ORDER else len(GRADE_ORDER)


def area_label(area: str) -> str:
    return AREA_LABELS.get(area) or humanise(area)


def area_sort_key(area: str) -> tuple[int, str]:
    order = tuple(AREA_LABELS)
    return (order.index(area), "") if area in order else (len(order), area)


def kind_label(kind: str | None) -> str:
    return KIND_LABELS.get(kind or "") or humanise(kind)


def kind_short_label(kind: str | None) -> str:
    return KIND_SHORT_LABELS.get(kind or "") or kind_label(kind)


def framework_label(framework: str | None) -> str:
    return FRAMEWORK_LABELS.get(framework or "") or (framework or "")


# A change of grade against the previous one (v_judgement_history.direction), with an arrow so it reads at a glance.
DIRECTION_LABELS: dict[str, str] = {"improved": "▲ Improved", "declined": "▼ Declined", "unchanged": "= Unchanged"}
# Sorting a table by change: improvements first, then no change, then declines.
DIRECTION_ORDER: tuple[str, ...] = ("improved", "unchanged", "declined")

# Why a report file was not read (v_unread_reports.status), in words.
UNREAD_STATUS_LABELS: dict[str, str] = {
    "unrecognised": "A kind of report no parser reads yet",
    "not_a_pdf": "Not a PDF",
    "no_text_layer": "A scan with no text to read",
    "error": "The parser failed",
    "invalid": "Read, but what it gave broke a warehouse rule",
}


def direction_label(direction: str | None) -> str:
    return DIRECTION_LABELS.get(direction or "", humanise(direction))


def direction_rank(direction: str | None) -> int | None:
    return DIRECTION_ORDER.index(direction) if direction in DIRECTION_ORDER else None


def unread_status_label(status: str) -> str:
    return UNREAD_STATUS_LABELS.get(status) or humanise(status)
