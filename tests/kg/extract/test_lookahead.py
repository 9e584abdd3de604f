"""kg.extract.lookahead: a pattern behind its first-character look-ahead finds what the
pattern alone finds; the amounts and quotation patterns built with it do."""
from __future__ import annotations

import re

import pytest

from kg.extract import claims, quantities
from kg.extract.lookahead import plain, starting
from support import DOCUMENTS

# Amounts and quotations of my own, with every currency and number word at a match's start.
_AMOUNTS = (
    "US$ 2 billion, US$3bn, USD 40 million, US dollars 5, C$ 7, CAD 8, A$9, AUD 10, HK$ 11, HKD 12, $1.5 bn, "
    "€ 3 million, EUR 4, £5, GBP 6m, Rs. 100 crore, Rs 20 lakh, PKR 30, Pak Rs 40, PakRs. 50, INR 60, ₹70, "
    "RUB 80, RUR 90, ₽ 100, CNY 110, RMB 120, x$5, 5$5.  One billion dollars, two million euros, three "
    "thousand rupees, four lakh Pakistani rupees, five billion roubles, six Russian rubles, seven yuan, eight "
    "renminbi, nine pounds sterling, ten USD, eleven EUR, twelve INR, fifteen PKR, twenty RUB, thirty CNY, "
    "forty GBP, fifty dollars, 1,200 dollars, 3.5-billion dollars, 45 million American dollars, 7 US dollars. "
    "ONE BILLION DOLLARS, Fifty Euros, Twenty-two dollars, 10,5 dollars, .5 dollars, 2.5bn USD.")
_QUOTES = ('He said “we will go” and “more', 'She said "yes" and "no', "The ‘long road to a new start’ "
           "and ‘short’ and it’s ‘the end of the road for them’s’ word", '“”""‘’ “a” "b" ‘c d e f’')


def _texts(*own: str) -> list[str]:
    texts = [t for s in own for t in (s, s.lower(), s.upper())]
    return texts + [p.read_text(encoding="utf-8") for p in sorted(DOCUMENTS.glob("*.txt"))]


def test_starting_adds_only_a_look_ahead_and_plain_undoes_it():
    fast = starting("[0-9]", r"(?<!\w)\d+ (?:km|miles)", re.I)
    assert fast.findall("3 KM, x4 km, 12 miles") == ["3 KM", "12 miles"]
    assert plain(fast).pattern == r"(?<!\w)\d+ (?:km|miles)" and plain(fast).flags == fast.flags
    with pytest.raises(ValueError):
        plain(re.compile(r"\d+"))


@pytest.mark.parametrize("fast, own", [(quantities._PRE_RE, _AMOUNTS), (quantities._POST_RE, _AMOUNTS),
                                       (claims._QUOTE_RE, "  ".join(_QUOTES))])
def test_the_look_ahead_keeps_every_match(fast, own):
    alone = plain(fast)
    found = 0
    for text in _texts(own):
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == \
            [(m.span(), m.groupdict()) for m in alone.finditer(text)]
        found += sum(1 for _ in alone.finditer(text))
    assert found > 10
