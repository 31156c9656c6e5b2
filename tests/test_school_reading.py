"""School report reading on awkward strings: grade keys, cells next to labels, previous-inspection cells, the
table/body cross-check, names in capitals, the 2001 scale and grid, monitoring letters' graded bullets."""

from __future__ import annotations

import re

import pytest

from extract.exceptions import ExtractionError, JudgementConflict, Unrecognised
from extract.families import school_2001, school_2009, school_2012, school_2015, school_monitoring
from extract.families.letters import QuoteSource
from extract.families.school_common import (
    GradeKey,
    cell_grade,
    judgements,
    proper_case,
    read_rows,
    school_quotations,
    slug,
)
from extract.pdf_text import Document
from extract.records import Grade
from extract.text.quotes import QuoteRule
from extract.text.sections import Line

KEY_2009 = "Inspection grades: 1 is outstanding, 2 is good, 3 is satisfactory, and 4 is inadequate\n"
GLOSSARY_2012 = (
    "Grade 1 Outstanding An outstanding school is highly effective\n"
    "Grade 2 Good A good school is effective\n"
    "Grade 3 Requires \nimprovement\nA school that requires improvement is not yet a good school\n"
    "Grade 4 Inadequate A school that has serious weaknesses\n"
)
FOUR_POINT_2009 = {1: Grade.OUTSTANDING, 2: Grade.GOOD, 3: Grade.SATISFACTORY, 4: Grade.INADEQUATE}
FOUR_POINT_2012 = {1: Grade.OUTSTANDING, 2: Grade.GOOD, 3: Grade.REQUIRES_IMPROVEMENT, 4: Grade.INADEQUATE}


def grades(text, era, key=None):
    def grade_of(match, label, page):
        return cell_grade(match, key, label, page).value

    return {j.area: j.grade for j in read_rows(text, 1, era.areas, era.cell, grade_of)}


@pytest.mark.parametrize(
    ("key", "text", "expected"),
    [
        pytest.param(school_2009.KEY, KEY_2009, FOUR_POINT_2009, id="2009-every-page"),
        pytest.param(
            school_2009.KEY,
            KEY_2009 + "The grades for attainment and attendance are: 1 is high; 2 is above average; 3 is broadly "
            "average; and 4 is low",
            FOUR_POINT_2009,
            id="2009-attainment-key-ignored",
        ),
        pytest.param(school_2012.KEY, GLOSSARY_2012, FOUR_POINT_2012, id="2012-glossary-wrapped"),
    ],
)
def test_grade_key_is_read_from_the_report(key, text, expected):
    assert key.read(text) == expected


def test_an_incomplete_key_is_an_error_naming_what_it_found():
    with pytest.raises(ExtractionError, match=r"names only \[1, 2\]"):
        school_2009.KEY.read("Inspection grades: 1 is outstanding, 2 is good\n")


def test_a_key_giving_one_number_two_meanings_is_an_error():
    with pytest.raises(ExtractionError, match="3 two meanings"):
        GradeKey(line=r"^Inspection grades:[^\n]*", pair=school_2009.KEY.pair).read(
            KEY_2009 + "Inspection grades: 3 is inadequate\n"
        )


@pytest.mark.parametrize(
    ("table", "overall"),
    [
        pytest.param(
            "Overall effectiveness\nPrevious inspection: Good 2\nThis inspection: Requires improvement 3\n",
            "requires_improvement",
            id="previous-first",
        ),
        pytest.param(
            "Overall effectiveness\nThis inspection: Inadequate 4\nPrevious inspection: Good 2\n",
            "inadequate",
            id="this-first",
        ),
    ],
)
def test_2012_overall_is_this_inspection_never_the_previous_one(table, overall):
    assert grades(table + "Quality of teaching Good 2\n", school_2012.ERA, FOUR_POINT_2012) == {
        "overall_effectiveness": overall,
        "quality_of_teaching": "good",
    }


