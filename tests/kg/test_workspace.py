"""kg/workspace.py: shipped files, finding the workspace, kg init, and what commands do
inside and outside a workspace (real commands, real files)."""
from __future__ import annotations

import hashlib

import pytest

from kg import workspace
from kg.build import BuildConfig
from kg.cli import main
from kg.errors import InputError, RegistryError
from kg.registry import load_registry
from support import ROOT

EXTRA = """\
- id: thar-coal-field
  type: Project
  label: Thar coal field
  aliases: [Thar coalfield]
  description: Coal field in Sindh.
"""


@pytest.fixture
def outside(tmp_path, monkeypatch):
    """An empty folder outside any workspace, as the current folder."""
    monkeypatch.delenv(workspace.ENV, raising=False)
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    monkeypatch.chdir(folder)
    assert workspace.find() is None
    return folder


def _digests(folder) -> dict:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and ".cache" not in p.parts}


def test_shipped_files_are_the_repository_files_in_a_checkout():
    assert workspace.source_root() == ROOT
    assert workspace.shipped("ontology") == ROOT / "ontology"
    assert workspace.shipped("registry") == ROOT / "data" / "registry"
    assert workspace.shipped("kg.trig") == ROOT / "data" / "kg.trig"
    assert (workspace.shipped("queries") / "timeline.rq").is_file()
    with pytest.raises(KeyError, match="choose from"):
        workspace.shipped("documents")


def test_the_repository_is_a_workspace():
    ws = workspace.find(cwd=ROOT / "kg" / "commands")
    assert ws.root == ROOT and ws.graph == ROOT / "data" / "kg.trig"
    assert ws.documents == ROOT / "data" / "documents" and ws.gold == ROOT / "tests" / "gold"
    assert ws.registries() == (ROOT / "data" / "registry",)  # the shipped registry, read once


def test_init_makes_a_workspace_and_refuses_to_make_it_twice(tmp_path):
    ws = workspace.init(tmp_path / "w")
    for folder in ("documents", "registry", "published", ".cache"):
        assert (tmp_path / "w" / folder).is_dir()
    assert ws.graph == tmp_path / "w" / "published" / "kg.trig"
    assert workspace.find(cwd=tmp_path / "w" / "documents") == ws
    with pytest.raises(InputError, match="already a workspace"):
        workspace.init(tmp_path / "w")


def test_root_then_kg_home_then_the_nearest_kg_toml(tmp_path, monkeypatch):
    a, b, c = (workspace.init(tmp_path / name) for name in "abc")
    monkeypatch.chdir(c.documents)
    monkeypatch.setenv(workspace.ENV, str(b.root))
    assert workspace.find(a.root) == a
    assert workspace.find() == b
    monkeypatch.delenv(workspace.ENV)
    assert workspace.find() == c
    with pytest.raises(InputError, match="kg init"):
        workspace.find(tmp_path)  # --root without kg.toml


def test_a_broken_kg_toml_is_an_input_error_naming_the_file(tmp_path, outside, capsys):
    ws = workspace.init(tmp_path / "w")
    ws.config.write_text("[paths\n", encoding="utf-8")
    assert main(["--root", str(ws.root), "build"]) == 2
    assert "kg.toml" in capsys.readouterr().err
    ws.config.write_text('[paths]\ndocs = "x"\n', encoding="utf-8")
    with pytest.raises(InputError, match="unknown key"):
        workspace.Workspace.load(ws.root)


@pytest.mark.parametrize("command", [["build"], ["add", "article.txt"], ["remove", "a_0000000000000000"]])
def test_writing_commands_outside_a_workspace_exit_2_naming_kg_init(outside, capsys, command):
    (outside / "article.txt").write_text("Russia and Pakistan met in Moscow.\n", encoding="utf-8")
    shipped = _digests(ROOT / "data")
    assert main(command) == 2
    err = capsys.readouterr().err
    assert "kg init" in err and "workspace" in err
    assert sorted(p.name for p in outside.iterdir()) == ["article.txt"]
    assert _digests(ROOT / "data") == shipped


def test_reading_commands_outside_a_workspace_use_the_shipped_graph(outside, capsys):
    assert main(["query", "run", "timeline", "--format", "csv"]) == 0
    assert "Establishment of relations: Pakistan, Russia (1948-05-01)" in capsys.readouterr().out
    assert list(outside.iterdir()) == []


def test_eval_without_gold_says_how_to_give_it(outside, capsys):
    assert main(["eval"]) == 2
    assert "--gold" in capsys.readouterr().err


def test_the_workspace_registry_is_layered_over_the_shipped_one(tmp_path):
    ws = workspace.init(tmp_path / "w")
    (ws.registry / "extra.yaml").write_text(EXTRA, encoding="utf-8")
    assert ws.registries() == (ROOT / "data" / "registry", ws.registry)
    registry = load_registry(ws.registries())
    assert registry.lookup("Thar coalfield").id == "thar-coal-field"
    assert registry.lookup("the Kremlin").id == "russia"
    (ws.registry / "twice.yaml").write_text(EXTRA.replace("thar-coal-field", "cpec"), encoding="utf-8")
    with pytest.raises(RegistryError, match="duplicate id 'cpec'") as caught:
        load_registry(ws.registries())
    assert "projects.yaml" in str(caught.value) and "twice.yaml" in str(caught.value)


def test_the_build_configuration_comes_from_kg_toml_and_the_options(tmp_path):
    ws = workspace.init(tmp_path / "w")
    config = BuildConfig.for_workspace(ws)
    assert (config.documents, config.out, config.cache) == (ws.documents, ws.published, ws.cache)
    assert config.registries == (ROOT / "data" / "registry", ws.registry)
    other = BuildConfig.for_workspace(ws, documents=tmp_path / "docs", jobs=2, check_owl=False)
    assert other.cache == tmp_path / ".cache" and other.workers == 2 and not other.check_owl
    assert BuildConfig.for_workspace(ws, cache=False).cache is None
    with pytest.raises(InputError, match="rdfxml"):
        BuildConfig.for_workspace(ws, formats=("trig", "rdfxml"))
