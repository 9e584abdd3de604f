"""Every page template rendered over a graph full of hostile values stays inert.

The published graph is copied with markup appended to every label, headline, name,
description and article text, a ``javascript:`` source URL on every article, and facts
whose values are ``javascript:`` and ``data:`` IRIs; `kg serve` then serves that copy.
Each template (home, resource, article, timeline, search, saved-query catalogue and
form, SPARQL page, ontology, error) is fetched, and none may carry a script, an event
handler in markup, or a link to a non-web scheme.  Then headless Chromium, with
JavaScript on, opens them and must see no alert.
"""
from __future__ import annotations

import re
import urllib.parse
from html.parser import HTMLParser

import pyoxigraph as ox
import pytest

from kg.server.launch import running
from kg.workspace import graph_file
from support import ROOT, browser_missing, chromium, fetch

PAYLOAD = '"><script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a>'
BAD_IRIS = ("javascript:alert(document.domain)", "data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==",
            "JaVaScRiPt:alert(5)")
TEXT_PROPERTIES = ("http://www.w3.org/2004/02/skos/core#prefLabel", "http://www.w3.org/2004/02/skos/core#altLabel",
                   "http://www.w3.org/2000/01/rdf-schema#label", "https://schema.org/headline",
                   "https://schema.org/name", "https://schema.org/text", "http://purl.org/dc/terms/description",
                   "http://www.w3.org/2004/02/skos/core#definition", "http://www.w3.org/2000/01/rdf-schema#comment")
ACTIVE_TAGS = {"script", "img", "iframe", "object", "embed", "svg", "math", "base", "frame", "meta"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href"}


class Elements(HTMLParser):
    """Every element and attribute of a page, as a browser's tokenizer sees them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, {k: v or "" for k, v in attrs}))


def problems(body: bytes) -> list[str]:
    """What in a page could run script: script-capable elements (besides the page's own
    charset/viewport meta and its chart scripts from /static), event-handler attributes,
    links to non-web schemes."""
    parser = Elements()
    parser.feed(body.decode("utf-8"))
    out = []
    for tag, attrs in parser.found:
        if tag == "script" and set(attrs) == {"src", "defer"} and re.fullmatch(r"/static/[\w/.-]+\.js", attrs["src"]):
            continue  # the charts' own scripts (kg/server/static), the only ones a page may load
        if tag in ACTIVE_TAGS and not (tag == "meta" and set(attrs) <= {"charset", "name", "content"}
                                       and attrs.get("name", "viewport") == "viewport"):
            out.append(f"<{tag} {attrs}>")
        out += [f"<{tag} {name}=...>" for name in attrs if name.startswith("on")]
        for name in URL_ATTRIBUTES & set(attrs):
            value = re.sub(r"[\x00-\x20]", "", attrs[name]).lower()
            if ":" in value.split("/", 1)[0] and not value.startswith(("http:", "https:")):
                out.append(f"<{tag} {name}={attrs[name]!r}>")
    return out


def hostile_copy(path) -> None:
    store = ox.Store()
    store.load(path=str(graph_file(ROOT)), format=ox.RdfFormat.TRIG)
    payload = PAYLOAD.replace("\\", "\\\\").replace('"', '\\"')
    for prop in TEXT_PROPERTIES:
        store.update(f"""
            DELETE {{ GRAPH ?g {{ ?s <{prop}> ?l }} }} INSERT {{ GRAPH ?g {{ ?s <{prop}> ?h }} }}
            WHERE {{ GRAPH ?g {{ ?s <{prop}> ?l }} FILTER(isLiteral(?l))
                    BIND(IF(LANG(?l) = "", CONCAT(STR(?l), " {payload}"),
                            STRLANG(CONCAT(STR(?l), " {payload}"), LANG(?l))) AS ?h) }}""")
    bad = " ".join(f"<{iri}>" for iri in BAD_IRIS)
    store.update(f"""
        PREFIX schema: <https://schema.org/>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        INSERT {{ GRAPH ?g {{ ?d schema:url "{BAD_IRIS[0]}"^^xsd:anyURI }} }}
        WHERE {{ GRAPH ?g {{ ?d a schema:Article }} }};
        INSERT DATA {{ GRAPH <https://w3id.org/pakru/graph/registry> {{
            <https://w3id.org/pakru/id/russia> <https://w3id.org/pakru/ontology#partner> {bad.replace(" ", " , ")} ;
                <https://schema.org/sameAs> "{BAD_IRIS[0]}" .
            <{BAD_IRIS[0]}> <https://w3id.org/pakru/ontology#partner> <https://w3id.org/pakru/id/russia> .
        }} }}""")
    store.dump(str(path), format=ox.RdfFormat.TRIG)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    where = tmp_path_factory.mktemp("hostile")
    hostile_copy(where / "kg.trig")
    with running("--source", str(where / "kg.trig"), log=where / "server.log") as url:
        yield url


def pages() -> list[str]:
    q = urllib.parse.quote
    select = ("PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?s ?l ?x WHERE { "
              "?s skos:prefLabel ?l . BIND(IRI(\"javascript:alert(6)\") AS ?x) } LIMIT 20")
    return ["/", "/id/russia", "/doc/000_0b13b1b12f328222", "/timeline", "/timeline?participant=" + q(PAYLOAD),
            "/search?q=moscow", "/search?q=" + q(PAYLOAD), "/queries", "/queries/events",
            "/queries/events?participant=" + q(PAYLOAD), "/queries/events?participant=id:russia",
            "/sparql", "/sparql?query=" + q(select), "/sparql?query=" + q(PAYLOAD), "/ontology",
            "/id/" + q(PAYLOAD), "/doc/" + q(PAYLOAD)]


@pytest.mark.parametrize("path", pages())
def test_hostile_values_render_inert(hostile, path):
    code, headers, body = fetch(hostile + path, headers={"Accept": "text/html"})
    assert code in (200, 400, 404), body[:500]
    assert headers["Content-Type"].startswith("text/html")
    assert problems(body) == []


def test_the_checker_sees_what_would_run():
    assert problems(b'<a href=" JavaScript:alert(1)">x</a><p onclick="x">y</p><script>1</script>') == [
        "<a href=' JavaScript:alert(1)'>", "<p onclick=...>", "<script {}>"]
    assert problems(b'<a href="/id/x" title="&lt;script&gt; onerror=alert(2)">x</a>') == []


def test_the_hostile_values_were_really_shown(hostile):
    """The copy is hostile where the pages look: the payload is on them, escaped."""
    for path in ("/id/russia", "/doc/000_0b13b1b12f328222", "/timeline", "/search?q=moscow"):
        body = fetch(hostile + path, headers={"Accept": "text/html"})[2]
        assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in body, path
    article = fetch(hostile + "/doc/000_0b13b1b12f328222", headers={"Accept": "text/html"})[2]
    assert BAD_IRIS[0].encode() in article  # the source URL is shown as text, not linked
    resource = fetch(hostile + "/id/russia", headers={"Accept": "text/html"})[2]
    assert b"JaVaScRiPt:alert(5)" in resource


@pytest.mark.skipif((why := browser_missing()) is not None, reason=why or "")
def test_no_script_runs_in_a_browser(hostile, tmp_path):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    with chromium(tmp_path / "profile") as driver:
        for path in pages():
            driver.get(hostile + path)
            with pytest.raises(NoAlertPresentException):
                driver.switch_to.alert.text  # an alert would mean a script ran
            for link in driver.find_elements(By.CSS_SELECTOR, "a[href]"):
                href = link.get_attribute("href") or ""
                assert href.startswith(("http://", "https://")), (path, href)
