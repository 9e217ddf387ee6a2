"""The records: construction from the public namespace, invariants, hedge bounds, immutability, error messages."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
import strategies as gst
from hypothesis import given, settings
from hypothesis import strategies as st

import ghouta_events as ge

DAY: dt.date = dt.date(2018, 3, 24)
ARBIN = ge.Place(
    name="Arbin", kind=ge.PlaceKind.TOWN, parent="Eastern Ghouta", country="Syria", latitude=33.5422, longitude=36.3722
)
SANA = ge.Source(name="SANA", kind=ge.SourceKind.STATE_MEDIA)


def _report(**changes: Any) -> ge.Report:
    """A small valid report written here; ``changes`` override its fields."""
    text = "A convoy of 12 buses left Arbin on Saturday, the agency said."
    fields: dict[str, Any] = {"id": "r", "text": text}
    fields.update(changes)
    return ge.Report(**fields)


def _merged() -> ge.Dataset:
    """A dataset of one small report with one convoy, one figure and one event."""
    return ge.merge(
        [
            _report(
                convoys=[ge.Convoy(id="r#c0", origin=ARBIN, buses=ge.Quantity(value=12), sources=[SANA])],
                figures=[ge.Figure(id="r#f0", kind=ge.FigureKind.EVACUATED, quantity=ge.Quantity(value=400))],
                events=[ge.Event(id="r#e0", kind=ge.EventKind.EVACUATION, place=ARBIN, convoys=["r#c0"])],
            )
        ]
    )


# --- Every record type can be built from the public namespace -------------------------------------------------

RECORD_FACTORIES: list[Any] = [
    pytest.param(lambda: ge.Span(start=0, end=4), id="Span"),
    pytest.param(lambda: ge.Quantity(value=981), id="Quantity"),
    pytest.param(lambda: ge.VagueAmount(low=200, high=999), id="VagueAmount"),
    pytest.param(lambda: ge.DateRange.day(DAY), id="DateRange-day"),
    pytest.param(
        lambda: ge.DateRange(start=DAY, end=DAY + dt.timedelta(days=2), precision=ge.Precision.DAYS),
        id="DateRange-days",
    ),
    pytest.param(lambda: ARBIN, id="Place"),
    pytest.param(
        lambda: ge.Faction(name="Jaish al-Islam", kind=ge.FactionKind.ARMED_GROUP, backers=["Saudi Arabia"]),
        id="Faction",
    ),
    pytest.param(lambda: SANA, id="Source"),
    pytest.param(
        lambda: ge.Convoy(id="r#c0", origin=ARBIN, people=ge.Quantity(value=981), sources=[SANA]), id="Convoy"
    ),
    pytest.param(lambda: ge.Figure(id="r#f0", kind=ge.FigureKind.KILLED, quantity=ge.Quantity(value=40)), id="Figure"),
    pytest.param(lambda: ge.Event(id="r#e0", kind=ge.EventKind.AGREEMENT, place=ARBIN), id="Event"),
    pytest.param(
        lambda: ge.Mention(name="Arbin", kind=ge.EntityKind.PLACE, span=ge.Span(start=26, end=31)), id="Mention"
    ),
    pytest.param(
        lambda: ge.Unplaced(
            kind=ge.UnplacedKind.NUMBER, text="12", span=ge.Span(start=12, end=14), reason="no role found"
        ),
        id="Unplaced",
    ),
    pytest.param(_report, id="Report"),
    pytest.param(
        lambda: ge.Claim(quantity=ge.Quantity(value=3), sources=(SANA,), report="r", record="r#c0"), id="Claim"
    ),
    pytest.param(lambda: ge.Estimate(low=1, best=2, high=3, conservative=1), id="Estimate"),
    pytest.param(lambda: ge.Tally(claims=(), estimate=ge.Estimate(low=1, best=1, high=1, conservative=1)), id="Tally"),
    pytest.param(
        lambda: ge.Conflict(
            kind=ge.ConflictKind.DISJOINT,
            record="convoy-1",
            slot="people",
            claims=(),
            message="people: SANA says 1 but SOHR says 2",
        ),
        id="Conflict",
    ),
    pytest.param(lambda: ge.merge([_report()]), id="Dataset"),
    pytest.param(lambda: _merged().convoys[0], id="ConsolidatedConvoy"),
    pytest.param(lambda: _merged().figures[0], id="ConsolidatedFigure"),
    pytest.param(lambda: _merged().events[0], id="ConsolidatedEvent"),
]


@pytest.mark.parametrize("factory", RECORD_FACTORIES)
def test_record_is_constructible_frozen_and_hashable(factory: Callable[[], Any]) -> None:
    record = factory()
    assert attrs.has(type(record))
    assert type(record).__name__ in ge.__all__
    assert attrs.evolve(record) == record  # building it again runs every validator again
    hash(record)
    first = attrs.fields(type(record))[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(record, first, getattr(record, first))


def test_record_error_is_a_value_error() -> None:
    assert issubclass(ge.RecordError, ValueError)
    assert issubclass(ge.RecordError, ge.GhoutaEventsError)


# --- Invalid records are rejected with a message naming the problem -------------------------------------------

INVALID: list[Any] = [
    pytest.param(lambda: ge.Quantity(value=5, low=7, high=6), "low 7 is above its high 6", id="low-above-high"),
    pytest.param(
        lambda: ge.Quantity(value=9, qualifier=ge.Qualifier.EXACT, low=1, high=5),
        "above its high",
        id="value-above-high",
    ),
    pytest.param(lambda: ge.Quantity(value=1, low=3, high=None), "below its low", id="value-below-low"),
    pytest.param(lambda: ge.VagueAmount(low=300, high=200), "low 300 is above its high 200", id="vague-low-above-high"),
    pytest.param(lambda: ge.Quantity(value=-1), "must not be negative", id="negative-value"),
    pytest.param(lambda: ge.Quantity(value=3, low=-1), "must not be negative", id="negative-low"),
    pytest.param(lambda: ge.VagueAmount(low=-5), "must not be negative", id="negative-vague"),
    pytest.param(lambda: ge.Span(start=-1, end=3), "must not be negative", id="negative-span"),
    pytest.param(lambda: ge.Span(start=5, end=3), "end 3 is before its start 5", id="span-end-before-start"),
    pytest.param(
        lambda: ge.DateRange(start=DAY, end=DAY - dt.timedelta(days=1), precision=ge.Precision.DAYS),
        "is before its start",
        id="date-end-before-start",
    ),
    pytest.param(
        lambda: ge.DateRange(start=DAY, end=DAY + dt.timedelta(days=1), precision=ge.Precision.DAY),
        "precision 'day' must start and end on the same day",
        id="day-precision-two-days",
    ),
    pytest.param(
        lambda: ge.Place(name="Arbin", kind=ge.PlaceKind.TOWN, latitude=91.0, longitude=36.0),
        "latitude 91.0 is out of range",
        id="latitude-out-of-range",
    ),
    pytest.param(
        lambda: ge.Place(name="Arbin", kind=ge.PlaceKind.TOWN, latitude=33.0, longitude=-181.0),
        "longitude -181.0 is out of range",
        id="longitude-out-of-range",
    ),
    pytest.param(
        lambda: ge.Place(name="Arbin", kind=ge.PlaceKind.TOWN, latitude=33.0),
        "needs both coordinates or neither",
        id="latitude-only",
    ),
    pytest.param(
        lambda: ge.Place(name="Arbin", kind=ge.PlaceKind.TOWN, longitude=36.0),
        "needs both coordinates or neither",
        id="longitude-only",
    ),
    pytest.param(lambda: ge.Place(name="  ", kind=ge.PlaceKind.TOWN), "name must not be empty", id="empty-name"),
    pytest.param(lambda: ge.Convoy(id=""), "id must not be empty", id="empty-convoy-id"),
    pytest.param(
        lambda: ge.Convoy(id="r#c0", inferred=["origin", "buses"]),
        r"\['buses'\] cannot be inferred",
        id="inferred-not-inferable",
    ),
    pytest.param(
        lambda: ge.Convoy(id="r#c0", people=981),  # type: ignore[arg-type]
        "people must be a Quantity",
        id="count-not-quantity",
    ),
    pytest.param(
        lambda: _report(convoys=[ge.Convoy(id="r#c0", spans=[ge.Span(start=10, end=500)])]),
        "span 10-500 is outside its text",
        id="span-outside-text",
    ),
    pytest.param(
        lambda: _report(
            mentions=[ge.Mention(name="Arbin", kind=ge.EntityKind.PLACE, span=ge.Span(start=100, end=105))]
        ),
        "span 100-105 is outside its text",
        id="mention-outside-text",
    ),
    pytest.param(
        lambda: _report(convoys=[ge.Convoy(id="r#c0", people=ge.Quantity(value=1, span=ge.Span(start=0, end=999)))]),
        "is outside its text",
        id="quantity-span-outside-text",
    ),
    pytest.param(lambda: _report(digest="0" * 64), "digest does not match its text", id="digest-mismatch"),
    pytest.param(
        lambda: _report(
            convoys=[ge.Convoy(id="r#1")],
            figures=[ge.Figure(id="r#1", kind=ge.FigureKind.KILLED, quantity=ge.Quantity(value=2))],
        ),
        "record ids are not unique",
        id="duplicate-record-ids",
    ),
    pytest.param(
        lambda: _report(events=[ge.Event(id="r#e0", kind=ge.EventKind.EVACUATION, convoys=["r#c9"])]),
        "event 'r#e0' refers to unknown record 'r#c9'",
        id="event-unknown-convoy",
    ),
    pytest.param(
        lambda: _report(events=[ge.Event(id="r#e0", kind=ge.EventKind.EVACUATION, figures=["r#f9"])]),
        "refers to unknown record 'r#f9'",
        id="event-unknown-figure",
    ),
]


@pytest.mark.parametrize(("factory", "message"), INVALID)
def test_invalid_record_is_rejected(factory: Callable[[], object], message: str) -> None:
    with pytest.raises(ge.RecordError, match=message) as info:
        factory()
    assert isinstance(info.value, ValueError)


def test_report_digest_defaults_to_sha256_of_text() -> None:
    report = _report()
    assert report.digest == hashlib.sha256(report.text.encode("utf-8")).hexdigest()


# --- Quantity bounds follow the qualifier --------------------------------------------------------------------


@given(st.integers(min_value=0, max_value=10**9))
def test_exact_bounds(value: int) -> None:
    q = ge.Quantity(value=value, qualifier=ge.Qualifier.EXACT)
    assert (q.low, q.high) == (value, value)


@given(st.integers(min_value=0, max_value=10**9))
def test_more_than_bounds(value: int) -> None:
    q = ge.Quantity(value=value, qualifier=ge.Qualifier.MORE_THAN)
    assert (q.low, q.high) == (value + 1, None)


@given(st.integers(min_value=0, max_value=10**9))
def test_at_least_bounds(value: int) -> None:
    q = ge.Quantity(value=value, qualifier=ge.Qualifier.AT_LEAST)
    assert (q.low, q.high) == (value, None)


@given(st.integers(min_value=0, max_value=10**9))
def test_about_bounds_within_ten_percent(value: int) -> None:
    q = ge.Quantity(value=value, qualifier=ge.Qualifier.ABOUT)
    assert q.low is not None
    assert q.high is not None
    slack = math.ceil(value * 0.1)
    assert value - slack <= q.low <= value <= q.high <= value + slack
    assert q.high - value == value - q.low  # symmetric around the value


@pytest.mark.parametrize(
    ("value", "low", "high"),
    [(3000, 2700, 3300), (1000, 900, 1100), (0, 0, 0), (10, 9, 11)],
    ids=["3000", "1000", "0", "10"],
)
def test_about_bounds_examples(value: int, low: int, high: int) -> None:
    q = ge.Quantity(value=value, qualifier=ge.Qualifier.ABOUT)
    assert (q.low, q.high) == (low, high)


@given(st.integers(min_value=0, max_value=10**9))
def test_up_to_bounds(value: int) -> None:
    q = ge.Quantity(value=value, qualifier=ge.Qualifier.UP_TO)
    assert (q.low, q.high) == (None, value)


@given(st.integers(min_value=1, max_value=10**9))
def test_less_than_bounds(value: int) -> None:
    q = ge.Quantity(value=value, qualifier=ge.Qualifier.LESS_THAN)
    assert (q.low, q.high) == (None, value - 1)


def test_less_than_zero_keeps_a_non_negative_bound() -> None:
    q = ge.Quantity(value=0, qualifier=ge.Qualifier.LESS_THAN)
    assert q.low is None
    assert q.high is not None
    assert q.high >= 0


@given(gst.quantities())
def test_drawn_quantity_bounds_contain_the_hedged_value(q: ge.Quantity) -> None:
    if q.low is not None and q.high is not None:
        assert q.low <= q.high
    if q.qualifier is ge.Qualifier.MORE_THAN:
        assert q.low is not None
        assert q.low > q.value
    elif q.qualifier is ge.Qualifier.LESS_THAN:
        assert q.high is not None
        assert q.high < q.value or q.value == 0
    else:
        assert q.low is None or q.low <= q.value
        assert q.high is None or q.value <= q.high


def test_vague_amount_has_no_point_value() -> None:
    amount = ge.VagueAmount(low=200, high=999)
    names = {f.name for f in attrs.fields(ge.VagueAmount)}
    assert "value" not in names
    assert "qualifier" not in names
    assert not hasattr(amount, "value")
    assert not isinstance(amount, ge.Quantity)
    assert not issubclass(ge.Quantity, ge.VagueAmount)


# --- Strategy-built records pass their own validators, are frozen and hashable --------------------------------


def _rebuild(record: Any) -> Any:
    """Run every validator again: field validators, then the whole constructor."""
    attrs.validate(record)
    return attrs.evolve(record)


RECORD_STRATEGIES: list[Any] = [
    pytest.param(gst.spans(), id="Span"),
    pytest.param(gst.quantities(), id="Quantity"),
    pytest.param(gst.vague_amounts(), id="VagueAmount"),
    pytest.param(gst.date_ranges(), id="DateRange"),
    pytest.param(gst.places(), id="Place"),
    pytest.param(gst.factions(), id="Faction"),
    pytest.param(gst.sources(), id="Source"),
    pytest.param(gst.convoys(), id="Convoy"),
    pytest.param(gst.figures(), id="Figure"),
    pytest.param(gst.events(convoy_ids=["r#c0"], figure_ids=["r#f0"]), id="Event"),
    pytest.param(gst.mentions(), id="Mention"),
    pytest.param(gst.unplaced_items(), id="Unplaced"),
    pytest.param(gst.reports(), id="Report"),
    pytest.param(gst.reports(focused=True), id="Report-focused"),
]


@pytest.mark.parametrize("strategy", RECORD_STRATEGIES)
@settings(max_examples=50, deadline=None)
@given(data=st.data())
def test_strategy_records_are_valid_frozen_and_hashable(strategy: st.SearchStrategy[Any], data: st.DataObject) -> None:
    record = data.draw(strategy)
    assert _rebuild(record) == record
    assert hash(record) == hash(_rebuild(record))
    first = attrs.fields(type(record))[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(record, first, getattr(record, first))


@settings(max_examples=50, deadline=None)
@given(gst.reports())
def test_report_spans_lie_inside_text_and_point_at_what_they_describe(report: ge.Report) -> None:
    for span in report.iter_spans():
        assert 0 <= span.start <= span.end <= len(report.text)
    for mention in report.mentions:
        assert report.excerpt(mention.span) == mention.name
    for convoy in report.convoys:
        assert convoy.id.startswith(f"{report.id}#")
        for slot in (convoy.buses, convoy.people, convoy.fighters, convoy.civilians):
            if slot is not None and slot.span is not None:
                assert report.excerpt(slot.span).endswith(str(slot.value))
    for figure in report.figures:
        assert figure.id.startswith(f"{report.id}#")
    for event in report.events:
        assert event.id.startswith(f"{report.id}#")


# --- Errors that say where -----------------------------------------------------------------------------------


def test_parse_error_draws_a_caret_under_the_span() -> None:
    text = "First line of the report.\nThe count was 12x00 people."
    start = text.index("12x00")
    error = ge.ParseError("not a number", text=text, start=start, end=start + 5)
    assert isinstance(error, ValueError)
    assert isinstance(error, ge.GhoutaEventsError)
    lines = str(error).splitlines()
    assert lines[0].startswith("not a number")
    assert "line 2" in lines[0]
    assert lines[1].strip() == "The count was 12x00 people."
    caret = lines[2]
    assert caret.strip() == "^^^^^"
    assert lines[1].index("12x00") == caret.index("^")
    assert (error.text, error.start, error.end) == (text, start, start + 5)


def test_parse_error_caret_for_an_empty_span_is_one_character_wide() -> None:
    error = ge.ParseError("stray text", text="abc def", start=4, end=4)
    lines = str(error).splitlines()
    assert lines[-1] == "    " + " " * 4 + "^"


def test_gazetteer_error_names_file_line_and_field() -> None:
    error = ge.GazetteerError("not a number: 'north'", path="extra/places.csv", line=3, field="latitude")
    message = str(error)
    assert "extra/places.csv" in message
    assert "line 3" in message
    assert "'latitude'" in message
    assert "not a number" in message
    assert (error.path, error.line, error.field) == ("extra/places.csv", 3, "latitude")
    assert isinstance(error, ValueError)


def test_gazetteer_error_from_a_real_file_names_file_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "places.csv"
    path.write_text(
        "name,kind,parent,country,latitude,longitude,aliases\nKafr Zita,town,Hama,Syria,north,35.37,\n",
        encoding="utf-8",
    )
    with pytest.raises(ge.GazetteerError) as info:
        ge.load_gazetteer(path)
    assert str(path) in str(info.value)
    assert "line 2" in str(info.value)
    assert "'latitude'" in str(info.value)


def test_input_error_names_the_path() -> None:
    error = ge.InputError("not UTF-8 text", path="report.txt")
    assert str(error) == "report.txt: not UTF-8 text"
    assert isinstance(error, ValueError)


@pytest.mark.parametrize(
    "error",
    [
        ge.GazetteerError("unknown kind 'band'", path="extra.csv", line=3, field="kind"),
        ge.ParseError("cannot be read", text="Twelve buses left Douma.", start=7, end=12),
        ge.InputError("not UTF-8 text", path="report.txt"),
        ge.MergeError("two reports share an id"),
        ge.RecordError("Span end 1 is before its start 2"),
    ],
    ids=["gazetteer", "parse", "input", "merge", "record"],
)
def test_errors_survive_pickling(error: Exception) -> None:
    # Errors raised on a worker process (a process pool, a Dask cluster) reach the caller pickled.
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert vars(copy) == vars(error)
