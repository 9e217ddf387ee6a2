"""Chunks: the tokens of a text, and the place groups that a movement preposition or verb governs.

This stage reads tokens, not characters. :func:`tokenize` cuts a text once into :class:`Token` s: words (a
hyphenated compound such as "rebel-held" or "al-Aswad" is one word, a possessive "'s" belongs to its word) and the
marks, one token each (``,`` ``&`` ``;`` ``:`` ``.`` brackets, quotes and any other character that is neither a
word's nor white space), so that a reader of tokens knows that nothing but white space stands between two tokens
that do not touch. :func:`read_place_group` then reads, from the token after a movement cue, the noun group that
names where the movement starts or ends:

.. code-block:: text

    place_group := lead name_list [crossing_noun]
                 | lead name name_list 'in' place_group     (several towns in one region: the region)
    lead        := (determiner | modifier){0,7}
    name_list   := name ((',' | 'and' | '&' | ', and') [determiner] name)*
    name        := known_name | open_name
    open_name   := Capitalised (Capitalised | connector Capitalised | connector-Capitalised)*
                   [site_noun ['in' place_group]]          ("the Nasser hospital in X": X)

A *closed* group (after "to", "toward", "arrived in") takes its modifiers from a closed list of place adjectives
and place nouns (``PLACE_MODIFIERS``: "the rebel-held northern province of"), so that an infinitive ("to retake
areas around X") governs nothing. An *open* group (after "from", "left") takes any words that are not closed-class
words ("left the besieged enclave of X"). A name followed by "suburb of", "countryside", a noun of settlement
and "of" ("the Ghouta town of X") or a possessive only modifies the name after it ("the Damascus suburb of Douma",
"Aleppo's Al-Bab district"). A known name is one the caller found already (a gazetteer hit, given by its start and
end); any other capitalised run is an *open* name, kept with ``known=False`` so that a place the gazetteer does
not know still fills its slot. An open name never starts with an adjective of nationality (which may stand in the
lead instead: "the Lebanese border town of X"), is no place when a group noun follows it ("the Houthi movement"),
and names a site when a site noun follows it: the place is then the group after "in", if any ("the Nasser
hospital in X"), else the site ("the Azovstal plant").

:func:`official_before` and :func:`official_after` read the noun group of an official who speaks, before a speech
verb ("a senior Russian army officer said") or after it ("said an Iranian diplomat"):

.. code-block:: text

    official     := [determiner] modifier{0,2} nationality modifier{0,2} official_noun

The nationality names the country (``NATIONAL_VOICES``), the noun and its modifiers the branch: an officer or an
"army official" speaks for the military, an official, a diplomat or a spokesman for the government.

Everything here is linear: each token is made once, and a group is read from its own cue, never from the start of
the sentence.
"""

from __future__ import annotations

import bisect
from collections.abc import Container, Mapping, Sequence
from typing import Final, NamedTuple

from ._lexicon import (
    ADDITIVE_WORDS,
    ASKING_VERBS,
    AUXILIARY_TENSES,
    CLOSED_CLASS,
    COMPLETION_NOUNS,
    CREDIT_RELAYS,
    DEMONSTRATIVES,
    DETERMINERS,
    ELLIPSIS_HEDGES,
    ELLIPSIS_JOINERS,
    FINITE_MOVEMENT_VERBS,
    GAPPING_JOINERS,
    HALT_VERBS,
    LIST_WORDS,
    MILITARY_MODIFIERS,
    NAME_CONNECTORS,
    NAMED_GROUP_NOUNS,
    NATIONAL_VOICES,
    NATIONALITIES,
    NEAR_WORDS,
    NEGATIVE_SUBJECTS,
    NOMINAL_TIME_OPENERS,
    NOT_DENIALS_AFTER_NO,
    NOT_PLACE_NAMES,
    OFFICIAL_NOUNS,
    ONWARD_VERB_WORDS,
    ONWARD_WORDS,
    PHOTO_WORDS,
    PLACE_MODIFIERS,
    PLACE_NOUNS_AFTER,
    PLACE_NOUNS_BEFORE_OF,
    PLACE_PART_NOUNS,
    PRONOUN_SPEECH_VERBS,
    QUESTION_OPENERS,
    RESTRICTIVE_PRONOUNS,
    SERIES_NOUNS,
    SERIES_RANKS,
    SITE_NOUNS,
    TIME_SUBORDINATORS,
    WHOLE_DETERMINERS,
)
from ._words import Words

__all__ = [
    "Credit",
    "NameRef",
    "PlaceGroup",
    "Token",
    "Tokens",
    "background_clauses",
    "boarding_place",
    "bound_name",
    "compound_head",
    "coordinated_counts",
    "coordinated_series",
    "credit_at",
    "destination_noun",
    "elliptical_count",
    "ends_phrase",
    "gapped_subject",
    "governing_word",
    "halted_at",
    "in_open_question",
    "is_onward",
    "is_title_case",
    "locative_after",
    "mark_before",
    "movers_of",
    "negative_subject",
    "nominal_backgrounds",
    "official_after",
    "official_before",
    "opens_series",
    "opens_with_series",
    "part_group_end",
    "part_of_counted_whole",
    "phrase_bounds",
    "predicate_after",
    "preposition_before",
    "read_place_group",
    "restrictive_relatives",
    "source_anaphors",
    "tokenize",
]


class Token(NamedTuple):
    """A word or a mark, with its span and its lower-cased text."""

    start: int
    end: int
    text: str
    lower: str
    word: bool  # a word (else a mark)
    possessive: bool = False  # the word was followed by "'s"


_APOSTROPHES: Final = ("'", "\u2019")
#: What follows the apostrophe of a possessive or an English contraction: the apostrophe then joins no word.
_CONTRACTION_ENDINGS: Final = frozenset({"s", "t", "ll", "re", "ve", "d", "m"})

#: The crossing nouns: a name before one names a crossing point ("the Arbin crossing").
CROSSING_NOUNS: Final = frozenset({"crossing", "corridor"})

#: The most words a lead of a place group may hold ("to the rebel-held northern province of").
MAX_LEAD: Final = 7


