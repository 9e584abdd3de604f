"""Names that the statistical NER misses or cuts short, found from their shape.

Two patterns, both common in news writing about institutions and projects:

* a run of capitalised words (joined by "of", "for", "and", "on" or hyphens) whose last
  head noun names an organisation or a project: "Quetta Centre for Space and Security
  Studies", "Space and Upper Atmosphere Research Commission", "Indus-Volga Rail Link",
  "Steppe-to-Sea Trade Corridor";
* a person's name after an office title: "Science Minister Saima Altaf Qazi",
  "Trade Representative Marina Belozerova".

The NER model of en_core_web_sm often splits such names or tags only their first word.

>>> from kg.extract.pipeline import load_nlp
>>> doc = load_nlp()("She works at the Peshawar Institute of Energy Policy.")
>>> [(doc[s:e].text, kind) for s, e, kind in name_chunks(doc)]
[('Peshawar Institute of Energy Policy', 'Organisation')]
"""
from __future__ import annotations

from kg.extract.tokens import token_indices

ORG_HEADS = {
    "organisation", "organization", "council", "institute", "institution", "centre",
    "center", "university", "network", "ministry", "company", "corporation", "bank",
    "group", "party", "agency", "commission", "consortium", "authority", "board",
    "committee", "fund", "association", "union", "league", "alliance", "federation",
    "movement", "academy", "college", "school", "foundation", "forum", "trust", "society",
    "bureau", "secretariat", "assembly", "parliament", "senate", "court", "holding",
    "holdings", "enterprises", "industries", "systems", "limited", "ltd", "inc", "plc",
    "pjsc", "llc", "cabinet", "army", "navy", "department",
    "club", "corps", "enterprise", "force", "forces", "front", "office", "service", "services",
}
PROJECT_HEADS = {
    "pipeline": "Pipeline", "corridor": "Corridor", "plant": "IndustrialPlant",
    "mill": "IndustrialPlant", "mills": "IndustrialPlant", "refinery": "IndustrialPlant",
    "factory": "IndustrialPlant", "dam": "PowerProject", "barrage": "PowerProject",
    "project": "Project", "railway": "Project", "link": "Project", "line": "Project",
    "port": "Project", "terminal": "Project", "highway": "Project", "motorway": "Project",
    "tunnel": "Project", "satellite": "Project", "programme": "Project", "program": "Project",
}
TITLES = {
    "minister", "ambassador", "representative", "president", "general", "marshal",
    "secretary", "chairman", "chairwoman", "chair", "director", "governor", "senator",
    "envoy", "commissioner", "spokesman", "spokeswoman", "spokesperson", "premier",
    "chancellor", "adviser", "advisor", "admiral", "colonel", "chief", "mayor", "deputy",
}
# forms of address that come before a name ("Mr. Denis Manturov", "Engineer Khurram Dastgir Khan")
HONORIFICS = {"mr", "mrs", "ms", "dr", "engineer", "prof", "professor", "sir", "madam"}
CONNECTORS = {"of", "for", "and", "on", "-", "–", "&"}
_HYPHENS = {"-", "–"}


def _capitalised(tok) -> bool:
    text = tok.text
    return (text[:1].isupper() or (text[:1].isdigit() and tok.i > 0 and tok.nbor(-1).text in _HYPHENS)) \
        and tok.tag_ not in {"DT", "PRP", "PRP$", "WDT", "WP", "IN", "CC"}


def _runs(doc):
    """Maximal runs of capitalised words with connectors inside them."""
    i, n = 0, len(doc)
    while i < n:
        if not _capitalised(doc[i]) or doc[i].is_sent_start and doc[i].pos_ not in {"PROPN"}:
            i += 1
            continue
        j = i + 1
        while j < n:
            tok = doc[j]
            if _capitalised(tok):
                j += 1
            elif tok.lower_ in CONNECTORS and j + 1 < n and _capitalised(doc[j + 1]):
                j += 1
            elif tok.text in _HYPHENS and j + 3 < n and doc[j + 1].lower_ in {"to", "on", "and", "of"} \
                    and doc[j + 2].text in _HYPHENS and _capitalised(doc[j + 3]):
                j += 3  # "Steppe-to-Sea"
            else:
                break
        while j > i and doc[j - 1].lower_ in CONNECTORS | {"to"}:
            j -= 1
        yield i, j
        i = max(j, i + 1)


