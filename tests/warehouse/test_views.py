"""The analyst views over a hand-made warehouse whose answers are known (tests/factories.sample_reports)."""

from datetime import date

from warehouse.snapshot import reading

LEEDS, CROYDON, BROMLEY = "80481", "80492", "80490"


def query(db, sql, params=()):
    with reading(db) as con:
        return con.execute(sql, list(params)).fetchall()


def test_latest_overall_grade_of_every_authority(sample_db):
    rows = query(
        sample_db,
        "SELECT provider_name, grade, inspection_end FROM v_latest_judgements "
        "WHERE area = 'overall_effectiveness' ORDER BY provider_name",
    )
    assert rows == [
        ("Bromley", "outstanding", date(2019, 6, 14)),
        ("Croydon", "good", date(2020, 2, 28)),
        ("Leeds", "outstanding", date(2025, 7, 4)),
    ]


def test_an_area_the_latest_inspection_did_not_judge_is_marked(sample_db):
    rows = query(
        sample_db,
        "SELECT area, from_latest_inspection FROM v_latest_judgements WHERE urn = ? ORDER BY area",
        [LEEDS],
    )
    assert rows == [("children_in_care", True), ("impact_of_leaders", True), ("overall_effectiveness", True)]
    croydon = query(sample_db, "SELECT from_latest_inspection FROM v_latest_judgements WHERE urn = ?", [CROYDON])
    assert croydon == [(True,)]


def test_one_authoritys_history_with_previous_grade_and_direction(sample_db):
    rows = query(
        sample_db,
        "SELECT inspection_end, grade, previous_grade, direction FROM v_judgement_history "
        "WHERE urn = ? AND area = 'overall_effectiveness' ORDER BY inspection_end",
        [LEEDS],
    )
    assert rows == [
        (date(2015, 3, 20), "good", None, None),
        (date(2018, 12, 7), "outstanding", "good", "improved"),
        (date(2022, 4, 29), "outstanding", "outstanding", "unchanged"),
        (date(2025, 7, 4), "outstanding", "outstanding", "unchanged"),
    ]
    croydon = query(
        sample_db,
        "SELECT direction FROM v_judgement_history WHERE urn = ? AND previous_grade IS NOT NULL",
        [CROYDON],
    )
    assert croydon == [("improved",)]


def test_history_excludes_visits_unmatched_and_unread_reports(sample_db):
    kinds = query(sample_db, "SELECT DISTINCT report_id FROM v_judgement_history")
    assert len(kinds) == 8  # Leeds 4, Croydon 2, Bromley 2: no focused visit, school, Atlantis or unread file


def test_outstanding_at_three_consecutive_inspections(sample_db):
    rows = query(
        sample_db,
        "SELECT provider_name, streak_length, first_inspection_end, last_inspection_end, is_current "
        "FROM v_overall_streaks WHERE grade = 'outstanding' AND streak_length >= 3",
    )
    assert rows == [("Leeds", 3, date(2018, 12, 7), date(2025, 7, 4), True)]


def test_a_grade_that_returns_after_a_different_one_starts_a_new_streak(tmp_path):
    from tests.factories import make_report
    from transform.frames import reports_to_frames
    from warehouse.load import load_batch

    grades = ["good", "good", "inadequate", "good"]
    reports = [
        make_report("Camden", date(2014 + 3 * i, 5, 1), {"overall_effectiveness": g}) for i, g in enumerate(grades)
    ]
    db = tmp_path / "w.duckdb"
    load_batch(db, reports_to_frames([(r, None) for r in reports]))
    rows = query(db, "SELECT grade, streak_length, is_current FROM v_overall_streaks ORDER BY first_inspection_end")
    assert rows == [("good", 2, False), ("inadequate", 1, False), ("good", 1, True)]


def test_grade_distribution_by_year_and_region(sample_db):
    rows = query(
        sample_db,
        "SELECT year, region, grade, providers FROM v_grade_distribution WHERE region = 'London' ORDER BY year",
    )
    assert rows == [
        (2016, "London", "inadequate", 1),
        (2017, "London", "inadequate", 1),
        (2019, "London", "outstanding", 1),
        (2020, "London", "good", 1),
    ]


def test_provider_timeline_has_every_report_graded_or_not(sample_db):
    rows = query(
        sample_db,
        "SELECT kind, overall_grade, headline FROM v_provider_timeline WHERE urn = ? ORDER BY inspection_end",
        [LEEDS],
    )
    assert [r[0] for r in rows] == ["la-inspection", "focused-visit", "la-inspection", "la-inspection", "la-inspection"]
    assert rows[1] == ("focused-visit", None, "Leaders have a clear understanding of practice.")
    send = query(sample_db, "SELECT kind, outcome, overall_grade FROM v_provider_timeline WHERE urn = '80428'")
    assert send == [("area-send", "positive", None)]


