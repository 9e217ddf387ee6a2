"""Every domain word list of the text layer, once: the cue phrases, and the closed word classes of the chunks.

The scanners (:mod:`._cues`) and the chunker (:mod:`._chunks`) read their words from here; nothing here is a
pattern. A phrase is listed under one cue kind only: where phrases of two kinds start at one word, the longest
wins, so a phrase listed twice could only ever fire as one of them (:func:`shadowed_phrases` finds such listings;
a test keeps it empty).
"""

from __future__ import annotations

from typing import Final

import regex

__all__ = [
    "ADDITIVE_WORDS",
    "AFFILIATIONS",
    "AID_NOUNS",
    "ARTICLES",
    "ASKING_VERBS",
    "ASPECT_VERBS",
    "AUXILIARY_TENSES",
    "BESIDE_CROSSING",
    "BE_TO",
    "BREAKDOWN_HEDGES",
    "BREAKDOWN_PHRASES",
    "CARRIER_PREPOSITIONS",
    "CARRYING_VERBS",
    "CHANGE_WORDS",
    "CLAIM_CARRIERS",
    "CLOSED_CLASS",
    "COMPLETION_NOUNS",
    "COPYRIGHT_WORDS",
    "COUNTED_SINGULARS",
    "COUNT_OF_PEOPLE_AFTER",
    "COUNT_OF_PEOPLE_BEFORE",
    "COUNT_SLOT",
    "COUNT_SLOT_WORDS",
    "CREDIT_RELAYS",
    "CUE_FORMS",
    "CUE_PHRASES",
    "DAY_COORDINATORS",
    "DEADLINE_SKIPS",
    "DEADLINE_WORDS",
    "DEMAND_VERBS",
    "DEMONSTRATIVES",
    "DENIAL_VERBS",
    "DETERMINERS",
    "ELLIPSIS_HEDGES",
    "ELLIPSIS_JOINERS",
    "EVACUATED_NOUNS",
    "FAMILY_NOUNS",
    "FINITE_MOVEMENT_VERBS",
    "FURNITURE_PHRASES",
    "FURNITURE_WORDS",
    "GAPPING_JOINERS",
    "GOING_VERBS",
    "GOODS_VERBS",
    "GROUP_ADVERBS",
    "GROUP_NOUNS",
    "HALT_VERBS",
    "HEAD_NOUN_STOPS",
    "IRREGULAR_PAST",
    "LIST_WORDS",
    "LOCATIVE_PREPOSITIONS",
    "MILITARY_MODIFIERS",
    "MODAL_AUXILIARIES",
    "MODAL_VERBS",
    "NAMED_GROUP_NOUNS",
    "NAME_CONNECTORS",
    "NATIONALITIES",
    "NATIONAL_VOICES",
    "NEAR_WORDS",
    "NEGATIONS",
    "NEGATIVE_SUBJECTS",
    "NOMINAL_TIME_OPENERS",
    "NOT_DENIALS_AFTER_NO",
    "NOT_PLACE_NAMES",
    "OFFICIAL_NOUNS",
    "ONE_VEHICLE_DETERMINERS",
    "ONWARD_VERB_WORDS",
    "ONWARD_WORDS",
    "PASSIVE_AUXILIARIES",
    "PERFECT_AUXILIARIES",
    "PHOTO_WORDS",
    "PLACE_GOVERNORS",
    "PLACE_MODIFIERS",
    "PLACE_NOUNS_AFTER",
    "PLACE_NOUNS_BEFORE_OF",
    "PLACE_PART_NOUNS",
    "PREVENTION_VERBS",
    "PRONOUN_ADVERBS",
    "PRONOUN_SPEECH_VERBS",
    "QUESTION_OPENERS",
    "RELATIVE_LINKS",
    "RESTRICTIVE_PRONOUNS",
    "SEE_FORMS",
    "SINCE_WORDS",
    "SINGLE_VEHICLES",
    "SITE_NOUNS",
    "SOURCE_JOINERS",
    "TIME_SUBORDINATORS",
    "VEHICLE_COMPOUNDS",
    "WHOLE_DETERMINERS",
    "fills_count_slot",
    "phrase_words",
    "shadowed_phrases",
    "unlisted_forms",
]


def _words(*words: str) -> tuple[str, ...]:
    """Whole words or phrases of one cue kind; in a phrase, a space stands for any run of white space."""
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


#: Who holds the other side of a front line, and the nouns of that side ("government-held areas", "the regime
#: lands"): together they name where people fled to (the FLED cue phrases).
_SIDE_HOLDERS: Final = ("government", "government-held", "government-controlled", "regime", "regime-held",
                        "regime-controlled", "army-held", "army-controlled", "loyalist-held", "state-held",
                        "state-controlled")
_SIDE_NOUNS: Final = ("areas", "area", "lands", "territory", "territories", "side", "zones", "zone",
                      "neighbourhoods", "neighborhoods")


#: Verbs of going that end in the preposition of where they went: each tells a movement and opens its destination.
_GOING_PHRASES: Final = ("headed for", "heading for", "headed to", "heading to", "en route to", "set out for",
                         "set off for", "set out toward", "set out towards", "on their way to", "on its way to",
                         "made their way to", "making their way to")

