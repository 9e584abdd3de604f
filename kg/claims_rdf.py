"""The RDF of claims: the writer's own and statements attributed to speakers.

A writer's claim is the article's own node (``id/claim/<doc>/<start>-<end>``), attributed
to the article's writer.  A statement attributed to a speaker is named by its speaker and
its words, ``id/statement/<speaker>/<signature>``, where the signature hashes the
statement's normalised token set (lower case, punctuation, quotation marks and function
words dropped, plural "s" cut, order ignored): two articles that report the same speaker
saying the same thing mint the same node, each adding its own span as evidence, so the
published graph holds one statement with two pieces of evidence.  The article stays the
source (``prov:wasDerivedFrom``); ``prov:wasAttributedTo`` names who said it.

>>> signature("“Relations are at their best,” ") == signature("relations were at their BEST")
True
>>> similarity("ties will grow fast", "the ties will grow very fast")  # function words dropped
1.0
>>> round(similarity("ties will grow fast", "ties will grow very fast in trade"), 2)
0.75
"""
from __future__ import annotations

import hashlib
import re

from rdflib import PROV, XSD, Literal

from kg.literals import confidence_literal
from kg.namespaces import ID, PAKRU, SDO

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_FUNCTION = frozenset("""a an the and or but of to in on at for from by with as that this these those
    is are was were be been being am has have had do does did it its their his her our we they he
    she i you will would shall should can could may might must not no very""".split())
_STANCES = ("positive", "negative", "neutral")


def tokens(text: str) -> frozenset[str]:
    """The normalised token set of a statement's words."""
    out = set()
    for w in _WORD.findall(text.lower().replace("’", "'")):
        if w in _FUNCTION:
            continue
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.add(w)
    return frozenset(out)


def signature(text: str) -> str:
    return hashlib.sha256(" ".join(sorted(tokens(text))).encode("utf-8")).hexdigest()[:16]


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of the two texts' normalised token sets."""
    ta, tb = tokens(a), tokens(b)
    return len(ta & tb) / len(ta | tb) if ta | tb else 1.0


def claim_node(doc_id: str, claim, speaker_iri) -> object:
    if claim.speaker is None:
        s = claim.sentence.span
        return ID[f"claim/{doc_id}/{s.start}-{s.end}"]
    words = claim.content.text if claim.content is not None else claim.sentence.span.text
    return ID[f"statement/{str(speaker_iri).rsplit('/', 1)[-1]}/{signature(words)}"]


def add_claims(maker) -> None:
    """Add the claims of ``maker.ex`` (a kg.rdf.DocumentGraph) to its triples."""

    g, idx, ex = maker.g, maker.index, maker.ex
    for c in ex.claims:
        speaker = maker.author if c.speaker is None else idx.iri(c.speaker)
        node = claim_node(ex.doc_id, c, speaker)
        if c.content is None:
            evidence, words = maker.sentence_node(c.sentence.index), c.sentence.span.text
        else:
            evidence, words = maker.span(c.content, c.sentence.index), c.content.text
        maker.fact(node, [PAKRU.Claim, PAKRU[c.kind]], evidence)
        g.add((node, SDO.text, Literal(words, lang="en")))
        if c.cue:
            g.add((node, PAKRU.cue, Literal(c.cue, lang="en")))
        g.add((node, PROV.wasAttributedTo, speaker))
        g.add((node, PAKRU.quotation, Literal(c.quote)))
        if c.stance in _STANCES:
            g.add((node, PAKRU.stance, Literal(c.stance)))
        if c.date:
            g.add((node, PAKRU.statedOn, _time(c.date)))
        g.add((node, PAKRU.confidence, confidence_literal(c.confidence)))
        for key in c.about:
            g.add((node, PAKRU.about, idx.iri(key)))


def _time(value: str) -> Literal:
    datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}[len(value)]
    return Literal(value, datatype=datatype)
