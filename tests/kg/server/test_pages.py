"""The pages of `kg serve`, driven in a real headless Chromium with JavaScript turned off.

An analyst's path: find an entity by name, follow one of its mentions into the article
(the marked words there must be the evidence quote), follow an event's sentence, and
run a saved query from its form.  A screenshot of each page goes to tests/artifacts/.
Needs Debian's `chromium` and `chromium-driver` (scripts/setup.sh installs them) and
selenium (the `test` extra); without them the tests are skipped, except in CI.
"""
from __future__ import annotations

import re
import urllib.parse
import urllib.request

import pytest

from kg import KnowledgeGraph
from support import ARTIFACTS, browser_missing, chromium
from kg.server.launch import running

RUSSIA = "https://w3id.org/pakru/id/russia"
PAGES = ["/", "/id/russia", "/doc/000_0b13b1b12f328222", "/timeline", "/search?q=moscow", "/queries",
         "/queries/events", "/sparql", "/ontology", "/id/no-such-thing"]


if (why := browser_missing()) is not None:
    pytest.skip(why, allow_module_level=True)

from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    with running(log=tmp_path_factory.mktemp("serve") / "server.log") as base:
        yield base


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with chromium(tmp_path_factory.mktemp("chromium-profile"), javascript=False) as driver:
        yield driver


def shoot(browser, name: str) -> None:
    browser.save_screenshot(str(ARTIFACTS / f"{name}.png"))


def wait_for(browser, css: str):
    return WebDriverWait(browser, 15).until(lambda d: d.find_element(By.CSS_SELECTOR, css))


def test_from_an_entity_to_the_highlighted_mention_in_its_article(url, browser):
    browser.get(url + "/search?q=Russian+Federation")
    shoot(browser, "search")
    browser.find_element(By.CSS_SELECTOR, "ol.matches li a").click()
    assert wait_for(browser, "h1").text == "Russia"
    assert browser.current_url == url + "/id/russia"
    shoot(browser, "entity")
    mention = browser.find_elements(By.CSS_SELECTOR, "#mentions li.mention")[0]
    quote = mention.find_element(By.CSS_SELECTOR, "blockquote mark").text
    link = mention.find_element(By.CSS_SELECTOR, "a.in-article")
    start, end = map(int, re.search(r"#char=(\d+),(\d+)$", link.get_attribute("href")).groups())
    link.click()
    target = wait_for(browser, f'mark[id="char={start},{end}"]')
    assert urllib.parse.urlsplit(browser.current_url).path.startswith("/doc/")
    shoot(browser, "article")
    evidence = [e for e in KnowledgeGraph.open().evidence(RUSSIA) if (e.start, e.end) == (start, end)]
    assert evidence and target.text == quote == evidence[0].text == "Russia"
    assert target.value_of_css_property("background-color") == "rgba(255, 183, 3, 1)"  # it is the :target
    assert target.find_element(By.TAG_NAME, "a").get_attribute("href") == url + "/id/russia"


def test_an_event_sentence_is_highlighted_whole(url, browser):
    browser.get(url + "/timeline?kind=MilitaryExercise")
    shoot(browser, "timeline")
    item = next(li for li in browser.find_elements(By.CSS_SELECTOR, "ol.timeline li.event")
                if li.find_element(By.TAG_NAME, "time").text == "2018-10-21")
    sentence = item.find_element(By.CSS_SELECTOR, "blockquote mark").text
    assert "October 21 to November 4, 2018" in sentence
    item.find_element(By.CSS_SELECTOR, "p.source a").click()
    start, end = map(int, re.search(r"#char=(\d+),(\d+)$", browser.current_url).groups())
    target = wait_for(browser, f'mark[id="char={start},{end}"]')
    assert target.text == sentence and "event" in target.get_attribute("class")
    assert target.find_elements(By.CSS_SELECTOR, "mark.mention")  # names marked inside it


def test_run_a_saved_query_from_its_form(url, browser):
    browser.get(url + "/queries")
    browser.find_element(By.LINK_TEXT, "events").click()
    form = wait_for(browser, "form.query-form")
    form.find_element(By.NAME, "participant").send_keys("id:russia")
    Select(form.find_element(By.NAME, "type")).select_by_visible_text("pakru:MilitaryExercise")
    form.find_element(By.NAME, "since").send_keys("2018")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    # the form without values already shows an answer: wait for the table of the page the
    # form asked for (the old page's nodes may vanish under the lookup: try again then)
    def answered(d):
        return "since=2018" in d.current_url and d.find_element(By.CSS_SELECTOR, "#answer table.results")

    table = WebDriverWait(browser, 15, ignored_exceptions=(WebDriverException,)).until(answered)
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(browser.current_url).query)
    assert query["participant"] == ["id:russia"] and query["type"] == ["pakru:MilitaryExercise"]
    shoot(browser, "saved-query")
    headers = [th.get_attribute("textContent") for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
    rows = [[td.get_attribute("textContent") for td in tr.find_elements(By.TAG_NAME, "td")]
            for tr in table.find_elements(By.CSS_SELECTOR, "tbody tr")]
    dates = {row[headers.index("startDate")].split()[0] for row in rows}
    assert "2018-10-21" in dates and all(d >= "2018" for d in dates)
    browser.get(url + "/queries/events?since=last+year")  # the form's own pattern would not send it
    assert "expects an xsd:gYear" in wait_for(browser, "p.error").text
    assert browser.find_element(By.NAME, "since").get_attribute("value") == "last year"


@pytest.mark.parametrize("path", PAGES)
def test_pages_run_no_inline_script_and_load_nothing_from_elsewhere(url, browser, path):
    request = urllib.request.Request(url + path, headers={"Accept": "text/html"})
    try:
        html = urllib.request.urlopen(request, timeout=30).read().decode()
    except urllib.error.HTTPError as exc:
        assert exc.code == 404 and path == "/id/no-such-thing"
        html = exc.read().decode()
    # scripts (the charts) only from this server's /static, none inline, no inline handlers:
    # the pages work under a Content-Security-Policy of script-src 'self'
    for attrs, body in re.findall(r"<script\b([^>]*)>(.*?)</script>", html, flags=re.I | re.S):
        assert re.search(r'\bsrc="/static/[^"]+\.js"', attrs) and not body.strip(), (path, attrs)
    assert not re.search(r"<[^>]+\son[a-z]+=", html, flags=re.I), path
    for tag, attr, value in re.findall(r"<(link|img|iframe|source|video|audio|embed|object)\b[^>]*?\b(href|src|data)=\"([^\"]*)\"",
                                       html, flags=re.I):
        assert value.startswith("/") or value.startswith("?"), (path, tag, value)
    assert "<main>" in html and "<h1>" in html and '<html lang="en">' in html
    browser.get(url + path)
    wait_for(browser, "main h1")
    shoot(browser, "page-" + (re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"))


def test_the_stylesheet_loads_nothing_from_elsewhere(url):
    css = urllib.request.urlopen(url + "/static/style.css", timeout=10).read().decode()
    assert "@import" not in css and "url(" not in css
