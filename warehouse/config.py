"""Where the warehouse lives: OFSTED_DB, else OFSTED_HOME/ofsted.duckdb, else ./data/ofsted.duckdb."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_HOME = "data"
DB_FILE_NAME = "ofsted.duckdb"


def home() -> Path:
    return Path(os.environ.get("OFSTED_HOME") or DEFAULT_HOME)


def db_path() -> Path:
    configured = os.environ.get("OFSTED_DB")
    return Path(configured) if configured else home() / DB_FILE_NAME
