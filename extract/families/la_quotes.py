"""Key quotations of a local authority inspection: the headline summary, what needs to improve, then the
defining sentence under each judgement heading. Every text is verbatim from one page (whitespace aside).

Where each passage starts and ends is data per template (the Passage constants below); the reading is shared.
A passage is the text after its heading up to the first stop line, on the heading's page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.pdf_text import Document
from extract.records import Quotation
from extract.text.grades import GRADE_PATTERN
from extract.text.quotes import SENTENCE_FINISH, quotable, split_sentences

# Numbered paragraphs ("12.") and bullet glyphs, including the private-use ones Symbol fonts give.
LIST_MARKER = re.compile(r"^\s*(?:\d{1,3}\.|[\u25a0-\u25ff\uf000-\uf0ff•\-–])\s*")
FOOTNOTE_MARK = re.compile(r"(?<=[a-z?])\d+$")
RUNNING_HEADER = re.compile(r"^\s*(?:\d+|Summary|Inspection of .*|.*\d{4}\s+\d+)\s*$")


@dataclass(frozen=True)
class Passage:
    section: str  # name shown to users
    heading: str  # regex of the heading line that opens it
    stop: str  # regex of a line that closes it
    sentences: int  # how many sentences to quote
    items: bool = False  # a list: quote the first sentence of each item instead
    last_heading: bool = False  # the heading's last match on its page opens the passage (a table's last row)


HEADLINE_ILACS = Passage(
    "Headline findings",
    heading=rf"^Overall effectiveness\s+(?:{GRADE_PATTERN})(?:\s+to\s+be\s+good)?\s*$|leavers[ \t]*\n(?:{GRADE_PATTERN})[ \t]*$",
    stop=r"^What needs to improve",
    sentences=3,
    last_heading=True,
)
WHAT_NEEDS_TO_IMPROVE_ILACS = Passage(
    "What needs to improve", heading=r"^What needs to improve\??\s*\d*\s*$", stop=r"^The experiences and progress|^The impact of leaders", sentences=3, items=True
)
EXECUTIVE_SUMMARY_SIF = Passage(
    "Executive summary", heading=r"^Executive summary\s*$|^Summary of findings\s*$", stop=r"^What does the|^Contents|^The local authority", sentences=3
)
AREAS_FOR_IMPROVEMENT_SIF = Passage(
    "What does the local authority need to improve?",
    heading=r"^Areas for improvement\s*$|^Priority and immediate action\s*$",
    stop=r"^The local authority’s strengths|^Summary for children|^Information about",
    sentences=3,
    items=True,
)
OVERALL_PRE_2014 = Passage(
    "Overall effectiveness",
    heading=r"^Grade [1-4] \((?:Outstanding|Good|Adequate|Inadequate)\)\s*$",
    stop=r"^Capacity to improve|^Areas for improvement",
    sentences=3,
)


def document_quotations(document: Document, passages: tuple[Passage, ...]) -> list[Quotation]:
    quotations: list[Quotation] = []
    for passage in passages:
        quotations.extend(passage_quotations(document, passage))
    return quotations


def passage_quotations(document: Document, passage: Passage) -> list[Quotation]:
    heading = re.compile(passage.heading, re.IGNORECASE | re.MULTILINE)
    stop = re.compile(passage.stop, re.IGNORECASE | re.MULTILINE)
    for number, text in enumerate(document.pages, start=1):
        matches = list(heading.finditer(text))
        if not matches:
            continue
        found = matches[-1] if passage.last_heading else matches[0]
        body = text[found.end() :]
        end = stop.search(body)
        lines = [line for line in body[: end.start() if end else len(body)].splitlines() if not RUNNING_HEADER.match(line)]
        chosen = first_item_sentences(lines) if passage.items else sentences_of(" ".join(lines))
        return [Quotation(passage.section, number, s) for s in chosen[: passage.sentences]]
    return []


def heading_quotations(document: Document, headings: dict[str, str], first_page: int) -> list[Quotation]:
    """The first sentence after each judgement heading ("The experiences ... in care: good")."""
    quotations = []
    for section, heading in headings.items():
        pattern = re.compile(heading, re.IGNORECASE | re.MULTILINE)
        for number, text in enumerate(document.pages[first_page - 1 :], start=first_page):
            found = pattern.search(text)
            if found:
                lines = [line for line in text[found.end() :].splitlines() if not RUNNING_HEADER.match(line)]
                first = first_item_sentences(lines)[:1]
                quotations.extend(Quotation(section, number, s) for s in first)
                break
    return quotations


def first_item_sentences(lines: list[str]) -> list[str]:
    """The first sentence of each list item (numbered or bulleted)."""
    items: list[list[str]] = []
    for line in lines:
        if LIST_MARKER.match(line) or not items:
            items.append([LIST_MARKER.sub("", line)])
        else:
            items[-1].append(line)
    firsts = (sentences_of(" ".join(item), whole_if_unfinished=True)[:1] for item in items)
    return [first[0] for first in firsts if first]


def sentences_of(text: str, whole_if_unfinished: bool = False) -> list[str]:
    """Complete sentences of a quotable length; a list item printed without a full stop counts as one."""
    sentences = []
    for _, sentence in split_sentences(" ".join(text.split())):
        sentence = FOOTNOTE_MARK.sub("", LIST_MARKER.sub("", sentence).strip())
        finished = bool(SENTENCE_FINISH.search(sentence)) or sentence.endswith(":") or whole_if_unfinished
        if quotable(sentence) and finished:
            sentences.append(sentence)
    return sentences
