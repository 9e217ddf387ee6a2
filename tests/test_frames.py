"""The frames, each with its own table of invented sentences.

A row gives a sentence, the known names in it (what the gazetteer would find; armed groups marked), and what the
frame reads: which name fills which slot. The rules that turn the slots into records are tested through ``parse``
(tests/test_parse.py, tests/test_chunks.py).
"""

from __future__ import annotations

import pytest

from ghouta_events import EventKind, FigureKind
from ghouta_events._text._chunks import tokenize
from ghouta_events._text._cues import Cue, find_cues
from ghouta_events._text._frames import (
    FRAMES,
    Attribution,
    Backing,
    CueScope,
    EventTrigger,
    FigureKinds,
    Movement,
    NameSpans,
)
from ghouta_events._text._numbers import find_numbers
from ghouta_events._text._words import Words


def _names(text: str, names: list[str]) -> NameSpans:
    starts, ends = [], []
    position = 0
    for name in names:
        start = text.index(name, position)
        starts.append(start)
        ends.append(start + len(name))
        position = start + len(name)
    return NameSpans(starts, ends)


def test_every_frame_states_its_grammar_and_its_triggers() -> None:
    for frame in FRAMES:
        assert frame.__doc__ is not None
        assert "code-block" in frame.__doc__
        assert frame.TRIGGERS


# --- Movement -------------------------------------------------------------------------------------------------

