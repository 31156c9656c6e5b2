from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from extract.records import Judgement, Passage, Provenance, Quotation, Status
from tests.factories import make_report, sample_reports
from transform.frames import (
    INVALID_STATUS,
    JUDGEMENT_COLUMNS,
    PASSAGE_COLUMNS,
    PROVIDER_COLUMNS,
    QUOTATION_COLUMNS,
    REPORT_COLUMNS,
    reports_to_frames,
)
from transform.grades import GRADE_SCORES


def frames_of(*reports, provenance=None):
    return reports_to_frames([(report, provenance) for report in reports])


def test_frames_have_the_warehouse_columns_in_order():
    frames = frames_of(*sample_reports())
    assert tuple(frames.reports.columns) == REPORT_COLUMNS
    assert tuple(frames.judgements.columns) == JUDGEMENT_COLUMNS
    assert tuple(frames.quotations.columns) == QUOTATION_COLUMNS
    assert tuple(frames.passages.columns) == PASSAGE_COLUMNS
    assert tuple(frames.providers.columns) == PROVIDER_COLUMNS


def test_one_report_row_per_file_with_judgements_in_long_format_and_providers_by_urn():
    reports = sample_reports()
    frames = frames_of(*reports)
    assert len(frames.reports) == len(reports)
    assert len(frames.judgements) == sum(len(r.judgements) for r in reports if r.ok)
    assert frames.providers["urn"].is_unique
    leeds = frames.reports[frames.reports["urn"] == "80481"]
    assert set(leeds["provider_name"]) == {"Leeds", "Leeds City Council", "Leeds City"}  # as printed
    assert list(frames.providers.loc[frames.providers["urn"] == "80481", "name"]) == ["Leeds"]


@pytest.mark.parametrize(("grade", "score"), list(GRADE_SCORES.items()))
def test_grades_get_scores_from_1_best_to_4_worst(grade, score):
    value = frames_of(make_report(grades={"overall_effectiveness": grade})).judgements["score"].iloc[0]
    assert (None if pd.isna(value) else value) == score


def test_area_spellings_become_canonical_areas():
    report = make_report(grades={"impact_of_leaders_on_social_work_practice": "good", "overall": "good"})
    assert sorted(frames_of(report).judgements["area"]) == ["impact_of_leaders", "overall_effectiveness"]


def test_quotations_are_numbered_in_report_order_from_one():
    frames = frames_of(make_report(quotations=["First.", "Second."]))
    assert frames.quotations[["seq", "text"]].values.tolist() == [[1, "First."], [2, "Second."]]


def test_passages_keep_their_number_section_paragraph_and_page():
    passage = Passage(7, "Help and protection", 12, 5, "Neglect is recognised early.")
    frames = frames_of(make_report(passages=[passage]))
    assert frames.passages.drop(columns="report_id").values.tolist() == [
        [7, "Help and protection", 12, 5, "Neglect is recognised early."]
    ]


def test_quotations_keep_their_rank_and_reason():
    report = replace(make_report(), quotations=[Quotation("Summary", 2, "Strong.", rank=2, reason="summary"),
                                                Quotation("Summary", 3, "Weak.")])
    rows = frames_of(report).quotations[["seq", "rank", "reason"]].astype(object).values.tolist()
    assert [[None if pd.isna(cell) else cell for cell in row] for row in rows] == [
        [1, 2, "summary"], [2, None, None]
    ]


def test_reports_not_read_have_no_passages():
    report = make_report(seed="x", status=Status.NO_TEXT_LAYER, error="/reports/x.pdf: scanned pages")
    assert frames_of(report).passages.empty


@pytest.mark.parametrize(
    ("change", "what"),
    [
        (lambda r: replace(r, passages=[*r.passages, Passage(99, "Summary", None, 2, "One more sentence.")]),
         "a passage more"),
        (lambda r: replace(r, quotations=[replace(r.quotations[0], rank=1, reason="summary")]), "a rank"),
    ],
    ids=["passages", "rank"],
)
def test_passages_and_ranks_are_content_so_a_parser_change_reloads_them(change, what):
    report = make_report()
    before = frames_of(report).reports.content_hash[0]
    assert frames_of(change(report)).reports.content_hash[0] != before, what


@pytest.mark.parametrize(
    ("passages", "message"),
    [
        ([Passage(1, "Summary", None, 2, "  ")], "passage 1 (page 2) is empty"),
        ([Passage(1, "Summary", None, 2, "A."), Passage(1, "Summary", None, 2, "B.")], "two passages are numbered 1"),
        ([Passage(1, "Summary", None, 40, "A.")], "passage 1 is on page 40, outside the report's 12 pages"),
    ],
    ids=["empty", "numbered-twice", "page-outside"],
)
def test_a_broken_passage_makes_the_report_invalid_with_the_reason(passages, message):
    frames = frames_of(make_report(passages=passages))
    assert frames.reports.status[0] == INVALID_STATUS
    assert message in frames.reports.error[0]
    assert frames.passages.empty


