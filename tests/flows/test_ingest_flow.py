"""The ingest logic with fake steps (no PDFs, no Prefect), and the real flow once under Prefect."""

from __future__ import annotations

import os
from dataclasses import replace

import pytest

from extract.records import Status
import flows.ingest
from flows.ingest import IngestSummary, Steps, batches_of, extract_batch, ingest, ingest_flow, transform_batch
from tests.factories import make_report, sample_reports
from tests.pdfs import EARLY_YEARS_LINES, text_pdf
from warehouse.runs import FAILED
from warehouse.snapshot import reading
from warehouse.state import fingerprint


def fake_steps(reports_by_path, calls=None):
    def extract(files, workers):
        if calls is not None:
            calls.append(list(files))
        return [reports_by_path[f] for f in files]

    return Steps(extract=extract)


@pytest.fixture
def sample_files():
    return {report.path: report for report in sample_reports()}


def test_ingest_loads_in_batches_and_records_one_run(tmp_path, sample_files):
    db = tmp_path / "w.duckdb"
    calls, progress = [], []
    summary = ingest(
        list(sample_files), db, batch_size=5, steps=fake_steps(sample_files, calls),
        on_batch=lambda s, batches: progress.append((s.batches, batches, s.files)),
    )
    assert [len(c) for c in calls] == [5, 5, 3]
    assert progress == [(1, 3, 5), (2, 3, 10), (3, 3, 13)]
    assert (summary.files, summary.read, summary.inserted, summary.failures) == (13, 12, 13, 1)
    with reading(db) as con:
        assert con.execute(
            "SELECT flow, status, reports_found, reports_new, reports_loaded, failures FROM runs"
        ).fetchall() == [("ingest", "partial", 13, 13, 13, 1)]
        assert con.execute("SELECT stage, target FROM failures").fetchall() == [("extract", "/reports/broken.pdf")]


def test_ingesting_twice_changes_no_data_and_records_a_second_run(tmp_path, sample_files):
    db = tmp_path / "w.duckdb"
    ingest(list(sample_files), db, steps=fake_steps(sample_files))
    with reading(db) as con:
        before = fingerprint(con)
    summary = ingest(list(sample_files), db, steps=fake_steps(sample_files))
    assert (summary.inserted, summary.replaced, summary.unchanged) == (0, 0, 13)
    with reading(db) as con:
        assert fingerprint(con) == before
        assert con.execute("SELECT count(*) FROM runs").fetchone() == (2,)
        assert con.execute("SELECT attempts FROM failures").fetchall() == [(2,)]


def counting_steps(calls):
    def extract(files, workers):
        calls.append(list(files))
        return extract_batch(files, 1)

    return Steps(extract=extract)


def write_pdfs(folder, names):
    for name in names:
        (folder / f"{name}.pdf").write_bytes(text_pdf((f"Report of {name}", *EARLY_YEARS_LINES)))
    return [str(folder / f"{name}.pdf") for name in names]


def test_a_file_already_loaded_by_this_parser_is_hashed_not_read_again(tmp_path):
    db, calls = tmp_path / "w.duckdb", []
    first = write_pdfs(tmp_path, ["a", "b"])
    ingest(first, db, steps=counting_steps(calls))
    summary = ingest([*first, *write_pdfs(tmp_path, ["c"])], db, steps=counting_steps(calls))
    assert calls == [first, [str(tmp_path / "c.pdf")]]
    assert (summary.files, summary.skipped, summary.unchanged, summary.inserted) == (3, 2, 2, 1)


def test_a_file_loaded_by_an_older_parser_is_read_again(tmp_path, monkeypatch):
    db, calls = tmp_path / "w.duckdb", []
    files = write_pdfs(tmp_path, ["a", "b"])
    ingest(files, db, steps=counting_steps(calls))
    monkeypatch.setattr(flows.ingest, "PARSER_VERSION", "999.0.0")
    summary = ingest(files, db, steps=counting_steps(calls))
    assert calls == [files, files]
    assert summary.skipped == 0


def test_a_file_that_reads_well_later_resolves_its_failure(tmp_path):
    db = tmp_path / "w.duckdb"
    broken = make_report(seed="late", status=Status.UNRECOGNISED, error="/reports/late.pdf: not a family")
    ingest([broken.path], db, steps=fake_steps({broken.path: broken}))
    fixed = replace(make_report("Camden", seed="late"), parser_version="99.0.0")
    summary = ingest([fixed.path], db, steps=fake_steps({fixed.path: fixed}))
    assert (summary.replaced, summary.failures) == (1, 0)
    with reading(db) as con:
        assert con.execute("SELECT resolved_at IS NOT NULL FROM failures").fetchall() == [(True,)]
        assert con.execute("SELECT status, urn FROM reports").fetchall() == [("ok", "80491")]


