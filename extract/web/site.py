"""Discovery on reports.ofsted.gov.uk: search listings and provider pages -> typed records.

Pure functions read the HTML (`search_html_to_page`, `provider_html_to_page`); the fetch edge
(`list_providers`, `fetch_provider`) only adds a PoliteClient. What the parsers look for, as public scrapers of
the site read it (data-to-insight's ofsted-ilacs/-jtai/-send scrape tools, TobyDrane/Ofsted-Reports-Scraper):

- search listing `/search?q=&level_1_types=3&level_2_types[]=12&start=N&rows=100`: one `<li>` per provider in
  `ul.results-list`, its `<h3><a href="/provider/<type>/<URN>">Name</a></h3>`, and a `<time datetime>` giving
  the provider's latest report date; at most 100 rows a page, paged with `start`.
- provider page `/provider/<type>/<URN>`: `h1.heading--title` (the name) and `ol.timeline` of
  `li.timeline__day` events; a report is an `a.publication-link` to files.ofsted.gov.uk/v1/file/<id> whose
  visible text is the label and whose `span.nonvisual` reads "<label>, pdf - <published date>"; the event's
  `<time datetime>` elements give the inspection date and (labelled "Published") the publication date.
The order of reports on a page is never relied on: the newest is found by its date.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlencode, urljoin, urlsplit

from extract.web.config import SiteConfig
from extract.web.download import PoliteClient
from extract.web.html_tree import Element, parse_html
from extract.records import Provenance

PROVIDER_PATH = re.compile(r"/provider/(?P<type>[^/]+)/(?P<urn>\d+)/?$")
# File ids are digits; anything else is no report file id (and never becomes a file name in the raw store).
FILE_PATH = re.compile(r"/v1/file/(?P<id>[0-9]+)/?$")
# The site's hidden text after a report link: "Focused visit, pdf - 15 July 2024".
NONVISUAL_DATE = re.compile(r",\s*pdf\s*-\s*(?P<date>\d{1,2}\s+\w+\s+\d{4})\s*$", re.IGNORECASE)
PUBLISHED_LABEL = re.compile(r"publish", re.IGNORECASE)
TEXT_DATE_FORMATS = ("%d %B %Y", "%d %b %Y")
# A guard against a site that never stops paging (a bug there must not keep a nightly run going forever).
MAX_SEARCH_PAGES = 500


@dataclass(frozen=True)
class ProviderType:
    """A kind of provider the pipeline can follow, and how the site's search filters it."""

    key: str
    description: str
    level_1: int  # the search's level_1_types filter
    level_2: tuple[int, ...]  # its level_2_types[] filters (empty: every sub-type)
    page_type: str  # the <type> in /provider/<type>/<URN>, for refreshing a provider known only by URN


PROVIDER_TYPES = {
    t.key: t
    for t in (
        # The filter numbers public scrapers use for "Local Authority Children's Services".
        ProviderType("la", "local authority children's services", level_1=3, level_2=(12,), page_type="44"),
        # Education and training (every school type); provider pages of schools are /provider/21|23/<URN>.
        ProviderType("school", "schools", level_1=1, level_2=(), page_type="21"),
        # Children's social care: children's homes; provider pages are /provider/2/<URN>.
        ProviderType("childrens-home", "children's homes", level_1=3, level_2=(8,), page_type="2"),
    )
}
DEFAULT_PROVIDER_TYPES = ("la",)


@dataclass(frozen=True)
class ProviderListing:
    """One search result: a provider and the date of its latest report, as the listing shows them."""

    urn: str
    name: str
    url: str
    provider_type: str
    latest_report: date | None


@dataclass(frozen=True)
class SearchPage:
    providers: list[ProviderListing]


@dataclass(frozen=True)
class ReportLink:
    """One report file listed on a provider page."""

    url: str
    file_id: str | None
    label: str
    published: date | None
    inspection_date: date | None
    urn: str
    provider_name: str
    provider_type: str

    def to_dict(self) -> dict:
        data = dataclasses.asdict(self)
        for key in ("published", "inspection_date"):
            data[key] = data[key].isoformat() if data[key] else None
        return data

    @classmethod
    def from_dict(cls, data: dict) -> ReportLink:
        data = dict(data)
        for key in ("published", "inspection_date"):
            data[key] = date.fromisoformat(data[key]) if data.get(key) else None
        return cls(**data)

    @classmethod
    def bare(cls, url: str) -> ReportLink:
        """A report known only by its address (a refresh of one URL): the PDF itself will say the rest."""
        return cls(url, file_id_from_url(url), "", None, None, "", "", "")

    def provenance(self) -> Provenance:
        return Provenance(
            source_url=self.url,
            file_id=self.file_id,
            published=self.published,
            urn=self.urn or None,
            provider_name=self.provider_name or None,
            provider_type=self.provider_type or None,
            label=self.label or None,
        )


