"""Numbers in news text: where each stands, the integer it reads as, its hedge, and what sort of number it is.

:func:`find_numbers` scans a text once with one compiled pattern, :data:`RE_NUMBER`, that finds digit runs
("1,600", "31 915", "5.4 million", "950+", "19th"), number words ("Seventeen", "eight-thousand", "a dozen",
"one hundred and twenty") and vague amounts ("hundreds", "tens of thousands", "several"), each with the hedge
written just before it ("more than", "about", "at least"). A small window either side of each hit then decides
its :class:`NumberRole` (a count, a year, a day of the month, a time, a percentage, an age...) and pairs the two
ends of ranges ("18,000 to 20,000", "between 300 and 400").

Every pattern is compiled once at import. The scan is linear in the length of the text: unbounded runs (digits,
groups of three) are possessive, everything else is bounded, and the windows looked at around a hit have a fixed
size. Nothing here raises on any string.
"""

from __future__ import annotations

import enum
from fractions import Fraction
from typing import Final

import attrs
import regex

from .._model import Qualifier, Span

__all__ = ["NumberMention", "NumberRole", "find_numbers"]


class NumberRole(enum.Enum):
    """What a number is, decided from its own form and its immediate neighbours only."""

    COUNT = "count"  #: a count that could be of people, buses, vehicles...: "981", "Seventeen", "38-bus"
    YEAR = "year"  #: "in 2013", "since 2011", "the 2016 deal" (1900-2099, four digits, no separator)
    DATE_DAY = "date_day"  #: a day of the month next to a month name: "March 24", "24 March", "April 13th"
    TIME = "time"  #: a time of day: "1400 GMT", "4:00 pm", "11:40 P.M."
    PERCENT = "percent"  #: "10 percent", "85%", "85 per cent"
    ORDINAL = "ordinal"  #: "19th", "6th", "second", "third"
    DISTANCE = "distance"  #: "320km", "200 miles", "5 kilometres"
    MONEY = "money"  #: "$5 million", "5 million dollars", "USD 300", "£20"
    AGE = "age"  #: "Mohammad, 20,", "a 12-year-old", "aged 20"
    DURATION = "duration"  #: a number of time units: "seven years", "three days", "several hours"
    OTHER = "other"  #: resolution numbers, identifiers, phone numbers, fractions, weights, anything else


@attrs.frozen(kw_only=True)
class NumberMention:
    """One number found in a text, with its hedge and its role.

    Attributes:
        span: the whole phrase, hedge and currency sign included: "more than 1,600", "about 7,500", "950+",
            "$5 million"; never the noun or unit that follows.
        number_span: just the number as written: "1,600", "Seventeen", "a dozen", "eight-thousand", "5.4 million".
        value: the integer read, or ``None`` when the amount is vague ("hundreds"), not a whole number
            ("2.5 percent"), a compound form ("11:40") or an identifier too long to be an amount. The low end of a
            range takes the scale word of the high end: in "18 to 20 thousand" the low end reads 18000.
        qualifier: the hedge before the number (README convention 5); ``AT_LEAST`` and ``UP_TO`` for the low and
            high ends of a range.
        vague: whether the number is a vague amount: "hundreds", "several hundred", "dozens", "a few".
        low: for a vague amount, the least it can mean ("hundreds" is at least 200); ``None`` otherwise.
        high: for a vague amount, the most it can mean ("hundreds" is at most 999), or ``None`` when open or not
            vague.
        role: what sort of number it is.
        range_with: for either end of a range, the index in the returned list of the other end; else ``None``.
    """

    span: Span
    number_span: Span
    value: int | None
    qualifier: Qualifier
    vague: bool
    low: int | None
    high: int | None
    role: NumberRole
    range_with: int | None = None


# --- The grammar, in small named fragments --------------------------------------------------------------------

# A decimal digit: ASCII, Arabic-Indic (U+0660-0669) or Extended Arabic-Indic (U+06F0-06F9).
_d = r"[0-9\u0660-\u0669\u06F0-\u06F9]"
# White space between two words of one phrase: one to three characters (spaces, no-break and thin spaces, a line
# break), possessive, so a long run of blanks is never searched twice.
_ws = r"\s{1,3}+"
# Optional white space before a unit or sign glued or spaced: "85%", "85 %".
_ows = r"\s{0,3}+"
# A space that may separate groups of three digits: plain, no-break, thin or narrow no-break.
_group_space = r"[\x20\u00A0\u2009\u202F]"

