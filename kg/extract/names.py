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

import re

import functools

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
    "chancellor", "adviser", "advisor", "admiral", "colonel", "chief", "mayor", "deputy", "commander",
}
# the last word of a post's name ("Consul General", "Foreign Secretary", "Federation Council Speaker"):
# such a name stands for the post's holder, who is named elsewhere, and is no entity of its own
POST_HEADS = TITLES | {"consul", "speaker", "counsellor", "counselor", "attache", "attaché", "ombudsman"}
# endings of abstract nouns, never of a person's first name: such a word ends a post's field
# ("Special Representative for Afghanistan Reconciliation Zalmay Khalilzad")
ABSTRACT_ENDINGS = ("tion", "sion", "ity", "ism", "ship")
# the field of a government body ("Defense Ministry", "Foreign Office", "Finance Division")
FIELDS = {
    "foreign", "defence", "defense", "interior", "home", "finance", "financial", "energy", "power", "commerce",
    "trade", "economic", "economy", "petroleum", "oil", "gas", "information", "external", "industry", "industries",
    "affairs", "planning", "health", "education", "justice", "law", "military", "naval", "agriculture", "food",
    "culture", "communications", "transport", "railways", "maritime", "science", "technology", "environment",
    "revenue", "water", "statistics", "production", "emergencies", "emergency", "press", "media",
}
# heads of the bodies a state has one of in each field
BODY_HEADS = {"ministry", "office", "department", "division", "directorate", "committee", "commission", "agency",
              "board", "authority", "secretariat", "service"}
# plural nouns that a capital letter does not make a name ("SCO member States")
PLURAL_NOUNS = {"states", "countries", "nations", "members", "ministers", "officials", "leaders", "forces",
                "authorities", "governments", "parties", "sides"}


def generic_body(name: str) -> bool:
    """A name made only of a field and a body's head, which names a particular body only
    with its state's name before it.

    >>> [generic_body(n) for n in ("Defense Ministry", "Foreign Office", "Russian Defense Ministry",
    ...                            "Ministry", "Petroleum Division", "Ministry of Foreign Affairs")]
    [True, True, False, False, True, False]
    """
    words = name.lower().split()
    return 2 <= len(words) <= 3 and words[-1] in BODY_HEADS and all(w in FIELDS for w in words[:-1])


# forms of address that come before a name ("Mr. Denis Manturov", "Engineer Khurram Dastgir Khan")
HONORIFICS = {"mr", "mrs", "ms", "dr", "engineer", "prof", "professor", "sir", "madam",
              # ranks ("Captain 1st Rank Roman Martov", "Rear Adm. Naveed Ashraf", "Lt Col X")
              "adm", "capt", "captain", "rank", "commodore", "lieutenant", "brigadier", "brig", "lt", "col", "maj",
              "gen"}
CONNECTORS = {"of", "for", "and", "on", "-", "–", "&"}
_HYPHENS = {"-", "–"}


def _capitalised(tok) -> bool:
    text = tok.text
    return (text[:1].isupper() or (text[:1].isdigit() and tok.i > 0 and tok.nbor(-1).text in _HYPHENS)) \
        and tok.tag_ not in {"DT", "PRP", "PRP$", "WDT", "WP", "IN", "CC"}


NOT_FIELDS = {"GPE", "PERSON", "NORP", "LOC", "DATE", "FAC"}


def _field_list(doc, start: int, comma: int) -> bool:
    """Whether the comma at ``comma`` goes on a list of fields inside a name that began at
    ``start`` with "on", "for" or "of" ("Commission on Trade, Economic, Scientific, and
    Technical Cooperation"): single capitalised words that name no place, people or body,
    up to "and" and a last item of two words or more."""
    if not any(t.lower_ in {"on", "for", "of"} for t in doc[start:comma]):
        return False
    k = comma
    while k < len(doc) and k < comma + 12:
        tok = doc[k]
        if tok.text == ",":
            k += 1
        elif tok.lower_ == "and":
            tail = doc[k + 1:k + 3]
            return len(tail) == 2 and all(_capitalised(t) and t.ent_type_ not in NOT_FIELDS for t in tail)
        elif _capitalised(tok) and tok.ent_type_ not in NOT_FIELDS and k + 1 < len(doc) \
                and (doc[k + 1].text == "," or doc[k + 1].lower_ == "and"):
            k += 1
        else:
            return False
    return False


