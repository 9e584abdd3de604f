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

from collections import Counter

from spacy.tokens import Doc, Token

from kg.extract.institutions import OUTLETS, Institutions
from kg.extract.joint_speakers import PAIR_PERSONS, JointSpeakers
from kg.extract.model import Mention
from kg.extract.names import POST_HEADS
from kg.extract.person_names import PersonNames
from kg.extract.speaker_memory import SpeakerMemory
from kg.extract.speaker_words import (CLOSE, COUNTS, DEMONYM, GROUP_PRONOUNS, INSTITUTIONS, MEETING_SIDES, MEETINGS,
                                      NEWS_HEADS, PAIR_PEOPLE, PAIR_STATES, PERSON_PRONOUNS, SOURCES, SPOKESPEOPLE, STATE_BODIES, TITLE_WORDS,
                                      TITLES, dateline_tokens)

OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
BROADCASTS = frozenset("tv television news channel radio".split())  # the last word of an outlet's name


class Speakers(PersonNames, SpeakerMemory, Institutions, JointSpeakers):
    def __init__(self, doc: Doc, mentions: list[Mention], core_type, state_of_place=None,
                 lookup=None, new_entities: dict[str, str] | None = None, demonym_of=None, speaks_for=None):
        self.doc, self.core_type, self.state_of_place = doc, core_type, state_of_place
        self.speaks_for = speaks_for  # an entity -> the state it speaks for, or None
        self.demonym_of = demonym_of  # a state's id -> its adjective ("Russian"), or None
        self.lookup = lookup  # name -> registry id or None
        self.new_entities = new_entities if new_entities is not None else {}
        self.mentions = sorted(mentions, key=lambda m: m.span.start)
        self.by_token: dict[int, Mention] = {}
        for m in self.mentions:
            for tok in doc.char_span(m.span.start, m.span.end, alignment_mode="expand") or ():
                self.by_token.setdefault(tok.i, m)
        self.unnamed: list[tuple[int, str]] = []  # speakers no mention names, by offset (for "he")
        self.history: list[tuple[int, str, object]] = []  # (cue offset, "person"/"said"/"group", who) of each statement
        self.renamed: dict[str, str] = {}  # a new person's key -> the name without its title
        self.said_words: list[tuple[int, int]] = []  # the offsets of what was said, so far
        self._genders: dict[str, str] | None = None  # entity -> "f" or "m", when the text shows it
        self.dateline = dateline_tokens(doc)  # the tokens of "ISLAMABAD/MOSCOW –" opening the article
        # names the NER took for people that are news outlets ("Dawn news reported")
        self.outlets: set[str] = {m.entity for i, m in self.by_token.items() if doc[i].dep_ == "compound"
                                  and doc[i].head.lemma_.lower() in NEWS_HEADS and doc[i].head.i not in self.by_token}
        # or whose own last word says it ("according to Russian State TV", "Dunya News reported")
        self.outlets |= {m.entity for m in self.mentions if core_type(m.entity) == "Person"
                         and m.span.text.split()[-1].lower() in BROADCASTS}

    # -- entities -------------------------------------------------------------------
    def agent(self, key: str) -> str | None:
        kind = self.core_type(key)
        if kind in ("Person", "Organisation", "State"):
            return key
        if kind == "Place" and self.state_of_place is not None:
            return self.state_of_place(key)  # "Moscow said": the state speaks
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

    def states_together(self, head: Token, back: int = 2) -> list[str]:
        """The states named together ("Pakistan and Russia", "the Belarus-Russia-Kazakhstan
        corridor", "Russia, Mongolia and China") in this sentence before the phrase or in the
        ``back`` sentences before it, the nearest first: every state of the longest such run."""
        sents = [s for s in self.doc.sents if s.start <= head.i][-(back + 1):]
        for sent in reversed(sents):
            best = max(self._state_runs([t for t in sent if t.i < head.i]), key=len, default=[])
            if len(best) >= 2:
                return best
        return []

    def states_counted(self, head: Token, count: int) -> list[str]:
        """"The three countries", "the three parties": the last ``count`` states named together
        (in a run, as :meth:`states_together` reads one) before the phrase, however far back:
        the number says which run it means."""
        return next((states for states in reversed(self._state_runs(self.doc[:head.i])) if len(states) == count), [])

    def _state_runs(self, tokens) -> list[list[str]]:
        """The states of ``tokens`` named together, run by run: names at most three tokens apart in
        one sentence with only commas, "and" or "the" between ("Pakistan, Russia and China"; not
        "representatives of Russia and China for Afghanistan"), each run's states in order, once each."""
        found: list[tuple[int, str]] = []
        for t in tokens:
            m = self.by_token.get(t.i)
            key = self.agent(m.entity) if m is not None else None
            if key and self.core_type(key) == "State" and not (found and found[-1] == (t.i - 1, key)):
                found.append((t.i, key))
        runs: list[list[tuple[int, str]]] = []
        for at in found:
            last = runs[-1][-1][0] if runs else -1
            if runs and at[0] - last <= 3 and self.doc[last].sent == self.doc[at[0]].sent and all(
                    t.is_punct or t.pos_ in ("CCONJ", "DET") or t.i in self.by_token for t in self.doc[last + 1:at[0]]):
                runs[-1].append(at)
            else:
                runs.append([at])
        return [list(dict.fromkeys(k for _, k in run)) for run in runs]

    def states_most_named(self) -> list[str]:
        counts = Counter(m.entity for m in self.mentions if self.core_type(m.entity) == "State")
        return [k for k, _ in counts.most_common(2)] if len(counts) >= 2 else []

    # -- subject phrases ----------------------------------------------------------------
    def attached(self, head: Token, with_conj: bool = True) -> list[Mention]:
        """Mentions that are the phrase's head or modify it closely, not those inside a
        prepositional phrase or clause; conjoined heads too."""
        out, todo = [], [head]
        deps = CLOSE + (("conj",) if with_conj else ())
        while todo:
            tok = todo.pop()
            m = self.by_token.get(tok.i)
            if m is not None and m not in out:
                out.append(m)
            todo += [c for c in tok.children if c.dep_ in deps]
        return sorted(out, key=lambda m: m.span.start)

    def of_another_state(self, m: Mention, nationality: str) -> bool:
        """"the Russian commander" is no one known to serve another state."""
        if not nationality or self.speaks_for is None or self.lookup is None:
            return False
        wanted, theirs = self.lookup(nationality), self.speaks_for(self.full_name(m))
        return bool(wanted and theirs and self.core_type(wanted) == "State" and theirs != wanted)

    def news_agency(self, head: Token) -> str | None:
        """"Xinhua news agency reported", "the state-run APP news agency": the agency by
        the name before "news agency" (an organisation already named, or a new one)."""
        lefts = [t for t in head.lefts if t.dep_ == "compound"]
        if not any(t.lower_ == "news" for t in lefts):
            return None
        names = [t for t in lefts if t.pos_ == "PROPN" and t.text[:1].isupper()]
        if not names or names[-1].i + 1 >= head.i or any(t.i in self.by_token and self.core_type(
                self.by_token[t.i].entity) != "Organisation" for t in names):
            return None
        known = next((self.by_token[t.i].entity for t in names if t.i in self.by_token), None)
        return known or self.named(" ".join(t.text for t in names), "Organisation")

    def of_phrase(self, head: Token) -> tuple[list[str], str]:
        """The speakers a subject (or "according to" object) names, and how they were found."""
        if head.i in self.dateline:  # "ISLAMABAD/MOSCOW – Pakistan and Russia have expressed ...":
            head = next((t for t in head.subtree if t.dep_ in ("conj", "appos") and t.i not in self.dateline
                         and t.head.i in self.dateline), None)  # the parse took the dateline for the subject
            # (the subject after it as the dateline's conjunct or, after "(TASS):", its apposition)
            if head is None:
                return [], ""
        speakers, how = self._of_phrase(head)
        if how != "pair" and len(speakers) == 1 and self.core_type(speakers[0]) != "Person":
            for conj in (c for c in head.children if c.dep_ == "conj"):  # "the Foreign Ministry and the
                more, _ = self._of_phrase(conj)  # Justice Ministry recommended": each speaks
                speakers += [k for k in more if k not in speakers and self.core_type(k) != "Person"]
        return [self.renamed.get(k, k) for k in speakers], how

    def _of_phrase(self, head: Token) -> tuple[list[str], str]:
        if head.lemma_.lower() in NEWS_HEADS and head.i not in self.by_token:
            names = [self.by_token[t.i] for t in head.lefts if t.dep_ == "compound" and t.i in self.by_token]
            if len(names) == 1:  # "Dawn news reported": the outlet, though the NER took it for a person
                return [names[0].entity], "named"
        if head.lemma_.lower() == "agency" and head.i not in self.by_token:
            agency = self.news_agency(head)
            if agency:
                return [agency], "named"
        including = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "including"), None)
        if including is not None and head.tag_ == "NNS" and head.i not in self.by_token:
            # "Several nations, including the US, China and Russia, called for ...": each named one
            named = [a for o in including.children if o.dep_ == "pobj"
                     for m in self.attached(o) for a in [self.agent(m.entity)] if a]
            if named:
                return list(dict.fromkeys(named)), "named"
        envoys = self.states_of_envoys(head)
        if envoys:  # "Pakistani and Russian officials agreed", "officials from Pakistan and Russia said"
            return envoys, "pair"
        titled = self.titled_people(head)
        if titled:  # "Minister for X A and Deputy Minister of Y B agreed": both
            return titled, "named"
        if head.lower_ in POST_HEADS:  # "the Consul General of X in Y, Name,": the parse may hang the
            # name from the last place; in the post's own phrase it is still its holder
            holders = {p for t in head.subtree if t.dep_ == "appos" and t.i in self.by_token
                       for p in [self.person_of(self.by_token[t.i])] if p}
            if len(holders) == 1:
                return [holders.pop()], "named"
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
        if (head.ent_type_ == "ORG" or head.ent_type_ == "NORP" and not DEMONYM.search(head.text)) \
                and head.pos_ == "PROPN" and head.i not in self.by_token \
                and head.lower_ not in POST_HEADS:  # "Rostec" taken for a people; "the Consul General" is a person
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
                if name[:1].isupper():  # not "the foreign ministry said": a description, no name
                    return [self.named(name, "Organisation")], "named"
        person = self.unlinked_person(head)
        if person:
            self.unnamed.append((head.idx, person))  # no mention names it: remember it for "he"
            return [person], "named"
        low = OBJECT_PRONOUNS.get(low, low)  # "according to him", "quoted her as saying"
        if low in PERSON_PRONOUNS:
            near = self.of_gender(low, self.outside_said(self.people(head.idx, 700)))
            wide = self.of_gender(low, self.outside_said(self.people(head.idx, 2500)))
            cands = [m for m in near if self.is_subject(m)] or [
                m for m in wide if self.is_subject(m)] or near or wide
            person = self.full_name(cands[-1]) if cands else None
            recent = self.recent_unnamed(head.idx)
            said = self.last_before("person", head.idx)
            if said is not None and head.idx - said[0] < 700 and (
                    recent is None or said[0] > recent[0]) and self.of_gender(low, [self.mention_of(said[1])]):
                recent = said  # the person who spoke last, after anyone named since as a subject
            subjects = [m for m in cands if self.is_subject(m)]
            # a speaker no mention names was the subject of his statement: he outranks
            # people named since only as objects ("termed Imran Khan a legend")
            last = (subjects or cands)[-1].span.start if cands else -1
            if recent is not None and recent is said and not subjects and cands and self.same_sentence(said[0], last):
                last = -1  # "This was said by X during a meeting with Y. He said ...": X spoke; Y is only named
            if recent is not None and recent[0] > last and (
                    self.core_type(recent[1]) == "Person" or not subjects):
                return [recent[1]], "pronoun"
            return ([person], "pronoun") if person else ([], "")
        if low in GROUP_PRONOUNS:
            if low == "they":  # "Both leaders met ... They agreed": the pair named last
                pair_head = next((t for t in reversed(self.doc[max(0, head.i - 80):head.i])
                                  if t.lower_ in PAIR_PEOPLE | PAIR_STATES | PAIR_PERSONS
                                  and any(x.lower_ in ("both", "two") or x.lower_ in COUNTS for x in t.lefts)), None)
                if pair_head is not None:  # (or "the three parties")
                    return self._of_phrase(pair_head)
                group, said = self.last_before("group", head.idx), self.last_before("said", head.idx)
                if group is not None and head.idx - group[0] < 400 and (said is None or said[0] < group[0]
                                                                       or self.same_sentence(said[0], group[0])):
                    return list(group[1]), "pair"  # "The meeting reaffirmed ... They recognised ..."; "They
                    # agreed ..., a statement said. They stressed ...": the statement reported them
            said = self.last_before("said", head.idx)
            if said is not None and head.idx - said[0] < 600:
                return [said[1]], "pronoun"
            return [], ""
        pair = any(t.lower_ in ("both", "two") for t in head.lefts)
        if pair and (low in PAIR_PEOPLE or low in PAIR_PERSONS):  # "both leaders", "both men"
            counts = Counter(self.full_name(m) for m in self.people(head.idx, 100000))
            names = [k for k, _ in counts.most_common(2)]
            return (names, "pair") if len(names) == 2 else ([], "")
        if low in PAIR_STATES:
            named = list(dict.fromkeys(a for a in (self.agent(m.entity) for m in self.attached(head))
                                       if a and self.core_type(a) == "State"))
            if len(named) >= 2:  # "Pakistan and Russian sides": each
                return named, "pair"
        the = any(t.lower_ == "the" for t in head.lefts)
        count = next((COUNTS[t.lower_] for t in head.lefts if t.lower_ in COUNTS and t.dep_ == "nummod"), None)
        if the and count and head.i not in self.by_token and (low in MEETING_SIDES or low in PAIR_STATES
                                                              or low in PAIR_PEOPLE):  # "the three leaders"
            states = self.states_counted(head, count)  # "the three countries agreed": the three named together
            return (states, "pair") if states else ([], "")
        if the and head.i not in self.by_token and (low in MEETING_SIDES or lemma in MEETINGS):
            states = self.states_together(head)  # "The parties agreed to ...", "the meeting reaffirmed ..."
            if not states:  # "They noted ... The parties also confirmed ...", "The two sides agreed
                states = self.last_group(head.idx)  # ... The meeting reaffirmed ...": who spoke together last
            return (states, "pair") if states else ([], "")
        definite = the and head.lower_ in ("sides", "delegations")
        if (pair or definite) and low in PAIR_STATES:
            met = self.people_met(head) if low == "sides" else []
            if met:  # "X met his counterpart Y ... Both sides agreed": the two of them
                return met, "pair"
            states = self.states_paired(head) or self.states_most_named()
            return (states, "pair") if states else ([], "")
        if lemma in OUTLETS and head.i not in self.by_token and any(
                t.lower_ in ("the", "this") for t in head.lefts):
            outlet = self.last_outlet(head.idx)  # "the newspaper wrote": the paper named before
            return ([outlet], "title") if outlet else ([], "")
        if lemma in SOURCES and head.i not in self.by_token:
            # "a statement by", "a report in the Times of India", "a readout of the meeting shared by":
            # the first of these phrases that names someone
            for by in (t for t in head.subtree if t.lower_ in ("by", "of", "from", "for", "in")
                       and t.dep_ in ("agent", "prep")):  # "a spokesman for the Pakistan Navy"
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
            if any(t.lower_ == "joint" for t in head.lefts):  # "the joint statement pledges ...": the
                states = self.states_together(head) or self.states_paired(head)  # states that issued it
                if states:
                    return states, "pair"
            inst = next((t for t in head.lefts if t.lemma_.lower() in INSTITUTIONS), None)
            if inst is not None and inst.i not in self.by_token:
                key = self.institution(inst)
                if key:
                    return [key], "institution"
            bodies = [a for a in (self.agent(m.entity) for m in self.attached(head, False))
                      if a and self.core_type(a) == "Organisation"]
            if bodies and lemma in SPOKESPEOPLE:  # "the Foreign Office spokesperson": the office speaks
                return bodies[:1], "institution"
            if lemma not in SPOKESPEOPLE and not bodies and any(t.lower_ in ("the", "this") for t in head.lefts):
                said = self.last_before("said", head.idx)  # "..., the statement added": the statement of
                if said is not None and head.idx - said[0] < 1500:  # the institution that spoke last
                    return [said[1]], "pronoun"
        if lemma in STATE_BODIES and head.i not in self.by_token:  # "the Indian government": India
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
        if lemma in TITLES and unlinked:  # "Ambassador to Pakistan Danila Ganich", "envoy for Afghanistan, X"
            for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("to", "for")):
                for obj in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"):
                    # "Representative to Afghanistan, Zamir Kabulov,": the parse hangs the
                    # title holder's name on the place
                    named = [self.person_of(self.by_token[a.i]) for a in obj.children
                             if a.dep_ == "appos" and a.i in self.by_token]
                    if any(named):
                        return [next(k for k in named if k)], "named"
                    own = self.person_of(self.by_token[obj.i]) if obj.i in self.by_token else None
                    if own:  # "Minister for Petroleum Musadik Malik": the name the mentions found,
                        return [own], "named"  # not one that takes in the portfolio
                    key = self.new_person(sorted([*(t for t in obj.lefts if t.dep_ == "compound"), obj],
                                                 key=lambda t: t.i))
                    if key:
                        self.unnamed.append((head.idx, key))
                        return [key], "named"
        if lemma in TITLES and unlinked or head.text.isupper() and len(head.text) > 2 \
                and unlinked and any(t.lower_ == "the" for t in head.lefts):
            definite = any(t.lower_ in ("the", "this") or t.dep_ == "poss" for t in head.lefts)
            title = next((t.lemma_.lower() for t in head.lefts if t.lemma_.lower() in TITLE_WORDS), lemma)
            nationality = next((t.text for t in head.lefts if t.ent_type_ == "NORP"), "")
            person = self.titled(title, head.idx, nationality) if definite else None
            recent = self.recent_unnamed(head.idx)
            if definite and recent is not None and self.core_type(recent[1]) == "Person" \
                    and head.idx - recent[0] < 1500 and not self.people(head.idx, head.idx - recent[0]) \
                    and not self.titled_otherwise(self.first_named(recent), title):
                person = recent[1]  # "the ambassador": the official named last, outside the mentions
            if person is None and definite and lemma not in SPOKESPEOPLE:
                # "the minister": the person named last nearby; never so for "the spokesman",
                # whom the article names when it means a person
                cands = [m for m in self.people(head.idx, 700, subject_first=True)
                         if not self.titled_otherwise(self.first_mention(m), title)
                         and not self.of_another_state(m, nationality)]
                person = self.full_name(cands[-1]) if cands else None
            if person:
                return [person], "title"
            if agents:  # "a foreign office spokesman", "Russian deputy foreign minister"
                orgs = [a for a in agents if self.core_type(a) == "Organisation"]
                self.unnamed.append((head.idx, (orgs or agents)[0]))
                return [(orgs or agents)[0]], "title"
            return [], ""
        if low in POST_HEADS and unlinked and any(t.lower_ in ("the", "this") for t in head.lefts):
            person = self.titled(low, head.idx)  # "the Federation Council Speaker": the one introduced so
            if person:
                return [person], "title"
        if agents:
            return agents[:1], "named"
        return [], ""
