"""Events: a trigger word, its kind, and who, where and when from the parse around it.

A trigger is a noun or verb lemma from the tables below ("visit", "exercise",
"invasion", "recognise", ...), sometimes with a condition on its neighbours ("observer
status" only when it is gained or given, "relations" only when established or begun).
The participants are the states, organisations and people named in the trigger's
*scope*: its own phrase, the subject of the clause it is the object of, and the
destination or venue; a person brings their nationality and a place its state.
Triggers in irrealis frames ("the brink of war"), negated, or anaphoric ("this
offer") are not events.
"""
from __future__ import annotations

from dataclasses import replace

from kg.extract.context import POSSESSIVE_PRONOUNS, PRONOUN_SUBJECTS, Context
from kg.extract.members import member_and_organisations
from kg.extract.model import Event, Span
from kg.extract.syntax import SKIP_CHILD, governing_verb, phrase, subject_of
from kg.extract.tokens import token_indices

NOUN_TRIGGERS = {
    "visit": "StateVisit", "trip": "StateVisit",
    "exercise": "MilitaryExercise", "drill": "MilitaryExercise", "manoeuvre": "MilitaryExercise",
    "wargame": "MilitaryExercise",
    "invasion": "Invasion", "incursion": "Invasion",
    "war": "War", "fight": "War", "warfare": "War",
    "recognition": "Recognition",
    "summit": "Summit", "meeting": "Meeting", "talks": "Meeting", "consultations": "Meeting",
    "consultation": "Meeting",
    "agreement": "Agreement", "accord": "Agreement", "treaty": "Agreement", "protocol": "Agreement",
    "pact": "Agreement",
    "mou": "MemorandumOfUnderstanding", "memorandum": "MemorandumOfUnderstanding",
    "offer": "Offer", "invitation": "Offer",
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
    "admit": "MembershipChange",
    "lift": "SanctionsChange", "impose": "SanctionsChange",
}
EXERCISE_MODIFIERS = {"military", "joint", "naval", "air", "army", "friendship", "tactical",
                      "counter-terrorism", "anti-terror", "war", "combat", "drill", "multinational",
                      "bilateral", "trilateral", "maritime", "amphibious"}
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
_TRIGGER_WORDS = VERB_TRIGGERS.keys() | NOUN_TRIGGERS.keys()


def find_events(ctx: Context) -> list[Event]:
    """All events in an article, one per kind and sentence (merged), in text order."""
    events: list[Event] = []
    cues = token_indices(ctx.doc, lemma=_TRIGGER_WORDS, lower=NOUN_TRIGGERS)
    for token in (ctx.doc[i] for i in cues):  # no other token has a trigger kind
        if ctx.in_author_bio(token):
            continue
        kind = _trigger_kind(token)
        if kind is None or _irrealis(token):
            continue
        event = _build(ctx, token, kind)
        if event is None:
            continue
        for event in _respectively(ctx, token, event):
            for i, earlier in enumerate(events):
                if _same_event(earlier, event):
                    events[i] = _merge(earlier, event)
                    break
            else:
                events.append(event)
    events.sort(key=lambda e: (e.sentence.index, e.trigger.start))
    _attach_names(ctx, events)
    return events


NAMING_VERBS = {"call", "name", "dub", "codename", "title", "christen"}


def _attach_names(ctx: Context, events: list[Event]) -> None:
    """"The drill was called Friendship 2018": give the latest exercise that name.

    The name is the proper-noun phrase after a naming verb whose passive subject is a
    definite trigger noun; it goes to the nearest earlier event of that kind (at most
    three sentences back), and the naming sentence becomes part of its evidence.
    """
    for token in (ctx.doc[i] for i in token_indices(ctx.doc, lemma=NAMING_VERBS)):
        if token.pos_ != "VERB":
            continue
        subjects = [c for c in token.children if c.dep_ == "nsubjpass"]
        names = [c for c in token.children if c.dep_ in {"oprd", "attr", "xcomp", "dobj"} and c.pos_ == "PROPN"]
        if not subjects or not names:
            continue
        kind = NOUN_TRIGGERS.get(subjects[0].lemma_.lower())
        sentence = ctx.sentence_of(token)
        if kind is None or sentence is None:
            continue
        phrase = sorted(names[0].subtree, key=lambda t: t.i)
        name = Span(phrase[0].idx, phrase[-1].idx + len(phrase[-1]), "")
        name = Span(name.start, name.end, ctx.text[name.start:name.end])
        for i in range(len(events) - 1, -1, -1):
            e = events[i]
            if e.kind == kind and 0 <= sentence.index - e.sentence.index <= 3 and e.name is None:
                also = e.also if sentence.index == e.sentence.index or sentence in e.also else e.also + (sentence,)
                events[i] = replace(e, name=name, also=also)
                break


NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "both": 2}


def _respectively(ctx: Context, token, event: Event) -> list[Event]:
    """"two drills, in 2016 and 2017, were held in A and B respectively": two events.

    Applies when the trigger is counted (a number word or "both"), the sentence says
    "respectively", and the count matches the dated times and the innermost places.
    """
    count = next((NUMBER_WORDS.get(c.lower_) or (int(c.text) if c.text.isdigit() else 0)
                  for c in token.children if c.dep_ == "nummod" or c.lower_ == "both"), 0)
    sentence = event.sentence
    if count < 2 or "respectively" not in sentence.span.text:
        return [event]
    times = [t for t in ctx.times_in(sentence.span.start, sentence.span.end) if t.value]
    leaves = _place_groups(ctx, sentence, event.places)
    if len(times) != count or len(leaves) != count:
        return [event]
    out = []
    for time, place in zip(sorted(times, key=lambda t: t.span.start), leaves):
        out.append(replace(event, time=time, places=(place,)))
    return out


def _place_groups(ctx: Context, sentence, places: tuple[str, ...]) -> list[str]:
    """One place per coordinated location phrase, the most specific of each, in text order.

    "in Cherat in Khyber Pakhtunkhwa, and Russia's North Caucasus republic of
    Karachayevo-Cherkessia" gives [cherat, karachay-cherkessia].
    """
    groups: dict[int, list[str]] = {}
    for m in ctx.mentions:
        if m.entity not in places or not (sentence.span.start <= m.span.start < sentence.span.end):
            continue
        tok = ctx.doc.char_span(m.span.start, m.span.end, alignment_mode="expand").root
        while tok.dep_ in {"compound", "pobj", "prep", "poss", "nmod", "appos", "amod"} and tok.head is not tok \
                and tok.head.pos_ not in {"VERB", "AUX"}:
            tok = tok.head
        groups.setdefault(tok.i, []).append(m.entity)
    out = []
    for key in sorted(groups):
        members = groups[key]
        containers = {getattr(ctx.registry.entities.get(p), "located_in", None) for p in members}
        specific = [p for p in members if p not in containers]
        if specific:
            out.append(specific[-1])
    return out


def _same_event(a: Event, b: Event) -> bool:
    """Whether ``b`` (found later) speaks of the event ``a`` again.

    Same kind, one's participants contained in the other's, no conflicting time or
    status.  In one sentence that joins "visited Moscow ... termed his visit"; across
    sentences it joins "the disintegration of the USSR ... the collapse of the Soviet Union".
    """
    if a.kind != b.kind:
        return False
    pa, pb = set(a.participants), set(b.participants)
    if not (pa <= pb or pb <= pa):
        return False
    same_sentence = a.sentence.index == b.sentence.index
    if a.status != b.status and (same_sentence or b.status is not None):
        return False
    if a.time is not None and b.time is not None:
        if (a.time.value, a.time.start, a.time.end) != (b.time.value, b.time.start, b.time.end):
            return False
        if a.time.is_partial and a.time.span.text != b.time.span.text:
            return False
    if same_sentence:
        return True
    # a later sentence speaks of the same event with a definite noun phrase ("the
    # collapse of ...", "Putin's visit"), and adds no time the first mention lacks
    return b.definite and (b.time is None or a.time is not None)


