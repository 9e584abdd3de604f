"""Entity, event, claim and evidence look-ups behind :class:`kg.facade.KnowledgeGraph`.

The queries here bind their values with a ``VALUES`` block at the *start* of the
``WHERE`` group, built from RDF terms (never from raw strings), so that they run the
same way on the embedded store and on any remote endpoint.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, SKOS, Literal, URIRef
from rdflib.term import Node

from kg import namespaces
from kg.errors import QueryError
from kg.results import Result, ntriples, shorten
from kg.store import Store, select_rows

PREFIXES = "".join(f"PREFIX {prefix}: <{namespaces.PREFIXES[prefix]}>\n"
                   for prefix in ("pakru", "skos", "rdfs", "schema", "prov", "oa"))
PAKRU, ID = str(namespaces.PAKRU), str(namespaces.ID)
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]*$")
_NAMES = "skos:prefLabel", "skos:altLabel", "rdfs:label"
_NAME_IRIS = tuple(map(str, (SKOS.prefLabel, SKOS.altLabel, RDFS.label)))
_SKIP = set(map(str, (RDF.type, SKOS.prefLabel, SKOS.altLabel, namespaces.SDO.description, namespaces.OA.hasBody)))


class NotFound(QueryError):
    """The graph has nothing by that name or IRI."""


@dataclass(frozen=True)
class Evidence:
    """A text span that supports a fact: the words, their sentence, where they are."""

    span: str
    document: str
    start: int
    end: int
    text: str
    sentence: str
    sentence_start: int | None = None  # where ``sentence`` starts in the article text


@dataclass(frozen=True)
class Fact:
    """One statement about an entity; ``subject`` or ``object`` is the entity itself."""

    subject: str
    predicate: str
    object: object
    label: str | None = None          # the label of the other end, when it has one
    evidence: tuple[Evidence, ...] = ()

    def __str__(self) -> str:
        other = self.label or (shorten(self.object) if isinstance(self.object, str) else self.object)
        return f"{shorten(self.subject)} {shorten(self.predicate)} {other}"


@dataclass
class Entity:
    """Everything the graph says about one resource."""

    iri: str
    label: str | None
    types: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    facts: list[Fact] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)  # the sentences that mention it


def iri_term(value: str) -> URIRef:
    """An IRI from ``https://…``, ``id:russia`` or ``pakru:State``; refuses anything that
    could not be written safely in a query."""
    for prefix, ns in (("id:", ID), ("pakru:", PAKRU)):
        if value.startswith(prefix) and not value.startswith(ns):
            value = ns + value[len(prefix):]
    if not _IRI.match(value):
        raise QueryError(f"{value!r} is not an IRI; give a full IRI such as {ID}russia, or id:russia")
    return URIRef(value)


def values_block(bindings: Mapping[str, Node]) -> str:
    """``VALUES (?a ?b) { (<iri> "lit") }`` for the start of a WHERE group."""
    if not bindings:
        return ""
    for term in bindings.values():
        if isinstance(term, URIRef):
            iri_term(str(term))
    return (f"VALUES ({' '.join('?' + k for k in bindings)}) "
            f"{{ ({' '.join(ntriples(t) for t in bindings.values())}) }}")


def select_text(where: str, select: str, bindings: Mapping[str, Node], order: str) -> str:
    """``SELECT select WHERE { VALUES-row where } ORDER BY order`` with the known prefixes."""
    return f"{PREFIXES}SELECT {select} WHERE {{\n  {values_block(bindings)}\n{where}\n}} ORDER BY {order}"


def run_select(store: Store, where: str, select: str, bindings: Mapping[str, Node], order: str) -> Result:
    """The :class:`Result` of :func:`select_text`'s query."""
    return store.query(select_text(where, select, bindings, order))


def rows(store: Store, where: str, select: str, bindings: Mapping[str, Node], order: str) -> list[dict]:
    """The rows of :func:`select_text`'s query as plain values (no rdflib terms: look-ups
    and pages need only the values, and making terms cost most of their time)."""
    return select_rows(store, select_text(where, select, bindings, order))


def resolve(store: Store, name_or_iri: str) -> str:
    """The IRI of the resource named ``name_or_iri`` (a label, an alias, or an IRI)."""
    if re.match(r"^(https?://|urn:|id:|pakru:)", name_or_iri):
        return str(iri_term(name_or_iri))
    found = rows(store, "  ?x ?how ?l . VALUES ?how { %s }" % " ".join(_NAMES), "?x ?how ?l", {}, "?x ?l ?how")
    wanted = " ".join(name_or_iri.split()).casefold()
    for full in _NAME_IRIS:
        hits = sorted({r["x"] for r in found if r["how"] == full and str(r["l"]).casefold() == wanted})
        if len(hits) == 1:
            return hits[0]
        if hits:
            raise QueryError(f"{name_or_iri!r} names {len(hits)} resources: "
                             f"{', '.join(shorten(h) for h in hits)}; give one of these IRIs")
    labels = sorted({str(r["l"]) for r in found})
    close = difflib.get_close_matches(name_or_iri, labels, n=3, cutoff=0.6)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    raise NotFound(f"nothing in the graph is named {name_or_iri!r}{hint}")


