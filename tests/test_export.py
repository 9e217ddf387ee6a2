"""The exports: CSV with HXL hashtags, GeoJSON, SQLite, and the command line's ``export``.

The sentences below were written for these tests; they follow the shape of wire copy about the 2018 evacuations,
but none is taken from a report. Against ``PUBLISHED`` (Tuesday 3 April 2018), "Monday" is 2 April.
"""

from __future__ import annotations

import csv
import datetime as dt
import doctest
import json
import math
import sqlite3
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from contextlib import closing
from importlib import resources
from pathlib import Path
from typing import Any, Final

import attrs
import pytest
import strategies as gst
from hypothesis import given, settings
from hypothesis import strategies as st

from ghouta_events import (
    SQLITE_USER_VERSION,
    Claim,
    Conflict,
    ConflictKind,
    ConsolidatedConvoy,
    ConsolidatedEvent,
    ConsolidatedFigure,
    Convoy,
    Dataset,
    DateRange,
    Event,
    Faction,
    FactionKind,
    Figure,
    Gazetteer,
    InputError,
    Place,
    PlaceKind,
    Quantity,
    Report,
    Source,
    SourceKind,
    Tally,
    default_gazetteer,
    dump_csv,
    dump_geojson,
    dump_sqlite,
    from_json,
    load_gazetteer,
    load_sqlite,
    merge,
    parse,
    sqlite_queries,
    to_csv_rows,
    to_geojson,
)
from ghouta_events._cli import EXIT_OK, EXIT_OUTPUT, EXIT_USAGE, main
from ghouta_events._export import csv as csv_export
from ghouta_events._export import sqlite as sqlite_export

PUBLISHED: Final = dt.date(2018, 4, 3)

#: Two sources for one movement from Douma, one source for another movement from Douma, one for Harasta.
DOUMA_SENTENCES: Final = {
    "wire-a": "Eight buses carrying 450 people left Douma for Jarablus on Monday, SANA said.",
    "wire-b": "About 460 people left Douma on Monday, the Syrian Observatory for Human Rights said.",
    "wire-c": "Twenty buses carrying 1,200 people left Douma for Al-Bab on Thursday, AFP reported.",
    "wire-d": "Thirty buses carrying 2,000 people left Harasta for Idlib on Sunday, Reuters said.",
}

#: A place that lies in Douma, for a gazetteer of the user's own, and one with no coordinates of its own.
EXTRA_PLACES: Final = """name,kind,parent,country,latitude,longitude,aliases
Douma Old Quarter,district,Douma,Syria,33.5725,36.4031,
Tal Kurdi Farms,town,Douma,Syria,,,
Precise Hill,town,Eastern Ghouta,Syria,33.123456789,36.987654321,
"""

#: Harder cases for the query: one originator relayed twice, a place inside Douma, the outlet's own numbers
#: beside a named source, and a Harasta movement with two sources.
HARDER_SENTENCES: Final = {
    "relay-a": "Nine buses carrying 520 people left Douma for Al-Bab on Sunday, AFP reported, citing the Syrian "
               "Observatory for Human Rights.",
    "relay-b": "Some 530 people left Douma on Sunday, the Syrian Observatory for Human Rights said.",
    "quarter-a": "Six buses carrying 310 people left Douma Old Quarter for Jarablus on Saturday, SANA said.",
    "quarter-b": "About 300 people left Douma Old Quarter on Saturday, Reuters reported.",
    "own-a": "Eleven buses carrying 700 people left Douma for Idlib on Friday.",
    "own-b": "Some 720 people left Douma on Friday, SANA said.",
    "harasta-a": "Fifteen buses carrying 900 people left Harasta for Idlib on Monday, SANA said.",
    "harasta-b": "About 880 people left Harasta on Monday, Reuters reported.",
}

HEADER: Final = [
    "record_id", "record_type", "kind", "date_start", "date_end", "date_precision",
    "origin", "origin_admin1", "origin_latitude", "origin_longitude",
    "destination", "destination_admin1", "destination_latitude", "destination_longitude",
    "geo_precision", "destination_geo_precision", "factions", "low", "best", "high", "conservative",
    "buses_best", "people_best", "fighters_best", "civilians_best", "killed_best",
    "sources", "number_of_sources", "reports", "notes",
]

DOUMA_QUERY: Final = "movements_from_douma_with_more_than_one_source"


# --- Fixtures ----------------------------------------------------------------------------------------------


def _parsed(sentences: dict[str, str], gazetteer: Gazetteer | None = None) -> list[Report]:
    return [parse(text, published=PUBLISHED, report_id=name, gazetteer=gazetteer) for name, text in sentences.items()]


@pytest.fixture(scope="module")
def douma() -> Dataset:
    return merge(_parsed(DOUMA_SENTENCES))


@pytest.fixture(scope="module")
def extra_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    path = tmp_path_factory.mktemp("gazetteer") / "places.csv"
    path.write_text(EXTRA_PLACES, encoding="utf-8")
    return load_gazetteer(path)


@pytest.fixture(scope="module")
def harder(extra_gazetteer: Gazetteer) -> Dataset:
    return merge(_parsed(HARDER_SENTENCES, extra_gazetteer), gazetteer=extra_gazetteer)


def _sample_folder() -> Path:
    return Path(str(resources.files("ghouta_events.samples")))


@pytest.fixture(scope="module")
def samples() -> Dataset:
    reports = []
    for path in sorted(_sample_folder().glob("*.txt")):
        meta = json.loads(path.with_name(f"{path.stem}.meta.json").read_text(encoding="utf-8"))
        reports.append(parse(path.read_text(encoding="utf-8"), published=dt.date.fromisoformat(meta["published"]),
                             report_id=path.stem))
    return merge(reports)


