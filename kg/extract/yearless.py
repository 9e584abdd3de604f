"""Days and months without a year ("on 20 June", "in August", "from June 20 to 22",
"20-21 June") resolved against the article's date, by the tense of their clause.

A day or month the text gives without its year is taken in the year that puts it nearest
the article's date, unless the clause says which side of it the time lies on: a clause in
the past ("signed in August", "had met on 5 May") takes the latest one on or before the
article's date, a clause about the future ("will visit on 20 June", "is to arrive", "is
scheduled for", "would continue till November 21", "is arriving on Thursday") the first
one on or after it.  An
article dated by year alone lends its year; one dated by month compares months.
"""
from __future__ import annotations

import datetime as dt
import re

from kg.extract.futurity import headline_infinitive, is_to

MONTH_NUMBERS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"])}
MONTH_NUMBERS.update({k[:3]: v for k, v in MONTH_NUMBERS.items()})
MONTH_NUMBERS["sept"] = 9
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_LEAD = r"^(?:(?:on|in|by|from|between|until|till|during|since|early|late|mid|the)[\s-]+)*"
_RANGE_RE = re.compile(
    _LEAD + rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})|(?P<d1b>{_DAY})(?:\s+(?:of\s+)?(?P<m1b>{_MONTH}))?)"
    rf"\s*(?P<conn>to|until|till|through|and|-|–|—)\s*"
    rf"(?:(?P<m2>{_MONTH})\s+(?P<d2>{_DAY})|(?P<d2b>{_DAY})(?:\s+(?:of\s+)?(?P<m2b>{_MONTH}))?)$", re.I)
# what says a clause speaks of the future, besides "will"/"shall": "is scheduled to", "is due",
# "is expected to", "the upcoming", "is set to", "is going to", "is likely to"
FUTURE_WORDS = {"will", "shall", "schedule", "plan", "due", "expect", "upcoming", "next", "set", "going",
                "likely", "forthcoming", "slate", "reschedule"}
PUT_OFF = {"postpone", "delay", "defer", "push", "move", "put"}  # "postponed until 20 July": the new date
FUTURE_FORMS = {"slated", "scheduled"}  # the parser's lemmas of these vary ("slat")
PERFECT = {"has", "have", "had", "was", "were"}


