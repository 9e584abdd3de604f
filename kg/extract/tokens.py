"""Find the few tokens a rule can fire on without walking every token in Python,
and read a Doc's text once.

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
from spacy.attrs import DEP, IDX, LEMMA, LOWER, POS, TAG

# attribute -> (spaCy attribute id, how its values compare): the lemma lower-cased, as
# the rules read ``token.lemma_.lower()``; ``idx`` (character offset) as a number
_ATTRS = {"lemma": (LEMMA, "lower"), "lower": (LOWER, "string"), "tag": (TAG, "string"),
          "pos": (POS, "string"), "dep": (DEP, "string"), "idx": (IDX, "number")}
_STRINGS: dict[tuple[int, bool], str] = {}  # (hash, lower-cased) -> string; hashes are stable
_TEXT = "kg.text"
_COLUMNS = "kg.columns"  # doc.user_data key: attribute name -> _column()


def doc_text(doc) -> str:
    """``doc.text``, joined once per Doc (spaCy rebuilds it from every token on each access)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def _value(strings, key: int, how: str) -> str | int:
    if how == "number":
        return key
    text = _STRINGS.get((key, how == "lower"))
    if text is None:
        text = strings[key].lower() if how == "lower" else strings[key]
        _STRINGS[(key, how == "lower")] = text
    return text


def _column(doc, name: str) -> tuple[np.ndarray, dict, int]:
    """One attribute of every token, read once per Doc: the index of each token's value
    among the distinct values, each distinct value (compared form) -> those indices, and
    the number of distinct values."""
    columns = doc.user_data.get(_COLUMNS)
    if columns is None:
        columns = doc.user_data[_COLUMNS] = {}
    if name not in columns:
        attr, how = _ATTRS[name]
        keys, inverse = np.unique(doc.to_array([attr]), return_inverse=True)
        strings = doc.vocab.strings
        where: dict = {}
        for k, key in enumerate(keys.tolist()):
            where.setdefault(_value(strings, key, how), []).append(k)
        columns[name] = (inverse.reshape(-1), where, len(keys))
    return columns[name]


def token_indices(doc, **words: Collection[str]) -> list[int]:
    """Indices, in order, of the tokens with any of the given values.

    Keywords are ``lemma`` (lower-cased lemma), ``lower``, ``tag``, ``pos`` and ``dep``,
    each a collection of strings, and ``idx`` (character offsets, numbers); a token is
    kept when one of its attributes is in the collection given for it.  The Doc's
    columns are read once (kept in ``doc.user_data``); each call then costs a set
    intersection of the wanted words with the distinct values.
    """
    if not len(doc) or not words:
        return []
    keep = np.zeros(len(doc), dtype=bool)
    for name, wanted in words.items():
        inverse, where, size = _column(doc, name)
        hits = [k for value in where.keys() & wanted for k in where[value]]  # a set intersection, in C
        if hits:
            distinct = np.zeros(size, dtype=bool)
            distinct[hits] = True
            keep |= distinct[inverse]
    return np.flatnonzero(keep).tolist()