# (sentence, the known names in order, [(role, the names of the slot)]); a crossing slot reads as its noun, an
# onward destination's role ends with "+"
MOVEMENTS = [
    pytest.param("Forty buses left Kafr Qamar for Ain Sufra.", ["Kafr Qamar", "Ain Sufra"],
                 [("origin", ["Kafr Qamar"]), ("destination", ["Ain Sufra"])], id="left X for Y"),
    pytest.param("Buses left the besieged enclave of Kafr Qamar.", ["Kafr Qamar"], [("origin", ["Kafr Qamar"])],
                 id="an open group after a verb of leaving"),
    pytest.param("Families from Tell Harun and Kafr Sabt headed toward the rebel-held province of Ain Sufra.",
                 ["Tell Harun", "Kafr Sabt", "Ain Sufra"],
                 [("origin", ["Tell Harun", "Kafr Sabt"]), ("destination", ["Ain Sufra"])],
                 id="a list of origins, a closed group of destination"),
    pytest.param("The convoy arrived late on Monday in Ain Sufra.", ["Ain Sufra"],
                 [("destination", ["Ain Sufra"])], id="an arrival past words of time"),
    pytest.param("The people of Kafr Qamar walked out.", ["Kafr Qamar"], [("origin", ["Kafr Qamar"])],
                 id="the people of X"),
    pytest.param("Families boarded 30 buses in Kafr Qamar.", ["Kafr Qamar"], [("origin", ["Kafr Qamar"])],
                 id="boarding buses in X"),
    pytest.param("The buses crossed into Ain Sufra.", ["Ain Sufra"], [("destination", ["Ain Sufra"])],
                 id="crossed into"),
    pytest.param("The convoy stopped at Tell Harun before driving on to Ain Sufra.", ["Tell Harun", "Ain Sufra"],
                 [("destination+", ["Ain Sufra"])], id="the next step of the journey"),
    pytest.param("The convoy stopped at the Tell Harun checkpoint before driving on to Ain Sufra.",
                 ["Tell Harun", "Ain Sufra"], [("destination+", ["Ain Sufra"])],
                 id="a checkpoint halted at on the way is no crossing of departure"),
    pytest.param("Buses reached the Kafr Qamar crossing.", ["Kafr Qamar"],
                 [("destination", ["Kafr Qamar"]), ("crossing", ["crossing"])], id="a crossing reached"),
    pytest.param("Over 1,200 militants have left Kafr Qamar for Ain Sufra.", ["Kafr Qamar", "Ain Sufra"],
                 [("origin", ["Kafr Qamar"]), ("destination", ["Ain Sufra"])], id="have left X"),
    pytest.param("Hundreds of fighters were taken out of Kafr Qamar on Sunday.", ["Kafr Qamar"],
                 [("origin", ["Kafr Qamar"])], id="were taken out of X"),
    pytest.param("Families were taken to temporary shelters in Ain Sufra.", ["Ain Sufra"],
                 [("destination", ["Ain Sufra"])], id="shelters in a town"),
    pytest.param("Families set out for Ain Sufra on Monday.", ["Ain Sufra"], [("destination", ["Ain Sufra"])],
                 id="a verb of going that ends in its preposition"),
    pytest.param("Buses headed to Nowhere Vale on Monday.", [], [("destination", ["Nowhere Vale"])],
                 id="an open name"),
    pytest.param("The fighters managed to retake areas around Kafr Qamar.", ["Kafr Qamar"], [],
                 id="an infinitive governs no place"),
    pytest.param("Refugees boarded buses in the Ruritanian border town of Kafr Qamar.", ["Kafr Qamar"],
                 [("origin", ["Kafr Qamar"])], id="a nationality and a site adjective in the lead"),
    pytest.param("Families boarded buses in the Lebanese town of Kafr Qamar.", ["Kafr Qamar"],
                 [("origin", ["Kafr Qamar"])], id="an adjective of nationality begins no name"),
    pytest.param("Fighters from the Sufra movement left Kafr Qamar.", ["Kafr Qamar"], [("origin", ["Kafr Qamar"])],
                 id="an unknown name before a group noun is a group"),
    pytest.param("Patients left the Nasser hospital in Tell Harun.", ["Tell Harun"], [("origin", ["Tell Harun"])],
                 id="a site in a town: the town"),
    pytest.param("Civilians left the Azovstal plant on Friday.", [], [("origin", ["Azovstal"])],
                 id="a site alone: the site"),
    pytest.param("Refugees went to the Qalamoun region.", ["Qalamoun"], [("destination", ["Qalamoun"])],
                 id="a name before a region noun with no name after it"),
    pytest.param("The convoy from the two besieged villages reached the Kafr Qamar area.", ["Kafr Qamar"],
                 [("destination", ["Kafr Qamar"])], id="an open origin group ends before the next verb"),
    # a verb of leaving in a plan beside a movement told as fact names the plan's place, not the movement's
    pytest.param("Hundreds of gunmen boarded buses leaving Tell Harun under a deal set to leave Kafr Sabt as the "
                 "last pocket.", ["Tell Harun", "Kafr Sabt"], [("origin", ["Tell Harun"])],
                 id="a planned leave beside a told departure"),
    pytest.param("Families left Ain Sufra on Monday in a transfer expected to leave Tell Harun empty by Friday.",
                 ["Ain Sufra", "Tell Harun"], [("origin", ["Ain Sufra"])], id="a plan after a told departure"),
    pytest.param("The fighters departed Kafr Qamar, and the army is set to leave Tell Harun next week.",
                 ["Kafr Qamar", "Tell Harun"], [("origin", ["Kafr Qamar"])],
                 id="a planned departure of others in the same clause"),
    pytest.param("About 3,000 people are expected to depart from Tell Harun on Sunday.", ["Tell Harun"],
                 [("origin", ["Tell Harun"])], id="a plan alone keeps its place"),
    # people who evacuate a place leave it: the object of an active verb of evacuation with movers as subject
    pytest.param("Rebels evacuate Kafr Qamar for Ain Sufra.", ["Kafr Qamar", "Ain Sufra"],
                 [("origin", ["Kafr Qamar"]), ("destination", ["Ain Sufra"])], id="movers evacuate X"),
    pytest.param("More than 600 people evacuated the town of Tell Harun on buses.", ["Tell Harun"],
                 [("origin", ["Tell Harun"])], id="people evacuated the town of X"),
    pytest.param("The fighters finally evacuated Kafr Sabt on Monday.", ["Kafr Sabt"], [("origin", ["Kafr Sabt"])],
                 id="fighters finally evacuated X"),
    pytest.param("Medics evacuated Ain Sufra's wounded to Tell Harun.", ["Ain Sufra", "Tell Harun"],
                 [("destination", ["Tell Harun"])], id="whoever evacuates others leaves nothing"),
    # a verb of leaving followed at once by a word of destination has no object of place
    pytest.param("Buses set off in the direction of Ain Sufra.", ["Ain Sufra"], [("destination", ["Ain Sufra"])],
                 id="set off in the direction of"),
    pytest.param("The families departed toward Kafr Qamar at dawn.", ["Kafr Qamar"], [("destination", ["Kafr Qamar"])],
                 id="departed toward"),
    pytest.param("The gunmen quit in the direction of Tell Harun.", ["Tell Harun"], [("destination", ["Tell Harun"])],
                 id="quit in the direction of"),
    # where troops move or push into is where they deploy, not where a convoy went
    pytest.param("Government troops move into Kafr Qamar after the evacuation ends.", ["Kafr Qamar"], [],
                 id="troops move into"),
    pytest.param("The army advanced toward Tell Harun after the convoys left Ain Sufra.", ["Tell Harun", "Ain Sufra"],
                 [("origin", ["Ain Sufra"])], id="the army advanced toward"),
    pytest.param("Government forces pushed into Kafr Sabt while buses left for Ain Sufra.", ["Kafr Sabt", "Ain Sufra"],
                 [("destination", ["Ain Sufra"])], id="forces pushed into"),
    pytest.param("The rebels were allowed to enter the town of Ain Sufra.", ["Ain Sufra"],
                 [("destination", ["Ain Sufra"])], id="movers who enter arrive"),
    pytest.param("Empty buses entered Ain Sufra.", ["Ain Sufra"], [], id="buses that enter have not arrived"),
]