def test_a_file_that_was_not_read_keeps_a_row_with_its_status_and_error_but_no_judgements():
    report = make_report(seed="x", status=Status.NO_TEXT_LAYER, error="/reports/x.pdf: scanned pages")
    frames = frames_of(report)
    row = frames.reports.iloc[0]
    assert (row["status"], row["error"], row["quality_flags"]) == ("no_text_layer", "/reports/x.pdf: scanned pages", [])
    assert frames.judgements.empty and frames.quotations.empty


def test_a_record_that_breaks_a_rule_loads_as_invalid_with_the_reason():
    report = make_report(grades={"overall_effectiveness": "superb"})
    row = frames_of(report).reports.iloc[0]
    assert row["status"] == INVALID_STATUS
    assert "grade 'superb' for overall_effectiveness" in row["error"]
    assert frames_of(report).judgements.empty


def test_a_record_without_a_file_hash_cannot_be_keyed_and_is_handed_back():
    report = replace(make_report(seed="gone", status=Status.ERROR, error="/reports/gone.pdf: cannot read"), sha256="")
    frames = frames_of(report)
    assert frames.reports.empty
    assert [(u.path, u.error) for u in frames.unkeyed] == [("/reports/gone.pdf", "/reports/gone.pdf: cannot read")]


def test_the_same_file_twice_in_a_batch_is_kept_once():
    report = make_report()
    assert len(frames_of(report, replace(report, path="/elsewhere/copy.pdf")).reports) == 1


def test_quality_flags_say_what_is_missing():
    report = make_report("Atlantis", grades={}, quotations=[], lead_inspector=None)
    report.inspection_end = None
    flags = frames_of(report).reports.iloc[0]["quality_flags"]
    assert flags == [
        "provider_unmatched",
        "missing_inspection_dates",
        "missing_overall_grade",
        "missing_lead_inspector",
        "no_quotations",
        "missing_judgements",
    ]


def test_start_after_end_is_flagged():
    report = make_report()
    report.inspection_start = date(2030, 1, 1)
    assert "dates_out_of_order" in frames_of(report).reports.iloc[0]["quality_flags"]


def test_provenance_fills_published_source_and_file_id():
    site = Provenance(source_url="https://files.example/v1/file/123", file_id="123", published=date(2022, 6, 1))
    row = frames_of(make_report(), provenance=site).reports.iloc[0]
    assert (row["source_url"], row["file_id"], row["published"]) == (site.source_url, "123", date(2022, 6, 1))


def test_the_content_hash_ignores_where_a_file_was_read_but_not_what_it_says():
    report = make_report()
    base = frames_of(report).reports.iloc[0]["content_hash"]
    moved = frames_of(replace(report, path="/other/place.pdf"), provenance=Provenance(file_id="9")).reports
    assert moved.iloc[0]["content_hash"] == base
    regraded = replace(report, judgements=[Judgement("overall_effectiveness", "inadequate", "Overall", 1)])
    assert frames_of(regraded).reports.iloc[0]["content_hash"] != base
    requoted = replace(report, quotations=[Quotation("Headline", 2, "Something else.")])
    assert frames_of(requoted).reports.iloc[0]["content_hash"] != base


def test_a_framework_without_an_overall_grade_is_not_flagged_for_missing_it():
    report = make_report(framework="ilacs-2026", grades={"impact_of_leaders": "outstanding"})
    assert "missing_overall_grade" not in frames_of(report).reports.iloc[0]["quality_flags"]
    older = make_report(framework="ilacs-2023", grades={"impact_of_leaders": "outstanding"})
    assert "missing_overall_grade" in frames_of(older).reports.iloc[0]["quality_flags"]


def test_a_report_no_parser_reads_keeps_what_the_site_and_its_first_page_say():
    site = Provenance(
        source_url="https://files.ofsted.gov.uk/v1/file/7", file_id="7", published=date(2024, 5, 1), urn="2500000",
        provider_name="Little Acorns", provider_type="childrens-home", label="Children's home inspection",
        inspection_date=date(2024, 4, 2),
    )
    unread = replace(
        make_report(seed="home", status=Status.UNRECOGNISED, error="not a report family"),
        pages=9, first_line="Children's home inspection - Full",
    )
    frames = frames_of(unread, provenance=site)
    row = frames.reports.iloc[0]
    assert (row.status, row.urn, row.provider_name, row.published) == (
        "unrecognised", "2500000", "Little Acorns", date(2024, 5, 1)
    )
    assert (row.site_label, row.site_inspection_date, row.pages, row.first_line) == (
        "Children's home inspection", date(2024, 4, 2), 9, "Children's home inspection - Full"
    )
    assert frames.providers.to_dict("records") == [{
        "urn": "2500000", "name": "Little Acorns", "provider_type": "childrens-home", "la_code": None,
        "ons_code": None, "region": None,
    }]
    assert frames.judgements.empty and list(row.quality_flags) == []


def test_a_read_report_whose_provider_matches_nothing_is_flagged_unmatched():
    frames = frames_of(make_report("Birmingham Re-inspection of services for children in need of help and protection"))
    row = frames.reports.iloc[0]
    assert row.urn is None and "provider_unmatched" in list(row.quality_flags)
