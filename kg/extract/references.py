"""Who a word that names no one stands for, within one article: a pronoun ("he", "they",
"its"), a pair ("the two countries", "both leaders"), a title ("the minister", "The PM").

:class:`References` is the part of :class:`kg.extract.context.Context` that answers these
questions (a mixin: it reads the context's mentions, sentences, text and registry).
"""
from __future__ import annotations

import re

from kg.extract.gender import fits
from kg.extract.model import Mention, Sentence, Span
from kg.extract.names import TITLES, title_acronyms
from kg.extract.syntax import phrase
from kg.extract.triggers import NOUN_TRIGGERS

# "the two countries", "both sides": the pair of states the text is about
PAIR_NOUNS = {"countries", "sides", "nations", "neighbours", "neighbors", "states", "governments"}
# titles that name one office
TITLE_SAME = {"premier": ("premier", "prime minister"), "prime minister": ("prime minister", "premier")}
# titles the press abbreviates ("The PM is expected to meet ..."): the words that introduce their holder
TITLE_ABBREVIATIONS = {"PM": ("prime minister", "premier", "pm"), "FM": ("foreign minister", "fm"),
                       "COAS": ("chief of army staff", "army chief", "coas")}
# plural nouns for two people, one of each side ("the two ministers", "both leaders")
# (each with the title words one of the two bears where the text names them)
PEOPLE_PAIR_NOUNS = {"ministers": ("minister",), "leaders": ("president", "prime minister", "premier"),
                     "presidents": ("president",), "premiers": ("premier", "prime minister")}
TITLE_WORDS = {"minister", "premier", "president", "ambassador", "envoy", "spokesman", "spokeswoman",
               "secretary", "chancellor", "chief", "general", "governor"}


def _capitalised_title(token) -> bool:
    """"The Russian President has arrived", "the Foreign Minister said": a title the parse
    tags as a proper noun, standing alone after "the" (not "President Putin", where the title
    runs into the name, nor a name of its own: "the Minister X")."""
    return (token.tag_ == "NNP" and token.dep_ not in {"compound", "appos"}
            and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
            and not any(c.pos_ == "PROPN" and c.i > token.i for c in token.children))


class References:
    """Pronoun, pair and title resolution over an article's :class:`Context`."""

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
            if len(self._sides(bound)) >= 2:
                return bound
            pair = self._pair_before(token, sent)
            if pair:  # "X mediated between India and Pakistan after their war": the pair, not X
                return pair
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

    def _sides(self, entities: list[str]) -> set[str]:
        """The sides ``entities`` stand for: a person counts as their state when it is known
        ("Soviet Prime Minister Kosygin": one side, the Soviet Union)."""
        return {self.nationality(e) or e if self.core_type(e) == "Person" else e for e in entities}

    def _pair_before(self, token, sent: Sentence) -> list[str]:
        """The nearest coordinated states or organisations ("India and Pakistan") named before
        the pronoun ``token`` in its sentence, when there are two or more."""
        span = self.doc.char_span(sent.span.start, token.idx, alignment_mode="contract")
        for tok in reversed(list(span or [])):
            if tok.dep_ == "conj" or not tok.conjuncts:
                continue
            group = self._coordinated_agents(tok)
            if len(group) >= 2:
                return group
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
            else:
                # "The PM met X and Y. He ...": a title that stands for a person named earlier
                # is a subject too (the last person named, Y, is not)
                for eid in self.resolve_title(tok)[:1]:
                    if self.core_type(eid) == "Person":
                        out.append(Mention(Span(tok.idx, tok.idx + len(tok), tok.text), eid,
                                           self.sentence_of(tok).index, "title"))
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
        """"the two ministers", "both leaders", "the Pakistani and Russian ministers", "the
        presidents of Pakistan and Russia": the latest person of each of the states its words
        name (two or more), else of the two people named last, named before it (in its sentence
        or the three before) with the title; when the text names none before (a lede: "The
        presidents of Russia, Afghanistan and Pakistan held a meeting ..."), the first so named
        in the three sentences after it.  None unless each state has one."""
        if token.lower_ not in PEOPLE_PAIR_NOUNS:
            return []
        words = [c for c in token.children if c.dep_ in {"amod", "compound"}] \
            + [g for c in token.children if c.dep_ == "amod" for g in c.children if g.dep_ == "conj"] \
            + [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
               for o in c.children if o.dep_ == "pobj" for g in (o, *o.conjuncts)]
        states = list(dict.fromkeys(m.entity for m in self.mentions_in(words) if self.is_state(m.entity)))
        counted = any(c.lower_ in {"two", "both"} for c in token.children)
        if not (counted or len(states) >= 2):
            return []
        sent = self.sentence_of(token)
        if sent is None:
            return []
        start = self.sentences[max(0, sent.index - 3)].span.start
        latest, order = self._titled_people(token, start, token.idx, last=True)
        wanted = states if len(states) >= 2 else order[-2:]
        if len(wanted) >= 2 and any(s not in latest for s in wanted) and len(states) >= 2:
            end = self.sentences[min(len(self.sentences) - 1, sent.index + 3)].span.end
            latest, _ = self._titled_people(token, sent.span.end, end, last=False)
        if len(wanted) < 2 or any(s not in latest for s in wanted):
            return []
        return [e for s in wanted for e in (latest[s], s)]

    def _titled_people(self, token, start: int, end: int, last: bool) -> tuple[dict[str, str], list[str]]:
        """``({state: its person}, states in order)`` for the people named between two offsets
        with one of the title words of the plural ``token`` ("leaders": a president, a prime
        minister): the latest of each state when ``last``, else the first."""
        latest: dict[str, str] = {}
        order: list[str] = []
        for m in self.mentions:
            if start <= m.span.start < end and self.core_type(m.entity) == "Person":
                state = self.nationality(m.entity)
                titled = self.text[max(0, m.span.start - 60):m.span.end].lower()
                if state is None or not any(t in titled for t in PEOPLE_PAIR_NOUNS[token.lower_]):
                    continue  # "the two leaders": heads of state or government, not an ambassador
                if not last and state in latest:
                    continue
                latest[state] = m.entity
                order = [s for s in order if s != state] + [state]
        return latest, order

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
        if token.lower_ == "counterpart":
            return self._counterpart(token)
        lemma = token.lemma_.lower()
        abbreviated = TITLE_ABBREVIATIONS.get(token.text)
        if abbreviated is None and (lemma not in TITLE_WORDS or token.tag_ != "NN" and not _capitalised_title(token)):
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

    def _counterpart(self, token) -> list[str]:
        """"his Pakistani counterpart", "her Afghan counterpart": the latest person of the state
        its adjective names, named before it (in its sentence or the five before), else the
        first named in the two sentences after it; none without a state."""
        states = [m.entity for c in token.children if c.dep_ in {"amod", "compound"}
                  for m in [self.mention_at(c)] if m is not None and self.is_state(m.entity)]
        sent = self.sentence_of(token)
        if len(states) != 1 or sent is None:
            return []

        def people(start, end):
            return [m.entity for m in self.mentions if start <= m.span.start < end
                    and self.core_type(m.entity) == "Person" and self.nationality(m.entity) == states[0]]
        before = people(self.sentences[max(0, sent.index - 5)].span.start, token.idx)
        if before:
            return before[-1:]
        after = people(token.idx, self.sentences[min(len(self.sentences) - 1, sent.index + 2)].span.end)
        return after[:1]

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
