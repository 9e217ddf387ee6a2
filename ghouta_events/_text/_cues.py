"""Cue words: the verbs, nouns and phrases that tell what a sentence reports, found in one pass.

The phrases of every kind are kept in one trie of lower-case words; the text's words (cut out once, see
:mod:`._words`) are walked through it from each word that can begin a phrase, so one pass yields every cue with its
span and kind. The parser decides what the cues mean together; this module only says where they are. The head
noun of a number ("981 *people*", "17 *buses*") is read by :func:`head_noun`.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from typing import Final

import regex

from ._lexicon import (
    AFFILIATIONS,
    COUNT_SLOT,
    CUE_FORMS,
    CUE_PHRASES,
    FAMILY_NOUNS,
    GROUP_NOUNS,
    HEAD_NOUN_STOPS,
    fills_count_slot,
    phrase_words,
)
from ._patterns import trie_alternation
from ._words import Words

__all__ = ["Cue", "CueForm", "CueHit", "HeadNoun", "NounClass", "find_cues", "head_noun", "noun_before"]


class Cue(enum.Enum):
    """What a cue word signals."""

    ACCORDING_TO = "according_to"  # the source follows
    CITING = "citing"  # the source nearer the origin follows: citing, quoting
    TOLD = "told"  # the intermediary follows: told Reuters
    SPEECH = "speech"  # a claim verb: said, reported, confirmed...
    CORRESPONDENT = "correspondent"  # X's correspondent, an X reporter: X saw it
    FROM = "from"  # the origin follows
    TO = "to"  # the destination follows
    ARRIVE = "arrive"  # arrived in, reached: the destination follows
    CROSSING = "crossing"  # crossing, corridor: the exit point
    LEAVE = "leave"  # left, quit, exited: the origin follows directly
    MOVE = "move"  # evacuated, bussed, transported, carrying: a movement
    CONVOY = "convoy"  # convoy, buses, batch, wave: a movement
    ENTER = "enter"  # buses entered, gathered, waited: not a departure
    PLANNED = "planned"  # will, expected to, supposed to: not yet happened
    CUMULATIVE = "cumulative"  # so far, in all, overall, already: a running total
    BREAKDOWN = "breakdown"  # including, among them
    KILLED = "killed"
    WOUNDED = "wounded"
    FLED = "fled"
    DISPLACED = "displaced"
    SHELTERS = "shelters"
    REMAINING = "remaining"
    RESIDENTS = "residents"
    RELEASED = "released"
    RETURNED = "returned"  # returned home: a count of returns
    EVACUATED = "evacuated"
    OFFENSIVE = "offensive"
    AGREEMENT = "agreement"
    NEGOTIATION = "negotiation"
    SURRENDER = "surrender"
    CHEMICAL = "chemical"
    AIR_STRIKE = "air_strike"
    CEASEFIRE = "ceasefire"
    STATEMENT = "statement"
    BACKED_BY = "backed_by"  # backed by, sponsored by: a backer follows
    BACKED = "backed"  # -backed: a backer precedes ("Qatar-backed")
    CLAUSE = "clause"  # a clause break: ; thus, bringing, while, which
    HISTORICAL = "historical"  # previous, earlier deals, in the past: not this movement

    # Members are singletons compared by identity, so identity hashing is consistent with equality; it is done in
    # C rather than by Enum's Python-level hash of the name, and cues are put in sets and looked up a lot.
    __hash__ = object.__hash__


class CueForm(enum.Enum):
    """A finer form of some cue phrases, beside their kind (the phrases of each are listed in the lexicon)."""

    EVACUATION_VERB = "evacuation_verb"  # evacuated, bussed: a movement under a deal as such
    RELATIVE_PRONOUN = "relative_pronoun"  # who, which: a clause attached to a noun group
    BARE_ARRIVAL = "bare_arrival"  # arrived, without the preposition that names where
    NUMBER_OF = "number_of"  # the number of: a count named as such
    PLURAL_MOVEMENT_NOUN = "plural_movement_noun"  # evacuations, departures: several movements
    MOVEMENT_NOUN = "movement_noun"  # evacuation, departure: a movement named, not told
    ANNOUNCEMENT = "announcement"  # announced, declared: the announcement may be the news
    BOARDING_VERB = "boarding_verb"  # boarded: the place after the vehicles is where the movers left from
    INTO_PHRASE = "into_phrase"  # crossed into: a flight phrase that names where a convoy went
    GOING_PHRASE = "going_phrase"  # headed for, set out for: a verb of going with the preposition of where
    ARRIVAL_NOUN = "arrival_noun"  # entrance of: where something stands, not that it arrived
    PLACE_DEAL_WORD = "place_deal_word"  # settlement: a deal word that is also a noun of place
    CORRIDOR_NOUN = "corridor_noun"  # corridor: a way out, not a flight
    SINGULAR_MOVEMENT_NOUN = "singular_movement_noun"  # convoy, batch: one movement, by a singular noun
    SUM_WORD = "sum_word"  # in all, in total: the parts of a count summed, a running total only over a window

    __hash__ = object.__hash__


#: The form of each phrase that has one, by its words.
_FORM_OF: Final = {phrase_words(phrase): CueForm[name] for name, phrases in CUE_FORMS.items() for phrase in phrases}


_FRAGMENTS: Final = {Cue[name]: phrases for name, phrases in CUE_PHRASES.items()}

# The phrases are found word by word: a trie of lower-case words, each keyed with the separator before it
# (" " for white space, "-" for a hyphen). At a position, the longest phrase wins. A cue starts at a word
# boundary that is not a hyphen, and ends at a word boundary.


class _Node:
    """A node of the cue trie: the words that may come next, each keyed with the separator before it, and the kind
    of the phrase that ends here, if one does (the kind listed first, when a phrase is listed under several: see
    the lexicon's test of shadowed phrases)."""

    __slots__ = ("cue", "next")

    def __init__(self) -> None:
        self.next: dict[str, _Node] = {}
        self.cue: Cue | None = None


def _cue_trie() -> _Node:
    trie = _Node()
    for cue, phrases in _FRAGMENTS.items():
        for phrase in phrases:
            if phrase.startswith("-"):
                continue  # "-backed" and the like: see RE_CUE_AFFIX
            node = trie
            separator = ""
            for part in regex.split(r"(\s+|-)", phrase.lower()):
                if not part:
                    continue
                if part.isspace() or part == "-":
                    separator = "-" if part == "-" else " "
                    continue
                node = node.next.setdefault(separator + part, _Node())
                separator = ""
            if node.cue is None:
                node.cue = cue
    return trie


_CUE_TRIE: Final = _cue_trie()
# The cues that start inside a word ("Qatar-backed") and the marks that end a clause: a semicolon, or a dash with
# white space on both sides (the spaces belong to the cue; they are looked at, not matched, so that every
# alternative starts with a punctuation mark and the engine skips from one to the next).
RE_CUE_AFFIX: Final = regex.compile(
    r"(?P<BACKED>-(?:backed|sponsored|supported|funded))\b|(?P<CLAUSE_MARK>;)"
    r"|(?P<DASH>(?<=\s)(?:[\u2013\u2014]|--)(?=\s))",
    regex.IGNORECASE,
)

# The marks every alternative of RE_CUE_AFFIX starts with.
RE_AFFIX_MARK: Final = re.compile("[-;\u2013\u2014]")


class CueHit:
    """One cue found: its kind, span and words, and the finer form of its phrase when it has one."""

    __slots__ = ("cue", "end", "form", "start", "text")

    def __init__(self, *, cue: Cue, start: int, end: int, text: str, form: CueForm | None = None) -> None:
        self.cue = cue
        self.start = start
        self.end = end
        self.text = text
        self.form = form


def find_cues(text: str, pos: int = 0, endpos: int | None = None, *, words: Words | None = None) -> Iterator[CueHit]:
    """Every cue in ``text[pos:endpos]``, left to right; where phrases of two kinds start at one word, the longest wins.

    ``words`` are the words of ``text[pos:endpos]``, when the caller has them already.
    """
    end = len(text) if endpos is None else endpos
    if words is None:
        words = Words(text, pos, end)
    hits = [*_word_cues(text, words), *_affix_cues(text, pos, end)]
    hits.sort(key=lambda hit: hit.start)
    last_end = pos
    for hit in hits:
        if hit.start >= last_end:
            last_end = hit.end
            yield hit


def _affix_cues(text: str, pos: int, end: int) -> Iterator[CueHit]:
    # Every alternative starts with one of the marks: the pattern is tried at them alone, left to right, skipping
    # the inside of a match, as finditer would.
    last_end = pos
    for mark in RE_AFFIX_MARK.finditer(text, pos, end):
        if mark.start() < last_end:
            continue
        match = RE_CUE_AFFIX.match(text, mark.start(), end)
        if match is None:
            continue
        last_end = match.end()
        start, stop = match.span()
        if match.lastgroup == "BACKED":
            yield CueHit(cue=Cue.BACKED, start=start, end=stop, text=match.group())
            continue
        if match.lastgroup == "DASH":
            if start - 1 < pos or stop + 1 > end:
                continue  # the white space around the dash lies outside the part searched
            start, stop = start - 1, stop + 1
        yield CueHit(cue=Cue.CLAUSE, start=start, end=stop, text=text[start:stop])


def _word_cues(text: str, words: Words) -> Iterator[CueHit]:
    # Python walks the trie only from the words that can begin a phrase.
    parts, offsets, lowered = words.parts, words.offsets, words.lowered
    count = len(lowered)
    following = -1  # index of the first word after the last phrase found
    for i in words.among(_CUE_TRIE.next):
        start = offsets[2 * i + 1]
        if i < following or (start > 0 and text[start - 1] == "-"):
            continue
        # Walk the trie; keep the longest phrase ending so far.
        best: tuple[Cue, int] | None = None  # (kind, words used)
        node, k = _CUE_TRIE.next[lowered[i]], i
        while True:
            if node.cue is not None:
                best = (node.cue, k - i + 1)
            if k + 1 >= count:
                break
            gap = parts[2 * k + 2]  # what stands between word k and word k + 1
            separator = "-" if gap == "-" else " " if gap and gap.isspace() else None
            if separator is None:
                break
            following_word = lowered[k + 1]
            step = node.next.get(separator + following_word)
            if step is None:
                slot = node.next.get(separator + COUNT_SLOT)  # "over <number> days"
                step = slot if slot is not None and fills_count_slot(following_word) else None
            if step is None:
                break
            node = step
            k += 1
        if best is None:
            continue
        following = i + best[1]
        stop = offsets[2 * following]
        yield CueHit(cue=best[0], start=start, end=stop, text=text[start:stop],
                     form=_FORM_OF.get(tuple(lowered[i:following])))


class NounClass(enum.Enum):
    """What a count counts, read from the noun after it."""

    BUSES = "buses"
    FIGHTERS = "fighters"
    CIVILIANS = "civilians"
    PEOPLE = "people"
    FAMILIES = "families"  # "N militants and their families": one combined count of people
    BREAKDOWN = "breakdown"  # women, children: demographic parts, not annotated
    OTHER = "other"  # volunteers, abductees, soldiers...
    THING = "thing"  # not people at all: lorries, shelters, sites, food parcels, towns, strikes


class HeadNoun:
    """The noun a number counts, with where it ends."""

    __slots__ = ("end", "noun_class", "start", "text")

    def __init__(self, *, noun_class: NounClass, start: int, end: int, text: str) -> None:
        self.noun_class = noun_class
        self.start = start
        self.end = end
        self.text = text


# Words that may stand between a number and its noun: adjectives and names ("629 Jaish al-Islam terrorists").
_modifier = (
    r"(?:other|more|further|additional|syrian|civilian|armed|opposition|rebel|islamist|displaced|new|"
    r"injured|wounded|sick|internally|of|the|their|its|militant|jihadist|pro-government|government|regime|"
    r"russian|local|palestinian|elderly|young|foreign|hardline|hard-line|al|el)"
)
# A word of a name: capitalised, or a connector before one ("Faylaq al-Rahman fighters"); the case of the name is
# read as written, not ignored with the rest.
_name_word = r"(?-i:(?:(?:al|el|ad|ar|as|ash|az|ez|an)-)?[\p{Lu}][\w'\u2019\-]*)"
# Any other word but one that ends the noun group: a verb, a preposition, a pronoun ("17 white buses", but "900
# were on board the buses" has no noun).
_open_word = rf"(?!(?:{trie_alternation(sorted(HEAD_NOUN_STOPS))})\b)[a-z][\w'\u2019\-]*"
_people = r"people|persons|person|evacuees|individuals|others|souls|passengers"
_fighters = (
    r"fighters|fighter|militants|militant|rebels|rebel|gunmen|terrorists|terrorist|members|insurgents|"
    r"jihadists|combatants|militiamen|gunman|opposition\s+fighters|armed\s+men|jihadis|extremists|"
    r"mercenaries|islamists"
)
_civilians = r"civilians|civilian|family\s+members|relatives|family|families|residents|inhabitants|locals"
_buses = r"buses|busses|bus|coaches|coach|minibuses|minibus|vehicles|vehicle|ambulances|ambulance"
_breakdown = r"women|children|men|minors|elderly|infants|girls|boys|kids|babies|orphans|injured|wounded|sick"
_other = (
    r"volunteers|abductees|detainees|captives|hostages|soldiers|troops|prisoners|aid\s+workers|workers|"
    r"doctors|medics|journalists|patients|cases"
)
# Counted things that are no people: never a figure, never a convoy's count.
_things = (
    r"food\s+parcels|trucks|lorries|tonnes|tons|homes|houses|buildings|villages|towns|schools|hospitals|shells|"
    r"rockets|mortars|missiles|bombs|strikes|raids|sorties|attacks|shelters|sites|parcels|tents|centres|centers|"
    r"locations|points|times|kilometres|kilometers|km|miles|metres|meters|days|weeks|months|years|hours|"
    r"percent|dollars|meals|rations|boxes|baskets|kits|items|vehicles\s+of\s+aid"
)


def _factored(alternatives: str, *, patterns_first: bool = True) -> str:
    """The same alternation with its plain words factored into a prefix trie.

    The alternatives that are patterns go first ("armed\\s+men", the longer form of a word, must be tried before
    the word) or, with ``patterns_first=False``, last (a catch-all tried after the listed words). Every word here is
    followed by a boundary or a separator, so the trie's longest-first order matches what the plain list matched.
    """
    parts = alternatives.split("|")
    plain = [part for part in parts if regex.fullmatch(r"[\w\-']+", part)]
    patterns = [part for part in parts if part not in plain]
    ordered = [*patterns, trie_alternation(plain)] if patterns_first else [trie_alternation(plain), *patterns]
    return "(?:" + "|".join(ordered) + ")"


# Simple case folding ("(?-f)"; version 1 would fold fully, "ß" as "ss"): every word listed is ASCII, and full
# folding made each failed try, a number with no noun after it, about three times as slow.
RE_HEAD_NOUN: Final = regex.compile(
    rf"(?-f)[\s\-]*(?:(?:{_factored(_modifier[3:-1])}|{_name_word}|{_open_word})[\s\-]+){{0,4}}?"
    rf"(?:(?P<BUSES>{_factored(_buses)})|(?P<FIGHTERS>{_factored(_fighters)})|"
    rf"(?P<CIVILIANS>{_factored(_civilians)})|(?P<PEOPLE>{_factored(_people)})|"
    rf"(?P<BREAKDOWN>{_factored(_breakdown)})|(?P<OTHER>{_factored(_other)})|(?P<THING>{_factored(_things)}))\b",
    regex.IGNORECASE | regex.VERSION1,
)


def _phrases(phrases: tuple[str, ...]) -> str:
    """An alternation of lexicon phrases, longest first, a space standing for any run of white space."""
    return "|".join(regex.escape(p).replace("\\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


# "... and their families", "with their relatives": a fighter count that includes the families. Between the
# fighters and their families may stand the group they belong to ("loyal to X", "of the "X" militant group"):
# an affiliation word, an optional article, an optional opening quote (straight or curly), a name of up to four
# words, an optional closing quote and group noun.
_GROUP_NAME = (
    rf"(?:\s+(?:{_phrases(AFFILIATIONS)})\s+(?:the\s+)?[\"'\u201c\u2018]?"
    r"[\p{Lu}][\w'\u2019\-]*(?:[\s\-]+[\p{Lu}a][\w'\u2019\-]*){0,3}[\"'\u201d\u2019]?"
    rf"(?:\s+(?:{_phrases(GROUP_NOUNS)})\b)?)?"
)
RE_WITH_FAMILIES: Final = regex.compile(
    rf"{_GROUP_NAME}"
    r"\s*(?:,\s*)?(?:and|with|along\s+with|plus|together\s+with)\s+(?:their|his|members\s+of\s+their)\s+"
    rf"(?:{_phrases(FAMILY_NOUNS)})\b"
    r"|\s+and\s+(?:civilians|family\s+members|families|relatives|dependents|dependants)\b"
    # a headline's comma for "and": "6,800 militants, families leave X"
    r"|\s*,\s*(?:their\s+)?(?:families|family\s+members)\b(?!\s*,)",
    regex.IGNORECASE,
)
RE_NOUN_BEFORE: Final = regex.compile(
    rf"(?-f)\bnumber\s+of\s+(?:(?P<FIGHTERS>{_fighters})|(?P<CIVILIANS>{_civilians})|(?P<PEOPLE>{_people}))\b"
    rf"[^.;]{{0,200}}$",
    regex.IGNORECASE | regex.VERSION1,
)


def head_noun(text: str, pos: int, endpos: int) -> HeadNoun | None:
    """The noun the number ending at ``pos`` counts, within four modifier words; ``None`` when there is none.

    A count of fighters, people or others followed by "and their families" counts people.
    """
    match = RE_HEAD_NOUN.match(text, pos, endpos)
    if match is None:
        return None
    group = match.lastgroup or "OTHER"
    noun_class = NounClass[group]
    end = match.end()
    if noun_class is NounClass.BREAKDOWN:
        # "400 wounded civilians", "the elderly people": a word of a breakdown before a noun of people is its
        # adjective, and the noun after it the head
        after = RE_HEAD_NOUN.match(text, end, endpos)
        if after is not None and after.lastgroup in ("PEOPLE", "CIVILIANS", "FIGHTERS"):
            match, group, end = after, after.lastgroup, after.end()
            noun_class = NounClass[group]
    if noun_class in (NounClass.FIGHTERS, NounClass.PEOPLE, NounClass.OTHER):
        # "soldiers and their families", "patients and their companions": people, whoever the first are
        families = RE_WITH_FAMILIES.match(text, end, endpos)
        if families is not None:
            return HeadNoun(noun_class=NounClass.FAMILIES, start=match.start(group), end=families.end(),
                            text=text[match.start(group):families.end()])
    return HeadNoun(noun_class=noun_class, start=match.start(group), end=end, text=match.group(group))


_NOUN_BEFORE_REACH: Final = 400


def noun_before(text: str, start: int, pos: int) -> NounClass | None:
    """For a number with no noun after it: "the number of people who left ... surpassed 57,500"."""
    # The phrase ends at most 200 characters before the number: look no further back than that and the phrase,
    # so that reading every number of a long sentence stays linear.
    match = RE_NOUN_BEFORE.search(text, max(start, pos - _NOUN_BEFORE_REACH), pos)
    if match is None or match.lastgroup is None:
        return None
    return NounClass[match.lastgroup]
