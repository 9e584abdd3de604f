"""Find the names in an article and link each to an entity.

Two sources of mentions, in this order of trust:

1. the curated registry: every label, alias, demonym and metonym, matched on the
   token stream with a spaCy ``PhraseMatcher`` (longest match wins);
2. spaCy's statistical NER, for names the registry does not know.  A name the
   registry knows under a slightly different form (``the Shanghai Cooperation
   Organisation``) is linked through ``Registry.lookup``; the rest become new entities,
   typed from the NER label and the head noun, and marked as not yet curated.

A capital or seat of government that may stand for its state (a *metonym*) is read as
the place when the sentence uses it as a location ("visited Moscow", "a summit in
Islamabad") and as the state otherwise ("Moscow offered to mediate", "relations with
Islamabad").
"""
from __future__ import annotations

import re

from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from kg.extract.model import Mention, Sentence, Span
from kg.extract.names import (HONORIFICS, ORG_HEADS, PLURAL_NOUNS, PROJECT_HEADS, TITLES, generic_body, is_country,
                              name_chunks, short_forms, title_acronyms, titled_people)
from kg.extract.sentences import sentence_at
from kg.extract.tokens import doc_text

# Prepositions after which a capital names a location rather than a government.
PLACE_PREPOSITIONS = {
    "in", "to", "at", "from", "into", "near", "via", "towards", "toward", "inside",
    "outside", "across", "around", "through", "within", "outside",
}
# Verbs whose direct object is a destination.
PLACE_VERBS = {"visit", "reach", "arrive", "leave", "tour", "travel", "fly"}

NER_TYPES = {"PERSON": "Person", "ORG": "Organisation", "GPE": "Place", "LOC": "Place", "FAC": "Place"}
DIRECTIONS = {"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
              "middle", "far", "near"}
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]*[A-Z0-9]s?$")
_QUOTES = "\"'“”‘’"


