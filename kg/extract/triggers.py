"""Trigger words of events and the conditions on their neighbours that make them one.

A trigger is a noun or verb lemma from the tables below ("visit", "exercise",
"invasion", "recognise", ...), sometimes with a condition on its neighbours ("observer
status" only when it is gained or given, "relations" only when established or begun).
Triggers in irrealis frames ("the brink of war"), negated, or anaphoric ("this offer")
are not events.
"""
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
    "conference": "Meeting", "conclave": "Meeting",
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
    "contact": "Meeting",
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
SIGNED_THINGS = {"agreement", "accord", "treaty", "mou", "memorandum", "deal", "contract", "protocol"}
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
HELD_NOUNS = {"discussion", "negotiation"}
HOLD_VERBS = {"hold", "have", "conduct", "begin", "start", "open", "resume",
              "launch", "complete", "conclude", "finish", "wrap"}
ENGAGE_VERBS = {"engage", "involve", "participate"}
# "Moscow stood ready to help", "is willing to supply": an offer made by its subject
READY_WORDS = {"ready", "willing"}
OFFERED_ACTS = {"help", "assist", "supply", "provide", "mediate"}
TRIGGER_WORDS = VERB_TRIGGERS.keys() | NOUN_TRIGGERS.keys() | READY_WORDS


