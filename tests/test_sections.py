"""Body lines with page numbers, printed furniture dropped, and the sections under headings."""

from __future__ import annotations

import warnings

import pytest

from extract.pdf_text import Document
from extract.text.sections import (
    Line,
    document_to_lines,
    find_heading,
    looks_like_heading,
    raw_to_line,
    section,
    sections,
)

SEND_HEADER = "Area SEND inspection report: Oldham Local Area Partnership, 26 to 30 June 2023 {}"


def send_document() -> Document:
    """Four pages with a running header carrying the page number, as area SEND reports print it."""
    return Document(
        (
            "Area SEND inspection of Oldham Local Area Partnership\nInspection dates: 26 to 30 June 2023\n"
            "Inspection outcome\nThe local area partnership’s arrangements lead to inconsistent experiences.\n",
            SEND_HEADER.format(2) + "\nWhat is the area partnership doing that is effective?\n"
            "\uf0b7 Leaders know the area well.\n\uf0b7 Parents are\nheard.\n",
            SEND_HEADER.format(3) + "\nWhat does the area partnership need to do better?\n"
            "◼ Waiting times are too long.\n3\n",
            SEND_HEADER.format(4) + "\nLocal area partnership details\nOldham Council\n",
        )
    )


def test_running_header_with_page_number_is_dropped():
    texts = [line.text for line in document_to_lines(send_document())]
    assert not any(text.startswith("Area SEND inspection report") for text in texts)


def test_page_numbers_and_bullet_glyphs_are_dropped():
    lines = document_to_lines(send_document())
    assert "3" not in [line.text for line in lines]
    assert Line("Leaders know the area well.", 2, bullet=True) in lines
    assert Line("Waiting times are too long.", 3, bullet=True) in lines


def test_letterhead_is_dropped():
    document = Document(
        ("7 February 2019\nDear David\nThe findings.\nPiccadilly Gate\nStore Street\nManchester\nM1 2WD\n"
         "T 0300 123 1231\nTextphone 0161 618 8524\nenquiries@ofsted.gov.uk\nwww.gov.uk/ofsted\n",)
    )
    assert [line.text for line in document_to_lines(document)] == ["7 February 2019", "Dear David", "The findings."]


@pytest.mark.parametrize(
    ("raw", "text", "bullet"),
    [
        pytest.param("\uf0b7 Leaders know", "Leaders know", True, id="private-use-symbol-bullet"),
        pytest.param("\uf0a7Leaders know", "Leaders know", True, id="private-use-no-space"),
        pytest.param("\x83 The council should act", "The council should act", True, id="c1-control-bullet"),
        pytest.param("◼ Decision-making for children", "Decision-making for children", True, id="black-square"),
        pytest.param("• Plans", "Plans", True, id="round-bullet"),
        pytest.param("- Plans are reviewed", "Plans are reviewed", True, id="hyphen-bullet"),
        pytest.param("co-produced with the forum.", "co-produced with the forum.", False, id="hyphenated-word"),
        pytest.param("  The   local authority ", "The local authority", False, id="spacing"),
    ],
)
def test_raw_to_line(raw, text, bullet):
    assert raw_to_line(raw, 1) == Line(text, 1, bullet)


LETTER = [
    Line("This visit was carried out in line with the framework.", 1),
    Line("Headline findings", 1),
    Line("Children are safer. Leaders have", 1),
    Line("improved the service.", 1),
    Line("What needs to improve in this area of social work", 2),
    Line("practice?", 2),
    Line("The quality of plans.", 2, bullet=True),
    Line("Supervision records.", 2, bullet=True),
    Line("Main findings", 2),
    Line("Social workers know children well.", 2),
]


def test_heading_wrapped_over_two_lines_is_found():
    assert find_heading(LETTER, ["What needs to improve in this area of social work practice?"]) == (4, 2)


def test_section_gathers_lines_until_the_next_heading():
    found = section(LETTER, ["Headline findings"])
    assert found.heading == "Headline findings"
    assert [line.text for line in found.lines] == ["Children are safer. Leaders have", "improved the service."]


def test_section_stops_at_a_known_heading_and_keeps_the_printed_heading():
    found = section(LETTER, ["What needs to improve in this area of social work practice"], ["Main findings"])
    assert found.heading == "What needs to improve in this area of social work practice?"
    assert [line.text for line in found.lines] == ["The quality of plans.", "Supervision records."]
    assert found.page == 2