def _evidence(store: Store, subject_var: str, where: str, bindings: Mapping[str, Node]) -> list[dict]:
    body = where + """
  ?span oa:hasSource ?document ; oa:hasSelector ?q, ?pos .
  ?q oa:exact ?text . ?pos oa:start ?start ; oa:end ?end .
  OPTIONAL { ?span pakru:inSentence ?sent . ?sent oa:hasSelector ?sq, ?sp .
             ?sq oa:exact ?sentence . ?sp oa:start ?sentenceStart }"""
    return rows(store, body, f"DISTINCT {subject_var} ?span ?document ?start ?end ?text ?sentence ?sentenceStart",
                bindings, f"?document ?start ?end {subject_var} ?span ?text ?sentence ?sentenceStart")


def _to_evidence(row: Mapping[str, object]) -> Evidence:
    inside = row["sentence"] is not None and row.get("sentenceStart") is not None
    return Evidence(row["span"], row["document"], int(row["start"]), int(row["end"]), row["text"],
                    row["sentence"] if inside else row["text"],
                    int(row["sentenceStart"]) if inside else int(row["start"]))


def evidence(store: Store, iri: str) -> list[Evidence]:
    """The spans that support ``iri``: its ``pakru:evidence``, the span itself, or, for
    an entity, the words that mention it."""
    b = {"_r": iri_term(iri)}
    found = _evidence(store, "?_r", "  { ?_r pakru:evidence ?span } UNION { BIND(?_r AS ?span) ?_r oa:hasSource ?d0 }", b)
    if not found:
        found = _evidence(store, "?_r", "  ?m oa:hasBody ?_r ; oa:hasTarget ?span .", b)
    return [_to_evidence(r) for r in found]


def entity(store: Store, name_or_iri: str) -> Entity:
    """The entity called ``name_or_iri`` with its names, types, facts and evidence."""
    iri = resolve(store, name_or_iri)
    b = {"_e": URIRef(iri)}
    out = rows(store, "  ?_e ?p ?o . OPTIONAL { ?o skos:prefLabel ?ol }", "?p ?o ?ol", b, "?p ?o ?ol")
    inc = rows(store, "  ?s ?p ?_e . OPTIONAL { ?s skos:prefLabel ?sl }", "?s ?p ?sl", b, "?p ?s ?sl")
    if not out and not inc:
        raise NotFound(f"the graph says nothing about {iri}")
    ent, stated = Entity(iri, None), set()
    for r in out:
        p, o = r["p"], r["o"]
        if p == "http://www.w3.org/2004/02/skos/core#prefLabel":
            ent.label = ent.label or o
        elif p == "http://www.w3.org/2004/02/skos/core#altLabel":
            ent.aliases.append(o)
        elif p == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type":
            ent.types.append(o)
        elif p == "https://schema.org/description":
            ent.description = o
        elif (p, o) not in stated:  # one fact per value, whatever labels the value has
            stated.add((p, o))
            ent.facts.append(Fact(iri, p, o, r["ol"]))
    # one query for both kinds of evidence: the spans of what refers to it (?s), and
    # the words that mention it (?mentioned bound); each part keeps its own order
    found = _evidence(store, "?s ?mentioned", "  { ?s ?p ?_e ; pakru:evidence ?span . }\n"
                      "  UNION { ?m oa:hasBody ?_e ; oa:hasTarget ?span . BIND(?_e AS ?mentioned) }", b)
    support: dict[str, list[Evidence]] = {}
    for r in found:
        if r["s"] is not None:
            support.setdefault(r["s"], []).append(_to_evidence(r))
    seen = set()
    for r in inc:
        if r["p"] in _SKIP or (r["s"], r["p"]) in seen:
            continue
        seen.add((r["s"], r["p"]))
        ent.facts.append(Fact(r["s"], r["p"], iri, r["sl"], tuple(support.get(r["s"], ()))))
    ent.evidence = [_to_evidence(r) for r in found if r["mentioned"] is not None]
    return ent


def _optional_iri(store: Store, value: str | None, ns: str = ID) -> URIRef | None:
    if value is None:
        return None
    if ns == PAKRU and not re.match(r"^(https?://|pakru:)", value):
        value = "pakru:" + value
    return URIRef(resolve(store, value)) if ns == ID else iri_term(value)


