"""The scans that start from words or marks rather than from every position find what a scan of the whole text
finds: the cut into words (``re`` where it agrees with ``regex``), the name words made from it, the cased names tried
at their first words, the affix cues tried at their marks, the sentences searched for unknown names, the digit
runs found with ``re``, the word before a sentence stop read without a pattern, and the walk that hands mentions
to their sentences."""

from __future__ import annotations

from typing import Final

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from ghouta_events import default_gazetteer
from ghouta_events._rules import _Rules
from ghouta_events._text._chunks import tokenize
from ghouta_events._text._cues import RE_CUE_AFFIX, _affix_cues
from ghouta_events._text._lexicon import FACTION_NOUNS
from ghouta_events._text._names import NAME_WORDS, name_words
from ghouta_events._text._numbers import RE_DIGITS_START
from ghouta_events._text._readers import names_before_faction_nouns
from ghouta_events._text._words import WORDS, Splitter, Words

SPLITTERS: Final = {"words": WORDS, "name words": NAME_WORDS}

# Characters on which the two modules are known to disagree or that only regex handles: combining marks, a
# superscript digit, Arabic letters and a vowel sign, joiners; and the apostrophes and hyphens that join or part
# words.
AWKWARD: Final = "\u0301\u00b2\u0627\u0628\u064e\u200d\u200c\u02bc\u02bf\u02be'\u2019_-\u00e9\u00df"
LATIN: Final = st.characters(min_codepoint=0x20, max_codepoint=0x2ff)
TEXTS: Final = st.text(st.one_of(st.sampled_from("ab Z 19 .,"), LATIN, st.sampled_from(AWKWARD),
                                 st.characters()), max_size=60)


@pytest.mark.parametrize("name", SPLITTERS)
@settings(max_examples=400)
@given(text=TEXTS)
def test_the_cut_is_the_one_regex_makes(name: str, text: str) -> None:
    splitter = SPLITTERS[name]
    assert splitter.split(text) == splitter.pattern.split(text)


@pytest.mark.parametrize("name", SPLITTERS)
@settings(max_examples=200)
@given(text=st.text(LATIN, max_size=60))
def test_latin_text_is_cut_alike_whichever_path_it_takes(name: str, text: str) -> None:
    splitter = SPLITTERS[name]
    assert splitter.split(text) == splitter.pattern.split(text)


@pytest.mark.parametrize("name", SPLITTERS)
@settings(max_examples=300)
@given(text=st.one_of(TEXTS, st.text(st.characters(max_codepoint=127), max_size=60)))
def test_agreement_is_what_a_search_for_other_characters_finds(name: str, text: str) -> None:
    # An ASCII text is answered without a search; the answer must be the search's.
    splitter = SPLITTERS[name]
    expected = all(c in splitter.agreed for c in text)
    assert splitter.agrees(text) is expected
    assert Words(text, splitter=splitter).agrees is expected


def test_english_news_text_takes_the_fast_path() -> None:
    text = "Some 1,200 people left Douma on Monday \u2014 \u201cthe last,\u201d SANA\u2019s reporter said."
    assert WORDS.agrees(text)
    assert NAME_WORDS.agrees(text)
    assert "SANA\u2019s" in NAME_WORDS.split(text)


def test_a_mark_sends_the_text_to_regex_which_keeps_it_in_the_word() -> None:
    text = "Harasta\u0301 road"  # a combining accent: a word character for regex, not for re
    assert WORDS.split(text) == ["", "Harasta\u0301", " ", "road", ""]
    assert WORDS._fast.split(text) != WORDS.split(text)


def test_words_lists_offsets_of_each_part() -> None:
    words = Words("Two buses, left.", 4)
    assert words.words == ["buses", "left"]
    assert words.offsets[1:4] == [4, 9, 11]
    assert words.lowered == ["buses", "left"]


def test_a_class_re_cannot_spell_is_refused() -> None:
    with pytest.raises(ValueError, match="no re spelling"):
        Splitter(r"\p{Lu}")


JOINED: Final = st.text(st.one_of(st.sampled_from("ab Z9_'\u2019\u2018`\u02bc -."), st.sampled_from(AWKWARD),
                                  LATIN), max_size=50)


@settings(max_examples=500)
@given(text=JOINED, data=st.data())
def test_name_words_made_from_the_word_cut_are_the_name_cut(text: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(pos, len(text)))
    made = name_words(text, Words(text, pos, end))
    cut = Words(text, pos, end, splitter=NAME_WORDS)
    assert made.parts == cut.parts
    assert made.offsets == cut.offsets


def test_runs_joined_by_one_apostrophe_make_one_name_word() -> None:
    text = "Hay'at Tahrir al-Sham\u2019s men, the group''s o_k"
    assert name_words(text, Words(text)).words == ["Hay'at", "Tahrir", "al", "Sham\u2019s", "men", "the", "group",
                                                   "s", "o", "k"]