class Tokens:
    """The tokens of a text, in order, and where each starts (for finding the token at an offset)."""

    __slots__ = ("items", "starts")

    def __init__(self, items: list[Token]) -> None:
        self.items = items
        self.starts = [token.start for token in items]

    def at_or_after(self, offset: int) -> int:
        """The index of the first token that starts at or after ``offset``."""
        return bisect.bisect_left(self.starts, offset)

    def __len__(self) -> int:
        return len(self.items)


def tokenize(words: Words) -> Tokens:
    """The tokens of the text ``words`` was cut from: words joined across hyphens and apostrophes inside them,
    possessives attached, and the marks (every other character that is not white space, one token each). A word
    that stands alone is taken as ``words`` cut and lower-cased it; only a compound is cut and lower-cased again."""
    parts, offsets, lowered = words.parts, words.offsets, words.lowered
    items: list[Token] = []
    count = len(parts) // 2  # words
    i = 0
    while i < count:
        gap = parts[2 * i]
        if gap and not gap.isspace() and not (gap in ",." and i > 0 and parts[2 * i - 1].isdigit()
                                              and parts[2 * i + 1].isdigit()):
            items.extend(_marks(gap, offsets[2 * i]))  # not the separator inside "1,200"
        first = i
        # a hyphenated compound: word-word-word; an apostrophe inside a word ("Shi'ite", "Hay'at"), not before the
        # "s" of a possessive or an English contraction ("didn't", "they're": see _verbs)
        while i + 1 < count and (parts[2 * i + 2] == "-" or (
                parts[2 * i + 2] in _APOSTROPHES and parts[2 * i + 3].lower() not in _CONTRACTION_ENDINGS)):
            i += 1
        start, end = offsets[2 * first + 1], offsets[2 * i + 2]
        if i == first:
            text, lower = parts[2 * i + 1], lowered[i]
        else:
            text = words.text[start - words.pos : end - words.pos]
            lower = text.lower()
        possessive = parts[2 * i + 2] in _APOSTROPHES and i + 1 < count and lowered[i + 1] == "s"
        if possessive:
            i += 1  # the "s" of "'s"
        items.append(Token(start, end, text, lower, True, possessive))
        i += 1
    tail = parts[2 * count]
    if tail and not tail.isspace():
        items.extend(_marks(tail, offsets[2 * count]))
    return Tokens(items)


def _marks(gap: str, offset: int) -> list[Token]:
    return [Token(offset + k, offset + k + 1, char, char, False) for k, char in enumerate(gap) if not char.isspace()]


class NameRef(NamedTuple):
    """A name in a place group: its span, its words, and whether the caller knew it (a gazetteer hit)."""

    start: int
    end: int
    text: str
    known: bool


class PlaceGroup(NamedTuple):
    """A noun group naming one or more places: the names in order, and whether a crossing noun follows them."""

    start: int
    end: int
    names: tuple[NameRef, ...]
    crossing: bool


def _capitalised(token: Token) -> bool:
    return token.word and token.text[:1].isupper()


def _name_word(token: Token) -> bool:
    """A word that may go on an open name: capitalised, or a connector joined to a capitalised word ("al-Aswad")."""
    if _capitalised(token):
        return True
    head, _, rest = token.text.partition("-")
    return bool(rest) and head.lower() in NAME_CONNECTORS and rest[:1].isupper()


#: Endings of capitalised adjectives of nationality beside the listed ones ("Ruritanian", "Freedonese").
_NATIONALITY_ENDINGS: Final = ("ian", "ese")


def _nationality(token: Token) -> bool:
    """Whether a word is an adjective of nationality: listed, or capitalised with a nationality ending."""
    return token.lower in NATIONALITIES or (_capitalised(token) and token.lower.endswith(_NATIONALITY_ENDINGS))


def _open_name(tokens: Sequence[Token], index: int, stop: int) -> int:
    """The index after the open name that starts at ``index``, or ``index`` when none starts there. A possessive
    ends the name ("Kafr Sabt's")."""
    first = tokens[index]
    if not _name_word(first) or first.lower.partition("-")[0] in NOT_PLACE_NAMES or len(first.text) < 3:
        return index  # a name starts capitalised or with a joined article ("al-Shifa")
    if first.lower.endswith(_NOT_PLACE_ENDINGS) and not (index + 1 < stop and _name_word(tokens[index + 1])):
        return index  # "Islamist", "Syrians", "Reconciliation": an adjective or a common noun capitalised
    end = index + 1
    while end < stop and not tokens[end - 1].possessive:
        token = tokens[end]
        if _name_word(token) and token.lower.partition("-")[0] not in NOT_PLACE_NAMES:
            end += 1
        elif (token.lower in NAME_CONNECTORS and not token.possessive and end + 1 < stop
              and _capitalised(tokens[end + 1])):
            end += 2
        else:
            break
    return end


def ends_phrase(tokens: Tokens, index: int, phrases: Container[tuple[str, ...]], *, floor: int = 0,
                skipping: Container[str] = ()) -> bool:
    """Whether one of ``phrases`` (tuples of lower-cased words, of one or two words) ends right before token
    ``index``, past at most one word of ``skipping`` ("including some 300": "including"), with no mark between
    and no word before the offset ``floor``."""
    items = tokens.items
    i = index - 1
    if i >= 0 and items[i].lower in skipping:
        i -= 1
    if i < 0 or not items[i].word or items[i].start < floor:
        return False
    if (items[i].lower,) in phrases:
        return True
    return (i >= 1 and items[i - 1].word and items[i - 1].start >= floor
            and (items[i - 1].lower, items[i].lower) in phrases)


def compound_head(tokens: Tokens, offset: int) -> str | None:
    """The part of a hyphenated word before the suffix that starts at ``offset``: "Saudi" of "Saudi-backed" (the
    suffix "-backed"), "U.S." of "U.S.-backed"; ``None`` when no word holds ``offset`` past its start."""
    index = tokens.at_or_after(offset) - 1
    if index < 0:
        return None
    token = tokens.items[index]
    if not (token.word and token.start < offset <= token.end):
        return None
    head = token.text[: offset - token.start].rstrip("-").rpartition("-")[2]
    return head or None


