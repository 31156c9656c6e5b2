"""Local authority inspection families on inline text modelled on the real templates: the variants Ofsted has
printed beyond the corpus (re-inspection titles, a royal borough's overall sentence, rows in another order or
numbered otherwise, "Not judged" cells, prose recalling earlier grades, a joint LSCB review bound after a SIF
report, a stand-alone LSCB review)."""

from __future__ import annotations

from datetime import date

import pytest

from extract.classify import classify
from extract.families import la_ilacs, la_lscb_review, la_sif
from extract.families.la_common import first_report, provider_from_title
from extract.pdf_text import Document
from tests.factories import make_report
from transform.frames import reports_to_frames
from transform.validate import validate_report
from warehouse.load import load_batch
from warehouse.snapshot import reading

SIF_TABLE = """1. Children who need help and protection Inadequate
2. Children looked after and achieving 
permanence
Requires improvement
2.1 Adoption performance Requires improvement
2.2 Experiences and progress of care leavers Requires improvement
3. Leadership, management and governance Inadequate
"""
SIF_GRADES = {
    "help_and_protection": "inadequate",
    "children_looked_after": "requires_improvement",
    "adoption_performance": "requires_improvement",
    "care_leavers": "requires_improvement",
    "leadership_management_governance": "inadequate",
}
SIF_REINSPECTION_PAGE_1 = (
    "1\nBirmingham\nRe-inspection of services for children in need of help and \nprotection, children looked after "
    "and care leavers\nInspection dates: 12 September 2016 to 6 October 2016\nReport published: 25 November 2016\n"
    "Children’s services in Birmingham are inadequate\n" + SIF_TABLE
)
SIF_TEAM_PAGE = "3\nThe inspection team\nLead inspector: Fiona J Millns\nTeam inspectors: Linda Steele, Wendy Ghaffar\n"


def sif(*pages: str) -> dict:
    report = la_sif.parse(Document(pages))
    return {"provider": report.provider, "grades": {j.area: j.grade for j in report.judgements}, "report": report}


def test_sif_reinspection_title_gives_the_authority():
    found = sif(SIF_REINSPECTION_PAGE_1, "2\nExecutive summary\n", SIF_TEAM_PAGE)
    assert found["provider"] == "Birmingham"
    assert found["grades"] == {"overall_effectiveness": "inadequate", **SIF_GRADES}
    assert found["report"].lead_inspector == "Fiona J Millns"


def test_sif_overall_sentence_naming_a_royal_borough_over_two_lines():
    page_1 = (
        "1\nThe Royal Borough of Windsor and \nMaidenhead\nInspection of services for children in need of help and \n"
        "protection, children looked after and care leavers\nInspection dates: 4 January 2016 to 28 January 2016\n"
        "Report published: 9 March 2016\nChildren’s services in the Royal Borough of Windsor and \nMaidenhead "
        "require improvement to be good\n" + SIF_TABLE
    )
    found = sif(page_1, SIF_TEAM_PAGE)
    assert found["provider"] == "The Royal Borough of Windsor and Maidenhead"
    assert found["grades"]["overall_effectiveness"] == "requires_improvement"


def test_sif_page_one_prose_recalling_the_last_inspection_is_not_the_overall_grade():
    page_1 = SIF_REINSPECTION_PAGE_1.replace(
        "Children’s services in Birmingham are inadequate\n",
        "At the last inspection in 2014, children’s services in Birmingham were judged to be \ninadequate. "
        "Children’s services in Birmingham require improvement to be good\n",
    )
    assert sif(page_1, SIF_TEAM_PAGE)["grades"]["overall_effectiveness"] == "requires_improvement"


def test_sif_leadership_row_numbered_first():
    table = (
        "1. Leadership, management and governance Good\n2. Children who need help and protection Good\n"
        "3. Children looked after and achieving permanence Good\n3.1 Adoption performance Outstanding\n"
        "3.2 Experiences and progress of care leavers Good\n"
    )
    page_1 = SIF_REINSPECTION_PAGE_1.replace(SIF_TABLE, table).replace("are inadequate", "are good")
    grades = sif(page_1, SIF_TEAM_PAGE)["grades"]
    assert grades["leadership_management_governance"] == "good"
    assert grades["adoption_performance"] == "outstanding"
    assert len(grades) == 6