def _runs(doc):
    """Maximal runs of capitalised words with connectors inside them."""
    toks = list(doc)  # the tokens once, instead of a Doc look-up per step
    caps = [_capitalised(t) for t in toks]
    i, n = 0, len(toks)
    while i < n:
        if not caps[i] or toks[i].is_sent_start and toks[i].pos_ not in {"PROPN"}:
            i += 1
            continue
        j = i + 1
        while j < n:
            tok = toks[j]
            if caps[j]:
                j += 1
            elif tok.lower_ in CONNECTORS and j + 1 < n and caps[j + 1]:
                j += 1
            elif tok.text in _HYPHENS and j + 3 < n and toks[j + 1].lower_ in {"to", "on", "and", "of"} \
                    and toks[j + 2].text in _HYPHENS and caps[j + 3]:
                j += 3  # "Steppe-to-Sea"
            elif tok.text == "," and _field_list(doc, i, j):
                j += 1  # "Commission on Trade, Economic, Scientific and Technical Cooperation"
            else:
                break
        while j > i and toks[j - 1].lower_ in CONNECTORS | {"to"}:
            j -= 1
        yield i, j
        i = max(j, i + 1)


def name_chunks(doc, states=frozenset()) -> list[tuple[int, int, str]]:
    """(start token, end token, class) of organisation and project names by their head noun.
    A head word inside a known state's name (``states``: token indices) heads nothing: "the
    Russian Federation Khalilullah Qazi" names no organisation."""
    out = []
    for start, end in _runs(doc):
        words = [t for t in doc[start:end]]
        heads = [k for k, t in enumerate(words) if _capitalised(t) and t.i not in states
                 and (t.lower_ in ORG_HEADS or t.lower_ in PROJECT_HEADS)]
        if not heads or end - start < 2:
            continue
        last = heads[-1]
        end = _name_end(words, last, start, end)
        if doc[end - 1].lower_ in POST_HEADS:
            continue  # "the Federation Council Speaker": a post, not the body
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


# words of a government portfolio that a title names before the holder's name ("Minister of
# Industry and Trade Alexey Gruzdev", "Secretary Economic Affairs Dr Kazim Niaz")
PORTFOLIOS = {
    "affairs", "agriculture", "commerce", "communications", "culture", "defence", "defense", "development",
    "economic", "economy", "education", "energy", "external", "finance", "food", "foreign", "health",
    "home", "industry", "industries", "information", "interior", "investment", "justice", "maritime",
    "national", "overseas", "petroleum", "planning", "power", "privatisation", "privatization", "railways",
    "research", "resources", "science", "security", "technology", "trade", "transport", "water",
}
# offices whose title names a person even in lower case ("Russian energy minister Nikolai Shulginov")
OFFICES = {"minister", "ambassador", "president", "premier", "envoy", "secretary", "spokesman", "spokeswoman",
           "spokesperson", "adviser", "advisor", "governor", "senator", "chairman", "commissioner", "pm"}
TITLE_LINKS = {"of", "for", "to", "in", "at", "and", "the", "&"}
_INITIAL = re.compile(r"^[A-Z]\.?$")


def _name_word(tok, initial_ok: bool) -> bool:
    """A word of a person's name: a capitalised proper noun that is no title, portfolio, month or
    weekday, or (inside the name) an initial ("Dmitry O. Rogozin", "Alexey Y Dedov")."""
    text, low = tok.text, tok.lower_.rstrip(".")
    if initial_ok and _INITIAL.match(text):
        return True
    return tok.pos_ == "PROPN" and text[:1].isupper() and text.isalpha() and len(text) > 1 \
        and low not in TITLES | HONORIFICS | PORTFOLIOS | MONTHS | WEEKDAYS | ORG_HEADS | set(PROJECT_HEADS) \
        and low[:-1] not in TITLES  # "Chairman Joint Chiefs of Staff Committee": no name


