"""ReportData -> self-contained HTML pages: inline CSS, inline SVG charts, one inline script (the index's table of
authorities sorts and filters without it too: it only adds the controls), nothing loaded from elsewhere. Links
lead to the other pages by relative paths, and to each report's file: its Ofsted address, else the file on disk.

Jinja2 escapes every value by default, so quotations carrying quotes, ampersands or angle brackets print as
written; only the SVG the charts module produced is marked safe.
"""

from __future__ import annotations

from datetime import date
from functools import cache, lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from warehouse.report.charts import figure_to_svg, grades_by_year_chart, latest_grades_by_region_chart
from warehouse.report.records import AuthoritiesData, IndexData
from warehouse.report.sections import AuthoritySection, TimelineGrid, authority_page, is_graded, source_href
from warehouse.report.svg import inline_svg
from warehouse.report.vocabulary import (
    GRADE_STYLES,
    UNKNOWN_GRADE_STYLE,
    area_label,
    direction_label,
    direction_rank,
    framework_label,
    grade_label,
    grade_rank,
    humanise,
    kind_label,
    unread_status_label,
)

TEMPLATES = Path(__file__).with_name("templates")
INDEX_TEMPLATE = "index.html"
AUTHORITY_TEMPLATE = "authority.html"
# The views every number on the page is read from; printed in the footer so a reader can check them.
SOURCE_VIEWS = (
    "v_authorities",
    "v_grade_distribution",
    "v_latest_judgements",
    "v_judgement_history",
    "v_overall_streaks",
    "v_provider_timeline",
    "v_quotations",
    "v_unread_reports",
)
NO_GRADE_CELL = '<td class="none">–</td>'  # a full inspection that gave no grade in the row's area
NO_OUTCOME = "No grades"  # a visit's cell when it records no outcome
DATES_REMEMBERED = 16384  # about 45 years of days: every date a report could carry
BY_YEAR_CHART_TITLE = "Overall effectiveness at full inspections, by year"
BY_REGION_CHART_TITLE = "Latest overall effectiveness grade of each authority, by region"


# A page of a busy authority prints thousands of dates, most of them many times over.
@lru_cache(maxsize=DATES_REMEMBERED)
def long_date(value: date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else "date not known"


@cache  # compiling the templates costs more than rendering a small page: once per process
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,  # a misspelt field fails the build instead of printing nothing
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        long_date=long_date,
        grade_label=grade_label,
        area_label=area_label,
        kind_label=kind_label,
        framework_label=framework_label,
        humanise=humanise,
        direction_label=direction_label,
        unread_status_label=unread_status_label,
        age=age_in_years,
    )
    env.globals.update(
        grade_styles=GRADE_STYLES,
        unknown_grade_style=UNKNOWN_GRADE_STYLE,
        is_graded=is_graded,
        page_of=authority_page,
        grid_cells=grid_cells,
        source_views=SOURCE_VIEWS,
        source_href=source_href,
        grade_rank=grade_rank,
        direction_rank=direction_rank,
    )
    return env


def age_in_years(value: float | None) -> str:
    """A grade's age as the page prints it: '12.4 years', '1 year'."""
    if value is None:
        return ""
    return f"{value:g} year" if value == 1 else f"{value:g} years"


def grid_cells(grid: TimelineGrid, area: str, first_row: bool) -> Markup:
    """One row of an authority's grid after its heading: a cell per full inspection, and on the first row a cell
    per visit spanning every row. Written here rather than looped in the template, where each cell cost ~10 µs:
    a synthetic authority of 6,000 reports has 80,000 cells."""
    cells = []
    for column in grid.columns:
        if is_graded(column):
            grade = grid.grade(area, column)
            cells.append(f'<td data-grade="{escape(grade)}">{escape(grade_label(grade))}</td>' if grade
                         else NO_GRADE_CELL)
        elif first_row:
            outcome = humanise(column.outcome) if column.outcome else NO_OUTCOME
            cells.append(f'<td class="visit" rowspan="{len(grid.areas)}">{escape(outcome)}</td>\n')
    return Markup("".join(cells))


def chart_svg(figure, chart_id: str, title: str) -> Markup:
    return Markup(inline_svg(figure_to_svg(figure), chart_id, title))


def grades_present(data: IndexData) -> list[str]:
    found = {row.grade for row in data.grades_by_year} | {row.grade for row in data.latest_grades_by_region}
    return sorted(found, key=lambda grade: (grade_rank(grade), grade))


def year_table(data: IndexData) -> tuple[list[int], list[str], dict]:
    """Years, grades and {(year, grade): count} for the numbers under the by-year chart."""
    counts = {(row.year, row.grade): row.count for row in data.grades_by_year}
    years = sorted({row.year for row in data.grades_by_year})
    return years, grades_present(data), counts


def region_table(data: IndexData) -> tuple[list[str], list[str], dict]:
    counts = {(row.region, row.grade): row.count for row in data.latest_grades_by_region}
    regions = sorted({row.region for row in data.latest_grades_by_region})
    return regions, grades_present(data), counts


def render_index(data: IndexData, title: str) -> str:
    """The index page: the national picture, movements, the longest streaks, and a link to every authority."""
    charts = {}
    if data.grades_by_year:
        charts["by_year"] = chart_svg(grades_by_year_chart(data.grades_by_year), "chart-by-year", BY_YEAR_CHART_TITLE)
    if data.latest_grades_by_region:
        charts["by_region"] = chart_svg(
            latest_grades_by_region_chart(data.latest_grades_by_region), "chart-by-region", BY_REGION_CHART_TITLE
        )
    return environment().get_template(INDEX_TEMPLATE).render(
        title=title,
        data=data,
        charts=charts,
        chart_titles={"by_year": BY_YEAR_CHART_TITLE, "by_region": BY_REGION_CHART_TITLE},
        year_table=year_table(data),
        region_table=region_table(data),
        regions=sorted({a.region for a in data.authorities if a.region}),
        latest_grades=sorted({a.latest_overall_grade for a in data.authorities if a.latest_overall_grade},
                             key=lambda grade: (grade_rank(grade), grade)),
        unread_total=sum(count.files for count in data.unread_counts),
        index_href="index.html",
        page_class="index",
    )


def render_authority(section: AuthoritySection, data: AuthoritiesData, title: str) -> str:
    """One authority's page (in AUTHORITY_FOLDER, beside the index): its grid, visits, quotations, streaks."""
    return environment().get_template(AUTHORITY_TEMPLATE).render(
        title=title, section=section, data=data, index_href="../index.html", page_class="authority-page"
    )
