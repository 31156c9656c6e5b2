from dataclasses import replace
from datetime import date

import duckdb
import pandas as pd
import pytest

from extract.records import Judgement, Passage, Provenance, Status
from tests.factories import make_report, sample_reports
from transform.frames import PROVENANCE_COLUMNS, reports_to_frames
from warehouse.exceptions import FramesInvalid
from warehouse.load import Action, LoadResult, load_batch, load_frames, plan_reports, stage, version_key
from warehouse.snapshot import reading, writing
from warehouse.state import fingerprint, loaded_versions


def frames_of(reports, provenance=None):
    return reports_to_frames([(report, provenance) for report in reports])


def state_of(db):
    with reading(db) as con:
        return fingerprint(con)


def test_loading_the_same_frames_twice_changes_nothing(sample_db, sample_frames):
    before = state_of(sample_db)
    assert load_batch(sample_db, sample_frames) == LoadResult(unchanged=len(sample_frames.reports))
    assert state_of(sample_db) == before


def test_a_fresh_load_inserts_every_report_once(tmp_path, sample_frames):
    result = load_batch(tmp_path / "w.duckdb", sample_frames)
    assert result == LoadResult(inserted=len(sample_frames.reports))
    counts = {table: f.rows for table, f in state_of(tmp_path / "w.duckdb").items()}
    assert counts == {
        "providers": len(sample_frames.providers),
        "reports": len(sample_frames.reports),
        "judgements": len(sample_frames.judgements),
        "quotations": len(sample_frames.quotations),
        "passages": len(sample_frames.passages),
    }
    assert len(sample_frames.passages) > 0


def test_a_newer_parser_version_replaces_the_report_in_place(sample_db):
    report = sample_reports()[0]
    newer = replace(
        report,
        parser_version="99.0.0",
        judgements=[Judgement("overall_effectiveness", "requires_improvement", "Overall", 1)],
    )
    assert load_batch(sample_db, frames_of([newer])) == LoadResult(replaced=1)
    with reading(sample_db) as con:
        assert con.execute(
            "SELECT parser_version, grade, score FROM reports JOIN judgements USING (report_id) WHERE report_id = ?",
            [report.sha256],
        ).fetchall() == [("99.0.0", "requires_improvement", 3)]
        assert con.execute("SELECT count(*) FROM reports WHERE report_id = ?", [report.sha256]).fetchone() == (1,)


def test_an_older_parser_version_never_overwrites_a_newer_parse(sample_db):
    report = sample_reports()[0]
    load_batch(sample_db, frames_of([replace(report, parser_version="99.0.0")]))
    before = state_of(sample_db)
    assert load_batch(sample_db, frames_of([report])) == LoadResult(kept_newer=1)
    assert state_of(sample_db) == before


def test_same_version_with_different_content_replaces_the_rows(sample_db):
    report = sample_reports()[5]  # Croydon 2017, two quotations
    fewer = replace(report, quotations=report.quotations[:1])
    assert load_batch(sample_db, frames_of([fewer])) == LoadResult(replaced=1)
    with reading(sample_db) as con:
        assert con.execute("SELECT count(*) FROM quotations WHERE report_id = ?", [report.sha256]).fetchone() == (1,)


def test_passages_are_replaced_with_their_report_and_a_rerun_changes_nothing(sample_db):
    report = sample_reports()[5]  # Croydon 2017, two passages
    rewritten = replace(report, passages=[Passage(1, "Help and protection", 4, 6, "Neglect is not recognised.")])
    assert load_batch(sample_db, frames_of([rewritten])) == LoadResult(replaced=1)
    before = state_of(sample_db)
    assert load_batch(sample_db, frames_of([rewritten])) == LoadResult(unchanged=1)
    assert state_of(sample_db) == before
    with reading(sample_db) as con:
        assert con.execute(
            "SELECT seq, section, paragraph, page, text FROM passages WHERE report_id = ?", [report.sha256]
        ).fetchall() == [(1, "Help and protection", 4, 6, "Neglect is not recognised.")]


def test_a_report_that_can_no_longer_be_read_loses_its_passages(sample_db):
    report = sample_reports()[5]
    unreadable = replace(report, status=Status.ERROR, error="/reports/x.pdf: grades disagree", parser_version="99.0.0")
    load_batch(sample_db, frames_of([unreadable]))
    with reading(sample_db) as con:
        assert con.execute("SELECT count(*) FROM passages WHERE report_id = ?", [report.sha256]).fetchone() == (0,)


def test_provenance_added_later_updates_the_row_and_a_load_without_it_never_erases_it(tmp_path):
    db = tmp_path / "w.duckdb"
    report = make_report()
    load_batch(db, frames_of([report]))
    site = Provenance(source_url="https://files.example/v1/file/77", file_id="77", published=date(2022, 6, 1))
    assert load_batch(db, frames_of([report], site)) == LoadResult(replaced=1)
    assert load_batch(db, frames_of([report], site)) == LoadResult(unchanged=1)
    assert load_batch(db, frames_of([replace(report, path="/copy.pdf")])) == LoadResult(unchanged=1)
    newer = replace(report, parser_version="99.0.0")
    assert load_batch(db, frames_of([newer])) == LoadResult(replaced=1)
    with reading(db) as con:
        assert con.execute("SELECT file_id, published, parser_version FROM reports").fetchall() == [
            ("77", date(2022, 6, 1), "99.0.0")
        ]


