"""Deployments of the site flows served by `ofsted serve` (one long-running process, no work pool).

prefect.yaml holds the same four for a work pool (`prefect deploy --all`) under their plain names
(`nightly/nightly`, `nightly/weekly-sweep`, `refresh/manual`, `backfill/manual`); the served ones carry the
suffix `-served`, so that the two can live on one Prefect server: deploying never takes over a served
deployment, serve never runs a pool's, and stopping serve pauses only its own schedules.

- `nightly/nightly-served`: the nightly flow on a cron schedule, by default 02:00 Europe/London;
- `nightly/weekly-sweep-served`: the same flow with full=True every Sunday at 03:00: every provider page is
  visited, so a report added late with an older publication date is loaded within a week;
- `refresh/manual-served`: the refresh flow, no schedule, run by hand:
      prefect deployment run 'refresh/manual-served' -p urn=80481
      prefect deployment run 'refresh/manual-served' -p url=https://files.ofsted.gov.uk/v1/file/50282345
- `backfill/manual-served`: the backfill flow, run by hand.
"""

from __future__ import annotations

from extract.web.site import DEFAULT_PROVIDER_TYPES
from flows.backfill import backfill
from flows.nightly import nightly
from flows.refresh import refresh
from flows.settings import NIGHTLY_CRON, NIGHTLY_TIMEZONE, SWEEP_CRON

# The names prefect.yaml gives its deployments (a test keeps the two in step); serve adds SERVED_SUFFIX.
NIGHTLY_DEPLOYMENT = "nightly"
SWEEP_DEPLOYMENT = "weekly-sweep"
REFRESH_DEPLOYMENT = "manual"
BACKFILL_DEPLOYMENT = "manual"
SERVED_SUFFIX = "-served"


def served(name: str) -> str:
    return f"{name}{SERVED_SUFFIX}"


def build_deployments(cron: str = NIGHTLY_CRON, timezone: str = NIGHTLY_TIMEZONE,
                      types: list[str] | None = None) -> list:
    from prefect.schedules import Cron

    types = list(types or DEFAULT_PROVIDER_TYPES)
    return [
        nightly.to_deployment(
            name=served(NIGHTLY_DEPLOYMENT), schedule=Cron(cron, timezone=timezone), parameters={"types": types},
            description=f"What Ofsted published since the last good run, every day at {cron} ({timezone}).",
        ),
        nightly.to_deployment(
            name=served(SWEEP_DEPLOYMENT), schedule=Cron(SWEEP_CRON, timezone=timezone),
            parameters={"types": types, "full": True},
            description=f"Every provider page of the types, for reports added late with older dates ({SWEEP_CRON}, "
            f"{timezone}).",
        ),
        refresh.to_deployment(
            name=served(REFRESH_DEPLOYMENT),
            description=f"One provider or report now: prefect deployment run 'refresh/{served(REFRESH_DEPLOYMENT)}' "
            "-p urn=80481",
        ),
        backfill.to_deployment(
            name=served(BACKFILL_DEPLOYMENT),
            description=f"History by date range: prefect deployment run 'backfill/{served(BACKFILL_DEPLOYMENT)}' "
            "-p since=2019-01-01",
        ),
    ]


def serve_forever(cron: str = NIGHTLY_CRON, timezone: str = NIGHTLY_TIMEZONE, types: list[str] | None = None) -> None:
    """Serve the deployments until interrupted (blocks); on the way out Prefect pauses their schedules (only
    theirs: nobody would run what they schedule)."""
    from prefect import serve

    serve(*build_deployments(cron, timezone, types))
