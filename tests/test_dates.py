"""Printed inspection dates -> (start, end): every format found in the corpus, and the awkward ones."""

from __future__ import annotations

from datetime import date

import pytest

from extract.text.dates import (
    DateRange,
    find_inspection_dates,
    first_standalone_date,
    normalise_date_text,
    parse_date_range,
)

D = date

PHRASES = [
    pytest.param("11 – 22 July 2022", D(2022, 7, 11), D(2022, 7, 22), id="en-dash-shared-month"),
    pytest.param("11 — 22 July 2022", D(2022, 7, 11), D(2022, 7, 22), id="em-dash"),
    pytest.param("15-19 July 2013", D(2013, 7, 15), D(2013, 7, 19), id="hyphen-no-spaces"),
    pytest.param("9–10 March 2011", D(2011, 3, 9), D(2011, 3, 10), id="en-dash-no-spaces"),
    pytest.param("6 to 10 July 2026", D(2026, 7, 6), D(2026, 7, 10), id="to-shared-month"),
    pytest.param("26 and 27 May 2021", D(2021, 5, 26), D(2021, 5, 27), id="and-two-days"),
    pytest.param("3 to 4 December 2025", D(2025, 12, 3), D(2025, 12, 4), id="to-two-days"),
    pytest.param("19 November–30 November 2018", D(2018, 11, 19), D(2018, 11, 30), id="month-repeated-no-year"),
    pytest.param("8 October to 12 October 2018", D(2018, 10, 8), D(2018, 10, 12), id="month-repeated-to"),
    pytest.param("21 February to 4 March 2022", D(2022, 2, 21), D(2022, 3, 4), id="two-months-one-year"),
    pytest.param("30 September – 22 October 2014", D(2014, 9, 30), D(2014, 10, 22), id="two-months-dash"),
    pytest.param("30 June 2025 to 4 July 2025", D(2025, 6, 30), D(2025, 7, 4), id="full-dates-to"),
    pytest.param("20 January 2015 – 11 February 2015", D(2015, 1, 20), D(2015, 2, 11), id="full-dates-dash"),
    pytest.param("21 April 2015 - 8 May 2015", D(2015, 4, 21), D(2015, 5, 8), id="full-dates-hyphen"),
    pytest.param("29 January 2024 to 02 February 2024", D(2024, 1, 29), D(2024, 2, 2), id="leading-zero-day"),
    pytest.param("1 9 June 2019", D(2019, 6, 19), D(2019, 6, 19), id="stray-space-in-day"),
    pytest.param("1 9 – 21 June 2019", D(2019, 6, 19), D(2019, 6, 21), id="stray-space-before-range"),
    pytest.param("6\u00a0to\u00a010\u00a0July\u00a02026", D(2026, 7, 6), D(2026, 7, 10), id="non-breaking-spaces"),
    pytest.param("6\u202fto 10 July 2026", D(2026, 7, 6), D(2026, 7, 10), id="narrow-no-break-space"),
    pytest.param("8 to 12 May and 22 to 26 May 2023", D(2023, 5, 8), D(2023, 5, 26), id="split-fieldwork"),
    pytest.param(
        "30 September to 11 October 2024 and 13 to 16 January 2025",
        D(2024, 9, 30),
        D(2025, 1, 16),
        id="split-fieldwork-across-years",
    ),
    pytest.param("1st to 5th June 2020", D(2020, 6, 1), D(2020, 6, 5), id="ordinal-days"),
    pytest.param("15th\n– 16th October 2001", D(2001, 10, 15), D(2001, 10, 16), id="ordinal-across-lines"),
    pytest.param("22nd – 23rd March 2004", D(2004, 3, 22), D(2004, 3, 23), id="ordinal-nd-rd"),
    pytest.param("1 st – 3 rd June 2004", D(2004, 6, 1), D(2004, 6, 3), id="ordinal-spaced-superscript"),
    pytest.param("29 November 2021 to 3 December 2021", D(2021, 11, 29), D(2021, 12, 3), id="month-boundary"),
    pytest.param("14 December 2015 – 14 January 2016", D(2015, 12, 14), D(2016, 1, 14), id="year-boundary"),
    pytest.param("29 December to 2 January 2022", D(2021, 12, 29), D(2022, 1, 2), id="year-boundary-inherited"),
    pytest.param("18 Feb 2014 – 12 March 2014", D(2014, 2, 18), D(2014, 3, 12), id="abbreviated-month"),
    pytest.param("4 Sept. – 8 Sept. 2017", D(2017, 9, 4), D(2017, 9, 8), id="abbreviated-month-dot"),
    pytest.param("20 January 15 - 11 February 2015", D(2015, 1, 20), D(2015, 2, 11), id="two-digit-year"),
    pytest.param("12/09/2016 to 06/10/2016", D(2016, 9, 12), D(2016, 10, 6), id="numeric-dates"),
    pytest.param("1/06/2015 – 25/06/2015", D(2015, 6, 1), D(2015, 6, 25), id="numeric-single-digit-day"),
    pytest.param("25/11/16", D(2016, 11, 25), D(2016, 11, 25), id="numeric-two-digit-year"),
    pytest.param("16 May 2016", D(2016, 5, 16), D(2016, 5, 16), id="single-date"),
    pytest.param("15 December 2020", D(2020, 12, 15), D(2020, 12, 15), id="single-day-visit"),
    pytest.param("8, 9 and 10 May 2019", D(2019, 5, 8), D(2019, 5, 10), id="list-of-days"),
    pytest.param("Monday 6 July to Friday 10 July 2026", D(2026, 7, 6), D(2026, 7, 10), id="weekdays"),
    pytest.param("11 – 22 JULY 2022", D(2022, 7, 11), D(2022, 7, 22), id="capitals"),
]


