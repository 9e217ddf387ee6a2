"""The discourse stage: from the frames of one report's sentences to its records (convoys, figures, events).

The text layer (``_text``) reads the text: tokens, page zones and datelines, mentions (names with spans, numbers
with their hedges, dates, cue words with their forms), chunks (verb groups, place groups, phrases) and the frames
declared in ``_text/_frames.py`` (attribution, the movement frame's place slots, backing, figure kinds and cue
scopes, event triggers). This module reads what they found, sentence by sentence and clause by clause (the rest of
the movement frame, its movers, counts and day, is still read here):

1. *Attribution*: who each sentence's claims come from (the attribution frames, the names resolved to sources),
   as a chain from the originator to the outlet; an attribution carries to the following sentences of its
   paragraph until another source is named. Page furniture (the boilerplate zone) says nothing.
2. *Roles of names*: a name that speaks is a source, a name that acts or is a party is a faction, the rest are
   places; place names used for a state that acts ("Moscow said") are the state.
3. *Counts*: each count gets what it counts from its head noun, and a role from the frames of its clause:
   a slot of a convoy (a movement on a day), or a figure (killed, fled, planned, a running total...).
4. *Convoys*: one candidate per movement of a clause; candidates that restate one movement for one source are
   then merged, and unattributed restatements joined to the attributed record they restate.
5. *Events*: one per trigger kind and sentence, with place, factions and date; convoys and figures of the
   same sentence are linked to it.

Nothing is dropped silently: counts with no role and unknown names near faction nouns end up in
:attr:`Report.unplaced`; vague amounts in :attr:`Report.amounts`.
"""

from __future__ import annotations

import bisect
import copy
import datetime as dt
import functools
import itertools
import math
import weakref
from collections.abc import Container, Iterable, Sequence
from typing import Final

import attrs

from ._gazetteer import Gazetteer, Target
from ._geography import Geography
from ._model import (
    Convoy,
    DateBasis,
    DateRange,
    EntityKind,
    Event,
    EventKind,
    Faction,
    FactionKind,
    Figure,
    FigureKind,
    Mention,
    Place,
    PlaceKind,
    Precision,
    Qualifier,
    Quantity,
    Report,
    Source,
    SourceKind,
    Span,
    Unplaced,
    UnplacedKind,
    VagueAmount,
    implied_bounds,
    overlaps,
)
from ._text._chunks import (
    PlaceGroup,
    background_clauses,
    bound_name,
    coordinated_counts,
    coordinated_series,
    credit_at,
    destination_noun,
    elliptical_count,
    ends_phrase,
    gapped_subject,
    governing_word,
    in_open_question,
    is_title_case,
    mark_before,
    negative_subject,
    nominal_backgrounds,
    opens_with_series,
    part_group_end,
    part_of_counted_whole,
    phrase_bounds,
    predicate_after,
    preposition_before,
    restrictive_relatives,
    source_anaphors,
    tokenize,
)
from ._text._cues import Cue, CueForm, CueHit, NounClass, find_cues, head_noun, noun_before
from ._text._dates import DateMention, find_anchor, find_dates
from ._text._frames import (
    Attribution,
    Backing,
    CueScope,
    EventTrigger,
    FigureKinds,
    Movement,
    NameSpans,
    entering_as_arrival,
    nearest_marked,
)
from ._text._lexicon import (
    ADDITIVE_WORDS,
    APPOSITION_HEDGES,
    APPOSITION_MARKS,
    AUXILIARY_TENSES,
    BESIDE_CROSSING,
    BREAKDOWN_HEDGES,
    BREAKDOWN_PHRASES,
    CARRYING_VERBS,
    COUNT_OF_PEOPLE_AFTER,
    COUNT_OF_PEOPLE_BEFORE,
    DAY_COORDINATORS,
    DEADLINE_SKIPS,
    DEADLINE_WORDS,
    DETERMINERS,
    GOING_VERBS,
    GROUP_ADVERBS,
    LOCATIVE_PREPOSITIONS,
    NATIONALITIES,
    NOT_PLACE_NAMES,
    ONE_VEHICLE_DETERMINERS,
    PARTITIVE_PRONOUNS,
    PLACE_GOVERNORS,
    RELATIVE_LINKS,
    SINCE_WORDS,
    SINGLE_VEHICLES,
    VEHICLE_COMPOUNDS,
)
from ._text._numbers import NumberMention, NumberRole, find_numbers
from ._text._page import Zone, dateline_end, mark_after, page_zones
from ._text._readers import (
    acts_after,
    carries_goods,
    names_a_series,
    names_before_faction_nouns,
    names_movers,
    opens_with_anaphor,
    opens_with_partitive,
    people_subject,
    seen_by_modal,
    tells_reinforcement,
    told_aboard,
)
from ._text._sentences import Sentence, iter_sentences
from ._text._verbs import VerbGroup, Voice, negation_in, verb_group
from ._text._words import Words

__all__ = ["read_report"]

# --- Vocabulary the rules share ---------------------------------------------------------------------------

#: The source that speaks for a state when the state itself is said to speak ("Russia says").
STATE_VOICES: Final = {
    "Russia": "Russian government",
    "Syrian government": "Syrian government",
    "United States": "United States",
    "Turkey": "Turkish government",
    "Iran": "Iranian government",
}

#: The state a source speaks for; named as a party (not as a speaker), the source makes the state a faction.
SOURCE_STATES: Final = {
    "Russian military": "Russia",
    "Russian government": "Russia",
    "Syrian military": "Syrian government",
    "Syrian government": "Syrian government",
    "Syrian state media": "Syrian government",
}

#: How close to the origin of a claim each kind of source usually stands: lower is nearer the originator.
SOURCE_RANK: Final = {
    SourceKind.MILITARY: 0,
    SourceKind.GOVERNMENT: 0,
    SourceKind.ARMED_GROUP: 0,
    SourceKind.PERSON: 0,
    SourceKind.LOCAL: 0,
    SourceKind.MONITOR: 1,
    SourceKind.UN_AGENCY: 1,
    SourceKind.HUMANITARIAN: 1,
    SourceKind.STATE_MEDIA: 2,
    SourceKind.NEWS_AGENCY: 3,
    SourceKind.BROADCASTER: 3,
}

#: How specific each kind of place is: lower is more specific.
PLACE_RANK: Final = {
    PlaceKind.CROSSING: 0,
    PlaceKind.CAMP: 1,
    PlaceKind.DISTRICT: 1,
    PlaceKind.TOWN: 1,
    PlaceKind.CITY: 2,
    PlaceKind.SUBDISTRICT: 3,
    PlaceKind.REGION: 3,
    PlaceKind.GOVERNORATE: 4,
    PlaceKind.CITY_ABROAD: 5,
    PlaceKind.COUNTRY: 6,
}

#: More people than this in one movement clause is a running total, not one convoy: the largest single bus
#: movements of the Damascus-area deals carried a few thousand people.
MAX_CONVOY_PEOPLE: Final = 12_000

#: The most people one bus is taken to hold when two records of one report are compared: a record of B buses is
#: not the movement of a record that counts more than B times this many people ("a bus carrying 25 people" is not
#: "up to 4,000 people", however the hedges overlap). Generous: buses of these deals carried some 50 each.
MAX_PEOPLE_PER_BUS: Final = 150

MOVEMENT_CUES: Final = frozenset({Cue.LEAVE, Cue.MOVE, Cue.CONVOY, Cue.ARRIVE, Cue.EVACUATED})
# The movement cues that are verbs: a pronoun subject ("They left for X") needs one to tell a movement.
_MOVEMENT_VERBS: Final = frozenset({Cue.LEAVE, Cue.MOVE, Cue.ARRIVE, Cue.EVACUATED})

#: The nouns of a part of the people that count a toll rather than who moved ("45 wounded").
_TOLL_PARTS: Final = frozenset({"wounded", "injured", "sick"})

#: The classes of nouns of people.
_PEOPLE_CLASSES: Final = frozenset({NounClass.PEOPLE, NounClass.FIGHTERS, NounClass.CIVILIANS, NounClass.FAMILIES})

#: Forms of "be" that join a count to the noun of what it counts ("150 *were* fighters").
_COPULAS: Final = frozenset({"were", "are", "was", "is"})

#: The forms of the movement cues that name a movement without telling it ("the evacuation", "departures").
_NAMED_MOVEMENTS: Final = frozenset({CueForm.MOVEMENT_NOUN, CueForm.PLURAL_MOVEMENT_NOUN})

#: Words that coordinate two nouns into one subject ("fighters *and* their relatives").
_COORDINATORS: Final = frozenset({"and", "or", "&"})

#: The convoy slot of each class of nouns that counts a part of the people.
_PART_SLOTS: Final = {NounClass.FIGHTERS: "fighters", NounClass.CIVILIANS: "civilians"}

# A bare count of people: "killed 1,400", "surpassed 57,500", "6.5 million have been forced".

# The marks before "who" or "which" that open a non-restrictive clause ("Twenty buses, which carried ...").
_CLAUSE_MARKS: Final = frozenset({",", ";", "\u2013", "\u2014"})
# After an agency at the very start of a text: "SANA- ", "TASS, March 24.", "(Reuters) -", "/TASS/.".
_OUTLET_MARKS: Final = frozenset({"-", "\u2013", "\u2014", ":", ",", "(", "/"})
# The most words between a source anaphor and the speech verb after it ("the agency, citing witnesses, said").
_ANAPHOR_REACH: Final = 6
#: Which kinds of source each word of a source anaphor can refer back to.
ANAPHOR_KINDS: Final = {
    "channel": {SourceKind.STATE_MEDIA, SourceKind.BROADCASTER},
    "broadcaster": {SourceKind.STATE_MEDIA, SourceKind.BROADCASTER},
    "television": {SourceKind.STATE_MEDIA, SourceKind.BROADCASTER},
    "station": {SourceKind.STATE_MEDIA, SourceKind.BROADCASTER},
    "agency": {SourceKind.NEWS_AGENCY, SourceKind.STATE_MEDIA},
    "news agency": {SourceKind.NEWS_AGENCY, SourceKind.STATE_MEDIA},
    "monitor": {SourceKind.MONITOR},
    "observatory": {SourceKind.MONITOR},
    "ministry": {SourceKind.MILITARY, SourceKind.GOVERNMENT},
    "centre": {SourceKind.MILITARY, SourceKind.GOVERNMENT},
    "center": {SourceKind.MILITARY, SourceKind.GOVERNMENT},
    "army": {SourceKind.MILITARY},
    "military": {SourceKind.MILITARY},
    "group": {SourceKind.ARMED_GROUP},
    "organisation": {SourceKind.HUMANITARIAN, SourceKind.UN_AGENCY},
    "organization": {SourceKind.HUMANITARIAN, SourceKind.UN_AGENCY},
}

# --- Working records --------------------------------------------------------------------------------------


class _Name:
    """A known name found in the text (what :class:`~._gazetteer.NameHit` says, kept by the rules), with what it
    can stand for worked out once: the place, the faction as itself, the faction metonyms included ("Damascus"
    for the government), and the source, each the first of its kind among the targets (as
    :meth:`~._gazetteer.NameHit.of_kind` picks them)."""

    __slots__ = ("any_faction", "end", "faction", "metonymic", "place", "source", "start", "targets", "text")

    def __init__(self, start: int, end: int, text: str, targets: tuple[Target, ...], tables: _Tables) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.targets = targets
        self.place: Place | None = None
        self.faction: Target | None = None
        self.any_faction: Target | None = None
        self.source: Target | None = None
        self.metonymic = False  # whether any target is a metonym
        for target in targets:
            kind = target.kind
            if target.metonym:
                self.metonymic = True
            if kind is EntityKind.PLACE:
                if self.place is None:
                    self.place = tables.places[target.name]
            elif kind is EntityKind.FACTION:
                if self.any_faction is None:
                    self.any_faction = target
                if self.faction is None and not target.metonym:
                    self.faction = target
            elif self.source is None:  # a source
                self.source = target


class _Sentence:
    """A sentence and the mentions that stand in it."""

    __slots__ = ("_span", "_starts", "body_start", "cues", "dates", "deal_phrases", "end", "firsts", "groups",
                 "kind_cues", "names", "numbers", "open_names", "own_time", "sentence", "start", "weekdays")

    def __init__(self, sentence: Sentence) -> None:
        self.sentence = sentence
        self.start = sentence.start
        self.end = sentence.end
        self.names: list[_Name] = []
        self.numbers: list[NumberMention] = []
        self.dates: list[DateMention] = []
        self.cues: list[CueHit] = []
        self.body_start = sentence.start  # where the sentence proper starts, after a dateline
        self._span: Span | None = None
        self._starts: dict[str, list[int]] = {}  # where the mentions of each list start, in the list's order
        # the first date and the first day after the dateline, for plans and for facts (see _Rules._date_before)
        self.firsts: dict[bool, tuple[tuple[int, DateRange] | None, tuple[int, DateRange] | None]] = {}
        self.groups: list[Faction] | None = None  # the armed groups named, worked out on first use
        self.kind_cues: tuple[list[int], list[tuple[int, int, FigureKind]]] | None = None  # see _Rules._kind_cues
        self.weekdays: tuple[list[int], list[int]] | None = None  # see _Rules._weekday_before
        self.deal_phrases: list[tuple[int, int]] = []  # trailing phrases that tell a deal (see _Rules._clauses)
        self.own_time: set[int] = set()  # parts that take no day from the sentence before them (see _Rules._clauses)
        self.open_names: bool | None = None  # see _Rules._open_names

    def add(self, attribute: str, item: object, start: int) -> None:
        """Append a mention that starts at ``start`` to the list ``attribute`` (after those that start before it)."""
        getattr(self, attribute).append(item)
        self._starts.setdefault(attribute, []).append(start)

    def _bounds(self, attribute: str, start: int, end: int) -> tuple[int, int]:
        """The indexes of the first mention of list ``attribute`` starting at or after ``start``, and of the first
        starting at or after ``end``: a clause's mentions are cut out by bisection, not by a scan."""
        starts = self._starts.get(attribute, [])
        return bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)

    def cues_in(self, start: int, end: int) -> list[CueHit]:
        """The cues that start in ``[start, end)``."""
        low, high = self._bounds("cues", start, end)
        return self.cues[low:high]

    def numbers_in(self, start: int, end: int) -> list[NumberMention]:
        """The numbers that start in ``[start, end)``."""
        low, high = self._bounds("numbers", start, end)
        return self.numbers[low:high]

    def number_at_or_after(self, position: int) -> NumberMention | None:
        """The first number of the sentence that starts at or after ``position``, or ``None``."""
        low, _ = self._bounds("numbers", position, self.end)
        return self.numbers[low] if low < len(self.numbers) else None

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        """The dates that start in ``[start, end)``."""
        low, high = self._bounds("dates", start, end)
        return self.dates[low:high]

    def names_in(self, start: int, end: int) -> list[_Name]:
        """The known names that start in ``[start, end)``."""
        low, high = self._bounds("names", start, end)
        return self.names[low:high]

    @property
    def span(self) -> Span:
        """The sentence's span: made when a record first needs it, then one object shared by the records it
        gives."""
        if self._span is None:
            self._span = Span(start=self.start, end=self.end)
        return self._span


