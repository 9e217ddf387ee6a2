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

Boilerplate yields no records; a caption's claims are its credit's; a headline sums up the body. A link to another
story with its headline ("Related article: 113,000 civilians evacuated, Russia says") is no furniture: what that
headline states is reported on the page.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Final

from ._chunks import Tokens, credit_at
from ._lexicon import COPYRIGHT_WORDS, FURNITURE_PHRASES, FURNITURE_WORDS, PHOTO_WORDS
from ._sentences import Sentence

__all__ = ["Zone", "page_zones"]


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
