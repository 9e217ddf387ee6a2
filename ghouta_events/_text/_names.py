"""Spelling-tolerant matching of known names: skeletons, and one compiled pattern for a set of them.

Outlets spell the same Arabic name many ways (Faylaq / Failaq / Failak al-Rahman; Arbin / Arbeen; Douma / Duma).
Each name is reduced to a *skeleton*: lower case, accents, apostrophes and hyphens gone, the Arabic article in
any form (al-, el-, ar-, ad-, ...) written ``al``, and the letters that vary between transliterations folded
together (ou/oo/o -> u, ee/iy -> i, ay/ey/ei -> ai, q/ck -> k, a doubled letter -> one, a final -eh/-ah -> a).
Two spellings are the same name when their skeletons are equal.

To find names in text in a single pass, every skeleton is turned back into a loose pattern (``u`` matches ou, oo,
o or u; a consonant matches itself once or twice...), the patterns are merged into a prefix trie, and the trie
is compiled into one alternation. A hit is then confirmed by computing its skeleton and looking it up, so the
loose pattern only decides where to look, never what a name is.
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


# --- From skeleton back to a loose pattern ------------------------------------------------------------------
# A skeleton is cut into units; each unit has a pattern fragment that accepts every spelling folded into it.

_ARTICLE_UNIT: Final = "\x01"  # a whole article word
_WORD_GAP: Final = "\x02"  # the space between two words
_FINAL_A: Final = "\x03"  # an "a" that ends a word (may be written -eh or -ah)
_DIPHTHONG: Final = "\x04"  # "ai" (may be written ay, ey, ei)

_FRAGMENTS: Final = {
    _ARTICLE_UNIT: r"(?:[ae](?:l|r|d|s|t|z|n|sh|th|dh)?)",  # al, el, ar, ad, as, at, az, an, ash, a...
    _WORD_GAP: f"(?:['\u2019]s)?[{_SEPARATORS}]{{1,3}}",  # a possessive, then one to three separators
    _FINAL_A: r"(?:a{1,2}|[ae]h|e)",
    _DIPHTHONG: r"(?:[ae][iy])",
    "u": r"(?:o[ou]?|u{1,2})",
    "i": r"(?:ee|i{1,2}y?)",
    "k": r"(?:ck|[kq]{1,2})",
}
_ARTICLE_GAP: Final = f"[{_SEPARATORS}]{{0,3}}"  # an article may be written joined to its word


def _units(key: str) -> list[str]:
    units: list[str] = []
    words = key.split(" ")
    for wi, word in enumerate(words):
        if wi:
            units.append(_WORD_GAP)
        if word == "al" and wi < len(words) - 1:
            units.append(_ARTICLE_UNIT)
            continue
        i = 0
        while i < len(word):
            if word.startswith("ai", i):
                units.append(_DIPHTHONG)
                i += 2
                continue
            char = word[i]
            units.append(_FINAL_A if char == "a" and i == len(word) - 1 and i >= 2 else char)
            i += 1
    return units


def _fragment(unit: str, previous: str | None) -> str:
    if unit == _WORD_GAP and previous == _ARTICLE_UNIT:
        return _ARTICLE_GAP
    if unit in _FRAGMENTS:
        return _FRAGMENTS[unit]
    if unit.isalpha():
        return f"{regex.escape(unit)}{{1,2}}"
    return regex.escape(unit)


_Trie = dict[str, "_Trie"]
_END: Final = ""


def _trie_pattern(node: _Trie, previous: str | None) -> str:
    branches = [
        _fragment(unit, previous) + _trie_pattern(child, unit)
        for unit, child in sorted(node.items(), key=lambda item: item[0])
        if unit != _END
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:
        return f"(?:{body})?"
    return body


class NamePattern:
    """One compiled pattern that finds any of a set of names, in any spelling their skeletons allow.

    Names given as *cased* match only as written (case included), for names that are also common words
    ("IS", "US", "WHO").
    """

    __slots__ = ("_cased", "_pattern")

    def __init__(self, names: Iterable[str], cased: Iterable[str] = ()) -> None:
        trie: _Trie = {}
        for name in names:
            key = skeleton(name)
            if not key:
                continue
            node = trie
            for unit in _units(key):
                node = node.setdefault(unit, {})
            node[_END] = {}
        self._cased = frozenset(cased)
        alternatives = []
        if trie:
            alternatives.append(f"(?i:{_trie_pattern(trie, None)})")
        if self._cased:
            ordered = sorted(self._cased, key=lambda s: (-len(s), s))
            alternatives.append("(?-i:" + "|".join(regex.escape(s) for s in ordered) + ")")
        body = "|".join(alternatives) if alternatives else r"(?!)"
        self._pattern = regex.compile(rf"(?<![\w\-])(?:{body})(?![\w])", regex.VERSION1)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[tuple[int, int, str]]:
        """Yield ``(start, end, matched text)`` for every candidate, left to right, without overlaps."""
        end = len(text) if endpos is None else endpos
        for match in self._pattern.finditer(text, pos, end):
            yield match.start(), match.end(), match.group()

    def is_cased(self, surface: str) -> bool:
        """Whether ``surface`` is one of the names that match only as written."""
        return surface in self._cased
