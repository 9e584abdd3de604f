"""Names joined by a particle (kg/extract/name_particles.py, mentions.py, new_names.py): one
person, not the two halves the NER makes of "X ul Y Z", and a place after a particle-like
word is left as the NER read it."""
from __future__ import annotations

import pytest

from kg.extract.name_particles import named_entities
from kg.extract.pipeline import extract, load_nlp
from kg.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def test_a_name_split_at_its_particle_is_one_person(registry):
    text = ("Caretaker Prime Minister Anwaar ul Haq Kakar met President Vladimir Putin in Beijing. "
            "Prime Minister Kakar said that trade with Russia would double.")
    ex = extract("t", text, registry)
    assert [c.speaker for c in ex.claims if c.speaker] == ["new:Anwaar ul Haq Kakar"]
    assert not any(m.entity in ("new:Anwaar", "new:Haq Kakar") for m in ex.mentions)


def test_a_person_entity_without_a_particle_after_it_is_unchanged():
    doc = load_nlp()("Vladimir Putin met Shehbaz Sharif in Astana.")
    assert [e.text for e in named_entities(doc)] == [e.text for e in doc.ents]


def test_first_names_the_ner_left_out_join_the_person():
    # the parse hangs "Sardar Awais" on the surname as compounds; the NER starts at "Ahmad"
    doc = load_nlp()("Minister of Power Sardar Awais Ahmad Khan Leghari visited Moscow last year.")
    people = [e.text for e in named_entities(doc) if e.label_ == "PERSON"]
    assert people == ["Sardar Awais Ahmad Khan Leghari"]


@pytest.mark.parametrize("text, person", [
    ("Minister of Power Sardar Awais Ahmad Khan Leghari visited Moscow.", "Sardar Awais Ahmad Khan Leghari"),
    ("Pakistan's Ambassador to Russia Muhammad Khalid Jamali met officials in Moscow.", "Muhammad Khalid Jamali"),
    ("Russian envoy Dr. Ivan Petrovich Sokolov arrived in Islamabad.", "Ivan Petrovich Sokolov"),
])
def test_the_extension_stops_at_titles_fields_addresses_and_other_entities(text, person):
    doc = load_nlp()(text)
    people = [e.text for e in named_entities(doc) if e.label_ == "PERSON"]
    assert person in people
    assert not any(p.split()[0] in {"Power", "Russia", "Dr.", "Minister", "Ambassador"} for p in people)
