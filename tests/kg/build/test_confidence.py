"""The publishing threshold: events below --min-confidence (or [build] min_confidence in
kg.toml) are left out of the published graph; the article's date reaches extraction."""
from __future__ import annotations

import pytest
from rdflib import Dataset, Literal
from rdflib.namespace import RDF, XSD

from kg import workspace
from kg.build import BuildConfig, build
from kg.errors import InputError
from kg.namespaces import PAKRU

TEXT = "Russia and Pakistan held a joint military exercise near Moscow on Thursday.\n"


def _events(out) -> list:
    ds = Dataset(default_union=True)
    ds.parse(out / "kg.trig", format="trig")
    return list(ds.subjects(RDF.type, PAKRU.MilitaryExercise, unique=True))


def _config(tmp_path, name, **changes):
    docs = tmp_path / "documents"
    docs.mkdir(exist_ok=True)
    (docs / "drill.txt").write_text(TEXT, encoding="utf-8")
    (docs / "drill.yaml").write_text("date: 2021-09-25\n", encoding="utf-8")
    return BuildConfig.for_folders(docs, tmp_path / name, cache=False, check_owl=False, reason=False, **changes)


def test_min_confidence_leaves_out_events_below_it_and_the_date_resolves_times(tmp_path):
    build(_config(tmp_path, "all", min_confidence=0.0))
    (event,) = _events(tmp_path / "all")
    ds = Dataset(default_union=True)
    ds.parse(tmp_path / "all" / "kg.trig", format="trig")
    assert (event, PAKRU.date, Literal("2021-09-23", datatype=XSD.date)) in ds  # "on Thursday"
    (conf,) = ds.objects(event, PAKRU.confidence)
    assert conf.datatype == XSD.decimal and 0 <= float(conf) <= 1
    links = list(ds.objects(event, PAKRU.participation))
    assert links and all((link, RDF.type, PAKRU.Participation) in ds for link in links)
    build(_config(tmp_path, "none", min_confidence=1.0))
    assert _events(tmp_path / "none") == []
    with pytest.raises(InputError, match="from 0 to 1"):
        _config(tmp_path, "bad", min_confidence=1.5)


def test_kg_toml_sets_the_default_threshold(tmp_path):
    ws = workspace.init(tmp_path / "w")
    ws.config.write_text(ws.config.read_text(encoding="utf-8") + "\n[build]\nmin_confidence = 0.75\n",
                         encoding="utf-8")
    assert workspace.Workspace.load(ws.root).min_confidence == 0.75
    assert BuildConfig.for_workspace(workspace.Workspace.load(ws.root)).min_confidence == 0.75
    ws.config.write_text(ws.config.read_text(encoding="utf-8").replace("0.75", '"high"'), encoding="utf-8")
    with pytest.raises(InputError, match="min_confidence"):
        workspace.Workspace.load(ws.root)
