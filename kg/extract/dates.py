"""Time expressions of an article, normalised with the precision the text gives.

Spans include a leading time preposition ("in July 2015", "since the early 1950s",
"from October 21 to November 4, 2018") because the preposition is part of what the
text says about the time.  Values are ISO text: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.
Months, days without a year, decades and centuries stay partial (``value is None``);
vague phrases ("recent times", "the past few years") are not returned ("in recent
months" is, as words without a value: :mod:`kg.extract.relative`).  A year is never
invented; in a range the later part lends its year (and month) to the earlier part.

>>> from kg.extract.pipeline import load_nlp
>>> nlp = load_nlp()
>>> doc = nlp("The pact was signed on May 1, 1948 and renewed from March 3 to April 9, 2019.")
>>> [(t.span.text, t.value, t.start, t.end) for t in find_times(doc)]
[('on May 1, 1948', '1948-05-01', None, None), ('from March 3 to April 9, 2019', None, '2019-03-03', '2019-04-09')]
>>> latest_date(find_times(doc))
'2019-04-09'
"""
from __future__ import annotations

import re
from datetime import date
from typing import Iterable

from spacy.tokens import Doc

from kg.extract.lookahead import starting
from kg.extract.model import Span, TimeValue
from kg.extract.tokens import doc_text

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|"
          r"November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)")
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[1-9]\d\d|20\d\d)"
_MOD = r"(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[\s-]+|(?:[Tt]he\s+)?(?:end|beginning|start|middle)\s+of\s+)?"
_EDGE_L = r"(?<![\w@$£€/.-])"
_EDGE_R = r"(?![\w@/%]|[.,]\d)"


def _piece(s: str) -> str:
    """One date piece; group names end in ``s`` so two pieces fit in one pattern."""
    return (rf"{_MOD}(?:(?P<m1{s}>{_MONTH})\s+(?P<d1{s}>{_DAY})(?!\d)"
            rf"|(?P<d2{s}>{_DAY})(?:\s+of)?\s+(?P<m2{s}>{_MONTH})|(?P<m3{s}>{_MONTH}))"
            rf"(?:,?\s+(?:of\s+)?(?P<y{s}>{_YEAR})\b)?"
            rf"|{_MOD}(?P<y0{s}>{_YEAR}){_EDGE_R}")


# first characters: a modifier (Early, mid, late, The, end, beginning, start, middle), a
# month (J F M A S O N D), a day or a year (a digit); a range may start with From or Between
_PIECE_RE = starting("[0-9EeMmLlTtbsJFASOND]", _EDGE_L + _piece(""))
_RANGE_RE = starting(
    "[0-9EeMmLlTtbsJFASONDBbf]",
    rf"{_EDGE_L}(?:(?P<prep>[Ff]rom|[Bb]etween)\s+)?(?:{_piece('a')}|(?P<da>{_DAY})(?!\d))"
    rf"\s*(?P<conn>to|until|till|through|and|-|–|—)\s*"
    rf"(?:{_piece('b')}|(?P<db>{_DAY})(?:,?\s+(?P<yb2>{_YEAR}))?{_EDGE_R}"
    rf"|(?P<yy>\d\d){_EDGE_R}(?!-\d))")
_ISO_RE = starting("[12]", rf"{_EDGE_L}(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d){_EDGE_R}")
_SEASON_RE = starting(  # a modifier, "the", or the season
    "[EeMmLlTtbsSAaFfWw]",
    rf"{_EDGE_L}{_MOD}(?:the\s+)?(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"
    rf"\s+(?:of\s+)?(?P<y>{_YEAR}){_EDGE_R}")
# days of the calendar named by a feast: a day when the year follows ("on Christmas Eve, 1979")
_FEAST_DAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
               "new year's eve": (12, 31), "new year's day": (1, 1)}
