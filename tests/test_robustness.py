"""Robustness of ``parse``: linear time on pathological input, a report for any text, and safe to embed.

Every sentence here is written for these tests; no text of the shared corpus is kept in this file (the thread
test reads the corpus files from ``../shared/corpus`` when that folder is present).

An input on which the parser is known to take super-linear time is kept, marked ``xfail`` with the loop at fault
as its reason; the mark is strict, so a fix shows up as an unexpected pass and the mark can go.
"""

from __future__ import annotations

import builtins
import concurrent.futures
import datetime as dt
import io
import json
import os
import random
import re
import socket
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, Final, NamedTuple, cast

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from linear import assert_linear

import ghouta_events as ge
from ghouta_events import Report, Span, parse

ROOT: Final = Path(__file__).resolve().parents[1]
CORPUS: Final = ROOT.parent / "shared" / "corpus"
GAZ: Final = ge.default_gazetteer()

# --- (1) Linear time, always --------------------------------------------------------------------------------------

def _assert_linear(make: Callable[[int], str], size: int, repeats: int) -> None:
    assert_linear(parse, make(size), make(2 * size), repeats)


def _numbered_convoys(count: int) -> str:
    return "".join(f"{i + 2} buses left Douma. " for i in range(count))


#: (make the input from a size, the size of the small input, runs of each size); the ids name the larger input.
#: Each small input takes 0.05 s or more to parse, so that the ratio is not decided by timer noise.
SCALING = [
    pytest.param(lambda k: "1" + ",234" * k, 16_667, 3, id="100k-digits-with-commas"),
    pytest.param(lambda k: "1234567890," * k, 10_000, 3, id="long-digit-groups-with-commas"),
    pytest.param(lambda k: "more than " * k, 25_000, 2, id="more-than-repeated-50k"),
    pytest.param(lambda k: "more than " * k + "300 people left Douma.", 12_500, 2, id="more-than-then-a-count"),
    pytest.param(lambda k: "Douma " * k, 10_000, 3, id="douma-repeated-20k"),
    pytest.param(lambda k: "Eastern Ghouta " * k, 8_000, 3, id="eastern-ghouta-repeated-16k"),
    pytest.param(lambda k: "Harasta Idlib SANA Reuters Jaish al-Islam Faylaq al-Rahman the Syrian Observatory " * k,
                 700, 3, id="names-of-every-kind-repeated"),
    pytest.param(lambda k: "(" * k + "Ten buses left Douma" + ")" * k, 200_000, 3, id="nested-brackets"),
    pytest.param(lambda k: '"' * k + "Ten buses left Douma" + '"' * k, 200_000, 3, id="nested-straight-quotes"),
    pytest.param(lambda k: "“‘«([" * k + "Ten buses left Douma" + "])»’”" * k, 40_000, 3, id="nested-mixed-quotes"),
    pytest.param(lambda k: "“the town of ‘" * k + "Douma" + "’”" * k, 6_000, 3, id="nested-quoted-phrases"),
    pytest.param(lambda k: "on March 3, " * k, 1_500, 3, id="dates-repeated"),
    pytest.param(lambda k: "last week on Saturday " * k, 1_500, 3, id="relative-dates-repeated"),
    pytest.param(lambda k: "about 1,000 " * k, 1_000, 3, id="hedged-counts-repeated"),
    pytest.param(lambda k: "The weather was mild and the market was quiet. " * k, 2_000, 3, id="many-plain-sentences"),
    pytest.param(lambda k: "A quiet day in the old city.\n\n" * k, 2_000, 3, id="many-short-paragraphs"),
    pytest.param(lambda k: "x" * k, 500_000, 3, id="one-long-word"),
    pytest.param(lambda k: "\r\n \r\u2028\n\u00a0" * k, 100_000, 3, id="mixed-newlines-and-blanks"),
    # Many cues, names or records in one sentence or paragraph: each of these once took quadratic time.
    pytest.param(lambda k: "killed 5 " * k, 1_000, 3, id="counts-and-kind-cues-in-one-sentence"),
    pytest.param(lambda k: "Russia said " * k, 2_000, 3, id="speakers-in-one-sentence"),
    pytest.param(lambda k: "Reuters quoted SANA as saying " * k, 800, 3, id="citations-in-one-sentence"),
    pytest.param(lambda k: "according to SANA " * k, 2_000, 3, id="according-to-in-one-sentence"),
    pytest.param(lambda k: "Jaish al-Islam fighters " * k, 2_500, 3, id="group-names-before-faction-words"),
    pytest.param(lambda k: "Douma and Abcd Efgh brigade " * k, 2_000, 3, id="unknown-names-before-faction-words"),
    pytest.param(lambda k: "the Saudi-backed Jaish al-Islam " * k, 2_500, 3, id="backed-groups-in-one-sentence"),
    pytest.param(lambda k: "12 buses carrying 400 fighters left Douma for Idlib " * k, 200, 3,
                 id="convoy-clauses-in-one-sentence"),
    pytest.param(_numbered_convoys, 400, 2, id="many-convoy-sentences"),
    pytest.param(lambda k: ("Ten buses left Douma. " + "x" * 2000 + ". ") * k, 250, 3,
                 id="restated-convoys-in-text-without-th"),
]


