"""Shared look-ups over one parsed article: which tokens belong to which mention,
which entities are states or people, and the clause around a word.

The event and relation extractors work on the dependency parse; this module gives them
the few questions they keep asking of it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.dates import time_in
from kg.extract.gender import genders
from kg.extract.model import Mention, Sentence, TimeValue
from kg.extract.names import TITLES
from kg.extract.references import References
from kg.extract.sentences import sentence_at
from kg.extract.syntax import phrase
from kg.extract.tokens import doc_text

PRONOUN_SUBJECTS = {"it", "they", "he", "she"}
POSSESSIVE_PRONOUNS = {"his", "her", "its", "their"}
# the head words of a state's bodies (armed forces, ministries, commissions, delegations)
STATE_BODIES = {"army", "armed", "forces", "force", "navy", "ministry", "commission", "committee", "group",
                "council", "government", "office", "department", "guard", "guards", "corps", "troops",
                "contingent", "delegation", "embassy", "mission", "directorate", "presidency", "cabinet",
                "division", "brigade", "regiment", "battalion", "fleet", "units", "unit"}
# "Ambassador to China X", "envoy in Moscow X": the state after these is where the post is
POST_PREPS = {"to", "in", "at"}
# words of a national office ("Special Assistant to the Prime Minister", "Minister for Defence")
OFFICE_WORDS = {"minister", "premier", "president", "assistant", "adviser", "advisor", "secretary", "spokesman",
                "spokeswoman", "spokesperson"}
DATELINE_MARKS = {":", "-", "–", "—", "--", ","}
# lower-case words inside a post's title ("Minister for Trade and Industry", "Chief of the General Staff")
CONNECTOR_WORDS = {"of", "for", "and", "the", "&"}


@dataclass
class Context(References):
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
        self._genders: dict[str, str] | None = None
        self._quotes: list[tuple[int, int]] | None = None
        self._acronyms: dict[str, int | None] | None = None
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
        """The state a speaker speaks for: a state itself, a person's nationality, the
        state whose body an organisation is ("Russian energy ministry": Russia)."""
        if self.is_state(eid):
            return eid
        return self.nationality(eid) or next(iter(self.states_of_body(eid)), None)

    def demonym(self, eid: str) -> str | None:
        """A state's adjective ("Russian"), from the registry."""
        entity = self.registry.entities.get(eid)
        names = getattr(entity, "demonyms", ()) if entity is not None else ()
        return names[0] if names else None

    def states_of_body(self, eid: str) -> list[str]:
        """The states whose body an organisation is, by the words of its name: "Russian
        Army", "Pakistani-Russian Intergovernmental Commission", "Ministry of Agriculture of
        Russia" (a state's forces, ministries, commissions and delegations take part for it;
        a newspaper or a forum named after a country does not)."""
        if self.core_type(eid) != "Organisation":
            return []
        entity = self.registry.entities.get(eid)
        name = eid[4:] if eid.startswith("new:") else (entity.label if entity is not None else "")
        head = (re.split(r"\s(?:of|on|for|and)\s", name)[0].split() or [""])[-1].lower()
        if head not in STATE_BODIES:
            return []
        return self.states_named_in(name)

    def states_named_in(self, name: str) -> list[str]:
        """States named by the words of a longer name, in order: "Joint Exercise of Pakistan
        and Russian Federation" gives pakistan and russia."""
        words = re.split(r"[\s\-–]+", name.replace("’s", "").replace("'s", ""))
        out: list[str] = []
        for i, w in enumerate(words):
            for text in (" ".join(words[i:i + 2]), w):
                found = self.registry.lookup(text) if text and text[:1].isupper() else None
                if found is not None and self.registry.core_class(found.type) == "State":
                    if found.id not in out:
                        out.append(found.id)
                    break
        return out

    def _tied_states(self) -> dict[str, str]:
        """New people's states from the words before a mention of them, in its own phrase:
        "Russian Deputy Foreign Minister Igor Morgulov", "Pakistan's Ambassador to Russia
        Muhammad Khalid Jamali" (the first state there), "Ambassador of Pakistan X"; else
        from the side they lead ("the Afghan delegation is headed by X")."""
        if self._tied is not None:
            return self._tied
        self._tied = {}
        named: set[str] = set()
        from kg.extract.led_sides import leaders_states  # (it reads the context)

        leaders = leaders_states(self)
        for m in self.mentions:
            if m.entity in self._tied or not m.entity.startswith("new:") or self.core_type(m.entity) != "Person":
                continue
            span = self.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
            if span is None:
                continue
            sent_start = span.sent.start
            window = self.doc[max(sent_start, span.start - 7):span.start]
            for tok in reversed(window):  # "Uzbek President X and Tajikistan President Y": Y's own words
                other = self._by_token.get(tok.i)
                if other is not None and other.entity != m.entity and self.core_type(other.entity) == "Person":
                    window = self.doc[tok.i + 1:span.start]
                    break
            for tok in window:
                other = self._by_token.get(tok.i)
                if other is not None and self.is_state(other.entity) and tok.head.i >= tok.i:
                    start = self.doc.char_span(other.span.start, other.span.end, alignment_mode="expand")
                    if start is not None and start.start > 0 and self.doc[start.start - 1].lower_ in POST_PREPS:
                        continue  # "Ambassador to China X": the state of the post, not of the person
                    self._tied[m.entity] = other.entity
                    break
            else:
                # the office of the article's dateline only where the person is first named
                # with their title (a later bare surname says nothing of it)
                first = m.entity not in named
                state = self._state_in_apposition(span.root) or self._state_of_title_before_comma(span) \
                    or leaders.get(m.entity) or (self._home_office(span) if first else None)
                if state is not None:
                    self._tied[m.entity] = state
            named.add(m.entity)
        return self._tied

    def _home_office(self, span) -> str | None:
        """"ISLAMABAD: ... Special Assistant to the Prime Minister Syed Tariq Fatemi": a
        person titled by a national office that names no state ("the Prime Minister", "Minister
        for Defence") holds it in the state of the article's dateline, the city the report is
        filed from."""
        home = self._dateline_state()
        if home is None:
            return None
        for tok in self.doc[max(span.sent.start, span.start - 12):span.start]:
            other = self._by_token.get(tok.i)
            if other is not None and self.is_state(other.entity) and tok.dep_ in {"amod", "compound", "poss", "nmod"}:
                return None  # "his Russian counterpart, Minister for Trade X", "Russian officials, including X"
        words = list(self.doc[max(span.sent.start, span.start - 9):span.start])
        if words and words[-1].text == ",":
            words.pop()  # "Special Assistant to the Prime Minister (SAPM), Syed Tariq Fatemi"
        commas = [i for i, t in enumerate(words) if t.text in {",", ":"}]
        if commas:
            words = words[commas[-1] + 1:]  # the title's own words ("(SAPM), X", "ISLAMABAD: Minister for Defence X")
        if any(t.i in self._by_token for t in words):
            return None  # a title naming a state or body: the tie above decides
        return home if any(t.lower_ in OFFICE_WORDS for t in words) else None

    def _state_of_title_before_comma(self, span) -> str | None:
        """"his Russian counterpart, Minister for Trade and Industry X", "Ambassador of the Russian
        Federation, X", "Pakistan's Ambassador to Russia, X": a title set before a name by a comma
        (with only the words of a post between them) gives the first state it names outside a
        post's "to"/"in", or whose body it names."""
        sent_start = span.sent.start
        i = span.start - 1
        while i >= sent_start and self.doc[i].text != "," and span.start - i <= 7:
            tok = self.doc[i]
            if not (tok.text[:1].isupper() or tok.lower_ in CONNECTOR_WORDS) or tok.pos_ in {"VERB", "AUX"}:
                return None  # "... in Moscow, X said": no title before the comma
            i -= 1
        if i <= sent_start or self.doc[i].text != ",":
            return None
        words = []
        for tok in reversed(self.doc[max(sent_start, i - 12):i]):
            if tok.pos_ in {"VERB", "AUX", "CCONJ", "PUNCT"} and tok.text not in {"’s", "'s"} \
                    or tok.pos_ == "ADP" and tok.lower_ not in {"of", "for"} | POST_PREPS:
                break
            words.append(tok)
        words.reverse()
        if not any(t.lower_ in TITLES or t.lower_ == "counterpart" for t in words) or any(
                self.core_type(self._by_token[t.i].entity) == "Person" for t in words if t.i in self._by_token):
            return None  # "President X and President Y, Dawn reported": a name ends the phrase
        for tok in words:
            other = self._by_token.get(tok.i)
            if other is None or other.entity.startswith("new:") and self.core_type(other.entity) == "Person":
                continue
            state = other.entity if self.is_state(other.entity) else next(iter(self.states_of_body(other.entity)), None)
            if state is None:
                continue
            first = self.doc.char_span(other.span.start, other.span.end, alignment_mode="expand")
            if first is not None and first.start > 0 and self.doc[first.start - 1].lower_ in POST_PREPS:
                continue  # "Ambassador to Russia": where the post is
            return state
        return None

    def _dateline_state(self) -> str | None:
        """The state of the city an article's first word names in capitals before a colon or a
        dash ("ISLAMABAD: ...", "MOSCOW – ..."), or None."""
        if len(self.doc) < 3:
            return None
        first, sep = self.doc[0], self.doc[1]
        if not (first.is_alpha and first.text.isupper() and len(first.text) > 2) or sep.text not in DATELINE_MARKS:
            return None
        place = self.registry.lookup(first.text)
        return self.state_of_place(place.id) if place is not None and self.is_place(place.id) else None

    def _state_in_apposition(self, root) -> str | None:
        """"Tasnim Aslan, an official spokesperson of the Pakistani Foreign Ministry": the
        first state an apposition to a person's name names (or whose body it names), outside a
        post's "to"/"in"."""
        for c in root.children:
            if c.dep_ != "appos" or c.pos_ != "NOUN":
                continue
            for tok in sorted(phrase(c, skip={"relcl", "acl", "conj", "appos"}), key=lambda t: t.i):
                other = self._by_token.get(tok.i)
                if other is None:
                    continue
                # a state, or the state whose body is named ("of the Pakistani Foreign Ministry")
                state = other.entity if self.is_state(other.entity) else next(iter(self.states_of_body(other.entity)), None)
                if state is None:
                    continue
                if tok.i > 0 and self.doc[tok.i - 1].lower_ in POST_PREPS:
                    return None  # "an envoy to Russia"
                return state
        return None

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

    def gender(self, eid: str) -> str | None:
        """"f", "m" or None (unknown) for a person, from the article's words (:mod:`kg.extract.gender`)."""
        if self._genders is None:
            self._genders = genders(self.doc, self.mentions, self.core_type)
        return self._genders.get(eid)

    def quoted(self, pos: int) -> bool:
        """Whether the character at ``pos`` stands inside a quotation of four words or more."""
        if self._quotes is None:
            from kg.extract.quotations import quotations
            self._quotes = [(q.start, q.end) for q in quotations(self.text) if q.words >= 4]
        return any(a <= pos < b for a, b in self._quotes)

    def times_in(self, start: int, end: int) -> list[TimeValue]:
        return time_in(self.times, start, end)
