"""Checking that a function's time grows linearly with its input, by CPU time at two sizes.

Shared by the tests of the scanners and of the whole parse.
"""

from __future__ import annotations

import gc
import math
import time
from collections.abc import Callable
from typing import Any


def cpu_times(function: Callable[[str], Any], small: str, large: str, repeats: int, *,
              floor: float) -> tuple[float, float]:
    """The least CPU time ``function`` takes on each text over ``repeats`` runs of each.

    The two sizes alternate so that a busy moment of the machine weighs on both alike. A warm-up run on a tenth
    of the small text comes first (caches, lazy compilation); garbage collection is off while timing. A time
    below ``floor`` counts as ``floor``, so that timer noise on tiny inputs cannot decide the ratio.
    """
    function(small[: max(1, len(small) // 10)])
    best = [math.inf, math.inf]
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeats):
            for which, text in enumerate((small, large)):
                gc.collect()
                start = time.process_time()
                function(text)
                best[which] = min(best[which], time.process_time() - start)
    finally:
        if enabled:
            gc.enable()
    return max(best[0], floor), max(best[1], floor)


def assert_linear(function: Callable[[str], Any], single: str, double: str, repeats: int, *,
                  floor: float = 0.02) -> None:
    """Assert that ``function`` takes less than three times as long on ``double`` (twice ``single``).

    A first ratio of 3 or more is measured afresh with twice as many runs before the assertion fails: a busy
    moment of the machine can skew every run of one size.
    """
    one, two = cpu_times(function, single, double, repeats, floor=floor)
    if two / one >= 3:
        one, two = cpu_times(function, single, double, 2 * repeats, floor=floor)
    assert two / one < 3, (f"{one:.4f}s for {len(single):,} characters, {two:.4f}s for {len(double):,}: "
                           f"ratio {two / one:.2f}")
