"""Statements made jointly: a subject that names several parties together speaks for each
of them (docs/annotation-guide.md, "Claims": one claim per speaker).  A part of
:class:`kg.extract.speakers.Speakers`.

* "Pakistani, Chinese and Russian officials reaffirmed ...", "officials from Pakistan and
  Russia agreed ...", "the delegations of Russia and Pakistan noted ...": a plural of
  people who act for their states, with two or more states named in it, is those states;
* "both men", "both the dignitaries": the two people, as "both leaders" is;
* "both sides", "the two sides" (and "they" after them) a few sentences after one person
  met another ("X met his Russian counterpart Y", "X called on Y"): those two people;
* "Federal Minister for Communications X and Russian Deputy Minister of Transport Y
  agreed ...": two people named with their titles and joined by "and", however the parse
  broke the titles up, are both the speakers;
* "the parties" with no states named together just before: the states that last spoke
  together, close before ("They noted ... The parties also confirmed ...").

Only plain plural nouns for officials and delegations count: "the foreign ministers of
Pakistan and Russia" are people the article names elsewhere, not their states.
"""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.cues import subject_of
from kg.extract.speaker_words import INSTITUTIONS, TITLES

# Plurals of people who speak for their state when their states are all the phrase names
ENVOYS = frozenset("""officials representatives delegations delegates diplomats negotiators sides
    governments authorities""".split())
# Plurals that stand for two people met together ("both men", "both the dignitaries")
PAIR_PERSONS = frozenset("men women dignitaries".split())
# words a title may hold besides capitalised ones ("Minister for Communications", "of the")
TITLE_GLUE = frozenset({"of", "for", "the", "and", "&"})
GROUP_REACH = 600  # characters back to the states that last spoke together
MET_REACH = 3  # sentences back to a meeting of two people that "both sides" stands for


