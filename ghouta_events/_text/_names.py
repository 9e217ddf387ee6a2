"""Spelling-tolerant matching of known names: skeletons, and one compiled pattern for a set of them.

Outlets spell the same Arabic name many ways (Faylaq / Failaq / Failak al-Rahman; Arbin / Arbeen; Douma / Duma).
Each name is reduced to a *skeleton*: lower case, accents, apostrophes and hyphens gone, the Arabic article in
any form (al-, el-, ar-, ad-, ...) written ``al``, and the letters that vary between transliterations folded
together (ou/oo/o -> u, ee/iy -> i, ay/ey/ei -> ai, q/ck -> k, a doubled letter -> one, a final -eh/-ah -> a).
Two spellings are the same name when their skeletons are equal.

To find names in text, the text is cut into words once; each distinct word's skeleton is computed once, and at a
word that can begin a name the longest run of words whose skeletons spell a known name is taken.
"""

from __future__ import annotations

import unicodedata
from collections import ChainMap
from collections.abc import Iterable, Iterator, Mapping
from typing import Final

import regex

from ._patterns import trie_alternation
from ._words import Words

__all__ = ["NamePattern", "skeleton"]

#: Forms of the Arabic definite article as transliterated in English text.
ARTICLES: Final = frozenset({"al", "el", "ar", "ad", "as", "at", "az", "ash", "an", "ath", "adh", "a"})

# Apostrophes and the modifier letters that stand for them in transliterations ("Hay'at", "Ta\u02bfziz").
_APOSTROPHE_CHARACTERS: Final = "'\u2019\u2018`\u02bc\u02bf\u02be"
# Characters that separate the words of one name: spaces, hyphens and dashes, apostrophes.
_SEPARATORS: Final = "\\s\\-\u2010\u2011\u2012\u2013\u2014_" + _APOSTROPHE_CHARACTERS
RE_SEPARATORS: Final = regex.compile(f"[{_SEPARATORS}]+")
RE_APOSTROPHES: Final = regex.compile(f"[{_APOSTROPHE_CHARACTERS}]")
RE_POSSESSIVE: Final = regex.compile("['\u2019]s\\b")

# The letter foldings, applied in this order to each word that is not an article.
_FOLDS: Final = (
    (regex.compile(r"ou|oo|o"), "u"),  # Douma, Duma; Yarmouk, Yarmuk; Jobar, Joubar
    (regex.compile(r"ee|iy"), "i"),  # Arbeen, Arbin; Hamouriyeh, Hamouria
    (regex.compile(r"[ae][iy]"), "ai"),  # Faylaq, Failaq; Jaysh, Jaish; Turkey
    (regex.compile(r"ck|q"), "k"),  # Faylaq, Failak; Qaboun, Kaboun
    (regex.compile(r"(.)\1+"), r"\1"),  # Hammouriyeh, Hamouriyeh; Harasta, Harrasta
    (regex.compile(r"(?<=..)(?:eh|ah|e)$"), "a"),  # Barzeh, Barza; Zamalkah, Zamalka
)


def _fold_word(word: str) -> str:
    for pattern, replacement in _FOLDS:
        word = pattern.sub(replacement, word)
    return word


def skeleton(name: str) -> str:
    """The spelling-independent key of a name: equal skeletons are taken for the same name.

    >>> skeleton("Faylaq al-Rahman") == skeleton("Failak Ar-Rahman") == skeleton("FAILAQ AL RAHMAN")
    True
    >>> skeleton("Arbeen")
    'arbin'
    """
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = RE_APOSTROPHES.sub("", RE_POSSESSIVE.sub("", plain)).replace(".", "")
    words = RE_SEPARATORS.sub(" ", plain).split()
    folded = [
        "al" if word in ARTICLES and i < len(words) - 1 else _fold_word(word) for i, word in enumerate(words)
    ]
    return " ".join(folded)


# --- Finding names in text ----------------------------------------------------------------------------------

#: A word of a name: letters, marks and digits, with apostrophes inside ("Hay'at", "regime's"); captured, so that a
#: split keeps the words.
_LETTERS: Final = r"[\p{L}\p{M}\p{N}]+"
RE_NAME_WORD: Final = regex.compile(f"({_LETTERS}(?:[{_APOSTROPHE_CHARACTERS}]{_LETTERS})*)")
# A name does not start right after a hyphen or an apostrophe: "pro-Damascus" and "al-Bab's" start elsewhere.
_NO_START_AFTER: Final = frozenset("-\u2010\u2011_'\u2019")


_Trie = dict[str, "_Trie"]
_FOLD_CACHE_SIZE: Final = 200_000  # distinct words whose skeletons are kept
_END: Final = ""  # the key that marks the end of a name in the trie (no word folds to "")
_GAP_CHARACTERS: Final = frozenset(" \t\n\r\u00a0\u2009\u202f-\u2010\u2011\u2012\u2013\u2014_")


