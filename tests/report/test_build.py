"""The page built from a small hand-made warehouse: every number from the views, every string escaped."""

from __future__ import annotations

import dataclasses
import html
import os
import re
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from tests.report.conftest import (
    AWKWARD,
    AWKWARD_QUOTATION,
    CROYDON,
    LEEDS,
    LEEDS_LATEST_URL,
    RUTLAND,
    SCHOOL,
    SEFTON,
    SEFTON_RANKS,
)
from transform.frames import reports_to_frames
from warehouse.load import load_batch
from tests.report.sample_reports import SAMPLE_FOLDER
from tests.report.page import authority_article, grid_cells, numbers_table, rows_by_urn
from warehouse.report import build_report
from warehouse.exceptions import NoWarehouse
from warehouse.report.exceptions import WarehouseIncomplete
from warehouse.report.queries import (
    KEY_QUOTATIONS_PER_AUTHORITY,
    MIN_STREAK,
    read_authorities_data,
    read_index_data,
)
from warehouse.report.render import render_authority, render_index
from warehouse.report.sections import build_sections

INSPECTED = {p.urn for p in (LEEDS, CROYDON, SEFTON, RUTLAND, AWKWARD)} | {"80461"}


@pytest.fixture(scope="module")
def warehouse(sample_warehouse):
    with duckdb.connect(str(sample_warehouse), read_only=True) as connection:
        yield connection


def every_page(folder):
    return [folder / "index.html", *sorted((folder / "authorities").glob("*.html"))]


def test_self_contained_and_links_only_to_each_other_and_to_the_reports(sample_report_dir, warehouse):
    sources = {url for (url,) in warehouse.execute("SELECT source_url FROM reports WHERE source_url IS NOT NULL")
               .fetchall()}
    files = {Path(path).as_uri() for (path,) in warehouse.execute("SELECT path FROM reports").fetchall()}
    assert sources == {LEEDS_LATEST_URL}
    for path in every_page(sample_report_dir):
        page = path.read_text(encoding="utf-8")
        assert re.findall(r"<script[^>]*>", page.lower()) in ([], ["<script>"]), "one inline script at most"
        assert "<link" not in page.lower() and "@import" not in page
        assert re.findall(r'\bsrc="', page) == []
        assert "url(http" not in page
        for href in re.findall(r'\bhref="([^"#]+)', page):
            href = html.unescape(href)
            if href.startswith(("https:", "file:")):
                assert href in sources | files, f"{path.name} links to {href}, no report's file"
            else:
                assert (path.parent / href).is_file(), f"{path.name} links to {href}, which was not written"


def test_by_year_numbers_are_the_distribution_view_summed_over_regions(sample_report_html, warehouse):
    expected = {
        (str(year), grade): count
        for year, grade, count in warehouse.execute(
            "SELECT year, grade, sum(providers) FROM v_grade_distribution GROUP BY ALL"
        ).fetchall()
    }
    shown = {key: count for key, count in numbers_table(sample_report_html, "table-by-year").items() if count}
    assert shown == expected
    assert ("2026", "good") not in shown and not any(year == "2026" for year, _ in shown), (
        "2026 reform reports give no overall grade and must not be counted"
    )


def test_by_region_numbers_are_latest_overall_grades(sample_report_html, warehouse):
    expected = dict(
        ((region, grade), count)
        for region, grade, count in warehouse.execute(
            "SELECT region, grade, count(*) FROM v_latest_judgements "
            "WHERE area = 'overall_effectiveness' GROUP BY ALL"
        ).fetchall()
    )
    shown = {key: count for key, count in numbers_table(sample_report_html, "table-by-region").items() if count}
    assert shown == expected == {("Yorkshire and the Humber", "outstanding"): 1, ("London", "inadequate"): 1,
                                 ("North West", "requires_improvement"): 1,
                                 ("South West", "requires_improvement"): 2}


def test_movements_are_the_latest_overall_change_per_authority(sample_report_html, warehouse):
    rows = rows_by_urn(sample_report_html, "movements")
    assert set(rows) == {CROYDON.urn, AWKWARD.urn}
    assert "Good" in rows[CROYDON.urn] and "Inadequate" in rows[CROYDON.urn] and "Declined" in rows[CROYDON.urn]
    assert "Improved" in rows[AWKWARD.urn]
    history = warehouse.execute(
        "SELECT urn, direction FROM v_judgement_history WHERE area = 'overall_effectiveness' "
        "QUALIFY row_number() OVER (PARTITION BY urn ORDER BY inspection_end DESC) = 1"
    ).fetchall()
    assert {urn for urn, direction in history if direction in ("improved", "declined")} == set(rows)


