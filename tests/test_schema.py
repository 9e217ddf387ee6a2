"""The bundled JSON Schema: valid itself, in step with the records, and in agreement with ``to_json`` and ``from_json``.

Every document ``to_json`` writes (parsed reports, merged datasets, generated ones) must validate; documents
``from_json`` refuses for their layout (an unknown field, a wrong enum value, a missing required field, a wrong
type) must be refused by the schema too. The schema's records, fields, types and enum values are compared with the
code's, so the two cannot drift apart.
"""

from __future__ import annotations

import copy
import datetime as dt
import doctest
import enum
import json
import types
import typing
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any, Final, Union

import attrs
import pytest
import strategies as gst
from hypothesis import given, settings
from jsonschema import Draft202012Validator

import ghouta_events as ge
from ghouta_events._model import INFERABLE_SLOTS

ROOT: Final = Path(__file__).resolve().parents[1]
CORPUS: Final = ROOT.parent / "shared" / "corpus"
SCHEMA_FILE: Final = ROOT / "ghouta_events" / "data" / "schema-v1.json"

SCHEMA: Final = ge.json_schema()
VALIDATOR: Final = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
DEFS: Final[dict[str, Any]] = SCHEMA["$defs"]
GAZ: Final = ge.default_gazetteer()

Document = dict[str, Any]


def _errors(document: object) -> list[str]:
    """What the schema finds wrong with a document, one line per error (empty when it is valid)."""
    return [f"{error.json_path}: {error.message}" for error in VALIDATOR.iter_errors(document)]


def _document(obj: ge.Report | ge.Dataset) -> Document:
    document: Document = json.loads(ge.to_json(obj))
    return document


# --- The schema itself -------------------------------------------------------------------------------------


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_json_schema_returns_the_bundled_file_as_a_fresh_copy() -> None:
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == SCHEMA
    first = ge.json_schema()
    first["$defs"].clear()
    assert ge.json_schema() == SCHEMA


def test_json_schema_docstring_example() -> None:
    finder, runner = doctest.DocTestFinder(), doctest.DocTestRunner(verbose=False)
    for test in finder.find(ge.json_schema, "json_schema", globs={"json_schema": ge.json_schema}):
        runner.run(test)
    assert runner.summarize(verbose=False).attempted >= 1
    assert runner.summarize(verbose=False).failed == 0


def test_envelope_matches_the_writer() -> None:
    properties = SCHEMA["properties"]
    assert properties["schema"] == {"const": "ghouta-events"}
    assert properties["version"] == {"const": ge.SCHEMA_VERSION}
    assert properties["type"] == {"enum": ["report", "dataset"]}
    assert SCHEMA["additionalProperties"] is False
    assert SCHEMA_FILE.name == f"schema-v{ge.SCHEMA_VERSION}.json"


# --- In step with the code: records, fields, types, enums ---------------------------------------------------


def _walk(cls: type, seen: dict[str, type]) -> None:
    """Every record and enum reachable from ``cls`` through its fields' type hints, by name."""
    if cls.__name__ in seen:
        return
    seen[cls.__name__] = cls
    if not attrs.has(cls):
        return
    for hint in typing.get_type_hints(cls).values():
        for inner in _leaves(hint):
            if attrs.has(inner) or issubclass(inner, enum.Enum):
                _walk(inner, seen)


def _leaves(hint: Any) -> Iterator[type]:
    args = typing.get_args(hint)
    if args:
        for arg in args:
            if arg is not Ellipsis:
                yield from _leaves(arg)
    elif isinstance(hint, type):
        yield hint


def _reachable() -> dict[str, type]:
    seen: dict[str, type] = {}
    _walk(ge.Report, seen)
    _walk(ge.Dataset, seen)
    return seen


REACHABLE: Final = _reachable()
RECORDS: Final = {name: cls for name, cls in REACHABLE.items() if attrs.has(cls)}
ENUMS: Final = {name: cls for name, cls in REACHABLE.items() if issubclass(cls, enum.Enum)}


def test_every_record_and_enum_has_a_definition() -> None:
    assert set(DEFS) == set(REACHABLE)
    assert set(RECORDS) == {
        "Span", "Quantity", "VagueAmount", "DateRange", "Place", "Faction", "Source", "Convoy", "Figure", "Event",
        "Mention", "Unplaced", "Report", "Claim", "Estimate", "Tally", "Conflict", "ConsolidatedConvoy",
        "ConsolidatedFigure", "ConsolidatedEvent", "Dataset",
    }
    assert set(ENUMS) == {
        "Qualifier", "Precision", "DateBasis", "PlaceKind", "FactionKind", "SourceKind", "FigureKind", "EventKind",
        "EntityKind", "UnplacedKind", "ConflictKind",
    }


