"""Every sentence of a report's own prose, in reading order, as `Passage` records: the heading it sits under
(as printed), the paragraph number the report prints, the page where it starts, and its words verbatim.

The body is read from `extract.text.sections.document_to_lines`, so what that drops never becomes a passage:
running headers and footers, page numbers, footnotes and Ofsted's letterhead and address block. Left out here:

- the cover: what a family's `Prose.cover_end` says comes before the prose (title block, inspection dates,
  the judgement table; a letter's date, addressees and salutation), and where the family names how its prose
  opens (`Prose.opening_start`), the title printed between the two;
- sections under boilerplate headings, the family's own (`Prose.boilerplate`) and these for every family:
  contents, "what the judgements mean" / grade descriptors, "Information about this inspection", the
  inspection team, the local authority's or partnership's details, the glossary;
- the back page and inside cover: from a line of Ofsted's standard text (the complaints line, "The Office for
  Standards in Education ... regulates and inspects", the Open Government Licence, "© Crown copyright", the
  publication's reference number) to the end of its page;
- lines that are not prose: a "sentence" needs `MIN_PASSAGE_WORDS` words and a lower-case letter.

A sentence that runs over a page break is one passage on the page where it starts. A paragraph number
("12.") is kept apart from the text; unnumbered paragraphs after a numbered one (the same paragraph carried
over a page) keep its number until the next number or heading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extract.pdf_text import Document
from extract.records import Passage
from extract.text.grades import ends_in_grade_cell
from extract.text.quotes import join_lines, split_sentences
from extract.text.sections import (
    HEADING_END,
    SENTENCE_END_INSIDE,
    Line,
    document_to_lines,
    heading_pattern,
    looks_like_heading,
    match_heading,
    wraps_onto_next,
)

# "12. Children in care ..." at the start of a line: the paragraph's printed number.
PARAGRAPH_NUMBER = re.compile(r"^(?P<number>\d{1,3})\.(?:\s+(?=\S)|(?=[A-Z]))")
# A line ending a sentence this many characters short of its page's longest line ends its paragraph.
PARAGRAPH_END_SLACK = 20
# A page's measure is read at this percentile of its line lengths, on pages of at least this many lines.
MEASURE_PERCENTILE = 0.9
MEASURE_MIN_LINES = 10
# A sentence has at least this many words; shorter "sentences" are table cells, labels and stray headings.
MIN_PASSAGE_WORDS = 4
LOWER_CASE = re.compile(r"[a-z]")
SENTENCE_FINISH = re.compile(r"[.!?]['’”)\]]*$")
# A footnote: its number (bare, bracketed or in parentheses), a space and a capital, within the last few lines
# of its page.
FOOTNOTE_START = re.compile(r"^(?:\d{1,2}|\[\d{1,2}\]|\(\d{1,2}\))\s+[A-Z]")
# A rule printed above a page's footnotes ("________"): from it to the end of its page is footnotes.
FOOTNOTE_RULE = re.compile(r"^_{5,}")
# A contents entry: a title ending in its page number ("Summary of key findings 3"). Entries come in runs; a
# line of prose may end in a number ("... between 30 September and 11"), never two in a row.
CONTENTS_ENTRY = re.compile(r"[A-Za-z?:)’']\s+(?P<number>\d{1,3})$")
# Words after which a number counts something ("within 72", "out of the 63"): prose, not a page number.
COUNTING_WORDS = frozenset(
    "a an and the of to in at by for from with within than over under about around approximately aged rate only "
    "nearly almost some".split()
)
# A title wrapped in a contents list leaves a short second line ("permanence 15").
CONTENTS_WRAP_WORDS = 4
# The header row of a judgement table ("Key Judgement Judgement Grade"): not a heading of the prose.
TABLE_HEADER = re.compile(r"^(?:Key\s+)?Judge?ments?(?:\s+Judge?ments?)?\s+Grades?$", re.IGNORECASE)
# Entries of a contents list are next to each other, or one line apart where a title wraps.
CONTENTS_ENTRY_GAP = 2
FOOTNOTE_MAX_LINES = 4
# The cover is looked for in the first pages only.
COVER_SEARCH_PAGES = 3
# A letter's title, between the salutation and the opening sentence, wraps onto at most this many lines.
TITLE_MAX_LINES = 6

# Headings of boilerplate sections, every family.
BOILERPLATE_HEADINGS: tuple[str, ...] = (
    "Contents",
    "What the judgements mean",
    "What inspection judgements mean",
    "What the inspection judgements mean",
    "What the inspection judgments mean",
    "The judgements explained",
    "Grade descriptors",
    "Glossary",
    "Information about this inspection",
    "Information about this local authority area",
    "Information about this local authority",
    "Inspection team",
    "The inspection team",
    "Local area partnership details",
    "Local authority details",
    "Annex",
    "Annex A",
)
# A line of Ofsted's standard back-page or inside-cover text: from it to the end of its page is left out.
STANDARD_TEXT = re.compile(
    r"^(?:If you are not happy with the inspection"
    # the line may wrap before "regulates"
    r"|The Office for Standards in Education, Children['’]s Services and Skills \(Ofsted\)(?:\s|$)"
    r"|Any complaints about the inspection"
    r"|Ofsted has statutory responsibilities"
    r"|You may reuse this information"
    r"|If you would like a copy of this document in a different format"
    r"|This publication is available at"
    r"|Interested in our work\?"
    r"|©\s*Crown copyright"
    r"|Reference no:?\s*\d"
    r"|No\.\s*\d{6}$)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Prose:
    """How a family's reports print their prose: data, read by `document_sentences`."""

    headings: tuple[str, ...] = ()  # printed heading variants (literal, as for `heading_pattern`)
    heading_regexes: tuple[str, ...] = ()  # headings that carry a grade ("... protection: good"), as regexes
    boilerplate: tuple[str, ...] = ()  # the family's own boilerplate headings, on top of BOILERPLATE_HEADINGS
    cover_end: str | None = None  # regex: the last matching line of the first page that has one ends the cover
    opening: str = "Summary"  # the section from the end of the cover to the first heading (printed untitled)
    # regex: the line the prose opens with, within TITLE_MAX_LINES after the cover_end line; the title printed
    # between the two (however it wraps) belongs to the cover
    opening_start: str | None = None
    tables: tuple[str, ...] = ()  # headings of sections printed as tables: only a known heading ends them


