"""Write the published files: deterministic serialisations and atomic replacement.

The same graphs always give the same bytes: named graphs are written in IRI order,
each graph's triples sorted and written by pyoxigraph (:func:`turtle_body`; the build
caches these bodies per article, see kg.blocks), and N-Triples/N-Quads lines are sorted.  Files are first written next to their target
and then renamed over it, so a build that fails midway leaves the previous files as
they were.
"""
from __future__ import annotations

import io
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Union

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib.compare import to_canonical_graph

from kg.defaults import DEFAULT_OUTPUT_FORMATS, OUTPUT_FILES
from kg.namespaces import PREFIXES

FORMATS = OUTPUT_FILES
DEFAULT_FORMATS = DEFAULT_OUTPUT_FORMATS


def header(version: str, fingerprint: str) -> str:
    return (
        "# GENERATED FILE - do not edit by hand.\n"
        f"# Written by `kg build` (pakru-kg {version}) from data/documents and data/registry.\n"
        f"# Inputs fingerprint: {fingerprint}\n"
        "# Source of truth: ontology/pakru.ttl, data/registry/*.yaml, data/documents/*.txt.\n"
    )


#: Prefixes used inside statements: the vocabularies.  Instance IRIs (``id:``, ``graph:``)
#: carry slashes in their local part, which Turtle could only write escaped, so they are
#: written in full; the file header still declares every prefix of docs/model.md.
_STATEMENT_PREFIXES = {p: str(ns) for p, ns in sorted(PREFIXES.items()) if p not in {"id", "graph"}}


def prefix_lines() -> str:
    """The ``@prefix`` lines every published Turtle/TriG file starts with, sorted."""
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items()))


def sorted_triples(graph: "Graph | Iterable[tuple]") -> list[ox.Triple]:
    """The triples of ``graph`` (or rdflib term tuples) as pyoxigraph triples in
    N-Triples order.  A graph's blank nodes (only the ontology's OWL axioms have them)
    get content-derived labels first (:func:`canonical`)."""
    from kg.store import to_oxigraph

    terms: dict = {}

    def term(t):
        found = terms.get(t)
        if found is None:
            found = terms[t] = to_oxigraph(t)
        return found

    source = canonical(graph) if isinstance(graph, Graph) else graph
    return sorted((ox.Triple(term(s), term(p), term(o)) for s, p, o in source), key=str)


def turtle_body(graph: "Graph | list[ox.Triple]") -> bytes:
    """A graph's (or sorted triples') Turtle statements, without ``@prefix`` lines.

    Sorted triples keep a subject's statements together and the bytes deterministic;
    pyoxigraph's Turtle serialiser is about fifty times faster than rdflib's on an
    article graph.
    """
    triples = sorted_triples(graph) if isinstance(graph, Graph) else graph
    text = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=_STATEMENT_PREFIXES)
    return text[_header_end(text):]


def _header_end(text: bytes) -> int:
    """Offset just past the leading ``@prefix`` lines of a pyoxigraph Turtle document."""
    at = 0
    while text.startswith(b"@prefix ", at):
        at = text.index(b"\n", at) + 1
    return at


Body = Union[bytes, Path]  # a graph's Turtle statements, in memory or in a cached file


def _copy_body(body: Body, out: BinaryIO) -> None:
    """Append a body to ``out``: a cached file is copied by the kernel (copy_file_range)
    when ``out`` is a file, without passing through Python."""
    if not isinstance(body, Path):
        out.write(body)
        return
    with body.open("rb") as fh:
        try:
            out.flush()
            left = os.fstat(fh.fileno()).st_size
            while left > 0:
                sent = os.copy_file_range(fh.fileno(), out.fileno(), left)
                if sent == 0:
                    break
                left -= sent
            if left == 0:
                return
        except (AttributeError, OSError, io.UnsupportedOperation):  # no such call here, or not a file
            pass
        shutil.copyfileobj(fh, out, 1 << 20)


def trig_writer(bodies: dict[URIRef, Body], head: str) -> Callable[[BinaryIO], None]:
    """A writer of the TriG file: header, prefixes, then each non-empty graph in IRI order."""
    def write(out: BinaryIO) -> None:
        out.write((head.rstrip("\n") + "\n\n" + prefix_lines()).encode())
        for name in sorted(bodies, key=str):
            body = bodies[name]
            if isinstance(body, bytes) and not body:
                continue
            out.write(f"\n<{name}> {{\n".encode())
            _copy_body(body, out)
            out.write(b"}\n")
    return write


def turtle_writer(bodies: dict[URIRef, Body], head: str) -> Callable[[BinaryIO], None]:
    """A writer of the Turtle file: every graph's statements under one set of prefixes
    (the union of the graphs; a triple stated in two graphs is written twice, which
    Turtle parsers read as one)."""
    def write(out: BinaryIO) -> None:
        out.write((head + "\n" + prefix_lines()).encode())
        for name in sorted(bodies, key=str):
            body = bodies[name]
            if isinstance(body, bytes) and not body:
                continue
            out.write(b"\n")
            _copy_body(body, out)
    return write


def to_turtle(graphs: dict[URIRef, Graph], head: str) -> str:
    """All graphs in one Turtle document (see :func:`turtle_writer`)."""
    return _render(turtle_writer({name: turtle_body(g) for name, g in graphs.items()}, head))


def to_trig(graphs: dict[URIRef, Graph], head: str) -> str:
    """Named graphs in IRI order, each as a block of Turtle statements (see :func:`trig_writer`)."""
    return _render(trig_writer({name: turtle_body(g) for name, g in graphs.items()}, head))


def _render(writer: Callable[[BinaryIO], None]) -> str:
    buffer = io.BytesIO()
    writer(buffer)
    return buffer.getvalue().decode("utf-8")


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


def write_atomically(files: dict[Path, "str | Callable[[BinaryIO], None]"], durable: bool = True) -> None:
    """Replace several files so that either all change or none does.

    With ``durable`` (the default) each new file is flushed to disk (fsync) before the
    renames, so a power cut cannot leave an empty file in place of the old one; without
    it a large output is written at memory speed instead of disk speed (a failed build
    still leaves the old files as they were).

    A file's content is text, or a callable that writes its bytes to an open binary file
    (so that large outputs stream from cached pieces without being held in memory).

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
            with os.fdopen(fd, "wb") as fh:
                if callable(text):
                    text(fh)
                else:
                    fh.write(text.encode("utf-8"))
                fh.flush()
                if durable:
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
