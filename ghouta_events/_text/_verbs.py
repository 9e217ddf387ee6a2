"""Verb groups: the auxiliaries, modals, negation and adverbs around a verb, read from tokens.

A verb group is read from its head (the main verb, where a cue of the mention stage stands) leftwards, one token at
a time, and stops at the first token that cannot belong to it. The grammar, written forwards:

.. code-block:: text

    verb_group  := outer* verb
    outer       := auxiliary | negation | 'no' 'longer' | contraction | adverb
                 | (modal_verb | aspect_verb | be_form) 'to'
                 | prevention_verb word{0,3} 'from'      (before an "-ing" head: "prevented from leaving")
                 | 'to'                                  (a bare infinitive: the group ends there)
    auxiliary   := is | are | was | were | be | been | being | has | have | had | do | did
                 | will | would | shall | can | could | may | might | must | should | get | got ...
    contraction := auxiliary_stem "'" 't'                ("didn't", "haven't", "won't")
    modal_verb  := expected | planned | scheduled | due | set | ordered | allowed | refused | ...
    adverb      := also | then | finally | reportedly | ...   (never the first word of a group)

What the group tells:

* *tense*: of its first finite word ("were expected to leave": past; "will be bussed": future; "leave": present;
  "left": past);
* *voice*: passive when a form of "be" or "get" stands right before a participle head ("will be *bussed*");
* *modality*: of its outermost modal ("*will* be allowed to leave": future; "were *expected* to leave":
  expected; "*are to* leave": planned; no modal: a fact);
* *negation*: "not", "never", "n't", "no longer", a verb of refusal or failure before "to" ("refused to
  leave", "failed to reach"), or a verb of prevention before "from" ("were prevented from leaving");
* *infinitive*: the group opens with a bare "to" that no modal, aspect verb or form of "be" governs ("a deal *to
  evacuate* the fighters"): what the infinitive tells is the purpose of a noun outside the group, not an event;
* *finite*: the group is neither such an infinitive nor opened by an auxiliary that is never finite ("whether
  they want to stay *or be bussed* out", "*being* evacuated"): a group that is not finite is governed by a word
  outside it.

Each group is read in time proportional to its own length; the words it knows live in :mod:`._lexicon`.
"""

from __future__ import annotations

import enum
from typing import Final, NamedTuple

from ._chunks import Tokens
from ._lexicon import (
    ASPECT_VERBS,
    AUXILIARY_TENSES,
    BE_TO,
    DENIAL_VERBS,
    GROUP_ADVERBS,
    IRREGULAR_PAST,
    MODAL_AUXILIARIES,
    MODAL_VERBS,
    NEGATIONS,
    PASSIVE_AUXILIARIES,
    PERFECT_AUXILIARIES,
    PREVENTION_VERBS,
)

__all__ = ["Modality", "Tense", "VerbGroup", "Voice", "negation_in", "verb_group"]


class Tense(enum.Enum):
    """The tense of a verb group's first finite word."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"


class Voice(enum.Enum):
    """Whether the subject of a verb group acts or is acted on."""

    ACTIVE = "active"
    PASSIVE = "passive"


class Modality(enum.Enum):
    """How a verb group's outermost modal presents what the verb tells."""

    FACT = "fact"  # no modal: it happened, or happens
    FUTURE = "future"  # will, shall, going to
    CONDITIONAL = "conditional"  # would, could, might, may
    PLANNED = "planned"  # planned, scheduled, due, set, agreed to; "are to"
    EXPECTED = "expected"  # expected, likely, supposed, should
    ORDERED = "ordered"  # ordered, told, asked, must
    ALLOWED = "allowed"  # allowed, permitted, able, can


class VerbGroup(NamedTuple):
    """A verb group: its first token and its head (token indexes), and what its words tell."""

    first: int
    head: int
    tense: Tense
    voice: Voice
    modality: Modality
    negated: bool
    perfect: bool
    infinitive: bool
    finite: bool

    @property
    def asserted(self) -> bool:
        """Whether the group states that what its verb tells happened or happens: a fact, not negated, finite."""
        return self.modality is Modality.FACT and not self.negated and self.finite


#: The stems of auxiliaries contracted with "n't", as the tokens cut them ("didn" "'" "t"), and the auxiliary.
_CONTRACTED: Final = {
    "didn": "did", "don": "do", "doesn": "does", "haven": "have", "hasn": "has", "hadn": "had", "wasn": "was",
    "weren": "were", "isn": "is", "aren": "are", "won": "will", "wouldn": "would", "can": "can", "couldn": "could",
    "shouldn": "should", "mustn": "must", "mightn": "might",
}
_APOSTROPHES: Final = frozenset({"'", "\u2019"})
#: The most tokens a verb group may hold before its head.
MAX_GROUP: Final = 10


def _participle(word: str) -> bool:
    return word.endswith(("ed", "en")) or word in IRREGULAR_PAST


#: The most words of the object between a verb of prevention and "from" ("stopped *the families* from leaving").
_MAX_PREVENTED: Final = 3


