"""Discovery parsers: search listings and provider pages -> records (pure, inline HTML)."""

from __future__ import annotations

from datetime import date

import pytest

from extract.web import site
from extract.web.config import SiteConfig

PAGE_URL = "https://reports.ofsted.gov.uk/provider/44/80481"

PROVIDER_HTML = """
<h1 class="heading--title">Leeds City Council</h1>
<ol class="timeline">
 <li class="timeline__day timeline__day--opened"><p>Provider opened</p></li>
 <li class="timeline__day">
  <p class="timeline__date"><time datetime="2020-01-20">20 January 2020</time></p>
  <a class="publication-link" href="https://files.ofsted.gov.uk/v1/file/50100001">Children's services focused visit
   <span class="nonvisual">Children's services focused visit, pdf - 02 March 2020</span></a>
  <p>Published: <time datetime="2020-03-02">2 March 2020</time></p>
 </li>
 <li class="timeline__day">
  <p>Published: <time datetime="2025-08-12T00:00:00Z">12 August 2025</time></p>
  <p class="timeline__date">Inspection date <time>30 June 2025</time></p>
  <a class="publication-link" href="https://files.ofsted.gov.uk/v1/file/50282345">Children's services inspection
   <span class="nonvisual">Children's services inspection, pdf - 12 August 2025</span></a>
 </li>
 <li class="timeline__day">
  <a class="publication-link" href="/v1/file/2764330">Inspection of services for children in need of help
   <span class="nonvisual">Inspection of services, pdf - 22 April 2014</span></a>
 </li>
</ol>
"""


def test_provider_page_reads_name_urn_and_every_report():
    page = site.provider_html_to_page(PROVIDER_HTML, PAGE_URL, "la")
    assert (page.urn, page.name, page.provider_type) == ("80481", "Leeds City Council", "la")
    assert [r.file_id for r in page.reports] == ["50100001", "50282345", "2764330"]
    assert page.reports[0].label == "Children's services focused visit"
    assert page.reports[0].published == date(2020, 3, 2)
    assert page.reports[0].inspection_date == date(2020, 1, 20)


def test_provider_page_tells_published_from_inspection_date_by_label_not_order():
    report = site.provider_html_to_page(PROVIDER_HTML, PAGE_URL, "la").reports[1]
    assert report.published == date(2025, 8, 12)
    assert report.inspection_date == date(2025, 6, 30)  # read from the <time>'s text when it has no datetime


def test_published_date_falls_back_to_the_hidden_link_text_and_relative_links_resolve():
    report = site.provider_html_to_page(PROVIDER_HTML, PAGE_URL, "la").reports[2]
    assert report.published == date(2014, 4, 22)
    assert report.inspection_date is None
    assert report.url == "https://reports.ofsted.gov.uk/v1/file/2764330"


def test_latest_report_is_found_by_date_not_by_position():
    page = site.provider_html_to_page(PROVIDER_HTML, PAGE_URL, "la")
    assert page.latest().file_id == "50282345"


def test_provenance_carries_what_the_site_said():
    provenance = site.provider_html_to_page(PROVIDER_HTML, PAGE_URL, "la").reports[1].provenance()
    assert provenance.file_id == "50282345"
    assert provenance.urn == "80481"
    assert provenance.provider_name == "Leeds City Council"
    assert provenance.published == date(2025, 8, 12)
    assert provenance.source_url == "https://files.ofsted.gov.uk/v1/file/50282345"


def test_a_page_that_is_not_a_provider_address_is_refused():
    with pytest.raises(ValueError, match="not a provider page address"):
        site.provider_html_to_page(PROVIDER_HTML, "https://reports.ofsted.gov.uk/search", "la")


SEARCH_HTML = """
<ul class="results-list">
 <li><h3><a href="/provider/44/80481">Leeds</a></h3><p>Latest report: <time datetime="2025-08-12">12 August 2025</time></p></li>
 <li><h3><a href="/provider/44/80428">Bedford</a></h3></li>
 <li><h3><a href="/provider/44/80428">Bedford (again)</a></h3></li>
</ul>
<a href="/about">About</a>
"""