# Month names as written in datelines and dates: full, three letters, "Sept"; title case or capitals only, so the
# verb "march" and the modal "may" are not months.
_MONTH_FORMS: Final = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
)
_month = "(?-i:" + "|".join(sorted({*_MONTH_FORMS, *(m.upper() for m in _MONTH_FORMS)}, key=len, reverse=True)) + ")"
# Days of the week, for "24 Saturday Mar 2018".
_WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_weekday = "(?-i:" + "|".join([*_WEEKDAYS, *(w.upper() for w in _WEEKDAYS)]) + ")"

# Digits grouped in threes by commas (or the Arabic thousands separator U+066C): 1,600; 105,000; 1,000,000.
# Each group is exactly three digits.
_comma_grouped = rf"{_d}{{1,3}}(?:[,\u066C]{_d}{{3}}(?!{_d}))++"
# Digits grouped in threes by points, at least two groups so "1.600.000" is not a decimal.
_point_grouped = rf"{_d}{{1,3}}(?:\.{_d}{{3}}(?!{_d})){{2,}}+"
# Digits grouped in threes by a space of any width ("31 915"), but not a day after a month ("March 24 200").
_space_grouped = rf"{_d}{{1,3}}(?<!{_month}\.?{_ws}{_d}{{1,3}})(?:{_group_space}{_d}{{3}}(?!{_d}))++"
# The integer part: grouped or a plain run; the plain run is possessive so it is never re-split.
_integer = rf"(?:{_point_grouped}|{_comma_grouped}|{_space_grouped}|{_d}++)"
# A time of day's minutes and seconds after a colon: "11:40", "4:00:00".
_time_tail = rf":{_d}{{2}}(?!{_d})(?::{_d}{{2}}(?!{_d}))?+"
# Words that multiply the number before them: "5.4 million", "135 thousand", "3 dozen".
_scale_word = r"(?:thousand|million|billion|hundred|dozen|mln|bln|bn)s?+\b"
# A decimal fraction after a point (or the Arabic decimal separator U+066B): "5.4", "6.55".
_point_tail = rf"[.\u066B]{_d}++"
# A decimal fraction after a comma, read only before a scale word: "103,6 thousand".
_comma_tail = rf",{_d}{{1,2}}(?!{_d})(?={_ows}{_scale_word})"
# A currency sign or code written before the number: "$5", "US$ 5", "£20", "USD 300".
_currency = r"(?:(?:(?<!\w)(?:US|A|C|HK|NZ))?\$|£|€|¥|(?<!\w)(?-i:USD|EUR|GBP|SYP|RUB)(?!\w))[\x20\u00A0]?+"
# A number written in digits, with what may be glued to it: currency, fraction or minutes, scale, "+" or an
# ordinal suffix. It never starts inside a digit run, nor right after "digit." "digit," "digit:" "digit/".
_digits = rf"""
    (?P<cur>{_currency})?
    (?<!{_d})(?<!{_d}[.,:/\u066B\u066C])
    (?P<int>{_integer})
    (?:(?P<time>{_time_tail})|(?P<frac>{_point_tail})|(?P<cfrac>{_comma_tail}))?
    (?:(?:{_ows}|-)(?P<scale>{_scale_word}|(?(cur)(?:m|bn|k)\b|(?!))))?
    (?:(?P<plus>\+)(?![\d+])|(?P<ordsuf>st|nd|rd|th)\b)?
"""

# Number words. Units, teens and tens; "one" only inside a larger phrase ("one hundred", "twenty-one").
_unit = r"(?:one|two|three|four|five|six|seven|eight|nine)\b"
_unit_not_one = r"(?:two|three|four|five|six|seven|eight|nine)\b"
_teen = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b"
_tens = r"(?:twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety)\b"
# Between two number words: a hyphen or a little white space ("twenty-five", "eight-thousand", "One Thousand").
_wsep = rf"(?:-|{_ws})"
# "and" inside a number phrase: "one hundred and twenty".
_and = rf"(?:{_ws}and)?{_wsep}"
# 1 to 99.
_small = rf"(?:{_tens}(?:{_wsep}{_unit})?|{_teen}|{_unit})"
# 1 to 99 standing alone: the bare "one" is a pronoun or determiner far more often than a count.
_small_alone = rf"(?:{_tens}(?:{_wsep}{_unit})?|{_teen}|{_unit_not_one})"
# The head of a multiplied phrase: a number, "a", or "half a".
_head = rf"(?:{_small}|half{_ws}a\b|a\b)"
# 100 to 999: "a hundred", "three hundred and forty".
_hundreds = rf"{_head}{_wsep}hundred\b(?:{_and}{_small})?"
_below_thousand = rf"(?:{_hundreds}|{_small})"
# Thousands and up: "eight-thousand", "One Thousand", "two million five hundred thousand", "half a million".
_scaled_words = (
    rf"(?:{_below_thousand}|half{_ws}a\b|a\b){_wsep}(?:thousand|million|billion)\b"
    rf"(?:{_and}{_below_thousand}(?:{_wsep}thousand\b(?:{_and}{_below_thousand})?)?)?"
)
# Dozens counted: "a dozen", "two dozen", "half a dozen" (not "dozens", which is vague).
_dozen = rf"{_head}{_wsep}dozen\b"
_words = rf"(?<!\w)(?:{_scaled_words}|{_dozen}|{_hundreds}|{_small_alone})"

