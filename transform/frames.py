"""Report records (with where they came from) -> one tidy DataFrame per warehouse table.

    frames = reports_to_frames([(report, provenance_or_None), ...])
    frames.reports, frames.judgements, frames.quotations, frames.passages, frames.providers   # as the warehouse's
    frames.previous_judgements   # the grades a report recalls from the provider's previous inspection

Every record with a file hash becomes a `reports` row, whatever its status, so nothing is lost: a record that
breaks a rule (see `transform.validate`) loads with status 'invalid' and the broken rule as its error; a
record without a file hash cannot be keyed and is returned in `frames.unkeyed` for the caller to record as a
failure. Judgements, previous grades, quotations and passages come only from reports with status 'ok'.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from extract.records import Judgement, Provenance, Report
from transform.areas import canonical_area
from transform.exceptions import InvalidReport
from transform.flags import report_flags
from transform.grades import grade_to_score
from transform.providers import Authorities, Provider, local_authorities, match_provider
from transform.validate import require_key, validate_report

INVALID_STATUS = "invalid"  # warehouse status of a record that broke a transform rule

PROVIDER_COLUMNS = ("urn", "name", "provider_type", "la_code", "ons_code", "region")
REPORT_COLUMNS = (
    "report_id", "urn", "kind", "framework", "provider_name", "inspection_start", "inspection_end", "published",
    "lead_inspector", "outcome", "next_inspection", "source_url", "file_id", "sha256", "pages", "parser_version",
    "status", "error", "quality_flags", "path", "content_hash", "first_line", "site_label", "site_inspection_date",
)  # fmt: skip
JUDGEMENT_COLUMNS = ("report_id", "area", "grade", "score", "label", "page")
PREVIOUS_JUDGEMENT_COLUMNS = JUDGEMENT_COLUMNS
QUOTATION_COLUMNS = ("report_id", "seq", "section", "page", "text", "rank", "reason")
PASSAGE_COLUMNS = ("report_id", "seq", "section", "paragraph", "page", "text")

# Where a file came from, and where it was read: kept out of the content hash, so loading the same file from
# another place (or without the site's details) is not a change of content.
PROVENANCE_COLUMNS = ("source_url", "file_id", "published", "site_label", "site_inspection_date")
NOT_CONTENT_COLUMNS = frozenset({*PROVENANCE_COLUMNS, "path", "content_hash"})
INTEGER_COLUMNS = {"pages", "score", "page", "seq", "rank", "paragraph"}


@dataclass(frozen=True)
class Unkeyed:
    """A record that cannot be loaded because it has no file hash (the file could not be read)."""

    path: str
    error: str


@dataclass
class Frames:
    providers: pd.DataFrame
    reports: pd.DataFrame
    judgements: pd.DataFrame
    quotations: pd.DataFrame
    passages: pd.DataFrame
    previous_judgements: pd.DataFrame
    unkeyed: list[Unkeyed] = field(default_factory=list)


def reports_to_frames(
    items: Iterable[tuple[Report, Provenance | None]], authorities: Authorities | None = None
) -> Frames:
    """Frames for the warehouse; a file seen twice (same sha256) is kept once, the first time."""
    authorities = authorities or local_authorities()
    providers: dict[str, dict] = {}
    reports: list[dict] = []
    judgements: list[dict] = []
    quotations: list[dict] = []
    passages: list[dict] = []
    previous: list[dict] = []
    unkeyed: list[Unkeyed] = []
    seen: set[str] = set()
    for report, provenance in items:
        try:
            require_key(report)
        except InvalidReport as exc:
            unkeyed.append(Unkeyed(report.path, report.error or str(exc)))
            continue
        if report.sha256 in seen:
            continue
        seen.add(report.sha256)
        rows = report_to_rows(report, provenance, authorities)
        reports.append(rows.report)
        judgements.extend(rows.judgements)
        quotations.extend(rows.quotations)
        passages.extend(rows.passages)
        previous.extend(rows.previous_judgements)
        if rows.provider is not None:
            providers[rows.provider.urn] = provider_to_row(rows.provider, providers.get(rows.provider.urn))
    return Frames(
        providers=rows_to_frame(list(providers.values()), PROVIDER_COLUMNS),
        reports=rows_to_frame(reports, REPORT_COLUMNS),
        judgements=rows_to_frame(judgements, JUDGEMENT_COLUMNS),
        quotations=rows_to_frame(quotations, QUOTATION_COLUMNS),
        passages=rows_to_frame(passages, PASSAGE_COLUMNS),
        previous_judgements=rows_to_frame(previous, PREVIOUS_JUDGEMENT_COLUMNS),
        unkeyed=unkeyed,
    )


@dataclass
class ReportRows:
    report: dict
    judgements: list[dict]
    quotations: list[dict]
    passages: list[dict]
    previous_judgements: list[dict]
    provider: Provider | None


def report_to_rows(report: Report, provenance: Provenance | None, authorities: Authorities) -> ReportRows:
    status, error = report.status.value, report.error
    try:
        validate_report(report)
    except InvalidReport as exc:
        status, error = INVALID_STATUS, str(exc)
    match = match_provider(report, provenance, authorities)
    loadable = status == "ok"
    report_id = report.sha256
    row = {
        "report_id": report_id,
        "urn": match.provider.urn if match.provider else None,
        "kind": report.kind,
        "framework": report.framework,
        "provider_name": report.provider or (provenance.provider_name if provenance else None),
        "inspection_start": report.inspection_start,
        "inspection_end": report.inspection_end,
        "published": provenance.published if provenance else None,
        "lead_inspector": report.lead_inspector,
        "outcome": report.outcome,
        "next_inspection": report.next_inspection,
        "source_url": provenance.source_url if provenance else None,
        "file_id": provenance.file_id if provenance else None,
        "sha256": report.sha256,
        "pages": report.pages,
        "parser_version": report.parser_version,
        "status": status,
        "error": error,
        # Flags describe what loaded: a report that did not load has its status and error instead.
        "quality_flags": [flag.value for flag in (*match.flags, *report_flags(report))] if loadable else [],
        "path": report.path,
        "first_line": report.first_line,
        "site_label": provenance.label if provenance else None,
        "site_inspection_date": provenance.inspection_date if provenance else None,
    }
    judgements = judgement_rows(report_id, report.judgements) if loadable else []
    previous = judgement_rows(report_id, report.previous_judgements) if loadable else []
    quotations = (
        [
            {
                "report_id": report_id,
                "seq": seq,
                "section": q.section,
                "page": q.page,
                "text": q.text,
                "rank": q.rank,
                "reason": q.reason,
            }
            for seq, q in enumerate(report.quotations, start=1)
        ]
        if loadable
        else []
    )
    passages = (
        [
            {
                "report_id": report_id,
                "seq": p.seq,
                "section": p.section,
                "paragraph": p.paragraph,
                "page": p.page,
                "text": p.text,
            }
            for p in report.passages
        ]
        if loadable
        else []
    )
    row["content_hash"] = content_hash(row, judgements, quotations, passages, previous)
    return ReportRows(row, judgements, quotations, passages, previous, match.provider)


def judgement_rows(report_id: str, judgements: Iterable[Judgement]) -> list[dict]:
    return [
        {
            "report_id": report_id,
            "area": canonical_area(j.area),
            "grade": j.grade,
            "score": grade_to_score(j.grade),
            "label": j.label,
            "page": j.page,
        }
        for j in judgements
    ]


def content_hash(
    report_row: dict, judgements: list[dict], quotations: list[dict], passages: list[dict], previous: list[dict]
) -> str:
    """A hash of everything a report says (not where it was read from): equal hashes mean nothing to update.

    Passages and the quotations' rank and reason count too, so a parser that reads them differently reloads.
    """
    content = {
        "report": {k: v for k, v in report_row.items() if k not in NOT_CONTENT_COLUMNS},
        "judgements": judgements,
        "quotations": quotations,
        "passages": passages,
        # Only where a report recalls a previous grade, so the hash of every other report is what it was.
        **({"previous_judgements": previous} if previous else {}),
    }
    return hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()


def provider_to_row(provider: Provider, known: dict | None) -> dict:
    """A provider's row; within one batch, a later report fills what an earlier one left empty."""
    row = {name: getattr(provider, name) for name in PROVIDER_COLUMNS}
    if known:
        row = {name: row[name] if row[name] is not None else known[name] for name in PROVIDER_COLUMNS}
    return row


def rows_to_frame(rows: list[dict], columns: tuple[str, ...]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(columns))
    for name in INTEGER_COLUMNS.intersection(columns):
        frame[name] = frame[name].astype("Int64")
    return frame