def test_streaks_match_the_streaks_view(sample_report_html, warehouse):
    rows = rows_by_urn(sample_report_html, "streaks")
    expected = warehouse.execute(
        "SELECT urn, streak_length FROM v_overall_streaks WHERE streak_length >= ?", [MIN_STREAK]
    ).fetchall()
    assert expected == [(LEEDS.urn, 3)]
    assert set(rows) == {LEEDS.urn}
    assert '<td class="count">3</td>' in rows[LEEDS.urn] and "Outstanding" in rows[LEEDS.urn]
    assert "<td>yes</td>" in rows[LEEDS.urn]


def test_each_authority_page_lists_its_own_streaks(sample_page):
    assert '<td class="count">3</td>' in rows_by_urn(sample_page(LEEDS.urn), "streaks")[LEEDS.urn]
    assert rows_by_urn(sample_page(CROYDON.urn), "streaks") == {}


def test_grid_cells_are_the_judgement_history(sample_page, warehouse):
    shown = {key: grade for key, grade in grid_cells(authority_article(sample_page(LEEDS.urn), LEEDS.urn)).items() if grade}
    expected = {
        (area, report_id): grade
        for area, report_id, grade in warehouse.execute(
            "SELECT area, report_id, grade FROM v_judgement_history WHERE urn = ?", [LEEDS.urn]
        ).fetchall()
    }
    assert shown == expected
    assert Counter(shown.values()) == Counter(outstanding=14, good=6)


def test_2026_reform_column_has_no_overall_grade_but_its_other_judgements(sample_page, warehouse):
    (reform,) = warehouse.execute(
        "SELECT report_id FROM v_provider_timeline WHERE framework = 'ilacs-2026'"
    ).fetchone()
    cells = grid_cells(authority_article(sample_page(SEFTON.urn), SEFTON.urn))
    assert cells[("overall_effectiveness", reform)] is None
    assert cells[("impact_of_leaders", reform)] == "good"


def test_ungraded_visits_show_outcome_and_headline(sample_page):
    croydon = authority_article(sample_page(CROYDON.urn), CROYDON.urn)
    assert "Area SEND inspection" in croydon and "outcome: Significant concerns" in croydon
    assert "Children wait too long for assessment." in croydon
    rutland = authority_article(sample_page(RUTLAND.urn), RUTLAND.urn)
    assert "No full inspection of this authority in the warehouse." in rutland
    assert "Social workers know their children well." in rutland


def test_key_quotations_of_the_latest_inspection_only_with_pages(sample_page):
    leeds = authority_article(sample_page(LEEDS.urn), LEEDS.urn)
    shown = re.findall(r"Leeds key quotation (\d)\.", leeds)
    assert shown == [str(n) for n in range(1, KEY_QUOTATIONS_PER_AUTHORITY + 1)]
    # The report came from the Ofsted site: the page number opens its PDF there at that page.
    assert f'Headline findings, <a class="source" href="{LEEDS_LATEST_URL}#page=2">page 2</a>' in leeds
    assert "Leeds children are at the heart of everything." not in leeds, "an older inspection's quotation"


def test_an_authority_shows_its_top_ranked_quotations_in_rank_order_with_why(sample_page):
    sefton = authority_article(sample_page(SEFTON.urn), SEFTON.urn)
    shown = [int(rank) for rank in re.findall(r"Sefton ranked (\d)\.", sefton)]
    assert shown == list(range(1, KEY_QUOTATIONS_PER_AUTHORITY + 1)), "a handful, best first"
    assert len(SEFTON_RANKS) > KEY_QUOTATIONS_PER_AUTHORITY
    # Read from disk: the page number opens the stored file at that page.
    stored = Path(SAMPLE_FOLDER, f"{SEFTON.urn}-la-inspection-2026-03-13.pdf").as_uri()
    assert re.search(r'data-rank="1">\s*<p>Sefton ranked 1\.</p>\s*<footer>Summary, '
                     rf'<a class="source" href="{re.escape(stored)}#page=4">page 4</a> '
                     r'<span class="reason">\(summary\)</span>', sefton)
    assert "(paragraph opening)" in sefton


def test_quoted_strings_are_escaped(sample_page):
    page = sample_page(AWKWARD.urn)
    assert "<script>alert" not in page
    assert "Leaders said &#34;we &lt;b&gt;will&lt;/b&gt; act&#34; &amp; &lt;script&gt;" in page
    assert AWKWARD_QUOTATION not in page


