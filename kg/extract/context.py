"""Shared look-ups over one parsed article: which tokens belong to which mention,
which entities are states or people, and the clause around a word.

The event and relation extractors work on the dependency parse; this module gives them
the few questions they keep asking of it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.dates import time_in
from kg.extract.gender import fits, genders
from kg.extract.model import Mention, Sentence, TimeValue
from kg.extract.names import TITLES, title_acronyms
from kg.extract.sentences import sentence_at
from kg.extract.syntax import phrase
from kg.extract.triggers import NOUN_TRIGGERS
from kg.extract.tokens import doc_text

PRONOUN_SUBJECTS = {"it", "they", "he", "she"}
POSSESSIVE_PRONOUNS = {"his", "her", "its", "their"}
# the head words of a state's bodies (armed forces, ministries, commissions, delegations)
STATE_BODIES = {"army", "armed", "forces", "force", "navy", "ministry", "commission", "committee", "group",
                "council", "government", "office", "department", "guard", "guards", "corps", "troops",
                "contingent", "delegation", "embassy", "mission", "directorate", "presidency", "cabinet",
                "division", "brigade", "regiment", "battalion", "fleet", "units", "unit"}
# "the two countries", "both sides": the pair of states the text is about
PAIR_NOUNS = {"countries", "sides", "nations", "neighbours", "neighbors", "states", "governments"}
# "Ambassador to China X", "envoy in Moscow X": the state after these is where the post is
POST_PREPS = {"to", "in", "at"}
# titles that name one office
TITLE_SAME = {"premier": ("premier", "prime minister"), "prime minister": ("prime minister", "premier")}
# titles the press abbreviates ("The PM is expected to meet ..."): the words that introduce their holder
TITLE_ABBREVIATIONS = {"PM": ("prime minister", "premier", "pm"), "FM": ("foreign minister", "fm"),
                       "COAS": ("chief of army staff", "army chief", "coas")}
# words of a national office ("Special Assistant to the Prime Minister", "Minister for Defence")
OFFICE_WORDS = {"minister", "premier", "president", "assistant", "adviser", "advisor", "secretary", "spokesman",
                "spokeswoman", "spokesperson"}
# plural nouns for two people, one of each side ("the two ministers", "both leaders")
# (each with the title words one of the two bears where the text names them)
PEOPLE_PAIR_NOUNS = {"ministers": ("minister",), "leaders": ("president", "prime minister", "premier"),
                     "presidents": ("president",), "premiers": ("premier", "prime minister")}
DATELINE_MARKS = {":", "-", "–", "—", "--", ","}
# lower-case words inside a post's title ("Minister for Trade and Industry", "Chief of the General Staff")
CONNECTOR_WORDS = {"of", "for", "and", "the", "&"}
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

    def _may_be(self, pronoun, m: Mention) -> bool:
        """Whether the person of mention ``m`` may be what the personal ``pronoun`` stands for:
        the gender fits, and a pronoun outside quotation marks does not stand for someone named
        only inside a quotation ("'We received Shoigu,' the diplomat said. She said ...")."""
        if not fits(pronoun.lower_, self.gender(m.entity)):
            return False
        return self.quoted(pronoun.idx) or not self.quoted(m.span.start)

    def _by_gender(self, pronoun, people: list[str]) -> list[str]:
        """"she"/"her" stands for a person the text shows to be a woman when there is one among
        ``people`` (most people in the news are men the text does not mark)."""
        if pronoun.lower_ in {"she", "her"}:
            women = [e for e in people if self.gender(e) == "f"]
            return women or people
        return people

    def resolve_pronoun(self, token) -> list[str]:
        """Entity ids a subject or possessive pronoun most likely stands for.

        "his"/"her": the person who is the subject of a clause above it ("Dar met his
        counterpart", "At the start of his visit, X called on Y", "X was to lunch with Putin
        and after his meeting ..."), else the nearest person named before it in the sentence
        or the one before.  "he"/"she": the last person who was a subject in this sentence or
        the two before, else the nearest person.  "their": the coordinated agents of its
        clause's subject, else the two people of this sentence ("During their meeting, Putin
        told Sharif"), else the two of this sentence and the one before.  "it"/"its"/"they":
        a state or organisation subject of a clause above it, else the first state or
        organisation that is the subject of the previous sentence.
        """
        low = token.lower_
        sent = self.sentence_of(token)
        if sent is None:
            return []
        if low in {"his", "her"}:
            bound = self._by_gender(token, [e for e in self._clause_subject(token, "Person")
                                            if fits(low, self.gender(e))])
            if bound:
                return bound[:1]
            if self._named_subject(token):
                return []  # "PM Shehbaz recalled his first visit": the subject's, unknown here, not the last one named
        if low == "their":
            bound = self._clause_subject(token, None)
            if len(bound) >= 2:
                return bound
            pair = self._two_people(token, sent) if token.head.lemma_.lower() in NOUN_TRIGGERS else []
            if pair:  # "their meeting", not "their country"
                return pair
        if low in {"its"}:
            bound = self._possessor_above(token) or self._clause_subject(token, "State") \
                or self._clause_subject(token, "Organisation")
            if bound:
                return bound[:1]
        window_start = self.sentences[sent.index - 1].span.start if sent.index > 0 else sent.span.start
        before = [m for m in self.mentions if window_start <= m.span.start < token.idx]
        if low in {"he", "she"}:
            subjects = self._by_gender(token, [m.entity for m in self._subject_people(sent, token)
                                               if self._may_be(token, m)])
            if subjects:
                return subjects[-1:]
        if low in {"his", "her", "he", "she"}:
            people = [m.entity for m in before if self.core_type(m.entity) == "Person" and self._may_be(token, m)]
            if not people and sent.index > 1:  # "He ..." two to four sentences on
                start = self.sentences[max(0, sent.index - 4)].span.start
                people = [m.entity for m in self.mentions if start <= m.span.start < window_start
                          and self.core_type(m.entity) == "Person" and self._may_be(token, m)]
            return self._by_gender(token, people)[-1:]
        if low in {"it", "its", "they", "their"} and sent.index > 0:
            prev = self.sentences[sent.index - 1].span
            for tok in self.doc.char_span(prev.start, prev.end, alignment_mode="expand"):
                if tok.dep_ in {"nsubj", "nsubjpass"}:
                    group = self._coordinated_agents(tok) if low in {"they", "their"} else []
                    if len(group) >= 2:
                        return group  # "Pakistan and Russia have ... They conducted ...": both
                    for m in self.mentions_in(tok.subtree):
                        if self.core_type(m.entity) in {"State", "Organisation"}:
                            return [m.entity]
        return []

    def _coordinated_agents(self, subject) -> list[str]:
        """The states and organisations a subject names itself or in the words coordinated with
        it ("Pakistan and Russia"), not in its modifiers ("the envoy of Pakistan to Russia")."""
        named = (self.mention_at(t) for t in (subject, *subject.conjuncts))
        return list(dict.fromkeys(m.entity for m in named
                                  if m is not None and self.core_type(m.entity) in {"State", "Organisation"}))

    def _possessor_above(self, token) -> list[str]:
        """"Pakistan's shift in its foreign policy": the state or organisation that owns the
        phrase the pronoun's phrase is part of."""
        cur = token.head
        for _ in range(3):
            if cur.dep_ != "pobj" or cur.head.dep_ != "prep":
                return []
            cur = cur.head.head
            for owner in (c for c in cur.children if c.dep_ == "poss" and c.lower_ not in POSSESSIVE_WORDS):
                m = self.mention_at(owner)
                if m is not None and self.core_type(m.entity) in {"State", "Organisation"}:
                    return [m.entity]
        return []

    def _clause_subject(self, token, core: str | None) -> list[str]:
        """The entities of type ``core`` (any agent when None) that the subject of the
        nearest clause above ``token`` names, the pronoun's own phrase aside; a subject
        pronoun or a definite title there is resolved in turn."""
        # "Special Assistant to the Prime Minister (SAPM), Syed Tariq Fatemi called on ...":
        # the parse may split a title and the name in apposition into two subjects
        found = []
        for subj in _clause_subjects(token):
            if subj.lower_ in {"he", "she"} and core == "Person":
                return self.resolve_pronoun(subj)
            for m in self.mentions_in(phrase(subj, skip={"relcl", "advcl", "ccomp", "acl"})):
                kind = self.core_type(m.entity)
                if (kind == core or (core is None and kind in {"State", "Organisation", "Person"})) \
                        and m.entity not in found:
                    found.append(m.entity)
            if not found and core == "Person":
                found = self.resolve_title(subj)
            if found:
                break
        return found

    @staticmethod
    def _named_subject(token) -> bool:
        """Whether the nearest clause above ``token`` has a subject that names a person
        by a proper name or a title ("PM Shehbaz", "The premier"), outside ``token``'s phrase."""
        return any(subj.pos_ == "PROPN" or subj.lemma_.lower() in TITLES for subj in _clause_subjects(token))

    def _subject_people(self, sent: Sentence, token) -> list[Mention]:
        """People who are the subject of a clause in this sentence before ``token`` or in
        the two sentences before, in text order."""
        start = self.sentences[max(0, sent.index - 2)].span.start
        span = self.doc.char_span(start, token.idx, alignment_mode="contract")
        out = []
        for tok in span or []:
            if tok.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            for m in self.mentions_in(phrase(tok, skip={"relcl", "advcl", "ccomp", "acl", "conj"})):
                if self.core_type(m.entity) == "Person":
                    out.append(m)
                    break
        return out

    def _two_people(self, token, sent: Sentence) -> list[str]:
        """"their meeting": the two people this sentence names, else the two of this
        sentence up to the pronoun and the one before; none when it is not exactly two."""
        def people(a, b):
            out = []
            for m in self.mentions:
                if a <= m.span.start < b and self.core_type(m.entity) == "Person" and m.entity not in out:
                    out.append(m.entity)
            return out
        here = people(sent.span.start, sent.span.end)
        if len(here) == 2:
            return here
        if sent.index > 0:
            around = people(self.sentences[sent.index - 1].span.start, token.idx)
            if len(around) == 2:
                return around
        return []

    def resolve_pair(self, token) -> list[str]:
        """"the two countries", "both sides": the two states named before it in its sentence
        when there are exactly two, else the two the sentence before names when it names
        exactly two ("Russia has sold helicopters to Iraq. The two countries signed ...")
        and one of them is of the article's pair, else the two states the article names most
        (the pair it is about).  None when it names fewer than two."""
        if token.lower_ not in PAIR_NOUNS or not any(c.lower_ in {"two", "both"} for c in token.children):
            return []
        sent = self.sentence_of(token)
        if sent is None:
            return []
        here = self.states_between(sent.span.start, token.idx)
        if len(here) == 2:
            return here
        if len(here) > 2:
            return []
        counts: dict[str, int] = {}
        for m in self.mentions:
            if self.is_state(m.entity):
                counts[m.entity] = counts.get(m.entity, 0) + 1
        ranked = sorted(counts, key=lambda e: -counts[e])[:2]  # stable: the first named wins a tie
        if sent.index > 0:
            prev = self.sentences[sent.index - 1].span
            before = self.states_between(prev.start, prev.end)
            # one of the article's pair with a new partner ("Russia ... to Iraq"), not a
            # route or a list of others ("through Turkmenistan and Iran")
            if len(before) == 2 and set(here) <= set(before) and set(before) & set(ranked):
                return before
        if len(ranked) < 2 or not set(here) <= set(ranked):
            return []
        return ranked

    def resolve_people_pair(self, token) -> list[str]:
        """"the two ministers", "both leaders", "the Pakistani and Russian ministers": the
        latest person of each of two states named before it (in its sentence or the three
        before), the states being those its words name, else those of the two people named
        last; none unless there are exactly two such people."""
        if token.lower_ not in PEOPLE_PAIR_NOUNS:
            return []
        states = [m.entity for m in self.mentions_in([c for c in token.children if c.dep_ in {"amod", "compound"}]
                                                      + [g for c in token.children if c.dep_ == "amod"
                                                         for g in c.children if g.dep_ == "conj"])
                  if self.is_state(m.entity)]
        counted = any(c.lower_ in {"two", "both"} for c in token.children)
        if not (counted or len(set(states)) == 2):
            return []
        sent = self.sentence_of(token)
        if sent is None:
            return []
        start = self.sentences[max(0, sent.index - 3)].span.start
        latest: dict[str, str] = {}  # state -> the latest person of it
        order: list[str] = []
        for m in self.mentions:
            if start <= m.span.start < token.idx and self.core_type(m.entity) == "Person":
                state = self.nationality(m.entity)
                titled = self.text[max(0, m.span.start - 60):m.span.end].lower()
                if state is None or not any(t in titled for t in PEOPLE_PAIR_NOUNS[token.lower_]):
                    continue  # "the two leaders": heads of state or government, not an ambassador
                latest[state] = m.entity
                order = [s for s in order if s != state] + [state]
        wanted = list(dict.fromkeys(states)) if len(set(states)) == 2 else order[-2:]
        if len(wanted) != 2 or any(s not in latest for s in wanted):
            return []
        return [latest[wanted[0]], wanted[0], latest[wanted[1]], wanted[1]]

    def states_between(self, start: int, end: int) -> list[str]:
        """The states named between two character offsets, in order, once each."""
        out: list[str] = []
        for m in self.mentions:
            if start <= m.span.start < end and self.is_state(m.entity) and m.entity not in out:
                out.append(m.entity)
        return out

    def resolve_title(self, token) -> list[str]:
        """The person a definite title stands for ("the minister", "the former premier",
        "Pakistan's prime minister"): the latest person named before it (up to five
        sentences back) after the same title words ("prime minister" before "minister"
        alone; "premier" and "prime minister" are one title), of the state the title names
        when it names one.
        """
        holder = self._acronym_holder(token)
        if holder is not None:
            return [holder]
        lemma = token.lemma_.lower()
        abbreviated = TITLE_ABBREVIATIONS.get(token.text)
        if abbreviated is None and (lemma not in TITLE_WORDS or token.tag_ != "NN"):
            return []
        state = None
        for c in token.children:
            m = self.mention_at(c) if c.dep_ in {"poss", "amod", "compound"} else None
            if m is not None and self.is_state(m.entity):
                state = m.entity
        if state is None and not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return []
        sent = self.sentence_of(token)
        if sent is None:
            return []
        words = [c.lower_ for c in token.children if c.dep_ in {"compound", "amod"} and c.i == token.i - 1] + [token.lower_]
        full = " ".join(words)
        titles = [abbreviated] if abbreviated else [TITLE_SAME.get(full, (full,)), TITLE_SAME.get(lemma, (lemma,))]
        # an abbreviated title names one office throughout ("The PM" long after "Prime Minister X")
        start = 0 if abbreviated else self.sentences[max(0, sent.index - 5)].span.start
        people = [m for m in self.mentions if start <= m.span.start < token.idx and self.core_type(m.entity) == "Person"
                  and (state is None or self.nationality(m.entity) in (None, state))]
        for names in titles:
            for m in reversed(people):
                # the words before the name, and the name's own ("Prime Minister Imran Khan")
                before = self.text[max(0, m.span.start - 40):m.span.end].lower()
                if abbreviated:  # the title right before the name, or in it ("PM Shehbaz")
                    before = self.text[max(0, m.span.start - 25):m.span.start].lower()
                    if any(re.search(rf"\b{t}\.?\s*$", before) or m.span.text.lower().startswith(t + " ")
                           for t in names):
                        return [m.entity]
                elif any(t in before for t in names):
                    return [m.entity]
        return []

    def _acronym_holder(self, token) -> str | None:
        """"the SAPM" after "Special Assistant to the Prime Minister (SAPM), Syed Tariq
        Fatemi": the person named right after the title the acronym abbreviates."""
        if not token.text.isupper():
            return None
        if self._acronyms is None:
            self._acronyms = title_acronyms(self.doc)
        start = self._acronyms.get(token.text)
        m = self._by_token.get(start) if start is not None else None
        return m.entity if m is not None and self.core_type(m.entity) == "Person" else None

    def times_in(self, start: int, end: int) -> list[TimeValue]:
        return time_in(self.times, start, end)


POSSESSIVE_WORDS = {"its", "his", "her", "their", "our", "my", "your", "whose"}


def _clause_subjects(token) -> list:
    """The subjects of the nearest clause above ``token`` (a verb with a subject), the
    words of ``token``'s own phrase and of the phrases passed on the way aside; none
    within ten steps up."""
    mine = {t.i for t in token.subtree}
    cur = token
    for _ in range(10):
        if cur.head is cur:
            return []
        cur = cur.head
        subjects = [c for c in cur.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i not in mine]
        if cur.pos_ in {"VERB", "AUX"} and subjects:
            return subjects
        mine |= {t.i for t in cur.subtree}
    return []
