"""JSON for reports and datasets: lossless, versioned, and file I/O that never leaves half a file behind.

A document is ``{"schema": "ghouta-events", "version": 1, "type": "report" | "dataset", "data": {...}}``; the
data mirrors the records field by field (enums as their string values, dates as ISO 8601, tuples as arrays),
so ``from_json(to_json(x)) == x`` for every report and dataset. JSON Lines (one report per line) is what the
command line's ``parse`` writes and ``merge`` reads.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import math
import os
import stat
import tempfile
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO, Final, TypeVar, Union

import attrs

from ._errors import InputError, check_encodable
from ._merge import Claim, Dataset, Tally
from ._model import DateRange, Faction, Place, Report, Source, Span

__all__ = [
    "SCHEMA_VERSION",
    "dump",
    "from_json",
    "iter_json_lines",
    "json_schema",
    "load",
    "to_json",
    "write_atomic",
]

#: The version of the JSON layout; it changes when a reader of the old layout could misread the new one.
SCHEMA_VERSION: Final = 1
SCHEMA_NAME: Final = "ghouta-events"

_T = TypeVar("_T")
_TYPES: Final[dict[str, type[Report] | type[Dataset]]] = {"report": Report, "dataset": Dataset}


# --- To plain data ----------------------------------------------------------------------------------------


def _unstructure(value: object) -> object:
    if attrs.has(type(value)):
        return {f.name: _unstructure(getattr(value, f.name)) for f in attrs.fields(typing.cast(Any, type(value)))}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_unstructure(item) for item in value]
    return value


def _document(obj: Report | Dataset) -> dict[str, object]:
    kind = "report" if isinstance(obj, Report) else "dataset"
    return {"schema": SCHEMA_NAME, "version": SCHEMA_VERSION, "type": kind, "data": _unstructure(obj)}


#: Characters that some readers take for line breaks (``str.splitlines`` does): written as escapes, so that a
#: document without ``indent`` is always one line of JSON Lines, whatever text it holds.
_LINE_BREAKS: Final = (("\u2028", "\\u2028"), ("\u2029", "\\u2029"), ("\x85", "\\u0085"))


def to_json(obj: Report | Dataset, *, indent: int | None = None) -> str:
    """A report or dataset as a JSON document (one line unless ``indent`` is given).

    The text is written as UTF-8 would show it, except for the three characters that some readers take for line
    breaks (U+0085, U+2028 and U+2029), which are written as ``\\u`` escapes: a document written without
    ``indent`` is always one line, for JSON Lines.

    >>> from ghouta_events import parse
    >>> report = parse("Twelve buses left Douma on Monday.", report_id="r1")
    >>> from_json(to_json(report)) == report
    True
    """
    if not isinstance(obj, Report | Dataset):
        raise TypeError(f"to_json() expects a Report or a Dataset, got {type(obj).__name__}")
    text = json.dumps(_document(obj), ensure_ascii=False, indent=indent, separators=None if indent else (",", ":"))
    for char, escape in _LINE_BREAKS:
        if char in text:
            text = text.replace(char, escape)
    return text


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the documents :func:`to_json` writes, for the current version.

    The schema is bundled with the package as ``ghouta_events/data/schema-v1.json``. It checks the layout: the
    envelope, every record's fields and their types, enum values and required fields. Invariants that tie fields
    together (``low <= high``, spans inside the text, unique record ids...) are left to :func:`from_json`.

    >>> json_schema()["$defs"]["Qualifier"]["enum"][:2]
    ['exact', 'more_than']

    Returns:
        The schema, as a new dictionary on every call, so callers may change it freely.
    """
    bundled = resources.files("ghouta_events.data").joinpath(f"schema-v{SCHEMA_VERSION}.json")
    schema: dict[str, Any] = json.loads(bundled.read_text(encoding="utf-8"))
    return schema


# --- From plain data --------------------------------------------------------------------------------------


#: Records of which many equal ones recur across the reports of one input (the same place, source, party or
#: date): a reader of many documents builds each once and shares it, with the tuples of them.
_SHARED_RECORDS: Final = frozenset({Place, Source, Faction, DateRange})


