"""Whether a sentence judges: the test that a sentence with no cue of its own is someone's
opinion rather than a report (used for an op-ed's uncued sentences, :mod:`kg.extract.opinions`,
and an interview's answers, :mod:`kg.extract.statements`).

A sentence judges when it holds an evaluative word (the claim finder's list, or one of a
few words of stance, degree and appraisal: "painfully", "irony", "keen", "threat"), a
comparative or superlative that grades ("stronger", "the largest"; not "more", "later"),
or a main verb in the present that reads a sign ("shows", "signals", "offers").

>>> from kg.extract.pipeline import load_nlp
>>> nlp = load_nlp()
>>> [judges(list(nlp(t)), t) for t in ("The process has been painfully slow.",
...                                    "The delegation arrived in Moscow on Monday.")]
[True, False]
"""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.claims import EVALUATIVE

_SIGNS = frozenset("""show signal highlight reflect demonstrate underscore indicate mark suggest mean
    offer give allow help need dominate""".split())
_WORDS = frozenset("""so such much too very tremendously desperately painfully hopefully fortunately
    unfortunately surely indeed irony wretched keen pivotal threat risk vulnerable alarming chance
    opportunity perfect relief crippled steadfast invariably monumental verge bitterness reluctant
    romance frayed offing""".split())
_NOT_DEGREES = frozenset("more most less least many much later earlier further latter".split())


def judges(tokens: list[Token], text: str = "") -> bool:
    """Whether ``tokens`` (a sentence's) judge (see the module's doc)."""
    for t in tokens:
        low, lemma = t.lower_, t.lemma_.lower()
        if low in _WORDS or lemma in _WORDS or lemma in EVALUATIVE:
            return True
        if t.tag_ in ("JJR", "JJS", "RBR", "RBS") and lemma not in _NOT_DEGREES:
            return True
        if lemma in _SIGNS and t.pos_ == "VERB" and t.tag_ in ("VBZ", "VBP") and t.dep_ == "ROOT":
            return True
    return False
