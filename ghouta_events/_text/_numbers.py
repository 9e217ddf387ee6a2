"""Numbers in news text: where each stands, the integer it reads as, its hedge, and what sort of number it is.

:func:`find_numbers` scans a text once with one compiled pattern, :data:`RE_NUMBER`, that finds numbers in
digits ("1,600", "31 915", "5.4 million", "950+", "19th"), number words ("Seventeen", "eight-thousand",
"a dozen", "one hundred and twenty"), ordinal words ("second") and vague amounts ("hundreds", "tens of
thousands", "several"). Around each hit it then reads a few words either side: before, with :data:`RE_BEFORE`,
the hedge ("more than", "about", "at least"), a currency sign and the word that governs the number ("in",
"Resolution", "March"); after, with :data:`RE_AFTER`, the unit or noun that follows ("percent", "km", "years",
"people"). Tables of words turn those into a :class:`NumberRole` and a :class:`~ghouta_events.Qualifier`, and
the two ends of ranges ("18,000 to 20,000", "between 300 and 400", "from 4,000 to 6,000" but not "rose from 40
to 60") are paired. Two miswritten forms are read as meant: a misplaced separator ("3,5000" is 35000) and a
footnote digit glued to a round number ("12,0004" is 12,000).

Every pattern is compiled once at import. The cost is linear in the length of the text: the scanning pattern
starts with a digit or, at the start of a word, with a prefix tree of the words a number can start with, so
most positions are rejected at their first character; unbounded runs (digits, groups of three) are possessive;
everything else is bounded, and the windows read around a hit have a fixed size. Nothing here raises on any
string.
"""

from __future__ import annotations

import enum
from fractions import Fraction
from typing import Final

import attrs
import regex

from .._model import Qualifier, Span
from ._lexicon import CHANGE_WORDS, COUNTED_SINGULARS
from ._patterns import pattern_timeout, trie_alternation
from ._words import Words

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
            "$5 million", "between 300" (the low end of a range); never the noun or unit that follows.
        number_span: just the number as written: "1,600", "Seventeen", "a dozen", "eight-thousand", "5.4 million".
        value: the integer read, or ``None`` when the amount is vague ("hundreds"), not a whole number
            ("2.5 percent"), a time written with a colon ("11:40") or a digit run too long to be an amount. The
            low end of a range takes the scale word of the high end: in "18 to 20 thousand" the low end reads 18000.
        qualifier: what the hedge before the number says (README convention 5); ``AT_LEAST`` and ``UP_TO`` for the
            low and high ends of a range; a trailing "+" ("950+") is ``MORE_THAN``.
        vague: whether the number is a vague amount: "hundreds", "several hundred", "dozens", "a few".
        low: for a vague amount, the least it can mean ("hundreds" is at least 200); ``None`` otherwise.
        high: for a vague amount, the most it can mean ("hundreds" is at most 999), or ``None`` when that is open;
            ``None`` for a number that is not vague.
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


def _wordset(words: str) -> frozenset[str]:
    """The words of a space-separated list, as a set."""
    return frozenset(words.split())


# --- Tables of words ---------------------------------------------------------------------------------------------

_UNITS: Final = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS: Final = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS: Final = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
_SMALL_WORDS: Final = {**_UNITS, **_TEENS, **_TENS}
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
#: Multipliers of scale words, as written after digits or number words.
SCALES: Final = {
    "hundred": 100, "dozen": 12, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "mln": 1_000_000, "bln": 1_000_000_000, "bn": 1_000_000_000, "mn": 1_000_000, "m": 1_000_000, "k": 1_000,
}
# Scale letters that count as a scale only glued to money: "$5m", "£20k" (a bare "5m" is five metres).
_MONEY_SCALES: Final = frozenset({"m", "mn", "k"})

#: The bounds of vague amounts, keyed by their words in lower case without plural "s" and without "of".
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

_ADVERBS: Final = ("well", "just", "slightly", "far", "much", "a little", "a bit")
_HEDGES: Final[dict[Qualifier, tuple[str, ...]]] = {
    Qualifier.MORE_THAN: (
        "more than", "over", "above", "upwards of", "in excess of", "surpassed", "surpasses", "surpassing",
        "surpass", "exceeded", "exceeds", "exceeding", "exceed",
    ),
    Qualifier.AT_LEAST: (
        "at least", "no fewer than", "no less than", "not fewer than", "not less than", "a minimum of",
        "minimum of",
    ),
    Qualifier.ABOUT: (
        "about", "around", "some", "approximately", "approx.", "approx", "roughly", "an estimated", "estimated",
        "nearly", "almost", "close to", "circa", "ca.", "an approximate", "approximate", "just about",
    ),
    Qualifier.UP_TO: (
        "as many as", "as much as", "up to", "no more than", "not more than", "at most", "a maximum of",
        "maximum of",
    ),
    Qualifier.LESS_THAN: ("less than", "fewer than", "under", "below"),
    Qualifier.EXACT: ("a total of", "total of", "a further", "another", "an additional"),
}
# Hedges that an adverb may strengthen: "well over", "just under", "a little more than".
_GRADABLE: Final = frozenset({"more than", "over", "above", "under", "below", "less than", "fewer than"})
#: Every hedge, in lower case with single spaces, and the qualifier it gives; "between" opens a range.
HEDGES: Final[dict[str, Qualifier | None]] = {
    **{hedge: qualifier for qualifier, hedges in _HEDGES.items() for hedge in hedges},
    **{
        f"{adverb} {hedge}": qualifier
        for qualifier, hedges in _HEDGES.items()
        for hedge in hedges
        if hedge in _GRADABLE
        for adverb in _ADVERBS
    },
    "between": None,
}
# The hedges by their last word, each as its words from the last back, the longest first: "than" leads to
# ("than", "more", "little", "a"), ..., ("than", "more").
_HEDGES_BY_LAST_WORD: Final[dict[str, tuple[tuple[str, ...], ...]]] = {
    last: tuple(sorted((tuple(reversed(h.split())) for h in HEDGES if h.split()[-1] == last), key=len, reverse=True))
    for last in {hedge.split()[-1] for hedge in HEDGES}
}
# Hedges that are also prepositions of time or place: "over three days" is no hedge on a duration.
_PREPOSITIONS: Final = frozenset({"over", "above", "under", "below"})
# Hedges that may stand before a year and leave it a year ("circa 1990", "between 2011 and 2018").
_YEAR_HEDGES: Final = frozenset({"circa", "ca.", "between"})

