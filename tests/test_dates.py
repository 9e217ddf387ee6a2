"""The date layer: what find_dates finds in a text, how each mention resolves, and what find_anchor picks.

Every sentence here is made up for the test; the tables are grouped by phenomenon.
"""

from __future__ import annotations

import datetime as dt
import doctest
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from linear import assert_linear

from ghouta_events import DateBasis, DateRange, Precision, RecordError, Span
from ghouta_events._text import _dates
from ghouta_events._text._dates import RE_DATE, DateMention, find_anchor, find_dates

D = dt.date


def _check_invariants(text: str, mentions: list[DateMention]) -> None:
    """What holds of the mentions of any text: inside it, non-empty, in order and apart."""
    previous_end = 0
    for mention in mentions:
        assert previous_end <= mention.span.start < mention.span.end <= len(text)
        previous_end = mention.span.end


def _only(text: str) -> tuple[str, DateMention]:
    """The one mention in ``text``, and the words it covers."""
    found = find_dates(text)
    assert len(found) == 1, f"{text!r}: {found}"
    mention = found[0]
    return text[mention.span.start : mention.span.end], mention


def _excerpts(text: str) -> list[str]:
    """The words every mention in ``text`` covers."""
    return [text[m.span.start : m.span.end] for m in find_dates(text)]


# --- Full dates -----------------------------------------------------------------------------------------------------

ABSOLUTE = [
    pytest.param("The buses reached the camp on March 24, 2018, a monitor said.", "March 24, 2018", D(2018, 3, 24),
                 id="month-day-comma-year"),
    pytest.param("Shelling stopped on 24 March 2018 after midnight.", "24 March 2018", D(2018, 3, 24),
                 id="day-month-year"),
    pytest.param("A letter sent on Apr. 6, 2018 arrived late.", "Apr. 6, 2018", D(2018, 4, 6),
                 id="abbreviation-with-stop"),
    pytest.param("Updated April 12th, 2018 - 09:15 GMT", "April 12th, 2018", D(2018, 4, 12), id="ordinal-then-time"),
    pytest.param("Filed 5 April, 2018 by the desk.", "5 April, 2018", D(2018, 4, 5), id="day-month-comma-year"),
    pytest.param("Thursday, 15 March, 2018", "Thursday, 15 March, 2018", D(2018, 3, 15), id="weekday-before"),
    pytest.param("30 Friday Mar 2018", "30 Friday Mar 2018", D(2018, 3, 30), id="blog-style-weekday-inside"),
    pytest.param("Sat, 7 Apr 2018 10:00:00 GMT", "Sat, 7 Apr 2018", D(2018, 4, 7), id="feed-style"),
    pytest.param("The talks opened on the 2nd of April 2018.", "the 2nd of April 2018", D(2018, 4, 2),
                 id="the-ordinal-of-month"),
    pytest.param("MARCH 9, 2018: CONVOY ARRIVES", "MARCH 9, 2018", D(2018, 3, 9), id="capitals"),
    pytest.param("The deal of Sept. 2, 2017 still holds.", "Sept. 2, 2017", D(2017, 9, 2), id="sept-abbreviation"),
    pytest.param("Dated March 24,2018 in the margin.", "March 24,2018", D(2018, 3, 24), id="comma-without-space"),
    pytest.param("Released may 5, 2018 to the press.", "may 5, 2018", D(2018, 5, 5), id="lowercase-may-with-year"),
    pytest.param("Log entry 2018-04-07 shows the exit.", "2018-04-07", D(2018, 4, 7), id="iso"),
    pytest.param("Log entry 2018/04/07 shows the exit.", "2018/04/07", D(2018, 4, 7), id="iso-slashes"),
    pytest.param("Form dated 25/03/2018 was signed.", "25/03/2018", D(2018, 3, 25), id="numeric-day-over-12"),
    pytest.param("Form dated 03/25/2018 was signed.", "03/25/2018", D(2018, 3, 25), id="numeric-month-first"),
    pytest.param("Form dated 07/04/2018 was signed.", "07/04/2018", D(2018, 4, 7), id="numeric-ambiguous-day-first"),
    pytest.param("Form dated 7.4.2018 was signed.", "7.4.2018", D(2018, 4, 7), id="numeric-dots"),
]


@pytest.mark.parametrize(("text", "words", "day"), ABSOLUTE)
def test_absolute(text: str, words: str, day: dt.date) -> None:
    excerpt, mention = _only(text)
    assert excerpt == words
    assert mention.is_full()
    assert (mention.year, mention.month, mention.day) == (day.year, day.month, day.day)
    assert mention.resolve(None) == DateRange.day(day, basis=DateBasis.STATED)
    # A stated date ignores the anchor and the basis it is given.
    assert mention.resolve(D(2020, 1, 1), basis=DateBasis.DATELINE) == DateRange.day(day, basis=DateBasis.STATED)


