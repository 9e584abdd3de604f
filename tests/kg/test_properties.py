"""Property-based tests (hypothesis), with a fixed budget so that CI runs them the same way.

- Extraction on arbitrary Unicode text never crashes, and every offset it emits is valid:
  ``text[start:end] == span.text`` for sentences, mentions, event triggers and times,
  relations, amounts, claims, the writer's sentence and unlinked names.
- Binding arbitrary strings as query parameters never changes the parsed query's
  structure: ``initBindings`` leaves the algebra alone, and the ``VALUES`` row that
  :meth:`kg.queries.SavedQuery.inline` writes parses to exactly one literal equal to
  the string, in an algebra otherwise the same as with a harmless value.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Literal, Variable
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue

def budget(examples: int) -> settings:
    """A fixed, reproducible budget: the same examples on every run, no example database."""
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def registry():
    from kg.registry import load_registry

    return load_registry()


@pytest.fixture(scope="module")
def loaded_nlp():
    from kg.extract.pipeline import load_nlp

    return load_nlp()


WORDS = ["Pakistan", "Russia", "Moscow", "Islamabad", "the Kremlin", "SCO", "Putin", "visited", "signed",
         "an agreement", "should", "will", "$2.5 billion", "Rs 10 crore", "in 2018", "on 21 October 2018",
         "joined", "as an observer", "cooperation in energy", "The writer is a professor at NUST.",
         "Friendship 2018", "Pakistan Stream", ".", ",", "\n", "\n\n", "’s", "(", ")", "\u00a0", "e\u0301",
         "\ufb01", "\u0130", "ß", "\u2028", "\t", "Пакистан", "پاکستان", "🇵🇰"]
PROSE = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=40).map(" ".join)
TEXTS = st.one_of(st.text(max_size=300), PROSE)


def spans_of(ex):
    """Every span an extraction holds, named by where it comes from."""
    for s in ex.sentences:
        yield "sentence", s.span
    for m in ex.mentions:
        yield "mention", m.span
    for s in ex.unlinked:
        yield "unlinked", s
    for e in ex.events:
        yield "event sentence", e.sentence.span
        yield "event trigger", e.trigger
        if e.time is not None:
            yield "event time", e.time.span
    for r in [*ex.memberships, *ex.interests, *ex.cooperations]:
        yield type(r).__name__, r.sentence.span
    for q in ex.quantities:
        yield "amount", q.span
        yield "amount sentence", q.sentence.span
    for c in ex.claims:
        yield "claim", c.sentence.span
    if ex.author is not None:
        yield "author", ex.author.sentence.span


@budget(300)
@given(text=TEXTS)
def test_extraction_never_crashes_and_every_offset_is_valid(registry, loaded_nlp, text):
    from kg.extract.pipeline import extract

    ex = extract("prop", text, registry, nlp=loaded_nlp)
    for kind, span in spans_of(ex):
        assert 0 <= span.start <= span.end <= len(ex.text), (kind, span)
        assert ex.text[span.start:span.end] == span.text, (kind, span)


QUERY = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?s WHERE { ?s skos:prefLabel ?_name . FILTER(STR(?_name) != "") }"""
PLACEHOLDER = "placeholder"


def _values_rows(node, found):
    """Collect the rows of every VALUES clause (``res`` of a ``values`` node) in an algebra."""
    if isinstance(node, CompValue):
        if node.name == "values":
            found.extend(node.get("res") or [])
        for value in node.values():
            _values_rows(value, found)
    elif isinstance(node, (list, tuple)):
        for item in node:
            _values_rows(item, found)
    return found


def _masked(node) -> str:
    """The algebra as text, with the rows of every VALUES clause left out (compared apart)."""
    if isinstance(node, CompValue):
        if node.name == "values":
            return "values(<ROWS>)"
        return node.name + "(" + ",".join(f"{k}={_masked(v)}" for k, v in node.items()) + ")"
    if isinstance(node, dict):
        return "{" + ",".join(f"{_masked(k)}:{_masked(v)}" for k, v in node.items()) + "}"
    if isinstance(node, (list, tuple)):
        return "[" + ",".join(_masked(i) for i in node) + "]"
    if isinstance(node, (set, frozenset)):
        return "{" + ",".join(sorted(_masked(i) for i in node)) + "}"
    return repr(node)


@budget(150)
@given(s=st.text(max_size=60))
def test_init_bindings_never_change_the_query(s):
    query = prepareQuery(QUERY)
    before = _masked(query.algebra)
    from rdflib import Graph

    Graph().query(query, initBindings={"_name": Literal(s)})  # binding is by term, not text
    assert _masked(query.algebra) == before


class Case(tuple):
    """(saved query, its text parameter, reference algebra), shown briefly when a test fails."""

    def __new__(cls, *items):
        return super().__new__(cls, items)

    def __repr__(self) -> str:
        return f"<queries/{self[0].name}.rq, parameter {self[1].name!r}>"


@pytest.fixture(scope="module")
def saved_query():
    """A saved query with a free-text parameter (the catalogue's ``entity_by_name``)."""
    from kg.queries import Catalogue

    catalogue = Catalogue.load()
    query = next((q for q in catalogue.values()
                  if any(p.kind == "literal" and not p.datatype and not p.lang and not p.enumerate
                         for p in q.params)), None)
    if query is None:
        pytest.skip("no saved query takes a free-text parameter")
    param = next(p for p in query.params if p.kind == "literal" and not p.datatype and not p.lang and not p.enumerate)
    reference = translateQuery(parseQuery(query.inline({param.name: PLACEHOLDER})))
    rows = [{Variable(param.variable): Literal(PLACEHOLDER)}] * len(query.where)  # a row per SELECT listing it
    assert rows and _values_rows(reference.algebra, []) == rows
    return Case(query, param, _masked(reference.algebra))


@budget(60)  # rdflib parses the saved query in about 0.1 s
@given(s=st.text(max_size=60))
def test_inlined_parameter_is_one_literal_and_keeps_the_structure(saved_query, s):
    query, param, reference = saved_query
    text = query.inline({param.name: s})
    algebra = translateQuery(parseQuery(text)).algebra
    rows = _values_rows(algebra, [])
    assert len(rows) == len(query.where)
    assert all(row == {Variable(param.variable): Literal(s)} for row in rows)
    assert _masked(algebra) == reference


def sparql_literal(s: str) -> str:
    """``Literal(s).n3()`` with TAB escaped: rdflib's SPARQL parser (pyparsing) expands a raw
    TAB in the query text to spaces, so ``"a<TAB>b"`` would come back as ``"a        b"``
    (found by the property below; other SPARQL parsers read the raw TAB correctly)."""
    return Literal(s).n3().replace("\t", "\\t")


@budget(150)
@given(s=st.text(max_size=60))
def test_values_clause_from_n3_parses_to_the_same_literal(s):
    text = f"SELECT ?x WHERE {{ VALUES ?x {{ {sparql_literal(s)} }} }}"
    rows = _values_rows(translateQuery(parseQuery(text)).algebra, [])
    assert rows == [{Variable("x"): Literal(s)}]
