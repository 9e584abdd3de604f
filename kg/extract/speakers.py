"""Who a reporting verb's subject names: the speaker or speakers of a statement.

In order: a person named in the phrase or closely modifying it (a surname stands for the
full name given earlier in the article, before any registry person of that surname);
conjoined people each speak ("Sharif and Putin agreed"); "he"/"she" for the last person
who was the subject of a sentence (else the last person named); "it"/"they" for the last
institution that spoke; "both leaders" for the last two people named and "both sides" or
"the two countries" for the two states the article names most; a statement, press release
or spokesman "of"/"issued by" an institution for that institution; an institution noun
("the Russian embassy", "a defence ministry") for the registry entry of that name or a
new organisation so named; a title ("the prime minister", "the premier", "the SAPM") for
the last person introduced with it, else the last person named nearby; an organisation or
state otherwise named in the phrase ("Moscow said": the state).
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Token

from kg.extract.gender import fits, genders
from kg.extract.institutions import OUTLETS, Institutions
from kg.extract.model import Mention, Span

PERSON_PRONOUNS = {"he", "she"}
GROUP_PRONOUNS = {"it", "they"}
TITLES = frozenset("""minister president premier spokesman spokeswoman spokesperson ambassador envoy
    secretary chairman chief official diplomat adviser advisor governor general commander
    leader head director prime deputy senator lawmaker chancellor counterpart sapm representative""".split())
_TITLE_WORDS = {"premier": ("premier", "prime minister"), "prime": ("prime minister", "premier"),
                "envoy": ("envoy", "ambassador"), "ambassador": ("ambassador", "envoy"),
                "diplomat": ("diplomat", "ambassador", "envoy")}
_SOURCES = frozenset("""statement release communique communiqué report spokesman spokeswoman
    spokesperson source announcement readout""".split())
_GENERIC_TITLES = frozenset("official diplomat leader head chief counterpart lawmaker".split())
_SPOKESPEOPLE = frozenset("spokesman spokeswoman spokesperson".split())
_DEMONYM = re.compile(r"(?:an|ans|ese|ish|i|is|ic|ch)$")  # "Russians", "Chinese", "Pakistani"
INSTITUTIONS = frozenset("""ministry embassy office department directorate agency army navy
    government commission council bank corporation company mission consulate secretariat
    military authorities authority administration parliament assembly cabinet presidency""".split())
_STATE_BODIES = frozenset("government authorities authority leadership administration".split())
_PAIR_PEOPLE = frozenset("leaders ministers premiers presidents heads counterparts".split())
# "the two sides", "both delegations": the two states that meet
_PAIR_STATES = frozenset("countries delegations nations governments states parties sides".split())
_RANKS = frozenset("lt lt. gen gen. general col colonel maj major brig mr mrs ms dr field marshal h.e".split())
_NEWS_HEADS = OUTLETS | {"news", "tv", "television", "channel"}  # "Dawn news", "Geo TV"
_CLOSE = ("compound", "poss", "amod", "appos", "flat", "nmod", "npadvmod")
_TITLE_JOINS = frozenset({"for", "of", "and", "&", "(", ")", "-", "–"})  # inside a long title
_REACH = 9  # tokens from a title word to its holder's name


def _name_word(tok: Token) -> bool:
    """A capitalised word that may be part of a person's name (no title, rank or body)."""
    return tok.pos_ == "PROPN" and tok.is_alpha and tok.text[:1].isupper() and tok.lower_ not in _RANKS \
        and tok.lemma_.lower() not in TITLES and tok.lemma_.lower() not in INSTITUTIONS


