"""Inspectors' names without their titles, from every way the corpus prints them."""

from __future__ import annotations

import pytest

from extract.text.people import labelled_lead_inspector, letter_signatory, strip_titles, team_lead, visit_team_lead


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        pytest.param("Catherine Heron, His Majesty’s Inspector", "Catherine Heron", id="his-majestys"),
        pytest.param("Nigel Parkes Her Majesty's Inspector", "Nigel Parkes", id="hers-straight-apostrophe"),
        pytest.param("Helen Cawston HMI", "Helen Cawston", id="hmi"),
        pytest.param("Donna Marriott, HMI", "Donna Marriott", id="comma-hmi"),
        pytest.param("John Mitchell, Senior HMI", "John Mitchell", id="senior-hmi"),
        pytest.param("Mr Jean-Pierre Kirkland", "Jean-Pierre Kirkland", id="honorific-hyphenated"),
        pytest.param("Mrs. Jane Millward", "Jane Millward", id="honorific-dot"),
        pytest.param("Ms Sarah Parker", "Sarah Parker", id="ms"),
        pytest.param("David Thomas Hatchett, Lead inspector Additional Inspector", "David Thomas Hatchett", id="additional"),
        pytest.param("Bogusia Matusiak-Varley, lead inspector Ofsted Inspector", "Bogusia Matusiak-Varley", id="ofsted-inspector"),
        pytest.param("Kay (Kathleen) Charlton", "Kay (Kathleen) Charlton", id="known-as-kept"),
        pytest.param("Máire Atherton, His Majesty’s Inspector", "Máire Atherton", id="accent"),
        pytest.param("Jenny-ellen Scotland", "Jenny-ellen Scotland", id="lowercase-after-hyphen"),
        pytest.param("Dick O’Brien", "Dick O’Brien", id="apostrophe-in-name"),
        pytest.param("Teresa Godfrey, HMI designate", "Teresa Godfrey", id="designate"),
        pytest.param("  Shabana Warne  ", "Shabana Warne", id="trailing-space"),
        pytest.param("Karen Wareing (HMI)", "Karen Wareing", id="bracketed-hmi"),
        pytest.param("Fiona J Millns", "Fiona J Millns", id="middle-initial"),
        pytest.param("Marie de Souza HMI", "Marie de Souza", id="surname-particle"),
        pytest.param("Jane Smith Social Care Regulatory Inspector", "Jane Smith", id="regulatory-inspector"),
        pytest.param("Tracey Ledder, Her Majesty’s Inspector (HMI)", "Tracey Ledder", id="title-and-abbreviation"),
    ],
)
def test_strip_titles(printed, name):
    assert strip_titles(printed) == name


@pytest.mark.parametrize(
    "printed",
    [
        pytest.param("Ofsted Care Quality Commission", id="organisations"),
        pytest.param("Her Majesty’s Inspector", id="title-only"),
        pytest.param("Director of Children’s Services", id="job-title"),
        pytest.param("Nigel", id="one-word"),
        pytest.param("HMI Constabulary HMI Probation", id="inspectorates"),
    ],
)
def test_strip_titles_rejects_what_is_not_a_name(printed):
    assert strip_titles(printed) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "Inspection dates: 30 June 2025 to 4 July 2025\nLead inspector: Catherine Heron, His Majesty’s Inspector\n",
            "Catherine Heron",
            id="ilacs",
        ),
        pytest.param("Lead inspector: Nicola Bennett\nHer Majesty’s Inspector\n", "Nicola Bennett", id="title-on-next-line"),
        pytest.param("Reporting inspector Helen Cawston HMI\n", "Helen Cawston", id="reporting-no-colon"),
        pytest.param(
            "The inspection team\nLead inspector:\nKaren Wareing HMI\n", "Karen Wareing", id="name-on-next-line"
        ),
        pytest.param("Reporting inspector: Mr Jean-Pierre Kirkland\n", "Jean-Pierre Kirkland", id="reporting-honorific"),
        pytest.param(
            "Lead inspectors: Rebecca Quested, His Majesty’s Inspector, and Matthew Reed, \nHis Majesty’s Inspector",
            "Rebecca Quested",
            id="joint-leads-first",
        ),
        pytest.param(
            "Deputy lead inspector: Sarah Urding\nLead inspector: Tracey Metcalfe HMI\n",
            "Tracey Metcalfe",
            id="deputy-skipped",
        ),
    ],
)
def test_labelled_lead_inspector(text, name):
    assert labelled_lead_inspector(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "Ofsted Care Quality Commission\nLeanne Thirlby, Ofsted HMI Lead inspector Daniel Carrick, CQC Lead inspector\n",
            "Leanne Thirlby",
            id="two-columns",
        ),
        pytest.param(
            "Dave Gilkerson HMI, Ofsted Lead inspector David Roberts, CQC Lead inspector\n", "Dave Gilkerson", id="hmi-before-comma"
        ),
        pytest.param("Charlie Fordham, HMI, Lead inspector Tessa Valpy, CQC Lead inspector\n", "Charlie Fordham", id="hmi-commas"),
        pytest.param(
            "Jen Southall HMI, Ofsted\nTessa Valpy, CQC Lead inspector\nLeanne Thirlby HMI, Ofsted lead inspector\n",
            "Leanne Thirlby",
            id="cqc-lead-listed-first",
        ),
        pytest.param("Seamus Murphy, lead inspector Her Majesty’s Inspector\n", "Seamus Murphy", id="school-team"),
    ],
)
def test_team_lead(text, name):
    assert team_lead(text) == name


