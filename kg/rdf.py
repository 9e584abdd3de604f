"""Turn one article's extraction into RDF in its own named graph.

Every node gets an IRI computed from its content (no blank nodes), so the same input
gives the same triples.  Every fact carries ``pakru:evidence`` pointing to a text span
with a Web Annotation quote selector and position selector, and
``prov:wasDerivedFrom`` its article.  See docs/model.md for the shape.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import DCTERMS, PROV, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef

from kg.extract.model import Extraction, Span
from kg.literals import confidence_literal
from kg.namespaces import DOC, ID, OA, PAKRU, SDO, bind_prefixes, document_graph, slug

CORE_OF_EVENT = "Event"
_QUOTE_CONTEXT = 32
SOFTWARE = ID["software/pakru-kg"]


def en(text: str) -> Literal:
    return Literal(text, lang="en")


STATUS = {"postponed": SDO.EventPostponed, "scheduled": SDO.EventScheduled,
          "cancelled": SDO.EventCancelled, "planned": PAKRU.EventPlanned}
ROLES = {"agent": "AgentRole", "partner": "PartnerRole", "host": "HostRole", "target": "TargetRole",
         "participant": "ParticipantRole"}
def time_literal(value: str) -> Literal:
    """ISO text with the precision it has: YYYY-MM-DD, YYYY-MM or YYYY."""
    datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}[len(value)]
    return Literal(value, datatype=datatype)


@dataclass
class EntityIndex:
    """Maps extraction keys (registry ids and "new:<Name>") to IRIs for a whole build."""

    registry: object
    new_iris: dict[str, URIRef] = field(default_factory=dict)
    new_types: dict[str, str] = field(default_factory=dict)
    new_home: dict[str, str] = field(default_factory=dict)  # key -> document id that declares it

    @classmethod
    def for_corpus(cls, registry, extractions: list[Extraction]) -> "EntityIndex":
        index = cls(registry)
        taken = set(registry.entities)
        for ex in sorted(extractions, key=lambda e: e.doc_id):
            for key in sorted(ex.new_entities):
                if key in index.new_iris:
                    continue
                base = slug(key[4:])
                name, n = base, 2
                while name in taken:
                    name, n = f"{base}-{n}", n + 1
                taken.add(name)
                index.new_iris[key] = ID[name]
                index.new_types[key] = ex.new_entities[key]
                index.new_home[key] = ex.doc_id
        return index

    def iri(self, key: str) -> URIRef:
        if key.startswith("new:"):
            return self.new_iris[key]
        return ID[key]

    def declaration(self, key: str) -> list[tuple]:
        """What the home article states of a new entity: its types, label and curation flag."""
        node, kind = self.iri(key), self.new_types[key]
        core = self.registry.core_class(kind)
        return ([(node, RDF.type, PAKRU[kind])] + ([(node, RDF.type, PAKRU[core])] if core != kind else [])
                + [(node, SKOS.prefLabel, en(key[4:])), (node, PAKRU.curated, Literal(False))])

    def label(self, key: str) -> str:
        if key.startswith("new:"):
            return key[4:]
        entity = self.registry.entities.get(key)
        return entity.label if entity else key


_OWN_PER_ARTICLE = ("span", "mention", "claim", "amount", "cooperation")


def own_iri_test(doc_id: str):
    """A test of whether an IRI names a node only this article's graph describes: the
    article, its graph, writer and extraction activity, its spans, mentions, claims,
    amounts and cooperation records, and its undated events (the IRIs minted below)."""
    exact = {str(DOC[doc_id]), str(document_graph(doc_id)), str(ID[f"author/{doc_id}"]),
             str(ID[f"activity/extract/{doc_id}"])}
    prefixes = tuple(str(ID[f"{kind}/{doc_id}/"]) for kind in _OWN_PER_ARTICLE)
    undated_event = re.compile(rf"^{re.escape(str(ID['event/']))}.*/{re.escape(doc_id)}-\d+$")

    def own(iri: str) -> bool:
        return iri in exact or iri.startswith(prefixes) or undated_event.match(iri) is not None
    return own


class DocumentGraph:
    """Builds the named graph of one article."""

    def __init__(self, ex: Extraction, index: EntityIndex, metadata: dict | None = None):
        self.ex = ex
        self.index = index
        self.meta = metadata or {}
        self.g: set[tuple] = set()  # the triples; a set is far cheaper to fill than an rdflib store
        self.spans: list[Span] = []  # every span given evidence, for the quote check
        self.doc = DOC[ex.doc_id]
        self.author = ID[f"author/{ex.doc_id}"]

    # -- spans -----------------------------------------------------------------------
    def span(self, span: Span, sentence_index: int | None = None, is_sentence: bool = False) -> URIRef:
        text = self.ex.text
        self.spans.append(span)
        node = ID[f"span/{self.ex.doc_id}/{span.start}-{span.end}"]
        quote, position = URIRef(f"{node}/quote"), URIRef(f"{node}/position")
        g = self.g
        g.add((node, RDF.type, PAKRU.TextSpan))
        g.add((node, RDF.type, OA.SpecificResource))
        g.add((node, OA.hasSource, self.doc))
        g.add((node, OA.hasSelector, quote))
        g.add((node, OA.hasSelector, position))
        g.add((quote, RDF.type, OA.TextQuoteSelector))
        g.add((quote, OA.exact, Literal(span.text)))
        prefix = text[max(0, span.start - _QUOTE_CONTEXT):span.start]
        suffix = text[span.end:span.end + _QUOTE_CONTEXT]
        if prefix:
            g.add((quote, OA.prefix, Literal(prefix)))
        if suffix:
            g.add((quote, OA.suffix, Literal(suffix)))
        g.add((position, RDF.type, OA.TextPositionSelector))
        g.add((position, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger)))
        g.add((position, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger)))
        if is_sentence:
            g.add((node, RDF.type, PAKRU.Sentence))
            g.add((node, PAKRU.sentenceIndex, Literal(sentence_index, datatype=XSD.nonNegativeInteger)))
        elif sentence_index is not None and sentence_index >= 0:
            sent = self.ex.sentences[sentence_index].span
            g.add((node, PAKRU.inSentence, ID[f"span/{self.ex.doc_id}/{sent.start}-{sent.end}"]))
        return node

    def sentence_node(self, index: int) -> URIRef:
        s = self.ex.sentences[index].span
        return ID[f"span/{self.ex.doc_id}/{s.start}-{s.end}"]

    def fact(self, node: URIRef, classes: list[URIRef], evidence: URIRef) -> None:
        for cls in classes:
            self.g.add((node, RDF.type, cls))
        self.g.add((node, PAKRU.evidence, evidence))
        self.g.add((node, PROV.wasDerivedFrom, self.doc))

    # -- whole graph -----------------------------------------------------------------
    def build(self) -> Graph:
        """The article's named graph."""
        g = Graph()
        bind_prefixes(g)
        for triple in self.triples():
            g.add(triple)
        return g

    def quote_problems(self) -> list[str]:
        """Spans whose quoted text is not the article's text at their offsets (call after
        :meth:`triples`); empty when every quote matches."""
        text = self.ex.text
        return [f"span {s.start}-{s.end} quotes {s.text[:60]!r} but the article has {text[s.start:s.end][:60]!r}"
                for s in self.spans if not (0 <= s.start < s.end <= len(text)) or text[s.start:s.end] != s.text]

    def triples(self) -> set[tuple]:
        """The article graph's triples as rdflib term tuples."""
        if self.g:
            return self.g
        self._document()
        for sent in self.ex.sentences:
            self.span(sent.span, sent.index, is_sentence=True)
        self._new_entities()
        self._mentions()
        self._events()
        self._relations()
        self._quantities()
        self._claims()
        return self.g

    def _document(self) -> None:
        g, ex, doc, meta = self.g, self.ex, self.doc, self.meta
        graph_iri = document_graph(ex.doc_id)
        activity = ID[f"activity/extract/{ex.doc_id}"]
        g.add((doc, RDF.type, PAKRU.Article))
        g.add((doc, RDF.type, SDO.Article))
        g.add((doc, DCTERMS.identifier, Literal(ex.doc_id)))
        g.add((doc, RDFS.label, en(meta.get("title") or f"Article {ex.doc_id}")))
        g.add((doc, SDO.text, Literal(ex.text)))
        g.add((doc, SDO.author, self.author))
        g.add((doc, PROV.wasAttributedTo, self.author))
        if ex.latest_date:
            g.add((doc, PAKRU.writtenNotBefore, time_literal(ex.latest_date)))
        for key, prop in (("title", SDO.headline), ("outlet", SDO.publisher)):
            if meta.get(key):
                g.add((doc, prop, Literal(str(meta[key]))))
        if meta.get("url"):
            g.add((doc, SDO.url, Literal(str(meta["url"]), datatype=XSD.anyURI)))
        if meta.get("date"):
            g.add((doc, SDO.datePublished, time_literal(str(meta["date"]))))
        g.add((graph_iri, PROV.wasDerivedFrom, doc))
        g.add((graph_iri, PROV.wasGeneratedBy, activity))
        g.add((activity, RDF.type, PROV.Activity))
        g.add((activity, RDFS.label, en(f"Extraction of article {ex.doc_id}")))
        g.add((activity, PROV.used, doc))
        g.add((activity, PROV.wasAssociatedWith, SOFTWARE))
        g.add((SOFTWARE, RDF.type, PROV.SoftwareAgent))
        g.add((SOFTWARE, RDFS.label, en("pakru-kg extraction pipeline")))
        self._author()

    def _author(self) -> None:
        g, a, ex = self.g, self.author, self.ex
        g.add((a, RDF.type, PAKRU.Person))
        name = self.meta.get("author")
        g.add((a, SKOS.prefLabel, en(name or f"Writer of article {ex.doc_id}")))
        g.add((a, PAKRU.curated, Literal(False)))
        if ex.author is None:
            return
        info = ex.author
        ev = self.span(info.sentence.span, info.sentence.index, is_sentence=True)
        g.add((a, PAKRU.evidence, ev))
        for role in info.roles:
            g.add((a, SDO.jobTitle, en(role)))
        if info.affiliation:
            g.add((a, SDO.affiliation, self.index.iri(info.affiliation)))
        if info.email:
            g.add((a, SDO.email, Literal(info.email)))

    def _new_entities(self) -> None:
        idx = self.index
        keys = set(self.ex.new_entities)
        for key in sorted(keys):
            if idx.new_home.get(key) != self.ex.doc_id:
                continue
            node = idx.iri(key)
            self.g.update(idx.declaration(key))
            labels = sorted({m.ner_label for m in self.ex.mentions if m.entity == key and m.ner_label})
            for label in labels:
                self.g.add((node, PAKRU.nerLabel, Literal(label)))
            self.g.add((node, PROV.wasDerivedFrom, self.doc))

    def _mentions(self) -> None:
        for m in self.ex.mentions:
            node = ID[f"mention/{self.ex.doc_id}/{m.span.start}-{m.span.end}"]
            target = self.span(m.span, m.sentence)
            g = self.g
            g.add((node, RDF.type, PAKRU.Mention))
            g.add((node, RDF.type, OA.Annotation))
            g.add((node, OA.hasBody, self.index.iri(m.entity)))
            g.add((node, OA.hasTarget, target))
            g.add((node, OA.motivatedBy, OA.identifying))
            g.add((node, PAKRU.linkedBy, Literal(m.linked_by)))

    def _events(self) -> None:
        g, idx = self.g, self.index
        for e in self.ex.events:
            parts = sorted(e.participants, key=lambda k: str(idx.iri(k)))
            part_slug = "-".join(str(idx.iri(p)).rsplit("/", 1)[-1] for p in parts)
            when = None
            if e.time is not None:
                when = e.time.value or e.time.start
            tail = when or f"{self.ex.doc_id}-{e.trigger.start}"  # two undated events may share a sentence
            node = ID[f"event/{slug(e.kind)}/{part_slug}/{tail}"]
            self.fact(node, [PAKRU.Event, PAKRU[e.kind]], self.sentence_node(e.sentence.index))
            for again in e.also:
                g.add((node, PAKRU.evidence, self.sentence_node(again.index)))
            labels = ", ".join(idx.label(p) for p in parts)
            title = f"{_kind_words(e.kind)}: {labels}" + (f" ({when})" if when else "")
            g.add((node, SKOS.prefLabel, en(f"{e.name.text}, {title[0].lower()}{title[1:]}" if e.name else title)))
            if e.name is not None:
                g.add((node, SDO.name, en(e.name.text)))
            trigger = self.span(e.trigger, e.sentence.index)
            g.add((node, PAKRU.trigger, trigger))
            g.add((node, PAKRU.confidence, confidence_literal(e.confidence)))
            confidence = dict(zip(e.participants, e.participant_confidence))
            roles = dict(zip(e.participants, e.roles))
            for p in parts:
                g.add((node, PAKRU.participant, idx.iri(p)))
                mention = f"{e.trigger.start}-{slug(when)}" if when else str(e.trigger.start)
                link = ID[f"participation/{self.ex.doc_id}/{mention}/{_tail(idx.iri(p))}"]
                g.add((node, PAKRU.participation, link))
                g.add((link, RDF.type, PAKRU.Participation))
                g.add((link, PAKRU.participantAgent, idx.iri(p)))
                g.add((link, PAKRU.confidence, confidence_literal(confidence.get(p, e.confidence))))
                g.add((link, PAKRU.role, PAKRU[ROLES.get(roles.get(p), "ParticipantRole")]))
            for p in e.places:
                g.add((node, PAKRU.place, idx.iri(p)))
            if e.time is not None:
                if e.time.value:
                    g.add((node, PAKRU.date, time_literal(e.time.value)))
                if e.time.start:
                    g.add((node, PAKRU.startDate, time_literal(e.time.start)))
                if e.time.end:
                    g.add((node, PAKRU.endDate, time_literal(e.time.end)))
                g.add((node, PAKRU.timeText, Literal(e.time.span.text)))
            if e.status in STATUS:
                g.add((node, SDO.eventStatus, STATUS[e.status]))

    def _relations(self) -> None:
        g, idx = self.g, self.index
        for m in self.ex.memberships:
            member, org = idx.iri(m.member), idx.iri(m.organisation)
            node = ID[f"membership/{_tail(member)}/{_tail(org)}/{slug(m.status)}"]
            self.fact(node, [PAKRU.Membership], self.sentence_node(m.sentence.index))
            g.add((node, PAKRU.member, member))
            g.add((node, PAKRU.organisation, org))
            g.add((node, PAKRU.membershipStatus, PAKRU[m.status]))
            if m.since:
                g.add((node, PAKRU.startDate, time_literal(m.since)))
            shortcut = PAKRU.observerOf if m.status == "Observer" else PAKRU.memberOf
            g.add((member, shortcut, org))
        for i in self.ex.interests:
            party, project = idx.iri(i.party), idx.iri(i.project)
            node = ID[f"interest/{_tail(party)}/{_tail(project)}"]
            self.fact(node, [PAKRU.ProjectInterest], self.sentence_node(i.sentence.index))
            g.add((node, PAKRU.interestedParty, party))
            g.add((node, PAKRU.project, project))
            g.add((node, PAKRU.interestKind, Literal(i.kind)))
            g.add((party, PAKRU.interestedIn, project))
        for c in self.ex.cooperations:
            s = c.sentence.span
            node = ID[f"cooperation/{self.ex.doc_id}/{s.start}-{s.end}"]
            self.fact(node, [PAKRU.Cooperation], self.sentence_node(c.sentence.index))
            partners = [idx.iri(p) for p in c.partners]
            for p in partners:
                g.add((node, PAKRU.partner, p))
            for area, words in zip(c.areas, c.area_text):
                g.add((node, PAKRU.area, idx.iri(area)))
                g.add((node, PAKRU.areaText, en(words)))
            for a in partners:
                for b in partners:
                    if a != b:
                        g.add((a, PAKRU.cooperatesWith, b))

    def _quantities(self) -> None:
        g, idx = self.g, self.index
        for q in self.ex.quantities:
            node = ID[f"amount/{self.ex.doc_id}/{q.span.start}-{q.span.end}"]
            self.fact(node, [PAKRU.MonetaryAmount, SDO.MonetaryAmount], self.span(q.span, q.sentence.index))
            g.add((node, SDO.value, Literal(q.value, datatype=XSD.decimal)))
            g.add((node, SDO.currency, Literal(q.currency)))
            if q.lower_bound:
                g.add((node, SDO.minValue, Literal(q.value, datatype=XSD.decimal)))
            if q.year:
                g.add((node, PAKRU.referenceYear, time_literal(q.year)))
            if q.measure:
                g.add((node, PAKRU.measure, PAKRU[q.measure]))
            for p in q.parties:
                g.add((node, PAKRU.party, idx.iri(p)))
            g.add((node, RDFS.label, en(q.span.text)))

    def _claims(self) -> None:
        from kg.claims_rdf import add_claims  # the claims' own module (statements, stance)

        add_claims(self)


def _tail(iri: URIRef) -> str:
    return str(iri).rsplit("/", 1)[-1]


def _kind_words(kind: str) -> str:
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", kind).lower()
    return words[:1].upper() + words[1:]
