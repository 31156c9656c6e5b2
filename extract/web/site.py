"""Discovery on reports.ofsted.gov.uk: search listings and provider pages -> typed records.

Pure functions read the HTML (`search_html_to_page`, `provider_html_to_page`); the fetch edge
(`list_providers`, `fetch_provider`, `fetch_report_file`) only adds a PoliteClient. The markup they read is the
live site's as reference/site-pages/ shows it (a saved real listing, and pages built from what scrapers running
daily against the site read):

- search listing `/search?q=&level_1_types=3&level_2_types[]=12&start=N&rows=100` (the filters of each type
  are in `provider_types`): `ul.results-list > li.search-result`, each with `h3.search-result__title >
  a[href=/provider/<type>/<URN>]` and `ul.search-result__provider-info` items "Category: <strong>",
  "Latest report: <strong><time>08 April 2019</time>" (no datetime attribute) and "URN: <strong>";
  `strong.results-count` holds the total and `a.pagination__next` links the next page. At most 100 rows a
  page. `latest_report_date_start=DD-MM-YYYY&sort=date&order=desc` keeps providers with a report published
  since a date, newest first.
- provider page `/provider/<type>/<URN>`: `h1.heading--title` (the name), `ol.timeline > li.timeline__day >
  div.event`; in each event `p.timeline__date time` is the inspection date (some have none), `a.publication-link`
  to files.ofsted.gov.uk/v1/file/<id> is the report, its `span.nonvisual` reads "<label>, pdf - <published>"
  (or "PDF", and some letters carry no date), and "Published <time>" gives the publication date.
  `li.timeline__day--opened` ("Provider opened") and other items that are not reports are skipped by label.
The order of reports on a page is never relied on: the newest is found by its date.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urlencode, urljoin, urlsplit

from extract.web.config import SiteConfig
from extract.web.download import PoliteClient
from extract.web.exceptions import ListingMismatch, NotAPdfResponse, PageUnreadable, ReportNotFound
from extract.web.html_tree import Element, parse_html
from extract.web.provider_types import (  # noqa: F401 (re-exported: the site's types are looked up here too)
    DEFAULT_PROVIDER_TYPES,
    PROVIDER_TYPES,
    TYPE_OF_PAGE,
    UNKNOWN,
    ProviderType,
    provider_types,
)
from extract.web.urns import URN_FORM, normalise_urn
from extract.records import Provenance

log = logging.getLogger(__name__)

PROVIDER_PATH = re.compile(rf"/provider/(?P<type>[^/]+)/(?P<urn>{URN_FORM})/?$")
ANY_PROVIDER_PATH = re.compile(r"/provider/[^/]+/[^/]+/?$")
# File ids are digits; anything else is no report file id (and never becomes a file name in the raw store).
FILE_PATH = re.compile(r"/v1/file/(?P<id>[0-9]+)/?$")
# The site's hidden text after a report link: "Focused visit, pdf - 15 July 2024" (also "PDF").
NONVISUAL_DATE = re.compile(r",\s*pdf\s*-\s*(?P<date>\d{1,2}\s+\w+\s+\d{4})\s*$", re.IGNORECASE)
PUBLISHED_LABEL = re.compile(r"publish", re.IGNORECASE)
# Timeline items that link a file but are not inspection reports: letters confirming an academy conversion
# (undated, seen on school pages), and registration or opening notices.
NOT_A_REPORT = re.compile(r"\b(?:academy\s+conversion|conversion\s+letter|provider\s+opened|registration)\b",
                          re.IGNORECASE)
OPENED_CLASS = "timeline__day--opened"
REPORT_NOT_FOUND_TITLE = "report not found"
TEXT_DATE_FORMATS = ("%d %B %Y", "%d %b %Y")
SEARCH_DATE_FORMAT = "%d-%m-%Y"  # latest_report_date_start=20-08-2026
# A guard against a site that never stops paging (a bug there must not keep a nightly run going forever).
MAX_SEARCH_PAGES = 500
MISMATCH_EXAMPLES = 3


@dataclass(frozen=True)
class ProviderListing:
    """One search result: a provider and the date of its latest report, as the listing shows them."""

    urn: str
    name: str
    url: str
    provider_type: str  # the type key of its own page type (a boarding school in a primary listing: boarding)
    latest_report: date | None
    category: str | None = None  # the listing's "Category:" text
    page_type: str = ""  # the <type> in its /provider/<type>/<URN> link


@dataclass(frozen=True)
class SearchPage:
    providers: list[ProviderListing]
    results: int  # results on this page (each provider once); 0 ends the walk
    total: int | None  # the page's own results count, when it shows one
    has_next: bool  # the page links a next page (a.pagination__next)

    def more_after(self, start: int, rows: int) -> bool:
        """Whether a page starting at `start` may hold more: the page's own signals, else a full page."""
        if self.results == 0:
            return False
        if self.has_next or self.total is not None:
            return self.has_next or start < self.total
        return self.results >= rows


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
            inspection_date=self.inspection_date,
        )


