"""Frames, declared as data: the named patterns that the rules read a clause through.

A frame is a record of what one pattern found, with the grammar of the pattern in its docstring, the cue kinds
that open it in ``TRIGGERS``, and a ``find`` function that reads it from the chunks and mentions of one sentence
(tokens, cue hits, the spans of known names) and never from the characters of the text. The rules (the discourse
stage) decide what the names in a frame stand for; a frame only says which mention fills which slot. Each frame
has its own table of invented example sentences in ``tests/test_frames.py``.

:data:`FRAMES` lists them, in the order the rules read them.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import ClassVar, Final, NamedTuple

from attrs import frozen

from ._chunks import Tokens, compound_head
from ._cues import Cue, CueHit

__all__ = ["FRAMES", "Backing", "NameSpans", "nearest_marked"]


class NameSpans(NamedTuple):
    """The known names of a sentence, in order: where each starts and ends (names never overlap)."""

    starts: list[int]
    ends: list[int]


def nearest_marked(marks: Sequence[bool]) -> tuple[list[int | None], list[int | None]]:
    """For each index, the nearest marked index at or before it, and the nearest at or after it (``None``: none)."""
    before: list[int | None] = []
    last: int | None = None
    for i, marked in enumerate(marks):
        last = i if marked else last
        before.append(last)
    after: list[int | None] = [None] * len(marks)
    following: int | None = None
    for i in range(len(marks) - 1, -1, -1):
        following = i if marks[i] else following
        after[i] = following
    return before, after


@frozen
class Backing:
    """A state backs an armed group. The grammar:

    .. code-block:: text

        backing := group ... backed_by backer        ("the Sufra Brigade, backed by Ruritania")
                 | backer '-backed' ... group         ("the Ruritania-backed Sufra Brigade")
                 | nationality '-backed' ... group    ("the Ruritanian-backed Sufra Brigade")
        backed_by := 'backed by' | 'sponsored by' | 'supported by' | 'funded by' | 'armed by' | 'allied to'
                   | 'allied with' | 'loyal to'

    The group is the nearest armed group named before "backed by", or the first after "-backed"; the backer is the
    first name after "backed by", the name that ends at the hyphen of "-backed", or else the word before the
    hyphen (a nationality, for the rules to look up).
    """

    TRIGGERS: ClassVar[frozenset[Cue]] = frozenset({Cue.BACKED_BY, Cue.BACKED})

    group: int  # the index of the group's name among the sentence's names
    backer: int | None  # the index of the backer's name, or None
    nationality: str | None  # the word before "-backed" when no name ends there

    @staticmethod
    def find(tokens: Tokens, cues: Sequence[CueHit], names: NameSpans, armed: Sequence[bool]) -> list[Backing]:
        """The backings of one sentence: ``cues`` are its cue hits, ``names`` its known names and ``armed`` whether
        each of them is an armed group."""
        triggers = [cue for cue in cues if cue.cue in Backing.TRIGGERS]
        if not triggers:
            return []
        starts, ends = names
        count = len(starts)
        # For each name, the nearest armed group at or before it and at or after it, so that each cue finds its
        # group in constant time however many names the sentence holds.
        groups_before, groups_after = nearest_marked(armed)
        found: list[Backing] = []
        for cue in triggers:
            group: int | None
            backer: int | None
            nationality = None
            if cue.cue is Cue.BACKED_BY:
                before = bisect.bisect_right(ends, cue.start) - 1  # names ending at or before the cue
                group = groups_before[before] if before >= 0 else None
                after = bisect.bisect_left(starts, cue.end)
                backer = after if after < count else None
            else:
                at = bisect.bisect_left(ends, cue.start)
                backer = at if at < count and ends[at] == cue.start else None
                after = bisect.bisect_right(starts, cue.end)
                group = groups_after[after] if after < count else None
                if backer is None:
                    nationality = compound_head(tokens, cue.start)
            if group is not None:
                found.append(Backing(group=group, backer=backer, nationality=nationality))
        return found


#: The frames, in the order the rules read them.
FRAMES: Final = (Backing,)