class _Candidate:
    """A convoy as it is being assembled from one or more clauses."""

    __slots__ = ("amounts", "arrival", "background", "buses", "civilians", "continues_only", "date", "destination",
                 "distinct", "factions", "fighters", "headline", "inferred", "origin", "paragraph", "people",
                 "period", "position", "refers_back", "sources", "spans", "weekday")

    def __init__(self, *, position: int, paragraph: int, sources: tuple[Source, ...], origin: Place | None,
                 destination: Place | None, factions: list[Faction], date: DateRange | None, spans: list[Span],
                 weekday: int | None) -> None:
        self.position = position
        self.paragraph = paragraph
        self.sources = sources
        self.origin = origin
        self.destination = destination
        self.buses: Quantity | None = None
        self.people: Quantity | None = None
        self.fighters: Quantity | None = None
        self.civilians: Quantity | None = None
        self.factions = factions
        self.date = date
        self.spans = spans
        self.amounts: list[VagueAmount] = []
        self.refers_back = False
        self.distinct = False  # "another group left...": a movement of its own, never a restatement
        self.headline = False  # told in the headline, which sums up the body in its own numbers
        self.inferred: set[str] = set()  # slots filled from context, not stated for this movement
        self.weekday = weekday  # the weekday the clause names, even when no anchor resolves it to a date
        self.period: DateRange | None = None  # a time coarser than a day the clause states ("earlier this week")
        self.arrival = False  # the clause tells an arrival only (a verb of arriving, none of leaving)
        self.background = False  # told as the time of another verb ("after the exit of X"): its day is not known
        self.continues_only = False  # only what a movement told before will have (its buses, where it goes)

    @property
    def own_time(self) -> bool:
        """Whether the clause states a time of its own that is not a day (a week, a run of days, the time of
        another verb): then no day is taken from the records around it."""
        return self.period is not None or self.background

    def told_by(self, sources: tuple[Source, ...]) -> _Candidate:
        """The same movement as told by other sources: a record of its own."""
        other = copy.copy(self)
        other.sources = sources
        other.factions, other.spans, other.amounts = list(self.factions), list(self.spans), list(self.amounts)
        other.inferred = set(self.inferred)
        return other

    def infer(self, slot: str, value: object) -> None:
        """Fill an empty slot from context, and say so."""
        setattr(self, slot, value)
        self.inferred.add(slot)

    def slots(self) -> dict[str, Quantity]:
        named = {"buses": self.buses, "people": self.people, "fighters": self.fighters,
                 "civilians": self.civilians}
        return {name: q for name, q in named.items() if q is not None}

    @property
    def originator(self) -> str | None:
        return self.sources[0].name if self.sources else None


class _FigureDraft:
    """A figure as read from a clause, before figures that restate one another are joined."""

    __slots__ = ("date", "kind", "place", "quantity", "sentence", "sources", "spans")

    def __init__(self, *, kind: FigureKind, quantity: Quantity, place: Place | None, sources: tuple[Source, ...],
                 date: DateRange | None, spans: list[Span], sentence: int) -> None:
        self.kind = kind
        self.quantity = quantity
        self.place = place
        self.sources = sources
        self.date = date
        self.spans = spans
        self.sentence = sentence


class _EventDraft:
    """An event as read from a sentence."""

    __slots__ = ("date", "factions", "kind", "place", "sentence", "sources", "spans")

    def __init__(self, *, kind: EventKind, place: Place | None, factions: list[Faction],
                 sources: tuple[Source, ...], date: DateRange | None, spans: list[Span], sentence: int) -> None:
        self.kind = kind
        self.place = place
        self.factions = factions
        self.sources = sources
        self.date = date
        self.spans = spans
        self.sentence = sentence


# --- Helpers on places and quantities --------------------------------------------------------------------


class _Tables:
    """What the rules ask of a gazetteer, answered from plain tables built once per gazetteer.

    The tables are the gazetteer's, as dicts; ``geo`` is its :class:`~._geography.Geography`.
    """

    __slots__ = ("factions", "geo", "places", "sources")

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.places: dict[str, Place] = dict(gazetteer.places)
        self.factions: dict[str, Faction] = dict(gazetteer.factions)
        self.sources: dict[str, Source] = dict(gazetteer.sources)
        self.geo: Geography = gazetteer.geography


# The tables of each gazetteer in use; a gazetteer's go when it goes (they hold no reference to it).
_TABLES: Final[weakref.WeakKeyDictionary[Gazetteer, _Tables]] = weakref.WeakKeyDictionary()


def _tables(gazetteer: Gazetteer) -> _Tables:
    tables = _TABLES.get(gazetteer)
    if tables is None:
        tables = _TABLES[gazetteer] = _Tables(gazetteer)
    return tables



#: How many words after a crossing noun the town it stands by may be named, counted in pairs of tokens.
_CROSSING_REACH: Final = 5


def unresolved_place(name: str, gazetteer: Gazetteer) -> Place:
    """The place for a name that a movement preposition governs but no name hit covers: what the gazetteer
    resolves it to (a variant spelling, a GeoNames city with the ``world`` extra, or the one place a letter off a
    name of eight letters or more: :meth:`Gazetteer.near_place`), else a place kept under its
    own spelling, with kind :attr:`PlaceKind.UNRESOLVED` and no coordinates, so the user sees it."""
    return gazetteer.resolve_place(name) or gazetteer.near_place(name) or Place(name=name, kind=PlaceKind.UNRESOLVED)


#: The most words before the last of an unknown "X-bound" name ("Khan Younis-bound").
_BOUND_NAME_WORDS: Final = 3


def _resolved_first(places: list[Place]) -> list[Place]:
    """The places the gazetteer knows, or all of them when it knows none."""
    return [p for p in places if p.kind is not PlaceKind.UNRESOLVED] or places


def _more_specific(a: Quantity, b: Quantity) -> Quantity:
    """Of two compatible readings of one count, the one that says more: the number stated to more digits ("as
    many as 6,749" over "nearly 6,800", "981" over "950+"), then the narrower (exact over hedged)."""
    def round_digits(q: Quantity) -> int:
        value, zeros = q.value, 0
        while value and value % 10 == 0:
            value //= 10
            zeros += 1
        return zeros

    def width(q: Quantity) -> float:
        if q.low is None or q.high is None:
            return math.inf
        return q.high - q.low
    return a if (round_digits(a), width(a)) <= (round_digits(b), width(b)) else b


#: The word an "X-bound" compound ends with, in lower case.
_BOUND: Final = frozenset({"bound"})


