"""What `ofsted search` reads from its words (warehouse/search_query.py): the tree, its errors, its patterns."""

from __future__ import annotations

import duckdb
import pytest

from warehouse.describe import schema_connection
from warehouse.search import snippet
from warehouse.search_index import analyze
from warehouse.search_query import (
    All, Any, Not, Phrase, QuerySyntaxError, Word, describe, highlighter, parse, phrase_pattern, phrases,
)


def words(*texts: str) -> Phrase:
    return Phrase(tuple(Word(text.rstrip("*"), text.endswith("*")) for text in texts))


@pytest.mark.parametrize(
    ("query", "tree"),
    [
        pytest.param("neglect", words("neglect"), id="word"),
        pytest.param("Drift  and DELAY", words("drift", "and", "delay"), id="words-are-a-phrase"),
        pytest.param('"drift AND delay"', words("drift", "and", "delay"), id="operators-in-quotes-are-words"),
        pytest.param("safeguard*", words("safeguard*"), id="prefix"),
        pytest.param("children's serv*", words("children", "s", "serv*"), id="apostrophe-and-prefix"),
        pytest.param("children’s homes", words("children", "s", "homes"), id="curly-apostrophe"),
        pytest.param("16- and 17-year-olds", words("16", "and", "17", "year", "olds"), id="hyphens"),
        pytest.param("“well-being”", words("well", "being"), id="curly-quotes"),
        pytest.param("safe*guard", words("safe", "guard"), id="star-inside-a-word-separates"),
        pytest.param('neglect AND "domestic abuse"', All((words("neglect"), words("domestic", "abuse"))),
                     id="and"),
        pytest.param('"domestic abuse" neglect', All((words("domestic", "abuse"), words("neglect"))),
                     id="side-by-side-is-and"),
        pytest.param("neglect OR drift AND delay", Any((words("neglect"), All((words("drift"), words("delay"))))),
                     id="and-binds-tighter-than-or"),
        pytest.param("(neglect OR drift) AND delay", All((Any((words("neglect"), words("drift"))), words("delay"))),
                     id="parentheses"),
        pytest.param("neglect NOT domestic", All((words("neglect"), Not(words("domestic")))), id="not"),
        pytest.param("neglect AND NOT (domestic OR abuse)",
                     All((words("neglect"), Not(Any((words("domestic"), words("abuse")))))), id="not-a-group"),
    ],
)
def test_queries_are_read_as_a_tree(query, tree):
    assert parse(query, analyze) == tree


@pytest.mark.parametrize(
    ("query", "message"),
    [
        pytest.param("  ", "no words to search for", id="empty"),
        pytest.param('"drift and delay', "the quote before 'drift and delay' is not closed", id="open-quote"),
        pytest.param("(neglect OR drift", "a ( is not closed", id="open-parenthesis"),
        pytest.param("neglect)", "')' closes nothing", id="stray-parenthesis"),
        pytest.param("neglect AND", "AND must be followed by words to search for", id="dangling-and"),
        pytest.param("OR neglect", "the start must be followed by words", id="leading-or"),
        pytest.param("NOT neglect", "NOT needs words to find beside it", id="only-not"),
        pytest.param("neglect OR NOT drift", "NOT needs words to find beside it", id="not-in-or"),
        pytest.param("– ’", "'– ’' has no letters or digits to search for", id="no-letters"),
    ],
)
def test_a_query_that_cannot_be_read_says_why(query, message):
    with pytest.raises(QuerySyntaxError) as error:
        parse(query, analyze)
    assert message in str(error.value)


@pytest.fixture(scope="module")
def macros() -> duckdb.DuckDBPyConnection:
    with schema_connection() as con:
        yield con


@pytest.mark.parametrize(
    "typed",
    ["drift and delay", "Children's serv*", "children’s  homes", "16- and 17-year-olds", "safe*guard", "safe* guard",
     "a** b*", "Café*", "x² and ½", "“well-being”—mostly"],
)
def test_the_sql_macro_builds_the_pattern_the_engine_query_does(macros, typed):
    """search_passages (SQL) and ofsted search split words the same way: the tokenizer's split, in RE2."""
    [phrase] = phrases(parse(f'"{typed}"', analyze))
    assert macros.execute("SELECT search_pattern(?)", [typed]).fetchone()[0] == phrase_pattern(phrase)


def test_the_sql_pattern_is_null_for_words_without_letters(macros):
    assert macros.execute("SELECT search_pattern('– ’ *')").fetchone()[0] is None


def test_snippets_mark_each_phrase_found_and_nothing_under_not():
    mark = highlighter(parse('(drift AND delay*) NOT "plans"', analyze))
    assert snippet("Drift, and delays in plans; drift.", mark) == "**Drift**, and **delays** in plans; **drift**."
    assert snippet("Some drift and delay.", highlighter(parse("drift and delay", analyze))) == (
        "Some **drift and delay**.")
    assert snippet("No match here.", mark) == "No match here."


def test_a_long_sentence_is_cut_around_its_first_match():
    text = " ".join(["word"] * 100) + " neglect " + " ".join(["after"] * 100)
    cut = snippet(text, highlighter(parse("neglect", analyze)))
    assert cut.startswith("…word") and cut.endswith("after…") and "**neglect**" in cut
    assert len(cut) < len(text) / 2


def test_describe_says_how_the_engine_read_the_query():
    assert describe(parse("children's serv* OR neglect NOT abuse", analyze)) == (
        '("children s serv*" OR ("neglect" AND NOT "abuse"))')