# Ordinal words: "first" to "twentieth", the tens, and compounds such as "twenty-first".
_ORDINAL_UNITS: Final = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9,
}
_ORDINAL_WORDS: Final = {
    **_ORDINAL_UNITS, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80,
    "ninetieth": 90, "hundredth": 100, "thousandth": 1000,
}
_ordinal_words = (
    rf"(?<!\w)(?:{_tens}-?(?:{'|'.join(_ORDINAL_UNITS)})|{'|'.join(sorted(_ORDINAL_WORDS, key=len, reverse=True))})"
    r"\b"
)

# Vague amounts, longest first: "tens of thousands" before "tens", "several hundred" before "several".
_vague = rf"""(?<!\w)(?:
    (?:tens|hundreds){_ws}of{_ws}(?:thousands|millions)\b
  | (?:several|a{_ws}few|many){_ws}(?:hundred|thousand|dozen)s?\b
  | (?:hundreds|thousands|millions|dozens)\b
  | (?:scores|tens)(?={_ws}of\b)
  | a{_ws}few\b
  | several\b
)"""

# A hedge written before a number, ending in white space. Longer forms come before their prefixes.
_adverb = rf"(?:(?:well|just|slightly|far|much|a{_ws}little|a{_ws}bit){_ws})"
_hedge = rf"""(?<!\w)(?:
    {_adverb}?(?:more(?:{_ws}|-)than|over|above|under|below|less{_ws}than|fewer{_ws}than)
  | upwards{_ws}of | in{_ws}excess{_ws}of | surpass(?:ed|es|ing)? | exceed(?:ed|s|ing)?
  | at{_ws}least | no[tn]?{_ws}(?:fewer|less|more){_ws}than | a{_ws}minimum{_ws}of
  | approx(?:imately|\.)? | about | around | some | roughly | (?:an{_ws})?estimated | nearly | almost
  | close{_ws}to | circa | ca\. | (?:an{_ws})?approximate | just{_ws}about
  | as{_ws}(?:many|much){_ws}as | up{_ws}to | at{_ws}most | (?:a{_ws})?maximum{_ws}of
  | (?:a{_ws})?total{_ws}of | a{_ws}further | another | an{_ws}additional | between
){_ws}"""

