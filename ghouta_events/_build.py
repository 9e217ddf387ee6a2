"""Which build of the package is running: the pure-Python one, or the one compiled with mypyc.

Both parse alike, record for record; the compiled one is faster. ``ghouta-events --version`` says which is
installed.
"""

from __future__ import annotations

import importlib
from importlib.machinery import EXTENSION_SUFFIXES
from typing import Final

__all__ = ["COMPILED_MODULES", "build_name", "compiled_modules"]

#: The modules a compiled build compiles (the list ``tools/build_backend.py`` gives mypyc, as module names).
COMPILED_MODULES: Final = (
    "ghouta_events._rules",
    "ghouta_events._text._cues",
    "ghouta_events._text._dates",
    "ghouta_events._text._names",
    "ghouta_events._text._numbers",
    "ghouta_events._text._patterns",
    "ghouta_events._text._record",
    "ghouta_events._text._sentences",
    "ghouta_events._text._words",
)


def compiled_modules() -> list[str]:
    """The modules of :data:`COMPILED_MODULES` that were imported from extension modules, not from sources."""
    out = []
    for name in COMPILED_MODULES:
        path = getattr(importlib.import_module(name), "__file__", None) or ""
        if path.endswith(tuple(EXTENSION_SUFFIXES)):
            out.append(name)
    return out


def build_name() -> str:
    """``"compiled"`` when every module of the compiled build is compiled, ``"pure Python"`` when none is, and
    ``"partly compiled"`` for a mix (sources and extension modules of different installs side by side)."""
    found = len(compiled_modules())
    if found == len(COMPILED_MODULES):
        return "compiled"
    return "pure Python" if found == 0 else "partly compiled"
