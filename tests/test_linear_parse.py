"""``parse`` takes time linear in the length of its text on the shapes that once made it quadratic: one enormous
sentence, thousands of clauses in one sentence, long lists of names, many short paragraphs.

Measured as the ratio of CPU times at two sizes, one twice the other (see ``linear.py``), never as absolute time.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from linear import assert_linear

from ghouta_events import parse

#: (make the input from a size, the size of the small input, runs of each size).
SHAPES = [
    pytest.param(lambda k: "300 fighters left Douma for Idlib, " * k, 1_500, 3, id="movements-joined-by-commas"),
    pytest.param(lambda k: "300 fighters left Douma for Idlib; " * k, 1_500, 3, id="clauses-joined-by-semicolons"),
    pytest.param(lambda k: "buses left Douma for Idlib and " * k, 2_000, 3, id="one-sentence-without-stops"),
    pytest.param(lambda k: "Twelve buses left " + "Tell Marwan, Ain Sufra and " * k + "Douma for Idlib.", 2_000, 3,
                 id="a-list-of-unknown-names"),
    pytest.param(lambda k: "from Douma to Harasta, which " * k, 2_000, 3, id="cues-and-relative-clauses"),
    pytest.param(lambda k: "On Monday 40 buses left Harasta; " * k, 1_000, 3, id="dates-in-every-clause"),
    pytest.param(lambda k: "The channel said 200 fighters left, " * k, 1_000, 3, id="source-anaphors-and-speech"),
    pytest.param(lambda k: "Ten buses left Tell Marwan for Idlib.\n\n" * k, 1_000, 3, id="many-short-paragraphs"),
    pytest.param(lambda k: "12 buses left Douma, according to SANA and Reuters, " * k, 1_000, 3,
                 id="coordinated-sources-in-one-sentence"),
]


@pytest.mark.parametrize(("make", "size", "repeats"), SHAPES)
def test_parse_time_grows_linearly(make: Callable[[int], str], size: int, repeats: int) -> None:
    assert_linear(parse, make(size), make(2 * size), repeats)
