"""What is never a key quotation, one rule at a time, and sentences each rule must leave alone."""

from __future__ import annotations

import pytest

from extract.text.unquotable import RULES, unquotable


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        pytest.param("This local authority is good because", "fragment", id="stem-without-items"),
        pytest.param("Improve the quality of services to care leavers by ensuring that:", "fragment", id="colon-stem"),
        pytest.param("the robustness and impact of governance", "fragment", id="item-without-stem"),
        pytest.param("Inspection findings – the Local Safeguarding Children Board", "heading", id="title"),
        pytest.param(
            "The experiences and progress of children who need help and protection 11 The experiences and "
            "progress of children looked after and achieving permanence 15 Leadership, management and governance 33",
            "contents",
            id="contents",
        ),
        pytest.param("________________________________________ (1) ONS 2015 mid-year population estimate.", "footnote", id="footnote-rule"),
        pytest.param("[1] These are residential special schools that look after children for 295 days.", "footnote", id="footnote-mark"),
        pytest.param("The experiences and progress of children looked after and achieving permanence Requires Improvement", "table_row", id="grade-row"),
        pytest.param(
            "An outstanding local authority leads highly effective services that contribute to significantly improved outcomes.",
            "grade_descriptor",
            id="descriptor",
        ),
        pytest.param(
            "In a local authority that requires improvement, there are no widespread or serious failures that leave children harmed.",
            "grade_descriptor",
            id="descriptor-in-a",
        ),
        pytest.param(
            "Any complaints about the inspection or the report should be made following the procedures set out in the guidance.",
            "boilerplate",
            id="complaints",
        ),
        pytest.param("Please write to Ofsted, Piccadilly Gate, Store Street, Manchester M1 2WD.", "boilerplate", id="address"),
        pytest.param("A monitoring inspection will be carried out within approximately 18 months.", "process", id="next-inspection"),
        pytest.param(
            "Ofsted will take the findings from this focused visit into account when planning your next inspection or visit.",
            "process",
            id="findings-into-account",
        ),
        pytest.param(
            "Ofsted and CQC ask that the local area partnership updates and publishes its strategic plan.",
            "process",
            id="inspectorates-ask",
        ),
        pytest.param("Over the past 12 months, Sunderland has experienced continual high rates of COVID-19.", "background", id="covid-rates"),
        pytest.param("A new director of children’s services was appointed in September 2020.", "background", id="appointment"),
        pytest.param("This is the first inspection of North Northamptonshire local authority children’s services.", "background", id="first-inspection"),
    ],
)
def test_each_rule_rules_its_text_out(text, rule):
    assert rule in RULES
    assert unquotable(text) == rule


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Children’s services in Sheffield are good.", id="verdict"),
        pytest.param("Despite the challenges of the COVID-19 pandemic, leaders have responded well to rising demand.", id="covid-judged"),
        pytest.param("Since the last inspection in 2018, much progress has been made by the council.", id="since-last-judged"),
        pytest.param("Responses to children at immediate risk of harm are timely and effective.", id="threshold"),
        pytest.param("Inspectors found that children are seen quickly and their plans are clear.", id="inspectors-found"),
    ],
)
def test_sentences_that_judge_are_kept(text):
    assert unquotable(text) is None


def test_a_lists_point_may_end_without_a_full_stop():
    assert unquotable("The quality of plans for children in need of help", bullet=True) is None
    assert unquotable("The quality of plans for children in need of help") == "heading"
