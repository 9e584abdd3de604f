"""How strict precision follows the events' confidence on a folder of gold articles.

Every article with gold is extracted with no confidence threshold; each event is marked
strictly right or not (:func:`kg.eval.events.strictly_right`), and for each threshold the
events a build would publish (``confidence >= threshold``) are counted with their strict
precision.  The area under the ROC curve says how well confidence orders right events before
wrong ones (0.5: not at all).  Only totals are printed, so it may be run on an aggregate-only
set, to see whether any threshold would reach a precision on articles nobody tuned against:

    python -m kg.eval.confidence tests/data/real/check
"""
from __future__ import annotations

from pathlib import Path

THRESHOLDS = (0.0, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def scored_events(documents: Path, gold_dir: Path | None = None, registry_dir: Path | None = None
                  ) -> list[tuple[float, bool]]:
    """``(confidence, strictly right)`` of every event extracted, with no threshold, from the
    articles of ``documents`` that have gold (in ``gold_dir``, by default beside them)."""
    from kg.eval.events import gold_units, predicted_units, sentence_index, strictly_right
    from kg.eval.run import extractions_with_gold

    rows: list[tuple[float, bool]] = []
    for ex, gold, path, _ in extractions_with_gold(documents, gold_dir, registry_dir, min_confidence=0.0):
        right = strictly_right(gold_units(gold, sentence_index(ex), path, ex.text), predicted_units(ex.events))
        rows += [(e.confidence if e.confidence is not None else 1.0, i in right) for i, e in enumerate(ex.events)]
    return rows


def curve(rows: list[tuple[float, bool]], thresholds=THRESHOLDS) -> list[tuple[float, int, int]]:
    """``(threshold, published, strictly right)`` for each threshold.

    >>> curve([(0.9, True), (0.5, False), (0.2, True)], (0.0, 0.3, 0.95))
    [(0.0, 3, 2), (0.3, 2, 1), (0.95, 0, 0)]
    """
    return [(t, sum(c >= t for c, _ in rows), sum(c >= t and r for c, r in rows)) for t in thresholds]


def auc(rows: list[tuple[float, bool]]) -> float | None:
    """The chance that a strictly right event has a higher confidence than a wrong one (ties
    count half); None without both.

    >>> auc([(0.9, True), (0.5, False), (0.2, True)])
    0.5
    >>> auc([(0.9, True), (0.1, False)])
    1.0
    """
    right = [c for c, r in rows if r]
    wrong = [c for c, r in rows if not r]
    if not right or not wrong:
        return None
    wins = sum((a > b) + 0.5 * (a == b) for a in right for b in wrong)
    return wins / (len(right) * len(wrong))


def format_curve(rows: list[tuple[float, bool]], thresholds=THRESHOLDS) -> str:
    lines = [f"{'threshold':>9}  {'published':>9}  {'right':>5}  {'strict P':>8}"]
    for t, published, right in curve(rows, thresholds):
        p = f"{right / published:.3f}" if published else "-"
        lines.append(f"{t:>9.2f}  {published:>9}  {right:>5}  {p:>8}")
    a = auc(rows)
    lines.append(f"AUC of confidence for strict rightness: {a:.3f}" if a is not None else "AUC: -")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from kg.eval.run import folder_command

    def report(documents: Path, gold: Path | None) -> str:
        rows = scored_events(documents, gold)
        return (f"{len(rows)} events extracted with no threshold, {sum(r for _, r in rows)} strictly right\n"
                + format_curve(rows))

    return folder_command("python -m kg.eval.confidence", __doc__, report, argv)


if __name__ == "__main__":
    raise SystemExit(main())
