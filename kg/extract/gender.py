"""What the text itself says of a person's gender, for resolving "he", "she", "his", "her".

Only the article's own words count, never a list of names: a form of address before a
mention ("Mr. Manturov", "Ms Aslan", "Madam Khar"), a gendered office word ("spokeswoman
Maria Zakharova", "chairman X"), and the feminine form of a Slavic surname ("Zakharova",
"Matviyenko" stays unknown).  A person with signs of both, or none, is unknown, and an
unknown person fits any pronoun.

>>> from kg.extract.pipeline import load_nlp
>>> from kg.extract.model import Mention, Span
>>> text = "Ms. Amina Latif met Mr. Ivan Petrov and Olga Smirnova."
>>> doc = load_nlp()(text)
>>> ms = [Mention(Span(4, 15, "Amina Latif"), "a", 0, "ner"), Mention(Span(24, 35, "Ivan Petrov"), "b", 0, "ner"),
...       Mention(Span(40, 53, "Olga Smirnova"), "c", 0, "ner")]
>>> sorted(genders(doc, ms, lambda e: "Person").items())
[('a', 'f'), ('b', 'm'), ('c', 'f')]
"""
from __future__ import annotations

import re

FEMININE_WORDS = {"mrs", "ms", "miss", "madam", "madame", "begum", "lady", "dame", "spokeswoman", "chairwoman",
                  "businesswoman", "congresswoman", "stateswoman", "sister", "mother", "daughter", "wife"}
MASCULINE_WORDS = {"mr", "sir", "spokesman", "chairman", "businessman", "congressman", "statesman", "brother",
                   "father", "son", "husband"}
# the feminine forms of Slavic surnames: Zakharova, Matveeva, Petrovna, Volskaya
FEMININE_SURNAME = re.compile(r"(?:ova|eva|ovna|evna|skaya)$")
FEMININE_PRONOUNS = {"she", "her", "hers", "herself"}
MASCULINE_PRONOUNS = {"he", "his", "him", "himself"}


def genders(doc, mentions, core_type) -> dict[str, str]:
    """``{entity: "f" | "m"}`` for the people whose gender the article's words show."""
    seen: dict[str, set[str]] = {}
    for m in mentions:
        if core_type(m.entity) != "Person":
            continue
        span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if span is None:
            continue
        signs = seen.setdefault(m.entity, set())
        # the two words before the name ("Ms. Aslan", "Foreign Ministry spokeswoman Maria Zakharova")
        for tok in doc[max(span.sent.start, span.start - 2):span.start]:
            low = tok.lower_.rstrip(".")
            if low in FEMININE_WORDS:
                signs.add("f")
            elif low in MASCULINE_WORDS:
                signs.add("m")
        words = [t for t in span if t.text[:1].isupper() and t.text.isalpha()]
        if len(words) >= 2 and FEMININE_SURNAME.search(words[-1].lower_):
            signs.add("f")
    return {e: next(iter(s)) for e, s in seen.items() if len(s) == 1}


def fits(pronoun: str, gender: str | None) -> bool:
    """Whether a person of ``gender`` (None: unknown) may be what ``pronoun`` stands for."""
    low = pronoun.lower()
    if gender == "f":
        return low not in MASCULINE_PRONOUNS
    if gender == "m":
        return low not in FEMININE_PRONOUNS
    return True