# Month names as written in dates, in title case or capitals (so the verb "march" and the modal "may" are not).
_MONTHS: Final = frozenset(
    form
    for name in _wordset(
        "January February March April May June July August September October November December "
        "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
    )
    for form in (name, name.upper())
)
_WEEKDAYS: Final = frozenset(
    form
    for name in _wordset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
    for form in (name, name.upper())
)
# Words before a number that make it a reference, not an amount: "Resolution 2401", "Decree No. 10".
_REFERENCE_WORDS: Final = _wordset(
    "resolution resolutions article chapter section decree law page route highway flight paragraph item clause "
    "room building exit gate platform"
)
_NUMBER_SIGNS: Final = frozenset({"No", "No.", "Nos", "Nos.", "NO", "NO.", "no.", "nos."})
# Words before a four-digit number that make it a year even before a noun: "in 2017 rebels left".
_YEAR_WORDS: Final = _wordset(
    "in since until till during early late mid spring summer autumn fall winter year end beginning start"
)
# Prefixes joined to a year by a hyphen: "mid-2017", "pre-2011".
_YEAR_PREFIXES: Final = frozenset({"mid", "pre", "post", "early", "late"})
# Currency written before a number: a sign ("$5", "£20"), a sign after a country prefix ("US$ 5"), a code ("USD 300").
_CURRENCY_SIGNS: Final = "$£€¥"
_CURRENCY_CODES: Final = frozenset({"USD", "EUR", "GBP", "SYP", "RUB"})
_DOLLAR_PREFIXES: Final = frozenset({"US", "A", "C", "HK", "NZ"})
# Words before a number that make it an age: "aged 20".
_AGE_WORDS: Final = frozenset({"aged", "age", "ages"})

# Words after a number that say what it is (in lower case, without a final point): a time of day, a percentage,
# money, an age ("years old"), a weight or area (other), a distance, a duration, a fraction ("two-thirds").
_TIME_WORDS: Final = frozenset({"gmt", "utc", "am", "pm", "a.m", "p.m", "o'clock", "o’clock"})
_PERCENT_WORDS: Final = frozenset({"%", "٪", "percent", "pct", "percentage", "per-cent"})
_MONEY_WORDS: Final = _wordset(
    "dollar dollars euro euros pound pounds lira liras lire rouble roubles ruble rubles dinar dinars riyal riyals "
    "yuan dirham dirhams usd eur gbp syp"
)
_MONEY_ADJECTIVES: Final = frozenset({"us", "u.s", "american", "syrian", "lebanese", "turkish", "russian", "saudi"})
_AGE_UNITS: Final = frozenset({"year", "years", "month", "months"})
_OTHER_UNITS: Final = _wordset(
    "ton tons tonne tonnes kg kgs kilo kilos kilogram kilograms kilogrammes litre litres liter liters mm cm "
    "calibre caliber km2 km² sq"
)
_AREA_WORDS: Final = frozenset({"square", "sq"})
_DISTANCE_WORDS: Final = _wordset(
    "km kms kilometre kilometres kilometer kilometers m metre metres meter meters mile miles yard yards feet foot "
    "ft"
)
_DURATION_WORDS: Final = _wordset(
    "year years month months week weeks day days hour hours hr hrs minute minutes min mins second seconds decade "
    "decades century centuries night nights"
)
_FRACTION_WORDS: Final = _wordset(
    "third thirds quarter quarters fourth fourths fifth fifths sixth sixths tenth tenths half halves"
)
# Nouns that are counted: people in their many names, and vehicles. A year is not followed by one of these.
_COUNT_NOUNS: Final = _wordset(
    "people persons person civilians civilian fighters fighter militants militant rebels rebel gunmen terrorists "
    "insurgents jihadists islamists combatants militiamen mercenaries members families family children kids "
    "women men residents inhabitants villagers citizens locals evacuees refugees displaced buses busses bus "
    "vehicles trucks lorries cars ambulances convoys soldiers troops detainees prisoners hostages abductees "
    "captives wounded injured dead bodies casualties victims deaths fatalities patients individuals volunteers "
    "workers personnel officers policemen students households homes houses youths infants babies boys girls "
    "relatives dependents dependants defectors commanders leaders batches trips"
)
_IRREGULAR_PLURALS: Final = frozenset({"people", "men", "women", "children", "police", "personnel", "militia"})
# Words that may stand between "several" and its plural noun without ending the phrase ("several other towns").
_NOT_ADJECTIVES: Final = _wordset(
    "of the a an and or to in on at by for from with as than that this these those them they their its his her "
    "our was were is are be been have has had will would"
)
_LARGEST_AGE: Final = 120
# Every word that, right before a number, may change how it is read (in lower case); other words do not.
_CUES: Final = frozenset({
    *(hedge.split()[-1] for hedge in HEDGES),
    *_REFERENCE_WORDS,
    *(sign.casefold() for sign in _NUMBER_SIGNS),
    *_AGE_WORDS,
    *_YEAR_WORDS,
    "from",
    *(month.casefold() for month in _MONTHS),
    *(code.casefold() for code in _CURRENCY_CODES),
})

# --- The scanning grammar, in small named fragments -------------------------------------------------------------

# A decimal digit: ASCII, Arabic-Indic (U+0660-0669) or Extended Arabic-Indic (U+06F0-06F9).
_d = r"[0-9\u0660-\u0669\u06F0-\u06F9]"
# White space between two words of one phrase: one to three characters (spaces, no-break and thin spaces, a line
# break), possessive so a long run of blanks is never searched twice.
_ws = r"\s{1,3}+"
# Optional white space before a glued or spaced sign: "5.4million", "5.4 million".
_ows = r"\s{0,3}+"
# A space that may separate groups of three digits: plain, no-break, thin or narrow no-break.
_group_space = r"[\x20\u00A0\u2009\u202F]"
# A month name as written in dates (title case or capitals), for the guard on space-grouped digits.
_month = "(?-i:" + trie_alternation(_MONTHS) + ")"