def test_weekday_kept_with_full_date() -> None:
    _, mention = _only("Saturday, March 24, 2018")
    assert mention.weekday == 5
    assert mention.resolve(None) == DateRange.day(D(2018, 3, 24))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("On February 30, 2018 nothing happened.", id="february-30"),
        pytest.param("On 29 February 2018 nothing happened.", id="february-29-not-leap"),
        pytest.param("On April 31, 2018 nothing happened.", id="april-31"),
        pytest.param("Form dated 24/24/2018.", id="numeric-both-over-12"),
    ],
)
def test_impossible_dates_resolve_to_none(text: str) -> None:
    for mention in find_dates(text):
        assert mention.resolve(D(2018, 3, 1)) is None


# --- Day and month without a year -----------------------------------------------------------------------------------

DAY_MONTH = [
    pytest.param("Power has been cut since February 19, residents said.", "February 19", D(2018, 3, 20),
                 D(2018, 2, 19), id="since-month-day"),
    pytest.param("The corridor opened on 9 March.", "9 March", D(2018, 3, 12), D(2018, 3, 9), id="day-month"),
    pytest.param("Talks began on Feb. 21 in the capital.", "Feb. 21", D(2018, 3, 12), D(2018, 2, 21),
                 id="abbreviation"),
    pytest.param("The first families left on the 15th of March.", "the 15th of March", D(2018, 3, 20),
                 D(2018, 3, 15), id="the-ordinal-of-month"),
    pytest.param("Saturday, March 24 was the busiest day.", "Saturday, March 24", D(2018, 3, 26), D(2018, 3, 24),
                 id="weekday-before"),
    pytest.param("On December 28 the first buses left.", "December 28", D(2018, 1, 5), D(2017, 12, 28),
                 id="previous-year-when-far-ahead"),
    pytest.param("Elections are set for July 20 this year.", "July 20", D(2018, 3, 1), D(2018, 7, 20),
                 id="same-year-when-near-ahead"),
    pytest.param("Another round is due May 5 in the capital.", "May 5", D(2018, 4, 20), D(2018, 5, 5), id="may"),
    pytest.param("Another round is due may 5 in the capital.", "may 5", D(2018, 4, 20), D(2018, 5, 5),
                 id="lowercase-may-before-day"),
    pytest.param("The leap-day raid on February 29 was reported.", "February 29", D(2020, 3, 10), D(2020, 2, 29),
                 id="leap-day"),
]


@pytest.mark.parametrize(("text", "words", "anchor", "day"), DAY_MONTH)
def test_day_month(text: str, words: str, anchor: dt.date, day: dt.date) -> None:
    excerpt, mention = _only(text)
    assert excerpt == words
    assert mention.year is None
    assert not mention.is_full()
    assert mention.resolve(anchor) == DateRange.day(day, basis=DateBasis.PUBLISHED)
    assert mention.resolve(anchor, basis=DateBasis.DATELINE) == DateRange.day(day, basis=DateBasis.DATELINE)
    assert mention.resolve(None) is None


def test_day_month_that_does_not_exist_in_the_anchor_year() -> None:
    _, mention = _only("The leap-day raid on February 29 was reported.")
    assert mention.resolve(D(2018, 3, 10)) is None


# --- Weekdays -------------------------------------------------------------------------------------------------------

MONDAY = D(2018, 3, 26)

WEEKDAYS = [
    pytest.param("Rebels left the town on Saturday.", "Saturday", 5, D(2018, 3, 24), id="on-weekday"),
    pytest.param("The talks collapsed late Sunday.", "late Sunday", 6, D(2018, 3, 25), id="late-weekday"),
    pytest.param("Buses were seen Saturday afternoon near the road.", "Saturday afternoon", 5, D(2018, 3, 24),
                 id="weekday-afternoon"),
    pytest.param("The lights went out on Thursday evening.", "Thursday evening", 3, D(2018, 3, 22),
                 id="weekday-evening"),
    pytest.param("Markets opened early on Friday morning.", "early on Friday morning", 4, D(2018, 3, 23),
                 id="early-on-weekday-morning"),
    pytest.param("Shots were heard late on Tuesday.", "late on Tuesday", 1, D(2018, 3, 20), id="late-on-weekday"),
    pytest.param("A spokesman spoke Wednesday about the road.", "Wednesday", 2, D(2018, 3, 21),
                 id="bare-after-verb"),
    pytest.param("A spokesman spoke Monday about the road.", "Monday", 0, MONDAY, id="anchor-weekday-is-anchor"),
    pytest.param("SUNDAY: SECOND CONVOY LEAVES", "SUNDAY", 6, D(2018, 3, 25), id="capitals"),
    pytest.param("Thursday's convoy was the largest.", "Thursday", 3, D(2018, 3, 22), id="possessive"),
]


@pytest.mark.parametrize(("text", "words", "weekday", "day"), WEEKDAYS)
def test_weekday_with_anchor(text: str, words: str, weekday: int, day: dt.date) -> None:
    excerpt, mention = _only(text)
    assert excerpt == words
    assert mention.weekday == weekday
    assert (mention.relative, mention.part, mention.future) == (None, None, False)
    assert mention.resolve(MONDAY) == DateRange.day(day, basis=DateBasis.PUBLISHED)


