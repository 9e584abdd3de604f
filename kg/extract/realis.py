"""Trigger words that name no particular event of their kind: habits, consensus and
intentions to improve, word senses of another meaning.

A trigger that passes :func:`kg.extract.triggers.trigger_kind` may still not report one
event the text places in time:

* a habit, state or generality: "the drills are held every year", "the two countries often
  hold talks", "since 2016 the forces are engaged in joint exercise";
* "agreed that conflicts should be resolved ...", "agreed to enhance cooperation", "agreed
  to hold talks": a shared view, an intention or a plan, not an agreement signed or reached
  (an agreement to sell, supply, buy or build is one);
* a meeting named as a purpose or a readiness: "a mechanism for consultations", "a place
  for talks", "is ready to hold talks", "has no plans to meet", "wanted to ... visit Russia",
  and a trigger weighed, not done: "are pondering over imposing sanctions";
* relations in general: "forged friendly ties", "close relations" (an establishment of
  relations is diplomatic, or relations that began);
* another sense of the word: "the fight against terrorism" (no war), "to meet wheat
  requirements", "was met with criticism" (no meeting), "a consultation mechanism" (a
  mechanism, not a consultation), wheat "which will be sent" (no delegation);
* an invitation to attend or visit: the summit or visit is the event, not an offer.
"""
from __future__ import annotations

from kg.extract.syntax import governing_verb
from kg.extract.triggers import NOUN_TRIGGERS, PEOPLE_NOUNS

HABIT_ADVERBS = {"often", "usually", "regularly", "annually", "routinely", "frequently", "traditionally",
                 "generally", "periodically", "customarily", "normally", "typically"}
EVERY = {"every", "each"}
PERIODS = {"year", "month", "week", "summer", "winter", "autumn", "spring", "years", "months"}
# "agreed to sell helicopters", "agreed to build the steel mill": a deal; "agreed to enhance
# cooperation", "agreed to hold consultations", "agreed to cancel one leg": an intention, a
# plan or a decision, not an agreement signed or reached
DEAL_VERBS = {"sell", "supply", "buy", "purchase", "provide", "deliver", "build", "construct", "establish",
              "import", "export", "exchange", "barter", "invest", "finance", "fund", "lease", "conduct",
              "transfer", "grant", "lay", "install", "manufacture", "produce", "procure", "acquire"}
QUALITY_ADJECTIVES = {"close", "closer", "friendly", "warm", "warmer", "strong", "stronger", "good", "better",
                      "cordial", "deep", "deeper", "strategic", "special", "brotherly", "historic", "cold",
                      "economic", "military", "trade", "defence", "defense", "cultural", "bilateral", "new",
                      "tense", "strained", "friendlier", "healthy", "robust", "solid", "growing"}
ESTABLISHING_ADJECTIVES = {"diplomatic", "formal", "official"}
WANT_MET = {"requirement", "demand", "need", "target", "challenge", "expectation", "standard", "criterion",
            "obligation", "deadline", "cost", "shortfall", "goal", "criteria", "condition", "gap", "deficit"}
ATTEND_VERBS = {"attend", "visit", "join", "participate", "take", "come", "address"}
RELATIVE_PRONOUNS = {"which", "that"}


def not_an_event(token, kind: str) -> bool:
    """Whether the trigger ``token`` of ``kind`` names no particular event (see the module)."""
    if _habitual(token):
        return True
    lemma = token.lemma_.lower()
    if kind == "Agreement" and token.pos_ == "VERB" and lemma == "agree":
        return _agrees_in_view(token)
    if kind == "EstablishmentOfRelations":
        return _relations_in_general(token)
    if kind == "War" and lemma == "fight":
        return any(c.dep_ == "prep" and c.lower_ == "against" and not any(
            g.pos_ == "PROPN" for g in c.subtree) for c in token.children)
    if _unrealised(token) or _hypothetical(token):
        return True
    if kind == "Meeting" and token.pos_ == "NOUN" and _purpose_of_a_thing(token):
        return True
    if kind == "Meeting" and token.pos_ == "VERB" and lemma == "meet":
        return _meets_a_need(token)
    if token.pos_ == "NOUN" and token.dep_ == "compound" and token.head.pos_ == "NOUN" \
            and token.head.lemma_.lower() not in NOUN_TRIGGERS:
        return True  # "a consultation mechanism", "the visit schedule"
    if kind == "StateVisit" and lemma in {"send", "dispatch"}:
        return _sends_things(token)
    if kind == "Offer" and lemma in {"invite", "invitation"}:
        return _invited_to_attend(token)
    return False


