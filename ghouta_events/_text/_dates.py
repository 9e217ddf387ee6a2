"""Dates in report text: find how a date is written, then resolve it into a :class:`DateRange`.

Finding and resolving are kept apart. :func:`find_dates` reads the text once with a single compiled pattern and
returns a :class:`DateMention` per date expression, holding only what the words say ("Saturday", "March 24",
"early March", "last week"). :meth:`DateMention.resolve` turns one mention into the days it means, given the date
relative words are read against (the publication date, or what :func:`find_anchor` finds in the text), and
returns ``None`` rather than guess when the words and the anchor do not settle it.

>>> import datetime
>>> [m.weekday for m in find_dates("The convoy left late Saturday.")]
[5]
>>> find_dates("The convoy left late Saturday.")[0].resolve(datetime.date(2018, 3, 26)).start
datetime.date(2018, 3, 24)

The grammar repeats nothing without a small bound and every branch fails within a few words of where it starts,
so the scan stays linear in the length of the text whatever the text is.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Container, Mapping, Sequence
from typing import Any, Final

import attrs
import regex

from .._errors import RecordError
from .._model import DateBasis, DateRange, Precision, Span
from ._patterns import pattern_timeout, trie_alternation
from ._words import Words

__all__ = ["DateMention", "find_anchor", "find_dates"]


# ---------------------------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------------------------

#: Month numbers by the first three letters of the month's name, case-folded.
MONTHS: Final[Mapping[str, int]] = {
    name: number for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
    )
}

#: Weekday numbers (0 is Monday) by the first three letters of the day's name, case-folded.
WEEKDAYS: Final[Mapping[str, int]] = {
    name: number for number, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
}

#: The values :attr:`DateMention.relative` may take.
RELATIVES: Final = frozenset({
    "today", "yesterday", "tomorrow", "last_week", "this_week", "next_week",
    "last_month", "this_month", "last_year", "previous",
})

#: The values :attr:`DateMention.part` may take, with the days of the month each covers (``None``: to the end).
PARTS: Final[Mapping[str, tuple[int, int | None]]] = {"early": (1, 10), "mid": (11, 20), "late": (21, None)}

#: A date that names no year is put in the anchor's year unless that would place it more than this many days
#: after the anchor; then it is put in the year before (news looks back far more often than ahead).
LOOKAHEAD_DAYS: Final = 183

#: How many characters from the start of a report count as its header, where a dateline is looked for ...
HEADER_CHARS: Final = 400
#: ... unless the first four non-empty lines end further on, but within this many characters.
HEADER_MAX_CHARS: Final = 600
#: How many non-empty lines from the top count as the header.
HEADER_LINES: Final = 4

# The words that name a third of a month, by their first two letters (early, beginning, start; mid, middle; late,
# end). First letters, as case-insensitive matching lets through look-alikes that case-fold to longer strings.
_PART_WORDS: Final[Mapping[str, str]] = {
    "ea": "early", "be": "early", "st": "early", "mi": "mid", "la": "late", "en": "late",
}


# ---------------------------------------------------------------------------------------------------------------
# Grammar: small named fragments, assembled into one pattern (RE_DATE) at the end.
#
# The engine tries the pattern at every word start and sets up state for each repeat in it on every try, so the
# grammar has none: a run of one to three blanks is the alternation "\s\s\s|\s\s|\s" (which the engine
# tries longest first, as it would "\s{1,3}"), and an optional part is an alternation with an empty branch,
# "(?:x|)". Nothing can repeat more than a few characters, so no input can make a branch backtrack far, and the
# scan stays linear in the length of the text.
# ---------------------------------------------------------------------------------------------------------------


# Whitespace between the words of one date: one to three characters. Newlines count, since many reports are
# hard-wrapped.
ws = r"(?:\s\s\s|\s\s|\s)"

# Optional whitespace: none to three characters.
ows = r"(?:\s\s\s|\s\s|\s|)"

# Between a day and its year, or a weekday and its date: a comma with optional blanks ("24, 2018", "24,2018")
# or plain blanks ("24 2018").
comma_sep = rf"(?:{ows},{ows}|{ws})"

# Digits are ASCII only: other scripts' digits are left to the number layer.
digit = r"[0-9]"

# A day of the month, 1 to 31, with an optional leading zero and ordinal suffix ("3", "03", "3rd", "24th").
# The longer forms come first, and the number must not run on into more letters or digits ("32", "24a").
day_number = rf"(?:3[01]|[12]{digit}|0[1-9]|[1-9])(?:st|nd|rd|th|)(?!\w)"

# What may not follow a day that ends a date: a separator and more digits means the "day" was the start of a
# larger number or a time ("March 2,000 people", "March 24.5", "24:00").
day_end = rf"(?![.,:]{digit})"

# A day that cannot be the tail of a larger number ("1,024 March", "3.24 March").
day_start = rf"(?<!{digit})(?<!{digit}[.,])"

# A year: four digits from 1900 to 2099, not part of a longer number ("20180", "2018.5", "2,018").
year_number = rf"(?:19|20){digit}{digit}(?!{digit})(?![.,]{digit})"

# Nouns that mark the number before them as a count, not a year ("2000 people", "in 2015 fighters").
count_noun = r"""(?:
    people|persons|person|individuals|civilians|fighters|militants|rebels|gunmen|terrorists|insurgents|jihadists
    |soldiers|troops|members|families|family|households|residents|inhabitants|children|women|men|girls|boys
    |evacuees|refugees|displaced|patients|wounded|injured|dead|deaths|killed|casualties|victims
    |captives|detainees|prisoners|hostages|abductees|volunteers|workers|staff|others|strong
    |buses|bus|vehicles|cars|trucks|lorries|tons|tonnes|homes|houses|tents|cases|units
    |km|kilometres|kilometers|metres|meters|miles|dollars|euros|pounds
)\b"""

# A year that is a year: a year number not followed by a count noun, nor by "-strong" ("a 2000-strong force").
year = rf"(?P<year>{year_number})(?!{ws}{count_noun})(?!-{count_noun})"

# Month names, whole words. "May" is a name only with a capital M (or in capitals) unless digits follow it, since
# lowercase "may" is the verb. Abbreviations ("Apr", "Sept") take a full stop only when a number follows
# ("Apr. 3"), so a sentence's closing stop after "24 Mar." stays outside the date.
month_names = r"january|february|march|april|june|july|august|september|october|november|december"
month_abbrevs = r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
may_lower = r"may"
may_capital = r"(?-i:May|MAY)"
abbrev_stop = rf"(?:\.(?={ows}{digit})|)"


# Any month word, and any but "may" (to which "May" is added where the verb must be kept out).
month_word = trie_alternation(f"{month_names}|{may_lower}|{month_abbrevs}".split("|"))
month_word_not_may = trie_alternation(f"{month_names}|{month_abbrevs}".split("|"))


def _month(name: str, *, lowercase_may: bool) -> str:
    """A month name or abbreviation captured as ``name``."""
    words = month_word if lowercase_may else f"(?:{month_word_not_may}|{may_capital})"
    return rf"(?P<{name}>{words}\b{abbrev_stop})"


# A month, in full or abbreviated, before its day or year ("March 24", "Apr. 3", "may 5", "Sept 2017").
month_md = _month("month", lowercase_may=True)

# A month after its day ("24 March", "5 May"): lowercase "may" here is the verb ("some 20 may have fled").
month_dm = _month("month", lowercase_may=False)

# The same two, capturing the month that ends a range ("March 30 - April 2", "30 March - 2 April").
month2_md = _month("month2", lowercase_may=True)
month2_dm = _month("month2", lowercase_may=False)

# A month standing alone ("in March", "early April"): full names only, since "Jan" and "Mar" are also names
# ("Jan Egeland", "Mar Elias"), and "May" only with a capital.
month_alone = rf"(?P<month>(?:{trie_alternation(month_names.split('|'))}|{may_capital})\b)"

# A day captured as the start of a date or range, and as the end of a range.
day = rf"(?P<day>{day_number})"
day2 = rf"(?P<day2>{day_number})"

# Words that join the two ends of a range of days ("22-24", "22 – 24", "22 to 24", "22 through 24").
range_join = rf"(?:{ows}[-–—]{ows}|{ws}(?:to|through|till|until){ws})"

# Weekday names in full, whole words.
weekday_names = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
weekday_name = rf"{trie_alternation(weekday_names.split('|'))}\b"

# Weekday abbreviations, met in machine-written datelines ("Sat, 24 Mar 2018"); accepted only before a full date.
weekday_abbrevs = r"mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun"
weekday_abbrev = rf"{trie_alternation(weekday_abbrevs.split('|'))}\b(?:\.|)"

# A weekday written before a date, which it only confirms ("Saturday, March 24").
wd_prefix = rf"(?:(?P<wd>{weekday_name}){comma_sep}|)"

# The same before a full date, where machine-written abbreviations occur too ("Sat, 24 Mar 2018").
wd_prefix_full = rf"(?:(?P<wd>{weekday_name}|{weekday_abbrev}){comma_sep}|)"

# A weekday between a day and its month, as some blogs print their dates ("24 Saturday Mar 2018").
wd_infix = rf"(?:(?P<wd>{weekday_name}){ws}|)"

# "the" before a day ("the 24th of March").
the_day = rf"(?:the{ws}|)"

# "of" between a day or month and what follows ("the 15th of March", "March of 2018").
of_word = rf"(?:{ws}of|)"

# A part of the day after a weekday or "yesterday"; the date stays that day ("Saturday night").
time_of_day = r"(?:morning|afternoon|evening|night|noon|midday|dawn)\b"
time_of_day_after = rf"(?:{ws}{time_of_day}|)"

# A third of a month before the month ("early March", "mid-April", "late February", "the middle of March").
# Beginning/start count as early, middle as mid, end as late.
part_prefix = rf"""(?:
    (?P<part>early|mid|late)(?:{ows}-{ows}|{ws})
  | (?:the{ws}|)(?P<part>beginning|start|middle|end){ws}of{ws}
)"""

# Words after which a month standing alone is a date ("in March", "since February", "until April").
month_cue = r"(?:in|since|by|until|till|from|during|through|throughout|before|after|of|for|around)"

# Words after which a four-digit number is a year ("in 2013", "since 2011", "the 2011 uprising").
year_cue = r"(?:in|since|by|until|till|from|during|through|throughout|before|after|of|the|year|around|circa)"

# Words before "of" that make the number after it a count, not a year ("a total of 2015", "a convoy of 2000").
count_of = r"""(?:total|number|toll|tally|count|sum|figure|estimate|convoy|group|batch|wave|contingent
    |out|one|some|most|all|many|none|each|any|several|majority|crowd|force|population)"""

# Names of days that are not the weekday of a report ("Good Friday", "Bloody Sunday", "Super Tuesday").
named_day = r"(?:black|good|bloody|super|cyber|ash|holy|palm|easter|maundy|man)"

# Titles that contain a weekday but name a newspaper ("the Sunday Times", "the Mail on Sunday").
paper_after = r"(?-i:Times|Telegraph|Express|Mirror|Herald|Mail|Post|Star|Independent|Tribune|Observer)\b"
paper_before = rf"mail{ws}on{ws}"

# Proper names ending in "Today" that are outlets, not the day ("Russia Today", "USA Today").
today_outlet = r"(?:russia|usa|syria|arab|gulf|china|turkey|qatar|africa|asia|europe)"

# Words before a relative day that leave it the same day ("earlier today", "late yesterday").
relative_hedge = rf"(?:(?:earlier|later|early|late){ws}|)"

# --- the branches, tried in this order at each position ---------------------------------------------------------

# ISO dates, year first ("2018-03-24", "2018/03/24").
iso_date = rf"""
    (?<![0-9.,/-])(?P<year>{year_number})(?P<nsep>[-/.])(?P<mnum>1[0-2]|0[1-9]|[1-9])(?P=nsep)
    (?P<day>3[01]|[12]{digit}|0[1-9]|[1-9])(?!{digit})