@pytest.mark.parametrize(("text", "names", "expected"), MOVEMENTS)
def test_movement(text: str, names: list[str], expected: list[tuple[str, list[str]]]) -> None:
    tokens = tokenize(Words(text))
    spans = _names(text, names)
    known = dict(zip(spans.starts, spans.ends, strict=True))
    frame = Movement.find(tokens, list(find_cues(text)), known, spans, 0, len(tokens), open_names=True)
    read = []
    for slot in frame.slots:
        if slot.group is not None:
            role = slot.role + ("+" if slot.onward else "")
            read.append((role, [text[ref.start : ref.end] for ref in slot.group.names]))
        elif slot.crossing is not None:
            read.append((slot.role, [tokens.items[slot.crossing].text]))
    assert read == expected


# --- Attribution ----------------------------------------------------------------------------------------------

# The sources an official may speak for in these rows.
KNOWN_SOURCES = frozenset({"Russian military", "Iranian government"})

# (sentence, names in order, the names that can speak, [(speaker or official, role, coordinated speakers)])
ATTRIBUTIONS = [
    pytest.param("Forty buses left, the Monitor said.", ["Monitor"], ["Monitor"], [("Monitor", 1, [])],
                 id="speaker before the verb"),
    pytest.param("Forty buses left, said the Monitor.", ["Monitor"], ["Monitor"], [("Monitor", 1, [])],
                 id="speaker after the verb, after a comma"),
    pytest.param("The Monitor's head, Jane Doe, said forty buses left.", ["Monitor"], ["Monitor"],
                 [("Monitor", 1, [])], id="a title and an appositive between"),
    pytest.param("Forty buses left, according to the Courier and the Monitor.", ["Courier", "Monitor"],
                 ["Courier", "Monitor"], [("Courier", 1, ["Monitor"])], id="according to X and Y"),
    pytest.param("Forty buses left, according to the Courier, the Herald and the Monitor.",
                 ["Courier", "Herald", "Monitor"], ["Courier", "Herald", "Monitor"],
                 [("Courier", 1, ["Herald", "Monitor"])], id="according to a list"),
    pytest.param("Sixty people died, according to the Courier and a statement by the Monitor.",
                 ["Courier", "Monitor"], ["Courier", "Monitor"], [("Courier", 1, ["Monitor"])],
                 id="according to X and a statement by Y"),
    pytest.param("Forty buses left, according to the Herald and figures from the Monitor.", ["Herald", "Monitor"],
                 ["Herald", "Monitor"], [("Herald", 1, ["Monitor"])], id="according to X and figures from Y"),
    pytest.param("Two hundred people fled, according to the Herald, the Courier and a report of the Monitor.",
                 ["Herald", "Courier", "Monitor"], ["Herald", "Courier", "Monitor"],
                 [("Herald", 1, ["Courier", "Monitor"])], id="a list ending with a report of Y"),
    pytest.param("Forty buses left, according to the Courier and a driver from the Monitor.", ["Courier", "Monitor"],
                 ["Courier", "Monitor"], [("Courier", 1, [])], id="a noun that carries no claim"),
    pytest.param("The Monitor has alleged that forty buses left.", ["Monitor"], ["Monitor"], [("Monitor", 1, [])],
                 id="has alleged"),
    pytest.param("Sixty people died, the Courier alleges.", ["Courier"], ["Courier"], [("Courier", 1, [])],
                 id="alleges, after the claim"),
    pytest.param("The Herald and its allies allege that sixty people fled.", ["Herald"], ["Herald"],
                 [("Herald", 1, [])], id="allege, after a coordinated subject"),
    pytest.param("The Herald saw an alleged attack.", ["Herald"], ["Herald"], [], id="an alleged attack"),
    pytest.param("The Monitor is appealing to all sides to open the road.", ["Monitor"], ["Monitor"],
                 [("Monitor", 1, [])], id="is appealing"),
    pytest.param("The Courier and its partners appealed for calm in the town.", ["Courier"], ["Courier"],
                 [("Courier", 1, [])], id="appealed, after a coordinated subject"),
    pytest.param("Aid must reach the town, the Herald appeals.", ["Herald"], ["Herald"], [("Herald", 1, [])],
                 id="appeals, after the claim"),
    pytest.param("The Herald heard an appeal from the town.", ["Herald"], ["Herald"], [], id="an appeal"),
    pytest.param("The Courier, citing the Monitor, said forty buses left.", ["Courier", "Monitor"],
                 ["Courier", "Monitor"], [("Monitor", 0, []), ("Courier", 3, []), ("Monitor", 1, [])],
                 id="citing: the source cited and the outlet that relays"),
    pytest.param("A Russian officer told the Courier that forty buses left.", ["Courier"], ["Courier"],
                 [("Courier", 2, []), ("Russian military", 1, [])], id="an official, and who was told"),
    pytest.param("Forty buses left, said an Iranian diplomat.", [], [], [("Iranian government", 1, [])],
                 id="an official after the verb"),
    pytest.param("Forty buses leave Kafr Qamar: Monitor", ["Kafr Qamar", "Monitor"], ["Monitor"],
                 [("Monitor", 1, [])], id="a headline ending with its source"),
    pytest.param("Forty buses left Kafr Qamar on Monday.", ["Kafr Qamar"], [], [], id="no speaker"),
    pytest.param("Forty buses left the Monitor's yard, residents said.", ["Monitor"], ["Monitor"], [],
                 id="too far from the verb"),
]


