"""Paragraphs and sentences with their spans, for text as the web serves it.

Paragraphs end at blank lines, and at single line breaks that follow the end of a sentence or a short line
(a headline, a caption credit); a line break inside a wrapped sentence is not a paragraph break. Sentences end
at ``.``, ``!`` or ``?`` before a capital, a digit or a quote, also where the space after the stop is missing
("...said.This"), but not after an abbreviation ("U.S.", "Feb. 18", "Gen.").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

import regex

from ._patterns import pattern_timeout

__all__ = ["Sentence", "iter_sentences"]


class Sentence:
    """One sentence: ``text[start:end]``, stripped, and the index of the paragraph it stands in."""

    __slots__ = ("end", "first_in_paragraph", "paragraph", "start")

    def __init__(self, *, start: int, end: int, paragraph: int, first_in_paragraph: bool) -> None:
        self.start = start
        self.end = end
        self.paragraph = paragraph
        self.first_in_paragraph = first_in_paragraph


#: Words that end with a full stop without ending a sentence.
ABBREVIATIONS: Final = frozenset({
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "sgt", "st", "jr", "sr", "no", "vs", "etc",
    "approx", "est", "dept", "govt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "u.s", "u.n", "u.k", "e.g",
    "i.e", "al", "inc", "ltd", "co", "corp",
})

# A sentence stop: one or more of . ! ? (with closing quotes or brackets), then the break.
_stop = r"[.!?]+[\"'\u201d\u2019)\]]*"
# After the stop: white space then a capital, digit or opening quote; or a capital directly (a missing space).
_next = r"(?:[^\S\n]+(?=[\"'\u201c\u2018(\[]?[\p{Lu}\p{N}])|(?=[\p{Lu}][\p{Ll}]))"
RE_SENTENCE_STOP: Final = regex.compile(rf"(?<=\w[\"'\u201d\u2019)\]]*){_stop}{_next}")
RE_BLANK: Final = regex.compile(r"\n[^\S\n]*\n\s*")
RE_LINE: Final = regex.compile(r"[^\n]+")
RE_WORD_BEFORE: Final = regex.compile(r"([\w.]+)$")
_SHORT_LINE: Final = 0.6  # a line shorter than this share of the block's longest line ends a paragraph
_ENDS_SENTENCE: Final = frozenset(".!?:\"'\u201d\u2019)")


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in RE_BLANK.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Paragraph spans, stripped of surrounding white space, empty ones left out."""
    for block_start, block_end in _blocks(text):
        found = RE_LINE.finditer(text, block_start, block_end)
        lines = [(m.start(), m.end()) for m in found]
        lines = [(s, e) for s, e in lines if text[s:e].strip()]
        if not lines:
            continue
        longest = max(e - s for s, e in lines)
        start = lines[0][0]
        for (s, e), following in zip(lines, [*lines[1:], None], strict=True):
            line = text[s:e].rstrip()
            breaks = following is None or line[-1:] in _ENDS_SENTENCE or len(line) < _SHORT_LINE * longest
            if breaks:
                yield from _stripped(text, start, e)
                if following is not None:
                    start = following[0]


def _stripped(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end


def _word_before(text: str, stop: int) -> str | None:
    """The run of word characters and points that ends at ``stop``, within twelve characters, or ``None``."""
    match = RE_WORD_BEFORE.search(text, max(0, stop - 12), stop)
    return None if match is None else match.group(1)


def _is_abbreviation(text: str, stop: int) -> bool:
    found = _word_before(text, stop)
    if found is None:
        return False
    word = found.casefold().strip(".")
    # Single capitals ("J. Smith") and dotted initialisms ("U.S.") are abbreviations too.
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or "." in word


def iter_sentences(text: str) -> Iterator[Sentence]:
    """Every sentence of ``text`` in order, with its paragraph index; never raises.

    >>> [s.start for s in iter_sentences("Buses left. More came.\\n\\nA new paragraph.")]
    [0, 12, 24]
    """
    for index, (p_start, p_end) in enumerate(_paragraphs(text)):
        start = p_start
        first = True
        for match in RE_SENTENCE_STOP.finditer(text, p_start, p_end, timeout=pattern_timeout(),
                                               concurrent=False):
            stop_end = match.start() + len(match.group().rstrip())
            if _is_abbreviation(text, match.start()):
                continue
            for s, e in _stripped(text, start, stop_end):
                yield Sentence(start=s, end=e, paragraph=index, first_in_paragraph=first)
                first = False
            start = match.end()
        for s, e in _stripped(text, start, p_end):
            yield Sentence(start=s, end=e, paragraph=index, first_in_paragraph=first)