"""

# Numeric dates, day or month first ("24/03/2018", "24.03.2018", "03/24/2018"); see find_dates for the reading.
numeric_date = rf"""
    (?<![0-9.,/-])(?P<n1>3[01]|[12]{digit}|0[1-9]|[1-9])(?P<nsep>[-/.])(?P<n2>3[01]|[12]{digit}|0[1-9]|[1-9])
    (?P=nsep)(?P<year>{year_number})
"""

# Month, day and year ("March 24, 2018", "Apr. 3, 2018", "April 13th, 2018", "Saturday, March 24, 2018").
month_day_year = rf"{wd_prefix_full}{month_md}{ows}{day}{comma_sep}{year}"

# Day, month and year ("24 March 2018", "14 March, 2018", "the 24th of March 2018", "24 Saturday Mar 2018").
day_month_year = rf"{wd_prefix_full}{the_day}{day_start}{day}{of_word}{ws}{wd_infix}{month_md}{comma_sep}{year}"

# A range of days, month first ("March 22-24", "March 30 - April 2, 2018", "between March 10 and 12").
month_first_range = rf"""
    (?: (?={month_md})(?<=\bbetween{ws}){month_md}{ows}{day}{ws}and{ws}(?:{month2_md}{ows}|){day2}
      | {month_md}{ows}{day}{range_join}(?:{month2_md}{ows}|){day2}
    )
    (?:{comma_sep}{year}|{day_end})