@pytest.mark.parametrize(("phrase", "start", "end"), PHRASES)
def test_parse_date_range(phrase, start, end):
    assert parse_date_range(phrase) == DateRange(start, end)


@pytest.mark.parametrize(
    ("phrase", "reference", "start", "end"),
    [
        pytest.param("16 May and 20 May", D(2016, 6, 29), D(2016, 5, 16), D(2016, 5, 20), id="letter-same-year"),
        pytest.param(
            "27 November and 1 December", D(2020, 1, 8), D(2019, 11, 27), D(2019, 12, 1), id="letter-next-year"
        ),
    ],
)
def test_year_missing_everywhere_comes_from_the_reference(phrase, reference, start, end):
    assert parse_date_range(phrase, reference) == DateRange(start, end)


@pytest.mark.parametrize(
    ("phrase", "message"),
    [
        pytest.param("no dates here", "no date", id="no-date"),
        pytest.param("16 May and 20 May", "no year", id="no-year-no-reference"),
        pytest.param("11 to 22", "no month", id="no-month"),
        pytest.param("30 February 2021", "impossible date", id="impossible-day"),
        pytest.param("22 July 2022 – 11 July 2022", "run backwards", id="backwards"),
    ],
)
def test_unreadable_phrases_name_the_phrase(phrase, message):
    with pytest.raises(ValueError, match=message) as error:
        parse_date_range(phrase)
    assert repr(phrase) in str(error.value)


