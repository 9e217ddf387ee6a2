"""CSV with HXL hashtags: one row per consolidated movement or figure."""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Final

from .._gazetteer import Gazetteer, default_gazetteer
from .._io import write_atomic
from .._merge import Dataset, Tally
from .._model import FigureKind
from .common import _DECIMALS, _FIGURE_SLOT, _checked, _summaries, _Summary

__all__ = ["CSV_COLUMNS", "HXL_TAGS", "dump_csv", "to_csv_rows"]

#: The CSV columns, each with its HXL hashtag (https://hxlstandard.org, the dictionary). Tags come from the
#: HXL dictionary (#meta +id, #date +start, #loc +name, #adm1 +name, #geo +lat, #group +name for armed groups,
#: #affected +killed, #description); attributes outside it (+precision, +best, +conservative, +fighters...)
#: are custom attributes, which HXL allows. ``+origin`` and ``+dest`` tell the two ends of a movement apart.
_CSV_LAYOUT: Final = (
    ("record_id", "#meta+id"),  # the consolidated record's id (convoy-..., figure-...)
    ("record_type", "#meta+type"),  # movement | figure
    ("kind", "#event+type"),  # "movement", or the figure's kind (killed, fled, evacuated, remaining...)
    ("date_start", "#date+start"),  # ISO 8601; empty when undated
    ("date_end", "#date+end"),
    ("date_precision", "#date+precision"),  # day, days, week, part_of_month, month, year
    ("origin", "#loc+name+origin"),  # a movement's origin; a figure's place
    ("origin_admin1", "#adm1+name+origin"),  # the governorate it lies in
    ("origin_latitude", "#geo+lat+origin"),
    ("origin_longitude", "#geo+lon+origin"),
    ("destination", "#loc+name+dest"),  # empty for figures
    ("destination_admin1", "#adm1+name+dest"),
    ("destination_latitude", "#geo+lat+dest"),
    ("destination_longitude", "#geo+lon+dest"),
    ("geo_precision", "#loc+type+origin"),  # the kind of place whose coordinates the origin columns give
    ("destination_geo_precision", "#loc+type+dest"),  # the same for the destination columns
    ("factions", "#group+name"),  # armed groups and states, "; "-separated
    ("low", "#affected+min"),  # the headline count's estimate (see to_csv_rows)
    ("best", "#affected+best"),
    ("high", "#affected+max"),
    ("conservative", "#affected+conservative"),
    ("buses_best", "#indicator+buses+num"),  # each count of a movement, best estimate
    ("people_best", "#affected+displaced+best"),
    ("fighters_best", "#affected+displaced+fighters+best"),
    ("civilians_best", "#affected+displaced+civilians+best"),
    ("killed_best", "#affected+killed"),  # figures of kind "killed" only
    ("sources", "#meta+source"),  # the originators, "; "-separated
    ("number_of_sources", "#meta+source+num"),  # how many distinct originators
    ("reports", "#meta+report"),  # the ids of the reports that tell of the record, "; "-separated
    ("notes", "#description+notes"),  # the conflicts between its claims, " | "-separated
)

#: The header row of :func:`to_csv_rows`.
CSV_COLUMNS: Final[tuple[str, ...]] = tuple(name for name, _ in _CSV_LAYOUT)

#: The HXL hashtag row of :func:`to_csv_rows`, one tag per column of :data:`CSV_COLUMNS`.
HXL_TAGS: Final[tuple[str, ...]] = tuple(tag for _, tag in _CSV_LAYOUT)

#: What a spreadsheet may execute when a cell starts with it (a formula, a DDE call): such a cell is written
#: with a single quote before it. Decimal numbers are left alone: "-0.5" is a number, not a formula.
_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
RE_DECIMAL: Final = re.compile(r"-?[0-9]+(?:\.[0-9]+)?\Z")


def _neutralized(cell: str) -> str:
    """The cell, with a ``'`` before it when a spreadsheet would read it as a formula."""
    if cell.startswith(_FORMULA_STARTS) and RE_DECIMAL.match(cell) is None:
        return "'" + cell
    return cell


def _coordinate(value: float | None) -> str:
    """A coordinate in plain decimal notation with at most six decimals ("36.4017", never "1e-05")."""
    if value is None:
        return ""
    text = f"{value:.{_DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


def _best(tallies: Mapping[str, Tally], slot: str) -> str:
    tally = tallies.get(slot)
    return "" if tally is None else str(tally.estimate.best)


def _csv_row(summary: _Summary) -> list[str]:
    date = summary.record.date
    origin, destination = summary.origin, summary.destination
    estimate = summary.headline.estimate if summary.headline is not None else None
    killed = summary.record_type == "figure" and summary.kind == FigureKind.KILLED.value
    cells = {
        "record_id": summary.record.id,
        "record_type": summary.record_type,
        "kind": summary.kind,
        "date_start": "" if date is None else date.start.isoformat(),
        "date_end": "" if date is None else date.end.isoformat(),
        "date_precision": "" if date is None else date.precision.value,
        "origin": "" if origin is None else origin.place.name,
        "origin_admin1": "" if origin is None else origin.admin1 or "",
        "origin_latitude": "" if origin is None else _coordinate(origin.latitude),
        "origin_longitude": "" if origin is None else _coordinate(origin.longitude),
        "destination": "" if destination is None else destination.place.name,
        "destination_admin1": "" if destination is None else destination.admin1 or "",
        "destination_latitude": "" if destination is None else _coordinate(destination.latitude),
        "destination_longitude": "" if destination is None else _coordinate(destination.longitude),
        "geo_precision": "" if origin is None or origin.precision is None else origin.precision.value,
        "destination_geo_precision": ""
        if destination is None or destination.precision is None else destination.precision.value,
        "factions": "; ".join(summary.factions),
        "low": _number(None if estimate is None else estimate.low),
        "best": _number(None if estimate is None else estimate.best),
        "high": _number(None if estimate is None else estimate.high),
        "conservative": _number(None if estimate is None else estimate.conservative),
        "buses_best": _best(summary.tallies, "buses"),
        "people_best": _best(summary.tallies, "people"),
        "fighters_best": _best(summary.tallies, "fighters"),
        "civilians_best": _best(summary.tallies, "civilians"),
        "killed_best": _best(summary.tallies, _FIGURE_SLOT) if killed else "",
        "sources": "; ".join(summary.originators),
        "number_of_sources": str(len(summary.originators)),
        "reports": "; ".join(summary.reports),
        "notes": " | ".join(summary.conflicts),
    }
    return [_neutralized(cells[column]) for column in CSV_COLUMNS]