"""

# A range of days, day first ("22-24 March", "30 March - 2 April 2018", "between 10 and 12 March").
day_first_range = rf"""
    {day_start}
    (?: (?={digit})(?<=\bbetween{ws}){day}(?:{ws}{month_dm}|){ws}and{ws}
      | {day}(?:{ws}{month_dm}|){range_join}
    )
    {day2}{of_word}{ws}{month2_dm}(?:{comma_sep}{year}|)
"""

# Month and day without a year ("March 15", "Feb. 18", "Saturday, March 24").
month_day = rf"{wd_prefix}{month_md}{ows}{day}{day_end}"

# Day and month without a year ("24 March", "the 15th of March").
day_month = rf"{wd_prefix}{the_day}{day_start}{day}{of_word}{ws}{month_dm}"

# Month and year, perhaps with a part of the month ("March 2018", "in March of 2018", "early March 2018").
month_year = rf"(?:{part_prefix}|){month_md}{of_word}{comma_sep}{year}"

# A part of a month without a year ("early March", "mid-April", "the end of February").
part_of_month = rf"{part_prefix}{month_alone}"

# A month alone after a cue word, which stays outside the span ("in March", "since February").
bare_month = rf"(?={month_alone})(?<=\b{month_cue}{ws}){month_alone}"

# A year alone: after a cue word (outside the span), or after early/mid/late (inside it): "since 2011",
# "the 2011 uprising", "mid-2017". "of" is no cue after a word that makes the number a count ("a total of 2015").
bare_year = rf"""
    (?: (?P<ypart>early|mid|late)(?:{ows}-{ows}|{ws})
      | (?={digit})(?<=\b{year_cue}{ws})(?<!\b{count_of}{ws}of{ws})
    )
    {year}
