"""Warehouses to test against: a small hand-made one, and the whole corpus loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.factories import sample_reports
from transform.frames import reports_to_frames
from warehouse.load import load_batch


@pytest.fixture
def sample_frames():
    return reports_to_frames([(report, None) for report in sample_reports()])


@pytest.fixture
def sample_db(tmp_path, sample_frames) -> Path:
    db = tmp_path / "sample.duckdb"
    load_batch(db, sample_frames)
    return db


@pytest.fixture(scope="session")
def corpus_db(corpus_reports, tmp_path_factory) -> Path:
    """The whole corpus (extracted once per session) loaded into a fresh warehouse."""
    db = tmp_path_factory.mktemp("corpus-warehouse") / "ofsted.duckdb"
    load_batch(db, reports_to_frames([(report, None) for report in corpus_reports.values()]))
    return db
