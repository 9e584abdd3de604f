"""Processor time of entity pages (``/id/...``), part by part, on the published graph.

For each page it prints the median processor milliseconds of what the server does:
the worker's job ``resource_page`` (the look-ups, what the speaker said, and rendering
the HTML), of which the look-ups alone, and what the HTTP process does with the answer
(unpickling the bytes the pipe carries).  As a baseline measured in the same run it
prints the same look-ups made into rdflib terms (:class:`kg.results.Result`, as the
pages read them before they read plain values): the ratio stays meaningful on a shared
machine.

    .venv/bin/python benchmarks/entity_page.py                 # /id/russia, /id/pakistan, /id/sco, 30 rounds
    .venv/bin/python benchmarks/entity_page.py --rounds 5 id/vladimir-putin
"""
from __future__ import annotations

import argparse
import pickle
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.facade import KnowledgeGraph  # noqa: E402
from kg.namespaces import ID  # noqa: E402
from kg.server import worker  # noqa: E402

PAGES = ("id/russia", "id/pakistan", "id/sco")


def cpu_ms(fn, rounds: int) -> float:
    """The median processor milliseconds of ``fn()`` over ``rounds`` calls (after one)."""
    fn()
    times = []
    for _ in range(rounds):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


def as_terms(kg: KnowledgeGraph, iri: str) -> None:
    """The baseline: the page's look-up queries answered as rdflib terms."""
    from kg import lookup

    b = {"_e": lookup.URIRef(iri)}
    lookup.run_select(kg.store, "  ?_e ?p ?o . OPTIONAL { ?o skos:prefLabel ?ol }", "?p ?o ?ol", b, "?p ?o ?ol")
    lookup.run_select(kg.store, "  ?s ?p ?_e . OPTIONAL { ?s skos:prefLabel ?sl }", "?s ?p ?sl", b, "?p ?s ?sl")
    for where in ("  ?s ?p ?_e ; pakru:evidence ?span .", "  ?m oa:hasBody ?_e ; oa:hasTarget ?span ."):
        kg.store.query(lookup.select_text(where + EVIDENCE, "*", b, "?span"))
    kg.statements(speaker=iri)


EVIDENCE = """
  ?span oa:hasSource ?document ; oa:hasSelector ?q, ?pos .
  ?q oa:exact ?text . ?pos oa:start ?start ; oa:end ?end .
  OPTIONAL { ?span pakru:inSentence ?sent . ?sent oa:hasSelector ?sq, ?sp .
             ?sq oa:exact ?sentence . ?sp oa:start ?sentenceStart }"""


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("pages", nargs="*", default=PAGES, help="paths under the graph's base (default: %(default)s)")
    p.add_argument("--rounds", type=int, default=30, help="calls per figure; the median is printed")
    args = p.parse_args(argv)
    kg = KnowledgeGraph.open()
    len(kg)
    print(f"median processor ms of {args.rounds} rounds (the machine may be shared: compare the ratio)")
    print(f"{'page':24} {'worker job':>10} {'look-ups':>9} {'as terms':>9} {'ratio':>6} {'HTTP proc':>9} {'KB':>5}")
    for path in args.pages:
        iri = str(ID) + path.removeprefix("id/").lstrip("/")
        body = worker.resource_page(kg, iri)
        job = cpu_ms(lambda: pickle.dumps(worker.resource_page(kg, iri)), args.rounds)
        plain = cpu_ms(lambda: worker.resource(kg, iri), args.rounds)
        terms = cpu_ms(lambda: as_terms(kg, iri), args.rounds)
        http = cpu_ms(lambda: pickle.loads(pickle.dumps(body)), args.rounds)
        print(f"{'/id/' + path.removeprefix('id/'):24} {job:10.1f} {plain:9.1f} {terms:9.1f} {terms / plain:5.2f}x "
              f"{http:9.2f} {len(body) / 1000:5.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