def test_the_headline_is_said_in_prose_not_the_printed_grade(tmp_path):
    from dataclasses import replace

    from extract.records import Quotation
    from extract.text.verdict import PRINTED_SECTION, REASON
    from tests.factories import make_report
    from transform.frames import reports_to_frames
    from warehouse.load import load_batch

    prose = "Children in Camden benefit from skilled social workers."
    printed = replace(make_report("Camden", date(2022, 6, 17), seed="printed"), quotations=[
        Quotation(PRINTED_SECTION, 3, "Overall effectiveness Good", 1, REASON),
        Quotation("Headline findings", 2, prose, 2, "summary"),
    ])
    stated = replace(make_report("Camden", date(2025, 6, 17), seed="stated"), quotations=[
        Quotation("Headline findings", 2, "Children's services in Camden are good.", 1, REASON),
        Quotation("Headline findings", 2, prose, 2, "summary"),
    ])
    db = tmp_path / "w.duckdb"
    load_batch(db, reports_to_frames([(printed, None), (stated, None)]))
    rows = query(db, "SELECT inspection_end, headline FROM v_provider_timeline ORDER BY inspection_end")
    assert rows == [(date(2022, 6, 17), prose), (date(2025, 6, 17), "Children's services in Camden are good.")]


def test_quotations_from_inadequate_reports_containing_a_word(sample_db):
    rows = query(
        sample_db,
        "SELECT provider_name, inspection_end, text FROM v_quotations "
        "WHERE overall_grade = 'inadequate' AND regexp_matches(text, ?, 'i')",
        [r"\bdrift\b"],
    )
    assert rows == [("Croydon", date(2017, 7, 21), "There is drift and delay for too many children.")]


def test_the_same_inspection_loaded_from_two_files_counts_once(tmp_path):
    from extract.records import Provenance
    from tests.factories import make_report
    from transform.frames import reports_to_frames
    from warehouse.load import load_batch

    first = make_report("Camden", date(2022, 6, 17), {"overall_effectiveness": "good"}, seed="first")
    republished = make_report("Camden", date(2022, 6, 17), {"overall_effectiveness": "good"}, seed="again")
    db = tmp_path / "w.duckdb"
    load_batch(db, reports_to_frames([(first, Provenance(published=date(2022, 8, 1))),
                                      (republished, Provenance(published=date(2022, 9, 1)))]))
    rows = query(db, "SELECT report_id FROM v_judgement_history")
    assert rows == [(republished.sha256,)]


def test_every_report_on_no_provider_is_listed_never_orphaned_silently(tmp_path):
    from extract.records import Status
    from tests.factories import make_report
    from transform.frames import reports_to_frames
    from warehouse.load import load_batch

    db = tmp_path / "w.duckdb"
    reports = [
        make_report("Leeds", seed="leeds"),
        make_report("Leeds Re-inspection of services for children in need of help and protection", seed="title"),
        make_report(seed="unread", status=Status.UNRECOGNISED, error="not a report family"),
    ]
    load_batch(db, reports_to_frames([(report, None) for report in reports]))
    rows = query(db, "SELECT path, status, provider_name, quality_flags FROM v_unmatched_reports ORDER BY path")
    assert [(path, status) for path, status, _, _ in rows] == [
        ("/reports/title.pdf", "ok"), ("/reports/unread.pdf", "unrecognised")
    ]
    assert "provider_unmatched" in rows[0][3]


def test_every_view_with_a_region_has_the_codes_to_join_on(sample_db):
    with reading(sample_db) as con:
        views = [name for (name,) in con.execute(
            "SELECT DISTINCT table_name FROM duckdb_columns() WHERE column_name = 'region' "
            "AND table_name IN (SELECT view_name FROM duckdb_views() WHERE NOT internal)").fetchall()]
        assert {"v_la_judgements", "v_latest_judgements", "v_judgement_history", "v_grade_distribution",
                "v_provider_timeline", "v_authorities", "v_unrecognised_reports"} <= set(views)
        for view in views:
            columns = {column[0] for column in con.execute(f"SELECT * FROM {view} LIMIT 0").description}
            wanted = {"region_code"} if view == "v_grade_distribution" else {"region_code", "la_code", "ons_code"}
            assert wanted <= columns, view
            if "urn" in columns:
                codes = con.execute(f"SELECT DISTINCT la_code, ons_code, region_code FROM {view} WHERE urn = ?",
                                    [LEEDS]).fetchall()
                assert codes in ([], [("383", "E08000035", "E12000003")]), view
        regions = con.execute("SELECT DISTINCT region, region_code FROM v_grade_distribution ORDER BY 1").fetchall()
    assert regions == [("London", "E12000007"), ("Yorkshire and the Humber", "E12000003")]


def test_a_latest_grade_says_how_old_it_is_and_whether_an_earlier_framework_gave_it(sample_db):
    rows = query(
        sample_db,
        "SELECT provider_name, framework, inspection_end, years_since_inspection, from_earlier_framework, "
        "current_framework FROM v_latest_judgements WHERE area = 'overall_effectiveness' ORDER BY provider_name",
    )
    today = date.today()
    assert [(name, framework, earlier, current) for name, framework, _, _, earlier, current in rows] == [
        ("Bromley", "ilacs", True, "ilacs-2023"),
        ("Croydon", "ilacs", True, "ilacs-2023"),
        ("Leeds", "ilacs-2023", False, "ilacs-2023"),
    ]
    for name, _, ended, years, _, _ in rows:
        assert abs(years - (today - ended).days / 365.25) <= 0.05, name
    assert rows[0][3] > rows[2][3], "Bromley's 2019 grade is older than Leeds' of 2025"
