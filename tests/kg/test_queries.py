"""kg.queries: parsing saved queries, header errors, parameter binding, injection, RDF."""
from __future__ import annotations

import doctest
import re
from dataclasses import replace
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from rdflib import RDF, RDFS, XSD, BNode, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery

import kg.queries
from kg.errors import KGError, QueryError
from kg.namespaces import SDO, SH
from kg.queries import (QUERY_NS, TOKEN, BadParameter, Catalogue, MissingParameter, Param,
                        UnknownParameter, parse_file)

ROOT = Path(__file__).resolve().parents[2]
EVIL = 'x" } ; DROP ALL ; #'
GOOD = """#+ summary: Things by name
#+ tags:
#+   - test
#+ defaults:
#+   - name: Moscow
PREFIX ex: <http://example.org/>
SELECT ?thing ?_name WHERE {
  ?thing ex:name ?_name .
}
ORDER BY ?thing
"""


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / f"{name}.rq"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue.load()


@pytest.fixture()
def things(tmp_path) -> kg.queries.SavedQuery:
    return parse_file(write(tmp_path, "things", GOOD))


def tiny_store(*names: str) -> pyoxigraph.Store:
    """A store with one ex:name per given name (in a named graph, as the real data)."""
    store = pyoxigraph.Store()
    for i, name in enumerate(names):
        store.add(pyoxigraph.Quad(pyoxigraph.NamedNode(f"http://example.org/t{i}"),
                                  pyoxigraph.NamedNode("http://example.org/name"),
                                  pyoxigraph.Literal(name), pyoxigraph.NamedNode("http://example.org/g")))
    return store


# -- loading -----------------------------------------------------------------------------

def test_the_published_catalogue_loads_and_describes_every_query(catalogue):
    assert len(catalogue) >= 15
    for name, query in catalogue.items():
        assert query.name == name and query.path == ROOT / "queries" / f"{name}.rq"
        assert query.summary and query.description and query.tags, name
        assert query.query_type == "SELECT"
        assert query.uses_inference == (name == "class_counts")  # counts derived classes too
        assert "#+" not in query.body and query.body.lstrip().startswith("PREFIX")
        for p in query.params:
            assert "?" + p.variable in query.body


def test_every_saved_query_also_parses_in_rdflib(catalogue):
    """rdflib is the baseline store: the saved queries must be standard SPARQL 1.1."""
    for query in catalogue.values():
        prepareQuery(query.text)


@pytest.mark.parametrize("variable, expected", [
    ("_name", ("name", "literal", None, None, True)),
    ("__name", ("name", "literal", None, None, False)),
    ("_state_iri", ("state", "iri", None, None, True)),
    ("__since_gYear", ("since", "literal", str(XSD.gYear), None, False)),
    ("_amount_decimal", ("amount", "literal", str(XSD.decimal), None, True)),
    ("_day_date", ("day", "literal", str(XSD.date), None, True)),
    ("__label_en", ("label", "literal", None, "en", False)),
    ("_doc_id", ("doc_id", "literal", None, None, True)),  # "id" is no suffix grlc knows
    ("_iri", ("iri", "literal", None, None, True)),
])
def test_parameters_are_named_the_grlc_way(variable, expected):
    p = Param.from_variable(variable)
    assert (p.name, p.kind, p.datatype, p.lang, p.required) == expected
    assert p.variable == variable


def test_header_gives_summary_tags_defaults_enumerate_and_inference(tmp_path):
    query = parse_file(write(tmp_path, "q", """# a plain comment is allowed
#+ summary: Kinds
#+ description: >-
#+   Long text
#+   on two lines.
#+ tags: [one, two]
#+ inference: true
#+ enumerate:
#+   - kind:
#+     - pakru:Recommendation
#+     - https://w3id.org/pakru/ontology#Prediction
#+ defaults:
#+   - _kind_iri: pakru:Recommendation
SELECT ?c ?_kind_iri WHERE { ?c a ?_kind_iri } ORDER BY ?c
"""))
    assert (query.summary, query.description, query.tags) == ("Kinds", "Long text on two lines.", ("one", "two"))
    assert query.uses_inference
    (p,) = query.params
    assert p.enumerate == ("pakru:Recommendation", "https://w3id.org/pakru/ontology#Prediction")
    assert p.default == "pakru:Recommendation"
    assert query.bindings({}) == {"kind": URIRef("https://w3id.org/pakru/ontology#Recommendation")}
    assert query.bindings({"kind": "pakru:Prediction"})["kind"].endswith("#Prediction")


