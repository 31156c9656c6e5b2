"""The views on la_judgements (migration 009, kept by every load) give the rows the views before it computed at
every query: on the corpus, and on warehouses whose loads republish, replace and move reports."""

from __future__ import annotations

import dataclasses
import random
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest

from bench.views import VIEWS
from extract.records import Provenance
from tests.factories import make_report
from tests.warehouse.old_schemas import (
    MIGRATION_016_LOGGED,
    NUMBERED_TABLES,
    undo_grade_scales,
    undo_reference_tables,
    undo_report_numbers,
    without_report_no,
)
from transform.frames import reports_to_frames
from warehouse.load import load_batch, load_frames
from warehouse.snapshot import DROPPED, WRITTEN, changes_path, copy_paths, log_file, reading, writing

OLD_VIEWS_SQL = Path(__file__).parent / "views_before_009.sql"
AUTHORITIES = ("Leeds", "Croydon", "Bromley", "Bradford", "Kent")
# Areas of one lineage (area_lineage), so the previous grade comes across areas and, within one inspection, by preference.
AREAS = ("overall_effectiveness", "impact_of_leaders", "children_in_care", "care_leavers", "children_in_care_and_care_leavers")
GRADES = ("outstanding", "good", "requires_improvement", "inadequate", "not_judged")
# Few dates, so many reports of one authority share an inspection end: republished copies of one inspection.
DATES = tuple(date(2015, 1, 9) + timedelta(days=91 * n) for n in range(6))


def differences(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, int, int]]:
    """Per view whose rows differ from the old SQL's: (rows only in the new, rows only in the old, rows)."""
    con.execute(OLD_VIEWS_SQL.read_text())
    found = {}
    for view in VIEWS:
        columns = ", ".join(column[0] for column in con.execute(f"SELECT * FROM old_{view} LIMIT 0").description)
        new_only, old_only = (
            con.execute(f"SELECT count(*) FROM (SELECT {columns} FROM {a} EXCEPT ALL SELECT {columns} FROM {b})")
            .fetchone()[0]
            for a, b in ((view, f"old_{view}"), (f"old_{view}", view))
        )
        if new_only or old_only:
            found[view] = (new_only, old_only, con.execute(f"SELECT count(*) FROM {view}").fetchone()[0])
    return found


def assert_same_as_before(db: Path) -> None:
    with reading(db) as con:
        assert differences(con) == {}
        (rows,) = con.execute("SELECT count(*) FROM la_judgements").fetchone()
        assert rows > 0, "no judgements of full inspections: the comparison proved nothing"


def test_views_on_the_corpus_match_the_old_sql(corpus_db):
    assert_same_as_before(corpus_db)


def inspection(rng: random.Random, seed: str, **changes):
    """A full inspection of a random authority and date with random grades (changes override any of them)."""
    fields = {"provider": rng.choice(AUTHORITIES), "end": rng.choice(DATES),
              "grades": {area: rng.choice(GRADES) for area in rng.sample(AREAS, rng.randint(1, len(AREAS)))}}
    fields.update(changes)
    return make_report(fields["provider"], fields["end"], fields["grades"], seed=seed)


def published(rng: random.Random) -> Provenance | None:
    """Half the files come from the site (with a publication date, sometimes the same for two copies)."""
    return Provenance(published=rng.choice(DATES) + timedelta(days=30)) if rng.random() < 0.5 else None


def undated(report):
    """A report without an end date: an inspection of its own, never merged with another."""
    return dataclasses.replace(report, inspection_start=None, inspection_end=None)