class _Structurer:
    """Builds records back from plain data, guided by the records' type hints; says where the data is wrong.

    Records are immutable, so equal values may be one object. A structurer made with ``shared`` builds, across
    all the documents it reads, each place, source, party, date, tuple of them and integer once (``shared``
    keeps them); within one document (see :meth:`document`), each string and span once. Reports held by the
    thousand (a merge of a large input) then take a fraction of the memory that a copy of every name, date and
    number would, and compare equal as before."""

    def __init__(self, shared: dict[object, object] | None = None) -> None:
        self._hints: dict[type, dict[str, Any]] = {}
        self.shared = shared
        self.local: dict[object, object] = {}

    def document(self, cls: type[_T], value: object, where: str) -> _T:
        """The record of one document's data (strings and spans shared within it)."""
        self.local = {}
        try:
            return self.record(cls, value, where)
        finally:
            self.local = {}

    def _one(self, table: dict[object, object] | None, value: _T) -> _T:
        return value if table is None else typing.cast(_T, table.setdefault(value, value))

    def hints(self, cls: type) -> dict[str, Any]:
        found = self._hints.get(cls)
        if found is None:
            found = typing.get_type_hints(cls)
            self._hints[cls] = found
        return found

    def build(self, hint: Any, value: object, where: str) -> Any:
        origin = typing.get_origin(hint)
        if origin in (Union, types.UnionType):
            options = typing.get_args(hint)
            if value is None and type(None) in options:
                return None
            others = [o for o in options if o is not type(None)]
            return self.build(others[0], value, where)
        if origin is tuple:
            item_hint = typing.get_args(hint)[0]
            if not isinstance(value, list):
                raise InputError(f"{where}: expected an array, got {type(value).__name__}")
            built = tuple(self.build(item_hint, item, f"{where}[{i}]") for i, item in enumerate(value))
            if item_hint in _SHARED_RECORDS:
                return self._one(self.shared, built)
            return self._one(self.local, built) if item_hint in (Span, str) and self.shared is not None else built
        if isinstance(hint, type) and attrs.has(hint):
            record = self.record(hint, value, where)
            if hint in _SHARED_RECORDS:
                return self._one(self.shared, record)
            return self._one(self.local, record) if hint is Span and self.shared is not None else record
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            try:
                return hint(value)
            except ValueError:
                allowed = ", ".join(str(m.value) for m in hint)
                raise InputError(f"{where}: {value!r} is not one of {allowed}") from None
        if hint is dt.date:
            if not isinstance(value, str):
                raise InputError(f"{where}: expected an ISO date string, got {type(value).__name__}")
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                raise InputError(f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)") from None
        if hint is float and isinstance(value, int | float) and not isinstance(value, bool):
            try:
                number = float(value)
            except OverflowError:
                raise InputError(f"{where}: {_short(value)} is out of range for a number") from None
            if not math.isfinite(number):
                raise InputError(f"{where}: {value!r} is not a finite number")
            return number
        if hint in (int, str, bool):
            if type(value) is not hint:
                raise InputError(f"{where}: expected {hint.__name__}, got {type(value).__name__}")
            if hint is int and not INT_MIN <= typing.cast(int, value) <= INT_MAX:
                raise InputError(f"{where}: {_short(value)} is out of range (a 64-bit signed integer)")
            if hint is str:
                check_encodable(typing.cast(str, value), where)
                return self._one(self.local if self.shared is not None else None, value)
            return self._one(self.shared, value) if hint is int else value
        raise InputError(f"{where}: cannot read a value of type {hint!r}")

    def record(self, cls: type[_T], value: object, where: str) -> _T:
        if not isinstance(value, dict):
            raise InputError(f"{where}: expected an object, got {type(value).__name__}")
        hints = self.hints(cls)
        fields = {f.name: f for f in attrs.fields(typing.cast(Any, cls))}
        unknown = set(value) - set(fields)
        if unknown:
            raise InputError(f"{where}: unknown field(s) {', '.join(sorted(unknown))} for {cls.__name__}")
        kwargs = {}
        for name, fld in fields.items():
            if name in value:
                kwargs[fld.alias or name] = self.build(hints[name], value[name], f"{where}.{name}")
        try:
            return cls(**kwargs)
        except (TypeError, ValueError) as error:
            raise InputError(f"{where}: {error}") from None


#: The range of integers a document may hold: what SQLite and most JSON readers keep exactly.
INT_MIN: Final = -(2**63)
INT_MAX: Final = 2**63 - 1


def _short(value: object) -> str:
    """A value for a message, cut to a readable length (an integer of a thousand digits is not)."""
    if isinstance(value, int) and value.bit_length() > 128:
        return f"an integer of {value.bit_length()} bits"
    text = repr(value)
    return text if len(text) <= 40 else f"{text[:20]}...{text[-10:]} ({len(text)} characters)"


def _constant(name: str) -> object:
    raise InputError(f"not JSON: {name} is not a JSON number")