#: The phrases of each cue kind (keyed by the name of the :class:`~._cues.Cue` member), each with a comment on
#: what it catches and why. A phrase is listed under one kind only (see :func:`shadowed_phrases`).
CUE_PHRASES: Final[dict[str, tuple[str, ...]]] = {
    # "according to SANA", "according to the military report"
    "ACCORDING_TO": _words("according to", "as reported by", "in the words of", "per"),
    # "citing a military source", "quoting SANA", "cited by"
    "CITING": _words("citing", "quoting", "cited", "quoted", "cited by", "quoted by"),
    # "told Reuters", "told AFP by phone": the outlet that heard the claim
    "TOLD": _words("told", "telling", "tells"),
    # claim verbs in any tense; "showed" covers television footage
    "SPEECH": _words(
        "said", "says", "say", "saying", "reported", "reports", "report", "reporting", "confirmed", "confirms",
        "confirm", "announced", "announces", "announce", "stated", "states", "added", "adds", "claimed", "claims",
        "showed", "shows", "denied", "denies", "deny", "estimated", "estimates", "documented", "counted", "noted",
        "warned", "insisted", "accused", "declared", "declares", "tallied", "recorded", "put the toll",
        "put the number", "quoted as saying", "aired", "broadcast", "revealed", "informed", "explained", "alleged",
        "alleges", "allege", "appealed", "appeals", "appeal", "appealing",
    ),
    # "AFP's correspondent", "an AFP reporter", "SANA correspondent", "Anadolu Agency correspondents"
    "CORRESPONDENT": _words("correspondent", "correspondents", "reporter", "reporters", "photographer",
                              "journalist", "journalists", "crew", "stringer"),
    # the origin of a movement
    "FROM": _words("from", "out of", "away from", "were from", "was from"),
    # the destination of a movement
    "TO": _words("to", "toward", "towards", "for", "bound for", "into", "onward to", "in the direction of",
                 # verbs of going with the preposition of where ("set out for X"): see GOING_PHRASE
                 *_GOING_PHRASES),
    # arrival: the place that follows is where the movement ended
    "ARRIVE": _words("arrived in", "arrived at", "arrives in", "arrives at", "arrive in", "arrive at", "arrive",
                       "arriving in", "arriving at", "reached", "reaches", "reach", "reaching", "arrived", "arrives",
                       # "got off buses in X", "coming off the buses in X": whoever gets off arrives there
                       "off buses in", "off the buses in", "entrance of", "entrance to"),
    # a crossing point is where a convoy leaves the enclave
    "CROSSING": _words("crossing", "crossings", "crossing point", "checkpoint", "exit point"),
    # leaving verbs take the origin as their object: "left Harasta", "quit the town of Douma"
    "LEAVE": _words("left", "leave", "leaves", "leaving", "quit", "quits", "quitting", "exited", "exit",
                      "exits", "exiting", "departed", "depart", "departs", "departing", "departure", "abandoned",
                      "pulled out of", "pulling out of", "withdrew from", "withdrawn from", "drove out",
                      "drove out of", "evacuated from", "evacuation from", "evacuations from",
                      "evacuating from", "withdrawal from", "withdrawals from", "exodus from", "exit from",
                      "transferred from", "bussed out of", "bused out of", "evacuating", "flown out of",
                      "airlifted from", "airlifted out of", "set off", "sets off", "setting off", "set out from",
                      "trucked out of", "shuttled out of"),
    # other movement words
    "MOVE": _words("evacuated", "evacuate", "evacuates", "evacuation", "evacuations", "bussed", "bused",
                     "transported", "transporting", "transferred", "transfer", "carrying", "carried", "carry",
                     "headed", "heading", "went", "drove", "boarded", "boarding", "taken by bus", "flown out",
                     "airlifted", "moved", "relocated", "trucked", "shuttled",
                     "withdrawals", "withdrawal", "withdrew", "departures", "exodus", "ferried", "ferrying",
                     "contained", "were on board", "on board", "aboard", "were aboard", "was aboard",
                     "made the journey", "journey",
                     # an aircraft of evacuation is no flight of fleeing ("the first medical evacuation flight")
                     "evacuation flight", "evacuation flights", "medical flight", "medical flights",
                     # "were brought to X", "were taken to X", "were driven to X"
                     "brought", "taken", "driven",
                     # "escorted 3,500 civilians out of X": people escorted move
                     "escorted", "escorting"),
    # the vehicles of a movement
    "CONVOY": _words("convoy", "convoys", "bus", "buses", "busses", "batch", "wave", "vehicles", "coaches",
                       "minibuses", "ambulances",
                       # a group ranked in a sequence of departures is a convoy ("the second group numbered
                       # 2,100"); a bare "group" is an armed group as often as not
                       "first group", "second group", "third group", "fourth group", "fifth group",
                       "sixth group", "last group", "final group", "next group", "latest group"),
    # empty buses driving in, or waiting: not a departure
    "ENTER": _words("entered", "enter", "enters", "entering", "gathering", "gathered", "waiting", "wait",
                      "parked", "lined up", "were parked"),
    # planned or agreed, not yet happened
    "PLANNED": _words("will", "expected to", "expected", "are to", "is to", "supposed to",
                        "set to", "scheduled", "scheduled to", "plan to", "plans to", "planned", "slated",
                        "slated to", "slated for", "registered to", "signed up to", "waiting to", "wait to",
                        "readiness", "ready to", "preparing to", "prepared to", "prepare to", "agreed to",
                        "are set to", "is due to", "are due to", "was due to", "were due to",
                        "to be evacuated", "to be bussed", "stipulates", "stipulated",
                        "provides for", "shall", "going to", "readying", "tomorrow", "trying to",
                        # what someone wants, demands or calls for has not happened
                        "wants", "want", "wanted", "demanded", "demands", "demanding", "called for", "calls for",
                        "calling for", "urged", "urges", "urging",
                        # what may happen has not happened ("up to 50,000 people could flee")
                        "could", "might", "at risk of"),
    # cumulative or windowed totals
    "CUMULATIVE": _words("so far", "in all", "overall", "already", "since", "to date", "altogether",
                           "in total", "total number", "the number of", "number of", "increased to",
                           "brings the total", "bringing the total", "surpassed", "has surpassed", "have since",
                           "taking the total", "takes the total", "raising the total", "raises the total",
                           "bringing the number", "taking the number", "raising the number",
                           "in recent weeks", "over the past", "in the past",
                           "cumulative", "also been evacuated", "have also", "has also", "daily",
                           # a stated duration makes a window ("left ... for two days", "in the past 24 hours")
                           # (<number> stands for any count word or digits: see COUNT_SLOT)
                           "for <number> days", "over <number> days", "in <number> days", "within <number> days",
                           "over the past <number> hours", "in the past <number> hours", "past <number> hours",
                           "over the past <number> days", "in the past <number> days", "past <number> days",
                           "over the last <number> days", "in the last <number> days",
                           "over the last <number> hours", "in the last <number> hours"),
    # the parts of a total that follow
    "BREAKDOWN": _words("including", "among them", "among whom", "of whom", "of them", "among"),
    "KILLED": _words("killed", "killing", "kills", "dead", "death toll", "died", "deaths", "death",
                       "lost their lives", "massacred", "perished", "toll",
                       # "claimed the lives of 1,600 civilians"
                       "claimed the lives of", "claiming the lives of", "took the lives of", "cost the lives of",
                       # the count is a part of the dead, not a breakdown of it ("28 fighters were among the dead")
                       "among the dead", "among the killed", "among those killed", "among the victims"),
    "WOUNDED": _words("wounded", "injured", "injuring", "wounding", "hurt", "injuries", "casualties"),
    # flight on foot: through corridors, across front lines, into government-held areas
    # going over to the other side is a flight: "left X towards the government lands", "into army-held areas"
    "FLED": _words("fled", "flee", "fleeing", "flight", "escaped", "escaping", "crossed", "crossed into",
                     "corridor", "corridors", "humanitarian corridor", "across front lines", "across the frontline",
                     "across frontlines", "across the front line",
                     *(f"{holder} {side}" for holder in _SIDE_HOLDERS for side in _SIDE_NOUNS),
                     *(f"under {holder} control" for holder in ("government", "regime", "army", "state"))),
    "DISPLACED": _words("displaced", "displacement", "forced to leave their homes", "uprooted",
                          "forced from their homes"),
    "SHELTERS": _words("shelters", "shelter", "sheltered", "collective shelters", "camps",
                         "received in shelters"),
    "REMAINING": _words("remain", "remained", "remaining", "remains", "stayed", "stayed behind", "still inside",
                        "trapped", "still in", "left behind", "stay",
                        # who has not left yet remains ("1,000 fighters are yet to leave")
                        "yet to leave", "yet to be evacuated", "still to leave", "waiting to leave",
                        "waiting to be evacuated", "have not left", "has not left",
                        # living somewhere is remaining there ("150,000 civilians believed to be living there")
                        "live in", "living in", "people live", "living", "still living", "live there",
                        # a siege holds people where they are ("30,000 people are still besieged"); "the
                        # besieged town" names a place, not who is in it
                        "still besieged", "are besieged", "were besieged", "is besieged", "besieged in",
                        "lived under siege", "living under siege", "live under siege", "still under siege",
                        "still encircled", "encircled in",
                        # a country or camp hosting refugees holds them ("Turkey hosts 3.6 million refugees")
                        "hosts", "hosting", "hosted"),
    "RESIDENTS": _words("residents", "home to", "population", "inhabitants"),
    "RELEASED": _words("released", "freed", "set free", "release", "abductees", "kidnapped", "hostages",
                         "detainees", "captives"),
    # people who went back home: a count of returns ("5,000 displaced people have returned to X")
    "RETURNED": _words("returned to", "returning to", "returned home", "returning home", "have returned",
                         "has returned", "returnees", "went back to", "came back to"),
    "EVACUATED": _words("bussed out", "taken out", "have left", "evacuees"),
    "OFFENSIVE": _words("offensive", "assault", "onslaught", "campaign", "push", "military operation",
                          "military operations", "counter-terrorist operation", "ground operation",
                          "air and ground", "bombardment", "attack on", "operations"),
    "AGREEMENT": _words("agreement", "deal", "deals", "accord", "agreed", "reconciliation", "settlement",
                          "arrangement", "brokered"),
    "NEGOTIATION": _words("talks", "negotiations", "negotiating", "negotiate", "negotiated", "negotiation",
                            "negotiators", "mediation"),
    "SURRENDER": _words("surrender", "surrendered", "capitulation", "capitulated", "laid down their arms",
                          "lay down their arms", "hand over their weapons", "handed over their weapons"),
    "CHEMICAL": _words("chemical attack", "chemical weapons", "chemical", "chlorine", "sarin", "toxic gas",
                         "poison gas", "gas attack", "nerve agent"),
    "AIR_STRIKE": _words("air strike", "air strikes", "airstrike", "airstrikes", "air raid", "air raids",
                           "barrel bombs", "warplanes"),
    "CEASEFIRE": _words("ceasefire", "cease-fire", "truce", "humanitarian pause"),
    "STATEMENT": _words("statement", "briefing", "press conference", "televised", "communique"),
    "BACKED_BY": _words("backed by", "sponsored by", "supported by", "funded by", "armed by", "allied to",
                          "allied with", "loyal to"),
    "BACKED": _words("-backed", "-sponsored", "-supported", "-funded"),
    "CLAUSE": _words("thus", "bringing", "while", "whereas", "meanwhile", "which", "who", "after which",
                       "but", "following", "in the wake of", "adding", "as well as"),
    "HISTORICAL": _words("previous", "previously", "earlier deals", "in previous", "last year",
                           # deals like the one reported, told in general
                           "similar deals", "similar deal", "similar agreements", "similar agreement"),
}


