"""The words of a text, cut out once and shared by the scanners that start from words.

Names, cues, dates and number words can only begin at the start of a word. Rather than have each scanner try its
pattern at every position, the text is cut into words once (one split by :data:`RE_WORD`), and each scanner looks
its words up in its own set of first words; its pattern is then matched, or its trie walked, only where a word of
that set begins.
"""

from __future__ import annotations

import itertools
from collections.abc import Container, Mapping
from typing import Final

import regex

__all__ = ["RE_WORD", "Words"]

#: A word: a run of word characters, as ``\w`` and ``\b`` see them (captured, so that a split keeps the words).
RE_WORD: Final = regex.compile(r"(\w+)")


class Words:
    """The words of ``text[pos:endpos]``: where each starts and ends, and each lower-cased.

    ``parts`` alternates what stands between words and the words themselves: ``[gap, word, gap, ..., word, gap]``
    (``pattern.split``, where ``pattern`` captures one word: :data:`RE_WORD` unless told otherwise); word ``i`` is
    ``parts[2 * i + 1]``, starts at ``offsets[2 * i + 1]`` and ends at ``offsets[2 * i + 2]``.
    """

    __slots__ = ("_lowered", "offsets", "parts", "pos", "text")

    def __init__(self, text: str, pos: int = 0, endpos: int | None = None, *,
                 pattern: regex.Pattern[str] = RE_WORD) -> None:
        self.text = text[pos:endpos]  # the part of the text cut
        self.pos = pos
        self.parts: list[str] = pattern.split(self.text)
        #: Where each part starts, then where the last one ends.
        self.offsets: list[int] = list(itertools.accumulate(map(len, self.parts), initial=pos))
        self._lowered: list[str] | None = None

    @property
    def words(self) -> list[str]:
        """The words as written."""
        return self.parts[1::2]

    @property
    def lowered(self) -> list[str]:
        """The words lower-cased (worked out on first use)."""
        if self._lowered is None:
            self._lowered = list(map(str.lower, self.parts[1::2]))
        return self._lowered

    def among(self, first_words: Container[str], *, as_written: bool = False) -> list[int]:
        """The indexes of the words whose lower-cased form (or, with ``as_written``, the word itself) is in
        ``first_words``, in order."""
        return [i for i, word in enumerate(self.words if as_written else self.lowered) if word in first_words]

    def starts_among(self, first_words: Container[str], before: Mapping[str, Container[str]]) -> list[int]:
        """Where the words whose lower-cased form is in ``first_words`` start, in order.

        ``before`` narrows some of them down: a word that is a key of it counts only when the next word (lower-cased)
        is in its value.
        """
        offsets, lowered = self.offsets, self.lowered
        last = len(lowered) - 1
        return [offsets[2 * i + 1] for i in self.among(first_words)
                if (nexts := before.get(lowered[i])) is None or (i < last and lowered[i + 1] in nexts)]
