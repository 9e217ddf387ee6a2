"""``parse`` on sentences written for these tests: one table per phenomenon, every case with an id.

Every sentence below is made up in the style of wire copy (the places, agencies and groups are real, the sentences
are not taken from any report). The expected values follow the annotation conventions of the shared corpus
(``../shared/corpus/README.md``): what counts as a convoy or a figure, how hedges map to qualifiers, how dates
resolve and who a claim is attributed to.

Cases marked ``xfail`` are known gaps of the parser; the reason says what it gets wrong. They are strict, so a fix
shows up as an unexpected pass and the mark can go.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import Final, cast

import pytest

from ghouta_events import (
    Convoy,
    DateBasis,
    EntityKind,
    EventKind,
    FigureKind,
    GhoutaEventsError,
    ParseError,
    Precision,
    Qualifier,
    Quantity,
    Report,
    UnplacedKind,
    default_gazetteer,
    parse,
)

#: The publication date relative days are read against, unless a case says otherwise: a Monday.
MONDAY = dt.date(2018, 3, 26)
SATURDAY = dt.date(2018, 3, 24)
SUNDAY = dt.date(2018, 3, 25)

EXACT = Qualifier.EXACT
MORE_THAN = Qualifier.MORE_THAN
AT_LEAST = Qualifier.AT_LEAST
ABOUT = Qualifier.ABOUT
UP_TO = Qualifier.UP_TO
LESS_THAN = Qualifier.LESS_THAN

Count = tuple[int, Qualifier]
FigureRow = tuple[FigureKind, int, Qualifier]
Listed = tuple[str, str]  # ("factions" | "sources" | "places", canonical name)


# --- Helpers: reduce a report to plain values, so each table states exactly what it expects --------------------


def read(text: str, *, published: dt.date | None = MONDAY, report_id: str = "t") -> Report:
    return parse(text, published=published, report_id=report_id)


def count(quantity: Quantity | None) -> Count | None:
    return None if quantity is None else (quantity.value, quantity.qualifier)


def slots(convoy: Convoy) -> dict[str, Count]:
    """The count slots a convoy fills."""
    named = {"buses": convoy.buses, "people": convoy.people, "fighters": convoy.fighters,
             "civilians": convoy.civilians}
    return {name: (q.value, q.qualifier) for name, q in named.items() if q is not None}


def view(convoy: Convoy) -> dict[str, object]:
    """A convoy as the slots it fills: places and factions by canonical name, counts, the source chain."""
    out: dict[str, object] = {}
    if convoy.origin is not None:
        out["origin"] = convoy.origin.name
    if convoy.destination is not None:
        out["destination"] = convoy.destination.name
    out.update(slots(convoy))
    if convoy.factions:
        out["factions"] = tuple(f.name for f in convoy.factions)
    if convoy.sources:
        out["sources"] = tuple(s.name for s in convoy.sources)
    return out


def figures(report: Report) -> list[FigureRow]:
    return [(f.kind, f.quantity.value, f.quantity.qualifier) for f in report.figures]


def quantities(report: Report) -> list[Count]:
    """Every count the report holds, in convoys and figures alike."""
    found = [slot for convoy in report.convoys for slot in slots(convoy).values()]
    return found + [(f.quantity.value, f.quantity.qualifier) for f in report.figures]


def chains(report: Report) -> list[tuple[str, ...]]:
    """The attribution chain of each convoy, originator first."""
    return [tuple(s.name for s in convoy.sources) for convoy in report.convoys]


def listed(report: Report) -> set[Listed]:
    return {
        *(("factions", f.name) for f in report.factions),
        *(("sources", s.name) for s in report.sources),
        *(("places", p.name) for p in report.places),
    }


def mentions(report: Report) -> list[tuple[str, str]]:
    """Each mention as (canonical name, the words it covers)."""
    return [(m.name, report.excerpt(m.span)) for m in report.mentions]


# --- Numbers: how counts are written ----------------------------------------------------------------------------

NUMBERS = [
    pytest.param("Buses carrying 612 people left Harasta on Saturday, SANA said.",
                 [{"people": (612, EXACT)}], [], id="digits"),
    pytest.param("Buses carrying 1,600 people left Harasta for Idlib on Sunday.",
                 [{"people": (1600, EXACT)}], [], id="comma-thousands"),
    pytest.param("A total of 31 915 people have left Eastern Ghouta so far, the Russian military said.",
                 [], [(FigureKind.EVACUATED, 31915, EXACT)], id="space-thousands"),
    pytest.param("Buses carrying 6.55 thousand people left Arbin on Saturday.",
                 [{"people": (6550, EXACT)}], [], id="decimal-thousand"),
    pytest.param("Some 103,6 thousand people have left the enclave so far, the Russian defence ministry said.",
                 [], [(FigureKind.EVACUATED, 103600, ABOUT)], id="decimal-comma-thousand"),
    pytest.param("The Russian military said 50 thousand people have left Eastern Ghouta so far.",
                 [], [(FigureKind.EVACUATED, 50000, EXACT)], id="digits-thousand"),
    pytest.param("The UN said 5.4 million Syrians have fled abroad since the war began.",
                 [], [(FigureKind.FLED, 5400000, EXACT)], id="decimal-million"),
    pytest.param("Seventeen buses carrying fighters left Harasta on Saturday.",
                 [{"buses": (17, EXACT)}], [], id="word"),
    pytest.param("A dozen buses left Douma on Saturday carrying 400 people.",
                 [{"buses": (12, EXACT), "people": (400, EXACT)}], [], id="a-dozen"),
    pytest.param("Some eight-thousand people have left Harasta so far, state TV said.",
                 [], [(FigureKind.EVACUATED, 8000, ABOUT)], id="hyphenated-words"),
    pytest.param("One hundred and twenty fighters left Zamalka on Saturday.",
                 [{"fighters": (120, EXACT)}], [], id="compound-words"),
    pytest.param("Buses carrying 950+ fighters pulled out of Zamalka on Sunday.",
                 [{"fighters": (950, MORE_THAN)}], [], id="plus-sign"),
    pytest.param("The 38-bus convoy pulled out of Harasta on Sunday, Interfax reported.",
                 [{"buses": (38, EXACT)}], [], id="n-bus-convoy"),
    pytest.param("16,000 to 21,000 people are still in Douma, the UN said.",
                 [], [(FigureKind.REMAINING, 16000, AT_LEAST), (FigureKind.REMAINING, 21000, UP_TO)],
                 id="range-to"),
    pytest.param("Between 16,000 and 21,000 people remain in Douma, the UN said.",
                 [], [(FigureKind.REMAINING, 16000, AT_LEAST), (FigureKind.REMAINING, 21000, UP_TO)],
                 id="range-between"),
    pytest.param("Some 16 to 21 thousand people remain in Douma, the UN said.",
                 [], [(FigureKind.REMAINING, 16000, AT_LEAST), (FigureKind.REMAINING, 21000, UP_TO)],
                 id="range-shared-scale"),
]


@pytest.mark.parametrize(("text", "convoy_slots", "figure_rows"), NUMBERS)
def test_numbers(text: str, convoy_slots: list[dict[str, Count]], figure_rows: list[FigureRow]) -> None:
    report = read(text)
    assert [slots(c) for c in report.convoys] == convoy_slots
    assert figures(report) == figure_rows


VAGUE = [
    pytest.param("Hundreds of fighters left Douma on Saturday.", "Hundreds", 200, 1, id="hundreds"),
    pytest.param("Dozens of buses left Douma on Saturday.", "Dozens", 24, 1, id="dozens"),
    pytest.param("Several buses left Douma on Saturday.", "Several", 3, 1, id="several"),
    pytest.param("Thousands of civilians fled Hamouriyeh on Thursday.", "Thousands", 2000, 0,
                 id="thousands-on-foot"),
]


@pytest.mark.parametrize(("text", "words", "low", "convoys"), VAGUE)
def test_vague_amounts_are_never_counts(text: str, words: str, low: int, convoys: int) -> None:
    report = read(text)
    assert quantities(report) == []
    assert [(report.excerpt(a.span), a.low) for a in report.amounts if a.span is not None] == [(words, low)]
    # A movement told with a vague amount is still a convoy, and the amount names the record it describes.
    assert len(report.convoys) == convoys
    expected_records = [c.id for c in report.convoys] if convoys else [None]
    assert [a.record for a in report.amounts] == expected_records


#: Each sentence also tells a movement, so a number misread as a count would have a convoy slot to go to.
DOUMA: Final = [{"origin": "Douma"}]

NON_COUNTS = [
    pytest.param("Buses carrying fighters left Douma on Saturday, ending a siege that began in 2013.", DOUMA,
                 id="year"),
    pytest.param("A 12-year-old boy was among the evacuees on buses that left Douma on Saturday.", DOUMA,
                 id="age-hyphen"),
    pytest.param("Abu Khaled, 54, boarded one of the buses that left Douma on Saturday.", DOUMA,
                 id="age-apposition"),
    pytest.param("Buses carrying fighters left Douma on Saturday; the rebels now hold under 15 percent of the "
                 "enclave.", DOUMA, id="percent"),
    pytest.param("The 19th convoy left Douma on Saturday.", DOUMA, id="ordinal-digits"),
    pytest.param("The second convoy left Douma on Saturday.", DOUMA, id="ordinal-word"),
    pytest.param("Buses left Douma on Saturday for Jarablus, 320km to the north.",
                 [{"origin": "Douma", "destination": "Jarablus"}], id="distance"),
    pytest.param("The buses left Douma at 1400 GMT on Saturday.", DOUMA, id="time"),
    pytest.param("Donors pledged $5 million as buses carrying fighters left Douma on Saturday.", DOUMA, id="money"),
    pytest.param("After seven years of siege, buses carrying fighters left Douma on Saturday.", DOUMA,
                 id="duration"),
]


@pytest.mark.parametrize(("text", "convoys"), NON_COUNTS)
def test_non_counts_fill_no_slot_and_make_no_figure(text: str, convoys: list[dict[str, object]]) -> None:
    report = read(text)
    assert [view(c) for c in report.convoys] == convoys
    assert quantities(report) == []
    assert report.figures == ()


# --- Hedges: the words before a number set its qualifier --------------------------------------------------------

HEDGES = [
    pytest.param("More than 1,000 people left Douma on Saturday.", (1000, MORE_THAN), id="more-than"),
    pytest.param("Over 1,000 people left Douma on Saturday.", (1000, MORE_THAN), id="over"),
    pytest.param("1,000+ people left Douma on Saturday.", (1000, MORE_THAN), id="plus-sign"),
    pytest.param("The number of people who have left Eastern Ghouta surpassed 50,000, the Russian military said.",
                 (50000, MORE_THAN), id="surpassed"),
    pytest.param("At least 300 fighters left Douma on Saturday.", (300, AT_LEAST), id="at-least"),
    pytest.param("About 500 fighters left Douma on Saturday.", (500, ABOUT), id="about"),
    pytest.param("Around 500 fighters left Douma on Saturday.", (500, ABOUT), id="around"),
    pytest.param("Some 500 fighters left Douma on Saturday.", (500, ABOUT), id="some"),
    pytest.param("An estimated 500 fighters left Douma on Saturday.", (500, ABOUT), id="an-estimated"),
    pytest.param("Nearly 500 fighters left Douma on Saturday.", (500, ABOUT), id="nearly"),
    pytest.param("Approximately 500 fighters left Douma on Saturday.", (500, ABOUT), id="approximately"),
    pytest.param("As many as 512 fighters left Douma on Saturday.", (512, UP_TO), id="as-many-as-precise"),
    pytest.param("Up to 500 fighters left Douma on Saturday.", (500, UP_TO), id="up-to"),
    pytest.param("Less than 500 fighters left Douma on Saturday.", (500, LESS_THAN), id="less-than"),
    pytest.param("Fewer than 500 fighters left Douma on Saturday.", (500, LESS_THAN), id="fewer-than"),
    pytest.param("Buses carrying 500 fighters left Douma on Saturday.", (500, EXACT), id="no-hedge"),
    pytest.param("A total of 500 fighters left Douma on Saturday.", (500, EXACT), id="a-total-of"),
]


@pytest.mark.parametrize(("text", "expected"), HEDGES)
def test_hedges(text: str, expected: Count) -> None:
    assert quantities(read(text)) == [expected]


# --- Dates: the day of the movement, and what it was read against -----------------------------------------------

#: A report whose only full date stands well below its header, so relative days are read against it.
LATEST_STATED_TEXT = (
    "Evacuations resume in Eastern Ghouta\n\n"
    "By a staff writer\n\n"
    "Rebels and civilians have been leaving the enclave for more than a week under deals brokered by Russian "
    "officers.\n\n"
    "Aid agencies say the pace has picked up sharply in recent days as one town after another agreed terms with the "
    "government, and that the crossings are crowded from dawn until well after dark with families carrying what "
    "they can.\n\n"
    "Relief workers at the crossings describe long queues, little water and few toilets, and say the elderly and the "
    "sick are being moved first whenever ambulances can be found.\n\n"
    "The Arbin pocket was emptied on March 25, 2018. On Saturday, twelve buses left Douma for Jarablus, state media "
    "said."
)
DatePoint = tuple[dt.date, dt.date, Precision, DateBasis]

DATES = [
    pytest.param("Twenty buses left Douma on Saturday, state media said.", MONDAY,
                 (SATURDAY, SATURDAY, Precision.DAY, DateBasis.PUBLISHED), id="on-weekday"),
    pytest.param("Twenty buses left Douma late Sunday, state media said.", MONDAY,
                 (SUNDAY, SUNDAY, Precision.DAY, DateBasis.PUBLISHED), id="late-weekday"),
    pytest.param("Twenty buses left Douma tonight, state TV said.", MONDAY,
                 (MONDAY, MONDAY, Precision.DAY, DateBasis.PUBLISHED), id="tonight"),
    pytest.param("Twenty buses left Douma yesterday, state TV said.", MONDAY,
                 (SUNDAY, SUNDAY, Precision.DAY, DateBasis.PUBLISHED), id="yesterday"),
    pytest.param("Twenty buses left Douma last week, state media said.", MONDAY, None, id="last-week-is-no-day"),
    pytest.param("Twenty buses left Douma on March 24, 2018, state media said.", MONDAY,
                 (SATURDAY, SATURDAY, Precision.DAY, DateBasis.STATED), id="full-date"),
    pytest.param("Twenty buses left Douma on March 24, 2018, state media said.", None,
                 (SATURDAY, SATURDAY, Precision.DAY, DateBasis.STATED), id="full-date-unpublished"),
    pytest.param("Convoy leaves Douma\n\nBEIRUT, March 25, 2018 (AFP) - Twenty buses left Douma on Saturday, state "
                 "media said.", None, (SATURDAY, SATURDAY, Precision.DAY, DateBasis.DATELINE),
                 id="dateline-after-headline"),
    pytest.param("BEIRUT, March 25, 2018 (AFP) - Twenty buses left Douma on Saturday, state media said.", None,
                 (SATURDAY, SATURDAY, Precision.DAY, DateBasis.DATELINE), id="dateline-opens-the-text"),
    pytest.param(LATEST_STATED_TEXT, None, (SATURDAY, SATURDAY, Precision.DAY, DateBasis.LATEST_STATED),
                 id="latest-stated-date"),
    pytest.param("Twenty buses left Douma on Thursday, state media said.", None, None, id="no-anchor"),
]


@pytest.mark.parametrize(("text", "published", "expected"), DATES)
def test_convoy_dates(text: str, published: dt.date | None, expected: DatePoint | None) -> None:
    report = read(text, published=published)
    dates = [c.date for c in report.convoys if c.origin is not None and c.origin.name == "Douma"]
    assert len(dates) == 1
    date = dates[0]
    assert (None if date is None else (date.start, date.end, date.precision, date.basis)) == expected


ANCHORS = [
    pytest.param("Twenty buses left Douma on Saturday.", MONDAY, (MONDAY, DateBasis.PUBLISHED), id="published"),
    pytest.param("Convoy leaves Douma\n\nBEIRUT, March 25, 2018 (AFP) - Twenty buses left Douma on Saturday.", None,
                 (SUNDAY, DateBasis.DATELINE), id="dateline"),
    pytest.param("Published March 25, 2018\n\nTwenty buses left Douma on Saturday.", None,
                 (SUNDAY, DateBasis.DATELINE), id="published-line"),
    pytest.param("Convoy leaves Douma\n\nBEIRUT, March 25, 2018 (AFP) - Twenty buses left Douma on Saturday.",
                 MONDAY, (MONDAY, DateBasis.PUBLISHED), id="published-wins-over-dateline"),
    pytest.param(LATEST_STATED_TEXT, None, (SUNDAY, DateBasis.LATEST_STATED), id="latest-stated"),
    pytest.param("Twenty buses left Douma on Thursday.", None, None, id="none"),
]


@pytest.mark.parametrize(("text", "published", "expected"), ANCHORS)
def test_report_anchor(text: str, published: dt.date | None, expected: tuple[dt.date, DateBasis] | None) -> None:
    report = read(text, published=published)
    assert report.published == published
    anchor = report.anchor
    assert (None if anchor is None else (anchor.start, anchor.basis)) == expected
    if anchor is not None:
        assert anchor.start == anchor.end


# --- Attribution: who the numbers come from ---------------------------------------------------------------------

ATTRIBUTION = [
    pytest.param("Fifteen buses left Harasta on Saturday, according to SANA.",
                 [("SANA",)], {"SANA"}, id="according-to"),
    pytest.param("Fifteen buses left Harasta on Saturday, the Syrian Observatory said.",
                 [("SOHR",)], {"SOHR"}, id="said-after"),
    pytest.param("SANA said fifteen buses left Harasta on Saturday.",
                 [("SANA",)], {"SANA"}, id="said-before"),
    pytest.param("Rami Abdel Rahman told Reuters that fifteen buses left Harasta on Saturday.",
                 [("SOHR", "Reuters")], {"SOHR", "Reuters"}, id="told-outlet"),
    pytest.param("Fifteen buses left Harasta on Saturday, Rami Abdel Rahman told AFP.",
                 [("SOHR", "AFP")], {"SOHR", "AFP"}, id="told-outlet-after"),
    pytest.param("Fifteen buses left Harasta on Saturday, Reuters reported, citing SANA.",
                 [("SANA", "Reuters")], {"SANA", "Reuters"}, id="reported-citing"),
    pytest.param("AFP, citing SANA, said fifteen buses left Harasta on Saturday.",
                 [("SANA", "AFP")], {"SANA", "AFP"}, id="citing-apposition"),
    pytest.param("Reuters, quoting SANA, said fifteen buses left Harasta on Saturday.",
                 [("SANA", "Reuters")], {"SANA", "Reuters"}, id="quoting-apposition"),
    pytest.param("SANA, quoting a military source, said fifteen buses left Harasta on Saturday.",
                 [("Syrian military", "SANA")], {"Syrian military", "SANA"}, id="quoting-military-source"),
    pytest.param("Reuters quoted SANA as saying fifteen buses left Harasta on Saturday.",
                 [("SANA", "Reuters")], {"SANA", "Reuters"}, id="quoted-as-saying"),
    pytest.param("Fifteen buses leave Harasta, Russia Says",
                 [("Russian government",)], {"Russian government"}, id="headline-state-says"),
    pytest.param("Fifteen buses left Harasta on Saturday, the Russian Defence Ministry said. Ten buses left Arbin "
                 "on Sunday, Russia says.", [("Russian military",), ("Russian military",)], {"Russian military"},
                 id="state-speaks-through-its-military-named-before"),
    pytest.param("The Russian military said fifteen buses left Harasta on Saturday. Moscow said ten buses left "
                 "Arbin on Sunday.", [("Russian military",), ("Russian military",)], {"Russian military"},
                 id="capital-speaks-through-its-military-named-before"),
    pytest.param("Fifteen buses left Harasta on Saturday, SANA said. Moscow said ten buses left Arbin on Sunday.",
                 [("SANA",), ("Russian government",)], {"SANA", "Russian government"},
                 id="state-speaks-through-its-government"),
    pytest.param("Fifteen buses left Harasta on Saturday, SANA said. Ten more buses left Arbin on Sunday.",
                 [("SANA",), ("SANA",)], {"SANA"}, id="carries-to-next-sentence"),
    pytest.param("Fifteen buses left Harasta on Saturday, SANA said. Ten buses left Arbin on Sunday, the "
                 "Observatory said.", [("SANA",), ("SOHR",)], {"SANA", "SOHR"}, id="next-source-takes-over"),
    pytest.param("Fifteen buses left Harasta on Saturday, SANA said.\n\nTen buses left Douma on Sunday.",
                 [("SANA",), ()], {"SANA"}, id="stops-at-paragraph-break"),
    pytest.param("Fifteen buses left Harasta on Saturday. (SANA via AP)", [("SANA", "AP")], {"SANA", "AP"},
                 id="credit-relayed-via"),
    pytest.param("Fifteen buses left Harasta on Saturday.", [()], set(), id="outlet-own-reporting"),
    pytest.param("MOSCOW, June 3. /TASS/. Fifteen buses left Harasta on Saturday.", [("TASS",)], {"TASS"},
                 id="outlet-tag-between-slashes"),
    pytest.param("DAMASCUS, May 9. /SANA/. Ten buses left Douma.", [("SANA",)], {"SANA"},
                 id="outlet-tag-after-a-dateline"),
    pytest.param("/Interfax/. Twenty buses left Arbin on Sunday.", [("Interfax",)], {"Interfax"},
                 id="outlet-tag-opens-the-text"),
    # An armed group that speaks is a source, listed among the gazetteer's sources or not.
    pytest.param("Fifteen buses left Qusayr on Saturday, Hezbollah's media unit said.",
                 [("Hezbollah",)], {"Hezbollah"}, id="an-armed-groups-media-unit"),
    pytest.param("The Kurdish-led SDF said ten buses left Raqqa on Sunday.",
                 [("Syrian Democratic Forces",)], {"Syrian Democratic Forces"}, id="a-coalition-said"),
    pytest.param("According to Hizbollah, twelve buses left Zabadani.",
                 [("Hezbollah",)], {"Hezbollah"}, id="according-to-an-armed-group"),
    # The state media of another country than the one a generic name stands for: named as written.
    pytest.param("Fifteen buses left Harasta on Saturday, Turkish state media said.",
                 [("Turkish state media",)], {"Turkish state media"}, id="another-countrys-state-media"),
    pytest.param("According to Iranian state TV, ten buses left Douma.",
                 [("Iranian state media",)], {"Iranian state media"}, id="another-countrys-state-tv"),
    pytest.param("Lebanese state television said twelve buses left Arsal on Sunday.",
                 [("Lebanese state media",)], {"Lebanese state media"}, id="another-countrys-state-television"),
    pytest.param("Jaish al-Islam, the last rebel group in Eastern Ghouta, sent 20 buses carrying 1,200 fighters out "
                 "of Douma on Sunday.", [()], set(), id="group-named-first-is-no-source"),
]


@pytest.mark.parametrize("text", [
    "Fifteen buses left Qusayr on Saturday, Hezbollah's media unit said.",
    "Fifteen buses left Harasta on Saturday, Turkish state media said.",
    "Army of Victory quoted sources as saying ten buses left Douma.",
])
def test_a_source_the_gazetteer_does_not_list_is_mentioned_as_what_it_lists(text: str) -> None:
    # A mention names an entry of the gazetteer's table of its kind: an armed group that speaks is mentioned as
    # the party it is listed as; another country's state media, listed nowhere, is mentioned not at all.
    report = read(text)
    gazetteer = default_gazetteer()
    tables: dict[EntityKind, Mapping[str, object]] = {
        EntityKind.PLACE: gazetteer.places, EntityKind.FACTION: gazetteer.factions,
        EntityKind.SOURCE: gazetteer.sources}
    assert report.sources
    for mention in report.mentions:
        assert mention.name in tables[mention.kind]


@pytest.mark.parametrize(("text", "expected_chains", "expected_sources"), ATTRIBUTION)
def test_attribution(text: str, expected_chains: list[tuple[str, ...]], expected_sources: set[str]) -> None:
    report = read(text)
    assert chains(report) == expected_chains
    assert {s.name for s in report.sources} == expected_sources
    for convoy in report.convoys:
        assert convoy.originator == (convoy.sources[0] if convoy.sources else None)


# --- Names: spellings resolve to canonical names ----------------------------------------------------------------

SPELLINGS = [
    pytest.param("Fighters from Faylaq al-Rahman left Arbin on Saturday.", "Faylaq al-Rahman", "Faylaq al-Rahman",
                 EntityKind.FACTION, id="faylaq"),
    pytest.param("Fighters from Failaq al-Rahman left Arbin on Saturday.", "Failaq al-Rahman", "Faylaq al-Rahman",
                 EntityKind.FACTION, id="failaq"),
    pytest.param("Fighters from Failak al-Rahman left Arbin on Saturday.", "Failak al-Rahman", "Faylaq al-Rahman",
                 EntityKind.FACTION, id="failak"),
    pytest.param("Fighters from Failaq Ar-Rahman left Arbin on Saturday.", "Failaq Ar-Rahman", "Faylaq al-Rahman",
                 EntityKind.FACTION, id="ar-rahman"),
    pytest.param("Fighters of the Al-Rahman Corps left Arbin on Saturday.", "Al-Rahman Corps", "Faylaq al-Rahman",
                 EntityKind.FACTION, id="al-rahman-corps"),
    pytest.param("Buses left Arbin on Saturday.", "Arbin", "Arbin", EntityKind.PLACE, id="arbin"),
    pytest.param("Buses left Arbeen on Saturday.", "Arbeen", "Arbin", EntityKind.PLACE, id="arbeen"),
    pytest.param("Buses left Erbin on Saturday.", "Erbin", "Arbin", EntityKind.PLACE, id="erbin"),
    pytest.param("Jaish al-Islam fighters left Douma.", "Jaish al-Islam", "Jaish al-Islam", EntityKind.FACTION,
                 id="jaish"),
    pytest.param("Jaysh al-Islam fighters left Douma.", "Jaysh al-Islam", "Jaish al-Islam", EntityKind.FACTION,
                 id="jaysh"),
    pytest.param("Fighters of the Army of Islam left Douma.", "Army of Islam", "Jaish al-Islam", EntityKind.FACTION,
                 id="army-of-islam"),
    pytest.param("Bashar al-Assad visited troops near Douma.", "Bashar al-Assad", "Syrian government",
                 EntityKind.FACTION, id="bashar-al-assad"),
    pytest.param("Bashir al-Assad visited troops near Douma.", "Bashir al-Assad", "Syrian government",
                 EntityKind.FACTION, id="bashir-al-assad"),
    pytest.param("Buses left Duma on Saturday.", "Duma", "Douma", EntityKind.PLACE, id="duma"),
    pytest.param("Thousands fled Hamoria on Saturday.", "Hamoria", "Hamouriyeh", EntityKind.PLACE, id="hamoria"),
    pytest.param("Thousands fled Hamouriyeh on Saturday.", "Hamouriyeh", "Hamouriyeh", EntityKind.PLACE,
                 id="hamouriyeh"),
    pytest.param("Buses left Douma for Idleb on Saturday.", "Idleb", "Idlib", EntityKind.PLACE, id="idleb"),
]

_LIST_OF_KIND = {EntityKind.FACTION: "factions", EntityKind.SOURCE: "sources", EntityKind.PLACE: "places"}


@pytest.mark.parametrize(("text", "surface", "canonical", "kind"), SPELLINGS)
def test_spellings_resolve_to_canonical_names(text: str, surface: str, canonical: str, kind: EntityKind) -> None:
    report = read(text)
    assert [(m.name, m.kind) for m in report.mentions if report.excerpt(m.span) == surface] == [(canonical, kind)]
    assert (_LIST_OF_KIND[kind], canonical) in listed(report)


# --- Traps: words that look like names and are not, names that stand for something else -------------------------

TRAPS = [
    pytest.param("ERBIL, Iraq (Reuters) - Fifteen buses left Harasta on Saturday, a Kurdish official said.",
                 [("Erbil", "ERBIL"), ("Iraq", "Iraq"), ("Reuters", "Reuters"), ("Harasta", "Harasta")],
                 {("places", "Erbil"), ("places", "Harasta")}, {("places", "Arbin")}, id="erbil-is-not-arbin"),
    pytest.param("ERBIL, Iraq (Reuters) - Fifteen buses left Harasta on Saturday, a Kurdish official said.",
                 [("Erbil", "ERBIL"), ("Iraq", "Iraq"), ("Reuters", "Reuters"), ("Harasta", "Harasta")],
                 {("places", "Erbil")}, {("factions", "Iraq")}, id="dateline-country-is-no-party"),
    pytest.param("The question is who will run Douma once the rebels leave.", [("Douma", "Douma")], set(),
                 {("factions", "Islamic State"), ("sources", "WHO")}, id="lower-case-is-who"),
    pytest.param("IS fighters said the WHO team never reached Douma.",
                 [("Islamic State", "IS"), ("WHO", "WHO"), ("Douma", "Douma")],
                 {("factions", "Islamic State")}, set(), id="upper-case-IS-WHO-control"),
    pytest.param("The Syrian Arab Red Crescent said fifteen buses left Harasta on Saturday.",
                 [("SARC", "Syrian Arab Red Crescent"), ("Harasta", "Harasta")], {("sources", "SARC")},
                 {("places", "Syria"), ("factions", "Syrian government"), ("sources", "Syrian government")},
                 id="red-crescent-is-one-source"),
    pytest.param("Moscow said fifteen buses left Harasta on Saturday.",
                 [("Russian government", "Moscow"), ("Harasta", "Harasta")], {("sources", "Russian government")},
                 {("places", "Moscow")}, id="moscow-speaks"),
    pytest.param("Fifteen buses left Harasta on Saturday, Moscow said.",
                 [("Harasta", "Harasta"), ("Russian government", "Moscow")], {("sources", "Russian government")},
                 {("places", "Moscow")}, id="moscow-speaks-after"),
    pytest.param("Aid workers said shells damaged the harem of an old palace in Damascus.",
                 [("Damascus", "Damascus")], {("places", "Damascus")}, {("places", "Harem")}, id="lower-case-harem"),
    pytest.param("Thirty buses left Harem on Saturday.", [("Harem", "Harem")], {("places", "Harem")}, set(),
                 id="capital-harem-control"),
    pytest.param("Life in Damascus was calm on Sunday as buses left Douma.",
                 [("Damascus", "Damascus"), ("Douma", "Douma")], {("places", "Damascus")},
                 {("factions", "Syrian government")}, id="place-after-in-is-no-actor"),
]


@pytest.mark.parametrize(("text", "expected_mentions", "present", "absent"), TRAPS)
def test_traps(text: str, expected_mentions: list[tuple[str, str]], present: set[Listed],
               absent: set[Listed]) -> None:
    report = read(text)
    assert mentions(report) == expected_mentions
    found = listed(report)
    assert present <= found
    assert not absent & found


# --- Convoys or figures: what makes a movement one convoy -------------------------------------------------------

CONVOYS_OR_FIGURES = [
    pytest.param("Some 3,000 fighters will be evacuated from Douma to Jarablus, state television said.",
                 [], [(FigureKind.PLANNED, 3000, ABOUT)], id="planned-will-be-evacuated"),
    pytest.param("About 1,500 people are expected to leave Harasta on Tuesday, the Russian military said.",
                 [], [(FigureKind.PLANNED, 1500, ABOUT)], id="planned-expected-to-leave"),
    pytest.param("More than 40,000 people have been evacuated from Eastern Ghouta so far, SANA said.",
                 [], [(FigureKind.EVACUATED, 40000, MORE_THAN)], id="cumulative-so-far"),
    pytest.param("In all, 6,400 people left Qadam, the Syrian Observatory said.",
                 [], [(FigureKind.EVACUATED, 6400, EXACT)], id="cumulative-in-all"),
    pytest.param("Since March 22, 7,200 people have left Arbin, the UN said.",
                 [], [(FigureKind.EVACUATED, 7200, EXACT)], id="cumulative-since"),
    pytest.param("Twenty empty buses entered Douma on Sunday to collect the fighters.", [], [],
                 id="empty-buses-entering"),
    pytest.param("Empty buses entered Harasta on Sunday, state TV said.", [], [], id="empty-buses-no-number"),
    pytest.param("Twenty buses carry 1,000+ fighters and their families out of Harasta: SANA\n\n"
                 "Twenty buses carrying 1,043 fighters and their families left Harasta for Idlib on Saturday, SANA "
                 "reported.",
                 [{"origin": "Harasta", "destination": "Idlib", "buses": (20, EXACT), "people": (1043, EXACT),
                   "sources": ("SANA",)}], [], id="restatement-is-one-convoy"),
    pytest.param("About 1,000 rebels leave Harasta, SANA says\n\n"
                 "Twenty buses carrying 1,043 rebels left Harasta for Idlib on Saturday, SANA reported.",
                 [{"origin": "Harasta", "destination": "Idlib", "buses": (20, EXACT), "fighters": (1043, EXACT),
                   "sources": ("SANA",)}], [], id="restatement-keeps-exact-count"),
    pytest.param("Twenty buses carrying 1,043 people left Harasta for Idlib on Saturday, SANA reported. The Syrian "
                 "Observatory said 1,100 people left Harasta on Saturday.",
                 [{"origin": "Harasta", "destination": "Idlib", "buses": (20, EXACT), "people": (1043, EXACT),
                   "sources": ("SANA",)},
                  {"origin": "Harasta", "people": (1100, EXACT), "sources": ("SOHR",)}], [],
                 id="two-sources-two-convoys"),
    pytest.param("Eight hundred fighters and their families left Douma on Saturday.",
                 [{"origin": "Douma", "people": (800, EXACT)}], [], id="fighters-and-families-are-people"),
    pytest.param("Buses carrying 2,100 people, including 700 fighters, left Douma on Saturday.",
                 [{"origin": "Douma", "people": (2100, EXACT), "fighters": (700, EXACT)}], [],
                 id="people-including-fighters"),
    pytest.param("Buses carrying 2,100 people, among them 700 fighters, left Douma on Saturday.",
                 [{"origin": "Douma", "people": (2100, EXACT), "fighters": (700, EXACT)}], [],
                 id="people-among-them-fighters"),
    pytest.param("Buses carrying 300 fighters and 450 civilians left Saqba on Sunday.",
                 [{"origin": "Saqba", "fighters": (300, EXACT), "civilians": (450, EXACT)}], [],
                 id="fighters-and-civilians-apart"),
    pytest.param("Jaish al-Islam fighters left Douma for Jarablus on Saturday, state media said.",
                 [{"origin": "Douma", "destination": "Jarablus", "factions": ("Jaish al-Islam",),
                   "sources": ("Syrian state media",)}], [], id="movement-without-numbers"),
    pytest.param("A convoy carrying rebels and their families left Arbin for Idlib on Sunday.",
                 [{"origin": "Arbin", "destination": "Idlib"}], [], id="convoy-without-numbers"),
]


@pytest.mark.parametrize(("text", "convoys", "figure_rows"), CONVOYS_OR_FIGURES)
def test_convoys_or_figures(text: str, convoys: list[dict[str, object]], figure_rows: list[FigureRow]) -> None:
    report = read(text)
    assert [view(c) for c in report.convoys] == convoys
    assert figures(report) == figure_rows


# --- Figures: what a count that is not a convoy counts ----------------------------------------------------------

FIGURE_KINDS = [
    pytest.param("Air strikes killed 46 civilians in Saqba on Tuesday, the Syrian Observatory said.",
                 FigureKind.KILLED, (46, EXACT), "Saqba", id="killed"),
    pytest.param("At least 120 people were wounded in shelling on Douma, medics said.",
                 FigureKind.WOUNDED, (120, AT_LEAST), "Douma", id="wounded"),
    pytest.param("Shelling injured 85 people in Kafr Batna, the Civil Defence said.",
                 FigureKind.WOUNDED, (85, EXACT), "Kafr Batna", id="injured"),
    pytest.param("More than 11,500 people fled through the Hamouriyeh corridor on Thursday, the UN said.",
                 FigureKind.FLED, (11500, MORE_THAN), "Hamouriyeh", id="fled-through-corridor"),
    pytest.param("Some 45,000 people are staying in shelters around Damascus, OCHA said.",
                 FigureKind.IN_SHELTERS, (45000, ABOUT), "Damascus", id="in-shelters"),
    pytest.param("About 70,000 people remain in Douma, the UN said.",
                 FigureKind.REMAINING, (70000, ABOUT), "Douma", id="remaining"),
    pytest.param("Douma is home to some 140,000 people, the UN said.",
                 FigureKind.RESIDENTS, (140000, ABOUT), "Douma", id="residents-home-to"),
    pytest.param("Jaish al-Islam released 200 captives from its prisons in Douma on Sunday, state TV said.",
                 FigureKind.RELEASED, (200, EXACT), "Douma", id="released"),
    pytest.param("The rebels freed 57 detainees in Douma, state TV said.",
                 FigureKind.RELEASED, (57, EXACT), "Douma", id="freed"),
]


@pytest.mark.parametrize(("text", "kind", "expected", "place"), FIGURE_KINDS)
def test_figure_kinds(text: str, kind: FigureKind, expected: Count, place: str) -> None:
    report = read(text)
    assert report.convoys == ()
    assert [(f.kind, count(f.quantity), f.place.name if f.place else None) for f in report.figures] == [
        (kind, expected, place)
    ]
    assert all(f.sources for f in report.figures)


# --- Events ------------------------------------------------------------------------------------------------------

EVENTS = [
    pytest.param("Government forces launched a ground offensive on Harasta in February.",
                 EventKind.OFFENSIVE, "Harasta", id="offensive"),
    pytest.param("Russian officers reached an agreement with Faylaq al-Rahman over Arbin on Friday.",
                 EventKind.AGREEMENT, "Arbin", id="agreement"),
    pytest.param("Negotiations between Jaish al-Islam and Russian officers over Douma stalled on Sunday.",
                 EventKind.NEGOTIATION, "Douma", id="negotiation"),
    pytest.param("Medics reported a suspected chemical attack on Douma late Saturday.",
                 EventKind.CHEMICAL_ATTACK, "Douma", id="chemical-attack"),
    pytest.param("The Syrian army announced in a statement that it had retaken Harasta.",
                 EventKind.STATEMENT, "Harasta", id="statement"),
]


@pytest.mark.parametrize(("text", "kind", "place"), EVENTS)
def test_event_triggers(text: str, kind: EventKind, place: str) -> None:
    report = read(text)
    assert (kind, place) in [(e.kind, e.place.name if e.place else None) for e in report.events]


# --- Backers -------------------------------------------------------------------------------------------------------

BACKERS = [
    pytest.param("Jaish al-Islam, which is backed by Saudi Arabia, still holds Douma.",
                 "Jaish al-Islam", ("Saudi Arabia",), id="which-is-backed-by"),
    pytest.param("In Arbin, Faylaq al-Rahman, backed by Qatar, agreed to leave.",
                 "Faylaq al-Rahman", ("Qatar",), id="backed-by-apposition"),
    pytest.param("The Qatar-backed Faylaq al-Rahman controls Arbin.",
                 "Faylaq al-Rahman", ("Qatar",), id="state-backed"),
    pytest.param("The Saudi-backed Jaish al-Islam still holds Douma.",
                 "Jaish al-Islam", ("Saudi Arabia",), id="adjective-backed"),
    pytest.param("Jaish al-Islam fighters left Douma on Saturday.", "Jaish al-Islam", (), id="no-backer"),
]


@pytest.mark.parametrize(("text", "faction", "backers"), BACKERS)
def test_backers(text: str, faction: str, backers: tuple[str, ...]) -> None:
    report = read(text)
    assert [f.backers for f in report.factions if f.name == faction] == [backers]


# --- Nothing silent: what the parser saw but could not place is listed ------------------------------------------

UNPLACED = [
    pytest.param("The Syrian Observatory counted 312 in the town, without saying more.",
                 UnplacedKind.NUMBER, "312", id="number-without-role"),
    pytest.param("Twenty empty buses entered Douma on Sunday to collect the fighters.",
                 UnplacedKind.NUMBER, "Twenty", id="buses-not-leaving"),
    pytest.param("Fighters of the Liwa Suqour Mudun group left Douma on Saturday.",
                 UnplacedKind.NAME, "Liwa Suqour Mudun", id="unknown-name-before-group"),
    pytest.param("Jund Qasioun fighters left Barzeh on Sunday.",
                 UnplacedKind.NAME, "Jund Qasioun", id="unknown-name-before-fighters"),
    pytest.param("Fighters of the Liwa Fajr al-Hurriya group left Douma on Saturday.",
                 UnplacedKind.NAME, "Liwa Fajr al-Hurriya", id="unknown-name-with-particle"),
]


@pytest.mark.parametrize(("text", "kind", "words"), UNPLACED)
def test_unplaced(text: str, kind: UnplacedKind, words: str) -> None:
    report = read(text)
    assert [(u.kind, u.text) for u in report.unplaced] == [(kind, words)]
    assert [report.excerpt(u.span) for u in report.unplaced] == [words]
    assert all(u.reason for u in report.unplaced)
    if kind is UnplacedKind.NUMBER:
        assert quantities(report) == []


EMPTY = [
    pytest.param("", id="empty"),
    pytest.param("   \n\n\t  \n", id="whitespace"),
    pytest.param("The weather stayed mild and the markets were quiet as shoppers returned to the old souk.",
                 id="unrelated-paragraph"),
]


@pytest.mark.parametrize("text", EMPTY)
def test_nothing_to_find_gives_an_empty_report(text: str) -> None:
    report = read(text)
    assert report.text == text
    for found in (report.factions, report.sources, report.places, report.convoys, report.figures, report.events,
                  report.mentions, report.amounts, report.unplaced):
        assert found == ()


NOT_TEXT = [
    pytest.param(b"Fifteen buses left Harasta.", id="bytes"),
    pytest.param(None, id="none"),
    pytest.param(42, id="int"),
    pytest.param(["Fifteen buses left Harasta."], id="list"),
]


@pytest.mark.parametrize("value", NOT_TEXT)
def test_text_that_is_not_a_str_raises_type_error(value: object) -> None:
    with pytest.raises(TypeError, match="str"):
        parse(cast(str, value))


@pytest.mark.parametrize("published", [
    pytest.param("2018-03-26", id="iso-string"),
    pytest.param(dt.datetime(2018, 3, 26, 12, 0), id="datetime"),
])
def test_published_that_is_not_a_date_raises_type_error(published: object) -> None:
    with pytest.raises(TypeError, match="published"):
        parse("Fifteen buses left Harasta on Saturday.", published=cast(dt.date, published))


# --- Ids ----------------------------------------------------------------------------------------------------------

#: A short report with convoys, figures and events, for the id rules.
MIXED_TEXT = (
    "Twenty buses carrying 1,043 people left Harasta for Idlib on Saturday under a deal brokered by Russia, SANA "
    "said. The Syrian Observatory said 1,100 people left Harasta on Saturday.\n\n"
    "About 70,000 people remain in Douma, the UN said. Air strikes killed 46 civilians in Saqba on Tuesday."
)

IDS = [
    pytest.param(MIXED_TEXT, id="mixed"),
    pytest.param("Fifteen buses left Harasta on Saturday, SANA said.\n\nTen buses left Douma on Sunday.",
                 id="two-convoys"),
]


def _record_ids(report: Report) -> list[str]:
    return [*(c.id for c in report.convoys), *(f.id for f in report.figures), *(e.id for e in report.events)]


@pytest.mark.parametrize("text", IDS)
def test_record_ids_start_with_the_report_id_and_are_unique(text: str) -> None:
    report = read(text, report_id="wire-0326")
    ids = _record_ids(report)
    assert len(report.convoys) >= 2
    assert report.id == "wire-0326"
    assert all(record_id.startswith("wire-0326#") for record_id in ids)
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("text", IDS)
def test_default_id_is_derived_from_the_text(text: str) -> None:
    first, second = parse(text, published=MONDAY), parse(text, published=MONDAY)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert first.digest == digest
    assert first.id == digest[:12]
    assert all(record_id.startswith(f"{first.id}#") for record_id in _record_ids(first))
    assert _record_ids(first) == _record_ids(second)
    assert parse(text + " ", published=MONDAY).id != first.id


def test_mixed_report_has_every_record_kind() -> None:
    report = read(MIXED_TEXT)
    assert [view(c) for c in report.convoys] == [
        {"origin": "Harasta", "destination": "Idlib", "buses": (20, EXACT), "people": (1043, EXACT),
         "sources": ("SANA",)},
        {"origin": "Harasta", "people": (1100, EXACT), "sources": ("SOHR",)},
    ]
    assert figures(report) == [(FigureKind.REMAINING, 70000, ABOUT), (FigureKind.KILLED, 46, EXACT)]
    assert EventKind.AGREEMENT in {e.kind for e in report.events}


def test_a_scan_past_its_time_limit_stops_the_parse_with_a_parse_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from ghouta_events._text import _patterns

    monkeypatch.setattr(_patterns, "PATTERN_TIMEOUT", 1e-9)
    text = "Twelve buses left the town of Douma for the north on Monday, a monitor said. " * 4000
    with pytest.raises(ParseError) as caught:
        parse(text, report_id="slow")
    message = str(caught.value)
    assert "report 'slow'" in message
    assert "time limit" in message
    assert "line 1, characters 0-60" in message
    assert isinstance(caught.value.__cause__, TimeoutError)
    assert isinstance(caught.value, GhoutaEventsError)