class Linker:
    """Links names in parsed articles to registry entities (built once per registry)."""

    def __init__(self, registry):
        self.registry = registry
        self.names = {
            surface: [(eid, kind) for eid, kind in pairs
                      if registry.entities[eid].type != "CooperationArea"]
            for surface, pairs in registry.names().items()
        }
        self.names = {k: v for k, v in self.names.items() if v}
        # a place or state in capitals, as datelines write it ("ISLAMABAD, Dec 4:", "NEW DELHI -"):
        # the place itself, not the government its capital's name may stand for
        for surface, pairs in list(self.names.items()):
            upper = surface.upper()
            named = [(eid, kind) for eid, kind in pairs if kind != "metonym"]
            if upper != surface and upper not in self.names and named and all(
                    registry.core_class(registry.entities[eid].type) in {"Place", "State"} for eid, _ in named):
                self.names[upper] = named
        self._matcher = None
        self._vocab = None

    def _matcher_for(self, nlp_vocab, make_doc):
        if self._matcher is None or self._vocab is not nlp_vocab:
            matcher = PhraseMatcher(nlp_vocab, attr="ORTH")
            for surface in sorted(self.names):
                matcher.add(surface, [make_doc(surface)])
            self._matcher, self._vocab = matcher, nlp_vocab
        return self._matcher

    def entity_type(self, eid: str) -> str:
        entity = self.registry.entities.get(eid)
        return self.registry.core_class(entity.type) if entity else ""

    # -- public -------------------------------------------------------------------
    def link(self, doc, sentences: list[Sentence], skip: Span | None = None):
        """Return (mentions, new entity types, unlinked names) for a parsed article.

        ``skip`` is a character range (the writer's bio sentence) where NER names are
        not turned into new entities: there they are roles and fields of study.
        """
        from kg.extract.nlp import load_nlp

        nlp = load_nlp()
        matcher = self._matcher_for(doc.vocab, nlp.make_doc)
        spans = filter_spans([doc[s:e] for _, s, e in matcher(doc)])
        mentions: list[Mention] = []
        taken: list[tuple[int, int]] = []
        for span in spans:
            surface = span.text
            eid = self._choose(surface, span)
            if eid is None:
                continue
            mentions.append(self._mention(span, eid, sentences, "registry"))
            taken.append((span.start_char, span.end_char))

        mentions, taken = _merge_acronym_expansions(doc, mentions, sentences, self)
        new_types: dict[str, str] = {}
        forms: dict[str, str] = {}  # other names of new entities: acronyms, surnames
        mentions, taken = self._shaped_names(doc, sentences, mentions, taken, new_types, forms, skip)
        unlinked: list[Span] = []
        titles = title_acronyms(doc)  # "Special Assistant to the Prime Minister (SAPM)": a title
        for ent in doc.ents:
            if ent.label_ not in NER_TYPES:
                continue
            span = _clean(ent)
            if span is None:
                continue
            span, label = self._person_inside(span, ent.label_)
            if any(s < span.end_char and span.start_char < e for s, e in taken):
                continue
            entity = self.registry.lookup(span.text)
            if entity is not None and entity.type != "CooperationArea":
                mentions.append(self._mention(span, entity.id, sentences, "ner", label))
                taken.append((span.start_char, span.end_char))
                continue
            if skip is not None and skip.start <= span.start_char < skip.end or span.text in titles:
                continue
            known = forms.get(span.text) or ("new:" + _canonical(span.text) if "new:" + _canonical(span.text) in new_types
                                             else _middle_name(span.text, new_types))
            if known:
                mentions.append(self._mention(span, known, sentences, "ner", label))
                taken.append((span.start_char, span.end_char))
                continue
            kind = _new_entity_type(span, label, taken)
            if kind is None:
                unlinked.append(Span(span.start_char, span.end_char, span.text))
                continue
            key = "new:" + _canonical(span.text)
            new_types.setdefault(key, kind)
            mentions.append(self._mention(span, key, sentences, "ner", label))
            taken.append((span.start_char, span.end_char))
        mentions += self._repeat_new_names(doc, new_types, taken, sentences, forms)
        mentions = _fold_partial_names(mentions, new_types)
        mentions = self._fold_registry_surnames(mentions, new_types)
        mentions = self._state_bodies(mentions, new_types)
        mentions = self._generic_bodies(doc, mentions, new_types)
        for key in [k for k in new_types if _bare_head(k[4:]) or generic_body(k[4:])]:
            new_types.pop(key)  # "Commission" alone names no particular body
            unlinked += [m.span for m in mentions if m.entity == key]
            mentions = [m for m in mentions if m.entity != key]
        mentions.sort(key=lambda m: (m.span.start, m.span.end))
        return _one_per_span(mentions), new_types, unlinked

    # -- helpers ------------------------------------------------------------------
    def _state_bodies(self, mentions: list[Mention], new_types: dict[str, str]) -> list[Mention]:
        """"the Foreign Ministry" in an article about Russia is the registry's Russian
        Foreign Ministry: a new name that the registry knows only with a state's name or
        demonym before it goes to the body of the state the article names most."""
        counts: dict[str, int] = {}
        for m in mentions:
            if self.entity_type(m.entity) == "State":
                counts[m.entity] = counts.get(m.entity, 0) + 1
        remap: dict[str, str] = {}
        for key in new_types:
            name = key[4:].lower()
            best = None
            for surface, pairs in self.names.items():
                if not surface.lower().endswith(" " + name):
                    continue
                prefix = surface[: -len(name) - 1].rstrip("'’s ").strip()
                states = {eid for eid, _ in self.names.get(prefix, []) + self.names.get(prefix + "n", [])
                          if self.entity_type(eid) == "State"} | {
                    eid for eid, e in self.registry.entities.items()
                    if self.entity_type(eid) == "State" and prefix in getattr(e, "demonyms", ())}
                for state in states:
                    for eid, _ in pairs:
                        if counts.get(state, 0) and (best is None or counts[state] > best[0]):
                            best = (counts[state], eid)
            if best is not None:
                remap[key] = best[1]
        for key in remap:
            new_types.pop(key, None)
        return [Mention(m.span, remap.get(m.entity, m.entity), m.sentence, "registry" if m.entity in remap
                        else m.linked_by, m.ner_label) for m in mentions]

    def _generic_bodies(self, doc, mentions: list[Mention], new_types: dict[str, str]) -> list[Mention]:
        """A new body named only by its field ("Defense Ministry", see
        :func:`~kg.extract.names.generic_body`) is that of the state named just before it
        ("Russia's Defense Ministry", "Pakistani Foreign Office"): one node named with the
        state's demonym ("Russian Defense Ministry") for all its mentions, when they name one
        state only.  Left as it is here otherwise (then it makes no node)."""
        remap: dict[str, str] = {}
        for key, kind in new_types.items():
            if kind != "Organisation" or not generic_body(key[4:]):
                continue
            states = {self._state_before(doc, m.span.start) for m in mentions if m.entity == key} - {None}
            if len(states) != 1:
                continue
            demonyms = getattr(self.registry.entities[states.pop()], "demonyms", ())
            if demonyms:
                remap[key] = "new:" + demonyms[0] + " " + key[4:]
        for old, new in remap.items():
            new_types[new] = new_types.pop(old)
        return [Mention(m.span, remap.get(m.entity, m.entity), m.sentence, m.linked_by, m.ner_label) for m in mentions]

    def _state_before(self, doc, start: int) -> str | None:
        """The registry state named just before character ``start``: "Russia's" or a demonym."""
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None or span.start == 0:
            return None
        before = doc[span.start - 1]
        if before.text in ("'s", "’s", "'", "’") and span.start >= 2:
            before = doc[span.start - 2]
        found = self.registry.lookup(before.text)
        return found.id if found is not None and found.type == "State" else None

    def _fold_registry_surnames(self, mentions: list[Mention], new_types: dict[str, str]) -> list[Mention]:
        """A new one- or two-word person name that is the first or last words of exactly one
        registry person the article names ("Sharif" or "Nawaz" after "Nawaz Sharif") is that
        person; none when a new fuller name or a second registry person fits too."""
        here = {m.entity for m in mentions if self.entity_type(m.entity) == "Person" and not m.entity.startswith("new:")}
        names = {eid: [self.registry.entities[eid].label, *getattr(self.registry.entities[eid], "aliases", ())]
                 for eid in here}
        fuller_new = [k[4:].split() for k, t in new_types.items() if t == "Person"]
        remap: dict[str, str] = {}
        for key, kind in new_types.items():
            words = key[4:].split()
            if kind != "Person" or not 1 <= len(words) <= 2:
                continue
            fits = sorted(eid for eid, labels in names.items() if any(
                len(n.split()) > len(words) and (n.split()[:len(words)] == words or n.split()[-len(words):] == words)
                for n in labels))
            other = any(len(f) > len(words) and (f[:len(words)] == words or f[-len(words):] == words) for f in fuller_new)
            if len(fits) == 1 and not other:
                remap[key] = fits[0]
        for key in remap:
            new_types.pop(key, None)
        return [Mention(m.span, remap.get(m.entity, m.entity), m.sentence,
                        "registry" if m.entity in remap else m.linked_by, m.ner_label) for m in mentions]

    def _person_inside(self, span, label: str):
        """A person's name that NER ran together with a title or a state before it:
        "Russian Federation Mr. Denis Manturov", "Foreign Ministry Spokeswoman Maria
        Zakharova", "Russian Federation Khalilullah Qazi" give the name after it."""
        doc = span.doc
        cut = None
        for i in range(span.start, span.end - 2):
            if doc[i].lower_.rstrip(".") in HONORIFICS | TITLES:
                cut = i + 1
        if cut is None:
            for k in range(span.end - 2, span.start, -1):
                if self.registry.lookup(doc[span.start:k].text) is not None:
                    cut = k
                    break
        if cut is None:
            return span, label
        rest = doc[cut:span.end]
        if 2 <= len(rest) <= 4 and all(t.text[:1].isupper() and t.text.replace(".", "").isalpha() for t in rest) \
                and not any(t.lower_ in ORG_HEADS or t.lower_ in PROJECT_HEADS for t in rest):
            return rest, "PERSON"
        return span, label

    def _choose(self, surface: str, span) -> str | None:
        pairs = self.names.get(surface, [])
        metonyms = [eid for eid, kind in pairs if kind == "metonym"]
        others = [eid for eid, kind in pairs if kind != "metonym"]
        if metonyms:
            if others and reads_as_place(span):
                return others[0]
            if not others or not reads_as_place(span):
                return metonyms[0]
        return others[0] if others else None

    def _mention(self, span, eid, sentences, how, label=None) -> Mention:
        sent = sentence_at(sentences, span.start_char)
        return Mention(
            Span(span.start_char, span.end_char, span.text),
            eid,
            sent.index if sent else -1,
            how,
            label,
        )

    def _shaped_names(self, doc, sentences, mentions, taken, new_types, forms, skip):
        """Add organisation/project names found by their head noun and titled people.

        Such a name may contain a registry place ("Peshawar Institute of Energy Policy"):
        the place is then part of the name, not a mention of its own.
        """
        known: dict[str, set[int]] = {}  # tokens of the states, places and bodies the registry names
        for m in mentions:
            span = doc.char_span(m.span.start, m.span.end)
            known.setdefault(self.entity_type(m.entity), set()).update(range(span.start, span.end) if span else ())
        found = [(s, e, kind) for s, e, kind in name_chunks(doc, known.get("State", set()))]
        # a title names a portfolio or where its holder serves before the name ("ambassador in Moscow X")
        places = known.get("State", set()) | known.get("Place", set()) | known.get("Organisation", set())
        found += [(s, e, "Person") for s, e in titled_people(doc, places)]
        for start, end, kind in sorted(found):
            span = doc[start:end]
            a, b = span.start_char, span.end_char
            inside = [m for m in mentions if m.span.start < b and a < m.span.end]
            if any(not (a <= m.span.start and m.span.end <= b and (m.span.end - m.span.start) < (b - a)
                        and self.entity_type(m.entity) in {"Place", "State"}) for m in inside):
                continue
            if kind == "Person" and skip is not None and skip.start <= a < skip.end:
                continue
            entity = self.registry.lookup(span.text)
            if entity is not None:
                key, how = entity.id, "registry"
            else:
                key, how = "new:" + _canonical(span.text), "ner"
                new_types.setdefault(key, kind)
            mentions = [m for m in mentions if m not in inside]
            mentions.append(self._mention(span, key, sentences, how))
            if key.startswith("new:"):
                words = span.text.split()
                if kind == "Person":
                    forms.setdefault(words[-1], key)
                for short in short_forms(span.text, kind):
                    if self.registry.lookup(short) is None:
                        forms.setdefault(short, key)
            acronym = _following_acronym(doc, end, span)
            if acronym is not None and key.startswith("new:"):
                forms.setdefault(acronym.text, key)
                mentions.append(self._mention(acronym, key, sentences, "ner"))
        mentions.sort(key=lambda m: (m.span.start, m.span.end))
        return mentions, [(m.span.start, m.span.end) for m in mentions] + [
            t for t in taken if not any(m.span.start == t[0] and m.span.end == t[1] for m in mentions)]

    def _repeat_new_names(self, doc, new_types, taken, sentences, forms=None) -> list[Mention]:
        """Link later occurrences of new names that NER missed, bare surnames and acronyms."""
        if not new_types:
            return []
        forms = dict(forms or {})
        for key, kind in new_types.items():
            name = key[4:]
            forms.setdefault(name, key)
            parts = name.split()
            if kind == "Person" and len(parts) >= 2:
                forms.setdefault(parts[-1], key)
        for form in list(forms):
            if forms[form] not in new_types:
                forms.pop(form)
        # a surname shared by two new people is ambiguous: drop it
        surnames = [k[4:].split()[-1] for k, t in new_types.items() if t == "Person"]
        for s in {s for s in surnames if surnames.count(s) > 1}:
            forms.pop(s, None)
        out = []
        text = doc_text(doc)
        for form, key in sorted(forms.items()):
            # not a part of a hyphenated word ("DRUZHBA" in "DRUZHBA-V", an exercise's name)
            for m in re.finditer(r"(?<!\w)(?<!\w[-–])" + re.escape(form) + r"(?!\w)(?![-–]\w)", text):
                s, e = m.span()
                if any(a < e and s < b for a, b in taken):
                    continue
                span = doc.char_span(s, e)
                if span is None:
                    continue
                out.append(self._mention(span, key, sentences, "ner"))
                taken.append((s, e))
        return out


