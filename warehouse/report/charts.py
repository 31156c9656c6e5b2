"""Chart builders: typed rows in, matplotlib Figures out; the renderers turn a Figure into SVG text or a PNG.

Figures are made with `matplotlib.figure.Figure`, never pyplot, so no global state is shared between charts
and building a report inside a Prefect task or a thread is safe.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from pathlib import Path

import matplotlib
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from warehouse.report.exceptions import UnsupportedImageFormat
from warehouse.report.records import RegionGradeCount, TimelineEntry, YearGradeCount
from warehouse.report.sections import TimelineGrid, is_graded
from warehouse.report.vocabulary import (
    area_label,
    framework_label,
    grade_rank,
    grade_style,
    humanise,
    kind_short_label,
)

CHART_STYLE = {
    # Text stays text in the SVG: smaller than glyph outlines, selectable, and read by screen readers.
    "svg.fonttype": "none",
    # Fixed salt: the same warehouse gives byte-identical charts, so report diffs show real changes only.
    "svg.hashsalt": "ofsted-report",
    "font.family": "sans-serif",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "hatch.linewidth": 0.6,
}
# Inches: fits the page's content column at 100% zoom.
WIDE_CHART_SIZE = (9.0, 3.6)
REGION_ROW_HEIGHT = 0.34
TIMELINE_CELL_SIZE = (1.45, 0.42)
TIMELINE_MARGINS = (2.6, 1.3)  # room for area names on the left, and for title and legend above and below
PNG_DPI = 200  # crisp on a projected slide
# File suffix -> the format matplotlib writes for it; the chart is drawn for slides, so raster or vector both do.
IMAGE_FORMATS = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".svg": "svg", ".pdf": "pdf"}
BAR_EDGE = "#ffffff"
UNGRADED_FILL = "#f2f2f2"
EMPTY_CELL_FILL = "#ffffff"
GRID_LINE = "#bdbdbd"
# The hatch that tells an older scale's word (adequate, satisfactory) from the modern grade of the same colour,
# drawn alike on bars, cells and legend swatches: half-black lines show on every fill, where lines of the edge's
# colour (white on bars, light grey in the legend) left the legend's Adequate swatch looking like Requires
# improvement.
HATCH_COLOUR = "#00000080"
# Legend swatches a little larger than matplotlib's default (2 by 0.7 font sizes), so a hatch shows in them.
LEGEND_HANDLE_LENGTH = 2.4
LEGEND_HANDLE_HEIGHT = 1.2


@contextmanager
def chart_style():
    with matplotlib.rc_context(CHART_STYLE):
        yield


def grades_in(rows: Iterable[YearGradeCount | RegionGradeCount]) -> list[str]:
    return sorted({row.grade for row in rows}, key=lambda grade: (grade_rank(grade), grade))


def pivot(rows: Iterable[YearGradeCount | RegionGradeCount], group_of) -> dict:
    """{group: {grade: count}} in the order groups first appear."""
    table: dict = {}
    for row in rows:
        table.setdefault(group_of(row), {})[row.grade] = row.count
    return table


def stack_bars(axes, groups: Sequence, table: dict, grades: Sequence[str], horizontal: bool) -> None:
    positions = range(len(groups))
    base = [0] * len(groups)
    for grade in grades:
        counts = [table[group].get(grade, 0) for group in groups]
        style = grade_style(grade)
        draw = axes.barh if horizontal else axes.bar
        offset = {"left": base} if horizontal else {"bottom": base}
        draw(
            positions,
            counts,
            0.72,
            color=style.fill,
            edgecolor=BAR_EDGE,
            hatch=style.hatch or None,
            hatchcolor=HATCH_COLOUR,
            label=style.label,
            **offset,
        )
        base = [b + c for b, c in zip(base, counts)]


def grade_legend(axes, grades: Sequence[str], **placement) -> None:
    handles = [
        Patch(facecolor=grade_style(g).fill, hatch=grade_style(g).hatch or None, hatchcolor=HATCH_COLOUR,
              edgecolor=GRID_LINE, label=grade_style(g).label)
        for g in grades
    ]
    axes.legend(handles=handles, frameon=False, handlelength=LEGEND_HANDLE_LENGTH,
                handleheight=LEGEND_HANDLE_HEIGHT, **placement)


def grades_by_year_chart(rows: Sequence[YearGradeCount]) -> Figure:
    with chart_style():
        figure = Figure(figsize=WIDE_CHART_SIZE, layout="constrained")
        axes = figure.add_subplot()
        table = pivot(rows, lambda row: row.year)
        years = sorted(table)
        grades = grades_in(rows)
        stack_bars(axes, years, table, grades, horizontal=False)
        axes.set_xticks(range(len(years)), [str(year) for year in years])
        axes.set_ylabel("Full inspections")
        axes.yaxis.get_major_locator().set_params(integer=True)
        grade_legend(axes, grades, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return figure


def latest_grades_by_region_chart(rows: Sequence[RegionGradeCount]) -> Figure:
    with chart_style():
        table = pivot(rows, lambda row: row.region)
        regions = sorted(table, reverse=True)  # barh draws bottom-up; reversed reads A-Z from the top
        height = WIDE_CHART_SIZE[1] * 0.5 + REGION_ROW_HEIGHT * max(1, len(regions))
        figure = Figure(figsize=(WIDE_CHART_SIZE[0], height), layout="constrained")
        axes = figure.add_subplot()
        grades = grades_in(rows)
        stack_bars(axes, regions, table, grades, horizontal=True)
        axes.set_yticks(range(len(regions)), regions)
        axes.set_xlabel("Local authorities")
        axes.xaxis.get_major_locator().set_params(integer=True)
        grade_legend(axes, grades, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return figure


def column_heading(entry: TimelineEntry) -> str:
    """Date, kind and framework on lines of their own, so neighbouring headings never run into each other."""
    when = entry.inspection_end.strftime("%b %Y") if entry.inspection_end else "date not known"
    framework = framework_label(entry.framework) if is_graded(entry) and entry.framework else ""
    return "\n".join(line for line in (when, kind_short_label(entry.kind), framework) if line)


def ungraded_note(entry: TimelineEntry) -> str:
    return humanise(entry.outcome) if entry.outcome else "no grades"


def timeline_chart(grid: TimelineGrid, title: str) -> Figure:
    """The authority's grid: one coloured, worded cell per area and inspection; visits as grey columns."""
    rows = grid.areas or ("",)
    width = TIMELINE_MARGINS[0] + TIMELINE_CELL_SIZE[0] * max(1, len(grid.columns))
    height = TIMELINE_MARGINS[1] + TIMELINE_CELL_SIZE[1] * (len(rows) + 1)
    with chart_style():
        figure = Figure(figsize=(width, height), layout="constrained")
        axes = figure.add_subplot()
        for x, column in enumerate(grid.columns):
            if not is_graded(column):
                axes.add_patch(Rectangle((x, 0), 1, len(rows), facecolor=UNGRADED_FILL, edgecolor=GRID_LINE))
                axes.text(x + 0.5, len(rows) / 2, ungraded_note(column), ha="center", va="center",
                          rotation=90 if len(rows) > 2 else 0, wrap=True, fontsize=8, color="#333333")
                continue
            for y, area in enumerate(rows):
                grade = grid.grade(area, column)
                style = grade_style(grade)
                axes.add_patch(Rectangle((x, y), 1, 1, facecolor=style.fill if grade else EMPTY_CELL_FILL,
                                         hatch=style.hatch or None, hatchcolor=HATCH_COLOUR,
                                         edgecolor=GRID_LINE))
                axes.text(x + 0.5, y + 0.5, style.label if grade else "–", ha="center", va="center",
                          color=style.ink, fontsize=8)
        axes.set_xlim(0, max(1, len(grid.columns)))
        axes.set_ylim(len(rows), 0)
        axes.set_xticks([x + 0.5 for x in range(len(grid.columns))], [column_heading(c) for c in grid.columns],
                        fontsize=8, linespacing=1.3)
        axes.xaxis.tick_top()
        axes.set_yticks([y + 0.5 for y in range(len(rows))], [area_label(area) if area else "" for area in rows])
        axes.tick_params(length=0)
        for spine in axes.spines.values():
            spine.set_visible(False)
        axes.set_title(title, loc="left", fontsize=11)
        grades = sorted(set(grid.grades.values()), key=lambda grade: (grade_rank(grade), grade))
        grade_legend(axes, grades, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncols=max(1, len(grades)))
    return figure


def figure_to_svg(figure: Figure) -> str:
    with chart_style():
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def image_format(path: Path) -> str:
    """The image format a file name asks for (PNG when it has no suffix); refused when we cannot write it."""
    suffix = Path(path).suffix.lower()
    if suffix and suffix not in IMAGE_FORMATS:
        raise UnsupportedImageFormat(
            f"{path}: cannot write a {suffix} image; name the file .png (or {', '.join(sorted(IMAGE_FORMATS))})"
        )
    return IMAGE_FORMATS.get(suffix, "png")


def save_image(figure: Figure, path: Path) -> None:
    """Write the figure in the format its file name asks for (see image_format)."""
    with chart_style():
        figure.savefig(path, format=image_format(path), dpi=PNG_DPI, facecolor="white")