def test_views_match_the_old_sql_through_republished_replaced_and_moved_reports(tmp_path):
    rng = random.Random(9)
    db = tmp_path / "w.duckdb"
    first = [(inspection(rng, f"r{n}"), published(rng)) for n in range(60)]
    first += [(undated(inspection(rng, f"u{n}")), published(rng)) for n in range(4)]
    first.append((make_report("Leeds", DATES[0], kind="focused-visit", framework="focused-visit", seed="visit"), None))
    load_batch(db, reports_to_frames(first))
    assert_same_as_before(db)
    with reading(db) as con:
        republished = con.execute("SELECT count(*) FROM reports GROUP BY urn, inspection_end HAVING count(*) > 1 "
                                  "LIMIT 1").fetchall()
    assert republished, "no two reports of one inspection: the dedupe is not exercised"
    with reading(db) as con:
        across = con.execute("SELECT count(*) FILTER (WHERE previous_area <> area), "
                             "count(*) FILTER (WHERE previous_area = area) FROM v_judgement_history").fetchone()
    assert all(across), f"previous grades from another area and from the same: {across}; the lineage is not exercised"

    # Each later write republishes copies, and replaces reports (new content) under another date or authority.
    for write in range(3):
        batch = [(inspection(rng, f"w{write}-{n}"), published(rng)) for n in range(15)]
        for n in rng.sample(range(60), 12):
            moved = {"end": rng.choice(DATES)} if n % 2 else {"provider": rng.choice(AUTHORITIES)}
            batch.append((inspection(rng, f"r{n}", **moved), published(rng)))
        load_batch(db, reports_to_frames(batch))
        assert_same_as_before(db)


def test_two_loads_in_one_write_replay_onto_the_standby(tmp_path):
    """The second load of a write makes the first one's new report lose its inspection: the standby (replaying
    the write's change log at the next write) must not bring the loser back."""
    db = tmp_path / "w.duckdb"
    loser = make_report("Leeds", DATES[1], {"overall_effectiveness": "good"}, seed="loser")
    winner = make_report("Leeds", DATES[1], {"overall_effectiveness": "inadequate"}, seed="winner")
    load_batch(db, reports_to_frames([(make_report("Kent", DATES[0], seed="kent"), None)]))
    with writing(db) as con:
        load_frames(con, reports_to_frames([(loser, Provenance(published=DATES[2]))]))
        load_frames(con, reports_to_frames([(winner, Provenance(published=DATES[3]))]))
    load_batch(db, reports_to_frames([(make_report("Kent", DATES[4], seed="next"), None)]))  # replays the write
    assert_same_as_before(db)
    for copy in copy_paths(db):
        with duckdb.connect(str(copy), read_only=True) as con:
            rows = con.execute("SELECT grade FROM la_judgements WHERE urn = (SELECT urn FROM providers "
                               "WHERE name = 'Leeds')").fetchall()
        assert rows == [("inadequate",)], copy


def test_a_warehouse_from_before_009_gets_the_table_filled_from_its_live_rows(tmp_path):
    """The first write with migration 009 runs it on a standby one write behind: the standby catches up with the
    live copy before the migration fills la_judgements, so the table has the last write's reports too."""
    db = tmp_path / "w.duckdb"
    load_batch(db, reports_to_frames([(make_report("Kent", DATES[0], seed="kent"), None)]))
    load_batch(db, reports_to_frames([(make_report("Leeds", DATES[1], seed="leeds"), None)]))
    for path in copy_paths(db):  # as the code before 009 left them (without 010's report numbers either)
        with duckdb.connect(str(path)) as con:
            con.execute("DROP TABLE IF EXISTS la_judgements CASCADE")
            con.execute("DROP TABLE IF EXISTS la_judgements_order")
            undo_report_numbers(con)
            undo_reference_tables(con)
            undo_grade_scales(con)
            con.execute("DELETE FROM schema_migrations WHERE version >= 9")
    (log,) = changes_path(db).iterdir()
    for table in ("la_judgements", *MIGRATION_016_LOGGED):
        for prefix in (WRITTEN, DROPPED):
            log_file(log, prefix, table).unlink()
    for table in NUMBERED_TABLES:
        without_report_no(log_file(log, WRITTEN, table))
    for path in copy_paths(db):  # the live copy must not look newer than the change log
        path.touch()
    log.touch()
    load_batch(db, reports_to_frames([(make_report("Kent", DATES[2], seed="kent2"), None)]))
    with reading(db) as con:
        (rows,) = con.execute("SELECT count(*) FROM la_judgements").fetchone()
    assert rows == 3
    assert_same_as_before(db)


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_keeps_its_comment(corpus_db, view):
    with reading(corpus_db) as con:
        (comment,) = con.execute("SELECT comment FROM duckdb_views() WHERE view_name = ?", [view]).fetchone()
    assert comment