def _loads(text: str | bytes) -> object:
    """The JSON value of a text, any failure to read it an :class:`InputError` (never a traceback)."""
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as error:
            raise InputError(f"not UTF-8 text (byte {error.start})") from None
    text = text.removeprefix("\ufeff")
    try:
        return json.loads(text, parse_constant=_constant)
    except InputError:
        raise
    except json.JSONDecodeError as error:
        raise InputError(f"not JSON: {error.msg} at line {error.lineno}, column {error.colno}") from None
    except RecursionError:
        raise InputError("not readable: arrays or objects nested too deeply") from None
    except ValueError as error:  # an integer of more digits than sys.get_int_max_str_digits() allows
        raise InputError(f"not readable: {error}") from None


def from_json(text: str | bytes) -> Report | Dataset:
    """The report or dataset of a JSON document written by :func:`to_json`.

    Bytes must be UTF-8; a leading byte order mark is dropped. Whatever the input, the only error is
    :class:`InputError`: nesting too deep, an integer of thousands of digits, ``NaN``, a number out of range (an
    integer beyond 64 bits, a float beyond the double range) and a lone surrogate in a string (``"\\ud800"``, which
    no UTF-8 writer could write back) are all refused with the place they stand. A dataset is also checked as a
    whole: each consolidated record's members are records of the reports it names, one report id per member, its
    claims come from its members, each conflict is about a record of the dataset, and no report id stands for
    two texts; so whatever this returns can be written again and exported.

    Raises:
        InputError: the text is not JSON, not a document of this schema, of a newer version, or describes an
            invalid record; the message says where (``data.convoys[2].people.low: ...``).
    """
    return _document_of(text, _Structurer())


def document_reader() -> Callable[[str | bytes], Report | Dataset]:
    """:func:`from_json` for the documents of one input, read one after another: equal places, sources, parties,
    dates and numbers are built once across them, so that many reports held together share them."""
    structurer = _Structurer(shared={})
    return lambda text: _document_of(text, structurer)


def _document_of(text: str | bytes, structurer: _Structurer) -> Report | Dataset:
    document = _loads(text)
    if not isinstance(document, dict) or document.get("schema") != SCHEMA_NAME:
        raise InputError(f"not a {SCHEMA_NAME} document (expected a 'schema': {SCHEMA_NAME!r} field)")
    version = document.get("version")
    if type(version) is not int or not 1 <= version <= SCHEMA_VERSION:
        raise InputError(f"schema version {version!r} is not supported (this library reads 1 to {SCHEMA_VERSION})")
    extra = set(document) - {"schema", "version", "type", "data"}
    if extra:
        raise InputError(f"unknown top-level field(s) {', '.join(sorted(extra))}")
    cls = _TYPES.get(str(document.get("type")))
    if cls is None:
        raise InputError(f"unknown document type {document.get('type')!r}; expected 'report' or 'dataset'")
    result: Report | Dataset = structurer.document(cls, document.get("data"), "data")
    if isinstance(result, Dataset):
        _check_dataset(result)
    return result


def _check_dataset(dataset: Dataset) -> None:
    """Refuse a dataset whose parts do not hold together, as :func:`merge` never makes one: each consolidated
    record has one report id per member, its members are records of those reports, its claims come from its
    members, and every conflict is about a record of the dataset with claims of that record.

    A dataset whose ``reports`` are left out (as the SQLite export keeps its consolidated records) is checked
    for all but the reports themselves."""
    texts: dict[str, str] = {}
    records: dict[str, dict[str, object]] = {}
    for index, report in enumerate(dataset.reports):
        if texts.setdefault(report.id, report.digest) != report.digest:
            raise InputError(f"data.reports[{index}]: report id {report.id!r} is used by two different texts")
        found: tuple[Any, ...] = (*report.convoys, *report.figures, *report.events)
        records[report.id] = {r.id: r for r in found}
    claims_of: dict[str, set[Claim]] = {}
    for kind in ("convoys", "figures", "events"):
        for index, consolidated in enumerate(getattr(dataset, kind)):
            where = f"data.{kind}[{index}]"
            members: tuple[Any, ...] = consolidated.members
            if len(members) != len(consolidated.reports):
                raise InputError(f"{where}: {len(members)} members but {len(consolidated.reports)} report ids")
            if consolidated.id in claims_of:
                raise InputError(f"{where}: the id {consolidated.id!r} is used twice")
            for number, (member, report_id) in enumerate(zip(members, consolidated.reports, strict=True)):
                if records and records.get(report_id, {}).get(member.id) != member:
                    raise InputError(f"{where}.members[{number}]: not a record of the report {report_id!r}")
            tallies = [getattr(consolidated, slot, None) for slot in ("buses", "people", "fighters", "civilians",
                                                                       "quantity")]
            claims = {claim for tally in tallies if isinstance(tally, Tally) for claim in tally.claims}
            member_ids = {member.id for member in members}
            for claim in claims:
                if claim.record not in member_ids or claim.report not in consolidated.reports:
                    raise InputError(f"{where}: a claim of record {claim.record!r} of report {claim.report!r}, "
                                     "which is not one of its members")
            claims_of[consolidated.id] = claims
    for index, conflict in enumerate(dataset.conflicts):
        known = claims_of.get(conflict.record)
        if known is None:
            raise InputError(f"data.conflicts[{index}]: about {conflict.record!r}, which is no record of the dataset")
        if not set(conflict.claims) <= known:
            raise InputError(f"data.conflicts[{index}]: holds claims that are not those of {conflict.record!r}")


