"""Entity scores: linking (registry and new names), names outside the registry, and
entity nodes that are fragments of a name rather than a name."""
from __future__ import annotations

from kg.eval.gold import norm_entity
from kg.eval.scores import Score, match

FUNCTION_WORDS = {
    "a", "an", "the", "of", "for", "and", "or", "to", "in", "on", "at", "by", "with", "from", "as",
    "its", "his", "her", "their", "our", "this", "that", "these", "those", "said", "says", "but",
    "into", "over", "under", "about", "after", "before", "while", "during", "between", "than",
}
# common nouns that name no particular body when they stand alone (or only with each other)
GENERIC_WORDS = {
    "organization", "organisation", "ministry", "committee", "commission", "council", "agency",
    "government", "department", "agreement", "treaty", "trade", "free", "union",
    "forum", "group", "bank", "company", "corporation", "minister", "president", "state", "states",
    "foreign", "affairs", "energy", "defence", "defense", "national", "federal", "international",
    "cooperation", "security", "development", "economic", "summit", "project", "pipeline",
    "industries", "industry", "commerce", "investment", "joint", "general", "secretary",
}


def is_fragment(name: str) -> bool:
    """Whether an entity name is a piece of text rather than a name.

    >>> [is_fragment(n) for n in ("for Trade and Industries", "Organization", "Free Trade Agreement",
    ...                           "Express Tribune", "Ministry of Foreign Affairs")]
    [True, True, True, False, False]
    """
    words = name.split()
    if not words:
        return True
    first, last = words[0], words[-1]
    if first.lower() in FUNCTION_WORDS or last.lower() in FUNCTION_WORDS:
        return True
    if first[:1].islower() or last[:1].islower():
        return True
    return all(w.lower().strip(".,'’") in GENERIC_WORDS for w in words)


def entity_scores(text: str, g_mentions: list[tuple[int, int, str]], ex, gold: dict) -> dict[str, Score]:
    """Linking over every gold mention, over those outside the registry, and new entity nodes."""
    p_mentions = [(m.span.start, m.span.end, norm_entity(m.entity)) for m in ex.mentions]

    def overlap_same(g, p):
        return g[0] < p[1] and p[0] < g[1] and g[2] == p[2]

    scores = {"entity linking": match(g_mentions, p_mentions, overlap_same)}
    g_new = [g for g in g_mentions if g[2].startswith("new:")]
    p_new = [p for p in p_mentions if p[2].startswith("new:")]
    scores["entities outside registry"] = match(g_new, p_new, overlap_same)
    gold_names = {norm_entity(e["entity"]) for e in gold.get("entities") or []} | {g[2] for g in g_new}
    nodes = sorted({norm_entity(k) for k in ex.new_entities})
    scores["new entity nodes"] = Score("", len(gold_names), len(nodes), len(gold_names & set(nodes)))
    return scores


def fragments(ex, gold: dict) -> list[str]:
    """New entity nodes that are fragments (and not names the gold gives)."""
    gold_names = {norm_entity(e["entity"]) for e in gold.get("entities") or []}
    gold_names |= {norm_entity(m["entity"]) for m in gold.get("mentions") or []}
    return sorted(k[4:] for k in ex.new_entities
                  if norm_entity(k) not in gold_names and is_fragment(k[4:]))