def _middle_name(word: str, new_types: dict[str, str]) -> str | None:
    """The one new person of three or more names whose middle name ``word`` is ("Dastgir said",
    after "Khurram Dastgir Khan"), or None.

    >>> _middle_name("Dastgir", {"new:Khurram Dastgir Khan": "Person", "new:Dastgir Group": "Organisation"})
    'new:Khurram Dastgir Khan'
    """
    fits = [k for k, t in new_types.items() if t == "Person" and word in k[4:].split()[1:-1]]
    return fits[0] if len(fits) == 1 and " " not in word else None


def _bare_head(name: str) -> bool:
    """A name that is only a head noun ("Commission", "Organization") or a plural noun
    ("States"), or starts lower-case."""
    words = name.split()
    return not words or name[:1].islower() or (len(words) == 1 and (
        words[0].lower() in ORG_HEADS or words[0].lower() in PROJECT_HEADS or words[0].lower() in TITLES
        or words[0].lower() in PLURAL_NOUNS))


def _fold_partial_names(mentions: list[Mention], new_types: dict[str, str]) -> list[Mention]:
    """A new name that is the first or last words of exactly one new person's fuller name
    ("Manturov", "Khurram Dastgir" beside "Khurram Dastgir Khan") is that person.

    >>> types = {"new:Khurram Dastgir Khan": "Person", "new:Khurram Dastgir": "Organisation", "new:Khan": "Person"}
    >>> ms = [Mention(Span(0, 4, "Khan"), "new:Khan", 0, "ner")]
    >>> [m.entity for m in _fold_partial_names(ms, types)], sorted(types)
    (['new:Khurram Dastgir Khan'], ['new:Khurram Dastgir Khan'])
    """
    people = [k for k, t in new_types.items() if t == "Person" and len(k[4:].split()) >= 2]
    remap: dict[str, str] = {}
    for key in list(new_types):
        words = key[4:].split()
        if key in people and len(words) >= 2:
            continue
        fuller = [p for p in people if p != key and len(p[4:].split()) > len(words)
                  and (p[4:].split()[:len(words)] == words or p[4:].split()[-len(words):] == words)]
        if len(fuller) == 1:
            remap[key] = fuller[0]
    for key in remap:
        new_types.pop(key, None)
    return [Mention(m.span, remap.get(m.entity, m.entity), m.sentence, m.linked_by, m.ner_label) for m in mentions]


