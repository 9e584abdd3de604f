"""Relative times ("last month", "on Thursday", "tomorrow", "in August") resolved against
the article's date, with the precision the words give.

The words are found here; the calendar arithmetic is ``dateparser``'s (measured at about
0.4 ms a call, a handful of calls an article).  A time is resolved only when the article's
date is at least as precise as the answer needs ("last month" needs the month, "on
Thursday" the day); otherwise it stays words without a value.  A weekday or a month without
a year is taken as the latest one on or before the article's date, or the next one when
the clause speaks of the future ("will", "is scheduled", "next").
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from kg.extract.model import Span, TimeValue
from kg.extract.yearless import MONTH_NUMBERS, clause_tense, resolve_day_or_month, resolve_range

_NUMBER = r"(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)"
RELATIVE_RE = re.compile(
    r"(?<![\w-])(?:(?:[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate)\s+)?(?:(?i:today|yesterday|tomorrow|tonight)|"
    r"(?:[Ll]ast|[Nn]ext|[Tt]his)\s+(?:week|month|year|spring|summer|autumn|winter)|"
    r"[Tt]his\s+(?:morning|afternoon|evening)|[Ll]ast\s+night|"
    rf"{_NUMBER}\s+(?:years?|decades?|months?|weeks?|days?)\s+ago|(?i:the other day|a few days ago)|(?i:recently|shortly)|in\s+the\s+(?:very\s+)?near\s+future|[Ii]n\s+recent\s+(?:months|weeks|days))(?![\w-])")
VAGUE = {"shortly": None, "recently": "year"}  # "recently" is taken as the article's year
_AGO_RE = re.compile(rf"^({_NUMBER})\s+(years?|decades?|months?|weeks?|days?)\s+ago$")
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20}
_WEEKDAY_BEFORE_DATE_RE = re.compile(
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s*(?=\d|(?:jan|feb|mar|apr|may|jun|jul|aug|"
    r"sep|oct|nov|dec)[a-z]*\.?\s*\d)")
_WEEKDAY_RE = re.compile(r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)", re.I)
_MONTH_ONLY_RE = re.compile(r"^(?:in\s+|on\s+|by\s+|early\s+|late\s+|mid-?)*"
                            r"(?P<words>(?:(?:January|February|March|April|May|June|July|August|September|"
                            r"October|November|December)(?:\s+\d{1,2}(?:st|nd|rd|th)?)?)|"
                            r"\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|"
                            r"August|September|October|November|December))$", re.I)
_NEEDS = {"day": 3, "month": 2, "year": 1, "week": 4}


def relative_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of relative time words ("last month", "tomorrow")."""
    return [(m.start(), m.end()) for m in RELATIVE_RE.finditer(text)]


@functools.lru_cache(maxsize=4)
def _parser(anchor: str, future: bool):
    from dateparser.date import DateDataParser

    parts = [int(p) for p in anchor.split("-")]
    if len(parts) == 1:  # an article of some day in that year, month: its last day
        parts += [12, 31]
    elif len(parts) == 2:
        parts.append(calendar.monthrange(parts[0], parts[1])[1])
    base = dt.datetime(parts[0], parts[1], parts[2], 12)
    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": "future" if future else "past",
        "RETURN_TIME_AS_PERIOD": True, "PREFER_DAY_OF_MONTH": "first"})


