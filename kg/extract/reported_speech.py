"""Indirect speech: a reporting verb with a clausal complement ("the Foreign Office said
that ...", "X told reporters ...", "X believes ...", "X warned ..."), after its statement
("..., the ministry said in a statement"), in an "as" clause ("as X said, ..."), with an
object that says what was said ("expressed a desire to ...", "X sees Y as Z"), and
"according to X, ...".  A complement with quoted words in it is a mixed quotation.
"""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.cues import (ASKING, COURTESIES, FIRST_PERSON, HOLDING, INTENTIONS, OBJECT_CUES, POINTING, POSTPOSED,
                             PROMISING, QUOTING, RECOGNISING, REPORTING, SEEING_AS, WORTH, has_subject, own_clauses,
                             participle_cue, subject_of)
from kg.extract.model import Sentence
from kg.extract.quotations import Found, QuotationFinder, span_of
from kg.extract.sentences import sentence_at
from kg.extract.speaker_words import TITLES
from kg.extract.stance import classify_kind
from kg.extract.tokens import token_indices


STRESSING = frozenset("stress emphasise emphasize insist underline underscore".split())  # "stressed on ..."
# People one welcomes: a greeting, nothing said
GUESTS = frozenset("""representative guest delegate delegation participant member visitor dignitary
    ambassador minister envoy official leader diplomat counterpart team""".split())
# Nouns that point back to words just reported ("These views were expressed by ...")
BACK_NOUNS = frozenset("view views remark remarks statement words observation observations".split())
TELLING = frozenset("tell inform assure brief remind apprise".split())
DENYING = frozenset("deny dismiss reject refute rebut".split())
_REPORTS = frozenset("""suggestion suggestions report reports claim claims allegation allegations charge charges
    accusation accusations rumour rumours rumor rumors speculation speculations assertion assertions""".split())


# verbs of urging whose object may be the thing urged ("urged restraint", "demanded greater attention")
URGING_THINGS = frozenset({"urge", "demand", "advocate", "request"})
# cues whose "to" clause is what was said ("urged X to ...", "agreed to ...", "asked X to ...")
_XCOMP_CUES = frozenset("""urge warn promise vow pledge call tell caution advise expect agree decide consider
    resolve""".split()) | ASKING


def promised_thing(verb: Token, obj: Token) -> bool:
    """Whether ``obj`` is what ``verb`` promises ("pledged a fresh start", "promised support"),
    not whom."""
    return verb.lemma_.lower() in PROMISING and obj.pos_ == "NOUN" and not obj.ent_type_ \
        and obj.lemma_.lower() not in GUESTS


def urged_thing(verb: Token, obj: Token) -> bool:
    """Whether ``obj`` is what ``verb`` urges, not whom ("urged greater attention to ...", not
    "urged the powers to help", whose "to" clause is the statement)."""
    return verb.lemma_.lower() in URGING_THINGS and obj.pos_ == "NOUN" and not obj.ent_type_ and not any(
        c.dep_ in ("xcomp", "ccomp") for c in verb.children)


