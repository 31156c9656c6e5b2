"""Settings Prefect needs before it is imported, for flows run from the CLI without a Prefect server.

With no server configured Prefect starts a temporary one (10-20 s for the first flow run in a process), and
phones home unless told not to. Values already set in the environment win.
"""

from __future__ import annotations

import os

DEFAULTS = {
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
}


def apply_defaults() -> None:
    for name, value in DEFAULTS.items():
        os.environ.setdefault(name, value)
