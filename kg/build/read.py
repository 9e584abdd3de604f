"""Stage 1, read: the registry layers, the ontology, the shapes and the articles.

Any error stops the build here, before anything is written."""
from __future__ import annotations

import time
from dataclasses import dataclass

from rdflib import Graph

from kg.build.config import BuildConfig
from kg.corpus import Document


@dataclass
class Inputs:
    """What a build reads, checked."""

    registry: object  # kg.registry.Registry
    registries: tuple  # the folders it was read from, in layers (workers read them again)
    ontology: Graph
    shapes: Graph
    docs: list[Document]
    schema: bytes  # the ontology and shapes files' bytes, for fingerprints
    min_confidence: float | None = None  # events below it are not published (None: the shipped default)


def read(config: BuildConfig, seconds: dict[str, float]) -> Inputs:
    """Read and check every input of ``config``; time it in ``seconds["read"]``."""
    from kg.corpus import read_corpus
    from kg.ontology import load_ontology, load_shapes
    from kg.registry import load_registry

    t = time.perf_counter()
    registry = load_registry(config.registries)
    ontology = load_ontology(config.ontology)
    shapes = load_shapes(config.shapes)  # fail early on broken shapes
    docs = read_corpus(config.documents, config.max_bytes)
    seconds["read"] = time.perf_counter() - t
    return Inputs(registry, config.registries, ontology, shapes, docs, config.ontology.read_bytes() + config.shapes.read_bytes(),
                  config.min_confidence)
