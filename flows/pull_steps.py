"""The pull step of prefect.yaml's deployments: what a work pool's flow run does before it loads its flow.

A process worker starts each flow run in a temporary folder. The run enters the project's checkout, named by
OFSTED_PROJECT_DIR on the worker (the entrypoints flows/*.py and a relative OFSTED_HOME are found from there),
and checks the settings the flows read. A setting that is missing or wrong ends the run at once, before any
work, in a Crashed state whose message is one line naming the setting and what to do; the same line goes to
the worker's output.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from extract.web.config import ConfigError

PROJECT_DIR_VARIABLE = "OFSTED_PROJECT_DIR"
FLOW_RUN_VARIABLE = "PREFECT__FLOW_RUN_ID"  # set by Prefect in a flow run's process
# What marks a checkout of this project: the deployments' entrypoints live here.
PROJECT_MARKER = Path("flows") / "nightly.py"


def project_dir(environ: dict[str, str]) -> Path:
    """The checkout OFSTED_PROJECT_DIR names, or a ConfigError saying what to set."""
    value = environ.get(PROJECT_DIR_VARIABLE, "")
    if not value:
        raise ConfigError(
            f"{PROJECT_DIR_VARIABLE} is not set on the worker: set it to this project's checkout (the folder "
            f"with prefect.yaml) and start the worker again, e.g. {PROJECT_DIR_VARIABLE}=/srv/ofsted-reports "
            "prefect worker start --pool ofsted"
        )
    path = Path(value).expanduser()
    if not (path / PROJECT_MARKER).is_file():
        raise ConfigError(
            f"{PROJECT_DIR_VARIABLE}={value} is not a checkout of this project (no {PROJECT_MARKER} there): set it "
            "to the folder with prefect.yaml and start the worker again"
        )
    return path.resolve()


def enter_project_dir() -> dict[str, str]:
    """prefect.yaml's pull step: enter OFSTED_PROJECT_DIR and check the flows' settings, or end the run."""
    from flows.settings import Settings

    try:
        path = project_dir(os.environ)
        os.chdir(path)
        Settings.from_env()  # after entering the checkout: a relative OFSTED_HOME is read from there
    except ConfigError as exc:
        print(f"ofsted: {exc}", file=sys.stderr)
        end_run_crashed(str(exc))
        raise
    return {"directory": str(path)}


def end_run_crashed(message: str) -> None:
    """Put the message where the operator looks: the flow run's state (Crashed, as a broken worker set-up is)."""
    flow_run_id = os.environ.get(FLOW_RUN_VARIABLE)
    if not flow_run_id:  # not inside a flow run: the raised error says it
        return
    from prefect.client.orchestration import get_client
    from prefect.states import Crashed

    with get_client(sync_client=True) as client:
        client.set_flow_run_state(flow_run_id, Crashed(message=message), force=True)
