"""The facade methods the server's pages use (search, article, describe, sentence offsets),
content negotiation, and the highlighting of annotated text."""
from __future__ import annotations

import pytest
from rdflib import URIRef

from kg import KnowledgeGraph
from kg.articles import Annotation
from kg.errors import QueryError
from kg.lookup import NotFound
from kg.server import formats, markup

RUSSIA = "https://w3id.org/pakru/id/russia"
DOC = "https://w3id.org/pakru/doc/000_0b13b1b12f328222"


@pytest.fixture(scope="module")
def graph():
    return KnowledgeGraph.open()


def test_search_finds_entities_by_any_name(graph):
    hits = graph.search("russian federation")
    assert hits[0].iri == RUSSIA and hits[0].label == "Russia"
    moscow = graph.search("Moscow")
    assert [m.iri for m in moscow[:2]] == ["https://w3id.org/pakru/id/moscow", RUSSIA]  # the city, then the metonym
    assert all("tapi" in m.name.lower() for m in graph.search("TAPI"))
    assert graph.search("  ") == [] and graph.search("no such name at all") == []
    assert len(graph.search("a", limit=3)) == 3
    assert graph.search('x" } ; DROP ALL #') == []  # bound as a literal, never pasted


def test_article_text_and_annotations(graph):
    doc = graph.article("000_0b13b1b12f328222")
    assert doc.iri == DOC and doc.identifier == "000_0b13b1b12f328222" and len(doc.text) > 1000
    assert graph.article("doc:000_0b13b1b12f328222").text == graph.article(DOC).text == doc.text
    kinds = {a.kind for a in doc.annotations}
    assert {"mention", "event", "claim", "relation"} <= kinds
    for a in doc.annotations:
        assert doc.text[a.start:a.end] == a.quote and a.label
    assert [(a.start, -a.end) for a in doc.annotations] == sorted((a.start, -a.end) for a in doc.annotations)
    first = next(a for a in doc.annotations if a.kind == "mention")
    assert (first.start, first.end, first.kind, first.target) == (17, 25, "mention", "https://w3id.org/pakru/id/pakistan")
    claims = [a for a in doc.annotations if a.kind == "claim"]
    kinds = {"Recommendation", "Assessment", "Prediction", "Commitment", "Denial", "ReportOfFact"}
    assert claims and {a.label for a in claims} <= kinds  # every claim, the writer's or a speaker's, by its kind
    assert "Commitment" in {a.label for a in claims}  # "... expressed a keen interest in ...": attributed
    with pytest.raises(NotFound, match="no article"):
        graph.article("no_such_document")
    with pytest.raises(QueryError, match="not an IRI"):
        graph.article("bad id with spaces")


def test_describe_gives_both_directions(graph):
    g = graph.describe("id:russia")
    russia = URIRef(RUSSIA)
    assert len(list(g.triples((russia, None, None)))) > 10 and len(list(g.triples((None, None, russia)))) > 10
    assert all(russia in (s, o) for s, _, o in g)
    assert dict(g.namespaces())["pakru"] == URIRef("https://w3id.org/pakru/ontology#")
    assert len(graph.describe("https://w3id.org/pakru/id/nothing-here")) == 0


def test_mentions_know_where_their_sentence_starts(graph):
    for ev in graph.entity("id:russia").evidence:
        assert markup.highlight(ev.sentence, ev.sentence_start, ev.start, ev.end)[1] == ev.text
    event = graph.evidence("https://w3id.org/pakru/id/event/militaryexercise/pakistan-russia/2018-10-21")
    assert all(ev.sentence_start == ev.start and ev.sentence == ev.text for ev in event)


def test_negotiation():
    assert formats.negotiate("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                             formats.RESULTS) is formats.HTML  # a browser
    assert formats.negotiate(None, formats.RESULTS) is formats.SPARQL_JSON
    assert formats.negotiate("application/json", formats.GRAPH) is formats.JSONLD
    assert formats.negotiate("text/*;q=0.2, application/n-triples", formats.GRAPH) is formats.NTRIPLES
    assert formats.negotiate("application/rdf+xml;q=0", formats.GRAPH) is None
    assert formats.negotiate("text/csv", formats.GRAPH, ["nonsense", "nt"]) is formats.NTRIPLES
    assert formats.negotiate("text/csv", formats.GRAPH, ["nonsense"]) is None


def _ann(start, end, kind="mention", target=RUSSIA, text=""):
    return Annotation(start, end, text, kind, target, "x")


def test_highlighted_text_nests_spans_and_keeps_the_quotes():
    text = "Russia met Pakistan. Then <b>more</b>."
    spans = [_ann(0, 20, "event", "https://w3id.org/pakru/id/event/e"), _ann(0, 6), _ann(11, 19),
             _ann(11, 19, "claim", "https://w3id.org/pakru/id/claim/c"), _ann(15, 25)]  # the last crosses the first
    html = str(markup.render(markup.tree(text, spans)))
    assert html.startswith('<mark id="char=0,20" class="event" title="event: x"><mark id="char=0,6"')
    assert '<mark id="char=11,19" class="claim mention"' in html and 'id="char=15,25"' not in html
    assert "&lt;b&gt;more&lt;/b&gt;" in html  # the text is escaped
    assert '<sup class="refs">[<a href="/id/event/e"' in html  # after the sentence, outside its mark
    import re
    plain = re.sub(r"<sup.*?</sup>|<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">")
    assert plain == text


def test_local_links():
    assert markup.local(RUSSIA) == "/id/russia"
    assert markup.local(DOC) == "/doc/000_0b13b1b12f328222"
    assert markup.local("https://w3id.org/pakru/ontology#State") == "/ontology#State"
    assert markup.local("http://www.wikidata.org/entity/Q159") == "http://www.wikidata.org/entity/Q159"
    assert markup.anchor(DOC, 26, 32) == "/doc/000_0b13b1b12f328222#char=26,32"
