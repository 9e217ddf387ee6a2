"""The exception hierarchy: one root, each child also a builtin where that fits.

Errors about text say where they are: the message, the text, the span, and a caret line under the bad part.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["GazetteerError", "GhoutaEventsError", "InputError", "MergeError", "ParseError", "RecordError",
           "check_encodable"]

_SURROGATE: Final = re.compile("[\ud800-\udfff]")


class GhoutaEventsError(Exception):
    """The root of every error this package raises on purpose."""


class RecordError(GhoutaEventsError, ValueError):
    """A record was built with values that break one of its invariants (``low > high``, a negative count...)."""


class MergeError(GhoutaEventsError, ValueError):
    """Reports cannot be merged: two different texts were given the same report id."""


class GazetteerError(GhoutaEventsError, ValueError):
    """A gazetteer file is malformed.

    Attributes:
        path: the file, as given.
        line: the 1-based line number of the bad row, or ``None`` when the whole file is at fault.
        field: the column at fault, or ``None``.
    """

    def __init__(self, message: str, *, path: str, line: int | None = None, field: str | None = None) -> None:
        where = path if line is None else f"{path}, line {line}"
        if field is not None:
            where += f", field {field!r}"
        super().__init__(f"{where}: {message}")
        self.message = message
        self.path = path
        self.line = line
        self.field = field

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments: rebuild through a helper so the error survives pickling (process pools, Dask).
        return _rebuild, (GazetteerError, (self.message,), {"path": self.path, "line": self.line, "field": self.field})


class ParseError(GhoutaEventsError, ValueError):
    """Text could not be read at all (never raised for merely messy text).

    The message ends with the line of text at fault and a caret line under ``start:end``.

    Attributes:
        text: the whole text.
        start: where the bad part begins.
        end: where it ends.
    """

    def __init__(self, message: str, *, text: str, start: int, end: int) -> None:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        if line_end == -1:
            line_end = len(text)
        line = text[line_start:line_end]
        lineno = text.count("\n", 0, start) + 1
        caret = " " * (start - line_start) + "^" * max(1, min(end, line_end) - start)
        super().__init__(f"{message} (line {lineno}, characters {start}-{end})\n    {line}\n    {caret}")
        self.message = message
        self.text = text
        self.start = start
        self.end = end

    def __reduce__(self) -> tuple[object, ...]:
        return _rebuild, (ParseError, (self.message,), {"text": self.text, "start": self.start, "end": self.end})


class InputError(GhoutaEventsError, ValueError):
    """Input given to the library or its command line is unusable: a missing file, bytes that are not UTF-8...

    Attributes:
        path: the file at fault, or ``None`` when the input did not come from a file.
    """

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message if path is None else f"{path}: {message}")
        self.message = message
        self.path = path

    def __reduce__(self) -> tuple[object, ...]:
        return _rebuild, (InputError, (self.message,), {"path": self.path})


def check_encodable(value: str, what: str) -> None:
    """Refuse a string holding a lone surrogate (U+D800 to U+DFFF), which no UTF-8 file or stream can hold.

    Raises:
        InputError: naming ``what``, the position and the code point (escaped, so the message prints anywhere).
    """
    found = _SURROGATE.search(value)
    if found is not None:
        raise InputError(f"{what}: a lone surrogate U+{ord(found.group()):04X} at character {found.start()} "
                         "(text must be valid Unicode, writable as UTF-8)")


def _rebuild(cls: type[Exception], args: tuple[object, ...], kwargs: dict[str, object]) -> Exception:
    """Build an error again from its arguments (what unpickling calls)."""
    return cls(*args, **kwargs)
