"""Shared look-ups over one parsed article: which tokens belong to which mention,
which entities are states or people, and the clause around a word.

The event and relation extractors work on the dependency parse; this module gives them
the few questions they keep asking of it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.dates import time_in
from kg.extract.model import Mention, Sentence, TimeValue
from kg.extract.sentences import sentence_at
from kg.extract.tokens import doc_text

PRONOUN_SUBJECTS = {"it", "they", "he", "she"}
POSSESSIVE_PRONOUNS = {"his", "her", "its", "their"}
TITLE_WORDS = {"minister", "premier", "president", "ambassador", "envoy", "spokesman", "spokeswoman",
               "secretary", "chancellor", "chief", "general", "governor"}


@dataclass
class Context:
    doc: object
    sentences: list[Sentence]
    mentions: list[Mention]
    times: list[TimeValue]
    registry: object
    author_sentence: Sentence | None = None
    new_types: dict[str, str] = field(default_factory=dict)

    def __post_init__(self):
        self.text = doc_text(self.doc)
        self._tied: dict[str, str] | None = None
        self._by_token: dict[int, Mention] = {}
        for m in self.mentions:
            span = self.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                self._by_token.setdefault(tok.i, m)

    # -- entity facts -----------------------------------------------------------
    def core_type(self, eid: str) -> str:
        if eid.startswith("new:"):
            kind = self.new_types.get(eid, "")
            return self.registry.core_class(kind) if kind else ""
        entity = self.registry.entities.get(eid)
        return self.registry.core_class(entity.type) if entity else ""

    def is_state(self, eid: str) -> bool:
        return self.core_type(eid) == "State"

    def is_agent(self, eid: str) -> bool:
        return self.core_type(eid) in {"State", "Organisation", "Person"}

    def is_place(self, eid: str) -> bool:
        return self.core_type(eid) == "Place"

    def nationality(self, eid: str) -> str | None:
        """A person's state: the registry's, else the one the article ties to them."""
        entity = self.registry.entities.get(eid)
        if entity is not None:
            return getattr(entity, "nationality", None)
        if eid.startswith("new:") and self.core_type(eid) == "Person":
            return self._tied_states().get(eid)
        return None

    def speaks_for(self, eid: str) -> str | None:
        """The state a speaker speaks for: a state itself, else a person's nationality."""
        return eid if self.is_state(eid) else self.nationality(eid)

    def _tied_states(self) -> dict[str, str]:
        """New people's states from the words before a mention of them, in its own phrase:
        "Russian Deputy Foreign Minister Igor Morgulov", "Pakistan's Ambassador to Russia
        Muhammad Khalid Jamali" (the first state there), "Ambassador of Pakistan X"."""
        if self._tied is not None:
            return self._tied
        self._tied = {}
        for m in self.mentions:
            if m.entity in self._tied or not m.entity.startswith("new:") or self.core_type(m.entity) != "Person":
                continue
            span = self.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
            if span is None:
                continue
            sent_start = span.sent.start
            for tok in self.doc[max(sent_start, span.start - 7):span.start]:
                other = self._by_token.get(tok.i)
                if other is not None and self.is_state(other.entity) and tok.head.i >= tok.i:
                    self._tied[m.entity] = other.entity
                    break
        return self._tied

    def state_of_place(self, eid: str) -> str | None:
        """Follow ``located_in`` from a place up to the state that contains it."""
        seen = set()
        while eid and eid not in seen:
            seen.add(eid)
            entity = self.registry.entities.get(eid)
            if entity is None:
                return None
            if self.registry.core_class(entity.type) == "State":
                return eid
            eid = getattr(entity, "located_in", None)
        return None

    # -- tokens and mentions ------------------------------------------------------
    def mention_at(self, token) -> Mention | None:
        return self._by_token.get(token.i)

    def mentions_in(self, tokens) -> list[Mention]:
        seen: dict[tuple[int, int], Mention] = {}
        for tok in tokens:
            m = self._by_token.get(tok.i)
            if m is not None:
                seen.setdefault((m.span.start, m.span.end), m)
        return [seen[k] for k in sorted(seen)]

    def sentence_of(self, token) -> Sentence | None:
        return sentence_at(self.sentences, token.idx)

    def in_author_bio(self, token) -> bool:
        s = self.author_sentence
        return s is not None and token.idx >= s.span.start

    def resolve_pronoun(self, token) -> list[str]:
        """Entity ids a subject or possessive pronoun most likely stands for.

        "his"/"her": the nearest person named before it in the sentence or the one
        before; "it"/"its"/"they"/"their": the first state or organisation that is the
        grammatical subject of the previous sentence.
        """
        low = token.lower_
        sent = self.sentence_of(token)
        if sent is None:
            return []
        window_start = self.sentences[sent.index - 1].span.start if sent.index > 0 else sent.span.start
        before = [m for m in self.mentions if window_start <= m.span.start < token.idx]
        if low in {"his", "her", "he", "she"}:
            people = [m.entity for m in before if self.core_type(m.entity) == "Person"]
            if not people and sent.index > 1:  # "He ..." two or three sentences on
                start = self.sentences[max(0, sent.index - 3)].span.start
                people = [m.entity for m in self.mentions if start <= m.span.start < window_start
                          and self.core_type(m.entity) == "Person"]
            return people[-1:]
        if low in {"it", "its", "they", "their"} and sent.index > 0:
            prev = self.sentences[sent.index - 1].span
            for tok in self.doc.char_span(prev.start, prev.end, alignment_mode="expand"):
                if tok.dep_ in {"nsubj", "nsubjpass"}:
                    for m in self.mentions_in(tok.subtree):
                        if self.core_type(m.entity) in {"State", "Organisation"}:
                            return [m.entity]
        return []

    def resolve_title(self, token) -> list[str]:
        """The person a definite title stands for ("the minister", "the prime minister",
        "the premier"): the latest person named before it (up to five sentences back)
        after the same title word, else the latest person named in the sentence before.
        """
        if token.lemma_.lower() not in TITLE_WORDS or token.tag_ != "NN" or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return []
        sent = self.sentence_of(token)
        if sent is None:
            return []
        start = self.sentences[max(0, sent.index - 5)].span.start
        people = [m for m in self.mentions if start <= m.span.start < token.idx and self.core_type(m.entity) == "Person"]
        title = token.lemma_.lower()
        for m in reversed(people):
            before = self.text[max(0, m.span.start - 40):m.span.start].lower()
            if title in before:
                return [m.entity]
        return []

    def times_in(self, start: int, end: int) -> list[TimeValue]:
        return time_in(self.times, start, end)
