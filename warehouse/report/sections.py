"""Pure assembly of each authority's section: its judgement grid, its ungraded visits, its key quotations.

The grid is one model drawn two ways (an HTML table on the page, a matplotlib image for `ofsted chart`), so
both always show the same thing.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from warehouse.report.records import AreaJudgement, AuthoritiesData, Authority, KeyQuotation, Streak, TimelineEntry
from warehouse.report.vocabulary import LA_INSPECTION_KIND, area_sort_key

# Beside index.html: one page per authority, so a run rewrites only the authorities it changed.
AUTHORITY_FOLDER = "authorities"


@dataclass(frozen=True)
class TimelineGrid:
    """Rows are judgement areas, columns are the authority's reports by date (ungraded ones included)."""

    areas: tuple[str, ...]
    columns: tuple[TimelineEntry, ...]
    grades: Mapping[tuple[str, str], str]  # (area, report_id) -> grade

    def grade(self, area: str, column: TimelineEntry) -> str | None:
        return self.grades.get((area, column.report_id))

    @property
    def graded_columns(self) -> tuple[TimelineEntry, ...]:
        return tuple(column for column in self.columns if is_graded(column))


@dataclass(frozen=True)
class AuthoritySection:
    authority: Authority
    grid: TimelineGrid
    ungraded: tuple[TimelineEntry, ...]
    latest_inspection: TimelineEntry | None
    key_quotations: tuple[KeyQuotation, ...]
    streaks: tuple[Streak, ...] = ()

    @property
    def anchor(self) -> str:
        return authority_anchor(self.authority.urn)

    @property
    def page(self) -> str:
        return authority_page(self.authority.urn)


def authority_anchor(urn: str) -> str:
    return f"la-{urn}"


def authority_page(urn: str) -> str:
    """The authority's page, relative to the index: authorities/<URN>.html."""
    return f"{AUTHORITY_FOLDER}/{urn}.html"


# Addresses a page may link a report to: the Ofsted site's (and a test's fake site on 127.0.0.1).
WEB_SCHEMES = ("https://", "http://")


def source_href(source_url: str | None, path: str | None, page: int | None = None) -> str | None:
    """Where a report's file is, to link to: its address on the Ofsted site where known, else the file it was read
    from as a file: URI (an absolute path only: a relative one was relative to wherever ingest ran, and leads
    nowhere from the page); None when neither. `page` opens the PDF at that page (#page=N, which PDF viewers in
    browsers follow)."""
    if source_url and source_url.startswith(WEB_SCHEMES):
        href = source_url
    elif path and os.path.isabs(path):
        href = Path(path).as_uri()
    else:
        return None
    return f"{href}#page={page}" if page else href


def is_graded(entry: TimelineEntry) -> bool:
    return entry.kind == LA_INSPECTION_KIND


def build_grid(entries: Iterable[TimelineEntry], judgements: Iterable[AreaJudgement]) -> TimelineGrid:
    entries = tuple(entries)
    reports = {entry.report_id for entry in entries}
    grades = {(j.area, j.report_id): j.grade for j in judgements if j.report_id in reports}
    columns = tuple(without_second_copies(entries, {report_id for _, report_id in grades}))
    areas = tuple(sorted({area for area, _ in grades}, key=area_sort_key))
    return TimelineGrid(areas=areas, columns=columns, grades=grades)


def without_second_copies(entries: tuple[TimelineEntry, ...], judged: set[str]) -> list[TimelineEntry]:
    """Drop a full inspection's second file (a republished report) that the history view does not count.

    v_judgement_history keeps one report per inspection; the timeline lists every file. A graded entry with no
    judgements, dated the same as one with judgements, is that other copy.
    """
    judged_dates = {e.inspection_end for e in entries if e.report_id in judged and e.inspection_end is not None}
    return [
        entry
        for entry in entries
        if not (is_graded(entry) and entry.report_id not in judged and entry.inspection_end in judged_dates)
    ]


def build_sections(data: AuthoritiesData) -> tuple[AuthoritySection, ...]:
    timeline = group_by_urn(data.timeline)
    judgements = group_by_urn(data.judgements)
    quotations = group_by_urn(data.key_quotations)
    streaks = group_by_urn(data.streaks)
    sections = []
    for authority in data.authorities:
        entries = timeline.get(authority.urn, ())
        sections.append(
            AuthoritySection(
                authority=authority,
                grid=build_grid(entries, judgements.get(authority.urn, ())),
                ungraded=tuple(entry for entry in entries if not is_graded(entry)),
                latest_inspection=latest_inspection(entries),
                key_quotations=quotations.get(authority.urn, ()),
                streaks=streaks.get(authority.urn, ()),
            )
        )
    return tuple(sections)


def latest_inspection(entries: Iterable[TimelineEntry]) -> TimelineEntry | None:
    """The latest dated full inspection, whose key quotations the page shows; an undated one only if none is dated."""
    graded = [entry for entry in entries if is_graded(entry)]
    dated = [entry for entry in graded if entry.inspection_end is not None]
    candidates = dated or graded
    return max(candidates, key=lambda e: (e.inspection_end or date.min, e.report_id)) if candidates else None


def group_by_urn(rows: Iterable) -> dict[str, tuple]:
    """Rows keep their query order within each authority (the SQL sorts them by date)."""
    grouped: dict[str, list] = defaultdict(list)
    for row in rows:
        grouped[row.urn].append(row)
    return {urn: tuple(items) for urn, items in grouped.items()}
