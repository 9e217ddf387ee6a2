"""Building blocks shared by the scanning patterns."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeAlias

import regex

__all__ = ["trie_alternation"]

# A node of a prefix tree of words: each next character leads to a node; "" marks the end of a word.
_Node: TypeAlias = dict[str, "_Node"]


def trie_alternation(words: Iterable[str]) -> str:
    """An alternation matching exactly ``words``, factored by common prefixes: "ma(?:r(?:ch|)|y)".

    The engine compares the alternatives of a group one by one; factored, a word that is none of ``words`` fails
    after a letter or two instead of being compared with each of them, so a position is tried once per character,
    not once per word. An optional tail is an alternation with an empty branch last, "(?:x|)", which the engine
    tries longest first: where several of the words match at a position, the longest does. The empty set gives a
    pattern that never matches.
    """
    tree: _Node = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(tree) if tree else "(?!)"


def _emit(node: _Node) -> str:
    branches = [regex.escape(char) + _emit(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    return "(?:" + "|".join(branches) + ("|)" if "" in node else ")")


#: The longest one scan of a text by one pattern may take, in seconds: the last guard against a pattern that would
#: backtrack without end (every pattern here is written to run in linear time). A scan that takes longer raises
#: :class:`TimeoutError`, which :func:`ghouta_events.parse` turns into a :class:`~ghouta_events.ParseError`.
#: Scans by patterns that cannot backtrack (runs of one character class, fixed words and marks) go without it:
#: ``regex`` checks the clock at every position it tries, which costs more than such a scan itself. The scans with
#: a limit also pass ``concurrent=False``: ``regex`` would otherwise let go of the interpreter lock and take it back
#: around each call, lock traffic that these short matches do not need (``re`` never lets go).
PATTERN_TIMEOUT: float = 30.0


def pattern_timeout() -> float:
    """The time limit to pass to a scan of a whole text (read at each call, so that it can be changed)."""
    return PATTERN_TIMEOUT