#: Finer forms of some cue phrases, keyed by the name of the :class:`~._cues.CueForm` member: what the rules need to
#: know of a cue beyond its kind. Every phrase here is a cue phrase of :data:`CUE_PHRASES` (a test checks it).
CUE_FORMS: Final[dict[str, tuple[str, ...]]] = {
    # verbs that tell a movement under a deal as such ("evacuated", "bussed")
    "EVACUATION_VERB": _words("evacuated", "bussed", "bused", "transferred", "relocated"),
    # relative pronouns that open a clause attached to a noun group ("buses, which carried ...")
    "RELATIVE_PRONOUN": _words("who", "which"),
    # "arrive" as a verb of its own, without the preposition that names where
    "BARE_ARRIVAL": _words("arrived", "arrive", "arrives"),
    # a count named as such ("the number of people who left"): a total, not one convoy's vehicles
    "NUMBER_OF": _words("total number", "the number of", "number of"),
    # words that sum the parts of a count ("2,100 people *in all*"): on one stated day, the people of that day's
    # movement, not a running total
    "SUM_WORD": _words("in all", "in total", "altogether", "overall"),
    # plural nouns of movement that summarise several movements ("evacuations from A and B")
    "PLURAL_MOVEMENT_NOUN": _words("evacuations", "departures", "withdrawals", "evacuations from",
                                   "withdrawals from"),
    # nouns that name a movement without telling it happened ("the evacuation is part of the agreement")
    "MOVEMENT_NOUN": _words("evacuation", "evacuation from", "departure", "withdrawal", "withdrawal from", "exodus",
                            "exodus from", "transfer", "exit", "exit from", "journey", "evacuation flight",
                            "medical flight"),
    # speech verbs that announce: the announcement may be the news itself ("declared the town free")
    "ANNOUNCEMENT": _words("announced", "announces", "declared", "declares"),
    # verbs of boarding: the locative after their object is where the movers left from ("boarded buses *in* X")
    "BOARDING_VERB": _words("boarded", "boarding"),
    # flight phrases that end in a preposition of destination: with vehicles, "crossed into X" tells where a
    # convoy went
    "INTO_PHRASE": _words("crossed into"),
    # arrival cues that are nouns ("at the entrance of X"): where something stands, not that it arrived
    "ARRIVAL_NOUN": _words("entrance of", "entrance to"),
    # deal words that are also nouns of place (Russian military usage: "the Arbil settlement", "left the
    # settlement")
    "PLACE_DEAL_WORD": _words("settlement"),
    # flight cues that name a way out, not a flight: an evacuation through one to a stated place is a movement
    "CORRIDOR_NOUN": _words("corridor", "corridors", "humanitarian corridor"),
    # singular nouns of one convoy or one batch of departures ("a convoy", "the second batch")
    "SINGULAR_MOVEMENT_NOUN": _words("convoy", "batch", "wave"),
    # destination phrases that hold their verb of going: "They headed for X" tells a movement as "They left for
    # X" does
    "GOING_PHRASE": _GOING_PHRASES,
}


#: The word of a cue phrase that stands for any count: digits, or one of :data:`COUNT_SLOT_WORDS` ("over
#: <number> days" is "over three days", "over 3 days", "over several days").
COUNT_SLOT: Final = "<number>"

#: The count words a :data:`COUNT_SLOT` takes besides digits.
COUNT_SLOT_WORDS: Final = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                     "eleven", "twelve", "several", "few"})


def fills_count_slot(word: str) -> bool:
    """Whether a lower-cased word may stand where a cue phrase has :data:`COUNT_SLOT`."""
    return word.isdigit() or word in COUNT_SLOT_WORDS

def phrase_words(phrase: str) -> tuple[str, ...]:
    """The words of a phrase, lower-cased, as the cue trie keys them ("cease-fire": ``("cease", "fire")``)."""
    return tuple(part for part in regex.split(r"(\s+|-)", phrase.lower())
                 if part and not part.isspace() and part != "-")


def unlisted_forms() -> list[str]:
    """The phrases of :data:`CUE_FORMS` that no cue kind lists: a form of a phrase the scanner never finds."""
    listed = {phrase_words(phrase) for phrases in CUE_PHRASES.values() for phrase in phrases}
    return [phrase for phrases in CUE_FORMS.values() for phrase in phrases if phrase_words(phrase) not in listed]


def shadowed_phrases() -> list[tuple[str, str, str]]:
    """The phrases listed under two cue kinds, as ``(phrase, first kind, second kind)``: where both match, only one
    kind can be found, so the other listing is dead."""
    seen: dict[tuple[str, ...], str] = {}
    found = []
    for kind, phrases in CUE_PHRASES.items():
        for phrase in phrases:
            key = phrase_words(phrase)
            if key in seen and seen[key] != kind:
                found.append((phrase, seen[key], kind))
            seen.setdefault(key, kind)
    return found


# --- The closed word classes of the chunks (see ._chunks) ------------------------------------------------------

#: Adjectives of nationality, lower-cased: they begin no place name ("from Lebanese territory") and may stand in
#: the noun group before one ("the Lebanese border town of X", "the Iraqi city of X").
NATIONALITIES: Final = frozenset({
    "syrian", "russian", "turkish", "iranian", "kurdish", "arab", "lebanese", "iraqi", "jordanian", "israeli",
    "palestinian", "egyptian", "saudi", "qatari", "emirati", "yemeni", "libyan", "afghan", "american", "british",
    "french", "german", "european", "ukrainian", "chechen", "armenian", "azerbaijani", "georgian", "sudanese",
    "somali", "pakistani", "lebanese-syrian", "syrian-lebanese", "syrian-turkish", "turkish-syrian",
    "iraqi-syrian", "syrian-iraqi", "syrian-jordanian", "jordanian-syrian",
})