def mark_before(tokens: Tokens, index: int) -> str | None:
    """The mark right before token ``index``, past one "the" (": the X": ":"); ``None`` when a word stands there
    or at the start of the text."""
    items = tokens.items
    i = index - 1
    if i >= 0 and items[i].lower == "the":
        i -= 1
    if i < 0 or items[i].word:
        return None
    return items[i].text


def governing_word(tokens: Tokens, index: int) -> Token | None:
    """The word right before token ``index``, past one "the" ("in the X": "in"); ``None`` at the start of the text
    or after a mark. The grammar: ``governed := word ['the'] token``."""
    items = tokens.items
    i = index - 1
    if i >= 0 and items[i].lower == "the":
        i -= 1
    if i < 0 or not items[i].word:
        return None
    return items[i]


def preposition_before(tokens: Tokens, index: int) -> str | None:
    """The word that governs the noun group whose name starts at token ``index``: the first word before it that is
    no determiner or place modifier, within :data:`MAX_LEAD` words ("in the town of X": "in"), lower-cased."""
    items = tokens.items
    i = index - 1
    while i >= 0 and index - i <= MAX_LEAD + 1:
        token = items[i]
        if not token.word:
            return None
        if token.lower not in DETERMINERS and token.lower not in PLACE_MODIFIERS - _PREPOSITIONS:
            return token.lower
        i -= 1
    return None


_PREPOSITIONS: Final = frozenset({"of", "in", "at"})
#: Words of direction that stand before a name as its adjective ("east Aleppo") or before "of" as a relation.
_COMPASS: Final = frozenset({"east", "west", "north", "south"})
#: Words of a group after "in" that make it a way, not a region that holds a list: "in the direction of X".
_NO_REGION_LEAD: Final = frozenset({"direction", "entrance", "way"})
#: Endings of capitalised words that are adjectives of belief or origin, or abstract nouns, not places.
_NOT_PLACE_ENDINGS: Final = ("ist", "ists", "ian", "ians", "tion", "tions", "ism")


def read_place_group(tokens: Tokens, index: int, known: Mapping[int, int], *, closed: bool,
                     open_names: bool = True, stop: int | None = None) -> PlaceGroup | None:
    """The place group that starts at token ``index`` (the token after its cue), or ``None``.

    ``known`` maps the start of each known name to its end. With ``closed``, the lead takes only the words of
    ``PLACE_MODIFIERS``; otherwise any word that is not closed-class. Without ``open_names``, only known names are
    read. The group ends before token ``stop`` (the end of the clause) at the latest.
    """
    items = tokens.items
    limit = len(items) if stop is None else min(stop, len(items))
    names: list[NameRef] = []
    modifier: NameRef | None = None
    modifier_after = index  # the token after the modifier's name
    i = index
    lead = 0
    while i < limit:
        token = items[i]
        if not token.word:
            if token.text in "\"'\u201c\u2018" and not names:
                i += 1
                continue  # an opening quote before a name
            break
        end_known = known.get(token.start)
        if end_known is not None or (open_names and _open_name(items, i, limit) > i):
            if end_known is not None:
                after = i
                while after < limit and items[after].start < end_known:
                    after += 1
                name = NameRef(token.start, end_known, "", True)
            else:
                after = _open_name(items, i, limit)
                last = items[after - 1]
                name_end = last.end - (2 if last.possessive else 0)
                name = NameRef(token.start, name_end, " ".join(t.text for t in items[i:after]), False)
            last = items[after - 1]
            noun = items[after].lower if after < limit else ""
            if not name.known and noun in NAMED_GROUP_NOUNS:
                break  # "fighters from the Houthi movement": a group, not a place
            if (not name.known and noun == "of" and after + 1 < limit
                    and known.get(items[after + 1].start) is not None):
                i, lead = after + 1, 0  # "the Old City of Mosul": a part of the known place after "of"
                continue
            if not name.known and noun in SITE_NOUNS:
                # "the Nasser hospital in X": the place is X; "the Azovstal plant": the site
                inner = None
                if after + 1 < limit and items[after + 1].lower == "in":
                    inner = read_place_group(tokens, after + 2, known, closed=True, open_names=open_names,
                                             stop=limit)
                if inner is not None:
                    names.extend(inner.names)
                    i = after + 2
                    break
            modifies = last.possessive or noun in PLACE_NOUNS_AFTER or (
                after + 1 < limit and noun in PLACE_NOUNS_BEFORE_OF and items[after + 1].lower == "of")
            if modifies:
                # "the Damascus suburb of Douma", "Aleppo's Al-Bab district": the next name is meant; with none
                # ("the Qalamoun region", "Aleppo's eastern districts"), the name itself
                i, lead, modifier, modifier_after = after, 0, name, after
                continue
            names.append(name)
            i = after
            # a list: ", B", "and B", ", and B", "& B"
            joined = i
            while joined < limit and items[joined].lower in LIST_WORDS:
                joined += 1
            if joined > i and joined < limit and items[joined].lower in DETERMINERS:
                joined += 1  # "A and the B area"
            if joined > i and joined < limit and (known.get(items[joined].start) is not None
                                                  or (open_names and _open_name(items, joined, limit) > joined)):
                i = joined
                continue
            break
        if names or lead >= MAX_LEAD:
            break
        word = token.lower
        fits = (word in PLACE_MODIFIERS or word in DETERMINERS or _nationality(token)) if closed else not (
            word in CLOSED_CLASS or _capitalised(token)) or (
            # a capitalised adjective of place before a lower-case word ("the *Lebanese* border town of X", "the
            # *Turkish-held* town of X"), not a name
            (_nationality(token) or word in PLACE_MODIFIERS) and i + 1 < limit and items[i + 1].word
            and items[i + 1].text.islower())
        # a compass word right before a name is its adjective ("out of east Aleppo"), not "east of X"
        fits = fits or (word in _COMPASS and token.text.islower() and i + 1 < limit and (
            items[i + 1].start in known or (open_names and _open_name(items, i + 1, limit) > i + 1)))
        # a site by a place ("to camps *near* X", "a camp outside X"): the place is where the site is; "near X"
        # with no site before it is a relation, no place
        fits = fits or (word in NEAR_WORDS and lead > 0 and items[i - 1].lower in PLACE_MODIFIERS)
        if not fits:
            break
        lead += 1
        i += 1
    if not names and modifier is not None and (not items[modifier_after - 1].possessive
                                                or _part_after(items, modifier_after, limit)):
        names.append(modifier)
    if not names:
        return None
    if len(names) > 1 and i + 1 < limit and items[i].lower == "in":
        # "the towns of A and B in R province": the smallest stated place that holds them all is R
        region = read_place_group(tokens, i + 1, known, closed=True, open_names=open_names, stop=limit)
        lead_words = {t.lower for t in items[i + 1 : tokens.at_or_after(region.start)]} if region else set()
        if region is not None and len(region.names) == 1 and not lead_words & _NO_REGION_LEAD:
            return PlaceGroup(names[0].start, region.end, region.names, region.crossing)
    crossing = i < limit and items[i].lower in CROSSING_NOUNS
    return PlaceGroup(names[0].start, names[-1].end, tuple(names), crossing)