@pytest.mark.parametrize(("make", "size", "repeats"), SCALING)
def test_parse_time_grows_linearly_on_pathological_input(make: Callable[[int], str], size: int, repeats: int) -> None:
    _assert_linear(make, size, repeats)


#: Plain words and no punctuation at all: one sentence of five megabytes.
_LINE_UNIT: Final = "the quiet market town and its old stone souk "
_FIVE_MB: Final = 5_000_000 // len(_LINE_UNIT) + 1


def test_parse_time_grows_linearly_on_a_long_line_without_punctuation() -> None:
    _assert_linear(lambda k: _LINE_UNIT * k, _FIVE_MB // 4, 2)


def test_parse_reads_a_five_megabyte_line_without_punctuation() -> None:
    text = _LINE_UNIT * _FIVE_MB
    assert len(text) >= 5_000_000
    report = parse(text, report_id="long-line")
    assert isinstance(report, Report)
    assert report.text == text
    assert (report.convoys, report.figures, report.events, report.mentions) == ((), (), (), ())


# --- (2) Any text in, a report out --------------------------------------------------------------------------------


def _walk(value: object) -> Iterator[object]:
    """``value`` and everything inside it: fields of attrs records, items of tuples, lists and mappings."""
    yield value
    if attrs.has(type(value)):
        for item in attrs.asdict(cast(Any, value), recurse=False).values():
            yield from _walk(item)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _walk(item)
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _walk(item)


def _check_report(text: str, report: Report) -> None:
    """Every span in the report lies inside the text, and every record that quotes the text quotes it right."""
    assert isinstance(report, Report)
    assert report.text == text
    spans = [item for item in _walk(report) if isinstance(item, Span)]
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text), span
    # Report.iter_spans promises every span of the report; the walk finds the same ones.
    assert set(spans) == set(report.iter_spans())
    for item in _walk(report):
        # A record with a span and a ``text`` (Unplaced) quotes the words its span covers.
        covered, quoted = getattr(item, "span", None), getattr(item, "text", None)
        if attrs.has(type(item)) and isinstance(covered, Span) and quoted is not None:
            assert text[covered.start : covered.end] == quoted, item
    tables: dict[ge.EntityKind, Mapping[str, object]] = {
        ge.EntityKind.PLACE: GAZ.places, ge.EntityKind.FACTION: GAZ.factions, ge.EntityKind.SOURCE: GAZ.sources,
    }
    for mention in report.mentions:
        # A mention covers a spelling the gazetteer knows (or one a letter off a long name, see near_place) and
        # names an entry of the table of its kind.
        surface = report.excerpt(mention.span)
        assert surface.strip(), mention
        assert GAZ.resolve(surface) or GAZ.near_place(surface) is not None, (surface, mention)
        assert mention.name in tables[mention.kind], mention
    for quantity in (item for item in _walk(report) if isinstance(item, ge.Quantity | ge.VagueAmount)):
        if quantity.span is not None:
            assert report.excerpt(quantity.span).strip(), quantity


_NAMES: Final = sorted({alias.alias for alias in GAZ.aliases}
                       | set(GAZ.places) | set(GAZ.factions) | set(GAZ.sources))
_NUMBER_WORDS: Final = [
    "seventeen", "Nineteen", "one hundred and twenty", "a dozen", "two dozen", "hundreds", "tens of thousands",
    "several", "a few", "2.3 million", "4.25 thousand", "950+", "16,000 to 19,000", "between 300 and 400", "1.250.000",
    "12\u00a0480", "42 310", "½", "²", "1e5", "0x1F", "No. 5", "$6 million", "85%", "14th", "5:30 pm", "1300 GMT",
]
_HEDGES: Final = ["more than", "about", "at least", "up to", "nearly", "over", "around", "some", "fewer than",
                  "as many as", "an estimated", "a total of", "less than", "approximately"]