_FILLER = {"of", "and", "the", "for", "&", "-", "–", "(", ")"}


def _initials(tokens) -> str:
    return "".join(t.text[0].upper() for t in tokens if t.text.lower() not in _FILLER and t.text[:1].isalpha())


def _merge_acronym_expansions(doc, mentions, sentences, linker):
    """Treat "Long Name (ABBR)" and "ABBR (Long Name)" as one name of the acronym's entity.

    Names inside a spelled-out acronym ("Turkmenistan-Afghanistan-Pakistan-India (TAPI)")
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
                    add.append(linker._mention(doc[start:span.end + 1], m.entity, sentences, "registry"))
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


def _one_per_span(mentions: list[Mention]) -> list[Mention]:
    """Keep one mention per exact span (the first found: registry before NER)."""
    seen: set[tuple[int, int]] = set()
    out = []
    for m in mentions:
        key = (m.span.start, m.span.end)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def _following_acronym(doc, end: int, name):
    """"Space and Upper Atmosphere Research Commission (SUPARCO)" -> the SUPARCO token."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        tok = doc[end + 1]
        if ACRONYM.match(tok.text) and tok.text[0] == name.text[0].upper():
            return doc[end + 1:end + 2]
    return None


def reads_as_place(span) -> bool:
    """True when a capital's name is used as a location, not as its government."""
    token = span.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS:
        return True
    if token.dep_ == "dobj" and token.head.lemma_ in PLACE_VERBS:
        return True
    # "the QAU, Islamabad", "Centre for Research and Security Studies, Islamabad":
    # a capital set off by a comma right after a name gives that name's location
    first = span[0]
    if first.i >= 2 and first.nbor(-1).text == "," and first.nbor(-2).pos_ == "PROPN" \
            and token.dep_ in {"appos", "npadvmod", "conj", "pobj", "nmod", "compound"} \
            and (first.nbor(-2).ent_type_ in {"ORG", "FAC"} or token.dep_ == "appos"):
        return True
    return False