#: Words that open a noun group: "the town of X", "its northern countryside".
DETERMINERS: Final = frozenset({"the", "a", "an", "its", "their", "this", "that", "these", "those", "his", "her"})

#: Words that may stand between a destination preposition and its place, in a closed noun group ("to the
#: rebel-held northern province of Idlib"): adjectives of direction and control, place nouns, and "of". A
#: hyphenated modifier is listed as written ("rebel-held"). An infinitive is none of them, so "managed to retake
#: areas around X" names no destination.
PLACE_MODIFIERS: Final = frozenset({
    "of", "in", "at",
    "northern", "southern", "eastern", "western", "northwestern", "northeastern", "southwestern", "southeastern",
    "north-western", "north-eastern", "south-western", "south-eastern", "central", "nearby", "rural", "syrian",
    "rebel-held", "rebel-controlled", "opposition-held", "opposition-controlled", "government-held",
    "government-controlled", "regime-held", "regime-controlled", "insurgent-held", "militant-held",
    "jihadist-held", "turkish-controlled", "turkish-held", "kurdish-held", "besieged", "former",
    "town", "towns", "city", "cities", "district", "districts", "neighbourhood", "neighborhood", "neighbourhoods",
    "neighborhoods", "village", "villages", "province", "provinces", "governorate", "area", "areas", "region",
    "countryside", "camp", "camps", "municipality", "suburb", "suburbs", "enclave", "pocket", "stronghold",
    "entrance", "direction", "quarter",
    # what a place is by its site: "the Lebanese border town of X", "the port city of X"
    "border", "frontier", "coastal", "port", "desert", "mountain", "mountainous", "frontline", "front-line",
    "capital", "hilltop", "farming", "industrial", "small", "remote",
    # where people are taken to stay: "to temporary shelters in X"
    "temporary", "collective", "makeshift", "shelter", "shelters", "centre", "centres", "center", "centers",
}) | NATIONALITIES

#: Nouns of a part of a place: after a place's possessive ("Aleppo's eastern *districts*", "X's old *quarter*"),
#: the noun group names a part of that place, so the place is the one meant.
PLACE_PART_NOUNS: Final = frozenset({
    "district", "districts", "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "quarter",
    "quarters", "pocket", "enclave", "outskirts", "countryside", "centre", "center", "suburb", "suburbs", "areas",
    "parts", "side", "sector", "sectors", "streets", "camp", "outskirt",
})

#: Nouns after a name that make the name a modifier of what follows, so that the name after them is the place
#: meant: "the Damascus suburb of Douma", "the Damascus countryside town of X".
PLACE_NOUNS_AFTER: Final = frozenset({"suburb", "suburbs", "countryside", "outskirts", "province", "region",
                                      "governorate"})

#: Nouns after an unknown name that make it the name of an armed group or a party, not a place: "fighters from
#: the Houthi movement", "members of the Wagner group".
NAMED_GROUP_NOUNS: Final = frozenset({
    "group", "groups", "faction", "factions", "militia", "militias", "movement", "brigade", "brigades", "battalion",
    "battalions", "organisation", "organization", "coalition", "alliance", "front", "corps", "party", "forces",
    "army", "fighters", "militants", "rebels", "unit", "units", "regiment",
})

#: Nouns after an unknown name that make it the name of a site: the place is the name after "in", when one
#: follows ("the Nasser hospital in X"), else the site itself ("the Azovstal plant").
SITE_NOUNS: Final = frozenset({
    "hospital", "hospitals", "plant", "factory", "steelworks", "works", "mill", "airport", "airbase", "base",
    "stadium", "school", "university", "mosque", "church", "square", "road", "highway", "bridge", "station",
    "complex", "compound", "building", "hotel", "prison", "port", "harbour", "harbor", "terminal",
})

#: Nouns of settlements that, between a name and "of", make the name a modifier of the name after "of": "the
#: Ghouta town of X", "the Idlib village of X". ("district", "camp" and "area" are left out: "the X district of Y"
#: names the district X as often as a district of X.)
PLACE_NOUNS_BEFORE_OF: Final = frozenset({"town", "towns", "village", "villages", "city", "cities"})

#: Lower-case words that join the words of one name: "Hajar al-Aswad", "Deir ez-Zor", "Ras al Ain".
NAME_CONNECTORS: Final = frozenset({
    "al", "el", "ad", "ar", "as", "ash", "at", "az", "ez", "es", "an", "bin", "ibn", "bani", "beni", "de", "du",
})

#: The words and marks that join the names of a list: "Arbin, Zamalka and Jobar", "A & B".
LIST_WORDS: Final = frozenset({"and", "&", ","})

#: Capitalised words that begin no place name when a movement preposition governs them: days, months, titles,
#: pronouns, adjectives of nationality ("from Monday", "to President X", "toward Turkish lines").
NOT_PLACE_NAMES: Final = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "president",
    "minister", "general", "colonel", "mr", "mrs", "ms", "dr", "i", "we", "they", "he", "she", "it", "the", "a",
    "an", "this", "that", "these", "those", "there", "here", "today", "tomorrow", "yesterday", "tonight",
    "christmas", "ramadan", "eid", "god", "allah",
    "red", "un", "united", "state", "islamic", "government", "army", "regime", "rebel", "rebels", "opposition",
    "his", "her", "their", "its", "our", "my", "your", "all", "some", "many", "most", "each", "every",
    "north", "south", "east", "west", "news", "agency", "centre", "center", "ministry", "committee", "office",
    "organization", "organisation", "observatory", "human", "rights", "media", "television", "tv", "radio",
    # the first words of armed groups' names: "fighters from Jabhat X" names no place
    "jaish", "jabhat", "liwa", "harakat", "ahrar", "faylaq", "failaq", "hayat", "hay'at", "kataib", "saraya",
    "ansar", "jund", "fatah", "fateh", "tahrir", "hezbollah", "hizbollah", "daesh", "isis", "isil",
}) | NATIONALITIES

#: Closed-class words that end an open noun group (prepositions, conjunctions, auxiliaries, pronouns, words of
#: relative location): an origin group ("left the besieged enclave of X") may hold any other words before its name.
CLOSED_CLASS: Final = frozenset({
    "to", "for", "toward", "towards", "into", "from", "by", "with", "after", "before", "via", "through", "until",
    "as", "while", "when", "where", "which", "who", "that", "since", "on", "over", "but", "was",
    "were", "is", "are", "be", "been", "has", "have", "had", "will", "would", "said", "says", "near", "outside",
    "around", "south", "north", "east", "west", "edge", "outskirts", "inside", "across", "under", "within",
})

# --- Number phrases ----------------------------------------------------------------------------------------------

#: Words of change before "from X to Y": "rose from 40 to 60" states two values in time, not a range, while
#: "anywhere from 4,000 to 6,000" and "estimates range from 2,000 to 2,500" state one amount with two ends.
CHANGE_WORDS: Final = frozenset({
    "rose", "risen", "rise", "rises", "rising", "grew", "grown", "grow", "grows", "growing", "increased",
    "increase", "increases", "increasing", "jumped", "jumps", "climbed", "climbs", "climbing", "soared", "surged",
    "swelled", "swollen", "fell", "fallen", "fall", "falls", "falling", "dropped", "drops", "dropping", "declined",
    "decreased", "dipped", "shrank", "shrunk", "went", "gone", "going", "up", "down", "doubled", "tripled",
    "revised", "changed", "raised", "lowered", "cut", "moved",
})

