"""The gazetteer: every known place, faction and source with its spellings, loaded from data files.

The bundled tables live in ``ghouta_events/data`` (see its README for the columns) and are read through
:mod:`importlib.resources`. A :class:`Gazetteer` is immutable once loaded and is passed to the parser as an
argument; :func:`load_gazetteer` builds one from the bundled tables plus any files of the user's own.
"""

from __future__ import annotations

import csv
import functools
import io
import os
from collections.abc import Iterator, Mapping, Sequence
from importlib import resources
from types import MappingProxyType
from typing import Final, TypeVar

from attrs import field, frozen

from ._errors import GazetteerError
from ._geography import Geography
from ._model import EntityKind, Faction, FactionKind, Place, PlaceKind, Source, SourceKind
from ._text._names import NamePattern, skeleton
from ._text._words import Words

__all__ = ["Alias", "Gazetteer", "NameHit", "Target", "default_gazetteer", "load_gazetteer"]

#: The columns of each table, in order. A file's header tells which table it extends.
PLACE_COLUMNS: Final = ("name", "kind", "parent", "country", "latitude", "longitude", "aliases")
FACTION_COLUMNS: Final = ("name", "kind", "aliases", "cased_aliases", "metonyms", "demonyms")
SOURCE_COLUMNS: Final = ("name", "kind", "aliases", "cased_aliases")
_BUNDLED: Final = ("places.csv", "factions.csv", "sources.csv")
_RESOLVED_CACHE_SIZE: Final = 100_000  # distinct spellings whose targets a gazetteer remembers
_E = TypeVar("_E", PlaceKind, FactionKind, SourceKind)


@frozen(kw_only=True)
class Target:
    """What a spelling can denote: an entry of one table, directly or by metonymy ("Moscow" for Russia)."""

    kind: EntityKind
    name: str
    metonym: bool = False


@frozen(kw_only=True)
class Alias:
    """One row of the alias table: a spelling and the entry it denotes."""

    alias: str
    target: Target
    cased: bool = False


@frozen(kw_only=True)
class NameHit:
    """A known name found in text: where it stands and everything the spelling can denote."""

    start: int
    end: int
    text: str
    targets: tuple[Target, ...]

    def of_kind(self, kind: EntityKind, *, metonyms: bool = True) -> Target | None:
        """The first target of ``kind`` (leaving out metonyms unless asked for), or ``None``."""
        for target in self.targets:
            if target.kind is kind and (metonyms or not target.metonym):
                return target
        return None


def _split(value: str) -> list[str]:
    return [item.strip() for item in value.split("|") if item.strip()]


def _is_acronym(spelling: str) -> bool:
    """Acronyms and very short names ("UN", "AFP", "HTS") match only as written: "On" is not the UN."""
    letters = [c for c in spelling if c.isalpha()]
    return len(letters) <= 3 or (len(letters) <= 6 and all(c.isupper() for c in letters))


def _first_has_upper(spelling: str) -> bool:
    return spelling[:1].isupper()