def trigger_kind(token) -> str | None:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB":
        kind = VERB_TRIGGERS.get(lemma)
        if kind == "Agreement" and lemma == "sign":
            objects = [c.lemma_.lower() for c in token.children if c.dep_ == "dobj"]
            if not any(o in SIGNED_THINGS for o in objects) or any(o in NOUN_TRIGGERS for o in objects):
                return None  # "signed an agreement": the noun carries the event
        if kind == "Offer" and any(t.lemma_.lower() in {"mediate", "mediator", "mediation"} for t in token.subtree):
            return "MediationOffer"
        if kind == "Offer" and lemma == "invite" and not _invites_to_come(token):
            return None
        if token.dep_ == "xcomp" and token.head.lemma_.lower() in WISH_VERBS:
            return None  # "he wanted to visit Russia": a wish, not a planned event
        if kind == "Offer" and lemma == "offer" and not _offers_something(token):
            return None
        if kind == "MembershipChange" and lemma == "admit":
            return _admitted_as(token)
        if kind == "MembershipChange" and (not _joins_group(token) or _infinitive(token)):
            return None  # "applied to join BRICS", "welcomed Islamabad to join the SCO": a hope, not a joining
        if kind == "Meeting" and lemma in TALK_VERBS and not _talks_with_someone(token):
            return None  # "the two ministers discussed ...", "interacted with senior officials of"
        if kind == "Meeting" and lemma == "call" and not _calls_on_someone(token):
            return None  # "called on Lavrov" (a courtesy call), not "called on India to show restraint"
        if kind == "Meeting" and lemma in {"receive", "host"} and _hosts_ships(token):
            return "StateVisit"  # "Russian naval vessels were hosted in Karachi": a navy's port call
        if kind == "Meeting" and lemma in {"receive", "host"} and (not _hosts_people(token) or _receives_an_arrival(token)):
            return None  # "was received at the airport by X": the arrival, a part of the visit
        if kind == "StateVisit" and lemma in {"send", "dispatch"} and not _sends_people(token):
            return None
        if kind == "StatementOfSupport" and lemma == "welcome":
            if welcomes_a_visitor(token):
                return "StateVisit"  # "looked forward to welcoming Putin to Islamabad": Putin visits
            return kind if _welcomes_a_step(token) else None
        if kind == "StatementOfSupport" and not _supports_agent(token):
            return None
        if kind == "SanctionsChange" and not _sanctions_changed(token):
            return None
        if kind == "Recognition" and not any(c.dep_ == "dobj" and c.pos_ == "PROPN" for c in token.children):
            return None
        if kind == "StateVisit" and lemma == "travel" and not _travels_to_place(token):
            return None
        if kind == "StateVisit" and lemma in ARRIVAL_VERBS and not _arrives_in_place(token):
            return None
        if kind is None and lemma in ESTABLISH_VERBS | BEGIN_VERBS:
            return None
        return kind
    if token.pos_ == "ADJ" and token.lemma_.lower() in READY_WORDS:
        return _ready_to_give(token)
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    kind = NOUN_TRIGGERS.get(lemma) or NOUN_TRIGGERS.get(token.lower_)
    if kind is None:
        return None
    if _anaphoric(token):
        return None
    head = token.head
    head_lemma = head.lemma_.lower()
    if kind == "War" and any(c.lower_ == "cold" for c in token.children if c.dep_ in {"amod", "compound"}):
        return None  # "the Cold War years", "Cold War foes": a period, not a war the text reports
    if kind == "StateVisit" and lemma == "delegation" and not _sent_to_place(token):
        return None  # "a delegation of officials to Moscow" is a visit; "the Russian delegation said" is not
    if kind == "MilitaryExercise" and lemma == "exercise":
        # "a joint military exercise", "a two-week joint training exercise" ("joint" on "training")
        if not _modifier_words(token) & EXERCISE_MODIFIERS:
            return None
    if kind in {"Agreement", "MemorandumOfUnderstanding"} and not (_signed(token) or _reached(token)):
        return None  # "brief Washington on the protocol": a reference, not the signing
    if kind == "ObserverStatusChange":
        if not any(c.lower_ == "observer" for c in token.children) or head_lemma not in GAIN_VERBS:
            return None
    if kind == "MembershipChange" and (head_lemma not in JOIN_VERBS or token.dep_ not in {"dobj", "attr", "oprd"}
                                       or head.tag_ == "VBG"):
        return None  # "became a full member"; not "keen on becoming a member"
    if kind == "StatementOfSupport" and not (token.dep_ == "dobj" and (
            head_lemma in SUPPORT_VERBS or (head_lemma in {"provide", "give"} and reported(head)))):
        return None
    if kind == "Meeting" and lemma == "contact" and head_lemma not in PLACE_OCCASION_VERBS:
        return None
    if kind == "Meeting" and lemma in HELD_NOUNS and not _held(token):
        return None
    if kind == "Meeting" and lemma == "forum" and (not (_modifier_words(token) & FORUM_TOPICS) or (
            token.dep_ == "pobj" and head.lower_ in {"during", "amid", "on"})):
        return None  # "a trade and investment forum" is held; "a forum for dialogue" is a platform;
        # "talks during the ... Industrial Forum": the forum is the talks' occasion
    if kind == "Meeting" and lemma == "session" and not _session_of_a_body(token):
        return None
    if kind == "Meeting" and lemma == "round" and not _round_of_meetings(token):
        return None
    if kind == "Meeting" and lemma in {"conference", "conclave"} and not _named_gathering(token):
        return None
    if kind == "Meeting" and lemma == "meeting" and _of_heads(token):
        return "Summit"  # "the annual meeting of the heads of state of the SCO", "the SCO Heads of Government meeting"
    if kind == "War" and lemma == "conflict" and not any(
            c.dep_ == "prep" and c.lower_ in {"between", "with", "in"} and any(o.pos_ == "PROPN" for o in c.subtree)
            for c in token.children):
        return None  # "the conflict between Russia and Ukraine"; not "conflicts should be resolved"
    if kind == "SanctionsChange" and head_lemma not in {"lift", "impose", "ease", "remove", "end"}:
        return None
    if kind == "SanctionsChange":
        return None  # the verb carries it
    if kind == "EstablishmentOfRelations":
        established = token.dep_ in {"dobj", "nsubjpass"} and head_lemma in ESTABLISH_VERBS
        begun = token.dep_ == "nsubj" and head_lemma in BEGIN_VERBS
        if not (established or begun):
            return None
    if kind == "StateDissolution" and not any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)
        for c in token.children
    ):
        return None
    if kind == "Offer" and any(t.lemma_.lower() in {"mediate", "mediator", "mediation"} for t in token.subtree):
        return "MediationOffer"
    if kind == "MediationOffer" and not any(t.lemma_.lower() == "offer" for t in [head, *token.children]):
        return None
    return kind


WISH_VERBS = {"want", "wish", "hope", "desire", "like", "love", "seek", "try", "aspire", "dream"}


