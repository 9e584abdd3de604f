"""The speaker who takes part in their own state's offer or backing (kg.extract.speaker_side), on
short texts written for the tests: a pronoun that says it stands for the person it refers to."""
from __future__ import annotations

import pytest

from support import extract_unthresholded as extract  # rules, before the publishing threshold
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def event(registry, text, kind):
    [found] = [e for e in extract("t", text, registry).events if e.kind == kind]
    return found


def test_a_pronoun_that_says_its_own_state_offers_stands_for_the_speaker_who_takes_part(registry):
    text = ("Russian Foreign Minister Sergey Lavrov spoke to reporters in Moscow. He said the new port was "
            "important and Russia was ready to provide the necessary equipment for it.")
    offer = event(registry, text, "Offer")
    assert {"sergey-lavrov", "russia"} <= set(offer.participants)
    other = ("Foreign Minister Ishaq Dar spoke to reporters in Islamabad. He said Russia was ready to provide "
             "the necessary equipment for the port.")
    assert "ishaq-dar" not in event(registry, other, "Offer").participants


def test_their_country_in_a_report_is_the_state_the_speaker_speaks_for(registry):
    text = ("The Russian deputy foreign minister said on Monday that their country would provide full support "
            "to Pakistan in building the new rail line.")
    support = event(registry, text, "StatementOfSupport")
    assert {"russia", "pakistan"} <= set(support.participants)


def test_his_country_stands_for_the_state_of_the_person_not_for_the_person(registry):
    from kg.extract.context import Context
    from kg.extract.nlp import load_nlp
    from kg.extract.speaker_side import own_country
    from support import only_token
    text = "Sergey Lavrov arrived in Islamabad. His country wants more trade with Pakistan, he told reporters."
    ex = extract("t", text, registry)
    doc = load_nlp()(text)
    ctx = Context(doc, ex.sentences, ex.mentions, [], registry, None, ex.new_entities)
    assert own_country(ctx, only_token(doc, "His")) == "russia"
    assert own_country(ctx, only_token(doc, "Pakistan")) is None  # not a possessive pronoun
