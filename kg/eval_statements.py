"""Scoring statements against gold: recall, speaker, kind and stance.

A gold claim (``claims:`` in a gold file, see docs/annotation-guide.md) is found when an
extracted claim lies in its sentence (or one of its ``also`` sentences) and, when both
give the statement's words, their words overlap; each extracted claim answers one gold
claim, same speaker first.  Reported:

* **statement recall**: gold claims found, over all of them and over those with a speaker
  other than the writer;
* **speaker right**: of the gold claims found, those credited to the gold speaker;
* **claim precision (kind right)**: extracted claims that answer a gold claim of the same
  kind, over all extracted claims (a writer's statement of fact extracted as a claim
  counts against it);
* **stance agreement**: of the claims found whose gold gives a stance, those with the
  same stance, and the confusion table (rows gold, columns extracted).

``python -m kg.eval_statements DOCUMENTS [GOLD] [--list]`` prints the table, and with
``--list`` every gold and extracted claim of every article side by side.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kg.errors import InputError
from kg.eval.gold import in_registry_terms

STANCES = ("positive", "negative", "neutral")
WRITER = "writer"


def _norm(key: str | None) -> str:
    if not key or key == WRITER:
        return WRITER
    if key.startswith("new:"):
        name = re.sub(r"^the\s+", "", key[4:].strip(), flags=re.I)
        return "new:" + re.sub(r"\s+", " ", name).lower()
    return key


@dataclass(frozen=True)
class Item:
    """One claim, gold or extracted, reduced to what is compared."""

    sentences: frozenset[int]
    span: tuple[int, int] | None  # the statement's words, when given
    speaker: str
    kind: str
    stance: str | None
    text: str


@dataclass
class StatementScores:
    gold: int = 0
    gold_attributed: int = 0
    predicted: int = 0
    predicted_attributed: int = 0
    found: int = 0
    found_attributed: int = 0
    speaker_right: int = 0
    kind_right: int = 0  # extracted claims answering a gold claim of the same kind
    stance_pairs: int = 0
    stance_right: int = 0
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [gold, extracted, right]
    # of the claims found, (gold kind, extracted kind) -> count: which kind is taken for which
    kind_confusion: dict[tuple[str, str], int] = field(default_factory=dict)
    # extracted claims that answer no gold claim, by (writer or attributed, extracted kind)
    unanswered: dict[tuple[str, str], int] = field(default_factory=dict)
    misses: list[tuple[str, Item]] = field(default_factory=list)
    wrong: list[tuple[str, Item, Item | None, str]] = field(default_factory=list)

    def add(self, other: "StatementScores") -> None:
        for name in ("gold", "gold_attributed", "predicted", "predicted_attributed", "found",
                     "found_attributed", "speaker_right", "kind_right", "stance_pairs", "stance_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for table in ("confusion", "kind_confusion", "unanswered"):
            mine = getattr(self, table)
            for k, v in getattr(other, table).items():
                mine[k] = mine.get(k, 0) + v
        for k, v in other.by_kind.items():
            row = self.by_kind.setdefault(k, [0, 0, 0])
            for i in range(3):
                row[i] += v[i]
        self.misses += other.misses
        self.wrong += other.wrong


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _locate(text: str, snippet: str, path: str) -> int:
    pos = text.find(snippet)
    if pos < 0:
        raise InputError(f"gold snippet {snippet[:50]!r} is not in the article", path=path)
    return pos


def gold_items(ex, gold: dict, path: str) -> list[Item]:
    from kg.extract.pipeline import sentence_at

    text, out = ex.text, []
    for c in gold.get("claims") or []:
        first = sentence_at(ex.sentences, _locate(text, c["sentence"], path))
        sents = {first.index} if first else set()
        for extra in c.get("also") or []:
            s = sentence_at(ex.sentences, _locate(text, extra, path))
            if s:
                sents.add(s.index)
        span = None
        if c.get("content"):
            start = _locate(text, c["content"], path)
            span = (start, start + len(c["content"]))
        out.append(Item(frozenset(sents), span, _norm(c.get("speaker")), c["kind"], c.get("stance"),
                        c.get("content") or c["sentence"]))
    return out


def extracted_items(ex) -> list[Item]:
    out = []
    for c in ex.claims:
        sents = frozenset({c.sentence.index, *(s.index for s in c.also)})
        span = (c.content.start, c.content.end) if c.content is not None else None
        text = c.content.text if c.content is not None else c.sentence.span.text
        out.append(Item(sents, span, _norm(c.speaker), c.kind, c.stance, text))
    return out


def _same_place(g: Item, p: Item) -> bool:
    if not g.sentences & p.sentences:
        return False
    if g.span is None or p.span is None:
        return True
    return g.span[0] < p.span[1] and p.span[0] < g.span[1]


def match_claims(gold: list[Item], predicted: list[Item]) -> list[tuple[int, int]]:
    """``(gold index, extracted index)`` of each extracted claim that answers a gold claim:
    same place, same speaker first."""
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for same_speaker in (True, False):
        for gi, g in enumerate(gold):
            if any(gi == a for a, _ in pairs):
                continue
            for i, p in enumerate(predicted):
                if i not in used and _same_place(g, p) and (not same_speaker or g.speaker == p.speaker):
                    used.add(i)
                    pairs.append((gi, i))
                    break
    return pairs


def score_document(doc_id: str, gold: list[Item], predicted: list[Item]) -> StatementScores:
    s = StatementScores(gold=len(gold), predicted=len(predicted))
    s.gold_attributed = sum(g.speaker != WRITER for g in gold)
    s.predicted_attributed = sum(p.speaker != WRITER for p in predicted)
    for g in gold:
        s.by_kind.setdefault(g.kind, [0, 0, 0])[0] += 1
    for p in predicted:
        s.by_kind.setdefault(p.kind, [0, 0, 0])[1] += 1
    matched = match_claims(gold, predicted)
    used = {i for _, i in matched}
    pairs = [(gold[g], predicted[i]) for g, i in matched]
    for g, p in pairs:
        s.found += 1
        s.found_attributed += g.speaker != WRITER
        s.speaker_right += g.speaker == p.speaker
        s.kind_confusion[(g.kind, p.kind)] = s.kind_confusion.get((g.kind, p.kind), 0) + 1
        if g.kind == p.kind:
            s.kind_right += 1
            s.by_kind[g.kind][2] += 1
        if g.stance in STANCES and p.stance in STANCES:
            s.stance_pairs += 1
            s.stance_right += g.stance == p.stance
            s.confusion[(g.stance, p.stance)] = s.confusion.get((g.stance, p.stance), 0) + 1
        if g.speaker != p.speaker or g.kind != p.kind:
            s.wrong.append((doc_id, p, g, "speaker" if g.speaker != p.speaker else "kind"))
    s.misses = [(doc_id, g) for g in gold if not any(g is a for a, _ in pairs)]
    s.wrong += [(doc_id, p, None, "not a claim") for i, p in enumerate(predicted) if i not in used]
    for i, p in enumerate(predicted):
        if i not in used:
            key = ("writer" if p.speaker == WRITER else "attributed", p.kind)
            s.unanswered[key] = s.unanswered.get(key, 0) + 1
    return s


def format_scores(s: StatementScores) -> str:
    rows = ["statements",
            f"  recall (all claims)            {s.found:>4}/{s.gold:<4} {_ratio(s.found, s.gold):.3f}",
            f"  recall (speaker not writer)    {s.found_attributed:>4}/{s.gold_attributed:<4} "
            f"{_ratio(s.found_attributed, s.gold_attributed):.3f}",
            f"  speaker right, of found        {s.speaker_right:>4}/{s.found:<4} {_ratio(s.speaker_right, s.found):.3f}",
            f"  claim precision (kind right)   {s.kind_right:>4}/{s.predicted:<4} {_ratio(s.kind_right, s.predicted):.3f}",
            f"  kind right, of found           {s.kind_right:>4}/{s.found:<4} {_ratio(s.kind_right, s.found):.3f}",
            f"  stance agreement               {s.stance_right:>4}/{s.stance_pairs:<4} "
            f"{_ratio(s.stance_right, s.stance_pairs):.3f}",
            "  stance confusion (rows gold, columns extracted)",
            "  " + " " * 10 + "".join(f"{c:>10}" for c in STANCES)]
    for g in STANCES:
        rows.append(f"  {g:<10}" + "".join(f"{s.confusion.get((g, p), 0):>10}" for p in STANCES))
    rows.append(f"  {'kind':<16}{'gold':>6}{'found':>7}{'right':>7}")
    for kind in sorted(s.by_kind):
        g, p, r = s.by_kind[kind]
        rows.append(f"  {kind:<16}{g:>6}{p:>7}{r:>7}")
    rows += kind_tables(s)
    return "\n".join(rows)


def kind_tables(s: StatementScores) -> list[str]:
    """The kind confusion of the claims found (rows gold, columns extracted, by the kinds'
    initials) and the claims that answer no gold claim, writer's and attributed, by kind:
    where claim precision is lost, in aggregate (safe to print for a blind set)."""
    kinds = sorted({k for pair in s.kind_confusion for k in pair} | {k for _, k in s.unanswered})
    if not kinds:
        return []
    rows = ["  kind confusion of found (rows gold, columns extracted)",
            "  " + " " * 16 + "".join(f"{k[:6]:>8}" for k in kinds)]
    for g in kinds:
        rows.append(f"  {g:<16}" + "".join(f"{s.kind_confusion.get((g, p), 0):>8}" for p in kinds))
    for who in ("writer", "attributed"):
        rows.append(f"  {'no claim, ' + who:<16}" + "".join(f"{s.unanswered.get((who, k), 0):>8}" for k in kinds))
    return rows


def _gold_for(gold_dir: Path, doc_id: str) -> tuple[dict, str] | None:
    for name in (f"{doc_id}.gold.yaml", f"{doc_id}.yaml"):
        path = Path(gold_dir) / name
        if path.exists():
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            except yaml.YAMLError as exc:
                raise InputError(f"gold file is not valid YAML: {exc}", path=path) from exc
            if isinstance(data, dict) and "document" in data or "claims" in (data or {}):
                return data, str(path)
    return None


def evaluate_statements(documents: Path, gold_dir: Path | None = None, registry_dir=None,
                        listing: list[str] | None = None) -> StatementScores:
    """Extract every article of ``documents`` that has gold and score its statements."""
    from kg.corpus import read_corpus
    from kg.extract.pipeline import extract, load_nlp
    from kg.registry import load_registry

    registry, nlp = load_registry(registry_dir), load_nlp()
    total = StatementScores()
    for doc in read_corpus(documents):
        found = _gold_for(gold_dir or documents, doc.id)
        if found is None:
            continue
        gold, path = in_registry_terms(found[0], registry), found[1]
        ex = extract(doc.id, doc.text, registry, nlp=nlp)
        g, p = gold_items(ex, gold, path), extracted_items(ex)
        total.add(score_document(doc.id, g, p))
        if listing is not None:
            listing.append(f"== {doc.id}")
            listing += [f"  gold {i.kind:<14} {i.speaker:<28} {i.stance or '-':<8} {i.text[:90]!r}" for i in g]
            listing += [f"  got  {i.kind:<14} {i.speaker:<28} {i.stance or '-':<8} {i.text[:90]!r}" for i in p]
    return total


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    if not args:
        print("usage: python -m kg.eval_statements DOCUMENTS [GOLD] [--list] [--errors]", file=sys.stderr)
        return 2
    listing: list[str] | None = [] if "--list" in argv else None
    scores = evaluate_statements(Path(args[0]), Path(args[1]) if len(args) > 1 else None, listing=listing)
    if listing is not None:
        print("\n".join(listing))
    if "--errors" in argv:
        for doc_id, g in scores.misses:
            print(f"missed  {doc_id} {g.kind:<14} {g.speaker:<26} {g.text[:100]!r}")
        for doc_id, p, g, why in scores.wrong:
            want = f" (gold {g.kind} {g.speaker})" if g else ""
            print(f"{why:<12}{doc_id} {p.kind:<14} {p.speaker:<26}{want} {p.text[:90]!r}")
    print(format_scores(scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
