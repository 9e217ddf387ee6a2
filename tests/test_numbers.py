"""The number layer: what find_numbers finds in a text, what it reads each number as, and what sort it is.

Every sentence here is made up for the test; the tables are grouped by phenomenon.
"""

from __future__ import annotations

import doctest
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from linear import assert_linear

from ghouta_events import Qualifier
from ghouta_events._text import _numbers
from ghouta_events._text._numbers import (
    _ARABIC_DIGITS,
    RE_NOT_DIGIT,
    NumberMention,
    NumberRole,
    _ascii_digits,
    find_numbers,
)


def _text_of(text: str, mention: NumberMention) -> tuple[str, str]:
    """What a mention's span and number span cover."""
    return text[mention.span.start : mention.span.end], text[mention.number_span.start : mention.number_span.end]


def _at(text: str, written: str) -> NumberMention:
    """The one mention in ``text`` whose number is written ``written``."""
    found = [m for m in find_numbers(text) if _text_of(text, m)[1] == written]
    assert len(found) == 1, f"{written!r} in {text!r}: {find_numbers(text)}"
    return found[0]


def _check_invariants(text: str, mentions: list[NumberMention]) -> None:
    """What holds of the mentions of any text: inside it, in order, apart, and consistent."""
    previous_end = 0
    for index, mention in enumerate(mentions):
        span, number = mention.span, mention.number_span
        assert 0 <= span.start <= number.start <= number.end <= span.end <= len(text)
        assert number.start < number.end
        assert span.start >= previous_end, "mentions overlap or are out of order"
        previous_end = span.end
        if mention.vague:
            assert mention.value is None
            assert mention.low is not None
            assert mention.high is None or mention.low <= mention.high
        else:
            assert mention.low is None
            assert mention.high is None
        if mention.range_with is not None:
            other = mentions[mention.range_with]
            assert other.range_with == index
            assert mention.role is other.role
            low, high = sorted((index, mention.range_with))
            assert mentions[low].qualifier is Qualifier.AT_LEAST
            assert mentions[high].qualifier is Qualifier.UP_TO


# --- Plain digits ---------------------------------------------------------------------------------------------------

PLAIN_DIGITS = [
    pytest.param("Witnesses counted 46 buses at the crossing.", "46", 46, id="two-digits"),
    pytest.param("A column of 212 vehicles waited overnight near the town.", "212", 212, id="three-digits"),
    pytest.param("Officials said 6104 people had registered at the shelter.", "6104", 6104, id="four-no-separator"),
    pytest.param("The tally of departures rose to 38552 by the evening.", "38552", 38552, id="five-no-separator"),
    pytest.param("Rescuers found 9 survivors under the collapsed roof.", "9", 9, id="one-digit"),
    pytest.param("٤٧ buses crossed the checkpoint.", "٤٧", 47, id="arabic-indic"),
    pytest.param("The convoy carried ۱۲۸ families north.", "۱۲۸", 128, id="extended-arabic-indic"),
    pytest.param("The 2150 evacuees were registered.", "2150", 2150, id="four-digits-above-years"),
]


@pytest.mark.parametrize(("text", "written", "value"), PLAIN_DIGITS)
def test_plain_digits(text: str, written: str, value: int) -> None:
    mention = _at(text, written)
    assert mention.value == value
    assert mention.role is NumberRole.COUNT
    assert mention.qualifier is Qualifier.EXACT
    assert not mention.vague
    assert (mention.low, mention.high) == (None, None)
    assert mention.span == mention.number_span


# --- Thousands separators -----------------------------------------------------------------------------------------

SEPARATORS = [
    pytest.param("The army said 1,250 fighters surrendered.", "1,250", 1250, id="comma"),
    pytest.param("The monitor counted 104,300 residents in the enclave.", "104,300", 104300, id="comma-six-digits"),
    pytest.param("Aid groups said 2,500,000 people needed help.", "2,500,000", 2500000, id="comma-millions"),
    pytest.param("The agency listed 42 310 evacuees from the district.", "42 310", 42310, id="space"),
    pytest.param("The agency listed 12\u00a0480 evacuees.", "12\u00a0480", 12480, id="no-break-space"),
    pytest.param("Volunteers fed 3\u2009750 people.", "3\u2009750", 3750, id="thin-space"),
    pytest.param("Volunteers fed 8\u202f200 civilians.", "8\u202f200", 8200, id="narrow-no-break-space"),
    pytest.param("A census found 1 204 500 residents.", "1 204 500", 1204500, id="space-millions"),
    pytest.param("Officials counted ١٬٢٥٠ people.", "١٬٢٥٠", 1250, id="arabic-thousands-separator"),
    pytest.param("The ministry said 1.250.000 people left.", "1.250.000", 1250000, id="points-two-groups"),
    pytest.param("Sources said 2.400 people crossed.", "2.400", 2400, id="point-one-group-in-a-count"),
]


@pytest.mark.parametrize(("text", "written", "value"), SEPARATORS)
def test_separators(text: str, written: str, value: int) -> None:
    mention = _at(text, written)
    assert mention.value == value
    assert mention.role is NumberRole.COUNT


