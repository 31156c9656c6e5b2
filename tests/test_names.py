"""Provider names read from titles: a name as printed, never a paragraph."""

from __future__ import annotations

import pytest

from extract.text.names import provider_name


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        pytest.param("Leeds", "Leeds", id="one-word"),
        pytest.param(
            "the Royal Borough of \nWindsor and Maidenhead",
            "the Royal Borough of Windsor and Maidenhead",
            id="wrapped",
        ),
        pytest.param("Trafford Council’s", "Trafford Council", id="possessive"),
        pytest.param(
            "City of Bradford Metropolitan District Council ",
            "City of Bradford Metropolitan District Council",
            id="long",
        ),
        pytest.param("St Helens", "St Helens", id="ends-in-s"),
    ],
)
def test_provider_name(printed, name):
    assert provider_name(printed) == name


@pytest.mark.parametrize(
    "printed",
    [
        pytest.param(None, id="none"),
        pytest.param("  ", id="blank"),
        pytest.param(
            "Birmingham Re-inspection of services for children in need of help and protection, children looked after "
            "and care leavers Inspection dates: 12 September 2016",
            id="run-into-the-title",
        ),
        pytest.param("Slough Children First. This letter summarises", id="run-into-a-sentence"),
    ],
)
def test_what_is_longer_than_a_title_is_no_name(printed):
    assert provider_name(printed) is None
