"""The clauses of a sentence, each the span a movement or a figure is read from, cut at its cues and marks.

The grammar, over the tokens and cue hits of one sentence:

.. code-block:: text

    sentence   := clause (clause_cue clause)*
    clause_cue := ';' | dash | 'thus' | 'bringing' | 'while' | 'whereas' | 'meanwhile' | 'but' | 'following' | ...
                | mark relative_pronoun            (", which ...", "; who ...": a clause of its own ...)
    attached   := mark relative_pronoun ... ',' movement_verb
                                                   (... unless its noun group's own predicate follows it:
                                                    "Twenty buses, which carried 400 fighters, left X")
    clause     := part ('and' count part)*         (one part per movement, when each has a verb of leaving or
                                                    arriving: "1,200 civilians leaving A and 800 gunmen leaving B")

A restrictive relative clause ("the 1,580 people who left Harasta") opens no clause, nor does a cue within eight
characters of the last cut. Background clauses of time ("..., after all gunmen left those towns for Idlib": see
:func:`~._chunks.background_clauses`) are cut out when a movement word stands outside them: an earlier movement
told as the time of the main one fills none of its slots; with no movement beside it, it is the movement told.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from typing import Final

from ._chunks import Tokens, background_clauses, coordinated_counts, mark_before, predicate_after
from ._cues import Cue, CueForm, CueHit

__all__ = ["GOING_CUES", "MOVEMENT_CUES", "MOVEMENT_VERB_CUES", "clause_parts"]

#: The cue kinds that tell a movement (verbs, nouns of movement, vehicles).
MOVEMENT_CUES: Final = frozenset({Cue.LEAVE, Cue.MOVE, Cue.CONVOY, Cue.ARRIVE, Cue.EVACUATED})
#: The movement cues that can be verbs: a background clause needs one, and so does a pronoun subject.
MOVEMENT_VERB_CUES: Final = frozenset({Cue.LEAVE, Cue.MOVE, Cue.ARRIVE, Cue.EVACUATED})
#: The verbs of leaving and arriving: two of them in one clause may tell two movements.
GOING_CUES: Final = frozenset({Cue.LEAVE, Cue.ARRIVE})
#: The marks before "who" or "which" that open a non-restrictive clause ("Twenty buses, which carried ...").
CLAUSE_MARKS: Final = frozenset({",", ";", "\u2013", "\u2014"})
#: The fewest characters between two cuts.
MIN_CLAUSE: Final = 8


def clause_parts(tokens: Tokens, cues: Sequence[CueHit], count_starts: Sequence[int], start: int, end: int,
                 body_start: int) -> list[tuple[int, int]]:
    """The parts of the sentence ``[start, end)`` (its body, after a dateline, starts at ``body_start``) that
    movements and figures are read from, in order: ``cues`` are its cue hits and ``count_starts`` where its
    counts start, both in order."""
    bounds = [start]
    movement_at = {c.start for c in cues if c.cue in MOVEMENT_CUES}
    stop = tokens.at_or_after(end)
    for cue in cues:
        if cue.cue is not Cue.CLAUSE or cue.start <= bounds[-1] + MIN_CLAUSE:
            continue
        if cue.form is CueForm.RELATIVE_PRONOUN:
            if mark_before(tokens, tokens.at_or_after(cue.start)) not in CLAUSE_MARKS:
                continue  # "the 1,580 people who left Harasta": a restrictive clause belongs to its noun
            verb = predicate_after(tokens, tokens.at_or_after(cue.end), stop)
            if verb is not None and verb.start in movement_at:
                continue  # "Twenty buses, which carried 400 fighters, left X": the clause is attached
        bounds.append(cue.start)
    bounds.append(end)
    cue_starts = [c.start for c in cues]
    parts = [part for clause in itertools.pairwise(bounds)
             for part in _movements(tokens, cues, cue_starts, count_starts, *clause)]
    return _without_background(tokens, cues, parts, movement_at, body_start, end)


def _movements(tokens: Tokens, cues: Sequence[CueHit], cue_starts: list[int], count_starts: Sequence[int],
               start: int, end: int) -> list[tuple[int, int]]:
    """A clause cut into one part per movement: at a conjunction before a count, when the parts on both sides
    each have a verb of leaving or arriving ("1,200 civilians leaving A and 800 gunmen leaving B")."""
    inside = cues[bisect.bisect_left(cue_starts, start) : bisect.bisect_left(cue_starts, end)]
    going = [c.start for c in inside if c.cue in GOING_CUES]
    if len(going) < 2:
        return [(start, end)]
    counts = set(count_starts[bisect.bisect_left(count_starts, start) : bisect.bisect_left(count_starts, end)])
    parts = [start]
    for at in coordinated_counts(tokens, tokens.at_or_after(start), tokens.at_or_after(end), counts):
        low = bisect.bisect_left(going, parts[-1])
        high = bisect.bisect_left(going, at)
        if high > low and high < len(going):
            parts.append(at)
    parts.append(end)
    return list(itertools.pairwise(parts))


def _without_background(tokens: Tokens, cues: Sequence[CueHit], parts: list[tuple[int, int]],
                        movement_at: set[int], body_start: int, end: int) -> list[tuple[int, int]]:
    """The parts without the sentence's background clauses, when a movement word stands outside them."""
    verbs = {c.start for c in cues if c.cue in MOVEMENT_VERB_CUES}
    background = background_clauses(tokens, tokens.at_or_after(body_start), tokens.at_or_after(end), verbs)
    if not background:
        return parts
    starts = [start for start, _ in background]

    def inside(position: int) -> bool:
        index = bisect.bisect_right(starts, position) - 1
        return index >= 0 and position < background[index][1]

    if all(inside(position) for position in movement_at):
        return parts
    kept: list[tuple[int, int]] = []
    for start, stop in parts:
        near = background[max(bisect.bisect_left(starts, start) - 1, 0) : bisect.bisect_left(starts, stop)]
        cuts = [start, *(edge for span in near for edge in span if start < edge < stop), stop]
        kept.extend((a, b) for a, b in itertools.pairwise(cuts) if a < b and not inside(a))
    return kept
