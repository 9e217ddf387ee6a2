"""From many reports to one dataset: consolidated convoys, figures and events, every claim kept with its source.

A :class:`Dataset` is a function of the *set* of reports it holds: :func:`merge` sorts them by id and builds the
consolidated records from that canonical order, so any order or grouping of the same reports gives an equal
dataset (merge is commutative, associative and idempotent), and corpora can be merged in pieces.

Which parsed convoys describe one movement is decided on evidence:

* two records are *compatible* when their stated origins and destinations can be the same place (one lies
  within the other, or one is missing), their dates are at most a day apart (or one is missing), their stated
  armed groups overlap (or one names none), and no count of one contradicts the same count of the other by more
  than a quarter (a smaller disagreement is one movement told differently, and becomes a conflict record).
  Slots a record took from context (:attr:`Convoy.inferred`) never rule a pair out;
* compatible records are *linked* when they share positive evidence: a count within a tenth of each other (with
  no other shared count that tells a different movement); or,
  both with a stated day, a stated destination each or a stated armed group in common. Linked records form one
  movement, but only while the movement as a whole is still one (a union that would bring together records the
  parser told apart, days more than one apart, counts beyond the tolerance or places that cannot be one is
  refused), so no chain of links glues movements together. An undated record links only with undated ones;
* an undated movement (a lone record, or records linked on their counts) joins the one dated movement with a
  member compatible with it, when there is exactly one, or the one that shares the most evidence with it (stated
  origins, an agreeing count, an armed group) when one shares more than any other; otherwise it stays alone;
* a stated destination that is the origin, lies within it or holds it is a misreading, and counts as unstated;
* movements told of the same place on the same or the next day are joined when, together, they are still one
  movement by the same test;
* a dated movement told by one originator alone, whose counts set it apart, joins the one movement of its origin
  and days that other sources tell too, in which the same originator gives the same count, and with which, counts
  aside, it can be one: the originator updated its count (500 as the buses fill, 981 when they have left);
* two records of one report with one originator are never one movement when both give counts, or neither does:
  the parser already kept them apart. A record without a count and one with counts of one report and originator
  may be one movement (a mention in passing, and the sentence that gives its numbers): other evidence decides;
* a destination the gazetteer does not know and that has no coordinates cannot be located: it rules no pair
  out, and it is no evidence of one movement either.

The cost stays near-linear: each record is indexed under its stated origin, by day and by count, and meets only
the records of its origin and of the places that origin lies in, on nearby days or with close counts.
"""

from __future__ import annotations

import array
import bisect
import datetime as dt
import enum
import gc
import hashlib
import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from typing import Any, Final, Generic, Protocol, TypeVar

import regex
from attrs import field, frozen

from ._errors import MergeError
from ._gazetteer import Gazetteer, default_gazetteer
from ._model import (
    Convoy,
    DateRange,
    Event,
    EventKind,
    Faction,
    Figure,
    FigureKind,
    Place,
    PlaceKind,
    Precision,
    Qualifier,
    Quantity,
    Report,
    Source,
    SourceKind,
    overlaps,
)

__all__ = [
    "Claim",
    "Conflict",
    "ConflictKind",
    "ConsolidatedConvoy",
    "ConsolidatedEvent",
    "ConsolidatedFigure",
    "Dataset",
    "Estimate",
    "MergeError",
    "Tally",
    "merge",
]

_T = TypeVar("_T")

#: The count slots of a convoy, in the order they are shown.
CONVOY_SLOTS: Final = ("buses", "people", "fighters", "civilians")

#: Two counts within this share of each other agree (a relay may round: 950+ and 981).
AGREEMENT: Final = 0.1

#: Counts of one movement from different sources may differ by up to this share (a conflict, not two movements).
DISAGREEMENT: Final = 0.25

#: Dates of one movement may differ by this many days (a convoy leaves at night, arrives next day).
DAY_SLACK: Final = 1

#: Originators nearer the event first: ranks used to choose the best estimate.
_ORIGIN_RANK: Final = {
    SourceKind.MILITARY: 0,
    SourceKind.GOVERNMENT: 0,
    SourceKind.UN_AGENCY: 0,
    SourceKind.HUMANITARIAN: 0,
    SourceKind.MONITOR: 1,
    SourceKind.ARMED_GROUP: 1,
    SourceKind.LOCAL: 1,
    SourceKind.PERSON: 1,
    SourceKind.STATE_MEDIA: 2,
    SourceKind.NEWS_AGENCY: 2,
    SourceKind.BROADCASTER: 3,
}


class ConflictKind(enum.StrEnum):
    """Why the claims of a conflict cannot all be true."""

    DISJOINT = "disjoint"  #: two claims of one count whose bounds do not overlap
    FIGHTERS_EXCEED_PEOPLE = "fighters_exceed_people"  #: more fighters (or civilians) than people in all
    PARTS_EXCEED_TOTAL = "parts_exceed_total"  #: fighters and civilians add up to more than the people


@frozen(kw_only=True)
class Claim:
    """One source's statement of one count: the number as read, who said it, and where it stands.

    Attributes:
        quantity: the count with its hedge and bounds.
        sources: the attribution chain, originator first (empty: the outlet's own reporting).
        report: the id of the report it was read from.
        record: the id of the parsed record it belongs to.
    """

    quantity: Quantity
    sources: tuple[Source, ...]
    report: str
    record: str

    @property
    def originator(self) -> str | None:
        """The name of the originator, or ``None`` for an outlet's own claim."""
        return self.sources[0].name if self.sources else None


@frozen(kw_only=True)
class Estimate:
    """The consolidated reading of a count, in the manner of UCDP's low/best/high.

    Claims relayed from one originator count once (the most specific of them; the highest, when they lie further
    apart than sources disagree: a count updated as a movement went on), so every field is computed over
    independent claims.

    Attributes:
        low: the lowest value claimed.
        best: the value supported by the most independent claims (see :func:`merge`).
        high: the highest value claimed.
        conservative: the lowest value claimed exactly or as a floor ("at least N", "more than N" give N), what
            ACLED would code; when every claim is "about", "up to" or "less than", the lowest value claimed.
    """

    low: int
    best: int
    high: int
    conservative: int


@frozen(kw_only=True)
class Tally:
    """Every claim of one count, and their estimate."""

    claims: tuple[Claim, ...]
    estimate: Estimate


@frozen(kw_only=True)
class Conflict:
    """Claims about one consolidated record that cannot all be true, with the sources behind each."""

    kind: ConflictKind
    record: str
    slot: str
    claims: tuple[Claim, ...]
    message: str


@frozen(kw_only=True)
class ConsolidatedConvoy:
    """One real movement, with every parsed convoy (one per report and source) that describes it.

    ``origin`` and ``destination`` are the most specific places the members state (or, when none states one,
    infer); ``date`` the span of days they state; ``factions`` the armed groups they state; each count a
    :class:`Tally` of all claims, or ``None`` when no member gives it.
    """

    id: str
    members: tuple[Convoy, ...]
    reports: tuple[str, ...]
    origin: Place | None
    destination: Place | None
    date: DateRange | None
    factions: tuple[Faction, ...]
    sources: tuple[Source, ...]
    buses: Tally | None
    people: Tally | None
    fighters: Tally | None
    civilians: Tally | None


@frozen(kw_only=True)
class ConsolidatedFigure:
    """One count of people (a toll, a running total...) with every parsed figure that reports it."""

    id: str
    kind: FigureKind
    members: tuple[Figure, ...]
    reports: tuple[str, ...]
    place: Place | None
    date: DateRange | None
    sources: tuple[Source, ...]
    quantity: Tally


@frozen(kw_only=True)
class ConsolidatedEvent:
    """One event with every parsed event that reports it."""

    id: str
    kind: EventKind
    members: tuple[Event, ...]
    reports: tuple[str, ...]
    place: Place | None
    date: DateRange | None
    factions: tuple[Faction, ...]
    sources: tuple[Source, ...]


class _Told(Protocol):
    """What a merge reads of a report: a :class:`Report`, or what is held of one without its text."""

    @property
    def id(self) -> str: ...
    @property
    def digest(self) -> str: ...
    @property
    def published(self) -> dt.date | None: ...
    @property
    def anchor(self) -> DateRange | None: ...
    @property
    def sources(self) -> tuple[Source, ...]: ...
    @property
    def convoys(self) -> tuple[Convoy, ...]: ...
    @property
    def figures(self) -> tuple[Figure, ...]: ...
    @property
    def events(self) -> tuple[Event, ...]: ...


_Tell = TypeVar("_Tell", bound=_Told)


def _tuple_reports(items: Iterable[Report]) -> tuple[Report, ...]:
    return tuple(items)


@frozen(kw_only=True)
class Dataset:
    """Many reports consolidated: one record per real movement, figure and event, with claims and conflicts.

    Build one with :func:`merge`; combine with :meth:`merge` and :meth:`add`. Equal sets of reports give equal
    datasets, whatever order they came in.
    """

    reports: tuple[Report, ...] = field(converter=_tuple_reports)
    convoys: tuple[ConsolidatedConvoy, ...]
    figures: tuple[ConsolidatedFigure, ...]
    events: tuple[ConsolidatedEvent, ...]
    conflicts: tuple[Conflict, ...]

    def copies(self) -> tuple[tuple[str, ...], ...]:
        """The ids of the reports that are copies of one story (see :func:`merge`), a group per story told more
        than once: the telling whose records count first, then its copies."""
        return tuple(tuple(r.id for r in group) for group in copy_groups(self.reports) if len(group) > 1)

    def merge(self, other: Dataset, *, gazetteer: Gazetteer | None = None) -> Dataset:
        """The dataset of both datasets' reports."""
        return merge([*self.reports, *other.reports], gazetteer=gazetteer)

    def add(self, report: Report, *, gazetteer: Gazetteer | None = None) -> Dataset:
        """The dataset with one more report."""
        return merge([*self.reports, report], gazetteer=gazetteer)


# --- Compatibility of parsed records ---------------------------------------------------------------------


#: How many pairs of places a merge remembers the relation of (see ``_Places.compatible``).
_PLACE_PAIRS: Final = 1 << 20


