"""The release artifacts: the sdist and wheel build, pass ``twine check``, hold everything the package reads at run
time, and the wheel installs into a fresh virtual environment whose ``ghouta-events demo`` runs. The compiled
wheel (``GHOUTA_EVENTS_COMPILE=1``) builds from the sdist, compiles the modules it lists, and parses the sample
reports, and the shared corpus when it is there, exactly as the sources do; it is skipped, saying why, on a
machine with no C compiler or no Python headers.

Slow (three minutes or so: the builds and the fresh environments fetch their dependencies from the package
index, and compiling takes a minute), but part of the default run. The project is copied to a temporary folder
first, so building leaves nothing behind in the working tree.
"""

from __future__ import annotations

import configparser
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Final, NamedTuple

import pytest

from ghouta_events import parse, to_json
from ghouta_events._build import COMPILED_MODULES

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

    output = _run([scripts / "ghouta-events", "demo", "--quiet"], cwd=tmp_path)
    assert output.startswith("Parsed 5 bundled sample reports"), output[:500]


# --- The compiled build ------------------------------------------------------------------------------------


def _compiler_missing() -> str | None:
    """Why this machine cannot build C extensions for this interpreter, or ``None`` when it can."""
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        return f"no C compiler ({compiler!r} is not on PATH)"
    headers = Path(sysconfig.get_paths()["include"]) / "Python.h"
    if not headers.is_file():
        return f"no Python headers ({headers} is missing; install the interpreter's development package)"
    return None


@pytest.fixture(scope="module")
def compiled_wheel(dist: Dist) -> Path:
    """A wheel built from the sdist with ``GHOUTA_EVENTS_COMPILE=1``: the rules and the text layer compiled by
    mypyc (about a minute)."""
    reason = _compiler_missing()
    if reason is not None:
        pytest.skip(f"the compiled build needs a C toolchain: {reason}")
    out = dist.sdist.parent.parent / "compiled"
    env = {**_environment(), "GHOUTA_EVENTS_COMPILE": "1"}
    done = subprocess.run([sys.executable, "-m", "build", "-q", "--wheel", "--outdir", str(out), str(dist.sdist)],
                          cwd=out.parent, env=env, capture_output=True, text=True, timeout=900, check=False)
    if done.returncode != 0:
        pytest.fail(f"the compiled build exited {done.returncode}\n--- stdout\n{done.stdout[-5000:]}\n"
                    f"--- stderr\n{done.stderr[-5000:]}", pytrace=False)
    wheels = sorted(out.glob("*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def test_the_pure_wheel_holds_no_extension_modules(dist: Dist) -> None:
    assert dist.wheel.name.endswith("-py3-none-any.whl")
    with zipfile.ZipFile(dist.wheel) as wheel:
        assert [name for name in wheel.namelist() if name.endswith((".so", ".pyd"))] == []


def test_the_compiled_wheel_compiles_the_listed_modules(compiled_wheel: Path) -> None:
    with zipfile.ZipFile(compiled_wheel) as wheel:
        names = wheel.namelist()
    extensions = {name.split(".", 1)[0].replace("/", ".") for name in names if name.endswith((".so", ".pyd"))}
    assert set(COMPILED_MODULES) <= extensions
    # The sources stay in the wheel, beside their compiled modules, for tracebacks and for reading.
    assert all(f"{module.replace('.', '/')}.py" in names for module in COMPILED_MODULES)
    assert "-py3-none-any" not in compiled_wheel.name


def _texts_to_compare() -> list[Path]:
    """The bundled samples, and the shared corpus's reports when it is there."""
    texts = sorted((PACKAGE / "samples").glob("*.txt"))
    shared = ROOT.parent / "shared" / "corpus"
    return texts + sorted(shared.glob("*/*.txt")) if shared.is_dir() else texts


# Run in the environment of the compiled build: the JSON of parse() for each file named on the command line.
_PARSE_EACH: Final = """
import json, sys
from ghouta_events import parse, to_json
print(json.dumps([to_json(parse(open(p, encoding="utf-8").read(), report_id="r")) for p in sys.argv[1:]]))
"""


def test_the_compiled_build_parses_as_the_sources_do(compiled_wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", venv], cwd=tmp_path)
    scripts = venv / ("Scripts" if os.name == "nt" else "bin")
    python = scripts / ("python.exe" if os.name == "nt" else "python")
    _run([python, "-m", "pip", "install", "-q", compiled_wheel], cwd=tmp_path)
    assert _run([scripts / "ghouta-events", "--version"], cwd=tmp_path).strip().endswith("(compiled)")

    paths = _texts_to_compare()
    compiled = json.loads(_run([python, "-c", _PARSE_EACH, *paths], cwd=tmp_path))
    here = [to_json(parse(path.read_text(encoding="utf-8"), report_id="r")) for path in paths]
    differ = [path.name for path, a, b in zip(paths, here, compiled, strict=True) if a != b]
    assert differ == [], f"the compiled build parses these differently: {differ}"