def _infinitive(verb) -> bool:
    """"to join": a verb with its "to" (a membership hoped for, welcomed or invited)."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _invites_to_come(verb) -> bool:
    """"was invited by the Soviet government", "invited Putin to visit Pakistan"; not
    "inviting the Russians close" (an invitation to attend is left to kg.extract.realis)."""
    return any(c.dep_ == "nsubjpass" for c in verb.children) or any(c.dep_ == "xcomp" for c in verb.children)


def _offers_something(verb) -> bool:
    """"offered to mediate", "Russia offered arms": an infinitive, or an agent as subject
    (also the subject of a governing "is reported to have offered")."""
    if any(c.dep_ == "xcomp" for c in verb.children):
        return True
    cur = verb
    for _ in range(3):
        subjects = [c for c in cur.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            return any(s.pos_ in {"PROPN", "PRON"} for s in subjects)
        if cur.dep_ != "xcomp" or cur.head is cur:
            return False
        cur = cur.head
    return False


SIGN_VERBS = {"sign", "initial", "conclude", "ink", "reach", "finalise", "finalize", "agree", "negotiate",
              "approve", "ratify", "strike", "seal", "announce", "signing", "conclusion"}


def _signed(noun) -> bool:
    """An agreement noun with its making: "signed a protocol", "the protocol was signed",
    "a protocol, initialled in Moscow", "the signing of MOUs", "the 1966 agreement"."""
    head = noun.head
    if head.lemma_.lower() in SIGN_VERBS and noun.dep_ in {"dobj", "nsubjpass", "pobj", "attr"}:
        return True
    if head.lower_ == "of" and head.head.lemma_.lower() in SIGN_VERBS:
        return True
    return any(c.dep_ in {"acl", "relcl", "amod"} and c.lemma_.lower() in SIGN_VERBS for c in noun.children) \
        or any(c.dep_ in {"nummod", "compound"} and c.like_num for c in noun.children)


def _reached(noun) -> bool:
    """"the new defence pact between Russia and Pakistan", "the agreement between Defence
    Minister Asif and his Russian counterpart", "February's agreement to build a railway":
    a definite agreement of named parties, or one dated by a possessive, was reached (not
    "a broader deal between the two countries", not "the proposed agreement", not "the
    first deals between Russia and China would come this autumn")."""
    if any(c.dep_ == "amod" and c.lower_ in SCHEDULED for c in noun.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ in {"will", "would", "shall", "could", "may", "might", "should"}
           for c in noun.head.children):
        return False
    if any(c.dep_ == "poss" and c.ent_type_ == "DATE" for c in noun.children):
        return True
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "between" and any(o.pos_ == "PROPN" for o in c.subtree)
               for c in noun.children)


FORUM_TOPICS = {"trade", "investment", "business", "economic", "energy", "industrial", "investors"}
SUB_SESSIONS = {"technical", "opening", "closing", "plenary", "inaugural", "concluding", "breakout", "question",
                "parallel", "working"}
# "welcomed the decision / the agreement / the step": backing someone's act, not greeting a guest
WELCOMED_ACTS = {"decision", "agreement", "move", "step", "initiative", "deal", "proposal", "offer", "resolution",
                 "announcement", "plan", "statement", "effort", "participation", "role", "bid", "stance", "position",
                 "commitment", "idea", "meeting", "talks", "visit", "accession", "membership", "ceasefire"}


def _modifier_words(noun) -> set[str]:
    return {t.lower_ for c in noun.children if c.dep_ in {"compound", "amod", "nmod"} for t in c.subtree}


def _session_of_a_body(noun) -> bool:
    """"the ninth session of the Intergovernmental Commission"; not "technical sessions"."""
    if _modifier_words(noun) & SUB_SESSIONS:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(o.pos_ == "PROPN" for o in c.subtree)
               for c in noun.children)


PRESS_WORDS = {"news", "press", "video", "media", "telephone", "phone", "donor", "donors", "academic"}


def _named_gathering(noun) -> bool:
    """"the 7th Moscow conference on international security", "the Moscow format
    conference", "the SCO Council of Foreign Ministers conference", "a conclave of the
    foreign ministers of the SCO": a conference named by a place, a body or its members
    (not "a news conference", not "a security conference" left unnamed)."""
    words = _modifier_words(noun)
    if words & PRESS_WORDS:
        return False
    named = any(c.dep_ in {"compound", "nmod", "amod"} and any(t.pos_ == "PROPN" for t in c.subtree)
                for c in noun.children)
    of_body = any(c.dep_ == "prep" and c.lower_ == "of" and any(o.pos_ == "PROPN" for o in c.subtree)
                  for c in noun.children)
    return named or of_body


ROUND_OF = {"talks", "consultations", "negotiations", "discussions", "dialogue", "meetings"}