def resolve(words: str, anchor: str | None, future: bool | None = False) -> str | None:
    """ISO value of relative time words against the ISO ``anchor``, or None; ``future``
    says the clause speaks of the future (True), the past (False) or neither (None).

    >>> resolve("last month", "2023-06-15"), resolve("this year", "2023"), resolve("on Thursday", "2023-06-17")
    ('2023-05', '2023', '2023-06-15')
    >>> resolve("last month", "2023"), resolve("in August", "2023-06-15"), resolve("in August", "2023-06-15", True)
    (None, '2022-08', '2023-08')
    >>> resolve("on October 19", "2021-10"), resolve("on Tuesday", "2024"), resolve("in March", "2019")
    ('2021-10-19', '2024', '2019-03')
    >>> resolve("on Tuesday", "2019-08"), resolve("yesterday", "2019-08"), resolve("on Tuesday", "2019-08-14")
    (None, None, '2019-08-13')
    >>> resolve("the end of May", "2025-06-18"), resolve("the beginning of August", "2025-06-18", True)
    ('2025-05', '2025-08')
    >>> resolve("on October 25", "2021-10", True), resolve("on October 5", "2021-10"), resolve("in October", "2021-10", True)
    ('2021-10-25', '2021-10-05', '2021-10')
    >>> resolve("23 years ago", "2022-02-07"), resolve("this summer", "2025-07-02"), resolve("this week", "2025-07-02")
    ('1999', '2025', None)
    >>> resolve("two days ago", "2025-06-18"), resolve("three months ago", "2025-02"), resolve("a week ago", "2025-06-18")
    ('2025-06-16', '2024-11', None)
    >>> resolve("this morning", "2025-06-18"), resolve("last night", "2025-06-18"), resolve("two days ago", "2025-06")
    ('2025-06-18', '2025-06-17', None)
    >>> resolve("the other day", "2015-04-16"), resolve("a few days ago", "2015-04-03"), resolve("In recent months", "2018-05-08")
    ('2015-04', None, None)
    """
    if not anchor:
        return None
    low = re.sub(r"\s+", " ", words.strip().lower())
    low = re.sub(r"^(?:on|in|by|since|from|until|till|during|earlier|later|early|late|mid-?)\s*", "", low)
    low = re.sub(r"^(?:earlier|later)\s+", "", low)
    low = re.sub(r"^(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+", "", low)  # "at the end of May": May
    low = _WEEKDAY_BEFORE_DATE_RE.sub("", low)  # "wednesday, november 16": the date says it
    if low in {"tonight", "this morning", "this afternoon", "this evening"}:
        low = "today"
    elif low == "last night":
        low = "yesterday"
    precision = anchor.count("-") + 1
    weekday = _WEEKDAY_RE.search(low)
    if (weekday or low in {"today", "yesterday", "tomorrow"}) and precision < 3:
        # "on Tuesday" in an article dated by year: some day of that year, as precise as known;
        # in one dated by month only, the day cannot be fixed and may fall in the month before
        # ("on Tuesday" in an article of early August): words only, as the gold keeps it
        return anchor if precision == 1 else None
    if weekday:
        day = dt.date.fromisoformat(anchor)
        target = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].index(
            weekday.group(1).lower())
        delta = (target - day.weekday()) % 7
        if "next" in low or (future and delta):
            return (day + dt.timedelta(days=delta or 7)).isoformat()
        back = (day.weekday() - target) % 7
        if "last" in low and back == 0:
            back = 7
        return (day - dt.timedelta(days=back)).isoformat()
    if low in {"the other day", "a few days ago"}:  # some day of the last week: its month, when inside it
        return anchor[:7] if precision == 3 and int(anchor[8:]) > 7 else None
    if low.startswith("recent "):  # "in recent months": no ISO precision, kept as words
        return None
    if low in VAGUE or low.endswith("near future"):
        return anchor[:4] if VAGUE.get(low) == "year" else None
    ago = _AGO_RE.match(low)
    if ago:  # "23 years ago": the year, whatever the article's precision
        n = int(ago.group(1)) if ago.group(1).isdigit() else _NUMBER_WORDS[ago.group(1)]
        unit = ago.group(2).rstrip("s")
        if unit == "day":  # "two days ago": a day, when the article's day is known
            return (dt.date.fromisoformat(anchor) - dt.timedelta(days=n)).isoformat() if precision == 3 else None
        if unit == "month":  # "three months ago": a month
            if precision < 2:
                return None
            months = int(anchor[:4]) * 12 + int(anchor[5:7]) - 1 - n
            return f"{months // 12:04d}-{months % 12 + 1:02d}"
        if unit == "week":
            return None  # a week is no ISO precision: kept as words, like "last week"
        return str(int(anchor[:4]) - n * (10 if unit == "decade" else 1))
    if re.fullmatch(r"this (?:spring|summer|autumn|winter)", low):
        return anchor[:4]
    if re.fullmatch(r"(?:this|last|next) week|(?:last|next) (?:spring|summer|autumn|winter)", low):
        return None  # no ISO value at the precision the words give: kept as words
    if low in {"this year", "this month"}:
        period = low.split()[1]
        return anchor[:4] if period == "year" else (anchor[:7] if precision >= 2 else None)
    month_only = _MONTH_ONLY_RE.match(low)
    if month_only:  # the words give month (and day): the year is the article's, by tense
        tense = None if future is None else ("future" if future else "past")
        day = re.search(r"\d+", month_only.group("words"))
        month = re.search(r"[a-z]{3,}", month_only.group("words")).group()
        return resolve_day_or_month(MONTH_NUMBERS[month], int(day.group()) if day else None, anchor, tense)
    data = _parser(anchor, bool(future)).get_date_data(low)
    if data is None or data.date_obj is None or data.period not in _NEEDS:
        return None
    period = data.period
    if precision < _NEEDS[period] or period == "week":
        return None
    d = data.date_obj.date()
    return {"day": d.isoformat(), "month": d.isoformat()[:7], "year": d.isoformat()[:4]}[period]