@pytest.mark.parametrize(("text", "words", "weekday", "day"), WEEKDAYS)
def test_weekday_without_anchor(text: str, words: str, weekday: int, day: dt.date) -> None:
    _, mention = _only(text)
    assert mention.resolve(None) is None


FUTURE_WEEKDAYS = [
    pytest.param("The market will reopen on Sunday.", False, D(2018, 3, 24), D(2018, 3, 25), id="next-day"),
    pytest.param("The market will reopen on Saturday.", False, D(2018, 3, 24), D(2018, 3, 24),
                 id="anchor-weekday-is-anchor"),
    pytest.param("The market will reopen on Friday.", False, D(2018, 3, 24), D(2018, 3, 30), id="six-days-on"),
    pytest.param("The next round is set for next Sunday.", True, D(2018, 3, 24), D(2018, 3, 25), id="next-weekday"),
    pytest.param("Buses return this coming Friday.", True, D(2018, 3, 24), D(2018, 3, 30), id="this-coming"),
]


@pytest.mark.parametrize(("text", "own_flag", "anchor", "day"), FUTURE_WEEKDAYS)
def test_weekday_in_the_future(text: str, own_flag: bool, anchor: dt.date, day: dt.date) -> None:
    _, mention = _only(text)
    assert mention.future is own_flag
    assert mention.resolve(anchor, future=True) == DateRange.day(day, basis=DateBasis.PUBLISHED)
    if own_flag:
        assert mention.resolve(anchor) == DateRange.day(day, basis=DateBasis.PUBLISHED)


# --- Relative words -------------------------------------------------------------------------------------------------

WEDNESDAY = D(2018, 3, 28)

RELATIVE_DAYS = [
    pytest.param("Another wave departed tonight.", "tonight", "today", WEDNESDAY, id="tonight"),
    pytest.param("The crossing reopened earlier today.", "earlier today", "today", WEDNESDAY, id="earlier-today"),
    pytest.param("Aid trucks arrived this morning.", "this morning", "today", WEDNESDAY, id="this-morning"),
    pytest.param("The governor spoke this evening.", "this evening", "today", WEDNESDAY, id="this-evening"),
    pytest.param("The last fighters left yesterday.", "yesterday", "yesterday", D(2018, 3, 27), id="yesterday"),
    pytest.param("Fires burned late last night.", "late last night", "yesterday", D(2018, 3, 27),
                 id="late-last-night"),
    pytest.param("More buses are due tomorrow morning.", "tomorrow morning", "tomorrow", D(2018, 3, 29),
                 id="tomorrow-morning"),
    pytest.param("Talks resumed last Monday in the capital.", "last Monday", "previous", D(2018, 3, 26),
                 id="last-weekday"),
    pytest.param("Last Wednesday the road was cut.", "Last Wednesday", "previous", D(2018, 3, 21),
                 id="last-weekday-on-that-weekday"),
    pytest.param("Aid came previous Thursday, officials said.", "previous Thursday", "previous", D(2018, 3, 22),
                 id="previous-weekday"),
]


@pytest.mark.parametrize(("text", "words", "relative", "day"), RELATIVE_DAYS)
def test_relative_days(text: str, words: str, relative: str, day: dt.date) -> None:
    excerpt, mention = _only(text)
    assert excerpt == words
    assert mention.relative == relative
    assert mention.resolve(WEDNESDAY) == DateRange.day(day, basis=DateBasis.PUBLISHED)
    assert mention.resolve(WEDNESDAY, basis=DateBasis.LATEST_STATED) == DateRange.day(
        day, basis=DateBasis.LATEST_STATED
    )
    assert mention.resolve(None) is None


def test_last_friday_on_a_friday_is_a_week_before() -> None:
    _, mention = _only("Last Friday the road was cut.")
    assert mention.resolve(D(2018, 3, 30)) == DateRange.day(D(2018, 3, 23), basis=DateBasis.PUBLISHED)


RELATIVE_PERIODS = [
    pytest.param("A nearby town fell last week.", "last week", "last_week", D(2018, 3, 19), D(2018, 3, 25),
                 Precision.WEEK, id="last-week"),
    pytest.param("Talks went on this week.", "this week", "this_week", D(2018, 3, 26), D(2018, 4, 1),
                 Precision.WEEK, id="this-week"),
    pytest.param("Talks resume next week.", "next week", "next_week", D(2018, 4, 2), D(2018, 4, 8),
                 Precision.WEEK, id="next-week"),
    pytest.param("The offensive began last month.", "last month", "last_month", D(2018, 2, 1), D(2018, 2, 28),
                 Precision.MONTH, id="last-month"),
    pytest.param("Prices doubled in the middle of the last month.", "the middle of the last month", "last_month",
                 D(2018, 2, 1), D(2018, 2, 28), Precision.MONTH, id="middle-of-the-last-month"),
    pytest.param("Raids grew earlier this month.", "earlier this month", "this_month", D(2018, 3, 1),
                 D(2018, 3, 31), Precision.MONTH, id="earlier-this-month"),
    pytest.param("A similar deal failed last year.", "last year", "last_year", D(2017, 1, 1), D(2017, 12, 31),
                 Precision.YEAR, id="last-year"),
]