#: The most words between a place's possessive and the noun of its part ("Aleppo's *last opposition-held*
#: pocket").
_MAX_PART_LEAD: Final = 3


def _part_after(items: Sequence[Token], index: int, stop: int) -> bool:
    """Whether a noun group that names a part of a place starts at token ``index``, right after the place's
    possessive. Grammar: word{0,3} part_noun, no mark or closed-class word before the noun ("Aleppo's eastern
    districts", "X's old quarter"; not "Aleppo's governor")."""
    for i in range(index, min(stop, index + _MAX_PART_LEAD + 1)):
        token = items[i]
        if not token.word:
            return False
        if token.lower in PLACE_PART_NOUNS:
            return True
        if token.lower in CLOSED_CLASS:
            return False
    return False


#: The most tokens a non-restrictive relative clause attached to its noun group may hold.
MAX_RELATIVE: Final = 25
#: Adverbs that may open the predicate after an attached relative clause ("..., finally left").
_PREDICATE_ADVERBS: Final = frozenset({"then", "finally", "later", "eventually", "also", "all", "both", "have",
                                       "had", "has", "were", "was"})


def predicate_after(tokens: Tokens, index: int, stop: int) -> Token | None:
    """The first word of the main predicate after a non-restrictive relative clause that starts at token ``index``
    and closes with a comma within :data:`MAX_RELATIVE` tokens ("Twenty buses, which carried 400 fighters,
    *left* ..."), adverbs and auxiliaries skipped; ``None`` when the clause does not close so."""
    items = tokens.items
    end = min(stop, index + MAX_RELATIVE)
    for i in range(index, end):
        if items[i].text == ",":
            j = i + 1
            while j < stop and items[j].lower in _PREDICATE_ADVERBS:
                j += 1
            return items[j] if j < stop and items[j].word else None
        if items[i].text in ";:.!?()":
            return None
    return None


#: Auxiliaries that may open a predicate before its plan or total cue ("are expected to leave").
_AUXILIARIES: Final = frozenset({"are", "is", "was", "were", "will", "would", "have", "has", "had", "be", "been",
                                 "also", "then", "reportedly", "now", "still", "already"})
#: Words that open a phrase attached to the noun group before it, not a phrase of its own: a breakdown
#: ("1,000 people, including 300 fighters") or a companion ("6,000 gunmen, along with their families").
_ATTACHED_OPENERS: Final = frozenset({"including", "among", "amongst", "of", "along", "together", "plus"})
#: Conjunctions that open a new phrase when a count follows them ("..., and 5,000 more are expected").
_PHRASE_CONJUNCTIONS: Final = frozenset({"and", "but", "while", "whereas"})


#: The marks that always end a phrase: a comma, an en dash, an em dash.
_DASH_MARKS: Final = frozenset({",", "\u2013", "\u2014"})


def _phrase_mark(items: Sequence[Token], i: int, first: int, last: int) -> bool:
    """Whether the token at ``i`` is a mark that ends a phrase: a comma, a dash, or a hyphen standing alone as a
    dash ("the convoy - the largest so far - carried ..."), but not between two numbers ("300 - 400")."""
    text = items[i].text
    if text in (",", "\u2013", "\u2014"):
        return True
    if text != "-" or items[i].word:
        return False
    digits = [k for k in (i - 1, i + 1) if first <= k < last and items[k].text[:1].isdigit()]
    return len(digits) < 2


def phrase_bounds(tokens: Tokens, first: int, last: int, count_starts: Container[int]) -> tuple[list[int],
                                                                                                   dict[int, int]]:
    """Where the phrases of ``tokens[first:last]`` begin (after the first): at commas and dashes (a hyphen standing
    alone is one, see ``_phrase_mark``), and at a conjunction that a count follows; and, for each phrase (numbered
    from 0) that opens with a verb group, where the word after its auxiliaries starts ("will be evacuated": "will";
    "are expected to": "expected")."""
    items = tokens.items
    bounds: list[int] = []
    opening: dict[int, int] = {}
    phrase_start = first
    for i in range(first, last):
        token = items[i]
        following = items[i + 1].lower if i + 1 < last else ""
        text = token.text
        split = ((text in _DASH_MARKS or (text == "-" and _phrase_mark(items, i, first, last)))
                 and following not in _ATTACHED_OPENERS) or (
            token.lower in _PHRASE_CONJUNCTIONS and i + 1 < last and items[i + 1].start in count_starts)
        if not split:
            continue
        bounds.append(token.start)
        phrase_start = i + 1
        j = phrase_start
        while j < last and items[j].lower in _AUXILIARIES:
            j += 1
        if j < last:
            opening[len(bounds)] = items[j].start if j > phrase_start else items[phrase_start].start
    return bounds, opening


#: The most words of the subject of a background clause ("after all the gunmen left").
_MAX_SUBJECT: Final = 4


def _clause_mark_after(tokens: Tokens, index: int, last: int) -> int:
    """The index of the first comma or semicolon at or after ``index`` in ``tokens[:last]``, or ``last``: where a
    background clause or noun group ends."""
    items = tokens.items
    while index < last and items[index].text not in (",", ";"):
        index += 1
    return index


