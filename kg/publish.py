"""Write the published files: deterministic serialisations and atomic replacement.

The same graphs always give the same bytes: named graphs are written in IRI order,
triples in rdflib's sorted Turtle layout (no blank nodes exist to be relabelled), and
N-Triples/N-Quads lines are sorted.  Files are first written next to their target
and then renamed over it, so a build that fails midway leaves the previous files as
they were.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from rdflib import BNode, Graph, URIRef
from rdflib.compare import to_canonical_graph

from kg.namespaces import bind_prefixes

FORMATS = {
    "trig": "kg.trig",
    "ttl": "kg.ttl",
    "nt": "kg.nt",
    "nq": "kg.nq",
    "jsonld": "kg.jsonld",
}
DEFAULT_FORMATS = ("trig", "ttl")


def header(version: str, fingerprint: str) -> str:
    return (
        "# GENERATED FILE - do not edit by hand.\n"
        f"# Written by `kg build` (pakru-kg {version}) from data/documents and data/registry.\n"
        f"# Inputs fingerprint: {fingerprint}\n"
        "# Source of truth: ontology/pakru.ttl, data/registry/*.yaml, data/documents/*.txt.\n"
    )


def _with_our_prefixes(graph: Graph) -> Graph:
    """A copy that knows only the project's prefixes (docs/model.md), so every named
    graph is written with the same prefixes that the file declares once at the top."""
    out = Graph(bind_namespaces="none")
    bind_prefixes(out)
    out += graph
    return out


def _turtle_body(graph: Graph) -> list[str]:
    text = _with_our_prefixes(graph).serialize(format="turtle")
    return [line for line in text.splitlines() if not line.startswith("@prefix")]


def _prefix_lines(graph: Graph) -> list[str]:
    text = _with_our_prefixes(graph).serialize(format="turtle")
    return sorted(line for line in text.splitlines() if line.startswith("@prefix"))


def to_turtle(graphs: dict[URIRef, Graph], head: str) -> str:
    """All graphs merged into one Turtle document."""
    union = Graph(bind_namespaces="none")
    bind_prefixes(union)
    for g in graphs.values():
        union += g
    body = union.serialize(format="turtle")
    return head + "\n" + body.rstrip("\n") + "\n"


def to_trig(graphs: dict[URIRef, Graph], head: str) -> str:
    """Named graphs in IRI order, each as a Turtle block."""
    union = Graph()
    for g in graphs.values():
        union += g
    bind_prefixes(union)
    lines = [head.rstrip("\n"), ""]
    lines += _prefix_lines(union)
    for name in sorted(graphs, key=str):
        g = graphs[name]
        if len(g) == 0:
            continue
        body = [line for line in _turtle_body(g) if line.strip()]
        lines.append("")
        lines.append(f"<{name}> {{")
        lines += ["    " + line for line in body]
        lines.append("}")
    return "\n".join(lines) + "\n"


def canonical(graph: Graph) -> Graph:
    """The graph with its blank nodes (OWL axioms in the ontology) labelled by content.

    Turtle and TriG write blank nodes inline, but N-Triples, N-Quads and JSON-LD print
    their labels, which rdflib otherwise draws at random.
    """
    if not any(isinstance(t, BNode) for triple in graph for t in triple):
        return graph
    return to_canonical_graph(graph)


def to_ntriples(graphs: dict[URIRef, Graph], head: str, quads: bool) -> str:
    out = set()
    for name, g in graphs.items():
        text = canonical(g).serialize(format="nt")
        for line in text.splitlines():
            line = line.strip()
            if not line:
                continue
            if quads:
                line = line[:-1].rstrip() + f" <{name}> ."
            out.add(line)
    return head + "\n".join(sorted(out)) + "\n"


def to_jsonld(graphs: dict[URIRef, Graph]) -> str:
    """JSON-LD with one entry per named graph, nodes and keys sorted."""
    from kg.namespaces import PREFIXES

    context = {p: str(ns) for p, ns in sorted(PREFIXES.items())}
    doc = {"@context": context, "@graph": []}
    for name in sorted(graphs, key=str):
        g = graphs[name]
        data = json.loads(canonical(g).serialize(format="json-ld", context=context, auto_compact=False))
        nodes = data if isinstance(data, list) else data.get("@graph", [data])
        for n in nodes:
            n.pop("@context", None)
        nodes = [_sorted_values(n) for n in nodes if n]
        nodes.sort(key=lambda n: (str(n.get("@id", "")), json.dumps(n, sort_keys=True)))
        doc["@graph"].append({"@id": str(name), "@graph": nodes})
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _sorted_values(value):
    """Sort the unordered value arrays of a JSON-LD node (never the items of an @list)."""
    if isinstance(value, dict):
        return {k: (v if k == "@list" else _sorted_values(v)) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sorted_values(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
    return value


def serialise(graphs: dict[URIRef, Graph], fmt: str, head: str) -> str:
    if fmt == "trig":
        return to_trig(graphs, head)
    if fmt == "ttl":
        return to_turtle(graphs, head)
    if fmt in {"nt", "nq"}:
        return to_ntriples(graphs, head, quads=fmt == "nq")
    if fmt == "jsonld":
        return to_jsonld(graphs)
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(files: dict[Path, str]) -> None:
    """Replace several files so that either all change or none does.

    Each file is written to a temporary sibling first.  Before the renames, every
    existing target gets a hard-linked backup; if a rename fails, the targets already
    replaced are restored from their backups.
    """
    temps: list[tuple[Path, str]] = []
    backups: dict[Path, str] = {}
    done: list[Path] = []
    try:
        for target, text in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o666 & ~_umask())
            temps.append((target, tmp))
        for target, _ in temps:
            if target.exists():
                backup = f"{target.parent}/.{target.name}.{os.getpid()}.bak"
                if os.path.exists(backup):
                    os.unlink(backup)
                os.link(target, backup)
                backups[target] = backup
        try:
            for target, tmp in temps:
                os.replace(tmp, target)
                done.append(target)
        except BaseException:
            for target in done:
                if target in backups:
                    os.replace(backups.pop(target), target)
                else:
                    target.unlink(missing_ok=True)
            raise
        temps = []
    finally:
        for _, tmp in temps:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
        for backup in backups.values():
            try:
                os.unlink(backup)
            except FileNotFoundError:
                pass