@pytest.mark.parametrize(("text", "words", "relative", "start", "end", "precision"), RELATIVE_PERIODS)
def test_relative_periods(text: str, words: str, relative: str, start: dt.date, end: dt.date,
                          precision: Precision) -> None:
    excerpt, mention = _only(text)
    assert excerpt == words
    assert mention.relative == relative
    assert mention.resolve(WEDNESDAY) == DateRange(start=start, end=end, precision=precision,
                                                   basis=DateBasis.PUBLISHED)
    assert mention.resolve(None) is None


def test_last_month_in_january_is_december() -> None:
    _, mention = _only("The offensive began last month.")
    assert mention.resolve(D(2018, 1, 10)) == DateRange(
        start=D(2017, 12, 1), end=D(2017, 12, 31), precision=Precision.MONTH, basis=DateBasis.PUBLISHED
    )


# --- Parts of a month -----------------------------------------------------------------------------------------------

PARTS = [
    pytest.param("Snow fell in early March.", "early March", "early", D(2018, 3, 20), D(2018, 3, 1),
                 D(2018, 3, 10), id="early"),
    pytest.param("Talks stalled by mid-April.", "mid-April", "mid", D(2018, 4, 25), D(2018, 4, 11), D(2018, 4, 20),
                 id="mid-hyphen"),
    pytest.param("Talks stalled by mid April.", "mid April", "mid", D(2018, 4, 25), D(2018, 4, 11), D(2018, 4, 20),
                 id="mid-space"),
    pytest.param("The siege tightened in late February.", "late February", "late", D(2018, 3, 5), D(2018, 2, 21),
                 D(2018, 2, 28), id="late-february"),
    pytest.param("The siege tightened in late February.", "late February", "late", D(2020, 3, 5), D(2020, 2, 21),
                 D(2020, 2, 29), id="late-february-leap-year"),
    pytest.param("Supplies ran out by the end of January.", "the end of January", "late", D(2018, 3, 5),
                 D(2018, 1, 21), D(2018, 1, 31), id="the-end-of"),
    pytest.param("Crossings shut at the beginning of June.", "the beginning of June", "early", D(2018, 6, 20),
                 D(2018, 6, 1), D(2018, 6, 10), id="the-beginning-of"),
]


@pytest.mark.parametrize(("text", "words", "part", "anchor", "start", "end"), PARTS)
def test_parts_of_month(text: str, words: str, part: str, anchor: dt.date, start: dt.date, end: dt.date) -> None:
    excerpt, mention = _only(text)
    assert excerpt == words
    assert mention.part == part
    assert mention.resolve(anchor) == DateRange(start=start, end=end, precision=Precision.PART_OF_MONTH,
                                                basis=DateBasis.PUBLISHED)
    assert mention.resolve(None) is None


def test_part_of_month_with_year_is_stated() -> None:
    excerpt, mention = _only("The campaign opened in early March 2018.")
    assert excerpt == "early March 2018"
    assert mention.resolve(None) == DateRange(start=D(2018, 3, 1), end=D(2018, 3, 10),
                                              precision=Precision.PART_OF_MONTH, basis=DateBasis.STATED)


def test_late_weekday_is_a_day_not_a_part() -> None:
    _, mention = _only("Fighters left late Saturday.")
    assert mention.part is None
    assert mention.resolve(MONDAY) == DateRange.day(D(2018, 3, 24), basis=DateBasis.PUBLISHED)


# --- Months ---------------------------------------------------------------------------------------------------------

MONTHS_WITH_YEAR = [
    pytest.param("The truce collapsed in March 2018.", "March 2018", D(2018, 3, 1), D(2018, 3, 31), id="in-month-year"),
    pytest.param("The Cairo talks in September 2017 failed.", "September 2017", D(2017, 9, 1), D(2017, 9, 30),
                 id="september"),
    pytest.param("The ceasefire of December 2016 collapsed.", "December 2016", D(2016, 12, 1), D(2016, 12, 31),
                 id="december"),
    pytest.param("Fighting flared in March of 2018.", "March of 2018", D(2018, 3, 1), D(2018, 3, 31), id="of-year"),
    pytest.param("The deal, signed Feb 2018, held.", "Feb 2018", D(2018, 2, 1), D(2018, 2, 28), id="abbreviation"),
]


@pytest.mark.parametrize(("text", "words", "start", "end"), MONTHS_WITH_YEAR)
def test_months_with_year(text: str, words: str, start: dt.date, end: dt.date) -> None:
    excerpt, mention = _only(text)
    assert excerpt == words
    expected = DateRange(start=start, end=end, precision=Precision.MONTH, basis=DateBasis.STATED)
    assert mention.resolve(None) == expected
    assert mention.resolve(D(2018, 4, 1), basis=DateBasis.DATELINE) == expected


