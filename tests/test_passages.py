"""Passages: every sentence with its section, paragraph number and page; boilerplate left out."""

from __future__ import annotations

import pytest

from extract.families.letters import LETTER_SALUTATION
from extract.text.passages import Prose, body_lines, lines_to_sentences
from extract.text.sections import Line

PROSE = Prose(headings=("What needs to improve",), heading_regexes=(r"Help and protection: (?:good|inadequate)",))


def passages_of(lines, prose=PROSE):
    return [sentence.passage for sentence in lines_to_sentences(body_lines(lines, prose), prose)]


def test_numbered_paragraphs_keep_their_number_and_section():
    lines = [
        Line("Help and protection: good", 2),
        Line("1. Children are seen quickly by social workers. Plans for them are clear.", 2),
        Line("2.Managers check the work of every team well.", 2),
    ]
    passages = passages_of(lines)
    assert [(p.section, p.paragraph, p.text) for p in passages] == [
        ("Help and protection: good", 1, "Children are seen quickly by social workers."),
        ("Help and protection: good", 1, "Plans for them are clear."),
        ("Help and protection: good", 2, "Managers check the work of every team well."),
    ]


def test_a_sentence_over_a_page_break_is_one_passage_on_its_first_page():
    lines = [Line("Children who go missing are not always offered a", 4), Line("return home interview in time.", 5)]
    (passage,) = passages_of(lines)
    assert (passage.page, passage.text) == (4, "Children who go missing are not always offered a return home interview in time.")


@pytest.mark.parametrize(
    "lines",
    [
        pytest.param([Line("What the judgements mean", 9), Line("Good services meet the needs of children well.", 9)], id="grade-descriptors"),
        pytest.param([Line("© Crown copyright 2023", 9), Line("You may reuse this information free of charge.", 9)], id="back-page"),
        pytest.param([Line("Inspection dates: 30 June 2025 to 4 July 2025", 1)], id="not-prose"),
    ],
)
def test_boilerplate_is_left_out(lines):
    assert passages_of(lines) == []


def test_the_cover_ends_at_the_judgement_tables_last_row():
    prose = Prose(cover_end=r"(?:Good|Outstanding)$", opening="Headline findings")
    lines = [
        Line("Judgement Grade", 1),
        Line("Overall effectiveness Outstanding", 1),
        Line("Children in Leeds continue to benefit from effective services.", 1),
    ]
    (passage,) = passages_of(lines, prose)
    assert (passage.section, passage.text) == ("Headline findings", "Children in Leeds continue to benefit from effective services.")


def test_bullets_are_points_under_their_heading():
    lines = [Line("What needs to improve", 2), Line("The quality of plans for children in need", 2, bullet=True)]
    (passage,) = passages_of(lines)
    assert (passage.section, passage.text) == ("What needs to improve", "The quality of plans for children in need")


def test_a_letters_address_block_and_title_are_the_cover():
    prose = Prose(opening="Findings", cover_end=LETTER_SALUTATION, opening_start=r"^(?:Between|This letter)\b")
    lines = [
        Line("18 July 2022", 1),
        Line("Sophie Wales, Interim Executive Director of Children’s Services, Barnsley", 1),
        Line("Jean Imray, Independent Scrutineer", 1),
        Line("Dear Barnsley Safeguarding Children Partnership", 1),
        Line("Joint targeted area inspection of the multi-agency response to abuse and", 1),
        Line("neglect in Barnsley", 1),
        Line("Between 23 and 27 May 2022, Ofsted, the Care Quality Commission (CQC), HMI", 1),
        Line("Probation undertook a joint inspection.", 1),
    ]
    (passage,) = passages_of(lines, prose)
    assert (passage.section, passage.text) == (
        "Findings",
        "Between 23 and 27 May 2022, Ofsted, the Care Quality Commission (CQC), HMI Probation undertook a joint inspection.",
    )


