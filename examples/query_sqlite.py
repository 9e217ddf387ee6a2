"""Build an SQLite database from the bundled sample reports and run every example query on it.

    python examples/query_sqlite.py

The database is written to a temporary file, removed at the end. Each query's first lines (an SQL comment)
say what it answers; the results are printed under them as a small table.
"""

from __future__ import annotations

import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

from ghouta_events import dump_sqlite, merge, sample_reports, sqlite_queries


def show(cursor: sqlite3.Cursor) -> None:
    """Print a query's rows as a table, with the column names on top."""
    header = [column[0] for column in cursor.description]
    rows = [["" if value is None else str(value) for value in row] for row in cursor.fetchall()]
    widths = [max(len(cell) for cell in column) for column in zip(header, *rows, strict=False)]
    for row in (header, *rows):
        print("  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    if not rows:
        print("  (no rows)")


def main() -> None:
    dataset = merge(sample_reports())
    with tempfile.TemporaryDirectory(prefix="ghouta-events-") as folder:
        database = Path(folder) / "dataset.sqlite"
        dump_sqlite(dataset, database)
        with closing(sqlite3.connect(database)) as connection:
            for name, query in sqlite_queries().items():
                comment = [line for line in query.splitlines() if line.startswith("--")]
                print(f"\n{name}")
                for line in comment:
                    print(f"  {line}")
                show(connection.execute(query))


if __name__ == "__main__":
    main()
