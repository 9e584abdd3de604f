"""An article with everything the graph says about its words, for reading it annotated.

:func:`article` returns the text of one article and its annotations: each mention (the
words that name an entity), and each sentence that is evidence for an event, a claim,
a relation or a money figure.  Offsets count code points from 0, end exclusive, so
``article.text[a.start:a.end] == a.quote`` for every annotation.

>>> from kg.store import OxigraphStore
>>> from kg.workspace import shipped
>>> store = OxigraphStore(); store.load_trig(shipped("kg.trig"))
>>> doc = article(store, "https://w3id.org/pakru/doc/000_0b13b1b12f328222")
>>> first = doc.annotations[0]
>>> doc.text[first.start:first.end] == first.quote
True
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef

from kg import namespaces
from kg.lookup import NotFound, run_select, iri_term
from kg.results import shorten
from kg.store import Store

DOC = str(namespaces.DOC)
#: Classes whose instances point to their sentence with ``pakru:evidence``, and the kind shown for them.
EVIDENCED = (("pakru:Event", "event"), ("pakru:Claim", "claim"), ("pakru:Membership", "relation"),
             ("pakru:ProjectInterest", "relation"), ("pakru:Cooperation", "relation"),
             ("pakru:MonetaryAmount", "amount"), ("pakru:Person", "person"))


@dataclass(frozen=True)
class Annotation:
    """Words of an article tied to a resource: a mention of an entity, or the sentence
    that is evidence for an event, claim, relation or amount (``kind``)."""

    start: int
    end: int
    quote: str
    kind: str          # "mention", "event", "claim", "relation", "amount" or "person"
    target: str        # the IRI of the entity, event, claim, ...
    label: str         # its preferred label, a claim's kind, or its short IRI


@dataclass
class Article:
    """One article: its text, what is known about it, and its annotations in text order."""

    iri: str
    identifier: str
    text: str
    headline: str | None = None
    publisher: str | None = None
    published: object = None
    url: str | None = None
    author: str | None = None
    author_label: str | None = None
    annotations: list[Annotation] = field(default_factory=list)


def document_iri(doc: str) -> URIRef:
    """``doc:<id>``, a bare document id or a full IRI -> the article's IRI."""
    if doc.startswith("doc:"):
        doc = DOC + doc[4:]
    elif "://" not in doc:
        doc = DOC + doc
    return iri_term(doc)


def article(store: Store, doc: str) -> Article:
    """The article ``doc`` (``doc:<id>``, its id or its IRI) with its annotations."""
    b = {"_d": document_iri(doc)}
    meta = run_select(store, """  ?_d a pakru:Article ; schema:text ?text .
  OPTIONAL { ?_d <http://purl.org/dc/terms/identifier> ?identifier }
  OPTIONAL { ?_d schema:headline ?headline }
  OPTIONAL { ?_d schema:publisher ?publisher }
  OPTIONAL { ?_d schema:datePublished ?published }
  OPTIONAL { ?_d schema:url ?url }
  OPTIONAL { ?_d schema:author ?author . OPTIONAL { ?author skos:prefLabel ?authorLabel } }""",
                "?text ?identifier ?headline ?publisher ?published ?url ?author ?authorLabel", b,
                "?identifier ?headline ?author").rows
    if not meta:
        raise NotFound(f"the graph has no article {b['_d']}; `kg query run documents` lists them")
    m = meta[0]
    out = Article(str(b["_d"]), m["identifier"] or str(b["_d"])[len(DOC):], m["text"], m["headline"],
                  m["publisher"], m["published"], m["url"], m["author"], m["authorLabel"])
    span = """  ?span oa:hasSource ?_d .
  %s
  ?span oa:hasSelector ?q, ?pos . ?q oa:exact ?quote . ?pos oa:start ?start ; oa:end ?end .
  OPTIONAL { ?target skos:prefLabel ?label }"""
    classes = " ".join(f'({cls} "{kind}")' for cls, kind in EVIDENCED)
    mentions = run_select(store, span % '?m oa:hasTarget ?span ; a pakru:Mention ; oa:hasBody ?target . BIND("mention" AS ?kind)',
                    "DISTINCT ?start ?end ?quote ?kind ?target ?label", b, "?start DESC(?end) ?target ?label").rows
    facts = run_select(store, span % f"?target pakru:evidence ?span ; a ?class . VALUES (?class ?kind) {{ {classes} }}" + """
  OPTIONAL { ?target a pakru:Claim, ?claimKind .
             FILTER(?claimKind != pakru:Claim && STRSTARTS(STR(?claimKind), STR(pakru:))) }""",
                 "DISTINCT ?start ?end ?quote ?kind ?target ?label ?claimKind", b,
                 "?start DESC(?end) ?kind ?target ?label ?claimKind").rows
    seen: set[tuple] = set()
    for r in sorted(mentions + facts, key=lambda r: (r["start"], -r["end"], r["kind"], r["target"])):
        key = (r["start"], r["end"], r["kind"], r["target"])
        if key in seen:
            continue
        seen.add(key)
        claim_kind = r.get("claimKind")
        label = r["label"] or (shorten(claim_kind).split(":")[-1] if claim_kind else shorten(r["target"]))
        out.annotations.append(Annotation(int(r["start"]), int(r["end"]), r["quote"], r["kind"], r["target"], label))
    return out


__all__ = ["Annotation", "Article", "article", "document_iri"]