_DATES: Final = [
    "March 24", "24 March 2018", "March 24, 2018", "Saturday", "on Saturday", "last week", "yesterday", "today",
    "early March", "mid-April", "March 22-24", "over the weekend", "in 2013", "in March 2018", "since March 22",
    "Sat, 24 Mar 2018", "2018-03-24", "24/03/2018", "last Friday", "tonight", "February 30", "March 0",
]
_CUES: Final = [
    "buses", "left", "evacuated", "fighters", "civilians", "said", "according to", "people", "families", "convoy",
    "arrived in", "headed to", "for", "from", "to", "killed", "wounded", "fled", "displaced", "remain in", "deal",
    "agreement", "backed by", "the Saudi-backed", "quoted", "citing", "told", "reported", "who", "which", "the",
    "another convoy", "The convoy", "they", "including", "among them", "the group", "brigade", "crossing",
]
_PUNCTUATION: Final = [".", ",", ";", ":", "!", "?", "-", "—", "–", "(", ")", "[", "]", '"', "'", "“", "”", "‘",
                       "’", "«", "»", "...", "/", "&", "'s", "’s", "- ", " -- "]
_NOISE: Final = [
    "<p>", "</p>", "&nbsp;", "&amp;", "<br/>", '<a href="x">', "&#8217;", "<!-- -->",
    "غادرت ١٧ حافلة دوما", "دوما", "٠١٢٣٤٥٦٧٨٩", "١٬٢٥٠", "٣٤",
    "\u200f", "\u200e", "\u202b", "\u202c", "\u200b", "\u200d", "\ufeff", "\u00ad",
    "\u00a0", "\u2009", "\u202f", "\u3000", "\t", "\u0301", "e\u0301", "\u0301\u0301",
    "\x00", "\x01", "\x1b[0m", "\x7f", "\x85",
    "İdlib", "DOUMA", "ﬁghters", "Straße", "ſix", "\u212a", "Dou\u0301ma", "Dou\u200bma", "Dou\u00adma",
    "🚌🚌", "✅",
]
_NEWLINES: Final = ["\r\n", "\r", "\n", "\u2028", "\u2029", "\n\n", "\r\n\r\n"]


def _cased(name: str) -> st.SearchStrategy[str]:
    return st.sampled_from([name, name.upper(), name.lower(), name.title()])


_PLACES: Final = sorted(GAZ.places)
_SPEAKERS: Final = sorted(GAZ.sources)


@st.composite
def _report_sentences(draw: st.DrawFn) -> str:
    """A sentence in the shape of wire copy, drawn from names, counts, hedges, dates and cue words."""
    count = draw(st.one_of(st.integers(min_value=0, max_value=100_000).map(str),
                           st.integers(min_value=1_000, max_value=10**6).map(lambda n: f"{n:,}"),
                           st.sampled_from(["Seventeen", "twelve", "a dozen", "hundreds of", "two"])))
    hedge = draw(st.sampled_from(["", "more than ", "about ", "at least ", "up to ", "nearly ", "some "]))
    noun = draw(st.sampled_from(["buses", "fighters", "civilians", "people", "families", "militants",
                                 "buses carrying 400 fighters and their families", "Jaish al-Islam fighters"]))
    verb = draw(st.sampled_from(["left", "were evacuated from", "arrived in", "fled", "were killed in",
                                 "remain in", "headed to", "are due to leave"]))
    first, second = draw(st.sampled_from(_PLACES).flatmap(_cased)), draw(st.sampled_from(_PLACES))
    link = draw(st.sampled_from(["for", "to", "toward", "from", "near", "and", "via"]))
    date = draw(st.sampled_from(["", *_DATES]))
    speaker, relay = draw(st.sampled_from(_SPEAKERS)), draw(st.sampled_from(_SPEAKERS))
    attribution = draw(st.sampled_from(["", f", {speaker} said", f", according to {speaker}", f" ({speaker})",
                                        f", {relay} quoted {speaker} as saying", f", said {speaker}"]))
    stop = draw(st.sampled_from([".", ". ", ".\n\n", "", ";", '."', "!"]))
    return f"{hedge}{count} {noun} {verb} {first} {link} {second} {date}{attribution}{stop}"