def background_clauses(tokens: Tokens, first: int, last: int, verbs: Container[int]) -> list[tuple[int, int]]:
    """The subordinate clauses of time in ``tokens[first:last]`` that have a subject and a finite movement verb of
    their own, as (start, end) offsets; ``verbs`` holds where the movement verbs start. The grammar:

    .. code-block:: text

        background := time_subordinator subject auxiliary* finite_movement_verb ... (',' | ';' | end)
        subject    := word{1,4}    (no movement cue, no auxiliary; the first no "-ing" form)

    "after all gunmen left those towns for Idlib" is one; "after leaving Douma" and "after being evacuated" (no
    subject: the same movement) and "after a long journey" (no verb) are not.
    """
    items = tokens.items
    found: list[tuple[int, int]] = []
    i = first
    while i < last:
        if items[i].lower not in TIME_SUBORDINATORS:
            i += 1
            continue
        k = i + 1
        while (k < last and k - i <= _MAX_SUBJECT and items[k].word and items[k].start not in verbs
               and items[k].lower not in _AUXILIARIES):
            k += 1
        gerund = i + 1 < last and items[i + 1].lower.endswith("ing")  # "after being evacuated": no subject
        subject = 0 if gerund else k - i - 1
        while k < last and items[k].start not in verbs and items[k].lower in _AUXILIARIES:
            k += 1
        if subject < 1 or k >= last or items[k].start not in verbs or items[k].lower not in FINITE_MOVEMENT_VERBS:
            i += 1
            continue
        end = _clause_mark_after(tokens, k + 1, last)
        found.append((items[i].start, items[end].start if end < last else items[last - 1].end))
        i = end
    return found


def restrictive_relatives(tokens: Tokens, first: int, last: int) -> list[tuple[int, int]]:
    """The restrictive relative clauses in ``tokens[first:last]``, as (start, end) offsets, in order. Grammar:

    .. code-block:: text

        restrictive := noun ("who" | "whom" | "that") ... (',' | ';' | ':' | end)

    with no comma before the pronoun (",who" opens an attached clause of its own) and, for "that", a noun of
    people or "those" before it ("the fighters that arrived"; "said that" opens a statement). Such a clause
    tells who the noun is ("help the people who have been evacuated to X"), not what the sentence reports.
    """
    items = tokens.items
    found: list[tuple[int, int]] = []
    i = first + 1
    while i < last:
        token, before = items[i], items[i - 1]
        if token.lower not in RESTRICTIVE_PRONOUNS or not before.word or (
                token.lower == "that" and before.lower not in _MOVER_NOUNS and before.lower != "those"):
            i += 1
            continue
        end = i + 1
        while end < last and items[end].text not in (",", ";", ":"):
            end += 1
        found.append((token.start, items[end].start if end < last else items[last - 1].end))
        i = end
    return found


def nominal_backgrounds(tokens: Tokens, first: int, last: int, nouns: Container[int]) -> list[tuple[int, int]]:
    """The noun groups of time in ``tokens[first:last]`` that name a movement, as (start, end) offsets; ``nouns``
    holds where the movement nouns start. The grammar:

    .. code-block:: text

        background := opener ("the" completion "of")? determiner? movement_noun ... (',' | ';' | end)

    "after the withdrawal of the fighters to X", "following the departure of all gunmen from X", "after the
    completion of the exit of X". Such a group tells a movement as the time of the sentence's main verb.
    """
    items = tokens.items
    found: list[tuple[int, int]] = []
    i = first
    while i < last:
        if items[i].lower not in NOMINAL_TIME_OPENERS:
            i += 1
            continue
        k = i + 1
        if k + 2 < last and items[k].lower == "the" and items[k + 1].lower in COMPLETION_NOUNS \
                and items[k + 2].lower == "of":
            k += 3
        if k < last and items[k].lower in DETERMINERS:
            k += 1
        if k >= last or items[k].start not in nouns:
            i += 1
            continue
        end = _clause_mark_after(tokens, k + 1, last)
        found.append((items[i].start, items[end].start if end < last else items[last - 1].end))
        i = end
    return found


#: Nouns of the people who move; "the people of X" names where they come from.
_MOVER_NOUNS: Final = frozenset({"people", "residents", "inhabitants", "civilians", "families", "fighters",
                                 "evacuees", "displaced"})
#: Words of time that may stand between an arrival verb and its place ("arrived late on Monday in X").
_TIME_WORDS: Final = frozenset({"late", "early", "on", "in", "at", "the", "this", "that", "morning", "evening",
                                "afternoon", "night", "overnight", "monday", "tuesday", "wednesday", "thursday",
                                "friday", "saturday", "sunday", "today", "yesterday", "tonight", "safely", "finally"})
#: Prepositions of place after an arrival verb.
_LOCATIVES: Final = frozenset({"in", "at"})


def locative_after(tokens: Tokens, index: int, stop: int) -> int:
    """The token after the locative preposition that follows an arrival verb past words of time, within
    :data:`MAX_LEAD` tokens ("arrived late on Monday *at* X"); ``index`` itself when none does (then the place
    group, if any, starts right after the verb: "arrived Idlib")."""
    items = tokens.items
    i = index
    while i < min(stop, index + MAX_LEAD + 1):
        token = items[i]
        if not token.word or token.lower not in _TIME_WORDS:
            return index
        if token.lower in _LOCATIVES and i + 1 < stop and items[i + 1].lower not in _TIME_WORDS - DETERMINERS:
            return i + 1
        i += 1
    return index


def elliptical_count(tokens: Tokens, first: int, last: int) -> bool:
    """Whether the count whose words are ``tokens[first:last]`` is added to a movement told before it, with the
    verb and places left out. Grammar:

    .. code-block:: text

        ellipsis := joiner ("another" | "a further" | "further" | "additional")? hedge* count ("more")?

    with one additive word at least ("..., and another 800 on Tuesday", "and 15 more on Monday", "followed by a
    further 700").
    """
    items = tokens.items
    # the count's own words may hold the additive word ("another 800", "a further 700")
    additive = any(t.lower in ADDITIVE_WORDS for t in items[first : min(last + 1, len(items))])
    i = first - 1
    while i >= 0 and (items[i].lower in ELLIPSIS_HEDGES or items[i].lower in ADDITIVE_WORDS):
        additive = additive or items[i].lower in ADDITIVE_WORDS
        i -= 1
    return additive and i >= 0 and items[i].lower in ELLIPSIS_JOINERS