#: The single scanning pattern: an optional hedge, then a number in digits, a vague amount, number words or an
#: ordinal word ("twenty-first" before "twenty"). Case-insensitive except for month names and currency codes.
RE_NUMBER: Final = regex.compile(
    rf"""
    (?P<hedge>{_hedge})?
    (?:
        {_digits}
      | (?P<vague>{_vague})
      | (?P<ordword>{_ordinal_words})
      | (?P<words>{_words})
    )
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# --- What stands right after a number ---------------------------------------------------------------------------

# "of" between a vague amount and its unit: "dozens of kilometres", "thousands of dollars".
_of = rf"(?:{_ws}of\b)?(?:{_ows}|-)"
# Nouns that are counted: people in their many names, and vehicles. A year is not followed by one of these.
_COUNT_NOUN_WORDS: Final = (
    "people persons person civilians civilian fighters fighter militants militant rebels rebel gunmen terrorists "
    "insurgents jihadists islamists combatants militiamen mercenaries members families family children kids "
    "women men residents inhabitants villagers citizens locals evacuees refugees displaced buses busses bus "
    "vehicles trucks lorries cars ambulances convoys soldiers troops detainees prisoners hostages abductees "
    "captives wounded injured dead bodies casualties victims deaths fatalities patients individuals volunteers "
    "workers personnel officers policemen students households homes houses youths infants babies boys girls "
    "relatives dependents dependants defectors commanders leaders batches trips"
)
_count_noun = "(?:" + "|".join(sorted(_COUNT_NOUN_WORDS.split(), key=len, reverse=True)) + r")\b"
# A word between the number and the noun it counts: "2000 Syrian rebels".
_any_word = r"[\p{L}\p{M}'’-]{1,30}+"

#: What follows a number, tried in this order: the first branch that matches gives the role.
RE_AFTER: Final = regex.compile(
    rf"""
      (?P<time>{_ows}(?:GMT|UTC|[ap]\.?\x20?m\.?(?!\w)|o['’]clock\b|local{_ws}time\b)|(?<=[0-2]\d[0-5]\d){_ows}hrs\b)
    | (?P<percent>{_of}(?:%|٪|percent\b|per[\x20-]?cent\b|pct\b|percentage{_ws}points?\b))
    | (?P<money>{_of}(?:(?:US|American|Syrian|Lebanese|Turkish|Russian){_ws})?
        (?:dollars?|euros?|pounds?(?!{_ws}of\b)|liras?|lire|roubles?|rubles?|dinars?|riyals?|yuan|dirhams?
          |(?-i:USD|EUR|GBP|SYP))\b)
    | (?P<age>(?:-|{_ws})(?:year|month)s?(?:-|{_ws})old\b)
    | (?P<unit>{_of}(?:(?:sq\.?|square){_ws}(?:km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?)\b|km2|km²
        |tons?\b|tonnes?\b|kg\b|kilos?\b|kilograms?\b|litres?\b|liters?\b|mm\b|cm\b|calibre\b|caliber\b))
    | (?P<distance>{_of}(?:km|kms|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|m|yards?|feet|ft)\b)
    | (?P<duration>{_of}(?:years?|months?|weeks?|days?|hours?|minutes?|mins?|seconds?|decades?|centur(?:y|ies)
        |nights?)\b)
    | (?P<month>(?:{_ws}of)?{_ws}(?:{_weekday},?{_ws})?{_month}(?!\w))
    | (?P<decade>['’]?s\b)
    | (?P<fraction>-(?:thirds?|quarters?|fourths?|fifths?|sixths?|tenths?|halves|half)\b)
    | (?P<glued_noun>-?{_count_noun})
    | (?P<hyphen_noun>-\p{{L}})
    | (?P<glued>[\p{{L}}\p{{M}}]|[.,:/]{_d})
    | (?P<count>(?:{_ws}{_any_word}){{0,2}}?{_ws}{_count_noun})
    | (?P<comma>{_ows},)
    | (?P<paren>{_ows}\))
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

#: A plural noun right after "several" (perhaps after one adjective): "several buses", "several Syrian rebels".
RE_PLURAL_AHEAD: Final = regex.compile(
    rf"{_ws}(?:{_any_word}{_ws})?(?:people|men|women|children|police|personnel|[\p{{L}}'’-]{{1,30}}+"
    rf"(?<=\p{{L}}{{2}}[^\W\dsiu]s))\b",
    regex.IGNORECASE,
)

# --- What stands right before a number ---------------------------------------------------------------------------

#: How many characters before a hit are looked at.
BEFORE_WINDOW: Final = 40

#: What precedes a number, anchored at the hit; the leftmost (longest) branch that reaches the hit wins.
RE_BEFORE: Final = regex.compile(
    rf"""(?:
      (?P<month>(?<!\w){_month}\.?{_ws})
    | (?P<month_comma>(?<!\w){_month}\.?,{_ws})
    | (?P<ref>(?<!\w)(?:resolution|article|chapter|section|decree|law|page|route|highway|flight|paragraph|item
        |clause|room|(?-i:No|Nos|NO))\.?{_ws}|\#{_ows}|(?<!\w)(?-i:no|nos)\.{_ows})
    | (?P<aged>(?<!\w)(?:aged|age|ages){_ws})
    | (?P<name_comma>(?<!\w)(?-i:\p{{Lu}}[\p{{L}}'’-]{{1,30}}+),{_ws})
    | (?P<name_paren>(?<!\w)(?-i:\p{{Lu}}[\p{{L}}'’-]{{1,30}}+){_ws}\()
    | (?P<year_prep>(?<!\w)(?:in|since|until|till|during|early|late|mid|spring|summer|autumn|winter|year
        |end{_ws}of|beginning{_ws}of|start{_ws}of)(?:{_ws}|-))
    | (?P<from>(?<!\w)from{_ws})
    | (?P<month_day>(?<!\w){_month}\.?{_ws}{_d}{{1,2}}(?:st|nd|rd|th)?,?{_ws})
    | (?P<year_run>(?<!{_d})(?:19|20){_d}{{2}}\x20)
    | (?P<digit_run>{_d}\x20)
    | (?P<glue>[\p{{L}}\p{{M}}\#+]|\p{{L}}-)
    )\Z""",
    regex.VERBOSE | regex.IGNORECASE,
)

#: What may join the two ends of a range: a dash, "to", or "and" after "between".
RE_RANGE_GAP: Final = regex.compile(
    r"(?P<dash>\s{0,3}+[-\u2010-\u2015\u2212]\s{0,3}+)|\s{1,3}+(?P<word>to|and)\s{1,3}+", regex.IGNORECASE
)

# --- Values -----------------------------------------------------------------------------------------------------

#: Digit runs longer than this are identifiers, not amounts, and get no value.
MAX_DIGITS: Final = 15
_ARABIC_DIGITS: Final = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_SCALES: Final = {
    "hundred": 100, "dozen": 12, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "mln": 1_000_000, "bln": 1_000_000_000, "bn": 1_000_000_000, "m": 1_000_000, "k": 1_000,
}
_SMALL_WORDS: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
RE_WORD: Final = regex.compile(r"[a-z]+")
RE_NOT_DIGIT: Final = regex.compile(r"\D++")

#: The bounds of vague amounts, keyed by their words in lower case with plural "s" and "of" dropped.
VAGUE_BOUNDS: Final[dict[str, tuple[int, int | None]]] = {
    "ten thousand": (20_000, 99_999),
    "hundred thousand": (200_000, 999_999),
    "ten million": (20_000_000, 99_999_999),
    "hundred million": (200_000_000, 999_999_999),
    "hundred": (200, 999),
    "thousand": (2_000, 9_999),
    "million": (2_000_000, 999_999_999),
    "dozen": (24, 99),
    "score": (40, None),
    "ten": (20, 99),
    "a few": (2, None),
    "several": (3, None),
}

# The hedges each qualifier stands for, as normalised by _hedge_key (lower case, single spaces, no adverb).
_HEDGES: Final[dict[Qualifier, tuple[str, ...]]] = {
    Qualifier.MORE_THAN: (
        "more than", "over", "above", "upwards of", "in excess of", "surpassed", "surpasses", "surpassing",
        "surpass", "exceeded", "exceeds", "exceeding", "exceed",
    ),
    Qualifier.AT_LEAST: ("at least", "no fewer than", "no less than", "not fewer than", "not less than",
                         "non less than", "a minimum of"),
    Qualifier.ABOUT: (
        "about", "around", "some", "approximately", "approx.", "approx", "roughly", "an estimated", "estimated",
        "nearly", "almost", "close to", "circa", "ca.", "an approximate", "approximate", "just about",
    ),
    Qualifier.UP_TO: ("as many as", "as much as", "up to", "no more than", "not more than", "at most",
                      "a maximum of", "maximum of"),
    Qualifier.LESS_THAN: ("less than", "fewer than", "under", "below"),
    Qualifier.EXACT: ("a total of", "total of", "a further", "another", "an additional"),
}
HEDGE_QUALIFIERS: Final[dict[str, Qualifier]] = {
    hedge: qualifier for qualifier, hedges in _HEDGES.items() for hedge in hedges
}
RE_ADVERB: Final = regex.compile(r"^(?:well|just|slightly|far|much|a little|a bit) (?=\w)")
RE_SPACES: Final = regex.compile(r"[\s-]++")

# Hedges that are also prepositions of time or place: "over three days", "under Resolution 2401" are no hedges
# for durations, years, days, times and ordinals.
_PREPOSITIONS: Final = frozenset({"over", "above", "under", "below"})
_PREPOSITION_ROLES: Final = frozenset(
    {NumberRole.DURATION, NumberRole.YEAR, NumberRole.DATE_DAY, NumberRole.TIME, NumberRole.ORDINAL}
)
# Roles an end may have on its own and still be part of a range of another role ("2000-3000 people").
_RANGE_LOOSE_ROLES: Final = frozenset({NumberRole.COUNT, NumberRole.YEAR})
# Hedges that may stand before a year and leave it a year.
_YEAR_HEDGES: Final = frozenset({"circa", "ca.", "between"})
_LARGEST_AGE: Final = 120


@attrs.frozen(kw_only=True)
class _Hit:
    """One match of RE_NUMBER, read: its parts, its value and the contexts that decide its role."""

    start: int  # where the phrase starts, hedge included
    lead: int  # where the number starts, currency sign included
    number_start: int
    number_end: int
    end: int  # the end of the phrase, a trailing "+" included
    hedge: str | None  # the hedge, normalised by _hedge_key
    value: int | None
    scale: int | None  # the multiplier of the scale word the number ends with, if any
    bare: bool  # a whole number with no scale word, to which the other end of a range may lend one
    vague: bool
    low: int | None
    high: int | None
    currency: bool
    plain_digits: int  # how many digits, when the number is a run of digits and nothing else; else 0
    non_integer: bool  # a decimal that does not come out whole
    thousands_point: int | None  # "1.600" read with a point between thousands, for counts
    ordinal: bool
    time: bool  # written with a colon: "11:40"
    plus: bool
    leading_zero: bool
    before: str | None  # the RE_BEFORE branch that matched
    after: str | None  # the RE_AFTER branch that matched


def _hedge_key(hedge: str) -> str:
    key = RE_SPACES.sub(" ", hedge.strip().casefold())
    return RE_ADVERB.sub("", key)


def _word_value(words: str) -> int:
    """The integer a phrase of number words reads as: "one hundred and twenty" is 120, "half a dozen" 6."""
    total = 0
    current = 0
    half = False
    for word in RE_WORD.findall(words.casefold()):
        if word in _SMALL_WORDS:
            current += _SMALL_WORDS[word]
        elif word in ("hundred", "dozen"):
            current = (current or 1) * _SCALES[word]
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0
        elif word == "half":
            half = True
    value = total + current
    return value // 2 if half else value


def _ordinal_value(word: str) -> int:
    """The integer an ordinal word reads as: "second" is 2, "twenty-first" 21."""
    parts = RE_WORD.findall(word.casefold())
    if len(parts) == 1:
        return _ORDINAL_WORDS.get(parts[0], 0)
    return _SMALL_WORDS.get(parts[0], 0) + _ORDINAL_UNITS.get(parts[-1], 0)


def _vague_bounds(words: str) -> tuple[int, int | None]:
    """The bounds of a vague amount; "several hundred" reads as "hundreds"."""
    parts = [word.removesuffix("s") for word in RE_WORD.findall(words.casefold()) if word != "of"]
    if len(parts) > 1 and parts[0] in ("several", "a", "many") and parts[-1] != "few":
        parts = parts[-1:]
    return VAGUE_BOUNDS.get(" ".join(parts), (2, None))


def _ascii_digits(text: str) -> str:
    return RE_NOT_DIGIT.sub("", text.translate(_ARABIC_DIGITS))


def _digits_value(match: regex.Match[str]) -> tuple[int | None, bool, int | None]:
    """A digit number's value, whether it is a decimal that is not whole, and its reading as "1.600" = 1600."""
    if match.group("time"):
        return None, False, None
    integer = _ascii_digits(match.group("int"))
    fraction = _ascii_digits(match.group("frac") or match.group("cfrac") or "")
    if len(integer) + len(fraction) > MAX_DIGITS:
        return None, False, None
    scale = _SCALES.get((match.group("scale") or "").casefold().removesuffix("s"), 1)
    amount = Fraction(f"{integer}.{fraction}" if fraction else integer) * scale
    if amount.denominator == 1:
        return int(amount), False, None
    if scale > 1:
        return round(amount), False, None
    thousands = None
    if len(fraction) == 3 and len(integer) <= 3 and not integer.startswith("0"):
        thousands = int(integer + fraction)
    return None, True, thousands


def _read(text: str, match: regex.Match[str]) -> _Hit | None:
    """Read one match of RE_NUMBER; ``None`` when it is no number after all ("several" before no plural)."""
    hedge = match.group("hedge")
    end = match.end()
    value: int | None = None
    scale: int | None = None
    low: int | None = None
    high: int | None = None
    plain_digits = 0
    non_integer = False
    thousands = None
    leading_zero = False
    ordinal = False
    if match.group("int"):
        group = "int"
        value, non_integer, thousands = _digits_value(match)
        scale_word = (match.group("scale") or "").casefold().removesuffix("s")
        scale = _SCALES.get(scale_word) if scale_word else None
        integer = match.group("int")
        digits = _ascii_digits(integer)
        written_plain = not (match.group("frac") or match.group("cfrac") or match.group("time") or scale_word)
        if written_plain and len(digits) == len(integer):
            plain_digits = len(digits)
        leading_zero = len(digits) > 1 and digits.startswith("0")
        ordinal = bool(match.group("ordsuf"))
    elif match.group("vague"):
        group = "vague"
        words = match.group("vague")
        if words.casefold() == "several" and RE_PLURAL_AHEAD.match(text, end) is None:
            return None
        low, high = _vague_bounds(words)
    elif match.group("words"):
        group = "words"
        words = match.group("words")
        value = _word_value(words)
        last = RE_WORD.findall(words.casefold())[-1]
        scale = _SCALES[last] if last in ("hundred", "thousand", "million", "billion") else None
    else:
        group = "ordword"
        value = _ordinal_value(match.group("ordword"))
        ordinal = True
    number_start = match.start(group)
    before = RE_BEFORE.search(text, max(0, match.start() - BEFORE_WINDOW), match.start())
    after = RE_AFTER.match(text, end)
    return _Hit(
        start=match.start(),
        lead=match.start("cur") if match.group("cur") else number_start,
        number_start=number_start,
        number_end=match.start("plus") if match.group("plus") else end,
        end=end,
        hedge=_hedge_key(hedge) if hedge else None,
        value=value,
        scale=scale,
        bare=scale is None and value is not None and not non_integer and not ordinal,
        vague=group == "vague",
        low=low,
        high=high,
        currency=bool(match.group("cur")),
        plain_digits=plain_digits,
        non_integer=non_integer,
        thousands_point=thousands,
        ordinal=ordinal,
        time=bool(match.group("time")),
        plus=bool(match.group("plus")),
        leading_zero=leading_zero,
        before=before.lastgroup if before else None,
        after=after.lastgroup if after else None,
    )


# The roles the text after a number gives, once the number's own form has not decided.
_AFTER_ROLES: Final = {
    "time": NumberRole.TIME,
    "percent": NumberRole.PERCENT,
    "money": NumberRole.MONEY,
    "age": NumberRole.AGE,
    "unit": NumberRole.OTHER,
    "distance": NumberRole.DISTANCE,
    "duration": NumberRole.DURATION,
    "fraction": NumberRole.OTHER,
    "glued_noun": NumberRole.COUNT,
    "hyphen_noun": NumberRole.COUNT,
    "glued": NumberRole.OTHER,
}
# Pairs of (before, after) branches that frame an age: "Mohammad, 20, was", "Ahmed (12)".
_AGE_FRAMES: Final = frozenset({("name_comma", "comma"), ("name_paren", "paren")})


def _is_year_shaped(hit: _Hit) -> bool:
    return hit.plain_digits == 4 and hit.value is not None and 1900 <= hit.value <= 2099


def _role(hit: _Hit, before: str | None, after: str | None, *, currency: bool) -> NumberRole:
    """The role of a number from its form and its neighbours: the first rule that applies."""
    if hit.time:
        return NumberRole.TIME
    if currency:
        return NumberRole.MONEY
    if hit.vague:
        role = _AFTER_ROLES.get(after or "", NumberRole.COUNT)
        return NumberRole.COUNT if role is NumberRole.OTHER and after != "unit" else role
    if before in ("glue", "ref") or (before == "digit_run" and not _is_year_shaped(hit)):
        return NumberRole.OTHER
    if after == "decade":
        return NumberRole.YEAR if _is_year_shaped(hit) else NumberRole.OTHER
    day_like = hit.value is not None and 1 <= hit.value <= 31 and (hit.plain_digits in (1, 2) or hit.ordinal)
    if after == "month" and day_like:
        return NumberRole.DATE_DAY
    if after in _AFTER_ROLES:
        return _AFTER_ROLES[after]
    if before == "month" and day_like:
        return NumberRole.DATE_DAY
    if before in ("month", "month_comma", "month_day", "digit_run") and _is_year_shaped(hit):
        return NumberRole.YEAR
    if hit.ordinal:
        return NumberRole.ORDINAL
    small = hit.value is not None and hit.value <= _LARGEST_AGE and 0 < hit.plain_digits <= 3
    if small and hit.hedge is None and (before == "aged" or (before, after) in _AGE_FRAMES):
        return NumberRole.AGE
    if _is_year_shaped(hit):
        hedged = hit.hedge is not None and hit.hedge not in _YEAR_HEDGES
        if before == "year_prep" or not (hedged or after == "count"):
            return NumberRole.YEAR
    if hit.leading_zero:
        return NumberRole.OTHER
    return NumberRole.COUNT


def _qualifier(hit: _Hit, role: NumberRole) -> Qualifier | None:
    """The qualifier the hedge gives; ``None`` when the hedge does not bear on the number."""
    if hit.hedge is None or hit.hedge == "between":
        return None
    if hit.hedge in _PREPOSITIONS and role in _PREPOSITION_ROLES:
        return None
    return HEDGE_QUALIFIERS.get(hit.hedge, Qualifier.EXACT)


def _value(hit: _Hit, role: NumberRole) -> int | None:
    if hit.non_integer and role is NumberRole.COUNT:
        return hit.thousands_point
    return hit.value


def _range(text: str, low: _Hit, high: _Hit) -> tuple[NumberRole, int, int] | None:
    """The role and values of a range when ``low`` and ``high`` are its two ends, else ``None``."""
    if low.vague or high.vague or low.plus or high.hedge is not None or high.currency:
        return None
    if high.start - low.end > 10 or low.before == "from":  # "from 300 to 400" is a change, not a range
        return None
    gap = RE_RANGE_GAP.fullmatch(text, low.end, high.start)
    if gap is None:
        return None
    word = (gap.group("word") or "").casefold()
    if (word == "and") != (low.hedge == "between"):
        return None
    role = _role(high, low.before, high.after, currency=low.currency)
    if _role(low, low.before, high.after, currency=low.currency) is not role:
        return None
    alone = (_role(low, low.before, low.after, currency=low.currency),
             _role(high, high.before, high.after, currency=False))
    if any(r is not role and r not in _RANGE_LOOSE_ROLES for r in alone):
        return None
    low_value, high_value = _value(low, role), _value(high, role)
    if low_value is None or high_value is None:
        return None
    if low.bare and high.scale is not None and low_value * high.scale < high_value:
        low_value *= high.scale  # "18 to 20 thousand": the low end takes the high end's scale
    if low_value >= high_value:
        return None
    return role, low_value, high_value


def _mention(hit: _Hit, *, role: NumberRole, value: int | None, qualifier: Qualifier | None,
             range_with: int | None = None) -> NumberMention:
    """The mention of a hit; the hedge is in its span only when it bears on the number."""
    if qualifier is None:
        start = hit.start if range_with is not None else hit.lead
        qualifier = Qualifier.MORE_THAN if hit.plus else Qualifier.EXACT
    else:
        start = hit.start
        if hit.plus and range_with is None:
            qualifier = Qualifier.MORE_THAN
    return NumberMention(
        span=Span(start=start, end=hit.end),
        number_span=Span(start=hit.number_start, end=hit.number_end),
        value=value,
        qualifier=qualifier,
        vague=hit.vague,
        low=hit.low,
        high=hit.high,
        role=role,
        range_with=range_with,
    )


def find_numbers(text: str) -> list[NumberMention]:
    """Every number in ``text``, in order of position, with its value, hedge and role. Never raises on any str.

    Both ends of a range are mentions that point at each other through ``range_with``: the low end is
    ``AT_LEAST``, the high end ``UP_TO``.

    >>> [(m.value, m.qualifier.value, m.role.name) for m in find_numbers("More than 1,600 fled in 2018.")]
    [(1600, 'more_than', 'COUNT'), (2018, 'exact', 'YEAR')]
    >>> [(m.value, m.qualifier.value, m.range_with) for m in find_numbers("18,000 to 20,000 people remain")]
    [(18000, 'at_least', 1), (20000, 'up_to', 0)]

    Args:
        text: any string.

    Returns:
        The mentions, sorted by where they start and never overlapping.
    """
    hits = [hit for match in RE_NUMBER.finditer(text) if (hit := _read(text, match)) is not None]
    mentions: list[NumberMention] = []
    index = 0
    while index < len(hits):
        hit = hits[index]
        pair = _range(text, hit, hits[index + 1]) if index + 1 < len(hits) else None
        if pair is not None:
            role, low_value, high_value = pair
            here = len(mentions)
            mentions.append(_mention(hit, role=role, value=low_value, qualifier=Qualifier.AT_LEAST,
                                     range_with=here + 1))
            mentions.append(_mention(hits[index + 1], role=role, value=high_value, qualifier=Qualifier.UP_TO,
                                     range_with=here))
            index += 2
            continue
        role = _role(hit, hit.before, hit.after, currency=hit.currency)
        mentions.append(_mention(hit, role=role, value=_value(hit, role), qualifier=_qualifier(hit, role)))
        index += 1
    return mentions