@pytest.mark.parametrize("text, line, message", [
    ("#+ tags: [x]\nSELECT ?s WHERE { ?s ?p ?o }\n", 1, "summary"),
    ("#+ summary: s\n#+ tags: [x\nSELECT ?s WHERE { ?s ?p ?o }\n", 2, "not valid YAML"),
    ("#+ summary: s\n#+ sumary: t\nSELECT ?s WHERE { ?s ?p ?o }\n", 2, "unknown header key 'sumary'"),
    ("#+ summary: s\nSELECT ?s WHERE { ?s ?p ?o }\n#+ tags: [x]\n", 3, "after the query"),
    ("#+ summary: s\n#+ defaults:\n#+   - nmae: 1\nSELECT ?s ?_name WHERE { ?s ?p ?_name }\n", 3,
     "no parameter 'nmae'"),
    ("#+ summary: s\n#+ enumerate:\n#+   - name: one\nSELECT ?s ?_name WHERE { ?s ?p ?_name }\n", 3,
     "list the values"),
    ("#+ summary: s\n#+ defaults:\n#+   - year: 20x5\nSELECT ?s ?_year_gYear WHERE { ?s ?p ?_year_gYear }\n", 3,
     "xsd:gYear such as 2005"),
    ("#+ summary: s\n#+ defaults:\n#+   - state: not an iri\nSELECT ?s ?_state_iri WHERE { ?s ?p ?_state_iri }\n", 3,
     "expects an IRI"),
    ("#+ summary: s\n#+ defaults:\n#+   - 3\nSELECT ?s ?_x WHERE { ?s ?p ?_x }\n", 2, "write '- name: value'"),
])
def test_header_errors_name_the_file_and_line(tmp_path, text, line, message):
    path = write(tmp_path, "broken", text)
    with pytest.raises(QueryError) as caught:
        parse_file(path)
    assert caught.value.path == str(path) and caught.value.line == line
    assert str(caught.value).startswith(f"{path}:{line}: ") and message in str(caught.value)


@pytest.mark.parametrize("body, line", [
    ("PREFIX ex: <http://example.org/>\nSELECT ?s WHERE {\n  ?s ex:p ?o\n  ?s ex:q ?o .\n}\n", 6),  # no "." on 5, seen on 6
    ("SELECT ?s WHERE {\n  ?s foo:p ?o .\n}\n", 4),  # unknown prefix
])
def test_sparql_syntax_error_names_file_line_and_column(tmp_path, body, line):
    path = write(tmp_path, "syntax", "#+ summary: s\n#+ tags: [x]\n" + body)
    with pytest.raises(QueryError) as caught:
        parse_file(path)
    assert caught.value.line == line and ", column " in caught.value.message
    assert str(caught.value).startswith(f"{path}:{line}: SPARQL syntax error")
    assert len(caught.value.message) < 300 and "\n" not in caught.value.message


def test_parameter_missing_from_select_is_refused(tmp_path):
    """pyoxigraph binds only projected variables; a forgotten one must fail at load, not at run."""
    path = write(tmp_path, "unprojected", "#+ summary: s\nSELECT ?s WHERE {\n  ?s ?p ?_name\n}\n")
    with pytest.raises(QueryError, match="list every") as caught:
        parse_file(path)
    assert caught.value.line == 3