def iter_json_lines(lines: Iterable[str], *, name: str = "<input>") -> Iterator[Report | Dataset]:
    """Documents from JSON Lines (one document per line; blank lines skipped).

    Raises:
        InputError: a line is not a document; the message names the input and the line.
    """
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield from_json(line)
        except InputError as error:
            raise InputError(f"line {number}: {error}", path=name) from None


# --- Files ------------------------------------------------------------------------------------------------


def _umask() -> int:
    """The process's umask, read without changing it where the system tells it (Linux), else set and restored."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def file_mode(target: Path) -> int:
    """The permission bits a file written at ``target`` gets: those of the regular file it replaces, else what
    ``open()`` would give a new file (0666 less the umask)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def write_target(path: str | os.PathLike[str]) -> Path | None:
    """Where a file written at ``path`` goes: the file itself, or the file a symbolic link points to (the link
    is kept); ``None`` when ``path`` exists and is not a regular file (a FIFO, a device, a terminal), which is
    written through rather than replaced."""
    target = Path(path)
    try:
        regular = stat.S_ISREG(os.stat(target).st_mode)
    except OSError:
        regular = True  # nothing there yet (or a link to nothing): a new regular file
    if not regular:
        return None
    return Path(os.path.realpath(target)) if target.is_symlink() else target


def write_atomic(path: str | os.PathLike[str], write: Callable[[typing.IO[str]], object]) -> None:
    """Write a text file through a temporary file in the same folder, renamed into place when complete,
    so that a crash never leaves half a file where a good one stood.

    The file gets the permissions of the file it replaces, or those of a new file under the umask (not the
    0600 of a temporary file); a symbolic link is kept and the file it points to replaced; a FIFO, a device
    or a terminal (``/dev/stdout``) is written through, not replaced."""
    target = write_target(path)
    if target is None:
        with open(path, "w", encoding="utf-8", newline="\n") as through:
            write(through)
        return
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with open(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            os.fchmod(handle.fileno(), file_mode(target))
            write(handle)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def dump(obj: Report | Dataset, path: str | os.PathLike[str], *, indent: int | None = 1) -> None:
    """Write a report or dataset to a JSON file, atomically."""
    text = to_json(obj, indent=indent)
    write_atomic(path, lambda handle: handle.write(text + "\n"))


def open_input(path: str | os.PathLike[str]) -> BinaryIO:
    """The file at ``path``, open for reading bytes; a file that cannot be opened is an :class:`InputError` that
    names it and says why in a few words ("no such file", "a folder, not a file", the system's reason)."""
    where = os.fspath(path)
    try:
        return open(where, "rb")  # the caller closes it
    except FileNotFoundError:
        raise InputError("no such file", path=where) from None
    except IsADirectoryError:
        raise InputError("a folder, not a file", path=where) from None
    except OSError as error:
        raise InputError(error.strerror or str(error), path=where) from None


def load(path: str | os.PathLike[str]) -> Report | Dataset:
    """Read a report or dataset from a JSON file written by :func:`dump`.

    For a file of JSON Lines (what ``ghouta-events parse`` writes), use :func:`read_reports`.

    Raises:
        InputError: the file is missing or unreadable (a folder, no permission), not UTF-8, or not a valid
            document; the message names the file.
    """
    where = os.fspath(path)
    with open_input(path) as stream:
        try:
            data = stream.read()
        except OSError as error:
            raise InputError(error.strerror or str(error), path=where) from None
    try:
        return from_json(data)
    except InputError as error:
        raise InputError(error.message, path=where) from None