def test_providers_are_upserted_by_urn(tmp_path):
    db = tmp_path / "w.duckdb"
    load_batch(db, frames_of([make_report("Leeds", date(2018, 1, 1)), make_report("Leeds City Council")]))
    load_batch(db, frames_of([make_report("Leeds City", date(2025, 1, 1))]))
    with reading(db) as con:
        assert con.execute("SELECT urn, name FROM providers").fetchall() == [("80481", "Leeds")]


def test_frames_that_break_a_key_are_refused_with_the_key_named(tmp_path, sample_frames):
    sample_frames.judgements = pd.concat([sample_frames.judgements, sample_frames.judgements.head(1)])
    with pytest.raises(FramesInvalid) as raised:
        load_batch(tmp_path / "w.duckdb", sample_frames)
    assert str(raised.value).startswith("judgements: 2 rows share a key (report_id, area = ")
    assert not (tmp_path / "w.duckdb").exists()


def test_a_failure_inside_a_write_leaves_the_live_file_as_it_was(sample_db, sample_frames):
    before = state_of(sample_db)
    with pytest.raises(RuntimeError), writing(sample_db) as con:
        con.execute("DELETE FROM judgements")
        load_frames(con, frames_of([make_report("Camden")]))
        raise RuntimeError("crash half way")
    assert state_of(sample_db) == before


def test_an_empty_batch_loads_nothing_and_creates_the_schema(tmp_path):
    db = tmp_path / "w.duckdb"
    assert load_batch(db, frames_of([])) == LoadResult()
    with reading(db) as con:
        assert loaded_versions(con) == {}


def test_report_columns_keep_their_warehouse_types(sample_db):
    with reading(sample_db) as con:
        types = dict(con.execute(
            "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'reports'"
        ).fetchall())
    assert (types["inspection_end"], types["pages"], types["quality_flags"]) == ("DATE", "INTEGER", "VARCHAR[]")


@pytest.mark.parametrize(
    ("stored", "incoming", "action"),
    [
        pytest.param(None, ("1.0.0", "h"), Action.INSERT, id="new"),
        pytest.param(("1.0.0", "h"), ("1.0.0", "h"), Action.UNCHANGED, id="same"),
        pytest.param(("1.0.0", "h"), ("1.0.0", "g"), Action.REPLACE, id="content-changed"),
        pytest.param(("1.9.0", "h"), ("1.10.0", "h"), Action.REPLACE, id="newer-numerically"),
        pytest.param(("1.10.0", "h"), ("1.9.0", "g"), Action.KEEP_NEWER, id="older"),
    ],
)
def test_the_merge_plan_follows_the_reports_rule(stored, incoming, action):
    columns = ["report_id", "parser_version", "content_hash", *PROVENANCE_COLUMNS]
    unknown = [None] * len(PROVENANCE_COLUMNS)
    new = pd.DataFrame([["r", *incoming, *unknown]], columns=columns)
    old = pd.DataFrame([["r", *stored, *unknown]] if stored else [], columns=columns)
    assert plan_reports(new, old) == {"r": action}


def test_version_order_is_numeric_then_text():
    assert version_key("1.10.0") > version_key("1.9.2") > version_key("1.9")
    assert version_key("1.0.dev") > version_key("1.0.9")


def test_a_load_can_share_its_write_with_other_steps(tmp_path):
    db = tmp_path / "w.duckdb"
    with writing(db) as con:
        load_frames(con, frames_of([make_report()]))
        con.execute("INSERT INTO runs (run_id, flow, started_at, status) VALUES ('r1', 'test', now(), 'running')")
    with reading(db) as con:
        assert con.execute("SELECT count(*) FROM reports, runs").fetchone() == (1,)


def test_readers_cannot_write(sample_db):
    with reading(sample_db) as con, pytest.raises(duckdb.Error):
        con.execute("DELETE FROM reports")


def test_a_batch_bigger_than_a_duckdb_row_group_keeps_every_row(tmp_path):
    """Regression: staging through CREATE ... AS SELECT ... LIMIT 0 lost every row from 122,880 up (DuckDB 2.0)."""
    rows = 130_000
    frames = frames_of([])
    frames.judgements = pd.DataFrame({
        "report_id": [f"{i // 5:064x}" for i in range(rows)],
        "area": [f"area_{i % 5}" for i in range(rows)],
        "grade": "good", "score": 2, "label": "Label", "page": 1,
    })
    with writing(tmp_path / "w.duckdb") as con:
        stage(con, frames)
        assert con.execute("SELECT count(*), count(DISTINCT report_id) FROM stage_judgements").fetchone() == (
            rows, rows // 5
        )
