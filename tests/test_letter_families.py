"""The letter families' readings of their own wording, on inline text: titles, outcomes, recognition."""

from __future__ import annotations

import pytest

from extract.exceptions import ExtractionError
from extract.families import area_send, focused_visit, joint_area_review, jtai
from extract.pdf_text import Document


@pytest.mark.parametrize(
    ("printed", "provider"),
    [
        pytest.param("Joint targeted area inspection of Cheshire East", "Cheshire East", id="2022-area-only"),
        pytest.param(
            "Joint targeted area inspection of the multi-agency response to sexual abuse in the family in Cornwall",
            "Cornwall",
            id="theme-containing-in",
        ),
        pytest.param(
            "Joint targeted area inspection of the multi-agency response to abuse and neglect in the London "
            "Borough of Croydon",
            "London Borough of Croydon",
            id="the-dropped",
        ),
        pytest.param(
            "Joint targeted area inspection of the multi-agency response to children’s mental health in Sefton.",
            "Sefton",
            id="full-stop",
        ),
    ],
)
def test_jtai_provider_from_title(printed, provider):
    assert jtai.provider_from_title(printed) == provider


def test_jtai_themed_title_naming_no_area_takes_the_area_from_the_opening():
    printed = (
        "Joint targeted area inspection of the multi-agency response to child sexual exploitation, children "
        "associated with gangs and at risk of exploitation and children missing from home, care or education"
    )
    opening = (
        "This letter to all the service leaders in the area outlines our findings about the \neffectiveness of "
        "partnership working and the work of individual agencies in \nGreenwich local authority. \nThe inspectorates"
    )
    assert jtai.provider_from_title(printed, opening) == "Greenwich"
    assert jtai.provider_from_title(printed) is None


def test_jtai_theme_saying_in_is_not_an_area():
    printed = "Joint targeted area inspection of the multi-agency response to children in need of help"
    opening = "This letter outlines our findings about the work of individual agencies in Wigan."
    assert jtai.provider_from_title(printed, opening) == "Wigan"


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        pytest.param(
            "The local area partnership’s special educational needs and/or disabilities (SEND) arrangements "
            "typically lead to positive experiences and outcomes for children",
            "positive",
            id="positive",
        ),
        pytest.param(
            "The local area partnership’s arrangements lead to inconsistent experiences and\noutcomes for children",
            "inconsistent",
            id="inconsistent-wrapped",
        ),
        pytest.param(
            "There are widespread and/or systemic failings leading to significant concerns about the experiences",
            "significant_concerns",
            id="significant-concerns",
        ),
    ],
)
def test_area_send_outcome(sentence, outcome):
    assert area_send.outcome(sentence) == outcome


def test_area_send_outcome_names_the_text_when_unknown():
    with pytest.raises(ExtractionError, match="cannot be read from 'The arrangements are excellent.'"):
        area_send.outcome("The arrangements are excellent.")


@pytest.mark.parametrize(
    ("text", "timing"),
    [
        pytest.param(
            "needed. The next full area SEND inspection will be within approximately five years. Ofsted and",
            "The next full area SEND inspection will be within approximately five years",
            id="full-only",
        ),
        pytest.param(
            "A monitoring inspection will be carried out within approximately 18 months. The next\nfull "
            "reinspection will be within approximately 3 years.",
            "A monitoring inspection will be carried out within approximately 18 months. The next full "
            "reinspection will be within approximately 3 years",
            id="monitoring-then-full",
        ),
        pytest.param("No timing printed.", None, id="none"),
    ],
)
def test_area_send_next_inspection(text, timing):
    assert area_send.next_inspection(text) == timing


@pytest.mark.parametrize(
    ("page", "provider"),
    [
        pytest.param("Focused visit to the London Borough of Waltham Forest children’s services\n", "London Borough of Waltham Forest", id="the-dropped"),
        pytest.param("Focused visit to Bradford local authority children’s services\n", "Bradford", id="local-authority-dropped"),
        pytest.param("Focused visit to Southend-on-Sea Borough Council children's services\n", "Southend-on-Sea Borough Council", id="straight-apostrophe"),
        pytest.param(
            "Focused visit to the London Borough of Waltham Forest children’s\nservices\nThis letter summarises",
            "London Borough of Waltham Forest",
            id="title-wrapped",
        ),
        pytest.param(
            "Dear Andrew\nFocused visit to Slough Children First \nThis letter summarises the findings of a focused "
            "visit to Slough children’s services on \n18 January 2022.",
            "Slough Children First",
            id="no-childrens-services-in-title",
        ),
        pytest.param(
            "Focused visit to Trafford Council’s children’s services\n", "Trafford Council", id="possessive"
        ),
    ],
)
def test_focused_visit_provider_from_title(page, provider):
    assert focused_visit.provider(Document((page,))) == provider


