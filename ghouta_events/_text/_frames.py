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
from collections.abc import Container, Sequence
from typing import ClassVar, Final, NamedTuple

from attrs import frozen

from .._model import EventKind
from ._chunks import Tokens, compound_head, mark_before, official_after, official_before
from ._cues import Cue, CueForm, CueHit
from ._lexicon import SOURCE_JOINERS
from ._readers import lead_in, speaker_gap

__all__ = ["FRAMES", "Attribution", "Backing", "EventTrigger", "NameSpans", "nearest_marked"]


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
        joiner      := ('and' | ',') ['the' | 'a' | 'an']

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


@frozen
class EventTrigger:
    """A word that tells an event of one kind: one frame per occurrence. The grammar:

    .. code-block:: text

        event_trigger := offensive_cue | agreement_cue | negotiation_cue | surrender_cue | chemical_cue
                       | air_strike_cue | ceasefire_cue | statement_cue
                       | announcement                    ("announced", "declared": the announcement is the news)

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
    def find(cues: Sequence[CueHit]) -> list[EventTrigger]:
        """Every event trigger among ``cues``, in order."""
        found = []
        for cue in cues:
            kind = EventTrigger.KINDS.get(cue.cue)
            if kind is None and cue.form is CueForm.ANNOUNCEMENT:
                kind = EventKind.STATEMENT
            if kind is not None:
                found.append(EventTrigger(kind=kind, start=cue.start, end=cue.end))
        return found


#: The frames, in the order the rules read them.
FRAMES: Final = (Attribution, Backing, EventTrigger)
