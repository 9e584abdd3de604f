"""kg.server.formats: SELECT answers written by pyoxigraph, and their rows counted
from the bytes for the server's result limit."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.server import formats

TRICKY = ('SELECT ?a ?b WHERE { VALUES (?a ?b) { ("x\\",{\\"y" <urn:a>) ("a\\r\\nb" UNDEF) ("{}" "<result>") '
          '(UNDEF UNDEF) ("é,\\"" 3) } }')


@pytest.fixture(scope="module")
def store():
    s = ox.Store()
    s.add(ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal("line\nbreak, \"quoted\""),
                  ox.NamedNode("urn:g")))
    for i in range(40):
        s.add(ox.Quad(ox.NamedNode(f"urn:s{i}"), ox.NamedNode("urn:p"), ox.Literal(i), ox.NamedNode("urn:g")))
    return s


@pytest.mark.parametrize("media_type", list(formats.NATIVE))
@pytest.mark.parametrize("text", [TRICKY, "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }",
                                  "SELECT ?x WHERE { OPTIONAL { ?x <urn:none> ?y } }"])
def test_rows_are_counted_exactly_past_the_limit(store, media_type, text):
    rows = len(list(store.query(text)))
    body = formats.write_solutions(store.query(text), media_type)
    assert formats.rows_beyond(body, media_type, 0) == rows
    assert formats.rows_beyond(body, media_type, rows) == 0
    assert formats.rows_beyond(body, media_type, rows - 1) == rows


def test_csv_lines_end_in_crlf_and_quote_what_needs_it(store):
    body = formats.write_solutions(store.query("SELECT ?o WHERE { GRAPH ?g { <urn:s> ?p ?o } }"), formats.CSV.media_type)
    assert body == b'o\r\n"line\nbreak, ""quoted"""\r\n'
