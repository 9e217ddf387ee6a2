"""The clauses of a sentence that movements and figures are read from, on invented sentences."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ghouta_events._text._chunks import tokenize
from ghouta_events._text._clauses import clause_parts
from ghouta_events._text._cues import find_cues
from ghouta_events._text._numbers import find_numbers
from ghouta_events._text._words import Words


def _parts(text: str) -> list[str]:
    counts = [n.span.start for n in find_numbers(text)]
    parts = clause_parts(tokenize(Words(text)), list(find_cues(text)), counts, 0, len(text), 0)
    return [text[start:end].strip(" ,;") for start, end in parts]


CLAUSES = [
    pytest.param("Forty buses left Kafr Qamar; ten more reached Ain Sufra.",
                 ["Forty buses left Kafr Qamar", "ten more reached Ain Sufra."], id="a semicolon"),
    pytest.param("Twenty buses, which carried 400 fighters, left Kafr Qamar.",
                 ["Twenty buses, which carried 400 fighters, left Kafr Qamar."], id="an attached relative clause"),
    pytest.param("The 900 people who left Kafr Qamar reached Ain Sufra.",
                 ["The 900 people who left Kafr Qamar reached Ain Sufra."], id="a restrictive relative clause"),
    pytest.param("Forty buses left Kafr Qamar, which was shelled on Monday.",
                 ["Forty buses left Kafr Qamar", "which was shelled on Monday."], id="a relative clause of its own"),
    pytest.param("1,200 civilians leaving Tell Harun and 800 gunmen leaving Kafr Sabt crossed the line.",
                 ["1,200 civilians leaving Tell Harun", "and 800 gunmen leaving Kafr Sabt crossed the line."],
                 id="two movements joined before a count"),
    pytest.param("Buses carrying 300 fighters and 500 civilians left Kafr Qamar.",
                 ["Buses carrying 300 fighters and 500 civilians left Kafr Qamar."], id="one movement, two counts"),
    pytest.param("Forty buses reached Ain Sufra on Monday, after all gunmen left Tell Harun for Kafr Sabt.",
                 ["Forty buses reached Ain Sufra on Monday"], id="a background clause is cut out"),
    pytest.param("The deal was signed after 300 fighters left Kafr Qamar.",
                 ["The deal was signed after 300 fighters left Kafr Qamar."],
                 id="a background clause with no movement beside it stays"),
]


@pytest.mark.parametrize(("text", "parts"), CLAUSES)
def test_clause_parts(text: str, parts: list[str]) -> None:
    assert _parts(text) == parts


@given(st.lists(st.sampled_from(["Forty", "buses", "left", "Qamar", ",", ";", "which", "who", "and", "300",
                                 "after", "gunmen", "reached", "thus", "\u2014"]), max_size=25))
def test_parts_are_in_order_and_inside_the_sentence(words: list[str]) -> None:
    text = " ".join(words)
    counts = [n.span.start for n in find_numbers(text)]
    parts = clause_parts(tokenize(Words(text)), list(find_cues(text)), counts, 0, len(text), 0)
    assert all(0 <= start <= end <= len(text) for start, end in parts)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(parts))
