"""Token readers of the frames: small grammars read from the tokens of a clause, each named for what it finds.

The frames ask these questions of a clause or of the words around a name; each reader looks at tokens only (with
their offsets), never at the characters between them, and reads a bounded number of tokens from where it starts,
so asking it once per clause or per name keeps the parse linear. The word lists live in :mod:`._lexicon`.
"""

from __future__ import annotations

from collections.abc import Container
from typing import Final

from ._chunks import Tokens, noun_within
from ._lexicon import (
    ACTOR_NOUNS,
    ACTOR_VERBS,
    ADVERBIAL_OPENERS,
    AID_NOUNS,
    ANAPHOR_DETERMINERS,
    ANOTHER_WORDS,
    AUXILIARY_TENSES,
    DEPLOYMENT_VERBS,
    FACTION_NAME_CONNECTORS,
    FACTION_NOUNS,
    FORCE_NOUNS,
    GOODS_VERBS,
    GROUP_ADVERBS,
    MOVEMENT_ANAPHOR_NOUNS,
    MOVER_WORDS,
    PARTITIVE_PRONOUNS,
    PEOPLE_MOVERS,
    PRONOUN_ADVERBS,
    PRONOUN_MOVEMENT_VERBS,
    PRONOUN_SPEECH_VERBS,
    REINFORCEMENT_WORDS,
    SEE_FORMS,
    SERIES_NOUNS,
)
from ._verbs import Modality, verb_group

__all__ = ["acts_after", "carries_goods", "deployed_after", "has_word", "lead_in", "names_a_series",
           "names_before_faction_nouns", "names_movers", "opens_with_anaphor", "opens_with_partitive",
           "people_subject", "seen_by_modal", "speaker_gap",
           "tells_reinforcement", "told_aboard"]

#: The most words between a determiner or series word and its noun ("the 17 white buses").
_NOUN_REACH: Final = 2


def has_word(tokens: Tokens, first: int, last: int, words: Container[str]) -> bool:
    """Whether one of ``words`` (lower-cased) is a token of ``tokens[first:last]``."""
    return any(token.lower in words for token in tokens.items[first:last])


def names_movers(tokens: Tokens, first: int, last: int) -> bool:
    """Whether ``tokens[first:last]`` names who or what moves (:data:`~._lexicon.MOVER_WORDS`: "fighters",
    "the convoy", "buses")."""
    return has_word(tokens, first, last, MOVER_WORDS)


def people_subject(tokens: Tokens, index: int, floor: int) -> bool:
    """Whether the verb group headed by token ``index`` has people who move as its subject (the verb group read
    back no further than token ``floor``). The grammar:

    .. code-block:: text

        people_subject := people_mover adverb* verb_group   ("the rebels were allowed to enter X", "fighters
                                                            finally evacuated X")

    A verb of entering then tells an arrival, and an active verb of evacuation a departure from its object. Buses
    that enter have not left, troops that enter deploy, and "gave the rebels permission to enter" tells no entry: in
    each the word before the verb group is no noun of people who move."""
    items = tokens.items
    before = verb_group(tokens, index, floor).first - 1
    while before >= floor and items[before].lower in GROUP_ADVERBS:  # "the evacuees finally entered X"
        before -= 1
    return before >= floor and items[before].lower in PEOPLE_MOVERS


#: The most auxiliaries and adverbs between a force noun and its verb of deployment ("troops have then moved").
_DEPLOYMENT_REACH: Final = 3


def deployed_after(tokens: Tokens, first: int, last: int) -> set[int]:
    """The token indexes right after each verb of a deployment in ``tokens[first:last]``, where the place it goes
    to is named. The grammar:

    .. code-block:: text

        deployment := force_noun (auxiliary | adverb){0,3} deployment_verb   ("the army moves into X", "troops
                                                                             have advanced toward X")
    """
    items = tokens.items
    out: set[int] = set()
    for i in range(first, last):
        if items[i].lower not in FORCE_NOUNS:
            continue
        j = i + 1
        while j < last and j - i <= _DEPLOYMENT_REACH and (items[j].lower in AUXILIARY_TENSES
                                                          or items[j].lower in GROUP_ADVERBS):
            j += 1
        if j < last and items[j].lower in DEPLOYMENT_VERBS:
            out.add(j + 1)
    return out


