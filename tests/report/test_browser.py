"""The report built from the whole shared corpus, opened in headless Chromium: it renders, with no errors, and its
table of authorities sorts and filters (one browser for all of it: starting Chromium is the slow part)."""

from __future__ import annotations

import os

import duckdb
import pytest

from tests.report.chromium import Browser, find_chromium
from warehouse.report import build_report
from warehouse.report.vocabulary import grade_style

pytestmark = [pytest.mark.slow, pytest.mark.corpus]
WINDOW = (1280, 1800)
# The by-year chart's bars and legend are drawn as SVG paths; an empty or failed chart has only its axes.
MIN_CHART_PATHS = 10
LEEDS, LONDON = "80481", "London"

PAGE_FACTS = """({
  charts: [...document.querySelectorAll('svg.chart')].map(svg => {
    const box = svg.getBoundingClientRect();
    return {id: svg.id, width: box.width, height: box.height, paths: svg.querySelectorAll('path').length};
  }),
  grids: document.querySelectorAll('table.grid').length,
  sections: document.querySelectorAll('article.authority').length,
  authorityLinks: document.querySelectorAll('#authorities a[href^="authorities/"]').length,
  cellColours: Object.fromEntries([...document.querySelectorAll('table.grid td[data-grade]')]
    .map(td => [td.dataset.grade, getComputedStyle(td).backgroundColor])),
  byYear: Object.fromEntries([...document.querySelectorAll('#table-by-year td')]
    .map(td => [td.dataset.group + '/' + td.dataset.grade, Number(td.textContent)])),
})"""


@pytest.fixture(scope="module")
def chromium() -> str:
    found = find_chromium()
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("chromium is not installed in CI; .ci/run installs Debian's chromium package with apt-get")
    pytest.skip("chromium is not installed (apt-get install chromium); the browser test needs it")


@pytest.fixture(scope="module")
def corpus_page(corpus_warehouse, tmp_path_factory):
    return build_report(corpus_warehouse, tmp_path_factory.mktemp("corpus-report"))


# The urns of the table's rows a reader sees, in order, and the line that counts them.
SHOWN = """({
  urns: [...document.querySelectorAll('#authority-table tbody tr')].filter(row => !row.hidden)
    .map(row => row.dataset.urn),
  count: document.getElementById('authority-count').textContent,
})"""
HEADING = "document.querySelectorAll('#authority-table thead th')[{column}].querySelector('button').click()"
SET_CONTROL = """(() => {{ const control = document.getElementById('{id}'); control.value = {value!r};
  control.dispatchEvent(new Event('input')); }})()"""
ENDED_COLUMN, AGE_COLUMN = 5, 6  # the columns "Inspection ended" and "Grade's age"


def table_rows(warehouse) -> list[tuple]:
    """(urn, inspection end, years since, ons code, region) of each authority, in the page's order (by name)."""
    return warehouse.execute(
        "SELECT a.urn, l.inspection_end, l.years_since_inspection, a.ons_code, a.region FROM v_authorities AS a "
        "LEFT JOIN v_latest_judgements AS l ON l.urn = a.urn AND l.area = 'overall_effectiveness' "
        "ORDER BY a.provider_name, a.urn"
    ).fetchall()


def sorted_urns(rows: list[tuple], column: int, descending: bool = False) -> list[str]:
    """The table sorted as the page sorts it: stable, blanks last either way."""
    known = [row for row in rows if row[column] is not None]
    blank = [row for row in rows if row[column] is None]
    return [row[0] for row in sorted(known, key=lambda row: row[column], reverse=descending) + blank]


