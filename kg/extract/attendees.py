"""Who else attended a meeting, named in a sentence that continues it.

News reports name a meeting's attendees after the meeting itself: "The forum was inaugurated
by X along with Y", "The Pakistani delegation, led by X, attended the forum", "X said,
addressing the forum", "Speaking at the opening session of the meeting, X ...", "there are
11 countries represented at this meeting, including A, B and C", "The Afghan delegation is
headed by X", "Pakistan delegation was led by X while Russian side was led by Y", "Pakistan was
represented by X".  Such a sentence refers back to the event by a definite noun ("the forum",
"this meeting", "the talks", "the delegation") and ties people to it by a verb of attending,
opening, chairing or leading.  Only those words add participants: a name elsewhere in the
continuing sentence does not (a wrong participant costs more than a missing one).
"""
from __future__ import annotations

from dataclasses import replace

from kg.extract.coref import marked_distinct
from kg.extract.model import Event, latest_named, trigger_token, with_participants
from kg.extract.led_sides import head_named_after, led_side
from kg.extract.syntax import phrase
from kg.extract.titled import POST_HEADS, in_title
from kg.extract.triggers import SPEECH_VERBS

# kinds whose attendees take part (not an exercise: "attended the opening ceremony" of a drill
# is a guest's presence, not a part in the drill)
GATHERINGS = {"Meeting", "Summit"}
# an exercise gains only those said to take part in it ("The Russian side is represented at the
# exercises by servicemen of X", "X will take part in the drill"), never a guest who attends
EXERCISES = {"MilitaryExercise"}
EXERCISE_NOUNS = {"exercise", "exercises", "drill", "drills", "manoeuvres", "maneuvers", "wargame"}
TAKING_PART = {"represent", "participate", "part"}
# a visit gains only the members of its travelling group ("The delegation included X and Y",
# "X was also part of the Pakistani delegation"), never who attends something during it
VISITS = {"StateVisit"}
TRAVELLING_GROUPS = {"delegation"}
# nouns by which a later sentence names the gathering again
GATHERING_NOUNS = {"meeting", "talks", "forum", "session", "summit", "conference", "consultations",
                   "discussions", "negotiations", "dialogue", "gathering", "meet", "moot", "event"}
# nouns of a part of the gathering ("the opening session of the meeting")
PART_NOUNS = {"session", "ceremony", "opening", "plenary", "sitting"}
SIDELINES = {"sideline", "sidelines", "margin", "margins"}
# "Addressing the participants, X said": who the gathering is, addressed by one who attends
ATTENDEE_NOUNS = {"participants", "delegates", "attendees", "gathering"}
# "the forum was inaugurated by X", "X attended the forum", "X co-chaired the meeting"
ATTEND_VERBS = {"attend", "address", "inaugurate", "open", "chair", "co-chair", "cochair", "join", "lead",
                "head", "preside"}
# "X was present in the meeting", "countries represented at this meeting", "X is taking part in the forum"
PRESENT_WORDS = {"present", "represent", "participate", "speak", "part", "assist"}
# "X said while welcoming the delegates": the host, to those who came
GREETING_VERBS = {"address", "welcome", "receive", "greet"}
# "SCO member states will be represented by the prime ministers of A, B and C"
MEMBER_NOUNS = {"state", "states", "country", "countries", "members", "nations", "nation"}
# a definite noun for the group that went ("The Afghan delegation is headed by X")
GROUP_NOUNS = {"delegation", "side", "team"}
GROUP_VERBS = {"lead", "head", "include", "comprise", "accompany"}
# who attended, named by the list that makes them up ("Participants included X, Y and Z")
LISTED_NOUNS = {"participant", "attendee", "delegate", "participants", "attendees", "delegates"}
DEFINITE = {"the", "this", "that", "its", "their"}
NEXT_WORDS = {"next", "upcoming", "following", "forthcoming"}
REACH = 4  # sentences after the event's latest mention ("The Russian side is represented at the exercises by X" after a sentence on the opening)
# prepositions whose object, inside a person's title or description, is not who attends
# ("Ambassador to Russia", "an adviser to the Russian transport minister")
NOT_ATTENDING_PREPS = {"to", "in", "at", "on", "for", "about", "with", "into"}