class NamePattern:
    """Finds any of a set of names in text, in any spelling their skeletons allow, in one pass over its words.

    The text is cut into name words once (:data:`RE_NAME_WORD`). Each distinct word is folded into its skeleton
    once, the first time any text holds it: a text's words are then looked up, not folded. From a word that can
    begin a name, a trie of the names' folded words is walked forward; the longest name it completes wins. Names
    given as *cased* match only as written, case included, for names that are also common words ("IS", "US",
    "WHO").
    """

    __slots__ = ("_cased", "_cased_pattern", "_first_words", "_folded", "_trie")

    def __init__(self, names: Iterable[str], cased: Iterable[str] = ()) -> None:
        self._trie: _Trie = {}
        for name in names:
            key = skeleton(name)
            if not key:
                continue
            node = self._trie
            for word in key.split(" "):
                node = node.setdefault(word, {})
            node[_END] = {}
        self._cased = frozenset(c for c in cased if c.strip())
        # Factored by prefix, the longest spelling first where several match at one place.
        self._cased_pattern = regex.compile(rf"(?<![\w\-]){trie_alternation(self._cased)}(?![\w])")
        self._folded: dict[str, str] = {}  # word -> skeleton: a cache; it never changes what a word means
        # The skeletons a name can begin with: the first word of a name, or an article that stands for "al".
        self._first_words = frozenset(self._trie) | _ARTICLE_SKELETONS

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[tuple[int, int, str]]:
        """Yield ``(start, end, matched text)`` for every candidate, left to right, without overlaps; where two
        overlap, the one that starts first wins, then the longer."""
        end = len(text) if endpos is None else endpos
        as_written = ((match.start(), match.end()) for match in self._cased_pattern.finditer(text, pos, end))
        hits = sorted([*self._spelled(text, pos, end), *as_written], key=lambda hit: (hit[0], -hit[1]))
        last_end = -1
        for start, stop in hits:
            if start >= last_end:
                last_end = stop
                yield start, stop, text[start:stop]

    def _fold(self, words: Iterable[str]) -> Mapping[str, str]:
        """The skeleton of each of ``words``, from the cache; the words not seen before are folded and kept until
        the cache is full. Entries are only ever added, so threads sharing a pattern never miss one."""
        new = set(words).difference(self._folded)
        if not new:
            return self._folded
        skeletons = {word: skeleton(word) for word in new}
        if len(self._folded) + len(skeletons) > _FOLD_CACHE_SIZE:
            return ChainMap(skeletons, self._folded)
        self._folded.update(skeletons)
        return self._folded

    def _spelled(self, text: str, pos: int, end: int) -> Iterator[tuple[int, int]]:
        # The text is cut into name words in one pass; the trie is walked only from the words that can begin a name.
        words = Words(text, pos, end, pattern=RE_NAME_WORD)
        parts, offsets, written = words.parts, words.offsets, words.words
        folded = list(map(self._fold(written).__getitem__, written))
        following = -1  # index of the first word after the last name found
        first_words = self._first_words
        for i in [i for i, word in enumerate(folded) if word in first_words]:
            if i < following:
                continue
            start = offsets[2 * i + 1]
            if start > 0 and text[start - 1] in _NO_START_AFTER:
                continue
            # Most words that begin a name begin only longer ones ("the" of "the regime"), and most articles begin
            # none ("a", "as"): look at the next word before walking, and walk only when a name may go on to it.
            alone, longer = self._first_step(folded, i)
            length = self._longest(parts, folded, i) if longer else int(alone)
            if length:
                stop = offsets[2 * (i + length)]
                if stop >= 2 and text[stop - 2] in _POSSESSIVE_MARKS and text[stop - 1] in "sS":
                    stop -= 2  # "Aleppo's": the name without its possessive
                yield start, stop
                following = i + length

    def _first_step(self, folded: list[str], first: int) -> tuple[bool, bool]:
        """Whether a name of the one word ``first`` is known, and whether a known name may go on from it to the next
        word (``folded`` holds the skeletons of the words): where it may not, :meth:`_longest` finds the one-word
        name or none, and need not walk."""
        word = folded[first]
        after = folded[first + 1] if first + 1 < len(folded) else None
        alone = longer = False
        for key in (word, "al") if word in _ARTICLE_SKELETONS and word != "al" else (word,):
            node = self._trie.get(key)
            if node is None:
                continue
            alone = alone or (key == word and _END in node)
            longer = longer or (after is not None and (
                after in node or ("al" in node and after in _ARTICLE_SKELETONS)))
        return alone, longer

    def _longest(self, parts: list[str], folded: list[str], first: int) -> int:
        """How many words from ``first`` on spell the longest known name (0 for none); ``parts`` is the cut of the
        text, gaps and words, and ``folded`` holds the skeletons of its words."""
        best = 0
        count = len(folded)
        # Each state: the trie node reached and the index of the next word. An article may stand for "al" when
        # another word of the name follows it, so a walk can fork in two at an article.
        states: list[tuple[_Trie, int]] = [(self._trie, first)]
        while states:
            node, k = states.pop()
            if k >= count:
                continue
            if k > first:
                gap = parts[2 * k]  # what stands between word k - 1 and word k
                if not (gap == " " or (0 < len(gap) <= 3 and all(c in _GAP_CHARACTERS for c in gap))):
                    continue
            word = folded[k]
            for key in (word, "al") if word in _ARTICLE_SKELETONS and word != "al" else (word,):
                child = node.get(key)
                if child is None:
                    continue
                if _END in child and key == word:
                    best = max(best, k - first + 1)
                states.append((child, k + 1))
        return best


# The apostrophes of a possessive "'s" after a name.
_POSSESSIVE_MARKS: Final = "'\u2019"

#: The skeletons of the article's spellings (a word alone is folded like any word: "el" stays "el").
_ARTICLE_SKELETONS: Final = frozenset(_fold_word(article) for article in ARTICLES) | {"al"}
