"""Reading gold files and turning their snippets and names into comparable units."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from kg.errors import InputError


def norm_entity(key: str) -> str:
    """Registry ids unchanged; new names lower-cased, blanks folded, a leading "the" dropped."""
    key = str(key)
    if key.startswith("new:"):
        name = re.sub(r"^the\s+", "", key[4:].strip(), flags=re.I)
        return "new:" + re.sub(r"\s+", " ", name).lower()
    return key


def in_registry_terms(gold, registry):
    """``gold`` with each new name the registry knows by its label or an alias ("new:Zamir
    Kabulov") replaced by that entity's id: the annotator marked the name new because the
    registry of the day did not know it, and an entity added to the registry since is the same
    entity.  Anything else is kept as it is."""
    if isinstance(gold, str):
        entity = registry.named(gold[4:]) if gold.startswith("new:") else None
        return gold if entity is None else entity.id
    if isinstance(gold, list):
        return [in_registry_terms(v, registry) for v in gold]
    if isinstance(gold, dict):
        return {k: in_registry_terms(v, registry) for k, v in gold.items()}
    return gold


def find_once(text: str, snippet: str, path: str) -> int:
    first = text.find(snippet)
    if first < 0:
        raise InputError(f"gold snippet {snippet[:50]!r} is not in the article", path=path)
    return first


def gold_mentions(text: str, entries: list[dict], path: str) -> list[tuple[int, int, str]]:
    """Expand gold mention entries (text, entity, optional context) into spans."""
    candidates: list[tuple[int, int, int, str]] = []  # (start, end, 0 context entry / 1 general, entity)
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


def load_gold(gold_dir: Path, doc_id: str) -> tuple[dict, str] | None:
    # <id>.gold.yaml first: beside an article, <id>.yaml is its metadata sidecar
    for name in (f"{doc_id}.gold.yaml", f"{doc_id}.yaml"):
        path = Path(gold_dir) / name
        if name == f"{doc_id}.yaml" and path.with_suffix(".txt").exists():
            continue  # beside its article, <id>.yaml is the metadata sidecar, not gold
        if path.exists():
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            except yaml.YAMLError as exc:
                raise InputError(f"gold file is not valid YAML: {exc}", path=path) from exc
            if "document" not in data and "mentions" not in data:
                continue  # a sidecar (<id>.yaml beside <id>.txt), not a gold file
            return data, str(path)
    return None