def add_attendees(ctx, events: list[Event]) -> list[Event]:
    """``events`` with the attendees that the sentences continuing each gathering name."""
    out = list(events)
    for i, event in enumerate(out):
        if event.kind not in GATHERINGS | EXERCISES | VISITS or not event.participants:
            continue
        kinds = next(k for k in (GATHERINGS, EXERCISES, VISITS) if event.kind in k)
        last = max([event.sentence.index, *(s.index for s in event.also)])
        trigger = trigger_token(ctx.doc, event)
        # "agreed to hold the next round": a sentence that tells a round as past tells the last one
        next_edition = event.status is not None and trigger is not None and any(
            c.lower_ in NEXT_WORDS for c in trigger.children)
        index = event.sentence.index + 1
        while index <= last + REACH and index < len(ctx.sentences):
            if next_edition and _told_as_past(ctx, ctx.sentences[index]):
                pass  # "agreed to hold the next round in Moscow. During the dialogue, X was led by Y": the last one
            elif latest_named(out, kinds, index) == i:
                found = _attendees_in(ctx, ctx.sentences[index], out[i])
                if found:
                    out[i] = _with(out[i], found, ctx.sentences[index])
                    last = max(last, index)  # the continuing sentence is a mention now
            index += 1
    return out


def speakers_at(trigger) -> set[int]:
    """The indices of the words naming who speaks or acts at the gathering ``trigger`` names in
    its own sentence ("..., said PM X at the India-Russia Annual Summit", "Speaking at the
    Moscow consultations on Wednesday, X said", "X said at the opening of the consultations"):
    one who speaks there attends, though the sentence reports what they said."""
    ref = _outer(trigger)
    if ref.dep_ != "pobj" or ref.head.lower_ not in {"in", "at"}:
        return set()
    words = {t.i for w in _tied_to(ref) for t in w.subtree}
    word = ref.head.head
    if word.head.lemma_.lower() in SPEECH_VERBS and word.head.i < word.i and word.text[:1].isupper() \
            and word.dep_ in {"xcomp", "dobj", "attr", "npadvmod", "nsubj"}:
        words.update(range(word.head.i + 1, word.i + 1))  # "said PM Modi at the summit", "at" hung on the name
    return words


def _told_as_past(ctx, sentence) -> bool:
    """Whether ``sentence``'s main verb tells what happened ("was led by", "attended"): it does
    not continue a gathering that is still to come."""
    span = ctx.doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.tag_ == "VBD" or root.tag_ == "VBN" and any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in root.children)


def _with(event: Event, found: list[tuple[str, str]], sentence) -> Event:
    roles: dict[str, str] = {}
    for eid, role in found:
        roles.setdefault(eid, role)
    added = with_participants(event, list(dict.fromkeys([*event.participants, *roles])), roles)
    also = event.also if sentence in event.also or sentence == event.sentence else event.also + (sentence,)
    return replace(added, also=also)


def _attendees_in(ctx, sentence, event: Event) -> list[tuple[str, str]]:
    span = ctx.doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
    if span is None:
        return []
    found: list[tuple[str, str]] = []
    for tok in span:
        words = []
        if event.kind in EXERCISES:
            if _names_exercise(tok):
                words = _taking_part(tok)
        elif event.kind in VISITS:
            if _names_travelling_group(tok, ctx):
                words = _group_members(tok)
        elif _names_gathering(tok):
            words = _tied_to(_outer(tok))
        elif _names_group(tok, ctx, event):
            words = _group_members(tok)
        elif _leads_or_joins_a_side(tok, ctx, event):
            words = _doer(tok.head if tok.lemma_.lower() == "part" else tok)
        elif _side_led_by(tok, ctx, event):
            words = _head_named_after(ctx, tok)
        elif _members_represented(tok, ctx, event):
            words = _agent_words(tok.head)
        for w in words:
            for eid in _agents(ctx, w):
                if eid not in [e for e, _ in found] and not _name_gone_wrong(ctx, eid, event):
                    found.append((eid, "participant"))
    return found


def _name_gone_wrong(ctx, eid: str, event: Event) -> bool:
    """A new name that is likely not a new agent: a title run into it ("Member National
    Assembly X"), or the surname of a participant already there ("Gen Gerasimov"
    beside "Valery Gerasimov"): adding it would add a participant the gold does not have."""
    if not eid.startswith("new:"):
        return False
    words = eid[4:].lower().split()
    if not words or words[0] in POST_HEADS | {"member"}:
        return bool(words)  # typed a person or, for the body in the title, an organisation
    if ctx.core_type(eid) != "Person":
        return False
    for other in event.participants:
        if other == eid or ctx.core_type(other) != "Person":
            continue
        entity = ctx.registry.entities.get(other)
        name = other[4:] if other.startswith("new:") else (entity.label if entity is not None else "")
        if name.lower().split()[-1:] == words[-1:]:
            return True
    return False


