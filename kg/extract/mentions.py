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

from kg.extract.acronyms import following_acronym, merge_acronym_expansions, registry_acronyms
from kg.extract.metonyms import reads_as_place
from kg.extract.model import Mention, Sentence, Span
from kg.extract.name_particles import named_entities
from kg.extract.names import (ABSTRACT_ENDINGS, HONORIFICS, ORG_HEADS, PROJECT_HEADS, TITLES, generic_body,
                              name_chunks, short_forms, title_acronyms, titled_people)
from kg.extract.new_names import (NER_TYPES, bare_head, canonical, clean_name, fold_partial_names, middle_name,
                                  new_entity_type, without_middle_name)
from kg.extract.sentences import sentence_at
from kg.extract.tokens import doc_text


# ranks and forms of address that NER may take for a name of their own ("Lt-Gen (retd) X", "Maj Gen",
# the "Extraordinary" of "Ambassador Extraordinary and Plenipotentiary")
_RANK_WORDS = HONORIFICS | TITLES | {"general", "major", "gen", "retd", "retired", "r", "air", "vice", "rear",
                                     "extraordinary", "plenipotentiary"}


def ranks_only(span) -> bool:
    """A name made of ranks and titles only ("Lt-Gen", "Maj. Gen.", "Plenipotentiary"): it names nobody."""
    words = [t.lower_.rstrip(".") for t in span if not t.is_punct and t.text not in {"-", "–"}]
    return bool(words) and all(w in _RANK_WORDS for w in words)


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
        # "Bilawal Bhutto-Zardari", "Kassym-Jomart Tokayev": a person's name written with a hyphen
        # between two of its words (else "Zardari" alone would name another person)
        for surface, pairs in list(self.names.items()):
            people = [(eid, kind) for eid, kind in pairs
                      if registry.core_class(registry.entities[eid].type) == "Person" and kind != "metonym"]
            words = surface.split()
            if not people or len(words) < 2 or not all(w.isalpha() and w[:1].isupper() for w in words):
                continue
            for k in range(1, len(words)):
                variant = " ".join(words[:k - 1] + [words[k - 1] + "-" + words[k]] + words[k + 1:])
                self.names.setdefault(variant, people)
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

        mentions, taken = merge_acronym_expansions(
            doc, mentions, lambda span, eid: self._mention(span, eid, sentences, "registry"))
        for start, end, eid in registry_acronyms(doc, mentions, self.registry.lookup):
            span = doc.char_span(start, end)
            if span is not None and not any(s < end and start < e for s, e in taken):
                mentions.append(self._mention(span, eid, sentences, "registry"))
                taken.append((start, end))
        new_types: dict[str, str] = {}
        forms: dict[str, str] = {}  # other names of new entities: acronyms, surnames
        mentions, taken = self._shaped_names(doc, sentences, mentions, taken, new_types, forms, skip)
        unlinked: list[Span] = []
        titles = title_acronyms(doc)  # "Special Assistant to the Prime Minister (SAPM)": a title
        for ent in named_entities(doc):  # ("Anwaar ul Haq Kakar": one person, not two)
            if ent.label_ not in NER_TYPES:
                continue
            span = clean_name(ent)
            if span is None or ranks_only(span):
                continue
            span, label = self._person_inside(span, ent.label_)
            if any(s < span.end_char and span.start_char < e for s, e in taken):
                continue
            entity = self.registry.lookup(span.text)
            if entity is None and label == "PERSON":
                entity = self._with_middle_name(span)
            if entity is not None and entity.type == "CooperationArea":
                continue  # "LNG", "energy": a field of cooperation, no entity of its own
            if entity is not None:
                mentions.append(self._mention(span, entity.id, sentences, "ner", label))
                taken.append((span.start_char, span.end_char))
                continue
            if skip is not None and skip.start <= span.start_char < skip.end or span.text in titles:
                continue
            known = forms.get(span.text) or ("new:" + canonical(span.text) if "new:" + canonical(span.text) in new_types
                                             else middle_name(span.text, new_types))
            if known:
                mentions.append(self._mention(span, known, sentences, "ner", label))
                taken.append((span.start_char, span.end_char))
                continue
            kind = new_entity_type(span, label, taken)
            if kind is None:
                unlinked.append(Span(span.start_char, span.end_char, span.text))
                continue
            key = "new:" + canonical(span.text)
            new_types.setdefault(key, kind)
            mentions.append(self._mention(span, key, sentences, "ner", label))
            taken.append((span.start_char, span.end_char))
        mentions += self._repeat_new_names(doc, new_types, taken, sentences, forms)
        mentions = fold_partial_names(mentions, new_types)
        mentions = self._fold_registry_surnames(mentions, new_types)
        mentions = self._state_bodies(mentions, new_types)
        mentions = self._generic_bodies(doc, mentions, new_types)
        for key in [k for k in new_types if bare_head(k[4:]) or generic_body(k[4:])]:
            new_types.pop(key)  # "Commission" alone names no particular body
            unlinked += [m.span for m in mentions if m.entity == key]
            mentions = [m for m in mentions if m.entity != key]
        mentions.sort(key=lambda m: (m.span.start, m.span.end))
        return _one_per_span(mentions), new_types, unlinked

    # -- helpers ------------------------------------------------------------------
    def _state_bodies(self, mentions: list[Mention], new_types: dict[str, str]) -> list[Mention]:
        """"the Foreign Ministry" in an article about Russia is the registry's Russian
        Foreign Ministry: a new name that the registry knows only with a state's name or
        demonym before it, or with "of" and the state after it ("Ministry of Foreign Affairs
        of Pakistan"), goes to the body of the state the article names most."""
        counts: dict[str, int] = {}
        for m in mentions:
            if self.entity_type(m.entity) == "State":
                counts[m.entity] = counts.get(m.entity, 0) + 1
        remap: dict[str, str] = {}
        for key in new_types:
            name = key[4:].lower()
            best = None
            for surface, pairs in self.names.items():
                low = surface.lower()
                if low.endswith(" " + name):
                    prefix = surface[: -len(name) - 1].rstrip("'’s ").strip()
                elif low.startswith(name + " of "):  # "Ministry of Foreign Affairs of Pakistan"
                    prefix = re.sub(r"^the ", "", surface[len(name) + 4:].strip(), flags=re.I)
                else:
                    continue
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

    def _with_middle_name(self, span):
        """The registry person whose name is this one's first and last words, a middle name or
        patronymic between them ("Sergey Viktorovich Lavrov": Sergey Lavrov), or None."""
        short = without_middle_name(span.text)
        if short is None:
            return None
        found = self.registry.named(short)
        return found if found is not None and found.type == "Person" else None

    def _person_inside(self, span, label: str):
        """A person's name that NER ran together with a title or a state before it:
        "Russian Federation Mr. Denis Manturov", "Foreign Ministry Spokeswoman Maria
        Zakharova", "Russian Federation Khalilullah Qazi", "Reconciliation Zalmay Khalilzad" (an
        abstract noun, the end of a post's field) give the name after it."""
        doc = span.doc
        cut = None
        for i in range(span.start, span.end - 2):
            if doc[i].lower_.rstrip(".") in HONORIFICS | TITLES or doc[i].lower_.endswith(ABSTRACT_ENDINGS):
                cut = i + 1  # ... or the end of a post's field ("for Afghan Reconciliation Zalmay Khalilzad")
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
                key, how = "new:" + canonical(span.text), "ner"
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
            acronym = following_acronym(doc, end, span)
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


