"""The build backend's switch for the compiled build, and the package's account of which build is running.

The compiled build itself (that it fetches mypy, compiles, and parses as the sources do) is built and checked
end to end in ``test_release.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Final

import pytest

from ghouta_events import _build
from ghouta_events._build import COMPILED_MODULES, build_name, compiled_modules

ROOT: Final = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import build_backend  # noqa: E402


@pytest.mark.parametrize("value", ["1", "true", "YES", " on "])
def test_compiling_is_asked_for_with_a_yes(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("GHOUTA_EVENTS_COMPILE", value)
    assert build_backend.compile_requested()


@pytest.mark.parametrize("value", ["", "0", "false", "No", "off"])
def test_a_no_or_nothing_builds_pure_python(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("GHOUTA_EVENTS_COMPILE", value)
    assert not build_backend.compile_requested()
    monkeypatch.delenv("GHOUTA_EVENTS_COMPILE")
    assert not build_backend.compile_requested()


def test_a_typo_in_the_switch_is_an_error_not_a_pure_build(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GHOUTA_EVENTS_COMPILE", "ture")
    with pytest.raises(ValueError, match=r"GHOUTA_EVENTS_COMPILE must be 1 .* got 'ture'"):
        build_backend.compile_requested()


def test_an_editable_install_is_never_compiled(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GHOUTA_EVENTS_COMPILE", "1")
    with pytest.raises(RuntimeError, match="not to an editable one"):
        build_backend.get_requires_for_build_editable()
    with pytest.raises(RuntimeError, match="not to an editable one"):
        build_backend.build_editable(str(tmp_path))


def test_outside_a_wheel_build_nothing_is_compiled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GHOUTA_EVENTS_COMPILE", "1")
    assert build_backend.compiled_extensions() == []


def test_the_backend_compiles_the_modules_the_package_lists() -> None:
    paths = build_backend.compiled_paths()
    assert paths == [name.replace(".", "/") + ".py" for name in COMPILED_MODULES]
    assert all((ROOT / path).is_file() for path in paths)


def test_the_public_entry_points_stay_python() -> None:
    # Their argument checks, errors and docstrings must be the same in both builds.
    assert not any(name.endswith(("._parse", "._merge", "._model", "._io", "._cli", "._gazetteer"))
                   for name in COMPILED_MODULES)


def test_the_source_tree_is_the_pure_build() -> None:
    if compiled_modules():
        pytest.skip("these tests run against a compiled install; test_release.py checks that build")
    assert build_name() == "pure Python"


def test_the_build_is_named_after_how_many_of_its_modules_are_compiled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_build, "compiled_modules", lambda: list(COMPILED_MODULES))
    assert build_name() == "compiled"
    monkeypatch.setattr(_build, "compiled_modules", lambda: list(COMPILED_MODULES[:1]))
    assert build_name() == "partly compiled"
    monkeypatch.setattr(_build, "compiled_modules", list)
    assert build_name() == "pure Python"
