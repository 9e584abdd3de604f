"""Statements attributed to speakers: direct quotations, indirect speech, mixed quotations.

A statement is what someone other than the writer is reported to have said, believed,
warned or promised.  Three shapes are found on the dependency parse:

* **direct**: words in quotation marks (curly or straight, possibly over several
  sentences) with a reporting verb just after the closing mark ("..., Lavrov said.",
  "... said Lavrov") or just before the opening one ("He said: ..."); a quotation with
  no cue of its own right after another one continues its speaker;
* **indirect**: a reporting verb with a clausal complement ("the Foreign Office said that
  ...", "X told reporters ...", "X believes ...", "X warned ...", "..., X said") and
  "according to X, ...";
* **mixed**: indirect speech whose complement holds quoted words ("X said the talks
  were 'very productive'") or a reporting verb with "that" before a long quotation.

The speaker is the entity named in the reporting verb's subject (a person first, else an
organisation or state; a city that speaks, "Moscow said", stands for its state), "he" or
"she" the last person named, a bare title ("the minister") the last person named, and a
surname the person named in full before.  Speakers that stay unknown ("analysts",
"officials") give no statement.  Each statement's kind and stance come from
:mod:`kg.extract.stance`.

>>> from kg.extract.pipeline import load_nlp, sentences_of
>>> from kg.registry import load_registry
>>> from kg.extract.pipeline import extract
>>> ex = extract("d", 'Pakistan and Russia signed a deal. "It is a relationship that will grow '
...              'substantially," Shehbaz Sharif said.', load_registry())
>>> [(c.speaker, c.quote, c.kind, c.content.text) for c in ex.claims if c.speaker]
[('shehbaz-sharif', 'direct', 'Prediction', 'It is a relationship that will grow substantially')]
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from kg.extract.model import Claim, Mention, Sentence, Span
from kg.extract.judging import judges
from kg.extract.speakers import Speakers
from kg.extract.stance import ATTITUDE, classify_kind, stance_of
from kg.extract.tokens import doc_text, token_indices

# Verbs that report speech or a held view; the kind rules in stance.py look at some of them.
REPORTING = frozenset("""say tell state claim announce declare add insist argue assert maintain
    warn believe think feel hope expect stress emphasise emphasize reiterate remark affirm confirm
    deny acknowledge admit vow promise pledge urge note suggest predict allege indicate caution report
    reject dismiss explain observe point assure agree describe complain accuse write
    call recall tweet post respond reply underline underscore highlight contend concede
    estimate forecast reckon fear doubt express welcome decide ask consider continue praise criticise criticize condemn
    comment recommend propose advise""".split())
# Verbs whose object is what was said: the attitude verbs, and a few of mentioning and blaming.
OBJECT_CUES = ATTITUDE | frozenset("mention castigate slam lambast blast decry deplore communicate".split())
# Verbs whose "to" object is what was said ("pointed to the role of ...", "objected to the sale").
_POINTING = frozenset("point refer".split())
# "X sees / views / regards / perceives Y as Z": X's judgement of Y.
_SEEING_AS = frozenset("see view regard perceive".split())
# Cues read as the opinion cues the kind rules know ("sees Y as Z" judges as "considers" does).
_JUDGED_AS = {**dict.fromkeys(_SEEING_AS, "consider"), "point": "consider", "communicate": "consider",
              **dict.fromkeys("castigate slam lambast blast decry deplore".split(), "criticise")}
# Of these, the ones that need a clause after them to report anything.
_FIRST_PERSON = {"i", "we"}
# Objects of attitude verbs that are courtesies, not statements ("conveyed greetings").
_COURTESIES = frozenset("""greeting greetings condolence condolences sorrow grief sympathy sympathies
    wish wishes regards thanks felicitations warmth solidarity gratitude""".split())
# Cues that may follow their statement ("..., the ministry said in a statement").
_POSTPOSED = frozenset("say tell state add write tweet claim note insist stress announce confirm declare report".split())
_QUOTING = frozenset({"quote", "cite"})  # "X quoted Y as saying": Y speaks
_OPEN_CLOSE = {"“": "”", '"': '"', "«": "»"}
_MIN_QUOTE_WORDS = 4  # fewer words in quotation marks: a scare quote or a mixed quotation


@dataclass(frozen=True)
class Quotation:
    start: int  # first character inside the marks
    end: int  # the closing mark's offset (or the paragraph's end when left open)
    words: int


def quotations(text: str) -> list[Quotation]:
    """Runs of text in double quotation marks; an opening mark left open at a paragraph's
    end closes there (a quotation continued in the next paragraph reopens)."""
    out: list[Quotation] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _OPEN_CLOSE and (ch != '"' or i == 0 or not text[i - 1].isalnum()):
            close = _OPEN_CLOSE[ch]
            j = text.find(close, i + 1)
            para = text.find("\n", i + 1)
            reopen = text.find(ch, i + 1) if ch != close else -1
            ends = [p for p in (j, para, reopen) if p >= 0]
            end = min(ends) if ends else n
            inner = text[i + 1:end]
            out.append(Quotation(i + 1, end, len(inner.split())))
            i = end + (1 if end == j else 0)
            continue
        i += 1
    return out


def _subject(verb: Token) -> Token | None:
    """The subject of a reporting verb, climbing from "saying", "as saying", "and said";
    "TASS quoted the official as saying": the official, not the agency that quotes him."""
    came_from = verb
    if verb.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in ("who", "which", "that") for c in verb.children):
        return verb.head  # "the Russians, who maintain that ...": the Russians
    first, doc = verb.left_edge, verb.doc
    if verb.dep_ == "advcl" and first.lower_ == "having" and first.i > 0 and (
            not doc[first.i - 1].is_punct or doc[first.i - 1].text == ")"):
        return _noun_before(first)  # "despite the Ministry of External Affairs having communicated ..."
    for _ in range(4):
        if verb.lemma_.lower() in _QUOTING and came_from.lower_ == "as":
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
        if verb.dep_ in ("conj", "xcomp", "advcl", "pcomp", "pobj", "prep") and verb.head.i != verb.i:
            came_from, verb = verb, verb.head
            continue
        return None
    return None


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)


def _noun_before(tok: Token) -> Token | None:
    """The noun phrase right before ``tok`` (past a parenthesis), by its head: the subject
    of a gerund clause that the parse hung elsewhere."""
    i = tok.i - 1
    if tok.doc[i].text == ")":
        while i > 0 and tok.doc[i].text != "(":
            i -= 1
        i -= 1
    noun = tok.doc[i]
    while noun.dep_ in ("pobj", "compound") and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head  # "the Ministry of External Affairs": the Ministry
    return noun if noun.pos_ in ("NOUN", "PROPN") else None


def _own_clauses(comp: Token) -> list[list[Token]]:
    """The complement's words up to a conjoined reporting verb of its own ("A provided ...
    and underlined that B": only "A provided ..."), split into its coordinated clauses
    that have subjects of their own ("A is important, and B would continue": two
    statements, as a reader counts them)."""
    conjs = [c for c in comp.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    stop = min((c.left_edge.i for c in conjs if c.lemma_.lower() in REPORTING
                and any(x.dep_ == "ccomp" for x in c.children)), default=None)
    tokens = [t for t in comp.subtree if stop is None or t.i < stop]
    cuts = sorted(c.left_edge.i for c in conjs if _has_subject(c) and (stop is None or c.i < stop)
                  and c.left_edge.i > tokens[0].i)
    out = []
    for lo, hi in zip([tokens[0].i, *cuts], [*cuts, tokens[-1].i + 1]):
        part = [t for t in tokens if lo <= t.i < hi]
        while len(part) > 1 and (part[-1].dep_ == "cc" or part[-1].is_punct):
            part.pop()
        while len(part) > 1 and (part[0].dep_ == "cc" or part[0].is_punct):
            part.pop(0)
        if part:
            out.append(part)
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without blanks, quotation marks, commas and a final full stop at the edges."""
    while start < end and (text[start].isspace() or text[start] in "\"“”‘’',:;—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "\"“”‘’',:;.—–-"):
        end -= 1
    return start, end


