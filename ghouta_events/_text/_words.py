"""The words of a text, cut out once and shared by the scanners that start from words.

Names, cues, dates and number words can only begin at the start of a word. Rather than have each scanner try its
pattern at every position, the text is split into words once, in C (by ``re`` where it agrees with ``regex``: see
:class:`Splitter`), and each scanner looks its words up in its own set of first words; its pattern is then matched,
or its trie walked, only where a word of that set begins.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Container, Mapping
from typing import Final

import regex

__all__ = ["WORDS", "Splitter", "Words"]


class Splitter:
    """Cuts text into ``[gap, word, gap, ..., word, gap]`` with a pattern of the form ``(C+(?:A C+)*)``, where ``C``
    and ``A`` are character classes (``A`` may be absent).

    The cut is the one ``regex`` makes. Python's own ``re`` makes it faster, but the two modules disagree on some
    characters outside ASCII (``regex`` counts marks as word characters, ``re`` counts superscript digits). So the
    characters of a fixed repertoire (Latin letters, general punctuation, currency signs: what English news is
    written in) are tested once, in both modules, against each class; a text whose characters all lie among those
    on which the two agree is cut with ``re``, which then gives the same parts, and any other text with ``regex``.
    """

    __slots__ = ("_ascii_agrees", "_fast", "_foreign", "_pattern", "agreed")

    def __init__(self, word_class: str, joiner_class: str | None = None) -> None:
        word = f"{word_class}+" if joiner_class is None else f"{word_class}+(?:{joiner_class}{word_class}+)*"
        self._pattern = regex.compile(f"({word})")
        self._fast = re.compile(f"({word.replace(word_class, _re_class(word_class))})")
        classes = [(regex.compile(word_class), re.compile(_re_class(word_class)))]
        if joiner_class is not None:
            classes.append((regex.compile(joiner_class), re.compile(joiner_class)))
        agreed = [c for c in map(chr, _REPERTOIRE)
                  if all((a.fullmatch(c) is None) == (b.fullmatch(c) is None) for a, b in classes)]
        #: The characters on which the two modules agree for this cut.
        self.agreed: frozenset[str] = frozenset(agreed)
        # Any character outside those: the text goes to regex.
        self._foreign = re.compile("[^" + "".join(re.escape(c) for c in agreed) + "]")
        # Whether they agree on every ASCII character: an ASCII text then needs no search.
        self._ascii_agrees: bool = self.agreed.issuperset(map(chr, range(128)))

    @property
    def pattern(self) -> regex.Pattern[str]:
        """The pattern whose cut this is."""
        return self._pattern

    def agrees(self, text: str) -> bool:
        """Whether every character of ``text`` is one on which ``re`` and ``regex`` agree for this cut."""
        if self._ascii_agrees and text.isascii():
            return True
        return self._foreign.search(text) is None

    def split(self, text: str) -> list[str]:
        """``pattern.split(text)``."""
        return self.cut(text)[0]

    def cut(self, text: str) -> tuple[list[str], bool]:
        """``pattern.split(text)``, and whether ``text`` :meth:`agrees`."""
        if self.agrees(text):
            return self._fast.split(text), True
        return self._pattern.split(text), False


# The characters tried for agreement: Latin (with the modifier letters of transliteration), general punctuation
# and currency signs.
_REPERTOIRE: Final = [*range(0x0300), *range(0x2000, 0x2070), *range(0x20A0, 0x20C1)]

# regex's property classes, and re's equivalent for the one that has one.
_RE_CLASSES: Final = {r"\w": r"\w", r"[\p{L}\p{M}\p{N}]": r"[^\W_]"}


def _re_class(word_class: str) -> str:
    """The ``re`` spelling of ``word_class``.

    Raises:
        ValueError: ``re`` has no spelling of it here.
    """
    try:
        return _RE_CLASSES[word_class]
    except KeyError:
        raise ValueError(f"no re spelling of the word class {word_class!r}; known: {sorted(_RE_CLASSES)}") from None


#: A word: a run of word characters, as regex's ``\w`` and ``\b`` see them.
WORDS: Final = Splitter(r"\w")


class Words:
    """The words of ``text[pos:endpos]``: where each starts and ends, and each lower-cased.

    ``parts`` alternates what stands between words and the words themselves: ``[gap, word, gap, ..., word, gap]``;
    word ``i`` is ``parts[2 * i + 1]``, starts at ``offsets[2 * i + 1]`` and ends at ``offsets[2 * i + 2]``.
    ``splitter`` says what a word is (``\\w`` runs by default); ``parts``, when given, are the cut already made
    (``splitter.split(text[pos:endpos])``, or what equals it), and ``offsets``, when given with them, where each
    part starts, then where the last one ends. ``agrees`` is whether the part cut :meth:`~Splitter.agrees` for
    ``splitter``, or ``None`` where the parts were given.
    """

    __slots__ = ("_lowered", "agrees", "offsets", "parts", "pos", "splitter", "text")

    def __init__(self, text: str, pos: int = 0, endpos: int | None = None, *,
                 splitter: Splitter = WORDS, parts: list[str] | None = None,
                 offsets: list[int] | None = None) -> None:
        self.text = text[pos:endpos]  # the part of the text cut
        self.pos = pos
        self.splitter = splitter
        self.agrees: bool | None = None
        if parts is None:
            parts, self.agrees = splitter.cut(self.text)
            offsets = None  # worked out below, for the parts just cut
        self.parts: list[str] = parts
        self.offsets: list[int] = (list(itertools.accumulate(map(len, self.parts), initial=pos))
                                   if offsets is None else offsets)
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
