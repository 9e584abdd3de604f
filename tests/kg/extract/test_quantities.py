"""Tests for kg.extract.quantities: money figures, currency, bounds, years, measures, parties."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest
from support import make_sentences, read_document

from kg.extract.dates import find_times
from kg.extract.model import Mention, Quantity, Span
from kg.extract.quantities import find_amounts

STATES = {"iran": "Iran", "turkey": "Turkey", "russia": "Russia", "pakistan": "Pakistan"}


def mentions_of(doc, sentences, names: dict[str, str]) -> list[Mention]:
    """Hand-made mentions: every whole-word occurrence of each name."""
    out = []
    for eid, name in names.items():
        for m in re.finditer(rf"\b{re.escape(name)}\b", doc.text):
            index = next(s.index for s in sentences if s.span.start <= m.start() < s.span.end)
            out.append(Mention(Span(m.start(), m.end(), name), eid, index, "registry"))
    return out


def amounts(nlp, text: str, names: dict[str, str] | None = None, is_state=None) -> list[Quantity]:
    doc = nlp(text)
    sentences = make_sentences(doc)
    mentions = mentions_of(doc, sentences, names or {})
    found = find_amounts(doc, sentences, mentions, find_times(doc),
                         is_state=is_state if is_state is not None else set(STATES))
    for q in found:
        assert doc.text[q.span.start:q.span.end] == q.span.text
        assert q.sentence.span.start <= q.span.start < q.sentence.span.end
    return found


@pytest.mark.parametrize("text, figure, value, currency", [
    ("The loan was US$1.2 billion.", "US$1.2 billion", "1200000000", "USD"),
    ("The loan was $5bn.", "$5bn", "5000000000", "USD"),
    ("The loan was $ 75 million.", "$ 75 million", "75000000", "USD"),
    ("The budget was Rs 20 billion.", "Rs 20 billion", "20000000000", "PKR"),
    ("The budget was Rs. 5 crore.", "Rs. 5 crore", "50000000", "PKR"),
    ("The fund held 2 billion dollars.", "2 billion dollars", "2000000000", "USD"),
    ("The fund held two billion dollars.", "two billion dollars", "2000000000", "USD"),
    ("The bid was €300 million.", "€300 million", "300000000", "EUR"),
    ("The bill reached 1.5 trillion roubles.", "1.5 trillion roubles", "1500000000000", "RUB"),
    ("The deal was worth USD 300m.", "USD 300m", "300000000", "USD"),
    ("The grant was 1,250,000 euros.", "1,250,000 euros", "1250000", "EUR"),
])
def test_currency_forms(nlp, text, figure, value, currency):
    (q,) = amounts(nlp, text)
    assert (q.span.text, q.value, q.currency) == (figure, Decimal(value), currency)
    assert not q.lower_bound


def test_figures_without_a_number_are_skipped(nlp):
    assert amounts(nlp, "Several billion dollars and millions of rupees were lost.") == []


@pytest.mark.parametrize("word", ["over", "more than", "above", "exceeding", "in excess of"])
def test_lower_bounds_are_marked_and_kept_in_the_span(nlp, word):
    (q,) = amounts(nlp, f"Exports reached {word} $40 million last year.")
    assert q.lower_bound and q.span.text == f"{word} $40 million"


def test_year_right_after_each_figure(nlp):
    found = amounts(nlp, "Imports fell from $ 310 million in 2014 to $ 95 million in 2016.")
    assert [(q.value, q.year, q.measure) for q in found] == [
        (Decimal(310000000), "2014", "TradeVolume"), (Decimal(95000000), "2016", "TradeVolume")]


def test_lone_year_in_the_clause(nlp):
    (q,) = amounts(nlp, "In 2019, Turkey pledged $4 billion of investment in the port.")
    assert (q.year, q.measure) == ("2019", "Investment")


def test_no_year_when_the_clause_has_two(nlp):
    (q,) = amounts(nlp, "Between talks in 2012 and 2015, Iran received €20 million in aid.")
    assert q.year is None and q.measure == "Aid"


def test_no_year_and_no_measure(nlp):
    (q,) = amounts(nlp, "The statue cost $2m.")
    assert (q.year, q.measure) == (None, None)


def test_measure_from_the_nearest_word(nlp):
    found = amounts(nlp, "Turkey granted $10 million in assistance, while trade with Iran hit $3bn.")
    assert [q.measure for q in found] == ["Aid", "TradeVolume"]


def test_parties_are_the_states_of_the_sentence(nlp):
    names = {"iran": "Iran", "turkey": "Turkey", "tehran-bank": "Tehran Bank"}
    text = "Turkey lent Iran $50 million through the Tehran Bank. Iran repaid it."
    (q,) = amounts(nlp, text, names, is_state={"iran", "turkey"})
    assert q.parties == ("turkey", "iran")
    (q,) = amounts(nlp, text, names, is_state=lambda eid: eid == "iran")
    assert q.parties == ("iran",)


def test_article_000_two_trade_figures(nlp):
    doc = nlp(read_document("000"))
    sentences = make_sentences(doc)
    mentions = mentions_of(doc, sentences, {"russia": "Russia", "pakistan": "Pakistan"})
    found = find_amounts(doc, sentences, mentions, find_times(doc), is_state={"russia", "pakistan"})
    assert [(q.span.text, q.value, q.currency, q.year, q.lower_bound, q.measure) for q in found] == [
        ("$ 92 million", Decimal(92000000), "USD", "2003", False, "TradeVolume"),
        ("over $ 700 million", Decimal(700000000), "USD", "2011", True, "TradeVolume")]
    assert found[0].parties == ("russia", "pakistan")
    assert found[0].sentence == found[1].sentence
    assert all(doc.text[q.span.start:q.span.end] == q.span.text for q in found)


@pytest.mark.parametrize("prefix", ["001", "004"])
def test_articles_without_figures(nlp, prefix):
    doc = nlp(read_document(prefix))
    assert find_amounts(doc, make_sentences(doc), [], find_times(doc), is_state=set()) == []