# The first digit of a number: not inside a digit run, nor right after "digit." "digit," "digit:" "digit/"
# (the pieces of "2018/03/24" or "1.2.3" are not numbers of their own). Starting with a consumed digit lets the
# engine skip ahead to the next digit quickly.
_first_digit = rf"{_d}(?<!{_d}{_d})(?<!{_d}[.,:/\u066B\u066C]{_d})"
# The rest of digits grouped in threes by points, two groups at least, so "1.600.000" is not a decimal.
_point_groups = rf"{_d}{{0,2}}(?:\.{_d}{{3}}(?!{_d})){{2,}}+"
# The rest of digits grouped in threes by commas (or U+066C, the Arabic thousands separator): "1,600".
_comma_groups = rf"{_d}{{0,2}}(?:[,\u066C]{_d}{{3}}(?!{_d}))++"
# A separator in the wrong place: groups of three by commas, the last one of four digits ending in 0 ("3,5000",
# "12,3450"). The digits are the number (35000): a misplaced separator does not drop a digit.
# Never a day and a year after a month ("March 23,2010").
_no_day_before = rf"(?<!{_month}\.?{_ws}{_d}{{1,3}})"
_comma_misplaced = rf"{_d}{{0,2}}{_no_day_before}(?:,{_d}{{3}}(?!{_d}))*+,{_d}{{3}}0(?!{_d})"
# Groups of three by commas, the last one round ("000", "500") and followed by one other digit and no more: a
# footnote mark glued to the number ("12,0004" is 12,000 and note 4). The mark is matched by the group "note".
_comma_noted = rf"{_d}{{0,2}}{_no_day_before}(?:,{_d}{{3}}(?!{_d}))*+,{_d}{{2}}0(?=[1-9](?!{_d}))"
# The rest of digits grouped in threes by spaces ("31 915"), except a day after a month ("March 24 200").
_space_groups = (
    rf"{_d}{{0,2}}(?={_group_space}{_d}{{3}}(?!{_d}))(?<!{_month}\.?{_ws}{_d}{{1,3}})"
    rf"(?:{_group_space}{_d}{{3}}(?!{_d}))++"
)
# A whole integer part: grouped, or a plain run (possessive, so never re-split).
_integer = (
    rf"{_first_digit}(?:{_point_groups}|{_comma_groups}|{_comma_misplaced}|{_comma_noted}|{_space_groups}|{_d}*+)"
)
# A time of day's minutes (and seconds) after a colon: "11:40", "4:00:00".
_time_tail = rf":{_d}{{2}}(?!{_d})(?::{_d}{{2}}(?!{_d}))?+"
# Words that multiply the number before them: "5.4 million", "135 thousand", "3 dozen", "2bn".
_scale_word = r"(?:thousand|million|billion|hundred|dozen|mln|bln|bn)s?+\b"
# A decimal fraction after a point (or U+066B, the Arabic decimal separator): "5.4", "6.55".
_point_tail = rf"[.\u066B]{_d}++"
# A decimal fraction after a comma, read only before a scale word: "103,6 thousand".
_comma_tail = rf",{_d}{{1,2}}(?!{_d})(?={_ows}{_scale_word})"
# A number in digits, with its fraction or minutes, scale word, and a trailing "+" or ordinal suffix.
_digits = rf"""
    (?P<int>{_integer})(?P<note>(?<=,{_d}{{2}}0)[1-9](?!{_d}))?
    (?:(?P<time>{_time_tail})|(?P<frac>{_point_tail})|(?P<cfrac>{_comma_tail}))?
    (?:(?:{_ows}|-)(?P<scale>{_scale_word}))?
    (?:(?P<plus>\+)(?![\d+])|(?P<ordsuf>st|nd|rd|th)\b)?
"""

# Number words; "one" counts only inside a larger phrase ("one hundred", "twenty-one").
_unit = rf"(?:{trie_alternation(_UNITS)})\b"
_unit_not_one = rf"(?:{trie_alternation(set(_UNITS) - {'one'})})\b"
_teen = rf"(?:{trie_alternation(_TEENS)})\b"
_tens = rf"(?:{trie_alternation(_TENS)})\b"
# Between two number words: a hyphen or a little white space ("twenty-five", "eight-thousand", "One Thousand").
_wsep = rf"(?:-|{_ws})"
# Before the last part of a phrase, perhaps "and": "one hundred and twenty".
_and = rf"(?:{_ws}and)?{_wsep}"
# 1 to 99.
_small = rf"(?:{_tens}(?:{_wsep}{_unit})?|{_teen}|{_unit})"
# 1 to 99 standing alone: the bare "one" is a pronoun or determiner far more often than a count, and counts
# only before a singular noun of a counted thing ("one bus", "One child").
_one_counted = rf"one(?={_ws}(?:{trie_alternation(COUNTED_SINGULARS)})\b)"
_small_alone = rf"(?:{_tens}(?:{_wsep}{_unit})?|{_teen}|{_unit_not_one}|{_one_counted})"
# What a multiplier word multiplies: a number, "a", or "half a".
_head = rf"(?:{_small}|half{_ws}a\b|a\b)"
# 100 to 999: "a hundred", "three hundred and forty".
_hundreds = rf"{_head}{_wsep}hundred\b(?:{_and}{_small})?"
_below_thousand = rf"(?:{_hundreds}|{_small})"
# Thousands and more: "eight-thousand", "One Thousand", "two million five hundred thousand", "half a million".
_scaled_words = (
    rf"{_head}(?:{_wsep}hundred\b(?:{_and}{_small})?)?{_wsep}(?:thousand|million|billion)\b"
    rf"(?:{_and}{_below_thousand}(?:{_wsep}thousand\b(?:{_and}{_below_thousand})?)?)?"
)
# Dozens counted: "a dozen", "two dozen", "half a dozen" ("dozens" is vague).
_dozen = rf"{_head}{_wsep}dozen\b"
_words = rf"(?:{_scaled_words}|{_dozen}|{_hundreds}|{_small_alone})"
# Ordinal words: "first" to "twentieth", the tens, and compounds such as "twenty-first".
_ordinal_words = rf"(?:{_tens}-?(?:{trie_alternation(_ORDINAL_UNITS)})|{trie_alternation(_ORDINAL_WORDS)})\b"
# Vague amounts, the longer forms first: "tens of thousands" before "tens", "several hundred" before "several".
_vague = rf"""(?:
    (?:tens|hundreds){_ws}of{_ws}(?:thousands|millions)\b
  | (?:several|a{_ws}few|many){_ws}(?:hundred|thousand|dozen)s?\b
  | (?:hundreds|thousands|millions|dozens)\b
  | (?:scores|tens)(?={_ws}of\b)
  | a{_ws}few\b
  | several\b
)"""
# Every word a number phrase can start with (lower-cased), and as one prefix tree: the gate to the word grammars
# above.
_GATE_WORDS: Final = frozenset({
    *_SMALL_WORDS, *_ORDINAL_WORDS, "a", "half", "many", "several", "scores", "tens", "hundreds", "thousands",
    "millions", "dozens",
})
_word_gate = trie_alternation(_GATE_WORDS)
# "a" opens number words only before a multiplier or "few": "a hundred", "a few"; not the article elsewhere.
_GATE_BEFORE: Final = {"a": frozenset({"hundred", "thousand", "million", "billion", "dozen", "few"})}