def test_parameter_written_two_ways_is_refused(tmp_path):
    path = write(tmp_path, "twice", "#+ summary: s\nSELECT ?s ?_x ?_x_iri WHERE {\n ?s ?_x_iri ?_x }\n")
    with pytest.raises(QueryError, match="written two ways"):
        parse_file(path)


def test_one_broken_file_stops_the_catalogue_at_start_up(tmp_path):
    write(tmp_path, "good", GOOD)
    bad = write(tmp_path, "bad", "#+ summary: s\nSELECT ?s WHERE { ?s ?p }\n")
    with pytest.raises(QueryError) as caught:
        Catalogue.load(tmp_path)
    assert caught.value.path == str(bad)
    with pytest.raises(QueryError, match="does not exist"):
        Catalogue.load(tmp_path / "nowhere")


def test_comments_and_strings_do_not_count_as_parameters_or_where(tmp_path):
    query = parse_file(write(tmp_path, "tricky", """#+ summary: s
# WHERE { ?_commented }
PREFIX ex: <http://example.org/>
SELECT ?s ?_name ("WHERE { ?_quoted }" AS ?note) WHERE {
  ?s ex:name ?_name .
}
ORDER BY ?s
"""))
    assert [p.variable for p in query.params] == ["_name"]
    assert query.text[query.where[0] - 6:query.where[0] + 1] == "WHERE {"
    assert query.text.index("WHERE {\n  ?s") == query.where[0] - 6


def test_unknown_query_names_the_closest(catalogue):
    assert catalogue.closest("timline") == ["timeline"]
    with pytest.raises(QueryError, match="did you mean 'events'"):
        catalogue.get_or_raise("event")
    with pytest.raises(KGError, match="known: "):
        catalogue.get_or_raise("zzzzzz")
    assert catalogue.get_or_raise("timeline") is catalogue["timeline"]


# -- binding ---------------------------------------------------------------------------

def test_bindings_make_rdf_terms_with_defaults(catalogue, things):
    assert things.bindings({}) == {"name": Literal("Moscow")}
    assert things.bindings({"name": None}) == {"name": Literal("Moscow")}  # None: not given
    assert things.bindings({"_name": "Ufa"}) == {"name": Literal("Ufa")}  # variable name works too
    events = catalogue["events"]
    assert events.bindings({}) == {}  # every filter optional
    terms = events.bindings({"participant": "id:russia", "type": "https://w3id.org/pakru/ontology#Summit",
                             "since": "2005"})
    assert terms == {"participant": URIRef("https://w3id.org/pakru/id/russia"),
                     "type": URIRef("https://w3id.org/pakru/ontology#Summit"),
                     "since": Literal("2005", datatype=XSD.gYear)}
    assert terms["since"].n3() == '"2005"^^<http://www.w3.org/2001/XMLSchema#gYear>'


@pytest.mark.parametrize("values, error, message", [
    ({"nmae": "x"}, UnknownParameter, "did you mean 'name'"),
    ({"colour": "x"}, UnknownParameter, "has no parameter 'colour'"),
])
def test_unknown_parameters_are_refused(things, values, error, message):
    with pytest.raises(error, match=message):
        things.bindings(values)


def test_missing_required_parameter_says_what_is_expected(catalogue):
    query = catalogue["evidence"]
    without_default = replace(query, params=tuple(replace(p, default=None) for p in query.params))
    with pytest.raises(MissingParameter, match="needs parameter 'resource': an IRI such as"):
        without_default.bindings({})


@pytest.mark.parametrize("param, value", [
    ("participant", "pakistan"),  # no scheme, no known prefix
    ("participant", "https://w3id.org/pakru/id/a b"),
    ("participant", "http://x> } ; DROP ALL ; #"),
    ("participant", '"quoted"'),
    ("since", "05"),
    ("since", "2005-07"),
    ("since", EVIL),
    ("type", "pakru:Pipeline"),  # not one of the enumerated kinds of event
])
def test_bad_values_are_refused_with_what_is_expected(catalogue, param, value):
    with pytest.raises(BadParameter, match=f"parameter '{param}' of query 'events' expects"):
        catalogue["events"].bindings({param: value})


