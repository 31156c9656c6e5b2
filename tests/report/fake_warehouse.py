"""A fake at the warehouse seam: the contract's tables and views (fake_warehouse.sql) and a tiny loader.

Only the report's tests use it; the real schema and loader belong to the warehouse package.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from extract.records import Judgement, Quotation, Report, Status

SCHEMA = Path(__file__).with_name("fake_warehouse.sql")
SCORES = {
    "outstanding": 1,
    "good": 2,
    "requires_improvement": 3,
    "adequate": 3,
    "satisfactory": 3,
    "inadequate": 4,
}


@dataclass(frozen=True)
class Provider:
    urn: str
    name: str
    region: str | None
    provider_type: str = "local-authority"


def create_warehouse(path: Path) -> Path:
    with duckdb.connect(str(path)) as connection:
        connection.execute(SCHEMA.read_text(encoding="utf-8"))
    return path


def load(path: Path, providers: Iterable[Provider], reports: Iterable[Report]) -> None:
    with duckdb.connect(str(path)) as connection:
        for provider in providers:
            connection.execute(
                "INSERT INTO providers (urn, name, provider_type, region) VALUES (?, ?, ?, ?)",
                [provider.urn, provider.name, provider.provider_type, provider.region],
            )
        for report in reports:
            connection.execute(
                "INSERT INTO reports (report_id, urn, kind, framework, provider_name, inspection_start, "
                "inspection_end, lead_inspector, outcome, sha256, pages, parser_version, status, error, path) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [report.sha256, report.urn, report.kind, report.framework, report.provider,
                 report.inspection_start, report.inspection_end, report.lead_inspector, report.outcome,
                 report.sha256, report.pages, report.parser_version, report.status.value, report.error,
                 report.path],
            )
            for judgement in report.judgements:
                connection.execute(
                    "INSERT INTO judgements VALUES (?, ?, ?, ?, ?, ?)",
                    [report.sha256, judgement.area, judgement.grade, SCORES.get(judgement.grade),
                     judgement.label, judgement.page],
                )
            for seq, quotation in enumerate(report.quotations, start=1):
                connection.execute(
                    "INSERT INTO quotations VALUES (?, ?, ?, ?, ?)",
                    [report.sha256, seq, quotation.section, quotation.page, quotation.text],
                )


def make_report(
    name: str,
    urn: str,
    kind: str,
    framework: str,
    ended: date,
    grades: dict[str, str] | None = None,
    quotations: Iterable[str] = (),
    outcome: str | None = None,
    status: Status = Status.OK,
) -> Report:
    """A hand-made Report; its id is the hash of what makes it unique, as a file's sha256 would be."""
    sha256 = hashlib.sha256(f"{urn}|{kind}|{ended}".encode()).hexdigest()
    return Report(
        path=f"{urn}-{kind}-{ended}.pdf",
        sha256=sha256,
        status=status,
        kind=kind,
        framework=framework,
        provider=name,
        urn=urn,
        inspection_start=ended.replace(day=max(1, ended.day - 4)),
        inspection_end=ended,
        judgements=[Judgement(area, grade, area.replace("_", " "), 1) for area, grade in (grades or {}).items()],
        outcome=outcome,
        quotations=[Quotation("Headline findings", page, text) for page, text in enumerate(quotations, start=2)],
        pages=12,
    )