@pytest.mark.parametrize(
    ("family", "page"),
    [
        pytest.param(focused_visit, "12 January 2026\nDear Ms Coyle\nFocused visit to Nottinghamshire children’s services\n", id="focused-visit"),
        pytest.param(jtai, "Dear local partnership\nJoint targeted area inspection of the multi-agency response to\n", id="jtai"),
        pytest.param(area_send, "Local area partnership report\nArea SEND inspection of Oldham Local Area Partnership\n", id="area-send"),
        pytest.param(
            joint_area_review,
            "Inspection of progress made in the provision \nof safeguarding services in the London \nBorough of Haringey\n",
            id="joint-area-review",
        ),
    ],
)
def test_each_family_recognises_only_its_own_first_page(family, page):
    families = (focused_visit, jtai, area_send, joint_area_review)
    assert [other for other in families if other.recognise(Document((page,)))] == [family]


def test_joint_area_review_provider_stops_at_the_inspectorates():
    page = "Inspection of progress made in the provision \nof safeguarding services in the London \nBorough of Haringey\nCare Quality Commission \nOfsted \n"
    assert joint_area_review.provider(Document((page,))) == "London Borough of Haringey"


def test_focused_visit_lead_is_the_first_inspector_named_when_the_letter_is_not_signed_by_name():
    letter = Document(
        (
            "Focused visit to Bedford Borough Council children’s services\nThis letter summarises the findings of a "
            "focused visit to Bedford Borough Council \nchildren’s services on 11 December 2018. The inspectors were "
            "Brenda McInerney,\nHer Majesty’s Inspector, and Nick Stacey, Her Majesty’s Inspector.\n",
            "Ofsted will take the findings from this focused visit into account.\n",
        )
    )
    assert focused_visit.lead_inspector(letter) == "Brenda McInerney"


def test_focused_visit_2021_letter_signed_your_sincerely():
    letter = Document(
        (
            "Focused visit to Lancashire children’s services\nHer Majesty’s Inspectors for this visit were Paula "
            "Thomson-Jones, Lorna Schlechte and Rebecca Quested.\n",
            "next inspection or visit.\nYour sincerely\nPaula Thomson-Jones\nHer Majesty’s Inspector",
        )
    )
    assert focused_visit.lead_inspector(letter) == "Paula Thomson-Jones"


# Two rules focused visit letters keep, on text modelled on the corpus's letters.
LETTER_HEAD = (
    "Piccadilly Gate\nStore Street\nManchester M1 2WD\n 8 February 2019\n Mr A Director\n"
    " Director of Children’s Services\n Dear Mr Director,\nFocused visit to St. Helens children’s services\n"
)


@pytest.mark.parametrize(
    ("opening", "start", "end"),
    [
        pytest.param("This letter summarises the findings of a focused visit to St. Helens children’s services on "
                     "14 and 15 January 2019. The inspectors were ...", (2019, 1, 14), (2019, 1, 15),
                     id="a-full-stop-in-the-name"),
        pytest.param("Ofsted inspectors looked at the local authority’s arrangements for children in need, over "
                     "two days, 22 to 23 January 2019, as part of a focused visit.", (2019, 1, 22), (2019, 1, 23),
                     id="wording-no-cue-knows"),
        pytest.param("This letter summarises the findings of the focused visit on 30 and 31 January.",
                     (2019, 1, 30), (2019, 1, 31), id="year-from-the-letters-date"),
    ],
)
def test_a_focused_visits_dates_are_the_first_its_opening_states(opening, start, end):
    from datetime import date

    from extract.families.letters import opening_dates

    dates = opening_dates(Document((LETTER_HEAD + opening + "\n2 March 2017 is a date further on.\n",)), "letter")
    assert (dates.start, dates.end) == (date(*start), date(*end))


@pytest.mark.parametrize(
    "page",
    [
        pytest.param(LETTER_HEAD + "Since the last inspection of services for children in need of help and "
                     "protection, children looked after and care leavers in 2016, ...", id="recalled-in-a-sentence"),
        pytest.param(LETTER_HEAD + "Ofsted judged services as inadequate at the last\ninspection of services for "
                     "children in need of help and protection in 2017.", id="wrapped-to-a-line-start"),
    ],
)
def test_a_letter_recalling_the_last_sif_inspection_is_no_sif_report(page):
    from extract.families import la_sif

    document = Document((page,))
    assert not la_sif.recognise(document)
    assert focused_visit.recognise(document)


@pytest.mark.parametrize(
    "title",
    [
        "Inspection of services for children in need of help and protection, children looked after and care leavers",
        "Re-inspection of services for children in need of help and \nprotection, children looked after",
        "Reinspection of services for children in need of help and protection",
    ],
)
def test_a_sif_title_is_recognised_where_a_title_stands(title):
    from extract.families import la_sif

    assert la_sif.recognise(Document((f"Leeds City Council\n{title}\nInspection date: 12 January 2015\n",)))
