"""Whether an event took place: its status.

``postponed``, ``cancelled``, ``scheduled`` (a date is set) or ``planned`` (intended, no
date); ``None`` for what happened or is happening.  The status comes from the words around
the trigger: the verb that governs it ("is scheduled to visit", "was postponed"), its tense
and auxiliaries ("will hold", "would visit" in a report), its modifiers ("the upcoming
summit") and the time it was given (a day, week or month sets a date; a year or a season
does not, as the annotation guide counts it).
"""
from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.coref import INTENDED
from kg.extract.futurity import future_form, governing_verb, subject_is_to, to_be_done, to_infinitive
from kg.extract.model import Event, TimeValue, trigger_token
from kg.extract.scope import anchor
from kg.extract.time_scope import clause_of, event_relative, framing_gathering, on_the_sidelines
from kg.extract.timing import ARRANGING, REPORTING
from kg.extract.triggers import POSTPONE, SCHEDULED, lexicon_kind
from kg.extract.yearless import clause_tense

# what makes an event intended rather than done: "is scheduled to", "decided to", "a draft ..."
PLAN_WORDS = {"indication", "plan", "prospect", "schedule", "slate", "due", "expect", "set", "decide",
              "decision", "propose", "preparation", "arrangement", "likely", "agree", "intend", "reschedule"}
FIXING = {"schedule", "slate", "due", "reschedule"}  # the words that say a date is fixed
VAGUE_TIME_RE = re.compile(r"near future|shortly|soon", re.I)
# words of a time without a value that give no more than a year or a season
YEAR_WORDS_RE = re.compile(r"\b(?:years?|spring|summer|autumn|fall|winter|decades?|century|\d{4}s)\b", re.I)
DRAFT = {"draft", "proposed", "planned", "intended"}
FUTURE_TIME_RE = re.compile(r"\b(?:tomorrow|next|coming|upcoming)\b", re.I)
CANCEL = {"cancel", "scrap", "abandon", "call", "shelve", "drop"}


def told_as_past(ctx, event: Event) -> bool:
    """Whether the event's trigger stands in a clause in the past ("had expressed his
    support", "signed"): it happened, so it is not the planned event named before."""
    token = trigger_token(ctx.doc, event)
    if token is None:
        return False
    verb = clause_of(token)
    if verb.pos_ not in {"VERB", "AUX"} or (token.i != verb.i and (
            token.dep_ not in {"dobj", "nsubj", "nsubjpass"} or token.head.i != verb.i)):
        return False  # "made the announcement about his visit": the past is the announcing's
    return _past(verb)


def status_conflict(ctx, earlier: Event, later: Event) -> bool:
    """A planned or scheduled event and a later mention told as past are two events."""
    return earlier.status in {"planned", "scheduled"} and later.status is None and told_as_past(ctx, later)



def event_status(token, time: TimeValue | None = None) -> str | None:
    """postponed, cancelled, scheduled (a date is set) or planned (intended, no date)."""
    token = anchor(token)  # "the fifth round of talks will take place today": the round's status is the talks'
    token = _named_by(token)  # "will attend the upcoming Speakers' Conference (ISC)": the name's status
    chain = [token, token.head, token.head.head]
    if any(_cancelling(t) for t in chain[1:]):
        if chain[1].lemma_.lower() != "call" or token.dep_ in {"dobj", "nsubjpass"}:
            return "cancelled"
    status = _future(token, time)
    if status in INTENDED and (time is None or set_time(time)) and (
            on_the_sidelines(clause_of(token)) or framing_gathering(token)):
        return "scheduled"  # "is expected to meet X on the sidelines of the summit": set inside it
    if status in INTENDED and time is None and _during_a_fixed_occasion(token):
        return "scheduled"  # "expects to sign an agreement during the visit, scheduled for March"
    if status == "scheduled" and (time is None and not _fixed(token) or time is not None and not set_time(time)):
        # no date set: "would visit Pakistan in the near future"; "will hold their first joint
        # exercises later this year" (a year or a season is no date set, as the guide counts it)
        return "planned"
    return status


