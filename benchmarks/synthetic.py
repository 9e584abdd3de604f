"""A synthetic graph shaped like the published one, of any size, for benchmarks.

The real per-article named graphs of ``data/kg.trig`` (``graph:doc/<id>``) are the
templates.  Each synthetic article is a copy of one template with fresh IRIs: the
document id (in ``doc:``, ``graph:doc/``, spans, mentions, claims, amounts, the author,
the extraction activity, and in literals such as ``dcterms:identifier``) and every other
resource that lives only in that article's graph (events, relations, new entities) get a
new id, so copies never merge.  Curated entities the article points to may be swapped
for other registry entities of the same class (``id:pakistan`` and ``id:russia`` stay, so
the Pakistan-Russia queries keep finding things); a fact several real articles share keeps
its IRI, but with the swapped entities' names in it (``id:interest/russia/tapi-pipeline``
becomes ``id:interest/russia/casa-1000`` when CASA-1000 stands in for TAPI), as the build
names facts, so one fact never collects the projects of every copy.  The inferred triples about an
article's resources are copied with it into ``graph:inferred``; the ontology, the
registry and the other inferred triples are kept once.  The real articles come first,
unchanged, so the saved queries' default parameters still match.

Classes, properties, evidence spans and named graphs are therefore those of the real
graph; only the number of articles grows.  Output is N-Quads, deterministic for a seed.

    python benchmarks/synthetic.py 100000 /tmp/kg-100k.nq --seed 1
"""
from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import namespaces  # noqa: E402

SOURCE = ROOT / "data" / "kg.trig"
ID, DOC, GRAPH = str(namespaces.ID), str(namespaces.DOC), str(namespaces.GRAPH)
DOC_GRAPH = GRAPH + "doc/"
REGISTRY, ONTOLOGY, INFERRED = GRAPH + "registry", GRAPH + "ontology", GRAPH + "inferred"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
FIXED = {ID + "pakistan", ID + "russia"}  # never swapped
MARK = "\x00"  # separates the fixed text of a template from its slots
_IRI = re.compile(r"<([^<>]*)>")


@dataclass
class Template:
    """One article's quads (its graph plus its inferred triples) with slots for new terms."""

    doc_id: str
    parts: list[str]  # even indices: fixed N-Quads text; odd indices: slot keys
    slots: dict[str, str]  # slot key -> original IRI (or the document id itself)
    size: int  # number of quads

    def render(self, new_id: str | None, swap: dict[str, str]) -> str:
        """The N-Quads text of one copy (``new_id=None``: the original, unchanged)."""
        if new_id is None:
            return "".join(p if i % 2 == 0 else self.slots[p] for i, p in enumerate(self.parts))
        out = []
        for i, p in enumerate(self.parts):
            if i % 2 == 0:
                out.append(p)
                continue
            orig = self.slots[p]
            if p == "d":  # the document id inside a literal
                out.append(new_id)
            elif p[0] == "l":  # a resource of this article
                out.append(orig.replace(self.doc_id, new_id) if self.doc_id in orig else f"{orig}-{new_id}")
            elif p[0] == "s":  # a fact several articles share, named after entities: renamed with them
                names = {a[len(ID):]: b[len(ID):] for a, b in swap.items() if a.startswith(ID)}
                out.append(ID + "/".join(names.get(part, part) for part in orig[len(ID):].split("/")))
            else:  # a registry entity
                out.append(swap.get(orig, orig))
        return "".join(out)


def _nquads(quads) -> str:
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8")