"""

# The day of writing ("today", "tonight", "this morning", "earlier today"), but not the outlets named "... Today".
today = rf"""
    {relative_hedge}
    (?: (?=to)(?<!\b{today_outlet}{ws})(?P<today>today|tonight)\b
      | this{ws}(?P<today>morning|afternoon|evening)\b
    )
"""

# The day before ("yesterday", "yesterday morning", "last night", "late last night"), not "the day before
# yesterday".
yesterday = rf"""
    {relative_hedge}
    (?: (?=yesterday)(?<!\bday{ws}(?:before|after){ws})(?P<yesterday>yesterday)\b{time_of_day_after}
      | (?P<yesterday>last){ws}night\b
    )
"""

# The day after ("tomorrow", "tomorrow morning"), not "the day after tomorrow".
tomorrow = rf"(?=tomorrow)(?<!\bday{ws}(?:before|after){ws})(?P<tomorrow>tomorrow)\b{time_of_day_after}"

# Weeks, months and years counted from the anchor ("last week", "earlier this month", "the middle of the last
# month"). "the last week" and "the past week" are durations, not dates, and are left alone.
relative_period = rf"""
    (?: (?:the{ws}|)(?:beginning|start|middle|end){ws}of{ws}(?:the{ws}|)
      | {relative_hedge}(?=last|this|next)(?<!\bthe{ws})
    )
    (?P<period>(?:last|this|next){ws}week|(?:last|this){ws}month|last{ws}year)\b
"""

# A weekday with what qualifies it: "on Saturday" (the span starts at the day), "late Sunday", "early on
# Thursday morning", "Saturday afternoon", "last Monday", "next Sunday", "this coming Friday".
weekday = rf"""
    (?:(?P<wmod>late|early)(?:{ws}on|){ws}|)
    (?:(?=last|previous|next|this|coming)(?<!\bthe{ws})(?P<wrel>last|previous|next|this{ws}coming|coming){ws}|)
    (?={weekday_name})(?<!\b{named_day}{ws})(?<!\b{paper_before})
    (?P<wd>{weekday_name})
    (?!{ws}{paper_after})
    {time_of_day_after}
"""

# --- the gate ------------------------------------------------------------------------------------------------------

# The words other than month and weekday names that a date can start with: relative words, and the words that
# qualify days and parts of months.
other_first_words = (
    r"today|tonight|this|yesterday|last|tomorrow|next|previous|coming|early|earlier|late|later|mid|middle|beginning"
    r"|start|end"
)

# Every word a date can start with. Digits and "the" are let through apart.
first_word_list = "|".join(
    (month_names, may_lower, month_abbrevs, weekday_names, weekday_abbrevs, other_first_words)
).split("|")
first_word = trie_alternation(first_word_list)

# What every match passes first: a word start, then a digit, a first word, or "the" before a day or a part of a
# month. Most word starts in a report fail here within a letter or two, so the branches run only where a date may
# begin.
gate = rf"\b(?=\w)(?=[0-9]|{first_word}\b|the{ws}(?:[0-9]|(?:beginning|start|middle|end)\b))"

#: Every date expression the module knows, as one pattern. The branches are tried in order at each position, so
#: the fuller reading of the same words comes first ("March 24, 2018" before "March 24" before "March").
RE_DATE: Final = regex.compile(
    rf"""
    {gate}
    (?:
        {iso_date}
      | {numeric_date}
      | {month_day_year}
      | {day_month_year}
      | {month_first_range}
      | {day_first_range}
      | {month_day}
      | {day_month}
      | {month_year}
      | {part_of_month}
      | {bare_month}
      | {bare_year}
      | {today}
      | {yesterday}
      | {tomorrow}
      | {relative_period}
      | {weekday}
    )
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# The words (lower-cased) at which the gate can open, and the start of a word that begins with a digit where a
# date can begin: a day of one or two digits (and its suffix) before a blank, a dash, a slash or a point, or a
# year. Every branch of RE_DATE that starts with a digit starts with one of the two, so "1,600", "350" or
# "12,000" are not tried.
_GATE_WORDS: Final = frozenset(first_word_list) | {"the"}
RE_DIGIT_WORD: Final = regex.compile(
    r"(?<!\w)(?=[0-9]{1,2}(?i:st|nd|rd|th|)[\s\-/.\u2013\u2014]|(?:19|20)[0-9]{2}(?![0-9]))[0-9]"
)


