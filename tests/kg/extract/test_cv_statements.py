"""Statement figures by cross-validation (kg/extract/cv_statements.py): every fold's judge is
fitted without the articles it judges, and every gold claim of the dev and check folders is
scored."""
from __future__ import annotations

from pathlib import Path

import yaml

from kg.extract.cv_statements import FOLDS, fold_judges, score
from kg.extract.nlp import load_nlp
from kg.extract.train import load_articles
from kg.extract.train_writer import Row
from kg.registry import load_registry

DATA = Path(__file__).resolve().parents[2] / "data"


def test_a_fold_judge_never_saw_the_articles_it_judges():
    # the dev articles of fold 0 (0 and 5) alone carry the mark and are claims; the check
    # articles (10, 11) carry another mark and are claims too
    rows = []
    for n in range(12):
        mark = "check" if n >= 10 else "fold0" if n % FOLDS == 0 else "plain"
        label = "none" if mark == "plain" else "Assessment"
        for _ in range(4):
            rows.append(Row(n, {mark: 1.0}, {mark: 1.0}, label))
    judges, check_judge = fold_judges(rows, (1.0, False, 0.5), dev=10, check=range(10, 12))
    seen = judges[1].probabilities({"fold0": 1.0})["Assessment"]
    unseen = judges[0].probabilities({"fold0": 1.0})["Assessment"]
    assert seen > 0.7 > unseen
    # a mark never seen weighs nothing: an even chance, not the claim the others learnt
    assert check_judge.probabilities({"check": 1.0})["Assessment"] == 0.5 < \
        judges[0].probabilities({"check": 1.0})["Assessment"]


def test_every_gold_claim_of_the_dev_and_check_folders_is_scored():
    registry, nlp = load_registry(), load_nlp()
    dev = load_articles([DATA / "unseen"], registry, nlp)
    check = load_articles([DATA / "heldout"], registry, nlp)
    dev_scores, check_scores, setting = score(dev, check, [], registry, setting=(0.3, False, 0.6))

    def claims(folder: str) -> int:
        return sum(len(yaml.safe_load(p.read_text(encoding="utf-8")).get("claims") or [])
                   for p in (DATA / folder).glob("*.gold.yaml"))

    assert (dev_scores.gold, check_scores.gold) == (claims("unseen"), claims("heldout"))
    assert 0 < dev_scores.found <= dev_scores.predicted and 0 < check_scores.found <= check_scores.predicted
    assert setting == (0.3, False, 0.6)