def _clause(token):
    return token if token.pos_ in {"VERB", "AUX"} else token.head


# "several visits", "regular consultations", "frequent trips to meet ...": many events, or a habit
MANY_WORDS = {"several", "many", "numerous", "multiple", "countless", "various", "frequent", "regular",
              "periodic", "repeated"}


def _many(token) -> bool:
    """A plural trigger noun counted as many or as a habit ("several visits", "regular
    consultations"), or a verb trigger that tells the purpose of such a noun ("several trips
    by ministers to meet their counterparts")."""
    noun = token if token.pos_ == "NOUN" else token.head if token.dep_ in {"acl", "relcl"} else None
    if noun is None or noun.pos_ != "NOUN" or noun.tag_ != "NNS":
        return False
    return any(c.dep_ in {"amod", "det", "nummod"} and c.lower_ in MANY_WORDS for c in noun.children)


def _habitual(token) -> bool:
    """"are held every year", "often hold talks", "annual exercises are held"."""
    if _many(token):
        return True
    for verb in {token.i: token, token.head.i: token.head, token.head.head.i: token.head.head}.values():
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        present = verb.tag_ in {"VBP", "VBZ"} or any(
            c.dep_ in {"aux", "auxpass"} and c.lemma_ == "be" and c.tag_ in {"VBP", "VBZ"} for c in verb.children)
        if (present or _perfect_progressive(verb)) and any(
                c.dep_ == "prep" and c.lower_ == "since" for c in verb.children):
            return True  # "Since 2016, the forces are engaged in joint exercise", "has been meeting since 2003"
        if any(_times(c) for c in verb.children):
            return True  # "have visited Moscow three times in three years": repeated, no one event
        for c in verb.children:
            if c.dep_ == "advmod" and c.lower_ in HABIT_ADVERBS:
                return True
            if c.dep_ in {"npadvmod", "advmod", "obl"} and c.lemma_.lower() in PERIODS and any(
                    g.lower_ in EVERY for g in c.children):
                return True
    return False


def _perfect_progressive(verb) -> bool:
    """"have been holding drills", "has been meeting": a practice that goes on up to now."""
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    return verb.tag_ == "VBG" and any(a.lower_ == "been" for a in auxes) \
        and any(a.lemma_ == "have" for a in auxes)


REPEAT_COUNTS = {"several", "many", "numerous", "multiple", "countless", "two", "three", "four", "five", "six",
                 "seven", "eight", "nine", "ten", "dozen", "dozens", "hundreds"}


def _times(child) -> bool:
    """"three times", "several times", "many times" as an adverbial of the verb (not "at times")."""
    if child.lemma_.lower() != "time" or child.lower_ != "times" or child.dep_ not in {"npadvmod", "advmod", "dobj"}:
        return False
    return any(g.lower_ in REPEAT_COUNTS or g.like_num for g in child.children if g.dep_ in {"nummod", "amod", "det"})