@dataclass(frozen=True)
class ProviderPage:
    urn: str
    name: str
    provider_type: str
    url: str
    reports: list[ReportLink]
    skipped: list[str] = field(default_factory=list)  # labels of timeline items that are not reports

    def latest(self) -> ReportLink | None:
        dated = [r for r in self.reports if r.published]
        return max(dated, key=lambda r: r.published) if dated else None


def search_url(config: SiteConfig, provider_type: ProviderType, start: int, since: date | None = None) -> str:
    """A listing page of a type; with `since`, only providers whose latest report was published on or after
    it, newest first."""
    query = [("q", ""), ("level_1_types", provider_type.level_1)]
    query += [("level_2_types[]", level) for level in provider_type.level_2]
    query += [("level_3_types[]", level) for level in provider_type.level_3]
    if since is not None:
        query += [("latest_report_date_start", since.strftime(SEARCH_DATE_FORMAT)), ("sort", "date"),
                  ("order", "desc")]
    query += [("start", start), ("rows", config.search_rows)]
    return f"{config.reports_url}/search?{urlencode(query)}"


def provider_url(config: SiteConfig, provider_type: ProviderType, urn: str) -> str:
    """A provider's page from its URN, checked first (InvalidUrn) so nothing else reaches a URL."""
    return f"{config.reports_url}/provider/{provider_type.page_type}/{normalise_urn(urn)}"


def urn_from_provider_url(url: str) -> str | None:
    match = PROVIDER_PATH.search(urlsplit(url).path)
    return match["urn"] if match else None


def page_type_from_provider_url(url: str) -> str | None:
    match = PROVIDER_PATH.search(urlsplit(url).path)
    return match["type"] if match else None


def file_id_from_url(url: str) -> str | None:
    match = FILE_PATH.search(urlsplit(url).path)
    return match["id"] if match else None


def parse_date(element: Element) -> date | None:
    """A <time>'s date: its datetime attribute (ISO, possibly with a time) or else its text ("4 July 2025").
    The live site's <time> elements carry no datetime attribute; the text is what counts."""
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


def labelled_value(item: Element, label: str) -> str | None:
    """The text after "<label>:" in a listing's info items ("Category: <strong>Primary</strong>")."""
    for entry in item.find_all("li"):
        text = entry.text()
        if text.lower().startswith(label.lower() + ":"):
            return text.split(":", 1)[1].strip() or None
    return None


def results_count(root: Element) -> int | None:
    counter = root.find("strong", "results-count")
    digits = counter.text().replace(",", "") if counter else ""
    return int(digits) if digits.isdigit() else None


def search_html_to_page(html: str, page_url: str, provider_type: str) -> SearchPage:
    root = parse_html(html)
    results = root.find("ul", "results-list") or root
    providers: list[ProviderListing] = []
    seen: set[str] = set()
    for link in results.find_all("a"):
        url = urljoin(page_url, link.get("href") or "")
        urn, page_type = urn_from_provider_url(url), page_type_from_provider_url(url)
        if urn is None and ANY_PROVIDER_PATH.search(urlsplit(url).path):
            log.warning("%s: a provider link whose URN is of no form we know, left out: %s (extend "
                        "extract/web/urns.py if the site uses a new form)", page_url, url)
        if urn is None or url in seen:
            continue
        seen.add(url)
        item = link.ancestor("li", "search-result") or link.ancestor("li") or link.parent
        dates = [d for d in map(parse_date, item.find_all("time")) if d]
        providers.append(ProviderListing(
            urn=urn, name=link.text(), url=url, provider_type=TYPE_OF_PAGE.get(page_type, provider_type),
            latest_report=max(dates, default=None), category=labelled_value(item, "Category"), page_type=page_type,
        ))
    has_next = root.find("a", "pagination__next") is not None
    return SearchPage(providers, len(providers), results_count(root), has_next)


def fits(listing: ProviderListing, provider_type: ProviderType) -> bool:
    """Whether a listed provider is of the type: its page type, and its category where both are known."""
    if listing.page_type not in provider_type.page_types:
        return False
    category = (listing.category or "").lower().replace("\u2019", "'")
    return provider_type.category is None or not category or provider_type.category in category