def tells_reinforcement(tokens: Tokens, first: int, last: int) -> bool:
    """Whether ``tokens[first:last]`` tells of reinforcing a front ("moved fighters to reinforce its lines", "as
    reinforcements"): whoever moves then is deployed, not evacuated."""
    return has_word(tokens, first, last, REINFORCEMENT_WORDS)


def names_a_series(tokens: Tokens, first: int, last: int) -> bool:
    """Whether ``tokens[first:last]`` names one more movement of a series. The grammar:

    .. code-block:: text

        series := ('another' | 'other' | 'a' 'further' | 'a' 'new') word{0,2} series_noun

    ("another convoy", "a further batch of buses", "other evacuee groups").
    """
    items = tokens.items
    for i in range(first, last):
        word = items[i].lower
        if (word,) in ANOTHER_WORDS:
            j = i + 1
        elif i + 1 < last and (word, items[i + 1].lower) in ANOTHER_WORDS:
            j = i + 2
        else:
            continue
        if noun_within(tokens, j, last, _NOUN_REACH, SERIES_NOUNS):
            return True
    return False


def opens_with_anaphor(tokens: Tokens, first: int, last: int) -> bool:
    """Whether the clause ``tokens[first:last]`` opens with a subject that refers back to the movement told before
    it. The grammar:

    .. code-block:: text

        anaphor := mark* [adverbial] [speech_lead] ( determiner word{0,2} movement_noun | 'they' | 'them'
                                                   | 'it' ['then' | 'later' | 'finally'] pronoun_movement_verb )
        adverbial   := adverbial_opener word{0,6} ','          ("After inspection, ...", "On Monday, ...")
        speech_lead := word{1,4} speech_verb ['that']

    ("The convoy headed north", "These 17 buses contained ...", "They left for X", "It reached Idlib", "The monitor
    said they headed for X").
    """
    items = tokens.items
    i = first
    while i < last and not items[i].word:
        i += 1
    if i >= last:
        return False
    i = _after_adverbial(tokens, i, last)
    lead = _speech_lead(tokens, i, last)
    if lead is not None:
        i = lead
    word = items[i].lower
    if word in ("they", "them"):
        return True
    if word == "it":
        j = i + 1
        if j < last and items[j].lower in PRONOUN_ADVERBS:
            j += 1
        return j < last and items[j].lower in PRONOUN_MOVEMENT_VERBS
    return word in ANAPHOR_DETERMINERS and noun_within(tokens, i + 1, last, _NOUN_REACH, MOVEMENT_ANAPHOR_NOUNS)


#: The most words of the object between "see" and the verb it governs ("would see *some 1,500 fighters* leave").
_SEEN_OBJECT: Final = 6


def seen_by_modal(tokens: Tokens, verb: int, first: int) -> int | None:
    """Where the modal starts, when the verb at token ``verb`` tells what a form of "see" under a modal or future
    auxiliary would bring about ("the deal *would see* the rebels bussed to X", "the accord *should see* 3,000
    people evacuated", "the truce *could see* 800 gunmen leave"): what it tells has not happened. ``None``
    otherwise, or when "see" is a fact ("the deal saw 1,500 fighters leave"). The grammar:

    .. code-block:: text

        seen := modal adverb* see word{0,6} verb        (no mark between "see" and the verb)
    """
    items = tokens.items
    i = verb - 1
    while i >= first and verb - i <= _SEEN_OBJECT + 1 and items[i].word and items[i].lower not in SEE_FORMS:
        i -= 1
    if i < first or not items[i].word or items[i].lower not in SEE_FORMS:
        return None
    group = verb_group(tokens, i, first)
    if group.modality in (Modality.FACT,) or group.negated:
        return None
    return items[group.first].start


