"""The nightly flow: what Ofsted published since the last good nightly run -> the warehouse.

Discovery asks each provider type's search listing for providers whose latest report was published on or
after that run (less a small overlap), newest first (`latest_report_date_start`, `sort=date&order=desc`), and
stops paging when dates fall behind; it visits those providers' pages, plus every provider page that failed
last time. On each page it visits, every report the warehouse lacks is loaded, whatever its date; files that
failed last time are tried again, except those the site has said are gone on several runs. A first run, with
no earlier one, takes everything.

A report the site adds late with an older publication date is found the next time its provider's page is
visited; the weekly sweep (`full=True`, `ofsted nightly --full`) visits every provider page of the types so
that nothing waits longer than a week.

Each new report is announced as an `ofsted.report.loaded` Prefect event (flows/announce.py); a run in which
any provider page or report failed ends Failed in Prefect (flows/outcome.py).
"""

from __future__ import annotations

from prefect import flow

from extract.web.download import PoliteClient
from extract.web.reachability import check_reachable
from extract.web.site import DEFAULT_PROVIDER_TYPES, provider_types
from flows import site_steps, site_tasks
from flows.outcome import final_state
from flows.runners import flow_task_runner
from flows.settings import Settings
from flows.site_tasks import RunSummary

FLOW_NAME = "nightly"


@flow(name=FLOW_NAME, task_runner=flow_task_runner())
def nightly(types: list[str] = list(DEFAULT_PROVIDER_TYPES), full: bool = False) -> RunSummary:
    """Load every report published since the last good nightly run (with full: visit every provider page),
    and retry what failed last time."""
    settings = Settings.from_env()
    kinds = provider_types(types)
    since = None if full else site_steps.nightly_since(site_steps.last_success(settings.db, FLOW_NAME))
    window = f"providers with a report published on or after {since}" if since else (
        "every provider page (full sweep)" if full else "everything (first nightly run)")
    summary = RunSummary(FLOW_NAME, site_tasks.begin_run(settings.db, FLOW_NAME, window), window)
    try:
        check_reachable(settings.site)  # offline: one clear line in seconds, not minutes of retries
        retries = site_tasks.retries_due(settings)
        loaded = site_steps.loaded_file_ids(settings.db)
        with PoliteClient(settings.site) as client:
            discovery = site_tasks.discover(client, kinds, since, None, retries.provider_urls, every_report=True)
            links = site_steps.plan(discovery.links, loaded | retries.given_up, retries.links)
            summary.providers_visited, summary.found = len(discovery.providers_visited), len(discovery.links)
            site_tasks.process(settings, client, summary, discovery, links, loaded, announce_new=True)
    except BaseException as exc:
        site_tasks.fail_run(settings.db, summary, exc)
        raise
    site_tasks.end_run(settings.db, summary)
    site_tasks.write_trend_report(settings.db, summary)
    site_tasks.publish_summary(summary)
    return final_state(summary)