@pytest.mark.parametrize("suffix, good, bad", [
    ("integer", "42", "4.5"), ("decimal", "92000000.5", "92 million"), ("boolean", "true", "yes"),
    ("date", "2018-10-21", "2018-02-30"), ("gYearMonth", "2015-07", "2015-13"), ("gYear", "1948", "48"),
])
def test_typed_literals_are_checked(suffix, good, bad):
    p = Param.from_variable(f"_v_{suffix}")
    assert p.term(good) == Literal(good, datatype=XSD[suffix])
    with pytest.raises(BadParameter, match=f"xsd:{suffix}"):
        p.term(bad)


# -- values stay values: injection -------------------------------------------------------

def test_a_hostile_value_is_bound_as_one_literal(things):
    store = tiny_store("Moscow", EVIL)
    before = len(store)
    terms = things.bindings({"name": EVIL})
    assert terms == {"name": Literal(EVIL)}
    found = list(store.query(things.text, use_default_graph_as_union=True,
                             substitutions={pyoxigraph.Variable("_name"): pyoxigraph.Literal(EVIL)}))
    assert [row["thing"].value for row in found] == ["http://example.org/t1"]  # matched as a value
    assert len(store) == before  # nothing was dropped


def _shape(node, value):
    """The rdflib algebra as plain data, with the bound literal replaced by a placeholder."""
    if isinstance(node, Literal) and str(node) == value:
        return "<BOUND>"
    if isinstance(node, dict):
        return {k: _shape(v, value) for k, v in node.items() if k != "_vars"} | {"@": getattr(node, "name", "")}
    if isinstance(node, (list, tuple)):
        return [_shape(v, value) for v in node]
    if isinstance(node, (set, frozenset)):
        return sorted(repr(_shape(v, value)) for v in node)
    return repr(node)


def test_inline_escapes_a_hostile_value_and_the_query_keeps_its_shape(things):
    plain, hostile = things.inline({"name": "Moscow"}), things.inline({"name": EVIL})
    assert '"x\\" } ; DROP ALL ; #"' in hostile  # n3() escaped the quote
    # the parsed algebra is the same but for the bound value
    shape = [_shape(translateQuery(parseQuery(t)).algebra, v) for t, v in ((plain, "Moscow"), (hostile, EVIL))]
    assert shape[0] == shape[1]
    values = re.search(r"VALUES \(\?_name\) \{ \((.*)\) \}", hostile).group(1)
    assert rdflib.util.from_n3(values) == Literal(EVIL)
    # the lexer sees the same tokens, the hostile text inside one string token
    kinds = [[m.lastgroup for m in TOKEN.finditer(t)] for t in (plain, hostile)]
    assert kinds[0] == kinds[1]
    strings = [m.group() for m in TOKEN.finditer(hostile) if m.lastgroup == "string"]
    assert strings == ['"x\\" } ; DROP ALL ; #"']
    # and a store runs it as a value: one match, nothing dropped
    store = tiny_store("Moscow", EVIL)
    rows = list(store.query(hostile, use_default_graph_as_union=True))
    assert [r["thing"].value for r in rows] == ["http://example.org/t1"] and len(store) == 2


@pytest.mark.parametrize("value", ["a\tb", "line\nbreak\r", "back\\slash", "bell\b\f", "'single'", "é ✓ 𝄞"])
def test_inline_keeps_any_text_exactly(things, value):
    """Control characters and quotes come back from the parsers as they went in."""
    text = things.inline({"name": value})
    assert "\t" not in text.split("VALUES", 1)[1].split("}")[0]  # written as an escape, not raw
    rows = _values_rows(translateQuery(parseQuery(text)).algebra)
    assert rows == [Literal(value)]
    store = tiny_store(value)
    assert [r["thing"].value for r in store.query(text, use_default_graph_as_union=True)] == ["http://example.org/t0"]