def test_a_letter_without_its_opening_line_near_keeps_what_follows_the_salutation():
    prose = Prose(opening="Letter", cover_end=LETTER_SALUTATION, opening_start=r"^This letter\b")
    lines = [Line("1 March 2023", 1), Line("Dear Ms Smith", 1), Line("Inspectors looked at the help children receive.", 1)]
    (passage,) = passages_of(lines, prose)
    assert passage.text == "Inspectors looked at the help children receive."


def test_a_letters_opening_sentence_is_prose_however_short_its_lines():
    prose = Prose(opening="Letter", cover_end=LETTER_SALUTATION, opening_start=r"^This letter\b")
    lines = [
        Line("Dear Ms Smith", 1),
        Line("This letter summarises the findings of a focused visit to Trafford Metropolitan", 1),
        Line("Borough children’s services on 10 and 11 July 2018. The inspectors were Pauline", 1),
        Line("Higham and Shabana Abasi.", 1),
    ]
    assert [(p.section, p.text) for p in passages_of(lines, prose)] == [
        ("Letter", "This letter summarises the findings of a focused visit to Trafford Metropolitan Borough children’s services on 10 and 11 July 2018."),
        ("Letter", "The inspectors were Pauline Higham and Shabana Abasi."),
    ]


ILACS_COVER = Prose(cover_end=r"(?:^|\s)(?:Good|Outstanding|Requires improvement to be good)\s*$", opening="Headline findings")


def test_a_prose_line_ending_in_a_grade_word_does_not_extend_the_judgement_table():
    lines = [
        Line("Judgement Grade", 1),
        Line("Overall effectiveness Good", 1),
        Line("Children’s services in Sheffield are good. Senior leaders and managers have", 1),
        Line("achieved steady progress. This has resulted in most children receiving good", 1),
        Line("services which meet their needs.", 1),
    ]
    passages = passages_of(lines, ILACS_COVER)
    assert [p.text for p in passages][:2] == [
        "Children’s services in Sheffield are good.",
        "Senior leaders and managers have achieved steady progress.",
    ]


def test_the_summarys_first_line_is_not_a_heading():
    lines = [
        Line("Overall effectiveness Good", 1),
        Line("Since the last inspection in 2018, much progress has been made by Birmingham City", 1),
        Line("Council and the trust in improving the experiences and outcomes of their children.", 1),
    ]
    (passage,) = passages_of(lines, ILACS_COVER)
    assert passage.section == "Headline findings" and passage.text.startswith("Since the last inspection in 2018")


def test_a_line_holding_a_sentence_end_is_not_a_heading():
    lines = [
        Line("Help and protection: good", 1),
        Line("1. Inspectors carried out the first part of this inspection between 30 September and 11", 1),
        Line("October 2024. As a result of Ofsted’s quality assurance processes and in following", 1),
        Line("Ofsted’s deferring policy, inspectors returned from 13 January until 16 January 2025.", 1),
    ]
    passages = passages_of(lines)
    assert {p.section for p in passages} == {"Help and protection: good"}
    assert passages[-1].text.startswith("As a result of Ofsted’s quality assurance processes")


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        pytest.param(
            ["The experiences and progress of children in care and care", "leavers is: good"],
            "The experiences and progress of children in care and care leavers is: good",
            id="grade-after-is-colon",
        ),
        pytest.param(
            ["Overall effectiveness of services for looked", "after children and young people"],
            "Overall effectiveness of services for looked after children and young people",
            id="unknown-heading",
        ),
    ],
)
def test_a_heading_wrapped_onto_a_second_line_is_kept_whole(heading, section):
    from extract.families.la_quotes import graded_heading
    from extract.text.grades import LabelledArea

    prose = Prose(heading_regexes=(graded_heading(LabelledArea("care", ("The experiences and progress of children in care and care leavers",))),))
    lines = [
        Line("Children are kept safe by social workers who visit them often and know them and their families well.", 3),
        *(Line(text, 3) for text in heading),
        Line("17. Children are supported to stay at home.", 3),
    ]
    assert [(p.section, p.text) for p in passages_of(lines, prose)][-1] == (section, "Children are supported to stay at home.")