class _Rules:
    """Parses one text; holds only what that one parse needs, so parses never share state."""

    def __init__(self, text: str, gazetteer: Gazetteer, published: dt.date | None, report_id: str) -> None:
        self.text = text
        self.gazetteer = gazetteer
        self.tables = _tables(gazetteer)
        self.report_id = report_id
        self.published = published
        self.sentences: list[_Sentence] = [_Sentence(sentence=s) for s in iter_sentences(text)]
        self._starts = [s.start for s in self.sentences]
        words = Words(text)  # cut out once for the scanners that start from words
        self.words = words
        tables = self.tables
        self.names = [_Name(start, end, surface, targets, tables)
                      for start, end, surface, targets in gazetteer._name_hits(text)]
        self.tokens = tokenize(words)
        self.zones = page_zones(self.tokens, [sent.sentence for sent in self.sentences])
        self.known = {hit.start: hit.end for hit in self.names}  # the names the chunks may read as known
        self.name_at = {hit.start: hit for hit in self.names}
        self.name_starts = [hit.start for hit in self.names]
        self.name_spans = NameSpans(self.name_starts, [hit.end for hit in self.names])
        self.unresolved: dict[str, Place] = {}  # the places of open names, by the name as written
        self.open_mentions: dict[int, Mention] = {}  # open names that resolved to a place, by where they start
        self.numbers = find_numbers(text, words=words)
        self.dates = find_dates(text, words=words)
        cues = list(find_cues(text, words=words))
        self._distribute(self.names, [h.start for h in self.names], "names")
        self._distribute(self.numbers, [n.span.start for n in self.numbers], "numbers")
        self._distribute(self.dates, [d.span.start for d in self.dates], "dates")
        self._distribute(cues, [c.start for c in cues], "cues")
        tokens = self.tokens
        for sent in self.sentences:
            floor = tokens.at_or_after(sent.start)
            sent.cues = [entering_as_arrival(c) if c.cue is Cue.ENTER and people_subject(
                tokens, tokens.at_or_after(c.start), floor) else c for c in sent.cues]  # "the rebels entered X"
            body = None
            if sent.sentence.first_in_paragraph:
                body = dateline_end(tokens, tokens.at_or_after(sent.start), tokens.at_or_after(sent.end))
            sent.body_start = sent.start if body is None else body
        self.anchor, self.basis = self._anchor()
        self.lead_weekday = self._lead_weekday() if self.anchor is None else None
        self.outlet = self._outlet()
        self.source_hits: set[int] = set()  # starts of names used as sources
        self.named_sources: list[Source] = []  # sources of attributions so far, in text order
        self.state_voices: dict[int, Source] = {}  # the source a state speaks through, by the start of its name
        # the last of them of each kind, with its place in that order
        self.latest_source: dict[SourceKind, tuple[int, Source]] = {}
        # the second sources of sentences ("according to X and Y"), by the id of the sentence
        self.co_sources: dict[int, list[Source]] = {}
        self.actor_hits: set[int] = set()  # starts of metonyms used as actors
        self.factions: dict[str, Faction] = {}
        self.sources: dict[str, Source] = {}
        self.places: dict[str, Place] = {}
        self.backers: dict[str, list[str]] = {}
        self.unplaced: list[Unplaced] = []
        self.amounts: list[tuple[VagueAmount, _Candidate | None]] = []
        # where the head noun of each count read so far stands ("400 wounded *civilians*"), by the count's start
        self.heads: dict[int, tuple[int, int]] = {}
        self.verb_groups: dict[tuple[int, int], VerbGroup] = {}  # by the cue's start and its clause's

    # --- Locating mentions --------------------------------------------------------------------------------

    def _distribute(self, items: Sequence[object], starts: list[int], attribute: str) -> None:
        """Append each item to the list ``attribute`` of the sentence its start lies in (``starts[i]`` is where
        ``items[i]`` starts); an item outside every sentence is left out."""
        sentences = self.sentences
        count = len(sentences)
        index = 0  # the first sentence that may hold the item: the sentences before it end at or before it
        last = -1
        for item, position in zip(items, starts, strict=True):
            if position < last:
                index = 0  # out of order: walk again from the first sentence
            last = position
            while index < count and sentences[index].end <= position:
                index += 1
            if index < count and sentences[index].start <= position:
                sentences[index].add(attribute, item, position)

    def _sentence_at(self, position: int) -> int | None:
        index = bisect.bisect_right(self._starts, position) - 1
        if index >= 0 and position < self.sentences[index].end:
            return index
        return None

    def _anchor(self) -> tuple[dt.date | None, DateBasis]:
        if self.published is not None:
            return self.published, DateBasis.PUBLISHED
        found = find_anchor(self.text, self.dates)
        if found is None:
            return None, DateBasis.PUBLISHED
        return found

    def _outlet(self) -> Source | None:
        """A news outlet named in the dateline ("SANA- ...", "TASS, March 24.", "BEIRUT (AFP) -") is the outlet
        of the whole text."""
        media = (SourceKind.NEWS_AGENCY, SourceKind.STATE_MEDIA, SourceKind.BROADCASTER)
        for sentence in self.sentences[:6]:
            for hit in sentence.names:
                target = hit.source
                if target is None or self.tables.sources[target.name].kind not in media:
                    continue
                opens = hit.start - sentence.start <= 2 and mark_after(self.tokens, hit.end) in _OUTLET_MARKS
                in_dateline = sentence.start < hit.start < sentence.body_start
                if opens or in_dateline:
                    return self.tables.sources[target.name]
        return None

    # --- Attribution ----------------------------------------------------------------------------------------

    def _voice(self, hit: _Name) -> Source | None:
        """The source a name stands for when it speaks."""
        target = hit.source
        if target is not None:
            source = self.tables.sources[target.name]
            return self._of_another_state(hit, source) or source
        if hit.start in self.state_voices:
            return self.state_voices[hit.start]
        faction = hit.any_faction
        if faction is not None:
            name = faction.name if faction.name in self.tables.sources else STATE_VOICES.get(faction.name)
            if name is not None and name in self.tables.sources:
                return self.tables.sources[name]
        own = None if hit.faction is None else self.tables.factions.get(hit.faction.name)
        if own is not None and own.kind is not FactionKind.STATE:
            # "Hezbollah's media unit said", "the SDF said": an armed group that speaks is a source, whether the
            # gazetteer lists it among sources or not
            return Source(name=own.name, kind=SourceKind.ARMED_GROUP)
        return None

    def _of_another_state(self, hit: _Name, source: Source) -> Source | None:
        """The state media of another country, when a nationality word stands right before a name of state media
        that names no country ("*Turkish* state media", "*Iranian* state TV"): a source of that country, named as
        written, which the gazetteer need not know; ``None`` otherwise (the name stands for ``source``)."""
        if source.kind is not SourceKind.STATE_MEDIA:
            return None
        tokens = self.tokens
        at = tokens.at_or_after(hit.start)
        if at == 0:
            return None
        before = tokens.items[at - 1]
        if not before.word or before.lower not in NATIONALITIES or not before.text[:1].isupper():
            return None
        if any(word in NATIONALITIES for word in hit.text.lower().split()):
            return None  # the name names its own country ("Russian state media")
        name = f"{before.text} state media"
        return self.tables.sources.get(name) or Source(name=name, kind=SourceKind.STATE_MEDIA)

    def _speaks(self, hit: _Name) -> Source | None:
        """The source a name stands for in speaker position; a place after "in" or "from" does not speak."""
        voice = self._voice(hit)
        if voice is None:
            return None
        placelike = hit.place is not None or hit.metonymic
        if placelike and self._locative(hit):
            return None
        state = hit.any_faction
        if hit.source is None and state is not None:
            # A state said to speak ("Russia says", "Moscow said") speaks through its military or government
            # named last as a source before it, if any: its military goes on speaking for it.
            own = [named for named in self.named_sources if SOURCE_STATES.get(named.name) == state.name
                   and named.kind in (SourceKind.MILITARY, SourceKind.GOVERNMENT)]
            if own:
                voice = self.state_voices[hit.start] = own[-1]
        return voice

    def _attribution(self, sent: _Sentence) -> tuple[Source, ...]:
        """The sources a sentence's claims are attributed to, originator first, from its attribution frames."""
        found: list[tuple[int, int, int, Source]] = []  # (rank, role, position, source)
        hits = sent.names
        # Who can speak is worked out for every name only when a cue can give a name the word; otherwise only the
        # last name matters (a headline that ends with its source).
        attributing = any(cue.cue in Attribution.TRIGGERS for cue in sent.cues)
        voices = [self._speaks(hit) if attributing or k == len(hits) - 1 else None for k, hit in enumerate(hits)]
        names = NameSpans([h.start for h in hits], [h.end for h in hits])
        for frame in Attribution.find(self.tokens, sent.cues, names, [v is not None for v in voices],
                                      (sent.start, sent.end), self.tables.sources):
            if frame.official is not None:
                source = self.tables.sources[frame.official]
                self.sources.setdefault(source.name, source)
            else:
                assert frame.speaker is not None
                self.source_hits.add(hits[frame.speaker].start)
                voice = voices[frame.speaker]
                assert voice is not None
                source = voice
            found.append((SOURCE_RANK.get(source.kind, 2), frame.role, frame.position, source))
            for k in frame.also:  # "according to SANA and the Observatory": a second source of the same claims
                self.source_hits.add(hits[k].start)
                also = voices[k]
                assert also is not None
                self.co_sources.setdefault(id(sent), []).append(also)
        if not found:
            found.extend(self._anaphoric_source(sent))
        return self._found_chain(found)

    def _credit(self, sent: _Sentence) -> tuple[tuple[Source, ...], bool] | None:
        """The sources a photo credit at the end of a sentence names, originator first ("(Jane DOE / AFP)",
        "(Photo: Reuters)", "(SANA via AP)"), and whether the credit is the whole sentence; ``None`` when there is
        none."""
        tokens = self.tokens
        credit = credit_at(tokens, tokens.at_or_after(sent.start), tokens.at_or_after(sent.end))
        if credit is None:
            return None
        hit = self.name_at.get(tokens.items[credit.first].start)
        voice = self._voice(hit) if hit is not None else None
        if hit is None or voice is None:
            return None
        self.source_hits.add(hit.start)
        voices = [voice]
        relay = None if credit.relay is None else self.name_at.get(tokens.items[credit.relay].start)
        relayed = self._voice(relay) if relay is not None else None
        if relay is not None and relayed is not None and relayed != voice:
            self.source_hits.add(relay.start)
            voices.append(relayed)
        return tuple(voices), credit.alone

    def _found_chain(self, found: list[tuple[int, int, int, Source]]) -> tuple[Source, ...]:
        """The chain of the sources found, originator first, each once; remembered for later anaphors."""
        chain: list[Source] = []
        for *_, source in sorted(found, key=lambda item: item[:3]):
            if source not in chain:
                chain.append(source)
        for source in chain:
            self.named_sources.append(source)
            self.latest_source[source.kind] = (len(self.named_sources), source)
        return tuple(chain)

    def _anaphoric_source(self, sent: _Sentence) -> list[tuple[int, int, int, Source]]:
        """"the channel said": the most recent source of that kind named earlier in the report, if any."""
        speech = [c for c in sent.cues if c.cue in (Cue.SPEECH, Cue.TOLD)]
        if not speech or not self.named_sources:
            return []  # an anaphor speaks only beside a speech verb, of a source named before
        tokens = self.tokens
        items = tokens.items
        verb_tokens = [tokens.at_or_after(c.start) for c in speech]
        verb_ends = [tokens.at_or_after(c.end) - 1 for c in speech]
        for anaphor in source_anaphors(tokens, tokens.at_or_after(sent.start), tokens.at_or_after(sent.end),
                                       ANAPHOR_KINDS):
            # a speech verb at most six words after the anaphor, or right before it ("said the agency")
            after = bisect.bisect_right(verb_tokens, anaphor.last)
            before = bisect.bisect_right(verb_ends, anaphor.first - 1) - 1
            if not ((after < len(verb_tokens) and verb_tokens[after] - anaphor.last <= _ANAPHOR_REACH)
                    or (before >= 0 and verb_ends[before] == anaphor.first - 1)):
                continue
            kinds = ANAPHOR_KINDS.get(anaphor.noun) if anaphor.noun else None
            latest = [self.latest_source[k] for k in kinds if k in self.latest_source] if kinds else []
            source = self.named_sources[-1] if kinds is None else max(latest, default=(0, None))[1]
            if source is not None:
                return [(SOURCE_RANK.get(source.kind, 2), 1, items[anaphor.first].start, source)]
        return []

    # --- Entities -------------------------------------------------------------------------------------------

    def _located(self, hit: _Name) -> bool:
        """Whether a name stands where only a place can: after "in", "from"..., or in a dateline."""
        sentence = self._sentence_at(hit.start)
        in_dateline = sentence is not None and hit.start < self.sentences[sentence].body_start
        return in_dateline or self._locative(hit)

    def _locative(self, hit: _Name) -> bool:
        """Whether a locative preposition governs a name ("in Douma", "from the Damascus countryside")."""
        governor = governing_word(self.tokens, self.tokens.at_or_after(hit.start))
        return governor is not None and governor.lower in LOCATIVE_PREPOSITIONS

    def _is_actor(self, hit: _Name) -> bool:
        if hit.start in self.source_hits:
            return True
        return acts_after(self.tokens, hit.end) and not self._located(hit)

    def _collect_entities(self) -> None:
        for sent in self.sentences:
            for hit in sent.names:
                used_as_source = hit.start in self.source_hits
                place = hit.place
                faction = hit.faction
                metonym = hit.any_faction
                source = hit.source
                if used_as_source:
                    voice = self._voice(hit)
                    if voice is not None:
                        self.sources.setdefault(voice.name, voice)
                acting_metonym = metonym is not None and metonym.metonym and self._is_actor(hit)
                if place is not None:
                    abroad_actor = acting_metonym and place.kind in (PlaceKind.CITY_ABROAD, PlaceKind.COUNTRY)
                    if not abroad_actor:
                        self.places.setdefault(place.name, place)
                party = source.name if source is not None and not used_as_source else None
                if party in SOURCE_STATES and SOURCE_STATES[party] in self.tables.factions and faction is None:
                    faction = Target(kind=EntityKind.FACTION, name=SOURCE_STATES[party])
                # A country named where only a place can stand ("in Iraq", "ERBIL, Iraq") is no party.
                country = place is not None and place.kind is PlaceKind.COUNTRY
                if faction is not None and country and self._located(hit):
                    faction = None
                if faction is not None and not (used_as_source and source is not None):
                    self.factions.setdefault(faction.name, self.tables.factions[faction.name])
                elif acting_metonym and metonym is not None:
                    self.factions.setdefault(metonym.name, self.tables.factions[metonym.name])
                    self.actor_hits.add(hit.start)
        if self.outlet is not None:
            self.sources.setdefault(self.outlet.name, self.outlet)
        self._find_backers()
        self._find_unknown_names()

    def _find_backers(self) -> None:
        """The states that back armed groups, from the backing frames ("X, backed by Qatar", "the Qatar-backed X",
        "the Saudi-backed X")."""
        for sent in self.sentences:
            hits = sent.names
            names = NameSpans([h.start for h in hits], [h.end for h in hits])
            armed = [self._armed_group(h) is not None for h in hits]
            for frame in Backing.find(self.tokens, sent.cues, names, armed):
                faction = self._armed_group(hits[frame.group])
                state: Target | Faction | Place | None = None
                if frame.backer is not None:
                    backer = hits[frame.backer]
                    state = backer.any_faction or backer.place
                elif frame.nationality is not None:
                    state = self.gazetteer.demonym(frame.nationality)
                if faction is not None and state is not None and state.name != faction.name:
                    backers = self.backers.setdefault(faction.name, [])
                    if state.name not in backers:
                        backers.append(state.name)

    def _find_unknown_names(self) -> None:
        known = [(h.start, h.end) for h in self.names]
        known_starts = [start for start, _ in known]
        tokens = self.tokens
        for sent in self.sentences:
            for start, end in names_before_faction_nouns(tokens, tokens.at_or_after(sent.start),
                                                          tokens.at_or_after(sent.end)):
                words = self.text[start:end]
                if start == sent.start and len(words.split()) == 1:
                    continue  # a capitalised first word of a sentence is no name
                # Known names do not overlap one another: only the last one starting before ``end`` can overlap.
                nearest = bisect.bisect_left(known_starts, end) - 1
                if nearest >= 0 and start < known[nearest][1]:
                    continue
                self.unplaced.append(Unplaced(kind=UnplacedKind.NAME, text=words, span=Span(start=start, end=end),
                                              reason="a capitalised name before a faction word, not in the "
                                                     "gazetteer"))

    def _armed_group(self, hit: _Name) -> Faction | None:
        target = hit.faction
        if target is None:
            return None
        faction = self.tables.factions[target.name]
        return faction if faction.kind in (FactionKind.ARMED_GROUP, FactionKind.MILITIA) else None

    # --- Clauses --------------------------------------------------------------------------------------------

    def _kind_cues(self, sent: _Sentence) -> tuple[list[int], list[tuple[int, int, FigureKind]]]:
        """The cues of a sentence that give a figure its kind, and where each starts (worked out once)."""
        if sent.kind_cues is None:
            sent.kind_cues = FigureKinds.of_sentence(sent.cues)
        return sent.kind_cues

    def _weekday_before(self, sent: _Sentence, end: int) -> int | None:
        """The weekday of the last date after the dateline that starts before ``end`` and names one."""
        if sent.weekdays is None:
            named = [(m.span.start, m.weekday) for m in sent.dates_in(sent.body_start, sent.end)
                     if m.weekday is not None]
            sent.weekdays = [start for start, _ in named], [weekday for _, weekday in named]
        starts, weekdays = sent.weekdays
        index = bisect.bisect_left(starts, end) - 1
        return weekdays[index] if index >= 0 else None

    def _clauses(self, sent: _Sentence) -> list[tuple[int, int]]:
        bounds = [sent.start]
        movement_at = {c.start for c in sent.cues if c.cue in MOVEMENT_CUES}
        places_at = {c.start for c in sent.cues if c.cue in (Cue.FROM, Cue.TO)}
        asides = _dash_asides(sent.cues)
        for cue in sent.cues:
            if cue.cue is not Cue.CLAUSE or cue.start <= bounds[-1] + 8 or cue.start in asides:
                continue
            if cue.form is CueForm.RELATIVE_PRONOUN:
                if mark_before(self.tokens, self.tokens.at_or_after(cue.start)) not in _CLAUSE_MARKS:
                    continue  # "the 1,580 people who left Harasta": a restrictive clause belongs to its noun
                verb = predicate_after(self.tokens, self.tokens.at_or_after(cue.end),
                                       self.tokens.at_or_after(sent.end))
                if verb is not None and (verb.start in movement_at or verb.start in places_at):
                    # "Twenty buses, which carried 400 fighters, left X": the clause is attached; so it is before
                    # the movement's places ("escorted the convoy, which carried 1,700 people, from X to Y")
                    continue
            bounds.append(cue.start)
        bounds.append(sent.end)
        parts = [part for clause in itertools.pairwise(bounds) for part in self._movements(sent, *clause)]
        parts = self._nominal_background(sent, self._without_background(sent, parts, movement_at))
        return [self._without_deal_phrase(sent, *part) for part in parts]

    def _without_deal_phrase(self, sent: _Sentence, start: int, end: int) -> tuple[int, int]:
        """A clause less its last phrase when that phrase tells a deal's planned movement ("900 gunmen were bussed
        from X to Y, news of a deal on the exit of Z to W"): the phrase opens with the deal, names a movement after
        it and holds no count, and a verb of movement stands before it. Its places and groups are the deal's; the
        phrase is kept in ``sent.deal_phrases``."""
        clause_cues = sent.cues_in(start, end)
        deal = next((c.start for c in clause_cues if c.cue is Cue.AGREEMENT), None)
        if deal is None or not any(c.cue in _MOVEMENT_VERBS and c.start < deal for c in clause_cues):
            return start, end  # no deal, or no movement told before it
        tokens = self.tokens
        first, last = tokens.at_or_after(start), tokens.at_or_after(end)
        counts = {n.span.start for n in sent.numbers_in(start, end)}
        bounds, _ = phrase_bounds(tokens, first, last, counts)
        if not bounds:
            return start, end
        cut = bounds[-1]
        tail = [c for c in sent.cues_in(cut, end) if c.cue is Cue.AGREEMENT or c.cue in MOVEMENT_CUES]
        told_before = any(c.cue in _MOVEMENT_VERBS for c in sent.cues_in(start, cut))
        if (told_before and len(tail) > 1 and tail[0].cue is Cue.AGREEMENT and not sent.numbers_in(cut, end)
                and any(c.cue in MOVEMENT_CUES for c in tail)):
            sent.deal_phrases.append((cut, end))
            return start, cut
        return start, end

    def _without_background(self, sent: _Sentence, parts: list[tuple[int, int]],
                            movement_at: set[int]) -> list[tuple[int, int]]:
        """The parts of a sentence with its background clauses (subordinate clauses of time with a movement verb of
        their own) read apart, when a movement verb stands outside them: an earlier movement told as the time of
        the main one fills none of its slots, and is a record of its own only when it gives a count. A background
        clause with no main movement beside it, or beside a movement only named, is the movement told."""
        tokens = self.tokens
        verbs = {c.start for c in sent.cues if c.cue in (Cue.LEAVE, Cue.MOVE, Cue.ARRIVE, Cue.EVACUATED)}
        background = background_clauses(tokens, tokens.at_or_after(sent.body_start), tokens.at_or_after(sent.end),
                                        verbs)
        if not background:
            return parts
        starts = [start for start, _ in background]

        def inside(position: int) -> bool:
            index = bisect.bisect_right(starts, position) - 1
            return index >= 0 and position < background[index][1]

        # A noun that names a movement ("the evacuation was halted after ...") tells none.
        named = {c.start for c in sent.cues if c.form in _NAMED_MOVEMENTS}
        if all(inside(position) for position in movement_at):
            return parts
        # Each background clause is read apart from the main clause, and takes no day from it ("The withdrawal
        # resumed on Monday after 300 gunmen quit X on Sunday"). Beside a movement told outside, one without a
        # count is left out: it fills none of the main movement's slots ("..., after all gunmen left X for Y");
        # one with a count is a movement of its own ("..., after 500 fighters had left X on Sunday"). Beside a
        # movement only named, it is the movement told.
        told = not all(inside(position) or position in named for position in movement_at)
        kept: list[tuple[int, int]] = []
        for start, end in parts:
            near = background[max(bisect.bisect_left(starts, start) - 1, 0) : bisect.bisect_left(starts, end)]
            cuts = [start, *(edge for span in near for edge in span if start < edge < end), end]
            for a, b in itertools.pairwise(cuts):
                if a >= b or (told and inside(a) and not sent.numbers_in(a, b)):
                    continue
                if inside(a):
                    sent.own_time.add(a)  # an earlier movement: it takes no day from the main clause
                kept.append((a, b))
        return kept

    def _nominal_background(self, sent: _Sentence, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The parts of a sentence with its noun groups of time that name a movement ("after the withdrawal of the
        fighters to X") read apart: beside a main verb of movement outside them they fill none of its slots and are
        cut out; beside no such verb the group is the movement told, read alone, and takes no day from the main
        verb (its start is kept in ``sent.own_time``)."""
        nouns = {c.start for c in sent.cues if c.form is CueForm.MOVEMENT_NOUN}
        if not nouns:
            return parts
        tokens = self.tokens
        groups = nominal_backgrounds(tokens, tokens.at_or_after(sent.body_start), tokens.at_or_after(sent.end),
                                     nouns)
        if not groups:
            return parts
        starts = [start for start, _ in groups]

        def inside(position: int) -> bool:
            index = bisect.bisect_right(starts, position) - 1
            return index >= 0 and position < groups[index][1]

        main_verb = any(c.cue in _MOVEMENT_VERBS and c.form is not CueForm.MOVEMENT_NOUN
                        and not inside(c.start) for c in sent.cues)
        kept: list[tuple[int, int]] = []
        for start, end in parts:
            # a group that opens or closes the part; one inside a clause ("the number who left X after the
            # evacuation began has passed N") is part of its noun group
            near = [g for g in groups if start <= g[0] < end and (g[1] >= end or self._opens(start, g[0]))]
            if not near:
                kept.append((start, end))
            elif main_verb:
                cuts = [start, *(edge for span in near for edge in span if start < edge < end), end]
                kept.extend((a, b) for a, b in itertools.pairwise(cuts) if a < b and not inside(a))
            else:
                for group_start, group_end in near:
                    sent.own_time.add(group_start)
                    kept.append((group_start, min(group_end, end)))
        return kept

    def _opens(self, start: int, position: int) -> bool:
        """Whether no word stands between ``start`` and ``position`` (marks only)."""
        items = self.tokens.items
        return not any(t.word for t in items[self.tokens.at_or_after(start) : self.tokens.at_or_after(position)])

    def _movements(self, sent: _Sentence, start: int, end: int) -> list[tuple[int, int]]:
        """A clause cut into one part per movement: at a conjunction before a count, when the parts on both sides
        each have a verb of leaving or arriving ("1,200 civilians leaving A and 800 gunmen leaving B"), and at a
        conjunction before a subject that names one more movement of a series, when the parts on both sides each
        have a verb of movement ("the first buses left A on Sunday and a second batch departed at night")."""
        cues = sent.cues_in(start, end)
        going = [c.start for c in cues if c.cue in (Cue.LEAVE, Cue.ARRIVE)]
        moved = [c.start for c in cues if c.cue in _MOVEMENT_VERBS]
        if len(moved) < 2:
            return [(start, end)]
        tokens = self.tokens
        first, last = tokens.at_or_after(start), tokens.at_or_after(end)
        counts = {n.span.start for n in sent.numbers_in(start, end)}
        # a count after a conjunction splits between verbs of leaving or arriving; a subject that names one more
        # movement of a series ("and a second batch departed") between any verbs of movement
        splits = sorted([*((at, going) for at in coordinated_counts(tokens, first, last, counts)),
                         *((at, moved) for at in coordinated_series(tokens, first, last))])
        parts = [start]
        for at, verbs in splits:
            low = bisect.bisect_left(verbs, parts[-1])
            high = bisect.bisect_left(verbs, at)
            if high > low and high < len(verbs) and at > parts[-1]:
                parts.append(at)
        parts.append(end)
        return list(itertools.pairwise(parts))

    def _date_of(self, sent: _Sentence, start: int, end: int, *, future: bool) -> DateRange | None:
        """The first day stated in ``[start, end)``, else the first date, leaving out the dateline's."""
        best: DateRange | None = None
        mentions = sent.dates_in(max(start, sent.body_start), end)
        for at, mention in enumerate(mentions):
            resolved = self._resolved(mention, start, future=future)
            if resolved is not None and (best is None or resolved.precision is Precision.DAY):
                best = resolved
                if best.precision is Precision.DAY:
                    following = mentions[at + 1] if at + 1 < len(mentions) else None
                    if following is not None and self._coordinated_days(mention, following):
                        other = self._resolved(following, start, future=future)
                        if other is not None and other.precision is Precision.DAY and other.start != best.start:
                            # "on Sunday and Monday": a run of days, not one day
                            return DateRange(start=min(best.start, other.start), end=max(best.end, other.end),
                                             precision=Precision.DAYS, basis=best.basis)
                    break
        return best

    def _coordinated_days(self, first: DateMention, second: DateMention) -> bool:
        """Whether only a coordinator stands between two dates ("Sunday *and* Monday", "Friday *to* Sunday")."""
        tokens = self.tokens
        between = tokens.items[tokens.at_or_after(first.span.end) : tokens.at_or_after(second.span.start)]
        return len(between) == 1 and between[0].lower in DAY_COORDINATORS

    def _date_before(self, sent: _Sentence, start: int, *, future: bool) -> DateRange | None:
        """:meth:`_date_of` the part of the sentence before ``start``, from the sentence's first day and first date
        worked out once, so that the clauses of a sentence do not each read all its dates."""
        firsts = sent.firsts.get(future)
        if firsts is None:
            first_any: tuple[int, DateRange] | None = None
            first_day: tuple[int, DateRange] | None = None
            for mention in sent.dates_in(sent.body_start, sent.end):
                resolved = self._resolved(mention, sent.start, future=future)
                if resolved is None:
                    continue
                first_any = first_any or (mention.span.start, resolved)
                if resolved.precision is Precision.DAY:
                    first_day = (mention.span.start, resolved)
                    break
            firsts = sent.firsts[future] = (first_any, first_day)
        for first in reversed(firsts):
            if first is not None and first[0] < start:
                return first[1]
        return None

    def _resolved(self, mention: DateMention, start: int, *, future: bool) -> DateRange | None:
        """What a date mention resolves to; "since March 22" (after ``start``) is a window from that day on."""
        resolved = mention.resolve(self.anchor, basis=self.basis, future=future)
        governor = governing_word(self.tokens, self.tokens.at_or_after(mention.span.start))
        if resolved is not None and governor is not None and governor.lower in SINCE_WORDS and governor.start >= start:
            end_day = max(resolved.end, self.anchor) if self.anchor is not None else resolved.end
            resolved = DateRange(start=resolved.start, end=end_day, precision=Precision.DAYS, basis=self.basis)
        return resolved

    # --- Places of a movement -----------------------------------------------------------------------------

    def _place_hits(self, sent: _Sentence, start: int, end: int) -> list[tuple[_Name, Place]]:
        out = []
        for hit in sent.names_in(max(start, sent.body_start), end):
            used_otherwise = hit.start in self.actor_hits or hit.start in self.source_hits
            if not used_otherwise:
                place = hit.place
                if place is not None:
                    out.append((hit, place))
        return out

    def _group_places(self, sent: _Sentence, group: PlaceGroup) -> list[Place]:
        """The places a place group names, in order: a known name's place, else an unresolved place. A known name
        that is no place here (a source, an actor, the dateline's) ends the list."""
        places: list[Place] = []
        for ref in group.names:
            if not ref.known:
                opened = self._unresolved(ref.text)
                if opened.name in self.tables.places and (self.gazetteer.resolve(ref.text)
                                                          or self.gazetteer.near_place(ref.text) is not None):
                    # a place the gazetteer knows under another spelling, or a letter off one: a mention of it where
                    # it stands (a spelling it resolves only case aside, as an all-capitals word, is none)
                    self.open_mentions[ref.start] = Mention(name=opened.name, kind=EntityKind.PLACE,
                                                            span=Span(start=ref.start, end=ref.end))
                places.append(opened)
                continue
            hit = self.name_at[ref.start]
            if hit.start < sent.body_start or hit.start in self.actor_hits or hit.start in self.source_hits:
                break
            if hit.place is None:
                # a capital named for its state ("Kyiv", "Moscow") is a place where a movement goes or leaves
                place = self.gazetteer.resolve_place(self.text[hit.start : hit.end])
                if place is None:
                    break
                places.append(place)
                continue
            places.append(hit.place)
        return places

    def _unresolved(self, name: str) -> Place:
        """The place for an open name (one no name hit covers): what the gazetteer resolves it to, else an
        unresolved place; a place of the report when a record holds it."""
        return self.unresolved.get(name) or self.unresolved.setdefault(name, unresolved_place(name, self.gazetteer))

    def _inside_name(self, position: int) -> bool:
        """Whether ``position`` lies inside a known name ("the Observatory *for* Human Rights")."""
        index = bisect.bisect_right(self.name_starts, position) - 1
        return index >= 0 and self.names[index].start < position < self.names[index].end

    def _open_names(self, sent: _Sentence) -> bool:
        """Whether unknown capitalised names may fill place slots in a sentence: not in a headline set in title
        case, where every word is capitalised."""
        if sent.open_names is None:
            tokens = self.tokens
            sent.open_names = not is_title_case(tokens, tokens.at_or_after(sent.start), tokens.at_or_after(sent.end))
        return sent.open_names

    def _enclosing(self, places: list[Place]) -> Place | None:
        """One place for a list: the place itself, or the smallest region that holds them all."""
        if not places:
            return None
        places = list({p.name: p for p in places}.values())
        if len(places) == 1:
            return places[0]
        lineages = [self.tables.geo.lineage(p.name) for p in places]
        common = [p for p in lineages[0] if all(any(q.name == p.name for q in lin) for lin in lineages[1:])
                  and p.kind not in (PlaceKind.DISTRICT, PlaceKind.SUBDISTRICT)]  # reports seldom state these
        if common and common[0].kind not in (PlaceKind.COUNTRY,):
            return common[0]
        # Places of mixed standing ("Jobar, Zamalka, Arbin"): the region most of them lie in.
        counts: dict[str, int] = {}
        for lineage in lineages:
            for place in lineage:
                if place.kind is PlaceKind.REGION:
                    counts[place.name] = counts.get(place.name, 0) + 1
        if counts:
            name, count = max(counts.items(), key=lambda item: item[1])
            if count * 2 > len(places):
                return self.tables.places[name]
        return places[0]

    def _specific(self, places: Iterable[Place], *, first: bool = False) -> Place | None:
        """The most specific of the candidates: one that lies within another, else the finer kind (with
        ``first``, else the first stated: of two destinations that do not nest, the one nearer the verb)."""
        # Distinct places only: a sentence may name one place many times, but the gazetteer holds few.
        candidates = list({p.name: p for p in places}.values())
        if len(candidates) < 2:
            return candidates[0] if candidates else None  # one place is the most specific of one
        inner = [p for p in candidates if not any(q is not p and self.tables.geo.encloses(p.name, q.name)
                                                  and q.name != p.name for q in candidates)]
        if first and inner:
            return inner[0]
        return min(inner or candidates, key=lambda p: PLACE_RANK.get(p.kind, 9))

    def _movement_places(self, sent: _Sentence, start: int, end: int) -> tuple[Place | None, Place | None]:
        """The origin and destination of a clause's movement, from the place groups its cues govern."""
        origins: list[Place] = []
        destinations: list[Place] = []
        crossings: list[Place] = []
        onward: list[Place] = []  # "stopped at X before driving on to Y": where the journey went on to
        tokens = self.tokens
        cues = [c for c in sent.cues_in(start, end) if not self._inside_name(c.start)]
        first, last = tokens.at_or_after(max(start, sent.body_start)), tokens.at_or_after(end)
        frame = Movement.find(tokens, cues, self.known, self.name_spans, first, last,
                              open_names=self._open_names(sent))
        for slot in frame.slots:
            if slot.crossing is not None:
                crossings.extend(self._crossing_places(sent, slot.crossing))
                continue
            if slot.group is None:
                continue
            governed = self._group_places(sent, slot.group)
            if slot.role == "origin":
                origins.extend(governed)
                continue
            if slot.group.crossing and governed:
                # A crossing reached is where the convoy leaves from: "reached the Arbin crossing".
                crossings.append(governed.pop())
            for place in governed:
                (crossings if place.kind is PlaceKind.CROSSING else destinations).append(place)
            if slot.onward:
                onward.extend(p for p in governed if p.kind is not PlaceKind.CROSSING)
        if onward:
            destinations = onward
        bound_at, bound_places = self._bound_places  # "Idlib-bound buses"
        destinations.extend(bound_places[bisect.bisect_left(bound_at, first) : bisect.bisect_left(bound_at, last)])
        destinations = [d for d in destinations if d.kind is not PlaceKind.COUNTRY]
        if not destinations and any(c.cue is Cue.ARRIVE for c in cues):
            # "saw the fighters arrive" with the place elsewhere in the clause ("in Idlib").
            destinations = [p for h, p in self._place_hits(sent, start, end)
                            if preposition_before(tokens, tokens.at_or_after(h.start)) == "in"
                            and p.kind is not PlaceKind.COUNTRY][:1]
        # A name the gazetteer knows wins over one it does not.
        origins = _resolved_first(origins)
        destinations = _resolved_first(destinations)
        enclosing = self._enclosing(origins) if len(origins) > 1 and self._is_list(origins) else None
        origin = self._specific([enclosing] if enclosing is not None else origins)
        if crossings:
            origin = self._specific([*crossings, *([origin] if origin else [])])
        destination = self._specific(destinations, first=True)
        if origin is not None and destination is not None and origin.name == destination.name:
            destination = None
        if origin is not None and origin.kind is PlaceKind.COUNTRY:
            origin = None
        return origin, destination

    @functools.cached_property
    def _bound_places(self) -> tuple[list[int], list[Place]]:
        """The "X-bound" words whose X is a known place ("Idlib-bound buses") or a name the gazetteer does not know:
        the index of each token, in order, and the place. Looked for once, at the words "bound" only, so that a
        clause takes its own by bisection."""
        tokens, words = self.tokens, self.words
        at: list[int] = []
        places: list[Place] = []
        for i in words.among(_BOUND):
            index = bisect.bisect_right(tokens.starts, words.offsets[2 * i + 1]) - 1  # the token the word ends
            bound = bound_name(tokens.items[index])
            named = self.name_at.get(bound[0]) if bound is not None else None
            if named is not None and named.place is not None:
                at.append(index)
                places.append(named.place)
            elif bound is not None and named is None:
                # "Zaporizhzhia-bound buses": a name the gazetteer does not know, read from its grammar, with the
                # capitalised words right before it ("Khan Younis-bound")
                first = index
                while (first > 0 and index - first < _BOUND_NAME_WORDS and tokens.items[first - 1].word
                       and tokens.items[first - 1].text[:1].isupper()
                       and tokens.items[first - 1].lower not in NOT_PLACE_NAMES):
                    first -= 1
                head = self.text[tokens.items[first].start : bound[1]]
                if head.split()[0].split("-")[0].lower() not in NOT_PLACE_NAMES:
                    at.append(index)
                    places.append(self._unresolved(head))
        return at, places

    def _crossing_places(self, sent: _Sentence, index: int) -> list[Place]:
        """The town the crossing noun at token ``index`` is named for ("the Arbin crossing"), else the first place
        within a few words after it ("a crossing point on the outskirts of the town of Arbin")."""
        tokens = self.tokens
        if index > 0:
            before = tokens.items[index - 1]
            for hit, place in self._place_hits(sent, before.start, before.end):
                if hit.end >= before.end - 2:  # the name ends the word before (a possessive aside)
                    return [place]
        for token in tokens.items[index + 1 : index + 1 + 2 * _CROSSING_REACH]:
            beside = self.name_at.get(token.start)
            if (beside is not None and beside.place is not None and beside.start >= sent.body_start
                    and preposition_before(tokens, tokens.at_or_after(beside.start)) in BESIDE_CROSSING):
                return [beside.place]
        return []

    def _is_list(self, places: list[Place]) -> bool:
        distinct = list({p.name: p for p in places}.values())
        return len(distinct) > 1 and not any(
            self.tables.geo.encloses(a.name, b.name) for a in distinct for b in distinct if a is not b
        )

    # --- Factions of a movement ---------------------------------------------------------------------------

    def _groups_in(self, sent: _Sentence, start: int, end: int) -> list[Faction]:
        if start == sent.start and end == sent.end and sent.groups is not None:
            return sent.groups
        out: list[Faction] = []
        for hit in sent.names_in(start, end):
            if hit.start not in self.source_hits:
                group = self._armed_group(hit)
                if group is not None and group not in out:
                    out.append(group)
        if start == sent.start and end == sent.end:
            sent.groups = out
        return out

    def _recent_group(self, index: int, last_with_groups: list[int | None],
                      groups_of: list[list[Faction]]) -> list[Faction]:
        """The armed group most recently named before sentence ``index``, within two paragraphs.

        ``groups_of[i]`` are the groups of sentence ``i`` and ``last_with_groups[i]`` the last sentence up to ``i``
        that has any, so that each convoy finds its group at once however long the paragraph.
        """
        back = last_with_groups[index]
        if back is None:
            return []
        if self.sentences[index].sentence.paragraph - self.sentences[back].sentence.paragraph > 2:
            return []
        return groups_of[back][-1:]

    # --- Counts ---------------------------------------------------------------------------------------------

    def _quantity(self, number: NumberMention) -> Quantity | None:
        if number.value is None:
            return None
        low, high = implied_bounds(number.value, number.qualifier)  # the defaults, worked out once
        return Quantity(value=number.value, qualifier=number.qualifier, low=low, high=high, span=number.span)

    def _noun_of(self, sent: _Sentence, number: NumberMention) -> NounClass | None:
        noun = head_noun(self.text, number.span.end, sent.end)
        if noun is not None:
            self.heads[number.span.start] = (noun.start, noun.end)
            return noun.noun_class
        whole = self._whole_of(sent, number)
        if whole is not None:  # "300 of the 1,500 fighters": the part counts what the whole counts
            noun = head_noun(self.text, whole.span.end, sent.end)
            if noun is not None:
                return noun.noun_class
        partner = self._range_partner(number)
        if partner is not None:  # "between 300 and 400 fighters": the low end counts what the high end counts
            noun = head_noun(self.text, partner.span.end, sent.end)
            if noun is not None:
                return noun.noun_class
        before = noun_before(self.text, sent.start, number.span.start)
        if before is not None:
            return before
        # "The evacuees, some 1,200, left X": a bare count set off after a noun of people counts them
        apposed = self._apposed_to(number)
        if apposed is not None:
            return apposed
        at = self.tokens.at_or_after(number.span.start)
        items = self.tokens.items
        verb = gapped_subject(self.tokens, at, self.tokens.at_or_after(number.span.end))
        if any(items[i].lower in ADDITIVE_WORDS for i in range(max(0, at - 1), min(len(items), at + 2))
               if items[i].start < number.span.end) or (  # "another 15", "a further 200" (the hedge in the span or not)
                verb is not None and self._verb_of_movement(sent, verb)):  # "..., while 25 left Y"
            # "..., while another 12 left X", "..., and 120 quit Y": the count counts what the count before it in
            # the sentence counted
            earlier = [n for n in sent.numbers_in(sent.start, number.span.start) if n.role is NumberRole.COUNT]
            if earlier:
                noun = head_noun(self.text, earlier[-1].span.end, sent.end)
                if noun is not None:
                    return noun.noun_class
        # "killed 1,400", "surpassed 57,500", "6.5 million have been forced": a count of people.
        tokens = self.tokens
        index = tokens.at_or_after(number.span.end)
        items = tokens.items
        if ends_phrase(tokens, tokens.at_or_after(number.span.start), COUNT_OF_PEOPLE_BEFORE, floor=sent.start) or (
                index < len(items) and items[index].start > number.span.end
                and items[index].lower in COUNT_OF_PEOPLE_AFTER):
            return NounClass.PEOPLE
        # "400 of them left", "600 of them were bussed out": a part of people named before, as the movers
        if index + 1 < len(items) and items[index].lower == "of" and items[index + 1].lower in PARTITIVE_PRONOUNS:
            after = index + 2
            while after < len(items) and items[after].lower in AUXILIARY_TENSES:
                after += 1
            if after < len(items) and self._verb_of_movement(sent, after):
                return NounClass.PEOPLE
            # "150 were wounded, 40 of them seriously": a part of the count before with no verb of its own, no
            # figure ("3,000 of them are living in tents" has one)
            if after == index + 2:
                return NounClass.BREAKDOWN
        # "2,000 Druze left": a count, a capitalised name of a people, and a verb of going
        if (index + 1 < len(items) and items[index].text[:1].isupper()
                and items[index + 1].lower in GOING_VERBS):
            return NounClass.PEOPLE
        # "800 Palestinians", "300 Iraqis": a people named for its nation
        if index < len(items) and items[index].text[:1].isupper() and (
                items[index].lower in NATIONALITIES or items[index].lower[:-1] in NATIONALITIES):
            return NounClass.PEOPLE
        return None

    def _partitive_parts(self, sent: _Sentence, numbers: Sequence[NumberMention], end: int) -> dict[str, Quantity]:
        """The fighters and civilians a clause that opens with a partitive counts ("Among them were 200 gunmen",
        "Of those, 150 were fighters": the noun after the count, or after the copula that follows it)."""
        tokens = self.tokens
        items = tokens.items
        parts: dict[str, Quantity] = {}
        for number in numbers:
            if number.role is not NumberRole.COUNT:
                continue
            noun = head_noun(self.text, number.span.end, end)
            after = tokens.at_or_after(number.span.end)
            if noun is None and after < len(items) and items[after].lower in _COPULAS and after + 1 < len(items):
                noun = head_noun(self.text, items[after].end, end)
            slot = _PART_SLOTS.get(noun.noun_class) if noun is not None else None
            quantity = self._quantity(number)
            if slot is not None and quantity is not None and slot not in parts:
                parts[slot] = quantity
        return parts

    def _whole_of(self, sent: _Sentence, number: NumberMention) -> NumberMention | None:
        """The count of the whole that ``number`` is counted a part of ("*300* of the *1,500* fighters"), or
        ``None``: the sentence's next number, when the words between join them."""
        tokens = self.tokens
        after = tokens.at_or_after(number.span.end)
        if after >= len(tokens.items) or tokens.items[after].lower != "of":
            return None  # the common case, settled by one token
        following = sent.number_at_or_after(number.span.end)
        if following is None or following.role is not NumberRole.COUNT:
            return None
        if not part_of_counted_whole(tokens, after, tokens.at_or_after(following.span.start)):
            return None
        return following

    def _moving_part_subject(self, number: NumberMention, cues: Sequence[CueHit]) -> bool:
        """Whether a count of a part of the people (women, children, babies: not the wounded or the sick, who are
        a toll), the only count of its clause, is the subject of its movement: before its verb of movement ("31
        babies were evacuated from X", "Twelve children left X"). Who moved is then all it counts."""
        head = self.heads.get(number.span.start)
        if head is not None and self.text[head[0] : head[1]].lower() in _TOLL_PARTS:
            return False
        return any(c.start > number.span.end for c in _told_verbs(cues))

    def _verb_of_movement(self, sent: _Sentence, index: int) -> bool:
        """Whether the token at ``index`` starts a verb of leaving, moving, arriving or evacuation."""
        token = self.tokens.items[index]
        return any(c.start == token.start and c.cue in _MOVEMENT_VERBS for c in sent.cues_in(token.start, token.end))

    def _apposed_class(self, number: NumberMention) -> str | None:
        """The slot of a noun of civilians or fighters that a count of people is set off after, by a dash, a comma or
        a bracket, past its hedge ("only civilians—approximately 25 people", "fighters, some 300 people,"):
        "civilians" or "fighters", else ``None``."""
        noun = self._apposed_to(number)
        return _PART_SLOTS.get(noun) if noun else None

    def _apposed_to(self, number: NumberMention) -> NounClass | None:
        """The class of the noun of people a count is set off after, by a dash, a comma or a bracket, past its hedge
        ("the evacuees, some 1,200,": people; "civilians—about 25": civilians), or ``None``. Two coordinated
        nouns ("fighters and their relatives, some 900") are people, of neither class."""
        tokens = self.tokens
        items = tokens.items
        i = tokens.at_or_after(number.span.start) - 1
        while i >= 0 and items[i].word and items[i].lower in APPOSITION_HEDGES:
            i -= 1
        if i < 1 or items[i].word or items[i].text not in APPOSITION_MARKS:
            return None
        before = items[i - 1]
        noun = head_noun(self.text, before.start, before.end)
        if noun is None or noun.noun_class not in _PEOPLE_CLASSES:
            return None
        if any(items[k].lower in _COORDINATORS for k in range(max(0, i - 4), i - 1)):
            return NounClass.PEOPLE
        return noun.noun_class

    def _range_partner(self, number: NumberMention) -> NumberMention | None:
        """The high end of a range whose low end is ``number``, or ``None``."""
        if number.range_with is None or not 0 <= number.range_with < len(self.numbers):
            return None
        partner = self.numbers[number.range_with]
        return partner if partner.span.start > number.span.start else None

    # --- The main pass --------------------------------------------------------------------------------------

    def run(self) -> Report:
        paragraph_sources: tuple[Source, ...] = ()
        paragraph = -1
        attributions: list[tuple[Source, ...]] = []
        owns: list[tuple[Source, ...]] = []  # the sources each sentence names itself
        for index, sent in enumerate(self.sentences):
            if sent.sentence.paragraph != paragraph:
                paragraph, paragraph_sources = sent.sentence.paragraph, ()
            if self.zones[index] is Zone.BOILERPLATE:
                owns.append(())
                attributions.append(())
                continue  # page furniture: no claims, no records
            own = self._attribution(sent)
            credit = self._credit(sent) if not own and self.zones[index] is Zone.CAPTION else None
            if credit is not None:  # "(Jane DOE / AFP)": the caption's claims are the agency's
                own, alone = credit
                if alone and attributions and not owns[-1]:  # a credit on a line of its own credits the line before
                    attributions[-1] = (*own, *(s for s in attributions[-1] if s not in own))
            owns.append(own)
            if own:
                paragraph_sources = own
            chain = own or paragraph_sources
            if self.outlet is not None and self.outlet not in chain:
                chain = (*chain, self.outlet)
            attributions.append(chain)
        self._collect_entities()

        candidates: list[_Candidate] = []
        figures: list[_FigureDraft] = []
        events: list[_EventDraft] = []
        for index, sent in enumerate(self.sentences):
            if self.zones[index] is Zone.BOILERPLATE:
                continue
            chain = attributions[index]
            told = len(candidates)
            for start, end in self._clauses(sent):
                self._read_clause(index, sent, start, end, chain, candidates, figures)
            # "according to X and Y": each source's telling of a movement is a record of its own
            # (each distinct source once, so that a sentence of many such phrases stays linear in its length)
            told_here = candidates[told:]
            for source in dict.fromkeys(self.co_sources.get(id(sent), [])):
                if chain and source == chain[0]:
                    continue
                other = (source, self.outlet) if self.outlet is not None and self.outlet != source else (source,)
                candidates.extend(c.told_by(other) for c in told_here)
            events.extend(self._events(index, sent, chain))
        convoys = _consolidate(candidates, self.tables, self.outlet)
        self._fill_from_context(convoys)
        return self._report(convoys, figures, events)

    def _fill_from_context(self, convoys: list[_Candidate]) -> None:
        """Who moved and when, where a record's own sentences do not say: the armed group named last before
        it, and the day the report leads with."""
        lead = self._lead_date()
        groups_of = [self._groups_in(sent, sent.start, sent.end) for sent in self.sentences]
        last_with_groups, _ = nearest_marked([bool(found) for found in groups_of])
        groups = {g.name: g for found in groups_of for g in found}
        # where movements went is not what the report is about ("bussed to X": X is no origin of another)
        origins = {c.origin.name for c in convoys if c.origin is not None}
        topic = self._topic_place({c.destination.name for c in convoys if c.destination is not None} - origins)
        for convoy in convoys:
            if not convoy.factions:
                index = self._sentence_at(max(span.start for span in convoy.spans))
                recent = self._recent_group(index, last_with_groups, groups_of) if index is not None else []
                if not recent and len(groups) == 1:
                    recent = list(groups.values())
                if recent:
                    convoy.infer("factions", recent)
            if convoy.origin is None and topic is not None and (
                convoy.destination is None or not self.tables.geo.encloses(convoy.destination.name, topic.name)
            ):
                convoy.infer("origin", topic)
            if convoy.date is None and not convoy.own_time and lead is not None and convoy.paragraph <= lead[1] + 6:
                convoy.infer("date", lead[0])

    def _topic_place(self, destinations: Container[str] = ()) -> Place | None:
        """The place the report is about: the Syrian town or region it names most often (first on ties), of those
        that are not only ``destinations`` of its movements."""
        counts: dict[str, int] = {}
        for hit in self.names:
            place = hit.place
            if place is None or hit.start in self.source_hits or hit.start in self.actor_hits or (
                    place.name in destinations):
                continue
            if place.country == "Syria" and place.kind in (PlaceKind.TOWN, PlaceKind.REGION, PlaceKind.DISTRICT,
                                                           PlaceKind.CAMP):
                counts[place.name] = counts.get(place.name, 0) + 1
        if not counts:
            return None
        return self.tables.places[max(counts, key=lambda name: counts[name])]

    def _lead_date(self) -> tuple[DateRange, int] | None:
        """The first day stated in the first three paragraphs of the text, and its paragraph."""
        for sent in self.sentences:
            if sent.sentence.paragraph > 2:
                break
            for mention in sent.dates:
                if mention.future:
                    continue  # "tomorrow": a day to come leads no past movement
                resolved = mention.resolve(self.anchor, basis=self.basis)
                if resolved is not None and resolved.precision is Precision.DAY:
                    return resolved, sent.sentence.paragraph
        return None

    def _lead_weekday(self) -> int | None:
        """The weekday of the first plain weekday ("on Sunday", not "last Sunday" or "next Sunday") stated in the
        first three paragraphs of the text, or ``None``."""
        for sent in self.sentences:
            if sent.sentence.paragraph > 2:
                break
            for mention in sent.dates:
                if mention.weekday is not None and mention.relative is None and not mention.future:
                    return mention.weekday
        return None

    def _read_clause(self, index: int, sent: _Sentence, start: int, end: int, chain: tuple[Source, ...],
                     candidates: list[_Candidate], figures: list[_FigureDraft]) -> None:
        text = self.text
        # "reached a deal" is no arrival: a verb of arrival whose object is an agreement is dropped
        stated = sent.cues_in(start, end)
        cues = [c for c in self._without_figurative_arrivals(stated) if not self._names_a_place(c)]
        # "were taken to temporary shelters in X": where the movement went, not how many are in shelters
        moved = any(c.cue in _MOVEMENT_VERBS for c in cues)
        cues = [c for c in cues if c.cue is not Cue.SHELTERS or not (
            moved and destination_noun(self.tokens, self.tokens.at_or_after(c.start)))]
        cues = self._with_seen_plans(cues, start)
        # Where the verbs that tell a deal ("the accord that was reached") end: a date after one is the deal's day.
        kept = {id(c) for c in cues}
        deal_verbs = [c.end for c in stated if c.cue is Cue.ARRIVE and id(c) not in kept]
        kinds = {c.cue for c in cues if c.cue is not Cue.ENTER or not self._before_a_vehicle(c, cues)}
        planned = Cue.PLANNED in kinds
        historical = Cue.HISTORICAL in kinds
        # Buses that enter or wait have not left; an arrival noun ("at the entrance of X") tells no arrival of
        # theirs.
        arriving = any(c.cue is Cue.ARRIVE and c.form is not CueForm.ARRIVAL_NOUN for c in cues)
        going = any(c.form is CueForm.GOING_PHRASE for c in cues)  # "They headed for X": a verb of going in a cue
        moving = (bool(kinds & MOVEMENT_CUES) or going) and not (Cue.ENTER in kinds and Cue.LEAVE not in kinds
                                                                 and not arriving)
        # A convoy of goods ("lorries carrying food for 27,500 people", "an aid convoy") moves no people.
        moving = moving and not carries_goods(self.tokens, self.tokens.at_or_after(start), self.tokens.at_or_after(end))
        # People crossing on foot (corridors, front lines) flee; a convoy has vehicles. An evacuation to a stated
        # place through a corridor is a movement ("3,000 were evacuated via a humanitarian corridor from X to Y").
        if Cue.FLED in kinds and Cue.CONVOY not in kinds:
            if self._evacuated_through(cues, sent, start, end):
                cues = [c for c in cues if c.cue is not Cue.FLED]  # the corridor is the way, not a flight
                kinds.discard(Cue.FLED)
            else:
                moving = False
        # "500 fighters did not leave X", "refused to leave", "were prevented from leaving", "no buses left": a
        # movement denied is none, and its counts count no movers
        denied = moving and self._all_denied(cues, start)
        moving = moving and not denied
        numbers = sent.numbers_in(start, end)
        if moving and tells_reinforcement(self.tokens, self.tokens.at_or_after(start), self.tokens.at_or_after(end)):
            # "moved 400 fighters to reinforce its lines": a deployment, whose counts are of no people displaced
            for number in numbers:
                if number.role is NumberRole.COUNT:
                    self.unplaced.append(Unplaced(kind=UnplacedKind.NUMBER, text=text[number.span.start :
                                                  number.span.end], span=number.span, reason="forces deployed"))
            return
        if not moving and start == sent.start and opens_with_partitive(self.tokens, self.tokens.at_or_after(start),
                                                                       self.tokens.at_or_after(end)):
            # "Of those, 150 were fighters.": the fighters or civilians of the movement told just before
            parts = self._partitive_parts(sent, numbers, end)
            if parts:
                part = self._new_candidate(index, sent, start, end, chain, None, None, None)
                for slot, counted in parts.items():
                    setattr(part, slot, counted)
                part.refers_back = part.continues_only = True
                candidates.append(part)
                return
        if not numbers and not moving:
            return  # no count to read and no movement to record
        if not moving and not planned and not any(n.role is NumberRole.COUNT for n in numbers):
            return  # numbers that count nothing (years, times, percentages), and no movement or plan to read
        # Plan, total and deal cues apply to the counts of their own phrase (see CueScope).
        scope = CueScope(self.tokens, cues, numbers, start, end)
        planned_phrases = scope.phrases_of(Cue.PLANNED, leading=True)
        # A date stated earlier in the sentence frames the clause ("State media said Monday that ..."); a weekday
        # is read as one to come when the clause's first date stands in a planned phrase.
        dates = sent.dates_in(max(start, sent.body_start), end)
        # A departure expected today is one in progress, a movement by the annotation conventions ("about 2,000
        # are expected to leave today, a reporter at the crossing said").
        today = {scope.phrase_at(d.span.start) for d in dates if self._is_anchor_day(d)}
        # "were expected to leave today": an expectation told in the past stays a plan (it may not have come true)
        today -= {scope.phrase_at(c.start) for c in cues if c.cue is Cue.PLANNED and self._expected_in_the_past(c)}
        planned_phrases -= today
        planned = planned and bool(planned_phrases or not today)
        planned_counts = scope.counts_in(planned_phrases)
        future = planned and (not dates or scope.phrase_at(dates[0].span.start) in planned_phrases)
        date = self._date_of(sent, start, end, future=future) or (
            None if start in sent.own_time else self._date_before(sent, start, future=future))
        # A time known to the week frames one movement when the clause names one ("a first evacuation of N took
        # place earlier this week"); else, as any coarser time, it is a window and its counts are totals.
        windowed = date is not None and date.precision is not Precision.DAY and not (
            date.precision is Precision.WEEK and self._names_one_movement(sent, cues)) and not (
            date.precision is Precision.DAYS and Cue.CONVOY in kinds)  # buses over two days: one convoy
        # one day, even when no year resolves it ("On March 26" in a text without a year)
        one_day = (date is not None and date.precision is Precision.DAY) or (date is None and any(
            m.day is not None and m.month is not None and m.end_day is None for m in dates))
        # On one stated day, a word that sums a count's parts ("2,100 people in all left X on Saturday") tells the
        # people of that day's movement; over a window, or with no day, the count is a running total.
        total_counts = scope.counts_of(Cue.CUMULATIVE, leading=not one_day,
                                       besides=CueForm.SUM_WORD if one_day else None)
        if self._by_a_deadline(dates):  # "had left X by Sunday night": a running total, not one day's convoy
            total_counts |= {id(n) for n in numbers}
        if not one_day:
            total_counts |= scope.counts_of(Cue.AGREEMENT, leading=True)
        origin, destination = self._movement_places(sent, start, end)
        place = origin or self._specific(p for _, p in self._place_hits(sent, start, end))

        candidate: _Candidate | None = None
        counted_as_figure = False
        after_breakdown = False
        consumed: set[int] = set()  # high ends of ranges already read into a convoy slot
        repeats: list[_Candidate] = []  # "..., and another 800 on Tuesday": the movement again, on another day
        fled_phrases = {scope.phrase_at(c.start) for c in cues if c.cue is Cue.FLED}
        shelter_phrases = {scope.phrase_at(c.start) for c in cues if c.cue is Cue.SHELTERS}
        wounded_at = {c.start for c in cues if c.cue is Cue.WOUNDED}
        kind_cues = FigureKinds(cues, self._kind_cues(sent), end, self._part_ends(cues, end),
                                self._nouns_of(numbers, start, breakdown=Cue.BREAKDOWN in kinds))
        # "300 of the 1,500 fighters": the wholes that a count before them is a part of
        wholes = {id(whole) for n in numbers if n.role is NumberRole.COUNT
                  for whole in (self._whole_of(sent, n),) if whole is not None}
        only_count = sum(1 for n in numbers if n.role is NumberRole.COUNT) == 1
        for number in numbers:
            if id(number) in consumed:
                continue
            if ends_phrase(self.tokens, self.tokens.at_or_after(number.span.start), BREAKDOWN_PHRASES, floor=start,
                           skipping=BREAKDOWN_HEDGES):
                after_breakdown = True
            if number.role is not NumberRole.COUNT:
                continue
            if id(number) in wholes:
                # "300 of the 1,500 fighters left": the whole is who could have moved, not who did
                self.unplaced.append(Unplaced(kind=UnplacedKind.NUMBER, text=text[number.span.start :
                                              number.span.end], span=number.span, reason="the whole of a part"))
                continue
            noun = self._noun_of(sent, number)
            if number.vague:
                self.amounts.append((VagueAmount(low=number.low or 0, high=number.high, span=number.span), None))
                if (moving and not planned and not historical and not windowed and candidate is None
                        and noun in (NounClass.PEOPLE, NounClass.FIGHTERS, NounClass.CIVILIANS, NounClass.FAMILIES,
                                     NounClass.BUSES)):
                    candidate = self._new_candidate(index, sent, start, end, chain, origin, destination, date)
                    self.amounts[-1] = (self.amounts[-1][0], candidate)
                continue
            quantity = self._quantity(number)
            if quantity is None:
                continue
            if noun is NounClass.THING:
                self.unplaced.append(Unplaced(kind=UnplacedKind.NUMBER, text=text[number.span.start :
                                              number.span.end], span=number.span, reason="a count of things"))
                continue
            if candidate is not None and noun in (None, NounClass.BUSES, NounClass.PEOPLE, NounClass.FIGHTERS,
                                                  NounClass.CIVILIANS, NounClass.FAMILIES):
                repeated = self._repeated_movement(index, sent, number, noun, candidate, scope, end)
                if repeated is not None:
                    repeats.append(repeated)
                    continue
            carried = noun is NounClass.BREAKDOWN and moving and ends_phrase(
                self.tokens, self.tokens.at_or_after(number.span.start), CARRYING_VERBS, floor=start,
                skipping=BREAKDOWN_HEDGES)
            if carried or (noun is NounClass.BREAKDOWN and moving and not after_breakdown and only_count
                           and self._moving_part_subject(number, cues)):
                # "a bus carrying 45 wounded", "31 babies were evacuated": the people the movement carried
                noun = NounClass.PEOPLE
            if noun in (None, NounClass.BREAKDOWN, NounClass.OTHER):
                kind = kind_cues.kind_of(number, scope.phrase_start(number.span.start))
                if kind is FigureKind.EVACUATED and moving:
                    kind = None  # the count of the movement its own verb tells
                if noun is NounClass.BREAKDOWN and self._counts_the_wounded(number, wounded_at, start):
                    noun, kind = None, FigureKind.WOUNDED  # "killed 45 and 200 wounded": the toll's wounded
                if noun is NounClass.BREAKDOWN or kind is None:
                    reason = "a demographic breakdown" if noun is NounClass.BREAKDOWN else "a number with no role"
                    self.unplaced.append(Unplaced(kind=UnplacedKind.NUMBER, text=text[number.span.start :
                                                  number.span.end], span=number.span, reason=reason))
                    continue
                figures.append(_FigureDraft(kind=kind, quantity=quantity, place=place, sources=chain, date=date,
                                            spans=[sent.span], sentence=index))
                counted_as_figure = True
                continue
            kind = kind_cues.kind_of(number, scope.phrase_start(number.span.start))
            head = self.heads.get(number.span.start)
            if carried:
                kind = None  # "carrying 300 sick and wounded": the people the movement carried
            elif head is not None and kind_cues.adjective(number, head[0]):
                # "400 wounded civilians are yet to be evacuated": the predicate's kind, if its phrase has one
                phrase = scope.phrase_at(number.span.start)
                phrase_end = scope.bounds[phrase] if phrase < len(scope.bounds) else end
                predicate = kind_cues.first_between(head[1], phrase_end)
                if predicate is not None or moving:  # "400 wounded civilians were evacuated": the movement's
                    kind = predicate
            if kind in (FigureKind.EVACUATED, FigureKind.RESIDENTS) and moving:
                kind = None  # the count of the movement its own verb tells; "700 residents of X left"
            elif kind is FigureKind.RESIDENTS and scope.phrase_at(number.span.start) in fled_phrases:
                kind = FigureKind.FLED  # "500 residents fled": the noun names who, the flight what happened
            elif (kind in (FigureKind.REMAINING, FigureKind.DISPLACED, FigureKind.RESIDENTS)
                  and scope.phrase_at(number.span.start) in shelter_phrases):
                # "living in collective shelters", "displaced people live in shelters", "residents registered at
                # the shelter": the more specific kind
                kind = FigureKind.IN_SHELTERS
            planned_count = id(number) in planned_counts
            if noun is NounClass.BUSES:
                if moving and not planned_count:
                    candidate = candidate or self._new_candidate(index, sent, start, end, chain, origin,
                                                                 destination, date)
                    candidate.buses = candidate.buses or quantity
                elif candidate is None and start == sent.start and opens_with_anaphor(
                        self.tokens, self.tokens.at_or_after(start), self.tokens.at_or_after(end)):
                    # "The convoy will consist of 40 buses": the vehicles of the movement told before, which
                    # only the chain of clauses that refer back may take (see ``continues_only``).
                    candidate = self._new_candidate(index, sent, start, end, chain, origin, destination, date)
                    candidate.buses = quantity
                    candidate.continues_only = True
                else:
                    self.unplaced.append(Unplaced(kind=UnplacedKind.NUMBER, text=text[number.span.start :
                                                  number.span.end], span=number.span,
                                                  reason="buses not reported as leaving"))
                continue
            if planned_count and kind in (None, FigureKind.FLED, FigureKind.DISPLACED, FigureKind.EVACUATED):
                kind = FigureKind.PLANNED  # "up to 50,000 could flee", "5,000 are expected to be displaced"
            cumulative = windowed or id(number) in total_counts
            if kind is None and moving and (cumulative or historical or quantity.value > MAX_CONVOY_PEOPLE):
                kind = FigureKind.EVACUATED
            if kind is None and denied:
                # "500 fighters refused to leave": who did not move, of no kind of its own ("refused to leave and
                # remain" has one)
                self.unplaced.append(Unplaced(kind=UnplacedKind.NUMBER, text=text[number.span.start :
                                              number.span.end], span=number.span, reason="a movement denied"))
                continue
            if kind is not None or not moving:
                figures.append(_FigureDraft(kind=kind or FigureKind.OTHER, quantity=quantity, place=place,
                                            sources=chain, date=date,
                                            spans=[sent.span], sentence=index))
                counted_as_figure = True
                continue
            candidate = candidate or self._new_candidate(index, sent, start, end, chain, origin, destination, date)
            partner = self._range_partner(number)
            if partner is not None and partner.value is not None and partner.value > quantity.value:
                # "between 300 and 400 fighters": one slot, bounded on both sides.
                quantity = Quantity(value=quantity.value, qualifier=number.qualifier, low=quantity.value,
                                    high=partner.value, span=Span(start=number.span.start, end=partner.span.end))
                consumed.add(id(partner))
            slot = {NounClass.FIGHTERS: "fighters", NounClass.CIVILIANS: "civilians"}.get(noun, "people")
            if slot == "fighters" and candidate.people is None and candidate.fighters is not None:
                slot = "people"  # "N gunmen among M evacuees" read left to right
            if getattr(candidate, slot) is None:
                setattr(candidate, slot, quantity)
                apposed = self._apposed_class(number) if noun is NounClass.PEOPLE else None
                if apposed is not None and getattr(candidate, apposed) is None:
                    setattr(candidate, apposed, quantity)  # "only civilians—about 25 people—": who they are
            elif slot == "people" and candidate.fighters is None and after_breakdown:
                candidate.fighters = quantity
        # A clause about convoys keeps its movement even when its counts are totals ("daily convoys ... 30,000
        # people in all"); without vehicles, counts read as totals leave no movement of their own.
        # vehicles of the clause's own, not a means of travel ("have left X by bus")
        items = self.tokens.items
        vehicles = any(c.cue is Cue.CONVOY and items[max(0, self.tokens.at_or_after(c.start) - 1)].lower != "by"
                       for c in cues) and not any(c.cue is Cue.CUMULATIVE and c.form is CueForm.NUMBER_OF
                                                  for c in cues)
        # A movement told without numbers is still a convoy, when the clause says who moved, and where or who;
        # "They left for X" continues the movement told before it.
        tokens = self.tokens
        first, last = tokens.at_or_after(start), tokens.at_or_after(end)
        refers_back = start == sent.start and (opens_with_anaphor(tokens, first, last)
                                               or told_aboard(tokens, first, last))
        # "..., and a second batch departed at night": one more movement of a series, told with its own verb
        series = opens_with_series(tokens, first, last)
        # Without counts, a clause that only names a deal ("the evacuation is part of the agreement"), only
        # sums up several movements by a plural noun ("evacuations from A and B", "the evacuations ended") or only
        # plans one ("a deal to evacuate") tells no movement of its own.
        first_deal = next((c.start for c in cues if c.cue is Cue.AGREEMENT), None)
        told = [c for c in cues if c.cue in MOVEMENT_CUES and c.cue is not Cue.CONVOY
                and c.form is not CueForm.PLURAL_MOVEMENT_NOUN
                and not self._deal_infinitive(c, first_deal, start)]
        deal_day = bool(deal_verbs) and bool(dates) and all(deal_verbs[0] <= d.span.start for d in dates)
        deal_statement = Cue.AGREEMENT in kinds and (not one_day or deal_day) and all(
            c.form is CueForm.MOVEMENT_NOUN for c in told)
        bare_movement = (
            candidate is None and moving and not planned and not historical and not windowed
            and (bool(told) or going or Cue.CONVOY in kinds) and not deal_statement
            and not self._told_in_relatives(told, start, end)
            and (vehicles or not counted_as_figure)
            and (((refers_back or series) and (bool(kinds & _MOVEMENT_VERBS) or going))
                 or (bool(origin or destination or self._groups_in(sent, start, end))
                                 and names_movers(tokens, first, last)))
            and not any(self._verb_group(c, start).negated for c in cues if c.cue in _MOVEMENT_VERBS)
            and not negation_in(tokens, first, last)
        )
        # "After inspection, the buses will leave for X": a plan whose subject refers back tells where the movement
        # told before it goes; it continues that movement or gives no record.
        plan_of_the_told = (
            candidate is None and not bare_movement and planned and refers_back and destination is not None
            and not counted_as_figure and not negation_in(tokens, first, last)
        )
        if bare_movement:
            candidate = self._new_candidate(index, sent, start, end, chain, origin, destination, date)
        elif plan_of_the_told:
            candidate = self._new_candidate(index, sent, start, end, chain, None, destination, None)
            candidate.weekday = None  # the plan's day is not the movement's
            candidate.continues_only = True
        if candidate is not None:
            if candidate.buses is None:
                candidate.buses = self._one_bus(cues)  # "a bus carrying 25 people", "Abu Ahmad's bus left"
            candidate.refers_back = refers_back
            candidate.background = start in sent.own_time
            candidate.arrival = Cue.ARRIVE in kinds and Cue.LEAVE not in kinds
            candidate.distinct = series or names_a_series(tokens, first, last)
            candidates.append(candidate)
            candidates.extend(repeats)

    def _nouns_of(self, numbers: Sequence[NumberMention], start: int, *, breakdown: bool) -> dict[int, int]:
        """The word right after each count of a breakdown ("among them 30 *wounded*": where its own noun starts),
        mapped to where the count starts."""
        tokens = self.tokens
        items = tokens.items
        nouns: dict[int, int] = {}
        if not breakdown:
            return nouns
        for number in numbers:
            at = tokens.at_or_after(number.span.start)
            index = tokens.at_or_after(number.span.end)
            while index + 1 < len(items) and items[index].word and items[index].lower.endswith("ly"):
                index += 1  # "including 53 *seriously* wounded": the adverb belongs to the kind word
            if index < len(items) and ends_phrase(tokens, at, BREAKDOWN_PHRASES, floor=start,
                                                  skipping=BREAKDOWN_HEDGES):
                nouns[items[index].start] = number.span.start
        return nouns

    def _part_ends(self, cues: Sequence[CueHit], end: int) -> dict[int, int]:
        """Where the noun group after each breakdown cue of a clause ends, keyed by the cue's end."""
        tokens = self.tokens
        stop = tokens.at_or_after(end)
        return {c.end: part_group_end(tokens, tokens.at_or_after(c.end), stop) for c in cues
                if c.cue is Cue.BREAKDOWN}

    def _counts_the_wounded(self, number: NumberMention, wounded_at: set[int], start: int) -> bool:
        """Whether a count's own noun is a word of wounding and no breakdown word opens its phrase: "45 killed and
        200 *wounded*" counts the wounded; "500 people, among them 30 wounded" names a part."""
        tokens = self.tokens
        after = tokens.at_or_after(number.span.end)
        return (after < len(tokens) and tokens.items[after].start in wounded_at
                and not ends_phrase(tokens, tokens.at_or_after(number.span.start), BREAKDOWN_PHRASES, floor=start,
                                    skipping=BREAKDOWN_HEDGES))

    def _repeated_movement(self, index: int, sent: _Sentence, number: NumberMention, noun: NounClass | None,
                           first: _Candidate, scope: CueScope, end: int) -> _Candidate | None:
        """The movement of ``first`` told again with another count, the verb and places left out ("1,200 left X
        for Y on Monday, and another 800 on Tuesday"), or ``None``. The count's phrase holds no verb of movement;
        its day is the first it states. The count fills the slot its noun names, else the first's slot. The phrase
        holds no other cue than of places and vehicles: "with another 300 waiting at the crossing" is no movement."""
        tokens = self.tokens
        at, after = tokens.at_or_after(number.span.start), tokens.at_or_after(number.span.end)
        if not elliptical_count(tokens, at, after):
            return None
        phrase_end = next((b for b in scope.bounds if b > number.span.end), end)
        if any(c.cue not in (Cue.FROM, Cue.TO, Cue.CONVOY) for c in sent.cues_in(number.span.end, phrase_end)):
            return None  # a verb of its own ("another 300 waiting at the crossing"): not the movement again
        quantity = self._quantity(number)
        if quantity is None:
            return None
        slots = first.slots()
        if after < len(tokens) and tokens.items[after].lower in ADDITIVE_WORDS:
            noun = None  # "15 more": the noun is the first count's, left out
        slot = {NounClass.BUSES: "buses", NounClass.FIGHTERS: "fighters", NounClass.CIVILIANS: "civilians",
                NounClass.PEOPLE: "people", NounClass.FAMILIES: "people"}.get(noun) if noun is not None else None
        if slot is None:
            slot = next(iter(slots), "people")
        date = self._date_of(sent, number.span.end, phrase_end, future=False)
        repeated = self._new_candidate(index, sent, number.span.start, phrase_end, first.sources, first.origin,
                                       first.destination, date)
        repeated.factions = list(first.factions)
        repeated.weekday = next((m.weekday for m in sent.dates_in(number.span.end, phrase_end)), None)
        repeated.distinct = True  # "another": a movement of its own, never a restatement of the first
        setattr(repeated, slot, quantity)
        return repeated

    def _evacuated_through(self, cues: Sequence[CueHit], sent: _Sentence, start: int, end: int) -> bool:
        """Whether a clause tells one day's evacuation to a stated place through a corridor: its only words of
        flight are corridor nouns, a verb says "evacuated", a day and a destination are named."""
        if not all(c.form is CueForm.CORRIDOR_NOUN for c in cues if c.cue is Cue.FLED):
            return False
        if not any(m.weekday is not None or m.day is not None or m.relative in ("today", "yesterday")
                   for m in sent.dates_in(start, end)):
            return False
        if not any(c.form is CueForm.EVACUATION_VERB or c.text.lower() == "evacuated from" for c in cues):
            return False
        return self._movement_places(sent, start, end)[1] is not None

    def _one_bus(self, cues: Sequence[CueHit]) -> Quantity | None:
        """One bus, when a singular vehicle noun is named by "a", "an" or a possessive, past one adjective at most
        ("a bus carrying 25 people", "a single bus", "Sami's bus", "her old bus"); its span runs from the article
        or possessive; else ``None``."""
        items = self.tokens.items
        for cue in cues:
            if cue.cue is not Cue.CONVOY or cue.text.lower() not in SINGLE_VEHICLES:
                continue
            index = self.tokens.at_or_after(cue.start)
            article = next((i for i in (index - 1, index - 2) if i >= 0 and (
                items[i].lower in ONE_VEHICLE_DETERMINERS or items[i].possessive)), None)
            compound = index + 1 < len(items) and items[index + 1].lower in VEHICLE_COMPOUNDS  # "a bus station"
            if article is not None and not compound and all(t.word for t in items[article:index]):
                low, high = implied_bounds(1, Qualifier.EXACT)
                return Quantity(value=1, qualifier=Qualifier.EXACT, low=low, high=high,
                                span=Span(start=items[article].start, end=cue.end))
        return None

    def _by_a_deadline(self, dates: Sequence[DateMention]) -> bool:
        """Whether a date of the clause is a deadline: "by" governs it ("by Sunday night", "by late Monday")."""
        tokens = self.tokens
        items = tokens.items
        for mention in dates:
            index = tokens.at_or_after(mention.span.start)
            while index > 0 and items[index - 1].lower in DEADLINE_SKIPS:
                index -= 1
            if index > 0 and items[index - 1].lower in DEADLINE_WORDS:
                return True
        return False

    def _names_a_place(self, cue: CueHit) -> bool:
        """Whether a deal word is a noun of place ("the Arbil *settlement*", "the settlement of X", "left the
        settlement"): after a name, before "of" and a name, or the object of a verb of leaving or a preposition of
        place."""
        if cue.cue is not Cue.AGREEMENT or cue.form is not CueForm.PLACE_DEAL_WORD:
            return False
        tokens = self.tokens
        items = tokens.items
        index = tokens.at_or_after(cue.start)
        before = items[index - 1] if index > 0 else None
        if before is not None and before.word and before.text[:1].isupper() and before.lower not in DETERMINERS:
            return True  # "the Arbil settlement"
        if index + 2 < len(items) and items[index + 1].lower == "of" and items[index + 2].text[:1].isupper():
            return True  # "the settlement of Arbil"
        governor = preposition_before(tokens, index)
        return governor is not None and (governor in LOCATIVE_PREPOSITIONS or governor in PLACE_GOVERNORS)

    def _before_a_vehicle(self, cue: CueHit, cues: Sequence[CueHit]) -> bool:
        """Whether a verb of entering or waiting stands as an adjective right before a noun of vehicles ("boarded
        the *waiting* buses"): then it tells nothing of what the buses did."""
        if cue.cue is not Cue.ENTER:
            return False
        index = self.tokens.at_or_after(cue.end)
        if index >= len(self.tokens):
            return False
        after = self.tokens.items[index].start
        return any(c.cue is Cue.CONVOY and c.start == after for c in cues)

    def _names_one_movement(self, sent: _Sentence, cues: Sequence[CueHit]) -> bool:
        """Whether a clause names one movement by a singular noun group: "a"/"an" or an ordinal before a singular
        noun of movement or of a convoy ("a first evacuation", "a convoy", "the second batch")."""
        items = self.tokens.items
        for cue in cues:
            if cue.form not in (CueForm.SINGULAR_MOVEMENT_NOUN, CueForm.MOVEMENT_NOUN):
                continue
            index = self.tokens.at_or_after(cue.start)
            before = items[index - 1] if index > 0 else None
            if before is None:
                continue
            if before.lower in ("a", "an") or any(n.role is NumberRole.ORDINAL
                                                  for n in sent.numbers_in(before.start, before.end)):
                return True
        return False

    def _told_in_relatives(self, told: Sequence[CueHit], start: int, end: int) -> bool:
        """Whether every movement verb of a clause is the verb of a restrictive relative clause: "help the people
        who were evacuated to X" tells who the people are, not a movement of its own. A relative clause holds one
        verb: a second one after it is the main verb ("the fighters who left X *arrived* in Y")."""
        if not told:
            return False
        tokens = self.tokens
        spans = restrictive_relatives(tokens, tokens.at_or_after(start), tokens.at_or_after(end))
        starts = [s for s, _ in spans]
        verbs_of: set[int] = set()  # the relative clauses whose verb has been seen
        for cue in told:
            index = bisect.bisect_right(starts, cue.start) - 1
            if index < 0 or cue.start >= spans[index][1] or index in verbs_of:
                return False
            verbs_of.add(index)
        return True

    def _is_anchor_day(self, mention: DateMention) -> bool:
        """Whether a date names the day the report is dated ("today", "tonight", or the weekday it was written on,
        read forward). A report with no date to anchor it is written on the day its lead tells: the weekday of
        the first day its first paragraphs state (see :meth:`_lead_weekday`)."""
        if mention.relative == "today":
            return True
        if self.anchor is None:
            return mention.weekday is not None and mention.relative is None and mention.weekday == self.lead_weekday
        resolved = mention.resolve(self.anchor, basis=self.basis, future=True)
        return (resolved is not None and resolved.precision is Precision.DAY and mention.weekday is not None
                and resolved.start == self.anchor)

    def _expected_in_the_past(self, cue: CueHit) -> bool:
        """Whether a plan cue is told in the past: an auxiliary of the past stands before it, past adverbs and
        "been" ("*were* expected to", "*had been* set to", "*was* due to")."""
        items = self.tokens.items
        i = self.tokens.at_or_after(cue.start) - 1
        while i >= 0 and (items[i].lower in GROUP_ADVERBS or items[i].lower == "been"):
            i -= 1
        return i >= 0 and AUXILIARY_TENSES.get(items[i].lower) == "past"

    def _all_denied(self, cues: Sequence[CueHit], start: int) -> bool:
        """Whether the clause has verbs of movement and every one of them is denied (see ``_denied``)."""
        verbs = _told_verbs(cues)
        return bool(verbs) and all(self._denied(c, start) for c in verbs)

    def _denied(self, cue: CueHit, start: int) -> bool:
        """Whether the movement verb of a cue is denied: its verb group is negated, its subject is ("no buses
        left", "none of them left"), or it is only asked about ("asked whether 3,000 had left")."""
        tokens = self.tokens
        first, verb = tokens.at_or_after(start), tokens.at_or_after(cue.start)
        return (self._verb_group(cue, start).negated or negative_subject(tokens, first, verb)
                or in_open_question(tokens, first, verb))

    def _verb_group(self, cue: CueHit, start: int) -> VerbGroup:
        """The verb group a cue heads, read back no further than the clause that starts at ``start`` (read once for
        each cue and clause: the readers of a clause ask about the same verbs)."""
        key = (cue.start, start)
        group = self.verb_groups.get(key)
        if group is None:
            tokens = self.tokens
            group = self.verb_groups[key] = verb_group(tokens, tokens.at_or_after(cue.start),
                                                       tokens.at_or_after(start))
        return group

    def _deal_infinitive(self, cue: CueHit, first_deal: int | None, start: int) -> bool:
        """Whether a movement verb is a bare infinitive after a deal named before it (which starts at
        ``first_deal``): "a deal to evacuate the fighters"; an infinitive that a verb governs tells what happened
        ("began to leave")."""
        return first_deal is not None and first_deal < cue.start and self._verb_group(cue, start).infinitive

    def _with_seen_plans(self, cues: list[CueHit], start: int) -> list[CueHit]:
        """The cues, and a cue of plan at the modal when every verb of movement tells what "see" under a modal
        would bring about ("the deal would see the rebels bussed to X"; see ``seen_by_modal``)."""
        tokens = self.tokens
        first = tokens.at_or_after(start)
        modals = []
        for verb in _told_verbs(cues):
            modal = seen_by_modal(tokens, tokens.at_or_after(verb.start), first)
            if modal is None:
                return cues
            modals.append(modal)
        if not modals:
            return cues
        at = min(modals)
        token = tokens.items[tokens.at_or_after(at)]
        plan = CueHit(cue=Cue.PLANNED, start=token.start, end=token.end, text=token.text)
        return sorted([*cues, plan], key=lambda c: c.start)

    def _without_figurative_arrivals(self, cues: list[CueHit]) -> list[CueHit]:
        """The cues, less each verb of arrival whose object is an agreement ("reached a deal", "reached an
        understanding": the agreement cue stands within three words after it) or whose passive subject is one
        ("a deal was reached", "the accord that had been reached": the verb group is passive and only a relative
        pronoun stands between the agreement cue and the group)."""
        agreements = [c.start for c in cues if c.cue is Cue.AGREEMENT]
        if not agreements:
            return cues
        agreement_ends = {c.end for c in cues if c.cue is Cue.AGREEMENT}
        tokens = self.tokens
        out = []
        for cue in cues:
            if cue.cue is Cue.ARRIVE:
                after = tokens.at_or_after(cue.end)
                reach = tokens.items[min(after + 3, len(tokens) - 1)].end if after < len(tokens) else cue.end
                nearest = bisect.bisect_left(agreements, cue.end)
                if nearest < len(agreements) and agreements[nearest] < reach:
                    continue
                if self._passive_subject_ends(tokens.at_or_after(cue.start)) in agreement_ends:
                    continue
            out.append(cue)
        return out

    def _passive_subject_ends(self, index: int) -> int:
        """Where the subject of the passive verb group headed by token ``index`` ends, past a relative pronoun
        ("the deal *that had been* reached", "a deal *was* reached"); -1 when the group is not passive or no word
        stands before it."""
        group = verb_group(self.tokens, index)
        if group.voice is not Voice.PASSIVE:
            return -1
        items = self.tokens.items
        i = group.first - 1
        if i >= 0 and items[i].lower in RELATIVE_LINKS:
            i -= 1
        return items[i].end if i >= 0 and items[i].word else -1

    def _new_candidate(self, index: int, sent: _Sentence, start: int, end: int, chain: tuple[Source, ...],
                       origin: Place | None, destination: Place | None, date: DateRange | None) -> _Candidate:
        groups = list(self._groups_in(sent, sent.start, sent.end))
        if sent.deal_phrases:  # the groups a deal's phrase names are the deal's
            inside = {g.name for a, b in sent.deal_phrases for g in self._groups_in(sent, a, b)}
            edges = [sent.start, *(edge for span in sent.deal_phrases for edge in span), sent.end]
            outside = {g.name for a, b in itertools.pairwise(edges) for g in self._groups_in(sent, a, b)
                       if (a, b) not in sent.deal_phrases}
            groups = [g for g in groups if g.name not in inside or g.name in outside]
        # The weekday of the clause, else the last one stated earlier in the sentence (as for dates).
        in_clause = [m.weekday for m in sent.dates_in(start, end) if m.weekday is not None]
        weekday = in_clause[0] if in_clause else None
        if weekday is None:
            weekday = self._weekday_before(sent, end)
        candidate = _Candidate(
            position=start, paragraph=sent.sentence.paragraph, sources=chain, origin=origin, weekday=weekday,
            destination=destination, factions=groups, date=date if date and date.precision is Precision.DAY
            else None, spans=[sent.span],
        )
        candidate.headline = self._is_headline(index)
        if date is not None and date.precision is not Precision.DAY:
            candidate.period = date  # its own time, if coarse: no day is taken from the records around it
        return candidate

    def _is_headline(self, index: int) -> bool:
        """Whether sentence ``index`` stands in the page's headline."""
        return self.zones[index] is Zone.HEADLINE

    # --- Events ---------------------------------------------------------------------------------------------

    def _events(self, index: int, sent: _Sentence, chain: tuple[Source, ...]) -> list[_EventDraft]:
        out: list[_EventDraft] = []
        seen: set[EventKind] = set()
        for trigger in EventTrigger.find(sent.cues, self.tokens):
            kind = trigger.kind
            if kind in seen:
                continue  # one event of each kind a sentence tells
            seen.add(kind)
            places = [p for _, p in self._place_hits(sent, sent.start, sent.end)
                      if p.kind is not PlaceKind.COUNTRY]
            after = [p for h, p in self._place_hits(sent, trigger.start, sent.end) if p.kind is not PlaceKind.COUNTRY]
            factions = []
            for hit in sent.names:
                faction = hit.faction
                if faction is not None and hit.start not in self.source_hits:
                    item = self.tables.factions[faction.name]
                    if item not in factions:
                        factions.append(item)
            out.append(_EventDraft(
                kind=kind, place=self._specific(after[:1] or places[:1]), factions=factions, sources=chain,
                date=self._date_of(sent, sent.start, sent.end, future=False), sentence=index,
                spans=[sent.span],
            ))
        return out

    # --- Assembly -------------------------------------------------------------------------------------------

    def _report(self, convoys: list[_Candidate], figures: list[_FigureDraft], events: list[_EventDraft]) -> Report:
        rid = self.report_id
        factions = {name: f if not f.backers and name not in self.backers else
                    attrs.evolve(f, backers=self.backers.get(name, ())) for name, f in self.factions.items()}

        def with_backers(items: Iterable[Faction]) -> tuple[Faction, ...]:
            return tuple(factions.get(f.name, f) for f in items)

        convoy_records = []
        sentence_of_convoy: dict[str, int] = {}
        for i, c in enumerate(convoys):
            record = Convoy(
                id=f"{rid}#c{i}", origin=c.origin, destination=c.destination, buses=c.buses, people=c.people,
                fighters=c.fighters, civilians=c.civilians, factions=with_backers(c.factions), sources=c.sources,
                date=c.date, spans=c.spans, inferred=c.inferred,
            )
            convoy_records.append(record)
            sentence_of_convoy[record.id] = self._sentence_at(c.position) or 0
        figure_records = []
        figure_sentences: dict[str, int] = {}
        for i, f in enumerate(_dedupe_figures(figures, self.tables)):
            figure_records.append(Figure(id=f"{rid}#f{i}", kind=f.kind, quantity=f.quantity, place=f.place,
                                         sources=f.sources, date=f.date, spans=f.spans))
            figure_sentences[f"{rid}#f{i}"] = f.sentence
        convoys_in: dict[int, list[str]] = {}
        for cid, sentence in sentence_of_convoy.items():
            convoys_in.setdefault(sentence, []).append(cid)
        figures_in: dict[int, list[str]] = {}
        for fid, sentence in figure_sentences.items():
            figures_in.setdefault(sentence, []).append(fid)
        event_records = []
        for i, e in enumerate(events):
            linked_convoys = convoys_in.get(e.sentence, [])
            linked_figures = figures_in.get(e.sentence, [])
            event_records.append(Event(
                id=f"{rid}#e{i}", kind=e.kind, place=e.place, factions=with_backers(e.factions),
                sources=e.sources, date=e.date, convoys=linked_convoys, figures=linked_figures, spans=e.spans,
            ))
        # A vague amount belongs to the first record holding one of its clause's sentences.
        record_of_span: dict[Span, str] = {}
        for record, c in zip(convoy_records, convoys, strict=True):
            for span in c.spans:
                record_of_span.setdefault(span, record.id)
        record_index = {record.id: i for i, record in enumerate(convoy_records)}
        amounts = []
        for amount, candidate in self.amounts:
            record_id = None
            if candidate is not None:
                held = [record_of_span[span] for span in candidate.spans if span in record_of_span]
                record_id = min(held, key=record_index.__getitem__, default=None)
            amounts.append(amount if amount.record == record_id else attrs.evolve(amount, record=record_id))
        mentions = []
        for hit in self.names:
            target: Target = hit.targets[0]
            if hit.start in self.source_hits:
                voice = self._voice(hit)
                if voice is not None and voice.name in self.tables.sources:
                    target = Target(kind=EntityKind.SOURCE, name=voice.name)
                elif voice is not None and hit.faction is not None and voice.name == hit.faction.name:
                    target = hit.faction  # an armed group that speaks, which the gazetteer lists as a party only
                elif voice is not None:
                    continue  # another country's state media: the words name no entry of the gazetteer
            elif hit.start in self.actor_hits and hit.any_faction is not None:  # always one for an actor
                target = hit.any_faction
            mentions.append(Mention(name=target.name, kind=target.kind, span=Span(start=hit.start, end=hit.end)))
        if self.open_mentions:
            mentions = sorted([*mentions, *self.open_mentions.values()], key=lambda m: (m.span.start, m.span.end))
        # Every place a record holds is a place of the report, whether the gazetteer, the world table or only
        # the text's grammar gave it ("left Kafr Qamar": an unresolved place).
        record_places: list[Place | None] = [*(p for c in convoy_records for p in (c.origin, c.destination)),
                                             *(f.place for f in figure_records), *(e.place for e in event_records)]
        for place in record_places:
            if place is not None:
                self.places.setdefault(place.name, place)
        return Report(
            id=rid, text=self.text, published=self.published,
            anchor=None if self.anchor is None else DateRange.day(self.anchor, basis=self.basis),
            factions=factions.values(), sources=self.sources.values(), places=self.places.values(),
            convoys=convoy_records, figures=figure_records, events=event_records, mentions=mentions,
            amounts=amounts, unplaced=sorted(self.unplaced, key=lambda u: u.span),
        )


def _told_verbs(cues: Sequence[CueHit]) -> list[CueHit]:
    """The cues of verbs of movement, less the nouns that only name a movement ("the evacuation")."""
    return [c for c in cues if c.cue in _MOVEMENT_VERBS and c.form not in _NAMED_MOVEMENTS]


#: Marks of a dash that ends a clause (with the white space around it, as the cue holds it).
_DASHES: Final = frozenset({"\u2013", "\u2014", "--"})


def _dash_asides(cues: Sequence[CueHit]) -> set[int]:
    """Where the two dashes of each aside start: a pair of clause dashes with no verb of movement between them
    ("Some 4,000 people — including 1,700 fighters — left X", "the convoy — the largest so far — carried ...") sets
    off a phrase inside the clause, and ends none. Grammar: dash (not movement-verb)* dash."""
    found: set[int] = set()
    opened: int | None = None
    for cue in cues:
        if cue.cue is Cue.CLAUSE and cue.text.strip() in _DASHES:
            if opened is None:
                opened = cue.start
            else:
                found.update((opened, cue.start))
                opened = None
        elif cue.cue in _MOVEMENT_VERBS and cue.form not in _NAMED_MOVEMENTS:
            opened = None  # a verb between: the dashes end clauses
    return found


def _places_compatible(a: Place | None, b: Place | None, tables: _Tables, *, near: bool) -> bool:
    return tables.geo.compatible(a, b, near=near)


def _compatible(a: _Candidate, b: _Candidate, tables: _Tables, *, near: bool) -> bool:
    if not _places_compatible(a.origin, b.origin, tables, near=False):
        return False
    if not _places_compatible(a.destination, b.destination, tables, near=near):
        return False
    if a.date is not None and b.date is not None and (a.date.start, a.date.end) != (b.date.start, b.date.end):
        return False  # one day is one day, whether read against the publication date or a dateline
    if a.weekday is not None and b.weekday is not None and a.weekday != b.weekday:
        return False  # "on Wednesday" and "last Friday" are two days, resolved or not
    if a.factions and b.factions and not set(a.factions) & set(b.factions):
        return False
    slots_a, slots_b = a.slots(), b.slots()
    if _beyond_its_buses(a, b) or _beyond_its_buses(b, a):
        return False
    return all(overlaps(slots_a[k], slots_b[k]) for k in slots_a.keys() & slots_b.keys())


def _beyond_its_buses(counted: _Candidate, bussed: _Candidate) -> bool:
    """Whether ``counted`` states no buses and counts more people than the buses ``bussed`` states could hold."""
    if counted.buses is not None or bussed.buses is None:
        return False
    room = bussed.buses.value * MAX_PEOPLE_PER_BUS
    return any(q is not None and q.value > room for q in (counted.people, counted.fighters, counted.civilians))


def _continues(before: _Candidate, after: _Candidate, tables: _Tables) -> bool:
    """Whether a clause that refers back ("They reached Idlib on Monday") tells more of the movement before it: the
    two fit, or the later one is an arrival on a later day than the departure (a journey takes time)."""
    if _compatible(before, after, tables, near=True):
        return True
    if not (after.arrival and before.date is not None and after.date is not None
            and after.date.start > before.date.start):
        return False
    dated, weekday = after.date, after.weekday
    after.date, after.weekday = None, None
    try:
        return _compatible(before, after, tables, near=True)
    finally:
        after.date, after.weekday = dated, weekday


def _one_voice(told: _Candidate, candidate: _Candidate) -> bool:
    """Whether two candidates have one originator: the same source, or a headline's "state media" and the state
    agency the body names (state media are the outlets of that kind, the agency one of them)."""
    if told.originator == candidate.originator:
        return True
    kinds = {source.kind for source in (*told.sources[:1], *candidate.sources[:1])}
    return told.headline and bool(told.sources) and bool(candidate.sources) and kinds == {SourceKind.STATE_MEDIA}


def _shares_count(a: _Candidate, b: _Candidate) -> bool:
    """Whether two candidates share a count, or one of them has none (a restatement without numbers)."""
    slots_a, slots_b = a.slots(), b.slots()
    return not slots_a or not slots_b or bool(slots_a.keys() & slots_b.keys())


def _same_day(a: _Candidate, b: _Candidate) -> bool:
    """Whether two candidates state the same day and the same origin: counts of one movement told in different
    words ("a dozen buses seen leaving X" on Monday, "more than 600 people left X on buses" on Monday)."""
    return (a.date is not None and b.date is not None and "date" not in a.inferred and "date" not in b.inferred
            and a.date.precision is Precision.DAY and (a.date.start, a.date.end) == (b.date.start, b.date.end)
            and a.origin is not None and b.origin is not None and "origin" not in a.inferred
            and "origin" not in b.inferred and a.origin.name == b.origin.name)


def _a_day_of_a_run(a: _Candidate, b: _Candidate) -> bool:
    """Whether one candidate states a run of days ("on Sunday and Monday") and the other one day of its own: the
    day's movement is a part of the longer one ("the first buses left on Sunday"), not a restatement of it."""
    def run(c: _Candidate) -> bool:
        return c.period is not None and c.period.precision is Precision.DAYS

    def day(c: _Candidate) -> bool:
        return c.date is not None and "date" not in c.inferred and c.date.precision is Precision.DAY

    return (run(a) and day(b)) or (run(b) and day(a))


def _closeness(record: _Candidate, restatement: _Candidate) -> tuple[int, int]:
    """How well a record fits a restatement, smaller first: a body's restatement joins the nearest record that fits
    it; a headline, which sums up the whole story from its top, the record whose places it repeats (stated origin and
    destination both the same place) before one whose places only lie near or around its own, then the nearest."""
    same = 0
    if restatement.headline:
        same = sum(1 for slot in ("origin", "destination")
                   if getattr(record, slot) is not None and getattr(restatement, slot) is not None
                   and slot not in record.inferred and slot not in restatement.inferred
                   and getattr(record, slot).name == getattr(restatement, slot).name)
    return -same, abs(record.position - restatement.position)


def _restates(attributed: _Candidate, unattributed: _Candidate) -> bool:
    """Whether an unattributed candidate restates an attributed one: it adds no numbers of its own, or it
    shares a count with it. Numbers given only without attribution are the outlet's own."""
    own, theirs = unattributed.slots(), attributed.slots()
    if attributed.headline and not theirs:
        return True  # a headline's source covers the story it sums up ("Rebels leave X: state media")
    return not own or bool(theirs and own.keys() & theirs.keys())


def _absorb(into: _Candidate, other: _Candidate, tables: _Tables) -> None:
    """Merge ``other`` into ``into``: the more specific place, the more specific count, every span."""
    for slot in ("origin", "destination"):
        mine, theirs = getattr(into, slot), getattr(other, slot)
        if theirs is not None and slot not in other.inferred and (
            mine is None or slot in into.inferred
            or (tables.geo.encloses(mine.name, theirs.name) and mine.name != theirs.name)
        ):
            setattr(into, slot, theirs)
            into.inferred.discard(slot)
        elif mine is None and theirs is not None:
            into.infer(slot, theirs)
    for slot in ("buses", "people", "fighters", "civilians"):
        mine_q, theirs_q = getattr(into, slot), getattr(other, slot)
        if mine_q is None:
            setattr(into, slot, theirs_q)
        elif theirs_q is not None:
            setattr(into, slot, _more_specific(mine_q, theirs_q))
    if "factions" in into.inferred and other.factions and "factions" not in other.inferred:
        into.factions = []
        into.inferred.discard("factions")
    into.factions = list(dict.fromkeys([*into.factions, *other.factions]))
    if "factions" in other.inferred and not into.factions:
        into.inferred.add("factions")
    if (into.date is None or "date" in into.inferred) and other.date is not None and "date" not in other.inferred:
        into.date = other.date
        into.inferred.discard("date")
    elif into.date is None and other.date is not None:
        into.infer("date", other.date)
    into.spans = [*into.spans, *other.spans]
    into.weekday = into.weekday if into.weekday is not None else other.weekday
    if not into.sources or (into.headline and not other.headline and other.sources):
        into.sources = other.sources  # the body names the source a headline sums up
    into.headline = into.headline and other.headline  # once the body has joined it, the record is the body's


#: Within one report, a record is compared with at most this many records on either side of it (by position in
#: the text) when restatements are merged and context is shared. Reports hold a few dozen records at most, so
#: this bounds only pathological text, whose parse then stays linear in its length.
NEAREST_RECORDS: Final = 32


def _nearby(records: list[_Candidate], position: int, sorted_up_to: int | None = None) -> list[_Candidate]:
    """The records near ``position``, in their order: of ``records[:sorted_up_to]`` and of the records after it
    (each part in order of position), the ``NEAREST_RECORDS`` on either side of it; all of them when there are
    few."""
    if len(records) <= 2 * NEAREST_RECORDS:
        return records
    out: list[_Candidate] = []
    split = len(records) if sorted_up_to is None else sorted_up_to
    for low, high in ((0, split), (split, len(records))):
        at = bisect.bisect_left(records, position, low, high, key=lambda record: record.position)
        out.extend(records[max(low, at - NEAREST_RECORDS) : min(high, at + NEAREST_RECORDS)])
    return out


def _fill_context(records: list[_Candidate], tables: _Tables, sorted_up_to: int | None = None) -> None:
    """Records of different sources that describe one movement share what each says of where, who and when.

    ``records[:sorted_up_to]`` and ``records[sorted_up_to:]`` are each in order of position."""
    for a in records:
        for b in _nearby(records, a.position, sorted_up_to):
            if a is b or a.distinct or b.distinct or not _compatible(a, b, tables, near=False):
                continue
            if a.destination is None and b.destination is not None:
                a.infer("destination", b.destination)
            if a.date is None and not a.own_time and b.date is not None:
                a.infer("date", b.date)
            if not a.factions and b.factions:
                a.infer("factions", list(b.factions))
            if a.origin is None and b.origin is not None:
                a.infer("origin", b.origin)


def _consolidate(candidates: list[_Candidate], tables: _Tables, outlet: Source | None) -> list[_Candidate]:
    """Merge restatements: one record per movement and originator. A chain that holds only the outlet of the
    text is the outlet's own reporting, as is an empty one."""
    # Places and dates a clause does not state come from the movement told just before it.
    previous: _Candidate | None = None
    for candidate in candidates:
        if previous is not None:
            if candidate.origin is None and previous.origin is not None:
                candidate.infer("origin", previous.origin)
            if (candidate.date is None and not candidate.own_time and candidate.paragraph == previous.paragraph
                    and previous.date is not None):
                candidate.infer("date", previous.date)
        previous = candidate
    # 0. "The convoy headed toward Idlib": a clause that refers back continues the movement before it.
    chained: list[_Candidate] = []
    for candidate in candidates:
        before = chained[-1] if chained else None
        # the outlet's own report of a movement, then a source's words of it ("The buses set out for X, the
        # Observatory said"): the source tells the movement
        sourced = before is not None and not before.headline and bool(candidate.sources) and (
            not before.sources or before.sources == ((outlet,) if outlet is not None else ()))
        if (candidate.refers_back and before is not None
                and (candidate.originator in (None, before.originator) or sourced)
                and not candidate.distinct and not _a_day_of_a_run(before, candidate)
                and _continues(before, candidate, tables)):
            if candidate.destination is not None and "destination" not in candidate.inferred:
                # "... and a second batch departed at night. They headed for X": both movements went there
                for told in reversed(chained[-NEAREST_RECORDS:-1]):
                    if told.spans[0] is not before.spans[0]:
                        break
                    if told.destination is None:
                        told.destination = candidate.destination
                        told.spans = [*told.spans, *candidate.spans]
            _absorb(before, candidate, tables)
            if sourced and before is not None:
                before.sources = candidate.sources
        elif candidate.continues_only:
            continue  # buses or a destination to come of no movement told just before: no convoy
        else:
            chained.append(candidate)
    def own(candidate: _Candidate) -> bool:
        return not candidate.sources or candidate.sources == ((outlet,) if outlet is not None else ())

    attributed = [c for c in chained if not own(c)]
    unattributed = [c for c in chained if own(c)]
    merged: list[_Candidate] = []
    # 1. One source restating one movement: one record.
    for candidate in attributed:
        # merged is in order of position here: the records just before are the nearest
        home = next((m for m in merged[-2 * NEAREST_RECORDS:] if _one_voice(m, candidate)
                     and (_shares_count(m, candidate) or m.headline) and not _a_day_of_a_run(m, candidate)
                     and not (m.distinct or candidate.distinct) and _compatible(m, candidate, tables, near=True)),
                    None)
        if home is None:
            merged.append(candidate)
        else:
            _absorb(home, candidate, tables)
    # A headline takes nothing from other sources' records before the body it sums up has joined it.
    _fill_context([m for m in merged if not m.headline], tables)
    # 2. An unattributed restatement joins the nearest attributed record it fits.
    rest: list[_Candidate] = []
    for candidate in unattributed:
        fits = [m for m in _nearby(merged, candidate.position) if not own(m) and _restates(m, candidate)
                and not _a_day_of_a_run(m, candidate)
                and not (m.distinct or candidate.distinct) and _compatible(m, candidate, tables, near=True)]
        if not fits:
            rest.append(candidate)
            continue
        _absorb(min(fits, key=lambda m: _closeness(m, candidate)), candidate, tables)
    # 3. What is left unattributed is the outlet's own reporting, merged the same way.
    attributed_count = len(merged)  # merged[:attributed_count] and what is added after are each in text order
    for candidate in rest:
        homes = [m for m in _nearby(merged, candidate.position, attributed_count) if own(m)
                 and (_shares_count(m, candidate) or m.headline or _same_day(m, candidate))
                 and not _a_day_of_a_run(m, candidate)
                 and not (m.distinct or candidate.distinct)
                 and _compatible(m, candidate, tables, near=True)]
        if not homes:
            merged.append(candidate)
        else:
            _absorb(min(homes, key=lambda m: _closeness(m, candidate)), candidate, tables)
    _fill_context(merged, tables, attributed_count)
    return sorted(merged, key=lambda c: c.position)


def _dedupe_figures(figures: list[_FigureDraft], tables: _Tables) -> list[_FigureDraft]:
    """A figure restated (headline and body) is one figure; the attributed statement is kept."""
    out: list[_FigureDraft] = []
    same: dict[tuple[FigureKind, int], list[_FigureDraft]] = {}  # the figures kept, by kind and value
    for figure in figures:
        kept = same.setdefault((figure.kind, figure.quantity.value), [])
        twin = next((f for f in kept if _places_compatible(f.place, figure.place, tables, near=False)), None)
        if twin is None:
            out.append(figure)
            kept.append(figure)
            continue
        if not twin.sources and figure.sources:
            twin.sources = figure.sources
        twin.place = twin.place or figure.place
        twin.spans = [*twin.spans, *figure.spans]
    return out


def read_report(text: str, gazetteer: Gazetteer, published: dt.date | None, report_id: str) -> Report:
    """The records of one report (:func:`ghouta_events.parse` checks its arguments and calls this)."""
    return _Rules(text, gazetteer, published, report_id).run()