@pytest.mark.parametrize(("text", "names", "voiced", "expected"), ATTRIBUTIONS)
def test_attribution(text: str, names: list[str], voiced: list[str],
                     expected: list[tuple[str, int, list[str]]]) -> None:
    found = Attribution.find(tokenize(Words(text)), list(find_cues(text)), _names(text, names),
                             [name in voiced for name in names], (0, len(text)), KNOWN_SOURCES)
    read = [(frame.official if frame.speaker is None else names[frame.speaker], frame.role,
             [names[k] for k in frame.also]) for frame in found]
    assert read == expected


# --- Backing --------------------------------------------------------------------------------------------------

# (sentence, names in order, the armed groups among them, [(group, backer or nationality)])
BACKINGS = [
    pytest.param("The Sufra Brigade, backed by Ruritania, left the hills.", ["Sufra Brigade", "Ruritania"],
                 ["Sufra Brigade"], [("Sufra Brigade", "Ruritania")], id="backed by, after the group"),
    pytest.param("The Sufra Brigade, which is sponsored by Ruritania, left.", ["Sufra Brigade", "Ruritania"],
                 ["Sufra Brigade"], [("Sufra Brigade", "Ruritania")], id="a relative clause"),
    pytest.param("The Ruritania-backed Sufra Brigade left.", ["Ruritania", "Sufra Brigade"], ["Sufra Brigade"],
                 [("Sufra Brigade", "Ruritania")], id="a state before -backed"),
    pytest.param("The Ruritanian-backed Sufra Brigade left.", ["Sufra Brigade"], ["Sufra Brigade"],
                 [("Sufra Brigade", "Ruritanian")], id="a nationality before -backed"),
    pytest.param("Qamar and the Sufra Brigade, loyal to Ruritania, left.", ["Qamar", "Sufra Brigade", "Ruritania"],
                 ["Sufra Brigade"], [("Sufra Brigade", "Ruritania")], id="the nearest armed group before"),
    pytest.param("The town, backed by Ruritania, held out.", ["Ruritania"], [], [], id="no armed group"),
    pytest.param("The Sufra Brigade left the hills.", ["Sufra Brigade"], ["Sufra Brigade"], [], id="no cue"),
]


@pytest.mark.parametrize(("text", "names", "armed", "expected"), BACKINGS)
def test_backing(text: str, names: list[str], armed: list[str], expected: list[tuple[str, str]]) -> None:
    spans = _names(text, names)
    found = Backing.find(tokenize(Words(text)), list(find_cues(text)), spans, [name in armed for name in names])
    read = [(names[frame.group], names[frame.backer] if frame.backer is not None else frame.nationality)
            for frame in found]
    assert read == expected


