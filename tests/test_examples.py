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
}


@pytest.mark.parametrize("script", sorted(EXPECTED), ids=sorted(EXPECTED))
def test_example_runs(script: str) -> None:
    done = subprocess.run([sys.executable, str(EXAMPLES / script)], capture_output=True, text=True, check=False,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert EXPECTED[script] in done.stdout


def test_every_example_is_covered() -> None:
    assert {p.name for p in EXAMPLES.glob("*.py")} == set(EXPECTED)
