"""Events: a trigger word, its kind, and who, where and when from the parse around it.

Candidates come from the trigger rules (:mod:`kg.extract.triggers`) and the parse; who
takes part is decided per candidate (:mod:`kg.extract.participants`) by the learned
participant model, and every event and participant link gets a confidence from the learned
models (:mod:`kg.extract.decisions`).  Mentions of one event in an article become one event
(merged).  Last, a finished event's confidence says how sure the pipeline is that it is right
as a whole (:mod:`kg.extract.strictness`), and events below ``min_confidence`` are dropped.
"""
from __future__ import annotations

from dataclasses import replace

from kg.extract.attendees import add_attendees
from kg.extract.context import Context
from kg.extract.coref import (ORDINAL_RE, ORDINALS, antecedent, latest_of_kind, marked_distinct, merge_events,
                              merge_sole, said_of_an_earlier, same_day_overlap, sole_antecedent, statuses_agree,
                              subject_event, subsumes, times_compatible)
from kg.extract.counterparts import per_counterpart
from kg.extract.decisions import Decisions, shipped
from kg.extract.duration import days_range
from kg.extract.editions import editions
from kg.extract.features import MODALS, event_features, participant_features
from kg.extract.gatherings import side_meetings_attend, without_forum
from kg.extract.joiners import per_joiner
from kg.extract.merging import merge_pass
from kg.extract.model import Event, Span, attached_by, trigger_token
from kg.extract.participants import candidates, one_sided
from kg.extract.realis import HABIT_ADVERBS, not_an_event
from kg.extract.respectively import respectively
from kg.extract.retold_time import retold_times
from kg.extract.scope import own_tokens
from kg.extract.sequence_time import dated_by_gathering, dated_by_sequence
from kg.extract.strictness import judged
from kg.extract.status import event_status, scheduled_once_dated, status_conflict
from kg.extract.timing import OCCURRING, continued_afar, continued_time, dated_by_name, event_time
from kg.extract.trigger_lexicon import QUANTITY_NOUNS
from kg.extract.triggers import NOUN_TRIGGERS, TRIGGER_WORDS, TWO_SIDED, irrealis, trigger_kind
from kg.extract.tokens import token_indices
from kg.extract.venues import add_venues
from kg.extract.war_sides import keep_own_sides


