"""What every export needs to know of a consolidated record: where its places are, its originators, its
headline count."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Final

from attrs import frozen

from .._geography import Geography
from .._merge import ConsolidatedConvoy, ConsolidatedEvent, ConsolidatedFigure, Dataset, Tally
from .._model import Convoy, Event, Figure, Place, PlaceKind, Source

_Record = ConsolidatedConvoy | ConsolidatedFigure | ConsolidatedEvent

#: The count slots of a movement, in the order they are shown.
_CONVOY_SLOTS: Final = ("buses", "people", "fighters", "civilians")

#: The slots a movement's headline count is taken from, first given first: people in all, else fighters, else
#: civilians (buses are not people).
_HEADLINE_SLOTS: Final = ("people", "fighters", "civilians")

#: The slot name of a figure's count, as in :attr:`Conflict.slot`.
_FIGURE_SLOT: Final = "quantity"

#: Coordinates keep at most this many decimals (about 0.1 m), in CSV and GeoJSON alike.
_DECIMALS: Final = 6


@frozen(kw_only=True)
class _Located:
    """Where a place is shown: its governorate, and the coordinates of it or of the nearest place it lies in."""

    place: Place
    admin1: str | None
    latitude: float | None
    longitude: float | None
    precision: PlaceKind | None  # the kind of the place whose coordinates these are


def _locate(geo: Geography, place: Place | None) -> _Located | None:
    """Where a place (as the dataset holds it) is shown, from it and the places it lies in."""
    if place is None:
        return None
    chain = geo.lineage_of(place)
    admin1 = next((p.name for p in chain if p.kind is PlaceKind.GOVERNORATE), None)
    anchor = next((p for p in chain if p.latitude is not None and p.longitude is not None), None)
    return _Located(
        place=place, admin1=admin1,
        latitude=None if anchor is None else anchor.latitude,
        longitude=None if anchor is None else anchor.longitude,
        precision=None if anchor is None else anchor.kind,
    )


@frozen(kw_only=True)
class _Summary:
    """One consolidated record as the flat exports show it."""

    record: _Record
    record_type: str  # movement | figure | event
    kind: str
    origin: _Located | None  # a movement's origin, a figure's or event's place
    destination: _Located | None
    factions: tuple[str, ...]
    tallies: Mapping[str, Tally]  # the counts given, by slot
    headline: Tally | None
    originators: tuple[str, ...]
    reports: tuple[str, ...]
    conflicts: tuple[str, ...]


def _originator_of(sources: Sequence[Source], report: str) -> str:
    """Who a record's numbers come from: its originator, or for an outlet's own reporting, that report."""
    return sources[0].name if sources else f"(report {report})"


def _originators(members: Sequence[Convoy | Figure | Event], reports: Sequence[str]) -> tuple[str, ...]:
    """The distinct originators of a record's members; an outlet's own reporting counts once per report, as the
    merge counts independent claims."""
    return tuple(sorted({_originator_of(m.sources, r) for m, r in zip(members, reports, strict=True)}))


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _summaries(dataset: Dataset, geo: Geography, *, events: bool) -> Iterator[_Summary]:
    notes: dict[str, list[str]] = defaultdict(list)
    for conflict in dataset.conflicts:
        notes[conflict.record].append(conflict.message)
    for convoy in dataset.convoys:
        tallies = {slot: t for slot in _CONVOY_SLOTS if (t := getattr(convoy, slot)) is not None}
        yield _Summary(
            record=convoy, record_type="movement", kind="movement",
            origin=_locate(geo, convoy.origin), destination=_locate(geo, convoy.destination),
            factions=tuple(f.name for f in convoy.factions), tallies=tallies,
            headline=next((tallies[s] for s in _HEADLINE_SLOTS if s in tallies), None),
            originators=_originators(convoy.members, convoy.reports), reports=_unique(convoy.reports),
            conflicts=tuple(notes[convoy.id]),
        )
    for figure in dataset.figures:
        yield _Summary(
            record=figure, record_type="figure", kind=figure.kind.value,
            origin=_locate(geo, figure.place), destination=None, factions=(),
            tallies={_FIGURE_SLOT: figure.quantity}, headline=figure.quantity,
            originators=_originators(figure.members, figure.reports), reports=_unique(figure.reports),
            conflicts=tuple(notes[figure.id]),
        )
    if not events:
        return
    for event in dataset.events:
        yield _Summary(
            record=event, record_type="event", kind=event.kind.value,
            origin=_locate(geo, event.place), destination=None, factions=tuple(f.name for f in event.factions),
            tallies={}, headline=None,
            originators=_originators(event.members, event.reports), reports=_unique(event.reports),
            conflicts=tuple(notes[event.id]),
        )


def _checked(dataset: object, function: str) -> Dataset:
    if not isinstance(dataset, Dataset):
        raise TypeError(f"{function}() expects a Dataset, got {type(dataset).__name__}")
    return dataset
