"""The gazetteer: canonical names, spelling variants, the alias table, place lineage, name finding, extension files.

The canonical names below are the lists of the corpus annotation conventions (facts, not report text); every
sentence scanned here is written for the test.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs
import pytest

import ghouta_events as ge
from ghouta_events._gazetteer import alias_table

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
]


@pytest.mark.parametrize(("spelling", "kind", "canonical"), VARIANTS)
def test_spelling_variant_resolves_to_canonical(spelling: str, kind: ge.EntityKind, canonical: str) -> None:
    assert _denotes(spelling, kind, canonical), GAZ.resolve(spelling)


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
    pytest.param("Al-Bab", ["Al-Bab", "Aleppo", "Syria"], id="Al-Bab"),
    pytest.param("Qalaat al-Madiq", ["Qalaat al-Madiq", "Hama", "Syria"], id="Qalaat-al-Madiq"),
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
        f"{PLACES_HEADER}\nKafr Zita,town,Hama,Syria,35.3736,36.6006,Kafr Zeita|Kfar Zeita\n", encoding="utf-8"
    )
    sources = folder / "my_sources.csv"
    row = _row("SOHR", "monitor", "the Coventry-based monitor", header=SOURCES_HEADER)
    sources.write_text(f"{SOURCES_HEADER}\n{row}\n", encoding="utf-8")
    return ge.load_gazetteer(places, sources)


def test_user_places_file_adds_a_place_and_its_aliases(extended: ge.Gazetteer) -> None:
    assert GAZ.resolve("Kafr Zita") == ()
    gazetteer = extended
    assert gazetteer.place("Kafr Zita").parent == "Hama"
    assert [p.name for p in gazetteer.lineage("Kafr Zita")] == ["Kafr Zita", "Hama", "Syria"]
    for spelling in ("Kafr Zita", "Kafr Zeita", "Kfar Zeita"):
        assert any(t.kind is PLACE and t.name == "Kafr Zita" for t in gazetteer.resolve(spelling)), spelling
    assert "Arbin" in gazetteer.places  # the bundled tables are still there

    text = "Nine buses carrying 300 people left Kfar Zeita for Idlib on Sunday, SANA said."
    report = ge.parse(text, gazetteer=gazetteer, published=dt.date(2018, 4, 2), report_id="kz")
    assert "Kafr Zita" in [p.name for p in report.places]
    assert any(m.name == "Kafr Zita" and report.excerpt(m.span) == "Kfar Zeita" for m in report.mentions)
    assert [c.origin.name if c.origin else None for c in report.convoys] == ["Kafr Zita"]
    assert "Kafr Zita" not in [p.name for p in ge.parse(text, report_id="kz").places]


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
