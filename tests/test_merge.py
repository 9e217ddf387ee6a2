"""Merging reports: the laws (order, grouping and repetition do not matter; no claim is lost) and worked examples.

The reports of the worked examples are built by hand from records, or parsed from sentences written for the test,
so every estimate below can be checked with pencil and paper against the rules in ``ghouta_events._merge``.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections import Counter
from collections.abc import Sequence
from typing import Any

import attrs
import pytest
import strategies as gst
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from linear import assert_linear

import ghouta_events as ge
from ghouta_events import _merge as merge_module
from ghouta_events._merge import DISAGREEMENT, hold, merge_held

GAZ = ge.default_gazetteer()
LAWS = settings(max_examples=50, deadline=None)

SATURDAY = dt.date(2018, 3, 24)


def _place(name: str) -> ge.Place:
    return GAZ.place(name)


def _source(name: str) -> ge.Source:
    return GAZ.source(name)


def _report(rid: str, *records: ge.Convoy | ge.Figure | ge.Event, text: str | None = None) -> ge.Report:
    """A report holding the given records, its text a sentence written here, its sources listed as parsing would.

    Record ids are taken as given: callers prefix them with ``rid``.
    """
    convoys = [r for r in records if isinstance(r, ge.Convoy)]
    figures = [r for r in records if isinstance(r, ge.Figure)]
    events = [r for r in records if isinstance(r, ge.Event)]
    chains = [r.sources for r in records]
    sources = {s.name: s for chain in chains for s in chain}
    return ge.Report(
        id=rid,
        text=text if text is not None else f"Report {rid} tells of buses leaving the enclave.",
        sources=sources.values(),
        convoys=convoys,
        figures=figures,
        events=events,
    )


def _convoy(
    rid: str,
    n: int,
    *sources: str,
    origin: str | None = "Arbin",
    destination: str | None = "Idlib",
    day: dt.date | None = SATURDAY,
    buses: ge.Quantity | None = None,
    people: ge.Quantity | None = None,
    fighters: ge.Quantity | None = None,
    civilians: ge.Quantity | None = None,
) -> ge.Convoy:
    return ge.Convoy(
        id=f"{rid}#c{n}",
        origin=None if origin is None else _place(origin),
        destination=None if destination is None else _place(destination),
        buses=buses,
        people=people,
        fighters=fighters,
        civilians=civilians,
        sources=[_source(s) for s in sources],
        date=None if day is None else ge.DateRange.day(day),
    )


def _q(value: int, qualifier: ge.Qualifier = ge.Qualifier.EXACT) -> ge.Quantity:
    return ge.Quantity(value=value, qualifier=qualifier)


def _figure(
    rid: str,
    n: int,
    value: int,
    *sources: str,
    day: dt.date,
    place: str = "Douma",
    qualifier: ge.Qualifier = ge.Qualifier.EXACT,
) -> ge.Figure:
    return ge.Figure(
        id=f"{rid}#f{n}",
        kind=ge.FigureKind.KILLED,
        quantity=_q(value, qualifier),
        place=_place(place),
        sources=[_source(s) for s in sources],
        date=ge.DateRange.day(day),
    )


# --- The laws ---------------------------------------------------------------------------------------------------


@LAWS
@given(data=st.data(), reports=gst.report_lists())
def test_merge_is_commutative(data: st.DataObject, reports: list[ge.Report]) -> None:
    shuffled = data.draw(st.permutations(reports))
    assert ge.merge(shuffled) == ge.merge(reports)
    assert ge.merge(reversed(reports)) == ge.merge(reports)


@LAWS
@given(data=st.data(), reports=gst.report_lists())
def test_merge_is_associative(data: st.DataObject, reports: list[ge.Report]) -> None:
    cut = data.draw(st.integers(min_value=0, max_value=len(reports)))
    a, b = reports[:cut], reports[cut:]
    whole = ge.merge(reports)
    assert ge.merge([ge.merge(a), ge.merge(b)]) == whole
    assert ge.merge([ge.merge(a), *b]) == whole
    assert ge.merge(a).merge(ge.merge(b)) == whole
    grown = ge.merge(a)
    for report in b:
        grown = grown.add(report)
    assert grown == whole


@LAWS
@given(data=st.data(), reports=gst.report_lists())
def test_held_reports_merge_as_the_reports(data: st.DataObject, reports: list[ge.Report]) -> None:
    # What is held of a report for merging (its text set aside, the hashes of its word 5-grams kept) merges into
    # the same consolidated records as the report, in any order, with copies and repeats, kept with or without
    # its text.
    copies = [attrs.evolve(r, id=f"{r.id}-copy") for r in data.draw(st.lists(st.sampled_from(reports)))
              if reports] if reports else []
    everything = [*reports, *copies, *reports[:1]]
    order = data.draw(st.permutations(everything))
    whole = ge.merge(everything)
    held = merge_held([hold(r) for r in order])
    assert held.reports == ()
    assert held == attrs.evolve(whole, reports=())
    assert merge_held([hold(r, with_text=True) for r in order]) == whole
    assert all(not hasattr(h, "text") for h in (hold(r) for r in reports))
    # A merge that consumes what it holds lets the hashes go once the copies are found, and merges alike.
    spent = [hold(r) for r in order]
    assert merge_held(spent, consume=True) == held
    assert {h.id for h in spent if not h.shingles} == {h.id for h in spent}  # one of each id was merged


@LAWS
@given(reports=gst.report_lists())
def test_merge_is_idempotent(reports: list[ge.Report]) -> None:
    once = ge.merge(reports)
    assert ge.merge(reports + reports) == once
    assert ge.merge([once]) == once
    assert ge.merge([once, once]) == once
    assert once.merge(once) == once


def _copy_of(report: ge.Report, rid: str) -> ge.Report:
    """The same text under another id, parsed alike: every record id moved to the new report id."""

    def moved(record_id: str) -> str:
        return rid + record_id[len(report.id):]

    return attrs.evolve(
        report,
        id=rid,
        convoys=[attrs.evolve(c, id=moved(c.id)) for c in report.convoys],
        figures=[attrs.evolve(f, id=moved(f.id)) for f in report.figures],
        events=[attrs.evolve(e, id=moved(e.id), convoys=[moved(c) for c in e.convoys],
                             figures=[moved(f) for f in e.figures]) for e in report.events],
        amounts=[attrs.evolve(a, record=None if a.record is None else moved(a.record)) for a in report.amounts],
    )


def _content(dataset: ge.Dataset) -> tuple[Counter[str], ...]:
    """What a dataset consolidates, ids of reports and records set aside: each record's values and estimates."""

    def tally(t: ge.Tally | None) -> object:
        return None if t is None else (t.estimate, sorted(repr((c.quantity, c.sources)) for c in t.claims))

    convoys = Counter(repr((c.origin, c.destination, c.date, c.factions, c.sources,
                            [tally(t) for t in (c.buses, c.people, c.fighters, c.civilians)]))
                      for c in dataset.convoys)
    figures = Counter(repr((f.kind, f.place, f.date, f.sources, tally(f.quantity))) for f in dataset.figures)
    events = Counter(repr((e.kind, e.place, e.date, e.factions, e.sources)) for e in dataset.events)
    conflicts = Counter(repr((c.kind, c.slot)) for c in dataset.conflicts)
    return convoys, figures, events, conflicts


