"""Template sentences are found from the reports: printed word for word in many reports of a kind."""

from __future__ import annotations

from extract.text import recurring
from extract.text.recurring import fingerprint, recurring_sentences

TEMPLATE = "The next full area SEND inspection will be within approximately three years."


def reports(kind, count, template_in):
    return [(kind, [f"Children in area {n} are helped well by their schools.", *([TEMPLATE] * (n < template_in))]) for n in range(count)]


def test_a_sentence_in_many_reports_of_a_kind_is_a_template():
    (found,) = recurring_sentences(reports("area-send", 20, template_in=6))
    assert (found.kind, found.fingerprint, found.reports, found.share) == ("area-send", fingerprint(TEMPLATE), 6, 0.3)


def test_a_sentence_in_too_few_reports_or_too_small_a_share_is_not():
    assert recurring_sentences(reports("area-send", 20, template_in=4)) == []
    assert recurring_sentences(reports("focused-visit", 40, template_in=6)) == []


def test_fingerprints_ignore_spacing_case_and_apostrophes():
    assert fingerprint("Children’s services  are GOOD.") == fingerprint("Children's services are good")


def test_written_fingerprints_are_read_back(tmp_path, monkeypatch):
    out = tmp_path / "recurring.csv"
    recurring.write(recurring_sentences(reports("area-send", 20, template_in=6)), out)
    monkeypatch.setattr(recurring, "RECURRING_FILE", out)
    recurring.recurring_fingerprints.cache_clear()
    try:
        assert recurring.is_recurring(TEMPLATE.upper())
        assert not recurring.is_recurring("Children in area 1 are helped well by their schools.")
    finally:
        recurring.recurring_fingerprints.cache_clear()