def _agrees_in_view(verb) -> bool:
    """"agreed that ...": a view; "agreed to enhance ...", "agreed to hold talks": an
    intention or a plan (the talks are the event); "agreed to sell ...": a deal."""
    # the parse may hang the infinitive as an adverbial clause when a time stands between:
    # "agreed in December to ink an accord"
    xcomps = [c for c in verb.children if c.dep_ == "xcomp" or c.dep_ == "advcl" and c.tag_ == "VB" and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    if not xcomps:
        return any(c.dep_ == "ccomp" or _on_doing(c) for c in verb.children)
    return not any(x.lemma_.lower() in DEAL_VERBS for x in xcomps)


def _on_doing(prep) -> bool:
    """"agreed on promoting trade", "did agree on improving ties": a course the sides share, not a
    deal (but "agreed on supplying gas" is one, and "agreed on a project" names what was agreed)."""
    return prep.dep_ == "prep" and prep.lower_ in {"on", "upon"} and any(
        g.dep_ == "pcomp" and g.tag_ == "VBG" and g.lemma_.lower() not in DEAL_VERBS for g in prep.children)


def _relations_in_general(noun) -> bool:
    """"friendly ties", "close relations": how relations are, not their establishment."""
    adjectives = {c.lower_ for c in noun.children if c.dep_ in {"amod", "compound"}}
    return bool(adjectives & QUALITY_ADJECTIVES) and not adjectives & ESTABLISHING_ADJECTIVES


def _meets_a_need(verb) -> bool:
    """"to meet wheat requirements", "was met with criticism"; and "the committee, which met
    under Finance Minister Dar": a body's own session under its chair, no meeting of sides."""
    if any(c.dep_ == "prep" and c.lower_ == "under" for c in verb.children):
        return True
    if any(c.dep_ == "dobj" and c.lemma_.lower() in WANT_MET for c in verb.children):
        return True
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    return passive and any(c.dep_ == "prep" and c.lower_ == "with" and not any(
        g.pos_ in {"PROPN", "PRON"} for g in c.subtree) for c in verb.children)


def _sends_things(verb) -> bool:
    """"wheat ..., which will be sent to the regions": the relative pronoun stands for a thing."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"}]
    if not subjects or subjects[0].lower_ not in RELATIVE_PRONOUNS or verb.dep_ != "relcl":
        return False
    antecedent = verb.head  # the parse may tie the clause to the nearest noun ("to Pakistan, which")
    return antecedent.ent_type_ not in {"NORP", "ORG", "PERSON"} and antecedent.lemma_.lower() not in PEOPLE_NOUNS


def _invited_to_attend(token) -> bool:
    """"invited Sharif to attend the summit", "an invitation to visit Moscow"."""
    for c in token.children:
        if c.dep_ in {"xcomp", "acl"} and c.lemma_.lower() in ATTEND_VERBS:
            return True
    return False



# "ready to hold talks", "keen to visit": a readiness or a wish, no event yet
READY_ADJECTIVES = {"ready", "willing", "keen", "eager", "prepared", "happy", "open"}
WISH_VERBS = {"want", "wish", "hope", "desire", "like", "love", "seek", "try", "aspire", "dream"}
# "efforts to reach an agreement", "in a bid to hold talks": the noun form of trying
ATTEMPT_NOUNS = {"effort", "attempt", "bid", "quest", "endeavour", "endeavor"}
PHASE_VERBS = {"begin", "start", "open", "end", "conclude", "close", "continue"}
# "an invitation to X to pay a visit": the noun forms of inviting and the verbs a visit is made with
INVITING_NOUNS = {"invitation", "invite", "request", "appeal"}
LIGHT_VERBS = {"undertake", "pay", "make", "hold", "conduct"}
# "considering imposing sanctions", "threatened to impose": weighed, not done
DELIBERATE_VERBS = {"consider", "ponder", "mull", "weigh", "contemplate", "debate", "threaten"}


# verbs of urging: what they ask for, and what that is done for, has not happened
URGING_VERBS = {"urge", "ask", "request", "press", "encourage", "propose", "suggest", "advise", "recommend"}


def _urged(verb, reach: int = 3) -> bool:
    """"urged X to hold talks", "asked Russia to send a delegation to hold talks": a chain of
    to-infinitives (objects or purposes) that climbs to a verb of urging."""
    for _ in range(reach):
        if verb.dep_ not in {"xcomp", "advcl"} or not any(c.dep_ == "aux" and c.lower_ == "to"
                                                          for c in verb.children):
            return False
        verb = verb.head
        if verb.pos_ == "VERB" and (verb.lemma_.lower() in URGING_VERBS or verb.lemma_.lower() == "call" and any(
                c.dep_ == "prep" and c.lower_ in {"on", "upon"} for c in verb.children)):
            return True  # (and "called on both sides to hold talks", not "called him to discuss")
    return False


def _invited_by_a_noun(verb) -> bool:
    """"an invitation to X to visit", "renewed his invitation to X to undertake a visit" (the
    parse hangs the infinitive on the noun or on the verb whose object the noun is)."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    if verb.dep_ == "acl":
        return head.lemma_.lower() in INVITING_NOUNS
    return verb.dep_ == "advcl" and any(c.dep_ == "dobj" and c.lemma_.lower() in INVITING_NOUNS
                                        for c in head.children)


def _unrealised(token) -> bool:
    """"is ready to hold talks", "has no plans to meet X", "wanted to establish contact and
    visit Russia", "pondering over imposing sanctions", "efforts to reach an agreement": a trigger (or the verb
    holding a trigger noun) in the infinitive of a readiness adjective, of a wish verb (through a coordinated
    infinitive), of a noun of trying, or of "no plans"."""
    verb = token
    if token.pos_ in {"NOUN", "PROPN"}:
        if token.dep_ != "dobj" or token.head.pos_ != "VERB" or token.head.lemma_.lower() in PHASE_VERBS:
            return False  # "I would like to begin our meeting": the meeting is under way
        verb = token.head
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        verb = verb.head  # "to establish contact with him and visit Russia"
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.lemma_.lower() in DELIBERATE_VERBS:
        return True  # "pondering over imposing sanctions"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in DELIBERATE_VERBS:
        return True  # "considering imposing sanctions", "threatened to impose sanctions"
    if _invited_by_a_noun(verb) and (verb is token or verb.lemma_.lower() in LIGHT_VERBS):
        return True  # "his invitation to the president to undertake an official visit"
    if _urged(verb):
        return True  # "urged the Russian side to send a delegation to hold discussions"
    if verb.dep_ not in {"xcomp", "acl"} or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    if head.lemma_.lower() in {"invite", "urge", "ask", "request"} and verb.dep_ == "xcomp" and verb is token:
        return True  # "invited his counterpart to visit Moscow": an invitation, no visit yet (but
        # "invited Sharif to attend the upcoming SCO summit": the summit is one)
    if head.pos_ == "ADJ" and head.lemma_.lower() in READY_ADJECTIVES:
        return True
    if head.pos_ == "VERB" and head.lemma_.lower() in WISH_VERBS:
        return True
    if head.pos_ == "NOUN" and head.lemma_.lower() in ATTEMPT_NOUNS and verb.dep_ == "acl":
        return True
    return head.lemma_.lower() == "plan" and any(c.dep_ == "det" and c.lower_ == "no" for c in head.children)


def _purpose_of_a_thing(noun) -> bool:
    """"a six-party mechanism for consultations", "a place for Indo-Pakistani talks": a
    meeting noun as what a thing is for (not "arrived in Moscow for talks", a visit's purpose)."""
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ == "for" and head.head.pos_ == "NOUN" \
        and head.head.lemma_.lower() not in NOUN_TRIGGERS


MAYBE_MODALS = {"may", "might", "could"}


def _hypothetical(token) -> bool:
    """"this may become the basis for the official recognition of ...", "a deal could be
    signed": a trigger in a clause of what may be, not of what is ("would" stays: in news
    prose it is mostly a reported future, "the leaders would meet in Astana this week")."""
    verb = token if token.pos_ in {"VERB", "AUX"} else governing_verb(token)
    if verb is None:
        return False
    return any(c.dep_ == "aux" and c.lower_ in MAYBE_MODALS for c in verb.children)