def _named_by(token):
    """The noun that a trigger noun is a word of, in a name the parser splits ("the upcoming
    Speakers' Conference (ISC)": "Conference" hangs from "ISC"), else the trigger itself."""
    cur = token
    for _ in range(3):
        if cur.dep_ not in {"compound", "nmod"} or cur.head.pos_ not in {"NOUN", "PROPN"} or cur.head.i < cur.i:
            break
        cur = cur.head
    return cur if cur.i != token.i and token.pos_ in {"NOUN", "PROPN"} else token


# acts done by saying: "will provide every possible support to X" backs X now, as it is said
SAID_KINDS = {"StatementOfSupport"}


def promised_now(kind: str, token, status: str | None) -> str | None:
    """``status``, except for an act done by saying it (a statement of support) told in the
    future with no word of planning ("will provide every possible support", "would stand by
    X"): the promise is the statement, made now (not "is expected to voice support")."""
    if kind not in SAID_KINDS or status not in {"planned", "scheduled"}:
        return status
    clause = clause_of(token)
    words = [token, *token.ancestors][:4] + [clause]
    if any(("slate" if t.lower_ == "slated" else t.lemma_.lower()) in PLAN_WORDS | {"intend", "hope", "want", "wish"}
           for t in words):
        return status
    return None


def said_now(events: list[Event], doc) -> list[Event]:
    """``events`` with the status of each act done by saying it checked by :func:`promised_now`
    (after the event model, whose features keep the status the words give)."""
    out = []
    for e in events:
        token = trigger_token(doc, e) if e.kind in SAID_KINDS else None
        out.append(e if token is None else replace(e, status=promised_now(e.kind, token, e.status)))
    return out


OCCASION_KINDS = {"StateVisit", "Summit", "Meeting"}


def _during_a_fixed_occasion(token) -> bool:
    """Whether the trigger's clause sets it during a visit, summit or meeting whose date is
    fixed ("during the prime minister's visit to Moscow, scheduled for March", "during the
    summit slated for June"): an item of a scheduled occasion is scheduled, as the guide
    counts it (not "during the upcoming visit": no date fixed, the visit itself planned)."""
    clause = clause_of(token)
    for prep in clause.subtree:
        if prep.dep_ != "prep" or prep.lower_ != "during":
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.i != token.i and lexicon_kind(noun) in OCCASION_KINDS and _fixed(noun):
                return True
    return False


def _cancelling(verb) -> bool:
    """"cancelled", "scrapped", "called off" (not "called for an early meeting")."""
    lemma = verb.lemma_.lower()
    return lemma in CANCEL and (lemma != "call" or any(c.lower_ == "off" for c in verb.children))


def scheduled_once_dated(event: Event) -> Event:
    """A planned event that the article-level steps dated to a day, a week or a month (from the
    sentence that continues it, a later mention, the gathering it sits in) is scheduled, as the
    annotation guide counts it: its time is set."""
    if event.status == "planned" and set_time(event.time):
        return replace(event, status="scheduled")
    return event


def set_time(time: TimeValue | None) -> bool:
    """A time that sets when the event is to happen, as the annotation guide counts it: a day,
    a range of days, a named week or a month ("this week", "during the first week of October",
    "later this month", "in November", "on Friday" in an article without a date); not a year
    or a season ("next year", "this summer", "later this year": intended, no time set), nor
    "soon" or "in the near future"."""
    if time is None or VAGUE_TIME_RE.search(time.span.text):
        return False
    values = [v for v in (time.value, time.start, time.end) if v]
    if values:
        return any(len(v) >= 7 for v in values)
    return not YEAR_WORDS_RE.search(time.span.text)


def _fixed(token) -> bool:
    """"is scheduled to meet", "the slated visit": a word that says the date is fixed, even
    where the text does not give it."""
    # "the summit, which is scheduled to ...", "the summit slated for July"
    relative = [c for c in token.children if c.dep_ == "relcl" or c.dep_ == "acl" and c.tag_ == "VBN"]
    return any(("slate" if t.lower_ == "slated" else t.lemma_.lower()) in FIXING
               for t in (token.head, token.head.head, *relative)) or any(
        c.lower_ == "scheduled" for c in _modifiers(token)) or _fixed_by_participle(token)


