"""Where a site flow's extraction runs: on this machine's cores (default), or a Dask cluster via prefect-dask.

    OFSTED_TASK_RUNNER=dask                          a temporary Dask cluster on this machine
    OFSTED_TASK_RUNNER=dask OFSTED_DASK_ADDRESS=tcp://scheduler:8786    an existing cluster

Only extraction goes to Dask (as chunks of PDF bytes, so workers need no access to the raw store); discovery,
downloads and the warehouse write stay in the flow's own process.
"""

from __future__ import annotations

from extract.web.config import ConfigError
from flows.settings import Settings


def with_task_runner(flow_object, settings: Settings):
    if settings.task_runner != "dask":
        return flow_object
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError:
        raise ConfigError(
            'OFSTED_TASK_RUNNER=dask needs prefect-dask: pip install -e ".[dask]" (or unset OFSTED_TASK_RUNNER)'
        ) from None
    runner = DaskTaskRunner(address=settings.dask_address) if settings.dask_address else DaskTaskRunner()
    return flow_object.with_options(task_runner=runner)
