"""Statements made jointly: a subject that names several parties together speaks for each
of them (docs/annotation-guide.md, "Claims": one claim per speaker).  A part of
:class:`kg.extract.speakers.Speakers`.

* "Pakistani, Chinese and Russian officials reaffirmed ...", "officials from Pakistan and
  Russia agreed ...", "the delegations of Russia and Pakistan noted ...": a plural of
  people who act for their states, with two or more states named in it, is those states;
* "both men", "both the dignitaries": the two people, as "both leaders" is;
* "the parties" with no states named together just before: the states that last spoke
  together, close before ("They noted ... The parties also confirmed ...").

Only plain plural nouns for officials and delegations count: "the foreign ministers of
Pakistan and Russia" are people the article names elsewhere, not their states.
"""
from __future__ import annotations

from spacy.tokens import Token

# Plurals of people who speak for their state when their states are all the phrase names
ENVOYS = frozenset("""officials representatives delegations delegates diplomats negotiators sides
    governments authorities""".split())
# Plurals that stand for two people met together ("both men", "both the dignitaries")
PAIR_PERSONS = frozenset("men women dignitaries".split())
GROUP_REACH = 600  # characters back to the states that last spoke together


class JointSpeakers:
    """The joint subjects of :class:`~kg.extract.speakers.Speakers` (its ``doc``, ``by_token``,
    ``agent``, ``core_type``, ``lookup`` and ``last_before``)."""

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