def _names_gathering(tok) -> bool:
    """"the forum", "this meeting", "the talks": a definite gathering noun that is not marked
    as another one ("the next meeting"); "the participants" that someone addresses."""
    if tok.pos_ != "NOUN":
        return False
    if tok.lower_ in ATTENDEE_NOUNS:
        if not (tok.dep_ == "dobj" and tok.head.lemma_.lower() in GREETING_VERBS):
            return False
    elif tok.lemma_.lower() not in GATHERING_NOUNS and tok.lower_ not in GATHERING_NOUNS:
        return False
    if not any(c.dep_ in {"det", "poss"} and c.lower_ in DEFINITE for c in tok.children):
        return False
    return not marked_distinct(tok)


def _outer(tok):
    """"the opening session of the meeting", "the sidelines of the meeting": the part's noun
    stands for the meeting."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in PART_NOUNS | SIDELINES:
        return tok.head.head
    return tok


def _tied_to(ref) -> list:
    """The words naming who attends the gathering ``ref`` names, by the verb that ties them."""
    head = ref.head
    lemma = head.lemma_.lower()
    if ref.dep_ == "nsubjpass" and lemma in ATTEND_VERBS:
        # "The forum was inaugurated by X along with Y"
        out = []
        for c in head.children:  # the parse often hangs the names on the verb ("by X to Y Z")
            if c.dep_ in {"agent", "prep"}:
                out.extend(c.subtree)
        return out
    if ref.dep_ in {"dobj", "dative"} and (lemma in ATTEND_VERBS or lemma == "tell"):
        return _doer(head)  # "The Pakistani delegation, led by X, attended the forum"; "X told the meeting"
    if ref.dep_ == "dobj" and ref.lower_ in ATTENDEE_NOUNS and lemma in GREETING_VERBS:
        return _doer(head)  # "..., stated X while welcoming the delegates"
    if ref.dep_ == "pobj" and head.lower_ == "during" and head.head.pos_ in {"VERB", "AUX"}:
        return _active_subjects(head.head)  # "During the meeting, X and Y were also present"
    if ref.lemma_.lower() in SIDELINES and ref.dep_ == "pobj" and head.lower_ == "on":
        return _doer(head.head)  # "X told reporters on the sidelines of the meeting"
    if ref.dep_ == "pobj" and head.lower_ in {"in", "at"}:
        word = head.head
        wl = word.lemma_.lower()
        if wl == "part" and word.head.lemma_.lower() == "take":
            word, wl = word.head, "part"
        if wl not in PRESENT_WORDS:
            # "X said at the meeting", "X and Y discussed trade in the talks": who does it there
            return _active_subjects(word) if word.pos_ == "VERB" else []
        if word.pos_ == "VERB" and word.tag_ == "VBN" and word.dep_ == "acl":
            return list(word.head.subtree)  # "11 countries represented at this meeting, including A, B"
        if word.pos_ == "ADJ":
            word = word.head  # "X was also present in the meeting"
        return _doer(word) + _agent_words(word)  # "Pakistan was represented at the talks by X"
    return []


def _active_subjects(verb) -> list:
    """The subject of ``verb`` when it does something (not "X's role was discussed"): the
    subject's head and the heads joined to it ("X, Y and Z"), not names hanging from them
    ("India's concerns came up")."""
    out = []
    heads = [s for s in verb.children if s.dep_ == "nsubj"]
    while heads:
        h = heads.pop(0)
        out.append(h)
        heads.extend(c for c in h.children if c.dep_ == "conj")
    return out


def _agent_words(verb) -> list:
    """The words of ``verb``'s passive agent ("represented by X")."""
    return [t for c in verb.children if c.dep_ == "agent" for t in c.subtree]


def _names_exercise(tok) -> bool:
    """"the exercises", "this drill": a definite exercise noun, not marked as another one."""
    if tok.pos_ != "NOUN" or (tok.lower_ not in EXERCISE_NOUNS and tok.lemma_.lower() not in EXERCISE_NOUNS):
        return False
    if not any(c.dep_ in {"det", "poss"} and c.lower_ in DEFINITE for c in tok.children):
        return False
    return not marked_distinct(tok)


