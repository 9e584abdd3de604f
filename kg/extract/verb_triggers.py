"""Verb triggers ("visited", "signed", "received", "discussed ... with") and the
conditions on their subjects, objects and prepositions that make them events; also the
"ready to help" adjective, an offer."""
from __future__ import annotations

from kg.extract.trigger_lexicon import (
    BEGIN_VERBS, ESTABLISH_VERBS, GROUP_NOUNS, NOUN_TRIGGERS, OFFERED_ACTS, PEOPLE_NOUNS, QUANTITY_NOUNS,
    SIGNED_THINGS, VERB_TRIGGERS,
)


def verb_trigger_kind(token) -> str | None:
    """The event kind a verb triggers, or None when its neighbours say it is none."""
    lemma = token.lemma_.lower()
    kind = VERB_TRIGGERS.get(lemma)
    if kind == "Agreement" and lemma == "agree" and _agrees_a_position(token):
        return None  # "agreed on the need to ...": a joint position (a claim), no deal
    if kind == "Agreement" and lemma == "sign":
        objects = [c.lemma_.lower() for c in _signed_objects(token)]
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
    if kind == "Meeting" and lemma in {"speak", "talk"} and not _spoke_by_phone(token):
        return None  # "the two leaders spoke by telephone"; not "spoke to reporters", "talked about"
    if kind == "Meeting" and lemma in {"telephone", "phone"} and not _phones_someone(token):
        return None  # "Putin telephoned Sharif", "Sharif phoned Putin on Monday"
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
    if kind == "StateVisit" and lemma in TRAVEL_VERBS and not _travels_to_place(token):
        return None
    if kind == "StateVisit" and lemma in ARRIVAL_VERBS and (not _arrives_in_place(token) or _arrives_for_drill(token)):
        return None  # "troops arrived in Islamabad for the drills": a part of the exercise (the guide)
    if kind is None and lemma in ESTABLISH_VERBS | BEGIN_VERBS:
        return None
    return kind


def _signed_objects(verb) -> list:
    """What is signed: the object or passive subject ("signed documents", "the Declaration
    was signed"), through a word of quantity ("signed a handful of accords")."""
    out = []
    for c in verb.children:
        if c.dep_ not in {"dobj", "nsubjpass"}:
            continue
        out.append(c)
        if c.lemma_.lower() in QUANTITY_NOUNS:
            out += [o for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj"]
    return out


WISH_VERBS = {"want", "wish", "hope", "desire", "like", "love", "seek", "try", "aspire", "dream"}


def _infinitive(verb) -> bool:
    """"to join": a verb with its "to" (a membership hoped for, welcomed or invited)."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _stands_for_a_thing(pronoun) -> bool:
    """"a university which offers a course": a relative pronoun whose antecedent is no
    agent (no organisation, state, people or person), so neither is the subject."""
    verb = pronoun.head
    if pronoun.lower_ not in {"which", "that"} or verb.dep_ != "relcl":
        return False
    antecedent = verb.head
    return antecedent.ent_type_ not in {"ORG", "GPE", "NORP", "PERSON"} and antecedent.pos_ != "PROPN"


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
            return any(s.pos_ == "PROPN" or s.pos_ == "PRON" and not _stands_for_a_thing(s) for s in subjects)
        if cur.dep_ != "xcomp" or cur.head is cur:
            return False
        cur = cur.head
    return False


# "welcomed the decision / the agreement / the step": backing someone's act, not greeting a guest
WELCOMED_ACTS = {"decision", "agreement", "move", "step", "initiative", "deal", "proposal", "offer", "resolution",
                 "announcement", "plan", "statement", "effort", "participation", "role", "bid", "stance", "position",
                 "commitment", "idea", "meeting", "talks", "visit", "accession", "membership", "ceasefire"}


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


# "travelled to Moscow", "flew to Beijing", "has flown to Russia", "journeyed to Moscow"
TRAVEL_VERBS = {"travel", "fly", "journey"}


def _travels_to_place(verb) -> bool:
    """"the minister travelled to Moscow", "the army chief flew to Russia": a person travels
    to a named place (not "goods travel by sea", not "jets flew over Kashmir")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    goes = any(c.dep_ == "prep" and c.lower_ == "to" and any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in c.children)
               for c in verb.children)
    return goes and any(_people_like(s) or s.lemma_.lower() in CALLED_TITLES | {"latter", "former"} for s in subjects)


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
        o.dep_ == "pobj" and _named_place(o) for o in c.children) for c in verb.children)


def _named_place(noun) -> bool:
    """A country or city by name ("Moscow", "Kazakhstan")."""
    return noun.pos_ == "PROPN" and noun.ent_type_ in {"GPE", "LOC"}


# "the ministers are in Astana to attend the summit": what a visitor came to do
ATTEND_VERBS = {"attend", "participate", "visit", "join"}
VISITING_BODIES = {"delegation", "mission"}


def present_in_place(be) -> str | None:
    """"A Pakistani delegation led by X was in Moscow", "the heads of state are in Kazakhstan
    to attend the summit": a delegation, or people there to attend something, in a named
    country or city, a visit (not "Pakistan is in Asia", "the minister was in favour of")."""
    if be.dep_ not in {"ROOT", "ccomp", "conj"}:
        return None
    if not any(c.dep_ == "prep" and c.lower_ == "in" and any(
            o.dep_ == "pobj" and _named_place(o) for o in c.children) for c in be.children):
        return None
    subjects = [c for c in be.children if c.dep_ == "nsubj"]
    if not subjects or any(s.tag_ in {"PRP", "WDT", "WP"} or s.ent_type_ in {"GPE", "LOC"} for s in subjects):
        return None
    if any(s.lemma_.lower() in VISITING_BODIES for s in subjects):
        return "StateVisit"
    attends = any(c.dep_ in {"advcl", "xcomp"} and c.lemma_.lower() in ATTEND_VERBS and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in be.children)
    if attends and any(_people_like(s) or s.lemma_.lower() in CALLED_TITLES | {"head"} for s in subjects):
        return "StateVisit"
    return None