def _future(token, time: TimeValue | None) -> str | None:
    chain = [token, token.head, token.head.head]
    # "a summit ..., which was also postponed": the clause may hang from the summit's last word
    clauses = [c for c in token.subtree if c.dep_ == "relcl" and c.head.i >= token.i
               and any(g.lower_ in {"which", "that"} for g in c.children if g.dep_ in {"nsubj", "nsubjpass"})]
    if any(c.lemma_.lower() in {"postpone", "delay", "defer"} for c in clauses):
        return "postponed"
    told = event_relative(token) if token.pos_ in {"NOUN", "PROPN"} else None
    if told is not None and told.lemma_.lower() not in ARRANGING and _past(told):
        return None  # "the next meeting of the commission, which took place on January 20": it happened
    if any(t.lemma_.lower() in POSTPONE for t in chain[1:]):
        if not (chain[1].lemma_.lower() == "put" and not any(c.lower_ == "off" for c in chain[1].children)):
            return "postponed"
    planned = _planned_in_relative(clauses, time)
    if planned is None and token.pos_ in {"NOUN", "PROPN"}:
        planned = _planned_in_participle(token, time)
    if planned is not None:
        return planned  # "a meeting that is set to be held between ...", "the visit, scheduled for March"
    if token.pos_ in {"NOUN", "PROPN"} and _in_the_works(token):
        return "planned"  # "a visit by Putin is in the works"
    if any(c.lower_ in SCHEDULED or c.lower_ in DRAFT for c in _modifiers(token)):
        return "scheduled"
    if any(c.lower_ in {"next", "coming"} for c in _modifiers(token)) and clause_tense(token.doc, clause_of(token).idx) != "past":
        return "scheduled"  # "their next joint exercise" (not "the next meeting was held in 2019")
    if token.pos_ in {"NOUN", "PROPN"} and _fixed_by_participle(token) and clause_tense(token.doc, clause_of(token).idx) != "past":
        return "scheduled"  # "during the prime minister's visit to Moscow, scheduled for March"
    verb = token if token.pos_ == "VERB" else token.head
    verbs = [verb] + [c for c in token.children if c.dep_ in {"relcl", "acl"}]  # "..., which Russia will host"
    # "will attend ... and meet", "is to visit", "the summit to be held in October"
    nominal = token.pos_ in {"NOUN", "PROPN"} or token.tag_ == "VBG"  # "the ministers meeting to be held"
    if any(future_form(v) for v in verbs) or subject_is_to(token) or (nominal and to_be_done(token)):
        return "scheduled"  # "is going to", "the summit was to be held"
    if _reported_future(verb) or ((token.i == verb.i or token.dep_ == "dobj") and _would_future(verb)):
        return "scheduled"  # "assured that a delegation would visit Pakistan"; "The Speaker would also hold meetings"
    governing = governing_verb(token)  # "will arrive on Monday for a three-day visit", "would meet during the summit"
    if governing is not None and (future_form(governing) or _reported_future(governing) or _would_future(governing)):
        return "scheduled"
    if token.pos_ in {"NOUN", "PROPN"} and _due_after(token):
        return "scheduled"  # "the 9th session of the commission, due to be hosted by Russia"
    for t in chain[1:] + _predicate_adjectives(token):
        lemma = "slate" if t.lower_ == "slated" else t.lemma_.lower()
        if lemma == "look" and any(c.lower_ == "forward" for c in t.children):
            lemma = "expect"  # "looked forward to welcoming him": hoped for, no date fixed
        if lemma == "due" and (t.dep_ == "prep" or any(c.lower_ == "to" and c.dep_ in {"prep", "pcomp"}
                                                       for c in t.children)):
            continue  # "due to Russia's war": because of, no plan
        if lemma == "intend" and not ((token.dep_ == "xcomp" and token.head.i == t.i) or (
                token.head.dep_ == "xcomp" and token.head.head.i == t.i)):
            continue  # "intends to visit" (not "the visit was intended for a summit")
        if lemma == "agree" and (t.i == token.i or token.dep_ != "dobj" or token.head.head.i != t.i):
            continue  # "agreed to hold the ninth session": planned; "agreed to supply": the agreement itself
        if lemma in PLAN_WORDS and (lemma != "set" or t.tag_ == "VBN") and not _long_ago(t):
            # "is scheduled to visit" on a date; "is set to visit later this month", "expects
            # to finalise an agreement this summer": intended, no date fixed
            if lemma in FIXING or set_time(time):
                return "scheduled"
            return "planned"
    if time is not None and FUTURE_TIME_RE.search(time.span.text):
        return "scheduled"  # "tomorrow's meeting", "talks next week"
    if token.pos_ in {"NOUN", "PROPN"} or token.tag_ == "VBG":
        expected = _expected_to_complete(token)
        if expected is not None:  # "expects X to complete the process of joining the SCO in June"
            return "scheduled" if set_time(time) else "planned"
    if token.pos_ in {"NOUN", "PROPN"} and _ahead_of(token):
        return "scheduled"  # "days before a meeting between Modi and Putin, India has asked ..."
    if token.pos_ in {"NOUN", "PROPN"} and token.dep_ == "dobj" and _purpose_of(token.head):
        # "the decision of the minister to visit Goa to attend the conference": the purpose of a
        # planned visit is planned with it
        status = _future(token.head.head, time)
        return status if status in INTENDED else None
    return None


