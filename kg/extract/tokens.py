"""Find the few tokens a rule can fire on without walking every token in Python.

Most rules start from a cue word ("visit", "membership", "cooperation", a modal verb).
Making a ``Token`` object for every word of an article and reading its attributes costs
more than the rules themselves, so the candidates are picked from the Doc's attribute
arrays (``Doc.to_array``) instead: one comparison per distinct word, then a vectorised
look-up.  The rules still check each candidate in full, so a filter only has to keep
every token that could fire (it may keep more).

>>> from kg.extract.pipeline import load_nlp
>>> doc = load_nlp()("Russia offered Cooperation. It will visit Pakistan.")
>>> [doc[i].text for i in token_indices(doc, lemma={"cooperation", "visit"}, tag={"MD"})]
['Cooperation', 'will', 'visit']
"""
from __future__ import annotations

from typing import Collection

import numpy as np
from spacy.attrs import DEP, LEMMA, LOWER, POS, TAG

# attribute -> (spaCy attribute id, compare lower-cased); the lemma is compared
# lower-cased because the rules read ``token.lemma_.lower()``
_ATTRS = {"lemma": (LEMMA, True), "lower": (LOWER, False), "tag": (TAG, False),
          "pos": (POS, False), "dep": (DEP, False)}
_STRINGS: dict[tuple[int, bool], str] = {}  # (hash, lower-cased) -> string; hashes are stable


def _string(strings, key: int, lowered: bool) -> str:
    text = _STRINGS.get((key, lowered))
    if text is None:
        text = strings[key].lower() if lowered else strings[key]
        _STRINGS[(key, lowered)] = text
    return text


def token_indices(doc, **words: Collection[str]) -> list[int]:
    """Indices, in order, of the tokens with any of the given values.

    Keywords are ``lemma`` (lower-cased lemma), ``lower``, ``tag``, ``pos`` and ``dep``,
    each a collection of strings; a token is kept when one of its attributes is in the
    collection given for it.
    """
    if not len(doc) or not words:
        return []
    names = list(words)
    columns = doc.to_array([_ATTRS[name][0] for name in names])
    if columns.ndim == 1:
        columns = columns.reshape(-1, 1)
    strings = doc.vocab.strings
    keep = np.zeros(len(doc), dtype=bool)
    for k, name in enumerate(names):
        lowered, wanted = _ATTRS[name][1], words[name]
        column = columns[:, k]
        hits = [key for key in np.unique(column).tolist() if _string(strings, key, lowered) in wanted]
        if hits:
            keep |= np.isin(column, hits)
    return np.flatnonzero(keep).tolist()
