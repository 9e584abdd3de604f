"""When an event took place: its time (whether it did, its status: :mod:`kg.extract.status`).

The time comes from the event's own clause: a time inside the trigger's own words first,
else the only time of the sentence that sits in the trigger's clause (or in a clause the
trigger's verb is the infinitive of: "is scheduled to visit ... this month").  A time that
dates the reporting ("the embassy said on Tuesday"), another clause ("..., which was
signed in 1948") or the article (a dateline "ISLAMABAD, Apr 06 (APP):") is not the event's.
A sentence that continues the event ("The talks took place on 5 May.") dates it too.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from kg.extract.coref import INTENDED, ORDINAL_RE, marked_distinct
from kg.extract.datelines import credited_date
from kg.extract.futurity import participle_head, to_infinitive
from kg.extract.time_scope import (EVENT_PASSIVE_VERBS, MOTION_VERBS, OCCURRING, arrived_for, calendar_day,
                                   clause_of, dates_a_source, framing_gathering, event_relative, follows_other_event,
                                   gap_since, has_own_clause, relative_of_event, second_relative, under_another_noun)
from kg.extract.model import Event, Span, TimeValue, trigger_token
from kg.extract.scope import anchor
from kg.extract.triggers import SPEECH_VERBS, lexicon_kind

# a dateline's place: in capitals ("ISLAMABAD,", "ISLAMABAD/NEW DELHI;"), or capitalised words
# closed by a comma or semicolon ("Islamabad, Feb 9 (IANS)")
_DATELINE_RE = re.compile(r"^(?:[A-Z][A-Z .'’/-]*[A-Z][,;]?|[A-Z][a-z'’.-]+(?:[ /-][A-Z][A-Za-z'’.-]+){0,3}[,;])\s*$")
# what closes it after the date: a colon or dash (after an agency in brackets), an agency
# in brackets or between slashes ("Feb 9 (IANS) A ...", "October 16. /TASS/.")
_AFTER_DATELINE_RE = re.compile(r"^\s*(?:(?:\([^()]{1,30}\))?\s*[:–—-]|\([A-Z][A-Za-z]{1,10}\)|\.?\s*/[A-Z]{2,10}/)")
_CLAUSE_LINKS = {"xcomp", "aux", "auxpass"}  # "is set to visit", "was slated to hold"
REPORTING = SPEECH_VERBS | {"tell", "report", "add", "note", "stress", "claim", "quote", "cite", "term",
                            "describe", "call", "inform", "brief", "explain", "remark", "welcome"}
# words that name one day: a time of that precision, whatever the article's date lets it resolve to
CENTURY_RE = re.compile(r"\bcentur(?:y|ies)\b", re.I)
DAY_WORDS_RE = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:today|tomorrow|yesterday|tonight)\b|"
                          r"(?<![\d-])\d{1,2}(?:st|nd|rd|th)?(?![\d-])", re.I)


def _linked(upper, lower) -> bool:
    """Whether clause ``lower`` is ``upper`` or hangs from it by infinitives only (also an
    infinitive of purpose, "will visit Moscow to hold talks on 20 February", but not after
    a verb of arrival: "arrived on 31 August to attend the summit" dates the arrival)."""
    cur = lower
    for _ in range(4):
        if cur.i == upper.i:
            return True
        purpose = cur.dep_ == "advcl" and to_infinitive(cur) and cur.head.lemma_.lower() not in MOTION_VERBS
        above = participle_head(cur)  # "will have a busy day on Wednesday, attending the summit"
        if above is not None:
            cur = above
            continue
        if (cur.dep_ not in _CLAUSE_LINKS and not purpose) or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def own_time(ctx, token, time: TimeValue) -> bool:
    """Whether ``time`` is said of the trigger's clause (not the reporting, another clause
    or the dateline)."""
    if in_dateline(ctx.text, ctx.sentence_of(token), time) or CENTURY_RE.search(time.span.text):
        return False  # nor is a century an event's time ("on the eve of the 21st century")
    span = ctx.doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
    if span is None or dates_a_source(ctx.text, span.root, time) or gap_since(token, span.root, time):
        return False
    cur = span.root
    for _ in range(6):  # "the visit on Monday", "tomorrow's meeting": the trigger's own words
        if cur.i == token.i:
            return True
        if cur.pos_ in {"VERB", "AUX"} or cur.head.i == cur.i:
            break
        if _nested_event(cur, token) and any(a.i == token.i for a in cur.ancestors):
            # in the phrase of another event's noun below the trigger: "signed a protocol on
            # amendments to the agreement of October 16, 2015", "mediated after their 1965 war"
            return False
        cur = cur.head
    if under_another_noun(token):
        return False  # "acted as a mediator in the military conflict in 1966": the mediating's year
    tclause, eclause = clause_of(span.root), clause_of(token)
    if token.pos_ in {"NOUN", "PROPN"} and (_describes(tclause, token) or second_relative(token, tclause)):
        return True  # "the meeting held in Moscow in 2017", "the drill, which took place in May"
    if _framing_relative(tclause, eclause):
        return True  # "on the sidelines of the forum, which took place last year, X signed a memorandum"
    if token.pos_ in {"NOUN", "PROPN"} and (has_own_clause(token) or arrived_for(token)):
        return False  # "placed an order in April under a deal struck with Russia"; "arrived on 5 Nov for the drill"
    if token.pos_ in {"NOUN", "PROPN"} and framing_gathering(token) and DAY_WORDS_RE.search(time.span.text):
        return False  # "met Putin on the sidelines of the SCO summit on Thursday": the meeting's day, one of
        # the summit's (but "will meet on the sidelines of the summit in September": the summit's month)
    if _when_clause_of(span, eclause):
        return True  # "since 24 February 2022, when Khan visited Moscow": the visit's day, not a time after it
    if _before_or_after(token) or _moment_in(token, time):
        return False  # "two days after the bilateral meet, Putin will attend ... on 16 October"
    fronted = time.span.start < tclause.idx and _conjoined(tclause, eclause) and not _own_moment(ctx, eclause)
    if tclause.i != eclause.i and tclause.lemma_.lower() in REPORTING and _said_amid(token, tclause, time):
        return True  # "Lavrov said Tuesday that ... amid talks with Dar": said while the talks went on
    if tclause.i != eclause.i and tclause.lemma_.lower() in REPORTING and not fronted:
        return False  # "the embassy said on Tuesday that ...", not "This year, X has announced ..., and Y visited"
    if follows_other_event(ctx, tclause, time):
        return False
    if _decided_then(tclause, eclause, time):
        return False  # "agreed in December 2017 to ink an accord": the day of agreeing, not of the accord
    if _linked(tclause, eclause) or _linked(eclause, tclause):
        return True
    if relative_of_event(ctx, eclause) and _linked(clause_of(eclause.head), tclause):
        return True  # "visited Moscow recently, where a meeting ... took place": the visit's time
    if tclause.dep_ in {"acl", "advcl"} and tclause.tag_ == "VBG" and not _has_subject(tclause):
        # "Lavrov, receiving Dar in Moscow in early December, offered ...": the same moment
        anchor = tclause.head if tclause.dep_ == "advcl" else clause_of(tclause.head)
        return _linked(anchor, eclause)
    if fronted:
        return True  # "On 14 February he met X, and the two signed a memorandum" (not "... a year later")
    # "since the early 1950s, when Pakistan joined ...": the clause "when" ties to the time
    when = [c for c in eclause.children if c.lower_ == "when" and c.dep_ == "advmod"]
    return bool(when) and not ctx.text[time.span.end:when[0].idx].strip(" ,")


# the words that set an event inside another, whose time is the other's too ("met at the
# summit in July", "the meeting during the visit on Monday")
FRAMING_WORDS = {"at", "during", "for", "on", "sideline", "sidelines", "margin", "margins"}


def _nested_event(noun, token) -> bool:
    """A noun of an event other than the trigger's, in whose phrase (below the trigger) a
    time stands ("the agreement of October 16, 2015" in "a protocol on amendments to the
    agreement of ..."; "after their 1965-1966 war"): the time is that event's.  Not the
    trigger's own object or "of" phrase ("signed an agreement in 2015", "the signing of the
    accord on 5 May"), nor what "as" says the trigger's event is ("joined as a full member
    in 2023"), nor a gathering the trigger's event is set in ("met Putin at the summit in
    July")."""
    if noun.i == token.i or noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    kind = lexicon_kind(noun)
    if kind is None:
        return False
    head = noun.head
    if head.i == token.i or (head.dep_ == "prep" and head.lower_ == "of" and head.head.i == token.i):
        return False
    if head.dep_ == "prep" and (head.lower_ in FRAMING_WORDS or head.head.lemma_.lower() in FRAMING_WORDS):
        return False
    return not (head.dep_ == "prep" and head.lower_ == "as")  # "joined as a full member in 2023": the same event


NAMED_KINDS = {"MilitaryExercise", "Summit"}
SEQUENCE_PREPS = {"after", "before", "since", "following", "until", "till"}


def _when_clause_of(span, clause) -> bool:
    """Whether ``clause`` is a relative clause opened by "when" whose antecedent is the time
    expression ``span`` ("in 2015, when the two sides signed ...")."""
    return clause.dep_ == "relcl" and span.start <= clause.head.i < span.end and any(
        c.lower_ == "when" and c.dep_ == "advmod" for c in clause.children)


def _before_or_after(noun) -> bool:
    """A noun trigger in "after the meeting", "ahead of the visit": the clause's time is
    another moment."""
    cur = noun
    for _ in range(4):
        if cur.head.i == cur.i or cur.head.pos_ in {"VERB", "AUX"}:
            return False
        cur = cur.head
        if cur.dep_ == "prep" and (cur.lower_ in SEQUENCE_PREPS or cur.head.lower_ in {"ahead", "prior"}):
            return True
    return False


# "At the beginning of his visit, X called on Y on Tuesday": a moment within the event
# (not "on the sidelines of the summit": the meeting's day is a day of the summit)
MOMENT_NOUNS = {"beginning", "start", "outset", "end", "conclusion", "close", "course", "eve"}


def _framing_relative(tclause, eclause) -> bool:
    """Whether ``tclause`` is the relative clause that says when a gathering took place
    ("..., which took place last year", wherever the parser hangs it), the gathering being
    the one on whose sidelines ``eclause``'s event took place: its time dates that event
    ("on the sidelines of the forum, which took place last year, X and Y signed a memorandum")."""
    if tclause.dep_ not in {"relcl", "acl"} or tclause.i == eclause.i:
        return False
    for prep in eclause.children:
        if prep.dep_ != "prep":
            continue
        for side in prep.children:
            if side.dep_ != "pobj" or side.lemma_.lower() not in SIDE_NOUNS:
                continue
            gatherings = [g for of in side.children if of.dep_ == "prep" and of.lower_ == "of"
                          for g in of.children if g.dep_ == "pobj" and lexicon_kind(g) in {"Meeting", "Summit"}]
            if any(_tells_when(tclause) and any(w.i == tclause.head.i for w in g.subtree) for g in gatherings):
                return True
    return False


SIDE_NOUNS = {"sideline", "sidelines", "margin", "margins"}


def _tells_when(clause) -> bool:
    """"which took place ...", "which was held ...", "held in ...": a clause that says when
    an event took place."""
    lemma = clause.lemma_.lower()
    if lemma == "take":
        return any(c.lower_ == "place" for c in clause.children)
    return lemma in {"hold", "convene", "organise", "organize"} and clause.tag_ == "VBN"


def _said_amid(noun, said, time: TimeValue) -> bool:
    """"Lavrov said Tuesday that ... amid talks with Dar": a meeting, summit or visit that a
    saying was made amid (the parser may hang "amid" in the words said), on the saying's day."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in {"amid", "amidst"} or lexicon_kind(noun) not in OCCASION_KINDS:
        return False
    return DAY_WORDS_RE.search(time.span.text) is not None and any(a.i == said.i for a in noun.ancestors)


# short occasions: what is done during one in a month or a year was done when it took place
OCCASION_KINDS = {"Meeting", "Summit", "StateVisit"}


def _moment_in(noun, time: TimeValue | None = None) -> bool:
    """A noun trigger in "during the visit", "at the start of the talks", "on the eve of the
    summit": the clause's time is a moment within (or before) it, not its own.  But a month
    or a year said of what was done during a meeting, a summit or a visit ("Last month, Putin,
    during a meeting with Sharif, declared ..."; "is expected to be signed next month during
    the visit") holds the occasion too: its time (not a day: "during the visit, he met X on
    Tuesday" dates one day of it)."""
    cur = noun
    for _ in range(4):
        if cur.head.i == cur.i or cur.head.pos_ in {"VERB", "AUX"}:
            return False
        cur = cur.head
        if cur.dep_ == "prep" and cur.lower_ == "during":
            return time is None or not _spans_occasion(noun, time)
        if cur.dep_ == "prep" and cur.lower_ == "of" and cur.head.lemma_.lower() in MOMENT_NOUNS:
            return True
    return False


def _spans_occasion(noun, time: TimeValue) -> bool:
    """Whether ``time`` is a month or a year (in value or, without one, in words) and
    ``noun`` names a short occasion (a meeting, a summit, a visit)."""
    if lexicon_kind(noun) not in OCCASION_KINDS or DAY_WORDS_RE.search(time.span.text) or time.start:
        return False
    return time.value is None or len(time.value) < 10


# verbs of deciding: their time is the decision's, not that of the event decided on
DECIDING = {"agree", "decide", "pledge", "promise", "vow", "resolve"}


def _decided_then(tclause, eclause, time) -> bool:
    """"agreed in December to ink an accord", "decided on Monday to hold talks": a time
    between a verb of deciding and the infinitive of the event it decides on."""
    return (tclause.lemma_.lower() in DECIDING and eclause.head.i == tclause.i and tclause.idx < time.span.start
            < eclause.idx and (eclause.dep_ == "xcomp" or (eclause.dep_ == "advcl" and to_infinitive(eclause))))


def _has_subject(verb) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)


def _describes(clause, noun) -> bool:
    """A participle or relative clause on ``noun`` that says when it took place."""
    cur = clause
    for _ in range(3):  # "..., and which was held ..." hangs from the first relative clause
        if cur.dep_ != "conj" or cur.head.i == cur.i:
            break
        cur = cur.head
    if cur.dep_ not in {"acl", "relcl"} or (cur.head.i not in {noun.i, anchor(noun).i}
                                            and not _hung_from_the_phrase_end(cur, noun)):
        # ("the third round of talks held in May": the clause hangs on "round")
        return False
    return (cur.dep_ == "acl" and cur.tag_ == "VBN") or clause.lemma_.lower() in OCCURRING | ARRANGING


def _hung_from_the_phrase_end(clause, noun) -> bool:
    """"the visit to Pakistan, which was scheduled for 10 April", "a meeting of the SCO
    Council of Heads of Government, which took place Tuesday": a relative clause the parser
    hangs from a word that ends the trigger's phrase (or elsewhere), right after the phrase;
    a name is not held or scheduled, nor does it take place, so the clause tells the
    trigger's event (:func:`kg.extract.time_scope.event_relative`)."""
    found = event_relative(noun)
    if found is not None and found.i == clause.i:
        return True
    # "decisions taken during the 5th Meeting of the IGC held in Moscow in November 2017": a
    # participle right after the trigger's phrase, that says what is said of events (held,
    # convened, hosted), wherever the parser hangs it but from another event's noun
    if clause.dep_ != "acl" or clause.tag_ not in {"VBN", "VBD"} or clause.lemma_.lower() not in EVENT_PASSIVE_VERBS:
        return False
    head = clause.head
    if head.i != noun.i and lexicon_kind(head):
        return False
    words = {t.i for t in noun.subtree}
    return head.i in words or clause.i == max(words) + 1


LATER_WORDS = {"later", "earlier", "afterwards", "afterward", "subsequently", "ago", "since", "before", "after"}


def _own_moment(ctx, verb) -> bool:
    """A verb with a time or a word of sequence of its own ("and signed an agreement a year
    later", "and in 2015 signed"): a time fronted before the first of two joined clauses is
    not the second's."""
    for c in verb.children:
        if c.dep_ in {"conj", "cc", "punct", "nsubj", "nsubjpass", "aux", "auxpass"}:
            continue
        words = list(c.subtree)
        if any(w.lower_ in LATER_WORDS for w in words) and c.dep_ in {"advmod", "npadvmod", "prep", "advcl"}:
            return True
        if ctx.times_in(words[0].idx, words[-1].idx + len(words[-1])) and c.dep_ not in {"dobj", "attr"}:
            return True
    return False


def _conjoined(first, second) -> bool:
    cur = second
    for _ in range(3):
        if cur.dep_ != "conj" or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.i == first.i:
            return True
    return False


def in_dateline(text: str, sentence, time: TimeValue) -> bool:
    """"ISLAMABAD, Apr 06 (APP):" at the start of a sentence dates the report (so do
    "ASTANA, Kazakhstan, February 19." and "KARACHI, (UrduPoint - 20th Nov, 2019 ) :")."""
    if sentence is None:
        return False
    before = text[sentence.span.start:time.span.start]
    after = text[time.span.end:time.span.end + 40]
    return (bool(_DATELINE_RE.match(before)) and bool(_AFTER_DATELINE_RE.match(after))) or credited_date(before, after)


def named_year(ctx, token) -> TimeValue | None:
    """"the Druzhba 2018 joint exercise", "'Friendship 2016', the first joint exercises": the
    year in the name of an exercise or summit names its year."""
    near = list(token.children)
    if token.dep_ == "appos":
        near.append(token.head)
    for tok in near:
        if tok.dep_ not in {"compound", "nmod", "appos", "npadvmod"} and tok.i != token.head.i:
            continue
        for t in tok.subtree:
            if t.like_num and len(t.text) == 4 and t.text[:2] in {"19", "20"} and t.i > 0 \
                    and (t.nbor(-1).pos_ == "PROPN" or t.nbor(-1).text in {"‘", "'", "“", '"', "-"}):
                return TimeValue(Span(t.idx, t.idx + 4, t.text), t.text)
    return None


NAMING = {"call", "title", "name", "dub", "christen", "codename"}
_MONTH_WORD_RE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b", re.I)
_THIS_YEAR_RE = re.compile(r"\s*(?:,\s*)?\b(?:of\s+)?this\s+year\b", re.I)


def _year_of_name(ctx, token) -> str | None:
    """The year in the name of an exercise or summit, beside its noun ("the Druzhba 2018
    exercise") or after a participle of naming ("an exercise called 'Friendship 2016'",
    "exercises titled 'Kavkaz 2020'")."""
    year = named_year(ctx, token)
    if year is not None:
        return year.value
    for acl in (c for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in NAMING):
        for t in acl.subtree:  # the word before the year may be tagged a common noun after "called"
            if t.like_num and len(t.text) == 4 and t.text[:2] in {"19", "20"} and t.i > 0 \
                    and (t.nbor(-1).pos_ in {"PROPN", "NOUN"} or t.nbor(-1).text in {"‘", "'", "“", '"', "-"}):
                return t.text
    return None


def dated_by_name(ctx, event: Event) -> Event:
    """An exercise or summit whose time names a month or day without a year ("from September
    24 to October 10", "in September this year" in an article without a date) and whose name
    carries a year ("'Friendship 2016'", "'Kavkaz 2020'"): the time in that year."""
    from kg.extract.relative import resolve
    from kg.extract.yearless import resolve_range
    time = event.time
    if event.kind not in NAMED_KINDS or time is None or not time.is_partial \
            or not _MONTH_WORD_RE.search(time.span.text):
        return event
    token = trigger_token(ctx.doc, event)
    year = _year_of_name(ctx, token) if token is not None else None
    if year is None:
        return event
    words = _THIS_YEAR_RE.sub("", time.span.text).strip()
    days = resolve_range(words, year, None)
    if days and all(d.startswith(year) for d in days):
        return replace(event, time=TimeValue(time.span, None, *days))
    value = resolve(words, year)
    if value and value.startswith(year):
        return replace(event, time=TimeValue(time.span, value))
    return event


def event_time(ctx, token, sentence, inside, kind: str | None = None) -> TimeValue | None:
    """The time in the trigger's own words, else the only time of its clause in the sentence
    (for an exercise or summit without one, the year in its name)."""
    times = ctx.times_in(min(t.idx for t in inside), max(t.idx + len(t) for t in inside)) if inside else []
    times = [t for t in times if own_time(ctx, token, t)]
    if not times:
        sentence_times = [t for t in ctx.times_in(sentence.span.start, sentence.span.end)
                          if own_time(ctx, token, t)]
        times = sentence_times if len(sentence_times) == 1 else []
    if not times and kind in NAMED_KINDS:
        year = named_year(ctx, token)
        times = [year] if year else []
    # "staged every two years since 2007 ... held from 7 to 11 February": a "since" time
    # says how long a state has lasted, the other when the event took place
    return min(times, key=lambda t: (t.span.text.lower().startswith("since"), abs(t.span.start - token.idx))) \
        if times else None


ARRANGING = {"schedule", "plan", "set", "slate", "fix", "host", "postpone", "delay", "reschedule"}
CONTINUED_ARRANGING = {"schedule", "slate", "set", "fix"}  # "The talks are scheduled for 20 October"
ANAPHORS = {"meeting", "talks", "visit", "exercise", "drill", "drills", "exercises", "summit", "event",
            "exchange", "session", "trip", "it", "they", "ceremony", "signing", "tour", "consultations",
            "deal", "agreement", "accord"}


def continued_time(ctx, event: Event) -> Event:
    """"... held talks with X. The talks took place on 5 May.": the sentence after the
    event's first or latest mention, whose subject refers back to the event and whose verb
    says when it happened, gives its time.  "The consultations are scheduled for 20 October"
    gives the time and says the event is scheduled."""
    if event.time is not None:
        return event
    after = sorted({event.sentence.index, *(s.index for s in event.also)})
    token = trigger_token(ctx.doc, event)
    ordinal = _ordinal_of(token) if token is not None else None
    # the sentence after its first or latest mention, or a mention merged into it ("The
    # consultations are scheduled for 20 October" after "the third round of consultations")
    for index in dict.fromkeys((after[0] + 1, *after[1:], after[-1] + 1)):
        if index >= len(ctx.sentences):
            continue
        found = _continuing(ctx, ctx.sentences[index], event.kind, ordinal=ordinal) or _described_again(
            ctx, ctx.sentences[index], event.kind)
        if found is None:
            continue
        dated = _continued_by(event, ctx.sentences[index], found)
        if dated is not None:
            return dated
    return event


def _continued_by(event: Event, sentence, found) -> Event | None:
    """``event`` with the time that ``sentence`` gives it (``found``: :func:`_continuing`'s
    answer), or None when that sentence tells a past occasion of a future event."""
    time, arranged, past = found
    if past and event.status in INTENDED:
        return None  # "Lavrov is expected to meet ... The first meeting was held on 14 April 2017"
    also = event.also if sentence in event.also or sentence == event.sentence else event.also + (sentence,)
    status = "scheduled" if arranged and event.status in {None, "planned"} else event.status
    return replace(event, time=time, also=also, status=status)


def continued_afar(ctx, events: list[Event]) -> list[Event]:
    """``events`` with the time of a later sentence that continues one further on than the
    next ("... began a joint exercise. [...] The two-week exercise commenced on 13 October."):
    only for the one event of its kind in the article that has no time yet, and only when one
    sentence after its mentions continues an event of that kind."""
    count = Counter(e.kind for e in events)
    out = []
    for e in events:
        if e.time is None and count[e.kind] == 1:
            last = max([e.sentence.index, *(s.index for s in e.also)])
            found = [(i, f) for i in range(last + 2, len(ctx.sentences))
                     if (f := _continuing(ctx, ctx.sentences[i], e.kind, named=True)) is not None]
            if len(found) == 1:
                e = _continued_by(e, ctx.sentences[found[0][0]], found[0][1]) or e
        out.append(e)
    return out


def _described_again(ctx, sentence, kind: str) -> tuple[TimeValue, bool, bool] | None:
    """(the time, False, True) of a sentence whose subject names the event again with "the"
    or "this" and a participle that says when ("The deal endorsed by the cabinet on Monday
    comes as ...", "The talks, held on 5 May, focused on trade"), whatever its own verb;
    None otherwise.  The subject's noun must be a trigger noun of the event's kind."""
    span = ctx.doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
    if span is None:
        return None
    subjects = [c for c in span.root.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "NOUN"]
    if not subjects:
        return None
    noun = subjects[0]
    if not any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in noun.children) or marked_distinct(noun) \
            or lexicon_kind(noun) != kind:
        return None
    participles = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    if len(participles) != 1:
        return None
    words = list(participles[0].subtree)
    first, last = min(t.idx for t in words), max(t.idx + len(t) for t in words)
    times = [t for t in ctx.times_in(first, last) if not t.is_partial]
    return (times[0], False, True) if len(times) == 1 else None


ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "eleventh", "twelfth"}


