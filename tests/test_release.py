"""The release artifacts: the sdist and wheel build with the plain ``pyproject.toml`` build, pass ``twine check``,
hold everything the package reads at run time, the wheel is pure Python, and it installs into a fresh virtual
environment whose ``ghouta-events demo`` runs and whose ``__version__`` is the one its metadata gives.

Slow (a minute or so: the builds and the fresh environment fetch their dependencies from the package index), but
part of the default run. The project is copied to a temporary folder first, so building leaves nothing behind in
the working tree.
"""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Final, NamedTuple

import pytest

pytestmark = pytest.mark.slow

ROOT: Final = Path(__file__).resolve().parents[1]
PACKAGE: Final = ROOT / "ghouta_events"
NOT_SOURCES: Final = shutil.ignore_patterns(
    ".git", ".venv", "venv", ".tox", ".nox", "build", "dist", "*.egg-info", "__pycache__", "*.pyc", ".mypy_cache",
    ".pytest_cache", ".ruff_cache", ".hypothesis", "_build", "*.so", "*.pyd",
)
DATA_FILES: Final = ("places.csv", "factions.csv", "sources.csv", "README.md", "schema-v1.json")
RELEASE_TOOLS: Final = ("build", "twine")


class Dist(NamedTuple):
    sdist: Path
    wheel: Path


def _require_release_tools() -> None:
    missing = [name for name in RELEASE_TOOLS if importlib.util.find_spec(name) is None]
    if missing:
        pytest.fail(f"{', '.join(missing)} not importable from {sys.executable}: the release tests need them; they are "
                    "in the test extra (pip install -e '.[test]')", pytrace=False)


def _environment() -> dict[str, str]:
    """The current environment without what would make a subprocess import this checkout instead of the build."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP"}}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PYTHONNOUSERSITE"] = "1"
    return env


def _run(args: Sequence[str | Path], *, cwd: Path, timeout: float = 300) -> str:
    """Run a command; fail with its output unless it exits 0. Returns its standard output."""
    command = [str(arg) for arg in args]
    try:
        result = subprocess.run(command, cwd=cwd, env=_environment(), capture_output=True, text=True,
                                timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{' '.join(command)} took more than {timeout:.0f} s", pytrace=False)
    if result.returncode != 0:
        pytest.fail(f"{' '.join(command)} exited {result.returncode}\n--- stdout\n{result.stdout}\n"
                    f"--- stderr\n{result.stderr}", pytrace=False)
    return result.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Dist:
    """The sdist and the wheel, built the way a release builds them (isolated; the wheel from the sdist)."""
    _require_release_tools()
    base = tmp_path_factory.mktemp("release")
    source, out = base / "source", base / "dist"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCES)
    _run([sys.executable, "-m", "build", "-q", "--outdir", out, source], cwd=base)
    sdists, wheels = sorted(out.glob("*.tar.gz")), sorted(out.glob("*.whl"))
    assert len(sdists) == 1, sdists
    assert len(wheels) == 1, wheels
    return Dist(sdist=sdists[0], wheel=wheels[0])


def _sample_names() -> list[str]:
    """The bundled sample files of the source tree: every ``NAME.txt`` and ``NAME.meta.json``."""
    folder = PACKAGE / "samples"
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".txt", ".meta.json")))


def test_release_tools_are_installed() -> None:
    _require_release_tools()


def test_twine_check_passes(dist: Dist) -> None:
    output = _run([sys.executable, "-m", "twine", "check", "--strict", dist.sdist, dist.wheel], cwd=dist.wheel.parent)
    assert output.count("PASSED") == 2, output


def test_wheel_holds_the_package_data(dist: Dist) -> None:
    with zipfile.ZipFile(dist.wheel) as wheel:
        names = set(wheel.namelist())
        schema = wheel.read("ghouta_events/data/schema-v1.json")
    assert "ghouta_events/py.typed" in names
    missing = [f"ghouta_events/data/{name}" for name in DATA_FILES if f"ghouta_events/data/{name}" not in names]
    assert missing == []
    assert schema == (PACKAGE / "data" / "schema-v1.json").read_bytes()


def test_wheel_holds_the_sample_reports(dist: Dist) -> None:
    samples = _sample_names()
    texts = [name for name in samples if name.endswith(".txt")]
    assert len(texts) >= 5
    assert all(name.removesuffix(".txt") + ".meta.json" in samples for name in texts)
    with zipfile.ZipFile(dist.wheel) as wheel:
        names = set(wheel.namelist())
    assert [name for name in samples if f"ghouta_events/samples/{name}" not in names] == []


def test_wheel_declares_the_console_script(dist: Dist) -> None:
    with zipfile.ZipFile(dist.wheel) as wheel:
        found = [name for name in wheel.namelist() if name.endswith(".dist-info/entry_points.txt")]
        assert len(found) == 1, found
        text = wheel.read(found[0]).decode("utf-8")
    entry_points = configparser.ConfigParser()
    entry_points.read_string(text)
    assert entry_points["console_scripts"]["ghouta-events"] == "ghouta_events._cli:main"


def test_sdist_holds_what_the_wheel_is_built_from(dist: Dist) -> None:
    with tarfile.open(dist.sdist) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    expected = ["pyproject.toml", "README.md", "LICENSE", "ghouta_events/py.typed",
                *(f"ghouta_events/data/{name}" for name in DATA_FILES),
                *(f"ghouta_events/samples/{name}" for name in _sample_names())]
    assert [name for name in expected if name not in names] == []


def test_wheel_installs_and_runs_the_demo(dist: Dist, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", venv], cwd=tmp_path)
    scripts = venv / ("Scripts" if os.name == "nt" else "bin")
    python = scripts / ("python.exe" if os.name == "nt" else "python")
    _run([python, "-m", "pip", "install", "-q", dist.wheel], cwd=tmp_path)

    where = _run([python, "-c", "import ghouta_events; print(ghouta_events.__file__)"], cwd=tmp_path).strip()
    assert Path(where).resolve().is_relative_to(venv.resolve()), f"imported from {where}, not the fresh environment"
    title = _run([python, "-c", "import ghouta_events; print(ghouta_events.json_schema()['title'])"], cwd=tmp_path)
    assert title.strip() == "ghouta-events document, version 1"

    version = _run([python, "-c", "import ghouta_events; print(ghouta_events.__version__)"], cwd=tmp_path).strip()
    listed = _run([python, "-m", "pip", "show", "ghouta-events"], cwd=tmp_path)
    assert f"Version: {version}" in listed.splitlines()

    output = _run([scripts / "ghouta-events", "demo", "--quiet"], cwd=tmp_path)
    assert output.startswith("Parsed 5 bundled sample reports"), output[:500]


def test_the_pure_wheel_holds_no_extension_modules(dist: Dist) -> None:
    assert dist.wheel.name.endswith("-py3-none-any.whl")
    with zipfile.ZipFile(dist.wheel) as wheel:
        assert [name for name in wheel.namelist() if name.endswith((".so", ".pyd"))] == []
