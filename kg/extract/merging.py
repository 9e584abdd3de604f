"""A learned second look at event coreference: after the rules of :mod:`kg.extract.coref`
have merged what they can, should two of the events left be one?

Each later event is compared with every earlier event of its kind (or of the kind it may
be held within: a meeting at a summit); the pair's features say how the two are named
(a definite noun, "another"), whether their participants, times and statuses agree and how
far apart they stand.  The model (``merge`` in ``decisions.json``, fitted by ``kg train``
from the gold's ``also`` lists) gives the probability that the two are one event; the later
one merges into the likeliest earlier one when that probability reaches its threshold.
Without the model the rules decide alone.
"""
from __future__ import annotations

from dataclasses import replace

from kg.extract.coref import (HELD_AT, MANY_AT_ONCE, marked_distinct, merge_events, statuses_agree, subsumes,
                              times_compatible)
from kg.extract.model import Event, trigger_token

DEMONSTRATIVES = {"this", "that", "these", "those"}


def related_kinds(a: str, b: str) -> bool:
    """Kinds that may name one event: the same, or a meeting held at a summit."""
    return a == b or HELD_AT.get(a) == b or HELD_AT.get(b) == a


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def _last_sentence(event: Event, before: int) -> int:
    return max([event.sentence.index, *(s.index for s in event.also if s.index < before)])


def _time_relation(a: Event, b: Event) -> str:
    ta, tb = a.time, b.time
    if ta is None and tb is None:
        return "none"
    if ta is None or tb is None:
        return "only_a" if tb is None else "only_b"
    if (ta.value, ta.start, ta.end) == (tb.value, tb.start, tb.end) and not ta.is_partial:
        return "same_day" if ta.value and len(ta.value) == 10 else "same"
    if ta.is_partial or tb.is_partial:
        return "partial"
    return "compatible" if times_compatible(ta, tb) else "conflict"


def pair_features(doc, events: list[Event], i: int, j: int, is_state) -> dict[str, float]:
    """What says whether ``events[j]`` (later) is ``events[i]`` named again."""
    a, b = events[i], events[j]
    f = {"bias": 1.0, "kinds=" + ("same" if a.kind == b.kind else "held_at"): 1.0}
    if b.kind in MANY_AT_ONCE:
        f["many_at_once"] = 1.0
    tok = trigger_token(doc, b)
    if tok is not None:
        f["b_pos=" + ("VERB" if tok.pos_ in {"VERB", "AUX"} else "NOUN")] = 1.0
        dets = [c.lower_ for c in tok.children if c.dep_ in {"det", "poss"}]
        det = dets[0] if dets else "none"
        f["b_det=" + ("the" if det == "the" else "dem" if det in DEMONSTRATIVES else
                      "a" if det in {"a", "an"} else "none" if det == "none" else "poss")] = 1.0
        if marked_distinct(tok):
            f["b_distinct"] = 1.0
    if b.definite:
        f["b_definite"] = 1.0
    pa, pb = set(a.participants), set(b.participants)
    if pa == pb:
        f["parts=equal"] = 1.0
    elif pb <= pa:
        f["parts=b_within"] = 1.0
    elif pa <= pb:
        f["parts=a_within"] = 1.0
    elif pa & pb:
        f["parts=overlap"] = 1.0
    else:
        f["parts=disjoint"] = 1.0
    f["shared=" + _bucket(len(pa & pb), (0, 1, 2, 3))] = 1.0
    if any(is_state(p) for p in pb - pa):
        f["b_new_state"] = 1.0
    if any(is_state(p) for p in pa - pb):
        f["a_other_state"] = 1.0
    f["time=" + _time_relation(a, b)] = 1.0
    if a.status == b.status:
        f["status=same"] = 1.0
    elif a.status is None or b.status is None:
        f["status=one"] = 1.0
    else:
        f["status=differ"] = 1.0
    gap = b.sentence.index - _last_sentence(a, b.sentence.index)
    f["gap=" + _bucket(gap, (0, 1, 2, 4, 8))] = 1.0
    between = sum(1 for k in range(i + 1, j) if related_kinds(events[k].kind, b.kind))
    f["between=" + _bucket(between, (0, 1))] = 1.0
    return f


def candidate_pairs(events: list[Event]):
    """(i, j) for every earlier event i of a kind related to later event j's."""
    for j, b in enumerate(events):
        for i in range(j):
            if related_kinds(events[i].kind, b.kind) and events[i].sentence.index <= b.sentence.index:
                yield i, j


GATHERING_REACH = 3  # sentences within which "the meeting" names the summit just spoken of
BODY_REACH = 8  # and within which it names the gathering of the body (or person) it names too