class _Places:
    """Place relations for one merge, from the gazetteer's geography: whether two places can be one, and each
    place's area."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self.geo = gazetteer.geography
        # The answers of ``compatible`` for the pairs met so far: a merge asks about the same few places again
        # and again. Whether two places are one depends on their names alone; whether they are near, on the
        # places themselves.
        self._within: dict[tuple[str, str], bool] = {}
        self._near: dict[tuple[Place, Place], bool] = {}

    def lineage(self, place: Place) -> tuple[str, ...]:
        return self.geo.names(place.name) or (place.name,)

    def compatible(self, a: Place | None, b: Place | None, *, near: bool) -> bool:
        """Whether two stated places can be one (``near``: or near each other, as two readings of a destination
        may be). A place the gazetteer does not know and that has no coordinates cannot be located, so as a
        destination it rules nothing out."""
        if a is None or b is None:
            return True
        if not near:
            named = (a.name, b.name)
            within = self._within.get(named)
            if within is None:
                within = self.geo.nested(a, b)
                if len(self._within) < _PLACE_PAIRS:
                    self._within[named] = within
            return within
        pair = (a, b)
        close = self._near.get(pair)
        if close is None:
            close = _unplaced(a) or _unplaced(b) or self.geo.compatible(a, b, near=True)
            if len(self._near) < _PLACE_PAIRS:
                self._near[pair] = close
        return close

    def area(self, place: Place | None) -> str:
        """The block a place falls in: its region, else its governorate, else itself."""
        if place is None:
            return ""
        names = self.lineage(place)
        for name in names:
            known = self.gaz.places.get(name)
            if known is not None and known.kind is PlaceKind.REGION:
                return name
        for name in names:
            known = self.gaz.places.get(name)
            if known is not None and known.kind is PlaceKind.GOVERNORATE:
                return name
        return names[-2] if len(names) > 1 else names[0]


def _unplaced(place: Place | None) -> bool:
    """A place read from the grammar alone: unknown to the gazetteer and without coordinates."""
    return place is not None and place.kind is PlaceKind.UNRESOLVED and place.latitude is None


def _dates_close(a: DateRange | None, b: DateRange | None) -> bool:
    if a is None or b is None:
        return True
    return a.start - dt.timedelta(days=DAY_SLACK) <= b.end and b.start - dt.timedelta(days=DAY_SLACK) <= a.end


def _armed(factions: Sequence[Faction]) -> set[str]:
    return {f.name for f in factions}


class _Item:
    """A parsed convoy and what the merge needs to know of it, worked out once: its counts, the key of what the
    parser told apart, and the slots it states (see ``_stated`` and ``_destination``)."""

    __slots__ = ("anchor", "convoy", "counts", "date", "destination", "first", "groups", "key", "last", "origin",
                 "report")

    def __init__(self, convoy: Convoy, report: str, anchor: int | None, places: _Places) -> None:
        self.convoy = convoy
        self.report = report
        self.anchor = anchor  # the ordinal of the day the report was published or dated, if known
        self.counts = _counts(convoy) or _NO_COUNTS
        # Records with the same key were told apart by the parser (see ``_key``).
        self.key = (report, _originator(convoy), bool(self.counts))
        self.origin = _stated(convoy, "origin", convoy.origin)
        self.destination = _destination(convoy, places)
        self.date = _stated(convoy, "date", convoy.date)
        # The stated date's first and last day, as ordinals (None when no date is stated).
        self.first = None if self.date is None else self.date.start.toordinal()
        self.last = None if self.date is None else self.date.end.toordinal()
        groups = _armed(_stated(convoy, "factions", convoy.factions) or ())
        self.groups = frozenset(groups) if groups else _NO_GROUPS


#: What a record without counts or armed groups holds: one empty mapping and one empty set for all (never changed).
_NO_COUNTS: Final[dict[str, Quantity]] = {}
_NO_GROUPS: Final[frozenset[str]] = frozenset()


def _week_of(day: int | None, anchor: int | None) -> int | None:
    """The week a record tells of: its stated day's, else its report's, else none."""
    known = day if day is not None else anchor
    return None if known is None else known // 7


def _anchor_of(report: _Told) -> int | None:
    day = report.published or (report.anchor.start if report.anchor is not None else None)
    return None if day is None else day.toordinal()


def _counts(convoy: Convoy) -> dict[str, Quantity]:
    slots = {"buses": convoy.buses, "people": convoy.people, "fighters": convoy.fighters,
             "civilians": convoy.civilians}
    return {k: v for k, v in slots.items() if v is not None}


def _originator(convoy: Convoy) -> str | None:
    return convoy.sources[0].name if convoy.sources else None


def _stated(convoy: Convoy, slot: str, value: _T) -> _T | None:
    """A slot's value when the record states it; ``None`` when it was inferred from context."""
    return None if slot in convoy.inferred else value


def _destination(convoy: Convoy, places: _Places) -> Place | None:
    """The destination a record states, unless it is its origin, lies within it or holds it: an evacuation leaves
    a place for somewhere else, so such a destination is a misreading and proves nothing either way."""
    stated = _stated(convoy, "destination", convoy.destination)
    origin = convoy.origin
    if stated is not None and origin is not None and places.geo.nested(stated, origin):
        return None
    return stated


def _compatible(a: _Item, b: _Item, places: _Places) -> bool:
    """Whether two parsed convoys can be one movement. Slots inferred from context never rule a pair out."""
    if a.key == b.key:
        return False  # the parser already told these apart
    if not places.compatible(a.origin, b.origin, near=False):
        return False
    if not places.compatible(a.destination, b.destination, near=True):
        return False
    if (a.first is not None and b.first is not None and a.last is not None and b.last is not None
            and (a.first - DAY_SLACK > b.last or b.first - DAY_SLACK > a.last)):
        return False  # stated days more than DAY_SLACK apart
    if a.groups and b.groups and not a.groups & b.groups:
        return False
    counts_a, counts_b = a.counts, b.counts
    if not counts_a or not counts_b:
        return True  # no count to contradict
    return (all(_consistent(counts_a[k], counts_b[k]) for k in counts_a.keys() & counts_b.keys())
            and _whole_fits(counts_a, counts_b) and _whole_fits(counts_b, counts_a))


def _whole_fits(whole: Mapping[str, Quantity], parts: Mapping[str, Quantity]) -> bool:
    """Whether one record's count of people can be the whole of which another's fighters and civilians are parts:
    the people are at least as many as each part, and, when the other states both parts and no people, as many
    as their sum (each within the disagreement tolerance)."""
    people = whole.get("people")
    if people is None or "people" in parts:
        return True
    stated = [parts[k].value for k in ("fighters", "civilians") if k in parts]
    if any(part - people.value > DISAGREEMENT * part for part in stated):
        return False
    return len(stated) < 2 or _one_count(people.value, sum(stated))


def _parts_sum(counts: Mapping[str, Quantity]) -> int | None:
    """The people a record counts in parts (fighters and civilians, both stated, and no count of people)."""
    if "people" in counts or "fighters" not in counts or "civilians" not in counts:
        return None
    return counts["fighters"].value + counts["civilians"].value


def _agreeing(counts_a: Mapping[str, Quantity], counts_b: Mapping[str, Quantity]) -> bool:
    """A count that agrees: the same count within a tenth, or one record's people within a tenth of the sum of
    the other's fighters and civilians."""
    if not counts_a or not counts_b:
        return False
    if any(_close(counts_a[k], counts_b[k]) for k in counts_a.keys() & counts_b.keys()):
        return True
    for whole, parts in ((counts_a, counts_b), (counts_b, counts_a)):
        total = _parts_sum(parts)
        if total is not None and "people" in whole and abs(whole["people"].value - total) <= AGREEMENT * max(
                whole["people"].value, total):
            return True
    return False


def _consistent(a: Quantity, b: Quantity) -> bool:
    """Two claims that may be about one movement: bounds that overlap, or values within a quarter of each other.
    Sources routinely disagree by that much about one convoy; the disagreement becomes a conflict record."""
    return overlaps(a, b) or abs(a.value - b.value) <= DISAGREEMENT * max(a.value, b.value)


def _close(a: Quantity, b: Quantity) -> bool:
    """Two readings of a count close enough to be evidence of one movement: within a tenth of each other.
    ("at least 1,300" fits any larger count, so its bounds alone prove nothing.)"""
    return abs(a.value - b.value) <= AGREEMENT * max(a.value, b.value)


def _linked(a: _Item, b: _Item, places: _Places) -> bool:
    """Compatible, and sharing positive evidence: a count that agrees; or, both dated, a stated destination or
    a stated armed group in common."""
    if not _compatible(a, b, places):
        return False
    counts_a, counts_b = a.counts, b.counts
    shared = counts_a.keys() & counts_b.keys()
    if _agreeing(counts_a, counts_b):
        # One agreeing count is evidence only when no other shared count tells a different movement.
        return all(_close(counts_a[k], counts_b[k]) or overlaps(counts_a[k], counts_b[k]) for k in shared)
    if a.date is None or b.date is None:
        return False
    da, db = a.destination, b.destination
    # A destination that cannot be located agrees with any: it is no evidence.
    placed = da is not None and db is not None and not _unplaced(da) and not _unplaced(db)
    return placed or bool(a.groups & b.groups)


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The smaller index stays the root, so the result does not depend on the order of unions.
            self.parent[max(ra, rb)] = min(ra, rb)


def _bucket(value: int) -> int:
    """Counts within a tenth of each other fall in the same or adjacent buckets (a log scale, base 1.1)."""
    return int(math.log(max(value, 1)) / math.log(1 + AGREEMENT))


def _narrow(quantity: Quantity) -> bool:
    """A count whose bounds lie within a tenth of its value: two such counts that can be one (bounds that overlap,
    or values within the disagreement tolerance) lie within ``_SPREAD`` buckets of each other."""
    return (quantity.low is not None and quantity.high is not None
            and quantity.low >= (1 - AGREEMENT) * quantity.value and quantity.high <= (1 + AGREEMENT) * quantity.value)


#: Buckets either side that hold every count a record's count is consistent with (within DISAGREEMENT).
_SPREAD: Final = math.ceil(math.log(1 / (1 - DISAGREEMENT)) / math.log(1 + AGREEMENT)) + 1


#: A count of people is also looked up among fighters counts near it, and a fighters count among people counts:
#: the people of one record can be the whole of which the fighters of another are the larger part.
_WHOLE_AND_PART: Final = {"people": ("people", "fighters"), "fighters": ("fighters", "people")}


def _indexed(counts: Mapping[str, Quantity]) -> list[tuple[str, int]]:
    """The counts a record is indexed and looked up under: its own, and, when it counts fighters and civilians
    but no people, their sum as its people."""
    found = [(slot, quantity.value) for slot, quantity in counts.items()]
    total = _parts_sum(counts)
    return found if total is None else [*found, ("people", total)]


#: The number of each count slot in the codes of ``_day_code``.
_SLOT_NUMBER: Final = {slot: number for number, slot in enumerate(CONVOY_SLOTS)}

#: The low 32 bits of a code of ``_day_code``: the index of the record.
_INDEX_MASK: Final = (1 << 32) - 1


def _day_code(slot: str, bucket: int | None, index: int) -> int:
    """One record's entry for one count slot among the records of its origin and day: the slot, the bucket of its
    count (``None``, without that count or with wide bounds, sorts first), and the record's index, so that the
    sorted codes of one slot and bucket are those records in order of index. Buckets are under 2**9 (a log scale
    of base 1.1 of 64-bit counts) and indexes under 2**32."""
    return (_SLOT_NUMBER[slot] << 42) | ((0 if bucket is None else bucket + 1) << 32) | index


