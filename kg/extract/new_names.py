"""Which names spaCy's NER finds outside the registry become new entities, and of which class:
the name cleaned of articles, quotes and brackets, kept or dropped by its words and grammar, typed
from its label and head noun; and shorter forms of a new person's name folded into the fuller one.
"""
from __future__ import annotations

import re

from kg.extract.acronyms import ACRONYM, AGREEMENT_NOUNS, agreement_acronyms
from kg.extract.metonyms import PLACE_VERBS
from kg.extract.model import Mention
from kg.extract.name_particles import PARTICLES
from kg.extract.names import FIELDS, ORG_HEADS, PLURAL_NOUNS, POST_HEADS, PROJECT_HEADS, TITLES, is_country

NER_TYPES = {"PERSON": "Person", "ORG": "Organisation", "GPE": "Place", "LOC": "Place", "FAC": "Place"}
DIRECTIONS = {"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
              "middle", "far", "near"}
QUOTES = "\"'“”‘’"


def clean_name(ent):
    """Trim articles, possessives, quotes and bracket tails off an NER span."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].text in QUOTES + "("):
        start += 1
    while end > start and (doc[end - 1].text in {"'s", "’s", "'", "’", ")", "(", ",", "."} or doc[end - 1].text in QUOTES):
        end -= 1
    if start >= end:
        return None
    # "the Organisation of X (OIC" -> cut at the bracket
    for i in range(start, end):
        if doc[i].text == "(":
            end = i
            break
    if start >= end:
        return None
    # "Pak Army on November": a lower-case word other than a connector ends the name
    for i in range(start + 1, end):
        if doc[i].text[:1].islower() and doc[i].lower_ not in {"of", "and", "for", "the", "de", "al", "bin", "ul", "-"}:
            end = i
            break
    while end > start and doc[end - 1].lower_ in {"of", "and", "for", "the", "-"}:
        end -= 1
    # "Russian Ground Forces Commander (Oleg Salyukov)": the post after a body's name is no part of it
    while end - start > 2 and doc[end - 1].lower_ in TITLES:
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


def inside_expansion(span, taken=()) -> bool:
    """True for words in brackets that spell out the name before them.

    "MOUs (Memorandums of Understanding)", "CASA-1000 (Central Asia South Asia ...)":
    the bracket follows an acronym or a name already linked.
    """
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].text != "(" and i > span.start - 8:
        i -= 1
    if i < 1 or doc[i].text != "(":
        return False
    prev = doc[i - 1]
    prev_end = prev.idx + len(prev)
    return bool(ACRONYM.match(prev.text)) or any(e == prev_end for _, e in taken)


# nouns for a firm that a name may follow ("the Russian state firm Prodintorg", "company Novatek")
# words that qualify a post before its field ("Additional Foreign Secretary", "Special Assistant")
POST_QUALIFIERS = {"additional", "deputy", "special", "senior", "federal", "acting", "first", "vice", "joint",
                   "principal", "assistant", "provincial", "presidential"}
FIRM_NOUNS = {"firm", "company", "corporation", "giant", "conglomerate", "supplier", "producer", "exporter",
              "importer", "operator", "manufacturer", "contractor", "bank", "lender", "carrier"}


def new_entity_type(span, label: str, taken=()) -> str | None:
    """Decide whether an NER name is a real new entity, and of which class."""
    tokens = [t for t in span if t.text not in {"-", "–", "&", "of", "and", "for", "the", "de"}]
    if not tokens or not span.text[:1].isupper():
        return None
    if len(tokens) == 1 and tokens[0].lower_ in DIRECTIONS:
        return None
    if inside_expansion(span, taken):
        return None
    if len(span) > 2 and span[0].lower_ in TITLES and span[1].lower_ == "of":
        return None  # "Minister of Foreign Affairs", "Chief of Army Staff": a post, not a name
    if any(t.tag_ in {"VBG", "VBD", "VBN", "VB", "VBZ", "VBP", "NNS", "JJ", "RB", "PRP"} and not t.text[:1].isupper()
           and not (label == "PERSON" and t.lower_ in PARTICLES) for t in tokens):
        return None
    if any(t.tag_ in {"VBG", "NNS"} for t in tokens) and len(tokens) == 1:
        return None
    if label in {"ORG", "PERSON"} and span.start > 0 and span.doc[span.start - 1].lower_ in FIRM_NOUNS \
            and all(t.pos_ == "PROPN" for t in tokens):
        return "Organisation"  # "the Russian state firm Prodintorg": a name set after what it is
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.lower_ in POST_HEADS and after.text[:1].isupper() \
            and all(t.lower_ in FIELDS or t.lower_ in POST_QUALIFIERS for t in tokens):
        return None  # "Additional Foreign [Secretary]": the start of a post's title, cut off by the NER
    head = span.root.lower_
    if head in POST_HEADS and all(t.lower_ in {"of", "for", "to", "in"} for t in span[span.root.i - span.start + 1:]):
        return None  # "Consul General (of)", "Senate Speaker": a post, whose holder is named elsewhere
    if head in AGREEMENT_NOUNS or span.text in agreement_acronyms(span.doc):
        return None  # "the Free Trade Agreement", "IGA" for "inter-governmental agreement": a document
    if head in PROJECT_HEADS and len(span) >= 2:
        return PROJECT_HEADS[head]
    if label == "ORG":
        if head in ORG_HEADS or (len(tokens) == 1 and ACRONYM.match(span.text) and not span.text.endswith("s")):
            return "Organisation"
        if len(tokens) >= 2 and all(t.pos_ == "PROPN" for t in tokens) and head not in {"relations", "studies", "affairs", "sciences"}:
            return "Organisation"
        return None
    if not all(t.pos_ in {"PROPN", "NUM"} or t.text[:1].isupper() or label == "PERSON" and t.lower_ in PARTICLES
               for t in tokens):
        return None  # ("Anwaar ul Haq Kakar": a particle inside a person's name)
    if label == "PERSON" and (len(tokens) < 2 and tokens[0].pos_ != "PROPN"):
        return None
    if label == "PERSON" and any(t.lower_ in ORG_HEADS or t.lower_ in TITLES or t.lower_.rstrip("s") in TITLES
                                 for t in tokens):
        return None  # "Joint Chiefs", "General Staff" cut from a post's title: no person's name
    root = span.root
    if label == "PERSON" and len(tokens) == 1 and (root.dep_ == "pobj" and root.head.lower_ in {"in", "at"}
                                                   or root.dep_ == "dobj" and root.head.lemma_ in PLACE_VERBS):
        return "Place"  # "continues at Tarbela", "to visit Goa": one word read as a name, used as a place
    if label == "GPE" and is_country(span.text):
        return "State"  # "leaders from Malaysia", "Syria and Saudi Arabia": a state the registry lacks
    return NER_TYPES[label]


def canonical(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" .,;:" + QUOTES)


def middle_name(word: str, new_types: dict[str, str]) -> str | None:
    """The one new person of three or more names whose middle name ``word`` is ("Dastgir said",
    after "Khurram Dastgir Khan"), or None.

    >>> middle_name("Dastgir", {"new:Khurram Dastgir Khan": "Person", "new:Dastgir Group": "Organisation"})
    'new:Khurram Dastgir Khan'
    """
    fits = [k for k, t in new_types.items() if t == "Person" and word in k[4:].split()[1:-1]]
    return fits[0] if len(fits) == 1 and " " not in word else None


def without_middle_name(name: str) -> str | None:
    """A person's name of three capitalised words with the middle one dropped, the form a
    registry gives without a patronymic or middle name ("Sergey Viktorovich Lavrov": "Sergey
    Lavrov"), or None for any other name.

    >>> without_middle_name("Sergey Viktorovich Lavrov"), without_middle_name("Lt-Gen Ahmed Khan")
    ('Sergey Lavrov', None)
    """
    words = name.split()
    if len(words) != 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return None
    return f"{words[0]} {words[2]}"


def bare_head(name: str) -> bool:
    """A name that is only a head noun ("Commission", "Organization"), a plural noun
    ("States") or a field ("Defence", "Energy", cut from a ministry's name), or starts
    lower-case."""
    words = name.split()
    return not words or name[:1].islower() or (len(words) == 1 and (
        words[0].lower() in ORG_HEADS or words[0].lower() in PROJECT_HEADS or words[0].lower() in TITLES
        or words[0].lower() in PLURAL_NOUNS or words[0].lower() in FIELDS))


def fold_partial_names(mentions: list[Mention], new_types: dict[str, str]) -> list[Mention]:
    """A new name that is the first or last words of exactly one new person's fuller name
    ("Manturov", "Khurram Dastgir" beside "Khurram Dastgir Khan", the person "Ayaz Sadiq" beside
    "Sardar Ayaz Sadiq") is that person.

    >>> from kg.extract.model import Span
    >>> types = {"new:Khurram Dastgir Khan": "Person", "new:Khurram Dastgir": "Organisation", "new:Khan": "Person"}
    >>> ms = [Mention(Span(0, 4, "Khan"), "new:Khan", 0, "ner")]
    >>> [m.entity for m in fold_partial_names(ms, types)], sorted(types)
    (['new:Khurram Dastgir Khan'], ['new:Khurram Dastgir Khan'])
    """
    people = [k for k, t in new_types.items() if t == "Person" and len(k[4:].split()) >= 2]
    remap: dict[str, str] = {}
    for key in list(new_types):
        words = key[4:].split()
        fuller = [p for p in people if p != key and len(p[4:].split()) > len(words)
                  and (p[4:].split()[:len(words)] == words or p[4:].split()[-len(words):] == words)]
        if len(fuller) == 1:
            remap[key] = fuller[0]
    for key in remap:
        new_types.pop(key, None)
    return [Mention(m.span, remap.get(m.entity, m.entity), m.sentence, m.linked_by, m.ner_label) for m in mentions]
