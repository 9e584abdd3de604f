"""One report type for every check: ``kg validate``, the SHACL checks, HermiT, and
``kg build`` (whose report adds what was read, extracted, made and written).

A :class:`Report` holds :class:`Problem` findings, a one-line verdict per check and
timings; ``ok`` and ``exit_code`` (0 clean, 1 violations) follow from the problems.
This module imports only the standard library, so every checker can use it.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

#: The classes (local names in ``pakru:``) a build report counts.
CORE_COUNTED = ("State", "Organisation", "Project", "Person", "Place", "Event", "Claim", "Membership",
                "ProjectInterest", "Cooperation", "MonetaryAmount", "Mention", "Article")

@dataclass(frozen=True, order=True)
class Problem:
    """One finding: which check, about which node and path, what is wrong, and where to
    look (``data/documents/<id>.txt:12``, ``article <id>, line 12`` or ``file.yaml:3``).
    Terms are in prefixed form (``id:pakistan``)."""

    check: str
    focus: str
    path: str = ""
    message: str = ""
    where: str = ""
    severity: str = "Violation"
    value: str = ""  # the offending value, for SHACL results

    def text(self) -> str:
        """The finding for people, on a few lines."""
        head = f"[{self.check}] {self.focus} {self.path}".rstrip()
        lead = "" if self.severity == "Violation" else f"({self.severity}) "
        shown = f" (value {self.value})" if self.value else ""
        return head + "\n    " + (f"at {self.where}\n    " if self.where else "") + lead + self.message + shown

    def line(self) -> str:
        """The finding as one line: ``focus path: message``."""
        where = f"{self.focus} {self.path}".rstrip()
        lead = "" if self.severity == "Violation" else f"[{self.severity}] "
        shown = f" (value {self.value})" if self.value else ""
        return f"{lead}{where}: {self.message}{shown}"


@dataclass
class Report:
    """Findings, a one-line verdict per check (in the order the checks ran) and timings."""

    source: str = ""
    problems: list[Problem] = field(default_factory=list)
    checks: dict[str, str] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    title = "Validated"

    @property
    def violations(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "Violation"]

    @property
    def ok(self) -> bool:
        return not self.violations

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1

    def text(self, limit: int = 25) -> str:
        """The report for people: a verdict per check, then each problem (``limit`` per check)."""
        lines = [f"{self.title} {self.source}".rstrip()]
        order = list(self.checks)
        for check in order:
            found = [p for p in self.problems if p.check == check]
            bad = sum(p.severity == "Violation" for p in found)
            verdict = f"{bad} violation(s)" if bad else "ok"
            if len(found) > bad:
                verdict += f", {len(found) - bad} warning(s)"
            lines.append(f"  {check:10} {verdict}: {self.checks[check]}")

        def rank(p: Problem):
            return p.severity != "Violation", order.index(p.check) if p.check in order else len(order), p

        shown: dict = {}
        for p in sorted(self.problems, key=rank):
            shown[p.check, p.severity] = shown.get((p.check, p.severity), 0) + 1
            if shown[p.check, p.severity] <= limit:
                lines += ["", p.text()]
        for (check, severity), n in shown.items():
            if n > limit:
                lines += ["", f"... and {n - limit} more {check} {severity.lower()}(s) (limit {limit} per check)"]
        lines.append("")
        lines.append("No violations." if self.ok else f"{len(self.violations)} violation(s): the graph is not valid.")
        lines.append("Timing: " + ", ".join(f"{k} {v:.2f}s" for k, v in self.seconds.items()))
        return "\n".join(lines)


@dataclass
class BuildReport(Report):
    """What a build read, extracted, made, checked and wrote, with timings; :meth:`text`
    prints it.  A build stops at the first failing check (raising
    :class:`~kg.errors.ValidationError`), so a returned report has no violations; its
    ``checks`` say what passed."""

    documents: list[str] = field(default_factory=list)
    triples: int = 0
    per_class: Counter = field(default_factory=Counter)
    per_document: dict[str, Counter] = field(default_factory=dict)
    unlinked: dict[str, list[str]] = field(default_factory=dict)
    evidence_checked: int = 0
    shapes_conform: bool = False
    consistent: bool | None = None
    written: list[Path] = field(default_factory=list)
    extracted: list[str] = field(default_factory=list)  # ids extracted in this build
    reused: list[str] = field(default_factory=list)  # ids whose extraction came from the cache
    added: list[str] = field(default_factory=list)  # ids new since the last build with this cache
    changed: list[str] = field(default_factory=list)  # ids whose content key changed since then
    removed: list[str] = field(default_factory=list)  # ids gone since then
    blocks_made: list[str] = field(default_factory=list)  # ids whose block (kg.blocks) was made, not read
    aliases: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # doc -> [(surface, entity id)]
    manifest: dict = field(default_factory=dict)

    def text(self, limit: int = 25) -> str:
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
            lines.append("OWL (HermiT): consistent." if self.consistent else "OWL (HermiT): INCONSISTENT.")
        for path in self.written:
            lines.append(f"Wrote {path}")
        lines.append("Timing: " + ", ".join(f"{k} {v:.2f}s" for k, v in self.seconds.items()))
        return "\n".join(lines)

    def summarise(self, graphs, blocks) -> None:
        """Fill in the documents, triples and counts from the graphs and article blocks,
        and the verdict of each check that passed."""
        from rdflib import RDF, URIRef

        from kg.namespaces import ONTOLOGY_GRAPH, PAKRU

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
        self.checks["evidence"] = f"{self.evidence_checked} span(s) match their article"
        if self.shapes_conform:
            self.checks["shapes"] = "conforms"
        if self.consistent is not None:
            self.checks["OWL"] = "consistent under HermiT" if self.consistent else "INCONSISTENT under HermiT"