#: The days, from the first day of an undated record's week, in which it looks for its movement when it has no
#: count to look up (see ``_Blocks.homes``): the two weeks before that week, and that week.
_HOME_WINDOW: Final = range(-14, 8)


#: The most records an undated record without counts looks at for its movement (see ``_Blocks.homes``).
_CROWD: Final = 256


#: The offsets from a record's day of the days it may be one movement with (see ``_Blocks.same_days``): its own
#: day, and the days around it.
_SAME_DAY: Final = (0,)
_AROUND: Final = tuple(d for d in range(-DAY_SLACK, DAY_SLACK + 1) if d != 0)


def _home_days(week: int) -> range:
    """The ordinals of the days an undated record of ``week`` without counts looks at (see :data:`_HOME_WINDOW`)."""
    return range(week * 7 + _HOME_WINDOW.start, week * 7 + _HOME_WINDOW.stop)


class _Blocks:
    """Indexes of the records by the keys a link or an attachment needs, so no record meets every other.

    Two records can be one movement only if one origin is the other or lies within it, so each record is
    indexed under its own origin and looks up its origin and the places that origin lies in: a town's record
    meets the records of that town and of its region, never those of another town. Within an origin:

    * dated records by day: a link on a stated destination or group needs days at most one apart;
    * every record by count slot and bucket: a link on an agreeing count needs close counts;
    * records by area, for an undated record looking for the one movement it fits.
    """

    def __init__(self, items: Sequence[_Item], places: _Places) -> None:
        self.area = [places.area(i.convoy.origin) or places.area(i.convoy.destination) for i in items]
        # An origin taken from context is only as good as its area.
        self.origin = [("" if i.convoy.origin is None else self.area[k] if "origin" in i.convoy.inferred
                        else i.convoy.origin.name) for k, i in enumerate(items)]
        self.lookup: dict[str, tuple[str, ...]] = {}
        self.day: list[int | None] = [None if i.convoy.date is None else i.convoy.date.start.toordinal()
                                      for i in items]
        self.by_day: dict[tuple[str, int], list[int]] = defaultdict(list)
        # Dated records by day, and, for each count slot, by the bucket of their count (see ``_day_code``), in one
        # sorted array of codes per origin and day (8 bytes a record and slot, where a list per key took ten times
        # that).
        self.by_day_count: dict[tuple[str, int], array.array[int]] = {}
        self.by_count: dict[tuple[str, str, int], list[int]] = defaultdict(list)
        # An undated record tells of a movement shortly before its report was published: its week is the
        # report's; a record with neither a day nor a dated report has no week and is looked up over all weeks.
        self.week: list[int | None] = [_week_of(day, item.anchor) for day, item in zip(self.day, items, strict=True)]
        self.by_count_week: dict[tuple[str, str, int, int | None], list[int]] = defaultdict(list)
        self.by_area: dict[str, list[int]] = defaultdict(list)
        self.by_area_day: dict[tuple[str, int], list[int]] = defaultdict(list)
        self.by_area_count: dict[tuple[str, str, int], list[int]] = defaultdict(list)
        self.by_origin: dict[str, list[int]] = defaultdict(list)
        self.counts = [i.counts for i in items]
        for index in range(len(items)):
            origin = self.origin[index]
            if origin not in self.lookup:
                known = places.gaz.places.get(origin)
                self.lookup[origin] = places.lineage(known) if known is not None else (origin,)
            day = self.day[index]
            if day is not None:
                key = (origin, day)
                self.by_day[key].append(index)
                codes = self.by_day_count.get(key)
                if codes is None:
                    codes = self.by_day_count[key] = array.array("q")
                for slot in CONVOY_SLOTS:
                    quantity = self.counts[index].get(slot)
                    bucket = None if quantity is None or not _narrow(quantity) else _bucket(quantity.value)
                    codes.append(_day_code(slot, bucket, index))
            for slot, value in _indexed(self.counts[index]):
                self.by_count[(origin, slot, _bucket(value))].append(index)
                self.by_count_week[(origin, slot, _bucket(value), self.week[index])].append(index)
                self.by_area_count[(self.area[index], slot, _bucket(value))].append(index)
            self.by_area[self.area[index]].append(index)
            if day is not None:
                self.by_area_day[(self.area[index], day)].append(index)
            self.by_origin[origin].append(index)
        for key, codes in self.by_day_count.items():
            self.by_day_count[key] = array.array("q", sorted(codes))
        # Where a record may look for the movement it belongs to: a record that states a town looks among its
        # town and the places that town lies in; one that states only a region, or no origin, looks over its area.
        self.local = [bool(o) and o != a and o in places.gaz.places
                      and places.gaz.places[o].kind not in (PlaceKind.REGION, PlaceKind.GOVERNORATE, PlaceKind.COUNTRY)
                      for o, a in zip(self.origin, self.area, strict=True)]

    def _origins(self, index: int) -> tuple[str, ...]:
        own = self.lookup[self.origin[index]]
        return own if own[-1:] == ("",) else (*own, "")  # records with no origin can match any

    def same_days(self, index: int, offsets: Sequence[int]) -> Iterator[int]:
        """Dated records of the same or an enclosing origin on nearby days (``offsets`` from the record's day);
        when the record gives a count, only those whose same count is consistent with it (or that give none), as
        no other can be one movement."""
        day = self.day[index]
        if day is None:
            return
        counts = self.counts[index]
        slot = next((s for s in CONVOY_SLOTS if s in counts and _narrow(counts[s])), None)
        bucket = 0 if slot is None else _bucket(counts[slot].value)
        for origin in self._origins(index):
            for near in (day + offset for offset in offsets):
                if (origin, near) not in self.by_day:
                    continue  # no dated record of that origin on that day
                if slot is None:
                    yield from self.by_day[(origin, near)]
                    continue
                # Those without a narrow count of that slot, then those with one close to it, by bucket.
                codes = self.by_day_count[(origin, near)]
                for low, high in ((_day_code(slot, None, 0), _day_code(slot, 0, 0)),
                                  (_day_code(slot, max(bucket - _SPREAD, 0), 0),
                                   _day_code(slot, bucket + _SPREAD + 1, 0))):
                    start, stop = bisect.bisect_left(codes, low), bisect.bisect_left(codes, high)
                    yield from (code & _INDEX_MASK for code in codes[start:stop])

    def homes(self, index: int) -> Iterator[int]:
        """Records among which an undated record looks for its movement (see ``local``).

        A record with counts looks among the records of close counts. One without counts looks among the dated
        records of its origin (or, when it states only a region or no origin, of its area) in the days before
        its report (see :data:`_HOME_WINDOW`), or over all days when its report is undated; and when these are
        more than :data:`_CROWD`, it looks no further and joins no movement: it could fit many of them, and
        which one fits best would be chance. So the records one meets are never more than a window of days
        holds, and never more than :data:`_CROWD` when it has nothing but its places to tell them apart."""
        if self.counts[index]:
            yield from self.same_counts(index, _SPREAD) if self.local[index] else self.area_counts(index)
            return
        week = self.week[index]
        lists: list[Sequence[int]]
        if self.local[index] and week is not None:
            lists = [self.by_day.get((origin, day), ()) for origin in self._origins(index) for day in _home_days(week)]
        elif self.local[index]:
            lists = [self.by_origin.get(origin, ()) for origin in self._origins(index)]
        elif week is not None:
            lists = [self.by_area_day.get((self.area[index], day), ()) for day in _home_days(week)]
        else:
            lists = [self.by_area.get(self.area[index], ())]
        if sum(len(found) for found in lists) <= _CROWD:
            for found in lists:
                yield from found

    def area_counts(self, index: int) -> Iterator[int]:
        """Records of the same area with a close count, whatever their origin within it."""
        for slot, value in _indexed(self.counts[index]):
            bucket = _bucket(value)
            for near in (bucket - 1, bucket, bucket + 1):
                for other in _WHOLE_AND_PART.get(slot, (slot,)):
                    yield from self.by_area_count.get((self.area[index], other, near), ())

    def same_counts(self, index: int, spread: int = 1) -> Iterator[int]:
        """Records of the same or an enclosing origin with a close count (within ``spread`` buckets): in nearby
        weeks when the record has a week (a stated day, or a dated report), else in any week."""
        week = self.week[index]
        for origin in self._origins(index):
            for slot, value in _indexed(self.counts[index]):
                bucket = _bucket(value)
                for near in range(bucket - spread, bucket + spread + 1):
                    for other in _WHOLE_AND_PART.get(slot, (slot,)):
                        if week is None:
                            yield from self.by_count.get((origin, other, near), ())
                            continue
                        for when in (week - 2, week - 1, week, week + 1, None):
                            yield from self.by_count_week.get((origin, other, near, when), ())


def _key(item: _Item) -> tuple[str, str | None, bool]:
    """Records with the same key were told apart by the parser: one report, one originator, and both with counts
    or both without. A record without a count and one with counts of one report and originator may be one
    movement (a mention in passing, and the sentence that gives its numbers): other evidence decides."""
    return item.key


@frozen(kw_only=True)
class _Summary:
    """What a movement as a whole states, kept so that a union can be refused when the movement would no longer
    be one: the records the parser told apart, the span of stated days, the extreme claims of each count, the
    stated origins, destinations and armed groups."""

    keys: frozenset[tuple[str, str | None, bool]]
    first_day: int | None
    last_day: int | None
    extremes: tuple[tuple[str, Quantity, Quantity], ...]  # (slot, lowest claim, highest claim)
    origins: frozenset[Place]
    destinations: frozenset[Place]
    groups: frozenset[str] | None  # armed groups every stating member shares; None when none states any
    # (originator, day) of each member told by a named originator on one stated day: one originator never tells
    # one movement on two different days
    told_on: frozenset[tuple[str, int]] = frozenset()

    @classmethod
    def of(cls, item: _Item, places: _Places, alone: dict[Place | None, frozenset[Place]] | None = None) -> _Summary:
        """The summary of one record; ``alone`` keeps the set of each place (or none) made so far, so that the
        summaries of many records share them."""
        origin, destination, groups = item.origin, item.destination, item.groups
        alone = {} if alone is None else alone
        return cls(
            keys=frozenset({item.key}),
            first_day=item.first,
            last_day=item.last,
            extremes=tuple((slot, q, q) for slot, q in sorted(item.counts.items())),
            origins=_alone(origin, alone),
            destinations=_alone(destination, alone),
            groups=frozenset(groups) if groups else None,
            told_on=(frozenset({(item.key[1], item.first)})
                     if item.key[1] is not None and item.first is not None and item.first == item.last
                     else frozenset()),
        )

    def joined(self, other: _Summary, places: _Places, *, counts: bool = True) -> _Summary | None:
        """The summary of both movements together, or ``None`` when they cannot be one movement (without
        ``counts``: whatever their counts say)."""
        if self.keys & other.keys:
            return None  # the parser kept two of these records apart
        days = [d for d in (self.first_day, self.last_day, other.first_day, other.last_day) if d is not None]
        if days and max(days) - min(days) > DAY_SLACK:
            return None
        mine = {s: (lo, hi) for s, lo, hi in self.extremes}
        theirs = {s: (lo, hi) for s, lo, hi in other.extremes}
        extremes = []
        for slot in sorted(mine.keys() | theirs.keys()):
            claims = [*mine.get(slot, ()), *theirs.get(slot, ())]
            low, high = min(claims, key=lambda q: q.value), max(claims, key=lambda q: q.value)
            if counts and not _consistent(low, high):
                return None
            extremes.append((slot, low, high))
        # A movement whose own records already count more fighters than people is not judged by this rule.
        if (counts and not _parts_within(extremes) and _parts_within(self.extremes)
                and _parts_within(other.extremes)):
            return None
        if not all(places.compatible(a, b, near=False) for a in self.origins for b in other.origins):
            return None
        if not all(places.compatible(a, b, near=True) for a in self.destinations for b in other.destinations):
            return None
        groups = self.groups if other.groups is None else other.groups if self.groups is None else (
            self.groups & other.groups)
        if groups is not None and not groups:
            return None
        told_on = self.told_on | other.told_on
        if len({originator for originator, _ in told_on}) < len(told_on):
            return None  # one originator would tell the movement on two different days
        return _Summary(keys=self.keys | other.keys, first_day=min(days) if days else None,
                        last_day=max(days) if days else None, extremes=tuple(extremes),
                        origins=self.origins | other.origins, destinations=self.destinations | other.destinations,
                        groups=groups, told_on=told_on)


