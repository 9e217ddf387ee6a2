"""The records: what one report says, typed and attributed.

Records hold data and their invariants, nothing else. They are frozen, slotted and keyword-only; every invariant
is a validator, so an invalid record cannot be built (it raises :class:`~ghouta_events.RecordError`).
This module knows nothing of text patterns, parsing or merging.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import math
from collections.abc import Iterable
from typing import Any, Final

import attrs
from attrs import field, frozen

from ._errors import RecordError

__all__ = [
    "Convoy",
    "DateBasis",
    "DateRange",
    "EntityKind",
    "Event",
    "EventKind",
    "Faction",
    "FactionKind",
    "Figure",
    "FigureKind",
    "Mention",
    "Place",
    "PlaceKind",
    "Precision",
    "Qualifier",
    "Quantity",
    "Report",
    "Source",
    "SourceKind",
    "Span",
    "Unplaced",
    "UnplacedKind",
    "VagueAmount",
]

#: How far either side of the number "about N" is read to reach, as a fraction of N.
ABOUT_TOLERANCE: Final = 0.1


class Qualifier(enum.StrEnum):
    """The hedge written before a number, as the text states it.

    The bounds each implies are given on :class:`Quantity`.
    """

    EXACT = "exact"  #: no hedge, or "a total of"
    MORE_THAN = "more_than"  #: more than, over, surpassed, "950+"
    AT_LEAST = "at_least"  #: at least; the low end of a range
    ABOUT = "about"  #: about, around, some, approximately, an estimated, nearly
    UP_TO = "up_to"  #: up to, as many as; the high end of a range
    LESS_THAN = "less_than"  #: less than, fewer than, under


class Precision(enum.StrEnum):
    """How finely a :class:`DateRange` is known."""

    DAY = "day"  #: one day ("on Saturday", "March 24, 2018")
    DAYS = "days"  #: a run of days ("March 22-24", "over the weekend")
    WEEK = "week"  #: a calendar week ("last week")
    PART_OF_MONTH = "part_of_month"  #: a third of a month ("early March", "mid-April")
    MONTH = "month"  #: a whole month ("in March 2018")
    YEAR = "year"  #: a whole year ("in 2013")


class DateBasis(enum.StrEnum):
    """What a date was read against."""

    STATED = "stated"  #: the text gives the full date itself
    PUBLISHED = "published"  #: relative words resolved against the publication date passed in
    DATELINE = "dateline"  #: resolved against the date in the report's own dateline
    LATEST_STATED = "latest_stated"  #: resolved against the latest full date the report states


class PlaceKind(enum.StrEnum):
    """What sort of place a :class:`Place` is."""

    TOWN = "town"
    DISTRICT = "district"  #: a neighbourhood or quarter of a city, or an administrative district (mantiqah)
    SUBDISTRICT = "subdistrict"  #: an administrative subdistrict (nahiyah), the division of a district
    CITY = "city"
    CAMP = "camp"  #: a refugee camp or a camp district (Yarmouk)
    CROSSING = "crossing"  #: a crossing point or corridor
    REGION = "region"  #: an area with no administrative standing (Eastern Ghouta)
    GOVERNORATE = "governorate"
    COUNTRY = "country"
    CITY_ABROAD = "city_abroad"  #: a city outside Syria, mostly met in datelines
    UNRESOLVED = "unresolved"  #: a name the gazetteer does not know, read as a place from its grammar


class FactionKind(enum.StrEnum):
    """What sort of party a :class:`Faction` is."""

    ARMED_GROUP = "armed_group"
    STATE = "state"
    COALITION = "coalition"
    MILITIA = "militia"


class SourceKind(enum.StrEnum):
    """What sort of claimant a :class:`Source` is."""

    NEWS_AGENCY = "news_agency"
    STATE_MEDIA = "state_media"
    BROADCASTER = "broadcaster"
    MONITOR = "monitor"
    UN_AGENCY = "un_agency"
    HUMANITARIAN = "humanitarian"  #: aid and rescue organisations (SARC, ICRC, Civil Defence)
    MILITARY = "military"
    GOVERNMENT = "government"
    ARMED_GROUP = "armed_group"
    LOCAL = "local"  #: residents, local medics, activists
    PERSON = "person"


class FigureKind(enum.StrEnum):
    """What a :class:`Figure` counts."""

    KILLED = "killed"
    WOUNDED = "wounded"
    FLED = "fled"  #: fled, or left through corridors
    EVACUATED = "evacuated"  #: left under a deal, or the text says evacuated (cumulative or windowed)
    DISPLACED = "displaced"  #: the text says displaced, or left the area overall
    IN_SHELTERS = "in_shelters"
    REMAINING = "remaining"  #: still inside, or living somewhere
    RESIDENTS = "residents"  #: the population of a place
    PLANNED = "planned"  #: a planned or agreed total, not yet a movement
    RELEASED = "released"  #: captives or detainees set free
    OTHER = "other"


class EventKind(enum.StrEnum):
    """What sort of thing an :class:`Event` is."""

    EVACUATION = "evacuation"
    AGREEMENT = "agreement"
    NEGOTIATION = "negotiation"
    OFFENSIVE = "offensive"
    SURRENDER = "surrender"
    CHEMICAL_ATTACK = "chemical_attack"
    AIR_STRIKE = "air_strike"
    CEASEFIRE = "ceasefire"
    STATEMENT = "statement"


class EntityKind(enum.StrEnum):
    """Which gazetteer table a :class:`Mention` resolved into."""

    FACTION = "faction"
    SOURCE = "source"
    PLACE = "place"


class UnplacedKind(enum.StrEnum):
    """What an :class:`Unplaced` item is."""

    NUMBER = "number"  #: a count the parser found no role for
    NAME = "name"  #: a name near a faction or source cue that the gazetteer does not know


def _non_negative(instance: Any, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and value < 0:
        raise RecordError(f"{type(instance).__name__}.{attribute.name} must not be negative, got {value}")


def _non_empty(instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value.strip():
        raise RecordError(f"{type(instance).__name__}.{attribute.name} must not be empty")


@frozen(kw_only=True, order=True)
class Span:
    """A character range ``[start, end)`` in a report's text; ``text[span.start:span.end]`` is what it covers."""

    start: int
    end: int

    def __attrs_post_init__(self) -> None:
        # One comparison on the common path: spans are made by the thousand.
        if 0 <= self.start <= self.end:
            return
        for name in ("start", "end"):
            value = getattr(self, name)
            if value < 0:
                raise RecordError(f"Span.{name} must not be negative, got {value}")
        raise RecordError(f"Span end {self.end} is before its start {self.start}")


