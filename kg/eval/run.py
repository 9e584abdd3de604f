"""Running the extraction over articles with gold and adding up the scores."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.eval.entities import entity_scores, fragments
from kg.eval.events import ERROR_KINDS, EventScores, gold_units, predicted_units, score_events, sentence_index
from kg.eval.gold import find_once, gold_mentions, in_registry_terms, load_gold, norm_entity
from kg.eval.places import place_score
from kg.eval.scores import Score, kinds_match, match
from kg.extract.model import Extraction


@dataclass
class DocumentScores:
    scores: dict[str, Score]
    events: EventScores
    fragments: list[str] = field(default_factory=list)


@dataclass
class Evaluation:
    totals: dict[str, Score]
    per_doc: dict[str, DocumentScores]
    events: EventScores
    fragments: list[str]


def evaluate_document(ex: Extraction, gold: dict, path: str) -> DocumentScores:
    text = ex.text

    index = sentence_index(ex)

    def sent(snippet):
        return index(find_once(text, snippet, path))

    g_mentions = gold_mentions(text, gold.get("mentions") or [], path)
    scores = entity_scores(text, g_mentions, ex, gold)

    events = score_events(gold_units(gold, index, path, text), predicted_units(ex.events))
    scores["events strict"] = events.strict
    scores["events lenient"] = events.lenient
    g_events = [(sent(e["sentence"]), e["type"]) for e in gold.get("events") or []]
    p_events = [(e.sentence.index, e.kind) for e in ex.events]
    scores["events"] = match(g_events, p_events, lambda g, p: g[0] == p[0] and kinds_match(g[1], p[1]))
    scores["event places"] = place_score(gold, ex.events, index, path, text)

    g_mem = [(m["member"], m["organisation"], m["status"]) for m in gold.get("memberships") or []]
    p_mem = [(m.member, m.organisation, m.status) for m in ex.memberships]
    scores["memberships"] = match(g_mem, p_mem, lambda g, p: g == p)

    g_int = [(i["party"], i["project"]) for i in gold.get("interests") or []]
    p_int = [(i.party, i.project) for i in ex.interests]
    scores["project interest"] = match(g_int, p_int, lambda g, p: g == p)

    g_q = [(float(q["value"]), q["currency"], str(q.get("year") or "")) for q in gold.get("quantities") or []]
    p_q = [(float(q.value), q.currency, q.year or "") for q in ex.quantities]
    scores["quantities"] = match(g_q, p_q, lambda g, p: g == p)

    g_claims = [(sent(c["sentence"]), c["kind"]) for c in gold.get("claims") or []]
    p_claims = [(c.sentence.index, c.kind) for c in ex.claims]
    scores["claims"] = match(g_claims, p_claims, lambda g, p: g == p)
    scores["claims (sentence only)"] = match(g_claims, p_claims, lambda g, p: g[0] == p[0])

    author = gold.get("author") or {}
    g_auth = [("role", r.lower()) for r in author.get("roles") or []]
    if author.get("affiliation"):
        g_auth.append(("affiliation", norm_entity(author["affiliation"])))
    if author.get("email"):
        g_auth.append(("email", author["email"]))
    p_auth = []
    if ex.author is not None:
        p_auth = [("role", r.lower()) for r in ex.author.roles]
        if ex.author.affiliation:
            p_auth.append(("affiliation", norm_entity(ex.author.affiliation)))
        if ex.author.email:
            p_auth.append(("email", ex.author.email))
    scores["author"] = match(g_auth, p_auth, lambda g, p: g == p)
    return DocumentScores(scores, events, fragments(ex, gold))


def evaluate_all(documents: Path, gold_dir: Path, registry_dir: Path | None = None, progress=None,
                 extract_fn=None) -> Evaluation:
    """Run extraction on every article that has gold and add up its scores.

    ``extract_fn(doc, registry, nlp)`` replaces the default extraction (for experiments).
    """
    from kg.corpus import read_corpus
    from kg.extract.pipeline import extract, load_nlp
    from kg.registry import load_registry

    registry = load_registry(registry_dir)
    nlp = load_nlp()
    totals: dict[str, Score] = {}
    per_doc: dict[str, DocumentScores] = {}
    events = EventScores()
    frags: list[str] = []
    for doc in read_corpus(documents):
        found = load_gold(gold_dir, doc.id)
        if found is None:
            continue
        gold, path = in_registry_terms(found[0], registry), found[1]
        if extract_fn is not None:
            ex = extract_fn(doc, registry, nlp)
        else:
            ex = extract(doc.id, doc.text, registry, nlp=nlp, date=doc.metadata.get("date"))
        result = evaluate_document(ex, gold, path)
        per_doc[doc.id] = result
        events.add(result.events)
        frags.extend(result.fragments)
        for name, s in result.scores.items():
            totals.setdefault(name, Score(name)).add(s)
        if progress:
            progress(f"evaluated {doc.id}")
    if not per_doc:
        raise InputError("no article in the documents folder has a gold file", path=gold_dir)
    for name, s in totals.items():
        s.name = name
    return Evaluation(totals, per_doc, events, frags)


def extractions_with_gold(documents: Path, gold_dir: Path | None = None, registry_dir: Path | None = None,
                          min_confidence: float | None = None):
    """``(extraction, gold, gold path, registry)`` for each article of ``documents`` that has a
    gold file (in ``gold_dir``, by default beside the articles), the gold in registry terms;
    ``min_confidence`` replaces the publishing threshold (0.0: every event).  An error when no
    article has gold."""
    from kg.corpus import read_corpus
    from kg.extract.pipeline import extract, load_nlp
    from kg.registry import load_registry

    registry, nlp = load_registry(registry_dir), load_nlp()
    options = {} if min_confidence is None else {"min_confidence": min_confidence}
    seen = 0
    for doc in read_corpus(documents):
        found = load_gold(gold_dir or documents, doc.id)
        if found is None:
            continue
        seen += 1
        gold, path = in_registry_terms(found[0], registry), found[1]
        yield extract(doc.id, doc.text, registry, nlp=nlp, date=doc.metadata.get("date"), **options), gold, path, registry
    if not seen:
        raise InputError("no article in the documents folder has a gold file", path=gold_dir or documents)


def folder_command(prog: str, doc: str, report, argv: list[str] | None = None) -> int:
    """The command line of a totals-only diagnostic over a folder of articles with gold:
    ``report(documents, gold_dir)`` gives the text to print; a folder with no gold file is an
    error naming it (exit status 2, an input error, as for the kg commands)."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog=prog, description=doc.split("\n\n")[0])
    parser.add_argument("documents", type=Path, help="folder of articles (*.txt) with their gold files")
    parser.add_argument("--gold", type=Path, default=None, help="gold folder (default: the documents folder)")
    args = parser.parse_args(argv)
    try:
        text = report(args.documents, args.gold)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(text)
    return 0


