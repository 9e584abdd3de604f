"""Acronyms and the names they spell out: "Long Name (ABBR)" and "ABBR (Long Name)" are one
name of the acronym's entity, and the words inside a spelled-out acronym name no entity of their own.
"""
from __future__ import annotations

import re

from kg.extract.tokens import doc_text

ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]*[A-Z0-9]s?$")
_FILLER = {"of", "and", "the", "for", "&", "-", "–", "(", ")"}


def _initials(tokens) -> str:
    return "".join(t.text[0].upper() for t in tokens if t.text.lower() not in _FILLER and t.text[:1].isalpha())


def merge_acronym_expansions(doc, mentions, make):
    """Treat "Long Name (ABBR)" and "ABBR (Long Name)" as one name of the acronym's entity.

    ``make(span, entity)`` makes the mention of a spelled-out name.  Names inside a spelled-out acronym ("Turkmenistan-Afghanistan-Pakistan-India (TAPI)")
    are parts of the project's name, not mentions of those states.
    """
    drop: set[int] = set()
    add: list[Mention] = []
    blocked: list[tuple[int, int]] = []  # spelled-out names: no NER mentions inside
    for idx, m in enumerate(mentions):
        acronym = m.span.text.replace("-", "").rstrip("0123456789")
        if not ACRONYM.match(m.span.text.split("-")[0]) or len(acronym) < 2:
            continue
        span = doc.char_span(m.span.start, m.span.end)
        if span is None:
            continue
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        target = acronym.upper()
        if before is not None and before.text == "(" and after is not None and after.text == ")":
            # Long Name (ABBR): look back for words whose initials spell the acronym
            for width in range(len(target), 3 * len(target) + 1):
                start = span.start - 1 - width
                if start < 0:
                    break
                words = doc[start:span.start - 1]
                if _initials(words) == target and words[0].text[:1].isupper():
                    add.append(make(doc[start:span.end + 1], m.entity))
                    drop.add(idx)
                    for j, other in enumerate(mentions):
                        if words.start_char <= other.span.start and other.span.end <= words.end_char:
                            drop.add(j)
                    blocked.append((words.start_char, words.end_char))
                    break
        elif after is not None and after.text == "(":
            # ABBR (Long Name): names inside the brackets are part of the expansion
            close = next((t.i for t in doc[after.i:after.i + 12] if t.text == ")"), None)
            if close is not None and _initials(doc[after.i + 1:close]).startswith(target[:2]):
                inner = doc[after.i + 1:close]
                blocked.append((inner.start_char, inner.end_char))
                for j, other in enumerate(mentions):
                    if inner.start_char <= other.span.start and other.span.end <= inner.end_char \
                            and other.entity != m.entity:
                        drop.add(j)
    kept = [m for i, m in enumerate(mentions) if i not in drop] + add
    kept.sort(key=lambda m: (m.span.start, m.span.end))
    return kept, [(m.span.start, m.span.end) for m in kept] + blocked


def following_acronym(doc, end: int, name):
    """"Space and Upper Atmosphere Research Commission (SUPARCO)" -> the SUPARCO token."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        tok = doc[end + 1]
        if ACRONYM.match(tok.text) and tok.text[0] == name.text[0].upper():
            return doc[end + 1:end + 2]
    return None


# the head nouns of an agreement's name: "an inter-governmental agreement (IGA)", "the
# memorandum of understanding (MoU)" name a document, not a party to it
AGREEMENT_NOUNS = {"agreement", "agreements", "treaty", "accord", "memorandum", "understanding", "deal", "pact",
                   "contract", "protocol", "convention", "charter", "declaration", "arrangement"}


def _word_initials(tokens, fillers: bool = False) -> str:
    """Initials of each word and of each part of a hyphenated word ("inter-governmental" -> IG);
    with ``fillers``, of "of" and "and" too ("memorandum of understanding" -> MOU)."""
    out = ""
    for t in tokens:
        for part in re.split(r"[-–]", t.text):
            if part and (fillers or part.lower() not in _FILLER) and part[0].isalpha():
                out += part[0].upper()
    return out


def agreement_acronyms(doc) -> set[str]:
    """The acronyms the article spells out as an agreement's name ("an inter-governmental
    agreement (IGA)", "Free Trade Agreement (FTA)"): each names a document, never an entity."""
    cached = doc.user_data.get("agreement_acronyms")
    if cached is not None:
        return cached
    out: set[str] = set()
    for tok in doc:
        if tok.text != "(" or tok.i + 2 >= len(doc) or doc[tok.i + 2].text != ")" or tok.i == 0:
            continue
        abbr = doc[tok.i + 1].text
        if not ACRONYM.match(abbr.upper()) or doc[tok.i - 1].lower_ not in AGREEMENT_NOUNS:
            continue
        target = abbr.upper().rstrip("S") if abbr.endswith("s") else abbr.upper()
        for width in range(1, 3 * len(target) + 1):
            start = tok.i - width
            if start < 0 or doc[start].is_punct and doc[start].text not in {"-", "–"}:
                break
            if target in {_word_initials(doc[start:tok.i]), _word_initials(doc[start:tok.i], True)}:
                out.add(abbr)
                break
    doc.user_data["agreement_acronyms"] = out
    return out


def registry_acronyms(doc, mentions, lookup) -> list[tuple[int, int, str]]:
    """"Pakistan Steel Mills (PSM) ... the PSM": every whole-word occurrence of an acronym the
    article spells out in brackets after a registry name (its initials, fillers aside), as
    (start, end, entity) character spans.  An acronym the registry gives to an entity of its
    own ("SCO") is left to the registry."""
    text = doc_text(doc)  # kept with the Doc: spaCy builds ``doc.text`` anew at each call
    out = []
    for m in mentions:
        if m.linked_by != "registry" or m.entity.startswith("new:"):
            continue
        name = doc.char_span(m.span.start, m.span.end)
        if name is None:
            continue
        acronym = following_acronym(doc, name.end, name)
        if acronym is None or _initials(name) != acronym.text.rstrip("s") or lookup(acronym.text) is not None:
            continue
        for hit in re.finditer(r"(?<![\w-])" + re.escape(acronym.text) + r"(?![\w-])", text[acronym.start_char:]):
            out.append((acronym.start_char + hit.start(), acronym.start_char + hit.end(), m.entity))
    return out
