"""Quality flags: what an analyst should know about a report that loaded but is incomplete or doubtful.

Flags never stop a load. They are stored in `reports.quality_flags` (a list), and documented in
docs/warehouse.md from `FLAG_DESCRIPTIONS`.
"""

from __future__ import annotations

from enum import Enum

from extract.records import Report
from transform.areas import allowed_areas, canonical_area, missing_expected

LA_INSPECTION = "la-inspection"
OVERALL = "overall_effectiveness"


class Flag(str, Enum):
    PROVIDER_UNMATCHED = "provider_unmatched"
    PROVIDER_NOT_IN_REFERENCE = "provider_not_in_reference"
    PROVIDER_NAME_CONFLICT = "provider_name_conflict"
    MISSING_INSPECTION_DATES = "missing_inspection_dates"
    DATES_OUT_OF_ORDER = "dates_out_of_order"
    MISSING_OVERALL_GRADE = "missing_overall_grade"
    MISSING_LEAD_INSPECTOR = "missing_lead_inspector"
    NO_QUOTATIONS = "no_quotations"
    MISSING_JUDGEMENTS = "missing_judgements"


FLAG_DESCRIPTIONS: dict[Flag, str] = {
    Flag.PROVIDER_UNMATCHED: "no URN was given and the provider name matches no local authority: urn is NULL, "
    "so the report feeds no provider view; v_unmatched_reports lists it (add an alias to "
    "transform/local_authorities.csv, then run ofsted reparse)",
    Flag.PROVIDER_NOT_IN_REFERENCE: "the URN given by the site or the report is not in the project's table of "
    "local authorities, so region and codes are unknown",
    Flag.PROVIDER_NAME_CONFLICT: "the URN given by the site or the report belongs to a different authority "
    "from the one the printed name matches; the URN was kept",
    Flag.MISSING_INSPECTION_DATES: "the inspection end date could not be read, so the report cannot be placed "
    "in time",
    Flag.DATES_OUT_OF_ORDER: "the inspection start date is after its end date",
    Flag.MISSING_OVERALL_GRADE: "a full local-authority inspection without an overall effectiveness judgement, "
    "under a framework that gives one (ILACS from 2026 does not)",
    Flag.MISSING_LEAD_INSPECTOR: "the lead inspector's name could not be read",
    Flag.NO_QUOTATIONS: "no key quotation could be read",
    Flag.MISSING_JUDGEMENTS: "a full local-authority inspection whose judgement table lacks areas its framework "
    "always judges (transform/framework_areas.csv, column expected_as), often a damaged or cut-short file; "
    "compare its judgements rows with the framework's areas",
}


def judges_overall(framework: str | None) -> bool:
    """ILACS from 2026 gives no overall effectiveness grade; frameworks we know nothing of are assumed to."""
    allowed = allowed_areas(framework)
    return allowed is None or OVERALL in allowed


def report_flags(report: Report) -> list[Flag]:
    """Flags that depend on the report's own content (provider flags come from provider matching)."""
    flags = []
    if report.inspection_end is None:
        flags.append(Flag.MISSING_INSPECTION_DATES)
    elif report.inspection_start is not None and report.inspection_start > report.inspection_end:
        flags.append(Flag.DATES_OUT_OF_ORDER)
    if report.kind == LA_INSPECTION and judges_overall(report.framework) and report.grade_of(OVERALL) is None:
        flags.append(Flag.MISSING_OVERALL_GRADE)
    if not report.lead_inspector:
        flags.append(Flag.MISSING_LEAD_INSPECTOR)
    if not report.quotations:
        flags.append(Flag.NO_QUOTATIONS)
    if report.kind == LA_INSPECTION and missing_judgements(report):
        flags.append(Flag.MISSING_JUDGEMENTS)
    return flags


def missing_judgements(report: Report) -> list[str]:
    """Judgements the report's framework always gives that the report lacks (none for families with no fixed
    set: schools, letters, pre-2014 reports)."""
    return missing_expected(report.framework, {canonical_area(j.area) for j in report.judgements})
