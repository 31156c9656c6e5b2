"""Verbatim quotations from a section: whole sentences (or whole bullet points) that sit on one page.

A quotation's text must occur in its page's text, whitespace aside: lines are joined with a space, except
that a line ending in a hyphen ("co-" / "produced") joins the next without one, as the printed word reads.
`section_quotations` quotes only sentences printed on one page; passages (extract.text.passages) keep a sentence
over a page break whole, so `text_is_verbatim` accepts a text that starts on its page and runs into the next.
A list quoted with its stem (extract.text.lists) is verbatim without the glyphs of its bullets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from extract.pdf_text import Document
from extract.records import Quotation
from extract.text.sections import BULLET, DASH_BULLET, Line, Section

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


# A line that ends a sentence this many characters short of the section's longest line ends its paragraph:
# wrapped lines inside a paragraph fall short of the full width by less than one long word.
PARAGRAPH_END_SLACK = 20


@dataclass(frozen=True)
class Passage:
    """A bulleted item or a paragraph of prose, with the page of each character."""

    text: str
    pages: tuple[int, ...]  # page of text[i] is pages[i]
    bullet: bool


@dataclass(frozen=True)
class QuoteRule:
    """How many quotations to take from a section, and which."""

    limit: int  # most quotations from the section
    per_passage: int | None = None  # most from one bullet or paragraph, so a list's points are all heard
    skip_paragraphs: re.Pattern | None = None  # paragraphs opening with a matching sentence are passed over
    points_only: bool = False  # only the bulleted points, when the section has any (not the list's preamble)


def join_lines(texts: Iterable[str]) -> str:
    """Lines as one text: a space between lines, none after a line-break hyphen ("co-" / "produced")."""
    joined = ""
    for text in texts:
        joined += ("" if not joined or LINE_BREAK_HYPHEN.search(joined) else " ") + text
    return joined


def lines_to_passages(lines: Sequence[Line]) -> list[Passage]:
    """Group lines into passages: a bullet starts one that runs over its wrapped lines; prose is cut into
    paragraphs where a line ends a sentence well short of the full width."""
    width = max((len(line.text) for line in lines), default=0)
    groups: list[list[Line]] = []
    for line in lines:
        previous = groups[-1][-1] if groups else None
        paragraph_ended = previous is not None and _ends_sentence(previous.text) and (
            len(previous.text) < width - PARAGRAPH_END_SLACK
        )
        if previous is None or line.bullet or paragraph_ended:
            groups.append([line])
        else:
            groups[-1].append(line)
    return [_passage(group) for group in groups]


def _ends_sentence(text: str) -> bool:
    return SENTENCE_FINISH.search(text) is not None


def _passage(group: list[Line]) -> Passage:
    text = join_lines(line.text for line in group)
    return Passage(text, _page_of_each_char(group, text), group[0].bullet)


def _page_of_each_char(group: list[Line], text: str) -> tuple[int, ...]:
    pages: list[int] = []
    for line in group:
        if pages and len(pages) < len(text) and text[len(pages)] == " ":
            pages.append(line.page)  # the space joining this line to the previous one
        pages.extend([line.page] * len(line.text))
    return tuple(pages)


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


def section_quotations(section: Section, rule: QuoteRule) -> list[Quotation]:
    """Up to `rule.limit` quotable sentences under the section's heading, in reading order."""
    passages = lines_to_passages(section.lines)
    if rule.points_only and any(passage.bullet for passage in passages):
        passages = [passage for passage in passages if passage.bullet]
    quotations: list[Quotation] = []
    for passage in passages:
        if rule.skip_paragraphs and rule.skip_paragraphs.search(split_sentences(passage.text)[0][1]):
            continue
        taken = 0
        for page, sentence in passage_sentences(passage):
            if len(quotations) == rule.limit or taken == rule.per_passage:
                break
            if quotable(sentence):
                quotations.append(Quotation(section.heading, page, sentence))
                taken += 1
    return quotations


def _squeeze(text: str) -> str:
    return WHITESPACE.sub("", text)


def quotation_is_verbatim(document: Document, quotation: Quotation) -> bool:
    return text_is_verbatim(document, quotation.page, quotation.text)


def text_is_verbatim(document: Document, page: int, text: str) -> bool:
    """Whether the text is printed from its page on, whitespace aside: wholly on the page, or starting on it
    and running on into the next page (a sentence over a page break). A hyphen pdfium emits at a line break
    may be kept or dropped."""
    if not 1 <= page <= document.page_count:
        return False
    wanted = _squeeze(text)
    here = _page_variants(document, page)
    if any(wanted in variant for variant in here):
        return True
    if page == document.page_count:
        return False
    head = max(_longest_prefix_in(wanted, variant) for variant in here)
    return head > 0 and any(wanted[head:] in variant for variant in _page_variants(document, page + 1))


@lru_cache(maxsize=64)
def _page_variants(document: Document, page: int) -> tuple[str, str, str]:
    """The page squeezed; with pdfium's line-break hyphens dropped; and with the bullets' glyphs at line starts
    dropped (a list's stem quoted with its items: the glyphs are not words)."""
    text = document.pages[page - 1]
    unbulleted = "\n".join(BULLET.sub("", DASH_BULLET.sub("", line)) for line in text.splitlines())
    return _squeeze(text), _squeeze(HYPHEN_AT_LINE_END.sub("", text)), _squeeze(unbulleted)


def _longest_prefix_in(text: str, page: str) -> int:
    """Length of the longest prefix of `text` found in `page` (a prefix found means every shorter one is)."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if text[:middle] in page:
            low = middle
        else:
            high = middle - 1
    return low