def opens_with_partitive(tokens: Tokens, first: int, last: int) -> bool:
    """Whether the clause ``tokens[first:last]`` opens with a partitive that refers back to the people of the
    movement told before it: a part of them is counted next. The grammar:

    .. code-block:: text

        partitive := ('among' | 'of') ('them' | 'those' | 'these') [',']

    ("Of those, 150 were fighters.", "Among them were 200 gunmen.").
    """
    items = tokens.items
    i = first
    while i < last and not items[i].word:
        i += 1
    return (i + 1 < last and items[i].lower in ("among", "of") and items[i + 1].lower in PARTITIVE_PRONOUNS)


def told_aboard(tokens: Tokens, first: int, last: int) -> bool:
    """Whether the clause ``tokens[first:last]`` counts who was aboard vehicles it does not name, or names by a
    noun that refers back: the vehicles are the movement's told before it. The grammar:

    .. code-block:: text

        aboard := ('were' | 'was') ['all'] ('aboard' | 'on' 'board') (end | mark | determiner word{0,2} anaphor_noun)

    ("Some 1,500 people were aboard.", "About 300 were on board the buses.").
    """
    items = tokens.items
    for i in range(first, last - 1):
        if items[i].lower not in ("were", "was"):
            continue
        j = i + 1
        if items[j].lower == "all":
            j += 1
        if j < last and items[j].lower == "aboard":
            j += 1
        elif j + 1 < last and items[j].lower == "on" and items[j + 1].lower == "board":
            j += 2
        else:
            continue
        if j >= last or not items[j].word:
            return True
        if items[j].lower in ANAPHOR_DETERMINERS:
            return any(items[k].lower in MOVEMENT_ANAPHOR_NOUNS for k in range(j + 1, min(last, j + _NOUN_REACH + 2))
                       if items[k].word)
        return False
    return False


#: The most words between a verb that carries goods and the goods ("carrying 40 tonnes of *food*").
_GOODS_REACH: Final = 4


def carries_goods(tokens: Tokens, first: int, last: int) -> bool:
    """Whether the clause ``tokens[first:last]`` tells a convoy of goods: a verb that carries and a noun of goods
    within four words after it, or a noun of goods right before "convoy" or its vehicles. The grammar:

    .. code-block:: text

        goods := goods_verb word{0,4} aid_noun                 ("lorries carrying food for 27,500 people")
               | aid_noun ('convoy' | 'convoys' | 'trucks' | 'lorries')   ("an aid convoy entered X")
    """
    items = tokens.items
    for i in range(first, last):
        word = items[i].lower
        if word in GOODS_VERBS:
            if noun_within(tokens, i + 1, last, _GOODS_REACH, AID_NOUNS):
                return True
        elif word in AID_NOUNS and i + 1 < last and items[i + 1].lower in _GOODS_CONVOYS:
            return True
    return False


#: The nouns of a convoy after a noun of goods ("aid convoy", "food trucks").
_GOODS_CONVOYS: Final = frozenset({"convoy", "convoys", "trucks", "lorries"})


#: The most words of a leading adverbial phrase before the comma that closes it ("After the search at the
#: checkpoint, ...").
_ADVERBIAL_WORDS: Final = 6


def _after_adverbial(tokens: Tokens, i: int, last: int) -> int:
    """Where the clause proper starts after a leading adverbial phrase that opens ``tokens[i:last]``: a
    preposition of time or manner, at most six words and a comma ("After inspection, ...", "On Monday, ...");
    ``i`` when there is none."""
    items = tokens.items
    if items[i].lower not in ADVERBIAL_OPENERS:
        return i
    for j in range(i + 1, min(last, i + _ADVERBIAL_WORDS + 2)):
        if items[j].text == ",":
            return j + 1 if j + 1 < last else i
        if not items[j].word and items[j].text not in ("-", "'"):
            return i
    return i


#: The most words of the speaker before the speech verb of a speech lead ("the Britain-based monitor said").
_LEAD_WORDS: Final = 4


def _speech_lead(tokens: Tokens, i: int, last: int) -> int | None:
    """Where the reported clause starts after a speech lead opening ``tokens[i:last]`` ("The monitor said (that)
    ..."): a speaker of one to four words, a speech verb and an optional "that"; None without one."""
    items = tokens.items
    for j in range(i + 1, min(last, i + _LEAD_WORDS + 1)):
        if not items[j].word:
            return None
        if items[j].lower in PRONOUN_SPEECH_VERBS:
            k = j + 1
            if k < last and items[k].lower == "that":
                k += 1
            return k if k < last else None
    return None