def test_corpus_report_renders_in_chromium(chromium, corpus_page, corpus_warehouse, tmp_path):
    with duckdb.connect(str(corpus_warehouse), read_only=True) as warehouse:
        authorities_inspected, authorities = warehouse.execute(
            "SELECT count(DISTINCT urn) FILTER (WHERE kind = 'la-inspection'), count(DISTINCT urn) "
            "FROM v_provider_timeline WHERE kind NOT IN ('school-inspection', 'early-years-inspection', "
            "'further-education-inspection', 'pre-registration-inspection')"
        ).fetchone()
        (most_inspected,) = warehouse.execute(
            "SELECT urn FROM v_provider_timeline WHERE kind = 'la-inspection' GROUP BY urn "
            "ORDER BY count(*) DESC, urn LIMIT 1"
        ).fetchone()
        by_year = dict(warehouse.execute(
            "SELECT year || '/' || grade, sum(providers)::INTEGER FROM v_grade_distribution GROUP BY ALL"
        ).fetchall())
        rows = table_rows(warehouse)
    authority_page = corpus_page.parent / "authorities" / f"{most_inspected}.html"
    with Browser(chromium, tmp_path / "profile", *WINDOW) as browser:
        browser.open(corpus_page.as_uri())
        index = browser.evaluate(PAGE_FACTS)
        browser.screenshot(tmp_path / "report-national.png")
        table = {"as built": browser.evaluate(SHOWN)}
        browser.evaluate(HEADING.format(column=ENDED_COLUMN))
        table["ended, oldest first"] = browser.evaluate(SHOWN)
        browser.evaluate(HEADING.format(column=ENDED_COLUMN))
        table["ended, latest first"] = browser.evaluate(SHOWN)
        browser.evaluate(HEADING.format(column=AGE_COLUMN))
        table["age, youngest first"] = browser.evaluate(SHOWN)
        leeds_ons = next(row[3] for row in rows if row[0] == LEEDS)
        browser.evaluate(SET_CONTROL.format(id="authority-filter", value=leeds_ons.lower()))
        table["found by ONS code"] = browser.evaluate(SHOWN)
        browser.evaluate(SET_CONTROL.format(id="authority-filter", value=""))
        browser.evaluate(SET_CONTROL.format(id="authority-region", value=LONDON))
        table["London"] = browser.evaluate(SHOWN)
        browser.evaluate("document.getElementById('authorities').scrollIntoView()")
        browser.screenshot(tmp_path / "report-authorities.png")
        browser.open(authority_page.as_uri())
        facts = browser.evaluate(PAGE_FACTS)
        browser.screenshot(tmp_path / "report-authority.png")
    assert browser.events.errors == []
    assert [url for url in browser.events.requested_urls if not url.startswith("file:")] == []

    assert [chart["id"] for chart in index["charts"]] == ["chart-by-year", "chart-by-region"]
    for chart in index["charts"]:
        assert chart["width"] > WINDOW[0] / 2 and chart["height"] > 0, chart
        assert chart["paths"] >= MIN_CHART_PATHS, chart
    assert {key: count for key, count in index["byYear"].items() if count} == by_year
    assert index["authorityLinks"] == authorities

    every = [row[0] for row in rows]
    assert table["as built"] == {"urns": every, "count": f"Showing {authorities} of {authorities} authorities"}
    assert table["ended, oldest first"]["urns"] == sorted_urns(rows, 1)
    assert table["ended, latest first"]["urns"] == sorted_urns(rows, 1, descending=True)
    # Ages tie (inspections ending the same week), so their order is the one the last sort left: compare the ages.
    years = {row[0]: row[2] for row in rows}
    assert [years[urn] for urn in table["age, youngest first"]["urns"]] == [years[urn] for urn in sorted_urns(rows, 2)]
    assert table["found by ONS code"] == {"urns": [LEEDS], "count": f"Showing 1 of {authorities} authorities"}
    london = [row[0] for row in rows if row[4] == LONDON]
    assert len(london) > 1 and sorted(table["London"]["urns"]) == sorted(london)

    pages = list((corpus_page.parent / "authorities").glob("*.html"))
    assert len(pages) == authorities
    assert sum('<table class="grid">' in page.read_text(encoding="utf-8") for page in pages) == authorities_inspected
    assert (facts["sections"], facts["grids"]) == (1, 1)
    assert facts["cellColours"] and all(
        colour == css_rgb(grade_style(grade).fill) for grade, colour in facts["cellColours"].items()
    ), facts["cellColours"]


def css_rgb(hex_colour: str) -> str:
    red, green, blue = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"
