"""Read back what a built page shows, for tests that compare it with the warehouse."""

from __future__ import annotations

import html
import re


def table_html(page: str, table_id: str) -> str:
    match = re.search(rf'<table[^>]*id="{table_id}".*?</table>', page, re.S)
    assert match, f"no table {table_id} on the page"
    return match.group(0)


def numbers_table(page: str, table_id: str) -> dict[tuple[str, str], int]:
    """{(group, grade): count} of a chart's 'The numbers' table."""
    cells = re.findall(r'<td data-group="([^"]*)" data-grade="([^"]*)">(\d+)</td>', table_html(page, table_id))
    return {(html.unescape(group), grade): int(count) for group, grade, count in cells}


def rows_by_urn(page: str, table_class: str) -> dict[str, str]:
    """{urn: row html} of the movements or streaks table."""
    match = re.search(rf'<table class="{table_class}">.*?</table>', page, re.S)
    return dict(re.findall(r'<tr data-urn="([^"]+)">(.*?)</tr>', match.group(0), re.S)) if match else {}


def authority_article(page: str, urn: str) -> str:
    match = re.search(rf'<article class="authority" id="la-{urn}".*?</article>', page, re.S)
    assert match, f"no section for authority {urn} on the page"
    return match.group(0)


def grid_cells(article: str) -> dict[tuple[str, str], str | None]:
    """{(area, report_id): grade or None} of an authority's grid, full inspections' columns only."""
    inspections = re.findall(r'<th scope="col" class="inspection" data-report="([^"]+)">', article)
    cells = {}
    for area, row in re.findall(r'<tr data-area="([^"]+)">(.*?)</tr>', article, re.S):
        # Visit columns are one cell spanning every row; the other cells follow the inspections in order.
        grades = re.findall(r'<td (?:data-grade="([^"]+)"|class="none")>', row)
        assert len(grades) == len(inspections), f"row {area}: {len(grades)} cells for {len(inspections)} inspections"
        cells.update({(area, report): grade or None for report, grade in zip(inspections, grades)})
    return cells
