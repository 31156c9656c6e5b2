"""The provider views (schools, early years, further education) and the grade scales in the warehouse: the local
authority views are what they were, a republished report counts once, scales compare only within one range, and
a new scale reaches the warehouse without a migration."""

from __future__ import annotations

from tests.factories import sample_reports
from tests.provider_samples import COLLEGE, provider_reports
from transform.frames import reports_to_frames
from transform.grades import grade_scores
from warehouse.load import load_batch
from warehouse.schema import migrations
from warehouse.snapshot import reading

LA_VIEWS = ("v_la_judgements", "v_latest_judgements", "v_judgement_history", "v_overall_streaks",
            "v_grade_distribution", "v_authorities")


def all_rows(db, view: str) -> list[tuple]:
    with reading(db) as con:
        return con.execute(f"SELECT * FROM {view} ORDER BY ALL").fetchall()


def test_the_local_authority_views_are_unchanged_by_providers(tmp_path):
    authorities, both = tmp_path / "authorities.duckdb", tmp_path / "both.duckdb"
    load_batch(authorities, reports_to_frames([(report, None) for report in sample_reports()]))
    load_batch(both, reports_to_frames([(report, None) for report in sample_reports()] + provider_reports()))
    for view in LA_VIEWS:
        assert all_rows(both, view) == all_rows(authorities, view), view


def test_a_republished_report_is_one_inspection_the_later_published_copy(tmp_path):
    db = tmp_path / "w.duckdb"
    load_batch(db, reports_to_frames(provider_reports()))
    with reading(db) as con:
        found = con.execute("SELECT DISTINCT report_id FROM v_provider_judgements WHERE urn = ?", [COLLEGE]).fetchall()
        held = con.execute("SELECT count(*) FROM reports WHERE urn = ?", [COLLEGE]).fetchall()
    assert found == [("f" * 64,)] and held == [(2,)]


def test_every_provider_kind_lands_on_its_provider_type(tmp_path):
    db = tmp_path / "w.duckdb"
    load_batch(db, reports_to_frames(provider_reports()))
    with reading(db) as con:
        types = dict(con.execute("SELECT urn, provider_type FROM providers").fetchall())
    assert types == {"118765": "school", "100006": "school", "139486": "school", "145493": "school",
                     "EY448916": "early-years", "EY330146": "early-years", "130537": "further-education"}


def test_scores_in_the_warehouse_are_the_scales_scores(tmp_path):
    db = tmp_path / "w.duckdb"
    load_batch(db, reports_to_frames(provider_reports()))
    with reading(db) as con:
        stored = dict(con.execute("SELECT grade, score FROM grade_scales").fetchall())
        loaded = con.execute("SELECT DISTINCT j.grade, j.score, g.score FROM judgements AS j "
                             "JOIN grade_scales AS g USING (grade)").fetchall()
    assert stored == grade_scores()
    assert all(score == scale_score for _, score, scale_score in loaded)


def test_a_new_scale_reaches_the_warehouse_with_the_next_write_not_a_migration(tmp_path, monkeypatch):
    from warehouse import reference

    db = tmp_path / "w.duckdb"
    load_batch(db, reports_to_frames(provider_reports()[:1]))
    rows = reference.reference_rows()
    columns, scales = rows["grade_scales"]
    rows["grade_scales"] = (columns, [*scales, ("three-point", 1, "secure", "Secure", None, 1)])
    monkeypatch.setattr(reference, "reference_rows", lambda: rows)
    load_batch(db, reports_to_frames(provider_reports()[1:2]))
    with reading(db) as con:
        assert con.execute("SELECT printed FROM grade_scales WHERE scale = 'three-point'").fetchall() == [("Secure",)]
        applied = {version for (version,) in con.execute("SELECT version FROM schema_migrations").fetchall()}
    assert applied == {version for version, _ in migrations()}  # the same migrations as every other warehouse