def verb_group(tokens: Tokens, head: int, floor: int = 0) -> VerbGroup:
    """The verb group whose head is token ``head``, read leftwards no further than token ``floor``."""
    items = tokens.items
    # the words of the group before the head, right to left, each with what it is
    parts: list[tuple[int, str, str]] = []  # (index, kind, word); kind: aux, modal, aspect, neg, prevent
    negated = False
    infinitive = False
    i = head - 1
    low = max(floor, head - MAX_GROUP)
    while i >= low:
        token = items[i]
        word = token.lower
        if (word == "t" and i - 2 >= low and items[i - 1].text in _APOSTROPHES
                and items[i - 2].lower in _CONTRACTED):  # "didn't", "won't"
            negated = True
            parts.append((i - 2, "aux", _CONTRACTED[items[i - 2].lower]))
            i -= 3
            continue
        if not token.word:
            break
        if word in NEGATIONS:
            negated = True
            parts.append((i, "neg", word))
        elif word == "longer" and i - 1 >= low and items[i - 1].lower == "no":
            negated = True
            parts.append((i - 1, "neg", "no longer"))
            i -= 1
        elif word in AUXILIARY_TENSES:
            parts.append((i, "aux", word))
        elif word in GROUP_ADVERBS:
            pass  # inside the group only when a word of the group stands before it
        elif word == "from" and items[head].lower.endswith("ing"):
            # "were prevented from leaving", "stopped them from reaching": what the group tells did not happen
            j = i - 1
            while j >= max(low, i - 1 - _MAX_PREVENTED) and items[j].word and items[j].lower not in PREVENTION_VERBS:
                j -= 1
            if j < low or not items[j].word or items[j].lower not in PREVENTION_VERBS:
                break
            negated = True
            parts.append((j, "prevent", items[j].lower))
            i = j
        elif word == "to":
            j = i - 1
            while j >= low and items[j].lower in GROUP_ADVERBS:
                j -= 1
            governor = items[j].lower if j >= low and items[j].word else ""
            if governor in MODAL_VERBS:
                parts.append((j, "modal", governor))
            elif governor in ASPECT_VERBS:
                parts.append((j, "aspect", governor))
            elif governor in BE_TO:
                parts.append((j, "be-to", governor))
            else:
                infinitive = not parts or all(kind in ("aux", "neg") for _, kind, _ in parts)
                parts.append((i, "to", word))
                break
            i = j
        else:
            break
        i -= 1
    parts.reverse()
    first = parts[0][0] if parts else head
    # "or be bussed", "being evacuated": no finite word, governed from outside the group
    finite = not (infinitive or (parts and parts[0][1] == "aux" and not AUXILIARY_TENSES[parts[0][2]]))
    head_word = items[head].lower
    # tense: of the first finite word
    tense = Tense.FUTURE if any(w in ("will", "shall") or (k == "modal" and w == "going") for _, k, w in parts) \
        else None
    if tense is None:
        first_word = next((w for _, k, w in parts if k in ("aux", "modal", "aspect", "be-to", "prevent")), head_word)
        told = AUXILIARY_TENSES.get(first_word)
        if told:
            tense = Tense(told)
        else:
            tense = Tense.PAST if first_word.endswith("ed") or first_word in IRREGULAR_PAST else Tense.PRESENT
    # voice: of the word right before the head
    inner = next((w for _, k, w in reversed(parts) if k != "neg"), None)
    voice = Voice.PASSIVE if inner in PASSIVE_AUXILIARIES and _participle(head_word) else Voice.ACTIVE
    perfect = any(k == "aux" and w in PERFECT_AUXILIARIES for _, k, w in parts)
    # modality: of the outermost modal
    modality = Modality.FACT
    for _, kind, word in parts:
        if kind == "aux" and word in MODAL_AUXILIARIES:
            modality = Modality(MODAL_AUXILIARIES[word])
            break
        if kind == "be-to":
            modality = Modality.PLANNED
            break
        if kind == "modal":
            meaning = MODAL_VERBS[word]
            if meaning == "refused":
                negated = True
                continue
            modality = Modality(meaning)
            break
    return VerbGroup(first, head, tense, voice, modality, negated, perfect, infinitive, finite)


def negation_in(tokens: Tokens, first: int, last: int) -> bool:
    """Whether ``tokens[first:last]`` negates or denies anything: a negation ("not", "never", "n't", "no longer")
    or a verb of refusal or denial ("refused reconciliation", "denied that ...") in any verb group of the clause.
    A clause that negates something ("it is not clear whether they will be bussed out") asserts none of its
    movements outright."""
    items = tokens.items
    for i in range(first, last):
        word = items[i].lower
        if word in NEGATIONS or word in DENIAL_VERBS or (word == "longer" and i > first and items[i - 1].lower == "no"):
            return True
        if word == "t" and i - 2 >= first and items[i - 1].text in _APOSTROPHES and items[i - 2].lower in _CONTRACTED:
            return True
    return False
