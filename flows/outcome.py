"""How a site run (nightly, refresh, backfill) ends in Prefect, and what a caller in Python gets back.

A run in which any provider page or report failed ends in Prefect's `Failed` state (named "Failed", so its
event is `prefect.flow-run.Failed`): the state that Prefect's flow-run-state automations and notifications
match when they alert on failed runs, that `prefect deployment run --watch` exits non-zero on and that the UI
shows red. Its message counts the failures and names the first; the run's `<flow>-summary` artifact lists them
all. A run that failed only in part still records its reports and is `partial` in the warehouse's `runs`
table; the next run retries what failed. A run stopped by an error (site offline, a bad setting) raises it,
and ends Failed with that error as its message.

Called in Python, a run with failures raises `ReportsFailed`, which carries the summary: `summary_of_run`
returns the summary whichever way the run ended.
"""

from __future__ import annotations

from collections.abc import Callable

from flows.site_tasks import RunSummary


class ReportsFailed(Exception):
    """The run went to the end, but some provider pages or reports failed; `summary` has everything it did."""

    def __init__(self, summary: RunSummary):
        super().__init__(failure_message(summary))
        self.summary = summary

    def __reduce__(self):  # pickled with its summary (Prefect may serialise a state's data)
        return (ReportsFailed, (self.summary,))


def failure_message(summary: RunSummary) -> str:
    first = summary.problems[0]
    return (
        f"{summary.flow}: {len(summary.problems)} failed (listed in the '{summary.flow}-summary' artifact, retried "
        f"by the next run); first: {first.stage} {first.target}: {first.error}"
    )


def final_state(summary: RunSummary):
    """What the flow returns: its summary (Completed) when nothing failed, else a Failed state carrying it."""
    if not summary.problems:
        return summary
    from prefect.states import Failed

    error = ReportsFailed(summary)
    return Failed(message=str(error), data=error)


def summary_of_run(flow: Callable[..., RunSummary], **parameters) -> RunSummary:
    """Run a site flow in this process and return its summary, whether or not some of its reports failed."""
    try:
        return flow(**parameters)
    except ReportsFailed as failed:
        return failed.summary