#: Singular nouns after which "one" is a count ("one bus", "One child was killed"); elsewhere the bare "one" is a
#: pronoun or determiner ("one of the convoys", "one day", "no one", "one another"). A family or a household is
#: not a person: "members of one family" counts no one by "one".
COUNTED_SINGULARS: Final = frozenset({
    "person", "civilian", "fighter", "militant", "rebel", "gunman", "terrorist", "insurgent", "combatant",
    "militiaman", "soldier", "officer", "policeman", "child", "kid", "infant", "baby", "boy", "girl", "woman", "man",
    "resident", "inhabitant", "villager", "evacuee", "refugee", "patient", "volunteer", "worker", "medic", "doctor",
    "nurse", "journalist", "detainee", "prisoner", "hostage", "captive", "bus", "vehicle",
    "truck", "lorry", "car", "ambulance", "convoy",
})

# --- Officials in attribution ----------------------------------------------------------------------------------

#: The nouns of people who speak for an institution, and whether they speak for its military (``True``) or its
#: government (``False``): "a Russian officer said", "a senior Turkish official said".
OFFICIAL_NOUNS: Final[dict[str, bool]] = {
    **dict.fromkeys(("officer", "officers", "commander", "commanders", "general", "colonel", "soldier", "soldiers",
                     "serviceman", "servicemen"), True),
    **dict.fromkeys(("official", "officials", "diplomat", "diplomats", "minister", "spokesman", "spokeswoman",
                     "spokesperson", "envoy", "ambassador", "source", "sources"), False),
}

#: Words in an official's noun group that make it speak for the military: "a Syrian army official".
MILITARY_MODIFIERS: Final = frozenset({"military", "army", "defence", "defense", "air", "naval"})

#: Adjectives of nationality before an official noun, and the sources that speak for that country's military and
#: government (the government when the gazetteer has no military source for the country).
NATIONAL_VOICES: Final[dict[str, tuple[str, str]]] = {
    "russian": ("Russian military", "Russian government"),
    "syrian": ("Syrian military", "Syrian government"),
    "turkish": ("Turkish government", "Turkish government"),
    "iranian": ("Iranian government", "Iranian government"),
    "american": ("United States", "United States"),
    "iraqi": ("Iraqi government", "Iraqi government"),
    "ukrainian": ("Ukrainian government", "Ukrainian government"),
    "armenian": ("Armenian government", "Armenian government"),
    "azerbaijani": ("Azerbaijani government", "Azerbaijani government"),
}

# --- Background clauses ------------------------------------------------------------------------------------------

#: Conjunctions that open a subordinate clause of time: with a subject and a finite verb of its own ("after all
#: gunmen left those towns for Idlib") the clause tells an earlier movement, background to the main clause's.
TIME_SUBORDINATORS: Final = frozenset({"after", "since"})

#: The forms of movement verbs that can head a finite clause (past and present tenses, and participles after an
#: auxiliary); the nouns among the movement cues ("evacuation", "departure", "exodus") head none.
FINITE_MOVEMENT_VERBS: Final = frozenset({
    "left", "leave", "leaves", "quit", "quits", "exited", "exits", "departed", "departs", "abandoned", "pulled",
    "withdrew", "withdrawn", "drove", "driven", "arrived", "arrive", "arrives", "reached", "reach", "reaches",
    "evacuated", "evacuate", "evacuates", "bussed", "bused", "transported", "transferred", "headed", "went", "moved",
    "relocated", "ferried", "brought", "taken", "fled", "crossed", "returned", "trucked", "shuttled",
})

#: Words that end the noun group after a count before any noun is found: a verb, an auxiliary, a preposition, a
#: conjunction or a pronoun ("900 *were* on board the buses" counts no buses, "20 buses *and* 13 ambulances").
HEAD_NOUN_STOPS: Final = CLOSED_CLASS | FINITE_MOVEMENT_VERBS | frozenset({
    "and", "or", "nor", "but", "they", "it", "he", "she", "we", "who", "aboard", "board", "not",
    "no", "also", "did", "do", "does", "each", "per", "than", "like", "in", "at", "out", "off", "up", "down", "said",
    "say", "says", "told", "reported", "killed", "died", "fled", "remain", "remained", "remaining", "stayed",
    "being", "been", "got", "get", "among", "including", "times", "percent", "year", "years", "days", "hours",
})

# --- Verb groups (see ._verbs) ----------------------------------------------------------------------------------

#: The auxiliaries of a verb group, and the tense each gives when it is the first (finite) word of the group.
AUXILIARY_TENSES: Final[dict[str, str]] = {
    **dict.fromkeys(("is", "are", "am", "has", "have", "do", "does", "can", "may", "must", "should", "gets",
                     "get"), "present"),
    **dict.fromkeys(("was", "were", "had", "did", "could", "might", "would", "got"), "past"),
    **dict.fromkeys(("will", "shall"), "future"),
    **dict.fromkeys(("be", "been", "being", "getting", "having"), ""),  # never finite
}

#: The forms of "be" and "get" that make a following participle passive ("were bussed", "got evacuated").
PASSIVE_AUXILIARIES: Final = frozenset({"is", "are", "am", "was", "were", "be", "been", "being", "get", "gets",
                                         "got", "getting"})

#: The forms of "have" that make a group perfect ("have left", "had been evacuated").
PERFECT_AUXILIARIES: Final = frozenset({"has", "have", "had", "having"})

#: The modal auxiliaries and the modality each gives a group (the value of a :class:`~._verbs.Modality`).
MODAL_AUXILIARIES: Final[dict[str, str]] = {
    "will": "future", "shall": "future", "would": "conditional", "could": "conditional", "might": "conditional",
    "may": "conditional", "should": "expected", "must": "ordered", "can": "allowed",
}

#: Verbs and adjectives that take a "to"-infinitive and give it a modality ("were expected to leave", "are due to
#: be evacuated", "were ordered to leave"); a verb of refusal or failure negates what follows ("refused to leave").
MODAL_VERBS: Final[dict[str, str]] = {
    **dict.fromkeys(("planned", "plan", "plans", "planning", "scheduled", "slated", "set", "due", "prepared",
                     "preparing", "ready", "agreed", "agree", "agrees", "decided", "intend", "intends", "intended",
                     "registered", "waiting", "wait"), "planned"),
    **dict.fromkeys(("expected", "expect", "expects", "likely", "supposed", "going", "about", "trying", "tried",
                     "hoped", "hope", "hopes", "want", "wants", "wanted"), "expected"),
    **dict.fromkeys(("ordered", "told", "asked", "instructed", "required", "demanded", "urged", "called"),
                    "ordered"),
    **dict.fromkeys(("allowed", "permitted", "able", "unable", "free", "authorised", "authorized"), "allowed"),
    **dict.fromkeys(("refused", "refuse", "refuses", "refusing", "failed", "fail", "fails", "declined",
                     "decline", "declines"), "refused"),
}

#: Verbs of aspect that take a "to"-infinitive and leave what it tells a fact ("began to leave").
ASPECT_VERBS: Final = frozenset({"began", "begin", "begins", "beginning", "started", "start", "starts", "starting",
                                 "continued", "continue", "continues", "continuing", "managed", "manage",
                                 "manages", "resumed", "used", "came", "went", "proceeded"})

#: Words that negate a verb group; "no longer" is read as one.
NEGATIONS: Final = frozenset({"not", "never"})

