"""The words of a text, cut out once and shared by the scanners that start from words.

Cues, dates and number words can only begin at the start of a word (a run of ``\\w`` characters). Rather than
have each scanner try its pattern at every position, the text is split into words once, in C, and each scanner
looks up the lower-cased words in its own set of first words; its pattern is then matched only where a word of
that set begins.
"""

from __future__ import annotations

import itertools
from collections.abc import Container, Iterator, Mapping
from typing import Final

import regex

from ._patterns import pattern_timeout

__all__ = ["Words"]

# A word: a run of word characters, as regex's \b and \w see them.
RE_WORD_SPLIT: Final = regex.compile(r"(\w+)")


class Words:
    """The words of ``text[pos:endpos]``: where each starts and ends, and each lower-cased.

    ``parts`` alternates what stands between words and the words themselves: ``[gap, word, gap, ..., word, gap]``;
    word ``i`` is ``parts[2 * i + 1]`` and starts at ``offsets[2 * i + 1]``.
    """

    __slots__ = ("lowered", "offsets", "parts")

    def __init__(self, text: str, pos: int = 0, endpos: int | None = None) -> None:
        self.parts: list[str] = RE_WORD_SPLIT.split(text[pos:endpos], timeout=pattern_timeout())
        self.offsets: list[int] = list(itertools.accumulate(map(len, self.parts), initial=pos))
        self.lowered: list[str] = list(map(str.lower, self.parts[1::2]))

    def __len__(self) -> int:
        return len(self.lowered)

    def start(self, index: int) -> int:
        """Where word ``index`` starts."""
        return self.offsets[2 * index + 1]

    def end(self, index: int) -> int:
        """Where word ``index`` ends."""
        return self.offsets[2 * index + 2]

    def gap_after(self, index: int) -> str:
        """What stands between word ``index`` and the next (or the end)."""
        return self.parts[2 * index + 2]

    def among(self, first_words: Container[str]) -> Iterator[int]:
        """The indexes of the words whose lower-cased form is in ``first_words``, in order."""
        return itertools.compress(range(len(self.lowered)), map(first_words.__contains__, self.lowered))

    def starts_among(self, first_words: Container[str], *, before: Mapping[str, Container[str]] | None = None,
                     ) -> list[int]:
        """Where the words whose lower-cased form is in ``first_words`` start, in order.

        ``before`` narrows some of them down: a word that is a key of it counts only when the next word (lower-cased)
        is in its value.
        """
        offsets, lowered = self.offsets, self.lowered
        if before is None:
            return [offsets[2 * i + 1] for i in self.among(first_words)]
        last = len(lowered) - 1
        return [offsets[2 * i + 1] for i in self.among(first_words)
                if (nexts := before.get(lowered[i])) is None or (i < last and lowered[i + 1] in nexts)]
