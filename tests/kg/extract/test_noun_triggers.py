"""Noun triggers (kg/extract/noun_triggers.py): when an agreement noun names an agreement made."""
from __future__ import annotations


def test_entering_into_a_deal_makes_it_but_seeking_to_does_not():
    from kg.extract.pipeline import extract
    from kg.registry import load_registry
    registry = load_registry()
    made = extract("t", "Pakistan entered into a barter deal with Russia in 2023.", registry).events
    assert [(e.kind, set(e.participants)) for e in made] == [("Agreement", {"pakistan", "russia"})]
    sought = extract("t", "Pakistan and Russia are seeking to enter into a barter deal.", registry).events
    assert not [e for e in sought if e.kind == "Agreement"]