_WORDS: Final = st.one_of(
    st.sampled_from(_NAMES).flatmap(_cased),
    st.sampled_from(_NUMBER_WORDS),
    st.integers(min_value=0, max_value=10**7).map(str),
    st.integers(min_value=1_000, max_value=10**9).map(lambda n: f"{n:,}"),
    st.tuples(st.sampled_from(_HEDGES), st.integers(min_value=0, max_value=100_000)).map(lambda h: f"{h[0]} {h[1]:,}"),
    st.sampled_from(_HEDGES),
    st.sampled_from(_DATES),
    st.sampled_from(_CUES),
    st.sampled_from(_PUNCTUATION),
    st.sampled_from(_NOISE),
    st.sampled_from(_NEWLINES),
    st.text(st.characters(codec="utf-8"), max_size=6),
)
#: Half the pieces are whole sentences, half single words, numbers, marks and noise.
_PIECES: Final = st.one_of(_report_sentences(), _WORDS)
_SEPARATORS: Final = st.sampled_from([" ", " ", " ", "", ", ", ". ", "\n", "\u00a0", "-", "\u2028", "\r\n", '" '])
TEXTS: Final = st.lists(st.tuples(_PIECES, _SEPARATORS), max_size=40).map(
    lambda parts: "".join(piece + separator for piece, separator in parts)
)


@given(text=TEXTS, published=st.none() | st.dates(min_value=dt.date(2017, 1, 1), max_value=dt.date(2019, 12, 31))
       | st.dates())
@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_parse_never_raises_on_fuzzed_text(text: str, published: dt.date | None) -> None:
    report = parse(text, published=published)
    _check_report(text, report)
    # Names found by the gazetteer quote the text they stand on.
    for hit in GAZ.find_names(text):
        assert 0 <= hit.start <= hit.end <= len(text)
        assert text[hit.start : hit.end] == hit.text
    # What parse gives can be written, read back, and merged.
    assert ge.from_json(ge.to_json(report)) == report
    assert isinstance(ge.merge([report]), ge.Dataset)


@given(st.text(st.characters(codec="utf-8"), max_size=300))
@settings(max_examples=150, deadline=None)
def test_parse_never_raises_on_arbitrary_characters(text: str) -> None:
    report = parse(text)
    _check_report(text, report)
    assert ge.from_json(ge.to_json(report)) == report


class _Text(str):
    """A str subclass, as some libraries hand text around."""

    __slots__ = ()


def test_parse_reads_a_str_subclass_as_the_plain_str() -> None:
    text = "Twelve buses carrying 400 fighters left Douma for Idlib on Monday, SANA said."
    assert parse(_Text(text), published=dt.date(2018, 4, 3)) == parse(text, published=dt.date(2018, 4, 3))


_NOT_STR: Final = st.one_of(
    st.binary(max_size=20),
    st.binary(max_size=20).map(bytearray),
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.lists(st.text(max_size=10), max_size=3),
    st.tuples(st.text(max_size=10)),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2),
    st.sets(st.integers(), max_size=3),
    st.just(io.StringIO("Ten buses left Douma.")),
    st.just(Path("report.txt")),
)


@given(_NOT_STR)
@settings(max_examples=100, deadline=None)
def test_parse_rejects_anything_but_str_with_a_type_error_that_says_so(value: object) -> None:
    # The message names what was expected (a str) and what was given.
    with pytest.raises(TypeError, match=rf"\bstr\b.*\b{re.escape(type(value).__name__)}\b"):
        parse(cast(str, value))


# --- (3) Safe to embed --------------------------------------------------------------------------------------------


class _Job(NamedTuple):
    text: str
    published: dt.date | None
    report_id: str


def _sample_jobs() -> list[_Job]:
    reports = ge.sample_reports()
    assert reports, "the package bundles sample reports"
    return [_Job(r.text, r.published, r.id) for r in reports]


def _corpus_jobs() -> list[_Job]:
    jobs = []
    for path in sorted([*CORPUS.glob("seeds/*.txt"), *CORPUS.glob("dev/*.txt")]):
        meta = path.with_name(f"{path.stem}.meta.json")
        value = json.loads(meta.read_text(encoding="utf-8")).get("published") if meta.exists() else None
        published = dt.date.fromisoformat(value) if isinstance(value, str) and value else None
        jobs.append(_Job(path.read_text(encoding="utf-8"), published, path.stem))
    return jobs