#: Verbs that refuse or deny what their object or clause states ("refused reconciliation", "denied that ...").
DENIAL_VERBS: Final = frozenset({"refused", "refuse", "refuses", "denied"})

#: Words that open a clause of what is asked or not known ("asked *whether* 3,000 had left"); "if" only after
#: one of :data:`ASKING_VERBS` ("would not *say if* 500 had left").
QUESTION_OPENERS: Final = frozenset({"whether", "if"})
#: Verbs of saying or knowing after which "if" opens a clause of what is asked.
ASKING_VERBS: Final = frozenset({"say", "said", "says", "ask", "asked", "asks", "know", "knew", "known", "clear",
                                 "confirm", "confirmed", "tell", "told", "unclear", "sure", "wondered"})

#: Determiners between "of" and the count of the whole a part is counted of ("300 of *the* 1,500 fighters").
WHOLE_DETERMINERS: Final = frozenset({"the", "those", "these", "its", "their", "some", "about", "around",
                                      "nearly", "roughly", "almost", "over"})

#: Words that place a site by a place ("camps *near* X").
NEAR_WORDS: Final = frozenset({"near", "outside"})

#: The forms of "see" that govern an object and a verb of what happens to it ("the deal would *see* them leave").
SEE_FORMS: Final = frozenset({"see", "sees", "saw", "seen", "seeing"})

#: Verbs that keep someone from what the "from" after them governs ("were *prevented* from leaving").
PREVENTION_VERBS: Final = frozenset({"prevented", "prevent", "prevents", "barred", "bar", "bars", "blocked",
                                     "block", "blocks", "stopped", "stop", "stops", "banned", "kept"})

#: Determiners and pronouns that deny a subject ("*no* buses left", "*none* of the fighters left").
NEGATIVE_SUBJECTS: Final = frozenset({"no", "none", "neither", "nobody", "nothing"})

#: Words after "no" that make it part of a hedge or of "no longer", not a denial ("*no fewer than* 500 left").
NOT_DENIALS_AFTER_NO: Final = frozenset({"fewer", "less", "more", "longer", "sooner", "later", "doubt"})

#: Adverbs that may stand inside a verb group without changing its reading ("have also left", "were finally
#: allowed to leave").
GROUP_ADVERBS: Final = frozenset({"also", "then", "finally", "later", "reportedly", "already", "still", "just",
                                  "now", "eventually", "all", "both", "soon", "yet", "again", "initially", "first",
                                  "apparently", "allegedly", "gradually", "safely", "successfully"})

#: Past forms that do not end in "-ed" (past tense or participle): a group of one of them alone is in the past.
IRREGULAR_PAST: Final = frozenset({
    "left", "fled", "went", "gone", "took", "taken", "drove", "driven", "brought", "came", "got", "gotten", "sent",
    "set", "put", "quit", "withdrew", "withdrawn", "began", "begun", "made", "held", "kept", "ran", "saw", "seen",
    "told", "said", "gave", "given", "bore", "borne", "rode", "ridden", "stood", "lost", "met", "found", "bound",
    "shot", "hit", "fell", "fallen", "led", "struck", "thrown", "threw", "built", "spent", "known", "stuck",
})

# --- Clause readers (see ._readers) ------------------------------------------------------------------------------

#: Nouns of who or what moves: a clause without counts tells a movement only when one of them is its subject
#: ("fighters left", "the convoy drove out").
MOVER_WORDS: Final = frozenset({
    "fighters", "militants", "rebels", "gunmen", "terrorists", "insurgents", "jihadists", "civilians", "evacuees",
    "people", "families", "relatives", "residents", "members", "group", "groups", "convoy", "convoys", "buses",
    "busses", "bus", "wave", "batch", "opposition", "withdrawals", "departures", "exodus", "evacuation",
    "evacuations",
})

#: Nouns of people who move: a clause whose subject is one of them and whose verb is a verb of entering tells an
#: arrival ("the rebels were allowed to enter X"); buses that enter have not left, troops that enter deploy.
PEOPLE_MOVERS: Final = frozenset({
    "fighters", "militants", "rebels", "gunmen", "terrorists", "insurgents", "jihadists", "civilians", "evacuees",
    "people", "families", "relatives", "residents", "members", "passengers",
})

#: Verbs of evacuation that, active with people who move as subject, take the place left as their object ("rebels
#: evacuate X", "600 people evacuated the town").
EVACUATE_VERBS: Final = frozenset({"evacuate", "evacuates", "evacuated"})

#: Hedges between the mark that sets off a count in apposition and the count ("civilians—*approximately* 25
#: people").
APPOSITION_HEDGES: Final = frozenset({"some", "about", "around", "nearly", "almost", "roughly", "approximately",
                                      "an", "estimated", "over", "more", "than", "up", "to", "at", "least",
                                      "perhaps", "possibly", "maybe", "reportedly"})

#: Marks that set off a count of people in apposition after a noun of who they are ("only fighters, some 300
#: people,").
APPOSITION_MARKS: Final = frozenset({",", "(", "—", "–", "-"})

#: Nouns of armed forces deployed by a state or its allies: a clause whose subject is one of them and whose verb is
#: one of :data:`DEPLOYMENT_VERBS` tells a deployment ("the army moved into X", "troops advanced toward X").
FORCE_NOUNS: Final = frozenset({"army", "armies", "troops", "soldiers", "forces", "police", "units", "tanks"})

#: Verbs of advancing or entering: with a force as subject, the place after them is where the force deployed.
DEPLOYMENT_VERBS: Final = frozenset({
    "move", "moves", "moved", "moving", "enter", "enters", "entered", "entering", "advance", "advances", "advanced",
    "advancing", "push", "pushes", "pushed", "pushing", "deploy", "deploys", "deployed", "deploying", "march",
    "marches", "marched", "marching", "storm", "storms", "stormed", "storming", "roll", "rolls", "rolled", "rolling",
    "sweep", "sweeps", "swept", "sweeping",
})

#: Words of reinforcing a front: fighters moved to reinforce one are deployed, not evacuated.
REINFORCEMENT_WORDS: Final = frozenset({"reinforce", "reinforces", "reinforced", "reinforcing", "reinforcement",
                                        "reinforcements", "bolster", "bolsters", "bolstered", "bolstering"})

#: Prepositions and adverbs that open a leading adverbial phrase closed by a comma ("After inspection, the buses
#: ...", "On Monday, they ..."): the subject after it may still refer back.
ADVERBIAL_OPENERS: Final = frozenset({"after", "before", "on", "at", "in", "by", "later", "earlier", "upon",
                                      "once", "then", "meanwhile", "overnight", "shortly", "soon"})

#: Words that mark a movement as one more of a series ("another convoy", "a further batch", "a new group").
ANOTHER_WORDS: Final = frozenset({("another",), ("other",), ("a", "further"), ("a", "new")})

#: The nouns a series word counts ("another convoy", "other groups").
SERIES_NOUNS: Final = frozenset({"group", "groups", "convoy", "convoys", "batch", "wave"})