@pytest.mark.parametrize("name", sorted(ENUMS))
def test_enum_values_equal_the_code(name: str) -> None:
    cls = ENUMS[name]
    assert DEFS[name]["type"] == "string"
    assert DEFS[name]["enum"] == [member.value for member in cls]


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_record_fields_equal_the_code(name: str) -> None:
    fields = attrs.fields(typing.cast(Any, RECORDS[name]))
    definition = DEFS[name]
    assert definition["type"] == "object"
    assert definition["additionalProperties"] is False
    assert list(definition["properties"]) == [f.name for f in fields]
    assert definition["required"] == [f.name for f in fields if f.default is attrs.NOTHING]


def _hint_shape(hint: Any) -> str:
    """A type hint as a short description: ``Place?``, ``[Span]``, ``date``, ``integer``..."""
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        others = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        assert len(others) == 1
        return _hint_shape(others[0]) + "?"
    if origin is tuple:
        return f"[{_hint_shape(typing.get_args(hint)[0])}]"
    if hint is dt.date:
        return "date"
    scalars = {int: "integer", float: "number", str: "string"}
    if hint in scalars:
        return scalars[hint]
    assert isinstance(hint, type)
    return str(hint.__name__)


def _schema_shape(schema: dict[str, Any]) -> str:
    """A property's schema as the same short description as :func:`_hint_shape`."""
    if "anyOf" in schema:
        options = schema["anyOf"]
        assert len(options) == 2
        assert options[1] == {"type": "null"}
        return _schema_shape(options[0]) + "?"
    if "$ref" in schema:
        return str(schema["$ref"]).removeprefix("#/$defs/")
    kind = schema["type"]
    if isinstance(kind, list):
        assert kind[1] == "null"
        return _schema_shape({**schema, "type": kind[0]}) + "?"
    if kind == "array":
        return f"[{_schema_shape(schema['items'])}]"
    if kind == "string" and schema.get("format") == "date":
        return "date"
    return str(kind)


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_record_field_types_equal_the_code(name: str) -> None:
    hints = typing.get_type_hints(RECORDS[name])
    properties = DEFS[name]["properties"]
    expected = {field: _hint_shape(hint) for field, hint in hints.items()}
    found = {field: _schema_shape(properties[field]) for field in hints}
    assert found == expected


def test_inferable_slots_equal_the_code() -> None:
    items = DEFS["Convoy"]["properties"]["inferred"]["items"]
    assert items == {"type": "string", "enum": sorted(INFERABLE_SLOTS)}


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_stated_defaults_equal_the_code(name: str) -> None:
    properties = DEFS[name]["properties"]
    for fld in attrs.fields(typing.cast(Any, RECORDS[name])):
        default = fld.default
        if default is attrs.NOTHING or isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            assert "default" not in properties[fld.name], fld.name
            continue
        plain = default.value if isinstance(default, enum.Enum) else list(default) if isinstance(default, tuple) \
            else default
        assert properties[fld.name]["default"] == plain, fld.name


# --- Documents to_json writes validate ----------------------------------------------------------------------


def _corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*/*.txt")) if CORPUS.is_dir() else []


def _published(meta: str | None) -> dt.date | None:
    if meta is None:
        return None
    value = json.loads(meta).get("published")
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


def _parse_path(path: Path) -> ge.Report:
    meta = path.with_name(f"{path.stem}.meta.json")
    published = _published(meta.read_text(encoding="utf-8") if meta.is_file() else None)
    return ge.parse(path.read_text(encoding="utf-8"), published=published, report_id=path.stem)


def _sample_reports() -> list[ge.Report]:
    folder = resources.files("ghouta_events.samples")
    names = sorted(entry.name.removesuffix(".txt") for entry in folder.iterdir() if entry.name.endswith(".txt"))
    reports = []
    for name in names:
        meta = folder.joinpath(f"{name}.meta.json")
        published = _published(meta.read_text(encoding="utf-8") if meta.is_file() else None)
        text = folder.joinpath(f"{name}.txt").read_text(encoding="utf-8")
        reports.append(ge.parse(text, published=published, report_id=name))
    return reports


@pytest.fixture(scope="module")
def samples() -> list[ge.Report]:
    reports = _sample_reports()
    assert len(reports) >= 5
    assert all(report.published is not None for report in reports)
    return reports


@pytest.fixture(scope="module")
def corpus() -> dict[str, ge.Report]:
    files = _corpus_files()
    if not files:
        pytest.skip(f"the shared corpus folder {CORPUS} is not present (or holds no */*.txt reports)")
    return {f"{path.parent.name}/{path.stem}": _parse_path(path) for path in files}


def test_sample_reports_validate(samples: list[ge.Report]) -> None:
    for report in samples:
        assert _errors(_document(report)) == [], report.id


