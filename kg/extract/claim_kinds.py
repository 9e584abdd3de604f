"""The learned kind and stance of statements, read from the shipped
``kg/extract/claim_decisions.json`` (made by ``kg train``).

A classifier is a weight per class and feature (features: :mod:`kg.extract.claim_features`);
the class with the highest sum wins.  Cross-validation by article in ``kg train`` decides
where a classifier replaces the rules: for the writer's own claims, for attributed
statements, both or neither (``kind_for``, ``stance_for``); a group whose best stance
setting (regularisation, words or not) differs from the other's has its own classifier
(``stance_by_group``).  Without the file the rules
decide alone (:mod:`kg.extract.claims`, :mod:`kg.extract.stance`).
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass, replace
from typing import Callable

from spacy.tokens import Doc

from kg.extract.claim_features import kind_features, stance_features
from kg.extract.decisions import read_shipped
from kg.extract.model import Claim

FILE_NAME = "claim_decisions.json"
GROUPS = ("writer", "attributed")


@dataclass(frozen=True)
class LinearClassifier:
    weights: dict[str, dict[str, float]]  # class -> feature -> weight
    words: bool = True  # whether the features include the statement's lemmas

    def scores(self, features: dict[str, float]) -> dict[str, float]:
        # a feature without a weight adds 0.0: leaving it out gives the same sums, in the same order
        return {c: sum(w[name] * v for name, v in features.items() if name in w) for c, w in self.weights.items()}

    def predict(self, features: dict[str, float]) -> str:
        s = self.scores(features)
        return max(sorted(s), key=lambda c: s[c])

    def to_data(self) -> dict:
        return {"words": self.words, "weights": {c: {k: round(v, 6) for k, v in sorted(w.items()) if round(v, 6)}
                                                 for c, w in sorted(self.weights.items())}}

    @classmethod
    def from_data(cls, data: dict | None) -> "LinearClassifier | None":
        if not data:
            return None
        return cls({c: dict(w) for c, w in data["weights"].items()}, bool(data.get("words", True)))


@dataclass(frozen=True)
class ClaimDecisions:
    """The kind and stance classifiers, and the groups of claims each decides."""

    kind: LinearClassifier | None = None
    kind_for: tuple[str, ...] = ()
    stance: LinearClassifier | None = None
    stance_for: tuple[str, ...] = ()
    # a group whose best setting in cross-validation is not the others': its own classifier
    stance_by_group: tuple[tuple[str, LinearClassifier], ...] = ()

    @classmethod
    def from_json(cls, data: dict) -> "ClaimDecisions":
        by_group = tuple((g, LinearClassifier.from_data(m)) for g, m in sorted((data.get("stance_by_group") or {}).items()))
        return cls(LinearClassifier.from_data(data.get("kind")), tuple(data.get("kind_for") or ()),
                   LinearClassifier.from_data(data.get("stance")), tuple(data.get("stance_for") or ()), by_group)

    def to_json(self) -> str:
        data = {"format": 1, "kind": self.kind.to_data() if self.kind else None, "kind_for": list(self.kind_for),
                "stance": self.stance.to_data() if self.stance else None, "stance_for": list(self.stance_for)}
        if self.stance_by_group:
            data["stance_by_group"] = {g: m.to_data() for g, m in self.stance_by_group}
        return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"

    def stance_model(self, group: str) -> LinearClassifier | None:
        """The stance classifier for a group's claims, if it decides for them."""
        if group not in self.stance_for:
            return None
        return dict(self.stance_by_group).get(group, self.stance)


RULES = ClaimDecisions()


@functools.lru_cache(maxsize=1)
def shipped() -> ClaimDecisions:
    """The classifiers shipped in the package (the rules alone when there are none)."""
    data = read_shipped(FILE_NAME)
    return RULES if data is None else ClaimDecisions.from_json(data)


def group(claim: Claim) -> str:
    return "writer" if claim.speaker is None else "attributed"


def decide(doc: Doc, claims: list[Claim], core_type: Callable[[str], str],
           decisions: ClaimDecisions | None = None,
           state_of: Callable[[str], str | None] | None = None, stance_only: bool = False) -> list[Claim]:
    """Each claim with the kind and stance the classifiers give, where they decide; a
    writer's claim they call a ReportOfFact is left out (a plain fact is not a claim).
    ``state_of`` gives the state a speaker speaks for (itself, or a person's nationality);
    with ``stance_only`` the kinds stay as they are (the writer judge's own kinds)."""
    d = decisions if decisions is not None else shipped()
    if stance_only:
        d = replace(d, kind_for=())
    if not (d.kind_for and d.kind) and not any(d.stance_model(g) for g in GROUPS):
        return claims
    out = []
    for c in claims:
        g, kind, stance = group(c), c.kind, c.stance
        if d.kind is not None and g in d.kind_for:
            speaker_type = core_type(c.speaker) if c.speaker else None
            kind = d.kind.predict(kind_features(doc, c, speaker_type, d.kind.words))
        model = d.stance_model(g)
        if model is not None:
            state = state_of(c.speaker) if state_of is not None and c.speaker else None
            stance = model.predict(stance_features(doc, c, model.words, state))
        if kind == "ReportOfFact" and g == "writer":
            continue  # the writer's statement of a plain fact is not a claim
        out.append(replace(c, kind=kind, stance=stance) if (kind, stance) != (c.kind, c.stance) else c)
    return out