#: The most words between a denied subject's "no" and its verb ("*no* more than a handful of the buses left").
_MAX_DENIED_SUBJECT: Final = 8
#: The most words between "whether" (or "if") and the verb of the clause it opens.
_MAX_QUESTION: Final = 12

def _word_back(tokens: Tokens, first: int, index: int, reach: int, words: Container[str]) -> int | None:
    """The nearest token before ``index`` (and at or after ``first``, within ``reach`` tokens) that is one of
    ``words``, with no mark between it and ``index``; ``None`` when there is none."""
    items = tokens.items
    for i in range(index - 1, max(first, index - reach) - 1, -1):
        if not items[i].word:
            return None
        if items[i].lower in words:
            return i
    return None



def in_open_question(tokens: Tokens, first: int, verb: int) -> bool:
    """Whether the verb at token ``verb`` stands in a clause of what is asked or not known, opened after token
    ``first``: "whether", or "if" after a verb of saying or knowing ("Asked whether 3,000 fighters had left",
    "It is unclear whether buses left", "would not say if 500 people had left"), with no mark between the opener
    and the verb. What such a clause tells is not asserted. Grammar: (whether | asking_verb 'if') word{0,11} verb.
    """
    i = _word_back(tokens, first, verb, _MAX_QUESTION, QUESTION_OPENERS)
    if i is None:
        return False
    items = tokens.items
    return items[i].lower != "if" or (i > first and items[i - 1].lower in ASKING_VERBS)



def part_of_counted_whole(tokens: Tokens, part_end: int, whole_start: int) -> bool:
    """Whether the tokens between a count that ends before token ``part_end`` and a count that starts at token
    ``whole_start`` join a part to the whole it is counted of. Grammar: part 'of' determiner* whole noun ("300 of
    the 1,500 fighters", "40 of its 120 buses"): the part counts the noun, and the whole counts no movers."""
    items = tokens.items
    if part_end >= whole_start or items[part_end].lower != "of":
        return False
    return all(items[i].lower in WHOLE_DETERMINERS for i in range(part_end + 1, whole_start))


def negative_subject(tokens: Tokens, first: int, verb: int) -> bool:
    """Whether the subject before the verb at token ``verb`` (in a clause that starts at token ``first``) is
    denied: "no" or "none" opens it ("*No* buses left X", "*None* of the 500 fighters left X"), and no mark
    stands between it and the verb. "No" before "fewer", "less", "more" or "longer" is no denial ("no fewer than
    500 left"). Grammar: negative_word word{0,7} verb, with no mark inside."""
    i = _word_back(tokens, first, verb, _MAX_DENIED_SUBJECT, NEGATIVE_SUBJECTS)
    if i is None:
        return False
    items = tokens.items
    return not (i + 1 < len(items) and items[i + 1].lower in NOT_DENIALS_AFTER_NO)


def gapped_subject(tokens: Tokens, first: int, last: int) -> int | None:
    """The token after the count whose words are ``tokens[first:last]`` and its auxiliaries, when the count is the
    whole subject of a clause joined to the one before it, its noun left out; else ``None``. Grammar:

    .. code-block:: text

        gapped := joiner hedge* count ['more'] auxiliary* <verb>

    with a joiner of clauses (see ``GAPPING_JOINERS``) right before the count or its hedges, and no noun after the
    count ("..., while 25 left Y", "and 120 were bussed out of Y", "; 450 quit Y", "and 20 more left Y"). The
    caller asks whether the token returned is a verb of its own, and takes the noun of the count before it.
    """
    items = tokens.items
    i = first - 1
    while i >= 0 and items[i].lower in ELLIPSIS_HEDGES:
        i -= 1
    if i < 0 or items[i].lower not in GAPPING_JOINERS:
        return None
    after = last
    if after < len(items) and items[after].lower == "more":
        after += 1  # "and 20 more left Y"
    while after < len(items) and items[after].lower in AUXILIARY_TENSES:
        after += 1
    return after if after < len(items) and items[after].word else None


#: The most words of the object of a boarding verb ("boarded *the 30 waiting buses* in X").
MAX_BOARDED: Final = 4


def boarding_place(tokens: Tokens, index: int, stop: int) -> int | None:
    """The token after the locative preposition that follows the object of a boarding verb, whose next token is
    ``index``; ``None`` when there is none. Grammar: boarding-verb word{0,4} ("in" | "at") place-group, with no
    mark between ("boarded 30 buses in X", "were boarding the waiting buses at X")."""
    items = tokens.items
    for i in range(index, min(stop, index + MAX_BOARDED + 1)):
        token = items[i]
        if not token.word:
            return None
        if token.lower in _LOCATIVES:
            return i + 1 if i + 1 < stop else None
    return None


def movers_of(tokens: Tokens, first: int, last: int) -> list[int]:
    """The tokens after "people of", "residents of" and the like in ``tokens[first:last]``: where a place group
    naming the movers' home may start."""
    items = tokens.items
    return [i + 2 for i in range(first, last - 2)
            if items[i].lower in _MOVER_NOUNS and items[i + 1].lower == "of"]


def coordinated_counts(tokens: Tokens, first: int, last: int, count_starts: Container[int]) -> list[int]:
    """Where each conjunction before a count starts in ``tokens[first:last]`` ("... and 800 gunmen ..."): where a
    second coordinated subject may begin."""
    items = tokens.items
    return [items[i].start for i in range(first, last - 1)
            if items[i].lower in _PHRASE_CONJUNCTIONS and items[i + 1].start in count_starts]


#: The most words between the rank of a series and its noun ("a second *large* batch").
_SERIES_REACH: Final = 2