def test_a_run_that_stops_is_recorded_as_failed_and_the_error_raised(tmp_path, sample_files):
    db = tmp_path / "w.duckdb"

    def transform_then_fail(reports):
        if len(reports) < 5:
            raise RuntimeError("disk full")
        return transform_batch(reports)

    steps = replace(fake_steps(sample_files), transform=transform_then_fail)
    with pytest.raises(RuntimeError, match="disk full"):
        ingest(list(sample_files), db, batch_size=5, steps=steps)
    with reading(db) as con:
        assert con.execute("SELECT status, detail, reports_new FROM runs").fetchall() == [
            (FAILED, "stopped: disk full", 10)
        ]
        assert con.execute("SELECT count(*) FROM reports").fetchone() == (10,)  # the batches that finished


def test_batches_cover_every_file_once():
    assert batches_of(["a", "b", "c"], 2) == [["a", "b"], ["c"]]
    with pytest.raises(ValueError, match="batch size must be at least 1, got 0"):
        ingest([], None, batch_size=0)


def test_summary_counts_for_the_runs_table():
    summary = IngestSummary(run_id="r", db=None, files=3, inserted=1, replaced=1, not_read=["x"])
    counts = summary.counts()
    assert (counts.reports_found, counts.reports_new, counts.reports_loaded, counts.failures) == (3, 1, 2, 1)


@pytest.mark.slow
def test_the_ingest_flow_runs_under_prefect(prefect_harness, tmp_path):
    (tmp_path / "page.pdf").write_bytes(b"<html>not found</html>")
    db = tmp_path / "w.duckdb"
    summary = ingest_flow([str(tmp_path / "page.pdf")], str(db), workers=1, batch_size=1)
    assert (summary.files, summary.inserted, summary.failures) == (1, 1, 1)
    with reading(db) as con:
        run_id, status = con.execute("SELECT run_id, status FROM runs").fetchone()
    assert status == "partial"
    assert run_id == summary.run_id and len(run_id) == 36  # the Prefect flow run's id


@pytest.mark.slow
def test_the_ingest_flow_loads_a_file_whose_name_is_not_utf8(prefect_harness, tmp_path):
    name = os.path.join(os.fsencode(tmp_path), b"report-\xff.pdf")
    with open(name, "wb") as handle:
        handle.write(b"<html>not found</html>")
    (tmp_path / "plain.pdf").write_bytes(b"<html>not found either</html>")
    db = tmp_path / "w.duckdb"
    summary = ingest_flow([os.fsdecode(name), tmp_path / "plain.pdf"], db, workers=1, batch_size=5)
    assert (summary.files, summary.inserted, summary.failures) == (2, 2, 2)
    with reading(db) as con:
        assert con.execute("SELECT count(*) FROM reports").fetchone() == (2,)
        assert con.execute("SELECT count(*) FROM failures WHERE target LIKE '%report-\\xff.pdf'").fetchone() == (1,)


def test_paths_are_stored_absolute_whatever_folder_ingest_ran_in(tmp_path, monkeypatch):
    db, calls = tmp_path / "w.duckdb", []
    write_pdfs(tmp_path, ["a"])
    monkeypatch.chdir(tmp_path)
    ingest(["a.pdf", "../" + tmp_path.name + "/a.pdf"], db, steps=counting_steps(calls))
    assert calls == [[str(tmp_path / "a.pdf")] * 2]
    with reading(db) as con:
        assert con.execute("SELECT path FROM reports").fetchall() == [(str(tmp_path / "a.pdf"),)]
        assert con.execute("SELECT DISTINCT target FROM failures").fetchall() == [(str(tmp_path / "a.pdf"),)]


def test_a_row_loaded_with_a_relative_path_gets_the_absolute_one_when_its_file_is_ingested_again(
    tmp_path, monkeypatch
):
    """Warehouses loaded before paths were stored absolute: the file is not read again (same bytes, same parser),
    but its row takes the absolute path, on the standby copy too."""
    from extract.report import extract_path
    from transform.frames import reports_to_frames
    from warehouse.load import load_batch
    from warehouse.snapshot import copy_paths

    db, calls = tmp_path / "w.duckdb", []
    files = write_pdfs(tmp_path, ["a", "b"])
    monkeypatch.chdir(tmp_path)
    load_batch(db, reports_to_frames([(extract_path(name), None) for name in ("a.pdf", "b.pdf")]))
    with reading(db) as con:
        before = fingerprint(con, ("judgements", "passages"))
        assert sorted(con.execute("SELECT path FROM reports").fetchall()) == [("a.pdf",), ("b.pdf",)]
    ingest(files[:1], db, steps=counting_steps(calls))
    ingest(files[:1], db, steps=counting_steps(calls))  # a second write replays the first onto the other copy
    assert calls == []
    for copy in copy_paths(db):
        with reading(copy) as con:
            paths = sorted(con.execute("SELECT path FROM reports").fetchall())
            assert paths == [(files[0],), ("b.pdf",)], copy
            assert fingerprint(con, ("judgements", "passages")) == before
