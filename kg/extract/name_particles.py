"""Names joined by a particle ("Anwaar ul Haq Kakar", "Ikram ul Haq", "Ahsan ur Rehman"),
which the NER splits into two people or cuts short at the particle; and a person's name whose
first words the NER left out ("Minister of Power Sardar Awais Ahmad Khan Leghari" found as
"Ahmad Khan Leghari").

>>> from kg.extract.pipeline import load_nlp
>>> doc = load_nlp()("Prime Minister Anwaar ul Haq Kakar met Vladimir Putin.")
>>> [(e.text, e.label_) for e in named_entities(doc) if e.label_ == "PERSON"]
[('Anwaar ul Haq Kakar', 'PERSON'), ('Vladimir Putin', 'PERSON')]
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.extract.names import FIELDS, HONORIFICS, ORG_HEADS, POST_HEADS

# Lower-case particles inside South Asian and Arabic names ("Zia ul Haq", "bin Salman")
PARTICLES = frozenset("ul ur ud un us uz al bin ibn".split())
# words before a name that begin no name: a field, a form of address, a body's or a post's head
NOT_NAME_WORDS = FIELDS | HONORIFICS | ORG_HEADS | POST_HEADS


def _name_word(tok) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha and (tok.tag_ in ("NNP", "NNPS") or tok.pos_ in ("PROPN", "NOUN"))


def _left_name_words(doc: Doc, ent: Span) -> int:
    """Where a PERSON entity's name really begins: the capitalised words before it that the parse
    hangs on the name as compounds ("Awais" in "Sardar Awais Ahmad Khan Leghari") belong to it,
    up to a title, a field, a body's head, a form of address, an acronym or another entity."""
    start = ent.start
    while start > 0:
        tok = doc[start - 1]
        word = tok.lower_.rstrip(".")
        if not (_name_word(tok) and tok.dep_ == "compound" and start <= tok.head.i < ent.end) \
                or tok.ent_type_ or tok.is_upper or word in NOT_NAME_WORDS:
            break
        start -= 1
    return start


def named_entities(doc: Doc) -> list[Span]:
    """The document's entities, a person's name taken whole: the name words the NER left out
    before it, and a name that runs on through a particle (a PERSON entity, a particle, then name
    words and the next entity, if the NER began one there, make one PERSON entity)."""
    ents, out, skip_until = list(doc.ents), [], -1
    for k, ent in enumerate(ents):
        if ent.start < skip_until:
            continue
        if ent.label_ == "PERSON" and (start := _left_name_words(doc, ent)) < ent.start:
            ent = Span(doc, start, ent.end, label="PERSON")
        end = ent.end
        while ent.label_ == "PERSON" and end + 1 < len(doc) and doc[end].lower_ in PARTICLES \
                and _name_word(doc[end + 1]):
            end += 1
            while end < len(doc) and _name_word(doc[end]):
                end += 1
        if end == ent.end:
            out.append(ent)
            continue
        following = [e for e in ents[k + 1:] if e.start < end]
        if any(e.label_ != "PERSON" for e in following):
            out.append(ent)  # a place or body after the particle: leave the NER's reading
            continue
        end = max([end, *(e.end for e in following)])
        out.append(Span(doc, ent.start, end, label="PERSON"))
        skip_until = end
    return out
