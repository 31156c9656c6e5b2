"""A list's stem joined to its items, as printed: one quotation, never a stem or an item cut off."""

from __future__ import annotations

from extract.records import Passage
from extract.text.lists import MAX_UNIT_CHARS, sentence_units
from extract.text.passages import Sentence


def sentence(text, block, opens=True, bullet=False, paragraph=None, section="What needs to improve"):
    return Sentence(Passage(1, section, paragraph, 2, text), block, opens, bullet)


STEM = sentence("Improve the quality of services to care leavers by ensuring that:", 0)
ITEMS = [
    sentence("pathway plans are written with young people", 1, bullet=True),
    sentence("young people know their entitlements", 2, bullet=True),
]


def test_a_stem_takes_its_bulleted_items_with_it():
    (unit,) = sentence_units([STEM, *ITEMS])
    assert unit.text == (
        "Improve the quality of services to care leavers by ensuring that: pathway plans are written with young "
        "people young people know their entitlements"
    )


def test_numbered_items_keep_their_printed_numbers():
    stem = sentence("This local authority requires improvement and is not yet good because", 0, section="Summary")
    items = [
        sentence("Too many children wait too long for an assessment.", 1, paragraph=1, section="Summary"),
        sentence("Managers do not check the work of social workers.", 2, paragraph=2, section="Summary"),
    ]
    (unit,) = sentence_units([stem, *items])
    assert unit.text == (
        "This local authority requires improvement and is not yet good because 1. Too many children wait too long "
        "for an assessment. 2. Managers do not check the work of social workers."
    )


def test_a_long_list_is_cut_after_the_last_whole_item_that_fits():
    items = [sentence(f"point {n} " + "about the quality of plans " * 8, n + 1, bullet=True) for n in range(6)]
    units = sentence_units([STEM, *items])
    assert len(units[0].text) <= MAX_UNIT_CHARS
    assert units[0].text.startswith(STEM.passage.text) and len(units[0].sentences) < 7
    assert [u.text for u in units[1:]] == [s.passage.text for s in items[len(units[0].sentences) - 1 :]]


def test_a_sentence_ending_in_a_colon_without_items_stays_alone():
    following = sentence("Social workers visit children often.", 1, section="Help and protection")
    assert [u.text for u in sentence_units([STEM, following])] == [STEM.passage.text, following.passage.text]


def test_a_list_that_is_not_printed_as_joined_is_not_joined():
    units = sentence_units([STEM, *ITEMS], is_verbatim=lambda page, text: False)
    assert [u.text for u in units] == [STEM.passage.text, *(s.passage.text for s in ITEMS)]