def _taking_part(ref) -> list:
    """"X took part in the drill", "The Russian side is represented at the exercises by X":
    who takes part, by a verb of taking part (attending, opening or addressing a drill is a
    guest's)."""
    if ref.dep_ != "pobj" or ref.head.lower_ not in {"in", "at"}:
        return []
    word = ref.head.head
    if word.lemma_.lower() == "part" and word.head.lemma_.lower() == "take":
        word = word.head
    elif word.lemma_.lower() not in TAKING_PART:
        return []
    return _doer(word) + _agent_words(word)


def _members_represented(tok, ctx, event: Event) -> bool:
    """"SCO member states will be represented by the prime ministers of A, B and C": the
    members of an organisation, represented at the gathering named last (the organisation may
    not be among its participants yet: "the CHG meeting" of the SCO).  Not members of no
    organisation, nor of a state ("EU member states", yes; "member states" alone, no)."""
    if tok.dep_ != "nsubjpass" or tok.head.lemma_.lower() != "represent":
        return False
    if tok.lower_ not in MEMBER_NOUNS or not any(c.lower_ == "member" for c in tok.children):
        return False
    before = [t for c in tok.children if c.i < tok.i for t in c.subtree]
    return any(ctx.is_agent(m.entity) and not ctx.is_state(m.entity) and ctx.core_type(m.entity) != "Person"
               for m in ctx.mentions_in(before))


def _doer(verb) -> list:
    """The subject of ``verb``; of the clause it hangs from when it has none ("X said,
    addressing the forum"; "Speaking at the session, X said"); for a verb of saying without
    a subject the words just before it ("..., Minister X said, addressing the forum")."""
    for _ in range(2):
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            return [t for s in subjects for t in phrase(s, skip={"relcl", "ccomp", "advcl"})]
        if verb.lemma_.lower() in SPEECH_VERBS and verb.i > 0:
            # "..., stated Minister X while welcoming the delegates": the parse makes X an object
            return _named_before(verb) or [c for c in verb.children if c.i > verb.i and c.pos_ == "PROPN"
                                           and c.dep_ in {"dobj", "attr", "npadvmod"}]
        if verb.dep_ not in {"advcl", "xcomp", "conj"} or verb.head is verb:
            return []
        verb = verb.head
    return []


def _named_before(verb) -> list:
    """"..., Pakistani Federal Minister for Privatization Abdul Aleem Khan said": the words
    from the comma before a subjectless verb of saying up to it."""
    out = []
    for i in range(verb.i - 1, max(verb.sent.start, verb.i - 15) - 1, -1):
        tok = verb.doc[i]
        if tok.is_punct and tok.text in {",", "”", '"', ";"}:
            break
        out.append(tok)
    return out


def _names_group(tok, ctx, event: Event) -> bool:
    """"The Afghan delegation is headed by X": a definite delegation or side, of a state that
    takes part in the event when it names one.  "The attendees of the summit included delegates
    from A, B and C", "Pakistani participants included X, Y and Z": those who attended, by the
    list that makes them up."""
    if tok.pos_ != "NOUN" or tok.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    lemma = tok.lemma_.lower()
    if lemma in LISTED_NOUNS and tok.head.lemma_.lower() in {"include", "comprise"}:
        return _whose(tok, ctx, event)
    if lemma not in GROUP_NOUNS:
        return False
    if not any(c.dep_ in {"det", "poss"} and c.lower_ in DEFINITE for c in tok.children):
        return False
    if tok.head.lemma_.lower() not in GROUP_VERBS:
        return False
    states = {m.entity for m in ctx.mentions_in([c for c in tok.children if c.dep_ in {"amod", "compound", "poss"}])
              if ctx.is_state(m.entity)}
    return not states or bool(states & set(event.participants))


def _names_travelling_group(tok, ctx) -> bool:
    """"The delegation comprises X and Y", "The delegation will also include X": the group
    that travels, named by no state (a state's delegation may be the hosts': "X led the
    Pakistani delegation during the meeting" of a Russian visit), the sentence naming no
    other event ("during the talks")."""
    if tok.lemma_.lower() not in TRAVELLING_GROUPS or tok.pos_ not in {"NOUN", "PROPN"}:
        return False  # ("The Parliamentary Delegation comprises ...": the parse may take it for a name)
    if tok.dep_ not in {"nsubj", "nsubjpass"} or tok.head.lemma_.lower() not in GROUP_VERBS:
        return False
    if not any(c.dep_ in {"det", "poss"} and c.lower_ in DEFINITE for c in tok.children):
        return False
    if any(ctx.is_state(m.entity) for m in ctx.mentions_in(
            [c for c in tok.children if c.dep_ in {"amod", "compound", "poss"}])):
        return False
    return not any(t.lemma_.lower() in GATHERING_NOUNS | EXERCISE_NOUNS for t in tok.sent if t.pos_ == "NOUN")


