"""The closing "The writer is ..." note: roles, affiliation and e-mail of the writer.

One of the last two sentences must open with "The writer/author is|was ..." or with a
person's name and "is a/an/the ..." (the name must be a spaCy PERSON entity).  What
follows "is" (after "working as", "serving as", "currently", "also") up to the
affiliation is split on commas and "and" into roles, articles dropped.  A role keeps its
head noun phrase only: the field after "in"/"of" is dropped ("an MPhil student in the
International Relations" gives the role "MPhil student"; the field is not recorded).
The affiliation is the capitalised name after "at" (else after "of", "with" or "for"),
without "the" and without a trailing ", City" ("the QAU, Islamabad" gives "QAU").  It is
resolved through ``resolve``; an unknown name gives ``"new:<name>"``.  The e-mail is
looked for from the writer's sentence to the end of the text ("He can be reached at").

>>> from kg.extract.pipeline import load_nlp, sentences_of
>>> doc = load_nlp()("Trade grew. The author is a senior fellow and editor at the "
...                  "Institute of Policy Studies, Lahore. She can be reached at a.b@ips.org.pk.")
>>> a = find_author(doc, sentences_of(doc), {"Institute of Policy Studies": "ips"}.get)
>>> a.sentence.index, a.roles, a.affiliation, a.affiliation_text, a.email
(1, ('senior fellow', 'editor'), 'ips', 'Institute of Policy Studies', 'a.b@ips.org.pk')
"""
from __future__ import annotations

import re
from typing import Callable

from spacy.tokens import Doc

from kg.extract.model import Author, Sentence
from kg.extract.tokens import doc_text

_WRITER_RE = re.compile(r"^(?:The\s+)?(?:writer|author|columnist|contributor)s?\s+(?:is|was)\s+",
                        re.IGNORECASE)
_NAMED_RE = re.compile(r"^(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s+is\s+"
                       r"(?=(?:a|an|the)\s)")
_LEAD_RE = re.compile(r"^(?:(?:currently|presently|also|now|working|serving|employed)\s+|as\s+)+",
                      re.IGNORECASE)
_NAME = r"[A-Z][\w.&'’-]*(?:\s+(?:(?:for|of|and|on|in|&|the|de|du)\s+)*[A-Z][\w.&'’-]*)*"
_AFFIL_RE = {prep: re.compile(rf"\s{prep}\s+(?:the\s+)?(?P<aff>{_NAME})") for prep in
             ("at", "of", "with", "for")}
_TAIL_RE = re.compile(r"\s+(?:and\s+)?(?:(?:he|she|they)\s+)?(?:can|may|could)\s+be\s+(?:reached|"
                      r"contacted)\b.*$|\s+along\s+with\b.*$|,?\s+based\s+(?:in|at)\b.*$|[.;]\s*$",
                      re.IGNORECASE)
_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_ARTICLE_RE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)
_FIELD_RE = re.compile(r"\s+(?:in|of|on|for)\s+.*$")


def _opening(doc: Doc, sent: Sentence) -> int | None:
    """Character offset (in the sentence) where the description after "is" starts."""
    text = sent.span.text
    m = _WRITER_RE.match(text)
    if m:
        return m.end()
    m = _NAMED_RE.match(text)
    if m and any(e.label_ == "PERSON" and e.start_char <= sent.span.start + m.start("name")
                 and sent.span.start + m.end("name") <= e.end_char for e in doc.ents):
        return m.end()
    return None


def _roles(segment: str) -> tuple[str, ...]:
    """Roles of "a research analyst, programme consultant and content editor"."""
    roles: list[str] = []
    for part in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s+&\s+", segment):
        part = _FIELD_RE.sub("", _ARTICLE_RE.sub("", part.strip())).strip(" ,")
        if part and part.lower() not in ("a", "an", "the") and part not in roles:
            roles.append(part)
    return tuple(roles)


def find_author(doc: Doc, sentences: list[Sentence],
                resolve: Callable[[str], str | None]) -> Author | None:
    """The writer's closing note among the last two sentences, or ``None``.

    >>> from kg.extract.pipeline import load_nlp, sentences_of
    >>> doc = load_nlp()("Ties improved. Sara Ahmed is an assistant professor at Bahria University.")
    >>> a = find_author(doc, sentences_of(doc), lambda name: None)
    >>> a.roles, a.affiliation
    (('assistant professor',), 'new:Bahria University')
    """
    for sent in sentences[-2:]:
        start = _opening(doc, sent)
        if start is not None:
            break
    else:
        return None
    text = sent.span.text
    body = _TAIL_RE.sub("", text[start:])
    body = _LEAD_RE.sub("", body)
    found = [m for m in (r.search(" " + body) for r in _AFFIL_RE.values()) if m]
    affil = found[0] if found and found[0].re is _AFFIL_RE["at"] else min(
        found, key=lambda m: m.start(), default=None)
    if affil is not None:
        segment = (" " + body)[:affil.start()]
        aff_text = affil["aff"]
        aff_text = re.sub(r"\s+(?:and|of|for|in|on|&|the)$", "", aff_text)
    else:
        segment, aff_text = body, None
    if segment.strip().lower().startswith(("associated", "affiliated", "based")):
        segment = ""
    email_match = _EMAIL_RE.search(doc_text(doc), sent.span.start)
    email = email_match.group().rstrip(".") if email_match else None
    affiliation = None
    if aff_text:
        affiliation = resolve(aff_text) or f"new:{aff_text}"
    return Author(sent, _roles(_EMAIL_RE.sub("", segment)), affiliation, aff_text, email)