def _clean(ent):
    """Trim articles, possessives, quotes and bracket tails off an NER span."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].text in _QUOTES + "("):
        start += 1
    while end > start and (doc[end - 1].text in {"'s", "’s", "'", "’", ")", "(", ",", "."} or doc[end - 1].text in _QUOTES):
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


def _inside_expansion(span, taken=()) -> bool:
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
FIRM_NOUNS = {"firm", "company", "corporation", "giant", "conglomerate", "supplier", "producer", "exporter",
              "importer", "operator", "manufacturer", "contractor", "bank", "lender", "carrier"}


def _new_entity_type(span, label: str, taken=()) -> str | None:
    """Decide whether an NER name is a real new entity, and of which class."""
    tokens = [t for t in span if t.text not in {"-", "–", "&", "of", "and", "for", "the", "de"}]
    if not tokens or not span.text[:1].isupper():
        return None
    if len(tokens) == 1 and tokens[0].lower_ in DIRECTIONS:
        return None
    if _inside_expansion(span, taken):
        return None
    if len(span) > 2 and span[0].lower_ in TITLES and span[1].lower_ == "of":
        return None  # "Minister of Foreign Affairs", "Chief of Army Staff": a post, not a name
    if any(t.tag_ in {"VBG", "VBD", "VBN", "VB", "VBZ", "VBP", "NNS", "JJ", "RB", "PRP"} and not t.text[:1].isupper() for t in tokens):
        return None
    if any(t.tag_ in {"VBG", "NNS"} for t in tokens) and len(tokens) == 1:
        return None
    if label in {"ORG", "PERSON"} and span.start > 0 and span.doc[span.start - 1].lower_ in FIRM_NOUNS \
            and all(t.pos_ == "PROPN" for t in tokens):
        return "Organisation"  # "the Russian state firm Prodintorg": a name set after what it is
    head = span.root.lower_
    if head in PROJECT_HEADS and len(span) >= 2:
        return PROJECT_HEADS[head]
    if label == "ORG":
        if head in ORG_HEADS or (len(tokens) == 1 and ACRONYM.match(span.text) and not span.text.endswith("s")):
            return "Organisation"
        if len(tokens) >= 2 and all(t.pos_ == "PROPN" for t in tokens) and head not in {"relations", "studies", "affairs", "sciences"}:
            return "Organisation"
        return None
    if not all(t.pos_ in {"PROPN", "NUM"} or t.text[:1].isupper() for t in tokens):
        return None
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


def _canonical(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" .,;:" + _QUOTES)
