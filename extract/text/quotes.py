"""Verbatim quotations from a section: whole sentences (or whole bullet points) that sit on one page.

A quotation's text must occur in its page's text, whitespace aside: lines are joined with a space, except
that a line ending in a hyphen ("co-" / "produced") joins the next without one, as the printed word reads.
Sentences that run across a page break are never quoted: cutting them would change what the inspectors said.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from extract.pdf_text import Document
from extract.records import Quotation
from extract.text.sections import Line, Section

# Long enough to say something, short enough to quote in an article or a chart's caption.
MIN_QUOTE_CHARS = 40
MAX_QUOTE_CHARS = 450

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    "e.g i.e etc mr mrs ms dr st no nos para paras vs approx fig cf inc ltd co dept govt prof rev".split()
)
SENTENCE_BREAK = re.compile(r"[.!?]['’”)\]]*(?P<gap>\s+)(?=['‘“(]?[A-Z0-9])")
LAST_WORD = re.compile(r"([\w.]+)[.!?]['’”)\]]*$")
SENTENCE_START = re.compile(r"^['‘“(]?[A-Z0-9]")
SENTENCE_FINISH = re.compile(r"[.!?]['’”)\]]*$")
LINE_BREAK_HYPHEN = re.compile(r"\w-$")
WHITESPACE = re.compile(r"\s+")
HYPHEN_AT_LINE_END = re.compile(r"-[ \t]*\n\s*")


@dataclass(frozen=True)
class Passage:
    """A bulleted item or a run of prose, with the page of each character."""

    text: str
    pages: tuple[int, ...]  # page of text[i] is pages[i]
    bullet: bool


def join_lines(texts: Iterable[str]) -> str:
    joined = ""
    for text in texts:
        if not joined:
            joined = text
        elif LINE_BREAK_HYPHEN.search(joined):
            joined += text
        else:
            joined += " " + text
    return joined


def lines_to_passages(lines: Sequence[Line]) -> list[Passage]:
    """Group lines into passages: each bullet starts one that runs to the next bullet (its wrapped lines carry
    no glyph), and the prose before the first bullet is one more."""
    groups: list[list[Line]] = []
    for line in lines:
        if not groups or line.bullet:
            groups.append([line])
        else:
            groups[-1].append(line)
    return [_passage(group) for group in groups]


def _ends_sentence(text: str) -> bool:
    return SENTENCE_FINISH.search(text) is not None


def _passage(group: list[Line]) -> Passage:
    text = ""
    pages: list[int] = []
    for line in group:
        separator = "" if not text or LINE_BREAK_HYPHEN.search(text) else " "
        pages.extend([line.page] * (len(separator) + len(line.text)))
        text += separator + line.text
    return Passage(text, tuple(pages), group[0].bullet)


def split_sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; a full stop after an abbreviation or an initial does not end a sentence."""
    sentences = []
    start = 0
    for match in SENTENCE_BREAK.finditer(text):
        candidate = text[start : match.start("gap")]
        last = LAST_WORD.search(candidate)
        word = last.group(1).lower().rstrip(".") if last else ""
        if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        sentences.append((start, candidate.strip()))
        start = match.end()
    if text[start:].strip():
        sentences.append((start, text[start:].strip()))
    return sentences


def passage_sentences(passage: Passage) -> list[tuple[int, str]]:
    """(page, sentence) for each complete sentence of the passage printed on a single page. A bullet's last
    words count as a sentence without a full stop ("The quality of plans"), and its first may start in lower
    case ("the quality of assessments")."""
    found = []
    for offset, sentence in split_sentences(passage.text):
        end = offset + len(sentence) - 1
        finished = _ends_sentence(sentence) or (passage.bullet and end >= len(passage.text.rstrip()) - 1)
        started = SENTENCE_START.match(sentence) or (passage.bullet and offset == 0)
        if not finished or not started:
            continue
        if passage.pages[offset] != passage.pages[end]:
            continue
        found.append((passage.pages[offset], sentence))
    return found


def quotable(sentence: str) -> bool:
    return MIN_QUOTE_CHARS <= len(sentence) <= MAX_QUOTE_CHARS


def section_quotations(section: Section, limit: int, per_passage: int | None = None) -> list[Quotation]:
    """Up to `limit` quotable sentences under the section's heading, in reading order. `per_passage` caps the
    sentences taken from one bullet or paragraph run so a list's points are all heard."""
    quotations = []
    for passage in lines_to_passages(section.lines):
        taken = 0
        for page, sentence in passage_sentences(passage):
            if len(quotations) == limit or (per_passage is not None and taken == per_passage):
                break
            if quotable(sentence):
                quotations.append(Quotation(section.heading, page, sentence))
                taken += 1
    return quotations


def _squeeze(text: str) -> str:
    return WHITESPACE.sub("", text)


def quotation_is_verbatim(document: Document, quotation: Quotation) -> bool:
    """Whether the quotation's text is printed on its page, whitespace aside; a hyphen pdfium emits at a line
    break may be kept or dropped."""
    if not 1 <= quotation.page <= document.page_count:
        return False
    page = document.pages[quotation.page - 1]
    wanted = _squeeze(quotation.text)
    return wanted in _squeeze(page) or wanted in _squeeze(HYPHEN_AT_LINE_END.sub("", page))
