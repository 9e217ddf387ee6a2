"""SQLite: the consolidated records as relational tables, with every claim, conflict and parsed record, and
the whole dataset losslessly."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from contextlib import closing
from pathlib import Path
from types import MappingProxyType
from typing import Final

from attrs import evolve

from .._errors import InputError
from .._gazetteer import Gazetteer, default_gazetteer
from .._io import file_mode, from_json, to_json, write_target
from .._merge import Claim, Dataset, Tally
from .._model import Convoy, DateRange, Event, Faction, Figure, Place, Report, Source
from .common import _CONVOY_SLOTS, _FIGURE_SLOT, _checked, _Record

__all__ = ["SQLITE_QUERIES", "SQLITE_USER_VERSION", "dump_sqlite", "load_sqlite", "sqlite_queries"]

#: The version of the database layout, stored as ``PRAGMA user_version``; it changes when a query written for the
#: old layout, or :func:`load_sqlite`, could misread the new one. Version 2 added the documents that make the
#: database lossless (``reports.document`` and the ``dataset`` table).
SQLITE_USER_VERSION: Final = 2

_SQLITE_SCHEMA: Final = """
CREATE TABLE reports (
    id         TEXT PRIMARY KEY,
    published  TEXT,             -- the publication date passed in, ISO 8601, or NULL
    digest     TEXT NOT NULL,    -- SHA-256 of the report's text
    anchor     TEXT,             -- what relative dates were read against: YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD
    document   TEXT NOT NULL     -- the whole report, as a JSON document of to_json (rows in the dataset's order)
);
CREATE TABLE dataset (
    id         INTEGER PRIMARY KEY CHECK (id = 1),  -- one row
    document   TEXT NOT NULL     -- the consolidated records, as a JSON dataset document of to_json whose reports
                                 -- are left out (they are reports.document)
);
CREATE TABLE sources (
    name  TEXT PRIMARY KEY,
    kind  TEXT NOT NULL          -- news_agency, state_media, monitor, un_agency, military...
);
CREATE TABLE factions (
    name  TEXT PRIMARY KEY,
    kind  TEXT NOT NULL          -- armed_group, state, coalition, militia
);
CREATE TABLE places (
    name       TEXT PRIMARY KEY,
    kind       TEXT,             -- town, city, region, governorate...; NULL for a place known only as a parent
    parent     TEXT REFERENCES places (name),
    country    TEXT,
    latitude   REAL,
    longitude  REAL
);
CREATE TABLE movements (
    id              TEXT PRIMARY KEY,
    date_start      TEXT,
    date_end        TEXT,
    date_precision  TEXT,
    origin          TEXT REFERENCES places (name),
    destination     TEXT REFERENCES places (name)
);
CREATE TABLE figures (
    id              TEXT PRIMARY KEY,
    kind            TEXT NOT NULL,  -- killed, fled, evacuated, remaining...
    date_start      TEXT,
    date_end        TEXT,
    date_precision  TEXT,
    place           TEXT REFERENCES places (name)
);
CREATE TABLE events (
    id              TEXT PRIMARY KEY,
    kind            TEXT NOT NULL,  -- evacuation, agreement, offensive...
    date_start      TEXT,
    date_end        TEXT,
    date_precision  TEXT,
    place           TEXT REFERENCES places (name)
);
CREATE TABLE records (
    id               TEXT PRIMARY KEY,  -- a parsed convoy, figure or event, as one report told it
    report           TEXT NOT NULL REFERENCES reports (id),
    record_type      TEXT NOT NULL CHECK (record_type IN ('movement', 'figure', 'event')),
    consolidated_id  TEXT NOT NULL      -- movements.id, figures.id or events.id
);
CREATE TABLE record_sources (
    record    TEXT NOT NULL REFERENCES records (id),
    position  INTEGER NOT NULL,         -- 0 is the originator, then the intermediaries
    source    TEXT NOT NULL REFERENCES sources (name),
    PRIMARY KEY (record, position)
);
CREATE TABLE claims (
    id               INTEGER PRIMARY KEY,
    consolidated_id  TEXT NOT NULL,
    slot             TEXT NOT NULL,     -- buses, people, fighters, civilians; quantity for a figure
    record           TEXT NOT NULL REFERENCES records (id),
    report           TEXT NOT NULL REFERENCES reports (id),
    value            INTEGER NOT NULL,
    qualifier        TEXT NOT NULL,     -- exact, more_than, at_least, about, up_to, less_than
    low              INTEGER,           -- NULL: open below
    high             INTEGER            -- NULL: open above
);
CREATE TABLE claim_sources (
    claim     INTEGER NOT NULL REFERENCES claims (id),
    position  INTEGER NOT NULL,         -- 0 is the originator; no row: the outlet's own reporting
    source    TEXT NOT NULL REFERENCES sources (name),
    PRIMARY KEY (claim, position)
);
CREATE TABLE estimates (
    consolidated_id  TEXT NOT NULL,
    slot             TEXT NOT NULL,
    low              INTEGER NOT NULL,
    best             INTEGER NOT NULL,
    high             INTEGER NOT NULL,
    conservative     INTEGER NOT NULL,
    PRIMARY KEY (consolidated_id, slot)
);
CREATE TABLE conflicts (
    id               INTEGER PRIMARY KEY,
    consolidated_id  TEXT NOT NULL,
    slot             TEXT NOT NULL,
    kind             TEXT NOT NULL,     -- disjoint, fighters_exceed_people, parts_exceed_total
    message          TEXT NOT NULL
);
CREATE TABLE conflict_claims (
    conflict  INTEGER NOT NULL REFERENCES conflicts (id),
    claim     INTEGER NOT NULL REFERENCES claims (id),
    PRIMARY KEY (conflict, claim)
);
CREATE TABLE movement_factions (
    movement  TEXT NOT NULL REFERENCES movements (id),
    faction   TEXT NOT NULL REFERENCES factions (name),
    PRIMARY KEY (movement, faction)
);
CREATE TABLE event_factions (
    event    TEXT NOT NULL REFERENCES events (id),
    faction  TEXT NOT NULL REFERENCES factions (name),
    PRIMARY KEY (event, faction)
);
CREATE INDEX places_parent ON places (parent);
CREATE INDEX movements_origin ON movements (origin);
CREATE INDEX movements_destination ON movements (destination);
CREATE INDEX movements_date_start ON movements (date_start);
CREATE INDEX figures_place ON figures (place);
CREATE INDEX figures_date_start ON figures (date_start);
CREATE INDEX events_place ON events (place);
CREATE INDEX events_date_start ON events (date_start);
CREATE INDEX records_report ON records (report);
CREATE INDEX records_consolidated_id ON records (consolidated_id);
CREATE INDEX record_sources_source ON record_sources (source);
CREATE INDEX claims_consolidated_id ON claims (consolidated_id);
CREATE INDEX claims_record ON claims (record);
CREATE INDEX claims_report ON claims (report);
CREATE INDEX claim_sources_source ON claim_sources (source);
CREATE INDEX conflicts_consolidated_id ON conflicts (consolidated_id);
CREATE INDEX conflict_claims_claim ON conflict_claims (claim);
CREATE INDEX movement_factions_faction ON movement_factions (faction);
CREATE INDEX event_factions_faction ON event_factions (faction);
"""

#: An originator for SQL: the first source of a claim's chain, or for the outlet's own reporting, the report
#: (each report counts once, as in the merge).
_SQL_ORIGINATOR: Final = "COALESCE(cs.source, '(report ' || c.report || ')')"

_QUERIES: Final = {
    "movements_from_douma_with_more_than_one_source": f"""
-- Movements from Douma, or from a place lying in Douma, whose claims come from more than one distinct
-- originator (relays of one originator count once), with their dates and people estimate.
WITH RECURSIVE in_douma (name) AS (
    SELECT name FROM places WHERE name = 'Douma'
    UNION
    SELECT places.name FROM places JOIN in_douma ON places.parent = in_douma.name
)
SELECT m.id, m.date_start, m.date_end, m.origin, m.destination,
       e.low AS people_low, e.best AS people_best, e.high AS people_high,
       e.conservative AS people_conservative,
       COUNT(DISTINCT {_SQL_ORIGINATOR}) AS originators
FROM movements AS m
JOIN claims AS c ON c.consolidated_id = m.id
LEFT JOIN claim_sources AS cs ON cs.claim = c.id AND cs.position = 0
LEFT JOIN estimates AS e ON e.consolidated_id = m.id AND e.slot = 'people'
WHERE m.origin IN (SELECT name FROM in_douma)
GROUP BY m.id
HAVING COUNT(DISTINCT {_SQL_ORIGINATOR}) > 1
ORDER BY m.date_start, m.id
""",
    "people_moved_by_origin": """
-- Movements and the people in them (sums of estimates), by place of origin.
SELECT m.origin, COUNT(*) AS movements, SUM(e.best) AS people_best, SUM(e.conservative) AS people_conservative,
       MIN(m.date_start) AS first_day, MAX(m.date_end) AS last_day
FROM movements AS m
LEFT JOIN estimates AS e ON e.consolidated_id = m.id AND e.slot = 'people'
GROUP BY m.origin
ORDER BY COALESCE(SUM(e.best), 0) DESC, m.origin
""",
    "claims_by_originator": f"""
-- Who the numbers come from: claims per originator, and how many consolidated records they bear on.
SELECT {_SQL_ORIGINATOR} AS originator, s.kind,
       COUNT(*) AS claims, COUNT(DISTINCT c.consolidated_id) AS records
FROM claims AS c
LEFT JOIN claim_sources AS cs ON cs.claim = c.id AND cs.position = 0
LEFT JOIN sources AS s ON s.name = cs.source
GROUP BY originator
ORDER BY claims DESC, originator
""",
    "conflicts_with_their_claims": f"""
-- Every conflict, with each claim behind it and that claim's originator.
SELECT k.consolidated_id, k.kind, k.message, c.slot, c.qualifier, c.value,
       {_SQL_ORIGINATOR} AS originator, c.report
FROM conflicts AS k
JOIN conflict_claims AS kc ON kc.conflict = k.id
JOIN claims AS c ON c.id = kc.claim
LEFT JOIN claim_sources AS cs ON cs.claim = c.id AND cs.position = 0
ORDER BY k.id, c.slot, c.value, c.id
""",
    "figures_with_estimates": """
-- Every consolidated figure (tolls, totals, planned departures...) with its place and estimate.
SELECT f.kind, f.place, f.date_start, f.date_end, e.low, e.best, e.high, e.conservative
FROM figures AS f
JOIN estimates AS e ON e.consolidated_id = f.id AND e.slot = 'quantity'
ORDER BY f.kind, f.date_start, f.id
""",
}

#: Example queries for the database :func:`dump_sqlite` writes, by name; each starts with an SQL comment saying
#: what it answers, and none takes parameters. Read-only; :func:`sqlite_queries` gives a copy.
SQLITE_QUERIES: Final[Mapping[str, str]] = MappingProxyType({name: sql.strip() for name, sql in _QUERIES.items()})


def sqlite_queries() -> dict[str, str]:
    """Example queries for the database that :func:`dump_sqlite` writes, by name.

    Each query starts with an SQL comment saying what it answers, and none takes parameters:

    * ``movements_from_douma_with_more_than_one_source``: the movements from Douma (or from a place lying in
      Douma) whose claims come from more than one distinct originator, with their dates and people estimate;
    * ``people_moved_by_origin``: movements and people (best and conservative sums) by place of origin;
    * ``claims_by_originator``: claims per originator, and the records they bear on;
    * ``conflicts_with_their_claims``: every conflict with the claims and originators behind it;
    * ``figures_with_estimates``: every figure with its place and estimate.

    >>> print(sqlite_queries()["people_moved_by_origin"].splitlines()[0])
    -- Movements and the people in them (sums of estimates), by place of origin.

    Returns:
        A new ``dict`` of query name to SQL text (changing it changes nothing else).
    """
    return dict(SQLITE_QUERIES)


def _iso_range(date: DateRange | None) -> str | None:
    if date is None:
        return None
    if date.start == date.end:
        return date.start.isoformat()
    return f"{date.start.isoformat()}/{date.end.isoformat()}"


class _Tables:
    """The rows of every table, gathered from one dataset before anything is written."""

    def __init__(self, dataset: Dataset, gazetteer: Gazetteer) -> None:
        self.geo = gazetteer.geography
        self.places: dict[str, tuple[object, ...]] = {}
        self.sources: dict[str, str] = {}
        self.factions: dict[str, str] = {}
        self.records: list[tuple[object, ...]] = []
        self.record_sources: list[tuple[object, ...]] = []
        self._record_ids: set[str] = set()
        for report in dataset.reports:
            self.add_sources(report.sources)
            self.add_factions(report.factions)
            for place in report.places:
                self.add_place(place)

    def add_place(self, place: Place | None) -> str | None:
        """Add a place and every place it lies in; the place's name."""
        if place is None:
            return None
        chain = self.geo.lineage_of(place)
        for inner, outer in zip(chain, (*chain[1:], None), strict=True):
            held = self.places.get(inner.name)
            if held is not None and held[1] is not None:
                continue  # already there (a row known only as a parent is replaced)
            parent = inner.parent if outer is None else outer.name
            self.places[inner.name] = (inner.name, inner.kind.value, parent, inner.country, inner.latitude,
                                       inner.longitude)
            if outer is None and parent is not None and parent not in self.places:
                self.places[parent] = (parent, None, None, None, None, None)  # known only as a parent
        return place.name

    def add_sources(self, sources: Iterable[Source]) -> None:
        for source in sources:
            self.sources.setdefault(source.name, source.kind.value)

    def add_factions(self, factions: Iterable[Faction]) -> None:
        for faction in factions:
            self.factions.setdefault(faction.name, faction.kind.value)

    def add_record(self, record: Convoy | Figure | Event, report: str, record_type: str, consolidated: str) -> None:
        if record.id in self._record_ids:
            raise InputError(f"two parsed records share the id {record.id!r}; the database needs one id per "
                             f"record (give each report its own id and begin its records' ids with it)")
        self._record_ids.add(record.id)
        self.records.append((record.id, report, record_type, consolidated))
        self.add_sources(record.sources)
        self.record_sources.extend((record.id, position, s.name) for position, s in enumerate(record.sources))


def _dated(date: DateRange | None) -> tuple[str | None, str | None, str | None]:
    if date is None:
        return None, None, None
    return date.start.isoformat(), date.end.isoformat(), date.precision.value


def _write_database(connection: sqlite3.Connection, dataset: Dataset, gazetteer: Gazetteer) -> None:
    tables = _Tables(dataset, gazetteer)
    movements: list[tuple[object, ...]] = []
    figures: list[tuple[object, ...]] = []
    events: list[tuple[object, ...]] = []
    movement_factions: list[tuple[str, str]] = []
    event_factions: list[tuple[str, str]] = []
    tallies: list[tuple[str, str, Tally]] = []
    for convoy in dataset.convoys:
        origin, destination = tables.add_place(convoy.origin), tables.add_place(convoy.destination)
        movements.append((convoy.id, *_dated(convoy.date), origin, destination))
        tables.add_factions(convoy.factions)
        movement_factions.extend((convoy.id, f.name) for f in convoy.factions)
        for told, report in zip(convoy.members, convoy.reports, strict=True):
            tables.add_record(told, report, "movement", convoy.id)
            tables.add_place(told.origin)
            tables.add_place(told.destination)
            tables.add_factions(told.factions)
        tallies.extend((convoy.id, slot, t) for slot in _CONVOY_SLOTS if (t := getattr(convoy, slot)) is not None)
    for figure in dataset.figures:
        figures.append((figure.id, figure.kind.value, *_dated(figure.date), tables.add_place(figure.place)))
        for counted, report in zip(figure.members, figure.reports, strict=True):
            tables.add_record(counted, report, "figure", figure.id)
            tables.add_place(counted.place)
        tallies.append((figure.id, _FIGURE_SLOT, figure.quantity))
    for event in dataset.events:
        events.append((event.id, event.kind.value, *_dated(event.date), tables.add_place(event.place)))
        tables.add_factions(event.factions)
        event_factions.extend((event.id, f.name) for f in event.factions)
        for happened, report in zip(event.members, event.reports, strict=True):
            tables.add_record(happened, report, "event", event.id)
            tables.add_place(happened.place)
            tables.add_factions(happened.factions)

    claims: list[tuple[object, ...]] = []
    claim_sources: list[tuple[object, ...]] = []
    estimates: list[tuple[object, ...]] = []
    claim_ids: dict[tuple[str, Claim], list[int]] = defaultdict(list)
    for consolidated, slot, tally in tallies:
        e = tally.estimate
        estimates.append((consolidated, slot, e.low, e.best, e.high, e.conservative))
        for claim in tally.claims:
            claim_id = len(claims) + 1
            q = claim.quantity
            claims.append((claim_id, consolidated, slot, claim.record, claim.report, q.value, q.qualifier.value,
                           q.low, q.high))
            tables.add_sources(claim.sources)
            claim_sources.extend((claim_id, position, s.name) for position, s in enumerate(claim.sources))
            claim_ids[(consolidated, claim)].append(claim_id)
    conflicts: list[tuple[object, ...]] = []
    conflict_claims: set[tuple[int, int]] = set()
    for number, conflict in enumerate(dataset.conflicts, start=1):
        conflicts.append((number, conflict.record, conflict.slot, conflict.kind.value, conflict.message))
        for claim in conflict.claims:
            conflict_claims.update((number, claim_id) for claim_id in claim_ids.get((conflict.record, claim), ()))

    reports = [(r.id, None if r.published is None else r.published.isoformat(), r.digest, _iso_range(r.anchor),
                to_json(r)) for r in dataset.reports]
    rows: list[tuple[str, Sequence[Sequence[object]]]] = [
        ("reports", reports),
        ("dataset", [(1, to_json(evolve(dataset, reports=())))]),
        ("sources", sorted(tables.sources.items())),
        ("factions", sorted(tables.factions.items())),
        ("places", sorted(tables.places.values(), key=lambda row: str(row[0]))),
        ("movements", movements),
        ("figures", figures),
        ("events", events),
        ("records", tables.records),
        ("record_sources", tables.record_sources),
        ("claims", claims),
        ("claim_sources", claim_sources),
        ("estimates", estimates),
        ("conflicts", conflicts),
        ("conflict_claims", sorted(conflict_claims)),
        ("movement_factions", movement_factions),
        ("event_factions", event_factions),
    ]
    connection.executescript(_SQLITE_SCHEMA)
    connection.execute(f"PRAGMA user_version = {SQLITE_USER_VERSION:d}")
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("BEGIN")
    connection.execute("PRAGMA defer_foreign_keys = ON")  # checked once, at COMMIT
    for table, values in rows:
        if values:
            marks = ", ".join("?" * len(values[0]))
            connection.executemany(f"INSERT INTO {table} VALUES ({marks})", values)
    connection.execute("COMMIT")


def dump_sqlite(dataset: Dataset, path: str | os.PathLike[str], *, gazetteer: Gazetteer | None = None) -> None:
    """Write the dataset to a new SQLite database, replacing any file at ``path`` whole and atomically.

    The database is normalized: one row per report, source, faction and place (with the places each lies in,
    so that ``parent`` can be followed up to the country), per consolidated movement, figure and event, per
    parsed record (linked to its report and to the consolidated record it belongs to), per claim (with its
    attribution chain, position 0 being the originator), per estimate and per conflict (with its claims).
    Foreign keys are declared and hold, each has an index, and ``PRAGMA user_version`` is the layout's version,
    ``SQLITE_USER_VERSION`` (2). Dates are ISO 8601 text. The tables:

    * ``reports(id, published, digest, anchor, document)``, in the dataset's order, ``document`` being the whole
      report (text, spans, evidence, hedges, mentions...) as the JSON document of :func:`to_json`;
      ``dataset(id, document)``, one row: the consolidated records and conflicts as a JSON dataset document of
      :func:`to_json` whose ``reports`` are left out (they are in ``reports.document``);
    * ``sources(name, kind)``, ``factions(name, kind)``, ``places(name, kind, parent, country, latitude,
      longitude)``;
    * ``movements(id, date_start, date_end, date_precision, origin, destination)``,
      ``figures(id, kind, date_start, date_end, date_precision, place)``,
      ``events(id, kind, date_start, date_end, date_precision, place)``,
      ``movement_factions(movement, faction)``, ``event_factions(event, faction)``;
    * ``records(id, report, record_type, consolidated_id)`` and ``record_sources(record, position, source)``;
    * ``claims(id, consolidated_id, slot, record, report, value, qualifier, low, high)``,
      ``claim_sources(claim, position, source)`` (no row: the outlet's own reporting),
      ``estimates(consolidated_id, slot, low, best, high, conservative)``;
    * ``conflicts(id, consolidated_id, slot, kind, message)`` and ``conflict_claims(conflict, claim)``.

    The documents make the database lossless: :func:`load_sqlite` reads them back into a dataset equal to
    ``dataset``. The other tables are derived from the same records, for SQL; :func:`load_sqlite` does not read
    them, so changing their rows changes nothing it returns. :func:`sqlite_queries` gives example queries.

    Args:
        dataset: the dataset to write.
        path: the database file; its folder must exist.
        gazetteer: where to look up the places each place lies in; the bundled one by default.

    Raises:
        InputError: two parsed records of the dataset share one id (parsed reports with distinct ids never do);
            or the dataset has records but no reports (``ghouta-events merge`` without ``--with-texts``): the
            database holds every report its records come from.
    """
    dataset = _checked(dataset, "dump_sqlite")
    if not dataset.reports and (dataset.convoys or dataset.figures or dataset.events):
        raise InputError("dump_sqlite: the dataset was written without its reports, which the database holds; "
                         "merge the reports with --with-texts (or pass the JSON Lines of the reports)")
    target = write_target(path) or Path(path)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.fchmod(descriptor, file_mode(target))
    os.close(descriptor)
    try:
        with closing(sqlite3.connect(temporary, isolation_level=None)) as connection:
            _write_database(connection, dataset, gazetteer or default_gazetteer())
        os.replace(temporary, target)
    except BaseException:
        for leftover in (temporary, f"{temporary}-journal"):
            Path(leftover).unlink(missing_ok=True)
        raise



def _stored(value: object, where: str, what: str) -> Report | Dataset:
    """The report or dataset of one document kept in the database."""
    if not isinstance(value, str):
        raise InputError(f"{what}: expected a JSON document, got {type(value).__name__}", path=where)
    try:
        return from_json(value)
    except InputError as error:
        raise InputError(f"{what}: {error}", path=where) from None


def _read_database(connection: sqlite3.Connection, where: str) -> Dataset:
    """The dataset of an open database written by :func:`dump_sqlite`; errors name ``where``."""
    try:
        (version,) = connection.execute("PRAGMA user_version").fetchone()
    except sqlite3.DatabaseError as error:
        raise InputError(f"not an SQLite database ({error})", path=where) from None
    if version != SQLITE_USER_VERSION:
        raise InputError(f"database layout version {version} is not supported (load_sqlite reads version "
                         f"{SQLITE_USER_VERSION}, the one dump_sqlite writes)", path=where)
    try:
        stored = connection.execute("SELECT id, document FROM reports ORDER BY rowid").fetchall()
        consolidated = connection.execute("SELECT document FROM dataset").fetchall()
    except sqlite3.DatabaseError as error:
        raise InputError(f"not a database written by dump_sqlite, or a damaged one ({error})", path=where) from None
    if len(consolidated) != 1:
        raise InputError(f"the dataset table holds {len(consolidated)} rows, expected one", path=where)
    reports: list[Report] = []
    for number, (report_id, document) in enumerate(stored, start=1):
        what = f"reports row {number} (id {report_id!r})"
        report = _stored(document, where, what)
        if not isinstance(report, Report) or report.id != report_id:
            raise InputError(f"{what}: the document is not the report {report_id!r}", path=where)
        reports.append(report)
    dataset = _stored(consolidated[0][0], where, "dataset row")
    if not isinstance(dataset, Dataset) or dataset.reports:
        raise InputError("dataset row: expected a dataset document whose reports are left out", path=where)
    records: list[_Record] = [*dataset.convoys, *dataset.figures, *dataset.events]
    missing = {r for record in records for r in record.reports} - {report.id for report in reports}
    if missing:
        raise InputError(f"the reports table lacks the report(s) {', '.join(map(repr, sorted(missing)))}",
                         path=where)
    return evolve(dataset, reports=reports)


def load_sqlite(path: str | os.PathLike[str]) -> Dataset:
    """Read back the dataset that :func:`dump_sqlite` wrote to a database.

    The dataset is read from the documents the database keeps (``reports.document`` and ``dataset.document``),
    not merged again, so it equals (``==``) the dataset written, whatever gazetteer or version of the library
    merged it, and even when :func:`merge` did not make it. The database is opened read-only.

    Args:
        path: a database file written by :func:`dump_sqlite`.

    Returns:
        The dataset, equal to the one written.

    Raises:
        InputError: the file is missing or is not an SQLite database; its ``PRAGMA user_version`` is not
            :data:`SQLITE_USER_VERSION` (a database of another layout, or of another program); or the tables and
            documents that hold the dataset are missing or damaged. The message names the file.
    """
    where = os.fspath(path)
    target = Path(where)
    if not target.is_file():
        raise InputError("not a file" if target.exists() else "no such file", path=where)
    try:
        with closing(sqlite3.connect(f"{target.absolute().as_uri()}?mode=ro", uri=True)) as connection:
            return _read_database(connection, where)
    except sqlite3.DatabaseError as error:  # the file went away, or could not be read
        raise InputError(f"cannot read the database ({error})", path=where) from None
