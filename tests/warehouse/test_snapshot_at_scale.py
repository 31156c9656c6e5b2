"""The snapshot guarantees on a warehouse of 100,000 reports (bench/synthetic.py, from the corpus's rows)."""

from __future__ import annotations

import pytest

from bench.synthetic import build_warehouse
from tests.warehouse.test_snapshot import check_a_killed_load_leaves_the_last_state, check_readers_never_see_a_lock
from warehouse.load import load_batch
from warehouse.snapshot import reading
from tests.factories import make_report
from transform.frames import reports_to_frames

ARCHIVE_REPORTS = 100_000
PASSAGES = 0  # the guarantees do not depend on the sentences, and without them the build takes seconds


@pytest.fixture
def archive_db(corpus_db, tmp_path):
    db = build_warehouse(tmp_path / "archive.duckdb", ARCHIVE_REPORTS, template=corpus_db, passages_per_report=PASSAGES)
    load_batch(db, reports_to_frames([(make_report(seed="adopt"), None)]))  # makes the standby copy once
    with reading(db) as con:
        assert con.execute("SELECT count(*) FROM reports").fetchone() == (ARCHIVE_REPORTS + 1,)
    return db


@pytest.mark.slow
def test_readers_never_see_a_lock_at_archive_scale(archive_db, tmp_path):
    check_readers_never_see_a_lock(archive_db, tmp_path)


@pytest.mark.slow
def test_a_killed_load_leaves_the_last_state_at_archive_scale(archive_db):
    check_a_killed_load_leaves_the_last_state(archive_db)