def test_2012_word_and_number_that_disagree_name_both_readings():
    conflict = r"'Quality of teaching' on page 1 prints 'Good 3'.*3 is requires_improvement"
    with pytest.raises(JudgementConflict, match=conflict):
        grades("Quality of teaching Good 3\n", school_2012.ERA, FOUR_POINT_2012)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The effectiveness of leadership and management in embedding ambition and driving \nimprovement\n2\n",
            {"leadership_and_management": "good"},
            id="wrapped-label-number-below",
        ),
        pytest.param(
            "Taking into account:\n Pupils' attainment¹\n3\n The quality of pupils' learning and their progress 2\n",
            {"quality_of_learning_and_progress": "good"},
            id="attainment-on-another-key-left-out",
        ),
        pytest.param(
            "The quality of teaching is good and improving; in 2 lessons it was\n", {}, id="label-in-prose"
        ),
        pytest.param("Pupils’ behaviour 1\n", {"behaviour": "outstanding"}, id="curly-apostrophe"),
    ],
)
def test_2009_numbers_next_to_their_labels(text, expected):
    assert grades(text, school_2009.ERA, FOUR_POINT_2009) == expected


def test_2015_previous_inspection_row_is_not_overall_effectiveness():
    text = "Outcomes for pupils Good\nOverall effectiveness at previous inspection Requires Improvement\n"
    assert grades(text, school_2015.ERA) == {"outcomes_for_pupils": "good"}


TABLE_2015 = (
    "School report\nExample School\nInspection dates 9–10 February 2016\n"
    "Overall effectiveness Requires improvement\nOutcomes for pupils Requires improvement\n"
    "Personal development, behaviour and welfare Good\n"
)


def test_2015_body_heading_that_disagrees_with_the_table_names_both():
    body = "Inspection judgements\nOutcomes for pupils are good\n Pupils make good progress.\n"
    conflict = r"outcomes_for_pupils: table on page 1 says requires_improvement, .* page 2 says good"
    with pytest.raises(JudgementConflict, match=conflict):
        judgements(Document((TABLE_2015, body)), school_2015.ERA)


def test_2015_body_headings_that_agree_keep_the_table_page():
    body = "Outcomes for pupils require improvement\nPersonal development, behaviour and welfare is good\n"
    found = judgements(Document((TABLE_2015, body)), school_2015.ERA)
    assert {(j.area, j.grade, j.page) for j in found} == {
        ("overall_effectiveness", "requires_improvement", 1),
        ("outcomes_for_pupils", "requires_improvement", 1),
        ("personal_development_behaviour_and_welfare", "good", 1),
    }


def test_a_table_without_overall_effectiveness_is_not_guessed():
    table = "School report\nOutcomes for pupils Good\nEarly years provision Good\n"
    with pytest.raises(Unrecognised, match="without an overall effectiveness grade"):
        judgements(Document((table,)), school_2015.ERA)


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        pytest.param(
            "ST MARY AND ST JOHN CATHOLIC PRIMARY \nSCHOOL\n",
            "St Mary and St John Catholic Primary School",
            id="capitals",
        ),
        pytest.param("ST PETER'S C OF E SCHOOL", "St Peter's C of E School", id="apostrophe-and-c-of-e"),
        pytest.param("THE AVENUE SCHOOL", "The Avenue School", id="leading-the"),
        pytest.param("Fitzjohn's Primary School", "Fitzjohn's Primary School", id="mixed-case-kept"),
    ],
)
def test_proper_case(printed, name):
    assert proper_case(printed) == name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Attitudes to the school Excellent – pupils love the school\n",
            {"attitudes_to_the_school": "excellent"},
            id="excellent",
        ),
        pytest.param(
            "Behaviour, in and out of\nclassrooms\nVery good in and out of the classroom\n",
            {"behaviour": "very_good"},
            id="wrapped-very-good",
        ),
        pytest.param(
            "How well the school\ncares for its pupils\nGood overall, but with outstanding features\n",
            {"care_for_pupils": "good"},
            id="good-overall",
        ),
        pytest.param(
            "The strategic use of \nresources\nUnsatisfactory. Budgets are late.\n",
            {"strategic_use_of_resources": "unsatisfactory"},
            id="unsatisfactory-not-satisfactory",
        ),
        pytest.param(
            "Leadership and\nmanagement by the\nheadteacher and other\nkey staff\nOutstanding teamwork\n",
            {},
            id="not-a-scale-word",
        ),
        pytest.param("Attendance Well above the national average\n", {}, id="descriptive"),
    ],
)
def test_2001_comments_that_open_with_a_scale_word(text, expected):
    found = read_rows(text, 1, school_2001.AREAS, school_2001.COMMENT, school_2001.scale_grade)
    assert {j.area: j.grade for j in found} == expected


