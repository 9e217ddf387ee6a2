"""The token readers the frames ask of a clause or of the words around a name, on invented sentences.

One table per reader; each row is an invented sentence with the construction it shows as its id.
"""

from __future__ import annotations

import pytest

from ghouta_events._text._chunks import Tokens, tokenize
from ghouta_events._text._readers import (
    acts_after,
    carries_goods,
    lead_in,
    names_a_series,
    names_before_faction_nouns,
    names_movers,
    opens_with_anaphor,
    speaker_gap,
    told_aboard,
)
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


ABOARD = [
    pytest.param("Some 1,500 people were aboard.", True, id="were aboard, at the end"),
    pytest.param("About 300 were on board, the agency said.", True, id="were on board, before a comma"),
    pytest.param("Nearly 60 were all on board the buses.", True, id="on board the buses"),
    pytest.param("About 40 people were aboard a ship bound for Cyprus.", False, id="aboard vehicles of their own"),
    pytest.param("The board met on Monday.", False, id="no verb of being"),
]


@pytest.mark.parametrize(("text", "expected"), ABOARD)
def test_told_aboard(text: str, expected: bool) -> None:
    assert told_aboard(*_whole(text)) is expected


GOODS = [
    pytest.param("A convoy of 45 lorries carrying food for 900 people entered the town.", True,
                 id="carrying food"),
    pytest.param("Trucks loaded with 40 tonnes of flour reached the town.", True, id="loaded with, past a count"),
    pytest.param("An aid convoy entered the town on Monday.", True, id="an aid convoy"),
    pytest.param("Buses carrying 400 fighters left the town.", False, id="carrying people"),
    pytest.param("People left with the assistance of the Monitor.", False, id="with the assistance of"),
]


@pytest.mark.parametrize(("text", "expected"), GOODS)
def test_carries_goods(text: str, expected: bool) -> None:
    assert carries_goods(*_whole(text)) is expected


def _between(text: str, left: str, right: str) -> tuple[Tokens, int, int]:
    """The tokens of ``text`` and the token indexes after ``left`` ends and where ``right`` starts."""
    tokens = _tokens(text)
    start = text.index(left) + len(left)
    return tokens, tokens.at_or_after(start), tokens.at_or_after(text.index(right, start))


# (sentence, speaker, speech verb, whether the speaker may speak the verb)
SPEAKER_GAPS = [
    pytest.param("The Monitor said buses left.", "Monitor", "said", True, id="nothing between"),
    pytest.param("The Monitor's head, Jane Doe, said buses left.", "Monitor", "said", True,
                 id="a possessive title and an appositive"),
    pytest.param("The Monitor (TM) said buses left.", "Monitor", "said", True, id="a bracketed acronym"),
    pytest.param("The Monitor chief of staff said buses left.", "Monitor", "said", True, id="a title of words"),
    pytest.param("The Monitor and seven other groups in the northern hills of the region said so.", "Monitor",
                 "said", False, id="too many words"),
    pytest.param("The Monitor; the army said buses left.", "Monitor", "said", False, id="a semicolon"),
]


@pytest.mark.parametrize(("text", "speaker", "verb", "expected"), SPEAKER_GAPS)
def test_speaker_gap(text: str, speaker: str, verb: str, expected: bool) -> None:
    assert speaker_gap(*_between(text, speaker, verb)) is expected


# (sentence, cue, source, whether the words between lead in to the source)
LEAD_INS = [
    pytest.param("according to the Monitor", "according to", "Monitor", True, id="a determiner"),
    pytest.param("according to regime news agency Monitor", "according to", "Monitor", True, id="three words"),
    pytest.param("according to a long list of people close to the Monitor", "according to", "Monitor", False,
                 id="too far"),
    pytest.param("according to residents, the Monitor", "according to", "Monitor", False, id="a mark"),
]


@pytest.mark.parametrize(("text", "cue", "source", "expected"), LEAD_INS)
def test_lead_in(text: str, cue: str, source: str, expected: bool) -> None:
    assert lead_in(*_between(text, cue, source)) is expected


# (sentence, the place name, whether what follows makes it a state that acts)
ACTORS = [
    pytest.param("Moscow brokered the deal.", "Moscow", True, id="an actor verb"),
    pytest.param("Moscow's forces entered the town.", "Moscow", True, id="a possessive and an actor noun"),
    pytest.param("Moscow, backed by its allies, decided.", "Moscow", True, id="past an appositive"),
    pytest.param("Moscow and its allies agreed.", "Moscow", True, id="and its allies"),
    pytest.param("Moscow-based groups have said so.", "Moscow", False, id="inside a compound"),
    pytest.param("Moscow's streets were quiet.", "Moscow", False, id="a possessive of something else"),
    pytest.param("Buses reached Moscow.", "Moscow", False, id="at the end"),
]


@pytest.mark.parametrize(("text", "name", "expected"), ACTORS)
def test_acts_after(text: str, name: str, expected: bool) -> None:
    assert acts_after(_tokens(text), text.index(name) + len(name)) is expected


FACTION_NAMES = [
    pytest.param("Gunmen of the Northern Storm brigade left.", ["Northern Storm"], id="two capitalised words"),
    pytest.param("The Army of Sufra fighters left.", ["The Army of Sufra"], id="a connector between words"),
    pytest.param("Jaish al-Sufra fighters left.", ["Jaish al-Sufra"], id="a hyphenated connector"),
    pytest.param("Gunmen of al-Sufra fighters left.", [], id="a name does not open with a connector"),
    pytest.param("The rebel group left.", [], id="no capitalised word"),
    pytest.param("Sufra, fighters said.", [], id="a mark between"),
    pytest.param("A B C D E F G group left.", [], id="words of one letter are no name words"),
    pytest.param("Alpha Bravo Charlie Delta Echo Foxtrot group left.", ["Bravo Charlie Delta Echo Foxtrot"],
                 id="five words at most"),
]


@pytest.mark.parametrize(("text", "names"), FACTION_NAMES)
def test_names_before_faction_nouns(text: str, names: list[str]) -> None:
    tokens = _tokens(text)
    assert [text[start:end] for start, end in names_before_faction_nouns(tokens, 0, len(tokens))] == names
