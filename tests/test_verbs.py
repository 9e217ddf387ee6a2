"""Verb groups: tense, voice, modality and negation read from tokens, on invented sentences.

Each row names the construction it shows; the head is the word the group is read back from.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ghouta_events import parse
from ghouta_events._text._chunks import tokenize
from ghouta_events._text._verbs import Modality, Tense, VerbGroup, Voice, negation_in, verb_group
from ghouta_events._text._words import Words

MONDAY = dt.date(2019, 6, 3)


def _group(text: str, head: str) -> VerbGroup:
    tokens = tokenize(Words(text))
    index = next(i for i, t in enumerate(tokens.items) if t.lower == head)
    return verb_group(tokens, index)


# (sentence, head, first word of the group, tense, voice, modality, negated)
VERB_GROUPS = [
    pytest.param("Some 900 villagers were expected to leave on Monday.", "leave", "were", Tense.PAST,
                 Voice.ACTIVE, Modality.EXPECTED, False, id="were expected to"),
    pytest.param("The gunmen will be bussed to Tell Sufra.", "bussed", "will", Tense.FUTURE, Voice.PASSIVE,
                 Modality.FUTURE, False, id="will be bussed"),
    pytest.param("The last gunmen have not left Kafr Qamar.", "left", "have", Tense.PRESENT, Voice.ACTIVE,
                 Modality.FACT, True, id="have not left"),
    pytest.param("The second convoy never reached Ain Sufra.", "reached", "never", Tense.PAST, Voice.ACTIVE,
                 Modality.FACT, True, id="never reached"),
    pytest.param("Hundreds of fighters refused to leave the hills.", "leave", "refused", Tense.PAST,
                 Voice.ACTIVE, Modality.FACT, True, id="refused to leave"),
    pytest.param("The families were prevented from leaving the valley.", "leaving", "were", Tense.PAST,
                 Voice.ACTIVE, Modality.FACT, True, id="prevented from leaving"),
    pytest.param("Some gunmen were barred from boarding the buses.", "boarding", "were", Tense.PAST,
                 Voice.ACTIVE, Modality.FACT, True, id="barred from boarding"),
    pytest.param("Checkpoints stopped them from reaching the crossing.", "reaching", "stopped", Tense.PAST,
                 Voice.ACTIVE, Modality.FACT, True, id="stopped from reaching"),
    pytest.param("The families are no longer leaving the valley.", "leaving", "are", Tense.PRESENT,
                 Voice.ACTIVE, Modality.FACT, True, id="no longer"),
    pytest.param("The buses didn't leave before dusk.", "leave", "didn", Tense.PAST, Voice.ACTIVE,
                 Modality.FACT, True, id="contracted negation"),
    pytest.param("The fighters are to leave on Friday.", "leave", "are", Tense.PRESENT, Voice.ACTIVE,
                 Modality.PLANNED, False, id="are to"),
    pytest.param("The wounded would be evacuated by road.", "evacuated", "would", Tense.PAST, Voice.PASSIVE,
                 Modality.CONDITIONAL, False, id="would be"),
    pytest.param("The last families had been ordered to leave.", "leave", "had", Tense.PAST, Voice.ACTIVE,
                 Modality.ORDERED, False, id="had been ordered to"),
    pytest.param("The civilians were finally allowed to leave.", "leave", "were", Tense.PAST, Voice.ACTIVE,
                 Modality.ALLOWED, False, id="were allowed to, past an adverb"),
    pytest.param("Twenty buses are scheduled to depart at noon.", "depart", "are", Tense.PRESENT, Voice.ACTIVE,
                 Modality.PLANNED, False, id="are scheduled to"),
    pytest.param("Forty buses left Kafr Qamar at dawn.", "left", "left", Tense.PAST, Voice.ACTIVE,
                 Modality.FACT, False, id="a bare past"),
    pytest.param("The buses have also arrived in Ain Sufra.", "arrived", "have", Tense.PRESENT, Voice.ACTIVE,
                 Modality.FACT, False, id="a perfect past an adverb"),
    pytest.param("The gunmen began to leave at noon.", "leave", "began", Tense.PAST, Voice.ACTIVE, Modality.FACT,
                 False, id="an aspect verb keeps the fact"),
    pytest.param("Two hundred families were taken to the camp.", "taken", "were", Tense.PAST, Voice.PASSIVE,
                 Modality.FACT, False, id="an irregular participle"),
]


@pytest.mark.parametrize(("text", "head", "first", "tense", "voice", "modality", "negated"), VERB_GROUPS)
def test_verb_groups(text: str, head: str, first: str, tense: Tense, voice: Voice, modality: Modality,
                     negated: bool) -> None:
    group = _group(text, head)
    tokens = tokenize(Words(text))
    assert tokens.items[group.first].lower == first
    assert (group.tense, group.voice, group.modality, group.negated) == (tense, voice, modality, negated)
    assert group.asserted == (modality is Modality.FACT and not negated)


def test_a_bare_infinitive_after_a_noun_is_governed_from_outside() -> None:
    group = _group("The deal to evacuate the fighters was signed.", "evacuate")
    assert group.infinitive
    assert not group.finite
    assert not group.asserted


def test_a_coordinated_infinitive_is_not_finite() -> None:
    group = _group("They may stay or be bussed out.", "bussed")
    assert not group.finite


@given(st.lists(st.sampled_from(["were", "not", "to", "expected", "will", "be", "also", ",", "the", "buses",
                                 "n't", "no", "longer", "refused", "'", "t"]), max_size=14))
def test_a_group_lies_inside_the_text_and_ends_at_its_head(words: list[str]) -> None:
    text = " ".join([*words, "left"])
    tokens = tokenize(Words(text))
    head = len(tokens) - 1
    group = verb_group(tokens, head)
    assert 0 <= group.first <= group.head == head


# --- Negation and modality in the movement frame ----------------------------------------------------------------

NEGATED_MOVEMENTS = [
    pytest.param("The gunmen of Kafr Qamar have not left for Ain Sufra.", id="have not left"),
    pytest.param("The convoy from Kafr Qamar never reached Ain Sufra.", id="never reached"),
    pytest.param("The fighters in Kafr Qamar refused to leave for Ain Sufra.", id="refused to leave"),
    pytest.param("The buses from Kafr Qamar didn't leave for Ain Sufra.", id="contracted negation"),
    pytest.param("The families of Kafr Qamar are no longer leaving for Ain Sufra.", id="no longer"),
    # with counts: a movement denied counts no movers
    pytest.param("About 500 fighters refused to leave Tell Harun on Monday.", id="n-refused-to-leave"),
    pytest.param("Some 300 gunmen did not leave Kafr Qamar as planned.", id="n-did-not-leave"),
    pytest.param("The 200 families were prevented from leaving Tell Marwan.", id="n-prevented-from-leaving"),
    # a denied subject
    pytest.param("No buses left Ain Sufra on Sunday, the monitor said.", id="no-buses-left"),
    pytest.param("None of the 400 rebels left Jobar on Friday.", id="none-of-the-n-left"),
    pytest.param("The evacuation was postponed, and no convoy departed Kafr Qamar.", id="and-no-convoy-departed"),
    # only asked about, or not known
    pytest.param("Asked whether 3,000 fighters had left Tell Harun, the official declined to comment.",
                 id="asked-whether-n-had-left"),
    pytest.param("It remains unclear whether 40 buses left Ain Sufra on Monday.", id="unclear-whether-buses-left"),
    pytest.param("Officials would not say if 500 people had left Kafr Qamar.", id="would-not-say-if-n-had-left"),
]


def test_no_fewer_than_is_no_denial() -> None:
    (convoy,) = parse("No fewer than 500 fighters left Tell Harun on Monday.", published=MONDAY,
                      report_id="hedge").convoys
    assert convoy.fighters is not None
    assert convoy.fighters.value == 500


@pytest.mark.parametrize("text", NEGATED_MOVEMENTS)
def test_a_negated_movement_is_no_convoy(text: str) -> None:
    assert parse(text, published=MONDAY, report_id="negated").convoys == ()


def test_negation_in_a_clause() -> None:
    tokens = tokenize(Words("It is not clear whether they left."))
    assert negation_in(tokens, 0, len(tokens))
    tokens = tokenize(Words("They left on Monday."))
    assert not negation_in(tokens, 0, len(tokens))