def _span(text: str, start: int, end: int) -> Span:
    start, end = _trim(text, start, end)
    return Span(start, end, text[start:end])


@dataclass
class _Found:
    speaker: str
    how: str  # named, surname, pronoun, title, pair, institution, continued
    cue: Token | None
    content: Span
    quote: str
    first: Sentence
    also: tuple[Sentence, ...] = ()


_CONFIDENCE = {("direct", "named"): 0.9, ("direct", "surname"): 0.85, ("direct", "pronoun"): 0.8,
               ("direct", "title"): 0.7, ("direct", "continued"): 0.65, ("mixed", "named"): 0.85}


def _confidence(quote: str, how: str) -> float:
    return _CONFIDENCE.get((quote, how), {"named": 0.8, "surname": 0.75}.get(how, 0.65))


class _Finder:
    def __init__(self, doc: Doc, sentences: list[Sentence], speakers: Speakers, stop: int):
        self.doc, self.sentences, self.speakers, self.stop = doc, sentences, speakers, stop
        self.text = doc_text(doc)
        self.quotes = quotations(self.text)
        self.used_verbs: set[int] = set()
        self.found: list[_Found] = []
        self.pending: list[_Found] = []  # quotations with no cue of their own

    def sentence_at(self, offset: int) -> Sentence | None:
        from kg.extract.pipeline import sentence_at

        return sentence_at(self.sentences, offset)

    def token_at(self, offset: int, forward: bool = True) -> Token | None:
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is None or not len(span):
            return None
        return span[0] if forward else span[-1]

    # -- direct quotations ------------------------------------------------------------
    def cue_after(self, q: Quotation) -> Token | None:
        """The reporting verb right after the closing mark: '..., Lavrov said.', '... said
        Lavrov'; after a quotation that ends its own sentence only a lower-case
        continuation ('..." he said') counts."""
        tok = self.token_at(q.end)
        if tok is None:
            return None
        closed = self.text[q.start:q.end].rstrip().endswith((".", "!", "?"))
        words = [t for t in self.doc[tok.i + 1:min(tok.i + 25, len(self.doc))] if not t.is_space]
        first = next((t for t in words if not t.is_punct), None)
        if first is None or closed and not first.text[:1].islower():
            return None
        for n, t in enumerate(words):
            if t.text in ("“", '"') or t.is_sent_end and t.is_punct or t.text in (".", "!", "?"):
                break
            if t.lemma_.lower() in REPORTING and t.pos_ in ("VERB", "AUX"):
                return t
            if n >= 8 and t.pos_ in ("VERB", "AUX"):
                break  # past a long title ("head of the delegation at ... X said"), only a noun phrase
        return None

    def cue_before(self, q: Quotation) -> tuple[Token | None, bool]:
        """The reporting verb before the opening mark in its sentence, and whether words of
        the writer's own stand between them ("said that the talks were ...": mixed)."""
        sent = self.sentence_at(max(0, q.start - 2)) or self.sentence_at(q.start)
        tok = self.token_at(q.start - 1)
        if sent is None or tok is None:
            return None, False
        first = self.token_at(sent.span.start)
        for t in reversed(self.doc[first.i:tok.i] if first is not None else []):
            if t.lemma_.lower() in REPORTING and t.pos_ in ("VERB", "AUX"):
                between = [x for x in self.doc[t.i + 1:tok.i] if not x.is_punct]
                if len(between) > 6 and not any(x.lower_ == "that" for x in between):
                    return None, False
                return t, any(x.lower_ == "that" for x in between) and len(between) > 1
            if t.text in ("”", '"'):
                break
        return None, False

    def direct(self) -> None:
        for q in self.quotes:
            if q.start >= self.stop or q.words < _MIN_QUOTE_WORDS - 1 or (
                    q.words < _MIN_QUOTE_WORDS and self.cue_after(q) is None):
                continue  # three words in quotation marks count only with ', he said' right after
            first = self.sentence_at(q.start)
            if first is None:
                continue
            inner = _span(self.text, q.start, q.end)
            if not inner.text:
                continue
            last_sent = self.sentence_at(max(q.start, inner.end - 1)) or first
            also = tuple(self.sentences[first.index + 1:last_sent.index + 1])
            quote, content, cue = "direct", inner, self.cue_after(q)
            if cue is None:
                cue, mixed = self.cue_before(q)
                if cue is not None and mixed:
                    that = next((t for t in self.doc[cue.i + 1:] if t.lower_ == "that"), None)
                    start = that.idx + len(that.text) if that is not None else q.start
                    content, quote = _span(self.text, start, q.end), "mixed"
            if cue is None:
                self.pending.append(_Found("", "continued", None, content, "direct", first, also))
                continue
            subj = _subject(cue)
            if subj is None and cue.idx > q.end:  # "said Lavrov": the name after the verb
                subj = next((t for t in self.doc[cue.i + 1:cue.i + 4] if t.pos_ == "PROPN"), None)
            speakers, how = self.speakers.of_phrase(self.past_dateline(subj, cue)) if subj is not None else ([], "")
            if not speakers and subj is not None and subj.lower_ not in _FIRST_PERSON:
                speakers, how = self.name_before(cue)
            if not speakers or subj.lower_ in _FIRST_PERSON:
                continue
            self.used_verbs.add(cue.i)
            self.speakers.spoke(cue.idx, speakers)
            self.found += [_Found(speaker, how, cue, content, quote, first, also) for speaker in speakers]

    def continued(self) -> None:
        """A quotation with no cue of its own, at most two sentences after a statement,
        continues that statement's speaker."""
        for p in self.pending:
            before = [f for f in self.found if f.content.end <= p.content.start]
            if not before:
                continue
            last = max(before, key=lambda f: f.content.end)
            if p.first.index - (last.also or (last.first,))[-1].index <= 2:
                self.found.append(_Found(last.speaker, "continued", None, p.content, "direct", p.first, p.also))

    def past_dateline(self, subj: Token, verb: Token) -> Token:
        """A capital in capitals opening the article ("ISLAMABAD, Dec 1 (APP): Minister X
        said") is a dateline, not the speaker: the person named before the verb is."""
        if not (subj.is_upper and len(subj.text) > 2 and subj.i == subj.sent.start):
            return subj
        person = next((t for t in reversed(self.doc[subj.i + 1:verb.i]) if t.ent_type_ == "PERSON"), None)
        return person or subj

    # -- indirect speech ----------------------------------------------------------------
    def in_quote(self, start: int, end: int) -> bool:
        return any(q.words >= _MIN_QUOTE_WORDS and q.start - 1 <= start and end <= q.end + 1
                   for q in self.quotes)

    def quoted_inside(self, start: int, end: int) -> bool:
        return any(start <= q.start and q.end <= end for q in self.quotes)

    def complement(self, verb: Token) -> Token | None:
        for c in verb.children:
            if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX"):
                return c
        if verb.lemma_.lower() in ("urge", "warn", "promise", "vow", "pledge", "call", "tell",
                                   "caution", "advise", "expect", "agree", "decide", "ask", "consider"):
            for c in verb.children:
                if c.dep_ == "xcomp":
                    return c
                if c.dep_ == "prep" and c.lower_ == "on":  # "called on X to ..."
                    return next((x for x in c.subtree if x.dep_ == "xcomp"), None)
            for c in verb.children:
                if c.dep_ == "dobj":
                    return next((x for x in c.children if x.dep_ in ("xcomp", "ccomp")), None)
        return None

    def object_words(self, verb: Token) -> tuple[int, int] | None:
        """What an attitude verb's object says: "expressed [a desire to ...]",
        "praised [Pakistan for ...]"; a noun with a "that" clause for any reporting verb
        ("expressed confidence [that ...]")."""
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        if obj is None and to is not None and verb.lemma_.lower() in _POINTING:
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)  # "pointed to the role of ..."
            return (self.doc[pobj.left_edge.i].idx, pobj.right_edge.idx + len(pobj.right_edge)) if pobj is not None \
                else None
        if obj is None:
            return None
        clause = next((c for c in obj.children if c.dep_ in ("acl", "ccomp") and any(
            m.lower_ == "that" for m in c.children if m.dep_ == "mark")), None)
        if clause is not None:
            toks = [t for t in clause.subtree if not (t.dep_ == "mark" and t.lower_ == "that")]
            return toks[0].idx, toks[-1].idx + len(toks[-1])
        lemma = verb.lemma_.lower()
        if lemma in _SEEING_AS:  # "Islamabad sees cashless exchanges as a win-win way to trade"
            as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
            if as_ is None:
                return None
            return self.doc[obj.left_edge.i].idx, as_.right_edge.idx + len(as_.right_edge)
        if lemma not in OBJECT_CUES or obj.lemma_.lower() in _COURTESIES:
            return None
        right = [c for c in verb.rights if c.dep_ in ("dobj", "prep", "dative", "oprd")]
        first, last = min(t.left_edge.i for t in right), max(t.right_edge.i for t in right)
        return self.doc[first].idx, self.doc[last].idx + len(self.doc[last])

    def indirect(self) -> None:
        from kg.extract.pipeline import sentence_at

        for i in token_indices(self.doc, lemma=REPORTING | OBJECT_CUES | _SEEING_AS | _POINTING, lower={"according"}):
            tok = self.doc[i]
            if tok.idx >= self.stop:
                break
            sent = sentence_at(self.sentences, tok.idx)
            if sent is None:
                continue
            if tok.lower_ == "according":
                self.according(tok, sent)
            elif tok.pos_ in ("VERB", "AUX") and tok.i not in self.used_verbs and (
                    tok.lemma_.lower() in REPORTING | OBJECT_CUES | _SEEING_AS | _POINTING):
                self.reported(tok, sent)

    def name_before(self, verb: Token) -> tuple[list[str], str]:
        """The name that ends a long subject right before its verb ("head of the Russian
        delegation at the exhibition Eurosatory 2014 Igor Sevastyanov said"), when the
        subject's head names nobody."""
        run = []
        for t in reversed(self.doc[max(verb.sent.start, verb.i - 4):verb.i]):
            if t.pos_ != "PROPN" or not t.text[:1].isupper() or not t.is_alpha:
                break
            run.insert(0, t)
        person = self.speakers.new_person(run) if len(run) >= 2 else None
        return ([person], "named") if person else ([], "")

    def postposed(self, verb: Token) -> tuple[int, int] | None:
        """The words before "..., the ministry said (in a statement)." when the parse hangs
        the cue under them rather than them under the cue: the sentence up to the comma
        that opens the cue's clause, when nothing but the cue's own words follows it."""
        if verb.lemma_.lower() not in _POSTPOSED or verb.dep_ not in ("ccomp", "parataxis", "conj", "advcl") \
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
        comp = self.complement(verb)
        before = self.postposed(verb) if comp is None else None
        if comp is None and before is None:
            before = self.as_said(verb)
        words = self.object_words(verb) if comp is None and before is None else before
        if comp is None and words is None or self.in_quote(verb.idx, verb.idx + 1):
            return
        if before is not None:  # the cue's own subject, not the statement's
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
                or self.postposed_subject(verb)
        else:
            subj = _subject(verb) or self.postposed_subject(verb)
        if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and verb.head.head.lemma_.lower() in REPORTING \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            subj = _subject(verb.head.head)  # "X observed that A ... and underlined that B"
        if any(c.dep_ == "auxpass" for c in verb.children):  # "is expected to", "was told"
            return
        if subj is None or subj.lower_ in _FIRST_PERSON or any(
                c.dep_ == "neg" for c in verb.children) and verb.lemma_.lower() != "deny":
            return
        if comp is not None and (any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in comp.children)
                                 or comp.left_edge.tag_ in ("WDT", "WP", "WP$", "WRB")
                                 and comp.left_edge.lower_ != "that"):
            return  # "asked what role Russia could play": a question, not a statement
        if comp is not None and comp.lemma_.lower() in _QUOTING | {"report"} and any(
                c.dep_ == "auxpass" for c in comp.children):
            return  # "the paper said X was quoted as saying ...": X's statement, found on its own
        speakers, how = self.speakers.of_phrase(self.past_dateline(subj, verb))
        if not speakers:
            return
        parts = []
        for tokens in _own_clauses(comp) if comp is not None else ():
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            if tokens[0].lower_ == "that":
                start = tokens[1].idx if len(tokens) > 1 else end
            parts.append((start, end))
        if comp is None:
            parts.append(words)
        if len(parts) > 1 and len(set(map(lambda r: self.kind_of(r, verb, speakers), parts))) == 1:
            parts = [(parts[0][0], parts[-1][1])]  # one statement unless its clauses differ in kind
        for start, end in parts:
            if self.in_quote(start, end):
                continue
            content = _span(self.text, start, end)
            if len(content.text.split()) < 3:
                continue
            quote = "mixed" if self.quoted_inside(start, end) else "indirect"
            self.used_verbs.add(verb.i)
            self.speakers.spoke(verb.idx, speakers)
            self.found += [_Found(speaker, how, verb, content, quote, sent) for speaker in speakers]

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
        content = _span(self.text, start, end)
        if len(content.text.split()) >= 3:
            self.speakers.spoke(tok.idx, speakers)
            self.found += [_Found(speaker, how, tok, content, "indirect", sent) for speaker in speakers]


