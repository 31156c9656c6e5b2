"""Verbatim quotations: sentences on one page, bullets whole, and the check every family's quotations pass."""

from __future__ import annotations

import re

import pytest

from extract.pdf_text import Document
from extract.records import Quotation
from extract.text.quotes import (
    QuoteRule,
    join_lines,
    lines_to_passages,
    passage_sentences,
    quotation_is_verbatim,
    section_quotations,
    split_sentences,
)
from extract.text.sections import Line, Section


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        pytest.param("Children are safe. Leaders know it.", ["Children are safe.", "Leaders know it."], id="two"),
        pytest.param(
            "Some services, e.g. health visiting, are slow. Others are quick.",
            ["Some services, e.g. health visiting, are slow.", "Others are quick."],
            id="e.g.",
        ),
        pytest.param("Mr. Jones met carers. They were happy.", ["Mr. Jones met carers.", "They were happy."], id="mr"),
        pytest.param("J. Smith chaired it. Fine.", ["J. Smith chaired it.", "Fine."], id="initial"),
        pytest.param(
            "The plan is ‘clear.’ Leaders agree (mostly.) 2023 was better.",
            ["The plan is ‘clear.’", "Leaders agree (mostly.)", "2023 was better."],
            id="closing-quote-and-bracket",
        ),
        pytest.param("Is it working? Yes, it is.", ["Is it working?", "Yes, it is."], id="question"),
        pytest.param("Rates rose by 3.5 per cent. Good.", ["Rates rose by 3.5 per cent.", "Good."], id="decimal"),
    ],
)
def test_split_sentences(text, sentences):
    assert [sentence for _, sentence in split_sentences(text)] == sentences


@pytest.mark.parametrize(
    ("texts", "joined"),
    [
        pytest.param(["Services are", "co-", "produced."], "Services are co-produced.", id="line-break-hyphen"),
        pytest.param(["Services are", "well", "run."], "Services are well run.", id="plain"),
        pytest.param(["from 2019 -", "2021"], "from 2019 - 2021", id="spaced-dash-kept-apart"),
    ],
)
def test_join_lines(texts, joined):
    assert join_lines(texts) == joined


def test_sentence_across_a_page_break_is_not_quoted():
    lines = [
        Line("Leaders have a clear plan for the service. Children wait too long for", 3),
        Line("an assessment of their needs. Leaders know this and act on it quickly.", 4),
    ]
    (passage,) = lines_to_passages(lines)
    assert passage_sentences(passage) == [
        (3, "Leaders have a clear plan for the service."),
        (4, "Leaders know this and act on it quickly."),
    ]


def test_bullets_are_separate_passages_and_count_without_a_full_stop():
    lines = [
        Line("The quality and timeliness of assessments", 2, bullet=True),
        Line("for disabled children", 2),
        Line("Management oversight.", 2, bullet=True),
    ]
    passages = lines_to_passages(lines)
    assert [p.text for p in passages] == ["The quality and timeliness of assessments for disabled children", "Management oversight."]
    assert passage_sentences(passages[0]) == [(2, "The quality and timeliness of assessments for disabled children")]


def test_bullet_may_start_in_lower_case():
    (passage,) = lines_to_passages([Line("the quality of assessments so that they analyse risk", 2, bullet=True)])
    assert passage_sentences(passage) == [(2, "the quality of assessments so that they analyse risk")]


def test_prose_after_a_bullet_belongs_to_it():
    lines = [Line("Plans are late. They are also", 2, bullet=True), Line("vague. Reviews are slow.", 2)]
    (passage,) = lines_to_passages(lines)
    assert passage.text == "Plans are late. They are also vague. Reviews are slow."


def test_unfinished_bullet_cut_by_a_page_break_is_not_quoted():
    lines = [Line("Plans for children are not always", 2, bullet=True), Line("reviewed on time.", 3)]
    assert passage_sentences(lines_to_passages(lines)[0]) == []


def test_section_quotations_take_the_first_quotable_sentences_per_bullet():
    lines = (
        Line("Children benefit from stable relationships with social workers. Too short.", 2, bullet=True),
        Line("Supervision is regular but does not always challenge drift in plans. The second", 2, bullet=True),
        Line("sentence of the second bullet is long enough to be quoted.", 2),
    )
    quotations = section_quotations(Section("What needs to improve", 2, lines, 0), QuoteRule(limit=5, per_passage=1))
    assert quotations == [
        Quotation("What needs to improve", 2, "Children benefit from stable relationships with social workers."),
        Quotation("What needs to improve", 2, "Supervision is regular but does not always challenge drift in plans."),
    ]


def test_section_quotations_stop_at_the_limit():
    lines = tuple(Line(f"Sentence number {n} is long enough to count as a quotation.", 1) for n in range(5))
    assert len(section_quotations(Section("Headline findings", 1, lines, 0), QuoteRule(limit=3))) == 3


PARAGRAPHS = (
    Line("This joint targeted area inspection included an evaluation of the multi-agency ‘front", 1),
    Line("door’ and a deep dive into help for neglected children.", 1),
    Line("Partnership working is integral to the area’s approach to improving services for", 1),
    Line("children. Leaders know their services well.", 1),
    Line("Inspectors found that some children wait too long for help from health services.", 1),
)


def test_prose_is_cut_into_paragraphs_at_short_lines_ending_a_sentence():
    assert [passage.text[:20] for passage in lines_to_passages(PARAGRAPHS)] == [
        "This joint targeted ",
        "Partnership working ",
        "Inspectors found tha",
    ]


def test_paragraphs_opening_with_a_skipped_sentence_are_passed_over():
    rule = QuoteRule(limit=5, skip_paragraphs=re.compile(r"inspect", re.IGNORECASE))
    quotations = section_quotations(Section("Title", 1, PARAGRAPHS, 0), rule)
    assert [q.text for q in quotations] == [
        "Partnership working is integral to the area’s approach to improving services for children."
    ]


def test_points_only_leaves_out_a_lists_preamble():
    lines = (
        Line("In all cases seen, risk has been identified and appropriate action taken to safeguard children.", 1),
        Line("Plans for children in need are not always specific or measurable.", 1, bullet=True),
    )
    quotations = section_quotations(Section("Areas for improvement", 1, lines, 0), QuoteRule(limit=5, points_only=True))
    assert [q.text for q in quotations] == ["Plans for children in need are not always specific or measurable."]


PAGE = "Headline findings\nChildren benefit from\n  stable relationships. Services are co-\nproduced with families.\n"


@pytest.mark.parametrize(
    ("quotation", "verbatim"),
    [
        pytest.param(Quotation("H", 1, "Children benefit from stable relationships."), True, id="across-lines"),
        pytest.param(Quotation("H", 1, "Services are co-produced with families."), True, id="hyphen-kept"),
        pytest.param(Quotation("H", 1, "Services are coproduced with families."), True, id="hyphen-dropped"),
        pytest.param(Quotation("H", 1, "Children benefit from strong relationships."), False, id="changed-word"),
        pytest.param(Quotation("H", 2, "Children benefit from stable relationships."), False, id="wrong-page"),
        pytest.param(Quotation("H", 0, "Headline findings"), False, id="page-zero"),
    ],
)
def test_quotation_is_verbatim(quotation, verbatim):
    document = Document((PAGE, "Another page\n"))
    assert quotation_is_verbatim(document, quotation) is verbatim