# A separator in the wrong place ("3,5000": the digits are the number) and a footnote digit glued to a round
# number ("12,0004": the number is 12,000, the 4 is the note) are read as what was meant.
MISWRITTEN = [
    pytest.param("Relief groups said 3,5000 people were stranded.", "3,5000", 35000, id="misplaced-separator"),
    pytest.param("Officials put the number at 4,2000 evacuees.", "4,2000", 42000, id="misplaced-separator-2"),
    pytest.param("The monitor listed 12,3450 residents.", "12,3450", 123450, id="misplaced-separator-3"),
    pytest.param("About 12,0004 civilians fled, the agency said.", "12,000", 12000, id="footnote-digit"),
    pytest.param("The report counted 7,5002 residents in the camp.", "7,500", 7500, id="footnote-digit-2"),
    pytest.param("A total of 150,0003 people were registered.", "150,000", 150000, id="footnote-digit-3"),
]


@pytest.mark.parametrize(("text", "written", "value"), MISWRITTEN)
def test_miswritten_separators(text: str, written: str, value: int) -> None:
    mention = _at(text, written)
    assert mention.value == value
    assert mention.role is NumberRole.COUNT
    _check_invariants(text, find_numbers(text))


NOT_JOINED = [
    pytest.param("On March 9 300 fighters left the town.", [("9", 9), ("300", 300)], id="day-then-count"),
    pytest.param("Buses left on 14 March 2018 at dawn.", [("14", 14), ("2018", 2018)], id="day-month-year"),
    pytest.param("Buses left on March 14 2018 at dawn.", [("14", 14), ("2018", 2018)], id="month-day-year"),
    pytest.param("In 2016 300 fighters left the district.", [("2016", 2016), ("300", 300)], id="year-then-count"),
    pytest.param("The buses, 17, 45 and 60, waited.", [("17", 17), ("45", 45), ("60", 60)], id="comma-space-list"),
    pytest.param("Teams of 1,25 people", [("1", 1)], id="comma-not-three-digits"),
    pytest.param("Talks began on March 23,2010 in the capital.", [("23", 23)],
                 id="day-comma-year-not-a-misplaced-separator"),
    pytest.param("Talks began on March 4,2001 in the capital.", [("4", 4)],
                 id="day-comma-year-not-a-footnote"),
]


@pytest.mark.parametrize(("text", "expected"), NOT_JOINED)
def test_numbers_not_joined(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(_text_of(text, m)[1], m.value) for m in find_numbers(text)] == expected


# --- Scaled numbers -----------------------------------------------------------------------------------------------

SCALED = [
    pytest.param("Overall 87,4 thousand people have left.", "87,4 thousand", 87400, id="decimal-comma-thousand"),
    pytest.param("Nearby, 4.25 thousand residents stayed.", "4.25 thousand", 4250, id="decimal-point-thousand"),
    pytest.param("Aid reached 2.3 million refugees.", "2.3 million", 2300000, id="decimal-million"),
    pytest.param("Officials put it at 240 thousand displaced.", "240 thousand", 240000, id="digits-thousand"),
    pytest.param("The camp holds 50 thousand people.", "50 thousand", 50000, id="round-thousand"),
    pytest.param("The convoy needed 3 dozen trucks.", "3 dozen", 36, id="digits-dozen"),
    pytest.param("The census gave 1.5bn as the total.", "1.5bn", 1500000000, id="glued-bn"),
    pytest.param("About ٥٫٤ million had fled.", "٥٫٤ million", 5400000, id="arabic-decimal-separator"),
    pytest.param("A total of 12 Thousand left.", "12 Thousand", 12000, id="title-case-scale"),
]


@pytest.mark.parametrize(("text", "written", "value"), SCALED)
def test_scaled_numbers(text: str, written: str, value: int) -> None:
    mention = _at(text, written)
    assert mention.value == value
    assert mention.role is NumberRole.COUNT


# --- Number words -------------------------------------------------------------------------------------------------

WORDS = [
    pytest.param("Nineteen buses crossed before noon.", "Nineteen", 19, id="title-teen"),
    pytest.param("Eleven ambulances followed the convoy.", "Eleven", 11, id="eleven"),
    pytest.param("The rebels freed seven hostages.", "seven", 7, id="unit"),
    pytest.param("Officials expect Six-thousand people to leave.", "Six-thousand", 6000, id="hyphen-thousand"),
    pytest.param("The group handed over forty-two prisoners.", "forty-two", 42, id="hyphen-compound"),
    pytest.param("Guards searched thirty one families.", "thirty one", 31, id="space-compound"),
    pytest.param("Witnesses saw a dozen buses.", "a dozen", 12, id="a-dozen"),
    pytest.param("Drivers brought three dozen trucks.", "three dozen", 36, id="three-dozen"),
    pytest.param("Medics treated half a dozen children.", "half a dozen", 6, id="half-a-dozen"),
    pytest.param("The shelter took in a hundred families.", "a hundred", 100, id="a-hundred"),
    pytest.param("The list had two hundred and fifty names.", "two hundred and fifty", 250, id="hundred-and"),
    pytest.param("Nearly a thousand civilians queued.", "a thousand", 1000, id="a-thousand"),
    pytest.param("Two Thousand Fighters Quit Town", "Two Thousand", 2000, id="headline-title-case"),
    pytest.param("SEVENTEEN BUSES LEAVE", "SEVENTEEN", 17, id="capitals"),
    pytest.param("It cost half a million to rebuild the clinic.", "half a million", 500000, id="half-a-million"),
    pytest.param("The tally stood at one thousand two hundred.", "one thousand two hundred", 1200, id="thousand-tail"),
    pytest.param("They estimate three million four hundred thousand.", "three million four hundred thousand",
                 3400000, id="million-and-thousands"),
    pytest.param("The list had one hundred and five names.", "one hundred and five", 105, id="one-hundred-and-five"),
    pytest.param("The twenty-one buses were full.", "twenty-one", 21, id="one-inside-compound"),
    pytest.param("Only one bus left the town that night.", "one", 1, id="one-before-a-counted-noun"),
    pytest.param("One child was killed in the shelling.", "One", 1, id="one-child"),
    pytest.param("Medics said one fighter was wounded.", "one", 1, id="one-fighter"),
]


