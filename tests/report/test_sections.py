"""Each authority's grid: areas in report order, ungraded visits as columns, the latest full inspection."""

from __future__ import annotations

from datetime import date

from warehouse.report.records import AreaJudgement, TimelineEntry
from warehouse.report.sections import build_grid, latest_inspection


def entry(report_id: str, kind: str, ended: date | None, outcome: str | None = None) -> TimelineEntry:
    return TimelineEntry("1", report_id, kind, None, None, ended, None, None, outcome, None)


def test_areas_in_report_order_with_unknown_areas_last():
    grid = build_grid(
        [entry("r1", "la-inspection", date(2019, 1, 1))],
        [AreaJudgement("1", "r1", area, "good", 2)
         for area in ("zeta_new_area", "care_leavers", "help_and_protection", "overall_effectiveness")],
    )
    assert grid.areas == ("overall_effectiveness", "help_and_protection", "care_leavers", "zeta_new_area")


def test_visits_are_columns_without_grades_and_judgements_of_other_reports_ignored():
    columns = [entry("r1", "la-inspection", date(2019, 1, 1)), entry("v1", "focused-visit", date(2020, 1, 1))]
    grid = build_grid(columns, [AreaJudgement("1", "r1", "overall_effectiveness", "good", 2),
                                AreaJudgement("1", "elsewhere", "lscb", "good", 2)])
    assert grid.columns == tuple(columns)
    assert [c.report_id for c in grid.graded_columns] == ["r1"]
    assert grid.areas == ("overall_effectiveness",)
    assert grid.grade("overall_effectiveness", columns[1]) is None


def test_latest_inspection_is_the_latest_dated_one_not_a_later_visit_or_an_undated_report():
    entries = [entry("a", "la-inspection", date(2018, 1, 1)), entry("b", "la-inspection", date(2022, 1, 1)),
               entry("c", "la-inspection", None), entry("d", "jtai", date(2024, 1, 1))]
    assert latest_inspection(entries).report_id == "b"
    assert latest_inspection([entry("c", "la-inspection", None)]).report_id == "c"
    assert latest_inspection([entry("d", "jtai", date(2024, 1, 1))]) is None


def test_second_copy_of_an_inspection_shown_once_but_a_lone_ungraded_file_kept():
    first, copy = entry("a", "la-inspection", date(2019, 1, 1)), entry("b", "la-inspection", date(2019, 1, 1))
    lone = entry("c", "la-inspection", date(2021, 1, 1))
    grid = build_grid([first, copy, lone], [AreaJudgement("1", "a", "overall_effectiveness", "good", 2)])
    assert [column.report_id for column in grid.columns] == ["a", "c"]