class Speakers(Institutions):
    def __init__(self, doc: Doc, mentions: list[Mention], core_type, state_of_place=None,
                 lookup=None, new_entities: dict[str, str] | None = None, demonym_of=None):
        self.doc, self.core_type, self.state_of_place = doc, core_type, state_of_place
        self.demonym_of = demonym_of  # a state's id -> its adjective ("Russian"), or None
        self.lookup = lookup  # name -> registry id or None
        self.new_entities = new_entities if new_entities is not None else {}
        self.mentions = sorted(mentions, key=lambda m: m.span.start)
        self.by_token: dict[int, Mention] = {}
        for m in self.mentions:
            for tok in doc.char_span(m.span.start, m.span.end, alignment_mode="expand") or ():
                self.by_token.setdefault(tok.i, m)
        self.unnamed: list[tuple[int, str]] = []  # speakers no mention names, by offset (for "he")
        self.last_said: tuple[int, str] | None = None  # the last institution that spoke
        self.renamed: dict[str, str] = {}  # a new person's key -> the name without its title
        self.last_person: tuple[int, str] | None = None  # the last person who spoke, by the cue's offset
        self.said_words: list[tuple[int, int]] = []  # the offsets of what was said, so far
        self._genders: dict[str, str] | None = None  # entity -> "f" or "m", when the text shows it
        self.dateline = _dateline(doc)  # the tokens of "ISLAMABAD/MOSCOW –" opening the article
        # names the NER took for people that are news outlets ("Dawn news reported")
        self.outlets: set[str] = {m.entity for i, m in self.by_token.items() if doc[i].dep_ == "compound"
                                  and doc[i].head.lemma_.lower() in _NEWS_HEADS and doc[i].head.i not in self.by_token}

    # -- entities -------------------------------------------------------------------
    def agent(self, key: str) -> str | None:
        kind = self.core_type(key)
        if kind in ("Person", "Organisation", "State"):
            return key
        if kind == "Place" and self.state_of_place is not None:
            return self.state_of_place(key)  # "Moscow said": the state speaks
        return None

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
                     and t.lower_ not in _RANKS]
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
            subjects = [m for m in found if self._is_subject(m)]
            return subjects or found
        return found

    def _is_subject(self, m: Mention) -> bool:
        tok = self.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if tok is None:
            return False
        root = tok.root
        while root.head.i != root.i and (root.dep_ in _CLOSE or root.dep_ == "pobj" and root.head.lower_ == "to"
                                         and root.head.head.lemma_.lower() in TITLES):
            root = root.head.head if root.dep_ == "pobj" else root.head  # "Ambassador to Pakistan X"
        return root.dep_ in ("nsubj", "nsubjpass")

    def titled(self, title: str, before: int, nationality: str = "") -> str | None:
        """The last person named right after this title ("Prime Minister Nawaz Sharif");
        with a nationality ("the Russian envoy"), one whose title says it."""
        text = self.doc.text
        words = _TITLE_WORDS.get(title, (title,))
        found = []
        for m in reversed(self.people(before, 3000)):
            lead = text[max(0, m.span.start - 50):m.span.start]
            for w in words:
                at = lead.lower().rfind(w)
                if at >= 0 and not re.search(r"\b(?!of\b|the\b|and\b|for\b|to\b)[a-z]+\b", lead[at + len(w):]):
                    found.append((m, lead.lower()))
                    break
        if nationality:
            stem = nationality.lower()[:5]
            return next((self.full_name(m) for m, lead in found if stem in lead), None)
        return self.full_name(found[0][0]) if found else None

    def first_mention(self, m: Mention) -> Mention:
        """The first mention of the person ``m`` names (where a title would introduce them)."""
        key = self.full_name(m)
        return next((o for o in self.mentions if o.entity == key), m)

    def first_named(self, found: tuple[int, str]) -> int:
        """Where a speaker found outside the mentions is first written in full."""
        at = self.doc.text.find(found[1][4:]) if found[1].startswith("new:") else -1
        return at if 0 <= at <= found[0] else found[0]

    def titled_otherwise(self, m: Mention | int, title: str) -> bool:
        """The person (a mention, or the offset of a name) was introduced with another title
        ("spokeswoman Maria Zakharova" is not "the ambassador")."""
        if title in _GENERIC_TITLES:
            return False  # "the official" may be any of them
        words = _TITLE_WORDS.get(title, (title,))
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
            todo += [c for c in tok.children if c.dep_ in _CLOSE and c.i not in seen]
        return self.after_title(head)

    def bare(self, key: str) -> str:
        """A new person named with a rank or an honorific before the name ("H.E. Syed
        Tariq Fatemi", "Mr Abc Xyz"): the person named without it, as elsewhere."""
        words = key[4:].split() if key.startswith("new:") else []
        if len(words) < 2 or words[0].lower().rstrip(".") not in _RANKS or self.core_type(key) != "Person":
            return key
        if len(words) == 2:  # "Gen Gerasimov" after "Army General Valery Gerasimov": that person
            return next((m.entity for m in self.mentions if self.core_type(m.entity) == "Person"
                         and len(m.span.text.split()) > 1 and m.span.text.split()[-1] == words[1]
                         and m.entity.split(":")[-1].split()[0].lower().rstrip(".") not in _RANKS), key)
        return self.named(" ".join(words[1:]), "Person")

    def new_person(self, tokens: list[Token]) -> str | None:
        """The registry person or a new one named by ``tokens`` after any title in them
        ("Foreign Ministry Spokeswoman Maria Zakharova": Maria Zakharova)."""
        cut = max((i for i, t in enumerate(tokens) if t.lower_.rstrip(".") in _RANKS
                   or t.lemma_.lower() in TITLES or t.lemma_.lower() in INSTITUTIONS), default=-1)
        words = [t for t in tokens[cut + 1:] if t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha
                 and not (t.i in self.by_token and not self.by_token[t.i].entity.startswith("new:"))]
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
        if first is None or not _name_word(first) or first.i in self.by_token or head.i in self.by_token:
            return None
        for tok in reversed(doc[max(0, first.i - _REACH):first.i]):
            if tok.lemma_.lower() in TITLES and tok.text[:1].isupper():
                return self.named(f"{first.text} {head.text}", "Person")
            if not (tok.text[:1].isupper() or tok.lower_ in _TITLE_JOINS):
                return None
        return None

    def without_title(self, key: str, head: Token) -> str:
        """A new person whose name took in the title before it ("Economic Affairs Dr Kazim",
        from "Secretary Economic Affairs Dr Kazim Niaz"): the name after the title, read
        again from the subject phrase."""
        if not key.startswith("new:") or not any(
                w.lower().rstrip(".") in _RANKS or w.lower() in TITLES or w.lower() in INSTITUTIONS
                or w.lower() == "affairs" for w in key[4:].split()):
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

    def states_paired(self, head: Token) -> list[str]:
        """The two states named together last, up to this phrase ("Pakistan and Russian
        sides", "the Pakistan-Russia consultations"): the sides that meet."""
        for sent in reversed([s for s in self.doc.sents if s.start <= head.i]):
            found: list[tuple[int, str]] = []
            for t in sent:
                if t.i > head.i + 3:
                    break
                m = self.by_token.get(t.i)
                key = self.agent(m.entity) if m is not None else None
                if key is not None and self.core_type(key) != "State" and t.pos_ == "PROPN" and self.lookup is not None:
                    key = self.lookup(t.text)  # "the Pakistan-Russia Consultative Group": its states
                if key and self.core_type(key) == "State" and all(key != k for _, k in found):
                    found.append((t.i, key))
            for (i, a), (j, b) in zip(found, found[1:]):
                if j - i <= 3:  # "Pakistan and Russia", "Pakistan-Russia", "Pakistani and Russian"
                    return [a, b]
        return []

    def states_most_named(self) -> list[str]:
        counts = Counter(m.entity for m in self.mentions if self.core_type(m.entity) == "State")
        return [k for k, _ in counts.most_common(2)] if len(counts) >= 2 else []

    # -- subject phrases ----------------------------------------------------------------
    def attached(self, head: Token, with_conj: bool = True) -> list[Mention]:
        """Mentions that are the phrase's head or modify it closely, not those inside a
        prepositional phrase or clause; conjoined heads too."""
        out, todo = [], [head]
        deps = _CLOSE + (("conj",) if with_conj else ())
        while todo:
            tok = todo.pop()
            m = self.by_token.get(tok.i)
            if m is not None and m not in out:
                out.append(m)
            todo += [c for c in tok.children if c.dep_ in deps]
        return sorted(out, key=lambda m: m.span.start)

    def of_phrase(self, head: Token) -> tuple[list[str], str]:
        """The speakers a subject (or "according to" object) names, and how they were found."""
        if head.i in self.dateline:  # "ISLAMABAD/MOSCOW – Pakistan and Russia have expressed ...":
            head = next((t for t in head.subtree if t.dep_ == "conj" and t.i not in self.dateline
                         and t.head.i in self.dateline), None)  # the parse took the dateline for the subject
            if head is None:
                return [], ""
        speakers, how = self._of_phrase(head)
        if how != "pair" and len(speakers) == 1 and self.core_type(speakers[0]) != "Person":
            for conj in (c for c in head.children if c.dep_ == "conj"):  # "the Foreign Ministry and the
                more, _ = self._of_phrase(conj)  # Justice Ministry recommended": each speaks
                speakers += [k for k in more if k not in speakers and self.core_type(k) != "Person"]
        return [self.renamed.get(k, k) for k in speakers], how

    def _of_phrase(self, head: Token) -> tuple[list[str], str]:
        if head.lemma_.lower() in _NEWS_HEADS and head.i not in self.by_token:
            names = [self.by_token[t.i] for t in head.lefts if t.dep_ == "compound" and t.i in self.by_token]
            if len(names) == 1:  # "Dawn news reported": the outlet, though the NER took it for a person
                return [names[0].entity], "named"
        including = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "including"), None)
        if including is not None and head.tag_ == "NNS" and head.i not in self.by_token:
            # "Several nations, including the US, China and Russia, called for ...": each named one
            named = [a for o in including.children if o.dep_ == "pobj"
                     for m in self.attached(o) for a in [self.agent(m.entity)] if a]
            if named:
                return list(dict.fromkeys(named)), "named"
        found = self.attached(head)
        people = list(dict.fromkeys(k for k in (self.person_of(m) for m in found) if k))
        conj = any(c.dep_ == "conj" for c in head.children)
        if people:
            people = [self.without_title(p, head) for p in people]
            return (people if conj else people[-1:]), "named"
        low, lemma = head.lower_, head.lemma_.lower()
        if head.pos_ == "PROPN" and head.ent_type_ in ("PERSON", "") and head.i not in self.by_token \
                and head.text[:1].isupper() and not any(t.dep_ == "compound" for t in head.lefts):
            # a lone surname, whether or not the NER took it for a person ("Dar told reporters")
            for m in reversed(self.people(head.idx, 5000)):
                if m.span.text.split()[-1] == head.text:
                    return [self.full_name(m)], "surname"
        if head.pos_ == "PROPN" and head.ent_type_ in ("PERSON", "ORG") and head.i not in self.by_token:
            person = self.written_before(head)
            if person:  # "Dedov said" after "ambassador to Pakistan Alexey Y Dedov has been quoted"
                return [person], "surname"
        if (head.ent_type_ == "ORG" or head.ent_type_ == "NORP" and not _DEMONYM.search(head.text)) \
                and head.pos_ == "PROPN" and head.i not in self.by_token:  # "Rostec" taken for a people
            ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
            if ent is not None and all(t.i not in self.by_token for t in ent):  # "Rostec said", "according to Dawn"
                for m in self.mentions:  # a surname the NER took for an organisation ("Dastgir said")
                    if self.core_type(m.entity) == "Person" and head.text in m.span.text.split():
                        return [self.full_name(m)], "surname"
                chain = sorted([*(t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"), head],
                               key=lambda t: t.i)
                person = self.new_person(chain) if len(ent) <= 2 and len(chain) > 1 else None
                if person:  # "Pankaj Saran said"
                    self.unnamed.append((head.idx, person))
                    return [person], "named"
                name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
                return [self.named(name, "Organisation")], "named"
        person = self.unlinked_person(head)
        if person:
            self.unnamed.append((head.idx, person))  # no mention names it: remember it for "he"
            return [person], "named"
        if low in PERSON_PRONOUNS:
            near = self.of_gender(low, self.outside_said(self.people(head.idx, 700)))
            wide = self.of_gender(low, self.outside_said(self.people(head.idx, 2500)))
            cands = [m for m in near if self._is_subject(m)] or [
                m for m in wide if self._is_subject(m)] or near or wide
            person = self.full_name(cands[-1]) if cands else None
            recent = self.recent_unnamed(head.idx)
            said = self.last_person
            if said is not None and said[0] < head.idx and head.idx - said[0] < 700 and (
                    recent is None or said[0] > recent[0]) and self.of_gender(low, [self.mention_of(said[1])]):
                recent = said  # the person who spoke last, after anyone named since as a subject
            subjects = [m for m in cands if self._is_subject(m)]
            # a speaker no mention names was the subject of his statement: he outranks
            # people named since only as objects ("termed Imran Khan a legend")
            last = (subjects or cands)[-1].span.start if cands else -1
            if recent is not None and recent[0] > last and (
                    self.core_type(recent[1]) == "Person" or not subjects):
                return [recent[1]], "pronoun"
            return ([person], "pronoun") if person else ([], "")
        if low in GROUP_PRONOUNS:
            if low == "they":  # "Both leaders met ... They agreed": the pair named last
                pair_head = next((t for t in reversed(self.doc[max(0, head.i - 80):head.i])
                                  if t.lower_ in _PAIR_PEOPLE | _PAIR_STATES
                                  and any(x.lower_ in ("both", "two") for x in t.lefts)), None)
                if pair_head is not None:
                    return self._of_phrase(pair_head)
            if self.last_said is not None and head.idx - self.last_said[0] < 600:
                return [self.last_said[1]], "pronoun"
            return [], ""
        pair = any(t.lower_ in ("both", "two") for t in head.lefts)
        if pair and low in _PAIR_PEOPLE:
            counts = Counter(self.full_name(m) for m in self.people(head.idx, 100000))
            names = [k for k, _ in counts.most_common(2)]
            return (names, "pair") if len(names) == 2 else ([], "")
        if low in _PAIR_STATES:
            named = list(dict.fromkeys(a for a in (self.agent(m.entity) for m in self.attached(head))
                                       if a and self.core_type(a) == "State"))
            if len(named) >= 2:  # "Pakistan and Russian sides": each
                return named, "pair"
        definite = any(t.lower_ == "the" for t in head.lefts) and head.lower_ in ("sides", "delegations")
        if (pair or definite) and low in _PAIR_STATES:
            states = self.states_paired(head) or self.states_most_named()
            return (states, "pair") if states else ([], "")
        if lemma in OUTLETS and head.i not in self.by_token and any(
                t.lower_ in ("the", "this") for t in head.lefts):
            outlet = self.last_outlet(head.idx)  # "the newspaper wrote": the paper named before
            return ([outlet], "title") if outlet else ([], "")
        if lemma in _SOURCES and head.i not in self.by_token:
            # "a statement by", "a report in the Times of India", "a readout of the meeting shared by":
            # the first of these phrases that names someone
            for by in (t for t in head.subtree if t.lower_ in ("by", "of", "from", "in") and t.dep_ in ("agent", "prep")):
                obj = next((c for c in by.children if c.dep_ == "pobj"), None)
                ent = next((e for e in self.doc.ents if e.start <= obj.i < e.end), None) if obj is not None else None
                if by.lower_ == "in":
                    if ent is None or ent.label_ != "ORG":
                        return [], ""  # "a spokesman in Islamabad": a place, not who speaks
                    name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
                    return [self.named(name, "Organisation")], "named"  # the paper the report is in
                if obj is not None:
                    speakers, how = self._of_phrase(obj)
                    if speakers:
                        return speakers, how
            inst = next((t for t in head.lefts if t.lemma_.lower() in INSTITUTIONS), None)
            if inst is not None and inst.i not in self.by_token:
                key = self.institution(inst)
                if key:
                    return [key], "institution"
            bodies = [a for a in (self.agent(m.entity) for m in self.attached(head, False))
                      if a and self.core_type(a) == "Organisation"]
            if bodies and lemma in _SPOKESPEOPLE:  # "the Foreign Office spokesperson": the office speaks
                return bodies[:1], "institution"
        if lemma in _STATE_BODIES and head.i not in self.by_token:  # "the Indian government": India
            states = [a for a in (self.agent(m.entity) for m in self.attached(head, False))
                      if a and self.core_type(a) == "State"]
            if states:
                return states[:1], "named"
        if lemma in INSTITUTIONS and head.i not in self.by_token:
            key = self.institution(head)
            if key:
                return [key], "institution"
        agents = [a for a in (self.agent(m.entity) for m in self.attached(head, False)) if a]
        unlinked = head.i not in self.by_token or self.by_token[head.i].entity.startswith("new:")
        if lemma in TITLES and unlinked:  # "Ambassador to Pakistan Danila Ganich" (the name in the "to" phrase)
            for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "to"):
                for obj in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"):
                    # "Representative to Afghanistan, Zamir Kabulov,": the parse hangs the
                    # title holder's name on the place
                    named = [self.person_of(self.by_token[a.i]) for a in obj.children
                             if a.dep_ == "appos" and a.i in self.by_token]
                    if any(named):
                        return [next(k for k in named if k)], "named"
                    key = self.new_person(sorted([*(t for t in obj.lefts if t.dep_ == "compound"), obj],
                                                 key=lambda t: t.i))
                    if key:
                        self.unnamed.append((head.idx, key))
                        return [key], "named"
        if lemma in TITLES and unlinked or head.text.isupper() and len(head.text) > 2 \
                and unlinked and any(t.lower_ == "the" for t in head.lefts):
            definite = any(t.lower_ in ("the", "this") or t.dep_ == "poss" for t in head.lefts)
            title = next((t.lemma_.lower() for t in head.lefts if t.lemma_.lower() in _TITLE_WORDS), lemma)
            nationality = next((t.text for t in head.lefts if t.ent_type_ == "NORP"), "")
            person = self.titled(title, head.idx, nationality) if definite else None
            recent = self.recent_unnamed(head.idx)
            if definite and recent is not None and self.core_type(recent[1]) == "Person" \
                    and head.idx - recent[0] < 1500 and not self.people(head.idx, head.idx - recent[0]) \
                    and not self.titled_otherwise(self.first_named(recent), title):
                person = recent[1]  # "the ambassador": the official named last, outside the mentions
            if person is None and definite and lemma not in _SPOKESPEOPLE:
                # "the minister": the person named last nearby; never so for "the spokesman",
                # whom the article names when it means a person
                cands = [m for m in self.people(head.idx, 700, subject_first=True)
                         if not self.titled_otherwise(self.first_mention(m), title)]
                person = self.full_name(cands[-1]) if cands else None
            if person:
                return [person], "title"
            if agents:  # "a foreign office spokesman", "Russian deputy foreign minister"
                orgs = [a for a in agents if self.core_type(a) == "Organisation"]
                self.unnamed.append((head.idx, (orgs or agents)[0]))
                return [(orgs or agents)[0]], "title"
            return [], ""
        if agents:
            return agents[:1], "named"
        return [], ""

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
            self.last_person = (offset, speakers[0])
        orgs = [s for s in speakers if self.core_type(s) in ("Organisation", "State")]
        if len(speakers) == 1 and orgs:
            self.last_said = (offset, orgs[0])


def _dateline(doc: Doc) -> set[int]:
    """The token indices of a dateline that opens the article: places in capitals before a
    dash or colon ("ISLAMABAD/MOSCOW –", "MOSCOW:"), with the mark; empty if there is none."""
    i = 0
    while i < min(len(doc), 8) and (doc[i].is_upper and doc[i].is_alpha or doc[i].text in ("/", ",")):
        i += 1
    if i == 0 or i >= len(doc) or doc[i].text not in ("–", "—", "-", ":"):
        return set()
    return set(range(i + 1))