def test_search_page_lists_each_provider_once_with_its_latest_report_date():
    page = site.search_html_to_page(SEARCH_HTML, "https://reports.ofsted.gov.uk/search?start=0", "la")
    assert [(p.urn, p.name, p.latest_report) for p in page.providers] == [
        ("80481", "Leeds", date(2025, 8, 12)),
        ("80428", "Bedford", None),
    ]
    assert page.providers[0].url == "https://reports.ofsted.gov.uk/provider/44/80481"


def test_search_url_carries_the_type_filters_and_paging():
    url = site.search_url(SiteConfig(), site.PROVIDER_TYPES["la"], start=200)
    assert url == (
        "https://reports.ofsted.gov.uk/search?q=&level_1_types=3&level_2_types%5B%5D=12&start=200&rows=100"
    )


def test_unknown_provider_type_names_the_choices():
    with pytest.raises(ValueError, match="unknown provider type nursery; choose from la, primary, .*, school$"):
        site.provider_types(["la", "nursery"])


@pytest.mark.parametrize(
    "url, expected",
    [
        pytest.param("https://files.ofsted.gov.uk/v1/file/50282345", "50282345", id="file"),
        pytest.param("https://files.ofsted.gov.uk/v1/file/50282345/", "50282345", id="trailing-slash"),
        pytest.param("https://reports.ofsted.gov.uk/provider/44/80481", None, id="provider-page"),
    ],
)
def test_file_id_from_url(url, expected):
    assert site.file_id_from_url(url) == expected


def test_discovery_walks_every_search_page_of_the_fake_site(tiny_site):
    from extract.web.download import PoliteClient
    from tests.fake_site.fixtures import fast_config

    with PoliteClient(fast_config(tiny_site, search_rows=1)) as client:
        listings = list(site.list_providers(client, site.PROVIDER_TYPES["la"]))
    assert sorted(p.urn for p in listings) == ["80428", "80481"]
    # The second page has no a.pagination__next and the results count (2) is reached: no third request.
    assert tiny_site.count("reports", "/search") == 2


@pytest.mark.parametrize("text, urn", [("80481", "80481"), ("SC023666", "SC023666"), ("ey360232", "EY360232"),
                                       (" 2766766 ", "2766766")])
def test_urns_are_text_in_every_form_the_site_uses(text, urn):
    from extract.web.urns import normalise_urn

    assert normalise_urn(text) == urn


@pytest.mark.parametrize("text", ["leeds", "../../etc", "80481/../1", "1234", "SC12", "S0123456", ""])
def test_anything_else_is_refused_before_it_reaches_an_address(text):
    from extract.web.urns import InvalidUrn

    with pytest.raises(InvalidUrn, match="is not an Ofsted URN"):
        site.provider_url(SiteConfig(), site.PROVIDER_TYPES["childrens-home"], text)


def test_provider_urls_take_each_types_own_page_type():
    config = SiteConfig()
    assert site.provider_url(config, site.PROVIDER_TYPES["childrens-home"], "SC023666") == (
        "https://reports.ofsted.gov.uk/provider/2/SC023666")
    assert site.provider_url(config, site.PROVIDER_TYPES["secondary"], "136420").endswith("/provider/23/136420")
    assert site.urn_from_provider_url("https://reports.ofsted.gov.uk/provider/16/EY360232") == "EY360232"


def test_the_school_group_names_every_school_type():
    assert [t.key for t in site.provider_types(["school", "primary", "la"])] == [
        "primary", "secondary", "special", "independent", "boarding", "la"]


def test_a_nightly_listing_asks_for_what_was_published_since_newest_first():
    url = site.search_url(SiteConfig(), site.PROVIDER_TYPES["special"], start=0, since=date(2026, 8, 20))
    assert url == ("https://reports.ofsted.gov.uk/search?q=&level_1_types=1&level_3_types%5B%5D=1"
                   "&latest_report_date_start=20-08-2026&sort=date&order=desc&start=0&rows=100")


