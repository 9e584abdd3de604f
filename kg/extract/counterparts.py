"""One meeting per counterpart: "met leaders of A, B and C" reports three meetings; one
visit per visitor: "A's minister X, B's premier Y and C's premier Z have landed in
Pakistan" reports three visits.

When the counterpart of a meeting (the object of "met", or of "with" after "met", "talks",
"held discussions") is a list of two or more agents, each with an entity of its own among
the event's participants, the event becomes one event per listed counterpart.  Every copy
keeps the participants named outside the list (the side that meets) and takes those of its
own list item (a person and the state the text ties them to).
"""
from __future__ import annotations

from dataclasses import replace

from kg.extract.context import Context
from kg.extract.model import Event

SPLIT_KINDS = {"Meeting"}
# "leaders of A, B and C": a plural noun whose "of"/"from" phrase holds the list
GROUP_HEADS = {"leader", "counterpart", "head", "minister", "official", "representative", "delegation",
               "president", "envoy", "dignitary"}
HOLD_VERBS = {"hold", "have", "conduct"}


def per_counterpart(ctx: Context, token, event: Event) -> list[Event]:
    """``event`` as one event per listed counterpart, or ``[event]`` when it has no list."""
    if event.kind in VISIT_KINDS:
        return per_visitor(ctx, token, event)
    if event.kind not in SPLIT_KINDS:
        return [event]
    head = _counterpart(token)
    items = _listed(head)
    stray = _stray(items)
    items += stray
    words = [_own(item) for item in items]
    surface = _surface_list(ctx, head)
    if len(surface) > len(items):  # the parse lost the list's later items: its words tell them
        stray = [segment[0] for segment in surface[len(items):]]
        items = [segment[0] for segment in surface]
        words = surface
    if len(items) < 2:
        return [event]
    sets = []
    for item, own in zip(items, words):
        entities: set[str] = set()
        for m in ctx.mentions_in(own):
            if ctx.is_agent(m.entity):
                entities.add(m.entity)
                nationality = ctx.nationality(m.entity)
                if nationality:
                    entities.add(nationality)
        sets.append(entities)
    chosen = set(event.participants)
    for item, entities in zip(items, sets):
        if item in stray:  # named in the list: it takes part though the parse hung it apart
            chosen |= entities
    exclusive = [(s - set().union(*(o for j, o in enumerate(sets) if j != i))) & chosen
                 for i, s in enumerate(sets)]
    if sum(1 for e in exclusive if e) < 2:
        return [event]
    listed = set().union(*exclusive)
    shared = [p for p in event.participants if p not in listed]
    if not shared:  # nobody meets them all ("a meeting ... with Russia and Afghanistan"): they meet each other
        return [event]
    out = []
    for own_set, entities in zip(exclusive, sets):
        if not own_set:
            continue
        keep = [p for p in event.participants if p in shared or p in (entities & chosen)]
        added = sorted((entities & chosen) - set(event.participants))
        out.append(_restrict(event, keep, added))
    return out


VISIT_KINDS = {"StateVisit"}


def per_visitor(ctx: Context, token, event: Event) -> list[Event]:
    """A visit verb whose subject lists visitors of two or more states, each named ("X of
    India, Y of China and Z of Kyrgyzstan arrived in Pakistan"): one visit each, with its
    own visitor and state and the host (the participants named outside the list).  Visitors
    of one state ("Sharif and Dar visited Moscow") stay one visit, a delegation's."""
    if token.pos_ != "VERB":
        return [event]
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if not subjects:
        return [event]
    chosen = set(event.participants)
    sets, states = [], []
    for segment in _segments(sorted(subjects[0].subtree, key=lambda t: t.i)):
        entities = {m.entity for m in ctx.mentions_in(segment) if ctx.is_agent(m.entity)} & chosen
        people = [e for e in entities if ctx.core_type(e) == "Person"]
        named = {e for e in entities if ctx.is_state(e)}
        state = named or {ctx.speaks_for(p) for p in people} - {None}
        if len(people) != 1 or len(state) != 1:
            return [event]  # a visitor unnamed, or of no single state: not a list of visitors
        sets.append(entities | state)
        states.append(next(iter(state)))
    if len(states) < 2 or len(set(states)) < len(states):
        return [event]
    listed = set().union(*sets)
    host = [p for p in event.participants if p not in listed]
    if not host:
        return [event]
    return [_restrict(event, [p for p in event.participants if p in own or p in host],
                      sorted((own & chosen) - set(event.participants))) for own in sets]


def _segments(words) -> list[list]:
    """A subject's words cut at its commas and "and": the items of a list."""
    out, cur = [], []
    for w in words:
        if w.text == "," or (w.dep_ == "cc" and w.lower_ == "and"):
            if cur:
                out.append(cur)
            cur = []
        else:
            cur.append(w)
    if cur:
        out.append(cur)
    return out


