"""Damaged copies of real reports (cut short, bits flipped, ranges zeroed, objects dropped): every one gets a
status and never an unexpected parser failure, and none loads as `ok` with fewer judgements than the intact
report without the `missing_judgements` quality flag. Seeded, so a failure can be rebuilt from its name."""

from __future__ import annotations

import csv

import pytest

from extract.batch import extract_paths
from extract.records import Status
from tests.damage import damaged_variants
from transform.flags import Flag
from transform.frames import reports_to_frames

SEED = 20261128
VARIANTS_PER_REPORT = 12
# One intact report of each framework whose judgements (or their absence) the fuzzing should stress.
FRAMEWORKS = ("ilacs", "ilacs-2023", "ilacs-2026", "sif", "focused-visit", "jtai", "area-send", "school-2015")
UNEXPECTED = "the parser failed unexpectedly"
WORKERS = 2  # processes: a crash in the PDF library would break the pool and fail the test, not the session


@pytest.fixture(scope="module")
def originals(corpus, corpus_reports) -> dict[str, object]:
    """The first corpus report (by path) of each framework in FRAMEWORKS that reads as ok: {path: Report}."""
    with open(corpus / "TRUTH.csv", newline="", encoding="utf-8") as handle:
        rows = sorted(csv.DictReader(handle), key=lambda row: row["path"])
    chosen = {}
    for framework in FRAMEWORKS:
        path = next(row["path"] for row in rows if row["framework"] == framework and corpus_reports[row["path"]].ok)
        chosen[path] = corpus_reports[path]
    return chosen


@pytest.fixture(scope="module")
def fuzzed(corpus, originals, tmp_path_factory):
    """[(original path, damage, variant Report)] for every damaged variant, extracted on WORKERS processes."""
    folder = tmp_path_factory.mktemp("damaged")
    cases, files = [], []
    for number, path in enumerate(sorted(originals)):
        data = (corpus / path).read_bytes()
        for index, (damage, variant) in enumerate(damaged_variants(data, SEED + number, VARIANTS_PER_REPORT)):
            file = folder / f"{number:02}-{index:02}-{damage}.pdf"
            file.write_bytes(variant)
            cases.append((path, damage))
            files.append(file)
    reports = list(extract_paths(files, workers=WORKERS))
    return [(path, damage, report) for (path, damage), report in zip(cases, reports)]


def test_every_damaged_report_gets_a_status_and_a_reason_never_a_parser_crash(fuzzed):
    assert len(fuzzed) == len(FRAMEWORKS) * VARIANTS_PER_REPORT
    for path, damage, report in fuzzed:
        assert isinstance(report.status, Status), (path, damage)
        assert report.ok or report.error, (path, damage, report.path)
        assert UNEXPECTED not in (report.error or ""), (path, damage, report.error)


def test_no_damaged_report_loads_ok_with_judgements_missing_and_no_flag(fuzzed, originals):
    for path, damage, report in fuzzed:
        intact = originals[path]
        frames = reports_to_frames([(report, None)])
        if frames.reports.empty or frames.reports.iloc[0]["status"] != "ok" or report.kind != "la-inspection":
            continue
        # Compared with the intact report of the same framework. (A damaged ILACS 2023 report that loses its overall
        # row reads as ILACS 2026, which has none: the framework is told by the table's rows.)
        if report.framework == intact.framework and len(report.judgements) < len(intact.judgements):
            assert Flag.MISSING_JUDGEMENTS.value in frames.reports.iloc[0]["quality_flags"], (path, damage, report.path)


def test_damage_is_seeded_so_a_failure_can_be_rebuilt():
    data = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n2 0 obj << >> endobj\ntrailer\n%%EOF\n" * 20
    assert list(damaged_variants(data, SEED, 8)) == list(damaged_variants(data, SEED, 8))
    assert all(variant != data for _, variant in damaged_variants(data, SEED, 8))