def test_merged_samples_validate(samples: list[ge.Report]) -> None:
    dataset = ge.merge(samples)
    assert dataset.convoys
    assert _errors(_document(dataset)) == []


@pytest.mark.parametrize("key", [f"{p.parent.name}/{p.stem}" for p in _corpus_files()] or ["<no corpus>"])
def test_corpus_report_validates(corpus: dict[str, ge.Report], key: str) -> None:
    assert _errors(_document(corpus[key])) == []


def test_merged_corpus_validates(corpus: dict[str, ge.Report]) -> None:
    dataset = ge.merge(corpus.values())
    assert len(dataset.reports) == len(corpus)
    assert _errors(_document(dataset)) == []


@settings(max_examples=60, deadline=None)
@given(report=gst.reports())
def test_generated_reports_validate(report: ge.Report) -> None:
    assert _errors(_document(report)) == []


@settings(max_examples=30, deadline=None)
@given(reports=gst.report_lists(max_size=4))
def test_merges_of_generated_reports_validate(reports: list[ge.Report]) -> None:
    assert _errors(_document(ge.merge(reports))) == []


def test_fields_with_defaults_may_be_left_out() -> None:
    document = {"schema": "ghouta-events", "version": 1, "type": "report", "data": {"id": "r1", "text": "Buses left."}}
    assert _errors(document) == []
    assert ge.from_json(json.dumps(document)) == ge.Report(id="r1", text="Buses left.")


# --- Documents from_json refuses are refused by the schema too ---------------------------------------------

TEXT: Final = "Twelve buses carrying 629 people left Douma for Jarablus on Monday, SANA said. Hundreds stayed."
MONDAY: Final = dt.date(2018, 4, 2)


def _rich_report(
    rid: str = "r1", people: int = 629, source: str = "SANA", qualifier: ge.Qualifier = ge.Qualifier.ABOUT,
    text: str = TEXT,
) -> ge.Report:
    """A report built by hand with every kind of record and most optional fields filled."""
    douma, jarablus = GAZ.place("Douma"), GAZ.place("Jarablus")
    sources = (GAZ.source(source),)
    day = ge.DateRange.day(MONDAY, basis=ge.DateBasis.PUBLISHED)
    convoy = ge.Convoy(
        id=f"{rid}#c0", origin=douma, destination=jarablus,
        buses=ge.Quantity(value=12, span=ge.Span(start=0, end=6)),
        people=ge.Quantity(value=people, qualifier=qualifier, span=ge.Span(start=22, end=25)),
        factions=(GAZ.faction("Jaish al-Islam"),), sources=sources, date=day,
        spans=(ge.Span(start=0, end=78),), inferred=("factions",),
    )
    figure = ge.Figure(id=f"{rid}#f0", kind=ge.FigureKind.EVACUATED, quantity=ge.Quantity(value=people),
                       place=douma, sources=sources, date=day, spans=(ge.Span(start=0, end=78),))
    event = ge.Event(id=f"{rid}#e0", kind=ge.EventKind.EVACUATION, place=douma, sources=sources, date=day,
                     convoys=(convoy.id,), figures=(figure.id,), spans=(ge.Span(start=0, end=78),))
    return ge.Report(
        id=rid, text=text, published=MONDAY, anchor=day,
        factions=convoy.factions, sources=sources, places=(douma, jarablus),
        convoys=(convoy,), figures=(figure,), events=(event,),
        mentions=(ge.Mention(name="Douma", kind=ge.EntityKind.PLACE, span=ge.Span(start=38, end=43)),),
        amounts=(ge.VagueAmount(low=200, high=999, span=ge.Span(start=79, end=87)),),
        unplaced=(ge.Unplaced(kind=ge.UnplacedKind.NUMBER, text="629", span=ge.Span(start=22, end=25),
                              reason="example"),),
    )


def _rich_dataset() -> ge.Dataset:
    """Two reports of one movement whose counts of people cannot both be true: a dataset with a conflict. Their
    texts differ, so the merge does not take one for a copy of the other."""
    other = TEXT + " Families waited at the crossing point until late in the evening for word of a second trip."
    return ge.merge([_rich_report("r1", 629, "SANA"), _rich_report("r2", 760, "SOHR", ge.Qualifier.EXACT, other)])


Path_ = tuple[str | int, ...]
Mutation = Callable[[Document], None]


def _at(document: Document, path: Path_) -> Any:
    node: Any = document
    for step in path:
        node = node[step]
    return node


def _set(path: Path_, value: object) -> Mutation:
    def mutate(document: Document) -> None:
        _at(document, path[:-1])[path[-1]] = value

    return mutate


def _delete(path: Path_) -> Mutation:
    def mutate(document: Document) -> None:
        del _at(document, path[:-1])[path[-1]]

    return mutate