@pytest.mark.parametrize(("text", "written", "value"), WORDS)
def test_number_words(text: str, written: str, value: int) -> None:
    mention = _at(text, written)
    assert mention.value == value
    assert mention.role is NumberRole.COUNT
    assert not mention.vague


NO_NUMBER = [
    pytest.param("One of the convoys stalled at the bridge.", id="one-of-the"),
    pytest.param("They left one day later.", id="one-day"),
    pytest.param("It was a one-time payment to the drivers.", id="one-time"),
    pytest.param("No one was allowed to leave.", id="no-one"),
    pytest.param("The one who drove stayed behind.", id="one-who"),
    pytest.param("They helped one another across the bridge.", id="one-another"),
    pytest.param("Members of one family died in the blast.", id="one-family-is-no-person"),
    pytest.param("Each tent sheltered one household from the village.", id="one-household"),
    pytest.param("Some of the gunmen stayed home.", id="some-of-the"),
    pytest.param("Several of them stayed behind.", id="several-of"),
    pytest.param("Several were hurt in the shelling.", id="several-alone"),
    pytest.param("The football scores were announced.", id="scores-without-of"),
    pytest.param("More than ever, the town was quiet.", id="hedge-without-number"),
    pytest.param("The March deal held; buses left in May.", id="months-alone"),
]


@pytest.mark.parametrize("text", NO_NUMBER)
def test_no_number(text: str) -> None:
    assert find_numbers(text) == []


# --- Hedges -------------------------------------------------------------------------------------------------------

HEDGES = [
    *(pytest.param(hedge, Qualifier.MORE_THAN, id=hedge) for hedge in (
        "more than", "over", "above", "upwards of", "in excess of", "surpassed", "exceeded", "exceeding",
        "more-than", "More Than", "well over", "just over", "a little more than",
    )),
    *(pytest.param(hedge, Qualifier.AT_LEAST, id=hedge) for hedge in (
        "at least", "AT LEAST", "no fewer than", "no less than", "a minimum of",
    )),
    *(pytest.param(hedge, Qualifier.ABOUT, id=hedge) for hedge in (
        "about", "around", "some", "approximately", "roughly", "an estimated", "estimated", "nearly", "almost",
        "close to", "approx.", "circa", "an approximate", "About",
    )),
    *(pytest.param(hedge, Qualifier.UP_TO, id=hedge) for hedge in ("as many as", "up to", "no more than")),
    *(pytest.param(hedge, Qualifier.LESS_THAN, id=hedge) for hedge in (
        "less than", "fewer than", "under", "below", "just under",
    )),
    *(pytest.param(hedge, Qualifier.EXACT, id=hedge) for hedge in ("a total of", "a further", "another")),
]


@pytest.mark.parametrize(("hedge", "qualifier"), HEDGES)
def test_hedges(hedge: str, qualifier: Qualifier) -> None:
    text = f"Officials said {hedge} 4,400 fighters left the town."
    mention = _at(text, "4,400")
    assert mention.qualifier is qualifier
    assert mention.value == 4400
    assert _text_of(text, mention) == (f"{hedge} 4,400", "4,400")


HEDGED_PHRASES = [
    pytest.param("Estimated Three Thousand Gunmen Quit Harasta", "Three Thousand", Qualifier.ABOUT,
                 "Estimated Three Thousand", 3000, id="headline-estimated"),
    pytest.param("Well over a dozen trucks waited.", "a dozen", Qualifier.MORE_THAN, "Well over a dozen", 12,
                 id="hedged-words"),
    pytest.param("Twelve buses with 640+ gunmen left.", "640", Qualifier.MORE_THAN, "640+", 640, id="plus-sign"),
    pytest.param("Reports put it at about\n7,200 people.", "7,200", Qualifier.ABOUT, "about\n7,200", 7200,
                 id="across-line-break"),
    pytest.param("They said more than $3 million was pledged.", "3 million", Qualifier.MORE_THAN,
                 "more than $3 million", 3000000, id="hedge-then-currency"),
    pytest.param("The toll has surpassed 12,300.", "12,300", Qualifier.MORE_THAN, "surpassed 12,300", 12300,
                 id="verb-hedge"),
    pytest.param("Rescuers found more than the 300 they expected.", "300", Qualifier.EXACT, "300", 300,
                 id="the-between-hedge-and-number"),
    pytest.param("Buses ran over three days.", "three", Qualifier.EXACT, "three", 3, id="over-a-duration"),
    pytest.param("The war began more than six years ago.", "six", Qualifier.MORE_THAN, "more than six", 6,
                 id="more-than-a-duration"),
    pytest.param("Crowds gathered around 1500 GMT.", "1500", Qualifier.ABOUT, "around 1500", 1500,
                 id="about-a-time"),
    pytest.param("Fighting resumed after 2014 ended.", "2014", Qualifier.EXACT, "2014", 2014, id="after-not-a-hedge"),
]