# -- triggers -----------------------------------------------------------------------
def _trigger_kind(token) -> str | None:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB":
        kind = VERB_TRIGGERS.get(lemma)
        if kind == "Agreement" and lemma == "sign":
            objects = [c.lemma_.lower() for c in token.children if c.dep_ == "dobj"]
            if not any(o in SIGNED_THINGS for o in objects) or any(o in NOUN_TRIGGERS for o in objects):
                return None  # "signed an agreement": the noun carries the event
        if kind == "Offer" and any(t.lemma_.lower() in {"mediate", "mediator", "mediation"} for t in token.subtree):
            return "MediationOffer"
        if kind == "Offer" and lemma == "offer" and not _offers_something(token):
            return None
        if kind == "MembershipChange" and lemma == "admit":
            return _admitted_as(token)
        if kind == "MembershipChange" and (not _joins_group(token) or (
                token.dep_ == "xcomp" and token.head.lemma_.lower() in ASPIRE_VERBS)):
            return None  # "applied to join BRICS" is an aspiration
        if kind == "Meeting" and lemma in {"receive", "host"} and not _hosts_people(token):
            return None
        if kind == "StateVisit" and lemma in {"send", "dispatch"} and not _sends_people(token):
            return None
        if kind == "StatementOfSupport" and not _supports_agent(token):
            return None
        if kind == "SanctionsChange" and not any(
            c.lemma_.lower() in {"embargo", "sanction", "sanctions"} for c in token.children if c.dep_ in {"dobj", "nsubjpass"}
        ):
            return None
        if kind == "Recognition" and not any(c.dep_ == "dobj" and c.pos_ == "PROPN" for c in token.children):
            return None
        if kind is None and lemma in ESTABLISH_VERBS | BEGIN_VERBS:
            return None
        return kind
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    kind = NOUN_TRIGGERS.get(lemma) or NOUN_TRIGGERS.get(token.lower_)
    if kind is None:
        return None
    if _anaphoric(token):
        return None
    head = token.head
    head_lemma = head.lemma_.lower()
    if kind == "MilitaryExercise" and lemma == "exercise":
        mods = {c.lower_ for c in token.children if c.dep_ in {"amod", "compound"}}
        if not mods & EXERCISE_MODIFIERS:
            return None
    if kind in {"Agreement", "MemorandumOfUnderstanding"} and not _signed(token):
        return None  # "brief Washington on the protocol": a reference, not the signing
    if kind == "ObserverStatusChange":
        if not any(c.lower_ == "observer" for c in token.children) or head_lemma not in GAIN_VERBS:
            return None
    if kind == "MembershipChange" and (head_lemma not in JOIN_VERBS or token.dep_ not in {"dobj", "attr", "oprd"}
                                       or head.tag_ == "VBG"):
        return None  # "became a full member"; not "keen on becoming a member"
    if kind == "StatementOfSupport" and not (token.dep_ == "dobj" and (
            head_lemma in SUPPORT_VERBS or (head_lemma in {"provide", "give"} and _reported(head)))):
        return None
    if kind == "Meeting" and lemma == "contact" and head_lemma not in PLACE_OCCASION_VERBS:
        return None
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


def _people_like(token) -> bool:
    return token.pos_ in {"PROPN", "PRON"} or token.lemma_.lower() in PEOPLE_NOUNS or token.ent_type_ in {"PERSON", "NORP", "ORG"}


def _hosts_people(verb) -> bool:
    """"received X", "X was received by Y", "teams were hosted in Moscow"."""
    return any(c.dep_ in {"dobj", "nsubjpass"} and _people_like(c) for c in verb.children)


def _sends_people(verb) -> bool:
    """"inspectors were sent to Karachi": people sent to a place."""
    people = any(c.dep_ in {"dobj", "nsubjpass"} and (_people_like(c) or c.lemma_.lower().rstrip("s") in PEOPLE_NOUNS)
                 for c in verb.children)
    goes = any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)
    return people and goes


def _reported(verb) -> bool:
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


def _irrealis(token) -> bool:
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


# -- scope ---------------------------------------------------------------------------
_NOUN_SKIP = SKIP_CHILD - {"relcl"}
ROUND_NOUNS = {"round", "series", "session", "set", "cycle", "phase"}


