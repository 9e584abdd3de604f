"""``kg train``: fit the learned decisions of the extraction on gold articles, choose their
thresholds by cross-validation by article, and write ``kg/extract/decisions.json`` (and,
through :mod:`kg.extract.train_claims`, the statements' ``claim_decisions.json``).

Labels come from the gold (docs/annotation-guide.md): a rule-accepted trigger is an event
when a gold event of a matching kind is named in its sentence (or an ``also`` sentence);
a candidate of such an event is a participant when the gold event lists it.  The models are
scikit-learn logistic regressions (liblinear, fixed settings), so the same gold gives the
same bytes.  Thresholds are chosen for precision first: the participant threshold and a
threshold on the event model that give the highest strict event precision while strict
recall stays at or above ``RECALL_FLOOR`` in cross-validation; when no setting keeps it, the
best strict F0.5 (precision weighted twice) among the settings whose strict precision is at
least the rules' (an event right in kind but wrong in participants or time is a wrong fact,
so lenient figures do not choose).
Then a merge model for events the rules left apart is fitted from the gold's ``also`` lists
and kept only when it beats the rules in cross-validation (:mod:`kg.extract.train_merge`).
Last, a model of whether a finished event is right as a whole gives events their confidence,
and the publishing threshold (``min_confidence``) on it is chosen by cross-validation
(:mod:`kg.extract.train_strict`); the event model's threshold then applies only when that
model is missing.
Participant threshold "rules" means the rules choose the participants and the model only
gives them a confidence (``participant_decides`` false).

    python -m kg.extract.train --gold tests/data/real/dev [--cv-only]
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from kg.eval.events import gold_units, lenient_match, sentence_index
from kg.eval.gold import in_registry_terms, load_gold, norm_entity
from kg.eval.run import evaluate_document
from kg.eval.scores import Score
from kg import workspace
from kg.extract.decisions import FILE_NAME, Decisions
from kg.extract.fitting import f05, fit, score_line
from kg.extract.train_claims import train_claims, write as write_claims
from kg.extract.train_merge import train_merge
from kg.extract.train_strict import train_strict
from kg.extract.train_writer import train_writer, write as write_judge

FOLDS = 5
RECALL_FLOOR = 0.5
PARTICIPANT_THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)
EVENT_THRESHOLDS = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
OUT = workspace.package_files("extract") / FILE_NAME  # written into the source tree (an editable install)


@dataclass
class Article:
    doc_id: str
    text: str
    date: str | None
    doc: object  # the spaCy parse
    gold: dict
    path: str


def articles_from_command_line(prog: str, description: str, argv: list[str] | None):
    """``(articles, registry)`` for a diagnostic run as ``python -m PROG --gold DIR ...``."""
    from kg.extract.nlp import load_nlp
    from kg.registry import load_registry

    parser = argparse.ArgumentParser(prog=prog, description=description,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, action="append", required=True, help="gold folder (repeatable)")
    args = parser.parse_args(argv)
    registry = load_registry(None)
    return load_articles(args.gold, registry, load_nlp()), registry


def load_articles(folders: list[Path], registry, nlp) -> list[Article]:
    from kg.corpus import read_corpus
    from kg.extract.pipeline import normalise_text

    from kg.workspace import documents_folder

    out = []
    for folder in folders:
        texts = folder if any(Path(folder).glob("*.txt")) else documents_folder()
        for d in read_corpus(texts):
            found = load_gold(folder, d.id)
            if found is None:
                continue
            text = normalise_text(d.text)
            gold = in_registry_terms(found[0], registry)
            out.append(Article(d.id, text, d.metadata.get("date"), nlp(text), gold, found[1]))
    return out


def _extract(a: Article, registry, decisions, min_confidence=0.0, collect=None):
    from kg.extract.pipeline import extract

    return extract(a.doc_id, a.text, registry, doc=a.doc, date=a.date, min_confidence=min_confidence,
                   decisions=decisions, collect=collect)


def examples(articles: list[Article], registry) -> tuple[list, list]:
    """``(event rows, participant rows)``: (article index, features, label) each."""
    from kg.extract.decisions import RULES_ONLY

    ev_rows, part_rows = [], []
    for n, a in enumerate(articles):
        collected: list = []
        ex = _extract(a, registry, RULES_ONLY, collect=collected)
        gold = gold_units(a.gold, sentence_index(ex), a.path, a.text)
        for draft, efeats, cfeats in collected:
            unit = _unit(draft)
            matches = [g for g in gold if lenient_match(g, unit)]
            ev_rows.append((n, efeats, int(bool(matches))))
            if matches:
                wanted = set().union(*(g.participants for g in matches))
                for cand, feats in cfeats:
                    part_rows.append((n, feats, int(norm_entity(cand.entity) in wanted)))
    return ev_rows, part_rows


def _unit(event):
    from kg.eval.events import predicted_units

    return predicted_units([event])[0]


def _score(articles, registry, decisions, min_confidence) -> tuple[Score, Score, dict]:
    strict, lenient, errors = Score("strict"), Score("lenient"), {}
    for a in articles:
        result = evaluate_document(_extract(a, registry, decisions, min_confidence), a.gold, a.path)
        strict.add(result.events.strict)
        lenient.add(result.events.lenient)
        for k, v in result.events.errors.items():
            errors[k] = errors.get(k, 0) + v
    return strict, lenient, errors


def cross_validate(articles: list[Article], registry, out=sys.stdout) -> tuple[float, float, dict]:
    """Strict/lenient figures of the rules alone and of the learned decisions per threshold
    pair, by article folds; returns the chosen (participant threshold, min_confidence)."""
    from kg.extract.decisions import RULES_ONLY

    folds = [[a for i, a in enumerate(articles) if i % FOLDS == k] for k in range(FOLDS)]
    rules = _score(articles, registry, RULES_ONLY, 0.0)
    print(score_line("rules alone", *rules), file=out)
    grid: dict[tuple[float, float], list] = {}
    for k in range(FOLDS):
        train = [a for j, f in enumerate(folds) if j != k for a in f]
        ev_rows, part_rows = examples(train, registry)
        event_model = fit(ev_rows)
        for pt in (None, *PARTICIPANT_THRESHOLDS):  # None: the rules choose participants
            part_model = fit(part_rows, pt or 0.5)
            decisions = Decisions(event_model, part_model, participant_decides=pt is not None)
            for et in EVENT_THRESHOLDS:
                s, l_, e = _score(folds[k], registry, decisions, et)
                acc = grid.setdefault((pt, et), [Score("strict"), Score("lenient"), {}])
                acc[0].add(s)
                acc[1].add(l_)
                for key, v in e.items():
                    acc[2][key] = acc[2].get(key, 0) + v
    for (pt, et), (s, l_, e) in sorted(grid.items(), key=lambda kv: (kv[0][0] or 0, kv[0][1])):
        print(score_line(f"learned p>={pt or 'rules'} e>={et}", s, l_, e), file=out)
    keeping = [(k, v) for k, v in grid.items() if v[0].recall >= RECALL_FLOOR]
    if keeping:
        best = max(keeping, key=lambda kv: (round(kv[1][0].precision, 3), round(kv[1][1].precision, 3),
                                            kv[1][0].recall, -kv[0][1]))
    else:  # precision first, but not below the rules' strict precision
        fair = [(k, v) for k, v in grid.items() if v[0].precision >= rules[0].precision] or list(grid.items())
        best = max(fair, key=lambda kv: (round(f05(kv[1][0]), 3), round(f05(kv[1][1]), 3), -kv[0][1],
                                         kv[0][0] or 0))
    (pt, et), (s, l_, e) = best
    print(score_line(f"chosen p>={pt or 'rules'} e>={et}", s, l_, e), file=out)
    return pt, et, {"strict": s, "lenient": l_, "errors": e, "rules": rules}


def train(folders: list[Path], registry_dir: Path | None = None, write: bool = True, out=sys.stdout) -> Decisions:
    from kg.extract.nlp import load_nlp
    from kg.registry import load_registry

    registry = load_registry(registry_dir)
    articles = load_articles(folders, registry, load_nlp())
    if not articles:
        from kg.errors import InputError

        raise InputError("no article with a gold file in the folders given", path=", ".join(map(str, folders)))
    print(f"{len(articles)} articles with gold", file=out)
    pt, et, chosen = cross_validate(articles, registry, out)
    ev_rows, part_rows = examples(articles, registry)
    claim_decisions = train_claims(articles, registry, out)
    judge = train_writer(articles, registry, claim_decisions, out)
    claims = _claim_precision(articles, registry, claim_decisions)
    decisions = Decisions(fit(ev_rows), fit(part_rows, pt or 0.5),
                          {"event": round(chosen["rules"][1].precision, 4),
                           "participant": 0.9, "claim": round(claims, 4)}, et, participant_decides=pt is not None)
    decisions = replace(decisions, merge=train_merge(articles, registry, decisions, out))
    strict, threshold = train_strict(articles, registry, decisions, out)
    decisions = replace(decisions, strict=strict, min_confidence=threshold)
    if write:
        OUT.write_text(decisions.to_json(), encoding="utf-8")
        print(f"wrote {OUT}", file=out)
        write_claims(claim_decisions, out)
        write_judge(judge, out)
    return decisions


def _claim_precision(articles, registry, claim_decisions) -> float:
    from kg.extract.decisions import RULES_ONLY
    from kg.extract.pipeline import extract

    total = Score("claims")
    for a in articles:
        ex = extract(a.doc_id, a.text, registry, doc=a.doc, date=a.date, decisions=RULES_ONLY,
                     claim_decisions=claim_decisions, writer_judge=False)
        total.add(evaluate_document(ex, a.gold, a.path).scores["claims"])
    return total.precision


def gold_parser(prog: str, doc: str) -> argparse.ArgumentParser:
    """The command line of ``kg train`` and of each of its steps run alone: the gold folders,
    a registry, and ``--cv-only``."""
    parser = argparse.ArgumentParser(prog=prog, description=doc.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, action="append", required=True,
                        help="a folder of articles with <id>.gold.yaml beside them, or of gold files "
                             "for the workspace's documents such as tests/gold (repeatable)")
    parser.add_argument("--registry", type=Path, default=None)
    parser.add_argument("--cv-only", action="store_true", help="print the cross-validation, write nothing")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = gold_parser("kg train", __doc__).parse_args(argv)
    train(args.gold, args.registry, write=not args.cv_only)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
