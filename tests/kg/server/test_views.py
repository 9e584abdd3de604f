"""The charts of `kg serve` (kg/server/views.py, static/views/*.js), in a real headless Chromium.

For each view (the timeline, the relation network, the map): it renders, it draws one mark
per row of its saved query (fetched here independently, as SPARQL JSON), and a click leads
to a page where the sentence behind the mark is highlighted.  The server sends a
Content-Security-Policy without 'unsafe-eval' or inline script, so a chart that needed
either would fail here; the browser's console must stay free of errors.
Needs Debian's `chromium` and `chromium-driver` and selenium, as tests/kg/server/test_pages.py.
"""
from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
from markupsafe import escape

from support import ARTIFACTS, browser_missing, chromium
from kg.server.launch import running
from kg.server.render import readable


def test_properties_are_named_by_their_labels():
    assert readable("https://w3id.org/pakru/ontology#participatedIn") == "participated in"
    assert readable("http://www.w3.org/2004/02/skos/core#altLabel") == "also called"
    assert readable("http://example.org/ns#wasFirstSeenIn") == "was first seen in"  # no label: its words


browser_tests = pytest.mark.skipif((why := browser_missing()) is not None, reason=why or "")


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    with running(log=tmp_path_factory.mktemp("serve") / "server.log") as base:
        yield base


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as driver:
        yield driver


def rows_of(url: str, name: str, **params: str) -> list[dict]:
    """The rows of a saved query as SPARQL JSON bindings, straight from the server."""
    query = urllib.parse.urlencode({**params, "format": "json"})
    with urllib.request.urlopen(f"{url}/queries/{name}?{query}", timeout=30) as answer:
        return json.load(answer)["results"]["bindings"]


def rendered(browser, css: str):
    """Wait until the chart in ``css`` has been drawn; fail with its message if it could not be."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    figure = WebDriverWait(browser, 30).until(
        lambda d: next((f for f in d.find_elements(By.CSS_SELECTOR, css)
                        if f.get_attribute("data-state") in ("rendered", "error")), None))
    assert figure.get_attribute("data-state") == "rendered", figure.find_element(By.CSS_SELECTOR, ".kg-status").text
    return figure


def marks(figure, name: str) -> list:
    from selenium.webdriver.common.by import By

    return figure.find_elements(By.CSS_SELECTOR, f"svg g.role-mark.{name} > path")


def console_errors(browser) -> list[str]:
    """Errors the page logged (a CSP violation is one), except a missing favicon."""
    return [e["message"] for e in browser.get_log("browser")
            if e["level"] == "SEVERE" and "favicon.ico" not in e["message"]]


# Where a real click hits an SVG shape: the first point halfway between its centre and its
# outline (a point of a line lies on the line) where the shape itself is the topmost element,
# in viewport coordinates.
VISIBLE_POINT = """
const el = arguments[0], box = el.getBoundingClientRect(), cx = box.x + box.width / 2, cy = box.y + box.height / 2;
const length = el.getTotalLength(), ctm = el.getScreenCTM();
for (const f of [0, 0.5, 0.25, 0.75, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9, 0.05, 0.95]) {
  const p = el.getPointAtLength(length * f);
  const x = (ctm.a * p.x + ctm.c * p.y + ctm.e + cx) / 2, y = (ctm.b * p.x + ctm.d * p.y + ctm.f + cy) / 2;
  if (document.elementFromPoint(x, y) === el) return [x, y];
}
return null;
"""


def click(browser, element, kinds=("mouseMoved", "mousePressed", "mouseReleased")) -> None:
    """A real mouse click (Chromium's input events) on a visible point of an SVG mark."""
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    point = browser.execute_script(VISIBLE_POINT, element)
    assert point is not None, f"no visible point on {element.get_attribute('aria-label')}"
    x, y = point
    for kind in kinds:
        browser.execute_cdp_cmd("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left",
                                                             "clickCount": 0 if kind == "mouseMoved" else 1})


