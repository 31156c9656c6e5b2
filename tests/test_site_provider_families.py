"""A nightly against the local fake site with `--types school early-years further-education`: real early years,
further education and independent school reports from the corpus and synthetic EIF school reports (with and
without the overall grade), listed under their own provider types, load as `ok` with their grades."""

from __future__ import annotations

from datetime import date

import pytest

from tests.eif_templates import FULL_TABLE, school_report
from tests.fake_site import FakeOfstedSite, FakeProvider, FakeReport
from tests.fake_site.fixtures import site_environment
from warehouse.snapshot import reading

NIGHTLY_TYPES = ["school", "early-years", "further-education"]
# (provider type, page type, URN, name, corpus file or None for a synthetic report, file id)
CORPUS_PROVIDERS = (
    ("early-years", "16", "EY448916", "Rowlands Avenue Pre-School",
     "early-years/EY448916-rowlands-avenue-pre-school-2022.pdf", "50400001"),
    ("early-years", "16", "EY330146", "The New Montessori Pre-School",
     "early-years/EY330146-new-montessori-pre-school-2014.pdf", "50400002"),
    ("further-education", "46", "130537", "Kirklees College", "further-education/130537-kirklees-college-2023.pdf",
     "50400003"),
    ("independent", "27", "145493", "Wribbenhall School",
     "independent-school/145493-wribbenhall-school-prereg-2019.pdf", "50400004"),
    ("primary", "21", "139486", "Farnham Heath End School", "school-inspection/139486-farnham-heath-end-2016.pdf",
     "50400005"),
)
EIF_SCHOOL, SCHOOL_2024 = ("118765", "50400006"), ("136420", "50400007")
LABELS = {"early-years": "Early years inspection", "further-education": "Further education and skills inspection"}
PUBLISHED = date(2025, 1, 10)


@pytest.fixture
def families_site(corpus, tmp_path):
    providers = {}
    for provider_type, page_type, urn, name, path, file_id in CORPUS_PROVIDERS:
        report = FakeReport(file_id, corpus / path, LABELS.get(provider_type, "School inspection"), "corpus",
                            PUBLISHED, None, urn)
        providers[urn] = FakeProvider(urn, name, provider_type, page_type, [report])
    for (urn, file_id), page_type, variant in (
        (EIF_SCHOOL, "21", {}),
        (SCHOOL_2024, "23", {"table": FULL_TABLE[1:], "dates": "8 and 9 October 2024"}),
    ):
        path = tmp_path / f"{file_id}.pdf"
        path.write_bytes(school_report(**variant))
        report = FakeReport(file_id, path, "School inspection", "synthetic", PUBLISHED, None, urn)
        providers[urn] = FakeProvider(urn, "Harbour Primary School", "primary" if page_type == "21" else "secondary",
                                      page_type, [report])
    site = FakeOfstedSite(providers)
    yield site
    site.close()


@pytest.mark.slow  # a nightly flow run: Prefect, downloads, extraction and load of seven reports
@pytest.mark.corpus
def test_a_nightly_of_schools_early_years_and_fe_loads_them_with_their_grades(
    families_site, tmp_path, monkeypatch, prefect_harness
):
    from flows.nightly import nightly

    monkeypatch.delenv("OFSTED_DB", raising=False)
    for name, value in site_environment(families_site, tmp_path, OFSTED_WORKERS="1").items():
        monkeypatch.setenv(name, value)
    summary = nightly(types=NIGHTLY_TYPES)
    assert summary.problems == []
    with reading(tmp_path / "ofsted.duckdb") as con:
        reports = con.execute(
            "SELECT r.urn, r.status, r.kind, r.framework, p.provider_type, count(j.area), r.outcome "
            "FROM reports AS r LEFT JOIN providers AS p USING (urn) LEFT JOIN judgements AS j USING (report_id) "
            "GROUP BY ALL ORDER BY r.urn"
        ).fetchall()
        previous = con.execute("SELECT r.urn, j.grade FROM previous_judgements AS j JOIN reports AS r USING "
                               "(report_id) ORDER BY r.urn").fetchall()
        latest = dict(con.execute("SELECT urn, grade FROM v_provider_latest_judgements "
                                  "WHERE area = 'overall_effectiveness'").fetchall())
    assert reports == [
        ("118765", "ok", "school-inspection", "eif", "school", 6, None),
        ("130537", "ok", "further-education-inspection", "eif", "further-education", 9, None),
        ("136420", "ok", "school-inspection", "eif-2024", "school", 5, None),
        ("139486", "ok", "school-inspection", "school-2015", "school", 5, None),
        ("145493", "ok", "pre-registration-inspection", "pre-registration", "school", 0,
         "The school is likely to meet all the independent school standards when it opens"),
        ("EY330146", "ok", "early-years-inspection", "early-years-pre-2015", "early-years", 4, None),
        ("EY448916", "ok", "early-years-inspection", "eif", "early-years", 5, None),
    ]
    assert previous == [("118765", "good"), ("130537", "good"), ("136420", "good"), ("EY330146", "good"),
                        ("EY448916", "outstanding")]
    assert latest == {"118765": "good", "130537": "good", "139486": "requires_improvement", "EY330146": "good",
                      "EY448916": "good"}