MONTHS_ALONE = [
    pytest.param("The assault began in March.", "March", D(2018, 4, 2), D(2018, 3, 1), D(2018, 3, 31),
                 id="in-month"),
    pytest.param("No aid has entered since February.", "February", D(2018, 3, 28), D(2018, 2, 1), D(2018, 2, 28),
                 id="since-month"),
    pytest.param("The rebellion grew in November.", "November", D(2018, 3, 28), D(2017, 11, 1), D(2017, 11, 30),
                 id="previous-year-when-far-ahead"),
    pytest.param("A vote is planned for May.", "May", D(2018, 3, 28), D(2018, 5, 1), D(2018, 5, 31),
                 id="may-with-capital"),
]


@pytest.mark.parametrize(("text", "words", "anchor", "start", "end"), MONTHS_ALONE)
def test_months_alone(text: str, words: str, anchor: dt.date, start: dt.date, end: dt.date) -> None:
    excerpt, mention = _only(text)
    assert excerpt == words
    assert mention.resolve(anchor) == DateRange(start=start, end=end, precision=Precision.MONTH,
                                                basis=DateBasis.PUBLISHED)
    assert mention.resolve(None) is None


# --- Years ----------------------------------------------------------------------------------------------------------

YEARS = [
    pytest.param("Nothing has grown here since 2013.", "2013", 2013, id="since"),
    pytest.param("Protests spread in 2011 across the south.", "2011", 2011, id="in"),
    pytest.param("Veterans of the 2011 revolt met again.", "2011", 2011, id="the-year-noun"),
    pytest.param("No loss this large since 2016.", "2016", 2016, id="before-full-stop"),
    pytest.param("It recalled the protests of 2011, in spring.", "2011", 2011, id="of-year"),
    pytest.param("Rebels held the town until mid-2017.", "mid-2017", 2017, id="mid-year"),
    pytest.param("Reconstruction is promised by 2020.", "2020", 2020, id="by"),
]


@pytest.mark.parametrize(("text", "words", "year"), YEARS)
def test_years(text: str, words: str, year: int) -> None:
    excerpt, mention = _only(text)
    assert excerpt == words
    assert (mention.year, mention.month, mention.day) == (year, None, None)
    expected = DateRange(start=D(year, 1, 1), end=D(year, 12, 31), precision=Precision.YEAR, basis=DateBasis.STATED)
    assert mention.resolve(None) == expected
    assert mention.resolve(D(2018, 3, 1), basis=DateBasis.PUBLISHED) == expected


# --- Ranges of days -------------------------------------------------------------------------------------------------

RANGES = [
    pytest.param("Convoys ran March 22-24 without a break.", "March 22-24", D(2018, 3, 22), D(2018, 3, 24),
                 DateBasis.PUBLISHED, id="month-day-dash-day"),
    pytest.param("Convoys ran between March 10 and 12.", "March 10 and 12", D(2018, 3, 10), D(2018, 3, 12),
                 DateBasis.PUBLISHED, id="between-and"),
    pytest.param("Convoys ran from 22 to 24 March 2018.", "22 to 24 March 2018", D(2018, 3, 22), D(2018, 3, 24),
                 DateBasis.STATED, id="day-to-day-month-year"),
    pytest.param("Convoys ran 30 March - 2 April 2018.", "30 March - 2 April 2018", D(2018, 3, 30), D(2018, 4, 2),
                 DateBasis.STATED, id="across-months"),
    pytest.param("Convoys ran December 30 - January 2, 2018.", "December 30 - January 2, 2018", D(2017, 12, 30),
                 D(2018, 1, 2), DateBasis.STATED, id="across-years"),
    pytest.param("Convoys ran between 10 and 12 March.", "10 and 12 March", D(2018, 3, 10), D(2018, 3, 12),
                 DateBasis.PUBLISHED, id="between-day-first"),
]


@pytest.mark.parametrize(("text", "words", "start", "end", "basis"), RANGES)
def test_ranges(text: str, words: str, start: dt.date, end: dt.date, basis: DateBasis) -> None:
    excerpt, mention = _only(text)
    assert excerpt == words
    assert mention.end_day == end.day
    assert mention.resolve(D(2018, 3, 28)) == DateRange(start=start, end=end, precision=Precision.DAYS, basis=basis)


def test_range_ending_before_it_starts_resolves_to_none() -> None:
    _, mention = _only("Convoys ran March 24-22.")
    assert mention.resolve(D(2018, 3, 28)) is None


def test_and_joins_a_range_only_after_between() -> None:
    assert _excerpts("Buses left on March 10 and 12 more arrived.") == ["March 10"]


# --- Anchors --------------------------------------------------------------------------------------------------------

_BODY = "Officials said more families were expected to leave the area in the coming hours. " * 8