@pytest.fixture
def samples_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The bundled samples parsed by the command line into JSON Lines, one report per line."""
    lines = tmp_path / "samples.jsonl"
    assert main(["parse", str(_sample_folder()), "-q", "-o", str(lines)]) == EXIT_OK
    capsys.readouterr()
    return lines


def _read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _by_id(rows: Sequence[Sequence[str]]) -> dict[str, dict[str, str]]:
    return {row[0]: dict(zip(HEADER, row, strict=True)) for row in rows[2:]}


def _movement_from(dataset: Dataset, origin: str, day: dt.date) -> str:
    found = [c.id for c in dataset.convoys if c.origin is not None and c.origin.name == origin
             and c.date is not None and c.date.start == day]
    assert len(found) == 1, found
    return found[0]


# --- CSV -----------------------------------------------------------------------------------------------------


def test_csv_opens_with_a_header_and_an_hxl_row(douma: Dataset, tmp_path: Path) -> None:
    path = tmp_path / "douma.csv"
    dump_csv(douma, path)
    rows = _read_csv(path)
    assert rows[0] == HEADER
    assert len(rows[1]) == len(HEADER)
    assert all(tag.startswith("#") and " " not in tag for tag in rows[1])
    assert len(set(rows[1])) == len(rows[1])  # one tag per column
    tags = dict(zip(HEADER, rows[1], strict=True))
    assert tags["origin_admin1"] == "#adm1+name+origin"
    assert tags["origin_latitude"] == "#geo+lat+origin"
    assert tags["origin_longitude"] == "#geo+lon+origin"
    assert tags["killed_best"] == "#affected+killed"
    assert tags["factions"] == "#group+name"


def test_csv_is_utf8_with_crlf_line_ends(douma: Dataset, tmp_path: Path) -> None:
    path = tmp_path / "douma.csv"
    dump_csv(douma, path)
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == len(douma.convoys) + len(douma.figures) + 2


def test_csv_without_hxl_has_data_right_under_the_header(douma: Dataset) -> None:
    rows = to_csv_rows(douma, hxl=False)
    assert rows[0] == HEADER
    assert not rows[1][0].startswith("#")
    assert len(rows) == 1 + len(douma.convoys) + len(douma.figures)


def test_csv_has_one_row_per_consolidated_movement_and_figure(samples: Dataset) -> None:
    rows = to_csv_rows(samples)
    assert [row[0] for row in rows[2:]] == [c.id for c in samples.convoys] + [f.id for f in samples.figures]
    kinds = [(row[1], row[2]) for row in rows[2:]]
    assert kinds[: len(samples.convoys)] == [("movement", "movement")] * len(samples.convoys)
    assert kinds[len(samples.convoys):] == [("figure", f.kind.value) for f in samples.figures]
    assert all(len(row) == len(HEADER) for row in rows)


def test_csv_places_have_their_governorate_coordinates_and_precision(douma: Dataset) -> None:
    row = _by_id(to_csv_rows(douma))[_movement_from(douma, "Douma", dt.date(2018, 4, 2))]
    assert (row["origin"], row["origin_admin1"]) == ("Douma", "Rural Damascus")
    assert (float(row["origin_latitude"]), float(row["origin_longitude"])) == pytest.approx((33.5711, 36.4017))
    assert row["geo_precision"] == "city"
    assert (row["destination"], row["destination_admin1"], row["destination_geo_precision"]) == (
        "Jarablus", "Aleppo", "town")
    assert (row["date_start"], row["date_end"], row["date_precision"]) == ("2018-04-02", "2018-04-02", "day")


def test_csv_counts_and_sources(douma: Dataset) -> None:
    row = _by_id(to_csv_rows(douma))[_movement_from(douma, "Douma", dt.date(2018, 4, 2))]
    assert (row["low"], row["best"], row["high"], row["conservative"]) == ("450", "450", "460", "450")
    assert (row["buses_best"], row["people_best"], row["fighters_best"]) == ("8", "450", "")
    assert (row["sources"], row["number_of_sources"]) == ("SANA; SOHR", "2")
    assert row["reports"] == "wire-a; wire-b"


def test_csv_counts_a_relayed_originator_once(harder: Dataset, extra_gazetteer: Gazetteer) -> None:
    rows = _by_id(to_csv_rows(harder, gazetteer=extra_gazetteer))
    relayed = rows[_movement_from(harder, "Douma", dt.date(2018, 4, 1))]
    assert (relayed["sources"], relayed["number_of_sources"]) == ("SOHR", "1")
    own = rows[_movement_from(harder, "Douma", dt.date(2018, 3, 30))]
    assert (own["sources"], own["number_of_sources"]) == ("(report own-a); SANA", "2")


def test_csv_killed_figures_fill_killed_best(samples: Dataset) -> None:
    rows = _by_id(to_csv_rows(samples))
    for figure in samples.figures:
        expected = str(figure.quantity.estimate.best) if figure.kind.value == "killed" else ""
        assert rows[figure.id]["killed_best"] == expected
        assert rows[figure.id]["best"] == str(figure.quantity.estimate.best)
    assert any(row["killed_best"] for row in rows.values())


def test_csv_notes_hold_the_conflicts(samples: Dataset) -> None:
    rows = _by_id(to_csv_rows(samples))
    for conflict in samples.conflicts:
        assert conflict.message in rows[conflict.record]["notes"].split(" | ")


def test_csv_a_place_without_coordinates_is_shown_at_the_place_it_lies_in(extra_gazetteer: Gazetteer) -> None:
    report = parse("Five buses carrying 250 people left Tal Kurdi Farms for Idlib on Monday, SANA said.",
                   published=PUBLISHED, report_id="farms", gazetteer=extra_gazetteer)
    assert report.convoys[0].origin is not None
    assert report.convoys[0].origin.name == "Tal Kurdi Farms"
    row = _by_id(to_csv_rows(merge([report], gazetteer=extra_gazetteer), gazetteer=extra_gazetteer)).popitem()[1]
    assert (row["origin"], row["origin_admin1"], row["geo_precision"]) == ("Tal Kurdi Farms", "Rural Damascus", "city")
    assert (row["origin_latitude"], row["origin_longitude"]) == ("33.5711", "36.4017")  # Douma's


def test_csv_round_trips_commas_quotes_and_newlines(douma: Dataset, tmp_path: Path) -> None:
    movement = douma.convoys[0].id
    awkward = Conflict(kind=ConflictKind.DISJOINT, record=movement, slot="people", claims=(),
                       message='people: one desk says "about 1,000",\nanother, "nearer 900"')
    dataset = attrs.evolve(douma, conflicts=(*douma.conflicts, awkward))
    path = tmp_path / "awkward.csv"
    dump_csv(dataset, path)
    rows = _read_csv(path)
    assert rows == to_csv_rows(dataset)
    assert awkward.message in _by_id(rows)[movement]["notes"]


def test_csv_round_trips_a_report_id_with_separators(tmp_path: Path) -> None:
    name = 'desk, "late"\nedition'
    dataset = merge([parse(DOUMA_SENTENCES["wire-a"], published=PUBLISHED, report_id=name)])
    path = tmp_path / "odd.csv"
    dump_csv(dataset, path)
    assert _by_id(_read_csv(path))[dataset.convoys[0].id]["reports"] == name


FORMULAS: Final = ["=cmd|' /C calc'!A0", "+1+2", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"]


@pytest.mark.parametrize("start", FORMULAS, ids=["equals", "plus", "minus", "at", "tab", "return"])
def test_csv_neutralizes_what_a_spreadsheet_would_execute(douma: Dataset, start: str) -> None:
    movement = douma.convoys[0].id
    conflict = Conflict(kind=ConflictKind.DISJOINT, record=movement, slot="people", claims=(), message=start)
    rows = _by_id(to_csv_rows(attrs.evolve(douma, conflicts=(conflict,))))
    assert rows[movement]["notes"] == "'" + start


def test_csv_neutralizes_a_report_id_that_is_a_formula() -> None:
    name = "=cmd|' /C calc'!A0"
    dataset = merge([parse(DOUMA_SENTENCES["wire-a"], published=PUBLISHED, report_id=name)])
    rows = to_csv_rows(dataset)
    cell = _by_id(rows)[dataset.convoys[0].id]["reports"]
    assert cell.startswith("'")
    assert cell == "'" + name
    assert not any(c.startswith(("=", "+", "@")) for row in rows[2:] for c in row)


@pytest.mark.parametrize(("cell", "written"), [
    ("-95.7129", "-95.7129"),  # a longitude west of Greenwich is a number, not a formula
    ("-3", "-3"),
    ("-3-2", "'-3-2"),
    ("- 1", "'- 1"),
    ("plain", "plain"),
    ("", ""),
])
def test_neutralizing_leaves_numbers_alone(cell: str, written: str) -> None:
    assert csv_export._neutralized(cell) == written

#: Names and a message with everything CSV must quote (commas, double quotes, line breaks) that also start with
#: what a spreadsheet would execute. Made up for the test; no such places, groups or desks exist.
AWKWARD: Final = {
    "origin": '=HYPERLINK("http://example.invalid"), "Old Quarter"',
    "destination": "+North Camp, block\n7",
    "faction": '-Brigade "Dawn", east',
    "source": '@Night desk, "late"\nedition',
    "message": '-1 or "more", says one desk;\n=SUM(A1:A9) says another',
}


def _awkward_dataset() -> Dataset:
    origin = Place(name=AWKWARD["origin"], kind=PlaceKind.DISTRICT, parent="Douma")
    destination = Place(name=AWKWARD["destination"], kind=PlaceKind.TOWN)
    faction = Faction(name=AWKWARD["faction"], kind=FactionKind.ARMED_GROUP)
    source = Source(name=AWKWARD["source"], kind=SourceKind.MONITOR)
    convoy = Convoy(id="awkward#c0", origin=origin, destination=destination, factions=[faction], sources=[source],
                    people=Quantity(value=120), date=DateRange.day(dt.date(2018, 4, 2)))
    report = Report(id="awkward", text="", places=[origin, destination], factions=[faction], sources=[source],
                    convoys=[convoy])
    dataset = merge([report])
    conflict = Conflict(kind=ConflictKind.DISJOINT, record=dataset.convoys[0].id, slot="people", claims=(),
                        message=AWKWARD["message"])
    return attrs.evolve(dataset, conflicts=(conflict,))


def test_csv_round_trips_and_neutralizes_awkward_names(tmp_path: Path) -> None:
    dataset = _awkward_dataset()
    path = tmp_path / "awkward.csv"
    dump_csv(dataset, path)
    rows = _read_csv(path)
    assert rows == to_csv_rows(dataset)
    assert all(len(row) == len(HEADER) for row in rows)
    row = _by_id(rows)[dataset.convoys[0].id]
    assert row["origin"] == "'" + AWKWARD["origin"]
    assert row["destination"] == "'" + AWKWARD["destination"]
    assert row["factions"] == "'" + AWKWARD["faction"]
    assert row["sources"] == "'" + AWKWARD["source"]
    assert row["notes"] == "'" + AWKWARD["message"]
    assert row["origin_admin1"] == "Rural Damascus"  # found through the parent, whatever the name
    for cell in (c for r in rows[2:] for c in r):
        assert not cell.startswith(csv_export._FORMULA_STARTS) or csv_export.RE_DECIMAL.match(cell), cell



def test_coordinates_are_written_in_plain_decimals() -> None:
    assert csv_export._coordinate(1e-05) == "0.00001"
    assert csv_export._coordinate(-1e-09) == "0"
    assert csv_export._coordinate(36.40170000001) == "36.4017"
    assert csv_export._coordinate(None) == ""


def test_csv_replaces_an_existing_file_whole(douma: Dataset, tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_text("old contents\n" * 1000, encoding="utf-8")
    dump_csv(douma, path)
    assert "old contents" not in path.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


# --- GeoJSON -------------------------------------------------------------------------------------------------


def _check_position(position: object) -> None:
    assert isinstance(position, list)
    assert len(position) == 2
    assert all(type(value) is float and math.isfinite(value) for value in position)
    lon, lat = position
    assert -180 <= lon <= 180
    assert -90 <= lat <= 90


def _check_geojson(document: Any) -> None:
    """The structure RFC 7946 asks of a FeatureCollection of Points and LineStrings."""
    assert isinstance(document, dict)
    assert document["type"] == "FeatureCollection"
    assert isinstance(document["features"], list)
    for feature in document["features"]:
        assert isinstance(feature, dict)
        assert feature["type"] == "Feature"
        assert isinstance(feature.get("id"), str | int)
        assert isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        assert isinstance(geometry, dict)
        assert geometry["type"] in ("Point", "LineString")
        if geometry["type"] == "Point":
            _check_position(geometry["coordinates"])
        else:
            assert isinstance(geometry["coordinates"], list)
            assert len(geometry["coordinates"]) >= 2
            for position in geometry["coordinates"]:
                _check_position(position)
    json.dumps(document, allow_nan=False)


def _features(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {feature["id"]: feature for feature in document["features"]}


def test_geojson_is_a_valid_feature_collection(samples: Dataset) -> None:
    document = to_geojson(samples)
    _check_geojson(document)
    placed = len(document["features"]) + len(document["omitted"])
    assert placed == len(samples.convoys) + len(samples.figures) + len(samples.events)


def test_geojson_leaves_out_only_what_has_no_place_and_names_it(samples: Dataset) -> None:
    document = to_geojson(samples)
    unplaced = [f.id for f in samples.figures if f.place is None] + [e.id for e in samples.events if e.place is None]
    unplaced += [c.id for c in samples.convoys if c.origin is None and c.destination is None]
    assert sorted(document["omitted"]) == sorted(unplaced)
    assert unplaced  # the samples hold figures without a place
    assert not set(document["omitted"]) & set(_features(document))


def test_geojson_draws_a_movement_with_both_ends_as_a_line_in_lon_lat_order(douma: Dataset) -> None:
    feature = _features(to_geojson(douma))[_movement_from(douma, "Douma", dt.date(2018, 4, 2))]
    assert feature["geometry"]["type"] == "LineString"
    (lon, lat), (lon2, lat2) = feature["geometry"]["coordinates"]
    assert (lon, lat) == pytest.approx((36.4017, 33.5711))  # Douma: longitude first
    assert (lon2, lat2) == pytest.approx((38.0111, 36.8175))  # Jarablus
    properties = feature["properties"]
    assert (properties["origin"], properties["destination"]) == ("Douma", "Jarablus")
    assert (properties["low"], properties["best"], properties["high"], properties["conservative"]) == (
        450, 450, 460, 450)
    assert properties["estimates"]["buses"]["best"] == 8
    assert properties["sources"] == ["SANA", "SOHR"]
    assert (properties["number_of_members"], properties["number_of_reports"]) == (2, 2)


def test_geojson_draws_a_movement_with_one_end_as_a_point() -> None:
    dataset = merge(_parsed({"one-end": DOUMA_SENTENCES["wire-b"]}))
    (feature,) = to_geojson(dataset)["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [36.4017, 33.5711]}
    assert feature["properties"]["destination"] is None


def test_geojson_places_figures_and_events_as_points(samples: Dataset) -> None:
    features = _features(to_geojson(samples))
    placed: list[ConsolidatedFigure | ConsolidatedEvent] = [*samples.figures, *samples.events]
    for record in placed:
        if record.place is not None:
            assert features[record.id]["geometry"]["type"] == "Point"
            assert features[record.id]["properties"]["origin"] == record.place.name
    kinds = {f["properties"]["record_type"] for f in features.values()}
    assert kinds == {"movement", "figure", "event"}


def test_geojson_coordinates_have_at_most_six_decimals(extra_gazetteer: Gazetteer) -> None:
    report = parse("Four buses carrying 200 people left Precise Hill for Idlib on Monday, SANA said.",
                   published=PUBLISHED, report_id="hill", gazetteer=extra_gazetteer)
    (feature,) = to_geojson(merge([report], gazetteer=extra_gazetteer), gazetteer=extra_gazetteer)["features"]
    assert feature["geometry"]["coordinates"][0] == [36.987654, 33.123457]


def test_geojson_file_is_the_collection(samples: Dataset, tmp_path: Path) -> None:
    path = tmp_path / "samples.geojson"
    dump_geojson(samples, path)
    assert json.loads(path.read_text(encoding="utf-8")) == to_geojson(samples)


def test_exports_reject_what_is_not_a_dataset(samples: Dataset, tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="expects a Dataset"):
        to_csv_rows(samples.reports[0])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expects a Dataset"):
        to_geojson(samples.reports[0])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expects a Dataset"):
        dump_sqlite(samples.reports[0], tmp_path / "x.db")  # type: ignore[arg-type]


# --- SQLite --------------------------------------------------------------------------------------------------

TABLES: Final = {
    "reports", "sources", "factions", "places", "movements", "figures", "events", "records", "record_sources",
    "claims", "claim_sources", "estimates", "conflicts", "conflict_claims", "movement_factions", "event_factions",
    "dataset",
}


@pytest.fixture
def connect(tmp_path: Path) -> Iterator[Any]:
    """Write a dataset to a fresh database and open it; the connections are closed afterwards."""
    opened: list[sqlite3.Connection] = []

    def open_database(dataset: Dataset, gazetteer: Gazetteer | None = None) -> sqlite3.Connection:
        path = tmp_path / f"dataset{len(opened)}.db"
        dump_sqlite(dataset, path, gazetteer=gazetteer)
        connection = sqlite3.connect(path)
        opened.append(connection)
        return connection

    yield open_database
    for connection in opened:
        connection.close()


def _query(connection: sqlite3.Connection, sql: str) -> list[tuple[Any, ...]]:
    return connection.execute(sql).fetchall()


def test_sqlite_has_every_table_and_its_version(samples: Dataset, connect: Any) -> None:
    connection = connect(samples)
    names = {row[0] for row in _query(connection, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert names == TABLES
    assert _query(connection, "PRAGMA user_version") == [(2,)]
    assert SQLITE_USER_VERSION == 2


def test_sqlite_foreign_keys_hold(samples: Dataset, harder: Dataset, extra_gazetteer: Gazetteer,
                                  connect: Any) -> None:
    for connection in (connect(samples), connect(harder, extra_gazetteer)):
        assert _query(connection, "PRAGMA foreign_key_check") == []
        declared = sum(len(_query(connection, f"PRAGMA foreign_key_list({table})")) for table in TABLES)
        assert declared >= 15


def test_sqlite_every_foreign_key_has_an_index(samples: Dataset, connect: Any) -> None:
    connection = connect(samples)
    for table in TABLES:
        leading = set()
        for index in _query(connection, f"PRAGMA index_list({table})"):
            columns = _query(connection, f"PRAGMA index_info({index[1]})")
            leading.add(columns[0][2])
        for key in _query(connection, f"PRAGMA foreign_key_list({table})"):
            assert key[3] in leading, f"{table}.{key[3]} has no index"
    named = {(row[0], row[1]) for row in _query(connection, "SELECT tbl_name, sql FROM sqlite_master WHERE type = "
                                                            "'index' AND sql IS NOT NULL")}
    for table, column in [("movements", "origin"), ("movements", "date_start"), ("claims", "consolidated_id"),
                          ("records", "report")]:
        assert any(t == table and f"({column})" in sql for t, sql in named), (table, column)


def test_sqlite_holds_every_claim_with_its_attribution_chain(samples: Dataset, connect: Any) -> None:
    connection = connect(samples)
    expected: list[tuple[str, str, Claim]] = []
    for convoy in samples.convoys:
        for slot in ("buses", "people", "fighters", "civilians"):
            tally = getattr(convoy, slot)
            if tally is not None:
                expected.extend((convoy.id, slot, c) for c in tally.claims)
    expected.extend((f.id, "quantity", c) for f in samples.figures for c in f.quantity.claims)
    rows = _query(connection, "SELECT id, consolidated_id, slot, record, report, value, qualifier, low, high "
                              "FROM claims ORDER BY id")
    assert len(rows) == len(expected)
    assert sorted(row[1:] for row in rows) == sorted(
        (cid, slot, c.record, c.report, c.quantity.value, c.quantity.qualifier.value, c.quantity.low,
         c.quantity.high) for cid, slot, c in expected)
    chains: dict[int, list[str]] = {}
    for claim, _position, source in _query(connection, "SELECT claim, position, source FROM claim_sources "
                                                       "ORDER BY claim, position"):
        chains.setdefault(claim, []).append(source)
    by_key = {(row[1], row[2], row[3], row[5]): chains.get(row[0], []) for row in rows}
    for cid, slot, claim in expected:
        assert by_key[(cid, slot, claim.record, claim.quantity.value)] == [s.name for s in claim.sources]


def test_sqlite_links_every_parsed_record_to_its_report_and_movement(samples: Dataset, connect: Any) -> None:
    connection = connect(samples)
    rows = set(_query(connection, "SELECT id, report, record_type, consolidated_id FROM records"))
    expected: set[tuple[str, str, str, str]] = set()
    consolidated: list[tuple[Sequence[ConsolidatedConvoy | ConsolidatedFigure | ConsolidatedEvent], str]] = [
        (samples.convoys, "movement"), (samples.figures, "figure"), (samples.events, "event")]
    for records, record_type in consolidated:
        for record in records:
            members: Sequence[Convoy | Figure | Event] = record.members
            expected.update((m.id, r, record_type, record.id) for m, r in zip(members, record.reports, strict=True))
    assert rows == expected
    assert len(rows) == sum(len(r.convoys) + len(r.figures) + len(r.events) for r in samples.reports)


def test_sqlite_estimates_conflicts_and_factions(samples: Dataset, connect: Any) -> None:
    connection = connect(samples)
    for convoy in samples.convoys:
        assert convoy.people is not None
        e = convoy.people.estimate
        assert _query(connection, f"SELECT low, best, high, conservative FROM estimates "
                                  f"WHERE consolidated_id = '{convoy.id}' AND slot = 'people'") == [
            (e.low, e.best, e.high, e.conservative)]
        factions = _query(connection, f"SELECT faction FROM movement_factions WHERE movement = '{convoy.id}'")
        assert sorted(f for (f,) in factions) == sorted(f.name for f in convoy.factions)
    conflicts = _query(connection, "SELECT consolidated_id, slot, kind, message FROM conflicts ORDER BY id")
    assert conflicts == [(c.record, c.slot, c.kind.value, c.message) for c in samples.conflicts]
    for number, conflict in enumerate(samples.conflicts, start=1):
        linked = _query(connection, f"SELECT COUNT(*) FROM conflict_claims WHERE conflict = {number}")
        assert linked == [(len(set(conflict.claims)),)]


def test_sqlite_places_can_be_followed_up_to_the_country(samples: Dataset, connect: Any) -> None:
    connection = connect(samples)
    chain = _query(connection, """
        WITH RECURSIVE up (name, parent) AS (
            SELECT name, parent FROM places WHERE name = 'Douma'
            UNION ALL
            SELECT places.name, places.parent FROM places JOIN up ON places.name = up.parent
        )
        SELECT name FROM up""")
    assert [name for (name,) in chain] == ["Douma", "Eastern Ghouta", "Rural Damascus", "Syria"]


def test_douma_query_finds_the_movement_with_two_sources(douma: Dataset, connect: Any) -> None:
    connection = connect(douma)
    cursor = connection.execute(sqlite_queries()[DOUMA_QUERY])
    columns = [d[0] for d in cursor.description]
    rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    two_sources = _movement_from(douma, "Douma", dt.date(2018, 4, 2))
    assert [row["id"] for row in rows] == [two_sources]
    (row,) = rows
    assert (row["date_start"], row["people_best"], row["people_low"], row["people_high"]) == (
        "2018-04-02", 450, 450, 460)
    assert row["originators"] == 2
    # The other two movements are there, with one source each.
    assert len(_query(connection, "SELECT id FROM movements")) == 3


def test_douma_query_counts_originators_and_follows_places_inside_douma(
    harder: Dataset, extra_gazetteer: Gazetteer, connect: Any
) -> None:
    connection = connect(harder, extra_gazetteer)
    found = [row[0] for row in _query(connection, sqlite_queries()[DOUMA_QUERY])]
    quarter = _movement_from(harder, "Douma Old Quarter", dt.date(2018, 3, 31))
    own = _movement_from(harder, "Douma", dt.date(2018, 3, 30))
    relayed = _movement_from(harder, "Douma", dt.date(2018, 4, 1))
    harasta = _movement_from(harder, "Harasta", dt.date(2018, 4, 2))
    assert sorted(found) == sorted([quarter, own])
    assert relayed not in found  # AFP relaying SOHR, and SOHR itself: one originator
    assert harasta not in found  # two sources, but not from Douma


def test_every_example_query_runs(samples: Dataset, connect: Any) -> None:
    connection = connect(samples)
    queries = sqlite_queries()
    assert DOUMA_QUERY in queries
    for name, sql in queries.items():
        assert sql.startswith("--"), name
        assert _query(connection, sql), name
    queries.clear()
    assert DOUMA_QUERY in sqlite_queries()  # a copy each time


def test_sqlite_replaces_an_existing_file_whole(douma: Dataset, samples: Dataset, tmp_path: Path) -> None:
    path = tmp_path / "dataset.db"
    path.write_bytes(b"not a database at all\n" * 100)
    dump_sqlite(samples, path)
    dump_sqlite(douma, path)
    with closing(sqlite3.connect(path)) as connection:
        assert sorted(r for (r,) in _query(connection, "SELECT id FROM reports")) == sorted(DOUMA_SENTENCES)
        assert _query(connection, "PRAGMA integrity_check") == [("ok",)]
    assert [p.name for p in tmp_path.iterdir()] == ["dataset.db"]


def test_sqlite_keeps_places_unknown_to_the_gazetteer(connect: Any) -> None:
    nowhere = Place(name="Nowhere Farms", kind=PlaceKind.TOWN, parent="Unmapped Valley")
    inside = Place(name="Little Douma", kind=PlaceKind.DISTRICT, parent="Douma")
    sana = Source(name="SANA", kind=SourceKind.STATE_MEDIA)
    reports = [
        Report(id=f"hand-{n}", text="", convoys=[Convoy(id=f"hand-{n}#c0", origin=place, sources=[sana],
                                                        people=Quantity(value=100 * (n + 1)),
                                                        date=DateRange.day(dt.date(2018, 4, n + 1)))])
        for n, place in enumerate([nowhere, inside])
    ]
    dataset = merge(reports)
    connection = connect(dataset)
    assert _query(connection, "PRAGMA foreign_key_check") == []
    places = {row[0]: row[1:] for row in _query(connection, "SELECT name, kind, parent FROM places")}
    assert places["Nowhere Farms"] == ("town", "Unmapped Valley")
    assert places["Unmapped Valley"] == (None, None)
    assert places["Little Douma"] == ("district", "Douma")
    assert places["Douma"] == ("city", "Eastern Ghouta")
    row = _by_id(to_csv_rows(dataset))[_movement_from(dataset, "Little Douma", dt.date(2018, 4, 2))]
    assert (row["origin_admin1"], row["origin_latitude"], row["geo_precision"]) == ("Rural Damascus", "33.5711",
                                                                                   "city")


def test_sqlite_refuses_two_records_with_one_id(tmp_path: Path) -> None:
    douma = default_gazetteer().place("Douma")
    reports = [Report(id=name, text="", convoys=[Convoy(id="c0", origin=douma, people=Quantity(value=n))])
               for name, n in (("first", 100), ("second", 5000))]
    path = tmp_path / "x.db"
    with pytest.raises(InputError, match="'c0'"):
        dump_sqlite(merge(reports), path)
    assert list(tmp_path.iterdir()) == []



# --- SQLite: reading back ------------------------------------------------------------------------------------


def _dumped_and_loaded(dataset: Dataset, path: Path, gazetteer: Gazetteer | None = None) -> Dataset:
    dump_sqlite(dataset, path, gazetteer=gazetteer)
    return load_sqlite(path)


def _dated_row(date: DateRange | None) -> tuple[str | None, str | None, str | None]:
    if date is None:
        return None, None, None
    return date.start.isoformat(), date.end.isoformat(), date.precision.value


def _name(place: Place | None) -> str | None:
    return None if place is None else place.name


def _check_tables_agree(path: Path, dataset: Dataset) -> None:
    """The normalized tables of the database at ``path`` say what the records of ``dataset`` say."""
    with closing(sqlite3.connect(path)) as connection:
        assert _query(connection, "SELECT id, published, digest, anchor FROM reports ORDER BY rowid") == [
            (r.id, None if r.published is None else r.published.isoformat(), r.digest,
             sqlite_export._iso_range(r.anchor))
            for r in dataset.reports]
        assert _query(connection, "SELECT * FROM movements") == [
            (c.id, *_dated_row(c.date), _name(c.origin), _name(c.destination)) for c in dataset.convoys]
        assert _query(connection, "SELECT * FROM figures") == [
            (f.id, f.kind.value, *_dated_row(f.date), _name(f.place)) for f in dataset.figures]
        assert _query(connection, "SELECT * FROM events") == [
            (e.id, e.kind.value, *_dated_row(e.date), _name(e.place)) for e in dataset.events]
        assert sorted(_query(connection, "SELECT * FROM movement_factions")) == sorted(
            (c.id, f.name) for c in dataset.convoys for f in c.factions)
        assert sorted(_query(connection, "SELECT * FROM event_factions")) == sorted(
            (e.id, f.name) for e in dataset.events for f in e.factions)
        members: list[tuple[str, str, str, str]] = []
        tallies: list[tuple[str, str, Tally]] = []
        for convoy in dataset.convoys:
            members.extend((m.id, r, "movement", convoy.id) for m, r in zip(convoy.members, convoy.reports,
                                                                            strict=True))
            tallies.extend((convoy.id, slot, t) for slot in ("buses", "people", "fighters", "civilians")
                           if (t := getattr(convoy, slot)) is not None)
        for figure in dataset.figures:
            members.extend((m.id, r, "figure", figure.id) for m, r in zip(figure.members, figure.reports, strict=True))
            tallies.append((figure.id, "quantity", figure.quantity))
        for event in dataset.events:
            members.extend((m.id, r, "event", event.id) for m, r in zip(event.members, event.reports, strict=True))
        assert sorted(_query(connection, "SELECT * FROM records")) == sorted(members)
        assert sorted(_query(connection, "SELECT * FROM estimates")) == sorted(
            (cid, slot, t.estimate.low, t.estimate.best, t.estimate.high, t.estimate.conservative)
            for cid, slot, t in tallies)
        chains: dict[int, list[str]] = defaultdict(list)
        for claim, source in _query(connection, "SELECT claim, source FROM claim_sources ORDER BY claim, position"):
            chains[claim].append(source)
        rows = Counter((*row[1:], tuple(chains[row[0]])) for row in _query(
            connection, "SELECT id, consolidated_id, slot, record, report, value, qualifier, low, high FROM claims"))
        assert rows == Counter(
            (cid, slot, c.record, c.report, c.quantity.value, c.quantity.qualifier.value, c.quantity.low,
             c.quantity.high, tuple(s.name for s in c.sources)) for cid, slot, t in tallies for c in t.claims)
        assert _query(connection, "SELECT consolidated_id, slot, kind, message FROM conflicts ORDER BY id") == [
            (c.record, c.slot, c.kind.value, c.message) for c in dataset.conflicts]
        assert _query(connection, "PRAGMA foreign_key_check") == []


def test_sqlite_reads_back_the_samples(samples: Dataset, tmp_path: Path) -> None:
    path = tmp_path / "samples.db"
    loaded = _dumped_and_loaded(samples, path)
    assert loaded == samples
    assert [r.text for r in loaded.reports] == [r.text for r in samples.reports]  # the texts are kept too
    _check_tables_agree(path, loaded)


def test_sqlite_reads_back_a_dataset_merged_with_another_gazetteer(
    harder: Dataset, extra_gazetteer: Gazetteer, tmp_path: Path
) -> None:
    path = tmp_path / "harder.db"
    assert _dumped_and_loaded(harder, path, extra_gazetteer) == harder  # no gazetteer needed to read it back
    _check_tables_agree(path, harder)


def test_sqlite_reads_back_what_merge_did_not_make(douma: Dataset, tmp_path: Path) -> None:
    awkward = Conflict(kind=ConflictKind.DISJOINT, record=douma.convoys[0].id, slot="people", claims=(),
                       message='one desk says "450",\nanother "=460"')
    dataset = attrs.evolve(douma, reports=tuple(reversed(douma.reports)), conflicts=(*douma.conflicts, awkward))
    path = tmp_path / "by-hand.db"
    loaded = _dumped_and_loaded(dataset, path)
    assert loaded == dataset
    assert [r.id for r in loaded.reports] == sorted(DOUMA_SENTENCES, reverse=True)
    assert loaded != douma
    _check_tables_agree(path, loaded)


def test_sqlite_reads_back_awkward_names(tmp_path: Path) -> None:
    dataset = _awkward_dataset()
    path = tmp_path / "awkward.db"
    assert _dumped_and_loaded(dataset, path) == dataset
    _check_tables_agree(path, dataset)


@settings(max_examples=30, deadline=None)
@given(data=st.data(), reports=gst.report_lists(max_size=4))
def test_sqlite_reads_back_generated_datasets(
    data: st.DataObject, reports: list[Report], tmp_path_factory: pytest.TempPathFactory
) -> None:
    merged = merge(reports)
    dataset = attrs.evolve(merged, reports=data.draw(st.permutations(merged.reports)))  # any order is kept
    path = tmp_path_factory.mktemp("generated") / "dataset.db"
    loaded = _dumped_and_loaded(dataset, path)
    assert loaded == dataset
    _check_tables_agree(path, loaded)


def test_sqlite_reading_back_changes_nothing(douma: Dataset, tmp_path: Path) -> None:
    path = tmp_path / "douma.db"
    dump_sqlite(douma, path)
    before = path.read_bytes()
    assert load_sqlite(str(path)) == douma
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["douma.db"]


def test_sqlite_reading_a_missing_file_or_a_folder_fails(tmp_path: Path) -> None:
    path = tmp_path / "missing.db"
    with pytest.raises(InputError, match="no such file") as caught:
        load_sqlite(path)
    assert caught.value.path == str(path)
    assert not path.exists()
    with pytest.raises(InputError, match="not a file"):
        load_sqlite(tmp_path)


@pytest.mark.parametrize("content", [b"not a database at all\n" * 100, b"SQLite format 3\x00" + b"\xff" * 200],
                         ids=["text", "bad-header"])
def test_sqlite_reading_what_is_not_sqlite_fails(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(content)
    with pytest.raises(InputError, match="not an SQLite database") as caught:
        load_sqlite(path)
    assert caught.value.path == str(path)
    assert str(path) in str(caught.value)


def _damaged(douma: Dataset, path: Path, *statements: str) -> Path:
    dump_sqlite(douma, path)
    with closing(sqlite3.connect(path)) as connection:
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    return path


@pytest.mark.parametrize("version", [0, 1, 3])
def test_sqlite_reading_another_layout_fails(douma: Dataset, tmp_path: Path, version: int) -> None:
    path = _damaged(douma, tmp_path / "x.db", f"PRAGMA user_version = {version}")
    with pytest.raises(InputError, match=f"version {version} is not supported") as caught:
        load_sqlite(path)
    assert caught.value.path == str(path)


def test_sqlite_reading_another_programs_database_fails(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE notes (body TEXT)")
        connection.commit()
    with pytest.raises(InputError, match="version 0 is not supported"):
        load_sqlite(path)


@pytest.mark.parametrize(("statements", "message"), [
    (["DROP TABLE dataset"], "not a database written by dump_sqlite"),
    (["ALTER TABLE reports DROP COLUMN document"], "not a database written by dump_sqlite"),
    (["DELETE FROM dataset"], "holds 0 rows"),
    (["DELETE FROM reports WHERE id = 'wire-b'"], "lacks the report.*'wire-b'"),
    (["UPDATE reports SET document = '{' WHERE id = 'wire-b'"], r"reports row 2 \(id 'wire-b'\): not JSON"),
    (["UPDATE reports SET document = x'00ff' WHERE id = 'wire-b'"], "expected a JSON document, got bytes"),
    (["UPDATE reports SET document = (SELECT document FROM reports WHERE id = 'wire-a') WHERE id = 'wire-b'"],
     "not the report 'wire-b'"),
    (["UPDATE dataset SET document = (SELECT document FROM reports WHERE id = 'wire-a')"],
     "expected a dataset document"),
    (["UPDATE dataset SET document = json_set(document, '$.version', 99)"], "schema version 99"),
], ids=["no-dataset-table", "no-document-column", "no-dataset-row", "report-missing", "report-not-json",
        "report-blob", "report-swapped", "dataset-is-a-report", "dataset-newer"])
def test_sqlite_reading_a_database_without_its_documents_fails(
    douma: Dataset, tmp_path: Path, statements: list[str], message: str
) -> None:
    path = _damaged(douma, tmp_path / "x.db", "PRAGMA foreign_keys = OFF", *statements)
    with pytest.raises(InputError, match=message) as caught:
        load_sqlite(path)
    assert caught.value.path == str(path)


# --- Command line ----------------------------------------------------------------------------------------------


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_exports_csv_to_stdout(samples_jsonl: Path, samples: Dataset,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["export", "--format", "csv", str(samples_jsonl)], capsys)
    assert (code, err) == (EXIT_OK, "")
    rows = list(csv.reader(out.splitlines()))
    assert rows[0] == HEADER
    assert rows[1][0] == "#meta+id"
    assert len(rows) == 2 + len(samples.convoys) + len(samples.figures)


def test_cli_exports_csv_without_hxl_to_a_file(samples_jsonl: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "samples.csv"
    code, out, _ = run(["export", "--format", "csv", "--no-hxl", "-o", str(target), str(samples_jsonl)], capsys)
    assert (code, out) == (EXIT_OK, "")
    rows = _read_csv(target)
    assert rows[0] == HEADER
    assert not rows[1][0].startswith("#")


def test_cli_exports_geojson(samples_jsonl: Path, tmp_path: Path, samples: Dataset,
                             capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["export", "--format", "geojson", str(samples_jsonl)], capsys)
    assert code == EXIT_OK
    document = json.loads(out)
    _check_geojson(document)
    assert document == to_geojson(samples)
    target = tmp_path / "samples.geojson"
    assert run(["export", "--format", "geojson", "-o", str(target), str(samples_jsonl)], capsys)[0] == EXIT_OK
    assert json.loads(target.read_text(encoding="utf-8")) == document


def test_cli_exports_sqlite(samples_jsonl: Path, tmp_path: Path, samples: Dataset,
                            capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "x.db"
    code, out, err = run(["export", "--format", "sqlite", "-o", str(target), str(samples_jsonl)], capsys)
    assert (code, out, err) == (EXIT_OK, "", "")
    with closing(sqlite3.connect(target)) as connection:
        assert _query(connection, "SELECT COUNT(*) FROM movements") == [(len(samples.convoys),)]
        assert _query(connection, "SELECT COUNT(*) FROM reports") == [(len(samples.reports),)]
        assert _query(connection, "PRAGMA foreign_key_check") == []


def test_cli_exports_a_dataset_document(samples_jsonl: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    dataset_file = tmp_path / "dataset.json"
    assert run(["merge", str(samples_jsonl), "-o", str(dataset_file)], capsys)[0] == EXIT_OK
    dataset = from_json(dataset_file.read_text(encoding="utf-8"))
    assert isinstance(dataset, Dataset)
    code, out, _ = run(["export", "--format", "csv", str(dataset_file)], capsys)
    assert code == EXIT_OK
    assert list(csv.reader(out.splitlines())) == to_csv_rows(dataset)


def test_cli_sqlite_needs_an_output_file(samples_jsonl: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["export", "--format", "sqlite", str(samples_jsonl)], capsys)
    assert (code, out) == (EXIT_USAGE, "")
    assert err.strip().count("\n") == 0
    assert "-o FILE" in err
    assert "Traceback" not in err
    monkeypatch.setattr(sys, "stdin", _Unreadable())  # the check comes before any input is read
    assert run(["export", "--format", "sqlite", "-o", "-"], capsys)[0] == EXIT_USAGE


def test_cli_unwritable_output_is_one_line(samples_jsonl: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "no" / "such" / "folder" / "x.db"
    code, _, err = run(["export", "--format", "sqlite", "-o", str(target), str(samples_jsonl)], capsys)
    assert code == EXIT_OUTPUT
    assert err.strip().count("\n") == 0
    assert str(target) in err


def test_cli_export_without_reports_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    code, out, err = run(["export", "--format", "csv", str(empty)], capsys)
    assert (code, out) == (EXIT_USAGE, "")
    assert "nothing to export" in err


class _Unreadable:
    """A stand-in for sys.stdin that fails the test if anything reads it."""

    def read(self) -> str:
        raise AssertionError("stdin was read")


# --- Documentation ---------------------------------------------------------------------------------------------


def test_docstring_examples() -> None:
    for module in (csv_export, sqlite_export):
        assert doctest.testmod(module, raise_on_error=False).failed == 0