@dataclass(frozen=True)
class Sentence:
    """A passage and where it sits in the layout: what the quotation selector reads."""

    passage: Passage
    block: int  # index of its paragraph or bullet point in the document
    opens_block: bool  # the first sentence of its paragraph or bullet point
    bullet: bool  # part of a bulleted item


@dataclass
class _Block:
    section: str
    paragraph: int | None
    bullet: bool
    lines: list[Line]


def document_sentences(document: Document, prose: Prose) -> list[Sentence]:
    lines = document_to_lines(document)
    return lines_to_sentences(body_lines(lines, prose), prose)


def document_passages(document: Document, prose: Prose) -> list[Passage]:
    return [sentence.passage for sentence in document_sentences(document, prose)]


def body_lines(lines: Sequence[Line], prose: Prose) -> list[Line]:
    """The lines after the cover, standard back-page text and footnotes left out."""
    start = cover_length(lines, prose)
    contents = contents_lines(lines)
    kept: list[Line] = []
    skipping_page: int | None = None
    for index in range(start, len(lines)):
        line = lines[index]
        if line.page == skipping_page:
            continue
        if STANDARD_TEXT.match(line.text) or FOOTNOTE_RULE.match(line.text) or is_footnote_start(lines, index):
            skipping_page = line.page
            continue
        if index in contents or TABLE_HEADER.match(line.text):
            continue
        kept.append(line)
    return kept


def contents_lines(lines: Sequence[Line]) -> set[int]:
    """Indexes of the lines of contents lists: lines ending in a page number with another such line at most
    `CONTENTS_ENTRY_GAP` lines away on their page, and a title wrapped between two of them ("... looked after
    and achieving" / "permanence 15")."""
    entries = [index for index, line in enumerate(lines) if is_contents_entry(line.text)]
    found: set[int] = set()
    for first, second in zip(entries, entries[1:]):
        if second - first <= CONTENTS_ENTRY_GAP and lines[first].page == lines[second].page:
            found.update(range(first, second + 1))
    return found