def find_statements(doc: Doc, sentences: list[Sentence], mentions: list[Mention], core_type,
                    state_of_place=None, author_sentence: Sentence | None = None, times=(),
                    lookup=None, new_entities: dict[str, str] | None = None,
                    writer_claims: list[Claim] = ()) -> list[Claim]:
    """Every statement the article attributes to a speaker other than the writer, after
    the writer's own claims (``writer_claims``) outside the sentences that report speech.

    ``lookup`` (a name -> registry id function) and ``new_entities`` (the extraction's
    new-entity table, which gains the institutions named as speakers) are optional.
    """
    text = doc_text(doc)
    stop = author_sentence.span.start if author_sentence is not None else len(text)
    speakers = Speakers(doc, mentions, core_type, state_of_place, lookup, new_entities)
    finder = _Finder(doc, sentences, speakers, stop)
    finder.direct()
    finder.indirect()
    finder.continued()
    out: dict[tuple[int, int, str], Claim] = {}
    for f in sorted(finder.found, key=lambda f: (f.content.start, f.content.end)):
        key = (f.content.start, f.content.end, f.speaker)
        if key in out or any(c.content.start <= f.content.start < c.content.end for c in out.values()
                             if c.speaker == f.speaker):
            continue
        cue = f.cue
        cue_text = _cue_words(doc, cue) if cue is not None else ""
        cue_lemma = cue.lemma_.lower() if cue is not None else ""
        cue_lemma = _JUDGED_AS.get(cue_lemma, cue_lemma)
        about = tuple(dict.fromkeys(
            m.entity for m in speakers.mentions
            if f.content.start <= m.span.start < f.content.end and m.entity != f.speaker))
        content_doc = doc.char_span(f.content.start, f.content.end, alignment_mode="expand")
        kind = classify_kind(content_doc, cue_lemma, institution=core_type(f.speaker) in ("Organisation", "State"))
        date = _statement_date(times, f.first, f.content)
        out[key] = Claim(kind, f.first, cue_text, about, speaker=f.speaker, content=f.content,
                         quote=f.quote, stance=stance_of(f.content.text), date=date, also=f.also,
                         confidence=_confidence(f.quote, f.how))
    said = _merge_repeats(doc, list(out.values()))
    reporting = {s.index for c in said for s in (c.sentence, *c.also)}
    own = [c for c in writer_claims if c.sentence.index not in reporting]
    return _interview(text, own, speakers, sentences, reporting, stop) + said