@dataclass(frozen=True)
class ProviderPage:
    urn: str
    name: str
    provider_type: str
    url: str
    reports: list[ReportLink]

    def latest(self) -> ReportLink | None:
        dated = [r for r in self.reports if r.published]
        return max(dated, key=lambda r: r.published) if dated else None


def provider_types(keys: list[str] | tuple[str, ...]) -> list[ProviderType]:
    unknown = [k for k in keys if k not in PROVIDER_TYPES]
    if unknown:
        raise ValueError(f"unknown provider type {', '.join(unknown)}; choose from {', '.join(PROVIDER_TYPES)}")
    return [PROVIDER_TYPES[k] for k in keys]


def search_url(config: SiteConfig, provider_type: ProviderType, start: int) -> str:
    query = [("q", ""), ("level_1_types", provider_type.level_1)]
    query += [("level_2_types[]", level) for level in provider_type.level_2]
    query += [("start", start), ("rows", config.search_rows)]
    return f"{config.reports_url}/search?{urlencode(query)}"


def provider_url(config: SiteConfig, provider_type: ProviderType, urn: str) -> str:
    return f"{config.reports_url}/provider/{provider_type.page_type}/{urn}"


def urn_from_provider_url(url: str) -> str | None:
    match = PROVIDER_PATH.search(urlsplit(url).path)
    return match["urn"] if match else None


def file_id_from_url(url: str) -> str | None:
    match = FILE_PATH.search(urlsplit(url).path)
    return match["id"] if match else None


def parse_date(element: Element) -> date | None:
    """A <time>'s date: its datetime attribute (ISO, possibly with a time) or else its text ("4 July 2025")."""
    value = (element.get("datetime") or "").strip()
    if value:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            pass
    return text_to_date(element.text())


def text_to_date(text: str) -> date | None:
    for fmt in TEXT_DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


def search_html_to_page(html: str, page_url: str, provider_type: str) -> SearchPage:
    root = parse_html(html)
    results = root.find("ul", "results-list") or root
    providers: list[ProviderListing] = []
    seen: set[str] = set()
    for link in results.find_all("a"):
        url = urljoin(page_url, link.get("href") or "")
        urn = urn_from_provider_url(url)
        if urn is None or urn in seen:
            continue
        seen.add(urn)
        item = link.ancestor("li") or link.parent
        dates = [d for d in map(parse_date, item.find_all("time")) if d]
        providers.append(ProviderListing(urn, link.text(), url, provider_type, max(dates, default=None)))
    return SearchPage(providers)


def provider_html_to_page(html: str, page_url: str, provider_type: str) -> ProviderPage:
    root = parse_html(html)
    urn = urn_from_provider_url(page_url)
    if urn is None:
        raise ValueError(f"{page_url} is not a provider page address (/provider/<type>/<URN>)")
    heading = root.find("h1", "heading--title") or root.find("h1")
    name = heading.text() if heading else ""
    reports = [
        link_to_report(link, page_url, urn, name, provider_type) for link in root.find_all("a", "publication-link")
    ]
    return ProviderPage(urn, name, provider_type, page_url, reports)


def link_to_report(link: Element, page_url: str, urn: str, name: str, provider_type: str) -> ReportLink:
    url = urljoin(page_url, link.get("href") or "")
    event = link.ancestor("li", "timeline__day") or link.ancestor("li") or link.parent
    published, inspected = None, None
    for time in event.find_all("time"):
        when = parse_date(time)
        label = time.parent.text() if time.parent is not None else ""
        if PUBLISHED_LABEL.search(label):
            published = published or when
        else:
            inspected = inspected or when
    hidden = link.find("span", "nonvisual")
    if published is None and hidden is not None:
        match = NONVISUAL_DATE.search(hidden.text())
        published = text_to_date(match["date"]) if match else None
    return ReportLink(
        url=url,
        file_id=file_id_from_url(url),
        label=link.text(exclude_class="nonvisual"),
        published=published,
        inspection_date=inspected,
        urn=urn,
        provider_name=name,
        provider_type=provider_type,
    )


def list_providers(client: PoliteClient, provider_type: ProviderType) -> Iterator[ProviderListing]:
    """Every provider of a type, walking the search listing page by page until a page comes back short."""
    rows = client.config.search_rows
    for page_number in range(MAX_SEARCH_PAGES):
        url = search_url(client.config, provider_type, start=page_number * rows)
        page = search_html_to_page(client.get_html(url), url, provider_type.key)
        yield from page.providers
        if len(page.providers) < rows:
            return


def fetch_provider(client: PoliteClient, url: str, provider_type: str) -> ProviderPage:
    return provider_html_to_page(client.get_html(url), url, provider_type)