@pytest.mark.parametrize(("text", "written", "qualifier", "span", "value"), HEDGED_PHRASES)
def test_hedged_phrases(text: str, written: str, qualifier: Qualifier, span: str, value: int) -> None:
    mention = _at(text, written)
    assert mention.qualifier is qualifier
    assert _text_of(text, mention)[0] == span
    assert mention.value == value


# --- Ranges -------------------------------------------------------------------------------------------------------

RANGES = [
    pytest.param("Aid workers think 16,000 to 19,000 people are trapped.", "16,000", "19,000", 16000, 19000,
                 NumberRole.COUNT, "16,000", id="to"),
    pytest.param("Between 300 and 400 fighters boarded.", "300", "400", 300, 400, NumberRole.COUNT,
                 "Between 300", id="between-and"),
    pytest.param("Some 21,000-24,000 people fled.", "21,000", "24,000", 21000, 24000, NumberRole.COUNT,
                 "Some 21,000", id="hyphen"),
    pytest.param("A further 21,000 – 24,000 people fled.", "21,000", "24,000", 21000, 24000, NumberRole.COUNT,
                 "A further 21,000", id="spaced-en-dash"),
    pytest.param("They expect 12 to 15 thousand evacuees.", "12", "15 thousand", 12000, 15000,
                 NumberRole.COUNT, "12", id="shared-scale"),
    pytest.param("They expect two to three thousand evacuees.", "two", "three thousand", 2000, 3000,
                 NumberRole.COUNT, "two", id="shared-scale-words"),
    pytest.param("Prices rose 10-15 percent in a week.", "10", "15", 10, 15, NumberRole.PERCENT, "10",
                 id="percent"),
    pytest.param("Talks ran on March 11-13 in the capital.", "11", "13", 11, 13, NumberRole.DATE_DAY, "11",
                 id="days"),
    pytest.param("The siege lasted from late 2012 until between 2013 and 2014.", "2013", "2014", 2013, 2014,
                 NumberRole.YEAR, "between 2013", id="years"),
    pytest.param("Donors pledged $3-4 million.", "3", "4 million", 3000000, 4000000, NumberRole.MONEY, "$3",
                 id="money"),
    pytest.param("Anywhere from 4,000 to 6,000 people remain in the town.", "4,000", "6,000", 4000, 6000,
                 NumberRole.COUNT, "4,000", id="from-to"),
    pytest.param("From 300 to 400 fighters are expected to leave.", "300", "400", 300, 400, NumberRole.COUNT,
                 "300", id="from-to-leading"),
    pytest.param("Estimates range from 2,000 to 2,500 civilians.", "2,000", "2,500", 2000, 2500,
                 NumberRole.COUNT, "2,000", id="range-from-to"),
]


@pytest.mark.parametrize(("text", "low", "high", "low_value", "high_value", "role", "low_span"), RANGES)
def test_ranges(text: str, low: str, high: str, low_value: int, high_value: int, role: NumberRole,
                low_span: str) -> None:
    mentions = find_numbers(text)
    first, second = _at(text, low), _at(text, high)
    assert (first.value, second.value) == (low_value, high_value)
    assert (first.qualifier, second.qualifier) == (Qualifier.AT_LEAST, Qualifier.UP_TO)
    assert (first.role, second.role) == (role, role)
    assert mentions[first.range_with or 0] == second
    assert mentions[second.range_with or 0] == first
    assert _text_of(text, first)[0] == low_span
    assert _text_of(text, second)[0] == high
    _check_invariants(text, mentions)


NOT_RANGES = [
    pytest.param("The count went from 300 to 400 fighters.", id="from-to-is-a-change"),
    pytest.param("The toll rose from 40 to 60 overnight.", id="rose-from-to"),
    pytest.param("Arrivals fell from 900 to 700 in a week.", id="fell-from-to"),
    pytest.param("The number of evacuees has increased from 1,200 to 1,900.", id="increased-from-to"),
    pytest.param("Published April 3, 2018 - 10:15 GMT", id="year-dash-time"),
    pytest.param("On April 2 - 1,300 people left.", id="day-dash-count"),
    pytest.param("The number fell 500 to 400 overnight.", id="low-above-high"),
    pytest.param("Between 300 gunmen and their relatives left.", id="between-without-and-number"),
    pytest.param("The 18,000 up to 20,000 estimate was revised.", id="hedged-high-end"),
]


