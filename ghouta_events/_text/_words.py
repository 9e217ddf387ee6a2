"""The words of a text, cut out once and shared by the scanners that start from words.

Names, cues, dates and number words can only begin at the start of a word. Rather than have each scanner try its
pattern at every position, the text is split into words once, in C, and each scanner looks its words up in its own
set of first words; its pattern is then matched, or its trie walked, only where a word of that set begins.
"""

from __future__ import annotations

import itertools
from collections.abc import Container, Iterator, Mapping
from typing import Final

import regex

__all__ = ["Words"]

# A word: a run of word characters, as regex's \b and \w see them (the one capturing group keeps the words in the
# result of split).
RE_WORD_SPLIT: Final = regex.compile(r"(\w+)")


class Words:
    """The words of ``text[pos:endpos]``: where each starts and ends, and each lower-cased.

    ``parts`` alternates what stands between words and the words themselves: ``[gap, word, gap, ..., word, gap]``;
    word ``i`` is ``parts[2 * i + 1]``, starts at ``offsets[2 * i + 1]`` and ends at ``offsets[2 * i + 2]``.
    ``splitter`` says what a word is: a pattern whose one capturing group is a word (``\\w`` runs by default).
    """

    __slots__ = ("_lowered", "offsets", "parts")

    def __init__(self, text: str, pos: int = 0, endpos: int | None = None, *,
                 splitter: regex.Pattern[str] = RE_WORD_SPLIT) -> None:
        self.parts: list[str] = splitter.split(text[pos:endpos])
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

    def among(self, first_words: Container[str]) -> Iterator[int]:
        """The indexes of the words whose lower-cased form is in ``first_words``, in order."""
        return itertools.compress(range(len(self.lowered)), map(first_words.__contains__, self.lowered))

    def starts_among(self, first_words: Container[str], before: Mapping[str, Container[str]]) -> list[int]:
        """Where the words whose lower-cased form is in ``first_words`` start, in order.

        ``before`` narrows some of them down: a word that is a key of it counts only when the next word (lower-cased)
        is in its value.
        """
        offsets, lowered = self.offsets, self.lowered
        last = len(lowered) - 1
        return [offsets[2 * i + 1] for i in self.among(first_words)
                if (nexts := before.get(lowered[i])) is None or (i < last and lowered[i + 1] in nexts)]