def _values_rows(node) -> list:
    """The values of every VALUES row in an rdflib algebra."""
    if isinstance(node, dict):
        found = [v for row in node.get("res", []) for v in row.values()] if getattr(node, "name", "") == "values" else []
        return found + [x for v in node.values() for x in _values_rows(v)]
    if isinstance(node, (list, tuple)):
        return [x for v in node for x in _values_rows(v)]
    return []


def test_a_hostile_iri_never_reaches_the_text(catalogue):
    with pytest.raises(BadParameter):
        catalogue["evidence"].inline({"resource": "http://x/> } ; DROP ALL ; #"})
    with pytest.raises(BadParameter):
        catalogue["evidence"].inline({"resource": "id:x>"})


def test_inline_opens_every_where_group_that_lists_the_parameters_with_one_values_row(catalogue, things):
    events = catalogue["events"]
    text = events.inline({"participant": "id:russia", "until": "1991"})
    row = ('VALUES (?__participant_iri ?__type_iri ?__since_gYear ?__until_gYear) '
           '{ (<https://w3id.org/pakru/id/russia> UNDEF UNDEF "1991"^^<http://www.w3.org/2001/XMLSchema#gYear>) }')
    selects = len(re.findall(r"SELECT[^{]*\?__participant_iri[^{]*WHERE \{", events.text))
    assert selects == 3  # the main query, the rows with their lists, the page of events
    assert text.count("VALUES (") == text.count(row) == selects
    for at in [m.start() for m in re.finditer(re.escape(row), text)]:
        assert text[:at].rstrip().endswith("WHERE {")
    assert text.index(row) < text.index("?event a pakru:Event")
    assert catalogue["class_counts"].inline({}) == catalogue["class_counts"].text  # no parameters, no pages
    assert things.inline({}) == things.text.replace("WHERE {", 'WHERE {\n  VALUES (?_name) { ("Moscow") }', 1)


def test_a_page_is_a_limit_and_offset(catalogue, tmp_path):
    timeline = catalogue["timeline"]
    assert timeline.page_size == 100 and [p.name for p in timeline.inputs] == ["page"]
    # the page's LIMIT/OFFSET is written by the catalogue, not in the file (whose only LIMIT
    # bounds the class-rank subquery, for Virtuoso)
    assert "# page" in timeline.text and "OFFSET" not in timeline.text
    assert not re.search(r"LIMIT 100\b", timeline.text)
    first, third = timeline.inline({}), timeline.inline({"page": "3"})
    assert "LIMIT 100 OFFSET 0" in first and "LIMIT 100 OFFSET 200" in third and "# page" not in third
    assert first.index("LIMIT 100") < first.rindex("ORDER BY")  # inside the subquery that selects the page
    plain = parse_file(write(tmp_path, "paged", GOOD.replace("#+ tags:", "#+ pagination: 2\n#+ tags:")))
    assert plain.inline({"page": "2"}).rstrip().endswith("ORDER BY ?thing\nLIMIT 2 OFFSET 2")
    store = tiny_store("Moscow", "Moscow", "Moscow")
    pages = [[r["thing"].value for r in store.query(plain.inline({"page": n}), use_default_graph_as_union=True)]
             for n in ("1", "2", "3")]
    assert pages == [["http://example.org/t0", "http://example.org/t1"], ["http://example.org/t2"], []]
    for bad in ("0", "-1", "two", "1.5", ""):
        with pytest.raises(BadParameter, match="page number"):
            plain.inline({"page": bad})
    with pytest.raises(UnknownParameter, match="not paginated"):
        parse_file(write(tmp_path, "unpaged", GOOD)).inline({"page": "2"})


