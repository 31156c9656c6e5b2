"""What docs/guide.md promises readers: a connection kept open sees the snapshot it opened; reconnecting
picks up new loads."""

from __future__ import annotations

from datetime import date

from tests.factories import make_report
from transform.frames import reports_to_frames
from warehouse.load import load_frames
from warehouse.snapshot import reading, writing


def load(db, *reports) -> None:
    with writing(db) as con:
        load_frames(con, reports_to_frames([(r, None) for r in reports]))


def test_a_connection_kept_open_sees_its_snapshot_and_reconnecting_sees_new_loads(tmp_path):
    db = tmp_path / "w.duckdb"
    load(db, make_report("Leeds", date(2019, 5, 3)))
    with reading(db) as kept_open:
        load(db, make_report("Leeds", date(2023, 5, 3)))
        assert kept_open.execute("SELECT count(*) FROM reports").fetchone() == (1,)
        with reading(db) as second:  # the warehouse path now leads to the new copy, which it opens
            assert second.execute("SELECT count(*) FROM reports").fetchone() == (2,)
        assert kept_open.execute("SELECT count(*) FROM reports").fetchone() == (1,)
    with reading(db) as reconnected:
        assert reconnected.execute("SELECT count(*) FROM reports").fetchone() == (2,)