_FEAST_RE = starting(
    "[CN]", rf"{_EDGE_L}(?P<f>Christmas(?:\s+(?:Eve|Day))?|New\s+Year[’']s\s+(?:Eve|Day)),?\s+(?:of\s+)?"
    rf"(?P<y>{_YEAR}){_EDGE_R}")
_PARTIAL_RE = starting(  # decades, centuries, weekdays: kept without a value
    "[0-9eflmnstw]",  # (any case) the, early, mid, late, ordinals, weekdays
    r"(?<![\w-])(?:(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:1[1-9]|20)\d0s"
    r"|(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:1?\d(?:st|nd|rd|th)|first|second|third|"
    r"fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
    r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"twenty-first|21st)[\s-]+century"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?)\b",
    re.IGNORECASE)
_LEAD_RE = re.compile(r"(?:^|(?<=\W))(?:[Ii]n|[Oo]n|[Ss]ince|[Ff]rom|[Dd]uring|[Uu]ntil|[Tt]ill|"
                      r"[Bb]y|[Bb]efore|[Aa]fter|[Aa]round|[Cc]irca|[Aa]s of|[Tt]hroughout|"
                      r"[Pp]rior to|[Ee]arly|[Ll]ate|[Ll]ast|[Nn]ext|[Tt]his|[Tt]he year)\s+$")
_NAME_BEFORE_RE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+[ -]$")
_LIST_RE = re.compile(r"\s*(?:,|and|or|,\s*and|,\s*or)\s+")
_PREP_RE = re.compile(r"(?:^|(?<=\W))(?:[Ii]n|[Oo]n|[Ss]ince|[Ff]rom|[Dd]uring|[Uu]ntil|[Tt]ill|"
                      r"[Bb]y|[Bb]efore|[Aa]fter|[Aa]round|[Aa]s of|[Tt]hroughout|[Pp]rior to)\s+$")


def _iso(y: str | None, m: int | None, d: int | None) -> str | None:
    """ISO text for the parts the text gives; ``None`` without a year or if impossible."""
    if y is None:
        return None
    if m is None:
        return y
    if d is None:
        return f"{y}-{m:02d}"
    try:
        date(int(y), m, d)
    except ValueError:
        return None
    return f"{y}-{m:02d}-{d:02d}"


def _parts(g: dict[str, str | None], s: str) -> tuple[str | None, int | None, int | None]:
    """(year, month, day) of the piece with suffix ``s`` in a match's groups."""
    month = g.get(f"m1{s}") or g.get(f"m2{s}") or g.get(f"m3{s}")
    day = g.get(f"d1{s}") or g.get(f"d2{s}")
    year = g.get(f"y{s}") or g.get(f"y0{s}")
    m = _MONTHS[month.rstrip(".").lower()] if month else None
    d = int(re.match(r"\d+", day).group()) if day else None
    return year, m, d


