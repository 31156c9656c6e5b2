"""Sections printed as ruled two-column tables (area SEND's "Responsible body | Areas for priority action"): the
text layer runs the columns into each other, so their sentences are read from pdfplumber's table cells instead,
on the pages where the section sits and nowhere else (pdfplumber is about fifty times slower than pypdfium2).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import pdfplumber

from extract.records import Passage
from extract.text.passages import Sentence, is_prose
from extract.text.quotes import join_lines, split_sentences
from extract.text.sections import BULLET

# Block numbers for sentences read from tables, clear of the ones the text layer's blocks use.
TABLE_BLOCKS_START = 1_000_000


@dataclass(frozen=True)
class TableColumn:
    section: str  # the section printed as a table, as its heading reads
    header: str  # the header of the table's last column, whose cells are the section's prose


def with_table_columns(data: bytes, sentences: list[Sentence], columns: Sequence[TableColumn]) -> list[Sentence]:
    """The sentences with each table section's replaced by those of its column's cells, in place."""
    for column in columns:
        indexes = [index for index, sentence in enumerate(sentences) if sentence.passage.section == column.section]
        if not indexes:
            continue
        pages = sorted({sentences[index].passage.page for index in indexes})
        read = column_sentences(column_cells(data, pages, column.header), column.section)
        if read:
            replaced = set(indexes)
            after = [sentence for index, sentence in enumerate(sentences) if index > indexes[0] and index not in replaced]
            sentences = sentences[: indexes[0]] + read + after
    return sentences


def column_cells(data: bytes, pages: Sequence[int], header: str) -> list[tuple[int, str]]:
    """(page, cell text) for the last column's cells below the row that prints `header`, in the tables of those
    pages; rows of one cell (a table of a different shape run on below) are passed over."""
    cells: list[tuple[int, str]] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number in pages:
            for table in pdf.pages[number - 1].extract_tables():
                below_header = False
                for row in table:
                    texts = [" ".join((cell or "").split()) for cell in row]
                    if header in texts:
                        below_header = True
                        continue
                    # Merged cells shift a row's text left of its header: the column is the row's last cell.
                    filled = [cell for cell in row if cell and cell.strip()]
                    if below_header and len(filled) > 1:
                        cells.append((number, filled[-1]))
    return cells


def column_sentences(cells: Sequence[tuple[int, str]], section: str) -> list[Sentence]:
    """Each cell's sentences; a bulleted point inside a cell is a block of its own."""
    sentences: list[Sentence] = []
    block = TABLE_BLOCKS_START
    for page, cell in cells:
        for item, bullet in cell_items(cell):
            block += 1
            for offset, text in split_sentences(item):
                if is_prose(text):
                    passage = Passage(0, section, None, page, text)
                    sentences.append(Sentence(passage, block, offset == 0, bullet))
    return sentences


def cell_items(cell: str) -> list[tuple[str, bool]]:
    """The cell's text and its bulleted points, each with its lines joined: (text, is a bullet)."""
    items: list[tuple[list[str], bool]] = []
    for line in cell.splitlines():
        glyph = BULLET.match(line)
        text = " ".join((line[glyph.end() :] if glyph else line).split())
        if glyph or not items:
            items.append(([text], glyph is not None))
        else:
            items[-1][0].append(text)
    return [(join_lines(lines), bullet) for lines, bullet in items if any(lines)]
