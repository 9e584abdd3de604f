"""``kg eval``: precision, recall and F1 of the extraction against gold annotations.

Gold files (``tests/gold/<id>.yaml``, or ``<id>.gold.yaml`` beside unseen articles) are
written by reading the articles; see tests/gold/check_gold.py for their format.  The
units compared:

* entity linking: (character span, entity) per mention; spans match when they overlap;
  new entities match by name (case and a leading "the" ignored);
* events: (sentence, kind); a kind matches itself or a kind above/below it in the
  ontology (a Summit is a Meeting);
* memberships (member, organisation, status); project interest (party, project);
  quantities (value, currency, year);
* claims: (sentence, kind), and leniently (sentence) alone;
* author: roles, affiliation and e-mail of the closing "The writer is" sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from kg.errors import InputError
from kg.extract.model import Extraction

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
    return a in _ancestors(b) or b in _ancestors(a)


@dataclass
class Score:
    name: str
    gold: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.correct += other.correct


def norm_entity(key: str) -> str:
    if key.startswith("new:"):
        name = re.sub(r"^the\s+", "", key[4:].strip(), flags=re.I)
        return "new:" + re.sub(r"\s+", " ", name).lower()
    return key


def find_once(text: str, snippet: str, path: str) -> int:
    first = text.find(snippet)
    if first < 0:
        raise InputError(f"gold snippet {snippet[:50]!r} is not in the article", path=path)
    return first


def gold_mentions(text: str, entries: list[dict], path: str) -> list[tuple[int, int, str]]:
    """Expand gold mention entries (text, entity, optional context) into spans."""
    candidates: list[tuple[int, int, int, str]] = []  # (start, end, 0 for a context entry / 1 general, entity)
    for entry in entries:
        if entry.get("context"):
            pos = find_once(text, entry["context"], path) + entry["context"].index(entry["text"])
            candidates.append((pos, pos + len(entry["text"]), 0, norm_entity(entry["entity"])))
        else:
            for m in re.finditer(r"(?<!\w)" + re.escape(entry["text"]) + r"(?!\w)", text):
                candidates.append((m.start(), m.end(), 1, norm_entity(entry["entity"])))
    # longest names first (nested names inside a longer one are not separate mentions);
    # for the same words, an entry with a context beats the general entry
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    claimed: list[tuple[int, int, str]] = []
    for start, end, _, entity in candidates:
        if not any(a < end and start < b for a, b, _ in claimed):
            claimed.append((start, end, entity))
    return sorted(claimed)


def _match(gold: list, predicted: list, same) -> Score:
    used: set[int] = set()
    correct = 0
    for g in gold:
        for i, p in enumerate(predicted):
            if i not in used and same(g, p):
                used.add(i)
                correct += 1
                break
    return Score("", len(gold), len(predicted), correct)


def _sentence_index(ex: Extraction, pos: int) -> int:
    from kg.extract.pipeline import sentence_at

    s = sentence_at(ex.sentences, pos)
    return s.index if s else -1


def evaluate_document(ex: Extraction, gold: dict, path: str) -> dict[str, Score]:
    text = ex.text
    scores: dict[str, Score] = {}
    g_mentions = gold_mentions(text, gold.get("mentions") or [], path)
    p_mentions = [(m.span.start, m.span.end, norm_entity(m.entity)) for m in ex.mentions]
    scores["entity linking"] = _match(g_mentions, p_mentions,
                                      lambda g, p: g[0] < p[1] and p[0] < g[1] and g[2] == p[2])

    def sent(snippet):
        return _sentence_index(ex, find_once(text, snippet, path))

    g_events = [(sent(e["sentence"]), e["type"]) for e in gold.get("events") or []]
    p_events = [(e.sentence.index, e.kind) for e in ex.events]
    scores["events"] = _match(g_events, p_events, lambda g, p: g[0] == p[0] and kinds_match(g[1], p[1]))

    g_mem = [(m["member"], m["organisation"], m["status"]) for m in gold.get("memberships") or []]
    p_mem = [(m.member, m.organisation, m.status) for m in ex.memberships]
    scores["memberships"] = _match(g_mem, p_mem, lambda g, p: g == p)

    g_int = [(i["party"], i["project"]) for i in gold.get("interests") or []]
    p_int = [(i.party, i.project) for i in ex.interests]
    scores["project interest"] = _match(g_int, p_int, lambda g, p: g == p)

    g_q = [(float(q["value"]), q["currency"], str(q.get("year") or "")) for q in gold.get("quantities") or []]
    p_q = [(float(q.value), q.currency, q.year or "") for q in ex.quantities]
    scores["quantities"] = _match(g_q, p_q, lambda g, p: g == p)

    g_claims = [(sent(c["sentence"]), c["kind"]) for c in gold.get("claims") or []]
    p_claims = [(c.sentence.index, c.kind) for c in ex.claims]
    scores["claims"] = _match(g_claims, p_claims, lambda g, p: g == p)
    scores["claims (sentence only)"] = _match(g_claims, p_claims, lambda g, p: g[0] == p[0])

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
    scores["author"] = _match(g_auth, p_auth, lambda g, p: g == p)
    return scores


def load_gold(gold_dir: Path, doc_id: str) -> tuple[dict, str] | None:
    for name in (f"{doc_id}.gold.yaml", f"{doc_id}.yaml"):
        path = Path(gold_dir) / name
        if name == f"{doc_id}.yaml" and path.with_suffix(".txt").exists():
            continue  # beside its article, <id>.yaml is the metadata sidecar, not gold
        if path.exists():
            try:
                return yaml.safe_load(path.read_text(encoding="utf-8")) or {}, str(path)
            except yaml.YAMLError as exc:
                raise InputError(f"gold file is not valid YAML: {exc}", path=path) from exc
    return None


def evaluate(documents: Path, gold_dir: Path, registry_dir: Path | None = None, progress=None):
    """Run extraction on every article that has gold and return (totals, per-document scores)."""
    from kg.corpus import read_corpus
    from kg.extract.pipeline import extract, load_nlp
    from kg.registry import load_registry

    registry = load_registry(registry_dir)
    nlp = load_nlp()
    totals: dict[str, Score] = {}
    per_doc: dict[str, dict[str, Score]] = {}
    for doc in read_corpus(documents):
        found = load_gold(gold_dir, doc.id)
        if found is None:
            continue
        gold, path = found
        ex = extract(doc.id, doc.text, registry, nlp=nlp)
        scores = evaluate_document(ex, gold, path)
        per_doc[doc.id] = scores
        for name, s in scores.items():
            totals.setdefault(name, Score(name)).add(s)
        if progress:
            progress(f"evaluated {doc.id}")
    if not per_doc:
        raise InputError("no article in the documents folder has a gold file", path=gold_dir)
    for name, s in totals.items():
        s.name = name
    return totals, per_doc


def format_table(totals: dict[str, Score], per_doc: dict[str, dict[str, Score]] | None = None) -> str:
    rows = [f"{'category':<24}{'gold':>6}{'found':>7}{'right':>7}{'P':>8}{'R':>8}{'F1':>8}"]
    for name, s in totals.items():
        rows.append(f"{name:<24}{s.gold:>6}{s.predicted:>7}{s.correct:>7}"
                    f"{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}")
    if per_doc:
        for doc, scores in per_doc.items():
            rows.append(f"\n{doc}")
            for name, s in scores.items():
                rows.append(f"  {name:<22}{s.gold:>6}{s.predicted:>7}{s.correct:>7}"
                            f"{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}")
    return "\n".join(rows)
