"""Who may take part in an event: every agent the sentence names, each with how it was
found, and whether the hand-written scope rules would include it.

The rules take the states, organisations and people named in the trigger's scope
(:mod:`kg.extract.scope`), the people a pronoun there stands for, a person's nationality and
the state of a place; for a membership, the member and the organisations.  The other agents
of the sentence are candidates too, so that a learned decision
(:mod:`kg.extract.decisions`) can take one the scope misses ("his meeting with ...") and drop
one the scope wrongly holds (the source that reports the event, a state that stayed away).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.attendees import speakers_at
from kg.extract.boundaries import (according_to, act_of_its_own, coordinated_event, credit, dated_by, dateline_line, framed,
                                   nearer_event, office_body, other_clause, post, reaction, reports_it, sender_of_message,
                                   subordinate, trailing_speaker)
from kg.extract.context import POSSESSIVE_PRONOUNS, PRONOUN_SUBJECTS, Context
from kg.extract.datelines import dateline_place
from kg.extract.founded import PACTS, founded_by_pact
from kg.extract.gatherings import entity_name, is_forum, on_its_sidelines
from kg.extract.groups import resolve_group
from kg.extract.holders import holders
from kg.extract.members import member_and_organisations
from kg.extract.other_side import other_side
from kg.extract.onlookers import commentator, invitation, joining_side, stand_in
from kg.extract.own_names import is_event_name, locates_a_place, names_the_event, premises, sits_in
from kg.extract.scope import scope
from kg.extract.speaker_side import SAYING, STANCE_KINDS, own_country, speaker_for
from kg.extract.syntax import name_head
from kg.extract.titled import in_title
from kg.extract.topics import CONTENT_KINDS, TALKS, content, topic
from kg.extract.triggers import welcomes_a_visitor

# kinds whose venue state takes part even when two other states are named: the state visited, the
# host of a summit (but not of an organisation's own summit: see _organisations_own)
VENUE_TAKES_PART = {"StateVisit", "Summit"}
# kinds a side comes to (:func:`kg.extract.onlookers.joining_side`): that side and the state it
# arrives in take part
JOIN_KINDS = {"MilitaryExercise", "Meeting", "Summit", "StateVisit"}
# kinds whose people attend in person (see _people_of_their_states)
GATHERING_KINDS = {"Meeting", "Summit", "StateVisit"}


@dataclass
class Candidate:
    entity: str
    source: str  # scope, pronoun, nationality, place, member, sentence
    token: object | None  # the token that names it (or names what it was derived from)
    rule: bool  # whether the scope rules include it
    role: str = "participant"


def candidates(ctx: Context, token, kind: str, sentence) -> tuple[list[Candidate], list[str], list]:
    """``(candidates, places, scope tokens)`` of the trigger ``token`` in ``sentence``."""
    inside = [t for t in scope(token) if sentence.span.start <= t.idx < sentence.span.end]
    out: dict[str, Candidate] = {}
    acting: set[str] = set()
    places: list[str] = []

    inviting = invitation(token)

    def add(eid, source, tok, rule=True):
        if tok is not None and (credit(ctx.text, tok) or dateline_line(ctx.text, tok)):
            return  # "Moscow, 30 January 2023 (TDI): ...": the report's source; "Benaulim, India": where
        if rule and tok is not None and tok.i in inviting and source not in {"place", "event-name"}:
            source, rule = "invitation", False  # "Putin invited Sharif to attend the summit"
        if rule and tok is not None and (according_to(tok) or trailing_speaker(tok)
                                         or kind not in STANCE_KINDS and reports_it(tok, token)):
            source, rule = "reporter", False  # "..., according to Kremlin spokesman Dmitry Peskov", "..., X told"

        if rule and tok is not None and source in {"scope", "place", "nationality", "title", "pair", "sentence-nationality"}:
            if framed(tok, token) and source != "sentence-nationality":
                source, rule = "frame", False
            elif other_clause(ctx, tok, token) or subordinate(tok, token) or dated_by(tok, token) \
                    or coordinated_event(tok, token):
                source, rule = "clause", False
            elif reaction(tok, token):
                source, rule = "reaction", False
            elif kind in TALKS and topic(tok, token):
                source, rule = "topic", False
            elif kind in CONTENT_KINDS and ctx.core_type(eid or "") == "Organisation" and content(tok, token):
                source, rule = "content", False  # "agreed to buy some of their Hind helicopters"
            elif kind in PACTS and ctx.core_type(eid or "") == "Organisation" and founded_by_pact(tok, token):
                source, rule = "founded", False  # "agreed to set up a joint venture, X": what the pact founds
            elif source == "scope" and ctx.is_state(eid or "") and firm_origin(tok):
                source, rule = "firm-origin", False  # "two companies from Russia and Pakistan signed deals"
            elif kind == "StateVisit" and ctx.core_type(eid or "") == "Organisation" and nearer_event(tok, token):
                source, rule = "clause", False  # "his visit to Moscow to attend a summit of the SCO": the summit's
            elif source == "scope" and ctx.core_type(eid or "") == "Organisation" and premises(tok, entity_name(ctx, eid)):
                source, rule = "premises", False  # "held at the Ministry of Foreign Affairs": where, not who
            elif source == "scope" and post(tok) and ctx.core_type(eid or "") != "Person":
                source, rule = "post", False  # (not "Ambassador to Pakistan X" parsed with X under "to")
            elif source == "scope" and ctx.core_type(eid or "") == "Organisation" and office_body(tok):
                source, rule = "post", False  # "Speaker of the National Assembly X visited Moscow"
        if eid and rule and source not in {"place", "sentence-nationality"}:
            acting.add(eid)  # named as taking part, not only by the place it happens in
        if eid and eid not in out:
            out[eid] = Candidate(eid, source, tok, rule, _role(tok, token))
        elif eid and rule and not out[eid].rule and not (source == "place" and out[eid].source == "frame"):
            out[eid].rule = True  # (a venue's state the frame left out stays out: "in Samarkand, Uzbekistan")

    for tok in inside:
        state = own_country(ctx, tok)
        if state is not None:
            add(state, "own-country", tok)  # "their country will provide support": the speaker's state
        elif tok.lower_ in POSSESSIVE_PRONOUNS | PRONOUN_SUBJECTS and tok.dep_ in {"poss", "nsubj", "nsubjpass"} \
                and not _in_other_clause(tok, token):
            for eid in ctx.resolve_pronoun(tok):
                add(eid, "pronoun", tok)
                add(ctx.nationality(eid), "nationality", tok)
        elif tok.dep_ in {"poss", "nsubj", "nsubjpass", "pobj", "conj"} and ctx.mention_at(tok) is None:
            for eid in ctx.resolve_pair(tok) or ctx.resolve_people_pair(tok) or resolve_group(ctx, tok):
                add(eid, "pair", tok)
            for eid in ctx.resolve_title(tok):
                add(eid, "title", tok)
                add(ctx.nationality(eid), "nationality", tok)
    for m in ctx.mentions_in(inside):
        tok = _root(ctx, m)
        if tok is not None and (m.span.start <= token.idx < m.span.end
                                or m.entity.startswith("new:") and not ctx.is_state(m.entity)
                                and (names_the_event(tok, token) or is_event_name(m.entity[4:]))):
            # the event's own name ("The Joint Exercise of Pakistan and Russian Federation
            # DRUZHBA-V", "an exercise titled Druzhba-VII", "a two-week exercise, Druzhba VI,", a new
            # name headed by a pact's or gathering's noun: "the Contract on Admission of ..."): not
            # a participant, but the states it names take part
            for state in ctx.states_named_in(m.span.text):
                add(state, "event-name", tok)
            continue
        if _stance_word(ctx, m):
            add(m.entity, "stance-word", tok, rule=False)  # "pro-Russian rebels", "the China-funded project"
        elif ctx.is_state(m.entity) and tok is not None and (locates_a_place(ctx, tok)
                                                             or kind in MEETING_KINDS and sits_in(tok, token)):
            add(m.entity, "place", tok)  # "in Samarkand, Uzbekistan", "the summit in Uzbekistan": the venue's state
        elif ctx.is_agent(m.entity) and tok is not None and in_title(ctx, m):
            # "Army chief General X": the post's body does not take part, its state does
            add(m.entity, "title-body", tok, rule=False)
            for state in ctx.states_of_body(m.entity):
                add(state, "body", tok)
        elif ctx.is_agent(m.entity):
            add(m.entity, "scope", tok)
            add(ctx.nationality(m.entity), "nationality", tok)
            if m.entity in out and out[m.entity].rule:
                for state in ctx.states_of_body(m.entity):
                    add(state, "body", tok)
        elif ctx.is_place(m.entity) and m.entity not in places and not dateline_place(ctx.text, m.span.start, m.span.end):
            if tok is not None and (other_clause(ctx, tok, token) or nearer_event(tok, token)
                                    or act_of_its_own(tok, token)):
                continue  # "X backed Y, following which talks were held in Ufa": the talks' place
            places.append(m.entity)
            add(ctx.state_of_place(m.entity), "place", tok)
    if kind in STANCE_KINDS:
        acting = {c.entity for c in out.values() if c.rule and c.role == "agent" and ctx.is_state(c.entity)}
        for eid, tok in speaker_for(ctx, token, acting):
            add(eid, "speaker-side", tok)  # "Putin said, adding that Moscow stood ready to help"
    for tok in holders(token):  # "Lavrov praised ... amid talks with Dar": Lavrov holds them
        named = ctx.resolve_pronoun(tok) if tok.lower_ in PRONOUN_SUBJECTS else [m.entity for m in [ctx.mention_at(tok)] if m]
        for eid in (e for e in named if ctx.is_agent(e)):
            add(eid, "holder", tok)
            add(ctx.nationality(eid), "nationality", tok)
    left = _name_before_verb(ctx, token)
    if left is not None:  # "... and Russian Defence Minister Sergei Shoigu visited Islamabad": a misparse
        add(left.entity, "left-subject", _root(ctx, left))
        add(ctx.nationality(left.entity), "nationality", _root(ctx, left))
    for tok, visitor in _venue_words(token):
        m = ctx.mention_at(tok)
        if m is None:
            continue
        if visitor and ctx.is_agent(m.entity):
            add(m.entity, "visitor", tok)  # "X visited Moscow, where talks took place": X took part
            add(ctx.nationality(m.entity), "nationality", tok)
        elif not visitor and ctx.is_place(m.entity) and m.entity not in places:
            places.append(m.entity)
            add(ctx.state_of_place(m.entity), "place", tok)
    if kind in {"ObserverStatusChange", "MembershipChange"}:
        member, orgs = member_and_organisations(ctx, token)
        if member:
            keep = [member] + [o for o in orgs if o != member]
            for c in out.values():
                c.rule = c.entity in keep
            for eid in keep:
                add(eid, "member", None)
    # the state of a venue hosts, unless the text names two other states that meet there
    # ("Sharif met Putin in Beijing"): then it is a third country, not a participant
    named = {e for e in acting if ctx.is_state(e)}
    if len(named) >= 2 and kind not in VENUE_TAKES_PART or kind in {"Meeting", "Summit"} and _organisations_own(ctx, token, out):
        for c in out.values():
            if c.source == "place" and c.entity not in named:
                c.rule = False
    sent_tokens = ctx.doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
    for m in ctx.mentions_in(sent_tokens or []):
        if ctx.is_agent(m.entity):
            tok = _root(ctx, m)
            add(m.entity, "sentence", tok, rule=False)
            # the state of a person the sentence names takes part nearly always (16 of 17 on dev)
            add(ctx.nationality(m.entity), "sentence-nationality", tok, rule=True)
    _title_holders(ctx, out)
    if kind in MEETING_KINDS:
        _speakers_there(ctx, token, out)
    if kind in GATHERING_KINDS:
        _companions(ctx, token, out)
    if kind == "Meeting":
        _post_state_receives(ctx, out)
    _people_of_their_states(ctx, token, kind, out)
    side = other_side(ctx, kind, list(out.values()), acting)
    if side is not None:  # "Caretaker PM X met Russian President Putin": X is of the article's other state
        add(side, "other-side", None)
    if kind in MEETING_KINDS:
        _forums(ctx, out)
    if kind in JOIN_KINDS:
        joining = joining_side(token)
        for c in out.values():
            if not c.rule and c.token is not None and c.token.i in joining and ctx.is_agent(c.entity) \
                    and c.source != "title-body":
                c.source, c.rule = "joiner", True
    commenting = commentator(token)
    for c in out.values():
        if c.rule and c.token is not None and c.token.i in commenting:
            c.source, c.rule = "commentator", False
        elif c.rule and c.token is not None and c.source == "scope" and stand_in(c.token):
            c.source, c.rule = "stand-in", False  # "recognised Russia as the successor of the USSR"
    return list(out.values()), places, inside


def _organisations_own(ctx: Context, trigger, out: dict[str, Candidate]) -> bool:
    """Whether the meeting or summit ``trigger`` names is an organisation's own, named in its
    words ("the SCO Council of Foreign Ministers meeting in Astana", "the meeting of the Council
    of Foreign Ministers of the SCO in Tashkent", "the SCO summit in Beijing"): such a gathering
    is held in a member state in turn, and the venue's state is no party to it unless the text
    names it as one (dev gold: 4 of 4 meetings, 12 of 13 summits).  The
    organisation is one the registry knows, not a body the article names alone ("the ninth
    session of the Intergovernmental Commission in Moscow": Russia hosts its own commission)."""
    own = {t.i for c in trigger.children
           if c.dep_ in {"compound", "nmod", "poss"} or c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree}
    return any(c.rule and c.token is not None and c.token.i in own and ctx.core_type(c.entity) == "Organisation"
               and not c.entity.startswith("new:") and not ctx.states_of_body(c.entity) for c in out.values())


def _title_holders(ctx: Context, out: dict[str, Candidate]) -> None:
    """"talks between Sushma Swaraj and Russian deputy PM Dmitry O. Rogozin", "a meeting
    with Minister for Industry and Trade of the Russian Federation Mr. Denis Manturov": when
    the state that takes part is named in the title of a person named right after it, the
    person takes part too (the parse often hangs such a name apart from the trigger)."""
    taking = {c.token.i: c for c in out.values() if c.rule and c.token is not None and c.source == "scope"
              and ctx.is_state(c.entity)}
    if not taking:
        return
    for c in out.values():
        if c.rule or c.source != "sentence" or c.token is None or ctx.core_type(c.entity) != "Person":
            continue
        m = ctx.mention_at(c.token)
        span = ctx.doc.char_span(m.span.start, m.span.end, alignment_mode="expand") if m else None
        if span is None:
            continue
        for tok in reversed(ctx.doc[max(span.sent.start, span.start - 13):span.start]):
            if tok.text == "," and all(t.text[:1].isupper() for t in ctx.doc[tok.i + 1:span.start]):
                continue  # "Chief of the Russian General Staff, First Deputy Defense Minister X": two titles
            if tok.pos_ in {"VERB", "AUX", "PRON"} or tok.is_punct and tok.text != ".":
                break
            state = taking.get(tok.i)
            if state is not None:
                if ctx.nationality(c.entity) in (None, state.entity):
                    c.source, c.rule = "titled", True
                break


def _speakers_there(ctx: Context, trigger, out: dict[str, Candidate]) -> None:
    """"..., said PM Modi at the India-Russia Annual Summit", "Speaking at the consultations,
    Lavrov said": a person who speaks at the gathering the trigger names attends it, though the
    sentence reports their words (the rules took them for its source)."""
    words = speakers_at(trigger)
    if not words:
        return
    for c in out.values():
        if not c.rule and c.token is not None and c.token.i in words and ctx.core_type(c.entity) == "Person" \
                and c.source in {"reporter", "sentence"}:
            c.source, c.rule = "speaker-at", True


# "X arrived in Samarkand, followed by A and B", "X reached Moscow, accompanied by A": who came too
COMPANION_VERBS = {"follow", "accompany", "join"}


def _companions(ctx: Context, trigger, out: dict[str, Candidate]) -> None:
    """"PM X arrived in Samarkand, followed by Finance Minister A and Defence Minister B": the
    people named by the agent of a participle of following or accompanying, hung on the trigger
    verb, came too (the names themselves, not people named inside them)."""
    if trigger.pos_ != "VERB":
        return
    named: set[int] = set()
    for c in trigger.children:
        if c.dep_ in {"advcl", "acl", "conj"} and c.tag_ == "VBN" and c.lemma_.lower() in COMPANION_VERBS:
            for by in c.children:
                if by.dep_ == "agent":
                    for o in by.children:
                        if o.dep_ == "pobj":
                            inner = {t.i for x in o.subtree if x.dep_ in {"prep", "acl", "relcl"} for t in x.subtree}
                            named |= {t.i for t in o.subtree} - inner
    for c in out.values():
        if not c.rule and c.token is not None and c.token.i in named and ctx.core_type(c.entity) == "Person" \
                and c.source == "sentence":
            c.source, c.rule = "companion", True


def _post_state_receives(ctx: Context, out: dict[str, Candidate]) -> None:
    """"Russian Ambassador to Pakistan X called on Minister Y": the state an envoy is posted to
    is the state of the one he calls on or meets there, when the text gives that one no state
    of its own and only the envoy's own state takes part so far."""
    posts = [c for c in out.values() if c.source == "post" and not c.rule and ctx.is_state(c.entity)]
    states = {c.entity for c in out.values() if c.rule and ctx.is_state(c.entity)}
    if len(posts) != 1 or len(states) != 1 or posts[0].entity in states:
        return
    if any(c.rule and ctx.core_type(c.entity) == "Person" and ctx.nationality(c.entity) is None
           for c in out.values()):
        posts[0].source, posts[0].rule = "post-host", True


def _forums(ctx: Context, out: dict[str, Candidate]) -> None:
    """A commission, council, working group or consultation format at a meeting is the forum
    it is held in; the states its name names take part ("the Pakistan-Russia IGC": Pakistan
    and Russia), and so does the organisation it belongs to when the text names it."""
    for c in list(out.values()):
        if not c.rule or ctx.core_type(c.entity) != "Organisation":
            continue
        if not is_forum(ctx, c.entity):
            continue
        c.source, c.rule = "forum", False
        for state in ctx.states_named_in(entity_name(ctx, c.entity)):
            if state in out:
                out[state].rule = True
            else:
                out[state] = Candidate(state, "forum-state", c.token, True, c.role)


# nouns for a firm or a private body: the state it comes from is no party to its deals
FIRMS = {"company", "companies", "firm", "firms", "entity", "entities", "university", "universities", "business",
         "businesses", "businessmen", "traders", "importers", "exporters", "enterprises", "investors",
         # "Russian energy giant X", "a Pakistani textile maker", "the Russian producer"
         "giant", "giants", "conglomerate", "corporation", "corporations", "producer", "producers", "maker",
         "makers", "manufacturer", "manufacturers", "supplier", "suppliers", "exporter", "importer", "trader",
         "enterprise", "startup", "startups"}


def firm_origin(tok) -> bool:
    """Whether the state at ``tok`` only says where a firm comes from ("two agriculture companies
    from Russia and Pakistan", "a Pakistani entity and a Russian university"); a state firm
    ("the Russian state firm Prodintorg") is the state's own."""
    cur = tok
    while cur.dep_ == "conj" and cur.head is not cur:
        cur = cur.head
    if cur.dep_ == "pobj" and cur.head.lower_ == "from":
        cur = cur.head
    if cur.dep_ not in {"amod", "compound", "poss", "nmod", "prep"}:
        return False
    noun = cur.head
    return noun.lower_ in FIRMS and not any(c.lower_ in {"state", "state-owned", "government"} for c in noun.children)


def _people_of_their_states(ctx: Context, trigger, kind: str, out: dict[str, Candidate]) -> None:
    """At a gathering, a state that takes part only because a person of it is named in the
    sentence takes part through that person ("he is to meet leaders in attendance, including
    Russian President Putin", "Lavrov's talk with Bilawal during the meeting of the Council"):
    the person takes part too, unless the person only reports ("X said that ...") or one of the
    two stands in a clause of its own ("hours before Putin authorised an attack", "since 2011,
    when then-minister X visited")."""
    if kind not in GATHERING_KINDS or on_its_sidelines(trigger):
        return  # "X met Y on the sidelines of the summit": the side meeting's people come in by it
    for c in list(out.values()):
        if c.rule or c.source != "sentence" or ctx.core_type(c.entity) != "Person" or c.token is None \
                or other_clause(ctx, c.token, trigger) or subordinate(c.token, trigger) or _says(c.token) \
                or sender_of_message(c.token):
            continue
        state = out.get(ctx.nationality(c.entity) or "")
        if state is not None and state.rule and (state.source == "sentence-nationality" and state.token is c.token
                                                 or _in_title_of(state.token, c.token)):
            c.source, c.rule = "state-person", True


def _in_title_of(word, person) -> bool:
    """Whether ``word`` modifies the title before the name at ``person`` ("Russian" in
    "Russian President Vladimir Putin")."""
    cur = word
    for _ in range(4):
        if cur is None or cur.dep_ not in {"amod", "compound", "nmod"} or cur.head is cur:
            return False
        cur = cur.head
        if cur.i == person.i:
            return True
    return False


def _says(tok) -> bool:
    """Whether the name at ``tok`` is the subject of a verb of saying ("X said", "X termed")."""
    tok = name_head(tok)
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in SAYING | {"term", "describe", "call"}


def _name_before_verb(ctx: Context, trigger):
    """The person named right before a trigger verb that the parse gave no subject ("...
    hardware from Russia and Russian Defence Minister Sergei Shoigu visited Islamabad": the
    parse hangs Shoigu on "from" and "visited" on another verb), or None."""
    if trigger.pos_ != "VERB" or trigger.i == 0 or trigger.tag_ not in {"VBD", "VBZ", "VBP"} \
            or any(c.dep_ in {"nsubj", "nsubjpass"} for c in trigger.children):
        return None
    m = ctx.mention_at(trigger.doc[trigger.i - 1])
    if m is None or ctx.core_type(m.entity) != "Person":
        return None
    return m


GATHER_VERBS = {"attend", "join", "address"}


def _venue_words(trigger) -> list[tuple[object, bool]]:
    """``(token, is_visitor)`` for the words that give the venue of an event outside its own
    phrase: the place a "where" clause hangs on and the subject of the visit to it ("X
    visited Moscow, where a meeting took place": Moscow, and X), and where people gathered
    to attend it ("leaders have gathered in Samarkand to attend the meeting")."""
    out: list[tuple[object, bool]] = []
    clause = trigger.head if trigger.dep_ in {"nsubj", "nsubjpass"} else None
    if clause is not None and clause.dep_ == "relcl" and any(c.lower_ == "where" for c in clause.children):
        place = clause.head
        out.append((place, False))
        visit = place.head
        if place.dep_ == "dobj" and visit.lemma_.lower() in {"visit", "reach", "tour"}:
            out += [(t, True) for c in visit.children if c.dep_ == "nsubj" for t in c.subtree]
    if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in GATHER_VERBS \
            and trigger.head.dep_ in {"advcl", "xcomp"}:
        for c in trigger.head.head.children:
            if c.dep_ == "prep" and c.lower_ in {"in", "at"}:
                out += [(t, False) for t in c.subtree]
    return out


# a state inside a word of leaning or backing ("pro-Russian rebels", "anti-Pakistan", "the China-funded
# project", "US-led forces") describes the others, it does not take part
LEANING = re.compile(r"(?i)(?:\b(?:pro|anti)[-‑–]$)")
BACKED = re.compile(r"(?i)^[-‑–](?:funded|backed|led|sponsored|brokered|financed|built|supported|owned|made)\b")


def _stance_word(ctx: Context, m) -> bool:
    before = ctx.text[max(0, m.span.start - 5):m.span.start]
    after = ctx.text[m.span.end:m.span.end + 12]
    return bool(LEANING.search(before) or BACKED.match(after))


_CLAUSES = {"ccomp", "advcl", "acl", "relcl", "csubj"}


def _in_other_clause(tok, trigger) -> bool:
    """Whether the pronoun ``tok`` stands in a clause of its own below the trigger's clause
    ("Moscow, realizing that its partner is seeing others, has lifted the embargo": "its" is
    the partner's, said in the realizing)."""
    above = {a.i for a in trigger.ancestors} | {trigger.i}
    cur = tok
    while cur.head.i != cur.i and cur.i not in above:
        cur = cur.head
        if cur.i in above:
            break
        if cur.pos_ in {"VERB", "AUX"} and cur.dep_ in _CLAUSES:
            return True
    return False


def _root(ctx: Context, mention):
    span = ctx.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    if root.pos_ == "ADP" and root.i > span.start:
        # "the Russia-Pakistan Working Group on Countering Terrorism": the parse may hang the
        # name's tail on the trigger ("a meeting ... on ..."); the name is its words before it
        return span.doc[span.start:root.i].root
    return root


def _role(tok, trigger) -> str:
    """A role by the words' grammar: the subject or possessor acts; an object of "with",
    "and" or the verb is a partner; the state of a venue hosts."""
    if tok is None:
        return "participant"
    if trigger.lemma_.lower() == "welcome" and trigger.pos_ == "VERB" and welcomes_a_visitor(trigger):
        if tok.dep_ == "dobj" and tok.head.i == trigger.i:
            return "agent"  # "welcoming Putin to Islamabad": Putin visits
        if tok.dep_ in {"nsubj", "poss"}:
            return "host"
    if tok.dep_ in {"nsubj", "poss"} or (tok.dep_ == "pobj" and tok.head.dep_ == "agent"):
        return "agent"
    if tok.dep_ == "pobj" and tok.head.lower_ in {"in", "at"}:
        return "host"
    if tok.dep_ in {"dobj", "nsubjpass"} and trigger.lemma_.lower() in {"invade", "impose", "lift", "recognise",
                                                                       "recognize", "sanction"}:
        return "target"
    if tok.dep_ in {"dobj", "conj", "pobj", "nsubjpass"}:
        return "partner"
    return "participant"


# kinds that bring two sides together: with one side named only, the other is missing and the
# event is no fact ("Pakistan to hold talks on trade": with whom?)
MEETING_KINDS = {"Meeting", "Summit"}


def one_sided(ctx: Context, kind: str, participants, trigger=None) -> bool:
    """Whether a meeting names one side only: every participant is one state, its people or
    its bodies ("Pakistan", "Sharif and Pakistan"); a person of no known state is a side of
    their own, and so is an organisation ("the BRICS summit" alone: who attends is not said).
    A side that was invited ("Russia has invited the Taliban to consultations") is the other."""
    if kind not in MEETING_KINDS or trigger is not None and _invited_to(trigger):
        return False
    sides = {ctx.speaks_for(p) or p for p in participants}
    return len(sides) < 2


def _invited_to(trigger) -> bool:
    """"invited a Taliban delegation to consultations", "invited X to attend the summit"."""
    if invitation(trigger):
        return True
    return trigger.dep_ == "pobj" and trigger.head.lower_ == "to" \
        and trigger.head.head.lemma_.lower() in {"invite", "invitation"}