class _DayOrPart:
    """The words that may follow "the" at the start of a date: a number, or a word for a part of a month."""

    _PARTS: Final = frozenset({"beginning", "start", "middle", "end"})

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and (word[:1].isdigit() or word in self._PARTS)


# "the" opens the gate only before a day or a part of a month: "the 24th of March", "the end of February".
_GATE_BEFORE: Final = {"the": _DayOrPart()}


# ---------------------------------------------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------------------------------------------


def _within(name: str, allowed: Container[object]) -> Callable[[Any, Any, Any], None]:
    """A validator: :class:`~ghouta_events.RecordError` unless the value is ``None`` or one of ``allowed``."""
    def check(_instance: object, _attribute: object, value: object) -> None:
        if value is not None and value not in allowed:
            raise RecordError(f"DateMention.{name} must be one of {allowed!r}, got {value!r}")
    return check


_MONTHS_RANGE: Final = range(1, 13)
_DAYS_RANGE: Final = range(1, 32)
_WEEKDAYS_RANGE: Final = range(7)


@attrs.frozen(kw_only=True)
class DateMention:
    """One date expression in a text, holding only what its words state.

    A range of days ("March 22-24") keeps its first day in ``month``/``day`` and its last in
    ``end_month``/``end_day``; its ``year`` is the year written after it.

    Attributes:
        span: where the words stand; cue words that only show a date follows ("in", "since") stay outside.
        year: the year stated, or ``None``.
        month: the month stated (1 to 12), or ``None``.
        day: the day of the month stated, or ``None``.
        weekday: the weekday named (0 is Monday, 6 is Sunday), or ``None``.
        relative: for words read against the anchor, one of ``"today"`` (today, tonight, this morning...),
            ``"yesterday"`` (also "last night"), ``"tomorrow"``, ``"last_week"``, ``"this_week"``,
            ``"next_week"``, ``"last_month"``, ``"this_month"``, ``"last_year"``, or ``"previous"`` ("last Monday",
            "previous Friday": the most recent such weekday strictly before the anchor); else ``None``. "The
            previous Friday" and "the last Friday" tell of a day before another in the story, not before the
            anchor, and are read as a plain weekday.
        part: ``"early"``, ``"mid"`` or ``"late"`` for a third of a month ("early March", "mid-April", "the end of
            February"); never set for a day ("late Saturday" is still Saturday).
        future: the words themselves point forward ("tomorrow", "next week", "next Sunday", "this coming Friday").
        end_month: the month a range of days ends in, when it is not ``month``; else ``None``.
        end_day: the day a range of days ends on, or ``None`` when the mention is not a range.

    A value out of its range raises :class:`~ghouta_events.RecordError`.
    """

    span: Span
    year: int | None = None
    month: int | None = attrs.field(default=None, validator=_within("month", _MONTHS_RANGE))
    day: int | None = attrs.field(default=None, validator=_within("day", _DAYS_RANGE))
    weekday: int | None = attrs.field(default=None, validator=_within("weekday", _WEEKDAYS_RANGE))
    relative: str | None = attrs.field(default=None, validator=_within("relative", RELATIVES))
    part: str | None = attrs.field(default=None, validator=_within("part", PARTS))
    future: bool = False
    end_month: int | None = attrs.field(default=None, validator=_within("end_month", _MONTHS_RANGE))
    end_day: int | None = attrs.field(default=None, validator=_within("end_day", _DAYS_RANGE))

    def is_full(self) -> bool:
        """Whether day, month and year are all stated, so the date needs no anchor."""
        return self.day is not None and self.month is not None and self.year is not None

    def resolve(
        self, anchor: dt.date | None, *, basis: DateBasis = DateBasis.PUBLISHED, future: bool = False
    ) -> DateRange | None:
        """The days the mention means, or ``None`` when they cannot be known without guessing.

        Full dates, months with their year and years alone are read as written, with basis ``STATED`` whatever
        ``basis`` says. Everything else needs ``anchor`` and records ``basis``:

        - a day and month without a year take the anchor's year, or the year before when that would put them more
          than ``LOOKAHEAD_DAYS`` after the anchor; a month without a year, the same by its first day;
        - a weekday is the most recent such day on or before the anchor (the anchor's own weekday is the anchor);
          when the clause points forward (``future`` here, or the mention's own flag) it is the next such day on
          or after the anchor; "last Monday" is the most recent Monday strictly before the anchor;
        - today, yesterday and tomorrow are the anchor, the day before and the day after; last/this/next week are
          the Monday-to-Sunday weeks before, of and after the anchor's; last/this month and last year likewise.

        Parts of a month cover days 1-10 (early), 11-20 (mid) and 21 to the month's end (late). A date that does not
        exist ("February 30") gives ``None``; so does a range that ends before it starts. This never raises.

        Args:
            anchor: the date relative words are read against (the publication date or a dateline), or ``None``.
            basis: what ``anchor`` is, recorded on ranges that depend on it.
            future: the caller knows the clause points forward ("will leave on Sunday").

        Returns:
            The range meant, or ``None``.
        """
        if isinstance(anchor, dt.datetime):
            anchor = anchor.date()
        try:
            return self._resolve(anchor, basis, future or self.future)
        except (ValueError, OverflowError):
            return None

    def _resolve(self, anchor: dt.date | None, basis: DateBasis, future: bool) -> DateRange | None:
        if self.relative is not None:
            return None if anchor is None else self._resolve_relative(anchor, basis)
        if self.month is not None:
            return self._resolve_calendar(self.month, anchor, basis)
        if self.year is not None:
            return DateRange(start=dt.date(self.year, 1, 1), end=dt.date(self.year, 12, 31),
                             precision=Precision.YEAR, basis=DateBasis.STATED)
        if self.weekday is not None and anchor is not None:
            if future:
                return DateRange.day(anchor + dt.timedelta(days=(self.weekday - anchor.weekday()) % 7), basis=basis)
            return DateRange.day(anchor - dt.timedelta(days=(anchor.weekday() - self.weekday) % 7), basis=basis)
        return None

    def _resolve_relative(self, anchor: dt.date, basis: DateBasis) -> DateRange | None:
        relative = self.relative
        if relative in _DAY_OFFSETS:
            return DateRange.day(anchor + dt.timedelta(days=_DAY_OFFSETS[relative]), basis=basis)
        if relative == "previous":
            if self.weekday is None:
                return None
            back = (anchor.weekday() - self.weekday - 1) % 7 + 1
            return DateRange.day(anchor - dt.timedelta(days=back), basis=basis)
        if relative in _WEEK_OFFSETS:
            monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=_WEEK_OFFSETS[relative])
            return DateRange(start=monday, end=monday + dt.timedelta(days=6), precision=Precision.WEEK, basis=basis)
        if relative in ("last_month", "this_month"):
            year, month = anchor.year, anchor.month
            if relative == "last_month":
                year, month = (year - 1, 12) if month == 1 else (year, month - 1)
            return _month_range(year, month, basis)
        # last_year
        return DateRange(start=dt.date(anchor.year - 1, 1, 1), end=dt.date(anchor.year - 1, 12, 31),
                         precision=Precision.YEAR, basis=basis)

    def _resolve_calendar(self, month: int, anchor: dt.date | None, basis: DateBasis) -> DateRange | None:
        if self.year is not None:
            year, basis = self.year, DateBasis.STATED
            if self.end_month is not None and self.end_month < month:
                year -= 1  # "December 30 - January 2, 2018": the year written belongs to the end
        elif anchor is not None:
            year = _year_for(month, self.day or 1, anchor)
        else:
            return None
        if self.day is None:
            if self.part is None:
                return _month_range(year, month, basis)
            first, last = PARTS[self.part]
            last_day = calendar.monthrange(year, month)[1] if last is None else last
            return DateRange(start=dt.date(year, month, first), end=dt.date(year, month, last_day),
                             precision=Precision.PART_OF_MONTH, basis=basis)
        start = dt.date(year, month, self.day)
        if self.end_day is None:
            return DateRange.day(start, basis=basis)
        end_month = self.end_month if self.end_month is not None else month
        end_year = year + 1 if end_month < month else year
        end = dt.date(end_year, end_month, self.end_day)
        if end <= start:
            return None
        return DateRange(start=start, end=end, precision=Precision.DAYS, basis=basis)


