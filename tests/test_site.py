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
