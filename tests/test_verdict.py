"""The verdict: the sentence stating the overall judgement, else the judgement as printed beside its label."""

from __future__ import annotations

import pytest

from extract.records import Judgement, Passage
from extract.text.passages import Sentence
from extract.text.verdict import PRINTED_SECTION, states_grade, verdict_quotation


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        pytest.param("Children’s services in Sheffield are good.", "good", id="sif-style"),
        pytest.param("Services for children in Barnsley are good and there has been steady improvement.", "good", id="and-more"),
        pytest.param("Services for children are now judged to be good.", "good", id="judged-now"),
        pytest.param("Services for children in Lambeth require improvement to be good, as at the last inspection.", "requires_improvement", id="require"),
        pytest.param("The overall effectiveness of services for looked after children in Kent is adequate.", "adequate", id="pre-2014"),
    ],
)
def test_a_sentence_stating_the_grade_of_the_whole(text, grade):
    assert states_grade(text, grade)


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        pytest.param("Since the last inspection in 2019, when services were judged to be outstanding, much has changed.", "outstanding", id="earlier-inspection"),
        pytest.param("Children and their families do not yet receive consistently good services.", "good", id="negated"),
        pytest.param("Services are no longer inadequate.", "inadequate", id="no-longer"),
        pytest.param("Services for care leavers are good.", "good", id="one-area"),
        pytest.param("Leaders are aware of the areas of practice that require improvement.", "requires_improvement", id="a-part"),
    ],
)
def test_a_sentence_not_stating_the_grade_of_the_whole(text, grade):
    assert not states_grade(text, grade)


def summary(*texts):
    return [Sentence(Passage(n + 1, "Headline findings", None, 1, text), n, True, False) for n, text in enumerate(texts)]


OVERALL = Judgement("overall_effectiveness", "good", "Overall effectiveness", 1)
PAGE = "Judgement Grade\nOverall effectiveness Good\nChildren in Leeds benefit from effective services.\n"


def test_the_summarys_sentence_stating_the_grade_is_the_verdict():
    found = verdict_quotation([PAGE], [OVERALL], summary("Leaders know their services.", "Services for children are good."), lambda p, t: True)
    assert (found.text, found.section, found.rank, found.reason) == ("Services for children are good.", "Headline findings", 1, "verdict")


def test_without_such_a_sentence_the_printed_judgement_is_the_verdict():
    found = verdict_quotation([PAGE], [OVERALL], summary("Children in Leeds benefit from effective services."), lambda p, t: True)
    assert (found.section, found.page, found.text) == (PRINTED_SECTION, 1, "Overall effectiveness Good")


def test_a_list_stem_is_not_the_verdict():
    found = verdict_quotation([PAGE], [OVERALL], summary("This local authority is good because"), lambda p, t: True)
    assert found.text == "Overall effectiveness Good"


def test_no_overall_grade_no_verdict():
    areas = [Judgement("help_and_protection", "good", "The experiences and progress of ...", 1)]
    assert verdict_quotation([PAGE], areas, summary("Services for children are good."), lambda p, t: True) is None