def _spans(items: Iterable[Span]) -> tuple[Span, ...]:
    # Distinct and in order, as tuple(sorted(set(items))) would give, by their (start, end) pairs.
    unique = {(span.start, span.end): span for span in items}
    return tuple(unique[key] for key in sorted(unique))


def _strs(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _about_bounds(value: int) -> tuple[int, int]:
    slack = round(value * ABOUT_TOLERANCE)
    return max(0, value - slack), value + slack


def implied_bounds(value: int, qualifier: Qualifier) -> tuple[int | None, int | None]:
    """The bounds a hedge puts around ``value``; ``None`` where the hedge leaves that side open."""
    if qualifier is Qualifier.EXACT:
        return value, value
    if qualifier is Qualifier.MORE_THAN:
        return value + 1, None
    if qualifier is Qualifier.AT_LEAST:
        return value, None
    if qualifier is Qualifier.ABOUT:
        return _about_bounds(value)
    if qualifier is Qualifier.UP_TO:
        return None, value
    return None, max(0, value - 1)  # LESS_THAN


def _default_low(self: Quantity) -> int | None:
    return implied_bounds(self.value, self.qualifier)[0]


def _default_high(self: Quantity) -> int | None:
    return implied_bounds(self.value, self.qualifier)[1]


@frozen(kw_only=True)
class Quantity:
    """A count as written: the number, its hedge, and the bounds the hedge implies.

    ``low`` and ``high`` default to what the qualifier implies: exact gives ``(value, value)``; more than
    ``(value + 1, None)``; at least ``(value, None)``; about ``value`` plus or minus 10%; up to ``(None, value)``;
    less than ``(None, value - 1)``. ``None`` is an open side. Vague amounts ("hundreds") have no point value and
    are a :class:`VagueAmount` instead.

    >>> Quantity(value=3000, qualifier=Qualifier.ABOUT)
    Quantity(value=3000, qualifier=<Qualifier.ABOUT: 'about'>, low=2700, high=3300, span=None)
    """

    value: int = field(validator=_non_negative)
    qualifier: Qualifier = Qualifier.EXACT
    low: int | None = field(
        default=attrs.Factory(_default_low, takes_self=True), validator=_non_negative
    )
    high: int | None = field(
        default=attrs.Factory(_default_high, takes_self=True), validator=_non_negative
    )
    span: Span | None = None

    def __attrs_post_init__(self) -> None:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise RecordError(f"Quantity low {self.low} is above its high {self.high}")
        if self.low is not None and self.low > self.value and self.qualifier is not Qualifier.MORE_THAN:
            raise RecordError(f"Quantity value {self.value} is below its low bound {self.low}")
        if self.high is not None and self.value > self.high and self.qualifier is not Qualifier.LESS_THAN:
            raise RecordError(f"Quantity value {self.value} is above its high bound {self.high}")


@frozen(kw_only=True)
class VagueAmount:
    """A vague amount ("hundreds", "several thousand", "dozens"): bounds without a point value.

    Vague amounts never become a :class:`Quantity`, so nothing downstream mistakes them for a count.

    Attributes:
        low: the least the words can mean ("hundreds" is at least 200).
        high: the most they can mean, or ``None`` when open.
        span: where the words stand.
        record: the id of the convoy or figure the amount describes, or ``None``.
    """

    low: int = field(validator=_non_negative)
    high: int | None = field(default=None, validator=_non_negative)
    span: Span | None = None
    record: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.high is not None and self.low > self.high:
            raise RecordError(f"VagueAmount low {self.low} is above its high {self.high}")


@frozen(kw_only=True)
class DateRange:
    """The days something happened on, from ``start`` to ``end`` inclusive, and how finely that is known.

    Attributes:
        basis: what the date was read against; relative words ("on Saturday") need an anchor.
    """

    start: dt.date
    end: dt.date
    precision: Precision = Precision.DAY
    basis: DateBasis = DateBasis.STATED

    def __attrs_post_init__(self) -> None:
        if self.start > self.end:
            raise RecordError(f"DateRange end {self.end} is before its start {self.start}")
        if self.precision is Precision.DAY and self.start != self.end:
            raise RecordError("a DateRange of precision 'day' must start and end on the same day")

    @classmethod
    def day(cls, day: dt.date, *, basis: DateBasis = DateBasis.STATED) -> DateRange:
        """One day."""
        return cls(start=day, end=day, precision=Precision.DAY, basis=basis)


@frozen(kw_only=True)
class Place:
    """A canonical place from the gazetteer.

    Attributes:
        parent: the canonical name of the place it lies in (Arbin lies in Eastern Ghouta), or ``None``.
        country: the country it lies in, or ``None`` for a country itself.
    """

    name: str = field(validator=_non_empty)
    kind: PlaceKind
    parent: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None

    def __attrs_post_init__(self) -> None:
        if (self.latitude is None) != (self.longitude is None):
            raise RecordError(f"Place {self.name!r} needs both coordinates or neither")
        if self.latitude is not None and self.longitude is not None:
            if not -90 <= self.latitude <= 90:
                raise RecordError(f"Place {self.name!r} latitude {self.latitude} is out of range")
            if not -180 <= self.longitude <= 180:
                raise RecordError(f"Place {self.name!r} longitude {self.longitude} is out of range")


@frozen(kw_only=True)
class Faction:
    """A party to the conflict: an armed group, a state, a coalition.

    Attributes:
        backers: the states reported to back it in the text ("X, backed by Qatar").
    """

    name: str = field(validator=_non_empty)
    kind: FactionKind
    backers: tuple[str, ...] = field(default=(), converter=_strs)


@frozen(kw_only=True)
class Source:
    """Someone a claim is attributed to: an agency, a monitor, a ministry, a person..."""

    name: str = field(validator=_non_empty)
    kind: SourceKind


def _sources(items: Iterable[Source]) -> tuple[Source, ...]:
    return tuple(items)


def _factions(items: Iterable[Faction]) -> tuple[Faction, ...]:
    return tuple(items)


#: The convoy slots that may be filled from the context of a record rather than from its own sentences.
INFERABLE_SLOTS: Final = frozenset({"origin", "destination", "date", "factions"})


def _inferred(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(items)))