class Finder(QuotationFinder):
    """Direct quotations (:class:`QuotationFinder`) and indirect speech."""

    def complement(self, verb: Token) -> Token | None:
        for c in verb.children:
            if c.dep_ in ("ccomp", "parataxis") and (c.pos_ in ("VERB", "AUX") or c.dep_ == "ccomp" and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in c.children)):
                return c  # a "that" clause whose verb the tagger took for a noun ("that Moscow highly values")
        before = self.clause_before(verb)
        if before is not None:
            return before
        for p in (p for c in verb.children if c.dep_ == "prep" for p in c.subtree if p.dep_ == "pobj"):
            for c in p.children:  # "said in a statement that X had ...": the clause hung on "statement"
                # (or deeper: "told reporters on the sidelines of the meeting that ...")
                if c.dep_ in ("acl", "relcl", "ccomp") and has_subject(c) and any(
                        m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                    return c
        if verb.lemma_.lower() in _XCOMP_CUES:
            asked = verb.lemma_.lower() not in ASKING or any(c.dep_ in ("dobj", "dative") or c.dep_ == "prep" and c.lower_
                                                             in ("to", "with") for c in verb.children)
            for c in verb.children:
                if c.dep_ == "xcomp" and asked:  # "asked Russia to help"; "asked to join" asks leave, says nothing
                    return c
                called = next((x for x in c.subtree if x.dep_ == "xcomp"), None) if c.dep_ == "prep" \
                    and c.lower_ == "on" else None
                if called is not None:  # "called on X to ..."; not "agreed on Wednesday to ..."
                    return called
            for c in verb.children:
                if c.dep_ == "dobj":
                    return next((x for x in c.children if x.dep_ in ("xcomp", "ccomp")), None)
        return None

    def clause_before(self, verb: Token) -> Token | None:
        """"Earlier in the day, A held talks with B, the Kremlin said": the statement before a
        cue that ends the sentence, which the parse hung on the cue as an adverbial clause (its
        opening adverbial taken for the clause's mark). Only a clause with a subject of its own
        and no conjunction of its own ("While India objected, Moscow said ..." is no statement),
        that opens the sentence and ends at the comma before the cue's subject, after which only
        the cue's own words follow."""
        if verb.lemma_.lower() not in POSTPOSED or verb.dep_ != "ROOT":
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        clause = next((c for c in verb.children if c.dep_ == "advcl" and c.i < verb.i), None)
        if subj is None or clause is None or not has_subject(clause) or any(
                c.dep_ == "mark" or c.tag_ == "WRB" and c.i < clause.i for c in clause.children):
            return None
        comma = subj.left_edge.i - 1
        sent = verb.sent
        if clause.left_edge.i != sent.start or clause.right_edge.i + 1 != comma or self.doc[comma].text != ",":
            return None
        own = {t.i for t in verb.subtree} - {t.i for t in clause.subtree}
        if any(t.i not in own for t in self.doc[comma:sent.end] if not (t.is_punct or t.is_space)):
            return None
        return clause

    def object_words(self, verb: Token) -> tuple[int, int] | None:
        """What an attitude verb's object says: "expressed [a desire to ...]",
        "praised [Pakistan for ...]"; a noun with a "that" clause for any reporting verb
        ("expressed confidence [that ...]")."""
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        if obj is None and verb.lemma_.lower() == "call":  # "called for an end to the conflict"
            pobj = next((p for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"
                         for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None:
                return self.doc[pobj.left_edge.i].idx, pobj.right_edge.idx + len(pobj.right_edge)
        if obj is None and verb.lemma_.lower() in STRESSING:  # "emphasised on the need of direct flights"
            on = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")), None)
            words = [t for t in on.subtree if t.i != on.i] if on is not None else []
            if len(words) >= 3:
                return words[0].idx, words[-1].idx + len(words[-1])
        if obj is None and verb.lemma_.lower() == "agree":  # "agreed (up)on the need to ...": what they hold;
            # "agreed on promoting trade": what they will do
            pobj = next((p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                         for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in WORTH
                         or p.dep_ == "pcomp" and p.tag_ == "VBG"), None)
            if pobj is not None:
                return self.doc[pobj.left_edge.i].idx, pobj.right_edge.idx + len(pobj.right_edge)
        if obj is None and to is not None and verb.lemma_.lower() in POINTING:
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)  # "pointed to the role of ..."
            return (self.doc[pobj.left_edge.i].idx, pobj.right_edge.idx + len(pobj.right_edge)) if pobj is not None \
                else None
        if obj is None:
            return None
        clause = next((c for c in obj.children if (c.dep_ in ("acl", "ccomp") or c.dep_ == "relcl" and has_subject(c))
                       and (any(m.lower_ == "that" for m in c.children if m.dep_ == "mark")
                            or self.told_that(verb, c))), None)
        # ("informed the meeting that Pakistan had ...": a "that" clause with a subject of its own,
        # which the parse hung on the object as if it were a relative clause)
        if clause is not None:
            toks = [t for t in clause.subtree if not (t.dep_ == "mark" and t.lower_ == "that")]
            if toks[0].lower_ == "that" and len(toks) > 1:
                toks = toks[1:]
            return toks[0].idx, toks[-1].idx + len(toks[-1])
        lemma = verb.lemma_.lower()
        if lemma in SEEING_AS or lemma == "declare":  # "Islamabad sees cashless exchanges as a win-win way
            # to trade", "declared Pakistan as one of its priority partners"
            as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
            if as_ is None:
                return None
            return self.doc[obj.left_edge.i].idx, as_.right_edge.idx + len(as_.right_edge)
        if lemma not in OBJECT_CUES and not (lemma in REPORTING and obj.lemma_.lower() in INTENTIONS) \
                and not (lemma in RECOGNISING and obj.lemma_.lower() in WORTH) and not urged_thing(verb, obj) \
                and not promised_thing(verb, obj) \
                or obj.lemma_.lower() in COURTESIES:
            return None
        if lemma == "welcome" and (obj.ent_type_ in ("PERSON", "NORP") or obj.lemma_.lower() in GUESTS):
            return None  # "warmly welcoming Shehbaz Sharif", "welcoming representatives from ...": a greeting
        right = [c for c in verb.rights if c.dep_ in ("dobj", "prep", "dative", "oprd") or (
            c.dep_ == "advcl" and obj.lemma_.lower() in INTENTIONS and c.i == obj.right_edge.i + 2
            and self.doc[c.i - 1].lower_ == "to")]  # "the commitment of both sides [to continue ...]"
        if not right:
            return None  # the object stands before the verb ("What X welcomed, Y condemned")
        first, last = min(t.left_edge.i for t in right), max(t.right_edge.i for t in right)
        return self.doc[first].idx, self.doc[last].idx + len(self.doc[last])

    @staticmethod
    def told_that(verb: Token, clause: Token) -> bool:
        """"told a journalist that Putin met ...": after a verb of telling, a clause on its
        object that opens with "that" and has a subject of its own says what was told,
        though the parse took "that" for a relative pronoun."""
        return verb.lemma_.lower() in TELLING and clause.left_edge.lower_ == "that" and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that" for c in clause.children)

    def indirect(self) -> None:
        cues = REPORTING | OBJECT_CUES | SEEING_AS | POINTING | RECOGNISING
        for i in token_indices(self.doc, lemma=cues, lower={"according", *HOLDING}):
            tok = self.doc[i]
            if tok.idx >= self.stop:
                break
            sent = sentence_at(self.sentences, tok.idx)
            if sent is None:
                continue
            if tok.lower_ == "according":
                self.according(tok, sent)
            elif tok.lower_ in HOLDING:
                self.held(tok, sent)
            elif tok.pos_ in ("VERB", "AUX") and tok.i not in self.used_verbs and (
                    tok.lemma_.lower() in cues):
                self.reported(tok, sent)

    def postposed(self, verb: Token) -> tuple[int, int] | None:
        """The words before "..., the ministry said (in a statement)." when the parse hangs
        the cue under them rather than them under the cue: the sentence up to the comma
        that opens the cue's clause, when nothing but the cue's own words follows it."""
        if verb.lemma_.lower() not in POSTPOSED or verb.dep_ not in ("ccomp", "parataxis", "conj", "advcl") \
                or verb.head.i > verb.i:
            return None
        sent, own = verb.sent, {t.i for t in verb.subtree}
        if any(t.i not in own for t in self.doc[verb.i + 1:sent.end] if not (t.is_punct or t.is_space)):
            return None
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        comma = (subj.left_edge.i if subj is not None else verb.i) - 1
        if comma <= sent.start or self.doc[comma].text != ",":
            return None
        return self.doc[sent.start].idx, self.doc[comma].idx

    def postposed_subject(self, verb: Token) -> Token | None:
        """The speaker of a cue after its statement that the parse left without a subject:
        "..., stated Deputy Minister X" (after the verb), "..., Federal Minister for
        Privatization X said" (the name phrase between the comma and the verb)."""
        if not (any(c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children)
                or verb.dep_ in ("ccomp", "parataxis", "conj", "advcl") and verb.head.i < verb.i):
            return None
        prev = self.doc[verb.i - 1]
        if prev.text == ",":
            after = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "nsubj", "attr", "npadvmod")
                     and c.pos_ in ("PROPN", "NOUN")]
            return next((c for c in after if c.ent_type_ == "PERSON"), after[0] if after else None)
        if prev.pos_ != "PROPN":
            return None
        j = verb.i - 1
        while j > verb.sent.start and self.doc[j].text != ",":
            j -= 1
        if self.doc[j].text == "," and all(t.pos_ in ("PROPN", "NOUN", "ADJ", "DET", "ADP", "CCONJ", "PUNCT")
                                           for t in self.doc[j + 1:verb.i]):
            return prev
        return None

    def parenthetical(self, verb: Token) -> tuple[int, int] | None:
        """"A, X said, B": a cue set off by commas inside the clause it reports, which the
        parse hangs under that clause's verb; the clause's words are the statement."""
        if verb.lemma_.lower() not in POSTPOSED or verb.dep_ not in ("parataxis", "ccomp", "advcl") \
                or verb.head.i < verb.i or any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children):
            return None
        own = [t for t in verb.subtree if not t.is_punct]
        lo, hi = own[0].i, own[-1].i
        doc = self.doc
        if lo == 0 or doc[lo - 1].text != "," or hi + 1 >= len(doc) or doc[hi + 1].text != ",":
            return None
        clause = [t for t in verb.head.subtree if not (lo <= t.i <= hi)]
        words = [t for t in clause if not t.is_punct]
        if not any(t.i < lo for t in words) or len([t for t in words if t.i > hi]) < 3:
            return None
        return words[0].idx, words[-1].idx + len(words[-1])

    def as_said(self, verb: Token) -> tuple[int, int] | None:
        """"As X said, CONTENT" and "CONTENT, as X said, CONTENT": the clause the "as"
        clause hangs on, on the longer side of it."""
        if verb.dep_ not in ("advcl", "parataxis") or not any(c.dep_ == "mark" and c.lower_ == "as"
                                                               for c in verb.children):
            return None
        head, lo, hi = verb.head, verb.left_edge.i, verb.right_edge.i
        left = [t for t in head.subtree if t.i < lo and not t.is_punct]
        right = [t for t in head.subtree if t.i > hi and not t.is_punct]
        side = max(left, right, key=len)
        if len(side) < 4:
            return None
        return side[0].idx, side[-1].idx + len(side[-1])

    def reported(self, verb: Token, sent: Sentence) -> None:
        if any(c.dep_ == "auxpass" for c in verb.children) and any(c.dep_ == "agent" for c in verb.children):
            self.stated_by(verb, sent)  # "This was stated by X"
            return
        seen = verb.lemma_.lower() in RECOGNISING  # only "recognised the importance of ...", never "realised that ..."
        comp = self.complement(verb) if not seen else None
        before = self.postposed(verb) if comp is None and not seen else None
        if comp is None and before is None and not seen:
            before = self.as_said(verb) or self.parenthetical(verb)
        words = self.object_words(verb) if comp is None and before is None else before
        inside = self.in_quote(verb.idx, verb.idx + 1)
        if comp is None and words is None or inside and not self.may_be_joint(verb):
            return  # (in a quotation, only a body's report of what the sides said together)
        if before is not None:  # the cue's own subject, not the statement's
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
                or self.postposed_subject(verb)
        else:
            subj = subject_of(verb) or self.postposed_subject(verb)
        if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and verb.head.head.lemma_.lower() in REPORTING \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            subj = subject_of(verb.head.head)  # "X observed that A ... and underlined that B"
        if any(c.dep_ == "auxpass" for c in verb.children):  # "is expected to", "was told"
            return
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
            return  # "Islamabad should insist on ...": the writer's advice, not something said
        if subj is None or subj.lower_ in FIRST_PERSON or any(
                c.dep_ == "neg" for c in verb.children) and verb.lemma_.lower() != "deny":
            return
        if comp is not None and (any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in comp.children)
                                 or comp.left_edge.tag_ in ("WDT", "WP", "WP$", "WRB")
                                 and comp.left_edge.lower_ != "that"):
            return  # "asked what role Russia could play": a question, not a statement
        if comp is not None and comp.lemma_.lower() in QUOTING | {"report"} and any(
                c.dep_ == "auxpass" for c in comp.children):
            return  # "the paper said X was quoted as saying ...": X's statement, found on its own
        parent = verb.head if verb.dep_ in ("advcl", "conj") and verb.head.i < verb.i and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) else None
        prior = [f for f in self.found if parent is not None and f.cue is not None and f.cue.i == parent.i]
        if participle_cue(verb) and not prior:  # "X said A, adding that B": the cue above A speaks B
            above = [a.i for a in verb.ancestors]
            prior = next(([f for f in self.found if f.cue is not None and f.cue.i == i] for i in above
                          if any(f.cue is not None and f.cue.i == i for f in self.found)), [])
            if not prior and any(a.lemma_.lower() in REPORTING for a in verb.head.ancestors):
                return  # it hangs in what someone else said: the subject there did not say it
        if prior:  # '“...,” he said, adding that ...': who said it adds it
            speakers, how = list(dict.fromkeys(f.speaker for f in prior)), prior[0].how
        else:
            speakers, how = self.speakers.of_phrase(self.past_dateline(subj, verb))
            if not speakers and subj.i < verb.i and any(t.lemma_.lower() in TITLES for t in subj.subtree):
                speakers, how = self.name_before(verb)  # "Trade Representative of Russia Yury Kozlov has said"
        if not speakers or inside and (how != "pair" or len(speakers) < 2):
            return
        parts = []
        for tokens in own_clauses(comp) if comp is not None else ():
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            if tokens[0].lower_ == "that":
                start = tokens[1].idx if len(tokens) > 1 else end
            elif not parts and not has_subject(comp):
                start = self.after_that(verb, tokens[0], start)
            parts.append((start, end))
        if comp is None:
            parts.append(words)
        if len(parts) > 1 and len(set(map(lambda r: self.kind_of(r, verb, speakers), parts))) == 1:
            parts = [(parts[0][0], parts[-1][1])]  # one statement unless its clauses differ in kind
        for start, end in parts:
            if self.in_quote(start, end) and not inside:
                continue
            content = span_of(self.text, start, end)
            if len(content.text.split()) < 3 and not self.denied_report(verb, content.text):
                continue
            quote = "mixed" if self.quoted_inside(start, end) else "indirect"
            self.used_verbs.add(verb.i)
            self.speakers.spoke(verb.idx, speakers, (content.start, content.end))
            if inside:
                quote = "indirect"
            self.found += [Found(speaker, how, verb, content, quote, sent) for speaker in speakers]

    def held(self, adj: Token, sent: Sentence) -> None:
        """"He was hopeful that trade will rebound", "the minister is confident that ...": the
        "that" clause of an adjective of a view held, the copula's subject's statement (not
        when negated, advised with a modal, or held by "I", "we" or "it")."""
        cop = adj.head
        if adj.dep_ != "acomp" or cop.lemma_.lower() not in ("be", "remain", "seem") or self.in_quote(
                adj.idx, adj.idx + 1) or any(c.dep_ == "neg" or c.tag_ == "MD" for c in (*adj.children, *cop.children)):
            return
        comp = next((c for c in (*adj.children, *cop.children) if c.dep_ == "ccomp" and c.i > adj.i and has_subject(c)
                     and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        subj = next((c for c in cop.children if c.dep_ == "nsubj"), None)
        if comp is None or subj is None or subj.lower_ in FIRST_PERSON | {"it"}:
            return
        speakers, how = self.speakers.of_phrase(self.past_dateline(subj, cop))
        toks = [t for t in comp.subtree if not (t.dep_ == "mark" and t.lower_ == "that")]
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        if not speakers or self.in_quote(start, end) or len(toks) < 3:
            return
        content = span_of(self.text, start, end)
        quote = "mixed" if self.quoted_inside(start, end) else "indirect"
        self.speakers.spoke(adj.idx, speakers, (content.start, content.end))
        self.found += [Found(k, how, adj, content, quote, sent) for k in speakers]

    def stated_by(self, verb: Token, sent: Sentence) -> None:
        """"This was stated by X ...", "These views were expressed by X ...": the sentence
        before is X's statement (and that of anyone "along with" X)."""
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        agent = next((p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
        if subj is None or agent is None or sent.index == 0 or verb.lemma_.lower() not in POSTPOSED | {"express"}:
            return
        pointing = subj.lower_ in ("this", "these") or subj.lemma_.lower() in BACK_NOUNS and any(
            t.lower_ in ("this", "these") for t in subj.lefts)
        if not pointing or len([t for t in subj.subtree]) > 3:
            return
        speakers, how = self.speakers.of_phrase(agent)
        along = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "along"
                 for w in c.children if w.lower_ == "with" for p in w.children if p.dep_ == "pobj"]
        for p in along:
            speakers += [k for k in self.speakers.of_phrase(p)[0] if k not in speakers]
        before = self.sentences[sent.index - 1]
        if not speakers or self.in_quote(before.span.start, before.span.end):
            return
        content = span_of(self.text, before.span.start, before.span.end)
        if len(content.text.split()) < 4:
            return
        self.used_verbs.add(verb.i)
        self.speakers.spoke(verb.idx, speakers, (content.start, content.end))
        self.found += [Found(k, how, verb, content, "indirect", before) for k in speakers]

    def after_that(self, verb: Token, first: Token, start: int) -> int:
        """Where a complement the parse left without its subject really starts: right
        after the "that" between the cue and it ("told Reuters that talks on a swap
        were ...", the subject hung on "Reuters")."""
        that = next((t for t in reversed(self.doc[verb.i + 1:first.i]) if t.lower_ == "that"), None)
        if that is None or first.i - that.i > 12 or any(t.text in (".", ";", "“", '"') for t in self.doc[that.i:first.i]):
            return start
        return self.doc[that.i + 1].idx

    def denied_report(self, verb: Token, words: str) -> bool:
        """"dismissed those suggestions", "denied the reports": a denial of something
        reported before, whose words are only the noun that points back to it."""
        first, *rest = words.lower().split()
        return verb.lemma_.lower() in DENYING and first in ("the", "these", "those", "such", "this", "that") \
            and bool(rest) and rest[-1] in _REPORTS

    def kind_of(self, words: tuple[int, int], cue: Token, speakers: list[str]) -> str:
        span = self.doc.char_span(words[0], words[1], alignment_mode="expand")
        return classify_kind(span, cue.lemma_.lower(),
                             institution=self.speakers.core_type(speakers[0]) in ("Organisation", "State"))

    def according(self, tok: Token, sent: Sentence) -> None:
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if obj is None:
            return
        speakers, how = self.speakers.of_phrase(obj)
        if not speakers:
            return
        phrase = sorted([tok.i, *(t.i for t in to.subtree)])
        lo, hi = phrase[0], phrase[-1]
        before = (sent.span.start, self.doc[lo].idx)
        after_tok = self.doc[hi + 1] if hi + 1 < len(self.doc) else None
        after = (after_tok.idx if after_tok is not None else sent.span.end, sent.span.end)
        start, end = max([before, after], key=lambda r: r[1] - r[0])
        if self.in_quote(start, end):
            return
        content = span_of(self.text, start, end)
        if len(content.text.split()) >= 3:
            self.speakers.spoke(tok.idx, speakers, (content.start, content.end))
            self.found += [Found(speaker, how, tok, content, "indirect", sent) for speaker in speakers]
