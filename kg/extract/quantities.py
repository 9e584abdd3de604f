"""Sums of money in an article: value in units, ISO 4217 currency, year and measure.

A figure needs digits or a number word ("2 billion dollars", "two billion dollars");
"several billion dollars" is skipped.  "over", "more than", "above", "exceeding",
"in excess of", "upwards of" and "at least" before a figure make it a lower bound and
belong to its span.  The reference year is the time right after the figure ("$92
million in 2003"), else the only year in the figure's clause, else none.

>>> from kg.extract.pipeline import load_nlp, sentences_of
>>> doc = load_nlp()("Trade between Russia and Iran rose to over US$1.2 billion in 2019.")
>>> [(q.span.text, q.value, q.currency, q.year, q.lower_bound, q.measure)
...  for q in find_amounts(doc, sentences_of(doc), [], [], is_state=set())]
[('over US$1.2 billion', Decimal('1200000000'), 'USD', '2019', True, 'TradeVolume')]
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Callable, Collection, Iterable

from spacy.tokens import Doc, Token

from kg.extract.lookahead import starting
from kg.extract.model import Mention, Quantity, Sentence, Span, TimeValue
from kg.extract.tokens import doc_text

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}
_SCALES = {
    "thousand": 10**3, "k": 10**3, "lakh": 10**5, "lakhs": 10**5, "lac": 10**5, "lacs": 10**5,
    "million": 10**6, "millions": 10**6, "mn": 10**6, "mln": 10**6, "m": 10**6,
    "crore": 10**7, "crores": 10**7, "billion": 10**9, "billions": 10**9, "bn": 10**9,
    "b": 10**9, "trillion": 10**12, "tn": 10**12, "trn": 10**12,
}
_SCALE = r"thousand|lakhs?|lacs?|millions?|mln|mn|crores?|billions?|bn|trillion|trn|tn|k|m|b"
# Currency written before the figure; the order matters (longest first).
_PREFIX = [
    (r"US\s?\$|USD|US\s+dollars?", "USD"), (r"C\$|CAD", "CAD"), (r"A\$|AUD", "AUD"),
    (r"HK\$|HKD", "HKD"), (r"\$", "USD"), (r"€|EUR", "EUR"), (r"£|GBP", "GBP"),
    (r"Rs\.?|PKR|Pak\s?Rs\.?", "PKR"), (r"INR|₹", "INR"), (r"RUB|RUR|₽", "RUB"),
    (r"CNY|RMB", "CNY"),
]
# Currency written after the figure.
_SUFFIX = [
    (r"(?:US\s+|American\s+)?dollars?|USD", "USD"), (r"euros?|EUR", "EUR"),
    (r"Indian\s+rupees?|INR", "INR"), (r"(?:Pakistani\s+)?rupees?|PKR", "PKR"),
    (r"(?:Russian\s+)?(?:roubles?|rubles?)|RUB", "RUB"), (r"yuan|renminbi|CNY|RMB", "CNY"),
    (r"pounds?\s+sterling|GBP", "GBP"),
]
_PRE_RE = starting(  # the first characters of the currencies of _PREFIX
    "[$€£₹₽ACEGHIPRU]",
    r"(?<![\w$])(?P<cur>" + "|".join(f"(?:{p})" for p, _ in _PREFIX) + r")\s?"
    rf"(?P<num>{_NUMBER})(?:\s?(?P<scale>{_SCALE})\b)?(?![\d,.]\d)")
_POST_RE = starting(  # a digit or the first letter of a number of _WORDS (any case)
    "[0-9efnost]",
    rf"(?<![\w$.,-])(?P<num>{_NUMBER}|" + "|".join(_WORDS) + rf")(?:[\s-]?(?P<scale>{_SCALE}))?"
    r"\s+(?P<cur>" + "|".join(f"(?:{p})" for p, _ in _SUFFIX) + r")\b", re.IGNORECASE)
_BOUND_RE = re.compile(r"(?:\b(?:over|more than|above|exceeding|in excess of|upwards of|"
                       r"at least)\s+)$", re.IGNORECASE)
_YEAR_AFTER_RE = re.compile(r"\s+(?:in|during|for)\s+(?:the\s+)?(?:(?:fiscal|financial|"
                            r"calendar)\s+)?(?:year\s+)?(?P<y>1[5-9]\d\d|20\d\d)\b")
_MEASURES = {
    "trade": "TradeVolume", "export": "TradeVolume", "exports": "TradeVolume",
    "import": "TradeVolume", "imports": "TradeVolume",
    "aid": "Aid", "assistance": "Aid", "grant": "Aid", "donation": "Aid",
    "invest": "Investment", "investment": "Investment", "investor": "Investment",
}
# Pledged or financed money with no word of trade, aid or investment counts as investment.
_WEAK = {"pledge", "promise", "commit", "earmark", "allocate", "finance", "financing", "fund",
         "funding"}
# "acl" is left out: "a figure announced in 2023" still speaks of the figure.
_CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "parataxis", "csubj", "conj"}


def _currency(text: str, table: list[tuple[str, str]]) -> str:
    for pattern, code in table:
        if re.fullmatch(pattern, text, re.IGNORECASE):
            return code
    raise AssertionError(text)  # the regex only matches what the table lists


def _value(num: str, scale: str | None) -> Decimal:
    base = Decimal(_WORDS[num.lower()]) if num.lower() in _WORDS else Decimal(num.replace(",", ""))
    value = base * _SCALES[scale.lower()] if scale else base
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _clause_head(tok: Token) -> Token:
    """The verb heading the clause a token sits in (xcomp stays in its governor's clause)."""
    while tok.dep_ not in _CLAUSE_DEPS or (tok.dep_ == "conj" and tok.pos_ not in ("VERB", "AUX")):
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


def _root(doc: Doc, start: int, end: int) -> Token:
    return doc.char_span(start, end, alignment_mode="expand").root


def _find(text: str) -> list[tuple[int, int, Decimal, str, bool]]:
    """(start, end, value, currency, lower bound) of every figure, longest first wins."""
    found = []
    for regex, table in ((_PRE_RE, _PREFIX), (_POST_RE, _SUFFIX)):
        for m in regex.finditer(text):
            scale = m["scale"]
            start = m.start()
            bound = _BOUND_RE.search(text[max(0, start - 20):start])
            if bound:
                start -= len(bound.group())
            found.append((start, m.end(), _value(m["num"], scale),
                          _currency(m["cur"], table), bool(bound)))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    chosen: list[tuple[int, int, Decimal, str, bool]] = []
    for f in found:
        if all(f[1] <= c[0] or f[0] >= c[1] for c in chosen):
            chosen.append(f)
    return sorted(chosen)


def _measure(doc: Doc, sent: Sentence, anchor: Token) -> str | None:
    """The measure named by the sentence word nearest to the figure."""
    best: tuple[int, int, str] | None = None
    for tok in doc.char_span(sent.span.start, sent.span.end, alignment_mode="expand"):
        kind = _MEASURES.get(tok.lemma_.lower()) or _MEASURES.get(tok.lower_)
        weak = kind is None and (tok.lemma_.lower() in _WEAK or tok.lower_ in _WEAK)
        if kind or weak:
            key = (int(weak), abs(tok.i - anchor.i), kind or "Investment")
            best = key if best is None or key < best else best
    return best[2] if best else None


def find_amounts(doc: Doc, sentences: list[Sentence], mentions: Iterable[Mention],
                 times: list[TimeValue], *,
                 is_state: Callable[[str], bool] | Collection[str]) -> list[Quantity]:
    """Every sum of money in ``doc`` with the states its sentence names.

    ``is_state`` tells which entity ids are states: a predicate or a set of ids.

    >>> from kg.extract.pipeline import load_nlp, sentences_of
    >>> doc = load_nlp()("Moscow pledged Rs 20 billion in aid. Exports hit $5bn and 2 billion euros.")
    >>> [(q.span.text, str(q.value), q.currency, q.measure)
    ...  for q in find_amounts(doc, sentences_of(doc), [], [], is_state=set())]
    [('Rs 20 billion', '20000000000', 'PKR', 'Aid'), ('$5bn', '5000000000', 'USD', 'TradeVolume'), ('2 billion euros', '2000000000', 'EUR', 'TradeVolume')]
    """
    state = is_state if callable(is_state) else (lambda eid: eid in is_state)
    text = doc_text(doc)
    mentions = sorted(mentions, key=lambda m: m.span.start)
    figures = _find(text)
    owned: set[TimeValue] = set()
    right_after: dict[int, str] = {}
    for start, end, *_ in figures:
        for t in times:
            if t.value and 0 <= t.span.start - end <= 2 and not text[end:t.span.start].strip():
                right_after[start] = t.value[:4]
                owned.add(t)
                break
        else:
            m = _YEAR_AFTER_RE.match(text, end)
            if m:
                right_after[start] = m["y"]
    out: list[Quantity] = []
    for start, end, value, currency, bound in figures:
        sent = next((s for s in sentences if s.span.start <= start < s.span.end), None)
        if sent is None:
            continue
        anchor = _root(doc, start, end)
        year = right_after.get(start)
        if year is None:
            clause = _clause_head(anchor)
            years = {t.value[:4] for t in times
                     if t.value and t not in owned
                     and sent.span.start <= t.span.start and t.span.end <= sent.span.end
                     and _clause_head(_root(doc, t.span.start, t.span.end)) == clause}
            year = years.pop() if len(years) == 1 else None
        parties: list[str] = []
        for m in mentions:
            if (sent.span.start <= m.span.start < sent.span.end and state(m.entity)
                    and m.entity not in parties):
                parties.append(m.entity)
        out.append(Quantity(Span(start, end, text[start:end]), value, currency, sent, year,
                            bound, _measure(doc, sent, anchor), tuple(parties)))
    return out