def _inferable(instance: Any, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    unknown = set(value) - INFERABLE_SLOTS
    if unknown:
        raise RecordError(f"{type(instance).__name__}.{attribute.name}: {sorted(unknown)} cannot be inferred; "
                          f"expected some of {sorted(INFERABLE_SLOTS)}")


def _quantity_slot(instance: Any, attribute: attrs.Attribute[Any], value: Quantity | None) -> None:
    if value is not None and not isinstance(value, Quantity):
        raise RecordError(f"{type(instance).__name__}.{attribute.name} must be a Quantity")


@frozen(kw_only=True)
class Convoy:
    """One movement of people, as one source reported it.

    ``sources`` is the attribution chain: ``sources[0]`` is the originator, the rest the intermediaries it reached
    the text through, nearest the originator first. An empty chain means the numbers are the outlet's own.
    ``people`` is the total count; ``fighters`` and ``civilians`` are filled only when counted separately.
    ``inferred`` names the slots taken from the context of the record rather than stated in its own sentences:
    from the movement told just before it, from another source's record of the same movement in the same report,
    from the armed group named just before, the day the report leads with, or the place the report is about.
    """

    id: str = field(validator=_non_empty)
    origin: Place | None = None
    destination: Place | None = None
    buses: Quantity | None = field(default=None, validator=_quantity_slot)
    people: Quantity | None = field(default=None, validator=_quantity_slot)
    fighters: Quantity | None = field(default=None, validator=_quantity_slot)
    civilians: Quantity | None = field(default=None, validator=_quantity_slot)
    factions: tuple[Faction, ...] = field(default=(), converter=_factions)
    sources: tuple[Source, ...] = field(default=(), converter=_sources)
    date: DateRange | None = None
    spans: tuple[Span, ...] = field(default=(), converter=_spans)
    inferred: tuple[str, ...] = field(default=(), converter=_inferred, validator=_inferable)

    @property
    def originator(self) -> Source | None:
        """Who the numbers come from, or ``None`` when they are the outlet's own."""
        return self.sources[0] if self.sources else None


@frozen(kw_only=True)
class Figure:
    """A count of people that is not one convoy: a death toll, a cumulative total, a planned total..."""

    id: str = field(validator=_non_empty)
    kind: FigureKind
    quantity: Quantity
    place: Place | None = None
    sources: tuple[Source, ...] = field(default=(), converter=_sources)
    date: DateRange | None = None
    spans: tuple[Span, ...] = field(default=(), converter=_spans)

    @property
    def originator(self) -> Source | None:
        """Who the figure comes from, or ``None`` when it is the outlet's own."""
        return self.sources[0] if self.sources else None


@frozen(kw_only=True)
class Event:
    """Something that happened or was agreed, and the convoys and figures it concerns (by id)."""

    id: str = field(validator=_non_empty)
    kind: EventKind
    place: Place | None = None
    factions: tuple[Faction, ...] = field(default=(), converter=_factions)
    sources: tuple[Source, ...] = field(default=(), converter=_sources)
    date: DateRange | None = None
    convoys: tuple[str, ...] = field(default=(), converter=_strs)
    figures: tuple[str, ...] = field(default=(), converter=_strs)
    spans: tuple[Span, ...] = field(default=(), converter=_spans)


@frozen(kw_only=True)
class Mention:
    """One place in the text where a gazetteer name was found, and what it resolved to."""

    name: str = field(validator=_non_empty)
    kind: EntityKind
    span: Span


@frozen(kw_only=True)
class Unplaced:
    """Something the parser recognised but could not give a role to; listed so that nothing is dropped silently."""

    kind: UnplacedKind
    text: str
    span: Span
    reason: str


def _convoys(items: Iterable[Convoy]) -> tuple[Convoy, ...]:
    return tuple(items)


def _figures(items: Iterable[Figure]) -> tuple[Figure, ...]:
    return tuple(items)


def _events(items: Iterable[Event]) -> tuple[Event, ...]:
    return tuple(items)


def _places(items: Iterable[Place]) -> tuple[Place, ...]:
    return tuple(items)


def _mentions(items: Iterable[Mention]) -> tuple[Mention, ...]:
    return tuple(items)


def _amounts(items: Iterable[VagueAmount]) -> tuple[VagueAmount, ...]:
    return tuple(items)


def _unplaced(items: Iterable[Unplaced]) -> tuple[Unplaced, ...]:
    return tuple(items)


def overlaps(a: Quantity, b: Quantity) -> bool:
    """Whether two counts can both be true: their bounds (open sides unbounded) share a value."""
    low = max(a.low if a.low is not None else 0, b.low if b.low is not None else 0)
    highs = [h for h in (a.high, b.high) if h is not None]
    return not highs or low <= min(highs)


#: Two destinations this close (in km) may be one ("Idlib" and "Qalaat al-Madiq"), as sources name either.
NEAR_KM: Final = 70.0


def distance_km(a: Place, b: Place) -> float | None:
    """The great-circle distance between two places in kilometres, or ``None`` when one has no coordinates."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def digest_of(text: str) -> str:
    """The SHA-256 hex digest of ``text`` encoded as UTF-8 (surrogates kept as they are)."""
    # A report's digest is asked for twice, to fill it and to check it: the last one is kept for that.
    last_text, last_digest = _last_digest[0]
    if text is last_text:
        return last_digest
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    _last_digest[0] = (text, digest)
    return digest


# The last text digested and its digest; replaced as a whole, so threads never see a text with another's digest.
_last_digest: list[tuple[str, str]] = [("", hashlib.sha256(b"").hexdigest())]


def _default_digest(self: Report) -> str:
    return digest_of(self.text)


@frozen(kw_only=True)
class Report:
    """What parsing one text gives: the entities it mentions, its convoys, figures and events.

    Attributes:
        id: the report's id; record ids start with it, so they are unique across reports with distinct ids.
        text: the text parsed; every span in the report points into it.
        published: the publication date passed in, or ``None``.
        anchor: the date relative words were resolved against, or ``None`` when there was none.
        digest: the SHA-256 hex digest of ``text``.
        places: every place the text names that the gazetteer knows, and every place a record holds: a city
            the ``world`` extra resolved and an unresolved place (see :attr:`unresolved_places`) included.
        mentions: every gazetteer name found, with its span.
        amounts: every vague amount found, with the record it describes where there is one.
        unplaced: numbers and names the parser saw but could not give a role to.
    """

    id: str = field(validator=_non_empty)
    text: str
    published: dt.date | None = None
    anchor: DateRange | None = None
    digest: str = field(default=attrs.Factory(_default_digest, takes_self=True))
    factions: tuple[Faction, ...] = field(default=(), converter=_factions)
    sources: tuple[Source, ...] = field(default=(), converter=_sources)
    places: tuple[Place, ...] = field(default=(), converter=_places)
    convoys: tuple[Convoy, ...] = field(default=(), converter=_convoys)
    figures: tuple[Figure, ...] = field(default=(), converter=_figures)
    events: tuple[Event, ...] = field(default=(), converter=_events)
    mentions: tuple[Mention, ...] = field(default=(), converter=_mentions)
    amounts: tuple[VagueAmount, ...] = field(default=(), converter=_amounts)
    unplaced: tuple[Unplaced, ...] = field(default=(), converter=_unplaced)

    def __attrs_post_init__(self) -> None:
        if self.digest != digest_of(self.text):
            raise RecordError(f"Report {self.id!r}: digest does not match its text")
        size = len(self.text)
        for span in self.iter_spans():
            if span.end > size:
                raise RecordError(f"Report {self.id!r}: span {span.start}-{span.end} is outside its text "
                                  f"of {size} characters")
        ids = [*(c.id for c in self.convoys), *(f.id for f in self.figures), *(e.id for e in self.events)]
        if len(ids) != len(set(ids)):
            raise RecordError(f"Report {self.id!r}: record ids are not unique")
        known = {*(c.id for c in self.convoys), *(f.id for f in self.figures)}
        for event in self.events:
            for ref in (*event.convoys, *event.figures):
                if ref not in known:
                    raise RecordError(f"Report {self.id!r}: event {event.id!r} refers to unknown record {ref!r}")

    @property
    def unresolved_places(self) -> tuple[Place, ...]:
        """The places the text names that the gazetteer does not know.

        A capitalised name a movement preposition governs ("left Kafr Sabt for Idlib") fills its slot as a
        :class:`Place` of kind :attr:`PlaceKind.UNRESOLVED`, under its own spelling and without coordinates, and
        is listed here so that it can be checked or added to the gazetteer.
        """
        return tuple(place for place in self.places if place.kind is PlaceKind.UNRESOLVED)

    def iter_spans(self) -> Iterable[Span]:
        """Every span in the report, records and mentions alike."""
        for spans in (*(c.spans for c in self.convoys), *(f.spans for f in self.figures),
                      *(e.spans for e in self.events)):
            yield from spans
        for convoy in self.convoys:
            for slot in (convoy.buses, convoy.people, convoy.fighters, convoy.civilians):
                if slot is not None and slot.span is not None:
                    yield slot.span
        for figure in self.figures:
            if figure.quantity.span is not None:
                yield figure.quantity.span
        yield from (m.span for m in self.mentions)
        yield from (u.span for u in self.unplaced)
        for amount in self.amounts:
            if amount.span is not None:
                yield amount.span

    def excerpt(self, span: Span) -> str:
        """The text a span covers."""
        return self.text[span.start : span.end]