def _alone(place: Place | None, made: dict[Place | None, frozenset[Place]]) -> frozenset[Place]:
    """The set of one place (empty for ``None``), the one in ``made`` if it is there."""
    found = made.get(place)
    if found is None:
        found = made[place] = frozenset(() if place is None else (place,))
    return found


def _parts_within(extremes: Sequence[tuple[str, Quantity, Quantity]]) -> bool:
    """Whether a movement's fewest people are still as many as its most fighters and its most civilians (within
    the disagreement tolerance): the people are the whole of which these are parts."""
    lowest = {slot: low.value for slot, low, _ in extremes}
    highest = {slot: high.value for slot, _, high in extremes}
    people = lowest.get("people")
    return people is None or all(highest[k] - people <= DISAGREEMENT * highest[k]
                                 for k in ("fighters", "civilians") if k in highest)


class _Movements(_UnionFind):
    """Union-find of records into movements; a union after which a movement would no longer be one (two days
    apart, counts that contradict, places that cannot be one, records the parser told apart) is refused, so
    no chain of pairwise links can glue two movements together."""

    def __init__(self, items: Sequence[_Item], places: _Places) -> None:
        super().__init__(len(items))
        self.places = places
        alone: dict[Place | None, frozenset[Place]] = {}
        self.summary: dict[int, _Summary] = {i: _Summary.of(item, places, alone) for i, item in enumerate(items)}

    def join(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        both = self.summary[ra].joined(self.summary[rb], self.places)
        if both is None:
            return False
        self.union(ra, rb)
        root = self.find(ra)
        self.summary.pop(rb if root == ra else ra)
        self.summary[root] = both
        return True


#: How many members of one movement a record tries to link with before it passes that movement by.
_TRIES: Final = 3


def _cluster_convoys(items: list[_Item], places: _Places) -> list[list[_Item]]:
    """Group parsed convoys into movements: links, attachments, then joins of same-day movements."""
    blocks = _Blocks(items, places)
    uf = _Movements(items, places)
    # Records of one day link first, then records a day apart: a record is one movement with one told of its own
    # day before one told of the day before or after.
    for offsets in (_SAME_DAY, _AROUND):
        for i in range(len(items)):
            dated = blocks.day[i] is not None
            # Dated records link with records of nearby days; undated ones only with undated ones of agreeing
            # counts, so that no undated record bridges two days. A pair is met from the side of the record whose
            # origin lies within the other's.
            if dated:
                candidates = blocks.same_days(i, offsets)
            elif offsets is _SAME_DAY:
                candidates = (j for j in blocks.same_counts(i) if blocks.day[j] is None)
            else:
                continue
            # A record tries at most a few members of each movement it meets (the first it meets, in canonical
            # order), so a crowded origin and day costs one test per movement there, not one per record.
            tried: dict[int, int] = defaultdict(int)
            for j in candidates:
                root = uf.find(j)
                if j == i or root == uf.find(i) or tried[root] >= _TRIES:
                    continue
                tried[root] += 1
                if _linked(items[i], items[j], places):
                    uf.join(i, j)
    components: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        components[uf.find(i)].append(i)
    # Attach before joining, so that what an attached record states can still veto a join.
    summaries = {root: uf.summary[root] for root in components}
    clusters = _attach(components, summaries, items, places, blocks)
    joined = _updates(_join_clusters(clusters, items, places), items, places, blocks)
    return [[items[i] for i in members] for members in joined]


def _evidence(a: _Item, b: _Item, places: _Places) -> int:
    """How much positive evidence two compatible records share: a stated origin each (one within the other), a
    count that agrees, a stated armed group in common."""
    counts_a, counts_b = a.counts, b.counts
    return (int(a.origin is not None and b.origin is not None)
            + int(_agreeing(counts_a, counts_b))
            + int(bool(a.groups & b.groups)))


#: The most evidence two records can share (see ``_evidence``).
_MOST_EVIDENCE: Final = 3


#: The low 32 bits of a pair code of ``_Met``: the second record of the pair.
_LOW: Final = (1 << 32) - 1


class _Met:
    """What the members of one undated movement met (see ``_meetings``), kept between the looks of ``_attach`` in
    arrays of 8-byte codes: a dictionary entry and its tuple took about ten times that, and the undated records
    of a large merge meet many dated movements each (up to the records of a window of days, or
    :data:`_CROWD`), so that these were its largest structures.

    ``evidence`` holds ``home << 2 | shared`` for each dated movement met, sorted (shared evidence is 0 to
    :data:`_MOST_EVIDENCE`); ``undated`` and ``pairs`` the pairs of records (``i << 32 | j``) whose other record
    lies in the undated movement beside it, weighed once that movement has joined a dated one.
    """

    __slots__ = ("evidence", "pairs", "undated")

    def __init__(self, evidence: Mapping[int, int], waiting: Mapping[int, Sequence[tuple[int, int]]]) -> None:
        self.evidence = array.array("q", sorted(home << 2 | shared for home, shared in evidence.items()))
        self.undated = array.array("q")
        self.pairs = array.array("q")
        for undated, pairs in waiting.items():
            self.undated.extend([undated] * len(pairs))
            self.pairs.extend(i << 32 | j for i, j in pairs)

    def shared(self, home: int) -> int:
        """The most evidence shared with a dated movement, -1 when none was met."""
        at = bisect.bisect_left(self.evidence, home << 2)
        if at < len(self.evidence) and self.evidence[at] >> 2 == home:
            return self.evidence[at] & 3
        return -1

    def meets_any(self, homes: set[int]) -> bool:
        """Whether one of ``homes`` is among the dated movements met."""
        if len(homes) * 16 < len(self.evidence):
            return any(self.shared(home) >= 0 for home in homes)
        return any(code >> 2 in homes for code in self.evidence)

    def settle(self, target_of: Mapping[int, int], items: Sequence[_Item], places: _Places) -> None:
        """Weigh the waiting pairs whose undated movement has joined a dated one, as pairs with that one."""
        if not any(undated in target_of for undated in self.undated):
            return
        raised: dict[int, int] = {}
        undated_left, pairs_left = array.array("q"), array.array("q")
        for undated, code in zip(self.undated, self.pairs, strict=True):
            home = target_of.get(undated)
            if home is None:
                undated_left.append(undated)
                pairs_left.append(code)
                continue
            known = raised.get(home)
            if known is None:
                known = self.shared(home)
            i, j = code >> 32, code & _LOW
            if known != _MOST_EVIDENCE and _compatible(items[i], items[j], places):
                raised[home] = max(known, _evidence(items[i], items[j], places))
        self.undated, self.pairs = undated_left, pairs_left
        if raised:
            merged = {code >> 2: code & 3 for code in self.evidence}
            merged.update(raised)
            self.evidence = array.array("q", sorted(home << 2 | shared for home, shared in merged.items()))

    def by_evidence(self) -> list[tuple[int, int]]:
        """The dated movements met and the evidence shared with each, the most first (then by movement: which
        of those sharing as much is asked first does not change the outcome)."""
        return sorted(((code >> 2, code & 3) for code in self.evidence), key=lambda met: (-met[1], met[0]))


def _attach(components: dict[int, list[int]], summaries: dict[int, _Summary], items: list[_Item],
            places: _Places, blocks: _Blocks) -> list[tuple[list[int], _Summary]]:
    """An undated movement (a lone record, or records linked on their counts, none with a day) joins the one
    dated movement it fits, if exactly one fits; it never joins another undated movement, so attachments cannot
    chain. Larger undated movements go first, and passes repeat while one settles: a movement that has taken
    in one telling of a report can no longer take that report's other movement, which may then fit just once."""
    clusters = [(sorted(members), summaries[root]) for root, members in sorted(components.items())]
    home_of = {i: index for index, (members, _) in enumerate(clusters) for i in members}
    current = [summary for _, summary in clusters]
    dated = [any(blocks.day[i] is not None for i in members) for members, _ in clusters]
    pending = sorted((index for index in range(len(clusters)) if not dated[index]),
                     key=lambda index: (-len(clusters[index][0]), index))
    target_of: dict[int, int] = {}
    # What each undated movement's members met, worked out on its first look and kept for the next ones (the
    # records are fixed; only the movements they belong to grow): the most evidence shared with each dated
    # movement, and the pairs of records whose other record lies in an undated movement, by that movement,
    # weighed once it has joined a dated one (see ``_Met``).
    met: dict[int, _Met] = {}
    changed: set[int] | None = None  # the movements that took one in on the last pass (None: first pass)
    while changed is None or changed:
        taken: set[int] = set()
        for index in pending:
            # A second look is needed only where a movement it met (on its last look) has changed since.
            if index in target_of or (changed is not None and not met[index].meets_any(changed)):
                continue
            if index not in met:
                met[index] = _Met(*_meetings(index, clusters[index][0], home_of, dated, items, places, blocks))
            seen = met[index]
            seen.settle(target_of, items, places)
            # The one movement it fits, or the one it fits on the most evidence, if one fits on more than any other.
            # Whether the movement stays one with it is asked in order of evidence, and only until that is settled.
            found: tuple[int, int, _Summary] | None = None
            for home, shared in seen.by_evidence():
                if found is not None and shared < found[1]:
                    break
                both = current[home].joined(current[index], places)
                if both is None:
                    continue
                if found is not None:
                    found = None  # two fit on as much evidence: neither is the one
                    break
                found = (home, shared, both)
            if found is not None:
                target, _shared, both = found
                current[target] = both
                target_of[index] = target
                taken.add(target)
        changed = taken
    out = [list(members) for members, _ in clusters]
    for index, target in sorted(target_of.items()):
        out[target].extend(out[index])
        out[index] = []
    return [(sorted(members), current[k]) for k, members in enumerate(out) if members]


def _meetings(index: int, members: Sequence[int], home_of: Mapping[int, int], dated: Sequence[bool],
              items: Sequence[_Item], places: _Places,
              blocks: _Blocks) -> tuple[dict[int, int], dict[int, list[tuple[int, int]]]]:
    """What the members of one undated movement meet among the records of the movements they may join: the most
    evidence a compatible pair shares with each dated movement, and, by undated movement, the pairs not yet
    weighed (they count only once that movement has joined a dated one)."""
    evidence: dict[int, int] = {}
    waiting: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for i in members:
        item = items[i]
        # The most evidence a pair with this record can share: a movement already met on as much is passed by.
        most = int(item.origin is not None) + int(bool(item.counts)) + int(bool(item.groups))
        # A record without a day or a count meets many records, and how it stands with one (beyond the records
        # the parser told apart) depends only on that one's stated places and armed groups: asked once for each.
        plain: dict[tuple[Place | None, Place | None, frozenset[str]], int] | None = (
            {} if not item.counts and item.first is None else None)
        for j in blocks.homes(i):
            home = home_of[j]
            if home == index:
                continue
            known = evidence.get(home, -1)
            if known >= most:
                continue
            if not dated[home]:
                waiting[home].append((i, j))
                continue
            other = items[j]
            if plain is not None:
                if item.key == other.key:
                    continue  # told apart by the parser
                stated = (other.origin, other.destination, other.groups)
                shared = plain.get(stated, -2)
                if shared == -2:
                    shared = plain[stated] = (_evidence(item, other, places) if _compatible(item, other, places)
                                              else -1)
            else:
                shared = _evidence(item, other, places) if _compatible(item, other, places) else -1
            if shared > known:
                evidence[home] = shared
    return evidence, dict(waiting)


def _join_clusters(clusters: list[tuple[list[int], _Summary]], items: list[_Item],
                   places: _Places) -> list[tuple[list[int], _Summary]]:
    """Join two movements told of the same place on the same day (or the next) when, together, they are still
    one movement (complete linkage through their summaries, so no generic record glues two together)."""
    clusters = sorted(clusters, key=lambda cluster: cluster[0][0])
    by_key: dict[tuple[str, int], list[int]] = defaultdict(list)
    for index, (members, _) in enumerate(clusters):
        keys = {(c.origin.name, c.date.start.toordinal()) for c in (items[i].convoy for i in members)
                if c.origin is not None and c.date is not None and c.date.precision is Precision.DAY}
        for name, day in keys:
            by_key[(name, day)].append(index)
    uf = _UnionFind(len(clusters))
    members_of = {index: list(members) for index, (members, _) in enumerate(clusters)}
    summary_of = {index: summary for index, (_, summary) in enumerate(clusters)}
    for (name, day), indices in sorted(by_key.items()):
        partners = sorted({*indices, *by_key.get((name, day + 1), ())})
        for position, a in enumerate(partners):
            for b in partners[position + 1:]:
                ra, rb = uf.find(a), uf.find(b)
                if ra == rb:
                    continue
                both = summary_of[ra].joined(summary_of[rb], places)
                if both is None:
                    continue
                uf.union(ra, rb)
                root, other = (ra, rb) if uf.find(ra) == ra else (rb, ra)
                members_of[root] = members_of[root] + members_of.pop(other)
                summary_of[root] = both
                summary_of.pop(other)
    return [(sorted(members_of[root]), summary_of[root]) for root in sorted(members_of)]


def _updates(clusters: list[tuple[list[int], _Summary]], items: list[_Item], places: _Places,
             blocks: _Blocks) -> list[list[int]]:
    """A movement told by one originator alone, dated, whose counts set it apart from every other movement, joins
    the one movement of its origin and days (one place within the other, at most a day apart) that other sources
    tell too, in which the same originator gives the same count, and with which, counts aside, it can be one
    (places, days, armed groups, records the parser told apart): an originator that counts a movement twice, as
    it gets under way and when it is done, is updating its count, not telling of another movement. It joins only
    when exactly one movement fits; the disagreement is kept as a conflict."""
    originators = [_originator(item.convoy) for item in items]
    home_of = {i: index for index, (members, _) in enumerate(clusters) for i in members}
    told: dict[tuple[str, int, str], list[int]] = defaultdict(list)  # (origin, day, originator) -> records
    for i, originator in enumerate(originators):
        day = blocks.day[i]
        if originator is not None and day is not None and blocks.counts[i]:
            told[(blocks.origin[i], day, originator)].append(i)
    sole = [len({originators[i] for i in members}) == 1 and originators[members[0]] is not None
            for members, _ in clusters]
    current = [summary for _, summary in clusters]
    target_of: dict[int, int] = {}
    for index, (members, _) in enumerate(clusters):
        if not sole[index] or any(blocks.day[i] is None or not blocks.counts[i] for i in members):
            continue
        found: set[int] = set()
        for i in members:
            day = blocks.day[i]
            assert day is not None
            for origin in blocks._origins(i):
                for near in range(day - DAY_SLACK, day + DAY_SLACK + 1):
                    for j in told.get((origin, near, originators[i] or ""), ()):
                        home = home_of[j]
                        if home != index and not sole[home] and blocks.counts[i].keys() & blocks.counts[j].keys():
                            found.add(home)
        fitting = {home: both for home in sorted(found)
                   if (both := current[home].joined(current[index], places, counts=False)) is not None}
        if len(fitting) == 1:
            ((target, both),) = fitting.items()
            current[target] = both
            target_of[index] = target
    out = [list(members) for members, _ in clusters]
    for index, target in sorted(target_of.items()):
        out[target].extend(out[index])
        out[index] = []
    return [sorted(members) for members in out if members]


# --- Estimates and conflicts -------------------------------------------------------------------------------


def _specificity(quantity: Quantity) -> float:
    if quantity.low is None or quantity.high is None:
        return float("inf")
    return float(quantity.high - quantity.low)


def _claim_rank(claim: Claim) -> tuple[float, int, str]:
    """Which of one originator's claims speaks for it: the most specific, then the lowest (never the order of
    report ids, so that copies of a story under other ids give the same estimate)."""
    return _specificity(claim.quantity), claim.quantity.value, claim.quantity.qualifier.value


def _speaking(claims: Sequence[Claim]) -> Claim:
    """The claim that speaks for one originator: the most specific, then the lowest; but when its claims lie
    further apart than sources disagree (a count given as a movement got under way, and the count when it was
    done), the highest, then the most specific."""
    values = [c.quantity.value for c in claims]
    if _one_count(min(values), max(values)):
        return min(claims, key=_claim_rank)
    return min(claims, key=lambda c: (-c.quantity.value, _claim_rank(c)))


def _estimate(claims: Sequence[Claim], source_kind: Callable[[str | None], int]) -> Estimate:
    """UCDP-style low/best/high and the conservative figure for one count's claims.

    Claims relayed from the same originator count once (the claim that speaks for it, see ``_speaking``). ``best`` is
    the value supported by the most independent originators (a claim supports every value its bounds allow); ties go to
    an exact claim, then the narrower bounds, then the originator nearer the event, then the lower value.
    """
    by_origin: dict[str | None, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_origin[claim.originator if claim.originator is not None else f"\x00{claim.report}"].append(claim)
    independent = [_speaking(told) for told in by_origin.values()]
    values = [c.quantity.value for c in independent]

    def support(value: int) -> int:
        return sum(
            1 for c in independent
            if (c.quantity.low is None or c.quantity.low <= value)
            and (c.quantity.high is None or value <= c.quantity.high)
        )

    best_claim = min(
        independent,
        key=lambda c: (-support(c.quantity.value), c.quantity.qualifier is not Qualifier.EXACT,
                       _specificity(c.quantity), source_kind(c.originator), c.quantity.value),
    )
    firm = [c.quantity.value for c in independent
            if c.quantity.qualifier in (Qualifier.EXACT, Qualifier.AT_LEAST, Qualifier.MORE_THAN)]
    return Estimate(low=min(values), best=best_claim.quantity.value, high=max(values),
                    conservative=min(firm) if firm else min(values))


def _disjoint_conflicts(record: str, slot: str, claims: Sequence[Claim]) -> list[Conflict]:
    """One conflict for a count whose claims cannot all be true (no value lies within every claim's bounds),
    naming every claim of that count, lowest first."""
    lows = [c.quantity.low if c.quantity.low is not None else 0 for c in claims]
    highs = [c.quantity.high for c in claims if c.quantity.high is not None]
    if not highs or max(lows) <= min(highs):
        return []
    ordered = sorted(claims, key=lambda c: (c.quantity.value, c.report, c.record))
    said = "; ".join(_said(c) for c in ordered[:6]) + ("; ..." if len(ordered) > 6 else "")
    return [Conflict(kind=ConflictKind.DISJOINT, record=record, slot=slot, claims=tuple(ordered),
                     message=f"{slot}: {said}")]


def _said(claim: Claim) -> str:
    who = claim.originator or f"report {claim.report}"
    hedge = {Qualifier.EXACT: "", Qualifier.MORE_THAN: "more than ", Qualifier.AT_LEAST: "at least ",
             Qualifier.ABOUT: "about ", Qualifier.UP_TO: "up to ", Qualifier.LESS_THAN: "less than "}
    return f"{who} says {hedge[claim.quantity.qualifier]}{claim.quantity.value:,}"


def _stable_id(prefix: str, member_ids: Iterable[str]) -> str:
    digest = hashlib.sha1("\n".join(sorted(member_ids)).encode("utf-8")).hexdigest()[:12]
    return f"{prefix}-{digest}"


def _unique_sources(chains: Iterable[tuple[Source, ...]]) -> tuple[Source, ...]:
    seen: dict[str, Source] = {}
    for chain in chains:
        for source in chain:
            seen.setdefault(source.name, source)
    return tuple(sorted(seen.values(), key=lambda s: s.name))


def _unique_factions(groups: Iterable[tuple[Faction, ...]]) -> tuple[Faction, ...]:
    seen: dict[str, Faction] = {}
    for group in groups:
        for faction in group:
            seen.setdefault(faction.name, faction)
    return tuple(sorted(seen.values(), key=lambda f: f.name))


def _innermost(places: _Places, candidates: Iterable[Place | None]) -> Place | None:
    """The most specific place stated (the deepest in the gazetteer); on a tie the most often stated, then the
    first by name."""
    found = [p for p in candidates if p is not None]
    if not found:
        return None
    counts: dict[str, int] = defaultdict(int)
    for place in found:
        counts[place.name] += 1
    def depth(place: Place) -> int:
        return len(places.lineage(place))
    return min(found, key=lambda p: (-depth(p), -counts[p.name], p.name))


def _preferring_stated(members: Sequence[Convoy], slot: str) -> list[Any]:
    """The members' values of a slot: those they state, or failing any, those they inferred from context."""
    stated = [getattr(m, slot) for m in members if slot not in m.inferred and getattr(m, slot)]
    return stated or [getattr(m, slot) for m in members if getattr(m, slot)]


def _span_of_dates(dates: Iterable[DateRange | None]) -> DateRange | None:
    days = [d for d in dates if d is not None]
    if not days:
        return None
    counts: dict[DateRange, int] = defaultdict(int)
    for day in days:
        counts[day] += 1
    start, end = min(d.start for d in days), max(d.end for d in days)
    if start == end:
        return min(days, key=lambda d: (-counts[d], d.basis.value))
    # The basis the most days were read on, the first by name among equals: never the first member's, which
    # would make the result depend on the order of the members.
    bases = Counter(d.basis for d in days)
    basis = min(bases, key=lambda b: (-bases[b], b.value))
    return DateRange(start=start, end=end, precision=Precision.DAYS, basis=basis)


class _Builder:
    """Builds the consolidated records of one canonical list of reports."""

    def __init__(self, reports: Sequence[_Told], gazetteer: Gazetteer) -> None:
        self.reports = reports
        self.places = _Places(gazetteer)
        self.kinds: dict[str, int] = {}
        for report in reports:
            for source in report.sources:
                self.kinds[source.name] = _ORIGIN_RANK.get(source.kind, 3)
        self.conflicts: list[Conflict] = []

    def source_rank(self, name: str | None) -> int:
        return 9 if name is None else self.kinds.get(name, 3)

    def tally(self, record: str, slot: str, claims: list[Claim]) -> Tally | None:
        if not claims:
            return None
        claims.sort(key=lambda c: (c.report, c.record))
        self.conflicts.extend(_disjoint_conflicts(record, slot, claims))
        return Tally(claims=tuple(claims), estimate=_estimate(claims, self.source_rank))

    def convoys(self) -> list[ConsolidatedConvoy]:
        # In order of content (the ids last), so that copies of a story under other ids cluster alike.
        items = [_Item(c, r.id, _anchor_of(r), self.places)
                 for r in sorted(self.reports, key=_report_key) for c in sorted(r.convoys, key=_convoy_key)]
        out = []
        for found in _cluster_convoys(items, self.places):
            group = sorted(found, key=lambda item: (item.report, item.convoy.id))  # shown by report, then record
            members = tuple(item.convoy for item in group)
            cid = _stable_id("convoy", (m.id for m in members))
            tallies: dict[str, Tally | None] = {}
            for slot in CONVOY_SLOTS:
                claims = [Claim(quantity=q, sources=item.convoy.sources, report=item.report, record=item.convoy.id)
                          for item in group if (q := getattr(item.convoy, slot)) is not None]
                tallies[slot] = self.tally(cid, slot, claims)
            self._count_conflicts(cid, tallies)
            out.append(ConsolidatedConvoy(
                id=cid, members=members, reports=tuple(item.report for item in group),
                origin=_innermost(self.places, _preferring_stated(members, "origin")),
                destination=_innermost(self.places, _preferring_stated(members, "destination")),
                date=_span_of_dates(_preferring_stated(members, "date")),
                factions=_unique_factions(_preferring_stated(members, "factions")),
                sources=_unique_sources(m.sources for m in members),
                buses=tallies["buses"], people=tallies["people"], fighters=tallies["fighters"],
                civilians=tallies["civilians"],
            ))
        return sorted(out, key=_record_order)

    def _count_conflicts(self, record: str, tallies: dict[str, Tally | None]) -> None:
        people = tallies["people"]
        if people is None:
            return
        ceiling = max(c.quantity.high if c.quantity.high is not None else c.quantity.value for c in people.claims)
        parts = 0
        part_claims: list[Claim] = []
        for slot in ("fighters", "civilians"):
            tally = tallies[slot]
            if tally is None:
                continue
            floor = min(c.quantity.low if c.quantity.low is not None else 0 for c in tally.claims)
            if floor > ceiling:
                self.conflicts.append(Conflict(
                    kind=ConflictKind.FIGHTERS_EXCEED_PEOPLE, record=record, slot=slot,
                    claims=(*people.claims, *tally.claims),
                    message=f"{slot} ({floor} at least) exceed the people in all ({ceiling} at most)",
                ))
            parts += floor
            part_claims.extend(tally.claims)
        if tallies["fighters"] is not None and tallies["civilians"] is not None and parts > ceiling:
            self.conflicts.append(Conflict(
                kind=ConflictKind.PARTS_EXCEED_TOTAL, record=record, slot="people",
                claims=(*people.claims, *part_claims),
                message=f"fighters and civilians add up to {parts} at least, the people in all to {ceiling} at most",
            ))

    def figures(self) -> list[ConsolidatedFigure]:
        blocks: dict[tuple[FigureKind, str], list[tuple[_Told, Figure]]] = defaultdict(list)
        for report in self.reports:
            for figure in report.figures:
                blocks[(figure.kind, self.places.area(figure.place))].append((report, figure))
        out = []
        for (kind, _area), members in sorted(blocks.items(), key=lambda kv: (kv[0][0].value, kv[0][1])):
            for found in _sweep(members, self._figure_group, _figure_key):
                group = sorted(found, key=lambda m: (m[0].id, m[1].id))  # shown by report, then record
                fid = _stable_id("figure", (f.id for _, f in group))
                claims = [Claim(quantity=f.quantity, sources=f.sources, report=r.id, record=f.id) for r, f in group]
                tally = self.tally(fid, "quantity", claims)
                assert tally is not None
                out.append(ConsolidatedFigure(
                    id=fid, kind=kind, members=tuple(f for _, f in group), reports=tuple(r.id for r, _ in group),
                    place=_innermost(self.places, (f.place for _, f in group)),
                    date=_span_of_dates(f.date for _, f in group),
                    sources=_unique_sources(f.sources for _, f in group), quantity=tally,
                ))
        return sorted(out, key=_record_order)

    def _figure_group(self, report: _Told, figure: Figure) -> _FigureGroup:
        return _FigureGroup(self.places, report, figure)

    def events(self) -> list[ConsolidatedEvent]:
        blocks: dict[tuple[EventKind, str], list[tuple[_Told, Event]]] = defaultdict(list)
        for report in self.reports:
            for event in report.events:
                blocks[(event.kind, self.places.area(event.place))].append((report, event))
        out = []
        for (kind, _area), members in sorted(blocks.items(), key=lambda kv: (kv[0][0].value, kv[0][1])):
            placed = [(r, e) for r, e in members if e.place is not None]
            # An event without a place glues nothing together: it stands alone.
            alone = [[(r, e)] for r, e in sorted(members, key=lambda m: _event_key(*m)) if e.place is None]
            for found in [*_sweep(placed, self._event_group, _event_key), *alone]:
                group = sorted(found, key=lambda m: (m[0].id, m[1].id))  # shown by report, then record
                out.append(ConsolidatedEvent(
                    id=_stable_id("event", (e.id for _, e in group)), kind=kind,
                    members=tuple(e for _, e in group), reports=tuple(r.id for r, _ in group),
                    place=_innermost(self.places, (e.place for _, e in group)),
                    date=_span_of_dates(e.date for _, e in group),
                    factions=_unique_factions(e.factions for _, e in group),
                    sources=_unique_sources(e.sources for _, e in group),
                ))
        return sorted(out, key=_record_order)

    def _event_group(self, report: _Told, event: Event) -> _EventGroup:
        return _EventGroup(self.places, report, event)


# --- Figures and events: groups swept in time ---------------------------------------------------------------

#: An undated figure or event of a dated report tells of the days shortly before its publication: it meets the
#: groups of this many days around it.
UNDATED_DAYS: Final = 7

_M = TypeVar("_M", Figure, Event)


def _day_of(report: _Told, date: DateRange | None) -> int | None:
    """Where a record stands in time: its stated first day, else its report's day, else nowhere."""
    if date is not None:
        return date.start.toordinal()
    return _anchor_of(report)


def _last_day_of(report: _Told, date: DateRange | None) -> int | None:
    return date.end.toordinal() if date is not None else _anchor_of(report)


def _same_period(a: DateRange | None, b: DateRange | None) -> bool:
    """Two dates that can be of one count: either missing, or close and of a like length (a year is not a day,
    a toll over years is not the toll of a week)."""
    if a is None or b is None:
        return True
    if not _dates_close(a, b):
        return False
    length_a, length_b = (a.end - a.start).days + 1, (b.end - b.start).days + 1
    return max(length_a, length_b) <= 1 + 2 * DAY_SLACK or max(length_a, length_b) <= 2 * min(length_a, length_b)


def _one_count(a: int, b: int) -> bool:
    """Two values that could be one count told by different sources (within the disagreement tolerance)."""
    return abs(a - b) <= DISAGREEMENT * max(a, b)


class _Group(Generic[_M]):
    """Members of one consolidated figure or event, with what a newcomer must agree with (complete linkage)."""

    def __init__(self, places: _Places, report: _Told, record: _M) -> None:
        self.places = places
        self.members: list[tuple[_Told, _M]] = []
        self.where: dict[str, Place] = {}
        self.dates: set[DateRange] = set()
        self.last: int | None = None
        self.add(report, record)

    def add(self, report: _Told, record: _M) -> None:
        self.members.append((report, record))
        if record.place is not None:
            self.where.setdefault(record.place.name, record.place)
        if record.date is not None:
            self.dates.add(record.date)
        last = _last_day_of(report, record.date)
        if last is not None and (self.last is None or last > self.last):
            self.last = last

    def placed(self, place: Place | None) -> bool:
        return all(self.places.compatible(p, place, near=False) for p in self.where.values())

    def lookup(self) -> Iterable[Any]:
        """The keys this group is found under."""
        raise NotImplementedError

    def keys_of(self, record: _M) -> Iterable[Any]:
        """The keys under which a record looks for a group."""
        raise NotImplementedError

    def fits(self, record: _M) -> bool:
        raise NotImplementedError


class _FigureGroup(_Group[Figure]):
    """A figure group: one kind and area, places that can be one, a like period, claims that can be one count."""

    def __init__(self, places: _Places, report: _Told, record: Figure) -> None:
        self.floor = 0
        self.ceiling: int | None = None
        self.lowest = self.highest = record.quantity.value
        super().__init__(places, report, record)

    def add(self, report: _Told, record: Figure) -> None:
        super().add(report, record)
        q = record.quantity
        self.floor = max(self.floor, q.low if q.low is not None else 0)
        if q.high is not None:
            self.ceiling = q.high if self.ceiling is None else min(self.ceiling, q.high)
        self.lowest, self.highest = min(self.lowest, q.value), max(self.highest, q.value)

    def lookup(self) -> Iterable[Any]:
        return (_bucket(self.lowest),)

    def keys_of(self, record: Figure) -> Iterable[Any]:
        bucket = _bucket(record.quantity.value)
        return range(bucket - _SPREAD, bucket + _SPREAD + 1)

    def fits(self, record: Figure) -> bool:
        q = record.quantity
        return ((self.ceiling is None or (q.low if q.low is not None else 0) <= self.ceiling)
                and (q.high is None or self.floor <= q.high)
                and _one_count(self.lowest, q.value) and _one_count(self.highest, q.value)
                and all(_same_period(d, record.date) for d in self.dates) and self.placed(record.place))


class _EventGroup(_Group[Event]):
    """An event group: one kind and area, places that can be one, dates at most a day apart, armed groups that
    overlap. Found under the place of its first event and every place that place lies in."""

    def __init__(self, places: _Places, report: _Told, record: Event) -> None:
        self.armed: set[frozenset[str]] = set()
        super().__init__(places, report, record)

    def add(self, report: _Told, record: Event) -> None:
        super().add(report, record)
        groups = frozenset(_armed(record.factions))
        if groups:
            self.armed.add(groups)

    def lookup(self) -> Iterable[Any]:
        first = self.members[0][1].place
        assert first is not None
        return (("in", first.name), *(("at", name) for name in self.places.lineage(first)))

    def keys_of(self, record: Event) -> Iterable[Any]:
        assert record.place is not None
        own = self.places.lineage(record.place)
        # groups at the record's place or inside it, and groups at a place the record's place lies in
        return (("at", record.place.name), *(("in", name) for name in own))

    def fits(self, record: Event) -> bool:
        groups = _armed(record.factions)
        return (record.place is not None and self.placed(record.place)
                and all(_dates_close(d, record.date) for d in self.dates)
                and (not groups or all(groups & g for g in self.armed)))


def _report_key(report: _Told) -> tuple[Any, ...]:
    return report.published or dt.date.min, report.digest, report.id


def _convoy_key(convoy: Convoy) -> tuple[Any, ...]:
    counts = tuple((slot, q.value, q.qualifier.value) for slot, q in sorted(_counts(convoy).items()))
    return (_date_key(convoy.date), _place_key(convoy.origin), _place_key(convoy.destination), counts,
            sorted(_armed(convoy.factions)), _chain_key(convoy.sources), convoy.inferred, convoy.id)


def _figure_key(report: _Told, figure: Figure) -> tuple[Any, ...]:
    q = figure.quantity
    return (q.value, q.qualifier.value, q.low or 0, q.high or 0, _date_key(figure.date), _place_key(figure.place),
            _chain_key(figure.sources), report.published or dt.date.min, report.id, figure.id)


def _event_key(report: _Told, event: Event) -> tuple[Any, ...]:
    return (_date_key(event.date), _place_key(event.place), sorted(_armed(event.factions)),
            _chain_key(event.sources), report.published or dt.date.min, report.id, event.id)


def _date_key(date: DateRange | None) -> tuple[str, str]:
    return ("", "") if date is None else (date.start.isoformat(), date.end.isoformat())


def _place_key(place: Place | None) -> str:
    return "" if place is None else place.name


def _chain_key(chain: Sequence[Source]) -> tuple[str, ...]:
    return tuple(s.name for s in chain)


def _sweep(members: list[tuple[_Told, _M]], start: Callable[[_Told, _M], _Group[_M]],
           content: Callable[[_Told, _M], tuple[Any, ...]]) -> list[list[tuple[_Told, _M]]]:
    """Group records of one block in time order: each joins the first open group (found under its keys) that it
    fits, else starts one. Groups whose last day lies more than :data:`UNDATED_DAYS` behind close, so a record
    meets only the groups of its own days; records with no day at all (undated, in an undated report) meet only
    each other. Ties in time are taken in order of content (the ids last), so copies under other ids group alike.
    """
    timed = sorted(((_day_of(r, m.date), content(r, m), r, m) for r, m in members),
                   key=lambda t: (t[0] is None, t[0] or 0, t[1]))
    done: list[_Group[_M]] = []
    open_by_key: dict[Any, dict[int, _Group[_M]]] = defaultdict(dict)
    opened: list[tuple[int, int, _Group[_M]]] = []  # (last day, order, group): a heap of the open groups
    order = 0
    for day, _content, report, record in timed:
        if day is not None:
            while opened and opened[0][0] < day - UNDATED_DAYS:
                _last, number, closing = heapq.heappop(opened)
                if closing.last is not None and closing.last >= day - UNDATED_DAYS:
                    heapq.heappush(opened, (closing.last, number, closing))  # it grew since: not yet
                    continue
                for key in closing.lookup():
                    open_by_key[key].pop(number, None)
        probe = start(report, record)
        fitting = [(number, group) for key in probe.keys_of(record)
                   for number, group in open_by_key.get(key, {}).items()
                   if (day is None) is (group.last is None) and group.fits(record)]
        if fitting:
            min(fitting, key=lambda found: found[0])[1].add(report, record)  # the group opened first
            continue
        order += 1
        for key in probe.lookup():
            open_by_key[key][order] = probe
        heapq.heappush(opened, (probe.last if probe.last is not None else 0, order, probe))
        done.append(probe)
    return [group.members for group in done]


def _record_order(record: ConsolidatedConvoy | ConsolidatedFigure | ConsolidatedEvent) -> tuple[str, str]:
    date = record.date.start.isoformat() if record.date is not None else "9999"
    return date, record.id


def _canonical(reports: Iterable[Report | Dataset]) -> list[Report]:
    found: list[Report] = []
    for item in reports:
        for report in item.reports if isinstance(item, Dataset) else (item,):
            if not isinstance(report, Report):
                raise TypeError(f"merge() expects Report or Dataset items, got {type(report).__name__}")
            found.append(report)
    return _by_id(found, _fullness)


def _by_id(reports: Iterable[_Tell], fullness: Callable[[_Tell], tuple[int, str]]) -> list[_Tell]:
    """Each report once, by id: the same report given twice counts once; two reports of one id and text that
    differ in what the merge uses raise :class:`MergeError`, as do two reports of one id and different texts."""
    by_id: dict[str, _Tell] = {}
    for report in reports:
        held = by_id.get(report.id)
        if held is None:
            by_id[report.id] = report
        elif held.digest != report.digest:
            raise MergeError(f"two different reports share the id {report.id!r} (digests "
                             f"{held.digest[:12]} and {report.digest[:12]}); give each report its own id")
        elif held is not report and _used(held) != _used(report):
            raise MergeError(_metadata_differs(held, report))
        elif held != report:
            # The same in all a merge uses (one may be a report held for merging): the fuller one is kept.
            by_id[report.id] = max(held, report, key=fullness)
    return [by_id[key] for key in sorted(by_id)]


#: What a merge reads of a report besides its id and text: two reports of one id and text that agree on these
#: merge alike.
_USED: Final = ("published", "anchor", "sources", "convoys", "figures", "events")


def _used(report: _Told) -> tuple[object, ...]:
    return tuple(getattr(report, name) for name in _USED)


def _fullness(report: Report) -> tuple[int, str]:
    rest = (report.factions, report.places, report.mentions, report.amounts, report.unplaced)
    return sum(len(items) for items in rest), repr(rest)


def _metadata_differs(a: _Told, b: _Told) -> str:
    """What differs between two reports of one id and one text (none of the two can be chosen over the other
    without making the dataset depend on the order they came in)."""
    shown = []
    for name in ("published", "anchor"):
        first, second = getattr(a, name), getattr(b, name)
        if first != second:
            shown.append(f"{name} {_shown(first)} and {_shown(second)}")
    parsed = [name for name in _USED if name not in ("published", "anchor") and getattr(a, name) != getattr(b, name)]
    if parsed:
        shown.append(f"parsed {', '.join(parsed)} (parsed with another gazetteer or version?)")
    return (f"the report {a.id!r} is given twice with the same text but different {'; '.join(shown)}; "
            "merge one parse of each report")


def _shown(value: object) -> str:
    if isinstance(value, DateRange):
        return f"{value.start.isoformat()}..{value.end.isoformat()} ({value.basis.value})"
    if isinstance(value, dt.date):
        return value.isoformat()
    return "none" if value is None else str(value)


# --- Copies of one story ------------------------------------------------------------------------------------

#: Copies are compared on their word n-grams ("shingles") of this many words.
SHINGLE: Final = 5

#: Two texts whose shingle sets have a Jaccard similarity of at least this are copies of one story.
COPY_JACCARD: Final = 0.8

#: Each text is looked up under this many of its smallest shingle hashes (a bottom-k sketch): two texts that
#: share most of their shingles almost surely share one of these.
_SKETCH: Final = 8

#: A text is compared with at most this many texts that share a sketch hash with it.
_SKETCH_PEERS: Final = 64

#: Before two texts are compared in full, their bottom-k sketches of this many hashes estimate their similarity ...
_ESTIMATE: Final = 64

#: ... and the full comparison is made only when the estimate is at least this.
_ESTIMATE_FLOOR: Final = 0.5

_WORD: Final = regex.compile(r"[\p{L}\p{N}]+")


def shingles(text: str) -> frozenset[int]:
    """The hashed word 5-grams of a text, case and punctuation set aside (a text under five words: its words).

    >>> shingles("Twelve buses left Douma on Monday.") == shingles("twelve BUSES left Douma, on Monday")
    True
    """
    words = [w.casefold() for w in _WORD.findall(text)]
    if not words:
        return frozenset()
    grams = [" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))]
    return frozenset(int.from_bytes(hashlib.blake2b(g.encode("utf-8", "surrogatepass"), digest_size=8).digest(),
                                    "big") for g in grams if g)


def _sorted_shingles(text: str) -> array.array[int]:
    """The shingles of a text as a sorted array (8 bytes each: a set of Python integers takes ten times that)."""
    return array.array("Q", sorted(shingles(text)))


def _shingles_of(report: _Told) -> array.array[int]:
    """A report's sorted shingles: those it was held with, else those of its text."""
    if isinstance(report, Held):
        return report.shingles
    assert isinstance(report, Report)
    return _sorted_shingles(report.text)


@frozen(kw_only=True, eq=False)
class Held:
    """What a merge needs of one report, without its text: its id, digest, dates, sources, records, and the
    sorted hashes of its word 5-grams (see :func:`shingles`), by which copies of one story are found.

    Made by :func:`hold` (where the report was parsed, so that its text need not travel) and merged by
    :func:`merge_held`, which gives the same consolidated records as :func:`merge` of the reports.
    ``report`` is the whole report when it is kept for the dataset.
    """

    id: str
    digest: str
    published: dt.date | None
    anchor: DateRange | None
    sources: tuple[Source, ...]
    convoys: tuple[Convoy, ...]
    figures: tuple[Figure, ...]
    events: tuple[Event, ...]
    shingles: array.array[int]
    report: Report | None = None


def hold(report: Report, *, with_text: bool = False) -> Held:
    """What a merge needs of ``report``, its text set aside (kept whole in ``report`` when ``with_text``)."""
    return Held(id=report.id, digest=report.digest, published=report.published, anchor=report.anchor,
                sources=report.sources, convoys=report.convoys, figures=report.figures, events=report.events,
                shingles=_sorted_shingles(report.text), report=report if with_text else None)


def _similar(a: frozenset[int], b: frozenset[int]) -> bool:
    if not a or not b:
        return a == b
    shared = len(a & b)
    return shared >= COPY_JACCARD * (len(a) + len(b) - shared)


def _telling_order(report: _Told) -> tuple[bool, dt.date, int, str, str]:
    """Which copy speaks for its story: the earliest published, then the one with the most records, then the
    first by text digest and by id (copies of one text parse alike, so the choice among them is immaterial)."""
    records = len(report.convoys) + len(report.figures) + len(report.events)
    return report.published is None, report.published or dt.date.min, -records, report.digest, report.id


def _sketches_agree(a: frozenset[int], b: Collection[int]) -> bool:
    """Whether two texts' bottom-k sketches share at least :data:`_ESTIMATE_FLOOR` of their hashes (of the smaller,
    for short texts). The k smallest hashes of both texts together are a uniform sample of the union of their
    shingle sets; those of the sample found in both texts lie in both sketches, so two texts whose similarity is
    0.8 fail this test only if fewer than half of 64 samples fall in their intersection: a chance under one in a
    million. The exact comparison that follows is thus spared for texts that are not copies, and practically
    never for texts that are. ``b`` holds no hash twice (a slice of sorted distinct hashes is taken as it is,
    without the cost of making it a set)."""
    return len(a.intersection(b)) >= _ESTIMATE_FLOOR * min(len(a), len(b))


def _sketch_index(stored: Mapping[int, array.array[int]]) -> tuple[array.array[int], array.array[int]]:
    """Each text's :data:`_SKETCH` smallest shingle hashes, sorted, and beside each the text it is of (texts in
    order within one hash): an index by hash in 16 bytes an entry, where a dictionary of lists would take ten
    times that."""
    hashes = array.array("Q")
    texts = array.array("q")
    for index in sorted(stored):
        sketch = stored[index][:_SKETCH]
        hashes.extend(sketch)
        texts.extend([index] * len(sketch))
    order = sorted(range(len(hashes)), key=hashes.__getitem__)  # stable: texts stay in order within a hash
    return array.array("Q", (hashes[i] for i in order)), array.array("q", (texts[i] for i in order))


def _sketch_pairs(stored: Mapping[int, array.array[int]], hashes_at: array.array[int],
                  owners: array.array[int]) -> Iterator[tuple[int, int]]:
    """The pairs of texts to compare, in order: each text with the next :data:`_SKETCH_PEERS` texts that share
    one of its sketch hashes (see :func:`_sketch_index`), made text by text so that they are never all held."""
    for a in sorted(stored):
        peers: set[int] = set()
        for h in stored[a][:_SKETCH]:
            low, high = bisect.bisect_left(hashes_at, h), bisect.bisect_right(hashes_at, h)
            after = bisect.bisect_right(owners, a, low, high)
            peers.update(owners[after:min(after + _SKETCH_PEERS, high)])
        for b in sorted(peers):
            yield a, b


def copy_groups(reports: Sequence[_Tell]) -> list[list[_Tell]]:
    """Reports grouped by story: each group the copies of one text, the telling that speaks for it first.

    Two reports are copies when their texts are equal, or when their shingle sets (see :func:`shingles`)
    have a Jaccard similarity of at least :data:`COPY_JACCARD` (a headline, a dateline or a credit line
    added or changed leaves a long text a copy); groups are closed under this relation. A text without words
    (records made without one) is never a copy. Texts are compared in full only where it can matter: each meets
    the next :data:`_SKETCH_PEERS` texts (by id) that share one of its :data:`_SKETCH` smallest shingle hashes,
    of a length within the threshold of its own, and whose bottom-k sketches (see ``_sketches_agree``) estimate
    a similarity of at least one half. Each step depends only on the set of texts, so any order or grouping of
    the reports finds the same copies.
    """
    ordered = sorted(reports, key=lambda r: r.id)
    uf = _UnionFind(len(ordered))
    by_digest: dict[str, int] = {}
    # Each distinct text's shingles, sorted, 8 bytes apiece (a set of Python integers takes ten times that):
    # the merge of a large archive holds them all until the last pair is compared.
    stored: dict[int, array.array[int]] = {}
    for index, report in enumerate(ordered):
        first = by_digest.get(report.digest)
        if first is not None:  # the same text as one with words
            uf.union(first, index)
            continue
        hashes = _shingles_of(report)
        if not hashes:
            continue  # a text without words tells nothing to compare: its own story
        by_digest[report.digest] = index
        stored[index] = hashes
    hashes_at, owners = _sketch_index(stored)
    held, held_set = -1, frozenset[int]()
    sketched, sketch = -1, frozenset[int]()
    for a, b in _sketch_pairs(stored, hashes_at, owners):  # by the first text, so that its sets are made once
        if uf.find(a) == uf.find(b):
            continue
        small, large = sorted((len(stored[a]), len(stored[b])))
        if small < COPY_JACCARD * large:
            continue  # the Jaccard similarity is at most small / large
        if a != sketched:
            sketched, sketch = a, frozenset(stored[a][:_ESTIMATE])
        if not _sketches_agree(sketch, stored[b][:_ESTIMATE]):
            continue
        if a != held:
            held, held_set = a, frozenset(stored[a])
        if _similar(held_set, frozenset(stored[b])):
            uf.union(a, b)
    groups: dict[int, list[_Tell]] = defaultdict(list)
    for index, report in enumerate(ordered):
        groups[uf.find(index)].append(report)
    return sorted((sorted(g, key=_telling_order) for g in groups.values()), key=lambda g: g[0].id)


def merge(reports: Iterable[Report | Dataset], *, gazetteer: Gazetteer | None = None) -> Dataset:
    """Consolidate parsed reports (or datasets) into one :class:`Dataset`.

    A report given twice counts once; two different reports with one id raise :class:`MergeError`. Copies of one
    story (equal texts, or word 5-gram sets with a Jaccard similarity of at least 0.8) count
    once too: the records of one telling are consolidated, and every copy stays in ``reports`` as provenance
    (see :meth:`Dataset.copies`).

    >>> from ghouta_events import parse
    >>> a = parse("Seventeen buses carrying 981 people left Arbin for Idlib on Saturday, SANA said.",
    ...           published=dt.date(2018, 3, 25), report_id="a")
    >>> b = parse("About 1,000 people left Arbin on Saturday, the Observatory said.",
    ...           published=dt.date(2018, 3, 25), report_id="b")
    >>> dataset = merge([a, b])
    >>> [len(convoy.members) for convoy in dataset.convoys]
    [2]
    >>> dataset.convoys[0].people.estimate
    Estimate(low=981, best=981, high=1000, conservative=981)

    ``best`` is the value supported by the most independent originators (a claim supports every value its
    bounds allow); ties go to an exact claim, then to narrower bounds, then to the originator nearer the event
    (military, government, UN and aid agencies, then monitors and armed groups, then media), then to the lower
    value.
    """
    # The merge makes many objects and no reference cycles: the cyclic collector, which would scan every object
    # again and again as they accumulate, is paused while it runs (a fifth of the time on large collections).
    collecting = gc.isenabled()
    gc.disable()
    try:
        canonical = _canonical(reports)
        return _consolidated(canonical, canonical, gazetteer)
    finally:
        if collecting:
            gc.enable()


def merge_held(held: Iterable[Held], *, gazetteer: Gazetteer | None = None, consume: bool = False) -> Dataset:
    """The dataset of reports held for merging (see :func:`hold`): its consolidated records and conflicts are
    those of :func:`merge` of the reports themselves. Its ``reports`` are the reports, when every one was held
    with its text; otherwise none. With ``consume`` (for a caller that merges what it holds once, such as the
    ``merge`` command), the hashes of each held report are let go as soon as the copies are found, so that the
    merge does not hold them beside its own structures: the held reports cannot be merged again.

    Raises:
        MergeError: as :func:`merge` does.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        canonical, reports = _held_canonical(held)
        return _consolidated(canonical, reports, gazetteer, consume=consume)
    finally:
        if collecting:
            gc.enable()


def _held_canonical(held: Iterable[Held]) -> tuple[list[Held], list[Report]]:
    """Each held report once, by id (see ``_by_id``), and the reports the dataset holds: all of them when every
    one was held with its text, else none."""
    canonical = _by_id(held, _held_fullness)
    kept = [h.report for h in canonical]
    return canonical, [r for r in kept if r is not None] if all(r is not None for r in kept) else []


def _held_fullness(held: Held) -> tuple[int, str]:
    return (-1, "") if held.report is None else _fullness(held.report)


def _consolidated(canonical: Sequence[_Told], reports: Sequence[Report], gazetteer: Gazetteer | None, *,
                  consume: bool = False) -> Dataset:
    tellings = _tellings(canonical, consume=consume)
    builder = _Builder(tellings, gazetteer or default_gazetteer())
    convoys = builder.convoys()
    figures = builder.figures()
    events = builder.events()
    return _assembled(reports, convoys, figures, events, builder.conflicts)


def _tellings(canonical: Sequence[_Told], *, consume: bool = False) -> list[_Told]:
    """The report that speaks for each story (see :func:`copy_groups`), by id. With ``consume``, the hashes of the
    held reports are let go."""
    tellings = sorted((group[0] for group in copy_groups(canonical)), key=lambda r: r.id)
    if consume:
        for told in canonical:
            if isinstance(told, Held):
                del told.shingles[:]  # the array is emptied in place: the held report is frozen, its hashes spent
    return tellings


def _assembled(reports: Sequence[Report], convoys: Sequence[ConsolidatedConvoy],
               figures: Sequence[ConsolidatedFigure], events: Sequence[ConsolidatedEvent],
               conflicts: Iterable[Conflict]) -> Dataset:
    """The dataset of the consolidated records that a :class:`_Builder` made (or two, each of some kinds of
    record, over the same tellings: their conflicts given in the order of the records' kinds)."""
    ordered = sorted(conflicts, key=lambda c: (c.record, c.slot, c.kind.value, c.message))
    return Dataset(reports=reports, convoys=tuple(convoys), figures=tuple(figures), events=tuple(events),
                   conflicts=tuple(ordered))
