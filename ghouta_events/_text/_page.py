"""The zones of a page: headline, photo caption, body and boilerplate, read from tokens and paragraphs.

A report as the web serves it carries more than its story: the site's menus, "Subscribe", "Read more: ..." links,
copyright lines, photo captions with their credits. Each paragraph is given one zone, by these rules, tried in
order:

.. code-block:: text

    boilerplate := furniture_phrase word{0,5}           (a short paragraph that opens with page furniture:
                                                          "Subscribe", "Contact Us", "Read more", "See also",
                                                          "Share this", "Published <date>")
                 | ... ('©' | 'copyright' | 'all rights reserved') ...     (a short copyright line)
                 | furniture_word{3,} ... (no sentence stop)                (a line of a site's menu)
    caption     := ... credit                           (a photo credit ends it: "(Jane DOE / AFP)")
                 | [determiner] photo_word ...           ("This photo released ...", "Photo courtesy of X")
                 | ... '[' name ']'                      (a credit in square brackets: "... on Tuesday [Getty]")
    headline    := the first paragraph that is neither, one sentence not closed by a full stop, before others
    body        := any other paragraph

The first sentence of a paragraph may open with a *dateline*, which says where and when the story was filed, not
where or when what it tells happened (:func:`dateline_end`):

.. code-block:: text

    dateline := place (',' segment){0,2} (['(' token{1,} ')'] dash+ | tag)   (then white space)
    tag      := '/' letter_word{1,3} '/' '.'* dash*                       (an agency's tag: "/TASS/.")
    place    := Capitalised (letter_word | '.' | "'"){0,}                (at most 41 characters; no possessive)
    segment  := token{1,}                                               (at most 40 characters; no dash, hyphen,
                                                                          colon or bracket)
    dash     := '-' | '\u2013' | '\u2014' | ':'

("BEIRUT, March 23, 2018 -", "ARBIN, Syria (AFP) -", "Beirut:", "MOSCOW, March 23. /TASS/.").

Boilerplate yields no records; a caption's claims are its credit's; a headline sums up the body. A link to another
story with its headline ("Related article: 113,000 civilians evacuated, Russia says") is no furniture: what that
headline states is reported on the page.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Sequence
from typing import Final

from ._chunks import Tokens, credit_at
from ._lexicon import COPYRIGHT_WORDS, FURNITURE_PHRASES, FURNITURE_WORDS, PHOTO_WORDS
from ._sentences import Sentence

__all__ = ["Zone", "dateline_end", "mark_after", "page_zones", "zone_at"]


class Zone(enum.Enum):
    """The part of a page a paragraph stands in."""

    HEADLINE = "headline"
    CAPTION = "caption"
    BODY = "body"
    BOILERPLATE = "boilerplate"


#: The most words a paragraph of furniture or a copyright line may hold.
MAX_FURNITURE: Final = 12
#: The fewest furniture words that make a line without a sentence stop a menu.
MIN_MENU: Final = 3
_STOPS: Final = frozenset(".!?")
_DETERMINERS: Final = frozenset({"this", "the", "a", "an", "in"})


def _furniture(tokens: Tokens, first: int, last: int) -> bool:
    items = tokens.items
    words = [t for t in items[first:last] if t.word]
    if not words:
        return False
    count = len(words)
    lowered = [t.lower for t in words]
    if count <= MAX_FURNITURE // 2 and any(tuple(lowered[: len(phrase)]) == phrase for phrase in FURNITURE_PHRASES):
        return True
    marks = {t.text for t in items[first:last] if not t.word}
    if count <= MAX_FURNITURE and ("\u00a9" in marks or any(w in COPYRIGHT_WORDS for w in lowered)):
        return True
    return not marks & _STOPS and sum(1 for w in lowered if w in FURNITURE_WORDS) >= MIN_MENU


def _caption(tokens: Tokens, first: int, last: int) -> bool:
    items = tokens.items
    if credit_at(tokens, first, last) is not None:
        return True
    i = first
    if i < last and items[i].lower in _DETERMINERS:
        i += 1
    if i < last and items[i].lower in PHOTO_WORDS:
        return True
    # "... on Tuesday [Getty]": a bracketed credit of one or two words at the end
    j = last - 1
    while j >= first and items[j].text == ".":
        j -= 1
    return j - 2 >= first and items[j].text == "]" and (
        items[j - 2].text == "[" or (j - 3 >= first and items[j - 3].text == "["))


def page_zones(tokens: Tokens, sentences: Sequence[Sentence]) -> list[Zone]:
    """The zone of each sentence, by the zone of its paragraph (see the module's grammar)."""
    # the paragraphs, as (first sentence, end sentence) index pairs
    paragraphs: list[tuple[int, int]] = []
    for index, sentence in enumerate(sentences):
        if index == 0 or sentence.paragraph != sentences[index - 1].paragraph:
            paragraphs.append((index, index + 1))
        else:
            paragraphs[-1] = (paragraphs[-1][0], index + 1)
    zones: list[Zone] = []
    headline_open = True  # no paragraph of the story has come yet
    for number, (low, high) in enumerate(paragraphs):
        first = tokens.at_or_after(sentences[low].start)
        last = tokens.at_or_after(sentences[high - 1].end)
        if _furniture(tokens, first, last):
            zone = Zone.BOILERPLATE
        elif _caption(tokens, first, last):
            zone = Zone.CAPTION
        elif headline_open and high - low == 1 and number + 1 < len(paragraphs) and not (
                last > first and tokens.items[last - 1].text == "."):
            zone = Zone.HEADLINE
        else:
            zone = Zone.BODY
        if zone is not Zone.BOILERPLATE:
            headline_open = False
        zones.extend([zone] * (high - low))
    return zones


def zone_at(zones: Sequence[Zone], sentences: Sequence[Sentence], offset: int) -> Zone:
    """The zone of the text at ``offset``: that of the sentence holding it, else of the sentence before it (white
    space between sentences belongs to the one it follows); the body before the first sentence."""
    index = bisect.bisect_right([s.start for s in sentences], offset) - 1
    return zones[index] if index >= 0 else Zone.BODY


#: The marks that end a dateline.
DATELINE_DASHES: Final = frozenset({"-", "\u2013", "\u2014", ":"})
#: The most characters of a dateline's place, of each of its comma segments, and inside its brackets.
_DATELINE_PLACE: Final = 41
_DATELINE_SEGMENT: Final = 40
_DATELINE_BRACKET: Final = 40
_PLACE_MARKS: Final = frozenset({".", "'"})
#: The most words of an agency's tag between slashes ("/TASS/").
_TAG_WORDS: Final = 3
_NOT_IN_SEGMENT: Final = frozenset({"-", "\u2013", "\u2014", ":", "(", ")"})


def _letters(word: str) -> bool:
    """A word of letters, hyphenated or not ("AL-BAB")."""
    return word.replace("-", "").isalpha()


def _tag_end(tokens: Tokens, i: int, last: int) -> int | None:
    """The index after an agency's tag between slashes that starts at token ``i`` ("/TASS/", then any full stops),
    or ``None`` when none starts there."""
    items = tokens.items
    if i >= last or items[i].text != "/":
        return None
    j = i + 1
    while j < last and j - i <= _TAG_WORDS and _letters(items[j].text):
        j += 1
    if j == i + 1 or j >= last or items[j].text != "/":
        return None
    j += 1
    while j < last and items[j].text == ".":
        j += 1
    return j


def dateline_end(tokens: Tokens, first: int, last: int) -> int | None:
    """Where the body of a sentence ``tokens[first:last]`` starts after the dateline that opens it (the start of
    the first token after the dashes), or ``None`` when no dateline opens it (see the module's grammar)."""
    items = tokens.items
    if first >= last or not (_letters(items[first].text) and items[first].text[:1].isupper()
                             and len(items[first].text) > 1 and not items[first].possessive):
        return None
    start = items[first].start
    if items[first].end - start > _DATELINE_PLACE:
        return None
    i = first + 1
    while i < last and ((_letters(items[i].text) and not items[i].possessive) or items[i].text in _PLACE_MARKS) \
            and items[i].end - start <= _DATELINE_PLACE:
        i += 1
    # up to two segments, each opened by a comma (a segment may hold commas of its own)
    segments = 0
    while i < last and items[i].text == "," and segments < 2:
        opened = items[i].end
        j = i + 1
        comma = None  # the last comma inside the segment, where the next one may start instead
        while j < last and items[j].text not in _NOT_IN_SEGMENT and "-" not in items[j].text \
                and _tag_end(tokens, j, last) is None:
            if items[j].end - opened > _DATELINE_SEGMENT:
                if comma is not None:
                    j = comma
                break
            if items[j].text == ",":
                comma = j
            j += 1
        if j == i + 1:
            return None
        segments += 1
        i = j
    tagged = _tag_end(tokens, i, last)
    if tagged is not None:  # an agency's tag closes the dateline: "MOSCOW, March 23. /TASS/."
        while tagged < last and items[tagged].text in DATELINE_DASHES:
            tagged += 1
        return items[tagged].start if tagged < last else None
    if i < last and items[i].text == "(":
        opened = items[i].end
        j = i + 1
        while j < last and items[j].text not in ("(", ")") and items[j].end - opened <= _DATELINE_BRACKET:
            j += 1
        if j >= last or items[j].text != ")" or j == i + 1:
            return None
        i = j + 1
    dashes = i
    while i < last and items[i].text in DATELINE_DASHES:
        i += 1
    if i == dashes or i >= last or items[i].start == items[i - 1].end:
        return None
    return items[i].start


def mark_after(tokens: Tokens, end: int) -> str | None:
    """The mark that follows offset ``end`` past white space (``"-"`` when ``end`` falls at a hyphen inside a
    word), or ``None`` when a word or nothing follows."""
    items = tokens.items
    index = tokens.at_or_after(end)
    if index > 0 and items[index - 1].end > end and items[index - 1].start < end:
        word = items[index - 1]
        return "-" if word.text[end - word.start : end - word.start + 1] == "-" else None
    if index >= len(items) or items[index].word:
        return None
    return items[index].text