def is_future(doc, start: int) -> bool | None:
    """Whether the clause around the character offset speaks of the future (True), the
    past (False) or neither (None) (:func:`kg.extract.yearless.clause_tense`)."""
    tense = clause_tense(doc, start)
    return None if tense is None else tense == "future"


_MONTH_NAME = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
               r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
_YEARLESS_RE = re.compile(rf"^(?:(?:on|in|by)\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAME}|"
                          rf"{_MONTH_NAME}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?)$", re.I)


def resolve_times(doc, times: list[TimeValue], anchor: str | None) -> list[TimeValue]:
    """``times`` with partial ones resolved where the words allow: a month or day without
    a year takes the year an earlier time of its sentence names ("In 2016, ... scheduled
    on September 18"), else is resolved against ``anchor``."""
    out = []
    for t in times:
        year = _sentence_year(doc, out, t) if t.is_partial and _YEARLESS_RE.match(t.span.text) else None
        if year:
            value = resolve(t.span.text, year)
            if value and value.startswith(year):
                t = TimeValue(t.span, value)
        elif t.is_partial and anchor:
            future = is_future(doc, t.span.start)
            days = resolve_range(t.span.text, anchor, clause_tense(doc, t.span.start)) \
                or weekday_range(t.span.text, anchor, future)
            value = None if days else resolve(t.span.text, anchor, future)
            if days:  # "from June 20 to 22", "20-21 June": a range, never its first day alone
                t = TimeValue(t.span, None, *days)
            elif value:
                t = TimeValue(t.span, value)
        out.append(t)
    return out


_WEEKDAY_RANGE_RE = re.compile(r"^from\s+(?P<a>[a-z]+day)(?:\s+(?:to|until|till|through)\s+|\s*[-–]\s*)(?P<b>[a-z]+day)$",
                               re.I)


def weekday_range(words: str, anchor: str, future: bool | None) -> tuple[str, str] | None:
    """"from Monday to Wednesday": the first day as a weekday alone, the last the first
    such weekday after it (a range of at most a week).

    >>> weekday_range("from Monday to Wednesday", "2025-06-18", True), weekday_range("from Monday to Friday", "2025-06", None)
    (('2025-06-23', '2025-06-25'), None)
    """
    m = _WEEKDAY_RANGE_RE.match(words.strip())
    first = resolve("on " + m.group("a"), anchor, future) if m else None
    if first is None or len(first) != 10:
        return None
    names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    start = dt.date.fromisoformat(first)
    if m.group("b").lower() not in names:
        return None
    gap = (names.index(m.group("b").lower()) - start.weekday()) % 7 or 7
    return start.isoformat(), (start + dt.timedelta(days=gap)).isoformat()


_TODAY_RE = re.compile(r"(?<![\w-])(?:today|yesterday|tonight)(?![\w-])", re.I)


def day_of_article(doc, times: list[TimeValue], anchor: str | None) -> str | None:
    """The article's day when its date gives only the month: the latest day of that month
    it names in a sentence that also says "today" or "yesterday" ("Moscow today hosted ...
    following today's meeting ..., reported that on October 19 a meeting took place"), not
    in a clause about the future.  Otherwise ``anchor`` itself."""
    if not anchor or anchor.count("-") != 1:
        return anchor
    days = []
    for t in times:
        span = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
        if span is None or not _TODAY_RE.search(span.root.sent.text):
            continue
        days += [v for v in (t.value, t.start, t.end) if v and len(v) == 10 and v.startswith(anchor + "-")
                 and not is_future(doc, t.span.start)]
    return max(days) if days else anchor


def _sentence_year(doc, before: list[TimeValue], t: TimeValue) -> str | None:
    """The year of the one earlier year-only time in the sentence of ``t``."""
    span = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
    if span is None:
        return None
    sent = span.sent
    years = {p.value for p in before if p.value and len(p.value) == 4
             and sent.start_char <= p.span.start < t.span.start}
    return years.pop() if len(years) == 1 else None


def relative_times(doc, text: str, anchor: str | None, taken: list[TimeValue]) -> list[TimeValue]:
    """Relative time words not inside ``taken``: resolved against ``anchor`` when the words
    and the anchor allow, else kept as words without a value ("this week", or any of them
    in an article without a date)."""
    out = []
    for s, e in relative_spans(text):
        if any(t.span.start < e and s < t.span.end for t in taken):
            continue
        value = resolve(text[s:e], anchor, is_future(doc, s)) if anchor else None
        out.append(TimeValue(Span(s, e, text[s:e]), value))
    return out
