"""The cached lemmatizer gives spaCy's lemmas, and its cache never answers for another
part of speech or morphology."""
from __future__ import annotations

import copy

import pytest
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.tokens import Doc

from kg.extract.cached_lemmas import CachedLemmatizer, cache_lemmatizer
from kg.extract.nlp import load_nlp
from support import DOCUMENTS

# Words whose lemma depends on the part of speech or the form: "leaves" (verb: leave,
# noun: leaf), "saw", "meeting", "better", "does", plurals and past forms.
MINE = ("The leaves fell as the minister leaves Kabul.  I saw the saw.  The meeting ended; "
        "they are meeting again.  Better ties are better than worse ones, and trade does better.\n\n"
        "Two delegations visited; one visits today.")


def _spacys(nlp) -> EnglishLemmatizer:
    """spaCy's own English rule lemmatizer with the model's tables."""
    ours = nlp.get_pipe("lemmatizer")
    plain = EnglishLemmatizer(nlp.vocab, None, "plain", mode="rule")
    plain.lookups = ours.lookups
    return plain


@pytest.fixture(scope="module")
def nlp():
    """The pipeline as the extraction loads it."""
    return load_nlp()


@pytest.fixture(scope="module")
def parsed(nlp):
    """Articles parsed up to the lemmatizer (which each test then runs)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(DOCUMENTS.glob("*.txt"))] + [MINE]
    with nlp.select_pipes(disable=["lemmatizer", "ner"]):
        return list(nlp.pipe(texts))


def test_load_nlp_swaps_it_in_with_the_models_tables(nlp):
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, CachedLemmatizer)
    assert set(lemmatizer.lookups.tables) >= {"lemma_rules", "lemma_exc", "lemma_index"}
    cache_lemmatizer(nlp)  # a second call changes nothing
    assert nlp.get_pipe("lemmatizer") is lemmatizer


def test_lemmas_equal_spacys_cold_and_warm(nlp, parsed):
    ours = CachedLemmatizer(nlp.vocab, None, "ours", mode="rule")
    ours.lookups = nlp.get_pipe("lemmatizer").lookups
    plain = _spacys(nlp)
    for _ in range(2):  # the second round answers from the cache
        for doc in parsed:
            mine, theirs = ours(copy.deepcopy(doc)), plain(copy.deepcopy(doc))
            assert [t.lemma_ for t in mine] == [t.lemma_ for t in theirs]
    assert ours.answers
    lemmas = {(t.text, t.pos_): t.lemma_ for t in ours(copy.deepcopy(parsed[-1]))}
    assert lemmas[("leaves", "NOUN")] == "leaf" and lemmas[("leaves", "VERB")] == "leave"
    assert lemmas[("meeting", "NOUN")] == "meeting" and lemmas[("meeting", "VERB")] == "meet"


def test_the_cache_tells_apart_the_same_word_with_another_morphology(nlp):
    ours = CachedLemmatizer(nlp.vocab, None, "ours", mode="rule")
    ours.lookups = nlp.get_pipe("lemmatizer").lookups
    for order in (("Plur", "Sing"), ("Sing", "Plur")):
        doc = Doc(nlp.vocab, words=["visits", "visits"], pos=["NOUN", "NOUN"],
                  morphs=[f"Number={order[0]}", f"Number={order[1]}"])
        lemmas = [t.lemma_ for t in ours(doc)]
        # a plural noun loses its -s; one the tagger called singular is its own lemma
        assert lemmas == ["visit" if n == "Plur" else "visits" for n in order]
        expected = [t.lemma_ for t in _spacys(nlp)(Doc(nlp.vocab, words=["visits", "visits"], pos=["NOUN", "NOUN"],
                                                        morphs=[f"Number={n}" for n in order]))]
        assert lemmas == expected


def test_a_lemma_the_attribute_ruler_gave_is_kept(nlp):
    ours = CachedLemmatizer(nlp.vocab, None, "ours", mode="rule")
    ours.lookups = nlp.get_pipe("lemmatizer").lookups
    doc = Doc(nlp.vocab, words=["gon", "went"], pos=["VERB", "VERB"], lemmas=["go", ""],
              morphs=["VerbForm=Ger", "Tense=Past|VerbForm=Fin"])
    assert [t.lemma_ for t in ours(doc)] == ["go", "go"]