#: Marks that may stand among the words of a speaker gap ("the U.S.-based Observatory's head").
_GAP_MARKS: Final = frozenset({".", "'", "\u2019", "-"})
#: The most words of a speaker gap outside its brackets and appositive, and the most characters inside each.
_GAP_WORDS: Final = 6
_GAP_BRACKET: Final = 40
_GAP_APPOSITIVE: Final = 60
_ACTOR_APPOSITIVE: Final = 40
#: The most words between "according to" or "told" and the source ("according to regime news agency SANA").
_LEAD_IN_WORDS: Final = 4


def _closing(tokens: Tokens, index: int, last: int, close: str, forbidden: frozenset[str],
             reach: int) -> int | None:
    """The index of the first ``close`` mark after token ``index`` (an opening mark) and before ``last``, when no
    ``forbidden`` mark stands between them and they hold at most ``reach`` characters (at least one); else
    ``None``."""
    items = tokens.items
    for j in range(index + 1, last):
        token = items[j]
        if token.text == close:
            inside = token.start - items[index].end
            return j if 1 <= inside <= reach else None
        if not token.word and token.text in forbidden:
            return None
        if token.start - items[index].end > reach:
            return None
    return None


def speaker_gap(tokens: Tokens, first: int, last: int) -> bool:
    """Whether ``tokens[first:last]``, between a speaker's name and its speech verb, may stand there. The grammar:

    .. code-block:: text

        gap := [')'] ['(' token{1,} ')'] gap_word{0,6} [',' token{1,} ','] ','*

    where a bracket holds at most 40 characters, an appositive at most 60 and no ";", and a gap word is a word or
    one of ``. ' -`` ("the Observatory's head, Rami Abdel Rahman, said"; "(SOHR) said"; "chief of staff said").
    """
    items = tokens.items
    i = first
    if i < last and items[i].text == ")":
        i += 1
    if i < last and items[i].text == "(":
        close = _closing(tokens, i, last, ")", frozenset("()"), _GAP_BRACKET)
        if close is None:
            return False
        i = close + 1
    words = 0
    while i < last and (items[i].word or items[i].text in _GAP_MARKS):
        words += items[i].word
        if words > _GAP_WORDS:
            return False
        i += 1
    if i < last and items[i].text == ",":
        close = _closing(tokens, i, last, ",", frozenset(";"), _GAP_APPOSITIVE)
        if close is not None:
            i = close + 1
    return all(token.text == "," for token in items[i:last])


def lead_in(tokens: Tokens, first: int, last: int) -> bool:
    """Whether ``tokens[first:last]``, between "according to" or "told" and a source's name, is a lead-in: at most
    four words and no mark ("according to *regime news agency* SANA")."""
    return last - first <= _LEAD_IN_WORDS and all(token.word for token in tokens.items[first:last])


def acts_after(tokens: Tokens, end: int) -> bool:
    """Whether the words after a name that ends at offset ``end`` make it an actor: a state named by its place
    ("Damascus is using", "Syria, backed by Russia, decided", "Moscow's forces"). The grammar:

    .. code-block:: text

        actor_after := possessive actor_noun
                     | [',' token{1,} ','] (actor_verb | 'and' 'its' 'allies')

    where the appositive holds at most 40 characters and no ``; .``.
    """
    items = tokens.items
    j = tokens.at_or_after(end)
    if j == 0 or j >= len(items) or items[j - 1].end != end:
        return False  # the name ends inside a word ("Damascus-based"), or ends the text
    if items[j - 1].possessive:
        return items[j].lower in ACTOR_NOUNS
    if items[j].text == ",":
        close = _closing(tokens, j, len(items), ",", frozenset(";."), _ACTOR_APPOSITIVE)
        if close is None:
            return False
        j = close + 1
    if j >= len(items):
        return False
    word = items[j].lower
    return word in ACTOR_VERBS or (word == "and" and j + 2 < len(items) and items[j + 1].lower == "its"
                                   and items[j + 2].lower == "allies")