def find_events(ctx: Context, decisions: Decisions | None = None, min_confidence: float = 0.0,
                collect: list | None = None, finish=None) -> list[Event]:
    """All events in an article, one per event (its mentions merged), in text order.

    ``collect``, when given, receives ``(event, event features, [(candidate, features)])``
    for every candidate before any learned decision (training data for ``kg train``).
    ``finish`` takes the finished events through the article-level steps before the strict
    model judges them (it is fitted on events after them, :mod:`kg.extract.train_strict`).
    """
    decisions = decisions or shipped()
    events: list[Event] = []

    def counterpart(entity: str) -> bool:  # a state or a person: who a meeting is with
        return ctx.core_type(entity) in {"State", "Person"}
    # "be" only in "the delegation was in Moscow" (kg.extract.verb_triggers.present_in_place)
    cues = token_indices(ctx.doc, lemma=TRIGGER_WORDS | {"be"}, lower=NOUN_TRIGGERS)
    for token in (ctx.doc[i] for i in cues):  # no other token has a trigger kind
        if ctx.in_author_bio(token):
            continue
        kind = trigger_kind(token)
        if kind is None or irrealis(token) or not_an_event(token, kind):
            continue
        event = _build(ctx, token, kind, decisions, collect)
        if event is None:
            continue
        event = days_range(ctx, event)  # "a two-day visit on Wednesday": the range, before mentions merge
        if said_of_an_earlier(token):  # "This will be the third drill ...": the drill just named
            # "The visit by Prime Minister Khan is a planned visit": the subject's event
            i = subject_event(events, token, kind, trigger_kind)
            if i is None and not any(c.dep_ == "nsubj" and c.pos_ == "NOUN" for c in token.head.children):
                i = latest_of_kind(events, kind, event.sentence.index)
            if i is not None:
                events[i] = merge_events(events[i], replace(event, time=None, status=None), participants=False)
                continue
        distinct = marked_distinct(token)
        other = marked_distinct(token, ordinals=False)  # "the last meeting", not "the third"
        own = {m.entity for m in ctx.mentions_in(_modifiers(token)) if ctx.is_agent(m.entity)}
        if not event.participants:  # a mention only: of the event it refers back to, or of none
            told = event.time  # the time its clause tells, before it is kept to its own words
            if not (token.dep_ in {"nsubj", "nsubjpass"} and token.head.lemma_.lower() in OCCURRING) \
                    and not _in_own_words(token, event.time):
                # its time only from its own words ("the meeting on 5 May", "tomorrow's meeting")
                # or from "the meeting took place on ..."
                event = replace(event, time=None)
            named = _states_named(ctx, event.sentence)  # "India and Russia ... their exercise": theirs
            i = antecedent(events, event, distinct, own | named, ctx.is_state, counterpart)
            if i is not None and (_first_of_series(token, events[i], event) or _told_apart(told, events[i])):
                continue
            if i is not None and not status_conflict(ctx, events[i], event):
                events[i] = merge_events(events[i], event, participants=False)
            else:  # "the meeting" when the article named one meeting before
                i = sole_antecedent(events, event, token, own, _named_in_phrase(ctx, token))
                if i is not None and not status_conflict(ctx, events[i], event) and not _told_apart(told, events[i]):
                    events[i] = merge_sole(events[i], event)
            continue
        if decisions.strict is None and (event.confidence or 0.0) < min_confidence:
            continue  # with a strict model, the threshold applies to the finished event
        for event in (attached_by(e, "split") for r in respectively(ctx, token, event)
                      for c in per_counterpart(ctx, token, r) for e in per_joiner(ctx, token, c)):
            for i, earlier in enumerate(events):
                if not other and _same_event(earlier, event) and not status_conflict(ctx, earlier, event) \
                        and not _first_of_series(token, earlier, event):
                    # of two overlapping sets of participants the first (the fuller telling) stays
                    keep = same_day_overlap(earlier, event) and not subsumes(earlier, event)
                    events[i] = merge_events(earlier, event, participants=not keep)
                    break
            else:
                i = antecedent(events, event, distinct, own, ctx.is_state, counterpart)
                if i is not None and _first_of_series(token, events[i], event):
                    events.append(event)
                elif i is None or status_conflict(ctx, events[i], event):
                    sole = sole_antecedent(events, event, token, own, _named_in_phrase(ctx, token))
                    if sole is not None and not status_conflict(ctx, events[sole], event):
                        events[sole] = merge_sole(events[sole], event)  # "the meeting": the one named before
                    else:
                        events.append(event)
                else:  # a mention of an event named before: its evidence, time and status
                    events[i] = merge_events(events[i], event, participants=subsumes(events[i], event))
    events.extend(attached_by(e, "edition") for e in editions(ctx, events))  # "Its first edition was held in 2016": one of a series
    events.sort(key=lambda e: (e.sentence.index, e.trigger.start))
    _attach_names(ctx, events)
    events = [days_range(ctx, continued_time(ctx, e)) for e in events]
    afar = continued_afar(ctx, events)  # "The exercise commenced on 13 October"
    events = [e if e is before else days_range(ctx, e) for e, before in zip(afar, events)]
    events = dated_by_sequence(ctx, events)  # "two days after the summit began, ... conducted the drill"
    events = dated_by_gathering(events)  # "..., Putin said at the meeting, adding that Moscow stood ready to help"
    events = [attached_by(e, "attendee") for e in add_attendees(ctx, events)]  # "The forum was inaugurated by X"
    events = add_venues(ctx, events)  # "commenced here", "This exercise will be organized in X"
    events = [attached_by(e, "merge") for e in merge_pass(ctx.doc, events, decisions.merge, ctx.is_state,
                                                          ctx.core_type)]
    events = retold_times(ctx, events)  # "... the intergovernmental agreement of 16 October 2015"
    events = [dated_by_name(ctx, e) for e in events]  # "'Friendship 2016' ... from September 24 to October 10"
    # the guide's forum and sidelines rules
    events = [attached_by(e, "side-meeting") for e in side_meetings_attend(ctx, without_forum(ctx, events))]
    events = [scheduled_once_dated(e) for e in events]  # "plans to sign a deal ... The deal is to be signed on 3 May"
    # a meeting needs its other side ("Pakistan to hold talks on trade": with whom?); a visit
    # between states names a state or a person
    events = [e for e in events if not one_sided(ctx, e.kind, e.participants, trigger_token(ctx.doc, e))
              and (e.kind not in STATE_KINDS or any(ctx.core_type(p) in {"State", "Person"} for p in e.participants))
              and not _arrival_without_host(ctx, e)]
    events = finish(events) if finish is not None else events
    return events if decisions.strict is None else judged(ctx, events, decisions.strict, min_confidence)


