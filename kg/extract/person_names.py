"""The person a name, a surname or a title stands for: a one-word mention for the full name
written around it or earlier in the article; a person the linker missed, named after a title
("Russian Ambassador Danila Ganich", "Minister for Information and Broadcasting Attaullah
Tarar"); "the minister" for the last person introduced with that title.  A part of
:class:`kg.extract.speakers.Speakers`, which holds the article's mentions and look-ups.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from kg.extract.model import Mention
from kg.extract.names import FIELDS
from kg.extract.speaker_words import (CLOSE, GENERIC_TITLES, INSTITUTIONS, RANKS, REACH, TITLE_JOINS, TITLE_WORDS,
                                      TITLES, name_word)
from kg.extract.tokens import doc_text


class PersonNames:
    """The person look-ups of :class:`~kg.extract.speakers.Speakers` (its ``doc``,
    ``mentions``, ``by_token``, ``core_type``, ``named``, ``renamed`` and ``outlets``)."""

    def full_name(self, m: Mention) -> str:
        """A one-word person mention stands for the full name ending with it: written
        out around it ("General Asim Saleem Bajwa"), else named earlier in the article,
        else later."""
        if " " in m.span.text.strip():
            longer = [o for o in self.mentions if len(o.span.text) > len(m.span.text)
                      and o.span.text.startswith(m.span.text + " ") and self.core_type(o.entity) == "Person"]
            return longer[0].entity if longer else m.entity
        span = self.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if span is not None:
            head = span.root
            names = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"
                     and t.lemma_.lower() not in TITLES and t.i >= head.i - 3 and t.text[:1].isupper()
                     and t.lower_ not in RANKS]
            if names and names[-1].i == head.i - 1:
                start = min(t.i for t in names)
                return self.named(self.doc[start:head.i + 1].text, "Person")
        before = [o for o in self.mentions if o.span.start < m.span.start]
        after = [o for o in self.mentions if o.span.start > m.span.start]
        for last_only in (True, False):  # "Khan" for "Khurram Dastgir Khan", then "Dastgir"
            for other in [*reversed(before), *after]:
                words = other.span.text.split()
                if len(words) > 1 and (words[-1] == m.span.text or not last_only and m.span.text in words) \
                        and self.core_type(other.entity) == "Person":
                    return other.entity
        return m.entity

    def person_of(self, m: Mention) -> str | None:
        """The person a mention names: a person's mention, or one word the linker took for
        something else that is the surname of a person the article names in full ("Dar"
        after "Ishaq Dar", read as a place in "according to Dar")."""
        if self.core_type(m.entity) == "Person":
            return self.full_name(m)
        word = m.span.text.strip()
        if not m.entity.startswith("new:") or " " in word or not word[:1].isupper():
            return None
        return next((o.entity for o in reversed(self.mentions) if o.span.start < m.span.start
                     and len(o.span.text.split()) > 1 and o.span.text.split()[-1] == word
                     and self.core_type(o.entity) == "Person"), None)

    def people(self, before: int, window: int, subject_first: bool = False) -> list[Mention]:
        found = [m for m in self.mentions if before - window <= m.span.start < before
                 and self.core_type(m.entity) == "Person" and m.entity not in self.outlets]
        if subject_first:
            subjects = [m for m in found if self.is_subject(m)]
            return subjects or found
        return found

    def is_subject(self, m: Mention) -> bool:
        tok = self.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if tok is None:
            return False
        root = tok.root
        while root.head.i != root.i and (root.dep_ in CLOSE or root.dep_ == "pobj" and root.head.lower_ in ("to", "for")
                                         and root.head.head.lemma_.lower() in TITLES):
            # "Ambassador to Pakistan X", "envoy for Afghanistan, X"
            root = root.head.head if root.dep_ == "pobj" else root.head
        return root.dep_ in ("nsubj", "nsubjpass")

    def titled(self, title: str, before: int, nationality: str = "") -> str | None:
        """The last person named right after this title ("Prime Minister Nawaz Sharif");
        with a nationality ("the Russian envoy"), one whose title says it."""
        text = doc_text(self.doc)
        found = [(m, text[max(0, m.span.start - 50):m.span.start].lower())
                 for m in reversed(self.people(before, 3000)) if self.introduced_as(m.span.start, title, m.span.end)]
        if nationality:
            stem = nationality.lower()[:5]
            return next((self.full_name(m) for m, lead in found if stem in lead), None)
        return self.full_name(found[0][0]) if found else None

    def introduced_as(self, at: int, title: str, end: int | None = None) -> bool:
        """Whether the name written at offset ``at`` (to ``end``) comes right after this title, or
        holds it ("Prime Minister Nawaz Sharif", "Prime Minister of Pakistan Nawaz Sharif" for
        "prime"; a registry name may take the title in: "Prime Minister Shehbaz Sharif")."""
        lead = doc_text(self.doc)[max(0, at - 50):at if end is None else end]
        for w in TITLE_WORDS.get(title, (title,)):
            i = lead.lower().rfind(w)
            if i >= 0 and not re.search(r"\b(?!of\b|the\b|and\b|for\b|to\b)[a-z]+\b", lead[i + len(w):]):
                return True
        return False

    def first_mention(self, m: Mention) -> Mention:
        """The first mention of the person ``m`` names (where a title would introduce them)."""
        key = self.full_name(m)
        return next((o for o in self.mentions if o.entity == key), m)

    def first_named(self, found: tuple[int, str]) -> int:
        """Where a speaker found outside the mentions is first written in full."""
        at = doc_text(self.doc).find(found[1][4:]) if found[1].startswith("new:") else -1
        return at if 0 <= at <= found[0] else found[0]

    def titled_otherwise(self, m: Mention | int, title: str) -> bool:
        """The person (a mention, or the offset of a name) was introduced with another title
        ("spokeswoman Maria Zakharova" is not "the ambassador")."""
        if title in GENERIC_TITLES:
            return False  # "the official" may be any of them
        words = TITLE_WORDS.get(title, (title,))
        start, end = (m, m + 1) if isinstance(m, int) else (m.span.start, m.span.end)
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        first = span.start
        while first > span.sent.start and self.doc[first - 1].pos_ == "PROPN" and \
                self.doc[first - 1].lemma_.lower() not in TITLES:
            first -= 1  # to the name's first word
        lead = [t.lemma_.lower() for t in self.doc[max(span.sent.start, first - 4):first]]
        given = [w for w in lead if w in TITLES and w not in ("prime", "deputy", "chief", "head", "general")]
        return bool(given) and not any(w in " ".join(words) for w in given)

    def unlinked_person(self, head: Token) -> str | None:
        """A person the linker missed, named by the NER in the phrase's head or close to
        it ("Indian Ambassador to Russia Pankaj Saran"): a new person of that name."""
        todo, seen = [head], set()
        while todo:
            tok = todo.pop()
            seen.add(tok.i)
            if tok.ent_type_ == "PERSON" and tok.i not in self.by_token and tok.pos_ == "PROPN":
                ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
                if ent is not None and len(ent) > 1 and all(t.i not in self.by_token for t in ent):
                    key = self.new_person(list(ent))
                    if key:
                        return key
            todo += [c for c in tok.children if c.dep_ in CLOSE and c.i not in seen]
        return self.after_title(head)

    def bare(self, key: str) -> str:
        """A new person named with a rank or an honorific before the name ("H.E. Syed
        Tariq Fatemi", "Mr Abc Xyz"): the person named without it, as elsewhere."""
        words = key[4:].split() if key.startswith("new:") else []
        if len(words) < 2 or words[0].lower().rstrip(".") not in RANKS or self.core_type(key) != "Person":
            return key
        while len(words) > 2 and words[1].lower().rstrip(".") in RANKS:  # "Rear Adm. X Y"
            words = words[1:]
        if len(words) == 2:  # "Gen Gerasimov" after "Army General Valery Gerasimov": that person
            return next((m.entity for m in self.mentions if self.core_type(m.entity) == "Person"
                         and len(m.span.text.split()) > 1 and m.span.text.split()[-1] == words[1]
                         and m.entity.split(":")[-1].split()[0].lower().rstrip(".") not in RANKS), key)
        return self.named(" ".join(words[1:]), "Person")

    def new_person(self, tokens: list[Token]) -> str | None:
        """The registry person or a new one named by ``tokens`` after any title in them
        ("Foreign Ministry Spokeswoman Maria Zakharova": Maria Zakharova)."""
        cut = max((i for i, t in enumerate(tokens) if t.lower_.rstrip(".") in RANKS
                   or t.lemma_.lower() in TITLES or t.lemma_.lower() in INSTITUTIONS), default=-1)
        words = [t for t in tokens[cut + 1:] if t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha
                 and not (t.i in self.by_token and not self.by_token[t.i].entity.startswith("new:"))]
        # the end of a portfolio's name before the holder's ("Commission on Trade Sergey Tsivilev"),
        # when a given name and a surname remain after it
        field = max((i for i, t in enumerate(words) if t.lower_ in FIELDS), default=-1)
        if len(words) - field - 1 >= 2:
            words = words[field + 1:]
        if len(words) < 2:
            return None
        return self.named(" ".join(t.text for t in words), "Person")

    def after_title(self, head: Token) -> str | None:
        """A name the NER did not take for a person, written after a title: "Russian
        Ambassador Danila Ganich" (the title and the name in one compound)."""
        if head.pos_ != "PROPN":
            return None
        if head.i in self.by_token and not self.by_token[head.i].entity.startswith("new:"):
            return None
        lefts = [t for t in head.lefts if t.dep_ == "compound"]
        chain = sorted([*lefts, head], key=lambda t: t.i)
        if not any(t.lemma_.lower() in TITLES for t in chain):
            return self.after_long_title(head)
        return self.new_person(chain)

    def after_long_title(self, head: Token) -> str | None:
        """A name after a title whose portfolio the parser breaks up ("Minister for
        Information and Broadcasting Attaullah Tarar", "Additional Foreign Secretary (Arms
        Control and Disarmament) Tahir Andrabi"): reading leftwards over capitalised words and
        the title's joining words, a title word within reach; the holder is the given name and
        surname just before the verb's subject (two capitalised words no title names)."""
        doc = self.doc
        first = doc[head.i - 1] if head.i > 0 else None
        if first is None or not name_word(first) or first.i in self.by_token or head.i in self.by_token:
            return None
        for tok in reversed(doc[max(0, first.i - REACH):first.i]):
            if tok.lemma_.lower() in TITLES and tok.text[:1].isupper():
                return self.named(f"{first.text} {head.text}", "Person")
            if not (tok.text[:1].isupper() or tok.lower_ in TITLE_JOINS):
                return None
        return None

    def without_title(self, key: str, head: Token) -> str:
        """A new person whose name took in the title before it ("Economic Affairs Dr Kazim",
        from "Secretary Economic Affairs Dr Kazim Niaz"): the name after the title, read
        again from the subject phrase."""
        if not key.startswith("new:") or not any(
                w.lower().rstrip(".") in RANKS or w.lower() in TITLES or w.lower() in INSTITUTIONS
                or w.lower() in FIELDS for w in key[4:].split()):
            return key
        chain = sorted([*(t for t in head.lefts if t.dep_ == "compound"), head], key=lambda t: t.i)
        person = self.new_person(chain)
        if person and person != key:
            self.renamed[key] = person  # "he" after it is the same person
        return person or key

    def written_before(self, head: Token) -> str | None:
        """A lone surname ("Dedov said") written out in full earlier in the article, after
        a title or not ("ambassador to Pakistan Alexey Y Dedov"): that person."""
        if any(t.dep_ == "compound" for t in head.lefts):
            return None
        for tok in reversed(self.doc[:head.i]):
            if tok.text != head.text:
                continue
            chain = sorted([*(t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"), tok],
                           key=lambda t: t.i)
            if len(chain) > 1:
                return self.new_person(chain)
        return None