def titled_people(doc, places=frozenset()) -> list[tuple[int, int]]:
    """(start, end) tokens of a 2-4 word proper name after an office title and what the title
    names: its portfolio, the state or place it is of, to or in (``places``: the indices of
    tokens that name a known state, place or organisation), a form of address.

    "Water and Power Minister Sadia Noor Khattak and Russian Ambassador Pavel Solntsev"
    gives both names; so do "Minister of Industry and Trade Alexey Gruzdev", "ambassador in
    Moscow Shafqat Ali Khan" (Moscow being known) and "Secretary Economic Affairs Dr Kazim Niaz".
    """
    out = []
    n = len(doc)
    cues = TITLES | HONORIFICS | {f"{h}." for h in HONORIFICS} | {"pm"}
    for tok in (doc[i] for i in token_indices(doc, lower=cues)):
        if not tok.text[:1].isupper() and tok.lower_ not in OFFICES or tok.lower_ == "pm" and tok.text != "PM":
            continue
        # what the title names: its portfolio, "of Pakistan to the Russian Federation", a second title
        j = tok.i + 1
        while j < n and j - tok.i <= 10:
            t = doc[j]
            low = t.lower_.rstrip(".")
            if not (t.i in places or low in PORTFOLIOS or low in TITLES | HONORIFICS | TITLE_LINKS
                    or t.text[:1].isupper() and (low in ORG_HEADS or low.endswith(ABSTRACT_ENDINGS))):
                break
            j += 1
        if doc[j - 1].lower_ in TITLE_LINKS:
            continue  # "Minister for Kashmir ...": the name of a portfolio, not of its holder
        k = j
        while k < n and k - j < 4 and _name_word(doc[k], initial_ok=k > j):
            k += 1
        name = doc[j:k]
        if not 2 <= len(name) <= 4 or _INITIAL.match(name[-1].text):
            continue
        if k < n and _name_word(doc[k], initial_ok=False):
            continue  # a longer run of names: not one person's
        out.append((name.start, name.end))
    return sorted(set(out))


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


@functools.lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Lower-case names of the ISO 3166 countries (pycountry): the short, common and
    official names, and the part before a comma ("Palestine, State of")."""
    import pycountry

    out = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(c, attr, None)
            if name:
                out.add(name.lower())
                out.add(name.split(",")[0].strip().lower())
    return frozenset(n for n in out if len(n) >= 4)


def is_country(name: str) -> bool:
    """Whether a name the NER calls a place is a country ("Malaysia", "Syria"): a State that
    may take part in events, not a venue.  Codes ("US") and short names do not count.

    >>> is_country("Syria"), is_country("Malaysia"), is_country("Goa"), is_country("Moscow")
    (True, True, False, False)
    """
    return name.strip().lower() in _country_names()


# words of a title that an acronym in brackets may abbreviate ("Special Assistant to the Prime
# Minister (SAPM)", "Chief of Army Staff (COAS)", "Foreign Minister (FM)")
TITLE_HEADS = OFFICES | TITLES | {"assistant", "staff", "chief", "deputy"}


def title_acronyms(doc) -> dict[str, int | None]:
    """Acronyms that a bracket sets after the title they abbreviate, each with the token
    where the name of the title's holder starts when it follows ("Special Assistant to the
    Prime Minister (SAPM), Syed Tariq Fatemi": SAPM, at Syed).  Such an acronym is a title,
    not an organisation; "the SAPM" later stands for that person.

    >>> from kg.extract.pipeline import load_nlp
    >>> title_acronyms(load_nlp()("Special Assistant to the Prime Minister (SAPM), Tariq Fatemi, spoke."))
    {'SAPM': 10}
    """
    out: dict[str, int | None] = {}
    for tok in (doc[i + 1] for i in token_indices(doc, lower={"("}) if 1 <= i < len(doc) - 2):  # "(" then the acronym
        text = tok.text
        if not (text.isupper() and text.isalpha() and 2 <= len(text) <= 6) or doc[tok.i + 1].text != ")":
            continue
        words = []  # the capitalised words before the bracket, lower-case links skipped
        for i in range(tok.i - 2, max(-1, tok.i - 2 - 3 * len(text)), -1):
            w = doc[i]
            if w.text[:1].isupper() and w.is_alpha:
                words.append(w)
                if len(words) == len(text):
                    break
            elif w.lower_ not in TITLE_LINKS:
                break
        if "".join(w.text[0] for w in reversed(words)) != text \
                or not any(w.lower_ in TITLE_HEADS for w in words):
            continue
        start = tok.i + 2 + (tok.i + 2 < len(doc) and doc[tok.i + 2].text == ",")
        out[text] = start if start < len(doc) and doc[start].ent_type_ == "PERSON" else None
    return out
