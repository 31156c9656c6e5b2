"""Typed records passed between stages: what one report PDF says.

The shape is the extraction contract that docs/extraction.md describes (a test keeps the two together);
`Report.to_json()` is exactly one line of `ofsted extract --json`.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

PARSER_VERSION = "2.4.0"


class Status(str, Enum):
    OK = "ok"
    NOT_A_PDF = "not_a_pdf"
    NO_TEXT_LAYER = "no_text_layer"
    UNRECOGNISED = "unrecognised"
    ERROR = "error"


class Grade(str, Enum):
    """Canonical grade words. Older scales keep their own words (adequate, satisfactory)."""

    OUTSTANDING = "outstanding"
    GOOD = "good"
    REQUIRES_IMPROVEMENT = "requires_improvement"
    ADEQUATE = "adequate"
    SATISFACTORY = "satisfactory"
    INADEQUATE = "inadequate"
    NOT_JUDGED = "not_judged"


@dataclass(frozen=True)
class Judgement:
    area: str  # canonical area name, e.g. "overall_effectiveness"
    grade: str  # a Grade value
    label: str  # the label as printed in the report
    page: int  # 1-based page the grade was read on


@dataclass(frozen=True)
class Passage:
    """One sentence of a report's own prose, in reading order; boilerplate is left out."""

    seq: int  # 1-based position in the report's reading order
    section: str  # heading the sentence sits under, as printed
    paragraph: int | None  # the paragraph number the report prints, if it numbers its paragraphs
    page: int  # 1-based page where the sentence starts
    text: str  # verbatim sentence (whitespace normalised to single spaces)


@dataclass(frozen=True)
class Quotation:
    section: str  # heading the text sits under, as printed
    page: int  # 1-based page where the text starts
    text: str  # verbatim text (whitespace normalised to single spaces)
    rank: int | None = None  # 1 = the most quotable; the order key quotations are listed in
    reason: str | None = None  # why it was chosen: summary, paragraph_opening, strong_wording, finding, ...


@dataclass
class Report:
    path: str
    sha256: str
    status: Status
    error: str | None = None
    kind: str | None = None
    framework: str | None = None
    provider: str | None = None
    urn: str | None = None
    inspection_start: date | None = None
    inspection_end: date | None = None
    lead_inspector: str | None = None
    judgements: list[Judgement] = field(default_factory=list)
    # Grades the report prints for the provider's previous inspection ("Overall effectiveness at previous
    # inspection Good"): kept apart, never judgements of this inspection.
    previous_judgements: list[Judgement] = field(default_factory=list)
    outcome: str | None = None
    next_inspection: str | None = None  # area SEND: when the next inspection is due, as printed
    quotations: list[Quotation] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    pages: int | None = None
    first_line: str | None = None  # page 1's first line of text, kept for every file whose text could be read
    parser_version: str = PARSER_VERSION

    @property
    def ok(self) -> bool:
        return self.status is Status.OK

    def grade_of(self, area: str) -> str | None:
        return next((j.grade for j in self.judgements if j.area == area), None)

    def to_dict(self) -> dict:
        data = dataclasses.asdict(self)
        data["status"] = self.status.value
        for key in ("inspection_start", "inspection_end"):
            value = data[key]
            data[key] = value.isoformat() if value else None
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict) -> Report:
        data = dict(data)
        data["status"] = Status(data["status"])
        for key in ("inspection_start", "inspection_end"):
            if data.get(key):
                data[key] = date.fromisoformat(data[key])
        data["judgements"] = [Judgement(**j) for j in data.get("judgements") or []]
        data["previous_judgements"] = [Judgement(**j) for j in data.get("previous_judgements") or []]
        data["quotations"] = [Quotation(**q) for q in data.get("quotations") or []]
        data["passages"] = [Passage(**p) for p in data.get("passages") or []]
        return cls(**data)


@dataclass(frozen=True)
class Provenance:
    """Where a report file came from on the Ofsted site; absent for local files."""

    source_url: str | None = None
    file_id: str | None = None
    published: date | None = None
    urn: str | None = None  # the provider page's URN, which wins over one printed in the PDF
    provider_name: str | None = None
    provider_type: str | None = None
    label: str | None = None  # the site's label for the report, e.g. "Focused visit"
    inspection_date: date | None = None  # the inspection date the provider page gives for the report
