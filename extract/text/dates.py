"""Printed inspection dates -> (start, end).

Ofsted prints the same fact in many shapes: "11 – 22 July 2022", "19 November–30 November 2018",
"30 June 2025 to 4 July 2025", "15th – 16th October 2001", "12/09/2016 to 06/10/2016", split fieldwork
("8 to 12 May and 22 to 26 May 2023"), a day broken by a stray space ("1 9 June 2019"), and letters whose
opening sentence carries the dates ("Between 16 May and 20 May, Ofsted ..." with no year at all).

One idea reads them all: a date phrase is a run of date atoms (a day, with or without its month and year)
joined by separators ("to", "and", dashes, commas). Atoms missing a month or year take them from the next atom
that prints them; the first atom is the start and the last the end, so split fieldwork spans both parts.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# Longest first so "March" is not read as "Mar" followed by junk.
MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY_PATTERN = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"

# Two-digit years ("18 Feb 14", "1/06/15"): reports are from this century unless the number is implausibly
# far in the future.
TWO_DIGIT_YEAR_PIVOT = 70

# Spaces and dashes as printed: no-break and thin spaces, en/em dashes, minus, non-breaking hyphen, and the
# box-drawing line some templates print as a dash ("20 June 2017 ─ 13 July 2017").
SPACE_VARIANTS = "\u00a0\u2007\u2009\u202f\u200a"
DASH_VARIANTS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2500\u2501"

_ORDINAL = r"(?:\s?(?:st|nd|rd|th)\b)?"
# A day, or a two-digit day broken by a stray space ("1 9 June", "1 9 – 21 June"): only when a month or a
# range separator follows, so "1 and 9" or a list of single days is never glued together.
_DAY = (
    rf"(?:(?P<split_tens>[0-3])\s(?P<split_units>\d)(?=\s+(?:{MONTH_PATTERN})\b|\s*(?:-|to\b))"
    r"|(?P<day>\d{1,2}))"
)
_WORDY_ATOM = (
    rf"(?:{WEEKDAY_PATTERN},?\s+)?{_DAY}{_ORDINAL}"
    rf"(?:\s+(?P<month>{MONTH_PATTERN})\b\.?(?:,?\s+(?P<year>\d{{4}}|['’]?\d{{2}})\b)?)?"
)
_NUMERIC_ATOM = r"(?P<num_day>\d{1,2})/(?P<num_month>\d{1,2})/(?P<num_year>\d{4}|\d{2})\b"
ATOM = re.compile(rf"(?<![\d/])(?:{_NUMERIC_ATOM}|{_WORDY_ATOM})", re.IGNORECASE)

# Atoms without named groups, to embed in larger patterns (a phrase regex with repeated group names is invalid).
_PLAIN_ATOM = re.sub(r"\(\?P<\w+>", "(?:", ATOM.pattern)
SEPARATOR = r"\s*(?:-|,|&|\bto\b|\band\b|\buntil\b|\btill\b|\bthrough\b)\s*(?:\bthe\b\s*)?"
# A date phrase: atoms joined by separators, e.g. "8 to 12 May and 22 to 26 May 2023".
DATE_PHRASE = rf"(?<![\d/])(?:{_PLAIN_ATOM})(?:(?:{SEPARATOR})+(?:{_PLAIN_ATOM}))*"


class DateRange(NamedTuple):
    start: date
    end: date


class _Atom(NamedTuple):
    day: int
    month: int | None
    year: int | None


def normalise_date_text(text: str) -> str:
    """Unify the spaces and dashes pdfium passes through, so one pattern reads every variant."""
    for space in SPACE_VARIANTS:
        text = text.replace(space, " ")
    for dash in DASH_VARIANTS:
        text = text.replace(dash, "-")
    return text


def parse_date_range(phrase: str, reference: date | None = None) -> DateRange:
    """'11 – 22 July 2022' -> DateRange(2022-07-11, 2022-07-22).

    `reference` is the date the text was written (a letter's own date): a phrase that prints no year at all
    takes the latest year that does not put its end after the reference. Raise ValueError, quoting the phrase,
    when it holds no complete date or names an impossible one.
    """
    atoms = [_atom(match) for match in ATOM.finditer(normalise_date_text(phrase))]
    if not atoms:
        raise ValueError(f"no date in {phrase!r}")
    dates = _complete(atoms, phrase, reference)
    start, end = dates[0], dates[-1]
    if start > end:
        raise ValueError(f"the dates in {phrase!r} run backwards ({start} after {end})")
    return DateRange(start, end)


def parse_date(phrase: str, reference: date | None = None) -> date:
    """A single printed date ('29 June 2016', '25/11/2016') -> date."""
    return parse_date_range(phrase, reference).start


def _atom(match: re.Match) -> _Atom:
    if match.group("num_day"):
        return _Atom(int(match.group("num_day")), int(match.group("num_month")), _year(match.group("num_year")))
    if match.group("split_tens"):
        day = int(match.group("split_tens") + match.group("split_units"))
    else:
        day = int(match.group("day"))
    month = MONTHS[match.group("month").lower()] if match.group("month") else None
    year = _year(match.group("year")) if match.group("year") else None
    return _Atom(day, month, year)


def _year(printed: str) -> int:
    digits = printed.lstrip("'’")
    if len(digits) == 4:
        return int(digits)
    two = int(digits)
    return (1900 if two >= TWO_DIGIT_YEAR_PIVOT else 2000) + two


def _complete(atoms: list[_Atom], phrase: str, reference: date | None) -> list[date]:
    """Give every atom its month and year from the next atom that prints them, walking backwards; an atom
    filled in that way which would fall after its successor belongs to the year before (December to January)."""
    last = atoms[-1]
    if last.month is None:
        raise ValueError(f"no month in {phrase!r}")
    year = last.year if last.year is not None else _year_from_reference(last, reference, phrase)
    completed = [_make_date(year, last.month, last.day, phrase)]
    month = last.month
    for atom in reversed(atoms[:-1]):
        following = completed[0]
        month = atom.month if atom.month is not None else month
        current = _make_date(atom.year if atom.year is not None else following.year, month, atom.day, phrase)
        if atom.year is None and current > following:
            current = _make_date(current.year - 1, month, atom.day, phrase)
        completed.insert(0, current)
    return completed


def _year_from_reference(atom: _Atom, reference: date | None, phrase: str) -> int:
    if reference is None:
        raise ValueError(f"no year in {phrase!r} and no reference date to take it from")
    in_reference_year = _make_date(reference.year, atom.month, atom.day, phrase)
    return reference.year - 1 if in_reference_year > reference else reference.year


def _make_date(year: int, month: int, day: int, phrase: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"impossible date {day}/{month}/{year} in {phrase!r} ({exc})") from None


# Where an inspection's dates are printed, most explicit first. Each cue ends where the date phrase starts.
INSPECTION_DATE_CUES: tuple[str, ...] = (
    # "Inspection dates: 3 to 14 October 2022", "Inspection date: 20 January 2015 – 11 February 2015",
    # "Inspection dates 9–10 March 2011"; never "Dates of previous inspection".
    r"(?<!previous\s)\bInspection\s+dates?\s*:?\s*",
    r"\bDates?\s+of\s+(?:the\s+)?inspection\s*:?\s*",
    # JTAI 2022 on: "This inspection took place from 23 to 27 May 2022."
    r"\binspection\s+took\s+place\s+(?:from|between|on)\s+",
    # JTAI 2016-2020: "Between 25 and 29 September 2017, Ofsted, the Care Quality Commission ..."
    r"(?:^|\.\s+|\n)\s*Between\s+(?=[^.]{0,60}Ofsted)",
    # Focused visits: "This letter summarises the findings of the focused visit to Devon children’s services
    # on 1 and 2 May 2019", "... between 13 October and 15 October 2020".
    r"\bfindings\s+of\s+(?:a|the)\s+[^.]{0,160}?\b(?:visit|inspection)\b[^.]{0,200}?\b(?:on|between|from)\s+",
    # School monitoring letters: "Following my visit to your school on 23 and 24 November 2011, I write ..."
    r"\bFollowing\s+(?:my|our|the)\s+visit\s+to\s+[^.]{0,120}?\bon\s+",
    r"\bInspectors\s+carried\s+out\s+the\s+first\s+part\s+of\s+this\s+inspection\s+between\s+",
    # Letters whose visit dates are a sentence of their own: "Her Majesty’s Inspectors visited Sefton children’s
    # services on 4 and 5 July 2018", "The visit took place between 4 July and 5 July 2018", "Inspectors carried
    # out a focused visit to Sefton on 4 and 5 July 2018".
    r"\b(?:visited|visit\s+took\s+place|carried\s+out\s+(?:a|the)\s+[^.]{0,40}?\bvisit)\b[^.]{0,200}?"
    r"\b(?:on|between|from)\s+",
)
_CUES = tuple(
    re.compile(f"{cue}(?P<phrase>{DATE_PHRASE})", re.IGNORECASE | re.MULTILINE) for cue in INSPECTION_DATE_CUES
)


def find_inspection_dates(text: str, reference: date | None = None) -> DateRange | None:
    """The inspection's dates: from date labels printed in a column above their dates where a report prints
    them so (`stacked_inspection_dates`: a cue would take the date after the last label for its own), else from
    the first cue that carries a date phrase; None when neither gives one.

    Raise ValueError (quoting the phrase) when a cue's phrase names an impossible or incomplete date.
    """
    text = normalise_date_text(text)
    stacked = stacked_inspection_dates(text, reference)
    if stacked is not None:
        return stacked
    for cue in _CUES:
        match = cue.search(text)
        if match:
            return parse_date_range(match.group("phrase"), reference)
    return None


# A column of date labels, each alone on its line ("Inspection date", "Previous inspection date"), then a
# column of as many dates, each alone on its line: the text layer of a table whose labels and values it reads
# column by column (early years reports before 2015). The n-th date belongs to the n-th label.
DATE_LABEL_LINE = r"[ \t]*(?:Previous[ \t]+)?inspection[ \t]+dates?[ \t]*:?[ \t]*\n"
DATE_VALUE_LINE = rf"[ \t]*{DATE_PHRASE}[ \t]*(?:\n|\Z)"
STACKED_DATES = re.compile(rf"^(?P<labels>(?:{DATE_LABEL_LINE})+)(?P<values>(?:{DATE_VALUE_LINE})+)", re.I | re.M)
PREVIOUS_LABEL = re.compile(r"^\s*Previous\b", re.IGNORECASE)


def stacked_inspection_dates(text: str, reference: date | None = None) -> DateRange | None:
    """The dates paired with the first 'Inspection date' label of a column of labels printed above a column of
    as many dates; None when there is no such pair of columns (a count that differs pairs nothing)."""
    for block in STACKED_DATES.finditer(text):
        labels = block.group("labels").splitlines()
        values = [line for line in block.group("values").splitlines() if line.strip()]
        if len(labels) != len(values):
            continue
        for label, value in zip(labels, values):
            if not PREVIOUS_LABEL.match(label):
                return parse_date_range(value, reference)
    return None


DATE_PHRASE_RE = re.compile(DATE_PHRASE, re.IGNORECASE)


def first_date_range(text: str, reference: date | None = None) -> DateRange | None:
    """The first date phrase in the text that names complete dates (a number without a month is passed over);
    None when there is none."""
    for match in DATE_PHRASE_RE.finditer(normalise_date_text(text)):
        try:
            return parse_date_range(match.group(0), reference)
        except ValueError:
            continue
    return None


FIRST_DATE = re.compile(rf"^\s*(?P<phrase>{_PLAIN_ATOM})\s*$", re.IGNORECASE | re.MULTILINE)


def first_standalone_date(text: str) -> date | None:
    """The first line that is nothing but a complete date: a letter's own date under its letterhead."""
    for match in FIRST_DATE.finditer(normalise_date_text(text)):
        try:
            return parse_date(match.group("phrase"))
        except ValueError:
            continue
    return None
