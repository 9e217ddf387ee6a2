"""Token readers of the frames: small grammars read from the tokens of a clause, each named for what it finds.

The frames ask these questions of a clause or of the words around a name; each reader looks at tokens only (with
their offsets), never at the characters between them, and reads a bounded number of tokens from where it starts,
so asking it once per clause or per name keeps the parse linear. The word lists live in :mod:`._lexicon`.
"""

from __future__ import annotations

from collections.abc import Container
from typing import Final

from ._chunks import Tokens
from ._lexicon import (
    ANAPHOR_DETERMINERS,
    ANOTHER_WORDS,
    MOVEMENT_ANAPHOR_NOUNS,
    MOVER_WORDS,
    PRONOUN_MOVEMENT_VERBS,
    SERIES_NOUNS,
)

__all__ = ["has_word", "names_a_series", "names_movers", "opens_with_anaphor"]

#: The most words between a determiner or series word and its noun ("the 17 white buses").
_NOUN_REACH: Final = 2
#: Adverbs between "it" and its movement verb ("It then reached X").
_PRONOUN_ADVERBS: Final = frozenset({"then", "later", "finally"})


def has_word(tokens: Tokens, first: int, last: int, words: Container[str]) -> bool:
    """Whether one of ``words`` (lower-cased) is a token of ``tokens[first:last]``."""
    return any(token.lower in words for token in tokens.items[first:last])


def names_movers(tokens: Tokens, first: int, last: int) -> bool:
    """Whether ``tokens[first:last]`` names who or what moves (:data:`~._lexicon.MOVER_WORDS`: "fighters",
    "the convoy", "buses")."""
    return has_word(tokens, first, last, MOVER_WORDS)


def names_a_series(tokens: Tokens, first: int, last: int) -> bool:
    """Whether ``tokens[first:last]`` names one more movement of a series. The grammar:

    .. code-block:: text

        series := ('another' | 'other' | 'a' 'further' | 'a' 'new') word{0,2} series_noun

    ("another convoy", "a further batch of buses", "other evacuee groups").
    """
    items = tokens.items
    for i in range(first, last):
        word = items[i].lower
        if (word,) in ANOTHER_WORDS:
            j = i + 1
        elif i + 1 < last and (word, items[i + 1].lower) in ANOTHER_WORDS:
            j = i + 2
        else:
            continue
        for k in range(j, min(last, j + _NOUN_REACH + 1)):
            if not items[k].word:
                break
            if items[k].lower in SERIES_NOUNS:
                return True
    return False


def opens_with_anaphor(tokens: Tokens, first: int, last: int) -> bool:
    """Whether the clause ``tokens[first:last]`` opens with a subject that refers back to the movement told before
    it. The grammar:

    .. code-block:: text

        anaphor := mark* ( determiner word{0,2} movement_noun | 'they' | 'them'
                         | 'it' ['then' | 'later' | 'finally'] pronoun_movement_verb )

    ("The convoy headed north", "These 17 buses contained ...", "They left for X", "It reached Idlib").
    """
    items = tokens.items
    i = first
    while i < last and not items[i].word:
        i += 1
    if i >= last:
        return False
    word = items[i].lower
    if word in ("they", "them"):
        return True
    if word == "it":
        j = i + 1
        if j < last and items[j].lower in _PRONOUN_ADVERBS:
            j += 1
        return j < last and items[j].lower in PRONOUN_MOVEMENT_VERBS
    if word not in ANAPHOR_DETERMINERS:
        return False
    for k in range(i + 1, min(last, i + _NOUN_REACH + 2)):
        if not items[k].word:
            return False
        if items[k].lower in MOVEMENT_ANAPHOR_NOUNS:
            return True
    return False