@pytest.mark.parametrize("header, body, message", [
    ("#+ pagination: 0\n", "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s\n", "whole number from 1"),
    ("#+ pagination: ten\n", "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s\n", "whole number from 1"),
    ("#+ pagination: 10\n", "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 5\n", "without LIMIT"),
    ("", "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s  # page\n", "add '#+ pagination"),
    ("#+ pagination: 10\n", "SELECT ?s ?_page WHERE { ?s ?p ?_page } ORDER BY ?s\n", "'page' is the page number"),
])
def test_pagination_errors_say_what_to_fix(tmp_path, header, body, message):
    with pytest.raises(QueryError, match=re.escape(message)):
        parse_file(write(tmp_path, "paging", "#+ summary: s\n" + header + body))


def test_the_view_header_names_how_pages_show_the_answer(tmp_path, catalogue):
    assert catalogue["event_dates"].view == "timeline" and catalogue["places_map"].view == "map"
    assert catalogue["network"].view == "graph" and catalogue["claims"].view == "table"  # the default
    with pytest.raises(QueryError, match="view: one of table, timeline, map, graph, not 'chart'") as info:
        parse_file(write(tmp_path, "viewed", "#+ summary: s\n#+ view: chart\nSELECT ?s WHERE { ?s ?p ?o }\n"))
    assert info.value.line == 2
    with pytest.raises(QueryError, match="ASK queries have no rows"):
        parse_file(write(tmp_path, "asked", "#+ summary: s\n#+ view: map\nASK { ?s ?p ?o }\n"))


# -- the catalogue as RDF ------------------------------------------------------------------

def test_to_rdf_publishes_each_query_as_a_sparql_executable(catalogue):
    graph = catalogue.to_rdf()
    assert not any(isinstance(t, BNode) for triple in graph for t in triple)
    for name, query in catalogue.items():
        node = URIRef(QUERY_NS + name)
        assert set(graph.objects(node, RDF.type)) == {SH.SPARQLExecutable, SH.SPARQLSelectExecutable}
        assert graph.value(node, RDFS.label) == Literal(query.summary, lang="en")
        assert graph.value(node, RDFS.comment) == Literal(query.description, lang="en")
        assert {str(k) for k in graph.objects(node, SDO.keywords)} == set(query.tags)
        assert graph.value(node, SDO.target) == URIRef("https://w3id.org/pakru/sparql")
        select = str(graph.value(node, SH.select))
        assert select == query.body and "#+" not in select
        pyoxigraph.Store().query(select)  # the published text runs as it is
    assert graph.serialize(format="turtle") == catalogue.to_rdf().serialize(format="turtle")  # deterministic


def test_to_rdf_names_the_query_form(tmp_path):
    write(tmp_path, "asking", "#+ summary: a\nASK WHERE { ?s ?p ?o }\n")
    write(tmp_path, "building", "#+ summary: b\nCONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }\n")
    catalogue = Catalogue.load(tmp_path)
    assert (catalogue["asking"].query_type, catalogue["building"].query_type) == ("ASK", "CONSTRUCT")
    graph = catalogue.to_rdf()
    assert (URIRef(QUERY_NS + "asking"), RDF.type, SH.SPARQLAskExecutable) in graph
    assert graph.value(URIRef(QUERY_NS + "building"), SH.construct) is not None


# -- documentation -------------------------------------------------------------------------

def test_docstring_examples_run():
    import kg.params

    assert doctest.testmod(kg.queries).failed == 0
    assert doctest.testmod(kg.params).failed == 0 and doctest.testmod(kg.params).attempted >= 3


def test_queries_readme_lists_every_query_and_parameter(catalogue):
    readme = (ROOT / "queries" / "README.md").read_text(encoding="utf-8")
    for name, query in catalogue.items():
        assert f"`{name}`" in readme, name
        for p in query.params:
            assert f"`{p.name}`" in readme, f"{name}: {p.name}"


def test_queries_readme_python_example_runs(monkeypatch, capsys):
    readme = (ROOT / "queries" / "README.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```python\n(.*?)```", readme, re.S)
    monkeypatch.chdir(ROOT)
    exec(compile(example, "queries/README.md", "exec"), {})
    assert "observer status at the SCO in 2005" in capsys.readouterr().out