def test_authority_names_are_escaped_wherever_they_appear(sample_warehouse):
    awkward_name = 'Bath & North "East" <Somerset>'
    with duckdb.connect(str(sample_warehouse), read_only=True) as connection:
        index = read_index_data(connection)
        pages = read_authorities_data(connection, [a for a in index.authorities if a.urn == AWKWARD.urn])

    def rename(rows):
        return tuple(dataclasses.replace(r, provider_name=awkward_name) if r.urn == AWKWARD.urn else r for r in rows)

    page = render_index(dataclasses.replace(index, authorities=rename(index.authorities),
                                            movements=rename(index.movements)), "t")
    assert page.count("Bath &amp; North &#34;East&#34; &lt;Somerset&gt;") == 2  # authorities, movements
    (section,) = build_sections(dataclasses.replace(pages, authorities=rename(pages.authorities)))
    page += render_authority(section, pages, "t")
    assert page.count("Bath &amp; North &#34;East&#34; &lt;Somerset&gt;") == 3  # and the authority's heading
    assert awkward_name not in page


def test_schools_and_unreadable_reports_are_left_out(sample_report_html, sample_report_dir, sample_page):
    assert SCHOOL.name.replace("'", "&#39;") not in sample_report_html
    assert not (sample_report_dir / "authorities" / f"{SCHOOL.urn}.html").exists()
    leeds_columns = len(re.findall(r'<th scope="col" class="(?:inspection|visit)" data-report=',
                                   authority_article(sample_page(LEEDS.urn), LEEDS.urn)))
    assert leeds_columns == 6, "the unreadable 2024 Leeds report must not appear"


def test_index_links_a_page_for_every_authority(sample_report_html, sample_report_dir):
    links = set(re.findall(r'<tr data-urn="\d+"[^>]*>\s*<th scope="row"><a href="authorities/(\d+)\.html">',
                           sample_report_html))
    pages = {path.stem for path in (sample_report_dir / "authorities").glob("*.html")}
    assert links == pages == INSPECTED


def test_one_provider_rewrites_the_index_and_its_page_only(sample_warehouse, tmp_path):
    index = build_report(sample_warehouse, tmp_path, provider="croydon").read_text(encoding="utf-8")
    assert [p.name for p in (tmp_path / "authorities").iterdir()] == [f"{CROYDON.urn}.html"]
    assert index.count('class="chart"') == 2
    assert set(rows_by_urn(index, "movements")) == {CROYDON.urn, AWKWARD.urn}
    page = (tmp_path / "authorities" / f"{CROYDON.urn}.html").read_text(encoding="utf-8")
    assert "<title>Croydon: " in page and 'href="../index.html"' in page


def test_a_run_rewrites_only_the_pages_of_what_it_loaded(sample_warehouse, tmp_path, warehouse):
    build_report(sample_warehouse, tmp_path)
    pages = tmp_path / "authorities"
    (pages / f"{LEEDS.urn}.html").unlink()  # never written: a new authority's page is written too
    before = {path.stem: path.stat().st_mtime_ns for path in pages.iterdir()}
    (croydon_report,) = warehouse.execute(
        "SELECT report_id FROM v_provider_timeline WHERE urn = ? AND kind = 'area-send'", [CROYDON.urn]
    ).fetchone()
    for path in pages.iterdir():  # an older build, so a rewrite shows in the modification time
        os.utime(path, ns=(0, 0))
    build_report(sample_warehouse, tmp_path, changed_reports=[croydon_report])
    rewritten = {path.stem for path in pages.iterdir() if path.stat().st_mtime_ns != 0}
    assert rewritten == {CROYDON.urn, LEEDS.urn}
    assert set(before) | {LEEDS.urn} == INSPECTED


def test_a_full_build_removes_pages_of_authorities_no_longer_held(sample_warehouse, tmp_path):
    stale = tmp_path / "authorities" / "99999.html"
    stale.parent.mkdir()
    stale.write_text("old")
    build_report(sample_warehouse, tmp_path)
    assert not stale.exists()


def test_empty_warehouse_builds_a_page_that_says_so(tmp_path):
    load_batch(tmp_path / "empty.duckdb", reports_to_frames([]))
    page = build_report(tmp_path / "empty.duckdb", tmp_path / "out").read_text(encoding="utf-8")
    assert "No overall grades in the warehouse yet." in page
    assert "No local-authority reports in the warehouse yet." in page


