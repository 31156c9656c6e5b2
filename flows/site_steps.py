"""The steps of every run against the Ofsted site, as plain functions (no Prefect): nightly, refresh and
backfill are each a short script of these, wrapped as Prefect tasks in their own modules.

    discover  search listings and provider pages -> report links (a provider page that fails is a failure)
    plan      links minus the file ids already in the warehouse, plus what failed last time
    fetch     download each planned file into the raw store (or reuse it if already there), on a few threads
    extract   every fetched file on all cores (or a Dask cluster)
    load      one atomic write per batch: reports, failures found, failures that now worked

Failures are rows in the warehouse's `failures` table, keyed by stage and target (a provider page URL for
discover, a report file URL for download and extract); the next run retries every open one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from extract.batch import extract_paths
from extract.web.download import PoliteClient
from extract.web.exceptions import DownloadError, ReportNotFound
from extract.web.rawstore import RawStore, StoredFile
from extract.records import PARSER_VERSION, Provenance, Report
from extract.web.site import (
    TYPE_OF_PAGE,
    ProviderType,
    ReportLink,
    fetch_provider,
    fetch_report_file,
    file_id_from_url,
    list_providers,
    page_type_from_provider_url,
)
from flows import progress
from transform.frames import reports_to_frames
from warehouse.load import LoadResult, load_frames
from warehouse.runs import SUCCEEDED, PARTIAL, given_up_targets, open_failures, record_failure, resolve_failures
from warehouse.snapshot import reading, writing
from warehouse.state import known_file_ids

log = logging.getLogger(__name__)

DISCOVER, DOWNLOAD, EXTRACT = "discover", "download", "extract"
# A nightly run looks back this far before the last good run's start, so a report published on the
# evening of a run (or dated in another timezone) is not missed; what was loaded already is skipped anyway.
NIGHTLY_OVERLAP = timedelta(days=2)
# Files per atomic write. A write costs what it adds plus a fixed ~0.2-0.5 s and a few MB (bench/scale.py), so
# a backfill of a million reports writes 1,000 times, not 20,000; a killed backfill loses at most a batch's
# extraction (its downloads stay in the raw store).
DEFAULT_BATCH_SIZE = 1000
# A file the site answers with its "Report not found" page is asked for on this many runs (it may be being
# replaced), then recorded as permanently gone (failures.gave_up_at) and no longer asked for.
REPORT_NOT_FOUND_ATTEMPTS = 3
WEB_SCHEMES = ("http", "https")


@dataclass(frozen=True)
class Problem:
    stage: str
    target: str
    error: str
    gone: bool = False  # the site says the target no longer exists ("Report not found"): given up after a few runs


@dataclass
class Discovery:
    links: list[ReportLink] = field(default_factory=list)
    providers_visited: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class Fetched:
    link: ReportLink
    stored: StoredFile
    downloaded: bool  # False: the raw store had it already


@dataclass(frozen=True)
class Retries:
    """What the open failures ask this run to try again."""

    provider_urls: list[str] = field(default_factory=list)
    links: list[ReportLink] = field(default_factory=list)
    given_up: set[str] = field(default_factory=set)  # files recorded as permanently gone: never planned again


@dataclass
class BatchOutcome:
    fetched: list[Fetched]
    reports: list[tuple[Report, Provenance]]
    problems: list[Problem]
    result: LoadResult


# --- what the warehouse knows ------------------------------------------------------------------------------


def loaded_file_ids(db: Path) -> set[str]:
    if not db.exists():
        return set()
    with reading(db) as con:
        return known_file_ids(con)


def last_success(db: Path, flow: str) -> datetime | None:
    """When the last run of `flow` that finished (with or without failures to retry) started."""
    if not db.exists():
        return None
    with reading(db) as con:
        (started,) = con.execute(
            "SELECT max(started_at) FROM runs WHERE flow = ? AND status IN (?, ?)", [flow, SUCCEEDED, PARTIAL]
        ).fetchone()
    return started


def nightly_since(last: datetime | None) -> date | None:
    return None if last is None else last.date() - NIGHTLY_OVERLAP


def retries_due(db: Path, store: RawStore) -> Retries:
    """Open failures to try again: provider pages to revisit, report files to fetch or re-extract.

    An extract failure is retried only when the parser has changed since it was loaded (the same parser
    reads the same bytes the same way), and only when it is a report file address: a local file that
    `ofsted ingest` could not read is ingest's to retry, never a download.
    """
    if not db.exists():
        return Retries()
    with reading(db) as con:
        failures = open_failures(con)
        given_up = given_up_targets(con, DOWNLOAD)
        versions = dict(con.execute("SELECT source_url, parser_version FROM reports WHERE source_url IS NOT NULL")
                        .fetchall())
    provider_urls, links = [], []
    for failure in failures:
        if failure.stage == DISCOVER:
            provider_urls.append(failure.target)
        elif failure.stage == DOWNLOAD or (
            failure.stage == EXTRACT and is_web_address(failure.target) and versions.get(failure.target) != PARSER_VERSION
        ):
            links.append(link_for(failure.target, store))
    return Retries(provider_urls, links, {file_id_from_url(url) or url for url in given_up})


def is_web_address(target: str) -> bool:
    return urlsplit(target).scheme in WEB_SCHEMES


def link_for(url: str, store: RawStore) -> ReportLink:
    """A report file's link as the site described it when found, or a bare one when never seen on a page."""
    file_id = file_id_from_url(url)
    meta = store.get_meta(file_id) if file_id else None
    return ReportLink.from_dict(meta) if meta and meta.get("url") == url else ReportLink.bare(url)


# --- discover ----------------------------------------------------------------------------------------------