def names_the_gathering(doc, events: list[Event], i: int, j: int, shared_body: bool = False) -> bool:
    """Whether ``events[j]``, a later "the meeting" (or "the summit"), names again the summit
    (or meeting) ``events[i]`` that the article spoke of last: "Pakistan will host the 23rd
    meeting of the SCO Council of Heads of Government ... Sharif will preside over the
    upcoming CHG meeting"; "... attending the meeting of prime ministers of the SCO. ...
    The Prime Minister of Mongolia will also participate in the meeting."  A meeting and a
    summit told one after the other with "the" are one gathering when no other gathering
    is named between, nothing marks the later one as another ("the next meeting") and their
    times and statuses fit; whoever the later sentence adds attends it.  A summit, though,
    is not a meeting told before whose parties it shares none of.  ``shared_body``: the two
    name the same organisation or person ("attending the meeting of prime ministers of the
    SCO ... [another meeting] ... The central event will be the meeting of the SCO Heads of
    Government Council"), which reaches further back and past other gatherings."""
    a, b = events[i], events[j]
    if {a.kind, b.kind} != {"Meeting", "Summit"}:
        return False
    gap = b.sentence.index - _last_sentence(a, b.sentence.index)
    if not 0 < gap <= (BODY_REACH if shared_body else GATHERING_REACH):
        return False
    tok = trigger_token(doc, b)
    if tok is None or tok.pos_ not in {"NOUN", "PROPN"} or marked_distinct(tok):
        return False
    if not any(c.dep_ == "det" and c.lower_ in {"the", *DEMONSTRATIVES} for c in tok.children):
        return False
    if b.kind == "Summit" and a.participants and b.participants and not set(a.participants) & set(b.participants):
        return False  # a summit of others than the meeting's: another gathering
    if _talks_with_a_side(trigger_token(doc, a if a.kind == "Meeting" else b)):
        return False  # "in a meeting with the Russian President ... the twin summits of the SCO": two
    # a bare "the meeting" says nothing of its status: "will also participate in the meeting"
    return times_compatible(a.time, b.time) and (b.status is None or statuses_agree(a.status, b.status))


def _talks_with_a_side(tok) -> bool:
    """"a meeting with the Russian President", "talks between the two leaders", "X met Y": a
    meeting that names the side it is held with is talks between sides, which the guide keeps
    apart from the summit they may be held at ("the meeting of the SCO heads" names no side)."""
    return tok is not None and any(c.dep_ == "prep" and c.lower_ in {"with", "between"} or
                                   c.dep_ == "dobj" and tok.pos_ == "VERB" for c in tok.children)


PEOPLE_REACH = 1  # the next sentence retells an event with the people of its sides


def names_its_people(doc, events: list[Event], i: int, j: int, core_type) -> bool:
    """Whether ``events[j]`` tells ``events[i]`` again with the people who act for its sides:
    "Pakistan and Russia will hold talks in Moscow this week. Foreign Minister Asif will visit
    Moscow to hold talks with his Russian counterpart Lavrov"; "Bilawal is undertaking a visit
    to Moscow. He is visiting at the invitation of Sergey Lavrov".  The later mention, of the
    same kind, in the next sentence, names every participant of the first (which names two at
    least) and adds people only, no state or body; nothing marks it as another event and its
    time and status fit.  Agreements and offers are left out: several are often made at once."""
    a, b = events[i], events[j]
    if a.kind != b.kind or a.kind in MANY_AT_ONCE or core_type is None:
        return False
    gap = b.sentence.index - _last_sentence(a, b.sentence.index)
    pa, pb = set(a.participants), set(b.participants)
    if not 0 < gap <= PEOPLE_REACH or len(pa) < 2 or not pa < pb:
        return False
    if any(core_type(p) != "Person" for p in pb - pa):
        return False
    tok = trigger_token(doc, b)
    if tok is None or marked_distinct(tok):
        return False
    return times_compatible(a.time, b.time) and (b.status is None or statuses_agree(a.status, b.status))


def meets_at_the_summit(doc, meeting: Event, summit: Event, core_type) -> bool:
    """Whether ``meeting`` is the attendance of ``summit`` told by the same sentence: "The
    leadership of India, Pakistan and Russia would meet in Astana during the SCO Astana
    Summit".  The verb "meet" takes the summit as its time ("during", "at"), names no side it
    meets ("met Putin during the summit", "a meeting with X": talks on its sidelines, a
    Meeting of their own) and no person; the states it names attend the summit."""
    if (meeting.kind, summit.kind) != ("Meeting", "Summit") or core_type is None \
            or meeting.sentence.index != summit.sentence.index:
        return False
    tok, held = trigger_token(doc, meeting), trigger_token(doc, summit)
    if tok is None or held is None or tok.pos_ != "VERB" or _talks_with_a_side(tok):
        return False
    if not any(c.dep_ == "prep" and c.lower_ in {"during", "at"} and any(o.i == held.i for o in c.children)
               for c in tok.children):
        return False
    return not any(core_type(p) == "Person" for p in meeting.participants)


SIGNED = {"Agreement", "MemorandumOfUnderstanding"}  # documents that a lead names and the next sentence details
LEAD_SENTENCES = 2  # the lead: the first two sentences (a headline or dateline may stand first)
SIGNING_REACH = 1  # the sentence after the lead's last word on the signing
ADDED = {"also", "too", "further", "additionally", "separately", "besides", "again"}


