"""The learned decisions of the extraction: logistic models over parse features, read
from the shipped ``kg/extract/decisions.json`` (made by ``kg train``).

A model is a bias, a weight per feature and a threshold; its probability is the logistic
of the sum.  Without the file the rules decide alone (every rule candidate taken, with the
rules' measured precision as confidence).
"""
from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field
from importlib import resources

FILE_NAME = "decisions.json"


@dataclass(frozen=True)
class LogisticModel:
    weights: dict[str, float]
    threshold: float = 0.5

    def probability(self, features: dict[str, float]) -> float:
        z = sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class Decisions:
    """The event and participant models, or ``None`` for the rules alone."""

    event: LogisticModel | None = None
    participant: LogisticModel | None = None
    # confidence given when a model is missing: the rules' precision on the dev set
    rule_confidence: dict[str, float] = field(default_factory=lambda: {"event": 0.9, "participant": 0.9})
    min_confidence: float = 0.0  # the default publishing threshold chosen on the dev set
    # whether the participant model decides who takes part, or only gives the rules'
    # choices a confidence (when cross-validation shows the rules choose better)
    participant_decides: bool = True
    # whether two events the rules left apart are one (None: the rules alone merge)
    merge: LogisticModel | None = None
    # how sure the pipeline is that a finished event is right as a whole (kind, participants,
    # time, status): its confidence, to which min_confidence applies (None: the event model's)
    strict: LogisticModel | None = None

    @classmethod
    def from_json(cls, data: dict) -> "Decisions":
        def model(key):
            part = data.get(key)
            return LogisticModel(dict(part["weights"]), float(part["threshold"])) if part else None
        return cls(model("event"), model("participant"),
                   dict(data.get("rule_confidence") or {"event": 0.9, "participant": 0.9}),
                   float(data.get("min_confidence", 0.0)), bool(data.get("participant_decides", True)),
                   model("merge"), model("strict"))

    def to_json(self) -> str:
        def model(m):
            if m is None:
                return None
            return {"threshold": round(m.threshold, 4),
                    "weights": {k: round(v, 6) for k, v in sorted(m.weights.items()) if round(v, 6) != 0}}
        data = {"format": 1, "event": model(self.event), "participant": model(self.participant),
                "rule_confidence": {k: round(v, 4) for k, v in sorted(self.rule_confidence.items())},
                "min_confidence": round(self.min_confidence, 4), "participant_decides": self.participant_decides}
        if self.merge is not None:
            data["merge"] = model(self.merge)
        if self.strict is not None:
            data["strict"] = model(self.strict)
        return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"

    def event_probability(self, features: dict[str, float]) -> float:
        if self.event is None:
            return self.rule_confidence["event"]
        return self.event.probability(features)

    def participant_probability(self, features: dict[str, float], rule: bool) -> float:
        if self.participant is None:
            return self.rule_confidence["participant"] if rule else 0.0
        return self.participant.probability(features)

    def takes_participant(self, probability: float, rule: bool) -> bool:
        if self.participant is None or not self.participant_decides:
            return rule
        return probability >= self.participant.threshold


RULES_ONLY = Decisions()


def read_shipped(name: str) -> dict | None:
    """The JSON artefact ``name`` that ``kg train`` wrote into kg/extract, or None."""
    ref = resources.files("kg.extract") / name
    return json.loads(ref.read_text(encoding="utf-8")) if ref.is_file() else None


@functools.lru_cache(maxsize=1)
def shipped() -> Decisions:
    """The decisions shipped in the package (the rules alone when there are none)."""
    data = read_shipped(FILE_NAME)
    return RULES_ONLY if data is None else Decisions.from_json(data)