def test_2001_teaching_grid_cells_take_their_column():
    page = (
        "TEACHING AND LEARNING\nTeaching of pupils in: Nursery and Reception Years 1 – 2 Years 3 – 6\n"
        "Quality of teaching Good Very good Satisfactory\n"
    )
    found = school_2001.teaching_judgements(Document((page,)))
    assert [(j.area, j.grade, j.label) for j in found] == [
        ("quality_of_teaching_nursery_and_reception", "good", "Quality of teaching: Nursery and Reception"),
        ("quality_of_teaching_years_1_2", "very_good", "Quality of teaching: Years 1 – 2"),
        ("quality_of_teaching_years_3_6", "satisfactory", "Quality of teaching: Years 3 – 6"),
    ]


def test_2001_teaching_grid_with_a_missing_cell_is_not_guessed():
    page = "Teaching of pupils in: Reception Years 1 – 2 Years 3 – 6\nQuality of teaching Good Very good\n"
    assert school_2001.teaching_judgements(Document((page,))) == []


def test_monitoring_graded_bullets_wrapped_and_with_a_dash_inside():
    lines = [
        Line("Progress since the last monitoring inspection on the areas for improvement:", 4),
        Line("improve behaviour by developing consistent and effective classroom and behaviour", 4, bullet=True),
        Line("management procedures – satisfactory", 4),
        Line("improve the quality of the curriculum in Years 1 – 6 – good", 5, bullet=True),
        Line("The effectiveness of provision", 5),
        Line("improve attendance – inadequate", 5, bullet=True),
    ]
    found = school_monitoring.progress_on_areas_for_improvement(lines)
    assert [(j.area, j.grade, j.label, j.page) for j in found] == [
        (
            "progress_improve_behaviour_by_developing_consistent_and_effective_classroom_and_behaviour_management_procedures",
            "satisfactory",
            "improve behaviour by developing consistent and effective classroom and behaviour management procedures",
            4,
        ),
        (
            "progress_improve_the_quality_of_the_curriculum_in_years_1_6",
            "good",
            "improve the quality of the curriculum in Years 1 – 6",
            5,
        ),
    ]


def test_improvement_points_are_quoted_not_their_sub_points():
    lines = [
        Line("What does the school need to do to improve further?", 2),
        Line("As a matter of urgency, ensure that all aspects of safeguarding are effective by:", 2, bullet=True),
        Line("adhering closely to the school’s safeguarding policy and to its procedures", 2, bullet=True),
        Line("Improve personal development, behaviour and welfare, including pupils’ attendance, by:", 2, bullet=True),
    ]
    source = QuoteSource(("What does the school need to do to improve further?",), QuoteRule(limit=2, per_passage=1))
    assert [q.text for q in school_quotations(lines, (source,), ())] == [
        "As a matter of urgency, ensure that all aspects of safeguarding are effective by:",
        "Improve personal development, behaviour and welfare, including pupils’ attendance, by:",
    ]


@pytest.mark.parametrize(
    ("page", "family"),
    [
        pytest.param(
            "School report\nA School\nOverall effectiveness\nThis inspection: Good 2\n",
            school_2012,
            id="2012",
        ),
        pytest.param(
            "School report\nA School\nPersonal development, behaviour and welfare Good\n",
            school_2015,
            id="2015",
        ),
        pytest.param(
            "A School\nInspection report\n" + KEY_2009 + "Overall effectiveness: how good is the school? 3\n",
            school_2009,
            id="2009",
        ),
        pytest.param(
            "INSPECTION REPORT\nA SCHOOL\nShort inspection carried out under section 10 of the School Inspections Act 1996",
            school_2001,
            id="2001",
        ),
        pytest.param(
            "Dear Mr A\nSpecial measures: monitoring inspection of A School\nFollowing my visit",
            school_monitoring,
            id="monitoring",
        ),
    ],
)
def test_each_template_is_recognised_by_its_own_era_only(page, family):
    document = Document((page,))
    eras = (school_2001, school_2009, school_2012, school_2015, school_monitoring)
    assert [era for era in eras if era.recognise(document)] == [family]


def test_slug_of_a_printed_label():
    assert slug("Years 1 – 2") == "years_1_2"
    assert re.fullmatch(r"[a-z0-9_]+", slug("improve the quality of teaching and the assessment of pupils’ learning"))