def test_missing_warehouse_says_how_to_make_one(tmp_path):
    missing = tmp_path / "none.duckdb"
    with pytest.raises(NoWarehouse, match=f"create a warehouse there with `ofsted ingest PATH... --db {missing}`"):
        build_report(missing, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_page_is_readable_by_others_like_any_file_written(sample_warehouse, tmp_path):
    page = build_report(sample_warehouse, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["authorities", "index.html"]
    reference = tmp_path / "reference.txt"
    reference.write_text("x")
    assert page.stat().st_mode & 0o777 == reference.stat().st_mode & 0o777


def test_warehouse_without_views_names_the_missing_view(tmp_path):
    path = tmp_path / "bare.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(WarehouseIncomplete, match=r"query summary\.sql cannot run .*v_authorities"):
        build_report(path, tmp_path)


def test_view_lacking_a_column_names_the_query(tmp_path):
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as connection:
        connection.execute("CREATE VIEW v_provider_timeline AS SELECT 1 AS urn")
    with pytest.raises(WarehouseIncomplete, match=r"query summary\.sql cannot run .*load the warehouse with this version"):
        build_report(path, tmp_path)


def test_every_file_not_read_is_listed_with_why(tmp_path):
    """Unrecognised reports, and files that failed (not a PDF, no text layer, a parser error, a broken rule): each
    is on the index, with the reason, its file and its error; none is said to have been read."""
    from datetime import date

    from extract.records import Provenance, Status
    from tests.factories import make_report

    site = Provenance(source_url="http://127.0.0.1/v1/file/1", file_id="1", published=date(2024, 5, 1),
                      urn="2500000", provider_name="Little Acorns", provider_type="childrens-home",
                      label="Children's home inspection", inspection_date=date(2024, 4, 2))
    unread = [
        (make_report(seed=f"home-{n}", status=Status.UNRECOGNISED, error="not a report family"), site)
        for n in range(2)
    ] + [
        (make_report(seed=status.value, status=status, error=f"/reports/{status.value}.pdf: {status.value} here"),
         None)
        for status in (Status.NOT_A_PDF, Status.NO_TEXT_LAYER, Status.ERROR)
    ]
    db = tmp_path / "w.duckdb"
    load_batch(db, reports_to_frames(unread))
    page = build_report(db, tmp_path / "out").read_text(encoding="utf-8")
    section = page[page.index('<section id="unread">'):]
    section = section[: section.index("</section>")]
    assert "every report file in the warehouse was read" not in section.lower()
    counts = dict(re.findall(r'<tr data-status="([a-z_]+)"><th scope="row">.*?<td class="count">(\d+)</td>',
                             section, re.S))
    assert counts == {"unrecognised": "2", "not_a_pdf": "1", "no_text_layer": "1", "error": "1"}
    files = re.findall(r'<tr data-status="([a-z_]+)" data-report="([0-9a-f]+)"(?: data-urn="(\d+)")?>(.*?)</tr>',
                       section, re.S)
    assert sorted(status for status, *_ in files) == ["error", "no_text_layer", "not_a_pdf", "unrecognised",
                                                       "unrecognised"]
    for status, _, urn, row in files:
        if status == "unrecognised":
            assert urn == "2500000" and "Little Acorns" in row and "1 May 2024" in row
            assert '<a href="http://127.0.0.1/v1/file/1">' in row
        else:
            assert f'<a href="file:///reports/{status}.pdf">/reports/{status}.pdf</a>' in row
            assert f"{status} here" in row


def test_a_warehouse_whose_files_were_all_read_says_so(sample_report_html, sample_warehouse):
    with duckdb.connect(str(sample_warehouse), read_only=True) as connection:
        (unread,) = connection.execute("SELECT count(*) FROM v_unread_reports").fetchone()
    section = sample_report_html[sample_report_html.index('<section id="unread">'):]
    if unread:
        assert "Every report file in the warehouse was read." not in section
        assert section.count('<tr data-status="error" data-report=') == unread


def index_row(page: str, urn: str) -> str:
    match = re.search(rf'<tr data-urn="{urn}" data-region[^>]*>(.*?)</tr>', page, re.S)
    assert match, f"no row for {urn} in the table of authorities"
    return match.group(1)


def test_the_table_of_authorities_has_codes_latest_grade_its_date_age_framework_and_change(
    sample_report_html, warehouse
):
    rows = warehouse.execute(
        "SELECT a.urn, a.la_code, a.ons_code, l.grade, l.inspection_end, l.years_since_inspection, "
        "l.from_earlier_framework, h.direction FROM v_authorities AS a "
        "JOIN v_latest_judgements AS l ON l.urn = a.urn AND l.area = 'overall_effectiveness' "
        "JOIN v_judgement_history AS h ON h.urn = l.urn AND h.area = l.area AND h.report_id = l.report_id"
    ).fetchall()
    assert {urn for urn, *_ in rows} == {LEEDS.urn, CROYDON.urn, SEFTON.urn, AWKWARD.urn, "80461"}
    for urn, la_code, ons_code, grade, ended, years, earlier, direction in rows:
        row = index_row(sample_report_html, urn)
        cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)
        assert cells[2:4] == [la_code, ons_code], urn
        assert f'data-grade="{grade}"' in cells[4] and f'data-key="{ended}"' in row, urn
        assert f"{years:g} years" in cells[6], urn
        assert ("earlier framework" in cells[7]) is earlier, urn
        assert {"improved": "Improved", "declined": "Declined", "unchanged": "Unchanged", None: ""}[direction] in cells[8]
    flags = {urn: earlier for urn, *_, earlier, _ in rows}
    assert not flags[LEEDS.urn] and flags[CROYDON.urn], "Croydon's 2020 grade is ILACS before its 2023 update"
    rutland = index_row(sample_report_html, RUTLAND.urn)
    assert "no overall grade" in rutland and 'data-grade="none"' in sample_report_html


def test_an_authority_page_has_its_codes_and_how_old_its_latest_grade_is(sample_page, warehouse):
    la_code, ons_code, years = warehouse.execute(
        "SELECT la_code, ons_code, years_since_inspection FROM v_latest_judgements "
        "WHERE urn = ? AND area = 'overall_effectiveness'", [CROYDON.urn]).fetchone()
    meta = re.search(r'<p class="meta">(.*?)</p>', sample_page(CROYDON.urn), re.S).group(1)
    assert f'LA code <span class="code" data-code="la">{la_code}</span>' in meta
    assert f'ONS code <span class="code" data-code="ons">{ons_code}</span>' in meta
    assert f"({years:g} years ago)" in meta and "ILACS: an earlier framework" in meta


def test_every_inspection_and_visit_links_to_its_report(sample_page, warehouse):
    for urn in (LEEDS.urn, CROYDON.urn):
        article = authority_article(sample_page(urn), urn)
        expected = {
            report_id: source_url or Path(path).as_uri()
            for report_id, source_url, path in warehouse.execute(
                "SELECT report_id, source_url, path FROM v_provider_timeline WHERE urn = ?", [urn]).fetchall()
        }
        headings = dict(re.findall(r'data-report="([0-9a-f]+)"><a class="source" href="([^"]+)">', article))
        visits = dict(re.findall(r'<li data-report="([0-9a-f]+)"><span class="when"><a class="source" href="([^"]+)">',
                                 article))
        shown = {report: html.unescape(href) for report, href in {**headings, **visits}.items()}
        assert shown == {report: href for report, href in expected.items() if report in shown}
        columns = re.findall(r'<th scope="col" class="(?:inspection|visit)" data-report="([0-9a-f]+)"', article)
        assert set(columns) <= set(headings), "an inspection without a link to its report"
    leeds = authority_article(sample_page(LEEDS.urn), LEEDS.urn)
    assert f'<a class="source" href="{LEEDS_LATEST_URL}">4 July 2025</a>' in leeds


def test_a_path_relative_to_an_unknown_folder_is_shown_but_not_linked():
    from warehouse.report.sections import source_href

    assert source_href(None, "../shared/corpus/leeds.pdf") is None
    assert source_href(None, "/data/a b.pdf", page=3) == "file:///data/a%20b.pdf#page=3"
    assert source_href("javascript:alert(1)", "/data/a.pdf") == "file:///data/a.pdf"
    assert source_href("https://files.ofsted.gov.uk/v1/file/1", "/data/a.pdf") == "https://files.ofsted.gov.uk/v1/file/1"


def test_the_legend_shows_the_hatch_of_an_older_scale(sample_report_html):
    """Adequate has Requires improvement's colour: its legend swatch must carry the hatch, in a colour of its own
    (the edge's light grey left it looking plain)."""
    charts = re.findall(r"<svg .*?</svg>", sample_report_html, re.S)
    legends = 0
    for chart in charts:
        swatch = re.search(r'style="fill: ([^;]+);[^"]*"/>\s*</g>\s*<g id="[^"]+">\s*<text [^>]*>Adequate</text>',
                           chart)
        if swatch is None:
            continue
        legends += 1
        pattern_id = re.fullmatch(r"url\(#([^)]+)\)", swatch.group(1)).group(1)
        pattern = re.search(rf'<pattern id="{re.escape(pattern_id)}".*?</pattern>', chart, re.S).group(0)
        assert "stroke: #000000" in pattern and "stroke-opacity: 0.50" in pattern
    assert legends == 1, "the by-year chart has Devon's adequate of 2012 in its legend"
