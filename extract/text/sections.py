"""A report's body as lines with their page numbers, and the sections under its headings.

`document_to_lines` drops what is printed around the prose rather than in it: running headers and footers
(lines repeated at the top or bottom of many pages, page numbers and all), lone page numbers, footnotes,
Ofsted's letterhead, and the glyphs fonts use for bullets. `section` finds a heading from a family's table of
variants and gathers the lines under it until the next heading, leaving out boxed asides.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from extract.pdf_text import Document


@dataclass(frozen=True)
class Line:
    text: str  # as printed, surrounding spaces and any bullet glyph removed
    page: int  # 1-based
    bullet: bool = False  # the line starts a bulleted item


@dataclass(frozen=True)
class Section:
    heading: str  # as printed, whitespace collapsed
    page: int  # page of the heading
    lines: tuple[Line, ...]  # body lines under the heading, up to the next heading
    end: int  # index, in the document's lines, just after the section's last line


# Bullet glyphs: Symbol/Wingdings bullets come through in the Unicode private use area (U+F0B7, U+F0A7 ...)
# or, in older reports, as C1 control characters (U+0083).
BULLET_GLYPHS = "•◼▪■●◦○▫□➢➤►▶✓✔"
PRIVATE_USE = r"\ue000-\uf8ff"
C1_CONTROLS = r"\u0080-\u009f"
BULLET = re.compile(rf"^\s*[{PRIVATE_USE}{C1_CONTROLS}{BULLET_GLYPHS}]\s*")
# A list item introduced by a hyphen, dash, minus or asterisk needs a space after it, so "co-production" is
# never a bullet.
DASH_BULLET = re.compile(r"^\s*[-*\u2013\u2212]\s+(?=\S)")

PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?\s*$", re.IGNORECASE)
# Running headers often end with the page number ("Area SEND inspection report: Oldham ..., 26 to 30 June 2023 2").
TRAILING_PAGE_NUMBER = re.compile(r"(?:\s+(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?)\s*$", re.IGNORECASE)
# Lines this close to the top or bottom of a page are where running headers and footers live.
RUNNING_ZONE_LINES = 3
# A line is a running header or footer when it recurs in that zone on at least this share of the pages after
# the first (page 1 often has its own title block), and on at least two pages.
RUNNING_SHARE_OF_PAGES = 0.5
MIN_RUNNING_PAGES = 2

# Footnotes: after a blank line near the page's foot, a line starting with the note's number
# ("1 This joint inspection was conducted under section 20 of the Children Act 2004.").
FOOTNOTE_START = re.compile(r"^\d{1,2}\s+\S")
FOOTNOTE_MAX_LINES = 6

# Ofsted's letterhead and contact block, printed on letters' first pages and the back page of reports.
LETTERHEAD: tuple[str, ...] = (
    r"Ofsted",
    r"Piccadilly Gate",
    r"Store Street",
    r"Manchester(?:\s+M1\s+2WD)?",
    r"M1\s+2WD",
    r"Aviation House",
    r"125 Kingsway",
    r"London\s+WC2B\s+6SE",
    r"(?:T|Tel|Textphone)\s*:?\s*0[\d ]{9,13}",
    r"(?:E\s*:\s*)?[\w.]+@ofsted\.gov\.uk",
    r"(?:W\s*:\s*)?(?:https?://)?www\.gov\.uk/ofsted",
)
LETTERHEAD_LINE = re.compile(rf"^(?:{'|'.join(LETTERHEAD)})$", re.IGNORECASE)

# A heading is short, does not end a sentence, and is followed by a new sentence or a list.
HEADING_MAX_WORDS = 14
HEADING_ENDINGS = re.compile(r"[.,;]$")
# A line ending in one of these words runs on into the next line: it is prose, not a heading.
RUN_ON_WORDS = frozenset("a an and as at by for from in into of on or that the to with which who".split())
SENTENCE_END = re.compile(r"[.?!:;]['’”)]?$")
# A sentence ending inside a line ("October 2024. As a result of ..."): never in a heading.
SENTENCE_END_INSIDE = re.compile(r"(?:[a-z)]|\b\d{4})[.!?]['’”)\]]*\s+['‘“(]?[A-Z]")
# A line this many characters short of its page's longest line, or longer, fills the measure: wrapped lines
# of a paragraph fall short of the full width by less than one long word.
MEASURE_SLACK = 20


def document_to_lines(document: Document) -> list[Line]:
    """Every body line of the document in reading order, with its page; printed furniture dropped."""
    pages = [without_footnotes(page.splitlines()) for page in document.pages]
    running = running_lines(pages)
    lines = []
    for number, page_lines in enumerate(pages, start=1):
        for raw in page_lines:
            if is_furniture(raw, running):
                continue
            line = raw_to_line(raw, number)
            if line.text:
                lines.append(line)
    return lines


def without_footnotes(page_lines: list[str]) -> list[str]:
    """The page's lines up to its footnotes, if it has any."""
    first_candidate = max(0, len(page_lines) - FOOTNOTE_MAX_LINES - 1)
    for index in range(first_candidate, len(page_lines) - 1):
        if not page_lines[index].strip() and FOOTNOTE_START.match(page_lines[index + 1]):
            return page_lines[:index]
    return page_lines


