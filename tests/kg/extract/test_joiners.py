"""One membership change per joining state (kg.extract.joiners; short texts written for the tests)."""
from __future__ import annotations

import pytest

from support import extract_unthresholded as extract  # rules, before the publishing threshold
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def kinds(registry, text):
    return [(e.kind, e.trigger.text, tuple(sorted(e.participants))) for e in extract("t", text, registry).events]


def test_states_joining_a_body_together_make_one_membership_change_each(registry):
    assert sorted(kinds(registry, "India and Pakistan joined the SCO in 2017.")) == [
        ("MembershipChange", "joined", ("india", "sco")), ("MembershipChange", "joined", ("pakistan", "sco"))]
    assert sorted(kinds(registry, "Pakistan and India were admitted as full members of the SCO in 2017.")) == [
        ("MembershipChange", "admitted", ("india", "sco")), ("MembershipChange", "admitted", ("pakistan", "sco"))]
    assert kinds(registry, "Pakistan joined the SCO in 2017.") == [("MembershipChange", "joined", ("pakistan", "sco"))]


def test_leaders_joining_a_summit_make_no_membership_change(registry):
    found = kinds(registry, "Prime Minister Nawaz Sharif and President Xi Jinping joined the SCO summit.")
    assert not [k for k in found if k[0] == "MembershipChange"]
