"""Noun triggers ("the visit", "a joint exercise", "the protocol was signed", "held
talks") and the conditions on their heads and modifiers that make them events."""
from __future__ import annotations

from kg.extract.trigger_lexicon import (
    BEGIN_VERBS, DEMONSTRATIVES, ENGAGE_VERBS, ESTABLISH_VERBS, EXERCISE_MODIFIERS, GAIN_VERBS, HELD_NOUNS,
    HOLD_VERBS, JOIN_VERBS, PLACE_OCCASION_VERBS, QUANTITY_NOUNS, SCHEDULED, SUPPORT_VERBS, lexicon_kind,
)
from kg.extract.trigger_clauses import reported


def noun_trigger_kind(token) -> str | None:
    """The event kind a noun triggers, or None when its neighbours say it is none."""
    lemma = token.lemma_.lower()
    kind = lexicon_kind(token)
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
        if not _modifier_words(token) & EXERCISE_MODIFIERS and not _exercise_held(token):
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
    if kind == "Meeting" and lemma in {"conversation", "call"} and not _spoke_with(token):
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
    if kind == "Summit" and token.dep_ == "compound" and head_lemma in SUMMIT_HEADS:
        return None  # "the summit meeting": one event, the meeting the summit word names
    if kind == "Meeting" and lemma in SUMMIT_HEADS and any(
            c.dep_ == "compound" and c.lemma_.lower() == "summit" for c in token.children):
        return "Summit"  # "the summit meeting between the two presidents": the text calls it a summit
    if kind == "Meeting" and lemma == "meeting" and _of_heads(token) and not _of_two(token):
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
        # "the establishment of diplomatic relations", "the 75th anniversary of the establishment of ties"
        named = token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in ESTABLISH_NOUNS
        if not (established or begun or named):
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


SIGN_VERBS = {"sign", "initial", "conclude", "ink", "reach", "finalise", "finalize", "agree", "negotiate",
              "approve", "ratify", "strike", "seal", "announce", "signing", "conclusion"}


def _signed(noun) -> bool:
    """An agreement noun with its making: "signed a protocol", "the protocol was signed",
    "entered into a deal",
    "a protocol, initialled in Moscow", "the signing of MOUs", "the 1966 agreement",
    "signed a handful of accords"."""
    head = noun.head
    if head.lower_ == "of" and head.head.lemma_.lower() in QUANTITY_NOUNS and head.head.dep_ in {"dobj", "nsubjpass"}:
        noun, head = head.head, head.head.head  # "signed a handful of accords": the handful is signed
    if head.lemma_.lower() in SIGN_VERBS and noun.dep_ in {"dobj", "nsubjpass", "pobj", "attr"}:
        return True
    if head.lower_ == "of" and head.head.lemma_.lower() in SIGN_VERBS:
        return True
    if head.lower_ == "into" and head.head.lemma_.lower() == "enter":  # "entered into a deal with Russia"
        return not any(c.dep_ == "aux" and c.lower_ == "to" for c in head.head.children)  # not "to enter into"
    return any(c.dep_ in {"acl", "relcl", "amod"} and c.lemma_.lower() in SIGN_VERBS for c in noun.children) \
        or any(c.dep_ in {"nummod", "compound"} and c.like_num for c in noun.children)


PHONE_WORDS = {"telephone", "phone", "telephonic", "video", "virtual"}
CALL_VERBS = {"hold", "have", "make", "receive", "place", "get"}


def _spoke_with(noun) -> bool:
    """"held a telephone conversation with Putin", "a phone call between the two leaders",
    "continued his conversation with Li Qiang": two sides talking, by telephone or not (not
    "a video of the PM's conversation", not "back in the conversation between Pakistan and
    Russia" (the public debate), not "a call for restraint", not "a wake-up call")."""
    with_someone = any(c.dep_ == "prep" and c.lower_ in {"with", "between"} and any(
        o.dep_ == "pobj" and (o.pos_ == "PROPN" or o.ent_type_ in {"PERSON", "NORP", "GPE"}) for o in c.subtree)
        for c in noun.children)
    by_phone = bool(_modifier_words(noun) & PHONE_WORDS)
    held = noun.dep_ == "dobj" and noun.head.lemma_.lower() in CALL_VERBS | {"continue", "conduct"}
    if noun.lemma_.lower() == "call":
        return by_phone and (with_someone or held)
    return held and (with_someone or by_phone)  # not "crept back into the conversation between A and B"


ESTABLISH_NOUNS = {"establishment", "normalisation", "normalization", "restoration", "resumption"}


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


def _modifier_words(noun) -> set[str]:
    return {t.lower_ for c in noun.children if c.dep_ in {"compound", "amod", "nmod"} for t in c.subtree}


def _session_of_a_body(noun) -> bool:
    """"the ninth session of the Intergovernmental Commission"; not "technical sessions"."""
    if _modifier_words(noun) & SUB_SESSIONS:
        return False
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() == "take" and any(
            c.lower_ == "place" for c in noun.head.children) and any(
            c.dep_ == "amod" and c.lower_ in ORDINAL_WORDS for c in noun.children):
        return True  # "the first session took place in Beijing": a body's numbered sitting
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


ROUND_OF = {"talks", "consultations", "negotiations", "discussions", "dialogue", "meetings",
            # a body that sits in rounds: "the third round of the consultative committee"
            "committee", "commission", "council", "group"}


def _round_of_meetings(noun) -> bool:
    """"the 15th round of the Pakistan-Russia Consultative Group", "the second round of
    consultations", "the third round of the consultative committee": a numbered round of a body's sessions or of talks (not "a round of
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


def _held(noun) -> bool:
    """"held discussions", "engaged in negotiations", "discussions with X", "there were
    discussions", "the negotiations took place / were on May 27"."""
    own = noun
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        noun = noun.head  # "training activities and discussions will be held between ..."
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
    return any(c.dep_ == "prep" and c.lower_ in {"with", "between"} for c in own.children)


def _exercise_held(noun) -> bool:
    """"held their first exercise", "the 2017 exercise was held in X", "will conduct passage
    exercise": an exercise that is held or conducted is a drill even with no word saying so
    (not "an exercise in futility", "the exercise of power")."""
    if any(c.dep_ == "prep" and c.lower_ in {"in", "of"} for c in noun.children):
        return False
    head = noun.head
    lemma = head.lemma_.lower()
    if noun.dep_ == "dobj":
        return lemma in HOLD_VERBS and lemma != "have"
    if lemma == "take" and not any(c.lower_ == "place" for c in head.children):
        return False  # "the whole exercise took three months"
    return noun.dep_ in {"nsubj", "nsubjpass"} and (
        lemma in PLACE_OCCASION_VERBS | {"end", "conclude"} or lemma in HOLD_VERBS and noun.dep_ == "nsubjpass")


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


# the nouns of a meeting that "summit" before them makes a summit ("a summit meeting", "summit talks")
SUMMIT_HEADS = {"meeting", "talks"}
PAIR_NOUNS = {"countries", "states", "nations", "sides", "governments"}


def _of_two(token) -> bool:
    """"the meeting of the heads of government of the two countries": two heads at talks, a
    meeting, not a summit."""
    words = [t.lower_ for t in token.subtree]
    return any(w in {"two", "both"} and i + 1 < len(words) and words[i + 1] in PAIR_NOUNS
               for i, w in enumerate(words))


def _anaphoric(token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in token.children)
