"""A small hand-made warehouse with the cases the report must handle, built once per test session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from extract.records import Provenance, Quotation, Status
from tests.report.sample_reports import make_report
from transform.frames import reports_to_frames
from warehouse.load import load_batch


@dataclass(frozen=True)
class Provider:
    urn: str
    name: str  # as the project's table of local authorities names it (the warehouse's canonical name)


LEEDS = Provider("80481", "Leeds")
CROYDON = Provider("80492", "Croydon")
SEFTON = Provider("80550", "Sefton")
DEVON = Provider("80461", "Devon")
RUTLAND = Provider("80547", "Rutland")
# Printed with an ampersand; its quotation is full of characters the page must print, never interpret.
AWKWARD = Provider("80427", "Bath & North East Somerset")
SCHOOL = Provider("100001", "St Example's Primary School")

# Sefton's latest inspection ranks its quotations against their reading order: (rank, reason) per quotation.
SEFTON_RANKS = ((6, "finding"), (3, "summary"), (1, "summary"), (8, "improvement"), (2, "strong_wording"),
                (5, "paragraph_opening"), (4, "paragraph_opening"), (7, "improvement"))
SEFTON_QUOTATIONS = [Quotation("Summary", 2 + n, f"Sefton ranked {rank}.", rank, reason)
                     for n, (rank, reason) in enumerate(SEFTON_RANKS)]

AWKWARD_QUOTATION = 'Leaders said "we <b>will</b> act" & <script>alert("x")</script> did so.'

ILACS_AREAS = ("impact_of_leaders", "help_and_protection", "children_in_care_and_care_leavers")
ILACS_2023_AREAS = ("impact_of_leaders", "help_and_protection", "children_in_care", "care_leavers")


def ilacs(overall: str, others: str, areas=ILACS_AREAS) -> dict[str, str]:
    return {"overall_effectiveness": overall, **{area: others for area in areas}}


def sample_reports():
    return [
        make_report("Leeds", LEEDS.urn, "la-inspection", "sif", date(2015, 3, 20), {
            "overall_effectiveness": "good", "help_and_protection": "good", "children_looked_after": "good",
            "adoption_performance": "outstanding", "care_leavers": "good",
            "leadership_management_governance": "good", "lscb": "good"}),
        make_report("Leeds", LEEDS.urn, "la-inspection", "ilacs", date(2018, 3, 2),
                    ilacs("outstanding", "outstanding"), ["Leeds children are at the heart of everything."]),
        make_report("Leeds", LEEDS.urn, "focused-visit", "focused-visit", date(2020, 11, 5),
                    quotations=["Leaders have maintained a strong focus on children in care."]),
        make_report("Leeds", LEEDS.urn, "la-inspection", "ilacs", date(2022, 6, 10),
                    ilacs("outstanding", "outstanding")),
        make_report("Leeds", LEEDS.urn, "jtai", "jtai", date(2023, 9, 29),
                    quotations=["Partners work well together to protect children."]),
        make_report("Leeds", LEEDS.urn, "la-inspection", "ilacs-2023", date(2025, 7, 4),
                    ilacs("outstanding", "outstanding", ILACS_2023_AREAS),
                    [f"Leeds key quotation {n}." for n in range(1, 8)]),
        make_report("Croydon", CROYDON.urn, "la-inspection", "sif", date(2017, 3, 3),
                    {"overall_effectiveness": "good", "help_and_protection": "good"}),
        make_report("Croydon", CROYDON.urn, "la-inspection", "ilacs", date(2020, 2, 14),
                    ilacs("inadequate", "requires_improvement"), ["Services for children have declined."]),
        make_report("Croydon", CROYDON.urn, "area-send", "area-send", date(2024, 5, 17),
                    quotations=["Children wait too long for assessment."], outcome="significant_concerns"),
        make_report("Sefton", SEFTON.urn, "la-inspection", "ilacs-2023", date(2022, 5, 20),
                    ilacs("requires_improvement", "requires_improvement", ILACS_2023_AREAS)),
        # The 2026 reform gives no overall effectiveness grade.
        make_report("Sefton", SEFTON.urn, "la-inspection", "ilacs-2026", date(2026, 3, 13),
                    {"impact_of_leaders": "good", "help_and_protection": "good"}, SEFTON_QUOTATIONS),
        make_report("Devon", DEVON.urn, "la-inspection", "pre-2014", date(2012, 10, 19),
                    {"overall_effectiveness": "adequate"}),
        make_report("Devon", DEVON.urn, "la-inspection", "sif", date(2015, 6, 12),
                    {"overall_effectiveness": "requires_improvement"}),
        make_report("Rutland", RUTLAND.urn, "focused-visit", "focused-visit", date(2021, 2, 4),
                    quotations=["Social workers know their children well."]),
        make_report(AWKWARD.name, AWKWARD.urn, "la-inspection", "sif", date(2017, 1, 27),
                    {"overall_effectiveness": "inadequate"}),
        make_report(AWKWARD.name, AWKWARD.urn, "la-inspection", "ilacs", date(2019, 10, 4),
                    ilacs("requires_improvement", "good"), [AWKWARD_QUOTATION]),
        make_report(SCHOOL.name, SCHOOL.urn, "school-inspection", "section-5", date(2014, 5, 1),
                    {"overall_effectiveness": "good"}, ["Pupils enjoy school."]),
        # A report the extractor could not read never reaches the views.
        make_report("Leeds", LEEDS.urn, "la-inspection", "ilacs", date(2024, 1, 1),
                    ilacs("inadequate", "inadequate"), status=Status.ERROR),
    ]


# Leeds' latest inspection came from the Ofsted site (its page links there); the other files were read from disk.
LEEDS_LATEST_URL = "https://files.ofsted.gov.uk/v1/file/50283395"


def provenance_of(report) -> Provenance | None:
    if report.urn == LEEDS.urn and report.inspection_end == date(2025, 7, 4):
        return Provenance(source_url=LEEDS_LATEST_URL, file_id=LEEDS_LATEST_URL.rsplit("/", 1)[1])
    return None


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("warehouse") / "sample.duckdb"
    load_batch(path, reports_to_frames([(report, provenance_of(report)) for report in sample_reports()]))
    return path


@pytest.fixture(scope="session")
def sample_report_dir(sample_warehouse, tmp_path_factory) -> Path:
    from warehouse.report import build_report

    return build_report(sample_warehouse, tmp_path_factory.mktemp("report")).parent


@pytest.fixture(scope="session")
def sample_report_html(sample_report_dir) -> str:
    """The index page."""
    return (sample_report_dir / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_page(sample_report_dir):
    """An authority's page by URN: sample_page(urn)."""

    def read(urn: str) -> str:
        return (sample_report_dir / "authorities" / f"{urn}.html").read_text(encoding="utf-8")

    return read


@pytest.fixture(scope="session")
def corpus_warehouse(corpus_reports, tmp_path_factory) -> Path:
    """The whole shared corpus loaded as `ofsted ingest` loads it."""
    path = tmp_path_factory.mktemp("corpus-warehouse") / "ofsted.duckdb"
    load_batch(path, reports_to_frames([(report, None) for report in corpus_reports.values()]))
    return path
