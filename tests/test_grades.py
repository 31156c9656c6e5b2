import pytest

from extract.exceptions import JudgementConflict
from extract.families.la_common import body_grades, cross_check
from extract.families.la_ilacs import AREAS as ILACS_AREAS
from extract.families.la_ilacs import framework_of
from extract.pdf_text import Document
from extract.records import Judgement
from extract.text.grades import grade_from_words, read_labelled_grades


@pytest.mark.parametrize(
    "printed, grade",
    [
        pytest.param("Requires improvement \nto be good", "requires_improvement", id="split-across-lines"),
        pytest.param("Requires Improvement", "requires_improvement", id="capital-I"),
        pytest.param("require improvement", "requires_improvement", id="verb-form"),
        pytest.param("Outstanding ", "outstanding", id="trailing-space"),
        pytest.param("Inadequate", "inadequate", id="inadequate-not-adequate"),
        pytest.param("adequate", "adequate", id="pre-2014-scale"),
        pytest.param("Not judged", "not_judged", id="not-judged"),
    ],
)
def test_grade_words(printed, grade):
    assert grade_from_words(printed).value == grade


def test_grade_words_reject_prose():
    with pytest.raises(ValueError, match="not a grade"):
        grade_from_words("good and improving")


ILACS_2018_TABLE = """Judgement Grade
The impact of leaders on social work practice with
children and families.
Requires improvement
to be good
The experiences and progress of children in care and care
leavers
Good
Overall effectiveness Requires improvement
to be good
"""

ILACS_2026_TABLE = """Judgement Grade
The impact of leaders on practice with
children and families
Outstanding
The experiences and progress of
children care leavers
Good
When children were first seen, the overall effectiveness judgement was ‘requires improvement to be good’.
"""


def test_grades_are_read_next_to_their_labels_not_by_position():
    judgements = read_labelled_grades(ILACS_2018_TABLE, ILACS_AREAS, page=1)
    assert [(j.area, j.grade) for j in judgements] == [
        ("impact_of_leaders", "requires_improvement"),
        ("children_in_care_and_care_leavers", "good"),
        ("overall_effectiveness", "requires_improvement"),
    ]
    assert judgements[0].label.startswith("The impact of leaders on social work practice")
    assert framework_of({j.area for j in judgements}) == "ilacs"


def test_reworded_leaders_row_typo_label_and_prose_mention_of_overall():
    judgements = read_labelled_grades(ILACS_2026_TABLE, ILACS_AREAS, page=1)
    assert {j.area: j.grade for j in judgements} == {"impact_of_leaders": "outstanding", "care_leavers": "good"}
    assert framework_of({j.area for j in judgements}) == "ilacs-2026"


def test_body_heading_disagreeing_with_the_table_names_both_readings():
    body = Document(("table page", "The experiences and progress of children in care and care\nleavers: inadequate\n"))
    found = body_grades(body, ILACS_AREAS, first_page=2)
    table = [Judgement("children_in_care_and_care_leavers", "good", "label", 1)]
    with pytest.raises(JudgementConflict, match="table on page 1 says good, the section heading on page 2 says inadequate"):
        cross_check(table, found, "the section heading")


def test_previous_inspection_bullets_are_not_headings():
    body = Document(("table", "\uf0b7 The experiences and progress of children in care and care leavers: inadequate\n"))
    assert body_grades(body, ILACS_AREAS, first_page=2) == {}
