"""Exports of a dataset for the tools conflict researchers already use: CSV with HXL hashtags, GeoJSON, SQLite.

Each export holds the *consolidated* records of a :class:`Dataset` (one row or feature per real movement, figure
or event), in the shape of event datasets such as ACLED and UCDP GED: one date range, named places with their
governorate (admin1) and coordinates, the armed groups, a low/best/high estimate with the conservative figure,
and the originators behind it. The SQLite database also keeps every claim, its attribution chain, the parsed
record it was read from and the conflicts between claims, and the whole dataset losslessly, so that
:func:`load_sqlite` reads back a dataset equal to the one written.

Places are located through the gazetteer: the governorate is the first place of kind
:attr:`PlaceKind.GOVERNORATE` in the place's lineage (the place itself when it is one); the coordinates are the
place's own, or, when it has none, those of the nearest place it lies in that has some; ``geo_precision`` names
the kind of the place whose coordinates are given.

Only the standard library is used (:mod:`csv`, :mod:`json`, :mod:`sqlite3`); every file is written whole to a
temporary file in the target's folder and renamed into place, so a crash never leaves half a file behind.

The formats live in a module each, :mod:`.csv`, :mod:`.geojson` and :mod:`.sqlite`, with what they share in
:mod:`.common`.
"""

from .csv import CSV_COLUMNS, HXL_TAGS, dump_csv, to_csv_rows
from .geojson import dump_geojson, to_geojson
from .sqlite import SQLITE_QUERIES, SQLITE_USER_VERSION, dump_sqlite, load_sqlite, sqlite_queries

__all__ = [
    "CSV_COLUMNS",
    "HXL_TAGS",
    "SQLITE_QUERIES",
    "SQLITE_USER_VERSION",
    "dump_csv",
    "dump_geojson",
    "dump_sqlite",
    "load_sqlite",
    "sqlite_queries",
    "to_csv_rows",
    "to_geojson",
]
