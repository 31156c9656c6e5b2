"""la_judgements is rewritten in authority order once loads have appended more than a fraction of it (migration
011): at that threshold and not before, with the same rows; the standby replays the rewrite, so both copies put
the same rows in the same order."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

import warehouse.load as load
from tests.factories import make_report
from tests.warehouse.test_views_after_009 import DATES, assert_same_as_before
from transform.frames import reports_to_frames
from warehouse.load import load_batch
from warehouse.snapshot import REWRITTEN, WRITTEN, changes_path, log_file, reading

AUTHORITIES = ("Leeds", "Croydon", "Bromley", "Bradford", "Kent", "Camden", "Barnet", "Sefton")
FRACTION = 0.5
IN_ORDER = "urn, inspection_end, report_id, area"
LA_JUDGEMENTS = "la_judgements"


@pytest.fixture(autouse=True)
def small_threshold(monkeypatch):
    """The rule at test size: rewrite once the appended rows pass half the table, however small it is, a few
    authorities at a time."""
    monkeypatch.setattr(load, "COMPACT_APPENDED_FRACTION", FRACTION)
    monkeypatch.setattr(load, "COMPACT_MIN_APPENDED_ROWS", 0)
    monkeypatch.setattr(load, "REWRITE_CHUNK_ROWS", 5)


def write(db: Path, authorities, end, tag: str) -> None:
    """One write of one full inspection (one judgement) per authority: one row of la_judgements each."""
    reports = [make_report(name, end, {"overall_effectiveness": "good"}, seed=f"{tag}-{name}") for name in authorities]
    load_batch(db, reports_to_frames([(report, None) for report in reports]))


def stored(con: duckdb.DuckDBPyConnection, order: str = "rowid") -> list[tuple]:
    return con.execute(f"SELECT * FROM {LA_JUDGEMENTS} ORDER BY {order}").fetchall()


def layout(db: Path) -> tuple[int, int, bool]:
    """Rows of la_judgements, rows appended since its last rewrite, and whether it is stored in order."""
    with reading(db) as con:
        (appended,) = con.execute("SELECT appended_rows FROM la_judgements_order").fetchone()
        rows = stored(con)
        return len(rows), appended, rows == stored(con, IN_ORDER)


def last_log(db: Path) -> Path:
    (log,) = changes_path(db).iterdir()
    return log


def logged_rows(log: Path) -> int:
    with duckdb.connect() as con:
        written = log_file(log, WRITTEN, LA_JUDGEMENTS)
        return con.execute(f"SELECT count(*) FROM read_parquet('{written}')").fetchone()[0]


def first_authority(db: Path) -> tuple[str, list[str]]:
    """The authority whose rows come first in order (its new inspection, appended, puts the table out of order),
    and the others."""
    with reading(db) as con:
        (first,) = con.execute(f"SELECT provider_name FROM {LA_JUDGEMENTS} ORDER BY urn LIMIT 1").fetchone()
    return first, [name for name in AUTHORITIES if name != first]


def test_the_table_is_rewritten_in_order_once_the_appended_rows_pass_the_fraction(tmp_path):
    db = tmp_path / "w.duckdb"
    write(db, AUTHORITIES, DATES[0], "a")
    assert layout(db) == (8, 0, True)  # 8 appended rows pass half of 8: rewritten at once
    first, others = first_authority(db)
    expected_appended = 0
    for step, (count, end) in enumerate(((3, DATES[1]), (3, DATES[2]), (2, DATES[3]))):
        write(db, (first, *others[:count - 1]), end, f"b{step}")
        expected_appended += count
        rows, appended, in_order = layout(db)
        assert appended == expected_appended <= FRACTION * rows and not in_order
        assert not (last_log(db) / f"{REWRITTEN}{LA_JUDGEMENTS}").exists()
        assert_same_as_before(db)
    assert layout(db) == (16, 8, False)  # 8 appended of 16: at the fraction, not past it
    write(db, (first,), DATES[4], "c")
    assert layout(db) == (17, 0, True)  # 9 of 17: past it
    assert_same_as_before(db)
    log = last_log(db)
    assert (log / f"{REWRITTEN}{LA_JUDGEMENTS}").exists()
    assert logged_rows(log) == 1  # the rewrite is not logged as changed rows, only the load's one


def test_the_standby_replays_the_rewrite_and_puts_the_rows_in_the_same_order(tmp_path):
    db = tmp_path / "w.duckdb"
    write(db, AUTHORITIES, DATES[0], "a")
    first, others = first_authority(db)
    write(db, (first, *others[:3]), DATES[1], "b")  # 4 of 12 appended: kept
    write(db, (first, *others[:2]), DATES[2], "c")  # 7 of 15: kept
    write(db, (first,), DATES[3], "d")  # 8 of 16: kept
    rewriting = db.resolve()
    write(db, (first,), DATES[4], "e")  # 9 of 17: rewritten in order
    rewritten = db.resolve()
    assert rewritten != rewriting  # written on the other copy
    with duckdb.connect(str(rewritten), read_only=True) as con:
        in_order = stored(con)
    assert in_order == sorted(in_order, key=lambda row: (row[0], row[5], row[2], row[7]))
    write(db, (first,), DATES[5], "f")  # on the first copy: replays the rewrite, then appends its one row
    assert db.resolve() == rewriting
    with reading(db) as con:
        replayed = stored(con)
        (appended,) = con.execute("SELECT appended_rows FROM la_judgements_order").fetchone()
    assert replayed[:-1] == in_order and len(replayed) == len(in_order) + 1
    assert appended == 1
    assert_same_as_before(db)
    write(db, others[:3], DATES[5], "g")  # and the rewritten copy replays the last write after its rows
    with reading(db) as con:
        assert stored(con)[: len(replayed)] == replayed
    assert_same_as_before(db)