@pytest.mark.parametrize("text", NOT_RANGES)
def test_not_ranges(text: str) -> None:
    mentions = find_numbers(text)
    assert mentions
    assert all(m.range_with is None for m in mentions)
    assert all(m.qualifier is not Qualifier.AT_LEAST for m in mentions)


def test_between_is_dropped_without_a_range() -> None:
    text = "Between 300 gunmen and their relatives left."
    mention = _at(text, "300")
    assert mention.qualifier is Qualifier.EXACT
    assert _text_of(text, mention)[0] == "300"


# --- Vague amounts ------------------------------------------------------------------------------------------------

VAGUE = [
    pytest.param("Hundreds of families queued.", "Hundreds", 200, 999, NumberRole.COUNT, id="hundreds"),
    pytest.param("Buses took several hundred gunmen north.", "several hundred", 200, 999, NumberRole.COUNT,
                 id="several-hundred"),
    pytest.param("Thousands of residents fled.", "Thousands", 2000, 9999, NumberRole.COUNT, id="thousands"),
    pytest.param("Tens of thousands waited at the crossings.", "Tens of thousands", 20000, 99999, NumberRole.COUNT,
                 id="tens-of-thousands"),
    pytest.param("The region once held hundreds of thousands.", "hundreds of thousands", 200000, 999999,
                 NumberRole.COUNT, id="hundreds-of-thousands"),
    pytest.param("Dozens of buses lined the road.", "Dozens", 24, 99, NumberRole.COUNT, id="dozens"),
    pytest.param("Scores of wounded arrived.", "Scores", 40, None, NumberRole.COUNT, id="scores-of"),
    pytest.param("A few buses broke down.", "A few", 2, None, NumberRole.COUNT, id="a-few"),
    pytest.param("Several buses broke down.", "Several", 3, None, NumberRole.COUNT, id="several-plural"),
    pytest.param("Several Syrian rebels surrendered.", "Several", 3, None, NumberRole.COUNT,
                 id="several-adjective-plural"),
    pytest.param("Millions of people lost their homes.", "Millions", 2000000, 999999999, NumberRole.COUNT,
                 id="millions"),
    pytest.param("A few thousand people stayed.", "A few thousand", 2000, 9999, NumberRole.COUNT,
                 id="a-few-thousand"),
    pytest.param("The crossing stayed shut for several hours.", "several", 3, None, NumberRole.DURATION,
                 id="several-hours"),
    pytest.param("Talks stalled a few days ago.", "a few", 2, None, NumberRole.DURATION, id="a-few-days"),
    pytest.param("Families walked dozens of kilometres.", "dozens", 24, 99, NumberRole.DISTANCE,
                 id="dozens-of-kilometres"),
    pytest.param("It cost thousands of dollars.", "thousands", 2000, 9999, NumberRole.MONEY,
                 id="thousands-of-dollars"),
]


@pytest.mark.parametrize(("text", "written", "low", "high", "role"), VAGUE)
def test_vague_amounts(text: str, written: str, low: int, high: int | None, role: NumberRole) -> None:
    mention = _at(text, written)
    assert mention.vague
    assert mention.value is None
    assert (mention.low, mention.high) == (low, high)
    assert mention.role is role


def test_vague_amounts_take_hedges() -> None:
    text = "They said more than a few hundred people left."
    mention = _at(text, "a few hundred")
    assert mention.qualifier is Qualifier.MORE_THAN
    assert (mention.low, mention.high) == (200, 999)


NOT_VAGUE = [
    pytest.param("A dozen buses arrived.", "A dozen", 12, id="a-dozen"),
    pytest.param("A hundred families arrived.", "A hundred", 100, id="a-hundred"),
    pytest.param("A thousand families arrived.", "A thousand", 1000, id="a-thousand"),
]


@pytest.mark.parametrize(("text", "written", "value"), NOT_VAGUE)
def test_not_vague(text: str, written: str, value: int) -> None:
    mention = _at(text, written)
    assert not mention.vague
    assert mention.value == value
    assert (mention.low, mention.high) == (None, None)


# --- Numbers that are not counts ----------------------------------------------------------------------------------