_DAY_OFFSETS: Final[Mapping[str | None, int]] = {"today": 0, "yesterday": -1, "tomorrow": 1}
_WEEK_OFFSETS: Final[Mapping[str | None, int]] = {"last_week": -1, "this_week": 0, "next_week": 1}



def _month_range(year: int, month: int, basis: DateBasis) -> DateRange:
    """The whole of one month."""
    last = calendar.monthrange(year, month)[1]
    return DateRange(start=dt.date(year, month, 1), end=dt.date(year, month, last), precision=Precision.MONTH,
                     basis=basis)


def _year_for(month: int, day: int, anchor: dt.date) -> int:
    """The year a day and month without a year fall in, read against ``anchor`` (raises if the day is invalid)."""
    candidate = dt.date(anchor.year, month, day)
    if (candidate - anchor).days > LOOKAHEAD_DAYS:
        dt.date(anchor.year - 1, month, day)  # the day must exist in that year too ("February 29")
        return anchor.year - 1
    return anchor.year


# ---------------------------------------------------------------------------------------------------------------
# Scanning
# ---------------------------------------------------------------------------------------------------------------


def _lookup(table: Mapping[str, int], word: str | None) -> int | None:
    """A month or weekday number by the first three letters of ``word``, or ``None``."""
    if word is None:
        return None
    return table.get(word.casefold()[:3])