def check_listing(page: SearchPage, provider_type: ProviderType, url: str) -> None:
    """ListingMismatch when the listing plainly holds other providers than the type's (see provider_types)."""
    misfits = [p for p in page.providers if not fits(p, provider_type)]
    strict = provider_type.evidence == UNKNOWN
    if not misfits or (not strict and len(misfits) < len(page.providers)):
        return
    examples = "; ".join(f"{p.name} (category {p.category or '?'}, /provider/{p.page_type}/)"
                         for p in misfits[:MISMATCH_EXAMPLES])
    doubt = "is a guess the evidence could not confirm, and it is wrong" if strict else "no longer selects them"
    raise ListingMismatch(
        url, f"the {provider_type.description} listing (filter {provider_type.filter_text()}) lists "
        f"{len(misfits)} of {len(page.providers)} providers of another kind, e.g. {examples}. Expected page type "
        f"{'/'.join(provider_type.page_types)}{f' and category {provider_type.category!r}' if provider_type.category else ''}"
        f": the filter code {doubt}. Find the code in the site's search form and correct "
        "extract/web/provider_types.py; nothing of this type was loaded"
    )


def provider_html_to_page(html: str, page_url: str, provider_type: str) -> ProviderPage:
    """A provider page's reports; PageUnreadable when it has no timeline (a JavaScript-only shell, or an error
    page served with status 200): "no reports" would silently hide every report of the provider."""
    root = parse_html(html)
    urn = urn_from_provider_url(page_url)
    if urn is None:
        raise ValueError(f"{page_url} is not a provider page address (/provider/<type>/<URN>)")
    timeline = root.find("ol", "timeline")
    if timeline is None:
        raise PageUnreadable(
            page_url, "the provider page has no timeline of reports (no ol.timeline): the site sent a page without "
            "its report list (a JavaScript-only page, or an error page); it is tried again on the next run; if it "
            "persists, open the page in a browser and compare its markup with extract/web/site.py"
        )
    heading = root.find("h1", "heading--title") or root.find("h1")
    name = heading.text() if heading else ""
    reports, skipped = [], []
    for link in timeline.find_all("a", "publication-link"):
        report = link_to_report(link, page_url, urn, name, provider_type)
        day = link.ancestor("li", "timeline__day")
        if NOT_A_REPORT.search(report.label) or (day is not None and OPENED_CLASS in day.classes):
            skipped.append(report.label)
        else:
            reports.append(report)
    return ProviderPage(urn, name, provider_type, page_url, reports, skipped)


def link_to_report(link: Element, page_url: str, urn: str, name: str, provider_type: str) -> ReportLink:
    """A report link, dated from its own event (`div.event`): never from another event on the same day."""
    url = urljoin(page_url, link.get("href") or "")
    event = link.ancestor("div", "event") or link.ancestor("li", "timeline__day") or link.ancestor("li") or link.parent
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


def is_report_not_found(html: str) -> bool:
    """The files host's "Report not found" page (served with status 200 for a file id it no longer has)."""
    root = parse_html(html)
    heading, title = root.find("h1"), root.find("title")
    texts = [element.text().lower() for element in (heading, title) if element is not None]
    return any(text.startswith(REPORT_NOT_FOUND_TITLE) for text in texts)


def list_providers(client: PoliteClient, provider_type: ProviderType, since: date | None = None
                   ) -> Iterator[ProviderListing]:
    """Every provider of a type (with `since`: whose latest report was published on or after it), page by
    page as the listing's own signals say, stopping at a page with no results or, newest first, at the first
    provider whose latest report is older than `since`. Each page is checked against the type."""
    start, rows = 0, client.config.search_rows
    for _ in range(MAX_SEARCH_PAGES):
        url = search_url(client.config, provider_type, start, since)
        page = search_html_to_page(client.get_html(url), url, provider_type.key)
        check_listing(page, provider_type, url)
        for listing in page.providers:
            if since is not None and listing.latest_report is not None and listing.latest_report < since:
                return  # sorted newest first: every later provider is older still
            yield listing
        start += page.results
        if not page.more_after(start, rows):
            return
    log.warning("stopped the %s listing after %d pages (MAX_SEARCH_PAGES)", provider_type.key, MAX_SEARCH_PAGES)


def fetch_provider(client: PoliteClient, url: str, provider_type: str) -> ProviderPage:
    return provider_html_to_page(client.get_html(url), url, provider_type)


def fetch_report_file(client: PoliteClient, url: str) -> bytes:
    """A report file's bytes; ReportNotFound when the files host answers with its "Report not found" page.

    Telling that page from other HTML (a maintenance page) costs one more request, made only for a file that
    did not come back as a PDF."""
    try:
        return client.get_pdf(url)
    except NotAPdfResponse:
        if is_report_not_found(client.get_html(url)):
            raise ReportNotFound(url, "the site answers with its \"Report not found\" page: the file is gone; "
                                 "tried again on a few nights, then recorded as a permanent failure") from None
        raise