def to_csv_rows(dataset: Dataset, *, hxl: bool = True, gazetteer: Gazetteer | None = None) -> list[list[str]]:
    """The dataset as rows of a table: one row per consolidated movement and per consolidated figure.

    The first row is the header; with ``hxl``, the second holds an HXL hashtag for each column
    (https://hxlstandard.org), as datasets on the Humanitarian Data Exchange do. Then one row per movement,
    then one per figure, in the dataset's order. Events are not rows: :func:`to_geojson` and
    :func:`dump_sqlite` hold them. The columns, with their hashtags:

    * ``record_id`` (``#meta+id``): the consolidated record's id; ``record_type`` (``#meta+type``):
      ``movement`` or ``figure``; ``kind`` (``#event+type``): ``movement``, or the figure's :class:`FigureKind`;
    * ``date_start`` (``#date+start``), ``date_end`` (``#date+end``): ISO 8601 days, empty when undated;
      ``date_precision`` (``#date+precision``): a :class:`Precision`;
    * ``origin`` (``#loc+name+origin``): a movement's origin, or a figure's place; ``origin_admin1``
      (``#adm1+name+origin``): the governorate it lies in; ``origin_latitude`` (``#geo+lat+origin``) and
      ``origin_longitude`` (``#geo+lon+origin``): decimal degrees, at most six decimals;
    * ``destination``, ``destination_admin1``, ``destination_latitude``, ``destination_longitude``: the same for
      a movement's destination (``+dest`` instead of ``+origin``);
    * ``geo_precision`` (``#loc+type+origin``) and ``destination_geo_precision`` (``#loc+type+dest``): the
      :class:`PlaceKind` (``town``, ``city``, ``region``, ``governorate``...) of the place whose coordinates are
      given. A place's coordinates are its own, or when it has none, those of the nearest place it lies in that
      has some, so these say how precise the coordinates are, as the precision codes of ACLED and UCDP do;
    * ``factions`` (``#group+name``): the armed groups and states, ``"; "``-separated;
    * ``low`` (``#affected+min``), ``best`` (``#affected+best``), ``high`` (``#affected+max``), ``conservative``
      (``#affected+conservative``): the :class:`Estimate` of the headline count: for a movement, of the people
      in all, else of the fighters, else of the civilians; for a figure, of its count;
    * ``buses_best`` (``#indicator+buses+num``), ``people_best`` (``#affected+displaced+best``),
      ``fighters_best`` (``#affected+displaced+fighters+best``), ``civilians_best``
      (``#affected+displaced+civilians+best``): each count of a movement, best estimate; ``killed_best``
      (``#affected+killed``): the best estimate of a figure of kind ``killed``;
    * ``sources`` (``#meta+source``): the originators of the record's members, ``"; "``-separated (an outlet's
      own reporting is shown as ``(report ID)`` and counts once per report, as in :func:`merge`);
      ``number_of_sources`` (``#meta+source+num``): how many; ``reports`` (``#meta+report``): the report ids;
      ``notes`` (``#description+notes``): the messages of the record's conflicts, ``" | "``-separated.

    Every cell is a string; empty means unknown or not applicable. A cell that a spreadsheet would execute
    (one starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, such as a report id
    ``=cmd|...``) is given a single quote ``'`` in front. Decimal numbers (a negative longitude) are left as
    they are; counts are never negative.

    Args:
        dataset: the dataset to tabulate.
        hxl: whether to add the row of HXL hashtags.
        gazetteer: where to look up the places each place lies in; the bundled one by default.

    Returns:
        The rows, header first, ready for ``csv.writer(...).writerows``.
    """
    dataset = _checked(dataset, "to_csv_rows")
    geo = (gazetteer or default_gazetteer()).geography
    rows = [list(CSV_COLUMNS)]
    if hxl:
        rows.append(list(HXL_TAGS))
    rows.extend(_csv_row(summary) for summary in _summaries(dataset, geo, events=False))
    return rows


def _csv_text(rows: Iterable[Sequence[str]]) -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, quoting=csv.QUOTE_MINIMAL).writerows(rows)
    return buffer.getvalue()


def dump_csv(dataset: Dataset, path: str | os.PathLike[str], *, hxl: bool = True,
             gazetteer: Gazetteer | None = None) -> None:
    """Write the rows of :func:`to_csv_rows` to a CSV file, atomically.

    The file is UTF-8 without a byte order mark, with ``\\r\\n`` line ends (RFC 4180) and fields quoted only
    when they must be (a comma, a quote or a line break inside); an existing file is replaced whole.

    Args:
        dataset: the dataset to write.
        path: the file to write.
        hxl: whether to add the row of HXL hashtags under the header.
        gazetteer: where to look up the places each place lies in; the bundled one by default.
    """
    text = _csv_text(to_csv_rows(dataset, hxl=hxl, gazetteer=gazetteer))
    write_atomic(path, lambda handle: handle.write(text))
