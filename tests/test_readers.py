"""The token readers the frames ask of a clause or of the words around a name, on invented sentences.

One table per reader; each row is an invented sentence with the construction it shows as its id.
"""

from __future__ import annotations

import pytest

from ghouta_events._text._chunks import Tokens, tokenize
from ghouta_events._text._readers import names_a_series, names_movers, opens_with_anaphor
from ghouta_events._text._words import Words


def _tokens(text: str) -> Tokens:
    return tokenize(Words(text))


def _whole(text: str) -> tuple[Tokens, int, int]:
    tokens = _tokens(text)
    return tokens, 0, len(tokens)


MOVERS = [
    pytest.param("Fighters drove out of Kafr Qamar.", True, id="a noun of people"),
    pytest.param("The convoy headed for Ain Sufra.", True, id="a noun of vehicles"),
    pytest.param("The exodus from Kafr Qamar went on.", True, id="a noun of movement"),
    pytest.param("Talks went on in Kafr Qamar.", False, id="no mover"),
]


@pytest.mark.parametrize(("text", "expected"), MOVERS)
def test_names_movers(text: str, expected: bool) -> None:
    assert names_movers(*_whole(text)) is expected


SERIES = [
    pytest.param("Another convoy left on Monday.", True, id="another"),
    pytest.param("A further batch of buses left.", True, id="a further"),
    pytest.param("A new evacuee group left.", True, id="a new, past a modifier"),
    pytest.param("Other large white evacuee groups left.", False, id="too far from its noun"),
    pytest.param("Another day passed.", False, id="not a series noun"),
]


@pytest.mark.parametrize(("text", "expected"), SERIES)
def test_names_a_series(text: str, expected: bool) -> None:
    assert names_a_series(*_whole(text)) is expected


ANAPHORS = [
    pytest.param("The convoy headed north.", True, id="the convoy"),
    pytest.param("These 17 buses carried families.", True, id="these buses, past a count"),
    pytest.param("They left for Ain Sufra.", True, id="they"),
    pytest.param("It then reached Ain Sufra.", True, id="it and a movement verb"),
    pytest.param("It was a long day.", False, id="it without a movement verb"),
    pytest.param("The talks went on.", False, id="the, without a movement noun"),
    pytest.param("\u201cThe buses left,\u201d he said.", True, id="past an opening quote"),
]


@pytest.mark.parametrize(("text", "expected"), ANAPHORS)
def test_opens_with_anaphor(text: str, expected: bool) -> None:
    assert opens_with_anaphor(*_whole(text)) is expected