@LAWS
@given(data=st.data(), reports=gst.report_lists(max_size=4))
def test_copies_count_once(data: st.DataObject, reports: list[ge.Report]) -> None:
    assume(len({r.digest for r in reports}) == len(reports))
    taken = {r.id for r in reports}
    copies = []
    for report in reports:
        for _ in range(data.draw(st.integers(min_value=0, max_value=3))):
            rid = data.draw(gst.report_ids().filter(lambda i: i not in taken))
            taken.add(rid)
            copies.append(_copy_of(report, rid))
    alone, with_copies = ge.merge(reports), ge.merge([*copies, *reports])
    assert _content(with_copies) == _content(alone)
    assert len(with_copies.reports) == len(reports) + len(copies)  # every copy is kept as provenance
    worded = [c for c in copies if any(ch.isalnum() for ch in c.text)]  # a text without words is never a copy
    assert sum(len(group) - 1 for group in with_copies.copies()) >= len(worded)


def test_a_story_reprinted_with_another_headline_and_credit_is_a_copy() -> None:
    body = ("A convoy of twenty buses carrying about 900 people left the town of Harasta late on Thursday after "
            "the fighters there accepted terms, the monitor said, adding that a further group was expected to "
            "follow within two days once the road had been cleared of rubble and the crossing reopened. Residents "
            "who chose to stay were told to register with the local council before the end of the week.")
    first = ge.parse("Buses leave Harasta\n\n" + body, published=dt.date(2018, 3, 23), report_id="wire")
    second = ge.parse("Fighters and families bussed out of besieged town\n\n" + body + "\n\n(Desk report)",
                      published=dt.date(2018, 3, 24), report_id="reprint")
    other = ge.parse("Twelve buses left Douma on Monday, state television said.", published=dt.date(2018, 4, 2),
                     report_id="other")
    dataset = ge.merge([second, other, first])
    assert dataset.copies() == (("wire", "reprint"),)  # the earlier telling speaks for the story
    assert {r.id for r in dataset.reports} == {"wire", "reprint", "other"}
    members = {m.id.split("#")[0] for c in dataset.convoys for m in c.members}
    assert "reprint" not in members
    assert "wire" in members