def _int(digits: str | None) -> int | None:
    """The number an ASCII digit string starts with, before an ordinal suffix ("24th"), or ``None``."""
    if digits is None:
        return None
    length = len(digits) - len(digits.lstrip("0123456789"))
    return int(digits[:length])


def _numeric_day_month(first: int, second: int) -> tuple[int, int] | None:
    """Day and month from a numeric date: day first unless only the second number can be a day."""
    if first > 12 and second <= 12:
        return first, second
    if second > 12 and first <= 12:
        return second, first
    if first <= 12 and second <= 12:
        return first, second
    return None


# The words of "last week", "this month"... by their first letters.
_PERIOD_WHICH: Final[Mapping[str, str]] = {"l": "last", "t": "this", "n": "next"}
_PERIOD_UNIT: Final[Mapping[str, str]] = {"w": "week", "m": "month", "y": "year"}


def _mention(match: regex.Match[str]) -> DateMention | None:
    """The mention one match of :data:`RE_DATE` stands for, or ``None`` when the words cannot be a date."""
    group = match.groupdict()
    year_digits, mnum, day, n1, n2, wd = (group[name] for name in ("year", "mnum", "day", "n1", "n2", "wd"))
    month_name, month2, day2, part, period, wrel = (
        group[name] for name in ("month", "month2", "day2", "part", "period", "wrel"))
    today, yesterday, tomorrow = group["today"], group["yesterday"], group["tomorrow"]
    span = Span(start=match.start(), end=match.end())
    weekday = _lookup(WEEKDAYS, wd)
    if today is not None:
        return DateMention(span=span, relative="today")
    if yesterday is not None:
        return DateMention(span=span, relative="yesterday")
    if tomorrow is not None:
        return DateMention(span=span, relative="tomorrow", future=True)
    if period is not None:
        # By first letters, as for parts of months.
        words = period.split()
        relative = f"{_PERIOD_WHICH[words[0][0].lower()]}_{_PERIOD_UNIT[words[-1][0].lower()]}"
        return DateMention(span=span, relative=relative, future=relative == "next_week")
    year = _int(year_digits)
    if n1 is not None:
        numbers = _numeric_day_month(int(n1), int(n2))
        if numbers is None:
            return None
        return DateMention(span=span, year=year, month=numbers[1], day=numbers[0])
    month = _int(mnum) or _lookup(MONTHS, month_name)
    end_month = _lookup(MONTHS, month2)
    if month is None and end_month is not None:
        month, end_month = end_month, None
    if end_month == month:
        end_month = None
    if month is not None:
        return DateMention(
            span=span, year=year, month=month, day=_int(day), weekday=weekday,
            part=None if part is None else _PART_WORDS.get(part.casefold()[:2]),
            end_month=end_month, end_day=_int(day2),
        )
    if year is not None:
        return DateMention(span=span, year=year)
    if weekday is None:
        return None
    if wrel is None:
        return DateMention(span=span, weekday=weekday)
    if wrel[0].lower() in ("l", "p"):  # last, previous
        return DateMention(span=span, weekday=weekday, relative="previous")
    return DateMention(span=span, weekday=weekday, future=True)  # next, coming, this coming