def _predicate_adjectives(noun) -> list:
    """The adjective that "be" says of a subject noun trigger, with an infinitive of its own
    ("a meeting is also likely to be held"): the event is what is likely."""
    head = noun.head
    if noun.dep_ not in {"nsubj", "nsubjpass"} or head.lemma_ != "be":
        return []
    return [c for c in head.children if c.dep_ == "acomp" and any(
        x.dep_ == "xcomp" and to_infinitive(x) for x in c.children)]


HOPING = {"expect", "plan", "intend", "hope", "aim"}


def _expected_to_complete(noun):
    """The verb of expecting or planning, in the present, whose infinitive has the event's
    noun in its object's phrase ("Russia expects X to complete the process of joining the
    SCO", "plans to finish the construction of the pipeline"), or None."""
    cur = noun
    for _ in range(4):  # up through "of", the object noun
        if cur.dep_ not in {"pobj", "pcomp", "prep", "dobj"} or cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ == "VERB":
            break
    else:
        return None
    if cur.pos_ != "VERB" or not to_infinitive(cur) or cur.dep_ not in {"xcomp", "ccomp"}:
        return None
    hoping = cur.head
    if hoping.lemma_.lower() not in HOPING or hoping.tag_ not in {"VBZ", "VBP"}:
        return None
    return hoping


def _due_after(noun) -> bool:
    """"the session of the commission, due to be hosted by Russia": "due to" and a verb, on the
    noun or right after the comma that closes its phrase (where the parse may hang it on the
    main verb); not "due to the weather", a cause."""
    dues = [c for c in noun.children if c.lower_ == "due" and c.dep_ == "amod" and c.i > noun.i]
    after = noun.right_edge.i + 2
    if after < len(noun.doc) and noun.doc[after - 1].text == "," and noun.doc[after].lower_ == "due":
        dues.append(noun.doc[after])
    return any(c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"} and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
               for due in dues for c in due.children)


def _planned_in_relative(clauses, time: TimeValue | None) -> str | None:
    """"a meeting that is set to be held", "the deal, which is expected to be signed": a
    relative clause whose verb says the event is intended (scheduled when a word fixes the
    date or the time sets one, else planned); None when none does."""
    for verb in clauses:
        lemma = "slate" if verb.lower_ == "slated" else verb.lemma_.lower()
        if lemma in {"set", "plan", "schedule", "slate", "expect", "due", "propose", "intend"} \
                and verb.tag_ == "VBN" and not _long_ago(verb) and any(
                c.dep_ == "auxpass" for c in verb.children):
            return "scheduled" if lemma in FIXING or set_time(time) else "planned"
    return None


PLANNING_PARTICIPLES = {"plan", "schedule", "slate", "set", "expect", "due", "propose", "reschedule"}