def _one_more(tok) -> bool:
    """"They also signed an agreement", "agreements", "two accords": the trigger says it is one
    more document or several, not the one named before."""
    if tok.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "nummod" for c in tok.children):
        return True
    clause = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
    return any(c.dep_ == "advmod" and c.lower_ in ADDED for c in (*clause.children, *tok.children))


def retells_the_signing(doc, events: list[Event], i: int, j: int, is_state) -> bool:
    """Whether ``events[j]`` tells again, in the next sentence, the signing that the lead told
    in ``events[i]``: "Pakistan and Russia have struck a deal on barter trade. The two
    countries recently signed a landmark agreement, with a Russian firm set to supply ...";
    "Pakistan and Russia on Friday signed an agreement on the pipeline. The energy minister
    and the ambassador signed the protocol in Moscow".  A news story names the document in its
    lead and gives its details, its firms and signatories, next.  Both name the same two
    states or more (the later may add people and firms, no other state), neither is marked as
    one more or several ("also signed", "another agreement", "agreements"), and their times
    and statuses fit.  Further on, or after other sentences, another document is as likely."""
    a, b = events[i], events[j]
    if a.kind != b.kind or a.kind not in SIGNED or a.sentence.index >= LEAD_SENTENCES:
        return False
    gap = b.sentence.index - _last_sentence(a, b.sentence.index)
    if not 0 < gap <= SIGNING_REACH:
        return False
    sa = {p for p in a.participants if is_state(p)}
    sb = {p for p in b.participants if is_state(p)}
    if len(sa) < 2 or sa != sb:
        return False
    ta, tb = trigger_token(doc, a), trigger_token(doc, b)
    if ta is None or tb is None or _one_more(ta) or _one_more(tb) or marked_distinct(tb):
        return False
    return times_compatible(a.time, b.time) and statuses_agree(a.status, b.status)


def _rules_pass(doc, events: list[Event], is_state, core_type=None) -> list[Event]:
    out = list(events)
    gone: set[int] = set()
    for j, meeting in enumerate(out):
        at = next((i for i, e in enumerate(out) if meets_at_the_summit(doc, meeting, e, core_type)), None)
        if at is not None:
            out[at] = merge_events(out[at], meeting)
            gone.add(j)
    for j in range(1, len(out)):
        if j in gone:
            continue
        at = out[j].sentence.index
        # the gatherings spoken of before, the one spoken of last first
        earlier = sorted((i for i in range(j) if i not in gone and related_kinds(out[i].kind, out[j].kind)
                          and out[i].sentence.index < at), key=lambda i: -_last_sentence(out[i], at))
        if not earlier:
            continue
        retold = next((i for i in earlier if names_its_people(doc, out, i, j, core_type)), None)
        if retold is not None:
            out[retold] = merge_events(out[retold], out[j])
            gone.add(j)
            continue
        signed = next((i for i in earlier if retells_the_signing(doc, out, i, j, is_state)), None)
        if signed is not None:  # the details name its signatories and firms
            out[signed] = merge_events(out[signed], out[j])
            gone.add(j)
            continue
        bodies = {p for p in out[j].participants if not is_state(p)}
        found = earlier[0] if names_the_gathering(doc, out, earlier[0], j) else next(
            (i for i in earlier[1:] if bodies & set(out[i].participants)
             and names_the_gathering(doc, out, i, j, shared_body=True)), None)
        if found is not None:  # a meeting of heads that is also told as a summit is a summit
            merged = merge_events(out[found], out[j])
            out[found] = replace(merged, kind="Summit") if "Summit" in {out[found].kind, out[j].kind} else merged
            gone.add(j)
    return [e for k, e in enumerate(out) if k not in gone]


def merge_pass(doc, events: list[Event], model, is_state, core_type=None) -> list[Event]:
    """``events`` (in text order) with each later event merged into the earlier event the
    model finds it likeliest to name again, when that likelihood reaches the threshold;
    first, whatever the model, a later "the meeting" that names the summit just spoken of
    (:func:`names_the_gathering`), or that retells an event with its sides' people
    (:func:`names_its_people`; ``core_type(entity)`` tells people)."""
    events = _rules_pass(doc, events, is_state, core_type)
    if model is None or len(events) < 2:
        return events
    merged_into: dict[int, int] = {}
    out = list(events)
    for j in range(len(events)):
        best, best_p = None, model.threshold
        for i in range(j):
            if i in merged_into or not related_kinds(events[i].kind, events[j].kind) \
                    or events[i].sentence.index > events[j].sentence.index:
                continue
            p = model.probability(pair_features(doc, events, i, j, is_state))
            if p >= best_p:
                best, best_p = i, p
        if best is not None:
            merged_into[j] = best
            out[best] = merge_events(out[best], out[j], participants=subsumes(out[best], out[j]))
    return [e for k, e in enumerate(out) if k not in merged_into]
