"""Plain records of the text layer: compared, hashed and printed by their fields."""

from __future__ import annotations

from typing import ClassVar

__all__ = ["FieldRecord"]


class FieldRecord:
    """A plain record whose class names its fields in ``FIELDS``: records of one class with equal fields are equal
    and hash alike, and a record prints as its class name and fields.

    The text layer's mentions are made by the dozen for each report and read only by the parser; as plain classes
    (native ones in the compiled build) they cost far less to make than attrs records.
    """

    __slots__ = ()

    #: The names of the fields, in the order they print.
    FIELDS: ClassVar[tuple[str, ...]] = ()

    def _fields(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.FIELDS)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, FieldRecord)
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in zip(self.FIELDS, self._fields(), strict=True))
        return f"{type(self).__name__}({fields})"
