"""Every page of reference/site-pages/ (saved from the live site, or built from what scrapers of it read) parsed
by the site client, asserting what the folder's README says each page holds.

The pages are read where they are (OFSTED_SITE_PAGES, else reference/site-pages beside OFSTED_CORPUS's folder);
the tests skip, saying why, where they are absent.
"""

from __future__ import annotations

import os
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from extract.web import site
from extract.web.exceptions import ListingMismatch, PageUnreadable
from extract.web.provider_types import PROVIDER_TYPES, UNKNOWN
from tests.conftest import corpus_dir

PAGES_ENV = "OFSTED_SITE_PAGES"
REPORTS = "https://reports.ofsted.gov.uk"


def pages_dir() -> Path | None:
    value = os.environ.get(PAGES_ENV)
    corpus = corpus_dir()
    path = Path(value) if value else (corpus.parent / "reference" / "site-pages" if corpus else None)
    return path if path is not None and (path / "README.md").is_file() else None


@pytest.fixture(scope="module")
def pages() -> Path:
    path = pages_dir()
    if path is None:
        pytest.skip(f"{PAGES_ENV} (or OFSTED_CORPUS's sibling reference/site-pages) is not set to the folder of saved "
                    "Ofsted site pages: these tests read them where they are")
    return path


def read(pages: Path, name: str) -> str:
    return (pages / name).read_text(encoding="utf-8")


def test_the_real_listing_holds_61_providers_of_mixed_types(pages):
    url = f"{REPORTS}/search?level_1_types=1&level_2_types[]=1&start=0&rows=1000"
    page = site.search_html_to_page(read(pages, "search-schools-folkestone-2023-real.html"), url, "primary")
    assert (page.total, page.results, page.has_next) == (61, 61, False)
    assert not page.more_after(61, 100)
    first = page.providers[0]
    assert (first.urn, first.name, first.page_type, first.category) == (
        "139309", "Christ Church Cep Academy, Folkestone", "21", "Primary")
    assert first.latest_report == date(2023, 1, 23)  # from the <time>'s text: it has no datetime attribute
    assert Counter(p.category for p in page.providers) == {
        "Primary": 55, "Special School": 3, "Independent School": 2, "Boarding School": 1}
    assert Counter(p.provider_type for p in page.providers) == {
        "primary": 55, "special": 3, "independent": 2, "boarding": 1}
    assert all(p.latest_report for p in page.providers)


def test_the_real_listing_keeps_a_boarding_school_with_a_social_care_urn(pages):
    page = site.search_html_to_page(read(pages, "search-schools-folkestone-2023-real.html"), REPORTS + "/search", "primary")
    (boarding,) = [p for p in page.providers if p.urn == "SC023666"]
    assert (boarding.url, boarding.provider_type, boarding.latest_report) == (
        f"{REPORTS}/provider/1/SC023666", "boarding", date(2022, 11, 8))


def test_a_listing_of_the_wrong_kind_fails_the_check_of_an_unverified_filter(pages):
    page = site.search_html_to_page(read(pages, "search-schools-folkestone-2023-real.html"), REPORTS + "/search", "primary")
    site.check_listing(page, PROVIDER_TYPES["primary"], REPORTS + "/search")  # a mixed listing, mostly primary
    assert PROVIDER_TYPES["childrens-home"].evidence == UNKNOWN
    with pytest.raises(ListingMismatch, match=r"children's homes listing \(filter level_1_types=3&level_2_types\[\]=8\) "
                       r"lists 61 of 61 providers of another kind.*Christ Church Cep Academy"):
        site.check_listing(page, PROVIDER_TYPES["childrens-home"], REPORTS + "/search")


def test_the_early_years_listing_reads_ey_and_digit_urns(pages):
    page = site.search_html_to_page(read(pages, "search-early-years-built.html"), REPORTS + "/search", "early-years")
    assert [(p.urn, p.page_type, p.latest_report) for p in page.providers] == [
        ("EY501461", "16", date(2024, 6, 18)),
        ("2821756", "16", date(2026, 1, 20)),
        ("EY360232", "16", date(2023, 3, 2)),
    ]
    assert page.total == 3 and {p.provider_type for p in page.providers} == {"early-years"}
    site.check_listing(page, PROVIDER_TYPES["early-years"], REPORTS + "/search")


def test_the_local_authority_page_lists_five_reports_dated_from_their_own_events(pages):
    url = f"{REPORTS}/provider/44/80480"
    page = site.provider_html_to_page(read(pages, "provider-la-lancashire-built.html"), url, "la")
    assert (page.urn, page.name) == ("80480", "Lancashire")
    assert [(r.file_id, r.label, r.published, r.inspection_date) for r in page.reports] == [
        ("50309857", "Children's services inspection", date(2026, 8, 20), date(2026, 5, 11)),
        ("50268954", "Area SEND full inspection", date(2025, 2, 12), date(2024, 12, 9)),
        ("50246983", "Joint area child protection inspection", date(2024, 5, 16), date(2024, 3, 18)),
        ("50205966", "Children's services inspection", date(2023, 1, 26), date(2022, 11, 28)),
        ("50012986", "Children's services inspection", date(2018, 8, 17), None),  # an event with no inspection date
    ]
    assert page.latest().file_id == "50309857"


def test_the_school_page_skips_the_undated_academy_conversion_letter(pages):
    url = f"{REPORTS}/provider/21/116135"
    page = site.provider_html_to_page(read(pages, "provider-school-built.html"), url, "primary")
    assert (page.urn, page.name) == ("116135", "Abbotswood Junior School")
    assert [(r.file_id, r.label, r.published, r.inspection_date) for r in page.reports] == [
        ("50224032", "School inspection", date(2023, 7, 21), date(2023, 6, 7))]
    assert page.skipped == ["Academy conversion letter"]


def test_the_childrens_home_page_reads_pdf_in_capitals_and_skips_registration(pages):
    url = f"{REPORTS}/provider/2/2766766"  # the page's canonical address
    page = site.provider_html_to_page(read(pages, "provider-childrens-home-built.html"), url, "childrens-home")
    assert (page.urn, page.name) == ("2766766", "Oaktree Childcare")
    assert [(r.file_id, r.label, r.published, r.inspection_date) for r in page.reports] == [
        ("50311430", "Full inspection", date(2026, 9, 8), date(2026, 7, 28)),
        ("50293150", "Monitoring visit", date(2025, 12, 31), date(2025, 11, 27)),
    ]


def test_the_report_not_found_page_is_recognised_and_is_no_provider_page(pages):
    html = read(pages, "report-not-found-2025-real.html")
    assert site.is_report_not_found(html)
    with pytest.raises(PageUnreadable, match="no timeline of reports"):
        site.provider_html_to_page(html, f"{REPORTS}/provider/44/80480", "la")


def test_no_other_page_looks_like_report_not_found(pages):
    others = [p for p in pages.glob("*.html") if not p.name.startswith("report-not-found")]
    assert others and not any(site.is_report_not_found(p.read_text(encoding="utf-8")) for p in others)


def test_every_page_in_the_folder_is_covered_here(pages):
    covered = {
        "search-schools-folkestone-2023-real.html", "report-not-found-2025-real.html",
        "provider-la-lancashire-built.html", "provider-school-built.html", "provider-childrens-home-built.html",
        "search-early-years-built.html",
    }
    assert {p.name for p in pages.glob("*.html")} == covered, "a new evidence page needs its test here"
