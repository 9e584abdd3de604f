"""Counts and the arithmetic of precision, recall and F1; the event-kind hierarchy."""
from __future__ import annotations

from dataclasses import dataclass

PARENT = {
    "MemorandumOfUnderstanding": "Agreement", "Summit": "Meeting",
    "ObserverStatusChange": "MembershipChange", "Recognition": "DiplomaticAct",
    "EstablishmentOfRelations": "DiplomaticAct", "MediationOffer": "DiplomaticAct",
    "Offer": "DiplomaticAct", "StatementOfSupport": "DiplomaticAct", "War": "ArmedConflict",
    "Invasion": "ArmedConflict",
}


def _ancestors(kind: str) -> list[str]:
    out = [kind]
    while out[-1] in PARENT:
        out.append(PARENT[out[-1]])
    return out


def kinds_match(a: str, b: str) -> bool:
    """A kind matches itself or a kind above or below it (a Summit is a Meeting)."""
    return a in _ancestors(b) or b in _ancestors(a)


@dataclass
class Score:
    name: str
    gold: int = 0
    predicted: int = 0
    correct: int = 0
    # right among the gold items (differs from ``correct`` when one gold item may be
    # found by several predictions, as with lenient event matching)
    found: int | None = None

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def hits(self) -> int:
        """Gold items found."""
        return self.correct if self.found is None else self.found

    @property
    def recall(self) -> float:
        return self.hits / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        found = self.hits + other.hits if (self.found, other.found) != (None, None) else None
        self.gold += other.gold
        self.predicted += other.predicted
        self.correct += other.correct
        self.found = found


def match(gold: list, predicted: list, same) -> Score:
    """Pair each gold item with the first unused prediction that ``same`` accepts."""
    used: set[int] = set()
    correct = 0
    for g in gold:
        for i, p in enumerate(predicted):
            if i not in used and same(g, p):
                used.add(i)
                correct += 1
                break
    return Score("", len(gold), len(predicted), correct)
