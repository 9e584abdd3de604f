"""The extraction cache: incremental builds give the same bytes as clean ones."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kg.build import build
from support import ROOT, repo_config
from kg.cache import ExtractionCache, content_key, from_json, pipeline_fingerprint, to_json
from kg.extract.pipeline import extract, model_fingerprint
from kg.registry import load_registry

ARTICLE = ROOT / "tests" / "data" / "articles" / "energy_partnership.txt"
REAL = "004_640bcc7791f640ba"


def test_pipeline_fingerprint_equals_the_model_fingerprint_without_loading_spacy():
    assert pipeline_fingerprint() == model_fingerprint()


def test_the_source_fingerprint_hashes_the_extraction_code_and_its_weights():
    """Regression: read through importlib.resources, kg.extract (then without __init__.py)
    gave no folder, so the fingerprint hashed no file and code changes kept stale caches."""
    import hashlib

    from kg.cache import source_fingerprint
    from kg.workspace import package_files

    folder = package_files("extract")
    names = {p.name for p in folder.iterdir()}
    assert {"pipeline.py", "events.py", "statements.py", "decisions.json"} <= names
    assert source_fingerprint() != hashlib.sha256().hexdigest()[:16]  # not the hash of nothing


def test_an_extraction_survives_the_json_round_trip(tmp_path):
    registry = load_registry()
    ex = extract("x", ARTICLE.read_text(encoding="utf-8"), registry)
    assert ex.events and ex.quantities and ex.claims and ex.new_entities
    data = json.loads(json.dumps(to_json(ex)))
    assert from_json(data) == ex
    cache = ExtractionCache(tmp_path)
    cache.put("k" * 64, ex)
    assert cache.get("k" * 64) == ex
    assert cache.get("0" * 64) is None
    assert ExtractionCache(None).get("k" * 64) is None


def test_the_key_covers_text_metadata_registry_and_pipeline():
    base = content_key("a", "text", {"title": "T"}, "reg", "pipe")
    assert base == content_key("a", "text", {"title": "T"}, "reg", "pipe")
    others = [content_key("b", "text", {"title": "T"}, "reg", "pipe"),
              content_key("a", "text.", {"title": "T"}, "reg", "pipe"),
              content_key("a", "text", {"title": "U"}, "reg", "pipe"),
              content_key("a", "text", {"title": "T"}, "reg2", "pipe"),
              content_key("a", "text", {"title": "T"}, "reg", "pipe2")]
    assert base not in others and len(set(others)) == len(others)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    return _workspace(tmp_path_factory.mktemp("incremental"))


def _workspace(root: Path) -> Path:
    docs = root / "documents"
    docs.mkdir()
    shutil.copy(ROOT / "data" / "documents" / f"{REAL}.txt", docs)
    shutil.copy(ARTICLE, docs / "energy.txt")
    (docs / "energy.yaml").write_text("title: Energy partnership\ndate: 2024-03-15\n", encoding="utf-8")
    shutil.copytree(ROOT / "data" / "registry", root / "registry")
    return root


def _build(root: Path, out: str, cache: bool = True):
    return build(repo_config(root / out, root / "documents", registries=root / "registry",
                             formats=("trig", "ttl"), check_owl=False, reason=False, jobs=1,
                             cache=root / "cache" if cache else False))


def _same(root: Path, a: str, b: str) -> None:
    for name in ("kg.trig", "kg.ttl"):
        assert (root / a / name).read_bytes() == (root / b / name).read_bytes(), name


def test_incremental_builds_equal_clean_builds(workspace):
    root = workspace
    first = _build(root, "inc")
    assert first.extracted == [REAL, "energy"] and first.reused == []
    manifest = json.loads((root / "cache" / "manifest.json").read_text())
    assert sorted(manifest["articles"]) == [REAL, "energy"]

    again = _build(root, "inc")
    assert again.extracted == [] and again.reused == [REAL, "energy"]
    assert first.blocks_made == [REAL, "energy"] and again.blocks_made == []
    _build(root, "clean", cache=False)
    _same(root, "inc", "clean")

    # edit one article: only it is extracted again
    path = root / "documents" / "energy.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("$1 billion", "$2 billion"), encoding="utf-8")
    edited = _build(root, "inc")
    assert edited.extracted == ["energy"] and edited.changed == ["energy"]
    assert edited.blocks_made == ["energy"]  # the other article's graph is read from the block cache
    _build(root, "clean", cache=False)
    _same(root, "inc", "clean")
    assert "$2 billion" in (root / "inc" / "kg.trig").read_text(encoding="utf-8")

    # metadata alone changes the key too
    (root / "documents" / "energy.yaml").write_text("title: Energy partnership, revised\n", encoding="utf-8")
    assert _build(root, "inc").extracted == ["energy"]

    # remove one: its named graph disappears, nothing is extracted
    (root / "documents" / "energy.txt").unlink()
    (root / "documents" / "energy.yaml").unlink()
    removed = _build(root, "inc")
    assert removed.extracted == [] and removed.removed == ["energy"]
    assert "graph/doc/energy>" not in (root / "inc" / "kg.trig").read_text(encoding="utf-8")
    _build(root, "clean", cache=False)
    _same(root, "inc", "clean")

    # change the registry: every article is extracted again
    people = root / "registry" / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # layout only: same fingerprint
    assert _build(root, "inc").extracted == []
    states = root / "registry" / "states.yaml"
    old = "aliases: [Russian Federation, Russian federation]"
    assert old in states.read_text(encoding="utf-8")
    states.write_text(states.read_text(encoding="utf-8").replace(old, old[:-1] + ", Rossiya]"), encoding="utf-8")
    changed = _build(root, "inc")
    assert changed.extracted == [REAL]
    _build(root, "clean", cache=False)
    _same(root, "inc", "clean")


def test_blocks_made_in_two_processes_equal_blocks_made_in_one(tmp_path):
    root = _workspace(tmp_path)
    two = build(repo_config(root / "two", root / "documents", registries=root / "registry",
                            formats=("trig", "ttl"), check_owl=False, reason=False, jobs=2, cache=root / "cache-two"))
    assert len(two.blocks_made) == len(two.documents) >= 2
    _build(root, "one", cache=False)
    _same(root, "two", "one")
