"""People hear about new inspections: each new report a nightly or refresh loads becomes a Prefect event.

The event, `ofsted.report.loaded`, is sent once the report's batch is committed to the warehouse, so whoever
it reaches can query the report at once. Its resource carries the labels an automation matches on (for the
authorities an analyst follows: `ofsted.la-code`, `ofsted.urn`, ...); its payload carries what a message
says: the provider and its codes, the framework, the overall grade (else the outcome of an ungraded
inspection), the report's address and its top key quotation with its page. docs/operations-prefect.md shows
an automation that posts it through a notification block (flows/alerts.py builds one).

Every new report is announced, also one the parser could not read (`status` says so, and the grade is then
missing): an inspection published is news even before it can be read. A backfill announces nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE

from warehouse.snapshot import reading
from warehouse.state import ReportNotice, report_notices

REPORT_LOADED = "ofsted.report.loaded"
RESOURCE_PREFIX = "ofsted.report."
# Resource labels (matchable by automations) and the notice's fields they come from.
LABELS = {
    "ofsted.urn": "urn",
    "ofsted.la-code": "la_code",
    "ofsted.ons-code": "ons_code",
    "ofsted.region": "region",
    "ofsted.provider-type": "provider_type",
    "ofsted.kind": "kind",
    "ofsted.framework": "framework",
    "ofsted.overall": "overall",
    "ofsted.status": "status",
}


def notice_to_event(notice: ReportNotice) -> dict[str, Any]:
    """The keyword arguments of prefect.events.emit_event for one loaded report."""
    resource = {
        "prefect.resource.id": f"{RESOURCE_PREFIX}{notice.report_id}",
        "prefect.resource.name": f"{notice.provider_name or 'Unknown provider'}: {notice.kind or 'report'}",
    }
    resource |= {label: str(getattr(notice, name)) for label, name in LABELS.items() if getattr(notice, name)}
    quotation = notice.top_quotation
    payload = {
        "provider": notice.provider_name,
        "urn": notice.urn,
        "la_code": notice.la_code,
        "ons_code": notice.ons_code,
        "region": notice.region,
        "kind": notice.kind,
        "framework": notice.framework,
        "overall": notice.overall,
        "status": notice.status,
        "published": notice.published.isoformat() if notice.published else None,
        "inspection_end": notice.inspection_end.isoformat() if notice.inspection_end else None,
        "url": notice.source_url,
        "file_id": notice.file_id,
        "report_id": notice.report_id,
        "quotation": quotation.text if quotation else None,
        "quotation_page": quotation.page if quotation else None,
        "quotation_section": quotation.section if quotation else None,
    }
    return {"event": REPORT_LOADED, "resource": resource, "payload": payload}


@task(name="announce-new-reports", cache_policy=NO_CACHE)
def announce(db: Path, report_ids: list[str]) -> int:
    """Send one `ofsted.report.loaded` event per report, read back from the warehouse; returns how many."""
    from prefect.events import emit_event

    with reading(db) as con:
        notices = report_notices(con, report_ids)
    for notice in notices:
        emit_event(**notice_to_event(notice))
    return len(notices)