def evaluate(documents: Path, gold_dir: Path, registry_dir: Path | None = None, progress=None):
    """(totals, per-document scores) of :func:`evaluate_all`."""
    result = evaluate_all(documents, gold_dir, registry_dir, progress)
    return result.totals, {k: v.scores for k, v in result.per_doc.items()}


def _rows(scores: dict[str, Score], indent: str) -> list[str]:
    width = 24 - len(indent)
    return [f"{indent}{name:<{width}}{s.gold:>6}{s.predicted:>7}{s.correct:>7}"
            f"{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}" for name, s in scores.items()]


def _errors(events: EventScores, indent: str) -> str:
    return indent + "event errors: " + ", ".join(f"{k} {events.errors.get(k, 0)}" for k in ERROR_KINDS)


def _time_text(unit) -> str:
    shown = "/".join(v for v in unit.time if v) or (repr(unit.time_text) if unit.time_text else "-")
    return shown + (f" {unit.status}" if unit.status else "")


def _wrong_rows(events: EventScores) -> list[str]:
    """Each wrong prediction beside its lenient gold partner: participants the gold has and
    the system lacks (``-``) and the system has and the gold lacks (``+``), both times."""
    rows = []
    for kinds, unit, gold in events.wrong:
        rows.append(f"    {kinds}: {unit.kind} {unit.label!r} s{unit.sentence}")
        if gold is None:
            rows.append(f"      system {sorted(unit.participants)} {_time_text(unit)}")
            continue
        both = sorted(gold.participants & unit.participants)
        missing = sorted(gold.participants - unit.participants)
        extra = sorted(unit.participants - gold.participants)
        rows.append(f"      gold   {gold.kind} {gold.label!r} {_time_text(gold)}")
        rows.append(f"      system {_time_text(unit)}; both {both}"
                    + (f"; -{missing}" if missing else "") + (f"; +{extra}" if extra else ""))
    for gold in events.missed:
        rows.append(f"    missed event: {gold.kind} {gold.label!r} s{gold.sentence} "
                    f"{sorted(gold.participants)} {_time_text(gold)}")
    return rows


def format_table(totals, per_doc=None, events: EventScores | None = None,
                 frags: list[str] | None = None, show_wrong: bool = False) -> str:
    """The score table; with ``per_doc`` each article's rows and event errors too."""
    rows = [f"{'category':<24}{'gold':>6}{'found':>7}{'right':>7}{'P':>8}{'R':>8}{'F1':>8}"]
    rows += _rows(totals, "")
    if events is not None:
        rows.append(_errors(events, ""))
    if frags is not None:
        rows.append(f"fragment entity nodes: {len(frags)}" + (f" ({'; '.join(frags)})" if frags else ""))
    for doc, result in (per_doc or {}).items():
        rows.append(f"\n{doc}")
        if isinstance(result, DocumentScores):
            rows += _rows(result.scores, "  ")
            rows.append(_errors(result.events, "  "))
            if result.fragments:
                rows.append(f"  fragment entity nodes: {'; '.join(result.fragments)}")
            if show_wrong:
                rows += _wrong_rows(result.events)
        else:
            rows += _rows(result, "  ")
    return "\n".join(rows)
