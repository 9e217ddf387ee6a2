"""The public namespace: pinned, importable, documented, and versioned like the distribution."""

from __future__ import annotations

import importlib
import importlib.metadata
import inspect
import tomllib
from pathlib import Path

import pytest

import ghouta_events

PUBLIC_NAMES = [
    "SCHEMA_VERSION",
    "SQLITE_USER_VERSION",
    "Alias",
    "Claim",
    "Conflict",
    "ConflictKind",
    "ConsolidatedConvoy",
    "ConsolidatedEvent",
    "ConsolidatedFigure",
    "Convoy",
    "Dataset",
    "DateBasis",
    "DateRange",
    "EntityKind",
    "Estimate",
    "Event",
    "EventKind",
    "Faction",
    "FactionKind",
    "Figure",
    "FigureKind",
    "Gazetteer",
    "GazetteerError",
    "Geography",
    "GhoutaEventsError",
    "InputError",
    "Mention",
    "MergeError",
    "NameHit",
    "ParseError",
    "Place",
    "PlaceKind",
    "Precision",
    "Qualifier",
    "Quantity",
    "RecordError",
    "Report",
    "ReportText",
    "Source",
    "SourceKind",
    "Span",
    "Tally",
    "Target",
    "Unplaced",
    "UnplacedKind",
    "VagueAmount",
    "__version__",
    "default_gazetteer",
    "dump",
    "dump_csv",
    "dump_geojson",
    "dump_sqlite",
    "from_json",
    "iter_texts",
    "json_schema",
    "load",
    "load_gazetteer",
    "load_sqlite",
    "merge",
    "parse",
    "read_reports",
    "same_name",
    "sample_paths",
    "sample_reports",
    "spelling_variants",
    "sqlite_queries",
    "to_csv_rows",
    "to_geojson",
    "to_json",
    "to_text",
]

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def test_all_is_pinned() -> None:
    assert ghouta_events.__all__ == PUBLIC_NAMES


def _isort_key(name: str) -> tuple[int, str]:
    """The order ruff's RUF022 keeps ``__all__`` in: SCREAMING_SNAKE_CASE, then CamelCase, then everything else."""
    if name.isupper() and len(name) > 1:
        return 0, name
    if name[:1].isupper():
        return 1, name
    return 2, name


def test_all_is_sorted_and_unique() -> None:
    assert ghouta_events.__all__ == sorted(ghouta_events.__all__, key=_isort_key)
    assert sorted(PUBLIC_NAMES, key=_isort_key) == PUBLIC_NAMES
    assert len(set(ghouta_events.__all__)) == len(ghouta_events.__all__)


@pytest.mark.parametrize("name", PUBLIC_NAMES)
def test_public_name_is_importable(name: str) -> None:
    module = importlib.import_module("ghouta_events")
    assert hasattr(module, name)
    imported = __import__("ghouta_events", fromlist=[name])  # what `from ghouta_events import name` does
    assert getattr(imported, name) is getattr(module, name)


def _is_constant(name: str) -> bool:
    return name == "__version__" or (name.isupper() and len(name) > 1)


@pytest.mark.parametrize("name", [n for n in PUBLIC_NAMES if not _is_constant(n)])
def test_public_name_has_a_docstring(name: str) -> None:
    obj = getattr(ghouta_events, name)
    assert inspect.isclass(obj) or callable(obj), f"{name} is neither a class nor a function"
    doc = inspect.getdoc(obj)
    assert doc, f"{name} has no docstring"
    if inspect.isclass(obj):
        assert obj.__doc__, f"{name} inherits its docstring instead of having its own"


@pytest.mark.parametrize("name", [n for n in PUBLIC_NAMES if _is_constant(n)])
def test_public_constant_is_a_plain_value(name: str) -> None:
    assert isinstance(getattr(ghouta_events, name), str | int)


def test_public_objects_are_defined_in_the_package() -> None:
    for name in PUBLIC_NAMES:
        obj = getattr(ghouta_events, name)
        if not _is_constant(name):
            assert obj.__module__.startswith("ghouta_events"), name


def test_no_private_module_leaks_into_the_namespace() -> None:
    assert [name for name in ghouta_events.__all__ if name.startswith("_")] == ["__version__"]


def test_version_matches_pyproject() -> None:
    with PYPROJECT.open("rb") as handle:
        project = tomllib.load(handle)["project"]
    assert ghouta_events.__version__ == project["version"]
    assert isinstance(ghouta_events.__version__, str)


def test_version_is_the_installed_distributions() -> None:
    assert ghouta_events.__version__ == importlib.metadata.version("ghouta-events")
