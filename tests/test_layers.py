"""The layers of the package: the table on the explanation page says which module imports which, and it is right.

Each row of the table names a module of ``ghouta_events`` (a subpackage counts as one) and the modules of the
package it imports. The rows go from the bottom layer up, and a module imports only from rows above its own, so
nothing imports upward and there is no cycle.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parents[1]
PACKAGE: Final = ROOT / "ghouta_events"
PAGE: Final = ROOT / "docs" / "explanation.md"
HEADER: Final = "| module | imports from the package |"
ROW: Final = re.compile(r"^\| `([\w.]+)` \| (.*) \|$")


def _unit(module: str) -> str:
    """The row a module belongs to: ``_text._words`` is ``_text``; the package itself is ``ghouta_events``."""
    parts = module.split(".")
    return "ghouta_events" if len(parts) == 1 else parts[1]


def _imports() -> dict[str, set[str]]:
    """Each unit of the package and the other units it imports, read from the sources."""
    found: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        module = ".".join(parts)
        here = parts if is_package else parts[:-1]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = here[: len(here) - node.level + 1]
                if node.module:
                    targets.add(".".join([*base, node.module]))
                else:
                    targets.update(".".join([*base, alias.name]) for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("ghouta_events"):
                targets.add(node.module or "")
            elif isinstance(node, ast.Import):
                targets.update(a.name for a in node.names if a.name.startswith("ghouta_events"))
        # ``from . import __version__`` names a value of the package, not a module: it imports the package.
        units = {_unit(t) if not t.endswith(".__version__") else "ghouta_events" for t in targets}
        found.setdefault(_unit(module), set()).update(units - {_unit(module)})
    return found


def _table() -> list[tuple[str, set[str]]]:
    """The rows of the explanation page's table of modules, in order."""
    lines = PAGE.read_text(encoding="utf-8").splitlines()
    start = lines.index(HEADER) + 2  # after the header and the line under it
    rows: list[tuple[str, set[str]]] = []
    for line in lines[start:]:
        match = ROW.match(line)
        if match is None:
            break
        rows.append((match.group(1), set(re.findall(r"`([\w.]+)`", match.group(2)))))
    return rows


def _as_rows(imports: dict[str, set[str]]) -> str:
    return "\n".join(f"| `{unit}` | {', '.join(f'`{t}`' for t in sorted(imports[unit])) or 'nothing'} |"
                     for unit in sorted(imports))


def test_the_table_names_every_module_once() -> None:
    names = [name for name, _ in _table()]
    assert len(names) == len(set(names))
    assert sorted(names) == sorted(_imports()), f"the table's rows should be (in layer order):\n{_as_rows(_imports())}"


def test_the_table_says_what_each_module_imports() -> None:
    actual = _imports()
    wrong = [name for name, listed in _table() if actual.get(name) != listed]
    assert wrong == [], f"rows out of date: {wrong}; from the sources:\n{_as_rows(actual)}"


def test_each_module_imports_only_from_the_layers_below_it() -> None:
    seen: set[str] = set()
    upward: list[str] = []
    for name, listed in _table():
        upward.extend(f"{name} -> {target}" for target in sorted(listed - seen))
        seen.add(name)
    assert upward == []