ROLES = [
    # Years.
    pytest.param("The blockade tightened in 2013.", "2013", NumberRole.YEAR, 2013, id="year-in"),
    pytest.param("It has been shelled since 2012.", "2012", NumberRole.YEAR, 2012, id="year-since"),
    pytest.param("The 2016 agreement collapsed.", "2016", NumberRole.YEAR, 2016, id="year-adjective"),
    pytest.param("In 2017 rebels withdrew from the area.", "2017", NumberRole.YEAR, 2017,
                 id="year-before-a-noun-after-in"),
    pytest.param("Fighting flared in mid-2017 again.", "2017", NumberRole.YEAR, 2017, id="year-mid"),
    pytest.param("Many fled in the 1980s.", "1980", NumberRole.YEAR, 1980, id="decade"),
    pytest.param("Talks resumed in September 2017.", "2017", NumberRole.YEAR, 2017, id="year-after-month"),
    pytest.param("After 2000 people fled, the town emptied.", "2000", NumberRole.COUNT, 2000,
                 id="year-shaped-count"),
    pytest.param("About 2000 fled the town.", "2000", NumberRole.COUNT, 2000, id="hedged-year-shape-is-a-count"),
    # Days of the month.
    pytest.param("Buses left on March 27.", "27", NumberRole.DATE_DAY, 27, id="month-day"),
    pytest.param("Buses left on 27 March.", "27", NumberRole.DATE_DAY, 27, id="day-month"),
    pytest.param("Shelling has not stopped since Feb. 21.", "21", NumberRole.DATE_DAY, 21, id="abbreviated-month"),
    pytest.param("The deal was signed on Sept. 3.", "3", NumberRole.DATE_DAY, 3, id="sept"),
    pytest.param("The convoy left on April 13th.", "13th", NumberRole.DATE_DAY, 13, id="month-ordinal"),
    pytest.param("The convoy left on the 13th of April.", "13th", NumberRole.DATE_DAY, 13, id="ordinal-of-month"),
    pytest.param("CONVOY LEAVES ON JUNE 5", "5", NumberRole.DATE_DAY, 5, id="capital-month"),
    pytest.param("Dated 9 Friday Mar 2018.", "9", NumberRole.DATE_DAY, 9, id="day-weekday-month"),
    # Times.
    pytest.param("The gates opened at 1300 GMT.", "1300", NumberRole.TIME, 1300, id="gmt"),
    pytest.param("They left at 5:30 pm.", "5:30", NumberRole.TIME, None, id="colon-pm"),
    pytest.param("Updated 10:25 P.M.", "10:25", NumberRole.TIME, None, id="colon-dotted-pm"),
    pytest.param("Filed 09:52 GMT", "09:52", NumberRole.TIME, None, id="colon-gmt"),
    pytest.param("They met at 9 am.", "9", NumberRole.TIME, 9, id="am"),
    pytest.param("They met at 9pm.", "9", NumberRole.TIME, 9, id="glued-pm"),
    pytest.param("The curfew starts at 0600 hrs.", "0600", NumberRole.TIME, 600, id="hrs"),
    # Percentages.
    pytest.param("Rebels hold 12 percent of the district.", "12", NumberRole.PERCENT, 12, id="percent"),
    pytest.param("Prices rose 85% in a month.", "85", NumberRole.PERCENT, 85, id="percent-sign"),
    pytest.param("Prices rose 85 per cent in a month.", "85", NumberRole.PERCENT, 85, id="per-cent"),
    pytest.param("Turnout fell 2.5 percent.", "2.5", NumberRole.PERCENT, None, id="decimal-percent"),
    # Ordinals.
    pytest.param("The 14th convoy reached the north.", "14th", NumberRole.ORDINAL, 14, id="14th"),
    pytest.param("The 8th batch left.", "8th", NumberRole.ORDINAL, 8, id="8th"),
    pytest.param("A 1st group and a 2nd group left.", "2nd", NumberRole.ORDINAL, 2, id="2nd"),
    pytest.param("A second group of buses followed.", "second", NumberRole.ORDINAL, 2, id="second"),
    pytest.param("The first buses arrived.", "first", NumberRole.ORDINAL, 1, id="first"),
    pytest.param("The third stage began.", "third", NumberRole.ORDINAL, 3, id="third"),
    pytest.param("The twenty-first convoy left.", "twenty-first", NumberRole.ORDINAL, 21, id="twenty-first"),
    pytest.param("The second-largest faction signed.", "second", NumberRole.ORDINAL, 2, id="ordinal-compound"),
    pytest.param("Its third-biggest town emptied.", "third", NumberRole.ORDINAL, 3, id="ordinal-compound-superlative"),
    pytest.param("A fifth-floor flat was hit.", "fifth", NumberRole.ORDINAL, 5, id="ordinal-compound-noun"),
    pytest.param("The 2nd-largest camp filled.", "2nd", NumberRole.ORDINAL, 2, id="ordinal-digits-compound"),
    # Distances.
    pytest.param("They drove 280km north.", "280", NumberRole.DISTANCE, 280, id="glued-km"),
    pytest.param("They drove 150 miles north.", "150", NumberRole.DISTANCE, 150, id="miles"),
    pytest.param("The camp is 5 kilometres away.", "5", NumberRole.DISTANCE, 5, id="kilometres"),
    pytest.param("A 20-kilometre road links them.", "20", NumberRole.DISTANCE, 20, id="hyphen-kilometre"),
    # Money.
    pytest.param("Donors gave $6 million.", "6 million", NumberRole.MONEY, 6000000, id="dollar-sign-million"),
    pytest.param("Donors gave 6 million dollars.", "6 million", NumberRole.MONEY, 6000000, id="million-dollars"),
    pytest.param("Each family got USD 300.", "300", NumberRole.MONEY, 300, id="usd-code"),
    pytest.param("Bread costs £20 there.", "20", NumberRole.MONEY, 20, id="pound-sign"),
    pytest.param("Rent was €15 a day.", "15", NumberRole.MONEY, 15, id="euro-sign"),
    pytest.param("Fuel cost US$ 40 a litre.", "40", NumberRole.MONEY, 40, id="us-dollar"),
    pytest.param("The plan costs $2bn.", "2bn", NumberRole.MONEY, 2000000000, id="dollar-bn"),
    pytest.param("The plan costs $7m.", "7m", NumberRole.MONEY, 7000000, id="dollar-m"),
    pytest.param("A loaf costs 300 Syrian pounds.", "300", NumberRole.MONEY, 300, id="syrian-pounds"),
    # Ages.
    pytest.param("Khaled, 34, said he would stay.", "34", NumberRole.AGE, 34, id="name-comma"),
    pytest.param("A 12-year-old girl was hurt.", "12", NumberRole.AGE, 12, id="year-old"),
    pytest.param("A man aged 20 was detained.", "20", NumberRole.AGE, 20, id="aged"),
    pytest.param("Ahmad (17) was released.", "17", NumberRole.AGE, 17, id="name-brackets"),
    pytest.param("He is 20 years old.", "20", NumberRole.AGE, 20, id="years-old"),
    # Durations.
    pytest.param("After eight years of conflict, the town fell.", "eight", NumberRole.DURATION, 8, id="years"),
    pytest.param("The siege lasted five years.", "five", NumberRole.DURATION, 5, id="five-years"),
    pytest.param("Talks took three days.", "three", NumberRole.DURATION, 3, id="days"),
    pytest.param("The seven-year war shaped the town.", "seven", NumberRole.DURATION, 7, id="hyphen-year"),
    pytest.param("The truce held for 24 hours.", "24", NumberRole.DURATION, 24, id="hours"),
    pytest.param("A 4 min read.", "4", NumberRole.DURATION, 4, id="min"),
    # Other.
    pytest.param("Resolution 2254 was cited.", "2254", NumberRole.OTHER, 2254, id="resolution"),
    pytest.param("Decree No. 10 was issued.", "10", NumberRole.OTHER, 10, id="number-sign"),
    pytest.param("COVID-19 reached the camps.", "19", NumberRole.OTHER, 19, id="covid"),
    pytest.param("An A320 landed.", "320", NumberRole.OTHER, 320, id="model-code"),
    pytest.param("Follow #Douma2018 for updates.", "2018", NumberRole.OTHER, 2018, id="hashtag"),
    pytest.param("They fired 120mm mortars.", "120", NumberRole.OTHER, 120, id="calibre"),
    pytest.param("Trucks brought 500 tonnes of flour.", "500", NumberRole.OTHER, 500, id="tonnes"),
    pytest.param("Rebels held two-thirds of the town.", "two", NumberRole.OTHER, 2, id="fraction"),
    pytest.param("Room 007 was locked.", "007", NumberRole.OTHER, 7, id="leading-zero"),
    pytest.param("Filed 2016-12-15, the bulletin named no one.", "15", NumberRole.OTHER, 15, id="iso-date-day"),
    pytest.param("Filed 2016-12-15, the bulletin named no one.", "12", NumberRole.OTHER, 12,
                 id="iso-date-month-no-range"),
    pytest.param("Posted 2017-09-30: 45 people left.", "30", NumberRole.OTHER, 30, id="iso-date-zero-led-month"),
    # Counts that look like something else.
    pytest.param("A 42-bus convoy waited.", "42", NumberRole.COUNT, 42, id="number-hyphen-noun"),
    pytest.param("A 3,000-strong force moved in.", "3,000", NumberRole.COUNT, 3000, id="strong"),
    pytest.param("Her two sons were evacuated.", "two", NumberRole.COUNT, 2, id="two-sons"),
    pytest.param("They counted 981people at dawn.", "981", NumberRole.COUNT, 981, id="glued-count-noun"),
]


