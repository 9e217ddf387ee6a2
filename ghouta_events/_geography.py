"""Where the places of a gazetteer lie: each place's lineage, which place encloses which, and distances.

One :class:`Geography` belongs to each :class:`~._gazetteer.Gazetteer` (its ``geography``); the parser, the merge
and the exports all ask it, so that each answer is worked out once per gazetteer and kept in one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from ._model import NEAR_KM, Place, distance_km

__all__ = ["Geography"]

#: How many parents a lineage follows at most (a guard against a cycle of parents in user files).
MAX_DEPTH: Final = 16
#: How many pairs of places a geography keeps the distance of.
DISTANCE_CACHE_SIZE: Final = 100_000


class _Chain:
    """One known place's lineage, as places, as names, and as a set of names for asking what encloses it."""

    __slots__ = ("names", "places", "within")

    def __init__(self, places: tuple[Place, ...]) -> None:
        self.places = places
        self.names = tuple(p.name for p in places)
        self.within = frozenset(self.names)


class Geography:
    """The relations between the places of one gazetteer: lineage, enclosure and distance.

    Take it from :attr:`Gazetteer.geography <ghouta_events.Gazetteer.geography>`. Answers are worked out on
    first use and kept for the life of the gazetteer; a geography holds the gazetteer's places but not the
    gazetteer itself. Names the gazetteer does not know have no lineage and enclose nothing.

    >>> geo = default_gazetteer().geography
    >>> [p.name for p in geo.lineage("Arbin")]
    ['Arbin', 'Eastern Ghouta', 'Rural Damascus', 'Syria']
    >>> geo.encloses("Eastern Ghouta", "Arbin"), geo.encloses("Arbin", "Eastern Ghouta")
    (True, False)
    """

    __slots__ = ("__weakref__", "_chains", "_distances", "_places")

    def __init__(self, places: Mapping[str, Place]) -> None:
        self._places = places
        self._chains: dict[str, _Chain] = {}  # known place name -> its lineage, filled on first use
        self._distances: dict[tuple[str, str], float | None] = {}  # bounded by DISTANCE_CACHE_SIZE

    def _chain(self, name: str) -> _Chain | None:
        chain = self._chains.get(name)
        if chain is None and name in self._places:
            found: list[Place] = []
            current: str | None = name
            while current is not None and current in self._places and len(found) < MAX_DEPTH:
                place = self._places[current]
                found.append(place)
                current = place.parent
            chain = self._chains[name] = _Chain(tuple(found))
        return chain

    def lineage(self, name: str) -> tuple[Place, ...]:
        """The place of that name and every place it lies in, innermost first; empty when unknown."""
        chain = self._chain(name)
        return () if chain is None else chain.places

    def names(self, name: str) -> tuple[str, ...]:
        """The names of :meth:`lineage`, innermost first; empty when unknown."""
        chain = self._chain(name)
        return () if chain is None else chain.names

    def lineage_of(self, place: Place) -> tuple[Place, ...]:
        """``place`` as given, then the places it lies in: by the gazetteer's entry of its name when there is one,
        else from its own ``parent``. Never empty."""
        known = self.lineage(place.name)
        if known:
            return (place, *known[1:])
        return (place, *self.lineage(place.parent)) if place.parent is not None else (place,)

    def encloses(self, outer: str, inner: str) -> bool:
        """Whether place ``inner`` is ``outer`` or lies within it (never, for an ``inner`` the gazetteer does not
        know)."""
        chain = self._chains.get(inner) or self._chain(inner)
        return chain is not None and outer in chain.within

    def distance(self, a: Place, b: Place) -> float | None:
        """The great-circle distance in kilometres, or ``None`` when either has no coordinates. Remembered for
        pairs of the gazetteer's own places."""
        if not (self._own(a) and self._own(b)):
            return distance_km(a, b)
        key = (a.name, b.name)
        distances = self._distances
        if key in distances:
            return distances[key]
        distance = distance_km(a, b)
        if len(distances) < DISTANCE_CACHE_SIZE:
            distances[key] = distance
        return distance

    def _own(self, place: Place) -> bool:
        known = self._places.get(place.name)
        return known is place or known == place

    def nested(self, a: Place, b: Place) -> bool:
        """Whether two places are one (by name), or one lies within the other."""
        return a.name == b.name or self.encloses(a.name, b.name) or self.encloses(b.name, a.name)

    def compatible(self, a: Place | None, b: Place | None, *, near: bool) -> bool:
        """Whether two places stated for one thing can both be right: either is missing, they are
        :meth:`nested`, or, with ``near``, they are at most ``NEAR_KM`` (70 km) apart."""
        if a is None or b is None or self.nested(a, b):
            return True
        if not near:
            return False
        distance = self.distance(a, b)
        return distance is not None and distance <= NEAR_KM