def noun_within(tokens: Tokens, start: int, last: int, reach: int, nouns: Container[str]) -> bool:
    """Whether one of ``nouns`` is among the ``reach + 1`` tokens from ``start`` (before ``last``), with no mark
    before it: the head of a short noun group ("a second *batch*", "that *convoy*", "40 tonnes of *food*")."""
    items = tokens.items
    for k in range(start, min(last, start + reach + 1)):
        if not items[k].word:
            return False
        if items[k].lower in nouns:
            return True
    return False


def opens_series(tokens: Tokens, index: int, last: int) -> bool:
    """Whether the noun group at token ``index`` names one more movement of a series. The grammar:

    .. code-block:: text

        series_subject := ['a' | 'an' | 'the'] series_rank word{0,2} series_noun   ("a second batch", "the next
                                                                                   group", "another convoy")
    """
    items = tokens.items
    i = index
    if i < last and items[i].lower in ("a", "an", "the"):
        i += 1
    if i >= last or items[i].lower not in SERIES_RANKS:
        return False
    return noun_within(tokens, i + 1, last, _SERIES_REACH, SERIES_NOUNS)


def coordinated_series(tokens: Tokens, first: int, last: int) -> list[int]:
    """Where each conjunction before a subject that names one more movement of a series starts in
    ``tokens[first:last]`` ("..., and a second batch departed ..."): where a second movement may begin."""
    return [tokens.items[i].start for i in range(first, last - 1) if opens_with_series(tokens, i, last)]


def opens_with_series(tokens: Tokens, index: int, last: int) -> bool:
    """Whether a conjunction at token ``index`` opens a subject that names one more movement of a series ("and a
    second batch", "while another convoy"), read before token ``last``."""
    return index < last and tokens.items[index].lower in _PHRASE_CONJUNCTIONS and opens_series(tokens, index + 1,
                                                                                                 last)


#: The most words of the verb group between an onward word and its preposition ("before *driving on* to").
MAX_ONWARD_VERB: Final = 3


def is_onward(tokens: Tokens, index: int) -> bool:
    """Whether the preposition at token ``index`` names the next step of a journey: an onward word, a verb group
    of at most :data:`MAX_ONWARD_VERB` words, then the preposition.

    Grammar: ONWARD_WORDS ONWARD_VERB_WORDS{0,3} preposition ("before heading to", "then continued on to",
    "and later drove on toward").
    """
    items = tokens.items
    i = index - 1
    while i >= 0 and index - i <= MAX_ONWARD_VERB and items[i].lower in ONWARD_VERB_WORDS:
        i -= 1
    return i >= 0 and items[i].lower in ONWARD_WORDS


#: The prepositions of where a movement went.
_DESTINATION_PREPOSITIONS: Final = frozenset({"to", "into", "toward", "towards"})
#: The most words between such a preposition and the noun it governs ("to *temporary collective* shelters").
_DESTINATION_REACH: Final = 3


def destination_noun(tokens: Tokens, index: int) -> bool:
    """Whether the noun at token ``index`` is governed by a preposition of where a movement went, past at most
    three modifiers ("were taken to temporary shelters in X"). Grammar: ('to' | 'into' | 'toward') word{0,3} noun,
    the words no closed-class words."""
    items = tokens.items
    i = index - 1
    while i >= 0 and index - i <= _DESTINATION_REACH and items[i].word and items[i].lower not in CLOSED_CLASS:
        i -= 1
    return i >= 0 and items[i].lower in _DESTINATION_PREPOSITIONS


def halted_at(tokens: Tokens, index: int) -> bool:
    """Whether the crossing noun at token ``index`` is where a convoy halted on its way: a verb of halting, "at"
    or "through", then the crossing's noun group of at most :data:`MAX_LEAD` words ("stopped at the X checkpoint",
    "passed through the X crossing"). Grammar: HALT_VERBS ('at' | 'through') word{0,7} crossing_noun."""
    items = tokens.items
    i = index - 1
    while i > 0 and index - i <= MAX_LEAD and items[i].word and items[i].lower not in ("at", "through"):
        i -= 1
    return i > 0 and items[i].lower in ("at", "through") and items[i - 1].lower in HALT_VERBS


#: The most words the noun group after a breakdown word may hold ("among them *sick and injured people*").
MAX_PART_GROUP: Final = 6


def part_group_end(tokens: Tokens, index: int, stop: int) -> int:
    """Where the noun group that starts at token ``index``, right after a breakdown word ("including", "among
    them"), ends: at the first mark or count, or after :data:`MAX_PART_GROUP` words, and before token ``stop``.

    Grammar: breakdown-word (modifier | "and")* noun; a kind word inside it ("including *injured*", "among them
    sick and *wounded* people") names a part of the count before it, not the count's kind.
    """
    items = tokens.items
    end = min(stop, len(items), index + MAX_PART_GROUP)
    i = index
    while i < end and items[i].word and not items[i].text[:1].isdigit():
        i += 1
    return items[i - 1].end if i > index else (items[index].start if index < len(items) else 0)


def bound_name(token: Token) -> tuple[int, int] | None:
    """The span of X in an "X-bound" word ("Idlib-bound buses"), or ``None``."""
    head, _, tail = token.text.rpartition("-")
    if tail.lower() != "bound" or not head[:1].isupper():
        return None
    return token.start, token.start + len(head)


def is_title_case(tokens: Tokens, start: int, end: int) -> bool:
    """Whether the words of ``tokens[start:end]`` of four letters or more are all capitalised but one in ten at
    most (a headline in title case; a sentence of names has its verbs in lower case)."""
    long = [t for t in tokens.items[start:end] if t.word and len(t.text) >= 4 and t.text[:1].isalpha()]
    return len(long) >= 3 and sum(1 for t in long if not _capitalised(t)) * 10 <= len(long)


#: The most modifiers on either side of the nationality in an official's noun group.
_OFFICIAL_MODIFIERS: Final = 2


def _modifier(token: Token) -> bool:
    """A word that may modify an official noun: no mark, no closed-class word, no determiner ("senior", "army")."""
    return token.word and token.lower not in CLOSED_CLASS and token.lower not in DETERMINERS