#: Words before a series noun that rank one more movement of a series ("a *second* batch", "the *next* group").
SERIES_RANKS: Final = frozenset({"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                                 "next", "last", "final", "further", "new", "latest", "another"})

#: Nouns by which a clause's subject refers back to the movement just told ("The convoy headed north", "The 17
#: buses contained ...").
MOVEMENT_ANAPHOR_NOUNS: Final = frozenset({"convoy", "convoys", "buses", "busses", "bus", "evacuees", "vehicles",
                                           "batch", "wave", "group"})

#: Determiners of such a subject.
ANAPHOR_DETERMINERS: Final = frozenset({"the", "these", "those", "this", "that"})

#: Adverbs between "it" and its movement verb ("It then reached X").
PRONOUN_ADVERBS: Final = frozenset({"then", "later", "finally"})

#: The relative pronouns between a passive verb group and its subject: "the accord that was reached".
RELATIVE_LINKS: Final = frozenset({"that", "which"})

#: The relative pronouns of a restrictive clause ("the families *who* were evacuated"); "that" only after a noun
#: of people, where it cannot open a reported statement.
RESTRICTIVE_PRONOUNS: Final = frozenset({"who", "whom", "that"})

#: The forms of "be" before "to" that make a plan: "are to leave", "was to be evacuated".
BE_TO: Final = frozenset({"is", "are", "am", "was", "were"})

#: Verbs after which "it" is the movement told before ("It reached Idlib late on Sunday", "It carried 900 people").
PRONOUN_MOVEMENT_VERBS: Final = frozenset({"reached", "arrived", "left", "headed", "departed", "drove", "continued",
                                           "carried", "transported", "ferried", "took", "brought"})

#: Nouns after a place's possessive that make the place the state that acts ("Damascus's forces").
ACTOR_NOUNS: Final = frozenset({"forces", "government", "army", "troops", "allies", "military", "regime",
                                "offensive", "assault"})

#: Verbs after a place name that make the place the state that acts ("Damascus is using", "Moscow brokered").
ACTOR_VERBS: Final = frozenset({
    "has", "have", "had", "is", "was", "were", "are", "will", "would", "wants", "insists", "agreed", "accused",
    "denies", "deny", "denied", "launched", "used", "using", "sent", "backed", "backs", "supports", "brokered",
    "mediated", "decided", "decides", "said", "says", "agrees", "refused", "rejected", "announced",
})

#: The nouns after which a capitalised run of words names an armed group ("the Tell Marwan Brigade fighters",
#: "the Northern Storm group"), as written (lower case).
FACTION_NOUNS: Final = frozenset({"group", "brigade", "brigades", "battalion", "faction", "movement", "front",
                                  "fighters", "militants", "militia", "rebels"})

#: Lower-case words that may join the capitalised words of an armed group's name ("Jaish al Islam", "Army of
#: Islam").
FACTION_NAME_CONNECTORS: Final = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "bin", "ibn", "of",
                                            "the"})

#: Verbs that demand or propose what their object names: "called for a ceasefire" is a demand, not a ceasefire.
DEMAND_VERBS: Final = frozenset({
    "called", "calls", "call", "calling", "demanded", "demands", "demand", "demanding", "urged", "urges", "urge",
    "urging", "appealed", "appeals", "sought", "seeks", "seek", "proposed", "proposes", "propose",
})

# --- Page furniture (see ._page) ---------------------------------------------------------------------------------

#: Phrases that open a paragraph of page furniture, as tuples of lower-cased words: "Subscribe", "Contact Us",
#: "Related article: ...", "Read more: ...", "Share this", "Published <date>".
FURNITURE_PHRASES: Final = frozenset({
    ("subscribe",), ("subscribe", "now"), ("contact", "us"), ("related",), ("related", "article"),
    ("related", "articles"), ("related", "stories"), ("read", "more"), ("read", "also"), ("also", "read"),
    ("see", "also"), ("share",), ("share", "this"), ("share", "on"), ("follow", "us"), ("sign", "up"),
    ("advertisement",), ("click", "here"), ("published",), ("updated",), ("last", "updated"), ("most", "read"),
    ("print",), ("email",), ("comments",), ("tags",), ("more", "on", "this"), ("recommended",),
})

#: Words of a site's menus and links: three of them on a line without a sentence stop make the line a menu.
FURNITURE_WORDS: Final = frozenset({
    "subscribe", "newsletter", "newsletters", "login", "register", "account", "menu", "search", "home", "share",
    "print", "email", "comments", "commented", "obits", "weather", "puzzles", "games", "traffic", "sports",
    "opinion", "latest", "stories", "paper", "video", "videos", "podcasts", "contact", "advertise", "privacy",
    "terms", "facebook", "twitter", "whatsapp", "telegram", "linkedin", "instagram",
})

#: Words of a copyright line: "Copyright 2018 X. All rights reserved."
COPYRIGHT_WORDS: Final = frozenset({"copyright", "reserved"})

# --- Photo credits ---------------------------------------------------------------------------------------------

#: Words that open a photo credit before a colon: "(Photo: Reuters)", "Picture: AFP".
PHOTO_WORDS: Final = frozenset({"photo", "photos", "photograph", "picture", "pictures", "image"})
#: The words of a photo credit between the agency that took it and the agency that relays it: "(SANA via AP)".
CREDIT_RELAYS: Final = frozenset({"via"})

# --- Words that govern a name or a date ------------------------------------------------------------------------

#: Prepositions before which a name stands where only a place can ("in Douma", "from the Damascus"): a name so
#: governed does not speak and is no party.
LOCATIVE_PREPOSITIONS: Final = frozenset({
    "in", "at", "from", "to", "near", "outside", "inside", "of", "into", "toward", "towards", "around",
})

#: Words before a date that make it the start of a period running to the report's day ("since March 18").
SINCE_WORDS: Final = frozenset({"since", "from", "starting"})

# --- Words around a count --------------------------------------------------------------------------------------

#: Phrases right before a count (past "some" or "about") that make it a part of the count before it: "1,000
#: people, including 300 fighters", "among them about 40 children", "of whom 12 were wounded".
BREAKDOWN_PHRASES: Final = frozenset({("including",), ("among",), ("among", "them"), ("of", "whom")})

#: Phrases right before a count without a noun that make it a count of people: "killed 1,400", "surpassed 57,500",
#: "raised the toll to 90".
COUNT_OF_PEOPLE_BEFORE: Final = frozenset({
    ("killed",), ("kill",), ("become",), ("surpassed",), ("exceeded",), ("reached",), ("to",), ("toll", "at"),
    ("toll", "of"),
    # a group's size: "the second group numbered 2,100"
    ("numbered",), ("numbering",), ("totalled",), ("totaled",), ("totalling",), ("totaling",),
    # a group of persons by its size: "another group of 350 left X"
    ("group", "of"), ("batch", "of"),
})

#: Pronouns after "of" that make a count without a noun a part of people named before ("400 *of them* left").
PARTITIVE_PRONOUNS: Final = frozenset({"them", "those", "these"})

#: Words right after a count without a noun that make it a count of people: "6.5 million have been forced".
COUNT_OF_PEOPLE_AFTER: Final = frozenset({"have", "had", "has", "were", "are", "was", "more"})

# --- Source anaphors ---------------------------------------------------------------------------------------------

#: Determiners of a noun that refers back to a source named before: "the channel said", "this agency reported".
DEMONSTRATIVES: Final = frozenset({"the", "this", "that"})

#: The speech verbs after which "it" or "they" refers back to the last source named: "it said", "they reported".
PRONOUN_SPEECH_VERBS: Final = frozenset({"said", "says", "added", "reported", "reports", "announced", "stated"})

# --- Words the rules read around their cues -------------------------------------------------------------------

#: What may join two sources named together: "SANA and the Observatory", "AFP, Reuters".
SOURCE_JOINERS: Final = frozenset({"and", ",", "the", "a", "an"})
#: The nouns of what carries a source's claim, before "by", "from" or "of" and the source: "according to SANA and a
#: statement by the WHO", "figures from the Observatory".
CLAIM_CARRIERS: Final = frozenset({"statement", "statements", "report", "reports", "figures", "data", "tally",
                                   "count", "estimate", "estimates", "communique", "briefing", "bulletin",
                                   "account", "accounts", "sources", "source"})