def is_contents_entry(text: str) -> bool:
    """A title ending in a page number: one sentence at most, its number not counting something ("... within
    72", "... a rate of 43"), and a capital to start unless it is a title's short second line ("permanence 15")."""
    found = CONTENTS_ENTRY.search(text)
    if found is None or SENTENCE_END_INSIDE.search(text):
        return False
    words = text[: found.end() - len(found.group("number"))].split()
    if words[-1].lower() in COUNTING_WORDS:
        return False
    return text[:1].isupper() or text[:1].isdigit() or len(words) <= CONTENTS_WRAP_WORDS


def is_footnote_start(lines: Sequence[Line], index: int) -> bool:
    """A footnote printed without a blank line above it: near the page's foot, a line opening with the note's
    number and a capital ("1 The areas for improvement have been ..."), after a line that ends a sentence."""
    line = lines[index]
    if index == 0 or not FOOTNOTE_START.match(line.text) or not SENTENCE_FINISH.search(lines[index - 1].text):
        return False
    below = sum(1 for other in lines[index : index + FOOTNOTE_MAX_LINES + 1] if other.page == line.page)
    return below <= FOOTNOTE_MAX_LINES


def cover_length(lines: Sequence[Line], prose: Prose) -> int:
    """How many lines the cover takes: up to the last line matching `cover_end` on the first page that has
    one, before that page's first sentence ends. A table row never ends a sentence, at its end or inside it;
    prose may end a line with a grade word ("Children's services in Sheffield are good. Senior ... receiving
    good")."""
    if prose.cover_end is None:
        return 0
    pattern = re.compile(prose.cover_end, re.IGNORECASE)
    end, page = 0, None
    for index, line in enumerate(lines):
        if line.page > COVER_SEARCH_PAGES or (page is not None and line.page != page):
            break
        if page is not None and ends_a_sentence(line.text):
            break
        if pattern.search(line.text):
            end, page = index + 1, line.page
    return end + title_length(lines[end : end + TITLE_MAX_LINES + 1], prose) if end else end


def ends_a_sentence(text: str) -> bool:
    """The line ends a sentence, at its end or inside it."""
    return SENTENCE_FINISH.search(text) is not None or SENTENCE_END_INSIDE.search(text) is not None


def title_length(following: Sequence[Line], prose: Prose) -> int:
    """How many of the lines after the cover's last line are the title before the prose's opening line; 0 when
    the family names no opening line or none is found that close."""
    if prose.opening_start is None:
        return 0
    start = re.compile(prose.opening_start, re.IGNORECASE)
    return next((index for index, line in enumerate(following) if start.search(line.text)), 0)


def lines_to_sentences(lines: Sequence[Line], prose: Prose) -> list[Sentence]:
    blocks = lines_to_blocks(lines, prose)
    sentences: list[Sentence] = []
    for index, block in enumerate(blocks):
        for offset, text, page in block_sentences(block):
            if not is_prose(text):
                continue
            passage = Passage(len(sentences) + 1, block.section, block.paragraph, page, text)
            sentences.append(Sentence(passage, index, offset == 0, block.bullet))
    return sentences


def is_prose(text: str) -> bool:
    """A sentence of prose: enough words, some in lower case, and not a judgement table's row (a label and its
    grade: "The experiences and progress of children who need help and protection Requires Improvement")."""
    words = len(text.split())
    return words >= MIN_PASSAGE_WORDS and LOWER_CASE.search(text) is not None and not ends_in_grade_cell(text)