def test_sif_not_judged_cells():
    table = SIF_TABLE.replace("permanence\nRequires improvement", "permanence\nNot Judged").replace(
        "2.1 Adoption performance Requires improvement", "2.1 Adoption performance Not judged"
    )
    grades = sif(SIF_REINSPECTION_PAGE_1.replace(SIF_TABLE, table), SIF_TEAM_PAGE)["grades"]
    assert grades["children_looked_after"] == "not_judged"
    assert grades["adoption_performance"] == "not_judged"
    assert grades["care_leavers"] == "requires_improvement"


LSCB_PILOT_PAGES = (
    "1\nWarwickshire\nJoint review of the effectiveness of the Local Safeguarding Children Board\n"
    "Inspection dates: 9 May 2016 to 26 May 2016\nReport published: 14 July 2016\n"
    "The Local Safeguarding Children Board is good\n",
    "2\nLeadership, management and governance\nRequires improvement\nThe review team\n"
    "Lead inspector: Someone Else HMI\n",
)


SIF_PAGES = (
    SIF_REINSPECTION_PAGE_1,
    "2\nExecutive summary\n",
    "3\nSummary for children and young people\n",
    SIF_TEAM_PAGE.replace("3\n", "4\n", 1),
)
# The same review with a cover page of its own, printing no dates: only its page numbers tell it begins.
LSCB_PILOT_WITH_COVER = ("1\nJoint review of the Local Safeguarding Children Board\nWarwickshire\n",) + tuple(
    page.replace("1\n", "2\n", 1).replace("2\nLeadership", "3\nLeadership") for page in LSCB_PILOT_PAGES
)


@pytest.mark.parametrize(
    "review", [pytest.param(LSCB_PILOT_PAGES, id="title-block"), pytest.param(LSCB_PILOT_WITH_COVER, id="cover")]
)
def test_sif_followed_by_a_joint_lscb_review_whose_page_numbers_restart(review):
    document = Document(SIF_PAGES + review)
    assert first_report(document).pages == SIF_PAGES
    report = la_sif.parse(document)
    grades = {j.area: (j.grade, j.page) for j in report.judgements}
    # The review's own leadership heading is not read as the SIF's: no conflict, the SIF's grade stands.
    assert grades["leadership_management_governance"] == ("inadequate", 1)
    assert grades["lscb"][0] == "good"
    assert (report.inspection_start, report.inspection_end) == (date(2016, 9, 12), date(2016, 10, 6))
    assert report.lead_inspector == "Fiona J Millns"


def test_first_report_is_the_whole_file_when_nothing_restarts():
    document = Document(SIF_PAGES)
    assert first_report(document) is document


def test_a_cover_page_before_the_title_page_is_no_second_report():
    cover = "Inspection dates: 12 September 2016 to 6 October 2016\nBirmingham\n"
    document = Document((cover, *SIF_PAGES))
    assert first_report(document) is document


STANDALONE_LSCB_REVIEW = (
    "1\nHertfordshire\nReview of the effectiveness of the Local Safeguarding Children Board\n"
    "Inspection dates: 15 June 2015 to 7 July 2015\nReport published: 27 August 2015\n"
    "The Local Safeguarding Children Board requires improvement\nExecutive summary\nThe Hertfordshire Safeguarding "
    "Children Board (HSCB) does not yet fully meet its statutory duties.\nThe board has set clear priorities.\n",
    "2\nThe review team\nLead inspector: Rachel Holden HMI\n",
)


def test_a_standalone_lscb_review_is_its_own_family():
    document = Document(STANDALONE_LSCB_REVIEW)
    assert classify(document) is la_lscb_review
    report = la_lscb_review.parse(document)
    assert (report.kind, report.framework, report.provider) == ("lscb-review", "lscb-review", "Hertfordshire")
    assert [(j.area, j.grade, j.page) for j in report.judgements] == [("lscb", "requires_improvement", 1)]
    assert (report.inspection_start, report.inspection_end) == (date(2015, 6, 15), date(2015, 7, 7))
    assert report.lead_inspector == "Rachel Holden"