SENTENCES = [
    pytest.param("Inspection dates: 3 to 14 October 2022\nLead inspector: Jo", D(2022, 10, 3), D(2022, 10, 14), id="ilacs-label"),
    pytest.param("Inspection date: 20 January 2015 – 11 February 2015", D(2015, 1, 20), D(2015, 2, 11), id="sif-label"),
    pytest.param("Inspection date: 12/09/2016 to 06/10/2016 \nReport published", D(2016, 9, 12), D(2016, 10, 6), id="sif-numeric"),
    pytest.param("Inspection dates 9–10 March 2011\nInspection number 354787", D(2011, 3, 9), D(2011, 3, 10), id="school-no-colon"),
    pytest.param("Dates of inspection: 15th\n– 16th October 2001\nInspection number: 194079", D(2001, 10, 15), D(2001, 10, 16), id="school-2001"),
    pytest.param(
        "Dates of previous inspection: 3 to 7 July 2017\nInspection dates: 6 to 10 February 2023",
        D(2023, 2, 6),
        D(2023, 2, 10),
        id="previous-inspection-ignored",
    ),
    pytest.param(
        "Inspection dates: 8 to 12 May and 22 to 26 May 2023\n", D(2023, 5, 8), D(2023, 5, 26), id="split-fieldwork"
    ),
    pytest.param(
        "This inspection took place from 23 to 27 May 2022. It was carried out by inspectors",
        D(2022, 5, 23),
        D(2022, 5, 27),
        id="jtai-took-place",
    ),
    pytest.param(
        "Between 25 and 29 September 2017, Ofsted, the Care Quality Commission (CQC), HMICFRS undertook a joint inspection",
        D(2017, 9, 25),
        D(2017, 9, 29),
        id="jtai-between",
    ),
    pytest.param(
        "Between 8 October 2018 and 12 October 2018, Ofsted, the Care Quality Commission ",
        D(2018, 10, 8),
        D(2018, 10, 12),
        id="jtai-between-full-dates",
    ),
    pytest.param(
        "This letter summarises the findings of the focused visit to Devon children’s services on 26 and 27 May "
        "2021. His Majesty’s Inspectors",
        D(2021, 5, 26),
        D(2021, 5, 27),
        id="focused-visit-on",
    ),
    pytest.param(
        "This letter summarises the findings of a focused visit to Oldham local authority \nchildren’s services "
        "between 13 October and 15 October 2020. The visit was carried",
        D(2020, 10, 13),
        D(2020, 10, 15),
        id="focused-visit-between",
    ),
    pytest.param(
        "This letter summarises the findings of a focused visit to Bradford local authority \nchildren’s services "
        "on 15 December 2020. The inspectors were",
        D(2020, 12, 15),
        D(2020, 12, 15),
        id="focused-visit-one-day",
    ),
    pytest.param(
        "Following my visit to your school on 23 and 24 November 2011, I write on behalf of",
        D(2011, 11, 23),
        D(2011, 11, 24),
        id="school-monitoring-letter",
    ),
    pytest.param(
        "Inspectors carried out the first part of this inspection between 30 September and 11 \nOctober 2024",
        D(2024, 9, 30),
        D(2024, 10, 11),
        id="first-part-between",
    ),
    pytest.param(
        "Inspection date: 20 June 2017 \u2500 13 July 2017\nReport published: 4 September 2017",
        D(2017, 6, 20),
        D(2017, 7, 13),
        id="box-drawing-dash",
    ),
    pytest.param(
        "This letter summarises the findings of the focused visit to Sefton children’s services.\n"
        "Her Majesty’s Inspectors visited the local authority on 4 and 5 July 2018.",
        D(2018, 7, 4),
        D(2018, 7, 5),
        id="focused-visit-2018-visited-on",
    ),
    pytest.param(
        "This letter summarises the findings of a focused visit to Sefton local authority children’s services.\n"
        "Inspectors visited Sefton between 4 July and 5 July 2018.",
        D(2018, 7, 4),
        D(2018, 7, 5),
        id="focused-visit-2018-visited-between",
    ),
    pytest.param(
        "This letter summarises the findings of a focused visit to Sefton children’s services. The visit took place\n"
        "between 4 and 5 July 2018.",
        D(2018, 7, 4),
        D(2018, 7, 5),
        id="focused-visit-2018-took-place",
    ),
    pytest.param(
        "Her Majesty’s Inspectors carried out a focused visit to Sefton children’s services\non 4 and 5 July 2018.",
        D(2018, 7, 4),
        D(2018, 7, 5),
        id="focused-visit-2018-carried-out",
    ),
]


@pytest.mark.parametrize(("text", "start", "end"), SENTENCES)
def test_find_inspection_dates(text, start, end):
    assert find_inspection_dates(text) == DateRange(start, end)


def test_find_inspection_dates_uses_the_letter_date_for_a_missing_year():
    text = "29 June 2016\nBetween 16 May and 20 May, Ofsted, the Care Quality Commission (CQC), Her"
    reference = first_standalone_date(text)
    assert reference == D(2016, 6, 29)
    assert find_inspection_dates(text, reference) == DateRange(D(2016, 5, 16), D(2016, 5, 20))


def test_find_inspection_dates_is_none_without_a_cue():
    assert find_inspection_dates("Report published: 27 March 2015\nThe caseloads are between 15 and 18.") is None


def test_first_standalone_date_skips_other_lines():
    assert first_standalone_date("Ofsted\nPiccadilly Gate\nT 0300 123 1231\n 01 December 2017 \nJohn") == D(2017, 12, 1)


def test_normalise_date_text_unifies_spaces_and_dashes():
    assert normalise_date_text("6\u00a0–\u20097\u2014July") == "6 - 7-July"
