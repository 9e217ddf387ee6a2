"""Hypothesis strategies that build valid records through the public constructors.

``st.from_type`` ignores attrs validators, so every strategy here is written by hand: it draws values that satisfy
the invariants (``low <= high``, ``start <= end``, spans inside the text...) and builds the record with its
keyword-only constructor, so any record drawn has passed its own validators.

Entities (places, factions, sources) come from the bundled gazetteer. Reports are built text first: a few
synthetic sentences are written one after another and every span attached to the report points at the words it
describes, so ``report.excerpt(span)`` is meaningful and always inside the text.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from typing import Final, TypeVar

from hypothesis import strategies as st

import ghouta_events as ge

GAZETTEER: Final = ge.default_gazetteer()

_Named = TypeVar("_Named", ge.Place, ge.Faction, ge.Source)
_T = TypeVar("_T")

#: Every entry of the bundled tables, in name order so that shrinking is stable.
ALL_PLACES: Final = tuple(sorted(GAZETTEER.places.values(), key=lambda p: p.name))
ALL_FACTIONS: Final = tuple(sorted(GAZETTEER.factions.values(), key=lambda f: f.name))
ALL_SOURCES: Final = tuple(sorted(GAZETTEER.sources.values(), key=lambda s: s.name))

#: The convoy slots that may be marked as inferred from context.
INFERABLE: Final = ("date", "destination", "factions", "origin")

#: Small pools used by the merge strategies, so that drawn reports often tell of the same movements.
ORIGIN_NAMES: Final = ("Arbin", "Douma", "Eastern Ghouta", "Harasta", "Jobar", "Qadam", "Yarmouk", "Zamalka")
DESTINATION_NAMES: Final = ("Al-Bab", "Idlib", "Jarablus", "Qalaat al-Madiq")
FACTION_NAMES: Final = ("Ahrar al-Sham", "Faylaq al-Rahman", "Jaish al-Islam")
SOURCE_NAMES: Final = ("AFP", "Reuters", "Russian military", "SANA", "SARC", "SOHR")
COUNT_POOL: Final = (0, 17, 20, 300, 950, 981, 1000, 1020, 1100, 3000, 5000)

MERGE_START: Final = dt.date(2018, 3, 20)
MERGE_END: Final = dt.date(2018, 4, 15)

#: How each hedge is written in the synthetic sentences.
HEDGE_WORDS: Final = {
    ge.Qualifier.EXACT: "",
    ge.Qualifier.MORE_THAN: "more than ",
    ge.Qualifier.AT_LEAST: "at least ",
    ge.Qualifier.ABOUT: "about ",
    ge.Qualifier.UP_TO: "up to ",
    ge.Qualifier.LESS_THAN: "fewer than ",
}


# --- Small values -------------------------------------------------------------------------------------------

_BOOLEANS: Final = st.booleans()
_QUALIFIERS: Final = st.sampled_from(ge.Qualifier)
_BASES: Final = st.sampled_from(ge.DateBasis)
_OPENINGS: Final = st.sampled_from(("Evacuations continued. ", "A new day of departures. ", ""))
_PUBLISHED: Final = st.none() | st.dates(min_value=dt.date(2016, 1, 1), max_value=dt.date(2018, 12, 31))


def _maybe(draw: st.DrawFn, low: int, high: int) -> int | None:
    """``None`` or an integer in ``[low, high]``."""
    return draw(st.integers(min_value=low, max_value=high)) if draw(_BOOLEANS) else None


def report_ids() -> st.SearchStrategy[str]:
    """Short non-empty ids without the characters record ids use as separators."""
    return st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=8).filter(
        lambda s: bool(s.strip("-"))
    )


@st.composite
def spans(draw: st.DrawFn, max_end: int = 10_000) -> ge.Span:
    """A span ``[start, end)`` with ``0 <= start <= end <= max_end``."""
    start = draw(st.integers(min_value=0, max_value=max_end))
    end = draw(st.integers(min_value=start, max_value=max_end))
    return ge.Span(start=start, end=end)


@st.composite
def quantities(
    draw: st.DrawFn,
    values: st.SearchStrategy[int] | None = None,
    qualifiers: st.SearchStrategy[ge.Qualifier] | None = None,
    span: ge.Span | None = None,
) -> ge.Quantity:
    """A quantity of any qualifier; bounds either derived from the qualifier or given explicitly.

    Explicit bounds stay consistent with the hedge: the open side of a hedge may be closed (``up to 300`` read as
    ``0..300``), an ``about`` may get its own tolerance, but the value always lies where the hedge puts it.
    """
    value = draw(values if values is not None else st.integers(min_value=0, max_value=100_000))
    qualifier = draw(qualifiers if qualifiers is not None else _QUALIFIERS)
    if not draw(_BOOLEANS):
        return ge.Quantity(value=value, qualifier=qualifier, span=span)
    low: int | None
    high: int | None
    if qualifier is ge.Qualifier.EXACT:
        low = high = value
    elif qualifier is ge.Qualifier.MORE_THAN:
        low = value + 1
        high = _maybe(draw, low, 2 * low + 10)
    elif qualifier is ge.Qualifier.AT_LEAST:
        low = value
        high = _maybe(draw, value, 2 * value + 10)
    elif qualifier is ge.Qualifier.ABOUT:
        slack = draw(st.integers(min_value=0, max_value=value // 4 + 1))
        low, high = max(0, value - slack), value + slack
    elif qualifier is ge.Qualifier.UP_TO:
        low = _maybe(draw, 0, value)
        high = value
    else:  # LESS_THAN
        high = max(0, value - 1)
        low = _maybe(draw, 0, high)
    return ge.Quantity(value=value, qualifier=qualifier, low=low, high=high, span=span)


@st.composite
def vague_amounts(draw: st.DrawFn, span: ge.Span | None = None, record: str | None = None) -> ge.VagueAmount:
    """Bounds without a point value, as "hundreds" or "several thousand" give."""
    low = draw(st.integers(min_value=0, max_value=10_000))
    high = _maybe(draw, low, 10 * low + 10)
    return ge.VagueAmount(low=low, high=high, span=span, record=record)


@st.composite
def date_ranges(
    draw: st.DrawFn,
    min_date: dt.date = dt.date(2011, 1, 1),
    max_date: dt.date = dt.date(2019, 12, 31),
    precisions: Sequence[ge.Precision] = tuple(ge.Precision),
) -> ge.DateRange:
    """A date range: one day for day precision, else ``start <= end`` a few weeks at most apart."""
    precision = draw(st.sampled_from(precisions))
    basis = draw(_BASES)
    start = draw(st.dates(min_value=min_date, max_value=max_date))
    if precision is ge.Precision.DAY:
        return ge.DateRange(start=start, end=start, precision=precision, basis=basis)
    end = start + dt.timedelta(days=draw(st.integers(min_value=0, max_value=40)))
    return ge.DateRange(start=start, end=end, precision=precision, basis=basis)


# --- Entities from the gazetteer ------------------------------------------------------------------------------


def places(names: Sequence[str] | None = None) -> st.SearchStrategy[ge.Place]:
    """A place of the bundled gazetteer (of the given canonical names, if any)."""
    pool = ALL_PLACES if names is None else tuple(GAZETTEER.place(name) for name in names)
    return st.sampled_from(pool)


def factions(names: Sequence[str] | None = None) -> st.SearchStrategy[ge.Faction]:
    """A faction of the bundled gazetteer, sometimes with backers named."""
    pool = ALL_FACTIONS if names is None else tuple(GAZETTEER.faction(name) for name in names)
    backers = st.lists(st.sampled_from(("Qatar", "Saudi Arabia", "Turkey")), max_size=2, unique=True)
    return st.builds(lambda f, b: ge.Faction(name=f.name, kind=f.kind, backers=b), st.sampled_from(pool), backers)


def sources(names: Sequence[str] | None = None) -> st.SearchStrategy[ge.Source]:
    """A source of the bundled gazetteer."""
    pool = ALL_SOURCES if names is None else tuple(GAZETTEER.source(name) for name in names)
    return st.sampled_from(pool)


def source_chains(names: Sequence[str] | None = None, max_size: int = 3) -> st.SearchStrategy[list[ge.Source]]:
    """An attribution chain, originator first; empty for an outlet's own reporting."""
    return st.lists(sources(names), max_size=max_size, unique_by=lambda s: s.name)