def find_dates(text: str, *, words: Words | None = None) -> list[DateMention]:
    """Every date expression in ``text``, in order of position; empty when there is none. Never raises.

    What is found: full dates ("March 24, 2018", "24 March 2018", "Apr. 3, 2018", "April 13th, 2018",
    "24 Saturday Mar 2018", "2018-03-24"); numeric dates ("24/03/2018"), read day first unless only the second
    number can be a day ("03/24/2018"), so "04/03/2018" is the 4th of March; days and months without a year
    ("March 15", "24 March"); ranges of days ("March 22-24", "between March 10 and 12", "30 March - 2 April");
    months with or without a year ("March 2018", "in March"), and their thirds ("early March", "mid-April",
    "the end of February"); years after a cue ("in 2013", "since 2011", "the 2011 uprising", "mid-2017"), never a
    count ("2000 people"); weekdays ("on Saturday", "late Sunday", "Thursday evening", "last Monday",
    "next Sunday"); and relative words ("today", "tonight", "this morning", "yesterday", "last night",
    "tomorrow", "last week", "this week", "next week", "last month", "this month", "the middle of the last month",
    "last year").

    Left alone: durations ("in the past week", "over the last month", "three days ago"), times of day ("11:08 GMT"),
    named days ("Good Friday"), newspapers ("the Sunday Times"), lowercase "may" after a number, and month
    abbreviations standing alone ("by Jan Egeland").

    Args:
        text: any string.
        words: the words of ``text``, when the caller has them already.

    Returns:
        The mentions, sorted by position, not overlapping.
    """
    # RE_DATE can match only where its gate lets it: at a word that starts with a digit, or is a first word of a
    # date, or is "the". Those places are found from the words; the pattern is tried there alone, left to right,
    # which gives the matches RE_DATE.finditer would.
    if words is None:
        words = Words(text)
    starts = sorted({*words.starts_among(_GATE_WORDS, _GATE_BEFORE),
                     *(m.start() for m in RE_DIGIT_WORD.finditer(text))})
    mentions = []
    last_end = 0
    for start in starts:
        if start < last_end:
            continue
        match = RE_DATE.match(text, start, timeout=pattern_timeout(), concurrent=False)
        if match is None:
            continue
        last_end = match.end()
        mention = _mention(match)
        if mention is not None:
            mentions.append(mention)
    return mentions


def _header_end(text: str) -> int:
    """Where the header of a report ends: after ``HEADER_CHARS`` characters, or after its first ``HEADER_LINES``
    non-empty lines when they end further on but within ``HEADER_MAX_CHARS``."""
    lines = text[:HEADER_MAX_CHARS].split("\n")
    if len(text) > HEADER_MAX_CHARS:
        lines.pop()  # it runs on past the limit
    seen = position = end = 0
    for line in lines:
        position += len(line) + 1
        if line.strip():
            seen, end = seen + 1, position
            if seen == HEADER_LINES:
                break
    return max(HEADER_CHARS, end)


def _full_day(mention: DateMention) -> dt.date | None:
    """The day a full single date names, or ``None`` for anything else (ranges, invalid days)."""
    if not mention.is_full() or mention.end_day is not None:
        return None
    found = mention.resolve(None)
    return None if found is None else found.start


def find_anchor(
    text: str, mentions: Sequence[DateMention] | None = None
) -> tuple[dt.date, DateBasis] | None:
    """The date relative words in this report should be read against when the caller gave no publication date.

    A full date in the header (the first ``HEADER_CHARS`` characters, or the first ``HEADER_LINES`` non-empty lines
    when they reach further) is a dateline: "24 Saturday Mar 2018", "Published April 13th, 2018 - 11:08 GMT",
    "14 March, 2018", "BEIRUT, March 24, 2018 (Reuters) -"; the first such date is taken, with basis ``DATELINE``.
    Otherwise the latest full date stated anywhere in the text is taken, with basis ``LATEST_STATED``. A dateline
    without a year ("TASS, March 24.") is no anchor, and neither is a range of days. Never raises.

    Args:
        text: the report's text.
        mentions: the mentions :func:`find_dates` gives for ``text``, when the caller has them already.

    Returns:
        The anchor and what it is, or ``None`` when the text states no full date.
    """
    if mentions is None:
        mentions = find_dates(text)
    header_end = _header_end(text)
    latest: dt.date | None = None
    for mention in sorted(mentions, key=lambda m: m.span.start):
        day = _full_day(mention)
        if day is None:
            continue
        if mention.span.start < header_end:
            return day, DateBasis.DATELINE
        if latest is None or day > latest:
            latest = day
    return None if latest is None else (latest, DateBasis.LATEST_STATED)