def _restrict(event: Event, keep: list[str], added: list[str] = ()) -> Event:
    index = {p: i for i, p in enumerate(event.participants)}
    extra = {}
    if event.participant_confidence:
        low = min(event.participant_confidence)
        extra["participant_confidence"] = tuple(event.participant_confidence[index[p]] for p in keep) \
            + (low,) * len(added)
    if event.roles:
        extra["roles"] = tuple(event.roles[index[p]] for p in keep) + ("partner",) * len(added)
    return replace(event, participants=tuple(keep) + tuple(added), **extra)


def _counterpart(token):
    """The head of the counterpart phrase of a meeting trigger, or None."""
    if token.pos_ == "VERB":
        for c in token.children:
            if c.dep_ == "dobj":
                return c
        holders = [token]
    else:
        holders = [token]
        if token.dep_ == "dobj" and token.head.lemma_.lower() in HOLD_VERBS:
            holders.append(token.head)  # "held talks with A and B": "with" may hang on the verb
    for holder in holders:
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ == "with":
                objects = [o for o in c.children if o.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return None


def _listed(head) -> list:
    """The coordinated items of a counterpart phrase ("A, B and C"), else [head]."""
    if head is None:
        return []
    items = _conjuncts(head)
    if len(items) == 1 and head.lemma_.lower() in GROUP_HEADS and head.tag_ == "NNS":
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in {"of", "from"}:
                objects = [o for o in prep.children if o.dep_ == "pobj"]
                if objects:
                    return _conjuncts(objects[0])
    return items


def _stray(items) -> list:
    """The items of a list that the parse hung on the verb ("talks with A, B, and Tajik
    President C": C as a conjunct of "held"; "meet with A, B, C and D": B as a noun phrase
    of "meet" and C, D as its conjuncts): a proper noun under a word above the list, as a
    conjunct or a loose noun phrase, whose words start right after the list past only commas
    and "and", with the proper nouns coordinated with it."""
    if not items:
        return []
    doc = items[0].doc
    end = max(t.i for t in items[-1].subtree) + 1
    above = {t.i for t in items[0].ancestors}
    out = []
    for tok in doc[end:min(len(doc), end + 12)]:
        if tok.pos_ == "PROPN" and tok.head.i in above and (
                tok.dep_ == "conj" and len(items) >= 2 or tok.dep_ in LOOSE_NOUN_PHRASES):
            start = min(t.i for t in tok.subtree if not t.is_punct)
            if (start > end or tok.dep_ == "conj") and all(t.text == "," or t.lower_ == "and"
                                                          for t in doc[end:start]):
                out.extend(t for t in _conjuncts(tok) if t.pos_ == "PROPN")
            break
    return out


# how the parse hangs a list's later items on the verb when it loses the list ("meet with A, B")
LOOSE_NOUN_PHRASES = {"npadvmod", "appos"}


def _conjuncts(head) -> list:
    items = [head]
    for c in head.children:  # chained ("A, B -> C") or flat ("A -> B, A -> C")
        if c.dep_ == "conj":
            items.extend(_conjuncts(c))
    return sorted(items, key=lambda t: t.i)


# words inside a named person's title and name ("Pakistani Prime Minister Shehbaz Sharif",
# "Kazakh President Kassym-Jomart Tokayev", "Minister of Foreign Affairs X")
NAME_POS = {"PROPN", "NOUN", "ADJ"}


def _surface_list(ctx: Context, head) -> list[list]:
    """The items of a counterpart list read from its words, not its parse: from the head's
    phrase onwards, titles and names cut at commas and "and", up to the first other word ("on
    the sidelines ..."); a last item right before a verb is that verb's subject, not an item
    ("..., Dawn news reported").  Each item names a person or a state; [] when that is not a
    list."""
    if head is None:
        return []
    doc = head.doc
    out, cur = [], []
    i = min(t.i for t in head.subtree)
    while i < len(doc):
        t = doc[i]
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if t.text == "," or t.lower_ == "and":
            if cur:
                out.append(cur)
            cur = []
        elif t.pos_ in NAME_POS or t.text in {"-", "‑", "."} and cur and nxt is not None and nxt.pos_ == "PROPN" \
                or t.lower_ == "of" and cur and nxt is not None and nxt.pos_ in NAME_POS:
            cur.append(t)
        else:
            if t.pos_ in {"VERB", "AUX"}:
                cur = []  # "..., Dawn news reported": the subject of the next clause
            break
        i += 1
    if cur:
        out.append(cur)
    named = [seg for seg in out if any(ctx.core_type(m.entity) in {"Person", "State"} for m in ctx.mentions_in(seg))]
    return out if len(named) == len(out) >= 2 else []


def _own(item) -> list:
    """An item's words without the items coordinated after it."""
    out = [item]
    for c in item.children:
        if c.dep_ not in {"conj", "cc"}:
            out.extend(c.subtree)
    return out
