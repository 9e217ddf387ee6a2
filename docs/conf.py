"""Sphinx configuration for the ghouta-events documentation.

Build (offline, as the checks do)::

    sphinx-build -n -W -b html docs docs/_build/html
    sphinx-build -n -W -b doctest docs docs/_build/doctest

Set ``GHOUTA_DOCS_INTERSPHINX=1`` to link to the Python and attrs documentation (needs network access).
"""

from __future__ import annotations

import datetime as _dt
import os
import sys
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

import ghouta_events

sys.path.insert(0, str(Path(__file__).parent / "_ext"))  # the local extensions below

# -- Project -------------------------------------------------------------------------------------------------

project = "ghouta-events"
author = "The ghouta_events authors"
copyright = f"{_dt.date.today().year}, {author}"
release = ghouta_events.__version__
version = ".".join(release.split(".")[:2])

# -- General -------------------------------------------------------------------------------------------------

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
    "myst_parser",
    "figures",  # _ext/figures.py: the timeline and map of the sample reports, drawn at build time
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_ext", "Thumbs.db", ".DS_Store"]
nitpicky = True
python_use_unqualified_type_names = True  # "Place", not "ghouta_events.Place", in type hints
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- HTML ------------------------------------------------------------------------------------------------

html_theme = "furo"
html_title = f"ghouta-events {release}"
html_static_path: list[str] = []

# -- autodoc and napoleon ------------------------------------------------------------------------------------

autodoc_typehints = "description"
autodoc_member_order = "bysource"
autodoc_class_signature = "mixed"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
napoleon_attr_annotations = True

# -- doctest -------------------------------------------------------------------------------------------------

# The docstrings' own examples assume the package's names and ``dt`` are at hand, as in the package's modules.
doctest_global_setup = """
import datetime as dt
from ghouta_events import *
"""
doctest_test_doctest_blocks = "default"

# -- intersphinx ---------------------------------------------------------------------------------------------

# Off by default so that the build needs no network; GHOUTA_DOCS_INTERSPHINX=1 turns the links on.
if os.environ.get("GHOUTA_DOCS_INTERSPHINX") == "1":
    intersphinx_mapping = {
        "python": ("https://docs.python.org/3", None),
        "attrs": ("https://www.attrs.org/en/stable/", None),
    }
else:
    intersphinx_mapping = {}

# Names that only intersphinx can resolve. They are ignored when it is off, and only then.
nitpick_ignore: list[tuple[str, str]] = []
if not intersphinx_mapping:
    nitpick_ignore += [
        # The standard library.
        ("py:class", "datetime.date"),
        ("py:class", "os.PathLike"),
        ("py:class", "pathlib.Path"),
        ("py:class", "enum.StrEnum"),
        ("py:class", "collections.abc.Iterable"),
        ("py:class", "collections.abc.Iterator"),
        # Dask (the optional extra).
        ("py:class", "dask.bag.Bag"),
        ("py:class", "dask.bag.core.Bag"),
        ("py:class", "distributed.Client"),
        ("py:class", "collections.abc.Mapping"),
        ("py:exc", "KeyError"),
        ("py:exc", "TypeError"),
        ("py:exc", "ValueError"),
        ("py:func", "json.dumps"),
    ]


# The constructor's private field types of Gazetteer are kept out of the reference by _hide_constructor below.

# -- Public names defined in private modules -------------------------------------------------------------------

# Every public name is defined in a private module (``ghouta_events._model.Convoy``) and re-exported from
# ``ghouta_events``, where the reference documents it. Type hints name the defining module; point them at the
# documented name instead.


def _public_target(
    app: Sphinx, env: BuildEnvironment, node: Any, contnode: nodes.TextElement
) -> nodes.reference | None:
    if node.get("refdomain") != "py":
        return None
    target = node.get("reftarget", "")
    module, _, name = target.rpartition(".")
    head, _, attribute = module.rpartition(".")
    if module.startswith("ghouta_events._") and name in ghouta_events.__all__:
        public = f"ghouta_events.{name}"
    elif head.startswith("ghouta_events._") and attribute in ghouta_events.__all__:
        public = f"ghouta_events.{attribute}.{name}"  # a member: ghouta_events._model.Report.excerpt
    else:
        return None
    domain = env.get_domain("py")
    return domain.resolve_xref(env, node["refdoc"], app.builder, node["reftype"], public, node, contnode)


# Classes that users get from a function rather than build themselves; their constructors take private types,
# so the reference shows neither their signature nor a parameter list.
_NOT_CONSTRUCTED = frozenset({"ghouta_events.Gazetteer"})


def _hide_constructor(
    app: Sphinx, what: str, name: str, obj: Any, options: Any, signature: str | None, return_annotation: str | None
) -> tuple[str, str] | None:
    if name not in _NOT_CONSTRUCTED:
        return None
    document = getattr(app.env, "current_document", None)  # Sphinx >= 8.2
    annotations = getattr(document, "autodoc_annotations", None)
    if annotations is None:  # before Sphinx 8.2, the recorded type hints lived in the temporary data
        annotations = getattr(app.env, "temp_data", {}).get("annotations", {})
    annotations.pop(name, None)
    return "", ""


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("missing-reference", _public_target)
    app.connect("autodoc-process-signature", _hide_constructor)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