# --- Records without text -------------------------------------------------------------------------------------


@st.composite
def convoys(draw: st.DrawFn, record_id: str = "r#c0") -> ge.Convoy:
    """A convoy with any slots filled; its spans (if any) are arbitrary, as no text comes with it."""
    optional_quantity = st.none() | quantities()
    return ge.Convoy(
        id=record_id,
        origin=draw(st.none() | places()),
        destination=draw(st.none() | places()),
        buses=draw(st.none() | quantities(values=st.integers(min_value=0, max_value=300))),
        people=draw(optional_quantity),
        fighters=draw(optional_quantity),
        civilians=draw(optional_quantity),
        factions=draw(st.lists(factions(), max_size=2, unique_by=lambda f: f.name)),
        sources=draw(source_chains()),
        date=draw(st.none() | date_ranges()),
        spans=draw(st.lists(spans(), max_size=3)),
        inferred=draw(st.lists(st.sampled_from(INFERABLE), max_size=4)),
    )


@st.composite
def figures(draw: st.DrawFn, record_id: str = "r#f0") -> ge.Figure:
    """A figure of any kind."""
    return ge.Figure(
        id=record_id,
        kind=draw(st.sampled_from(ge.FigureKind)),
        quantity=draw(quantities()),
        place=draw(st.none() | places()),
        sources=draw(source_chains()),
        date=draw(st.none() | date_ranges()),
        spans=draw(st.lists(spans(), max_size=2)),
    )