def name_chunks(doc) -> list[tuple[int, int, str]]:
    """(start token, end token, class) of organisation and project names by their head noun."""
    out = []
    for start, end in _runs(doc):
        words = [t for t in doc[start:end]]
        heads = [k for k, t in enumerate(words) if _capitalised(t)
                 and (t.lower_ in ORG_HEADS or t.lower_ in PROJECT_HEADS)]
        if not heads or end - start < 2:
            continue
        last = heads[-1]
        end = _name_end(words, last, start, end)
        word = words[last].lower_
        kind = PROJECT_HEADS.get(word) or "Organisation"
        if word in ORG_HEADS and word in PROJECT_HEADS:
            kind = "Organisation"
        # a title word before the name is not part of it ("Minister X Commission")
        first = 0
        for k, t in enumerate(words[:last]):
            if t.lower_ in TITLES:
                first = k + 1
        if last - first < 1 and words[last].lower_ not in {"holding", "systems"}:
            if last == first:
                continue
        while first < last and words[first].lower_ in CONNECTORS | {"the"}:
            first += 1  # "Director General of Inter-Service ...": not "of Inter-Service ..."
        s = start + first
        if end - s < 2:
            continue
        out.append((s, end, kind))
    return out


MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _name_end(words, last: int, start: int, end: int) -> int:
    """Where an organisation name ends after its head noun ``words[last]``: it goes on only
    through a connector ("Group on Trade", "Institute of ...") and stops before a title, a
    form of address or a month ("Federation Mr. Denis Manturov", "Army on November")."""
    tail = words[last + 1:]
    if tail and tail[0].lower_ not in CONNECTORS and (tail[0].lower_.rstrip(".") in TITLES | HONORIFICS
                                                     or any(t.ent_type_ == "PERSON" for t in tail)):
        return start + last + 1
    for k, t in enumerate(tail):
        low = t.lower_.rstrip(".")
        if low in TITLES or low in HONORIFICS or low in MONTHS:
            cut = last + 1 + k
            while cut > last + 1 and words[cut - 1].lower_ in CONNECTORS:
                cut -= 1
            return start + cut
    return end


def titled_people(doc) -> list[tuple[int, int]]:
    """(start, end) tokens of a 2-4 word proper name right after an office title.

    "Water and Power Minister Sadia Noor Khattak and Russian Ambassador Pavel Solntsev"
    gives both names.
    """
    out = []
    n = len(doc)
    for tok in (doc[i] for i in token_indices(doc, lower=TITLES | HONORIFICS | {f"{h}." for h in HONORIFICS})):
        if not tok.text[:1].isupper():
            continue
        j = tok.i + 1
        while j < n and j - tok.i <= 4 and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() \
                and doc[j].text.isalpha() and doc[j].lower_ not in TITLES | MONTHS | WEEKDAYS:
            j += 1
        name = doc[tok.i + 1:j]
        if 2 <= len(name) <= 4 and not any(t.lower_ in ORG_HEADS or t.lower_ in PROJECT_HEADS for t in name):
            out.append((name.start, name.end))
    return out


CORPORATE_SUFFIXES = {"systems", "holding", "holdings", "group", "corporation", "company", "limited",
                      "ltd", "inc", "llc", "pjsc", "plc", "enterprises", "industries"}


def short_forms(name: str, kind: str) -> list[str]:
    """Shorter names a text may use later: "Kohsar" for "Kohsar Hydropower Project",
    "Orbita-Vostok" for "Orbita-Vostok Systems".  (The caller drops a short form that is
    already a registry name, such as "Sindh" for "Sindh Coastal Grid Line".)

    >>> short_forms("Kohsar Hydropower Project", "Project")
    ['Kohsar']
    >>> short_forms("Orbita-Vostok Systems", "Organisation")
    ['Orbita-Vostok']
    """
    words = name.split()
    if len(words) < 2:
        return []
    if kind == "Organisation" and words[-1].lower() in CORPORATE_SUFFIXES:
        return [" ".join(words[:-1])]
    if kind in PROJECT_HEADS.values() or kind == "Project":
        return [words[0]] if words[0][:1].isupper() and words[0].lower() not in PROJECT_HEADS else []
    return []