def _anchor(token):
    """"a second round of talks": the phrase of "round" carries the talks' details."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in ROUND_NOUNS:
        return token.head.head
    return token


def _scope(token, ctx: Context):
    token = _anchor(token)
    tokens = list(phrase(token, skip=_NOUN_SKIP if token.pos_ in {"NOUN", "PROPN"} else SKIP_CHILD))
    if token.pos_ == "VERB":
        if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
            tokens += subject_of(token.head) if token.head is not token else []
        else:
            tokens += subject_of(token)
    elif token.dep_ in {"nsubj", "nsubjpass"}:
        verb = token.head
        for c in verb.children:
            if c.dep_ in {"prep", "dobj", "agent", "dative", "npadvmod"} or (
                    c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"}):  # a place list attached to the verb
                tokens.extend(c.subtree)
    elif _adjunct(token):
        pass  # "after the invasion", "politics in the war": a modifier, not an argument
    else:
        verb = governing_verb(token)
        if verb is not None:
            tokens += subject_of(verb)
            if token.dep_ in {"dobj", "attr"}:
                for c in verb.children:
                    if c.dep_ in {"prep", "dative"} and c.i > token.i:
                        tokens.extend(c.subtree)
    return tokens


def _adjunct(token) -> bool:
    """A noun trigger inside a time adverbial or modifying another noun."""
    if token.dep_ != "pobj":
        return False
    prep = token.head
    return prep.lower_ in TEMPORAL_PREPS or prep.head.pos_ in {"NOUN", "PROPN"}


def _own_tokens(token):
    """The words that belong to the trigger itself (for plural, generic triggers)."""
    token = _anchor(token)
    tokens = list(phrase(token))
    if token.dep_ in {"nsubj", "nsubjpass"}:
        for c in token.head.children:
            if c.dep_ in {"prep", "agent"}:
                tokens.extend(c.subtree)
    return tokens


# -- building ------------------------------------------------------------------------
def _build(ctx: Context, token, kind: str) -> Event | None:
    sentence = ctx.sentence_of(token)
    if sentence is None:
        return None
    scope = [t for t in _scope(token, ctx) if sentence.span.start <= t.idx < sentence.span.end]
    participants: list[str] = []
    places: list[str] = []

    def add(eid):
        if eid and eid not in participants:
            participants.append(eid)

    for tok in scope:
        if tok.lower_ in POSSESSIVE_PRONOUNS | PRONOUN_SUBJECTS and tok.dep_ in {"poss", "nsubj", "nsubjpass"}:
            for eid in ctx.resolve_pronoun(tok):
                add(eid)
                add(ctx.nationality(eid))
    for m in ctx.mentions_in(scope):
        if ctx.is_agent(m.entity):
            add(m.entity)
            add(ctx.nationality(m.entity))
        elif ctx.is_place(m.entity):
            if m.entity not in places:
                places.append(m.entity)
    for place in places:
        add(ctx.state_of_place(place))
    if kind in {"ObserverStatusChange", "MembershipChange"}:
        member, orgs = member_and_organisations(ctx, token)
        if member:
            participants = [member] + [o for o in orgs if o != member]
    if not participants:
        return None
    if kind in TWO_SIDED and len(participants) < 2:
        return None  # an armed conflict names its two sides
    if token.tag_ in {"NNS", "NNPS"} and not any(ctx.is_agent(m.entity) or ctx.is_place(m.entity)
                                                for m in ctx.mentions_in(_own_tokens(token))):
        return None  # "high-level visits": generic, no particular event
    times = ctx.times_in(min(t.idx for t in scope), max(t.idx + len(t) for t in scope))
    if not times:
        sentence_times = ctx.times_in(sentence.span.start, sentence.span.end)
        times = sentence_times if len(sentence_times) == 1 else []
    time = min(times, key=lambda t: abs(t.span.start - token.idx)) if times else None
    trigger = Span(token.idx, token.idx + len(token), token.text)
    return Event(kind, sentence, trigger, tuple(participants), tuple(places), time, _status(token),
                 definite=_definite(token))


def _definite(token) -> bool:
    """A noun with "the" or a possessive: may refer back to an event named before."""
    return token.pos_ in {"NOUN", "PROPN"} and any(
        (c.dep_ == "det" and c.lower_ == "the") or c.dep_ == "poss" for c in token.children)


def _status(token) -> str | None:
    chain = [token, token.head, token.head.head]
    if any(t.lemma_.lower() in POSTPONE for t in chain[1:]):
        if not (chain[1].lemma_.lower() == "put" and not any(c.lower_ == "off" for c in chain[1].children)):
            return "postponed"
    if any(c.lower_ in SCHEDULED for c in token.children if c.dep_ in {"amod", "compound"}):
        return "scheduled"
    verb = token if token.pos_ == "VERB" else token.head
    if any(c.dep_ == "aux" and c.lower_ in {"will", "shall"} for c in verb.children):
        return "scheduled"
    for t in chain[1:]:
        if t.lemma_.lower() in {"indication", "plan", "prospect"}:
            return "scheduled"
    return None


def _merge(a: Event, b: Event) -> Event:
    parts = list(a.participants) + [p for p in b.participants if p not in a.participants]
    places = list(a.places) + [p for p in b.places if p not in a.places]
    also = a.also
    if b.sentence.index != a.sentence.index and b.sentence not in also:
        also = also + (b.sentence,)
    return replace(a, participants=tuple(parts), places=tuple(places), time=a.time or b.time,
                   status=a.status or b.status, also=also)
