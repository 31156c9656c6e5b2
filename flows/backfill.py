"""The backfill flow: years of history, by publication date range and provider types. Resumable: files already
in the warehouse are skipped and files already in the raw store are not downloaded again, so a backfill
stopped part-way (each batch is one atomic write) carries on where it stopped when run again.

Extraction runs on all cores; with OFSTED_TASK_RUNNER=dask it is spread over a Dask cluster instead
(`pip install -e ".[dask]"`; OFSTED_DASK_ADDRESS=tcp://scheduler:8786, or a temporary local cluster).

A run in which any provider page or report failed ends Failed in Prefect (flows/outcome.py); a backfill
announces no new reports.
"""

from __future__ import annotations

from datetime import date

from prefect import flow

from extract.web.download import PoliteClient
from extract.web.reachability import check_reachable
from extract.web.site import DEFAULT_PROVIDER_TYPES, provider_types
from flows import site_steps, site_tasks
from flows.outcome import final_state
from flows.runners import flow_task_runner
from flows.settings import Settings
from flows.site_tasks import RunSummary

FLOW_NAME = "backfill"


class DateRangeInvalid(ValueError):
    """The backfill's --since is after its --until."""


def window_of(since: date | None, until: date | None) -> str:
    if since and until and since > until:
        raise DateRangeInvalid(f"--since {since} is after --until {until}: nothing could match")
    return f"published {since or 'any time'} to {until or 'today'}"


@flow(name=FLOW_NAME, task_runner=flow_task_runner())
def backfill(since: date | None = None, until: date | None = None,
             types: list[str] = list(DEFAULT_PROVIDER_TYPES),
             batch_size: int = site_steps.DEFAULT_BATCH_SIZE) -> RunSummary:
    """Load every report of these provider types published between since and until (inclusive)."""
    settings = Settings.from_env()
    kinds = provider_types(types)
    window = window_of(since, until)
    summary = RunSummary(FLOW_NAME, site_tasks.begin_run(settings.db, FLOW_NAME, window), window)
    try:
        check_reachable(settings.site)  # offline: one clear line in seconds, not minutes of retries
        retries = site_tasks.retries_due(settings)
        loaded = site_steps.loaded_file_ids(settings.db)
        with PoliteClient(settings.site) as client:
            discovery = site_tasks.discover(client, kinds, since, until, retries.provider_urls)
            links = site_steps.plan(discovery.links, loaded | retries.given_up, retries.links)
            summary.providers_visited, summary.found = len(discovery.providers_visited), len(discovery.links)
            site_tasks.process(settings, client, summary, discovery, links, loaded, batch_size)
    except BaseException as exc:
        site_tasks.fail_run(settings.db, summary, exc)
        raise
    site_tasks.end_run(settings.db, summary)
    site_tasks.publish_summary(summary)
    return final_state(summary)