def _round_of_meetings(noun) -> bool:
    """"the 15th round of the Pakistan-Russia Consultative Group", "the second round of
    consultations": a numbered round of a body's sessions or of talks (not "a round of
    sanctions", "all-round cooperation", "a round figure")."""
    if noun.pos_ != "NOUN" or not any(c.dep_ in {"amod", "nummod"} and (c.like_num or c.tag_ == "JJ" and (
            c.lower_ in ORDINAL_WORDS or c.lower_[:-2].isdigit())) for c in noun.children):
        return False
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and (obj.pos_ == "PROPN" or obj.lower_ in ROUND_OF):
                    return True
    return False


ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "next", "last", "latest", "previous", "new", "final", "eleventh", "twelfth"}


def _welcomes_a_step(verb) -> bool:
    """"The ambassador welcomed the Pakistani decision to import oil"; not "welcomed him"."""
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return False  # "was warmly welcomed by": a greeting
    if verb.tag_ == "VB" or verb.dep_ == "xcomp":
        return False  # "Pakistan should welcome these offers", "is unlikely to welcome": advice or guess
    return any(c.dep_ == "dobj" and c.lemma_.lower() in WELCOMED_ACTS for c in verb.children)


def welcomes_a_visitor(verb) -> bool:
    """"welcoming President Putin to Islamabad", "welcome the Russian delegation to
    Pakistan": a person or delegation welcomed to a place is a visit of theirs (not "welcomed
    the decision", nor "welcomed Sharif in Samarkand", a greeting where both came)."""
    if not any(c.dep_ == "dobj" and c.lemma_.lower() not in WELCOMED_ACTS and c.tag_ not in {"WDT", "WP"} and (
            c.pos_ == "PROPN" or c.lemma_.lower() in PEOPLE_NOUNS or c.ent_type_ in {"PERSON", "NORP"})
            for c in verb.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(
        o.dep_ == "pobj" and o.ent_type_ in {"GPE", "LOC"} for o in c.children) for c in verb.children)


def _held(noun) -> bool:
    """"held discussions", "engaged in negotiations", "discussions with X", "there were
    discussions", "the negotiations took place / were on May 27"."""
    head = noun.head
    lemma = head.lemma_.lower()
    if noun.dep_ == "pobj" and head.lower_ in {"through", "via", "by", "under", "for"}:
        return False  # "settled through negotiations", "under discussion", "calls for talks"
    if noun.dep_ == "dobj" and lemma in HOLD_VERBS:
        return True
    if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_.lower() in ENGAGE_VERBS:
        return True
    if noun.dep_ in {"nsubj", "nsubjpass"} and (lemma in PLACE_OCCASION_VERBS | BEGIN_VERBS | {"end", "conclude"} or (
            lemma == "be" and any(c.dep_ == "prep" and c.lower_ in {"on", "in", "at"} for c in head.children))):
        return True
    if noun.dep_ == "attr" and lemma == "be" and any(c.dep_ == "expl" for c in head.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ in {"with", "between"} for c in noun.children)


def _travels_to_place(verb) -> bool:
    """"the minister travelled to Moscow": a person travels to a named place (not "goods
    travel by sea")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    goes = any(c.dep_ == "prep" and c.lower_ == "to" and any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in c.children)
               for c in verb.children)
    return goes and any(_people_like(s) for s in subjects)


def _arrives_in_place(verb) -> bool:
    """"Tajik premier Kokhir Rasulzoda has already landed in Pakistan", "Putin arrived in
    China": a person (or a delegation, a ship) arrives in a named country or city, a visit
    (not "wheat arrived in Karachi", not "arrived back in Islamabad", nor "arrived at a
    consensus")."""
    if any(c.lower_ in {"back", "home"} for c in verb.children):
        return False
    if not any(c.dep_ == "nsubj" and _people_like(c) and c.tag_ != "PRP" and not _cargo(c) for c in verb.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(
        o.dep_ == "pobj" and o.pos_ == "PROPN" and o.ent_type_ in {"GPE", "LOC"} for o in c.children)
        for c in verb.children)


NAVAL_WORDS = {"naval", "navy", "war", "warship", "frigate", "destroyer", "corvette"}


def _cargo(noun) -> bool:
    """"the first ship carrying Russian crude": a ship or vessel that is no navy's."""
    if noun.lemma_.lower() not in {"ship", "vessel", "tanker", "cargo", "shipment", "consignment"}:
        return False
    return not any(t.lower_ in NAVAL_WORDS for t in noun.subtree)


SANCTION_WORDS = {"embargo", "sanction", "sanctions"}


def _sanctions_changed(verb) -> bool:
    """"lifted its arms embargo", "the sanctions were eased", "sanctions imposed against
    Russia" (the participle on the noun)."""
    if any(c.lemma_.lower() in SANCTION_WORDS for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}):
        return True
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.lemma_.lower() in SANCTION_WORDS


