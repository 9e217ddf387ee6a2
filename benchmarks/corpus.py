"""Generate a large corpus of varied reports for the benchmarks, from the shared corpora and the bundled samples.

Run from the repository root (never part of the test suite)::

    python benchmarks/corpus.py --mb 30 --out /tmp/corpus            # 30 MB as /tmp/corpus/r000001.txt, ...
    python benchmarks/corpus.py --mb 30 --out /tmp/corpus --seed 5   # another, equally deterministic corpus

Nothing of the news text lives in this file: the sentences are read at run time from the shared corpus
(``../shared/corpus/*/*.txt`` beside the repository, when it is there) and from the sample reports bundled
with the package (``ghouta_events.sample_paths()``). Without the shared corpus the samples alone are used,
and a line on stderr says so.

Each report is 8 to 30 sentences drawn at random from all the texts (so sentences are shuffled across
reports), set in paragraphs of one to four sentences, and every sentence is varied as it is used: numbers
(digits, with or without thousands separators, decimals, ordinals, times of day), number words ("twelve",
"hundreds"), hedges before a count ("more than", "about", "nearly", ...), weekdays, month-day dates
("March 24", "Feb. 19", "14 March"), ISO dates and years, and the names of places in Syria, sources and
factions (each swapped for a spelling of another of the same kind, from the gazetteer: a town for a town, a
governorate for a governorate, a monitor for a monitor, an armed group for an armed group). Every report gets a
publication date in a ``NAME.meta.json`` sidecar (one in twenty has ``null``, so its dates are read against
its dateline or its latest stated date). The same ``--seed``, input texts and gazetteer give the same
corpus, byte for byte; reports practically never repeat, so no cache can help a parser.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import random
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import regex

if os.environ.get("GHOUTA_EVENTS_BENCH_INSTALLED") != "1":  # else measure the installed package
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ghouta_events import default_gazetteer, sample_paths
from ghouta_events._text._patterns import trie_alternation

#: The shared corpora: ``repo_root.parent / "shared" / "corpus"``.
SHARED: Final = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DEFAULT_SEED: Final = 11
MB: Final = 1_000_000  # a megabyte, here, is a million bytes of UTF-8 text

MONTHS: Final = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December")
MONTH_ABBREVIATIONS: Final = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec")
DAYS_IN_MONTH: Final = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
HEDGES: Final = ("more than", "over", "about", "around", "nearly", "almost", "some", "at least", "up to",
                 "approximately", "roughly", "less than", "fewer than", "as many as", "an estimated", "close to")
SMALL_NUMBER_WORDS: Final = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                             "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                             "nineteen", "twenty", "thirty", "forty", "fifty")
VAGUE_NUMBER_WORDS: Final = ("dozens", "hundreds", "thousands", "tens of thousands")


def _words(words: Sequence[str]) -> str:
    """An alternation of words, longest first, with flexible white space inside them."""
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_month = (r"(?:" + "|".join(MONTHS) + "|" + "|".join(a for a in MONTH_ABBREVIATIONS if a != "May")
          + r")(?:\.(?=\s))?")
_before, _after = r"(?<!\d|\d[,.])", r"(?!\d|[,.]\d)"  # not inside a longer number
_number_word = _words((*SMALL_NUMBER_WORDS, *VAGUE_NUMBER_WORDS))
#: Everything a sentence's variation touches but names, tried in this order at each position.
RE_SLOT: Final = regex.compile(
    r"(?P<iso>\b(?:19|20)\d\d-[01]\d-[0-3]\d\b)"
    r"|(?P<time>\b[0-2]?\d:[0-5]\d\b)"
    rf"|(?P<month_day>\b{_month}\s+[0-3]?\d(?:st|nd|rd|th)?\b)"
    rf"|(?P<day_month>\b[0-3]?\d(?:st|nd|rd|th)?\s+(?:{'|'.join(MONTHS)})\b)"
    rf"|(?P<year>{_before}(?:19[89]\d|20[0-3]\d){_after})"
    r"|(?P<ordinal>\b\d+(?:st|nd|rd|th)\b)"
    rf"|(?P<number>{_before}(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?{_after})"
    rf"|(?P<hedge>\b(?i:{_words(HEDGES)})\b)(?=\s+(?:\d|(?i:{_number_word})\b))"
    rf"|(?P<number_word>\b(?i:{_number_word})\b)"
    rf"|(?P<weekday>\b(?:{'|'.join(WEEKDAYS)})\b)"
)
RE_DIGITS: Final = regex.compile(r"\d+")


@dataclass(frozen=True)
class GeneratedReport:
    """One generated report: its id (the file name without ``.txt``), text and publication date."""

    id: str
    text: str
    published: dt.date | None


@dataclass(frozen=True)
class Slot:
    """A part of a sentence that varies: its kind (a group of ``RE_SLOT``, or a name pool) and original text."""

    kind: str
    text: str


Template = tuple[str | Slot, ...]


def _sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Sentence spans by the package's own splitter, or by a plain rule if its private module has moved."""
    try:
        from ghouta_events._text._sentences import iter_sentences
    except ImportError:
        start = 0
        for match in regex.finditer(r"(?<=[.!?][\"'\u201d]?)\s+(?=[\"'\u201c]?[\p{Lu}\p{N}])|\n\s*\n", text):
            yield start, match.start()
            start = match.end()
        yield start, len(text)
        return
    for sentence in iter_sentences(text):
        yield sentence.start, sentence.end


