"""The trigger words of events: the noun and verb lemmas of each event kind and the word
sets that the conditions on their neighbours use (see kg.extract.triggers)."""
from __future__ import annotations

NOUN_TRIGGERS = {
    "visit": "StateVisit", "trip": "StateVisit", "delegation": "StateVisit",
    "exercise": "MilitaryExercise", "drill": "MilitaryExercise", "manoeuvre": "MilitaryExercise",
    "wargame": "MilitaryExercise",
    "invasion": "Invasion", "incursion": "Invasion",
    "war": "War", "fight": "War",
    "recognition": "Recognition",
    "summit": "Summit", "meeting": "Meeting", "talks": "Meeting", "consultations": "Meeting",
    "consultation": "Meeting", "discussion": "Meeting", "negotiation": "Meeting",
    "forum": "Meeting", "session": "Meeting", "round": "Meeting", "conflict": "War",
    "conference": "Meeting", "conclave": "Meeting", "roundtable": "Meeting",
    "agreement": "Agreement", "accord": "Agreement", "treaty": "Agreement", "protocol": "Agreement",
    "pact": "Agreement", "deal": "Agreement",
    "mou": "MemorandumOfUnderstanding", "memorandum": "MemorandumOfUnderstanding",
    "memoranda": "MemorandumOfUnderstanding", "mous": "MemorandumOfUnderstanding",
    "offer": "Offer",
    "mediation": "MediationOffer",
    "collapse": "StateDissolution", "disintegration": "StateDissolution",
    "dissolution": "StateDissolution", "breakup": "StateDissolution", "break-up": "StateDissolution",
    "status": "ObserverStatusChange", "membership": "MembershipChange", "member": "MembershipChange",
    "support": "StatementOfSupport",
    "contact": "Meeting", "conversation": "Meeting", "call": "Meeting",
    "embargo": "SanctionsChange", "sanction": "SanctionsChange", "sanctions": "SanctionsChange",
    "relation": "EstablishmentOfRelations", "relations": "EstablishmentOfRelations",
    "tie": "EstablishmentOfRelations", "ties": "EstablishmentOfRelations",
}
VERB_TRIGGERS = {
    "visit": "StateVisit", "invade": "Invasion", "recognise": "Recognition", "recognize": "Recognition",
    "meet": "Meeting", "agree": "Agreement", "sign": "Agreement", "offer": "Offer", "invite": "Offer",
    "mediate": "MediationOffer", "join": "MembershipChange", "support": "StatementOfSupport",
    "receive": "Meeting", "host": "Meeting", "send": "StateVisit", "dispatch": "StateVisit",
    "admit": "MembershipChange", "travel": "StateVisit", "welcome": "StatementOfSupport",
    "lift": "SanctionsChange", "impose": "SanctionsChange", "call": "Meeting",
    "arrive": "StateVisit", "land": "StateVisit",
    "end": "SanctionsChange", "remove": "SanctionsChange", "ease": "SanctionsChange",
    "discuss": "Meeting", "interact": "Meeting", "confer": "Meeting",
    "fly": "StateVisit", "journey": "StateVisit", "telephone": "Meeting", "phone": "Meeting",
    "speak": "Meeting", "talk": "Meeting",
}
EXERCISE_MODIFIERS = {"military", "joint", "naval", "air", "army", "friendship", "tactical",
                      "counter-terrorism", "anti-terror", "war", "combat", "drill", "multinational",
                      "bilateral", "trilateral", "maritime", "amphibious", "counterterrorism", "anti-terrorism",
                      "mountain", "airborne", "special-forces", "command-post"}
PEOPLE_NOUNS = {"delegation", "team", "teams", "inspector", "official", "envoy", "mission", "expert",
                "minister", "officer", "representative", "ship", "frigate", "warship", "vessel"}
ASPIRE_VERBS = {"apply", "seek", "want", "hope", "aim", "plan", "wish", "try", "aspire", "intend", "bid"}
GAIN_VERBS = {"get", "gain", "obtain", "grant", "give", "accord", "receive", "award", "win", "achieve"}
JOIN_VERBS = {"join", "enter", "become", "gain", "obtain", "get", "grant", "admit"}
SUPPORT_VERBS = {"express", "extend", "voice", "pledge", "announce", "reiterate", "declare", "offer"}
ESTABLISH_VERBS = {"establish", "build", "normalise", "normalize", "restore", "forge", "open"}
BEGIN_VERBS = {"begin", "start", "commence"}
PLACE_OCCASION_VERBS = {"take", "hold", "occur", "happen"}
SIGNED_THINGS = {"agreement", "accord", "treaty", "mou", "memorandum", "deal", "contract", "protocol", "declaration",
                 "convention"}
# "signed a handful of accords", "a number of agreements", "a package of documents"
QUANTITY_NOUNS = {"handful", "number", "series", "set", "package", "raft", "couple", "range", "dozen", "dozens",
                  "slew", "batch", "bunch", "total"}
GROUP_NOUNS = {"alliance", "organisation", "organization", "bloc", "pact", "union", "treaty", "group"}
IRREALIS = {"brink", "threat", "risk", "fear", "danger", "possibility", "verge", "prospect"}
SCHEDULED = {"potential", "impending", "planned", "upcoming", "proposed", "expected", "possible",
             "likely", "future", "forthcoming", "prospective", "scheduled"}
POSTPONE = {"postpone", "delay", "defer", "put"}
DEMONSTRATIVES = {"this", "these", "that", "those", "such"}
PLACE_PREPS = {"in", "at", "to", "from", "into", "near", "on"}
TEMPORAL_PREPS = {"since", "during", "after", "before", "until", "till", "throughout", "amid", "following"}
SPEECH_VERBS = {"say", "state", "announce", "assure", "promise", "declare", "tell", "confirm", "reiterate"}
TWO_SIDED = {"War", "Invasion"}
# nouns that name a meeting only when it is held ("held discussions with", "engaged in
# negotiations", "the negotiations took place"), not a topic ("under discussion")
HELD_NOUNS = {"discussion", "negotiation", "roundtable"}
HOLD_VERBS = {"hold", "have", "conduct", "begin", "start", "open", "resume", "host",
              "launch", "complete", "conclude", "finish", "wrap"}
ENGAGE_VERBS = {"engage", "involve", "participate"}
# "Moscow stood ready to help", "is willing to supply": an offer made by its subject
READY_WORDS = {"ready", "willing"}
OFFERED_ACTS = {"help", "assist", "supply", "provide", "mediate"}
TRIGGER_WORDS = VERB_TRIGGERS.keys() | NOUN_TRIGGERS.keys() | READY_WORDS


def lexicon_kind(token) -> str | None:
    """The kind the noun lexicon gives a word, by its lemma or its form ("talks"), whatever
    the trigger rules make of it where it stands (:func:`kg.extract.triggers.trigger_kind`)."""
    return NOUN_TRIGGERS.get(token.lemma_.lower()) or NOUN_TRIGGERS.get(token.lower_)