TALK_VERBS = {"discuss", "interact", "confer"}
PAIR_WORDS = {"two", "both"}


def _talks_with_someone(verb) -> bool:
    """"X discussed ... with Y", "the issue was discussed between Pakistan and Russia", "the
    two ministers discussed", "Sharif and Putin discussed", "officers interacted with senior
    officials": two sides talking (not "the cabinet discussed the proposal", not "the issues
    discussed at the meeting")."""
    if verb.dep_ in {"acl", "amod", "relcl"} or verb.tag_ == "VBG" and verb.dep_ != "ROOT":
        return False
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in {"with", "between"} and any(
                o.dep_ == "pobj" and (_people_like(o) and o.tag_ != "PRP" or o.pos_ == "PROPN") for o in c.children):
            return True
    for c in verb.children:
        if c.dep_ != "nsubj":
            continue
        if c.pos_ == "PROPN" and any(g.dep_ == "conj" and g.pos_ == "PROPN" for g in c.children):
            return True  # "Sharif and Putin discussed"
        if c.tag_ == "NNS" and any(g.lower_ in PAIR_WORDS for g in c.children):
            return True  # "the two ministers discussed"
    return False


def _admitted_as(verb) -> str | None:
    """"X was admitted as an observer/member": observer status or membership."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for obj in prep.children:
                if obj.lemma_.lower() == "observer":
                    return "ObserverStatusChange"
                if obj.lemma_.lower() in {"member", "state"}:
                    return "MembershipChange"
    return None


def _ready_to_give(adj) -> str | None:
    """"Moscow stood ready to help the Pakistani people", "Russia is willing to mediate": an
    offer when a named party (or "we") is ready to help, supply or mediate; not "both seem
    ready to discard the past", not "ready to help if asked" in a question or wish."""
    acts = [c for c in adj.children if c.dep_ == "xcomp" and c.pos_ == "VERB" and c.lemma_.lower() in OFFERED_ACTS]
    verb = adj.head
    if not acts or adj.dep_ not in {"acomp", "oprd"} or verb.lemma_.lower() not in {"be", "stand", "remain"}:
        return None
    if not any(c.dep_ == "nsubj" and c.pos_ in {"PROPN", "PRON"} and c.lower_ not in {"it", "they"} for c in verb.children):
        return None
    return "MediationOffer" if acts[0].lemma_.lower() == "mediate" else "Offer"


def _sent_to_place(noun) -> bool:
    """"a large delegation of Pakistani officials to Moscow": a group going to a named place
    (not "a delegation to the meeting", not "the delegation met ...")."""
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(
        o.dep_ == "pobj" and o.pos_ == "PROPN" and o.ent_type_ in {"GPE", "LOC"} for o in c.children)
        for c in noun.children)


def _of_heads(token) -> bool:
    """"meeting of the heads of state", "Heads of Government meeting", "Council of Heads of
    State": a meeting of heads of state or government, a summit."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in {"head", "heads"} \
            and any(c.dep_ == "compound" and c.lower_ in {"state", "government"} for c in token.children):
        return True  # "the SCO Heads of Government meeting", parsed as "Heads of [Government meeting]"
    words = [t.lower_ for t in token.subtree if t.i != token.i]
    return any(w in {"head", "heads"} and i + 2 < len(words) and words[i + 1] == "of"
               and words[i + 2] in {"state", "states", "government", "governments"} for i, w in enumerate(words))


def _people_like(token) -> bool:
    if token.tag_ in {"WDT", "WP"}:
        return False  # "the meeting, which Russia will host", "wheat, which will be sent"
    return token.pos_ in {"PROPN", "PRON"} or token.lemma_.lower() in PEOPLE_NOUNS or token.ent_type_ in {"PERSON", "NORP", "ORG"}


# "called on the President", "called on the Prime Minister": a person by title
CALLED_TITLES = {"president", "minister", "premier", "chancellor", "king", "emir", "ambassador", "envoy",
                 "secretary", "governor", "chairman", "chief", "speaker", "general", "leader", "counterpart"}


def _calls_on_someone(verb) -> bool:
    """"X called on Y" (the diplomatic courtesy call): "on"/"upon" with a person named or
    titled, and no infinitive saying what Y is asked to do ("called on India to show
    restraint", "called on the parties to the conflict to ...")."""
    if any(c.dep_ in {"xcomp", "ccomp"} or (c.dep_ == "advcl" and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in c.children)) for c in verb.children):
        return False
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"on", "upon"}:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or any(g.dep_ in {"acl", "relcl"} and any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in g.children) for g in obj.children):
                continue
            if obj.pos_ == "PROPN" and obj.ent_type_ == "PERSON" or obj.lower_ in CALLED_TITLES:
                return True
            if obj.pos_ == "PROPN" and any(c.lower_ in CALLED_TITLES for c in obj.children if c.dep_ == "compound"):
                return True
    return False