def source_paths(shared: Path | None = SHARED) -> list[Path]:
    """The texts the generator draws on: the bundled samples, then the shared corpus's ``*/*.txt`` when present."""
    paths = list(sample_paths())
    if shared is not None and shared.is_dir():
        paths.extend(sorted(shared.glob("*/*.txt")))
    else:
        print(f"corpus: no shared corpus at {shared}; drawing on the {len(paths)} bundled sample reports only",
              file=sys.stderr)
    return paths


def sentences(paths: Sequence[Path]) -> list[str]:
    """Every sentence of the texts, white space normalized."""
    out = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for start, end in _sentence_spans(text):
            sentence = " ".join(text[start:end].split())
            if sentence:
                out.append(sentence)
    return out


def _name_pools() -> dict[str, tuple[str, ...]]:
    """Capitalized spellings of Syrian places, sources and factions, in pools of one kind (towns, state media...)."""
    gaz = default_gazetteer()
    pools: dict[str, set[str]] = {}
    for alias in gaz.aliases:
        spelling, target = alias.alias, alias.target
        if not spelling[:1].isupper() or target.metonym or len(spelling) < 3:
            continue
        kind = target.kind.value
        if kind == "place":
            place = gaz.places[target.name]
            if place.country != "Syria":
                continue
            place_kind = place.kind.value
            pool = "place:" + ("locality" if place_kind in ("city", "town", "district", "camp") else place_kind)
        elif kind == "source":
            pool = f"source:{gaz.sources[target.name].kind.value}"
        elif kind == "faction":
            pool = f"faction:{gaz.factions[target.name].kind.value}"
        else:
            continue
        pools.setdefault(pool, set()).add(spelling)
    return {name: tuple(sorted(spellings)) for name, spellings in sorted(pools.items()) if len(spellings) > 1}


@functools.cache
def _templates(shared: Path | None) -> tuple[tuple[Template, ...], dict[str, tuple[str, ...]]]:
    """Every sentence as a template of fixed text and slots, and the name pools; read once per process."""
    pools = _name_pools()
    pool_of = {spelling: pool for pool, spellings in pools.items() for spelling in spellings}
    names = regex.compile(r"(?<!\w)(?:" + trie_alternation(pool_of) + r")(?!\w)")
    templates = []
    for sentence in sentences(source_paths(shared)):
        parts: list[str | Slot] = []
        position = 0
        for match in RE_SLOT.finditer(sentence):
            parts.extend(_split_names(sentence[position : match.start()], names, pool_of))
            assert match.lastgroup is not None
            parts.append(Slot(match.lastgroup, match.group()))
            position = match.end()
        parts.extend(_split_names(sentence[position:], names, pool_of))
        templates.append(tuple(parts))
    if not templates:
        raise SystemExit("corpus: no sentences to draw on")
    return tuple(templates), pools