@LAWS
@given(data=st.data(), size=st.integers(min_value=1, max_value=400))
def test_the_sketches_of_two_copies_agree(data: st.DataObject, size: int) -> None:
    # Two texts whose shingle sets have a Jaccard similarity of at least 0.8 pass the sketch test that comes
    # before the full comparison (it fails them with a chance under one in a million): a few words changed,
    # dropped or added anywhere in a text of words numbered at random.
    words = [f"w{n}" for n in data.draw(st.lists(st.integers(0, 10**6), min_size=size, max_size=size))]
    edited = list(words)
    for _ in range(data.draw(st.integers(0, max(1, size // 50)))):
        at = data.draw(st.integers(0, len(edited)))
        edited[at:at + data.draw(st.integers(0, 1))] = data.draw(st.lists(st.just("other"), max_size=1))
    a, b = merge_module.shingles(" ".join(words)), merge_module.shingles(" ".join(edited))
    assume(a and b and len(a & b) >= 0.8 * len(a | b))
    k = merge_module._ESTIMATE
    assert merge_module._sketches_agree(frozenset(sorted(a)[:k]), frozenset(sorted(b)[:k]))


def test_different_stories_are_not_copies() -> None:
    a = ge.parse("Twelve buses left Douma on Monday, state television said.", report_id="a")
    b = ge.parse("Thirty buses left Harasta on Friday, the monitor said.", report_id="b")
    assert ge.merge([a, b]).copies() == ()


def _member_counts(dataset: ge.Dataset) -> Counter[str]:
    ids: Counter[str] = Counter()
    for convoy in dataset.convoys:
        ids.update(m.id for m in convoy.members)
    for figure in dataset.figures:
        ids.update(m.id for m in figure.members)
    for event in dataset.events:
        ids.update(m.id for m in event.members)
    return ids


def _tellings(dataset: ge.Dataset, reports: list[ge.Report]) -> list[ge.Report]:
    """The reports whose records count: all but the copies of a story told by another report."""
    copies = {rid for group in dataset.copies() for rid in group[1:]}
    return [r for r in reports if r.id not in copies]


@LAWS
@given(reports=gst.report_lists())
def test_no_record_is_lost(reports: list[ge.Report]) -> None:
    dataset = ge.merge(reports)
    reports = _tellings(dataset, reports)
    parsed: Counter[str] = Counter()
    for report in reports:
        parsed.update(c.id for c in report.convoys)
        parsed.update(f.id for f in report.figures)
        parsed.update(e.id for e in report.events)
    assert _member_counts(dataset) == parsed  # every parsed record is a member of exactly one consolidated record
    for report in reports:
        assert all(any(c in home.members for home in dataset.convoys) for c in report.convoys)
        assert all(any(f in home.members for home in dataset.figures) for f in report.figures)
        assert all(any(e in home.members for home in dataset.events) for e in report.events)
    for convoy in dataset.convoys:
        assert len(convoy.reports) == len(convoy.members)
        for rid, member in zip(convoy.reports, convoy.members, strict=True):
            assert member.id.startswith(f"{rid}#")
    for figure in dataset.figures:
        assert all(m.kind is figure.kind for m in figure.members)
        assert len(figure.quantity.claims) == len(figure.members)
    for event in dataset.events:
        assert all(m.kind is event.kind for m in event.members)


@LAWS
@given(reports=gst.report_lists())
def test_no_claim_is_lost(reports: list[ge.Report]) -> None:
    dataset = ge.merge(reports)
    reports = _tellings(dataset, reports)
    for report in reports:
        for convoy in report.convoys:
            home = [c for c in dataset.convoys if convoy in c.members]
            assert len(home) == 1
            for slot in ("buses", "people", "fighters", "civilians"):
                quantity: ge.Quantity | None = getattr(convoy, slot)
                tally: ge.Tally | None = getattr(home[0], slot)
                everywhere = [
                    claim
                    for c in dataset.convoys
                    for t in [getattr(c, slot)]
                    if t is not None
                    for claim in t.claims
                    if (claim.report, claim.record) == (report.id, convoy.id)
                ]
                if quantity is None:
                    assert everywhere == []
                    continue
                assert tally is not None
                mine = [c for c in tally.claims if (c.report, c.record) == (report.id, convoy.id)]
                assert len(mine) == 1
                assert everywhere == mine
                assert mine[0].quantity == quantity
                assert mine[0].sources == convoy.sources


def _specificity(quantity: ge.Quantity) -> float:
    if quantity.low is None or quantity.high is None:
        return float("inf")
    return float(quantity.high - quantity.low)


def _independent_values(claims: Sequence[ge.Claim]) -> list[set[int]]:
    """For each independent originator (an outlet's own claims: one per report), the values of its most
    specific claims: relays count once, with the claim of the narrowest bounds; but an originator whose values lie
    further apart than sources disagree updated its count, and its highest values speak."""
    by_origin: dict[str, list[ge.Claim]] = {}
    for claim in claims:
        key = claim.originator if claim.originator is not None else f"own reporting of {claim.report}"
        by_origin.setdefault(key, []).append(claim)
    out = []
    for held in by_origin.values():
        values = [c.quantity.value for c in held]
        if abs(max(values) - min(values)) > DISAGREEMENT * max(values):
            out.append({max(values)})
            continue
        narrowest = min(_specificity(c.quantity) for c in held)
        out.append({c.quantity.value for c in held if _specificity(c.quantity) == narrowest})
    return out


@LAWS
@given(reports=gst.report_lists())
def test_estimates_follow_the_independent_claims(reports: list[ge.Report]) -> None:
    dataset = ge.merge(reports)
    tallies: list[ge.Tally] = [f.quantity for f in dataset.figures]
    for convoy in dataset.convoys:
        tallies += [t for t in (convoy.buses, convoy.people, convoy.fighters, convoy.civilians) if t is not None]
    for tally in tallies:
        values = {c.quantity.value for c in tally.claims}
        independent = _independent_values(tally.claims)
        estimate = tally.estimate
        assert {estimate.low, estimate.best, estimate.high, estimate.conservative} <= values
        assert estimate.low <= estimate.best <= estimate.high
        assert estimate.low <= estimate.conservative <= estimate.high
        # low and high: the lowest and highest values of the independent claims
        assert min(min(v) for v in independent) <= estimate.low <= min(max(v) for v in independent)
        assert max(min(v) for v in independent) <= estimate.high <= max(max(v) for v in independent)


def _order_key(record: ge.ConsolidatedConvoy | ge.ConsolidatedFigure | ge.ConsolidatedEvent) -> tuple[str, str]:
    return (record.date.start.isoformat() if record.date is not None else "9999", record.id)


@LAWS
@given(reports=gst.report_lists())
def test_output_order_is_deterministic(reports: list[ge.Report]) -> None:
    first, second = ge.merge(reports), ge.merge(list(reports))
    assert [c.id for c in first.convoys] == [c.id for c in second.convoys]
    assert [f.id for f in first.figures] == [f.id for f in second.figures]
    assert [e.id for e in first.events] == [e.id for e in second.events]
    assert [r.id for r in first.reports] == sorted(r.id for r in reports)
    records: list[Sequence[ge.ConsolidatedConvoy | ge.ConsolidatedFigure | ge.ConsolidatedEvent]] = [
        first.convoys,
        first.figures,
        first.events,
    ]
    for group in records:
        keys = [_order_key(r) for r in group]
        assert keys == sorted(keys)  # by first day (undated last), then by id
        assert len(set(keys)) == len(keys)


def test_merge_of_nothing_is_empty() -> None:
    dataset = ge.merge([])
    assert (dataset.reports, dataset.convoys, dataset.figures, dataset.events, dataset.conflicts) == ((),) * 5


# --- One movement, several sources ------------------------------------------------------------------------------


def test_agreeing_sources_become_one_convoy_with_a_hand_computed_estimate() -> None:
    sana = _report("a", _convoy("a", 0, "SANA", people=_q(1020), buses=_q(20)))
    sohr = _report("b", _convoy("b", 0, "SOHR", people=_q(1000, ge.Qualifier.MORE_THAN)))
    dataset = ge.merge([sana, sohr])
    assert len(dataset.convoys) == 1
    convoy = dataset.convoys[0]
    assert [m.id for m in convoy.members] == ["a#c0", "b#c0"]
    assert convoy.reports == ("a", "b")
    assert [s.name for s in convoy.sources] == ["SANA", "SOHR"]
    assert convoy.origin is not None
    assert convoy.origin.name == "Arbin"
    assert convoy.date == ge.DateRange.day(SATURDAY)
    assert convoy.people is not None
    # Claims: SANA exactly 1020 (1020..1020); SOHR more than 1000 (1001..open).
    # low/high: the values claimed, 1000 and 1020. best: 1020 is allowed by both claims, 1000 by neither.
    # conservative: the least of the values without a hedge that allows less (exact, more than): 1000.
    assert convoy.people.estimate == ge.Estimate(low=1000, best=1020, high=1020, conservative=1000)
    assert convoy.buses is not None
    assert convoy.buses.estimate == ge.Estimate(low=20, best=20, high=20, conservative=20)
    assert dataset.conflicts == ()


def test_parsed_reports_of_one_movement_become_one_convoy() -> None:
    published = dt.date(2018, 3, 25)
    a = ge.parse(
        "Twenty buses carrying 1,020 people left Harasta for Idlib on Saturday, SANA said.",
        published=published,
        report_id="a",
    )
    b = ge.parse(
        "More than 1,000 people left Harasta on Saturday, the Syrian Observatory for Human Rights said.",
        published=published,
        report_id="b",
    )
    assert len(a.convoys) == len(b.convoys) == 1
    dataset = ge.merge([a, b])
    assert [len(c.members) for c in dataset.convoys] == [2]
    people = dataset.convoys[0].people
    assert people is not None
    assert people.estimate == ge.Estimate(low=1000, best=1020, high=1020, conservative=1000)


def test_two_records_of_one_report_and_one_originator_are_never_merged() -> None:
    report = _report("a", _convoy("a", 0, "SANA", people=_q(500)), _convoy("a", 1, "SANA", people=_q(500)))
    dataset = ge.merge([report])
    assert sorted([m.id for m in c.members] for c in dataset.convoys) == [["a#c0"], ["a#c1"]]


def _movements(dataset: ge.Dataset) -> list[list[str]]:
    return sorted(sorted(m.id for m in c.members) for c in dataset.convoys)


def test_one_report_one_originator_stay_apart_when_a_third_record_links_both() -> None:
    # SANA, in one report, tells of two convoys (1000 and 1050 people); SOHR, elsewhere, of one (1020) that
    # agrees with both. The parser kept SANA's two apart, so the merge must not put them in one movement.
    a = _report("a", _convoy("a", 0, "SANA", people=_q(1000)), _convoy("a", 1, "SANA", people=_q(1050)))
    b = _report("b", _convoy("b", 0, "SOHR", people=_q(1020)))
    assert _movements(ge.merge([a])) == [["a#c0"], ["a#c1"]]
    for movement in _movements(ge.merge([a, b])):
        assert not {"a#c0", "a#c1"} <= set(movement)


def test_one_report_one_originator_stay_apart_when_weak_records_attach() -> None:
    # SOHR tells of two departures from Arbin with no numbers and no day; SANA, elsewhere, of one convoy.
    c = _report(
        "c", _convoy("c", 0, "SOHR", destination=None, day=None), _convoy("c", 1, "SOHR", destination=None, day=None)
    )
    d = _report("d", _convoy("d", 0, "SANA", people=_q(1000)))
    assert _movements(ge.merge([c])) == [["c#c0"], ["c#c1"]]
    for movement in _movements(ge.merge([c, d])):
        assert not {"c#c0", "c#c1"} <= set(movement)


def test_a_record_without_counts_and_one_with_counts_of_one_report_may_be_one_movement() -> None:
    # One outlet mentions Friday's departure of an armed group from Harasta in passing, then gives its numbers on
    # the next day; SOHR and SANA, elsewhere, tell the movement with numbers that agree. The outlet's mention and
    # its numbers are one movement with the others: only two records that both give counts (or both none) were
    # told apart.
    friday, saturday = SATURDAY - dt.timedelta(days=1), SATURDAY
    group = [GAZ.faction("Ahrar al-Sham")]
    mention = attrs.evolve(_convoy("o", 0, origin="Harasta", destination=None, day=friday), factions=group)
    numbers = _convoy("o", 1, origin="Harasta", day=saturday, buses=_q(40), people=_q(2100))
    sohr = attrs.evolve(_convoy("h", 0, "SOHR", origin="Harasta", day=friday, people=_q(2000, ge.Qualifier.ABOUT)),
                        factions=group)
    sana = _convoy("s", 0, "SANA", origin="Harasta", day=friday, people=_q(2050))
    reports = [_report("o", mention, numbers), _report("h", sohr), _report("s", sana)]
    assert _movements(ge.merge(reports)) == [["h#c0", "o#c0", "o#c1", "s#c0"]]


def test_an_originator_that_updates_its_count_tells_one_movement() -> None:
    # SANA first counts 500 people as the buses fill at Arbin, then 981 when they have left; the army and the
    # Observatory tell the 981. The early count joins the movement; SANA speaks with its later, higher count.
    early = _report("e", _convoy("e", 0, "SANA", destination=None, people=_q(500)))
    late = _report("l", _convoy("l", 0, "SANA", people=_q(981)))
    army = _report("m", _convoy("m", 0, "Syrian military", buses=_q(17), people=_q(981)))
    sohr = _report("s", _convoy("s", 0, "SOHR", origin="Eastern Ghouta", people=_q(1000, ge.Qualifier.ABOUT)))
    dataset = ge.merge([early, late, army, sohr])
    assert _movements(dataset) == [["e#c0", "l#c0", "m#c0", "s#c0"]]
    (convoy,) = dataset.convoys
    assert convoy.people is not None
    assert convoy.people.estimate == ge.Estimate(low=981, best=981, high=1000, conservative=981)
    assert [c.kind for c in dataset.conflicts] == [ge.ConflictKind.DISJOINT]
    # Without another source behind the later count, two counts of one originator stay two movements.
    assert _movements(ge.merge([early, late])) == [["e#c0"], ["l#c0"]]
    # With two movements of that place and day in which SANA gives a count, the early count cannot say which.
    other = _report("o", _convoy("o", 0, "SANA", people=_q(1500)), _convoy("o", 1, "SOHR", people=_q(1490)))
    assert ["e#c0"] in _movements(ge.merge([early, late, army, sohr, other]))


def test_a_destination_the_gazetteer_cannot_place_rules_nothing_out_and_proves_nothing() -> None:
    nowhere = ge.Place(name="Qasr Imaginary", kind=ge.PlaceKind.UNRESOLVED)
    told = attrs.evolve(_convoy("a", 0, "SANA", people=_q(1000)), destination=nowhere)
    # An agreeing count links it with a record that states Idlib: the unknown name cannot say it is elsewhere.
    idlib = _convoy("b", 0, "SOHR", people=_q(1010))
    assert _movements(ge.merge([_report("a", told), _report("b", idlib)])) == [["a#c0", "b#c0"]]
    # Without an agreeing count, a stated destination each is evidence of one movement only when both are placed.
    bare = attrs.evolve(_convoy("c", 0, "SANA"), destination=nowhere)
    other = _convoy("d", 0, "SOHR", origin="Eastern Ghouta", destination="Hama")
    assert _movements(ge.merge([_report("c", bare), _report("d", other)])) == [["c#c0"], ["d#c0"]]


def test_one_report_two_originators_may_be_one_movement() -> None:
    report = _report("a", _convoy("a", 0, "SANA", people=_q(500)), _convoy("a", 1, "SOHR", people=_q(500)))
    dataset = ge.merge([report])
    assert [[m.id for m in c.members] for c in dataset.convoys] == [["a#c0", "a#c1"]]


def test_sources_that_disagree_by_more_than_a_quarter_stay_apart() -> None:
    # No count may contradict the same count of the other: 1000 and 1500 exactly neither overlap nor lie
    # within 25% of each other.
    a = _report("a", _convoy("a", 0, "SANA", people=_q(1000)))
    b = _report("b", _convoy("b", 0, "SOHR", people=_q(1500)))
    dataset = ge.merge([a, b])
    assert len(dataset.convoys) == 2
    assert dataset.conflicts == ()


def test_sources_that_disagree_by_less_than_a_quarter_are_one_movement_with_a_conflict() -> None:
    # 1000 and 1200 exactly: the bounds do not overlap, but the values are within 25% of the larger, and both
    # records are dated and state a destination: one movement, and the disagreement is a conflict.
    a = _report("a", _convoy("a", 0, "SANA", people=_q(1000)))
    b = _report("b", _convoy("b", 0, "Russian military", people=_q(1200)))
    dataset = ge.merge([a, b])
    assert [len(c.members) for c in dataset.convoys] == [2]
    assert [(c.kind, c.slot) for c in dataset.conflicts] == [(ge.ConflictKind.DISJOINT, "people")]
    assert [(c.originator, c.quantity.value) for c in dataset.conflicts[0].claims] == [
        ("SANA", 1000),
        ("Russian military", 1200),
    ]


def test_people_agree_with_the_sum_of_fighters_and_civilians() -> None:
    # A count of people is the whole of which fighters and civilians are parts. Neither record is dated, so only
    # an agreeing count can link them: 1,150 people and 110 fighters with 1,030 civilians (1,140) agree; 2,000
    # people and the same parts do not, being far more than the parts allow.
    a = _report("a", _convoy("a", 0, "SANA", day=None, people=_q(1150)))
    b = _report("b", _convoy("b", 0, "Russian military", day=None, fighters=_q(110), civilians=_q(1030)))
    c = _report("c", _convoy("c", 0, "SOHR", day=None, people=_q(2000)))
    assert _movements(ge.merge([a, b])) == [["a#c0", "b#c0"]]
    assert _movements(ge.merge([c, b])) == [["b#c0"], ["c#c0"]]


def test_people_at_least_as_many_as_the_fighters_do_not_rule_a_pair_out() -> None:
    # Both dated and bound for one destination: 1,150 people (fighters with their families) can be the movement
    # of 1,000 fighters; 600 people cannot, being fewer than the fighters among them by more than the tolerance.
    a = _report("a", _convoy("a", 0, "SANA", people=_q(1150)))
    b = _report("b", _convoy("b", 0, "SOHR", fighters=_q(1000)))
    c = _report("c", _convoy("c", 0, "Russian military", people=_q(600)))
    assert _movements(ge.merge([a, b])) == [["a#c0", "b#c0"]]
    assert _movements(ge.merge([c, b])) == [["b#c0"], ["c#c0"]]


def test_no_chain_of_links_joins_counts_that_contradict() -> None:
    # SANA and the Russian military disagree on the people by a third (1000 vs 1500). Each agrees with SOHR's
    # 20 buses, but a movement never holds counts that far apart: SOHR's record joins the first of them in
    # canonical order (by content, ids last), the other stays a movement of its own, whatever the input order.
    a = _report("a", _convoy("a", 0, "SANA", buses=_q(20), people=_q(1000)))
    b = _report("b", _convoy("b", 0, "SOHR", buses=_q(20)))
    c = _report("c", _convoy("c", 0, "Russian military", buses=_q(20), people=_q(1500)))
    found = _movements(ge.merge([a, b, c]))
    assert found in ([["a#c0", "b#c0"], ["c#c0"]], [["a#c0"], ["b#c0", "c#c0"]])
    assert _movements(ge.merge([c, b, a])) == found


def test_disjoint_counts_of_one_movement_are_one_conflict() -> None:
    # 1000 and 1200 exactly cannot both be true, but differ by less than a quarter: one movement told
    # differently, with one conflict naming both claims.
    a = _report("a", _convoy("a", 0, "SANA", buses=_q(20), people=_q(1000)))
    b = _report("b", _convoy("b", 0, "SOHR", buses=_q(20)))
    c = _report("c", _convoy("c", 0, "Russian military", buses=_q(20), people=_q(1200)))
    dataset = ge.merge([a, b, c])
    assert len(dataset.convoys) == 1
    convoy = dataset.convoys[0]
    assert len(convoy.members) == 3
    assert [c.kind for c in dataset.conflicts] == [ge.ConflictKind.DISJOINT]
    conflict = dataset.conflicts[0]
    assert conflict.record == convoy.id
    assert conflict.slot == "people"
    assert [(c.originator, c.quantity.value, c.report, c.record) for c in conflict.claims] == [
        ("SANA", 1000, "a", "a#c0"),
        ("Russian military", 1200, "c", "c#c0"),
    ]
    assert "SANA" in conflict.message
    assert "Russian military" in conflict.message
    assert convoy.people is not None
    # Two independent exact claims, each allowed only by itself: support 1 each; both exact with zero-width
    # bounds; the military stands nearer the event than state media, so its 1200 is best.
    assert convoy.people.estimate == ge.Estimate(low=1000, best=1200, high=1200, conservative=1000)


def test_fighters_and_civilians_exceeding_people_is_a_conflict() -> None:
    # SANA counts 1000 people in all; SOHR counts 600 fighters and 500 civilians of the same movement
    # (same day, same origin and destination): the parts add up to 1100 at least, the total is 1000 at most.
    a = _report("a", _convoy("a", 0, "SANA", people=_q(1000)))
    b = _report("b", _convoy("b", 0, "SOHR", fighters=_q(600), civilians=_q(500)))
    dataset = ge.merge([a, b])
    assert len(dataset.convoys) == 1
    assert [c.kind for c in dataset.conflicts] == [ge.ConflictKind.PARTS_EXCEED_TOTAL]
    conflict = dataset.conflicts[0]
    assert conflict.record == dataset.convoys[0].id
    assert conflict.slot == "people"
    assert sorted((c.originator or "", c.quantity.value) for c in conflict.claims) == [
        ("SANA", 1000),
        ("SOHR", 500),
        ("SOHR", 600),
    ]
    assert "1100" in conflict.message
    assert "1000" in conflict.message


def test_parts_equal_to_the_total_are_not_a_conflict() -> None:
    report = _report("a", _convoy("a", 0, "SANA", people=_q(1100), fighters=_q(600), civilians=_q(500)))
    assert ge.merge([report]).conflicts == ()


def test_parts_exceeding_one_total_in_one_report() -> None:
    report = _report("a", _convoy("a", 0, "SANA", people=_q(1000), fighters=_q(600), civilians=_q(500)))
    dataset = ge.merge([report])
    assert [c.kind for c in dataset.conflicts] == [ge.ConflictKind.PARTS_EXCEED_TOTAL]
    conflict = dataset.conflicts[0]
    assert conflict.slot == "people"
    assert sorted(c.quantity.value for c in conflict.claims) == [500, 600, 1000]
    assert "1100" in conflict.message
    assert "1000" in conflict.message


def test_more_fighters_than_people_is_a_conflict() -> None:
    report = _report("a", _convoy("a", 0, "SANA", people=_q(300), fighters=_q(400)))
    assert [c.kind for c in ge.merge([report]).conflicts] == [ge.ConflictKind.FIGHTERS_EXCEED_PEOPLE]


# --- Figures --------------------------------------------------------------------------------------------------------


def test_a_later_larger_toll_is_a_new_figure_not_a_conflict() -> None:
    early = _report("a", _figure("a", 0, 40, "SOHR", day=dt.date(2018, 4, 7), qualifier=ge.Qualifier.AT_LEAST))
    later = _report("b", _figure("b", 0, 70, "SOHR", day=dt.date(2018, 4, 10)))
    dataset = ge.merge([early, later])
    assert len(dataset.figures) == 2
    assert [f.quantity.estimate.best for f in dataset.figures] == [40, 70]
    assert dataset.conflicts == ()


def _toll(rid: str, value: int, qualifier: ge.Qualifier = ge.Qualifier.EXACT, *, place: str | None = None,
          date: ge.DateRange | None = None) -> ge.Report:
    figure = ge.Figure(id=f"{rid}#f0", kind=ge.FigureKind.KILLED, quantity=_q(value, qualifier),
                       place=None if place is None else _place(place), date=date)
    return _report(rid, figure)


def test_an_open_bound_does_not_absorb_a_toll_of_another_magnitude() -> None:
    offensive = _toll("a", 1600, ge.Qualifier.MORE_THAN)
    war = _toll("b", 511_000, ge.Qualifier.ABOUT)
    dataset = ge.merge([offensive, war])
    assert sorted(f.quantity.estimate.best for f in dataset.figures) == [1600, 511_000]
    assert dataset.conflicts == ()


def test_a_toll_over_a_year_is_not_the_toll_of_a_day() -> None:
    year = ge.DateRange(start=dt.date(2018, 1, 1), end=dt.date(2018, 12, 31), precision=ge.Precision.YEAR)
    day = ge.DateRange.day(dt.date(2018, 3, 24))
    dataset = ge.merge([_toll("a", 150, place="Douma", date=year), _toll("b", 160, place="Douma", date=day)])
    assert len(dataset.figures) == 2


def test_tolls_of_different_years_and_magnitudes_stay_apart() -> None:
    in_2018 = ge.DateRange(start=dt.date(2018, 1, 1), end=dt.date(2018, 12, 31), precision=ge.Precision.YEAR)
    dataset = ge.merge([_toll("a", 150, place="Eastern Ghouta", date=in_2018),
                        _toll("b", 1400, ge.Qualifier.MORE_THAN, place="Zamalka")])
    assert len(dataset.figures) == 2


def test_an_undated_relay_of_a_toll_joins_the_close_count_of_its_days() -> None:
    day = ge.DateRange.day(dt.date(2018, 3, 24))
    relay = attrs.evolve(_toll("b", 1700, place="Douma"), published=dt.date(2018, 3, 26))
    stale = attrs.evolve(_toll("c", 1650, place="Douma"), published=dt.date(2018, 5, 26))
    dataset = ge.merge([_toll("a", 1600, ge.Qualifier.MORE_THAN, place="Douma", date=day), relay, stale])
    assert sorted(len(f.members) for f in dataset.figures) == [1, 2]  # two months later: another count
    assert max(dataset.figures, key=lambda f: len(f.members)).quantity.estimate.best == 1700


def test_the_same_toll_from_three_outlets_is_one_figure_with_three_claims() -> None:
    day = dt.date(2018, 4, 8)
    reports = [
        _report(rid, _figure(rid, 0, 42, outlet, day=day, qualifier=ge.Qualifier.AT_LEAST))
        for rid, outlet in (("afp", "AFP"), ("ap", "AP"), ("reuters", "Reuters"))
    ]
    dataset = ge.merge(reports)
    assert len(dataset.figures) == 1
    figure = dataset.figures[0]
    assert figure.kind is ge.FigureKind.KILLED
    assert len(figure.quantity.claims) == 3
    assert sorted(c.originator or "" for c in figure.quantity.claims) == ["AFP", "AP", "Reuters"]
    assert figure.quantity.estimate == ge.Estimate(low=42, best=42, high=42, conservative=42)
    assert [s.name for s in figure.sources] == ["AFP", "AP", "Reuters"]


def test_the_same_originator_relayed_by_two_outlets_counts_once() -> None:
    # SOHR says "more than 1000" (1001..open) and is relayed twice; the BBC says "fewer than 1100" (..1099).
    # SOHR's value 1000 is allowed by the BBC only; the BBC's 1100 is allowed by SOHR only. Counted once, each
    # value has the support of one originator, and the tie goes to the originator nearer the event (a monitor
    # before a broadcaster): best = 1000. Counted twice, 1100 would have the support of two claims.
    sohr = ge.Source(name="SOHR", kind=ge.SourceKind.MONITOR)
    via_afp = _report(
        "a",
        ge.Convoy(
            id="a#c0",
            origin=_place("Arbin"),
            date=ge.DateRange.day(SATURDAY),
            people=_q(1000, ge.Qualifier.MORE_THAN),
            sources=[sohr, _source("AFP")],
        ),
    )
    via_reuters = _report(
        "b",
        ge.Convoy(
            id="b#c0",
            origin=_place("Arbin"),
            date=ge.DateRange.day(SATURDAY),
            people=_q(1000, ge.Qualifier.MORE_THAN),
            sources=[sohr, _source("Reuters")],
        ),
    )
    bbc = _report("c", _convoy("c", 0, "BBC", destination=None, people=_q(1100, ge.Qualifier.LESS_THAN)))
    once = ge.merge([via_afp, bbc])
    twice = ge.merge([via_afp, via_reuters, bbc])
    assert [len(c.members) for c in twice.convoys] == [3]
    people = twice.convoys[0].people
    assert people is not None
    assert len(people.claims) == 3  # every claim is kept...
    assert once.convoys[0].people is not None
    assert people.estimate == once.convoys[0].people.estimate  # ...but the relay adds no weight
    assert people.estimate == ge.Estimate(low=1000, best=1000, high=1100, conservative=1000)


# --- Errors -----------------------------------------------------------------------------------------------------------


def test_two_different_reports_with_one_id_raise_merge_error() -> None:
    first = _report("same", text="Buses left Arbin.")
    second = _report("same", text="Buses left Douma.")
    with pytest.raises(ge.MergeError, match="'same'") as info:
        ge.merge([first, second])
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, ge.GhoutaEventsError)
    with pytest.raises(ge.MergeError):
        ge.merge([first]).add(second)


def test_one_id_and_text_with_another_publication_date_raises_merge_error_in_any_order() -> None:
    text = "Nine buses left Saqba on Friday, the monitor said."
    first = ge.parse(text, published=dt.date(2018, 3, 24), report_id="wire")
    second = ge.parse(text, published=dt.date(2018, 3, 25), report_id="wire")
    for pair in ([first, second], [second, first]):
        with pytest.raises(ge.MergeError, match=r"'wire'.*published 2018-03-2[45] and 2018-03-2[45]"):
            ge.merge(pair)
    with pytest.raises(ge.MergeError, match="published"):
        ge.merge([first]).merge(ge.merge([second]))


def test_one_id_and_text_parsed_differently_raises_merge_error_naming_the_records() -> None:
    report = ge.parse("Nine buses left Saqba on Friday, the monitor said.", report_id="wire")
    other = attrs.evolve(report, convoys=())
    with pytest.raises(ge.MergeError, match="parsed convoys"):
        ge.merge([report, other])


@st.composite
def _lists_with_twins(draw: st.DrawFn) -> list[ge.Report]:
    """Reports that may hold one id twice with the same text and another publication date."""
    reports: list[ge.Report] = draw(gst.report_lists(max_size=4))
    twinned: bool = draw(st.booleans())
    if reports and twinned:
        twin = draw(st.sampled_from(reports))
        day = draw(st.dates(min_value=dt.date(2011, 1, 1), max_value=dt.date(2024, 12, 31)))
        reports.append(attrs.evolve(twin, published=day))
    return reports


def _merged_or_error(reports: Sequence[ge.Report | ge.Dataset]) -> ge.Dataset | str:
    try:
        return ge.merge(reports)
    except ge.MergeError:
        return "MergeError"


@LAWS
@given(data=st.data(), reports=_lists_with_twins())
def test_order_never_matters_even_with_twins(data: st.DataObject, reports: list[ge.Report]) -> None:
    whole = _merged_or_error(reports)
    twins = len({r.id for r in reports}) < len(set(reports))
    assert (whole == "MergeError") is twins  # a twin with other metadata is an error, never a silent choice
    assert _merged_or_error(data.draw(st.permutations(reports))) == whole
    assert _merged_or_error(reports + reports) == whole
    if whole != "MergeError":
        cut = data.draw(st.integers(min_value=0, max_value=len(reports)))
        assert ge.merge([ge.merge(reports[:cut]), ge.merge(reports[cut:])]) == whole


def test_the_same_report_twice_is_not_an_error() -> None:
    report = _report("same", text="Buses left Arbin.")
    assert ge.merge([report, report]) == ge.merge([report])


NOT_REPORTS: Sequence[Any] = [
    pytest.param("Buses left Arbin.", id="str"),
    pytest.param(None, id="None"),
    pytest.param(ge.Convoy(id="x#c0"), id="Convoy"),
]


@pytest.mark.parametrize("item", NOT_REPORTS)
def test_a_non_report_item_raises_type_error(item: Any) -> None:
    with pytest.raises(TypeError, match="Report or Dataset"):
        ge.merge([_report("a"), item])


# --- Cost -------------------------------------------------------------------------------------------------------


def _crowded(size: str) -> ge.Dataset:
    """One origin, one day, as many reports as ``size`` has characters: counts spread over a wide range, so that
    the records form many movements, tolls and events all told of the same place and day."""
    day = ge.DateRange.day(SATURDAY)
    sources = ["SANA", "SOHR", "AFP", "Reuters", "AP"]
    reports = []
    for k in range(len(size)):
        rid = f"r{k}"
        value = 100 + (k * 7919) % 4900
        convoy = attrs.evolve(_convoy(rid, 0, sources[k % 5], origin="Douma", people=_q(value)), date=day)
        toll = ge.Figure(id=f"{rid}#f0", kind=ge.FigureKind.KILLED, quantity=_q(1 + (k * 31) % 400),
                         place=_place("Douma"), sources=[_source(sources[k % 5])], date=day)
        event = ge.Event(id=f"{rid}#e0", kind=ge.EventKind.AIR_STRIKE, place=_place("Douma"), date=day,
                         factions=[GAZ.faction(("Jaish al-Islam", "Faylaq al-Rahman")[k % 2])])
        reports.append(_report(rid, convoy, toll, event))
    return ge.merge(reports)


def test_a_crowded_origin_and_day_merges_in_near_linear_time() -> None:
    assert_linear(_crowded, "x" * 400, "x" * 800, repeats=2, floor=0.05)


def _published(report: ge.Report, day: dt.date) -> ge.Report:
    return attrs.evolve(report, published=day)


def _in_passing(rid: str, day: dt.date, origin: str | None = "Eastern Ghouta") -> ge.Report:
    """A report of ``day`` that mentions buses leaving a region for Idlib, with no day and no count."""
    return _published(_report(rid, _convoy(rid, 0, "AFP", origin=origin, day=None)), day)


def test_an_undated_mention_joins_the_one_movement_of_the_days_before_its_report() -> None:
    recent = [_published(_report(f"n{k}", _convoy(f"n{k}", 0, source, people=_q(value))), SATURDAY)
              for k, (source, value) in enumerate((("SANA", 900), ("SOHR", 920)))]
    months_before = SATURDAY - dt.timedelta(days=60)
    old = _published(_report("o", _convoy("o", 0, "SANA", day=months_before, people=_q(3000))), months_before)
    dataset = ge.merge([*recent, old, _in_passing("m", SATURDAY + dt.timedelta(days=1))])
    assert sorted(sorted(c.reports) for c in dataset.convoys) == [["m", "n0", "n1"], ["o"]]


def _armed(convoy: ge.Convoy, group: str) -> ge.Convoy:
    return attrs.evolve(convoy, factions=[GAZ.faction(group)])


@pytest.mark.parametrize("crowd", [8, merge_module._CROWD])
def test_an_undated_mention_among_a_crowd_of_movements_joins_none(crowd: int) -> None:
    # Only the first movement can be the one the mention tells of (the others are of another armed group); among
    # a few it is found, but beyond the crowd the mention looks no further.
    reports = [_published(_report(f"r{k:03d}", _armed(_convoy(f"r{k:03d}", 0, "SANA", origin="Douma",
                                                              people=_q(100 + 50 * k)),
                                                      "Jaish al-Islam" if k == 0 else "Faylaq al-Rahman")),
                          SATURDAY)
               for k in range(crowd + 1)]
    mention = _in_passing("m", SATURDAY)
    mention = attrs.evolve(mention, convoys=[_armed(mention.convoys[0], "Jaish al-Islam")])
    dataset = ge.merge([*reports, mention])
    joined = next(c.reports for c in dataset.convoys if "m" in c.reports)
    assert list(joined) == (["m"] if crowd + 1 > merge_module._CROWD else ["m", "r000"])


def _blocks_of(reports: Sequence[ge.Report]) -> tuple[merge_module._Blocks, list[merge_module._Item]]:
    places = merge_module._Places(GAZ)
    items = [merge_module._Item(c, r.id, merge_module._anchor_of(r), places) for r in reports for c in r.convoys]
    return merge_module._Blocks(items, places), items


@pytest.mark.parametrize("towns", [1, 5])
def test_an_undated_mention_meets_only_the_records_of_the_days_before_its_report(towns: int) -> None:
    # Dated movements from the towns of one region over two months, and one undated mention of the region without
    # a count, in a report of the thirtieth day: it meets the records of its window of days, whatever the archive.
    names = ["Douma", "Harasta", "Arbin", "Zamalka", "Saqba"][:towns]
    reports = [_published(_report(f"r{k:03d}", _convoy(f"r{k:03d}", 0, "SANA", origin=names[k % towns],
                                                      day=SATURDAY + dt.timedelta(days=k % 60),
                                                      people=_q(100 + 7 * k))), SATURDAY + dt.timedelta(days=k % 60))
               for k in range(120)]
    mention_day = SATURDAY + dt.timedelta(days=30)
    blocks, items = _blocks_of([*reports, _in_passing("zz", mention_day)])
    mention = next(i for i, item in enumerate(items) if item.report == "zz")
    met = list(blocks.homes(mention))
    week = mention_day.toordinal() // 7
    window = merge_module._home_days(week)
    assert met
    assert all(items[j].first in window for j in met)
    assert len(met) == sum(1 for item in items if item.first in window)


def test_an_undated_mention_meets_no_more_than_a_crowd() -> None:
    reports = [_published(_report(f"r{k:03d}", _convoy(f"r{k:03d}", 0, "SANA", origin="Douma", day=SATURDAY,
                                                      people=_q(100 + 7 * k))), SATURDAY)
               for k in range(merge_module._CROWD + 1)]
    blocks, items = _blocks_of([*reports, _in_passing("zz", SATURDAY)])
    mention = next(i for i, item in enumerate(items) if item.report == "zz")
    assert list(blocks.homes(mention)) == []


def _daily(rid: str, source: str, day: dt.date, people: int) -> ge.Report:
    return _published(_report(rid, _convoy(rid, 0, source, origin="Douma", day=day, people=_q(people))), day)


def test_one_originator_never_tells_one_movement_on_two_days() -> None:
    # Two daily convoys of about the same size from one town: each day told by state media and by the monitor.
    sunday = SATURDAY + dt.timedelta(days=1)
    reports = [_daily("a", "SANA", SATURDAY, 1100), _daily("b", "SOHR", SATURDAY, 1150),
               _daily("c", "SANA", sunday, 1000), _daily("d", "SOHR", sunday, 1050)]
    dataset = ge.merge(reports)
    assert sorted(sorted(c.reports) for c in dataset.convoys) == [["a", "b"], ["c", "d"]]


def test_a_record_is_one_movement_with_its_own_day_first() -> None:
    # The record without a source on Sunday could be one with either day's movement: its own day's wins.
    sunday = SATURDAY + dt.timedelta(days=1)
    unsourced = _published(_report("e", _convoy("e", 0, origin="Douma", day=sunday, people=_q(1050))), sunday)
    reports = [_daily("a", "SANA", SATURDAY, 1100), _daily("c", "SANA", sunday, 1000), unsourced]
    dataset = ge.merge(reports)
    assert sorted(sorted(c.reports) for c in dataset.convoys) == [["a"], ["c", "e"]]


def test_merge_leaves_the_garbage_collector_as_it_found_it() -> None:
    report = _report("a", _convoy("a", 0, "SANA", people=_q(100)))
    assert gc.isenabled()
    ge.merge([report])
    assert gc.isenabled()
    gc.disable()
    try:
        ge.merge([report])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_span_of_days_has_one_basis_whatever_the_order_of_its_members() -> None:
    # Two records of one movement, dated on consecutive days read in two ways: the movement's span of days must
    # not take its basis from whichever member comes first.
    def report(rid: str, day: int, basis: ge.DateBasis) -> ge.Report:
        convoy = ge.Convoy(id=f"{rid}#c0", people=ge.Quantity(value=300),
                           date=ge.DateRange.day(dt.date(2018, 3, day), basis=basis))
        return ge.Report(id=rid, text="", convoys=[convoy])

    bases = set()
    for first, second in (("a", "b"), ("b", "a")):
        dataset = ge.merge([report(first, 28, ge.DateBasis.STATED), report(second, 29, ge.DateBasis.PUBLISHED)])
        assert len(dataset.convoys) == 1
        date = dataset.convoys[0].date
        assert date is not None
        assert (date.start, date.end) == (dt.date(2018, 3, 28), dt.date(2018, 3, 29))
        bases.add(date.basis)
    assert len(bases) == 1
