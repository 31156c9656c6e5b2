"""The whole shared corpus in a fresh warehouse: what it must give (reads OFSTED_CORPUS)."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date

import pytest

from transform.frames import reports_to_frames
from transform.providers import local_authorities
from warehouse.load import LoadResult, load_batch
from warehouse.snapshot import reading
from warehouse.state import fingerprint

pytestmark = pytest.mark.corpus
LEEDS = "80481"


@pytest.fixture(scope="module")
def truth(corpus) -> dict[str, dict]:
    with open(corpus / "TRUTH.csv", newline="", encoding="utf-8") as handle:
        return {row["path"]: row for row in csv.DictReader(handle)}


def rows(db, sql, params=()):
    with reading(db) as con:
        return con.execute(sql, list(params)).fetchall()


def test_a_row_per_report_file(corpus_db, manifest):
    assert rows(corpus_db, "SELECT count(*), count(DISTINCT report_id) FROM reports") == [(len(manifest),) * 2]
    by_path = dict(rows(corpus_db, "SELECT path, sha256 FROM reports"))
    assert {p.split("corpus/", 1)[-1]: s for p, s in by_path.items()} == {r["path"]: r["sha256"] for r in manifest}


def test_every_report_of_an_authority_lands_on_its_urn(corpus_db, manifest, corpus_reports):
    urns = dict(rows(corpus_db, "SELECT sha256, urn FROM reports WHERE status = 'ok'"))
    wrong = {
        row["path"]: (urns[row["sha256"]], row["la_urn"])
        for row in manifest
        if row["la_urn"] and row["sha256"] in urns and urns[row["sha256"]] != row["la_urn"]
    }
    assert wrong == {}
    read = [r for r in manifest if r["la_urn"] and corpus_reports[r["path"]].ok]
    assert len(read) > 100


def test_providers_are_deduplicated_by_urn(corpus_db, manifest, corpus_reports):
    providers = rows(corpus_db, "SELECT urn, name, provider_type FROM providers")
    assert len(providers) == len({urn for urn, _, _ in providers})
    expected = {r["la_urn"] for r in manifest if r["la_urn"] and corpus_reports[r["path"]].ok}
    assert {urn for urn, _, kind in providers if kind == "local-authority"} == expected


def test_judgements_in_long_format_and_quotations(corpus_db, corpus_reports):
    ok = [r for r in corpus_reports.values() if r.ok]
    assert rows(corpus_db, "SELECT count(*) FROM judgements") == [(sum(len(r.judgements) for r in ok),)]
    assert rows(corpus_db, "SELECT count(*) FROM quotations") == [(sum(len(r.quotations) for r in ok),)]
    assert rows(corpus_db, "SELECT count(DISTINCT report_id) FROM quotations")[0][0] > len(ok) // 2


def test_the_latest_overall_grade_of_every_authority(corpus_db, truth, manifest):
    latest = dict(rows(
        corpus_db, "SELECT urn, grade FROM v_latest_judgements WHERE area = 'overall_effectiveness'"
    ))
    expected = {}
    for row in sorted(manifest, key=lambda r: truth[r["path"]]["inspection_end"]):
        if row["kind"] == "la-inspection" and truth[row["path"]]["overall"]:
            expected[row["la_urn"]] = truth[row["path"]]["overall"].replace(" ", "_")
    assert latest == expected


def test_one_authoritys_history_with_previous_grade_and_direction(corpus_db):
    history = rows(
        corpus_db,
        "SELECT inspection_end, grade, previous_grade, direction FROM v_judgement_history "
        "WHERE urn = ? AND area = 'overall_effectiveness' ORDER BY inspection_end",
        [LEEDS],
    )
    assert history == [
        (date(2015, 2, 11), "good", None, None),
        (date(2018, 11, 2), "outstanding", "good", "improved"),
        (date(2022, 3, 4), "outstanding", "outstanding", "unchanged"),
        (date(2025, 7, 4), "outstanding", "outstanding", "unchanged"),
    ]


def test_leeds_outstanding_at_three_consecutive_full_inspections(corpus_db):
    streaks = rows(
        corpus_db,
        "SELECT provider_name, streak_length, year(first_inspection_end), year(last_inspection_end), is_current "
        "FROM v_overall_streaks WHERE grade = 'outstanding' AND streak_length >= 3",
    )
    assert ("Leeds", 3, 2018, 2025, True) in streaks


def test_the_distribution_of_overall_grades_by_year_and_region(corpus_db, truth, manifest):
    regions = {urn: a.region for urn, a in local_authorities().by_urn.items()}
    expected: Counter = Counter()
    for row in manifest:
        fact = truth[row["path"]]
        if row["kind"] == "la-inspection" and fact["overall"]:
            year = int(fact["inspection_end"][:4])
            expected[(year, regions[row["la_urn"]], fact["overall"].replace(" ", "_"))] += 1
    found = rows(corpus_db, "SELECT year, region, grade, providers FROM v_grade_distribution")
    assert {(y, r, g): n for y, r, g, n in found} == dict(expected)


def test_quotations_from_inadequate_reports_containing_a_word(corpus_db, truth):
    found = rows(
        corpus_db,
        "SELECT r.path, q.text FROM v_quotations AS q JOIN reports AS r USING (report_id) "
        "WHERE q.overall_grade = 'inadequate' AND regexp_matches(q.text, '\\bchildren\\b', 'i')",
    )
    assert found
    inadequate = {path for path, fact in truth.items() if fact["overall"] == "inadequate"}
    assert {path.split("corpus/", 1)[-1] for path, _ in found} <= inadequate
    assert all("children" in text.lower() for _, text in found)


def test_ingesting_the_corpus_twice_changes_nothing(corpus_reports, tmp_path):
    db = tmp_path / "w.duckdb"
    frames = reports_to_frames([(report, None) for report in corpus_reports.values()])
    load_batch(db, frames)
    with reading(db) as con:
        before = fingerprint(con)
    assert load_batch(db, frames) == LoadResult(unchanged=len(corpus_reports))
    with reading(db) as con:
        assert fingerprint(con) == before
