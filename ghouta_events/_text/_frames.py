"""Frames, declared as data: the named patterns that the rules read a clause through.

A frame is a record of what one pattern found, with the grammar of the pattern in its docstring, the cue kinds
that open it in ``TRIGGERS``, and a ``find`` function that reads it from the chunks and mentions of one sentence
(tokens, cue hits, the spans of known names) and never from the characters of the text. The rules (the discourse
stage) decide what the names in a frame stand for; a frame only says which mention fills which slot. Each frame
has its own table of invented example sentences in ``tests/test_frames.py``.

:data:`FRAMES` lists them, in the order the rules read them.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Container, Mapping, Sequence
from typing import ClassVar, Final, NamedTuple

from attrs import frozen

from .._model import EventKind, FigureKind
from ._chunks import (
    PlaceGroup,
    Tokens,
    boarding_place,
    compound_head,
    halted_at,
    is_onward,
    locative_after,
    mark_before,
    movers_of,
    official_after,
    official_before,
    phrase_bounds,
    read_place_group,
)
from ._cues import Cue, CueForm, CueHit
from ._lexicon import (
    ARTICLES,
    CARRIER_PREPOSITIONS,
    CLAIM_CARRIERS,
    CLOSED_CLASS,
    DEMAND_VERBS,
    DETERMINERS,
    EVACUATE_VERBS,
    EVACUATED_NOUNS,
    SOURCE_JOINERS,
)
from ._numbers import NumberMention
from ._readers import deployed_after, lead_in, people_subject, speaker_gap
from ._verbs import Modality, Tense, Voice, verb_group

__all__ = ["FRAMES", "Attribution", "Backing", "CueScope", "EventTrigger", "FigureKinds", "Movement", "NameSpans",
           "PlaceSlot", "entering_as_arrival", "nearest_marked"]


class NameSpans(NamedTuple):
    """The known names of a sentence, in order: where each starts and ends (names never overlap)."""

    starts: list[int]
    ends: list[int]


def nearest_marked(marks: Sequence[bool]) -> tuple[list[int | None], list[int | None]]:
    """For each index, the nearest marked index at or before it, and the nearest at or after it (``None``: none)."""
    before: list[int | None] = []
    last: int | None = None
    for i, marked in enumerate(marks):
        last = i if marked else last
        before.append(last)
    after: list[int | None] = [None] * len(marks)
    following: int | None = None
    for i in range(len(marks) - 1, -1, -1):
        following = i if marks[i] else following
        after[i] = following
    return before, after


@frozen
class Backing:
    """A state backs an armed group. The grammar:

    .. code-block:: text

        backing := group ... backed_by backer        ("the Sufra Brigade, backed by Ruritania")
                 | backer '-backed' ... group         ("the Ruritania-backed Sufra Brigade")
                 | nationality '-backed' ... group    ("the Ruritanian-backed Sufra Brigade")
        backed_by := 'backed by' | 'sponsored by' | 'supported by' | 'funded by' | 'armed by' | 'allied to'
                   | 'allied with' | 'loyal to'

    The group is the nearest armed group named before "backed by", or the first after "-backed"; the backer is the
    first name after "backed by", the name that ends at the hyphen of "-backed", or else the word before the
    hyphen (a nationality, for the rules to look up).
    """

    TRIGGERS: ClassVar[frozenset[Cue]] = frozenset({Cue.BACKED_BY, Cue.BACKED})

    group: int  # the index of the group's name among the sentence's names
    backer: int | None  # the index of the backer's name, or None
    nationality: str | None  # the word before "-backed" when no name ends there

    @staticmethod
    def find(tokens: Tokens, cues: Sequence[CueHit], names: NameSpans, armed: Sequence[bool]) -> list[Backing]:
        """The backings of one sentence: ``cues`` are its cue hits, ``names`` its known names and ``armed`` whether
        each of them is an armed group."""
        triggers = [cue for cue in cues if cue.cue in Backing.TRIGGERS]
        if not triggers:
            return []
        starts, ends = names
        count = len(starts)
        # For each name, the nearest armed group at or before it and at or after it, so that each cue finds its
        # group in constant time however many names the sentence holds.
        groups_before, groups_after = nearest_marked(armed)
        found: list[Backing] = []
        for cue in triggers:
            group: int | None
            backer: int | None
            nationality = None
            if cue.cue is Cue.BACKED_BY:
                before = bisect.bisect_right(ends, cue.start) - 1  # names ending at or before the cue
                group = groups_before[before] if before >= 0 else None
                after = bisect.bisect_left(starts, cue.end)
                backer = after if after < count else None
            else:
                at = bisect.bisect_left(ends, cue.start)
                backer = at if at < count and ends[at] == cue.start else None
                after = bisect.bisect_right(starts, cue.end)
                group = groups_after[after] if after < count else None
                if backer is None:
                    nationality = compound_head(tokens, cue.start)
            if group is not None:
                found.append(Backing(group=group, backer=backer, nationality=nationality))
        return found


# A speech verb after a comma or a closing quote: the speaker follows (", said the Observatory").
_SPEAKER_AFTER_MARKS: Final = frozenset({",", "\"", "\u201d", "'"})
# A headline that ends with its source: "..., Russia Says"; "...: state media".
_HEADLINE_SOURCE_MARKS: Final = frozenset({":", "-", "\u2013", "\u2014"})
# What may follow the source that ends a headline.
_HEADLINE_CLOSERS: Final = frozenset({".", "\"", "'", "\u201d"})
# The role of the source after each cue: the originator (0) before who spoke (1), who heard it (2), who relays (3).
_ROLE_AFTER: Final = {Cue.CITING: 0, Cue.ACCORDING_TO: 1, Cue.TOLD: 2}
_RELAYS: Final = 3


@frozen
class Attribution:
    """Who a sentence's claims come from: a known source that speaks, or an official named by nationality and rank.
    The grammar:

    .. code-block:: text

        attribution := ('according to' | 'citing' | 'told') lead_in speaker (joiner speaker)*
                     | speaker speaker_gap 'citing' ...                       (the outlet that relays)
                     | official speech_verb  |  speech_verb official          ("a Russian officer said")
                     | speaker speaker_gap speech_verb                         ("SANA said")
                     | (',' | quote) speech_verb lead_in speaker               (", said the Observatory")
                     | ... (':' | '-' | dash) speaker closer*                  (a headline ending with its source)
        lead_in     := word{0,4}
        joiner      := ('and' | ',') ['the' | 'a' | 'an'] [carrier ('by' | 'from' | 'of') determiner*]
        carrier     := 'statement' | 'report' | 'figures' | 'data' | 'tally' | ...   ("and a statement by the WHO")

    ``role`` orders the sources of a claim from its origin: 0 for the source cited, 1 for who spoke, 2 for who was
    told, 3 for the outlet that relays. Only the first speaker after "according to" takes its coordinated
    speakers as ``also`` ("according to SANA and the Observatory").
    """

    TRIGGERS: ClassVar[frozenset[Cue]] = frozenset({Cue.ACCORDING_TO, Cue.CITING, Cue.TOLD, Cue.SPEECH,
                                                    Cue.CORRESPONDENT})

    speaker: int | None  # the index of the speaking name, or None for an official
    official: str | None  # the source an official's noun group speaks for
    role: int
    position: int  # where the speaker stands (the verb, for an official): the order among sources of one role
    also: tuple[int, ...] = ()  # the names coordinated with the speaker

    @staticmethod
    def find(tokens: Tokens, cues: Sequence[CueHit], names: NameSpans, voiced: Sequence[bool],
             sentence: tuple[int, int], known_sources: Container[str]) -> list[Attribution]:
        """The attributions of one sentence (``sentence`` is its span): ``names`` are its known names, ``voiced``
        whether each can speak, ``known_sources`` the sources an official may speak for."""
        starts, ends = names
        # Names do not overlap, so their starts and ends are both in order: each cue finds its nearest speaker by
        # bisection, however many names and cues the sentence holds.
        speaking = [i for i, can in enumerate(voiced) if can]
        voiced_starts = [starts[i] for i in speaking]
        voiced_ends = [ends[i] for i in speaking]
        claimed: set[int] = set()  # the names inside an official's noun group ("Russian" of "a Russian officer")
        found: list[Attribution] = []
        items = tokens.items

        def following(position: int) -> int | None:
            at = bisect.bisect_left(voiced_starts, position)
            if at == len(speaking):
                return None
            start = voiced_starts[at]
            if start == position or lead_in(tokens, tokens.at_or_after(position), tokens.at_or_after(start)):
                return at
            return None

        def coordinated(at: int) -> int | None:
            """The speaker joined to speaker ``at`` by "and" or a comma ("SANA and the Observatory")."""
            index = tokens.at_or_after(voiced_ends[at])
            joined = False
            while index < len(items) and items[index].lower in SOURCE_JOINERS:
                joined = joined or items[index].lower in ("and", ",")
                index += 1
            if not joined or index >= len(items):
                return None
            # what carries the source's claim: "and a statement by the WHO", "and figures from the Observatory"
            if (index + 1 < len(items) and items[index].lower in CLAIM_CARRIERS
                    and items[index + 1].lower in CARRIER_PREPOSITIONS):
                index += 2
                while index < len(items) and items[index].lower in DETERMINERS:
                    index += 1
                if index >= len(items):
                    return None
            other = bisect.bisect_left(voiced_starts, items[index].start)
            return other if other < len(speaking) and voiced_starts[other] == items[index].start else None

        def spoke(at: int, role: int, also: tuple[int, ...] = ()) -> None:
            found.append(Attribution(speaker=speaking[at], official=None, role=role, position=voiced_starts[at],
                                     also=tuple(speaking[k] for k in also)))

        for cue in cues:
            if cue.cue in _ROLE_AFTER:
                # The source after the cue: "according to SANA", "citing a military source", "told Reuters".
                after = following(cue.end)
                if after is not None:
                    also: list[int] = []
                    if cue.cue is Cue.ACCORDING_TO:
                        # "according to Reuters, AFP and SANA": more sources of the same claims
                        other = coordinated(after)
                        while other is not None:
                            also.append(other)
                            other = coordinated(other)
                    spoke(after, _ROLE_AFTER[cue.cue], tuple(also))
            if cue.cue is Cue.CITING:
                # The outlet that cites comes before the cue and relays: "Reuters quoted SANA as saying".
                index = bisect.bisect_right(voiced_ends, cue.start) - 1  # the last name ending before the cue
                if index >= 0 and speaker_gap(tokens, tokens.at_or_after(voiced_ends[index]),
                                              tokens.at_or_after(cue.start)):
                    spoke(index, _RELAYS)
                continue
            if cue.cue not in (Cue.SPEECH, Cue.TOLD, Cue.CORRESPONDENT):
                continue
            # An official named by nationality and rank, who wins over a name inside the group ("Russian"):
            # "a Russian officer said", "said an Iranian diplomat".
            verb = tokens.at_or_after(cue.start)
            if cue.cue is Cue.SPEECH and verb > 0 and items[verb - 1].lower in ARTICLES:
                continue  # a noun, not a verb: "a report of the Observatory", "the claims"
            official = official_before(tokens, verb)
            named = bisect.bisect_left(voiced_ends, cue.start) - 1  # a name ending before the verb
            if official is not None and named >= 0 and voiced_ends[named] >= items[verb - 1].end:
                official = None  # a name of the gazetteer that holds the noun: "Syrian pro-government sources"
            if official is None and cue.cue is Cue.SPEECH:
                official = official_after(tokens, tokens.at_or_after(cue.end))
            if official is not None and official[0] in known_sources:
                found.append(Attribution(speaker=None, official=official[0], role=1, position=cue.start))
                group_start = items[official[1]].start
                claimed.update(start for start in voiced_starts if group_start <= start < cue.start)
                continue
            # The speaker before the verb: "SANA said", "the Observatory's head, Rami Abdel Rahman, said".
            index = bisect.bisect_left(voiced_starts, cue.start) - 1  # the last name starting before the cue
            if index >= 0 and voiced_starts[index] not in claimed and speaker_gap(
                    tokens, tokens.at_or_after(min(voiced_ends[index], cue.start)), verb):
                spoke(index, 1)
                continue
            # The speaker after the verb, which then follows a comma or a quote: ', said the Observatory'.
            before = items[verb - 1] if verb > 0 else None
            if (cue.cue is Cue.SPEECH and before is not None and before.text in _SPEAKER_AFTER_MARKS
                    and before.start >= sentence[0]):
                after = following(cue.end)
                if after is not None:
                    spoke(after, 1)
        # A headline that ends with its source: "..., Russia Says"; "...: state media".
        if starts and voiced[-1]:
            past, end_at = tokens.at_or_after(ends[-1]), tokens.at_or_after(sentence[1])
            closes = all(t.text in _HEADLINE_CLOSERS for t in items[past:end_at])
            if closes and mark_before(tokens, tokens.at_or_after(starts[-1])) in _HEADLINE_SOURCE_MARKS:
                spoke(len(speaking) - 1, 1)
        return found


#: The modalities of a verb group that tell no event: what is to come, expected or only possible.
_UNSTATED: Final = frozenset({Modality.FUTURE, Modality.CONDITIONAL, Modality.EXPECTED, Modality.PLANNED,
                              Modality.ORDERED})


#: The most words between a demand verb (and "for") and the noun it demands ("called for an immediate ceasefire").
_DEMAND_REACH: Final = 3


def _demanded(tokens: Tokens, index: int) -> bool:
    """Whether the noun group that token ``index`` heads is the object of a demand. The grammar:

    .. code-block:: text

        demanded := demand_verb ['for'] (determiner | modifier){0,3} noun

    ("called for a ceasefire", "urged an immediate truce", "demanding talks").
    """
    items = tokens.items
    i = index - 1
    while i >= 0 and index - i <= _DEMAND_REACH and items[i].word and (
            items[i].lower in DETERMINERS or (items[i].lower not in CLOSED_CLASS and items[i].lower != "for"
                                              and items[i].lower not in DEMAND_VERBS)):
        i -= 1
    if i >= 0 and items[i].lower == "for":
        i -= 1
    return i >= 0 and items[i].lower in DEMAND_VERBS


@frozen
class EventTrigger:
    """A word that tells an event of one kind: one frame per occurrence. The grammar:

    .. code-block:: text

        event_trigger := offensive_cue | agreement_cue | negotiation_cue | surrender_cue | chemical_cue
                       | air_strike_cue | ceasefire_cue | statement_cue
                       | announcement                    ("announced", "declared": the announcement is the news)
        (not when its verb group is negated or modal, nor when a demand verb governs it: "called for a ceasefire")

    The cue phrases of each kind are in the lexicon; ``KINDS`` says which kind each cue kind triggers. The place,
    parties and day of the event are read by the rules from the sentence around the trigger.
    """

    KINDS: ClassVar[dict[Cue, EventKind]] = {
        Cue.OFFENSIVE: EventKind.OFFENSIVE,
        Cue.AGREEMENT: EventKind.AGREEMENT,
        Cue.NEGOTIATION: EventKind.NEGOTIATION,
        Cue.SURRENDER: EventKind.SURRENDER,
        Cue.CHEMICAL: EventKind.CHEMICAL_ATTACK,
        Cue.AIR_STRIKE: EventKind.AIR_STRIKE,
        Cue.CEASEFIRE: EventKind.CEASEFIRE,
        Cue.STATEMENT: EventKind.STATEMENT,
    }
    TRIGGERS: ClassVar[frozenset[Cue]] = frozenset({*KINDS, Cue.SPEECH})

    kind: EventKind
    start: int  # where the trigger starts
    end: int  # where it ends

    @staticmethod
    def find(cues: Sequence[CueHit], tokens: Tokens | None = None) -> list[EventTrigger]:
        """Every event trigger among ``cues``, in order; with ``tokens``, a trigger whose verb group does not state
        that it happened (negated, planned, expected, conditional: "will negotiate", "did not surrender"), or that
        a demand names ("called for a ceasefire"), is left out."""
        found = []
        for cue in cues:
            kind = EventTrigger.KINDS.get(cue.cue)
            if kind is None and cue.form is CueForm.ANNOUNCEMENT:
                kind = EventKind.STATEMENT
            if kind is None:
                continue
            if tokens is not None:
                index = tokens.at_or_after(cue.start)
                group = verb_group(tokens, index)
                if group.negated or group.modality in _UNSTATED or _demanded(tokens, index):
                    continue
            found.append(EventTrigger(kind=kind, start=cue.start, end=cue.end))
        return found


class PlaceSlot(NamedTuple):
    """A place slot of a movement: its role ("origin", "destination" or "crossing") and what fills it: the place
    group a movement word governs (``onward`` when the word names the next step of the journey: "before heading
    to X"), or a crossing noun (its token index)."""

    role: str
    group: PlaceGroup | None = None
    crossing: int | None = None
    onward: bool = False


def entering_as_arrival(cue: CueHit) -> CueHit:
    """A verb of entering read as one of arrival, for a clause whose subject is people who move (see
    :func:`~._readers.people_subject`): the place it governs is where they arrived."""
    return CueHit(cue=Cue.ARRIVE, start=cue.start, end=cue.end, text=cue.text)


#: The modalities of a verb group that tell a movement still to come.
_PLANS: Final = frozenset({Modality.FUTURE, Modality.PLANNED, Modality.EXPECTED})


@frozen
class Movement:
    """The movement frame's places: the place groups that the movement words of a clause govern. The grammar:

    .. code-block:: text

        origin      := people_subject evacuate_verb open_place_group     ("rebels evacuate X", active)
                     | ('from' | leave_verb | evacuated_verb) open_place_group   ("left the besieged enclave
                                                                           of X", "have left X";
                                                                           not a leave_verb of a plan beside a
                                                                           movement told as a past fact)
                       (an open group ends before the next verb of movement, arrival or speech)
                     | boarding_verb word{0,4} ('in' | 'at') closed_place_group   ("boarded 30 buses in X")
                     | mover_noun 'of' closed_place_group                  ("the people of the town of X")
        destination := ('to' | 'toward' | arrive_verb | 'crossed into' | going_phrase) closed_place_group
                       (not after a deployment: "the army moves into X")
                     | people_mover verb_group(enter) closed_place_group   ("the rebels were allowed to enter X")
                     | bare_arrival time_word* ('in' | 'at') closed_place_group   ("arrived late on Monday in X")
                     | onward_word verb_word{0,3} 'to' closed_place_group  (onward: "before driving on to X")
        crossing    := destination_group crossing_noun                      ("reached the Arbin crossing")
                     | crossing_noun                                        (the rules find the town it is named for)
                       (not one halted at on the way: "stopped at the X checkpoint before driving on to Y")

    (The place group grammar is :func:`~._chunks.read_place_group`'s.) A movement word inside a known name ("the
    Observatory *for* Human Rights") governs nothing. The slots come in the order of their words, the origins of
    mover nouns last; the rules resolve the names of each group to places and pick one origin and one destination
    ("X-bound" names are found once per report by the rules). Who moved, how many and when are still read by the
    rules clause by clause.
    """

    TRIGGERS: ClassVar[frozenset[Cue]] = frozenset({Cue.FROM, Cue.LEAVE, Cue.TO, Cue.ARRIVE, Cue.CROSSING, Cue.MOVE,
                                                    Cue.FLED, Cue.EVACUATED})
    #: The cues of verbs that end an open group before them.
    VERBS: ClassVar[frozenset[Cue]] = frozenset({Cue.LEAVE, Cue.ARRIVE, Cue.MOVE, Cue.ENTER, Cue.SPEECH, Cue.FLED,
                                                 Cue.EVACUATED})

    slots: tuple[PlaceSlot, ...]

    @staticmethod
    def governed(tokens: Tokens, cue: CueHit, stop: int, known: Mapping[int, int], *, closed: bool,
                 open_names: bool) -> PlaceGroup | None:
        """The place group a movement word governs, before token ``stop``. An arrival verb governs the locative
        group that follows it past adverbs of time ("arrived late on Monday at X")."""
        index = tokens.at_or_after(cue.end)
        if cue.cue is Cue.ARRIVE and cue.form is CueForm.BARE_ARRIVAL:
            index = locative_after(tokens, index, stop)
        return read_place_group(tokens, index, known, closed=closed, open_names=open_names, stop=stop)

    @staticmethod
    def _planned(tokens: Tokens, cue: CueHit, first: int) -> bool:
        """Whether a movement verb heads a verb group of a plan, an expectation or a future ("set to leave", "will
        leave", "are expected to depart")."""
        return verb_group(tokens, tokens.at_or_after(cue.start), first).modality in _PLANS

    @staticmethod
    def _before_destination(tokens: Tokens, cue: CueHit, heads: set[int]) -> bool:
        """Whether a word of destination follows a verb of leaving right away ("set off in the direction of X",
        "left for X"): the verb then has no object of place."""
        return tokens.at_or_after(cue.end) in heads

    @staticmethod
    def _left_by_movers(tokens: Tokens, cue: CueHit, first: int) -> bool:
        """Whether a verb of evacuation is active with people who move as its subject ("rebels evacuate X"): its
        object is the place they left."""
        index = tokens.at_or_after(cue.start)
        return verb_group(tokens, index, first).voice is Voice.ACTIVE and people_subject(tokens, index, first)

    @staticmethod
    def _told_as_fact(tokens: Tokens, cues: Sequence[CueHit], first: int) -> bool:
        """Whether a clause tells a movement as a fact in the past: a verb of leaving, moving or arriving whose
        group is asserted and past ("boarded", "left", "were bussed")."""
        for cue in cues:
            if cue.cue in (Cue.LEAVE, Cue.MOVE, Cue.ARRIVE):
                group = verb_group(tokens, tokens.at_or_after(cue.start), first)
                if group.asserted and group.tense is Tense.PAST:
                    return True
        return False

    @staticmethod
    def find(tokens: Tokens, cues: Sequence[CueHit], known: Mapping[int, int], names: NameSpans, first: int,
             stop: int, *, open_names: bool) -> Movement:
        """The place slots of a clause: ``cues`` are its cue hits, ``first`` its first token after any dateline and
        ``stop`` the token after it, ``known`` maps the start of each known name to its end, ``names`` are all the
        known names (for the words inside them), and ``open_names`` whether names the gazetteer does not know may
        fill a slot."""
        starts, ends = names
        slots: list[PlaceSlot] = []
        told = Movement._told_as_fact(tokens, cues, first)
        deployed = deployed_after(tokens, first, stop)
        # An open group ends before the next verb of the clause ("the convoy from the two villages *reached* X").
        verbs = [tokens.at_or_after(c.start) for c in cues if c.cue in Movement.VERBS and c.form not in _NOUN_FORMS]
        heads = {tokens.at_or_after(c.start) for c in cues if c.cue is Cue.TO}  # where destination words start
        for cue in cues:
            inside = bisect.bisect_right(starts, cue.start) - 1
            if inside >= 0 and starts[inside] < cue.start < ends[inside]:
                continue  # "the Observatory for Human Rights"
            group: PlaceGroup | None
            if cue.cue is Cue.LEAVE and told and Movement._planned(tokens, cue, first):
                continue  # "boarded buses under a deal set to leave X as the last pocket": the plan's place
            if cue.cue in (Cue.TO, Cue.ARRIVE) and tokens.at_or_after(cue.start) in deployed:
                continue  # "the army moves into X": where a force deploys
            if cue.cue is Cue.ENTER and people_subject(tokens, tokens.at_or_after(cue.start), first):
                cue = entering_as_arrival(cue)  # "the rebels were allowed to enter X"
            if cue.cue is Cue.LEAVE and Movement._before_destination(tokens, cue, heads):
                continue  # "set off in the direction of X": the preposition governs the place, not the verb
            if cue.cue in (Cue.FROM, Cue.LEAVE) or (cue.cue is Cue.MOVE and cue.text.lower() in EVACUATE_VERBS
                  and Movement._left_by_movers(tokens, cue, first)) or (
                    cue.cue is Cue.EVACUATED and cue.text.lower() not in EVACUATED_NOUNS):  # "have left X"
                next_verb = bisect.bisect_right(verbs, tokens.at_or_after(cue.start))
                until = min(stop, verbs[next_verb]) if next_verb < len(verbs) else stop
                group = Movement.governed(tokens, cue, until, known, closed=False, open_names=open_names)
                if group is not None:
                    slots.append(PlaceSlot("origin", group=group))
            elif cue.cue is Cue.MOVE and cue.form is CueForm.BOARDING_VERB:
                at = boarding_place(tokens, tokens.at_or_after(cue.end), stop)
                group = None if at is None else read_place_group(tokens, at, known, closed=True,
                                                                  open_names=open_names, stop=stop)
                if group is not None:
                    slots.append(PlaceSlot("origin", group=group))
            elif cue.cue in (Cue.TO, Cue.ARRIVE) or cue.form in _DESTINATION_FORMS:
                group = Movement.governed(tokens, cue, stop, known, closed=True, open_names=open_names)
                if group is not None:
                    onward = (cue.cue is Cue.TO or cue.form is CueForm.GOING_PHRASE) and is_onward(
                        tokens, tokens.at_or_after(cue.start))
                    slots.append(PlaceSlot("destination", group=group, onward=onward))
            elif cue.cue is Cue.CROSSING and not halted_at(tokens, tokens.at_or_after(cue.start)):
                slots.append(PlaceSlot("crossing", crossing=tokens.at_or_after(cue.start)))
        for at in movers_of(tokens, first, stop):  # "the people of the town of X": X is where they left
            group = read_place_group(tokens, at, known, closed=True, open_names=open_names, stop=stop)
            if group is not None:
                slots.append(PlaceSlot("origin", group=group))
        return Movement(slots=tuple(slots))


#: The reach of a kind cue after the clause of a count, in characters ("511,000 people who have been killed").
KIND_REACH_AFTER: Final = 40


#: The forms of cues of other kinds that end in the preposition of a destination ("crossed into", "set out for").
_DESTINATION_FORMS: Final = frozenset({CueForm.INTO_PHRASE, CueForm.GOING_PHRASE})
#: The forms of movement cues that are nouns, not verbs ("the evacuation", "departures").
_NOUN_FORMS: Final = frozenset({CueForm.MOVEMENT_NOUN, CueForm.PLURAL_MOVEMENT_NOUN})


def _evacuation_verb(cue: CueHit) -> bool:
    """Whether a cue is a verb of evacuation ("evacuated", "were bussed"), which gives a count no figure kind."""
    return cue.cue is Cue.MOVE and cue.form is CueForm.EVACUATION_VERB


class FigureKinds:
    """The figure frame: a count of people and the kind cue nearest to it. The grammar:

    .. code-block:: text

        figure    := count ... kind_cue  |  kind_cue ... count
        kind_cue  := killed | wounded | fled | displaced | shelters | remaining | residents | released
                   | evacuation_verb                  (competes, and makes the count a movement's)

    A figure takes the kind of the nearest kind cue of its clause, or of a relative clause right after it, within
    40 characters ("511,000 people who have been killed"). A cue after the count is as near as its distance; one
    before it, twice its distance; on a tie the cue before wins, then the one inside the clause. A cue in a phrase
    before the count's own counts only when no cue stands in the count's phrase or after it. A corridor does not
    make a bus convoy a flight, and a kind word right after "including" names a part, not the whole ("1,100
    passengers, including injured"). Which counts a plan, total or deal cue applies to is :class:`CueScope`'s.

    ``sentence`` holds the kind cues of the whole sentence (:meth:`of_sentence`, made once per sentence); ``end``
    is where the clause ends. A kind word in the noun group after a breakdown word names a part (``part_ends``,
    each breakdown cue's end mapped to where its noun group ends: "including injured", "among them sick and
    injured people"), and the noun right after a breakdown count is that count's own (``nouns``, the noun's start
    mapped to the count's: "500 people, among them 30 *wounded*" gives the 500 no kind).
    """

    #: Cues that tell a figure's kind, in the order they are tried when several stand near a count.
    KINDS: ClassVar[dict[Cue, FigureKind]] = {
        Cue.KILLED: FigureKind.KILLED,
        Cue.WOUNDED: FigureKind.WOUNDED,
        Cue.FLED: FigureKind.FLED,
        Cue.DISPLACED: FigureKind.DISPLACED,
        Cue.SHELTERS: FigureKind.IN_SHELTERS,
        Cue.REMAINING: FigureKind.REMAINING,
        Cue.RESIDENTS: FigureKind.RESIDENTS,
        Cue.RELEASED: FigureKind.RELEASED,
        Cue.RETURNED: FigureKind.OTHER,  # returns are figures of their own, of no kind of the list
    }
    TRIGGERS: ClassVar[frozenset[Cue]] = frozenset({*KINDS, Cue.MOVE})

    __slots__ = ("end", "inside", "inside_starts", "nouns", "outside", "outside_starts", "vehicles")

    def __init__(self, clause_cues: Sequence[CueHit], sentence: tuple[list[int], list[tuple[int, int, FigureKind]]],
                 end: int, part_ends: Mapping[int, int] | None = None, nouns: Mapping[int, int] | None = None) -> None:
        self.vehicles = any(c.cue is Cue.CONVOY for c in clause_cues)
        ends = part_ends or {}
        # a kind word in the noun group after "including" names a part, not the whole ("1,100 passengers,
        # including injured")
        parts = {c.start for p, c in itertools.pairwise(clause_cues)
                 if p.cue is Cue.BREAKDOWN and p.end <= c.start
                 and (c.end <= ends[p.end] if p.end in ends else c.start - p.end <= 2)}
        self.inside: list[tuple[int, int, FigureKind | None]] = [
            (c.start, c.end, FigureKind.EVACUATED if _evacuation_verb(c) else self.KINDS.get(c.cue))
            for c in clause_cues if c.start not in parts and (
                (c.cue in self.KINDS and not (self.vehicles and c.cue is Cue.FLED)) or _evacuation_verb(c))]
        self.inside_starts = [c[0] for c in self.inside]
        self.outside_starts, self.outside = sentence
        self.end = end
        self.nouns: Mapping[int, int] = nouns or {}

    @classmethod
    def of_sentence(cls, cues: Sequence[CueHit]) -> tuple[list[int], list[tuple[int, int, FigureKind]]]:
        """The kind cues of a sentence (start, end, kind), and where each starts."""
        found = [(c.start, c.end, kind) for c in cues if (kind := cls.KINDS.get(c.cue)) is not None]
        return [c[0] for c in found], found

    def adjective(self, number: NumberMention, head_start: int) -> bool:
        """Whether a kind cue stands inside the count's noun group, between the count and its head noun ("400
        *wounded* civilians", "3,200 *displaced* people"): an adjective that says who is counted."""
        after = bisect.bisect_left(self.inside_starts, number.span.end)
        return after < len(self.inside) and self.inside_starts[after] < head_start

    def first_between(self, start: int, end: int) -> FigureKind | None:
        """The kind of the first kind cue of the clause in ``[start, end)``, or ``None``."""
        at = bisect.bisect_left(self.inside_starts, start)
        return self.inside[at][2] if at < len(self.inside) and self.inside_starts[at] < end else None

    def kind_of(self, number: NumberMention, phrase_start: int) -> FigureKind | None:
        """The kind of a count whose phrase starts at ``phrase_start``; ``EVACUATED`` for a verb of evacuation."""
        first, last = number.span.start, number.span.end
        best: tuple[int, FigureKind | None] | None = None
        after = bisect.bisect_left(self.inside_starts, last)  # the first cue of the clause starting after the count
        own_phrase = after > 0 and self.inside_starts[after - 1] >= phrase_start
        if after > 0 and (own_phrase or after == len(self.inside)):
            # the nearest before it: the last one that starts before its end
            _, cue_end, kind = self.inside[after - 1]
            best = ((first - cue_end) * 2, kind)
        if after < len(self.inside):
            cue_start, _, kind = self.inside[after]
            # a kind word that is another count's own noun is that count's ("500 people, among them 30 wounded")
            if self.nouns.get(cue_start, first) == first and (best is None or cue_start - last < best[0]):
                best = (cue_start - last, kind)
        # the first kind cue after the clause, within reach of the count
        near = bisect.bisect_left(self.outside_starts, max(last, self.end))
        while near < len(self.outside) and self.outside_starts[near] - last <= KIND_REACH_AFTER:
            cue_start, _, kind = self.outside[near]
            if self.vehicles and kind is FigureKind.FLED:
                near += 1
                continue
            if self.nouns.get(cue_start, first) != first:
                break
            if best is None or cue_start - last < best[0]:
                best = (cue_start - last, kind)
            break
        return None if best is None else best[1]


class CueScope:
    """Which counts of a clause a plan, total or deal cue applies to: the counts of its own phrase. The grammar:

    .. code-block:: text

        clause  := phrase ((',' | dash | ('and' | 'but') count) phrase)*
        scope   := the counts of the cue's phrase
                 | the counts of the nearest phrase before, when the cue opens a phrase's verb group and its
                   phrase holds no count ("Some 6,000 gunmen, along with their families, will be evacuated")
                 | every count, when the cue's phrase comes before them all and ``leading`` ("So far, 24,889
                   people have left")

    "2,000 left on Monday, and 5,000 more are expected to leave": the plan applies to 5,000 only. The caller says
    whether a cue may lead: a total cue does not lead a clause that states one day ("In total, 20 buses took 900
    people out on Monday" is that day's convoy).
    """

    __slots__ = ("bounds", "counted", "cues", "numbers", "opening", "start")

    def __init__(self, tokens: Tokens, cues: Sequence[CueHit], numbers: Sequence[NumberMention], start: int,
                 end: int) -> None:
        number_starts = {n.span.start for n in numbers}
        self.start = start
        self.cues = cues
        self.bounds, self.opening = phrase_bounds(tokens, tokens.at_or_after(start), tokens.at_or_after(end),
                                                  number_starts)
        # A number inside a window's words ("over *two* days", "in the past *24* hours") is part of the cue: it
        # counts nothing, and its phrase is not counted for it. Only windows (total cues) hold numbers.
        windows = [(c.start, c.end) for c in cues if c.cue is Cue.CUMULATIVE]  # in order of position
        starts = [low for low, _ in windows]

        def in_a_cue(position: int) -> bool:
            at = bisect.bisect_right(starts, position) - 1
            return at >= 0 and position < windows[at][1]

        self.numbers = [(bisect.bisect_right(self.bounds, n.span.start), id(n)) for n in numbers
                        if not (windows and in_a_cue(n.span.start))]
        self.counted = {phrase for phrase, _ in self.numbers}

    def phrase_start(self, position: int) -> int:
        """Where the phrase that ``position`` lies in starts (a comma's offset, or the clause's start)."""
        phrase = bisect.bisect_right(self.bounds, position)
        return self.bounds[phrase - 1] if phrase > 0 else self.start

    def phrase_at(self, position: int) -> int:
        """The number of the phrase that ``position`` lies in."""
        return bisect.bisect_right(self.bounds, position)

    def counts_of(self, cue: Cue, *, leading: bool, besides: CueForm | None = None) -> set[int]:
        """The ids of the counts the cues of kind ``cue`` apply to (but for those of the form ``besides``)."""
        return self.counts_in(self.phrases_of(cue, leading=leading, besides=besides))

    def counts_in(self, phrases: set[int]) -> set[int]:
        """The ids of the counts that stand in ``phrases``."""
        return {number for phrase, number in self.numbers if phrase in phrases}

    def phrases_of(self, cue: Cue, *, leading: bool, besides: CueForm | None = None) -> set[int]:
        """The phrases whose counts the cues of kind ``cue`` apply to (but for those of the form ``besides``)."""
        phrases: set[int] = set()
        for hit in self.cues:
            if hit.cue is not cue or (besides is not None and hit.form is besides):
                continue
            phrase = bisect.bisect_right(self.bounds, hit.start)
            if phrase in self.counted:
                phrases.add(phrase)
            elif self.counted and phrase < min(self.counted):
                if leading:
                    phrases |= self.counted
            elif self.opening.get(phrase, -1) >= hit.start:  # the cue opens its phrase's verb group
                earlier = [p for p in self.counted if p < phrase]
                if earlier:
                    phrases.add(max(earlier))
            else:
                phrases.add(phrase)  # no count: the phrase itself (for the dates it holds)
        return phrases


#: The frames, in the order the rules read them.
FRAMES: Final = (Attribution, Movement, Backing, FigureKinds, EventTrigger)