def test_a_sif_report_naming_its_lscb_review_stays_a_sif_report():
    page_1 = SIF_REINSPECTION_PAGE_1.replace(
        "care leavers\nInspection", "care leavers\nand\nReview of the effectiveness of the Local Safeguarding "
        "Children \nBoard1\nInspection"
    )
    assert classify(Document((page_1,))) is la_sif


def test_an_lscb_review_loads_with_its_one_area(tmp_path):
    report = make_report(
        "Hertfordshire", kind="lscb-review", framework="lscb-review", grades={"lscb": "requires_improvement"}
    )
    validate_report(report)
    load_batch(tmp_path / "w.duckdb", reports_to_frames([(report, None)]))
    with reading(tmp_path / "w.duckdb") as con:
        query = "SELECT r.kind, j.area, j.grade FROM reports r JOIN judgements j USING (report_id)"
        loaded = con.execute(query).fetchall()
    assert loaded == [("lscb-review", "lscb", "requires_improvement")]


ILACS_2023_REORDERED = """Inspection of Hertfordshire County Council children’s services
Inspection dates: 6 to 17 March 2023
Lead inspector: Kathryn Grindrod, His Majesty’s Inspector
Judgement Grade
Overall effectiveness Good
The experiences and progress of care leavers Not judged
The experiences and progress of children in care Good
The experiences and progress of children who need
help and protection
Requires improvement
to be good
The impact of leaders on social work practice with
children and families
Outstanding
"""


def test_ilacs_table_rows_in_another_order_and_a_not_judged_cell():
    document = Document((ILACS_2023_REORDERED,))
    assert classify(document) is la_ilacs
    report = la_ilacs.parse(document)
    assert {j.area: j.grade for j in report.judgements} == {
        "overall_effectiveness": "good",
        "care_leavers": "not_judged",
        "children_in_care": "good",
        "help_and_protection": "requires_improvement",
        "impact_of_leaders": "outstanding",
    }
    assert report.framework == "ilacs-2023"
    assert report.provider == "Hertfordshire County Council"


def test_ilacs_page_one_prose_naming_a_row_before_the_table():
    page = ILACS_2023_REORDERED.replace(
        "Judgement Grade\n",
        "At the last inspection, the impact of leaders on social work practice with children and families was "
        "judged\nto be inadequate.\nJudgement Grade\n",
    )
    report = la_ilacs.parse(Document((page,)))
    assert {j.area: j.grade for j in report.judgements}["impact_of_leaders"] == "outstanding"


def test_ilacs_page_one_prose_recalling_a_grade_next_to_its_label_above_the_table():
    page = ILACS_2023_REORDERED.replace(
        "Judgement Grade\n", "In 2019, inspectors judged overall effectiveness inadequate.\nJudgement Grade\n"
    )
    report = la_ilacs.parse(Document((page,)))
    assert {j.area: j.grade for j in report.judgements}["overall_effectiveness"] == "good"


@pytest.mark.parametrize(
    ("page", "provider"),
    [
        pytest.param("1\nBirmingham\nRe-inspection of services for children\n", "Birmingham", id="re-inspection"),
        pytest.param(
            "1\nSurrey County Council\nReinspection of services for children\n",
            "Surrey County Council",
            id="reinspection",
        ),
        pytest.param(
            "Hertfordshire\nReview of the effectiveness of the Local Safeguarding Children Board\n",
            "Hertfordshire",
            id="lscb-review",
        ),
        pytest.param(
            "1\nBirmingham re-inspected services for children in need of help and protection, children looked after "
            "and care leavers between 12 September and 6 October 2016 and found them to be inadequate\n",
            None,
            id="paragraph-is-no-name",
        ),
    ],
)
def test_provider_from_title(page, provider):
    assert provider_from_title(page) == provider