def test_team_lead_never_takes_a_cqc_lead():
    assert team_lead("Tessa Valpy, CQC Lead inspector\nSarah Smith, CQC Inspector\n") is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param("next visit.\nYours sincerely\n\nNigel Parkes\nHer Majesty’s Inspector\n", "Nigel Parkes", id="blank-line"),
        pytest.param("Yours sincerely \nShabana Warne \nHis Majesty’s Inspector", "Shabana Warne", id="trailing-spaces"),
        pytest.param("Yours sincerely,\nTom Anthony\nHer Majesty’s Inspector", "Tom Anthony", id="comma"),
        pytest.param("Yours sincerely\nOfsted Care Quality Commission\nEleanor Schooling\n", "Eleanor Schooling", id="organisations-first"),
        pytest.param(
            "next inspection or visit.\nYour sincerely\nAmanda Maxwell \nHer Majesty’s Inspector",
            "Amanda Maxwell",
            id="your-typo",
        ),
    ],
)
def test_letter_signatory(text, name):
    assert letter_signatory(text) == name


def test_letter_signatory_none_without_sign_off():
    assert letter_signatory("Nigel Parkes\nHer Majesty’s Inspector") is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "children’s services on 11 December 2018. The inspectors were Brenda McInerney,\n"
            "Her Majesty’s Inspector, and Nick Stacey, Her Majesty’s Inspector.",
            "Brenda McInerney",
            id="the-inspectors-were",
        ),
        pytest.param(
            "on 26 and 27 January 2022. Her Majesty’s Inspectors for this visit \n"
            "were Victoria Horsefield and Julie Knight.",
            "Victoria Horsefield",
            id="for-this-visit-were",
        ),
        pytest.param(
            "on 4 and 5 September 2018, carried out by Margaret Burke, Her Majesty’s Inspector.",
            "Margaret Burke",
            id="carried-out-by",
        ),
        pytest.param(
            "The inspectors were Nick Stacey and Brenda McInerney. The lead inspector was Brenda McInerney.",
            "Brenda McInerney",
            id="lead-named-outright",
        ),
        pytest.param(
            "His Majesty’s Inspectors for this visit were Claire \nBeckingham and Anna Gravelle.",
            "Claire Beckingham",
            id="name-across-lines",
        ),
        pytest.param(
            "The visit was conducted by Donna Marriott, Maire Atherton and Caroline Walsh, three of Her Majesty’s",
            "Donna Marriott",
            id="conducted-by",
        ),
        pytest.param(
            "The visit was carried out by Her Majesty’s Inspectors Lorna Schlechte, Brenda McInerney and Tim Hill.",
            "Lorna Schlechte",
            id="title-before-names",
        ),
        pytest.param(
            "The inspectors were Her Majesty’s Inspectors (HMIs) Jan Edwards, Brenda McLaughlin and Matt Reed.",
            "Jan Edwards",
            id="hmis-in-brackets",
        ),
        pytest.param("Inspectors were on site for the entire visit.", None, id="not-a-name"),
        pytest.param("The lead inspector and the director agreed the arrangements.", None, id="lead-not-named"),
    ],
)
def test_visit_team_lead(text, name):
    assert visit_team_lead(text) == name