def _planned_in_participle(noun, time: TimeValue | None) -> str | None:
    """"the prime minister's visit to Moscow, scheduled for March", "the summit slated for 3-4
    July": a participle on the noun that says it is intended (scheduled when a word fixes the
    date or the time sets one, else planned), in a clause not told as past ("the talks
    scheduled for Monday were held": they took place); None when there is none.  The participle
    may hang from the place the noun names ("the summit in Tashkent, slated for June")."""
    places = [o for p in noun.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    for verb in (c for n in (noun, *places) for c in n.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        lemma = "slate" if verb.lower_ == "slated" else verb.lemma_.lower()
        if lemma not in PLANNING_PARTICIPLES or _long_ago(verb):
            return None
        clause = clause_of(noun)
        if clause.i != noun.i and (_past(clause) or clause_tense(noun.doc, clause.idx) == "past"):
            return None
        return "scheduled" if lemma in FIXING or set_time(time) else "planned"
    return None


# "in the works", "in the pipeline", "in the offing", "on the cards": still to come, no date
IN_THE_WORKS = {("in", "works"), ("in", "pipeline"), ("in", "offing"), ("on", "cards")}


def _in_the_works(noun) -> bool:
    """The subject of "be" with "in the works" (or a like phrase) in the present."""
    head = noun.head
    if noun.dep_ != "nsubj" or head.lemma_ != "be" or head.tag_ not in {"VBZ", "VBP"}:
        return False
    return any(p.dep_ == "prep" and (p.lower_, g.lower_) in IN_THE_WORKS
               for p in head.children for g in p.children if g.dep_ == "pobj")


def _purpose_of(verb) -> bool:
    """"to attend the conference" as the purpose of another verb ("to visit Goa to attend ...")."""
    return verb.dep_ == "advcl" and to_infinitive(verb) and verb.head.pos_ == "VERB" and verb.head.i != verb.i


def _ahead_of(noun) -> bool:
    """A noun trigger in "before the meeting", "ahead of the visit" said in the present or
    present perfect: the event is still to come."""
    cur = noun
    for _ in range(4):
        if cur.head.i == cur.i or cur.head.pos_ in {"VERB", "AUX"}:
            return False
        cur = cur.head
        if cur.dep_ == "prep" and (cur.lower_ == "before" or cur.head.lower_ in {"ahead", "prior"}):
            verb = clause_of(cur)
            aux = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
            return verb.tag_ in {"VBZ", "VBP"} or (verb.tag_ in {"VBN", "VBG"} and bool(
                aux & {"has", "have", "is", "are", "am"}))
    return False


def _past(verb) -> bool:
    """"took place", "was held", "has begun" (not "will be held", "would have been")."""
    aux = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if aux & {"will", "would", "shall", "may", "might", "could", "should", "can", "to"}:
        return False
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and bool(aux & {"had", "has", "have", "was", "were"}))


def _long_ago(verb) -> bool:
    """"The visit was planned more than a month ago": when it was planned, not what became of it."""
    return any(g.lower_ == "ago" for c in verb.children if c.dep_ in {"advmod", "npadvmod", "prep"}
               for g in c.subtree)


def _fixed_by_participle(noun) -> bool:
    """"the visit, scheduled for March", "a summit slated for June": a participle of fixing
    that hangs from the event's noun."""
    # the participle may hang from the place the noun names: "the summit in Tashkent, slated for June"
    places = [o for p in noun.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    return any(c.dep_ == "acl" and c.tag_ == "VBN" and ("slate" if c.lower_ == "slated" else c.lemma_.lower()) in FIXING
               for n in (noun, *places) for c in n.children)


def _modifiers(noun):
    """Adjectives before a noun, also those on a compound ("the upcoming SCO Heads of
    Government meeting")."""
    out = [c for c in noun.children if c.dep_ in {"amod", "compound"}]
    for c in list(out):
        if c.dep_ == "compound":
            out += [g for g in c.subtree if g.dep_ == "amod" and g.i < noun.i]
    return out


CONDITIONS = {"if", "unless", "otherwise", "whether"}


def _would_future(verb) -> bool:
    """"The Speaker would also hold bilateral meetings with ...": "would" on an event's verb,
    in a sentence with no condition ("if", "unless"), is the future of a report carried on
    from the sentences before (not "would have met"; the caller takes it for the verb's own
    event or its object's, not "the meeting would help raise ties")."""
    if verb.pos_ != "VERB":
        return False
    aux = [c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    return "would" in aux and "have" not in aux and not any(t.lower_ in CONDITIONS for t in verb.sent)


def _reported_future(verb) -> bool:
    """"would" (not "would have") in a clause someone reported or promised: the future
    seen from the past."""
    aux = [c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if "would" not in aux or "have" in aux:
        return False
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING | {"assure", "promise", "say"}


def _before(a: str, b: str) -> bool:
    """ISO ``a`` wholly before ISO ``b``, compared at the coarser of the two precisions."""
    n = min(len(a), len(b))
    return a[:n] < b[:n]


def status_by_date(events: list[Event], date: str | None) -> list[Event]:
    """Statuses checked against the article's date: an event planned or scheduled whose time
    lies wholly before the article's date took place ("after Putin's visit in 2016 is expected
    to ..." in an article of 2017), so it has no status; so does one told with words of the
    past ("last week", "two days ago"), with or without the article's date.  Postponed and
    cancelled events keep theirs.  (The converse, an event with no status dated after the
    article's date made scheduled, was measured and lost more than it won: such dates are
    more often resolved wrongly than the tense is missed.)"""
    out = []
    for e in events:
        last = e.time and (e.time.value or e.time.end)
        before = bool(date and last and _before(last, date)) or bool(
            e.time and PAST_WORDS_RE.match(e.time.span.text))
        out.append(replace(e, status=None) if e.status in INTENDED and before else e)
    return out


# words of a time that lies before the article whatever its date: "last week", "two days ago"
PAST_WORDS_RE = re.compile(r"^(?:(?:in|on|during|since)\s+)?(?:last\s+(?:week|month|year|night|spring|summer|autumn|"
                           r"fall|winter)|yesterday|recently|earlier\b.*|.*\bago)$", re.I)


# the kinds of event whose programme holds other events: "during the visit, he will also meet ..."
PROGRAMME_KINDS = {"StateVisit"}


def within_programme(events: list[Event], date: str | None = None, doc=None) -> list[Event]:
    """Events planned with no time that an article tells after a scheduled visit, or after
    a visit under way on the article's day ("arrived here today on a four-day visit"), ("The
    delegation will hold meetings with ...", "The speaker would also call on ...", "the two
    sides are also expected to sign ...") are items of the visit's programme, set inside it:
    scheduled, as the guide counts them.  Not in the visit's own sentence ("is arriving on
    Thursday for talks with X": the talks keep the status their own words give).  With
    ``doc``, a visit that someone "has arrived" on, with or without a time, is under way
    ("Two Russian ships have arrived at Karachi port on a goodwill visit")."""
    visits = [e.sentence.index for e in events if e.kind in PROGRAMME_KINDS and (
        e.status == "scheduled" or e.status is None and (_under_way(e.time, date) or _arrived_for(doc, e)))]
    if not visits:
        return events
    first = min(visits)
    return [replace(e, status="scheduled") if e.status == "planned" and e.time is None
            and e.sentence.index > first and e.kind not in PROGRAMME_KINDS else e for e in events]


def _arrived_for(doc, event: Event) -> bool:
    """Whether a visit's trigger hangs from an arrival told in the present perfect ("have
    arrived in Karachi on a goodwill visit", "has arrived for a three-day visit"): under way."""
    token = trigger_token(doc, event) if doc is not None else None
    if token is None or token.pos_ not in {"NOUN", "PROPN"}:
        return False
    verb = clause_of(token)
    if verb.lemma_.lower() not in {"arrive", "reach", "land"} or verb.tag_ != "VBN":
        return False
    return any(c.dep_ == "aux" and c.lower_ in {"has", "have", "'s", "'ve"} for c in verb.children)


def _under_way(time: TimeValue | None, date: str | None) -> bool:
    """Whether ``time`` holds the article's day ``date``: the day itself, or a range of
    days around it (not a month or a year: a visit "in May" may be over)."""
    if time is None or date is None or len(date) != 10:
        return False
    if time.value is not None:
        return time.value == date
    return bool(time.start and time.end and len(time.start) == 10 and time.start <= date <= time.end)