def _arrives_for_drill(verb) -> bool:
    """"The special forces arrived in Islamabad for military drills", "the contingent arrived
    to take part in the exercise": troops or ships that come for a joint drill belong to the
    MilitaryExercise, no StateVisit (docs/annotation-guide.md, joint exercises)."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "for" and any(
                o.dep_ == "pobj" and NOUN_TRIGGERS.get(o.lemma_.lower()) == "MilitaryExercise" for o in c.children):
            return True
        if c.dep_ in {"xcomp", "advcl"} and any(
                NOUN_TRIGGERS.get(t.lemma_.lower()) == "MilitaryExercise" for t in c.subtree):
            return True
    return False


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


# what "agreed on the ..." holds when the sides share a view rather than strike a deal
POSITION_NOUNS = {"need", "importance", "necessity", "significance", "urgency"}


def _agrees_a_position(verb) -> bool:
    """Whether "agree" states a shared view, "agreed on the need to ..." (a claim of both
    sides), rather than a deal or an act agreed on."""
    return any(c.dep_ == "prep" and c.lemma_.lower() in {"on", "upon"}
               and any(o.dep_ == "pobj" and o.lemma_.lower() in POSITION_NOUNS for o in c.children)
               for c in verb.children)


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


def ready_to_give(adj) -> str | None:
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


def _people_like(token) -> bool:
    if token.tag_ in {"WDT", "WP"}:
        return False  # "the meeting, which Russia will host", "wheat, which will be sent"
    return token.pos_ in {"PROPN", "PRON"} or token.lemma_.lower() in PEOPLE_NOUNS or token.ent_type_ in {"PERSON", "NORP", "ORG"}


# "called on the President", "called on the Prime Minister", "called on the ministers": people by title
CALLED_TITLES = {"president", "minister", "premier", "chancellor", "king", "emir", "ambassador", "envoy",
                 "secretary", "governor", "chairman", "chief", "speaker", "general", "leader", "counterpart"}


PHONE_NOUNS = {"telephone", "phone", "video", "videoconference", "video-link", "hotline"}


def _spoke_by_phone(verb) -> bool:
    """"Sharif spoke to Putin by telephone", "the two leaders talked over the phone", "Putin
    and Erdogan spoke by phone": two sides on the telephone or a video link (a talk in
    person is "met" or "held talks"; "spoke to reporters" is no meeting)."""
    if not any(c.dep_ == "prep" and c.lower_ in {"by", "over", "on", "via"} and any(
            o.dep_ == "pobj" and o.lemma_.lower() in PHONE_NOUNS for o in c.children) for c in verb.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in {"to", "with"} and any(
            o.dep_ == "pobj" and (o.pos_ == "PROPN" or o.ent_type_ == "PERSON" or o.lower_ == "counterpart")
            for o in c.children) for c in verb.children):
        return True
    return _talks_with_someone(verb)


def _phones_someone(verb) -> bool:
    """"Putin telephoned Sharif": a person or state named as the one called."""
    return any(c.dep_ == "dobj" and c.pos_ == "PROPN" and c.ent_type_ in {"PERSON", "GPE"} for c in verb.children)


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
            if obj.pos_ == "PROPN" and obj.ent_type_ == "PERSON" or obj.lemma_.lower() in CALLED_TITLES:
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
    if _welcomed_after_arrival(verb):
        return True
    return any(c.dep_ == "conj" and c.lemma_.lower() in ARRIVAL_VERBS for c in verb.children)


def _welcomed_after_arrival(verb) -> bool:
    """"The minister arrived at Moscow airport on Sunday. He was received by senior officials
    ...": a guest told as arriving in the sentence before, received (passive, the guest as a
    pronoun), is welcomed on arrival."""
    if not any(c.dep_ == "nsubjpass" and c.tag_ == "PRP" for c in verb.children):
        return False
    start = verb.sent.start
    if start == 0:
        return False
    before = verb.doc[start - 1].sent
    return any(t.lemma_.lower() in ARRIVAL_VERBS and t.pos_ == "VERB" for t in before)


def _sends_people(verb) -> bool:
    """"inspectors were sent to Karachi": people sent to a named place (not "sending a
    delegation to further cooperation", a purpose the parser hangs on "to" as a preposition)."""
    people = any(c.dep_ in {"dobj", "nsubjpass"} and (_people_like(c) or c.lemma_.lower().rstrip("s") in PEOPLE_NOUNS)
                 for c in verb.children)
    goes = any(c.dep_ in {"prep", "dative"} and c.lower_ == "to" and any(
        o.dep_ == "pobj" and (o.pos_ == "PROPN" or o.ent_type_ in {"GPE", "LOC", "FAC"}) for o in c.children)
        for c in verb.children)
    return people and goes


def _joins_group(verb) -> bool:
    for c in verb.children:
        if c.dep_ == "dobj":
            if c.pos_ == "PROPN" or c.lemma_.lower() in GROUP_NOUNS:
                return True
    return False


def _supports_agent(verb) -> bool:
    return any(c.dep_ == "dobj" and c.pos_ == "PROPN" for c in verb.children)
