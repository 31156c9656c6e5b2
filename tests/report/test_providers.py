"""Finding the authority a person means, and the messages when it cannot be found."""

from __future__ import annotations

import pytest

from warehouse.report.exceptions import AmbiguousProvider, ProviderNotFound
from warehouse.report.providers import resolve_provider
from warehouse.report.records import Authority

AUTHORITIES = [
    Authority("80481", "Leeds", "Yorkshire and the Humber", "outstanding"),
    Authority("80426", "Barnsley", "Yorkshire and the Humber", "good"),
    Authority("80556", "North Yorkshire", "Yorkshire and the Humber", "outstanding"),
    Authority("80557", "York", "Yorkshire and the Humber", "good"),
]


@pytest.mark.parametrize(
    "wanted, urn",
    [
        pytest.param("80481", "80481", id="urn"),
        pytest.param("  leeds ", "80481", id="name-any-case-and-spaces"),
        pytest.param("York", "80557", id="whole-name-wins-over-part-of-another"),
        pytest.param("barns", "80426", id="unique-part-of-a-name"),
    ],
)
def test_found(wanted, urn):
    assert resolve_provider(wanted, AUTHORITIES).urn == urn


def test_part_shared_by_several_names_lists_them():
    with pytest.raises(AmbiguousProvider) as error:
        resolve_provider("yor", AUTHORITIES)
    assert str(error.value) == (
        "'yor' matches 2 authorities: North Yorkshire (80556), York (80557); give the URN or the full name"
    )


def test_unknown_name_suggests_close_ones():
    with pytest.raises(ProviderNotFound) as error:
        resolve_provider("Leds", AUTHORITIES)
    assert str(error.value) == "no authority with URN or name 'Leds' in the warehouse; did you mean Leeds (80481)?"


def test_nothing_close_says_how_many_there_are():
    with pytest.raises(ProviderNotFound, match="the warehouse holds 4 authorities; `ofsted report` lists them all"):
        resolve_provider("99999", AUTHORITIES)
