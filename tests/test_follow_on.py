"""A sentence that refers back is quoted with the sentence it refers to, within its paragraph."""

from __future__ import annotations

import pytest

from extract.records import Passage
from extract.text.follow_on import MAX_JOINED_CHARS, refers_back, with_follow_ons
from extract.text.key_quotes import QuotePlan, key_quotations
from extract.text.lists import sentence_units
from extract.text.passages import Sentence

SUMMARY = "Summary"
AREA = "The experiences and progress of children in care"


def sentence(text, block, opens=False, section=SUMMARY, bullet=False):
    return Sentence(Passage(1, section, None, 2, text), block, opens, bullet)


def units_of(sentences, joins=lambda s: True, is_verbatim=None):
    return [u.text for u in with_follow_ons(sentence_units(sentences), joins, is_verbatim)]


@pytest.mark.parametrize(
    "text",
    [
        "This enables them to understand risk and impact for children.",
        "They value the highly supportive, child-centred environment in which they practise.",
        "As a result, there are exceptionally low levels of temporary or short-term staff.",
        "However, a small number of children currently live in unregistered children's homes.",
        "Since then, senior leaders and members have focused on improving services.",
        "These are not yet consistently effective.",
        "For example, plans are reviewed every month.",
    ],
)
def test_a_sentence_pointing_at_the_one_before_refers_back(text):
    assert refers_back(text)


@pytest.mark.parametrize(
    "text",
    [
        "This local authority requires improvement to be good.",
        "This inspection was carried out under the ILACS framework.",
        "Theirs is a small service.",
        "Social workers consciously choose to work in Brighton and Hove.",
        "Thresholds are understood and applied appropriately.",
        "Italian-speaking families receive interpreters.",
    ],
)
def test_a_sentence_that_stands_alone_does_not(text):
    assert not refers_back(text)


def test_the_sentences_referring_back_join_the_one_they_refer_to_in_turn():
    sentences = [
        sentence("Social workers consciously choose to work in Brighton and Hove.", 0, opens=True),
        sentence("As a result, there are exceptionally low levels of temporary staff.", 0),
        sentence("They value the supportive environment.", 0),
        sentence("Management oversight is thorough at all levels.", 0),
    ]
    assert units_of(sentences) == [
        "Social workers consciously choose to work in Brighton and Hove. As a result, there are exceptionally low "
        "levels of temporary staff. They value the supportive environment.",
        "Management oversight is thorough at all levels.",
    ]


def test_a_sentence_opening_a_new_paragraph_is_not_joined_to_the_last_one():
    sentences = [
        sentence("Leaders know their services well.", 0, opens=True),
        sentence("This means that there is a lack of transparency in recording decisions.", 1, opens=True),
    ]
    assert units_of(sentences) == [s.passage.text for s in sentences]


def test_only_where_the_caller_joins_and_only_what_is_printed_together():
    sentences = [
        sentence("Leaders know their services well.", 0, opens=True, section=AREA),
        sentence("They have an accurate self-assessment.", 0, section=AREA),
    ]
    texts = [s.passage.text for s in sentences]
    assert units_of(sentences, joins=lambda s: s.passage.section == SUMMARY) == texts
    assert units_of(sentences, is_verbatim=lambda page, text: False) == texts


def test_a_joined_quotation_stays_short_enough_to_quote():
    long = "Leaders have " + "worked to improve the quality of practice, " * 14 + "across the service."
    sentences = [sentence(long, 0, opens=True), sentence("This has made a difference to children.", 0)]
    assert len(f"{long} {sentences[1].passage.text}") > MAX_JOINED_CHARS
    assert units_of(sentences) == [s.passage.text for s in sentences]


def test_the_summary_quotes_a_point_with_its_follow_on_in_one_quotation():
    plan = QuotePlan(summary=(SUMMARY,))
    sentences = [
        sentence("Children in care benefit from stable homes and workers who know them well.", 0, opens=True),
        sentence("This helps them to make progress at school and to feel safe.", 0),
        sentence("Care leavers are well supported into education and work by their personal advisers.", 1, True),
    ]
    quoted = [q.text for q in key_quotations(sentences, plan)]
    assert quoted == [
        "Children in care benefit from stable homes and workers who know them well. This helps them to make "
        "progress at school and to feel safe.",
        sentences[2].passage.text,
    ]
