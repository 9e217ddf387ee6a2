"""Reading reports from files: JSON Lines and dataset files (:func:`read_reports`), and folders of ``.txt``
reports with their ``NAME.meta.json`` sidecars (:func:`iter_texts`).

Both read lazily, one report at a time, so that a caller can go through inputs larger than memory. Every
failure is an :class:`~ghouta_events.InputError` naming the file (and the line or byte where it stands).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, Final

from attrs import frozen

from ._errors import InputError
from ._io import _loads, document_reader, open_input
from ._merge import Dataset
from ._model import Report

__all__ = ["ReportText", "iter_texts", "read_reports"]

_BOM: Final = b"\xef\xbb\xbf"
SUFFIX: Final = ".txt"
SIDECAR: Final = ".meta.json"


@frozen(kw_only=True)
class ReportText:
    """One report as found in a ``NAME.txt`` file, ready for :func:`~ghouta_events.parse`.

    Attributes:
        id: the file name without ``.txt``: the report id to parse it with.
        text: the file's text (UTF-8; a leading byte order mark is not part of it).
        published: the ``"published"`` date of the ``NAME.meta.json`` sidecar next to the file, or ``None``
            when there is no sidecar or it gives ``null``.
        path: the file.
    """

    id: str
    text: str
    published: dt.date | None
    path: Path


# --- Text files and sidecars ----------------------------------------------------------------------------------


def _decode(data: bytes, where: str) -> str:
    """UTF-8 bytes as text, a leading byte order mark dropped."""
    try:
        return data.removeprefix(_BOM).decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"not UTF-8 text (byte {error.start + (len(_BOM) if data.startswith(_BOM) else 0)})",
                         path=where) from None


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=str(path)) from None
    except IsADirectoryError:
        raise InputError("a folder, not a file", path=str(path)) from None
    except OSError as error:
        raise InputError(error.strerror or str(error), path=str(path)) from None


def sidecar_date(path: Path) -> dt.date | None:
    """The ``"published"`` date of the ``NAME.meta.json`` sidecar of ``NAME.txt``; ``None`` without one.

    Raises:
        InputError: the sidecar is not UTF-8, not JSON, or its ``"published"`` is neither ``null`` nor a date in
            the form ``YYYY-MM-DD``; the message names the sidecar.
    """
    sidecar = path.with_name(f"{path.name.removesuffix(SUFFIX)}{SIDECAR}")
    if not sidecar.is_file():
        return None
    where = str(sidecar)
    try:
        meta = _loads(_read_bytes(sidecar))
    except InputError as error:
        raise InputError(f"unreadable sidecar ({error.message})", path=where) from None
    value = meta.get("published") if isinstance(meta, dict) else None
    if value is None:
        return None
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"'published' is not a date in the form YYYY-MM-DD: {value!r}", path=where) from None


def read_text(path: Path) -> ReportText:
    """The report of one ``NAME.txt`` file and its sidecar (see :class:`ReportText`).

    Raises:
        InputError: the file cannot be read or is not UTF-8, or its sidecar is broken.
    """
    text = _decode(_read_bytes(path), str(path))
    return ReportText(id=path.name.removesuffix(SUFFIX), text=text, published=sidecar_date(path), path=path)


def text_paths(path: Path, *, recursive: bool = False) -> list[Path]:
    """The ``.txt`` files of a folder (in its subfolders too when ``recursive``), in order of their paths, or the
    file itself when ``path`` names one.

    Raises:
        InputError: ``path`` does not exist, or the folder holds no ``.txt`` file.
    """
    if path.is_dir():
        found = path.rglob(f"*{SUFFIX}") if recursive else path.glob(f"*{SUFFIX}")
        inside = sorted(p for p in found if p.is_file())
        if not inside:
            raise InputError("folder holds no .txt reports", path=str(path))
        return inside
    if path.is_file():
        return [path]
    raise InputError("no such file or folder", path=str(path))


class SameIds:
    """Report ids seen so far, with where each came from: a second report under one id is an error."""

    def __init__(self) -> None:
        self.seen: dict[str, tuple[str, str]] = {}

    def check(self, report_id: str, digest: str, where: str) -> None:
        """Remember ``report_id``; the same id again for the same text (a copy) is allowed.

        Raises:
            InputError: ``report_id`` was seen before with a different text; the message names both places.
        """
        first = self.seen.setdefault(report_id, (digest, where))
        if first[0] != digest:
            raise InputError(f"report id {report_id!r} is already used by another text, at {first[1]}", path=where)


def iter_texts(folder: str | os.PathLike[str], *, recursive: bool = False) -> Iterator[ReportText]:
    """The ``.txt`` reports of a folder, each with the publication date of its ``NAME.meta.json`` sidecar.

    This is how ``ghouta-events parse`` finds reports: each ``NAME.txt`` file of the folder, in order of path,
    read as UTF-8 (a leading byte order mark dropped); its id is ``NAME``, its date the ``"published"`` field
    of ``NAME.meta.json`` next to it (other fields are ignored). Files are read one at a time, as the iterator
    is consumed.

    >>> from ghouta_events import parse
    >>> reports = [parse(item.text, published=item.published, report_id=item.id)
    ...            for item in iter_texts(folder)]  # doctest: +SKIP

    Args:
        folder: the folder (or a single ``.txt`` file).
        recursive: also read the ``.txt`` files of its subfolders, at any depth.

    Yields:
        One :class:`ReportText` per file.

    Raises:
        InputError: the folder does not exist or holds no ``.txt`` file, or two files share a name (and so a
            report id) in different subfolders (all at the first ``next()``); a file is not UTF-8 or its sidecar
            is broken (when that file is reached). The message names the file.
    """
    paths = text_paths(Path(folder), recursive=recursive)
    named: dict[str, Path] = {}
    for path in paths:
        first = named.setdefault(path.name, path)
        if first != path:
            raise InputError(f"report id {path.name.removesuffix(SUFFIX)!r} is also the name of {first}",
                             path=str(path))
    for path in paths:
        yield read_text(path)


# --- JSON Lines and dataset files -----------------------------------------------------------------------------


def _lines(stream: BinaryIO, where: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of each line, split on ``"\\n"`` only, decoded as UTF-8."""
    offset = 0
    for number, raw in enumerate(stream, start=1):
        data = raw.removeprefix(_BOM) if number == 1 else raw
        skipped = len(raw) - len(data)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise InputError(f"line {number}: not UTF-8 text (byte {offset + skipped + error.start})",
                             path=where) from None
        yield number, text
        offset += len(raw)


