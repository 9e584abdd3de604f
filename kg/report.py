"""The report of ``kg build``: what was read, extracted, made, checked and written."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, URIRef

from kg.blocks import CORE_COUNTED
from kg.namespaces import ONTOLOGY_GRAPH, PAKRU


@dataclass
class BuildReport:
    """What a build read, extracted, made, checked and wrote, with timings; :meth:`text` prints it."""

    documents: list[str] = field(default_factory=list)
    triples: int = 0
    per_class: Counter = field(default_factory=Counter)
    per_document: dict[str, Counter] = field(default_factory=dict)
    unlinked: dict[str, list[str]] = field(default_factory=dict)
    evidence_checked: int = 0
    shapes_conform: bool = False
    consistent: bool | None = None
    owl_note: str = ""  # how consistency was decided when HermiT did not run in this build
    written: list[Path] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    extracted: list[str] = field(default_factory=list)  # ids extracted in this build
    reused: list[str] = field(default_factory=list)  # ids whose extraction came from the cache
    added: list[str] = field(default_factory=list)  # ids new since the last build with this cache
    changed: list[str] = field(default_factory=list)  # ids whose content key changed since then
    removed: list[str] = field(default_factory=list)  # ids gone since then
    blocks_made: list[str] = field(default_factory=list)  # ids whose block (kg.blocks) was made, not read
    aliases: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # doc -> [(surface, entity id)]
    manifest: dict = field(default_factory=dict)

    def text(self) -> str:
        lines = [f"Built {len(self.documents)} article(s): {self.triples} triples."]
        lines.append(f"Extracted {len(self.extracted)} article(s), reused {len(self.reused)} from the cache"
                     + "".join(f"; {len(v)} {k}" for k, v in (("new", self.added), ("changed", self.changed),
                                                                ("removed", self.removed)) if v) + "; "
                     + f"made {len(self.blocks_made)} article graph(s), read {len(self.documents) - len(self.blocks_made)}.")
        lines.append("Per class: " + ", ".join(f"{k} {v}" for k, v in sorted(self.per_class.items())))
        for doc in self.documents:
            counts = self.per_document.get(doc, Counter())
            lines.append(f"  {doc}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
        total_unlinked = sum(len(v) for v in self.unlinked.values())
        lines.append(f"Names not linked: {total_unlinked}")
        for doc, names in sorted(self.unlinked.items()):
            if names:
                lines.append(f"  {doc}: " + "; ".join(sorted(set(names))))
        lines.append(f"Aliases to curate: {sum(len(v) for v in self.aliases.values())}")
        for doc, pairs in sorted(self.aliases.items()):
            lines.append(f"  {doc}: " + "; ".join(f"{name!r} -> {eid}" for name, eid in pairs))
        lines.append(f"Evidence: {self.evidence_checked} spans checked, all quotes match their offsets.")
        lines.append("Shapes: conforms." if self.shapes_conform else "Shapes: not checked.")
        if self.consistent is not None:
            lines.append(("OWL (HermiT): consistent" + (f" ({self.owl_note})" if self.owl_note else "") + ".")
                         if self.consistent else "OWL (HermiT): INCONSISTENT.")
        for path in self.written:
            lines.append(f"Wrote {path}")
        lines.append("Timing: " + ", ".join(f"{k} {v:.2f}s" for k, v in self.seconds.items()))
        return "\n".join(lines)

    def summarise(self, graphs, blocks) -> None:
        """Fill in the documents, triples and counts from the graphs and article blocks."""
        self.documents = [b.doc_id for b in blocks]
        self.triples = sum(len(g) for g in graphs.values()) + sum(b.triples for b in blocks)
        for name, g in graphs.items():
            if name == ONTOLOGY_GRAPH:
                continue
            for cls in g.objects(None, RDF.type):
                if isinstance(cls, URIRef) and str(cls).startswith(str(PAKRU)):
                    local = str(cls)[len(str(PAKRU)):]
                    if local in CORE_COUNTED:
                        self.per_class[local] += 1
        for b in blocks:
            self.per_class.update(b.counts)
            self.per_document[b.doc_id] = Counter(b.counts)
            self.unlinked[b.doc_id] = list(b.unlinked)
