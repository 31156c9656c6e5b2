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