def load_templates(source: Path = SOURCE) -> tuple[str, list[Template], dict[str, list[str]]]:
    """(N-Quads text of the parts kept once, article templates, registry classes)."""
    store = ox.Store()
    store.load(path=str(source), format=ox.RdfFormat.TRIG)
    by_graph: dict[str, list] = {}
    data = ox.Dataset(store)  # blank node labels and the store's order differ between loads:
    data.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)  # stable labels (for this pyoxigraph)
    for q in sorted(data, key=str):
        name = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else ""
        by_graph.setdefault(name, []).append(q)
    docs = sorted(g for g in by_graph if g.startswith(DOC_GRAPH))
    defined = {q.subject.value for g in (REGISTRY, ONTOLOGY) for q in by_graph.get(g, [])
               if isinstance(q.subject, ox.NamedNode)}
    # registry entities by their asserted classes (swapping keeps the class)
    types: dict[str, set[str]] = {}
    for q in by_graph.get(REGISTRY, []):
        if q.predicate.value == RDF_TYPE and q.subject.value.startswith(ID):
            types.setdefault(q.subject.value, set()).add(q.object.value)
    classes: dict[str, list[str]] = {}
    for iri, ts in sorted(types.items()):
        if iri not in FIXED:
            classes.setdefault("|".join(sorted(ts)), []).append(iri)

    def iris(quads):
        for q in quads:
            for t in (q.subject, q.object, q.graph_name):
                if isinstance(t, ox.NamedNode):
                    yield t.value

    seen_in: dict[str, set[str]] = {}
    for g in docs:
        for iri in iris(by_graph[g]):
            seen_in.setdefault(iri, set()).add(g)
    templates, inferred_local = [], set()
    local_of: dict[str, set[str]] = {}
    for g in docs:
        doc_id = g[len(DOC_GRAPH):]
        local_of[g] = {i for i in seen_in if g in seen_in[i] and i not in defined and i.startswith((ID, DOC, GRAPH))
                       and (doc_id in i or len(seen_in[i]) == 1)}
    inferred = by_graph.get(INFERRED, [])
    for g in docs:
        doc_id, local = g[len(DOC_GRAPH):], local_of[g]
        mine = [q for q in inferred if q.subject.value in local
                or (isinstance(q.object, ox.NamedNode) and q.object.value in local)]
        inferred_local.update(id(q) for q in mine)
        text = _nquads(by_graph[g] + mine)
        slots: dict[str, str] = {}
        keys: dict[str, str] = {}

        def slot(m: re.Match) -> str:
            iri = m.group(1)
            if iri in local:
                kind = "l"
            elif iri in types and iri not in FIXED:
                kind = "e"
            elif iri.startswith(ID) and iri not in defined:
                kind = "s"
            else:
                return m.group(0)
            key = keys.setdefault(iri, f"{kind}{len(keys)}")
            slots[key] = iri
            return f"<{MARK}{key}{MARK}>"

        text = _IRI.sub(slot, text).replace(doc_id, f"{MARK}d{MARK}")
        slots["d"] = doc_id
        templates.append(Template(doc_id, text.split(MARK), slots, len(by_graph[g]) + len(mine)))
    kept = [q for name, quads in by_graph.items() if not name.startswith(DOC_GRAPH) for q in quads
            if id(q) not in inferred_local]
    return _nquads(kept), templates, classes


def generate(target: int, out: Path, seed: int = 0, swap: float = 0.5, source: Path = SOURCE) -> dict:
    """Write about ``target`` quads (at least the real graph's size) to ``out`` as N-Quads.

    ``swap`` is the share of registry entities (per class) that each copy exchanges for
    another of the same class.  Returns the figures: quads, articles, copies, file size.
    """
    rng = random.Random(seed)
    base, templates, classes = load_templates(source)
    total, articles = base.count("\n"), 0
    out = Path(out)
    with out.open("w", encoding="utf-8") as f:
        f.write(base)
        k = 0
        while k < len(templates) or total < target:
            t = templates[k % len(templates)]
            if k < len(templates):
                f.write(t.render(None, {}))
            else:
                new_id = f"{k:06d}_" + hashlib.sha256(f"{seed}/{k}".encode()).hexdigest()[:16]
                mapping: dict[str, str] = {}
                for members in classes.values():
                    if len(members) < 2:
                        continue
                    chosen = [m for m in members if rng.random() < swap]
                    if len(chosen) >= 2:
                        shuffled = chosen[:]
                        rng.shuffle(shuffled)
                        mapping.update(zip(chosen, shuffled))
                f.write(t.render(new_id, mapping))
            total += t.size
            articles += 1
            k += 1
    return {"quads": total, "articles": articles, "path": str(out), "bytes": out.stat().st_size}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("triples", type=int, help="target number of quads (triples in named graphs)")
    ap.add_argument("out", type=Path, help="output file (N-Quads)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--swap", type=float, default=0.5, help="share of registry entities swapped per copy")
    args = ap.parse_args(argv)
    info = generate(args.triples, args.out, args.seed, args.swap)
    print(f"wrote {info['quads']:,} quads ({info['articles']} articles, {info['bytes'] / 1e6:.1f} MB) to {info['path']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