def _content_lemmas(doc: Doc, claim: Claim) -> set[str]:
    span = doc.char_span(claim.content.start, claim.content.end, alignment_mode="expand")
    return {t.lemma_.lower() for t in span or () if t.pos_ in ("NOUN", "VERB", "ADJ")
            and not t.is_stop and t.lemma_.lower() not in REPORTING}


def _merge_repeats(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """A direct quotation that repeats what its speaker was just reported to say ("Peskov
    said the Kremlin will report the date in time." then "'We will announce its date in a
    timely fashion,' he said.") is one statement: its sentences join the paraphrase's claim.
    Repeating means saying the same kind of thing with at least three content words in
    common (names aside), a third of the shorter's."""
    out: list[Claim] = []
    for c in claims:
        merged = False
        if c.quote == "direct" and c.content is not None:
            words = _content_lemmas(doc, c)
            best, best_shared = None, 0
            for i, p in enumerate(out):
                last = (p.also or (p.sentence,))[-1].index
                if p.speaker != c.speaker or p.kind != c.kind or p.quote == "direct" or p.content is None \
                        or not 0 < c.sentence.index - last <= 2:
                    continue
                theirs = _content_lemmas(doc, p)
                shared = len(words & theirs)
                if shared >= 3 and shared * 3 >= min(len(words), len(theirs)) and shared > best_shared:
                    best, best_shared = i, shared
            if best is not None:
                p = out[best]
                out[best] = dataclasses.replace(p, also=(*p.also, c.sentence, *c.also))
                merged = True
        if not merged:
            out.append(c)
    return out


_QUESTION = re.compile(r"^[ \t]*(?:Q|Question)[ \t]*[:.\-–]", re.M)
_ANSWER = re.compile(r"^(?:.*\n)?[ \t]*(?:A|Answer)[ \t]*:[ \t]*", re.S)  # "A: ...", after a question


def _interview(text: str, claims: list[Claim], speakers: Speakers, sentences: list[Sentence] = (),
               reporting: set[int] = frozenset(), stop: int | None = None) -> list[Claim]:
    """In an interview ("Q: ..." paragraphs), the answers are the interviewee's words, not
    the writer's: the person the introduction (before the first question) names speaks
    them, every sentence of them (one statement each, the ones that report someone else's
    words apart); the questions themselves say nothing."""
    questions = [m.start() for m in _QUESTION.finditer(text)]
    if len(questions) < 2:
        return claims
    intro = [m for m in speakers.mentions if m.span.start < questions[0] and speakers.core_type(m.entity) == "Person"]
    who = speakers.full_name(intro[0]) if intro else next(
        (p for p in (speakers.unlinked_person(e.root) for e in speakers.doc.ents
                     if e.label_ == "PERSON" and e.end_char < questions[0]) if p), None)
    if who is None:
        return claims
    out = []
    for c in claims:
        start = c.sentence.span.start
        if start < questions[0]:
            out.append(c)
            continue
        paragraph = text.rfind("\n", 0, start) + 1
        if any(paragraph <= q <= start for q in questions):
            continue  # the interviewer's question
        body = _ANSWER.sub("", c.sentence.span.text)
        at = start + c.sentence.span.text.find(body)
        out.append(dataclasses.replace(c, speaker=who, content=_span(text, at, at + len(body)), quote="direct",
                                       confidence=0.6))
    taken = reporting | {c.sentence.index for c in out}
    doc = speakers.doc
    for sent in sentences:
        start = sent.span.start
        if start < questions[0] or sent.index in taken or stop is not None and start >= stop:
            continue
        body = _ANSWER.sub("", sent.span.text).strip()
        para = text.rfind("\n", 0, start) + 1
        if any(para <= q <= start for q in questions) and not _ANSWER.search(sent.span.text):
            continue  # the interviewer's question
        if body.endswith("?") or len([w for w in body.split() if w.isalpha()]) < 4:
            continue
        at = start + sent.span.text.find(body)
        content = _span(text, at, at + len(body))
        span = doc.char_span(content.start, content.end, alignment_mode="expand")
        judging = judges(list(span or ()), content.text)
        last = out[-1] if out and out[-1].speaker == who and out[-1].confidence == 0.55 else None
        if last is not None and not judging and text.rfind("\n", 0, last.sentence.span.start) + 1 == para \
                and (last.also or (last.sentence,))[-1].index == sent.index - 1:
            out[-1] = dataclasses.replace(last, also=(*last.also, sent))  # the answer goes on
            continue
        kind = classify_kind(span, "")
        out.append(Claim("Assessment" if kind == "ReportOfFact" and judging else kind, sent, "", (), speaker=who,
                         content=content, quote="direct", stance=stance_of(content.text), confidence=0.55))
    return sorted(out, key=lambda c: c.sentence.index)


def _cue_words(doc: Doc, cue: Token) -> str:
    """The reporting verb with its particles ("told reporters", "pointed out", "according to")."""
    if cue.lower_ == "according":
        return "according to"
    extra = [c for c in cue.children if c.dep_ in ("prt",) or c.dep_ == "dobj" and c.lower_ in (
        "reporters", "journalists")]
    words = sorted([cue, *extra], key=lambda t: t.i)
    return " ".join(t.text for t in words)


def _statement_date(times, sent: Sentence, content: Span) -> str | None:
    """The date of the sentence that lies outside the statement's own words."""
    for t in times:
        if sent.span.start <= t.span.start < sent.span.end and not (
                content.start <= t.span.start < content.end):
            value = t.value or t.start
            if value:
                return value
    return None

