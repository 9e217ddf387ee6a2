"""The scans that start from words or marks rather than from every position find what a scan of the whole text
finds: the cut into words, the numbers tried at their digits and first words, the affix cues tried at their marks,
the sentences searched for unknown names, the word before a sentence stop read without a pattern, and the walk
that hands mentions to their sentences."""

from __future__ import annotations

from typing import Final

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ghouta_events import default_gazetteer
from ghouta_events._rules import _Rules
from ghouta_events._text import _names
from ghouta_events._text._chunks import tokenize
from ghouta_events._text._cues import RE_CUE_AFFIX, _affix_cues
from ghouta_events._text._lexicon import FACTION_NOUNS
from ghouta_events._text._names import RE_NAME_WORD, NamePattern
from ghouta_events._text._numbers import RE_NUMBER, _matches
from ghouta_events._text._readers import names_before_faction_nouns
from ghouta_events._text._words import Words

# Characters that only some word classes take: combining marks, a superscript digit, Arabic letters and a vowel
# sign, joiners; and the apostrophes and hyphens that join or part words.
AWKWARD: Final = "\u0301\u00b2\u0627\u0628\u064e\u200d\u200c\u02bc\u02bf\u02be'\u2019_-\u00e9\u00df"


@settings(max_examples=300)
@given(text=st.text(st.one_of(st.sampled_from("ab Z 19 .,_'-"), st.sampled_from(AWKWARD), st.characters()),
                    max_size=60), data=st.data())
def test_words_are_the_word_runs_between_their_gaps(text: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(pos, len(text)))
    words = Words(text, pos, end)
    assert "".join(words.parts) == text[pos:end]
    assert words.words == regex.findall(r"\w+", text[pos:end])
    for i, word in enumerate(words.words):
        assert text[words.offsets[2 * i + 1] : words.offsets[2 * i + 2]] == word


def test_words_lists_offsets_of_each_part() -> None:
    words = Words("Two buses, left.", 4)
    assert words.words == ["buses", "left"]
    assert words.offsets[1:4] == [4, 9, 11]
    assert words.lowered == ["buses", "left"]


@settings(max_examples=500, deadline=None)  # the first example loads the gazetteer
@given(text=st.lists(st.tuples(st.one_of(st.sampled_from(["a", "as", "an", "al", "el", "the", "Free", "Syrian", "Army",
                                                          "Jaish", "Islam", "Faylaq", "Rahman", "Douma", "Eastern",
                                                          "Ghouta", "regime", "x", "Ar", "Sham", "Hay'at"]),
                                         st.sampled_from(AWKWARD)),
                               st.sampled_from([" ", " ", "-", "  ", ", ", "’s "])),
                     max_size=8).map(lambda pairs: "".join(word + gap for word, gap in pairs)))
def test_a_name_is_walked_only_where_one_may_go_on(text: str) -> None:
    # The law that lets the name search skip a word after one look at the next: where _first_step says that no
    # name goes on to the next word, the walk finds the one-word name it says is there, or none.
    pattern = default_gazetteer()._pattern
    words = Words(text, pattern=RE_NAME_WORD)
    skeletons = pattern._fold(words.words)
    folded = [skeletons[word] for word in words.words]
    for i in range(len(folded)):
        alone, longer = pattern._first_step(folded, i)
        if not longer:
            assert pattern._longest(words.parts, folded, i) == int(alone)


def test_names_are_found_alike_with_a_full_fold_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    # Words folded past a full cache are folded for the one text and not kept; the names found are the same.
    names = ["Tell Marwan", "Kafr Sabt", "Jisr al-Hadid", "Umm Nahr"]
    text = "Buses left Tel Marwan and Kafr Sabt for Jisr el-Hadid; Umm Nahr waited. Tell Marwan's people left."
    roomy = NamePattern(names)
    monkeypatch.setattr(_names, "_FOLD_CACHE_SIZE", 3)
    full = NamePattern(names)
    first, again = list(full.finditer(text)), list(full.finditer(text))
    assert first == again == list(roomy.finditer(text))
    assert [found for _, _, found in first] == ["Tel Marwan", "Kafr Sabt", "Jisr el-Hadid", "Umm Nahr", "Tell Marwan"]
    assert len(full._folded) <= 3


