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
from collections.abc import Iterable, Iterator
from typing import Final

import regex

__all__ = ["NamePattern", "skeleton"]

#: Forms of the Arabic definite article as transliterated in English text.
ARTICLES: Final = frozenset({"al", "el", "ar", "ad", "as", "at", "az", "ash", "an", "ath", "adh", "a"})

# Characters that separate the words of one name: spaces, hyphens and dashes, apostrophes.
_SEPARATORS: Final = "\\s\\-\u2010\u2011\u2012\u2013\u2014_'\u2019\u2018`\u02bc\u02bf\u02be"
RE_SEPARATORS: Final = regex.compile(f"[{_SEPARATORS}]+")
RE_APOSTROPHES: Final = regex.compile("['\u2019\u2018`\u02bc\u02bf\u02be]")
RE_POSSESSIVE: Final = regex.compile("['\u2019]s\\b")
RE_POSSESSIVE_END: Final = regex.compile("['\u2019][sS]$")

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

# A word of text: letters, marks and digits, with apostrophes inside ("Hay'at", "regime's").
RE_WORD: Final = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['\u2019\u2018`\u02bc\u02bf\u02be][\p{L}\p{M}\p{N}]+)*")
# A name does not start right after a hyphen or an apostrophe: "pro-Damascus" and "al-Bab's" start elsewhere.
_NO_START_AFTER: Final = frozenset("-\u2010\u2011_'\u2019")


_Trie = dict[str, "_Trie"]
_END: Final = ""  # the key that marks the end of a name in the trie (no word folds to "")
_GAP_CHARACTERS: Final = frozenset(" \t\n\r\u00a0\u2009\u202f-\u2010\u2011\u2012\u2013\u2014_")


class NamePattern:
    """Finds any of a set of names in text, in any spelling their skeletons allow, in one pass over its words.

    The text is cut into words once; each distinct word's skeleton is computed once and cached. From a word that
    can begin a name, a trie of the names' folded words is walked forward; the longest name it completes wins.
    Names given as *cased* match only as written, case included, for names that are also common words ("IS",
    "US", "WHO").
    """

    __slots__ = ("_cased", "_cased_pattern", "_folded", "_trie")

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
        ordered = sorted(self._cased, key=lambda s: (-len(s), s))
        body = "|".join(regex.escape(s) for s in ordered) if ordered else r"(?!)"
        self._cased_pattern = regex.compile(rf"(?<![\w\-])(?:{body})(?![\w])")
        self._folded: dict[str, str] = {}  # word -> skeleton: a cache; it never changes what a word means

    def _fold(self, word: str) -> str:
        folded = self._folded.get(word)
        if folded is None:
            folded = skeleton(word)
            if len(self._folded) < 200_000:
                self._folded[word] = folded
        return folded

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[tuple[int, int, str]]:
        """Yield ``(start, end, matched text)`` for every candidate, left to right, without overlaps; where two
        overlap, the one that starts first wins, then the longer."""
        end = len(text) if endpos is None else endpos
        hits = sorted([*self._spelled(text, pos, end), *self._as_written(text, pos, end)],
                      key=lambda hit: (hit[0], -hit[1]))
        last_end = -1
        for start, stop in hits:
            if start >= last_end:
                last_end = stop
                yield start, stop, text[start:stop]

    def _as_written(self, text: str, pos: int, end: int) -> Iterator[tuple[int, int]]:
        for match in self._cased_pattern.finditer(text, pos, end):
            yield match.start(), match.end()

    def _spelled(self, text: str, pos: int, end: int) -> Iterator[tuple[int, int]]:
        spans = [(m.start(), m.end()) for m in RE_WORD.finditer(text, pos, end)]
        folded = [self._fold(text[a:b]) for a, b in spans]
        root = self._trie
        count = len(spans)
        i = 0
        while i < count:
            start = spans[i][0]
            word = folded[i]
            if (word not in root and word not in _ARTICLE_SKELETONS) or (
                start > 0 and text[start - 1] in _NO_START_AFTER
            ):
                i += 1
                continue
            length = self._longest(text, spans, folded, i)
            if length:
                stop = spans[i + length - 1][1]
                if RE_POSSESSIVE_END.search(text, stop - 2, stop):
                    stop -= 2  # "Aleppo's": the name without its possessive
                yield start, stop
                i += length
            else:
                i += 1

    def _longest(self, text: str, spans: list[tuple[int, int]], folded: list[str], first: int) -> int:
        """How many words from ``first`` on spell the longest known name (0 for none)."""
        best = 0
        # Each state: the trie node reached and the index of the next word. An article may stand for "al" when
        # another word of the name follows it, so a walk can fork in two at an article.
        states: list[tuple[_Trie, int]] = [(self._trie, first)]
        while states:
            node, k = states.pop()
            if k >= len(spans):
                continue
            if k > first:
                gap = text[spans[k - 1][1] : spans[k][0]]
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


#: The skeletons of the article's spellings (a word alone is folded like any word: "el" stays "el").
_ARTICLE_SKELETONS: Final = frozenset(_fold_word(article) for article in ARTICLES) | {"al"}
