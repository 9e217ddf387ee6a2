"""The package's build backend: setuptools' own, with an optional compiled build.

With ``GHOUTA_EVENTS_COMPILE=1`` in the environment, a wheel build compiles the parser's rules and its text layer
to C extensions with mypyc (part of mypy), and asks the build front end for what mypyc needs: mypy itself and the
type information of the modules those import. Without it, or with ``GHOUTA_EVENTS_COMPILE=0``, the build is the
plain pure-Python one. The compiled modules behave as their sources do, only faster; every other module stays
Python.

Only regular builds compile. An editable install imports the sources of the working tree, and compiled modules
there would shadow the very files being edited, so asking for both is an error.
"""

from __future__ import annotations

import ast
import os
from pathlib import Path
from typing import Any, Final

from setuptools import build_meta as _setuptools
from setuptools.build_meta import (
    build_sdist,
    get_requires_for_build_sdist,
    prepare_metadata_for_build_editable,
    prepare_metadata_for_build_wheel,
)

__all__ = [
    "build_editable",
    "build_sdist",
    "build_wheel",
    "compile_requested",
    "compiled_extensions",
    "compiled_paths",
    "get_requires_for_build_editable",
    "get_requires_for_build_sdist",
    "get_requires_for_build_wheel",
    "prepare_metadata_for_build_editable",
    "prepare_metadata_for_build_wheel",
]

#: The environment variable that asks for the compiled build.
COMPILE_VARIABLE: Final = "GHOUTA_EVENTS_COMPILE"

#: Where the package says which of its modules a compiled build compiles (``COMPILED_MODULES``, module names).
BUILD_MODULE: Final = Path(__file__).resolve().parents[1] / "ghouta_events" / "_build.py"


def compiled_paths() -> list[str]:
    """The sources mypyc compiles, as paths from the project root: ``COMPILED_MODULES`` of the package's
    ``_build`` module (read from its source, since the package cannot be imported before it is built)."""
    tree = ast.parse(BUILD_MODULE.read_text(encoding="utf-8"), filename=str(BUILD_MODULE))
    for node in tree.body:
        if (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
                and node.target.id == "COMPILED_MODULES" and node.value is not None):
            names = ast.literal_eval(node.value)
            return [name.replace(".", "/") + ".py" for name in names]
    raise RuntimeError(f"{BUILD_MODULE} defines no COMPILED_MODULES")


#: What compiling needs on top of setuptools: mypyc, and the types of what the compiled modules import.
COMPILE_REQUIRES: Final = ("mypy>=1.10", "attrs>=23.1", "types-regex", "types-python-dateutil")

_YES: Final = frozenset({"1", "true", "yes", "on"})
_NO: Final = frozenset({"", "0", "false", "no", "off"})

_ConfigSettings = dict[str, Any] | None

# True only while a wheel is built with compiling asked for. setuptools runs setup.py for other hooks too (to learn
# the requirements, to make the sdist); nothing is compiled then, and mypyc need not be installed yet.
_compiling = False


def compile_requested() -> bool:
    """Whether ``GHOUTA_EVENTS_COMPILE`` asks for the compiled build (``1``/``true``/``yes``/``on``, any case).

    Raises:
        ValueError: the variable is set to something else, so that a typo does not pass for a pure build.
    """
    value = os.environ.get(COMPILE_VARIABLE, "").strip().lower()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise ValueError(f"{COMPILE_VARIABLE} must be 1 (compile with mypyc) or 0 (pure Python), got {value!r}")


def compiled_extensions() -> list[Any]:
    """The extension modules for ``setup(ext_modules=...)``: while :func:`build_wheel` builds a compiled wheel,
    :func:`compiled_paths` compiled by mypyc (setup.py runs from the project root); otherwise none."""
    if not _compiling:
        return []
    try:
        from mypyc.build import mypycify
    except ImportError as error:
        raise RuntimeError(f"{COMPILE_VARIABLE}=1 compiles with mypyc, which comes with mypy: build with build "
                           f"isolation (the default), or install {', '.join(COMPILE_REQUIRES)} first") from error
    return list(mypycify(compiled_paths(), opt_level="3", group_name="ghouta_events"))


def get_requires_for_build_wheel(config_settings: _ConfigSettings = None) -> list[str]:
    """setuptools' requirements, and mypy with the type packages when compiling."""
    requires: list[str] = _setuptools.get_requires_for_build_wheel(config_settings)
    return [*requires, *COMPILE_REQUIRES] if compile_requested() else requires


def build_wheel(wheel_directory: str, config_settings: _ConfigSettings = None,
                metadata_directory: str | None = None) -> str:
    """setuptools' wheel build, compiled when ``GHOUTA_EVENTS_COMPILE`` asks for it."""
    global _compiling
    _compiling = compile_requested()
    try:
        name: str = _setuptools.build_wheel(wheel_directory, config_settings, metadata_directory)
    finally:
        _compiling = False
    return name


def _no_compiled_editable() -> None:
    if compile_requested():
        raise RuntimeError(f"{COMPILE_VARIABLE}=1 applies to a regular install (pip install .), not to an editable "
                           "one: compiled modules would shadow the sources being edited")


def get_requires_for_build_editable(config_settings: _ConfigSettings = None) -> list[str]:
    """setuptools' requirements; an editable build is never compiled."""
    _no_compiled_editable()
    requires: list[str] = _setuptools.get_requires_for_build_editable(config_settings)
    return requires


def build_editable(wheel_directory: str, config_settings: _ConfigSettings = None,
                   metadata_directory: str | None = None) -> str:
    """setuptools' editable build; refused when compiling is asked for."""
    _no_compiled_editable()
    name: str = _setuptools.build_editable(wheel_directory, config_settings, metadata_directory)
    return name