@st.composite
def events(
    draw: st.DrawFn, record_id: str = "r#e0", convoy_ids: Sequence[str] = (), figure_ids: Sequence[str] = ()
) -> ge.Event:
    """An event of any kind, referring to some of the given record ids."""
    return ge.Event(
        id=record_id,
        kind=draw(st.sampled_from(ge.EventKind)),
        place=draw(st.none() | places()),
        factions=draw(st.lists(factions(), max_size=2, unique_by=lambda f: f.name)),
        sources=draw(source_chains()),
        date=draw(st.none() | date_ranges()),
        convoys=draw(st.lists(st.sampled_from(convoy_ids), unique=True)) if convoy_ids else (),
        figures=draw(st.lists(st.sampled_from(figure_ids), unique=True)) if figure_ids else (),
        spans=draw(st.lists(spans(), max_size=2)),
    )


def mentions() -> st.SearchStrategy[ge.Mention]:
    """A mention of a gazetteer name at an arbitrary span."""
    return st.builds(
        lambda name, kind, span: ge.Mention(name=name, kind=kind, span=span),
        st.sampled_from([p.name for p in ALL_PLACES]),
        st.sampled_from(ge.EntityKind),
        spans(),
    )


def unplaced_items() -> st.SearchStrategy[ge.Unplaced]:
    """Something the parser saw and could not place."""
    return st.builds(
        lambda kind, text, span: ge.Unplaced(kind=kind, text=text, span=span, reason="no role found"),
        st.sampled_from(ge.UnplacedKind),
        st.text(min_size=1, max_size=10),
        spans(),
    )


# --- Whole reports, text first ---------------------------------------------------------------------------------