ANCHORS = [
    pytest.param("Convoy leaves the pocket\n\n31 Saturday Mar 2018\n\nA staff writer\n\n" + _BODY,
                 D(2018, 3, 31), DateBasis.DATELINE, id="blog-dateline"),
    pytest.param("Convoy reaches the north\n\nPublished April 11th, 2018 - 16:40 GMT\n" + _BODY, D(2018, 4, 11),
                 DateBasis.DATELINE, id="published-line"),
    pytest.param("Rebels quit the district\n\n3 min read\n15 March, 2018\n" + _BODY, D(2018, 3, 15),
                 DateBasis.DATELINE, id="date-line"),
    pytest.param("AMMAN, March 21, 2018 (Reuters) - " + _BODY, D(2018, 3, 21), DateBasis.DATELINE,
                 id="wire-dateline"),
    pytest.param("Header\n\n\n\nline two\nline three\nline four\n\nMarch 2, 2018\n" + _BODY, D(2018, 3, 2),
                 DateBasis.DATELINE, id="within-400-characters"),
    pytest.param(_BODY + "A photo taken on March 2, 2018. Another taken on March 13, 2018. " + _BODY,
                 D(2018, 3, 13), DateBasis.LATEST_STATED, id="latest-stated-in-body"),
    pytest.param(_BODY + "It was agreed on March 13, 2018 and signed on March 2, 2018.", D(2018, 3, 13),
                 DateBasis.LATEST_STATED, id="latest-not-last"),
]


@pytest.mark.parametrize(("text", "day", "basis"), ANCHORS)
def test_anchors(text: str, day: dt.date, basis: DateBasis) -> None:
    assert find_anchor(text) == (day, basis)
    assert find_anchor(text, find_dates(text)) == (day, basis)


NO_ANCHORS = [
    pytest.param("TASS, March 19. Fighters left the town on Thursday. " + _BODY, id="dateline-without-year"),
    pytest.param(_BODY, id="no-date"),
    pytest.param("Convoys ran March 22-24, 2018. " + _BODY, id="range-only"),
    pytest.param("The siege began in 2013 and tightened in March 2018. " + _BODY, id="years-and-months-only"),
    pytest.param("A form dated February 30, 2018. " + _BODY, id="impossible-date"),
    pytest.param("", id="empty"),
]


@pytest.mark.parametrize("text", NO_ANCHORS)
def test_no_anchor(text: str) -> None:
    assert find_anchor(text) is None


def test_header_reaches_to_the_fourth_non_empty_line() -> None:
    title = "A long headline about the convoys and the talks that went on for days " * 2
    text = f"{title}\n\n{title}\n{title}\nPublished March 2, 2018\n" + _BODY + "Follow-up on March 25, 2018."
    assert text.index("March 2, 2018") > _dates.HEADER_CHARS
    assert find_anchor(text) == (D(2018, 3, 2), DateBasis.DATELINE)


def test_a_date_past_the_header_is_no_dateline() -> None:
    title = "A long headline about the convoys and the talks that went on for days " * 2
    text = f"{title}\n{title}\n{title}\n{title}\nPublished March 2, 2018\n" + _BODY + "Follow-up on March 25, 2018."
    assert find_anchor(text) == (D(2018, 3, 25), DateBasis.LATEST_STATED)


def test_header_date_wins_over_later_ones() -> None:
    text = "Headline\nMarch 20, 2018\n" + _BODY + "Follow-up on March 25, 2018."
    assert find_anchor(text) == (D(2018, 3, 20), DateBasis.DATELINE)


def test_anchor_from_mentions_in_any_order() -> None:
    text = "Headline\nMarch 20, 2018\n" + _BODY + "Follow-up on March 25, 2018."
    assert find_anchor(text, list(reversed(find_dates(text)))) == (D(2018, 3, 20), DateBasis.DATELINE)


# --- Not dates ------------------------------------------------------------------------------------------------------