def _split_names(text: str, names: regex.Pattern[str], pool_of: dict[str, str]) -> list[str | Slot]:
    parts: list[str | Slot] = []
    position = 0
    for match in names.finditer(text):
        parts.append(text[position : match.start()])
        parts.append(Slot(pool_of[match.group()], match.group()))
        position = match.end()
    parts.append(text[position:])
    return [p for p in parts if p]


def _like(original: str, replacement: str) -> str:
    """The replacement with the original's initial capital."""
    return replacement[:1].upper() + replacement[1:] if original[:1].isupper() else replacement


def _suffix(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


class _Filler:
    """Fills a template's slots with fresh values, with one random generator for the whole corpus."""

    def __init__(self, rng: random.Random, pools: dict[str, tuple[str, ...]]) -> None:
        self.rng = rng
        self.pools = pools
        self.year = 2018
        self.fill_slot: dict[str, Callable[[str], str]] = {
            "iso": self._iso, "time": self._time, "month_day": self._month_day, "day_month": self._day_month,
            "year": self._year, "ordinal": self._ordinal, "number": self._number, "hedge": self._hedge,
            "number_word": self._number_word, "weekday": lambda _: rng.choice(WEEKDAYS),
        }

    def fill(self, template: Template) -> str:
        out = []
        for part in template:
            if isinstance(part, str):
                out.append(part)
            elif part.kind in self.fill_slot:
                out.append(self.fill_slot[part.kind](part.text))
            else:
                out.append(self.rng.choice(self.pools[part.kind]))
        return "".join(out)

    def _day(self, month: int) -> int:
        return self.rng.randint(1, DAYS_IN_MONTH[month])

    def _iso(self, _: str) -> str:
        month = self.rng.randrange(12)
        return f"{self._year('')}-{month + 1:02d}-{self._day(month):02d}"

    def _time(self, _: str) -> str:
        return f"{self.rng.randint(0, 23)}:{self.rng.randrange(0, 60, 5):02d}"

    def _month_day(self, original: str) -> str:
        month = self.rng.randrange(12)
        day = self._day(month)
        abbreviated = "." in original or original.split()[0] in MONTH_ABBREVIATIONS
        name = MONTH_ABBREVIATIONS[month] + ("." if month != 4 else "") if abbreviated else MONTHS[month]
        return f"{name} {day}{_suffix(day) if original[-1].isalpha() else ''}"

    def _day_month(self, original: str) -> str:
        month = self.rng.randrange(12)
        day = self._day(month)
        return f"{day}{_suffix(day) if original.split()[0][-1].isalpha() else ''} {MONTHS[month]}"

    def _year(self, _: str) -> str:
        return str(self.year - self.rng.choice((0, 0, 0, 1)))

    def _ordinal(self, _: str) -> str:
        n = self.rng.randint(1, 40)
        return f"{n}{_suffix(n)}"

    def _number(self, original: str) -> str:
        whole, _, decimals = original.replace(",", "").partition(".")
        value = int(whole)
        if value == 0:
            return original
        factor = self.rng.uniform(0.5, 1.8)
        if decimals:
            return f"{value * factor:.{len(decimals)}f}"
        new = max(1, round(value * factor))
        return f"{new:,}" if "," in original else str(new)

    def _hedge(self, original: str) -> str:
        return _like(original, self.rng.choice(HEDGES))

    def _number_word(self, original: str) -> str:
        pool = SMALL_NUMBER_WORDS if original.lower() in SMALL_NUMBER_WORDS else VAGUE_NUMBER_WORDS
        return _like(original, self.rng.choice(pool))


def iter_reports(megabytes: float, seed: int = DEFAULT_SEED, *, shared: Path | None = SHARED,
                 first: int = 1) -> Iterator[GeneratedReport]:
    """Reports of 8 to 30 varied sentences each, about ``megabytes`` of UTF-8 text in all, one at a time."""
    templates, pools = _templates(shared)
    rng = random.Random(seed)
    filler = _Filler(rng, pools)
    start, days = dt.date(2012, 1, 1), (dt.date(2019, 12, 31) - dt.date(2012, 1, 1)).days
    size, number = 0, first
    while size < megabytes * MB:
        published = start + dt.timedelta(days=rng.randrange(days + 1))
        filler.year = published.year
        body = [filler.fill(rng.choice(templates)) for _ in range(rng.randint(8, 30))]
        paragraphs = []
        while body:
            take = rng.randint(1, 4)
            paragraphs.append(" ".join(body[:take]))
            del body[:take]
        text = "\n\n".join(paragraphs) + "\n"
        yield GeneratedReport(id=f"r{number:06d}", text=text, published=None if rng.random() < 0.05 else published)
        size += len(text.encode("utf-8"))
        number += 1


def generate(megabytes: float, seed: int = DEFAULT_SEED, *, shared: Path | None = SHARED) -> list[GeneratedReport]:
    """All of :func:`iter_reports` in a list."""
    return list(iter_reports(megabytes, seed, shared=shared))


@dataclass(frozen=True)
class CorpusInfo:
    """What :func:`write_corpus` wrote."""

    folder: Path
    reports: int
    bytes: int


def write_corpus(out: Path, megabytes: float, seed: int = DEFAULT_SEED, *, shared: Path | None = SHARED,
                 meta: bool = True) -> CorpusInfo:
    """Write ``megabytes`` of reports to ``out/r000001.txt``, ... (UTF-8), with ``.meta.json`` sidecars.

    The folder must hold no ``.txt`` files yet, so that no report of an earlier corpus is left among the new.
    """
    out.mkdir(parents=True, exist_ok=True)
    if any(out.glob("*.txt")):
        raise FileExistsError(f"{out} already holds .txt files; give an empty or new folder")
    reports = size = 0
    for report in iter_reports(megabytes, seed, shared=shared):
        data = report.text.encode("utf-8")
        (out / f"{report.id}.txt").write_bytes(data)
        if meta:
            published = None if report.published is None else report.published.isoformat()
            (out / f"{report.id}.meta.json").write_text(json.dumps({"published": published}) + "\n",
                                                        encoding="utf-8")
        reports += 1
        size += len(data)
    return CorpusInfo(folder=out, reports=reports, bytes=size)


def read_corpus(folder: Path) -> list[GeneratedReport]:
    """The reports of a folder written by :func:`write_corpus` (or any folder of ``.txt`` files), in name order."""
    out = []
    for path in sorted(folder.glob("*.txt")):
        sidecar = path.with_name(f"{path.stem}.meta.json")
        published = json.loads(sidecar.read_text(encoding="utf-8")).get("published") if sidecar.is_file() else None
        out.append(GeneratedReport(id=path.stem, text=path.read_text(encoding="utf-8"),
                                   published=dt.date.fromisoformat(published) if published else None))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--mb", type=float, default=30.0, help="megabytes of UTF-8 text to write (default 30)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write r000001.txt, ... into")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
    parser.add_argument("--shared", type=Path, default=SHARED, help=f"the shared corpus (default {SHARED})")
    parser.add_argument("--no-meta", action="store_true", help="write no .meta.json sidecars")
    args = parser.parse_args(argv)
    try:
        info = write_corpus(args.out, args.mb, args.seed, shared=args.shared, meta=not args.no_meta)
    except FileExistsError as error:
        print(f"corpus: {error}", file=sys.stderr)
        return 2
    print(f"wrote {info.reports:,} reports, {info.bytes / MB:.1f} MB, to {info.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