def lines_to_blocks(lines: Sequence[Line], prose: Prose) -> list[_Block]:
    """Paragraphs and bullet points, each filed under its section; boilerplate sections dropped."""
    known = _known_heading(prose)
    boilerplate = boilerplate_pattern(BOILERPLATE_HEADINGS + prose.boilerplate)
    widths = _page_widths(lines)
    blocks: list[_Block] = []
    tables = heading_pattern(prose.tables) if prose.tables else None
    section, paragraph, skipping, in_table = prose.opening, None, False, False
    # The line the family says its prose opens with starts the opening sentence, however short its lines: no
    # heading but a known one until a line finishes a sentence. Where the prose opens right after the cover
    # (a judgement table), the summary's first line is that line.
    in_opening = bool(lines) and (
        bool(prose.opening_start and re.search(prose.opening_start, lines[0].text, re.IGNORECASE))
        or (prose.opening_start is None and prose.cover_end is not None)
    )
    index = 0
    while index < len(lines):
        line = lines[index]
        size = _heading_size(lines, index, known)
        if not size and not in_table and not in_opening and looks_like_heading(lines, index, widths[line.page]):
            size = 2 if wraps_onto_next(lines, index) else 1
        if size:
            section = " ".join(item.text for item in lines[index : index + size])
            skipping = bool(boilerplate.match(section))
            in_table = bool(tables and tables.match(section))
            paragraph = None
            blocks.append(_Block(section, None, False, []))  # a heading closes the block before it
            index += size
            continue
        index += 1
        in_opening = in_opening and SENTENCE_FINISH.search(line.text) is None
        if skipping:
            continue
        numbered = PARAGRAPH_NUMBER.match(line.text) if not line.bullet else None
        if numbered:
            paragraph = int(numbered.group("number"))
            line = Line(line.text[numbered.end() :], line.page)
        previous = blocks[-1].lines[-1] if blocks and blocks[-1].lines else None
        # Numbered paragraphs run to the next number: a short last line inside one is not its end.
        ended = previous is not None and paragraph is None and _ends_paragraph(previous, widths)
        if previous is None or line.bullet or numbered or ended:
            blocks.append(_Block(section, paragraph, line.bullet, [line]))
        else:
            blocks[-1].lines.append(line)
    return [block for block in blocks if block.lines]


def boilerplate_pattern(variants: Sequence[str]) -> re.Pattern:
    """Boilerplate headings match at the heading's start, whatever it adds ("What the inspection judgements
    mean: the local authority", "Annex A: ...")."""
    words = heading_pattern(variants).pattern.removesuffix(HEADING_END)
    return re.compile(rf"{words}(?![\w'’])", re.IGNORECASE)


def _known_heading(prose: Prose) -> re.Pattern | None:
    """One pattern for a family's headings, anchored at both ends so that it matches a whole line."""
    alternatives = [heading_pattern(prose.headings).pattern] if prose.headings else []
    alternatives += [f"(?:{regex})" for regex in prose.heading_regexes]
    return re.compile(rf"(?:{'|'.join(alternatives)})\Z", re.IGNORECASE) if alternatives else None


def _heading_size(lines: Sequence[Line], index: int, known: re.Pattern | None) -> int:
    if known is None or lines[index].bullet:
        return 0
    return match_heading(lines, index, known)


def _page_widths(lines: Sequence[Line]) -> dict[int, int]:
    """Each page's measure: the length of its longest lines, read at a high percentile so that one line the text
    layer ran together from two (158 characters on an 85-character page) does not stretch it."""
    lengths: dict[int, list[int]] = {}
    for line in lines:
        lengths.setdefault(line.page, []).append(len(line.text))
    return {page: _measure(sorted(found)) for page, found in lengths.items()}


def _measure(lengths: list[int]) -> int:
    if len(lengths) < MEASURE_MIN_LINES:
        return lengths[-1]
    return lengths[int(len(lengths) * MEASURE_PERCENTILE)]



def _ends_paragraph(line: Line, widths: dict[int, int]) -> bool:
    return SENTENCE_FINISH.search(line.text) is not None and len(line.text) < widths[line.page] - PARAGRAPH_END_SLACK


def block_sentences(block: _Block) -> list[tuple[int, str, int]]:
    """(offset, sentence, page where it starts) for each sentence of a paragraph or bullet point."""
    text = join_lines(line.text for line in block.lines)
    starts: list[tuple[int, int]] = []  # (offset in text where a line starts, its page)
    position = 0
    for line in block.lines:
        found = text.find(line.text, position)
        starts.append((found, line.page))
        position = found + len(line.text)
    found = []
    for offset, sentence in split_sentences(text):
        page = next(page for start, page in reversed(starts) if start <= offset)
        found.append((offset, sentence, page))
    return found