def _ordinal_of(noun) -> str | None:
    """The ordinal that numbers an event's noun in its series ("the second round": "second";
    "the 5th session": "5th"), or None."""
    return next((c.lower_ for c in noun.children if c.dep_ in {"amod", "nummod"} and (
        c.lower_ in ORDINAL_WORDS or ORDINAL_RE.match(c.lower_))), None)


def _continuing(ctx, sentence, kind: str, named=False, ordinal: str | None = None
                ) -> tuple[TimeValue, bool, bool] | None:
    """(the time, whether it was arranged rather than held, whether it is told as past) of a
    sentence such as "The talks took place on 5 May" or "The consultations are scheduled for
    20 October"; None when its subject is marked as another event ("the next round") or names
    an event of another kind ("Putin has arrived in Astana ... The SCO summit will take place
    from July 3-4": the summit's time, not the visit's).  With ``named``, the subject must
    be a noun ("The exercise began ...", not "It will start ...")."""
    span = ctx.doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    lemma = root.lemma_.lower()
    arranged = lemma in CONTINUED_ARRANGING and root.tag_ == "VBN"
    # "The deal is expected to be signed next month": expected to take place then
    expected = lemma == "expect" and root.tag_ == "VBN" and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in OCCURRING for c in root.children)
    if lemma not in OCCURRING and not arranged and not expected:
        return None
    subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects or subjects[0].lower_ not in ANAPHORS or (
            subjects[0].pos_ == "NOUN" and not any(c.lower_ in {"the", "this"} for c in subjects[0].children)):
        return None
    if marked_distinct(subjects[0]) or not _same_kind(subjects[0], kind) or (named and subjects[0].pos_ != "NOUN"):
        return None
    numbered = _ordinal_of(subjects[0])
    if ordinal and numbered and numbered != ordinal:
        return None  # "the second round of the dialogue ... The first session took place in April": another
    times = [t for t in ctx.times_in(sentence.span.start, sentence.span.end) if not t.is_partial or calendar_day(t)]
    if len(times) != 1 or (arranged and (times[0].value is None or len(times[0].value) != 10)):
        return None  # arranged: only a day fixes it ("scheduled for October 20, 2021")
    if expected:
        return times[0], False, False
    aux = {c.lower_ for c in root.children if c.dep_ in {"aux", "auxpass"}}
    past = root.tag_ == "VBD" or (root.tag_ == "VBN" and bool(aux & {"was", "were", "had", "has", "have"}))
    return times[0], arranged, past and not arranged


GATHERING_KINDS = {"Meeting", "Summit"}  # "the meeting" of a summit: a summit is a meeting


def _same_kind(noun, kind: str) -> bool:
    """Whether a subject noun may name an event of ``kind`` ("the talks" a Meeting or a Summit,
    "it" or "the event" any)."""
    named = lexicon_kind(noun)
    return named is None or named == kind or {named, kind} <= GATHERING_KINDS