#: Kinds of events between states, made by their people: one that names neither a state nor
#: a person is not one ("the officers also visited the exhibition at the Expo Centre").
STATE_KINDS = {"StateVisit"}

OWN_PREPS = {"of", "between", "with", "among", "by"}
ARRIVAL_LEMMAS = {"arrive", "land"}


def _arrival_without_host(ctx: Context, event: Event) -> bool:
    """"Sharif arrived in Samarkand to partake in the summit" with no host state found: an
    arrival names its host, else it is a trip to a gathering (its own event), not a visit."""
    if event.kind != "StateVisit" or trigger_token(ctx.doc, event).lemma_.lower() not in ARRIVAL_LEMMAS:
        return False
    return len({ctx.speaks_for(p) or p for p in event.participants}) < 2


def _named_in_phrase(ctx: Context, token) -> set[str]:
    """The states, people and places named in a trigger noun's own phrase ("the visit to
    Pakistan", "the meeting in Kazan")."""
    return {m.entity for m in ctx.mentions_in(list(token.subtree))
            if ctx.core_type(m.entity) in {"State", "Person"} or ctx.is_place(m.entity)}
FIRST_WORDS = {"first", "maiden", "inaugural"}


def _first_of_series(token, earlier: Event, mention: Event) -> bool:
    """"Friday's session is the fifth gathering ... Its first meeting was held on April 14,
    2017": a mention counted in its series ("first", "5th"), told with a time of its own
    other than the time of the event named before, is that one of the series, not the event
    named before (whose time it would replace).  "Special forces have begun a joint exercise
    ... The two countries conducted their first joint exercises in September 2016", "the 5th
    Meeting of the IGC held in November 2017" after an undated meeting: a dated counted
    mention is not the undated event named before either, unless that one bore the same count."""
    count = _count(token)
    if mention.time is None or count is None:
        return False
    if earlier.time is None:
        named = token.doc.char_span(earlier.trigger.start, earlier.trigger.end, alignment_mode="expand")
        return bool(mention.time.value) and (named is None or _count(named.root) != count)
    return mention.time.span.text != earlier.time.span.text


def _count(token) -> str | None:
    """The word that counts a trigger in its series ("first", "fifth", "5th"), or None."""
    for c in token.children:
        if c.dep_ in {"amod", "nummod"} and (c.lower_ in FIRST_WORDS | ORDINALS or ORDINAL_RE.match(c.lower_)):
            return c.lower_
    return None


def _told_apart(told, earlier: Event) -> bool:
    """"They held their first joint exercise in October 2016. In 2017, over 200 servicemen
    took part in the drills": a mention whose clause tells a date that the earlier event's
    date cannot share is another event (told too thinly to stand alone), not that one."""
    return told is not None and bool(told.value) and earlier.time is not None and bool(earlier.time.value) \
        and not times_compatible(told, earlier.time)


def _modifiers(token) -> list:
    """The words that say whose event a noun names: "the Sharif-Putin meeting", "Russia's
    exercises", "the meeting of the commission", "talks between A and B"."""
    out = []
    for c in token.children:
        if c.dep_ in {"compound", "poss", "amod", "nmod"} or (c.dep_ == "prep" and c.lower_ in OWN_PREPS):
            out.extend(c.subtree)
    return out


def _states_named(ctx: Context, sentence) -> set[str]:
    span = ctx.doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
    return {m.entity for m in ctx.mentions_in(span or []) if ctx.is_state(m.entity)}


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