def test_the_word_cut_is_shared_when_no_apostrophe_joins_two_runs() -> None:
    text = "Buses left Douma's edge; the 'last' one"
    joined = Words(text)
    assert name_words(text, joined) is not joined
    text = "Buses left Douma; the 'last' one"
    plain = Words(text)
    assert name_words(text, plain) is plain


@settings(max_examples=500, deadline=None)  # the first example loads the gazetteer
@given(text=st.lists(st.tuples(st.one_of(st.sampled_from(["a", "as", "an", "al", "el", "the", "Free", "Syrian", "Army",
                                                          "Jaish", "Islam", "Faylaq", "Rahman", "Douma", "Eastern",
                                                          "Ghouta", "regime", "x", "Ar", "Sham", "Hay'at"]),
                                         st.sampled_from(AWKWARD)),
                               st.sampled_from([" ", " ", "-", "  ", ", ", "’s "])),
                     max_size=8).map(lambda pairs: "".join(word + gap for word, gap in pairs)))
def test_a_name_is_walked_only_where_one_may_begin(text: str) -> None:
    # The law that lets the name search skip a word after one look at the next: where _may_begin says no, the
    # walk finds no name.
    pattern = default_gazetteer()._pattern
    words = Words(text, splitter=NAME_WORDS)
    folded = pattern._skeletons(words.words)
    for i in range(len(folded)):
        if not pattern._may_begin(folded, i):
            assert pattern._longest(words.parts, folded, i) == 0


def test_names_found_from_the_word_cut_are_those_found_alone() -> None:
    gazetteer = default_gazetteer()
    text = "Fighters of Faylaq al-Rahman left Arbeen and Douma's outskirts for Idlib, SOHR said."
    alone = list(gazetteer.find_names(text))
    shared = list(gazetteer._find_names(text, 0, None, Words(text)))
    assert [h.text for h in shared] == [h.text for h in alone] == ["Faylaq al-Rahman", "Arbeen", "Douma", "Idlib",
                                                                   "SOHR"]


def test_a_word_cut_of_another_text_is_refused() -> None:
    pattern = default_gazetteer()._pattern
    with pytest.raises(ValueError, match="cut of text"):
        list(pattern.finditer("Buses left Douma.", words=Words("Buses left Duma.")))


@settings(max_examples=300)
@given(text=st.lists(st.one_of(st.sampled_from(["UN", "U.S.", "IS", "SANA", "Sana", "AFP", "-", " ", ".", "x", "_",
                                                "9", "PFLP-GC", "UNHCR"]), st.sampled_from(AWKWARD)),
                     max_size=20).map("".join))
def test_cased_names_tried_at_their_first_words_are_those_a_scan_finds(text: str) -> None:
    pattern = default_gazetteer()._pattern
    assert list(pattern.finditer(text, words=Words(text))) == list(pattern.finditer(text))


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
def test_unknown_names_end_where_a_capitalised_word_stands_before_a_faction_word(text: str) -> None:
    # Each name the reader finds is capitalised, ends before white space and a faction noun, and lies in the text.
    tokens = tokenize(Words(text))
    for start, end in names_before_faction_nouns(tokens, 0, len(tokens)):
        assert 0 <= start < end <= len(text)
        assert text[start].isupper()
        after = text[end:].lstrip()
        assert text[end:end + 1].isspace() or text[end:end + 2] in ("'s", "\u2019s")
        assert any(after.startswith(noun) for noun in FACTION_NOUNS)


@settings(max_examples=400)
@given(text=st.text(st.one_of(st.sampled_from("0123456789.,:/ \u0660\u0669\u066b\u066c\u06f0\u06f9\u00b2\u0967"),
                              st.characters()), max_size=30))
def test_digit_runs_start_where_regex_says(text: str) -> None:
    searched_by_regex = regex.compile(RE_DIGITS_START.pattern)
    assert [m.span() for m in RE_DIGITS_START.finditer(text)] == [m.span() for m in searched_by_regex.finditer(text)]


@settings(max_examples=200)
@given(positions=st.lists(st.integers(0, 60), max_size=12))
def test_mentions_go_to_the_sentence_that_holds_them_in_any_order(positions: list[int]) -> None:
    # The rules hand mentions to sentences by walking both in order; out of order, the walk starts over.
    rules = _Rules("Buses left.  Ten more came.\n\nA new paragraph, then   the end.", default_gazetteer(), None, "r")
    for sent in rules.sentences:
        sent.names.clear()
    rules._distribute(positions, positions, "names")
    expected: dict[int, list[object]] = {}
    for position in positions:
        index = rules._sentence_at(position)
        if index is not None:
            expected.setdefault(index, []).append(position)
    assert {i: list[object](s.names) for i, s in enumerate(rules.sentences) if s.names} == expected
