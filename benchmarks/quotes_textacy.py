"""Direct quotations: textacy's ``extract.triples.direct_quotations`` against kg's own rules.

Both run over the same spaCy parse of every article that has gold; each direct quotation
found becomes a claim whose speaker is the entity named in the speaker words (a person
first), "he"/"she" the last person named.  Only gold claims marked ``quote: direct`` count.

    .venv/bin/pip install textacy   # not a dependency of kg: only this comparison uses it
    .venv/bin/python benchmarks/quotes_textacy.py tests/data/real/dev
"""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from kg.corpus import read_corpus
from kg.eval_statements import StatementScores, _gold_for, extracted_items, format_scores, gold_items, score_document
from kg.extract.pipeline import extract, load_nlp, sentence_at
from kg.extract.model import Claim, Span
from kg.registry import load_registry


BAILED: list[str] = []


def textacy_claims(ex, doc, core_type) -> list[Claim]:
    import textacy.extract.triples as triples

    out = []
    try:
        found = list(triples.direct_quotations(doc))
    except ValueError:  # textacy refuses a text with an unbalanced quotation mark
        BAILED.append(ex.doc_id)
        found = []
    for triple in found:
        content = triple.content
        start, end = content[0].idx, content[-1].idx + len(content[-1])
        text = ex.text[start:end].strip("\"“”,. ")
        start = ex.text.find(text, start)
        speaker = None
        idx = {t.idx for t in triple.speaker}
        people = [m.entity for m in ex.mentions if any(m.span.start <= i < m.span.end for i in idx)]
        if people:
            speaker = people[-1]
        elif triple.speaker and triple.speaker[0].lower_ in ("he", "she"):
            before = [m.entity for m in ex.mentions
                      if m.span.start < triple.speaker[0].idx and core_type(m.entity) == "Person"]
            speaker = before[-1] if before else None
        if speaker is None:
            continue
        sent = sentence_at(ex.sentences, start)
        out.append(Claim("ReportOfFact", sent, " ".join(t.text for t in triple.cue), speaker=speaker,
                         content=Span(start, start + len(text), text), quote="direct"))
    return out


def main(folder: str) -> None:
    from kg.extract.context import Context

    registry, nlp = load_registry(), load_nlp()
    ours, theirs = StatementScores(), StatementScores()
    for d in read_corpus(Path(folder)):
        found = _gold_for(Path(folder), d.id)
        if found is None:
            continue
        gold, path = found
        doc = nlp(d.text)
        ex = extract(d.id, d.text, registry, nlp=nlp, doc=doc)
        ctx = Context(doc, ex.sentences, ex.mentions, [], registry, None, ex.new_entities)
        g = [i for i, c in zip(gold_items(ex, gold, path), gold.get("claims") or []) if c.get("quote") == "direct"]
        mine = replace(ex, claims=[c for c in ex.claims if c.quote == "direct"])
        ours.add(score_document(d.id, g, extracted_items(mine)))
        other = replace(ex, claims=textacy_claims(ex, doc, ctx.core_type))
        theirs.add(score_document(d.id, g, extracted_items(other)))
    for name, s in (("kg rules", ours), ("textacy", theirs)):
        print(f"--- {name}: direct quotations only (kind ignored: textacy gives none)")
        print("\n".join(format_scores(s).splitlines()[:4]))
        print(f"  precision (a gold direct quotation)  {s.found}/{s.predicted}")
    print(f"textacy refused {len(BAILED)} articles (an unbalanced quotation mark): {', '.join(BAILED)}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/data/real/dev")