def _same_event(a: Event, b: Event) -> bool:
    """Whether ``b`` (found later) speaks of the event ``a`` again.

    Same kind, one's participants contained in the other's, no conflicting time or
    status.  In one sentence that joins "visited Moscow ... termed his visit"; across
    sentences it joins "the disintegration of the USSR ... the collapse of the Soviet Union".
    """
    if a.kind != b.kind:
        return False
    pa, pb = set(a.participants), set(b.participants)
    same_sentence = a.sentence.index == b.sentence.index
    # "The meeting included Ishaq Dar and Asim Munir" right after the meeting: a definite
    # mention within two sentences adds participants to it
    follows = b.definite and 0 < b.sentence.index - a.sentence.index <= 2 and statuses_agree(a.status, b.status)
    if not (pa <= pb or pb <= pa or follows or same_day_overlap(a, b)):
        return False
    if not statuses_agree(a.status, b.status) and (same_sentence or b.status is not None):
        return False
    if not times_compatible(a.time, b.time):
        return False
    if same_sentence:
        return True
    # a later sentence speaks of the same event with a definite noun phrase ("the
    # collapse of ...", "Putin's visit"), and adds no time the first mention lacks
    return (b.definite and (b.time is None or a.time is not None)) or same_day_overlap(a, b)


# -- building ------------------------------------------------------------------------
# kinds whose every instance has two sides or more: one named party is a misread ("Russia agreed
# to supply an engine", "they signed a deal" with "they" read as one state); 64 of 66 dev159 gold
# Agreements and memoranda name two or more
PACT_KINDS = {"EstablishmentOfRelations", "Agreement", "MemorandumOfUnderstanding"}


# words that make a plural trigger an open series of occasions, none in particular
OPEN_SERIES = {"more", "future", "regular", "frequent"}


def _build(ctx: Context, token, kind: str, decisions: Decisions, collect: list | None) -> Event | None:
    sentence = ctx.sentence_of(token)
    if sentence is None:
        return None
    cands, places, inside = candidates(ctx, token, kind, sentence)
    if kind in TWO_SIDED:
        keep_own_sides(ctx, token, cands)  # "Putin's visit is not linked to the conflict in Ukraine": no side
    rule_parts = [c for c in cands if c.rule]
    time = event_time(ctx, token, sentence, inside, kind)
    status = event_status(token, time)
    trigger = Span(token.idx, token.idx + len(token), token.text)
    if token.tag_ in {"NNS", "NNPS"} and any(c.dep_ == "amod" and c.lower_ in OPEN_SERIES for c in token.children):
        # "to hold more bilateral exercises", "future exercises", "regular summits": no particular event
        return _mention(token, kind, sentence, trigger, time, status)
    if token.tag_ in {"NNS", "NNPS"} and not _one_held(token) and not any(
            ctx.is_agent(m.entity) or ctx.is_place(m.entity) for m in ctx.mentions_in(own_tokens(token))):
        # "high-level visits": generic, no particular event; "the talks": perhaps a mention
        return _mention(token, kind, sentence, trigger, time, status)
    cfeats = [(c, participant_features(token, kind, c, ctx.core_type(c.entity), len(cands))) for c in cands]
    efeats = event_features(token, kind, len(rule_parts), time is not None, status, sentence.index)
    if collect is not None:
        draft = Event(kind, sentence, trigger, tuple(c.entity for c in rule_parts), tuple(places), time, status)
        collect.append((draft, efeats, cfeats))
    chosen = []
    for c, f in cfeats:
        p = decisions.participant_probability(f, c.rule)
        if decisions.takes_participant(p, c.rule):
            chosen.append((c, p))
    if not chosen:
        return _mention(token, kind, sentence, trigger, time, status)
    if kind in TWO_SIDED | PACT_KINDS and len(chosen) < 2:
        return None  # an armed conflict names its two sides; relations and a deal are between two or more
    return Event(kind, sentence, trigger, tuple(c.entity for c, _ in chosen), tuple(places), time, status,
                 definite=_definite(token), confidence=round(decisions.event_probability(efeats), 3),
                 participant_confidence=tuple(round(p, 3) for _, p in chosen),
                 roles=tuple(c.role for c, _ in chosen), provenance=tuple((c.entity, c.source) for c, _ in chosen))


def _in_own_words(token, time) -> bool:
    """Whether ``time`` stands in the trigger noun's own phrase."""
    if time is None:
        return False
    words = list(token.subtree)
    return words[0].idx <= time.span.start and time.span.end <= words[-1].idx + len(words[-1])


