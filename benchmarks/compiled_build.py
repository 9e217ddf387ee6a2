"""Build the compiled package (``GHOUTA_EVENTS_COMPILE=1``) into a throwaway virtual environment, for measuring.

Used by ``parse_speed.py --compiled`` and ``run.py --compiled``; it needs a C compiler, the Python headers, the
``build`` package (in the test extra) and access to the package index (the build fetches mypy). It takes a minute
or two, and leaves nothing behind in the working tree: the wheel is built from a copy of the sources.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "*.so",
                                 ".mypy_cache", ".pytest_cache", ".ruff_cache", ".hypothesis", "_build")


def _run(command: list[str], env: dict[str, str] | None = None) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}:\n{done.stdout[-3000:]}\n"
                           f"{done.stderr[-3000:]}")


def compiled_python(folder: Path) -> Path:
    """Build the compiled wheel from a copy of the sources into ``folder`` and install it in a new virtual
    environment there; returns that environment's Python, whose ``ghouta_events`` is the compiled build."""
    source, wheels, env_dir = folder / "source", folder / "wheel", folder / "venv"
    shutil.copytree(ROOT, source, ignore=SOURCES)
    _run([sys.executable, "-m", "build", "-q", "--wheel", "--outdir", str(wheels), str(source)],
         env={**os.environ, "GHOUTA_EVENTS_COMPILE": "1"})
    venv.create(env_dir, with_pip=True)
    python = env_dir / ("Scripts" if os.name == "nt" else "bin") / ("python.exe" if os.name == "nt" else "python")
    _run([str(python), "-m", "pip", "install", "-q", *map(str, wheels.glob("*.whl"))])
    return python
