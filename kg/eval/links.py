"""Where the participant errors of events come from, in totals over a folder of gold articles.

Every published event that a gold event matches (as ``kg eval`` pairs them) is compared with
that gold event.  Each participant link the event has is right when the gold event lists the
participant, and is counted under the rule that attached it (``Event.provenance``): the
precision of each rule on these articles.  Each participant the gold event lists and the
event lacks is counted by its entity type and by where the article names it: in the event's
sentence; in another sentence of the event (one of its ``also`` sentences); in a sentence the
gold event spans and the extracted one does not (the event was not joined to the sentence
that names it); elsewhere in the article; or nowhere (no name in the text was linked to it).
Only totals are printed, so it may be run on an aggregate-only set:

    python -m kg.eval.links tests/data/real/check
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

WHERE = ("its sentence", "an also sentence", "a gold-only sentence", "elsewhere", "not linked")


@dataclass
class LinkTally:
    by_rule: Counter = field(default_factory=Counter)  # (rule, right?) -> links
    missing: Counter = field(default_factory=Counter)  # (entity type, where) -> participants
    extra: Counter = field(default_factory=Counter)  # (event kind, entity type) -> participants
    events: int = 0  # events a gold event matches


def _type(registry, key: str) -> str:
    if key.startswith("new:"):
        return "outside registry"
    entity = registry.entities.get(key)
    return entity.type if entity is not None else "unknown"


def _where(participant: str, mentioned: dict[str, set[int]], event, gold) -> str:
    sentences = mentioned.get(participant, set())
    if not sentences:
        return WHERE[4]
    if event.sentence in sentences:
        return WHERE[0]
    if sentences & event.sentences:
        return WHERE[1]
    if sentences & gold.sentences:
        return WHERE[2]
    return WHERE[3]


def tally_article(ex, gold: dict, path: str, registry, tally: LinkTally) -> None:
    """Add one extracted article's participant links and misses to ``tally``."""
    from kg.eval.events import gold_units, predicted_units, score_events, sentence_index, strictly_right
    from kg.eval.gold import norm_entity
    from kg.extract.model import provenance_of

    g_units = gold_units(gold, sentence_index(ex), path, ex.text)
    pred = predicted_units(ex.events)
    position = {id(u): j for j, u in enumerate(pred)}
    partners = {j: pred[j] for j in strictly_right(g_units, pred)}  # a right event is its own partner
    partners.update((position[id(p)], g) for _, p, g in score_events(g_units, pred).wrong if g is not None)
    mentioned: dict[str, set[int]] = {}
    for m in ex.mentions:
        mentioned.setdefault(norm_entity(m.entity), set()).add(m.sentence)
    for j, g in sorted(partners.items()):
        event, unit = ex.events[j], pred[j]
        tally.events += 1
        for participant, rule in zip(event.participants, provenance_of(event)):
            tally.by_rule[(rule, norm_entity(participant) in g.participants)] += 1
        for participant in sorted(g.participants - unit.participants):
            tally.missing[(_type(registry, participant), _where(participant, mentioned, unit, g))] += 1
        for participant in sorted(unit.participants - g.participants):
            tally.extra[(unit.kind, _type(registry, participant))] += 1


def tally(documents: Path, gold_dir: Path | None = None, registry_dir: Path | None = None) -> LinkTally:
    from kg.eval.run import extractions_with_gold

    out = LinkTally()
    for ex, gold, path, registry in extractions_with_gold(documents, gold_dir, registry_dir):
        tally_article(ex, gold, path, registry, out)
    return out


def format_tally(t: LinkTally) -> str:
    lines = [f"{t.events} published events matched by a gold event", "",
             f"{'participant links by rule':<28} {'right':>5} {'wrong':>5} {'P':>6}"]
    rules = sorted({r for r, _ in t.by_rule}, key=lambda r: (-(t.by_rule[(r, True)] + t.by_rule[(r, False)]), r))
    for r in rules:
        right, wrong = t.by_rule[(r, True)], t.by_rule[(r, False)]
        lines.append(f"{r:<28} {right:>5} {wrong:>5} {right / (right + wrong):>6.3f}")
    types = sorted({k for k, _ in t.missing})
    lines += ["", "missing participants, by type and where the article names them",
              f"{'':<18}" + "".join(f"{w:>21}" for w in WHERE)]
    for ty in types:
        lines.append(f"{ty:<18}" + "".join(f"{t.missing[(ty, w)]:>21}" for w in WHERE))
    lines += ["", "extra participants, by event kind and type"]
    for (kind, ty), n in sorted(t.extra.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"  {kind:<26} {ty:<18} {n:>4}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from kg.eval.run import folder_command

    return folder_command("python -m kg.eval.links", __doc__, lambda d, g: format_tally(tally(d, g)), argv)


if __name__ == "__main__":
    raise SystemExit(main())
