"""Dump what the extraction finds in each article of a folder, to compare two versions of the code.

For every ``*.txt`` article of the folders given (read with :func:`kg.corpus.read_corpus`,
dated by its sidecar), parsed in batches with ``nlp.pipe`` and extracted as a build's worker
does (:func:`kg.parallel.iter_extract`), it writes one line of JSON: the whole
:class:`~kg.extract.model.Extraction` (sentences, mentions, events, relations, quantities,
claims, author) and the spaCy annotations under it (tags, lemmas, heads, dependencies,
sentence starts, named entities).  A speed-up must leave the file byte-identical:

    python benchmarks/extract_dump.py /work/notes/sets/dev205 data/documents > before.jsonl
    ... change the code ...
    python benchmarks/extract_dump.py /work/notes/sets/dev205 data/documents > after.jsonl
    cmp before.jsonl after.jsonl
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def annotations(doc) -> list:
    """The parse's annotations of every token, and the named entities."""
    tokens = [[t.tag_, t.pos_, t.lemma_, t.head.i, t.dep_, t.is_sent_start, t.ent_iob_, t.ent_type_] for t in doc]
    return [tokens, [[e.start, e.end, e.label_] for e in doc.ents]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path, help="folders of articles (*.txt, optional *.yaml)")
    args = parser.parse_args(argv)

    from kg.corpus import read_corpus
    from kg.extract import pipeline
    from kg.parallel import iter_extract
    from kg.registry import load_registry

    registry = load_registry()
    nlp = pipeline.load_nlp()
    parsed = {}
    real_call = nlp.__class__.pipe

    def pipe(self, texts, **kwargs):  # keep each Doc's annotations as the extraction parses it
        for doc in real_call(self, texts, **kwargs):
            parsed[doc.text] = annotations(doc)
            yield doc

    nlp.__class__.pipe = pipe
    for folder in args.folders:
        docs = read_corpus(folder)
        items = [(d.id, d.text, d.metadata.get("date")) for d in docs]
        for ex in iter_extract(items, registry):
            record = {"folder": folder.name, "id": ex.doc_id, "extraction": dataclasses.asdict(ex),
                      "parse": parsed.pop(pipeline.normalise_text(ex.text))}
            print(json.dumps(record, sort_keys=True, default=str, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
