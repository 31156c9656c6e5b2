"""What a family parser returns: every Report field that depends on the document's content."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date

from extract.records import Judgement, Quotation


@dataclass
class Parsed:
    kind: str
    framework: str
    provider: str | None = None
    urn: str | None = None
    inspection_start: date | None = None
    inspection_end: date | None = None
    lead_inspector: str | None = None
    judgements: list[Judgement] = field(default_factory=list)
    previous_judgements: list[Judgement] = field(default_factory=list)
    outcome: str | None = None
    next_inspection: str | None = None
    quotations: list[Quotation] = field(default_factory=list)

    def fields(self) -> dict:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
