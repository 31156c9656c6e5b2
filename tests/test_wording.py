"""How strongly a sentence is worded, and whether it names a strength or a weakness: negation and the statutory
threshold read for what they mean."""

from __future__ import annotations

import pytest

from extract.text.wording import CRITICISM, PRAISE, read_wording, wording_weight


@pytest.mark.parametrize(
    ("text", "weight"),
    [
        pytest.param("Practice is exceptional.", 3, id="praise"),
        pytest.param("There are widespread weaknesses.", 3, id="criticism"),
        pytest.param("Plans are reviewed each month.", 0, id="plain"),
        pytest.param("Responses to children at immediate risk of harm are timely and effective.", 0, id="threshold"),
        pytest.param("Strategy meetings are held for children at risk of significant harm.", 0, id="threshold-significant"),
        pytest.param("Delays leave some children at risk of harm for too long.", 3, id="left-at-risk"),
    ],
)
def test_wording_weight(text, weight):
    assert wording_weight(text) == weight


@pytest.mark.parametrize(
    ("text", "tone"),
    [
        pytest.param("Social workers are highly skilled and their work is excellent.", PRAISE, id="praise"),
        pytest.param("Management oversight is poor and plans are weak.", CRITICISM, id="criticism"),
        pytest.param("Practice is not yet excellent in every team.", CRITICISM, id="negated-praise"),
        pytest.param("Services are no longer inadequate.", PRAISE, id="negated-criticism"),
        pytest.param("Children at risk of significant harm are seen the same day.", None, id="threshold-is-no-criticism"),
    ],
)
def test_tone_reads_negation_and_the_threshold(text, tone):
    assert read_wording(text).tone == tone
