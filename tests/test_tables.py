"""Table sections: a two-column table's last column read from pdfplumber's cells, one block per point."""

from __future__ import annotations

import pytest

from extract.records import Passage
from extract.text.passages import Sentence
from extract.text.tables import cell_items, column_sentences, with_table_columns, TableColumn


@pytest.mark.parametrize(
    ("cell", "items"),
    [
        pytest.param("Leaders should work together\nto reduce exclusions.", [("Leaders should work together to reduce exclusions.", False)], id="lines-joined"),
        pytest.param(
            "Leaders should ensure, particularly:\n◼ vulnerable children living at a\ndistance; and\n◼ children receiving short breaks.",
            [
                ("Leaders should ensure, particularly:", False),
                ("vulnerable children living at a distance; and", True),
                ("children receiving short breaks.", True),
            ],
            id="bullets-apart",
        ),
    ],
)
def test_cell_items(cell, items):
    assert cell_items(cell) == items


def test_column_sentences_open_each_cell():
    sentences = column_sentences([(7, "Leaders must act now on waiting lists. They should track the impact.")], "Areas for priority action")
    assert [(s.passage.page, s.opens_block, s.passage.text) for s in sentences] == [
        (7, True, "Leaders must act now on waiting lists."),
        (7, False, "They should track the impact."),
    ]


def test_sections_without_sentences_are_left_as_they_are():
    kept = [Sentence(Passage(1, "Summary", None, 1, "Children are safe and well cared for."), 0, True, False)]
    assert with_table_columns(b"", kept, (TableColumn("Areas for priority action", "Areas for priority action"),)) == kept
