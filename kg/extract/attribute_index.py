"""spaCy's attribute ruler with its patterns looked up in an index instead of run
through the token Matcher: the same matches, the same annotations, a fraction of the time.

The English model's ``attribute_ruler`` maps each fine tag (and a few words with their
tag or dependency) to a coarse part of speech, morphology and lemma: 179 rules.  spaCy
runs them through its ``Matcher``, which tries every pattern at every token, and set
predicates (``IN``, ``NOT_IN``, ``REGEX``) call back into Python each time: that cost as
much as a fifth of the extraction.  :class:`IndexedAttributeRuler` is an ``AttributeRuler``
(same patterns, same order, same annotations) whose :meth:`match` finds the same matches
another way:

* a one-token pattern that only asks for ``TAG`` and ``LOWER`` values (the tag map and
  most exceptions) is looked up by the token's (tag, lower) pair in a dict;
* any other pattern of plain token predicates (``TAG``, ``LOWER``, ``DEP``, ``IS_SPACE``
  with a value, ``IN``, ``NOT_IN`` or ``REGEX``, no ``OP``) is evaluated on the Doc's
  attribute arrays with numpy;
* whatever is left (none in the pinned model) goes through a spaCy ``Matcher`` as before.

Its :meth:`set_annotations` writes each match's attributes straight to the token, without
making a ``Span`` for every match.

``load_nlp`` swaps it in (:func:`index_attribute_ruler`); ``tests/kg/extract/
test_attribute_index.py`` checks that its matches and annotations equal spaCy's own on
real articles.
"""
from __future__ import annotations

import re

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens._retokenize import set_token_attrs

FACTORY = "kg_indexed_attribute_ruler"
# attributes a pattern may test here -> column of the array match() reads
_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY = [TAG, LOWER, DEP, IS_SPACE]
_FLAGS = {"IS_SPACE"}


def _plain(pattern: list[dict]) -> bool:
    """Whether every predicate of ``pattern`` is one this module evaluates itself."""
    for token in pattern:
        for attr, value in token.items():
            if attr not in _COLUMNS:
                return False
            if attr in _FLAGS:
                if not isinstance(value, bool):
                    return False
            elif isinstance(value, dict):
                if len(value) != 1 or not set(value) <= {"IN", "NOT_IN", "REGEX"}:
                    return False
                (op, arg), = value.items()
                if op == "REGEX" and not isinstance(arg, str) or op != "REGEX" and not isinstance(arg, list):
                    return False
            elif not isinstance(value, str):
                return False
    return True


def _lookup_keys(pattern: list[dict]) -> list[tuple[int, int]] | None:
    """(tag id, lower id) pairs, 0 for "any", that a one-token TAG/LOWER pattern matches
    exactly; None if the pattern needs more than a look-up."""
    if len(pattern) != 1 or not pattern[0] or not set(pattern[0]) <= {"TAG", "LOWER"}:
        return None
    choices = []
    for attr in ("TAG", "LOWER"):
        value = pattern[0].get(attr)
        if value is None:
            choices.append([0])
        elif isinstance(value, str):
            choices.append([get_string_id(value)])
        elif isinstance(value, dict) and list(value) == ["IN"] and isinstance(value["IN"], list):
            choices.append([get_string_id(v) for v in value["IN"]])
        else:
            return None
    return [(tag, lower) for tag in choices[0] for lower in choices[1]]


class _Predicate:
    """One token of a pattern, evaluated on a column array at once."""

    def __init__(self, token: dict):
        self.tests = []  # (column, op, argument)
        for attr, value in token.items():
            column = _COLUMNS[attr]
            if attr in _FLAGS:
                self.tests.append((column, "eq", int(value)))
            elif isinstance(value, str):
                self.tests.append((column, "eq", get_string_id(value)))
            else:
                (op, arg), = value.items()
                if op == "REGEX":
                    self.tests.append((column, "regex", (re.compile(arg), {})))
                else:
                    self.tests.append((column, op.lower(), np.array([get_string_id(v) for v in arg], dtype=np.uint64)))

    def mask(self, columns: np.ndarray, strings) -> np.ndarray:
        keep = np.ones(len(columns), dtype=bool)
        for column, op, arg in self.tests:
            values = columns[:, column]
            if op == "eq":
                keep &= values == np.uint64(arg)
            elif op == "in":
                keep &= np.isin(values, arg)
            elif op == "not_in":
                keep &= ~np.isin(values, arg)
            else:  # regex: searched in each distinct string once, remembered by its id
                regex, seen = arg
                hits = []
                for key in np.unique(values).tolist():
                    if key not in seen:
                        seen[key] = bool(regex.search(strings[key]))
                    if seen[key]:
                        hits.append(key)
                keep &= np.isin(values, np.array(hits, dtype=np.uint64))
        return keep


