"""Parse and merge reports on a Dask cluster.

Needs the ``dask`` extra: ``pip install "ghouta-events[dask]"``.

* :func:`read_reports` lists ``.txt`` files and folders and returns a Dask bag of the reports, parsed on the
  workers;
* :func:`merge_bag` merges a bag of reports into one :class:`~ghouta_events.Dataset`, partition by partition;
* :func:`parse_and_merge` does both in one call.

The result equals what :func:`ghouta_events.parse` and :func:`ghouta_events.merge` give in one process.
"""

from __future__ import annotations

try:
    import dask.bag  # noqa: F401  (checked here so that a missing extra gets a clear message)
except ImportError as error:
    raise ImportError(
        'ghouta_events.dask needs Dask, which is an optional dependency: pip install "ghouta-events[dask]"'
    ) from error

from ._dask import merge_bag, parse_and_merge, read_reports

__all__ = ["merge_bag", "parse_and_merge", "read_reports"]