def test_each_event_takes_its_dates_from_its_own_div_event():
    html = """<h1 class="heading--title">Leeds</h1><ol class="timeline"><li class="timeline__day">
      <div class="event"><p class="timeline__date"><time>01 May 2024</time></p>
        <a class="publication-link" href="https://files.ofsted.gov.uk/v1/file/50000001">Monitoring visit
        <span class="nonvisual">Monitoring visit, pdf - 03 June 2024</span></a></div>
      <div class="event">
        <a class="publication-link" href="https://files.ofsted.gov.uk/v1/file/50000002">Focused visit
        <span class="nonvisual">Focused visit, PDF</span></a><div class="event__metadata">Published <time>09 July 2024</time></div></div>
    </li></ol>"""
    first, second = site.provider_html_to_page(html, PAGE_URL, "la").reports
    assert (first.published, first.inspection_date) == (date(2024, 6, 3), date(2024, 5, 1))
    assert (second.published, second.inspection_date) == (date(2024, 7, 9), None)


def test_a_provider_page_without_a_timeline_is_a_failure_that_says_so():
    from extract.web.exceptions import PageUnreadable

    shell = '<html><head><script src="/js/app.js"></script></head><body><div id="app"></div></body></html>'
    with pytest.raises(PageUnreadable, match="provider/44/80481: the provider page has no timeline of reports"):
        site.provider_html_to_page(shell, PAGE_URL, "la")


def test_paging_follows_the_pages_own_signals():
    page = site.SearchPage([], results=100, total=250, has_next=False)
    assert page.more_after(100, 100) and page.more_after(200, 100) and not page.more_after(250, 100)
    assert site.SearchPage([], results=100, total=None, has_next=True).more_after(100, 100)
    assert not site.SearchPage([], results=0, total=250, has_next=True).more_after(0, 100)  # no results ends it
    assert not site.SearchPage([], results=40, total=None, has_next=False).more_after(40, 100)


def test_a_403_is_retried_on_the_request_not_by_walking_again(typed_site):
    from extract.web.download import PoliteClient
    from tests.fake_site.fixtures import fast_config

    typed_site.fail("/search", "403", times=2)
    with PoliteClient(fast_config(typed_site)) as client:
        listings = list(site.list_providers(client, site.PROVIDER_TYPES["primary"]))
    assert len({p.urn for p in listings}) == 120 + 3  # every primary-age school, over two pages
    assert typed_site.count("reports", "/search") == 2 + 2  # two pages, the first asked three times
    assert [q["start"] for q in typed_site.queries] == [["0"], ["0"], ["0"], ["100"]]


def test_the_nightly_listing_stops_when_dates_fall_behind(typed_site):
    from extract.web.download import PoliteClient
    from tests.fake_site.fixtures import fast_config

    typed_site.filters[("1", ("1",), ())] = {"21"}
    typed_site.date_filter = False
    newest = max(typed_site.latest(p) for p in typed_site.providers.values() if p.page_type == "21")
    # A site that ignores the date filter but sorts: the walk still stops at the first older provider.
    with PoliteClient(fast_config(typed_site)) as client:
        listings = list(site.list_providers(client, site.PROVIDER_TYPES["primary"], since=newest))
    assert [p.latest_report for p in listings] == [newest]
    assert typed_site.count("reports", "/search") == 1  # 100 rows came back; the second was older: done


def test_a_provider_link_with_a_urn_of_unknown_form_is_left_out_and_said(caplog):
    html = '<ul class="results-list"><li class="search-result"><h3><a href="/provider/2/XYZ1">Odd</a></h3></li></ul>'
    page = site.search_html_to_page(html, "https://reports.ofsted.gov.uk/search", "childrens-home")
    assert page.providers == []
    assert "a provider link whose URN is of no form we know" in caplog.text