def clause_tense(doc, start: int) -> str | None:
    """"future", "past" or None (present, or not said) for the clause of the word at the
    character offset ``start``: the nearest finite verb above it decides, an infinitive
    or participle passes the question up ("is scheduled to visit on 20 June")."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    for _ in range(2):  # "10 July": the month's noun, not the number
        if tok.dep_ in {"nummod", "compound", "quantmod"} and tok.head.i != tok.i:
            tok = tok.head
    prep = tok.head if tok.dep_ == "pobj" else (tok if tok.dep_ == "prep" else None)
    if prep is not None and prep.lower_ in {"to", "until", "till"} and (
            prep.head.lemma_.lower() in PUT_OFF or prep.head.head.lemma_.lower() in PUT_OFF):
        return "future"  # "postponed the talks to 10 July"
    for _ in range(5):
        aux = [c for c in tok.children if c.dep_ in {"aux", "auxpass"}]
        words = {c.lower_ for c in aux}
        if tok.lemma_.lower() in FUTURE_WORDS or tok.lower_ in FUTURE_FORMS or any(
                c.lemma_.lower() in FUTURE_WORDS for c in tok.children if c.dep_ in {"aux", "auxpass", "amod", "advmod"}):
            return "future"
        if "would" in words and "have" not in words:
            return "future"  # "the exercise would continue till November 21"
        if tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"aux", "auxpass"}:
            if is_to(tok) or headline_infinitive(tok) or _infinitive_of_a_noun(tok):
                # "Sharif is to visit Moscow on 20 June", "Lavrov to meet Dar on Friday", "the
                # multinational exercise to be held in Karachi from February 7 to 11"
                return "future"
            if tok.tag_ == "VBD" or (tok.tag_ == "VBN" and words & PERFECT):
                return "past"
            if tok.tag_ == "VBG" and words & {"is", "are", "am", "'s", "'re"}:
                return "future"  # "is arriving on Thursday": an arrangement
            if tok.tag_ in {"VBZ", "VBP"} or (tok.tag_ in {"VBG", "VBN"} and aux and "to" not in words):
                return None  # present: the nearest (a passive infinitive, "to be held", passes up as "to hold" does)
        if tok.head is tok:
            break
        tok = tok.head
    return None


ONE_OF_A_SERIES = {"first", "last", "only", "second", "third", "latest", "next"}


def _infinitive_of_a_noun(verb) -> bool:
    """"the exercise to be held in Karachi", "talks to take place in May": an infinitive on a
    noun says what is to come (not "the first leader to visit Moscow", said of the past too)."""
    if verb.dep_ != "acl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    noun = verb.head
    return noun.pos_ in {"NOUN", "PROPN"} and not any(c.lower_ in ONE_OF_A_SERIES or c.tag_ == "JJS"
                                                      for c in noun.children)


def resolve_day_or_month(month: int, day: int | None, anchor: str, tense: str | None) -> str | None:
    """ISO value of a month (and day) without a year against the ISO ``anchor``.

    >>> resolve_day_or_month(6, 20, "2025-06-18", "future"), resolve_day_or_month(6, 20, "2025-06-18", "past")
    ('2025-06-20', '2024-06-20')
    >>> resolve_day_or_month(11, 21, "2020-11-16", None), resolve_day_or_month(8, None, "2023-06-15", "past")
    ('2020-11-21', '2022-08')
    >>> resolve_day_or_month(8, None, "2023-06-15", None), resolve_day_or_month(3, None, "2019", "past")
    ('2023-08', '2019-03')
    >>> resolve_day_or_month(10, 25, "2021-10", "past"), resolve_day_or_month(12, None, "2021-10", None)
    ('2021-10-25', '2021-12')
    """
    parts = [int(p) for p in anchor.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return _iso(year, month, day)
    if len(parts) == 2 or day is None:  # compare months: the anchor's own month is that month
        here = (parts[0], parts[1])
        options = [(y, month) for y in (year - 1, year, year + 1)]
        if (year, month) == here:
            chosen = year
        else:
            chosen = _pick(options, here, tense, lambda a, b: (a[0] - b[0]) * 12 + a[1] - b[1])
        return _iso(chosen, month, day)
    here_day = dt.date(*parts)
    options = []
    for y in (year - 1, year, year + 1):
        try:
            options.append(dt.date(y, month, day))
        except ValueError:
            continue
    if not options:
        return None
    chosen = _pick(options, here_day, tense, lambda a, b: (a - b).days)
    return _iso(chosen, month, day)


def _pick(options, here, tense, diff):
    if tense == "past":
        before = [o for o in options if diff(o, here) <= 0]
        best = max(before, key=lambda o: diff(o, here)) if before else options[0]
    elif tense == "future":
        after = [o for o in options if diff(o, here) >= 0]
        best = min(after, key=lambda o: diff(o, here)) if after else options[-1]
    else:
        best = min(options, key=lambda o: abs(diff(o, here)))
    return best[0] if isinstance(best, tuple) else best.year


def _iso(year: int, month: int, day: int | None) -> str | None:
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _num(day: str) -> int:
    return int(re.match(r"\d+", day).group())


def resolve_range(words: str, anchor: str, tense: str | None) -> tuple[str, str] | None:
    """Start and end of a range of days without a year ("from June 20 to 22", "20-21 June",
    "from 20 to 21 June", "June 30 to July 2"), or None.

    >>> resolve_range("20-21 June", "2025-06-18", None), resolve_range("from June 20 to 22", "2025-06-18", "future")
    (('2025-06-20', '2025-06-21'), ('2025-06-20', '2025-06-22'))
    >>> resolve_range("from June 30 to July 2", "2025-06-18", None), resolve_range("in 2016 and 2017", "2025", None)
    (('2025-06-30', '2025-07-02'), None)
    >>> resolve_range("on November 11 and 12", "2025-11-06", "future"), resolve_range("on June 20 and 22", "2025-06-18", None)
    (('2025-11-11', '2025-11-12'), None)

    A range that holds the article's own day is that year's, whatever the tense:

    >>> resolve_range("from 29-30 January", "2023-01-30", "future"), resolve_range("29-30 January", "2023-01-30", "past")
    (('2023-01-29', '2023-01-30'), ('2023-01-29', '2023-01-30'))
    """
    m = _RANGE_RE.match(re.sub(r"\s+", " ", words.strip()))
    if m is None:
        return None
    m1, m2 = m["m1"] or m["m1b"], m["m2"] or m["m2b"]
    if m1 is None and m2 is None:
        return None
    month1 = MONTH_NUMBERS[(m1 or m2).rstrip(".").lower()]  # "20-21 June": the month after serves both
    month2 = MONTH_NUMBERS[(m2 or m1).rstrip(".").lower()]  # "June 20-22"
    d1, d2 = _num(m["d1"] or m["d1b"]), _num(m["d2"] or m["d2b"])
    if m["conn"].lower() == "and" and not words.strip().lower().startswith("between") \
            and not (month1 == month2 and d2 == d1 + 1):
        return None  # "on June 20 and 22" names two days ("on November 11 and 12": two days running, a range)
    if tense is not None and len(anchor) == 10:  # a range under way on the article's day ("is undertaking
        nearest = resolve_range(words, anchor, None)  # a visit from 29-30 January", dated 30 January)
        if nearest is not None and nearest[0] <= anchor <= nearest[1]:
            return nearest
    first = resolve_day_or_month(month1, d1, anchor, tense)
    if first is None or len(first) != 10:
        return None
    year = int(first[:4]) + (1 if month2 < month1 else 0)
    try:
        start, end = dt.date.fromisoformat(first), dt.date(year, month2, d2)
    except ValueError:
        return None
    if end < start or (end - start).days > 92:
        return None
    return start.isoformat(), end.isoformat()