class IndexedAttributeRuler(AttributeRuler):
    """An ``AttributeRuler`` whose :meth:`match` looks patterns up instead of running
    the Matcher (see the module's docstring); everything else is spaCy's."""

    _index = None

    def add(self, patterns, attrs, index=0) -> None:
        super().add(patterns, attrs, index)
        self._index = None

    def clear(self) -> None:
        super().clear()
        self._index = None

    def _build(self):
        strings = self.vocab.strings
        lookup: dict[tuple[int, int], list[tuple[int, int]]] = {}
        lowers: set[int] = set()
        arrays: list[tuple[int, int, list[_Predicate]]] = []
        rest = Matcher(self.vocab, validate=self.validate)
        for attr_id in range(len(self.attrs)):
            name = str(attr_id)
            key = strings[name]
            leftover = []
            for pattern in self.matcher.get(name)[1]:
                keys = _lookup_keys(pattern)
                if keys is not None:
                    for pair in keys:
                        lookup.setdefault(pair, []).append((attr_id, key))
                        if pair[1]:
                            lowers.add(pair[1])
                elif _plain(pattern):
                    arrays.append((attr_id, key, [_Predicate(token) for token in pattern]))
                else:
                    leftover.append(pattern)
            if leftover:
                rest.add(key, leftover)
        self._index = (lookup, lowers, arrays, rest if len(rest) else None)

    def match(self, doc):
        """The matches ``AttributeRuler.match`` returns: (rule number, match id, start,
        end), sorted, so that later rules take precedence."""
        if self._index is None:
            self._build()
        lookup, lowers, arrays, rest = self._index
        matches = []
        if rest is not None:
            matches = [(int(self.vocab.strings[m]), m, s, e)
                       for m, s, e in rest(doc, allow_missing=True, as_spans=False)]
        if not len(doc):
            return matches
        columns = doc.to_array(_ARRAY)
        get = lookup.get
        for i, (tag, lower) in enumerate(columns[:, :2].tolist()):
            for attr_id, key in get((tag, 0), ()):
                matches.append((attr_id, key, i, i + 1))
            if lower in lowers:
                for pair in ((tag, lower), (0, lower)):
                    for attr_id, key in get(pair, ()):
                        matches.append((attr_id, key, i, i + 1))
        n = len(doc)
        for attr_id, key, predicates in arrays:
            width = len(predicates)
            if width > n:
                continue
            starts = np.ones(n - width + 1, dtype=bool)
            for offset, predicate in enumerate(predicates):
                starts &= predicate.mask(columns, doc.vocab.strings)[offset:n - width + 1 + offset]
            matches.extend((attr_id, key, s, s + width) for s in np.flatnonzero(starts).tolist())
        matches.sort()
        return matches

    def set_annotations(self, doc, matches) -> None:
        """``AttributeRuler.set_annotations`` without a ``Span`` per match: each rule's
        attributes are written to the token its index points at, in the same order."""
        for attr_id, match_id, start, end in matches:
            index = self.indices[attr_id]
            at = (start if index >= 0 else end) + index
            if not start <= at < end:  # an index outside the match: spaCy's own error
                super().set_annotations(doc, [(attr_id, match_id, start, end)])
            set_token_attrs(doc[at], self.attrs[attr_id])


@Language.factory(FACTORY, default_config={"validate": False})
def _make(nlp, name: str, validate: bool):
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate)


def index_attribute_ruler(nlp, name: str = "attribute_ruler") -> None:
    """Replace ``nlp``'s attribute ruler by an :class:`IndexedAttributeRuler` holding the
    same patterns in the same order (nothing else changes)."""
    if name not in nlp.pipe_names or isinstance(nlp.get_pipe(name), IndexedAttributeRuler):
        return
    old = nlp.get_pipe(name)
    new = nlp.replace_pipe(name, FACTORY, config={"validate": old.validate})
    new.add_patterns(old.patterns)
