"""The sample reports bundled with the package, for trying the library without a corpus of one's own."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ._gazetteer import Gazetteer
from ._model import Report
from ._parse import parse
from ._reading import read_text

__all__ = ["sample_paths", "sample_reports"]


def sample_paths() -> list[Path]:
    """The bundled sample reports' ``NAME.txt`` files, in order of name; each has a ``NAME.meta.json`` sidecar
    giving its publication date."""
    folder = resources.files("ghouta_events.samples")
    return sorted(Path(str(folder.joinpath(entry.name))) for entry in folder.iterdir() if entry.name.endswith(".txt"))


def sample_reports(*, gazetteer: Gazetteer | None = None) -> list[Report]:
    """The bundled sample reports, parsed, each with the publication date of its sidecar and its name as id.

    >>> [report.id for report in sample_reports()]
    ['arbin_agency', 'douma_ministry', 'douma_monitor', 'harasta_state', 'harasta_wire']
    """
    return [parse(item.text, published=item.published, report_id=item.id, gazetteer=gazetteer)
            for item in map(read_text, sample_paths())]