def lands_on_the_sentence(browser, sentence: str | None = None) -> str:
    """After following an evidence link: the article page with the quoted sentence marked."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 15).until(lambda d: "#char=" in d.current_url)
    start, end = re.search(r"#char=(\d+),(\d+)$", browser.current_url).groups()
    target = WebDriverWait(browser, 15).until(lambda d: d.find_element(By.CSS_SELECTOR, f'mark[id="char={start},{end}"]'))
    assert urllib.parse.urlsplit(browser.current_url).path.startswith("/doc/")
    if sentence is not None:
        assert target.text == sentence
    return target.text


@browser_tests
def test_the_timeline_draws_one_bar_per_event_and_leads_to_its_sentence(url, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(url + "/timeline")
    figure = rendered(browser, "#timeline-chart")
    rows = rows_of(url, "event_dates")
    bars = marks(figure, "events")
    assert len(bars) == len(rows) == int(figure.get_attribute("data-marks")) >= 10
    with urllib.request.urlopen(url + "/timeline", timeout=30) as answer:  # the policy the page ran under
        policy = answer.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "'unsafe" not in policy
    # honest about precision: a year-only event is a band over its whole year, a dated one is thin
    by_label = {b.get_attribute("aria-label") or "": b for b in bars}
    assert by_label  # Vega writes each mark's tooltip into its aria-label
    year = next(b for label, b in by_label.items() if "Military exercise: Pakistan, Russia (2016)" in label)
    day = next(b for label, b in by_label.items() if "(1948-05-01)" in label)
    assert year.rect["width"] > 2.5 * day.rect["width"]  # a year on a 70-year axis vs one day (drawn 4 px)
    browser.save_screenshot(str(ARTIFACTS / "view-timeline.png"))
    click(browser, year, kinds=("mouseMoved",))  # hovering names it
    hover = WebDriverWait(browser, 10).until(lambda d: figure.find_element(By.CSS_SELECTOR, ".kg-hover").text)
    assert hover == "Military exercise: Pakistan, Russia (2016)"
    click(browser, year)  # clicking opens the event's page with its sentence
    WebDriverWait(browser, 15).until(lambda d: urllib.parse.urlsplit(d.current_url).path.startswith("/id/event/"))
    assert browser.current_url.endswith("/id/event/militaryexercise/pakistan-russia/2016")
    quote = browser.find_element(By.CSS_SELECTOR, "#evidence blockquote mark").text
    assert "2016" in quote
    browser.find_element(By.CSS_SELECTOR, "#evidence a.in-article").click()
    assert quote in lands_on_the_sentence(browser)
    assert not console_errors(browser)


@browser_tests
def test_the_timeline_filters_by_participant_kind_and_period(url, browser):
    browser.get(url + "/timeline?participant=Russia&kind=MilitaryExercise&since=2016&until=2017")
    figure = rendered(browser, "#timeline-chart")
    rows = rows_of(url, "event_dates", participant="id:russia", type="pakru:MilitaryExercise",
                   since="2016", until="2017")
    assert len(marks(figure, "events")) == len(rows) == 2


@browser_tests
def test_the_network_draws_one_line_per_relation_and_an_edge_lists_its_evidence(url, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(url + "/network")
    figure = rendered(browser, "#network")
    rows = rows_of(url, "network")
    edges = marks(figure, "edges")
    assert len(edges) == len(rows) == int(figure.get_attribute("data-marks"))
    nodes = {r[end]["value"] for r in rows for end in ("source", "target")}
    assert len(marks(figure, "nodes")) == len(nodes)
    browser.save_screenshot(str(ARTIFACTS / "view-network.png"))
    # the thickest lines are the pairs most articles support (Pakistan and Russia, 3 articles);
    # they are drawn on top, but two relations of one pair lie on one another: click one on top
    thickest = sorted(edges, key=lambda e: -float(e.get_attribute("stroke-width")))
    edge = next(e for e in thickest if browser.execute_script(VISIBLE_POINT, e) is not None)
    label = edge.get_attribute("aria-label")  # "Pakistan – Russia: same event (3 articles)"
    row = next(r for r in rows if label == f"{r['sourceLabel']['value']} – {r['targetLabel']['value']}: "
               f"{r['relation']['value']} ({r['articles']['value']} articles)")
    assert int(row["articles"]["value"]) == max(int(r["articles"]["value"]) for r in rows) == 3
    click(browser, edge)
    heading = WebDriverWait(browser, 15).until(lambda d: d.find_element(By.CSS_SELECTOR, "#network .kg-details h3"))
    assert heading.text == "Evidence: " + label
    links = figure.find_elements(By.CSS_SELECTOR, ".kg-details a.kg-sentence")
    evidence = rows_of(url, "relation_evidence", source=row["source"]["value"], target=row["target"]["value"])
    assert len(links) == len(evidence) >= 3
    assert links[0].text in {e["sentence"]["value"] for e in evidence if e["relation"] == row["relation"]}
    sentence = links[0].text
    links[0].click()
    lands_on_the_sentence(browser, sentence)
    assert not console_errors(browser)


@browser_tests
def test_the_network_filters_by_kind_and_period(url, browser):
    from selenium.webdriver.common.by import By

    browser.get(url + "/network")
    figure = rendered(browser, "#network")
    rows = rows_of(url, "network")
    figure.find_element(By.CSS_SELECTOR, "input[name=relation][value=statement]").click()
    figure.find_element(By.CSS_SELECTOR, "input[name=kind][value=Person]").click()
    kept = [r for r in rows if r["relation"]["value"] != "statement"
            and "Person" not in (r["sourceKind"]["value"], r["targetKind"]["value"])]
    assert 0 < len(kept) < len(rows)
    figure = rendered(browser, '#network[data-marks="%d"]' % len(kept))
    assert len(marks(figure, "edges")) == len(kept)
    since = figure.find_element(By.CSS_SELECTOR, "input[name=since]")
    since.send_keys("2010")
    browser.execute_script("arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", since)
    dated = [r for r in kept if "to" in r and int(r["to"]["value"]) >= 2010]
    figure = rendered(browser, '#network[data-marks="%d"]' % len(dated))
    assert 0 < len(marks(figure, "edges")) == len(dated) < len(kept)


@browser_tests
def test_the_map_draws_one_circle_per_place_and_a_place_lists_its_events(url, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(url + "/map")
    figure = rendered(browser, "#map")
    rows = rows_of(url, "places_map")
    circles = marks(figure, "places")
    assert len(circles) == len(rows) == int(figure.get_attribute("data-marks")) >= 20
    assert figure.find_elements(By.CSS_SELECTOR, "svg g.mark-shape > path")  # the world outline, shipped
    browser.save_screenshot(str(ARTIFACTS / "view-map.png"))
    ufa = next(c for c in circles if (c.get_attribute("aria-label") or "").startswith("Ufa"))
    click(browser, ufa)
    heading = WebDriverWait(browser, 15).until(lambda d: d.find_element(By.CSS_SELECTOR, "#map .kg-details h3"))
    assert heading.text.startswith("Events in Ufa")
    links = figure.find_elements(By.CSS_SELECTOR, ".kg-details a.kg-sentence")
    assert len(links) == len(rows_of(url, "event_places", place="id:ufa")) > 0
    sentence = links[0].text
    assert "UFA" in sentence or "Ufa" in sentence
    links[0].click()
    lands_on_the_sentence(browser, sentence)
    assert not console_errors(browser)


@browser_tests
def test_an_entity_page_has_its_timeline_network_and_readable_properties(url, browser):
    from selenium.webdriver.common.by import By

    browser.get(url + "/id/russia")
    timeline = rendered(browser, "#entity-timeline")
    assert len(marks(timeline, "events")) == len(rows_of(url, "event_dates", participant="id:russia")) > 0
    network = rendered(browser, "#entity-network")
    assert len(marks(network, "edges")) == len(rows_of(url, "network", entity="id:russia")) > 0
    prop = browser.find_element(By.CSS_SELECTOR, '#facts span.prop[title="pakru:participatedIn"]')
    assert prop.text == "participated in"
    assert len(prop.find_elements(By.XPATH, "ancestor::tr//a")) > 10  # grouped: one row, every event
    assert not console_errors(browser)


@browser_tests
def test_a_saved_query_names_its_view_and_any_answer_can_be_shown_other_ways(url, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(url + "/queries/event_dates")  # '#+ view: timeline'
    figure = rendered(browser, ".kg-answer figure.kg-view")
    assert len(marks(figure, "events")) == len(rows_of(url, "event_dates"))
    buttons = {b.text: b for b in browser.find_elements(By.CSS_SELECTOR, ".kg-view-buttons button")}
    assert buttons["Timeline"].get_attribute("aria-pressed") == "true"
    assert not buttons["Map"].is_enabled()  # no coordinates in this answer
    buttons["Table"].click()
    assert browser.find_element(By.CSS_SELECTOR, "#answer .table-wrap").is_displayed()
    assert not figure.is_displayed()
    # any SPARQL answer with a geo:wktLiteral column can be a map
    text = ("PREFIX geo: <http://www.opengis.net/ont/geosparql#>\n"
            "SELECT ?place ?wkt WHERE { ?place geo:hasGeometry/geo:asWKT ?wkt } ORDER BY ?place")
    browser.get(url + "/sparql?" + urllib.parse.urlencode({"query": text}))
    WebDriverWait(browser, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".kg-view-buttons button"))
    buttons = {b.text: b for b in browser.find_elements(By.CSS_SELECTOR, ".kg-view-buttons button")}
    assert buttons["Map"].is_enabled() and not buttons["Timeline"].is_enabled()
    buttons["Map"].click()
    figure = rendered(browser, ".kg-answer figure.kg-view")
    rows = len(browser.find_elements(By.CSS_SELECTOR, "#answer table.results tbody tr"))
    assert len(marks(figure, "places")) == rows >= 20
    assert not console_errors(browser)


def test_the_timeline_lists_one_page_of_the_events_query(url):
    """Under the chart, /timeline lists the events of the first page of the saved query
    events (so the page stays fast and small on any graph), each once, with its sentences."""
    request = urllib.request.Request(url + "/timeline?participant=Russia", headers={"Accept": "text/html"})
    html = urllib.request.urlopen(request, timeout=30).read().decode()
    rows = rows_of(url, "events", participant="id:russia")
    events = {r["event"]["value"] for r in rows}
    assert 0 < html.count('<li class="event">') == len(events)
    assert all(str(escape(r["sentence"]["value"])) in html for r in rows if "sentence" in r)
    request = urllib.request.Request(url + "/timeline?participant=Nobody", headers={"Accept": "text/html"})
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=30)
    assert info.value.code == 400 and "nothing in the graph is named" in info.value.read().decode()


@pytest.mark.parametrize("path", ["/timeline", "/queries/event_dates?format=json", "/static/vendor/vega.min.js"])
def test_answers_are_gzipped_for_those_that_accept_it_and_cached_whole_for_all(url, path):
    """Repeated requests (the answer cache) give each client the body it can read."""
    import gzip

    def get(encoding: str | None) -> tuple[str | None, bytes]:
        headers = {"Accept": "text/html"} | ({"Accept-Encoding": encoding} if encoding else {})
        with urllib.request.urlopen(urllib.request.Request(url + path, headers=headers), timeout=30) as answer:
            return answer.headers.get("Content-Encoding"), answer.read()

    plain = get(None)
    assert plain[0] is None
    for encoding in ("gzip", "gzip", None, "gzip", None):
        got_encoding, body = get(encoding)
        assert got_encoding == (encoding if encoding else None)
        assert (gzip.decompress(body) if got_encoding else body) == plain[1]
    assert len(get("gzip")[1]) < len(plain[1]) / 2