class JointSpeakers:
    """The joint subjects of :class:`~kg.extract.speakers.Speakers` (its ``doc``, ``by_token``,
    ``agent``, ``core_type``, ``lookup``, ``last_before``, ``attached`` and ``person_of``)."""

    def same_sentence(self, a: int, b: int) -> bool:
        """Whether the characters at offsets ``a`` and ``b`` are in one sentence."""
        span_a = self.doc.char_span(a, a + 1, alignment_mode="expand")
        span_b = self.doc.char_span(b, b + 1, alignment_mode="expand")
        return span_a is not None and span_b is not None and span_a[0].sent.start == span_b[0].sent.start

    def last_group(self, before: int) -> list[str]:
        """The states that last spoke together, at most :data:`GROUP_REACH` characters back."""
        group = self.last_before("group", before)
        return list(group[1]) if group is not None and before - group[0] <= GROUP_REACH else []

    def states_of_envoys(self, head: Token) -> list[str]:
        """The states a plural of envoys names together: by their adjectives ("Pakistani
        and Russian officials", "senior Pakistani, Chinese and Russian officials") or after
        "from"/"of" ("officials from Pakistan and Russia"); two at least, else none."""
        if head.lower_ not in ENVOYS or head.tag_ != "NNS" or head.i in self.by_token:
            return []
        words: list[Token] = []
        for c in head.children:
            if c.dep_ in ("amod", "nmod", "compound") and c.i < head.i:
                words += [c, *self._conjoined(c)]
            elif c.dep_ == "prep" and c.lower_ in ("from", "of"):
                for obj in (o for o in c.children if o.dep_ == "pobj"):
                    words += [obj, *self._conjoined(obj)]
        states = list(dict.fromkeys(k for k in (self._state_of_word(t) for t in sorted(words, key=lambda t: t.i))
                                    if k))
        return states if len(states) >= 2 else []

    @staticmethod
    def _conjoined(tok: Token) -> list[Token]:
        out, todo = [], [tok]
        while todo:
            t = todo.pop()
            more = [c for c in t.children if c.dep_ == "conj"]
            out += more
            todo += more
        return out

    def _state_of_word(self, tok: Token) -> str | None:
        """The state a word names: a mention of one (or of its capital), or its adjective."""
        m = self.by_token.get(tok.i)
        key = self.agent(m.entity) if m is not None else None
        if key is None and tok.ent_type_ == "NORP" and self.lookup is not None:
            key = self.lookup(tok.text)
        return key if key and self.core_type(key) == "State" else None

    def people_met(self, head: Token) -> list[str]:
        """The two people of the nearest meeting of two in this sentence before ``head`` or in
        the :data:`MET_REACH` sentences before it: "X met Y", "X called on Y", "X held talks
        with Y", each side one person the article names; none when a sentence of those
        names states together (the sides are then theirs)."""
        sents = [s for s in self.doc.sents if s.start <= head.i][-(MET_REACH + 1):]
        for sent in reversed(sents):
            for verb in (t for t in sent if t.i < head.i and t.pos_ == "VERB"):
                pair = self._met(verb)
                if pair:
                    return pair
        return []

    def _met(self, verb: Token) -> list[str]:
        lemma = verb.lemma_.lower()
        objects = []
        if lemma == "meet":
            objects = [c for c in verb.children if c.dep_ == "dobj"]
        preps = {"call": ("on", "upon"), "meet": ("with",), "hold": ("with",)}.get(lemma, ())
        objects += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in preps
                    for p in c.children if p.dep_ == "pobj"]
        subj = subject_of(verb)
        if subj is None or len(objects) != 1:
            return []
        one = self._one_person(subj) or self._only_person(subj.left_edge.i, verb.i)
        other = self._one_person(objects[0]) or self._named_after(objects[0])
        return [one, other] if one and other and one != other else []

    def _only_person(self, start: int, end: int) -> str | None:
        """The one person named between two tokens ("Russian Ambassador to Pakistan, X
        called on ...": the parse may hang the name anywhere in the subject)."""
        found = {k for i in range(start, end) if i in self.by_token for k in [self.person_of(self.by_token[i])] if k}
        return found.pop() if len(found) == 1 else None

    def _named_after(self, obj: Token) -> str | None:
        """The person named right after an object the parse cut short ("met his counterpart
        [Foreign Minister X]", the name hung on the verb)."""
        for t in obj.doc[obj.right_edge.i + 1:obj.right_edge.i + 6]:
            if t.is_punct or t.pos_ in ("ADP", "VERB", "AUX"):
                return None
            person = self.person_of(self.by_token[t.i]) if t.i in self.by_token else None
            if person:
                return person
        return None

    def _one_person(self, head: Token) -> str | None:
        """The one person a phrase names ("his Russian counterpart Foreign Minister X")."""
        found = {k for k in (self.person_of(m) for m in self.attached(head, False)) if k}
        found |= {k for t in head.subtree if t.dep_ == "appos" and t.i in self.by_token
                  for k in [self.person_of(self.by_token[t.i])] if k}
        return found.pop() if len(found) == 1 else None

    def titled_people(self, head: Token) -> list[str]:
        """The people a subject names with their titles joined by "and" ("Federal Minister
        for Communications X and Russian Deputy Minister of Transport Y"): two or more
        people, and besides their names only title words, capitalised words and "of",
        "for", "the", "and" (no verb, no comma: not "X, who met Y and Z,")."""
        span = head.doc[head.left_edge.i:head.right_edge.i + 1]
        people, names = [], set()
        for t in span:
            m = self.by_token.get(t.i)
            key = self.person_of(m) if m is not None else None
            if key:
                names.add(t.i)
                if key not in people:
                    people.append(key)
        if len(people) < 2 or not any(t.lower_ == "and" and t.i > min(names) and t.i < max(names) for t in span):
            return []
        for t in span:
            if t.i in names or t.lower_ in TITLE_GLUE or t.lemma_.lower() in TITLES | INSTITUTIONS:
                continue
            if not (t.text[:1].isupper() and t.pos_ in ("PROPN", "ADJ", "NOUN")):
                return []
        return people