def _voice_of(nationality: str, words: Sequence[Token]) -> str:
    """The source an official of ``nationality`` speaks for, by the branch its noun group names."""
    military_name, government_name = NATIONAL_VOICES[nationality]
    military = OFFICIAL_NOUNS[words[-1].lower] or any(t.lower in MILITARY_MODIFIERS for t in words)
    return military_name if military else government_name


def official_before(tokens: Tokens, index: int) -> tuple[str, int] | None:
    """The source of the official's noun group that ends right before token ``index`` (a speech verb), read
    backwards (the official noun, at most two modifiers, the nationality), and the index of its first token;
    ``None`` when there is none."""
    items = tokens.items
    noun = index - 1
    if noun < 0 or items[noun].lower not in OFFICIAL_NOUNS:
        return None
    i = noun - 1
    while i >= 0 and noun - i <= _OFFICIAL_MODIFIERS + 1:
        token = items[i]
        if token.lower in NATIONAL_VOICES:
            return _voice_of(token.lower, items[i : noun + 1]), i
        if not _modifier(token):
            return None
        i -= 1
    return None


def official_after(tokens: Tokens, index: int) -> tuple[str, int] | None:
    """The source of the official's noun group that starts at token ``index`` (after a speech verb: "said an
    Iranian diplomat"), and ``index``; ``None`` when there is none."""
    items = tokens.items
    i = index + 1 if index < len(items) and items[index].lower in DETERMINERS else index
    nationality = None
    start = i
    while i < len(items) and i - start <= 2 * _OFFICIAL_MODIFIERS + 1:
        token = items[i]
        if nationality is not None and token.lower in OFFICIAL_NOUNS:
            return _voice_of(nationality, items[start : i + 1]), index
        if token.lower in NATIONAL_VOICES and nationality is None:
            nationality = token.lower
        elif not _modifier(token):
            return None
        i += 1
    return None


#: The most tokens of a photographer's name, or of the agency's, in a photo credit.
_CREDIT_REACH: Final = 5


class Credit(NamedTuple):
    """A photo credit: the token where the credited name begins, whether the credit is all there is (a credit on a
    line of its own), and the token where the name that relays it begins ("SANA via AP"), or ``None``."""

    first: int
    alone: bool
    relay: int | None = None


def credit_at(tokens: Tokens, first: int, last: int) -> Credit | None:
    """The photo credit that ends ``tokens[first:last]``; ``None`` when there is none. The grammar:

    .. code-block:: text

        credit := '(' word{0,5} '/' name [relayed] ')'  |  '(' name photo_word '/' word{0,5} ')'
                | ['('] photo_word ':' name [')']  |  ['('] name relayed ')'
        relayed := 'via' name                        ("(SANA via AP)": both are credited, the first originates)

    where a name before and after "via" is capitalised; the bracket before a relayed credit may be lost when the
    credit opens the sentence.
    """
    items = tokens.items
    j = last - 1
    while j >= first and items[j].text == ".":
        j -= 1
    if j < first:
        return None
    bracketed = items[j].text == ")"
    if bracketed:
        j -= 1
    relay = None
    if bracketed:
        for k in range(j - 1, max(first, j - _CREDIT_REACH) - 1, -1):
            if items[k].lower in CREDIT_RELAYS:
                if not (items[k + 1].text[:1].isupper() and k - 1 >= first and items[k - 1].text[:1].isupper()):
                    return None
                relay, j = k + 1, k - 1
                break
            if not items[k].word:
                break
    for k in range(j, max(first, j - _CREDIT_REACH) - 1, -1):
        token = items[k]
        if token.text == "/" and bracketed:
            for o in range(k - 1, max(first, k - _CREDIT_REACH - 1) - 1, -1):
                if items[o].text == "(":
                    if k - 1 > o and items[k - 1].lower in PHOTO_WORDS:  # "(AP Photo/John Smith)"
                        return Credit(o + 1, o == first)
                    return Credit(k + 1, o == first, relay) if k + 1 <= j else None
                if not items[o].word:
                    return None
            return None
        if token.text == ":" and k - 1 >= first and items[k - 1].lower in PHOTO_WORDS and k + 1 <= j:
            opens = k - 1 == first or (k - 2 == first and items[first].text == "(")
            return Credit(k + 1, opens)
        if relay is not None and token.text == "(":  # "(SANA via AP)"
            return Credit(k + 1, k == first, relay) if items[k + 1].text[:1].isupper() else None
        if not token.word:
            return None
        if relay is not None and k == first:  # "SANA via AP)": the bracket lost, the credit opens the sentence
            return Credit(k, True, relay)
    return None


class Anaphor(NamedTuple):
    """A noun group or pronoun that refers back to a source: its first and last token, and its noun in lower case
    ("news agency", "agency's correspondent"), or ``None`` for "it" and "they"."""

    first: int
    last: int
    noun: str | None


def source_anaphors(tokens: Tokens, first: int, last: int, nouns: Container[str]) -> list[Anaphor]:
    """The source anaphors of ``tokens[first:last]``, in order. The grammar:

    .. code-block:: text

        anaphor := demonstrative noun | demonstrative 'news' 'agency' | demonstrative noun's 'correspondent'
                 | ('it' | 'they') pronoun_speech_verb

    where ``noun`` is one of ``nouns`` ("the channel", "this agency", "it said"); a correspondent of any noun
    ("the agency's correspondent") refers back to the last source named.
    """
    items = tokens.items
    found: list[Anaphor] = []
    for i in range(first, last - 1):
        word, following = items[i], items[i + 1]
        if word.lower in ("it", "they") and following.lower in PRONOUN_SPEECH_VERBS:
            found.append(Anaphor(i, i, None))
            continue
        if word.lower not in DEMONSTRATIVES or not following.word:
            continue
        if following.lower == "news" and i + 2 < last and items[i + 2].lower == "agency":
            found.append(Anaphor(i, i + 2, "news agency"))
        elif following.possessive and i + 2 < last and items[i + 2].lower == "correspondent":
            found.append(Anaphor(i, i + 2, f"{following.lower}'s correspondent"))
        elif following.lower in nouns:
            found.append(Anaphor(i, i + 1, following.lower))
    return found
