"""kg/build: the stages compose over one BuildConfig, and the per-article work goes
through the executor the caller passes in (a real build of a small corpus)."""
from __future__ import annotations

import shutil

from kg.build import BuildConfig, LocalExecutor, build
from kg.build.read import read
from support import ROOT

ARTICLE = ROOT / "tests" / "data" / "articles" / "energy_partnership.txt"


class RecordingExecutor(LocalExecutor):
    """The local executor, noting what it was asked to do."""

    def __init__(self):
        super().__init__(jobs=1)
        self.calls: list[tuple[str, list[str]]] = []

    def extract(self, items, registry, registries, on_done=None, keep=True):
        self.calls.append(("extract", [item[0] for item in items]))
        return super().extract(items, registry, registries, on_done, keep)

    def make_blocks(self, tasks, work):
        self.calls.append(("blocks", [task[0] for task in tasks]))
        return super().make_blocks(tasks, work)


def test_the_build_runs_its_per_article_work_on_the_given_executor(tmp_path):
    docs = tmp_path / "documents"
    docs.mkdir()
    shutil.copy(ARTICLE, docs / "energy.txt")
    config = BuildConfig.for_folders(docs, tmp_path / "out", cache=tmp_path / "cache", check_owl=False, reason=False)
    executor = RecordingExecutor()
    report = build(config, executor=executor)
    assert executor.calls == [("extract", ["energy"]), ("blocks", ["energy"])]
    assert report.documents == ["energy"] and report.checks["shapes"] == "conforms" and report.ok
    again = RecordingExecutor()
    build(config.replace(out=tmp_path / "again"), executor=again)  # everything comes from the cache
    assert again.calls == [("extract", []), ("blocks", [])]
    for name in ("kg.trig", "kg.ttl"):
        assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "again" / name).read_bytes()


def test_the_read_stage_returns_the_checked_inputs(tmp_path):
    docs = tmp_path / "documents"
    docs.mkdir()
    shutil.copy(ARTICLE, docs / "energy.txt")
    seconds: dict = {}
    inputs = read(BuildConfig.for_folders(docs, tmp_path / "out"), seconds)
    assert [d.id for d in inputs.docs] == ["energy"] and inputs.registries == (ROOT / "data" / "registry",)
    assert inputs.registry.lookup("the Kremlin").id == "russia" and len(inputs.ontology) > 100
    assert inputs.schema == (ROOT / "ontology" / "pakru.ttl").read_bytes() + (ROOT / "ontology" / "shapes.ttl").read_bytes()
    assert seconds["read"] > 0
