"""Where the gold events that the system never finds are lost (issue 11): aggregate counts
of gold events along the steps of the event finder, for a folder of gold articles.

A gold event passes a step when something of a matching kind (itself, or a kind above or
below it) in one of its sentences passes it:

1. ``trigger``: a word the trigger rules give a kind (``triggers.trigger_kind``);
2. ``frame``: such a word outside the author's note, not irrealis and not ruled out as no
   event (``realis.not_an_event``), which is what ``events.find_events`` hands to ``_build``;
3. ``candidate``: an event draft ``_build`` made for it (a plural "talks" that is only a
   mention makes none);
4. ``rules``: an event the pipeline keeps with the rules alone (no learned decisions, no
   confidence threshold);
5. ``learned``: an event the pipeline keeps with the shipped learned decisions (participant,
   event and merge models) but no confidence threshold;
6. ``shipped``: an event the pipeline keeps with the shipped decisions and threshold.

Only totals are printed, so it may be run on an aggregate-only check set.

    python -m kg.extract.trigger_funnel --gold /work/notes/sets/r10
"""
from __future__ import annotations

from kg.eval.events import gold_units, lenient_match, predicted_units, sentence_index
from kg.eval.scores import kinds_match

STEPS = ("gold", "trigger", "frame", "candidate", "rules", "learned", "shipped")


def _hit(unit, found: list[tuple[int, str]]) -> bool:
    return any(s in unit.sentences and kinds_match(k, unit.kind) for s, k in found)


def article_steps(a, registry) -> list[set]:
    """For one article, the steps each of its gold events passes (a set of step names each)."""
    from kg.extract.context import Context
    from kg.extract.decisions import RULES_ONLY
    from kg.extract.pipeline import extract
    from kg.extract.realis import not_an_event
    from kg.extract.triggers import irrealis, trigger_kind

    collected: list = []
    rules = extract(a.doc_id, a.text, registry, doc=a.doc, date=a.date, decisions=RULES_ONLY,
                    min_confidence=0.0, collect=collected)
    learned = extract(a.doc_id, a.text, registry, doc=a.doc, date=a.date, min_confidence=0.0)
    shipped = extract(a.doc_id, a.text, registry, doc=a.doc, date=a.date)
    ctx = Context(a.doc, rules.sentences, rules.mentions, [], registry,
                  rules.author.sentence if rules.author else None, rules.new_entities)
    triggered, framed = [], []
    for token in a.doc:
        kind = trigger_kind(token)
        s = ctx.sentence_of(token)
        if kind is None or s is None:
            continue
        triggered.append((s.index, kind))
        if not ctx.in_author_bio(token) and not irrealis(token) and not not_an_event(token, kind):
            framed.append((s.index, kind))
    drafts = [(d.sentence.index, d.kind) for d, _, _ in collected]
    out = []
    for g in gold_units(a.gold, sentence_index(rules), a.path, a.text):
        passed = {"gold"}
        for step, found in (("trigger", triggered), ("frame", framed), ("candidate", drafts)):
            if _hit(g, found):
                passed.add(step)
        for step, ex in (("rules", rules), ("learned", learned), ("shipped", shipped)):
            if any(lenient_match(g, p) for p in predicted_units(ex.events)):
                passed.add(step)
        out.append(passed)
    return out


def funnel(articles, registry) -> dict[str, int]:
    """How many gold events pass each step."""
    counts = dict.fromkeys(STEPS, 0)
    for a in articles:
        for passed in article_steps(a, registry):
            for step in passed:
                counts[step] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    from kg.extract.train import articles_from_command_line

    articles, registry = articles_from_command_line("python -m kg.extract.trigger_funnel", __doc__, argv)
    counts = funnel(articles, registry)
    print("gold events passing each step: " + ", ".join(f"{s} {counts[s]}" for s in STEPS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