#: The articles, which make the claim word after them a noun that tells no speech: "a report", "the claims".
ARTICLES: Final = frozenset({"a", "an", "the"})
#: The prepositions that join a claim's carrier to its source: "a statement by", "figures from", "a report of".
CARRIER_PREPOSITIONS: Final = frozenset({"by", "from", "of"})
#: Verbs of going after "N <people>": "2,000 Druze left".
GOING_VERBS: Final = frozenset({"left", "fled", "arrived", "departed", "reached", "crossed", "returned"})
#: Words that may stand between a breakdown phrase and its count: "including some 300".
BREAKDOWN_HEDGES: Final = frozenset({"some", "about"})
#: Verbs that carry people, right before a count whose noun is a word of a breakdown: the count is of the people
#: the movement carried ("one bus carrying 45 wounded", "ferried some 30 sick").
CARRYING_VERBS: Final = frozenset({("carrying",), ("carried",), ("carry",), ("carries",), ("transporting",),
                                   ("transported",), ("ferrying",), ("ferried",), ("evacuating",), ("evacuated",),
                                   ("bringing",), ("brought",)})
#: Nouns of goods a convoy carries: a convoy "carrying food" or an "aid convoy" moves goods, not people.
AID_NOUNS: Final = frozenset({
    "aid", "food", "foodstuffs", "supplies", "medicine", "medicines", "flour", "wheat", "fuel", "goods", "relief",
    "provisions", "water", "nutrition", "vaccines", "equipment",
})
#: Verbs that carry goods, before the goods: "carrying food", "loaded with flour", "delivering aid" (not "with":
#: "with the assistance of").
GOODS_VERBS: Final = frozenset({"carrying", "carried", "carry", "carries", "delivering", "delivered", "loaded",
                                "bringing", "brought", "transporting", "transported"})
#: The prepositions that name the town a crossing stands by ("a crossing point on the outskirts of X").
BESIDE_CROSSING: Final = frozenset({"of", "in", "at", "near", "outside", "by"})
#: Words that join a second count to a movement told before it, its verb and places left out ("..., and another
#: 800 on Tuesday", "followed by a further 700").
ELLIPSIS_JOINERS: Final = frozenset({"and", ",", "then", "by", "while", "with"})
#: Words that join a second clause whose subject is a bare count, its noun left out as the first clause's
#: ("40 buses left X, *while* 25 left Y", "300 fighters quit X *and* 120 quit Y", "...; 450 were evacuated from Y").
GAPPING_JOINERS: Final = frozenset({"and", "while", "whereas", "but", "whilst", ";"})
#: Words that mark a count as added to one before it: "another 800", "a further 700", "15 more".
ADDITIVE_WORDS: Final = frozenset({"another", "further", "more", "additional"})
#: Hedges that may stand between an additive word and its count ("another some 800", "a further nearly 700").
ELLIPSIS_HEDGES: Final = frozenset({"some", "about", "around", "nearly", "almost", "roughly", "over", "a"})
#: Words that join two days into a run of days ("on Sunday *and* Monday", "from Friday *to* Sunday").
DAY_COORDINATORS: Final = frozenset({"and", "to", "through", "until", "till", "-", "\u2013"})
#: Words that open a noun group of time ("*after* the withdrawal of X", "*following* the departure of X").
NOMINAL_TIME_OPENERS: Final = frozenset({"after", "following", "before"})
#: Nouns of completion that may stand between the opener and the movement noun ("after *the completion of* the
#: exit of X").
COMPLETION_NOUNS: Final = frozenset({"completion", "end", "conclusion", "completing", "finishing"})
#: Words that govern a place as their object: a deal word after them is a place ("left the settlement").
PLACE_GOVERNORS: Final = frozenset({"left", "leave", "leaving", "leaves", "quit", "exited", "entered", "from",
                                    "into", "inside", "outside", "near"})
#: Prepositions that make a date a deadline: a count reached "by Sunday" is a running total.
DEADLINE_WORDS: Final = frozenset({"by"})
#: Words that may stand between the deadline preposition and the date ("by *late* Monday", "by *the end of*").
DEADLINE_SKIPS: Final = frozenset({"late", "early", "the", "end", "of", "this", "last"})
#: Singular nouns of one vehicle: "a bus carrying 25 people" counts one bus.
SINGLE_VEHICLES: Final = frozenset({"bus", "coach", "minibus"})
#: Determiners before a singular vehicle noun that make it a count of one vehicle: "a bus", "her bus" (a possessive
#: name, "Sami's bus", does too).
ONE_VEHICLE_DETERMINERS: Final = frozenset({"a", "an", "his", "her", "my"})
#: Nouns after a vehicle noun that make it a modifier, not a vehicle ("a bus station", "a bus driver").
VEHICLE_COMPOUNDS: Final = frozenset({"station", "stop", "depot", "garage", "terminal", "route", "routes", "driver",
                                      "drivers", "company", "park", "lane"})

#: Words that open the next step of a journey before its verb and preposition ("stopped at X *before* driving
#: on to Y", "reached X and *then* continued to Y"): the place after the preposition is where the convoy went on to.
ONWARD_WORDS: Final = frozenset({"before", "then", "later", "eventually", "finally", "afterwards", "subsequently"})
#: Words that may stand between an onward word and the preposition of the place: a verb and "on".
ONWARD_VERB_WORDS: Final = frozenset({"on", "onward", "onwards", "continued", "continuing", "continue", "heading",
                                      "headed", "driving", "drove", "moving", "moved", "travelling", "traveling",
                                      "travelled", "traveled", "proceeding", "proceeded", "going", "went",
                                      "leaving", "left", "setting", "set", "out", "off", "being", "were", "was",
                                      "taken", "transferred", "bussed", "bused", "transported"})

#: The phrases of the EVACUATED cue that are nouns: the others are verbs of leaving that govern where the movers
#: left ("have left X", "were taken out of X").
EVACUATED_NOUNS: Final = frozenset({"evacuees"})

#: Verbs of a halt on the way: a crossing or checkpoint "stopped at" is a point the convoy passed, not where it
#: left from ("stopped at the X checkpoint before driving on to Y").
HALT_VERBS: Final = frozenset({"stopped", "stopping", "halted", "halting", "paused", "pausing", "stops", "halts",
                               "passed", "passing"})

# --- The noun group of a count of fighters with their families (see ._cues.head_noun) -------------------------

#: Words that tie counted fighters to the group they belong to, before its name: "900 gunmen *affiliated to* X
#: and their families", "fighters *loyal to* X", "militants *from* X".
AFFILIATIONS: Final = ("from", "of", "loyal to", "belonging to", "affiliated to", "affiliated with", "linked to",
                       "allied to", "allied with", "aligned with", "associated with", "attached to")
#: Common nouns that may close the name of an armed group: "the Faylaq al-Rahman *militant group*".
GROUP_NOUNS: Final = ("group", "groups", "militant group", "armed group", "rebel group", "terrorist group",
                      "faction", "factions", "militia", "militias", "movement", "brigade", "brigades",
                      "organisation", "organization", "coalition", "alliance", "front", "corps")
#: Nouns of the families that a count of fighters takes in: "and their *families*", "with their *wives*".
FAMILY_NOUNS: Final = ("families", "family", "family members", "relatives", "dependants", "dependents", "wives",
                       "kin", "children", "companions", "carers", "escorts")
