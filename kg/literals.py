"""Typed literals that more than one RDF builder writes (kept apart so that kg.rdf and
kg.claims_rdf import it, not each other).

>>> confidence_literal(0.91234)
rdflib.term.Literal('0.912', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal'))
>>> str(confidence_literal(None))
'0.5'
"""
from __future__ import annotations

from decimal import Decimal

from rdflib import XSD, Literal

#: the confidence of a record made without a model (rules alone, older caches)
DEFAULT_CONFIDENCE = Decimal("0.5")


def confidence_literal(value: float | None) -> Literal:
    """An xsd:decimal with three places, from a probability (0.5 when there is none)."""
    if value is None:
        return Literal(DEFAULT_CONFIDENCE, datatype=XSD.decimal)
    return Literal(Decimal(f"{min(1.0, max(0.0, float(value))):.3f}"), datatype=XSD.decimal)