# --- Event triggers -------------------------------------------------------------------------------------------

# (sentence, the kinds of its triggers in order)
EVENT_TRIGGERS = [
    pytest.param("Jets pounded the hills in a fierce offensive.", [EventKind.OFFENSIVE], id="an offensive"),
    pytest.param("A deal was signed after weeks of talks.", [EventKind.AGREEMENT, EventKind.NEGOTIATION],
                 id="a deal and the talks before it"),
    pytest.param("The army declared the valley free of gunmen.", [EventKind.STATEMENT], id="an announcement"),
    pytest.param("An air strike hit the market; a truce followed.", [EventKind.AIR_STRIKE, EventKind.CEASEFIRE],
                 id="two kinds in one sentence"),
    pytest.param("The army said forty buses left.", [], id="a speech verb that announces nothing"),
    pytest.param("Two air strikes and a third air strike hit the town.", [EventKind.AIR_STRIKE] * 2,
                 id="one frame per occurrence"),
    pytest.param("The rebels will negotiate with the army.", [], id="a negotiation to come"),
    pytest.param("The gunmen did not surrender.", [], id="a surrender denied"),
    pytest.param("The gunmen were expected to surrender.", [], id="a surrender expected"),
    pytest.param("The gunmen surrendered on Monday.", [EventKind.SURRENDER], id="a surrender told"),
    pytest.param("The council called for an immediate ceasefire.", [], id="a ceasefire demanded"),
    pytest.param("Envoys urged talks between the sides.", [], id="talks urged"),
    pytest.param("A ceasefire called by the army held.", [EventKind.CEASEFIRE], id="a ceasefire in force"),
]


@pytest.mark.parametrize(("text", "kinds"), EVENT_TRIGGERS)
def test_event_triggers(text: str, kinds: list[EventKind]) -> None:
    found = EventTrigger.find(list(find_cues(text)), tokenize(Words(text)))
    assert [trigger.kind for trigger in found] == kinds


# --- Figure ---------------------------------------------------------------------------------------------------

# (sentence, the kind each count takes, in order)
FIGURE_KINDS = [
    pytest.param("At least 300 people were killed in the town.", [FigureKind.KILLED], id="a kind cue after"),
    pytest.param("The strikes killed 120 people.", [FigureKind.KILLED], id="a kind cue before"),
    pytest.param("Some 9,000 people fled through the corridor.", [FigureKind.FLED], id="fled"),
    pytest.param("Buses carried 1,100 passengers, including injured.", [None], id="a part is no kind"),
    pytest.param("Forty buses drove through the corridor with 900 people.", [None, None],
                 id="a corridor makes no bus convoy a flight"),
    pytest.param("About 4,000 people remain in the town, and 200 were killed.",
                 [FigureKind.REMAINING, FigureKind.KILLED], id="each count its own nearest cue"),
    pytest.param("Some 700 people were evacuated on Monday.", [FigureKind.EVACUATED],
                 id="a verb of evacuation competes"),
]


@pytest.mark.parametrize(("text", "kinds"), FIGURE_KINDS)
def test_figure_kinds(text: str, kinds: list[FigureKind | None]) -> None:
    cues = list(find_cues(text))
    numbers = [n for n in find_numbers(text) if n.value is not None]
    scope = CueScope(tokenize(Words(text)), cues, numbers, 0, len(text))
    figure = FigureKinds(cues, FigureKinds.of_sentence(cues), len(text))
    assert [figure.kind_of(n, scope.phrase_start(n.span.start)) for n in numbers] == kinds


# (sentence, the values of the counts a plan cue applies to)
PLAN_SCOPES = [
    pytest.param("About 2,000 fighters left on Monday, and 5,000 more are expected to leave.", [5000],
                 id="the plan of the second phrase only"),
    pytest.param("Some 6,000 gunmen, along with their families, will be evacuated.", [6000],
                 id="a predicate phrase plans the counts before it"),
    pytest.param("About 2,000 fighters left on Monday.", [], id="no plan"),
]


@pytest.mark.parametrize(("text", "planned"), PLAN_SCOPES)
def test_plan_scope(text: str, planned: list[int]) -> None:
    cues = list(find_cues(text))
    numbers = [n for n in find_numbers(text) if n.value is not None]
    counts = CueScope(tokenize(Words(text)), cues, numbers, 0, len(text)).counts_of(Cue.PLANNED, leading=True)
    assert [n.value for n in numbers if id(n) in counts] == planned