SHIP_WORDS = {"ship", "vessel", "warship", "frigate", "destroyer", "corvette", "submarine", "flotilla"}


def _hosts_ships(verb) -> bool:
    """"Russian naval vessels were hosted in Karachi", "Pakistan received two Russian
    warships": a navy's ships hosted or received, a visit (a port call), no meeting."""
    return any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in SHIP_WORDS and not _cargo(c)
               for c in verb.children)


def _hosts_people(verb) -> bool:
    """"received X", "X was received by Y", "teams were hosted in Moscow"."""
    return any(c.dep_ in {"dobj", "nsubjpass"} and _people_like(c) for c in verb.children)


ARRIVAL_PLACES = {"airport", "airbase", "tarmac", "terminal", "station"}
ARRIVAL_WORDS = {"arrival", "landing", "touchdown"}
ARRIVAL_VERBS = {"arrive", "land"}


def _receives_an_arrival(verb) -> bool:
    """"X received Imran Khan at the airport", "on arrival he was received by X", "landed in
    Moscow and was received by X": a reception of an arriving guest, a part of the visit and
    no meeting (the annotation guide: a meeting is agents coming together to talk)."""
    for c in verb.children:
        if c.dep_ == "prep" and any(o.dep_ == "pobj" and (o.lemma_.lower() in ARRIVAL_PLACES or (
                c.lower_ in {"on", "upon"} and o.lemma_.lower() in ARRIVAL_WORDS)) for o in c.children):
            return True
    if verb.dep_ == "conj" and verb.head.lemma_.lower() in ARRIVAL_VERBS:
        return True
    return any(c.dep_ == "conj" and c.lemma_.lower() in ARRIVAL_VERBS for c in verb.children)


def _sends_people(verb) -> bool:
    """"inspectors were sent to Karachi": people sent to a named place (not "sending a
    delegation to further cooperation", a purpose the parser hangs on "to" as a preposition)."""
    people = any(c.dep_ in {"dobj", "nsubjpass"} and (_people_like(c) or c.lemma_.lower().rstrip("s") in PEOPLE_NOUNS)
                 for c in verb.children)
    goes = any(c.dep_ == "prep" and c.lower_ == "to" and any(
        o.dep_ == "pobj" and (o.pos_ == "PROPN" or o.ent_type_ in {"GPE", "LOC", "FAC"}) for o in c.children)
        for c in verb.children)
    return people and goes


def reported(verb) -> bool:
    """True when a clause is the content of someone's statement ("X said that ...")."""
    cur = verb
    for _ in range(3):
        if cur.dep_ in {"ccomp", "xcomp"} and cur.head.lemma_.lower() in SPEECH_VERBS:
            return True
        if cur.head is cur:
            return False
        cur = cur.head
    return False


def _anaphoric(token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in token.children)


def irrealis(token) -> bool:
    if any(c.dep_ == "neg" for c in token.children):
        return True
    head = token.head
    if head.dep_ == "prep" and head.lower_ == "of" and head.head.lemma_.lower() in IRREALIS:
        return True
    return False


def _joins_group(verb) -> bool:
    for c in verb.children:
        if c.dep_ == "dobj":
            if c.pos_ == "PROPN" or c.lemma_.lower() in GROUP_NOUNS:
                return True
    return False


def _supports_agent(verb) -> bool:
    return any(c.dep_ == "dobj" and c.pos_ == "PROPN" for c in verb.children)
