"""The refresh flow: one provider (by URN or provider page address) or one report file address, now.

Everything the provider page lists that the warehouse lacks is fetched; a report file address is fetched even
when its id is not on any page. Addresses outside the configured Ofsted hosts are refused before any request.

Each new report is announced as an `ofsted.report.loaded` Prefect event (flows/announce.py); a run in which
any provider page or report failed ends Failed in Prefect (flows/outcome.py).
"""

from __future__ import annotations

from prefect import flow

from extract.web.config import SiteConfig
from extract.web.download import PoliteClient, require_allowed
from extract.web.reachability import check_reachable
from extract.web.site import PROVIDER_TYPES, file_id_from_url, provider_url, urn_from_provider_url
from extract.web.urns import InvalidUrn
from flows import site_steps, site_tasks
from flows.outcome import final_state
from flows.runners import flow_task_runner
from flows.settings import Settings
from flows.site_tasks import RunSummary

FLOW_NAME = "refresh"


class RefreshRequestInvalid(ValueError):
    """What was asked to refresh is not a URN, a provider page or a report file address; the message says why."""


def target_url(config: SiteConfig, urn: str | None, url: str | None, provider_type: str) -> str:
    """The address to refresh: a provider page for a URN, else the URL given, checked before any request."""
    if (urn is None) == (url is None):
        raise RefreshRequestInvalid("give exactly one of a URN or a URL to refresh")
    if urn is not None:
        if provider_type not in PROVIDER_TYPES:
            raise RefreshRequestInvalid(f"unknown provider type {provider_type!r}; choose from {', '.join(PROVIDER_TYPES)}")
        try:
            return provider_url(config, PROVIDER_TYPES[provider_type], urn)
        except InvalidUrn as exc:
            raise RefreshRequestInvalid(str(exc)) from None
    require_allowed(url, config)
    if urn_from_provider_url(url) is None and file_id_from_url(url) is None:
        raise RefreshRequestInvalid(
            f"{url} is neither a provider page (/provider/<type>/<URN>) nor a report file (/v1/file/<id>)"
        )
    return url


@flow(name=FLOW_NAME, task_runner=flow_task_runner())
def refresh(urn: str | int | None = None, url: str | None = None, provider_type: str = "la") -> RunSummary:
    """Refresh one provider (urn, or url of its page) or one report file (url) now.

    A URN of digits may come as a number: `prefect deployment run 'refresh/manual' -p urn=80481` sends 80481
    as JSON's integer, and it is read as the text "80481" (a URN with a leading zero or letters stays text)."""
    urn = None if urn is None else str(urn)
    settings = Settings.from_env()
    target = target_url(settings.site, urn, url, provider_type)
    summary = RunSummary(FLOW_NAME, site_tasks.begin_run(settings.db, FLOW_NAME, target), target)
    try:
        check_reachable(settings.site)  # offline: one clear line in seconds, not minutes of retries
        loaded = site_steps.loaded_file_ids(settings.db)
        with PoliteClient(settings.site) as client:
            if urn_from_provider_url(target) is not None:
                discovery = site_tasks.discover(client, [], None, None, [target])
                links = site_steps.plan(discovery.links, loaded)
                summary.providers_visited, summary.found = len(discovery.providers_visited), len(discovery.links)
            else:
                discovery = None
                links = site_steps.plan([], loaded, [site_steps.link_for(target, settings.raw_store())])
                summary.found = 1
            site_tasks.process(settings, client, summary, discovery, links, loaded, announce_new=True)
    except BaseException as exc:
        site_tasks.fail_run(settings.db, summary, exc)
        raise
    site_tasks.end_run(settings.db, summary)
    site_tasks.publish_summary(summary)
    return final_state(summary)
