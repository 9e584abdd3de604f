"""spaCy's English rule lemmatizer with every answer remembered: the same lemmas, less time.

The English model's ``lemmatizer`` works out each token's lemma in Python (its rules,
exceptions and index tables, after a check of the part of speech and morphology), on
every token of every article.  Its answer depends on nothing but the token's text, its
coarse part of speech and its morphology: spaCy's own cache uses that key, but only for
the words that reach its last rule, so a noun in the singular or a verb in its base form
("meeting", "visit") is worked out again every time it appears.
:class:`CachedLemmatizer` remembers every answer under that key, and reads the tokens
from the Doc's attribute arrays; a token without a part of speech (spaCy warns about it)
is always left to spaCy.  ``load_nlp`` swaps it in (:func:`cache_lemmatizer`);
``tests/kg/extract/test_cached_lemmas.py`` checks its lemmas equal spaCy's.
"""
from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language

FACTORY = "kg_cached_lemmatizer"


class CachedLemmatizer(EnglishLemmatizer):
    """An ``EnglishLemmatizer`` that remembers each (text, part of speech, morphology) ->
    lemma it works out; the lemmas themselves are spaCy's (:meth:`lemmatize`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.answers: dict[tuple[int, int, int], str] = {}  # (orth, pos, morph) -> lemma

    def __call__(self, doc):
        if not self._validated:
            self._validate_tables()
        answers = self.answers
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not self.overwrite:
                continue  # the attribute ruler gave it one
            key = (orth, pos, morph)
            found = answers.get(key)
            if found is None:
                found = self.lemmatize(doc[i])[0]
                if pos:  # no part of speech: spaCy warns each time, so ask it each time
                    answers[key] = found
            doc[i].lemma_ = found  # a string: the Doc's own vocabulary takes it in
        return doc


@Language.factory(FACTORY, default_config={"mode": "rule", "overwrite": False})
def _make(nlp, name: str, mode: str, overwrite: bool):
    return CachedLemmatizer(nlp.vocab, None, name, mode=mode, overwrite=overwrite)


def cache_lemmatizer(nlp, name: str = "lemmatizer") -> None:
    """Replace ``nlp``'s English rule lemmatizer by a :class:`CachedLemmatizer` with the
    same tables and settings (nothing else changes)."""
    if name not in nlp.pipe_names:
        return
    old = nlp.get_pipe(name)
    if isinstance(old, CachedLemmatizer) or type(old) is not EnglishLemmatizer or old.mode != "rule":
        return
    new = nlp.replace_pipe(name, FACTORY, config={"mode": old.mode, "overwrite": old.overwrite})
    new.lookups = old.lookups
