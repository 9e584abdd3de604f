"""Where each event draft is dropped, and whether it would have been right (issue 11).

:mod:`kg.extract.trigger_funnel` counts how many gold events survive each step of the event
finder; this module follows every draft (a trigger with the rules' participants, time and
status, what ``events._build`` hands to ``collect``) to the step that drops it, and judges
what would have been published had it not been dropped:

- ``mention only``: no participant; it joins an earlier event or is left out;
- ``one party``: a pact or armed conflict with fewer than two sides (``events.PACT_KINDS``,
  ``triggers.TWO_SIDED``);
- ``merged``: built, then joined to an earlier event in the finder's loop (the same event
  told again, an antecedent, "said of an earlier" one);
- ``merge pass``: joined to an earlier event by ``merging.merge_pass``;
- ``forum``: left out by the forum rules of ``gatherings``;
- ``filter``: left out at the end of the finder (one-sided meeting, a visit naming neither
  state nor person, an arrival without a host);
- ``threshold``: finished, but its strict confidence is below ``min_confidence``;
- ``published``.

The first two are read from the draft, which holds the rules' participants: that is the
finder's choice when the rules keep the participants (``participant_decides`` false, as
shipped since session 11), not when the participant model decides.

The draft is judged as it stands (its own participants, its time and status after the
article-level steps that every event goes through), except for ``filter`` and
``threshold``, where the finished event (after merging, attendees and venues) is judged.
A judged unit is ``strict`` (strictly right for some gold event), ``lenient`` (right in
sentence and kind only) or ``wrong``; for the first two, ``gold published`` says whether
that gold event is published anyway by another event.

Only totals are printed, so it may be run on an aggregate-only check set.

    python -m kg.extract.draft_fates --gold /work/notes/sets/dev188

Result in session 13 (decisions retrained without r13/r14): of the 571 dev188 gold events,
162 have a draft but are not published; the best draft of only 7 of them is strictly right
as it stands (2 dropped as one-party pacts or wars, 1 merged, 1 filtered, 3 below the
threshold), and 96 of the other 155 are wrong in their participants alone.  Every step drops
more strictly wrong drafts than right ones (one party 2 right / 31 not; filter 1 / 44;
threshold 5 / 104), and switching the one-party and end-filter rules off adds no strictly
right event at the retrained threshold (0.25) on dev188, r13/r14 or the seeds.  What is lost is lost
to participants, not to the rules that drop drafts.
"""
from __future__ import annotations

from collections import Counter
from contextlib import ExitStack
from unittest import mock

FATES = ("mention only", "one party", "merged", "merge pass", "forum", "filter", "threshold", "published")


class _Recorder:
    """The trigger offsets of the events that reach each step of ``events.find_events``."""

    def __init__(self):
        self.ctx = None
        self.after_loop: list = []
        self.after_merge: list = []
        self.after_forum: list = []
        self.before_judge: list = []
        self.published: list = []
        self.judged = False

    def patches(self):
        from kg.extract import events as ev

        def wrap(name, record_in=None, record_out=None):
            real = getattr(ev, name)

            def wrapper(*args, **kwargs):
                if record_in:
                    record_in(args)
                out = real(*args, **kwargs)
                if record_out:
                    record_out(out)
                return out
            return mock.patch.object(ev, name, wrapper)

        def loop_done(args):
            self.ctx, self.after_loop = args[0], list(args[1])
        def finished(out):  # without a strict model nothing is judged: what the finder returns
            if not self.judged:
                self.before_judge = self.published = list(out)

        def judging(args):
            self.judged, self.before_judge = True, list(args[1])
        return [wrap("editions", record_in=loop_done),
                wrap("merge_pass", record_out=lambda out: setattr(self, "after_merge", list(out))),
                wrap("side_meetings_attend", record_out=lambda out: setattr(self, "after_forum", list(out))),
                wrap("judged", record_in=judging, record_out=lambda out: setattr(self, "published", list(out))),
                wrap("find_events", record_out=finished)]


def fate(draft, rec: _Recorder) -> str:
    """The step at which ``draft`` leaves the finder (one of ``FATES``)."""
    from kg.extract.events import PACT_KINDS
    from kg.extract.triggers import TWO_SIDED

    if not draft.participants:
        return "mention only"
    if draft.kind in TWO_SIDED | PACT_KINDS and len(draft.participants) < 2:
        return "one party"
    start = draft.trigger.start
    for name, events in (("merged", rec.after_loop), ("merge pass", rec.after_merge),
                         ("forum", rec.after_forum), ("filter", rec.before_judge),
                         ("threshold", rec.published)):
        if not any(e.trigger.start == start for e in events):
            return name
    return "published"