@pytest.mark.parametrize(("text", "written", "role", "value"), ROLES)
def test_roles(text: str, written: str, role: NumberRole, value: int | None) -> None:
    mention = _at(text, written)
    assert mention.role is role
    assert mention.value == value


def test_telephone_number_is_other() -> None:
    text = "Call +963 11 2233 4455 for help."
    mentions = find_numbers(text)
    assert [_text_of(text, m)[1] for m in mentions] == ["963", "11", "2233", "4455"]
    assert all(m.role is NumberRole.OTHER for m in mentions)


def test_currency_sign_in_span_not_in_number_span() -> None:
    text = "Donors gave $6 million."
    assert _text_of(text, _at(text, "6 million")) == ("$6 million", "6 million")


# --- Robustness ---------------------------------------------------------------------------------------------------

ODD_TEXTS = [
    pytest.param("", id="empty"),
    pytest.param("   \t\n  ", id="white-space"),
    pytest.param("\x00\x01\x02\x1b[0m", id="control-characters"),
    pytest.param("غادرت ١٧ حافلة دوما", id="arabic-script"),
    pytest.param("🚌🚌 5 🚌 buses ✅", id="emoji"),
    pytest.param("\u0301\u0301 5\u0301 buses", id="lone-combining-marks"),
    pytest.param("\ud800 5 \udfff", id="lone-surrogates"),
    pytest.param("$$$$5 +5+ 1e5 0x1F ½ ²³ ٫٥ 1,2345 #1 No. US$", id="signs-and-fragments"),
    pytest.param("1" * 20000, id="very-long-digit-run"),
    pytest.param("1," * 5000, id="digits-and-commas"),
    pytest.param("between " * 200 + "and", id="between-without-numbers"),
    pytest.param("a " * 500 + "dozen", id="many-articles"),
    pytest.param("ſix buſes and ﬁve and \u212a", id="odd-case-folding"),
    pytest.param("12:34:56:78 1.2.3.4 2018/03/24 3:1", id="dotted-and-colons"),
]


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_odd_texts_never_raise(text: str) -> None:
    _check_invariants(text, find_numbers(text))


