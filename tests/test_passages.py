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
