"""A counted group of states ("the three countries") stands for the states named just before it."""
from __future__ import annotations

import pytest

from support import extract_unthresholded as extract  # rules, before the publishing threshold
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def meetings(registry, text):
    return [e for e in extract("t", text, registry).events if e.kind == "Meeting"]


def test_the_three_countries_are_the_three_the_sentence_before_names(registry):
    text = ("Officials of Iran, China and Russia discussed trade in Tehran on Monday. "
            "The three countries agreed to hold the next round of talks in Beijing in March 2026.")
    later = [e for e in meetings(registry, text) if e.sentence.index == 1]
    assert later, meetings(registry, text)
    assert {"iran", "china", "russia"} <= set(later[0].participants), later[0].participants


def test_a_count_the_text_does_not_match_names_nobody(registry):
    text = ("Officials of Iran and Russia discussed trade in Tehran on Monday. "
            "The four countries agreed to hold the next round of talks in Beijing in March 2026.")
    for e in meetings(registry, text):
        if e.sentence.index == 1:
            assert not {"iran", "russia"} & set(e.participants), e.participants
