"""Typed rows read from the warehouse views, and what the page is assembled from.

Each row type's fields are named exactly as the columns of the query in sql/ that fills it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class YearGradeCount:
    """How many overall grades of one kind were given in one inspection year."""

    year: int
    grade: str
    score: int | None
    count: int


@dataclass(frozen=True)
class RegionGradeCount:
    """How many authorities of one region hold one overall grade at their latest inspection."""

    region: str
    grade: str
    score: int | None
    count: int


@dataclass(frozen=True)
class Movement:
    urn: str
    provider_name: str
    region: str | None
    report_id: str
    inspection_end: date | None
    previous_grade: str
    grade: str
    direction: str  # improved | declined


@dataclass(frozen=True)
class Streak:
    urn: str
    provider_name: str
    grade: str
    streak_length: int
    first_inspection_end: date | None
    last_inspection_end: date | None
    is_current: bool


@dataclass(frozen=True)
class Authority:
    """An authority of the index's table: its codes, and its latest overall grade with its date, age and change."""

    urn: str
    provider_name: str
    region: str | None
    latest_overall_grade: str | None
    la_code: str | None = None
    ons_code: str | None = None
    latest_overall_end: date | None = None
    latest_overall_framework: str | None = None
    latest_overall_years: float | None = None  # how old the grade is, in years
    latest_overall_earlier_framework: bool | None = None  # given under an earlier framework than today's
    previous_overall_grade: str | None = None
    overall_direction: str | None = None  # improved | declined | unchanged, against previous_overall_grade


@dataclass(frozen=True)
class TimelineEntry:
    """One report of an authority, graded or not."""

    urn: str
    report_id: str
    kind: str
    framework: str | None
    inspection_start: date | None
    inspection_end: date | None
    published: date | None
    overall_grade: str | None
    outcome: str | None
    headline: str | None
    source_url: str | None = None  # the file on the Ofsted site
    path: str | None = None  # where the file was read from


@dataclass(frozen=True)
class AreaJudgement:
    urn: str
    report_id: str
    area: str
    grade: str
    score: int | None


@dataclass(frozen=True)
class KeyQuotation:
    urn: str
    report_id: str
    seq: int
    section: str | None
    page: int | None
    text: str
    rank: int | None  # 1 = the most quotable; None when the parser did not rank
    reason: str | None  # why it was chosen: summary, paragraph_opening, strong_wording, ...


@dataclass(frozen=True)
class Summary:
    reports: int
    authorities: int
    full_inspections: int
    first_inspection_end: date | None
    last_inspection_end: date | None


@dataclass(frozen=True)
class UnreadFile:
    """A report file the warehouse holds but could not read (v_unread_reports), and why."""

    report_id: str
    status: str  # unrecognised | not_a_pdf | no_text_layer | error | invalid
    error: str | None
    provider_type: str
    urn: str | None
    provider_name: str | None
    site_label: str | None
    first_line: str | None
    published: date | None
    source_url: str | None
    path: str | None


@dataclass(frozen=True)
class UnreadCount:
    """How many files were not read for one reason."""

    status: str
    files: int


@dataclass(frozen=True)
class IndexData:
    """What the index page shows: the national picture, movements, the longest streaks, every authority, and the
    files that were not read."""

    summary: Summary
    grades_by_year: tuple[YearGradeCount, ...]
    latest_grades_by_region: tuple[RegionGradeCount, ...]
    movements: tuple[Movement, ...]
    streaks: tuple[Streak, ...]  # the longest STREAKS_ON_INDEX of them
    streaks_total: int
    authorities: tuple[Authority, ...]
    generated_at: datetime
    min_streak: int
    unread: tuple[UnreadFile, ...] = ()  # the first UNREAD_FILES_LISTED of them
    unread_counts: tuple[UnreadCount, ...] = ()  # every file not read, counted by why


@dataclass(frozen=True)
class AuthoritiesData:
    """The rows of some authorities' pages: their reports, judgements, key quotations and streaks."""

    authorities: tuple[Authority, ...]
    timeline: tuple[TimelineEntry, ...]
    judgements: tuple[AreaJudgement, ...]
    key_quotations: tuple[KeyQuotation, ...]
    streaks: tuple[Streak, ...]
    generated_at: datetime
    min_streak: int
