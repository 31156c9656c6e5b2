"""Shared fixtures: the real-report corpus (read once per session) and an isolated Prefect home."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

CORPUS_ENV = "OFSTED_CORPUS"


def corpus_dir() -> Path | None:
    value = os.environ.get(CORPUS_ENV)
    if not value:
        return None
    path = Path(value)
    return path if (path / "MANIFEST.csv").is_file() else None


@pytest.fixture(scope="session")
def corpus() -> Path:
    path = corpus_dir()
    if path is None:
        pytest.skip(f"{CORPUS_ENV} is not set to a folder with MANIFEST.csv: corpus tests need the real reports")
    return path


@pytest.fixture(scope="session")
def manifest(corpus: Path) -> list[dict]:
    with open(corpus / "MANIFEST.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="session")
def corpus_reports(corpus: Path, manifest: list[dict]) -> dict:
    """Every corpus file extracted once per session, on all cores: {relative path: Report}."""
    from extract.batch import extract_paths

    paths = [corpus / row["path"] for row in manifest]
    return {row["path"]: report for row, report in zip(manifest, extract_paths(paths))}


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory):
    """One Prefect test harness (temporary server and database) for the whole session; opt in by name."""
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ["PREFECT_HOME"] = str(tmp_path_factory.mktemp("prefect-home"))
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def document_of():
    """The page texts of a report file, read once per session whichever tests ask: document_of(path)."""
    from functools import lru_cache

    from extract.pdf_text import bytes_to_document

    @lru_cache(maxsize=None)
    def read(path: str):
        return bytes_to_document(Path(path).read_bytes())

    return read


# The local fake Ofsted site (tests/fake_site/): `tiny_site` needs no corpus, `corpus_site` serves every report.
from tests.fake_site.fixtures import (  # noqa: E402, F401
    _corpus_site, _tiny_site, _typed_site, corpus_site, tiny_site, typed_site,
)
