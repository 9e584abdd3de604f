"""Trigger words of events and the conditions on their neighbours that make them one.

A trigger is a noun or verb lemma of kg.extract.trigger_lexicon ("visit", "exercise",
"invasion", "recognise", ...), sometimes with a condition on its neighbours ("observer
status" only when it is gained or given, "relations" only when established or begun):
kg.extract.verb_triggers and kg.extract.noun_triggers hold those conditions,
kg.extract.trigger_clauses the frames (irrealis, negated, reported) that the event finder
applies. Anaphoric triggers ("this offer") are not events. This module is the entry point
and re-exports the lexicon's tables, which the other extraction modules use.
"""
from __future__ import annotations

from kg.extract.noun_triggers import noun_trigger_kind
from kg.extract.trigger_clauses import irrealis, reported
from kg.extract.trigger_lexicon import (
    NOUN_TRIGGERS, VERB_TRIGGERS, EXERCISE_MODIFIERS, PEOPLE_NOUNS, ASPIRE_VERBS, GAIN_VERBS, JOIN_VERBS,
    SUPPORT_VERBS, ESTABLISH_VERBS, BEGIN_VERBS, PLACE_OCCASION_VERBS, SIGNED_THINGS, GROUP_NOUNS, IRREALIS,
    SCHEDULED, POSTPONE, DEMONSTRATIVES, PLACE_PREPS, TEMPORAL_PREPS, SPEECH_VERBS, TWO_SIDED, HELD_NOUNS,
    HOLD_VERBS, ENGAGE_VERBS, READY_WORDS, OFFERED_ACTS, TRIGGER_WORDS, lexicon_kind,
)
from kg.extract.verb_triggers import present_in_place, ready_to_give, verb_trigger_kind, welcomes_a_visitor

__all__ = [
    "NOUN_TRIGGERS", "VERB_TRIGGERS", "EXERCISE_MODIFIERS", "PEOPLE_NOUNS", "ASPIRE_VERBS", "GAIN_VERBS",
    "JOIN_VERBS", "SUPPORT_VERBS", "ESTABLISH_VERBS", "BEGIN_VERBS", "PLACE_OCCASION_VERBS", "SIGNED_THINGS",
    "GROUP_NOUNS", "IRREALIS", "SCHEDULED", "POSTPONE", "DEMONSTRATIVES", "PLACE_PREPS", "TEMPORAL_PREPS",
    "SPEECH_VERBS", "TWO_SIDED", "HELD_NOUNS", "HOLD_VERBS", "ENGAGE_VERBS", "READY_WORDS", "OFFERED_ACTS",
    "TRIGGER_WORDS", "irrealis", "lexicon_kind", "reported", "trigger_kind", "welcomes_a_visitor",
]


def trigger_kind(token) -> str | None:
    """The event kind a token triggers, or None."""
    if token.pos_ in {"AUX", "VERB"} and token.lemma_.lower() == "be":
        return present_in_place(token)  # "the delegation was in Moscow", "are in Astana to attend the summit"
    if token.pos_ == "VERB":
        return verb_trigger_kind(token)
    if token.pos_ == "ADJ" and token.lemma_.lower() in READY_WORDS:
        return ready_to_give(token)
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    return noun_trigger_kind(token)
