"""Stage 6, publish: every output file, written atomically (TriG and Turtle stream the
article blocks), and the header that fingerprints what the files were made from."""
from __future__ import annotations

import hashlib
from pathlib import Path

from rdflib import Graph, URIRef

from kg.blocks import Block
from kg.namespaces import document_graph
from kg.publish import FORMATS, header, serialise, trig_writer, turtle_body, turtle_writer, write_atomically


def fingerprint(docs, registry, extra: str = "") -> str:
    """A short hash of the articles, their metadata, the registry and ``extra``."""
    h = hashlib.sha256()
    for d in docs:
        h.update(d.id.encode())
        h.update(hashlib.sha256(d.text.encode()).digest())
        h.update(repr(sorted(d.metadata.items())).encode())
    h.update(registry.fingerprint().encode())
    h.update(extra.encode())
    return h.hexdigest()[:16]


def output_files(out: Path, formats, head: str, graphs: dict[URIRef, Graph], blocks: list[Block]) -> dict:
    """The published files: TriG and Turtle stream the article blocks; N-Triples, N-Quads
    and JSON-LD are written from whole graphs (read back from the blocks)."""
    from kg.build.check import document_graphs

    bodies = {name: turtle_body(g) for name, g in graphs.items()}
    bodies.update({document_graph(b.doc_id): b.body for b in blocks})
    whole = None
    files = {}
    for f in formats:
        if f == "trig":
            files[out / FORMATS[f]] = trig_writer(bodies, head)
        elif f == "ttl":
            files[out / FORMATS[f]] = turtle_writer(bodies, head)
        else:
            whole = whole or {**graphs, **document_graphs(blocks)}
            files[out / FORMATS[f]] = serialise(whole, f, head)
    return files


def publish(config, inputs, graphs: dict[URIRef, Graph], blocks: list[Block], catalogue) -> list[Path]:
    """Write every format of ``config`` into ``config.out``; return the files written."""
    from kg import __version__
    from kg.cache import pipeline_fingerprint

    schema = inputs.schema + b"".join(q.path.read_bytes() for q in catalogue.values())
    head = header(__version__, fingerprint(
        inputs.docs, inputs.registry,
        pipeline_fingerprint() + hashlib.sha256(schema).hexdigest() + f"reason={config.reason}"))
    files = output_files(config.out, config.formats, head, graphs, blocks)
    write_atomically(files, config.durable)
    return sorted(files)