def raw_to_line(raw: str, page: int) -> Line:
    bullet = BULLET.match(raw) or DASH_BULLET.match(raw)
    text = raw[bullet.end() :] if bullet else raw
    return Line(" ".join(text.split()), page, bullet is not None)


def running_key(raw: str) -> str:
    """A line as compared across pages: page number dropped, case and spacing ignored."""
    return " ".join(TRAILING_PAGE_NUMBER.sub("", raw).split()).lower()


def running_lines(pages: Sequence[Sequence[str]]) -> frozenset[str]:
    """Keys of lines repeated at the top or bottom of many pages: running headers and footers."""
    counts: Counter[str] = Counter()
    for page_lines in pages:
        printed = [line for line in page_lines if line.strip() and not PAGE_NUMBER.match(line)]
        zone = printed[:RUNNING_ZONE_LINES] + printed[-RUNNING_ZONE_LINES:]
        counts.update({running_key(line) for line in zone} - {""})
    threshold = max(MIN_RUNNING_PAGES, math.ceil((len(pages) - 1) * RUNNING_SHARE_OF_PAGES))
    return frozenset(key for key, count in counts.items() if count >= threshold)


def is_furniture(raw: str, running: frozenset[str]) -> bool:
    stripped = " ".join(raw.split())
    return (
        not stripped
        or PAGE_NUMBER.match(stripped) is not None
        or LETTERHEAD_LINE.match(stripped) is not None
        or running_key(raw) in running
    )


# A heading printed with either apostrophe matches a variant written with the other.
APOSTROPHE = re.compile(r"['’]")
APOSTROPHES = "['’]"


# A heading may end in '?', ':' or '.', and a footnote's mark after it ("What needs to improve?1").
HEADING_END = r"\s*(?:[?:.]\d?)?$"


def heading_pattern(variants: Iterable[str]) -> re.Pattern:
    """Literal heading variants -> one pattern matching a whole heading line (apostrophes, spacing and a
    trailing '?' or ':', with a footnote's mark, tolerated)."""
    alternatives = []
    for variant in variants:
        words = [APOSTROPHE.sub(APOSTROPHES, re.escape(word)) for word in variant.rstrip("?:").split()]
        alternatives.append(r"\s+".join(words))
    return re.compile(rf"^(?:{'|'.join(alternatives)}){HEADING_END}", re.IGNORECASE)


def match_heading(lines: Sequence[Line], index: int, pattern: re.Pattern) -> int:
    """How many lines from `index` make a heading matching `pattern` (a heading may wrap onto a second line);
    0 when none does."""
    if pattern.match(lines[index].text):
        return 1
    if index + 1 < len(lines) and not lines[index + 1].bullet:
        if pattern.match(f"{lines[index].text} {lines[index + 1].text}"):
            return 2
    return 0


def looks_like_heading(lines: Sequence[Line], index: int, width: int | None = None) -> bool:
    """A line that reads as an unknown heading: short, after the end of a sentence or another heading, not
    ending in a sentence, and followed by a capitalised sentence, a list, or the heading's own second line.

    With the page's `width` (its longest line, in characters): a line filling the measure followed by another
    that fills it is prose ("Since the last inspection in 2018, much progress has been made by Birmingham City" /
    "Council and Birmingham Children's Trust in improving the experiences and outcomes")."""
    if not _short_title(lines[index]) or SENTENCE_END_INSIDE.search(lines[index].text):
        return False
    following = lines[index + 1] if index + 1 < len(lines) else None
    if width is not None and following is not None and not following.bullet and fills_measure(lines[index], width):
        if fills_measure(following, width):
            return False
    previous = lines[index - 1] if index > 0 else None
    if previous is not None and not SENTENCE_END.search(previous.text) and not _short_title(previous):
        return False
    if following is None or following.bullet or following.text[:1].isupper():
        return True
    # A heading wrapped onto a second line: the two together are still heading-sized.
    return wraps_onto_next(lines, index)


