"""How far two readings of the same articles agree, scored as ``kg eval`` scores the system.

    python -m kg.eval.agreement tests/data/real/check tests/data/real/check/second

FIRST holds the articles (``<id>.txt``) and one reading (``<id>.gold.yaml``); SECOND holds
another reader's gold of some of them, written without seeing the first.  The second reading is
scored against the first: events strictly (kind, participant set, time and status) and
leniently (sentence and kind) with the event scorer of :mod:`kg.eval.events`, claims by
sentence, by sentence and kind, and by sentence and speaker, memberships and project interest
as sets.  F1 does not depend on which reading is taken as the reference, so it is the
agreement figure; precision and recall say which reader annotated more.  Sentences are the
extraction's (spaCy's parse), as in ``kg eval``; nothing else of the system is run.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.errors import InputError
from kg.eval.events import EventScores, gold_units, score_events
from kg.eval.gold import find_once, load_gold
from kg.eval.scores import Score, match

ROWS = ("events strict", "events lenient", "claims (sentence)", "claims (sentence, kind)",
        "claims (sentence, speaker)", "memberships", "project interest")


def _sentence_index(text: str, nlp):
    from kg.extract.sentences import sentence_at, sentences_of

    sentences = sentences_of(nlp(text))

    def index(pos: int) -> int:
        s = sentence_at(sentences, pos)
        return s.index if s else -1
    return index


def _claims(gold: dict, text: str, index, path: str) -> list[tuple]:
    return [(index(find_once(text, c["sentence"], path)), c["kind"], c.get("speaker"))
            for c in gold.get("claims") or []]


def compare(first: dict, second: dict, text: str, index, paths: tuple[str, str]) -> tuple[dict[str, Score], EventScores]:
    """The scores of reading ``second`` against reading ``first`` of one article."""
    events = score_events(gold_units(first, index, paths[0], text), gold_units(second, index, paths[1], text))
    a, b = _claims(first, text, index, paths[0]), _claims(second, text, index, paths[1])
    members = [[(m["member"], m["organisation"], m["status"]) for m in g.get("memberships") or []]
               for g in (first, second)]
    interests = [[(i["party"], i["project"]) for i in g.get("interests") or []] for g in (first, second)]
    same = lambda x, y: x == y  # noqa: E731
    scores = {
        "events strict": events.strict,
        "events lenient": events.lenient,
        "claims (sentence)": match(a, b, lambda x, y: x[0] == y[0]),
        "claims (sentence, kind)": match(a, b, lambda x, y: x[:2] == y[:2]),
        "claims (sentence, speaker)": match(a, b, lambda x, y: (x[0], x[2]) == (y[0], y[2])),
        "memberships": match(*members, same),
        "project interest": match(*interests, same),
    }
    return scores, events


def agreement(first_dir: Path, second_dir: Path, nlp=None) -> tuple[dict[str, Score], EventScores, int]:
    """Totals over every article both folders read, the event differences, and how many articles."""
    from kg.extract.pipeline import load_nlp, normalise_text

    nlp = nlp or load_nlp()
    totals = {name: Score(name) for name in ROWS}
    events = EventScores()
    n = 0
    for path in sorted(Path(second_dir).glob("*.gold.yaml")):
        doc_id = path.name[: -len(".gold.yaml")]
        article = Path(first_dir) / f"{doc_id}.txt"
        found = load_gold(first_dir, doc_id)
        if found is None or not article.exists():
            raise InputError(f"the first reading has no article or gold for {doc_id!r}", path=first_dir)
        first, first_path = found
        second, second_path = load_gold(second_dir, doc_id)
        text = normalise_text(article.read_text(encoding="utf-8"))
        scores, ev = compare(first, second, text, _sentence_index(text, nlp), (str(first_path), str(second_path)))
        for name, s in scores.items():
            totals[name].add(s)
        events.add(ev)
        n += 1
    if not n:
        raise InputError("no gold file (<id>.gold.yaml) in the second reading's folder", path=second_dir)
    return totals, events, n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.eval.agreement", description=__doc__.split("\n\n")[0])
    ap.add_argument("first", type=Path, help="folder of the articles and the first reading's gold")
    ap.add_argument("second", type=Path, help="folder of the second reading's gold (some of the same ids)")
    args = ap.parse_args(argv)
    try:
        totals, events, n = agreement(args.first, args.second)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{n} articles read twice; the second reading scored against the first")
    print(f"{'':28s}{'first':>7s}{'second':>8s}{'agree':>7s}{'P':>8s}{'R':>7s}{'F1':>7s}")
    for name in ROWS:
        s = totals[name]
        print(f"{name:28s}{s.gold:7d}{s.predicted:8d}{s.correct:7d}{s.precision:8.3f}{s.recall:7.3f}{s.f1:7.3f}")
    print("event differences (second against first): "
          + ", ".join(f"{k} {v}" for k, v in events.errors.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