#: The most capitalised words of an armed group's name before its faction noun.
_FACTION_NAME_WORDS: Final = 5
#: The most tokens before a faction noun that its name may span (five words, each of a few tokens, and connectors).
_FACTION_WINDOW: Final = 40
#: Marks that may stand inside a written word ("Hay'at", "al-Islam").
_INSIDE_WORD: Final = frozenset({"'", "\u2019", "-"})


def _written_words(tokens: Tokens, first: int, last: int) -> list[tuple[int, int]]:
    """The written words of ``tokens[first:last]``: runs of touching word tokens and the apostrophes or hyphens
    inside them, as (first, end) token index pairs; a mark of any other kind is a word of its own."""
    items = tokens.items
    found: list[tuple[int, int]] = []
    i = first
    while i < last:
        j = i + 1
        if items[i].word:
            while (j < last and items[j].start == items[j - 1].end and not items[j - 1].possessive
                   and (items[j].word or (items[j].text in _INSIDE_WORD and j + 1 < last
                                          and items[j + 1].word and items[j + 1].start == items[j].end))):
                j += 1
        found.append((i, j))
        i = j
    return found


def names_before_faction_nouns(tokens: Tokens, first: int, last: int) -> list[tuple[int, int]]:
    """The capitalised names that stand right before a faction noun in ``tokens[first:last]``, as (start, end)
    offsets, in order. The grammar:

    .. code-block:: text

        faction_name := capitalised (connector? capitalised | connector-capitalised){0,4} faction_noun

    where a capitalised word has two characters at least, a connector is one of
    :data:`~._lexicon.FACTION_NAME_CONNECTORS` and the faction noun is written in lower case ("the Northern Storm
    brigade", "Jaish al Umma fighters", "the Army of Islam group"). Each word of the name is followed by white
    space, not by a mark.
    """
    items = tokens.items
    found: list[tuple[int, int]] = []
    for noun in [i for i in range(first + 1, last) if items[i].text in FACTION_NOUNS]:
        # the written words of a window before the noun, wide enough for the longest name
        words = _written_words(tokens, max(first, noun - _FACTION_WINDOW), noun + 1)
        if words[-1][0] == noun:  # the noun is a written word of its own
            span = _name_before(tokens, words)
            if span is not None:
                found.append(span)
    return found


def _name_before(tokens: Tokens, words: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The span of the capitalised name that ends right before the last of ``words`` (see
    :func:`names_before_faction_nouns`), or ``None``."""
    items = tokens.items

    def spaced(k: int) -> bool:  # written word k is followed by white space (or ends the part read)
        return k + 1 >= len(words) or items[words[k + 1][0]].start > items[words[k][1] - 1].end

    def capitalised(k: int) -> bool:
        a, b = words[k]
        text = items[a].text
        return items[a].word and text[:1].isupper() and (len(text) >= 2 or b - a > 1) and spaced(k)

    def joined(k: int) -> bool:  # "al-Islam": a connector hyphenated to a capitalised word
        head, _, rest = items[words[k][0]].text.partition("-")
        return words[k][1] - words[k][0] == 1 and head in FACTION_NAME_CONNECTORS and rest[:1].isupper() \
            and spaced(k)

    def connector(k: int) -> bool:
        return k >= 0 and words[k][1] - words[k][0] == 1 and items[words[k][0]].text in FACTION_NAME_CONNECTORS

    slots: list[int] = []  # the written words of the name, right to left, each a capitalised word
    j = len(words) - 2
    while j >= 0 and len(slots) < _FACTION_NAME_WORDS and (capitalised(j) or joined(j)):
        slots.append(j)
        j -= 1
        # a connector between two words of the name, after a capitalised word: "Army of Islam"
        if (capitalised(slots[-1]) and len(slots) < _FACTION_NAME_WORDS and connector(j) and j >= 1
                and (capitalised(j - 1) or joined(j - 1))):
            j -= 1
    while slots and not capitalised(slots[-1]):
        slots.pop()  # the first word of a name is capitalised itself, not joined to a connector
    if not slots:
        return None
    return items[words[slots[-1]][0]].start, items[words[slots[0]][1] - 1].end
