"""Where an event's parties end (kg.extract.boundaries), on parses built by hand for the tests: the
name right before a verb of saying that has no subject tells the sentence."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.extract.boundaries import coordinated_event, office_body, reports_it, trailing_speaker


def parsed(words, heads, deps, pos, lemmas):
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_a_name_before_a_verb_of_saying_left_without_subject_is_the_source():
    # "... the visit, Ambassador Khan told TASS.": the parse hangs "Khan" on "visit"
    words = ["Talks", "followed", "the", "visit", ",", "Ambassador", "Khan", "told", "TASS", "."]
    heads = [1, 1, 3, 1, 3, 6, 3, 1, 7, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "punct", "compound", "appos", "ccomp", "dobj", "punct"]
    pos = ["NOUN", "VERB", "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT"]
    lemmas = ["talk", "follow", "the", "visit", ",", "Ambassador", "Khan", "tell", "TASS", "."]
    doc = parsed(words, heads, deps, pos, lemmas)
    assert trailing_speaker(doc[6])
    assert not trailing_speaker(doc[3])  # "visit" is followed by a comma


def test_the_subject_of_the_verb_of_saying_is_told_by_the_parse_not_by_this_rule():
    words = ["Khan", "told", "TASS", "about", "the", "visit", "."]
    heads = [1, 1, 1, 1, 5, 3, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "punct"]
    pos = ["PROPN", "VERB", "PROPN", "ADP", "DET", "NOUN", "PUNCT"]
    lemmas = ["Khan", "tell", "TASS", "about", "the", "visit", "."]
    assert not trailing_speaker(parsed(words, heads, deps, pos, lemmas)[0])


def test_the_body_named_in_a_holders_title_is_an_office_not_a_party():
    # "Speaker of the Assembly Ali visited Moscow": the parse hangs "Assembly" on the name
    words = ["Speaker", "of", "the", "Assembly", "Ali", "visited", "Moscow", "."]
    heads = [5, 0, 4, 4, 1, 5, 5, 5]
    deps = ["nsubj", "prep", "det", "compound", "pobj", "ROOT", "dobj", "punct"]
    pos = ["PROPN", "ADP", "DET", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT"]
    lemmas = ["speaker", "of", "the", "assembly", "Ali", "visit", "Moscow", "."]
    assert office_body(parsed(words, heads, deps, pos, lemmas)[3])
    # "A delegation of the Assembly visited Moscow": the body sends its own delegation
    words = ["A", "delegation", "of", "the", "Assembly", "visited", "Moscow", "."]
    heads = [1, 5, 1, 4, 2, 5, 5, 5]
    deps = ["det", "nsubj", "prep", "det", "pobj", "ROOT", "dobj", "punct"]
    pos = ["DET", "NOUN", "ADP", "DET", "PROPN", "VERB", "PROPN", "PUNCT"]
    lemmas = ["a", "delegation", "of", "the", "assembly", "visit", "Moscow", "."]
    assert not office_body(parsed(words, heads, deps, pos, lemmas)[4])


def test_the_subject_of_a_cue_after_the_report_is_its_source():
    # "The forum, he added.": the parse hangs the forum on the cue by its comma
    words = ["The", "forum", "opened", ",", "he", "added", "."]
    heads = [1, 2, 5, 5, 5, 5, 5]
    deps = ["det", "nsubj", "ccomp", "punct", "nsubj", "ROOT", "punct"]
    pos = ["DET", "NOUN", "VERB", "PUNCT", "PRON", "VERB", "PUNCT"]
    lemmas = ["the", "forum", "open", ",", "he", "add", "."]
    doc = parsed(words, heads, deps, pos, lemmas)
    assert reports_it(doc[4], doc[1])
    # "At the talks, he said ...": the talks are where he spoke, and he took part
    words = ["At", "the", "talks", ",", "he", "said", "it", "."]
    heads = [5, 2, 0, 5, 5, 5, 5, 5]
    deps = ["prep", "det", "pobj", "punct", "nsubj", "ROOT", "dobj", "punct"]
    pos = ["ADP", "DET", "NOUN", "PUNCT", "PRON", "VERB", "PRON", "PUNCT"]
    lemmas = ["at", "the", "talk", ",", "he", "say", "it", "."]
    doc = parsed(words, heads, deps, pos, lemmas)
    assert not reports_it(doc[4], doc[2])


def test_a_name_under_an_event_noun_coordinated_into_the_phrase_belongs_to_that_event():
    # "the deal between Iran and Iraq and the talks between the ministers of Oman and Iraq": the
    # parse hangs "talks" on "Iraq", inside the deal's phrase; Oman is of the talks
    words = ["the", "deal", "between", "Iran", "and", "Iraq", "and", "the", "talks", "of", "Oman"]
    heads = [1, 1, 1, 2, 3, 3, 5, 8, 5, 8, 9]
    deps = ["det", "ROOT", "prep", "pobj", "cc", "conj", "cc", "det", "conj", "prep", "pobj"]
    pos = ["DET", "NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "CCONJ", "DET", "NOUN", "ADP", "PROPN"]
    lemmas = ["the", "deal", "between", "Iran", "and", "Iraq", "and", "the", "talk", "of", "Oman"]
    doc = parsed(words, heads, deps, pos, lemmas)
    assert coordinated_event(doc[10], doc[1])
    assert not coordinated_event(doc[5], doc[1])  # "Iraq" is the deal's
    assert not coordinated_event(doc[3], doc[1])


def test_a_second_noun_coordinated_with_the_trigger_itself_keeps_its_names():
    # "talks and meetings with Oman": the parse puts Oman under "meetings", the trigger's own conjunct
    words = ["talks", "and", "meetings", "with", "Oman"]
    heads = [0, 0, 0, 2, 3]
    deps = ["ROOT", "cc", "conj", "prep", "pobj"]
    pos = ["NOUN", "CCONJ", "NOUN", "ADP", "PROPN"]
    lemmas = ["talk", "and", "meeting", "with", "Oman"]
    doc = parsed(words, heads, deps, pos, lemmas)
    assert not coordinated_event(doc[4], doc[0])