def test_contents_lines_are_not_prose_nor_headings():
    lines = [
        Line("Contents", 2),
        Line("Summary for children and young people 9", 2),
        Line("The experiences and progress of children looked after and achieving", 2),
        Line("permanence 15", 2),
        Line("Leadership, management and governance 33", 2),
        Line("Summary", 3),
        Line("Children are helped well by the services of this local authority.", 3),
    ]
    assert [(p.section, p.text) for p in passages_of(lines)] == [
        ("Summary", "Children are helped well by the services of this local authority.")
    ]


def test_a_line_of_prose_ending_in_a_number_is_kept():
    lines = [
        Line("Inspectors carried out the first part of this inspection between 30 September and 11", 1),
        Line("October 2024, and returned from 13 January until 16 January 2025 to gather more evidence.", 1),
    ]
    (passage,) = passages_of(lines)
    assert passage.text.startswith("Inspectors carried out the first part of this inspection between 30 September and 11 October")


@pytest.mark.parametrize(
    "footnote",
    [
        pytest.param([Line("________________________________________", 4), Line("(1) ONS 2015 mid-year population estimate", 4)], id="rule"),
        pytest.param([Line("[1] These are residential special schools that look after children for 295 days.", 4)], id="bracketed"),
    ],
)
def test_footnotes_are_left_out(footnote):
    lines = [Line("Children who are looked after live in stable homes near their families.", 4), *footnote]
    assert [p.text for p in passages_of(lines)] == ["Children who are looked after live in stable homes near their families."]


@pytest.mark.parametrize(
    "lines",
    [
        pytest.param(
            [Line("The Office for Standards in Education, Children’s Services and Skills (Ofsted)", 9),
             Line("regulates and inspects to achieve excellence in the care of children and young people.", 9)],
            id="back-page-wrapped-before-regulates",
        ),
        pytest.param(
            [Line("Any complaints about the inspection or the report should be made following the procedures.", 9)],
            id="complaints",
        ),
        pytest.param(
            [Line("What the inspection judgements mean: the local", 9), Line("authority", 9),
             Line("An outstanding local authority leads highly effective services for children.", 9)],
            id="grade-descriptors-under-a-wrapped-heading",
        ),
    ],
)
def test_ofsteds_standard_text_is_left_out(lines):
    assert passages_of([Line("Children are safe.", 8), *lines]) == []


def test_a_judgement_tables_header_and_grade_row_are_neither_prose_nor_a_heading():
    lines = [
        Line("The experiences and progress of children who need help and protection", 13),
        Line("Key Judgement Judgement Grade", 13),
        Line("The experiences and progress of children who", 13),
        Line("need help and protection", 13),
        Line("Requires Improvement", 13),
        Line("52. The Common Assessment Framework is embedded in the area as a recognised process for early help.", 13),
    ]
    passages = passages_of(lines)
    assert [(p.section, p.paragraph, p.text) for p in passages] == [
        (
            "The experiences and progress of children who need help and protection",
            52,
            "The Common Assessment Framework is embedded in the area as a recognised process for early help.",
        )
    ]


def test_one_line_run_together_by_the_text_layer_does_not_stretch_the_pages_measure():
    prose = [
        Line("Children and their families are seen quickly, and plans set out clearly what will be done.", 3)
        for _ in range(12)
    ]
    lines = [
        *prose[:6],
        Line("risk assessments are not always detailed. " * 4 + "Strengthened management oversight is in place.", 3),
        Line("Comprehensive multi-agency information-sharing takes place at the Multi-Agency", 3),
        Line("Risk Assessment Conference (MARAC), to develop effective initial safety planning too.", 3),
        *prose[6:],
    ]
    assert {p.section for p in passages_of(lines)} == {"Summary"}