def _mention(token, kind, sentence, trigger, time, status) -> Event | None:
    """"The meeting took place on 4 July": a definite noun that names no participant may
    still speak of an event named before (an event without participants, never emitted)."""
    if not _definite(token) or kind in TWO_SIDED:
        return None
    return Event(kind, sentence, trigger, (), (), time, status, definite=True)


ONE_EVENT_PLURALS = {"talks", "discussions", "negotiations", "consultations"}
# "inked eight agreements", "signed three memoranda", "conducted their first joint
# exercises", "held meetings with": plurals that name one occasion when a verb of doing
# holds them at a particular time
OCCASION_PLURALS = {"agreements", "memoranda", "memorandums", "mous", "deals", "contracts", "accords", "protocols",
                    "exercises", "drills", "wargames", "meetings"}
OCCASION_VERBS = {"hold", "have", "conduct", "begin", "start", "complete", "conclude", "stage", "carry", "launch",
                  "sign", "ink", "initial", "seal", "strike", "finalise", "finalize", "enter", "participate"}


def _one_held(token) -> bool:
    """"Pakistan and Russia held talks", "are holding consultations", "inked eight
    agreements", "began two-week exercises", "entered into agreements": a plural that names
    one occasion, done by the clause's subject at a particular time (not "hold talks
    regularly", not "could hold talks", not "hold exercises" in the present tense)."""
    plural = token.lower_
    if plural in ONE_EVENT_PLURALS:
        if token.dep_ != "dobj":
            return False
        verb = token.head
    elif plural in OCCASION_PLURALS:
        verb = _occasion_verb(token)
        if verb is None:
            return False
        if verb.tag_ == "VB" and not any(c.dep_ == "aux" and c.lower_ in {"will", "shall"} for c in verb.children):
            return False  # "agreed to conduct joint exercises": the agreement is the event
    else:
        return False
    if verb.tag_ in {"VBZ", "VBP"} or any(c.lower_ in HABIT_ADVERBS for c in verb.children):
        return False
    return not any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)


# "a series of exercises", "a round of talks": the occasion plural under a noun of sequence
SERIES_NOUNS = {"series", "round", "rounds", "cycle", "set"}
# "took part in the drills", "arrived for the exercises": verbs of going to or joining an occasion
PARTAKE_PREPS = {"in": {"take", "participate", "join"}, "for": {"arrive", "come", "travel", "reach", "land"}}


def _occasion_verb(token):
    """The verb that holds an occasion plural, when it is one of doing it ("conducted
    exercises", "entered into agreements", "participated in the drills", "took part in the
    drills", "participated in a series of exercises", "arrived in Pakistan for the naval
    exercises"), else None."""
    verb = token.head
    if token.dep_ == "pobj" and verb.lower_ == "of" and verb.head.lower_ in SERIES_NOUNS | QUANTITY_NOUNS \
            and verb.head.dep_ in {"pobj", "dobj"}:
        token, verb = verb.head, verb.head.head  # "participated in a series of exercises", "signed a handful of accords"
    if token.dep_ == "pobj" and verb.lower_ in {"into", "in", "for"}:
        prep = verb.lower_
        verb = verb.head  # "entered into agreements", "participated in the drills"
        if verb.lemma_.lower() == "part" and verb.dep_ == "dobj":
            verb = verb.head  # "took part in the drills"
        lemma = verb.lemma_.lower()
        if not (lemma in OCCASION_VERBS and prep != "for" or lemma in PARTAKE_PREPS.get(prep, ())) \
                or lemma == "take" and not any(c.lemma_.lower() == "part" for c in verb.children):
            return None
    elif token.dep_ != "dobj" or verb.lemma_.lower() not in OCCASION_VERBS:
        return None
    return verb if verb.pos_ == "VERB" else None


DEFINITE_DETERMINERS = {"the", "this", "that", "these", "those"}


def _definite(token) -> bool:
    """A noun with "the", "this" or "that", or a possessive: may refer back to an event
    named before ("India said that visit had been postponed")."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    if any((c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS) or c.dep_ == "poss" for c in token.children):
        return True
    # "said that visit had been postponed": the parser takes "that" for a conjunction, but
    # a singular noun without a determiner of its own is the demonstrative's
    return token.tag_ == "NN" and token.i > 0 and token.nbor(-1).lower_ in {"that", "this"} \
        and not any(c.dep_ == "det" for c in token.children)
