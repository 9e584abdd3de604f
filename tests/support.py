"""Helpers the tests import (``from support import ...``; pytest puts tests/ on sys.path)."""
from __future__ import annotations

import contextlib
from pathlib import Path

from kg.extract.model import Sentence, Span
from kg.server.launch import oxigraph_binary, oxigraph_serving  # noqa: F401  (the tests import them from here)

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = ROOT / "data" / "documents"
PUBLISHED = ROOT / "data" / "kg.trig"
ARTIFACTS = ROOT / "tests" / "artifacts"  # the browser tests' screenshots
# Saved queries whose defaults may match nothing on the three shipped articles, and why.
# Every other saved query must answer there; these are checked on data made for them.
EMPTY_ON_PUBLISHED = {
    "disagreements": "the shipped articles hold no two opposite statements about the same entities; "
                     "tests/kg/test_claims_rdf.py runs it on two articles that do",
}


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listened on a moment ago: for a server a test
    starts there, or as a closed port (nothing listens once this returns)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def repo_config(out: Path, documents: Path = DOCUMENTS, **changes):
    """A :class:`kg.build.BuildConfig` of ``documents`` (default: the repository's
    articles, with the repository's cache) into ``out``."""
    from kg.build import BuildConfig

    return BuildConfig.for_folders(documents, out, **changes)


def extract_unthresholded(doc_id: str, text: str, registry, **kwargs):
    """``kg.extract.pipeline.extract`` before the publishing threshold: every event the rules
    and the learned decisions find, whatever its confidence.  The tests of extraction rules
    use it, so that what they check does not hang on the shipped threshold."""
    from kg.extract.pipeline import extract

    kwargs.setdefault("min_confidence", 0.0)
    return extract(doc_id, text, registry, **kwargs)


def only_token(doc, text: str):
    """The one token of ``doc`` that reads ``text`` (a test's sentence names it once)."""
    [tok] = [t for t in doc if t.text == text]
    return tok


def make_sentences(doc) -> list[Sentence]:
    """Sentence records from ``doc.sents``, surrounding blanks trimmed off."""
    out: list[Sentence] = []
    for sent in doc.sents:
        raw = doc.text[sent.start_char:sent.end_char]
        if not raw.strip():
            continue
        start = sent.start_char + len(raw) - len(raw.lstrip())
        end = start + len(raw.strip())
        out.append(Sentence(len(out), Span(start, end, doc.text[start:end])))
    return out


def read_document(prefix: str) -> str:
    """The text of the article in data/documents whose file name starts with ``prefix``."""
    (path,) = DOCUMENTS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


class Probe:
    """An HTTP server on 127.0.0.1 that records every request it gets (for tests that a
    query makes no request elsewhere).  ``with Probe() as p:`` gives ``p.url`` and ``p.hits``."""

    def __init__(self):
        import http.server
        import threading

        hits = self.hits = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def _any(self):
                hits.append((self.command, self.path))
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.end_headers()
                self.wfile.write(b'{"head":{"vars":[]},"results":{"bindings":[{}]}}')

            do_GET = do_POST = do_PUT = do_HEAD = _any

            def log_message(self, *args):
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> "Probe":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()


def fetch(url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None,
          timeout: float = 60):
    """(status, headers, body) of one HTTP request; error statuses are answers too."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def browser_missing() -> str | None:
    """Why the browser tests cannot run here (selenium, Debian's ``chromium`` or
    ``chromium-driver`` missing), or None; in CI they must run, so there it raises."""
    import os
    import shutil

    try:
        import selenium  # noqa: F401
    except ImportError:
        why = "selenium is not installed (pip install -e '.[test]')"
    else:
        why = next((f"{binary} is not installed (apt-get install chromium chromium-driver, or scripts/setup.sh)"
                    for binary in ("chromium", "chromedriver") if shutil.which(binary) is None), None)
    if why is not None and os.environ.get("CI"):
        raise RuntimeError(f"the browser tests must run in CI: {why}")
    return why


@contextlib.contextmanager
def chromium(profile: Path, javascript: bool = True):
    """A headless Chromium driven by selenium, its profile in the folder ``profile``,
    keeping the page's console log (``driver.get_log("browser")``); ``javascript=False``
    turns scripts off.  Quit on leaving."""
    import shutil

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1280,1600", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=shutil.which("chromedriver")))
    driver.set_page_load_timeout(30)
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()