def test_long_digit_runs_have_no_value() -> None:
    text = "ID 1234567890123456789012 logged."
    mention = _at(text, "1234567890123456789012")
    assert mention.value is None


_NUMBER_PHRASES = [
    "more than 2,300", "about 6,800", "640+", "16,000 to 19,000", "between 300 and 400", "42 310",
    "87,4 thousand", "4.25 thousand", "2.3 million", "Nineteen", "six-thousand", "a dozen", "two dozen",
    "one hundred and twenty", "hundreds", "tens of thousands", "several buses", "a few", "March 27", "27 March",
    "1300 GMT", "5:30 pm", "12 percent", "85%", "14th", "second", "280km", "$6 million", "USD 300", "aged 20",
    "eight years", "Resolution 2254", "COVID-19", "in 2012", "٣٤", "١٬٢٥٠", "12\u00a0480", "over three days",
    "the 42-bus convoy", "Khaled, 34,", "1.250.000", "some", "one", "a", "half a", "No.", "-", "+", "$",
]
_NOISE_WORDS = ["buses", "fighters", "left", "Douma", "the", "of", "and", "to", ",", ".", "(", ")", "\n", "—"]
_SEPARATORS_ST = st.sampled_from([" ", "", "\n", ", ", "-", "\u00a0", " to ", " and ", "/", ":", "."])
_PIECES = st.one_of(
    st.sampled_from(_NUMBER_PHRASES),
    st.sampled_from(_NOISE_WORDS),
    st.text(max_size=8),
    st.from_regex(r"[0-9]{1,7}([,. ][0-9]{1,4}){0,3}", fullmatch=True),
)
_TEXTS = st.lists(st.tuples(_PIECES, _SEPARATORS_ST), max_size=25).map(
    lambda parts: "".join(piece + separator for piece, separator in parts)
)


@given(_TEXTS)
@settings(max_examples=150, deadline=None)
def test_property_mixed_text(text: str) -> None:
    _check_invariants(text, find_numbers(text))


@given(st.text(max_size=200))
@settings(max_examples=200, deadline=None)
def test_property_any_text(text: str) -> None:
    _check_invariants(text, find_numbers(text))


# --- Linear time --------------------------------------------------------------------------------------------------


SCALING = [
    pytest.param(lambda k: "1" + ",234" * k, 33_334, 5, id="100k-digits-with-commas"),
    pytest.param(lambda k: "12,3456,78," * k, 10_000, 4, id="broken-digit-groups"),
    pytest.param(lambda k: "1" + " 000" * k, 50_000, 4, id="space-groups"),
    pytest.param(lambda k: "more than " * k, 25_000, 2, id="more-than-repeated-50k"),
    pytest.param(lambda k: "more than " * k + "5", 12_500, 3, id="more-than-repeated-then-number"),
    pytest.param(lambda k: ("over" + " " * 50) * k, 15_000, 3, id="hedges-and-blank-runs"),
    pytest.param(lambda k: "convoy buses left town and " * k, 92_600, 1, id="5mb-line-without-punctuation"),
    pytest.param(lambda k: "a" * k, 150_000, 3, id="one-long-word"),
    pytest.param(lambda k: "1 " * k, 1_000, 3, id="dense-numbers"),
    pytest.param(lambda k: "one hundred and " * k, 1_500, 3, id="number-words-repeated"),
    pytest.param(lambda k: "March 24 " * k, 800, 3, id="dates-repeated"),
    pytest.param(lambda k: "several " * k, 5_000, 3, id="several-repeated"),
]


@pytest.mark.parametrize(("make", "size", "repeats"), SCALING)
def test_time_grows_linearly(make: Callable[[int], str], size: int, repeats: int) -> None:
    assert_linear(find_numbers, make(size), make(2 * size), repeats, floor=1e-3)


# --- Documentation ------------------------------------------------------------------------------------------------


def test_docstring_examples() -> None:
    assert doctest.testmod(_numbers, raise_on_error=False).failed == 0


@settings(max_examples=400)
@given(text=st.text(st.sampled_from("0123456789,. \u00a0\u066b\u066c\u0660\u0669\u06f5x"), max_size=12))
def test_digits_of_a_number_are_its_decimal_digits_in_ascii(text: str) -> None:
    # The ASCII shortcut gives what dropping every non-digit after mapping Arabic digits gives.
    assert _ascii_digits(text) == RE_NOT_DIGIT.sub("", text.translate(_ARABIC_DIGITS))