def wraps_onto_next(lines: Sequence[Line], index: int) -> bool:
    """The heading at `index` carries on in lower case on the next line ("The experiences and progress of
    children in care and care" / "leavers is: good"), and the two together are still heading-sized."""
    following = lines[index + 1] if index + 1 < len(lines) else None
    if following is None or following.bullet or not following.text[:1].islower() or following.page != lines[index].page:
        return False
    wrapped = Line(f"{lines[index].text} {following.text}", lines[index].page)
    return _short_title(wrapped) and not SENTENCE_END_INSIDE.search(wrapped.text)


def fills_measure(line: Line, width: int) -> bool:
    """The line runs to within a long word of the page's longest line: wrapped prose, not a short title."""
    return len(line.text) >= width - MEASURE_SLACK


def _short_title(line: Line) -> bool:
    words = line.text.split()
    return (
        not line.bullet
        and 0 < len(words) <= HEADING_MAX_WORDS
        and words[0][:1].isupper()
        and not HEADING_ENDINGS.search(line.text)
        and words[-1].lower() not in RUN_ON_WORDS
    )


def find_heading(lines: Sequence[Line], variants: Iterable[str], start: int = 0) -> tuple[int, int] | None:
    """(index, line count) of the first heading matching one of `variants` at or after `start`."""
    pattern = heading_pattern(variants)
    for index in range(start, len(lines)):
        size = match_heading(lines, index, pattern)
        if size:
            return index, size
    return None


def section(
    lines: Sequence[Line],
    variants: Iterable[str],
    known_headings: Iterable[str] = (),
    start: int = 0,
    asides: Iterable[str] = (),
) -> Section | None:
    """The section under the first heading matching `variants`: its lines up to the next heading, which is
    either one of the family's `known_headings` or a line that looks like a heading. Boxes whose headings are
    listed in `asides` are left out and the section carries on after them."""
    found = find_heading(lines, variants, start)
    if found is None:
        return None
    index, size = found
    heading = " ".join(line.text for line in lines[index : index + size])
    return section_from(lines, index + size, heading, lines[index].page, known_headings, asides)


def section_from(
    lines: Sequence[Line],
    first: int,
    heading: str,
    page: int,
    known_headings: Iterable[str] = (),
    asides: Iterable[str] = (),
) -> Section:
    """The lines from index `first` up to the next heading, filed under `heading` (also for text that sits
    under a title rather than a heading, such as a letter's opening findings).

    An aside (a boxed case study) runs from its heading to the end of its page or the next known heading,
    whichever comes first: its text is printed inside the section but is not part of it.
    """
    known_headings = tuple(known_headings)
    stop = heading_pattern(known_headings) if known_headings else None
    aside = heading_pattern(asides) if asides else None
    kept: list[Line] = []
    end = first
    while end < len(lines):
        if aside is not None and match_heading(lines, end, aside):
            end = _end_of_aside(lines, end, stop)
            continue
        if (stop is not None and match_heading(lines, end, stop)) or looks_like_heading(lines, end):
            break
        kept.append(lines[end])
        end += 1
    return Section(heading, page, tuple(kept), end)


def _end_of_aside(lines: Sequence[Line], start: int, stop: re.Pattern | None) -> int:
    end = start + 1
    while end < len(lines) and lines[end].page == lines[start].page:
        if stop is not None and match_heading(lines, end, stop):
            break
        end += 1
    return end


def sections(
    lines: Sequence[Line], variants: Iterable[str], known_headings: Iterable[str] = (), asides: Iterable[str] = ()
) -> list[Section]:
    """Every section under a heading matching `variants` (JTAI letters repeat "Areas for improvement" per theme)."""
    variants = tuple(variants)
    found = []
    current = section(lines, variants, known_headings, 0, asides)
    while current is not None:
        found.append(current)
        current = section(lines, variants, known_headings, current.end, asides)
    return found
