"""The gazetteer's geography: lineage, enclosure and distance, answered once for the parser, the merge and the
exports.

Each answer is checked against a plain reading of the definitions (walk the parents; a place encloses what has
it in its lineage; ``distance_km``), for every pair of bundled places and for random tables of places.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ghouta_events as ge
from ghouta_events._geography import MAX_DEPTH, Geography
from ghouta_events._model import NEAR_KM, distance_km

GAZ = ge.default_gazetteer()
PLACES_HEADER = "name,kind,parent,country,latitude,longitude,aliases"


# --- The definitions, read plainly -------------------------------------------------------------------------------


def plain_lineage(places: Mapping[str, ge.Place], name: str) -> tuple[ge.Place, ...]:
    chain: list[ge.Place] = []
    current: str | None = name
    while current is not None and current in places and len(chain) < MAX_DEPTH:
        chain.append(places[current])
        current = places[current].parent
    return tuple(chain)


def plain_encloses(places: Mapping[str, ge.Place], outer: str, inner: str) -> bool:
    return any(place.name == outer for place in plain_lineage(places, inner))


def plain_compatible(places: Mapping[str, ge.Place], a: ge.Place, b: ge.Place, *, near: bool) -> bool:
    if a.name == b.name or plain_encloses(places, a.name, b.name) or plain_encloses(places, b.name, a.name):
        return True
    distance = distance_km(a, b)
    return near and distance is not None and distance <= NEAR_KM


def _strangers() -> list[ge.Place]:
    """Places the bundled gazetteer does not hold as they are: unknown, or a known name with other coordinates."""
    return [
        ge.Place(name="Tall Nowhere", kind=ge.PlaceKind.TOWN, parent="Arbin", country="Syria", latitude=33.55,
                 longitude=36.37),
        ge.Place(name="Arbin", kind=ge.PlaceKind.TOWN, parent="Eastern Ghouta", country="Syria", latitude=34.9,
                 longitude=38.1),
        ge.Place(name="Unmapped", kind=ge.PlaceKind.TOWN, parent=None, country=None, latitude=None, longitude=None),
    ]


# --- Every pair of bundled places ---------------------------------------------------------------------------------


def test_lineage_of_every_bundled_place() -> None:
    geo = GAZ.geography
    for name in [*GAZ.places, "Tall Nowhere", ""]:
        assert geo.lineage(name) == plain_lineage(GAZ.places, name)
        assert geo.names(name) == tuple(p.name for p in plain_lineage(GAZ.places, name))
        assert GAZ.lineage(name) == geo.lineage(name)


def test_enclosure_of_every_pair_of_bundled_places() -> None:
    geo = GAZ.geography
    names = [*GAZ.places, "Tall Nowhere"]
    found = 0
    for inner in names:
        for outer in names:
            expected = plain_encloses(GAZ.places, outer, inner)
            assert geo.encloses(outer, inner) is expected, (outer, inner)
            assert GAZ.encloses(outer, inner) is expected
            found += expected and outer != inner
    assert found > len(GAZ.places)  # most places lie in two or more others


def test_distance_and_compatibility_of_every_pair_of_bundled_places() -> None:
    geo = GAZ.geography
    places = [*GAZ.places.values(), *_strangers()]
    for a in places:
        for b in places:
            assert geo.distance(a, b) == distance_km(a, b)
            assert geo.distance(a, b) == distance_km(a, b)  # the second time from the cache, for known pairs
            assert geo.nested(a, b) is (a.name == b.name or plain_encloses(GAZ.places, a.name, b.name)
                                        or plain_encloses(GAZ.places, b.name, a.name))
            for near in (False, True):
                assert geo.compatible(a, b, near=near) is plain_compatible(GAZ.places, a, b, near=near), (a, b)
            assert geo.compatible(a, None, near=True)
            assert geo.compatible(None, b, near=False)


def test_a_stranger_of_a_known_name_gets_its_own_distance() -> None:
    geo = ge.load_gazetteer().geography
    douma, arbin = GAZ.place("Douma"), GAZ.place("Arbin")
    moved = _strangers()[1]
    assert geo.distance(douma, arbin) == distance_km(douma, arbin)
    assert geo.distance(douma, moved) == distance_km(douma, moved) != geo.distance(douma, arbin)


def test_lineage_of_a_place_as_a_dataset_holds_it() -> None:
    geo = GAZ.geography
    nowhere, moved, unmapped = _strangers()
    # Unknown, but its parent is known: the place, then its parent's lineage.
    assert geo.lineage_of(nowhere) == (nowhere, *GAZ.lineage("Arbin"))
    # A known name: the place as given, then what the gazetteer says it lies in.
    assert geo.lineage_of(moved) == (moved, *GAZ.lineage("Arbin")[1:])
    assert geo.lineage_of(unmapped) == (unmapped,)
    for place in GAZ.places.values():
        assert geo.lineage_of(place) == GAZ.lineage(place.name)


# --- Random trees of places ---------------------------------------------------------------------------------------

_NAMES = [f"P{i}" for i in range(12)]


@st.composite
def place_tables(draw: st.DrawFn) -> dict[str, ge.Place]:
    """A table of places whose parents are other places of the table, names not in it, or none; cycles too."""
    names = draw(st.lists(st.sampled_from(_NAMES), min_size=1, max_size=len(_NAMES), unique=True))
    parents = st.none() | st.sampled_from([*_NAMES, "Elsewhere"])
    coordinates = st.none() | st.tuples(st.floats(-80, 80), st.floats(-179, 179))
    table = {}
    for name in names:
        where = draw(coordinates)
        table[name] = ge.Place(name=name, kind=ge.PlaceKind.TOWN, parent=draw(parents), country=None,
                               latitude=None if where is None else where[0],
                               longitude=None if where is None else where[1])
    return table


@given(place_tables(), st.sampled_from([*_NAMES, "Elsewhere"]), st.sampled_from([*_NAMES, "Elsewhere"]))
def test_any_table_of_places_answers_as_the_definitions(table: dict[str, ge.Place], a: str, b: str) -> None:
    geo = Geography(table)
    assert geo.lineage(a) == plain_lineage(table, a)
    assert len(geo.lineage(a)) <= MAX_DEPTH
    assert geo.encloses(b, a) is plain_encloses(table, b, a)
    if a in table and b in table:
        pa, pb = table[a], table[b]
        assert geo.distance(pa, pb) == distance_km(pa, pb)
        assert geo.compatible(pa, pb, near=True) is plain_compatible(table, pa, pb, near=True)
        assert geo.compatible(pa, pb, near=False) is plain_compatible(table, pa, pb, near=False)
        # Laws: a known place encloses itself; compatibility is symmetric and nearness only adds to it.
        assert geo.encloses(a, a)
        assert geo.compatible(pa, pb, near=False) is geo.compatible(pb, pa, near=False)
        assert geo.compatible(pa, pb, near=True) or not geo.compatible(pa, pb, near=False)
        assert geo.nested(pa, pb) is (a == b or plain_encloses(table, a, b) or plain_encloses(table, b, a))
        assert geo.nested(pa, pb) is geo.nested(pb, pa)


# --- One geography per gazetteer ----------------------------------------------------------------------------------


def test_a_gazetteer_has_one_geography_and_the_parser_reads_it() -> None:
    from ghouta_events._rules import _tables

    gazetteer = ge.load_gazetteer()
    assert gazetteer.geography is gazetteer.geography
    assert gazetteer.geography is not GAZ.geography
    assert _tables(gazetteer).geo is gazetteer.geography


def test_a_geography_goes_with_its_gazetteer(tmp_path: Path) -> None:
    places = tmp_path / "places.csv"
    places.write_text(f"{PLACES_HEADER}\nKafr Zita,town,,Syria,35.3736,36.6006,Kfar Zeita\n", encoding="utf-8")
    gazetteer = ge.load_gazetteer(places, bundled=False)
    assert [p.name for p in ge.parse("Buses left Kfar Zeita on Sunday.", gazetteer=gazetteer).places] == ["Kafr Zita"]
    assert gazetteer.encloses("Kafr Zita", "Kafr Zita")
    gone, geography_gone = weakref.ref(gazetteer), weakref.ref(gazetteer.geography)
    del gazetteer
    gc.collect()
    assert gone() is None
    assert geography_gone() is None


@pytest.mark.parametrize("name", ["Arbin", "Douma", "Yarmouk"])
def test_a_geography_holds_no_reference_to_its_gazetteer(name: str) -> None:
    gazetteer = ge.load_gazetteer()
    geography = gazetteer.geography
    gone = weakref.ref(gazetteer)
    del gazetteer
    gc.collect()
    assert gone() is None
    assert geography.lineage(name) == GAZ.lineage(name)
