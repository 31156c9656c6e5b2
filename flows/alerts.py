"""Automations that tell people what happened, through a Prefect notification block (Slack, Microsoft Teams,
e-mail, any webhook); docs/operations-prefect.md shows how to set them up:

- `follow_new_reports`: each `ofsted.report.loaded` event (flows/announce.py), optionally only for the local
  authorities an analyst follows;
- `alert_on_failed_runs`: each nightly, refresh or backfill run that ends Failed (some reports failed, or the
  run stopped; flows/outcome.py) or Crashed (the worker could not start it; flows/pull_steps.py).

    from prefect.blocks.notifications import SlackWebhook
    from flows.alerts import alert_on_failed_runs, follow_new_reports

    slack = SlackWebhook(url="https://hooks.slack.com/services/...")
    slack.save("ofsted-alerts", overwrite=True)
    follow_new_reports(slack, la_codes=["383", "380"])  # Leeds and Bradford; no la_codes: every report
    alert_on_failed_runs(slack)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from flows.announce import REPORT_LOADED, RESOURCE_PREFIX

if TYPE_CHECKING:
    from prefect.automations import Automation
    from prefect.blocks.core import Block

AUTOMATION_NAME = "ofsted: new inspection reports"
FAILED_RUNS_NAME = "ofsted: failed runs"
SITE_FLOWS = ("nightly", "refresh", "backfill")
# The flow-run state events an alert on failed runs expects: Prefect names them after the state.
FAILED_RUN_EVENTS = {"prefect.flow-run.Failed", "prefect.flow-run.Crashed"}
LA_CODE_LABEL = "ofsted.la-code"
# Prefect renders these with the triggering event (Jinja): the payload's fields are flows/announce.py's.
SUBJECT = "New Ofsted report: {{ event.payload.provider }}"
BODY = (
    "{{ event.payload.provider }}{% if event.payload.la_code %} (LA {{ event.payload.la_code }}){% endif %}: "
    "{{ event.payload.kind }}, published {{ event.payload.published }}, framework {{ event.payload.framework }}, "
    "overall {{ event.payload.overall }}.\n"
    "{% if event.payload.quotation %}\"{{ event.payload.quotation }}\" (page {{ event.payload.quotation_page }})\n"
    "{% endif %}{{ event.payload.url }}"
)
FAILED_SUBJECT = "Ofsted pipeline: {{ flow.name }} run {{ flow_run.name }} {{ flow_run.state.name }}"
FAILED_BODY = (
    "{{ flow.name }} run {{ flow_run.name }} ended {{ flow_run.state.name }}: {{ flow_run.state.message }}\n"
    "Its {{ flow.name }}-summary artifact lists what failed; the next run retries it."
)


def new_report_automation(block_document_id, la_codes: Sequence[str] | None = None,
                          name: str = AUTOMATION_NAME) -> Automation:
    """The automation, not yet saved: every `ofsted.report.loaded` (of these authorities, when given) is sent
    through the notification block with this id."""
    from prefect.automations import Automation, EventTrigger, Posture, SendNotification

    match = {"prefect.resource.id": f"{RESOURCE_PREFIX}*"}
    if la_codes:
        match[LA_CODE_LABEL] = list(la_codes)
    scope = f"reports of LA {', '.join(la_codes)}" if la_codes else "every new report"
    return Automation(
        name=name,
        description=f"Posts each {REPORT_LOADED} event ({scope}) through a notification block.",
        trigger=EventTrigger(expect={REPORT_LOADED}, match=match, posture=Posture.Reactive, threshold=1, within=0),
        actions=[SendNotification(block_document_id=block_document_id, subject=SUBJECT, body=BODY)],
    )


def failed_run_automation(block_document_id, name: str = FAILED_RUNS_NAME) -> Automation:
    """The automation, not yet saved: every run of a site flow that ends Failed or Crashed is sent through the
    notification block with this id."""
    from prefect.automations import Automation, EventTrigger, Posture, SendNotification

    return Automation(
        name=name,
        description=f"Posts each {', '.join(SITE_FLOWS)} run that ends Failed or Crashed through a notification block.",
        trigger=EventTrigger(
            expect=FAILED_RUN_EVENTS,
            match={"prefect.resource.id": "prefect.flow-run.*"},
            match_related={"prefect.resource.role": "flow", "prefect.resource.name": list(SITE_FLOWS)},
            posture=Posture.Reactive, threshold=1, within=0,
        ),
        actions=[SendNotification(block_document_id=block_document_id, subject=FAILED_SUBJECT, body=FAILED_BODY)],
    )


def follow_new_reports(block: Block, la_codes: Sequence[str] | None = None, name: str = AUTOMATION_NAME
                       ) -> Automation:
    """Create the new-report automation for a saved notification block, replacing one of the same name."""
    return replace_automation(new_report_automation(block_id(block), la_codes, name))


def alert_on_failed_runs(block: Block, name: str = FAILED_RUNS_NAME) -> Automation:
    """Create the failed-run automation for a saved notification block, replacing one of the same name."""
    return replace_automation(failed_run_automation(block_id(block), name))


def block_id(block: Block):
    if block._block_document_id is None:
        raise ValueError("save the notification block first (block.save('a-name')), then make the automation")
    return block._block_document_id


def replace_automation(automation: Automation) -> Automation:
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        for earlier in client.read_automations_by_name(automation.name):
            client.delete_automation(earlier.id)
    return automation.create()