@frozen(kw_only=True, eq=False)
class Gazetteer:
    """Every known place, faction and source, with a compiled pattern that finds their names in text.

    Build one with :func:`load_gazetteer` or take the bundled one from :func:`default_gazetteer`.
    """

    places: Mapping[str, Place]
    factions: Mapping[str, Faction]
    sources: Mapping[str, Source]
    aliases: tuple[Alias, ...]
    demonyms: Mapping[str, str]
    _by_skeleton: Mapping[str, tuple[Target, ...]] = field(alias="by_skeleton")
    _by_cased: Mapping[str, tuple[Target, ...]] = field(alias="by_cased")
    _proper: frozenset[str] = field(alias="proper")
    _pattern: NamePattern = field(alias="pattern")
    # spelling found in text -> what it denotes: a cache; it never changes what a spelling means
    _resolved: dict[str, tuple[Target, ...]] = field(init=False, factory=dict, repr=False)
    #: Where the places lie: lineage, enclosure and distance, worked out once for this gazetteer.
    geography: Geography = field(init=False, repr=False)

    @geography.default
    def _geography(self) -> Geography:
        return Geography(self.places)

    def demonym(self, word: str) -> Faction | None:
        """The state or group an adjective of nationality stands for ("Saudi" -> Saudi Arabia), or ``None``."""
        name = self.demonyms.get(word.casefold())
        return None if name is None else self.factions.get(name)

    def place(self, name: str) -> Place:
        """The place of that canonical name; :class:`KeyError` when unknown."""
        return self.places[name]

    def faction(self, name: str) -> Faction:
        """The faction of that canonical name; :class:`KeyError` when unknown."""
        return self.factions[name]

    def source(self, name: str) -> Source:
        """The source of that canonical name; :class:`KeyError` when unknown."""
        return self.sources[name]

    def resolve(self, spelling: str) -> tuple[Target, ...]:
        """Everything a spelling can denote (empty when it is not known).

        >>> [(t.kind.value, t.name) for t in default_gazetteer().resolve("Failak Ar-Rahman")]
        [('faction', 'Faylaq al-Rahman'), ('source', 'Faylaq al-Rahman')]
        """
        cased = self._by_cased.get(spelling, ())
        return cased + self._by_skeleton.get(skeleton(spelling), ())

    def lineage(self, name: str) -> tuple[Place, ...]:
        """The place and every place it lies in, innermost first.

        >>> [p.name for p in default_gazetteer().lineage("Arbin")]
        ['Arbin', 'Eastern Ghouta', 'Rural Damascus', 'Syria']
        """
        return self.geography.lineage(name)

    def encloses(self, outer: str, inner: str) -> bool:
        """Whether place ``inner`` is ``outer`` or lies within it (see :class:`Geography`)."""
        return self.geography.encloses(outer, inner)

    def find_names(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[NameHit]:
        """Every known name in ``text[pos:endpos]``, left to right, the longest spelling where two overlap."""
        return self._find_names(text, pos, endpos, None)

    def _find_names(self, text: str, pos: int, endpos: int | None, words: Words | None) -> Iterator[NameHit]:
        """:meth:`find_names`, given the cut of ``text[pos:endpos]`` into ``\\w`` runs when the caller has it."""
        for start, end, surface, targets in self._name_hits(text, pos, endpos, words):
            yield NameHit(start=start, end=end, text=surface, targets=targets)

    def _name_hits(self, text: str, pos: int, endpos: int | None,
                   words: Words | None) -> list[tuple[int, int, str, tuple[Target, ...]]]:
        """What :meth:`_find_names` finds, as ``(start, end, text, targets)``: for a parser that keeps its own
        records of them."""
        resolved = self._resolved
        hits = []
        for start, end, surface in self._pattern.finditer(text, pos, endpos, words=words):
            targets = resolved.get(surface)
            if targets is None:
                targets = self._targets(surface)
                if len(resolved) < _RESOLVED_CACHE_SIZE:
                    resolved[surface] = targets
            if targets:
                hits.append((start, end, surface, targets))
        return hits

    def _targets(self, surface: str) -> tuple[Target, ...]:
        """What a spelling found in text denotes; nothing for a proper name written all in lower case."""
        targets = self._by_cased.get(surface, ())
        if not targets:
            key = skeleton(surface)
            targets = self._by_skeleton.get(key, ())
            # A proper name written all in lower case is an ordinary word ("harem"), not the name.
            if targets and key in self._proper and not any(c.isupper() for c in surface):
                return ()
        return targets


class _Builder:
    """Collects rows from any number of files, then checks and freezes them into a :class:`Gazetteer`."""

    def __init__(self) -> None:
        self.places: dict[str, Place] = {}
        self.factions: dict[str, Faction] = {}
        self.sources: dict[str, Source] = {}
        self.aliases: list[Alias] = []
        self.demonyms: dict[str, str] = {}
        self.place_lines: dict[str, tuple[str, int]] = {}

    def read(self, path: str, content: str) -> None:
        reader = csv.reader(io.StringIO(content))
        try:
            header = tuple(column.strip() for column in next(reader))
        except StopIteration:
            raise GazetteerError("the file is empty; it needs a header row", path=path) from None
        except csv.Error as error:
            raise GazetteerError(f"not a readable CSV file ({error})", path=path, line=1) from None
        tables = {PLACE_COLUMNS: self._place, FACTION_COLUMNS: self._faction, SOURCE_COLUMNS: self._source}
        if header not in tables:
            expected = "; ".join(",".join(columns) for columns in tables)
            raise GazetteerError(f"unknown header {','.join(header)!r}; expected one of: {expected}", path=path,
                                 line=1)
        add_row = tables[header]
        try:
            for row in reader:
                line = reader.line_num
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(header):
                    raise GazetteerError(f"expected {len(header)} fields, found {len(row)}", path=path, line=line)
                add_row(dict(zip(header, (cell.strip() for cell in row), strict=True)), path, line)
        except csv.Error as error:
            raise GazetteerError(f"not a readable CSV row ({error})", path=path, line=reader.line_num) from None

    @staticmethod
    def _required(row: Mapping[str, str], column: str, path: str, line: int) -> str:
        value = row[column]
        if not value:
            raise GazetteerError("must not be empty", path=path, line=line, field=column)
        return value

    @staticmethod
    def _enum(kind: type[_E], value: str, path: str, line: int) -> _E:
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(member.value for member in kind)
            raise GazetteerError(f"unknown kind {value!r}; expected one of: {allowed}", path=path, line=line,
                                 field="kind") from None

    def _aliases(self, row: Mapping[str, str], target: Target, *extra: str) -> None:
        for spelling in (row["name"], *_split(row["aliases"]), *extra):
            self.aliases.append(Alias(alias=spelling, target=target, cased=_is_acronym(spelling)))
        for spelling in _split(row.get("cased_aliases", "")):
            self.aliases.append(Alias(alias=spelling, target=target, cased=True))

    def _coordinate(self, row: Mapping[str, str], column: str, path: str, line: int) -> float | None:
        value = row[column]
        if not value:
            return None
        try:
            return float(value)
        except ValueError:
            raise GazetteerError(f"not a number: {value!r}", path=path, line=line, field=column) from None

    def _place(self, row: Mapping[str, str], path: str, line: int) -> None:
        name = self._required(row, "name", path, line)
        try:
            place = Place(
                name=name,
                kind=self._enum(PlaceKind, self._required(row, "kind", path, line), path, line),
                parent=row["parent"] or None,
                country=row["country"] or None,
                latitude=self._coordinate(row, "latitude", path, line),
                longitude=self._coordinate(row, "longitude", path, line),
            )
        except ValueError as error:
            if isinstance(error, GazetteerError):
                raise
            raise GazetteerError(str(error), path=path, line=line, field="latitude") from None
        self.places[name] = place
        self.place_lines[name] = (path, line)
        self._aliases(row, Target(kind=EntityKind.PLACE, name=name))

    def _faction(self, row: Mapping[str, str], path: str, line: int) -> None:
        name = self._required(row, "name", path, line)
        kind = self._enum(FactionKind, self._required(row, "kind", path, line), path, line)
        self.factions[name] = Faction(name=name, kind=kind)
        self._aliases(row, Target(kind=EntityKind.FACTION, name=name))
        for spelling in _split(row["metonyms"]):
            self.aliases.append(Alias(alias=spelling, target=Target(kind=EntityKind.FACTION, name=name,
                                                                   metonym=True)))
        for word in _split(row["demonyms"]):
            self.demonyms[word.casefold()] = name

    def _source(self, row: Mapping[str, str], path: str, line: int) -> None:
        name = self._required(row, "name", path, line)
        kind = self._enum(SourceKind, self._required(row, "kind", path, line), path, line)
        self.sources[name] = Source(name=name, kind=kind)
        self._aliases(row, Target(kind=EntityKind.SOURCE, name=name))

    def build(self) -> Gazetteer:
        for name, place in self.places.items():
            if place.parent is not None and place.parent not in self.places:
                path, line = self.place_lines[name]
                raise GazetteerError(f"parent {place.parent!r} is not a place in the gazetteer", path=path,
                                     line=line, field="parent")
        by_skeleton: dict[str, list[Target]] = {}
        by_cased: dict[str, list[Target]] = {}
        proper: set[str] = set()
        for alias in self.aliases:
            if alias.cased:
                table, key = by_cased, alias.alias
            else:
                table, key = by_skeleton, skeleton(alias.alias)
                if _first_has_upper(alias.alias):
                    proper.add(key)
            if key and alias.target not in table.setdefault(key, []):
                table[key].append(alias.target)
        # Direct names come before metonyms so that "Damascus" is first of all the city.
        frozen_skeletons = {k: tuple(sorted(v, key=lambda t: t.metonym)) for k, v in by_skeleton.items()}
        return Gazetteer(
            places=MappingProxyType(dict(self.places)),
            factions=MappingProxyType(dict(self.factions)),
            sources=MappingProxyType(dict(self.sources)),
            aliases=tuple(self.aliases),
            demonyms=MappingProxyType(dict(self.demonyms)),
            by_skeleton=MappingProxyType(frozen_skeletons),
            by_cased=MappingProxyType({k: tuple(v) for k, v in by_cased.items()}),
            proper=frozenset(proper),
            pattern=NamePattern((a.alias for a in self.aliases if not a.cased),
                                cased=(a.alias for a in self.aliases if a.cased)),
        )


def _bundled_files() -> Iterator[tuple[str, str]]:
    data = resources.files("ghouta_events.data")
    for name in _BUNDLED:
        yield f"ghouta_events/data/{name}", data.joinpath(name).read_text(encoding="utf-8")


def _read_user_file(path: str | os.PathLike[str]) -> tuple[str, str]:
    shown = os.fspath(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return shown, handle.read()
    except FileNotFoundError:
        raise GazetteerError("no such file", path=shown) from None
    except UnicodeDecodeError as error:
        raise GazetteerError(f"not UTF-8 text (byte {error.start})", path=shown) from None
    except OSError as error:
        raise GazetteerError(f"cannot be read ({error.strerror})", path=shown) from None


def load_gazetteer(*extra: str | os.PathLike[str], bundled: bool = True) -> Gazetteer:
    """Load the bundled gazetteer, extended (or overridden, row by row) by the given CSV files.

    Each extra file has the header of one of the bundled tables (``places.csv``, ``factions.csv`` or
    ``sources.csv``); a row whose name is already known replaces that entry and adds its spellings.

    Raises:
        GazetteerError: a file is missing or malformed; the message names the file, line and field.
    """
    builder = _Builder()
    files: list[tuple[str, str]] = list(_bundled_files()) if bundled else []
    files.extend(_read_user_file(path) for path in extra)
    for path, content in files:
        builder.read(path, content)
    return builder.build()


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The bundled gazetteer, loaded once and shared (it is immutable)."""
    return load_gazetteer()


def alias_table(gazetteer: Gazetteer | None = None) -> Sequence[tuple[str, str, str]]:
    """Rows ``(kind, canonical name, spelling)`` for every spelling in the gazetteer, metonyms included."""
    gazetteer = gazetteer or default_gazetteer()
    return [(a.target.kind.value, a.target.name, a.alias) for a in gazetteer.aliases]