@settings(max_examples=300)
@given(text=st.lists(st.sampled_from(["-backed", "-Sponsored", "--", " -- ", " \u2013 ", "\u2014", ";", " ", "x",
                                      "Qatar", "-", "backed", "\u2013"]), max_size=15).map("".join),
       data=st.data())
def test_affix_cues_tried_at_their_marks_are_those_a_scan_finds(text: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(pos, len(text)))
    found = [(m.start(), m.end(), m.lastgroup) for m in RE_CUE_AFFIX.finditer(text, pos, end)]
    expected = [(start, stop) if group != "DASH" else (start - 1, stop + 1) for start, stop, group in found
                if group != "DASH" or (start - 1 >= pos and stop + 1 <= end)]
    assert [(hit.start, hit.end) for hit in _affix_cues(text, pos, end)] == expected


@settings(max_examples=1000)
@given(text=st.lists(st.tuples(st.one_of(st.sampled_from(["Jaish", "al-Islam", "Islam", "the", "Ahrar", "of", "A", "x",
                                                          "Éclair", "fighters", "rebels", "group", "groups", "al",
                                                          "O'Neil", "'s", "_", "."]), st.sampled_from(AWKWARD)),
                                st.sampled_from([" ", " ", "  ", "\n", "", "-", "\u2019"])),
                      max_size=10).map(lambda pairs: "".join(word + gap for word, gap in pairs)))
@example(text="Jaish's fighters ")
def test_unknown_names_end_where_a_capitalised_word_stands_before_a_faction_word(text: str) -> None:
    # Each name the reader finds is capitalised, ends before white space and a faction noun, and lies in the text.
    tokens = tokenize(Words(text))
    for start, end in names_before_faction_nouns(tokens, 0, len(tokens)):
        assert 0 <= start < end <= len(text)
        assert text[start].isupper()
        assert text[end:end + 1].isspace() or text[end:end + 2] in ("'s", "\u2019s")
        possessive = 2 if text[end:end + 2] in ("'s", "\u2019s") else 0  # "Jaish's fighters": the name is "Jaish"
        after = text[end + possessive:].lstrip()
        assert any(after.startswith(noun) for noun in FACTION_NOUNS)


@settings(max_examples=500)
@given(text=st.lists(st.one_of(st.sampled_from(["1", "20", "1,200", "3.5", "12,0004", "2018", "\u0661\u0662", "²",
                                                "a", "A", "half", "Twenty", "five", "hundred", "thousand", "few",
                                                "several", "tens", "of", "first", "one", "bus", "x1", "_"]),
                               st.sampled_from([" ", "  ", "-", ",", ".", ", ", "/", ":", "\n", ""])),
                     max_size=14).map("".join))
def test_numbers_tried_at_their_gates_are_those_a_scan_finds(text: str) -> None:
    found = [match.span() for match in _matches(text, Words(text))]
    assert found == [match.span() for match in RE_NUMBER.finditer(text)]


@settings(max_examples=200, deadline=None)  # the first example loads the gazetteer
@given(positions=st.lists(st.integers(0, 60), max_size=12))
def test_mentions_go_to_the_sentence_that_holds_them_in_any_order(positions: list[int]) -> None:
    # The rules hand mentions to sentences by walking both in order; out of order, the walk starts over.
    rules = _Rules("Buses left.  Ten more came.\n\nA new paragraph, then   the end.", default_gazetteer(), None, "r")
    for sent in rules.sentences:
        sent.names.clear()
        sent._starts.clear()
    rules._distribute(positions, positions, "names")
    expected: dict[int, list[object]] = {}
    for position in positions:
        index = rules._sentence_at(position)
        if index is not None:
            expected.setdefault(index, []).append(position)
    assert {i: list[object](s.names) for i, s in enumerate(rules.sentences) if s.names} == expected