BAD_REPORTS: Final = [
    # unknown fields
    pytest.param(_set(("data", "colour"), "red"), id="unknown-field-in-report"),
    pytest.param(_set(("data", "convoys", 0, "people", "colour"), "red"), id="unknown-field-in-quantity"),
    pytest.param(_set(("data", "places", 0, "population"), 1000), id="unknown-field-in-place"),
    # wrong enum values
    pytest.param(_set(("data", "convoys", 0, "people", "qualifier"), "roughly"), id="bad-qualifier"),
    pytest.param(_set(("data", "convoys", 0, "origin", "kind"), "village"), id="bad-place-kind"),
    pytest.param(_set(("data", "anchor", "precision"), "hour"), id="bad-precision"),
    pytest.param(_set(("data", "mentions", 0, "kind"), "Place"), id="enum-by-name-not-value"),
    pytest.param(_set(("data", "events", 0, "kind"), "EVACUATION"), id="enum-member-name"),
    # missing required fields
    pytest.param(_delete(("data", "text")), id="missing-report-text"),
    pytest.param(_delete(("data", "convoys", 0, "id")), id="missing-convoy-id"),
    pytest.param(_delete(("data", "figures", 0, "quantity")), id="missing-figure-quantity"),
    pytest.param(_delete(("data", "mentions", 0, "span")), id="missing-mention-span"),
    # wrong types
    pytest.param(_set(("data", "convoys", 0, "people", "value"), "629"), id="string-for-integer"),
    pytest.param(_set(("data", "mentions", 0, "span", "start"), True), id="boolean-for-integer"),
    pytest.param(_set(("data", "convoys", 0, "spans"), {"start": 0, "end": 6}), id="object-for-array"),
    pytest.param(_set(("data", "convoys", 0, "sources", 0), "SANA"), id="string-for-record"),
    pytest.param(_set(("data", "convoys", 0, "id"), None), id="null-for-required-string"),
    pytest.param(_set(("data", "published"), 20180402), id="number-for-date"),
    pytest.param(_set(("data", "published"), "2 April 2018"), id="date-not-iso"),
    pytest.param(_set(("data", "places", 0, "latitude"), "33.57"), id="string-for-number"),
    # values the records' own validators refuse that the schema can also see
    pytest.param(_set(("data", "places", 0, "name"), " "), id="blank-name"),
    pytest.param(_set(("data", "mentions", 0, "span", "start"), -1), id="negative-span"),
    pytest.param(_set(("data", "places", 0, "latitude"), 100), id="latitude-out-of-range"),
    pytest.param(_set(("data", "convoys", 0, "inferred"), ["buses"]), id="slot-that-cannot-be-inferred"),
    # the envelope
    pytest.param(_set(("version",), 2), id="newer-version"),
    pytest.param(_set(("type",), "reports"), id="unknown-document-type"),
    pytest.param(_set(("schema",), "other"), id="other-schema"),
    pytest.param(_set(("type",), "dataset"), id="report-data-as-dataset"),
]

BAD_DATASETS: Final = [
    pytest.param(_set(("data", "convoys", 0, "colour"), "red"), id="unknown-field-in-consolidated-convoy"),
    pytest.param(_set(("data", "conflicts", 0, "kind"), "overlap"), id="bad-conflict-kind"),
    pytest.param(_delete(("data", "conflicts")), id="missing-conflicts"),
    pytest.param(_delete(("data", "convoys", 0, "buses")), id="missing-tally"),
    pytest.param(_set(("data", "convoys", 0, "people", "estimate", "best"), "629"), id="string-for-estimate"),
    pytest.param(_set(("data", "convoys", 0, "people", "claims"), None), id="null-for-claims"),
    pytest.param(_set(("type",), "report"), id="dataset-data-as-report"),
]


def _assert_refused(document: Document) -> None:
    assert _errors(document), "the schema accepted the document"
    with pytest.raises(ge.InputError):
        ge.from_json(json.dumps(document))


def test_the_documents_mutated_below_are_valid() -> None:
    dataset = _rich_dataset()
    assert len(dataset.convoys) == 1
    assert dataset.conflicts
    assert {c.kind for c in dataset.conflicts} == {ge.ConflictKind.DISJOINT}
    for obj in (_rich_report(), dataset):
        document = _document(obj)
        assert _errors(document) == []
        assert ge.from_json(json.dumps(document)) == obj


@pytest.mark.parametrize("mutate", BAD_REPORTS)
def test_bad_report_is_refused(mutate: Mutation) -> None:
    document = copy.deepcopy(_document(_rich_report()))
    mutate(document)
    _assert_refused(document)


@pytest.mark.parametrize("mutate", BAD_DATASETS)
def test_bad_dataset_is_refused(mutate: Mutation) -> None:
    document = copy.deepcopy(_document(_rich_dataset()))
    mutate(document)
    _assert_refused(document)