def test_section_is_none_when_the_heading_is_absent():
    assert section(LETTER, ["Areas for priority action"]) is None


def test_heading_variants_are_literal_text_not_patterns():
    lines = [Line("The experiences and progress of children in care: good", 5), Line("Children thrive.", 5)]
    assert find_heading(lines, [r"The experiences and progress of children in care: \w+"]) is None
    assert find_heading(lines, ["The experiences and progress of children in care: good"]) == (0, 1)


@pytest.mark.parametrize("variant", ["The local authority’s strengths", "The local authority's strengths"])
@pytest.mark.parametrize("printed", ["The local authority’s strengths", "The local authority's strengths"])
def test_a_heading_matches_a_variant_written_with_either_apostrophe(variant, printed):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a nested character class in the pattern would warn
        assert find_heading([Line(printed, 3)], [variant]) == (0, 1)


@pytest.mark.parametrize(
    ("lines", "index", "expected"),
    [
        pytest.param(LETTER, 1, True, id="after-a-sentence"),
        pytest.param(LETTER, 8, True, id="after-a-list"),
        pytest.param(LETTER, 3, False, id="prose-continuation"),
        pytest.param([Line("The service has improved in", 1), Line("Leeds and Bradford", 1), Line("Next.", 1)], 1, False, id="mid-sentence"),
        pytest.param([Line("Done.", 1), Line("Work has improved for the", 1), Line("Children", 1)], 1, False, id="run-on-word"),
        pytest.param([Line("Done.", 1), Line("Key strengths", 1, bullet=True)], 1, False, id="bullet"),
    ],
)
def test_looks_like_heading(lines, index, expected):
    assert looks_like_heading(lines, index) is expected


def test_sections_finds_every_repeat_of_a_heading():
    lines = [
        Line("Areas for improvement", 1),
        Line("Police referrals are slow.", 1, bullet=True),
        Line("Health", 2),
        Line("Areas for improvement", 2),
        Line("Health visitors lack training.", 2, bullet=True),
    ]
    found = sections(lines, ["Areas for improvement"], ["Health"])
    assert [[line.text for line in item.lines] for item in found] == [
        ["Police referrals are slow."],
        ["Health visitors lack training."],
    ]


def test_footnotes_at_the_foot_of_a_page_are_dropped():
    page = "In a significant proportion of cases seen by inspectors,\n \n1 This joint inspection was conducted under section 20.\n"
    texts = [line.text for line in document_to_lines(Document((page,)))]
    assert texts == ["In a significant proportion of cases seen by inspectors,"]


def test_a_numbered_line_without_a_blank_before_it_is_kept():
    page = "Bradford.\n1 This inspection included a ‘deep dive’ focus.\nMore text.\n"
    assert len(document_to_lines(Document((page,)))) == 3


def test_asides_are_left_out_and_the_section_carries_on_after_them():
    lines = [
        Line("Areas for improvement", 10),
        Line("Within the MARU, strategy discussions are mostly timely, but they do not", 10, bullet=True),
        Line("Practice study: highly effective practice", 10),
        Line("All names are pseudonyms.", 10),
        Line("routinely involve all relevant agencies.", 11),
        Line("Next steps", 11),
    ]
    found = section(lines, ["Areas for improvement"], ["Next steps"], asides=["Practice study: highly effective practice"])
    assert [line.text for line in found.lines] == [
        "Within the MARU, strategy discussions are mostly timely, but they do not",
        "routinely involve all relevant agencies.",
    ]


def test_an_aside_ends_at_a_known_heading_on_its_page():
    lines = [
        Line("Key strengths", 8),
        Line("Leaders are ambitious.", 8, bullet=True),
        Line("Case study: highly effective practice", 9),
        Line("Sarah was helped.", 9),
        Line("Areas for improvement", 9),
        Line("Plans are vague.", 9, bullet=True),
    ]
    asides = ["Case study: highly effective practice"]
    assert [line.text for line in section(lines, ["Key strengths"], ["Areas for improvement"], asides=asides).lines] == [
        "Leaders are ambitious."
    ]
    assert [line.text for line in section(lines, ["Areas for improvement"], asides=asides).lines] == ["Plans are vague."]