def as_published(ctx, events, date: str | None, text: str):
    """``events`` after the steps that every finished event goes through (time carried over
    and made a range, statuses against the article's date, programme items, the lede's day)."""
    from kg.extract.duration import days_range
    from kg.extract.news_day import dated_by_lede
    from kg.extract.status import status_by_date, within_programme
    from kg.extract.timing import continued_time

    events = [days_range(ctx, continued_time(ctx, days_range(ctx, e))) for e in events]
    events = within_programme(status_by_date(events, date), date, ctx.doc)
    return dated_by_lede(text, ctx.sentences, ctx.times, events, ctx.doc)


def _wrong_parts(g, unit) -> tuple[str, ...]:
    """What keeps ``unit`` from being strictly right for ``g`` (its lenient partner)."""
    from kg.eval.events import time_matches

    return tuple(name for name, bad in (("participants", g.participants != unit.participants),
                                        ("time", not time_matches(g, unit)), ("status", g.status != unit.status))
                 if bad)


def article_fates(a, registry) -> tuple[list[tuple], list[tuple]]:
    """For one article: (fate, verdict, gold published) for every draft, and (fate, verdict,
    what is wrong) for every gold event that has a draft but is not published (its best
    draft: the one strictly right, else the one that went furthest); what is wrong is a
    tuple of "participants", "time" and "status" (empty when strictly right)."""
    from kg.eval.events import gold_units, lenient_match, predicted_units, sentence_index, strict_match
    from kg.extract.pipeline import extract

    rec = _Recorder()
    collected: list = []
    with ExitStack() as stack:
        for p in rec.patches():
            stack.enter_context(p)
        result = extract(a.doc_id, a.text, registry, doc=a.doc, date=a.date, collect=collected)
    gold = gold_units(a.gold, sentence_index(result), a.path, a.text)
    shipped = predicted_units(result.events)
    published = [any(lenient_match(g, p) for p in shipped) for g in gold]
    drafts = [d for d, _, _ in collected]
    fates = [fate(d, rec) for d in drafts]
    stood = as_published(rec.ctx, drafts, a.date, a.text) if drafts and rec.ctx is not None else []
    finished = {e.trigger.start: e for e in rec.before_judge}
    out = {e.trigger.start: e for e in result.events}
    rows, best = [], {}
    for d, f, own in zip(drafts, fates, stood):
        judged = own
        if f in {"filter", "threshold"}:
            judged = finished.get(d.trigger.start, own)
        elif f == "published":
            judged = out.get(d.trigger.start, own)
        unit = predicted_units([judged])[0]
        strict = [i for i, g in enumerate(gold) if strict_match(g, unit)]
        lenient = [i for i, g in enumerate(gold) if lenient_match(g, unit)]
        verdict = "strict" if strict else "lenient" if lenient else "wrong"
        hits = strict or lenient
        rows.append((f, verdict, any(published[i] for i in hits)))
        rank = (verdict == "strict", FATES.index(f))
        for i in hits:
            if not published[i] and (i not in best or rank > best[i][0]):
                best[i] = (rank, (f, verdict, () if strict else _wrong_parts(gold[i], unit)))
    return rows, [best[i][1] for i in sorted(best)]


def tables(articles, registry) -> tuple[Counter, Counter]:
    """Counts of (fate, verdict, gold published) over every draft, and of (fate, verdict,
    what is wrong) over the gold events with a draft that are not published."""
    drafts, lost = Counter(), Counter()
    for a in articles:
        rows, missed = article_fates(a, registry)
        drafts.update(rows)
        lost.update(missed)
    return drafts, lost


def report(drafts: Counter, lost: Counter) -> str:
    head = f"{'step':<14}{'strict':>8}{'lenient':>9}{'wrong':>7}"
    lines = ["drafts by the step that drops them (verdict of what would be published):",
             head + "  right, gold published anyway"]
    for f in FATES:
        s, le, w = (sum(n for (ff, v, _), n in drafts.items() if ff == f and v == verdict)
                    for verdict in ("strict", "lenient", "wrong"))
        anyway = sum(n for (ff, v, pub), n in drafts.items() if ff == f and v != "wrong" and pub)
        lines.append(f"{f:<14}{s:>8}{le:>9}{w:>7}  {anyway:>28}")
    lines += ["", "gold events with a draft, not published: the step that drops their best draft,",
              "and what is wrong in the lenient ones", head[:-7] + "  participants  time  status  participants only"]
    for f in FATES:
        s, le = (sum(n for (ff, v, _), n in lost.items() if ff == f and v == verdict) for verdict in ("strict", "lenient"))
        parts = [sum(n for (ff, _, wrong), n in lost.items() if ff == f and part in wrong)
                 for part in ("participants", "time", "status")]
        alone = sum(n for (ff, _, wrong), n in lost.items() if ff == f and wrong == ("participants",))
        if s or le:
            lines.append(f"{f:<14}{s:>8}{le:>9}  {parts[0]:>12}{parts[1]:>6}{parts[2]:>8}{alone:>19}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from kg.extract.train import articles_from_command_line

    articles, registry = articles_from_command_line("python -m kg.extract.draft_fates", __doc__, argv)
    print(report(*tables(articles, registry)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
