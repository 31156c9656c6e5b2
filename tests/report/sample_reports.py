"""Hand-made Report records for the report's tests, loaded through the real transform and loader."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date

from extract.records import Judgement, Quotation, Report, Status

# Where the hand-made reports say they were read from (no file is there: the pages only link to it).
SAMPLE_FOLDER = "/srv/ofsted reports"


def make_report(
    name: str,
    urn: str,
    kind: str,
    framework: str,
    ended: date,
    grades: dict[str, str] | None = None,
    quotations: Iterable[str | Quotation] = (),
    outcome: str | None = None,
    status: Status = Status.OK,
) -> Report:
    """A hand-made Report; its id is the hash of what makes it unique, as a file's sha256 would be."""
    sha256 = hashlib.sha256(f"{urn}|{kind}|{ended}".encode()).hexdigest()
    return Report(
        path=f"{SAMPLE_FOLDER}/{urn}-{kind}-{ended}.pdf",
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
        quotations=[
            text if isinstance(text, Quotation) else Quotation("Headline findings", page, text)
            for page, text in enumerate(quotations, start=2)
        ],
        pages=12,
    )