#: The single scanning pattern: a number in digits, or at the start of a word that can begin a number phrase,
#: a vague amount, an ordinal word ("twenty-first" before "twenty") or number words. Case-insensitive except
#: for month names.
RE_NUMBER: Final = regex.compile(
    rf"""
        {_digits}
      | \b(?={_word_gate}\b)
        (?:(?P<vague>{_vague})|(?P<ordword>{_ordinal_words})|(?P<words>{_words}))
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
#: Where a number in digits can start: its first digit (the digits branch of RE_NUMBER starts with one).
RE_FIRST_DIGIT: Final = regex.compile(_first_digit)

# --- Reading the words around a number ---------------------------------------------------------------------------

# A word before a number: letters and digits, with inner apostrophes and points ("Feb.", "approx.", "U.N.").
# Not possessive: RE_BEFORE matches backwards, and the first character is found by giving one back.
_word_back = r"[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.]{0,29}"
# Between two words before a number: white space or a hyphen ("more-than").
_gap_back = r"[\s\-\u2010\u2011]{1,3}"

#: The last words before a number, matched backwards from it (``(?r)``): ``w1`` is the nearest, and ``gap`` what
#: stands between it and the number (white space, a comma, a bracket, a hyphen, a currency sign...).
RE_BEFORE: Final = regex.compile(
    rf"""(?r)
    (?:(?P<w4>{_word_back})(?P<g4>{_gap_back}))?
    (?:(?P<w3>{_word_back})(?P<g3>{_gap_back}))?
    (?:(?P<w2>{_word_back})(?P<g2>{_gap_back}|,{_ows}))?
    (?P<w1>{_word_back})?
    (?P<gap>[\s,(\#+\-\u2010\u2011{_CURRENCY_SIGNS}]{{0,6}})
    \Z""",
    regex.VERBOSE,
)
#: How many characters before a number RE_BEFORE reads.
BEFORE_WINDOW: Final = 80

# A word after a number: a letter, then letters, inner apostrophes and points ("km", "a.m.", "o'clock").
_word_ahead = r"\p{L}[\p{L}\p{M}'’.]{0,24}+"

#: The first words after a number: what joins the first to the number (nothing, a hyphen, an apostrophe before
#: "s", white space), then up to four words; or punctuation glued to more digits; or a comma or bracket.
RE_AFTER: Final = regex.compile(
    rf"""
    (?P<join>[-\u2010\u2011]|['’](?=s\b)|\s{{1,3}}+)?
    (?:
        (?P<dglue>[.,:/\u066B\u066C]{_d})
      | (?P<punct>[,)])
      | (?P<w1>[%٪]|{_word_ahead}(?:[2²](?!\d))?)
        (?:(?:,?{_ws}|[-\u2010\u2011])(?P<w2>{_word_ahead}))?
        (?:(?:{_ws}|[-\u2010\u2011])(?P<w3>{_word_ahead}))?
        (?:{_ws}(?P<w4>{_word_ahead}))?
    )?""",
    regex.VERBOSE,
)
#: How many characters after a number RE_AFTER reads.
AFTER_WINDOW: Final = 120

#: What may join the two ends of a range: a dash, "to", or "and" after "between".
RE_RANGE_GAP: Final = regex.compile(
    r"\s{0,3}+[-\u2010-\u2015\u2212]\s{0,3}+|\s{1,3}+(?P<word>to|and)\s{1,3}+", regex.IGNORECASE
)
# The longest gap between two ends of a range.
_RANGE_GAP_MAX: Final = 10

#: The ASCII words of a number phrase once case-folded: "one", "hundred", "and", "twenty".
RE_LETTERS: Final = regex.compile(r"[a-z]+")
#: What is not a digit: separators and signs dropped before a digit run is read.
RE_NOT_DIGIT: Final = regex.compile(r"\D++")

#: Digit runs longer than this are identifiers, not amounts, and get no value.
MAX_DIGITS: Final = 15
_ARABIC_DIGITS: Final = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


# --- Reading one hit ---------------------------------------------------------------------------------------------


class _Before:
    """What stands before a number: its hedge, a currency sign, and the word that governs it."""

    __slots__ = ("currency", "currency_start", "hedge", "hedge_start", "kind", "start")

    def __init__(
        self,
        *,
        start: int,
        hedge: str | None,
        hedge_start: int | None,
        currency: bool,
        currency_start: int | None,
        kind: str | None,
    ) -> None:
        self.start = start  # where the phrase starts: the hedge, or the currency sign, or the number
        self.hedge = hedge  # the hedge, in lower case with single spaces
        self.hedge_start = hedge_start
        self.currency = currency
        self.currency_start = currency_start
        self.kind = kind  # month, month_comma, reference, aged, name_comma, name_paren, year_word, from, glue


class _After:
    """What follows a number: the kind of unit or noun, and whether a plural noun comes next."""

    __slots__ = ("kind", "money_scale", "plural")

    def __init__(self, *, kind: str | None, plural: bool, money_scale: str | None) -> None:
        # time, hrs, percent, money, age, unit, distance, duration, month, decade, fraction, count_glued,
        # hyphen_noun, glued, count, comma, paren
        self.kind = kind
        self.plural = plural
        self.money_scale = money_scale  # "m" in "$5m"


class _Hit:
    """One match of RE_NUMBER, read: its parts, its value and what stands around it."""

    __slots__ = ("after", "bare", "before", "end", "high", "leading_zero", "low", "non_integer", "number_end",
                 "number_start", "ordinal", "plain_digits", "plus", "scale", "thousands_point", "time", "vague",
                 "value")

    def __init__(
        self,
        *,
        number_start: int,
        number_end: int,
        end: int,
        value: int | None,
        scale: int | None,
        bare: bool,
        vague: bool,
        low: int | None,
        high: int | None,
        plain_digits: int,
        non_integer: bool,
        thousands_point: int | None,
        ordinal: bool,
        time: bool,
        plus: bool,
        leading_zero: bool,
        before: _Before,
        after: _After,
    ) -> None:
        self.number_start = number_start
        self.number_end = number_end
        self.end = end  # the end of the phrase, a trailing "+" included
        self.value = value
        self.scale = scale  # the multiplier of the scale word the number ends with, if any
        self.bare = bare  # a whole number with no scale word, to which the other end of a range may lend one
        self.vague = vague
        self.low = low
        self.high = high
        self.plain_digits = plain_digits  # how many digits, when the number is a run of digits alone; else 0
        self.non_integer = non_integer  # a decimal that does not come out whole
        self.thousands_point = thousands_point  # "1.600" read with a point between thousands, for counts
        self.ordinal = ordinal
        self.time = time  # written with a colon: "11:40"
        self.plus = plus
        self.leading_zero = leading_zero
        self.before = before
        self.after = after


def _is_plural(word: str) -> bool:
    return word in _IRREGULAR_PLURALS or (
        len(word) >= 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")) and word.isalpha()
    )


# What follows most numbers (nothing telling), and the punctuation that frames an age.
_NO_AFTER: Final = _After(kind=None, plural=False, money_scale=None)
_GLUED_AFTER: Final = _After(kind="glued", plural=False, money_scale=None)
_COMMA_AFTER: Final = _After(kind="comma", plural=False, money_scale=None)
_PAREN_AFTER: Final = _After(kind="paren", plural=False, money_scale=None)


def _read_after(text: str, end: int, limit: int) -> _After:
    """Read the words after a number (up to ``limit``) and say what they make of it."""
    match = RE_AFTER.match(text, end, min(limit, end + AFTER_WINDOW))
    if match is None:  # pragma: no cover - every part is optional, so the pattern always matches
        return _NO_AFTER
    join, punct, dglue, *raw = match.group("join", "punct", "dglue", "w1", "w2", "w3", "w4")
    if dglue:
        return _GLUED_AFTER
    if punct:
        return _COMMA_AFTER if punct == "," else _PAREN_AFTER
    if not raw[0]:
        return _NO_AFTER
    join = join or ""
    words = [(word or "").casefold().rstrip(".") for word in raw]
    w1, w2, w3 = words[0], words[1], words[2]
    units = words[1:] if w1 == "of" and join.isspace() else words
    u1, u2 = units[0], units[1]
    kind: str | None = None
    money_scale = None
    if join in ("'", "’") or (not join and w1 == "s"):
        kind = "decade"
    elif not join and u1 in _MONEY_SCALES:  # "$5m"; without a currency sign, "5m" is five metres
        kind, money_scale = "distance" if u1 == "m" else "glued", u1
    elif (u1 in _TIME_WORDS and not join.startswith("-")) or (u1, u2) == ("local", "time"):
        kind = "time"
    elif u1 == "hrs" and join != "-":
        kind = "hrs"
    elif u1 in _PERCENT_WORDS or (u1, u2) == ("per", "cent"):
        kind = "percent"
    elif (u1 in _MONEY_WORDS and not (u1.startswith("pound") and u2 == "of")) or (
        u1 in _MONEY_ADJECTIVES and u2 in _MONEY_WORDS
    ):
        kind = "money"
    elif u1 in _AGE_UNITS and u2 == "old":
        kind = "age"
    elif u1 in _OTHER_UNITS or (u1 in _AREA_WORDS and u2 in _DISTANCE_WORDS):
        kind = "unit"
    elif u1 in _DISTANCE_WORDS:
        kind = "distance"
    elif u1 in _DURATION_WORDS:
        kind = "duration"
    elif join.isspace() and _month_after(raw[0] or "", raw[1] or ""):
        kind = "month"
    elif join and not join.isspace() and w1 in _FRACTION_WORDS:
        kind = "fraction"
    elif not join.isspace() and w1 in _COUNT_NOUNS:
        kind = "count_glued"
    elif join and not join.isspace():
        kind = "hyphen_noun"
    elif not join:
        kind = "glued"
    elif w1 in _COUNT_NOUNS or w2 in _COUNT_NOUNS or w3 in _COUNT_NOUNS:
        kind = "count"
    plural = join.isspace() and (_is_plural(w1) or (w1.isalpha() and w1 not in _NOT_ADJECTIVES and _is_plural(w2)))
    return _After(kind=kind, plural=plural, money_scale=money_scale)


def _month_after(first: str, second: str) -> bool:
    """Whether the words after a number name a month: "March", "of April", "Saturday Mar"."""
    first, second = first.rstrip("."), second.rstrip(".,")
    if first in _MONTHS:
        return True
    return (first.casefold() == "of" or first.rstrip(",") in _WEEKDAYS) and second in _MONTHS


def _read_before(text: str, start: int, floor: int) -> _Before:
    """Read the words before a number, back to ``floor`` (the end of the previous hit)."""
    low = max(floor, start - BEFORE_WINDOW)
    match = RE_BEFORE.search(text, low, start)
    if match is None:  # pragma: no cover - every group is optional, so the pattern always matches at the end
        return _Before(start=start, hedge=None, hedge_start=None, currency=False, currency_start=None, kind=None)
    gap, *found = match.group("gap", "w1", "g2", "w2", "g3", "w3", "g4", "w4")
    if gap.isspace() and found[0] is not None:  # the common case: a plain word before the number
        key = found[0].casefold()
        if key not in _CUES and key.rstrip(".") not in _CUES:
            return _Before(start=start, hedge=None, hedge_start=None, currency=False, currency_start=None, kind=None)
    # The words from the nearest back: (word, where it starts, what separates it from the next nearer one).
    words: list[tuple[str, int, str]] = []
    for index, following in enumerate((gap, found[1], found[3], found[5])):
        word = found[2 * index]
        where = match.start(f"w{index + 1}")
        if word is None or (where == low and low > floor):  # cut by the window: unknown
            break
        words.append((word, where, following or ""))
    currency_start: int | None = None
    sign = next((i for i, char in enumerate(gap) if char in _CURRENCY_SIGNS), -1)
    if sign >= 0:  # "$5", "more than £20", "US$ 5"
        currency_start = match.start("gap") + sign
        gap = gap[:sign]
        if words and words[0][0] in _DOLLAR_PREFIXES and not gap:
            currency_start = words[0][1]
            words = words[1:]
            gap = words[0][2] if words else ""
        elif words:
            words[0] = (words[0][0], words[0][1], gap)
    elif words and words[0][0] in _CURRENCY_CODES and (not gap or (gap.isspace() and len(gap) <= 2)):  # "USD 300"
        currency_start = words[0][1]
        words = words[1:]
        gap = words[0][2] if words else ""
    currency = currency_start is not None
    hedge, hedge_start, rest = _hedge(words, currency=currency)
    if hedge is not None:
        kind = _kind(rest, rest[0][2] if rest else "", hedged=True)
    else:
        kind = None if currency else _kind(words, gap, hedged=False)
    start = hedge_start if hedge_start is not None else currency_start if currency_start is not None else start
    return _Before(start=start, hedge=hedge, hedge_start=hedge_start, currency=currency,
                   currency_start=currency_start, kind=kind)


def _hedge(words: list[tuple[str, int, str]], *, currency: bool) -> tuple[str | None, int | None,
                                                                          list[tuple[str, int, str]]]:
    """The longest hedge that ends right before the number, where it starts, and the words before it."""
    if not words or not (words[0][2].isspace() or (currency and not words[0][2])):
        return None, None, words
    folded = [word.casefold() for word, _, _ in words]
    for hedge in _HEDGES_BY_LAST_WORD.get(folded[0], ()):  # the longest first
        size = len(hedge)
        if (
            size <= len(words)
            and all(folded[i] == hedge[i] for i in range(1, size))
            and all(words[i][2] and not words[i][2].startswith(",") for i in range(1, size))
        ):
            return " ".join(reversed(hedge)), words[size - 1][1], words[size:]
    return None, None, words


def _kind(words: list[tuple[str, int, str]], gap: str, *, hedged: bool) -> str | None:
    """What the nearest word before a number (``gap`` between them) makes of it, if anything."""
    if "#" in gap:
        return "reference"
    if "+" in gap and not hedged:  # "+963": a telephone number
        return "glue"
    if not words:
        return None
    word = words[0][0]
    folded = word.casefold().rstrip(".")
    spaced = gap.isspace()
    if not hedged:
        if not gap and word[-1].isalpha():
            return "glue"
        if gap in ("-", "\u2010", "\u2011") and folded not in _YEAR_PREFIXES:
            return "glue" if word[-1].isalpha() else None
    if (spaced and folded in _REFERENCE_WORDS) or ((spaced or not gap) and word in _NUMBER_SIGNS):
        return "reference"
    bare = word.rstrip(".")
    if bare in _MONTHS and (spaced or not gap):
        return "month"
    if bare in _MONTHS and gap.startswith(","):
        return "month_comma"
    if spaced and folded in _AGE_WORDS:
        return "aged"
    if word[0].isupper() and word.isalpha():
        if gap.startswith(",") and gap[1:].isspace():
            return "name_comma"
        if gap.rstrip().endswith("(") and not gap.startswith(","):
            return "name_paren"
    if (spaced or gap in ("-", "\u2010", "\u2011")) and folded in _YEAR_WORDS:
        return "year_word"
    if spaced and folded == "from" and len(words) > 1 and words[1][0].casefold() in CHANGE_WORDS:
        return "from"  # "rose from 40 to 60": a change, not a range
    return None


def _ascii_digits(text: str) -> str:
    """The digits of a number as ASCII digits, without its separators."""
    if text.isascii():
        # The separators an ASCII number holds: "1,600", "1.600.000", "31 915", "5.4".
        digits = text.replace(",", "").replace(".", "").replace(" ", "")
        if digits.isdigit() or not digits:
            return digits
    return RE_NOT_DIGIT.sub("", text.translate(_ARABIC_DIGITS))


def _digits_value(integer: str, fraction: str, scale: int) -> tuple[int | None, bool, int | None]:
    """A digit number's value, whether it is a decimal that is not whole, and its reading as "1.600" = 1600.

    ``integer`` and ``fraction`` are the ASCII digits either side of the decimal sign.
    """
    if len(integer) + len(fraction) > MAX_DIGITS:
        return None, False, None
    if not fraction:
        return int(integer) * scale, False, None
    amount = Fraction(f"{integer}.{fraction}") * scale
    if amount.denominator == 1:
        return int(amount), False, None
    if scale > 1:
        return round(amount), False, None
    thousands = None
    if len(fraction) == 3 and len(integer) <= 3 and not integer.startswith("0"):
        thousands = int(integer + fraction)
    return None, True, thousands


def _word_value(words: str) -> int:
    """The integer a phrase of number words reads as: "one hundred and twenty" is 120, "half a dozen" 6."""
    total = 0
    current = 0
    half = False
    for word in RE_LETTERS.findall(words.casefold()):
        if word in _SMALL_WORDS:
            current += _SMALL_WORDS[word]
        elif word in ("hundred", "dozen"):
            current = (current or 1) * SCALES[word]
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        elif word == "half":
            half = True
    value = total + current
    return value // 2 if half else value


def _ordinal_value(word: str) -> int:
    """The integer an ordinal word reads as: "second" is 2, "twenty-first" 21."""
    parts = RE_LETTERS.findall(word.casefold()) or [""]
    if len(parts) == 1:
        return _ORDINAL_WORDS.get(parts[0], 0)
    return _SMALL_WORDS.get(parts[0], 0) + _ORDINAL_UNITS.get(parts[-1], 0)


def _vague_bounds(words: str) -> tuple[int, int | None]:
    """The bounds of a vague amount; "several hundred" reads as "hundreds"."""
    parts = [word.removesuffix("s") for word in RE_LETTERS.findall(words.casefold()) if word != "of"] or [""]
    if len(parts) > 1 and parts[0] in ("several", "a", "many") and parts[-1] != "few":
        parts = parts[-1:]
    return VAGUE_BOUNDS.get(" ".join(parts), (2, None))


def _number_end(match: regex.Match[str], end: int) -> int:
    """Where the number as written ends: before a footnote mark glued to it ("12,000" of "12,0004") and before a
    trailing "+" ("950" of "950+")."""
    for name in ("note", "plus"):
        if match.start(name) >= 0:
            return match.start(name)
    return end


def _read(text: str, match: regex.Match[str], floor: int, limit: int) -> _Hit | None:
    """Read one match of RE_NUMBER; ``None`` when it is no number after all ("several" before no plural noun).

    ``floor`` and ``limit`` are the end of the previous hit and the start of the next match: the words read around
    this one stay between them.
    """
    integer, time, frac, cfrac, scale_word, plus, ordsuf, vague, ordword, words = match.group(
        "int", "time", "frac", "cfrac", "scale", "plus", "ordsuf", "vague", "ordword", "words")
    end = match.end()
    after = _read_after(text, end, limit)
    value: int | None = None
    scale: int | None = None
    low: int | None = None
    high: int | None = None
    plain_digits = 0
    non_integer = False
    thousands = None
    leading_zero = False
    ordinal = False
    if integer:
        group = "int"
        digits = _ascii_digits(integer)
        scale = SCALES[scale_word.casefold().removesuffix("s")] if scale_word else None
        if not time:
            fraction = _ascii_digits(frac or cfrac or "")
            value, non_integer, thousands = _digits_value(digits, fraction, scale or 1)
        if not (frac or cfrac or time or scale_word) and len(digits) == len(integer):
            plain_digits = len(digits)
        leading_zero = len(digits) > 1 and digits.startswith("0")
        ordinal = bool(ordsuf)
    elif vague:
        group = "vague"
        if vague.casefold() == "several" and not after.plural:
            return None
        low, high = _vague_bounds(vague)
    elif words:
        group = "words"
        value = _word_value(words)
        last = (RE_LETTERS.findall(words.casefold()) or [""])[-1]
        scale = SCALES[last] if last in ("hundred", "thousand", "million", "billion") else None
    else:
        group = "ordword"
        value = _ordinal_value(ordword or "")
        ordinal = True
    number_start = match.start(group)
    before = _read_before(text, number_start, floor)
    if before.currency and after.money_scale is not None and value is not None and scale is None and not ordinal:
        scale = SCALES[after.money_scale]  # "$5m": a scale letter glued to money
        value *= scale
        end += len(after.money_scale)
        after = _NO_AFTER
        plain_digits = 0
    return _Hit(
        number_start=number_start,
        number_end=_number_end(match, end),
        end=end,
        value=value,
        scale=scale,
        bare=scale is None and value is not None and not non_integer and not ordinal,
        vague=vague is not None,
        low=low,
        high=high,
        plain_digits=plain_digits,
        non_integer=non_integer,
        thousands_point=thousands,
        ordinal=ordinal,
        time=time is not None,
        plus=plus is not None,
        leading_zero=leading_zero,
        before=before,
        after=after,
    )


# --- Roles, qualifiers and ranges --------------------------------------------------------------------------------

# The roles the words after a number give once its own form has not decided.
_AFTER_ROLES: Final = {
    "time": NumberRole.TIME,
    "percent": NumberRole.PERCENT,
    "money": NumberRole.MONEY,
    "age": NumberRole.AGE,
    "unit": NumberRole.OTHER,
    "distance": NumberRole.DISTANCE,
    "duration": NumberRole.DURATION,
    "hrs": NumberRole.DURATION,
    "fraction": NumberRole.OTHER,
    "count_glued": NumberRole.COUNT,
    "hyphen_noun": NumberRole.COUNT,
    "glued": NumberRole.OTHER,
}
# The kinds after a number that make a count of a cardinal but leave an ordinal a rank: "20-strong" counts,
# "second-largest" ranks.
_RANK_KINDS: Final = frozenset({"hyphen_noun", "count_glued"})
# The (before, after) kinds that frame an age: "Mohammad, 20, was", "Ahmed (12)".
_AGE_FRAMES: Final = frozenset({("name_comma", "comma"), ("name_paren", "paren")})
# Roles in which "over", "under", "above", "below" are prepositions, not hedges.
_PREPOSITION_ROLES: Final = frozenset(
    {NumberRole.DURATION, NumberRole.YEAR, NumberRole.DATE_DAY, NumberRole.TIME, NumberRole.ORDINAL}
)
# Roles an end may have on its own and still be part of a range of another role ("2000-3000 people").
_RANGE_LOOSE_ROLES: Final = frozenset({NumberRole.COUNT, NumberRole.YEAR})


def _is_year_shaped(hit: _Hit) -> bool:
    return hit.plain_digits == 4 and hit.value is not None and 1900 <= hit.value <= 2099


def _is_day_shaped(hit: _Hit) -> bool:
    return hit.value is not None and 1 <= hit.value <= 31 and (hit.plain_digits in (1, 2) or hit.ordinal)


def _role(hit: _Hit, before: _Before, after: _After, *, previous: str | None = None) -> NumberRole:
    """The role of a number from its form and its neighbours: the first rule that applies.

    ``previous`` says what the hit just before is when only a space separates them: "day" for a day after a
    month ("March 24 2018"), "digits" for another digit run ("+963 11 2233").
    """
    if hit.time:
        return NumberRole.TIME
    if before.currency:
        return NumberRole.MONEY
    if hit.vague:
        role = _AFTER_ROLES.get(after.kind or "", NumberRole.COUNT)
        return NumberRole.COUNT if role is NumberRole.OTHER and after.kind != "unit" else role
    if before.kind in ("glue", "reference"):
        return NumberRole.OTHER
    if previous is not None:
        if _is_year_shaped(hit):
            return NumberRole.YEAR
        if previous == "digits":
            return NumberRole.OTHER
    if after.kind == "decade":
        return NumberRole.YEAR if _is_year_shaped(hit) else NumberRole.OTHER
    if after.kind == "month" and _is_day_shaped(hit):
        return NumberRole.DATE_DAY
    if after.kind == "hrs" and hit.plain_digits == 4:
        return NumberRole.TIME
    if after.kind in _AFTER_ROLES and not (hit.ordinal and after.kind in _RANK_KINDS):
        return _AFTER_ROLES[after.kind or ""]
    if before.kind == "month" and _is_day_shaped(hit):
        return NumberRole.DATE_DAY
    if before.kind in ("month", "month_comma") and _is_year_shaped(hit):
        return NumberRole.YEAR
    if hit.ordinal:
        return NumberRole.ORDINAL
    small = hit.value is not None and hit.value <= _LARGEST_AGE and 0 < hit.plain_digits <= 3
    if small and before.hedge is None and (before.kind == "aged" or (before.kind, after.kind) in _AGE_FRAMES):
        return NumberRole.AGE
    if _is_year_shaped(hit):
        hedged = before.hedge is not None and before.hedge not in _YEAR_HEDGES
        if before.kind == "year_word" or not (hedged or after.kind == "count"):
            return NumberRole.YEAR
    if hit.leading_zero:
        return NumberRole.OTHER
    return NumberRole.COUNT


def _qualifier(hit: _Hit, role: NumberRole) -> Qualifier | None:
    """The qualifier the hedge gives; ``None`` when there is no hedge or it does not bear on the number."""
    hedge = hit.before.hedge
    if hedge is None or (hedge in _PREPOSITIONS and role in _PREPOSITION_ROLES):
        return None
    return HEDGES[hedge]


def _value(hit: _Hit, role: NumberRole) -> int | None:
    if hit.non_integer and role is NumberRole.COUNT:
        return hit.thousands_point
    return hit.value


def _range(text: str, low: _Hit, high: _Hit) -> tuple[NumberRole, int, int] | None:
    """The role and values of a range when ``low`` and ``high`` are its two ends, else ``None``."""
    if low.vague or high.vague or low.plus or high.before.hedge is not None or high.before.currency:
        return None
    if high.number_start - low.end > _RANGE_GAP_MAX or low.before.kind == "from":  # "rose from 3 to 4": a change
        return None
    gap = RE_RANGE_GAP.fullmatch(text, low.end, high.number_start)
    if gap is None or ((gap.group("word") or "").casefold() == "and") != (low.before.hedge == "between"):
        return None
    role = _role(high, low.before, high.after)
    if _role(low, low.before, high.after) is not role:
        return None
    alone = (_role(low, low.before, low.after), _role(high, high.before, high.after))
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
    """The mention of a hit; the hedge is in its span only when it bears on the number (or opens a range)."""
    before = hit.before
    start = before.start
    if before.hedge is not None and qualifier is None and range_with is None:
        start = before.currency_start if before.currency_start is not None else hit.number_start
    if qualifier is None:
        qualifier = Qualifier.MORE_THAN if hit.plus else Qualifier.EXACT
    elif hit.plus and range_with is None:
        qualifier = Qualifier.MORE_THAN
    number_span = Span(start=hit.number_start, end=hit.number_end)
    same = start == hit.number_start and hit.end == hit.number_end  # spans are immutable: share one
    return NumberMention(
        span=number_span if same else Span(start=start, end=hit.end),
        number_span=number_span,
        value=value,
        qualifier=qualifier,
        vague=hit.vague,
        low=hit.low,
        high=hit.high,
        role=role,
        range_with=range_with,
    )


def _in_numeric_date(text: str, hits: list[_Hit], index: int, gap: str) -> bool:
    """Whether ``hits[index]`` begins a numeric date or is its second part: a year, a zero-led part, or a part
    joined by ``gap`` to a year before it ("2016" or "12" of "2016-12-15")."""
    hit = hits[index]
    if _is_year_shaped(hit) or hit.leading_zero:
        return True
    prior = hits[index - 1] if index > 0 else None
    return prior is not None and _is_year_shaped(prior) and text[prior.end : hit.number_start] == gap


def _previous(text: str, hits: list[_Hit], index: int) -> str | None:
    """What the hit before ``hits[index]`` is when a single space joins them, or a hyphen or slash joins it to a
    year or a zero-led part of a numeric date: "day", "digits", or ``None``."""
    if index == 0:
        return None
    hit, prior = hits[index], hits[index - 1]
    if hit.plain_digits == 0 or prior.plain_digits == 0:
        return None
    gap = text[prior.end : hit.number_start]
    if gap in ("-", "/") and _in_numeric_date(text, hits, index - 1, gap):
        return "digits"  # a numeric date: "2018-03-23", "2016-12-15"
    if gap not in (" ", ", "):
        return None
    if prior.before.kind == "month" and _is_day_shaped(prior):
        return "day"
    return "digits" if text[prior.end : hit.number_start] == " " and not _is_year_shaped(prior) else None


def _matches(text: str, words: Words) -> list[regex.Match[str]]:
    """The matches of RE_NUMBER in ``text`` (whose words are ``words``), as ``RE_NUMBER.finditer`` gives them.

    RE_NUMBER can match only at the first digit of a number, or at a word of its gate. Those places are found from
    the words and one search for digits; the pattern is tried there alone, left to right.
    """
    starts = sorted({*words.starts_among(_GATE_WORDS, _GATE_BEFORE),
                     *(m.start() for m in RE_FIRST_DIGIT.finditer(text))})
    matches: list[regex.Match[str]] = []
    for start in starts:
        if matches and start < matches[-1].end():
            continue
        match = RE_NUMBER.match(text, start, timeout=pattern_timeout(), concurrent=False)
        if match is not None:
            matches.append(match)
    return matches


def find_numbers(text: str, *, words: Words | None = None) -> list[NumberMention]:
    """Every number in ``text``, in order of position, with its value, hedge and role. Never raises on any str.

    Both ends of a range are mentions that point at each other through ``range_with``: the low end is
    ``AT_LEAST``, the high end ``UP_TO``.

    >>> [(m.value, m.qualifier.value, m.role.name) for m in find_numbers("More than 2,300 fled in 2017.")]
    [(2300, 'more_than', 'COUNT'), (2017, 'exact', 'YEAR')]
    >>> [(m.value, m.qualifier.value, m.range_with) for m in find_numbers("Between 300 and 400 buses waited.")]
    [(300, 'at_least', 1), (400, 'up_to', 0)]

    Args:
        text: any string.
        words: the words of ``text``, when the caller has them already.

    Returns:
        The mentions, sorted by where they start and never overlapping.
    """
    matches = _matches(text, Words(text) if words is None else words)
    hits: list[_Hit] = []
    floor = 0
    for index, match in enumerate(matches):
        limit = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        hit = _read(text, match, floor, limit)
        if hit is not None:
            hits.append(hit)
            floor = hit.end
    mentions: list[NumberMention] = []
    index = 0
    while index < len(hits):
        hit = hits[index]
        previous = _previous(text, hits, index)
        dated = previous == "digits" and text[hits[index - 1].end : hit.number_start] in ("-", "/")
        pair = _range(text, hit, hits[index + 1]) if index + 1 < len(hits) and not dated else None
        if pair is not None:
            role, low_value, high_value = pair
            here = len(mentions)
            mentions.append(_mention(hit, role=role, value=low_value, qualifier=Qualifier.AT_LEAST,
                                     range_with=here + 1))
            mentions.append(_mention(hits[index + 1], role=role, value=high_value, qualifier=Qualifier.UP_TO,
                                     range_with=here))
            index += 2
            continue
        role = _role(hit, hit.before, hit.after, previous=previous)
        mentions.append(_mention(hit, role=role, value=_value(hit, role), qualifier=_qualifier(hit, role)))
        index += 1
    return mentions
