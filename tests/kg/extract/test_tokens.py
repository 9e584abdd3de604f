"""token_indices picks exactly the tokens a walk over every token would pick."""
from __future__ import annotations

from kg.extract.tokens import token_indices
from support import DOCUMENTS

_READ = {"lemma": lambda t: t.lemma_.lower(), "lower": lambda t: t.lower_, "tag": lambda t: t.tag_,
         "pos": lambda t: t.pos_, "dep": lambda t: t.dep_, "idx": lambda t: t.idx}


def _walk(doc, **words):
    return [t.i for t in doc if any(_READ[name](t) in wanted for name, wanted in words.items())]


def test_token_indices_equal_a_walk_over_every_token(nlp):
    text = sorted(DOCUMENTS.glob("*.txt"))[0].read_text(encoding="utf-8")
    doc = nlp(text)
    lemmas = {t.lemma_.lower() for t in doc}
    many = set(sorted(lemmas)[::2]) | {"no-such-word"}  # more wanted words than distinct lemmas
    offsets = {t.idx for t in list(doc)[::7]}
    cases = [
        {"lemma": {"visit", "say", "cooperation"}},
        {"lemma": many},
        {"lemma": {"visit"}, "tag": {"MD"}},
        {"lower": ["russia", "pakistan"], "pos": frozenset({"PROPN"})},
        {"dep": {"nsubj"}, "idx": offsets},
        {"lemma": set()},
    ]
    for words in cases * 2:  # the second round reads the columns kept in doc.user_data
        found = token_indices(doc, **words)
        assert found == _walk(doc, **words), words
    assert token_indices(doc, lemma={"visit", "say", "cooperation"})  # the article has them
