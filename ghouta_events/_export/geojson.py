"""GeoJSON: one feature per consolidated movement, figure or event, at the coordinates of its place."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import Any

from .._gazetteer import Gazetteer, default_gazetteer
from .._io import write_atomic
from .._merge import Dataset, Tally
from .common import _DECIMALS, _checked, _Located, _summaries, _Summary

__all__ = ["dump_geojson", "to_geojson"]


def _position(located: _Located | None) -> list[float] | None:
    """A GeoJSON position: longitude first, then latitude (RFC 7946, section 3.1.1)."""
    if located is None or located.latitude is None or located.longitude is None:
        return None
    return [round(float(located.longitude), _DECIMALS), round(float(located.latitude), _DECIMALS)]


def _geometry(summary: _Summary) -> dict[str, Any] | None:
    start, end = _position(summary.origin), _position(summary.destination)
    if start is not None and end is not None:
        return {"type": "LineString", "coordinates": [start, end]}
    point = start if start is not None else end
    return None if point is None else {"type": "Point", "coordinates": point}


def _estimate_of(tally: Tally | None) -> dict[str, int] | None:
    if tally is None:
        return None
    e = tally.estimate
    return {"low": e.low, "best": e.best, "high": e.high, "conservative": e.conservative}


def _properties(summary: _Summary) -> dict[str, Any]:
    date = summary.record.date
    origin, destination = summary.origin, summary.destination
    headline = _estimate_of(summary.headline)
    record = summary.record
    return {
        "id": record.id,
        "record_type": summary.record_type,
        "kind": summary.kind,
        "date_start": None if date is None else date.start.isoformat(),
        "date_end": None if date is None else date.end.isoformat(),
        "date_precision": None if date is None else date.precision.value,
        "origin": None if origin is None else origin.place.name,
        "origin_admin1": None if origin is None else origin.admin1,
        "geo_precision": None if origin is None or origin.precision is None else origin.precision.value,
        "destination": None if destination is None else destination.place.name,
        "destination_admin1": None if destination is None else destination.admin1,
        "destination_geo_precision": None
        if destination is None or destination.precision is None else destination.precision.value,
        "factions": list(summary.factions),
        "sources": list(summary.originators),
        "number_of_sources": len(summary.originators),
        "low": None if headline is None else headline["low"],
        "best": None if headline is None else headline["best"],
        "high": None if headline is None else headline["high"],
        "conservative": None if headline is None else headline["conservative"],
        "estimates": {slot: _estimate_of(tally) for slot, tally in summary.tallies.items()},
        "number_of_members": len(record.members),
        "number_of_reports": len(summary.reports),
        "reports": list(summary.reports),
        "conflicts": list(summary.conflicts),
    }


def to_geojson(dataset: Dataset, *, gazetteer: Gazetteer | None = None) -> dict[str, Any]:
    """The dataset as a GeoJSON FeatureCollection (RFC 7946), ready for :func:`json.dumps`.

    Every consolidated movement, figure and event with a location is a Feature whose ``id`` is the record's id:

    * a movement whose origin and destination can both be placed is a ``LineString`` from the origin to the
      destination; one with a single end placed is a ``Point`` there (the other end's ``geo_precision`` is
      then ``null``);
    * a figure or an event is a ``Point`` at its place.

    Positions are ``[longitude, latitude]``, in that order, rounded to six decimals. A place without
    coordinates of its own is shown at the nearest place it lies in that has some, and ``geo_precision`` /
    ``destination_geo_precision`` name the :class:`PlaceKind` of the place actually shown.

    Properties, the same keys on every feature (``null`` where they do not apply): ``id``, ``record_type``
    (``movement``, ``figure`` or ``event``), ``kind``, ``date_start``, ``date_end``, ``date_precision``,
    ``origin`` (a figure's or event's place), ``origin_admin1``, ``geo_precision``, ``destination``,
    ``destination_admin1``, ``destination_geo_precision``, ``factions`` and ``sources`` (the originators), as
    arrays, ``number_of_sources``, ``low``, ``best``, ``high`` and ``conservative`` (the headline count, as in
    :func:`to_csv_rows`), ``estimates`` (every count by slot: ``{"people": {"low": ..., "best": ...,
    "high": ..., "conservative": ...}}``), ``number_of_members``, ``number_of_reports``, ``reports`` and
    ``conflicts`` (the messages).

    Records that cannot be placed at all are left out; the collection names them in a foreign member,
    ``"omitted"``: a list of record ids (RFC 7946, section 6.1, allows such members).

    Args:
        dataset: the dataset to map.
        gazetteer: where to look up the places each place lies in; the bundled one by default.

    Returns:
        A ``dict`` holding only JSON values (no NaN, no infinity).
    """
    dataset = _checked(dataset, "to_geojson")
    geo = (gazetteer or default_gazetteer()).geography
    features: list[dict[str, Any]] = []
    omitted: list[str] = []
    for summary in _summaries(dataset, geo, events=True):
        geometry = _geometry(summary)
        if geometry is None:
            omitted.append(summary.record.id)
            continue
        features.append({"type": "Feature", "id": summary.record.id, "geometry": geometry,
                         "properties": _properties(summary)})
    return {"type": "FeatureCollection", "features": features, "omitted": omitted}


def dump_geojson(dataset: Dataset, path: str | os.PathLike[str], *, gazetteer: Gazetteer | None = None) -> None:
    """Write :func:`to_geojson` to a file, atomically, as UTF-8 JSON on one line.

    Args:
        dataset: the dataset to write.
        path: the file to write (``.geojson`` is the usual suffix); an existing file is replaced whole.
        gazetteer: where to look up the places each place lies in; the bundled one by default.
    """
    text = _geojson_text(to_geojson(dataset, gazetteer=gazetteer))
    write_atomic(path, lambda handle: handle.write(text))


def _geojson_text(collection: Mapping[str, Any]) -> str:
    return json.dumps(collection, ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n"
