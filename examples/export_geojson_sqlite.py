"""Merge the bundled sample reports and write the dataset as GeoJSON and as an SQLite database.

    python examples/export_geojson_sqlite.py [FOLDER]

The files, dataset.geojson and dataset.sqlite, go into FOLDER (created if needed), or into a new temporary
folder when none is given; the script prints where they are and what they hold. Open the GeoJSON in QGIS or
any web map; open the database with the sqlite3 shell, DB Browser for SQLite, or pandas.read_sql.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

from ghouta_events import dump_geojson, dump_sqlite, merge, sample_reports


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path)
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="ghouta-events-"))
    folder.mkdir(parents=True, exist_ok=True)

    dataset = merge(sample_reports())
    print(f"{len(dataset.reports)} reports merged into {len(dataset.convoys)} movements, "
          f"{len(dataset.figures)} figures and {len(dataset.events)} events")

    geojson = folder / "dataset.geojson"
    dump_geojson(dataset, geojson)
    collection = json.loads(geojson.read_text(encoding="utf-8"))
    shapes = sorted({f["geometry"]["type"] for f in collection["features"]})
    print(f"{len(collection['features'])} features in {geojson} ({', '.join(shapes)}); "
          f"{len(collection['omitted'])} records without a place left out")

    database = folder / "dataset.sqlite"
    dump_sqlite(dataset, database)
    with closing(sqlite3.connect(database)) as connection:
        counts = {table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                  for table in ("reports", "movements", "figures", "events", "records", "claims", "conflicts")}
    print(f"{database}: " + ", ".join(f"{count} {table}" for table, count in counts.items()))


if __name__ == "__main__":
    main()
