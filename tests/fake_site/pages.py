"""HTML of the fake site, in the live site's markup as reference/site-pages/ shows it (a saved real listing, and
provider pages built from what scrapers running daily against the site read):

- listing: `strong.results-count`, `ul.results-list > li.search-result` with `h3.search-result__title > a`,
  "Category: <strong>", "Latest report: <strong><time>08 April 2019</time>", "URN: <strong>"; a
  `span.pagination__numbers` "Page 1 of 2" and `a.pagination__next` while more pages follow;
- provider page: `h1.heading--title`, `p.title-block__subheading` "URN: ...", `ol.timeline > li.timeline__day >
  div.event` with `p.timeline__date time` (the inspection date, left out when unknown), `a.publication-link`
  and its `span.nonvisual` "<label>, pdf - <date>" ("<label>, PDF" for an undated letter), and
  `div.event__metadata` "Published <time pubdate>"; a closing `li.timeline__day--opened` "Provider opened".
No `<time>` carries a datetime attribute, as on the live site. Reports are listed in file-id order, not newest
first, so the client cannot lean on the order.
"""

from __future__ import annotations

from datetime import date
from html import escape

from tests.fake_site.catalogue import FakeProvider, FakeReport

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} - Find an Inspection Report - Ofsted</title>
<link rel="stylesheet" href="/css/style.css"></head>
<body><header class="header"><a class="header__home-link" href="/"><span class="nonvisual">Ofsted homepage</span></a>
</header>
<main id="main" tabindex="-1">{body}</main>
<footer class="footer"><p class="footer__copy-right">&copy; Crown copyright</p></footer></body></html>
"""
# The shape of the JavaScript-only provider page reported for secondary schools: ~8 KB, no timeline.
JS_SHELL_PADDING = 8000
PROVIDER_OPENED = date(2009, 4, 1)


def long_date(day: date) -> str:
    return f"{day:%d %B %Y}"


def search_page(providers: list[tuple[FakeProvider, date | None]], total: int, start: int, rows: int,
                next_href: str | None) -> str:
    items = []
    for provider, latest in providers:
        latest_html = f"<li>Latest report: <strong><time>{long_date(latest)}</time></strong></li>" if latest else ""
        items.append(
            f'<li class="search-result">\n<h3 class="search-result__title heading--main">'
            f'<a href="/provider/{provider.page_type}/{provider.urn}">{escape(provider.name)}</a></h3>'
            f'<ul class="search-result__provider-info"><li>Category: <strong>{escape(provider.category)}</strong>'
            f'</li></ul><ul class="search-result__provider-info">{latest_html}'
            f"<li>URN: <strong>{provider.urn}</strong></li></ul>\n</li>"
        )
    pages = max(1, -(-total // rows))
    pagination = f'<div class="pagination"><span class="pagination__numbers">Page {start // rows + 1} of {pages}</span>'
    if next_href:
        pagination += f'<a class="pagination__next" href="{escape(next_href)}">Next page</a>'
    body = (
        f'<div class="search-results__heading"><h2><strong class="results-count js-results-count">{total}</strong>'
        f"<strong> results</strong></h2></div>\n"
        f'<ul class="results-list list-unstyled">\n{chr(10).join(items)}\n</ul>\n{pagination}</div>'
    )
    return PAGE.format(title="Search results", body=body)


def event(report: FakeReport, published: date | None, files_url: str) -> str:
    label = escape(report.label)
    inspected = f'<p class="timeline__date"><time>{long_date(report.inspection_date)}</time></p>' if (
        report.inspection_date) else ""
    hidden = f"{label}, pdf - {long_date(published)}" if published else f"{label}, PDF"
    metadata = f'<div class="event__metadata">Published <time pubdate>{long_date(published)}</time></div>' if (
        published) else ""
    return (
        f'<li class="timeline__day">\n  <div class="event">\n    {inspected}\n'
        f'    <span class="event__title heading--sub"><a class="publication-link" '
        f'href="{files_url}/v1/file/{report.file_id}" target="_blank">{label}'
        f'                <span class="nonvisual">{hidden}</span></a>{metadata}</span>\n  </div>\n</li>'
    )


def provider_page(provider: FakeProvider, reports: list[tuple[FakeReport, date | None]], files_url: str) -> str:
    events = [event(report, published, files_url) for report, published in sorted(reports, key=lambda r: r[0].file_id)]
    opened = (
        f'<li class="timeline__day timeline__day--opened"><div class="event"><p class="timeline__date"><time>'
        f'{long_date(PROVIDER_OPENED)}</time></p><span class="event__title heading--sub">Provider opened</span>'
        f"</div></li>"
    )
    body = (
        f'<div class="module title-block title-block--flat"><h1 class="heading--title title-block__heading">'
        f'{escape(provider.name)}</h1><p class="title-block__subheading">URN: {provider.urn}</p></div>\n'
        f'<h2 class="heading--sub">Reports</h2>\n<ol class="timeline">\n{chr(10).join(events)}\n{opened}\n</ol>'
    )
    return PAGE.format(title=escape(provider.name), body=body)


def javascript_shell() -> str:
    """A provider page that builds itself in the browser: no timeline in the HTML."""
    padding = "/* bundle */ " * (JS_SHELL_PADDING // 13)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Find an Inspection Report - Ofsted'
        f'</title><script defer src="/js/app.js"></script></head><body><div id="app"></div>'
        f"<noscript>You need to enable JavaScript to view this page.</noscript><script>{padding}</script></body></html>"
    )


def report_not_found() -> str:
    """What files.ofsted.gov.uk answers, with status 200, for a file id it no longer has."""
    body = (
        '<div class="module title-block title-block--flat"><h1 class="heading--title title-block__heading">Report not '
        'found</h1></div><div class="flat-content text-large"><p><span>Sorry, the document you requested no longer '
        "exists.</span></p></div>"
    )
    return PAGE.format(title="Report not found", body=body)


def error_page(status: int) -> str:
    return PAGE.format(title=str(status), body=f"<h1>Sorry, there is a problem ({status})</h1>")
