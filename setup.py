"""Build script: the project's metadata is in ``pyproject.toml``; this adds the optional compiled modules.

``GHOUTA_EVENTS_COMPILE=1 pip install .`` compiles the parser's rules and text layer with mypyc; see
``tools/build_backend.py``.
"""

import sys
from pathlib import Path

from setuptools import setup

sys.path.insert(0, str(Path(__file__).resolve().parent / "tools"))

from build_backend import compiled_extensions

setup(ext_modules=compiled_extensions())
