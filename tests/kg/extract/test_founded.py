"""A body a pact founds or is about (kg.extract.founded) is no party to the pact; the states
or firms that sign it are.  Short texts written for the tests."""
from __future__ import annotations

import pytest

from support import extract_unthresholded as extract  # rules, before the publishing threshold
from kg.extract.founded import founded_by_pact
from kg.extract.pipeline import load_nlp
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def agreements(registry, text):
    return [set(e.participants) for e in extract("t", text, registry).events if e.kind == "Agreement"]


def test_the_company_whose_papers_a_pact_makes_is_no_party(registry):
    found = agreements(registry, "Pakistan and Russia agreed to sign the Transit Agreement for the Indus gas line "
                                 "by March 1, 2026 and statutory documents of the Indus Pipeline Company by "
                                 "April 2, 2026.")
    assert found and all("new:Indus Pipeline Company" not in f for f in found)
    assert all({"pakistan", "russia"} <= f for f in found)


def test_a_firm_named_with_with_stays_a_party(registry):
    found = agreements(registry, "Gazprom signed an agreement with Oil and Gas Development Company Limited in "
                                 "Moscow on Monday.")
    assert found and "gazprom" in found[0] and "ogdcl" in found[0]


def test_founding_words_and_parties():
    nlp = load_nlp()
    doc = nlp("The two firms signed a deal on the establishment of Volga Trading Company.")
    deal = next(t for t in doc if t.text == "deal")
    assert founded_by_pact(next(t for t in doc if t.text == "Company"), deal)
    assert not founded_by_pact(next(t for t in doc if t.text == "firms"), deal)
    doc = nlp("Pakistan signed an agreement of Karot Power and Volga Trading in Moscow.")
    agreement = next(t for t in doc if t.text == "agreement")
    assert not founded_by_pact(next(t for t in doc if t.text == "Trading"), agreement)
