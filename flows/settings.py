"""What a site flow needs to know, from environment variables (see `ofsted --help`): where the warehouse and raw
files live, how to reach the site, where extraction runs, and when the nightly job is scheduled.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from extract.web.config import ConfigError, SiteConfig
from extract.web.rawstore import RawStore
from warehouse import config as warehouse_config

RAW_FOLDER = "raw"
NIGHTLY_CRON = "0 2 * * *"
NIGHTLY_TIMEZONE = "Europe/London"
# The weekly sweep (the nightly flow with full=True) visits every provider page, for reports added late with
# older dates: Sunday 03:00, clear of the 02:00 nightly.
SWEEP_CRON = "0 3 * * 0"
TASK_RUNNERS = ("local", "dask")


@dataclass(frozen=True)
class Settings:
    db: Path
    raw: Path
    site: SiteConfig = field(default_factory=SiteConfig)
    workers: int | None = None  # extraction processes; None: all cores
    task_runner: str = "local"  # "dask": extraction chunks go to a Dask cluster (flows/runners.py)
    dask_address: str | None = None  # a running scheduler (tcp://host:8786); None: a temporary local cluster

    @classmethod
    def from_env(cls) -> Settings:
        environ = os.environ
        task_runner = environ.get("OFSTED_TASK_RUNNER") or "local"
        if task_runner not in TASK_RUNNERS:
            raise ConfigError(f"OFSTED_TASK_RUNNER must be one of {', '.join(TASK_RUNNERS)}, got {task_runner!r}")
        workers = environ.get("OFSTED_WORKERS")
        if workers is not None and (not workers.isdigit() or int(workers) < 1):
            raise ConfigError(f"OFSTED_WORKERS must be a whole number of at least 1, got {workers!r}")
        return cls(
            db=warehouse_config.db_path(),
            raw=warehouse_config.home() / RAW_FOLDER,
            site=SiteConfig.from_env(environ),
            workers=int(workers) if workers else None,
            task_runner=task_runner,
            dask_address=environ.get("OFSTED_DASK_ADDRESS") or None,
        )

    def raw_store(self) -> RawStore:
        return RawStore(self.raw)
