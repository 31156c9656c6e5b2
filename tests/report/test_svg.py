"""Inline SVG: each chart's ids kept apart from every other chart's on the same page."""

from __future__ import annotations

import re

import pytest

from warehouse.report.charts import figure_to_svg, grades_by_year_chart
from warehouse.report.records import YearGradeCount
from warehouse.report.svg import inline_svg

STANDALONE = (
    '<?xml version="1.0" encoding="utf-8" standalone="no"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
    '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
    '<svg xmlns:xlink="http://www.w3.org/1999/xlink" width="648pt" height="259pt" viewBox="0 0 648 259" '
    'xmlns="http://www.w3.org/2000/svg"><defs><clipPath id="p1"><rect/></clipPath><path id="glyph"/></defs>'
    '<g clip-path="url(#p1)"><use xlink:href="#glyph"/></g></svg>\n'
)


def test_prolog_dropped_and_root_labelled():
    svg = inline_svg(STANDALONE, "chart-a", 'Grades & "scores"')
    assert svg.startswith("<svg ")
    assert 'class="chart"' in svg and 'role="img"' in svg and 'aria-labelledby="chart-a-title"' in svg
    assert '<title id="chart-a-title">Grades &amp; &quot;scores&quot;</title>' in svg


def test_fixed_size_dropped_so_css_can_fit_the_page_and_viewbox_kept():
    root = re.match(r"<svg[^>]*>", inline_svg(STANDALONE, "chart-a", "t")).group(0)
    assert 'width="' not in root and 'height="' not in root
    assert 'viewBox="0 0 648 259"' in root


def test_ids_and_references_prefixed_together():
    svg = inline_svg(STANDALONE, "chart-a", "t")
    assert 'id="chart-a-p1"' in svg and "url(#chart-a-p1)" in svg
    assert 'id="chart-a-glyph"' in svg and 'xlink:href="#chart-a-glyph"' in svg


def test_no_id_repeats_across_two_real_charts_on_one_page():
    rows = [YearGradeCount(2019, "good", 2, 3), YearGradeCount(2019, "inadequate", 4, 1)]
    page = inline_svg(figure_to_svg(grades_by_year_chart(rows)), "one", "t") + inline_svg(
        figure_to_svg(grades_by_year_chart(rows)), "two", "t"
    )
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert ids and len(ids) == len(set(ids))
    referenced = set(re.findall(r'(?:url\(#|href="#)([^)"]+)', page))
    assert referenced <= set(ids), "a reference points at an id that is not on the page"


def test_renderer_output_without_svg_is_an_error_naming_the_chart():
    with pytest.raises(ValueError, match="chart chart-x: the renderer returned no <svg> element"):
        inline_svg("<html></html>", "chart-x", "t")