def _whose(tok, ctx, event: Event) -> bool:
    """Whether "participants" or "attendees" are the event's: "the attendees of the summit"
    (a gathering noun, of no other event), "the participants" right after the event, "Pakistani
    participants" (of a state that takes part)."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            return any(o.dep_ == "pobj" and (o.lemma_.lower() in GATHERING_NOUNS or o.lower_ in GATHERING_NOUNS)
                       and not marked_distinct(o) for o in c.children)
    states = {m.entity for m in ctx.mentions_in([c for c in tok.children if c.dep_ in {"amod", "compound", "poss"}])
              if ctx.is_state(m.entity)}
    if states:
        return states <= set(event.participants)
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children)


def _leads_or_joins_a_side(tok, ctx, event: Event) -> bool:
    """"X and Y led their respective sides", "X headed the Pakistani delegation", "X was also
    part of the Russian delegation": the group is a side of the event (of a state that takes
    part when it names one)."""
    lemma = tok.lemma_.lower()
    if lemma in {"lead", "head"} and tok.pos_ == "VERB":
        groups = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in GROUP_NOUNS]
    elif lemma == "part" and tok.dep_ == "attr" and tok.head.lemma_.lower() == "be":
        groups = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                  for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() in GROUP_NOUNS]
    else:
        return False
    for g in groups:
        if not any(c.dep_ in {"det", "poss", "amod", "compound"} for c in g.children):
            continue  # "part of a delegation": which one is not said
        states = {m.entity for m in ctx.mentions_in(list(g.children)) if ctx.is_state(m.entity)}
        if not states or states & set(event.participants):
            return True
    return False


def _side_led_by(tok, ctx, event: Event) -> bool:
    """"Pakistan delegation was led by X while Russian side was led by Y", "Pakistan was
    represented by X" (:func:`kg.extract.led_sides.led_side`): a side of a state that takes part
    in the gathering.  Not "a delegation led by X" (which one is not said: another trip, often),
    nor a side of no state or of a state the gathering lacks."""
    found = led_side(ctx, tok)
    if found is None:
        return False
    states, definite = found
    return definite and bool(states) and states <= set(event.participants)


def _head_named_after(ctx, verb) -> list:
    m = head_named_after(ctx, verb)
    span = ctx.doc.char_span(m.span.start, m.span.end, alignment_mode="expand") if m is not None else None
    return [span.root] if span is not None else []


def _group_members(tok) -> list:
    verb = tok.head
    out = []
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ in {"dobj", "prep"} and verb.lemma_.lower() in {"include", "comprise"}):
            out.extend(c.subtree)
    return out


def _agents(ctx, tok) -> list[str]:
    """The agent the word ``tok`` names as an attendee, with a person's state.  A person
    counts wherever the words name them; a state or organisation only as the attendee
    itself or a modifier of the attending group ("Russian officials"), not inside a title's
    "to" or "in" phrase ("Ambassador to Russia", "an adviser to the Russian minister")."""
    m = ctx.mention_at(tok)
    if m is None or not ctx.is_agent(m.entity):
        return []
    span = ctx.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    root = span.root if span is not None else tok
    if tok.i != root.i:
        return []  # once per mention, at its root
    if ctx.core_type(m.entity) != "Person":
        if in_title(ctx, m):
            return []  # "X, Additional Foreign Secretary, Ministry of Foreign Affairs": where X serves
        cur = root
        for _ in range(6):
            if cur.dep_ == "pobj" and cur.head.lower_ in NOT_ATTENDING_PREPS:
                return []
            if cur.dep_ in {"appos", "relcl", "acl"} and cur.head.pos_ == "PROPN":
                return []  # a description of a person ("X, an adviser to the Russian minister")
            if cur.dep_ in {"agent", "nsubj", "nsubjpass", "dobj", "ROOT"} or cur.head is cur:
                break
            cur = cur.head
    out = [m.entity]
    state = ctx.nationality(m.entity)
    if state:
        out.append(state)
    return out
