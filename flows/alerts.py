"""An automation that tells people when a new report is loaded: each `ofsted.report.loaded` event (flows/announce.py)
is sent through a Prefect notification block (Slack, Microsoft Teams, e-mail, any webhook), optionally only for
the local authorities an analyst follows. docs/operations-prefect.md shows how to set one up:

    from prefect.blocks.notifications import SlackWebhook
    from flows.alerts import follow_new_reports

    slack = SlackWebhook(url="https://hooks.slack.com/services/...")
    slack.save("ofsted-new-reports", overwrite=True)
    follow_new_reports(slack, la_codes=["383", "380"])  # Leeds and Bradford; no la_codes: every report
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from flows.announce import REPORT_LOADED, RESOURCE_PREFIX

if TYPE_CHECKING:
    from prefect.automations import Automation
    from prefect.blocks.core import Block

AUTOMATION_NAME = "ofsted: new inspection reports"
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


def follow_new_reports(block: Block, la_codes: Sequence[str] | None = None, name: str = AUTOMATION_NAME
                       ) -> Automation:
    """Create the automation for a saved notification block, replacing any earlier one of the same name."""
    from prefect.client.orchestration import get_client

    if block._block_document_id is None:
        raise ValueError("save the notification block first (block.save('a-name')), then follow new reports with it")
    with get_client(sync_client=True) as client:
        for earlier in client.read_automations_by_name(name):
            client.delete_automation(earlier.id)
    return new_report_automation(block._block_document_id, la_codes, name).create()
