"""The frames, each with its own table of invented sentences.

A row gives a sentence, the known names in it (what the gazetteer would find; armed groups marked), and what the
frame reads: which name fills which slot. The rules that turn the slots into records are tested through ``parse``
(tests/test_parse.py, tests/test_chunks.py).
"""

from __future__ import annotations

import pytest

from ghouta_events._text._chunks import tokenize
from ghouta_events._text._cues import find_cues
from ghouta_events._text._frames import FRAMES, Backing, NameSpans
from ghouta_events._text._words import Words


def _names(text: str, names: list[str]) -> NameSpans:
    starts, ends = [], []
    position = 0
    for name in names:
        start = text.index(name, position)
        starts.append(start)
        ends.append(start + len(name))
        position = start + len(name)
    return NameSpans(starts, ends)


def test_every_frame_states_its_grammar_and_its_triggers() -> None:
    for frame in FRAMES:
        assert frame.__doc__ is not None
        assert "code-block" in frame.__doc__
        assert frame.TRIGGERS


# --- Backing --------------------------------------------------------------------------------------------------

# (sentence, names in order, the armed groups among them, [(group, backer or nationality)])
BACKINGS = [
    pytest.param("The Sufra Brigade, backed by Ruritania, left the hills.", ["Sufra Brigade", "Ruritania"],
                 ["Sufra Brigade"], [("Sufra Brigade", "Ruritania")], id="backed by, after the group"),
    pytest.param("The Sufra Brigade, which is sponsored by Ruritania, left.", ["Sufra Brigade", "Ruritania"],
                 ["Sufra Brigade"], [("Sufra Brigade", "Ruritania")], id="a relative clause"),
    pytest.param("The Ruritania-backed Sufra Brigade left.", ["Ruritania", "Sufra Brigade"], ["Sufra Brigade"],
                 [("Sufra Brigade", "Ruritania")], id="a state before -backed"),
    pytest.param("The Ruritanian-backed Sufra Brigade left.", ["Sufra Brigade"], ["Sufra Brigade"],
                 [("Sufra Brigade", "Ruritanian")], id="a nationality before -backed"),
    pytest.param("Qamar and the Sufra Brigade, loyal to Ruritania, left.", ["Qamar", "Sufra Brigade", "Ruritania"],
                 ["Sufra Brigade"], [("Sufra Brigade", "Ruritania")], id="the nearest armed group before"),
    pytest.param("The town, backed by Ruritania, held out.", ["Ruritania"], [], [], id="no armed group"),
    pytest.param("The Sufra Brigade left the hills.", ["Sufra Brigade"], ["Sufra Brigade"], [], id="no cue"),
]


@pytest.mark.parametrize(("text", "names", "armed", "expected"), BACKINGS)
def test_backing(text: str, names: list[str], armed: list[str], expected: list[tuple[str, str]]) -> None:
    spans = _names(text, names)
    found = Backing.find(tokenize(Words(text)), list(find_cues(text)), spans, [name in armed for name in names])
    read = [(names[frame.group], names[frame.backer] if frame.backer is not None else frame.nationality)
            for frame in found]
    assert read == expected