#: Sentences written for the thread tests, so that the test has texts of its own besides the samples.
_OWN_TEXTS: Final = [
    "Twelve buses carrying 400 fighters left Douma for Idlib on Monday, SANA said.",
    "DAMASCUS (Reuters) - About 1,000 people left Harasta on Saturday, the Observatory said.\n\nMore than 5,000 "
    "civilians remain in the town, according to the UN.",
    "Seventeen buses carrying 981 people left Arbin on Saturday under a deal brokered by Russia. Air strikes "
    "killed 46 civilians in Saqba on Tuesday.",
    "Jaish al-Islam fighters and their families began leaving Douma last week, state media reported.",
]


def _own_jobs() -> list[_Job]:
    return [_Job(text, dt.date(2018, 3, 26), f"own-{i}") for i, text in enumerate(_OWN_TEXTS)]


def _parse_job(job: _Job, gazetteer: ge.Gazetteer | None = None) -> Report:
    return parse(job.text, published=job.published, report_id=job.report_id, gazetteer=gazetteer)


def _assert_same_in_threads(jobs: list[_Job], gazetteer: ge.Gazetteer | None = None, rounds: int = 4) -> None:
    """Parse every job in 8 threads, ``rounds`` times over in shuffled order, and compare each result with the
    sequential one. A tiny switch interval makes the threads interleave often."""
    expected = {job.report_id: _parse_job(job) for job in jobs}
    assert len(expected) == len(jobs), "report ids are unique"
    assert any(report.convoys for report in expected.values()), "the texts give convoys to compare"
    shuffled = jobs * rounds
    random.Random(20180324).shuffle(shuffled)
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(lambda job: (job.report_id, _parse_job(job, gazetteer)), shuffled))
    finally:
        sys.setswitchinterval(interval)
    assert len(results) == len(shuffled)
    for report_id, report in results:
        assert report == expected[report_id], report_id


def test_parse_in_threads_gives_the_sequential_reports() -> None:
    samples = _sample_jobs()
    assert [_parse_job(job) for job in samples] == ge.sample_reports()
    _assert_same_in_threads([*samples, *_own_jobs()])


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus folder ../shared/corpus is not present")
def test_parse_in_threads_gives_the_sequential_reports_on_the_corpus() -> None:
    jobs = _corpus_jobs()
    assert jobs, f"{CORPUS} holds no seeds/*.txt or dev/*.txt"
    _assert_same_in_threads(jobs, rounds=3)


def test_a_fresh_gazetteer_shared_between_threads_gives_the_sequential_reports() -> None:
    # A new gazetteer starts with empty caches (the name pattern's skeletons), which the threads then fill.
    jobs = [*_sample_jobs(), *_own_jobs()]
    if CORPUS.is_dir():
        jobs.extend(_corpus_jobs())
    fresh = ge.load_gazetteer()
    assert fresh is not GAZ
    _assert_same_in_threads(jobs, gazetteer=fresh, rounds=3)


def _no_network(*args: object, **kwargs: object) -> Any:
    raise AssertionError("parse or merge tried to use the network")


def test_parse_and_merge_never_touch_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("connect", "connect_ex", "sendto", "sendall", "send"):
        monkeypatch.setattr(socket.socket, name, _no_network)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, _no_network)
    with pytest.raises(AssertionError, match="network"):
        socket.create_connection(("example.org", 80))
    reports = ge.sample_reports(gazetteer=ge.load_gazetteer())
    reports.extend(_parse_job(job) for job in _own_jobs())
    dataset = ge.merge(reports)
    assert dataset.convoys
    assert ge.from_json(ge.to_json(dataset)) == dataset


_WRITE_MODES: Final = frozenset("wax+")
_WRITE_FLAGS: Final = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def test_parse_and_merge_write_no_files(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Everything parse and merge load lazily is loaded before the guards go up.
    ge.merge(ge.sample_reports())
    writes: list[str] = []
    real_open, real_os_open = builtins.open, os.open

    def guarded_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if _WRITE_MODES & set(mode):
            writes.append(f"open({file!r}, {mode!r})")
        return real_open(file, mode, *args, **kwargs)

    def guarded_os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & _WRITE_FLAGS:
            writes.append(f"os.open({path!r})")
        return real_os_open(path, flags, *args, **kwargs)

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(io, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)
    with open(os.devnull, "w"):  # the guard sees a write
        pass
    assert writes == [f"open({os.devnull!r}, 'w')"]
    writes.clear()
    reports = ge.sample_reports(gazetteer=ge.load_gazetteer())
    reports.extend(_parse_job(job) for job in _own_jobs())
    dataset = ge.merge(reports)
    monkeypatch.undo()
    assert dataset.reports
    assert writes == []
    assert list(tmp_path.iterdir()) == []