NOT_DATES = [
    pytest.param("About 2,000 people left the enclave.", id="thousands-separator"),
    pytest.param("Some 2000 fighters boarded the buses.", id="count-noun-after-year-like-number"),
    pytest.param("In 2015 buses they went north.", id="in-year-like-count"),
    pytest.param("The toll reached a total of 2015.", id="total-of"),
    pytest.param("A 2000-strong force held the line.", id="strong"),
    pytest.param("The talks may resume soon.", id="may-verb"),
    pytest.param("Up to 20 may have died in the strike.", id="number-then-may-verb"),
    pytest.param("The plan was drafted by Jan Egeland.", id="jan-as-a-name"),
    pytest.param("The Sunday Times reported the deal.", id="newspaper"),
    pytest.param("An interview with the Mail on Sunday ran.", id="newspaper-after"),
    pytest.param("Churches held services on Good Friday.", id="named-day"),
    pytest.param("Buses entered at 16:40 GMT.", id="time-of-day"),
    pytest.param("Over the past week, the siege tightened.", id="past-week-duration"),
    pytest.param("In the last month, prices tripled.", id="the-last-month-duration"),
    pytest.param("It happened the day before yesterday.", id="day-before-yesterday"),
    pytest.param("Russia Today aired the footage.", id="outlet-named-today"),
    pytest.param("Troops march towards the town.", id="march-verb"),
    pytest.param("Ambulances, 24 of them, waited.", id="plain-count"),
    pytest.param("Route 1/2 was closed.", id="fraction"),
    pytest.param("Resolution 2401 calls for a truce.", id="resolution-number"),
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_march_before_a_count_is_a_month_not_a_day() -> None:
    excerpt, mention = _only("In March 2,000 people fled the town.")
    assert excerpt == "March"
    assert (mention.month, mention.day) == (3, None)


def test_year_of_a_date_before_a_count() -> None:
    assert _excerpts("On March 24, 2000 people fled the town.") == ["March 24"]


def test_cue_words_stay_outside_the_span() -> None:
    assert _excerpts("Aid stopped in March, since 2013, and on Saturday.") == ["March", "2013", "Saturday"]


def test_several_mentions_in_order() -> None:
    text = "On Saturday, 17 buses left; on March 25, 2018 more followed, and tomorrow the last go."
    assert _excerpts(text) == ["Saturday", "March 25, 2018", "tomorrow"]


# --- Robustness -----------------------------------------------------------------------------------------------------

ODD_TEXTS = [
    pytest.param("", id="empty"),
    pytest.param("   \t\n  ", id="white-space"),
    pytest.param("\x00\x01\x02\x1b[0m March \x00 24", id="control-characters"),
    pytest.param("غادرت الحافلات يوم السبت ٢٤ آذار ٢٠١٨", id="arabic-script"),
    pytest.param("🚌 March 🚌 24 🚌 2018 ✅ Saturday🙂", id="emoji"),
    pytest.param("\ud800 March 24 \udfff", id="lone-surrogates"),
    pytest.param("laſt week, thİs month, prevİous Friday, 24ſt March, mİd-April, \u212aм", id="odd-case-folding"),
    pytest.param("2018-13-45 99/99/2018 31/31/2018 00/00/0000 2018-02-30", id="broken-numeric-dates"),
    pytest.param("March March March 2018 2018 2018 Saturday Saturday", id="repeated-date-words"),
    pytest.param("the the the middle of of the last last month", id="stammered-phrases"),
    pytest.param("1" * 20000, id="long-digit-run"),
    pytest.param("between " * 200 + "and", id="between-without-dates"),
]


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_odd_texts_never_raise(text: str) -> None:
    mentions = find_dates(text)
    _check_invariants(text, mentions)
    find_anchor(text, mentions)
    for mention in mentions:
        for anchor in (None, D(2018, 3, 24), dt.date.min, dt.date.max):
            mention.resolve(anchor)
            mention.resolve(anchor, future=True)


@pytest.mark.parametrize("anchor", [dt.date.min, dt.date.max, D(1, 1, 1), D(9999, 12, 31)])
def test_resolve_at_the_edges_of_the_calendar_never_raises(anchor: dt.date) -> None:
    text = ("yesterday tomorrow last week next week last month last year last Monday on Sunday next Sunday "
            "December 30 January 2 early March")
    for mention in find_dates(text):
        for future in (False, True):
            result = mention.resolve(anchor, future=future)
            assert result is None or result.start <= result.end


def test_resolve_takes_a_datetime_as_its_day() -> None:
    _, mention = _only("The last fighters left yesterday.")
    assert mention.resolve(dt.datetime(2018, 3, 28, 23, 59)) == DateRange.day(D(2018, 3, 27),
                                                                              basis=DateBasis.PUBLISHED)


def test_mention_checks_its_values() -> None:
    with pytest.raises(RecordError):
        DateMention(span=Span(start=0, end=1), month=13)
    with pytest.raises(RecordError):
        DateMention(span=Span(start=0, end=1), relative="fortnight")
    with pytest.raises(RecordError):
        DateMention(span=Span(start=0, end=1), part="late-ish")


def test_mentions_with_equal_fields_are_equal() -> None:
    first = DateMention(span=Span(start=3, end=11), month=3, day=24)
    same = DateMention(span=Span(start=3, end=11), month=3, day=24)
    assert first == same
    assert hash(first) == hash(same)
    assert first != DateMention(span=Span(start=3, end=11), month=3, day=25)
    not_a_mention: object = (3, 24)
    assert first != not_a_mention
    assert repr(first) == ("DateMention(span=Span(start=3, end=11), year=None, month=3, day=24, weekday=None, "
                           "relative=None, part=None, future=False, end_month=None, end_day=None)")


def test_pattern_repeats_nothing() -> None:
    """The grammar has no quantifier at all, so no branch can run on across a long input."""
    pattern = RE_DATE.pattern.replace("\\\\", "").replace("\\?", "").replace("\\*", "").replace("\\+", "")
    pattern = pattern.replace("\\{", "").replace("(?", "")
    assert not any(char in pattern for char in "*+?{")


# --- Properties -----------------------------------------------------------------------------------------------------

_DATE_PHRASES = [
    "March 24, 2018", "24 March 2018", "Apr. 3, 2018", "24 Saturday Mar 2018", "2018-03-24", "24/03/2018",
    "March 22-24", "between March 10 and 12", "30 March - 2 April", "early March", "mid-April", "in March",
    "since 2011", "the 2011 uprising", "on Saturday", "late Sunday", "Thursday evening", "last Monday",
    "next Sunday", "today", "tonight", "yesterday", "tomorrow", "last week", "the middle of the last month",
    "last year", "2,000", "2000 people", "may", "May", "11:08", "February 30",
]
_NOISE_WORDS = ["buses", "left", "Douma", "the", "of", "in", "on", "and", "between", ",", ".", "-", "\n", "—"]
_PIECES = st.one_of(st.sampled_from(_DATE_PHRASES), st.sampled_from(_NOISE_WORDS), st.text(max_size=6))
_TEXTS = st.lists(st.tuples(_PIECES, st.sampled_from([" ", "", "\n", ", ", "-", "  "])), max_size=25).map(
    lambda parts: "".join(piece + separator for piece, separator in parts)
)
_ANCHORS = st.dates(min_value=D(1900, 1, 1), max_value=D(2099, 12, 31))


@given(st.text(max_size=200))
@settings(max_examples=200, deadline=None)
def test_property_any_text(text: str) -> None:
    mentions = find_dates(text)
    _check_invariants(text, mentions)
    find_anchor(text, mentions)


@given(_TEXTS, _ANCHORS, st.sampled_from(list(DateBasis)), st.booleans())
@settings(max_examples=150, deadline=None)
def test_property_mixed_text(text: str, anchor: dt.date, basis: DateBasis, future: bool) -> None:
    mentions = find_dates(text)
    _check_invariants(text, mentions)
    found = find_anchor(text, mentions)
    assert found is None or found[1] in (DateBasis.DATELINE, DateBasis.LATEST_STATED)
    for mention in mentions:
        result = mention.resolve(anchor, basis=basis, future=future)
        assert result is None or result.basis in (basis, DateBasis.STATED)


_WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December"]


@given(_ANCHORS, st.integers(min_value=0, max_value=6), st.sampled_from(["on {}", "late {}", "{} evening"]))
@settings(max_examples=200, deadline=None)
def test_property_weekday_lands_within_a_week(anchor: dt.date, weekday: int, shape: str) -> None:
    _, mention = _only(shape.format(_WEEKDAY_NAMES[weekday]))
    past = mention.resolve(anchor)
    future = mention.resolve(anchor, future=True)
    assert past is not None
    assert future is not None
    assert past.precision is Precision.DAY
    assert past.start.weekday() == weekday == future.start.weekday()
    assert 0 <= (anchor - past.start).days <= 6
    assert 0 <= (future.start - anchor).days <= 6


@given(_ANCHORS, st.integers(min_value=0, max_value=6))
@settings(max_examples=100, deadline=None)
def test_property_last_weekday_is_strictly_before(anchor: dt.date, weekday: int) -> None:
    _, mention = _only(f"last {_WEEKDAY_NAMES[weekday]}")
    result = mention.resolve(anchor)
    assert result is not None
    assert result.start.weekday() == weekday
    assert 1 <= (anchor - result.start).days <= 7


@given(_ANCHORS, st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=28))
@settings(max_examples=100, deadline=None)
def test_property_day_month_is_never_far_ahead(anchor: dt.date, month: int, day: int) -> None:
    _, mention = _only(f"on {day} {_MONTH_NAMES[month - 1]}")
    result = mention.resolve(anchor)
    assert result is not None
    assert (result.start.month, result.start.day) == (month, day)
    assert -366 <= (result.start - anchor).days <= _dates.LOOKAHEAD_DAYS