class _Text:
    """Writes a report's text piece by piece and returns the span of each piece written."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.mentions: list[ge.Mention] = []

    def write(self, piece: str) -> ge.Span:
        start = self.size
        self.parts.append(piece)
        self.size += len(piece)
        return ge.Span(start=start, end=self.size)

    def name(self, name: str, kind: ge.EntityKind) -> ge.Span:
        span = self.write(name)
        self.mentions.append(ge.Mention(name=name, kind=kind, span=span))
        return span

    def number(self, quantity: ge.Quantity, noun: str) -> ge.Quantity:
        """Write the hedge and the number, and return the quantity with the span of what was written."""
        span = self.write(f"{HEDGE_WORDS[quantity.qualifier]}{quantity.value}")
        self.write(f" {noun}")
        return ge.Quantity(
            value=quantity.value, qualifier=quantity.qualifier, low=quantity.low, high=quantity.high, span=span
        )

    def source(self, chain: Sequence[ge.Source]) -> None:
        for position, source in enumerate(chain):
            self.write(", " if position == 0 else " citing ")
            self.name(source.name, ge.EntityKind.SOURCE)
        if chain:
            self.write(" said")

    def date(self, date: ge.DateRange | None) -> None:
        if date is not None and date.start == date.end:
            self.write(f" on {date.start.isoformat()}")
        elif date is not None:
            self.write(f" between {date.start.isoformat()} and {date.end.isoformat()}")

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _focused_quantities(values: Sequence[int]) -> tuple[ge.Quantity, ...]:
    """Every hedge of every value, with derived bounds, plus a few explicit ones (a wider "about", a closed side)."""
    out: list[ge.Quantity] = []
    for value in values:
        out += [ge.Quantity(value=value, qualifier=q) for q in ge.Qualifier]
        out.append(ge.Quantity(value=value, qualifier=ge.Qualifier.ABOUT, low=value * 4 // 5, high=value * 6 // 5))
        out.append(ge.Quantity(value=value, qualifier=ge.Qualifier.UP_TO, low=0, high=value))
        out.append(ge.Quantity(value=value, qualifier=ge.Qualifier.AT_LEAST, low=value, high=2 * value))
    return tuple(out)


def _focused_dates() -> tuple[ge.DateRange, ...]:
    """Single days of the window (stated or resolved), and a few runs of days."""
    days = [MERGE_START + dt.timedelta(days=n) for n in range((MERGE_END - MERGE_START).days + 1)]
    out = [ge.DateRange.day(day) for day in days]
    out += [ge.DateRange.day(day, basis=ge.DateBasis.PUBLISHED) for day in days[::3]]
    out += [ge.DateRange(start=day, end=day + dt.timedelta(days=2), precision=ge.Precision.DAYS) for day in days[::5]]
    return tuple(out)


def _subsets(items: Sequence[_T], size: int) -> tuple[tuple[_T, ...], ...]:
    return tuple(itertools.permutations(items, size))


class _Pools:
    """What a report strategy draws its entities, dates and counts from (built once: strategies are reused).

    The focused pools are small and precomputed, so that one draw gives a whole value (fast generation), and so
    that several reports often tell of the same movement (for the merge laws).
    """

    origins: st.SearchStrategy[ge.Place | None]
    destinations: st.SearchStrategy[ge.Place | None]
    factions: st.SearchStrategy[Sequence[ge.Faction]]
    chains: st.SearchStrategy[Sequence[ge.Source]]
    count: st.SearchStrategy[ge.Quantity]
    optional_count: st.SearchStrategy[ge.Quantity | None]
    buses: st.SearchStrategy[ge.Quantity | None]
    dates: st.SearchStrategy[ge.DateRange | None]
    inferred: st.SearchStrategy[Sequence[str]]

    def __init__(self, *, focused: bool) -> None:
        self.figure_kinds = st.sampled_from(ge.FigureKind)
        self.event_kinds = st.sampled_from(ge.EventKind)
        if focused:
            self.origins = st.sampled_from((None, *(GAZETTEER.place(n) for n in ORIGIN_NAMES)))
            self.destinations = st.sampled_from((None, *(GAZETTEER.place(n) for n in DESTINATION_NAMES)))
            groups = [GAZETTEER.faction(n) for n in FACTION_NAMES]
            self.factions = st.sampled_from(_subsets(groups, 0) * 3 + _subsets(groups, 1) + _subsets(groups, 2))
            voices = [GAZETTEER.source(n) for n in SOURCE_NAMES]
            self.chains = st.sampled_from(_subsets(voices, 0) * 6 + _subsets(voices, 1) * 3 + _subsets(voices, 2))
            self.count = st.sampled_from(_focused_quantities(COUNT_POOL))
            self.buses = st.none() | st.sampled_from(_focused_quantities((8, 12, 17, 20, 35)))
            self.dates = st.none() | st.sampled_from(_focused_dates())
            self.inferred = st.sampled_from(((),) * 6 + _subsets(INFERABLE, 1) + (("date", "factions"),))
        else:
            self.origins = st.none() | places()
            self.destinations = st.none() | places()
            self.factions = st.lists(factions(), max_size=2, unique_by=_name)
            self.chains = source_chains(max_size=3)
            counts = st.one_of(st.sampled_from(COUNT_POOL), st.integers(min_value=0, max_value=60_000))
            self.count = quantities(values=counts)
            self.buses = st.none() | quantities(values=st.integers(min_value=0, max_value=300))
            self.dates = st.none() | date_ranges(min_date=dt.date(2016, 1, 1), max_date=dt.date(2018, 12, 31))
            self.inferred = st.lists(st.sampled_from(INFERABLE), max_size=4)
        self.optional_count = st.none() | self.count


def _name(item: ge.Place | ge.Faction | ge.Source) -> str:
    return item.name


_POOLS: Final = {True: _Pools(focused=True), False: _Pools(focused=False)}


def _write_convoy(draw: st.DrawFn, text: _Text, record_id: str, pools: _Pools) -> ge.Convoy:
    start = text.size
    buses = draw(pools.buses)
    people = draw(pools.optional_count)
    split = draw(_BOOLEANS)
    fighters = draw(pools.count) if split else None
    civilians = draw(pools.optional_count) if split else None
    origin = draw(pools.origins)
    destination = draw(pools.destinations)
    groups = draw(pools.factions)
    chain = draw(pools.chains)
    date = draw(pools.dates)

    text.write("A convoy")
    if buses is not None:
        text.write(" of ")
        buses = text.number(buses, "buses")
    if people is not None:
        text.write(" carrying ")
        people = text.number(people, "people")
    if fighters is not None:
        text.write(", among them ")
        fighters = text.number(fighters, "fighters")
        if civilians is not None:
            text.write(" and ")
            civilians = text.number(civilians, "civilians")
    for position, group in enumerate(groups):
        text.write(" of " if position == 0 else " and ")
        text.name(group.name, ge.EntityKind.FACTION)
    text.write(" left")
    if origin is not None:
        text.write(" ")
        text.name(origin.name, ge.EntityKind.PLACE)
    if destination is not None:
        text.write(" for ")
        text.name(destination.name, ge.EntityKind.PLACE)
    text.date(date)
    text.source(chain)
    text.write(".")
    sentence = ge.Span(start=start, end=text.size)
    text.write(" ")
    return ge.Convoy(
        id=record_id,
        origin=origin,
        destination=destination,
        buses=buses,
        people=people,
        fighters=fighters,
        civilians=civilians,
        factions=groups,
        sources=chain,
        date=date,
        spans=[sentence],
        inferred=draw(pools.inferred),
    )


_FIGURE_VERBS: Final = {
    ge.FigureKind.KILLED: "were killed",
    ge.FigureKind.WOUNDED: "were wounded",
    ge.FigureKind.FLED: "fled",
    ge.FigureKind.EVACUATED: "have been evacuated so far",
    ge.FigureKind.DISPLACED: "were displaced",
    ge.FigureKind.IN_SHELTERS: "are in shelters",
    ge.FigureKind.REMAINING: "remain",
    ge.FigureKind.RESIDENTS: "live",
    ge.FigureKind.PLANNED: "are to leave",
    ge.FigureKind.RELEASED: "were released",
    ge.FigureKind.OTHER: "were counted",
}


def _write_figure(draw: st.DrawFn, text: _Text, record_id: str, pools: _Pools) -> ge.Figure:
    start = text.size
    kind = draw(pools.figure_kinds)
    quantity = text.number(draw(pools.count), f"people {_FIGURE_VERBS[kind]}")
    place = draw(pools.origins)
    if place is not None:
        text.write(" in ")
        text.name(place.name, ge.EntityKind.PLACE)
    date = draw(pools.dates)
    text.date(date)
    chain = draw(pools.chains)
    text.source(chain)
    text.write(".")
    sentence = ge.Span(start=start, end=text.size)
    text.write(" ")
    return ge.Figure(
        id=record_id, kind=kind, quantity=quantity, place=place, sources=chain, date=date, spans=[sentence]
    )


def _write_event(
    draw: st.DrawFn, text: _Text, record_id: str, pools: _Pools, convoy_ids: list[str], figure_ids: list[str]
) -> ge.Event:
    start = text.size
    kind = draw(pools.event_kinds)
    text.write(f"There was an event of the kind {kind.value}")
    place = draw(pools.origins)
    if place is not None:
        text.write(" in ")
        text.name(place.name, ge.EntityKind.PLACE)
    groups = draw(pools.factions)
    for position, group in enumerate(groups):
        text.write(" involving " if position == 0 else " and ")
        text.name(group.name, ge.EntityKind.FACTION)
    date = draw(pools.dates)
    text.date(date)
    chain = draw(pools.chains)
    text.source(chain)
    text.write(".")
    sentence = ge.Span(start=start, end=text.size)
    text.write(" ")
    return ge.Event(
        id=record_id,
        kind=kind,
        place=place,
        factions=groups,
        sources=chain,
        date=date,
        convoys=draw(st.lists(st.sampled_from(convoy_ids), unique=True)) if convoy_ids else (),
        figures=draw(st.lists(st.sampled_from(figure_ids), unique=True)) if figure_ids else (),
        spans=[sentence],
    )


def _unique_by_name(items: Sequence[_Named]) -> list[_Named]:
    seen: dict[str, _Named] = {}
    for item in items:
        seen.setdefault(item.name, item)
    return list(seen.values())


@st.composite
def reports(
    draw: st.DrawFn,
    report_id: str | None = None,
    *,
    focused: bool = False,
    max_convoys: int = 4,
    max_figures: int = 3,
    max_events: int = 2,
) -> ge.Report:
    """A whole report: synthetic sentences first, then records whose spans point at the words they describe.

    Record ids are ``{report_id}#c{i}``, ``#f{i}`` and ``#e{i}``. With ``focused``, places, dates, counts and
    sources come from small pools, so that several reports often tell of the same movement (for merge laws).
    """
    rid = report_id if report_id is not None else draw(report_ids())
    pools = _POOLS[focused]
    text = _Text()
    text.write(draw(_OPENINGS))
    convoy_records = [
        _write_convoy(draw, text, f"{rid}#c{i}", pools)
        for i in range(draw(st.integers(min_value=0, max_value=max_convoys)))
    ]
    figure_records = [
        _write_figure(draw, text, f"{rid}#f{i}", pools)
        for i in range(draw(st.integers(min_value=0, max_value=max_figures)))
    ]
    convoy_ids = [c.id for c in convoy_records]
    figure_ids = [f.id for f in figure_records]
    event_records = [
        _write_event(draw, text, f"{rid}#e{i}", pools, convoy_ids, figure_ids)
        for i in range(draw(st.integers(min_value=0, max_value=max_events)))
    ]
    amounts: list[ge.VagueAmount] = []
    if draw(_BOOLEANS):
        span = text.write("Hundreds")
        text.write(" more were waiting. ")
        amounts.append(
            ge.VagueAmount(
                low=200,
                high=999,
                span=span,
                record=draw(st.none() | st.sampled_from(convoy_ids)) if convoy_ids else None,
            )
        )
    unplaced: list[ge.Unplaced] = []
    if draw(_BOOLEANS):
        text.write("The number ")
        number = str(draw(st.integers(min_value=1, max_value=9999)))
        span = text.write(number)
        text.write(" was also given.")
        unplaced.append(ge.Unplaced(kind=ge.UnplacedKind.NUMBER, text=number, span=span, reason="no role found"))
    published = draw(_PUBLISHED)
    anchor = None if published is None else ge.DateRange.day(published, basis=ge.DateBasis.PUBLISHED)

    all_places = [p for c in convoy_records for p in (c.origin, c.destination) if p is not None]
    all_places += [f.place for f in figure_records if f.place is not None]
    all_places += [e.place for e in event_records if e.place is not None]
    all_factions = [g for c in convoy_records for g in c.factions] + [g for e in event_records for g in e.factions]
    all_sources = [s for c in convoy_records for s in c.sources] + [s for f in figure_records for s in f.sources]
    all_sources += [s for e in event_records for s in e.sources]
    return ge.Report(
        id=rid,
        text=text.text,
        published=published,
        anchor=anchor,
        factions=_unique_by_name(all_factions),
        sources=_unique_by_name(all_sources),
        places=_unique_by_name(all_places),
        convoys=convoy_records,
        figures=figure_records,
        events=event_records,
        mentions=text.mentions,
        amounts=amounts,
        unplaced=unplaced,
    )


@st.composite
def report_lists(draw: st.DrawFn, min_size: int = 0, max_size: int = 6, *, focused: bool = True) -> list[ge.Report]:
    """Reports with distinct ids, small enough for the merge laws to run quickly."""
    ids = draw(st.lists(report_ids(), min_size=min_size, max_size=max_size, unique=True))
    return [draw(reports(rid, focused=focused)) for rid in ids]
