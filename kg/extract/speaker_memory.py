"""What the article has said so far, for pronouns: the last person and the last institution
that spoke, speakers no mention names, the words said (people named in them are not who "he"
is) and what the text shows of people's gender.  A part of
:class:`kg.extract.speakers.Speakers`.
"""
from __future__ import annotations

from kg.extract.gender import fits, genders
from kg.extract.model import Mention, Span


class SpeakerMemory:
    """The memory of :class:`~kg.extract.speakers.Speakers` (its ``doc``, ``mentions``,
    ``core_type``, ``full_name``, ``unnamed``, ``said_words``, ``history``, ``outlets`` and
    ``_genders``)."""

    def mention_of(self, key: str) -> Mention:
        """A mention of the person ``key`` (a stand-in with no words when none names them)."""
        found = next((m for m in self.mentions if m.entity == key), None)
        return found if found is not None else Mention(Span(0, 0, ""), key, 0, "speaker")

    def outside_said(self, people: list[Mention]) -> list[Mention]:
        """The people not named inside what someone was reported to say ("Fatemi said ...
        Putin and Sharif will meet ... He said": Fatemi), or all of them if none is."""
        out = [m for m in people if not any(a <= m.span.start < b for a, b in self.said_words)]
        return out or people

    def of_gender(self, pronoun: str, people: list[Mention]) -> list[Mention]:
        """The people ``pronoun`` may stand for, by what the article says of their gender
        ("he" is not "spokeswoman Maria Zakharova")."""
        if self._genders is None:
            self._genders = genders(self.doc, self.mentions, self.core_type)
        return [m for m in people if fits(pronoun, self._genders.get(m.entity)
                                          or self._genders.get(self.full_name(m)))]

    def recent_unnamed(self, before: int) -> tuple[int, str] | None:
        """The last speaker named outside the mentions before this offset, a person if
        there is one within the last paragraphs (an unnamed official's institution else)."""
        earlier = [u for u in self.unnamed if u[0] < before]
        people = [u for u in earlier if self.core_type(u[1]) == "Person" and before - u[0] < 1500]
        return max(people) if people else max(earlier) if earlier else None

    def spoke(self, offset: int, speakers: list[str], words: tuple[int, int] | None = None) -> None:
        """Remember the last institution that spoke, for a later "it" or "they", and the
        words said (people named in them are not who "he" is)."""
        if words is not None:
            self.said_words.append(words)
        if len(speakers) == 1 and self.core_type(speakers[0]) == "Person" and speakers[0] not in self.outlets:
            self.history.append((offset, "person", speakers[0]))
        orgs = [s for s in speakers if self.core_type(s) in ("Organisation", "State")]
        if len(speakers) == 1 and orgs:
            self.history.append((offset, "said", orgs[0]))
        if len(speakers) > 1 and all(self.core_type(s) == "State" for s in speakers):
            self.history.append((offset, "group", tuple(speakers)))  # "They" after "the two sides agreed"

    def last_before(self, what: str, offset: int):
        """``(offset, speaker)`` of the last person ("person"), institution or state ("said")
        or states together ("group") that spoke before this offset, whatever order the
        statements were found in (direct quotations first, then indirect speech)."""
        earlier = [(at, who) for at, kind, who in self.history if kind == what and at < offset]
        return max(earlier, key=lambda e: e[0]) if earlier else None