def provider_type_of(url: str) -> str:
    """The provider type a /provider/<type>/<URN> address belongs to ("" when the type is not one we follow)."""
    return TYPE_OF_PAGE.get(page_type_from_provider_url(url) or "", "")


def in_window(published: date | None, since: date | None, until: date | None) -> bool:
    """Undated reports are always in: better fetched once than missed."""
    if published is None:
        return True
    return (since is None or published >= since) and (until is None or published <= until)


def discover(
    client: PoliteClient,
    types: Sequence[ProviderType],
    since: date | None = None,
    until: date | None = None,
    provider_urls: Iterable[str] = (),
    every_report: bool = False,
) -> Discovery:
    """Report links from the providers of these types whose latest report was published on or after `since`
    (all of them without it), plus the providers named by `provider_urls`. From a listed provider's page come
    its reports published in [since, until], or with `every_report` all of them (the nightly: a report added
    late with an older date is found on the next visit). A search page that fails raises (the run cannot know
    what it missed); a provider page that fails is recorded and retried next run."""
    wanted: dict[str, str] = {}
    for provider_type in types:
        for listing in list_providers(client, provider_type, since):
            if since is None or listing.latest_report is None or listing.latest_report >= since:
                wanted.setdefault(listing.url, listing.provider_type)
    windowed = set() if every_report else set(wanted)
    for url in provider_urls:
        wanted.setdefault(url, provider_type_of(url))
    discovery = Discovery()
    for done, (url, type_key) in enumerate(wanted.items(), start=1):
        try:
            page = fetch_provider(client, url, type_key)
        except (DownloadError, ValueError) as exc:
            discovery.problems.append(Problem(DISCOVER, url, str(exc)))
        else:
            discovery.providers_visited.append(url)
            discovery.links += [r for r in page.reports if url not in windowed or in_window(r.published, since, until)]
        progress.report("providers", done, len(wanted))
    return discovery


# --- plan --------------------------------------------------------------------------------------------------


def plan(links: Iterable[ReportLink], loaded: set[str], retry: Iterable[ReportLink] = ()) -> list[ReportLink]:
    """Each file once (by file id, or address when it has none), leaving out files already loaded; retries
    are kept even when loaded (a re-extract), and a link found on a page wins over a retry's bare one."""
    chosen: dict[str, ReportLink] = {}
    for link in links:
        key = link.file_id or link.url
        if key not in loaded:
            chosen.setdefault(key, link)
    for link in retry:
        chosen.setdefault(link.file_id or link.url, link)
    return list(chosen.values())


def batches_of(items: Sequence, size: int) -> list[list]:
    return [list(items[start : start + size]) for start in range(0, len(items), size)]


# --- fetch -------------------------------------------------------------------------------------------------


def fetch_one(client: PoliteClient, store: RawStore, link: ReportLink) -> Fetched:
    if link.file_id:
        store.put_meta(link.file_id, link.to_dict())
        stored = store.get(link.file_id)
        if stored is not None:
            return Fetched(link, stored, downloaded=False)
    data = fetch_report_file(client, link.url)
    return Fetched(link, store.put(data, link.file_id), downloaded=True)


def fetch(
    client: PoliteClient, store: RawStore, links: Sequence[ReportLink], on_done: Callable[[int], None] | None = None
) -> tuple[list[Fetched], list[Problem]]:
    """Fetch every link on the client's download threads (the rate limit is shared); failures are returned."""
    fetched, problems = [], []

    def attempt(link: ReportLink) -> Fetched | Problem:
        try:
            return fetch_one(client, store, link)
        except DownloadError as exc:
            return Problem(DOWNLOAD, link.url, str(exc), gone=isinstance(exc, ReportNotFound))

    with ThreadPoolExecutor(max_workers=client.config.download_threads, thread_name_prefix="download") as pool:
        for done, outcome in enumerate(pool.map(attempt, links), start=1):
            (problems if isinstance(outcome, Problem) else fetched).append(outcome)
            if on_done:
                on_done(done)
    return fetched, problems


# --- extract -----------------------------------------------------------------------------------------------


def extract(fetched: Sequence[Fetched], workers: int | None = None) -> list[tuple[Report, Provenance]]:
    reports = extract_paths([f.stored.path for f in fetched], workers=workers)
    return [(report, item.link.provenance()) for report, item in zip(reports, fetched)]


# --- load --------------------------------------------------------------------------------------------------


def extract_problems(items: Sequence[tuple[Report, Provenance]]) -> list[Problem]:
    return [
        Problem(EXTRACT, provenance.source_url or report.path, report.error or report.status.value)
        for report, provenance in items
        if not report.ok
    ]


def load(
    db: Path,
    run_id: str,
    items: Sequence[tuple[Report, Provenance]],
    problems: Sequence[Problem],
    worked: dict[str, Iterable[str]],
) -> LoadResult:
    """One atomic write: the reports, every problem as a failure, and the failures that worked this time."""
    frames = reports_to_frames(items)
    with writing(db) as con:
        result = load_frames(con, frames)
        for problem in problems:
            record_failure(con, run_id, problem.stage, problem.target, problem.error,
                           give_up_after=REPORT_NOT_FOUND_ATTEMPTS if problem.gone else None)
        for stage, targets in worked.items():
            resolve_failures(con, stage, targets)
    return result


def worked_targets(
    discovery: Discovery | None, fetched: Sequence[Fetched], items: Sequence[tuple[Report, Provenance]]
) -> dict[str, list[str]]:
    return {
        DISCOVER: discovery.providers_visited if discovery else [],
        DOWNLOAD: [f.link.url for f in fetched],
        EXTRACT: [p.source_url for r, p in items if r.ok and p.source_url],
    }
