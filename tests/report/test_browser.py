"""The report built from the whole shared corpus, opened in headless Chromium: it renders, with no errors."""

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


def test_corpus_report_renders_in_chromium(chromium, corpus_page, corpus_warehouse, tmp_path):
    with duckdb.connect(str(corpus_warehouse), read_only=True) as warehouse:
        authorities_inspected, authorities = warehouse.execute(
            "SELECT count(DISTINCT urn) FILTER (WHERE kind = 'la-inspection'), count(DISTINCT urn) "
            "FROM v_provider_timeline WHERE kind NOT LIKE 'school%'"
        ).fetchone()
        (most_inspected,) = warehouse.execute(
            "SELECT urn FROM v_provider_timeline WHERE kind = 'la-inspection' GROUP BY urn "
            "ORDER BY count(*) DESC, urn LIMIT 1"
        ).fetchone()
        by_year = dict(warehouse.execute(
            "SELECT year || '/' || grade, sum(providers)::INTEGER FROM v_grade_distribution GROUP BY ALL"
        ).fetchall())
    authority_page = corpus_page.parent / "authorities" / f"{most_inspected}.html"
    with Browser(chromium, tmp_path / "profile", *WINDOW) as browser:
        browser.open(corpus_page.as_uri())
        index = browser.evaluate(PAGE_FACTS)
        browser.screenshot(tmp_path / "report-national.png")
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
