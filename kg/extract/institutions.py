"""Institutions that speak: the organisation a subject phrase names or describes ("the
Taliban Ministry of Foreign Affairs", "Russia's energy ministry", "the ministry" after it
spoke) and the news outlet named before "the newspaper".  A part of
:class:`kg.extract.speakers.Speakers`, which holds the article's mentions and look-ups.
"""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.names import HONORIFICS, POST_HEADS
from kg.extract.new_names import without_middle_name

OUTLETS = frozenset("newspaper paper daily publication outlet".split())


class Institutions:
    """The institution look-ups of :class:`~kg.extract.speakers.Speakers` (its ``doc``,
    ``by_token``, ``core_type``, ``agent``, ``lookup``, ``demonym_of``, ``new_entities``
    and ``last_before``)."""

    def institution(self, head: Token) -> str | None:
        """The registry entry or a new organisation named by an institution phrase: a
        name ("the Taliban Ministry of Foreign Affairs", "the Russian Presidency"), or a
        description of a state's body ("Russia's energy ministry", "the Pakistan embassy
        in Russia": the registry's entry of that name, else a new organisation named
        "Russian Energy Ministry", "Pakistan Embassy in Russia"), or "the ministry" for the
        last institution of that kind that spoke."""
        if head.lower_ in POST_HEADS:
            return None  # "the Consul General", "the Federation Council Speaker": a post's holder, a person
        mods = [t for t in head.lefts if t.dep_ in ("compound", "amod", "nmod", "poss")]
        if not mods:
            return self.same_body(head)
        start = min(t.left_edge.i for t in mods)
        ent = next((e for e in self.doc.ents if e.start <= start and head.i < e.end and e.label_ == "ORG"), None)
        for t in self.doc[start:head.i + 1]:
            m = self.by_token.get(t.i)
            if m is not None and self.core_type(m.entity) == "Organisation":
                if ent is not None and head.text[:1].isupper() and head.i not in self.by_token:
                    break  # "the Taliban Ministry of Foreign Affairs": a body of the Taliban, by its name
                return m.entity
        if not head.text[:1].isupper():  # "the Pakistani embassy", "Russia's energy ministry": a
            # description of a state's body, named so (else it names nobody)
            states = [a for a in (self.agent(self.by_token[t.i].entity) for t in self.doc[start:head.i]
                                  if t.i in self.by_token) if a and self.core_type(a) == "State"]
            if not states:
                return None  # "the finance ministry" alone: whose? A bare "Finance Ministry" node
                # would join every state's ministry of that name across articles
            name = self.body_name(start, head)
            found = self.lookup(name) if self.lookup else None  # "Russian foreign ministry": the registry's
            return found or self.named(" ".join(w if w in ("in", "of") else w[:1].upper() + w[1:]
                                                for w in name.split()), "Organisation")
        if ent is not None:
            name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            return self.named(name, "Organisation")
        while start < head.i and self.doc[start].dep_ in ("det", "case", "punct"):
            start += 1
        return self.named(self.doc[start:head.i + 1].text, "Organisation")

    def body_name(self, start: int, head: Token) -> str:
        """The name of a state's body described from ``start`` to its head: a state in the
        possessive by its demonym ("Russia's energy ministry": "Russian energy ministry"),
        the state it is in kept ("the Pakistan embassy in Russia"), no article."""
        words = []
        for t in self.doc[start:head.i + 1]:
            if t.dep_ in ("det", "case", "punct") and t.i != head.i:
                continue
            m = self.by_token.get(t.i)
            state = self.agent(m.entity) if m is not None else None
            demonym = self.demonym_of(state) if t.dep_ == "poss" and state and self.demonym_of else None
            words.append(demonym or t.text)
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "in"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            m = self.by_token.get(obj.i) if obj is not None else None
            if m is not None and self.core_type(m.entity) == "State":
                words += ["in", m.span.text]
        return " ".join(words)

    def same_body(self, head: Token) -> str | None:
        """"The ministry said" after a ministry spoke: that ministry."""
        said = self.last_before("said", head.idx)
        if not any(t.lower_ in ("the", "this") for t in head.lefts) or said is None:
            return None
        offset, key = said
        if head.idx - offset > 1500 or self.core_type(key) != "Organisation":
            return None
        return key if head.lemma_.lower() in key.lower() else None

    def named(self, name: str, kind: str) -> str:
        """The registry entity of that name, else a new entity of that kind (noted once)."""
        found = self.lookup(name) if self.lookup else None
        first, _, rest = name.partition(" ")
        if not found and rest and first.lower().rstrip(".") in HONORIFICS and self.lookup:
            found = self.lookup(rest)  # "Mr. Kabulov": the registry's Kabulov
        short = without_middle_name(name) if kind == "Person" else None
        if not found and short and self.lookup:
            found = self.lookup(short)  # "Sergey Viktorovich Lavrov": a patronymic
        if found:
            return found
        self.new_entities.setdefault("new:" + name, kind)
        return "new:" + name

    def last_outlet(self, before: int) -> str | None:
        """The last news outlet named before this offset: an organisation written before
        "newspaper" or "daily" ("Dawn newspaper"), after "a report in", or the subject of
        "reported" or "wrote"."""
        for ent in reversed([e for e in self.doc.ents if e.end_char <= before and e.label_ in ("ORG", "PERSON")]):
            nxt = self.doc[ent.end] if ent.end < len(self.doc) else None
            prev = [t.lower_ for t in self.doc[max(0, ent.start - 3):ent.start]]
            outlet = nxt is not None and nxt.lemma_.lower() in OUTLETS or "report" in prev and prev[-1] in ("in", "the") \
                or ent.root.dep_ == "nsubj" and ent.root.head.lemma_.lower() in ("report", "write", "publish")
            if outlet:
                m = self.by_token.get(ent.root.i)
                if m is not None and self.core_type(m.entity) == "Organisation":
                    return m.entity
                name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
                return self.named(name, "Organisation")
        return None
