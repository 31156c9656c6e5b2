"""The lineage of judgement areas across frameworks (transform/area_lineage.csv, table area_lineage): the previous
grade in v_judgement_history comes from the latest earlier inspection that judged the area or one it continues."""

from __future__ import annotations

from datetime import date

import pytest

from tests.factories import make_report
from transform.areas import Lineage, area_lineage, check_lineage, framework_areas
from transform.frames import reports_to_frames
from warehouse.load import load_batch
from warehouse.snapshot import reading

LEEDS = "80481"
COMBINED = "children_in_care_and_care_leavers"
HISTORY = ("SELECT area, grade, previous_grade, previous_area, previous_inspection_end, direction "
           "FROM v_judgement_history WHERE urn = ? AND inspection_end = ? ORDER BY area")


def history(db, urn: str, ended: date) -> dict[str, tuple]:
    with reading(db) as con:
        return {row[0]: row[1:] for row in con.execute(HISTORY, [urn, ended]).fetchall()}


def test_every_area_in_the_lineage_is_one_a_framework_judges():
    judged = set().union(*framework_areas().values())
    for row in area_lineage():
        assert {row.area, row.continues} <= judged, row


@pytest.mark.parametrize("rows, problem", [
    pytest.param((Lineage("care_leavers", "care_leavers", 1, ""),), "continues itself", id="itself"),
    pytest.param((Lineage("care_leavers", COMBINED, 10, ""),), "from 1 to 9", id="preference-too-large"),
    pytest.param((Lineage("children_in_care", COMBINED, 1, ""), Lineage("children_in_care", "care_leavers", 1, "")),
                 "two earlier areas with preference 1", id="tie"),
])
def test_a_lineage_the_history_cannot_use_is_refused(rows, problem):
    with pytest.raises(ValueError, match=problem):
        check_lineage(rows)


def test_the_warehouse_table_holds_the_data_file(tmp_path):
    db = tmp_path / "w.duckdb"
    load_batch(db, reports_to_frames([]))
    with reading(db) as con:
        rows = con.execute("SELECT area, continues, preference, note FROM area_lineage").fetchall()
    assert sorted(rows) == sorted((r.area, r.continues, r.preference, r.note) for r in area_lineage())


def test_care_leavers_and_children_in_care_from_2023_continue_the_combined_judgement(tmp_path):
    """An authority's history across the SIF, ILACS and its 2023 update, graded so that each rule gives another
    answer: the same area by name alone would compare 2025's care leavers with the SIF's of 2015."""
    db = tmp_path / "w.duckdb"
    reports = [
        make_report("Leeds", date(2015, 2, 11), {"overall_effectiveness": "good", "children_looked_after": "inadequate",
                                                 "care_leavers": "good", "leadership_management_governance": "good"},
                    framework="sif"),
        make_report("Leeds", date(2018, 11, 2), {"overall_effectiveness": "good", COMBINED: "requires_improvement",
                                                 "impact_of_leaders": "outstanding"}),
        make_report("Leeds", date(2022, 3, 4), {"overall_effectiveness": "outstanding", COMBINED: "outstanding"}),
        make_report("Leeds", date(2025, 7, 4), {"overall_effectiveness": "outstanding", "children_in_care": "good",
                                                "care_leavers": "outstanding"}, framework="ilacs-2023"),
    ]
    load_batch(db, reports_to_frames([(report, None) for report in reports]))
    assert history(db, LEEDS, date(2025, 7, 4)) == {
        "care_leavers": ("outstanding", "outstanding", COMBINED, date(2022, 3, 4), "unchanged"),
        "children_in_care": ("good", "outstanding", COMBINED, date(2022, 3, 4), "declined"),
        "overall_effectiveness": ("outstanding", "outstanding", "overall_effectiveness", date(2022, 3, 4),
                                  "unchanged"),
    }
    # ILACS' combined judgement continues the SIF's children looked after first (preference 1 among the SIF's
    # two), and its impact of leaders the SIF's leadership, management and governance.
    first_ilacs = history(db, LEEDS, date(2018, 11, 2))
    assert first_ilacs[COMBINED] == ("requires_improvement", "inadequate", "children_looked_after",
                                     date(2015, 2, 11), "improved")
    assert first_ilacs["impact_of_leaders"] == ("outstanding", "good", "leadership_management_governance",
                                                date(2015, 2, 11), "improved")


def test_an_area_judged_at_the_earlier_inspection_itself_comes_before_the_one_it_continues(tmp_path):
    """A 2018-2022 ILACS report that split care leavers from children in care: a later care leavers judgement
    compares with that care leavers grade, not with another area judged at the same inspection."""
    db = tmp_path / "w.duckdb"
    reports = [
        make_report("Leeds", date(2019, 5, 3), {"overall_effectiveness": "good", "children_in_care": "good",
                                                "care_leavers": "inadequate", COMBINED: "good"}),
        make_report("Leeds", date(2024, 5, 3), {"overall_effectiveness": "good", "children_in_care": "good",
                                                "care_leavers": "good"}, framework="ilacs-2023"),
    ]
    load_batch(db, reports_to_frames([(report, None) for report in reports]))
    later = history(db, LEEDS, date(2024, 5, 3))
    assert later["care_leavers"][1:3] == ("inadequate", "care_leavers")
    assert later["children_in_care"][1:3] == ("good", "children_in_care")


@pytest.mark.corpus
def test_leeds_2025_care_leavers_and_children_in_care_get_the_2022_combined_judgement(corpus_db):
    """Leeds' ILACS report of 2025 (the 2023 framework) against its 2022 ILACS report, which judged children in
    care and care leavers together (outstanding); before the lineage, care leavers went back to the 2015 SIF
    (good, 'improved') and children in care had no previous grade."""
    with reading(corpus_db) as con:
        (combined_2022,) = con.execute(
            "SELECT grade FROM v_la_judgements WHERE urn = ? AND area = ? AND inspection_end = ?",
            [LEEDS, COMBINED, date(2022, 3, 4)],
        ).fetchone()
    assert combined_2022 == "outstanding"
    rows = history(corpus_db, LEEDS, date(2025, 7, 4))
    for area in ("care_leavers", "children_in_care"):
        assert rows[area] == ("outstanding", combined_2022, COMBINED, date(2022, 3, 4), "unchanged"), area
