"""HTML of the fake site, shaped like reports.ofsted.gov.uk's markup as public scrapers read it
(data-to-insight's ofsted-ilacs/-jtai/-send scrape tools, TobyDrane/Ofsted-Reports-Scraper): search results in
`ul.results-list` with `<h3><a href="/provider/<type>/<URN>">`, provider pages with `h1.heading--title` and an
`ol.timeline` of `li.timeline__day` events holding an `a.publication-link` to files.../v1/file/<id>, its
`span.nonvisual` "<label>, pdf - <date>", and `<time datetime>` elements for inspection and publication dates.

Reports are listed in file-id order, not newest first, so the client cannot lean on the order.
"""

from __future__ import annotations

from datetime import date
from html import escape

from tests.fake_site.catalogue import FakeProvider, FakeReport

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} - Ofsted</title>
<link rel="stylesheet" href="/css/style.css"></head>
<body><header class="header"><a href="/" class="header__logo">Ofsted</a></header>
<main id="main-content">{body}</main>
<footer class="footer"><p>&copy; Crown copyright</p></footer></body></html>
"""


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def search_page(providers: list[tuple[FakeProvider, date | None]], total: int, start: int, rows: int) -> str:
    items = []
    for provider, latest in providers:
        latest_html = (
            f'<p class="search-result__date">Latest report: <time datetime="{latest.isoformat()}">'
            f"{long_date(latest)}</time></p>" if latest else ""
        )
        items.append(
            f'<li class="search-result">\n<h3 class="search-result__title">'
            f'<a href="/provider/{provider.page_type}/{provider.urn}">{escape(provider.name)}</a></h3>\n'
            f'<ul class="search-result__meta"><li>URN: {provider.urn}</li></ul>\n{latest_html}\n</li>'
        )
    pagination = ""
    if start + rows < total:
        pagination = f'<ul class="pagination"><li class="next"><a class="pagination__next" href="?start={start + rows}&amp;rows={rows}">Next</a></li></ul>'
    body = (
        f'<h1 class="heading--title">Search results</h1><p class="search-results__count">{total} results</p>\n'
        f'<ul class="results-list">\n{chr(10).join(items)}\n</ul>\n{pagination}'
    )
    return PAGE.format(title="Search results", body=body)


def provider_page(provider: FakeProvider, reports: list[tuple[FakeReport, date]], files_url: str) -> str:
    events = []
    for report, published in sorted(reports, key=lambda pair: pair[0].file_id):
        inspected = report.inspection_date or published
        label = escape(report.label)
        events.append(
            f'<li class="timeline__day">\n'
            f'<p class="timeline__date"><span class="nonvisual">Inspection date</span> '
            f'<time datetime="{inspected.isoformat()}">{long_date(inspected)}</time></p>\n'
            f'<div class="event">\n'
            f'<a class="publication-link" href="{files_url}/v1/file/{report.file_id}" target="_blank">'
            f'{label}<span class="nonvisual">{label}, pdf - {long_date(published)}</span></a>\n'
            f'<p class="event__published">Published: <time datetime="{published.isoformat()}">'
            f"{long_date(published)}</time></p>\n</div>\n</li>"
        )
    body = (
        f'<h1 class="heading--title">{escape(provider.name)}</h1>\n'
        f'<p class="provider__urn">URN: {provider.urn}</p>\n'
        f'<ol class="timeline">\n<li class="timeline__day timeline__day--opened"><p>Provider opened</p></li>\n'
        f'{chr(10).join(events)}\n</ol>'
    )
    return PAGE.format(title=escape(provider.name), body=body)


def error_page(status: int) -> str:
    return PAGE.format(title=str(status), body=f"<h1>Sorry, there is a problem ({status})</h1>")