def _is_unfinished(line: str) -> bool:
    """Whether a line is the start of a document that goes on over the next lines (``dump`` with an indent)."""
    stripped = line.strip()
    if not stripped.startswith("{"):
        return False
    try:
        json.loads(stripped)
    except json.JSONDecodeError as error:
        return error.pos >= len(stripped)  # the text ran out before the document ended
    except (ValueError, RecursionError):
        return False
    return False


def _documents(stream: BinaryIO, where: str, ids: SameIds) -> Iterator[Report | Dataset]:
    lines = _lines(stream, where)
    from_json = document_reader()  # the documents of one input share their equal places, sources, dates...
    first = True
    for number, line in lines:
        if not line.strip():
            continue
        if first and _is_unfinished(line):
            # One document over many lines: read the rest of the file (it is one document anyway).
            rest = "".join([line, *(text for _, text in lines)])
            try:
                document = from_json(rest)
            except InputError as error:
                raise InputError(error.message, path=where) from None
            yield _checked(document, ids, where)
            return
        first = False
        try:
            document = from_json(line)
        except InputError as error:
            raise InputError(f"line {number}: {error.message}", path=where) from None
        yield _checked(document, ids, f"{where}, line {number}")


def _checked(document: Report | Dataset, ids: SameIds, where: str) -> Report | Dataset:
    reports = (document,) if isinstance(document, Report) else document.reports
    for report in reports:
        ids.check(report.id, report.digest, where)
    return document


def read_reports(path: str | os.PathLike[str] | BinaryIO) -> Iterator[Report | Dataset]:
    """The reports and datasets of a file: JSON Lines (what ``ghouta-events parse`` writes), or one document
    such as :func:`~ghouta_events.dump` writes (indented over many lines or not).

    The file is read lazily, one line at a time: the iterator holds one document in memory, never the whole
    file (a document written over many lines, as :func:`~ghouta_events.dump` writes it, is read whole). Lines
    are split on ``"\\n"`` only, so a line break inside a text (U+2028...) never splits a document; a line may
    end in ``"\\r\\n"``; blank lines are skipped; a leading byte order mark is dropped.

    A report id met twice, for two different texts (in this file or in the reports of a dataset in it), is an
    error, raised when the second is read; the same report met twice (a copy) is yielded twice, and
    :func:`~ghouta_events.merge` counts it once.

    >>> import io
    >>> from ghouta_events import parse, to_json
    >>> lines = "\\n".join(to_json(parse(text, report_id=name)) for name, text in
    ...                   [("a", "Ten buses left Douma."), ("b", "Twelve buses left Harasta.")])
    >>> [report.id for report in read_reports(io.BytesIO(lines.encode()))]
    ['a', 'b']

    Args:
        path: the file, or a binary stream open for reading (such as ``sys.stdin.buffer``), which is read from
            where it stands and not closed.

    Yields:
        Each :class:`~ghouta_events.Report` or :class:`~ghouta_events.Dataset`, in the order of the file.

    Raises:
        TypeError: ``path`` is a text stream (pass its ``.buffer``) or neither a path nor a stream (at once).
        InputError: the file is missing or unreadable; a line is not UTF-8 or not a document (the message names
            the file and the line); or a report id is used for two different texts. Raised when the iterator
            reaches the fault: the documents before it have been yielded.
    """
    if isinstance(path, io.TextIOBase):
        raise TypeError("read_reports() reads bytes: give a binary stream (such as sys.stdin.buffer), not text")
    if not isinstance(path, str | os.PathLike) and not hasattr(path, "__iter__"):
        raise TypeError(f"read_reports() expects a path or a binary stream, got {type(path).__name__}")
    return _iter_reports(path)


def _iter_reports(path: str | os.PathLike[str] | BinaryIO) -> Iterator[Report | Dataset]:
    if isinstance(path, str | os.PathLike):
        with open_input(path) as stream:  # closed when the iterator ends or is closed
            yield from _read(stream, os.fspath(path))
    else:
        yield from _read(path, str(getattr(path, "name", "<stream>")))


def _read(stream: BinaryIO, where: str) -> Iterator[Report | Dataset]:
    try:
        yield from _documents(stream, where, SameIds())
    except OSError as error:
        raise InputError(error.strerror or str(error), path=where) from None