# --- Linear time ----------------------------------------------------------------------------------------------------


SCALING = [
    pytest.param(lambda k: "1234567890" * k, 10_000, 3, id="100k-digits"),
    pytest.param(lambda k: "March " * k, 2_500, 3, id="march-repeated"),
    pytest.param(lambda k: "convoy buses left early the town in " * k, 2_000, 3, id="line-without-punctuation"),
    pytest.param(lambda k: "a" * k, 300_000, 3, id="one-long-word"),
    pytest.param(lambda k: " " * k, 300_000, 3, id="one-long-blank-run"),
    pytest.param(lambda k: "24 March " * k, 1_000, 3, id="dates-repeated"),
    pytest.param(lambda k: "Saturday, " * k, 800, 3, id="weekdays-and-commas"),
    pytest.param(lambda k: "the middle of " * k, 1_000, 3, id="part-words-repeated"),
    pytest.param(lambda k: "between 1 and " * k, 1_000, 3, id="between-repeated"),
    pytest.param(lambda k: "in 2000 " * k, 1_000, 3, id="years-and-counts"),
    pytest.param(lambda k: "1/1/" * k, 1_000, 3, id="slashes"),
]


@pytest.mark.parametrize(("make", "size", "repeats"), SCALING)
def test_time_grows_linearly(make: Callable[[int], str], size: int, repeats: int) -> None:
    # Inputs large enough to take tens of milliseconds, where timer noise no longer decides the ratio.
    assert_linear(find_dates, make(4 * size), make(8 * size), repeats + 2, floor=1e-4)


# --- Documentation --------------------------------------------------------------------------------------------------


def test_docstring_examples() -> None:
    assert doctest.testmod(_dates, raise_on_error=False).failed == 0
