"""The nightly flow: what Ofsted published since the last good nightly run -> the warehouse.

Discovery walks the search listing of each provider type and visits only providers whose latest report is
dated on or after that run (less a small overlap), plus every provider page and file that failed last time;
only files not yet in the warehouse are downloaded. A first run, with no earlier one, takes everything.
"""

from __future__ import annotations

from prefect import flow

from extract.web.download import PoliteClient
from extract.web.site import DEFAULT_PROVIDER_TYPES, provider_types
from flows import site_steps, site_tasks
from flows.runners import flow_task_runner
from flows.settings import Settings
from flows.site_tasks import RunSummary

FLOW_NAME = "nightly"


@flow(name=FLOW_NAME, task_runner=flow_task_runner())
def nightly(types: list[str] = list(DEFAULT_PROVIDER_TYPES)) -> RunSummary:
    """Load every report published since the last good nightly run, and retry what failed last time."""
    settings = Settings.from_env()
    kinds = provider_types(types)
    since = site_steps.nightly_since(site_steps.last_success(settings.db, FLOW_NAME))
    window = f"published on or after {since}" if since else "everything (first nightly run)"
    summary = RunSummary(FLOW_NAME, site_tasks.begin_run(settings.db, FLOW_NAME, window), window)
    try:
        retries = site_tasks.retries_due(settings)
        loaded = site_steps.loaded_file_ids(settings.db)
        with PoliteClient(settings.site) as client:
            discovery = site_tasks.discover(client, kinds, since, None, retries.provider_urls)
            links = site_steps.plan(discovery.links, loaded, retries.links)
            summary.providers_visited, summary.found = len(discovery.providers_visited), len(discovery.links)
            site_tasks.process(settings, client, summary, discovery, links, loaded)
    except BaseException as exc:
        site_tasks.fail_run(settings.db, summary, exc)
        raise
    site_tasks.end_run(settings.db, summary)
    site_tasks.write_trend_report(settings.db, summary)
    site_tasks.publish_summary(summary)
    return summary