def _earliest(iso: str) -> date:
    parts = [int(p) for p in iso.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _range(m: re.Match) -> tuple[str | None, str | None] | None:
    """Start and end of a range match, carrying year and month across; None if not a range."""
    g = m.groupdict()
    ya, ma, da = _parts(g, "a")
    yb, mb, db = _parts(g, "b")
    if g["da"]:
        da = int(re.match(r"\d+", g["da"]).group())
        if mb is None or g["m1b"]:  # "21-25 October 2018" needs the month after the day
            return None
        ma = mb
    short = g["yy"] or (g["db"] if g["db"] and len(g["db"]) == 2 and not g["yb2"] else None)
    if short and ya is not None and ma is None and g["conn"] in "-–—":
        yb = ya[:2] + short  # "2018-19"
    elif g["yy"]:
        return None
    elif g["db"]:
        db, yb = int(re.match(r"\d+", g["db"]).group()), g["yb2"]
        if ma is None or da is None:  # "October 21-25, 2018" needs month and day first
            return None
        mb = ma
    if g["conn"] == "and" and not g["prep"] and not (da is not None and db == da + 1 and ma == mb):
        return None  # "in 2016 and 2017" lists two years (not "on 11 and 12 November": two days running)
    if g["conn"] in ("-", "–", "—") and (ma is None) != (mb is None):
        return None
    if ya is None and yb is not None and (ma is not None or da is not None):
        ya = yb
    start, end = _iso(ya, ma, da), _iso(yb, mb, db)
    if start and end and _earliest(start) > _earliest(end):
        return None
    if (start is None) != (end is None):
        return None
    return start, end


def _ner_dates(doc: Doc) -> list[tuple[int, int]]:
    return [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]


def _inside(s: int, e: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(a <= s and e <= b for a, b in spans)


def _vouched(text: str, s: int, e: int, ner: list[tuple[int, int]]) -> bool:
    """A bare year or month counts when NER calls it a DATE or a time word precedes it."""
    return _inside(s, e, ner) or bool(_LEAD_RE.search(text[max(0, s - 12):s]))


def find_times(doc: Doc, anchor: str | None = None) -> list[TimeValue]:
    """Every time expression of ``doc``, in text order, spans as character offsets.

    spaCy DATE entities vouch for bare years and bare months; elsewhere a bare year or
    month needs a time word before it ("in 2005", "early September"), so names such as
    "Friendship 2018" are left alone.  With ``anchor``, the article's ISO date, relative
    times ("last month", "on Thursday", "in August") get values (:mod:`kg.extract.relative`).

    >>> from kg.extract.pipeline import load_nlp
    >>> doc = load_nlp()("Trade grew in 2016-2017, between 2003 and 2011 and in early June.")
    >>> [(t.span.text, t.value, t.start, t.end, t.is_partial) for t in find_times(doc)]
    [('in 2016-2017', None, '2016', '2017', False), ('between 2003 and 2011', None, '2003', '2011', False), ('in early June', None, None, None, True)]
    """
    text = doc_text(doc)
    ner = _ner_dates(doc)
    cands: list[tuple[int, int, str | None, str | None, str | None]] = []
    pos = 0
    while (m := _RANGE_RE.search(text, pos)) is not None:
        rng = _range(m)
        years_only = not (m["m1a"] or m["m2a"] or m["m3a"] or m["da"])
        if rng is not None and (m["prep"] or not years_only
                                or _vouched(text, m.start(), m.end(), ner)):
            cands.append((m.start(), m.end(), None, rng[0], rng[1]))
            pos = m.end()
        else:  # a failed match must not hide a range that starts inside it
            pos = m.start() + 1
    for m in _ISO_RE.finditer(text):
        value = _iso(m["y"], int(m["m"]), int(m["d"]))
        if value:
            cands.append((m.start(), m.end(), value, None, None))
    for m in _SHORT_YEAR_RE.finditer(text):  # "began showing in ’14", "since '98"
        cands.append((m.start("y"), m.end(), _short_year(m["yy"], anchor), None, None))
    for m in _SEASON_RE.finditer(text):
        cands.append((m.start(), m.end(), m["y"], None, None))
    for m in _FEAST_RE.finditer(text):  # "on Christmas Eve, 1979": a day of that year
        month, day = _FEAST_DAYS[re.sub(r"\s+", " ", re.sub(r"[’']", "'", m["f"].lower()))]
        cands.append((m.start(), m.end(), _iso(m["y"], month, day), None, None))
    for m in _WEEK_OF_RE.finditer(text):  # "the first week of October": a week, no ISO value
        cands.append((m.start(), m.end(), None, None, None))
    for m in _PARTIAL_RE.finditer(text):
        if re.search(r"day$", m.group(), re.I) and not (
                _LEAD_RE.search(text[max(0, m.start() - 12):m.start()])
                or _inside(m.start(), m.end(), ner)):
            continue  # a weekday name needs "on", "last", ... or NER
        cands.append((m.start(), m.end(), None, None, None))
    accepted: list[tuple[int, int]] = []
    for m in _PIECE_RE.finditer(text):
        g = m.groupdict()
        year, month, day = _parts(g, "")
        bare = day is None and (year is None or month is None)
        if bare:
            listed = bool(accepted) and _LIST_RE.fullmatch(text[accepted[-1][1]:m.start()])
            modified = m.group()[:1].islower() or re.match(r"(?:Early|Mid|Late|The)\b", m.group())
            if not (modified or listed or _vouched(text, m.start(), m.end(), ner)):
                continue
            if month is None and _NAME_BEFORE_RE.search(text[max(0, m.start() - 30):m.start()]) \
                    and not _LEAD_RE.search(text[max(0, m.start() - 12):m.start()]):
                continue  # "Friendship 2018", "Vision 2030": a name, even if NER says DATE
        value = _iso(year, month, day)
        cands.append((m.start(), m.end(), value, None, None))
        accepted.append((m.start(), m.end()))
    found = _with_weekdays(text, _select(text, cands))
    from kg.extract.relative import day_of_article, relative_times, resolve_times

    resolved = resolve_times(doc, found, anchor)
    day = day_of_article(doc, resolved, anchor)  # an article dated by month: its day, if it says it
    if day != anchor:
        resolved = resolve_times(doc, found, day)
    found = resolved + relative_times(doc, text, day, found)
    return _with_same_year(text, _with_relative_year(text, sorted(found, key=lambda t: t.span.start)))


_SAME_YEAR_RE = starting("[IiTt]", r"(?<![\w-])(?:[Ii]n\s+)?(?:[Tt]he|[Tt]hat)\s+(?:very\s+)?same\s+year(?![\w-])")


def _with_same_year(text: str, times: list[TimeValue]) -> list[TimeValue]:
    """"imported grain in 2021, and the same year the ministries signed an agreement": "the
    same year" is the year of the time told last before it, in the same paragraph."""
    out = list(times)
    for m in _SAME_YEAR_RE.finditer(text):
        if any(t.span.start < m.end() and m.start() < t.span.end for t in times):
            continue
        before = [t for t in times if t.span.end <= m.start() and "\n" not in text[t.span.end:m.start()]]
        value = before[-1].value or before[-1].end if before else None
        if value:
            out.append(TimeValue(Span(m.start(), m.end(), m.group()), value[:4]))
    return sorted(out, key=lambda t: t.span.start)


_RELATIVE_YEAR_RE = re.compile(r"(?:this|last|next)\s+year", re.I)
_YEAR_JOIN_RE = re.compile(r",?\s*(?:of\s+)?")


def _with_relative_year(text: str, times: list[TimeValue]) -> list[TimeValue]:
    """"on January 20 this year", "in July last year", "in mid-March of this year": one time,
    the day or month in the year the relative words name (without a value when the article
    has no date)."""
    out: list[TimeValue] = []
    for t in times:
        prev = out[-1] if out else None
        if prev is not None and _RELATIVE_YEAR_RE.fullmatch(t.span.text.strip()) \
                and _YEAR_JOIN_RE.fullmatch(text[prev.span.end:t.span.start]) \
                and re.search(_MONTH, prev.span.text) and not re.search(r"\d{4}", prev.span.text):
            year = t.value if t.value and len(t.value) == 4 else None

            def moved(v):
                return None if v is None or year is None else _iso(year, int(v[5:7]), int(v[8:]) if len(v) == 10 else None)
            s, e = prev.span.start, t.span.end
            out[-1] = TimeValue(Span(s, e, text[s:e]), moved(prev.value), moved(prev.start), moved(prev.end))
            continue
        out.append(t)
    return out


_WEEK_OF_RE = starting(
    "[Ttfsl]",
    rf"(?<![\w-])(?:[Tt]he\s+)?(?:first|second|third|fourth|last|final)\s+week\s+of\s+{_MONTH}(?:,?\s+{_YEAR})?(?![\w-])")
_SHORT_YEAR_RE = starting(
    "[BbIiOoSsUu]", r"(?<![\w-])(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Oo]f)\s+(?P<y>[’'‘](?P<yy>\d\d))(?![\w’'%-])")


def _short_year(yy: str, anchor: str | None) -> str:
    """The year "’14" names: the latest year ending so on or before the article's (or, without
    its date, before 2031).

    >>> _short_year("14", "2016-10-10"), _short_year("98", "2016"), _short_year("05", None)
    ('2014', '1998', '2005')
    """
    last = int(anchor[:4]) if anchor else 2030
    year = last - (last - int(yy)) % 100
    return str(year)


def _select(text: str, cands: list[tuple[int, int, str | None, str | None, str | None]]
            ) -> list[TimeValue]:
    """Longest non-overlapping candidates, each widened over a leading time preposition."""
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    chosen: list[tuple[int, int, str | None, str | None, str | None]] = []
    for c in cands:
        if all(c[1] <= o[0] or c[0] >= o[1] for o in chosen):
            chosen.append(c)
    chosen.sort()
    out: list[TimeValue] = []
    prev_end = 0
    for s, e, value, start, end in chosen:
        lead = _PREP_RE.search(text[max(prev_end, s - 12):s])
        if lead:
            s -= len(lead.group())
        out.append(TimeValue(Span(s, e, text[s:e]), value, start, end))
        prev_end = e
    return out


_WEEKDAY_ONLY_RE = re.compile(r"^(?:[Oo]n\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$")
_WEEKDAY_FROM_RE = re.compile(r"^(?:[Ff]rom\s+)(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$")
_WEEKDAY_TO_RE = re.compile(r"\s+(?:to|until|till|through)\s+|\s*[-–]\s*")


def _with_weekdays(text: str, times: list[TimeValue]) -> list[TimeValue]:
    """"on Wednesday, November 16": one time, the date's (the weekday only names its day);
    "from Monday to Wednesday": one time, a range."""
    out: list[TimeValue] = []
    for t in times:
        prev = out[-1] if out else None
        if prev is not None and _WEEKDAY_ONLY_RE.match(prev.span.text) \
                and re.fullmatch(r",?\s*", text[prev.span.end:t.span.start]) \
                and re.search(r"\d", t.span.text) and t.start is None and (t.value is None or len(t.value) == 10):
            s, e = prev.span.start, t.span.end
            out[-1] = TimeValue(Span(s, e, text[s:e]), t.value)
            continue
        if prev is not None and _WEEKDAY_FROM_RE.match(prev.span.text) and _WEEKDAY_ONLY_RE.match(t.span.text) \
                and _WEEKDAY_TO_RE.fullmatch(text[prev.span.end:t.span.start]):
            s, e = prev.span.start, t.span.end  # "from Monday to Wednesday": one range
            out[-1] = TimeValue(Span(s, e, text[s:e]))
            continue
        out.append(t)
    return out


def latest_date(times: Iterable[TimeValue]) -> str | None:
    """The latest date the values pin down, by earliest instant; ties keep the finer one.

    >>> latest_date([TimeValue(Span(0, 4, "2018"), "2018"),
    ...              TimeValue(Span(5, 15, "2018-01-01"), "2018-01-01"),
    ...              TimeValue(Span(16, 25, "in August"))])
    '2018-01-01'
    """
    values = [v for t in times for v in (t.value, t.start, t.end) if v]
    if not values:
        return None
    return max(values, key=lambda v: (_earliest(v), v.count("-")))


def time_in(times: Iterable[TimeValue], start: int, end: int) -> list[TimeValue]:
    """The values whose span lies inside the character range ``[start, end)``.

    >>> t = TimeValue(Span(10, 17, "in 2005"), "2005")
    >>> [x.value for x in time_in([t], 0, 20)], time_in([t], 12, 20)
    (['2005'], [])
    """
    return [t for t in times if start <= t.span.start and t.span.end <= end]
