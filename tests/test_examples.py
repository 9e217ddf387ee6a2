"""Every script in examples/ runs and prints what it promises."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

EXPECTED = {
    "parse_one_report.py": "Convoy harasta_wire#c0",
    "merge_and_conflicts.py": "conflicts",
    "export_geojson_sqlite.py": "features in",
    "query_sqlite.py": "movements_from_douma_with_more_than_one_source",
}


#: Scripts that write files are given a folder of the test's own, so a run leaves nothing behind.
WRITES_FILES = frozenset({"export_geojson_sqlite.py"})


@pytest.mark.parametrize("script", sorted(EXPECTED), ids=sorted(EXPECTED))
def test_example_runs(script: str, tmp_path: Path) -> None:
    arguments = [str(tmp_path)] if script in WRITES_FILES else []
    done = subprocess.run([sys.executable, str(EXAMPLES / script), *arguments], capture_output=True, text=True,
                          check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    assert EXPECTED[script] in done.stdout


def test_every_example_is_covered() -> None:
    assert {p.name for p in EXAMPLES.glob("*.py")} == set(EXPECTED)
