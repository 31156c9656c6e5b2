"""Deployments of the site flows, for `ofsted serve` (one long-running process) and prefect.yaml (work pools).

- `nightly/nightly`: the nightly flow on a cron schedule, by default 02:00 Europe/London;
- `nightly/weekly-sweep`: the same flow with full=True every Sunday at 03:00: every provider page is visited,
  so a report added late with an older publication date is loaded within a week;
- `refresh/manual`: the refresh flow, no schedule, run by hand:
      prefect deployment run 'refresh/manual' -p urn=80481
      prefect deployment run 'refresh/manual' -p url=https://files.ofsted.gov.uk/v1/file/50282345
"""

from __future__ import annotations

from extract.web.site import DEFAULT_PROVIDER_TYPES
from flows.backfill import backfill
from flows.nightly import nightly
from flows.refresh import refresh
from flows.settings import NIGHTLY_CRON, NIGHTLY_TIMEZONE, SWEEP_CRON

NIGHTLY_DEPLOYMENT = "nightly"
SWEEP_DEPLOYMENT = "weekly-sweep"
REFRESH_DEPLOYMENT = "manual"
BACKFILL_DEPLOYMENT = "manual"


def build_deployments(cron: str = NIGHTLY_CRON, timezone: str = NIGHTLY_TIMEZONE,
                      types: list[str] | None = None) -> list:
    from prefect.schedules import Cron

    types = list(types or DEFAULT_PROVIDER_TYPES)
    return [
        nightly.to_deployment(
            name=NIGHTLY_DEPLOYMENT, schedule=Cron(cron, timezone=timezone), parameters={"types": types},
            description=f"What Ofsted published since the last good run, every day at {cron} ({timezone}).",
        ),
        nightly.to_deployment(
            name=SWEEP_DEPLOYMENT, schedule=Cron(SWEEP_CRON, timezone=timezone),
            parameters={"types": types, "full": True},
            description=f"Every provider page of the types, for reports added late with older dates ({SWEEP_CRON}, "
            f"{timezone}).",
        ),
        refresh.to_deployment(
            name=REFRESH_DEPLOYMENT,
            description="One provider or report now: prefect deployment run 'refresh/manual' -p urn=80481",
        ),
        backfill.to_deployment(
            name=BACKFILL_DEPLOYMENT,
            description="History by date range: prefect deployment run 'backfill/manual' -p since=2019-01-01",
        ),
    ]


def serve_forever(cron: str = NIGHTLY_CRON, timezone: str = NIGHTLY_TIMEZONE, types: list[str] | None = None) -> None:
    """Serve the deployments until interrupted (blocks)."""
    from prefect import serve

    serve(*build_deployments(cron, timezone, types))