def events(store: Store, participant: str | None = None, kind: str | None = None,
           since: str | None = None, until: str | None = None) -> Result:
    """Events in time order, each with the sentence that reports it."""
    b = {k: v for k, v in (("_who", _optional_iri(store, participant)),
                           ("_kind", _optional_iri(store, kind, PAKRU)),
                           ("_since", _date(since)), ("_until", _date(until))) if v is not None}
    filters = "".join(f"\n  FILTER(BOUND(?date) && SUBSTR(STR(?date), 1, STRLEN(?{var})) {op} ?{var})"
                      for var, op in (("_since", ">="), ("_until", "<=")) if var in b)
    where = f"""  ?event a {'?_kind' if '_kind' in b else 'pakru:Event'} ; skos:prefLabel ?label .
  {'?event pakru:participant ?_who .' if '_who' in b else ''}
  OPTIONAL {{ ?event pakru:date ?d1 }} OPTIONAL {{ ?event pakru:startDate ?d2 }}
  BIND(COALESCE(?d1, ?d2) AS ?date)
  OPTIONAL {{ ?event pakru:evidence ?span . ?span oa:hasSource ?document ;
              oa:hasSelector/oa:exact ?sentence ; oa:hasSelector/oa:start ?start }}{filters}"""
    return run_select(store, where, "DISTINCT ?event ?label ?date ?sentence ?document ?start", b,
                "?date ?event ?document ?start ?label ?sentence")


def _date(value: object) -> Literal | None:
    if value is None:
        return None
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        raise QueryError(f"since/until {value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    return Literal(text)


def claims(store: Store, about: str | None = None, kind: str | None = None,
           author: str | None = None) -> Result:
    """Claims (recommendations, assessments, predictions) with their writer and sentence."""
    b = {k: v for k, v in (("_about", _optional_iri(store, about)), ("_kind", _optional_iri(store, kind, PAKRU)),
                           ("_author", _optional_iri(store, author))) if v is not None}
    where = f"""  ?claim a pakru:Claim, ?type ; schema:text ?text ; prov:wasAttributedTo ?author .
  {'?claim a ?_kind .' if '_kind' in b else ''} {'?claim pakru:about ?_about .' if '_about' in b else ''}
  {'?claim prov:wasAttributedTo ?_author .' if '_author' in b else ''}
  VALUES ?type {{ pakru:Recommendation pakru:Assessment pakru:Prediction }}
  OPTIONAL {{ ?claim pakru:cue ?cue }}
  OPTIONAL {{ ?claim prov:wasDerivedFrom ?document . ?document a pakru:Article }}
  OPTIONAL {{ ?claim pakru:evidence/oa:hasSelector/oa:start ?start }}"""
    return run_select(store, where, "DISTINCT ?claim ?type ?text ?cue ?author ?document ?start", b,
                "?document ?start ?claim ?type ?text ?cue ?author")


@dataclass(frozen=True)
class Match:
    """A resource found by :func:`search`: its IRI, preferred label and the name that matched."""

    iri: str
    label: str | None
    name: str


def search(store: Store, text: str, limit: int = 50) -> list[Match]:
    """Resources under ``id:`` whose label, alias, name, demonym, metonym or a name an
    article uses contains ``text`` (ignoring case); exact names first, then prefixes."""
    wanted = " ".join(str(text).split())
    if not wanted:
        return []
    where = """  { ?x ?how ?name . VALUES ?how { skos:prefLabel skos:altLabel schema:name pakru:demonym pakru:metonym } }
  UNION { ?m a pakru:Mention ; oa:hasBody ?x ; oa:hasTarget/oa:hasSelector/oa:exact ?name }
  FILTER(STRSTARTS(STR(?x), "%s") && CONTAINS(LCASE(STR(?name)), LCASE(?_q)))
  OPTIONAL { ?x skos:prefLabel ?label }""" % ID
    found = rows(store, where, "DISTINCT ?x ?label ?name", {"_q": Literal(wanted)}, "?x ?name")
    folded = wanted.casefold()
    best: dict[str, tuple[tuple, Match]] = {}
    for r in found:
        name = str(r["name"])
        rank = (name.casefold() != folded, not name.casefold().startswith(folded), str(r["label"] or name).casefold())
        if r["x"] not in best or rank < best[r["x"]][0]:
            best[r["x"]] = (rank, Match(r["x"], r["label"], name))
    return [m for _, m in sorted(best.values(), key=lambda item: (item[0], item[1].iri))][:limit]


__all__ = ["Entity", "Evidence", "Fact", "Match", "NotFound", "claims", "entity", "events", "evidence", "iri_term",
           "resolve", "search"]
